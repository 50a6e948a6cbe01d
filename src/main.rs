//! The `newsdex` binary: parse flags, run the command, turn errors into one line and an exit code.
//!
//! Exit status: 0 success (a search with zero hits included), 1 error, 2 usage error (clap's
//! own, and bad flag values such as an out-of-range `--since`).

use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;

use clap::Parser;
use newsdex::app::UsageError;
use newsdex::cli::{Cli, Command};

/// mimalloc instead of the system allocator: indexing makes many small, short-lived
/// allocations (tokens, mentions, tantivy's documents) on two threads, and glibc's malloc and
/// free were about 15% of a rebuild's instructions (BENCHMARKS.md, "Session 12").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
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
                "newsdex: index {} cannot be used: {step} stopped on bad data ({}); rebuild it with `newsdex index --rebuild --index {}`",
                index.display(),
                first_line(&what),
                index.display()
            );
            ExitCode::FAILURE
        }
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
