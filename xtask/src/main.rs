//! `xtask spec-extract <zoom-file> --operation <operationId> --out <fragment.json>
//! [--overlay <overlay.json>] [--against <fragment.json>] [--check]`
//!
//! Exit status: 0 done (or up to date), 1 `--check` found a difference, 2 an error.

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use xtask::spec_extract::{self, Options, Outcome};

const USAGE: &str = "usage: xtask spec-extract <zoom-file> --operation <operationId> --out <fragment.json> \
[--overlay <overlay.json>] [--against <fragment.json>] [--check]

Extracts one operation from Zoom's whole OpenAPI 3.0 file (with redocly, through npx), normalises it for
progenitor, applies the overlay, checks and writes the fragment, and reports what changed against the
fragment it replaces (--against, default: the existing --out file). --check writes nothing and exits 1
if --out would change.";

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let options = match args.first().and_then(|a| a.to_str()) {
        Some("spec-extract") => parse(&args[1..]),
        Some("-h" | "--help") | None => Ok(None),
        Some(other) => Err(format!("unknown task {other:?}")),
    };
    let options = match options {
        Ok(Some(options)) => options,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("error: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match spec_extract::run(&options, &mut std::io::stdout().lock()) {
        Ok(Outcome::Written | Outcome::UpToDate) => ExitCode::SUCCESS,
        Ok(Outcome::WouldChange) => ExitCode::from(1),
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

/// The options of `spec-extract` (`None`: help was asked for).
fn parse(args: &[OsString]) -> Result<Option<Options>, String> {
    let (mut input, mut operation, mut out, mut overlay, mut against) =
        (None, None, None, None, None);
    let mut check = false;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = |flag: &str| args.next().cloned().ok_or(format!("{flag} needs a value"));
        match arg.to_str().unwrap_or_default() {
            "-h" | "--help" => return Ok(None),
            "--operation" => operation = Some(value("--operation")?),
            "--out" => out = Some(PathBuf::from(value("--out")?)),
            "--overlay" => overlay = Some(PathBuf::from(value("--overlay")?)),
            "--against" => against = Some(PathBuf::from(value("--against")?)),
            "--check" => check = true,
            flag if flag.starts_with('-') => return Err(format!("unknown option {flag}")),
            _ if input.is_none() => input = Some(PathBuf::from(arg)),
            _ => return Err(format!("unexpected argument {}", arg.to_string_lossy())),
        }
    }
    let operation = operation.ok_or("missing --operation <operationId>")?;
    Ok(Some(Options {
        input: input.ok_or("missing <zoom-file>")?,
        operation: operation
            .into_string()
            .map_err(|_| "--operation is not UTF-8")?,
        out: out.ok_or("missing --out <fragment.json>")?,
        overlay,
        against,
        check,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn parses_the_documented_command_line() {
        let options = parse(&args(&[
            "openapi/zoom/z.json",
            "--operation",
            "userUpdate",
            "--out",
            "o.json",
            "--overlay",
            "o.overlay.json",
            "--against",
            "old.json",
            "--check",
        ]))
        .unwrap()
        .unwrap();
        assert_eq!(options.input, PathBuf::from("openapi/zoom/z.json"));
        assert_eq!(options.operation, "userUpdate");
        assert_eq!(options.overlay, Some(PathBuf::from("o.overlay.json")));
        assert_eq!(options.against, Some(PathBuf::from("old.json")));
        assert!(options.check);
    }

    #[test]
    fn refuses_incomplete_or_unknown_arguments() {
        let error = |list: &[&str]| parse(&args(list)).unwrap_err();
        assert!(error(&["z.json", "--out", "o.json"]).contains("--operation"));
        assert!(error(&["z.json", "--operation"]).contains("needs a value"));
        assert!(error(&["z.json", "--nope"]).contains("unknown option"));
        assert!(parse(&args(&["--help"])).unwrap().is_none());
    }
}
