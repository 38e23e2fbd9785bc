//! The library against misbehaving servers on loopback (the raw TCP server of
//! `zoom_test_support::server`, which the tool's tests use too): server text in error
//! `Display`s, a failed token fetch shared by its waiters, redirects, absurd token lifetimes.

use std::time::{Duration, Instant};

use zoom_test_support::fast_retries;
use zoom_test_support::server::{self, Answer, Server};
use zoom_user_update::{Auth, Client, Error, RetryPolicy, UserId, UserUpdate};

const ISSUED: &str = "tok-issued-by-the-hostile-endpoint";

fn update() -> UserUpdate {
    UserUpdate::builder().dept("Ops").build().unwrap()
}

fn bearer_client(api: &Server) -> Client {
    Client::builder(Auth::bearer("static-token"))
        .base_url(format!("{}/v2", api.url()))
        .retry(RetryPolicy::none())
        .build()
        .unwrap()
}

fn s2s_client(api: &Server, token: &Server, retry: RetryPolicy) -> Client {
    let auth = Auth::server_to_server("acct", "client-id", "client-secret")
        .token_url(format!("{}/oauth/token", token.url()));
    Client::builder(auth)
        .base_url(format!("{}/v2", api.url()))
        .retry(retry)
        .build()
        .unwrap()
}

/// Sends `n` updates through `update_many`, one at a time: the run (to ask why it stopped) and
/// the outcomes in key order.
async fn one_at_a_time(
    client: &Client,
    n: u32,
) -> (
    zoom_user_update::UpdateMany<u32, UserUpdate>,
    Vec<(u32, zoom_user_update::BulkResult)>,
) {
    let requests: Vec<_> = (1..=n)
        .map(|key| (key, client.update_user(&UserId::me(), &update())))
        .collect();
    let mut run = client
        .update_many(futures_util::stream::iter(requests))
        .concurrency(1);
    let mut results = Vec::new();
    while let Some(outcome) = run.next().await {
        results.push((outcome.key, outcome.result));
    }
    results.sort_by_key(|(key, _)| *key);
    (run, results)
}

fn token_reply(expires_in: &str) -> Answer {
    Answer::new(200).json(&format!(
        r#"{{"access_token":"{ISSUED}","token_type":"bearer","expires_in":{expires_in}}}"#
    ))
}

/// Server text meant to forge a line and drive a terminal: newline, OSC title … BEL, CSI clear,
/// C1 CSI (U+009B), carriage return, tab.
const HOSTILE_TEXT: &str =
    "User does not exist.\nerror: forged\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m\r\tX";

fn assert_no_control(what: &str, text: &str) {
    let bad: Vec<char> = text.chars().filter(|c| c.is_control()).collect();
    assert!(
        bad.is_empty(),
        "{what} shows control characters {bad:?} raw: {text:?}"
    );
}

/// `Display` of the error and of every error in its `source` chain.
fn displays(e: &(dyn std::error::Error + 'static)) -> Vec<String> {
    let mut shown = vec![e.to_string()];
    let mut source = e.source();
    while let Some(cause) = source {
        shown.push(cause.to_string());
        source = cause.source();
    }
    shown
}

// 4. Server text in `Display`

#[tokio::test(flavor = "multi_thread")]
async fn display_of_an_api_error_escapes_the_server_message() {
    let body = serde_json::json!({
        "code": 1001,
        "message": HOSTILE_TEXT,
        "errors": [{"field": "dept\n", "message": HOSTILE_TEXT}],
    })
    .to_string();
    let api = Server::always(Answer::new(404).json(&body));
    let err = bearer_client(&api)
        .update_user(&UserId::me(), &update())
        .await
        .unwrap_err();
    let api_error = err.as_api().expect("a Zoom error").clone();
    assert_eq!(api_error.code, 1001);
    let shown = api_error.to_string();
    assert_no_control("ApiError's Display", &shown);
    assert!(
        shown.contains("forged"),
        "the message is still shown: {shown:?}"
    );
    assert!(
        shown.contains("\\n") && shown.contains("\\u{1b}"),
        "{shown:?}"
    );
    for (i, text) in displays(&err).iter().enumerate() {
        assert_no_control(&format!("Error's Display (source {i})"), text);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn display_of_an_auth_error_escapes_the_token_endpoint_reason() {
    let body = serde_json::json!({"reason": HOSTILE_TEXT, "error": "invalid_client"}).to_string();
    let token = Server::always(Answer::new(401).json(&body));
    let api = Server::always(Answer::new(204));
    let err = s2s_client(&api, &token, RetryPolicy::none())
        .update_user(&UserId::me(), &update())
        .await
        .unwrap_err();
    let Error::Auth { error: auth, .. } = &err else {
        panic!("an auth error: {err:?}")
    };
    let shown = auth.to_string();
    assert_no_control("AuthError's Display", &shown);
    assert!(
        shown.contains("forged"),
        "the reason is still shown: {shown:?}"
    );
    for (i, text) in displays(&err).iter().enumerate() {
        assert_no_control(&format!("Error's Display (source {i})"), text);
    }
    assert_eq!(api.request_count(), 0);
}

// 5. A failed token fetch is shared by those waiting on it

#[tokio::test(flavor = "multi_thread")]
async fn waiters_share_a_failed_token_fetch() {
    let token = Server::always(
        Answer::new(500)
            .json(r#"{"reason":"internal error"}"#)
            .delay(Duration::from_secs(2)),
    );
    let api = Server::always(Answer::new(204));
    let client = s2s_client(&api, &token, RetryPolicy::none());
    let started = Instant::now();
    let mut calls = tokio::task::JoinSet::new();
    for _ in 0..16 {
        calls.spawn(client.update_user(&UserId::me(), &update()).send());
    }
    // Unshared, the 16 fetches take 32 s; give up well before.
    let results = tokio::time::timeout(Duration::from_secs(8), calls.join_all())
        .await
        .unwrap_or_else(|_| {
            panic!(
                "16 waiters did not all fail within 8 s; the token endpoint got {} requests",
                token.request_count()
            )
        });
    let elapsed = started.elapsed();
    assert_eq!(results.len(), 16);
    for result in &results {
        let err = result.as_ref().expect_err("no token, no update");
        assert!(matches!(&err, Error::Auth { .. }), "{err:?}");
    }
    assert_eq!(token.request_count(), 1, "one token request for all 16");
    assert_eq!(api.request_count(), 0);
    assert!(elapsed < Duration::from_secs(5), "took {elapsed:?}");
}

// 2. Redirects are unexpected answers

#[tokio::test(flavor = "multi_thread")]
async fn an_api_redirect_is_an_unexpected_answer_and_reaches_nobody() {
    for status in [303u16, 307] {
        let target = Server::always(Answer::new(204));
        let api = Server::always(
            Answer::new(status).header("location", &format!("{}/v2/users/me", target.url())),
        );
        let err = bearer_client(&api)
            .update_user(&UserId::me(), &update())
            .await
            .expect_err("a redirect is never a success");
        assert_eq!(err.status(), Some(status), "{err:?}");
        assert!(matches!(&err, Error::UnexpectedResponse { .. }), "{err:?}");
        assert!(err.to_string().contains(&format!("http {status}")), "{err}");
        assert_eq!(target.connections(), 0, "{:?}", target.received());
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_token_endpoint_redirect_is_not_followed() {
    let target = Server::always(token_reply("3600"));
    let token = Server::always(
        Answer::new(307).header("location", &format!("{}/oauth/token", target.url())),
    );
    let api = Server::always(Answer::new(204));
    let err = s2s_client(&api, &token, RetryPolicy::none())
        .update_user(&UserId::me(), &update())
        .await
        .expect_err("no token through a redirect");
    assert!(matches!(&err, Error::Auth { .. }), "{err:?}");
    assert!(
        displays(&err).iter().any(|t| t.contains("http 307")),
        "{:?}",
        displays(&err)
    );
    assert_eq!(target.connections(), 0, "{:?}", target.received());
    assert_eq!(api.request_count(), 0);
}

// 3. A huge `expires_in` is a long-lived token, not a panic

#[tokio::test(flavor = "multi_thread")]
async fn a_huge_token_lifetime_is_a_long_lived_token() {
    for expires_in in ["10000000000000000000", "18446744073709551615"] {
        let token = Server::always(token_reply(expires_in));
        let api = Server::always(Answer::new(204));
        let client = s2s_client(&api, &token, RetryPolicy::none());
        // Spawned, so a panic is reported as this test's failure with its message.
        for _ in 0..2 {
            let call = client.update_user(&UserId::me(), &update()).send();
            let result = tokio::spawn(call).await;
            let result = result.unwrap_or_else(|e| panic!("expires_in {expires_in}: {e}"));
            result.unwrap_or_else(|e| panic!("expires_in {expires_in}: {e:?}"));
        }
        assert_eq!(token.request_count(), 1, "the token is cached");
        let sent = api.received();
        assert_eq!(sent.len(), 2);
        assert!(
            sent.iter()
                .all(|r| r.header("authorization") == Some(format!("Bearer {ISSUED}").as_str()))
        );
    }
}

// 5. A token endpoint that fails for a moment is retried; one whose answer was redirected is
// refused

#[tokio::test(flavor = "multi_thread")]
async fn a_token_endpoint_that_fails_for_a_moment_is_retried() {
    for failure in [
        Answer::new(503).json(r#"{"reason":"busy"}"#),
        Answer::new(429),
    ] {
        let token = Server::start(move |_, ctx| {
            if ctx.requests() == 1 {
                failure.clone()
            } else {
                token_reply("3600")
            }
        });
        let api = Server::always(Answer::new(204));
        let client = s2s_client(&api, &token, fast_retries());
        client
            .update_user(&UserId::me(), &update())
            .await
            .expect("the second token fetch succeeds");
        assert_eq!(token.request_count(), 2);
        assert_eq!(api.request_count(), 1);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn refused_credentials_are_not_retried() {
    let token =
        Server::always(Answer::new(401).json(r#"{"reason":"Invalid client_id or client_secret"}"#));
    let api = Server::always(Answer::new(204));
    let client = s2s_client(&api, &token, fast_retries());
    let err = client
        .update_user(&UserId::me(), &update())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Auth { .. }), "{err:?}");
    assert!(!err.is_retryable());
    assert_eq!(token.request_count(), 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_passing_token_failure_does_not_stop_a_bulk_run() {
    let token = Server::start(|_, ctx| {
        if ctx.requests() == 1 {
            Answer::new(503)
        } else {
            token_reply("3600")
        }
    });
    let api = Server::always(Answer::new(204));
    let client = s2s_client(&api, &token, RetryPolicy::none());
    let (run, results) = one_at_a_time(&client, 3).await;
    assert!(
        matches!(
            &results[0].1,
            zoom_user_update::BulkResult::Failed(Error::Auth { .. })
        ),
        "{results:?}"
    );
    assert!(
        results[1..]
            .iter()
            .all(|(_, r)| matches!(r, zoom_user_update::BulkResult::Updated(_))),
        "{results:?}"
    );
    assert_eq!(run.stopped(), None);
    assert_eq!(api.request_count(), 2);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_token_through_a_redirect_is_refused_with_a_client_that_follows_them() {
    let target = Server::always(token_reply("3600"));
    let token = Server::always(
        Answer::new(307).header("location", &format!("{}/oauth/token", target.url())),
    );
    let api = Server::always(Answer::new(204));
    let follows = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::limited(3))
        .build()
        .unwrap();
    let auth = Auth::server_to_server("acct", "client-id", "client-secret")
        .token_url(format!("{}/oauth/token", token.url()));
    let client = Client::builder(auth)
        .base_url(format!("{}/v2", api.url()))
        .http_client(follows)
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    let err = client
        .update_user(&UserId::me(), &update())
        .await
        .expect_err("no token through a redirect");
    assert!(
        matches!(
            err,
            Error::Auth {
                error: zoom_user_update::AuthError::Redirected,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(!err.is_retryable());
    assert_eq!(api.request_count(), 0);
}

// 6. An undocumented answer keeps the start of its body for diagnosis

#[tokio::test(flavor = "multi_thread")]
async fn an_undocumented_answer_keeps_its_first_kibibyte() {
    let page = format!(
        "<html><title>Bad gateway</title>{}</html>",
        "x".repeat(4000)
    );
    let api = Server::always(
        Answer::new(502)
            .header("content-type", "text/html")
            .body(server::Body::Bytes(page.into_bytes())),
    );
    let err = bearer_client(&api)
        .update_user(&UserId::me(), &update())
        .await
        .unwrap_err();
    let Error::UnexpectedResponse { status, body, .. } = &err else {
        panic!("an unexpected answer: {err:?}")
    };
    assert_eq!(*status, 502);
    assert!(
        body.starts_with("<html><title>Bad gateway</title>xxx"),
        "{body}"
    );
    assert!(body.ends_with("(cut at 1024 bytes)"), "{body}");
    assert!(body.len() < 1100, "{}", body.len());
}

// 7. Only numbers said to be the per-second budget's steer an adaptive pace

#[tokio::test(flavor = "multi_thread")]
async fn budget_numbers_steer_the_pace_only_when_said_to_be_per_second() {
    for (kind, slowed) in [
        (None, false),
        (Some("Daily-limit"), false),
        (Some("QPS"), true),
    ] {
        let mut answer = Answer::new(204)
            .header("x-ratelimit-limit", "80")
            .header("x-ratelimit-remaining", "0");
        if let Some(kind) = kind {
            answer = answer.header("x-ratelimit-type", kind);
        }
        let api = Server::always(answer);
        let client = Client::builder(Auth::bearer("static-token"))
            .base_url(format!("{}/v2", api.url()))
            .retry(RetryPolicy::none())
            .adaptive_rate_budget(zoom_user_update::RateBudget::Business)
            .build()
            .unwrap();
        let full = client.pace().unwrap();
        for _ in 0..3 {
            client.update_user(&UserId::me(), &update()).await.unwrap();
        }
        let pace = client.pace().unwrap();
        assert_eq!(pace < full / 2.0, slowed, "{kind:?}: {pace} of {full}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_token_endpoint_failing_after_every_retry_stops_a_bulk_run() {
    let token = Server::always(Answer::new(503).json(r#"{"reason":"down"}"#));
    let api = Server::always(Answer::new(204));
    let client = s2s_client(&api, &token, fast_retries());
    let (run, results) = one_at_a_time(&client, 5).await;
    let zoom_user_update::BulkResult::Failed(error) = &results[0].1 else {
        panic!("{results:?}")
    };
    assert!(
        matches!(error, Error::Auth { attempts, .. } if *attempts > 1),
        "{error:?}"
    );
    assert!(
        error
            .to_string()
            .starts_with("authentication failed after "),
        "{error:?}"
    );
    assert!(
        displays(error)
            .iter()
            .any(|t| t == "the token endpoint failed: http 503, down"),
        "{:?}",
        displays(error)
    );
    assert!(
        results[1..].iter().all(|(_, r)| matches!(
            r,
            zoom_user_update::BulkResult::NotSent(zoom_user_update::StopReason::Auth)
        )),
        "{results:?}"
    );
    assert_eq!(run.stopped(), Some(zoom_user_update::StopReason::Auth));
    // What the run did not take is handed back: every update is accounted for.
    let rest = match run.into_remaining() {
        Some(rest) => futures_util::StreamExt::count(rest).await,
        None => 0,
    };
    assert_eq!(results.len() + rest, 5, "{results:?}");
    assert_eq!(api.request_count(), 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_diagnosis_cut_inside_a_character_leaves_it_out() {
    // 1 + 2·n bytes: the cut at 1024 falls inside an `é`.
    let page = format!("x{}", "é".repeat(2000));
    let api = Server::always(
        Answer::new(502)
            .header("content-type", "text/plain; charset=utf-8")
            .body(server::Body::Bytes(page.into_bytes())),
    );
    let err = bearer_client(&api)
        .update_user(&UserId::me(), &update())
        .await
        .unwrap_err();
    let Error::UnexpectedResponse { body, .. } = &err else {
        panic!("{err:?}")
    };
    assert!(!body.contains('\u{fffd}'), "{body}");
    assert_eq!(body, &format!("x{} (cut at 1024 bytes)", "é".repeat(511)));
}
