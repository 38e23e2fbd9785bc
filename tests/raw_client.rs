//! The generated (raw, unchecked) client against a loopback mock server.

use serde_json::json;
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};
use zoom_user_update::raw::{self, types};

fn client(server: &MockServer) -> raw::Client {
    let hooks = raw::Hooks::with_bearer_token("test-token").unwrap();
    raw::Client::new_with_client(&server.uri(), reqwest::Client::new(), hooks)
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
    let server = MockServer::start().await;
    Mock::given(method("PATCH"))
        .and(path("/users/me"))
        .and(header("content-type", "application/json"))
        .and(header("authorization", "Bearer test-token"))
        .and(body_json(
            json!({"first_name": "Ada", "pmi": 2_345_678_901_i64}),
        ))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;

    let response = client(&server)
        .user_update("me", None, &body_with_two_fields())
        .await
        .expect("204 is success");
    assert_eq!(response.status(), 204);
}

#[tokio::test]
async fn login_type_goes_in_the_query() {
    let server = MockServer::start().await;
    Mock::given(method("PATCH"))
        .and(path("/users/me"))
        .and(query_param("login_type", "101"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;

    client(&server)
        .user_update(
            "me",
            Some(types::UserUpdateLoginType::X101),
            &body_with_two_fields(),
        )
        .await
        .expect("204 is success");
}

#[tokio::test]
async fn not_found_decodes_as_zoom_error_1001() {
    let server = MockServer::start().await;
    Mock::given(method("PATCH"))
        .and(path("/users/nobody@example.com"))
        .respond_with(ResponseTemplate::new(404).set_body_json(
            json!({"code": 1001, "message": "User does not exist: nobody@example.com."}),
        ))
        .mount(&server)
        .await;

    let err = client(&server)
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
    let server = MockServer::start().await;
    Mock::given(method("PATCH"))
        .respond_with(ResponseTemplate::new(400).set_body_json(json!({
            "code": 300,
            "message": "Validation Failed.",
            "errors": [{"field": "pmi", "message": "Invalid field."}]
        })))
        .mount(&server)
        .await;

    let err = client(&server)
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
    let server = MockServer::start().await;
    Mock::given(method("PATCH"))
        .respond_with(ResponseTemplate::new(503))
        .mount(&server)
        .await;

    let err = client(&server)
        .user_update("me", None, &body_with_two_fields())
        .await
        .expect_err("503 is an error");
    assert!(
        matches!(err, raw::Error::UnexpectedResponse(ref r) if r.status() == 503),
        "{err:?}"
    );
}
