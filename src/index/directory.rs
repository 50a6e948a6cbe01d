//! The index folder on disk as tantivy sees it, with three changes to tantivy's own
//! memory-mapped directory:
//!
//! - `meta.json` and `.managed.json` are written with the umask's permissions (tantivy's
//!   temporary-file writes make them owner-only, so a colleague could not read a shared index);
//! - a reader that cannot create tantivy's meta lock file (a read-only index or file system)
//!   opens the index without it instead of failing;
//! - which files in the folder are newsdex's own, so `--rebuild` removes only those.

use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, WatchCallback, WatchHandle,
    WritePtr, META_LOCK,
};

/// A tantivy directory over an index folder (see the module documentation).
#[derive(Clone, Debug)]
pub struct NewsDirectory {
    inner: MmapDirectory,
    root: PathBuf,
}

impl NewsDirectory {
    /// Opens the folder, which must exist.
    pub fn open(root: &Path) -> tantivy::Result<NewsDirectory> {
        Ok(NewsDirectory {
            inner: MmapDirectory::open(root)?,
            root: root.to_path_buf(),
        })
    }
}

impl Directory for NewsDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.inner.get_file_handle(path)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.inner.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        self.inner.open_write(path)
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.inner.atomic_read(path)
    }

    /// Writes a temporary file created with the umask's permissions, syncs it, renames it.
    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        let target = self.root.join(path);
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
        let temporary = self
            .root
            .join(format!("{TEMPORARY_PREFIX}{name}.{}", std::process::id()));
        let written = (|| {
            let mut file = OpenOptions::new()
                .write(true)
                .create(true)
                .truncate(true)
                .open(&temporary)?;
            file.write_all(data)?;
            file.sync_data()?;
            std::fs::rename(&temporary, &target)
        })();
        if written.is_err() {
            let _ = std::fs::remove_file(&temporary);
        }
        written
    }

    fn sync_directory(&self) -> io::Result<()> {
        self.inner.sync_directory()
    }

    /// The meta lock only keeps a writer's clean-up from deleting files while a reader opens
    /// them; where it cannot even be created, no writer can run either, so reading goes on.
    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        match self.inner.acquire_lock(lock) {
            Err(LockError::IoError(_)) if lock.filepath == META_LOCK.filepath => {
                Ok(DirectoryLock::from(Box::new(())))
            }
            other => other,
        }
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.inner.watch(watch_callback)
    }
}

/// Prefix of newsdex's own temporary files in an index folder.
const TEMPORARY_PREFIX: &str = ".newsdex-tmp-";

/// Whether a file in an index folder was written by newsdex or tantivy for the index:
/// `meta.json`, `.managed.json`, the marker, temporary files and segment files
/// (`<32 hex digits>.<component>`). Lock files are left alone: another process may hold them.
pub fn is_index_file(name: &str) -> bool {
    if matches!(
        name,
        "meta.json" | ".managed.json" | super::MARKER | crate::statements::FILE
    ) {
        return true;
    }
    if name.starts_with(TEMPORARY_PREFIX) || name.starts_with(".tmp") {
        return true;
    }
    let (stem, rest) = name.split_at(name.find('.').unwrap_or(name.len()));
    stem.len() == 32 && stem.bytes().all(|b| b.is_ascii_hexdigit()) && rest.len() > 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segment_files_and_metadata_are_index_files_and_user_files_are_not() {
        for ours in [
            "meta.json",
            ".managed.json",
            "newsdex.json",
            "0123456789abcdef0123456789abcdef.idx",
            "0123456789abcdef0123456789abcdef.3.del",
            ".newsdex-tmp-meta.json.12",
        ] {
            assert!(is_index_file(ours), "{ours}");
        }
        for theirs in [
            "notes.txt",
            ".tantivy-writer.lock",
            ".gitignore",
            "0123456789abcdef0123456789abcdef",
        ] {
            assert!(!is_index_file(theirs), "{theirs}");
        }
    }
}
