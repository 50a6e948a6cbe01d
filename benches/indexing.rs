//! Indexing throughput of the 1× BBC corpus (5 MB of text, 2,225 articles) with attribution
//! on: `newsdex::pipeline::run` from the files to a committed index, as `newsdex index
//! --rebuild --source "BBC News"` does, reported in bytes of input text per second.

mod common;

use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode, Throughput};

fn indexing(c: &mut Criterion) {
    let Some(corpus) = common::corpus(1) else {
        return;
    };
    let bytes = common::bytes_under(&corpus);
    let scratch = tempfile::tempdir().unwrap();
    let index = scratch.path().join("index");
    let mut group = c.benchmark_group("indexing");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(20))
        .throughput(Throughput::Bytes(bytes));
    group.bench_function("bbc-1x", |b| {
        b.iter(|| common::build_index(&corpus, &index))
    });
    group.finish();
}

criterion_group!(benches, indexing);
criterion_main!(benches);
