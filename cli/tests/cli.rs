//! The `zoom-user-update` binary: each command, its exit codes and output, and bulk runs
//! against the fake Zoom (interrupted and resumed).

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use serde_json::{Value, json};
use zoom_test_support::cli::{clean_command, input_file, outcomes, text};
use zoom_user_update::Edition;
use zoom_user_update::mock::{Fault, MockZoom};

/// The tool under test.
const BIN: &str = env!("CARGO_BIN_EXE_zoom-user-update");

/// The binary with a clean environment ([`clean_command`]) and nothing on standard input.
fn cli() -> Command {
    let mut cmd = clean_command(BIN);
    cmd.stdin(Stdio::null());
    cmd
}

fn run_with_stdin(mut cmd: Command, input: &str) -> Output {
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

/// Runs a command off the async runtime, so a fake Zoom in this process keeps answering.
async fn output(mut cmd: Command) -> Output {
    tokio::task::spawn_blocking(move || cmd.output().unwrap())
        .await
        .unwrap()
}

const MANY_RULES: &str = r#"{"first_name": "张伟明华强东", "type": 99, "pmi": 123, "timezone": "Mars/Base",
  "host_key": "12ab", "phone_number": "5550100", "phone_numbers": {"code": "1", "country": "uk"},
  "manager": "nobody", "nick_name": "x"}"#;

#[test]
fn validate_prints_every_violation_as_json() {
    let mut cmd = cli();
    // The reference page's body (an object-shaped `phone_numbers`).
    cmd.args(["validate", "--json", "--edition", "2021", "-"]);
    let out = run_with_stdin(cmd, MANY_RULES);
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!("validate_json", text(&out.stdout));
}

#[test]
fn validate_plain_output_and_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.json");
    std::fs::write(&good, "\u{feff}{\"timezone\": \"SST\"}").unwrap(); // a BOM is tolerated
    let out = cli().args(["validate"]).arg(&good).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "valid\n");

    let mut cmd = cli();
    cmd.args(["validate"]);
    let out = run_with_stdin(cmd, r#"{"pmi": 2222222222}"#);
    assert_eq!(out.status.code(), Some(0));
    let mut cmd = cli();
    cmd.args(["validate", "--strict"]);
    let out = run_with_stdin(cmd, r#"{"pmi": 2222222222}"#);
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!("validate_strict_plain", text(&out.stdout));

    let out = cli()
        .args(["validate", "/no/such/file.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr).lines().count(),
        1,
        "{}",
        text(&out.stderr)
    );
    let out = cli().args(["validate", "--no-such-flag"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn validate_json_lines_gives_one_array_per_line() {
    let input = "{\"dept\": \"x\"}\n\n{\"pmi\": 1}\nnot json\n";
    let mut cmd = cli();
    cmd.args(["validate", "--jsonl", "--json"]);
    let out = run_with_stdin(cmd, input);
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3, "blank lines are skipped");
    assert_eq!(lines[0], json!([]));
    assert_eq!(lines[1][0]["rule"], "pmi_not_ten_digits");
    assert_eq!(lines[2][0]["rule"], "invalid_json");

    let mut cmd = cli();
    cmd.args(["validate", "--jsonl"]);
    let out = run_with_stdin(cmd, input);
    let stdout = text(&out.stdout);
    assert!(stdout.starts_with("line 3: /pmi: "), "{stdout}");
    assert!(
        stdout.contains("line 4: (body): not valid json"),
        "{stdout}"
    );
}

#[test]
fn dry_run_prints_the_exact_request_with_the_token_redacted() {
    let out = cli()
        .env("ZOOM_ACCESS_TOKEN", "very-secret-token")
        .args([
            "update",
            "ada@example.com",
            "--edition",
            "2021",
            "--dry-run",
            "--login-type",
            "sso",
            "--first-name",
            "Ada",
        ])
        .args([
            "--pmi",
            "2468135790",
            "--phone-numbers-code",
            "+1",
            "--phone-numbers-country",
            "US",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout).replace(env!("CARGO_PKG_VERSION"), "<version>");
    assert!(!stdout.contains("very-secret-token"));
    insta::assert_snapshot!("dry_run", stdout);
}

#[test]
fn deprecated_fields_warn_and_bad_flags_are_reported_per_field() {
    let out = cli()
        .args([
            "update",
            "me",
            "--dry-run",
            "--phone-number",
            "5550100",
            "--phone-country",
            "BR",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stderr).matches("is deprecated").count(), 2);

    let out = cli()
        .args([
            "update",
            "a b",
            "--pmi",
            "12x",
            "--type",
            "99",
            "--timezone",
            "asia/tokyo",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!("update_invalid_stderr", text(&out.stderr));
}

#[test]
fn update_without_credentials_is_a_usage_error() {
    let out = cli()
        .args(["update", "me", "--dept", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("error: no credentials"), "{stderr}");
}

#[test]
fn update_with_mock_shows_the_whole_path() {
    let out = cli()
        .args([
            "update",
            "me",
            "--mock",
            "--first-name",
            "Ada",
            "--timezone",
            "Asia/Tokyo",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("PATCH /v2/users/me\n"), "{stdout}");
    assert!(stdout.contains("authorization: <redacted>"), "{stdout}");
    assert!(stdout.contains("updated user me"), "{stdout}");
    assert!(stdout.contains("\"timezone\": \"Asia/Tokyo\""), "{stdout}");
}

#[test]
fn a_reader_that_goes_away_ends_the_output_quietly() {
    // `… | head`: the pipe is closed before the command writes anything
    let mut child = cli()
        .args(["update", "me", "--mock", "--dept", "Ops"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = text(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
}

#[test]
fn validate_ends_quietly_when_its_reader_goes_away() {
    // `validate --jsonl big.jsonl | head -1`: far more output than a pipe holds, and the reader
    // goes away after the first line.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("big.jsonl");
    std::fs::write(&input, "{\"pmi\": 1}\n".repeat(20_000)).unwrap();
    for (flags, first_line) in [
        (&["--jsonl"][..], "line 1: /pmi: "),
        (&["--jsonl", "--json"][..], "[{\"path\":\"/pmi\""),
    ] {
        let mut child = cli()
            .arg("validate")
            .args(flags)
            .arg(&input)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
        let mut first = String::new();
        std::io::BufRead::read_line(&mut stdout, &mut first).unwrap();
        assert!(first.starts_with(first_line), "{flags:?}: {first}");
        drop(stdout);
        let out = child.wait_with_output().unwrap();
        let stderr = text(&out.stderr);
        assert_eq!(stderr, "", "{flags:?}: no error line");
        assert_eq!(out.status.code(), Some(0), "{flags:?}: {stderr}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn update_against_a_server_reports_success_and_zoom_errors() {
    let zoom = MockZoom::start().await;
    let mut cmd = cli();
    cmd.env("ZOOM_ACCESS_TOKEN", MockZoom::ACCESS_TOKEN).args([
        "update",
        "me",
        "--base-url",
        &zoom.base_url(),
        "--body",
        "-",
        "--dept",
        "Ops",
    ]);
    let out = tokio::task::spawn_blocking(move || {
        run_with_stdin(cmd, r#"{"dept": "R&D", "company": "Acme"}"#)
    })
    .await
    .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let me = zoom.user("me").unwrap();
    assert_eq!(
        (me["dept"].as_str(), me["company"].as_str()),
        (Some("Ops"), Some("Acme"))
    );

    let mut cmd = cli();
    cmd.env("ZOOM_ACCESS_TOKEN", MockZoom::ACCESS_TOKEN).args([
        "update",
        "ghost@example.com",
        "--base-url",
        &zoom.base_url(),
        "--dept",
        "x",
    ]);
    let out = output(cmd).await;
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    // Zoom's tracking ID ends the line: Zoom's support asks for it.
    assert_eq!(
        stderr,
        "error: zoom refused the update: http 404, zoom code 1001: User does not exist: ghost@example.com. (zoom tracking id v=2.0;clid=mock;rid=MOCK_00000002)\n"
    );
}

/// The same field twice in a body file, for each edition (in 2025 inside a list item).
const BODIES_WITH_A_FIELD_TWICE: [(&str, &str); 2] = [
    ("2021", r#"{"dept": "a", "dept": "b"}"#),
    (
        "2025",
        r#"{"dept": "x", "phone_numbers": [{"number": "1", "number": "2"}]}"#,
    ),
];

#[test]
fn a_body_file_is_refused_as_validate_refuses_it_even_with_dry_run() {
    let dir = tempfile::tempdir().unwrap();
    for (edition, body) in BODIES_WITH_A_FIELD_TWICE {
        let file = dir.path().join(format!("body-{edition}.json"));
        std::fs::write(&file, body).unwrap();
        let validated = cli()
            .args(["validate", "--edition", edition])
            .arg(&file)
            .output()
            .unwrap();
        assert_eq!(validated.status.code(), Some(1), "{edition}");
        let expected: String = text(&validated.stdout)
            .lines()
            .map(|line| format!("error: {line}\n"))
            .collect();
        assert!(
            expected.contains("(duplicate_field)"),
            "{edition}: {expected}"
        );

        // A flag over the field given twice does not make the file valid either.
        for flags in [&[][..], &["--dept", "Ops"][..]] {
            let out = cli()
                .args(["update", "me", "--dry-run", "--edition", edition])
                .args(flags)
                .arg("--body")
                .arg(&file)
                .output()
                .unwrap();
            assert_eq!(
                out.status.code(),
                Some(1),
                "{edition} {flags:?}: {}",
                text(&out.stdout)
            );
            assert_eq!(text(&out.stdout), "", "{edition} {flags:?}: no request");
            assert_eq!(text(&out.stderr), expected, "{edition} {flags:?}");
        }
    }
}

/// What flags can complete is left to the check of the merged body: a file that sets nothing,
/// or one field of a pair.
#[test]
fn flags_may_complete_a_body_file() {
    let dir = tempfile::tempdir().unwrap();
    for (body, flags, sent) in [
        ("{}", &["--dept", "Ops"][..], r#""dept": "Ops""#),
        (
            r#"{"phone_number": "5550100"}"#,
            &["--phone-country", "GB"][..],
            r#""phone_country": "GB""#,
        ),
    ] {
        let file = dir.path().join("body.json");
        std::fs::write(&file, body).unwrap();
        let out = cli()
            .args(["update", "me", "--dry-run"])
            .args(flags)
            .arg("--body")
            .arg(&file)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{body}: {}", text(&out.stderr));
        assert!(
            text(&out.stdout).contains(sent),
            "{body}: {}",
            text(&out.stdout)
        );
        // Without the flags, the merged body is refused for what the file lacks.
        let alone = cli()
            .args(["update", "me", "--dry-run", "--body"])
            .arg(&file)
            .output()
            .unwrap();
        assert_eq!(alone.status.code(), Some(1), "{body}");
        assert_eq!(text(&alone.stdout), "", "{body}: no request");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_body_with_a_field_given_twice_sends_nothing() {
    let zoom = MockZoom::start().await;
    let dir = tempfile::tempdir().unwrap();
    let update = |edition: &str, body: &str| {
        let mut cmd = cli();
        cmd.env("ZOOM_ACCESS_TOKEN", MockZoom::ACCESS_TOKEN)
            .args(["update", "me", "--edition", edition, "--company", "Acme"])
            .arg("--base-url")
            .arg(zoom.base_url())
            .arg("--body")
            .arg(body);
        cmd
    };
    for (edition, body) in BODIES_WITH_A_FIELD_TWICE {
        let file = dir.path().join(format!("body-{edition}.json"));
        std::fs::write(&file, body).unwrap();
        let out = output(update(edition, file.to_str().unwrap())).await;
        assert_eq!(
            out.status.code(),
            Some(1),
            "{edition}: {}",
            text(&out.stderr)
        );
        let stderr = text(&out.stderr);
        assert_eq!(stderr.lines().count(), 1, "{edition}: {stderr}");
        assert!(
            stderr.ends_with("(duplicate_field)\n"),
            "{edition}: {stderr}"
        );

        let cmd = update(edition, "-");
        let out = tokio::task::spawn_blocking(move || run_with_stdin(cmd, body))
            .await
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(1),
            "{edition}: {}",
            text(&out.stderr)
        );
        assert!(
            text(&out.stderr).contains("(duplicate_field)"),
            "{edition}: {}",
            text(&out.stderr)
        );
    }
    assert!(zoom.api_requests().is_empty(), "nothing was sent");
    assert_eq!(zoom.user("me").unwrap()["company"], Value::Null);

    // The same run with the field once is sent: the refusals above are the intake's.
    let file = dir.path().join("once.json");
    std::fs::write(&file, r#"{"dept": "b"}"#).unwrap();
    let out = output(update("2021", file.to_str().unwrap())).await;
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(zoom.api_requests().len(), 1);
    let me = zoom.user("me").unwrap();
    assert_eq!((&me["dept"], &me["company"]), (&json!("b"), &json!("Acme")));
}

/// Every edition the library lists is accepted by `--edition` and runs through each command
/// (validate, update from flags and from a body, bulk).
#[test]
fn every_edition_of_the_library_runs_through_each_command() {
    fn succeeds(cmd: &mut Command) {
        let out = cmd.output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{cmd:?}: {}", text(&out.stderr));
    }
    let dir = tempfile::tempdir().unwrap();
    let body = dir.path().join("body.json");
    std::fs::write(&body, r#"{"dept": "x"}"#).unwrap();
    let lines = dir.path().join("in.jsonl");
    std::fs::write(&lines, r#"{"user_id": "u1", "body": {"dept": "x"}}"#).unwrap();
    for edition in Edition::ALL {
        let name = edition.name();
        let report = dir.path().join(format!("report-{name}.jsonl"));
        succeeds(cli().args(["validate", "--edition", name]).arg(&body));
        succeeds(cli().args([
            "update",
            "me",
            "--dry-run",
            "--dept",
            "x",
            "--edition",
            name,
        ]));
        succeeds(
            cli()
                .args(["update", "me", "--dry-run", "--edition", name, "--body"])
                .arg(&body),
        );
        succeeds(
            cli()
                .args(["bulk", "--mock", "--edition", name, "--report"])
                .arg(&report)
                .arg(&lines),
        );
    }
}

/// `bulk INPUT --report REPORT ARGS…` against the fake, with its static token.
fn bulk(zoom: &MockZoom, input: &Path, report: &Path, args: &[&str]) -> Command {
    let mut cmd = cli();
    cmd.env("ZOOM_ACCESS_TOKEN", MockZoom::ACCESS_TOKEN)
        .args(["bulk", "--base-url", &zoom.base_url()])
        .args(args)
        .arg(input)
        .arg("--report")
        .arg(report);
    cmd
}

#[tokio::test(flavor = "multi_thread")]
async fn bulk_reports_one_final_outcome_per_line() {
    let zoom = MockZoom::start().await;
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    let mut lines = String::new();
    for i in 1..=1000u64 {
        let (user, body) = match i {
            i if i % 100 == 0 => (format!("u{i}"), json!({"pmi": 42})), // invalid
            i if i % 97 == 0 => (format!("ghost{i}"), json!({"dept": "x"})), // unknown user
            i => (format!("u{i}"), json!({"dept": format!("D{i}")})),
        };
        if user.starts_with('u') {
            zoom.add_user(&user, &format!("{user}@example.com"));
        }
        lines.push_str(&json!({"user_id": user, "body": body}).to_string());
        lines.push('\n');
    }
    std::fs::write(&input, lines).unwrap();
    for _ in 0..5 {
        zoom.push_fault(Fault::RateLimited(Some("0".into())));
        zoom.push_fault(Fault::Status(503, None));
    }
    let report_path = dir.path().join("report.jsonl");

    let out = output(bulk(&zoom, &input, &report_path, &["--concurrency", "16"])).await;
    assert_eq!(
        out.status.code(),
        Some(1),
        "invalid lines refuse the run: {}",
        text(&out.stderr)
    );
    assert!(zoom.api_requests().is_empty(), "nothing sent");
    assert_eq!(text(&out.stderr).matches("/body/pmi").count(), 10);

    let args = ["--skip-invalid", "--concurrency", "16"];
    let out = output(bulk(&zoom, &input, &report_path, &args)).await;
    assert_eq!(
        out.status.code(),
        Some(1),
        "some lines failed: {}",
        text(&out.stderr)
    );
    let by_line = outcomes(&report_path);
    assert_eq!(by_line.len(), 1000);
    let mut count: HashMap<&str, usize> = HashMap::new();
    for (line, outcomes) in &by_line {
        assert_eq!(outcomes.len(), 1, "line {line}: {outcomes:?}");
        let outcome = &outcomes[0];
        let expected = if line % 100 == 0 {
            "invalid"
        } else if line % 97 == 0 {
            assert_eq!(outcome["code"], 1001);
            "failed"
        } else {
            "ok"
        };
        assert_eq!(outcome["status"], expected, "line {line}");
        *count.entry(expected).or_default() += 1;
    }
    assert_eq!(
        (count["ok"], count["failed"], count["invalid"]),
        (980, 10, 10)
    );
    // 990 valid lines, plus one extra request for each of the 10 injected faults
    assert_eq!(zoom.api_requests().len(), 1000);
    assert_eq!(zoom.user("u1").unwrap()["dept"], "D1");
    assert_eq!(
        text(&out.stdout),
        "1000 lines: 980 ok, 10 failed, 10 invalid, 0 skipped (already done)\n"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn an_interrupted_bulk_run_resumes_without_sending_twice() {
    let zoom = MockZoom::start().await;
    let dir = tempfile::tempdir().unwrap();
    let input = input_file(dir.path(), 300);
    let report_path = dir.path().join("report.jsonl");
    for i in 1..=300u64 {
        zoom.add_user(&format!("u{i}"), &format!("u{i}@example.com"));
    }
    let paced = ["--rate", "100", "--concurrency", "4"];
    let mut first = bulk(&zoom, &input, &report_path, &paced);
    let child = first
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Interrupt once more than 20 lines are done (the run takes about 3 s at 100/s); the
    // report's complete lines are counted, however slow the machine.
    let started = std::time::Instant::now();
    while std::fs::read(&report_path).map_or(0, |done| done.iter().filter(|b| **b == b'\n').count())
        <= 20
    {
        assert!(started.elapsed() < Duration::from_secs(60), "no progress");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let out = tokio::task::spawn_blocking(move || child.wait_with_output().unwrap())
        .await
        .unwrap();
    assert_eq!(out.status.code(), Some(130), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("interrupted"),
        "{}",
        text(&out.stdout)
    );
    let first = outcomes(&report_path);
    assert!(
        first.len() > 20 && first.len() < 300,
        "{} lines done before the interrupt",
        first.len()
    );

    let resumed = ["--rate", "100", "--concurrency", "4", "--resume"];
    let out = output(bulk(&zoom, &input, &report_path, &resumed)).await;
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains(&format!("{} skipped", first.len())),
        "{}",
        text(&out.stdout)
    );

    let by_line = outcomes(&report_path);
    assert_eq!(by_line.len(), 300);
    assert!(
        by_line
            .values()
            .all(|o| o.len() == 1 && o[0]["status"] == "ok")
    );
    let mut sent: HashMap<String, usize> = HashMap::new();
    for request in zoom.api_requests() {
        *sent.entry(request.path).or_default() += 1;
    }
    assert_eq!(sent.len(), 300);
    assert!(sent.values().all(|n| *n == 1), "a line was sent twice");
}

#[tokio::test(flavor = "multi_thread")]
async fn bulk_with_an_adaptive_budget_shares_the_account() {
    use zoom_user_update::mock::Competitor;
    let zoom = MockZoom::builder()
        .rate_limit(40)
        .competitor(Competitor::steady(10.0))
        .start()
        .await;
    let dir = tempfile::tempdir().unwrap();
    let input = input_file(dir.path(), 40);
    for i in 1..=40u64 {
        zoom.add_user(&format!("u{i}"), &format!("u{i}@example.com"));
    }
    let report_path = dir.path().join("report.jsonl");
    let args = ["--rate", "40", "--adaptive", "--concurrency", "4"];
    let out = output(bulk(&zoom, &input, &report_path, &args)).await;
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let by_line = outcomes(&report_path);
    assert_eq!(by_line.len(), 40);
    assert!(by_line.values().all(|o| o[0]["status"] == "ok"));

    let out = cli()
        .args(["bulk", "--adaptive", "--report"])
        .arg(dir.path().join("other.jsonl"))
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "an adaptive pace needs a budget"
    );
    assert!(
        text(&out.stderr).contains("--plan or --rate"),
        "{}",
        text(&out.stderr)
    );
}
