//! Turning the user's query and filters into one tantivy query.
//!
//! The query text goes through tantivy's query parser, set up on purpose: AND between words
//! unless `--any`, the passage text and the (boosted) title as default fields, stemmed unless
//! `--exact`. Filters (`--speaker`, `--source`, `--since`, `--until`, `--article`) are added as
//! required clauses, and boilerplate is excluded unless asked for.

use std::ops::Bound;

use anyhow::{anyhow, Result};
use chrono::NaiveDate;
use tantivy::query::{
    BooleanQuery, Occur, PhraseQuery, Query, QueryParser, QueryParserError, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Index, Term};

use crate::index::Fields;
use crate::model::PassageKind;

/// How much a match in the title counts against one in the passage.
const TITLE_BOOST: f32 = 2.0;

/// The filters of a search, as plain values.
#[derive(Clone, Debug, Default)]
pub struct Filters {
    pub speakers: Vec<String>,
    pub sources: Vec<String>,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub articles: Vec<String>,
    pub include_boilerplate: bool,
}

/// Parses the query text for the given matching mode.
pub fn parse(
    index: &Index,
    fields: &Fields,
    text: &str,
    any: bool,
    exact: bool,
) -> Result<Box<dyn Query>> {
    let (body, title) = if exact {
        (fields.text_exact, fields.title_exact)
    } else {
        (fields.text, fields.title)
    };
    let mut parser = QueryParser::for_index(index, vec![body, title]);
    parser.set_field_boost(title, TITLE_BOOST);
    if !any {
        parser.set_conjunction_by_default();
    }
    if text.trim().is_empty() {
        return Err(anyhow!(
            "empty query; give some words, a \"phrase\" or field:value"
        ));
    }
    parser
        .parse_query(text)
        .map_err(|e| anyhow!("invalid query {text:?}: {}", explain(&e)))
}

/// Says what is wrong with a query in the user's terms.
fn explain(error: &QueryParserError) -> String {
    match error {
        QueryParserError::SyntaxError(at) => format!(
            "syntax error near {at:?} (check quotes, parentheses and field:value pairs)"
        ),
        QueryParserError::FieldDoesNotExist(field) => format!(
            "unknown field {field:?} (searchable fields: title, text, speaker, source, kind, article)"
        ),
        QueryParserError::AllButQueryForbidden => {
            "only excluded words; add at least one word to look for".to_string()
        }
        other => other.to_string(),
    }
}

/// The query with every filter attached as a required clause.
pub fn with_filters(
    query: Box<dyn Query>,
    fields: &Fields,
    index: &Index,
    filters: &Filters,
) -> Result<Box<dyn Query>> {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, query)];
    if !filters.speakers.is_empty() {
        clauses.push((
            Occur::Must,
            any_name(index, fields.speaker, &filters.speakers)?,
        ));
    }
    if !filters.sources.is_empty() {
        clauses.push((
            Occur::Must,
            any_name(index, fields.source, &filters.sources)?,
        ));
    }
    if filters.since.is_some() || filters.until.is_some() {
        clauses.push((
            Occur::Must,
            date_range(fields.date, filters.since, filters.until),
        ));
    }
    if !filters.articles.is_empty() {
        let ids = filters
            .articles
            .iter()
            .map(|id| term_clause(Term::from_field_text(fields.article, id)))
            .collect();
        clauses.push((Occur::Must, Box::new(BooleanQuery::new(ids))));
    }
    if !filters.include_boilerplate {
        let boilerplate = Term::from_field_text(fields.kind, PassageKind::Boilerplate.as_str());
        clauses.push((
            Occur::MustNot,
            Box::new(TermQuery::new(boilerplate, IndexRecordOption::Basic)),
        ));
    }
    Ok(Box::new(BooleanQuery::new(clauses)))
}

fn term_clause(term: Term) -> (Occur, Box<dyn Query>) {
    (
        Occur::Should,
        Box::new(TermQuery::new(term, IndexRecordOption::Basic)),
    )
}

/// Matches any of the names: a single word as a term, several words as a phrase.
pub fn any_name(index: &Index, field: Field, names: &[String]) -> Result<Box<dyn Query>> {
    let clauses = names
        .iter()
        .map(|name| Ok((Occur::Should, name_query(index, field, name)?)))
        .collect::<Result<Vec<_>>>()?;
    Ok(Box::new(BooleanQuery::new(clauses)))
}

/// One name as a query on a lowercased name field; a name with no words matches nothing.
pub fn name_query(index: &Index, field: Field, name: &str) -> Result<Box<dyn Query>> {
    let mut tokenizer = index.tokenizer_for_field(field)?;
    let mut stream = tokenizer.token_stream(name);
    let mut terms = Vec::new();
    while let Some(token) = stream.next() {
        terms.push(Term::from_field_text(field, &token.text));
    }
    Ok(match terms.len() {
        0 => Box::new(BooleanQuery::new(Vec::new())),
        1 => Box::new(TermQuery::new(terms.remove(0), IndexRecordOption::Basic)),
        _ => Box::new(PhraseQuery::new(terms)),
    })
}

fn date_range(field: Field, since: Option<NaiveDate>, until: Option<NaiveDate>) -> Box<dyn Query> {
    let bound = |date: Option<NaiveDate>| match date {
        Some(date) => Bound::Included(Term::from_field_date(
            field,
            crate::index::to_datetime(date),
        )),
        None => Bound::Unbounded,
    };
    Box::new(RangeQuery::new(bound(since), bound(until)))
}
