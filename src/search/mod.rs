//! Answering queries: ranked passages, facet counts over the whole match set, snippets.
//!
//! An [`Engine`] holds an open index and a warm reader, so many queries (as in `newsdex
//! bench`) pay for opening only once. Results come back as plain data; `render` prints them.

pub mod dates;
mod facets;
pub mod query;
pub mod snippets;
mod suggest;
pub mod syntax;
mod ties;

use std::time::{Duration, Instant};

use anyhow::Result;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::Query;
use tantivy::{IndexReader, Score, Searcher, SegmentReader};

use crate::index::{stored_passage, FacetCounter, NewsIndex};
use crate::model::StoredPassage;
pub use facets::{FacetBy, FacetCounts, UNKNOWN};
pub use query::Filters;
pub use snippets::Snippet;
use ties::Ties;

/// Result order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    #[default]
    Relevance,
    Newest,
    Oldest,
}

/// One search, as plain values.
#[derive(Clone, Debug)]
pub struct Request {
    pub query: String,
    pub filters: Filters,
    pub any: bool,
    pub exact: bool,
    pub sort: Sort,
    pub limit: usize,
    pub offset: usize,
    /// Count the whole match set by speaker, source and date.
    pub facets: Option<FacetBy>,
    /// Fold passages of one statement into one hit (see `statements::fold`).
    pub group: bool,
}

impl Request {
    pub fn new(query: &str) -> Request {
        Request {
            query: query.to_string(),
            filters: Filters::default(),
            any: false,
            exact: false,
            sort: Sort::Relevance,
            limit: 10,
            offset: 0,
            facets: None,
            group: false,
        }
    }
}

/// One ranked passage.
#[derive(Clone, Debug)]
pub struct Hit {
    pub rank: usize,
    pub score: f32,
    pub passage: StoredPassage,
    pub snippet: Snippet,
    /// The passage's statement and who reported it, in grouped searches only.
    pub statement: Option<crate::statements::fold::Carried>,
}

/// What a search found.
#[derive(Clone, Debug)]
pub struct Results {
    pub query: String,
    /// Hits in all (not only those shown): matching passages, or with `--group` the folded
    /// hits (statements, and passages in no statement), so that pages add up to it.
    pub total: usize,
    /// With `--group`, the matching passages those hits fold; `None` in ungrouped searches.
    pub passages: Option<usize>,
    pub took: Duration,
    pub hits: Vec<Hit>,
    pub facets: Option<FacetCounts>,
    /// Advice such as `no speaker "lavrof"; did you mean Sergei Lavrov?`.
    pub hints: Vec<String>,
    /// What was changed in the query to read it, such as a closing quote added.
    pub notes: Vec<String>,
}

/// Passages fetched past the page so that ties at its edge are ordered by article and paragraph.
const TIE_MARGIN: usize = 16;

/// An open index with a warm reader.
pub struct Engine {
    index: NewsIndex,
    reader: IndexReader,
    ties: Ties,
    /// Statement groups of the last index state a grouped search saw (`--group`).
    statements: crate::statements::Cache,
}

impl Engine {
    pub fn new(index: NewsIndex) -> Result<Engine> {
        let reader = index.reader()?;
        Ok(Engine {
            index,
            reader,
            ties: Ties::default(),
            statements: crate::statements::Cache::default(),
        })
    }

    pub fn index(&self) -> &NewsIndex {
        &self.index
    }

    pub fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }

    /// The statement groups of what this engine's reader sees, read once per index state.
    pub fn statements(&self) -> Result<std::sync::Arc<crate::statements::Statements>> {
        self.statements.load(&self.index, &self.reader.searcher())
    }

    /// Moves the reader to the index's last commit (a long-running server calls this per
    /// request, so a search during indexing sees what was last committed).
    pub fn reload(&self) -> Result<()> {
        Ok(self.reader.reload()?)
    }

    /// Runs one search.
    pub fn search(&self, request: &Request) -> Result<Results> {
        if request.group {
            return crate::statements::fold::grouped(self, request);
        }
        let started = Instant::now();
        let searcher = self.reader.searcher();
        let fields = self.index.fields();
        let tantivy_index = self.index.tantivy();
        let (parsed, full_query) = self.parse(request, &searcher)?;

        // No page can hold more passages than the index has, whatever --offset and --limit say.
        let wanted = request
            .offset
            .saturating_add(request.limit)
            .min(searcher.num_docs() as usize);
        let (ranked, total, facet_counts) = if request.limit == 0 || wanted <= request.offset {
            let (total, facets) = self.count(&searcher, &*full_query, request.facets)?;
            (Vec::new(), total, facets)
        } else {
            let top = TopDocs::with_limit(wanted.saturating_add(TIE_MARGIN));
            let (ranked, (total, facets)) = match request.sort {
                Sort::Relevance => {
                    let collector = (
                        top.order_by_score(),
                        Count,
                        facet_collectors(request.facets),
                    );
                    let (ranked, total, facets) = searcher.search(&*full_query, &collector)?;
                    let ranked = ranked.into_iter().map(|(s, a)| (0, s, a)).collect();
                    (ranked, (total, facets))
                }
                Sort::Newest | Sort::Oldest => {
                    let newest = request.sort == Sort::Newest;
                    let by_date =
                        top.tweak_score(move |segment: &SegmentReader| date_key(segment, newest));
                    let collector = (by_date, Count, facet_collectors(request.facets));
                    let (ranked, total, facets) = searcher.search(&*full_query, &collector)?;
                    let ranked = ranked.into_iter().map(|((d, s), a)| (d, s, a)).collect();
                    (ranked, (total, facets))
                }
            };
            let facets = match (request.facets, facets) {
                (Some(by), Some(collected)) => Some(facets::counts(collected, by, total as u64)),
                _ => None,
            };
            (ranked, total, facets)
        };

        let page = self
            .ties
            .page(&searcher, ranked, request.offset, request.limit)?;
        let hits = if page.is_empty() {
            Vec::new()
        } else {
            let snippet_field = if request.exact {
                fields.text_exact
            } else {
                fields.text
            };
            let mut highlighter =
                snippets::Highlighter::new(tantivy_index, &parsed.ast, snippet_field)?;
            page.into_iter()
                .enumerate()
                .map(|(i, (score, address))| {
                    let passage = stored_passage(fields, &searcher.doc(address)?);
                    Ok(Hit {
                        rank: request.offset + i + 1,
                        score,
                        snippet: highlighter.snippet(&passage.text),
                        passage,
                        statement: None,
                    })
                })
                .collect::<Result<Vec<_>>>()?
        };
        let hints = if total == 0 {
            suggest::hints(&self.index, &searcher, &request.filters)?
        } else {
            Vec::new()
        };
        Ok(Results {
            query: request.query.clone(),
            total,
            took: started.elapsed(),
            hits,
            facets: facet_counts,
            hints,
            notes: parsed.notes,
            passages: None,
        })
    }

    /// The request's query as parsed, and the query that finds its matches (the parsed one
    /// under the request's filters).
    fn parse(
        &self,
        request: &Request,
        searcher: &Searcher,
    ) -> Result<(query::Parsed, Box<dyn Query>)> {
        let (index, fields) = (self.index.tantivy(), self.index.fields());
        let parsed = query::parse(
            index,
            searcher,
            fields,
            &request.query,
            request.any,
            request.exact,
        )?;
        let matching = query::with_filters(
            parsed.matching.box_clone(),
            &self.index,
            searcher,
            &request.filters,
        )?;
        Ok((parsed, matching))
    }

    /// Every passage the request matches, unranked (for counting what a grouped search folds).
    pub(crate) fn matching_passages(&self, request: &Request) -> Result<Vec<StoredPassage>> {
        let searcher = self.reader.searcher();
        let (_, matching) = self.parse(request, &searcher)?;
        let fields = self.index.fields();
        searcher
            .search(&*matching, &tantivy::collector::DocSetCollector)?
            .into_iter()
            .map(|address| Ok(stored_passage(fields, &searcher.doc(address)?)))
            .collect()
    }

    fn count(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        by: Option<FacetBy>,
    ) -> Result<(usize, Option<FacetCounts>)> {
        let (total, collected) = searcher.search(query, &(Count, facet_collectors(by)))?;
        let facets = match (by, collected) {
            (Some(by), Some(collected)) => Some(facets::counts(collected, by, total as u64)),
            _ => None,
        };
        Ok((total, facets))
    }
}

/// Sort key for date order: the day for newest, its negation for oldest; undated last.
fn date_key(
    segment: &SegmentReader,
    newest: bool,
) -> impl Fn(tantivy::DocId, Score) -> (i64, Score) {
    let column = segment.fast_fields().date("date").ok();
    move |doc, score| {
        let seconds = column
            .as_ref()
            .and_then(|c| c.first(doc))
            .map(|d| d.into_timestamp_secs());
        let key = match seconds {
            Some(s) if newest => s,
            Some(s) => -s,
            None => i64::MIN,
        };
        (key, score)
    }
}

/// The facet collectors for `--facets`, or nothing.
fn facet_collectors(by: Option<FacetBy>) -> Option<(FacetCounter, FacetCounter, FacetCounter)> {
    by.map(|_| facets::collectors())
}
