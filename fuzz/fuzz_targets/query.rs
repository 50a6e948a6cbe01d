//! Fuzzes the whole query path (syntax preparation, tantivy's grammar, pair rewriting,
//! filters, snippets) on an index of the seed articles: any input must give an answer or an
//! error, never a panic or a stack overflow.

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use newsdex::index::NewsIndex;
use newsdex::pipeline::{self, IndexJob};
use newsdex::search::{Engine, Request};

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<(tempfile::TempDir, Engine)> = OnceLock::new();
    &ENGINE
        .get_or_init(|| {
            let dir = tempfile::tempdir().expect("temporary directory");
            let job = IndexJob {
                inputs: vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds")],
                index: dir.path().join("index"),
                ..IndexJob::default()
            };
            pipeline::run(&job, &mut |_| {}).expect("index the seeds");
            let engine = Engine::new(NewsIndex::open(&job.index).expect("open")).expect("engine");
            (dir, engine)
        })
        .1
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (flags, query) = match text.split_once('\u{1}') {
        Some((flags, query)) => (flags.as_bytes().first().copied().unwrap_or(0), query),
        None => (0, text),
    };
    let mut request = Request::new(query);
    request.any = flags & 1 != 0;
    request.exact = flags & 2 != 0;
    let _ = engine().search(&request);
});
