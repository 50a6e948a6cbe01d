//! A passage's statement as words to compare: its quoted words (or the whole passage when it
//! quotes nothing), normalised for quotes, case, accents, punctuation and place abbreviations
//! ("U.S."), and stemmed; and the weekday the passage says the remark was made on.
//!
//! For: the features the grouping rules compare. Not for: display (the wording comparison in
//! `wording` works on the words as written) or search (the index has its own analyzers).

use std::collections::HashSet;
use std::hash::{Hash, Hasher};

use std::sync::OnceLock;

use chrono::Weekday;
use rustc_hash::{FxHashMap, FxHashSet, FxHasher};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, SimpleTokenizer, Stemmer, TextAnalyzer, TokenStream,
};

/// Fewer quoted words than this and the passage's whole text is the statement: a quoted word
/// or two ("a disaster") is a phrase inside reported speech, not the statement.
const MIN_QUOTED_WORDS: usize = 3;

/// Share of a passage's words that must be quoted for the quoted words alone to be its
/// statement. Below it the passage is a paraphrase with a quote inside ("'Questioning is one
/// thing,' Marlowe said, but he says he is being asked about events that occurred 30 and 40
/// years ago"): the reporter's paraphrase carries most of what was said, so the whole passage
/// is compared, its quoted pieces as fragments of their own.
const QUOTED_SHARE: f64 = 0.5;

/// Content words in a quoted phrase (see [`Features::quoted_phrases`]): two shared quoted
/// words ("extremely careless", "big sister") are too common a pair to name one remark.
pub const PHRASE_WORDS: usize = 3;

/// Words a partial quote may hold (see [`Features::partial_quotes`]): a reporter's quoted
/// phrase ("extremely careless", "an artful smear"), not a quoted sentence.
pub const PARTIAL_QUOTE_WORDS: usize = 6;

/// Content words a statement needs to be compared on its own words (the grouping's
/// `comparable`); a shorter one is only matched as a copy of its whole passage
/// ([`Features::reprint`]).
pub const MIN_CONTENT: usize = 3;

/// Content words (besides the speaker's name) a whole passage needs for a word-for-word copy
/// of it to count as a reprint of one report (see [`Features::reprint`]): two. A passage of
/// two content words copied with its framing, word for word, in another article of the
/// speaker within the window ("While not everything Varga says is accurate," in the next day's
/// edition) is one report printed twice; one content word ("“Never,” she said") is a word
/// anyone may say again.
pub const REPRINT_CONTENT: usize = 2;

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
    /// Where each fragment starts in `words` (the first at 0): a quoted segment or a
    /// sentence. Reporters cut a quote into pieces
    /// ("X," he said. "Y"), so containment is judged fragment by fragment.
    pub fragments: Vec<usize>,
    /// The quoted phrases: a hash of each run of words inside one quoted segment that holds
    /// [`PHRASE_WORDS`] content words, from the first to the last of them ("not a handful of
    /// rich harbour landlords" and "not just a few rich harbour landlords" share
    /// "rich harbour landlords"; "make clear that we stand" and "make it clear that we
    /// stand" share none), sorted and without repeats. Two reports quoting the same rare phrase
    /// quote the same remark (the grouping counts how rare).
    pub quoted_phrases: Vec<u64>,
    /// The same for quoted runs holding two content words ("her mind is broken", "pathological
    /// liar"): too common to name one remark alone, so the grouping takes them only beside
    /// other evidence.
    pub quoted_pairs: Vec<u64>,
    /// For a statement too short to compare on its own (fewer than [`MIN_CONTENT`] content
    /// words, "“Your reputation is amazing,” Varga assured Dole"): a hash of its whole
    /// passage's words in order, framing included, when the passage holds at least
    /// [`REPRINT_CONTENT`] content words. Two such passages alike word for word, framing and all,
    /// are one passage copied (a reprint, two versions of a live blog), not a short phrase said
    /// twice.
    pub reprint: Option<u64>,
    /// Whether the passage names its speaker only as the source of what it reports, in an
    /// "according to …" clause ("Lund is 64 votes shy of the nomination, according
    /// to the Harbour Wire"): a finding, a count or a poll result rather than a remark.
    pub sourced: bool,
    /// For a statement compared whole (a paraphrase, see [`QUOTED_SHARE`]): a hash of each of
    /// its quoted segments that is a partial quote, at most [`PARTIAL_QUOTE_WORDS`] words with
    /// at least two content words, its words in order ("called her handling of the files
    /// “deeply reckless”"), sorted and without repeats. Reporters paraphrasing one remark pick
    /// its striking phrase to quote, so two paraphrases quoting the same one whole point at
    /// one remark (the grouping checks the phrase is new for the speaker).
    pub partial_quotes: Vec<u64>,
    /// The partial quotes holding exactly two content words, hashed as [`Self::quoted_pairs`]
    /// hashes a quoted run ("“deeply reckless”"), so that another report's longer quote holding
    /// the phrase ("“The minister was deeply reckless with the accounts,” Quill said") is found.
    pub partial_quote_pairs: Vec<u64>,
    /// The weekday the passage's own words (outside quotation marks) say the statement was
    /// made on ("said on Thursday", "told a rally Monday night", "during Saturday's debate"),
    /// when they name exactly one and not as a future day ("next Tuesday"); the grouping
    /// reads it against the article's date (see `grouping::remark_date`).
    pub remark_weekday: Option<Weekday>,
}

impl Features {
    /// Whether a word is one of the content words.
    pub fn is_content(&self, word: Word) -> bool {
        self.content.binary_search(&word).is_ok()
    }

    /// The fragments' word ranges in `words`, in order.
    pub fn fragment_ranges(&self) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
        let ends = self
            .fragments
            .iter()
            .skip(1)
            .copied()
            .chain([self.words.len()]);
        self.fragments.iter().copied().zip(ends).map(|(a, b)| a..b)
    }

    /// The distinct content words among `words[range]`.
    pub fn content_in(&self, range: std::ops::Range<usize>) -> usize {
        let mut found: Vec<Word> = self.words[range]
            .iter()
            .copied()
            .filter(|&w| self.is_content(w))
            .collect();
        found.sort_unstable();
        found.dedup();
        found.len()
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
    ///
    /// When the statement is the whole passage (it quotes too few words), its attribution
    /// clauses are left out as well (see [`attribution_clauses`]): a title such as
    /// "presumptive Democratic presidential nominee" is how an outlet names the speaker, not
    /// what the speaker said, and two remarks framed alike would otherwise share a run of
    /// content words.
    pub fn features(&mut self, passage_text: &str, speaker: &str) -> Features {
        // Segments are joined by a line break so fragments can be told apart below.
        let (statement, whole) = match quoted_statement(passage_text, "\n") {
            Some(quoted) => (quoted, false),
            None => (passage_text.to_string(), true),
        };
        let statement = spell_out_abbreviations(statement);
        if !self.names.contains_key(speaker) {
            let name = tokens(&mut self.plain, speaker).into_iter().collect();
            self.names.insert(speaker.to_string(), name);
        }
        let mut seen = Vec::new();
        {
            let mut stream = self.plain.token_stream(&statement);
            let name = &self.names[speaker];
            while stream.advance() {
                let token = stream.token();
                let plain = token.text.as_str();
                let (word, content) = match self.known.get(plain) {
                    Some(&known) => known,
                    None => {
                        // The stemmer is a second analyzer, so the word is copied out of the
                        // stream first (once per distinct word and thread).
                        let plain = plain.to_string();
                        word_of(&mut self.stem, &mut self.known, &plain)
                    }
                };
                let plain = token.text.as_str();
                seen.push(Seen {
                    word,
                    content,
                    name: name.contains(plain),
                    cue: whole && CUES.contains(&plain),
                    from: token.offset_from,
                    to: token.offset_to,
                });
            }
        }
        let (dropped, sourced) = if whole {
            attribution_clauses(&statement, &seen)
        } else {
            (vec![false; seen.len()], false)
        };
        // Quoted words: all of a statement made of quotes, the quoted pieces of a passage
        // compared whole.
        let quoted = if whole {
            quoted_spans(&statement)
        } else {
            std::iter::once(0..statement.len()).collect()
        };
        // Where in `features.words` the current quoted run's content words are.
        let mut phrase: Vec<usize> = Vec::new();
        let mut features = Features {
            sourced,
            ..Features::default()
        };
        let mut fragment_starts = true;
        // Where each token landed in `features.words` (dropped tokens nowhere).
        let mut at_word: Vec<Option<usize>> = vec![None; seen.len()];
        for (i, (token, dropped)) in seen.iter().zip(dropped).enumerate() {
            if i > 0 {
                // A quotation mark also starts a fragment: in a paraphrase compared whole,
                // each quoted piece is one.
                let gap = &statement[seen[i - 1].to..token.from];
                fragment_starts |= gap.contains(['.', '!', '?', '\n', '“', '”', '"', '«', '»']);
            }
            if dropped {
                phrase.clear();
                continue;
            }
            if fragment_starts {
                features.fragments.push(features.words.len());
                fragment_starts = false;
                phrase.clear();
            }
            if token.content && !token.name {
                features.content.push(token.word);
                if quoted.iter().any(|span| span.contains(&token.from)) {
                    phrase.push(features.words.len());
                    for (n, found) in [
                        (PHRASE_WORDS, &mut features.quoted_phrases),
                        (2, &mut features.quoted_pairs),
                    ] {
                        if phrase.len() >= n {
                            let from = phrase[phrase.len() - n];
                            let mut h = FxHasher::default();
                            features.words[from..].hash(&mut h);
                            token.word.hash(&mut h);
                            found.push(h.finish());
                        }
                    }
                } else {
                    phrase.clear();
                }
            }
            at_word[i] = Some(features.words.len());
            features.words.push(token.word);
        }
        if whole {
            features.partial_quotes = partial_quotes(&seen, &quoted);
            features.partial_quote_pairs =
                partial_quote_pairs(&seen, &quoted, &at_word, &features.words);
        }
        features.content.sort_unstable();
        features.content.dedup();
        features.quoted_phrases.sort_unstable();
        features.quoted_phrases.dedup();
        features.quoted_pairs.sort_unstable();
        features.quoted_pairs.dedup();
        if features.content.len() < MIN_CONTENT {
            features.reprint = self.reprint(passage_text, speaker);
        }
        features.remark_weekday = remark_weekday(passage_text);
        features
    }

    /// The [`Features::reprint`] of a passage: its words' hash when it holds at least
    /// [`REPRINT_CONTENT`] content words other than the speaker's name. Only asked of short
    /// statements, so the second pass over the text costs little.
    fn reprint(&mut self, passage_text: &str, speaker: &str) -> Option<u64> {
        let mut words = Vec::new();
        let mut content = FxHashSet::default();
        let mut stream = self.plain.token_stream(passage_text);
        while stream.advance() {
            let plain = stream.token().text.clone();
            let (word, is_content) = word_of(&mut self.stem, &mut self.known, &plain);
            // A weekday is the framing's, not the statement's ("said on Tuesday").
            if is_content && !self.names[speaker].contains(&plain) && !is_weekday(&plain) {
                content.insert(word);
            }
            words.push(word);
        }
        (content.len() >= REPRINT_CONTENT).then(|| {
            let mut h = FxHasher::default();
            words.hash(&mut h);
            h.finish()
        })
    }
}

/// A place-name abbreviation (from `data/abbreviations_en.txt`): as written, the name it
/// stands for, and whether it is an undotted form that is also a word ("US"), written out
/// only where its neighbours name the place (see [`names_the_place`]).
struct Abbreviation {
    short: &'static str,
    name: &'static str,
    undotted: bool,
}

/// The abbreviations of `data/abbreviations_en.txt`, longest first.
fn abbreviations() -> &'static [Abbreviation] {
    static LIST: OnceLock<Vec<Abbreviation>> = OnceLock::new();
    LIST.get_or_init(|| {
        include_str!("data/abbreviations_en.txt")
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                let mut fields = l.split('\t');
                let short = fields.next()?;
                let name = fields.next()?;
                Some(Abbreviation {
                    short,
                    name,
                    undotted: fields.next() == Some("undotted"),
                })
            })
            .collect()
    })
}

/// Whether an undotted abbreviation at `at..end` of `text` names the place: after "the",
/// "a" or "an" ("the US"), before a hyphen and a capitalised word ("US-Mexico"; "US-led" is
/// left as written unless a determiner comes before it) or before a capitalised word that is
/// not a stop word ("UN Security Council"), and not amid words in capitals ("LET US IN"), where
/// it may be the word. "Let US in" and "give US a chance" stay as written.
fn names_the_place(text: &str, at: usize, end: usize) -> bool {
    let word_before = text[..at]
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default();
    let after = &text[end..];
    let word_after = after
        .trim_start()
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default();
    // A word in capitals has letters and no lower-case one: "2020" is no shouting.
    let shouted = |w: &str| {
        w.len() > 1 && w.chars().any(char::is_uppercase) && !w.chars().any(char::is_lowercase)
    };
    if shouted(word_before) || shouted(word_after) {
        return false;
    }
    let determiner = ["the", "a", "an"]
        .iter()
        .any(|d| word_before.eq_ignore_ascii_case(d));
    let hyphen = after.starts_with('-') && after[1..].starts_with(|c: char| c.is_uppercase());
    let name_after = after.starts_with(' ')
        && word_after.starts_with(|c: char| c.is_uppercase())
        && !stop_words().contains(word_after.to_lowercase().as_str());
    determiner || hyphen || name_after
}

/// `text` with each place-name abbreviation written out ("the U.S. economy" → "the United
/// States. economy"): the words compared are then the same however an outlet wrote the name.
/// An abbreviation's final full stop is kept where it was, so a statement's fragments (which
/// split at full stops) are those of the text as written. Matched as a whole word, in
/// capitals, so "us" and "usa" in other senses stay.
fn spell_out_abbreviations(text: String) -> String {
    if !text.contains('U') {
        return text;
    }
    let mut out = text;
    for abbreviation in abbreviations() {
        let (short, name) = (abbreviation.short, abbreviation.name);
        let mut from = 0;
        while let Some(found) = out[from..].find(short) {
            let at = from + found;
            let end = at + short.len();
            let before = out[..at].chars().next_back();
            let after = out[end..].chars().next();
            let starts = before.is_none_or(|c| !c.is_alphanumeric() && c != '.');
            let ends = after.is_none_or(|c| !c.is_alphanumeric());
            if starts && ends && (!abbreviation.undotted || names_the_place(&out, at, end)) {
                out.replace_range(at..end, name);
                from = at + name.len();
            } else {
                from = end;
            }
        }
    }
    out
}

/// Weekday names as news reports write them, in the order of [`Weekday::num_days_from_monday`].
const WEEKDAYS: [(&str, Weekday); 7] = [
    ("Monday", Weekday::Mon),
    ("Tuesday", Weekday::Tue),
    ("Wednesday", Weekday::Wed),
    ("Thursday", Weekday::Thu),
    ("Friday", Weekday::Fri),
    ("Saturday", Weekday::Sat),
    ("Sunday", Weekday::Sun),
];

/// Whether a token (as the plain analyzer gives it, lower case) names a weekday.
fn is_weekday(word: &str) -> bool {
    WEEKDAYS
        .iter()
        .any(|(name, _)| name.eq_ignore_ascii_case(word))
}

/// Words before a weekday that make it another day than the remark's: a deadline or a plan
/// ("by Friday", "until Monday", "this Sunday"), not when something was said.
const NOT_REMARK_DAY_BEFORE: [&str; 8] = [
    "by", "until", "till", "before", "this", "coming", "through", "ahead",
];

/// The [`Features::remark_weekday`] of a passage: the one weekday named outside its quoted
/// spans, as a whole word or a possessive ("Saturday's debate"), not a plural ("on Tuesdays":
/// a habit), not after "next" (a future day), not after a deadline word
/// ([`NOT_REMARK_DAY_BEFORE`]: "by Friday") and not inside a capitalised name ("Super
/// Tuesday", "Fox News Sunday"). None when none is named, or two different
/// days are (which was the remark's is then unclear). A scan for "day", so a passage naming
/// none costs one pass over its bytes.
fn remark_weekday(text: &str) -> Option<Weekday> {
    // Most passages name no day: their quotations are then never looked for.
    if !text.contains("day") {
        return None;
    }
    let quoted = quoted_spans(text);
    let mut found: Option<Weekday> = None;
    for (at, _) in text.match_indices("day") {
        // A whole word or a possessive ("Saturday's"), not a plural ("Tuesdays": a habit).
        let ends_word = text[at + 3..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        if !ends_word || quoted.iter().any(|span| span.contains(&at)) {
            continue;
        }
        let Some(&(name, weekday)) = WEEKDAYS
            .iter()
            .find(|(name, _)| text[..at + 3].ends_with(name))
        else {
            continue;
        };
        let start = at + 3 - name.len();
        if text[..start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let before = text[..start].trim_end();
        let previous = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or_default();
        if previous.eq_ignore_ascii_case("next") {
            return None;
        }
        let in_name = before.ends_with(previous)
            && previous.starts_with(|c: char| c.is_uppercase())
            && before[..before.len() - previous.len()]
                .trim_end()
                .chars()
                .next_back()
                .is_some_and(|c| !matches!(c, '.' | '!' | '?' | '"' | '“' | '”'));
        if in_name
            || NOT_REMARK_DAY_BEFORE
                .iter()
                .any(|word| previous.eq_ignore_ascii_case(word))
        {
            continue;
        }
        match found {
            Some(day) if day != weekday => return None,
            _ => found = Some(weekday),
        }
    }
    found
}

/// The [`Features::partial_quotes`] of a statement compared whole, from its tokens and its
/// quoted spans.
fn partial_quotes(seen: &[Seen], quoted: &[std::ops::Range<usize>]) -> Vec<u64> {
    let mut found: Vec<u64> = quoted
        .iter()
        .filter_map(|span| {
            let inside: Vec<&Seen> = seen.iter().filter(|t| span.contains(&t.from)).collect();
            let content = inside.iter().filter(|t| t.content && !t.name).count();
            (content >= 2 && inside.len() <= PARTIAL_QUOTE_WORDS).then(|| {
                let mut h = FxHasher::default();
                for token in &inside {
                    token.word.hash(&mut h);
                }
                h.finish()
            })
        })
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

/// The [`Features::partial_quote_pairs`] of a statement compared whole: for each quoted span of
/// at most [`PARTIAL_QUOTE_WORDS`] words holding exactly two content words, the hash the main
/// pass gives a quoted run from the first of them to the second (the words between, then the
/// second word).
fn partial_quote_pairs(
    seen: &[Seen],
    quoted: &[std::ops::Range<usize>],
    at_word: &[Option<usize>],
    words: &[Word],
) -> Vec<u64> {
    let mut found: Vec<u64> = quoted
        .iter()
        .filter_map(|span| {
            let inside: Vec<usize> = (0..seen.len())
                .filter(|&i| span.contains(&seen[i].from))
                .collect();
            let content: Vec<usize> = inside
                .iter()
                .filter(|&&i| seen[i].content && !seen[i].name)
                .filter_map(|&i| at_word[i])
                .collect();
            (content.len() == 2 && inside.len() <= PARTIAL_QUOTE_WORDS).then(|| {
                let mut h = FxHasher::default();
                words[content[0]..content[1]].hash(&mut h);
                words[content[1]].hash(&mut h);
                h.finish()
            })
        })
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

/// Reporting verbs that end (or open) an attribution clause: "Lund said", "said Lund".
const CUES: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "states",
    "noted",
    "notes",
    "wrote",
    "writes",
    "tweeted",
    "tweets",
    "warned",
    "warns",
    "explained",
    "explains",
    "claimed",
    "claims",
    "insisted",
    "insists",
    "argued",
    "argues",
    "asked",
    "asks",
    "announced",
    "announces",
    "declared",
    "declares",
    "acknowledged",
    "acknowledges",
    "suggested",
    "suggests",
    // Opens a source clause ("according to …"), handled on its own.
    "according",
];

/// Words a title before or after the speaker's name may hold ("presumptive Democratic
/// presidential nominee", "the chairman of the Republican National Committee").
const TITLE_WORDS: usize = 6;

/// Words a cue may stand from the speaker's name in one clause ("Lund on Tuesday said").
const CUE_REACH: usize = 4;

/// One token of a statement as the attribution-clause search sees it.
struct Seen {
    word: Word,
    content: bool,
    /// One of the speaker's name words.
    name: bool,
    /// A reporting verb (only looked for when the statement is the whole passage).
    cue: bool,
    /// Byte range in the statement text.
    from: usize,
    to: usize,
}

/// Which tokens belong to an attribution clause: the speaker's name with the title before it
/// when they open a clause, an apposition after it (a clause of at most [`TITLE_WORDS`]
/// between punctuation), and the name with a reporting verb in
/// the same clause (no punctuation between them), together with everything from the clause's
/// start to the verb ("Presumptive Democratic presidential nominee Ada Lund said"), or,
/// inverted, from the verb to the name ending its clause ("…, said Ada Lund."), and a
/// whole "according to …" clause that names the speaker. Clauses are bounded by punctuation,
/// so "…, Lund said" drops only "Lund said". Also whether an "according to" clause
/// named the speaker (see [`Features::sourced`]).
fn attribution_clauses(text: &str, tokens: &[Seen]) -> (Vec<bool>, bool) {
    let mut dropped = vec![false; tokens.len()];
    let mut sourced = false;
    // Whether punctuation separates token i from token i - 1 (or i is the first token).
    let boundary: Vec<bool> = (0..tokens.len())
        .map(|i| {
            i == 0
                || text[tokens[i - 1].to..tokens[i].from]
                    .chars()
                    .any(|c| matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '—' | '–' | '(' | ')'))
        })
        .collect();
    let end_of_clause = |i: usize| i + 1 == tokens.len() || boundary[i + 1];
    for j in 0..tokens.len() {
        if !tokens[j].name {
            continue;
        }
        // The name as the subject of its clause, after a short title: "Presumptive
        // Democratic presidential nominee Ada Lund [urged …]".
        let mut start = j;
        while start > 0 && !boundary[start] {
            start -= 1;
        }
        if j - start <= TITLE_WORDS {
            dropped[start..=j].iter_mut().for_each(|d| *d = true);
        }
        // An apposition after the name: "Lund, the presumptive Democratic nominee, said".
        if end_of_clause(j) && j + 1 < tokens.len() {
            let mut end = j + 1;
            while !end_of_clause(end) && end - j <= TITLE_WORDS {
                end += 1;
            }
            if end_of_clause(end) && end - j <= TITLE_WORDS && end + 1 < tokens.len() {
                dropped[j + 1..=end].iter_mut().for_each(|d| *d = true);
            }
        }
    }
    // "According to <source>" names where the words come from, like "said <name>": when
    // its clause names the speaker, the whole clause is attribution, however long the
    // source's description ("according to first figures of the door poll run by
    // Marsh Polling for the Harbour Wire and radio networks"). Two findings
    // of one pollster share that clause word for word; it is no part of either finding.
    let word = |i: usize| &text[tokens[i].from..tokens[i].to];
    for i in 0..tokens.len().saturating_sub(1) {
        if !(tokens[i].cue && word(i).eq_ignore_ascii_case("according"))
            || boundary[i + 1]
            || !word(i + 1).eq_ignore_ascii_case("to")
        {
            continue;
        }
        let mut end = i + 1;
        while !end_of_clause(end) {
            end += 1;
        }
        if tokens[i..=end].iter().any(|t| t.name) {
            dropped[i..=end].iter_mut().for_each(|d| *d = true);
            sourced = true;
        }
    }
    for (cue, token) in tokens.iter().enumerate() {
        if !token.cue || word(cue).eq_ignore_ascii_case("according") {
            continue;
        }
        // Name before the cue, in its clause.
        let mut j = cue;
        let mut name_at = None;
        while j > 0 && !boundary[j] && cue - j < CUE_REACH {
            j -= 1;
            if tokens[j].name {
                name_at = Some(j);
                break;
            }
        }
        if let Some(mut start) = name_at {
            while start > 0 && !boundary[start] {
                start -= 1;
            }
            dropped[start..=cue].iter_mut().for_each(|d| *d = true);
            continue;
        }
        // Inverted: the cue, then a title and the name closing the clause.
        let mut end = cue;
        while !end_of_clause(end) && end - cue < 2 * CUE_REACH {
            end += 1;
            if tokens[end].name && end_of_clause(end) {
                dropped[cue..=end].iter_mut().for_each(|d| *d = true);
                break;
            }
        }
    }
    (dropped, sourced)
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
/// when it quotes fewer than [`MIN_QUOTED_WORDS`] words or less than [`QUOTED_SHARE`] of its
/// words.
///
/// Quotation marks: “ ” « » „ as pairs, straight `"` and doubled apostrophes `''` (as some
/// newspaper archives write them) as toggles; a segment left open runs to the end. Single
/// curly quotes are not read as quotation marks, since ’ is also the apostrophe.
pub fn statement_text(text: &str) -> String {
    quoted_statement(text, " ").unwrap_or_else(|| text.to_string())
}

/// The words a passage quotes, segments joined by `separator`, when it quotes at least
/// [`MIN_QUOTED_WORDS`] and at least [`QUOTED_SHARE`] of its words.
fn quoted_statement(text: &str, separator: &str) -> Option<String> {
    let quoted: String = quoted_segments(text).join(separator);
    let n = quoted.split_whitespace().count();
    let all = text.split_whitespace().count();
    (n >= MIN_QUOTED_WORDS && n as f64 >= QUOTED_SHARE * all as f64).then_some(quoted)
}

/// The byte ranges of a text's quoted segments (marks left out), read as
/// [`quoted_segments`] reads them.
fn quoted_spans(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let (mark, end) = match c {
            '“' | '«' | '„' => (Some(Mark::Open), at + c.len_utf8()),
            '”' | '»' => (Some(Mark::Close), at + c.len_utf8()),
            '"' => (Some(Mark::Toggle), at + 1),
            '\'' if chars.peek().map(|&(_, n)| n) == Some('\'') => {
                chars.next();
                (Some(Mark::Toggle), at + 2)
            }
            _ => (None, at),
        };
        match (mark, open) {
            (Some(Mark::Open), None) | (Some(Mark::Toggle), None) => open = Some(end),
            (Some(Mark::Close), Some(from)) | (Some(Mark::Toggle), Some(from)) => {
                spans.push(from..at);
                open = None;
            }
            _ => {}
        }
    }
    if let Some(from) = open {
        spans.push(from..text.len());
    }
    spans
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
    fn the_day_a_report_names_outside_quotes_is_its_remark_day() {
        assert_eq!(
            remark_weekday("Quill said Tuesday night that “Monday was a mistake.”"),
            Some(Weekday::Tue)
        );
        assert_eq!(
            remark_weekday("During Saturday's hearing, Quill called it unfair."),
            Some(Weekday::Sat)
        );
        // A habit, a future day, two days, a word ending in "day", no day: none.
        assert_eq!(remark_weekday("Quill holds surgeries on Fridays."), None);
        assert_eq!(
            remark_weekday("Quill said she would vote next Tuesday."),
            None
        );
        assert_eq!(
            remark_weekday("Quill said Monday what she wrote Friday."),
            None
        );
        assert_eq!(remark_weekday("Quill said someday it would be over."), None);
        assert_eq!(remark_weekday("Quill said it would be over."), None);
        // A deadline, or a weekday inside a name, is not the day of the remark.
        assert_eq!(remark_weekday("Quill wants a deal by Friday."), None);
        assert_eq!(
            remark_weekday("Quill won most states on Super Tuesday."),
            None
        );
        assert_eq!(
            remark_weekday("Quill told Fox News Sunday it was over."),
            None
        );
        assert_eq!(
            remark_weekday("On Monday, Quill said it was over."),
            Some(Weekday::Mon)
        );
    }

    #[test]
    fn place_abbreviations_are_spelled_out_keeping_their_full_stop() {
        assert_eq!(
            spell_out_abbreviations("flights to the U.S. and the U.K. were cut".to_string()),
            "flights to the United States. and the United Kingdom. were cut"
        );
        assert_eq!(
            spell_out_abbreviations("the USA, the U.S.A. and “Let US in”".to_string()),
            "the United States, the United States. and “Let US in”"
        );
    }

    #[test]
    fn undotted_place_abbreviations_are_spelled_out_only_where_they_name_the_place() {
        assert_eq!(
            spell_out_abbreviations("the US economy, US-Norland trade and the UN".to_string()),
            "the United States economy, United States-Norland trade and the United Nations"
        );
        assert_eq!(
            spell_out_abbreviations("a UK court heard the UN Security Council".to_string()),
            "a United Kingdom court heard the United Nations Security Council"
        );
        // A number after it is no word in capitals.
        assert_eq!(
            spell_out_abbreviations("the US 2020 election".to_string()),
            "the United States 2020 election"
        );
        // The pronoun in capitals, in a sentence or in a shouted line, stays.
        for text in [
            "“Let US in,” they chanted.",
            "Give US a chance",
            "LET THE US DECIDE",
            "Let US In",
        ] {
            assert_eq!(spell_out_abbreviations(text.to_string()), text);
        }
    }

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
        assert!(quoted_segments("Varga’s plan, he said, isn't ready").is_empty());
    }

    #[test]
    fn an_according_to_clause_naming_the_speaker_is_attribution_not_content() {
        let mut an = Analyzer::new();
        let finding = "Lund led in both Vermont and Oregon, according to first figures of \
                       the door poll run by Marsh Polling for the Harbour Wire and \
                       radio networks.";
        let features = an.features(finding, "Harbour Wire");
        assert!(!features.is_content(hash_word("marsh")));
        assert!(!features.is_content(hash_word("radio")));
        assert!(features.is_content(hash_word("vermont")));
        assert!(features.sourced);
        // Opening the passage, up to its comma.
        let opening = an.features(
            "According to door polls run for the Harbour Wire, voters were angry.",
            "Harbour Wire",
        );
        assert!(!opening.is_content(hash_word("poll")));
        assert!(opening.is_content(hash_word("angri")));
        // A clause that does not name the speaker is part of what was said.
        let other = an.features(
            "Turnout rose, according to the state's own figures, Brenner said.",
            "Kurt Brenner",
        );
        assert!(other.is_content(hash_word("figur")));
        assert!(!other.sourced);
    }

    #[test]
    fn a_short_quote_inside_reported_speech_keeps_the_whole_passage() {
        let text = "Kurt Brenner called Varga a \"pathological liar.\"";
        assert_eq!(statement_text(text), text);
        // Quoted words that are under half the passage are a quote inside a paraphrase.
        let text = "“Questioning is one thing,” Marlowe said, but he says he is being asked about \
                    events that occurred 30 and 40 years ago.";
        assert_eq!(statement_text(text), text);
    }
}
