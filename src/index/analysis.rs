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
use std::mem;

use rustc_hash::FxHashMap;
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer,
    Stemmer, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
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
    folded_stem_with(Stemmer::new(Language::English))
}

/// [`folded_stem`] for an index writer: the same terms, each distinct word stemmed once (see
/// [`CachedStemmer`]).
pub fn indexing_folded_stem() -> TextAnalyzer {
    folded_stem_with(CachedStemmer)
}

fn folded_stem_with<F: TokenFilter>(stemmer: F) -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(LONGEST_WORD))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(stemmer)
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

/// English (Snowball) stemming, the algorithm and crate of tantivy's `Stemmer` filter, with
/// the stems of words already seen kept, so each distinct word is stemmed once per analyzer
/// rather than at every occurrence.
///
/// Why: stemming was the largest part of tokenizing on tantivy's one indexing thread (about a
/// sixth of its time at 1× BBC), and that thread is the longest serial stage of a bulk load;
/// the text and the word pairs stem every word of a passage, the title every word of every
/// passage, and news text repeats its words. Output is identical to tantivy's filter (a unit
/// test compares them). Memory is bounded by [`STEMS_KEPT`].
#[derive(Clone, Copy, Debug, Default)]
pub struct CachedStemmer;

/// Distinct words whose stems an analyzer keeps before it starts again: a few MB.
const STEMS_KEPT: usize = 50_000;

impl TokenFilter for CachedStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> CachedStemmerFilter<T> {
        CachedStemmerFilter {
            inner,
            stems: FxHashMap::default(),
        }
    }
}

/// A tokenizer followed by [`CachedStemmer`]; each clone keeps its own stems.
#[derive(Clone)]
pub struct CachedStemmerFilter<T> {
    inner: T,
    stems: FxHashMap<String, String>,
}

impl<T: Tokenizer> Tokenizer for CachedStemmerFilter<T> {
    type TokenStream<'a> = CachedStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CachedStemmerStream {
            tail: self.inner.token_stream(text),
            stems: &mut self.stems,
            stemmer: frostem::Stemmer::new(frostem::Algorithm::English),
        }
    }
}

/// The token stream of [`CachedStemmerFilter`].
pub struct CachedStemmerStream<'a, S> {
    tail: S,
    stems: &'a mut FxHashMap<String, String>,
    stemmer: frostem::Stemmer,
}

impl<S: TokenStream> TokenStream for CachedStemmerStream<'_, S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if let Some(stem) = self.stems.get(token.text.as_str()) {
            token.text.clear();
            token.text.push_str(stem);
        } else {
            let stem = self.stemmer.stem(&token.text).into_owned();
            let word = mem::replace(&mut token.text, stem.clone());
            if self.stems.len() >= STEMS_KEPT {
                self.stems.clear();
            }
            self.stems.insert(word, stem);
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

/// Makes newsdex's analyzers known to the index; tokenizers are not saved with an index, so
/// this runs on every open.
pub fn register(index: &Index) {
    let tokenizers = index.tokenizers();
    tokenizers.register(FOLDED_STEM, folded_stem());
    tokenizers.register(FOLDED, folded());
    tokenizers.register(super::pairs::PAIRS, super::pairs::analyzer());
}

/// Swaps in the analyzers an index writer uses, which give the same terms as [`register`]'s
/// but keep the stems they have computed (see [`CachedStemmer`]) and analyse a passage's text
/// once for its three fields (see `index::one_pass`). Only for the handle that
/// writes: a search makes a fresh copy of each analyzer per query, where a cache only costs.
pub fn register_for_writing(index: &Index) {
    let tokenizers = index.tokenizers();
    tokenizers.register(FOLDED_STEM, super::one_pass::recording_folded_stem());
    tokenizers.register(
        super::schema::LOWERCASE,
        super::one_pass::replaying_lowercase(),
    );
    tokenizers.register(super::pairs::PAIRS, super::pairs::indexing_analyzer());
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

    /// The cached stemmer gives tantivy's stems, for first and repeated occurrences, over
    /// the seed articles' words and words the Snowball rules treat specially.
    #[test]
    fn cached_stems_are_tantivys_stems() {
        use tantivy::tokenizer::{Language, Stemmer};
        let tantivy_stem = || {
            TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(RemoveLongFilter::limit(LONGEST_WORD))
                .filter(LowerCaser)
                .filter(AsciiFoldingFilter)
                .filter(Stemmer::new(Language::English))
                .build()
        };
        let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let mut texts: Vec<String> = std::fs::read_dir(&seeds)
            .expect("the seeds folder")
            .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
            .collect();
        texts.push("generously generous news skies dying lying ugly early Šefčovič's".into());
        assert!(texts.len() > 5);
        // One analyzer for every text, as an indexing thread keeps one per field.
        let mut cached = indexing_folded_stem();
        let mut reference = tantivy_stem();
        for text in texts.iter().chain(texts.iter()) {
            let got: Vec<(String, usize, usize)> = {
                let mut stream = cached.token_stream(text);
                let mut out = Vec::new();
                while let Some(t) = stream.next() {
                    out.push((t.text.clone(), t.position, t.offset_from));
                }
                out
            };
            let want: Vec<(String, usize, usize)> = {
                let mut stream = reference.token_stream(text);
                let mut out = Vec::new();
                while let Some(t) = stream.next() {
                    out.push((t.text.clone(), t.position, t.offset_from));
                }
                out
            };
            assert_eq!(got, want);
        }
    }

    #[test]
    fn fold_keeps_a_name_whole() {
        assert_eq!(fold("Maroš Šefčovič"), "maros sefcovic");
    }
}
