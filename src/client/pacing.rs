//! `RateBudget`: client-side pacing under Zoom's account limit.

use std::num::NonZeroU32;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::{UnknownName, lock};

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

impl std::fmt::Display for RateBudget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RateBudget::Free => f.write_str("free"),
            RateBudget::Pro => f.write_str("pro"),
            RateBudget::Business => f.write_str("business"),
            RateBudget::PerSecond(n) => write!(f, "{n}"),
        }
    }
}

/// Parses a plan (`free`, `pro`, `business`, any case) or a rate in requests per second
/// (`25`).
///
/// ```
/// use zoom_user_update::RateBudget;
///
/// assert_eq!("pro".parse::<RateBudget>()?, RateBudget::Pro);
/// assert_eq!("25".parse::<RateBudget>()?.per_second(), 25);
/// assert!("0".parse::<RateBudget>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl std::str::FromStr for RateBudget {
    type Err = UnknownName;
    fn from_str(s: &str) -> Result<Self, UnknownName> {
        let plans = [RateBudget::Free, RateBudget::Pro, RateBudget::Business];
        plans
            .into_iter()
            .find(|plan| plan.to_string().eq_ignore_ascii_case(s))
            .or_else(|| s.parse().ok().map(RateBudget::PerSecond))
            .ok_or(UnknownName {
                what: "rate budget",
                expected: "free, pro, business, or requests per second (1 or more)",
            })
    }
}

/// The shared schedule behind a budget: each request reserves the next free slot (one
/// interval after the previous one, or now if the schedule is idle) and sleeps until it.
///
/// A reservation schedule rather than a rate-limiter crate: waiters are served first come,
/// first served, with no retry loop, the slots are absolute so timer rounding never
/// accumulates, and an idle schedule builds up no burst. (governor was tried and filled a
/// budget less well: `BENCHMARKS.md`.)
#[derive(Clone, Debug)]
pub(crate) struct Pacer {
    interval: Duration,
    next: Arc<Mutex<Option<Instant>>>,
}

impl Pacer {
    pub(crate) fn new(budget: RateBudget) -> Self {
        Self {
            interval: budget.interval(),
            next: Arc::new(Mutex::new(None)),
        }
    }

    /// Waits for this request's slot.
    pub(crate) async fn ready(&self) {
        let slot = {
            let mut next = lock(&self.next);
            let now = Instant::now();
            let slot = next.map_or(now, |n| n.max(now));
            *next = Some(slot + self.interval);
            slot
        };
        tokio::time::sleep_until(slot.into()).await;
    }
}
