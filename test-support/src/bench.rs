//! The updates the validation benchmark (`benches/validation.rs`) and its callgrind probe
//! (`benches/validation_probe.rs`) measure, each built two ways: through the SDK (validated) and
//! as the raw generated body (no validation). The body is the reference page's edition's
//! ([`v2021`](crate::v2021)), as in every earlier run of the benchmark.

use std::hint::black_box;

use zoom_user_update::Policy;
use zoom_user_update::v2021::UserUpdate;
use zoom_user_update::v2021::raw::types::{UserCustomAttributes, UserPhoneNumbers, UserUpdateBody};

pub use crate::v2021::{FULL_JSON, full};

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
