//! `newsdex search --group`: passages of one statement folded into one hit that says who else
//! reported it.
//!
//! For: paging over statements instead of passages, on top of an ordinary search. Not for:
//! ranking (the first-ranked passage of a statement stands for it) or grouping (`grouping`).

use anyhow::Result;
use serde::Serialize;

use super::{Report, Statements};
use crate::model::StoredPassage;
use crate::search::{Engine, Request, Results};

/// A hit's statement: its id and every report of it, first seen first (the hit's own too).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Carried {
    pub statement_id: String,
    pub reported_by: Vec<Report>,
}

/// Runs a search and folds its hits by statement: a hit stands for every passage of its
/// statement ranked below it, and the page (`offset`, `limit`) counts folded hits. Passages
/// without a statement (narration, no speaker) stay hits of their own.
///
/// The search is run with a growing window (doubling) until the page is full or every match
/// was seen, so the page is the same as folding the whole ranked list.
pub fn grouped(engine: &Engine, request: &Request) -> Result<Results> {
    let started = std::time::Instant::now();
    let statements = engine.statements()?;
    let wanted = request.offset.saturating_add(request.limit);
    let mut window = wanted.saturating_mul(2).max(32);
    loop {
        let mut inner = request.clone();
        inner.group = false;
        inner.offset = 0;
        inner.limit = window;
        let mut results = engine.search(&inner)?;
        let seen_all = results.hits.len() >= results.total || window >= results.total;
        let mut kept: Vec<crate::search::Hit> = Vec::new();
        let mut ids = std::collections::HashSet::new();
        for mut hit in std::mem::take(&mut results.hits) {
            let (key, statement) = fold_key(&statements, &hit.passage);
            if let Some(statement_id) = statement {
                hit.statement = Some(Carried {
                    statement_id,
                    reported_by: statements.reports_of(&hit.passage),
                });
            }
            if ids.insert(key) {
                kept.push(hit);
                if kept.len() >= wanted {
                    break;
                }
            }
        }
        if kept.len() >= wanted || seen_all {
            results.hits = kept
                .into_iter()
                .skip(request.offset)
                .take(request.limit)
                .enumerate()
                .map(|(i, mut hit)| {
                    hit.rank = request.offset + i + 1;
                    hit
                })
                .collect();
            results.query = request.query.clone();
            // The pages add up to the folded hits of the whole match set, not its passages.
            let mut folded = std::collections::HashSet::new();
            for passage in engine.matching_passages(request)? {
                folded.insert(fold_key(&statements, &passage).0);
            }
            results.passages = Some(results.total);
            results.total = folded.len();
            results.took = started.elapsed();
            return Ok(results);
        }
        window = window.saturating_mul(2);
    }
}

/// What a passage folds by: its statement id (also returned), or the passage itself when it
/// is in no statement.
fn fold_key(statements: &Statements, passage: &StoredPassage) -> (String, Option<String>) {
    match statements.id_of(passage) {
        Some(id) => (id.clone(), Some(id)),
        None => (
            format!(
                "passage\0{}\0{}\0{}",
                passage.article_id, passage.paragraph, passage.start
            ),
            None,
        ),
    }
}
