//! The optional `manifest.json` that gives per-file metadata a news archive would hold.
//!
//! Format: one JSON object keyed by the file's path relative to the manifest's folder (with or
//! without its extension), each value holding any of `title`, `source`, `date` (ISO
//! `YYYY-MM-DD`) and `url`; `null` means unknown. A manifest applies to the files of its
//! folder and of the folders below it; a deeper manifest's entry for a file wins.
//!
//! ```json
//! {"002_3771e57ae3d689cd.txt": {"title": null, "source": "Kommersant", "date": "2022-01-14", "url": null}}
//! ```
//!
//! A bad manifest never stops a run: a bad value is one warning naming the file, the key and
//! the reason (the entry's other values still count), and a file that is not a JSON object is
//! one warning and is then ignored.

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::Value;

use crate::model::{date_in_range, FIRST_YEAR, LAST_YEAR};

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
    /// The same entries by their keys as written, for files that share a name but for the
    /// extension (`a.txt`, `a.md`): each finds its own.
    exact: HashMap<String, Entry>,
}

impl Manifest {
    /// Reads `manifest.json` from a folder; a folder without one has an empty manifest.
    ///
    /// Returns the manifest with what it could read, and one warning per problem.
    pub fn load(folder: &Path) -> (Manifest, Vec<String>) {
        let path = folder.join(FILE_NAME);
        let mut warnings = Vec::new();
        if !path.is_file() {
            return (Manifest::default(), warnings);
        }
        let name = path.display();
        let text = match std::fs::read(&path) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(e) => {
                warnings.push(format!(
                    "{name}: cannot read it ({e}); folder indexed without it"
                ));
                return (Manifest::default(), warnings);
            }
        };
        let raw = match serde_json::from_str::<Value>(&text) {
            Ok(Value::Object(raw)) => raw,
            Ok(_) => {
                warnings.push(format!(
                    "{name}: not a JSON object keyed by file name; folder indexed without it"
                ));
                return (Manifest::default(), warnings);
            }
            Err(e) => {
                warnings.push(format!(
                    "{name}: not valid JSON ({e}); folder indexed without it"
                ));
                return (Manifest::default(), warnings);
            }
        };
        let mut entries = HashMap::new();
        let mut exact = HashMap::new();
        for (key, value) in raw {
            let mut problem =
                |what: String| warnings.push(format!("{name}: entry {key:?}: {what}"));
            let Value::Object(fields) = value else {
                problem("not an object of title, source, date and url; entry ignored".into());
                continue;
            };
            let mut entry = Entry::default();
            for (field, value) in fields {
                match (field.as_str(), value) {
                    (_, Value::Null) => {}
                    ("title", Value::String(v)) => entry.title = Some(v),
                    ("source", Value::String(v)) => entry.source = Some(v),
                    ("url", Value::String(v)) => entry.url = Some(v),
                    ("date", Value::String(v)) => match parse_date(&v) {
                        Ok(date) => entry.date = Some(date),
                        Err(why) => problem(format!("date {v:?} {why}; date left unknown")),
                    },
                    ("title" | "source" | "url" | "date", other) => problem(format!(
                        "{field} is {}, not a string; {field} left unknown",
                        kind_of(&other)
                    )),
                    _ => {}
                }
            }
            exact.insert(key.replace('\\', "/"), entry.clone());
            entries.insert(strip_extension(&key), entry);
        }
        (Manifest { entries, exact }, warnings)
    }

    /// The entry for an article id (a path without its extension).
    pub fn get(&self, article_id: &str) -> Option<&Entry> {
        self.entries.get(article_id)
    }

    /// The entry for a file (its path relative to the manifest's folder): the one keyed by
    /// its full name, else the one keyed by its name with or without another extension.
    pub fn for_file(&self, relative: &str) -> Option<&Entry> {
        self.exact
            .get(&relative.replace('\\', "/"))
            .or_else(|| self.get(&strip_extension(relative)))
    }
}

/// A `YYYY-MM-DD` date inside the stored range, or why not.
pub fn parse_date(value: &str) -> Result<NaiveDate, String> {
    let date = NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d")
        .map_err(|_| "is not a real day written YYYY-MM-DD".to_string())?;
    if !date_in_range(date) {
        return Err(format!("is outside {FIRST_YEAR}-01-01..{LAST_YEAR}-12-31"));
    }
    Ok(date)
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
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
        let (manifest, warnings) = Manifest::load(dir.path());
        assert!(warnings.is_empty(), "{warnings:?}");
        let a = manifest.get("a").unwrap();
        assert_eq!(a.source.as_deref(), Some("Reuters"));
        assert_eq!(a.date, NaiveDate::from_ymd_opt(2022, 1, 26));
        assert_eq!(manifest.get("sub/b").unwrap().title.as_deref(), Some("B"));
    }

    #[test]
    fn namesakes_find_their_own_entries() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(FILE_NAME),
            r#"{"a.txt": {"source": "Text Times"}, "a.md": {"source": "Markdown Mail"}, "b": {"source": "Any"}}"#,
        )
        .unwrap();
        let (manifest, _) = Manifest::load(dir.path());
        let source = |name: &str| manifest.for_file(name).and_then(|e| e.source.as_deref());
        assert_eq!(source("a.txt"), Some("Text Times"));
        assert_eq!(source("a.md"), Some("Markdown Mail"));
        assert_eq!(source("b.html"), Some("Any"));
        assert_eq!(source("c.txt"), None);
    }

    #[test]
    fn a_broken_manifest_names_itself_and_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE_NAME), "{oops").unwrap();
        let (manifest, warnings) = Manifest::load(dir.path());
        assert!(manifest.entries.is_empty());
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(
            warnings[0].contains("manifest.json: not valid JSON"),
            "{warnings:?}"
        );
    }

    #[test]
    fn a_bad_value_is_one_warning_and_the_rest_counts() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(FILE_NAME),
            r#"{"a.txt": {"source": "Reuters", "date": "2022-02-30"}, "b.txt": {"date": 20220101}, "c.txt": {"date": "2300-06-01"}, "d.txt": {"date": "2021-05-06"}}"#,
        )
        .unwrap();
        let (manifest, warnings) = Manifest::load(dir.path());
        assert_eq!(warnings.len(), 3, "{warnings:?}");
        assert!(warnings
            .iter()
            .any(|w| w.contains("\"a.txt\"") && w.contains("2022-02-30")));
        assert!(warnings
            .iter()
            .any(|w| w.contains("\"b.txt\"") && w.contains("a number")));
        assert!(warnings
            .iter()
            .any(|w| w.contains("\"c.txt\"") && w.contains("outside")));
        assert_eq!(
            manifest.get("a").unwrap().source.as_deref(),
            Some("Reuters")
        );
        assert_eq!(manifest.get("a").unwrap().date, None);
        assert_eq!(
            manifest.get("d").unwrap().date,
            NaiveDate::from_ymd_opt(2021, 5, 6)
        );
    }

    #[test]
    fn no_manifest_is_an_empty_one() {
        let dir = tempfile::tempdir().unwrap();
        assert!(Manifest::load(dir.path()).0.get("x").is_none());
    }
}
