//! A deterministic probe for `valgrind --tool=callgrind` (instruction counts do not depend on
//! machine load): builds and serializes one update N times (default 20,000). Usage:
//! `validation_probe (raw|sdk)-(minimal|full|json_intake) [N]`. Used by `benches/run.sh`; built as an example (see Cargo.toml). The cases are
//! `zoom_test_support::bench`'s, the validation benchmark's.

use std::hint::black_box;

use zoom_test_support::bench as fixtures;

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_default();
    let n: usize = std::env::args()
        .nth(2)
        .and_then(|n| n.parse().ok())
        .unwrap_or(20_000);
    let (side, case) = mode.split_once('-').unwrap_or(("", ""));
    let Some(&(_, sdk, raw)) = fixtures::CASES.iter().find(|(name, _, _)| *name == case) else {
        eprintln!("usage: validation_probe (raw|sdk)-(minimal|full|json_intake) [N]");
        std::process::exit(2);
    };
    let run = if side == "sdk" { sdk } else { raw };
    for _ in 0..n {
        black_box(run());
    }
}
