//! Repository tasks for `zoom-user-update`, run as `cargo xtask <task>` (for now:
//! `cargo run --manifest-path xtask/Cargo.toml -- <task>`).
//!
//! - `spec-extract`: turns the whole OpenAPI file Zoom publishes into this project's
//!   one-operation fragment ([`spec_extract`]).

pub mod spec_extract;
