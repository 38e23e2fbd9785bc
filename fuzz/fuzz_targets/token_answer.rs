//! A token endpoint's answer, any status, any body, any margin: never a panic (a lifetime of
//! `u64::MAX` seconds included).
#![no_main]

use std::time::Duration;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (head, body) = data.split_at(data.len().min(10));
    let mut status = [0u8; 2];
    let mut margin = [0u8; 8];
    for (i, b) in head.iter().enumerate() {
        match i {
            0..2 => status[i] = *b,
            _ => margin[i - 2] = *b,
        }
    }
    let status = 100 + u16::from_le_bytes(status) % 500;
    zoom_user_update::fuzzing::token_answer(status, body, Duration::from_secs(u64::from_le_bytes(margin)));
    // Success answers with extreme lifetimes.
    for lifetime in ["0", "18446744073709551615", "10000000000000000000", "-1", "1e30"] {
        let body = format!(r#"{{"access_token": "t", "expires_in": {lifetime}}}"#);
        zoom_user_update::fuzzing::token_answer(200, body.as_bytes(), Duration::MAX);
    }
});
