//! One tokenizer pass per passage for the three fields indexed from its text.
//!
//! The passage text is indexed three times: stemmed (`text`), as written (`text_exact`) and as
//! stemmed word pairs (`text_pairs`), and the title twice (`title`, `title_exact`). tantivy runs
//! each field's analyzer on its own copy of the value, so the same words were split, lowercased,
//! folded and stemmed up to three times on tantivy's single indexing thread, the longest serial
//! stage of a bulk load, and the title once more for every passage of its article. Here the
//! stemmed analyzer of an index writer records, per thread, the words of the last two texts it
//! analysed (lowercased form, stem, offsets, positions); the exact and pair analyzers replay
//! the latest record when they are handed the same text, which tantivy does next (it indexes a
//! document's fields in field order: `title`, `title_exact`, `text`, `text_exact`,
//! `text_pairs`), and the stemmed analyzer replays the title of the previous passage. Any other
//! text falls back to the full analyzer, so the terms are always those of [`super::analysis`]
//! and [`super::pairs`] (unit tests compare them).
//!
//! Only an index writer's handle uses these (`analysis::register_for_writing`); searches
//! analyse query words with the plain analyzers. This module is not about which terms a field
//! gets: that stays in `analysis` and `pairs`.

use std::cell::RefCell;
use std::ops::Range;

use tantivy::tokenizer::{
    AsciiFoldingFilter, BoxTokenStream, LowerCaser, RemoveLongFilter, SimpleTokenizer,
    TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
};

use super::analysis::{CachedStemmer, LONGEST_WORD};

/// The words of the last two texts the recording analyzer went through, on this thread: the
/// latest first. Two, because a passage's title comes before its text and is the same for
/// every passage of an article, so the title's words are replayed too.
#[derive(Default)]
struct Record {
    slots: [Slot; 2],
}

#[derive(Default)]
struct Slot {
    text: String,
    /// Set once the whole text has been analysed; a partial record is never replayed.
    complete: bool,
    words: Words,
}

impl Record {
    /// Makes the slot recording `text` the latest; true when it already holds its words.
    fn take_up(&mut self, text: &str) -> bool {
        let found = |slot: &Slot| slot.complete && slot.text == text;
        if found(&self.slots[0]) {
            return true;
        }
        self.slots.swap(0, 1);
        if found(&self.slots[0]) {
            return true;
        }
        let slot = &mut self.slots[0];
        slot.text.clear();
        slot.text.push_str(text);
        slot.complete = false;
        slot.words.clear();
        false
    }

    fn latest(&self, text: &str) -> Option<&Words> {
        let slot = &self.slots[0];
        (slot.complete && slot.text == text).then_some(&slot.words)
    }
}

/// Words as ranges into two shared strings, so recording allocates nothing per word.
#[derive(Default)]
pub struct Words {
    lower: String,
    stems: String,
    each: Vec<Word>,
}

/// One word: its lowercased form and its stem (ranges into [`Words::lower`] and
/// [`Words::stems`]), its byte offsets in the text and its position.
#[derive(Clone)]
struct Word {
    lower: Range<usize>,
    stem: Range<usize>,
    from: usize,
    to: usize,
    position: usize,
}

impl Clone for Words {
    fn clone(&self) -> Words {
        let mut words = Words::default();
        words.clone_from(self);
        words
    }

    /// Reuses this copy's buffers: a replay copies the record once per text.
    fn clone_from(&mut self, source: &Words) {
        self.lower.clone_from(&source.lower);
        self.stems.clone_from(&source.stems);
        self.each.clone_from(&source.each);
    }
}

impl Words {
    fn clear(&mut self) {
        self.lower.clear();
        self.stems.clear();
        self.each.clear();
    }
}

thread_local! {
    static LAST: RefCell<Record> = RefCell::new(Record::default());
}

/// The stemmed analyzer of `analysis::indexing_folded_stem`, recording what it produced.
pub fn recording_folded_stem() -> TextAnalyzer {
    TextAnalyzer::builder(RecordText {
        inner: TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(LONGEST_WORD))
            .filter(LowerCaser)
            .filter(RecordLower)
            .filter(AsciiFoldingFilter)
            .filter(CachedStemmer)
            .build(),
        words: Words::default(),
    })
    .build()
}

/// Words lowercased (tantivy's `default` analyzer), replayed from the record when it matches.
pub fn replaying_lowercase() -> TextAnalyzer {
    TextAnalyzer::builder(Replay {
        stems: false,
        fallback: TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(LONGEST_WORD))
            .filter(LowerCaser)
            .build(),
        words: Words::default(),
    })
    .build()
}

/// Stemmed words (`analysis::indexing_folded_stem`), replayed from the record when it
/// matches: the base of the pair analyzer.
pub fn replaying_stems() -> Replay {
    Replay {
        stems: true,
        fallback: super::analysis::indexing_folded_stem(),
        words: Words::default(),
    }
}

/// Records the words of each text, marking the record complete when the text's words end;
/// the stems are those of its inner analyzer. A text recorded as one of the last two is
/// replayed instead of analysed again.
#[derive(Clone)]
struct RecordText {
    inner: TextAnalyzer,
    words: Words,
}

impl Tokenizer for RecordText {
    type TokenStream<'a> = RecordTextStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> RecordTextStream<'a> {
        let found = LAST.with(|last| {
            let mut last = last.borrow_mut();
            let found = last.take_up(text);
            if found {
                self.words.clone_from(&last.slots[0].words);
            }
            found
        });
        if found {
            RecordTextStream::Replay(ReplayStream::Words {
                words: &self.words,
                stems: true,
                next: 0,
                token: Token::default(),
            })
        } else {
            RecordTextStream::Record(self.inner.token_stream(text))
        }
    }
}

enum RecordTextStream<'a> {
    Record(BoxTokenStream<'a>),
    Replay(ReplayStream<'a>),
}

impl TokenStream for RecordTextStream<'_> {
    fn advance(&mut self) -> bool {
        let stream = match self {
            RecordTextStream::Record(stream) => stream,
            RecordTextStream::Replay(stream) => return stream.advance(),
        };
        let more = stream.advance();
        LAST.with(|last| {
            let slot = &mut last.borrow_mut().slots[0];
            if more {
                let token = stream.token();
                let start = slot.words.stems.len();
                slot.words.stems.push_str(&token.text);
                let end = slot.words.stems.len();
                if let Some(word) = slot.words.each.last_mut() {
                    word.stem = start..end;
                }
            } else {
                slot.complete = true;
            }
        });
        more
    }

    fn token(&self) -> &Token {
        match self {
            RecordTextStream::Record(stream) => stream.token(),
            RecordTextStream::Replay(stream) => stream.token(),
        }
    }

    fn token_mut(&mut self) -> &mut Token {
        match self {
            RecordTextStream::Record(stream) => stream.token_mut(),
            RecordTextStream::Replay(stream) => stream.token_mut(),
        }
    }
}

/// Records each word lowercased, before folding and stemming.
#[derive(Clone, Copy)]
struct RecordLower;

impl TokenFilter for RecordLower {
    type Tokenizer<T: Tokenizer> = RecordLowerFilter<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> RecordLowerFilter<T> {
        RecordLowerFilter(inner)
    }
}

#[derive(Clone)]
struct RecordLowerFilter<T>(T);

impl<T: Tokenizer> Tokenizer for RecordLowerFilter<T> {
    type TokenStream<'a> = RecordLowerStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        RecordLowerStream(self.0.token_stream(text))
    }
}

struct RecordLowerStream<S>(S);

impl<S: TokenStream> TokenStream for RecordLowerStream<S> {
    fn advance(&mut self) -> bool {
        if !self.0.advance() {
            return false;
        }
        let token = self.0.token();
        LAST.with(|last| {
            let words = &mut last.borrow_mut().slots[0].words;
            let start = words.lower.len();
            words.lower.push_str(&token.text);
            let end = words.lower.len();
            words.each.push(Word {
                lower: start..end,
                stem: 0..0,
                from: token.offset_from,
                to: token.offset_to,
                position: token.position,
            });
        });
        true
    }

    fn token(&self) -> &Token {
        self.0.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.0.token_mut()
    }
}

/// Gives the recorded words (lowercased, or stemmed) of a text the recording analyzer has just
/// analysed, and otherwise runs `fallback`, which gives the same words from scratch.
#[derive(Clone)]
pub struct Replay {
    stems: bool,
    fallback: TextAnalyzer,
    words: Words,
}

impl Tokenizer for Replay {
    type TokenStream<'a> = ReplayStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> ReplayStream<'a> {
        let found = LAST.with(|last| match last.borrow().latest(text) {
            Some(words) => {
                self.words.clone_from(words);
                true
            }
            None => false,
        });
        if found {
            ReplayStream::Words {
                words: &self.words,
                stems: self.stems,
                next: 0,
                token: Token::default(),
            }
        } else {
            ReplayStream::Fallback(self.fallback.token_stream(text))
        }
    }
}

/// The stream of [`Replay`].
pub enum ReplayStream<'a> {
    Words {
        words: &'a Words,
        stems: bool,
        next: usize,
        token: Token,
    },
    Fallback(BoxTokenStream<'a>),
}

impl TokenStream for ReplayStream<'_> {
    fn advance(&mut self) -> bool {
        match self {
            ReplayStream::Words {
                words,
                stems,
                next,
                token,
            } => {
                let Some(word) = words.each.get(*next) else {
                    return false;
                };
                *next += 1;
                token.text.clear();
                if *stems {
                    token.text.push_str(&words.stems[word.stem.clone()]);
                } else {
                    token.text.push_str(&words.lower[word.lower.clone()]);
                }
                token.offset_from = word.from;
                token.offset_to = word.to;
                token.position = word.position;
                token.position_length = 1;
                true
            }
            ReplayStream::Fallback(stream) => stream.advance(),
        }
    }

    fn token(&self) -> &Token {
        match self {
            ReplayStream::Words { token, .. } => token,
            ReplayStream::Fallback(stream) => stream.token(),
        }
    }

    fn token_mut(&mut self) -> &mut Token {
        match self {
            ReplayStream::Words { token, .. } => token,
            ReplayStream::Fallback(stream) => stream.token_mut(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Terms = Vec<(String, usize, usize, usize)>;

    fn terms(analyzer: &mut TextAnalyzer, text: &str) -> Terms {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while let Some(t) = stream.next() {
            out.push((t.text.clone(), t.position, t.offset_from, t.offset_to));
        }
        out
    }

    /// Replayed and recorded terms equal the plain analyzers' terms, for texts analysed in
    /// tantivy's field order and for texts the recorder never saw (the fallback).
    #[test]
    fn one_pass_gives_each_fields_terms() {
        let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let mut texts: Vec<String> = std::fs::read_dir(&seeds)
            .expect("the seeds folder")
            .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
            .collect();
        texts.push(format!(
            "Maroš Šefčovič's ﬁnale: {} being held, the talks.",
            "x".repeat(50)
        ));
        texts.push(String::new());
        assert!(texts.len() > 5);
        let mut stem = recording_folded_stem();
        let mut exact = replaying_lowercase();
        let mut pairs = super::super::pairs::indexing_analyzer();
        let mut plain_stem = super::super::analysis::folded_stem();
        let mut plain_exact = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(LONGEST_WORD))
            .filter(LowerCaser)
            .build();
        let mut plain_pairs = super::super::pairs::analyzer();
        for text in &texts {
            // As tantivy indexes a passage: stemmed, then exact, then pairs.
            assert_eq!(terms(&mut stem, text), terms(&mut plain_stem, text));
            assert_eq!(terms(&mut exact, text), terms(&mut plain_exact, text));
            assert_eq!(terms(&mut pairs, text), terms(&mut plain_pairs, text));
        }
        // The text just recorded is replayed, not analysed again; another text is not.
        terms(&mut stem, "red lines");
        let mut replay = replaying_stems();
        assert!(matches!(
            replay.token_stream("red lines"),
            ReplayStream::Words { .. }
        ));
        assert!(matches!(
            replay.token_stream("red line"),
            ReplayStream::Fallback(_)
        ));
        // A title between passages is replayed by the stemmed analyzer itself, then by the
        // exact one.
        for pair in texts.windows(2) {
            let (title, text) = (&pair[0], &pair[1]);
            for _ in 0..2 {
                assert_eq!(terms(&mut stem, title), terms(&mut plain_stem, title));
                assert_eq!(terms(&mut exact, title), terms(&mut plain_exact, title));
                assert_eq!(terms(&mut stem, text), terms(&mut plain_stem, text));
                assert_eq!(terms(&mut pairs, text), terms(&mut plain_pairs, text));
            }
        }
        // Texts the recorder did not see last: the replaying analyzers start from scratch.
        for (i, text) in texts.iter().enumerate() {
            let other = &texts[(i + 1) % texts.len()];
            terms(&mut stem, other);
            if other != text {
                assert_eq!(terms(&mut exact, text), terms(&mut plain_exact, text));
                assert_eq!(terms(&mut pairs, text), terms(&mut plain_pairs, text));
            }
        }
    }
}
