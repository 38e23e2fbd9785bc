//! The progenitor output for `openapi/user-update-2025.json`, written by `build.rs`.

include!(concat!(env!("OUT_DIR"), "/codegen_2025.rs"));
