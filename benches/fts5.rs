//! newsdex against SQLite FTS5 on the same passages and the same queries, side by side in one
//! criterion group, at each corpus size.
//!
//! FTS5 holds the searchable passages of the newsdex index (read back from it, boilerplate
//! left out as newsdex search leaves it out), tokenized with `porter unicode61`, ranked by
//! bm25 with the title weighted 2 as newsdex boosts it, top 10 with a snippet. newsdex runs
//! `Engine::search`: top 10, the total count, stored fields and snippets. newsdex therefore
//! does at least the work FTS5 does (FTS5 does not count all matches here).

mod common;

use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use newsdex::search::Request;

fn compare(c: &mut Criterion) {
    let mut group = c.benchmark_group("fts5");
    group
        .sample_size(30)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for k in common::sizes() {
        let Some((engine, db)) = common::contestants(k) else {
            return;
        };
        let mut statement = db.prepare(common::FTS5_TOP10).unwrap();
        for query in &common::SHARED {
            let request = Request::new(query.newsdex);
            eprintln!(
                "fts5 {k}x {}: newsdex {} hits, FTS5 {} hits",
                query.name,
                engine.search(&request).unwrap().total,
                common::fts5_count(&db, query.fts5)
            );
            let size = format!("{k}x");
            group.bench_with_input(
                BenchmarkId::new(format!("{}/newsdex", query.name), &size),
                &request,
                |b, request| b.iter(|| engine.search(request).unwrap()),
            );
            group.bench_with_input(
                BenchmarkId::new(format!("{}/fts5", query.name), &size),
                &query.fts5,
                |b, q| b.iter(|| common::fts5_top10(&mut statement, q)),
            );
        }
    }
    group.finish();
}

criterion_group!(benches, compare);
criterion_main!(benches);
