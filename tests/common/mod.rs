//! What several parts of the suite share: the full body of each surface, a body's violations as
//! (path, rule code) pairs, a probe of the traits a type implements, quick retries and the
//! draining of a bulk run.

use std::time::Duration;

use serde_json::Value;
use zoom_user_update::v2025::{
    CustomAttribute, Feature, PhoneLabel, PhoneNumber, PlanUnitedType, PronounsOption, UserType,
    ZoomOneType,
};
use zoom_user_update::{
    BulkOutcome, Policy, RetryPolicy, UpdateMany, UserUpdate, ValidationErrors, v2025,
};

/// The benches' fixtures, where the full body of the reference page's surface is built.
#[allow(dead_code)] // the raw bodies and the cases are the benches'
#[path = "../../benches/fixtures.rs"]
mod bench;

/// An update that sets every field of the reference page's surface.
pub use bench::full;

/// An update that sets every field of Zoom's current surface (2025), with two phone numbers.
pub fn full_2025() -> v2025::UserUpdate {
    v2025::UserUpdate::builder()
        .first_name("Grace")
        .last_name("Hopper")
        .display_name("Amazing Grace")
        .user_type(UserType::Licensed)
        .pmi(2468135790)
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
        .cost_center("CC-1906")
        .about_me("Compiler pioneer.")
        .linkedin_url("https://www.linkedin.com/in/grace-hopper")
        .pronouns("she/her")
        .pronouns_option(PronounsOption::Always)
        .phone_numbers([
            PhoneNumber::builder()
                .number("5550100")
                .code("+1")
                .country("US")
                .label(PhoneLabel::Office),
            PhoneNumber::builder().number("5550101").label("Mobile"),
        ])
        .custom_attributes(vec![
            CustomAttribute::builder()
                .key("cbf9b7a3")
                .name("Badge")
                .value("1234"),
        ])
        .manager("boss@example.com")
        .group_id("HnjC5K5eQZmDbH0aS7b9Yw")
        .feature(Feature::builder().zoom_phone(true))
        .plan_united_type(PlanUnitedType::EntJp)
        .zoom_one_type(ZoomOneType::EducationEnterpriseStudent)
        .build()
        .unwrap()
}

/// A body as the JSON value it serializes to.
pub fn body(update: &impl serde::Serialize) -> Value {
    serde_json::to_value(update).unwrap()
}

/// What the reference page's intake refuses in a JSON body under `Policy::Spec`, as (path, rule
/// code) pairs; none for a valid body.
pub fn codes(json: &(impl AsRef<[u8]> + ?Sized)) -> Vec<(String, &'static str)> {
    pairs(UserUpdate::from_json(json, Policy::Spec))
}

/// The same for Zoom's current surface (2025).
pub fn codes_2025(json: &(impl AsRef<[u8]> + ?Sized)) -> Vec<(String, &'static str)> {
    pairs(v2025::UserUpdate::from_json(json, Policy::Spec))
}

fn pairs<T>(result: Result<T, ValidationErrors>) -> Vec<(String, &'static str)> {
    match result {
        Ok(_) => Vec::new(),
        Err(errors) => errors
            .iter()
            .map(|v| (v.path().to_owned(), v.rule().code()))
            .collect(),
    }
}

/// Whether a type implements a trait (`implements!(HostKey: std::fmt::Display)`), decided at
/// compile time: the inherent constant exists only where the bound holds, and the trait's
/// constant answers where it does not.
macro_rules! implements {
    ($ty:ty: $($bound:tt)+) => {{
        #[allow(dead_code)] // unused where the type implements the trait
        trait Otherwise {
            const IMPLEMENTS: bool = false;
        }
        struct Probe<T: ?Sized>(::std::marker::PhantomData<T>);
        impl<T: ?Sized> Otherwise for Probe<T> {}
        #[allow(dead_code)] // unused where it does not
        impl<T: ?Sized + $($bound)+> Probe<T> {
            const IMPLEMENTS: bool = true;
        }
        <Probe<$ty>>::IMPLEMENTS
    }};
}

pub(crate) use implements;

/// The default retry policy with waits of milliseconds: tests of retries run quickly, and a test
/// that waits proves `Retry-After`, not the backoff.
pub fn fast_retries() -> RetryPolicy {
    RetryPolicy::default().backoff(Duration::from_millis(5), Duration::from_millis(20))
}

/// Every outcome of a bulk run, in the order they finished.
pub async fn all<K: Send + 'static>(mut run: UpdateMany<K>) -> Vec<BulkOutcome<K>> {
    let mut outcomes = Vec::new();
    while let Some(outcome) = run.next().await {
        outcomes.push(outcome);
    }
    outcomes
}
