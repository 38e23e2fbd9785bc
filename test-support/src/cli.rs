//! What the tool's test files (`cli/tests/cli.rs`, `cli/tests/hostile.rs`) share: the command in
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

/// The report by input line: every outcome, in order. Every line of the report parses.
pub fn outcomes(path: &Path) -> BTreeMap<u64, Vec<Value>> {
    outcomes_beside(path, None)
}

/// [`outcomes`] of a report that may also hold `torn`, a fragment the test wrote itself: the
/// only line that may fail to parse.
pub fn outcomes_beside(path: &Path, torn: Option<&[u8]>) -> BTreeMap<u64, Vec<Value>> {
    let mut by_line = BTreeMap::<u64, Vec<Value>>::new();
    for line in report_lines(path) {
        match line {
            Ok(value) => by_line
                .entry(value["line"].as_u64().expect("a line number"))
                .or_default()
                .push(value),
            Err(raw) => assert_eq!(
                Some(&raw[..]),
                torn,
                "only the fragment may fail to parse: {:?}",
                String::from_utf8_lossy(&raw)
            ),
        }
    }
    by_line
}
