//! Runs one parsed command: calls the library stages and prints through `render`.
//!
//! `main.rs` stays thin by handing everything here; this module owns which stage each
//! subcommand calls, not how the stages work.

use std::collections::HashSet;
use std::path::Path;

use anyhow::{anyhow, bail, Result};
use clap::Parser;

use crate::bench;
use crate::cli::{BenchArgs, Cli, Command, FacetByArg, IndexArgs, SearchArgs, SearchLine, SortArg};
use crate::index::NewsIndex;
use crate::ingest;
use crate::model::SpeakerKind;
use crate::pipeline::{self, IndexJob};
use crate::render::{self, Style};
use crate::search::{dates, Engine, FacetBy, Filters, Request, Sort};

/// Where `newsdex` looks for articles to build a missing index from.
pub const SEEDS: &str = "seeds";

pub fn run(cli: Cli) -> Result<()> {
    let style = Style::for_stdout(cli.color.into());
    match cli.command {
        Command::Index(args) => index(&cli.index, args),
        Command::Stats(args) => {
            let index = open_for_reading(&cli.index)?;
            let stats = index.stats(&index.reader()?.searcher())?;
            print_out(if args.json {
                render::stats_json(&stats)
            } else {
                render::stats_text(&stats, style)
            });
            Ok(())
        }
        Command::Show(args) => {
            let index = open_for_reading(&cli.index)?;
            let passages = index.article_passages(&index.reader()?.searcher(), &args.article_id)?;
            if passages.is_empty() {
                bail!(
                    "no article {:?} in index {}; `newsdex stats` lists what is there",
                    args.article_id,
                    cli.index.display()
                );
            }
            print_out(if args.json {
                render::article_json(&passages)
            } else {
                render::article_text(&passages, style)
            });
            Ok(())
        }
        Command::Speakers(args) => list_speakers(&cli.index, args.json),
        Command::Sources(args) => list_values(&cli.index, "source_facet", args.json),
        Command::Search(args) => search(&cli.index, args, style),
        Command::Bench(args) => bench(&cli.index, args),
    }
}

fn index(index_path: &Path, args: IndexArgs) -> Result<()> {
    let job = IndexJob {
        inputs: args.paths,
        index: index_path.to_path_buf(),
        ingest: ingest::Options {
            max_file_size: args.max_file_size,
            default_source: args.source,
            use_manifest: !args.no_manifest,
        },
        rebuild: args.rebuild,
    };
    let summary = pipeline::run(&job, &mut |problem| eprintln!("newsdex: {problem}"))?;
    print_out(if args.json {
        render::summary_json(&summary)
    } else {
        summary.line()
    });
    Ok(())
}

/// Opens the index for a reading command, building it from `seeds/` first when missing.
pub fn open_for_reading(index_path: &Path) -> Result<NewsIndex> {
    pipeline::ensure_index(index_path, Path::new(SEEDS))?;
    NewsIndex::open(index_path)
}

fn list_values(index_path: &Path, field: &str, json: bool) -> Result<()> {
    let index = open_for_reading(index_path)?;
    let values = index.facet_values(&index.reader()?.searcher(), field)?;
    print_out(if json {
        render::value_counts_json(&values)
    } else {
        render::value_counts_text(&values)
    });
    Ok(())
}

/// `newsdex speakers`: every speaker with its kind (person or organisation) and passage count.
fn list_speakers(index_path: &Path, json: bool) -> Result<()> {
    let index = open_for_reading(index_path)?;
    let searcher = index.reader()?.searcher();
    let organisations: HashSet<String> = index
        .known_values(&searcher, "organisation_facet")?
        .into_iter()
        .collect();
    let speakers: Vec<(String, SpeakerKind, u64)> = index
        .facet_values(&searcher, "speaker_facet")?
        .into_iter()
        .map(|(name, count)| {
            let kind = if organisations.contains(&name) {
                SpeakerKind::Organisation
            } else {
                SpeakerKind::Person
            };
            (name, kind, count)
        })
        .collect();
    print_out(if json {
        render::speaker_counts_json(&speakers)
    } else {
        render::speaker_counts_text(&speakers)
    });
    Ok(())
}

/// Prints a rendered block, ending it with exactly one newline.
///
/// A closed pipe (`newsdex search ... | head`) is not an error worth a message.
fn print_out(text: String) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "{}", text.trim_end_matches('\n')).and_then(|()| stdout.flush());
}

fn search(index_path: &Path, args: SearchArgs, style: Style) -> Result<()> {
    let request = search_request(&args)?;
    let engine = Engine::new(open_for_reading(index_path)?)?;
    let results = engine.search(&request)?;
    for note in &results.notes {
        eprintln!("newsdex: note: {note}");
    }
    for hint in &results.hints {
        eprintln!("newsdex: {hint}");
    }
    print_out(if args.json {
        render::results_json(&results)
    } else {
        render::results_text(&results, style)
    });
    Ok(())
}

/// The search flags as a library request, with dates parsed and checked.
fn search_request(args: &SearchArgs) -> Result<Request> {
    let since = args
        .since
        .as_deref()
        .map(|d| dates::parse(d, dates::End::First, "--since"))
        .transpose()?;
    let until = args
        .until
        .as_deref()
        .map(|d| dates::parse(d, dates::End::Last, "--until"))
        .transpose()?;
    if let (Some(since), Some(until)) = (since, until) {
        if since > until {
            bail!("--since {since} is after --until {until}; nothing can match");
        }
    }
    Ok(Request {
        query: args.query.clone(),
        filters: Filters {
            speakers: args.speaker.clone(),
            sources: args.source.clone(),
            since,
            until,
            articles: args.article.clone(),
            include_boilerplate: args.include_boilerplate,
        },
        any: args.any,
        exact: args.exact,
        sort: match args.sort {
            SortArg::Relevance => Sort::Relevance,
            SortArg::Newest => Sort::Newest,
            SortArg::Oldest => Sort::Oldest,
        },
        limit: args.limit,
        offset: args.offset,
        facets: args.facets.then_some(match args.facet_by {
            FacetByArg::Day => FacetBy::Day,
            FacetByArg::Month => FacetBy::Month,
            FacetByArg::Year => FacetBy::Year,
        }),
    })
}

/// A `bench --queries` line as a request: the query, then from the first ` --` outside
/// quotes on, options split as a shell would split them (`--speaker "Tony Blair"`).
fn search_line(line: &str) -> Result<Request> {
    let (query, options) = line.split_at(options_start(line));
    let options =
        shlex::split(options).ok_or_else(|| anyhow!("unbalanced quotes in {options:?}"))?;
    // The query goes first, where it may start with an exclusion (`-oil sanctions`), as on
    // the command line; a mistyped option after it is then named as one.
    let words = std::iter::once(query.trim().to_string()).chain(options);
    let parsed = SearchLine::try_parse_from(words).map_err(|e| {
        anyhow!(
            "{}",
            first_line(&e.to_string()).trim_start_matches("error: ")
        )
    })?;
    search_request(&parsed.args)
}

/// Where the options of a query line start: the first ` --` outside double quotes.
fn options_start(line: &str) -> usize {
    let mut quoted = false;
    for (at, c) in line.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ' ' if !quoted && line[at..].starts_with(" --") => return at,
            _ => {}
        }
    }
    line.len()
}

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or_default()
}

fn bench(index_path: &Path, args: BenchArgs) -> Result<()> {
    let queries = match &args.queries {
        Some(path) => bench::read_queries(path, search_line)?,
        None => bench::default_mix(),
    };
    let options = bench::Options {
        runs: args.runs.max(1),
        warmup: args.warmup,
        cold: args.cold,
    };
    open_for_reading(index_path)?;
    let report = bench::run(index_path, &queries, &options)?;
    print_out(if args.json {
        render::bench_json(&report)
    } else {
        render::bench_text(&report)
    });
    Ok(())
}
