//! Validate a file of request bodies, one JSON object per line, and print every violation: bodies
//! of Zoom's current edition, or of the one `--edition` names (`2021`, `v2025`, …), read as an
//! `AnyUpdate` without a branch per edition.
//!
//! ```text
//! cargo run --example validate_file -- bodies.jsonl [--strict] [--edition 2021]
//! ```
//!
//! Exits with 1 when a body is invalid. Without a file it validates two sample lines.

use std::io::BufRead;
use std::process::ExitCode;

use zoom_user_update::{Edition, Policy, Update};

const SAMPLE: &str = r#"{"first_name": "Ada", "pmi": 2468135790, "timezone": "Europe/London"}
{"pmi": 123, "host_key": "12ab", "nick": "x", "timezone": "Mars/Base"}
{"division_ids": [], "license_info_list": [{"license_type": "MEETING", "license_option": 2}]}
"#;

fn main() -> Result<ExitCode, Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let policy = if args.iter().any(|a| a == "--strict") {
        Policy::Strict
    } else {
        Policy::Spec
    };
    let edition: Edition = match args.iter().position(|a| a == "--edition") {
        Some(at) => args.get(at + 1).ok_or("--edition needs a value")?.parse()?,
        None => Edition::default(),
    };
    let file = args
        .iter()
        .enumerate()
        .find(|(i, a)| !a.starts_with("--") && (*i == 0 || args[i - 1] != "--edition"))
        .map(|(_, a)| a);
    let lines: Vec<String> = match file {
        Some(path) => std::io::BufReader::new(std::fs::File::open(path)?)
            .lines()
            .collect::<Result<_, _>>()?,
        None => SAMPLE.lines().map(str::to_owned).collect(),
    };
    let mut invalid = 0;
    for (number, line) in lines.iter().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match edition.from_json(line, policy) {
            Ok(update) => {
                println!("line {}: valid", number + 1);
                for warning in update.warnings() {
                    println!("line {}: warning: {warning}", number + 1);
                }
            }
            Err(errors) => {
                invalid += 1;
                // `path: message`, the path's control characters escaped.
                for v in &errors {
                    println!("line {}: {v} ({})", number + 1, v.rule().code());
                }
            }
        }
    }
    Ok(if invalid == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
