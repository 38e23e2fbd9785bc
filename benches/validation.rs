//! Cost of validation: building (or reading) and serializing a `UserUpdate`, against
//! `serde_json::to_vec` of the generated body with the same fields and no validation.
//!
//! `benches/run.sh` turns the pairs into ratios (sdk / raw) measured in the same run.

use criterion::{Criterion, criterion_group, criterion_main};

#[path = "fixtures.rs"]
mod fixtures;

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
