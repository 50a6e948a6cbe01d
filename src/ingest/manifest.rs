//! The optional `manifest.json` that gives per-file metadata a news archive would hold.
//!
//! Format: one JSON object keyed by the file's path relative to the input folder (with or
//! without its extension), each value holding any of `title`, `source`, `date` (ISO
//! `YYYY-MM-DD`) and `url`; `null` means unknown.
//!
//! ```json
//! {"002_3771e57ae3d689cd.txt": {"title": null, "source": "Kommersant", "date": "2022-01-14", "url": null}}
//! ```

use std::collections::HashMap;
use std::path::Path;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use serde::Deserialize;

pub const FILE_NAME: &str = "manifest.json";

/// What the manifest (or a JSON Lines record) says about one article.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
pub struct Entry {
    pub title: Option<String>,
    pub source: Option<String>,
    pub date: Option<NaiveDate>,
    pub url: Option<String>,
}

/// Manifest entries by article id.
#[derive(Debug, Default)]
pub struct Manifest {
    entries: HashMap<String, Entry>,
}

impl Manifest {
    /// Reads `manifest.json` from a folder; a folder without one has an empty manifest.
    pub fn load(folder: &Path) -> Result<Manifest> {
        let path = folder.join(FILE_NAME);
        if !path.is_file() {
            return Ok(Manifest::default());
        }
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let raw: HashMap<String, Entry> = serde_json::from_str(&text)
            .with_context(|| format!("{} is not a valid manifest", path.display()))?;
        let entries = raw
            .into_iter()
            .map(|(key, entry)| (strip_extension(&key), entry))
            .collect();
        Ok(Manifest { entries })
    }

    pub fn get(&self, article_id: &str) -> Option<&Entry> {
        self.entries.get(article_id)
    }
}

/// `politics/001.txt` → `politics/001`.
pub fn strip_extension(relative: &str) -> String {
    let path = Path::new(relative);
    match path.extension() {
        Some(_) => path.with_extension("").to_string_lossy().replace('\\', "/"),
        None => relative.replace('\\', "/"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_with_or_without_extension_find_the_article() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(FILE_NAME),
            r#"{"a.txt": {"source": "Reuters", "date": "2022-01-26"}, "sub/b": {"title": "B"}}"#,
        )
        .unwrap();
        let manifest = Manifest::load(dir.path()).unwrap();
        let a = manifest.get("a").unwrap();
        assert_eq!(a.source.as_deref(), Some("Reuters"));
        assert_eq!(a.date, NaiveDate::from_ymd_opt(2022, 1, 26));
        assert_eq!(manifest.get("sub/b").unwrap().title.as_deref(), Some("B"));
    }

    #[test]
    fn a_broken_manifest_names_itself() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE_NAME), "{oops").unwrap();
        let err = format!("{:#}", Manifest::load(dir.path()).unwrap_err());
        assert!(
            err.contains("manifest.json is not a valid manifest"),
            "{err}"
        );
    }

    #[test]
    fn no_manifest_is_an_empty_one() {
        let dir = tempfile::tempdir().unwrap();
        assert!(Manifest::load(dir.path()).unwrap().get("x").is_none());
    }
}
