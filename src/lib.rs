#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

// The layers (the graph is in the README's "What is in the crate"); a module imports only from
// its own layer and those below it:
// 0 `generated`: what every edition's generated client is built with;
// 1 `types`: validated values;
// 2 `body`: the field table, the intake, violations, policies, rule rows, `Update`; and the
//   editions (listed below), each with its tables and generated module;
// 3 `client`; 4 `mock`, a fake Zoom. `editions` holds the macro the list below expands.
mod body;
mod client;
mod editions;
mod generated;
mod types;

#[cfg(feature = "mock")]
#[cfg_attr(docsrs, doc(cfg(feature = "mock")))]
pub mod mock;

// The editions: one entry each. The crate root re-exports the one marked `(default)`, Zoom's
// current.
editions::editions! {
    /// Zoom's reference page for the operation, the seed of this crate (2021).
    V2021 => v2021,
    /// Zoom's current edition: the User API spec of 2025 and what Zoom's SDK sends today.
    V2025 => v2025 (default),
}

pub use body::bulk_line::BulkLineOf;
pub use body::field::FieldInput;
pub use body::policy::Policy;
pub use body::update::Update;
pub use body::violation::{ValidationErrors, Violation};
pub use body::warning::Warning;
pub use client::answer::Updated;
pub use client::auth::{Auth, DEFAULT_TOKEN_URL, Secret};
pub use client::bulk::{BulkOutcome, BulkResult, Canceller, UpdateMany};
pub use client::error::{ApiError, ApiErrorKind, AuthError, Error, FieldError};
pub use client::pacing::RateBudget;
pub use client::prepared::PreparedRequest;
pub use client::rate_limit::{RateLimit, RateLimitType, parse_retry_after};
pub use client::request::UpdateUserRequest;
pub use client::retry::RetryPolicy;
pub use client::stop::StopReason;
pub use client::{Client, ClientBuilder, DEFAULT_BASE_URL};
/// The HTTP client this crate sends with: give [`ClientBuilder::http_client`] a
/// `reqwest::Client` of this version (0.13), whichever `reqwest` the caller depends on.
pub use reqwest;
pub use types::{
    AboutMe, CallingCode, CountryId, DisplayName, Email, Escaped, HostKey, LinkedinUrl, List,
    PersonName, Pmi, Rule, Text, TimeZone, UnknownName, UserId,
};

/// The rule rows: what the validation layer decided for every request property of an edition
/// ([`Edition::field_rules`]), and where each rule comes from.
pub mod rules {
    pub use crate::body::rules::{FieldRule, JsonType, Location, Source};
}

/// Entry points for the fuzz targets (`fuzz/`), built only under cargo-fuzz (`--cfg fuzzing`).
#[cfg(fuzzing)]
#[doc(hidden)]
pub mod fuzzing {
    /// Reads a token endpoint's answer as the client does.
    pub fn token_answer(status: u16, body: &[u8], renew_before: std::time::Duration) {
        let _ = crate::client::auth::read_token_answer(
            status,
            body,
            renew_before,
            std::time::Instant::now(),
        );
    }
}

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
