//! The tool against misbehaving servers on loopback (`zoom_test_support::server`): huge answers
//! (peak memory measured), redirects, absurd token lifetimes, control characters in server
//! text, stop signals from Zoom, a torn report, Ctrl-C, tracing, `--timeout` and the encoding
//! of user IDs. Every server is started by the test that talks to it.

use std::ffi::OsString;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use zoom_test_support::cli::{clean_command, input_file, outcomes};
use zoom_test_support::server::{self, Action, Answer, Received, Server};

/// The tool under test.
const BIN: &str = env!("CARGO_BIN_EXE_zoom-user-update");

const TOKEN: &str = "tok-S3CRET-static-bearer";
const ISSUED: &str = "tok-S3CRET-issued-by-endpoint";
const ACCOUNT: &str = "acct-hostile";
const CLIENT_ID: &str = "client-hostile";
const CLIENT_SECRET: &str = "cs-S3CRET-client-secret";
const MB: u64 = 1024 * 1024;
/// The bound on the tool's peak resident memory, in KiB.
const RSS_LIMIT_KIB: u64 = 25 * 1024;
/// A run that takes longer than this is killed (and the test fails).
const DEADLINE: Duration = Duration::from_secs(30);
const GNU_TIME: &str = "/usr/bin/time";

// ---------------------------------------------------------------------------------------------
// Running the tool

/// The tool, or GNU time around it (`rss` is where time writes the peak RSS of the tool), with
/// a clean environment ([`clean_command`]).
fn command(rss: Option<&Path>) -> Command {
    match rss {
        Some(file) => {
            let mut cmd = clean_command(GNU_TIME);
            cmd.args(["-f", "%M", "-o"]).arg(file).arg(BIN);
            cmd
        }
        None => clean_command(BIN),
    }
}

/// One run of the tool against loopback servers; a test states only what differs.
///
/// The command line is `ARGS… [--base-url API] [--token-url TOKEN] [INPUT --report REPORT]`
/// in a clean environment ([`command`]) with the static bearer token, or Server-to-Server
/// credentials once [`s2s`](Tool::s2s) names a token endpoint.
struct Tool<'a> {
    args: Vec<OsString>,
    /// `--base-url`.
    api: Option<&'a Server>,
    /// Server-to-Server credentials and `--token-url`; the bearer token when `None`.
    token: Option<&'a Server>,
    /// After the URLs: `bulk`'s input and report.
    tail: Vec<OsString>,
    env: Vec<(&'static str, &'static str)>,
}

impl<'a> Tool<'a> {
    fn new<A: Into<OsString>>(args: impl IntoIterator<Item = A>) -> Self {
        Tool {
            args: args.into_iter().map(Into::into).collect(),
            api: None,
            token: None,
            tail: Vec::new(),
            env: Vec::new(),
        }
    }

    /// `update USER --dept Ops`.
    fn update(user: &str) -> Self {
        Self::new(["update", user, "--dept", "Ops"])
    }

    /// `bulk … INPUT --report REPORT`.
    fn bulk(input: &Path, report: &Path) -> Self {
        let mut tool = Self::new(["bulk"]);
        tool.tail = vec![input.into(), "--report".into(), report.into()];
        tool
    }

    /// More arguments, after those given so far.
    fn args<A: Into<OsString>>(mut self, args: impl IntoIterator<Item = A>) -> Self {
        self.args.extend(args.into_iter().map(Into::into));
        self
    }

    /// Sends to `api` (`--base-url`).
    fn api(mut self, api: &'a Server) -> Self {
        self.api = Some(api);
        self
    }

    /// Server-to-Server credentials with `token` as the token endpoint (`--token-url`).
    fn s2s(mut self, token: &'a Server) -> Self {
        self.token = Some(token);
        self
    }

    fn env(mut self, name: &'static str, value: &'static str) -> Self {
        self.env.push((name, value));
        self
    }

    /// The command (under GNU time with `rss`).
    fn command(&self, rss: Option<&Path>) -> Command {
        let mut cmd = command(rss);
        match self.token {
            Some(_) => cmd
                .env("ZOOM_ACCOUNT_ID", ACCOUNT)
                .env("ZOOM_CLIENT_ID", CLIENT_ID)
                .env("ZOOM_CLIENT_SECRET", CLIENT_SECRET),
            None => cmd.env("ZOOM_ACCESS_TOKEN", TOKEN),
        };
        cmd.envs(self.env.iter().copied()).args(&self.args);
        if let Some(api) = self.api {
            cmd.arg("--base-url").arg(api_url(api));
        }
        if let Some(token) = self.token {
            cmd.arg("--token-url").arg(token_url(token));
        }
        cmd.args(&self.tail);
        cmd
    }

    fn spawn(&self) -> Running {
        spawn_measured(self.command(None), None)
    }

    /// Runs the tool to its end (killed past [`DEADLINE`]).
    fn run(&self) -> Ran {
        self.spawn().wait(DEADLINE)
    }

    /// Runs the tool under GNU time (if present; else `wait4`'s figure) and returns the run
    /// with the tool's peak RSS.
    fn run_measured(&self) -> Ran {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("rss");
        let rss_file = Path::new(GNU_TIME).exists().then_some(file);
        spawn_measured(self.command(rss_file.as_deref()), rss_file).wait(DEADLINE)
    }
}

struct Running {
    pid: i32,
    started: Instant,
    stdout: JoinHandle<Vec<u8>>,
    /// Standard error so far, readable while the tool runs.
    stderr: Arc<Mutex<Vec<u8>>>,
    stderr_reader: JoinHandle<()>,
    rss_file: Option<PathBuf>,
    _child: std::process::Child,
}

/// What a run ended with.
#[derive(Debug)]
struct Ran {
    code: Option<i32>,
    signal: Option<i32>,
    stdout: String,
    stderr: String,
    stderr_raw: Vec<u8>,
    elapsed: Duration,
    /// Peak RSS in KiB: GNU time's figure for the tool when run under it, else `ru_maxrss` of
    /// the child from `wait4` (an upper bound: Linux counts the spawning process's peak too).
    max_rss_kib: u64,
    killed: bool,
}

impl Ran {
    fn error_lines(&self) -> Vec<&str> {
        self.stderr
            .lines()
            .filter(|l| l.starts_with("error:"))
            .collect()
    }

    fn show(&self) -> String {
        format!(
            "exit {:?} signal {:?} after {:?}{}\n--- stdout\n{}\n--- stderr\n{}",
            self.code,
            self.signal,
            self.elapsed,
            if self.killed {
                " (killed at the deadline)"
            } else {
                ""
            },
            self.stdout,
            self.stderr
        )
    }
}

fn spawn_measured(mut cmd: Command, rss_file: Option<PathBuf>) -> Running {
    use std::os::unix::process::CommandExt;
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0);
    let started = Instant::now();
    let mut child = cmd.spawn().expect("spawn the tool");
    let pid = i32::try_from(child.id()).unwrap();
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let stdout = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out.read_to_end(&mut v);
        v
    });
    let stderr = Arc::new(Mutex::new(Vec::new()));
    let stderr_reader = {
        let stderr = Arc::clone(&stderr);
        std::thread::spawn(move || {
            let mut chunk = [0u8; 8192];
            while let Ok(n @ 1..) = err.read(&mut chunk) {
                stderr.lock().unwrap().extend_from_slice(&chunk[..n]);
            }
        })
    };
    Running {
        pid,
        started,
        stdout,
        stderr,
        stderr_reader,
        rss_file,
        _child: child,
    }
}

impl Running {
    fn signal(&self, signal: i32) {
        // SAFETY: kill(2) on the pid of our own child, which is not reaped yet.
        let r = unsafe { libc::kill(self.pid, signal) };
        assert_eq!(r, 0, "kill: {}", std::io::Error::last_os_error());
    }

    /// Whether the child has not exited yet.
    fn running(&self) -> bool {
        let mut info: libc::siginfo_t = unsafe { std::mem::zeroed() };
        // SAFETY: waitid with WNOWAIT only looks; the child stays reapable.
        let r = unsafe {
            libc::waitid(
                libc::P_PID,
                self.pid as libc::id_t,
                &mut info,
                libc::WEXITED | libc::WNOHANG | libc::WNOWAIT,
            )
        };
        r == 0 && unsafe { info.si_pid() } == 0
    }

    /// Waits until standard error contains `text`, failing the test with the run if the tool
    /// exits first or `limit` passes.
    fn wait_for_stderr(self, text: &str, limit: Duration) -> Self {
        let started = Instant::now();
        loop {
            if String::from_utf8_lossy(&self.stderr.lock().unwrap()).contains(text) {
                return self;
            }
            if !self.running() || started.elapsed() > limit {
                panic!(
                    "waiting for {text:?} on stderr: {}",
                    self.wait(Duration::ZERO).show()
                );
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Waits for the child (killing its process group past `limit`), and reaps it with wait4.
    fn wait(self, limit: Duration) -> Ran {
        let mut status = 0;
        // SAFETY: plain C structs, filled by wait4.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        let mut killed = false;
        loop {
            // SAFETY: wait4 on our own child's pid.
            let r = unsafe { libc::wait4(self.pid, &mut status, libc::WNOHANG, &mut usage) };
            if r == self.pid {
                break;
            }
            assert!(r >= 0, "wait4: {}", std::io::Error::last_os_error());
            if !killed && self.started.elapsed() > limit {
                // SAFETY: the child's own process group (process_group(0) above).
                unsafe { libc::kill(-self.pid, libc::SIGKILL) };
                killed = true;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        let elapsed = self.started.elapsed();
        let stdout = self.stdout.join().unwrap();
        self.stderr_reader.join().unwrap();
        let stderr_raw = std::mem::take(&mut *self.stderr.lock().unwrap());
        let (code, signal) = if libc::WIFEXITED(status) {
            (Some(libc::WEXITSTATUS(status)), None)
        } else {
            (None, Some(libc::WTERMSIG(status)))
        };
        let from_wait4 = u64::try_from(usage.ru_maxrss).unwrap_or(0);
        let max_rss_kib = match &self.rss_file {
            Some(file) => std::fs::read_to_string(file)
                .ok()
                .and_then(|t| t.lines().rev().find_map(|l| l.trim().parse::<u64>().ok()))
                .unwrap_or(from_wait4),
            None => from_wait4,
        };
        // GNU time passes the tool's exit status on; a signal becomes 128 + n.
        let (code, signal) = match (&self.rss_file, code) {
            (Some(_), Some(c)) if c > 128 && !killed => (None, Some(c - 128)),
            _ => (code, signal),
        };
        Ran {
            code,
            signal,
            stdout: String::from_utf8_lossy(&stdout).into_owned(),
            stderr: String::from_utf8_lossy(&stderr_raw).into_owned(),
            stderr_raw,
            elapsed,
            max_rss_kib,
            killed,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Servers and files

fn no_content() -> Answer {
    Answer::new(204)
}

/// A token endpoint that issues `token` with `expires_in`.
fn token_reply(token: &str, expires_in: &str) -> Answer {
    Answer::new(200).json(&format!(
        r#"{{"access_token":"{token}","token_type":"bearer","expires_in":{expires_in},"scope":"user:write:admin"}}"#
    ))
}

fn api_url(server: &Server) -> String {
    format!("{}/v2", server.url())
}

fn token_url(server: &Server) -> String {
    format!("{}/oauth/token", server.url())
}

/// The user IDs of the API requests received (`/v2/users/<id>`), in order.
fn users_sent(received: &[Received]) -> Vec<String> {
    received
        .iter()
        .filter_map(|r| r.path().strip_prefix("/v2/users/").map(str::to_owned))
        .collect()
}

fn assert_no_referer(servers: &[&Server]) {
    for server in servers {
        for r in server.received() {
            assert!(
                r.header("referer").is_none(),
                "a Referer left the machine: {} {} {:?}",
                r.method,
                r.target,
                r.header("referer")
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 1. Memory does not follow the server

/// One `update` against `api` (and `token`, for Server-to-Server), measured.
fn measured_update(api: &Server, token: Option<&Server>) -> Ran {
    let tool = Tool::update("me").args(["--max-attempts", "1"]).api(api);
    match token {
        Some(token) => tool.s2s(token),
        None => tool,
    }
    .run_measured()
}

fn assert_bounded(what: &str, ran: &Ran, served: u64) {
    eprintln!(
        "peak RSS, {what}: {} KiB ({:.1} MiB); the server wrote {:.1} MiB of the body; {:?}",
        ran.max_rss_kib,
        ran.max_rss_kib as f64 / 1024.0,
        served as f64 / MB as f64,
        ran.elapsed
    );
    assert!(
        !ran.killed && ran.signal.is_none(),
        "{what}: {}",
        ran.show()
    );
    assert!(!ran.stderr.contains("panicked"), "{what}: {}", ran.show());
    assert_eq!(ran.code, Some(1), "{what}: {}", ran.show());
    assert_eq!(ran.error_lines().len(), 1, "{what}: {}", ran.show());
    assert!(
        ran.max_rss_kib <= RSS_LIMIT_KIB,
        "{what}: peak RSS {} KiB is over the {RSS_LIMIT_KIB} KiB bound",
        ran.max_rss_kib
    );
}

#[test]
fn memory_baseline() {
    let dry = Tool::update("me").args(["--dry-run"]).run_measured();
    assert_eq!(dry.code, Some(0), "{}", dry.show());
    let api = Server::always(no_content());
    let sent = measured_update(&api, None);
    assert_eq!(sent.code, Some(0), "{}", sent.show());
    eprintln!(
        "peak RSS baseline (debug build): --dry-run {} KiB ({:.1} MiB), one 204 update {} KiB ({:.1} MiB)",
        dry.max_rss_kib,
        dry.max_rss_kib as f64 / 1024.0,
        sent.max_rss_kib,
        sent.max_rss_kib as f64 / 1024.0
    );
    assert!(
        sent.max_rss_kib <= RSS_LIMIT_KIB,
        "the baseline alone is over the bound"
    );
}

#[test]
fn memory_huge_400_zoom_error_body() {
    let api =
        Server::always(Answer::new(400).huge_json(r#"{"code":300,"message":""#, r#""}"#, 200 * MB));
    let ran = measured_update(&api, None);
    assert_bounded("API 400, 200 MB Zoom error body", &ran, api.bytes_written());
}

#[test]
fn memory_huge_429_body() {
    let api = Server::always(
        Answer::new(429)
            .header("x-ratelimit-type", "QPS")
            .header("x-ratelimit-category", "Light")
            .header("retry-after", "1")
            .huge_json(r#"{"code":429,"message":""#, r#""}"#, 200 * MB)
            .chunked(), // no Content-Length to check up front
    );
    let ran = measured_update(&api, None);
    assert_bounded("API 429, 200 MB body", &ran, api.bytes_written());
}

#[test]
fn memory_huge_500_body() {
    let api = Server::always(Answer::new(500).header("content-type", "text/html").body(
        server::Body::Filled {
            prefix: b"<html><body>".to_vec(),
            fill: b'x',
            suffix: b"</body></html>".to_vec(),
            len: 200 * MB,
        },
    ));
    let ran = measured_update(&api, None);
    assert_bounded("API 500, 200 MB body", &ran, api.bytes_written());
}

#[test]
fn memory_huge_undocumented_success_body() {
    // A 200 instead of Zoom's 204: an answer the spec does not describe.
    let api = Server::always(Answer::new(200).huge_json(r#"{"id":""#, r#""}"#, 200 * MB));
    let ran = measured_update(&api, None);
    assert_bounded("API 200, 200 MB body", &ran, api.bytes_written());
}

#[test]
fn memory_huge_token_reply() {
    let token = Server::always(
        Answer::new(200)
            .huge_json(
                r#"{"access_token":""#,
                r#"","token_type":"bearer","expires_in":3600}"#,
                200 * MB,
            )
            .chunked(),
    );
    let api = Server::always(no_content());
    let ran = measured_update(&api, Some(&token));
    assert_bounded("token reply, 200 MB", &ran, token.bytes_written());
    assert_eq!(api.request_count(), 0, "no token, no API request");
}

#[test]
fn memory_huge_token_error_reply() {
    let token = Server::always(Answer::new(400).huge_json(
        r#"{"error":"invalid_request","reason":""#,
        r#""}"#,
        200 * MB,
    ));
    let api = Server::always(no_content());
    let ran = measured_update(&api, Some(&token));
    assert_bounded("token error reply, 200 MB", &ran, token.bytes_written());
    assert_eq!(api.request_count(), 0);
}

#[test]
fn memory_bulk_eight_concurrent_100mb_answers() {
    // Nobody is answered until all eight are in flight.
    let api = Server::start(|_, ctx| {
        ctx.wait_for_requests(8, Duration::from_secs(5));
        Answer::new(500).huge_json(r#"{"code":500,"message":""#, r#""}"#, 100 * MB)
    });
    let dir = tempfile::tempdir().unwrap();
    let input = input_file(dir.path(), 8);
    let report = dir.path().join("report.jsonl");
    let ran = Tool::bulk(&input, &report)
        .args(["--concurrency", "8", "--max-attempts", "1"])
        .api(&api)
        .run_measured();
    eprintln!(
        "peak RSS, bulk with 8 concurrent 100 MB answers: {} KiB ({:.1} MiB); the server wrote {:.1} MiB; {:?}",
        ran.max_rss_kib,
        ran.max_rss_kib as f64 / 1024.0,
        api.bytes_written() as f64 / MB as f64,
        ran.elapsed
    );
    assert!(
        !ran.killed && !ran.stderr.contains("panicked"),
        "{}",
        ran.show()
    );
    assert_eq!(ran.code, Some(1), "{}", ran.show());
    assert_eq!(api.request_count(), 8, "eight requests in flight at once");
    let by_line = outcomes(&report);
    assert_eq!(by_line.len(), 8, "{by_line:?}");
    assert!(
        by_line
            .values()
            .all(|o| o.len() == 1 && o[0]["status"] == "failed")
    );
    assert!(
        ran.max_rss_kib <= RSS_LIMIT_KIB,
        "peak RSS {} KiB is over the {RSS_LIMIT_KIB} KiB bound",
        ran.max_rss_kib
    );
}

// ---------------------------------------------------------------------------------------------
// 2. No redirect is followed

#[test]
fn api_redirects_are_unexpected_answers_and_reach_nobody() {
    for status in [301u16, 302, 303, 307, 308] {
        let target = Server::always(no_content());
        let location = format!("{}/v2/users/me", target.url());
        let api = Server::always(Answer::new(status).header("location", &location));
        let ran = Tool::update("me")
            .args(["--max-attempts", "1"])
            .api(&api)
            .run();
        assert_eq!(
            ran.code,
            Some(1),
            "{status}: a redirect is never a success: {}",
            ran.show()
        );
        let errors = ran.error_lines();
        assert_eq!(errors.len(), 1, "{status}: {}", ran.show());
        assert!(
            errors[0].contains(&format!("http {status}")),
            "{status}: {}",
            ran.show()
        );
        assert_eq!(
            (target.connections(), target.request_count()),
            (0, 0),
            "{status}: the redirect target received {:?}",
            target.received()
        );
        assert_eq!(api.request_count(), 1);
        assert_no_referer(&[&api, &target]);
    }
}

#[test]
fn token_endpoint_redirects_are_not_followed() {
    for status in [302u16, 303, 307, 308] {
        let target = Server::always(token_reply(ISSUED, "3600"));
        let location = format!("{}/oauth/token", target.url());
        let token = Server::always(Answer::new(status).header("location", &location));
        let api = Server::always(no_content());
        let ran = Tool::update("me")
            .args(["--max-attempts", "1"])
            .api(&api)
            .s2s(&token)
            .run();
        assert_eq!(ran.code, Some(1), "{status}: {}", ran.show());
        let errors = ran.error_lines();
        assert_eq!(errors.len(), 1, "{status}: {}", ran.show());
        assert!(
            errors[0].contains(&format!("http {status}")),
            "{status}: {}",
            ran.show()
        );
        assert_eq!(target.connections(), 0, "{status}: {:?}", target.received());
        assert_eq!(api.request_count(), 0, "{status}: no token, no update");
        assert_no_referer(&[&api, &target, &token]);
    }
}

// ---------------------------------------------------------------------------------------------
// 3. A server's number does not panic the process

#[test]
fn a_huge_token_lifetime_does_not_panic() {
    for expires_in in ["10000000000000000000", "18446744073709551615"] {
        let token = Server::always(token_reply(ISSUED, expires_in));
        let api = Server::always(no_content());
        let ran = Tool::update("me").api(&api).s2s(&token).run();
        assert!(
            !ran.stderr.contains("panicked"),
            "{expires_in}: {}",
            ran.show()
        );
        assert_eq!(ran.code, Some(0), "{expires_in}: {}", ran.show());
        let sent = api.received();
        assert_eq!(sent.len(), 1, "{expires_in}");
        assert_eq!(
            sent[0].header("authorization"),
            Some(format!("Bearer {ISSUED}").as_str())
        );
        assert_eq!(token.request_count(), 1);
    }
}

#[test]
fn a_huge_token_lifetime_in_bulk_gives_every_line_an_outcome() {
    let token = Server::always(token_reply(ISSUED, "18446744073709551615"));
    let api = Server::always(no_content());
    let dir = tempfile::tempdir().unwrap();
    let input = input_file(dir.path(), 6);
    let report = dir.path().join("report.jsonl");
    let ran = Tool::bulk(&input, &report)
        .args(["--concurrency", "3"])
        .api(&api)
        .s2s(&token)
        .run();
    assert!(!ran.stderr.contains("panicked"), "{}", ran.show());
    assert_eq!(ran.code, Some(0), "{}", ran.show());
    let by_line = outcomes(&report);
    assert_eq!(by_line.len(), 6, "{by_line:?}");
    assert!(
        by_line
            .values()
            .all(|o| o.len() == 1 && o[0]["status"] == "ok")
    );
    assert_eq!(token.request_count(), 1, "the token is cached");
}

// ---------------------------------------------------------------------------------------------
// 4. Server text is shown with control characters escaped

/// Text meant to forge a second error line, retitle the terminal (OSC … BEL), clear it (CSI),
/// and a C1 CSI (U+009B) and a carriage return.
const HOSTILE_TEXT: &str =
    "User does not exist.\nerror: forged second line\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m\rX";

fn assert_escaped_stderr(ran: &Ran) {
    let raw = &ran.stderr_raw;
    for byte in [0x1bu8, 0x07, 0x9b, b'\r'] {
        assert!(
            !raw.contains(&byte),
            "byte {byte:#04x} reached the terminal: {}",
            ran.show()
        );
    }
    assert_eq!(ran.error_lines().len(), 1, "{}", ran.show());
    assert_eq!(
        ran.stderr.lines().count(),
        1,
        "one line per error: {}",
        ran.show()
    );
    assert!(ran.stderr.ends_with('\n'));
    assert!(
        ran.stderr.contains("forged second line"),
        "the text is still shown: {}",
        ran.show()
    );
    assert!(
        ran.stderr.contains("\\n"),
        "\\n shown as backslash-n: {}",
        ran.show()
    );
    assert!(
        ran.stderr.contains("\\u{1b}"),
        "ESC shown as \\u{{1b}}: {}",
        ran.show()
    );
}

#[test]
fn a_zoom_error_message_cannot_forge_lines_or_drive_the_terminal() {
    let body = json!({"code": 1001, "message": HOSTILE_TEXT}).to_string();
    let api = Server::always(Answer::new(404).json(&body));
    let ran = Tool::update("ghost").api(&api).run();
    assert_eq!(ran.code, Some(1), "{}", ran.show());
    assert_escaped_stderr(&ran);
}

#[test]
fn a_token_endpoint_reason_cannot_forge_lines_or_drive_the_terminal() {
    let body = json!({"reason": HOSTILE_TEXT, "error": "invalid_client"}).to_string();
    let token = Server::always(Answer::new(401).json(&body));
    let api = Server::always(no_content());
    let ran = Tool::update("me").api(&api).s2s(&token).run();
    assert_eq!(ran.code, Some(1), "{}", ran.show());
    assert_escaped_stderr(&ran);
    assert_eq!(api.request_count(), 0);
}

// ---------------------------------------------------------------------------------------------
// 6. bulk stops when Zoom says stop

fn daily_limit() -> Answer {
    Answer::new(429)
        .header("x-ratelimit-type", "Daily-limit")
        .header("x-ratelimit-category", "Light")
        .header("x-ratelimit-limit", "1000")
        .header("x-ratelimit-remaining", "0")
        .header("retry-after", "2099-01-01T00:00:00Z")
        .json(r#"{"code":429,"message":"You have reached the maximum daily rate limit for this API."}"#)
}

/// Resumes against a healthy server: it must send exactly the lines without an `ok` outcome,
/// once each, and leave every line `ok`.
fn resume_sends_exactly_the_rest(
    input: &Path,
    report: &Path,
    lines: usize,
    s2s_auth: bool,
    before: &std::collections::BTreeMap<u64, Vec<Value>>,
) {
    let healthy = Server::always(no_content());
    let token = Server::always(token_reply(ISSUED, "3600"));
    let tool = Tool::bulk(input, report)
        .args(["--resume", "--concurrency", "4"])
        .api(&healthy);
    let ran = if s2s_auth { tool.s2s(&token) } else { tool }.run();
    assert_eq!(ran.code, Some(0), "{}", ran.show());
    let mut expected: Vec<String> = (1..=lines as u64)
        .filter(|l| {
            before
                .get(l)
                .and_then(|o| o.last())
                .is_none_or(|o| o["status"] != "ok")
        })
        .map(|l| format!("u{l}"))
        .collect();
    let mut sent = users_sent(&healthy.received());
    expected.sort();
    sent.sort();
    assert_eq!(
        sent, expected,
        "the resumed run sends exactly the lines not done, once each"
    );
    let after = outcomes(report);
    assert_eq!(after.len(), lines);
    for (line, o) in &after {
        assert_eq!(o.last().unwrap()["status"], "ok", "line {line}: {o:?}");
    }
}

#[test]
fn bulk_sends_nothing_after_a_daily_limit() {
    // Four requests in flight; the first is told the daily limit is spent, the others succeed.
    let api = Server::start(|r, ctx| {
        ctx.wait_for_requests(4, Duration::from_secs(5));
        if r.index == 1 {
            daily_limit()
        } else {
            no_content().delay(Duration::from_millis(300))
        }
    });
    let dir = tempfile::tempdir().unwrap();
    let input = input_file(dir.path(), 12);
    let report = dir.path().join("report.jsonl");
    let ran = Tool::bulk(&input, &report)
        .args(["--concurrency", "4"])
        .api(&api)
        .run();
    assert_eq!(ran.code, Some(1), "{}", ran.show());
    assert_eq!(
        api.request_count(),
        4,
        "nothing sent after the daily limit: {:?}",
        users_sent(&api.received())
    );
    let by_line = outcomes(&report);
    assert_eq!(by_line.len(), 12, "every line has an outcome: {by_line:?}");
    let sent = users_sent(&api.received());
    for (line, o) in &by_line {
        assert_eq!(o.len(), 1, "line {line}: {o:?}");
        let was_sent = sent.contains(&format!("u{line}"));
        let status = o[0]["status"].as_str().unwrap();
        if was_sent {
            assert!(status == "ok" || status == "failed", "line {line}: {o:?}");
        } else {
            assert_eq!(status, "not_sent", "line {line}: {o:?}");
        }
    }
    assert_eq!(
        by_line
            .values()
            .filter(|o| o[0]["status"] == "not_sent")
            .count(),
        8
    );
    resume_sends_exactly_the_rest(&input, &report, 12, false, &by_line);
}

#[test]
fn paced_bulk_sends_nothing_after_a_daily_limit() {
    // Paced at 5/s: the next request is due 200 ms after the daily limit was answered.
    let api = Server::start(|r, _| {
        if r.index == 1 {
            daily_limit()
        } else {
            no_content()
        }
    });
    let dir = tempfile::tempdir().unwrap();
    let input = input_file(dir.path(), 8);
    let report = dir.path().join("report.jsonl");
    let ran = Tool::bulk(&input, &report)
        .args(["--rate", "5", "--concurrency", "4"])
        .api(&api)
        .run();
    assert_eq!(ran.code, Some(1), "{}", ran.show());
    let sent = users_sent(&api.received());
    assert_eq!(
        sent.len(),
        1,
        "nothing sent after the daily limit: {sent:?}"
    );
    let limited: u64 = sent[0].trim_start_matches('u').parse().unwrap();
    let by_line = outcomes(&report);
    assert_eq!(by_line.len(), 8, "{by_line:?}");
    for (line, o) in &by_line {
        assert_eq!(o.len(), 1, "line {line}: {o:?}");
        if *line == limited {
            assert_eq!(o[0]["status"], "failed", "line {line}: {o:?}");
            assert_eq!(o[0]["http_status"], 429, "line {line}: {o:?}");
        } else {
            assert_eq!(o[0]["status"], "not_sent", "line {line}: {o:?}");
        }
    }
    resume_sends_exactly_the_rest(&input, &report, 8, false, &by_line);
}

#[test]
fn bulk_sends_nothing_after_the_token_endpoint_refuses() {
    // The refusal takes 300 ms, so the four requests in flight all wait on the one fetch.
    let token = Server::always(
        Answer::new(401)
            .json(r#"{"reason":"Invalid client_id or client_secret","error":"invalid_client"}"#)
            .delay(Duration::from_millis(300)),
    );
    let api = Server::always(no_content());
    let dir = tempfile::tempdir().unwrap();
    let input = input_file(dir.path(), 10);
    let report = dir.path().join("report.jsonl");
    let ran = Tool::bulk(&input, &report)
        .args(["--concurrency", "4"])
        .api(&api)
        .s2s(&token)
        .run();
    assert_eq!(ran.code, Some(1), "{}", ran.show());
    assert_eq!(api.request_count(), 0);
    assert_eq!(
        token.request_count(),
        1,
        "one refusal is enough: no further token request"
    );
    let by_line = outcomes(&report);
    assert_eq!(by_line.len(), 10, "every line has an outcome: {by_line:?}");
    for (line, o) in &by_line {
        assert_eq!(o.len(), 1, "line {line}: {o:?}");
        let status = o[0]["status"].as_str().unwrap();
        assert!(
            status == "failed" || status == "not_sent",
            "line {line}: {o:?}"
        );
    }
    assert!(
        by_line
            .values()
            .filter(|o| o[0]["status"] == "not_sent")
            .count()
            >= 6
    );
    resume_sends_exactly_the_rest(&input, &report, 10, true, &by_line);
}

// ---------------------------------------------------------------------------------------------
// 7. --resume after a torn report line

fn resume_after_torn_report(users: &[&str], report_text: &[u8]) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    let lines: String = users
        .iter()
        .map(|u| format!("{}\n", json!({"user_id": u, "body": {"dept": "x"}})))
        .collect();
    std::fs::write(&input, lines).unwrap();
    let report = dir.path().join("report.jsonl");
    std::fs::write(&report, report_text).unwrap();
    let api = Server::always(no_content());
    let ran = Tool::bulk(&input, &report)
        .args(["--resume", "--concurrency", "2"])
        .api(&api)
        .run();
    assert_eq!(ran.code, Some(0), "{}", ran.show());
    assert_eq!(
        api.request_count(),
        users.len() - 1,
        "line 1 was done already"
    );
    // The torn fragment is cut: every line of the report parses.
    let by_line = outcomes(&report);
    for n in 1..=users.len() as u64 {
        let o = by_line
            .get(&n)
            .unwrap_or_else(|| panic!("line {n} has no outcome"));
        assert!(o.iter().any(|v| v["status"] == "ok"), "line {n}: {o:?}");
    }
}

#[test]
fn resume_after_a_torn_last_report_line() {
    let fragment = br#"{"line":2,"user_id":"u2","status":"o"#;
    let mut text = br#"{"line":1,"user_id":"u1","status":"ok","http_status":204}"#.to_vec();
    text.push(b'\n');
    text.extend_from_slice(fragment);
    resume_after_torn_report(&["u1", "u2", "u3", "u4"], &text);
}

#[test]
fn resume_after_a_report_torn_inside_a_utf8_character() {
    // "ü" is C3 BC: the crash tore the line after C3.
    let fragment = b"{\"line\":2,\"user_id\":\"\xC3";
    let mut text = "{\"line\":1,\"user_id\":\"ada\",\"status\":\"ok\",\"http_status\":204}\n"
        .as_bytes()
        .to_vec();
    text.extend_from_slice(fragment);
    resume_after_torn_report(&["ada", "üser", "grace"], &text);
}

// ---------------------------------------------------------------------------------------------
// 8. Ctrl-C

/// Waits until the server has `n` requests (failing at once if the tool has exited).
fn in_flight(api: &Server, child: Running, n: usize) -> Running {
    let started = Instant::now();
    while !api.wait_for_requests(n, Duration::from_millis(50)) {
        if !child.running() || started.elapsed() > DEADLINE {
            panic!(
                "{n} requests in flight: {}",
                child.wait(Duration::ZERO).show()
            );
        }
    }
    child
}

/// How long a run that should end at once may take: a bound against hanging, generous for a
/// loaded machine, not a claim about speed.
const PROMPTLY: Duration = Duration::from_secs(10);

#[test]
fn after_sigint_nothing_new_is_sent_and_a_second_one_exits_at_once() {
    // The two requests in flight are never answered, and time out only after 120 s: the
    // second SIGINT is what ends the run.
    let api = Server::start(|_, _| Action::Hang);
    let dir = tempfile::tempdir().unwrap();
    let input = input_file(dir.path(), 10);
    let report = dir.path().join("report.jsonl");
    let child = Tool::bulk(&input, &report)
        .args(["--concurrency", "2", "--timeout", "120"])
        .api(&api)
        .spawn();
    let child = in_flight(&api, child, 2);
    assert_eq!(api.request_count(), 2, "concurrency 2");
    child.signal(libc::SIGINT);
    let child = child.wait_for_stderr("interrupted: waiting for the requests in flight", DEADLINE);
    // Nothing new may follow; a request that does not come can only be waited for a while.
    assert!(
        !api.wait_for_requests(3, Duration::from_millis(500)),
        "nothing new is sent after SIGINT: {:?}",
        users_sent(&api.received())
    );
    assert_eq!(api.connections(), 2, "no new connection after SIGINT");
    let second = child.started.elapsed();
    child.signal(libc::SIGINT);
    let ran = child.wait(second + PROMPTLY);
    assert!(
        !ran.killed,
        "the second SIGINT ends the run promptly: {}",
        ran.show()
    );
    assert_eq!(ran.code, Some(130), "{}", ran.show());
    assert_eq!((api.request_count(), api.connections()), (2, 2));
}

#[test]
fn after_sigint_a_request_in_flight_that_times_out_is_not_retried() {
    let api = Server::start(|_, _| Action::Hang);
    let dir = tempfile::tempdir().unwrap();
    let input = input_file(dir.path(), 10);
    let report = dir.path().join("report.jsonl");
    let child = Tool::bulk(&input, &report)
        .args([
            "--concurrency",
            "2",
            "--timeout",
            "1",
            "--max-attempts",
            "4",
        ])
        .api(&api)
        .spawn();
    let child = in_flight(&api, child, 2);
    child.signal(libc::SIGINT);
    // The two time out after 1 s; neither is retried, nothing new is sent, and the run ends.
    let ran = child.wait(Duration::from_secs(10));
    assert_eq!(ran.code, Some(130), "{}", ran.show());
    // A hang bound, loose for a loaded machine: a retry shows in the request count.
    assert!(
        ran.elapsed < Duration::from_secs(8),
        "took {:?}",
        ran.elapsed
    );
    assert_eq!(api.request_count(), 2, "{:?}", users_sent(&api.received()));
    let by_line = outcomes(&report);
    assert!(
        by_line.len() <= 2,
        "only the lines in flight have an outcome: {by_line:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// 9. Tracing, --timeout, user ID encoding

/// The HTTP Basic credentials the token endpoint received: base64 of
/// `client_id:client_secret`, as sent.
fn basic_credentials(token: &Server) -> String {
    let received = token.received();
    let header = received
        .first()
        .and_then(|r| r.header("authorization"))
        .expect("the token endpoint received credentials");
    header
        .strip_prefix("Basic ")
        .unwrap_or_else(|| panic!("not HTTP Basic credentials: {header}"))
        .to_owned()
}

/// No secret in `text`: the tokens, the client secret, and `basic`, the HTTP Basic credentials
/// of a run with a token endpoint ([`basic_credentials`]).
fn assert_no_secrets(text: &str, basic: Option<&str>) {
    use std::fmt::Write as _;
    for secret in [TOKEN, ISSUED, CLIENT_SECRET, "S3CRET"]
        .into_iter()
        .chain(basic)
    {
        let mut context = String::new();
        if let Some(i) = text.find(secret) {
            let _ = write!(
                context,
                "{}",
                &text[i.saturating_sub(80)..(i + 80).min(text.len())]
            );
        }
        assert!(
            !text.contains(secret),
            "a secret ({secret}) is in the output: …{context}…"
        );
    }
}

#[test]
fn rust_log_debug_traces_to_stderr_without_secrets() {
    let token = Server::always(token_reply(ISSUED, "3600"));
    let api = Server::always(no_content());
    let ran = Tool::update("me")
        .env("RUST_LOG", "debug")
        .api(&api)
        .s2s(&token)
        .run();
    assert_eq!(ran.code, Some(0), "{}", ran.show());
    assert!(
        ran.stderr.to_ascii_lowercase().contains("debug"),
        "RUST_LOG=debug shows debug events on stderr: {}",
        ran.show()
    );
    let basic = basic_credentials(&token);
    assert_no_secrets(&ran.stderr, Some(&basic));
    assert_no_secrets(&ran.stdout, Some(&basic));
    assert_eq!(
        api.received()[0].header("authorization"),
        Some(format!("Bearer {ISSUED}").as_str())
    );
}

#[test]
fn rust_log_trace_shows_no_secrets_either() {
    let token = Server::always(token_reply(ISSUED, "3600"));
    let api = Server::always(no_content());
    let ran = Tool::update("me")
        .env("RUST_LOG", "trace")
        .api(&api)
        .s2s(&token)
        .run();
    assert_eq!(ran.code, Some(0), "{}", ran.show());
    let basic = basic_credentials(&token);
    assert_no_secrets(&ran.stderr, Some(&basic));
    assert_no_secrets(&ran.stdout, Some(&basic));
}

#[test]
fn verbose_flag_traces_to_stderr_without_secrets() {
    // One 503, then success: the retry is an event worth showing.
    let api = Server::start(|r, _| {
        if r.index == 1 {
            Answer::new(503).json(r#"{"code":503,"message":"busy"}"#)
        } else {
            no_content()
        }
    });
    let verbose_update = |verbose_first: &[&str]| {
        Tool::new(verbose_first)
            .args(["me", "--dept", "Ops", "--max-attempts", "2"])
            .api(&api)
            .run()
    };
    // `-v` before the subcommand (a global flag), else after it.
    let mut ran = verbose_update(&["-v", "update"]);
    if ran.code == Some(2) {
        ran = verbose_update(&["update", "-v"]);
    }
    assert_eq!(ran.code, Some(0), "{}", ran.show());
    assert!(
        ran.stderr.contains("retrying"),
        "-v shows the retry: {}",
        ran.show()
    );
    // A static bearer token: no HTTP Basic credentials exist in this run.
    assert_no_secrets(&ran.stderr, None);
}

#[test]
fn timeout_flag_limits_each_attempt() {
    let api = Server::start(|_, _| Action::Hang);
    let ran = Tool::update("me")
        .args(["--timeout", "0.5", "--max-attempts", "2"])
        .api(&api)
        .spawn()
        .wait(Duration::from_secs(15));
    assert_eq!(ran.code, Some(1), "{}", ran.show());
    // Without the flag an attempt may take 30 s; the bound is loose for a loaded machine.
    assert!(
        ran.elapsed < Duration::from_secs(10),
        "took {:?}",
        ran.elapsed
    );
    let errors = ran.error_lines();
    assert_eq!(errors.len(), 1, "{}", ran.show());
    assert!(errors[0].contains("timed out"), "{}", ran.show());
    assert_eq!(api.request_count(), 2, "two attempts");
}

#[test]
fn user_ids_are_sent_with_only_unreserved_characters_unencoded() {
    let cases = [
        ("x;y=z", "/v2/users/x%3By%3Dz"),
        ("jane@example.com", "/v2/users/jane%40example.com"),
        (
            "a+b!c$d&e'f(g)h*i,j:k",
            "/v2/users/a%2Bb%21c%24d%26e%27f%28g%29h%2Ai%2Cj%3Ak",
        ),
        ("Az09-._~", "/v2/users/Az09-._~"),
        ("[v]|^`{}", "/v2/users/%5Bv%5D%7C%5E%60%7B%7D"),
    ];
    let api = Server::always(no_content());
    for (user, _) in cases {
        let ran = Tool::update(user).api(&api).run();
        assert_eq!(ran.code, Some(0), "{user}: {}", ran.show());
    }
    let paths: Vec<String> = api.received().iter().map(|r| r.target.clone()).collect();
    let expected: Vec<String> = cases.iter().map(|(_, p)| (*p).to_owned()).collect();
    assert_eq!(paths, expected);
}
