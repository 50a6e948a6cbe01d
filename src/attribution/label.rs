//! The label sieve: a name set before a colon or after a dash gives the words to that name.
//!
//! News forms that put a speaker beside punctuation rather than a verb: headline labels
//! (`Ruiz: Moss Won't Be at Debate`), behind a capitals kicker and a dash (`EXCLUSIVE – Dana
//! Ruiz: ...`); `Name to Audience:` and `Name on Topic: "quotation"` headlines; transcript
//! turns (`QUIST: Let me ask you ...`), whose two-word capitals labels are also people for the
//! cast when the first word is a known forename ([`transcript_person`]); a lead-in to a
//! quotation (`... surprise pollster Ada Okafor: "History says so."`); and dash signatures
//! under a quotation (`- Dana Ruiz, Dayton.`). It also finds a short capitalised heading
//! before a colon (`The Latest:`) so that the clause after it is read on its own.
//!
//! A label must open the sentence (or end right before a quotation) and read as a name: one
//! to four capitalised words, titles and roles allowed before them. Places and datelines
//! (`HONG KONG:`), kickers (`FACT CHECK:`), plans (`Ruiz to Face Moss:`) and common words
//! (`Update:`) are not speakers. This sieve is not for cues beside a verb (`cues`), nor does
//! it resolve names to people (`cast`).

use super::cues::{is_speech_verb_form, Cue, CueForm};
use super::lexicon::{
    forename_gender, is_forename_of_both_sexes, is_not_name, is_person_role_head, is_place,
    is_place_name, is_role_word, trim_all_suffixes, Gender, WordSet,
};
use super::mentions::{phrase_before, Mention, PersonName};
use super::tokens::Token;

/// Most words a label may have before its colon (`Former Gov. Tom Varga`).
const LABEL_WORDS: usize = 5;

/// `Varga: Lund Ledger Story Has Moved.` / `LUND: Honestly, ...`: a label opening the
/// sentence. It outranks any cue inside the sentence, whose `I` is the label's speaker.
pub fn opening_label(tokens: &[Token]) -> Option<Cue> {
    // `EXCLUSIVE – Dana Ruiz: ...`: a capitals kicker and a dash before the label.
    let skip = kicker_len(tokens);
    plain_label(tokens, skip).or_else(|| addressed_label(tokens, skip))
}

/// A label of a few words right before the colon, from token `skip` on.
fn plain_label(tokens: &[Token], skip: usize) -> Option<Cue> {
    let colon = skip
        + tokens[skip..]
            .iter()
            .take(LABEL_WORDS + 2)
            .position(|t| t.is_punct(':') && !t.quoted)?;
    let label = &tokens[skip..colon];
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
        .filter(|_| skip == 0 && reads_as_speech(&tokens[colon + 1..]))
        .map(cue)
        .or_else(|| {
            // `The Latest:` reads as a name after `The`: a label is a name (and its titles)
            // from its first word, never a function word before it.
            let cue = name_cue(tokens, skip, colon)?;
            tokens[skip..colon]
                .iter()
                .take_while(|t| t.start < cue.start)
                .all(|t| !is_not_name(t.lower()))
                .then_some(cue)
        })
}

/// `Ruiz to Nurses: Moss Will Close the Hospitals`, `Ruiz on the Budget: "I Think She
/// Will."`: a headline's name, then `to` and whom the words are for, or `on` and a topic
/// with a quotation after the colon, speaks what follows the colon. A topic before other
/// words (`Ruiz on Taxes: A Record of Cuts`) is what the piece is about, not her words.
fn addressed_label(tokens: &[Token], start: usize) -> Option<Cue> {
    /// Most tokens from the name to the colon.
    const LINKED_LABEL_TOKENS: usize = 14;
    let colon = start
        + tokens[start..]
            .iter()
            .take(LINKED_LABEL_TOKENS)
            .position(|t| t.is_punct(':') && !t.quoted)?;
    let link = (start + 1..colon).find(|&i| matches!(tokens[i].lower(), "on" | "to"))?;
    let between = &tokens[link + 1..colon];
    let quotation_follows = tokens.get(colon + 1).is_some_and(|t| t.quoted);
    let fits = match tokens[link].lower() {
        "to" => {
            !between.is_empty()
                && between
                    .iter()
                    .all(|t| t.is_word() && t.is_capitalized() && !t.quoted)
                // `Ruiz to Face Moss:` is her plan; `to` begins an infinitive, not an audience.
                && !is_headline_infinitive(between[0].lower())
        }
        _ => quotation_follows && !between.is_empty(),
    };
    if !fits {
        return None;
    }
    let cue = name_cue(tokens, start, link).filter(|cue| cue.start == tokens[start].start)?;
    Some(Cue {
        end: tokens[colon].end,
        ..cue
    })
}

/// Verbs a headline puts after `to` for what someone will do: `data/headline_infinitives.txt`.
static HEADLINE_INFINITIVES: WordSet = WordSet::new(include_str!("data/headline_infinitives.txt"));

/// Whether a lower-case word after a headline's `to` is a verb (`face`, `say`), so that `to`
/// opens an infinitive.
fn is_headline_infinitive(lower: &str) -> bool {
    HEADLINE_INFINITIVES.contains(lower) || is_speech_verb_form(lower)
}

/// `EXCLUSIVE –`, `BREAKING NEWS —`: one or two capitals words and a dash opening a headline,
/// a kicker before its label; how many tokens it takes (0 when there is none).
fn kicker_len(tokens: &[Token]) -> usize {
    let words = tokens
        .iter()
        .take(3)
        .take_while(|t| {
            t.is_word()
                && !t.quoted
                && t.text.chars().filter(|c| c.is_alphabetic()).count() >= 3
                && is_all_capitals(t.text)
        })
        .count();
    let dashed = words > 0 && tokens.get(words).is_some_and(is_dash);
    if dashed {
        words + 1
    } else {
        0
    }
}

/// `The Latest: Ruiz declares victory.`, `Editor's note: ...`: a heading of a few words before
/// a colon that is no speaker's label ([`opening_label`] found none) is followed by a clause
/// of its own; the cue finders read that clause, from its capitalised first word. Gives the
/// tokens after the colon, or all of them when the sentence does not open so.
pub fn past_heading<'t, 'a>(tokens: &'t [Token<'a>]) -> &'t [Token<'a>] {
    /// Most words of such a heading.
    const HEADING_WORDS: usize = 3;
    let Some(colon) = tokens
        .iter()
        .take(HEADING_WORDS * 2)
        .position(|t| t.is_punct(':') && !t.quoted)
    else {
        return tokens;
    };
    let heading = &tokens[..colon];
    let words = heading.iter().filter(|t| t.is_word()).count();
    let plain = heading
        .iter()
        .all(|t| !t.quoted && (t.is_word() || t.is_punct(',')));
    // `Okafor said: The plan is dead.`, `He told reporters: ...`, `Her reply: ...`: words
    // before the colon that hold a verb of speech, a pronoun or an owner frame the words
    // after it, so they are no heading. A heading opens capitalised (`The Latest:`); an
    // owner may only be a role (`Editor's note:`).
    let heading_words = || heading.iter().filter(|t| t.is_word());
    let capitalised = heading.first().is_some_and(|t| t.is_capitalized());
    let frames = heading_words().any(|t| {
        let lower = t.lower();
        is_speech_verb_form(lower)
            || is_heading_pronoun(lower)
            || (t.is_possessive() && !is_role_word(possessor(lower)))
    });
    let rest = &tokens[colon + 1..];
    let clause = rest.len() >= 3 && !rest[0].quoted && rest[0].is_capitalized();
    if (1..=HEADING_WORDS).contains(&words) && plain && capitalised && !frames && clause {
        rest
    } else {
        tokens
    }
}

/// Pronouns that open a speaker's clause or own its words (`He told ...:`, `Her reply:`).
fn is_heading_pronoun(lower: &str) -> bool {
    matches!(
        lower,
        "i" | "we"
            | "he"
            | "she"
            | "they"
            | "you"
            | "it"
            | "my"
            | "our"
            | "his"
            | "her"
            | "their"
            | "your"
            | "its"
    )
}

/// `editor's` → `editor`: the owner of a possessive word, in lower case (the suffixes
/// trimmed in place, as `trim_end_matches` would, without a searcher or a copy).
fn possessor(lower: &str) -> &str {
    trim_all_suffixes(trim_all_suffixes(lower, "'s"), "’s")
}

/// A hyphen, en dash or em dash standing alone.
fn is_dash(token: &Token) -> bool {
    token.is_punct('-') || token.is_punct('–') || token.is_punct('—')
}

/// `MARTA KELLING: Senator Moss released a video ...`: the person an all-capitals transcript
/// label of a given name and a surname names, for the cast to know (its name reader takes
/// capitals words for acronyms, so a speaker named only in labels would resolve to no one).
/// The flag says whether the label's first word is a forename the lexicon knows; a capitals
/// kicker (`FACT CHECK:`, `LIVE UPDATES:`) has none, so the article joins such a label to its
/// cast only when it opens more than one paragraph, as a speaker's turns do.
pub fn transcript_person(tokens: &[Token]) -> Option<(PersonName, bool)> {
    let colon = tokens
        .iter()
        .take(4)
        .position(|t| t.is_punct(':') && !t.quoted)?;
    if !reads_as_speech(&tokens[colon + 1..]) {
        return None;
    }
    match transcript_speaker(&tokens[..colon])? {
        Mention::Person { name, .. } => {
            let known = name.given.first().is_some_and(|given| {
                forename_gender(given) != Gender::Unknown || is_forename_of_both_sexes(given)
            });
            Some((name, known))
        }
        _ => None,
    }
}

/// `"We need roads." —Commissioner Dana Ruiz` or a line `- Dana Ruiz, Dayton.` under a
/// quotation: a dash, a person's name, and at most a short description after a comma, ending
/// the sentence. Only a quotation may come before the dash. A section heading between dashes
/// (`– Old hands –`) and a list line whose name a verb follows (`-Dana Ruiz explains why
/// ...`) are no signature.
pub fn dash_signature(tokens: &[Token]) -> Option<Cue> {
    /// Most tokens after the dash: a name with a title and a short description.
    const SIGNATURE_TOKENS: usize = 14;
    let dash = tokens.iter().position(|t| !t.quoted)?;
    let name_start = dash + 1;
    if !is_dash(&tokens[dash]) || tokens.len() - name_start > SIGNATURE_TOKENS {
        return None;
    }
    let stop = tokens[name_start..]
        .iter()
        .position(|t| t.is_punct(',') || t.is_punct('.'))
        .map_or(tokens.len(), |p| name_start + p);
    let after = &tokens[stop..];
    let ends_at_stop = after.first().is_none_or(|t| !t.is_punct('.')) || after.len() == 1;
    if stop == name_start || after.iter().any(is_dash) || !ends_at_stop {
        return None;
    }
    // Capitalised words before the name the reader gave are its title or office
    // (`-Mayor Laura Ruiz`).
    let (mention, first) = phrase_before(tokens, stop - 1)?;
    let titled = tokens
        .get(name_start..first)?
        .iter()
        .all(|t| t.is_word() && t.is_capitalized());
    if !titled {
        return None;
    }
    Some(Cue {
        mention: person_label(mention, true)?,
        form: CueForm::Subject,
        start: tokens[dash].start,
        end: tokens[stop - 1].end,
    })
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

/// `QUIST:`, `MARTA KELLING:`: an all-capitals label names a transcript speaker, however
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
    // A dateline (`HONG KONG: Police said ...`) names a place, not a speaker.
    let lower: Vec<&str> = label.iter().map(|t| t.lower()).collect();
    if label.iter().any(|t| is_place(t.text)) || is_place_name(&lower) {
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
    // (`Rep. Trey Holloway (R-S.C.):`).
    let name_end = party_tag_start(tokens, colon).unwrap_or(colon);
    let closing = &tokens[name_end.checked_sub(1)?];
    if !(closing.is_word() && closing.is_capitalized() && !closing.quoted) {
        return None;
    }
    let cue = name_cue(tokens, 0, name_end)?;
    // `delivered a blunt message to Varga: "..."`: a name after `to` or `with` is whom the
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
    let (mention, first) = phrase_before(tokens, colon.checked_sub(1)?)?;
    // `Ada Lund: 1,769.` is a tally, not speech.
    if tokens
        .get(colon + 1)
        .is_some_and(|t| t.text.starts_with(|c: char| c.is_ascii_digit()))
    {
        return None;
    }
    if first < start {
        return None;
    }
    Some(Cue {
        mention: person_label(mention, false)?,
        form: CueForm::Subject,
        start: tokens[first].start,
        end: tokens[colon].end,
    })
}

/// A name read before a colon or after a dash as a person's label, or `None` when it names
/// no person.
/// `office_names` lets an office before a surname (`President Ruiz`) stand for that surname,
/// as in a signature; before a colon such words are more often a heading (`Delegate
/// Update:`).
fn person_label(mention: Mention, office_names: bool) -> Option<Mention> {
    let mention = match mention {
        // `President Ruiz` (an office and a surname, or an office read as a given name): the
        // surname of someone the article names, which resolving a surname-only name checks.
        Mention::Person { name, role }
            if office_names
                && name.title.is_none()
                && (role.is_some() || !name.given.is_empty())
                && name.given.iter().all(|g| {
                    let lower = g.to_lowercase();
                    is_role_word(&lower) || is_person_role_head(&lower)
                }) =>
        {
            Mention::Person {
                name: PersonName {
                    given: Vec::new(),
                    gender: Gender::Unknown,
                    ..name
                },
                role,
            }
        }
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
        // A single word (`Varga:`, but also `Update:`, and a capitals word before no
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
    Some(mention)
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
            label("Varga: Flags Won't Be at Parade", &[]).as_deref(),
            Some("Varga")
        );
        assert_eq!(
            label("Marco Lindqvist: I'm Not Interested", &[]).as_deref(),
            Some("Marco Lindqvist")
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
            label("QUIST: Well, I think we must work.", &[]).as_deref(),
            Some("QUIST")
        );
        assert_eq!(
            label("MARTA KELLING: Senator Moss released a video.", &[]).as_deref(),
            Some("Marta Kelling")
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
        assert_eq!(label("Ada Lund: 1,769.", &[]), None);
    }

    #[test]
    fn a_short_heading_before_a_colon_is_read_past() {
        let past = |text: &str| {
            let tokens = tokenize(text, &[]);
            past_heading(&tokens)
                .iter()
                .map(|t| t.text)
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(
            past("The Latest: Ruiz declares victory."),
            "Ruiz declares victory ."
        );
        // A long clause before the colon, or lower case after it, is one sentence.
        assert_eq!(
            past("He made an appeal to his voters: Stay home."),
            "He made an appeal to his voters : Stay home ."
        );
        assert_eq!(past("In short: cut taxes."), "In short : cut taxes .");
        // A verb of speech, a pronoun or an owner before the colon frames what follows.
        for text in [
            "Okafor said: The plan is dead.",
            "He told reporters: We will appeal.",
            "Her reply: Nobody asked.",
            "Okafor's reply: Nobody asked.",
        ] {
            assert_eq!(past(text).replace(' ', ""), text.replace(' ', ""), "{text}");
        }
        assert_eq!(past("Editor's note: The vote moved."), "The vote moved .");
    }

    #[test]
    fn a_speech_verb_before_a_colon_keeps_its_speaker() {
        let texts = [
            "Harbour vote",
            "Ada Okafor spoke after the vote.",
            "Okafor said: The plan is dead.",
            "The Latest: Ada Okafor said the port would close.",
        ];
        let speaker = |phrase| crate::attribution::speaker_of(&texts, phrase);
        assert_eq!(speaker("plan is dead").as_deref(), Some("Ada Okafor"));
        assert_eq!(speaker("port would close").as_deref(), Some("Ada Okafor"));
    }

    #[test]
    fn a_capitals_kicker_and_a_dash_may_open_a_headline_label() {
        assert_eq!(
            label(
                "EXCLUSIVE – Laura Ruiz: Don't Trust the Voting Machines.",
                &[]
            )
            .as_deref(),
            Some("Laura Ruiz")
        );
        // Not a kicker: the label must follow the dash.
        assert_eq!(label("Budget – What Next: A Guide.", &[]), None);
    }

    #[test]
    fn a_headline_name_to_an_audience_or_on_a_topic_with_a_quotation_speaks() {
        assert_eq!(
            label("Ruiz to Nurses: Moss will close the hospitals.", &[]).as_deref(),
            Some("Ruiz")
        );
        let text = "Ruiz on the Harbour Tolls: \"We Will Scrap Them.\"";
        let open = text.find('"').expect("a quotation");
        assert_eq!(
            label(text, std::slice::from_ref(&(open..text.len()))).as_deref(),
            Some("Ruiz")
        );
        // A topic before other words is what the piece is about; `to` before a verb is a plan.
        assert_eq!(label("Ruiz on Taxes: A Record of Cuts.", &[]), None);
        assert_eq!(label("Ruiz to face Moss: the rematch is set.", &[]), None);
        // In title case too: `Face` is a verb, not an audience.
        assert_eq!(label("Ruiz to Face Moss: Rematch Set for June", &[]), None);
        assert_eq!(
            label("Ruiz to Tell Nurses: Moss Will Close Wards", &[]),
            None
        );
    }

    #[test]
    fn a_capitals_label_of_two_words_is_a_person_for_the_cast() {
        let name = |text: &str| transcript_person(&tokenize(text, &[])).map(|(n, _)| n.display());
        assert_eq!(
            name("MARTA KELLING: Senator Moss released a video.").as_deref(),
            Some("Marta Kelling")
        );
        assert_eq!(name("KELLING: Senator Moss released a video."), None);
        assert_eq!(name("BREAKING NEWS: Senator Moss Wins."), None);
    }

    #[test]
    fn a_capitals_kicker_or_dateline_is_no_known_person() {
        let known = |text: &str| {
            transcript_person(&tokenize(text, &[]))
                .filter(|(_, known)| *known)
                .map(|(n, _)| n.display())
        };
        for text in [
            "FACT CHECK: The senator claimed taxes fell.",
            "LIVE UPDATES: The council voted on the harbour plan.",
            "HONG KONG: Police said on Monday that the march was banned.",
            "TEL AVIV: Officials said the talks would resume.",
        ] {
            assert_eq!(known(text), None, "{text}");
        }
        // A place is no speaker even in one paragraph's label.
        for text in [
            "HONG KONG: Police said on Monday that the march was banned.",
            "TEL AVIV: Officials said the talks would resume.",
        ] {
            assert_eq!(label(text, &[]), None, "{text}");
        }
        assert_eq!(
            known("MARTA KELLING: Senator Moss released a video.").as_deref(),
            Some("Marta Kelling")
        );
    }

    #[test]
    fn a_capitals_kicker_speaks_for_no_one_in_an_article() {
        let texts = [
            "Tax claims",
            "FACT CHECK: The senator claimed taxes fell.",
            "LIVE UPDATES: The council voted on the harbour plan after a long debate.",
            "HONG KONG: Police said on Monday that the march was banned.",
        ];
        let speaker = |phrase| crate::attribution::speaker_of(&texts, phrase);
        assert_eq!(speaker("taxes fell"), None);
        assert_eq!(speaker("harbour plan"), None);
        assert_ne!(speaker("march was banned").as_deref(), Some("Hong Kong"));
    }

    #[test]
    fn a_dash_and_a_name_ending_the_sentence_is_a_signature() {
        let sign = |text: &str| {
            dash_signature(&tokenize(text, &[])).map(|cue| match cue.mention {
                Mention::Person { name, .. } => name.display(),
                other => format!("{other:?}"),
            })
        };
        assert_eq!(sign("- Ruiz.").as_deref(), Some("Ruiz"));
        assert_eq!(
            sign("-Mayor Laura Ruiz, speaking after the vote.").as_deref(),
            Some("Laura Ruiz")
        );
        assert_eq!(
            sign("-President Ruiz, tweeting after the speech.").as_deref(),
            Some("Ruiz")
        );
        assert_eq!(sign("-Dana Ruiz explains why the poll missed."), None);
        assert_eq!(sign("– Old hands –."), None);
        assert_eq!(sign("Dana Ruiz."), None);
    }
}
