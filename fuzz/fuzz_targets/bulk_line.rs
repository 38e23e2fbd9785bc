//! A line of the bulk JSON Lines format of each edition, any bytes: never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zoom_user_update::{Edition, Policy};

fuzz_target!(|data: &[u8]| {
    for edition in Edition::ALL {
        let _ = edition.bulk_line(data, Policy::Spec);
        let _ = edition.bulk_line(data, Policy::Strict);
    }
});
