//! `bulk` keeps each user's lines in file order, accounts for every input, survives a hard
//! kill (SIGKILL at any moment, then `--resume`), cuts a torn last report line, and reports
//! the tracking ID of every answer.
//!
//! Every test starts the library's fake Zoom (`zoom_user_update::mock::MockZoom`) on loopback,
//! in this process, so that it outlives the tool when the tool is killed. The fake answers the
//! updates that set timezone [`A`] late, so that a user's later lines would overtake them if the
//! tool sent them before the answer; and at each update's arrival it checks that the outcome of
//! the same user's previous line is already in the report ([`Watch`]).
#![cfg(unix)]

use std::collections::{BTreeMap, HashSet};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use zoom_test_support::cli::{clean_command, outcomes, text};
use zoom_user_update::UserId;
use zoom_user_update::mock::MockZoom;

/// The tool under test.
const BIN: &str = env!("CARGO_BIN_EXE_zoom-user-update");

/// The timezone of each user's first line, answered late by the fake.
const A: &str = "Asia/Tokyo";
/// The timezone of each user's second line.
const B: &str = "Europe/Paris";
/// The timezone of each user's third line: where every user must end.
const C: &str = "America/New_York";
/// A fourth timezone, for the email-case test.
const D: &str = "Australia/Sydney";

/// How many users the order and kill tests have (three lines each).
const USERS: usize = 60;

/// A bound on any one run of the tool against hanging, generous for a loaded machine; not a
/// claim about speed.
const DEADLINE: Duration = Duration::from_secs(60);

// ---------------------------------------------------------------------------------------------
// The input

/// A bulk input: one `{"user_id": …, "body": {"timezone": …}}` per line, numbered from 1.
struct Input {
    lines: Vec<(String, &'static str)>,
}

impl Input {
    /// Each user three times, setting [`A`], then [`B`], then [`C`], as a file built from
    /// three exports is: every A line, then every B line, then every C line.
    fn three_per_user(users: &[String]) -> Self {
        let lines = [A, B, C]
            .into_iter()
            .flat_map(|tz| users.iter().map(move |u| (u.clone(), tz)))
            .collect();
        Input { lines }
    }

    fn write(&self, dir: &Path) -> PathBuf {
        let path = dir.join("in.jsonl");
        let text: String = self
            .lines
            .iter()
            .map(|(user, tz)| format!("{}\n", json!({"user_id": user, "body": {"timezone": tz}})))
            .collect();
        std::fs::write(&path, text).unwrap();
        path
    }

    fn len(&self) -> u64 {
        self.lines.len() as u64
    }

    /// The line that sets `tz` for `user` (each user sets each timezone at most once).
    fn line_of(&self, user: &str, tz: &str) -> Option<u64> {
        let user: UserId = user.parse().ok()?;
        self.lines
            .iter()
            .position(|(u, t)| *t == tz && same_user(u, &user))
            .map(|i| i as u64 + 1)
    }

    /// The line of the same user before `line`, if any.
    fn previous(&self, line: u64) -> Option<u64> {
        let (user, _) = &self.lines[line as usize - 1];
        let user: UserId = user.parse().unwrap();
        self.lines[..line as usize - 1]
            .iter()
            .rposition(|(u, _)| same_user(u, &user))
            .map(|i| i as u64 + 1)
    }

    /// Each user (as its first line spells it) and the timezone of its last line.
    fn last_timezones(&self) -> Vec<(String, &'static str)> {
        let mut last: Vec<(String, &'static str)> = Vec::new();
        for (user, tz) in &self.lines {
            let id: UserId = user.parse().unwrap();
            match last.iter_mut().find(|(u, _)| same_user(u, &id)) {
                Some(entry) => entry.1 = tz,
                None => last.push((user.clone(), tz)),
            }
        }
        last
    }
}

fn same_user(a: &str, b: &UserId) -> bool {
    a.parse::<UserId>().is_ok_and(|a| a.is_same_user(b))
}

/// `u01`, `u02`, … `u<n>`.
fn users(n: usize) -> Vec<String> {
    (1..=n).map(|i| format!("u{i:02}")).collect()
}

/// How late the fake answers an [`A`] update of `user`: 150 to 300 ms, fixed per user.
fn late(user: &str) -> Duration {
    // FNV-1a: the same on every run.
    let hash = user.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    Duration::from_millis(150 + hash % 151)
}

// ---------------------------------------------------------------------------------------------
// The fake Zoom and what it sees

/// What the fake checks at each update's arrival, from inside its answer delay.
struct Watch {
    input: Arc<Input>,
    report: PathBuf,
    /// The delay of an update, from the user ID as received and the body.
    delay: fn(&str, &Value) -> Option<Duration>,
    /// Updates sent before the outcome of the same user's previous line was in the report, and
    /// updates that match no input line.
    early: Mutex<Vec<String>>,
    /// When the last late answer is due: after a kill, the fake still answers (and applies)
    /// what the killed run had in flight until then.
    due: Mutex<Option<Instant>>,
}

impl Watch {
    fn new(input: &Arc<Input>, report: &Path, delay: fn(&str, &Value) -> Option<Duration>) -> Self {
        Watch {
            input: input.clone(),
            report: report.to_owned(),
            delay,
            early: Mutex::new(Vec::new()),
            due: Mutex::new(None),
        }
    }

    /// An update of `user` arrived: checks the report, and says how late to answer.
    fn arrived(&self, user: &str, body: &Value) -> Option<Duration> {
        let tz = body["timezone"].as_str().unwrap_or_default();
        match self.input.line_of(user, tz) {
            None => self
                .early
                .lock()
                .unwrap()
                .push(format!("an update that is no input line: {user} {body}")),
            Some(line) => {
                if let Some(previous) = self.input.previous(line)
                    && !has_outcome(&self.report, previous)
                {
                    self.early.lock().unwrap().push(format!(
                        "line {line} ({user}, {tz}) was sent before the outcome of line {previous} was in the report"
                    ));
                }
            }
        }
        let delay = (self.delay)(user, body);
        if let Some(delay) = delay {
            let due = Instant::now() + delay;
            let mut last = self.due.lock().unwrap();
            *last = Some(last.map_or(due, |d| d.max(due)));
        }
        delay
    }

    fn early(&self) -> Vec<String> {
        self.early.lock().unwrap().clone()
    }

    /// Waits until the fake has answered every late update it received: the requests a killed
    /// run left in flight are still answered (and applied) by Zoom, and a resume that overlaps
    /// them can be undone by them, which no tool can prevent.
    async fn settle(&self) {
        let due = *self.due.lock().unwrap();
        if let Some(due) = due {
            tokio::time::sleep_until((due + Duration::from_millis(300)).into()).await;
        }
    }
}

/// The [`A`] updates are answered late ([`late`]).
fn a_late(user: &str, body: &Value) -> Option<Duration> {
    (body["timezone"] == A).then(|| late(user))
}

/// Whether the report has a complete line with an outcome of input line `line`.
fn has_outcome(report: &Path, line: u64) -> bool {
    let bytes = std::fs::read(report).unwrap_or_default();
    let complete = bytes
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(&[][..], |end| &bytes[..end]);
    complete.split(|b| *b == b'\n').any(|l| {
        serde_json::from_slice::<Value>(l)
            .is_ok_and(|v| v["line"].as_u64() == Some(line) && v["status"].is_string())
    })
}

/// A fake whose answers `watch` delays, with one user per user ID of the input (`<id>`, email
/// `<id>@example.com`), unless `users` are given as (ID, email) pairs.
async fn fake(watch: &Arc<Watch>, users: &[(&str, &str)]) -> MockZoom {
    let w = watch.clone();
    let zoom = MockZoom::builder()
        .answer_delay(move |user, body| w.arrived(user, body))
        .start()
        .await;
    if users.is_empty() {
        for (user, _) in watch.input.last_timezones() {
            zoom.add_user(&user, &format!("{user}@example.com"));
        }
    } else {
        for (id, email) in users {
            zoom.add_user(id, email);
        }
    }
    zoom
}

// ---------------------------------------------------------------------------------------------
// Running the tool

/// `bulk INPUT --report REPORT ARGS…` against the fake, with its static token, in a clean
/// environment, its output captured.
fn bulk(zoom: &MockZoom, input: &Path, report: &Path, args: &[&str]) -> Command {
    let mut cmd = clean_command(BIN);
    cmd.env("ZOOM_ACCESS_TOKEN", MockZoom::ACCESS_TOKEN)
        .args(["bulk", "--base-url", &zoom.base_url()])
        .args(args)
        .arg(input)
        .arg("--report")
        .arg(report)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

/// Waits for the tool off the async runtime (the fake in this process keeps answering), and
/// kills it past [`DEADLINE`].
async fn finish(child: Child) -> Output {
    let pid = pid(&child);
    let mut waiting = tokio::task::spawn_blocking(move || child.wait_with_output().unwrap());
    match tokio::time::timeout(DEADLINE, &mut waiting).await {
        Ok(out) => out.unwrap(),
        Err(_) => {
            // SAFETY: kill(2) on our own child, which the waiting thread has not reaped (it
            // is still waiting for it).
            unsafe { libc::kill(pid, libc::SIGKILL) };
            let out = waiting.await.unwrap();
            panic!("the tool ran past {DEADLINE:?}: {}", show(&out));
        }
    }
}

async fn run(cmd: Command) -> Output {
    let mut cmd = cmd;
    finish(cmd.spawn().unwrap()).await
}

fn pid(child: &Child) -> libc::pid_t {
    libc::pid_t::try_from(child.id()).unwrap()
}

fn show(out: &Output) -> String {
    format!(
        "status {:?}\nstdout:\n{}\nstderr:\n{}",
        out.status,
        text(&out.stdout),
        text(&out.stderr)
    )
}

// ---------------------------------------------------------------------------------------------
// What a finished run leaves

/// An answer's outcome names Zoom's tracking ID.
fn assert_tracked(outcome: &Value) {
    if !outcome["http_status"].is_null() {
        assert!(
            outcome["tracking_id"]
                .as_str()
                .is_some_and(|t| !t.is_empty()),
            "an answer's outcome carries Zoom's tracking ID: {outcome}"
        );
    }
}

/// What every run must leave, however it was interrupted: every report line parses; every
/// input line's last outcome is `ok` (and no outcome names a line the input lacks); every
/// answer's outcome has its tracking ID; every user ends as its last line says; no two updates
/// of one user were in flight at once; no update was sent before the outcome of its user's
/// previous line was in the report; and each user's updates arrived in file order (a line may
/// come again, never an earlier one after a later one).
fn assert_final(input: &Input, report: &Path, zoom: &MockZoom, watch: &Watch) {
    let by_line = outcomes(report);
    for n in 1..=input.len() {
        let last = by_line
            .get(&n)
            .and_then(|o| o.last())
            .unwrap_or_else(|| panic!("line {n} has no outcome in the report"));
        assert_eq!(last["status"], "ok", "line {n}'s last outcome: {last}");
    }
    if let Some(extra) = by_line.keys().find(|n| **n == 0 || **n > input.len()) {
        panic!("an outcome of line {extra}, which the input lacks");
    }
    by_line.values().flatten().for_each(assert_tracked);

    for (user, tz) in input.last_timezones() {
        let profile = zoom
            .user(&user)
            .unwrap_or_else(|| panic!("{user} is known"));
        assert_eq!(profile["timezone"], tz, "{user} ends as its last line says");
    }
    assert_eq!(
        zoom.overlaps(),
        0,
        "no two updates of one user in flight at once"
    );
    assert_eq!(watch.early(), Vec::<String>::new());

    // The lines each user's updates were for, in order of arrival.
    let mut arrivals = BTreeMap::<String, Vec<u64>>::new();
    for request in zoom.api_requests() {
        let user = request.user_id().unwrap();
        let tz = request.json().unwrap()["timezone"]
            .as_str()
            .unwrap()
            .to_owned();
        let line = input.line_of(&user, &tz).unwrap();
        let key = user.parse::<UserId>().unwrap().same_user_key().into_owned();
        arrivals.entry(key).or_default().push(line);
    }
    for (user, lines) in &arrivals {
        assert!(
            lines.is_sorted(),
            "{user}'s updates arrived in file order: lines {lines:?}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// 1. Order

#[tokio::test(flavor = "multi_thread")]
async fn each_users_lines_are_applied_in_file_order_while_others_go_on() {
    let dir = tempfile::tempdir().unwrap();
    let input = Arc::new(Input::three_per_user(&users(USERS)));
    let path = input.write(dir.path());
    let report = dir.path().join("report.jsonl");
    let watch = Arc::new(Watch::new(&input, &report, a_late));
    let zoom = fake(&watch, &[]).await;

    let out = run(bulk(&zoom, &path, &report, &["--concurrency", "16"])).await;
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    assert_final(&input, &report, &zoom, &watch);

    // One `ok` per input line, each with its own answer's tracking ID; nothing sent twice.
    let by_line = outcomes(&report);
    assert_eq!(by_line.len() as u64, input.len());
    let mut tracking = HashSet::new();
    for (n, outcome) in &by_line {
        assert_eq!(outcome.len(), 1, "line {n}: {outcome:?}");
        assert_eq!(outcome[0]["status"], "ok", "line {n}");
        let id = outcome[0]["tracking_id"].as_str().unwrap_or_default();
        assert!(!id.is_empty(), "line {n} has a tracking ID: {}", outcome[0]);
        assert!(tracking.insert(id.to_owned()), "line {n}: {id} twice");
    }
    assert_eq!(zoom.api_requests().len() as u64, input.len());
    // Other users' lines went on while a user waited, within the concurrency.
    let most = zoom.max_in_flight();
    assert!((2..=16).contains(&most), "{most} updates in flight at most");
}

// ---------------------------------------------------------------------------------------------
// 2. Email addresses compare without case

/// The updates sent to the `Ada@Example.com` spelling are answered 250 ms late.
fn capitalised_late(user: &str, _body: &Value) -> Option<Duration> {
    (user == "Ada@Example.com").then(|| Duration::from_millis(250))
}

#[tokio::test(flavor = "multi_thread")]
async fn one_users_lines_in_two_spellings_of_an_email_never_overlap() {
    let dir = tempfile::tempdir().unwrap();
    // Ada's lines alternate between two spellings of her address, with other users between.
    let mut lines = Vec::new();
    for (i, (spelling, tz)) in [
        ("Ada@Example.com", A),
        ("ada@example.com", B),
        ("Ada@Example.com", C),
        ("ada@example.com", D),
    ]
    .into_iter()
    .enumerate()
    {
        lines.push((spelling.to_owned(), tz));
        lines.push((format!("u{:02}", i + 1), tz));
    }
    let input = Arc::new(Input { lines });
    let path = input.write(dir.path());
    let report = dir.path().join("report.jsonl");
    let watch = Arc::new(Watch::new(&input, &report, capitalised_late));
    // The fake looks users up by the exact text of their ID or email: one user whose ID is one
    // spelling and whose email is the other is found under both, so that its overlap counter
    // sees the updates of both spellings.
    let zoom = fake(
        &watch,
        &[
            ("Ada@Example.com", "ada@example.com"),
            ("u01", "u01@example.com"),
            ("u02", "u02@example.com"),
            ("u03", "u03@example.com"),
            ("u04", "u04@example.com"),
        ],
    )
    .await;

    let out = run(bulk(&zoom, &path, &report, &["--concurrency", "16"])).await;
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    assert_final(&input, &report, &zoom, &watch);
    assert_eq!(zoom.user("ada@example.com").unwrap()["timezone"], D);
    assert_eq!(zoom.api_requests().len() as u64, input.len());
}

// ---------------------------------------------------------------------------------------------
// 3. SIGKILL at any moment, then --resume

/// The tool is paced and the A answers are late, so that a run takes a second or two.
const PACED: [&str; 4] = ["--concurrency", "16", "--rate", "120"];

/// Runs the three-lines-per-user file and SIGKILLs the tool once per `kills` entry: the first
/// run, then each `--resume`, is killed once the fake has received `arrivals` more updates
/// from it, and `after` more milliseconds; a last `--resume` runs to the end. Moments taken
/// from the fake's count rather than from the clock land in the same phase of the run however
/// loaded the machine is; the milliseconds after it move the kill around the cycle of
/// request, answer and report write.
async fn kill_and_resume(kills: &[(usize, u64)]) {
    let dir = tempfile::tempdir().unwrap();
    let input = Arc::new(Input::three_per_user(&users(USERS)));
    let path = input.write(dir.path());
    let report = dir.path().join("report.jsonl");
    let watch = Arc::new(Watch::new(&input, &report, a_late));
    let zoom = fake(&watch, &[]).await;

    let mut torn = false;
    for (n, &(arrivals, after)) in kills.iter().enumerate() {
        let resume = if n == 0 { None } else { Some("--resume") };
        let args: Vec<&str> = PACED.into_iter().chain(resume).collect();
        let before = zoom.api_requests().len();
        let mut child = bulk(&zoom, &path, &report, &args).spawn().unwrap();
        let started = Instant::now();
        while zoom.api_requests().len() < before + arrivals {
            if let Some(status) = child.try_wait().unwrap() {
                let out = finish(child).await;
                panic!(
                    "run {n} ended ({status}) before {arrivals} updates arrived: {}",
                    show(&out)
                );
            }
            assert!(started.elapsed() < DEADLINE, "run {n}: no progress");
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
        tokio::time::sleep(Duration::from_millis(after)).await;
        // SAFETY: kill(2) on our own child, not reaped yet (it is waited for below).
        let killed = unsafe { libc::kill(pid(&child), libc::SIGKILL) };
        assert_eq!(killed, 0, "kill: {}", std::io::Error::last_os_error());
        let out = finish(child).await;
        assert_eq!(
            out.status.signal(),
            Some(libc::SIGKILL),
            "run {n} was killed while it ran: {}",
            show(&out)
        );
        if torn {
            assert_cut(&out);
        }
        let bytes = std::fs::read(&report).unwrap_or_default();
        torn = !bytes.is_empty() && !bytes.ends_with(b"\n");
        // What the killed run had in flight is still answered: resume once it was.
        watch.settle().await;
    }

    let out = run(bulk(
        &zoom,
        &path,
        &report,
        &[&PACED[..], &["--resume"]].concat(),
    ))
    .await;
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    if torn {
        assert_cut(&out);
    }
    assert_final(&input, &report, &zoom, &watch);
}

/// `--resume` said that it cut the report's torn last line.
fn assert_cut(out: &Output) {
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("incomplete") && stderr.contains("cut"),
        "--resume says that it cut the torn last line: {stderr}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn killed_at_the_first_update_then_resumed() {
    kill_and_resume(&[(1, 0)]).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn killed_among_the_late_answers_then_resumed() {
    kill_and_resume(&[(40, 5)]).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn killed_midway_then_killed_again_while_resuming() {
    kill_and_resume(&[(90, 13), (30, 2)]).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn killed_late_in_the_run_then_resumed() {
    kill_and_resume(&[(150, 7)]).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn killed_near_the_end_then_at_the_first_update_of_the_resume() {
    kill_and_resume(&[(170, 3), (1, 0)]).await;
}

// ---------------------------------------------------------------------------------------------
// 4. A torn last report line

/// A report holding `complete` (whole lines) and then `fragment` (a line cut by a crash, no
/// line break), of the input `ada` A, `üser` A, `grace` A, `ada` B, `üser` B, `grace` B, with
/// line 1 done: `--resume` cuts the fragment, says so, exits 0, and leaves valid JSON Lines in
/// which every line's last outcome is `ok`.
async fn resume_cuts(complete: &[u8], fragment: &[u8]) {
    let dir = tempfile::tempdir().unwrap();
    let lines = [A, B]
        .into_iter()
        .flat_map(|tz| ["ada", "üser", "grace"].map(|u| (u.to_owned(), tz)))
        .collect();
    let input = Arc::new(Input { lines });
    let path = input.write(dir.path());
    let report = dir.path().join("report.jsonl");
    std::fs::write(&report, [complete, fragment].concat()).unwrap();
    let watch = Arc::new(Watch::new(&input, &report, a_late));
    let zoom = fake(&watch, &[]).await;

    let out = run(bulk(&zoom, &path, &report, &["--resume"])).await;
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    assert_cut(&out);
    let after = std::fs::read(&report).unwrap();
    assert!(
        after.starts_with(complete),
        "the complete lines stay as they were"
    );
    assert_final(&input, &report, &zoom, &watch);
    let sent: Vec<String> = zoom.api_requests().iter().map(|r| r.path.clone()).collect();
    let done = if complete.is_empty() { 0 } else { 1 };
    assert_eq!(
        sent.len() as u64,
        input.len() - done,
        "every line not done is sent once: {sent:?}"
    );
}

/// Line 1 (`ada`, A) done, with a tracking ID.
const LINE_1: &[u8] =
    b"{\"line\":1,\"user_id\":\"ada\",\"status\":\"ok\",\"http_status\":204,\"tracking_id\":\"v=2.0;clid=mock;rid=EARLIER_1\"}\n";

#[tokio::test(flavor = "multi_thread")]
async fn resume_cuts_a_last_line_torn_in_the_middle() {
    resume_cuts(LINE_1, br#"{"line":2,"user_id":"u"#).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn resume_cuts_a_last_line_torn_inside_a_utf8_character() {
    // "ü" is C3 BC: the write was torn after C3.
    resume_cuts(LINE_1, b"{\"line\":2,\"user_id\":\"\xC3").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn resume_cuts_a_last_line_torn_just_before_its_line_break() {
    // The whole outcome but its line break: it parses, yet it is torn, and cut; line 2 must
    // still end with an outcome in the report.
    resume_cuts(
        LINE_1,
        "{\"line\":2,\"user_id\":\"üser\",\"status\":\"ok\",\"http_status\":204,\"tracking_id\":\"v=2.0;clid=mock;rid=EARLIER_2\"}".as_bytes(),
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn resume_cuts_a_report_that_is_only_a_torn_line() {
    resume_cuts(b"", br#"{"line":1,"user_id":"ada","status":"ok","http_"#).await;
}

// ---------------------------------------------------------------------------------------------
// 5. What --resume sends again

/// A failed line is sent again unless a later line of its user succeeded: `ada`'s two failed
/// lines are both sent again, in file order; `grace`'s failed line is not, since her later line
/// was applied (sending the earlier one would undo it). The same whatever the report's order
/// (a report of an earlier version of the tool may hold grace's `ok` first).
#[tokio::test(flavor = "multi_thread")]
async fn resume_sends_a_failed_line_again_unless_a_later_line_of_its_user_succeeded() {
    let outcome = |n: u64, user: &str, status: &str| {
        format!("{{\"line\":{n},\"user_id\":\"{user}\",\"status\":\"{status}\"}}\n")
    };
    let in_file_order = [
        outcome(1, "ada", "failed"),
        outcome(3, "grace", "failed"),
        outcome(2, "ada", "failed"),
        outcome(4, "grace", "ok"),
    ];
    let ok_first = [
        outcome(4, "grace", "ok"),
        outcome(1, "ada", "failed"),
        outcome(3, "grace", "failed"),
        outcome(2, "ada", "failed"),
    ];
    for report_text in [in_file_order.concat(), ok_first.concat()] {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("input.jsonl");
        let line = |user: &str, tz: &str| {
            format!("{{\"user_id\":\"{user}\",\"body\":{{\"timezone\":\"{tz}\"}}}}\n")
        };
        std::fs::write(
            &input,
            [
                line("ada", A),
                line("ada", B),
                line("grace", A),
                line("grace", B),
            ]
            .concat(),
        )
        .unwrap();
        let report = dir.path().join("report.jsonl");
        std::fs::write(&report, &report_text).unwrap();
        let zoom = MockZoom::start().await;
        zoom.add_user("ada", "ada@example.com");
        zoom.add_user("grace", "grace@example.com");

        let out = run(bulk(&zoom, &input, &report, &["--resume"])).await;
        assert_eq!(out.status.code(), Some(0), "{}", show(&out));
        let sent: Vec<(String, Value)> = zoom
            .api_requests()
            .iter()
            .map(|r| (r.path.clone(), r.json().unwrap()["timezone"].clone()))
            .collect();
        assert_eq!(
            sent,
            [
                ("/v2/users/ada".to_owned(), Value::from(A)),
                ("/v2/users/ada".to_owned(), Value::from(B)),
            ],
            "ada's failed lines again, in file order; not grace's (report:\n{report_text})"
        );
        assert_eq!(zoom.user("ada").unwrap()["timezone"], B);
    }
}

/// A line the report already holds as invalid is not checked, reported or counted again.
#[tokio::test(flavor = "multi_thread")]
async fn resume_does_not_report_an_invalid_line_again() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("input.jsonl");
    std::fs::write(
        &input,
        format!("{{\"user_id\":\"ada\",\"body\":{{\"timezone\":\"{A}\"}}}}\n{{\"user_id\":\"bob\",\"body\":{{\"pmi\":1}}}}\n"),
    )
    .unwrap();
    let report = dir.path().join("report.jsonl");
    let zoom = MockZoom::start().await;
    zoom.add_user("ada", "ada@example.com");

    let first = run(bulk(&zoom, &input, &report, &["--skip-invalid"])).await;
    assert_eq!(first.status.code(), Some(1), "{}", show(&first));
    let before = std::fs::read_to_string(&report).unwrap();
    assert_eq!(before.lines().count(), 2, "{before}");

    for args in [&["--resume", "--skip-invalid"][..], &["--resume"][..]] {
        let again = run(bulk(&zoom, &input, &report, args)).await;
        assert_eq!(again.status.code(), Some(0), "{args:?}: {}", show(&again));
        assert_eq!(
            std::fs::read_to_string(&report).unwrap(),
            before,
            "{args:?}"
        );
        assert!(
            text(&again.stdout).contains("2 skipped"),
            "{}",
            show(&again)
        );
    }
    assert_eq!(zoom.api_requests().len(), 1);
}
