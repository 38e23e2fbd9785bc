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
