//! Zoom's reference page (the 2021 edition): its full body and its intake's violations.

use std::hint::black_box;

use zoom_user_update::v2021::{CustomAttributes, PhoneNumbers, UserType, UserUpdate};

/// The full body as JSON text (what the JSON intake case of the benchmark reads).
pub const FULL_JSON: &str = r#"{"first_name":"Grace","last_name":"Hopper","type":2,"pmi":2468135790,
"use_pmi":false,"timezone":"America/New_York","language":"en-US","dept":"Engineering",
"vanity_name":"grace.hopper","host_key":"482915","cms_user_id":"kaltura-42",
"job_title":"Rear Admiral","company":"US Navy","location":"Arlington, VA",
"phone_numbers":{"number":"5550100","code":"+1","country":"US"},
"custom_attributes":{"key":"cbf9b7a3","name":"Badge","value":"1234"},
"manager":"boss@example.com","group_id":"HnjC5K5eQZmDbH0aS7b9Yw"}"#;

/// An update that sets every field of the reference page's edition (but the deprecated
/// `phone_number` / `phone_country`): the tests' full body and the benchmark's full case.
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

/// What this edition's intake refuses in a JSON body under `Policy::Spec`, as (path, rule code)
/// pairs; none for a valid body.
pub fn codes(json: &(impl AsRef<[u8]> + ?Sized)) -> Vec<(String, &'static str)> {
    crate::codes::<UserUpdate>(json)
}
