//! `bulk`: many updates from a JSON Lines file, validated first, paced, reported line by line
//! and resumable.
//!
//! The input is read twice, line by line (once to validate every line, once to send), so memory
//! does not grow with the file. Each outcome is appended to the report and written out before
//! the next one, so an interrupted run loses no outcome that was received; Ctrl-C stops
//! launching requests and waits for those in flight. A crash (SIGKILL) can lose the outcomes of
//! the requests in flight, which `--resume` then sends again: a PATCH that sets fields is
//! idempotent.

use std::fs::OpenOptions;
use std::io::{IsTerminal, Write};
use std::num::NonZeroU32;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::task::JoinSet;
use zoom_user_update::mock::MockZoom;
use zoom_user_update::{BulkLine, Error, Policy, RateBudget, Updated, UserId};

use crate::common::{
    ConnectionArgs, Failure, PolicyArg, auth, build_client, describe, say, strip_bom,
    violation_line,
};

#[derive(Debug, clap::Args)]
pub struct BulkArgs {
    /// JSON Lines: {"user_id": ..., "login_type"?: ..., "body": {...}} per line.
    file: PathBuf,
    /// Append one JSON outcome per input line to this file.
    #[arg(long)]
    report: PathBuf,
    /// Skip the lines whose success is already in the report.
    #[arg(long)]
    resume: bool,
    /// Send the valid lines even when some are invalid (the invalid ones are reported).
    #[arg(long)]
    skip_invalid: bool,
    /// Pace under the rate limit of a Zoom plan: free (4/s), pro (30/s) or business (80/s).
    #[arg(long, conflicts_with = "rate")]
    plan: Option<RateBudget>,
    /// Pace at this many requests per second.
    #[arg(long)]
    rate: Option<NonZeroU32>,
    /// Requests in flight at most.
    #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u16).range(1..))]
    concurrency: u16,
    #[command(flatten)]
    policy: PolicyArg,
    /// Send to an in-process fake Zoom (users are created for every user_id of the file).
    #[arg(long)]
    mock: bool,
    #[command(flatten)]
    connection: ConnectionArgs,
}

/// Parses one input line; the error is every violation, one `path: message (rule)` each.
fn parse_line(bytes: &[u8], policy: Policy) -> Result<BulkLine, Vec<String>> {
    BulkLine::parse(bytes, policy)
        .map_err(|errors| errors.iter().map(|v| violation_line(v, "(line)")).collect())
}

/// The lines whose success the report already holds, as a bit set.
fn done_lines(report: &Path) -> Result<Vec<u64>, Failure> {
    let text = match std::fs::read_to_string(report) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(Failure::Usage(format!(
                "cannot read {}: {e}",
                report.display()
            )));
        }
    };
    let mut bits = Vec::new();
    // A torn last line (a crash mid-write) does not parse and is ignored.
    for value in text
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
    {
        if value["status"] == "ok"
            && let Some(line) = value["line"].as_u64()
        {
            let (word, bit) = ((line / 64) as usize, line % 64);
            if bits.len() <= word {
                bits.resize(word + 1, 0u64);
            }
            bits[word] |= 1 << bit;
        }
    }
    Ok(bits)
}

fn is_done(bits: &[u64], line: u64) -> bool {
    bits.get((line / 64) as usize)
        .is_some_and(|w| w & (1 << (line % 64)) != 0)
}

fn outcome(line: u64, user_id: &str, result: &Result<Updated, Error>) -> Value {
    match result {
        Ok(updated) => {
            json!({"line": line, "user_id": user_id, "status": "ok", "http_status": updated.status})
        }
        Err(e) => json!({
            "line": line,
            "user_id": user_id,
            "status": "failed",
            "http_status": e.status(),
            "code": e.zoom_code(),
            "message": describe(e),
        }),
    }
}

/// Appends one outcome to the report: one write per outcome, so a crash tears at most the
/// last line.
fn write(report: &mut std::fs::File, value: &Value) -> Result<(), Failure> {
    let mut line = value.to_string();
    line.push('\n');
    report
        .write_all(line.as_bytes())
        .map_err(|e| Failure::Failed(format!("cannot write the report: {e}")))
}

type Sent = (u64, UserId, Result<Updated, Error>);

/// Waits for the next request in flight to finish and reports its outcome.
async fn finish_next(
    in_flight: &mut JoinSet<Sent>,
    report: &mut std::fs::File,
    tally: &mut Tally,
    progress: &Progress,
) -> Result<(), Failure> {
    let Some(done) = in_flight.join_next().await else {
        return Ok(());
    };
    let (line, user_id, result) = done.map_err(|e| Failure::Failed(e.to_string()))?;
    write(report, &outcome(line, user_id.as_str(), &result))?;
    if result.is_ok() {
        tally.ok += 1;
    } else {
        tally.failed += 1;
    }
    progress.tick(tally);
    Ok(())
}

#[derive(Default)]
struct Tally {
    ok: u64,
    failed: u64,
    invalid: u64,
    skipped: u64,
}

pub async fn run(args: BulkArgs) -> Result<ExitCode, Failure> {
    let policy = args.policy.policy();

    // Pass 1: validate every line; report the invalid ones before anything is sent.
    let mut total = 0u64;
    let mut invalid = 0u64;
    let mut users = Vec::new();
    let mut lines = LineReader::open(&args.file).await?;
    while let Some((line, bytes)) = lines.next().await? {
        total += 1;
        match parse_line(&bytes, policy) {
            Ok(job) if args.mock => users.push(job.user_id.as_str().to_owned()),
            Ok(_) => {}
            Err(problems) => {
                invalid += 1;
                for p in problems {
                    eprintln!("line {line}: {p}");
                }
            }
        }
    }
    if invalid > 0 && !args.skip_invalid {
        return Err(Failure::Failed(format!(
            "{invalid} of {total} lines are invalid; nothing was sent (fix them, or pass --skip-invalid to send the valid ones)"
        )));
    }

    let done = if args.resume {
        done_lines(&args.report)?
    } else {
        Vec::new()
    };
    if !args.resume && std::fs::metadata(&args.report).is_ok_and(|m| m.len() > 0) {
        return Err(Failure::Usage(format!(
            "the report {} exists: pass --resume to continue that run, or remove it",
            args.report.display()
        )));
    }
    let mut report = OpenOptions::new()
        .create(true)
        .append(true)
        .open(&args.report)
        .map_err(|e| Failure::Usage(format!("cannot open {}: {e}", args.report.display())))?;

    let mock = if args.mock {
        let zoom = MockZoom::start().await;
        for user in &users {
            zoom.add_user(user, &format!("{user}@mock.example"));
        }
        Some(zoom)
    } else {
        None
    };
    drop(users);
    let (base_url, auth) = match &mock {
        Some(zoom) => (zoom.base_url(), zoom.bearer_auth()),
        None => (args.connection.base_url.clone(), auth(&args.connection)?),
    };
    let budget = args.plan.or(args.rate.map(RateBudget::PerSecond));
    let client = build_client(&args.connection, &base_url, auth, budget)?;

    // Ctrl-C: stop launching, let the requests in flight finish; a second one exits at once.
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            eprintln!("interrupted: waiting for the requests in flight (Ctrl-C again to quit now)");
            flag.store(true, Ordering::SeqCst);
            if tokio::signal::ctrl_c().await.is_ok() {
                std::process::exit(130);
            }
        }
    });

    let progress = Progress::new(total);
    let mut tally = Tally::default();
    let mut in_flight: JoinSet<Sent> = JoinSet::new();
    // Pass 2: send, reading the file again.
    let mut lines = LineReader::open(&args.file).await?;
    while let Some((line, bytes)) = lines.next().await? {
        if stop.load(Ordering::SeqCst) {
            break;
        }
        if is_done(&done, line) {
            tally.skipped += 1;
            progress.tick(&tally);
            continue;
        }
        let job = match parse_line(&bytes, policy) {
            Ok(job) => job,
            Err(problems) => {
                let user_id = serde_json::from_slice::<Value>(&bytes)
                    .ok()
                    .and_then(|v| v["user_id"].as_str().map(str::to_owned));
                write(
                    &mut report,
                    &json!({"line": line, "user_id": user_id, "status": "invalid", "message": problems.join("; ")}),
                )?;
                tally.invalid += 1;
                progress.tick(&tally);
                continue;
            }
        };
        while in_flight.len() >= usize::from(args.concurrency) {
            finish_next(&mut in_flight, &mut report, &mut tally, &progress).await?;
        }
        let client = client.clone();
        in_flight.spawn(async move {
            let BulkLine {
                user_id,
                login_type,
                update,
                ..
            } = job;
            let mut request = client.update_user(&user_id, &update);
            if let Some(t) = login_type {
                request = request.login_type(t);
            }
            let result = request.await;
            (line, user_id, result)
        });
    }
    while !in_flight.is_empty() {
        finish_next(&mut in_flight, &mut report, &mut tally, &progress).await?;
    }
    progress.finish(&tally);

    let interrupted = stop.load(Ordering::SeqCst);
    say(format_args!(
        "{} lines: {} ok, {} failed, {} invalid, {} skipped (already done){}",
        total,
        tally.ok,
        tally.failed,
        tally.invalid,
        tally.skipped,
        if interrupted {
            "; interrupted: run again with --resume"
        } else {
            ""
        }
    ));
    Ok(if interrupted {
        ExitCode::from(130)
    } else if tally.failed > 0 || tally.invalid > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Non-blank lines of a file, one at a time.
struct LineReader {
    reader: BufReader<tokio::fs::File>,
    path: PathBuf,
    number: u64,
}

impl LineReader {
    async fn open(path: &Path) -> Result<Self, Failure> {
        let file = tokio::fs::File::open(path)
            .await
            .map_err(|e| Failure::Usage(format!("cannot read {}: {e}", path.display())))?;
        Ok(Self {
            reader: BufReader::new(file),
            path: path.to_owned(),
            number: 0,
        })
    }

    async fn next(&mut self) -> Result<Option<(u64, Vec<u8>)>, Failure> {
        loop {
            let mut buf = Vec::new();
            let n =
                self.reader.read_until(b'\n', &mut buf).await.map_err(|e| {
                    Failure::Usage(format!("cannot read {}: {e}", self.path.display()))
                })?;
            if n == 0 {
                return Ok(None);
            }
            self.number += 1;
            let line = if self.number == 1 {
                strip_bom(&buf).to_vec()
            } else {
                buf
            };
            if !line.iter().all(u8::is_ascii_whitespace) {
                return Ok(Some((self.number, line)));
            }
        }
    }
}

/// A progress bar on a terminal, a plain line every two seconds otherwise.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    total: u64,
    last: std::cell::Cell<Instant>,
}

impl Progress {
    fn new(total: u64) -> Self {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = indicatif::ProgressBar::new(total);
            if let Ok(style) = indicatif::ProgressStyle::with_template(
                "{elapsed_precise} [{bar:40}] {pos}/{len} {msg} ({per_sec}, eta {eta})",
            ) {
                bar.set_style(style.progress_chars("=> "));
            }
            bar
        });
        Self {
            bar,
            total,
            last: std::cell::Cell::new(Instant::now()),
        }
    }

    fn tick(&self, tally: &Tally) {
        let done = tally.ok + tally.failed + tally.invalid + tally.skipped;
        match &self.bar {
            Some(bar) => {
                bar.set_position(done);
                bar.set_message(format!("ok {} failed {}", tally.ok, tally.failed));
            }
            None if self.last.get().elapsed() >= Duration::from_secs(2) => {
                self.last.set(Instant::now());
                eprintln!(
                    "progress: {done}/{} (ok {}, failed {}, invalid {}, skipped {})",
                    self.total, tally.ok, tally.failed, tally.invalid, tally.skipped
                );
            }
            None => {}
        }
    }

    fn finish(&self, tally: &Tally) {
        if let Some(bar) = &self.bar {
            bar.finish_with_message(format!("ok {} failed {}", tally.ok, tally.failed));
        }
    }
}
