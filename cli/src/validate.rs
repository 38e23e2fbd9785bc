//! `validate`: every violation of a body, or of each line of a JSON Lines file.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use zoom_user_update::{Edition, Policy, Update, ValidationErrors, Warning};

use crate::common::{
    EditionArg, Failure, LineReader, PolicyArg, read_input, violation_line, write_out,
};

#[derive(Debug, clap::Args)]
pub struct ValidateArgs {
    /// The JSON file (standard input for `-` or none).
    file: Option<PathBuf>,
    /// Read JSON Lines: one body per line (blank lines are skipped).
    #[arg(long)]
    jsonl: bool,
    /// Print the violations as a JSON array of {path, rule, message} (one array per line with --jsonl).
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    policy: PolicyArg,
    #[command(flatten)]
    edition: EditionArg,
}

pub async fn run(args: ValidateArgs) -> Result<ExitCode, Failure> {
    let policy = args.policy.policy();
    let edition = args.edition.edition;
    let mut invalid = 0usize;
    let mut count = 0usize;
    let mut report = |line: Option<u64>, body: &[u8]| -> Result<(), Failure> {
        count += 1;
        let result = check(edition, body, policy);
        if result.is_err() {
            invalid += 1;
        }
        write_out(|out| print_result(out, line, &result, args.json))
    };
    if args.jsonl {
        let mut lines = LineReader::input(args.file.as_deref()).await?;
        while let Some((number, line)) = lines.next().await? {
            // The body without its line break: a position in a message is one of the line.
            report(Some(number), line.strip_suffix(b"\n").unwrap_or(&line))?;
        }
    } else {
        report(None, &read_input(args.file.as_deref())?)?;
    }
    if args.jsonl && !args.json {
        eprintln!("{count} bodies, {invalid} invalid");
    }
    Ok(if invalid == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The intake of a JSON body of `edition` (`update --body` reads its file through it too):
/// the warnings of a valid body, or its violations.
pub fn check(
    edition: Edition,
    body: &[u8],
    policy: Policy,
) -> Result<Vec<Warning>, ValidationErrors> {
    edition
        .from_json(body, policy)
        .map(|update| update.warnings())
}

fn print_result(
    out: &mut dyn Write,
    line: Option<u64>,
    result: &Result<Vec<Warning>, ValidationErrors>,
    json: bool,
) -> std::io::Result<()> {
    let prefix = line.map(|n| format!("line {n}: ")).unwrap_or_default();
    match (result, json) {
        (Ok(_), true) => writeln!(out, "[]"),
        (Err(errors), true) => {
            // One compact array per line for JSON Lines, a readable one for a single body.
            let text = if line.is_some() {
                serde_json::to_string(errors)
            } else {
                serde_json::to_string_pretty(errors)
            };
            writeln!(out, "{}", text.unwrap_or_default())
        }
        (Ok(warnings), false) => {
            for warning in warnings {
                eprintln!("{prefix}warning: {warning}");
            }
            if line.is_none() {
                writeln!(out, "valid")?;
            }
            Ok(())
        }
        (Err(errors), false) => {
            for v in errors {
                writeln!(out, "{prefix}{}", violation_line(v, "(body)"))?;
            }
            Ok(())
        }
    }
}
