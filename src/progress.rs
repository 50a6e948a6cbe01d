//! The progress of `newsdex index` on stderr, stage by stage: reading and attributing files,
//! writing articles, committing and merging segments.
//!
//! On a terminal it is one bar that each stage takes over (so the bar covers the whole run,
//! not only the reading); elsewhere nothing is drawn, unless `NEWSDEX_PROGRESS=log` asks for
//! one line per stage (for logs of long runs, and for tests). This module only reports; it
//! does not decide what the stages do.

use indicatif::{ProgressBar, ProgressStyle};

/// Progress of one indexing run.
pub struct Progress {
    bar: ProgressBar,
    log: bool,
}

impl Progress {
    /// A progress report whose first stage is `stage` over `len` items.
    pub fn new(stage: &str, len: usize, unit: &str) -> Progress {
        let log = std::env::var("NEWSDEX_PROGRESS").is_ok_and(|v| v == "log");
        let bar = if log {
            ProgressBar::hidden()
        } else {
            ProgressBar::new(0)
        };
        let progress = Progress { bar, log };
        progress.stage(stage, len, unit);
        progress
    }

    /// Starts the next stage: `len` items of `unit` (a spinner alone when `len` is 0).
    pub fn stage(&self, stage: &str, len: usize, unit: &str) {
        if self.log && len > 0 {
            eprintln!("newsdex: {stage} ({len} {unit})");
        } else if self.log {
            eprintln!("newsdex: {stage}");
        }
        let template = if len == 0 {
            "{spinner} {msg}".to_string()
        } else {
            format!("{{spinner}} {{msg}} {{pos}}/{{len}} {unit} [{{bar:30}}] {{eta}}")
        };
        if let Ok(style) = ProgressStyle::with_template(&template) {
            self.bar.set_style(style.progress_chars("=> "));
        }
        self.bar.set_message(stage.to_string());
        self.bar.set_length(len as u64);
        self.bar.set_position(0);
        if len == 0 {
            self.bar.tick();
        }
    }

    /// Counts `n` more items done in the current stage.
    pub fn inc(&self, n: usize) {
        self.bar.inc(n as u64);
    }

    /// Removes the bar once the run is over.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
