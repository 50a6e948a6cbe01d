//! Property test of the query path: thousands of generated queries, built from the pieces of
//! the query language and stray characters, each either answered or refused with an error;
//! none may panic or overflow the stack. Runs on the seed articles in a few seconds (the
//! cargo-fuzz target in `fuzz/` explores the same path for as long as one likes).

use std::sync::OnceLock;

use newsdex::index::NewsIndex;
use newsdex::pipeline::{self, IndexJob};
use newsdex::search::{syntax, Engine, Request};
use proptest::prelude::*;
use proptest::test_runner::Config;

/// One engine over the seeds for every case; the temporary folder lives as long as the test.
fn engine() -> &'static Engine {
    static ENGINE: OnceLock<(tempfile::TempDir, Engine)> = OnceLock::new();
    &ENGINE
        .get_or_init(|| {
            let dir = tempfile::tempdir().expect("temporary directory");
            let job = IndexJob {
                inputs: vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")],
                index: dir.path().join("index"),
                ..IndexJob::default()
            };
            pipeline::run(&job, &mut |_| {}).expect("index the seeds");
            let engine = Engine::new(NewsIndex::open(&job.index).expect("open")).expect("engine");
            (dir, engine)
        })
        .1
}

/// Pieces of the query language, words the seeds hold, and stray characters.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(vec![
            "(", ")", "\"", "'", "’", "-", "+", " AND ", " OR ", "NOT ", ":", "title:",
            "speaker:", "text:", "kind:", "nosuch:", "~2", "~", "*", "^2", "^", "[", "]", "{",
            "}", "\\", " TO ", " IN ", "!", "`", " ", " (", ") ", " \"", "\" ", " -",
        ])
        .prop_map(String::from),
        // Words with spaces around them, so that many queries parse and reach the search,
        // the pair rewriting and the snippets.
        6 => prop::sample::select(vec![
            "red", "line", "russia", "nato", "Putin's", "O’Brien", "Šefčovič", "S\u{30c}",
            "prime minister", "the", "lavrov", "2022", "œuvre", "security", "guarantees",
        ])
        .prop_map(|word| format!(" {word} ")),
        1 => any::<char>().prop_map(String::from),
    ]
}

fn query() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..14).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(Config {
        cases: 3000,
        failure_persistence: None,
        ..Config::default()
    })]

    #[test]
    fn no_query_panics(text in query(), any in any::<bool>(), exact in any::<bool>()) {
        let mut request = Request::new(&text);
        request.any = any;
        request.exact = exact;
        // An answer or an error; either is fine, a panic is not.
        let _ = engine().search(&request);
    }

    #[test]
    fn prepared_queries_stay_within_the_limits(text in query()) {
        if let Ok(prepared) = syntax::prepare(&text) {
            prop_assert!(prepared.text.chars().count() <= 3 * syntax::MAX_CHARS + 1);
            // One note per kind of mending, never the same note twice.
            let mut notes = prepared.notes.clone();
            notes.sort();
            notes.dedup();
            prop_assert_eq!(notes.len(), prepared.notes.len());
        }
    }
}

#[test]
fn nesting_just_under_the_limit_is_answered() {
    let depth = syntax::MAX_DEPTH;
    let nested = format!("{}nato{}", "(".repeat(depth), ")".repeat(depth));
    assert!(engine().search(&Request::new(&nested)).is_ok());
    let nots = format!("{}nato", "NOT ".repeat(syntax::MAX_CHARS / 4 - 2));
    let _ = engine().search(&Request::new(&nots));
    let pluses = format!("{}nato", "+".repeat(syntax::MAX_CHARS - 4));
    let _ = engine().search(&Request::new(&pluses));
}
