//! Query latency, measured the way `newsdex search` runs: parse, search, facets, snippets and
//! rendering to a string, in one process with a warm reader.
//!
//! This module measures and summarises; it asserts nothing about speed and prints nothing
//! (`render` does). Criterion benches in `benches/` cover the same code at finer grain.

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

use crate::index::NewsIndex;
use crate::render::{self, Style};
use crate::search::{Engine, FacetBy, Request, Sort};

/// How to run the benchmark.
#[derive(Clone, Debug)]
pub struct Options {
    /// Timed runs of each query.
    pub runs: usize,
    /// Untimed runs first, to warm caches.
    pub warmup: usize,
    /// Open the index afresh for every run, and time that too.
    pub cold: bool,
}

/// One query of the mix, with a name for the report.
#[derive(Clone, Debug)]
pub struct BenchQuery {
    pub name: String,
    pub request: Request,
}

/// Latency of one query across its runs, in microseconds.
#[derive(Clone, Debug, PartialEq)]
pub struct QueryReport {
    pub name: String,
    pub query: String,
    pub hits: usize,
    pub p50_us: f64,
    pub p95_us: f64,
    pub p99_us: f64,
    pub max_us: f64,
}

/// The whole run.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub documents: u64,
    pub runs: usize,
    pub cold: bool,
    pub queries: Vec<QueryReport>,
    pub overall_p50_us: f64,
    pub overall_p99_us: f64,
    /// Single-thread queries per second over all timed runs.
    pub qps: f64,
}

/// The default mix: a two-word phrase, a rare and a common term, an AND of two terms, a phrase
/// with a speaker filter, a faceted query and a date-sorted query.
pub fn default_mix() -> Vec<BenchQuery> {
    let named = |name: &str, request: Request| BenchQuery {
        name: name.to_string(),
        request,
    };
    let mut with_speaker = Request::new("\"written response\"");
    with_speaker.filters.speakers = vec!["lavrov".to_string()];
    let mut faceted = Request::new("\"prime minister\"");
    faceted.facets = Some(FacetBy::Day);
    let mut by_date = Request::new("sanctions");
    by_date.sort = Sort::Newest;
    vec![
        named("phrase", Request::new("\"red line\"")),
        named("rare term", Request::new("perturbed")),
        named("common term", Request::new("said")),
        named("and", Request::new("security guarantees")),
        named("phrase+speaker", with_speaker),
        named("facets", faceted),
        named("sort by date", by_date),
    ]
}

/// One search per line, turned into a request by `parse_line`; blank lines and `#` comments
/// are skipped. A line that cannot be parsed fails the whole file, naming the line.
pub fn read_queries(
    path: &Path,
    parse_line: impl Fn(&str) -> Result<Request>,
) -> Result<Vec<BenchQuery>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read query file {}", path.display()))?;
    let mut queries = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let request = parse_line(line)
            .with_context(|| format!("query file {}, line {}", path.display(), number + 1))?;
        queries.push(BenchQuery {
            name: line.to_string(),
            request,
        });
    }
    if queries.is_empty() {
        bail!("query file {} has no queries", path.display());
    }
    Ok(queries)
}

/// Runs every query `warmup + runs` times and summarises the timed runs.
pub fn run(index_path: &Path, queries: &[BenchQuery], options: &Options) -> Result<Report> {
    let mut engine = Engine::new(NewsIndex::open(index_path)?)?;
    let documents = engine.searcher().num_docs();
    let mut reports = Vec::new();
    let mut all = Vec::new();
    for query in queries {
        for _ in 0..options.warmup {
            search_and_render(&engine, &query.request)?;
        }
        let mut samples = Vec::with_capacity(options.runs);
        let mut hits = 0;
        for _ in 0..options.runs {
            let started = Instant::now();
            if options.cold {
                engine = Engine::new(NewsIndex::open(index_path)?)?;
            }
            hits = search_and_render(&engine, &query.request)?;
            samples.push(started.elapsed());
        }
        all.extend_from_slice(&samples);
        samples.sort();
        reports.push(QueryReport {
            name: query.name.clone(),
            query: query.request.query.clone(),
            hits,
            p50_us: percentile_us(&samples, 50.0),
            p95_us: percentile_us(&samples, 95.0),
            p99_us: percentile_us(&samples, 99.0),
            max_us: percentile_us(&samples, 100.0),
        });
    }
    all.sort();
    let busy: Duration = all.iter().sum();
    Ok(Report {
        documents,
        runs: options.runs,
        cold: options.cold,
        queries: reports,
        overall_p50_us: percentile_us(&all, 50.0),
        overall_p99_us: percentile_us(&all, 99.0),
        qps: if busy.is_zero() {
            0.0
        } else {
            all.len() as f64 / busy.as_secs_f64()
        },
    })
}

/// What one `newsdex search` does after start-up; returns the total hit count.
pub fn search_and_render(engine: &Engine, request: &Request) -> Result<usize> {
    let results = engine.search(request)?;
    let rendered = render::results_text(&results, Style::Plain);
    std::hint::black_box(rendered);
    Ok(results.total)
}

/// Nearest-rank percentile of sorted samples, in microseconds.
pub fn percentile_us(sorted: &[Duration], percent: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((percent / 100.0) * sorted.len() as f64).ceil() as usize;
    let index = rank.clamp(1, sorted.len()) - 1;
    sorted[index].as_secs_f64() * 1e6
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let samples: Vec<Duration> = (1..=100).map(Duration::from_micros).collect();
        assert_eq!(percentile_us(&samples, 50.0), 50.0);
        assert_eq!(percentile_us(&samples, 99.0), 99.0);
        assert_eq!(percentile_us(&samples, 100.0), 100.0);
        assert_eq!(percentile_us(&samples[..1], 99.0), 1.0);
        assert_eq!(percentile_us(&[], 50.0), 0.0);
    }
}
