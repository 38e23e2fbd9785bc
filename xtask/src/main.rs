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

Extracts one operation from Zoom's whole OpenAPI 3.0 file, normalises it for progenitor, applies the
overlay, checks and writes the fragment, and reports what changed against the fragment it replaces
(--against, default: the existing --out file). --check writes nothing and exits 1 if --out would change.";

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    match args.first().and_then(|a| a.to_str()) {
        Some("spec-extract") => {}
        Some("-h" | "--help") | None => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some(other) => {
            eprintln!("error: unknown task {other:?}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    }
    let options = match parse(&args[1..]) {
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
    let mut stdout = std::io::stdout().lock();
    match spec_extract::run(&options, &mut stdout) {
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
    let mut input = None;
    let mut operation = None;
    let mut out = None;
    let mut overlay = None;
    let mut against = None;
    let mut check = false;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = |flag: &str| {
            args.next()
                .cloned()
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        match arg.to_str() {
            Some("-h" | "--help") => return Ok(None),
            Some("--operation") => {
                let id = value("--operation")?;
                operation = Some(
                    id.into_string()
                        .map_err(|_| "--operation is not UTF-8".to_owned())?,
                );
            }
            Some("--out") => out = Some(PathBuf::from(value("--out")?)),
            Some("--overlay") => overlay = Some(PathBuf::from(value("--overlay")?)),
            Some("--against") => against = Some(PathBuf::from(value("--against")?)),
            Some("--check") => check = true,
            Some(flag) if flag.starts_with('-') => return Err(format!("unknown option {flag}")),
            _ if input.is_none() => input = Some(PathBuf::from(arg)),
            _ => return Err(format!("unexpected argument {}", arg.to_string_lossy())),
        }
    }
    Ok(Some(Options {
        input: input.ok_or("missing <zoom-file>")?,
        operation: operation.ok_or("missing --operation <operationId>")?,
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
        assert!(
            parse(&args(&["z.json", "--out", "o.json"]))
                .unwrap_err()
                .contains("--operation")
        );
        assert!(
            parse(&args(&["z.json", "--operation"]))
                .unwrap_err()
                .contains("needs a value")
        );
        assert!(
            parse(&args(&["z.json", "--nope"]))
                .unwrap_err()
                .contains("unknown option")
        );
        assert!(parse(&args(&["--help"])).unwrap().is_none());
    }
}
