//! `newsdex index` end to end: files → articles → passages with speakers → the index.
//!
//! This module only sequences the stages and keeps the books (what was added, unchanged,
//! duplicated, removed or skipped, and which file owns each article id); each stage's rules
//! live in its own module. The books are what keep the index true to the files: a run over a
//! folder removes the articles of files gone from it, never lets one file's article overwrite
//! another's, and rewrites earlier passages when a fuller speaker name is learned.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::Result;
use rayon::prelude::*;

use crate::attribution;
use crate::index::{CatalogEntry, NewsIndex, SpeakerSpelling};
use crate::ingest::{self, Skipped};
use crate::model::{Article, Origin, Passage, PassageKind, SpeakerKind, StoredPassage};
use crate::progress::Progress;

/// How to run an indexing job.
#[derive(Clone, Debug, Default)]
pub struct IndexJob {
    pub inputs: Vec<PathBuf>,
    pub index: PathBuf,
    pub ingest: ingest::Options,
    /// Start from an empty index instead of updating.
    pub rebuild: bool,
    /// Keep the articles of files that are gone from the inputs instead of removing them.
    pub keep_missing: bool,
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
    /// Articles taken out of the index because their file (or record) is gone from an input,
    /// or now duplicates another article.
    pub removed: usize,
    /// Earlier articles whose speakers were renamed to a fuller form this run learned.
    pub renamed: usize,
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
/// For each input, the index afterwards holds exactly the articles of the files now under it:
/// articles whose file is gone are removed (unless `keep_missing`), and an article id already
/// used by a file elsewhere is refused with a line naming both files, never overwritten.
/// Problems with single files are collected in the summary (and `on_problem` hears of each as
/// it happens); only problems that stop the whole job (a missing input, a locked or broken
/// index) are errors.
pub fn run(job: &IndexJob, on_problem: &mut dyn FnMut(&str)) -> Result<Summary> {
    crate::attribution::gate::check_model().map_err(anyhow::Error::msg)?;
    let started = Instant::now();
    let (mut files, problems) = ingest::discover(&job.inputs, &job.ingest)?;
    let scopes = scopes(&job.inputs);
    let in_scope = |file: &str| {
        scopes
            .iter()
            .any(|scope| Path::new(file).starts_with(scope))
    };
    let index = open_for_writing(&job.index, job.rebuild)?;
    let mut writer = index.writer()?;
    let catalog = if job.rebuild {
        writer.delete_all()?;
        writer.without_background_merges();
        HashMap::new()
    } else {
        index.catalog()?
    };
    // The ids each file gave last time: a file keeps them whichever folder is named now, and
    // a file (or folder) this run cannot read keeps its articles.
    let mut earlier_by_file: HashMap<&str, Vec<&str>> = HashMap::new();
    for (id, entry) in &catalog {
        earlier_by_file
            .entry(entry.file.as_str())
            .or_default()
            .push(id.as_str());
    }
    for file in &mut files {
        if let Some(earlier) = earlier_by_file.get(file.key.as_str()) {
            file.keep_earlier_id(earlier);
        }
    }
    let mut summary = Summary::default();
    for problem in problems.skipped {
        on_problem(&format!("skipped {}: {}", problem.path, problem.reason));
        summary.skipped.push(problem);
    }
    for warning in problems.warnings {
        on_problem(&format!("warning: {warning}"));
        summary.warnings.push(warning);
    }
    if files.is_empty() && summary.skipped.is_empty() {
        // Most often a mistyped or empty folder: say so rather than report success on nothing.
        let named: Vec<String> = job.inputs.iter().map(|p| p.display().to_string()).collect();
        let warning = format!("no article files found in {}", named.join(", "));
        on_problem(&format!("warning: {warning}"));
        summary.warnings.push(warning);
    }

    // Which file each article id belongs to. Articles from files outside this run's inputs
    // keep their ids while their files exist; inside, the first file in path order wins.
    let mut owners: HashMap<String, String> = HashMap::new();
    // Content already in the index that stays there, for duplicate detection.
    let mut originals: HashMap<String, String> = HashMap::new();
    for (id, entry) in &catalog {
        if !in_scope(&entry.file) && Path::new(&entry.file).exists() {
            owners.insert(id.clone(), entry.file.clone());
            originals.insert(entry.content_hash.clone(), id.clone());
        }
    }
    let known = |id: &str, fingerprint: &str, file: &str| {
        catalog.get(id).is_some_and(|entry| {
            ingest::same_fingerprint(&entry.fingerprint, fingerprint) && entry.file == file
        })
    };
    let mut kept: HashSet<String> = HashSet::new();
    // Earlier articles of files read with errors this run, as (id, file), kept at the end.
    let mut unread: Vec<(String, String)> = Vec::new();
    // A folder that could not be read is bad input, not a deletion, like a file that could
    // not be: the articles indexed from files under it stay.
    for folder in &problems.unread {
        let mut left: Vec<(&String, &CatalogEntry)> = catalog
            .iter()
            .filter(|(_, entry)| Path::new(&entry.file).starts_with(folder))
            .collect();
        if left.is_empty() {
            continue;
        }
        left.sort_by(|a, b| a.0.cmp(b.0));
        let warning = format!(
            "{folder}: could not be read; {} {} indexed from it before {} in the index",
            left.len(),
            if left.len() == 1 {
                "article"
            } else {
                "articles"
            },
            if left.len() == 1 { "stays" } else { "stay" },
        );
        on_problem(&format!("warning: {warning}"));
        summary.warnings.push(warning);
        unread.extend(
            left.into_iter()
                .map(|(id, entry)| (id.clone(), entry.file.clone())),
        );
    }
    let mut prepared = Vec::new();
    let stage = "reading and attributing";
    let total_bytes = files
        .iter()
        .map(|file| std::fs::metadata(&file.path).map_or(0, |m| m.len()))
        .sum();
    let progress = Progress::reading(stage, files.len(), total_bytes);
    let on_read = |n: u64| progress.read(n);
    // Files are read and attributed in parallel a chunk at a time, which bounds memory; the
    // bookkeeping between the two steps runs in file order, so results never depend on timing.
    for chunk in files.chunks(CHUNK_FILES) {
        let loaded: Vec<ingest::Loaded> = chunk
            .par_iter()
            .map(|file| {
                ingest::load_counted(
                    file,
                    &job.ingest,
                    &|id, fingerprint| known(id, fingerprint, &file.key),
                    &on_read,
                )
            })
            .collect();
        let mut fresh = Vec::new();
        for (file, loaded) in chunk.iter().zip(loaded) {
            // A file read with errors (skipped whole, a bad record, a broken stream) or now
            // holding nothing is bad input, not a deletion: what it gave before and did not
            // give again stays, claimed once every file has been read. (A warning alone, such
            // as a Windows-1252 reading, leaves the file whole: its missing records are gone.)
            let troubled = !loaded.skipped.is_empty()
                || loaded.broken
                || (loaded.articles.is_empty() && loaded.unchanged.is_empty());
            if let Some(earlier) = earlier_by_file.get(file.key.as_str()).filter(|_| troubled) {
                let read_again: HashSet<&str> = loaded
                    .articles
                    .iter()
                    .map(|a| a.id.as_str())
                    .chain(loaded.unchanged.iter().map(|(id, _)| id.as_str()))
                    .collect();
                let left: Vec<&str> = earlier
                    .iter()
                    .copied()
                    .filter(|id| !read_again.contains(id))
                    .collect();
                if !left.is_empty() {
                    let warning =
                        format!(
                        "{}: read with errors or empty; {} {} indexed from it before and not read \
                         again {} in the index (delete the file to remove {})",
                        file.path.display(),
                        left.len(),
                        if left.len() == 1 { "article" } else { "articles" },
                        if left.len() == 1 { "stays" } else { "stay" },
                        if left.len() == 1 { "it" } else { "them" },
                    );
                    on_problem(&format!("warning: {warning}"));
                    summary.warnings.push(warning);
                    unread.extend(
                        left.into_iter()
                            .map(|id| (id.to_string(), file.key.clone())),
                    );
                }
            }
            for warning in loaded.warnings {
                on_problem(&format!("warning: {warning}"));
                summary.warnings.push(warning);
            }
            for skipped in loaded.skipped {
                on_problem(&format!("skipped {}: {}", skipped.path, skipped.reason));
                summary.skipped.push(skipped);
            }
            let mut claim = |id: &str| match owners.get(id) {
                Some(owner) if *owner != file.key => {
                    let skipped = Skipped {
                        path: file.path.display().to_string(),
                        reason: format!(
                            "article id {id:?} is already taken by {owner}; not indexed \
                             (index the two collections into separate --index folders, \
                             or move one into a subfolder)"
                        ),
                    };
                    on_problem(&format!("skipped {}: {}", skipped.path, skipped.reason));
                    summary.skipped.push(skipped);
                    false
                }
                _ => {
                    owners.insert(id.to_string(), file.key.clone());
                    true
                }
            };
            for (id, content_hash) in loaded.unchanged {
                if claim(&id) {
                    summary.unchanged += 1;
                    originals.entry(content_hash).or_insert_with(|| id.clone());
                    kept.insert(id);
                }
            }
            fresh.extend(loaded.articles.into_iter().filter(|a| claim(&a.id)));
        }
        // A single large file is read before its articles are attributed: say so, as the
        // bar of bytes read may stand at its end meanwhile.
        let (attributed, count) = (AtomicUsize::new(0), fresh.len());
        prepared.par_extend(fresh.into_par_iter().map(|article| {
            let prepared = prepare(article);
            let done = attributed.fetch_add(1, Ordering::Relaxed) + 1;
            if done % 64 == 1 || done == count {
                progress.detail(stage, &format!("attributing {done}/{count} articles"));
            }
            prepared
        }));
        progress.detail(stage, "");
    }
    // Articles of files read with errors stay under their ids unless a file read this run
    // took the id meanwhile (then that file's article is the one indexed, as for any id).
    for (id, key) in unread {
        if owners.get(&id).is_none_or(|owner| *owner == key) {
            owners.insert(id.clone(), key);
            originals
                .entry(catalog[&id].content_hash.clone())
                .or_insert_with(|| id.clone());
            kept.insert(id);
        }
    }
    progress.stage("writing", prepared.len(), "articles");

    // Duplicates are decided once every unchanged article is known, in file order, so an
    // article is only ever a duplicate of one that stays in the index.
    let mut duplicate_ids = HashSet::new();
    prepared.retain(|item| {
        let article = &item.article;
        match originals.get(&article.content_hash) {
            Some(original) if *original != article.id => {
                summary
                    .duplicates
                    .push((article.id.clone(), original.clone()));
                duplicate_ids.insert(article.id.clone());
                false
            }
            _ => {
                originals.insert(article.content_hash.clone(), article.id.clone());
                kept.insert(article.id.clone());
                true
            }
        }
    });

    let removed: Vec<&String> = catalog
        .iter()
        .filter(|(id, entry)| in_scope(&entry.file) && !kept.contains(*id))
        .filter(|(id, _)| !job.keep_missing || duplicate_ids.contains(*id))
        .map(|(id, _)| id)
        .collect();
    for id in &removed {
        writer.delete_article(id);
    }
    summary.removed = removed.len();

    let searcher = index.reader()?.searcher();
    // Speaker names are merged afresh from every passage the index will hold: the articles
    // that stay (as their own articles spell their speakers) and this run's. So a merge never
    // depends on the order articles came in, and one whose evidence was removed is undone.
    let rewritten: HashSet<&str> = prepared
        .iter()
        .map(|p| p.article.id.as_str())
        .chain(removed.iter().map(|id| id.as_str()))
        .collect();
    let existing = if job.rebuild || rewritten.is_empty() {
        Vec::new()
    } else {
        index.speaker_spellings(&searcher, &rewritten)?
    };
    let names = SpeakerNames::new(&prepared, &existing);
    // Earlier articles whose speakers now merge into another name are rewritten with it, so
    // one person is never counted under two names, nor two people under one.
    let mut renamed: Vec<Prepared> = Vec::new();
    let mut renamed_ids: HashSet<String> = HashSet::new();
    let moved = existing
        .iter()
        .map(|(spelling, _)| spelling)
        .filter(|s| names.merged(Some(s.kind), &s.written) != s.canonical);
    for spelling in moved {
        for id in index.articles_with_spelling(&searcher, spelling)? {
            if rewritten.contains(id.as_str()) || renamed_ids.contains(&id) {
                continue;
            }
            if let Some(entry) = catalog.get(&id) {
                let stored = index.article_passages(&searcher, &id)?;
                renamed.push(restored(entry, &stored));
                renamed_ids.insert(id);
            }
        }
    }
    for item in &mut renamed {
        names.canonicalise(&mut item.passages);
        writer.replace_article(
            &item.article,
            &item.passages,
            &|speaker| names.variants(speaker),
            true,
        )?;
    }
    summary.renamed = renamed.len();
    for item in &mut prepared {
        names.canonicalise(&mut item.passages);
    }
    std::thread::scope(|scope| -> Result<()> {
        let prepared = std::mem::take(&mut prepared);
        // A rebuild's commit holds exactly these passages in this order (one indexing thread,
        // segments merged in order), so their statement groups are computed on another thread
        // while tantivy indexes them, instead of being read back and grouped after the commit
        // with the second core idle.
        let grouping = job.rebuild.then(|| {
            let passages = statement_passages(&prepared);
            scope.spawn(move || crate::statements::compute(&passages))
        });
        // Ids this run has written: a second article under one id (two records of one file)
        // replaces the first, as it always has.
        let mut written: HashSet<&str> = HashSet::new();
        for item in &prepared {
            let id = item.article.id.as_str();
            let replaces = catalog.contains_key(id) || !written.insert(id);
            writer.replace_article(
                &item.article,
                &item.passages,
                &|speaker| names.variants(speaker),
                replaces,
            )?;
            summary.indexed += 1;
            summary.passages += item.passages.len();
            progress.inc(1);
        }
        let wrote = !prepared.is_empty();
        // The passages are queued: their text is freed before the commit and the merge, which
        // need memory of their own.
        drop(written);
        drop(prepared);
        if job.rebuild || wrote || !removed.is_empty() || !renamed.is_empty() {
            progress.stage("committing and merging segments", 0, "");
            writer.commit()?;
            let bulk = job.rebuild || summary.indexed * 2 >= summary.indexed + summary.unchanged;
            // The run's data is committed: tidying segments afterwards can no longer fail it.
            if let Err(e) = writer.finish(bulk) {
                let warning = format!(
                    "everything was committed, but the index could not be compacted ({}); \
                     the next run will try again",
                    e.chain()
                        .find_map(|c| c.downcast_ref::<tantivy::TantivyError>())
                        .map_or_else(|| format!("{e:#}"), crate::index::describe)
                );
                on_problem(&format!("warning: {warning}"));
                summary.warnings.push(warning);
            }
        }
        // Statement groups are derived from every passage now committed (see `statements`); a
        // failure leaves the passages committed and readers compute the groups themselves.
        let saved = match grouping {
            Some(grouping) => {
                progress.stage("grouping statements", 0, "");
                let groups = grouping
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                Some(crate::statements::save(&index, groups))
            }
            None => {
                let searcher = index.reader()?.searcher();
                (!crate::statements::is_current(&index, &searcher)).then(|| {
                    progress.stage("grouping statements", 0, "");
                    crate::statements::refresh(&index)
                })
            }
        };
        if let Some(Err(e)) = saved {
            let warning = format!(
                "everything was committed, but the statement groups could not be saved ({e:#}); \
                 searches compute them until the next run"
            );
            on_problem(&format!("warning: {warning}"));
            summary.warnings.push(warning);
        }
        Ok(())
    })?;
    progress.finish();
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// An indexed article rebuilt from its stored passages, to be written again.
fn restored(entry: &CatalogEntry, stored: &[StoredPassage]) -> Prepared {
    let first = stored.first();
    let article = Article {
        id: first.map(|p| p.article_id.clone()).unwrap_or_default(),
        title: first.and_then(|p| p.title.clone()),
        source: first.and_then(|p| p.source.clone()),
        source_origin: first.map_or(Origin::None, |p| p.source_origin),
        date: first.and_then(|p| p.date),
        date_origin: first.map_or(Origin::None, |p| p.date_origin),
        url: first.and_then(|p| p.url.clone()),
        text: String::new(),
        paragraphs: Vec::new(),
        content_hash: entry.content_hash.clone(),
        fingerprint: entry.fingerprint.clone(),
        file: entry.file.clone(),
    };
    let passages = stored
        .iter()
        .map(|p| Passage {
            paragraph: p.paragraph,
            start: p.start,
            end: p.end,
            text: p.text.clone(),
            kind: p.kind,
            speaker: p.speaker.clone(),
            written_speaker: p.written_speaker.clone(),
            speaker_kind: p.speaker_kind,
            evidence: p.evidence.clone(),
        })
        .collect();
    Prepared { article, passages }
}

/// The passages of `prepared` that can carry a statement, as the index will store and return
/// them (see `statements::gather`): in writing order, with their article's metadata, leaving
/// out an article that a later one under the same id replaces (two records of one file).
fn statement_passages(prepared: &[Prepared]) -> Vec<StoredPassage> {
    let last: HashMap<&str, usize> = prepared
        .iter()
        .enumerate()
        .map(|(i, item)| (item.article.id.as_str(), i))
        .collect();
    prepared
        .iter()
        .enumerate()
        .filter(|&(i, item)| last.get(item.article.id.as_str()) == Some(&i))
        .flat_map(|(_, item)| {
            let article = &item.article;
            // `statements::is_statement`, asked before the copy rather than after it.
            item.passages
                .iter()
                .filter(|p| {
                    p.speaker.is_some()
                        && matches!(p.kind, PassageKind::Quote | PassageKind::Reported)
                })
                .map(move |p| StoredPassage::of(article, p))
        })
        .inspect(|p| debug_assert!(crate::statements::is_statement(p)))
        .collect()
}

/// Each input as the absolute path its files' keys start with.
fn scopes(inputs: &[PathBuf]) -> Vec<PathBuf> {
    inputs
        .iter()
        .filter_map(|input| {
            if input.is_dir() {
                return std::fs::canonicalize(input).ok();
            }
            let parent = match input.parent() {
                Some(parent) if !parent.as_os_str().is_empty() => parent,
                _ => Path::new("."),
            };
            Some(std::fs::canonicalize(parent).ok()?.join(input.file_name()?))
        })
        .collect()
}

/// Files read and attributed together; large enough to keep both cores busy.
const CHUNK_FILES: usize = 256;

/// Opens the index to update it, or creates it; a damaged index is refused with advice to
/// rebuild it, and on `--rebuild` replaced.
fn open_for_writing(path: &Path, rebuild: bool) -> Result<NewsIndex> {
    if rebuild {
        return NewsIndex::for_rebuild(path);
    }
    if !NewsIndex::exists(path) {
        return NewsIndex::create(path);
    }
    let index = NewsIndex::open(path)?;
    index.verify()?;
    Ok(index)
}

/// Attributes an article's passages, then drops its text, which the passages now carry.
fn prepare(mut article: Article) -> Prepared {
    let passages = attribution::passages(&article);
    article.text = String::new();
    article.paragraphs = Vec::new();
    Prepared { article, passages }
}

/// Person names across the collection: the name each written name is merged into, and the
/// written names behind each merged one.
///
/// Organisations of more than one word ("Borders Group", "White House") never merge. A single
/// word the article gave as an organisation may still be a surname whose forename only other
/// articles give ("Lavrov said" with no "Sergei" in its own article): it merges like a bare
/// surname, with the same care (only when one person in the collection bears it), and keeps
/// its kind.
struct SpeakerNames {
    canonical: HashMap<String, String>,
    variants: HashMap<String, BTreeSet<String>>,
}

impl SpeakerNames {
    /// Merges the person names of this run's articles with the `existing` spellings of the
    /// articles that stay. Every passage counts once, as a rebuild would count it: the
    /// collection's most frequent full spelling wins.
    fn new(prepared: &[Prepared], existing: &[(SpeakerSpelling, u64)]) -> SpeakerNames {
        let fresh = prepared
            .iter()
            .flat_map(|p| &p.passages)
            .filter_map(|passage| {
                let written = passage.written_speaker.as_deref()?;
                mergeable(passage.speaker_kind, written).then_some(written)
            });
        let kept = existing
            .iter()
            .filter(|(spelling, _)| mergeable(Some(spelling.kind), &spelling.written))
            .flat_map(|(spelling, count)| {
                std::iter::repeat_n(spelling.written.as_str(), *count as usize)
            });
        let canonical = attribution::canonical_names(fresh.chain(kept));
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

    /// The name a speaker of this kind, written so, is indexed under.
    fn merged<'a>(&'a self, kind: Option<SpeakerKind>, written: &'a str) -> &'a str {
        if mergeable(kind, written) {
            self.canonical.get(written).map_or(written, String::as_str)
        } else {
            written
        }
    }

    /// Gives each passage the merged name of its written speaker.
    fn canonicalise(&self, passages: &mut [Passage]) {
        for passage in passages {
            if let Some(written) = &passage.written_speaker {
                let merged = self.merged(passage.speaker_kind, written).to_string();
                passage.speaker = Some(merged);
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

/// Whether a speaker may be merged with others: a person, or an organisation of one word.
fn mergeable(kind: Option<SpeakerKind>, written: &str) -> bool {
    kind != Some(SpeakerKind::Organisation) || !written.trim().contains(char::is_whitespace)
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
    crate::attribution::gate::check_model().map_err(anyhow::Error::msg)?;
    let started = Instant::now();
    let (files, problems) = ingest::discover(inputs, options)?;
    let mut summary = Summary {
        skipped: problems.skipped,
        warnings: problems.warnings,
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
    let names = SpeakerNames::new(&prepared, &[]);
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
        if self.removed > 0 {
            line.push_str(&format!("; removed {}", self.removed));
        }
        if self.renamed > 0 {
            line.push_str(&format!(
                "; speakers renamed in {} earlier articles",
                self.renamed
            ));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SpeakerKind;

    fn quoted(id: &str, text: &str) -> Prepared {
        let article = Article {
            id: id.to_string(),
            title: None,
            source: None,
            source_origin: Origin::None,
            date: None,
            date_origin: Origin::None,
            url: None,
            text: String::new(),
            paragraphs: Vec::new(),
            content_hash: text.to_string(),
            fingerprint: text.to_string(),
            file: id.to_string(),
        };
        let speaker = |kind| Passage {
            paragraph: 0,
            start: 0,
            end: text.len(),
            text: text.to_string(),
            kind,
            speaker: Some("Jane Doe".to_string()),
            written_speaker: Some("Jane Doe".to_string()),
            speaker_kind: Some(SpeakerKind::Person),
            evidence: None,
        };
        let passages = vec![speaker(PassageKind::Quote), speaker(PassageKind::Narration)];
        Prepared { article, passages }
    }

    /// The grouping of a rebuild sees what its commit holds: an article replaced by a later
    /// record under the same id is not there, nor are passages that carry no statement.
    #[test]
    fn statement_passages_are_those_the_commit_keeps() {
        let prepared = [
            quoted("a", "first record"),
            quoted("b", "other article"),
            quoted("a", "second record"),
        ];
        let texts: Vec<(String, String)> = statement_passages(&prepared)
            .into_iter()
            .map(|p| (p.article_id, p.text))
            .collect();
        assert_eq!(
            texts,
            [
                ("b".to_string(), "other article".to_string()),
                ("a".to_string(), "second record".to_string())
            ]
        );
    }
}
