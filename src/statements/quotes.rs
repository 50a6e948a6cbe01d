//! `newsdex quotes`: one row per statement, most reported first, with every report's date,
//! source and how its wording differs from the fullest.
//!
//! For: choosing the statements a query and filters touch and describing them as plain data
//! (`render` prints them). Not for: grouping (`grouping`) or ranking passages (`search`).

use std::collections::{BTreeMap, HashMap};

use anyhow::Result;
use serde::Serialize;
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query};

use super::wording::{self, Word, Wording};
use super::{is_statement, load, passages_matching, statement_kinds, Report};
use crate::index::NewsIndex;
use crate::model::StoredPassage;
use crate::search::{query, Filters};

/// What `newsdex quotes` was asked.
#[derive(Clone, Debug, Default)]
pub struct QuotesRequest {
    /// A search query the statement's passages must match; empty for all.
    pub query: String,
    pub filters: Filters,
    /// Only statements carried by at least this many outlets (see [`super::Group::sources`]).
    pub min_sources: usize,
    /// Rows to show.
    pub limit: usize,
}

/// One report of a statement, with its wording.
#[derive(Clone, Debug, Serialize)]
pub struct Carrier {
    pub article_id: String,
    pub title: Option<String>,
    pub source: Option<String>,
    pub date: Option<chrono::NaiveDate>,
    pub paragraph: u32,
    /// The statement's words in this report: its quoted words, or the passage.
    pub statement: String,
    pub wording: Wording,
    /// The statement's words, each marked when the fullest wording lacks it.
    pub words: Vec<Word>,
}

/// One statement.
#[derive(Clone, Debug, Serialize)]
pub struct QuoteRow {
    pub statement_id: String,
    pub speaker: String,
    pub articles: usize,
    pub sources: usize,
    /// The longest wording.
    pub fullest: String,
    /// Every report, first seen first.
    pub reports: Vec<Carrier>,
}

/// What `newsdex quotes` found.
#[derive(Clone, Debug, Serialize)]
pub struct Quotes {
    /// Statements matching, before `--limit`.
    pub total: usize,
    pub rows: Vec<QuoteRow>,
    /// Whether the groups had to be computed because the index's statement file was missing
    /// or out of date.
    pub computed: bool,
}

/// Answers a `newsdex quotes` request.
pub fn quotes(index: &NewsIndex, request: &QuotesRequest) -> Result<Quotes> {
    let searcher = index.reader()?.searcher();
    let statements = load(index, &searcher)?;
    let tantivy_index = index.tantivy();
    let matching: Box<dyn Query> = if request.query.trim().is_empty() {
        Box::new(AllQuery)
    } else {
        query::parse(
            tantivy_index,
            &searcher,
            index.fields(),
            &request.query,
            false,
            false,
        )?
        .matching
    };
    let kinds = statement_kinds(index);
    let both: Box<dyn Query> = Box::new(BooleanQuery::new(vec![
        (Occur::Must, matching),
        (Occur::Must, kinds),
    ]));
    let full = query::with_filters(both, index, &searcher, &request.filters)?;
    let matched = passages_matching(index, &searcher, &*full)?;

    // Each statement touched, with the passages already read.
    let mut touched: BTreeMap<String, Vec<Report>> = BTreeMap::new();
    let mut known: HashMap<super::PassageKey, StoredPassage> = HashMap::new();
    for passage in matched.into_iter().filter(is_statement) {
        let Some(id) = statements.id_of(&passage) else {
            continue;
        };
        touched
            .entry(id)
            .or_insert_with(|| statements.reports_of(&passage));
        known.insert(super::Report::of(&passage).key(), passage);
    }
    // `--since`/`--until` bound what is counted and shown, not only which statements are
    // touched: a report outside the dates is not one of the period's.
    let in_dates = |report: &Report| {
        let (since, until) = (request.filters.since, request.filters.until);
        (since.is_none() && until.is_none())
            || report
                .date
                .is_some_and(|d| since.is_none_or(|s| d >= s) && until.is_none_or(|u| d <= u))
    };
    let mut candidates: Vec<(String, Vec<Report>)> = touched
        .into_iter()
        .map(|(id, reports)| (id, reports.into_iter().filter(in_dates).collect::<Vec<_>>()))
        .filter(|(_, reports)| !reports.is_empty())
        .filter(|(_, reports)| sources(reports) >= request.min_sources.max(1))
        .collect();
    candidates.sort_by(|a, b| {
        sources(&b.1)
            .cmp(&sources(&a.1))
            .then_with(|| articles(&b.1).cmp(&articles(&a.1)))
            .then_with(|| first_date(&a.1).cmp(&first_date(&b.1)))
            .then_with(|| a.0.cmp(&b.0))
    });
    let total = candidates.len();
    let mut article_cache: HashMap<String, Vec<StoredPassage>> = HashMap::new();
    let mut rows = Vec::new();
    for (id, reports) in candidates.into_iter().take(request.limit) {
        let mut passages = Vec::new();
        for report in &reports {
            let key = report.key();
            if let Some(p) = known.get(&key) {
                passages.push(p.clone());
                continue;
            }
            if !article_cache.contains_key(&report.article_id) {
                let stored = index.article_passages(&searcher, &report.article_id)?;
                article_cache.insert(report.article_id.clone(), stored);
            }
            if let Some(p) = article_cache[&report.article_id]
                .iter()
                .find(|p| p.paragraph == report.paragraph && p.start == report.start)
            {
                passages.push(p.clone());
            }
        }
        if let Some(row) = row(id, &passages) {
            rows.push(row);
        }
    }
    Ok(Quotes {
        total,
        rows,
        computed: !statements.from_file,
    })
}

fn sources(reports: &[Report]) -> usize {
    super::Group {
        id: String::new(),
        speaker: String::new(),
        reports: reports.to_vec(),
    }
    .sources()
}

fn articles(reports: &[Report]) -> usize {
    let mut ids: Vec<&str> = reports.iter().map(|r| r.article_id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    ids.len()
}

fn first_date(reports: &[Report]) -> (bool, Option<chrono::NaiveDate>) {
    let date = reports.first().and_then(|r| r.date);
    (date.is_none(), date)
}

/// A statement's row from its passages (first seen first).
fn row(id: String, passages: &[StoredPassage]) -> Option<QuoteRow> {
    let first = passages.first()?;
    let statements: Vec<Vec<String>> = passages
        .iter()
        .map(|p| wording::words(&super::text::statement_text(&p.text)))
        .collect();
    let fullest_at = (0..passages.len()).max_by_key(|&i| (statements[i].len(), usize::MAX - i))?;
    let fullest = &statements[fullest_at];
    let reports = passages
        .iter()
        .zip(&statements)
        .enumerate()
        .map(|(i, (p, words))| {
            let (wording, marked) = if i == fullest_at {
                (
                    Wording::Fullest,
                    words
                        .iter()
                        .map(|w| Word {
                            text: w.clone(),
                            differs: false,
                        })
                        .collect(),
                )
            } else {
                wording::compare(words, fullest)
            };
            Carrier {
                article_id: p.article_id.clone(),
                title: p.title.clone(),
                source: p.source.clone(),
                date: p.date,
                paragraph: p.paragraph,
                statement: super::text::statement_text(&p.text),
                wording,
                words: marked,
            }
        })
        .collect::<Vec<_>>();
    let reported: Vec<Report> = passages.iter().map(Report::of).collect();
    Some(QuoteRow {
        statement_id: id,
        speaker: first.speaker.clone().unwrap_or_default(),
        articles: articles(&reported),
        sources: sources(&reported),
        fullest: super::text::statement_text(&passages[fullest_at].text),
        reports,
    })
}
