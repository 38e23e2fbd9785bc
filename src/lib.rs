#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod raw;

mod types;

mod body;
pub mod spec;

mod client;
mod error;
pub mod v2025;

#[cfg(feature = "mock")]
#[cfg_attr(docsrs, doc(cfg(feature = "mock")))]
pub mod mock;

pub use body::bulk_line::{BulkLine, BulkLineOf};
pub use body::field::FieldInput;
pub use body::policy::Policy;
pub use body::update_2021::{
    CustomAttributes, CustomAttributesBuilder, PhoneNumbers, PhoneNumbersBuilder, UserUpdate,
    UserUpdateBuilder,
};
pub use body::violation::{Rule, ValidationErrors, Violation};
pub use body::warning::Warning;
pub use client::auth::{Auth, DEFAULT_TOKEN_URL, Secret};
pub use client::bulk::{BulkOutcome, BulkResult, Canceller, StopReason, UpdateMany};
pub use client::edition::Update;
pub use client::pacing::RateBudget;
pub use client::prepared::PreparedRequest;
pub use client::rate_limit::{RateLimit, RateLimitType, parse_retry_after};
pub use client::request::{UpdateUserRequest, Updated};
pub use client::retry::RetryPolicy;
pub use client::{Client, ClientBuilder, DEFAULT_BASE_URL};
pub use error::{ApiError, ApiErrorKind, AuthError, Error, Escaped, FieldError};
pub(crate) use types::{AboutMe, DisplayName, LinkedinUrl};
pub use types::{
    CallingCode, CountryId, Email, HostKey, List, LoginType, PersonName, Pmi, Text, TimeZone,
    UnknownName, UserId, UserType,
};

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

/// Locks a mutex whose data stays valid even if a holder panicked (the crate's mutexes guard
/// plain slots and schedules), so a panic elsewhere never turns into a second one here.
pub(crate) fn lock<T>(mutex: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
