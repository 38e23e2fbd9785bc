//! The generated (raw, unchecked) client of each edition against the fake Zoom on loopback, as
//! progenitor generates it: the credentials are a default header of its `reqwest::Client`, and
//! `Hooks::default()` adds nothing. The cases are the reference page's edition's (`v2021`); the
//! last two are the current edition's (`v2025`).

use serde_json::json;
use zoom_user_update::mock::{Fault, MockZoom};
use zoom_user_update::v2021::raw::{self, types};

/// A `reqwest::Client` whose every request carries the fake Zoom's bearer token.
fn bearer_http() -> reqwest::Client {
    reqwest::Client::builder()
        .default_headers(zoom_test_support::bearer_headers(MockZoom::ACCESS_TOKEN))
        .build()
        .unwrap()
}

fn client(zoom: &MockZoom) -> raw::Client {
    raw::Client::new_with_client(&zoom.base_url(), bearer_http(), raw::Hooks::default())
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

/// The current edition's generated client: its own body type, and both query parameters.
#[tokio::test]
async fn the_2025_generated_client_sends_its_body_and_query() {
    use zoom_user_update::v2025::raw::{self as raw2025, types as types2025};
    let zoom = MockZoom::start().await;
    let client = raw2025::Client::new_with_client(
        &zoom.base_url(),
        bearer_http(),
        raw2025::Hooks::default(),
    );
    let body = types2025::UserUpdateBody {
        division_ids: Some(Vec::new()),
        zoom_one_type: Some(576_460_752_303_423_488_i64.try_into().unwrap()),
        ..Default::default()
    };
    let login_type = types2025::UserUpdateLoginType::try_from(101).unwrap();
    client
        .user_update("me", Some(&login_type), Some(true), &body)
        .await
        .expect("204 is success");
    let request = &zoom.api_requests()[0];
    assert_eq!(
        request.query.as_deref(),
        Some("login_type=101&remove_tsp_credentials=true")
    );
    assert_eq!(
        request.credentials.as_ref().map(|c| c.expose()),
        Some(MockZoom::ACCESS_TOKEN)
    );
    assert_eq!(
        String::from_utf8(request.body.clone()).unwrap(),
        r#"{"division_ids":[],"zoom_one_type":576460752303423488}"#
    );
}

/// The generated types are unchecked beyond the fragment's keywords: a license option the spec
/// does not list is refused there, but nothing checks that a license item's subscription is not
/// empty, nor how many phone numbers a body has.
#[test]
fn the_2025_generated_types_check_only_schema_keywords() {
    use zoom_user_update::v2025::raw::types as types2025;
    assert!(types2025::UserUpdateBodyLicenseInfoListItemLicenseOption::try_from(3).is_err());
    assert!(
        types2025::UserUpdateBodyLicenseInfoListItemLicenseOption::try_from(
            576_460_752_303_423_488
        )
        .is_ok()
    );
    let item: types2025::UserUpdateBodyLicenseInfoListItem = serde_json::from_value(json!(
        {"license_option": 2, "license_type": "MEETING", "subscription_id": ""}
    ))
    .unwrap();
    assert_eq!(item.subscription_id, "");
    let missing = serde_json::from_value::<types2025::UserUpdateBodyLicenseInfoListItem>(json!(
        {"license_option": 2, "license_type": "MEETING"}
    ));
    assert!(
        missing.is_err(),
        "a required member is required by the generated type too"
    );
}
