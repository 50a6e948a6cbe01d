//! The passage index on disk: opening, creating, writing, and what is in it.
//!
//! This is the only stage that knows tantivy's document types. It turns [`Passage`]s into
//! documents and back, and turns tantivy's failures (a lock held by another process, a
//! corrupt or outdated index) into errors that say what to do. Querying lives in `search`.

pub mod analysis;
mod facet_counter;
pub mod pairs;
mod reader;
pub mod schema;
mod writer;

pub use facet_counter::FacetCounter;
pub use reader::{facet_value, sorted_counts, stored_passage, Count, Stats};

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Context, Result};
use serde::{Deserialize, Serialize};
use tantivy::directory::error::LockError;
use tantivy::{Index, IndexReader, ReloadPolicy, TantivyError};

pub use schema::{Fields, SCHEMA_VERSION};
pub use writer::{to_datetime, PassageWriter};

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
        let index = Index::open_in_dir(path).map_err(|e| broken(path, &e.to_string()))?;
        let payload = index
            .load_metas()
            .map_err(|e| broken(path, &e.to_string()))?
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
    /// Only a folder that is empty or holds an index is cleared, never arbitrary files.
    pub fn create(path: &Path) -> Result<NewsIndex> {
        std::fs::create_dir_all(path)
            .with_context(|| format!("cannot create index folder {}", path.display()))?;
        clear_index_files(path)?;
        let (schema, fields) = schema::build();
        let index = Index::create_in_dir(path, schema)
            .with_context(|| format!("cannot create an index in {}", path.display()))?;
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
        let writer = self.index.writer(WRITER_HEAP_BYTES).map_err(|e| match e {
            TantivyError::LockFailure(LockError::LockBusy, _) => anyhow!(
                "index {} is being written by another newsdex process; wait for it to finish and try again",
                self.path.display()
            ),
            other => anyhow!("cannot write to index {}: {other}", self.path.display()),
        })?;
        Ok(PassageWriter::new(writer, self.fields))
    }

    /// A reader over the last commit.
    pub fn reader(&self) -> Result<IndexReader> {
        self.index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e: TantivyError| broken(&self.path, &e.to_string()))
    }

    /// Content hash and fingerprint of every article in the index, by article id.
    pub fn catalog(&self) -> Result<HashMap<String, CatalogEntry>> {
        let searcher = self.reader()?.searcher();
        let mut catalog = HashMap::new();
        for segment in searcher.segment_readers() {
            let fast = segment.fast_fields();
            let (Some(ids), Some(hashes), Some(fingerprints)) = (
                fast.str("article")?,
                fast.str("content_hash")?,
                fast.str("fingerprint")?,
            ) else {
                continue;
            };
            // Passages of one article share their values: resolve each article's ordinals
            // once, as turning an ordinal into text is the costly step.
            let first_ord =
                |column: &tantivy::columnar::StrColumn, doc| column.term_ords(doc).next();
            let mut ords: HashMap<u64, (Option<u64>, Option<u64>)> = HashMap::new();
            for doc in segment.doc_ids_alive() {
                if let Some(id) = first_ord(&ids, doc) {
                    ords.entry(id).or_insert_with(|| {
                        (first_ord(&hashes, doc), first_ord(&fingerprints, doc))
                    });
                }
            }
            let text =
                |column: &tantivy::columnar::StrColumn, ord: Option<u64>| -> Result<String> {
                    let mut text = String::new();
                    if let Some(ord) = ord {
                        column.ord_to_str(ord, &mut text)?;
                    }
                    Ok(text)
                };
            for (id_ord, (hash_ord, fingerprint_ord)) in ords {
                let entry = CatalogEntry {
                    content_hash: text(&hashes, hash_ord)?,
                    fingerprint: text(&fingerprints, fingerprint_ord)?,
                };
                catalog.entry(text(&ids, Some(id_ord))?).or_insert(entry);
            }
        }
        Ok(catalog)
    }
}

/// What the index remembers of an indexed article's input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogEntry {
    pub content_hash: String,
    pub fingerprint: String,
}

/// Indexing memory budget; tantivy splits it between its threads.
const WRITER_HEAP_BYTES: usize = 200_000_000;

fn broken(path: &Path, reason: &str) -> anyhow::Error {
    anyhow!(
        "index {} cannot be used: {reason}; rebuild it with `newsdex index --rebuild --index {}`",
        path.display(),
        path.display()
    )
}

/// Removes an old index's files, after checking the folder holds nothing else of value.
fn clear_index_files(path: &Path) -> Result<()> {
    let entries: Vec<PathBuf> = std::fs::read_dir(path)
        .with_context(|| format!("cannot read index folder {}", path.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.file_name().is_some_and(|n| n != ".gitignore"))
        .collect();
    let looks_like_index = path.join("meta.json").exists() || path.join(".managed.json").exists();
    if !entries.is_empty() && !looks_like_index {
        bail!(
            "{} is not empty and does not hold an index; choose another folder with --index",
            path.display()
        );
    }
    for entry in entries {
        let removed = if entry.is_dir() {
            std::fs::remove_dir_all(&entry)
        } else {
            std::fs::remove_file(&entry)
        };
        removed.with_context(|| format!("cannot remove old index file {}", entry.display()))?;
    }
    Ok(())
}

pub(crate) fn payload() -> String {
    serde_json::json!({ "schema_version": SCHEMA_VERSION }).to_string()
}
