//! The one harness every integration test uses: a temporary directory of files, and a way to
//! run the real `newsdex` binary inside it.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A temporary working directory; removed when dropped.
pub struct TestDir {
    dir: tempfile::TempDir,
}

/// What a run of the binary did.
pub struct Run {
    pub status: std::process::ExitStatus,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    fn from(output: Output) -> Run {
        Run {
            status: output.status,
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// Asserts success and returns stdout.
    pub fn ok(&self) -> &str {
        assert!(
            self.status.success(),
            "newsdex failed: {}\nstdout: {}",
            self.stderr,
            self.stdout
        );
        &self.stdout
    }

    /// Asserts failure and returns stderr.
    pub fn failed(&self) -> &str {
        assert!(
            !self.status.success(),
            "newsdex should have failed\nstdout: {}\nstderr: {}",
            self.stdout,
            self.stderr
        );
        &self.stderr
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(self.ok())
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.stdout))
    }
}

impl TestDir {
    pub fn new() -> TestDir {
        TestDir {
            dir: tempfile::tempdir().expect("temporary directory"),
        }
    }

    /// A directory holding a copy of the repository's `seeds/`.
    pub fn with_seeds() -> TestDir {
        let dir = TestDir::new();
        dir.copy_dir(&repo().join("seeds"), "seeds");
        dir
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn join(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    /// Writes a file, creating its folders.
    pub fn write(&self, relative: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create folders");
        }
        std::fs::write(&path, contents).expect("write file");
        path
    }

    pub fn copy_dir(&self, from: &Path, to: &str) {
        for entry in std::fs::read_dir(from).expect("read folder") {
            let entry = entry.expect("folder entry");
            let target = format!("{to}/{}", entry.file_name().to_string_lossy());
            if entry.path().is_dir() {
                self.copy_dir(&entry.path(), &target);
            } else {
                self.write(&target, std::fs::read(entry.path()).expect("read file"));
            }
        }
    }

    /// Runs `newsdex ARGS` in this directory, with no colour and no inherited index setting.
    pub fn run(&self, args: &[&str]) -> Run {
        Run::from(self.command(args).output().expect("run newsdex"))
    }

    /// The command for `newsdex ARGS`: the binary cargo built, or the one named by
    /// `NEWSDEX_TEST_BINARY` (to check that a new test fails on an older build).
    pub fn command(&self, args: &[&str]) -> Command {
        let binary = std::env::var_os("NEWSDEX_TEST_BINARY")
            .unwrap_or_else(|| env!("CARGO_BIN_EXE_newsdex").into());
        let mut command = Command::new(binary);
        command
            .args(args)
            .current_dir(self.path())
            .env_remove("NEWSDEX_INDEX")
            .env("NO_COLOR", "1");
        command
    }
}

/// The repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The BBC corpus beside the repository, or `None` (with a message saying the test is skipped).
pub fn bbc_corpus(test: &str) -> Option<PathBuf> {
    let path = repo().join("../shared/corpora/bbc");
    if path.is_dir() {
        Some(path)
    } else {
        eprintln!(
            "skipping {test}: the BBC corpus is not at {} (it is expected beside the repository)",
            path.display()
        );
        None
    }
}

/// Number of hits of a `--json` search.
pub fn total(run: &Run) -> u64 {
    run.json()["total"].as_u64().expect("total")
}
