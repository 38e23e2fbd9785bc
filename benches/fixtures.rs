//! The updates the validation benchmark and the callgrind probe measure, each built two ways:
//! through the SDK (validated) and as the raw generated body (no validation). Included with
//! `#[path]` by `benches/validation.rs`, `benches/validation_probe.rs` and the tests
//! (`tests/common/mod.rs`, for the full body).

use std::hint::black_box;

use zoom_user_update::raw::types::{UserCustomAttributes, UserPhoneNumbers, UserUpdateBody};
use zoom_user_update::{CustomAttributes, PhoneNumbers, Policy, UserType, UserUpdate};

pub const FULL_JSON: &str = r#"{"first_name":"Grace","last_name":"Hopper","type":2,"pmi":2468135790,
"use_pmi":false,"timezone":"America/New_York","language":"en-US","dept":"Engineering",
"vanity_name":"grace.hopper","host_key":"482915","cms_user_id":"kaltura-42",
"job_title":"Rear Admiral","company":"US Navy","location":"Arlington, VA",
"phone_numbers":{"number":"5550100","code":"+1","country":"US"},
"custom_attributes":{"key":"cbf9b7a3","name":"Badge","value":"1234"},
"manager":"boss@example.com","group_id":"HnjC5K5eQZmDbH0aS7b9Yw"}"#;

pub fn sdk_minimal() -> Vec<u8> {
    let update = UserUpdate::builder()
        .timezone(black_box("Asia/Tokyo"))
        .build()
        .unwrap();
    serde_json::to_vec(&update).unwrap()
}

pub fn raw_minimal() -> Vec<u8> {
    let body = UserUpdateBody {
        timezone: Some(black_box("Asia/Tokyo").to_owned()),
        ..Default::default()
    };
    serde_json::to_vec(&body).unwrap()
}

/// An update that sets every field of the reference page's surface: the benches' full case,
/// and the full body of the tests (`tests/common/mod.rs` includes this file).
pub fn full() -> UserUpdate {
    UserUpdate::builder()
        .first_name(black_box("Grace"))
        .last_name("Hopper")
        .user_type(UserType::Licensed)
        .pmi(2_468_135_790_i64)
        .use_pmi(false)
        .timezone("America/New_York")
        .language("en-US")
        .dept("Engineering")
        .vanity_name("grace.hopper")
        .host_key("482915")
        .cms_user_id("kaltura-42")
        .job_title("Rear Admiral")
        .company("US Navy")
        .location("Arlington, VA")
        .phone_numbers(
            PhoneNumbers::builder()
                .number("5550100")
                .code("+1")
                .country("US"),
        )
        .custom_attributes(
            CustomAttributes::builder()
                .key("cbf9b7a3")
                .name("Badge")
                .value("1234"),
        )
        .manager("boss@example.com")
        .group_id("HnjC5K5eQZmDbH0aS7b9Yw")
        .build()
        .unwrap()
}

pub fn sdk_full() -> Vec<u8> {
    serde_json::to_vec(&full()).unwrap()
}

pub fn raw_full() -> Vec<u8> {
    let s = |v: &str| Some(v.to_owned());
    let body = UserUpdateBody {
        first_name: Some(black_box("Grace").try_into().unwrap()),
        last_name: Some("Hopper".try_into().unwrap()),
        type_: Some(2.try_into().unwrap()),
        pmi: Some(2_468_135_790),
        use_pmi: Some(false),
        timezone: s("America/New_York"),
        language: s("en-US"),
        dept: s("Engineering"),
        vanity_name: s("grace.hopper"),
        host_key: Some("482915".try_into().unwrap()),
        cms_user_id: s("kaltura-42"),
        job_title: Some("Rear Admiral".try_into().unwrap()),
        company: Some("US Navy".try_into().unwrap()),
        location: Some("Arlington, VA".try_into().unwrap()),
        phone_numbers: Some(UserPhoneNumbers {
            number: s("5550100"),
            code: s("+1"),
            country: s("US"),
        }),
        custom_attributes: Some(UserCustomAttributes {
            key: s("cbf9b7a3"),
            name: s("Badge"),
            value: s("1234"),
        }),
        manager: s("boss@example.com"),
        group_id: s("HnjC5K5eQZmDbH0aS7b9Yw"),
        ..Default::default()
    };
    serde_json::to_vec(&body).unwrap()
}

pub fn sdk_json() -> Vec<u8> {
    let update = UserUpdate::from_json(black_box(FULL_JSON), Policy::Spec).unwrap();
    serde_json::to_vec(&update).unwrap()
}

pub fn raw_json() -> Vec<u8> {
    let body: UserUpdateBody = serde_json::from_str(black_box(FULL_JSON)).unwrap();
    serde_json::to_vec(&body).unwrap()
}

/// Builds and serializes one update, returning the body.
pub type Case = fn() -> Vec<u8>;

/// `(case, sdk, raw)`.
pub const CASES: [(&str, Case, Case); 3] = [
    ("minimal", sdk_minimal, raw_minimal),
    ("full", sdk_full, raw_full),
    ("json_intake", sdk_json, raw_json),
];
