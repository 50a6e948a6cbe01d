//! Splitting a sentence into clauses when two people speak in it, or when only a later or
//! subordinate clause speaks.
//!
//! A passage has one speaker, and a sentence is the unit a cue governs; but news often puts
//! two people's words in one sentence: `Adeyemi backed the deal, while Mensah has threatened
//! to tear it up.`, `While Okafor has maintained that ..., Eze has nevertheless called ...`,
//! `Okafor calls for ...; Eze aims to ...`. This stage finds the place where a second clause
//! with its own named subject and its own verb begins, and cuts the sentence there, so each
//! clause becomes a unit the sieves read on its own. It cuts only when the clause before the
//! cut has a cue or a named subject of its own; else the one cue governs the whole sentence
//! (`After the debate, Mensah said ...`). One cue it finds itself, which the sieves do not
//! read: the agent of an opening participle (`Asked by Okafor whether ...,`). A sentence whose
//! main clause reports nothing but one of whose later or subordinate clauses does (`The plan
//! stalled, but Okafor vowed to revive it.`) is cut too, so that clause is read on its own and
//! the rest stays narration. It reads cues through the sieves (`cues`, `subject`) and does not
//! resolve who the speakers are.

use std::ops::Range;

use super::cues::{self, Cue, CueForm};
use super::gate::Context;
use super::label;
use super::lexicon::WordSet;
use super::mentions::{phrase_after, Mention};
use super::subject;
use super::tokens::{tokens_in, Token};

/// Conjunctions that join a second clause after a comma: `data/clause_conjunctions.txt`.
static CLAUSE_CONJUNCTIONS: WordSet = WordSet::new(include_str!("data/clause_conjunctions.txt"));

/// Subordinating words that open a clause anywhere in a sentence:
/// `data/clause_subordinators.txt`.
static CLAUSE_SUBORDINATORS: WordSet = WordSet::new(include_str!("data/clause_subordinators.txt"));

/// Subordinating words that open a clause only at the start of a sentence:
/// `data/opening_subordinators.txt`.
static OPENING_SUBORDINATORS: WordSet =
    WordSet::new(include_str!("data/opening_subordinators.txt"));

/// Words that say how long before or after, standing before a subordinating word that opens a
/// sentence (`Not long after`, `Shortly before`, `Two days after`, `Even as`):
/// `data/subordinator_leads.txt`.
static SUBORDINATOR_LEADS: WordSet = WordSet::new(include_str!("data/subordinator_leads.txt"));

/// Most lower-case words that may stand between a clause's opening and its named subject
/// (`while presumptive party nominee Mensah has threatened`, `but ultimately Eze thinks`).
const PREMODIFIER_WORDS: usize = 4;

/// One clause of a sentence: the unit a cue governs after the sentence is split.
#[derive(Clone, Debug, PartialEq)]
pub struct Clause {
    /// Byte range in the paragraph; the clauses of a sentence cover it in order.
    pub range: Range<usize>,
    /// Where the clause's own subject and verb begin, past the conjunction that opens it
    /// (`while`, `but`): the sieves read the clause from here. `range.start` when nothing
    /// stands before the subject.
    pub reading_from: usize,
    /// A subordinate clause (`While Okafor said ...,`, `... after Eze said ...`) beside the
    /// sentence's main clause: a quotation after the sentence goes on with the main clause's
    /// speaker, not this one's.
    pub subordinate: bool,
    /// The clause's cue when the splitter found one the sieves do not read: the agent of a
    /// participle opening the sentence (`Asked by Okafor whether ...,`).
    pub cue: Option<Cue>,
}

impl Clause {
    fn whole(range: Range<usize>) -> Clause {
        Clause {
            reading_from: range.start,
            range,
            subordinate: false,
            cue: None,
        }
    }
}

/// Where a sentence is cut: the token that opens the second clause, the token its subject
/// begins at, and which side is subordinate.
struct Cut {
    clause: usize,
    subject: usize,
    first_subordinate: bool,
    second_subordinate: bool,
    /// The first clause's cue, when the sieves cannot read it.
    first_cue: Option<Cue>,
    /// The surname of the second clause's subject.
    speaker: String,
}

/// Splits the sentence `range` (a byte range over `tokens`, which cover the paragraph in
/// text order) into clauses that cover it in order: one clause when no second speaker
/// begins a clause of its own.
pub fn split(
    tokens: &[Token],
    range: Range<usize>,
    title_case: bool,
    ctx: &Context,
) -> Vec<Clause> {
    let inside = tokens_in(tokens, &range);
    let Some(cut) = second_speaker_at(inside, title_case, ctx) else {
        return lone_speaking_clause(inside, &range, title_case, ctx)
            .unwrap_or_else(|| vec![Clause::whole(range)]);
    };
    let at = inside[cut.clause].start;
    vec![
        Clause {
            subordinate: cut.first_subordinate,
            cue: cut.first_cue,
            ..Clause::whole(range.start..at)
        },
        Clause {
            range: at..range.end,
            reading_from: inside[cut.subject].start,
            subordinate: cut.second_subordinate,
            cue: None,
        },
    ]
}

/// `The plan stalled, but Okafor vowed to revive it.`, `The spat grew after Okafor refused to
/// say ...`, `When Okafor learned that ..., she walked out.`: a sentence whose main clause
/// reports nothing may hold one clause that does, opened by a conjunction or a subordinating
/// word, with a name for its subject (a person's, or a bare name the article stage resolves)
/// and a cue the sieves keep. Read as a whole, the sentence gives that clause no speaker (the
/// main-clause sieve reads only the main clause), so it is cut off and read on its own; the
/// rest stays narration. A clause opened by a subordinating word inside the sentence ends at
/// its next comma (`The day after Okafor announced her run, the party split.`: the split is
/// narration). Not in a sentence with a quotation, which may go on with the speaker of the
/// sentence before, nor after an opening `as` (`As Okafor noted, ...` credits the main
/// clause's words to her).
fn lone_speaking_clause(
    inside: &[Token],
    range: &Range<usize>,
    title_case: bool,
    ctx: &Context,
) -> Option<Vec<Clause>> {
    // The cheap test first: most sentences have no clause opener followed by a capitalised
    // word, and reading the whole sentence with every sieve costs far more.
    if inside.iter().any(|t| t.quoted)
        || !may_open_named_clause(inside)
        || sentence_speaks(inside, title_case, ctx)
    {
        return None;
    }
    // `When Okafor learned that ..., she walked out.`: the opening clause ends at its comma.
    let opening = opening_subordinator(inside).filter(|&at| inside[at].lower() != "as");
    let opening_clause = opening.and_then(|at| {
        let comma = (at + 1..inside.len()).find(|&j| inside[j].is_punct(','))?;
        let rest = inside.get(comma + 1)?;
        let subject = clause_speaker_at(&inside[..comma], at + 1, title_case, ctx)?;
        Some(vec![
            Clause {
                range: range.start..rest.start,
                reading_from: inside[subject].start,
                subordinate: true,
                cue: None,
            },
            Clause::whole(rest.start..range.end),
        ])
    });
    if opening_clause.is_some() {
        return opening_clause;
    }
    // `..., but he ultimately decided ...`, `... after Okafor refused to say ...`.
    (1..inside.len()).find_map(|b| {
        let opener = &inside[b];
        // `and` without a comma before it mostly joins two subjects (`Since both Mensah
        // and Okafor battled ...`), not two clauses.
        let joins_clauses = opener.lower() != "and" || inside[b - 1].is_punct(',');
        let opens = opener.is_word()
            && !opener.quoted
            && (is_conjunction(opener) || opens_clause_inside(opener.lower()));
        if !opens || !joins_clauses {
            return None;
        }
        // A subordinate clause inside the sentence ends at its next comma, where the main
        // clause goes on (`The day after Okafor announced her run, the party split.`).
        let comma = (!is_conjunction(opener))
            .then(|| (b + 1..inside.len()).find(|&j| inside[j].is_punct(',')))
            .flatten()
            .filter(|&j| j + 1 < inside.len());
        let subject = clause_speaker_at(inside, b + 1, title_case, ctx)?;
        let mut clauses = vec![Clause::whole(range.start..opener.start)];
        let rest = comma.map(|j| inside[j + 1].start);
        clauses.push(Clause {
            range: opener.start..rest.unwrap_or(range.end),
            reading_from: inside[subject].start,
            // Not the sentence's main clause: a quotation after the sentence does not go
            // on with its speaker.
            subordinate: true,
            cue: None,
        });
        if let Some(rest) = rest {
            clauses.push(Clause::whole(rest..range.end));
        }
        Some(clauses)
    })
}

/// Whether `inside` holds a conjunction or subordinating word with a capitalised word among
/// the few after it: a clause [`lone_speaking_clause`] could cut needs both (its subject is a
/// name, which opens with a capital).
fn may_open_named_clause(inside: &[Token]) -> bool {
    inside.iter().enumerate().any(|(b, opener)| {
        let opens = opener.is_word()
            && !opener.quoted
            && (is_conjunction(opener) || opens_clause_at_start(opener.lower()));
        opens
            && inside
                .iter()
                .skip(b + 1)
                .take(PREMODIFIER_WORDS + 1)
                .any(Token::is_capitalized)
    })
}

/// Whether any sieve finds a speaker for the sentence `inside` read whole: a cue naming
/// someone, a transcript label, or a main-clause cue the gate keeps.
fn sentence_speaks(inside: &[Token], title_case: bool, ctx: &Context) -> bool {
    cues::find(inside, title_case).is_some_and(|cue| !matches!(cue.mention, Mention::Other))
        || label::opening_label(inside).is_some()
        || subject::main_clause_cue(inside, ctx).is_some()
}

/// The token where the subject of a clause beginning at token `at` of `clause` stands, when
/// that subject is a named person and the clause read from it has a cue the sieves keep. Not
/// a pronoun: inside a sentence whose main clause has a subject of its own, `he` is as likely
/// to stand for someone the resolver cannot see. A few lower-case words may stand before the subject (`but ultimately Eze
/// decided`), as in [`second_clause_speaks`].
fn clause_speaker_at(
    clause: &[Token],
    at: usize,
    title_case: bool,
    ctx: &Context,
) -> Option<usize> {
    let premodifiers = clause
        .get(at..)?
        .iter()
        .take(PREMODIFIER_WORDS)
        .take_while(|t| is_premodifier(t))
        .count();
    (at..=at + premodifiers).find(|&s| {
        let Some(first) = clause.get(s) else {
            return false;
        };
        let opens = |cue: &Cue| {
            cue.form == CueForm::Subject
                && cue.start == first.start
                && matches!(cue.mention, Mention::Person { .. } | Mention::Bare(_))
        };
        let read = &clause[s..];
        cues::find(read, title_case).is_some_and(|cue| opens(&cue))
            || subject::main_clause_cue(read, ctx).is_some_and(|(cue, _)| opens(&cue))
    })
}

/// Where a second clause with a named subject of its own begins in `inside` (one sentence's
/// tokens), when the clause before it has a cue or a named subject of its own too.
fn second_speaker_at(inside: &[Token], title_case: bool, ctx: &Context) -> Option<Cut> {
    if let Some(cut) = asked_by_opening(inside, ctx) {
        return Some(cut);
    }
    // A subordinating word that opens the sentence ends its clause at the first comma. Inside
    // a sentence only those that cannot also mean "like" or "in the role of" (`as`, `such
    // as`) or concede inside one clause (`though`) open a clause of their own.
    let subordinate_opening = opening_subordinator(inside).is_some();
    let cut = (1..inside.len().saturating_sub(3)).find_map(|b| {
        let token = &inside[b];
        if let Some(next) = comma_closing_quotation(inside, b) {
            // The opening clause ends at its first comma: a later one closes a quotation
            // the main clause reports (`After ..., he warned, "...," Mensah told ...`).
            let first_comma = !inside[..b].iter().any(|t| t.is_punct(',') && !t.quoted);
            let opening_ends = subordinate_opening && first_comma;
            return joined_clause_at(inside, b, next, opening_ends, false, title_case, ctx);
        }
        if token.quoted {
            return None;
        }
        // `..., denouncing the regime after Okafor said ...`: a subordinate clause inside.
        if b >= 3 && opens_clause_inside(token.lower()) {
            return second_clause_speaks(inside, b + 1, false, 0, title_case, ctx).map(|speaker| {
                Cut {
                    clause: b,
                    subject: b + 1,
                    first_subordinate: false,
                    second_subordinate: true,
                    first_cue: None,
                    speaker,
                }
            });
        }
        // `Okafor calls for ...; Eze aims to ...`, `Adeyemi says ... from all sides: Okafor,
        // in 2013, questioned ...`: a semicolon joins two sentences, and so does a colon
        // after a clause that already holds words of its own (not `Okafor said:`).
        let joins_sentences = token.is_punct(';')
            || token.is_punct(':') && words_before_colon(&inside[..b], title_case, ctx);
        if let Some(cut) = relative_clause_at(inside, b, ctx) {
            return Some(cut);
        }
        let comma = token.is_punct(',') || token.is_punct(';') || token.is_punct(':');
        if comma {
            return joined_clause_at(
                inside,
                b,
                b + 1,
                subordinate_opening,
                joins_sentences,
                title_case,
                ctx,
            );
        }
        None
    })?;
    let first = &inside[..cut.clause];
    if is_as_parenthetical(first) {
        return None;
    }
    let first_speaks = cut.first_cue.is_some()
        || cues::find(first, title_case).is_some_and(|cue| !matches!(cue.mention, Mention::Other))
        || subject::main_clause_cue(first, ctx).is_some()
        || has_own_subject(first, &cut.speaker);
    first_speaks.then_some(cut)
}

/// A word joining two clauses after a comma (`, but`, `, while`).
fn is_conjunction(token: &Token) -> bool {
    token.is_word() && CLAUSE_CONJUNCTIONS.contains(token.lower())
}

/// The cut after the comma (or semicolon, or colon) at `comma`, whose next token is `next`:
/// a second clause with a named subject of its own begins there, joined by a conjunction
/// (`, but Mensah rejected that`), after a subordinate opening (`After Okafor said ...,
/// Mensah said`) or after a clause that already holds its words (`joins_sentences`).
fn joined_clause_at(
    inside: &[Token],
    comma: usize,
    next: usize,
    subordinate_opening: bool,
    joins_sentences: bool,
    title_case: bool,
    ctx: &Context,
) -> Option<Cut> {
    let joined = inside.get(next).is_some_and(is_conjunction);
    let subject = if joined { next + 1 } else { next };
    if !(joined || subordinate_opening || joins_sentences) {
        return None;
    }
    // `Lund says that ..., but instead Varga is giving ...`: after reported speech a
    // joined clause may go on with the speech; it is a clause of its own only when its verb
    // is a cue too.
    let any_verb = !(joined && reports_speech(&inside[..=comma], title_case, ctx));
    // Only the opening clause's own comma: a later one may be a closing tag's
    // (`Though Okafor has ..., the costs rose, she said.`).
    let first_comma = !inside[..comma].iter().any(|t| t.is_punct(',') && !t.quoted);
    let opening_ends = subordinate_opening && !joined && first_comma;
    let found = second_clause_speaks(
        inside,
        subject,
        any_verb,
        PREMODIFIER_WORDS,
        title_case,
        ctx,
    )
    .or_else(|| {
        opening_ends
            .then(|| pronoun_clause_speaks(inside, subject, title_case))
            .flatten()
    });
    found.map(|speaker| Cut {
        clause: next,
        subject,
        first_subordinate: subordinate_opening && !joined,
        second_subordinate: false,
        first_cue: None,
        speaker,
    })
}

/// `After Okafor said students "might do better," Mensah said ...`: American punctuation
/// puts the comma that closes a clause inside the closing quotation marks, yet it is the
/// sentence's comma. When the token at `b` is such a comma (quoted, and only closing marks
/// stand between it and an unquoted token), gives the index of that unquoted token.
fn comma_closing_quotation(inside: &[Token], b: usize) -> Option<usize> {
    let comma = &inside[b];
    if !(comma.quoted && comma.is_punct(',')) {
        return None;
    }
    let after = (b + 1..inside.len()).find(|&j| !inside[j].quoted || inside[j].is_word())?;
    let marks_only = inside[b + 1..after]
        .iter()
        .all(|t| t.quoted && !t.is_punct(',') && !t.is_punct('.'));
    (after > b + 1 && !inside[after].quoted && marks_only).then_some(after)
}

/// `Asked by Okafor whether she had read the plan, Eze said, "..."`: a sentence opening with
/// the past participle of a speech verb and its agent puts the agent's words (the question)
/// in the opening clause, and the answer's speaker in the main clause after the comma. The
/// agent is the opening clause's speaker, when the main clause has a named subject and a
/// verb of its own.
fn asked_by_opening(inside: &[Token], ctx: &Context) -> Option<Cut> {
    let participle = inside.first()?;
    let verb = participle.lower();
    let speech = (cues::is_speech_verb_form(verb) && verb.ends_with("ed"))
        || matches!(verb, "pressed" | "challenged" | "quizzed");
    if participle.quoted || !participle.is_capitalized() || !speech {
        return None;
    }
    if !inside
        .get(1)
        .is_some_and(|t| t.lower() == "by" && !t.quoted)
    {
        return None;
    }
    let (mention, end) = phrase_after(inside, 2)?;
    if !matches!(mention, Mention::Person { .. } | Mention::Bare(_)) {
        return None;
    }
    let comma = (end + 1..inside.len()).find(|&j| inside[j].is_punct(',') && !inside[j].quoted)?;
    // `Pressed by Okafor, Eze said ...` holds none of the agent's words.
    let asks_something = comma > end + 1;
    if !asks_something {
        return None;
    }
    let speaker = second_clause_speaks(inside, comma + 1, true, PREMODIFIER_WORDS, false, ctx)
        .or_else(|| pronoun_clause_speaks(inside, comma + 1, false))?;
    Some(Cut {
        speaker,
        clause: comma + 1,
        subject: comma + 1,
        first_subordinate: true,
        second_subordinate: false,
        first_cue: Some(Cue {
            mention,
            form: CueForm::Inverted,
            start: participle.start,
            end: inside[end].end,
        }),
    })
}

/// Most tokens after a reporting verb that still leave a clause without words of its own:
/// a time phrase (`last week ,`).
const AFTER_VERB: usize = 3;

/// `As the Tribune reported, Okafor ...`: an opening `as` clause that is nothing but a
/// speaker and a reporting verb credits the main clause's words to them, so the sentence is
/// one passage.
fn is_as_parenthetical(first: &[Token]) -> bool {
    first.first().is_some_and(|t| t.lower() == "as") && ends_in_speech_verb(first, AFTER_VERB)
}

/// `Adeyemi says that the plan has drawn fire from all sides:`: whether the clause before a
/// colon opens with its speaker and verb and already holds the words they report, so what
/// follows the colon is a sentence of its own. Not `Okafor said:`, whose colon opens the words
/// said, nor `It was impossible, Gabuyev said, so ...:` or `According to Eze, ...:`, whose
/// words may run on past the colon.
fn words_before_colon(clause: &[Token], title_case: bool, ctx: &Context) -> bool {
    let Some(first) = clause.first() else {
        return false;
    };
    let opens_with_speaker = cues::find(clause, title_case)
        .is_some_and(|cue| cue.form == CueForm::Subject && cue.start == first.start)
        || subject::main_clause_cue(clause, ctx).is_some_and(|(cue, _)| cue.start == first.start);
    opens_with_speaker && !ends_in_speech_verb(clause, AFTER_VERB)
}

/// Whether `clause` ends in a reporting verb with at most `after` tokens after it: the
/// words it reports are not in it.
fn ends_in_speech_verb(clause: &[Token], after: usize) -> bool {
    clause
        .iter()
        .rposition(|t| t.is_word() && !t.quoted && cues::is_speech_verb_form(t.lower()))
        .is_some_and(|verb| clause.len() - verb - 1 <= after)
}

/// Subordinating words that open a clause of their own even inside a sentence.
fn opens_clause_inside(word: &str) -> bool {
    CLAUSE_SUBORDINATORS.contains(word)
}

/// `After Okafor accused him of bias, he warned, "..."`: when the main clause after a
/// subordinate opening has a pronoun for its subject and a cue for its verb, the pronoun (in
/// lower case), which the resolver reads later. The opening clause's own cue does not govern
/// the main clause's words.
fn pronoun_clause_speaks(inside: &[Token], at: usize, title_case: bool) -> Option<String> {
    let from = inside.get(at..).filter(|c| !c.is_empty())?;
    let cue = cues::find(from, title_case)?;
    match cue.mention {
        Mention::Pronoun(_, word) if cue.form == CueForm::Subject && cue.start == from[0].start => {
            Some(word.to_lowercase())
        }
        _ => None,
    }
}

/// Most words that may stand before the subordinating word opening a sentence (`Two days
/// after`).
const LEAD_WORDS: usize = 3;

/// `After Okafor said ...,`, `Not long after Okafor said ...,`, `Two days after ...`: the
/// index of the subordinating word that opens the sentence `inside`, past a few words that
/// say how long before or after ([`SUBORDINATOR_LEADS`], or a number).
fn opening_subordinator(inside: &[Token]) -> Option<usize> {
    let at = inside.iter().take(LEAD_WORDS + 1).position(|t| {
        let lead =
            SUBORDINATOR_LEADS.contains(t.lower()) || t.text.chars().all(|c| c.is_ascii_digit());
        !t.is_word() || t.quoted || !lead
    })?;
    let word = &inside[at];
    (word.is_word() && !word.quoted && opens_clause_at_start(word.lower())).then_some(at)
}

/// Subordinating words that open a clause of their own at the start of a sentence: those of
/// [`opens_clause_inside`], and `as`, `although`, `though`.
fn opens_clause_at_start(word: &str) -> bool {
    OPENING_SUBORDINATORS.contains(word) || opens_clause_inside(word)
}

/// `but Varga rejected that`: the surname of a named subject that opens a clause with a
/// verb of its own at token `at` of `inside`. A few lower-case words may come before the name
/// (`while presumptive party nominee Mensah has threatened`, `but ultimately Eze thinks`),
/// but no word that opens a clause of its own, and at most `reach` of them. With `any_verb`,
/// any verb of the clause will do: the clause, once cut, asks the sieves whether it reports
/// anything, and a clause that does not is narration. Else the verb must be a cue the sieves
/// keep.
fn second_clause_speaks(
    inside: &[Token],
    at: usize,
    any_verb: bool,
    reach: usize,
    title_case: bool,
    ctx: &Context,
) -> Option<String> {
    let from = inside.get(at..).filter(|c| !c.is_empty())?;
    let opens_subject = |start: usize| {
        let before = from.iter().take_while(|t| t.start < start).count();
        before <= reach
            && from.get(before).is_some_and(|t| t.start == start)
            && from[..before].iter().all(is_premodifier)
    };
    let speaker = |cue: Cue| {
        (cue.form == CueForm::Subject && opens_subject(cue.start))
            .then(|| surname(&cue.mention))
            .flatten()
    };
    if !any_verb {
        // Read with the word that opens the clause, so the main-clause sieve, which takes a
        // subordinating word for the start of an introduction, only keeps a subject it reads
        // past one.
        let clause = &inside[at.saturating_sub(1)..];
        return cues::find(clause, title_case)
            .and_then(speaker)
            .or_else(|| subject::main_clause_cue(clause, ctx).and_then(|(cue, _)| speaker(cue)));
    }
    cues::find(from, title_case).and_then(speaker).or_else(|| {
        // The main-clause sieve reads a subject that opens a sentence: read it past each
        // premodifier in turn.
        let premodifiers = from
            .iter()
            .take(reach)
            .take_while(|t| is_premodifier(t))
            .count();
        (0..=premodifiers).find_map(|skip| {
            let rest = &from[skip..];
            let found = subject::main_clause_candidate(rest)?;
            (found.subject_start == 0)
                .then(|| surname(&found.mention))
                .flatten()
        })
    })
}

/// Whether the clause `first` reports someone's speech: a speech cue, or a main clause whose
/// verb reports speech.
fn reports_speech(first: &[Token], title_case: bool, ctx: &Context) -> bool {
    cues::find(first, title_case).is_some_and(|cue| !matches!(cue.mention, Mention::Other))
        || subject::main_clause_cue(first, ctx)
            .is_some_and(|(_, reports)| reports == subject::Reports::Speech)
}

/// `Eze said the knife was stopped by a buckle, something that Okafor mocked.`, `..., which
/// Okafor opposed.`: after the comma at token `comma`, a relative clause with a named subject
/// of its own that runs to the end of the sentence is that subject's. A few lower-case words
/// (`something`, `an event`) may stand before the relative pronoun.
fn relative_clause_at(inside: &[Token], comma: usize, ctx: &Context) -> Option<Cut> {
    /// Most words of the noun phrase the relative clause describes.
    const HEAD_WORDS: usize = 3;
    if !inside[comma].is_punct(',') || inside[comma].quoted {
        return None;
    }
    let pronoun = (comma + 1..inside.len())
        .take(HEAD_WORDS + 1)
        .find(|&j| matches!(inside[j].lower(), "which" | "that" | "whom"))?;
    // `something that`, `an event that`; not `adding that`, `given that` or `referring to
    // reports that`, where `that` opens a clause that is a verb's object.
    let head = &inside[comma + 1..pronoun];
    let head_words = head.iter().all(|t| {
        t.is_word()
            && !t.quoted
            && t.is_lowercase()
            && (!t.lower().ends_with("ing") || t.lower().ends_with("thing"))
            && !t.lower().ends_with("ed")
            && !t.lower().ends_with("en")
            && !cues::is_speech_verb_form(t.lower())
            && !matches!(
                t.lower(),
                "to" | "of" | "about" | "on" | "and" | "but" | "or" | "while"
            )
    });
    let relative = inside[pronoun].lower() != "that" || !head.is_empty();
    // `the plan, which Okafor drafted, was weak`: the sentence goes on after it.
    let runs_to_end = !inside[pronoun..]
        .iter()
        .any(|t| !t.quoted && (t.is_punct(',') || t.is_punct(';')));
    if !head_words || !relative || !runs_to_end {
        return None;
    }
    let speaker = second_clause_speaks(inside, pronoun + 1, true, 0, false, ctx)?;
    Some(Cut {
        clause: comma + 1,
        subject: pronoun + 1,
        first_subordinate: false,
        second_subordinate: true,
        first_cue: None,
        speaker,
    })
}

/// The surname of a named person, or the one word of a bare name.
fn surname(mention: &Mention) -> Option<String> {
    match mention {
        Mention::Person { name, .. } => Some(name.surname.to_lowercase()),
        Mention::Bare(word) => Some(word.to_lowercase()),
        _ => None,
    }
}

/// `While Okafor did not say ..., Eze ...`, `Okafor is the plan's author, while Eze ...`:
/// whether the clause before a cut has a named subject and a verb of its own, other than the
/// second clause's speaker `second`. Then the second clause's cue does not govern it, cue or
/// none.
fn has_own_subject(first: &[Token], second: &str) -> bool {
    let opened = opening_subordinator(first).or_else(|| {
        first
            .first()
            .is_some_and(|t| t.lower() == "if")
            .then_some(0)
    });
    let clause = opened.map_or(first, |at| &first[at + 1..]);
    subject::main_clause_candidate(clause)
        .is_some_and(|found| surname(&found.mention).is_some_and(|name| name != second))
}

/// A lower-case word that may stand before a clause's named subject: an adverb or a word
/// describing the person, not a word that opens a clause or a verb of the clause before.
fn is_premodifier(token: &Token) -> bool {
    token.is_word()
        && !token.quoted
        && token.is_lowercase()
        && token.text.chars().all(|c| c.is_alphabetic() || c == '-')
        && !matches!(
            token.lower(),
            "that"
                | "which"
                | "who"
                | "whom"
                | "whose"
                | "what"
                | "where"
                | "if"
                | "whether"
                | "as"
                | "and"
                | "or"
                | "but"
                | "to"
                | "of"
                | "for"
                | "by"
                | "with"
        )
        && !opens_clause_inside(token.lower())
        && !cues::is_speech_verb_form(token.lower())
        && !super::lexicon::is_form_of_be(token.lower())
        && !matches!(token.lower(), "has" | "have" | "had")
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    /// The clauses `split` cuts one sentence into.
    fn clauses(text: &str) -> Vec<&str> {
        let tokens = tokenize(text, &[]);
        split(&tokens, 0..text.len(), false, &Context::alone(&tokens))
            .into_iter()
            .map(|c| text[c.range].trim())
            .collect()
    }

    /// The clauses `split` cuts one sentence into, its quotations found as the indexer finds
    /// them.
    fn clauses_quoted(text: &str) -> Vec<&str> {
        let quotes = super::super::quotes::scan(text, false).ranges();
        let tokens = tokenize(text, &quotes);
        split(&tokens, 0..text.len(), false, &Context::alone(&tokens))
            .into_iter()
            .map(|c| text[c.range].trim())
            .collect()
    }

    #[test]
    fn a_comma_inside_closing_quotation_marks_ends_the_opening_clause() {
        assert_eq!(
            clauses_quoted(
                "After Okafor said pupils would do better at \"smaller schools,\" Mensah said: \"I don't like it.\""
            ),
            vec![
                "After Okafor said pupils would do better at \"smaller schools,\"",
                "Mensah said: \"I don't like it.\""
            ]
        );
        assert_eq!(
            clauses_quoted("Okafor called the plan “a disgrace,” but Mensah said it would pass."),
            vec![
                "Okafor called the plan “a disgrace,”",
                "but Mensah said it would pass."
            ]
        );
        // A quotation that goes on after its comma is no clause's end.
        assert_eq!(
            clauses_quoted("After Okafor said \"we will win, and soon\" Mensah laughed."),
            vec!["After Okafor said \"we will win, and soon\" Mensah laughed."]
        );
    }

    #[test]
    fn an_opening_clause_may_start_with_how_long_after_or_before() {
        assert_eq!(
            clauses(
                "Not long after Okafor tweeted that it was old, Mensah asked the chair about it."
            ),
            vec![
                "Not long after Okafor tweeted that it was old,",
                "Mensah asked the chair about it."
            ]
        );
        // A verb of speech with a plain object in the opening clause.
        assert_eq!(
            clauses(
                "Not long after Adeyemi tweeted the old quote, Nwosu asked the chair about it."
            ),
            vec![
                "Not long after Adeyemi tweeted the old quote,",
                "Nwosu asked the chair about it."
            ]
        );
        assert_eq!(
            clauses("Two days after Okafor said the plan was dead, Mensah vowed to revive it."),
            vec![
                "Two days after Okafor said the plan was dead,",
                "Mensah vowed to revive it."
            ]
        );
        // A measure in the singular, with its article.
        for opening in ["A week after", "The day after", "One day after"] {
            let sentence = format!("{opening} Okafor said the plan was dead, Mensah revived it.");
            assert_eq!(
                clauses(&sentence),
                vec![
                    format!("{opening} Okafor said the plan was dead,"),
                    "Mensah revived it.".to_string()
                ]
            );
        }
        // No subordinating word after the lead words: one clause.
        assert_eq!(
            clauses("Not long ago Okafor said the plan was dead, Mensah recalled."),
            vec!["Not long ago Okafor said the plan was dead, Mensah recalled."]
        );
    }

    #[test]
    fn before_until_and_once_open_a_clause_at_the_start_of_a_sentence() {
        assert_eq!(
            clauses("Before Okafor said the plan was dead, Mensah had called it a success."),
            vec![
                "Before Okafor said the plan was dead,",
                "Mensah had called it a success."
            ]
        );
        // Inside a sentence `before` heads a phrase: `testified before the panel`.
        assert_eq!(
            clauses("Okafor testified before the panel, Mensah said."),
            vec!["Okafor testified before the panel, Mensah said."]
        );
    }

    #[test]
    fn a_pronoun_may_be_the_main_clause_speaker_after_an_opening_clause() {
        assert_eq!(
            clauses("After Okafor accused him of bias, he warned that the vote would fail."),
            vec![
                "After Okafor accused him of bias,",
                "he warned that the vote would fail."
            ]
        );
        assert_eq!(
            clauses("Asked by Okafor whether she had read the plan, she said she had."),
            vec![
                "Asked by Okafor whether she had read the plan,",
                "she said she had."
            ]
        );
        // A pronoun's closing tag after a later comma tags the words before it.
        assert_eq!(
            clauses("Though Okafor has lived here for years, the rents rose, she said."),
            vec!["Though Okafor has lived here for years, the rents rose, she said."]
        );
        // Joined by a conjunction, a pronoun goes on with the first clause's speaker.
        assert_eq!(
            clauses("Okafor accused him of bias, and he said the vote would fail."),
            vec!["Okafor accused him of bias, and he said the vote would fail."]
        );
    }

    #[test]
    fn a_second_clause_after_a_comma_and_a_conjunction() {
        assert_eq!(
            clauses("Adeyemi proposed they debate on April 15, but Mensah rejected that, too."),
            vec![
                "Adeyemi proposed they debate on April 15,",
                "but Mensah rejected that, too."
            ]
        );
    }

    #[test]
    fn lower_case_words_may_come_before_the_second_subject() {
        assert_eq!(
            clauses(
                "Adeyemi backed the deal, while former city treasurer Robert Mensah has \
                 threatened to tear it up."
            ),
            vec![
                "Adeyemi backed the deal,",
                "while former city treasurer Robert Mensah has threatened to tear it up."
            ]
        );
        assert_eq!(
            clauses(
                "Okafor admits that the rivals are good people, but ultimately Eze thinks \
                 their logic is flawed."
            ),
            vec![
                "Okafor admits that the rivals are good people,",
                "but ultimately Eze thinks their logic is flawed."
            ]
        );
        // A word that opens a clause of its own is no premodifier: the name is its subject.
        assert_eq!(
            clauses("Adeyemi said the plan failed, and the reason that Eze said was cost."),
            vec!["Adeyemi said the plan failed, and the reason that Eze said was cost."]
        );
    }

    #[test]
    fn an_as_clause_that_is_only_a_cue_credits_the_whole_sentence() {
        assert_eq!(
            clauses("As Eze noted last week, Okafor has hired two new aides."),
            vec!["As Eze noted last week, Okafor has hired two new aides."]
        );
    }

    #[test]
    fn a_first_clause_with_a_subject_of_its_own_is_cut_off_without_a_cue() {
        assert_eq!(
            clauses("While Okafor did not spell out the plan, Eze says the vote will pass."),
            vec![
                "While Okafor did not spell out the plan,",
                "Eze says the vote will pass."
            ]
        );
        assert_eq!(
            clauses("Okafor drafted the budget, while Eze has vowed to fight it."),
            vec![
                "Okafor drafted the budget,",
                "while Eze has vowed to fight it."
            ]
        );
        // The same person on both sides: one speaker, one passage.
        assert_eq!(
            clauses("While Eze did not spell out the plan, Eze says the vote will pass."),
            vec!["While Eze did not spell out the plan, Eze says the vote will pass."]
        );
    }

    #[test]
    fn after_reported_speech_a_joined_clause_needs_a_cue_of_its_own() {
        assert_eq!(
            clauses(
                "Adeyemi says that voters want a leader, but instead Mensah is giving lectures."
            ),
            vec!["Adeyemi says that voters want a leader, but instead Mensah is giving lectures."]
        );
        assert_eq!(
            clauses("Adeyemi says that voters want a leader, but Mensah said they want change."),
            vec![
                "Adeyemi says that voters want a leader,",
                "but Mensah said they want change."
            ]
        );
    }

    #[test]
    fn a_semicolon_or_a_colon_after_words_joins_two_sentences() {
        assert_eq!(
            clauses("Okafor calls for a bigger budget; Mrs. Eze aims to build on the old plan."),
            vec![
                "Okafor calls for a bigger budget;",
                "Mrs. Eze aims to build on the old plan."
            ]
        );
        assert_eq!(
            clauses(
                "Adeyemi says that the plan has drawn fire from all sides: Okafor, in 2013, \
                 questioned its costs."
            ),
            vec![
                "Adeyemi says that the plan has drawn fire from all sides:",
                "Okafor, in 2013, questioned its costs."
            ]
        );
        // The colon of `said:` opens the words said; a cue inside the sentence may report
        // words running on past the colon.
        assert_eq!(
            clauses("Adeyemi said last week: Okafor questioned the costs."),
            vec!["Adeyemi said last week: Okafor questioned the costs."]
        );
        assert_eq!(
            clauses(
                "It was costly, Adeyemi said, so the council split the work: Okafor drafted it."
            ),
            vec!["It was costly, Adeyemi said, so the council split the work: Okafor drafted it."]
        );
    }

    #[test]
    fn a_relative_clause_with_a_named_subject_at_the_end_is_its_own() {
        assert_eq!(
            clauses("Eze said the knife was stopped by a buckle, something that Okafor mocked."),
            vec![
                "Eze said the knife was stopped by a buckle,",
                "something that Okafor mocked."
            ]
        );
        // `that` after a reporting verb opens its words.
        assert_eq!(
            clauses("Eze spoke for an hour, adding that Okafor had tapped into a vein."),
            vec!["Eze spoke for an hour, adding that Okafor had tapped into a vein."]
        );
        assert_eq!(
            clauses("Eze said the talks were hard, given that Okafor backs the rebels."),
            vec!["Eze said the talks were hard, given that Okafor backs the rebels."]
        );
        // The sentence goes on after the relative clause: one passage.
        assert_eq!(
            clauses("Eze said the plan, which Okafor drafted, was weak."),
            vec!["Eze said the plan, which Okafor drafted, was weak."]
        );
    }

    #[test]
    fn an_owner_is_no_second_subject() {
        // The main-clause sieve reads `Mensah's plan` as no person: the stage relies on it.
        assert_eq!(
            clauses("Adeyemi said the old plan had failed, while Mensah's plan worked."),
            vec!["Adeyemi said the old plan had failed, while Mensah's plan worked."]
        );
    }

    #[test]
    fn the_agent_of_an_opening_participle_asks_the_opening_clause() {
        let text = "Asked by Okafor whether she had read the plan, Eze said she had.";
        let tokens = tokenize(text, &[]);
        let cut = split(&tokens, 0..text.len(), false, &Context::alone(&tokens));
        assert_eq!(
            cut.iter()
                .map(|c| text[c.range.clone()].trim())
                .collect::<Vec<_>>(),
            vec![
                "Asked by Okafor whether she had read the plan,",
                "Eze said she had."
            ]
        );
        let agent = cut[0].cue.as_ref().map(|cue| &cue.mention);
        assert!(matches!(agent, Some(Mention::Bare(name)) if name == "Okafor"));
        // No words of the agent's: one passage, the main clause's.
        assert_eq!(
            clauses("Pressed by Okafor, Eze said she had."),
            vec!["Pressed by Okafor, Eze said she had."]
        );
    }

    #[test]
    fn a_speaking_clause_is_cut_from_a_sentence_whose_main_clause_reports_nothing() {
        assert_eq!(
            clauses(
                "The budget passed on Monday after Senator Ada Okafor denounced it as a disgrace."
            ),
            vec![
                "The budget passed on Monday",
                "after Senator Ada Okafor denounced it as a disgrace."
            ]
        );
        assert_eq!(
            clauses("The room was full, but Senator Ada Okafor opposed the plan."),
            vec![
                "The room was full,",
                "but Senator Ada Okafor opposed the plan."
            ]
        );
        assert_eq!(
            clauses("When Senator Ada Okafor denounced the plan, the room fell silent."),
            vec![
                "When Senator Ada Okafor denounced the plan,",
                "the room fell silent."
            ]
        );
        // A subordinate clause inside the sentence ends at its comma: the main clause after
        // it is narration.
        assert_eq!(
            clauses("The budget passed on Monday after Senator Ada Okafor denounced it as a disgrace, and the party split."),
            vec![
                "The budget passed on Monday",
                "after Senator Ada Okafor denounced it as a disgrace,",
                "and the party split."
            ]
        );
        // An opening subordinate clause that does not speak leaves the later clauses to be
        // searched.
        assert_eq!(
            clauses(
                "When the vote came, the room was full, but Senator Ada Okafor opposed the plan."
            ),
            vec![
                "When the vote came, the room was full,",
                "but Senator Ada Okafor opposed the plan."
            ]
        );
        // A pronoun may stand for someone the resolver cannot see; `and` without a comma
        // mostly joins two subjects; a quotation may go on with the sentence before.
        for sentence in [
            "The budget passed on Monday after she denounced it as a disgrace.",
            "The budget passed and Senator Ada Okafor denounced it as a disgrace.",
            "The budget passed after Senator Ada Okafor denounced it as \"a disgrace to us all.\"",
        ] {
            assert_eq!(clauses_quoted(sentence), vec![sentence]);
        }
    }

    #[test]
    fn one_cue_governs_a_sentence_whose_first_clause_has_none() {
        assert_eq!(
            clauses("After the debate, Mensah said he was pleased."),
            vec!["After the debate, Mensah said he was pleased."]
        );
    }
}
