//! `bulk`: many updates from a JSON Lines file, validated first, paced, reported line by line
//! and resumable.
//!
//! The input is read twice, line by line (once to validate every line, once to send), so memory
//! does not grow with the file. A user's lines are sent in file order, one at a time: the next
//! line of a user is sent only after the outcome of the previous one was written to the report
//! (`Client::update_many`). Each outcome is one write of one whole line, so a crash tears at most
//! the last line, which `--resume` cuts; Ctrl-C stops launching requests and waits for those in
//! flight. A crash (SIGKILL) can lose the outcomes of the requests in flight, which `--resume`
//! sends again: a PATCH that sets fields is idempotent, and no later line of the same user can
//! have been sent before it.

use std::fs::OpenOptions;
use std::io::{IsTerminal, Write};
use std::num::NonZeroU32;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use zoom_user_update::mock::MockZoom;
use zoom_user_update::{
    AnyUpdate, BulkLineOf, BulkOutcome, BulkResult, Edition, Policy, RateBudget, StopReason, UserId,
};

use crate::common::{
    ConnectionArgs, EditionArg, Failure, LineReader, PolicyArg, auth, build_client, describe, say,
    violation_line,
};

#[derive(Debug, clap::Args)]
pub struct BulkArgs {
    /// JSON Lines: {"user_id": ..., "body": {...}} per line, and the edition's query parameters beside them ("login_type"?: ..., and the others `update --help` lists, such as "remove_tsp_credentials"?: true|false).
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
    /// Pace at most at --plan or --rate, and slower while other apps of the account use part
    /// of Zoom's budget (it is counted per account): the pace follows what Zoom's answers say.
    #[arg(long)]
    adaptive: bool,
    /// Requests in flight at most.
    #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u16).range(1..))]
    concurrency: u16,
    #[command(flatten)]
    policy: PolicyArg,
    #[command(flatten)]
    edition: EditionArg,
    /// Send to an in-process fake Zoom (users are created for every user_id of the file).
    #[arg(long)]
    mock: bool,
    #[command(flatten)]
    connection: ConnectionArgs,
}

/// Parses one input line; the error is every violation, one `path: message (rule)` each.
fn parse_line(
    edition: Edition,
    bytes: &[u8],
    policy: Policy,
) -> Result<BulkLineOf<AnyUpdate>, Vec<String>> {
    edition
        .bulk_line(bytes, policy)
        .map_err(|errors| errors.iter().map(|v| violation_line(v, "(line)")).collect())
}

/// The lines `--resume` does not send again, as a bit set: those whose outcome in the report is
/// `ok` or `invalid`, and those that `failed` before a later line of the same user succeeded
/// (sending the earlier line again would undo the later one). Any other failed line is sent
/// again (a daily limit, a server that was down), and so are `not_sent` lines and lines without
/// an outcome: `--resume` sends in file order, so each user still ends as its last line says.
///
/// The report is read as bytes, line by line, and a second time when a line failed, so that the
/// order of its lines does not matter (a report of an earlier version of the tool may hold a
/// user's `ok` before an earlier line's `failed`): a last piece without its line break is torn,
/// even when it parses (it is cut when the report is opened for writing), so its line has no
/// outcome yet. A line number past `last` (the input cannot have it) is ignored, so a damaged
/// report cannot make the set grow past the input's size. Memory: the bit set, and the users of
/// the report's failed lines with those lines.
fn done_lines(report: &Path, last: u64) -> Result<Vec<u64>, Failure> {
    use std::collections::HashMap;
    // Each user with a failed line: its failed lines, and its last line that succeeded.
    let mut failed: HashMap<String, (Vec<u64>, u64)> = HashMap::new();
    let mut bits = Vec::new();
    let found = read_outcomes(report, last, |status, number, outcome| match status {
        "ok" | "invalid" => set(&mut bits, number),
        "failed" => {
            if let Some(user) = same_user(outcome) {
                failed.entry(user).or_default().0.push(number);
            }
        }
        _ => {}
    })?;
    if found && !failed.is_empty() {
        read_outcomes(report, last, |status, number, outcome| {
            if status == "ok"
                && let Some((_, last_ok)) = same_user(outcome).and_then(|u| failed.get_mut(&u))
            {
                *last_ok = (*last_ok).max(number);
            }
        })?;
    }
    for (lines, last_ok) in failed.values() {
        for &line in lines.iter().filter(|&&line| line < *last_ok) {
            set(&mut bits, line);
        }
    }
    Ok(bits)
}

/// The user of an outcome line, as `UserId::same_user_key` gives it.
fn same_user(outcome: &Value) -> Option<String> {
    let id = outcome["user_id"].as_str()?.parse::<UserId>().ok()?;
    Some(id.same_user_key().into_owned())
}

/// Calls `each` with the status, line number and whole outcome of every complete outcome line
/// of the report; `false` when there is no report.
fn read_outcomes(
    report: &Path,
    last: u64,
    mut each: impl FnMut(&str, u64, &Value),
) -> Result<bool, Failure> {
    use std::io::BufRead;
    let cannot =
        |e: std::io::Error| Failure::Usage(format!("cannot read {}: {e}", report.display()));
    let file = match std::fs::File::open(report) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(cannot(e)),
    };
    let mut reader = std::io::BufReader::new(file);
    let mut line = Vec::new();
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line).map_err(cannot)? == 0 || line.last() != Some(&b'\n')
        {
            return Ok(true);
        }
        let Ok(value) = serde_json::from_slice::<Value>(&line) else {
            continue;
        };
        let (Some(status), Some(number)) = (
            value["status"].as_str(),
            value["line"].as_u64().filter(|n| *n <= last),
        ) else {
            continue;
        };
        each(status, number, &value);
    }
}

fn set(bits: &mut Vec<u64>, line: u64) {
    let (word, bit) = ((line / 64) as usize, line % 64);
    if bits.len() <= word {
        bits.resize(word + 1, 0u64);
    }
    bits[word] |= 1 << bit;
}

fn is_done(bits: &[u64], line: u64) -> bool {
    bits.get((line / 64) as usize)
        .is_some_and(|w| w & (1 << (line % 64)) != 0)
}

/// The report line of one outcome.
fn outcome(line: u64, user_id: &str, result: &BulkResult) -> Value {
    match result {
        BulkResult::Updated(updated) => json!({
            "line": line,
            "user_id": user_id,
            "status": "ok",
            "http_status": updated.status,
            "tracking_id": updated.tracking_id,
        }),
        BulkResult::Failed(e) => json!({
            "line": line,
            "user_id": user_id,
            "status": "failed",
            "http_status": e.status(),
            "code": e.zoom_code(),
            "message": describe(e),
            "tracking_id": e.tracking_id(),
        }),
        BulkResult::NotSent(reason) => json!({
            "line": line,
            "user_id": user_id,
            "status": "not_sent",
            "message": format!("not sent: {reason}"),
        }),
        other => {
            json!({"line": line, "user_id": user_id, "status": "failed", "message": format!("{other:?}")})
        }
    }
}

/// The report, opened for appending. A torn last line (a crash in the middle of a write) is
/// cut first, so the report stays valid JSON Lines.
struct Report {
    file: std::fs::File,
}

impl Report {
    fn open(path: &Path) -> Result<Self, Failure> {
        let cannot =
            |e: std::io::Error| Failure::Usage(format!("cannot open {}: {e}", path.display()));
        let mut file = OpenOptions::new()
            .create(true)
            .append(true)
            .read(true)
            .open(path)
            .map_err(cannot)?;
        let complete = complete_len(&mut file).map_err(cannot)?;
        let len = file.metadata().map_err(cannot)?.len();
        if complete < len {
            file.set_len(complete).map_err(cannot)?;
            eprintln!(
                "{}: its last line was incomplete (the run that wrote it stopped in the middle of a write): cut {} bytes",
                path.display(),
                len - complete
            );
        }
        Ok(Self { file })
    }

    /// Appends one outcome: one write per outcome, so a crash tears at most the last line.
    fn write(&mut self, value: &Value) -> Result<(), Failure> {
        let mut line = value.to_string();
        line.push('\n');
        self.file
            .write_all(line.as_bytes())
            .map_err(|e| Failure::Failed(format!("cannot write the report: {e}")))
    }
}

/// The length of the file up to and with its last line break (0 when it has none).
fn complete_len(file: &mut std::fs::File) -> std::io::Result<u64> {
    use std::io::{Read, Seek, SeekFrom};
    let mut end = file.metadata()?.len();
    let mut chunk = [0u8; 4096];
    while end > 0 {
        let start = end.saturating_sub(chunk.len() as u64);
        let part = &mut chunk[..usize::try_from(end - start).unwrap_or(0)];
        file.seek(SeekFrom::Start(start))?;
        file.read_exact(part)?;
        if let Some(at) = part.iter().rposition(|&b| b == b'\n') {
            return Ok(start + at as u64 + 1);
        }
        end = start;
    }
    Ok(0)
}

#[derive(Default)]
struct Tally {
    ok: u64,
    failed: u64,
    invalid: u64,
    skipped: u64,
    not_sent: u64,
}

pub async fn run(args: BulkArgs) -> Result<ExitCode, Failure> {
    let edition = args.edition.edition;
    if args.adaptive && args.plan.is_none() && args.rate.is_none() {
        return Err(Failure::Usage(
            "--adaptive paces under a budget: give --plan or --rate too".into(),
        ));
    }
    let policy = args.policy.policy();
    let done = if args.resume {
        // No input of N bytes has more than N + 1 lines.
        let size = std::fs::metadata(&args.file).map_or(0, |m| m.len());
        done_lines(&args.report, size.saturating_add(1))?
    } else {
        Vec::new()
    };
    if !args.resume && std::fs::metadata(&args.report).is_ok_and(|m| m.len() > 0) {
        return Err(Failure::Usage(format!(
            "the report {} exists: pass --resume to continue that run, or remove it",
            args.report.display()
        )));
    }

    // Pass 1: validate every line; report the invalid ones before anything is sent. With
    // --skip-invalid the run goes ahead whatever this pass finds, so each invalid line is
    // reported as it is found; without it, one invalid line stops the run and only their
    // number is needed (the report is not even created).
    let mut report = if args.skip_invalid {
        Some(Report::open(&args.report)?)
    } else {
        None
    };
    let mut tally = Tally::default();
    let mut total = 0u64;
    let mut users = Vec::new();
    let mut lines = LineReader::file(&args.file).await?;
    while let Some((line, bytes)) = lines.next().await? {
        total += 1;
        // A line with a final outcome (an invalid one too) is neither checked nor reported again.
        if is_done(&done, line) {
            tally.skipped += 1;
            continue;
        }
        match parse_line(edition, &bytes, policy) {
            Ok(job) if args.mock => users.push(job.user_id.as_str().to_owned()),
            Ok(_) => {}
            Err(problems) => {
                for p in &problems {
                    eprintln!("line {line}: {p}");
                }
                tally.invalid += 1;
                if let Some(report) = &mut report {
                    let user_id = serde_json::from_slice::<Value>(&bytes)
                        .ok()
                        .and_then(|v| v["user_id"].as_str().map(str::to_owned));
                    report.write(&json!({"line": line, "user_id": user_id, "status": "invalid", "message": problems.join("; ")}))?;
                }
            }
        }
    }
    let mut report = match report {
        Some(report) => report,
        None if tally.invalid > 0 => {
            return Err(Failure::Failed(format!(
                "{} of {total} lines are invalid; nothing was sent (fix them, or pass --skip-invalid to send the valid ones)",
                tally.invalid
            )));
        }
        None => Report::open(&args.report)?,
    };

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
    let client = build_client(&args.connection, &base_url, auth, budget, args.adaptive)?;

    // Pass 2: the valid lines not done yet, read again, as requests.
    let lines = LineReader::file(&args.file).await?;
    let requests = futures_util::stream::unfold(
        (lines, client.clone(), done),
        move |(mut lines, client, done)| async move {
            loop {
                let (line, bytes) = match lines.next().await {
                    Ok(next) => next?,
                    Err(Failure::Usage(message) | Failure::Failed(message)) => {
                        eprintln!("error: {message}");
                        return None;
                    }
                };
                if is_done(&done, line) {
                    continue;
                }
                let Ok(job) = parse_line(edition, &bytes, policy) else {
                    continue;
                };
                let request = client.update_line(&job);
                return Some(((line, request), (lines, client, done)));
            }
        },
    );
    let mut run = client
        .update_many(requests)
        .concurrency(usize::from(args.concurrency));

    // Ctrl-C: nothing new is sent, the requests in flight finish; a second one exits at once.
    // One listener, set up here before anything is sent, hears both: a Ctrl-C is not lost
    // (nor does it kill the process) because a listener was not in place yet.
    let canceller = run.canceller();
    if let Ok(mut interrupts) = interrupts() {
        tokio::spawn(async move {
            if interrupts.recv().await.is_some() {
                canceller.cancel();
                eprintln!(
                    "interrupted: waiting for the requests in flight (Ctrl-C again to quit now)"
                );
                if interrupts.recv().await.is_some() {
                    std::process::exit(130);
                }
            }
        });
    }

    let progress = Progress::new(total);
    progress.tick(&tally);
    let mut record = |finished: BulkOutcome<u64>| -> Result<(), Failure> {
        if matches!(finished.result, BulkResult::NotSent(StopReason::Cancelled)) {
            // Not reported: `--resume` sends it.
            return Ok(());
        }
        report.write(&outcome(
            finished.key,
            finished.user_id.as_str(),
            &finished.result,
        ))?;
        match finished.result {
            BulkResult::Updated(_) => tally.ok += 1,
            BulkResult::NotSent(_) => tally.not_sent += 1,
            _ => tally.failed += 1,
        }
        progress.tick(&tally);
        Ok(())
    };
    while let Some(finished) = run.next().await {
        record(finished)?;
    }
    let stopped = run.stopped();
    // After Zoom's stop, the lines the run never took are not sent either: each is reported
    // (after a cancel they are not: `--resume` sends them).
    let mut not_sent = std::pin::pin!(run.into_not_sent());
    while let Some(finished) = futures_util::StreamExt::next(&mut not_sent).await {
        record(finished)?;
    }
    progress.finish(&tally);

    say(format_args!(
        "{} lines: {} ok, {} failed, {} invalid, {} skipped (already done){}{}",
        total,
        tally.ok,
        tally.failed,
        tally.invalid,
        tally.skipped,
        if tally.not_sent > 0 {
            format!(", {} not sent", tally.not_sent)
        } else {
            String::new()
        },
        match stopped {
            Some(StopReason::Cancelled) => "; interrupted: run again with --resume".to_owned(),
            Some(reason) => format!("; stopped: {reason}; run again with --resume later"),
            None => String::new(),
        }
    ))?;
    Ok(if stopped == Some(StopReason::Cancelled) {
        ExitCode::from(130)
    } else if tally.failed > 0 || tally.invalid > 0 || tally.not_sent > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// A listener of Ctrl-C (SIGINT), in place from now on.
#[cfg(unix)]
fn interrupts() -> std::io::Result<tokio::signal::unix::Signal> {
    tokio::signal::unix::signal(tokio::signal::unix::SignalKind::interrupt())
}

/// A listener of Ctrl-C, in place from now on.
#[cfg(windows)]
fn interrupts() -> std::io::Result<tokio::signal::windows::CtrlC> {
    tokio::signal::windows::ctrl_c()
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
