//! Every command-line flag, defined in one place with clap's derive API.
//!
//! This module only describes the interface; `main.rs` dispatches and the library does the work.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::ingest::DEFAULT_MAX_FILE_SIZE;
use crate::render::ColorChoice;

#[derive(Debug, Parser)]
#[command(
    name = "newsdex",
    version,
    about = "Search news articles for who said what, where and when",
    long_about = "newsdex indexes news articles into passages that each carry their speaker, \
their article's source and date, and answers ranked phrase and faceted searches.\n\n\
With no index yet, reading commands first build one from ./seeds.",
    after_help = "Examples:\n  \
newsdex search '\"red line\"' --speaker lavrov\n  \
newsdex search '\"written response\"' --facets\n  \
newsdex index seeds --index /tmp/newsdex-seeds --source \"Seed articles\"\n  \
newsdex bench\n\n\
Exit status:\n  \
0  success (a search with zero hits is a success too)\n  \
1  error: a bad query, a missing or damaged index, unreadable input, a failed write\n  \
2  usage error: an unknown flag, a bad value (such as a date outside 1800-2199)"
)]
pub struct Cli {
    /// Index folder [default: index, built from ./seeds when missing]; reading commands given
    /// a folder with no index fail instead of building one
    #[arg(long, global = true, env = "NEWSDEX_INDEX")]
    pub index: Option<PathBuf>,

    /// When to colour the output: auto (on a terminal, unless NO_COLOR is set or TERM=dumb),
    /// always or never
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorArg::Auto)]
    pub color: ColorArg,

    #[command(subcommand)]
    pub command: Command,
}

/// `--color` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

impl From<ColorArg> for ColorChoice {
    fn from(arg: ColorArg) -> ColorChoice {
        match arg {
            ColorArg::Auto => ColorChoice::Auto,
            ColorArg::Always => ColorChoice::Always,
            ColorArg::Never => ColorChoice::Never,
        }
    }
}

/// The index folder used when neither `--index` nor `NEWSDEX_INDEX` names one.
pub const DEFAULT_INDEX: &str = "index";

impl Cli {
    /// The index folder: the one given, or the default.
    pub fn index_dir(&self) -> PathBuf {
        self.index
            .clone()
            .unwrap_or_else(|| PathBuf::from(DEFAULT_INDEX))
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Add articles to the index (incremental: unchanged files are skipped)
    #[command(after_help = "Examples:\n  newsdex index\n  \
newsdex index seeds/000_a15f8050d5731815.txt seeds/001_6a9b0ba25ffe49f7.txt\n  \
newsdex index seeds --index /tmp/newsdex-seeds --source \"Seed articles\"\n  newsdex index --rebuild")]
    Index(IndexArgs),
    /// Search passages, best first
    #[command(after_help = "Query language:\n  \
red line            both words (AND); --any for either\n  \
\"red line\"          the phrase (stemmed: also \"red lines\")\n  \
\"red line\"~2        the phrase with up to 2 words between\n  \
sanctions -oil      exclude a word (a query may start with one: -oil sanctions)\n  \
(nato OR otan) AND expansion\n  \
title:russia        a word in the title (also speaker:, source:, kind:)\n  \
Putin's             apostrophes inside words need no quotes\n  \
*                   every passage: with --speaker, all that one speaker said\n\n\
Accents are folded (Sefcovic finds Šefčovič) unless --exact. A phrase whose closing quote \
is missing runs to the end of the query (with a note). Queries are limited to 1000 \
characters and 32 nested parentheses.\n\n\
Examples:\n  \
newsdex search '\"red line\"' --speaker lavrov\n  \
newsdex search '\"written response\"' --facets\n  \
newsdex search sanctions --since 2022-01-20 --source sputnik --sort newest\n  \
newsdex search '\"red lines\"' --exact --json\n  \
newsdex search '-nato russia'")]
    Search(SearchArgs),
    /// Counts of articles and passages, by source and by date
    #[command(after_help = "Examples:\n  newsdex stats\n  newsdex stats --json\n  \
newsdex stats --index /tmp/newsdex-seeds")]
    Stats(StatsArgs),
    /// One article's metadata and passages, with speakers and the evidence for them
    #[command(after_help = "Examples:\n  newsdex show 002_3771e57ae3d689cd\n  \
newsdex show 004_9c85c5a5ec5c4165 --json\n\n\
Article ids are printed beside every hit of `newsdex search` (`newsdex search '*'` lists \
every passage).")]
    Show(ShowArgs),
    /// Every speaker with its passage count
    #[command(after_help = "Examples:\n  newsdex speakers\n  newsdex speakers --json")]
    Speakers(ListArgs),
    /// Every source with its passage count
    #[command(after_help = "Examples:\n  newsdex sources\n  newsdex sources --json")]
    Sources(ListArgs),
    /// Measure query latency (p50, p95, p99) over a query mix
    #[command(
        after_help = "Examples:\n  newsdex bench\n  newsdex bench --runs 10 --warmup 2 --json\n  \
newsdex bench --queries benches/bbc-queries.txt --runs 5"
    )]
    Bench(BenchArgs),
    /// Serve the HTTP API (same JSON as --json) and a search page, read-only
    #[command(
        after_help = "Examples:\n  newsdex serve\n  newsdex serve --addr 127.0.0.1:8080 --index /tmp/bbc\n  \
NEWSDEX_TOKEN=secret newsdex serve --addr 0.0.0.0:7700\n\n\
API: GET /api/search?q=..., /api/articles/{id}, /api/speakers, /api/sources, /api/stats,\n  \
/healthz, /api/openapi.json; the page is at /. A non-loopback address needs a token, sent as\n  \
`Authorization: Bearer TOKEN` with every API request."
    )]
    Serve(ServeArgs),
    /// Statements reported by several articles: who said it, who reported it first, who
    /// repeated it and how the wording changed
    #[command(after_help = "Examples:\n  newsdex quotes --speaker lavrov\n  \
newsdex quotes sanctions --since 2022-01-20 --min-sources 2\n  \
newsdex quotes --json\n\n\
One row per statement, most reported first: the speaker, the fullest wording, then every \
report (first seen first) with its date, source and article, and how its wording differs \
from the fullest: same, shortened or reworded, with the differing words [marked].")]
    Quotes(QuotesArgs),
}

#[derive(Debug, Args)]
pub struct QuotesArgs {
    /// Only statements with a passage matching this query (the search query language)
    #[arg(allow_hyphen_values = true)]
    pub query: Option<String>,
    /// Only statements by this speaker (repeatable; any name variant or a surname)
    #[arg(long, value_name = "NAME")]
    pub speaker: Vec<String>,
    /// Only statements with a report from this source (repeatable)
    #[arg(long, value_name = "NAME")]
    pub source: Vec<String>,
    /// Only statements with a report dated on or after this day (YYYY, YYYY-MM or YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only statements with a report dated on or before this day (YYYY, YYYY-MM or YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Only statements carried by at least this many outlets (an article of unknown source
    /// counts as an outlet of its own)
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub min_sources: usize,
    /// Number of statements to show
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Files or folders of .txt, .md, .html/.htm articles and .jsonl, .csv, .tsv collections
    /// and .warc archives (those four also as .gz or .zst); none: seeds/, for a new index or
    /// one built from seeds/ alone
    pub paths: Vec<PathBuf>,
    /// Source of every article that has none from its manifest or text
    #[arg(long, value_name = "NAME")]
    pub source: Option<String>,
    /// Ignore manifest.json files (title, source and date then come from the text)
    #[arg(long)]
    pub no_manifest: bool,
    /// Which CSV/TSV columns hold which fields (id, title, text, date, source, url, author),
    /// for headers the common names do not cover: `--columns title=headline,text=body`
    #[arg(long, value_name = "FIELD=COLUMN,...", value_parser = crate::ingest::csv::parse_column_choice)]
    pub columns: Option<crate::ingest::csv::ColumnChoice>,
    /// Skip files larger than this many bytes
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_FILE_SIZE)]
    pub max_file_size: u64,
    /// Start from an empty index (also repairs a broken or outdated one); only a folder
    /// newsdex made (holding newsdex.json) or an empty one is ever cleared
    #[arg(long)]
    pub rebuild: bool,
    /// Keep the articles of files that are gone from the given folders (by default they are
    /// removed)
    #[arg(long)]
    pub keep_missing: bool,
    /// Print the summary as JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The query (see the query language below); it may start with `-word`
    #[arg(allow_hyphen_values = true)]
    pub query: String,
    /// Only passages by this speaker (repeatable; any name variant or a surname)
    #[arg(long, value_name = "NAME")]
    pub speaker: Vec<String>,
    /// Only passages from this source (repeatable)
    #[arg(long, value_name = "NAME")]
    pub source: Vec<String>,
    /// Only passages dated on or after this day (YYYY, YYYY-MM or YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only passages dated on or before this day (YYYY, YYYY-MM or YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Only passages of this article (repeatable)
    #[arg(long, value_name = "ID")]
    pub article: Vec<String>,
    /// Match any word instead of all of them
    #[arg(long)]
    pub any: bool,
    /// Match words as written, without stemming
    #[arg(long)]
    pub exact: bool,
    /// Also search web-page boilerplate
    #[arg(long)]
    pub include_boilerplate: bool,
    /// Result order
    #[arg(long, value_enum, default_value_t = SortArg::Relevance)]
    pub sort: SortArg,
    /// Number of hits to show
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Number of hits to skip
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// Count all matches by speaker, source and date
    #[arg(long)]
    pub facets: bool,
    /// Date bucket for --facets
    #[arg(long, value_enum, default_value_t = FacetByArg::Day)]
    pub facet_by: FacetByArg,
    /// Fold passages of one statement into one hit, with who else reported it
    #[arg(long)]
    pub group: bool,
    /// Print JSON (the documented contract) instead of text
    #[arg(long)]
    pub json: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    Relevance,
    Newest,
    Oldest,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FacetByArg {
    Day,
    Month,
    Year,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Article id (its path without extension, e.g. politics/001; with it where namesakes differ
    /// only by extension, e.g. politics/001.md)
    pub article_id: String,
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
}

/// One line of a `bench --queries` file: a query and `newsdex search` options.
#[derive(Debug, Parser)]
#[command(name = "search", no_binary_name = true)]
pub struct SearchLine {
    #[command(flatten)]
    pub args: SearchArgs,
}

#[derive(Debug, Args)]
pub struct BenchArgs {
    /// File with one search per line: a query, then any search options, as in
    /// `"prime minister" --facets --speaker blair` (default: a built-in mix)
    #[arg(long, value_name = "FILE")]
    pub queries: Option<PathBuf>,
    /// Timed runs of each query
    #[arg(long, default_value_t = 50)]
    pub runs: usize,
    /// Untimed runs of each query first
    #[arg(long, default_value_t = 5)]
    pub warmup: usize,
    /// Also time opening the index, each run
    #[arg(long)]
    pub cold: bool,
    /// Print JSON instead of a table
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address and port to listen on (port 0 picks a free one, printed on stderr)
    #[arg(long, value_name = "IP:PORT", default_value = "127.0.0.1:7700")]
    pub addr: SocketAddr,
    /// File holding the token API requests must send as `Authorization: Bearer TOKEN`
    /// (else $NEWSDEX_TOKEN); required when --addr is not a loopback address
    #[arg(long, value_name = "FILE")]
    pub token_file: Option<PathBuf>,
    /// Worker threads answering requests
    #[arg(long, default_value_t = 2)]
    pub threads: usize,
}
