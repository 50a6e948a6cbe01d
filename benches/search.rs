//! Query latency through `Engine::search` (parse, search, total count, facets when asked,
//! stored fields and snippets of the page) on 1×, 4× and 20× the BBC corpus.
//!
//! `cargo bench --bench search`; `NEWSDEX_BENCH_SIZES=1` for the 1× corpus only.

mod common;

use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use newsdex::index::NewsIndex;
use newsdex::search::Engine;

fn search(c: &mut Criterion) {
    let mut group = c.benchmark_group("search");
    group
        .sample_size(30)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for k in common::sizes() {
        let Some(index) = common::index(k) else {
            return;
        };
        let engine = Engine::new(NewsIndex::open(&index).unwrap()).unwrap();
        for (name, request) in common::search_mix() {
            let total = engine.search(&request).unwrap().total;
            eprintln!("search {k}x {name} ({}): {total} hits", request.query);
            group.bench_with_input(
                BenchmarkId::new(name, format!("{k}x")),
                &request,
                |b, request| b.iter(|| engine.search(request).unwrap()),
            );
        }
    }
    group.finish();
}

criterion_group!(benches, search);
criterion_main!(benches);
