//! progenitor's output, one module per fragment, as `build.rs` writes it (the lint allowances
//! are on this module alone).

pub mod v2021;
pub mod v2025;
