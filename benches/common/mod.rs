//! Shared by the benches: the BBC corpus at 1×, 4× and 20×, its newsdex index and the same
//! passages in SQLite FTS5, all built once and cached under `target/bench-corpora/`.
//!
//! The generator copies `../shared/corpora/bbc` k times under new ids (`c00/business/001`,
//! `c01/business/001`, ...) and appends one line naming the new id to every file, so no two
//! files are byte-identical and the indexer's dedup drops nothing (the original has 98
//! byte-identical duplicates). A build is reused when its `complete` marker exists; set
//! `NEWSDEX_BENCH_REBUILD=1` (or delete the folder) after changing ingest or attribution.
//!
//! Each bench includes this file with `mod common;` and uses only part of it.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use newsdex::index::{stored_passage, NewsIndex};
use newsdex::ingest;
use newsdex::model::PassageKind;
use newsdex::pipeline::{self, IndexJob};
use newsdex::search::{Engine, FacetBy, Request};

/// Corpus sizes in copies of BBC, from `NEWSDEX_BENCH_SIZES` (default `1,4,20`).
pub fn sizes() -> Vec<usize> {
    std::env::var("NEWSDEX_BENCH_SIZES")
        .ok()
        .map(|s| {
            s.split(',')
                .filter_map(|k| k.trim().parse().ok())
                .filter(|&k| k > 0)
                .collect()
        })
        .filter(|v: &Vec<usize>| !v.is_empty())
        .unwrap_or_else(|| vec![1, 4, 20])
}

/// The repository root (benches run with it as the working directory).
fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The BBC corpus, or `None` after saying clearly that it is missing.
pub fn bbc() -> Option<PathBuf> {
    let path = root().join("../shared/corpora/bbc");
    if path.is_dir() {
        Some(path)
    } else {
        eprintln!(
            "newsdex benches: the BBC corpus is not at {} (expected ../shared/corpora/bbc from the \
             repository root); skipping the benches that need it",
            path.display()
        );
        None
    }
}

/// Where generated corpora, indexes and databases are cached.
pub fn cache_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"))
        .join("bench-corpora")
}

fn rebuild_requested() -> bool {
    std::env::var("NEWSDEX_BENCH_REBUILD").is_ok_and(|v| v == "1")
}

fn is_complete(dir: &Path) -> bool {
    !rebuild_requested() && dir.join("complete").is_file()
}

fn mark_complete(dir: &Path, note: &str) {
    fs::write(dir.join("complete"), note).expect("cannot write the cache marker");
}

/// The BBC articles in their original form: (relative path, bytes), sorted by path.
pub fn bbc_files(bbc: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = walkdir::WalkDir::new(bbc)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| {
            let relative = e.path().strip_prefix(bbc).unwrap().to_path_buf();
            let bytes = fs::read(e.path()).expect("cannot read a BBC article");
            (relative, bytes)
        })
        .collect();
    files.sort();
    files
}

/// One article as the generator writes it: the original bytes plus a line naming its new id.
pub fn altered(bytes: &[u8], copy: usize, relative: &Path) -> Vec<u8> {
    let mut out = bytes.to_vec();
    if !out.ends_with(b"\n") {
        out.push(b'\n');
    }
    let id = relative.with_extension("");
    out.extend_from_slice(format!("\n[bench copy {copy}: {}]\n", id.display()).as_bytes());
    out
}

/// The raw text of the k× corpus: `target/bench-corpora/bbc-{k}x/cNN/<category>/NNN.txt`.
pub fn corpus(k: usize) -> Option<PathBuf> {
    let bbc = bbc()?;
    let dir = cache_dir().join(format!("bbc-{k}x"));
    if is_complete(&dir) {
        return Some(dir);
    }
    let started = Instant::now();
    if dir.exists() {
        fs::remove_dir_all(&dir).expect("cannot clear an old corpus");
    }
    let files = bbc_files(&bbc);
    let mut bytes = 0usize;
    for copy in 0..k {
        for (relative, original) in &files {
            let path = dir.join(format!("c{copy:02}")).join(relative);
            fs::create_dir_all(path.parent().unwrap()).expect("cannot create a corpus folder");
            let text = altered(original, copy, relative);
            bytes += text.len();
            fs::write(&path, text).expect("cannot write a corpus file");
        }
    }
    mark_complete(&dir, &format!("{} files, {bytes} bytes\n", files.len() * k));
    eprintln!(
        "newsdex benches: wrote the {k}x BBC corpus ({} files, {:.1} MB) to {} in {:.1} s",
        files.len() * k,
        bytes as f64 / 1e6,
        dir.display(),
        started.elapsed().as_secs_f64()
    );
    Some(dir)
}

/// Total bytes of the files under a folder.
pub fn bytes_under(dir: &Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| e.metadata().map(|m| m.len()).unwrap_or(0))
        .sum()
}

/// The ingest options the benches index with: `--source "BBC News"`.
pub fn ingest_options() -> ingest::Options {
    ingest::Options {
        default_source: Some("BBC News".into()),
        ..ingest::Options::default()
    }
}

/// Indexes `corpus` into `index` from scratch, as `newsdex index --rebuild --source "BBC News"`.
pub fn build_index(corpus: &Path, index: &Path) -> pipeline::Summary {
    let job = IndexJob {
        inputs: vec![corpus.to_path_buf()],
        index: index.to_path_buf(),
        ingest: ingest_options(),
        rebuild: true,
        ..IndexJob::default()
    };
    let mut problems = 0usize;
    let summary = pipeline::run(&job, &mut |_| problems += 1).expect("indexing failed");
    assert!(
        summary.duplicates.is_empty(),
        "the generated corpus still has {} byte-identical duplicates",
        summary.duplicates.len()
    );
    summary
}

/// The newsdex index of the k× corpus, built on first use.
pub fn index(k: usize) -> Option<PathBuf> {
    let corpus = corpus(k)?;
    let dir = cache_dir().join(format!("index-{k}x"));
    if is_complete(&dir) {
        return Some(dir);
    }
    eprintln!(
        "newsdex benches: indexing the {k}x BBC corpus into {} ...",
        dir.display()
    );
    let summary = build_index(&corpus, &dir);
    eprintln!("newsdex benches: {}", summary.line());
    mark_complete(&dir, &format!("{}\n", summary.line()));
    Some(dir)
}

/// The searchable passages of the k× index (boilerplate left out, as newsdex search does by
/// default) in an FTS5 table `t(text, title, article UNINDEXED, paragraph UNINDEXED)` with
/// `tokenize='porter unicode61'`, built on first use.
pub fn fts5(k: usize) -> Option<PathBuf> {
    let index_dir = index(k)?;
    let dir = cache_dir().join(format!("fts5-{k}x"));
    if is_complete(&dir) {
        return Some(dir.join("passages.sqlite"));
    }
    let started = Instant::now();
    if dir.exists() {
        fs::remove_dir_all(&dir).expect("cannot clear an old FTS5 database");
    }
    fs::create_dir_all(&dir).expect("cannot create the FTS5 folder");
    let db_path = dir.join("passages.sqlite");
    let mut db = rusqlite::Connection::open(&db_path).expect("cannot create the FTS5 database");
    db.execute_batch(
        "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
         CREATE VIRTUAL TABLE t USING fts5(text, title, article UNINDEXED, paragraph UNINDEXED,
                                           tokenize = 'porter unicode61');",
    )
    .expect("cannot create the FTS5 table");
    let index = NewsIndex::open(&index_dir).expect("cannot open the bench index");
    let searcher = index
        .reader()
        .expect("cannot read the bench index")
        .searcher();
    let fields = *index.fields();
    let mut rows = 0usize;
    let tx = db.transaction().unwrap();
    {
        let mut insert = tx
            .prepare("INSERT INTO t (text, title, article, paragraph) VALUES (?1, ?2, ?3, ?4)")
            .unwrap();
        for (ord, segment) in searcher.segment_readers().iter().enumerate() {
            for doc in segment.doc_ids_alive() {
                let address = tantivy::DocAddress::new(ord as u32, doc);
                let stored: tantivy::TantivyDocument = searcher.doc(address).unwrap();
                let passage = stored_passage(&fields, &stored);
                if passage.kind == PassageKind::Boilerplate {
                    continue;
                }
                insert
                    .execute(rusqlite::params![
                        passage.text,
                        passage.title.unwrap_or_default(),
                        passage.article_id,
                        passage.paragraph
                    ])
                    .unwrap();
                rows += 1;
            }
        }
    }
    tx.commit().unwrap();
    db.execute_batch("INSERT INTO t(t) VALUES ('optimize');")
        .unwrap();
    drop(db);
    mark_complete(&dir, &format!("{rows} passages\n"));
    eprintln!(
        "newsdex benches: loaded {rows} passages of the {k}x index into FTS5 at {} in {:.1} s",
        db_path.display(),
        started.elapsed().as_secs_f64()
    );
    Some(db_path)
}

/// A query that newsdex and FTS5 both run, written in each one's syntax.
pub struct SharedQuery {
    pub name: &'static str,
    pub newsdex: &'static str,
    pub fts5: &'static str,
}

/// The phrase and AND queries of the side-by-side comparison.
pub const SHARED: [SharedQuery; 2] = [
    SharedQuery {
        name: "phrase",
        newsdex: "\"prime minister\"",
        fts5: "\"prime minister\"",
    },
    SharedQuery {
        name: "and",
        newsdex: "economic growth",
        fts5: "economic AND growth",
    },
];

/// The FTS5 side: top 10 by bm25 (title weighted 2, as newsdex boosts it) with the fields a
/// result line shows and a snippet of the passage.
pub const FTS5_TOP10: &str = "SELECT article, paragraph, title, \
     snippet(t, 0, '<b>', '</b>', '...', 32) \
     FROM t WHERE t MATCH ?1 ORDER BY bm25(t, 1.0, 2.0) LIMIT 10";

/// Runs the FTS5 top-10 query; returns the number of rows (to keep the work observable).
pub fn fts5_top10(statement: &mut rusqlite::Statement<'_>, query: &str) -> usize {
    let mut rows = statement.query([query]).unwrap();
    let mut n = 0;
    while let Some(row) = rows.next().unwrap() {
        let snippet: String = row.get(3).unwrap();
        std::hint::black_box(snippet);
        n += 1;
    }
    n
}

/// Opens an FTS5 database read-only with a warm page cache.
/// Both engines over the `k`× corpus, warm and ready: newsdex's index and the FTS5 database
/// holding the same passages; `None` (after a message) when the BBC corpus is absent.
pub fn contestants(k: usize) -> Option<(Engine, rusqlite::Connection)> {
    let (index, db_path) = (index(k)?, fts5(k)?);
    let engine = Engine::new(NewsIndex::open(&index).expect("open the bench index"))
        .expect("a reader on the bench index");
    Some((engine, open_fts5(&db_path)))
}

pub fn open_fts5(path: &Path) -> rusqlite::Connection {
    let db =
        rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("cannot open the FTS5 database");
    db.execute_batch("PRAGMA cache_size = -262144; PRAGMA mmap_size = 1073741824;")
        .unwrap();
    db
}

/// Total matches of an FTS5 query (for the report, not timed).
pub fn fts5_count(db: &rusqlite::Connection, query: &str) -> usize {
    db.query_row("SELECT count(*) FROM t WHERE t MATCH ?1", [query], |r| {
        r.get::<_, i64>(0)
    })
    .unwrap() as usize
}

/// The search mix of `benches/search.rs`, chosen for the BBC corpus.
pub fn search_mix() -> Vec<(&'static str, Request)> {
    let mut speaker = Request::new("election");
    speaker.filters.speakers = vec!["blair".to_string()];
    let mut faceted = Request::new("\"prime minister\"");
    faceted.facets = Some(FacetBy::Day);
    // The same phrase without the page (no stored fields, no snippets), and with a long page:
    // the difference is what snippets and stored-field reads cost.
    let mut count_only = Request::new("\"prime minister\"");
    count_only.limit = 0;
    let mut top50 = Request::new("\"prime minister\"");
    top50.limit = 50;
    vec![
        ("phrase", Request::new("\"prime minister\"")),
        ("term rare", Request::new("saxophone")),
        ("term common", Request::new("said")),
        ("and", Request::new("economic growth")),
        ("speaker filter", speaker),
        ("phrase+facets", faceted),
        ("phrase count only", count_only),
        ("phrase top50 snippets", top50),
    ]
}
