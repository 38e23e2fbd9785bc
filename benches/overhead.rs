//! Per-request overhead: the SDK's `update_user` against a plain reqwest PATCH of the same body
//! to the same loopback server, which answers 204 at once, with two sides in between: the same
//! request built by hand, and the generated client alone. Each round runs the four sides back to
//! back; a reported ratio is the median over rounds of the ratio within a round (for sdk / raw
//! with a 95 % confidence interval), next to the median throughput of each side.
//!
//! The body and the generated client are the reference page's edition's (`v2021`), as in every
//! earlier run.
//!
//! `cargo bench --bench overhead` (`-- --quick` for a short run).

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::{Response, StatusCode};
use hyper_util::rt::TokioIo;
use zoom_user_update::v2021::{UserUpdate, raw};
use zoom_user_update::{Auth, Client, RetryPolicy, UserId};

/// A server on its own thread and runtime that reads the request and answers 204.
fn start_server() -> SocketAddr {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(listener.local_addr().unwrap()).unwrap();
            loop {
                let (stream, _) = listener.accept().await.unwrap();
                tokio::spawn(async move {
                    let service = hyper::service::service_fn(
                        |req: hyper::Request<hyper::body::Incoming>| async move {
                            let _ = req.into_body().collect().await;
                            let mut r = Response::new(Full::new(Bytes::new()));
                            *r.status_mut() = StatusCode::NO_CONTENT;
                            Ok::<_, std::convert::Infallible>(r)
                        },
                    );
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
        });
    });
    rx.recv().unwrap()
}

#[derive(Clone, Copy, PartialEq)]
#[repr(usize)]
enum Side {
    /// A plain reqwest PATCH: bearer token and JSON body.
    Raw,
    /// The same request the SDK sends (its headers and its 30 s timeout), by hand.
    RawSameRequest,
    /// The generated client (`v2021::raw::Client`) with a bearer token (a default header of its
    /// `reqwest::Client`) and nothing else: what progenitor's request path costs before the
    /// handwritten layer.
    Generated,
    /// `Client::update_user`.
    Sdk,
}

/// The SDK's default `User-Agent`, sent by hand on the same-request side.
const SDK_USER_AGENT: &str = concat!(env!("CARGO_PKG_NAME"), "/", env!("CARGO_PKG_VERSION"));

const SIDES: [Side; 4] = [Side::Raw, Side::RawSameRequest, Side::Generated, Side::Sdk];

struct Setup {
    /// The base URL; both raw sides add `/users/{id}` per request, as any caller must.
    base: String,
    raw: reqwest::Client,
    generated: raw::Client,
    sdk: Client,
    update: UserUpdate,
    /// The generated body of `update`, for the sides that send without the SDK.
    body: raw::types::UserUpdateBody,
    user: UserId,
}

async fn one(setup: &Setup, side: Side) {
    match side {
        Side::Raw | Side::RawSameRequest => {
            let mut request = setup
                .raw
                .patch(format!("{}/users/{}", setup.base, setup.user))
                .bearer_auth("bench-token");
            if side == Side::RawSameRequest {
                request = request
                    .header("accept", "application/json")
                    .header("user-agent", SDK_USER_AGENT)
                    .timeout(Duration::from_secs(30));
            }
            let response = request.json(&setup.body).send().await.unwrap();
            assert_eq!(response.status(), 204);
        }
        Side::Generated => {
            let response = setup
                .generated
                .user_update(setup.user.as_str(), None, &setup.body)
                .await
                .unwrap();
            assert_eq!(response.status(), 204);
        }
        Side::Sdk => {
            let updated = setup
                .sdk
                .update_user(&setup.user, &setup.update)
                .await
                .unwrap();
            assert_eq!(updated.status, 204);
        }
    }
}

/// CPU time used by this process so far (all threads, the server's included).
fn process_cpu_time() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec; the clock id is a constant libc defines.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_PROCESS_CPUTIME_ID) failed");
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

struct Measured {
    /// Requests per second.
    per_s: f64,
    /// Process CPU time per request, in microseconds.
    cpu_us: f64,
}

/// Throughput and CPU cost of `total` requests spread over `concurrency` tasks.
async fn round(setup: &Arc<Setup>, side: Side, total: usize, concurrency: usize) -> Measured {
    let cpu = process_cpu_time();
    let started = Instant::now();
    let tasks: Vec<_> = (0..concurrency)
        .map(|_| {
            let setup = setup.clone();
            tokio::spawn(async move {
                for _ in 0..total / concurrency {
                    one(&setup, side).await;
                }
            })
        })
        .collect();
    for t in tasks {
        t.await.unwrap();
    }
    let sent = (total / concurrency * concurrency) as f64;
    Measured {
        per_s: sent / started.elapsed().as_secs_f64(),
        cpu_us: (process_cpu_time() - cpu).as_secs_f64() * 1e6 / sent,
    }
}

/// A reqwest client as the SDK builds one (10 s connect timeout), for the sides without the SDK.
fn plain_http() -> reqwest::Client {
    reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(10))
        .build()
        .unwrap()
}

/// A plain client whose every request carries `Authorization: Bearer <token>` (how a generated
/// client alone is given its credentials).
fn bearer_http(token: &str) -> reqwest::Client {
    reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(10))
        .default_headers(zoom_test_support::bearer_headers(token))
        .build()
        .unwrap()
}

fn median(v: Vec<f64>) -> f64 {
    median_with_ci(v).0
}

/// The median and a distribution-free 95 % confidence interval for it: the order statistics
/// `n/2 ∓ 1.96·√n/2` (the binomial count of values below the true median, normal
/// approximation).
fn median_with_ci(mut v: Vec<f64>) -> (f64, f64, f64) {
    v.sort_by(f64::total_cmp);
    let n = v.len() as f64;
    let half_width = 1.96 * n.sqrt() / 2.0;
    let lo = ((n / 2.0 - half_width).floor() as usize).saturating_sub(1);
    let hi = ((n / 2.0 + half_width).ceil() as usize).min(v.len() - 1);
    (v[v.len() / 2], v[lo], v[hi])
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    // `--profile raw|same|generated|sdk [N [C]]`: N (default 2,000) requests of one side over C tasks
    // (default 1), for callgrind or perf. Two counts give the marginal cost of one request
    // without the start-up.
    let mut profile_args = std::env::args().skip_while(|a| a != "--profile").skip(1);
    let profile = profile_args.next();
    let profile_requests: usize = profile_args
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2_000);
    let profile_tasks: usize = profile_args
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1);
    let addr = start_server();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let base = format!("http://{addr}/v2");
        let update = UserUpdate::builder()
            .first_name("Grace")
            .pmi(2_468_135_790_i64)
            .timezone("America/New_York")
            .build()
            .unwrap();
        let setup = Arc::new(Setup {
            base: base.clone(),
            raw: plain_http(),
            generated: raw::Client::new_with_client(
                &base,
                bearer_http("bench-token"),
                raw::Hooks::default(),
            ),
            sdk: Client::builder(Auth::bearer("bench-token"))
                .base_url(&base)
                .retry(RetryPolicy::none())
                .build()
                .unwrap(),
            body: update.to_raw().unwrap(),
            update,
            user: UserId::me(),
        });
        if let Some(side) = profile {
            let side = match side.as_str() {
                "sdk" => Side::Sdk,
                "same" => Side::RawSameRequest,
                "generated" => Side::Generated,
                _ => Side::Raw,
            };
            round(&setup, side, profile_requests, profile_tasks).await;
            return;
        }
        let (rounds, sequential, concurrent) = if quick {
            (8, 300, 2_000)
        } else {
            (132, 700, 4_000)
        };
        // warm-up: connections, allocator, lazily built tables
        round(&setup, Side::Raw, 500, 64).await;
        round(&setup, Side::Sdk, 500, 64).await;
        for (name, total, concurrency) in
            [("sequential", sequential, 1), ("concurrency 64", concurrent, 64)]
        {
            // Each round measures the sides back to back, in an order that rotates from round
            // to round; the ratios are taken within a round, so load that drifts over the run
            // cancels out.
            let mut per_s: [Vec<f64>; 4] = Default::default();
            let mut cpu_us: [Vec<f64>; 4] = Default::default();
            for r in 0..rounds {
                let mut order = SIDES;
                order.rotate_left(r % SIDES.len());
                for side in order {
                    let m = round(&setup, side, total, concurrency).await;
                    per_s[side as usize].push(m.per_s);
                    cpu_us[side as usize].push(m.cpu_us);
                }
            }
            // Per round, side a / side b; then the median over rounds (for sdk / raw with its
            // 95 % confidence interval).
            let ratio = |v: &[Vec<f64>; 4], a: Side, b: Side| -> Vec<f64> {
                v[a as usize].iter().zip(&v[b as usize]).map(|(x, y)| x / y).collect()
            };
            let (sdk_vs_raw, ci_lo, ci_hi) = median_with_ci(ratio(&per_s, Side::Sdk, Side::Raw));
            let per_s_of = |side: Side| median(per_s[side as usize].clone());
            println!(
                "{{\"bench\": \"overhead\", \"case\": \"{name}\", \"rounds\": {rounds}, \"raw_per_s\": {:.0}, \"raw_same_request_per_s\": {:.0}, \"generated_per_s\": {:.0}, \"sdk_per_s\": {:.0}, \"ratio_vs_raw\": {sdk_vs_raw:.3}, \"ratio_vs_raw_ci\": [{ci_lo:.3}, {ci_hi:.3}], \"ratio_vs_same_request\": {:.3}, \"ratio_vs_generated\": {:.3}, \"generated_vs_raw\": {:.3}, \"cpu_per_request_vs_raw\": {:.3}}}",
                per_s_of(Side::Raw),
                per_s_of(Side::RawSameRequest),
                per_s_of(Side::Generated),
                per_s_of(Side::Sdk),
                median(ratio(&per_s, Side::Sdk, Side::RawSameRequest)),
                median(ratio(&per_s, Side::Sdk, Side::Generated)),
                median(ratio(&per_s, Side::Generated, Side::Raw)),
                median(ratio(&cpu_us, Side::Sdk, Side::Raw)),
            );
        }
    });
}
