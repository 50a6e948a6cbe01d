//! The `newsdex` binary: parse flags, run the command, turn errors into one line and an exit code.
//!
//! Exit status: 0 success (a search with zero hits included), 1 error, 2 usage error (clap's
//! own, and bad flag values such as an out-of-range `--since`).

use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use newsdex::app::UsageError;
use newsdex::cli::{Cli, Command};

/// mimalloc instead of the system allocator: indexing makes many small, short-lived
/// allocations (tokens, mentions, tantivy's documents) on two threads, and glibc's malloc and
/// free were about 15% of a rebuild's instructions (BENCHMARKS.md, "Session 12").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // Help, the version, and the command list a bare `newsdex` prints are not errors to
        // shorten.
        Err(error)
            if !error.use_stderr()
                || error.kind()
                    == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand =>
        {
            error.exit()
        }
        Err(error) => {
            eprintln!("newsdex: {}", usage_line(&error));
            return ExitCode::from(2);
        }
    };
    let index = cli.index_dir();
    let indexing = matches!(cli.command, Command::Index(_));
    // A damaged index can make tantivy panic deep inside a read; the default hook would print
    // a backtrace hint and exit 101. The panic is caught below and reported as one line.
    panic::set_hook(Box::new(|_| {}));
    match panic::catch_unwind(AssertUnwindSafe(|| newsdex::app::run(cli))) {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(error)) => {
            eprintln!("newsdex: {}", one_line(&error));
            if error.downcast_ref::<UsageError>().is_some() {
                ExitCode::from(2)
            } else {
                ExitCode::FAILURE
            }
        }
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            let step = if indexing { "indexing" } else { "reading it" };
            eprintln!(
                "newsdex: index {} cannot be used: {step} stopped on bad data ({}); rebuild it from the files it was built from: `newsdex index --rebuild --index {} PATH...`",
                index.display(),
                first_line(&what),
                index.display()
            );
            ExitCode::FAILURE
        }
    }
}

/// clap's usage error as one line: what it says before its usage block (the flag or argument
/// at fault, and any tip), and where to read more.
fn usage_line(error: &clap::Error) -> String {
    let rendered = error.to_string();
    let said: Vec<&str> = rendered
        .lines()
        .take_while(|line| !line.starts_with("Usage:"))
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with("For more information"))
        .collect();
    let mut message = String::new();
    for line in said {
        if !message.is_empty() {
            message.push_str(if message.ends_with(':') { " " } else { "; " });
        }
        message.push_str(line);
    }
    let message = message.strip_prefix("error: ").unwrap_or(&message);
    // `args_os`: an argument that is not Unicode (a path) must not panic here.
    let command = std::env::args_os().skip(1).find_map(|arg| {
        let arg = arg.to_str()?;
        Cli::command()
            .get_subcommands()
            .any(|sub| sub.get_name() == arg)
            .then(|| arg.to_string())
    });
    match command {
        Some(command) => format!("{message}; see `newsdex {command} --help`"),
        None => format!("{message}; see `newsdex --help`"),
    }
}

/// The error and its causes on one line: `cannot open index: meta.json: invalid JSON`.
fn one_line(error: &anyhow::Error) -> String {
    format!("{error:#}").replace('\n', " ")
}

fn first_line(text: &str) -> String {
    let line = text.lines().next().unwrap_or("internal error");
    line.chars().take(120).collect()
}
