//! A line of the bulk JSON Lines format, any bytes: never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zoom_user_update::{BulkLine, Policy};

fuzz_target!(|data: &[u8]| {
    let _ = BulkLine::parse(data, Policy::Spec);
    let _ = BulkLine::parse(data, Policy::Strict);
});
