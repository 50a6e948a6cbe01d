//! Attributing one article: paragraphs to sentences, sentences to speakers, speakers to spans.
//!
//! Each sentence gets a speaker from its own speech cue when it has one. A sentence that is a
//! quotation without a cue continues the quotation before it in the paragraph, or takes the
//! cue of the quotation right after it, or (at a paragraph's start) continues the speech that
//! ended the previous paragraph. Any other sentence is narration with no speaker: the article's
//! main speaker is never given by default. Neighbouring sentences with the same speaker are
//! joined into one span. This module orchestrates; the rules live in the other files.

use std::ops::Range;

use super::cast::{Cast, Resolution, Salience, Speaker};
use super::cues::{self, Cue, CueForm};
use super::lexicon::{is_org_role_head, is_person_role_head};
use super::mentions::{phrase_before, Mention};
use super::quotes::{self, QuoteScan};
use super::sentences;
use super::tokens::{tokenize, Token};
use super::Attribution;
use crate::model::{Paragraph, PassageKind};

/// A paragraph this short without final punctuation is a heading: it does not end a speech.
const HEADING_WORDS: usize = 20;

/// One sentence of a paragraph and what the rules found in it.
#[derive(Clone, Debug)]
struct Unit {
    range: Range<usize>,
    /// Begins with (or lies inside) a quotation.
    quote_led: bool,
    /// Bytes inside quotations.
    quoted_bytes: usize,
    cue: Option<Cue>,
    /// Who a sentence without a speaker is about, when it opens with them.
    subject: Option<Speaker>,
    speaker: Option<Speaker>,
    evidence: Option<String>,
}

/// What carries over from one paragraph to the next.
#[derive(Default)]
struct State {
    salience: Salience,
    open_quote: bool,
    /// Speaker of the speech that ended the last paragraph (not counting headings).
    last_speech: Option<(Speaker, usize)>,
}

/// Attributes the article's non-boilerplate paragraphs.
pub fn attribute(paragraphs: &[Paragraph]) -> Vec<Attribution> {
    let cast = Cast::learn(
        paragraphs
            .iter()
            .filter(|p| !p.boilerplate)
            .map(|p| p.text.as_str()),
    );
    let mut state = State::default();
    let mut spans = Vec::new();
    for (index, paragraph) in paragraphs.iter().enumerate() {
        if paragraph.boilerplate {
            continue;
        }
        let units = attribute_paragraph(&cast, &mut state, index, &paragraph.text);
        spans.extend(merge(index, &paragraph.text, &cast, units));
    }
    spans
}

/// Finds the sentences of one paragraph and their speakers, updating the carried state.
fn attribute_paragraph(cast: &Cast, state: &mut State, index: usize, text: &str) -> Vec<Unit> {
    let scan = quotes::scan(text, state.open_quote);
    let tokens = tokenize(text, &scan.ranges());
    let title_case = is_title_case(&tokens);
    let mut units = read_units(text, &scan, &tokens, title_case);
    let mark = state.salience.len();
    for unit in &mut units {
        explicit_speaker(cast, state, index, unit, &tokens);
    }
    fill_unframed_quotes(&mut units, state);
    state.salience.truncate(mark);
    for unit in &units {
        if let Some(entity) = unit.speaker.as_ref().or(unit.subject.as_ref()) {
            state.salience.push(entity.clone(), index);
        }
    }
    remember_last_speech(state, index, text, &units);
    state.open_quote = scan.open_at_end;
    units
}

/// Splits the paragraph into sentences and finds each one's cue.
fn read_units(text: &str, scan: &QuoteScan, tokens: &[Token], title_case: bool) -> Vec<Unit> {
    sentences::split(text, &scan.quotes)
        .into_iter()
        .map(|range| {
            let inside: Vec<Token> = tokens
                .iter()
                .filter(|t| range.contains(&t.start))
                .cloned()
                .collect();
            let quoted_bytes = scan.quotes.iter().map(|q| overlap(&q.range, &range)).sum();
            let quote_led = scan
                .quotes
                .iter()
                .any(|q| q.range.start <= range.start && range.start < q.range.end);
            Unit {
                cue: cues::find(&inside, title_case),
                range,
                quote_led,
                quoted_bytes,
                subject: None,
                speaker: None,
                evidence: None,
            }
        })
        .collect()
}

fn overlap(a: &Range<usize>, b: &Range<usize>) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// A headline in title case lets capitalised verbs count ("Lavrov Says").
fn is_title_case(tokens: &[Token]) -> bool {
    let long: Vec<&Token> = tokens
        .iter()
        .filter(|t| t.is_word() && t.text.chars().count() > 3)
        .collect();
    let capitalised = long.iter().filter(|t| t.is_capitalized()).count();
    long.len() >= 3 && long.len() <= 25 && capitalised * 10 >= long.len() * 8
}

/// Gives a sentence the speaker of its own cue, or records its subject as salient.
fn explicit_speaker(
    cast: &Cast,
    state: &mut State,
    index: usize,
    unit: &mut Unit,
    tokens: &[Token],
) {
    let Some(cue) = &unit.cue else {
        unit.subject = narration_subject(cast, state, index, unit, tokens);
        if let Some(subject) = &unit.subject {
            state.salience.push(subject.clone(), index);
        }
        return;
    };
    let Some((speaker, resolution)) = cast.resolve(&cue.mention, &state.salience, index) else {
        return;
    };
    unit.evidence = Some(evidence(
        cast,
        cue,
        &speaker,
        resolution,
        tokens_text(tokens, cue),
    ));
    state.salience.push(speaker.clone(), index);
    unit.speaker = Some(speaker);
}

/// The text that makes a cue, from the paragraph's tokens.
fn tokens_text(tokens: &[Token], cue: &Cue) -> String {
    tokens
        .iter()
        .filter(|t| t.start >= cue.start && t.end <= cue.end)
        .map(|t| t.text)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The human evidence string for a cue.
fn evidence(
    cast: &Cast,
    cue: &Cue,
    speaker: &Speaker,
    resolution: Resolution,
    surface: String,
) -> String {
    let name = cast.display(speaker);
    let surface: String = surface.chars().take(80).collect();
    match (resolution, &cue.mention) {
        (Resolution::Pronoun, Mention::Pronoun(_, word)) if cue.form == CueForm::Opinion => {
            format!("pronoun: {} (\"{surface}\") -> {name}", word.to_lowercase())
        }
        (Resolution::Pronoun, Mention::Pronoun(_, word)) => {
            format!("pronoun: {} -> {name}", word.to_lowercase())
        }
        (Resolution::Pronoun, _) => format!("pronoun: it -> {name}"),
        (Resolution::Role, Mention::Role(role)) => format!("role: {} -> {name}", role.text),
        (Resolution::Role, Mention::OrgRole(head)) => format!("role: the {head} -> {name}"),
        _ => format!("explicit: \"{surface}\""),
    }
}

/// The person or organisation a narration sentence is about, when it opens the sentence.
fn narration_subject(
    cast: &Cast,
    state: &State,
    index: usize,
    unit: &Unit,
    tokens: &[Token],
) -> Option<Speaker> {
    let inside: Vec<Token> = tokens
        .iter()
        .filter(|t| unit.range.contains(&t.start) && !t.quoted)
        .cloned()
        .collect();
    let mut intro_comma_seen = false;
    for (i, token) in inside.iter().enumerate().take(14) {
        if token.is_punct(',') {
            if intro_comma_seen {
                return None;
            }
            intro_comma_seen = true;
            continue;
        }
        let ends_phrase = token.is_word()
            && inside
                .get(i + 1)
                .is_none_or(|n| !n.is_word() || (token.is_capitalized() != n.is_capitalized()));
        let modifies_next = inside.get(i + 1).is_some_and(|n| {
            n.is_word()
                && n.is_lowercase()
                && (is_org_role_head(n.text) || is_person_role_head(n.text))
        });
        if !ends_phrase || modifies_next {
            continue;
        }
        let preposed = i > 0 && is_preposition(&inside[i - 1].lower());
        if let Some((mention, start)) = phrase_before(&inside, i) {
            let after_preposition = start > 0 && is_preposition(&inside[start - 1].lower());
            if preposed || after_preposition {
                continue;
            }
            if matches!(mention, Mention::Other) {
                return None;
            }
            return cast
                .resolve(&mention, &state.salience, index)
                .map(|(s, _)| s);
        }
    }
    None
}

fn is_preposition(word: &str) -> bool {
    matches!(
        word,
        "of" | "to"
            | "with"
            | "by"
            | "for"
            | "from"
            | "at"
            | "on"
            | "about"
            | "against"
            | "in"
            | "into"
            | "than"
            | "like"
            | "between"
            | "among"
            | "towards"
            | "toward"
            | "over"
    )
}

/// Gives quotation sentences without a cue the speaker of the neighbouring speech.
fn fill_unframed_quotes(units: &mut [Unit], state: &State) {
    for i in 0..units.len() {
        if units[i].cue.is_some() || !units[i].quote_led || units[i].speaker.is_some() {
            continue;
        }
        let previous = i
            .checked_sub(1)
            .and_then(|p| units[p].speaker.clone())
            .map(|s| {
                (
                    s,
                    "continuation of quote from the previous sentence".to_string(),
                )
            });
        let next = units
            .get(i + 1)
            .filter(|n| n.quote_led && n.cue.is_some())
            .and_then(|n| n.speaker.clone())
            .map(|s| (s, "quote framed by the next sentence".to_string()));
        let carried = (i == 0)
            .then(|| state.last_speech.clone())
            .flatten()
            .map(|(s, p)| (s, format!("continuation of quote from paragraph {p}")));
        let chosen = if i > 0 {
            previous.or(next)
        } else {
            next.or(carried)
        };
        if let Some((speaker, evidence)) = chosen {
            units[i].speaker = Some(speaker);
            units[i].evidence = Some(evidence);
        }
    }
}

/// Remembers who spoke at the end of this paragraph, so the next one may continue the speech.
fn remember_last_speech(state: &mut State, index: usize, text: &str, units: &[Unit]) {
    let heading = is_heading(text) && units.iter().all(|u| u.speaker.is_none());
    if heading {
        return;
    }
    state.last_speech = units
        .last()
        .and_then(|u| u.speaker.clone())
        .map(|s| (s, index));
}

/// A short line without final punctuation ("About NATO").
fn is_heading(text: &str) -> bool {
    let trimmed = text.trim();
    let words = trimmed.split_whitespace().count();
    let last = trimmed.chars().next_back();
    words <= HEADING_WORDS
        && !last.is_some_and(|c| matches!(c, '.' | '?' | '!') || quotes::is_quote_mark(c))
}

/// Joins neighbouring sentences with the same speaker into spans.
fn merge(index: usize, text: &str, cast: &Cast, units: Vec<Unit>) -> Vec<Attribution> {
    let mut spans: Vec<(Attribution, usize)> = Vec::new();
    for unit in units {
        let speaker = unit.speaker.as_ref().map(|s| cast.display(s));
        if let Some((last, quoted)) = spans.last_mut() {
            if last.speaker == speaker {
                last.end = unit.range.end;
                *quoted += unit.quoted_bytes;
                continue;
            }
        }
        let span = Attribution {
            paragraph: index,
            start: unit.range.start,
            end: unit.range.end,
            kind: PassageKind::Narration,
            speaker,
            evidence: unit.evidence,
        };
        spans.push((span, unit.quoted_bytes));
    }
    let mut out: Vec<Attribution> = spans
        .into_iter()
        .map(|(mut span, quoted)| {
            span.kind = match span.speaker {
                None => PassageKind::Narration,
                Some(_) if quoted * 2 >= span.end - span.start => PassageKind::Quote,
                Some(_) => PassageKind::Reported,
            };
            span
        })
        .collect();
    cover_whole_paragraph(&mut out, text.len());
    out
}

/// Makes sure the first span starts at 0 and the last ends at the paragraph's end.
fn cover_whole_paragraph(spans: &mut [Attribution], len: usize) {
    if let Some(first) = spans.first_mut() {
        first.start = 0;
    }
    if let Some(last) = spans.last_mut() {
        last.end = len;
    }
}
