//! The progress of `newsdex index` on stderr, stage by stage: reading and attributing files,
//! writing articles, committing and merging segments.
//!
//! On a terminal it is one bar that each stage takes over (so the bar covers the whole run,
//! not only the reading); elsewhere nothing is drawn, unless `NEWSDEX_PROGRESS=log` asks for
//! one line per stage (for logs of long runs, and for tests). Reading is counted in bytes of
//! the files on disk, as they are read, so one multi-gigabyte archive or export moves the bar
//! too; in a log, a run reading at least [`LOG_BYTES_FROM`] also gets a line at each tenth.
//! This module only reports; it does not decide what the stages do.

use std::sync::atomic::{AtomicU64, Ordering};

use indicatif::{ProgressBar, ProgressStyle};

/// Runs reading at least this many bytes (the default `--max-file-size`, 16 MiB) get a log
/// line at each tenth read: below that a run is short enough for its stage lines alone.
pub const LOG_BYTES_FROM: u64 = crate::ingest::DEFAULT_MAX_FILE_SIZE;

/// Progress of one indexing run.
pub struct Progress {
    bar: ProgressBar,
    log: bool,
    /// Bytes to read in the current stage (0 when it does not count bytes), bytes read so far,
    /// and the tenths already written to the log.
    total_bytes: AtomicU64,
    read_bytes: AtomicU64,
    logged_tenths: AtomicU64,
}

impl Progress {
    /// A progress report whose first stage is `stage` over `len` items.
    pub fn new(stage: &str, len: usize, unit: &str) -> Progress {
        let progress = Progress::quiet();
        progress.stage(stage, len, unit);
        progress
    }

    /// A progress report whose first stage reads `files` files of `bytes` bytes in all.
    pub fn reading(stage: &str, files: usize, bytes: u64) -> Progress {
        let progress = Progress::quiet();
        if progress.log {
            eprintln!(
                "newsdex: {stage} ({}, {})",
                crate::render::counted(files as u64, "file", "files"),
                crate::ingest::decode::human_size(bytes)
            );
        }
        progress.total_bytes.store(bytes, Ordering::Relaxed);
        progress.bar.set_length(bytes);
        progress.bar.set_position(0);
        progress.restyle(
            "{spinner} {msg} {bytes}/{total_bytes} [{bar:30}] {binary_bytes_per_sec} {eta}",
        );
        progress.bar.set_message(stage.to_string());
        progress
    }

    fn quiet() -> Progress {
        let log = std::env::var("NEWSDEX_PROGRESS").is_ok_and(|v| v == "log");
        let bar = if log {
            ProgressBar::hidden()
        } else {
            ProgressBar::new(0)
        };
        Progress {
            bar,
            log,
            total_bytes: AtomicU64::new(0),
            read_bytes: AtomicU64::new(0),
            logged_tenths: AtomicU64::new(0),
        }
    }

    fn restyle(&self, template: &str) {
        if let Ok(style) = ProgressStyle::with_template(template) {
            self.bar.set_style(style.progress_chars("=> "));
        }
    }

    /// Starts the next stage: `len` items of `unit` (a spinner alone when `len` is 0).
    pub fn stage(&self, stage: &str, len: usize, unit: &str) {
        if self.log && len > 0 {
            eprintln!("newsdex: {stage} ({len} {unit})");
        } else if self.log {
            eprintln!("newsdex: {stage}");
        }
        self.total_bytes.store(0, Ordering::Relaxed);
        // Length and position first: a new style drawn with the last stage's figures would
        // show them under this stage's unit.
        self.bar.set_length(len as u64);
        self.bar.set_position(0);
        if len == 0 {
            self.restyle("{spinner} {msg}");
        } else {
            self.restyle(&format!(
                "{{spinner}} {{msg}} {{pos}}/{{len}} {unit} [{{bar:30}}] {{eta}}"
            ));
        }
        self.bar.set_message(stage.to_string());
        if len == 0 {
            self.bar.tick();
        }
    }

    /// Says what the current stage is doing now (`attributing 40000 articles`), keeping its count.
    pub fn detail(&self, stage: &str, detail: &str) {
        if detail.is_empty() {
            self.bar.set_message(stage.to_string());
        } else {
            self.bar.set_message(format!("{stage}: {detail}"));
        }
    }

    /// Counts `n` more items done in the current stage.
    pub fn inc(&self, n: usize) {
        self.bar.inc(n as u64);
    }

    /// Counts `n` more bytes read in a stage started by [`Progress::reading`]; safe to call from
    /// several threads at once.
    pub fn read(&self, n: u64) {
        self.bar.inc(n);
        let total = self.total_bytes.load(Ordering::Relaxed);
        if !self.log || total < LOG_BYTES_FROM {
            return;
        }
        let done = self.read_bytes.fetch_add(n, Ordering::Relaxed) + n;
        let tenths = (done.min(total) * 10 / total).min(10);
        if tenths > self.logged_tenths.fetch_max(tenths, Ordering::Relaxed) {
            eprintln!(
                "newsdex: read {}% ({} of {})",
                tenths * 10,
                crate::ingest::decode::human_size(done.min(total)),
                crate::ingest::decode::human_size(total)
            );
        }
    }

    /// Removes the bar once the run is over.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_read_move_the_bar_from_any_thread() {
        let progress = Progress::reading("reading", 2, 1000);
        std::thread::scope(|scope| {
            for _ in 0..4 {
                scope.spawn(|| progress.read(250));
            }
        });
        assert_eq!(progress.bar.position(), 1000);
        progress.stage("writing", 3, "articles");
        assert_eq!(progress.bar.position(), 0);
        assert_eq!(progress.bar.length(), Some(3));
    }
}
