//! Per-request overhead: the SDK's `update_user` against a plain reqwest PATCH of the same body
//! to the same loopback server, which answers 204 at once. Rounds alternate raw and SDK; the
//! median throughput of each is reported with the ratio sdk / raw.
//!
//! `cargo bench --bench overhead --features mock` (`-- --quick` for a short run).

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::{Response, StatusCode};
use hyper_util::rt::TokioIo;
use zoom_user_update::{Auth, Client, RetryPolicy, UserId, UserUpdate};

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
enum Side {
    /// A plain reqwest PATCH: bearer token and JSON body.
    Raw,
    /// The same request the SDK sends (its headers and its 30 s timeout), by hand.
    RawSameRequest,
    /// `Client::update_user`.
    Sdk,
}

struct Setup {
    /// The base URL; both raw sides add `/users/{id}` per request, as any caller must.
    base: String,
    raw: reqwest::Client,
    sdk: Client,
    update: UserUpdate,
    user: UserId,
}

async fn one(setup: &Setup, side: Side) {
    match side {
        Side::Raw => {
            let response = setup
                .raw
                .patch(format!("{}/users/{}", setup.base, setup.user))
                .bearer_auth("bench-token")
                .json(setup.update.as_raw())
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 204);
        }
        Side::RawSameRequest => {
            let response = setup
                .raw
                .patch(format!("{}/users/{}", setup.base, setup.user))
                .bearer_auth("bench-token")
                .header("accept", "application/json")
                .header("user-agent", "zoom-user-update/0.1.0")
                .timeout(Duration::from_secs(30))
                .json(setup.update.as_raw())
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 204);
        }
        Side::Sdk => setup
            .sdk
            .update_user(&setup.user, &setup.update)
            .await
            .unwrap(),
    }
}

/// Requests per second for `total` requests spread over `concurrency` tasks.
async fn round(setup: &Arc<Setup>, side: Side, total: usize, concurrency: usize) -> f64 {
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
    (total / concurrency * concurrency) as f64 / started.elapsed().as_secs_f64()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    // `--profile raw|same|sdk [N]`: N (default 2,000) sequential requests of one side, for
    // callgrind. Two counts give the marginal cost of one request without the start-up.
    let mut profile_args = std::env::args().skip_while(|a| a != "--profile").skip(1);
    let profile = profile_args.next();
    let profile_requests: usize = profile_args
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2_000);
    let addr = start_server();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let base = format!("http://{addr}/v2");
        let setup = Arc::new(Setup {
            base: base.clone(),
            raw: reqwest::Client::builder().connect_timeout(Duration::from_secs(10)).build().unwrap(),
            sdk: Client::builder(Auth::bearer("bench-token"))
                .base_url(&base)
                .retry(RetryPolicy::none())
                .build()
                .unwrap(),
            update: UserUpdate::builder()
                .first_name("Grace")
                .pmi(2_468_135_790_i64)
                .timezone("America/New_York")
                .build()
                .unwrap(),
            user: UserId::me(),
        });
        if let Some(side) = profile {
            let side = match side.as_str() {
                "sdk" => Side::Sdk,
                "same" => Side::RawSameRequest,
                _ => Side::Raw,
            };
            round(&setup, side, profile_requests, 1).await;
            return;
        }
        let (rounds, sequential, concurrent) = if quick { (3, 500, 4_000) } else { (7, 3_000, 30_000) };
        // warm-up: connections, allocator, lazily built tables
        round(&setup, Side::Raw, 500, 64).await;
        round(&setup, Side::Sdk, 500, 64).await;
        for (name, total, concurrency) in
            [("sequential", sequential, 1), ("concurrency 64", concurrent, 64)]
        {
            let (mut raw, mut same, mut sdk) = (Vec::new(), Vec::new(), Vec::new());
            for _ in 0..rounds {
                raw.push(round(&setup, Side::Raw, total, concurrency).await);
                same.push(round(&setup, Side::RawSameRequest, total, concurrency).await);
                sdk.push(round(&setup, Side::Sdk, total, concurrency).await);
            }
            let (raw, same, sdk) = (median(raw), median(same), median(sdk));
            println!(
                "{{\"bench\": \"overhead\", \"case\": \"{name}\", \"raw_per_s\": {raw:.0}, \"raw_same_request_per_s\": {same:.0}, \"sdk_per_s\": {sdk:.0}, \"ratio_vs_raw\": {:.3}, \"ratio_vs_same_request\": {:.3}}}",
                sdk / raw,
                sdk / same
            );
        }
    });
}
