//! Snippets: the sentence(s) of a passage around its best match, with the matches marked.
//!
//! A snippet is the sentence holding the most of the query (the earliest of equals), widened
//! to its neighbours until there are at least [`CONTEXT_WORDS`] words on each side of the
//! match where the passage has them, then by whole neighbouring sentences while they fit, all
//! within [`MAX_CHARS`]; a sentence too long for that is cut to a window of whole words around
//! the match. `...` marks only text that was cut.
//!
//! What is highlighted follows the query as written: the words of a word query one by one, and
//! for a phrase only its occurrences as a phrase (not every occurrence of its words). Matching
//! is done here, on the snippet field's own analysis of the passage (stemmed and folded, or as
//! written for `--exact`), not by tantivy's snippet generator, which knows no phrases. This
//! module does not choose or rank passages.

use std::ops::Range;

use anyhow::Result;
use tantivy::query::Occur;
use tantivy::query_grammar::{UserInputAst, UserInputLeaf, UserInputLiteral};
use tantivy::schema::{Field, FieldType};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
};
use tantivy::Index;

use crate::index::analysis::LONGEST_WORD;
use crate::index::schema::STEMMED;

/// Longest fragment shown, in characters (unless the match alone is longer).
pub const MAX_CHARS: usize = 220;
/// Words of context wanted on each side of the match, where the passage has them.
pub const CONTEXT_WORDS: usize = 3;

/// A fragment of passage text and the byte ranges in it to highlight.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet {
    pub fragment: String,
    pub highlights: Vec<Range<usize>>,
    /// Whether text was cut before or after the fragment.
    pub cut_before: bool,
    pub cut_after: bool,
}

/// One thing to highlight: a word (one term) or a phrase (several), as analysed terms.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Item {
    terms: Vec<String>,
    slop: u32,
    /// The last term matches any word it begins.
    prefix: bool,
}

/// Finds and marks the query's words and phrases in passages, for one query and field.
pub struct Highlighter {
    analyzer: TextAnalyzer,
    items: Vec<Item>,
}

/// A word of the analysed passage: its term (empty when it cannot match), bytes and position.
struct Word {
    term: String,
    bytes: Range<usize>,
    position: usize,
}

impl Highlighter {
    /// A highlighter for the words and phrases of `ast` that are searched in `field` (the
    /// passage text, stemmed or exact): literals with no field or that field's name, and not
    /// excluded.
    pub fn new(index: &Index, ast: &UserInputAst, field: Field) -> Result<Highlighter> {
        let schema = index.schema();
        let field_name = schema.get_field_name(field);
        let mut literals = Vec::new();
        collect_literals(ast, false, &mut literals);
        let mut full = index.tokenizer_for_field(field)?;
        let mut items: Vec<Item> = Vec::new();
        for literal in literals {
            let on_field = match literal.field_name.as_deref() {
                None => true,
                Some(name) => name == field_name || name == "text",
            };
            if !on_field {
                continue;
            }
            let terms = analyse(&mut full, &literal.phrase);
            let item = Item {
                terms,
                slop: literal.slop,
                prefix: literal.prefix,
            };
            if !item.terms.is_empty() && !items.contains(&item) {
                items.push(item);
            }
        }
        let analyzer = if tokenizer_name(index, field).as_deref() == Some(STEMMED) {
            stemming_analyzer(QueryInitials::of(
                items.iter().flat_map(|item| item.terms.iter()),
            ))
        } else {
            full
        };
        Ok(Highlighter { analyzer, items })
    }

    /// The snippet of `text` (see the module documentation).
    pub fn snippet(&mut self, text: &str) -> Snippet {
        let words = word_spans(text);
        if words.is_empty() {
            return Snippet {
                fragment: String::new(),
                highlights: Vec::new(),
                cut_before: false,
                cut_after: false,
            };
        }
        let matches = self.matches(text);
        let sentences = sentences(text, &words);
        let window = choose_window(text, &words, &sentences, &matches);
        let (from, to) = (words[window.start].start, words[window.end - 1].end);
        let mut highlights: Vec<Range<usize>> = matches
            .iter()
            .filter(|m| m.bytes.start >= from && m.bytes.end <= to)
            .map(|m| m.bytes.start - from..m.bytes.end - from)
            .collect();
        highlights = merge_overlapping(highlights);
        Snippet {
            fragment: text[from..to].to_string(),
            highlights,
            cut_before: window.start > 0,
            cut_after: window.end < words.len(),
        }
    }

    /// Every occurrence in `text` of an item, in text order.
    fn matches(&mut self, text: &str) -> Vec<Match> {
        if self.items.is_empty() {
            return Vec::new();
        }
        let mut words = Vec::new();
        let mut stream = self.analyzer.token_stream(text);
        while let Some(token) = stream.next() {
            words.push(Word {
                term: token.text.clone(),
                bytes: token.offset_from..token.offset_to,
                position: token.position,
            });
        }
        let mut found = Vec::new();
        for (item_id, item) in self.items.iter().enumerate() {
            for start in 0..words.len() {
                if let Some(end) = item.match_at(&words, start) {
                    found.push(Match {
                        item: item_id,
                        weight: item.terms.len(),
                        bytes: words[start].bytes.start..words[end].bytes.end,
                    });
                }
            }
        }
        found.sort_by_key(|m| (m.bytes.start, m.bytes.end));
        found
    }
}

impl Item {
    fn term_matches(&self, index: usize, word: &str) -> bool {
        let Some(term) = self.terms.get(index) else {
            return false;
        };
        if self.prefix && index + 1 == self.terms.len() {
            !word.is_empty() && word.starts_with(term.as_str())
        } else {
            word == term
        }
    }

    /// Where an occurrence starting at `words[start]` ends (the index of its last word).
    fn match_at(&self, words: &[Word], start: usize) -> Option<usize> {
        let first = words.get(start)?;
        if !self.term_matches(0, &first.term) {
            return None;
        }
        let mut last = start;
        for index in 1..self.terms.len() {
            let next = if self.slop == 0 {
                words
                    .get(last + 1)
                    .filter(|w| w.position == words[last].position + 1)
                    .filter(|w| self.term_matches(index, &w.term))
                    .map(|_| last + 1)
            } else {
                let limit = first.position + index + self.slop as usize;
                (last + 1..words.len())
                    .take_while(|&i| words[i].position <= limit)
                    .find(|&i| self.term_matches(index, &words[i].term))
            };
            last = next?;
        }
        Some(last)
    }
}

/// An occurrence of a highlight item in the passage.
struct Match {
    item: usize,
    /// Words in the item: a sentence holding a phrase is worth more than one holding a word.
    weight: usize,
    bytes: Range<usize>,
}

/// The query's literals that are looked for (not excluded), in query order.
fn collect_literals<'a>(
    ast: &'a UserInputAst,
    excluded: bool,
    out: &mut Vec<&'a UserInputLiteral>,
) {
    match ast {
        UserInputAst::Clause(clauses) => {
            for (occur, clause) in clauses {
                collect_literals(clause, excluded ^ (*occur == Some(Occur::MustNot)), out);
            }
        }
        UserInputAst::Boost(inner, _) => collect_literals(inner, excluded, out),
        UserInputAst::Leaf(leaf) => {
            if let (UserInputLeaf::Literal(literal), false) = (leaf.as_ref(), excluded) {
                out.push(literal);
            }
        }
    }
}

fn analyse(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut terms = Vec::new();
    while let Some(token) = stream.next() {
        terms.push(token.text.clone());
    }
    terms
}

fn tokenizer_name(index: &Index, field: Field) -> Option<String> {
    match index.schema().get_field_entry(field).field_type() {
        FieldType::Str(options) => options
            .get_indexing_options()
            .map(|indexing| indexing.tokenizer().to_string()),
        _ => None,
    }
}

/// The byte ranges of the passage's whitespace-separated words.
fn word_spans(text: &str) -> Vec<Range<usize>> {
    let mut words = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(from)) => {
                words.push(from..at);
                start = None;
            }
            (false, None) => start = Some(at),
            _ => {}
        }
    }
    if let Some(from) = start {
        words.push(from..text.len());
    }
    words
}

/// The passage's sentences, as ranges of word indices: a sentence ends with a word ending in
/// `.`, `!` or `?` (before any closing quotes or brackets) when the next word starts with a
/// capital, a digit or an opening quote (and is a word, not punctuation alone).
fn sentences(text: &str, words: &[Range<usize>]) -> Vec<Range<usize>> {
    let ends_sentence = |word: &str| {
        word.trim_end_matches(['"', '\'', '’', '”', ')', ']'])
            .ends_with(['.', '!', '?'])
    };
    // A word of punctuation alone (a closing quote set off by a space) starts nothing.
    let starts_sentence = |word: &str| {
        word.chars().any(char::is_alphanumeric)
            && word.chars().next().is_some_and(|c| {
                c.is_uppercase() || c.is_numeric() || matches!(c, '"' | '“' | '‘' | '\'' | '(')
            })
    };
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..words.len() {
        let last = i + 1 == words.len();
        if last
            || (ends_sentence(&text[words[i].clone()])
                && starts_sentence(&text[words[i + 1].clone()]))
        {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    out
}

/// Characters from the start of word `from` to the end of word `to - 1`.
fn chars_between(text: &str, words: &[Range<usize>], span: &Range<usize>) -> usize {
    text[words[span.start].start..words[span.end - 1].end]
        .chars()
        .count()
}

/// The words to show: the best sentence with context, or a window of a sentence too long.
fn choose_window(
    text: &str,
    words: &[Range<usize>],
    sentences: &[Range<usize>],
    matches: &[Match],
) -> Range<usize> {
    let word_of = |byte: usize| words.partition_point(|w| w.end <= byte);
    let fits = |span: &Range<usize>| chars_between(text, words, span) <= MAX_CHARS;
    // The sentence holding the most weight of distinct items; the earliest of equals.
    let mut best: Option<(usize, Range<usize>)> = None;
    for sentence in sentences {
        let inside: Vec<&Match> = matches
            .iter()
            .filter(|m| sentence.contains(&word_of(m.bytes.start)))
            .collect();
        let mut items: Vec<usize> = Vec::new();
        let mut weight = 0;
        for m in &inside {
            if !items.contains(&m.item) {
                items.push(m.item);
                weight += m.weight;
            }
        }
        if weight > 0 && best.as_ref().is_none_or(|(w, _)| weight > *w) {
            best = Some((weight, sentence.clone()));
        }
    }
    let Some((_, sentence)) = best else {
        // The match is only in the title: the passage's opening stands in.
        let mut span = 0..1;
        while span.end < words.len() && fits(&(0..span.end + 1)) {
            span.end += 1;
        }
        return span;
    };
    // The first match in the sentence, and as many after it as fit with it.
    let in_sentence: Vec<Range<usize>> = matches
        .iter()
        .map(|m| word_of(m.bytes.start)..word_of(m.bytes.end.saturating_sub(1)) + 1)
        .filter(|m| sentence.contains(&m.start))
        .collect();
    let Some((first, rest)) = in_sentence.split_first() else {
        return sentence;
    };
    let mut core = first.clone();
    for m in rest {
        let wider = core.start..core.end.max(m.end);
        if fits(&wider) {
            core = wider;
        }
    }
    let mut window = if fits(&sentence) {
        sentence.clone()
    } else {
        // Too long a sentence: whole words around the match, alternately after and before.
        let mut window = core.clone();
        loop {
            let mut grew = false;
            for after in [true, false] {
                let wider = if after && window.end < sentence.end {
                    window.start..window.end + 1
                } else if !after && window.start > sentence.start {
                    window.start - 1..window.end
                } else {
                    continue;
                };
                if fits(&wider) {
                    window = wider;
                    grew = true;
                }
            }
            if !grew {
                break window;
            }
        }
    };
    // Context: whole neighbouring sentences when they fit, else the words next to the window.
    let before = core.start - window.start;
    if before < CONTEXT_WORDS && window.start > 0 {
        let previous = sentences
            .iter()
            .find(|s| s.end == window.start)
            .map_or(window.start - 1, |s| s.start);
        if fits(&(previous..window.end)) {
            window.start = previous;
        } else {
            for _ in before..CONTEXT_WORDS {
                if window.start > 0 && fits(&(window.start - 1..window.end)) {
                    window.start -= 1;
                }
            }
        }
    }
    let after = window.end - core.end;
    if after < CONTEXT_WORDS && window.end < words.len() {
        let next = sentences
            .iter()
            .find(|s| s.start == window.end)
            .map_or(window.end + 1, |s| s.end);
        if fits(&(window.start..next)) {
            window.end = next;
        } else {
            for _ in after..CONTEXT_WORDS {
                if window.end < words.len() && fits(&(window.start..window.end + 1)) {
                    window.end += 1;
                }
            }
        }
    }
    // Then whole neighbouring sentences, before and after in turn, while they fit.
    loop {
        let mut grew = false;
        if let Some(previous) = sentences.iter().find(|s| s.end == window.start) {
            if fits(&(previous.start..window.end)) {
                window.start = previous.start;
                grew = true;
            }
        }
        if let Some(next) = sentences.iter().find(|s| s.start == window.end) {
            if fits(&(window.start..next.end)) {
                window.end = next.end;
                grew = true;
            }
        }
        if !grew {
            break window;
        }
    }
}

/// Sorted ranges with overlapping ones merged.
fn merge_overlapping(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::new();
    for range in ranges {
        match merged.last_mut() {
            Some(last) if range.start < last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

/// The text analyzer ([`crate::index::analysis::folded_stem`]) with [`QueryInitials`] just
/// before the stemmer: the same terms for every word that can match, and none of the
/// stemming cost for the rest.
fn stemming_analyzer(initials: QueryInitials) -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(LONGEST_WORD))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(initials)
        .filter(Stemmer::new(Language::English))
        .build()
}

/// A token filter that blanks every word whose first letter begins no query term.
///
/// English stemming keeps a word's first letter, so such a word can never stem to a query
/// term; blanked, it costs the stemmer nothing. Blanked words keep their offsets and
/// positions, so phrases are matched exactly as without the filter.
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
    use crate::index::analysis;
    use tantivy::query_grammar::parse_query;

    /// The seed articles' text, and words whose stems are irregular.
    fn sample_text() -> String {
        let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let mut text = String::from(
            "dying lying tying skies skis idly gently ugly early only singly news yes youth \
             yearly Yemen's Ökonomie über generously cried ying'yang Šefčovič œuvre",
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
        analyse(analyzer, text)
    }

    #[test]
    fn english_stemming_keeps_a_words_first_letter() {
        let text = sample_text();
        let words = tokens(&mut analysis::folded(), &text);
        let stems = tokens(&mut analysis::folded_stem(), &text);
        assert_eq!(words.len(), stems.len());
        for (word, stem) in words.iter().zip(&stems) {
            assert_eq!(word.chars().next(), stem.chars().next(), "{word} -> {stem}");
        }
    }

    #[test]
    fn blanking_unmatchable_words_keeps_every_matchable_term() {
        let text = sample_text();
        let stems = tokens(&mut analysis::folded_stem(), &text);
        for pair in stems.windows(2).step_by(17) {
            let mut lazy = stemming_analyzer(QueryInitials::of(pair.iter()));
            let blanked = tokens(&mut lazy, &text);
            assert_eq!(blanked.len(), stems.len());
            for (full, lazy) in stems.iter().zip(&blanked) {
                if pair.contains(full) {
                    assert_eq!(full, lazy);
                }
            }
        }
    }

    /// A highlighter over a plain schema with the text field analysed as the index does.
    fn highlighter(query: &str) -> Highlighter {
        let (schema, fields) = crate::index::schema::build();
        let index = Index::create_in_ram(schema);
        analysis::register(&index);
        let ast = parse_query(query).unwrap();
        Highlighter::new(&index, &ast, fields.text).unwrap()
    }

    fn marked(query: &str, text: &str) -> String {
        highlighter(query)
            .snippet(text)
            .render(|s| format!("[{s}]"), |s| s.to_string())
    }

    #[test]
    fn a_one_sentence_passage_is_shown_whole_with_its_full_stop() {
        assert_eq!(
            marked("\"red line\"", "What's more, it's really a red line."),
            "What's more, it's really a [red line]."
        );
    }

    #[test]
    fn a_match_at_a_sentence_edge_takes_context_from_its_neighbours() {
        let text = "They argued for hours about it. Red lines were drawn. Nobody moved an inch after that.";
        assert_eq!(
            marked("\"red line\"", text),
            "They argued for hours about it. [Red lines] were drawn. Nobody moved an inch after that."
        );
    }

    #[test]
    fn the_best_sentence_of_a_long_passage_is_cut_from_the_rest() {
        let filler = "This sentence says nothing at all of interest to anyone. ";
        let text = format!(
            "{}Moscow said the expansion was a red line for its security. {}",
            filler.repeat(4),
            filler.repeat(4)
        );
        let snippet = marked("\"red line\"", &text);
        assert!(snippet.starts_with("... "), "{snippet}");
        assert!(snippet.ends_with(" ..."), "{snippet}");
        assert!(
            snippet.contains("Moscow said the expansion was a [red line] for its security."),
            "{snippet}"
        );
        assert!(snippet.chars().count() <= MAX_CHARS + 8, "{snippet}");
    }

    #[test]
    fn a_sentence_too_long_is_cut_at_words_around_the_match() {
        let text = format!("{} a red line {}", "word ".repeat(100), "word ".repeat(100));
        let snippet = marked("\"red line\"", text.trim());
        assert!(snippet.starts_with("... word"), "{snippet}");
        assert!(snippet.ends_with("word ..."), "{snippet}");
        assert!(snippet.contains("a [red line] word"), "{snippet}");
    }

    #[test]
    fn a_closing_quote_set_off_by_a_space_stays_with_its_sentence() {
        let text =
            "\"We do not accept it at all, not now and not later. It's really a red line. \"";
        assert_eq!(
            marked("\"red line\"", text),
            "\"We do not accept it at all, not now and not later. It's really a [red line]. \""
        );
    }

    #[test]
    fn a_short_passage_is_never_marked_as_cut() {
        assert_eq!(marked("nato", "NATO said no"), "[NATO] said no");
    }

    #[test]
    fn a_phrase_highlights_only_its_occurrences_as_a_phrase() {
        assert_eq!(
            marked("\"red line\"", "A red car and a line; then a red line."),
            "A red car and a line; then a [red line]."
        );
        assert_eq!(
            marked("red line", "A red car and a line."),
            "A [red] car and a [line]."
        );
        assert_eq!(marked("red -line", "A red line."), "A [red] line.");
    }

    #[test]
    fn folded_words_are_highlighted_in_their_accented_form() {
        assert_eq!(
            marked("Sefcovic", "Maroš Šefčovič spoke."),
            "Maroš [Šefčovič] spoke."
        );
    }

    #[test]
    fn a_passage_without_the_match_shows_its_opening() {
        let text = "word ".repeat(100);
        let snippet = highlighter("title:nato").snippet(&text);
        assert!(snippet.fragment.chars().count() <= MAX_CHARS);
        assert!(snippet.fragment.ends_with("word"));
        assert!(snippet.cut_after && !snippet.cut_before);
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
}
