//! `RetryPolicy`: which failures are retried, how often, and how long to wait.

use std::time::Duration;

use backon::{BackoffBuilder, ExponentialBuilder};

/// How the client retries: up to `max_attempts` requests in all, for timeouts, transport
/// failures, 5xx answers and per-second 429s, waiting with jittered exponential backoff or as
/// long as Zoom's `Retry-After` says, but never longer than `max_wait` (a longer `Retry-After`
/// is returned to the caller as [`Error::RateLimited`](crate::Error::RateLimited)).
///
/// A PATCH that sets fields is idempotent, so resending it after a timeout is safe.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    max_attempts: u32,
    min_delay: Duration,
    max_delay: Duration,
    max_wait: Duration,
    jitter: bool,
}

impl Default for RetryPolicy {
    /// 4 attempts, backoff from 200 ms up to 5 s with jitter, `Retry-After` honoured up to 60 s.
    fn default() -> Self {
        Self {
            max_attempts: 4,
            min_delay: Duration::from_millis(200),
            max_delay: Duration::from_secs(5),
            max_wait: Duration::from_secs(60),
            jitter: true,
        }
    }
}

impl RetryPolicy {
    /// No retries: one attempt.
    #[must_use]
    pub fn none() -> Self {
        Self {
            max_attempts: 1,
            ..Self::default()
        }
    }

    /// How many requests at most, the first included (at least 1).
    #[must_use]
    pub fn max_attempts(mut self, n: u32) -> Self {
        self.max_attempts = n.max(1);
        self
    }

    /// The first backoff delay and the largest one.
    #[must_use]
    pub fn backoff(mut self, min: Duration, max: Duration) -> Self {
        self.min_delay = min;
        self.max_delay = max.max(min);
        self
    }

    /// The longest `Retry-After` the client sleeps through.
    #[must_use]
    pub fn max_wait(mut self, max: Duration) -> Self {
        self.max_wait = max;
        self
    }

    /// Whether backoff delays are jittered (default `true`).
    #[must_use]
    pub fn jitter(mut self, on: bool) -> Self {
        self.jitter = on;
        self
    }

    pub(crate) fn longest_wait(&self) -> Duration {
        self.max_wait
    }

    /// The backoff delays between attempts (`max_attempts - 1` of them).
    pub(crate) fn delays(&self) -> impl Iterator<Item = Duration> + use<> {
        let builder = ExponentialBuilder::default()
            .with_min_delay(self.min_delay)
            .with_max_delay(self.max_delay)
            .with_max_times(self.max_attempts.saturating_sub(1) as usize);
        let builder = if self.jitter {
            builder.with_jitter()
        } else {
            builder
        };
        builder.build()
    }
}
