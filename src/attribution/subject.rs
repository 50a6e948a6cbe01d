//! The main-clause sieve: the sentence's subject speaks when its own verb reports speech.
//!
//! The cue finder (`cues.rs`) reads the words right before or after a reporting verb. News
//! sentences often put much between the two: `Sen. Ada Brill, R-Vt., told Radio Ten ...`,
//! `Osei, the co-author of "Slow Boats," a history of river trade, said ...`,
//! `Sen. Nils Ostrom (R-Iowa) on Friday downplayed the leak ... and said ...`. This
//! sieve runs only when the cue finder found nothing: it reads the sentence's subject (after an
//! introductory phrase such as `In an interview with Radio Ten,`) and takes it as the speaker when a
//! reporting verb outside quotations follows it in the same clause, with appositions,
//! brackets, time phrases and coordinated verbs allowed in between, but no new clause (`that`,
//! `but`, `;`, a relative pronoun outside commas). A verb is a form in `-s` or `-ed` or an
//! irregular past (`data/irregular_past.txt`); a sentence that opens with no subject may hold
//! it after a fronted adverbial (`Perhaps more than anyone, Sen. Lee has ...`); in a title-case
//! headline capitalised words may be the verb. Weak candidates for the learned gate (`gate.rs`)
//! include a predicate after `be` with its complement (`was critical of`), a progressive after
//! adverbs (`is now talking`), and a plural verb after two joined subjects (`Ruiz and Mensah
//! see`). It never looks at other sentences; the gate reads the
//! context the article stage passes (`gate::Context`).

use super::cues::{
    follows_possessive, introduces_words, is_commitment, is_credit, is_speech_verb_form,
    is_yes_no_question, owned_noun, reports_nothing, Cue, CueForm,
};
use super::gate;
use super::lexicon::{trim_all_suffixes, WordSet};
use super::mentions::{is_auxiliary, phrase_after, phrase_before, Mention};
use super::tokens::Token;

/// Verbs of stance and belief (`wants`, `believes`, `opposed`), which cite a person's view
/// rather than their words: `data/stance_verbs.txt`.
static STANCE_VERBS: WordSet = WordSet::new(include_str!("data/stance_verbs.txt"));

/// Verb forms that attribution corpora often mark as cues (`bemoaned`, `touted`, `offered`),
/// learned from PolNeAR train: `data/cue_words.txt`, rebuilt by `data/learn_cue_words.py`.
static CORPUS_CUES: WordSet = WordSet::new(include_str!("data/cue_words.txt"));

/// Agent nouns of stance (`critic`, `backer`, `proponent`), a stance cue after `be` and a
/// determiner: `data/stance_nouns.txt`.
static STANCE_NOUNS: WordSet = WordSet::new(include_str!("data/stance_nouns.txt"));

/// How many words (adjectives, adverbs) may stand between the determiner and a stance noun
/// (`a long and fierce critic of`).
const STANCE_NOUN_REACH: usize = 4;

/// Irregular past forms and past participles (`made`, `took`, `has taken`):
/// `data/irregular_past.txt`.
static IRREGULAR_PAST: WordSet = WordSet::new(include_str!("data/irregular_past.txt"));

/// Words that open a new clause between a subject and a later verb, so the verb has a subject
/// of its own.
const NEW_CLAUSE: &[&str] = &[
    "that", "but", "while", "because", "although", "though", "when", "if", "whether", "since",
    "after", "before", "as", "so", "where", "unless", "until",
];

/// How far into the sentence (in tokens) an introductory phrase may run.
const INTRO_REACH: usize = 20;

/// Lower-case words that may stand right before the main verb: `data/preverbal_words.txt`.
static MAY_PRECEDE_VERB: WordSet = WordSet::new(include_str!("data/preverbal_words.txt"));

/// How many quoted words make a sentence quote someone's words rather than a title (a
/// feature of the learned gate).
pub const QUOTED_WORDS: usize = 3;

/// How far (in tokens) the reporting verb may lie after the subject.
const VERB_REACH: usize = 40;

/// Whether a lower-case word form is a verb of stance or belief (`data/stance_verbs.txt`).
pub fn is_stance_verb(word: &str) -> bool {
    STANCE_VERBS.contains(word)
}

/// Whether a lower-case word is an agent noun of stance (`critic`, `backer`):
/// `data/stance_nouns.txt`.
pub fn is_stance_noun(word: &str) -> bool {
    STANCE_NOUNS.contains(word)
}

/// Whether the corpus-learned list (`data/cue_words.txt`) holds this lower-case word form.
pub fn is_corpus_cue(word: &str) -> bool {
    CORPUS_CUES.contains(word)
}

/// What a main-clause cue reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reports {
    /// Words: said, told, tweeted.
    Speech,
    /// A view or plan: wants, believes, opposed.
    Stance,
    /// Any other verb of the main clause: an act or view that news may attribute
    /// (`bemoaned`, `thanked`, `refused to say`, `Brill described it as "a mess"`) or
    /// mere narration (`walked to the car`). The learned gate decides which; weaker evidence
    /// than a stance verb, it holds only when the subject is a named person.
    Attributed,
}

/// The subject of the sentence `tokens` as a cue, when a reporting or stance verb of its main
/// clause follows it. `tokens` are one sentence's tokens. A speech verb always holds; a
/// stance or weak cue holds only when the learned gate (`gate.rs`) keeps it, read in the
/// sentence's `context` (its paragraph's other sentences).
pub fn main_clause_cue(tokens: &[Token], context: &gate::Context) -> Option<(Cue, Reports)> {
    if is_yes_no_question(tokens) {
        return None;
    }
    let found = main_clause_candidate(tokens)?;
    if found.reports != Reports::Speech && !gate::keeps(tokens, &found, context) {
        return None;
    }
    Some((
        Cue {
            form: CueForm::Subject,
            start: tokens[found.subject_start].start,
            end: tokens[found.verb].end,
            mention: found.mention,
        },
        found.reports,
    ))
}

/// A main-clause cue before the learned gate: the sentence's subject and the verb of its clause
/// that may report it. Token indexes are into the sentence's tokens.
#[derive(Clone, Debug, PartialEq)]
pub struct MainClause {
    pub mention: Mention,
    /// First and last token of the subject phrase.
    pub subject_start: usize,
    pub subject_end: usize,
    /// The verb: a speech verb, a stance verb, or (for [`Reports::Attributed`]) the first
    /// finite verb, progressive or base form after an auxiliary of the clause.
    pub verb: usize,
    pub reports: Reports,
}

/// The main-clause cue of the sentence `tokens` with the learned gate left out: every weak
/// candidate the sieve generates. For the gate and its training program
/// (`examples/learn_weak_cues.rs`); the product asks [`main_clause_cue`].
pub fn main_clause_candidate(tokens: &[Token]) -> Option<MainClause> {
    let start = subject_start(tokens)?;
    // `Throughout the debate, Ruiz was ...`, `Reached by phone, Ruiz declined ...`, `Through
    // a spokeswoman, Ruiz declined ...`: an opening phrase read as a subject that has no verb
    // of its own was a fronted adverbial, and the subject follows its comma.
    subject_at(tokens, start)
        .and_then(|subject| clause_of(tokens, subject))
        .or_else(|| {
            subject_after_fronted_phrase(tokens, start)
                .and_then(|subject| clause_of(tokens, subject))
        })
}

/// The main-clause candidate of the subject phrase `(mention, start, end)`, when its clause
/// has a verb that may report it.
fn clause_of(
    tokens: &[Token],
    (mention, start, end): (Mention, usize, usize),
) -> Option<MainClause> {
    let (verb, reports) = verb_after_subject(tokens, end)?;
    if !opening_word_is_subject(tokens, &mention, start, end, verb) {
        return None;
    }
    Some(MainClause {
        mention,
        subject_start: start,
        subject_end: end,
        verb,
        reports,
    })
}

/// The verb of the clause whose subject phrase ends at `end`. When the words right after the
/// subject give none, the subject may be the first of two joined ones (`Ruiz and her advisers
/// recognized`, `Ruiz and Sen. Kofi Mensah have endorsed`): the verb follows the second. After
/// a subject that a fronted phrase introduced, a comma may close that phrase's apposition
/// (`Ruiz's lawyer, Kofi Mensah, declined`).
fn verb_after_subject(tokens: &[Token], end: usize) -> Option<(usize, Reports)> {
    // Two joined subjects take a plural verb, whose present is the base form (`Ruiz and
    // Mensah see`, `Ruiz and her allies aim`).
    // `Neither Ruiz nor Mensah saw`, `Either Ruiz or her aides will`: the conjunction of a
    // correlative pair joins the subjects as `and` does.
    let joined = tokens
        .get(end + 1)
        .filter(|next| {
            next.is_word() && !next.quoted && matches!(next.lower(), "and" | "nor" | "or")
        })
        .and_then(|_| second_subject_end(tokens, end + 2));
    if let Some(found) = joined.and_then(|joined| clause_verb(tokens, joined + 1, true)) {
        return Some(found);
    }
    if let Some(found) = clause_verb(tokens, end + 1, false) {
        return Some(found);
    }
    let next = tokens.get(end + 1)?;
    if next.is_punct(',') && !next.quoted {
        let comma_closes = tokens[..end]
            .iter()
            .rev()
            .take(INTRO_REACH)
            .any(|t| t.is_punct(','));
        if comma_closes {
            return clause_verb(tokens, end + 2, false);
        }
    }
    None
}

/// Possessives that open a joined subject of one's own people (`and his advisers`).
const JOINED_OPENERS: &[&str] = &["his", "her", "their", "its"];

/// The last token of a second subject joined by `and` at `at`: a name or title phrase, or a
/// possessive and up to three lower-case words (`her top aides`).
fn second_subject_end(tokens: &[Token], at: usize) -> Option<usize> {
    let first = tokens.get(at)?;
    if !first.is_word() || first.quoted {
        return None;
    }
    if JOINED_OPENERS.contains(&first.lower()) {
        // The possessive's nouns end before a verb form or a word that stands before verbs.
        let noun = |t: &&Token| {
            let lower = t.lower();
            t.is_word()
                && !t.quoted
                && t.is_lowercase()
                && !lower.ends_with("ed")
                && !IRREGULAR_PAST.contains(lower)
                && !STANCE_VERBS.contains(lower)
                && !CORPUS_CUES.contains(lower)
                && !is_speech_verb_form(lower)
                && !may_stand_before_verb(lower)
        };
        let words = tokens[at + 1..].iter().take(3).take_while(noun).count();
        return (words > 0).then_some(at + words);
    }
    if !first.is_capitalized() {
        return None;
    }
    match phrase_after(tokens, at).or_else(|| titled_name(tokens, at))? {
        (Mention::Person { .. } | Mention::Bare(_), joined) => Some(joined),
        _ => None,
    }
}

/// The sentence's subject phrase with its first and last token indexes: the phrase after a
/// leading connective and an introductory phrase, when it can name someone.
pub fn sentence_subject(tokens: &[Token]) -> Option<(Mention, usize, usize)> {
    let start = subject_start(tokens)?;
    subject_at(tokens, start).or_else(|| subject_after_fronted_phrase(tokens, start))
}

/// The phrase at `start` when it can name someone, with its last token's index.
fn subject_at(tokens: &[Token], start: usize) -> Option<(Mention, usize, usize)> {
    if let Some(found) = contracted_pronoun_subject(tokens, start) {
        return Some(found);
    }
    if let Some(found) = name_before_headline_verb(tokens, start) {
        return Some(found);
    }
    let (mention, end) = phrase_after(tokens, start)
        .or_else(|| titled_name(tokens, start))
        .filter(|(mention, _)| !matches!(mention, Mention::Other | Mention::It))
        .or_else(|| first_of_joined(tokens, start))?;
    Some((mention, start, end))
}

/// `He's trying to ...`, `She's also wary of ...`: `he` or `she` fused with `is` or `has`
/// (the tokenizer keeps a word's inner apostrophe) is the subject, its `be` or `have` the
/// verb's auxiliary ([`be_form_before`] reads it).
fn contracted_pronoun_subject(tokens: &[Token], start: usize) -> Option<(Mention, usize, usize)> {
    let token = tokens.get(start).filter(|t| is_contracted_pronoun(t))?;
    let (gender, written) = super::mentions::contracted_pronoun(token)?;
    Some((Mention::Pronoun(gender, written.to_string()), start, start))
}

/// Whether the token fuses `he` or `she` with `is` or `has` (`he's`, `She’s`).
fn is_contracted_pronoun(token: &Token) -> bool {
    token.is_word() && !token.quoted && matches!(token.lower(), "he's" | "she's")
}

/// How far into a title-case headline (in tokens) its verb may lie after the subject's start.
const HEADLINE_NAME_REACH: usize = 7;

/// `Ana Ruiz Refuses to Back the Plan`, `Ruiz Endorses Kofi Mensah`, `Ana Ruiz Fully Embraced
/// the Plan`: in a title-case headline every word is capitalised, so the name would run on
/// into its verb. The name ends before the first capitalised word (after one name word at
/// least) that is a finite form of a verb the cue lists or `data/verb_classes.txt` know,
/// or an adverb right before one.
fn name_before_headline_verb(tokens: &[Token], start: usize) -> Option<(Mention, usize, usize)> {
    // The verb is looked for from the next token on, among capitalised words: without one
    // there is nothing to cut, and the title-case test (a pass over the sentence) is skipped.
    let next_capitalised = tokens
        .get(start + 1)
        .is_some_and(|t| t.is_word() && !t.quoted && t.is_capitalized());
    if !next_capitalised || !super::tokens::is_title_case(tokens) {
        return None;
    }
    // Asked only of the capitalised, unquoted words the search below walks through.
    let verb_like = |t: &Token| {
        let lower = t.lower();
        is_finite_form(lower)
            && (STANCE_VERBS.contains(lower)
                || CORPUS_CUES.contains(lower)
                || is_speech_verb_form(lower)
                || gate::verb_class(lower).is_some())
    };
    let adverb = |t: &Token| {
        let lower = t.lower();
        t.is_word() && !t.quoted && (lower.ends_with("ly") || MAY_PRECEDE_VERB.contains(lower))
    };
    let reach = tokens.len().min(start + HEADLINE_NAME_REACH);
    let verb = (start + 1..reach)
        .take_while(|&k| tokens[k].is_word() && !tokens[k].quoted && tokens[k].is_capitalized())
        .find(|&k| verb_like(&tokens[k]))?;
    let cut = if verb > start + 1 && adverb(&tokens[verb - 1]) {
        verb - 1
    } else {
        verb
    };
    match phrase_after(&tokens[..cut], start)? {
        (mention @ (Mention::Person { .. } | Mention::Bare(_)), end) if end + 1 == cut => {
            Some((mention, start, end))
        }
        _ => None,
    }
}

/// How many tokens a name before `and` may take (`Sen. Ana Maria Ruiz`).
const JOINED_NAME_REACH: usize = 6;

/// `Ruiz and Mensah see ...`, `Professors Ruiz and Mensah suggest ...`: two people joined by
/// `and` read as a group; the first is a subject of the clause (either speaks for it).
fn first_of_joined(tokens: &[Token], start: usize) -> Option<(Mention, usize)> {
    let and = (start + 1..tokens.len().min(start + JOINED_NAME_REACH))
        .find(|&j| tokens[j].is_word() && !tokens[j].quoted && tokens[j].lower() == "and")?;
    let name_only = tokens[start..and]
        .iter()
        .all(|t| !t.quoted && (t.is_word() && t.is_capitalized() || t.is_punct('.')));
    if !name_only {
        return None;
    }
    match phrase_after(&tokens[..and], start)? {
        (mention @ (Mention::Person { .. } | Mention::Bare(_)), end) if end + 1 == and => {
            Some((mention, end))
        }
        _ => None,
    }
}

/// `Perhaps more than anyone, Sen. Lee has attacked ...`, `Two days in a row, Ruiz
/// campaigned ...`, `Most recently, Ruiz saw ...`: when the sentence opens with no subject,
/// a fronted phrase up to its first comma whose words hold no verb of their own (no `-ed`
/// form, irregular past, form of `be` or `have`, or `will`, `would`, `said` after its first
/// word) is an adverbial,
/// and the subject follows the comma.
fn subject_after_fronted_phrase(tokens: &[Token], start: usize) -> Option<(Mention, usize, usize)> {
    let comma = (start..tokens.len().min(start + INTRO_REACH))
        .find(|&j| tokens[j].is_punct(',') || tokens[j].quoted)?;
    if tokens[comma].quoted || comma == start {
        return None;
    }
    let has_verb = tokens[start + 1..comma].iter().any(|t| {
        let lower = t.lower();
        t.is_lowercase()
            && (lower.ends_with("ed")
                || IRREGULAR_PAST.contains(lower)
                || matches!(
                    lower,
                    "is" | "was"
                        | "are"
                        | "were"
                        | "has"
                        | "have"
                        | "had"
                        | "will"
                        | "would"
                        | "said"
                        | "says"
                        | "told"
                        | "wrote"
                ))
    });
    if has_verb {
        return None;
    }
    let at = comma + 1;
    let opens = tokens.get(at).is_some_and(|t| {
        t.is_word() && !t.quoted && (t.is_capitalized() || matches!(t.lower(), "he" | "she"))
    });
    if !opens {
        return None;
    }
    subject_at(tokens, at)
}

/// Lower-case words that may follow a one-word subject before its verb (`Varga on Tuesday
/// said`, `Lund himself wrote`, `Varga was asked`), besides adverbs in `-ly`,
/// [`MAY_PRECEDE_VERB`] and the words `mentions::is_auxiliary` knows.
const MAY_FOLLOW_SUBJECT: &[&str] = &[
    "is",
    "was",
    "are",
    "were",
    "will",
    "would",
    "could",
    "can",
    "should",
    "may",
    "might",
    "must",
    "on",
    "in",
    "at",
    "during",
    "last",
    "this",
    "earlier",
    "over",
    "after",
    "before",
    "from",
    "for",
    "with",
    "by",
    "via",
    "not",
    "himself",
    "herself",
    "itself",
    "themselves",
    "who",
    "which",
    "whose",
];

/// Whether a one-word subject that opens the sentence reads as a name. There its capital is
/// no evidence: it may be an imperative (`Watch the video of her remarks`, `Listen to
/// audio`), a quantity (`Dozens of children are beaten`) or a common noun (`Questions and
/// answers have been edited`, `Solid upturn could blunt claims`). A name subject is followed
/// by its verb, punctuation, a capitalised word, an auxiliary, an adverb or a time or place
/// phrase; any other lower-case word shows the opening word was not a name.
fn opening_word_is_subject(
    tokens: &[Token],
    mention: &Mention,
    start: usize,
    end: usize,
    verb: usize,
) -> bool {
    let one_word = start == end && matches!(mention, Mention::Bare(_) | Mention::Org(_));
    let opens = tokens[..start].iter().all(|t| !t.is_word() || t.quoted)
        || start == subject_start(tokens).unwrap_or(usize::MAX) && start <= 2;
    let Some(next) = tokens.get(end + 1) else {
        return true;
    };
    if !one_word || !opens || end + 1 == verb || !next.is_word() || next.quoted {
        return true;
    }
    let lower = next.lower();
    let negated = lower.ends_with("n't") || lower.ends_with("n’t");
    // `Halvorsen rejects Varga's remarks`, `Lund wins R.I.`: a verb of its own, known to
    // the cue lists or taking an object.
    let verb_like = is_finite_form(lower)
        && (lower.ends_with("ed")
            || STANCE_VERBS.contains(lower)
            || CORPUS_CUES.contains(lower)
            || is_speech_verb_form(lower)
            || tokens.get(end + 2).is_some_and(|object| {
                object.is_word()
                    && (object.is_capitalized()
                        || matches!(object.lower(), "the" | "a" | "an" | "his" | "her" | "their"))
            }));
    !next.is_lowercase()
        || negated
        || verb_like
        || is_auxiliary(lower)
        || lower.ends_with("ly")
        // `Questions and answers have`: a word joined by `and` to a bare common noun is
        // one too; a name joins names or people (`Okafor and his lawyers said`, `Neither
        // Okafor nor Bello`).
        || matches!(lower, "and" | "or" | "nor") && tokens.get(end + 2).is_some_and(|joined| {
            joined.is_word() && !joined.quoted && joined.is_capitalized()
                || matches!(
                    joined.lower(),
                    "his" | "her" | "their" | "its" | "the" | "a" | "an" | "other" | "others"
                )
        })
        || lower != "and" && MAY_PRECEDE_VERB.contains(lower)
        || MAY_FOLLOW_SUBJECT.contains(&lower)
}

/// `President Alan Moore`: a capitalised office before a name, read back from the run's end.
fn titled_name(tokens: &[Token], start: usize) -> Option<(Mention, usize)> {
    let run = tokens[start..]
        .iter()
        .take_while(|t| t.is_word() && !t.quoted && t.is_capitalized())
        .count();
    let end = start + run.checked_sub(1)?;
    match phrase_before(tokens, end)? {
        (person @ Mention::Person { .. }, first) if first >= start => Some((person, end)),
        _ => None,
    }
}

/// Where the subject begins: after a leading connective and an introductory phrase that ends
/// in a comma (`In an interview with Radio Ten,` / `Asked about the polls,`).
fn subject_start(tokens: &[Token]) -> Option<usize> {
    let first = tokens.first()?;
    if first.quoted {
        return None;
    }
    let mut at = dateline_end(tokens).unwrap_or(0);
    if matches!(
        tokens.get(at)?.lower(),
        "but" | "and" | "yet" | "still" | "meanwhile" | "later" | "then" | "now"
    ) {
        at += 1;
        if tokens.get(at).is_some_and(|t| t.is_punct(',')) {
            at += 1;
        }
    }
    // `Both Ruiz and Mensah ...`, `Neither Ruiz nor ...`: the first word of a correlative
    // pair opens the joined subject that follows it, never a subject of its own.
    let correlative = tokens.get(at)?.is_word()
        && matches!(tokens[at].lower(), "both" | "neither" | "either")
        && tokens
            .get(at + 1)
            .is_some_and(|next| next.is_word() && !next.quoted && next.is_capitalized());
    if correlative {
        return Some(at + 1);
    }
    let opener = tokens.get(at)?;
    // After a connective the introduction is in lower case: `But first, Varga sounded ...`.
    let introduces = opener.is_word()
        && (opener.is_capitalized() || at > 0)
        && (INTRO_OPENERS.contains(&opener.lower())
            || opener.lower().ends_with("ing")
            || opener.lower().ends_with("ly"));
    if introduces {
        // The comma may sit inside a closing quotation: `In an interview with "Radio Ten,"`.
        let closes_phrase = |j: usize| {
            let after = tokens[j + 1..].iter().find(|t| t.is_word());
            tokens[j].is_punct(',') && (!tokens[j].quoted || after.is_some_and(|t| !t.quoted))
        };
        let mut commas = (at..tokens.len().min(at + INTRO_REACH)).filter(|&j| closes_phrase(j));
        // An opener with no comma in reach opens no introduction (`Likely nominee Ana Ruiz
        // has offered ...`): the subject starts there.
        let Some(first) = commas.next() else {
            return Some(at);
        };
        // `In a step that surprised everyone, especially in New Hampshire, Brenner endorsed`: a
        // comma followed by a lower-case word other than a determiner or a pronoun goes on
        // with the introduction, up to a comma that opens a subject.
        let opens_subject = |j: usize| {
            tokens.get(j + 1).is_some_and(|t| {
                t.is_word()
                    && (t.is_capitalized()
                        || matches!(
                            t.lower(),
                            "he" | "she" | "the" | "a" | "an" | "his" | "her" | "its" | "their"
                        ))
            })
        };
        let comma = if opens_subject(first) {
            first
        } else {
            commas.find(|&j| opens_subject(j)).unwrap_or(first)
        };
        at = comma + 1;
        while tokens.get(at).is_some_and(|t| t.quoted && !t.is_word()) {
            at += 1;
        }
    }
    Some(at)
}

/// How far (in tokens) a dateline may run before its dash.
const DATELINE_REACH: usize = 14;

/// `WASHINGTON (AP) —`, `NEW YORK, Nov. 19 (UPI) —`, `Dec 29 (Reuters) -`: a wire story's
/// dateline names a place, a date and an agency before a dash, never the subject. It is
/// capitalised words, numbers and punctuation only, with an agency in brackets or a place in
/// capitals (`FBI Director Paul Rasmus —` is a subject: its capitals go on in mixed case).
/// Gives the index of the first token after the dash.
pub fn dateline_end(tokens: &[Token]) -> Option<usize> {
    let dash = tokens
        .iter()
        .take(DATELINE_REACH)
        .position(|t| matches!(t.text, "-" | "–" | "—" | "--"))?;
    let before = &tokens[..dash];
    let plain = before.iter().all(|t| {
        !t.quoted
            && (!t.is_word() || t.is_capitalized() || t.text.chars().all(|c| c.is_ascii_digit()))
    });
    let agency = before.iter().any(|t| t.is_punct('('));
    let all_caps = |t: &Token| {
        t.is_word()
            && t.text.chars().all(|c| !c.is_lowercase())
            && t.text.chars().filter(|c| c.is_alphabetic()).count() >= 2
    };
    // `LA CROSSE, Wisc.`, `WASHINGTON`: capitals up to the first punctuation, four letters
    // or more (`FBI —` is an organisation that may be the subject).
    let caps_words = before.iter().take_while(|t| all_caps(t)).count();
    let caps_letters: usize = before[..caps_words].iter().map(|t| t.text.len()).sum();
    let place = caps_letters >= 4 && before.get(caps_words).is_none_or(|t| !t.is_word());
    (dash > 0 && plain && (agency || place)).then_some(dash + 1)
}

/// Words that open an introductory phrase rather than a subject.
const INTRO_OPENERS: &[&str] = &[
    "in",
    "at",
    "on",
    "after",
    "before",
    "during",
    "when",
    "while",
    "asked",
    "speaking",
    "with",
    "since",
    "as",
    "following",
    "despite",
    "from",
    "for",
    "by",
    "earlier",
    "last",
    "this",
    "over",
    "under",
    "amid",
    "like",
    "unlike",
    "instead",
    "although",
    "though",
    "if",
    "once",
    "first",
];

/// The first finite reporting or stance verb of the clause that starts at `from`, skipping
/// appositions between commas, brackets, quotations and time phrases. After a `plural`
/// subject a base form in the verb's slot is its present (`they see`, `Ruiz and Mensah aim`).
fn clause_verb(tokens: &[Token], from: usize, plural: bool) -> Option<(usize, Reports)> {
    let mut i = from;
    let mut depth = 0usize;
    let mut in_apposition = false;
    let mut stance = None;
    let mut attributed = None;
    // Whether a lower-case word other than an auxiliary, adverb or time word has been passed:
    // after it, an unlisted verb is no longer the main clause's own (`Lund has taken to
    // urging voters ... neighbors`).
    let mut clause_started = false;
    // In a title-case headline (`Ruiz Refuses to Back the Plan`) capitalised words may be
    // the verb.
    let title_case = super::tokens::is_title_case(tokens);
    while i < tokens.len() && i < from + VERB_REACH {
        let token = &tokens[i];
        i += 1;
        if token.quoted {
            continue;
        }
        if token.is_punct('(') {
            depth += 1;
            continue;
        }
        if token.is_punct(')') {
            depth = depth.saturating_sub(1);
            continue;
        }
        if depth > 0 {
            continue;
        }
        // Commas and dashes open and close appositions (`Varga - who said ... - said`).
        if token.is_punct(',') || matches!(token.text, "-" | "–" | "—" | "--") {
            in_apposition = !in_apposition;
            continue;
        }
        if token.is_punct(';') || token.is_punct(':') || token.is_punct('.') && i == tokens.len() {
            break;
        }
        if !token.is_word() {
            continue;
        }
        let lower = token.lower();
        // A reporting verb right after a comma or a closing quotation mark ends whatever
        // apposition came before: `Dee Harlan, host of "Early Hour," suggested` (the
        // comma sat inside the quotation), `Brill, R-Vt., appearing on Radio Ten, said`.
        let previous = &tokens[i - 2];
        let after_break = !previous.is_word() && (previous.quoted || previous.is_punct(','));
        if in_apposition && after_break && is_speech_verb_form(lower) && is_finite_form(lower) {
            return Some((i - 1, Reports::Speech));
        }
        if in_apposition {
            continue;
        }
        // `issued a statement`, `released a statement`: speech through a document.
        let statement = matches!(lower, "issued" | "released")
            && tokens[i..].iter().take(2).any(|t| t.lower() == "statement");
        if statement {
            return Some((i - 1, Reports::Speech));
        }
        if starts_clause(tokens, i - 1) || matches!(lower, "who" | "whom" | "which") {
            break;
        }
        if !token.is_lowercase() && !title_case {
            continue;
        }
        let first_verb_slot = !clause_started;
        clause_started |= !may_stand_before_verb(lower);
        // The verb follows its subject, a comma, a bracket, an adverb or an auxiliary of
        // the perfect; after any other word ("joined calls", "would be asked", "the claims")
        // it is a noun, an infinitive or a passive.
        let previous = &tokens[i - 2];
        let previous_lower = previous.lower();
        // `is touting`, `was seeking`, `has been criticizing`, `is now talking`: the
        // progressive of a verb the corpus attributes.
        let be_before = be_form_before(tokens, i - 1, from);
        let progressive = be_before && lower.ends_with("ing");
        // `is a fierce critic of`, `has been a backer of`, `remains a proponent of`: an agent
        // noun of stance as the predicate is a view held, as `opposes` or `supports` is.
        let linked = be_before && first_verb_slot
            || matches!(
                previous_lower,
                "remains" | "remained" | "became" | "becomes"
            ) && attributed == Some(i - 2);
        if linked {
            if let Some(noun) = stance_noun_after(tokens, i - 1) {
                stance = stance.or(Some(noun));
                continue;
            }
        }
        // `was critical of`, `is upbeat about`, `was eager to`: a predicate after a form of
        // `be` whose complement follows; a view the corpus may cite (the gate decides).
        if be_before && !progressive && first_verb_slot && is_predicate(tokens, i - 1) {
            attributed = attributed.or(Some(i - 1));
            continue;
        }
        // `did not respond`, `would not say`, `will endorse`: a base form after an auxiliary.
        if after_auxiliary(tokens, i - 1, previous_lower)
            && (reports_as_base(lower) || first_verb_slot && may_be_base(lower))
        {
            attributed = attributed.or(Some(i - 1));
            continue;
        }
        let follows_subject = i - 2 < from
            || !previous.is_word()
            || previous.is_capitalized()
            || previous_lower.ends_with("ly")
            || MAY_PRECEDE_VERB.contains(previous_lower);
        if !follows_subject && !progressive {
            continue;
        }
        let corpus_cue = CORPUS_CUES.contains(lower) && (progressive || is_finite_form(lower));
        // A stance verb may be followed by a reporting one ("rejected the idea and said
        // ..."): the words win. Its infinitive is the stance (`wants to build a wall`).
        if STANCE_VERBS.contains(lower) && !progressive {
            stance = stance.or(Some(i - 1));
            continue;
        }
        // "Costa reported from Washington.", "He tweets @handle.": a writer's credit line,
        // not a report (as `cues` reads it).
        if is_credit(tokens, i - 1) {
            break;
        }
        // "continued to question", "plans to say": a speech verb before an infinitive is
        // not the report itself.
        // (`refused to say`, `decided to run` may cite a stance: the gate decides.)
        let before_infinitive = tokens.get(i).is_some_and(|next| next.lower() == "to");
        let finite = is_finite_form(lower) && may_be_verb(lower)
            || plural
                && may_be_base(lower)
                && !may_stand_before_verb(lower)
                && lower.chars().all(char::is_alphabetic);
        if before_infinitive && !is_commitment(lower) {
            // `is trying to show`, `is continuing to insist`: a progressive before its
            // infinitive is the clause's verb as a finite one is.
            let progressive_verb = progressive && may_be_verb(lower);
            if corpus_cue || first_verb_slot && (finite || progressive_verb) {
                attributed = attributed.or(Some(i - 1));
            }
            continue;
        }
        if progressive {
            if corpus_cue || first_verb_slot && may_be_verb(lower) {
                attributed = attributed.or(Some(i - 1));
            }
            continue;
        }
        // `Mr. Okafor's comments signal ...`: right after a subject that owns it the word is
        // a noun, as it is after capitalised words that a possessive opens (`her Harbour
        // Street remarks`). Further on, a noun after a possessive stays a weak clue to the
        // clause's own verb (`Okafor rejected Bello's comments`).
        if reports_nothing(tokens, i - 1, lower)
            || i - 1 == from && follows_possessive(tokens, i - 1)
            || owned_noun(tokens, i - 1)
        {
            continue;
        }
        // A capitalised word of a title-case headline may be a noun (`More Posts`): as a
        // speech verb it is weak evidence only.
        if is_speech_verb_form(lower)
            && is_finite_form(lower)
            && token.is_lowercase()
            && introduces_words(tokens, i - 1, lower)
        {
            return Some((i - 1, Reports::Speech));
        }
        // Any other finite verb is a weak candidate for the learned gate.
        if corpus_cue || first_verb_slot && finite {
            attributed = attributed.or(Some(i - 1));
        }
    }
    stance
        .map(|verb| (verb, Reports::Stance))
        .or(attributed.map(|verb| (verb, Reports::Attributed)))
}

/// How many words the sentence quotes from someone, leaving out titles: a quotation whose
/// first word is capitalised and whose other lower-case words are only articles,
/// conjunctions and prepositions (`edits "Eat The Press"`, `stars in "Girls, Girls, Girls"`,
/// `on "Meet the Press"`) names a work, not words said. After `titled`, `called`, `dubbed`
/// or `as` it is the name the subject gave (`a memo titled "The Facts"`, `called him
/// "Little Marco"`), which is theirs.
pub fn spoken_words_quoted(tokens: &[Token]) -> usize {
    let mut count = 0;
    let mut named = false;
    let mut between: &[Token] = &[];
    for run in tokens.chunk_by(|a, b| a.quoted == b.quoted) {
        if !run[0].quoted {
            between = run;
            continue;
        }
        let words: Vec<&Token> = run.iter().filter(|t| t.is_word()).collect();
        // `as "Little Marco" and "Lyin' Ted"`: names joined to a name given are given too.
        let joined = named
            && between
                .iter()
                .all(|t| t.is_punct(',') || matches!(t.lower(), "and" | "or"));
        named = joined
            || between.last().is_some_and(|b| {
                matches!(
                    b.lower(),
                    "titled" | "entitled" | "called" | "dubbed" | "nicknamed" | "as"
                )
            });
        let title = !named
            && words.first().is_some_and(|first| first.is_capitalized())
            && words.iter().all(|t| {
                !t.is_lowercase()
                    || matches!(
                        t.lower(),
                        "a" | "an"
                            | "the"
                            | "of"
                            | "and"
                            | "or"
                            | "in"
                            | "on"
                            | "at"
                            | "to"
                            | "for"
                            | "with"
                            | "by"
                            | "from"
                    )
            });
        if !title {
            count += words.len();
        }
    }
    count
}

/// The index of a stance noun (`data/stance_nouns.txt`) whose phrase the determiner at
/// `det` opens, with `of` or `for` right after the noun: `a fierce critic of`, `an early
/// backer of`. Only lower-case words may stand between the determiner and the noun.
fn stance_noun_after(tokens: &[Token], det: usize) -> Option<usize> {
    if !matches!(tokens[det].lower(), "a" | "an" | "the") {
        return None;
    }
    let noun = (det + 1..tokens.len().min(det + 2 + STANCE_NOUN_REACH))
        .take_while(|&k| tokens[k].is_word() && !tokens[k].quoted && tokens[k].is_lowercase())
        .find(|&k| STANCE_NOUNS.contains(tokens[k].lower()))?;
    let complement = tokens
        .get(noun + 1)
        .is_some_and(|next| !next.quoted && matches!(next.lower(), "of" | "for"));
    complement.then_some(noun)
}

/// Words that open the complement of a predicate after `be` (`critical of`, `sure that`).
const PREDICATE_COMPLEMENTS: &[&str] = &[
    "about", "of", "with", "on", "to", "that", "by", "for", "over", "toward", "towards",
];

/// Whether the word at `at` heads a predicate after `be` with its complement right after it
/// (`critical of`, `eager to`, `concerned about`): a lower-case word of four letters or more
/// that is no preposition, adverb or auxiliary, followed by one of [`PREDICATE_COMPLEMENTS`].
fn is_predicate(tokens: &[Token], at: usize) -> bool {
    let word = &tokens[at];
    let lower = word.lower();
    word.is_lowercase()
        && lower.chars().count() >= 4
        && lower.chars().all(char::is_alphabetic)
        && !PREDICATE_COMPLEMENTS.contains(&lower)
        && !matches!(
            lower,
            "from" | "into" | "against" | "under" | "among" | "after" | "before"
        )
        && !may_stand_before_verb(lower)
        && tokens
            .get(at + 1)
            .is_some_and(|next| !next.quoted && PREDICATE_COMPLEMENTS.contains(&next.lower()))
}

/// Whether a form of `be` (`is`, `was`, `been`, `isn't`) stands before the word at `at`, with
/// only adverbs and negation between (`is now talking`, `was clearly unhappy`), no earlier
/// than `from`; or the subject right before `from` fuses `he` or `she` with it (`He's now
/// talking`). For the sieve and the gate's `progressive` and `copula` features.
pub fn be_form_before(tokens: &[Token], at: usize, from: usize) -> bool {
    for token in tokens[from.min(at)..at].iter().rev() {
        if !token.is_word() || token.quoted {
            return false;
        }
        let lower = token.lower();
        let bare = trim_all_suffixes(trim_all_suffixes(lower, "n't"), "n’t");
        if super::lexicon::is_form_of_be(bare) {
            return true;
        }
        let adverb = lower == "not"
            || lower.ends_with("ly")
            || MAY_PRECEDE_VERB.contains(lower) && !matches!(lower, "and" | "has" | "have" | "had");
        if !adverb {
            return false;
        }
    }
    // `He's now talking`: the subject itself carries the `be`.
    from.checked_sub(1)
        .is_some_and(|subject| from <= at && is_contracted_pronoun(&tokens[subject]))
}

/// The word at `at` follows `did`, `does`, `would`, `will` or `could`, with `not` between or
/// fused (`didn't`), right after the subject's phrase. `previous_lower` is the word before
/// `at` in lower case, which the caller already has.
fn after_auxiliary(tokens: &[Token], at: usize, previous_lower: &str) -> bool {
    let is_auxiliary = |word: &str| {
        let word = trim_all_suffixes(trim_all_suffixes(word, "n't"), "n’t");
        matches!(
            word,
            "did" | "does" | "do" | "would" | "wo" | "will" | "could" | "ca" | "can"
        )
    };
    if previous_lower == "not" {
        at.checked_sub(2)
            .is_some_and(|aux| is_auxiliary(tokens[aux].lower()))
    } else {
        is_auxiliary(previous_lower)
    }
}

/// A base form whose finite forms report speech or that the corpus often cites
/// (`say`, `respond`, `mention`, `endorse`): a feature of the learned gate.
pub fn reports_as_base(base: &str) -> bool {
    let finite = [format!("{base}s"), format!("{base}ed"), format!("{base}d")];
    may_be_base(base)
        && (finite
            .iter()
            .any(|form| CORPUS_CUES.contains(form) || is_speech_verb_form(form))
            || matches!(base, "say" | "tell" | "comment"))
}

/// A word after `did not`, `would`, `will` that may be a verb's base form (`respond`,
/// `commit`, `win`): not a finite form, not `be`, `have`, `do` or `get`, which report nothing.
fn may_be_base(base: &str) -> bool {
    !is_inflected(base) && base.len() > 2 && !matches!(base, "not" | "be" | "have" | "do" | "get")
}

/// Common words ending in `-s` or `-ed` that are no verb of their own, or are an auxiliary
/// before the verb that matters (`Varga this week thanked`, `Lund does not say`).
const NOT_VERBS: &[&str] = &[
    "this", "its", "his", "hers", "has", "was", "is", "does", "as", "us", "yes", "thus", "plus",
    "less", "unless", "across", "always", "perhaps", "towards", "whereas", "news",
];

/// Lower-case words that may stand between a subject and its verb without starting the
/// clause: auxiliaries, negation, adverbs, time and place phrases' words.
fn may_stand_before_verb(word: &str) -> bool {
    MAY_FOLLOW_SUBJECT.contains(&word)
        || MAY_PRECEDE_VERB.contains(word)
        || is_auxiliary(word)
        || word.ends_with("ly")
        || word.ends_with("n't")
        || matches!(
            word,
            "did"
                | "been"
                | "be"
                | "do"
                | "does"
                | "week"
                | "weekend"
                | "month"
                | "year"
                | "night"
                | "morning"
                | "afternoon"
                | "evening"
                | "day"
        )
}

/// Whether a finite or `-ing` form after the subject may be the clause's verb: four letters or
/// more and none of [`NOT_VERBS`].
fn may_be_verb(word: &str) -> bool {
    (word.len() > 3 || IRREGULAR_PAST.contains(word))
        && !NOT_VERBS.contains(&word)
        && word.chars().all(char::is_alphabetic)
}

/// A word of `NEW_CLAUSE` at `at` that opens a clause. `after`, `before`, `since` and `until`
/// also head plain time phrases (`right after the speech`), which open no clause unless a
/// pronoun subject follows.
fn starts_clause(tokens: &[Token], at: usize) -> bool {
    let lower = tokens[at].lower();
    if !NEW_CLAUSE.contains(&lower) {
        return false;
    }
    if matches!(lower, "after" | "before" | "since" | "until") {
        return tokens.get(at + 1).is_some_and(|next| {
            matches!(
                next.lower(),
                "he" | "she" | "they" | "we" | "i" | "you" | "it"
            )
        });
    }
    true
}

/// Present third person or past forms (`says`, `said`, `argued`, `took`, `laid`), not base
/// forms, which after a subject are usually plural subjects' verbs or nouns (`a call`, `the
/// report`). Irregular pasts that equal their base form (`put`, `set`) count: after a
/// singular subject they can only be past.
pub fn is_finite_form(word: &str) -> bool {
    is_inflected(word) || IRREGULAR_PAST.contains(word)
}

/// A form in `-s` or `-ed`, or `said`, `told`, `wrote`: never a base form, so never the
/// verb after `did not` or `would`.
fn is_inflected(word: &str) -> bool {
    word.ends_with('s') || word.ends_with("ed") || matches!(word, "said" | "told" | "wrote")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::lexicon::Gender;
    use crate::attribution::quotes::scan;
    use crate::attribution::tokens::tokenize;

    fn speaker(text: &str) -> Option<(String, Reports)> {
        let tokens = tokenize(text, &scan(text, false).ranges());
        main_clause_cue(&tokens, &gate::Context::alone(&tokens)).map(|(cue, reports)| {
            let name = match cue.mention {
                Mention::Person { name, .. } => name.display(),
                Mention::Bare(word) => word,
                Mention::Pronoun(_, word) => word,
                other => format!("{other:?}"),
            };
            (name, reports)
        })
    }

    /// What the sieve reads before the learned gate: the subject and the kind of cue.
    fn candidate(text: &str) -> Option<(String, Reports)> {
        let tokens = tokenize(text, &scan(text, false).ranges());
        main_clause_candidate(&tokens).map(|found| {
            let verb = tokens[found.verb].lower().to_string();
            (verb, found.reports)
        })
    }

    #[test]
    fn a_reporting_noun_after_its_owner_is_no_verb() {
        assert_eq!(
            speaker("Mr. Bello's comments signal a turnabout from the past."),
            None
        );
        assert_eq!(
            speaker("Mr. Bello's remarks, which included a slide show, came during a lunch."),
            None
        );
        assert_eq!(
            speaker("Okafor did not revisit her Harbour Street remarks in a speech."),
            None
        );
        // In the object, the noun still marks the sentence as a report of the subject's.
        assert!(speaker("Okafor rejected several of Bello's comments as unfair.").is_some());
    }

    #[test]
    fn any_first_verb_of_the_main_clause_is_a_weak_candidate() {
        // Unlisted verbs after a named subject go to the learned gate.
        assert_eq!(
            candidate("Ana Ruiz thanked the volunteers."),
            Some(("thanked".to_string(), Reports::Attributed))
        );
        assert_eq!(
            candidate("Ana Ruiz is wearing a red coat."),
            Some(("wearing".to_string(), Reports::Attributed))
        );
        assert_eq!(
            candidate("Ana Ruiz will commit to nothing."),
            Some(("commit".to_string(), Reports::Attributed))
        );
        // After the clause has begun, a later word in `-s` is no verb of the subject's: the
        // verb is the participle after `has`.
        assert_eq!(
            candidate("Ana Ruiz has taken to urging voters to call their neighbors."),
            Some(("taken".to_string(), Reports::Attributed))
        );
        assert_eq!(
            candidate("Ana Ruiz has begun urging voters to call their neighbors."),
            Some(("begun".to_string(), Reports::Attributed))
        );
        // A time phrase may stand between; `this` is no verb.
        assert_eq!(
            candidate("Ana Ruiz on Tuesday thanked the volunteers.").map(|c| c.0),
            Some("thanked".to_string())
        );
        assert_eq!(
            candidate("Ana Ruiz, in this town, thanked the volunteers.").map(|c| c.0),
            Some("thanked".to_string())
        );
    }

    #[test]
    fn an_opening_word_that_is_no_name_is_no_subject() {
        // An imperative, a quantity and common nouns capitalised only by their place.
        assert_eq!(
            speaker("Watch the full video of the senator's remarks below:"),
            None
        );
        assert_eq!(
            speaker("Listen to audio of his remarks on the plan below:"),
            None
        );
        assert_eq!(
            speaker("Dozens of workers are fired, fined or warned each year."),
            None
        );
        assert_eq!(
            speaker("Questions and answers have been edited for length."),
            None
        );
        assert_eq!(
            speaker("Steady growth, with a rise in wages, could blunt claims."),
            None
        );
        // A one-word name still speaks before its verb, an auxiliary, a time phrase or a
        // verb taking an object.
        for (text, name) in [
            ("Okafor said the plan was sound.", "Okafor"),
            ("Okafor wouldn't comment on the plan.", "Okafor"),
            ("Okafor on Tuesday said the plan was sound.", "Okafor"),
            ("Okafor rejects Mensah's remarks about the plan.", "Okafor"),
            (
                "Okafor and his lawyers have said the plan was sound.",
                "Okafor",
            ),
        ] {
            assert_eq!(
                speaker(text).map(|(n, _)| n).as_deref(),
                Some(name),
                "{text}"
            );
        }
    }

    #[test]
    fn a_quoted_title_quotes_no_words() {
        assert_eq!(
            speaker("Okafor edits \"Notes From The Hill\" for the paper and hosts a podcast."),
            None
        );
        assert_eq!(
            speaker("Mensah stars in \"Songs of the Night\" at the theatre from May 5."),
            None
        );
        // Words said are quoted words, whatever their capitals, and so is a name the
        // subject gave.
        let found = speaker("Okafor described the plan as \"a tax on hope\" and left.");
        assert_eq!(found.map(|(n, _)| n).as_deref(), Some("Okafor"));
        // (Whether the gate keeps such a sentence is the model's call: the sieve counts the
        // quoted words as the subject's.)
        let text = "Okafor published a memo titled \"The Facts On The Vote.\"";
        let tokens = tokenize(text, &scan(text, false).ranges());
        assert!(spoken_words_quoted(&tokens) >= QUOTED_WORDS);
        let found = speaker("Okafor mocked his rivals as \"Little Kofi\" and \"Lazy Ama.\"");
        assert_eq!(found.map(|(n, _)| n).as_deref(), Some("Okafor"));
    }

    #[test]
    fn a_writers_credit_line_reports_nothing() {
        assert_eq!(
            speaker("Okafor is our county editor and often reports live from the coast."),
            None
        );
        assert_eq!(speaker("Okafor tweets @okafor_k."), None);
    }

    #[test]
    fn a_reporters_credit_line_reports_nothing() {
        assert_eq!(speaker("Costa reported from Washington."), None);
        assert_eq!(
            speaker("Lerer reported that the deal was off.")
                .map(|(n, _)| n)
                .as_deref(),
            Some("Lerer")
        );
    }

    #[test]
    fn subject_with_a_party_tag_speaks() {
        let found = speaker("Sen. Ada Brill, R-Vt., told Radio Ten that polls could be off.");
        assert_eq!(found.map(|(n, _)| n).as_deref(), Some("Ada Brill"));
    }

    #[test]
    fn coordinated_verb_after_a_time_phrase() {
        let text = "Sen. Nils Ostrom (R-Iowa) on Friday downplayed the leak and said it was fine.";
        assert_eq!(
            speaker(text).map(|(n, _)| n).as_deref(),
            Some("Nils Ostrom")
        );
    }

    #[test]
    fn a_wire_dateline_is_not_the_subject() {
        for text in [
            "Mar 12 (Reuters) - U.S. Democratic Senate candidate Ada Lund on Friday said that it is a disgrace.",
            "NEW YORK, Apr. 3 (UPI) — Ada Lund on Monday said that she would fight.",
            "WASHINGTON — Ada Lund on Monday said that she would fight.",
        ] {
            assert_eq!(
                speaker(text).map(|(n, _)| n).as_deref(),
                Some("Ada Lund"),
                "{text}"
            );
        }
        // Capitals that go on in mixed case are a subject, not a place.
        let text = "FBI Director Paul Rasmus — a Republican — on Friday said it was closed.";
        assert_eq!(
            speaker(text).map(|(n, _)| n).as_deref(),
            Some("Paul Rasmus")
        );
    }

    #[test]
    fn an_introduction_after_a_connective() {
        let text = "But first, Mark Delaney said he would back Varga.";
        assert_eq!(
            speaker(text).map(|(n, _)| n).as_deref(),
            Some("Mark Delaney")
        );
    }

    #[test]
    fn an_introduction_may_hold_commas_of_its_own() {
        let text = "In a step that surprised almost everyone, especially in New Hampshire, Carl \
                    Brenner said he would back Varga.";
        assert_eq!(
            speaker(text).map(|(n, _)| n).as_deref(),
            Some("Carl Brenner")
        );
    }

    #[test]
    fn introductory_phrase_is_skipped() {
        let text = "In an interview with Radio Ten, Varga kept on doubting Lund, saying he could not make deals.";
        let found = speaker(text).map(|(_, reports)| reports);
        assert_ne!(
            found,
            Some(Reports::Speech),
            "a participle is not a finite verb"
        );
        let text = "In an interview with Radio Ten, Varga said Lund could not make deals.";
        assert_eq!(speaker(text).map(|(n, _)| n).as_deref(), Some("Varga"));
    }

    #[test]
    fn time_phrases_and_quoted_appositions_do_not_end_the_clause() {
        let text = "Sen. Mark Delaney, R-Fla., appearing on Radio Ten just after the speech, said Varga failed.";
        assert_eq!(
            speaker(text).map(|(n, _)| n).as_deref(),
            Some("Mark Delaney")
        );
        let text =
            "Dee Harlan, host of Channel Nine's “Early Hour,” suggested the mogul was wrong.";
        let open = text.find('“').expect("a quotation");
        let close = text.find('”').expect("a quotation") + '”'.len_utf8();
        let tokens = tokenize(text, std::slice::from_ref(&(open..close)));
        assert!(main_clause_cue(&tokens, &gate::Context::alone(&tokens)).is_some());
        assert_eq!(
            speaker("Rosa Lind, the field director, released a statement confirming it.")
                .map(|(n, _)| n)
                .as_deref(),
            Some("Rosa Lind")
        );
    }

    #[test]
    fn stance_verbs_are_kept_apart() {
        let found = candidate("Ramos believes in journalism.");
        assert_eq!(found, Some(("believes".to_string(), Reports::Stance)));
    }

    #[test]
    fn an_introduction_may_open_with_an_adverb_or_end_in_a_quotation() {
        let found = speaker("Shortly after the news, Senator Mitch Connell issued a statement.");
        assert_eq!(found, Some(("Mitch Connell".to_string(), Reports::Speech)));
        let found = speaker("In an interview with \"Radio Ten,\" Dana Ruiz said it was over.");
        assert_eq!(found, Some(("Dana Ruiz".to_string(), Reports::Speech)));
    }

    #[test]
    fn a_verb_the_corpus_attributes_is_weak_evidence() {
        let found = speaker("Ramos bemoaned the state of the party.");
        assert_eq!(found, Some(("Ramos".to_string(), Reports::Attributed)));
        assert_eq!(speaker("Ramos walked to the car."), None);
    }

    #[test]
    fn a_stance_may_take_an_infinitive_and_a_cue_may_be_progressive() {
        let found = candidate("Ramos wants to build a wall.");
        assert_eq!(found, Some(("wants".to_string(), Reports::Stance)));
        let found = speaker("Ramos is touting her record on jobs.");
        assert_eq!(found, Some(("Ramos".to_string(), Reports::Attributed)));
        // A speech verb before an infinitive reports no speech: it is a weak candidate.
        let found = candidate("Ramos continued to campaign in Ohio.");
        assert_eq!(found, Some(("continued".to_string(), Reports::Attributed)));
    }

    #[test]
    fn a_base_form_after_an_auxiliary_is_weak_evidence() {
        // The sieve proposes them; whether the gate keeps them is the model's call.
        assert_eq!(
            candidate("Ramos did not respond to requests for comment."),
            weak("respond")
        );
        assert_eq!(
            candidate("Ramos wouldn't say whether she would run."),
            weak("say")
        );
        // `not` itself is no verb, and `be` reports nothing.
        assert_eq!(speaker("Ramos could not be reached."), None);
    }

    #[test]
    fn any_verb_of_a_sentence_quoting_words_is_weak_evidence() {
        let found = candidate("Ramos pondered who might \"testify for our innocence now.\"");
        assert_eq!(found, Some(("pondered".to_string(), Reports::Attributed)));
        // A title in quotation marks quotes no one.
        assert_eq!(speaker("Ramos stars in \"Hail Caesar\" this spring."), None);
    }

    fn weak(verb: &str) -> Option<(String, Reports)> {
        Some((verb.to_string(), Reports::Attributed))
    }

    #[test]
    fn an_irregular_past_is_the_main_verb() {
        assert_eq!(
            candidate("Ana Ruiz took aim at the plan on Monday."),
            weak("took")
        );
        assert_eq!(
            candidate("Ana Ruiz has made no secret of her plans."),
            weak("made")
        );
        assert_eq!(
            candidate("Okafor laid out his differences with the mayor."),
            weak("laid")
        );
        assert_eq!(
            candidate("Ana Ruiz also spoke at the convention in May."),
            weak("spoke")
        );
        // A form equal to its base is a base form after `did not`.
        assert_eq!(
            candidate("Ana Ruiz did not put her name to the letter."),
            weak("put")
        );
    }

    #[test]
    fn the_subject_follows_a_fronted_adverbial() {
        for (text, verb) in [
            (
                "Perhaps more than anyone, Sen. Ana Ruiz has mocked the plan.",
                "mocked",
            ),
            (
                "Three times this month, Ana Ruiz campaigned with nurses.",
                "campaigned",
            ),
            ("Most recently, Ana Ruiz thanked the volunteers.", "thanked"),
        ] {
            assert_eq!(candidate(text), weak(verb), "{text}");
        }
        // A phrase with a verb of its own is a clause: the name after it is no subject of
        // the sentence's.
        assert_eq!(
            candidate("The plan failed in May, Ana Ruiz thanked the volunteers."),
            None
        );
    }

    #[test]
    fn an_opening_adverb_without_a_comma_is_part_of_the_subject() {
        assert_eq!(
            candidate("Presumptive nominee Ana Ruiz has offered few ideas on debt.").map(|c| c.0),
            Some("offered".to_string())
        );
        assert_eq!(
            candidate("Likely nominee Ana Ruiz has offered few ideas on debt.").map(|c| c.0),
            Some("offered".to_string())
        );
    }

    #[test]
    fn a_title_case_headline_has_capitalised_verbs() {
        assert_eq!(
            candidate("Ana Ruiz Touts Her Record on Jobs"),
            weak("touts")
        );
        // A capitalised speech verb there is no sure speech: the gate decides.
        assert_eq!(
            candidate("Ana Ruiz Tells All About Life in the Senate"),
            weak("tells")
        );
    }

    #[test]
    fn a_new_clause_has_its_own_subject() {
        assert_eq!(speaker("Lund arrived after the senator said no."), None);
        assert_eq!(speaker("The report that Smith wrote said nothing."), None);
    }

    /// The subject's last word and the verb the sieve reads, before the learned gate.
    fn subject_and_verb(text: &str) -> Option<(String, String)> {
        let tokens = tokenize(text, &scan(text, false).ranges());
        main_clause_candidate(&tokens).map(|found| {
            (
                tokens[found.subject_end].text.to_string(),
                tokens[found.verb].lower().to_string(),
            )
        })
    }

    fn pair(subject: &str, verb: &str) -> Option<(String, String)> {
        Some((subject.to_string(), verb.to_string()))
    }

    #[test]
    fn an_opening_phrase_with_no_verb_of_its_own_is_a_fronted_adverbial() {
        // Read first as a subject (`Through`, `Throughout`, `Reached`), the opening phrase
        // has no verb; the subject follows its comma.
        assert_eq!(
            subject_and_verb("Through a spokeswoman, Ana Ruiz declined to comment."),
            pair("Ruiz", "declined")
        );
        assert_eq!(
            subject_and_verb("Reached by phone, Ruiz hesitated to repeat the charge."),
            pair("Ruiz", "hesitated")
        );
        // The comma after the name closes the opening phrase's apposition.
        assert_eq!(
            subject_and_verb("Ruiz's lawyer, Kofi Mensah, declined to comment."),
            pair("Mensah", "declined")
        );
    }

    #[test]
    fn adverbs_without_ly_may_stand_before_the_verb() {
        assert_eq!(
            candidate("Ana Ruiz has long trusted the mayor."),
            weak("trusted")
        );
        assert_eq!(
            candidate("Ana Ruiz still opposes a faster timetable."),
            Some(("opposes".to_string(), Reports::Stance))
        );
        assert_eq!(
            candidate("Ana Ruiz seldom talks about her childhood."),
            weak("talks")
        );
    }

    #[test]
    fn a_progressive_or_a_predicate_after_be_is_a_weak_candidate() {
        assert_eq!(
            candidate("Ana Ruiz is now talking about trade."),
            weak("talking")
        );
        assert_eq!(
            candidate("Ana Ruiz has been criticizing the plan."),
            weak("criticizing")
        );
        assert_eq!(
            candidate("Throughout the debate, Ana Ruiz was clearly unhappy with the questions."),
            weak("unhappy")
        );
        assert_eq!(
            candidate("Ana Ruiz was critical of the deal."),
            weak("critical")
        );
        // A predicate needs its complement: a place or a bare adjective is none.
        assert_eq!(candidate("Ana Ruiz was in Ohio."), None);
        assert_eq!(candidate("Ana Ruiz was tired."), None);
    }

    #[test]
    fn an_agent_noun_of_stance_after_be_is_a_stance_cue() {
        assert_eq!(
            candidate("Ana Ruiz is a fierce critic of the harbour plan."),
            Some(("critic".to_string(), Reports::Stance))
        );
        assert_eq!(
            candidate("Kofi Mensah has been an early and loyal backer of the mayor."),
            Some(("backer".to_string(), Reports::Stance))
        );
        assert_eq!(
            candidate("Ruiz remains a proponent of lower fares."),
            Some(("proponent".to_string(), Reports::Stance))
        );
        // Without `of` or `for` the noun names a role, not a view of something.
        assert_ne!(
            candidate("Ana Ruiz was a critic at the city paper.").map(|c| c.1),
            Some(Reports::Stance)
        );
        // Nor is the object of another verb a predicate.
        assert_ne!(
            candidate("Ana Ruiz met a critic of the plan.").map(|c| c.1),
            Some(Reports::Stance)
        );
    }

    #[test]
    fn a_correlative_pair_opens_joined_subjects() {
        assert_eq!(
            subject_and_verb("Both Ana Ruiz and Kofi Mensah criticized the plan."),
            pair("Ruiz", "criticized")
        );
        assert_eq!(
            subject_and_verb("Neither Ana Ruiz nor her advisers showed much interest."),
            pair("Ruiz", "showed")
        );
        assert_eq!(
            subject_and_verb("Either Ruiz or Mensah will decide the matter."),
            pair("Ruiz", "decide")
        );
        // A lower-case word after it is a determiner of a noun phrase, not a name.
        assert_eq!(subject_and_verb("Both sides criticized the plan."), None);
    }

    #[test]
    fn joined_subjects_take_a_plural_verb() {
        assert_eq!(
            subject_and_verb("Ana Ruiz and her advisers recognized that the race was close."),
            pair("Ruiz", "recognized")
        );
        assert_eq!(
            subject_and_verb("Ruiz and Mensah see the vote as a test."),
            pair("Ruiz", "see")
        );
        assert_eq!(
            subject_and_verb("Ruiz and Mensah were both critical of the plan."),
            pair("Ruiz", "critical")
        );
        // A base form after one subject is still no verb of its own.
        assert_eq!(candidate("Ana Ruiz often blame the unions."), None);
    }

    #[test]
    fn whom_opens_a_clause_of_its_own() {
        assert_eq!(
            candidate("Ruiz wasn't the only senator whom Mensah refused to endorse."),
            None
        );
    }

    #[test]
    fn a_progressive_before_its_infinitive_is_a_weak_candidate() {
        assert_eq!(
            candidate("Ana Ruiz is trying to block the plan."),
            weak("trying")
        );
        assert_eq!(
            subject_and_verb("Ana Ruiz was now struggling to explain her vote."),
            pair("Ruiz", "struggling")
        );
    }

    #[test]
    fn he_or_she_fused_with_is_or_has_is_the_subject() {
        assert_eq!(
            subject_and_verb("He's trying to block the plan."),
            pair("He's", "trying")
        );
        assert_eq!(
            subject_and_verb("She’s also wary of the plan."),
            pair("She’s", "wary")
        );
        let tokens = tokenize("She's now talking.", &[]);
        let (mention, _, _) = sentence_subject(&tokens).expect("a subject");
        assert_eq!(mention, Mention::Pronoun(Gender::Female, "She".to_string()));
        // A possessive name is no contraction: `Ruiz's aides` is the subject.
        assert_eq!(
            subject_and_verb("Ruiz's aides are trying to block it."),
            None
        );
    }

    #[test]
    fn a_title_case_headline_name_ends_before_its_verb() {
        assert_eq!(
            subject_and_verb("Ana Ruiz Refuses to Back Kofi Mensah"),
            pair("Ruiz", "refuses")
        );
        assert_eq!(
            subject_and_verb("Ruiz Endorses Kofi Mensah for Mayor"),
            pair("Ruiz", "endorses")
        );
        assert_eq!(
            subject_and_verb("Ana Ruiz Fully Embraced the Plan When She Ran"),
            pair("Ruiz", "embraced")
        );
        // Not in a headline: the capitalised word is the name's.
        assert_eq!(
            subject_and_verb("Ana Ruiz Compares said no."),
            pair("Compares", "said")
        );
    }
}
