//! Snippets: a fragment of the passage around the match, with the matched words marked.
//!
//! Tantivy's generator picks the fragment and marks each matching word on its own; here
//! neighbouring marks that are separated only by spaces or punctuation inside a phrase are
//! joined, so a phrase match reads as one highlight (`<b>red line</b>`, not `<b>red</b>
//! <b>line</b>`). The generator is also fed a cheaper tokenizer for stemmed fields (see
//! [`generator`]); what it returns is unchanged.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use anyhow::Result;
use tantivy::query::Query;
use tantivy::schema::{Field, FieldType};
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::{
    Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer, Token,
    TokenFilter, TokenStream, Tokenizer,
};
use tantivy::{Score, Searcher, Term};

use crate::index::schema::STEMMED;

/// Longest fragment shown, in characters.
pub const MAX_CHARS: usize = 220;

/// A fragment of passage text and the byte ranges in it to highlight.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet {
    pub fragment: String,
    pub highlights: Vec<Range<usize>>,
    /// Whether text was cut before or after the fragment.
    pub cut_before: bool,
    pub cut_after: bool,
}

/// A snippet generator for the query's words in `field`.
///
/// Tantivy's own generator stems every word of every passage it is given, which was the
/// larger part of a whole search. For a stemmed field this one blanks, before the stemmer, every
/// word that cannot stem to a query term (see [`QueryInitials`]), so the snippets are the same
/// and most words cost no stemming.
pub fn generator(searcher: &Searcher, query: &dyn Query, field: Field) -> Result<SnippetGenerator> {
    let terms = weighted_terms(searcher, query, field)?;
    let analyzer = if tokenizer_name(searcher, field).as_deref() == Some(STEMMED) {
        stemming_analyzer(QueryInitials::of(terms.keys()))
    } else {
        searcher.index().tokenizer_for_field(field)?
    };
    Ok(SnippetGenerator::new(terms, analyzer, field, MAX_CHARS))
}

/// The query's terms in `field` that occur in the index, weighted as tantivy's generator
/// weights them: the rarer the word, the more a fragment holding it is worth.
fn weighted_terms(
    searcher: &Searcher,
    query: &dyn Query,
    field: Field,
) -> Result<BTreeMap<String, Score>> {
    let mut terms: BTreeSet<Term> = BTreeSet::new();
    query.query_terms(&mut |term, _| {
        if term.field() == field {
            terms.insert(term.clone());
        }
    });
    let mut weighted = BTreeMap::new();
    for term in terms {
        let Some(text) = term.value().as_str().map(str::to_string) else {
            continue;
        };
        let doc_freq = searcher.doc_freq(&term)?;
        if doc_freq > 0 {
            weighted.insert(text, 1.0 / (1.0 + doc_freq as Score));
        }
    }
    Ok(weighted)
}

fn tokenizer_name(searcher: &Searcher, field: Field) -> Option<String> {
    match searcher.schema().get_field_entry(field).field_type() {
        FieldType::Str(options) => options
            .get_indexing_options()
            .map(|indexing| indexing.tokenizer().to_string()),
        _ => None,
    }
}

/// Tantivy's `en_stem` analyzer with [`QueryInitials`] just before the stemmer.
fn stemming_analyzer(initials: QueryInitials) -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(initials)
        .filter(Stemmer::new(Language::English))
        .build()
}

/// A token filter that blanks every word whose first letter begins no query term.
///
/// English stemming keeps a word's first letter, so such a word can never stem to a query
/// term; blanked, it costs the stemmer nothing. Blanked words keep their offsets, so
/// fragments are cut exactly where they would be without the filter.
#[derive(Clone, Debug)]
struct QueryInitials {
    initials: Vec<char>,
}

impl QueryInitials {
    fn of<'a>(terms: impl Iterator<Item = &'a String>) -> QueryInitials {
        let mut initials: Vec<char> = terms.filter_map(|term| term.chars().next()).collect();
        initials.sort_unstable();
        initials.dedup();
        QueryInitials { initials }
    }
}

impl TokenFilter for QueryInitials {
    type Tokenizer<T: Tokenizer> = QueryInitialsFilter<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> QueryInitialsFilter<T> {
        QueryInitialsFilter {
            initials: self.initials,
            inner,
        }
    }
}

#[derive(Clone)]
struct QueryInitialsFilter<T> {
    initials: Vec<char>,
    inner: T,
}

impl<T: Tokenizer> Tokenizer for QueryInitialsFilter<T> {
    type TokenStream<'a> = QueryInitialsStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        QueryInitialsStream {
            initials: &self.initials,
            inner: self.inner.token_stream(text),
        }
    }
}

struct QueryInitialsStream<'a, S> {
    initials: &'a [char],
    inner: S,
}

impl<S: TokenStream> TokenStream for QueryInitialsStream<'_, S> {
    fn advance(&mut self) -> bool {
        if !self.inner.advance() {
            return false;
        }
        let token = self.inner.token_mut();
        let may_match = token
            .text
            .chars()
            .next()
            .is_some_and(|first| self.initials.contains(&first));
        if !may_match {
            token.text.clear();
        }
        true
    }

    fn token(&self) -> &Token {
        self.inner.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.inner.token_mut()
    }
}

/// The best fragment of `text` for the query the generator was made for.
pub fn make(generator: &SnippetGenerator, text: &str) -> Snippet {
    let snippet = generator.snippet(text);
    if snippet.is_empty() {
        return leading_fragment(text);
    }
    let range = snippet.fragment_range();
    Snippet {
        fragment: snippet.fragment().to_string(),
        highlights: join_adjacent(snippet.fragment(), snippet.highlighted()),
        cut_before: range.start > 0,
        cut_after: range.end < text.len(),
    }
}

/// When the match is only in the title, the passage's opening stands in for a fragment.
fn leading_fragment(text: &str) -> Snippet {
    let end = text
        .char_indices()
        .nth(MAX_CHARS)
        .map_or(text.len(), |(i, _)| i);
    let end = text[..end]
        .rfind(' ')
        .filter(|_| end < text.len())
        .unwrap_or(end);
    Snippet {
        fragment: text[..end].to_string(),
        highlights: Vec::new(),
        cut_before: false,
        cut_after: end < text.len(),
    }
}

/// Joins highlights separated only by whitespace (and the punctuation tokenizers drop).
pub fn join_adjacent(fragment: &str, highlights: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut sorted = highlights.to_vec();
    sorted.sort_by_key(|r| r.start);
    let mut joined: Vec<Range<usize>> = Vec::new();
    for range in sorted {
        match joined.last_mut() {
            Some(last)
                if last.end <= range.start
                    && fragment
                        .get(last.end..range.start)
                        .is_some_and(|gap| gap.chars().all(|c| c == ' ' || c == '-')) =>
            {
                last.end = range.end;
            }
            Some(last) if range.start < last.end => last.end = last.end.max(range.end),
            _ => joined.push(range),
        }
    }
    joined
}

impl Snippet {
    /// The fragment with highlights wrapped by `mark`, and `...` where text was cut.
    pub fn render(&self, mark: impl Fn(&str) -> String, escape: impl Fn(&str) -> String) -> String {
        let mut out = String::new();
        if self.cut_before {
            out.push_str("... ");
        }
        let mut position = 0;
        for range in &self.highlights {
            let (Some(before), Some(marked)) = (
                self.fragment.get(position..range.start),
                self.fragment.get(range.clone()),
            ) else {
                continue;
            };
            out.push_str(&escape(before));
            out.push_str(&mark(&escape(marked)));
            position = range.end;
        }
        out.push_str(&escape(self.fragment.get(position..).unwrap_or_default()));
        if self.cut_after {
            out.push_str(" ...");
        }
        out
    }

    /// `... a <b>red line</b> ...`, HTML-escaped, for the JSON output.
    pub fn to_html(&self) -> String {
        self.render(|s| format!("<b>{s}</b>"), html_escape)
    }
}

fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::TokenizerManager;

    /// The seed articles' text, and words whose stems are irregular.
    fn sample_text() -> String {
        let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let mut text = String::from(
            "dying lying tying skies skis idly gently ugly early only singly news yes youth \
             yearly Yemen's Ökonomie über generously cried ying'yang",
        );
        for entry in std::fs::read_dir(seeds).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                text.push_str("\n\n");
                text.push_str(&std::fs::read_to_string(path).unwrap());
            }
        }
        text
    }

    fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while let Some(token) = stream.next() {
            out.push(token.text.clone());
        }
        out
    }

    fn full_stemming() -> TextAnalyzer {
        TokenizerManager::default().get(STEMMED).unwrap()
    }

    #[test]
    fn english_stemming_keeps_a_words_first_letter() {
        let text = sample_text();
        let mut lowercase = TokenizerManager::default().get("default").unwrap();
        let words = tokens(&mut lowercase, &text);
        let stems = tokens(&mut full_stemming(), &text);
        assert_eq!(words.len(), stems.len());
        for (word, stem) in words.iter().zip(&stems) {
            assert_eq!(word.chars().next(), stem.chars().next(), "{word} -> {stem}");
        }
    }

    #[test]
    fn blanking_unmatchable_words_leaves_every_snippet_unchanged() {
        let text = sample_text();
        let stems = tokens(&mut full_stemming(), &text);
        let paragraphs: Vec<&str> = text.split("\n\n").collect();
        let field = Field::from_field_id(0);
        let mut compared = 0;
        for pair in stems.windows(2).step_by(17) {
            let terms: BTreeMap<String, Score> =
                pair.iter().map(|stem| (stem.clone(), 1.0)).collect();
            let full = SnippetGenerator::new(terms.clone(), full_stemming(), field, MAX_CHARS);
            let analyzer = stemming_analyzer(QueryInitials::of(terms.keys()));
            let lazy = SnippetGenerator::new(terms, analyzer, field, MAX_CHARS);
            for paragraph in &paragraphs {
                let (expected, actual) = (full.snippet(paragraph), lazy.snippet(paragraph));
                assert_eq!(
                    expected.fragment_range(),
                    actual.fragment_range(),
                    "{pair:?}"
                );
                assert_eq!(expected.highlighted(), actual.highlighted(), "{pair:?}");
                compared += usize::from(!expected.is_empty());
            }
        }
        assert!(compared > 100, "only {compared} snippets had a match");
    }

    #[test]
    fn words_of_a_phrase_join_into_one_highlight() {
        let fragment = "we crossed a red line today";
        assert_eq!(join_adjacent(fragment, &[13..16, 17..21]), vec![13..21]);
    }

    #[test]
    fn separated_words_stay_separate() {
        let fragment = "red cars and a line";
        assert_eq!(join_adjacent(fragment, &[0..3, 15..19]), vec![0..3, 15..19]);
    }

    #[test]
    fn html_output_escapes_and_marks() {
        let snippet = Snippet {
            fragment: "a <red> line".into(),
            highlights: vec![Range { start: 8, end: 12 }],
            cut_before: true,
            cut_after: false,
        };
        assert_eq!(snippet.to_html(), "... a &lt;red&gt; <b>line</b>");
    }

    #[test]
    fn leading_fragment_cuts_at_a_word_boundary() {
        let text = "word ".repeat(100);
        let snippet = leading_fragment(&text);
        assert!(snippet.fragment.len() <= MAX_CHARS);
        assert!(snippet.fragment.ends_with("word"));
        assert!(snippet.cut_after);
    }
}
