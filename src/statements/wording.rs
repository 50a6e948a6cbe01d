//! How one report's wording of a statement differs from its fullest wording: the same words,
//! a cut (every word found, in order, in the fullest), or a rewording, with the words that
//! differ marked.
//!
//! For: `newsdex quotes`. Works on the statement words as written (case and punctuation
//! aside), compared with a word diff from the `similar` crate. Not for: deciding whether two
//! passages are one statement (`grouping`).

use serde::Serialize;
use similar::{capture_diff_slices, Algorithm, DiffOp};

/// How a report words the statement, against its fullest wording.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Wording {
    /// The fullest wording itself.
    Fullest,
    /// The same words (case, quotation marks and punctuation aside).
    Same,
    /// Some of the fullest wording's words, in order, and nothing else.
    Shortened,
    /// Other words: a paraphrase or an edited quote.
    Reworded,
}

impl Wording {
    pub fn as_str(self) -> &'static str {
        match self {
            Wording::Fullest => "fullest",
            Wording::Same => "same",
            Wording::Shortened => "shortened",
            Wording::Reworded => "reworded",
        }
    }
}

/// One word of a report's statement, and whether the fullest wording lacks it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Word {
    pub text: String,
    /// Not in the fullest wording (at this place).
    pub differs: bool,
}

/// Words as compared: as written, split at spaces, with their punctuation trimmed.
pub fn words(statement: &str) -> Vec<String> {
    statement
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

fn folded(words: &[String]) -> Vec<String> {
    words
        .iter()
        .map(|w| {
            let w = w.to_lowercase().replace('’', "'");
            // A possessive is the same word: "Fairway's" and "Fairway'" (trimmed to "Fairway").
            w.strip_suffix("'s").map(str::to_string).unwrap_or(w)
        })
        .collect()
}

/// Compares a report's statement words with the fullest wording's.
pub fn compare(report: &[String], fullest: &[String]) -> (Wording, Vec<Word>) {
    let (a, b) = (folded(report), folded(fullest));
    let ops = capture_diff_slices(Algorithm::Myers, &b, &a);
    let mut marked: Vec<Word> = report
        .iter()
        .map(|w| Word {
            text: w.clone(),
            differs: false,
        })
        .collect();
    let mut added = false;
    let mut removed = false;
    for op in &ops {
        match *op {
            DiffOp::Equal { .. } => {}
            DiffOp::Delete { .. } => removed = true,
            DiffOp::Insert {
                new_index, new_len, ..
            }
            | DiffOp::Replace {
                new_index, new_len, ..
            } => {
                added = true;
                if matches!(op, DiffOp::Replace { .. }) {
                    removed = true;
                }
                for word in &mut marked[new_index..new_index + new_len] {
                    word.differs = true;
                }
            }
        }
    }
    let wording = match (added, removed) {
        (false, false) => Wording::Same,
        (false, true) => Wording::Shortened,
        _ => Wording::Reworded,
    };
    (wording, marked)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_cut_and_reworded() {
        let full = words("No, I meant she's the author of Fairway. I do.");
        assert_eq!(
            compare(
                &words("no, i meant SHE'S the author of Fairway; i do"),
                &full
            )
            .0,
            Wording::Same
        );
        assert_eq!(
            compare(&words("I meant she's the author of Fairway"), &full).0,
            Wording::Shortened
        );
        let (wording, marked) = compare(&words("I said she's the author of Fairway"), &full);
        assert_eq!(wording, Wording::Reworded);
        let differing: Vec<&str> = marked
            .iter()
            .filter(|w| w.differs)
            .map(|w| w.text.as_str())
            .collect();
        assert_eq!(differing, vec!["said"]);
    }
}
