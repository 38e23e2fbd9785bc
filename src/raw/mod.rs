//! The generated layer, exposed on purpose and **unchecked**.
//!
//! These are progenitor's types and client for `openapi/user-update.json` (and, in
//! [`v2025`], for `openapi/user-update-2025.json`), as generated but for the two
//! fidelity edits `openapi/README.md` names. They enforce only what the fragment states in schema
//! keywords (a few maximum lengths and the enums); none of the spec's prose rules (10-digit PMI,
//! 6–10 digit host key, timezone IDs, name rules, …) are checked here, and their `Debug` shows
//! every value, a host key included. Prefer the validated types of this crate.

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

pub use generated::v2021::{Client, Error, ResponseValue, types};
pub use hooks::Hooks;
pub(crate) use hooks::{Capture, Observed};

pub mod v2025 {
    //! The generated layer for Zoom's current spec (`openapi/user-update-2025.json`), exposed
    //! on purpose and **unchecked**, like the rest of [`raw`](super): prefer
    //! [`v2025::UserUpdate`](crate::v2025::UserUpdate).

    pub use super::generated::v2025::{Client, Error, ResponseValue, types};
}
