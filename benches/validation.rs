//! Cost of validation: building (or reading) and serializing a `UserUpdate`, against
//! `serde_json::to_vec` of the generated body with the same fields and no validation.
//!
//! `benches/run.sh` turns the pairs into ratios (sdk / raw) measured in the same run.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use zoom_user_update::raw::types::{UserCustomAttributes, UserPhoneNumbers, UserUpdateBody};
use zoom_user_update::{CustomAttributes, PhoneNumbers, Policy, UserType, UserUpdate};

const FULL_JSON: &str = r#"{"first_name":"Grace","last_name":"Hopper","type":2,"pmi":2468135790,
"use_pmi":false,"timezone":"America/New_York","language":"en-US","dept":"Engineering",
"vanity_name":"grace.hopper","host_key":"482915","cms_user_id":"kaltura-42",
"job_title":"Rear Admiral","company":"US Navy","location":"Arlington, VA",
"phone_numbers":{"number":"5550100","code":"+1","country":"US"},
"custom_attributes":{"key":"cbf9b7a3","name":"Badge","value":"1234"},
"manager":"boss@example.com","group_id":"HnjC5K5eQZmDbH0aS7b9Yw"}"#;

fn sdk_minimal() -> Vec<u8> {
    let update = UserUpdate::builder()
        .timezone(black_box("Asia/Tokyo"))
        .build()
        .unwrap();
    serde_json::to_vec(&update).unwrap()
}

fn raw_minimal() -> Vec<u8> {
    let body = UserUpdateBody {
        timezone: Some(black_box("Asia/Tokyo").to_owned()),
        ..Default::default()
    };
    serde_json::to_vec(&body).unwrap()
}

fn sdk_full() -> Vec<u8> {
    let update = UserUpdate::builder()
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
            PhoneNumbers::new()
                .number("5550100")
                .code("+1")
                .country("US"),
        )
        .custom_attributes(
            CustomAttributes::new()
                .key("cbf9b7a3")
                .name("Badge")
                .value("1234"),
        )
        .manager("boss@example.com")
        .group_id("HnjC5K5eQZmDbH0aS7b9Yw")
        .build()
        .unwrap();
    serde_json::to_vec(&update).unwrap()
}

fn raw_full() -> Vec<u8> {
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

fn sdk_json() -> Vec<u8> {
    let update = UserUpdate::from_json(black_box(FULL_JSON), Policy::Spec).unwrap();
    serde_json::to_vec(&update).unwrap()
}

fn raw_json() -> Vec<u8> {
    let body: UserUpdateBody = serde_json::from_str(black_box(FULL_JSON)).unwrap();
    serde_json::to_vec(&body).unwrap()
}

fn bench(c: &mut Criterion) {
    assert_eq!(sdk_minimal(), raw_minimal());
    assert_eq!(sdk_full(), raw_full());
    assert_eq!(sdk_json(), raw_json());
    for (name, sdk, raw) in [
        (
            "minimal",
            sdk_minimal as fn() -> Vec<u8>,
            raw_minimal as fn() -> Vec<u8>,
        ),
        ("full", sdk_full, raw_full),
        ("json_intake", sdk_json, raw_json),
    ] {
        let mut group = c.benchmark_group(name);
        group.bench_function("raw", |b| b.iter(raw));
        group.bench_function("sdk", |b| b.iter(sdk));
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
