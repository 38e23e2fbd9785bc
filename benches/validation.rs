//! Cost of validation: building (or reading) and serializing a `UserUpdate` (the reference page's
//! edition, `v2021`, as in every earlier run), against `serde_json::to_vec` of the generated body
//! with the same fields and no validation. The cases are `zoom_test_support::bench`'s.
//!
//! `benches/run.sh` turns the pairs into ratios (sdk / raw) measured in the same run.

use criterion::{Criterion, criterion_group, criterion_main};

use zoom_test_support::bench as fixtures;

fn bench(c: &mut Criterion) {
    for (name, sdk, raw) in fixtures::CASES {
        assert_eq!(sdk(), raw(), "{name}: both sides serialize the same body");
        let mut group = c.benchmark_group(name);
        group.bench_function("raw", |b| b.iter(raw));
        group.bench_function("sdk", |b| b.iter(sdk));
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
