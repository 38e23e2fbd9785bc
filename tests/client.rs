//! The client against the fake Zoom: auth, typed errors, retries, pacing, path encoding,
//! secrets, and snapshots of the full requests it sends (bodies of the reference page's edition,
//! `v2021`, whose requests the snapshots have pinned since the first release).

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use serde_json::json;

use zoom_test_support::fast_retries;
use zoom_user_update::mock::{Fault, MockZoom, RecordedRequest};
use zoom_user_update::v2021::{LoginType, PhoneNumbers, UserUpdate};
use zoom_user_update::{ApiErrorKind, Auth, Client, Error, RateBudget, RetryPolicy, UserId};

fn client(zoom: &MockZoom, auth: Auth) -> Client {
    Client::builder(auth)
        .base_url(zoom.base_url())
        .retry(fast_retries())
        .build()
        .unwrap()
}

/// A client that gives up on an attempt after 200 ms and does not retry.
fn impatient_client(zoom: &MockZoom, auth: Auth) -> Client {
    Client::builder(auth)
        .base_url(zoom.base_url())
        .timeout(Duration::from_millis(200))
        .retry(RetryPolicy::none())
        .build()
        .unwrap()
}

fn update() -> UserUpdate {
    UserUpdate::builder()
        .first_name("Ada")
        .pmi(2_468_135_790_i64)
        .timezone("Europe/London")
        .phone_numbers(
            PhoneNumbers::builder()
                .number("5550100")
                .code("+44")
                .country("GB"),
        )
        .build()
        .unwrap()
}

/// The request as text for a snapshot: method, path, query, headers except `host`, body.
fn render(req: &RecordedRequest) -> String {
    let mut out = format!("{} {}", req.method, req.path);
    if let Some(q) = &req.query {
        out.push_str(&format!("?{q}"));
    }
    out.push('\n');
    let mut headers = req.headers.clone();
    headers.sort();
    for (name, value) in headers.iter().filter(|(n, _)| n != "host") {
        let value = if name == "user-agent" {
            value.replace(env!("CARGO_PKG_VERSION"), "<version>")
        } else {
            value.clone()
        };
        out.push_str(&format!("{name}: {value}\n"));
    }
    out.push('\n');
    let body: serde_json::Value = serde_json::from_slice(&req.body).unwrap();
    out.push_str(&serde_json::to_string_pretty(&body).unwrap());
    out
}

#[tokio::test]
async fn an_update_reaches_zoom_and_changes_the_user() {
    let zoom = MockZoom::start().await;
    client(&zoom, zoom.bearer_auth())
        .update_user(&UserId::me(), &update())
        .await
        .unwrap();
    let me = zoom.user("me").unwrap();
    assert_eq!(me["first_name"], "Ada");
    assert_eq!(me["pmi"], 2_468_135_790_i64);
    assert_eq!(
        me["phone_numbers"],
        json!({"number": "5550100", "code": "+44", "country": "GB"})
    );
    let requests = zoom.api_requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(
        requests[0].credentials.as_ref().unwrap().expose(),
        MockZoom::ACCESS_TOKEN
    );
    insta::assert_snapshot!("request_without_login_type", render(&requests[0]));
}

#[tokio::test]
async fn login_type_is_sent_as_the_spec_string() {
    let zoom = MockZoom::start().await;
    zoom.add_user("KDcuGIm1QgePTO8WbOqwIQ", "ada@example.com");
    let user: UserId = "ada@example.com".parse().unwrap();
    let update = UserUpdate::builder().use_pmi(true).build().unwrap();
    client(&zoom, zoom.bearer_auth())
        .update_user(&user, &update)
        .login_type(LoginType::Sso)
        .await
        .unwrap();
    let requests = zoom.api_requests();
    insta::assert_snapshot!("request_with_login_type", render(&requests[0]));
    assert_eq!(
        zoom.user("KDcuGIm1QgePTO8WbOqwIQ").unwrap()["use_pmi"],
        true
    );
}

#[tokio::test]
async fn dry_run_shows_the_exact_request_and_sends_nothing() {
    let zoom = MockZoom::start().await;
    let client = client(&zoom, Auth::bearer("super-secret-token"));
    let prepared = client
        .update_user(&UserId::me(), &update())
        .login_type(LoginType::Api)
        .dry_run()
        .await
        .unwrap();
    assert!(zoom.requests().is_empty());
    assert_eq!(prepared.method, "PATCH");
    assert_eq!(
        prepared.url,
        format!("{}/users/me?login_type=99", zoom.base_url())
    );
    assert!(
        prepared
            .headers
            .contains(&("authorization".into(), "<redacted>".into()))
    );
    assert!(!format!("{prepared:?}").contains("super-secret-token"));
    let body: serde_json::Value = serde_json::from_slice(&prepared.body).unwrap();
    assert_eq!(body, serde_json::to_value(update()).unwrap());
}

#[tokio::test]
async fn unknown_user_is_a_typed_404() {
    let zoom = MockZoom::start().await;
    let user: UserId = "nobody@example.com".parse().unwrap();
    let err = client(&zoom, zoom.bearer_auth())
        .update_user(&user, &update())
        .await
        .unwrap_err();
    let api = err.as_api().expect("an api error");
    assert_eq!(
        (api.status, api.code, api.kind()),
        (404, 1001, ApiErrorKind::UserNotFound)
    );
    assert!(api.is_user_not_found());
    assert_eq!(err.status(), Some(404));
    assert_eq!(err.zoom_code(), Some(1001));
    assert!(!err.is_retryable());
    assert_eq!(zoom.api_requests().len(), 1, "not retried");
    insta::assert_snapshot!("error_404_display", err.to_string());
}

#[tokio::test]
async fn bad_request_carries_zoom_field_errors() {
    let zoom = MockZoom::start().await;
    zoom.push_fault(Fault::Status(
        400,
        Some(json!({"code": 300, "message": "Validation Failed.",
                    "errors": [{"field": "first_name", "message": "Invalid word."}]})),
    ));
    let err = client(&zoom, zoom.bearer_auth())
        .update_user(&UserId::me(), &update())
        .await
        .unwrap_err();
    let api = err.as_api().unwrap();
    assert_eq!((api.status, api.code), (400, 300));
    assert!(api.is_invalid_parameter());
    assert_eq!(api.errors[0].field.as_deref(), Some("first_name"));
    assert_eq!(api.errors[0].message.as_deref(), Some("Invalid word."));
}

#[tokio::test]
async fn other_documented_codes_have_helpers() {
    for (code, kind) in [
        (200, ApiErrorKind::AdminOnly),
        (1108, ApiErrorKind::TypeChangeNotPermitted),
        (1109, ApiErrorKind::HostNotPaid),
        (1120, ApiErrorKind::InvitationNotFound),
        (2033, ApiErrorKind::LicenseLimit),
        (2034, ApiErrorKind::LicenseLimit),
        (3412, ApiErrorKind::LicenseLimit),
        (4100, ApiErrorKind::PersonalLinkTaken),
    ] {
        let zoom = MockZoom::start().await;
        zoom.push_fault(Fault::Status(
            400,
            Some(json!({"code": code, "message": "m"})),
        ));
        let err = client(&zoom, zoom.bearer_auth())
            .update_user(&UserId::me(), &update())
            .await
            .unwrap_err();
        assert_eq!(err.as_api().unwrap().kind(), kind, "{code}");
    }
}

#[tokio::test]
async fn server_to_server_token_is_fetched_once_and_renewed_after_a_401() {
    let zoom = MockZoom::start().await;
    let client = client(&zoom, zoom.server_to_server_auth());
    client.update_user(&UserId::me(), &update()).await.unwrap();
    client.update_user(&UserId::me(), &update()).await.unwrap();
    assert_eq!(zoom.token_requests(), 1, "cached");

    zoom.revoke_tokens();
    client.update_user(&UserId::me(), &update()).await.unwrap();
    assert_eq!(zoom.token_requests(), 2, "renewed after 401 code 124");
    let api = zoom.api_requests();
    assert_eq!(api.len(), 4);
    let tokens: Vec<_> = api.iter().map(|r| r.credentials.clone().unwrap()).collect();
    assert_eq!(tokens[0], tokens[2], "the revoked token was tried");
    assert_ne!(tokens[2], tokens[3], "then a new one");

    let token_request = zoom.requests().into_iter().find(|r| !r.is_api()).unwrap();
    assert_eq!(token_request.method, "POST");
    assert_eq!(
        String::from_utf8(token_request.body).unwrap(),
        "grant_type=account_credentials&account_id=mock-account"
    );
}

#[tokio::test]
async fn a_token_that_stays_rejected_is_renewed_only_once() {
    let zoom = MockZoom::start().await;
    zoom.push_fault(Fault::Status(
        401,
        Some(json!({"code": 124, "message": "Invalid access token."})),
    ));
    zoom.push_fault(Fault::Status(
        401,
        Some(json!({"code": 124, "message": "Invalid access token."})),
    ));
    let err = client(&zoom, zoom.server_to_server_auth())
        .update_user(&UserId::me(), &update())
        .await
        .unwrap_err();
    assert_eq!(err.as_api().unwrap().kind(), ApiErrorKind::InvalidToken);
    assert_eq!(zoom.api_requests().len(), 2);
    assert_eq!(zoom.token_requests(), 2);
}

#[tokio::test]
async fn wrong_client_secret_is_an_auth_error_without_the_secret() {
    let zoom = MockZoom::start().await;
    let auth = Auth::server_to_server(
        MockZoom::ACCOUNT_ID,
        MockZoom::CLIENT_ID,
        "wrong-secret-123",
    )
    .token_url(zoom.token_url());
    let err = client(&zoom, auth)
        .update_user(&UserId::me(), &update())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Auth { .. }), "{err:?}");
    assert_eq!(err.status(), Some(401));
    let report = format!(
        "{err} / {err:?} / {}",
        std::error::Error::source(&err).unwrap()
    );
    assert!(!report.contains("wrong-secret-123"), "{report}");
    insta::assert_snapshot!("auth_error_chain", report);
    assert!(zoom.api_requests().is_empty());
}

#[tokio::test]
async fn a_token_endpoint_that_hangs_fails_within_the_timeout() {
    // Accepts connections and never answers.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let token_url = format!("http://{}/oauth/token", listener.local_addr().unwrap());
    let held = tokio::spawn(async move {
        let mut open = Vec::new();
        while let Ok((stream, _)) = listener.accept().await {
            open.push(stream);
        }
    });
    let zoom = MockZoom::start().await;
    let auth = Auth::server_to_server(
        MockZoom::ACCOUNT_ID,
        MockZoom::CLIENT_ID,
        MockZoom::CLIENT_SECRET,
    )
    .token_url(token_url);
    let client = impatient_client(&zoom, auth);
    // Without a limit on the token fetch this would wait forever (holding the token lock every
    // other update waits on); the outer limit only keeps a regression from hanging the run.
    let err = tokio::time::timeout(
        Duration::from_secs(20),
        client.update_user(&UserId::me(), &update()),
    )
    .await
    .expect("the token fetch is not bounded by the client's timeout")
    .unwrap_err();
    assert!(matches!(err, Error::Auth { .. }), "{err:?}");
    let source = std::error::Error::source(&err).unwrap().to_string();
    assert_eq!(source, "could not reach the token endpoint");
    assert!(zoom.api_requests().is_empty());
    held.abort();
}

fn http_date(t: SystemTime) -> String {
    let t: chrono::DateTime<chrono::Utc> = t.into();
    t.format("%a, %d %b %Y %H:%M:%S GMT").to_string()
}

fn iso(t: SystemTime) -> String {
    let t: chrono::DateTime<chrono::Utc> = t.into();
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

#[tokio::test]
async fn rate_limits_are_retried_after_retry_after_in_each_form() {
    // Timestamps two seconds ahead, truncated to whole seconds: a wait of more than a second.
    type Form = (&'static str, fn() -> String);
    let forms: [Form; 3] = [
        ("seconds", || "1".to_owned()),
        ("iso-8601", || {
            iso(SystemTime::now() + Duration::from_secs(2))
        }),
        ("http-date", || {
            http_date(SystemTime::now() + Duration::from_secs(2))
        }),
    ];
    for (form, value) in forms {
        let value = value();
        // Far above the 5-20 ms backoff, with room for a slow machine between computing the
        // timestamp and the first request arriving.
        let at_least = Duration::from_millis(500);
        let zoom = MockZoom::start().await;
        zoom.push_fault(Fault::RateLimited(Some(value.clone())));
        client(&zoom, zoom.bearer_auth())
            .update_user(&UserId::me(), &update())
            .await
            .unwrap_or_else(|e| panic!("{form}: {e:?}"));
        let api = zoom.api_requests();
        assert_eq!(api.len(), 2, "{form}");
        let gap = api[1].at - api[0].at;
        assert!(gap >= at_least, "{form} {value:?}: retried after {gap:?}");
    }
}

#[tokio::test]
async fn a_wait_past_the_maximum_is_returned_not_slept() {
    let zoom = MockZoom::start().await;
    zoom.push_fault(Fault::RateLimited(Some("3600".into())));
    let started = Instant::now();
    let err = client(&zoom, zoom.bearer_auth())
        .update_user(&UserId::me(), &update())
        .await
        .unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(err.retry_after(), Some(Duration::from_secs(3600)));
    let Error::RateLimited { limit, .. } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(limit.category.as_deref(), Some("Light"));
    assert_eq!((limit.limit, limit.remaining), (Some(30), Some(0)));
    assert_eq!(zoom.api_requests().len(), 1);
}

#[tokio::test]
async fn a_daily_limit_is_not_retried() {
    let zoom = MockZoom::start().await;
    zoom.push_fault(Fault::DailyLimit);
    let err = client(&zoom, zoom.bearer_auth())
        .update_user(&UserId::me(), &update())
        .await
        .unwrap_err();
    let Error::RateLimited { limit, .. } = &err else {
        panic!("{err:?}")
    };
    assert!(limit.is_daily_limit());
    assert_eq!(limit.code, Some(429));
    assert!(!err.is_retryable());
    assert_eq!(zoom.api_requests().len(), 1);
}

#[tokio::test]
async fn server_errors_are_retried() {
    let zoom = MockZoom::start().await;
    zoom.push_fault(Fault::Status(503, None));
    zoom.push_fault(Fault::Status(503, None));
    client(&zoom, zoom.bearer_auth())
        .update_user(&UserId::me(), &update())
        .await
        .unwrap();
    assert_eq!(zoom.api_requests().len(), 3);
    assert_eq!(zoom.user("me").unwrap()["first_name"], "Ada");
}

#[tokio::test]
async fn a_dropped_connection_is_retried() {
    let zoom = MockZoom::start().await;
    zoom.push_fault(Fault::Drop);
    client(&zoom, zoom.bearer_auth())
        .update_user(&UserId::me(), &update())
        .await
        .unwrap();
    assert_eq!(zoom.api_requests().len(), 2);
}

#[tokio::test]
async fn an_exhausted_retry_budget_returns_the_last_failure_with_its_attempts() {
    let zoom = MockZoom::start().await;
    for _ in 0..10 {
        zoom.push_fault(Fault::Status(502, Some(json!({"oops": true}))));
    }
    let client = Client::builder(zoom.bearer_auth())
        .base_url(zoom.base_url())
        .retry(fast_retries().max_attempts(3))
        .build()
        .unwrap();
    let err = client
        .update_user(&UserId::me(), &update())
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::UnexpectedResponse {
                status: 502,
                attempts: 3,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(err.status(), Some(502));
    assert_eq!(err.attempts(), 3);
    assert!(
        err.tracking_id().is_some(),
        "the fake sends one, as Zoom does"
    );
    assert_eq!(zoom.api_requests().len(), 3);
    insta::assert_snapshot!("last_failure_after_retries", err.to_string());
}

#[tokio::test]
async fn a_timeout_is_a_clear_error() {
    let zoom = MockZoom::start().await;
    zoom.push_fault(Fault::Delay(Duration::from_secs(3)));
    let client = impatient_client(&zoom, zoom.bearer_auth());
    let err = client
        .update_user(&UserId::me(), &update())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
    assert!(err.is_timeout() && err.is_retryable());
    assert_eq!(err.to_string(), "the request to zoom timed out");
}

#[tokio::test]
async fn invalid_input_sends_nothing() {
    let zoom = MockZoom::start().await;
    let client = client(&zoom, zoom.bearer_auth());
    async fn run(client: &Client, json: &str) -> Result<(), Error> {
        let update = UserUpdate::from_json(json, Default::default())?;
        client.update_user(&UserId::me(), &update).await?;
        Ok(())
    }
    let err = run(&client, r#"{"pmi": 12, "host_key": "x"}"#)
        .await
        .unwrap_err();
    assert_eq!(err.as_validation().unwrap().len(), 2);
    assert_eq!(err.to_string(), "the user update is invalid");
    assert!("a b".parse::<UserId>().is_err());
    assert!(zoom.requests().is_empty());
}

#[tokio::test]
async fn user_ids_are_one_encoded_path_segment() {
    let zoom = MockZoom::start().await;
    let client = client(&zoom, zoom.bearer_auth());
    let ids = ["a/b", "../x", "x?y", "x#y", "ünï", "%2F", "..%2F.."];
    for id in ids {
        let user: UserId = id.parse().unwrap();
        let err = client.update_user(&user, &update()).await.unwrap_err();
        assert_eq!(err.as_api().map(|a| a.code), Some(1001), "{id}: {err:?}");
    }
    let paths: Vec<_> = zoom
        .api_requests()
        .into_iter()
        .map(|r| (r.path, r.query))
        .collect();
    insta::assert_debug_snapshot!("encoded_user_ids", paths);
}

/// Sends `n` updates of `me` at once and expects every one to succeed.
async fn updates_at_once(client: &Client, n: usize) {
    let update = update();
    let tasks: Vec<_> = (0..n)
        .map(|_| {
            let client = client.clone();
            let update = update.clone();
            tokio::spawn(async move { client.update_user(&UserId::me(), &update).await })
        })
        .collect();
    for task in tasks {
        task.await.unwrap().unwrap();
    }
}

#[tokio::test]
async fn concurrent_updates_share_one_token_fetch() {
    let zoom = MockZoom::start().await;
    let client = client(&zoom, zoom.server_to_server_auth());
    updates_at_once(&client, 200).await;
    assert_eq!(zoom.api_requests().len(), 200);
    assert_eq!(zoom.token_requests(), 1);
}

#[tokio::test]
async fn a_rate_budget_keeps_every_one_second_window_under_it() {
    const RATE: u32 = 20;
    let zoom = MockZoom::start().await;
    let client = Client::builder(zoom.bearer_auth())
        .base_url(zoom.base_url())
        .rate_budget(RateBudget::PerSecond(RATE.try_into().unwrap()))
        .build()
        .unwrap();
    updates_at_once(&client, 45).await;
    let at: Vec<Duration> = zoom.api_requests().iter().map(|r| r.at).collect();
    assert_eq!(at.len(), 45);
    let busiest = at
        .iter()
        .map(|start| {
            at.iter()
                .filter(|t| **t >= *start && **t - *start < Duration::from_secs(1))
                .count()
        })
        .max()
        .unwrap();
    assert!(busiest <= RATE as usize, "{busiest} requests in one second");
    // How close to the budget the pace comes is the pacer's unit tests' (tokio's paused
    // clock): on a loaded machine, a stalled runtime only sends fewer.
}

#[test]
fn plain_http_is_refused_unless_loopback_or_allowed() {
    let build = |url: &str, allow: bool| {
        Client::builder(Auth::bearer("t"))
            .base_url(url)
            .allow_http(allow)
            .build()
    };
    let err = build("http://api.zoom.us/v2", false).unwrap_err();
    assert!(matches!(err, Error::Config(_)));
    assert!(err.to_string().contains("clear text"), "{err}");
    assert!(build("http://api.zoom.us/v2", true).is_ok());
    assert!(build("http://127.0.0.1:9/v2", false).is_ok());
    assert!(build("http://[::1]:9/v2", false).is_ok());
    assert!(build("http://localhost:9/v2", false).is_ok());
    assert!(build("https://api.zoom.us/v2", false).is_ok());
    assert!(build("ftp://x", true).is_err());
    let s2s = Auth::server_to_server("a", "b", "c").token_url("http://zoom.us/oauth/token");
    assert!(Client::builder(s2s).build().is_err());
}

/// A writer that keeps everything tracing prints.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Everything tracing prints in this test binary, from the first call on. A global subscriber
/// (not a thread-local one): tracing caches per call site whether anyone listens, and a
/// thread-local subscriber loses that race against tests on other threads.
fn captured_traces() -> Captured {
    static CAPTURED: std::sync::OnceLock<Captured> = std::sync::OnceLock::new();
    CAPTURED
        .get_or_init(|| {
            let captured = Captured::default();
            let writer = captured.clone();
            let subscriber = tracing_subscriber::fmt()
                .with_max_level(tracing::Level::TRACE)
                .with_writer(move || writer.clone())
                .with_ansi(false)
                .finish();
            tracing::subscriber::set_global_default(subscriber)
                .expect("the only global subscriber");
            captured
        })
        .clone()
}

#[tokio::test]
async fn secrets_never_appear_in_debug_display_or_traces() {
    let captured = captured_traces();

    let zoom = MockZoom::start().await;
    zoom.push_fault(Fault::Status(503, None));
    let auth = zoom.server_to_server_auth();
    let client = client(&zoom, auth.clone());
    client.update_user(&UserId::me(), &update()).await.unwrap();
    zoom.revoke_tokens();
    client.update_user(&UserId::me(), &update()).await.unwrap();

    let issued: Vec<String> = zoom
        .api_requests()
        .iter()
        .filter_map(|r| r.credentials.as_ref().map(|c| c.expose().to_owned()))
        .collect();
    assert!(issued.iter().any(|t| t.starts_with("mock-s2s-token-")));
    let traces = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(
        traces.contains("zoom.update_user"),
        "spans were captured: {traces}"
    );
    assert!(traces.contains("retrying"), "{traces}");
    let shown = [
        traces,
        format!("{auth:?}"),
        format!("{client:?}"),
        format!("{:?}", Client::builder(auth.clone())),
        format!("{:?}", zoom.requests()),
        format!(
            "{:?}",
            zoom_user_update::Secret::new(MockZoom::CLIENT_SECRET)
        ),
        zoom_user_update::Secret::new(MockZoom::CLIENT_SECRET).to_string(),
    ];
    for text in &shown {
        assert!(
            !text.contains(MockZoom::CLIENT_SECRET),
            "client secret leaked: {text}"
        );
        for token in &issued {
            assert!(!text.contains(token.as_str()), "token leaked: {text}");
        }
    }
}

/// What the README's "Logging" says: a success logs at debug, not info; each update of a bulk
/// run runs in a `zoom.bulk_update` span with its key; an update's span says its edition.
#[tokio::test]
async fn a_success_logs_at_debug_and_a_bulk_update_carries_its_key() {
    let captured = captured_traces();
    let zoom = MockZoom::start().await;
    let client = client(&zoom, zoom.bearer_auth());
    client.update_user(&UserId::me(), &update()).await.unwrap();
    let requests = vec![("line-4242", client.update_user(&UserId::me(), &update()))];
    let run = client.update_many(futures_util::stream::iter(requests));
    zoom_test_support::all(run).await;

    let traces = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    let updated: Vec<&str> = traces
        .lines()
        .filter(|l| l.contains("user updated"))
        .collect();
    assert!(!updated.is_empty(), "{traces}");
    assert!(
        updated
            .iter()
            .all(|l| l.contains("DEBUG") && !l.contains(" INFO ")),
        "{updated:?}"
    );
    assert!(
        updated
            .iter()
            .any(|l| l.contains("zoom.update_user{") && l.contains("edition=\"2021\"")),
        "{updated:?}"
    );
    assert!(
        updated
            .iter()
            .any(|l| l.contains("zoom.bulk_update{key=\"line-4242\"}")),
        "{updated:?}"
    );
}
