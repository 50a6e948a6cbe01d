//! The `newsdex` binary: parse flags, run the command, turn errors into one line and an exit code.

use std::process::ExitCode;

use clap::Parser;
use newsdex::cli::Cli;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match newsdex::app::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("newsdex: {}", one_line(&error));
            ExitCode::FAILURE
        }
    }
}

/// The error and its causes on one line: `cannot open index: meta.json: invalid JSON`.
fn one_line(error: &anyhow::Error) -> String {
    format!("{error:#}").replace('\n', " ")
}
