//! The progenitor output for `openapi/user-update.json`, written by `build.rs`.
//!
//! Nothing here is checked beyond what the fragment states; see [`crate::raw`].

include!(concat!(env!("OUT_DIR"), "/codegen.rs"));
