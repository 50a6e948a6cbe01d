//! Which passages carry the same statement: candidate pairs from MinHash LSH (gaoya) and from
//! shared word runs, each checked by the pair rule, then joined into groups (union-find).
//!
//! For: the decision "same statement or not" and its cost, kept near-linear by never comparing
//! all pairs. Not for: reading passages from the index or storing groups (`mod.rs`).
//!
//! The pair rule, for two passages of the same speaker in different articles (figures tuned on
//! the gold file `tests/gold/statements.tsv`; `tests/gold/statements-2.tsv` to
//! `tests/gold/statements-5.tsv`, drawn at random later, show how much that flatters them, each
//! only until the rules are changed with it in view; see the README):
//! - **verbatim, any dates**: they share a run of words holding at least [`FAR_RUN`] content
//!   words, or at least [`FAR_CONTAINED`] when the run is (nearly) all of the smaller
//!   statement (outlets quote old remarks word for word);
//! - **cut, within [`WINDOW_DAYS`]**: they share a run holding at least [`NEAR_RUN`] content
//!   words, or the smaller is (nearly) wholly inside the longer ([`CONTAINED`] of its content
//!   words, at least [`WEAK_RUN`], in fragments (quoted segments, sentences) each found whole);
//! - **a whole fragment, any dates**: one fragment of either, of at least [`FAR_CONTAINED`]
//!   content words, (nearly) whole inside the other;
//! - **a rare quoted phrase, within [`PHRASE_WINDOW_DAYS`]**: both quote the same run of
//!   words holding three content words, and the speaker is quoted with it in at most
//!   [`RARE_PHRASE_WORDINGS`] wordings of the collection: one remark quoted in part by two
//!   outlets ("not a handful of rich harbour landlords" / "not just a few rich
//!   harbour landlords"), not a stock phrase;
//! - **a new partial quote, within [`PHRASE_WINDOW_DAYS`]**: two paraphrases (statements
//!   compared whole) quote the same short phrase whole, as reporters pick a remark's striking
//!   words ("called her handling of the files “deeply reckless”" / "said she had been “deeply
//!   reckless” with them"; see `Features::partial_quotes`), they share [`WEAK_RUN`] content
//!   words, and the speaker was first quoted with that phrase in the collection at most
//!   [`WINDOW_DAYS`] before either (both dated): a remark's phrase is quoted while the remark
//!   is news, and a phrase the speaker was quoted with weeks earlier is a stock phrase of
//!   theirs, which two remarks of one day may both carry. Likewise when one report quotes the remark at length
//!   and the other's partial quote of two content words is a quoted run of it ("“Her mind is
//!   shot!”" in a paraphrase, and in the quoted post), new by the same measure over every
//!   quoted run of the speaker;
//! - **a copied passage, within [`WINDOW_DAYS`]**: a statement too short to compare on its
//!   own words (fewer than three content words) joins only a copy of its whole passage,
//!   framing included (a reprint, two versions of one live blog; see [`reprints`]);
//! - **reworded, within [`WINDOW_DAYS`]**: they share at least [`REWORD_SHARED`] content words
//!   and at least [`REWORD_WEIGHT`] of the smaller statement's content, each word weighed by its
//!   rarity in the collection (inverse document frequency over the distinct wordings, see
//!   [`Weights`]): sharing "Varga", "Republican" and "Thursday" says little, sharing
//!   "prosecutor" and "pregnant" says much. A short statement may share [`NEAR_RUN`] words
//!   when that is all of its content words but one and both quote the same two content words
//!   ("Varga called on her to quit and said, 'Her mind is broken!'"). Not when both reports
//!   name the day of the remark and those days differ (see [`on_other_days`]). Not for a
//!   passage that names its speaker only in an "according to" clause: a source's findings (delegate counts, poll results) are
//!   restated daily in the words of their topic, so only their own words join them.
//! - **reworded around the same quoted words, within [`FAR_REWORD_DAYS`]**: beyond the
//!   window, the rewording rule above when the two also quote one run of two content words
//!   and share at least [`FAR_RUN`] content words: outlets return to a remark that made
//!   news for weeks, re-quoting its striking words, while a standing charge restated in a
//!   reporter's words quotes none.
//!
//! The date window keeps a speaker's stock phrases on different occasions apart ("take the
//! harbour off diesel" in December and in April are two statements). It is two
//! weeks: outlets come back to a statement in the following days' reports and in weekly
//! round-ups (a partial quote 13 or 14 days after the remark, three such pairs in the random gold
//! files), while the stock phrases the gold files hold recur a month or more apart. Beyond
//! the window only a rewording anchored by a quoted run of the remark joins (next paragraph);
//! the gold files sample pairs up to about 30 days apart, so that rule rests on few pairs.
//!
//! "The same speaker" is the same person as outlets name them: the folded surname, and the
//! same first given name where both names have one ("Felipe Ordóñez", "Ordonez"). A bare
//! surname can bridge two people of that surname into one group; the gold file has no such case.

use crate::index::analysis::Folder;
use std::hash::{Hash, Hasher};

use chrono::{Datelike, NaiveDate};
use gaoya::minhash::{MinHashIndex, MinHasher, MinHasher32};
use rustc_hash::{FxHashMap, FxHashSet, FxHasher};

use super::text::{Features, Word};

/// Content words a shared run must hold to make two passages one statement whatever their dates.
pub const FAR_RUN: usize = 8;
/// Content words a shared run must hold to make two passages of nearby days one statement.
pub const NEAR_RUN: usize = 4;
/// Content words a shared run must hold when it is the whole of the shorter statement.
pub const WEAK_RUN: usize = 3;
/// Share of the smaller statement's content words the shared run must cover to count as
/// containment.
pub const CONTAINED: f64 = 0.8;
/// Content words a shared run must hold, at any dates, when it is (nearly) the whole of the
/// smaller statement: a full sentence quoted again a week or more later ("has steadily
/// proven his firm loyalty to harbour values", 9 days on) is the same
/// statement, while a speaker's short stock phrases (5 content words or fewer, "we're going to
/// build a wall") recur across occasions.
pub const FAR_CONTAINED: usize = 6;
/// Content words two rewordings must share.
pub const REWORD_SHARED: usize = 5;
/// Share of the smaller statement's content-word weight (see [`Weights`]) two rewordings must
/// share: half, as the unweighted rule had it in words.
pub const REWORD_WEIGHT: f32 = 0.5;
/// Wordings assumed beside the collection, holding none of its words: a handful of passages (the
/// five seed articles) says little about which words are rare, so their weights stay nearly
/// equal; from a few thousand wordings on (PolNeAR train: about 7,000) the collection decides
/// (the gold figures are the same from 1 to 1,000).
const BACKGROUND_WORDINGS: usize = 100;
/// Distinct wordings of one speaker that may quote a phrase (see
/// `Features::quoted_phrases`) for it to name one remark: a phrase the
/// speaker is quoted saying in more wordings than this is a stock phrase ("rampant harbour
/// smuggling", quoted in one speaker's passages of many days), not evidence. Set on the PolNeAR gold
/// files (so not a blind figure): the remarks it joins there are quoted in 2 or 3 wordings of
/// the speaker; two remarks of one day sharing a three-word phrase in 4, and the
/// speakers' stock phrases in 6 or more. The more a collection holds, the more wordings quote
/// any phrase, so the rule only grows stricter with size.
pub const RARE_PHRASE_WORDINGS: u32 = 3;
/// Days apart two reports sharing only a rare quoted phrase may be: three words are the
/// weakest evidence the rules take. Outlets quoting a piece of one remark do so within days
/// (0 to 4 in the gold files), while a speaker's repeated lines come back over weeks (in
/// PolNeAR train, one candidate's pledge repeated word for word at a debate and 12 days later
/// at a conference).
pub const PHRASE_WINDOW_DAYS: i64 = 7;
/// Days apart two reports of one statement may be, for rewordings and short cuts (see the
/// module doc).
pub const WINDOW_DAYS: i64 = 14;
/// Days apart two rewordings of one remark may be when both quote the same run of two
/// content words of it (see the module doc): a remark that made news is paraphrased around
/// its quoted words for weeks (in the gold files, a finding announced in one month and
/// re-quoted in reports 35 days on). Beyond the window the rewording must share [`FAR_RUN`] content words,
/// as many as a verbatim run needs at any dates, and half the smaller statement's weight: a
/// paraphrase a month on that shares a few words around a quoted phrase ("would make “a
/// grim harvest even leaner”") is another remark coming back to it.
pub const FAR_REWORD_DAYS: i64 = 45;

/// MinHash LSH shape: `BANDS` bands of `ROWS` hashes. A pair with Jaccard similarity `s` of
/// content words becomes a candidate with probability `1 - (1 - s^ROWS)^BANDS`: 0.81 at 0.2,
/// 0.98 at 0.32 (the seeds' paraphrase of Lavrov), so rewordings the rule accepts are found.
const BANDS: usize = 40;
const ROWS: usize = 2;
/// Word n-grams whose shared occurrence makes a candidate pair (catches short quotes wholly
/// inside long passages, whose Jaccard similarity is too low for the LSH).
const GRAM: usize = 4;
/// A word n-gram carried by more distinct statements than this is a stock phrase of the
/// speaker, not evidence; it is skipped so the cost stays linear.
const GRAM_POSTINGS_CAP: usize = 64;

/// One passage as the grouping sees it.
pub struct Item<'a> {
    pub speaker: &'a str,
    pub article: &'a str,
    pub date: Option<NaiveDate>,
    pub features: Features,
}

/// For each item, the index of its group's representative (items with equal values share a
/// statement).
pub fn groups(items: &[Item]) -> Vec<usize> {
    let mut sets = UnionFind::new(items.len());
    // Identical statements of one speaker are one statement outright; the rules below then
    // compare each distinct wording once, so copies cost nothing beyond the hashing.
    // Same day only: a short stock phrase said again months later is another statement.
    let mut distinct: FxHashMap<(&str, &[Word], Option<NaiveDate>), usize> = FxHashMap::default();
    let mut reps = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if !comparable(item) {
            continue;
        }
        match distinct.entry((item.speaker, &item.features.words, item.date)) {
            std::collections::hash_map::Entry::Occupied(e) => sets.union(*e.get(), i),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(i);
                reps.push(i);
            }
        }
    }
    let mut folder = Folder::default();
    let people: Vec<Person> = items
        .iter()
        .map(|item| Person::of(&mut folder, item.speaker))
        .collect();
    reprints(items, &people, &mut sets);
    let weights = Weights::of(items, &people, &reps);
    for (a, b) in candidates(items, &people, &reps, &weights) {
        let (x, y) = (&items[a], &items[b]);
        if people[a].is(&people[b])
            && x.article != y.article
            && same_words(x, y, &people[a].surname, &weights)
        {
            sets.union(a, b);
        }
    }
    (0..items.len()).map(|i| sets.find(i)).collect()
}

/// Joins copies of one passage whose statement is too short to compare (see
/// [`Features::reprint`]): the same words, framing included, of one speaker in different
/// articles within [`WINDOW_DAYS`]. Each passage's copies are taken in date order and each is
/// joined to the one before it, so the cost is a sort per fingerprint, not a product.
fn reprints(items: &[Item], people: &[Person], sets: &mut UnionFind) {
    let mut copies: FxHashMap<(&str, u64), Vec<usize>> = FxHashMap::default();
    for (i, item) in items.iter().enumerate() {
        if let Some(fingerprint) = item.features.reprint {
            copies
                .entry((people[i].surname.as_str(), fingerprint))
                .or_default()
                .push(i);
        }
    }
    for list in copies.values_mut().filter(|list| list.len() > 1) {
        list.sort_by_key(|&i| items[i].date);
        for pair in list.windows(2) {
            let (a, b) = (&items[pair[0]], &items[pair[1]]);
            let days_apart = match (a.date, b.date) {
                (Some(x), Some(y)) => (x - y).num_days().abs(),
                _ => 0,
            };
            if a.article != b.article
                && days_apart <= WINDOW_DAYS
                && people[pair[0]].is(&people[pair[1]])
            {
                sets.union(pair[0], pair[1]);
            }
        }
    }
}

/// Candidate pairs among the distinct wordings: LSH over content words, plus shared n-grams.
fn candidates(
    items: &[Item],
    people: &[Person],
    reps: &[usize],
    weights: &Weights,
) -> FxHashSet<(usize, usize)> {
    let mut pairs = FxHashSet::default();
    let hasher = MinHasher32::new(BANDS * ROWS);
    let mut lsh: MinHashIndex<u32, usize> = MinHashIndex::new(BANDS, ROWS, 0.0);
    let mut signatures = Vec::new();
    for &i in reps {
        let item = &items[i];
        // The speaker is hashed with each word: passages of different speakers share no
        // element, so they never meet in a bucket.
        let surname = people[i].surname.as_str();
        let signature = hasher.create_signature(item.features.content.iter().map(|w| (surname, w)));
        lsh.insert(i, signature.clone());
        signatures.push((i, signature));
    }
    for (i, signature) in &signatures {
        for &j in lsh.query(signature) {
            if j != *i {
                pairs.insert(ordered(*i, j));
            }
        }
    }
    let mut postings: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
    let mut seen = FxHashSet::default();
    for &i in reps {
        let item = &items[i];
        seen.clear();
        for gram in item.features.words.windows(GRAM) {
            let mut h = FxHasher::default();
            people[i].surname.hash(&mut h);
            gram.hash(&mut h);
            let key = h.finish();
            if seen.insert(key) {
                postings.entry(key).or_default().push(i);
            }
        }
    }
    for list in postings.values() {
        if list.len() < 2 || list.len() > GRAM_POSTINGS_CAP {
            continue;
        }
        for (n, &a) in list.iter().enumerate() {
            for &b in &list[n + 1..] {
                pairs.insert(ordered(a, b));
            }
        }
    }
    // Partial quotes: the wordings quoting each, of one speaker, are paired (capped as the
    // n-grams are).
    let mut partial_quotes: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
    for &i in reps {
        for &quote in &items[i].features.partial_quotes {
            partial_quotes
                .entry(phrase_key(&people[i].surname, quote))
                .or_default()
                .push(i);
        }
    }
    for list in partial_quotes.values() {
        if list.len() > GRAM_POSTINGS_CAP {
            continue;
        }
        for (n, &a) in list.iter().enumerate() {
            for &b in &list[n + 1..] {
                pairs.insert(ordered(a, b));
            }
        }
    }
    // Quoted runs of two content words that are some wording's partial quote: the wordings
    // quoting each are paired (capped as the n-grams are).
    let wanted = partial_quote_pair_keys(items, people, reps);
    let mut holding: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
    for &i in reps {
        for &pair in &items[i].features.quoted_pairs {
            let key = phrase_key(&people[i].surname, pair);
            if wanted.contains(&key) {
                holding.entry(key).or_default().push(i);
            }
        }
    }
    for list in holding.values() {
        if list.len() > GRAM_POSTINGS_CAP {
            continue;
        }
        for (n, &a) in list.iter().enumerate() {
            for &b in &list[n + 1..] {
                pairs.insert(ordered(a, b));
            }
        }
    }
    // Rare quoted phrases: their wordings, at most RARE_PHRASE_WORDINGS each, are paired.
    for list in weights.phrase_wordings.values() {
        for (n, &a) in list.iter().enumerate() {
            for &b in &list[n + 1..] {
                pairs.insert(ordered(a, b));
            }
        }
    }
    pairs
}

/// The partial quotes of two content words of `items[reps]` (see
/// `Features::partial_quote_pairs`), keyed by speaker surname as [`phrase_key`] keys them.
fn partial_quote_pair_keys(items: &[Item], people: &[Person], reps: &[usize]) -> FxHashSet<u64> {
    reps.iter()
        .flat_map(|&i| {
            let surname = people[i].surname.as_str();
            items[i]
                .features
                .partial_quote_pairs
                .iter()
                .map(move |&pair| phrase_key(surname, pair))
        })
        .collect()
}

fn ordered(a: usize, b: usize) -> (usize, usize) {
    (a.min(b), a.max(b))
}

/// Whether a passage has enough content words to be told from another remark at all ("You
/// tell me" has none): others are only grouped as copies of their whole passage (see
/// [`reprints`]).
pub fn comparable(item: &Item) -> bool {
    item.features.content.len() >= super::text::MIN_CONTENT
}

/// Whether a passage may be in a group at all: comparable, or a copy of another (see
/// [`reprints`]). Others stay with no other passage, not even an identical one.
pub fn groupable(item: &Item) -> bool {
    comparable(item) || item.features.reprint.is_some()
}

/// One speaker as outlets name them: "Felipe Ordóñez" in one article is "Ordonez" or
/// "Felipe Ordonez" in another. Folded surname, and the first given name when there is one.
struct Person {
    surname: String,
    given: Option<String>,
}

impl Person {
    fn of(folder: &mut Folder, speaker: &str) -> Person {
        let folded = folder.fold(speaker);
        let mut words: Vec<&str> = folded.split_whitespace().collect();
        let surname = words.pop().unwrap_or_default().to_string();
        Person {
            surname,
            given: words.first().map(|w| w.to_string()),
        }
    }

    /// The same surname, and the same first given name where both have one ("Olaf Lund"
    /// is not "Ada Lund"; "Lund" may be either, and the words must then agree).
    fn is(&self, other: &Person) -> bool {
        self.surname == other.surname
            && match (&self.given, &other.given) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
    }
}

/// The pair rule (see the module doc), for two passages of one speaker as written, every word
/// weighed alike (in [`groups`] words are weighed by their rarity in the collection).
pub fn same_statement(a: &Item, b: &Item) -> bool {
    a.speaker == b.speaker
        && a.article != b.article
        && same_words(a, b, a.speaker, &Weights::default())
}

/// How much sharing a word says: its inverse document frequency over the distinct wordings
/// being grouped, `ln((n + BACKGROUND_WORDINGS) / (df + 1))` for a word in `df` of the `n`
/// wordings other than the two compared (at least 0.1). Counting the others only keeps the pair
/// from weighing its own shared words down: a shared word is in both, an unshared one in one.
/// Empty (every word weighs 1) when there is no collection to count in.
///
/// Also which wordings quote each phrase of each speaker (see [`RARE_PHRASE_WORDINGS`]), for
/// the phrases quoted in at most that many; with no collection to count in, every phrase is
/// rare.
#[derive(Default)]
pub struct Weights {
    df: FxHashMap<Word, u32>,
    n: f32,
    /// Rare quoted phrases, keyed by speaker surname and phrase: the wordings quoting them.
    phrase_wordings: FxHashMap<u64, Vec<usize>>,
    /// Partial quotes, keyed by speaker surname and phrase: the first date a wording of the
    /// speaker quotes them (see `Features::partial_quotes`).
    partial_quote_first: FxHashMap<u64, NaiveDate>,
    /// The same for the quoted runs of two content words that are some wording's partial
    /// quote (see `Features::partial_quote_pairs`), over every quoted run of the speaker.
    quoted_pair_first: FxHashMap<u64, NaiveDate>,
}

impl Weights {
    /// Counted over the content words and quoted phrases of `items[reps]`: one pass, linear
    /// in their words.
    fn of(items: &[Item], people: &[Person], reps: &[usize]) -> Weights {
        let mut df: FxHashMap<Word, u32> = FxHashMap::default();
        let mut phrase_wordings: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
        let mut partial_quote_first: FxHashMap<u64, NaiveDate> = FxHashMap::default();
        let mut quoted_pair_first: FxHashMap<u64, NaiveDate> =
            partial_quote_pair_keys(items, people, reps)
                .into_iter()
                .map(|key| (key, NaiveDate::MAX))
                .collect();
        for &i in reps {
            if let Some(date) = items[i].date {
                for &pair in &items[i].features.quoted_pairs {
                    if let Some(first) =
                        quoted_pair_first.get_mut(&phrase_key(&people[i].surname, pair))
                    {
                        *first = (*first).min(date);
                    }
                }
            }
            if let Some(date) = items[i].date {
                for &quote in &items[i].features.partial_quotes {
                    partial_quote_first
                        .entry(phrase_key(&people[i].surname, quote))
                        .and_modify(|first| *first = (*first).min(date))
                        .or_insert(date);
                }
            }
            for &w in &items[i].features.content {
                *df.entry(w).or_default() += 1;
            }
            for &phrase in &items[i].features.quoted_phrases {
                let list = phrase_wordings
                    .entry(phrase_key(&people[i].surname, phrase))
                    .or_default();
                // Past the cap the phrase is a stock phrase; one more entry marks it so.
                if list.len() <= RARE_PHRASE_WORDINGS as usize {
                    list.push(i);
                }
            }
        }
        phrase_wordings.retain(|_, list| list.len() <= RARE_PHRASE_WORDINGS as usize);
        Weights {
            df,
            n: (reps.len() + BACKGROUND_WORDINGS) as f32,
            phrase_wordings,
            partial_quote_first,
            quoted_pair_first,
        }
    }

    /// Whether `a` and `b`, of the speaker of `surname`, quote one phrase that is rare for
    /// that speaker.
    fn share_rare_phrase(&self, surname: &str, a: &Features, b: &Features) -> bool {
        let (x, y) = (&a.quoted_phrases, &b.quoted_phrases);
        x.iter().any(|phrase| {
            y.binary_search(phrase).is_ok()
                && (self.df.is_empty()
                    || self
                        .phrase_wordings
                        .contains_key(&phrase_key(surname, *phrase)))
        })
    }

    /// Whether `a` and `b`, of the speaker of `surname`, quote one partial quote that was new
    /// for that speaker when both were written (see [`new_for_both`]).
    fn share_new_partial_quote(&self, surname: &str, a: &Item, b: &Item) -> bool {
        let (x, y) = (&a.features.partial_quotes, &b.features.partial_quotes);
        x.iter().any(|quote| {
            y.binary_search(quote).is_ok()
                && new_for_both(
                    self.partial_quote_first.get(&phrase_key(surname, *quote)),
                    a,
                    b,
                )
        })
    }

    /// Whether a partial quote of two content words of either, new for the speaker of
    /// `surname` when both were written (as [`Self::share_new_partial_quote`]), is a quoted run
    /// of the other.
    fn quote_holds_new_partial_quote(&self, surname: &str, a: &Item, b: &Item) -> bool {
        let holds = |x: &Item, y: &Item| {
            x.features.partial_quote_pairs.iter().any(|pair| {
                y.features.quoted_pairs.binary_search(pair).is_ok()
                    && new_for_both(
                        self.quoted_pair_first.get(&phrase_key(surname, *pair)),
                        a,
                        b,
                    )
            })
        };
        holds(a, b) || holds(b, a)
    }

    /// The weight of `w`, held by `own` of the two wordings compared.
    fn of_word(&self, w: Word, own: u32) -> f32 {
        if self.df.is_empty() {
            return 1.0;
        }
        let others = self.df.get(&w).copied().unwrap_or(own).saturating_sub(own);
        (self.n / (others as f32 + 1.0)).ln().max(0.1)
    }

    /// Weight of all content words of `f` and of those it shares with `g`.
    fn sums(&self, f: &Features, g: &Features) -> (f32, f32) {
        let mut all = 0.0;
        let mut shared = 0.0;
        for &w in &f.content {
            if g.is_content(w) {
                let x = self.of_word(w, 2);
                all += x;
                shared += x;
            } else {
                all += self.of_word(w, 1);
            }
        }
        (all, shared)
    }
}

/// Whether a phrase the speaker was first quoted with on `first` was new when both reports
/// were written: both dated, neither more than [`WINDOW_DAYS`] after `first` (`None`: no
/// collection counted, so nothing says it is old). Undated reports cannot show a phrase is
/// new (a collection without dates, such as the BBC set, would otherwise join every pair of
/// reports quoting a speaker's stock phrase, "golden rule", "forgotten majority").
fn new_for_both(first: Option<&NaiveDate>, a: &Item, b: &Item) -> bool {
    let (Some(x), Some(y)) = (a.date, b.date) else {
        return false;
    };
    first.is_none_or(|&f| (x - f).num_days() <= WINDOW_DAYS && (y - f).num_days() <= WINDOW_DAYS)
}

/// A quoted phrase of one speaker, as [`Weights`] counts it.
fn phrase_key(surname: &str, phrase: u64) -> u64 {
    let mut h = FxHasher::default();
    surname.hash(&mut h);
    phrase.hash(&mut h);
    h.finish()
}

/// The wording half of the pair rule: dates and shared words; `surname` is the speaker's, as
/// [`Weights`] counts phrases.
fn same_words(a: &Item, b: &Item, surname: &str, weights: &Weights) -> bool {
    // Undated reports are taken as near.
    let days_apart = match (a.date, b.date) {
        (Some(x), Some(y)) => (x - y).num_days().abs(),
        _ => 0,
    };
    let near = days_apart <= WINDOW_DAYS;
    let (fa, fb) = (&a.features, &b.features);
    let shared = fa.shared_content(fb);
    // Every rule needs this many shared content words: most candidates stop here, before
    // the run search, which costs the product of the two lengths.
    if shared < WEAK_RUN || (!near && shared < FAR_CONTAINED) {
        return false;
    }
    let (run, at, _) = longest_common_run(&fa.words, &fb.words);
    let run_content = fa.content_in(at..at + run);
    if run_content >= FAR_RUN || (near && run_content >= NEAR_RUN) {
        return true;
    }
    // Containment is judged on content words: the framing around a short report ("Piet Vos
    // says he's ...") is not part of the statement, so it must not make the run look partial.
    // And fragment by fragment: a report that quotes two pieces of a remark ("X," he said,
    // "Y") holds it as two runs, not one.
    let (small, large) = if fa.content.len() <= fb.content.len() {
        (fa, fb)
    } else {
        (fb, fa)
    };
    let covered = covered_content(small, large);
    let contained = covered >= WEAK_RUN && covered as f64 >= CONTAINED * small.content.len() as f64;
    if near && contained {
        return true;
    }
    // Beyond the window: the smaller report wholly inside the other, or one whole fragment
    // (a sentence, a quoted segment) of either inside the other, long enough not to be a
    // stock phrase.
    if contained && covered >= FAR_CONTAINED {
        return true;
    }
    if run_content >= FAR_CONTAINED
        && (whole_fragment(small, large) || whole_fragment(large, small))
    {
        return true;
    }
    if days_apart <= PHRASE_WINDOW_DAYS && weights.share_rare_phrase(surname, fa, fb) {
        return true;
    }
    // Two paraphrases quoting the same new phrase whole: one remark while it is news. Not a
    // source's findings (see below), which quote the words of their topic.
    if days_apart <= PHRASE_WINDOW_DAYS
        && !fa.sourced
        && !fb.sourced
        && (weights.share_new_partial_quote(surname, a, b)
            || weights.quote_holds_new_partial_quote(surname, a, b))
    {
        return true;
    }
    // A source's findings are restated day after day in the words of their topic ("Lund
    // is 64 votes shy of the nomination" on Friday, "secured the nomination" on
    // Monday, both "according to the Harbour Wire"): only their words, cut or whole,
    // make them one.
    // A short statement reworded around the same few quoted words ("Varga called on her to
    // quit and said, 'Her mind is broken!'"): all its content words but one shared, and a
    // quoted run of two content words in both.
    let short_all_but_one = shared >= NEAR_RUN
        && shared + 1 >= small.content.len()
        && share_any(&fa.quoted_pairs, &fb.quoted_pairs);
    // Beyond the window only a rewording anchored by the same quoted words of the remark:
    // outlets coming back to a remark weeks later quote its striking words again ("called the
    // plan “deeply reckless”" a day and five weeks after it was made), while a standing charge
    // restated in a reporter's words ("criticised him for taking fees from lobbyists", in one
    // month and the next) quotes none.
    let far_rewording = !near
        && days_apart <= FAR_REWORD_DAYS
        && shared >= FAR_RUN
        && share_any(&fa.quoted_pairs, &fb.quoted_pairs);
    if !(near || far_rewording)
        || (shared < REWORD_SHARED && !short_all_but_one)
        || fa.sourced
        || fb.sourced
        || on_other_days(a, b)
    {
        return false;
    }
    // A rewording shares at least half of the smaller statement, weighing each word by its
    // rarity: two remarks of one speaker share the words of the day ("Varga", "Republican",
    // "Thursday", "party"), one remark reworded shares its rare ones.
    let (weight_a, shared_weight) = weights.sums(fa, fb);
    let (weight_b, _) = weights.sums(fb, fa);
    shared_weight >= REWORD_WEIGHT * weight_a.min(weight_b)
}

/// Whether two reports say their remarks were made on different days: both name a weekday
/// (see `Features::remark_weekday`) and, read back from their articles' dates, the two fall
/// on different dates ("said on Thursday" in a paper of 5 May and "after a meeting Thursday"
/// in one of 12 May are a week apart). Two remarks of one speaker a week apart are two
/// statements however alike their words of the day; reports naming no day, or undated, say
/// nothing.
fn on_other_days(a: &Item, b: &Item) -> bool {
    matches!((remark_date(a), remark_date(b)), (Some(x), Some(y)) if x != y)
}

/// The date of the remark a report names by its weekday: the latest date on or before the
/// article's date falling on that weekday ("said Thursday" in a Friday paper is the day
/// before; in a Thursday paper, that day).
fn remark_date(item: &Item) -> Option<NaiveDate> {
    let date = item.date?;
    let weekday = item.features.remark_weekday?;
    let back = (date.weekday().num_days_from_monday() + 7 - weekday.num_days_from_monday()) % 7;
    date.checked_sub_days(chrono::Days::new(back.into()))
}

/// Whether two sorted lists share an element.
fn share_any(a: &[u64], b: &[u64]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// Content words of `small` lying in fragments that `large` holds (nearly) whole: for each
/// fragment of `small`, its longest run shared with `large` must hold [`CONTAINED`] of the
/// fragment's content words.
fn covered_content(small: &Features, large: &Features) -> usize {
    let mut covered = 0;
    for range in small.fragment_ranges() {
        let in_fragment = small.content_in(range.clone());
        if in_fragment == 0 {
            continue;
        }
        let words = &small.words[range.clone()];
        let (run, at, _) = longest_common_run(words, &large.words);
        let start = range.start + at;
        let in_run = small.content_in(start..start + run);
        if in_run as f64 >= CONTAINED * in_fragment as f64 {
            covered += in_run;
        }
    }
    covered
}

/// Whether a fragment of `a` with at least [`FAR_CONTAINED`] content words is (nearly) whole
/// inside `b`.
fn whole_fragment(a: &Features, b: &Features) -> bool {
    a.fragment_ranges().any(|range| {
        let in_fragment = a.content_in(range.clone());
        if in_fragment < FAR_CONTAINED {
            return false;
        }
        let (run, at, _) = longest_common_run(&a.words[range.clone()], &b.words);
        let start = range.start + at;
        a.content_in(start..start + run) as f64 >= CONTAINED * in_fragment as f64
    })
}

/// The length of the longest run of equal words, where it starts in `a` and in `b`.
fn longest_common_run(a: &[Word], b: &[Word]) -> (usize, usize, usize) {
    let mut best = (0, 0, 0);
    let mut previous = vec![0usize; b.len() + 1];
    let mut current = vec![0usize; b.len() + 1];
    for (i, wa) in a.iter().enumerate() {
        for (j, wb) in b.iter().enumerate() {
            current[j + 1] = if wa == wb { previous[j] + 1 } else { 0 };
            if current[j + 1] > best.0 {
                let n = current[j + 1];
                best = (n, i + 1 - n, j + 1 - n);
            }
        }
        std::mem::swap(&mut previous, &mut current);
    }
    best
}

/// Disjoint sets with path halving and union by size.
struct UnionFind {
    parent: Vec<usize>,
    size: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> UnionFind {
        UnionFind {
            parent: (0..n).collect(),
            size: vec![1; n],
        }
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn union(&mut self, a: usize, b: usize) {
        let (mut a, mut b) = (self.find(a), self.find(b));
        if a == b {
            return;
        }
        if self.size[a] < self.size[b] {
            std::mem::swap(&mut a, &mut b);
        }
        self.parent[b] = a;
        self.size[a] += self.size[b];
    }
}

#[cfg(test)]
mod tests {
    use super::super::text::Analyzer;
    use super::*;

    fn item<'a>(
        analyzer: &mut Analyzer,
        speaker: &'a str,
        article: &'a str,
        day: u32,
        text: &str,
    ) -> Item<'a> {
        Item {
            speaker,
            article,
            date: NaiveDate::from_ymd_opt(2022, 1, day),
            features: analyzer.features(text, speaker),
        }
    }

    #[test]
    fn quote_paraphrase_and_unrelated_remarks() {
        let mut an = Analyzer::new();
        let items = vec![
            item(&mut an, "Sergei Lavrov", "a", 27, "“There is no positive reaction on the main issue in this document,” Sergey Lavrov told reporters in Moscow. “The main issue is our clear position on the inadmissibility of further expansion of NATO to the East and the deployment of strike weapons that could threaten the territory of the Russian Federation.”"),
            item(&mut an, "Sergei Lavrov", "b", 28, "Russian Foreign Minister Sergei Lavrov warned that the document presented by the United States did not contain a positive reaction to the main topic of the proposal: the need to prevent NATO expansion and the deployment of offensive weapons that could threaten Russia."),
            item(&mut an, "Sergei Lavrov", "c", 14, "Lavrov said Moscow would wait for a written response to its proposals on security guarantees before deciding on next steps."),
            // Another speaker with the same words is another statement.
            item(&mut an, "Antony Blinken", "d", 27, "“There is no positive reaction on the main issue in this document,” Blinken said, quoting his counterpart."),
        ];
        let groups = groups(&items);
        assert_eq!(groups[0], groups[1]);
        assert_ne!(groups[0], groups[2]);
        assert_ne!(groups[0], groups[3]);
    }

    #[test]
    fn outlets_naming_a_speaker_differently_still_share_the_statement() {
        let mut an = Analyzer::new();
        let quote = "“We are not going to give any single peso for such a silly dam,” he said.";
        let items = vec![
            item(&mut an, "Felipe Ordóñez", "a", 6, quote),
            item(&mut an, "Ordonez", "b", 7, quote),
            item(&mut an, "Felipe Ordonez", "c", 8, quote),
        ];
        let groups = groups(&items);
        assert_eq!(groups[0], groups[1]);
        assert_eq!(groups[0], groups[2]);
        // Another person of the same surname is someone else.
        let a = item(&mut an, "Felipe Ordonez", "c", 8, quote);
        let b = item(&mut an, "Rosa Ordonez", "d", 8, quote);
        let apart = super::groups(&[a, b]);
        assert_ne!(apart[0], apart[1]);
    }

    #[test]
    fn a_cut_quote_joins_its_fuller_form_but_not_across_weeks_when_short() {
        let mut an = Analyzer::new();
        let full = "“No, I meant she’s the author of Fairway. I do. She was the most useful ally,” Varga said.";
        let cut = "Varga replied: “No, I meant she’s the author of Fairway.”";
        let a = item(&mut an, "Tom Varga", "a", 11, full);
        let b = item(&mut an, "Tom Varga", "b", 12, cut);
        assert!(same_statement(&a, &b));
        let mut late = item(&mut an, "Tom Varga", "c", 12, cut);
        late.date = NaiveDate::from_ymd_opt(2022, 3, 1);
        assert!(!same_statement(&a, &late));
    }

    #[test]
    fn containment_is_judged_on_content_words_not_on_the_framing() {
        let mut an = Analyzer::new();
        // The short report is mostly framing ("Piet Vos says he's"): its every content word
        // is in the run the longer report shares, so it is a cut of the same statement.
        let short = item(
            &mut an,
            "Piet D. Vos",
            "a",
            5,
            "Piet Vos says he's not ready to back Varga.",
        );
        let long = item(&mut an, "Piet D. Vos", "b", 6, "On Thursday, Vos said he was “not ready” to back Varga’s bid for governor, and hinted that Varga needs to make the first moves to prove he will unite the party.");
        assert!(same_statement(&short, &long));
        // Sharing the same words in another order is no run, so no containment.
        let other = item(
            &mut an,
            "Piet D. Vos",
            "c",
            6,
            "Varga said he is ready to back Vos, not the other way round.",
        );
        assert!(!same_statement(&short, &other));
    }

    #[test]
    fn a_whole_sentence_quoted_again_weeks_later_is_the_same_statement_but_a_stock_phrase_is_not() {
        let mut an = Analyzer::new();
        let full = item(&mut an, "Morton Hale", "a", 10, "Ostrom, Hale wrote “has steadily proven his firm loyalty to harbour values. He works hard for those values. He is very sharp.”");
        let mut later = item(&mut an, "Morton Hale", "b", 10, "Hale endorsed Ostrom, saying he “has steadily proven his firm loyalty to harbour values.”");
        later.date = NaiveDate::from_ymd_opt(2022, 3, 19);
        assert!(same_statement(&full, &later));
        // Five content words said again two months on: a stock phrase, another occasion.
        let wall = item(
            &mut an,
            "Tom Varga",
            "c",
            10,
            "“Norland is going to pay for the wall, believe me,” Varga told the crowd in Iowa.",
        );
        let mut wall_later = item(
            &mut an,
            "Tom Varga",
            "d",
            10,
            "“Norland is going to pay for the wall, believe me,” he said.",
        );
        wall_later.date = NaiveDate::from_ymd_opt(2022, 3, 19);
        assert!(!same_statement(&wall, &wall_later));
        wall_later.date = NaiveDate::from_ymd_opt(2022, 1, 12);
        assert!(same_statement(&wall, &wall_later));
    }

    #[test]
    fn the_speakers_title_in_an_attribution_clause_is_not_statement_content() {
        let mut an = Analyzer::new();
        // Two remarks a day apart, reported under the same long title: the title is how
        // outlets name her, so sharing it makes no statement.
        let jobs = item(&mut an, "Ada Lund", "a", 6, "Presumptive Democratic presidential nominee Ada Lund said Monday that her plan would create jobs in manufacturing towns.");
        let guns = item(&mut an, "Ada Lund", "b", 7, "The shooting shows that weapons of war have no place on our streets, presumptive Democratic presidential nominee Ada Lund said.");
        assert!(!same_statement(&jobs, &guns));
        // The same remark under two framings is still one statement.
        let again = item(
            &mut an,
            "Ada Lund",
            "c",
            7,
            "Lund told supporters in Ohio that her plan would create jobs in manufacturing towns.",
        );
        assert!(same_statement(&jobs, &again));
        // The title before a name opening its clause, whatever the verb, and an apposition.
        let urged = item(&mut an, "Ada Lund", "d", 7, "Presumptive Democratic presidential nominee Ada Lund on Tuesday urged Congress to ban assault weapons.");
        let praised = item(&mut an, "Ada Lund", "e", 8, "Ada Lund, the presumptive Democratic presidential nominee, praised the workers of the steel plant.");
        assert!(!same_statement(&urged, &jobs));
        assert!(!same_statement(&urged, &praised));
        // A name inside the statement is no attribution clause: "Varga said" is kept.
        let features = an.features(
            "Lund warned that Varga said Norland would pay for a wall across the border.",
            "Ada Lund",
        );
        assert!(features.is_content(super::super::text::hash_word("norland")));
        assert!(!features.is_content(super::super::text::hash_word("warn")));
    }

    #[test]
    fn a_quote_cut_into_fragments_is_judged_fragment_by_fragment() {
        let mut an = Analyzer::new();
        let full = item(&mut an, "Ada Lund", "a", 1, "“We will rebuild the roads and bridges of this country, and we will put millions of Americans back to work,” Lund said.");
        // Weeks later, the remark in two pieces: no single run holds enough of it, the two
        // pieces together hold all of it.
        let pieces = item(&mut an, "Ada Lund", "b", 1, "Lund promised to “rebuild the roads and bridges of this country” and said she would “put millions of Americans back to work.”");
        let mut pieces = pieces;
        pieces.date = NaiveDate::from_ymd_opt(2022, 1, 20);
        assert!(same_statement(&full, &pieces));
        // One short piece weeks later is a stock phrase, not the statement.
        let mut stock = item(&mut an, "Ada Lund", "c", 1, "Lund said she would “put millions of Americans back to work” by raising taxes on the wealthy.");
        stock.date = NaiveDate::from_ymd_opt(2022, 1, 20);
        assert!(!same_statement(&full, &stock));
        // One whole sentence of a two-sentence quote, re-quoted weeks later beside other
        // words, is that statement again.
        let speech = item(&mut an, "Ada Lund", "d", 1, "“The economy is rigged for big corporations and the wealthiest donors at the top. We need a tax code that rewards hard work, not inherited wealth,” she said.");
        let mut again = item(&mut an, "Ada Lund", "e", 1, "She repeated that “the economy is rigged for big corporations and the wealthiest donors at the top” and that “farmers deserve far better than broken promises from Washington.”");
        again.date = NaiveDate::from_ymd_opt(2022, 1, 20);
        assert!(same_statement(&speech, &again));
    }

    #[test]
    fn a_paraphrase_with_a_short_quote_inside_is_compared_whole() {
        let mut an = Analyzer::new();
        // The quote is four words of a long paraphrase: compared alone, "vetting is one
        // thing" shares nothing with the interview it reports; the paraphrase around it does.
        let interview = item(&mut an, "Ben Marlowe", "a", 8, "“I have long said that I expect to be questioned. But nobody asked the others about events that occurred 30 and 40 years ago,” Marlowe said on Sunday.");
        let report = item(&mut an, "Ben Marlowe", "b", 9, "“Questioning is one thing,” Marlowe said on Radio Ten, but he says he is being asked about events that occurred 30 and 40 years ago.");
        assert!(same_statement(&interview, &report));
        // A quote that is most of its passage is still compared alone: the reporter's framing
        // around it ("Marlowe told the crowd in Iowa") is no part of the statement.
        let framed = item(&mut an, "Ben Marlowe", "c", 9, "“Nobody asked the others about events that occurred 30 and 40 years ago,” Marlowe told the crowd.");
        assert_eq!(
            framed.features,
            an.features(
                "“Nobody asked the others about events that occurred 30 and 40 years ago.”",
                "Ben Marlowe"
            )
        );
    }

    #[test]
    fn a_partial_quote_two_weeks_later_is_the_same_statement_but_not_a_month_later() {
        let mut an = Analyzer::new();
        let letter = item(&mut an, "Kurt Brenner", "a", 1, "“At a time when the farmers of Cape Verra are struggling, the measure drafted in the House would make a grim harvest even leaner,” Brenner wrote in the letter.");
        let mut later = item(&mut an, "Kurt Brenner", "b", 15, "Brenner said last week that he means to draft his own bill after having attacked an effort that he said would make “a grim harvest even leaner.”");
        assert!(same_statement(&letter, &later));
        later.date = NaiveDate::from_ymd_opt(2022, 2, 5);
        assert!(!same_statement(&letter, &later));
    }

    #[test]
    fn rewordings_are_judged_on_rare_shared_words_not_on_the_words_of_the_day() {
        let mut an = Analyzer::new();
        // Two remarks of one week that share the words every report of that week holds:
        // enough shared content words for the old unweighted rule, yet two statements.
        let met = "Tom Varga and the Republican party leaders met on Thursday in Washington to talk about the convention and the campaign.";
        let invited = "Vos has invited Tom Varga to meet Republican party leaders on Thursday to begin a discussion of principles for the campaign.";
        // A rewording that shares the rare words of the remark.
        let called = "Delaney called for a special prosecutor and for the Lund Foundation to be shut down at once.";
        let demanded = "Delaney demanded that the Lund Foundation be shut down and that a special prosecutor look into it.";
        let mut items = vec![
            item(&mut an, "Piet Vos", "a", 5, met),
            item(&mut an, "Piet Vos", "b", 6, invited),
            item(&mut an, "Mark Delaney", "c", 5, called),
            item(&mut an, "Mark Delaney", "d", 6, demanded),
        ];
        // The rest of the collection: the week's other reports, months before, each with the
        // words of the day and words of its own.
        let topics = [
            "taxes", "trade", "veterans", "farmers", "schools", "bridges", "energy", "health",
            "borders", "pensions", "housing", "courts", "water", "tariffs", "wages", "police",
            "rail", "steel", "coal", "banks", "loans", "drugs", "ports", "mines",
        ];
        for (n, topic) in topics.iter().enumerate() {
            let mut other = item(
                &mut an,
                "Someone Else",
                topic,
                1,
                &format!("On Thursday the campaign of Tom Varga told Republican party leaders about {topic} plans number {n}."),
            );
            other.date = NaiveDate::from_ymd_opt(2021, 6, 1);
            items.push(other);
        }
        // The old unweighted rule took the first two for one statement.
        let (x, y) = (&items[0].features, &items[1].features);
        let shared = x.shared_content(y);
        assert!(shared >= REWORD_SHARED && shared * 2 >= x.content.len().min(y.content.len()));
        let groups = groups(&items);
        assert_ne!(groups[0], groups[1]);
        assert_eq!(groups[2], groups[3]);
    }

    #[test]
    fn two_findings_of_one_poll_are_two_statements_though_their_source_clause_is_the_same() {
        let mut an = Analyzer::new();
        let speaker = "Harbour Wire";
        let first = item(&mut an, speaker, "a", 1, "According to first figures of the door poll run by Marsh Polling for the Harbour Wire and Radio Networks, Lund led in both Vermont and Oregon among both men and women.");
        let second = item(&mut an, speaker, "b", 12, "According to first figures of door polls run by Marsh Polling for the Harbour Wire and radio networks, voters are more apt to call Brenner than Lund honest.");
        assert!(!same_statement(&first, &second));
        // One finding reported twice is still one statement.
        let again = item(&mut an, speaker, "c", 2, "Lund led in both Vermont and Oregon among both men and women, according to door polls for the Harbour Wire.");
        assert!(same_statement(&first, &again));
    }

    #[test]
    fn one_remark_quoted_in_part_by_two_outlets_shares_a_rare_phrase_but_a_stock_phrase_joins_nothing(
    ) {
        let mut an = Analyzer::new();
        let mut items = vec![
            // One victory speech, quoted by two outlets: three words in common, a third of
            // either, so no run, containment or rewording rule holds.
            item(&mut an, "Kurt Brenner", "a", 10, "“Let me thank the hundreds of helpers who toiled so long,” Brenner said. He said the count was a victory for ordinary tenants and “not a handful of rich harbour landlords.”"),
            item(&mut an, "Kurt Brenner", "b", 10, "“We will all say plainly and firmly that the council of our proud county belongs to every one of us, not just a few rich harbour landlords,” he said."),
            // Twelve days on, the phrase in another remark: a repeated line, not that speech.
            item(&mut an, "Kurt Brenner", "c", 22, "“Our trade policy was written for rich harbour landlords and their lobbyists,” Brenner told the union hall."),
            // The same content words with other words between: no shared phrase.
            item(&mut an, "Kurt Brenner", "d", 11, "“The union must make plain that we side with working parents,” he said."),
            item(&mut an, "Kurt Brenner", "e", 11, "“We need to make it plain that we side with those cast aside,” Brenner said."),
        ];
        // A phrase the speaker is quoted with on many days is a stock phrase: four remarks
        // of one week quoting it stay four statements.
        for (n, text) in [
            "“Rampant harbour smuggling is coming across the southern border,” Varga said.",
            "“Our schools must teach children about rampant harbour smuggling,” Varga said.",
            "“Our allies in Europe are losing to rampant harbour smuggling,” Varga said.",
            "“The internet is where rampant harbour smuggling recruits,” Varga said.",
        ]
        .iter()
        .enumerate()
        {
            let article = ["f", "g", "h", "i"][n];
            items.push(item(&mut an, "Tom Varga", article, 1 + n as u32, text));
        }
        let groups = groups(&items);
        assert_eq!(groups[0], groups[1]);
        assert_ne!(groups[0], groups[2]);
        assert_ne!(groups[3], groups[4]);
        assert_ne!(groups[5], groups[6]);
        assert_ne!(groups[7], groups[8]);
    }

    #[test]
    fn a_short_quote_copied_with_its_framing_is_one_statement_but_the_bare_words_are_not() {
        let mut an = Analyzer::new();
        // Two content words quoted: too short to compare as a statement. The same passage,
        // framing and all, in the next day's edition is that passage copied.
        let copied = "“Your reputation is amazing,” Varga assured Dole,";
        let mut items = vec![
            item(&mut an, "Tom Varga", "a", 12, copied),
            item(&mut an, "Tom Varga", "b", 13, copied),
            // The same two quoted words under other framing: nothing says it is one remark.
            item(
                &mut an,
                "Tom Varga",
                "c",
                13,
                "“Your reputation is amazing,” he said.",
            ),
            // A copy a month later is no reprint of that edition.
            item(&mut an, "Tom Varga", "d", 12, copied),
            // A passage whose every word is the speaker's name and stop words has nothing to
            // copy: "“Yes,” Varga said." stays alone.
            item(&mut an, "Tom Varga", "e", 12, "“Yes,” Varga said."),
            item(&mut an, "Tom Varga", "f", 13, "“Yes,” Varga said."),
        ];
        items[3].date = NaiveDate::from_ymd_opt(2022, 2, 20);
        assert!(items[0].features.reprint.is_some());
        assert!(items[4].features.reprint.is_none());
        let groups = groups(&items);
        assert_eq!(groups[0], groups[1]);
        assert_ne!(groups[0], groups[2]);
        assert_ne!(groups[0], groups[3]);
        assert_ne!(groups[4], groups[5]);
    }

    #[test]
    fn a_weekday_in_the_framing_does_not_make_a_reprint() {
        let mut an = Analyzer::new();
        // 4 and 11 January 2022 are Tuesdays. One content word ("never") and the day of the
        // remark: too short to be a reprint, so two remarks a week apart stay two.
        let items = vec![
            item(
                &mut an,
                "Ana Quill",
                "a",
                4,
                "“Never,” Quill said on Tuesday.",
            ),
            item(
                &mut an,
                "Ana Quill",
                "b",
                11,
                "“Never,” Quill said on Tuesday.",
            ),
        ];
        assert!(items[0].features.reprint.is_none());
        let groups = groups(&items);
        assert_ne!(groups[0], groups[1]);
    }

    #[test]
    fn two_counts_of_one_source_reworded_are_two_findings_but_a_remark_reworded_is_one() {
        let mut an = Analyzer::new();
        let speaker = "Harbour Wire";
        // The tally on Friday and on Monday: the words of the topic shared, the finding not.
        let short = item(&mut an, speaker, "a", 3, "Counting her backer pledges, Lund is 64 votes shy of the tally required to secure the Labour nomination, according to the Harbour Wire.");
        let clinched = item(&mut an, speaker, "b", 6, "Lund secured the Labour nomination when backers declaring pledges pushed her vote count above the tally required, according to The Harbour Wire.");
        assert!(!same_statement(&short, &clinched));
        // The same words as a remark reworded are one statement.
        let speaker = "Robby Lind";
        let said = item(&mut an, speaker, "c", 3, "Counting her backer pledges, Lund is 64 votes shy of the tally required to secure the Labour nomination, Lind said.");
        let told = item(&mut an, speaker, "d", 4, "Lind told reporters that backers declaring pledges put Lund 64 votes shy of the tally required for the Labour nomination.");
        assert!(same_statement(&said, &told));
    }

    #[test]
    fn a_short_report_reworded_around_the_same_quoted_words_is_the_same_statement() {
        let mut an = Analyzer::new();
        let report = item(&mut an, "Tom Varga", "a", 13, "Tom Varga called Friday for Justice Hallam to quit for stating openly that she feels he is too weak to be governor. Hitting back, Varga said the 79-year-old judge’s “mind is broken.”");
        // Two days on, five content words, four of them in the report, two quoted in both:
        // under the five shared words a rewording needs, yet nothing else to share.
        let short = item(
            &mut an,
            "Tom Varga",
            "b",
            15,
            "Varga called on her to quit her seat and said, \"Her mind is broken!\"",
        );
        assert!(same_statement(&report, &short));
        // All but one word of a short report shared, but no quoted words: a proposal named
        // again inside another remark, not the remark.
        let proposal = item(
            &mut an,
            "Tom Varga",
            "c",
            13,
            "Varga has said there should be a brief ban on tourists crossing the frontier.",
        );
        let other = item(&mut an, "Tom Varga", "d", 20, "Varga said that even if recordings emerged of his calling for a brief pause to tourists crossing the frontier, he would not alter his stance. “I believe that my words show grit and resolve,” he said.");
        assert!(!same_statement(&proposal, &other));
    }

    #[test]
    fn two_paraphrases_quoting_one_new_phrase_are_one_statement_but_a_stock_phrase_joins_nothing() {
        let mut an = Analyzer::new();
        let speaker = "Mara Quill";
        // Two outlets paraphrase one finding three days apart, each quoting the same two
        // words whole: three content words shared, no run, containment or rewording.
        let said = "Quill said the minister had been “deeply reckless” with the accounts, and recommended no charges.";
        let called = "Quill faulted the department, calling its leaders “deeply reckless” in how they kept the accounts over three years.";
        let a = item(&mut an, speaker, "a", 5, said);
        let b = item(&mut an, speaker, "b", 8, called);
        assert_eq!(a.features.partial_quotes.len(), 1);
        let together = groups(&[a, b]);
        assert_eq!(together[0], together[1]);
        // Undated, nothing says the phrase was new: a stock phrase cannot be told apart.
        let mut a = item(&mut an, speaker, "a", 5, said);
        a.date = None;
        let b = item(&mut an, speaker, "b", 8, called);
        let undated = groups(&[a, b]);
        assert_ne!(undated[0], undated[1]);
        // A quoted sentence is the statement itself, not a phrase picked from it.
        let sentence = item(
            &mut an,
            speaker,
            "c",
            5,
            "“The minister was deeply reckless with the accounts for years,” Quill said.",
        );
        assert!(sentence.features.partial_quotes.is_empty());
        // The speaker was quoted with the phrase five weeks before, about something else:
        // a stock phrase of theirs, so the two paraphrases stay apart.
        let mut earlier = item(
            &mut an,
            speaker,
            "d",
            1,
            "Quill said the old port authority had been “deeply reckless” with its pensions.",
        );
        earlier.date = NaiveDate::from_ymd_opt(2021, 12, 1);
        let a = item(&mut an, speaker, "a", 5, said);
        let b = item(&mut an, speaker, "b", 8, called);
        let apart = groups(&[earlier, a, b]);
        assert_ne!(apart[1], apart[2]);
        assert_ne!(apart[0], apart[1]);
    }

    #[test]
    fn a_paraphrase_quoting_a_new_phrase_of_a_quoted_remark_is_that_remark() {
        let mut an = Analyzer::new();
        let speaker = "Mara Quill";
        // One outlet quotes the remark, another paraphrases it quoting two of its words:
        // three content words shared, no run of more than two, no rewording.
        let quoted = "“The minister was deeply reckless with the public accounts, and everyone knew it,” Quill said.";
        let paraphrase = "Quill faulted the department, calling its leaders “deeply reckless” in how they kept the accounts over three years.";
        let a = item(&mut an, speaker, "a", 5, quoted);
        let b = item(&mut an, speaker, "b", 7, paraphrase);
        assert!(a.features.partial_quote_pairs.is_empty());
        assert_eq!(b.features.partial_quote_pairs.len(), 1);
        let together = groups(&[a, b]);
        assert_eq!(together[0], together[1]);
        // Quoted with the phrase in another remark weeks before: a stock phrase.
        let mut earlier = item(
            &mut an,
            speaker,
            "c",
            1,
            "“The port authority has been deeply reckless with its pensions,” Quill said.",
        );
        earlier.date = NaiveDate::from_ymd_opt(2021, 12, 1);
        let a = item(&mut an, speaker, "a", 5, quoted);
        let b = item(&mut an, speaker, "b", 7, paraphrase);
        let apart = groups(&[earlier, a, b]);
        assert_ne!(apart[1], apart[2]);
    }

    #[test]
    fn a_remark_reworded_around_its_quoted_words_weeks_later_is_one_statement() {
        let mut an = Analyzer::new();
        let at = |mut item: Item<'static>, days: u64| {
            item.date = NaiveDate::from_ymd_opt(2022, 1, 3)
                .and_then(|d| d.checked_add_days(chrono::Days::new(days)));
            item
        };
        let finding = at(item(&mut an, "Mara Quill", "a", 3, "Inspector Quill said that while the minister had been “deeply reckless” with the harbour accounts, no prosecutor would bring charges over the missing pension funds."), 0);
        let month_on = "Last month, Inspector Quill called the minister's handling of the harbour accounts “deeply reckless,” but said no charges should be brought over the missing pension funds.";
        let later = at(item(&mut an, "Mara Quill", "b", 3, month_on), 30);
        assert!(same_statement(&finding, &later));
        // The same words restated with no quoted words of the remark: a standing charge.
        let restated = at(item(&mut an, "Mara Quill", "c", 3, "Inspector Quill has criticized the minister's handling of the harbour accounts as reckless and said no charges should be brought over the missing pension funds."), 30);
        assert!(!same_statement(&finding, &restated));
        // Two months on, even the quoted words do not make it the same report.
        let much_later = at(item(&mut an, "Mara Quill", "d", 3, month_on), 60);
        assert!(!same_statement(&finding, &much_later));
    }

    #[test]
    fn longest_run_is_found() {
        let words = |s: &str| {
            s.split(' ')
                .map(super::super::text::hash_word)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            longest_common_run(&words("x a b c y"), &words("a b c d")),
            (3, 1, 0)
        );
        assert_eq!(longest_common_run(&words("x"), &words("y")), (0, 0, 0));
    }

    #[test]
    fn remarks_reworded_alike_on_two_named_days_a_week_apart_are_two_statements() {
        let mut an = Analyzer::new();
        let speaker = "Maria Quill";
        // 6 January 2022 was a Thursday: the Friday paper's "on Thursday" is the 6th, and so
        // is the Saturday paper's; the next Thursday paper's "Thursday" is the 13th.
        let first = item(&mut an, speaker, "a", 7, "Quill said on Thursday that the harbour council must rebuild the flooded ferry terminal before the winter storms arrive.");
        let same_day = item(&mut an, speaker, "b", 8, "On Thursday, Quill told reporters the harbour council needed to rebuild the flooded ferry terminal before winter storms.");
        let week_later = item(&mut an, speaker, "c", 13, "After a meeting Thursday, Quill said the harbour council should rebuild the ferry terminal that flooded before the winter storms.");
        assert_eq!(first.features.remark_weekday, Some(chrono::Weekday::Thu));
        assert_eq!(remark_date(&first), NaiveDate::from_ymd_opt(2022, 1, 6));
        assert_eq!(
            remark_date(&week_later),
            NaiveDate::from_ymd_opt(2022, 1, 13)
        );
        assert!(same_statement(&first, &same_day));
        assert!(!same_statement(&first, &week_later));
        // Without a day named, the rewording is taken as one remark, as before.
        let undated_day = item(&mut an, speaker, "d", 13, "Quill said the harbour council should rebuild the ferry terminal that flooded before the winter storms.");
        assert!(same_statement(&first, &undated_day));
    }

    #[test]
    fn a_place_named_by_its_abbreviation_is_the_same_words_as_spelled_out() {
        let mut an = Analyzer::new();
        let speaker = "Maria Quill";
        let short = item(
            &mut an,
            speaker,
            "a",
            10,
            "Quill called for a ban on drones flying over the U.S.",
        );
        let long = item(
            &mut an,
            speaker,
            "b",
            12,
            "Quill proposed banning drones from flying over the United States.",
        );
        assert!(same_statement(&short, &long));
    }

    #[test]
    fn a_passage_of_two_content_words_copied_whole_is_one_report_but_one_word_is_not() {
        let mut an = Analyzer::new();
        let speaker = "Maria Quill";
        let copied = "While not everything Quill says is accurate,";
        let items = vec![
            item(&mut an, speaker, "a", 12, copied),
            item(&mut an, speaker, "b", 13, copied),
            item(&mut an, speaker, "c", 12, "“Never,” Quill said."),
            item(&mut an, speaker, "d", 13, "“Never,” Quill said."),
        ];
        assert!(items[0].features.reprint.is_some());
        assert!(items[2].features.reprint.is_none());
        let groups = groups(&items);
        assert_eq!(groups[0], groups[1]);
        assert_ne!(groups[2], groups[3]);
    }
}
