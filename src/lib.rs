#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

#[allow(
    missing_docs,
    unused_imports,
    unused_qualifications,
    clippy::all,
    clippy::pedantic,
    rustdoc::all
)]
mod generated;
mod hooks;

mod auth;
mod client;
mod error;
#[cfg(feature = "mock")]
pub mod mock;
mod pacing;
mod rate_limit;
mod retry;

mod bulk_line;
mod country;
mod email;
mod host_key;
mod input;
mod json;
mod login_type;
mod name;
mod parse;
mod phone;
mod pmi;
mod policy;
mod rule;
pub mod spec;
mod time_zone;
mod update;
mod user_id;
mod user_type;
mod zoom_time_zones;

pub use auth::{Auth, DEFAULT_TOKEN_URL, Secret};
pub use bulk_line::BulkLine;
pub use client::{Client, ClientBuilder, DEFAULT_BASE_URL, UpdateUserRequest};
pub use country::CountryId;
pub use email::Email;
pub use error::{ApiError, ApiErrorKind, AuthError, Error, FieldError};
pub use hooks::PreparedRequest;
pub use host_key::HostKey;
pub use input::FieldInput;
pub use login_type::LoginType;
pub use name::PersonName;
pub use pacing::RateBudget;
pub use phone::{CallingCode, CustomAttributes, PhoneNumbers};
pub use pmi::Pmi;
pub use policy::Policy;
pub use rate_limit::{RateLimit, RateLimitType, parse_retry_after};
pub use retry::RetryPolicy;
pub use rule::{Rule, ValidationErrors, Violation};
pub use time_zone::TimeZone;
pub use update::{UserUpdate, UserUpdateBuilder, Warning};
pub use user_id::UserId;
pub use user_type::UserType;

/// Locks a mutex whose data stays valid even if a holder panicked (the crate's mutexes guard
/// plain slots and schedules), so a panic elsewhere never turns into a second one here.
pub(crate) fn lock<T>(mutex: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

pub mod raw {
    //! The generated layer, exposed on purpose and **unchecked**.
    //!
    //! These are progenitor's types and client for `openapi/user-update.json`, as generated. They
    //! enforce only what the fragment states in schema keywords (a few maximum lengths and the
    //! `type` enum); none of the spec's prose rules (10-digit PMI, 6–10 digit host key, timezone
    //! IDs, name rules, …) are checked here. Prefer the validated types of this crate.

    pub use crate::generated::{Client, Error, ResponseValue, types};
    pub use crate::hooks::{Hooks, InvalidToken};
}
