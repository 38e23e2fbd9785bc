//! The generated layer of this edition: progenitor's types and client for
//! `openapi/user-update.json`, exposed on purpose and **unchecked** (see the crate's layer 0,
//! `src/generated.rs`). Prefer [`v2021::UserUpdate`](super::UserUpdate).

// The generated code is used as generated: the lint allowances are on this module alone.
#![allow(
    missing_docs,
    unused_imports,
    unused_qualifications,
    clippy::all,
    clippy::pedantic,
    rustdoc::all
)]

include!(concat!(env!("OUT_DIR"), "/v2021.rs"));

crate::generated::generated_client!();

/// The inner type of this edition's generated [`Client`]: `Hooks::default()` sends as progenitor would.
pub use crate::generated::Hooks;
