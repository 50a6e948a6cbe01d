//! The label sieve: `Name: words` gives the words to the name.
//!
//! Three news forms put a speaker before a colon: headlines (`Pence: Flowers Won't Be at
//! Debate`), transcripts (`WALLACE: Let me ask you ...`, `Alex Seitz-Wald: She is right ...`)
//! and a lead-in to a quotation (`... doesn't surprise pollster Daron Shaw: "Historically
//! ..."`). The label must open the sentence (or end right before a quotation) and be a name:
//! one to four capitalised words, with titles and roles allowed before it; an all-capitals
//! label is a transcript speaker. Places, organisations and common words before a colon
//! (`Update:`, `Washington:`) are not speakers. This sieve does not resolve names.

use super::cues::{Cue, CueForm};
use super::lexicon::{forename_gender, is_not_name, Gender};
use super::mentions::{phrase_before, Mention, PersonName};
use super::tokens::Token;

/// Most words a label may have before its colon (`Former Gov. Jeb Bush`).
const LABEL_WORDS: usize = 5;

/// `Sanders: Clinton Email Story Has Moved.` / `CLINTON: Honestly, ...`: a label opening the
/// sentence. It outranks any cue inside the sentence, whose `I` is the label's speaker.
pub fn opening_label(tokens: &[Token]) -> Option<Cue> {
    let colon = tokens
        .iter()
        .take(LABEL_WORDS + 2)
        .position(|t| t.is_punct(':') && !t.quoted)?;
    let label = &tokens[..colon];
    let all_words = !label.is_empty()
        && label
            .iter()
            .all(|t| (t.is_word() && t.is_capitalized() && !t.quoted) || t.is_punct('-'));
    if !all_words || tokens.get(colon + 1).is_none() {
        return None;
    }
    let cue = |mention| Cue {
        mention,
        form: CueForm::Subject,
        start: tokens[0].start,
        end: tokens[colon].end,
    };
    transcript_speaker(label)
        .filter(|_| reads_as_speech(&tokens[colon + 1..]))
        .map(cue)
        .or_else(|| name_cue(tokens, 0, colon))
}

/// Whether the words after a label read as someone speaking: a sentence with lower-case
/// words. A title-case headline (`BOOM: Senator Fires A Warning Shot`), a bare name
/// (`BYLINE: Jane Doe.`) or an address (`EMAIL: desk@example.com.`) after a capitals word
/// is a heading or a field, not a transcript line; such a label speaks only as a name the
/// article gives (`TRUMP: Move Past Iowa.`).
fn reads_as_speech(after: &[Token]) -> bool {
    let address = after.iter().any(|t| t.is_punct('@'));
    // Short lower-case words (`of`, `at`, `a`) are kept in lower case by title case too.
    let lower_words = after
        .iter()
        .filter(|t| t.is_word() && t.is_lowercase() && t.text.chars().count() > 3)
        .count();
    !address && lower_words > 0
}

/// `FALLIN:`, `JAKE TAPPER:`: an all-capitals label names a transcript speaker, however
/// short (the name reader would take a short capitals word for an acronym). One word is
/// left for the cast to resolve; more words are a given name and a surname.
fn transcript_speaker(label: &[Token]) -> Option<Mention> {
    let words = label.iter().all(|t| {
        t.is_word()
            && t.text.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && is_all_capitals(t.text)
    });
    if !words || label.len() > 3 || label.iter().any(|t| is_not_name(t.text)) {
        return None;
    }
    let (surname, given) = label.split_last()?;
    if given.is_empty() {
        return Some(Mention::Bare(surname.text.to_string()));
    }
    Some(Mention::Person {
        name: PersonName {
            given: given.iter().map(|t| title_case(t.text)).collect(),
            surname: title_case(surname.text),
            title: None,
            gender: given
                .first()
                .map_or(Gender::Unknown, |g| forename_gender(g.text)),
            suffix: None,
        },
        role: None,
    })
}

/// `TAPPER` → `Tapper`.
fn title_case(word: &str) -> String {
    let lower = word.to_lowercase();
    let mut chars = lower.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// `... surprise Republican pollster Daron Shaw: "Historically ..."`: a name closing the
/// clause right before a colon and a quotation. Cues beside a verb come first.
pub fn label_before_quotation(tokens: &[Token]) -> Option<Cue> {
    let colon = tokens.iter().position(|t| t.is_punct(':') && !t.quoted)?;
    let quotation_follows = tokens.get(colon + 1).is_some_and(|t| t.quoted);
    if colon == 0 || !quotation_follows {
        return None;
    }
    // A capitalised word must close the clause before the colon; the name read back from it
    // may carry its role words ("pollster David Shaw") and a party tag after it
    // (`Rep. Trey Gowdy (R-S.C.):`).
    let name_end = party_tag_start(tokens, colon).unwrap_or(colon);
    let closing = &tokens[name_end.checked_sub(1)?];
    if !(closing.is_word() && closing.is_capitalized() && !closing.quoted) {
        return None;
    }
    let cue = name_cue(tokens, 0, name_end)?;
    // `delivered a blunt message to Trump: "..."`: a name after `to` or `with` is whom the
    // words were for; `from` and `by` (`More from Cohen:`) still give their source.
    let first = tokens.iter().position(|t| t.start == cue.start)?;
    let addressee = first > 0 && is_addressee_preposition(tokens[first - 1].lower());
    (!addressee).then_some(Cue {
        end: tokens[colon].end,
        ..cue
    })
}

/// `(R-S.C.)` or `(D-Calif.)` right before the colon: where the bracket opens.
fn party_tag_start(tokens: &[Token], colon: usize) -> Option<usize> {
    let close = colon.checked_sub(1)?;
    if !tokens[close].is_punct(')') {
        return None;
    }
    let open = (close.saturating_sub(8)..close)
        .rev()
        .find(|&j| tokens[j].is_punct('('))?;
    let tag = tokens[open + 1..close].iter().any(|t| t.text.contains('-'));
    tag.then_some(open)
}

/// Prepositions whose object is the one addressed or compared, not the source.
fn is_addressee_preposition(word: &str) -> bool {
    matches!(
        word,
        "to" | "with" | "at" | "against" | "about" | "toward" | "towards" | "for" | "on" | "than"
    )
}

/// The label `tokens[start..colon]` as a cue, when it reads as a person's name.
fn name_cue(tokens: &[Token], start: usize, colon: usize) -> Option<Cue> {
    let (mention, first) = phrase_before(tokens, colon - 1)?;
    // `Hillary Clinton: 1,769.` is a tally, not speech.
    if tokens
        .get(colon + 1)
        .is_some_and(|t| t.text.starts_with(|c: char| c.is_ascii_digit()))
    {
        return None;
    }
    let mention = match mention {
        // `Ninth Circle:`, `Delegate Update:` read as names; a label names a person only with
        // a forename or a title the lexicon knows.
        Mention::Person { ref name, .. }
            if name.title.is_none()
                && name
                    .given
                    .iter()
                    .all(|g| forename_gender(g) == Gender::Unknown) =>
        {
            return None;
        }
        person @ Mention::Person { .. } => person,
        // A single word (`Sanders:`, but also `Update:`, and a capitals word before no
        // speech: `LOOK:`) speaks only as the surname of someone the article names, which
        // resolving a surname-only name checks; kept bare, a capitals word would pass for an
        // organisation's acronym.
        Mention::Bare(word) => Mention::Person {
            name: PersonName {
                given: Vec::new(),
                surname: if is_all_capitals(&word) {
                    title_case(&word)
                } else {
                    word
                },
                title: None,
                gender: Gender::Unknown,
                suffix: None,
            },
            role: None,
        },
        _ => return None,
    };
    if first < start {
        return None;
    }
    Some(Cue {
        mention,
        form: CueForm::Subject,
        start: tokens[first].start,
        end: tokens[colon].end,
    })
}

fn is_all_capitals(word: &str) -> bool {
    word.chars().all(|c| !c.is_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::tokens::tokenize;

    fn label(text: &str, quotes: &[std::ops::Range<usize>]) -> Option<String> {
        let tokens = tokenize(text, quotes);
        opening_label(&tokens)
            .or_else(|| label_before_quotation(&tokens))
            .map(|cue| match cue.mention {
                Mention::Person { name, .. } => name.display(),
                Mention::Bare(word) => word,
                other => format!("{other:?}"),
            })
    }

    #[test]
    fn a_headline_label_names_the_speaker() {
        assert_eq!(
            label("Pence: Flowers Won't Be at Debate", &[]).as_deref(),
            Some("Pence")
        );
        assert_eq!(
            label("Marco Rubio: I'm Not Interested", &[]).as_deref(),
            Some("Marco Rubio")
        );
    }

    #[test]
    fn a_transcript_label_names_the_speaker() {
        assert_eq!(
            label("WALLACE: Let me ask you about the debate.", &[]).as_deref(),
            Some("WALLACE")
        );
        // Short capitals words are names here, not acronyms; a label outranks `I think`.
        assert_eq!(
            label("FALLIN: Well, I think we must work.", &[]).as_deref(),
            Some("FALLIN")
        );
        assert_eq!(
            label("JAKE TAPPER: Donald Trump released a video.", &[]).as_deref(),
            Some("Jake Tapper")
        );
    }

    #[test]
    fn a_name_before_a_colon_and_a_quotation() {
        let text = "It does not surprise pollster David Shaw: \"History says so.\"";
        let open = text.find('"').expect("a quotation");
        assert_eq!(
            label(text, std::slice::from_ref(&(open..text.len()))).as_deref(),
            Some("David Shaw")
        );
    }

    #[test]
    fn a_party_tag_before_the_colon_belongs_to_the_name() {
        let text = "Rep. David Shaw (R-Ohio):\"History says so.\"";
        let open = text.find('"').expect("a quotation");
        assert_eq!(
            label(text, std::slice::from_ref(&(open..text.len()))).as_deref(),
            Some("David Shaw")
        );
    }

    #[test]
    fn a_name_after_to_or_with_before_the_colon_is_addressed_not_quoted() {
        for text in [
            "Ada Okafor delivered a blunt message to David Shaw: \"Stop now.\"",
            "She contrasted the rival with David Shaw: \"He is a steady hand.\"",
        ] {
            let open = text.find('"').expect("a quotation");
            assert_eq!(
                label(text, std::slice::from_ref(&(open..text.len()))),
                None,
                "{text}"
            );
        }
        // `from` gives the source.
        let text = "More from David Shaw: \"History says so.\"";
        let open = text.find('"').expect("a quotation");
        assert_eq!(
            label(text, std::slice::from_ref(&(open..text.len()))).as_deref(),
            Some("David Shaw")
        );
    }

    #[test]
    fn a_capitals_word_before_no_speech_is_a_heading_not_a_speaker() {
        let texts = [
            "BOOM: Senator Fires A Warning Shot At Her Rivals.",
            "Joan Mensah, a senator, spoke on Monday about the budget.",
            "BYLINE: Kofi Okafor.",
            "EMAIL: desk@example.com.",
            "MENSAH: Well, I think we must cut the deficit first.",
        ];
        assert_eq!(crate::attribution::speaker_of(&texts, "Warning Shot"), None);
        assert_eq!(crate::attribution::speaker_of(&texts, "Kofi Okafor"), None);
        assert_eq!(crate::attribution::speaker_of(&texts, "desk@"), None);
        // A transcript line is still its label's.
        assert_eq!(
            crate::attribution::speaker_of(&texts, "cut the deficit").as_deref(),
            Some("Joan Mensah")
        );
    }

    #[test]
    fn other_words_before_a_colon_are_no_speaker() {
        assert_eq!(label("The plan: cut taxes and spending.", &[]), None);
        assert_eq!(label("In short: cut taxes.", &[]), None);
        assert_eq!(label("Delegate Update: The latest count.", &[]), None);
        assert_eq!(label("Hillary Clinton: 1,769.", &[]), None);
    }
}
