//! Organisation speakers: the last sieve for a sentence the person sieves left without one.
//!
//! News attributes much of what it reports to bodies rather than people: "White House
//! officials said", "officials at the State Department said", "his campaign said", "a new
//! Zenith University poll shows", "according to a lawsuit filed by the Harlow Civic League", "Senate
//! Republicans who say ...". This stage finds a verb of speech (`data/speech_verbs.txt`), of
//! a document's findings (`data/document_verbs.txt`, only with a document as subject), of
//! stance (`data/stance_verbs.txt`, only with a campaign, an administration or an organisation
//! named unmistakably or in view as subject: "the Obi campaign believes"), a verb of publishing
//! with its agent ("first reported by The Harlow Herald"), `according to`, or findings cited
//! with `in` ("In a new Zenith/Orca poll, ..."), reads the phrase that names its source (past
//! the time and publication words before the verb: "a poll released on Monday found"), and
//! gives the sentence the organisation that phrase names:
//! - a named organisation ("Zenith Media reported", "the Harlow Press Agency reported");
//! - a party named by its members (`data/org_groups.txt`: "House Democrats said");
//! - people who speak for an organisation named beside them (`data/org_staff.txt`: "State
//!   Department officials", "aides to the Obi campaign");
//! - a campaign or administration owned by a person in view ("his campaign" -> "Obi
//!   campaign", the name users pass to `--speaker`), and a candidate's "team" or "camp" as
//!   that campaign where the article speaks of a campaign;
//! - a document (`data/org_documents.txt`) naming its organisation (a pollster's compound
//!   name read whole: "Zenith/Orca", "Harlow Herald-Zenith News"), or else the organisation
//!   whose document the article last named within three paragraphs ("the poll found");
//! - a description ("the company said") of the organisation in view or named last, in this
//!   paragraph or the one before (a "department" only one whose name says so);
//! - `it` as the subject of a verb of speech or stance ("It said", "but it plans"): the
//!   organisation its own sentence opened with as subject before it, or else the one the
//!   sentence just before in the same paragraph opened with (coreference in one small step:
//!   a person, a document or a thing as that subject gives nothing; see
//!   [`Documents::antecedent`]).
//!
//! A relative pronoun (`who`, `which`, `that`) stands for the phrase before it. What it is
//! not for: people (every other sieve runs first and a person never comes from here), and
//! bare plurals that name no group ("officials said", "experts say", "voters who want"):
//! those stay without a speaker rather than becoming a speaker nobody can search for. A
//! plural named by its modifiers ("Republican lawmakers said", `data/org_plural_groups.txt`)
//! is a group speaker of kind organisation, a person's aides their campaign, and `they` after
//! such a group that group.

use super::cast::{is_named_by_head, Cast, Salience, Speaker};
use super::cues::{introduces_words, is_speech_verb_form};
use super::lexicon::{
    blocks_finite_reading, is_not_name, is_org_role_head, is_place, is_place_name, is_time_period,
    is_weekday, nationality, trim_all_suffixes, Gender, WordSet,
};
use super::mentions::{is_acronym, is_auxiliary, phrase_before, Mention};
use super::subject::is_stance_verb;
use super::tokens::Token;

/// Parties named by their members in the plural: `data/org_groups.txt`.
static GROUPS: WordSet = WordSet::new(include_str!("data/org_groups.txt"));
/// People speaking for a named organisation: `data/org_staff.txt`.
static STAFF: WordSet = WordSet::new(include_str!("data/org_staff.txt"));
/// Groups of people cited as one voice: `data/org_plural_groups.txt`.
static PLURAL_GROUPS: WordSet = WordSet::new(include_str!("data/org_plural_groups.txt"));
/// What an organisation publishes or files: `data/org_documents.txt`.
static DOCUMENTS: WordSet = WordSet::new(include_str!("data/org_documents.txt"));
/// How a document reports its content: `data/document_verbs.txt`.
static DOCUMENT_VERBS: WordSet = WordSet::new(include_str!("data/document_verbs.txt"));
/// Words opening a phrase before a name: `data/phrase_openers.txt`.
static PHRASE_OPENERS: WordSet = WordSet::new(include_str!("data/phrase_openers.txt"));

/// How many paragraphs back "the poll" may reach for the organisation whose poll it is.
const DOCUMENT_REACH: usize = 3;
/// Longest source phrase read, in tokens.
const PHRASE_REACH: usize = 12;

/// An organisation found for a sentence, with the evidence a reader can check.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub speaker: Speaker,
    pub evidence: String,
}

/// The organisation whose document (poll, report, lawsuit) the article last named, with the
/// paragraph it was named in: what a later "the poll found" stands for.
#[derive(Clone, Debug, Default)]
pub struct Documents {
    /// The organisation, the document noun's family, the paragraph.
    last: Option<(String, String, usize)>,
    /// The organisation named last, anywhere in a sentence, and its paragraph: what "the
    /// company said" stands for when no organisation was the subject since.
    named: Option<(String, usize)>,
    /// Whether the article so far has spoken of a campaign ("campaign" in lower case): only
    /// then is a person's "team" or "camp" their campaign, not a coach's or a firm's staff.
    campaign: bool,
    /// The party or group of people the last sentence with one named as a subject, and its
    /// paragraph: what a later "They said" stands for ([`group_subject`]).
    group: Option<(String, usize)>,
    /// The campaign or administration named last for its owner ("the Obi campaign", "Ruiz's
    /// administration"), and its paragraph: what a later "the campaign" stands for when the
    /// article names several or none by name.
    body: Option<(String, usize)>,
    /// The organisation the sentence read last opened with as its subject, and its
    /// paragraph: what "It said" opening the next sentence stands for ([`subject_org`]).
    opener: Option<(String, usize)>,
}

/// Polls and surveys are one kind of document; any other noun is its own ("the report" is
/// not the poll named before it). Plurals count as their singular.
fn family(noun: &str) -> String {
    let singular = match noun {
        "studies" => "study",
        other => other.strip_suffix('s').unwrap_or(other),
    };
    match singular {
        "survey" => "poll".to_string(),
        other => other.to_string(),
    }
}

impl Documents {
    /// Notes every document of the sentence that names its organisation ("A new Zenith/Orca poll",
    /// "a report by the Marlow Research Center").
    pub fn remember(&mut self, sentence: &[Token], cast: &Cast, paragraph: usize) {
        // Read before this sentence's names are noted: "The company ..." describes an
        // organisation named before it.
        let opener = subject_org(sentence, cast, self, paragraph).map(|(org, _)| (org, paragraph));
        self.opener = opener;
        let salience = Salience::default();
        for at in 1..sentence.len() {
            let t = &sentence[at];
            let owned = !t.quoted
                && t.is_lowercase()
                && matches!(t.lower(), "campaign" | "administration")
                && sentence[at - 1].is_capitalized();
            if owned {
                let start = phrase_start(sentence, at + 1).min(at - 1);
                if let Some(body) =
                    owned_body(sentence, start, at, cast, &salience, self, paragraph)
                {
                    self.body = Some((body, paragraph));
                }
            }
        }
        // No pronoun is resolved here ("his aides" are nobody's): what a later `they`
        // stands for must be named.
        if let Some(group) = group_subject(sentence, cast, &salience, self, paragraph) {
            self.group = Some((group, paragraph));
        }
        self.campaign |= sentence
            .iter()
            .any(|t| !t.quoted && matches!(t.lower(), "campaign" | "campaigns"));
        // The last organisation of the sentence is the one named last: read from the end and
        // stop at the first.
        for at in (0..sentence.len()).rev() {
            let t = &sentence[at];
            let run_ends = t.is_word()
                && !t.quoted
                && t.is_capitalized()
                && sentence
                    .get(at + 1)
                    .is_none_or(|n| !n.is_word() || !n.is_capitalized());
            // Most words end no capitalised run: the checks below are for those that do.
            if !run_ends {
                continue;
            }
            // "TV ad", "GOP leaders": a name before a noun modifies it and is not what a
            // later "the group" stands for.
            let modifier = sentence.get(at + 1).is_some_and(|n| {
                let lower = n.lower();
                n.is_word()
                    && n.is_lowercase()
                    && !lower.ends_with("ed")
                    && !is_speech_verb_form(lower)
                    && !is_auxiliary(n.text)
                    && !stops_phrase(n)
                    && !is_preposition(lower)
                    && !matches!(lower, "is" | "was" | "are" | "were" | "will")
            });
            if !modifier {
                if let Some(org) = named_org(sentence, at, 0, cast) {
                    self.named = Some((org, paragraph));
                    break;
                }
            }
        }
        for at in 0..sentence.len() {
            let t = &sentence[at];
            if t.quoted || !t.is_word() || !t.is_lowercase() || !DOCUMENTS.contains(t.lower()) {
                continue;
            }
            let start = phrase_start(sentence, at + 1);
            if let Some(org) = document_org(sentence, start, at, cast) {
                self.last = Some((org, family(t.lower()), paragraph));
            }
        }
    }

    /// The organisation named last, in this paragraph or the one before, whose name holds
    /// `head` when `head` is a word organisations carry in their names ("the department" is a
    /// department).
    fn recent_named(&self, head: &str, paragraph: usize) -> Option<&str> {
        let (org, at) = self.named.as_ref()?;
        let holds = org.split_whitespace().any(|w| w.eq_ignore_ascii_case(head));
        let named_by_head = is_named_by_head(head) || head == "government";
        (at + 1 >= paragraph && (holds || !named_by_head)).then_some(org.as_str())
    }

    /// The organisation `it` at token `it` stands for, as the subject of a verb of speech or
    /// stance, with how it was found: the organisation this sentence opens with as its
    /// subject when `it` comes after it ("Zenith Corp closed the account; it gave no
    /// reason"), else, when nothing before `it` could be its antecedent (no name, no noun
    /// with a determiner), the organisation the sentence just before in this paragraph opened
    /// with ("The Harlow Gazette dropped the column. It said ..."). A subject that is no
    /// organisation (a person, a document, a thing) gives nothing: `it` is never a person,
    /// and "The email went out. It said ..." is the email's, not whoever was named before.
    /// Not across a paragraph break, and nothing older than the sentence before.
    fn antecedent(
        &self,
        sentence: &[Token],
        it: usize,
        cast: &Cast,
        paragraph: usize,
    ) -> Option<(String, &'static str)> {
        if let Some((org, end)) = subject_org(sentence, cast, self, paragraph) {
            return (end < it).then_some((org, "it: the subject before it"));
        }
        let first = opening_word(sentence)?;
        let open = (first..it).all(|j| {
            let t = &sentence[j];
            !t.is_word()
                || t.quoted
                || is_weekday(t.text)
                || (j != first && !t.is_capitalized() && !is_determiner(t.lower()))
                || (j == first && !is_determiner(t.lower()))
        });
        if !open {
            return None;
        }
        self.opener
            .as_ref()
            .filter(|(_, at)| *at == paragraph)
            .map(|(org, _)| (org.clone(), "it: the subject of the sentence before"))
    }

    /// The campaign or administration ([`Documents::body`]) named last, within three
    /// paragraphs as a document is, when its name ends in `noun`.
    fn recent_body(&self, noun: &str, paragraph: usize) -> Option<&str> {
        let (body, at) = self.body.as_ref()?;
        let ends = body
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case(noun));
        (ends && at + DOCUMENT_REACH >= paragraph).then_some(body.as_str())
    }

    fn recent(&self, noun: &str, paragraph: usize) -> Option<&str> {
        self.last
            .as_ref()
            .filter(|(_, kind, at)| *kind == family(noun) && at + DOCUMENT_REACH >= paragraph)
            .map(|(org, _, _)| org.as_str())
    }
}

/// What verb token `i` can report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Verb {
    Speech,
    Document,
    /// A view or plan ("the campaign believes", "the company opposed"): cited only to a body
    /// the phrase names unmistakably (see `Phrase::source`).
    Stance,
    /// A verb of stance in its plain form ("want", "support"): finite only after a plural
    /// subject ("Republicans want", "they support"), so cited only to a party, a group or
    /// `they`, never to an organisation's name ("the GOP plan" is a noun phrase).
    PluralStance,
}

/// Verbs of speech and of a document's findings, as listed (base forms included), and the
/// finite verbs of belief and stance (`thinks`, `wanted`, `believes`). A stance cited to a
/// party or to officials is mostly the writer's account of a policy (measured on PolNeAR
/// train, where such sentences were often a person's attribution or none), so `source` takes
/// a stance only from a campaign, an administration or an organisation named or in view.
fn verb_at(token: &Token) -> Option<Verb> {
    if token.quoted || !token.is_word() || !token.is_lowercase() {
        return None;
    }
    let lower = token.lower();
    if DOCUMENT_VERBS.contains(lower) {
        return Some(Verb::Document);
    }
    // Only a speech verb can report; the stance check (base forms through their `-s` form)
    // allocates, so it runs on those alone.
    let stance = || is_stance_verb(lower) || is_stance_verb(&format!("{lower}s"));
    // A stance only in its finite forms as listed, and not in those mostly read as plural
    // nouns after a name ("the Harlow Steel attacks", "the group's views").
    let plural_noun = matches!(
        lower,
        "attacks" | "views" | "backs" | "credits" | "faults" | "fears" | "doubts" | "worries"
    );
    if is_stance_verb(lower) {
        return (!plural_noun).then_some(Verb::Stance);
    }
    if is_speech_verb_form(lower) {
        return (!stance()).then_some(Verb::Speech);
    }
    // Only a plain form whose `-s` form is listed: "wants" makes "want" one, and "fears"
    // (a plural noun as often) makes "fear" none.
    let plain = !lower.ends_with('s') && !lower.ends_with("ed") && !lower.ends_with("ing");
    (plain && !plural_noun_form(lower) && is_stance_verb(&format!("{lower}s")))
        .then_some(Verb::PluralStance)
}

/// Plain verb forms whose `-s` form is mostly a plural noun after a name ("attack", "view"):
/// the same words `verb_at` keeps from reading as stances.
fn plural_noun_form(lower: &str) -> bool {
    matches!(
        lower,
        "attack" | "view" | "back" | "credit" | "fault" | "fear" | "doubt" | "worry"
    )
}

/// The first organisation the sentence cites as the source of its words, view or findings.
pub fn find(
    sentence: &[Token],
    cast: &Cast,
    salience: &Salience,
    documents: &Documents,
    paragraph: usize,
) -> Option<Found> {
    // Findings cited with `in` come second: "Despite her slide in the latest Zenith News
    // poll, the Ruiz campaign said ..." cites the campaign, and a poll only speaks when no
    // verb of the sentence gives a source ("In a Zenith News poll released Tuesday, 52
    // percent said ...": "52 percent" names no source).
    cited(sentence, cast, salience, documents, paragraph).or_else(|| {
        (0..sentence.len())
            .filter(|&i| !sentence[i].quoted && sentence[i].is_word())
            .find_map(|i| in_document(sentence, i, cast, documents, paragraph))
    })
}

/// The first source a verb of speech, of a document's findings or of stance, `according to`
/// or a verb of publishing with its agent gives the sentence, read from the left.
fn cited(
    sentence: &[Token],
    cast: &Cast,
    salience: &Salience,
    documents: &Documents,
    paragraph: usize,
) -> Option<Found> {
    (0..sentence.len()).find_map(|i| {
        let t = &sentence[i];
        if t.quoted || !t.is_word() {
            return None;
        }
        if t.lower() == "according" && sentence.get(i + 1).is_some_and(|n| n.lower() == "to") {
            let end = phrase_end(sentence, i + 2);
            let phrase = Phrase::new(sentence, i + 2, end)?;
            let (speaker, why) = phrase.source(cast, salience, documents, paragraph, None)?;
            return Some(Found {
                evidence: evidence(sentence, i, end - 1, why, cast, &speaker),
                speaker,
            });
        }
        if let Some(found) = passive(sentence, i, cast) {
            return Some(found);
        }
        // Only a verb of speech, of a document's findings or of stance reports: checked
        // first, as most words are none of these.
        let verb = verb_at(t)?;
        let end = skip_adjunct(sentence, subject_end(sentence, i)?);
        if sentence[end - 1].lower() == "it" {
            return pronoun_source(sentence, i, end - 1, verb, cast, documents, paragraph);
        }
        if sentence[end - 1].lower() == "they" {
            let pronoun = Pronoun { at: end - 1, verb };
            return plural_pronoun_source(
                sentence, i, pronoun, cast, salience, documents, paragraph,
            );
        }
        if !ends_in_source_noun(&sentence[end - 1]) {
            return None;
        }
        let start = phrase_start(sentence, end);
        // "Ann Obi of the Zenith Institute wrote": a phrase after a preposition is
        // the complement of someone before it, not the subject.
        if start > 0
            && sentence[start - 1].is_lowercase()
            && is_preposition(sentence[start - 1].lower())
        {
            return None;
        }
        let phrase = Phrase::new(sentence, start, end)?;
        if !finite(sentence, i) || !introduces_words(sentence, i, t.lower()) {
            return None;
        }
        let (speaker, why) = phrase.source(cast, salience, documents, paragraph, Some(verb))?;
        Some(Found {
            evidence: evidence(sentence, start, i, why, cast, &speaker),
            speaker,
        })
    })
}

/// `it` (token `it`) as the subject of the verb at `verb`, standing for an organisation
/// ([`Documents::antecedent`]): "It said", "what it calls", "but it plans". Not a document's
/// verbs ("it found" is mostly a study's), and not `it` as an object ("sets it apart").
fn pronoun_source(
    sentence: &[Token],
    verb_at: usize,
    it: usize,
    verb: Verb,
    cast: &Cast,
    documents: &Documents,
    paragraph: usize,
) -> Option<Found> {
    // "a report which it describes as encouraging": `it` inside a relative clause describes
    // the thing the clause hangs on; the sentence's own report is elsewhere (measured on the
    // BBC gold files, where such a clause put its organisation in view of a later "the
    // government" that was nobody's).
    let relative = it > 0 && matches!(sentence[it - 1].lower(), "which" | "that" | "whom");
    let subject = (it == 0 || stops_phrase(&sentence[it - 1])) && !relative;
    let lower = sentence[verb_at].lower();
    if matches!(verb, Verb::Document | Verb::PluralStance)
        || !subject
        || !finite(sentence, verb_at)
        || !introduces_words(sentence, verb_at, lower)
    {
        return None;
    }
    let (org, why) = documents.antecedent(sentence, it, cast, paragraph)?;
    let speaker = Speaker::Org(org);
    Some(Found {
        evidence: evidence(sentence, it, verb_at, why, cast, &speaker),
        speaker,
    })
}

/// `they` (token `they`) as the subject of a verb of speech at `verb_at`, standing for the
/// group or party a subject named last: earlier in this sentence ("Democrats say the bill
/// fails and they want a vote"), else in this paragraph or the one before ("Republican
/// lawmakers met on Monday. They said ..."), see [`Documents::group`]. Not a document's
/// verbs, nor a stance, nor `they` as an object or inside a relative clause.
fn plural_pronoun_source(
    sentence: &[Token],
    verb_at: usize,
    pronoun: Pronoun,
    cast: &Cast,
    salience: &Salience,
    documents: &Documents,
    paragraph: usize,
) -> Option<Found> {
    let Pronoun { at: they, verb } = pronoun;
    let relative = they > 0 && matches!(sentence[they - 1].lower(), "which" | "that" | "whom");
    let subject = (they == 0 || stops_phrase(&sentence[they - 1])) && !relative;
    let lower = sentence[verb_at].lower();
    if verb == Verb::Document
        || !subject
        || !finite(sentence, verb_at)
        || !introduces_words(sentence, verb_at, lower)
    {
        return None;
    }
    let before = &sentence[..they];
    let (group, why) = match group_subject(before, cast, salience, documents, paragraph) {
        Some(group) => (group, "they: the group before it"),
        None => {
            let (group, at) = documents.group.as_ref()?;
            if *at + 1 < paragraph {
                return None;
            }
            (group.clone(), "they: the group named last")
        }
    };
    let speaker = Speaker::Org(group);
    Some(Found {
        evidence: evidence(sentence, they, verb_at, why, cast, &speaker),
        speaker,
    })
}

/// A subject pronoun and the verb it is the subject of.
#[derive(Clone, Copy)]
struct Pronoun {
    at: usize,
    verb: Verb,
}

/// The first party or group of people ([`GROUPS`], [`STAFF`], [`PLURAL_GROUPS`]) that is the
/// subject of a verb in `sentence` ("Senate Republicans voted", "critics who say", "White
/// House officials have"), as its speaker name: what a later `they` stands for.
fn group_subject(
    sentence: &[Token],
    cast: &Cast,
    salience: &Salience,
    documents: &Documents,
    paragraph: usize,
) -> Option<String> {
    (0..sentence.len()).find_map(|at| {
        let t = &sentence[at];
        if !t.is_word() || t.quoted {
            return None;
        }
        let lower = t.lower();
        let party = t.is_capitalized() && GROUPS.contains(lower);
        let people = STAFF.contains(lower) || PLURAL_GROUPS.contains(lower);
        if !party && !people {
            return None;
        }
        // Any plain lower-case word after the plural may be its verb ("met", "think"):
        // the plural is a listed noun of people, which seldom modifies another noun.
        let verb_follows = sentence.get(at + 1).is_some_and(|n| {
            n.is_word()
                && !n.quoted
                && n.is_lowercase()
                && (n.lower() == "who" || !stops_phrase(n) && !is_preposition(n.lower()))
        });
        if !verb_follows {
            return None;
        }
        let start = phrase_start(sentence, at + 1);
        if start > 0
            && sentence[start - 1].is_lowercase()
            && is_preposition(sentence[start - 1].lower())
        {
            return None;
        }
        let phrase = Phrase::new(sentence, start, at + 1)?;
        match phrase.source(cast, salience, documents, paragraph, Some(Verb::Speech))? {
            (Speaker::Org(group), _) => Some(group),
            _ => None,
        }
    })
}

/// Determiners that open a noun phrase: a phrase such a word opens could be what a later `it`
/// stands for.
fn is_determiner(lower: &str) -> bool {
    matches!(
        lower,
        "the" | "a" | "an" | "this" | "these" | "those" | "his" | "her" | "their" | "its" | "our"
    )
}

/// Words that may open a sentence before its subject ("But the company said", "Still, ...").
fn is_sentence_adverb(lower: &str) -> bool {
    matches!(
        lower,
        "but" | "and" | "so" | "yet" | "still" | "now" | "meanwhile" | "instead" | "also"
    )
}

/// The first word of the sentence past punctuation and sentence adverbs; none when the
/// sentence opens with a quotation.
fn opening_word(sentence: &[Token]) -> Option<usize> {
    let mut at = 0;
    while let Some(t) = sentence.get(at) {
        if t.quoted {
            return None;
        }
        if t.is_word() && !is_sentence_adverb(t.lower()) {
            return Some(at);
        }
        at += 1;
    }
    None
}

/// Token `at` reads as the verb after a subject: an auxiliary or modal, a past form, a verb
/// of speech or stance, a present form in `-s` ("Zenith Corp plans"), or a word before an
/// object's determiner ("Zenith Corp cut its prices"). A preposition, a conjunction or a noun
/// ("Zenith Corp's", "TV ad") does not.
fn reads_as_verb(sentence: &[Token], at: usize) -> bool {
    let Some(t) = sentence.get(at) else {
        return false;
    };
    if !t.is_word() || t.quoted || !t.is_lowercase() {
        return false;
    }
    // "Zenith Corp quickly backtracked": an adverb stands before the verb.
    let lower = t.lower();
    if lower.len() > 4 && lower.ends_with("ly") {
        return reads_as_verb(sentence, at + 1);
    }
    let object = sentence.get(at + 1).is_some_and(|n| {
        n.is_word() && (is_determiner(n.lower()) || matches!(n.lower(), "him" | "them" | "it"))
    });
    if is_preposition(lower) || stops_phrase(t) && !is_speech_verb_form(lower) {
        return false;
    }
    is_auxiliary(t.text)
        || matches!(
            lower,
            "is" | "was"
                | "does"
                | "did"
                | "will"
                | "would"
                | "can"
                | "could"
                | "may"
                | "might"
                | "must"
                | "should"
        )
        || lower.ends_with("ed")
        || is_speech_verb_form(lower)
        || is_stance_verb(lower)
        || (lower.ends_with('s') && !lower.ends_with("ss") && !lower.ends_with("us"))
        || object
}

/// The organisation a sentence opens with as its subject, and the index of the subject's
/// last token: a named organisation ("Zenith Corp suspended ..."), a campaign or
/// administration ("The Obi campaign said", "Obi's campaign is"), or a description of the
/// organisation named last in this paragraph or the one before ("The company plans"; not a
/// document, "The report said", nor people, "The officials"). A place is no organisation
/// here ("Harlow wants" is its people or its council, which a reader cannot tell). The word
/// after the subject must read as its verb.
fn subject_org(
    sentence: &[Token],
    cast: &Cast,
    documents: &Documents,
    paragraph: usize,
) -> Option<(String, usize)> {
    let start = opening_word(sentence)?;
    let definite = sentence[start].lower() == "the";
    let first = if definite { start + 1 } else { start };
    let head = sentence.get(first)?;
    if !head.is_word() || head.quoted {
        return None;
    }
    if head.is_capitalized() {
        let mut last = first;
        let capital =
            |n: Option<&Token>| n.is_some_and(|n| n.is_word() && !n.quoted && n.is_capitalized());
        loop {
            if sentence[last].is_possessive() {
                break;
            }
            if capital(sentence.get(last + 1)) {
                last += 1;
            // "The Department of Education": `of` between capitalised words is in the name.
            } else if sentence.get(last + 1).is_some_and(|n| n.text == "of")
                && capital(sentence.get(last + 2))
            {
                last += 2;
            } else {
                break;
            }
        }
        let next = sentence.get(last + 1)?;
        if matches!(next.lower(), "campaign" | "administration") && next.is_lowercase() {
            let salience = Salience::default();
            let org = owned_body(
                sentence,
                start,
                last + 1,
                cast,
                &salience,
                documents,
                paragraph,
            );
            return org
                .filter(|_| reads_as_verb(sentence, last + 2))
                .map(|org| (org, last + 1));
        }
        if sentence[last].is_possessive() || !reads_as_verb(sentence, last + 1) {
            return None;
        }
        let org = named_org(sentence, last, start, cast)?;
        return (!is_place(&org)).then_some((org, last));
    }
    if !definite {
        return None;
    }
    // "The company", "The social media company": up to two words before the head.
    let at = (first..sentence.len().min(first + 3)).find(|&j| {
        let t = &sentence[j];
        let lower = t.lower();
        t.is_word()
            && !t.quoted
            && t.is_lowercase()
            && (is_org_role_head(lower) || matches!(lower, "campaign" | "administration"))
            && !DOCUMENTS.contains(lower)
            && !matches!(lower, "spokesman" | "spokeswoman" | "spokesperson")
    })?;
    if !(first..at).all(|j| sentence[j].is_word() && sentence[j].is_lowercase()) {
        return None;
    }
    if !reads_as_verb(sentence, at + 1) {
        return None;
    }
    let lower = sentence[at].lower();
    let org = if matches!(lower, "campaign" | "administration") {
        let salience = Salience::default();
        owned_body(sentence, start, at, cast, &salience, documents, paragraph)?
    } else {
        documents.recent_named(lower, paragraph)?.to_string()
    };
    Some((org, at))
}

/// "In a new Acme/Zenith poll, 40 percent ...", "Obi leads in a Zenith News poll released on
/// Monday": a document named with its organisation after `in` is the source of what the
/// sentence reports. "In the poll, ..." opening a sentence is the poll the article last named;
/// elsewhere ("leads in the polls") a document without its organisation is the race's
/// standing, not a source.
fn in_document(
    sentence: &[Token],
    i: usize,
    cast: &Cast,
    documents: &Documents,
    paragraph: usize,
) -> Option<Found> {
    if sentence[i].lower() != "in" {
        return None;
    }
    // The phrase ends at a dash that joins no names ("in the world - an indictment").
    let end = (i + 1..phrase_end(sentence, i + 1))
        .find(|&j| sentence[j].is_punct('-') && !joins_names(sentence, j))
        .unwrap_or_else(|| phrase_end(sentence, i + 1));
    let phrase = Phrase::new(sentence, i + 1, end)?;
    let head = &sentence[phrase.head];
    let noun = head.lower();
    // Findings only ("in Harlow Election Board records" says where a fact is, not who
    // says it), with a determiner or a name before them ("in order to" is no document), and
    // nobody's own ("in Ann Obi's analysis").
    let findings = matches!(
        family(noun).as_str(),
        "poll" | "study" | "report" | "analysis" | "audit" | "review" | "statement"
    );
    let opener = &sentence[i + 1];
    let determined = opener.is_capitalized()
        || matches!(
            opener.lower(),
            "a" | "an" | "the" | "this" | "that" | "its" | "their" | "several" | "one"
        );
    let owned = (phrase.start..phrase.head).any(|j| sentence[j].is_possessive());
    if !head.is_lowercase() || !findings || !determined || owned {
        return None;
    }
    // "In a statement to the Harlow Herald": whom it was given to did not write it.
    let addressed = sentence
        .get(phrase.head + 1)
        .is_some_and(|t| t.lower() == "to");
    let named = document_org(sentence, phrase.start, phrase.head, cast).or_else(|| {
        (!addressed)
            .then(|| complement_org(sentence, phrase.head + 1, end, cast))
            .flatten()
    });
    // "In the poll, ..." opens the sentence ("at 5% in the poll" does not).
    let starts = sentence[..i].iter().all(|t| !t.is_word());
    let (org, why) = match named {
        Some(org) => (org, "its document"),
        None if starts && phrase.definite() && !noun.ends_with('s') => (
            documents.recent(noun, paragraph)?.to_string(),
            "the document last named",
        ),
        None => return None,
    };
    let speaker = Speaker::Org(org);
    Some(Found {
        evidence: evidence(sentence, i, phrase.head, why, cast, &speaker),
        speaker,
    })
}

/// "first reported by The Harlow Herald", "as announced by the Ministry of Works": a verb of reporting
/// in the past participle with its agent, a named organisation.
fn passive(sentence: &[Token], i: usize, cast: &Cast) -> Option<Found> {
    let verb = &sentence[i];
    // Verbs of reporting only: "continued by", "advised by" name no source of words, and
    // "released by", "published by" mostly a document's publisher (emails released by a
    // group), not what it says.
    let publishes = matches!(
        verb.lower(),
        "reported" | "announced" | "disclosed" | "confirmed" | "posted" | "tweeted"
    );
    if !verb.is_lowercase() || !publishes {
        return None;
    }
    if sentence.get(i + 1)?.lower() != "by" {
        return None;
    }
    let end = phrase_end(sentence, i + 2);
    // The agent is the name right after "by" (with its article), nothing longer.
    let first = (i + 2..end).find(|&j| sentence[j].is_capitalized())?;
    if !(i + 2..first).all(|j| sentence[j].lower() == "the") {
        return None;
    }
    let mut last = first;
    while last + 1 < end && sentence[last + 1].is_capitalized() {
        last += 1;
    }
    let org = named_org(sentence, last, i + 2, cast)?;
    let speaker = Speaker::Org(org);
    Some(Found {
        evidence: evidence(sentence, i, last, "agent", cast, &speaker),
        speaker,
    })
}

fn evidence(
    sentence: &[Token],
    first: usize,
    last: usize,
    why: &str,
    cast: &Cast,
    speaker: &Speaker,
) -> String {
    let words: Vec<&str> = sentence[first..=last].iter().map(|t| t.text).collect();
    format!(
        "organisation ({why}): \"{}\" -> {}",
        words.join(" "),
        cast.display(speaker)
    )
}

/// A verb after `to`, a modal's `be`, or an article is no finite report (`to say`, `the
/// report`, `a show`).
fn finite(sentence: &[Token], i: usize) -> bool {
    let Some(before) = i.checked_sub(1).map(|b| &sentence[b]) else {
        return false;
    };
    // "Mr. Obi's calls": a noun after a possessive.
    if before.is_possessive() {
        return false;
    }
    let lower = before.lower();
    !(blocks_finite_reading(lower) || matches!(lower, "with" | "of"))
}

/// The index one past the source phrase of the verb at `verb`: auxiliaries and adverbs
/// ("have long said", "overwhelmingly support") and a relative pronoun (`who`, `which`,
/// `that`, with the comma before it) are skipped.
fn subject_end(sentence: &[Token], verb: usize) -> Option<usize> {
    let mut end = verb;
    while end > 0 {
        let t = &sentence[end - 1];
        let lower = t.lower();
        let adverb = t.is_lowercase() && lower.len() > 4 && lower.ends_with("ly");
        // "has not answered our questions", "has not endorsed": a report of
        // silence names no words.
        if matches!(lower, "not" | "n't" | "never") {
            return None;
        }
        if t.is_word() && !t.quoted && (is_auxiliary(t.text) || adverb) {
            end -= 1;
        } else {
            break;
        }
    }
    let before = end.checked_sub(1).map(|b| &sentence[b])?;
    if before.is_word() && matches!(before.lower(), "who" | "which" | "that") {
        end -= 1;
        if end > 0 && sentence[end - 1].is_punct(',') {
            end -= 1;
        }
    }
    (end > 0).then_some(end)
}

/// Words that end a source phrase read leftwards: conjunctions, clause openers, verbs of
/// speech.
fn stops_phrase(t: &Token) -> bool {
    if !t.is_word() || t.quoted {
        return true;
    }
    let lower = t.lower();
    matches!(
        lower,
        "and"
            | "but"
            | "or"
            | "nor"
            | "that"
            | "because"
            | "while"
            | "when"
            | "whereas"
            | "if"
            | "as"
            | "after"
            | "before"
            | "since"
            | "although"
            | "though"
            | "so"
            | "than"
            | "where"
            | "whom"
            | "whose"
            | "who"
            | "which"
            | "what"
            | "then"
            | "yet"
    ) || (t.is_lowercase() && is_speech_verb_form(lower))
}

/// Where the phrase ending before `end` begins: leftwards over one noun phrase, which may
/// hold one prepositional complement ("officials at the State Department", "aides to the
/// campaign"); a determiner closes it unless a preposition comes before it.
fn phrase_start(sentence: &[Token], end: usize) -> usize {
    let mut start = end;
    let mut prepositions = 0;
    while start > 0 && end - start < PHRASE_REACH {
        let t = &sentence[start - 1];
        // "A Zenith/Orca poll", "a Harlow Herald-Zenith News poll": a slash or hyphen between two
        // names joins them into one pollster's name.
        if joins_names(sentence, start - 1) {
            start -= 1;
            continue;
        }
        if stops_phrase(t) {
            break;
        }
        let lower = t.lower();
        if t.is_lowercase() && is_preposition(lower) {
            if prepositions == 1 {
                break;
            }
            prepositions += 1;
        }
        start -= 1;
        if matches!(
            lower,
            "the" | "a" | "an" | "his" | "her" | "their" | "its" | "this" | "these" | "those"
        ) {
            let after_preposition = start > 0
                && sentence[start - 1].is_lowercase()
                && is_preposition(sentence[start - 1].lower());
            if !after_preposition || prepositions > 0 {
                break;
            }
        }
    }
    start
}

/// Where a source phrase ending before `end` really ends once the time and publication
/// words between it and its verb are skipped: "a poll released on Monday found", "the survey
/// last week showed" -> the phrase ends at "poll", "survey". Without such words, `end`.
fn skip_adjunct(sentence: &[Token], end: usize) -> usize {
    let mut at = end;
    let mut timed = false;
    while at > 0 && end - at < 6 {
        let t = &sentence[at - 1];
        if !t.is_word() || t.quoted {
            break;
        }
        let lower = t.lower();
        let time = is_weekday(t.text)
            || is_time_period(lower)
            || is_time_period(lower.strip_suffix('s').unwrap_or(lower));
        let published = t.is_lowercase()
            && matches!(
                lower,
                "released" | "conducted" | "taken" | "published" | "issued" | "commissioned"
            );
        let linking = t.is_lowercase()
            && matches!(
                lower,
                "last" | "this" | "next" | "past" | "earlier" | "on" | "in" | "late" | "early"
            );
        if !(time || published || linking) {
            break;
        }
        timed |= time || published;
        at -= 1;
    }
    let noun = at.checked_sub(1).map(|b| &sentence[b]);
    let source = noun.is_some_and(|n| n.is_word() && !n.quoted && ends_in_source_noun(n));
    if timed && at < end && source {
        at
    } else {
        end
    }
}

/// Token `at` is a slash or hyphen between two capitalised words ("Zenith/Orca").
fn joins_names(sentence: &[Token], at: usize) -> bool {
    let t = &sentence[at];
    let name = |i: usize| {
        sentence
            .get(i)
            .is_some_and(|n| n.is_word() && !n.quoted && n.is_capitalized())
    };
    (t.is_punct('/') || t.is_punct('-')) && at > 0 && name(at - 1) && name(at + 1)
}

/// A phrase can name a source only when it ends in a name or a noun this sieve knows
/// ("officials familiar with the matter" names nobody; "his campaign of fabricated" is no
/// phrase at all).
fn ends_in_source_noun(t: &Token) -> bool {
    let lower = t.lower();
    t.is_capitalized()
        || STAFF.contains(lower)
        || PLURAL_GROUPS.contains(lower)
        || DOCUMENTS.contains(lower)
        || is_org_role_head(lower)
        || matches!(lower, "camp" | "team")
}

/// One past the last token of the phrase after `according to`, up to punctuation.
fn phrase_end(sentence: &[Token], start: usize) -> usize {
    let mut end = start;
    while end < sentence.len() && end - start < 2 * PHRASE_REACH {
        let t = &sentence[end];
        if (!t.is_word() && !t.is_punct('-') && !t.is_punct('/')) || t.quoted {
            break;
        }
        end += 1;
    }
    end
}

/// Prepositions that tie a head noun to its complement ("officials at the State Department",
/// "a poll by Orca", "critics of the administration").
fn is_preposition(word: &str) -> bool {
    matches!(
        word,
        "of" | "at"
            | "for"
            | "from"
            | "with"
            | "in"
            | "inside"
            | "within"
            | "by"
            | "on"
            | "to"
            | "close"
            | "familiar"
            | "conducted"
            | "released"
            | "commissioned"
            | "published"
            | "filed"
            | "issued"
            | "sponsored"
    )
}

/// A source phrase: its tokens and where the head's complement begins.
struct Phrase<'s, 't> {
    sentence: &'s [Token<'t>],
    start: usize,
    /// The head noun: the last word before the first preposition.
    head: usize,
    end: usize,
}

impl<'s, 't> Phrase<'s, 't> {
    fn new(sentence: &'s [Token<'t>], start: usize, end: usize) -> Option<Self> {
        if start >= end {
            return None;
        }
        let split = (start + 1..end)
            .find(|&i| sentence[i].is_lowercase() && is_preposition(sentence[i].lower()))
            .unwrap_or(end);
        let last = (start..split).rev().find(|&i| sentence[i].is_word())?;
        // "a Zenith poll last week": the head is the noun before the time words.
        let head = match skip_adjunct(sentence, last + 1) {
            trimmed if trimmed > start + 1 => trimmed - 1,
            _ => last,
        };
        Some(Phrase {
            sentence,
            start,
            head,
            end,
        })
    }

    /// Opens with a definite determiner ("the poll", "this survey", "both surveys").
    fn definite(&self) -> bool {
        matches!(
            self.sentence[self.start].lower(),
            "the" | "this" | "that" | "these" | "those" | "both"
        ) && (self.start + 1..self.head).all(|i| !self.sentence[i].is_capitalized())
    }

    fn head_lower(&self) -> &'s str {
        self.sentence[self.head].lower()
    }

    /// The organisation this phrase names as a source, and which rule found it.
    fn source(
        &self,
        cast: &Cast,
        salience: &Salience,
        documents: &Documents,
        paragraph: usize,
        verb: Option<Verb>,
    ) -> Option<(Speaker, &'static str)> {
        let head = &self.sentence[self.head];
        let lower = self.head_lower();
        // A capital that only opens the sentence ("Officials at ...") is a common word's.
        let common = head.is_lowercase() || opens(self.sentence, self.head);
        if DOCUMENTS.contains(lower) && common {
            let org = document_org(self.sentence, self.start, self.head, cast)
                .or_else(|| complement_org(self.sentence, self.head + 1, self.end, cast));
            return match org {
                Some(org) => Some((Speaker::Org(org), "its document")),
                // Only "the poll", "this survey": a document of its own ("State public
                // records") is not the one named before.
                None if !self.definite() => None,
                None => documents
                    .recent(lower, paragraph)
                    .map(|org| (Speaker::Org(org.to_string()), "the document last named")),
            };
        }
        if verb == Some(Verb::Document) {
            return None;
        }
        let plural = verb == Some(Verb::PluralStance);
        let stance = verb == Some(Verb::Stance) || plural;
        if head.is_capitalized() && GROUPS.contains(lower) {
            return Some((Speaker::Org(self.group_name()), "party"));
        }
        if plural && !(PLURAL_GROUPS.contains(lower) && common) {
            return None;
        }
        if STAFF.contains(lower) && common && !stance {
            let org = modifier_org(
                self.sentence,
                self.start,
                self.head,
                cast,
                salience,
                documents,
                paragraph,
            )
            .or_else(|| complement_org(self.sentence, self.head + 1, self.end, cast));
            if let Some(org) = org {
                return Some((Speaker::Org(org), "speaking for it"));
            }
        }
        if (PLURAL_GROUPS.contains(lower) || STAFF.contains(lower) && !stance) && common {
            return self
                .plural_group(cast, salience, documents, paragraph)
                .map(|group| (Speaker::Org(group), "group"));
        }
        if matches!(lower, "campaign" | "administration" | "camp" | "team") && common {
            if let Some(org) = owned_body(
                self.sentence,
                self.start,
                self.head,
                cast,
                salience,
                documents,
                paragraph,
            ) {
                return Some((Speaker::Org(org), "owned body"));
            }
        }
        // "the company said": the organisation named last, close by.
        if common && self.definite() && is_org_role_head(lower) {
            let described = Mention::OrgRole(lower.to_string());
            if let Some((Speaker::Org(org), _)) = cast.resolve(&described, salience, paragraph) {
                return Some((Speaker::Org(org), "organisation in view"));
            }
            return documents
                .recent_named(lower, paragraph)
                .map(|org| (Speaker::Org(org.to_string()), "organisation named last"));
        }
        if head.is_capitalized() {
            let org = named_org(self.sentence, self.head, self.start, cast)?;
            // A view is cited to a body only when its name is unmistakable: a known
            // organisation, an acronym, or a name of several words, and no place
            // ("Harlow plans").
            let unmistakable = org.contains(' ') || is_acronym(&org) || cast.orgs.contains(&org);
            if stance && (!unmistakable || is_place(&org)) {
                return None;
            }
            return Some((Speaker::Org(org), "named"));
        }
        None
    }

    /// A group of people named by its plural noun ([`PLURAL_GROUPS`], or staff with no
    /// organisation beside them), as the phrase's own words name it: "Republican lawmakers",
    /// "Ruiz supporters", "critics". A person's own staff ("his aides", "Obi's advisers")
    /// is their campaign where the article speaks of one ([`owned_body`]), else named by the
    /// person's surname ("Obi supporters"). Only a plain phrase: a complement ("critics of
    /// the plan", "officials familiar with") or a quantity ("two officials") gives nothing, as
    /// it names part of a group nobody could search for.
    fn plural_group(
        &self,
        cast: &Cast,
        salience: &Salience,
        documents: &Documents,
        paragraph: usize,
    ) -> Option<String> {
        let noun = self.head_lower();
        if self.head + 1 != self.end {
            return None;
        }
        let owner = self.head.checked_sub(1).filter(|&o| o >= self.start);
        if let Some(owner) = owner {
            let word = &self.sentence[owner];
            let lower = word.lower();
            let person = if matches!(lower, "his" | "her") {
                let gender = if lower == "his" {
                    Gender::Male
                } else {
                    Gender::Female
                };
                let pronoun = Mention::Pronoun(gender, lower.to_string());
                match cast.resolve(&pronoun, salience, paragraph)? {
                    (Speaker::Person(id), _) => Some(id),
                    _ => return None,
                }
            } else if word.is_capitalized() && !is_not_name(word.text) {
                // The owner is a person's surname standing alone ("Ruiz aides", "Top Obi
                // strategists"), not the end of a longer name ("Cook County prosecutors") nor
                // a first name ("Fed" for someone called Fed).
                let bare = trim_all_suffixes(trim_all_suffixes(word.text, "'s"), "’s");
                let longer = owner > self.start && {
                    let before = &self.sentence[owner - 1];
                    before.is_capitalized()
                        && !opens(self.sentence, owner - 1)
                        && !is_not_name(before.text)
                        && !before.text.ends_with('.')
                };
                cast.by_surname(bare).into_iter().find(|&id| {
                    let name = &cast.people[id].name;
                    !longer && !name.given.is_empty() && name.surname.eq_ignore_ascii_case(bare)
                })
            } else {
                None
            };
            if let Some(id) = person {
                let surname = &cast.people[id].name.surname;
                // A candidate's aides speak for the campaign, named as `--speaker` takes it
                // ("Obi campaign"), as "his team" does; their supporters speak for
                // themselves.
                if STAFF.contains(noun) && speaks_of_campaign(cast, documents) {
                    return Some(format!("{surname} campaign"));
                }
                return Some(format!("{surname} {noun}"));
            }
        }
        // The capitalised words right before the noun ("Senate Republican", "Israeli"). The
        // sentence's first word is one only when it is a name, a party, a nationality or a
        // place ("Republican senators", not "Top advisers" or "Many critics").
        let mut first = self.head;
        while first > self.start {
            let t = &self.sentence[first - 1];
            let plain_capital = t.is_word()
                && !t.quoted
                && t.is_capitalized()
                && (names_a_group(t, cast)
                    || !is_not_name(t.text)
                        && !opens_phrase(t.lower())
                        && !opens(self.sentence, first - 1));
            if !plain_capital {
                break;
            }
            first -= 1;
        }
        // A bare plural ("officials said", "critics say") names no group a reader could
        // search for: every body has officials and every plan critics.
        if first == self.head {
            return None;
        }
        // Whatever else comes before must be a determiner or quantifier of the whole group.
        // Whatever else comes before must be a determiner or quantifier of the whole group,
        // a lower-case word, or a capital only the sentence's first word has ("Local
        // Republican lawmakers"): a figure in digits ("12 officials") names part of a group.
        let rest_plain = (self.start..first).all(|j| {
            let t = &self.sentence[j];
            !t.is_word()
                || is_quantity(t.lower())
                || opens(self.sentence, j)
                || t.is_lowercase() && !t.lower().chars().any(|c| c.is_ascii_digit())
        });
        if !rest_plain {
            return None;
        }
        let mut words: Vec<String> = self.sentence[first..self.head]
            .iter()
            .map(|t| trim_all_suffixes(trim_all_suffixes(t.text, "'s"), "’s").to_string())
            .collect();
        words.push(noun.to_string());
        Some(words.join(" "))
    }

    /// "Senate Republicans", "some Democrats" -> "Democrats": the capitalised words ending at
    /// the head, without sentence openers and quantifiers.
    fn group_name(&self) -> String {
        let mut first = self.head;
        while first > self.start
            && self.sentence[first - 1].is_capitalized()
            && !is_not_name(self.sentence[first - 1].text)
        {
            first -= 1;
        }
        self.sentence[first..=self.head]
            .iter()
            .map(|t| t.text)
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// A capitalised word that names whose group it is even at the start of a sentence: a person
/// of the article, a party member ("Republican"), a nationality, a place, an acronym, or an
/// organisation the article names.
fn names_a_group(t: &Token, cast: &Cast) -> bool {
    let bare = trim_all_suffixes(trim_all_suffixes(t.text, "'s"), "’s");
    is_group_member(&bare.to_lowercase())
        || nationality(bare).is_some()
        || is_place(bare)
        || is_acronym(bare)
        || !cast.by_surname(bare).is_empty()
        || cast.orgs.iter().any(|org| org == bare)
}

/// Determiners and quantifiers of a whole group ("some critics", "Many Democrats").
fn is_quantity(lower: &str) -> bool {
    matches!(
        lower,
        "the"
            | "some"
            | "many"
            | "most"
            | "several"
            | "other"
            | "these"
            | "those"
            | "both"
            | "all"
            | "few"
            | "a"
            | "more"
            | "its"
            | "their"
            | "our"
    )
}

/// Token `i` opens the sentence or follows punctuation (its capital says nothing).
fn opens(sentence: &[Token], i: usize) -> bool {
    i == 0 || !sentence[i - 1].is_word()
}

/// The organisation a capitalised phrase ending at `end` names, when it names one (not a
/// person or a place), reading no further left than `floor`.
fn named_org(sentence: &[Token], end: usize, floor: usize, cast: &Cast) -> Option<String> {
    let last = sentence.get(end)?;
    // "the ranking Democrat": one member of a party is a person; "Americans" a nationality.
    // Two look-ups, checked before the phrase is read (which costs far more).
    if is_group_member(last.lower()) || nationality(last.text).is_some() {
        return None;
    }
    let (mention, start) = phrase_before(sentence, end)?;
    if start < floor {
        return None;
    }
    let org = match mention {
        Mention::Org(name) => Some(cast.expand_org(&name)),
        // "Critics say": one capitalised word opening the sentence is an organisation only
        // when the article names it so elsewhere or it is an acronym.
        Mention::Bare(word)
            if start == end
                && opens(sentence, start)
                && !is_acronym(&word)
                && !cast.orgs.contains(&word) =>
        {
            None
        }
        Mention::Bare(word) => {
            match cast.resolve(&Mention::Bare(word), &Salience::default(), 0)? {
                (Speaker::Org(org), _) => Some(org),
                _ => None,
            }
        }
        Mention::Person { name, .. } => {
            // A name the article elsewhere reads as an organisation ("White House").
            let written = name.display();
            cast.orgs.iter().find(|org| **org == written).cloned()
        }
        _ => None,
    }?;
    // "Harlow's Dele K. Okafor", "Marlowe" where the article names Ann
    // Marlowe: a name ending in a person's surname is that person's.
    let last = org.split_whitespace().last().unwrap_or_default();
    cast.by_surname(last).is_empty().then_some(org)
}

/// One member of a party listed in `data/org_groups.txt` by its plural ("Democrat"): the
/// plural is spelt on the stack for words of up to 40 bytes, as this runs for every name the
/// sieve reads.
fn is_group_member(lower: &str) -> bool {
    let mut buf = [0u8; 41];
    let Some(room) = buf.get_mut(..=lower.len()) else {
        return GROUPS.contains(&format!("{lower}s"));
    };
    room[..lower.len()].copy_from_slice(lower.as_bytes());
    room[lower.len()] = b's';
    // A string with an ASCII letter added is still UTF-8.
    std::str::from_utf8(room).is_ok_and(|plural| GROUPS.contains(plural))
}

/// The organisation named by the capitalised words before a document noun ("a new Zenith
/// University poll", "the Zenith/Orca survey"), not a person's ("an Obi statement").
fn document_org(sentence: &[Token], start: usize, head: usize, cast: &Cast) -> Option<String> {
    let last = head.checked_sub(1).filter(|&l| l >= start)?;
    let (first, last) = name_run(sentence, start, last)?;
    compound_name(sentence, first, last, cast).or_else(|| named_org(sentence, last, first, cast))
}

/// The capitalised run ending at `last` (no further left than `start`) that can name an
/// organisation, as its first and last tokens. Words such as "News" or "New" that are no
/// name alone still belong to one ("Zenith News poll"); a capitalised article or preposition
/// opening the sentence ("A", "In"), an owner before it ("Obi's") and a place after it
/// ("New Hampshire polls", "Zenith New Hampshire poll") do not.
fn name_run(sentence: &[Token], start: usize, last: usize) -> Option<(usize, usize)> {
    let joins = |t: &Token| t.is_punct('/') || t.is_punct('-');
    let in_name = |t: &Token| {
        (t.is_word() && !t.quoted && t.is_capitalized() && !opens_phrase(t.lower())) || joins(t)
    };
    if !in_name(&sentence[last]) || joins(&sentence[last]) {
        return None;
    }
    let mut first = last;
    while first > start && in_name(&sentence[first - 1]) && !sentence[first - 1].is_possessive() {
        first -= 1;
    }
    while joins(&sentence[first]) && first < last {
        first += 1;
    }
    let mut last = last;
    loop {
        let place_words = if is_place(sentence[last].text) {
            1
        } else {
            (2..=3)
                .filter(|&n| last + 1 >= first + n)
                .find(|&n| {
                    let words: Vec<String> = (last + 1 - n..=last)
                        .map(|i| sentence[i].text.to_lowercase())
                        .collect();
                    let words: Vec<&str> = words.iter().map(String::as_str).collect();
                    is_place_name(&words)
                })
                .unwrap_or(0)
        };
        if place_words == 0 {
            break;
        }
        last = last.checked_sub(place_words).filter(|&l| l >= first)?;
        while joins(&sentence[last]) {
            last = last.checked_sub(1).filter(|&l| l >= first)?;
        }
    }
    if (first..=last).all(|i| is_not_name(sentence[i].text) || joins(&sentence[i])) {
        return None;
    }
    Some((first, last))
}

/// "Zenith Press-Orca", "Zenith News/Harlow Herald": a pollster's compound name that
/// no person of the article and no place holds, read whole (not as its last part).
fn compound_name(sentence: &[Token], first: usize, last: usize, cast: &Cast) -> Option<String> {
    let words = &sentence[first..=last];
    let compound = words.iter().any(|t| {
        t.text.contains('-') || t.text.contains('/') || t.is_punct('/') || t.is_punct('-')
    });
    if !compound {
        return None;
    }
    let name: String = words.iter().map(|t| t.text).collect::<Vec<_>>().join(" ");
    let name = name.replace(" / ", "/").replace(" - ", "-");
    let personal = words.iter().any(|t| {
        let bare = trim_all_suffixes(trim_all_suffixes(t.text, "'s"), "’s");
        !cast.by_surname(bare).is_empty()
    });
    // "Iowa/New Hampshire" names places; "Geneva Herald-Zenith News" holds a place but is
    // a pollster: only a part between slashes or hyphens made of places alone is a place.
    let place_part = name.split(['/', '-']).any(|part| {
        let lower: Vec<String> = part.split_whitespace().map(str::to_lowercase).collect();
        let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
        part.split_whitespace().all(is_place) || is_place_name(&lower)
    });
    (!personal && !place_part).then_some(name)
}

/// Capitalised at a sentence's start, these open a phrase and are no part of a name
/// (`data/phrase_openers.txt`).
fn opens_phrase(lower: &str) -> bool {
    PHRASE_OPENERS.contains(lower)
}

/// The first organisation named in a head's complement ("at the State Department", "conducted
/// for the Harlow Press Agency").
fn complement_org(sentence: &[Token], from: usize, end: usize, cast: &Cast) -> Option<String> {
    // "polls conducted for the Harlow Press Agency by Orca Research": the agent after "by"
    // did the work.
    let by = (from..end).find(|&i| sentence[i].lower() == "by");
    if let Some(by) = by {
        // An agent this sieve cannot read is still the agent: no guess from before "by".
        return complement_org(sentence, by + 1, end, cast)
            .or_else(|| agent_name(sentence, by + 1, cast));
    }
    (from..end)
        .filter(|&i| {
            let t = &sentence[i];
            t.is_word()
                && !t.quoted
                && (t.is_capitalized() || matches!(t.lower(), "campaign" | "administration"))
                && sentence
                    .get(i + 1)
                    .is_none_or(|n| !n.is_word() || n.is_lowercase() || n.quoted)
        })
        // "from Harlow Today/Zenith University": a compound name is read whole, from its end.
        .filter(|&i| !joins_names(sentence, i + 1))
        .find_map(|i| {
            let run = name_run(sentence, from, i);
            run.and_then(|(first, last)| compound_name(sentence, first, last, cast))
                .or_else(|| named_org(sentence, i, from, cast))
        })
}

/// "by Orca Research": a name of several capitalised words right after "by" that holds no
/// person of the article and no place is the agent's, an organisation's.
fn agent_name(sentence: &[Token], from: usize, cast: &Cast) -> Option<String> {
    let first = (from..sentence.len()).find(|&i| sentence[i].lower() != "the")?;
    let run: Vec<&Token> = sentence[first..]
        .iter()
        .take_while(|t| t.is_word() && !t.quoted && t.is_capitalized())
        .collect();
    let plain = run.len() >= 2
        && run.iter().all(|t| {
            !is_not_name(t.text) && !is_place(t.text) && cast.by_surname(t.text).is_empty()
        });
    plain.then(|| run.iter().map(|t| t.text).collect::<Vec<_>>().join(" "))
}

/// The organisation named before a staff noun ("Zenith Institute officials", "Obi campaign
/// aides", "his campaign aides").
fn modifier_org(
    sentence: &[Token],
    start: usize,
    head: usize,
    cast: &Cast,
    salience: &Salience,
    documents: &Documents,
    paragraph: usize,
) -> Option<String> {
    let last = head.checked_sub(1).filter(|&l| l >= start)?;
    let word = &sentence[last];
    if matches!(word.lower(), "campaign" | "administration") {
        return owned_body(sentence, start, last, cast, salience, documents, paragraph);
    }
    if !word.is_capitalized() || word.is_possessive() {
        return None;
    }
    named_org(sentence, last, start, cast)
}

/// Whether the article so far speaks of a campaign ("campaign" in lower case, or a name
/// such as "Obi campaign"): only then are a person's team, camp or aides their campaign.
fn speaks_of_campaign(cast: &Cast, documents: &Documents) -> bool {
    documents.campaign
        || cast
            .orgs
            .iter()
            .any(|org| org.to_lowercase().ends_with(" campaign"))
}

/// "his campaign", "Obi's campaign", "the Oduya campaign", "the Ruiz administration":
/// the campaign or administration of a person in view, named as users search for it
/// ("Obi campaign"); "the campaign" alone is the only campaign the article names.
fn owned_body(
    sentence: &[Token],
    start: usize,
    head: usize,
    cast: &Cast,
    salience: &Salience,
    documents: &Documents,
    paragraph: usize,
) -> Option<String> {
    // "his team", "the Obi camp": a candidate's people are the candidate's campaign, named
    // as users search for it, but only in an article that speaks of a campaign (a coach's or
    // a chief executive's team is no campaign); "the team" alone names nobody's.
    let (noun, person_only) = match sentence[head].lower() {
        "camp" | "team" => {
            if !speaks_of_campaign(cast, documents) {
                return None;
            }
            ("campaign", true)
        }
        noun => (noun, false),
    };
    let owner = head.checked_sub(1).filter(|&o| o >= start)?;
    let word = &sentence[owner];
    let lower = word.lower();
    if matches!(lower, "his" | "her") {
        let gender = if lower == "his" {
            Gender::Male
        } else {
            Gender::Female
        };
        let pronoun = Mention::Pronoun(gender, lower.to_string());
        return match cast.resolve(&pronoun, salience, paragraph)? {
            (Speaker::Person(id), _) => Some(format!("{} {noun}", cast.people[id].name.surname)),
            _ => None,
        };
    }
    if lower == "the" && !person_only {
        let mut named = cast.orgs.iter().filter(|org| {
            org.split_whitespace()
                .last()
                .is_some_and(|w| w.eq_ignore_ascii_case(noun))
        });
        return match (named.next(), named.next()) {
            (Some(only), None) => Some(only.clone()),
            // Several campaigns in the article, or none by name: "the campaign" is the one
            // named last, close by ("the Obi campaign ... The campaign said").
            _ => documents.recent_body(noun, paragraph).map(str::to_string),
        };
    }
    if word.is_capitalized() && !is_not_name(word.text) {
        let bare = trim_all_suffixes(trim_all_suffixes(word.text, "'s"), "’s");
        if is_place(bare) {
            return None;
        }
        let people = cast.by_surname(bare);
        if let Some(&id) = people.first() {
            return Some(format!("{} {noun}", cast.people[id].name.surname));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::tokens::tokenize;

    fn org_of(article: &[&str], sentence: &str) -> Option<String> {
        org_at(article, sentence, article.len())
    }

    /// The organisation `find` gives `sentence` read as the next sentence of the last
    /// paragraph of `article`.
    fn org_next(article: &[&str], sentence: &str) -> Option<String> {
        org_at(article, sentence, article.len().saturating_sub(1))
    }

    /// The organisation `find` gives `sentence` read in paragraph `paragraph`, after the
    /// paragraphs of `article`.
    fn org_at(article: &[&str], sentence: &str, paragraph: usize) -> Option<String> {
        let mut texts: Vec<&str> = article.to_vec();
        texts.push(sentence);
        let tokenized: Vec<Vec<Token>> = texts.iter().map(|t| tokenize(t, &[])).collect();
        let cast = Cast::learn(tokenized.iter().map(Vec::as_slice));
        let mut documents = Documents::default();
        let mut salience = Salience::default();
        for (i, text) in article.iter().enumerate() {
            let tokens = tokenize(text, &[]);
            documents.remember(&tokens, &cast, i);
            if let Some(found) = find(&tokens, &cast, &salience, &documents, i) {
                salience.push(found.speaker, i);
            }
            for (id, _) in cast.people.iter().enumerate() {
                if text.contains(&cast.people[id].name.surname) {
                    salience.push(Speaker::Person(id), i);
                }
            }
        }
        let tokens = tokenize(sentence, &[]);
        let found = find(&tokens, &cast, &salience, &documents, paragraph)?;
        Some(cast.display(&found.speaker))
    }

    #[test]
    fn a_named_group_of_people_speaks_as_one() {
        let article = ["Congress returns on Monday."];
        assert_eq!(
            org_of(&article, "Harlow Republican lawmakers said the bill fails.").as_deref(),
            Some("Republican lawmakers")
        );
        // A bare plural names no group anyone could search for.
        assert_eq!(org_of(&article, "Critics said the bill fails."), None);
        assert_eq!(org_of(&article, "Top advisers said the bill fails."), None);
        // A party holds a view as it speaks.
        assert_eq!(
            org_of(&article, "Many Democrats want a vote this year.").as_deref(),
            Some("Democrats")
        );
    }

    #[test]
    fn a_candidates_aides_speak_for_the_campaign() {
        let article = ["Marta Oduya opened her campaign in Harlow on Saturday."];
        assert_eq!(
            org_of(&article, "Oduya aides said the crowd was large.").as_deref(),
            Some("Oduya campaign")
        );
    }

    #[test]
    fn they_after_a_named_group_is_that_group() {
        assert_eq!(
            org_next(
                &["Harlow Republican lawmakers met on Monday."],
                "They said the bill fails."
            )
            .as_deref(),
            Some("Republican lawmakers")
        );
        assert_eq!(
            org_next(
                &["The trains ran late on Monday."],
                "They said the bill fails."
            ),
            None
        );
    }

    #[test]
    fn the_campaign_is_the_one_named_last_among_several() {
        let article = [
            "Dana Ruiz and Ann Obi campaigned in Harlow on Monday.",
            "The Ruiz campaign ran new ads. The Obi campaign did not.",
        ];
        assert_eq!(
            org_next(&article, "The campaign said the ads worked.").as_deref(),
            Some("Obi campaign")
        );
    }

    #[test]
    fn staff_speak_for_the_organisation_named_beside_them() {
        let article = ["The State Department and the White House met on Tuesday."];
        assert_eq!(
            org_of(
                &article,
                "White House officials said the meeting went well."
            )
            .as_deref(),
            Some("White House")
        );
        assert_eq!(
            org_of(
                &article,
                "Officials at the State Department said the talks would go on."
            )
            .as_deref(),
            Some("State Department")
        );
        assert_eq!(
            org_of(&article, "Officials said the talks would go on."),
            None
        );
        assert_eq!(
            org_of(&article, "Critics of the State Department say it failed."),
            None
        );
    }

    #[test]
    fn parties_speak_through_their_members() {
        let article = ["Congress returns on Monday."];
        assert_eq!(
            org_of(
                &article,
                "Senate Republicans who said the bill costs too much voted no."
            )
            .as_deref(),
            Some("Senate Republicans")
        );
        assert_eq!(
            org_of(
                &article,
                "But many Democrats said a vote must come this year."
            )
            .as_deref(),
            Some("Democrats")
        );
        // A party holds a view as it speaks (PolNeAR annotates such views as the party's).
        assert_eq!(
            org_of(&article, "But many Democrats want a vote this year.").as_deref(),
            Some("Democrats")
        );
    }

    #[test]
    fn a_campaign_is_its_candidates() {
        let article = ["Marta Oduya held a rally in Harlow on Saturday."];
        assert_eq!(
            org_of(&article, "Her campaign said the crowd was the largest yet.").as_deref(),
            Some("Oduya campaign")
        );
        assert_eq!(
            org_of(&article, "Oduya campaign aides said the crowd was large.").as_deref(),
            Some("Oduya campaign")
        );
    }

    #[test]
    fn documents_speak_for_their_organisation() {
        let article = ["A new Zenith University poll was released on Tuesday."];
        assert_eq!(
            org_of(
                &article,
                "The poll found that 40 percent of voters are undecided."
            )
            .as_deref(),
            Some("Zenith University")
        );
        assert_eq!(
            org_of(
                &[""],
                "Turnout was low, according to a report by the Marlow Research Center."
            )
            .as_deref(),
            Some("Marlow Research Center")
        );
        assert_eq!(
            org_of(
                &[""],
                "The poll found that 40 percent of voters are undecided."
            ),
            None
        );
        // A person's statement is theirs, not an organisation's.
        assert_eq!(
            org_of(
                &["Marta Oduya spoke on Monday."],
                "A Oduya statement said she would run."
            ),
            None
        );
    }

    #[test]
    fn an_organisation_described_is_the_one_named_last() {
        let article = ["The account was suspended by Zenith Corp on Thursday."];
        assert_eq!(
            org_of(&article, "The company said its stores would stay open.").as_deref(),
            Some("Zenith Corp")
        );
        // "the department" is a department, not whichever organisation came last.
        assert_eq!(
            org_of(&article, "The department said its stores would stay open."),
            None
        );
    }

    #[test]
    fn a_passive_report_names_its_agent() {
        assert_eq!(
            org_of(
                &[""],
                "The plan was first reported by The Harlow Herald on Tuesday."
            )
            .as_deref(),
            Some("Harlow Herald")
        );
        assert_eq!(
            org_of(
                &["Marta Oduya spoke on Monday."],
                "The plan was first reported by Marta Oduya on Tuesday."
            ),
            None
        );
    }

    #[test]
    fn a_party_member_is_read_by_the_plural_listed() {
        assert!(GROUPS.contains("democrats"));
        assert!(is_group_member("democrat"));
        assert!(!is_group_member("democrats"));
        assert!(!is_group_member(""));
        // Longer than the stack spelling: the same answer through the allocating path.
        assert!(!is_group_member(&"a".repeat(60)));
    }

    #[test]
    fn a_named_organisation_reports() {
        assert_eq!(
            org_of(
                &[""],
                "The deal fell through, the Harlow Press Agency reported."
            )
            .as_deref(),
            Some("Harlow Press Agency")
        );
        // "found" reports only with a document as subject.
        assert_eq!(
            org_of(&[""], "The Harlow Press Agency found a new source."),
            None
        );
    }

    #[test]
    fn a_pollster_named_with_a_slash_or_hyphen_is_read_whole() {
        assert_eq!(
            org_of(&[""], "A Zenith/Orca poll showed Obi with a lead.").as_deref(),
            Some("Zenith/Orca")
        );
        assert_eq!(
            org_of(
                &[""],
                "A Harlow Herald-Zenith News poll found that 40 percent agree."
            )
            .as_deref(),
            Some("Harlow Herald-Zenith News")
        );
        assert_eq!(
            org_of(
                &[""],
                "Obi gained, a new poll from Harlow Today/Zenith University found."
            )
            .as_deref(),
            Some("Harlow Today/Zenith University")
        );
        // A place within a pollster's name is part of it; places joined are no pollster.
        assert_eq!(
            org_of(
                &[""],
                "A Geneva Herald-Zenith News poll found that 40 percent agree."
            )
            .as_deref(),
            Some("Geneva Herald-Zenith News")
        );
        assert_eq!(
            org_of(
                &[""],
                "An Iowa/New Hampshire poll found that 40 percent agree."
            ),
            None
        );
    }

    #[test]
    fn time_and_publication_words_between_a_poll_and_its_verb_are_skipped() {
        assert_eq!(
            org_of(
                &[""],
                "A Zenith News poll released on Tuesday showed Obi with a lead."
            )
            .as_deref(),
            Some("Zenith News")
        );
        assert_eq!(
            org_of(
                &[""],
                "A Zenith poll last week found that 40 percent agree."
            )
            .as_deref(),
            Some("Zenith")
        );
        assert_eq!(
            org_of(
                &[""],
                "Obi leads, according to a Zenith News poll last week."
            )
            .as_deref(),
            Some("Zenith News")
        );
    }

    #[test]
    fn a_verb_of_speech_outranks_findings_cited_with_in() {
        let article = ["Lena Ruiz spoke in Harlow on Monday."];
        assert_eq!(
            org_of(
                &article,
                "Despite her slide in the latest Zenith News poll, the Ruiz campaign said it would win."
            )
            .as_deref(),
            Some("Ruiz campaign")
        );
        assert_eq!(
            org_of(
                &article,
                "In a Zenith News poll released Tuesday, 52 percent said they would vote."
            )
            .as_deref(),
            Some("Zenith News")
        );
    }

    #[test]
    fn findings_cited_with_in_name_their_organisation() {
        assert_eq!(
            org_of(&[""], "In a new Zenith News poll, 40 percent back Obi.").as_deref(),
            Some("Zenith News")
        );
        assert_eq!(
            org_of(
                &[""],
                "Obi has 40 percent in the latest Zenith/Orca survey."
            )
            .as_deref(),
            Some("Zenith/Orca")
        );
        let article = ["A new Zenith News poll was released on Tuesday."];
        assert_eq!(
            org_of(&article, "In the poll, 40 percent back Obi.").as_deref(),
            Some("Zenith News")
        );
        // A standing in the polls, a place's polls, a phrase, a person's own analysis: none.
        assert_eq!(org_of(&article, "Obi leads in the polls."), None);
        assert_eq!(org_of(&article, "Obi is at 5% in the poll."), None);
        assert_eq!(
            org_of(
                &[""],
                "In a statement to the Harlow Herald, the plan was called a failure."
            ),
            None
        );
        assert_eq!(
            org_of(
                &[""],
                "In a statement released by the Zenith Institute, the plan was called a failure."
            )
            .as_deref(),
            Some("Zenith Institute")
        );
        assert_eq!(org_of(&[""], "Obi leads in New Hampshire polls."), None);
        assert_eq!(
            org_of(
                &[""],
                "They met in order to fix the Zenith Institute budget."
            ),
            None
        );
        assert_eq!(
            org_of(
                &["Ann Obi spoke on Monday."],
                "The plan is set out in Ann Obi's analysis for the Zenith Institute."
            ),
            None
        );
    }

    #[test]
    fn a_campaign_or_a_named_body_holds_a_view() {
        let article = ["Marta Oduya held a rally in Harlow on Saturday."];
        assert_eq!(
            org_of(&article, "Her campaign believes the state is within reach.").as_deref(),
            Some("Oduya campaign")
        );
        // A team or a camp is a campaign only where the article speaks of one.
        let race = [
            "Marta Oduya held a rally in Harlow on Saturday.",
            "Her campaign spent heavily there.",
        ];
        assert_eq!(
            org_of(&race, "The Oduya camp thinks the debate went well.").as_deref(),
            Some("Oduya campaign")
        );
        assert_eq!(
            org_of(&race, "Oduya's team said the crowd was large.").as_deref(),
            Some("Oduya campaign")
        );
        assert_eq!(
            org_of(&article, "Oduya's team said the crowd was large."),
            None
        );
        let club = ["Dele Okafor, the club's coach, was fined on Monday."];
        assert_eq!(
            org_of(&club, "Okafor's team said the appeal would be filed."),
            None
        );
        assert_eq!(
            org_of(&[""], "The Harlow Steel Corporation opposed the merger.").as_deref(),
            Some("Harlow Steel Corporation")
        );
        // A party's view is its own; "the team" is nobody's campaign.
        assert_eq!(
            org_of(&article, "But many Democrats want a vote this year.").as_deref(),
            Some("Democrats")
        );
        assert_eq!(
            org_of(
                &article,
                "White House officials believe the vote will pass."
            ),
            None
        );
        assert_eq!(org_of(&article, "The team said the match was hard."), None);
        // A plural noun after a name is no verb; a place holds no view; nor does a word
        // that is not known as an organisation.
        assert_eq!(
            org_of(
                &[""],
                "After the Harlow Steel attacks on the union, prices rose."
            ),
            None
        );
        assert_eq!(org_of(&[""], "Harlow plans a new bridge."), None);
        assert_eq!(
            org_of(&[""], "This angered Zenithians who viewed the plan."),
            None
        );
    }

    #[test]
    fn it_after_an_organisation_subject_is_that_organisation() {
        let gazette = ["The Harlow Gazette dropped the column on Monday."];
        assert_eq!(
            org_next(&gazette, "It said the writer had broken its rules.").as_deref(),
            Some("Harlow Gazette")
        );
        assert_eq!(
            org_next(&gazette, "On Monday, it said the rules were clear.").as_deref(),
            Some("Harlow Gazette")
        );
        // A view: "it plans", "what it calls".
        let firm = ["Zenith Corp cut its prices on Friday."];
        assert_eq!(
            org_next(&firm, "It plans to open ten shops next year.").as_deref(),
            Some("Zenith Corp")
        );
        // In the sentence itself, after its subject.
        assert_eq!(
            org_next(
                &[""],
                "Zenith Corp closed the account on Thursday; it said the rules were broken."
            )
            .as_deref(),
            Some("Zenith Corp")
        );
        // A name holding `of`; an adverb before the verb.
        assert_eq!(
            org_next(
                &["The Harlow Board of Trade sharply raised its fees."],
                "It said the costs had doubled."
            )
            .as_deref(),
            Some("Harlow Board of Trade")
        );
        // A description of the organisation named before.
        let described = [
            "The account was closed by Zenith Corp on Thursday.",
            "The company closed two more on Friday.",
        ];
        assert_eq!(
            org_next(&described, "It later said the rules were clear.").as_deref(),
            Some("Zenith Corp")
        );
        // A campaign.
        let race = [
            "Marta Oduya held a rally in Harlow on Saturday.",
            "The Oduya campaign spent its money there.",
        ];
        assert_eq!(
            org_next(&race, "It said the crowd was the largest yet.").as_deref(),
            Some("Oduya campaign")
        );
        let owned = [
            "Marta Oduya held a rally in Harlow on Saturday.",
            "Oduya's campaign quickly backtracked on Sunday.",
        ];
        assert_eq!(
            org_next(
                &owned,
                "In its view, it said, the crowd was the largest yet."
            )
            .as_deref(),
            None
        );
        assert_eq!(
            org_next(&owned, "On Sunday, it said, the figures were clear.").as_deref(),
            Some("Oduya campaign")
        );
    }

    #[test]
    fn it_stands_for_no_person_no_document_and_nothing_far() {
        // A person or a document opened the sentence before: `it` is not an organisation.
        assert_eq!(
            org_next(
                &["Ann Obi wrote to the board on Monday."],
                "It said the plan had failed."
            ),
            None
        );
        assert_eq!(
            org_next(
                &["The Zenith Corp memo went out on Monday."],
                "It said the plan had failed."
            ),
            None
        );
        // Not across a paragraph break.
        assert_eq!(
            org_of(
                &[
                    "Zenith Corp cut its prices on Friday.",
                    "Shoppers came early."
                ],
                "It said the sale would last a week."
            ),
            None
        );
        // Inside a relative clause `it` describes the thing the clause hangs on.
        assert_eq!(
            org_next(
                &["Zenith Corp cut its prices on Friday."],
                "Shoppers liked the sale, which it said would last a week."
            ),
            None
        );
        // A noun with a determiner before `it` may be what it stands for.
        assert_eq!(
            org_next(
                &["Zenith Corp cut its prices on Friday."],
                "After the vote, it said the sale would last a week."
            ),
            None
        );
        // `it` as an object.
        assert_eq!(
            org_next(
                &["Zenith Corp cut its prices on Friday."],
                "Shoppers found it said nothing new."
            ),
            None
        );
    }
}
