//! Statements: passages in different articles that carry the same words of the same speaker
//! (verbatim, cut or reworded) share a statement id, so a reader can see who reported a quote
//! first, who repeated it and how its wording changed.
//!
//! For: grouping the indexed quote and reported-speech passages (rules in `grouping`), keeping
//! the groups beside the index, and answering `newsdex quotes` and `newsdex search --group`.
//! Not for: finding speakers (attribution) or ranking (search).
//!
//! **Where the groups live.** The passages in the index are the truth; the groups are derived
//! from all of them at once and kept in [`FILE`] in the index folder, written by `newsdex index`
//! after each commit. Ids are not written into the passages' documents: adding one article can
//! join two groups or change which report was first, which would mean rewriting other
//! articles' documents. The file records the index state it was computed from (segment ids and
//! deletion counts); a reader that finds it missing or from another state (an index written by
//! an older newsdex, a run stopped between commit and file) computes the groups itself from the
//! stored passages, which gives the same answer, only slower. So the groups are always those of
//! the passages the reader sees, whatever was added, changed or removed.

pub mod fold;
mod grouping;
pub mod quotes;
pub mod text;
pub mod wording;

use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};

use anyhow::{Context, Result};
use chrono::NaiveDate;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use tantivy::collector::DocSetCollector;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, Term};

use crate::index::{stored_passage, NewsIndex};
use crate::model::{PassageKind, StoredPassage};

pub use grouping::same_statement;
pub use wording::Wording;

/// The statement groups of an index, beside its files.
pub const FILE: &str = "statements.json";

/// Bumped when the rules or the file's shape change: an older file is then recomputed.
const VERSION: u32 = 9;

/// Where a passage is: its article, paragraph and byte offset.
pub type PassageKey = (String, u32, usize);

/// One report of a statement: a passage and its article's metadata.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    pub article_id: String,
    pub paragraph: u32,
    pub start: usize,
    pub source: Option<String>,
    pub date: Option<NaiveDate>,
}

impl Report {
    fn of(passage: &StoredPassage) -> Report {
        Report {
            article_id: passage.article_id.clone(),
            paragraph: passage.paragraph,
            start: passage.start,
            source: passage.source.clone(),
            date: passage.date,
        }
    }

    pub fn key(&self) -> PassageKey {
        (self.article_id.clone(), self.paragraph, self.start)
    }
}

/// A statement reported by more than one passage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    pub id: String,
    pub speaker: String,
    /// Every report, first seen first (by date, undated last, then article id).
    pub reports: Vec<Report>,
}

impl Group {
    /// Distinct articles carrying the statement.
    pub fn articles(&self) -> usize {
        self.reports
            .iter()
            .map(|r| r.article_id.as_str())
            .collect::<BTreeSet<_>>()
            .len()
    }

    /// Distinct outlets carrying the statement; an article of unknown source counts as one
    /// of its own, as nothing says it shares an outlet with another.
    pub fn sources(&self) -> usize {
        let mut known = BTreeSet::new();
        let mut unknown = BTreeSet::new();
        for report in &self.reports {
            match &report.source {
                Some(source) => known.insert(source.as_str()),
                None => unknown.insert(report.article_id.as_str()),
            };
        }
        known.len() + unknown.len()
    }
}

/// The id of a statement first seen in this passage: 12 hex digits of a BLAKE3 hash of the
/// speaker and the passage's place. A statement keeps its id while its first report stays.
pub fn statement_id(speaker: &str, key: &PassageKey) -> String {
    let text = format!("{speaker}\0{}\0{}\0{}", key.0, key.1, key.2);
    blake3::hash(text.as_bytes()).to_hex()[..12].to_string()
}

/// What [`FILE`] holds.
#[derive(Serialize, Deserialize)]
struct Stored {
    version: u32,
    /// The index state the groups were computed from (see [`state`]).
    state: Vec<String>,
    groups: Vec<Group>,
}

/// The statement groups of the passages a searcher sees, with a lookup by passage.
#[derive(Debug, Default)]
pub struct Statements {
    pub groups: Vec<Group>,
    by_key: HashMap<PassageKey, usize>,
    /// Whether they came from [`FILE`] (else they were computed for this reader).
    pub from_file: bool,
}

impl Statements {
    fn new(groups: Vec<Group>, from_file: bool) -> Statements {
        let mut by_key = HashMap::new();
        for (i, group) in groups.iter().enumerate() {
            for report in &group.reports {
                by_key.insert(report.key(), i);
            }
        }
        Statements {
            groups,
            by_key,
            from_file,
        }
    }

    /// The group of a passage, when another passage carries its statement too.
    pub fn group_of(&self, key: &PassageKey) -> Option<&Group> {
        self.by_key.get(key).map(|&i| &self.groups[i])
    }

    /// The statement id of a passage with a speaker (its group's, or its own).
    pub fn id_of(&self, passage: &StoredPassage) -> Option<String> {
        let speaker = passage.speaker.as_deref()?;
        if !is_statement(passage) {
            return None;
        }
        let key = Report::of(passage).key();
        Some(match self.group_of(&key) {
            Some(group) => group.id.clone(),
            None => statement_id(speaker, &key),
        })
    }

    /// The reports of a passage's statement: its group's, or the passage alone.
    pub fn reports_of(&self, passage: &StoredPassage) -> Vec<Report> {
        let key = Report::of(passage).key();
        match self.group_of(&key) {
            Some(group) => group.reports.clone(),
            None => vec![Report::of(passage)],
        }
    }
}

/// Whether a passage can carry a statement: quoted or reported speech with a speaker.
pub fn is_statement(passage: &StoredPassage) -> bool {
    passage.speaker.is_some() && matches!(passage.kind, PassageKind::Quote | PassageKind::Reported)
}

/// The index state a searcher sees: each segment's id and its count of deleted passages.
fn state(searcher: &Searcher) -> Vec<String> {
    let mut state: Vec<String> = searcher
        .segment_readers()
        .iter()
        .map(|s| format!("{}:{}", s.segment_id().uuid_string(), s.num_deleted_docs()))
        .collect();
    state.sort();
    state
}

/// A query for every quote and reported-speech passage.
pub fn statement_kinds(index: &NewsIndex) -> Box<dyn Query> {
    let kind = index.fields().kind;
    let clauses: Vec<(Occur, Box<dyn Query>)> = [PassageKind::Quote, PassageKind::Reported]
        .into_iter()
        .map(|k| {
            let term = TermQuery::new(
                Term::from_field_text(kind, k.as_str()),
                IndexRecordOption::Basic,
            );
            (Occur::Should, Box::new(term) as Box<dyn Query>)
        })
        .collect();
    Box::new(BooleanQuery::new(clauses))
}

/// Every passage that may carry a statement, read from the index.
pub fn gather(index: &NewsIndex, searcher: &Searcher) -> Result<Vec<StoredPassage>> {
    passages_matching(index, searcher, &*statement_kinds(index))
}

/// The statement passages matching a query, read from the index.
pub fn passages_matching(
    index: &NewsIndex,
    searcher: &Searcher,
    query: &dyn Query,
) -> Result<Vec<StoredPassage>> {
    let mut addresses: Vec<_> = searcher
        .search(query, &DocSetCollector)?
        .into_iter()
        .collect();
    addresses.sort();
    let fields = index.fields();
    let mut passages = Vec::with_capacity(addresses.len());
    for address in addresses {
        let passage = stored_passage(fields, &searcher.doc(address)?);
        if is_statement(&passage) {
            passages.push(passage);
        }
    }
    Ok(passages)
}

/// Groups passages into statements (see `grouping` for the rule); returns the groups of more
/// than one passage, most reported first.
pub fn compute(passages: &[StoredPassage]) -> Vec<Group> {
    // Identical passages of one speaker on one day (wire copy, reprints, the same article
    // under two ids) are one wording, analysed and compared once.
    let mut wordings: HashMap<(&str, &str, Option<NaiveDate>), usize> = HashMap::new();
    let mut first_of: Vec<usize> = Vec::new();
    let mut wording_of: Vec<usize> = Vec::with_capacity(passages.len());
    for (i, p) in passages.iter().enumerate() {
        let key = (
            p.speaker.as_deref().unwrap_or_default(),
            p.text.as_str(),
            p.date,
        );
        let next = first_of.len();
        let wording = *wordings.entry(key).or_insert_with(|| {
            first_of.push(i);
            next
        });
        wording_of.push(wording);
    }
    let features: Vec<text::Features> = first_of
        .par_iter()
        .map_init(text::Analyzer::new, |analyzer, &i| {
            let p = &passages[i];
            analyzer.features(&p.text, p.speaker.as_deref().unwrap_or_default())
        })
        .collect();
    let items: Vec<grouping::Item> = first_of
        .iter()
        .zip(features)
        .map(|(&i, features)| grouping::Item {
            speaker: passages[i].speaker.as_deref().unwrap_or_default(),
            article: &passages[i].article_id,
            date: passages[i].date,
            features,
        })
        .collect();
    let roots = grouping::groups(&items);
    let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, &wording) in wording_of.iter().enumerate() {
        // A wording too short to compare, and no copy of a longer passage, stays with no
        // other passage, even an identical one.
        let key = if grouping::groupable(&items[wording]) {
            roots[wording]
        } else {
            items.len() + i
        };
        members.entry(key).or_default().push(i);
    }
    let mut groups: Vec<Group> = members
        .into_values()
        .filter(|m| m.len() > 1)
        .map(|m| {
            let mut reports: Vec<Report> = m.iter().map(|&i| Report::of(&passages[i])).collect();
            reports.sort_by(|a, b| {
                (
                    a.date.is_none(),
                    a.date,
                    &a.article_id,
                    a.paragraph,
                    a.start,
                )
                    .cmp(&(
                        b.date.is_none(),
                        b.date,
                        &b.article_id,
                        b.paragraph,
                        b.start,
                    ))
            });
            let speaker = passages[m[0]].speaker.clone().unwrap_or_default();
            Group {
                id: statement_id(&speaker, &reports[0].key()),
                speaker,
                reports,
            }
        })
        .collect();
    groups.sort_by(|a, b| {
        b.articles()
            .cmp(&a.articles())
            .then_with(|| a.id.cmp(&b.id))
    });
    groups
}

/// Recomputes the groups of the index's last commit and writes them to [`FILE`] (through a
/// temporary file and a rename, so a reader never sees half a file).
pub fn refresh(index: &NewsIndex) -> Result<()> {
    let searcher = index.reader()?.searcher();
    save(index, compute(&gather(index, &searcher)?))
}

/// Writes groups to [`FILE`] as those of the index's last commit: for a writer that computed
/// them with [`compute`] from exactly the passages that commit holds, in index order (a
/// rebuild groups its passages while they are being written, instead of reading them back).
pub fn save(index: &NewsIndex, groups: Vec<Group>) -> Result<()> {
    let searcher = index.reader()?.searcher();
    let stored = Stored {
        version: VERSION,
        state: state(&searcher),
        groups,
    };
    write_file(index.path(), &stored)
}

fn write_file(dir: &Path, stored: &Stored) -> Result<()> {
    let path = dir.join(FILE);
    let temporary = dir.join(format!(".{FILE}.tmp"));
    let body = serde_json::to_vec(stored)?;
    std::fs::write(&temporary, body)
        .with_context(|| format!("cannot write {}", temporary.display()))?;
    std::fs::rename(&temporary, &path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

/// Whether [`FILE`] describes what this searcher sees.
pub fn is_current(index: &NewsIndex, searcher: &Searcher) -> bool {
    read_file(index.path()).is_some_and(|s| s.state == state(searcher))
}

fn read_file(dir: &Path) -> Option<Stored> {
    let bytes = std::fs::read(dir.join(FILE)).ok()?;
    serde_json::from_slice::<Stored>(&bytes)
        .ok()
        .filter(|s| s.version == VERSION)
}

/// The statement groups of what the searcher sees: from [`FILE`] when it describes that
/// state, else computed from the stored passages (never written: readers change nothing).
pub fn load(index: &NewsIndex, searcher: &Searcher) -> Result<Statements> {
    if let Some(stored) = read_file(index.path()) {
        if stored.state == state(searcher) {
            return Ok(Statements::new(stored.groups, true));
        }
    }
    Ok(Statements::new(compute(&gather(index, searcher)?), false))
}

/// The statement groups of the last index state a long-lived reader saw, so a server reads
/// [`FILE`] (about 16 MB at 20× BBC) or computes the groups once per index state, not once per
/// grouped request. Keyed by the same index state as the file: after a commit or a merge the
/// next request loads them again.
#[derive(Debug, Default)]
pub struct Cache {
    last: Mutex<Option<(Vec<String>, Arc<Statements>)>>,
}

impl Cache {
    /// The groups of what `searcher` sees: the cached ones when the state is the one they were
    /// loaded for, else [`load`]ed and kept. Concurrent callers of a new state wait for one load.
    pub fn load(&self, index: &NewsIndex, searcher: &Searcher) -> Result<Arc<Statements>> {
        let now = state(searcher);
        let mut last = self.last.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((seen, statements)) = last.as_ref() {
            if *seen == now {
                return Ok(Arc::clone(statements));
            }
        }
        let statements = Arc::new(load(index, searcher)?);
        *last = Some((now, Arc::clone(&statements)));
        Ok(statements)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Origin;

    fn passage(article: &str, day: u32, text: &str) -> StoredPassage {
        StoredPassage {
            article_id: article.to_string(),
            paragraph: 1,
            start: 0,
            end: text.len(),
            kind: PassageKind::Quote,
            title: None,
            text: text.to_string(),
            speaker: Some("Tom Varga".to_string()),
            written_speaker: None,
            speaker_kind: None,
            evidence: None,
            source: Some("Daily".to_string()),
            source_origin: Origin::Manifest,
            date: NaiveDate::from_ymd_opt(2022, 1, day),
            date_origin: Origin::Manifest,
            url: None,
        }
    }

    #[test]
    fn copies_of_a_passage_too_short_to_compare_are_grouped() {
        // The quote alone holds two content words; the passage, framing included, is the
        // same in both editions.
        let copied = "“Your reputation is amazing,” Varga assured Dole,";
        let groups = compute(&[
            passage("monday", 12, copied),
            passage("tuesday", 13, copied),
            passage("other", 13, "“Yes,” Varga said."),
            passage("another", 13, "“Yes,” Varga said."),
        ]);
        assert_eq!(groups.len(), 1);
        let articles: Vec<&str> = groups[0]
            .reports
            .iter()
            .map(|r| r.article_id.as_str())
            .collect();
        assert_eq!(articles, ["monday", "tuesday"]);
    }
}
