//! The passage index on disk: opening, creating, writing, and what is in it.
//!
//! This is the only stage that knows tantivy's document types. It turns [`Passage`]s into
//! documents and back, and turns tantivy's failures (a lock held by another process, a
//! corrupt or outdated index) into errors that say what to do. Querying lives in `search`.
//!
//! Every index folder holds newsdex's marker file ([`MARKER`]); only such a folder (or an
//! empty one) is ever cleared, and then only of the index's own files. A damaged index is
//! found by [`NewsIndex::verify`] (checksums of every file of the last commit) and replaced by
//! [`NewsIndex::for_rebuild`].

pub mod analysis;
pub mod directory;
mod facet_counter;
mod one_pass;
pub mod pairs;
mod reader;
pub mod schema;
mod spellings;
mod writer;

pub use facet_counter::FacetCounter;
pub use reader::{facet_value, sorted_counts, stored_passage, Count, Stats};

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Context, Result};
use serde::{Deserialize, Serialize};
use tantivy::directory::error::{LockError, OpenReadError};
use tantivy::directory::{Directory, MmapDirectory, INDEX_WRITER_LOCK, META_LOCK};
use tantivy::{Index, IndexReader, IndexSettings, ReloadPolicy, TantivyError};

use directory::NewsDirectory;

pub use schema::{Fields, SCHEMA_VERSION};
pub use spellings::SpeakerSpelling;
pub use writer::{to_datetime, PassageWriter};

/// newsdex's marker file in every index folder it creates: only a folder holding it (or an
/// empty one) is ever cleared by `--rebuild`.
pub const MARKER: &str = "newsdex.json";

/// What newsdex records in each commit, beside tantivy's own metadata.
#[derive(Debug, Serialize, Deserialize)]
struct CommitPayload {
    schema_version: u32,
}

/// An open passage index.
pub struct NewsIndex {
    index: Index,
    fields: Fields,
    path: PathBuf,
}

impl NewsIndex {
    /// Whether a folder holds an index at all (as opposed to a broken one).
    pub fn exists(path: &Path) -> bool {
        path.join("meta.json").exists()
    }

    /// Opens an existing index, refusing corrupt ones and ones built by another schema version.
    pub fn open(path: &Path) -> Result<NewsIndex> {
        if !NewsIndex::exists(path) {
            bail!(
                "no index in folder {}; build one with `newsdex index PATH --index {}`",
                path.display(),
                path.display()
            );
        }
        let index = NewsDirectory::open(path)
            .and_then(Index::open)
            .map_err(|e| broken(path, &describe(&e)))?;
        let payload = index
            .load_metas()
            .map_err(|e| broken(path, &describe(&e)))?
            .payload;
        let version = payload
            .as_deref()
            .and_then(|p| serde_json::from_str::<CommitPayload>(p).ok())
            .map(|p| p.schema_version);
        if version != Some(SCHEMA_VERSION) {
            let found = version.map_or("no version".to_string(), |v| format!("version {v}"));
            return Err(broken(
                path,
                &format!("it has schema {found}, this newsdex needs version {SCHEMA_VERSION}"),
            ));
        }
        analysis::register(&index);
        let (_, fields) = schema::build();
        Ok(NewsIndex {
            index,
            fields,
            path: path.to_path_buf(),
        })
    }

    /// Creates an empty index in `path`, replacing an old or broken index there.
    ///
    /// Only a folder that is empty or holds newsdex's marker is cleared, and then only of the
    /// index's own files (see [`directory::is_index_file`]).
    pub fn create(path: &Path) -> Result<NewsIndex> {
        std::fs::create_dir_all(path)
            .with_context(|| format!("cannot create index folder {}", path.display()))?;
        clear_index_files(path)?;
        std::fs::write(path.join(MARKER), marker())
            .with_context(|| format!("cannot write {}", path.join(MARKER).display()))?;
        let (schema, fields) = schema::build();
        let index = NewsDirectory::open(path)
            .and_then(|directory| Index::create(directory, schema, IndexSettings::default()))
            .map_err(|e| {
                anyhow!(
                    "cannot create an index in {}: {}",
                    path.display(),
                    describe(&e)
                )
            })?;
        analysis::register(&index);
        let news_index = NewsIndex {
            index,
            fields,
            path: path.to_path_buf(),
        };
        // An empty first commit records the schema version, so the folder is a valid index.
        let mut writer = news_index.writer()?;
        writer.commit()?;
        Ok(news_index)
    }

    /// The index to rebuild in `path`: the existing one when every file of its last commit is
    /// whole (its passages are then replaced in one commit, so an interrupted rebuild loses
    /// nothing), or else a new empty one in place of whatever is damaged.
    pub fn for_rebuild(path: &Path) -> Result<NewsIndex> {
        if NewsIndex::exists(path) {
            if let Ok(index) = NewsIndex::open(path) {
                if index.verify().is_ok() {
                    return Ok(index);
                }
            }
        }
        NewsIndex::create(path)
    }

    /// Checks that every file of the last commit is present and matches its checksum, which
    /// catches truncated, missing and overwritten files before anything is written over them.
    pub fn verify(&self) -> Result<()> {
        // As when a reader opens segments: a writer's clean-up must not delete the files of
        // the commit being checked meanwhile.
        let _meta_lock = self
            .index
            .directory()
            .acquire_lock(&META_LOCK)
            .map_err(|e| broken(&self.path, &describe(&e.into())))?;
        let metas = self
            .index
            .load_metas()
            .map_err(|e| broken(&self.path, &describe(&e)))?;
        let directory = self.index.directory();
        for file in metas.list_segment_files() {
            let name = file.to_string_lossy();
            let required = REQUIRED_EXTENSIONS.iter().any(|ext| name.ends_with(ext));
            let present = directory.exists(&file).unwrap_or(false);
            if !present {
                if required {
                    return Err(broken(&self.path, &format!("file {name} is missing")));
                }
                continue;
            }
            match directory.validate_checksum(&file) {
                Ok(true) => {}
                Ok(false) | Err(_) => {
                    return Err(broken(&self.path, &format!("file {name} is damaged")));
                }
            }
        }
        Ok(())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn fields(&self) -> &Fields {
        &self.fields
    }

    pub fn tantivy(&self) -> &Index {
        &self.index
    }

    /// Takes the index's single writer lock; a second writer fails at once.
    pub fn writer(&self) -> Result<PassageWriter> {
        analysis::register_for_writing(&self.index);
        let writer = self
            .index
            .writer_with_num_threads(WRITER_THREADS, WRITER_HEAP_BYTES)
            .map_err(|e| match e {
            TantivyError::LockFailure(LockError::LockBusy, _) => anyhow!(
                "index {} is being written by another newsdex process; wait for it to finish and try again",
                self.path.display()
            ),
            other => anyhow!(
                "cannot write to index {}: {}",
                self.path.display(),
                describe(&other)
            ),
        })?;
        Ok(PassageWriter::new(writer, self.fields))
    }

    /// A reader over the last commit.
    pub fn reader(&self) -> Result<IndexReader> {
        self.index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e: TantivyError| broken(&self.path, &describe(&e)))
    }

    /// Content hash and fingerprint of every article in the index, by article id.
    pub fn catalog(&self) -> Result<HashMap<String, CatalogEntry>> {
        let searcher = self.reader()?.searcher();
        let mut catalog = HashMap::new();
        for segment in searcher.segment_readers() {
            let fast = segment.fast_fields();
            let (Some(ids), Some(hashes), Some(fingerprints), Some(files)) = (
                fast.str("article")?,
                fast.str("content_hash")?,
                fast.str("fingerprint")?,
                fast.str("file")?,
            ) else {
                continue;
            };
            // Only an article's first passage carries these values (see `PassageWriter`):
            // resolve each article's ordinals once, as turning an ordinal into text is the
            // costly step.
            let first_ord =
                |column: &tantivy::columnar::StrColumn, doc| column.term_ords(doc).next();
            type Ords = (Option<u64>, Option<u64>, Option<u64>);
            let mut ords: HashMap<u64, Ords> = HashMap::new();
            for doc in segment.doc_ids_alive() {
                let Some(hash) = first_ord(&hashes, doc) else {
                    continue;
                };
                if let Some(id) = first_ord(&ids, doc) {
                    ords.entry(id).or_insert_with(|| {
                        (
                            Some(hash),
                            first_ord(&fingerprints, doc),
                            first_ord(&files, doc),
                        )
                    });
                }
            }
            // Every ordinal is looked up, so each dictionary is read once from start to end
            // rather than searched once per article.
            let ids_text = ordinals_to_text(&ids, ords.keys().copied())?;
            let hashes_text = ordinals_to_text(&hashes, ords.values().filter_map(|o| o.0))?;
            let fingerprints_text =
                ordinals_to_text(&fingerprints, ords.values().filter_map(|o| o.1))?;
            let files_text = ordinals_to_text(&files, ords.values().filter_map(|o| o.2))?;
            let text = |texts: &HashMap<u64, String>, ord: Option<u64>| {
                ord.and_then(|ord| texts.get(&ord).cloned())
                    .unwrap_or_default()
            };
            for (id_ord, (hash_ord, fingerprint_ord, file_ord)) in ords {
                let entry = CatalogEntry {
                    content_hash: text(&hashes_text, hash_ord),
                    fingerprint: text(&fingerprints_text, fingerprint_ord),
                    file: text(&files_text, file_ord),
                };
                catalog
                    .entry(text(&ids_text, Some(id_ord)))
                    .or_insert(entry);
            }
        }
        Ok(catalog)
    }
}

/// The text of each of these term ordinals of a string column, read in one pass over its
/// dictionary (in ordinal order, which is the dictionary's own).
fn ordinals_to_text(
    column: &tantivy::columnar::StrColumn,
    ordinals: impl Iterator<Item = u64>,
) -> Result<HashMap<u64, String>> {
    let mut sorted: Vec<u64> = ordinals.collect();
    sorted.sort_unstable();
    sorted.dedup();
    let mut texts = Vec::with_capacity(sorted.len());
    column
        .dictionary()
        .sorted_ords_to_term_cb(&sorted, |bytes| {
            texts.push(String::from_utf8_lossy(bytes).into_owned());
        })?;
    Ok(sorted.into_iter().zip(texts).collect())
}

/// What the index remembers of an indexed article's input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogEntry {
    pub content_hash: String,
    pub fingerprint: String,
    /// The file the article was read from, as an absolute path through its input root.
    pub file: String,
}

/// Indexing memory budget of the one indexing thread: a segment is written each time it
/// fills. With 200 MB the 20× BBC corpus (102 MB of text) became two segments, and merging
/// them after the load (tantivy's merge costs about as much per term as writing the segments
/// did) took about a tenth of the rebuild's CPU time and raised its peak memory. 400 MB makes
/// it one segment, which needs no merge; 1 GB leaves room for loads about twice as large
/// (BENCHMARKS.md, "Session 8"). tantivy takes this memory as it fills, not up front, so a
/// load that fitted before uses no more; a larger load is written as several segments and
/// merged.
const WRITER_HEAP_BYTES: usize = 1_000_000_000;

/// tantivy indexing threads. One, not one per core: passages are attributed on every core
/// before writing starts, and while they are written the main thread (building documents)
/// and background merges keep the second core busy. A second indexing thread split each bulk
/// load into two segments that then had to be merged: on the 1× and 4× BBC corpora it cost
/// about a quarter more CPU time for no faster a run on 2 cores (BENCHMARKS.md, issue 15).
/// Segments written side by side from runs of consecutive articles, which keep the order, did
/// no better (BENCHMARKS.md, "Session 8"): tantivy's merge of two halves of 1× BBC costs more
/// instructions than writing the whole as one segment. With one thread, documents also keep
/// their input order.
const WRITER_THREADS: usize = 1;

/// The one-line message for an index that cannot be used, with the command that repairs it.
pub fn broken(path: &Path, reason: &str) -> anyhow::Error {
    // A folder of someone else's files (a stray `meta.json` among them) is not a damaged
    // index: advice to rebuild it would only be refused.
    let names: Vec<String> = std::fs::read_dir(path)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().and_then(|e| e.file_name().into_string().ok()))
                .collect()
        })
        .unwrap_or_default();
    if !is_ours(path, &names) {
        return anyhow!(
            "folder {} does not hold an index made by newsdex ({reason}); give --index a new \
             or empty folder",
            path.display()
        );
    }
    anyhow!(
        "index {} cannot be used: {reason}; rebuild it from the files it was built from: \
         `newsdex index --rebuild --index {} PATH...`",
        path.display(),
        path.display()
    )
}

/// Segment file kinds every committed segment has.
const REQUIRED_EXTENSIONS: [&str; 6] = [".idx", ".pos", ".term", ".store", ".fast", ".fieldnorm"];

/// tantivy's lock files: never removed, as another process may hold them.
fn is_lock_file(name: &str) -> bool {
    name.starts_with(".tantivy-") && name.ends_with(".lock")
}

/// Whether newsdex may clear this folder: it is empty (but for a `.gitignore` and lock
/// files), holds newsdex's marker, or holds an index from a newsdex older than the marker
/// (a `meta.json` with newsdex's payload and nothing but index files beside it).
fn is_ours(path: &Path, names: &[String]) -> bool {
    let others: Vec<&String> = names
        .iter()
        .filter(|n| *n != ".gitignore" && !is_lock_file(n))
        .collect();
    if others.is_empty() {
        return true;
    }
    // Only newsdex's own marker counts: a file of that name written by someone else (or
    // damaged past reading) says nothing about whose the folder is, so the folder must then
    // prove itself newsdex's as an index older than the marker does.
    if is_our_marker(&path.join(MARKER)) {
        return true;
    }
    let newsdex_meta = std::fs::read_to_string(path.join("meta.json"))
        .is_ok_and(|meta| meta.contains("schema_version"));
    newsdex_meta && others.iter().all(|n| directory::is_index_file(n))
}

/// Removes an old index's files, after checking the folder is newsdex's, holding the writer
/// lock meanwhile so that no other newsdex process is writing there.
fn clear_index_files(path: &Path) -> Result<()> {
    let names: Vec<String> = std::fs::read_dir(path)
        .with_context(|| format!("cannot read index folder {}", path.display()))?
        .filter_map(|e| e.ok().and_then(|e| e.file_name().into_string().ok()))
        .collect();
    if !is_ours(path, &names) {
        bail!(
            "{} is not empty and does not hold an index made by newsdex (no {MARKER} written \
             by newsdex); nothing was deleted; choose another folder with --index",
            path.display()
        );
    }
    let lock = MmapDirectory::open(path)
        .map_err(|e| anyhow!("cannot open index folder {}: {}", path.display(), describe(&e.into())))?
        .acquire_lock(&INDEX_WRITER_LOCK)
        .map_err(|e| match e {
            LockError::LockBusy => anyhow!(
                "index {} is being written by another newsdex process; wait for it to finish and try again",
                path.display()
            ),
            LockError::IoError(io) => anyhow!("cannot lock index {}: {io}", path.display()),
        })?;
    for name in names.iter().filter(|n| directory::is_index_file(n)) {
        let entry = path.join(name);
        if entry.is_file() {
            std::fs::remove_file(&entry)
                .with_context(|| format!("cannot remove old index file {}", entry.display()))?;
        }
    }
    drop(lock);
    Ok(())
}

/// Whether the file holds the marker newsdex writes (JSON with `"created_by": "newsdex"`).
fn is_our_marker(path: &Path) -> bool {
    std::fs::read(path)
        .ok()
        .and_then(|bytes| serde_json::from_slice::<serde_json::Value>(&bytes).ok())
        .is_some_and(|marker| marker["created_by"] == "newsdex")
}

fn marker() -> String {
    serde_json::json!({
        "created_by": "newsdex",
        "schema_version": SCHEMA_VERSION,
        "note": "this folder is a newsdex index; `newsdex index --rebuild` may replace its index files",
    })
    .to_string()
}

/// A tantivy error as a reason a person can act on, without tantivy's internal names.
pub fn describe(error: &TantivyError) -> String {
    let file_reason = |e: &OpenReadError| match e {
        OpenReadError::FileDoesNotExist(file) => format!("file {} is missing", file.display()),
        OpenReadError::IoError { io_error, filepath } => {
            format!("cannot read {}: {io_error}", filepath.display())
        }
        OpenReadError::IncompatibleIndex(_) => "it was written by an incompatible version".into(),
    };
    match error {
        TantivyError::OpenReadError(e) => file_reason(e),
        TantivyError::OpenDirectoryError(e) => format!("cannot open the folder: {e}"),
        TantivyError::IoError(e) => format!("input/output error: {e}"),
        TantivyError::DataCorruption(e) => {
            // The file is only in the debug form: `Data corruption (in file `"x.idx"`): ...`.
            let debug = format!("{e:?}");
            match debug
                .split_once("in file `\"")
                .and_then(|(_, rest)| rest.split_once('"'))
            {
                Some((file, _)) => format!("file {file} is damaged"),
                None => "an index file is damaged".into(),
            }
        }
        TantivyError::LockFailure(LockError::LockBusy, _) => {
            "it is locked by another newsdex process".into()
        }
        TantivyError::LockFailure(LockError::IoError(e), _) => format!("cannot lock it: {e}"),
        TantivyError::IndexAlreadyExists => "an index is already there".into(),
        TantivyError::Poisoned | TantivyError::ErrorInThread(_) => "an internal step failed".into(),
        _ => "its files are damaged or inconsistent".into(),
    }
}

pub(crate) fn payload() -> String {
    serde_json::json!({ "schema_version": SCHEMA_VERSION }).to_string()
}
