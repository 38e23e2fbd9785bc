//! `RateBudget`: client-side pacing under Zoom's account limit.

use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use governor::{DefaultDirectRateLimiter, Quota, RateLimiter};

/// A client-side request budget, shared by all clones of a [`Client`](crate::Client), so a
/// bulk run stays under Zoom's per-account limit (label "Light") instead of collecting 429s.
///
/// Requests are spaced evenly (no bursts) with 2 % headroom, so that network jitter does not
/// push a second on Zoom's side over the limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum RateBudget {
    /// Free accounts: 4 requests per second.
    Free,
    /// Pro accounts: 30 per second.
    Pro,
    /// Business and above: 80 per second.
    Business,
    /// Any rate, in requests per second.
    PerSecond(NonZeroU32),
}

impl RateBudget {
    /// The budget in requests per second.
    #[must_use]
    pub fn per_second(self) -> u32 {
        match self {
            RateBudget::Free => 4,
            RateBudget::Pro => 30,
            RateBudget::Business => 80,
            RateBudget::PerSecond(n) => n.get(),
        }
    }

    /// The time between two requests: a second divided by the rate, plus 2 %.
    #[must_use]
    pub fn interval(self) -> Duration {
        Duration::from_secs(1).mul_f64(1.02) / self.per_second()
    }
}

/// The shared limiter behind a budget.
#[derive(Clone)]
pub(crate) struct Pacer {
    limiter: Arc<DefaultDirectRateLimiter>,
}

impl Pacer {
    pub(crate) fn new(budget: RateBudget) -> Self {
        // `with_period` is `None` only for a zero period; the interval is at least ~250 ns.
        let quota = Quota::with_period(budget.interval())
            .unwrap_or_else(|| Quota::per_second(NonZeroU32::MIN))
            .allow_burst(NonZeroU32::MIN);
        Self {
            limiter: Arc::new(RateLimiter::direct(quota)),
        }
    }

    /// Waits for the next slot.
    pub(crate) async fn ready(&self) {
        self.limiter.until_ready().await;
    }
}

impl std::fmt::Debug for Pacer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pacer").finish_non_exhaustive()
    }
}
