//! Everything printed for people or scripts: text tables, highlighted snippets and JSON.
//!
//! Functions here take plain data and return strings; they never query the index. Only this
//! module knows about terminals (colour) and the JSON contract.

use std::fmt::Write as _;

use serde_json::{json, Value};

use crate::bench::Report;
use crate::index::{Count, Stats};
use crate::model::{Origin, SpeakerKind, StoredPassage};
use crate::pipeline::Summary;
use crate::search::{FacetCounts, Results};

/// How to print: plain text, text with ANSI colour, or JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Plain,
    Color,
}

/// When to colour: `--color auto|always|never`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ColorChoice {
    /// On a terminal, unless `NO_COLOR` is set or `TERM` is `dumb`.
    #[default]
    Auto,
    Always,
    Never,
}

impl Style {
    /// The style for stdout: `always` and `never` decide alone; `auto` colours only on a
    /// terminal, and never when `NO_COLOR` is set (to anything but empty) or `TERM=dumb`.
    pub fn for_stdout(choice: ColorChoice) -> Style {
        use std::io::IsTerminal;
        let env = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
        Style::choose(
            choice,
            std::io::stdout().is_terminal(),
            env("NO_COLOR").is_some(),
            env("TERM").is_some_and(|t| t == "dumb"),
        )
    }

    /// The decision of [`Style::for_stdout`], on plain values.
    pub fn choose(choice: ColorChoice, terminal: bool, no_color: bool, dumb: bool) -> Style {
        match choice {
            ColorChoice::Always => Style::Color,
            ColorChoice::Never => Style::Plain,
            ColorChoice::Auto if terminal && !no_color && !dumb => Style::Color,
            ColorChoice::Auto => Style::Plain,
        }
    }

    pub(crate) fn bold(self, text: &str) -> String {
        match self {
            Style::Plain => text.to_string(),
            Style::Color => format!("\x1b[1m{text}\x1b[0m"),
        }
    }

    pub(crate) fn dim(self, text: &str) -> String {
        match self {
            Style::Plain => text.to_string(),
            Style::Color => format!("\x1b[2m{text}\x1b[0m"),
        }
    }

    /// A matched word in a snippet: bold, so it reads on any background and colour scheme.
    pub(crate) fn highlight(self, text: &str) -> String {
        self.bold(text)
    }
}

/// `1 article`, `2 articles`: a count with its noun in the right number.
pub fn counted(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `unknown` for missing values in text output, with control characters removed.
fn or_unknown(value: Option<&str>) -> String {
    clean(value.unwrap_or("unknown"))
}

/// Text from an article with control characters removed (tabs and newlines become spaces),
/// so an escape sequence hidden in a file can never drive the reader's terminal.
pub fn clean(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\t' | '\n' | '\r' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

pub fn summary_json(summary: &Summary) -> String {
    json!({
        "indexed": summary.indexed,
        "passages": summary.passages,
        "unchanged": summary.unchanged,
        "removed": summary.removed,
        "renamed_speakers_in": summary.renamed,
        "duplicates": summary.duplicates.iter().map(|(id, of)| json!({"id": id, "duplicate_of": of})).collect::<Vec<_>>(),
        "skipped": summary.skipped.iter().map(|s| json!({"path": s.path, "reason": s.reason})).collect::<Vec<_>>(),
        "warnings": summary.warnings,
        "seconds": summary.elapsed.as_secs_f64(),
    })
    .to_string()
}

pub fn stats_text(stats: &Stats, style: Style) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}, {}, {}",
        counted(stats.articles, "article", "articles"),
        counted(stats.passages, "passage", "passages"),
        counted(stats.speakers as u64, "speaker", "speakers")
    );
    for (heading, counts) in [("by source", &stats.by_source), ("by date", &stats.by_date)] {
        let _ = writeln!(out, "\n{}", style.bold(heading));
        out.push_str(&count_table(counts));
    }
    out
}

fn count_table(counts: &[Count]) -> String {
    let width = counts
        .iter()
        .map(|c| or_unknown(c.value.as_deref()).chars().count())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for count in counts {
        let _ = writeln!(
            out,
            "  {:<width$}  {:>6} {:<8}  {:>7} {}",
            or_unknown(count.value.as_deref()),
            count.articles,
            if count.articles == 1 {
                "article"
            } else {
                "articles"
            },
            count.passages,
            if count.passages == 1 {
                "passage"
            } else {
                "passages"
            },
        );
    }
    out
}

pub fn stats_json(stats: &Stats) -> String {
    let counts = |key: &str, counts: &[Count]| -> Vec<Value> {
        counts
            .iter()
            .map(|c| json!({key: c.value, "articles": c.articles, "passages": c.passages}))
            .collect()
    };
    json!({
        "articles": stats.articles,
        "passages": stats.passages,
        "speakers": stats.speakers,
        "by_source": counts("source", &stats.by_source),
        "by_date": counts("date", &stats.by_date),
    })
    .to_string()
}

pub fn article_text(passages: &[StoredPassage], style: Style) -> String {
    let Some(first) = passages.first() else {
        return String::new();
    };
    let mut out = String::new();
    let _ = writeln!(out, "{}", style.bold(&or_unknown(first.title.as_deref())));
    let _ = writeln!(out, "id:     {}", clean(&first.article_id));
    let date = first.date.map(|d| d.to_string());
    for (label, value, origin) in [
        ("source:", first.source.as_deref(), first.source_origin),
        ("date:  ", date.as_deref(), first.date_origin),
    ] {
        // Where a value came from is worth saying only when there is one.
        let _ = match (value, origin) {
            (Some(_), origin) if origin != Origin::None => writeln!(
                out,
                "{label} {} (from {})",
                or_unknown(value),
                origin.as_str()
            ),
            _ => writeln!(out, "{label} {}", or_unknown(value)),
        };
    }
    if let Some(url) = &first.url {
        let _ = writeln!(out, "url:    {}", clean(url));
    }
    for passage in passages {
        let speaker = clean(passage.speaker.as_deref().unwrap_or("-"));
        let speaker_kind = passage
            .speaker_kind
            .map(|kind| format!(" ({})", kind.as_str()))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "\n{} {} {}{}",
            style.bold(&format!("¶{}", passage.paragraph)),
            passage.kind.as_str(),
            style.bold(&speaker),
            speaker_kind
        );
        if let Some(evidence) = &passage.evidence {
            let _ = writeln!(out, "  {}", style.dim(&format!("why: {}", clean(evidence))));
        }
        let _ = writeln!(out, "  {}", clean(&passage.text));
    }
    out
}

pub fn article_json(passages: &[StoredPassage]) -> String {
    let Some(first) = passages.first() else {
        return "null".to_string();
    };
    json!({
        "article_id": first.article_id,
        "title": first.title,
        "source": first.source,
        "source_origin": first.source_origin,
        "date": first.date.map(|d| d.to_string()),
        "date_origin": first.date_origin,
        "url": first.url,
        "passages": passages.iter().map(|p| json!({
            "paragraph": p.paragraph,
            "start": p.start,
            "end": p.end,
            "kind": p.kind,
            "speaker": p.speaker,
            "speaker_kind": p.speaker_kind,
            "evidence": p.evidence,
            "text": p.text,
        })).collect::<Vec<_>>(),
    })
    .to_string()
}

/// `newsdex speakers`: each speaker with its kind and passage count.
pub fn speaker_counts_text(speakers: &[(String, SpeakerKind, u64)]) -> String {
    let width = speakers
        .iter()
        .map(|(v, _, _)| v.chars().count())
        .max()
        .unwrap_or(0);
    speakers
        .iter()
        .map(|(name, kind, count)| format!("{name:<width$}  {:<12}  {count:>7}\n", kind.as_str()))
        .collect()
}

/// `newsdex speakers --json`: `[{"value": name, "kind": "person", "count": n}, ...]`.
pub fn speaker_counts_json(speakers: &[(String, SpeakerKind, u64)]) -> String {
    Value::Array(
        speakers
            .iter()
            .map(|(value, kind, count)| json!({"value": value, "kind": kind, "count": count}))
            .collect(),
    )
    .to_string()
}

/// `newsdex speakers` / `newsdex sources`.
pub fn value_counts_text(values: &[(String, u64)]) -> String {
    if values.is_empty() {
        // A line rather than a blank: an index whose articles all lack a source is not broken.
        return "none: no passage in the index has one\n".to_string();
    }
    let values: Vec<(String, u64)> = values.iter().map(|(v, n)| (clean(v), *n)).collect();
    let width = values
        .iter()
        .map(|(v, _)| v.chars().count())
        .max()
        .unwrap_or(0);
    values
        .iter()
        .map(|(value, count)| format!("{value:<width$}  {count:>7}\n"))
        .collect()
}

pub fn value_counts_json(values: &[(String, u64)]) -> String {
    Value::Array(
        values
            .iter()
            .map(|(value, count)| json!({"value": value, "count": count}))
            .collect(),
    )
    .to_string()
}

/// `4 passages in 0.6 ms`, then each hit and the facet tables.
pub fn results_text(results: &Results, style: Style) -> String {
    let mut out = String::new();
    let found = match results.passages {
        // Grouped: the hits the pages add up to, and the passages they fold.
        Some(passages) => format!(
            "{} ({})",
            counted(results.total as u64, "hit", "hits"),
            counted(passages as u64, "passage", "passages")
        ),
        None => counted(results.total as u64, "passage", "passages"),
    };
    let _ = writeln!(
        out,
        "{found} in {:.1} ms",
        results.took.as_secs_f64() * 1000.0
    );
    for hit in &results.hits {
        let passage = &hit.passage;
        let date = passage.date.map(|d| d.to_string());
        let _ = writeln!(
            out,
            "\n{} {}",
            style.bold(&format!("{}.", hit.rank)),
            style.bold(&or_unknown(passage.title.as_deref()))
        );
        let _ = writeln!(
            out,
            "   {} | {} | {} | {} ¶{} | {:.2}",
            or_unknown(passage.source.as_deref()),
            or_unknown(date.as_deref()),
            clean(passage.speaker.as_deref().unwrap_or("no speaker")),
            clean(&passage.article_id),
            passage.paragraph,
            hit.score
        );
        let snippet = hit.snippet.render(|s| style.highlight(&clean(s)), clean);
        let _ = writeln!(out, "   {snippet}");
        if let Some(statement) = &hit.statement {
            let others: Vec<String> = statement
                .reported_by
                .iter()
                .filter(|r| r.article_id != passage.article_id)
                .map(report_line)
                .collect();
            if !others.is_empty() {
                let _ = writeln!(
                    out,
                    "   {}",
                    style.dim(&format!(
                        "also reported by {}: {}",
                        others.len(),
                        others.join("; ")
                    ))
                );
            }
        }
    }
    if let Some(facets) = &results.facets {
        out.push_str(&facets_text(facets, style));
    }
    out
}

/// Facet values shown per table on a terminal; `--json` has them all.
const FACET_ROWS: usize = 10;

/// The first `rows` known values, a row counting the rest, and the `unknown` row if any.
fn shortened(values: &[(String, u64)], rows: usize) -> Vec<(String, u64)> {
    let (unknown, known): (Vec<_>, Vec<_>) = values
        .iter()
        .cloned()
        .partition(|(value, _)| value == crate::search::UNKNOWN);
    if known.len() <= rows {
        return values.to_vec();
    }
    let rest: u64 = known[rows..].iter().map(|(_, n)| n).sum();
    let mut shown = known[..rows].to_vec();
    shown.push((format!("({} more values)", known.len() - rows), rest));
    shown.extend(unknown);
    shown
}

fn facets_text(facets: &FacetCounts, style: Style) -> String {
    let mut out = String::new();
    for (heading, values) in [
        ("speaker", &facets.speaker),
        ("source", &facets.source),
        ("date", &facets.date),
    ] {
        let _ = writeln!(out, "\n{}", style.bold(heading));
        let shown = shortened(values, FACET_ROWS);
        out.push_str(
            &value_counts_text(&shown)
                .lines()
                .map(|l| format!("  {l}\n"))
                .collect::<String>(),
        );
    }
    let dated: Vec<u64> = facets
        .date
        .iter()
        .filter(|(value, _)| value != crate::search::UNKNOWN)
        .map(|(_, n)| *n)
        .collect();
    if dated.len() > 1 {
        let _ = writeln!(out, "  {}", histogram(&dated));
    }
    out
}

/// A one-line bar chart: `▁▃█▂`.
pub fn histogram(counts: &[u64]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    counts
        .iter()
        .map(|&n| BARS[((n * 7 + max / 2) / max) as usize])
        .collect()
}

/// The documented JSON contract (see README.md).
pub fn results_json(results: &Results) -> String {
    let hits: Vec<Value> = results
        .hits
        .iter()
        .map(|hit| {
            let p = &hit.passage;
            let mut hit_json = json!({
                "rank": hit.rank,
                "score": hit.score,
                "article_id": p.article_id,
                "paragraph": p.paragraph,
                "title": p.title,
                "source": p.source,
                "date": p.date.map(|d| d.to_string()),
                "speaker": p.speaker,
                "speaker_kind": p.speaker_kind,
                "text": p.text,
                "snippet": hit.snippet.to_html(),
                "kind": p.kind,
                "evidence": p.evidence,
                "start": p.start,
                "end": p.end,
                "url": p.url,
            });
            // Grouped hits all carry both keys: null and [] for a passage in no statement.
            if results.passages.is_some() {
                hit_json["statement_id"] = json!(hit.statement.as_ref().map(|s| &s.statement_id));
                hit_json["reported_by"] = match &hit.statement {
                    Some(statement) => reports_json(&statement.reported_by),
                    None => json!([]),
                };
            }
            hit_json
        })
        .collect();
    let mut out = json!({
        "query": results.query,
        "total": results.total,
        "took_ms": results.took.as_secs_f64() * 1000.0,
        "hits": hits,
    });
    if let Some(passages) = results.passages {
        out["passages"] = json!(passages);
    }
    if let Some(facets) = &results.facets {
        let list = |values: &[(String, u64)]| -> Vec<Value> {
            values
                .iter()
                .map(|(v, n)| json!({"value": v, "count": n}))
                .collect()
        };
        out["facets"] = json!({
            "speaker": list(&facets.speaker),
            "source": list(&facets.source),
            "date": list(&facets.date),
        });
    }
    if !results.hints.is_empty() {
        out["hints"] = json!(results.hints);
    }
    if !results.notes.is_empty() {
        out["notes"] = json!(results.notes);
    }
    out.to_string()
}

/// `Source, 2022-01-27, article 004 ¶3` for one report of a statement.
fn report_line(report: &crate::statements::Report) -> String {
    let date = report.date.map(|d| d.to_string());
    format!(
        "{}, {}, {} ¶{}",
        or_unknown(report.source.as_deref()),
        or_unknown(date.as_deref()),
        clean(&report.article_id),
        report.paragraph
    )
}

/// Reports of a statement as JSON: `[{"article_id", "paragraph", "start", "source", "date"}]`.
fn reports_json(reports: &[crate::statements::Report]) -> Value {
    Value::Array(
        reports
            .iter()
            .map(|r| {
                json!({
                    "article_id": r.article_id,
                    "paragraph": r.paragraph,
                    "start": r.start,
                    "source": r.source,
                    "date": r.date.map(|d| d.to_string()),
                })
            })
            .collect(),
    )
}

/// `newsdex quotes`: each statement, its fullest wording, then every report first seen first
/// with its wording; words a report has that the fullest lacks are [bracketed] (bold in colour).
pub fn quotes_text(found: &crate::statements::quotes::Quotes, style: Style) -> String {
    use crate::statements::Wording;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}{}",
        counted(found.total as u64, "statement", "statements"),
        if found.rows.len() < found.total {
            format!(", {} shown", found.rows.len())
        } else {
            String::new()
        }
    );
    for (n, row) in found.rows.iter().enumerate() {
        let _ = writeln!(
            out,
            "\n{} {} ({}, {}) [{}]",
            style.bold(&format!("{}.", n + 1)),
            style.bold(&clean(&row.speaker)),
            counted(row.articles as u64, "article", "articles"),
            counted(row.sources as u64, "source", "sources"),
            row.statement_id
        );
        let _ = writeln!(out, "   fullest: \u{201c}{}\u{201d}", clean(&row.fullest));
        for (i, report) in row.reports.iter().enumerate() {
            let date = report.date.map(|d| d.to_string());
            let label = if i == 0 { "first seen" } else { "then" };
            let _ = writeln!(
                out,
                "   {:<10} {} | {} | {} ¶{} | {}",
                label,
                or_unknown(date.as_deref()),
                or_unknown(report.source.as_deref()),
                clean(&report.article_id),
                report.paragraph,
                report.wording.as_str()
            );
            if matches!(report.wording, Wording::Reworded | Wording::Shortened) {
                let words: Vec<String> = report
                    .words
                    .iter()
                    .map(|w| {
                        let text = clean(&w.text);
                        match (w.differs, style) {
                            (false, _) => text,
                            (true, Style::Plain) => format!("[{text}]"),
                            (true, Style::Color) => style.bold(&format!("[{text}]")),
                        }
                    })
                    .collect();
                let _ = writeln!(out, "              {}", words.join(" "));
            }
        }
    }
    out
}

/// `newsdex quotes --json`: `{"total", "statements": [{"statement_id", "speaker", "articles",
/// "sources", "fullest", "reports": [{"article_id", "title", "source", "date", "paragraph",
/// "statement", "wording", "differing_words"}]}]}`.
pub fn quotes_json(found: &crate::statements::quotes::Quotes) -> String {
    json!({
        "total": found.total,
        "statements": found.rows.iter().map(|row| json!({
            "statement_id": row.statement_id,
            "speaker": row.speaker,
            "articles": row.articles,
            "sources": row.sources,
            "fullest": row.fullest,
            "reports": row.reports.iter().map(|r| json!({
                "article_id": r.article_id,
                "title": r.title,
                "source": r.source,
                "date": r.date.map(|d| d.to_string()),
                "paragraph": r.paragraph,
                "statement": r.statement,
                "wording": r.wording,
                "differing_words": r.words.iter().filter(|w| w.differs).map(|w| w.text.as_str()).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
    .to_string()
}

/// The latency table of `newsdex bench`.
pub fn bench_text(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}, {} per query{}",
        counted(report.documents, "passage", "passages"),
        counted(report.runs as u64, "timed run", "timed runs"),
        if report.cold {
            ", opening the index each run"
        } else {
            ""
        }
    );
    let width = report
        .queries
        .iter()
        .map(|q| q.name.chars().count())
        .max()
        .unwrap_or(5)
        .max(5);
    let _ = writeln!(
        out,
        "{:<width$}  {:>7}  {:>9}  {:>9}  {:>9}  {:>9}",
        "query", "hits", "p50 µs", "p95 µs", "p99 µs", "max µs"
    );
    for q in &report.queries {
        let _ = writeln!(
            out,
            "{:<width$}  {:>7}  {:>9.1}  {:>9.1}  {:>9.1}  {:>9.1}",
            q.name, q.hits, q.p50_us, q.p95_us, q.p99_us, q.max_us
        );
    }
    let _ = writeln!(
        out,
        "overall: p50 {:.1} µs, p99 {:.1} µs, {:.0} queries/s on one thread",
        report.overall_p50_us, report.overall_p99_us, report.qps
    );
    out
}

pub fn bench_json(report: &Report) -> String {
    json!({
        "documents": report.documents,
        "runs": report.runs,
        "cold": report.cold,
        "queries": report.queries.iter().map(|q| json!({
            "name": q.name,
            "query": q.query,
            "hits": q.hits,
            "p50_us": q.p50_us,
            "p95_us": q.p95_us,
            "p99_us": q.p99_us,
            "max_us": q.max_us,
        })).collect::<Vec<_>>(),
        "overall": {"p50_us": report.overall_p50_us, "p99_us": report.overall_p99_us, "qps": report.qps},
    })
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_facet_tables_keep_the_top_rows_a_remainder_and_unknown() {
        let values: Vec<(String, u64)> = (0..15)
            .map(|i| (format!("v{i}"), 20 - i))
            .chain([("unknown".to_string(), 7)])
            .collect();
        let shown = shortened(&values, 10);
        assert_eq!(shown.len(), 12);
        assert_eq!(
            shown[10],
            ("(5 more values)".to_string(), 10 + 9 + 8 + 7 + 6)
        );
        assert_eq!(shown[11], ("unknown".to_string(), 7));
        assert_eq!(shortened(&values[..3], 10), values[..3].to_vec());
    }

    #[test]
    fn colour_follows_the_flag_then_the_terminal_and_environment() {
        use ColorChoice::*;
        assert_eq!(Style::choose(Always, false, true, true), Style::Color);
        assert_eq!(Style::choose(Never, true, false, false), Style::Plain);
        assert_eq!(Style::choose(Auto, true, false, false), Style::Color);
        assert_eq!(Style::choose(Auto, false, false, false), Style::Plain);
        assert_eq!(Style::choose(Auto, true, true, false), Style::Plain);
        assert_eq!(Style::choose(Auto, true, false, true), Style::Plain);
    }

    #[test]
    fn highlights_are_bold_not_red() {
        assert_eq!(Style::Color.highlight("x"), "\x1b[1mx\x1b[0m");
    }

    #[test]
    fn histogram_scales_to_the_largest_count() {
        assert_eq!(histogram(&[1, 8, 4]), "▂█▅");
        assert_eq!(histogram(&[0, 0]), "▁▁");
    }
}
