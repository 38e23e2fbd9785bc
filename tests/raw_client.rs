//! The generated (raw, unchecked) client against the fake Zoom on loopback.

use serde_json::json;
use zoom_user_update::mock::{Fault, MockZoom};
use zoom_user_update::raw::{self, types};

fn client(zoom: &MockZoom) -> raw::Client {
    let hooks = raw::Hooks::with_bearer_token(MockZoom::ACCESS_TOKEN).unwrap();
    raw::Client::new_with_client(&zoom.base_url(), reqwest::Client::new(), hooks)
}

fn body_with_two_fields() -> types::UserUpdateBody {
    types::UserUpdateBody {
        first_name: Some("Ada".try_into().unwrap()),
        pmi: Some(2_345_678_901),
        ..Default::default()
    }
}

#[test]
fn unset_fields_are_not_serialized() {
    assert_eq!(
        serde_json::to_value(types::UserUpdateBody::default()).unwrap(),
        json!({})
    );
    assert_eq!(
        serde_json::to_value(body_with_two_fields()).unwrap(),
        json!({"first_name": "Ada", "pmi": 2_345_678_901_i64})
    );
}

#[tokio::test]
async fn patch_sends_only_the_set_fields_and_204_is_success() {
    let zoom = MockZoom::start().await;
    let response = client(&zoom)
        .user_update("me", None, &body_with_two_fields())
        .await
        .expect("204 is success");
    assert_eq!(response.status(), 204);
    let requests = zoom.api_requests();
    assert_eq!(requests.len(), 1);
    let request = &requests[0];
    assert_eq!(
        (request.method.as_str(), request.path.as_str()),
        ("PATCH", "/v2/users/me")
    );
    assert_eq!(request.header("content-type"), Some("application/json"));
    assert_eq!(
        request.credentials.as_ref().map(|c| c.expose()),
        Some(MockZoom::ACCESS_TOKEN)
    );
    assert_eq!(
        request.header("api-version"),
        None,
        "not a header Zoom documents"
    );
    assert_eq!(
        request.json(),
        Some(json!({"first_name": "Ada", "pmi": 2_345_678_901_i64}))
    );
}

#[tokio::test]
async fn login_type_goes_in_the_query() {
    let zoom = MockZoom::start().await;
    client(&zoom)
        .user_update(
            "me",
            Some(types::UserUpdateLoginType::X101),
            &body_with_two_fields(),
        )
        .await
        .expect("204 is success");
    assert_eq!(
        zoom.api_requests()[0].query.as_deref(),
        Some("login_type=101")
    );
}

#[tokio::test]
async fn not_found_decodes_as_zoom_error_1001() {
    let zoom = MockZoom::start().await;
    let err = client(&zoom)
        .user_update("nobody@example.com", None, &body_with_two_fields())
        .await
        .expect_err("404 is an error");
    let raw::Error::ErrorResponse(response) = err else {
        panic!("expected a documented error response, got {err:?}");
    };
    assert_eq!(response.status(), 404);
    assert_eq!(response.code, 1001);
    assert_eq!(response.message, "User does not exist: nobody@example.com.");
    assert!(response.errors.is_empty());
}

#[tokio::test]
async fn bad_request_with_field_errors_decodes() {
    let zoom = MockZoom::start().await;
    zoom.push_fault(Fault::Status(
        400,
        Some(json!({
            "code": 300,
            "message": "Validation Failed.",
            "errors": [{"field": "pmi", "message": "Invalid field."}]
        })),
    ));
    let err = client(&zoom)
        .user_update("me", None, &body_with_two_fields())
        .await
        .expect_err("400 is an error");
    let raw::Error::ErrorResponse(response) = err else {
        panic!("expected a documented error response, got {err:?}");
    };
    assert_eq!(response.status(), 400);
    assert_eq!(response.code, 300);
    assert_eq!(response.errors.len(), 1);
    assert_eq!(response.errors[0].field.as_deref(), Some("pmi"));
    assert_eq!(
        response.errors[0].message.as_deref(),
        Some("Invalid field.")
    );
}

#[tokio::test]
async fn an_undocumented_status_is_an_unexpected_response() {
    let zoom = MockZoom::start().await;
    zoom.push_fault(Fault::Status(503, None));
    let err = client(&zoom)
        .user_update("me", None, &body_with_two_fields())
        .await
        .expect_err("503 is an error");
    assert!(
        matches!(err, raw::Error::UnexpectedResponse(ref r) if r.status() == 503),
        "{err:?}"
    );
}
