//! `Retry-After` and the `X-RateLimit-*` headers, any values: never a panic.
#![no_main]

use std::time::{Duration, UNIX_EPOCH};

use libfuzzer_sys::fuzz_target;
use reqwest::header::{HeaderMap, HeaderValue};
use zoom_user_update::{RateLimit, parse_retry_after};

fuzz_target!(|data: &[u8]| {
    let now = UNIX_EPOCH + Duration::from_secs(1_764_000_000);
    if let Ok(s) = std::str::from_utf8(data) {
        let _ = parse_retry_after(s, now);
        let _ = parse_retry_after(s, UNIX_EPOCH);
    }
    let mut headers = HeaderMap::new();
    let parts: Vec<&[u8]> = data.split(|b| *b == b'\n').collect();
    for (name, part) in ["retry-after", "x-ratelimit-type", "x-ratelimit-category", "x-ratelimit-limit", "x-ratelimit-remaining"]
        .iter()
        .zip(parts)
    {
        if let Ok(value) = HeaderValue::from_bytes(part) {
            headers.insert(*name, value);
        }
    }
    let _ = RateLimit::from_headers(&headers, now);
});
