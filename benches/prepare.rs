//! Builds (or finds cached) every corpus, index and FTS5 database the other benches use and
//! prints where they are: `cargo bench --bench prepare`. `benches/run.sh` runs it first.

mod common;

fn main() {
    for k in common::sizes() {
        let (Some(corpus), Some(index), Some(fts5)) =
            (common::corpus(k), common::index(k), common::fts5(k))
        else {
            return;
        };
        println!(
            "{k}x: corpus {} ({} bytes of text), index {}, fts5 {}",
            corpus.display(),
            common::bytes_under(&corpus),
            index.display(),
            fts5.display()
        );
    }
}
