//! Zoom's rate-limit answer: `Retry-After` in its three forms and the `X-RateLimit-*` headers.

use std::time::{Duration, SystemTime};

use reqwest::header::{HeaderMap, HeaderName};

/// What an answer of Zoom's said about the rate limit: a success ([`Updated`](crate::Updated))
/// and a refusal alike carry the `X-RateLimit-*` headers and `Retry-After`; `code` and
/// `message` are filled from the body of a 429 only. Every part may be missing.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct RateLimit {
    /// How long Zoom asked to wait (`Retry-After`, relative to when the answer arrived).
    pub retry_after: Option<Duration>,
    /// `X-RateLimit-Type`: per second (`QPS`) or per day (`Daily-limit`).
    pub limit_type: Option<RateLimitType>,
    /// `X-RateLimit-Category` (`Light` for this operation).
    pub category: Option<String>,
    /// `X-RateLimit-Limit`.
    pub limit: Option<u64>,
    /// `X-RateLimit-Remaining`.
    pub remaining: Option<u64>,
    /// Zoom's error code from the body.
    pub code: Option<i64>,
    /// Zoom's message from the body.
    pub message: Option<String>,
}

/// The `X-RateLimit-Type` header.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RateLimitType {
    /// `QPS`: the per-second limit; waiting helps.
    Qps,
    /// `Daily-limit`: the account's daily budget is spent; retrying today does not help.
    DailyLimit,
    /// Any other value, as sent.
    Other(String),
}

impl RateLimit {
    /// Reads the rate-limit headers of an answer that arrived at `now`.
    #[must_use]
    pub fn from_headers(headers: &HeaderMap, now: SystemTime) -> Self {
        const RETRY_AFTER: HeaderName = HeaderName::from_static("retry-after");
        const TYPE: HeaderName = HeaderName::from_static("x-ratelimit-type");
        const CATEGORY: HeaderName = HeaderName::from_static("x-ratelimit-category");
        const LIMIT: HeaderName = HeaderName::from_static("x-ratelimit-limit");
        const REMAINING: HeaderName = HeaderName::from_static("x-ratelimit-remaining");
        let text = |name: &HeaderName| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::trim)
        };
        let number = |name: &HeaderName| text(name).and_then(|v| v.parse().ok());
        Self {
            retry_after: text(&RETRY_AFTER).and_then(|v| parse_retry_after(v, now)),
            limit_type: text(&TYPE).map(|t| {
                if t.eq_ignore_ascii_case("qps") {
                    RateLimitType::Qps
                } else if t.eq_ignore_ascii_case("daily-limit") {
                    RateLimitType::DailyLimit
                } else {
                    RateLimitType::Other(t.to_owned())
                }
            }),
            category: text(&CATEGORY).map(str::to_owned),
            limit: number(&LIMIT),
            remaining: number(&REMAINING),
            code: None,
            message: None,
        }
    }

    /// Whether the daily limit is spent (`X-RateLimit-Type: Daily-limit`).
    #[must_use]
    pub fn is_daily_limit(&self) -> bool {
        self.limit_type == Some(RateLimitType::DailyLimit)
    }
}

/// Parses a `Retry-After` value into a wait from `now`, in any of the three forms seen:
/// an ISO-8601 / RFC 3339 timestamp as Zoom documents it (`2020-05-31T00:00:00Z`; without an
/// offset it is read as UTC), a number of seconds (`120`), or an HTTP date
/// (`Sun, 31 May 2020 00:00:00 GMT`). A moment in the past is a wait of zero. `None` when the
/// value is none of these.
///
/// ```
/// use std::time::{Duration, SystemTime, UNIX_EPOCH};
/// use zoom_user_update::parse_retry_after;
///
/// let now = UNIX_EPOCH + Duration::from_secs(1_590_883_200 - 30); // 2020-05-30T23:59:30Z
/// assert_eq!(parse_retry_after("2020-05-31T00:00:00Z", now), Some(Duration::from_secs(30)));
/// assert_eq!(parse_retry_after("7", now), Some(Duration::from_secs(7)));
/// assert_eq!(parse_retry_after("Sun, 31 May 2020 00:00:00 GMT", now), Some(Duration::from_secs(30)));
/// assert_eq!(parse_retry_after("soon", now), None);
/// ```
#[must_use]
pub fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        // More digits than u64 holds is still "a very long time".
        return Some(Duration::from_secs(value.parse().unwrap_or(u64::MAX)));
    }
    let at = chrono::DateTime::parse_from_rfc3339(value)
        .map(|t| t.timestamp_millis())
        .or_else(|_| {
            chrono::NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M:%S%.f")
                .map(|t| t.and_utc().timestamp_millis())
        })
        .or_else(|_| chrono::DateTime::parse_from_rfc2822(value).map(|t| t.timestamp_millis()))
        .ok()?;
    let now_ms = match now.duration_since(SystemTime::UNIX_EPOCH) {
        Ok(d) => i64::try_from(d.as_millis()).unwrap_or(i64::MAX),
        Err(e) => -i64::try_from(e.duration().as_millis()).unwrap_or(i64::MAX),
    };
    let wait = at.saturating_sub(now_ms).max(0);
    Some(Duration::from_millis(u64::try_from(wait).unwrap_or(0)))
}
