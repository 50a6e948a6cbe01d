//! A passage's statement as words to compare: its quoted words (or the whole passage when it
//! quotes nothing), normalised for quotes, case, accents and punctuation, and stemmed.
//!
//! For: the features the grouping rules compare. Not for: display (the wording comparison in
//! `wording` works on the words as written) or search (the index has its own analyzers).

use std::collections::HashSet;
use std::hash::{Hash, Hasher};

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet, FxHasher};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, SimpleTokenizer, Stemmer, TextAnalyzer, TokenStream,
};

/// Fewer quoted words than this and the passage's whole text is the statement: a quoted word
/// or two ("a disaster") is a phrase inside reported speech, not the statement.
const MIN_QUOTED_WORDS: usize = 3;

/// English stop words (tantivy's own English list is Lucene's 33 words, which leaves "our",
/// "from", "would" as content words).
fn stop_words() -> &'static HashSet<&'static str> {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        include_str!("data/stopwords_en.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// Reporting verbs and nouns that frame a statement rather than belong to it; they are in
/// almost every reported passage, so they would make unrelated passages look alike.
const FRAMING: &[&str] = &[
    "said",
    "say",
    "says",
    "saying",
    "told",
    "tell",
    "added",
    "add",
    "according",
    "stated",
    "state",
    "noted",
    "note",
    "asked",
    "ask",
    "wrote",
    "write",
    "tweeted",
    "tweet",
    "warned",
    "warn",
    "explained",
    "explain",
    "claimed",
    "claim",
    "insisted",
    "insist",
    "argued",
    "argue",
    "reporters",
    "interview",
    "statement",
    "mr",
    "mrs",
    "ms",
    "dr",
];

/// A word as compared: a 64-bit hash of its stem (FxHash, the same on every run and thread).
/// Comparing and hashing numbers instead of strings is what keeps grouping cheap; two stems
/// sharing a hash: about one chance in 3·10^9 for a 100,000-word vocabulary (birthday bound).
pub type Word = u64;

/// The words of one statement, as compared.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Features {
    /// Every word in order (stemmed, lowercased, accents folded), for shared runs.
    pub words: Vec<Word>,
    /// The content words (stop words, framing words and the speaker's own name left out),
    /// sorted and without repeats, for rewordings.
    pub content: Vec<Word>,
}

impl Features {
    /// Whether a word is one of the content words.
    pub fn is_content(&self, word: Word) -> bool {
        self.content.binary_search(&word).is_ok()
    }

    /// How many content words two statements share.
    pub fn shared_content(&self, other: &Features) -> usize {
        let (mut i, mut j, mut shared) = (0, 0, 0);
        let (a, b) = (&self.content, &other.content);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        shared
    }
}

/// Builds the features of passages; holds the analyzers and what they said of each word
/// seen, so build one per thread and reuse it.
pub struct Analyzer {
    /// Lowercased, accents folded, not stemmed.
    plain: TextAnalyzer,
    stem: TextAnalyzer,
    /// Each word seen: its stem's hash and whether it counts as a content word.
    known: FxHashMap<String, (Word, bool)>,
    /// Each speaker's name words.
    names: FxHashMap<String, FxHashSet<String>>,
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::new()
    }
}

impl Analyzer {
    pub fn new() -> Analyzer {
        let plain = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .build();
        let stem = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(Stemmer::new(Language::English))
            .build();
        Analyzer {
            plain,
            stem,
            known: FxHashMap::default(),
            names: FxHashMap::default(),
        }
    }

    /// The features of a passage's statement; `speaker` is the canonical name, whose words
    /// are left out of the content words (a reported passage names its speaker).
    pub fn features(&mut self, passage_text: &str, speaker: &str) -> Features {
        let statement = statement_text(passage_text);
        if !self.names.contains_key(speaker) {
            let name = tokens(&mut self.plain, speaker).into_iter().collect();
            self.names.insert(speaker.to_string(), name);
        }
        let mut features = Features::default();
        let mut stream = self.plain.token_stream(&statement);
        let name = &self.names[speaker];
        while stream.advance() {
            let plain = stream.token().text.as_str();
            let (word, content) = match self.known.get(plain) {
                Some(&known) => known,
                None => {
                    // The stemmer is a second analyzer, so the word is copied out of the
                    // stream first (once per distinct word and thread).
                    let plain = plain.to_string();
                    word_of(&mut self.stem, &mut self.known, &plain)
                }
            };
            if content && !name.contains(stream.token().text.as_str()) {
                features.content.push(word);
            }
            features.words.push(word);
        }
        features.content.sort_unstable();
        features.content.dedup();
        features
    }
}

/// A word's stem (hashed) and whether it counts as a content word, analysed once per word.
fn word_of(
    stem: &mut TextAnalyzer,
    known: &mut FxHashMap<String, (Word, bool)>,
    word: &str,
) -> (Word, bool) {
    if let Some(&seen) = known.get(word) {
        return seen;
    }
    let stemmed = tokens(stem, word)
        .into_iter()
        .next()
        .unwrap_or_else(|| word.to_string());
    let content = !(FRAMING.contains(&word) || stop_words().contains(word)) && stemmed.len() > 1;
    let seen = (hash_word(&stemmed), content);
    known.insert(word.to_string(), seen);
    seen
}

/// The [`Word`] of a stem.
pub fn hash_word(stem: &str) -> Word {
    let mut hasher = FxHasher::default();
    stem.hash(&mut hasher);
    hasher.finish()
}

fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

/// The words a passage quotes (its quoted segments joined by spaces), or the whole passage
/// when it quotes fewer than [`MIN_QUOTED_WORDS`] words.
///
/// Quotation marks: “ ” « » „ as pairs, straight `"` and doubled apostrophes `''` (as some
/// newspaper archives write them) as toggles; a segment left open runs to the end. Single
/// curly quotes are not read as quotation marks, since ’ is also the apostrophe.
pub fn statement_text(text: &str) -> String {
    let segments = quoted_segments(text);
    let quoted: String = segments.join(" ");
    if quoted.split_whitespace().count() >= MIN_QUOTED_WORDS {
        quoted
    } else {
        text.to_string()
    }
}

/// The quoted segments of a text, in order.
pub fn quoted_segments(text: &str) -> Vec<String> {
    let mut segments = Vec::new();
    let mut current: Option<String> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let mark = match c {
            '“' | '«' | '„' => Some(Mark::Open),
            '”' | '»' => Some(Mark::Close),
            '"' => Some(Mark::Toggle),
            '\'' if chars.peek() == Some(&'\'') => {
                chars.next();
                Some(Mark::Toggle)
            }
            _ => None,
        };
        match (mark, current.take()) {
            (Some(Mark::Open), Some(open)) => {
                // A second opening mark closes nothing: keep the segment going.
                current = Some(open);
            }
            (Some(Mark::Open), None) | (Some(Mark::Toggle), None) => current = Some(String::new()),
            (Some(Mark::Close), Some(open)) | (Some(Mark::Toggle), Some(open)) => {
                segments.push(open);
            }
            (Some(Mark::Close), None) => {}
            (None, Some(mut open)) => {
                open.push(c);
                current = Some(open);
            }
            (None, None) => {}
        }
    }
    if let Some(open) = current {
        segments.push(open);
    }
    segments.retain(|s| !s.trim().is_empty());
    segments
}

enum Mark {
    Open,
    Close,
    Toggle,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_words_are_the_statement_and_framing_is_left_out() {
        let text = "“There is no positive reaction on the main issue,” Sergey Lavrov told \
                    reporters. “The main issue is NATO.”";
        assert_eq!(
            statement_text(text),
            "There is no positive reaction on the main issue, The main issue is NATO."
        );
        let features = Analyzer::new().features(text, "Sergei Lavrov");
        assert!(features.is_content(hash_word("posit")));
        assert!(!features.is_content(hash_word("lavrov")));
        assert!(!features.is_content(hash_word("the")));
        assert!(features.words.contains(&hash_word("the")));
    }

    #[test]
    fn doubled_apostrophes_and_straight_quotes_toggle() {
        assert_eq!(
            quoted_segments("''Golf is thin,'' Mr. Hedge said. \"Very thin\""),
            vec!["Golf is thin,".to_string(), "Very thin".to_string()]
        );
        // An apostrophe inside a word is no quotation mark.
        assert!(quoted_segments("Trump’s plan, he said, isn't ready").is_empty());
    }

    #[test]
    fn a_short_quote_inside_reported_speech_keeps_the_whole_passage() {
        let text = "Bernie Sanders called Trump a \"pathological liar.\"";
        assert_eq!(statement_text(text), text);
    }
}
