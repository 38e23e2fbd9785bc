//! What the tests, benches and examples of `zoom-user-update` and of its tool share, in one crate
//! that each takes as a dev-dependency (instead of files included across crates):
//!
//! - [`v2021`] and [`v2025`]: the full body of each edition, and a body's violations as (path,
//!   rule code) pairs; [`v2025::catalogue`] lists every distinct body the current edition's tests
//!   send (written to `tests/fixtures/v2025-bodies.jsonl` for `tools/rivet-check`);
//! - [`bench`](mod@bench): the cases of the validation benchmark and its callgrind probe;
//! - [`implements!`], a probe of the traits a type implements; [`fast_retries`] and [`all`] for
//!   tests of the client; [`bearer_headers`] for a generated client alone;
//! - [`cli`]: the tool in a clean environment, bulk input files and reports;
//! - [`server`]: a misbehaving HTTP/1.1 server of raw TCP on loopback.
//!
//! It depends on the library with its `mock` feature, so every crate that takes it as a
//! dev-dependency has the fake Zoom in its tests, benches and examples.

use std::time::Duration;

use zoom_user_update::{BulkOutcome, RetryPolicy, Update, UpdateMany, ValidationErrors, reqwest};

pub mod bench;
pub mod cli;
pub mod server;
pub mod v2021;
pub mod v2025;

/// A body as the JSON value it serializes to.
pub fn body(update: &impl serde::Serialize) -> serde_json::Value {
    serde_json::to_value(update).unwrap()
}

/// What the intake of the edition `U` refuses in a JSON body under `Policy::Spec`, as (path,
/// rule code) pairs; none for a valid body.
pub fn codes<U: Update>(json: &(impl AsRef<[u8]> + ?Sized)) -> Vec<(String, &'static str)> {
    pairs(U::from_json(json.as_ref(), zoom_user_update::Policy::Spec))
}

/// The violations of a result as (path, rule code) pairs; none for a success.
pub fn pairs<T>(result: Result<T, ValidationErrors>) -> Vec<(String, &'static str)> {
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
#[macro_export]
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

/// The default retry policy with waits of milliseconds: tests of retries run quickly, and a test
/// that waits proves `Retry-After`, not the backoff.
pub fn fast_retries() -> RetryPolicy {
    RetryPolicy::default().backoff(Duration::from_millis(5), Duration::from_millis(20))
}

/// `Authorization: Bearer <token>`, marked sensitive: the default headers that give a generated
/// client alone its credentials.
pub fn bearer_headers(token: &str) -> reqwest::header::HeaderMap {
    let mut authorization = reqwest::header::HeaderValue::from_str(&format!("Bearer {token}"))
        .expect("a token of visible ASCII");
    authorization.set_sensitive(true);
    reqwest::header::HeaderMap::from_iter([(reqwest::header::AUTHORIZATION, authorization)])
}

/// Every outcome of a bulk run, in the order they finished.
pub async fn all<K: std::fmt::Debug + Send + 'static, U: Update>(
    mut run: UpdateMany<K, U>,
) -> Vec<BulkOutcome<K>> {
    let mut outcomes = Vec::new();
    while let Some(outcome) = run.next().await {
        outcomes.push(outcome);
    }
    outcomes
}
