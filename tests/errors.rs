//! Errors match as the README shows them: after the retries the caller gets the last failure
//! itself, with its attempts; every answer's rate-limit headers and tracking ID reach the
//! caller; settings come from configuration; the HTTP stack is the crate's own.

use std::time::Duration;

use zoom_user_update::mock::{Fault, MockZoom};
use zoom_user_update::{
    ApiErrorKind, Auth, Client, Edition, Error, Policy, RateBudget, RetryPolicy, UserId, UserUpdate,
};

use zoom_test_support::fast_retries;

/// The README's `explain`, word for word.
fn explain(error: &Error) -> String {
    match error {
        Error::Validation(errors) => format!("nothing sent: {errors}"),
        Error::Api { error, .. } if error.kind() == ApiErrorKind::UserNotFound => {
            "no such user".into()
        }
        Error::Api { error, attempts } => {
            format!("zoom said {} after {attempts} attempts", error.code)
        }
        Error::RateLimited { limit, .. } if limit.is_daily_limit() => "come back tomorrow".into(),
        Error::RateLimited { attempts, .. } => {
            format!("still rate limited after {attempts} attempts")
        }
        Error::Timeout { attempts, .. } => format!("timed out {attempts} times"),
        other => other.to_string(),
    }
}

fn client(zoom: &MockZoom, retry: RetryPolicy) -> Client {
    Client::builder(zoom.bearer_auth())
        .base_url(zoom.base_url())
        .timeout(Duration::from_millis(200))
        .retry(retry)
        .build()
        .unwrap()
}

fn update() -> UserUpdate {
    UserUpdate::builder().dept("Research").build().unwrap()
}

async fn send(client: &Client, user: &str) -> Error {
    client
        .update_user(&user.parse::<UserId>().unwrap(), &update())
        .await
        .unwrap_err()
}

#[tokio::test]
async fn each_documented_variant_matches_as_the_readme_shows() {
    let zoom = MockZoom::start().await;
    let retrying = client(&zoom, fast_retries().max_attempts(3));

    let ghost = send(&retrying, "ghost@example.com").await;
    assert_eq!(explain(&ghost), "no such user");
    assert_eq!(ghost.attempts(), 1, "a refusal is not retried");
    assert!(ghost.tracking_id().is_some());

    zoom.push_fault(Fault::DailyLimit);
    assert_eq!(explain(&send(&retrying, "me").await), "come back tomorrow");

    // Per-second 429s until the retries ran out: a RateLimited, not a wrapper around it.
    for _ in 0..3 {
        zoom.push_fault(Fault::RateLimited(Some("0".into())));
    }
    let limited = send(&retrying, "me").await;
    assert_eq!(explain(&limited), "still rate limited after 3 attempts");
    assert_eq!(limited.status(), Some(429));
    assert_eq!(limited.to_string(), "rate limited by zoom after 3 attempts");

    for _ in 0..3 {
        zoom.push_fault(Fault::Delay(Duration::from_secs(2)));
    }
    let timed_out = send(&retrying, "me").await;
    assert_eq!(explain(&timed_out), "timed out 3 times");
    assert!(timed_out.is_timeout());

    for _ in 0..3 {
        zoom.push_fault(Fault::Drop);
    }
    let dropped = send(&retrying, "me").await;
    assert!(
        matches!(dropped, Error::Transport { attempts: 3, .. }),
        "{dropped:?}"
    );

    zoom.push_fault(Fault::Status(
        400,
        Some(serde_json::json!({"code": 300, "message": "Invalid parameter"})),
    ));
    let refused = send(&retrying, "me").await;
    assert_eq!(explain(&refused), "zoom said 300 after 1 attempts");

    let invalid: Error = UserUpdate::from_json(r#"{"pmi": 1}"#, Policy::Spec)
        .unwrap_err()
        .into();
    assert!(explain(&invalid).starts_with("nothing sent: "));
    assert_eq!(invalid.attempts(), 0);

    let wrong_secret = Client::builder(
        Auth::server_to_server(MockZoom::ACCOUNT_ID, MockZoom::CLIENT_ID, "wrong")
            .token_url(zoom.token_url()),
    )
    .base_url(zoom.base_url())
    .build()
    .unwrap();
    let auth = send(&wrong_secret, "me").await;
    assert!(matches!(auth, Error::Auth { .. }), "{auth:?}");
}

/// Zoom sends its rate-limit headers and a tracking ID on every answer, and so does the fake:
/// a success and an error both carry them.
#[tokio::test]
async fn every_answer_says_what_is_left_of_the_budget_and_which_request_zoom_saw() {
    let zoom = MockZoom::start().await;
    let client = client(&zoom, RetryPolicy::none());
    let updated = client.update_user(&UserId::me(), &update()).await.unwrap();
    assert_eq!(updated.rate_limit.limit, Some(80));
    assert_eq!(updated.rate_limit.remaining, Some(79));
    assert_eq!(updated.rate_limit.category.as_deref(), Some("Light"));
    let tracking = updated.tracking_id.expect("a tracking ID");
    assert!(tracking.starts_with("v=2.0;"), "{tracking}");

    let error = send(&client, "ghost@example.com").await;
    let api = error.as_api().unwrap();
    assert!(api.tracking_id.is_some());
    assert_ne!(api.tracking_id.as_deref(), Some(tracking.as_str()));
}

/// Settings come from a configuration file as they are written on a command line.
#[test]
fn settings_come_from_configuration() {
    #[derive(Debug, serde::Deserialize, serde::Serialize)]
    struct Settings {
        edition: Edition,
        policy: Policy,
        budget: RateBudget,
    }
    let settings: Settings =
        serde_json::from_str(r#"{"edition": " v2021 ", "policy": "Strict", "budget": "25/s"}"#)
            .unwrap();
    assert_eq!(settings.edition, Edition::V2021);
    assert_eq!(settings.policy, Policy::Strict);
    assert_eq!(settings.budget.per_second(), 25);
    assert_eq!(
        serde_json::to_string(&settings).unwrap(),
        r#"{"edition":"2021","policy":"strict","budget":"25"}"#
    );
    let wrong = serde_json::from_str::<Settings>(
        r#"{"edition": "v2019", "policy": "spec", "budget": "business"}"#,
    );
    assert!(
        wrong
            .unwrap_err()
            .to_string()
            .contains(r#"unknown edition "v2019""#)
    );
}

/// A client of the caller's own, built with the crate's re-exported reqwest.
#[tokio::test]
async fn a_custom_http_client_is_built_with_the_reexported_reqwest() {
    let zoom = MockZoom::start().await;
    let http = zoom_user_update::reqwest::Client::builder()
        .redirect(zoom_user_update::reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let client = Client::builder(zoom.bearer_auth())
        .base_url(zoom.base_url())
        .http_client(http)
        .build()
        .unwrap();
    client.update_user(&UserId::me(), &update()).await.unwrap();
}
