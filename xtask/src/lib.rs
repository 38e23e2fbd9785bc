//! Repository tasks for `zoom-user-update`, run as `cargo xtask <task>` (the alias in
//! `.cargo/config.toml`).
//!
//! - `spec-extract`: turns the whole OpenAPI file Zoom publishes into this project's
//!   one-operation fragment ([`spec_extract`]).

pub mod spec_extract;
