//! Per-query latency distributions (p50, p99) of newsdex and SQLite FTS5 at each corpus size,
//! measured in the same run with the runs interleaved, and the chart of them.
//!
//! Criterion reports a typical time; a percentile needs every query timed on its own, which
//! this target does: for each size and query, `NEWSDEX_BENCH_RUNS` (default 500) timed runs
//! after 20 untimed ones, newsdex and FTS5 alternating run by run. It also times the issue's
//! headline query (the phrase with snippets and speaker/source/date facets, rendered as
//! `newsdex search` renders it). Writes `target/bench-results/latency.json` and `.md` and the
//! chart `benches/latency.svg` (or `NEWSDEX_BENCH_CHART`).

mod common;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use newsdex::bench::{percentile_us, search_and_render};
use newsdex::search::{FacetBy, Request};
use plotters::prelude::*;
use serde_json::{json, Value};

struct Row {
    size: usize,
    query: String,
    engine: &'static str,
    hits: usize,
    p50: f64,
    p99: f64,
}

fn summarise(mut samples: Vec<Duration>) -> (f64, f64) {
    samples.sort();
    (percentile_us(&samples, 50.0), percentile_us(&samples, 99.0))
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let runs: usize = std::env::var("NEWSDEX_BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(500);
    let warmup = 20;
    let mut rows = Vec::new();
    for k in common::sizes() {
        let Some((engine, db)) = common::contestants(k) else {
            return;
        };
        let mut statement = db.prepare(common::FTS5_TOP10).unwrap();
        for query in &common::SHARED {
            let request = Request::new(query.newsdex);
            let (mut ours, mut theirs) = (Vec::with_capacity(runs), Vec::with_capacity(runs));
            for i in 0..warmup + runs {
                let started = Instant::now();
                std::hint::black_box(engine.search(&request).unwrap());
                let newsdex_time = started.elapsed();
                let started = Instant::now();
                std::hint::black_box(common::fts5_top10(&mut statement, query.fts5));
                let fts5_time = started.elapsed();
                if i >= warmup {
                    ours.push(newsdex_time);
                    theirs.push(fts5_time);
                }
            }
            let (p50, p99) = summarise(ours);
            rows.push(Row {
                size: k,
                query: query.name.to_string(),
                engine: "newsdex",
                hits: engine.search(&request).unwrap().total,
                p50,
                p99,
            });
            let (p50, p99) = summarise(theirs);
            rows.push(Row {
                size: k,
                query: query.name.to_string(),
                engine: "fts5",
                hits: common::fts5_count(&db, query.fts5),
                p50,
                p99,
            });
        }
        let mut headline = Request::new("\"prime minister\"");
        headline.facets = Some(FacetBy::Day);
        let mut samples = Vec::with_capacity(runs);
        let mut hits = 0;
        for i in 0..warmup + runs {
            let started = Instant::now();
            hits = search_and_render(&engine, &headline).unwrap();
            if i >= warmup {
                samples.push(started.elapsed());
            }
        }
        let (p50, p99) = summarise(samples);
        rows.push(Row {
            size: k,
            query: "phrase+facets rendered".into(),
            engine: "newsdex",
            hits,
            p50,
            p99,
        });
        eprintln!("latency: {k}x done");
    }
    if rows.is_empty() {
        return;
    }
    report(&rows, runs);
    chart(&rows);
}

fn results_dir() -> PathBuf {
    let dir = common::cache_dir().parent().unwrap().join("bench-results");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn find<'a>(rows: &'a [Row], size: usize, query: &str, engine: &str) -> Option<&'a Row> {
    rows.iter()
        .find(|r| r.size == size && r.query == query && r.engine == engine)
}

fn report(rows: &[Row], runs: usize) {
    let json: Vec<Value> = rows
        .iter()
        .map(|r| {
            json!({"size": r.size, "query": r.query, "engine": r.engine, "hits": r.hits,
                   "p50_us": r.p50, "p99_us": r.p99})
        })
        .collect();
    let json = json!({"runs": runs, "rows": json});
    let dir = results_dir();
    std::fs::write(
        dir.join("latency.json"),
        serde_json::to_string_pretty(&json).unwrap(),
    )
    .unwrap();

    let mut md = String::from(
        "| size | query | newsdex hits | FTS5 hits | newsdex p50 µs | newsdex p99 µs | FTS5 p50 µs | FTS5 p99 µs | FTS5/newsdex p50 | FTS5/newsdex p99 |\n\
         |---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    for r in rows.iter().filter(|r| r.engine == "newsdex") {
        match find(rows, r.size, &r.query, "fts5") {
            Some(f) => md.push_str(&format!(
                "| {}x | {} | {} | {} | {:.0} | {:.0} | {:.0} | {:.0} | {:.1}× | {:.1}× |\n",
                r.size,
                r.query,
                r.hits,
                f.hits,
                r.p50,
                r.p99,
                f.p50,
                f.p99,
                f.p50 / r.p50,
                f.p99 / r.p99
            )),
            None => md.push_str(&format!(
                "| {}x | {} | {} | – | {:.0} | {:.0} | – | – | – | – |\n",
                r.size, r.query, r.hits, r.p50, r.p99
            )),
        }
    }
    std::fs::write(dir.join("latency.md"), &md).unwrap();
    print!("{md}");
    eprintln!("latency: wrote {}", dir.join("latency.json").display());
}

/// Log-log chart of p50 and p99 against corpus size, one panel per shared query.
fn chart(rows: &[Row]) {
    let path = std::env::var_os("NEWSDEX_BENCH_CHART")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("benches/latency.svg"));
    let megabytes = |size: usize| size as f64 * 5.04;
    let (lo, hi) = rows
        .iter()
        .flat_map(|r| [r.p50, r.p99])
        .fold((f64::MAX, 0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let y_range = (lo / 1.5).max(1.0)..hi * 1.5;
    let root = SVGBackend::new(&path, (1000, 460)).into_drawing_area();
    root.fill(&WHITE).unwrap();
    let panels = root.split_evenly((1, common::SHARED.len()));
    for (panel, query) in panels.iter().zip(&common::SHARED) {
        let mut chart = ChartBuilder::on(panel)
            .caption(
                format!("{} query: {}", query.name, query.newsdex),
                ("sans-serif", 18),
            )
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(60)
            .build_cartesian_2d((3.0f64..150.0).log_scale(), y_range.clone().log_scale())
            .unwrap();
        chart
            .configure_mesh()
            .x_desc("corpus (MB of text; 1x, 4x, 20x BBC)")
            .y_desc("latency per query (µs)")
            .x_label_formatter(&|x| format!("{x:.0}"))
            .y_label_formatter(&|y| format!("{y:.0}"))
            .draw()
            .unwrap();
        for (engine, colour) in [("newsdex", BLUE), ("fts5", RED)] {
            for (percentile, dashed) in [("p50", false), ("p99", true)] {
                let points: Vec<(f64, f64)> = rows
                    .iter()
                    .filter(|r| r.query == query.name && r.engine == engine)
                    .map(|r| (megabytes(r.size), if dashed { r.p99 } else { r.p50 }))
                    .collect();
                let label = format!(
                    "{} {percentile}",
                    if engine == "fts5" { "FTS5" } else { engine }
                );
                let style = colour.stroke_width(2);
                let series = if dashed {
                    chart.draw_series(DashedLineSeries::new(points.clone(), 6, 4, style))
                } else {
                    chart.draw_series(LineSeries::new(points.clone(), style))
                };
                series.unwrap().label(label).legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 20, y)], colour.stroke_width(2))
                });
                chart
                    .draw_series(points.iter().map(|&p| Circle::new(p, 3, colour.filled())))
                    .unwrap();
            }
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperLeft)
            .background_style(WHITE.mix(0.8))
            .border_style(BLACK)
            .draw()
            .unwrap();
    }
    root.present().unwrap();
    eprintln!("latency: wrote the chart to {}", path.display());
}
