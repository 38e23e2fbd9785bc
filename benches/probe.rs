use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use zoom_user_update::{Policy, TimeZone, UserUpdate};
fn bench(c: &mut Criterion) {
    c.bench_function("tz_parse", |b| {
        b.iter(|| TimeZone::parse(black_box("Asia/Tokyo")).unwrap())
    });
    c.bench_function("builder_dept", |b| {
        b.iter(|| UserUpdate::builder().dept(black_box("x")).build().unwrap())
    });
    c.bench_function("size", |b| {
        b.iter(|| black_box(std::mem::size_of::<zoom_user_update::UserUpdateBuilder>()))
    });
    c.bench_function("json_to_value", |b| {
        b.iter(|| {
            serde_json::from_str::<serde_json::Value>(black_box(r#"{"timezone":"Asia/Tokyo"}"#))
                .unwrap()
        })
    });
    let _ = Policy::Spec;
}
criterion_group!(benches, bench);
criterion_main!(benches);
