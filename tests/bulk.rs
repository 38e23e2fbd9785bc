//! `Client::update_many`: bounded concurrency, an outcome per update it takes, stopping on
//! request and when Zoom says stop (and then handing back the inputs it never took).

use std::time::Duration;

use futures_util::{StreamExt, stream};
use zoom_user_update::mock::{Fault, MockZoom};
use zoom_user_update::{
    Auth, BulkResult, Client, RateBudget, RetryPolicy, StopReason, UserId, UserUpdate,
};

use zoom_test_support::all;

fn client(zoom: &MockZoom) -> Client {
    Client::builder(zoom.bearer_auth())
        .base_url(zoom.base_url())
        .retry(RetryPolicy::none())
        .build()
        .unwrap()
}

/// A client paced at `per_second`.
fn paced_client(zoom: &MockZoom, per_second: u32) -> Client {
    Client::builder(zoom.bearer_auth())
        .base_url(zoom.base_url())
        .rate_budget(RateBudget::PerSecond(per_second.try_into().unwrap()))
        .build()
        .unwrap()
}

fn update() -> UserUpdate {
    UserUpdate::builder().dept("Research").build().unwrap()
}

/// `n` updates of `u1` … `un`, keyed by number, with the fake knowing each user.
fn requests(
    zoom: &MockZoom,
    client: &Client,
    n: u32,
) -> impl futures_util::Stream<Item = (u32, zoom_user_update::UpdateUserRequest<UserUpdate>)> + use<>
{
    let update = update();
    let requests: Vec<_> = (1..=n)
        .map(|i| {
            let id = format!("u{i}");
            zoom.add_user(&id, &format!("{id}@example.com"));
            (
                i,
                client.update_user(&id.parse::<UserId>().unwrap(), &update),
            )
        })
        .collect();
    stream::iter(requests)
}

#[tokio::test]
async fn every_update_gets_one_outcome() {
    let zoom = MockZoom::start().await;
    let client = client(&zoom);
    let outcomes = all(client
        .update_many(requests(&zoom, &client, 25))
        .concurrency(4))
    .await;
    let mut keys: Vec<_> = outcomes.iter().map(|o| o.key).collect();
    keys.sort_unstable();
    assert_eq!(keys, (1..=25).collect::<Vec<_>>());
    assert!(
        outcomes
            .iter()
            .all(|o| matches!(o.result, BulkResult::Updated(_)))
    );
    assert_eq!(outcomes[0].user_id.as_str().chars().next(), Some('u'));
    assert_eq!(zoom.api_requests().len(), 25);
}

#[tokio::test]
async fn no_more_than_the_concurrency_is_in_flight() {
    let zoom = MockZoom::start().await;
    for _ in 0..12 {
        zoom.push_fault(Fault::Delay(Duration::from_millis(100)));
    }
    let client = client(&zoom);
    let run = client
        .update_many(requests(&zoom, &client, 12))
        .concurrency(3);
    let outcomes = all(run).await;
    assert_eq!(outcomes.len(), 12);
    assert!(
        zoom.max_in_flight() <= 3,
        "{} in flight",
        zoom.max_in_flight()
    );
    assert!(
        zoom.max_in_flight() >= 2,
        "{} in flight",
        zoom.max_in_flight()
    );
}

/// Runs a bulk update of `total` inputs that stops at its first answer, and checks that every
/// input is accounted for: the first failed, any it took but did not send are not sent for
/// `reason`, and those it never took are handed back.
async fn assert_stops_at_the_first_answer(
    mut run: zoom_user_update::UpdateMany<u32, UserUpdate>,
    total: u32,
    reason: StopReason,
) {
    let mut outcomes = Vec::new();
    while let Some(outcome) = run.next().await {
        outcomes.push(outcome);
    }
    assert!(
        matches!(outcomes[0].result, BulkResult::Failed(_)),
        "{outcomes:?}"
    );
    assert!(
        outcomes[1..]
            .iter()
            .all(|o| matches!(&o.result, BulkResult::NotSent(r) if *r == reason)),
        "{outcomes:?}"
    );
    assert_eq!(run.stopped(), Some(reason));
    // The inputs it never took, as outcomes: not sent for the same reason.
    let never_taken: Vec<_> = run.into_not_sent().collect().await;
    assert!(
        never_taken
            .iter()
            .all(|o| matches!(&o.result, BulkResult::NotSent(r) if *r == reason)),
        "{never_taken:?}"
    );
    let mut keys: Vec<u32> = outcomes.iter().chain(&never_taken).map(|o| o.key).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        (1..=total).collect::<Vec<_>>(),
        "every update is accounted for, once"
    );
}

/// After Zoom's daily limit nothing more is sent: every update the run took has its outcome
/// (the first failed, any it took but did not send are not sent), and the inputs it never took
/// are handed back, untouched.
#[tokio::test]
async fn a_daily_limit_stops_sending_and_the_rest_is_not_sent() {
    let zoom = MockZoom::start().await;
    zoom.push_fault(Fault::DailyLimit);
    let client = client(&zoom);
    let run = client
        .update_many(requests(&zoom, &client, 10))
        .concurrency(1);
    assert_stops_at_the_first_answer(run, 10, StopReason::DailyLimit).await;
    assert_eq!(
        zoom.api_requests().len(),
        1,
        "nothing sent after the daily limit"
    );
}

#[tokio::test]
async fn an_auth_failure_no_retry_fixes_stops_sending() {
    let zoom = MockZoom::start().await;
    let auth = Auth::server_to_server(MockZoom::ACCOUNT_ID, MockZoom::CLIENT_ID, "wrong")
        .token_url(zoom.token_url());
    let client = Client::builder(auth)
        .base_url(zoom.base_url())
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    let run = client
        .update_many(requests(&zoom, &client, 6))
        .concurrency(1);
    assert_stops_at_the_first_answer(run, 6, StopReason::Auth).await;
    assert_eq!(zoom.token_requests(), 1);
    assert!(zoom.api_requests().is_empty());
}

#[tokio::test]
async fn cancelling_sends_nothing_new_and_ends_after_what_is_in_flight() {
    let zoom = MockZoom::start().await;
    let client = paced_client(&zoom, 5);
    let mut run = client
        .update_many(requests(&zoom, &client, 50))
        .concurrency(4);
    let canceller = run.canceller();
    let first = run.next().await.unwrap();
    assert!(matches!(first.result, BulkResult::Updated(_)));
    canceller.cancel();
    let sent_when_cancelled = zoom.api_requests().len();
    let rest = all(run).await;
    // Requests waiting for their pacing slot are not sent: they end as not sent.
    assert!(
        rest.iter().all(|o| matches!(
            o.result,
            BulkResult::Updated(_) | BulkResult::NotSent(StopReason::Cancelled)
        )),
        "{rest:?}"
    );
    assert!(zoom.api_requests().len() <= sent_when_cancelled + 1);
    assert!(rest.len() < 49, "the input was not read to its end");
}

/// After Zoom's stop the run ends without reading more of its input, even an input that never
/// ends, and hands the input back; a cancel after Zoom's stop keeps Zoom's reason.
#[tokio::test]
async fn after_zooms_stop_the_run_ends_without_waiting_on_its_input() {
    let zoom = MockZoom::start().await;
    zoom.push_fault(Fault::DailyLimit);
    let client = client(&zoom);
    // Two requests, then an input that never ends (a channel nobody closes, say).
    let input = stream::iter(
        (1..=2)
            .map(|i| (i, client.update_user(&UserId::me(), &update())))
            .collect::<Vec<_>>(),
    )
    .chain(stream::pending());
    let mut run = client.update_many(input).concurrency(1);
    let canceller = run.canceller();
    let first = run.next().await.unwrap();
    assert!(matches!(first.result, BulkResult::Failed(_)), "{first:?}");
    let end = tokio::time::timeout(Duration::from_secs(10), run.next()).await;
    assert!(
        matches!(end, Ok(None)),
        "the run ends at Zoom's stop: {end:?}"
    );
    canceller.cancel();
    assert_eq!(
        run.stopped(),
        Some(StopReason::DailyLimit),
        "zoom's reason is kept"
    );
    let mut rest = run.into_remaining().expect("the input did not end");
    let (key, _) = rest.next().await.unwrap();
    assert_eq!(key, 2, "the second request is handed back, not sent");
    assert_eq!(zoom.api_requests().len(), 1);
}

#[tokio::test]
async fn a_cancel_cuts_a_retry_wait_short() {
    let zoom = MockZoom::start().await;
    zoom.push_fault(Fault::RateLimited(Some("30".into())));
    let client = Client::builder(zoom.bearer_auth())
        .base_url(zoom.base_url())
        .build()
        .unwrap();
    let requests = vec![(1, client.update_user(&UserId::me(), &update()))];
    let mut run = client.update_many(stream::iter(requests));
    let canceller = run.canceller();
    let first = tokio::spawn(async move { run.next().await });
    while zoom.api_requests().is_empty() {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    canceller.cancel();
    // Not cut short, the retry waits the 30 s Zoom asked for.
    let outcome = tokio::time::timeout(Duration::from_secs(10), first)
        .await
        .expect("the outcome comes at the cancel")
        .unwrap()
        .unwrap();
    let BulkResult::Failed(error) = outcome.result else {
        panic!("the 429 is the outcome: {outcome:?}")
    };
    assert!(error.as_rate_limited().is_some(), "{error:?}");
    assert_eq!(zoom.api_requests().len(), 1, "not retried after the cancel");
}

#[tokio::test]
async fn a_panic_of_the_input_reaches_the_reader() {
    let zoom = MockZoom::start().await;
    let client = client(&zoom);
    let request = client.update_user(&UserId::me(), &update());
    let input = stream::once(async move { (1, request) })
        .chain(stream::poll_fn(|_| panic!("the input broke")));
    let run = client.update_many(input).concurrency(1);
    let read = tokio::spawn(all(run)).await;
    let panic = read.expect_err("the panic is not swallowed");
    let message = panic.into_panic();
    assert_eq!(message.downcast_ref::<&str>(), Some(&"the input broke"));
}

/// Updates of `users` users, three each (timezones A, B, C in that order: all A lines, then all
/// B lines, then all C lines, as a file built from several exports is), keyed by input order.
fn three_per_user(
    zoom: &MockZoom,
    client: &Client,
    users: u32,
) -> impl futures_util::Stream<Item = (u32, zoom_user_update::UpdateUserRequest<UserUpdate>)> + use<>
{
    let mut requests = Vec::new();
    for (step, timezone) in ["Asia/Tokyo", "Europe/Berlin", "America/Chicago"]
        .into_iter()
        .enumerate()
    {
        let update = UserUpdate::builder().timezone(timezone).build().unwrap();
        for i in 1..=users {
            let id = format!("u{i}");
            if step == 0 {
                zoom.add_user(&id, &format!("{id}@example.com"));
            }
            let key = step as u32 * users + i;
            requests.push((key, client.update_user(&id.parse().unwrap(), &update)));
        }
    }
    stream::iter(requests)
}

/// Zoom answers each user's first update late; the user still ends as its last update says,
/// and no two updates of one user are ever in flight at once, while different users' updates
/// go on together.
#[tokio::test(flavor = "multi_thread")]
async fn a_users_updates_go_in_input_order_even_when_zoom_answers_the_earlier_one_later() {
    let zoom = MockZoom::builder()
        .answer_delay(|_, body| {
            (body["timezone"] == "Asia/Tokyo").then(|| Duration::from_millis(200))
        })
        .start()
        .await;
    let client = client(&zoom);
    let run = client
        .update_many(three_per_user(&zoom, &client, 40))
        .concurrency(16);
    let outcomes = all(run).await;
    assert_eq!(outcomes.len(), 120);
    assert!(
        outcomes
            .iter()
            .all(|o| matches!(o.result, BulkResult::Updated(_))),
        "{outcomes:?}"
    );
    for i in 1..=40 {
        assert_eq!(
            zoom.user(&format!("u{i}")).unwrap()["timezone"],
            "America/Chicago",
            "u{i} ends as its last update says"
        );
    }
    assert_eq!(zoom.overlaps(), 0, "two updates of one user were in flight");
    assert!(
        zoom.max_in_flight() > 1,
        "other users' updates went on together"
    );
    // A user's outcomes come in its input order.
    for i in 1..=40 {
        let keys: Vec<u32> = outcomes
            .iter()
            .filter(|o| o.user_id.as_str() == format!("u{i}"))
            .map(|o| o.key)
            .collect();
        assert_eq!(keys, [i, 40 + i, 80 + i]);
    }
}

/// Two spellings of one email address are one user: their updates never overlap.
#[tokio::test(flavor = "multi_thread")]
async fn an_email_address_in_another_case_is_the_same_user() {
    let zoom = MockZoom::builder()
        .answer_delay(|_, body| (body["dept"] == "first").then(|| Duration::from_millis(150)))
        .start()
        .await;
    // The fake knows the user by both spellings (Zoom compares addresses without case).
    zoom.add_user("ada", "Ada@Example.com");
    zoom.add_user("ada-lower", "ada@example.com");
    let client = client(&zoom);
    let first = UserUpdate::builder().dept("first").build().unwrap();
    let second = UserUpdate::builder().dept("second").build().unwrap();
    let requests = vec![
        (
            1,
            client.update_user(&"Ada@Example.com".parse().unwrap(), &first),
        ),
        (
            2,
            client.update_user(&"ada@example.COM".parse().unwrap(), &second),
        ),
    ];
    let outcomes = all(client.update_many(stream::iter(requests)).concurrency(8)).await;
    let keys: Vec<_> = outcomes.iter().map(|o| o.key).collect();
    assert_eq!(keys, [1, 2], "the second waited for the first");
    let received = zoom.api_requests();
    assert!(received[1].at >= received[0].at + Duration::from_millis(150));
}

/// One user's long run of updates goes one after another, and the run reads its input only so
/// far ahead of what it can start: memory stays bounded by the updates waiting, not the input.
#[tokio::test(flavor = "multi_thread")]
async fn a_long_run_of_one_users_updates_is_not_read_far_ahead() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicU32, Ordering};

    const LINES: u32 = 10_000;
    const CONCURRENCY: usize = 4;
    let zoom = MockZoom::start().await;
    let client = client(&zoom);
    let taken = Arc::new(AtomicU32::new(0));
    let requests = {
        let (client, taken) = (client.clone(), taken.clone());
        let update = update();
        stream::iter(1..=LINES).map(move |n| {
            taken.fetch_add(1, Ordering::SeqCst);
            (n, client.update_user(&UserId::me(), &update))
        })
    };
    let mut run = client.update_many(requests).concurrency(CONCURRENCY);
    let (mut yielded, mut farthest_ahead) = (0u32, 0u32);
    while let Some(outcome) = run.next().await {
        yielded += 1;
        assert_eq!(outcome.key, yielded, "one after another, in input order");
        assert!(matches!(outcome.result, BulkResult::Updated(_)));
        farthest_ahead = farthest_ahead.max(taken.load(Ordering::SeqCst) - yielded);
    }
    assert_eq!(yielded, LINES);
    assert_eq!(zoom.overlaps(), 0);
    // At most 16 waiting per slot, and the one in flight.
    assert!(
        farthest_ahead as usize <= CONCURRENCY * 16 + 1,
        "read {farthest_ahead} inputs ahead"
    );
}

/// After a cancel, every input is accounted for: what the run took is yielded once (sent, or
/// not sent with the reason), and the rest is handed back.
#[tokio::test(flavor = "multi_thread")]
async fn after_a_cancel_every_input_is_yielded_once_or_handed_back() {
    let zoom = MockZoom::start().await;
    let client = paced_client(&zoom, 200);
    let mut run = client
        .update_many(requests(&zoom, &client, 50))
        .concurrency(8);
    let canceller = run.canceller();
    let mut keys = Vec::new();
    while let Some(outcome) = run.next().await {
        keys.push(outcome.key);
        if keys.len() == 25 {
            canceller.cancel();
        }
        if keys.len() > 25 {
            assert!(
                matches!(
                    outcome.result,
                    BulkResult::Updated(_) | BulkResult::NotSent(StopReason::Cancelled)
                ),
                "{outcome:?}"
            );
        }
    }
    assert_eq!(run.stopped(), Some(StopReason::Cancelled));
    let handed_back: Vec<u32> = match run.into_remaining() {
        Some(rest) => rest.map(|(key, _)| key).collect().await,
        None => Vec::new(),
    };
    keys.extend(handed_back);
    keys.sort_unstable();
    assert_eq!(
        keys,
        (1..=50).collect::<Vec<_>>(),
        "each input exactly once"
    );
}

/// Handed back before the run ended, the remaining inputs include those that waited for their
/// user: none is lost, and a user's inputs keep their order.
#[tokio::test]
async fn the_inputs_handed_back_early_include_those_waiting_for_their_user() {
    let zoom = MockZoom::start().await;
    zoom.add_user("u1", "u1@example.com");
    let client = client(&zoom);
    let update = update();
    let id: UserId = "u1".parse().unwrap();
    let requests: Vec<_> = (1..=3)
        .map(|i| (i, client.update_user(&id, &update)))
        .collect();
    let mut run = client.update_many(stream::iter(requests)).concurrency(1);
    let first = run.next().await.unwrap();
    assert_eq!(first.key, 1);
    let handed_back: Vec<u32> = run
        .into_remaining()
        .expect("two inputs wait for their user")
        .map(|(key, _)| key)
        .collect()
        .await;
    assert_eq!(handed_back, [2, 3]);
}
