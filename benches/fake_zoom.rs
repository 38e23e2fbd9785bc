//! The fake Zoom in a process of its own, for load runs against the CLI (`benches/run.sh`).
//!
//! `cargo run --release --example fake_zoom -- [--rate N] [--users N]
//! [--late-ms N]` (a bench harness kept under `benches/`, built as an example: see Cargo.toml)
//!
//! Creates users `u1` … `uN`, enforces a per-second budget of N when `--rate` is given, answers
//! every update that sets the timezone `Asia/Tokyo` N ms late with `--late-ms` (a user's first
//! line in the bench's three-lines-per-user file), prints `base_url <url>`, then answers each
//! line on standard input: `stats` prints `{"api_requests": …, "rate_limited": …,
//! "overlaps": …, "on_last_line": …}` (the users whose timezone is the last line's,
//! `America/Chicago`); end of input stops it.

use std::io::BufRead;

use zoom_user_update::mock::MockZoom;

fn arg(name: &str) -> Option<u64> {
    let args: Vec<String> = std::env::args().collect();
    let at = args.iter().position(|a| a == name)?;
    args.get(at + 1)?.parse().ok()
}

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let zoom = rt.block_on(async {
        let mut builder = MockZoom::builder();
        if let Some(rate) = arg("--rate") {
            builder = builder.rate_limit(u32::try_from(rate).expect("--rate fits in u32"));
        }
        if let Some(late) = arg("--late-ms") {
            let late = std::time::Duration::from_millis(late);
            builder = builder
                .answer_delay(move |_, body| (body["timezone"] == "Asia/Tokyo").then_some(late));
        }
        builder.start().await
    });
    let users = arg("--users").unwrap_or(0);
    for i in 1..=users {
        zoom.add_user(&format!("u{i}"), &format!("u{i}@example.com"));
    }
    println!("base_url {}", zoom.base_url());
    for line in std::io::stdin().lock().lines() {
        match line.as_deref().map(str::trim) {
            Ok("stats") => {
                let on_last_line = (1..=users)
                    .filter(|i| {
                        zoom.user(&format!("u{i}"))
                            .is_some_and(|u| u["timezone"] == "America/Chicago")
                    })
                    .count();
                println!(
                    "{{\"api_requests\": {}, \"rate_limited\": {}, \"overlaps\": {}, \"on_last_line\": {on_last_line}}}",
                    zoom.api_requests().len(),
                    zoom.rate_limited(),
                    zoom.overlaps()
                );
            }
            Ok(_) => {}
            Err(_) => break,
        }
    }
    drop(zoom);
}
