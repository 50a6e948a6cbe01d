//! Word pairs: every two neighbouring words of a passage indexed together as one term.
//!
//! A two-word phrase ("prime minister", "red line") is the commonest phrase query, and
//! answering it from positions means decoding and comparing the positions of both words in
//! every passage holding both. With pairs indexed, it is one posting list, read like a single
//! word's (Elasticsearch calls this `index_phrases`). `search::query` decides when a phrase can
//! be answered this way.
//!
//! This is not a general shingle filter: pairs only, of stemmed words that are next to each
//! other, and the pair field keeps no positions.

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    StopWordFilter, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
};

use super::analysis::LONGEST_WORD;

/// Name of the pair tokenizer in the index's tokenizer manager.
pub const PAIRS: &str = "en_stem_pairs";

/// The text's analyzer ([`super::analysis::folded_stem`]: words lowercased, accents folded,
/// stemmed), then tantivy's English stop words dropped, then [`WordPairs`]. The folding must
/// match the text's, or a folded two-word phrase would find nothing in the pairs.
///
/// Pairs with a stop word ("of the", "the prime") are not indexed: they are rare as phrase
/// queries, and leaving them out halves the pairs to index. A phrase holding one is answered
/// from positions as before. Stop words are dropped after the stemmer, so by stem (each of
/// them is its own stem), since phrases match stems: "being" stems to "be", so `"being held"`
/// must not be answered from a pair index that left out the "be" of "will be held".
pub fn analyzer() -> TextAnalyzer {
    with_stemmer(Stemmer::new(Language::English))
}

/// [`analyzer`] for an index writer: the same terms, each distinct word stemmed once (see
/// [`CachedStemmer`]).
/// Its stemmed words are replayed from the text's analyzer when that has just analysed the
/// same text (see `index::one_pass`).
pub fn indexing_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(super::one_pass::replaying_stems())
        .filter(stop_words())
        .filter(WordPairs)
        .build()
}

fn with_stemmer<F: TokenFilter>(stemmer: F) -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(LONGEST_WORD))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(stemmer)
        .filter(stop_words())
        .filter(WordPairs)
        .build()
}

fn stop_words() -> StopWordFilter {
    StopWordFilter::new(Language::English)
        .expect("tantivy's `stopwords` feature is enabled in Cargo.toml")
}

/// A token filter that turns a stream of words into the stream of its neighbouring pairs,
/// `prime minist` for "prime minister" (the space cannot occur inside a word).
///
/// Words are neighbours when their positions are consecutive: a word dropped before this
/// filter (a stop word, or one too long to index) leaves a gap that no pair spans.
#[derive(Clone, Copy, Debug)]
pub struct WordPairs;

impl TokenFilter for WordPairs {
    type Tokenizer<T: Tokenizer> = WordPairsFilter<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> WordPairsFilter<T> {
        WordPairsFilter { inner }
    }
}

#[derive(Clone)]
pub struct WordPairsFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for WordPairsFilter<T> {
    type TokenStream<'a> = WordPairsStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        WordPairsStream {
            inner: self.inner.token_stream(text),
            previous: None,
            pair: Token::default(),
        }
    }
}

pub struct WordPairsStream<S> {
    inner: S,
    previous: Option<Token>,
    pair: Token,
}

impl<S: TokenStream> TokenStream for WordPairsStream<S> {
    fn advance(&mut self) -> bool {
        while self.inner.advance() {
            let word = self.inner.token();
            let made_pair = match &self.previous {
                Some(previous) if previous.position + 1 == word.position => {
                    self.pair.text.clear();
                    self.pair.text.push_str(&previous.text);
                    self.pair.text.push(' ');
                    self.pair.text.push_str(&word.text);
                    self.pair.offset_from = previous.offset_from;
                    self.pair.offset_to = word.offset_to;
                    self.pair.position = previous.position;
                    self.pair.position_length = 2;
                    true
                }
                _ => false,
            };
            match &mut self.previous {
                Some(previous) => previous.clone_from(word),
                None => self.previous = Some(word.clone()),
            }
            if made_pair {
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        &self.pair
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.pair
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(text: &str) -> Vec<String> {
        let mut analyzer = analyzer();
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while let Some(token) = stream.next() {
            out.push(token.text.clone());
        }
        out
    }

    #[test]
    fn neighbouring_stemmed_words_pair_up() {
        assert_eq!(
            pairs("Prime Minister Blair's red lines."),
            [
                "prime minist",
                "minist blair",
                "blair s",
                "s red",
                "red line"
            ]
        );
    }

    #[test]
    fn no_pair_holds_or_spans_a_stop_word() {
        assert_eq!(pairs("state of the union"), Vec::<String>::new());
        assert_eq!(pairs("the talks"), Vec::<String>::new());
    }

    #[test]
    fn a_word_that_stems_like_a_stop_word_makes_no_pair() {
        // "being" stems to "be", as "be" does: phrases match stems, so neither may pair.
        assert_eq!(pairs("being held"), Vec::<String>::new());
        assert_eq!(pairs("will be held"), Vec::<String>::new());
        assert_eq!(pairs("its talks"), Vec::<String>::new());
    }

    #[test]
    fn pairs_fold_accents_as_the_text_does() {
        assert_eq!(pairs("Maroš Šefčovič"), pairs("Maros Sefcovic"));
        assert_eq!(pairs("Maroš Šefčovič"), ["maro sefcov"]);
    }

    #[test]
    fn one_word_makes_no_pair() {
        assert!(pairs("Lavrov").is_empty());
        assert!(pairs("").is_empty());
    }

    #[test]
    fn no_pair_spans_a_word_too_long_to_index() {
        let long = "x".repeat(50);
        assert_eq!(pairs(&format!("red {long} line")), Vec::<String>::new());
    }

    #[test]
    fn a_pair_covers_both_words_in_the_text() {
        let mut analyzer = analyzer();
        let mut stream = analyzer.token_stream("a red line");
        stream.advance();
        stream.advance();
        let token = stream.token();
        assert_eq!((token.offset_from, token.offset_to), (2, 10));
    }
}
