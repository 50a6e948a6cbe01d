//! Text analysis shared by indexing and querying: Unicode normalisation and accent folding.
//!
//! Every field that is searched by meaning (passage text, title, speaker and source names, and
//! the word pairs) folds accents and ligatures, so `Šefčovič` and `Sefcovic`, `Œuvre` and
//! `oeuvre` find each other. The `--exact` fields keep words as written (lowercased only).
//! Text is brought to Unicode NFC once at ingest and once per query, so decomposed text (as
//! some Mac and PDF exports write it) matches composed text.
//!
//! This module is not about which words pair or which are stop words (`index::pairs`), nor
//! about query syntax (`search::syntax`).

use std::borrow::Cow;

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer,
    Stemmer, TextAnalyzer,
};
use tantivy::Index;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// English stemming with accents folded: the passage text and title.
pub const FOLDED_STEM: &str = "newsdex_folded_stem";
/// Lowercasing with accents folded, no stemming: speaker and source names.
pub const FOLDED: &str = "newsdex_folded";

/// Words longer than this many bytes are not indexed (tantivy's own default analyzers' limit).
pub const LONGEST_WORD: usize = 40;

/// Tantivy's `en_stem` analyzer with accent and ligature folding before the stemmer.
pub fn folded_stem() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(LONGEST_WORD))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(Language::English))
        .build()
}

/// Tantivy's `default` analyzer (words, lowercased) with accent and ligature folding.
pub fn folded() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(LONGEST_WORD))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// Makes newsdex's analyzers known to the index; tokenizers are not saved with an index, so
/// this runs on every open.
pub fn register(index: &Index) {
    let tokenizers = index.tokenizers();
    tokenizers.register(FOLDED_STEM, folded_stem());
    tokenizers.register(FOLDED, folded());
    tokenizers.register(super::pairs::PAIRS, super::pairs::analyzer());
}

/// The text in Unicode NFC; borrowed (no copy) when it already is, as nearly all text is.
pub fn nfc(text: &str) -> Cow<'_, str> {
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => Cow::Borrowed(text),
        _ => Cow::Owned(text.nfc().collect()),
    }
}

/// A whole name lowercased and folded, as the name fields compare it: for "did you mean".
pub fn fold(text: &str) -> String {
    Folder::default().fold(text)
}

/// Folds many names with one analyzer (building one per name costs more than folding it).
pub struct Folder(TextAnalyzer);

impl Default for Folder {
    fn default() -> Folder {
        Folder(
            TextAnalyzer::builder(RawTokenizer::default())
                .filter(LowerCaser)
                .filter(AsciiFoldingFilter)
                .build(),
        )
    }
}

impl Folder {
    /// The whole text, lowercased, in NFC, with accents and ligatures folded.
    pub fn fold(&mut self, text: &str) -> String {
        if text.is_ascii() {
            return text.to_ascii_lowercase();
        }
        fold_with(&mut self.0, &nfc(text))
    }
}

fn fold_with(analyzer: &mut TextAnalyzer, text: &str) -> String {
    let mut stream = analyzer.token_stream(text);
    let mut folded = String::new();
    while let Some(token) = stream.next() {
        folded.push_str(&token.text);
    }
    folded
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(mut analyzer: TextAnalyzer, text: &str) -> Vec<String> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while let Some(token) = stream.next() {
            out.push(token.text.clone());
        }
        out
    }

    #[test]
    fn accents_and_ligatures_fold_to_ascii() {
        assert_eq!(words(folded(), "Maroš Šefčovič"), ["maros", "sefcovic"]);
        assert_eq!(words(folded(), "Œuvre ﬁnale"), ["oeuvre", "finale"]);
        assert_eq!(
            words(folded_stem(), "Šefčovič's négociations"),
            ["sefcov", "s", "negoci"]
        );
        assert_eq!(
            words(folded_stem(), "Sefcovic's negociations"),
            words(folded_stem(), "Šefčovič's négociations")
        );
    }

    #[test]
    fn decomposed_text_becomes_composed() {
        let decomposed = "S\u{30c}efc\u{30c}ovic\u{30c}";
        assert_eq!(nfc(decomposed), "Šefčovič");
        assert!(matches!(nfc("Šefčovič"), Cow::Borrowed(_)));
        assert_eq!(words(folded(), &nfc(decomposed)), ["sefcovic"]);
    }

    #[test]
    fn fold_keeps_a_name_whole() {
        assert_eq!(fold("Maroš Šefčovič"), "maros sefcovic");
    }
}
