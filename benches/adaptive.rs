//! Sharing Zoom's budget with another app of the account: the fake Zoom enforces 80 requests a
//! second for the account; a competing app takes 30/s steadily, then bursts between 0 and 60/s.
//! The SDK sends as many updates as it can (update_many, 16 in flight) with an adaptive budget,
//! a fixed one, and none; each run reports its goodput against the share the competitor left and
//! its 429s as a share of its requests. A last run has the adaptive budget alone on the account.
//!
//! `cargo bench --bench adaptive` (about 2 minutes; one JSON line per run).

use std::time::{Duration, Instant};

use futures_util::stream;
use zoom_user_update::mock::{Competitor, MockZoom};
use zoom_user_update::{BulkResult, Client, RateBudget, UserId, UserUpdate};

const LIMIT: u32 = 80;

/// 30/s for 10 s, then 20 s of bursts: phases of 1-3 s at 0-60/s from a fixed seed.
fn competitor() -> Competitor {
    let mut phases = vec![(Duration::from_secs(10), 30.0)];
    let mut seed: u64 = 0x5eed_2026;
    let mut next = || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        seed >> 33
    };
    let mut total = Duration::ZERO;
    while total < Duration::from_secs(20) {
        let duration = Duration::from_millis(1000 + next() % 2001);
        let rate = (next() % 7) as f64 * 10.0;
        phases.push((duration, rate));
        total += duration;
    }
    phases.push((Duration::from_secs(3600), 0.0));
    Competitor::phases(phases)
}

#[derive(Clone, Copy, Debug)]
enum Mode {
    Adaptive,
    Fixed,
    None,
}

async fn run(mode: Mode, with_competitor: bool, seconds: u64) {
    let mut builder = MockZoom::builder().rate_limit(LIMIT);
    if with_competitor {
        builder = builder.competitor(competitor());
    }
    let zoom = builder.start().await;
    let client = Client::builder(zoom.bearer_auth()).base_url(zoom.base_url());
    let client = match mode {
        Mode::Adaptive => client.adaptive_rate_budget(RateBudget::Business),
        Mode::Fixed => client.rate_budget(RateBudget::Business),
        Mode::None => client,
    }
    .build()
    .unwrap();
    // Distinct users, as a bulk run has them (one user's updates go one at a time).
    const USERS: u64 = 4_000;
    for i in 0..USERS {
        zoom.add_user(&format!("u{i}"), &format!("u{i}@example.com"));
    }
    let update = UserUpdate::builder().dept("Research").build().unwrap();
    let requests_client = client.clone();
    let requests = futures_util::StreamExt::map(stream::iter(0u64..), move |n| {
        let user: UserId = format!("u{}", n % USERS).parse().expect("a user ID");
        (n, requests_client.update_user(&user, &update))
    });
    let mut run = client
        .update_many(futures_util::StreamExt::boxed(requests))
        .concurrency(16);
    let canceller = run.canceller();
    let started = Instant::now();
    let deadline = started + Duration::from_secs(seconds);
    let mut updated = 0u64;
    let mut lowest_pace = f64::MAX;
    let stopper = tokio::spawn(async move {
        tokio::time::sleep_until(deadline.into()).await;
        canceller.cancel();
    });
    let per_second = std::env::var_os("ZOOM_BENCH_SECONDS").is_some();
    let mut second = 0u64;
    let (mut updated_before, mut competitor_before, mut answered_429_before) = (0, 0, 0);
    while let Some(outcome) = run.next().await {
        if let BulkResult::Updated(_) = outcome.result
            && Instant::now() <= deadline
        {
            updated += 1;
        }
        // `ZOOM_BENCH_SECONDS=1`: one line a second on stderr, to see where goodput goes.
        if per_second && started.elapsed().as_secs() > second {
            second = started.elapsed().as_secs();
            let (competitor, _) = zoom.competitor_requests();
            let answered_429 = zoom.rate_limited();
            eprintln!(
                "{second:3} s: ours {:3}, competitor {:3}, free {:3}, our 429s {:2}, pace {:5.1}",
                updated - updated_before,
                competitor - competitor_before,
                u64::from(LIMIT).saturating_sub(competitor - competitor_before),
                answered_429 - answered_429_before,
                client.pace().unwrap_or(0.0)
            );
            (updated_before, competitor_before, answered_429_before) =
                (updated, competitor, answered_429);
        }
        if let Some(pace) = client.pace() {
            lowest_pace = lowest_pace.min(pace);
        }
    }
    stopper.await.unwrap();
    let elapsed = seconds as f64;
    let sent = zoom.api_requests().len() as u64;
    let refused = zoom.rate_limited();
    let (competitor_sent, competitor_refused) = zoom.competitor_requests();
    let free_share = f64::from(LIMIT) * elapsed - competitor_sent as f64;
    println!(
        "{}",
        serde_json::json!({
            "mode": format!("{mode:?}"),
            "competitor": with_competitor,
            "seconds": seconds,
            "updated": updated,
            "requests": sent,
            "answered_429": refused,
            "share_429": refused as f64 / sent.max(1) as f64,
            "competitor_sent": competitor_sent,
            "competitor_refused": competitor_refused,
            "free_share": free_share,
            "goodput_of_free_share": updated as f64 / free_share,
            "goodput_of_budget": updated as f64 / (f64::from(LIMIT) * elapsed),
            "lowest_pace": if lowest_pace == f64::MAX { None } else { Some(lowest_pace) },
        })
    );
}

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    // `ZOOM_BENCH_ONLY=adaptive` runs the adaptive budget with the competitor only.
    let only_adaptive = std::env::var("ZOOM_BENCH_ONLY").is_ok_and(|v| v == "adaptive");
    rt.block_on(async {
        if only_adaptive {
            run(Mode::Adaptive, true, 30).await;
            return;
        }
        for mode in [Mode::Adaptive, Mode::Fixed, Mode::None] {
            run(mode, true, 30).await;
        }
        run(Mode::Adaptive, false, 10).await;
        run(Mode::Fixed, false, 10).await;
    });
}
