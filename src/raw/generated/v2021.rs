//! The progenitor output for `openapi/user-update.json`, written by `build.rs`.

include!(concat!(env!("OUT_DIR"), "/codegen.rs"));
