//! `newsdex index` end to end: files → articles → passages with speakers → the index.
//!
//! This module only sequences the stages and keeps the books (what was added, unchanged,
//! duplicated or skipped); each stage's rules live in its own module.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::Result;
use rayon::prelude::*;

use crate::attribution;
use crate::index::NewsIndex;
use crate::ingest::{self, Skipped};
use crate::model::{Article, Passage};
use crate::progress::Progress;

/// How to run an indexing job.
#[derive(Clone, Debug, Default)]
pub struct IndexJob {
    pub inputs: Vec<PathBuf>,
    pub index: PathBuf,
    pub ingest: ingest::Options,
    /// Start from an empty index instead of updating.
    pub rebuild: bool,
}

/// What an indexing run did.
#[derive(Debug, Default)]
pub struct Summary {
    /// Articles added or replaced.
    pub indexed: usize,
    pub passages: usize,
    /// Articles whose content was already indexed under the same id.
    pub unchanged: usize,
    /// Articles whose content is identical to another article's: `(id, id indexed instead)`.
    pub duplicates: Vec<(String, String)>,
    pub skipped: Vec<Skipped>,
    pub warnings: Vec<String>,
    pub elapsed: Duration,
}

/// An article ready to write, with its text dropped once its passages are made.
struct Prepared {
    article: Article,
    passages: Vec<Passage>,
}

/// Reads the inputs and brings the index up to date with them, in one commit.
///
/// Problems with single files are collected in the summary (and `on_problem` hears of each as
/// it happens); only problems that stop the whole job (a missing input, a locked or broken
/// index) are errors.
pub fn run(job: &IndexJob, on_problem: &mut dyn FnMut(&str)) -> Result<Summary> {
    let started = Instant::now();
    let (files, walk_problems) = ingest::discover(&job.inputs, &job.ingest)?;
    let index = open_for_writing(&job.index, job.rebuild)?;
    let mut writer = index.writer()?;
    let catalog = if job.rebuild {
        writer.delete_all()?;
        HashMap::new()
    } else {
        index.catalog()?
    };
    let mut summary = Summary::default();
    for problem in walk_problems {
        on_problem(&format!("skipped {}: {}", problem.path, problem.reason));
        summary.skipped.push(problem);
    }

    let indexed_ids_by_hash: HashMap<&str, &str> = catalog
        .iter()
        .map(|(id, entry)| (entry.content_hash.as_str(), id.as_str()))
        .collect();
    let known = |id: &str, fingerprint: &str| {
        catalog
            .get(id)
            .is_some_and(|entry| entry.fingerprint == fingerprint)
    };
    let mut seen_hashes: HashMap<String, String> = HashMap::new();
    let mut prepared = Vec::new();
    let progress = Progress::new("reading and attributing", files.len(), "files");
    // Files are read and attributed in parallel a chunk at a time, which bounds memory; the
    // bookkeeping between the two steps runs in file order, so results never depend on timing.
    for chunk in files.chunks(CHUNK_FILES) {
        let loaded: Vec<ingest::Loaded> = chunk
            .par_iter()
            .map(|file| ingest::load(file, &job.ingest, &known))
            .collect();
        progress.inc(chunk.len());
        let mut fresh = Vec::new();
        for loaded in loaded {
            for warning in loaded.warnings {
                on_problem(&format!("warning: {warning}"));
                summary.warnings.push(warning);
            }
            for skipped in loaded.skipped {
                on_problem(&format!("skipped {}: {}", skipped.path, skipped.reason));
                summary.skipped.push(skipped);
            }
            for (id, content_hash) in loaded.unchanged {
                summary.unchanged += 1;
                seen_hashes.entry(content_hash).or_insert(id);
            }
            for article in loaded.articles {
                let original = seen_hashes.get(&article.content_hash).cloned().or_else(|| {
                    indexed_ids_by_hash
                        .get(article.content_hash.as_str())
                        .filter(|id| **id != article.id)
                        .map(|id| id.to_string())
                });
                if let Some(original) = original {
                    summary.duplicates.push((article.id, original));
                    continue;
                }
                seen_hashes.insert(article.content_hash.clone(), article.id.clone());
                fresh.push(article);
            }
        }
        prepared.par_extend(fresh.into_par_iter().map(prepare));
    }
    progress.stage("writing", prepared.len(), "articles");

    let existing_speakers = index.known_values(&index.reader()?.searcher(), "speaker_facet")?;
    let names = SpeakerNames::new(&prepared, existing_speakers.iter().map(String::as_str));
    for item in &mut prepared {
        names.canonicalise(&mut item.passages);
        writer.replace_article(&item.article, &item.passages, &|speaker| {
            names.variants(speaker)
        })?;
        summary.indexed += 1;
        summary.passages += item.passages.len();
        progress.inc(1);
    }
    if job.rebuild || !prepared.is_empty() {
        progress.stage("committing and merging segments", 0, "");
        writer.commit()?;
        let bulk = job.rebuild || summary.indexed * 2 >= summary.indexed + summary.unchanged;
        writer.finish(bulk)?;
    }
    progress.finish();
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// Files read and attributed together; large enough to keep both cores busy.
const CHUNK_FILES: usize = 256;

/// Opens the index to update it, or creates it; a broken index is only replaced on `--rebuild`.
fn open_for_writing(path: &Path, rebuild: bool) -> Result<NewsIndex> {
    if !NewsIndex::exists(path) {
        return NewsIndex::create(path);
    }
    match NewsIndex::open(path) {
        Ok(index) => Ok(index),
        Err(_) if rebuild => NewsIndex::create(path),
        Err(e) => Err(e),
    }
}

/// Attributes an article's passages, then drops its text, which the passages now carry.
fn prepare(mut article: Article) -> Prepared {
    let passages = attribution::passages(&article);
    article.text = String::new();
    article.paragraphs = Vec::new();
    Prepared { article, passages }
}

/// Speaker names across the collection: each raw name's canonical form and its variants.
struct SpeakerNames {
    canonical: HashMap<String, String>,
    variants: HashMap<String, BTreeSet<String>>,
}

impl SpeakerNames {
    fn new<'a>(prepared: &'a [Prepared], existing: impl Iterator<Item = &'a str>) -> SpeakerNames {
        // Every occurrence counts: the collection's most frequent full spelling wins.
        let raw: Vec<&str> = prepared
            .iter()
            .flat_map(|p| {
                p.passages
                    .iter()
                    .filter_map(|passage| passage.speaker.as_deref())
            })
            .chain(existing)
            .collect();
        let canonical = attribution::canonical_names(raw);
        let mut variants: HashMap<String, BTreeSet<String>> = HashMap::new();
        for (name, canonical_name) in &canonical {
            let entry = variants.entry(canonical_name.clone()).or_default();
            entry.insert(name.clone());
            entry.insert(canonical_name.clone());
        }
        SpeakerNames {
            canonical,
            variants,
        }
    }

    fn canonicalise(&self, passages: &mut [Passage]) {
        for passage in passages {
            if let Some(name) = passage.speaker.as_ref().and_then(|s| self.canonical.get(s)) {
                passage.speaker = Some(name.clone());
            }
        }
    }

    fn variants(&self, canonical: &str) -> BTreeSet<String> {
        self.variants
            .get(canonical)
            .cloned()
            .unwrap_or_else(|| BTreeSet::from([canonical.to_string()]))
    }
}

/// An article as the index holds it (text and paragraphs dropped) with its passages.
pub type AttributedArticle = (Article, Vec<Passage>);

/// The articles and passages `newsdex index --rebuild` would store for these inputs, made
/// without an index: for evaluations that score attribution in-process (`tests/polnear_eval.rs`).
///
/// Same stages and bookkeeping as [`run`] into an empty index: files in path order, a
/// byte-identical duplicate kept once under the first id (listed in `Summary::duplicates`),
/// speaker names canonicalised across the collection. Each article's passages come in text
/// order, as `newsdex show` lists them; its text and paragraphs are dropped, as the index keeps
/// only the passages. Not for updating an index: nothing is read from or written to one.
pub fn attribute_collection(
    inputs: &[PathBuf],
    options: &ingest::Options,
) -> Result<(Vec<AttributedArticle>, Summary)> {
    let started = Instant::now();
    let (files, skipped) = ingest::discover(inputs, options)?;
    let mut summary = Summary {
        skipped,
        ..Summary::default()
    };
    let nothing_known = |_: &str, _: &str| false;
    let loaded: Vec<ingest::Loaded> = files
        .par_iter()
        .map(|file| ingest::load(file, options, &nothing_known))
        .collect();
    let mut seen_hashes: HashMap<String, String> = HashMap::new();
    let mut fresh = Vec::new();
    for loaded in loaded {
        summary.warnings.extend(loaded.warnings);
        summary.skipped.extend(loaded.skipped);
        for article in loaded.articles {
            if let Some(original) = seen_hashes.get(&article.content_hash) {
                summary.duplicates.push((article.id, original.clone()));
                continue;
            }
            seen_hashes.insert(article.content_hash.clone(), article.id.clone());
            fresh.push(article);
        }
    }
    let mut prepared: Vec<Prepared> = fresh.into_par_iter().map(prepare).collect();
    let names = SpeakerNames::new(&prepared, std::iter::empty());
    for item in &mut prepared {
        names.canonicalise(&mut item.passages);
        item.passages.sort_by_key(|p| (p.paragraph, p.start));
        summary.indexed += 1;
        summary.passages += item.passages.len();
    }
    summary.elapsed = started.elapsed();
    let articles = prepared
        .into_iter()
        .map(|item| (item.article, item.passages))
        .collect();
    Ok((articles, summary))
}

/// Builds the default index from `seeds/` when it does not exist yet, saying so on stderr.
///
/// Returns whether an index was built.
pub fn ensure_index(index: &Path, seeds: &Path) -> Result<bool> {
    if NewsIndex::exists(index) {
        return Ok(false);
    }
    if !seeds.is_dir() {
        anyhow::bail!(
            "no index in folder {} and no {} folder to build one from; run `newsdex index PATH --index {}`",
            index.display(),
            seeds.display(),
            index.display()
        );
    }
    eprintln!(
        "newsdex: no index in folder {} yet; building it from {} first",
        index.display(),
        seeds.display()
    );
    let job = IndexJob {
        inputs: vec![seeds.to_path_buf()],
        index: index.to_path_buf(),
        ..IndexJob::default()
    };
    let summary = run(&job, &mut |problem| eprintln!("newsdex: {problem}"))?;
    eprintln!("newsdex: {}", summary.line());
    Ok(true)
}

/// Skipped files named in the summary line; each also had its own line as it happened.
const SKIPS_NAMED: usize = 5;

impl Summary {
    /// `indexed 5 articles (120 passages) in 0.12 s; 98 duplicates skipped; skipped 2 files: ...`
    pub fn line(&self) -> String {
        use crate::render::counted;
        let mut line = format!(
            "indexed {} ({}) in {:.2} s",
            counted(self.indexed as u64, "article", "articles"),
            counted(self.passages as u64, "passage", "passages"),
            self.elapsed.as_secs_f64()
        );
        if self.unchanged > 0 {
            line.push_str(&format!("; {} unchanged", self.unchanged));
        }
        if !self.duplicates.is_empty() {
            let duplicates = counted(self.duplicates.len() as u64, "duplicate", "duplicates");
            line.push_str(&format!("; {duplicates} skipped"));
        }
        if !self.skipped.is_empty() {
            let mut reasons: Vec<String> = self
                .skipped
                .iter()
                .take(SKIPS_NAMED)
                .map(|s| format!("{} ({})", short_name(&s.path), s.reason))
                .collect();
            if self.skipped.len() > SKIPS_NAMED {
                reasons.push(format!("and {} more", self.skipped.len() - SKIPS_NAMED));
            }
            line.push_str(&format!(
                "; skipped {}: {}",
                self.skipped.len(),
                reasons.join(", ")
            ));
        }
        line
    }
}

fn short_name(path: &str) -> &str {
    Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(path)
}
