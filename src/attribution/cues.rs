//! Speech cues: a reporting verb and the phrase that names who speaks.
//!
//! The verbs are the usual news reporting verbs in every finite form (say, said, says, tell,
//! add, stress, warn, note, indicate, point out, ...). A cue is found in any order: `X said`,
//! `X, the minister, said`, `"Q," said X`, `X said: "Q"`, `according to X`, `In his opinion`.
//! Infinitives (`to say`), modal and passive forms (`will warn`, `was told`, `cannot be said`)
//! and participles (`speaking`, `claiming`) are not cues; nor is a reporting verb read in a
//! sense that reports no words ([`reports_nothing`]: `called.` on the telephone, `responded
//! by easing sanctions`, `posted more than 500 times`, `maintains a lead`). Last of all, a
//! sentence opening with a person's claim (`Okafor's claim that ...`) cites its owner
//! ([`claim_owner`]). This module finds cues; it does not resolve pronouns or roles to people.

use super::lexicon::{
    blocks_finite_reading, is_time_period, is_weekday, trim_all_suffixes, Gender, WordSet,
};
use super::mentions::{
    is_auxiliary, is_modal_or_auxiliary, is_possessive_determiner, phrase_after, phrase_before,
    possessive_owner, Mention,
};
use super::subject::{dateline_end, is_finite_form};
use super::tokens::Token;

/// Reporting verbs, every finite form, lower case: `data/speech_verbs.txt`.
static SPEECH_VERBS: WordSet = WordSet::new(include_str!("data/speech_verbs.txt"));

/// Manner-of-speaking verbs that report speech only as a quotation's own tag (`"...!" beamed
/// X`, `"...," she laughed`): `data/tag_verbs.txt`.
static TAG_VERBS: WordSet = WordSet::new(include_str!("data/tag_verbs.txt"));

/// Reporting verbs that also mean keeping something (`maintains a lead`): they report only
/// with a clause or quotation after them, `data/holding_verbs.txt`.
static HOLDING_VERBS: WordSet = WordSet::new(include_str!("data/holding_verbs.txt"));

/// Verbs of giving evidence (`testified`): they report only when the words follow them,
/// `data/testimony_verbs.txt`.
static TESTIMONY_VERBS: WordSet = WordSet::new(include_str!("data/testimony_verbs.txt"));

/// Prepositions whose object is a place or an object, not a speaker:
/// `data/phrase_prepositions.txt`.
static PHRASE_PREPOSITIONS: WordSet = WordSet::new(include_str!("data/phrase_prepositions.txt"));

/// Reporting verbs that also mean winning (`claimed a victory`): `data/winning_verbs.txt`.
static WINNING_VERBS: WordSet = WordSet::new(include_str!("data/winning_verbs.txt"));

/// What is won or scored (`victory`, `prize`): `data/result_nouns.txt`.
static RESULT_NOUNS: WordSet = WordSet::new(include_str!("data/result_nouns.txt"));

/// Reporting verbs that also mean telephoning, visiting or naming (`Okafor called.`):
/// `data/calling_verbs.txt`.
static CALLING_VERBS: WordSet = WordSet::new(include_str!("data/calling_verbs.txt"));

/// Reporting verbs that also mean reacting by an act (`responded by easing sanctions`):
/// `data/responding_verbs.txt`.
static RESPONDING_VERBS: WordSet = WordSet::new(include_str!("data/responding_verbs.txt"));

/// Verbs of posting and briefing whose object may be a document, a count or a person
/// (`posted a video`, `briefed the ambassador`): `data/publishing_verbs.txt`.
static PUBLISHING_VERBS: WordSet = WordSet::new(include_str!("data/publishing_verbs.txt"));

/// Nouns of a speech act (`claim`, `assertion`, `promise`): `data/claim_nouns.txt`.
static CLAIM_NOUNS: WordSet = WordSet::new(include_str!("data/claim_nouns.txt"));

/// Verbs that report an opinion or plan rather than speech; they need a clause after them
/// (`expects that ...`, not `expects to receive`).
fn is_weak(verb: &str) -> bool {
    is_commitment(verb)
        || matches!(
            verb,
            "expect"
                | "expects"
                | "expected"
                | "believe"
                | "believes"
                | "believed"
                | "think"
                | "thinks"
                | "thought"
                | "forecast"
                | "forecasts"
                | "estimate"
                | "estimates"
                | "estimated"
                | "fear"
                | "fears"
                | "feared"
                | "hope"
                | "hopes"
                | "hoped"
                | "continue"
                | "continues"
                | "continued"
                | "demand"
                | "demands"
                | "demanded"
                | "urge"
                | "urges"
                | "urged"
                | "report"
                | "reports"
                | "reported"
        )
}

/// Verbs of commitment (`vowed to repeal`, `promises to "end"`): a public promise is a speech
/// act, so unlike the other weak verbs they report with an infinitive after them.
pub fn is_commitment(verb: &str) -> bool {
    matches!(
        verb,
        "vow"
            | "vows"
            | "vowed"
            | "promise"
            | "promises"
            | "promised"
            | "pledge"
            | "pledges"
            | "pledged"
    )
}

/// True for a finite form of a reporting verb (lower case).
pub fn is_speech_verb_form(word: &str) -> bool {
    SPEECH_VERBS.contains(word)
}

/// How the cue is built.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueForm {
    /// The speaker comes before the verb (`Lavrov said`).
    Subject,
    /// The speaker follows the verb (`said Mr Thomas`).
    Inverted,
    /// `according to X`.
    AccordingTo,
    /// `In his opinion, ...`.
    Opinion,
}

/// A reporting verb with the phrase naming its speaker.
#[derive(Clone, Debug, PartialEq)]
pub struct Cue {
    pub mention: Mention,
    pub form: CueForm,
    /// Byte range (in the tokenized text) of the words that make the cue, for the evidence.
    pub start: usize,
    pub end: usize,
}

/// Finds the first speech cue of a sentence whose speaker phrase can be read.
///
/// `title_case` allows capitalised verbs (`Lavrov Says`) in headlines.
pub fn find(tokens: &[Token], title_case: bool) -> Option<Cue> {
    // `LA CROSSE, Wisc. — Gov. Ada Okafor on Thursday blamed`: no speaker in the dateline.
    let tokens = &tokens[dateline_end(tokens).unwrap_or(0)..];
    if is_editors_note(tokens) {
        return None;
    }
    if let Some(cue) = opinion_cue(tokens) {
        return Some(cue);
    }
    (0..tokens.len())
        .find_map(|i| cue_at(tokens, i, title_case))
        .or_else(|| absolute_participle(tokens))
}

/// `..., with Sen. Ada Okafor calling it "a mess."`, `The interview ended with Ruiz asking
/// whether ...`: in an absolute phrase after `with`, a named person and the participle of a
/// speech verb (`saying`, `calling`, `tweeting`) report that person's words. Only a named
/// person: `with the crowd chanting` has no one speaking. The weakest cue of [`find`], asked
/// only when no verb of the sentence gave one.
fn absolute_participle(tokens: &[Token]) -> Option<Cue> {
    tokens.iter().enumerate().find_map(|(w, with)| {
        if with.quoted || with.lower() != "with" {
            return None;
        }
        let (mention, last) = phrase_after(tokens, w + 1)?;
        if !matches!(mention, Mention::Person { .. } | Mention::Bare(_)) {
            return None;
        }
        // One adverb may come between (`with Ruiz repeatedly calling`).
        let mut k = last + 1;
        if tokens
            .get(k)
            .is_some_and(|t| t.is_word() && !t.quoted && t.lower().ends_with("ly"))
        {
            k += 1;
        }
        let participle = tokens.get(k)?;
        (participle.is_word()
            && !participle.quoted
            && participle.is_lowercase()
            && speech_participle(participle.lower()))
        .then(|| Cue {
            mention,
            form: CueForm::Subject,
            start: tokens[w + 1].start,
            end: participle.end,
        })
    })
}

/// Whether a form in `-ing` is a speech verb's (`saying`, `arguing`, `tweeting`): one of
/// its finite forms is listed in `data/speech_verbs.txt`.
fn speech_participle(word: &str) -> bool {
    let Some(stem) = word.strip_suffix("ing").filter(|stem| stem.len() > 1) else {
        return false;
    };
    [format!("{stem}s"), format!("{stem}es"), format!("{stem}ed")]
        .iter()
        .any(|form| is_speech_verb_form(form))
}

/// `This piece was revised to show that Okafor shared ...`, `The report was corrected so it
/// now says that ...`, `An earlier version of this piece misstated ...`: an editor's note on
/// the article itself, whose clause after `that` reports what the article now says, not what
/// anyone said.
fn is_editors_note(tokens: &[Token]) -> bool {
    let mut words = tokens
        .iter()
        .filter(|t| t.is_word())
        .map(Token::lower)
        .peekable();
    let determiner = words
        .next()
        .is_some_and(|w| matches!(w, "this" | "the" | "an"));
    words.next_if_eq(&"earlier");
    let document = words.next().is_some_and(|w| {
        matches!(
            w,
            "story" | "article" | "post" | "report" | "version" | "piece"
        )
    });
    // "An earlier version of this story misstated": the edit may come a few words on.
    let edited = words.take(5).any(|w| {
        matches!(
            w,
            "updated"
                | "corrected"
                | "amended"
                | "revised"
                | "changed"
                | "edited"
                | "misstated"
                | "misidentified"
                | "misspelled"
                | "incorrectly"
        )
    });
    determiner && document && edited
}

/// The cue whose verb (or "according") is token `i`, if it is one.
fn cue_at(tokens: &[Token], i: usize, title_case: bool) -> Option<Cue> {
    let token = &tokens[i];
    if token.quoted || !token.is_word() {
        return None;
    }
    // A capitalised verb inside a sentence only occurs in headlines, and there it closes the
    // clause ("Lavrov Says", "Minister Warns:"); "Formal Answers Received" holds a noun.
    if token.is_capitalized() && i > 0 {
        let closes_clause = tokens.get(i + 1).is_none_or(|next| !next.is_word());
        // "Jean Dupont Says Ada Okafor ...", "Okafor Says He ...": a person's name
        // opening the headline is the subject of the verb after it (a lone word only if the
        // cast knows it as someone's name).
        let opened_by_person = matches!(
            phrase_before(tokens, i - 1),
            Some((Mention::Person { .. } | Mention::Bare(_), 0))
        );
        if !title_case || !(closes_clause || opened_by_person) {
            return None;
        }
    }
    let lower = token.lower();
    if lower == "according" && tokens.get(i + 1).is_some_and(|t| t.lower() == "to") {
        let (mention, end) = phrase_after(tokens, i + 2)?;
        let (mention, end) = described_person_after(tokens, end).unwrap_or((mention, end));
        return Some(Cue {
            mention,
            form: CueForm::AccordingTo,
            start: token.start,
            end: tokens[end].end,
        });
    }
    if let Some(cue) = went_on(tokens, i, lower)
        .or_else(|| as_put_it(tokens, i, lower))
        .or_else(|| passive_agent(tokens, i, lower))
    {
        return Some(cue);
    }
    // Beside a quotation the verb is the quotation's own tag: any verb of speaking (even
    // a manner verb such as "beamed") reports it, and weak verbs need no clause after them.
    let tag = quote_tag_position(tokens, i);
    let speech = is_speech_verb_form(lower)
        || is_retort(tokens, i, lower)
        || (tag && (TAG_VERBS.contains(lower) || is_unlisted_tag_verb(tokens, i, lower)));
    if !speech || !is_finite_use(tokens, i, lower, tag) {
        return None;
    }
    if is_credit(tokens, i) {
        return None;
    }
    let verb_end = if matches!(lower, "point" | "points" | "pointed") {
        let next = tokens.get(i + 1)?;
        if next.lower() != "out" {
            return None;
        }
        i + 1
    } else if is_retort(tokens, i, lower) {
        i + 1
    } else {
        i
    };
    if let Some(cue) = inverted(tokens, i, verb_end) {
        return Some(cue);
    }
    let subject_end = skip_auxiliaries_left(tokens, i)?;
    let (mention, start) = subject_ending_at(tokens, subject_end)?;
    // `her Harbour Street remarks`: the name modifies the owner's noun.
    if owned_noun(tokens, i) {
        return None;
    }
    Some(Cue {
        mention,
        form: CueForm::Subject,
        start: tokens[start].start,
        end: tokens[verb_end].end,
    })
}

/// `according to Lagos News legal analyst Judge Kemi Adeyemi,`: an outlet or place that
/// describes the person named after it (through lower-case words and titles) is not the
/// source; the person is. `end` indexes the last token of the first phrase; returns the
/// person's mention and last token.
fn described_person_after(tokens: &[Token], end: usize) -> Option<(Mention, usize)> {
    // The rest of the outlet's name (`Lagos` read alone leaves `News`).
    let mut j = end + 1;
    while j <= end + 3
        && tokens
            .get(j)
            .is_some_and(|t| t.is_word() && !t.quoted && t.is_capitalized())
    {
        j += 1;
    }
    let words_from = j;
    let mut described = false;
    while tokens
        .get(j)
        .is_some_and(|t| t.is_word() && !t.quoted && t.is_lowercase() && !is_preposition(t.lower()))
        && j < words_from + 4
    {
        described = true;
        j += 1;
    }
    if !described {
        return None;
    }
    // The capitalised run after the description (`Judge Kemi Adeyemi`), read from its end.
    let run = tokens[j..]
        .iter()
        .take_while(|t| t.is_word() && !t.quoted && t.is_capitalized() || t.is_punct('.'))
        .count();
    let last = (j..j + run).rev().find(|&k| tokens[k].is_word())?;
    let (mention, start) = phrase_before(tokens, last)?;
    let full = matches!(&mention, Mention::Person { name, .. }
        if !name.given.is_empty() || name.title.is_some());
    (full && start > end).then_some((mention, last))
}

/// `Okafor was asked by moderator Tunde Bello whether ...`, `the plan was described by Okafor
/// as "reckless"`: the agent of a passive verb of speech is who spoke; the subject is who was
/// spoken to or of.
fn passive_agent(tokens: &[Token], i: usize, verb: &str) -> Option<Cue> {
    let participle = verb.ends_with("ed") || matches!(verb, "told" | "written");
    if !participle || !is_speech_verb_form(verb) {
        return None;
    }
    let passive = tokens[..i]
        .last()
        .is_some_and(|t| super::lexicon::is_form_of_be(t.lower()));
    let by = tokens
        .get(i + 1)
        .is_some_and(|t| !t.quoted && t.lower() == "by");
    if !passive || !by {
        return None;
    }
    // `by Harbour Business moderator Tunde Bello whether ...`: the name closing the run of
    // capitalised words and role words after `by`.
    let run = tokens[i + 2..]
        .iter()
        .take(8)
        .take_while(|t| {
            let describes = t.is_capitalized()
                || !is_preposition(t.lower())
                    && !matches!(
                        t.lower(),
                        "about" | "whether" | "if" | "that" | "as" | "and"
                    );
            !t.quoted && (t.is_punct('.') || t.is_word() && describes)
        })
        .count();
    // The run must end in the name: `by Okafor supporters whether` names supporters.
    let last = (i + 2..i + 2 + run)
        .rev()
        .find(|&j| !tokens[j].is_punct('.'))?;
    if !tokens[last].is_capitalized() {
        return None;
    }
    let (mention, _) = phrase_before(tokens, last)?;
    if !matches!(mention, Mention::Person { .. } | Mention::Bare(_)) {
        return None;
    }
    Some(Cue {
        mention,
        form: CueForm::Inverted,
        start: tokens[i].start,
        end: tokens[last].end,
    })
}

/// `As Tom Ridge, a former secretary, put it: "..."`, `as Okafor puts it, ...`: the idiom
/// cites the words that follow as the subject's, though `put` is no verb of speech. Only in
/// a clause opened by `as`, and only before punctuation, an adverb or a short phrase of
/// where or to whom (`put it in his memo`, `put it bluntly`): `Okafor put it on hold`
/// reports nothing.
fn as_put_it(tokens: &[Token], i: usize, verb: &str) -> Option<Cue> {
    let idiom = matches!(verb, "put" | "puts") && tokens.get(i + 1)?.lower() == "it";
    let after = tokens.get(i + 2);
    let cites = after.is_none_or(|t| {
        !t.is_word()
            || t.lower().ends_with("ly")
            || matches!(t.lower(), "in" | "to" | "on" | "best" | "this" | "that")
    });
    if !idiom || !cites {
        return None;
    }
    // The `as` that opens the clause, past appositions and titles in quotation marks.
    let opener = (i.saturating_sub(40)..i).rev().find(|&j| {
        let t = &tokens[j];
        !t.quoted && (t.lower() == "as" || matches!(t.text, "." | ";" | ":"))
    })?;
    if tokens[opener].lower() != "as" {
        return None;
    }
    let subject = skip_auxiliaries_left(tokens, i)
        .and_then(|k| subject_ending_at(tokens, k))
        .filter(|(_, start)| *start > opener)
        .or_else(|| phrase_after(tokens, opener + 1).map(|(mention, _)| (mention, opener + 1)));
    let (mention, start) = subject?;
    Some(Cue {
        mention,
        form: CueForm::Subject,
        start: tokens[start].start,
        end: tokens[i + 1].end,
    })
}

/// A writer's credit line, not a report: where they reported from (`Lerer reported from Los
/// Angeles.`, `frequently reports live from the field`) or where to follow them (`He tweets
/// @handle.`, `She writes at @handle.`). `verb` indexes the reporting verb.
pub fn is_credit(tokens: &[Token], verb: usize) -> bool {
    let word = |j: usize| tokens.get(j).map_or("", Token::lower);
    let lower = word(verb);
    let from = if word(verb + 1) == "live" {
        verb + 2
    } else {
        verb + 1
    };
    if matches!(lower, "reported" | "reports") && word(from) == "from" {
        return true;
    }
    // The handle, alone before the sentence ends: `tweeted @KanoDaily is wrong` reports words.
    let mut at = if word(verb + 1) == "at" {
        verb + 2
    } else {
        verb + 1
    };
    if !tokens.get(at).is_some_and(|t| t.is_punct('@')) {
        return false;
    }
    // The handle's words and underscores run on without spaces (`@jane_doe2`).
    while let (Some(previous), Some(next)) = (tokens.get(at), tokens.get(at + 1)) {
        if next.start != previous.end || !(next.is_word() || next.is_punct('_')) {
            break;
        }
        at += 1;
    }
    at > verb + 1 && tokens.get(at + 1).is_none_or(|t| t.is_punct('.'))
}

/// `She went on: "..."` / `He goes on, "..."`: continuing to speak.
fn went_on(tokens: &[Token], i: usize, verb: &str) -> Option<Cue> {
    if !matches!(verb, "went" | "goes") || tokens.get(i + 1)?.lower() != "on" {
        return None;
    }
    let next = tokens.get(i + 2);
    let opens_speech = next.is_some_and(|n| n.is_punct(':') || n.is_punct(',') || n.quoted);
    // `..., he went on.`: closing a reported clause.
    let closes_clause = next.is_none_or(|n| n.is_punct('.'));
    if !opens_speech && !closes_clause {
        return None;
    }
    let subject_end = skip_auxiliaries_left(tokens, i)?;
    let (mention, start) = subject_ending_at(tokens, subject_end)?;
    let after_comma = start > 0 && tokens[start - 1].is_punct(',');
    if !(opens_speech || after_comma) {
        return None;
    }
    Some(Cue {
        mention,
        form: CueForm::Subject,
        start: tokens[start].start,
        end: tokens[i + 1].end,
    })
}

/// `Okafor's remarks about ...`: the word at `i` follows a possessive, so it is a noun; but
/// `he's said` is `he has said`.
pub fn follows_possessive(tokens: &[Token], i: usize) -> bool {
    i > 0 && tokens[i - 1].is_possessive() && {
        let owner = tokens[i - 1].lower();
        let owner = trim_all_suffixes(trim_all_suffixes(owner, "'s"), "’s");
        !matches!(
            owner,
            "he" | "she" | "it" | "that" | "there" | "who" | "what" | "here"
        )
    }
}

/// `her Harbour Street remarks`, `their Senate comments`: a form that is also a noun (see
/// [`is_noun_too`]) at `i`, after capitalised words that a possessive determiner opens, is
/// the owner's noun, not a verb.
pub fn owned_noun(tokens: &[Token], i: usize) -> bool {
    let mut j = i;
    while j > 0
        && tokens[j - 1].is_word()
        && !tokens[j - 1].quoted
        && tokens[j - 1].is_capitalized()
    {
        j -= 1;
    }
    j < i
        && j > 0
        && is_noun_too(tokens[i].lower())
        && is_possessive_determiner(tokens[j - 1].lower())
}

/// Rules out infinitives, modal and passive uses, and weak verbs without a clause.
fn is_finite_use(tokens: &[Token], i: usize, verb: &str, tag: bool) -> bool {
    let previous: Vec<&str> = tokens[..i].iter().rev().take(3).map(Token::lower).collect();
    let first = previous.first().copied();
    let went_on = first == Some("to") && previous.get(1).copied() == Some("on");
    if went_on {
        return true;
    }
    let blocked = |w: &str| {
        blocks_finite_reading(w)
            || matches!(
                w,
                "will"
                    | "would"
                    | "could"
                    | "should"
                    | "may"
                    | "might"
                    | "must"
                    | "can"
                    | "cannot"
                    | "am"
                    | "shall"
                    | "won't"
                    | "wouldn't"
                    | "not"
                    | "this"
                    | "that"
            )
    };
    // "Okafor's remarks about ...": after a possessive the word is a noun; but "he's said"
    // is "he has said".
    let after_possessive = follows_possessive(tokens, i);
    if first.is_some_and(blocked) || after_possessive {
        return false;
    }
    if previous.get(1).is_some_and(|w| {
        matches!(
            *w,
            "will" | "would" | "could" | "might" | "may" | "be" | "been" | "was" | "were" | "is"
        )
    }) && first.is_some_and(is_auxiliary)
    {
        return false;
    }
    // "Republican claims." / "Okafor super PAC answers Bello ad": a plural noun ends the
    // phrase or goes on as a compound, where a verb would report something.
    let ends_sentence = tokens.get(i + 1).is_none_or(|next| next.is_punct('.'));
    if is_noun_too(verb) && !tag && ends_sentence {
        return false;
    }
    if is_noun_too(verb) && tokens.get(i + 1).is_some_and(starts_noun_phrase_rest) {
        return false;
    }
    if !tag && (!introduces_words(tokens, i, verb) || is_yes_no_question(tokens)) {
        return false;
    }
    if is_weak(verb) && !tag {
        let next = tokens.get(i + 1).map(Token::lower);
        if is_commitment(verb) && next == Some("to") {
            return true;
        }
        let closing = next.is_none_or(|n| n == ".") && reports_clause_before(tokens, i);
        if !closing
            && next.is_none_or(|n| matches!(n, "to" | "in" | "of" | "for" | "." | "," | "on"))
        {
            return false;
        }
    }
    true
}

/// The words of the clause after the verb at `verb`, up to its end (a full stop, a
/// semicolon or a comma) or a quotation.
fn clause_after<'a>(tokens: &'a [Token<'a>], verb: usize) -> &'a [Token<'a>] {
    let rest = &tokens[verb + 1..];
    let end = rest
        .iter()
        .position(|t| t.quoted || matches!(t.text, "." | ";" | "," | ":"))
        .unwrap_or(rest.len());
    &rest[..end]
}

/// `maintains a large lead over Obi`: a determiner or possessive opens a noun phrase, and no
/// auxiliary or `that` in the rest of the clause makes it the subject of a reported clause
/// (`maintained the plan was legal`).
fn holds_plain_object(tokens: &[Token], verb: usize) -> bool {
    let clause = clause_after(tokens, verb);
    let Some(first) = clause.first() else {
        return false;
    };
    let lower = first.lower();
    let determiner =
        is_possessive_determiner(lower) || matches!(lower, "a" | "an" | "the" | "your" | "some");
    determiner
        && !clause
            .iter()
            .any(|t| t.lower() == "that" || is_modal_or_auxiliary(t.lower()))
}

/// `claimed a narrow victory`, `posted an overwhelming win in Iowa`, `claimed the prize.`: the
/// object of the verb at `verb` is a result ([`RESULT_NOUNS`]) within its first few words,
/// ending the clause or followed by a preposition other than `of`, and no `that` or auxiliary
/// opens a reported clause (`claimed the win was stolen`, `claimed a majority of voters backed
/// her`, `claimed the seat belonged to her party` report words).
fn wins_result(tokens: &[Token], verb: usize) -> bool {
    let clause = clause_after(tokens, verb);
    let opens_clause = clause
        .iter()
        .any(|t| t.lower() == "that" || is_modal_or_auxiliary(t.lower()));
    let ends_object = |k: usize| {
        clause
            .get(k + 1)
            .is_none_or(|next| next.lower() != "of" && is_preposition(next.lower()))
    };
    !opens_clause
        && clause
            .iter()
            .take(4)
            .take_while(|t| t.is_lowercase())
            .enumerate()
            .any(|(k, t)| RESULT_NOUNS.contains(t.lower()) && ends_object(k))
}

/// `testified that ...`, `testified: "..."`, `testified about (on) the attack`: words follow the
/// verb at `verb`, right after it or closing its clause; `testified before the panel.`,
/// `testified on Monday` and `testified on behalf of the firm` have none.
fn words_follow(tokens: &[Token], verb: usize) -> bool {
    let clause = clause_after(tokens, verb);
    let stop = verb + 1 + clause.len();
    let opens_words = tokens
        .get(stop)
        .is_some_and(|t| t.quoted || t.is_punct(':'));
    let topic_after_on = |next: Option<&Token>| {
        next.is_some_and(|t| t.is_word() && t.is_lowercase() && t.lower() != "behalf")
    };
    // `before the panel about the attack`, `before Congress that she ...`: a topic or a
    // reported clause may follow where the verb was given; a `that` followed by a verb opens
    // a relative clause instead (`before the committee that oversees ...`).
    let topic_after_place = matches!(clause.first().map(Token::lower), Some("before" | "to"))
        && clause.iter().enumerate().any(|(k, t)| match t.lower() {
            "about" | "whether" => true,
            "that" => clause.get(k + 1).is_some_and(|next| {
                next.is_capitalized() || super::lexicon::pronoun_gender(next.lower()).is_some()
            }),
            _ => false,
        });
    opens_words
        || topic_after_place
        || match clause.first().map(Token::lower) {
            Some("that" | "about" | "whether") => true,
            Some("on") => topic_after_on(clause.get(1)),
            _ => false,
        }
}

/// Whether the verb at `at` (its lower-case form `verb`) introduces words, for every sieve
/// that reads a verb of speech: `He continued, "..."` reports speech, `Okafor continued her
/// romp` does not (a comma, a colon or a quotation must follow); `maintains a large lead`
/// holds a plain object ([`HOLDING_VERBS`]); `testified before the panel` has no words after
/// it ([`TESTIMONY_VERBS`]).
pub fn introduces_words(tokens: &[Token], at: usize, verb: &str) -> bool {
    if matches!(verb, "continue" | "continues" | "continued") {
        return tokens
            .get(at + 1)
            .is_some_and(|next| next.quoted || next.is_punct(',') || next.is_punct(':'));
    }
    !reports_nothing(tokens, at, verb)
}

/// `Did Okafor say that?`, `Will Bello speak?`: a clause (its tokens outside quotations) that
/// opens with an auxiliary or modal and ends with a question mark asks whether someone speaks;
/// it reports nothing. A quoted question (`"Will it pass?" Bello asked`) is left alone.
pub fn is_yes_no_question(tokens: &[Token]) -> bool {
    let mut unquoted = tokens.iter().filter(|t| !t.quoted);
    let opens = unquoted
        .clone()
        .find(|t| t.is_word())
        .is_some_and(|t| is_modal_or_auxiliary(t.lower()) || t.lower() == "do");
    opens && unquoted.next_back().is_some_and(|t| t.is_punct('?'))
}

/// A verb of speech used in another sense, which no sieve may read as a cue, not even a weak
/// one: `maintains a large lead` ([`HOLDING_VERBS`] with a plain object), `testified before
/// the panel` ([`TESTIMONY_VERBS`] with no words after them).
pub fn reports_nothing(tokens: &[Token], at: usize, verb: &str) -> bool {
    WINNING_VERBS.contains(verb) && wins_result(tokens, at)
        || HOLDING_VERBS.contains(verb) && holds_plain_object(tokens, at)
        || TESTIMONY_VERBS.contains(verb) && !words_follow(tokens, at)
        || CALLING_VERBS.contains(verb) && calls_someone(tokens, at)
        || RESPONDING_VERBS.contains(verb) && responds_by_acting(tokens, at)
        || PUBLISHING_VERBS.contains(verb) && publishes_object(tokens, at)
}

/// The token right after the clause that follows the verb at `verb` is a quotation or a
/// colon: the verb's words follow (`called it "reckless"`, `posted: "..."`).
fn quotation_closes_clause(tokens: &[Token], verb: usize) -> bool {
    let stop = verb + 1 + clause_after(tokens, verb).len();
    tokens
        .get(stop)
        .is_some_and(|t| t.quoted || t.is_punct(':'))
}

/// Words of a time that may stand right after a telephone call or its object (`called
/// Tuesday night`, `called last week`).
fn is_time_word(token: &Token) -> bool {
    token.is_word()
        && !token.quoted
        && (is_weekday(token.text)
            || is_time_period(token.lower())
            || matches!(
                token.lower(),
                "last" | "this" | "yesterday" | "today" | "tonight" | "earlier" | "late"
            ))
}

/// Whether the clause ends at token `at`, or goes on with a time, a place or a joined verb,
/// so that no words follow a telephone call (`called both candidates Tuesday night and
/// ...`, `called from the plane`). After a time, `for`, `on` or `to` still report (`called
/// Wednesday for a ban`).
fn ends_call(tokens: &[Token], at: usize) -> bool {
    let mut at = at;
    while tokens.get(at).is_some_and(is_time_word) {
        at += 1;
    }
    let Some(next) = tokens.get(at) else {
        return true;
    };
    if next.quoted {
        return false;
    }
    if next.is_punct(',') {
        return !words_after_inserted_phrase(tokens, at);
    }
    if !next.is_word() {
        return !next.is_punct(':');
    }
    matches!(
        next.lower(),
        "and" | "or" | "but" | "shortly" | "from" | "after" | "during" | "while" | "into" | "back"
    )
}

/// `Okafor called the ruling, in a statement, "a disgrace."`, `called the decision,
/// announced Friday, a betrayal`: after the comma at `comma` an inserted phrase closes with a
/// comma before the sentence ends, and a quotation or `a`/`an` and a noun follow it, so the
/// call goes on to the words. `a few minutes later` is a time, not words.
fn words_after_inserted_phrase(tokens: &[Token], comma: usize) -> bool {
    let Some(close) = tokens
        .iter()
        .enumerate()
        .skip(comma + 1)
        .take_while(|(_, t)| t.quoted || !['.', '?', '!', ';'].iter().any(|&c| t.is_punct(c)))
        .find(|(_, t)| t.is_punct(',') && !t.quoted)
        .map(|(k, _)| k)
    else {
        return false;
    };
    let Some(next) = tokens.get(close + 1) else {
        return false;
    };
    if next.quoted {
        return true;
    }
    matches!(next.lower(), "a" | "an")
        && next.is_word()
        && tokens.get(close + 2).is_some_and(|noun| {
            noun.is_word()
                && !noun.quoted
                && !is_time_word(noun)
                && !matches!(noun.lower(), "few" | "little" | "bit" | "day" | "week")
        })
}

/// `Okafor called Bello, her rival, an "ally"`: the object may carry an apposition between
/// commas, opened by a determiner; returns the index after its closing comma, or `at` when
/// there is none.
fn past_apposition(tokens: &[Token], at: usize) -> usize {
    let opens = tokens.get(at).is_some_and(|t| t.is_punct(','))
        && tokens.get(at + 1).is_some_and(|t| {
            t.is_word()
                && (matches!(t.lower(), "a" | "an" | "the") || is_possessive_determiner(t.lower()))
        });
    if !opens {
        return at;
    }
    (at + 2..tokens.len().min(at + 2 + APPOSITION_CHAIN_REACH))
        .find(|&k| tokens[k].is_punct(',') || tokens[k].is_punct('.') || tokens[k].quoted)
        .filter(|&k| tokens[k].is_punct(','))
        .map_or(at, |k| k + 1)
}

/// `Then Okafor called.`, `Okafor called both candidates Tuesday night`, `a group called
/// Harvest 9,`, `called into a radio show`: the verb at `verb` has no object, or one object (a
/// pronoun, a name, or a noun with at most a determiner) after which the clause ends or
/// goes on with a time, a place or a joined verb. `called for`, `called on X to`, `called
/// the plan a disaster`, `called Obi "a liar"` and `called him to say` report words.
fn calls_someone(tokens: &[Token], verb: usize) -> bool {
    if quotation_closes_clause(tokens, verb) {
        return false;
    }
    let at = verb + 1;
    if ends_call(tokens, at) {
        return true;
    }
    let Some(first) = tokens.get(at).filter(|t| t.is_word()) else {
        return false;
    };
    let lower = first.lower();
    // `called for`, `called on`, `Calls On Bello To Resign` (a headline).
    if matches!(lower, "for" | "on" | "upon" | "out" | "in") {
        return false;
    }
    let object_end = if matches!(lower, "him" | "her" | "them" | "me" | "us" | "it") {
        at + 1
    } else if first.is_capitalized() {
        // A name, which may end in a number (`Harvest 9`).
        let mut k = at + 1;
        while tokens
            .get(k)
            .is_some_and(|t| t.is_word() && !t.quoted && (t.is_capitalized() || is_numeral(t)))
        {
            k += 1;
        }
        k
    } else if is_possessive_determiner(lower)
        || matches!(
            lower,
            "the" | "both" | "all" | "each" | "several" | "two" | "three" | "four" | "five"
        )
    {
        // The determiner and one noun: `both candidates`; `the plan a disaster` goes on.
        at + 2
    } else if first.is_lowercase() {
        // A bare noun: `called superdelegates,`.
        at + 1
    } else {
        return false;
    };
    let object_is_words = tokens[at..object_end.min(tokens.len())]
        .iter()
        .all(|t| t.is_word() && !t.quoted);
    object_is_words && ends_call(tokens, past_apposition(tokens, object_end))
}

/// `responded by easing sanctions`, `Okafor replied enthusiastically by walking out`: after
/// the verb at `verb` (and any adverbs in `-ly`) comes `by` and an act in `-ing` that is no
/// verb of speech (`responded by saying ...` reports words).
fn responds_by_acting(tokens: &[Token], verb: usize) -> bool {
    let mut k = verb + 1;
    while tokens
        .get(k)
        .is_some_and(|t| t.is_word() && !t.quoted && t.lower().ends_with("ly"))
    {
        k += 1;
    }
    if tokens.get(k).is_none_or(|t| t.lower() != "by") {
        return false;
    }
    // `by first saying`: an adverb may stand before the act too.
    k += 1;
    while tokens
        .get(k)
        .is_some_and(|t| t.is_word() && matches!(t.lower(), "first" | "simply" | "again"))
    {
        k += 1;
    }
    tokens.get(k).is_some_and(|act| {
        act.is_word()
            && !act.quoted
            && act.lower().ends_with("ing")
            && !reports_as_gerund(act.lower())
    })
}

/// Whether a form in `-ing` is a verb of speech (`saying`, `noting`, `arguing`, `tweeting`).
fn reports_as_gerund(word: &str) -> bool {
    let Some(stem) = word.strip_suffix("ing") else {
        return false;
    };
    // `admitting`: a doubled last letter, compared and cut by characters, never by bytes
    // (`₂` is E2 82 82, whose last two bytes are equal).
    let mut last = stem.char_indices().rev();
    let doubled = match (last.next(), last.next()) {
        (Some((cut, a)), Some((before, b))) if a == b && before > 0 => {
            is_speech_verb_form(&stem[..cut])
        }
        _ => false,
    };
    is_speech_verb_form(stem)
        || is_speech_verb_form(&format!("{stem}e"))
        || is_speech_verb_form(&format!("{stem}s"))
        || is_speech_verb_form(&format!("{stem}es"))
        || doubled
}

/// A word that starts with a digit (`7`, `5,000` is read from its first part).
fn is_numeral(token: &Token) -> bool {
    token.is_word() && token.text.starts_with(|c: char| c.is_ascii_digit())
}

/// Quantity words that open a count (`more than 500 times`, `dozens of messages`).
fn opens_count(token: &Token) -> bool {
    is_numeral(token)
        || matches!(
            token.lower(),
            "more" | "fewer" | "dozens" | "hundreds" | "thousands" | "millions"
        )
}

/// `posted a video from the rally.`, `has posted more than 500 times`, `posted messages on
/// a forum`, `wrote the preface to a cookbook`, `briefed the harbour board`: the object
/// of the verb at `verb` is a count, or a plain noun phrase (a determiner first, or a bare
/// plural followed by a preposition or the clause's end), and nothing in the rest of the
/// sentence gives the words: no quotation or colon, no `that`, no auxiliary that would open
/// a reported clause (`wrote the plan was legal`) and no verb of speech (`posted a video,
/// saying ...`).
fn publishes_object(tokens: &[Token], verb: usize) -> bool {
    let clause = clause_after(tokens, verb);
    let Some(first) = clause.first() else {
        return false;
    };
    let rest = &tokens[verb + 1..];
    let words_later = rest.iter().any(|t| {
        let lower = t.lower();
        t.quoted
            || t.is_punct(':')
            || lower == "that"
            || (t.is_lowercase() && is_modal_or_auxiliary(lower))
            || is_speech_verb_form(lower)
            || (lower.ends_with("ing") && reports_as_gerund(lower))
    });
    if words_later {
        return false;
    }
    if opens_count(first) {
        return true;
    }
    // `posted the following picture` announces the words; `posted her thanks` are hers.
    let lower = first.lower();
    let bare_plural = first.is_lowercase()
        && lower.ends_with('s')
        && !lower.ends_with("ss")
        && clause
            .get(1)
            .is_none_or(|next| is_preposition(next.lower()));
    let announces = clause.iter().any(|t| t.lower() == "following");
    !announces && (matches!(lower, "a" | "an" | "the" | "some") || bare_plural)
}

/// `..., the Financial Times has reported.`: a weak verb closing the sentence reports the
/// clause before the comma that opens its short subject.
fn reports_clause_before(tokens: &[Token], verb: usize) -> bool {
    let Some(comma) = (verb.saturating_sub(8)..verb)
        .rev()
        .find(|&j| !tokens[j].is_word() || tokens[j].quoted)
    else {
        return false;
    };
    tokens[comma].is_punct(',') && comma >= 3
}

/// Verb forms that are also plural nouns ("the Commons questions session", "his claims
/// process").
fn is_noun_too(verb: &str) -> bool {
    matches!(
        verb,
        "questions"
            | "claims"
            | "reports"
            | "comments"
            | "demands"
            | "fears"
            | "hopes"
            | "estimates"
            | "forecasts"
            | "notes"
            | "states"
            | "remarks"
            | "promises"
            | "pledges"
            | "answers"
            | "briefs"
    )
}

/// A lower-case word that goes on a noun compound rather than opening a clause or an object.
fn starts_noun_phrase_rest(next: &Token) -> bool {
    let lower = next.lower();
    next.is_word()
        && !next.quoted
        && next.is_lowercase()
        && !lower.ends_with("ly")
        && !matches!(
            lower,
            "that"
                | "the"
                | "a"
                | "an"
                | "this"
                | "these"
                | "those"
                | "it"
                | "he"
                | "she"
                | "they"
                | "we"
                | "there"
                | "his"
                | "her"
                | "its"
                | "their"
                | "our"
                | "whether"
                | "how"
                | "why"
                | "what"
                | "to"
                | "in"
                | "on"
                | "of"
                | "about"
                | "for"
                | "with"
                | "against"
                | "over"
                | "not"
                | "some"
                | "many"
                | "all"
        )
}

/// `"...," said X` and `..., said X.`: the verb right after a comma or quotation, followed by
/// a name that closes the clause.
fn inverted(tokens: &[Token], verb: usize, verb_end: usize) -> Option<Cue> {
    // `Said Okafor, "..."`: the verb may open the sentence.
    let before = verb.checked_sub(1).map(|i| &tokens[i]);
    let after_quote = before.is_some_and(|b| b.quoted);
    let after_comma = before.is_none_or(|b| b.is_punct(',') || b.quoted);
    let lower = tokens[verb].lower();
    // Right after a quotation any verb of speaking may put its speaker after it ("...,"
    // stated Roman Adeyemi; "...?" reacted Okafor.); elsewhere only those that usually do.
    let inverts_here = inverts(lower)
        || (after_quote
            && (TAG_VERBS.contains(lower)
                || is_speech_verb_form(lower)
                || is_unlisted_tag_verb(tokens, verb, lower)));
    if !after_comma || !inverts_here {
        return None;
    }
    // `Said Okafor, "..."`: a verb opening the sentence puts its speaker after it only before
    // the words said; `Declared 2016 Presidential Candidates` is a heading.
    if before.is_none() && !tokens.iter().any(|t| t.quoted || t.is_punct(':')) {
        return None;
    }
    let read = phrase_after(tokens, verb_end + 1).filter(|(mention, end)| {
        let closes = tokens.get(end + 1).is_none_or(|t| {
            !t.is_word() || t.quoted || matches!(t.lower(), "at" | "of" | "from" | "with" | "in")
        });
        closes && !matches!(mention, Mention::Other | Mention::It)
    });
    let (mention, end) = read
        .clone()
        .filter(|(mention, _)| matches!(mention, Mention::Person { .. }))
        .or_else(|| name_after_description(tokens, verb_end + 1))
        .or(read)
        .or_else(|| name_closing_phrase(tokens, verb_end + 1))?;
    // `X, who ..., said Mr Y "should go"`: after a plain comma, a name followed by a quotation
    // is what X said about Y, not Y speaking.
    let quote_follows = tokens.get(end + 1).is_some_and(|t| t.quoted);
    if before.is_some_and(|b| b.is_punct(',') && !b.quoted) && quote_follows {
        return None;
    }
    Some(Cue {
        mention,
        form: CueForm::Inverted,
        start: tokens[verb].start,
        end: tokens[end].end,
    })
}

/// `said another Twitter user, Johanna Mensah` / `said Okafor's deputy campaign manager, Rich
/// Adeyemi, who ...`: a short description, a comma, then the full name it describes.
fn name_after_description(tokens: &[Token], start: usize) -> Option<(Mention, usize)> {
    let comma = (start..tokens.len().min(start + 8))
        .find(|&j| !tokens[j].is_word() || tokens[j].quoted)
        .filter(|&j| j > start && tokens[j].is_punct(',') && !tokens[j].quoted)?;
    let (mention, end) = phrase_after(tokens, comma + 1)?;
    let full_name = matches!(&mention, Mention::Person { name, .. } if !name.given.is_empty());
    // `said another advocate, Emeka Obi of the law firm Obi Partners`: an affiliation may
    // follow the name, as after the verb itself.
    let closes = tokens.get(end + 1).is_none_or(|t| {
        !t.is_word() || t.quoted || matches!(t.lower(), "at" | "of" | "from" | "with" | "in")
    });
    (full_name && closes).then_some((mention, end))
}

/// `Mr. Smith shot back: "..."`, `fired back`, `hit back`: a retort, before a colon or a
/// quotation (`hit back at critics` alone is no speech).
fn is_retort(tokens: &[Token], i: usize, verb: &str) -> bool {
    let back = tokens.get(i + 1).is_some_and(|t| t.lower() == "back");
    let then_words = tokens
        .get(i + 2)
        .is_some_and(|t| t.is_punct(':') || t.is_punct(',') || t.quoted);
    matches!(verb, "shot" | "shoots" | "fired" | "fires" | "hit" | "hits") && back && then_words
}

/// `"...," Oliver barked.` / `"...?" reacted Okafor.`: a past-tense verb that closes the
/// sentence right after a quotation ending in a comma, question or exclamation mark (or stands
/// right after it, the name closing the sentence) is that quotation's tag, whether or not a
/// word list knows the verb. (The subject between the two is checked by the caller.)
fn is_unlisted_tag_verb(tokens: &[Token], i: usize, verb: &str) -> bool {
    let closes = tokens
        .get(i + 1)
        .is_none_or(|next| next.is_punct('.') || next.is_punct(','));
    let quotation_wants_tag = tokens[..i]
        .iter()
        .rev()
        .skip_while(|t| !t.quoted)
        .find(|t| t.is_word() || t.is_punct(',') || t.is_punct('?') || t.is_punct('!'))
        .is_some_and(|t| !t.is_word());
    // `Okafor resisted: "..."`: the same verb introducing a quotation after a colon.
    let introduces = tokens
        .get(i + 1)
        .is_some_and(|t| t.is_punct(':') && !t.quoted)
        && tokens.get(i + 2).is_some_and(|t| t.quoted);
    // `"...?" reacted Okafor.`: the verb right after the closing mark, a name closing the
    // sentence after it.
    let inverted = i > 0
        && tokens[i - 1].quoted
        && !tokens[i - 1].is_word()
        && quotation_wants_tag
        && matches!(
            phrase_after(tokens, i + 1),
            Some((Mention::Person { .. } | Mention::Bare(_), end))
                if tokens.get(end + 1).is_none_or(|t| t.is_punct('.'))
        );
    verb.ends_with("ed")
        && verb.len() > 4
        && (closes && quotation_wants_tag || introduces || inverted)
}

/// The verb at `i` follows a quotation's closing mark, directly or after a short subject
/// (`"...," said X`, `"...," Gorka urged`, `"...?" the senator asked`): the tag position.
fn quote_tag_position(tokens: &[Token], i: usize) -> bool {
    // `Mr. Okafor yelled, "Out, out!"`: the verb right before a quotation it introduces.
    let introduces = tokens
        .get(i + 1)
        .is_some_and(|t| !t.quoted && (t.is_punct(',') || t.is_punct(':')))
        && tokens.get(i + 2).is_some_and(|t| t.quoted);
    if introduces {
        return true;
    }
    let mut k = i;
    for _ in 0..=6 {
        let Some(previous) = k.checked_sub(1) else {
            return false;
        };
        let token = &tokens[previous];
        if token.quoted {
            return !token.is_word();
        }
        let inside_subject = token.is_word() || token.is_punct('.');
        if !inside_subject {
            return false;
        }
        k = previous;
    }
    false
}

/// `said former Okafor adviser Tunde Bello, who ...`: the phrase after an inverted verb runs
/// to the end of its clause (a comma, bracket, quotation, relative pronoun or preposition);
/// when a capitalised name closes it, that name (with the words before it as its role) is the
/// speaker. `said an Okafor aide` is not a name: the phrase ends in a common noun.
fn name_closing_phrase(tokens: &[Token], start: usize) -> Option<(Mention, usize)> {
    let mut end = start;
    while let Some(token) = tokens.get(end) {
        if token.quoted || end - start >= 12 {
            break;
        }
        if token.is_word() {
            if CLAUSE_ENDERS.contains(&token.lower()) {
                break;
            }
        } else if token.is_punct('.') {
            // A dot after a title or an initial ("Sen. Richard", "John D. Podesta") stays.
            let abbreviation = end > start
                && tokens[end - 1].is_capitalized()
                && tokens[end - 1].text.chars().count() <= 4
                && tokens
                    .get(end + 1)
                    .is_some_and(|n| n.is_word() && n.is_capitalized());
            if !abbreviation {
                break;
            }
        } else {
            break;
        }
        end += 1;
    }
    let last = end.checked_sub(1).filter(|&last| last >= start)?;
    let closing = &tokens[last];
    if !closing.is_word() || !closing.is_capitalized() || super::lexicon::is_not_name(closing.text)
    {
        return None;
    }
    // `Guy Oduya, the union's organiser, said the union might print leaflets about Mr. X`: a
    // modal, an auxiliary or a possessive inside the phrase makes it the reported clause,
    // not a description of who speaks.
    let clause = tokens[start..=last].iter().enumerate().any(|(i, t)| {
        let lower = t.lower();
        t.is_word()
            && t.is_lowercase()
            && (is_modal_or_auxiliary(lower) || i > 0 && is_possessive_determiner(lower))
    });
    if clause {
        return None;
    }
    match phrase_before(tokens, last)? {
        (person @ Mention::Person { .. }, _) => Some((person, last)),
        _ => None,
    }
}

/// Words that end the phrase naming a speaker after an inverted verb.
const CLAUSE_ENDERS: &[&str] = &[
    "who", "whose", "which", "that", "of", "from", "at", "in", "for", "with", "on", "to", "after",
    "before", "during", "when", "as", "about", "while", "because",
];

/// Verbs that put their speaker after them (`said Mr Thomas`); transitive ones such as `told`
/// take an object there instead.
fn inverts(verb: &str) -> bool {
    matches!(
        verb,
        "said"
            | "says"
            | "added"
            | "adds"
            | "asked"
            | "asks"
            | "continued"
            | "explained"
            | "insisted"
            | "warned"
            | "noted"
            | "stressed"
            | "wrote"
            | "argued"
            | "argues"
            | "claimed"
            | "concluded"
            | "replied"
            | "recalled"
            | "observed"
            | "remarked"
            | "acknowledged"
            | "admitted"
            | "declared"
            | "conceded"
            | "suggested"
            | "quipped"
            | "retorted"
            | "warns"
            | "notes"
            | "stresses"
            | "insists"
            | "explains"
            | "writes"
            | "answered"
            | "commented"
            | "maintained"
            | "maintains"
            | "predicted"
            | "predicts"
    )
}

/// The index of the word just before the verb once auxiliaries and adverbs are skipped.
fn skip_auxiliaries_left(tokens: &[Token], verb: usize) -> Option<usize> {
    let mut k = verb.checked_sub(1)?;
    loop {
        let token = &tokens[k];
        let lower = token.lower();
        let went_on = lower == "to"
            && k >= 2
            && tokens[k - 1].lower() == "on"
            && matches!(tokens[k - 2].lower(), "went" | "goes" | "go");
        if went_on {
            k = k.checked_sub(3)?;
            continue;
        }
        let adverb =
            token.is_word() && token.is_lowercase() && lower.ends_with("ly") && lower.len() > 4;
        if token.is_word() && !token.quoted && (is_auxiliary(lower) || adverb) {
            k = k.checked_sub(1)?;
            continue;
        }
        if let Some(before) = time_phrase_start(tokens, k) {
            k = before.checked_sub(1)?;
            continue;
        }
        return Some(k);
    }
}

/// `Okafor (D-Lagos) last week said`, `Okafor on Monday said`: a
/// time phrase between the subject and its verb, ending at token `k`; gives where it starts.
fn time_phrase_start(tokens: &[Token], k: usize) -> Option<usize> {
    let token = &tokens[k];
    if token.quoted || !token.is_word() {
        return None;
    }
    let weekday = is_weekday(token.text);
    let period = is_time_period(token.lower());
    let previous = k.checked_sub(1).map(|j| tokens[j].lower());
    // `on Monday`; a bare weekday may close a name (`Super Tuesday results`).
    if weekday && previous == Some("on") {
        return Some(k - 1);
    }
    (period
        && matches!(
            previous,
            Some("last" | "this" | "that" | "earlier" | "next")
        ))
    .then(|| k - 1)
}

/// The subject phrase that ends at token `k`, looking past an apposition between commas
/// (`David Frost, director general of the chambers, warned`).
fn subject_ending_at(tokens: &[Token], k: usize) -> Option<(Mention, usize)> {
    let token = &tokens[k];
    if !token.quoted && token.lower() == "and" {
        return shared_subject(tokens, k);
    }
    if let Some(found) = relative_antecedent(tokens, k).or_else(|| dashed_subject(tokens, k)) {
        return Some(found);
    }
    if !token.is_punct(',') {
        let Some((mention, start)) = phrase_before(tokens, k) else {
            return subject_before_modifier(tokens, k);
        };
        if let Some(person) = affiliated_speaker(tokens, &mention, start) {
            return Some(person);
        }
        if inside_relative_clause(tokens, start) || object_of_proximity(tokens, start) {
            return None;
        }
        if let Some(first) = first_conjunct(tokens, &mention, start) {
            return Some(first);
        }
        // `Anthony Anton, president and CEO of the Restaurant Association stated`: a phrase
        // that names no person, right after a comma, closes appositions of the person who
        // opens the clause.
        if !names_person(&mention) {
            if let Some(head) = apposition_before(tokens, start)
                .and_then(|comma| apposition_chain_head(tokens, comma))
            {
                return Some(head);
            }
        }
        return Some((mention, start));
    }
    if let Some(head) = relative_clause_head(tokens, k) {
        return Some(head);
    }
    let open = (k.saturating_sub(40)..k)
        .rev()
        .find(|&j| tokens[j].is_punct(',') || tokens[j].quoted || tokens[j].is_punct('.'));
    let Some(open) = open.filter(|&open| tokens[open].is_punct(',')) else {
        return apposition_chain_head(tokens, k);
    };
    if let Some((inner, start)) = phrase_before(tokens, k - 1) {
        let is_name = matches!(inner, Mention::Person { .. } | Mention::Bare(_));
        if is_name && start == open + 1 {
            // "Mr Jones, MP for Henley, Oxfordshire, said": a lone word between commas is a
            // place or an affiliation when a person heads the chain.
            if matches!(inner, Mention::Bare(_)) {
                if let Some(person @ (Mention::Person { .. }, _)) =
                    subject_before_appositions(tokens, open, 3)
                {
                    return Some(person);
                }
            }
            // `Okafor, at a school fair in Caddo Falls, Iowa, said`: a place closing the
            // appositions is where, not who.
            let place = matches!(&inner, Mention::Bare(word) if super::lexicon::is_place(word));
            if !place {
                return Some((inner, start));
            }
        }
    }
    let found =
        subject_before_appositions(tokens, open, 4).or_else(|| described_name(tokens, open, k));
    // `Mr. Slinker, whose start-up, Paradata, uses big data, said`: a person's full or
    // titled name opening the clause outranks a surname, a place or an organisation that the
    // appositions name.
    match found {
        Some((Mention::Person { .. } | Mention::Pronoun(..), _)) => found,
        _ => apposition_chain_head(tokens, k).or(found),
    }
}

/// How many lower-case words an apposition may hold before the organisation that closes it.
const APPOSITION_WORDS: usize = 8;

/// `Okafor flew to the port town of Warri on Monday and described ...`: a verb after `and`
/// shares the subject that opens its clause; the names between are objects and places.
/// `and` indexes the conjunction. The clause opens after the last quotation, colon,
/// semicolon or dash, or after the comma closing an introductory phrase (`On Monday, ...`).
fn shared_subject(tokens: &[Token], and: usize) -> Option<(Mention, usize)> {
    // `with speeches and promises`: a verb form that is also a noun after `and` goes on a
    // list of things.
    if tokens.get(and + 1).is_some_and(|t| is_noun_too(t.lower())) {
        return None;
    }
    let open = tokens[..and]
        .iter()
        .rposition(|t| t.quoted || matches!(t.text, ";" | ":") || is_dash(t))
        .map_or(0, |j| j + 1);
    let after_comma = (open..and)
        .find(|&j| tokens[j].is_punct(','))
        .map(|comma| comma + 1);
    [Some(open), after_comma]
        .into_iter()
        .flatten()
        .find_map(|start| {
            let (mention, end) = phrase_after(tokens, start)?;
            let verb = tokens.get(end + 1).filter(|t| t.is_word() && !t.quoted)?;
            let verb = verb.lower();
            // The phrase is the clause's subject when a finite verb follows it. A lone
            // capitalised word opening the sentence may be any word (`Walking to`, `Eight
            // years`): it needs a past form or an auxiliary after it, not a word in `-s`.
            let finite = is_modal_or_auxiliary(verb) || is_finite_form(verb);
            let subject = match mention {
                Mention::Person { .. } | Mention::Pronoun(..) => finite,
                Mention::Bare(ref word) => {
                    finite
                        && (is_modal_or_auxiliary(verb) || !verb.ends_with('s'))
                        && !super::lexicon::is_place(word)
                }
                _ => false,
            };
            (end < and && subject).then_some((mention, start))
        })
}

/// The comma that opens the apposition holding the phrase at `start`: right before it, or
/// before a few lower-case words (`, president and CEO of the association`).
fn apposition_before(tokens: &[Token], start: usize) -> Option<usize> {
    // `, the communications director for the Farmers Union said`: up to eight words.
    let comma = (start.saturating_sub(APPOSITION_WORDS)..start)
        .rev()
        .find(|&j| !tokens[j].is_word() || tokens[j].quoted)?;
    let descriptors = &tokens[comma + 1..start];
    let plain = descriptors.iter().all(|t| t.is_lowercase());
    (tokens[comma].is_punct(',') && !tokens[comma].quoted && plain).then_some(comma)
}

/// Whether a mention can only be a person: a name with a given name or a title, or a
/// surname that is no place.
fn names_person(mention: &Mention) -> bool {
    match mention {
        Mention::Person { .. } | Mention::Pronoun(..) => true,
        Mention::Bare(word) => !super::lexicon::is_place(word),
        _ => false,
    }
}

/// `Mirela Dovan, 58, a retired school bus driver from Quarrydale, Pa., said`:
/// however many appositions follow it, a person's full name that opens the clause (the
/// sentence, or what follows a quotation) and is followed by a comma heads them.
fn apposition_chain_head(tokens: &[Token], comma: usize) -> Option<(Mention, usize)> {
    let mut start = tokens[..comma]
        .iter()
        .rposition(|t| t.quoted)
        .map_or(0, |quote| quote + 1);
    if tokens[start].is_punct(',') {
        start += 1;
    }
    if comma.saturating_sub(start) > APPOSITION_CHAIN_REACH {
        return None;
    }
    let (mention, end) = phrase_after(tokens, start)?;
    let full_name = matches!(
        &mention,
        Mention::Person { name, .. } if !name.given.is_empty() || name.title.is_some()
    );
    // The name must open the clause (`A copy of the notice went to Kofi Mensah, the
    // men's solicitor says` names Mensah as no subject): before it only capitalised words,
    // titles and roles (`former`, `chief`).
    let opens = tokens[start..end].iter().all(|t| {
        t.is_punct('.')
            || t.is_word()
                && (t.is_capitalized()
                    || super::lexicon::is_role_word(t.lower())
                    || matches!(t.lower(), "the" | "former" | "of" | "from"))
    });
    (full_name && opens && end < comma && closes_name(tokens, end + 1, comma))
        .then_some((mention, start))
}

/// Whether the name ending before token `at` is followed by a comma, or by a short
/// `of`/`from` place first (`Lena Pruitt of Marlow, North Dakota, says`), before `comma`.
fn closes_name(tokens: &[Token], at: usize, comma: usize) -> bool {
    if tokens[at].is_punct(',') {
        return true;
    }
    let Some(next_comma) = (at..=comma).find(|&j| tokens[j].is_punct(',')) else {
        return false;
    };
    matches!(tokens[at].lower(), "of" | "from")
        && next_comma - at <= 4
        && tokens[at + 1..next_comma]
            .iter()
            .all(|t| t.is_word() && t.is_capitalized() && !t.quoted)
}

/// How many tokens a chain of appositions may hold between a name and its verb.
const APPOSITION_CHAIN_REACH: usize = 48;

/// `Ines Varga of the Harlow Policy Institute wrote`: the person before an organisation they
/// belong to (`of`, `at`, `from`, with or without `the`) speaks, not the organisation.
fn affiliated_speaker(
    tokens: &[Token],
    mention: &Mention,
    start: usize,
) -> Option<(Mention, usize)> {
    // `Lee Wang of The Intercept asked`: a one-word organisation reads as a bare name; `Bishop
    // Ada Obi of the Anglican Diocese told`: a run the lexicon cannot place reads as a
    // person's name, but no person's name follows `of the`.
    let named = matches!(mention, Mention::Person { .. });
    if !named && !matches!(mention, Mention::Org(_) | Mention::Bare(_)) {
        return None;
    }
    let mut k = start.checked_sub(1)?;
    // `at the now-defunct National Review`: up to two lower-case modifiers, then `the`.
    for _ in 0..2 {
        let modifier = tokens[k].is_word()
            && !tokens[k].quoted
            && tokens[k].is_lowercase()
            && !matches!(tokens[k].lower(), "the" | "of" | "at" | "from" | "and")
            && !is_preposition(tokens[k].lower());
        if !modifier || k == 0 {
            break;
        }
        k -= 1;
    }
    let the = tokens[k].lower() == "the";
    if the {
        k = k.checked_sub(1)?;
    }
    if named && !(the && start == k + 2) {
        return None;
    }
    let link = &tokens[k];
    if link.quoted || !matches!(link.text, "of" | "at" | "from") {
        return coordinated_person(tokens, mention, k);
    }
    match phrase_before(tokens, k.checked_sub(1)?)? {
        found @ (Mention::Person { .. }, _) => Some(found),
        _ => None,
    }
}

/// `Ada Okafor and Ngozi Bello announced`, `Okafor, Kano's Emeka Obi and Tunde Bakare
/// argued`: of people named together as the subject, the first speaks for the record (one
/// speaker a passage; the one a reader meets first). Only when the first name opens the
/// clause: in `Bello praised Okafor and Obi said` the name before `and` is an object.
fn first_conjunct(tokens: &[Token], mention: &Mention, start: usize) -> Option<(Mention, usize)> {
    let is_name = |m: &Mention| match m {
        Mention::Person { .. } => true,
        Mention::Bare(word) => !super::lexicon::is_place(word),
        _ => false,
    };
    if !is_name(mention) {
        return None;
    }
    let mut at = owner_before(tokens, start);
    let mut first = None;
    while let Some(link) = at.checked_sub(1) {
        let word = &tokens[link];
        let joins = !word.quoted
            && if first.is_none() {
                word.lower() == "and"
            } else {
                word.is_punct(',')
            };
        if !joins {
            break;
        }
        // The serial comma: `A, B, and C`.
        let mut end = link.checked_sub(1)?;
        if first.is_none() && tokens[end].is_punct(',') {
            end = end.checked_sub(1)?;
        }
        let Some((found, found_start)) = phrase_before(tokens, end) else {
            break;
        };
        if !is_name(&found) {
            break;
        }
        at = owner_before(tokens, found_start);
        first = Some((found, found_start, at));
    }
    let (found, found_start, opening) = first?;
    let opens_clause = opening == 0 || {
        let before = &tokens[opening - 1];
        before.quoted
            || !before.is_word()
            || matches!(
                before.lower(),
                "as" | "when"
                    | "while"
                    | "but"
                    | "after"
                    | "because"
                    | "since"
                    | "though"
                    | "although"
            )
    };
    opens_clause.then_some((found, found_start))
}

/// Where a name's phrase starts once a capitalised owner before it is taken in (`Reuters'
/// Lopez`, `Kano's Emeka Obi`): a name after an owner is still a conjunct of the list.
fn owner_before(tokens: &[Token], start: usize) -> usize {
    let owner = start.checked_sub(1).map(|j| &tokens[j]).is_some_and(|t| {
        t.is_word()
            && !t.quoted
            && t.is_capitalized()
            && (t.is_possessive() || t.text.ends_with('\'') || t.text.ends_with('’'))
    });
    if owner {
        start - 1
    } else {
        start
    }
}

/// `Okafor and the State Department have said`: of a person and an organisation who speak
/// together, the person is the speaker newsdex records. `link` indexes the word before the
/// organisation (and its `the`).
fn coordinated_person(
    tokens: &[Token],
    mention: &Mention,
    link: usize,
) -> Option<(Mention, usize)> {
    if !matches!(mention, Mention::Org(_)) || tokens[link].quoted || tokens[link].lower() != "and" {
        return None;
    }
    match phrase_before(tokens, link.checked_sub(1)?)? {
        found @ (Mention::Person { .. } | Mention::Bare(_), start)
            if !after_preposition(tokens, start) =>
        {
            Some(found)
        }
        _ => None,
    }
}

/// `One of the bidders, Dutch-based group LNM, said`: a name after a few lower-case
/// descriptive words, between commas, when the phrase before the commas names nobody.
fn described_name(tokens: &[Token], open: usize, close: usize) -> Option<(Mention, usize)> {
    let (inner, start) = phrase_before(tokens, close.checked_sub(1)?)?;
    if !matches!(inner, Mention::Person { .. } | Mention::Org(_)) || start <= open {
        return None;
    }
    let descriptors = &tokens[open + 1..start];
    let plain = descriptors.len() <= 4
        && descriptors.iter().all(|t| {
            let descriptive = t.is_lowercase()
                || t.text.contains('-')
                || super::lexicon::nationality(t.text).is_some();
            t.is_word() && !t.quoted && descriptive && !is_preposition(t.lower())
        });
    plain.then_some((inner, start))
}

/// `... rejected by Mr Lund, who said: "..."`: a person named right before `who` is the one
/// who speaks.
fn relative_antecedent(tokens: &[Token], k: usize) -> Option<(Mention, usize)> {
    let token = &tokens[k];
    if token.quoted || token.lower() != "who" {
        return None;
    }
    let mut j = k.checked_sub(1)?;
    if tokens[j].is_punct(',') {
        j = j.checked_sub(1)?;
    }
    let found = phrase_before(tokens, j)?;
    // `Mr. Bakare, a farmer who calls himself ...`, `Kemi Bakare, a chemistry
    // lecturer at the Polytechnic of X who once argued`: a relative clause inside an
    // apposition describes the person the apposition describes.
    if let Some(comma) = apposition_holding(tokens, found.1) {
        return apposition_chain_head(tokens, comma);
    }
    match found {
        found @ (Mention::Person { .. } | Mention::Bare(_) | Mention::Role(_), _) => Some(found),
        _ => None,
    }
}

/// The comma opening an apposition (`, a Republican`, `, an economics professor at`) that
/// holds the phrase starting at token `start`: the comma's next word is an article, and only
/// unquoted words stand between.
fn apposition_holding(tokens: &[Token], start: usize) -> Option<usize> {
    let comma = (start.saturating_sub(12)..start)
        .rev()
        .find(|&j| !tokens[j].is_word() || tokens[j].quoted)?;
    let opens = tokens[comma].is_punct(',')
        && !tokens[comma].quoted
        && tokens
            .get(comma + 1)
            .is_some_and(|t| matches!(t.lower(), "a" | "an" | "the"));
    opens.then_some(comma)
}

fn is_dash(token: &Token) -> bool {
    !token.quoted && matches!(token.text, "-" | "–" | "—")
}

/// `Mr Yushchenko - keen to reassure investors - had said ...`: the subject before an aside
/// between dashes.
fn dashed_subject(tokens: &[Token], k: usize) -> Option<(Mention, usize)> {
    if !is_dash(&tokens[k]) {
        return None;
    }
    let open = (k.saturating_sub(16)..k)
        .rev()
        .take_while(|&j| !tokens[j].quoted && !tokens[j].is_punct('.'))
        .find(|&j| is_dash(&tokens[j]))?;
    match phrase_before(tokens, open.checked_sub(1)?)? {
        found @ (Mention::Person { .. } | Mention::Bare(_) | Mention::Org(_), start) => {
            let after_preposition = start > 0
                && tokens[start - 1].is_word()
                && is_preposition(tokens[start - 1].lower());
            (!after_preposition).then_some(found)
        }
        _ => None,
    }
}

/// `A Harbour Board review of the 12 oldest piers says`: the subject is the
/// named phrase before a short prepositional modifier.
fn subject_before_modifier(tokens: &[Token], k: usize) -> Option<(Mention, usize)> {
    let preposition = (k.saturating_sub(8)..k)
        .rev()
        .find(|&j| tokens[j].is_word() && matches!(tokens[j].lower(), "on" | "into" | "about"))?;
    if tokens[preposition..=k]
        .iter()
        .any(|t| !t.is_word() || t.quoted || is_speech_verb_form(t.lower()))
    {
        return None;
    }
    match phrase_before(tokens, preposition.checked_sub(1)?)? {
        found @ (Mention::Org(_) | Mention::Person { .. }, _) => Some(found),
        _ => None,
    }
}

/// Walks back over comma-separated appositions ("Mr Dallow, 41, from Ashgrove, Kent, said")
/// to the phrase they describe; places and numbers between commas are skipped.
fn subject_before_appositions(
    tokens: &[Token],
    comma: usize,
    tries: usize,
) -> Option<(Mention, usize)> {
    let found = phrase_before(tokens, comma.checked_sub(1)?)
        .filter(|(_, start)| !after_preposition(tokens, *start));
    match found {
        Some((Mention::Person { .. } | Mention::Org(_) | Mention::Pronoun(..), _)) => found,
        Some((Mention::Bare(ref word), _))
            if !super::lexicon::is_place(word) && !is_party_tag(word) =>
        {
            found
        }
        _ if tries > 1 => {
            let previous = (comma.saturating_sub(12)..comma).rev().find(|&j| {
                tokens[j].is_punct(',') || tokens[j].quoted || tokens[j].is_punct('.')
            })?;
            if tokens[previous].is_punct(',') {
                subject_before_appositions(tokens, previous, tries - 1)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// `Okafor, who backed Sen. Ada Bello, R-Lagos, and opposed the plan, last week said`: the
/// name opening the clause before `, who` speaks, however many commas the relative clause
/// holds before the one at `comma` that closes it; the names inside are its objects.
fn relative_clause_head(tokens: &[Token], comma: usize) -> Option<(Mention, usize)> {
    let from = comma.saturating_sub(APPOSITION_CHAIN_REACH);
    let who = (from..comma).find(|&j| {
        !tokens[j].quoted
            && matches!(tokens[j].lower(), "who" | "whose")
            && j >= 2
            && tokens[j - 1].is_punct(',')
            && !tokens[j - 1].quoted
    })?;
    // Nothing may end the sentence or open a quotation between.
    if tokens[who..comma]
        .iter()
        .any(|t| t.quoted || matches!(t.text, "." | ";" | ":"))
    {
        return None;
    }
    let (mention, start) = phrase_before(tokens, who - 2)?;
    let opens = start == 0 || {
        let before = &tokens[start - 1];
        before.quoted || !before.is_word()
    };
    (opens && names_person(&mention)).then_some((mention, start))
}

/// `R-Texas`, `D-N.C.`, `I-Vt`: a party and state tag written between commas after a
/// lawmaker's name; it belongs to that person and never speaks.
fn is_party_tag(word: &str) -> bool {
    let mut chars = word.chars();
    matches!(chars.next(), Some('R' | 'D' | 'I'))
        && chars.next() == Some('-')
        && chars.next().is_some_and(char::is_uppercase)
}

/// The phrase starting at `start` follows a preposition, a determiner allowing ("the chairman
/// of the Police Federation, ..., said": the federation is not the subject).
fn after_preposition(tokens: &[Token], start: usize) -> bool {
    let mut j = start;
    while j > 0 && matches!(tokens[j - 1].lower(), "the" | "a" | "an") {
        j -= 1;
    }
    j > 0 && tokens[j - 1].is_word() && is_preposition(tokens[j - 1].lower())
}

/// Words that make the phrase after them a place or an object, not a speaker.
fn is_preposition(word: &str) -> bool {
    PHRASE_PREPOSITIONS.contains(word)
}

/// `a source close to the firm said`: the phrase is the object of "to", "with" or "than"; the
/// one who speaks is unnamed.
fn object_of_proximity(tokens: &[Token], start: usize) -> bool {
    let mut j = start;
    while j > 0 && matches!(tokens[j - 1].lower(), "the" | "a" | "an") {
        j -= 1;
    }
    j > 0 && matches!(tokens[j - 1].lower(), "to" | "with" | "than")
}

/// A phrase that is the object inside "who had represented Mr Martin" is no subject; right
/// after the relative pronoun it is the relative clause's own subject (`which Mr. Okafor
/// called "a disgrace"`), who speaks.
fn inside_relative_clause(tokens: &[Token], start: usize) -> bool {
    let mut before = tokens[..start]
        .iter()
        .rev()
        .take(6)
        .take_while(|t| t.is_word() && !t.quoted)
        .map(Token::lower);
    let opens_clause = |w: &str| matches!(w, "who" | "whom" | "which");
    if before.clone().next().is_some_and(opens_clause) {
        return false;
    }
    before.any(|w| opens_clause(w) || w == "whose")
}

/// Most lower-case words between a claim's owner and its noun (`recent evidence-free`).
const CLAIM_MODIFIERS: usize = 3;

/// `Okafor's claim that taxes rose is false.`, `For example, Mr. Obi's recent assertion that
/// ...`, `His promise to cut taxes won votes.`: a sentence whose subject is a person's claim
/// ([`CLAIM_NOUNS`]) followed by the words claimed (`that`, `to` and a verb, `about`, `on`,
/// `for`, a colon or a quotation) cites its owner. The weakest cue: the caller asks for it only
/// when no other sieve found one, since `Ruiz mocked Okafor's claim that ...` cites Ruiz.
/// An owner inside the sentence (`a dig at Okafor's claim that`) is not taken; nor is a claim
/// with a plain object (`Okafor's claim to the nomination`).
pub fn claim_owner(tokens: &[Token]) -> Option<Cue> {
    let tokens = &tokens[dateline_end(tokens).unwrap_or(0)..];
    claim_subject_starts(tokens)
        .into_iter()
        .find_map(|start| claim_at(tokens, start))
}

/// The claim cue whose owner opens at token `start`, if the words there read as one.
fn claim_at(tokens: &[Token], start: usize) -> Option<Cue> {
    let first = tokens.get(start)?;
    if first.quoted || !first.is_word() {
        return None;
    }
    // The owner: `his` or `her`, or a run of capitalised words ending in a possessive.
    let (mention, owner) = match first.lower() {
        "his" => (
            Mention::Pronoun(Gender::Male, first.text.to_string()),
            start,
        ),
        "her" => (
            Mention::Pronoun(Gender::Female, first.text.to_string()),
            start,
        ),
        _ => {
            let owner = (start..tokens.len().min(start + 5))
                .take_while(|&k| {
                    tokens[k].is_word() && !tokens[k].quoted && tokens[k].is_capitalized()
                })
                .find(|&k| tokens[k].is_possessive())?;
            let (mention, from) = possessive_owner(&tokens[start..=owner])?;
            if from != 0 || !matches!(mention, Mention::Person { .. } | Mention::Bare(_)) {
                return None;
            }
            (mention, owner)
        }
    };
    // Up to a few lower-case modifiers, then the noun. A plural noun among the modifiers is
    // the owner's own head (`Obi's supporters claim that ...` cites them).
    let noun = (owner + 1..tokens.len().min(owner + 2 + CLAIM_MODIFIERS))
        .take_while(|&k| tokens[k].is_word() && !tokens[k].quoted && tokens[k].is_lowercase())
        .find(|&k| CLAIM_NOUNS.contains(tokens[k].lower()))?;
    let heads_before = tokens[owner + 1..noun].iter().any(|t| {
        let lower = t.lower();
        lower.ends_with('s') && !lower.ends_with("ous") && !lower.ends_with("ss")
    });
    if heads_before {
        return None;
    }
    let next = tokens.get(noun + 1)?;
    // `Okafor's view is that taxes rose`, `Her response was: "No."`: the claim is the
    // subject and a form of `be` gives its words.
    let told_by_be = matches!(next.lower(), "is" | "was")
        && !next.quoted
        && tokens
            .get(noun + 2)
            .is_some_and(|t| t.quoted || t.is_punct(':') || t.lower() == "that");
    let words_follow = told_by_be
        || next.quoted
        || next.is_punct(':')
        || match next.lower() {
            "that" | "about" => true,
            // `his call for a ban`, `her plan on trade`, not `his call on Monday` or `her
            // claim for last year`.
            "on" | "for" => tokens.get(noun + 2).is_some_and(|t| {
                !is_weekday(t.text)
                    && !is_time_period(t.lower())
                    && !matches!(t.lower(), "last" | "this" | "next")
            }),
            // `his pledge to repeal the law`, not `his claim to the nomination` nor `her
            // claim to ownership of the land`.
            "to" => {
                tokens.get(noun + 2).is_some_and(|t| {
                    t.is_word()
                        && t.is_lowercase()
                        && !matches!(t.lower(), "the" | "a" | "an" | "this" | "that")
                        && !is_possessive_determiner(t.lower())
                }) && tokens.get(noun + 3).is_none_or(|t| t.lower() != "of")
            }
            _ => false,
        };
    words_follow.then(|| Cue {
        mention,
        form: CueForm::Subject,
        start: tokens[start].start,
        end: tokens[noun].end,
    })
}

/// Where the subject of a sentence may open, for [`claim_owner`], in order: at the start or
/// after one connective (`But`, `Despite`); after an opening phrase closed by the sentence's
/// first comma (`For example,`); each also past `it was` (`Instead, it was Obi's claim that`).
fn claim_subject_starts(tokens: &[Token]) -> Vec<usize> {
    let connective = tokens.first().is_some_and(|t| {
        t.is_word()
            && !t.quoted
            && matches!(
                t.lower(),
                "but" | "and" | "yet" | "still" | "so" | "despite" | "now" | "instead" | "indeed"
            )
    });
    let mut starts = vec![usize::from(connective)];
    // `For example,` / `In an earlier debate,`: a short phrase of words and its comma.
    let comma = tokens
        .iter()
        .take(12)
        .position(|t| !t.is_word() || t.quoted)
        .filter(|&c| c > 0 && tokens[c].is_punct(',') && !tokens[c].quoted);
    if let Some(comma) = comma {
        if !tokens[..comma]
            .iter()
            .any(|t| is_speech_verb_form(t.lower()))
        {
            starts.push(comma + 1);
        }
    }
    let it_was = |s: usize| {
        tokens.get(s).is_some_and(|t| t.lower() == "it")
            && tokens
                .get(s + 1)
                .is_some_and(|t| matches!(t.lower(), "was" | "is"))
    };
    starts
        .into_iter()
        .map(|s| if it_was(s) { s + 2 } else { s })
        .collect()
}

/// `In his opinion, ...` / `In her view, ...` at the start of a sentence.
fn opinion_cue(tokens: &[Token]) -> Option<Cue> {
    let words: Vec<&str> = tokens.iter().take(3).map(Token::lower).collect();
    if words.len() < 3 || words[0] != "in" || !matches!(words[2], "opinion" | "view" | "words") {
        return None;
    }
    let gender = super::lexicon::pronoun_gender(words[1])?;
    Some(Cue {
        mention: Mention::Pronoun(gender, tokens[1].text.to_string()),
        form: CueForm::Opinion,
        start: tokens[0].start,
        end: tokens[2].end,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::attribution::quotes::scan;
    use crate::attribution::tokens::tokenize;

    #[test]
    fn an_unlisted_verb_right_after_a_quotation_tags_it_with_the_name_after_it() {
        assert_eq!(
            speaker("\"What sport is he talking about?\" reacted Okafor."),
            "Okafor"
        );
        assert_eq!(
            speaker("\"We will win,\" countered Ngozi Okafor."),
            "Ngozi Okafor"
        );
        // A name that does not close the sentence is the object of another verb.
        assert_eq!(
            speaker("\"We will win,\" reacted Okafor supporters in Lagos."),
            "None"
        );
    }

    #[test]
    fn the_person_opening_a_chain_of_appositions_speaks_not_its_last_phrase() {
        // The last phrase before the verb is an organisation, a place or a name inside a
        // relative clause; the person who opens the clause speaks.
        assert_eq!(
            speaker("Ada Okafor, president and CEO of Lagos Farmers Association stated, \"No.\""),
            "Ada Okafor"
        );
        assert_eq!(
            speaker("Ada Okafor of Ikeja, Lagos State says the plan will \"fail badly.\""),
            "Ada Okafor"
        );
        assert_eq!(
            speaker("Mr. Okafor, whose latest firm, Farmdata, sells maps to growers, said it was \"a good year.\""),
            "Mr Okafor"
        );
        // A name inside the clause before the comma is no subject of the verb after it.
        assert_ne!(
            speaker("A letter has been sent to Kofi Mensah, the men's solicitor says."),
            "Kofi Mensah"
        );
        // An organisation that opens the clause still speaks.
        assert_eq!(
            speaker("The Lagos Farmers Association, which Ada Okafor leads, said \"No.\""),
            "Lagos Farmers Association"
        );
    }

    #[test]
    fn as_someone_put_it_cites_their_words() {
        assert_eq!(
            speaker("As Ada Okafor puts it, \"The market is the farmer's enemy.\""),
            "Ada Okafor"
        );
        assert_eq!(
            speaker("Or, as Ada Okafor, a former minister, put it: \"The gates are open.\""),
            "Ada Okafor"
        );
        assert_eq!(
            speaker("But then, as state prosecutor Ada Okafor put it, \"there was not much.\""),
            "Ada Okafor"
        );
        assert_eq!(
            speaker("As Ada Okafor, author of ''Farm Lines,'' put it in a memo, ''Imagine that.''"),
            "Ada Okafor"
        );
        // Without `as` the verb puts something somewhere.
        assert_eq!(
            speaker("Okafor put it on the table in \"good faith.\""),
            "None"
        );
    }

    #[test]
    fn the_agent_of_a_passive_verb_of_speech_speaks() {
        assert_eq!(
            speaker("Okafor was asked by debate moderator Ada Mensah whether taxes \"must rise.\""),
            "Ada Mensah"
        );
        assert_eq!(
            speaker("The plan was described by Mensah as \"reckless.\""),
            "Mensah"
        );
        assert_ne!(
            speaker("Okafor was asked by Lagos voters whether taxes \"must rise.\""),
            "Lagos"
        );
        // An agent that is no name gives no speaker of its own.
        assert_ne!(
            speaker("The plan was described by critics as \"reckless.\""),
            "critics"
        );
    }

    #[test]
    fn a_name_right_after_a_relative_pronoun_is_the_clause_subject() {
        assert_eq!(
            speaker("He put it at $2 billion, which Mr. Okafor called \"a disgrace.\""),
            "Mr Okafor"
        );
        // A name further inside the relative clause is its object.
        assert_ne!(
            speaker("The lawyer who had represented Mr Okafor said he was \"pleased.\""),
            "Mr Okafor"
        );
    }

    #[test]
    fn a_person_beside_an_organisation_speaks_for_both() {
        // Affiliated: the one-word organisation reads as a bare name.
        assert_eq!(
            speaker("Ada Okafor of The Beacon asked whether she would \"release them.\""),
            "Ada Okafor"
        );
        // Coordinated with an organisation.
        assert_eq!(
            speaker("Okafor and the Transport Department have said that the ferry ran late."),
            "Okafor"
        );
        // Coordinated with another person: the first named (see
        // `people_named_together_speak_through_the_first_of_them`).
        assert_eq!(
            speaker("Okafor and Ada Mensah have said that none was marked."),
            "Okafor"
        );
    }

    #[test]
    fn a_verb_opening_a_heading_has_no_speaker_after_it() {
        assert_eq!(speaker("Declared 2016 Presidential Candidates."), "None");
        assert_eq!(speaker("Said Okafor, \"We will win.\""), "Okafor");
    }

    #[test]
    fn a_credit_line_reports_nothing() {
        assert_eq!(speaker("He tweets @okafor_k."), "None");
        assert_eq!(speaker("She writes at @mensah."), "None");
        assert_eq!(speaker("Okafor reports live from the border."), "None");
        // A handle that opens the words tweeted is still a report.
        assert_eq!(speaker("He tweeted @KanoDaily is wrong."), "He");
    }

    #[test]
    fn an_editors_note_reports_nothing() {
        let text = "This piece has been revised to show that Okafor shared the memo online.";
        assert_eq!(speaker(text), "None");
        let text = "The report was amended so it notes that Mensah lost the race.";
        assert_eq!(speaker(text), "None");
        assert_eq!(speaker("Okafor posted that the memo was online."), "Okafor");
        // A document posted, with no words after it, reports nothing (see publishes_object).
        assert_eq!(speaker("Okafor posted the memo online."), "None");
        let text =
            "An earlier version of this piece incorrectly said that Okafor had won the ward.";
        assert_eq!(speaker(text), "None");
        let text = "An earlier version of this article misstated when Okafor announced the plan.";
        assert_eq!(speaker(text), "None");
    }

    #[test]
    fn continued_reports_only_words() {
        assert_eq!(speaker("He continued, \"We will win.\""), "He");
        assert_eq!(
            speaker("Sen. Ada Okafor continued her romp through the state."),
            "None"
        );
    }

    #[test]
    fn a_place_closing_the_appositions_is_not_the_speaker() {
        let text = "Okafor, at a school fair in Caddo Falls, Iowa, said she would win.";
        assert_eq!(speaker(text), "Okafor");
    }

    #[test]
    fn a_long_chain_of_appositions_keeps_its_head() {
        let text = "\"We win,\" Mirela Dovan, 58, a retired school bus driver \
                    from Quarrydale, Pa., said by phone.";
        assert_eq!(speaker(text), "Mirela Dovan");
        let text = "Abel Moreno, a onetime clerk who is today a visiting scholar at the Institute \
                    for Coastal Farming, which helps small growers, said it worked.";
        assert_eq!(speaker(text), "Abel Moreno");
    }

    #[test]
    fn an_inverted_tag_may_describe_before_it_names() {
        let text = "\"We are anxious,\" said another Twitter user, Johanna Mensah.";
        assert_eq!(speaker(text), "Johanna Mensah");
        let text = "\"We win,\" said the deputy campaign manager, Rich Adeyemi, who ran it.";
        assert_eq!(speaker(text), "Rich Adeyemi");
    }

    #[test]
    fn headline_verbs_count_only_where_they_close_the_clause() {
        let says = tokenize("Budget Cuts Will Hurt Schools, Union Leader Says", &[]);
        assert!(find(&says, true).is_some());
        let noun = tokenize("Next Round Will Begin Once Written Answers Received", &[]);
        assert!(find(&noun, true).is_none());
    }

    #[test]
    fn a_verb_of_winning_with_a_result_as_its_object_reports_nothing() {
        assert!(cue("Okafor claimed a slim victory in the county vote.").is_none());
        assert!(cue("Okafor posted a comfortable win.").is_none());
        assert!(cue("By noon Okafor had claimed the prize at the regatta.").is_none());
        // Words still follow the verb: the result noun is the subject of a reported clause,
        // or heads a longer phrase (`a majority of voters`).
        assert_eq!(speaker("Okafor claimed the win was stolen."), "Okafor");
        assert_eq!(
            speaker("Okafor claimed a majority of voters backed her plan."),
            "Okafor"
        );
        assert_eq!(
            speaker("Okafor claimed the seat belonged to her party."),
            "Okafor"
        );
        assert_eq!(
            speaker("Okafor claimed that the victory was stolen."),
            "Okafor"
        );
    }

    fn claim(text: &str) -> Option<String> {
        let quotes = scan(text, false).ranges();
        let tokens = tokenize(text, &quotes);
        claim_owner(&tokens).map(|c| match c.mention {
            Mention::Person { name, .. } => name.display(),
            Mention::Bare(w) => w,
            Mention::Pronoun(_, p) => p,
            other => format!("{other:?}"),
        })
    }

    #[test]
    fn a_persons_claim_opening_the_sentence_cites_its_owner() {
        for (text, owner) in [
            ("Okafor's claim that taxes rose is false.", "Okafor"),
            (
                "Even so, Mr. Dele Okafor's earlier unproven assertion that \"hundreds\" left went unanswered.",
                "Dele Okafor",
            ),
            ("Despite Bakare's repeated insistence that the ferry was safe, it sank.", "Bakare"),
            ("His promise to cut taxes won votes.", "His"),
            ("Instead, it was Mensah's suggestion that rivals lied that drew boos.", "Mensah"),
            ("Ama Mensah's remarks about the budget angered her party.", "Ama Mensah"),
        ] {
            assert_eq!(claim(text).as_deref(), Some(owner), "{text}");
        }
    }

    #[test]
    fn a_claim_that_a_form_of_be_gives_words_cites_its_owner() {
        for (text, owner) in [
            ("Okafor's response was that the ferry was safe.", "Okafor"),
            (
                "Mr. Dele Okafor's argument is: \"Nobody pays.\"",
                "Dele Okafor",
            ),
            ("Her warning was \"do not sail.\"", "Her"),
        ] {
            assert_eq!(claim(text).as_deref(), Some(owner), "{text}");
        }
        // A claim described by `be`, not given words by it.
        for text in [
            "Okafor's response was swift.",
            "Okafor's argument is weak in places.",
        ] {
            assert_eq!(claim(text), None, "{text}");
        }
    }

    #[test]
    fn a_named_person_with_a_speech_participle_after_with_speaks() {
        assert_eq!(
            speaker("Rivals were furious, with Sen. Ada Okafor calling the plan \"a mess.\""),
            "Ada Okafor"
        );
        assert_eq!(
            speaker("The interview ended with Ruiz asking whether the ferry was safe."),
            "Ruiz"
        );
        assert_eq!(
            speaker("Rivals piled on, with Okafor repeatedly tweeting that the plan failed."),
            "Okafor"
        );
        // No speech participle, or nobody named: no cue.
        for text in [
            "Rivals were furious, with Okafor leading in the polls.",
            "The rally ended with the crowd chanting slogans.",
            "She left with Okafor's blessing, saying nothing.",
        ] {
            assert!(cue(text).is_none(), "{text}");
        }
    }

    #[test]
    fn a_claim_not_opening_the_sentence_or_without_words_after_it_cites_nobody() {
        for text in [
            // The claim is the object of someone else's verb.
            "Ruiz mocked Okafor's claim that the bridge was safe.",
            "The tweet was a dig at Okafor's statement that rivals lied.",
            // A claim to something, a noun that is no speech act, a call at a time.
            "Okafor's claim to the nomination grew stronger.",
            "Okafor's claim to ownership of the land was rejected.",
            "Okafor's call on Monday with the mayor lasted an hour.",
            "Okafor's campaign that year was short.",
            "Okafor's claims process is slow.",
            // The owner's supporters claim something.
            "Okafor's most loyal supporters claim that rivals lied.",
        ] {
            assert_eq!(claim(text), None, "{text}");
        }
    }

    #[test]
    fn a_claim_cue_gives_way_to_any_other_cue_of_the_sentence() {
        let texts = [
            "Budget row.",
            "Ada Okafor is a senator from Lagos.",
            "Okafor's claim that rivals lied was false, Dana Ruiz said.",
            "Okafor's claim that rivals lied was never tested in court.",
        ];
        assert_eq!(
            crate::attribution::speaker_of(&texts, "never tested").as_deref(),
            Some("Ada Okafor")
        );
        assert_eq!(
            crate::attribution::speaker_of(&texts, "was false").as_deref(),
            Some("Dana Ruiz")
        );
    }

    fn cue(text: &str) -> Option<Cue> {
        let quotes = scan(text, false).ranges();
        let tokens = tokenize(text, &quotes);
        find(&tokens, false)
    }

    fn speaker(text: &str) -> String {
        match cue(text).map(|c| c.mention) {
            Some(Mention::Person { name, .. }) => name.display(),
            Some(Mention::Bare(w)) => w,
            Some(Mention::Pronoun(_, p)) => p,
            Some(Mention::Org(o)) => o,
            Some(Mention::Role(r)) => r.key(),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn a_relative_clause_inside_an_apposition_describes_the_person_it_describes() {
        assert_eq!(
            speaker("Mr. Bakare, a Republican who described himself as devout, said he left."),
            "Mr Bakare"
        );
        assert_eq!(
            speaker("Kemi Bakare, a professor at the University of Ohio at Lima who had once concluded that taxes were low, disagreed."),
            "Kemi Bakare"
        );
    }

    #[test]
    fn a_person_affiliated_past_modifiers_or_after_an_office_of_an_organisation_speaks() {
        assert_eq!(
            speaker("That is what Ann Oduya at the now-defunct Daily Ledger wrote recently."),
            "Ann Oduya"
        );
        assert_eq!(
            speaker("County Supervisor of Elections Mary Oduya said that voters cannot vote."),
            "Mary Oduya"
        );
        assert_eq!(
            speaker("Tom Oduya of the Daily Ledger wrote that voters cannot vote."),
            "Tom Oduya"
        );
    }

    #[test]
    fn a_clause_after_said_is_what_was_said_not_who_said_it() {
        assert_eq!(
            speaker("Guy Oduya, the union's organiser, said the union might print leaflets about Mr. Bakare."),
            "Guy Oduya"
        );
        assert_eq!(
            speaker("A longtime official, Ken Oduya, said the group's real estate committee gave Bakare its Tree of Life award."),
            "Ken Oduya"
        );
        // A description of the speaker after the verb still names them, and a name that is
        // also a modal is a name.
        assert_eq!(
            speaker("The plan failed, said former campaign adviser Ann Bakare."),
            "Ann Bakare"
        );
        assert_eq!(
            speaker("The proposals are unworkable, said Home Secretary Ann May on Monday."),
            "Ann May"
        );
        assert_eq!(
            speaker("The plan is dead, said Will Bakare on Monday."),
            "Will Bakare"
        );
    }

    #[test]
    fn subject_before_verb() {
        assert_eq!(speaker("Jenkins said that the deal was off."), "Jenkins");
        assert_eq!(
            speaker("The deal is off, Mayor Ann Jones has said."),
            "Ann Jones"
        );
        assert_eq!(speaker("Ironically, he noted, the plan failed."), "he");
    }

    #[test]
    fn quote_then_frame() {
        assert_eq!(
            speaker("\"We are ready,\" Mr Smith told reporters."),
            "Mr Smith"
        );
        assert_eq!(speaker("\"We are ready,\" said Mr Smith."), "Mr Smith");
        assert_eq!(speaker("“Fine,” the envoy added."), "envoy");
    }

    #[test]
    fn a_noun_after_a_possessive_is_no_verb() {
        assert_eq!(
            speaker("Okafor's remarks about a judge were \"the definition of a harsh comment,\" Mr. Bello said."),
            "Mr Bello"
        );
        // "he's" is "he has", not a possessive.
        assert!(cue("He's said the deal was off.").is_some());
    }

    #[test]
    fn a_verb_opening_the_sentence_puts_its_speaker_after_it() {
        assert_eq!(
            speaker("Said Rasmus, \"The thought that we erred is painful.\""),
            "Rasmus"
        );
    }

    #[test]
    fn frame_then_quote() {
        assert_eq!(speaker("Ms Brown said: \"It is done.\""), "Ms Brown");
        assert_eq!(speaker("He stated, “It is done.”"), "He");
    }

    #[test]
    fn apposition_between_commas() {
        assert_eq!(
            speaker("Tom Hill, chief economist at the bank, warned that rates would rise."),
            "Tom Hill"
        );
        assert_eq!(
            speaker("The bank's governor, Tom Hill, said rates would rise."),
            "Tom Hill"
        );
        assert_eq!(
            speaker("The state's key witness, former Acme finance chief Bo Reyes, has said so."),
            "Bo Reyes"
        );
        assert_eq!(
            speaker("\"Too late,\" said Flight Weekly's Mr Amos."),
            "Mr Amos"
        );
    }

    #[test]
    fn according_to_and_opinion() {
        assert_eq!(speaker("Prices will rise, according to the IMF."), "IMF");
        assert_eq!(speaker("In her opinion, prices will rise."), "her");
    }

    #[test]
    fn not_cues() {
        assert!(cue("It cannot be said that the plan works.").is_none());
        assert!(cue("Officials will warn of new risks.").is_none());
        assert!(cue("He went to say goodbye.").is_none());
        assert!(cue("Speaking to reporters, the weather was fine.").is_none());
        assert!(cue("The firm expects to receive money.").is_none());
        assert!(cue("The Senate questions session was noisy.").is_none());
        assert_eq!(
            speaker("A Treasury Select Committee report on the six banks says fees rose."),
            "Treasury Select Committee"
        );
        assert_eq!(speaker("Ms Poole questions whether it works."), "Ms Poole");
    }

    #[test]
    fn described_name_between_commas_and_closing_weak_verbs() {
        assert_eq!(
            speaker("One of the rival bidders, Dutch-based group KLX, said it was keen."),
            "KLX"
        );
        assert_eq!(
            speaker("Some 300 jobs may go at the plant, the Daily Post has reported."),
            "Daily Post"
        );
        assert!(cue("The firm reported.").is_none());
        assert_eq!(
            speaker("The head of the Rail Union of Wales, which has 900 members, said no."),
            "None"
        );
    }

    #[test]
    fn a_quoted_verb_is_not_a_cue() {
        assert!(cue("\"Nobody said that,\" was the reply.").is_none());
    }

    #[test]
    fn a_name_quoted_about_is_not_inverted() {
        assert_eq!(
            speaker("Mr Dunn, who chairs the board, said Mr Lowe \"must resign\"."),
            "Mr Dunn"
        );
        assert_eq!(
            speaker("Ms Hale, MP for Kettering, Northamptonshire, said the vote was lost."),
            "Ms Hale"
        );
    }

    #[test]
    fn role_words_before_an_inverted_name() {
        assert_eq!(
            speaker("\"It is too late,\" said director Paula Grant."),
            "Paula Grant"
        );
        assert_eq!(
            speaker("Rates will rise, according to Bank of Leith chief economist Ian Ross."),
            "Ian Ross"
        );
        assert_eq!(speaker("She went on: \"No.\""), "She");
        assert_eq!(speaker("The rise was small, Ms Lee intimated."), "Ms Lee");
    }

    #[test]
    fn pointed_out_and_went_on() {
        assert_eq!(speaker("She pointed out that costs rose."), "She");
        assert_eq!(
            speaker("The minister went on to accuse the rebels."),
            "minister"
        );
    }

    #[test]
    fn people_named_together_speak_through_the_first_of_them() {
        assert_eq!(
            speaker("Former Lagos Gov. Ada Okafor (D) and former Ogun Gov. Ngozi Bello (R) announced they will leave."),
            "Ada Okafor"
        );
        assert_eq!(
            speaker("Okafor, Emeka Obi, and Tunde Bakare argued that the plan was weak."),
            "Okafor"
        );
        // The name before `and` is the object of another verb.
        assert_eq!(
            speaker("Supporters of Ada Okafor and Emeka Obi said the plan was weak."),
            "Some(Other)"
        );
    }

    #[test]
    fn an_apposition_closed_by_an_organisation_describes_the_person_before_it() {
        assert_eq!(
            speaker("Tunde Bakare, the communications director for the Lagos Farmers Union said the count was over."),
            "Tunde Bakare"
        );
        assert_eq!(
            speaker("As Bishop Emeka Obi of the Anglican Diocese of Ikeja told the paper, \"We suffered.\""),
            "Bishop Emeka Obi"
        );
    }

    #[test]
    fn according_to_an_outlet_and_its_analyst_cites_the_analyst() {
        assert_eq!(
            speaker("According to Lagos News legal analyst Judge Kemi Adeyemi, the rule covers every statement."),
            "Kemi Adeyemi"
        );
        assert_eq!(
            speaker("According to The Lagos Courier, the rule covers every statement."),
            "Lagos Courier"
        );
    }

    #[test]
    fn a_verb_after_and_shares_the_subject_that_opens_the_clause() {
        assert_eq!(
            speaker("Kemi Adeyemi flew to the port town of Warri early on Monday and described the new clinic."),
            "Kemi Adeyemi"
        );
        assert_eq!(
            speaker("On Monday, Kemi Adeyemi visited Port Harcourt and said the road was done."),
            "Kemi Adeyemi"
        );
        // A capitalised word opening the sentence is no subject unless a past form follows.
        assert_eq!(
            speaker(
                "Walking to the next house, Okafor talked about her youth and said it was hard."
            ),
            "Okafor"
        );
        assert_eq!(
            speaker("Okafor won praise with fiery speeches and promises of reform."),
            "None"
        );
    }

    #[test]
    fn keeping_a_lead_or_appearing_as_a_witness_reports_nothing() {
        assert_eq!(speaker("Okafor maintains a large lead over Bello."), "None");
        assert_eq!(
            speaker("Bello still maintained her steady march across the county."),
            "None"
        );
        assert_eq!(
            speaker("Okafor maintained that the plan was legal."),
            "Okafor"
        );
        assert_eq!(speaker("Okafor maintained the plan was legal."), "Okafor");
        assert_eq!(
            speaker("Okafor testified before the panel in March."),
            "None"
        );
        assert_eq!(
            speaker("Okafor testified that the rule was clear."),
            "Okafor"
        );
        assert_eq!(
            speaker("Okafor testified before the panel about the attack."),
            "Okafor"
        );
        assert_eq!(
            speaker("\"The rule was clear,\" Okafor testified."),
            "Okafor"
        );
        for narrated in [
            "Okafor testified on Tuesday.",
            "Bello testified on Harbour Street for two hours.",
            "Okafor testified on behalf of the firm.",
            "Okafor testified before the board that runs the port.",
        ] {
            assert_eq!(speaker(narrated), "None", "{narrated}");
        }
        assert_eq!(
            speaker("Okafor testified on the cost of the bridge."),
            "Okafor"
        );
        assert_eq!(
            speaker("Okafor testified before the board that she had signed nothing."),
            "Okafor"
        );
    }

    #[test]
    fn a_telephone_call_or_a_name_given_reports_nothing() {
        for narrated in [
            "Then, last week, Ada Okafor called.",
            "Okafor called both candidates Tuesday night and met Bello on Thursday.",
            "Okafor called into a radio show in Lagos.",
            "Okafor called him from the plane.",
            "A group of farmers called Harvest 9, was formed in Kano.",
        ] {
            assert_eq!(speaker(narrated), "None", "{narrated}");
        }
        for reported in [
            "Okafor called for a ban on imports.",
            "Okafor called on Bello to resign.",
            "Okafor called the plan a disaster.",
            "Okafor called Bello \"a liar\" on Tuesday.",
            "Okafor called Wednesday for Bello to resign.",
            "Okafor called Bello, her rival, an \"ally\" of the unions.",
        ] {
            assert_eq!(speaker(reported), "Okafor", "{reported}");
        }
        assert_eq!(
            speaker("Mr. Okafor called Mr. Bello an outstanding leader who was misunderstood."),
            "Mr Okafor"
        );
        // An inserted phrase between commas, then the words the object is called.
        for reported in [
            "Okafor called the ruling, in a statement, \"a disgrace.\"",
            "Okafor called the decision, announced Friday, a betrayal.",
        ] {
            assert_eq!(speaker(reported), "Okafor", "{reported}");
        }
        // A comma after the call with no such words after the inserted phrase.
        for narrated in [
            "Okafor called Bello, who was in Kano, on Tuesday.",
            "Okafor called the senator, who was at a meeting, a few minutes later.",
        ] {
            assert_eq!(speaker(narrated), "None", "{narrated}");
        }
        // A title-case headline: `On` is still the preposition of `called on`.
        let text = "Ada Okafor Calls On Bello To Resign";
        let tokens = tokenize(text, &scan(text, false).ranges());
        assert!(find(&tokens, true).is_some());
    }

    #[test]
    fn a_gerund_is_read_by_characters_not_bytes() {
        // `₂` is E2 82 82: its last two bytes are equal, a doubled letter in bytes only.
        assert!(!reports_as_gerund("x₂ing"));
        assert!(!reports_as_gerund("x₂₂ing"));
        assert!(reports_as_gerund("admitting"));
        assert!(reports_as_gerund("saying"));
        assert_eq!(speaker("Okafor posted a video of x₂ing on Sunday."), "None");
        assert_eq!(speaker("Okafor responded by x₂₂ing the plan."), "None");
    }

    #[test]
    fn responding_by_an_act_reports_nothing() {
        for narrated in [
            "The ministry responded by easing sanctions.",
            "Okafor responded enthusiastically by sending aid.",
        ] {
            assert_eq!(speaker(narrated), "None", "{narrated}");
        }
        assert_eq!(
            speaker("Okafor responded by saying the plan was dead."),
            "Okafor"
        );
        assert_eq!(
            speaker("Okafor responded by first noting that taxes fell."),
            "Okafor"
        );
    }

    #[test]
    fn posting_or_writing_a_document_or_a_count_reports_nothing() {
        for narrated in [
            "Okafor also posted messages on a forum.",
            "Okafor has posted more than 3,000 times since April.",
            "Okafor recently posted a video from a rally in Kano.",
            "The agency briefed the ambassador at the embassy.",
        ] {
            assert_eq!(speaker(narrated), "None", "{narrated}");
        }
        for reported in [
            "Okafor wrote that the plan was dead.",
            "Okafor posted a photo with the caption \"Home at last\".",
            "Okafor posted the following picture on Sunday.",
            "Okafor posted her thanks to the voters.",
            "Okafor wrote a fierce dissent.",
            "Okafor posted a video, saying the vote was rigged.",
        ] {
            assert_eq!(speaker(reported), "Okafor", "{reported}");
        }
    }

    #[test]
    fn a_name_owned_by_a_possessive_modifies_a_noun() {
        assert_eq!(
            speaker("Okafor did not revisit her Harbour Street remarks in a speech."),
            "None"
        );
        assert_eq!(
            speaker("Okafor recalled her Harbour Street remarks in a speech."),
            "Okafor"
        );
    }

    #[test]
    fn a_middle_initial_stays_in_a_name_after_the_verb() {
        assert_eq!(
            speaker("\"We were not happy,\" said Alice A. Adeyemi of the Farmers Council."),
            "Alice A. Adeyemi"
        );
        assert_eq!(
            speaker("\"The odds are long,\" said a second campaigner, Emeka J. Obi of the charity Clean Rivers."),
            "Emeka J. Obi"
        );
    }

    #[test]
    fn a_time_phrase_between_subject_and_verb_is_skipped() {
        assert_eq!(
            speaker("Sen. Ada Okafor (D-Lagos) last week said Bello was not the source."),
            "Ada Okafor"
        );
        assert_eq!(
            speaker("Ada Okafor on Monday said the count was over."),
            "Ada Okafor"
        );
        assert_eq!(
            speaker("A glance back at Super Tuesday highlighted the gap."),
            "Some(Other)"
        );
        // A party tag between commas is the person's, never a speaker of its own.
        assert_eq!(
            speaker("Okafor, who backed Sen. Ada Bello, R-Lagos, and opposed the plan, last week said it was over."),
            "Okafor"
        );
    }
}
