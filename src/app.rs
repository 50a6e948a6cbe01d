//! Runs one parsed command: calls the library stages and prints through `render`.
//!
//! `main.rs` stays thin by handing everything here; this module owns which stage each
//! subcommand calls, not how the stages work.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Result};
use chrono::NaiveDate;
use clap::Parser;
use tantivy::TantivyError;

use crate::bench;
use crate::cli::{
    BenchArgs, Cli, Command, FacetByArg, IndexArgs, SearchArgs, SearchLine, ServeArgs, SortArg,
};
use crate::index::NewsIndex;
use crate::ingest;
use crate::model::SpeakerKind;
use crate::pipeline::{self, IndexJob};
use crate::render::{self, Style};
use crate::search::{dates, Engine, FacetBy, Filters, Request, Sort};

/// Where `newsdex` looks for articles to build a missing index from.
pub const SEEDS: &str = "seeds";

/// An error in how newsdex was called (a bad flag value); `main` exits with status 2.
#[derive(Debug)]
pub struct UsageError(pub String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

/// Where reading commands find the index, and whether they may build it.
struct IndexPlace {
    path: PathBuf,
    /// Named by `--index` or `NEWSDEX_INDEX`: then it is only read, never built.
    given: bool,
}

pub fn run(cli: Cli) -> Result<()> {
    let style = Style::for_stdout(cli.color.into());
    let place = IndexPlace {
        path: cli.index_dir(),
        given: cli.index.is_some(),
    };
    let path = place.path.clone();
    run_command(cli.command, place, style).map_err(|error| {
        // A tantivy error surfacing from a read means damaged index files: say so in words,
        // with the repair command, instead of tantivy's internal message.
        match error
            .chain()
            .find_map(|cause| cause.downcast_ref::<TantivyError>())
        {
            // Out of disk space or a lock is no damage: no repair to advise.
            Some(cause @ (TantivyError::IoError(_) | TantivyError::LockFailure(..))) => anyhow!(
                "index {}: {}",
                path.display(),
                crate::index::describe(cause)
            ),
            Some(cause) => crate::index::broken(&path, &crate::index::describe(cause)),
            None => error,
        }
    })
}

fn run_command(command: Command, place: IndexPlace, style: Style) -> Result<()> {
    match command {
        Command::Index(args) => index(&place.path, args),
        Command::Stats(args) => {
            let index = open_for_reading(&place)?;
            let stats = index.stats(&index.reader()?.searcher())?;
            print_out(if args.json {
                render::stats_json(&stats)
            } else {
                render::stats_text(&stats, style)
            });
            Ok(())
        }
        Command::Show(args) => {
            let index = open_for_reading(&place)?;
            let passages = index.article_passages(&index.reader()?.searcher(), &args.article_id)?;
            if passages.is_empty() {
                bail!(
                    "no article {:?} in index {}; `newsdex search` prints each hit's article id \
                     (`newsdex search '*'` lists them all)",
                    args.article_id,
                    place.path.display()
                );
            }
            print_out(if args.json {
                render::article_json(&passages)
            } else {
                render::article_text(&passages, style)
            });
            Ok(())
        }
        Command::Speakers(args) => list_speakers(&place, args.json),
        Command::Sources(args) => list_values(&place, "source_facet", args.json),
        Command::Search(args) => search(&place, args, style),
        Command::Bench(args) => bench(&place, args),
        Command::Serve(args) => serve(&place, args),
        Command::Quotes(args) => quotes(&place, args, style),
    }
}

fn index(index_path: &Path, args: IndexArgs) -> Result<()> {
    let inputs = if args.paths.is_empty() {
        default_inputs(index_path, args.rebuild)?
    } else {
        args.paths
    };
    let job = IndexJob {
        inputs,
        index: index_path.to_path_buf(),
        ingest: ingest::Options {
            max_file_size: args.max_file_size,
            default_source: args.source,
            use_manifest: !args.no_manifest,
            columns: args.columns.map(|c| c.0).unwrap_or_default(),
        },
        rebuild: args.rebuild,
        keep_missing: args.keep_missing,
    };
    let summary = pipeline::run(&job, &mut |problem| eprintln!("newsdex: {problem}"))?;
    print_out(if args.json {
        render::summary_json(&summary)
    } else {
        summary.line()
    });
    // A file or folder named on the command line that could not be read at all is an error
    // (exit status 1), though the other inputs were indexed: the run did not do what was asked.
    let unread: Vec<&str> = summary
        .skipped
        .iter()
        .filter(|s| {
            job.inputs
                .iter()
                .any(|input| input.display().to_string() == s.path)
        })
        .map(|s| s.path.as_str())
        .collect();
    if !unread.is_empty() {
        bail!(
            "could not read {} named on the command line (see the lines above)",
            unread.join(", ")
        );
    }
    Ok(())
}

/// What `newsdex index` reads when no file or folder is named: `seeds/`, but only for a new
/// index or one built from `seeds/` alone. An index built from other files would otherwise
/// be emptied of them (every article outside `seeds/` counts as gone with `--rebuild`), so
/// for such an index, or one too damaged to say what it holds, the user must name the inputs.
fn default_inputs(index_path: &Path, rebuild: bool) -> Result<Vec<PathBuf>> {
    let seeds = vec![PathBuf::from(SEEDS)];
    if !NewsIndex::exists(index_path) {
        return Ok(seeds);
    }
    let name_them = if rebuild {
        format!(
            "newsdex index --rebuild --index {} PATH...",
            index_path.display()
        )
    } else {
        format!("newsdex index --index {} PATH...", index_path.display())
    };
    let catalog = NewsIndex::open(index_path)
        .and_then(|index| index.catalog())
        .map_err(|_| {
            anyhow!(
                "index {} cannot be read, so the files it was built from are unknown; \
                 name them: `{name_them}`",
                index_path.display()
            )
        })?;
    let Ok(seeds_root) = std::fs::canonicalize(SEEDS) else {
        if catalog.is_empty() {
            return Ok(seeds);
        }
        bail!(
            "no {SEEDS}/ folder here to refresh index {} from; name the files or folders to \
             index: `{name_them}`",
            index_path.display()
        );
    };
    let elsewhere = catalog
        .values()
        .find(|entry| !Path::new(&entry.file).starts_with(&seeds_root));
    match elsewhere {
        None => Ok(seeds),
        Some(entry) => bail!(
            "index {} holds articles from files outside {SEEDS}/ (such as {}); name the files \
             or folders to index: `{name_them}`",
            index_path.display(),
            entry.file
        ),
    }
}

/// Opens the index for a reading command. Only the default index is built (from `seeds/`)
/// when missing; an index folder that was named is read as it is, never created or changed.
fn open_for_reading(place: &IndexPlace) -> Result<NewsIndex> {
    if !place.given {
        pipeline::ensure_index(&place.path, Path::new(SEEDS))?;
    }
    let index = NewsIndex::open(&place.path)?;
    index.verify()?;
    Ok(index)
}

fn list_values(place: &IndexPlace, field: &str, json: bool) -> Result<()> {
    let index = open_for_reading(place)?;
    let values = index.facet_values(&index.reader()?.searcher(), field)?;
    print_out(if json {
        render::value_counts_json(&values)
    } else {
        render::value_counts_text(&values)
    });
    Ok(())
}

/// `newsdex speakers`: every speaker with its kind (person or organisation) and passage count.
fn list_speakers(place: &IndexPlace, json: bool) -> Result<()> {
    let index = open_for_reading(place)?;
    let speakers = speaker_counts(&index, &index.reader()?.searcher())?;
    print_out(if json {
        render::speaker_counts_json(&speakers)
    } else {
        render::speaker_counts_text(&speakers)
    });
    Ok(())
}

/// Every speaker with its kind and passage count, as `newsdex speakers` and the server list them.
pub fn speaker_counts(
    index: &NewsIndex,
    searcher: &tantivy::Searcher,
) -> Result<Vec<(String, SpeakerKind, u64)>> {
    // Passages spoken by each name as an organisation. A name is listed as the kind most of
    // its passages give it: one "Ruiz said" read as an organisation does not make a person one.
    let organisations: HashMap<String, u64> = index
        .facet_values(searcher, "organisation_facet")?
        .into_iter()
        .collect();
    Ok(index
        .facet_values(searcher, "speaker_facet")?
        .into_iter()
        .map(|(name, count)| {
            let as_organisation = organisations.get(&name).copied().unwrap_or(0);
            let kind = if 2 * as_organisation > count {
                SpeakerKind::Organisation
            } else {
                SpeakerKind::Person
            };
            (name, kind, count)
        })
        .collect())
}

/// Prints a rendered block, ending it with exactly one newline.
///
/// A closed pipe (`newsdex search ... | head`) is not an error worth a message.
fn print_out(text: String) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "{}", text.trim_end_matches('\n')).and_then(|()| stdout.flush());
}

fn search(place: &IndexPlace, args: SearchArgs, style: Style) -> Result<()> {
    let request = search_request(&args)?;
    let engine = Engine::new(open_for_reading(place)?)?;
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

/// `--since` and `--until` as days (the first and last day of a year or month given), checked
/// to be in order: usage errors otherwise.
fn date_range(
    since: Option<&str>,
    until: Option<&str>,
) -> Result<(Option<NaiveDate>, Option<NaiveDate>)> {
    let since = since
        .map(|d| dates::parse(d, dates::End::First, "--since"))
        .transpose()
        .map_err(usage)?;
    let until = until
        .map(|d| dates::parse(d, dates::End::Last, "--until"))
        .transpose()
        .map_err(usage)?;
    if let (Some(since), Some(until)) = (since, until) {
        if since > until {
            return Err(usage(anyhow!(
                "--since {since} is after --until {until}; nothing can match"
            )));
        }
    }
    Ok((since, until))
}

/// `newsdex quotes`: statements most reported first, with every report and its wording.
fn quotes(place: &IndexPlace, args: crate::cli::QuotesArgs, style: Style) -> Result<()> {
    let (since, until) = date_range(args.since.as_deref(), args.until.as_deref())?;
    let index = open_for_reading(place)?;
    let request = crate::statements::quotes::QuotesRequest {
        query: args.query.unwrap_or_default(),
        filters: Filters {
            speakers: args.speaker,
            sources: args.source,
            since,
            until,
            ..Filters::default()
        },
        min_sources: args.min_sources,
        limit: args.limit,
    };
    let found = crate::statements::quotes::quotes(&index, &request)?;
    if found.computed {
        eprintln!(
            "newsdex: note: statement groups computed now (the index's {} is missing or older \
             than its last commit; `newsdex index` brings it up to date)",
            crate::statements::FILE
        );
    }
    print_out(if args.json {
        render::quotes_json(&found)
    } else {
        render::quotes_text(&found, style)
    });
    Ok(())
}

/// The search flags as a library request, with dates parsed and checked: the one way both
/// `newsdex search` and `newsdex serve`'s `/api/search` turn their parameters into a search.
pub fn search_request(args: &SearchArgs) -> Result<Request> {
    let (since, until) = date_range(args.since.as_deref(), args.until.as_deref())?;
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
        group: args.group,
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

fn usage(error: anyhow::Error) -> anyhow::Error {
    UsageError(format!("{error:#}")).into()
}

/// `newsdex serve`: the index opened once, then the HTTP API and web page until a signal.
fn serve(place: &IndexPlace, args: ServeArgs) -> Result<()> {
    let token = match &args.token_file {
        Some(path) => {
            let token = std::fs::read_to_string(path)
                .map_err(|e| anyhow!("cannot read token file {}: {e}", path.display()))?
                .trim()
                .to_string();
            // An empty file is a mistake, not a wish to serve without a token.
            if token.is_empty() {
                bail!(
                    "token file {} is empty; write the token into it",
                    path.display()
                );
            }
            Some(token)
        }
        None => std::env::var("NEWSDEX_TOKEN")
            .ok()
            .filter(|token| !token.is_empty()),
    };
    if !args.addr.ip().is_loopback() && token.is_none() {
        return Err(UsageError(format!(
            "serving on {} (not a loopback address) needs a token: --token-file FILE or NEWSDEX_TOKEN",
            args.addr
        ))
        .into());
    }
    let engine = Engine::new(open_for_reading(place)?)?;
    crate::serve::run(
        engine,
        crate::serve::Options {
            addr: args.addr,
            token,
            threads: args.threads.max(1),
        },
    )
}

fn bench(place: &IndexPlace, args: BenchArgs) -> Result<()> {
    let queries = match &args.queries {
        Some(path) => bench::read_queries(path, search_line)?,
        None => bench::default_mix(),
    };
    let options = bench::Options {
        runs: args.runs.max(1),
        warmup: args.warmup,
        cold: args.cold,
    };
    open_for_reading(place)?;
    let report = bench::run(&place.path, &queries, &options)?;
    print_out(if args.json {
        render::bench_json(&report)
    } else {
        render::bench_text(&report)
    });
    Ok(())
}
