//! Update many users from a JSON Lines file: `{"user_id": …, "login_type"?: …,
//! "remove_tsp_credentials"?: …, "body": {…}}` per line (Zoom's current edition, the crate
//! root's `BulkLine`), validated first, then sent with bounded concurrency under a rate budget,
//! each outcome printed as it arrives.
//!
//! ```text
//! cargo run --example bulk_from_jsonl -- users.jsonl
//! ```
//!
//! Without credentials in the environment it sends to the fake Zoom in this process (and, without
//! a file, updates 20 sample users).

use futures_util::{StreamExt, stream};
use zoom_user_update::mock::MockZoom;
use zoom_user_update::{
    Auth, BulkLine, BulkOutcome, BulkResult, Client, Escaped, Policy, RateBudget,
};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let text = match std::env::args().nth(1) {
        Some(path) => std::fs::read_to_string(path)?,
        None => (1..=20)
            .map(|i| format!("{{\"user_id\": \"u{i}\", \"body\": {{\"dept\": \"D{i}\"}}}}\n"))
            .collect(),
    };
    // Every line is checked before anything is sent.
    let mut lines = Vec::new();
    for (number, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        match BulkLine::parse(line.as_bytes(), Policy::Spec) {
            Ok(parsed) => lines.push((number + 1, parsed)),
            Err(errors) => return Err(format!("line {}: {errors}", number + 1).into()),
        }
    }

    let (auth, base_url, _fake) = match Auth::from_env() {
        Ok(auth) => (auth, zoom_user_update::DEFAULT_BASE_URL.to_owned(), None),
        Err(_) => {
            let zoom = MockZoom::builder().rate_limit(30).start().await;
            for (_, line) in &lines {
                zoom.add_user(
                    line.user_id.as_str(),
                    &format!("{}@example.com", line.user_id),
                );
            }
            (zoom.bearer_auth(), zoom.base_url(), Some(zoom))
        }
    };
    let client = Client::builder(auth)
        .base_url(base_url)
        .rate_budget(RateBudget::Pro)
        .build()?;

    // Lazy: each request is made when the run takes its line (the iterator owns a client clone).
    let requests = {
        let client = client.clone();
        lines
            .into_iter()
            .map(move |(number, line)| (number, client.update_line(&line)))
    };
    let mut run = client.update_many(stream::iter(requests)).concurrency(8);
    let canceller = run.canceller();
    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            canceller.cancel();
        }
    });
    let print = |outcome: BulkOutcome<usize>| match outcome.result {
        BulkResult::Updated(_) => println!("line {}: {} updated", outcome.key, outcome.user_id),
        BulkResult::Failed(e) => println!(
            "line {}: {} failed: {e}{}{}",
            outcome.key,
            outcome.user_id,
            std::error::Error::source(&e).map_or(String::new(), |s| format!(": {s}")),
            e.tracking_id().map_or(String::new(), |id| format!(
                " (zoom tracking id {})",
                Escaped(id)
            ))
        ),
        BulkResult::NotSent(why) => {
            println!("line {}: {} not sent ({why})", outcome.key, outcome.user_id)
        }
        _ => {}
    };
    while let Some(outcome) = run.next().await {
        print(outcome);
    }
    if let Some(reason) = run.stopped() {
        println!("stopped: {reason}");
    }
    // After a stop, the lines the run never took: not sent either.
    let mut not_sent = std::pin::pin!(run.into_not_sent());
    while let Some(outcome) = not_sent.next().await {
        print(outcome);
    }
    Ok(())
}
