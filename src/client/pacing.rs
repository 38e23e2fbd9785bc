//! `RateBudget`: client-side pacing under Zoom's account limit.

use std::collections::VecDeque;
use std::num::NonZeroU32;
use std::sync::Mutex;
use std::time::Duration;

use tokio::time::Instant;

use crate::client::lock;
use crate::types::UnknownName;

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

/// Parses a plan (`free`, `pro`, `business`, any case) or a rate in requests per second (`25`
/// or `25/s`), surrounding whitespace ignored; `Deserialize` reads the same text and `Serialize`
/// writes the `Display` form (`business`, `25`).
///
/// ```
/// use zoom_user_update::RateBudget;
///
/// assert_eq!("pro".parse::<RateBudget>()?, RateBudget::Pro);
/// assert_eq!("25".parse::<RateBudget>()?.per_second(), 25);
/// assert_eq!(" 80/s ".parse::<RateBudget>()?.per_second(), 80);
/// assert!("0".parse::<RateBudget>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl std::str::FromStr for RateBudget {
    type Err = UnknownName;
    fn from_str(s: &str) -> Result<Self, UnknownName> {
        let name = s.trim();
        let plans = [RateBudget::Free, RateBudget::Pro, RateBudget::Business];
        let rate = name
            .strip_suffix("/s")
            .unwrap_or(name)
            .trim_end()
            .parse::<NonZeroU32>()
            .ok();
        plans
            .into_iter()
            .find(|plan| plan.to_string().eq_ignore_ascii_case(name))
            .or_else(|| rate.map(RateBudget::PerSecond))
            .ok_or_else(|| {
                UnknownName::new(
                    "rate budget",
                    s,
                    "free, pro, business, or requests per second (1 or more, `/s` optional)",
                )
            })
    }
}

crate::types::by_name!(RateBudget);

/// How a client paces its requests under a [`RateBudget`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pacing {
    /// At the budget's rate, always ([`ClientBuilder::rate_budget`](crate::ClientBuilder::rate_budget)).
    Fixed(RateBudget),
    /// At most at the budget's rate, slower while other apps of the account use part of it
    /// ([`ClientBuilder::adaptive_rate_budget`](crate::ClientBuilder::adaptive_rate_budget)).
    Adaptive(RateBudget),
}

/// The shared schedule behind a budget: requests go out one at a time, first come first served,
/// each one interval after the one before (or at once when the schedule is idle). The interval
/// is read when a request's turn comes, so a change of pace applies to the very next request.
///
/// A schedule rather than a rate-limiter crate: no retry loop, the times are absolute so timer
/// rounding never accumulates, and an idle schedule builds up no burst. (governor was tried and
/// filled a budget less well: `BENCHMARKS.md`.)
#[derive(Debug)]
pub(crate) struct Pacer {
    /// When the last request went out; held by the request whose turn it is while it waits
    /// (tokio's mutex queues waiters fairly).
    turn: tokio::sync::Mutex<Option<Instant>>,
    pace: Mutex<Pace>,
}

#[derive(Debug)]
struct Pace {
    interval: Duration,
    adaptive: Option<Adaptive>,
}

/// The pace of an adaptive budget (requests per second), from what Zoom's answers say:
///
/// - With `X-RateLimit-Limit` and `X-RateLimit-Remaining` on an answer, the account's use in
///   the last second is `limit - remaining`; what of it was this client's is known (its answered
///   requests of that second), so the rest is other apps'. That count lags their pace by up to
///   a second, so its trend over the last 400 ms is followed a second ahead (a trend under a
///   quarter of the limit per second is taken for noise). The pace goes to the share the
///   others leave, less 2 % of the limit (at least one request) as headroom: down at once, up
///   by a quarter of the gap per answer.
/// - A per-second 429 means another app wants more than it gets and took a slot this client
///   counted on: the pace is cut to 70 % (once per second, however many requests in flight get
///   one) and does not climb for a second, so the other app's use grows into the room and the
///   estimate above sees it.
/// - A success without those headers (or whose `X-RateLimit-Type` is not `QPS`, so that the
///   numbers may be the daily budget's) raises the pace by a tenth of the budget per second
///   since the last raise, unless a 429 came in the last second.
///
/// The pace stays between a twentieth of the budget and the budget itself.
#[derive(Debug)]
pub(crate) struct Adaptive {
    ceiling: f64,
    floor: f64,
    rate: f64,
    /// This client's requests Zoom answered with its budget in the last second (those the
    /// server's window holds).
    sent: VecDeque<Instant>,
    /// The other apps' use, as estimated at each answer of the last 400 ms.
    others: VecDeque<(Instant, f64)>,
    last_cut: Option<Instant>,
    /// When the pace was last raised by an answer without a per-second budget.
    last_raise: Option<Instant>,
}

/// What an answer said about the account's budget, for an adaptive pacer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Said {
    /// A success, with `X-RateLimit-Limit` and `X-RateLimit-Remaining` when Zoom sent them as
    /// the per-second budget's.
    Budget {
        limit: Option<u64>,
        remaining: Option<u64>,
    },
    /// A per-second 429.
    TooFast,
}

const WINDOW: Duration = Duration::from_secs(1);
/// How far back the trend of the others' use is measured.
const TREND: Duration = Duration::from_millis(400);
/// How late a turn may be taken and still keep the schedule: half the budget's headroom of
/// 20 ms a second.
const LATE: Duration = Duration::from_millis(10);
/// How fast the pace climbs without Zoom's numbers: this share of the budget per second.
const RISE_PER_SECOND: f64 = 0.1;

impl Adaptive {
    fn new(budget: RateBudget) -> Self {
        let ceiling = 1.0 / budget.interval().as_secs_f64();
        Self {
            ceiling,
            floor: (ceiling / 20.0).max(0.2),
            rate: ceiling,
            sent: VecDeque::new(),
            others: VecDeque::new(),
            last_cut: None,
            last_raise: None,
        }
    }

    fn forget_before(&mut self, now: Instant) {
        while self
            .sent
            .front()
            .is_some_and(|t| now.saturating_duration_since(*t) >= WINDOW)
        {
            self.sent.pop_front();
        }
    }

    fn heard(&mut self, said: Said, now: Instant) {
        self.forget_before(now);
        match said {
            Said::TooFast => {
                if self
                    .last_cut
                    .is_none_or(|cut| now.saturating_duration_since(cut) >= WINDOW)
                {
                    self.rate = (self.rate * 0.7).max(self.floor);
                    self.last_cut = Some(now);
                }
            }
            Said::Budget {
                limit: Some(limit),
                remaining: Some(remaining),
            } => {
                // Numbers from a server: saturating, and in f64 (no overflow).
                // This request counted: the server's window holds it, as it holds the others
                // this client had answered in the last second.
                self.sent.push_back(now);
                let limit = limit as f64;
                let used = limit - (remaining as f64).min(limit);
                let others = (used - self.sent.len() as f64).max(0.0);
                // Where the others' use is going: their count over the last second lags their
                // pace by up to a second, so follow its trend (measured over 400 ms) a second
                // ahead; a trend under a quarter of the limit per second is noise.
                while self
                    .others
                    .front()
                    .is_some_and(|(t, _)| now.saturating_duration_since(*t) > TREND)
                {
                    self.others.pop_front();
                }
                let trend = match self.others.front() {
                    Some((t, earlier)) if now.saturating_duration_since(*t) >= TREND / 3 => {
                        (others - earlier) / now.saturating_duration_since(*t).as_secs_f64()
                    }
                    _ => 0.0,
                };
                self.others.push_back((now, others));
                let trend = if trend.abs() < limit / 4.0 {
                    0.0
                } else {
                    trend
                };
                let others = (others + trend).clamp(0.0, limit);
                let headroom = (limit * 0.02).max(1.0);
                let share = (limit - others - headroom).clamp(self.floor, self.ceiling);
                if share < self.rate {
                    self.rate = share;
                } else if !self.settling(now) {
                    self.rate += (share - self.rate) / 4.0;
                }
            }
            Said::Budget { .. } => {
                // Time since the last raise (at most a second), not answers: the climb does
                // not speed up with the pace.
                let since = self
                    .last_raise
                    .map_or(WINDOW, |t| now.saturating_duration_since(t).min(WINDOW));
                self.last_raise = Some(now);
                if !self.settling(now) {
                    let rise = self.ceiling * RISE_PER_SECOND * since.as_secs_f64();
                    self.rate = (self.rate + rise).min(self.ceiling);
                }
            }
        }
    }

    /// Whether a 429 came in the last second: the pace does not climb meanwhile.
    fn settling(&self, now: Instant) -> bool {
        self.last_cut
            .is_some_and(|cut| now.saturating_duration_since(cut) < WINDOW)
    }

    fn interval(&self) -> Duration {
        Duration::from_secs_f64(1.0 / self.rate)
    }
}

impl Pacer {
    pub(crate) fn new(pacing: Pacing) -> Self {
        let (budget, adaptive) = match pacing {
            Pacing::Fixed(budget) => (budget, None),
            Pacing::Adaptive(budget) => (budget, Some(Adaptive::new(budget))),
        };
        Self {
            turn: tokio::sync::Mutex::new(None),
            pace: Mutex::new(Pace {
                interval: budget.interval(),
                adaptive,
            }),
        }
    }

    /// Waits for this request's turn. A waiter that is dropped (its run stopped) gives up its
    /// place without moving the schedule.
    ///
    /// The schedule's times are kept, not the times the turns were taken, so timer rounding
    /// (tokio's timer counts milliseconds) never accumulates. A turn taken up to [`LATE`]
    /// after its time fits in the budget's 2 % headroom (20 ms a second); one taken later (a
    /// stalled runtime) moves the schedule to when it was taken, so the requests after a stall
    /// do not go out in a burst.
    pub(crate) async fn ready(&self) {
        let mut last = self.turn.lock().await;
        let interval = lock(&self.pace).interval;
        let now = Instant::now();
        let at = last.map_or(now, |last| (last + interval).max(now));
        tokio::time::sleep_until(at).await;
        let taken = Instant::now();
        *last = Some(if taken > at + LATE { taken } else { at });
    }

    /// Tells an adaptive pacer what an answer said (a fixed one ignores it).
    pub(crate) fn heard(&self, said: Said) {
        let mut pace = lock(&self.pace);
        let Some(adaptive) = &mut pace.adaptive else {
            return;
        };
        adaptive.heard(said, Instant::now());
        pace.interval = adaptive.interval();
    }

    /// The pace now, in requests per second.
    pub(crate) fn per_second(&self) -> f64 {
        1.0 / lock(&self.pace).interval.as_secs_f64()
    }
}

#[cfg(test)]
mod tests {
    use futures_util::FutureExt;

    use super::*;

    fn adaptive_business() -> Pacer {
        Pacer::new(Pacing::Adaptive(RateBudget::Business))
    }

    /// Sends at the pacer's pace for `duration`, hearing `said` after each send; returns how
    /// many were sent.
    async fn run(pacer: &Pacer, duration: Duration, said: impl Fn() -> Said) -> u32 {
        let until = Instant::now() + duration;
        let mut sent = 0;
        while Instant::now() < until {
            pacer.ready().await;
            sent += 1;
            pacer.heard(said());
        }
        sent
    }

    #[tokio::test(start_paused = true)]
    async fn a_fixed_budget_keeps_its_pace_whatever_zoom_says() {
        let pacer = Pacer::new(Pacing::Fixed(RateBudget::Business));
        let before = pacer.per_second();
        pacer.heard(Said::TooFast);
        assert_eq!(pacer.per_second(), before);
        let sent = run(&pacer, Duration::from_secs(10), || Said::TooFast).await;
        // 80/s less 2 % is one request every 12.75 ms: slots 0 to 784 fall in 10 s, and the
        // loop asks once more before its clock passes 10 s.
        assert_eq!(sent, 786);
    }

    /// tokio's timer counts whole milliseconds: at 500/s each turn is taken up to a
    /// millisecond after its time, which must not slow the schedule down.
    #[tokio::test(start_paused = true)]
    async fn timer_rounding_does_not_slow_a_fast_budget() {
        let budget = RateBudget::PerSecond(500.try_into().unwrap());
        let pacer = Pacer::new(Pacing::Fixed(budget));
        let sent = run(&pacer, Duration::from_secs(2), || Said::TooFast).await;
        // One every 2.04 ms: 981 in 2 s, and the one asked for before the clock passes 2 s.
        assert!((980..=982).contains(&sent), "{sent} sent in 2 s");
    }

    /// A turn taken long after its time (a stalled runtime) moves the schedule: the turns
    /// after it keep their interval instead of going out at once.
    #[tokio::test(start_paused = true)]
    async fn a_stall_does_not_make_a_burst() {
        let pacer = Pacer::new(Pacing::Fixed(RateBudget::Business));
        let interval = RateBudget::Business.interval();
        pacer.ready().await;
        pacer.ready().await;
        // The next turn is due in one interval; the runtime stalls for five.
        let stalled = pacer.ready();
        tokio::pin!(stalled);
        assert!(stalled.as_mut().now_or_never().is_none(), "not due yet");
        tokio::time::advance(interval * 5).await;
        stalled.await;
        let taken = Instant::now();
        pacer.ready().await;
        assert!(Instant::now() - taken >= interval, "no burst after a stall");
    }

    #[tokio::test(start_paused = true)]
    async fn the_pace_falls_after_429s_once_a_second_and_recovers() {
        let pacer = adaptive_business();
        let full = pacer.per_second();
        assert!((full - 80.0 / 1.02).abs() < 0.01, "{full}");
        pacer.heard(Said::TooFast);
        let cut = pacer.per_second();
        assert!((cut - full * 0.7).abs() < 0.01, "{cut}");
        // More 429s in the same second (other requests in flight): no further cut.
        pacer.heard(Said::TooFast);
        assert_eq!(pacer.per_second(), cut);
        tokio::time::advance(Duration::from_secs(1)).await;
        pacer.heard(Said::TooFast);
        assert!((pacer.per_second() - cut * 0.7).abs() < 0.01);
        // Successes without rate-limit headers: no climb for a second after the 429, then a
        // tenth of the budget per second, however many answers come.
        let no_headers = || Said::Budget {
            limit: None,
            remaining: None,
        };
        let cut = pacer.per_second();
        run(&pacer, Duration::from_millis(900), no_headers).await;
        assert_eq!(pacer.per_second(), cut, "no climb while settling");
        run(&pacer, Duration::from_millis(1100), no_headers).await;
        let climbed = pacer.per_second() - cut;
        assert!(
            (6.0..=10.0).contains(&climbed),
            "climbed {climbed} in 1.1 s"
        );
        run(&pacer, Duration::from_secs(5), no_headers).await;
        assert!(
            (pacer.per_second() - full).abs() < 0.01,
            "{}",
            pacer.per_second()
        );
        // Never below a twentieth of the budget.
        for _ in 0..50 {
            tokio::time::advance(Duration::from_secs(1)).await;
            pacer.heard(Said::TooFast);
        }
        assert!((pacer.per_second() - full / 20.0).abs() < 0.01);
    }

    /// Another app takes 30 of the account's 80 a second: the pace goes to the 50 it leaves
    /// (less the headroom), and back to the budget when it stops.
    #[tokio::test(start_paused = true)]
    async fn the_pace_follows_what_other_apps_leave() {
        let pacer = adaptive_business();
        let others = std::cell::Cell::new(30.0_f64);
        let said = || {
            let ours = {
                let pace = lock(&pacer.pace);
                pace.adaptive.as_ref().map_or(0, |a| a.sent.len())
            } as f64;
            let used = (ours + others.get()).min(80.0);
            Said::Budget {
                limit: Some(80),
                remaining: Some((80.0 - used) as u64),
            }
        };
        let sent = run(&pacer, Duration::from_secs(5), said).await;
        let pace = pacer.per_second();
        assert!((47.0..=49.0).contains(&pace), "pace {pace}");
        assert!(sent < 5 * 60, "{sent} sent in 5 s");
        others.set(0.0);
        run(&pacer, Duration::from_secs(3), said).await;
        let pace = pacer.per_second();
        assert!(pace > 76.0, "back to the budget: {pace}");
    }

    #[tokio::test(start_paused = true)]
    async fn numbers_from_a_server_cannot_break_the_pace() {
        let pacer = adaptive_business();
        for (limit, remaining) in [
            (0, 0),
            (u64::MAX, 0),
            (0, u64::MAX),
            (u64::MAX, u64::MAX),
            (80, 500),
        ] {
            pacer.heard(Said::Budget {
                limit: Some(limit),
                remaining: Some(remaining),
            });
            let pace = pacer.per_second();
            assert!(
                pace.is_finite() && (3.9..=80.0).contains(&pace),
                "{limit} {remaining}: {pace}"
            );
        }
    }
}
