//! "Did you mean" hints for speaker and source filters that match nothing.
//!
//! An unknown name is not an error: the search returns zero hits and a hint naming the
//! closest known values, compared by whole name and by each of its words, lowercased and with
//! accents folded as the name fields are (so `lavrof` finds Sergei Lavrov and `sefcovich`
//! finds Maroš Šefčovič).

use anyhow::Result;
use tantivy::collector::Count;
use tantivy::schema::Field;
use tantivy::Searcher;

use super::query::{name_query, Filters};
use crate::index::{analysis, NewsIndex};

/// Names closer than this (Jaro-Winkler, 0 to 1) are suggested.
const MIN_SIMILARITY: f64 = 0.85;
/// At most this many suggestions per unknown name.
const MAX_SUGGESTIONS: usize = 3;

/// Hints for every speaker or source filter that matches no passage at all.
pub(super) fn hints(
    index: &NewsIndex,
    searcher: &Searcher,
    filters: &Filters,
) -> Result<Vec<String>> {
    let fields = index.fields();
    let mut hints = Vec::new();
    for (kind, field, facet, names) in [
        (
            "speaker",
            fields.speaker,
            "speaker_facet",
            &filters.speakers,
        ),
        ("source", fields.source, "source_facet", &filters.sources),
    ] {
        for name in names {
            if matches_anything(index, searcher, field, name)? {
                continue;
            }
            let known = index.known_values(searcher, facet)?;
            let closest = closest(name, known.iter().map(String::as_str));
            hints.push(if closest.is_empty() {
                format!("no {kind} {name:?}; `newsdex {kind}s` lists them all")
            } else {
                format!("no {kind} {name:?}; did you mean {}?", closest.join(" or "))
            });
        }
    }
    Ok(hints)
}

fn matches_anything(
    index: &NewsIndex,
    searcher: &Searcher,
    field: Field,
    name: &str,
) -> Result<bool> {
    let query = name_query(index.tantivy(), field, name)?;
    Ok(searcher.search(&*query, &Count)? > 0)
}

/// Known values most similar to `name`, best first.
pub fn closest<'a>(name: &str, known: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut folder = analysis::Folder::default();
    let wanted = lowercase(&mut folder, name);
    let mut scored: Vec<(f64, &str)> = known
        .map(|value| (similarity(&wanted, &lowercase(&mut folder, value)), value))
        .filter(|(score, _)| *score >= MIN_SIMILARITY)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored
        .into_iter()
        .take(MAX_SUGGESTIONS)
        .map(|(_, value)| value.to_string())
        .collect()
}

/// Lowercased char by char, the same way for the name and every known value, so both sides
/// agree on every letter (`str::to_lowercase` treats a word-final sigma apart), then in NFC
/// with accents and ligatures folded.
fn lowercase(folder: &mut analysis::Folder, text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let lower: String = text.chars().flat_map(char::to_lowercase).collect();
    folder.fold(&lower)
}

/// Best match of the name against the whole value or any word of it.
fn similarity(wanted: &str, value: &str) -> f64 {
    std::iter::once(value)
        .chain(value.split_whitespace())
        .map(|candidate| strsim::jaro_winkler(wanted, candidate))
        .fold(0.0, f64::max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_misspelt_surname_finds_the_full_name() {
        let known = ["Sergei Lavrov", "Dmitry Peskov", "Antony Blinken"];
        assert_eq!(closest("lavrof", known.into_iter()), vec!["Sergei Lavrov"]);
    }

    #[test]
    fn accents_do_not_count_against_a_name() {
        let known = ["Maroš Šefčovič", "Sergei Lavrov"];
        assert_eq!(
            closest("sefcovich", known.into_iter()),
            vec!["Maroš Šefčovič"]
        );
        assert_eq!(
            closest("Šefčovič", ["Sefcovic"].into_iter()),
            vec!["Sefcovic"]
        );
    }

    #[test]
    fn nothing_close_suggests_nothing() {
        assert!(closest("zzzz", ["Sergei Lavrov"].into_iter()).is_empty());
    }
}
