//! What the tool's test files (`cli/tests/cli.rs`, `cli/tests/hostile.rs`,
//! `cli/tests/bulk_order.rs`) share: the command in
//! a clean environment, a bulk input file and the report read by line. The tool's binary is the
//! test file's own (`env!("CARGO_BIN_EXE_zoom-user-update")`, which only its tests see).

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Value, json};

/// `program` (the tool, or a wrapper that runs it) in a clean environment: no credentials,
/// URLs or log settings from the caller's, so that output compared exactly stays the same.
pub fn clean_command(program: impl AsRef<OsStr>) -> Command {
    let mut cmd = Command::new(program);
    for var in [
        "ZOOM_ACCESS_TOKEN",
        "ZOOM_ACCOUNT_ID",
        "ZOOM_CLIENT_ID",
        "ZOOM_CLIENT_SECRET",
        "ZOOM_BASE_URL",
        "ZOOM_TOKEN_URL",
        "RUST_LOG",
        "RUST_BACKTRACE",
    ] {
        cmd.env_remove(var);
    }
    cmd
}

/// `dir/in.jsonl`: `n` lines `{"user_id": "u<i>", "body": {"dept": "D<i>"}}`.
pub fn input_file(dir: &Path, n: usize) -> PathBuf {
    let path = dir.join("in.jsonl");
    let mut text = String::new();
    for i in 1..=n {
        text.push_str(
            &json!({"user_id": format!("u{i}"), "body": {"dept": format!("D{i}")}}).to_string(),
        );
        text.push('\n');
    }
    std::fs::write(&path, text).unwrap();
    path
}

/// The report's lines, parsed (the raw line when it does not parse); none without a report.
pub fn report_lines(path: &Path) -> Vec<Result<Value, Vec<u8>>> {
    let bytes = std::fs::read(path).unwrap_or_default();
    bytes
        .split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice::<Value>(l).map_err(|_| l.to_vec()))
        .collect()
}

/// The report by input line, every outcome in order; every line of the report parses and the
/// report ends with a line break (valid JSON Lines).
pub fn outcomes(path: &Path) -> BTreeMap<u64, Vec<Value>> {
    let bytes = std::fs::read(path).unwrap_or_default();
    assert!(
        bytes.is_empty() || bytes.ends_with(b"\n"),
        "the report ends with a line break: {:?}",
        text(&bytes[bytes.len().saturating_sub(200)..])
    );
    let mut by_line = BTreeMap::<u64, Vec<Value>>::new();
    for (n, line) in report_lines(path).into_iter().enumerate() {
        let value = line
            .unwrap_or_else(|raw| panic!("report line {} does not parse: {:?}", n + 1, text(&raw)));
        let number = value["line"]
            .as_u64()
            .unwrap_or_else(|| panic!("report line {} has no input line: {value}", n + 1));
        by_line.entry(number).or_default().push(value);
    }
    by_line
}

/// Bytes as text, invalid UTF-8 replaced (for messages).
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
