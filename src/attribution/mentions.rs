//! Reading the noun phrase that names a speaker: a person ("Russian Deputy Foreign Minister
//! Pavel Orlov", "Mr Varn", "Nick Van den Berk of Aldane Bank"), a pronoun, a role
//! description ("the diplomat", "the head of Russian diplomacy"), or an organisation ("the
//! Russian Foreign Ministry", "a Cabinet Office spokeswoman", "the OECD").
//!
//! This module only reads what the tokens say. It does not decide who a pronoun or a role
//! stands for (that is `cast.rs`), nor where the speech verb is (that is `cues.rs`).

use super::lexicon::{
    forename_gender, is_dotted_abbreviation, is_month_name, is_name_particle, is_not_name,
    is_office_word, is_org_name_head, is_org_role_head, is_party_label, is_person_role_head,
    is_place, is_place_name, is_role_word, nationality, pronoun_gender, role_gender, title_gender,
    trim_all_suffixes, Gender,
};
use super::tokens::Token;

/// A person's name as written: given names (possibly none), surname, title, and a
/// generational suffix (`Jr.`, `Sr.`, `III`) that belongs to the name but is no surname.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonName {
    pub given: Vec<String>,
    pub surname: String,
    pub title: Option<String>,
    pub gender: Gender,
    pub suffix: Option<String>,
}

impl PersonName {
    /// The name without title, or with it when no given name is known ("Mr Fox").
    pub fn display(&self) -> String {
        let mut parts: Vec<&str> = Vec::new();
        if self.given.is_empty() {
            if let Some(title) = &self.title {
                parts.push(title);
            }
        }
        parts.extend(self.given.iter().map(String::as_str));
        parts.push(&self.surname);
        parts.extend(self.suffix.as_deref());
        parts.join(" ")
    }
}

/// Generational suffixes written after a surname: `Jr.`, `Sr.` (with or without the full
/// stop), `II`, `III`, `IV`. They tell a son from his father (`Tom Oduya Jr.`), so they stay
/// with the name, but they are never a surname of their own.
pub fn is_generational_suffix(word: &str) -> bool {
    matches!(
        word.trim_end_matches('.'),
        "Jr" | "Sr" | "II" | "III" | "IV"
    )
}

/// The suffix as a name shows it: `Jr.` and `Sr.` with their full stop.
fn suffix_form(word: &str) -> String {
    match word.trim_end_matches('.') {
        short @ ("Jr" | "Sr") => format!("{short}."),
        numeral => numeral.to_string(),
    }
}

/// A description of an office ("the Russian deputy foreign minister"), normalised for comparing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoleRef {
    /// Lower-case content words without nationality, determiners or grading words.
    pub words: Vec<String>,
    pub nationality: Option<String>,
    /// The text as written.
    pub text: String,
}

impl RoleRef {
    /// The head noun (last word).
    pub fn head(&self) -> &str {
        self.words.last().map_or("", String::as_str)
    }

    /// The role words joined with spaces ("deputy foreign minister").
    pub fn key(&self) -> String {
        self.words.join(" ")
    }
}

/// What a noun phrase in subject position refers to, before any resolution.
#[derive(Clone, Debug, PartialEq)]
pub enum Mention {
    /// A named person, with the role the phrase gives them if any.
    Person {
        name: PersonName,
        role: Option<RoleRef>,
    },
    /// A single capitalised word that is a surname, a company or something else.
    Bare(String),
    /// `he` or `she` (or `his` in "In his opinion").
    Pronoun(Gender, String),
    /// `it`, which can only stand for an organisation when it speaks.
    It,
    /// A role description ("the diplomat").
    Role(RoleRef),
    /// A named organisation.
    Org(String),
    /// A description of an organisation ("the think tank", "the report").
    OrgRole(String),
    /// Something that cannot speak for the record here: a place, a plural, an unnamed person.
    Other,
}

/// Words that may sit between a subject and its speech verb.
pub fn is_auxiliary(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "has"
            | "have"
            | "had"
            | "also"
            | "again"
            | "later"
            | "then"
            | "previously"
            | "already"
            | "recently"
            | "repeatedly"
            | "further"
            | "once"
            | "earlier"
            | "separately"
            | "reportedly"
            | "publicly"
            | "privately"
            | "today"
            | "yesterday"
            | "himself"
            | "herself"
            | "itself"
            | "too"
            | "both"
            | "first"
            | "last"
            | "now"
            | "just"
            | "did"
            | "does"
            | "do"
            | "always"
            | "often"
            | "never"
            | "still"
            | "even"
            | "instead"
            | "however"
            | "subsequently"
            | "since"
            | "meanwhile"
            | "quickly"
            | "openly"
            | "explicitly"
            | "bluntly"
            | "frankly"
            | "clearly"
            | "firmly"
    )
}

/// Whether a word may stand in a name run (capitalised, and none of the words that end a run
/// even when capitalised: roles, titles, places, parties, acronyms, ...). Decided once per
/// token ([`Token::name_word`]): phrase readers ask it of the same token many times.
fn is_name_word(token: &Token) -> bool {
    token.name_word(decide_name_word)
}

/// [`is_name_word`]'s test itself.
fn decide_name_word(token: &Token) -> bool {
    // The word lists compare lower case: hand them the token's lower form, made once, rather
    // than the text each of them would lower again.
    let lower = token.lower();
    if is_initial(token) || is_paired_initials(token) {
        return true;
    }
    token.is_word()
        && token.is_capitalized()
        && !is_not_name(lower)
        && !is_role_word(lower)
        && title_gender(lower).is_none()
        && !is_demonym(token.text)
        && !is_party_label(lower)
        && !is_place(lower)
        && !is_org_name_head(lower)
        && !is_acronym(token.text)
        && !token.is_possessive()
        && !token.text.chars().any(|c| c.is_ascii_digit())
        && !is_contraction(lower)
}

/// A word for a people: a nationality (`Cuban`, `Britain's`) or a compound of them
/// (`Asian-American`, `Irish-American`).
pub fn is_demonym(word: &str) -> bool {
    nationality(word).is_some()
        || (word.contains('-') && word.split('-').all(|part| nationality(part).is_some()))
}

/// "They've", "It's", "Don't": words that look capitalised but are no names.
fn is_contraction(lower: &str) -> bool {
    ["'ve", "'re", "'m", "'ll", "'d", "n't"]
        .iter()
        .any(|ending| lower.ends_with(ending))
        || matches!(
            lower,
            "it's" | "that's" | "there's" | "here's" | "what's" | "let's"
        )
}

/// All capitals, two to six letters ("NATO", "OECD", "BA").
pub fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters)
        && word
            .chars()
            .all(|c| c.is_uppercase() || c == '.' || c == '&')
}

/// Connectors allowed inside a capitalised run ("Secretary of State for the Family").
fn is_run_connector(word: &str) -> bool {
    matches!(word, "of" | "for" | "and" | "the" | "&")
}

/// Token `i` is a capitalised word that cannot be part of a name (`The`, `Monday`). A middle
/// initial (`A.` in `Laura A. Adeyemi`, `I.` in `John I. Doe`) can, though its letter alone is
/// a common word: see [`is_middle_initial`].
fn is_not_name_at(tokens: &[Token], i: usize) -> bool {
    !is_middle_initial(tokens, i) && is_not_name(tokens[i].lower())
}

/// Token `i` is an initial between a known forename (or another initial) and a capitalised
/// word. The forename is the evidence: `World War I. Emeka Obi said` and `Group A. Okafor
/// disagreed` end a sentence with a letter, and gluing it to the next name would make a
/// person of `World War I. Emeka Obi`. Right after a verb of speech (`said Jory A. Vell`) the
/// place is the evidence: a tag names its speaker there, and no sentence ends after one word.
fn is_middle_initial(tokens: &[Token], i: usize) -> bool {
    let forename_at = |b: usize| {
        tokens[b].is_capitalized()
            && (forename_gender(tokens[b].text) != Gender::Unknown
                || b.checked_sub(1).is_some_and(|v| {
                    tokens[v].is_lowercase() && super::cues::is_speech_verb_form(tokens[v].lower())
                }))
    };
    is_initial(&tokens[i])
        && i.checked_sub(1)
            .is_some_and(|b| is_initial(&tokens[b]) || forename_at(b))
        && tokens.get(i + 1).is_some_and(Token::is_capitalized)
}

/// Two initials written together (`J.M.`, `G.K.`), as some people give their forenames; not
/// a place or a time so abbreviated (`U.S.`, `D.C.`, `N.H.`, `p.m.`). An organisation so
/// abbreviated (`U.N.`) still reads as one: a lone capitalised word the cast does not know is
/// an organisation when it is an acronym.
fn is_paired_initials(token: &Token) -> bool {
    let bytes = token.text.as_bytes();
    bytes.len() == 4
        && bytes[0].is_ascii_uppercase()
        && bytes[1] == b'.'
        && bytes[2].is_ascii_uppercase()
        && bytes[3] == b'.'
        && !is_dotted_abbreviation(token.text)
}

/// One capital letter with its full stop (`A.`), as a middle initial is written.
fn is_initial(token: &Token) -> bool {
    let mut chars = token.text.chars();
    matches!(
        (chars.next(), chars.next(), chars.next()),
        (Some(letter), Some('.'), None) if letter.is_uppercase()
    )
}

/// True for tokens that can belong to a capitalised run.
fn in_run(token: &Token) -> bool {
    token.is_word()
        && !token.quoted
        && (token.is_capitalized() || is_name_particle(token.text) || token.text == "&")
}

/// The capitalised run that ends at token `end` (inclusive): its first index.
fn run_start_before(tokens: &[Token], end: usize) -> usize {
    let mut start = end;
    while start > 0 {
        let prev = &tokens[start - 1];
        if prev.is_possessive() && prev.is_capitalized() {
            return start - 1;
        }
        // "New" is a common word but also opens names (New York Times, New Hampshire).
        let place_prefix = prev.text == "New" && tokens[start].is_capitalized();
        if in_run(prev)
            && (!is_not_name_at(tokens, start - 1)
                || title_gender(prev.text).is_some()
                || place_prefix)
        {
            start -= 1;
        } else if is_run_connector(prev.text)
            && !opens_second_person(tokens, prev, start, end)
            && start >= 2
            && in_run(&tokens[start - 2])
            && tokens[start - 2].is_capitalized()
            && !is_not_name(tokens[start - 2].lower())
        {
            start -= 2;
        } else {
            break;
        }
    }
    while start < end && !tokens[start].is_capitalized() {
        start += 1;
    }
    start
}

/// `Ada Okafor and Tunde Bello`: after `and`, a known forename followed by another
/// capitalised word opens a second person, so the run stops there. `Hollis and Spencer` and
/// `Varn and Garrick` go on: one word after `and` is part of a firm's name.
fn opens_second_person(tokens: &[Token], connector: &Token, start: usize, end: usize) -> bool {
    connector.text == "and"
        && start < end
        && forename_gender(tokens[start].text) != Gender::Unknown
        && tokens[start + 1].is_capitalized()
}

/// The capitalised run that starts at token `start`: its last index.
fn run_end_after(tokens: &[Token], start: usize) -> usize {
    let mut end = start;
    while end + 1 < tokens.len() {
        let next = &tokens[end + 1];
        if in_run(next)
            && !is_not_name_at(tokens, end + 1)
            && !super::cues::is_speech_verb_form(next.lower())
        {
            end += 1;
        } else if is_run_connector(next.text)
            && end + 2 < tokens.len()
            && in_run(&tokens[end + 2])
            && tokens[end + 2].is_capitalized()
            && !is_not_name(tokens[end + 2].lower())
        {
            end += 2;
        } else {
            break;
        }
        if tokens[end].is_possessive() {
            break;
        }
    }
    while end > start && !tokens[end].is_capitalized() {
        end -= 1;
    }
    end
}

/// `Walter King`, `Mary Jean King`, `Wade Judge`, `Colin Israel`, `Colin French`: a title,
/// role word, place or nationality right after a known forename is a surname, not an office,
/// a place or a people.
fn is_surname_after_forename(run: &[Token]) -> bool {
    let Some((last, before)) = run.split_last() else {
        return false;
    };
    // `Peter T. King`: middle initials may stand between the forename and the surname.
    let is_initial = |t: &Token| {
        t.is_punct('.')
            || (t.text.chars().count() <= 2 && t.text.chars().all(|c| c.is_uppercase() || c == '.'))
    };
    let Some(forename) = before.iter().rev().find(|t| !is_initial(t)) else {
        return false;
    };
    let office = title_gender(last.text).is_some()
        || is_role_word(last.lower())
        || is_place(last.lower())
        || is_demonym(last.text);
    office
        && !last.text.ends_with('.')
        && last.is_capitalized()
        && is_name_word(forename)
        && forename_gender(forename.text) != Gender::Unknown
        // `In June Chinese officials said`: a month before a word for a people is a date.
        && !is_month_name(forename.text)
}

/// Reads a capitalised run (inclusive bounds) as a mention.
pub fn read_run(tokens: &[Token], start: usize, end: usize) -> Mention {
    // `Will Okafor come back?`: a modal opening a question is its verb, not a forename.
    if end > start && opens_question(tokens, start) {
        return read_run(tokens, start + 1, end);
    }
    // "Philippe Arnaud QC", "Jane Roe MP": letters after a name are no part of it.
    if end > start && is_post_nominal(tokens[end].text) && is_name_word(&tokens[end - 1]) {
        return read_run(tokens, start, end - 1);
    }
    // "Joseph R. Okafor Jr.", "Charles Elliott III": the suffix is the name's, not its surname.
    if end > start && is_generational_suffix(tokens[end].text) && is_name_word(&tokens[end - 1]) {
        return match read_run(tokens, start, end - 1) {
            Mention::Person { mut name, role } if !name.given.is_empty() => {
                name.suffix = Some(suffix_form(tokens[end].text));
                Mention::Person { name, role }
            }
            other => other,
        };
    }
    if let Some(person) = owned_person(tokens, start, end) {
        return person;
    }
    if let Some(person) = affiliated_person(tokens, start, end) {
        return person;
    }
    let run = &tokens[start..=end];
    let name_len = run
        .iter()
        .rev()
        .take_while(|t| is_name_word(t) || is_name_particle(t.text))
        .count()
        .min(4);
    let name_len = if name_len == 0 && is_surname_after_forename(run) {
        1 + run[..run.len() - 1]
            .iter()
            .rev()
            .take_while(|t| is_name_word(t))
            .count()
            .min(3)
    } else {
        name_len
    };
    let mut name_start = run.len() - name_len;
    while name_start < run.len() && !run[name_start].is_capitalized() {
        name_start += 1;
    }
    let name_tokens = &run[name_start..];
    let prefix = &run[..name_start];
    let last = &run[run.len() - 1];
    if name_tokens.is_empty() {
        return read_nameless_run(run);
    }
    // `The United States has`, `New Hampshire voters`: a place named by several words is no
    // given name and surname; like a one-word place, it speaks for its government or people.
    if name_tokens.len() >= 2 {
        let words: Vec<&str> = name_tokens.iter().map(|t| t.lower()).collect();
        if (2..=words.len()).any(|n| is_place_name(&words[words.len() - n..])) {
            return Mention::Org(join(run));
        }
    }
    // "MP for Ashvale", "Minister for Sport", "MP for Lowmoor and Wood Green": words after
    // "for" (or a seat's "and") are a seat or a portfolio.
    if prefix
        .last()
        .is_some_and(|t| matches!(t.text, "for" | "and"))
    {
        return Mention::Other;
    }
    let title = prefix
        .last()
        .filter(|t| title_gender(t.text).is_some())
        .map(|t| t.text.trim_end_matches('.').to_string());
    let role_prefix: Vec<&Token> = prefix
        .iter()
        .take(prefix.len() - usize::from(title.is_some()))
        .collect();
    let has_role_word = role_prefix.iter().any(|t| is_role_word(t.lower()));
    // `Russian Alexei Oduya`, `Democrat Ann Oduya`: a nationality or a party before a full
    // name describes the person, as a role would.
    let described = name_tokens.len() >= 2
        && role_prefix
            .iter()
            .all(|t| nationality(t.text).is_some() || is_party_label(t.lower()));
    if !role_prefix.is_empty() && !has_role_word && !described && title.is_none() {
        return Mention::Org(join(run));
    }
    if is_org_name_head(last.lower()) {
        return Mention::Org(join(run));
    }
    if name_tokens.len() == 1 && title.is_none() && role_prefix.is_empty() {
        return Mention::Bare(name_tokens[0].text.to_string());
    }
    let role = (!role_prefix.is_empty())
        .then(|| role_ref(&role_prefix))
        .flatten();
    Mention::Person {
        name: person_name(name_tokens, title.as_deref()),
        role,
    }
}

/// Whether token `start` is a modal or auxiliary (`Will`, `Can`, `Did`) opening a sentence
/// that ends with a question mark.
fn opens_question(tokens: &[Token], start: usize) -> bool {
    let auxiliary = matches!(
        tokens[start].text,
        "Will" | "Can" | "Could" | "Would" | "Should" | "Did" | "Does" | "Do" | "Has" | "Is"
    );
    let opens = start == 0 || matches!(tokens[start - 1].text, "." | "?" | "!");
    let asks = tokens[start..]
        .iter()
        .find(|t| matches!(t.text, "." | "?" | "!"))
        .is_some_and(|t| t.is_punct('?'));
    auxiliary && opens && asks
}

/// Honours and offices written after a name.
fn is_post_nominal(word: &str) -> bool {
    matches!(
        word,
        "QC" | "KC" | "MP" | "MEP" | "MSP" | "AM" | "OBE" | "MBE" | "CBE" | "KBE" | "JP"
    )
}

/// `North Carolina's Ada Oduya`, `the Policy Center's Bakare`: an owner written before a
/// name says where the person belongs (a state, a newsroom, a think tank); the name after
/// the last possessive is the person, not an organisation called `Carolina's Ada Oduya`.
/// Only a name that reads as a person's (a known forename, a title or a role word, or one
/// bare word the cast then decides on): `Hallam's Herald Square` stays whole.
fn owned_person(tokens: &[Token], start: usize, end: usize) -> Option<Mention> {
    let owner = (start..end).rev().find(|&i| tokens[i].is_possessive())?;
    match read_run(tokens, owner + 1, end) {
        Mention::Person { name, role }
            if role.is_some()
                || name.title.is_some()
                || name
                    .given
                    .first()
                    .is_some_and(|g| forename_gender(g) != Gender::Unknown) =>
        {
            Some(Mention::Person { name, role })
        }
        bare @ Mention::Bare(_) if is_name_word(&tokens[end]) => Some(bare),
        _ => None,
    }
}

/// "Mike Hollis of Aldane Kleber" names Mike Hollis; the rest is his affiliation. But
/// "County Supervisor of Elections Mary Oduya" is an office, then the name: a known forename
/// after the connector opens the person's name.
fn affiliated_person(tokens: &[Token], start: usize, end: usize) -> Option<Mention> {
    let connector = (start + 1..end).find(|&i| matches!(tokens[i].text, "of" | "at" | "from"))?;
    let forename = (connector + 1..end).find(|&i| {
        forename_gender(tokens[i].text) != Gender::Unknown
            && tokens[i..=end].iter().all(is_name_word)
    });
    if let Some(forename) = forename {
        if let person @ Mention::Person { .. } = read_run(tokens, forename, end) {
            return Some(person);
        }
    }
    match read_run(tokens, start, connector - 1) {
        person @ Mention::Person { .. } => Some(person),
        _ => None,
    }
}

/// A run with no name in it: an organisation, a place, or a role ("the Foreign Minister").
fn read_nameless_run(run: &[Token]) -> Mention {
    let last = &run[run.len() - 1];
    // "Israel said", "King says", "French said": a place, an office or a nationality may
    // still be someone's surname (Colin Israel, Mary Jean King, Colin French); the cast
    // decides.
    let common_surname = is_place(last.lower())
        || title_gender(last.text).is_some()
        || (is_demonym(last.text) && !last.is_possessive());
    if run.len() == 1 && common_surname {
        return Mention::Bare(last.text.to_string());
    }
    // "Mr. Prince said", "Ms. King said", "Mr. Singer said", "Mr. English said": after an
    // honorific, any capitalised word but an office ("Mr. President") can only be a surname,
    // even one that is also a title, a job, a nationality or a place; the cast decides whose.
    let honorific = run.len() == 2 && matches!(run[0].lower(), "mr" | "mrs" | "ms" | "miss");
    if honorific && last.is_capitalized() && !is_office_word(last.lower()) {
        return Mention::Bare(last.text.to_string());
    }
    // "Bank of England", "Department for Education and Skills", "Ministry of Defence".
    if run.len() > 2 && is_org_name_head(run[0].lower()) && matches!(run[1].text, "of" | "for") {
        return Mention::Org(join(run));
    }
    // "Farmers Council of Wessex", "Royal Bank of Varn": an organisation head before "of".
    let head_of = run
        .windows(3)
        .any(|w| is_org_name_head(w[0].lower()) && w[0].is_capitalized() && w[1].text == "of");
    if head_of {
        return Mention::Org(join(run));
    }
    if is_org_name_head(last.lower()) || is_acronym(last.text) {
        return Mention::Org(join(run));
    }
    if is_role_word(last.lower()) {
        let words: Vec<&Token> = run.iter().collect();
        return role_ref(&words).map_or(Mention::Other, Mention::Role);
    }
    Mention::Other
}

/// Builds a person name from name tokens and an optional title.
fn person_name(tokens: &[Token], title: Option<&str>) -> PersonName {
    let words: Vec<String> = tokens.iter().map(|t| t.text.to_string()).collect();
    let (given, surname) = match words.split_last() {
        Some((last, rest)) => (rest.to_vec(), last.clone()),
        None => (Vec::new(), String::new()),
    };
    let gender = title
        .and_then(title_gender)
        .unwrap_or(Gender::Unknown)
        .or(given
            .first()
            .map_or(Gender::Unknown, |g| forename_gender(g)));
    PersonName {
        given,
        surname,
        title: title.map(str::to_string),
        gender,
        suffix: None,
    }
}

/// Normalises a role description; `None` when it holds no role noun.
pub fn role_ref(tokens: &[&Token]) -> Option<RoleRef> {
    let text = tokens.iter().map(|t| t.text).collect::<Vec<_>>().join(" ");
    let mut national = None;
    let mut words = Vec::new();
    for token in tokens {
        if let Some(n) = nationality(token.text) {
            national = Some(n);
            continue;
        }
        let lower = token.lower();
        if matches!(
            lower,
            "the" | "a" | "an" | "of" | "for" | "and" | "senior" | "top" | "former" | "&"
        ) || token.is_possessive()
        {
            continue;
        }
        words.push(lower.to_string());
    }
    if words
        .iter()
        .any(|w| is_role_word(w) || is_person_role_head(w))
    {
        Some(RoleRef {
            words,
            nationality: national,
            text,
        })
    } else {
        None
    }
}

fn join(tokens: &[Token]) -> String {
    let mut out = String::new();
    for t in tokens {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(t.text);
    }
    out.trim_start_matches("the ")
        .trim_start_matches("The ")
        .to_string()
}

/// Reads the owner named by `run`, a run of words whose last one is possessive (`Senator Ada
/// Okafor's`), as [`phrase_before`] reads a subject: the name readers take no possessive for a
/// name word, so the words are read again with the `'s` dropped. Returns the mention and the
/// token (of the words read again) it starts at; `None` for an empty run or no phrase.
pub fn possessive_owner(run: &[Token]) -> Option<(Mention, usize)> {
    let (owner, before) = run.split_last()?;
    let bare = owner
        .text
        .strip_suffix("'s")
        .or_else(|| owner.text.strip_suffix("’s"))
        .unwrap_or(owner.text);
    let words: Vec<&str> = before
        .iter()
        .map(|t| t.text)
        .chain(std::iter::once(bare))
        .collect();
    let text = words.join(" ");
    let name_tokens = super::tokens::tokenize(&text, &[]);
    phrase_before(&name_tokens, name_tokens.len().checked_sub(1)?)
}

/// Reads the noun phrase that ends at token `end` (the word just before a verb).
pub fn phrase_before(tokens: &[Token], end: usize) -> Option<(Mention, usize)> {
    let last = tokens.get(end)?;
    if last.quoted {
        return None;
    }
    if last.is_punct(')') {
        let open = (0..end).rev().find(|&i| tokens[i].is_punct('('))?;
        return phrase_before(tokens, open.checked_sub(1)?);
    }
    if !last.is_word() {
        return None;
    }
    if let Some(gender) = pronoun_gender(last.text).filter(|_| {
        !last.text.eq_ignore_ascii_case("her")
            && !last.text.eq_ignore_ascii_case("his")
            && !last.text.eq_ignore_ascii_case("him")
    }) {
        return Some((Mention::Pronoun(gender, last.text.to_string()), end));
    }
    if let Some((gender, pronoun)) = contracted_pronoun(last) {
        return Some((Mention::Pronoun(gender, pronoun.to_string()), end));
    }
    match last.lower() {
        "it" => return Some((Mention::It, end)),
        "who" | "which" | "that" => return None,
        "they" | "we" | "i" | "you" | "this" | "there" => return Some((Mention::Other, end)),
        _ => {}
    }
    if last.is_capitalized() {
        let start = run_start_before(tokens, end);
        let start = extend_over_lowercase_role(tokens, start);
        let mention = firm_named(tokens, start, read_phrase(tokens, start, end));
        return Some((mention, start));
    }
    if last.is_lowercase() {
        return lowercase_phrase_before(tokens, end);
    }
    None
}

/// `She's said that ...`, `He'd told them ...`: a subject pronoun with a contracted
/// auxiliary is one token (the tokenizer keeps inner apostrophes, as in `Russia's`), but its
/// subject is the pronoun. Gives the pronoun's gender and the pronoun as written, without the
/// contraction. Only `he` and `she`: the other pronouns name no one a speaker can be.
pub fn contracted_pronoun<'a>(token: &Token<'a>) -> Option<(Gender, &'a str)> {
    let (pronoun, contraction) = token.lower().split_once('\'')?;
    let auxiliary = matches!(contraction, "s" | "d" | "ll");
    let gender =
        pronoun_gender(pronoun).filter(|_| auxiliary && matches!(pronoun, "he" | "she"))?;
    // The written pronoun: the token's text up to its apostrophe (straight or curly).
    let written = token.text.get(..pronoun.len())?;
    Some((gender, written))
}

/// `consultancy Retail Decisions`, `rival firm Acme Brands`: a name right after a lower-case
/// word for a firm or body is that organisation's name, not a person's.
fn firm_named(tokens: &[Token], start: usize, mention: Mention) -> Mention {
    let Some(before) = start.checked_sub(1).map(|i| &tokens[i]) else {
        return mention;
    };
    let firm_word =
        before.is_word() && !before.quoted && before.is_lowercase() && is_firm_word(before.lower());
    match mention {
        Mention::Person { name, role: None }
            if firm_word && name.title.is_none() && !name.given.is_empty() =>
        {
            Mention::Org(name.display())
        }
        other => other,
    }
}

/// Lower-case nouns for a firm or body ("consultancy", "lender", "watchdog").
pub fn is_firm_word(word: &str) -> bool {
    matches!(
        word,
        "firm"
            | "company"
            | "group"
            | "consultancy"
            | "agency"
            | "bank"
            | "retailer"
            | "lender"
            | "insurer"
            | "carrier"
            | "airline"
            | "maker"
            | "manufacturer"
            | "operator"
            | "broadcaster"
            | "watchdog"
            | "regulator"
            | "charity"
            | "newspaper"
    )
}

/// Moves a run's start left over lower-case role words ("ministry spokesperson Dmitry Orlov").
fn extend_over_lowercase_role(tokens: &[Token], start: usize) -> usize {
    let mut i = start;
    let mut found_role = false;
    while i > 0 {
        let prev = &tokens[i - 1];
        if !prev.is_word() || prev.quoted {
            break;
        }
        let lower = prev.lower();
        let role_like = is_role_word(lower) || is_person_role_head(lower);
        if role_like {
            found_role = true;
            i -= 1;
        } else if found_role
            && (prev.is_capitalized() || matches!(lower, "of" | "for" | "and" | "&"))
            && !is_not_name(prev.lower())
        {
            i -= 1;
        } else if found_role
            && prev.is_lowercase()
            && !is_determiner(lower)
            && i >= 2
            && tokens[i - 2].is_word()
            && (is_role_word(tokens[i - 2].lower()) || tokens[i - 2].is_capitalized())
            && !is_not_name(tokens[i - 2].lower())
        {
            // an inner modifier such as "constitutional affairs committee chairman"
            i -= 1;
        } else {
            break;
        }
    }
    if found_role {
        i
    } else {
        start
    }
}

fn is_determiner(word: &str) -> bool {
    matches!(
        word,
        "the" | "a" | "an" | "this" | "that" | "its" | "his" | "her" | "their" | "our" | "one"
    )
}

/// Reads tokens `start..=end` where the name (if any) is the capitalised run at the end and
/// anything before it is a role description.
fn read_phrase(tokens: &[Token], start: usize, end: usize) -> Mention {
    let run_start = run_start_before(tokens, end);
    let mention = read_run(tokens, run_start, end);
    if run_start <= start {
        return with_determiner(tokens, start, mention);
    }
    let prefix: Vec<&Token> = tokens[start..run_start].iter().collect();
    match mention {
        // `the official Chinese news agency`, `the first Asian-American`: after a
        // description, a word for a people is an adjective or a noun, not a surname.
        Mention::Bare(word) if is_demonym(&word) => Mention::Other,
        Mention::Bare(word) => {
            let name = person_name(&tokens[run_start..=end], None);
            let gender = prefix
                .iter()
                .map(|t| role_gender(t.text))
                .fold(Gender::Unknown, Gender::or);
            let _ = word;
            Mention::Person {
                name: PersonName {
                    gender: name.gender.or(gender),
                    ..name
                },
                role: role_ref(&prefix),
            }
        }
        Mention::Person { mut name, role } => {
            let gender = prefix
                .iter()
                .map(|t| role_gender(t.text))
                .fold(Gender::Unknown, Gender::or);
            name.gender = name.gender.or(gender);
            let mut all: Vec<&Token> = prefix;
            if let Some(r) = &role {
                let _ = r;
                all.extend(
                    tokens[run_start..=end]
                        .iter()
                        .take_while(|t| !is_name_word(t)),
                );
            }
            Mention::Person {
                name,
                role: role_ref(&all).or(role),
            }
        }
        other => other,
    }
}

/// A role or organisation preceded by "a"/"an" names nobody in particular.
fn with_determiner(tokens: &[Token], start: usize, mention: Mention) -> Mention {
    let indefinite = start > 0 && matches!(tokens[start - 1].lower(), "a" | "an");
    match mention {
        Mention::Role(_) if indefinite => Mention::Other,
        other => other,
    }
}

/// Reads a lower-case noun phrase ending at `end`: a role, an organisation description, a
/// spokesperson of a named organisation, or nothing that can speak.
fn lowercase_phrase_before(tokens: &[Token], end: usize) -> Option<(Mention, usize)> {
    let head = tokens[end].lower();
    if head == "diplomacy" {
        return head_of_diplomacy(tokens, end);
    }
    let person_head = is_person_role_head(head);
    let org_head = is_org_role_head(head);
    if !person_head && !org_head {
        return None;
    }
    let mut start = end;
    while start > 0 && end - start < 7 {
        let prev = &tokens[start - 1];
        if !prev.is_word() || prev.quoted {
            break;
        }
        let lower = prev.lower();
        if matches!(lower, "the" | "a" | "an" | "its" | "this") {
            start -= 1;
            break;
        }
        if prev.is_possessive() {
            start -= 1;
            break;
        }
        // "the Labour peer and former minister"; "a Department for Education and Skills
        // spokeswoman" (connectors between capitalised words of a name).
        let joins_roles = lower == "and"
            && start >= 2
            && tokens[start - 2].is_lowercase()
            && (is_role_word(tokens[start - 2].lower())
                || is_person_role_head(tokens[start - 2].lower()));
        let joins_name = matches!(lower, "and" | "of" | "for" | "&")
            && start >= 2
            && tokens[start - 2].is_capitalized()
            && tokens[start].is_capitalized();
        if joins_roles || joins_name {
            start -= 1;
            continue;
        }
        if super::cues::is_speech_verb_form(lower)
            || is_not_name(prev.lower()) && prev.is_lowercase() && !matches!(lower, "first" | "new")
        {
            break;
        }
        start -= 1;
    }
    let phrase: Vec<&Token> = tokens[start..=end].iter().collect();
    let determiner = phrase[0].lower();
    let indefinite = matches!(determiner, "a" | "an");
    let org_words: Vec<&Token> = phrase
        .iter()
        .copied()
        .filter(|t| t.is_capitalized() && !is_not_name(t.lower()) && nationality(t.text).is_none())
        .collect();
    let spokes = matches!(head, "spokesman" | "spokeswoman" | "spokesperson");
    if spokes
        && !org_words.is_empty()
        && org_words
            .iter()
            .all(|t| !is_name_word(t) || is_org_like_run(&org_words))
    {
        let first = phrase.iter().position(|t| org_words.contains(t));
        let last = phrase.iter().rposition(|t| org_words.contains(t));
        let name = match (first, last) {
            (Some(a), Some(b)) => phrase[a..=b]
                .iter()
                .map(|t| t.text)
                .collect::<Vec<_>>()
                .join(" "),
            _ => String::new(),
        };
        return Some((Mention::Org(name), start));
    }
    let owner = phrase
        .iter()
        .find(|t| (t.is_possessive() && t.is_capitalized()) || is_acronym(t.text));
    if let Some(owner) = owner {
        if org_head && !person_head {
            let name = trim_all_suffixes(trim_all_suffixes(owner.text, "'s"), "’s").to_string();
            // "Okafor's campaign said" is the campaign speaking, not Okafor.
            if matches!(head, "campaign" | "administration") {
                return Some((Mention::Org(format!("{name} {head}")), start));
            }
            if !is_place(&name) {
                return Some((Mention::Org(name), start));
            }
        }
    }
    let named_modifiers: Vec<&str> = phrase
        .iter()
        .filter(|t| t.is_capitalized() && (!is_not_name(t.lower()) || is_acronym(t.text)))
        .map(|t| t.text)
        .collect();
    // "A National Audit Office report says": the organisation speaks through its document.
    if is_document_head(head) && !named_modifiers.is_empty() {
        return Some((Mention::Org(named_modifiers.join(" ")), start));
    }
    if indefinite {
        return Some((Mention::Other, start));
    }
    let named_modifiers: Vec<&str> = phrase
        .iter()
        .filter(|t| t.is_capitalized() && (!is_not_name(t.lower()) || is_acronym(t.text)))
        .map(|t| t.text)
        .collect();
    if org_head && !person_head && !named_modifiers.is_empty() && phrase[0].lower() == "the" {
        return Some((
            Mention::Org(format!("{} {head}", named_modifiers.join(" "))),
            start,
        ));
    }
    if org_head && !person_head {
        return Some((Mention::OrgRole(head.to_string()), start));
    }
    if !matches!(determiner, "the" | "this") && !phrase[0].is_possessive() {
        return None;
    }
    role_ref(&phrase).map(|r| (Mention::Role(r), start))
}

/// Nouns for what an organisation publishes, which speak for it.
fn is_document_head(word: &str) -> bool {
    matches!(word, "report" | "study" | "survey" | "statement")
}

/// Several capitalised words that look like an organisation name rather than a person.
fn is_org_like_run(words: &[&Token]) -> bool {
    words
        .iter()
        .any(|t| is_org_name_head(t.lower()) || is_acronym(t.text))
        || forename_gender(words[0].text) == Gender::Unknown
}

/// "the head of Russian diplomacy" means that country's foreign minister.
fn head_of_diplomacy(tokens: &[Token], end: usize) -> Option<(Mention, usize)> {
    let mut i = end;
    let mut national = None;
    while i > 0 && end - i < 4 {
        i -= 1;
        let lower = tokens[i].lower();
        if let Some(n) = nationality(tokens[i].text) {
            national = Some(n);
        }
        if lower == "head" || lower == "chief" {
            let start = if i > 0 && tokens[i - 1].lower() == "the" {
                i - 1
            } else {
                i
            };
            let text = tokens[start..=end]
                .iter()
                .map(|t| t.text)
                .collect::<Vec<_>>()
                .join(" ");
            let role = RoleRef {
                words: vec!["foreign".to_string(), "minister".to_string()],
                nationality: national,
                text,
            };
            return Some((Mention::Role(role), start));
        }
    }
    None
}

/// Reads the noun phrase that starts at token `start` (just after an inverted verb: `said Mr
/// Thomas`, `said the spokesman`) or after "according to"; gives its last token's index too.
pub fn phrase_after(tokens: &[Token], start: usize) -> Option<(Mention, usize)> {
    let first = tokens.get(start)?;
    if first.quoted || !first.is_word() {
        return None;
    }
    let lower = first.lower();
    if matches!(lower, "he" | "she") {
        let gender = pronoun_gender(lower)?;
        return Some((Mention::Pronoun(gender, first.text.to_string()), start));
    }
    if (first.is_capitalized() && !is_not_name(first.lower())) || title_gender(first.text).is_some()
    {
        let end = run_end_after(tokens, start);
        // "said Air Review's Mr Tolland": the organisation owns the speaker.
        if tokens[end].is_possessive() {
            if let Some(found @ (Mention::Person { .. }, _)) = phrase_after(tokens, end + 1) {
                return Some(found);
            }
        }
        // "Civic Bridge President Jessica Ambler": a capitalised office after the
        // organisation, then the name.
        let office = tokens.get(end + 1).is_some_and(|t| {
            t.is_capitalized()
                && !t.quoted
                && (title_gender(t.text).is_some() || is_role_word(t.lower()))
        });
        if office
            && tokens
                .get(end + 2)
                .is_some_and(|t| t.is_capitalized() && !t.quoted)
        {
            let name_end = run_end_after(tokens, end + 1);
            if let Some((person @ Mention::Person { .. }, _)) = phrase_before(tokens, name_end) {
                return Some((person, name_end));
            }
        }
        // "Bank of Varn deputy governor Rachel Tolland": an organisation, its office, a name.
        if let Some(name_end) = name_after_role_words(tokens, end + 1) {
            if let Some((person @ Mention::Person { .. }, _)) = phrase_before(tokens, name_end) {
                return Some((person, name_end));
            }
        }
        return Some((read_run(tokens, start, end), end));
    }
    // "said director Kate Arden", "according to chief economist Tom Hale".
    if let Some(name_end) = name_after_role_words(tokens, start) {
        if let Some((person @ Mention::Person { .. }, _)) = phrase_before(tokens, name_end) {
            return Some((person, name_end));
        }
    }
    if !matches!(lower, "the" | "a" | "an") && !first.is_possessive() {
        return None;
    }
    let mut end = start;
    while let Some(next) = tokens.get(end + 1) {
        // `said the league may print leaflets about Mr. Varn`: a modal, an auxiliary or a
        // possessive determiner starts the reported clause.
        let stop = matches!(
            next.lower(),
            "of" | "for" | "at" | "with" | "who" | "that" | "in" | "on" | "and"
        ) || next.is_lowercase()
            && (is_modal_or_auxiliary(next.lower()) || is_possessive_determiner(next.lower()));
        if !next.is_word() || next.quoted || stop || super::cues::is_speech_verb_form(next.lower())
        {
            break;
        }
        end += 1;
    }
    if end == start {
        return None;
    }
    phrase_before(tokens, end).map(|(mention, _)| (mention, end))
}

/// Possessive determiners (`his`, `her`, `its`, `their`, `our`, `my`): after the first word of
/// a phrase they start a clause's object, not a name (`gave Bakare its award`). `word` is
/// lower case.
pub fn is_possessive_determiner(word: &str) -> bool {
    matches!(word, "his" | "her" | "its" | "their" | "our" | "my")
}

/// Modal and auxiliary verbs, which no description of a speaker holds. `word` is lower case;
/// callers check that the token is written in lower case (`Ada May`, `Will Okafor`).
pub fn is_modal_or_auxiliary(word: &str) -> bool {
    matches!(
        word,
        "might"
            | "may"
            | "will"
            | "would"
            | "could"
            | "can"
            | "should"
            | "must"
            | "shall"
            | "is"
            | "are"
            | "was"
            | "were"
            | "has"
            | "have"
            | "had"
            | "did"
            | "does"
    )
}

/// A lower-case word that may modify a role noun: not a function word or a reporting verb.
fn is_modifier(lower: &str) -> bool {
    !super::cues::is_speech_verb_form(lower)
        && !matches!(
            lower,
            "the"
                | "a"
                | "an"
                | "and"
                | "or"
                | "but"
                | "of"
                | "for"
                | "to"
                | "in"
                | "on"
                | "at"
                | "by"
                | "with"
                | "from"
                | "that"
                | "who"
                | "which"
                | "as"
                | "is"
                | "was"
                | "are"
                | "were"
                | "has"
                | "have"
                | "had"
                | "his"
                | "her"
                | "their"
                | "its"
                | "our"
                | "not"
                | "also"
                | "then"
                | "when"
                | "while"
                | "if"
                | "so"
        )
}

/// When lower-case role words start at `start` and a capitalised name follows them, the
/// index of that name's last token.
///
/// Words before the role noun may be any modifiers (`election lawyer`, `longtime campaign
/// adviser`), but the word right before the name must be a role.
fn name_after_role_words(tokens: &[Token], start: usize) -> Option<usize> {
    let mut i = start;
    let mut role_last = false;
    while let Some(t) = tokens.get(i) {
        if !t.is_word() || t.quoted || !t.is_lowercase() || i - start >= 4 {
            break;
        }
        let lower = t.lower();
        role_last = is_role_word(lower) || is_person_role_head(lower);
        if !role_last && !is_modifier(lower) {
            return None;
        }
        i += 1;
    }
    tokens.get(i).filter(|t| {
        role_last && t.is_word() && !t.quoted && t.is_capitalized() && !is_not_name(t.lower())
    })?;
    let end = run_end_after(tokens, i);
    tokens[i..=end].iter().any(is_name_word).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::tokens::tokenize;

    fn before(text: &str) -> Mention {
        let tokens = tokenize(text, &[]);
        phrase_before(&tokens, tokens.len() - 1)
            .map(|(m, _)| m)
            .unwrap_or(Mention::Other)
    }

    fn person(m: &Mention) -> Option<(String, Option<String>)> {
        match m {
            Mention::Person { name, role } => {
                Some((name.display(), role.as_ref().map(RoleRef::key)))
            }
            _ => None,
        }
    }

    #[test]
    fn a_pronoun_with_a_contracted_auxiliary_is_the_subject() {
        for (text, gender, written) in [
            ("She's said", Gender::Female, "She"),
            ("he\u{2019}s said", Gender::Male, "he"),
            ("He'd told", Gender::Male, "He"),
            ("she'll say", Gender::Female, "she"),
        ] {
            let tokens = tokenize(text, &[]);
            let found = phrase_before(&tokens, 0).map(|(m, _)| m);
            assert_eq!(
                found,
                Some(Mention::Pronoun(gender, written.to_string())),
                "{text}"
            );
        }
        // `it's` names nobody who speaks.
        assert!(!matches!(before("it's"), Mention::Pronoun(..)));
    }

    #[test]
    fn an_organisation_its_capitalised_office_and_a_name() {
        let tokens = tokenize(
            "Civic Bridge President Jessica Ambler issued a statement.",
            &[],
        );
        let (m, end) = phrase_after(&tokens, 0).expect("a phrase");
        assert_eq!(end, 4);
        assert_eq!(
            person(&m).map(|(name, _)| name).as_deref(),
            Some("Jessica Ambler")
        );
    }

    #[test]
    fn role_title_before_a_name() {
        let m = before("Yesterday, Italian Deputy Finance Minister Carla Rossi");
        assert_eq!(
            person(&m),
            Some(("Carla Rossi".into(), Some("deputy finance minister".into())))
        );
    }

    #[test]
    fn a_nationality_or_party_before_a_full_name_describes_the_person() {
        for (text, name) in [
            ("Then Russian Alexei Oduya", "Alexei Oduya"),
            ("Then Democrat Ann Oduya", "Ann Oduya"),
            ("Republican Tom Bakare", "Tom Bakare"),
            ("Then Tory Kemi Bakare", "Kemi Bakare"),
        ] {
            let m = before(text);
            assert_eq!(person(&m).map(|(n, _)| n).as_deref(), Some(name), "{text}");
        }
        // An organisation named with a party stays one.
        assert!(matches!(
            before("Then the Democratic National Committee"),
            Mention::Org(_)
        ));
    }

    #[test]
    fn a_place_of_several_words_is_no_person() {
        for text in ["Then The United States", "Then New Hampshire"] {
            assert!(matches!(before(text), Mention::Org(_)), "{text}");
        }
        assert_eq!(
            person(&before("Then Newt Oduya"))
                .map(|(n, _)| n)
                .as_deref(),
            Some("Newt Oduya")
        );
    }

    #[test]
    fn a_generational_suffix_is_no_surname() {
        let tokens = tokenize(
            "Vice President Joseph R. Oduya Jr., who spoke, said so.",
            &[],
        );
        let (m, _) = phrase_after(&tokens, 0).expect("a phrase");
        let Mention::Person { name, .. } = m else {
            panic!("a person: {m:?}");
        };
        assert_eq!(name.surname, "Oduya");
        assert_eq!(name.suffix.as_deref(), Some("Jr."));
        assert_eq!(name.display(), "Joseph R. Oduya Jr.");
    }

    #[test]
    fn a_name_after_an_owner_is_the_person() {
        for (text, name) in [
            ("Then North Dakota's Ada Okonkwo", "Ada Okonkwo"),
            (
                "Then the Policy Center\u{2019}s Director Tom Bakare",
                "Tom Bakare",
            ),
        ] {
            assert_eq!(
                person(&before(text)).map(|(n, _)| n).as_deref(),
                Some(name),
                "{text}"
            );
        }
        // One word after the owner is left for the cast to decide.
        assert_eq!(
            before("Then the Policy Center's Bakare"),
            Mention::Bare("Bakare".into())
        );
        // Words after an owner that read as no person's name keep the whole run.
        assert!(matches!(
            before("Then Hallam's Herald Square"),
            Mention::Org(_)
        ));
    }

    #[test]
    fn lowercase_role_before_a_name() {
        let m = before("On Monday, Tory transport spokesman Jim Beam");
        let (name, role) = person(&m).expect("a person");
        assert_eq!(name, "Jim Beam");
        assert!(role.expect("a role").ends_with("spokesman"));
    }

    #[test]
    fn a_title_word_after_a_forename_is_a_surname() {
        let m = before("On Monday, Walter King");
        assert_eq!(
            person(&m).map(|(name, _)| name).as_deref(),
            Some("Walter King")
        );
        let m = before("said Representative Wade T. King");
        assert_eq!(
            person(&m).map(|(name, _)| name).as_deref(),
            Some("Wade T. King")
        );
        let m = before("Rep. Colin Israel");
        assert_eq!(
            person(&m).map(|(name, _)| name).as_deref(),
            Some("Colin Israel")
        );
        let m = before("tennis champion Mary Jean King");
        assert_eq!(
            person(&m).map(|(name, _)| name).as_deref(),
            Some("Mary Jean King")
        );
        // An office still opens a name: "King Abdullah".
        assert!(!matches!(before("King"), Mention::Person { .. }));
    }

    #[test]
    fn a_preposition_or_conjunction_opening_the_sentence_is_no_part_of_the_name() {
        for text in [
            "Neither Ada Okafor",
            "Besides Ada Okafor",
            "Alongside Ada Okafor",
        ] {
            assert_eq!(
                person(&before(text)).map(|(name, _)| name).as_deref(),
                Some("Ada Okafor"),
                "{text}"
            );
        }
    }

    #[test]
    fn a_word_for_a_people_after_a_forename_is_a_surname() {
        for (text, expected) in [
            ("On Monday, Colin French", "Colin French"),
            ("On Monday, Martin Cuban", "Martin Cuban"),
            ("said Rosa T. English", "Rosa T. English"),
        ] {
            assert_eq!(
                person(&before(text)).map(|(name, _)| name).as_deref(),
                Some(expected),
                "{text}"
            );
        }
        // A month is no forename before a word for a people: a date.
        for text in ["In June Chinese", "Last August French"] {
            assert!(!matches!(before(text), Mention::Person { .. }), "{text}");
        }
        // Alone it may still be a surname, for the cast to decide ...
        assert_eq!(before("Cuban"), Mention::Bare("Cuban".into()));
        // ... but not after a description, where it describes.
        for text in ["Xalta, the official Chinese", "the first Asian-American"] {
            assert!(!matches!(before(text), Mention::Person { .. }), "{text}");
        }
    }

    #[test]
    fn modifiers_may_precede_a_role_before_a_name() {
        let tokens = tokenize("according to election lawyer Wade Spies", &[]);
        let (m, _) = phrase_after(&tokens, 2).expect("a phrase");
        assert_eq!(
            person(&m).map(|(name, _)| name).as_deref(),
            Some("Wade Spies")
        );
        // The word before the name must be a role.
        let tokens = tokenize("according to local Wade Spies", &[]);
        assert!(!matches!(
            phrase_after(&tokens, 2),
            Some((Mention::Person { .. }, _))
        ));
    }

    #[test]
    fn courtesy_title() {
        match before("but Mrs Smith") {
            Mention::Person { name, .. } => {
                assert_eq!(name.display(), "Mrs Smith");
                assert_eq!(name.gender, Gender::Female);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn post_nominal_letters_are_no_part_of_a_name() {
        match before("lawyer Ann Kerr QC") {
            Mention::Person { name, .. } => assert_eq!(name.display(), "Ann Kerr"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_name_after_a_firm_word_is_an_organisation() {
        assert_eq!(
            before("the consultancy Bright Ledger"),
            Mention::Org("Bright Ledger".to_string())
        );
        assert!(matches!(
            before("party spokesman Tom Hale"),
            Mention::Person { .. }
        ));
    }

    #[test]
    fn bare_surname() {
        assert_eq!(
            before("As things stand, Jenkins"),
            Mention::Bare("Jenkins".into())
        );
    }

    #[test]
    fn pronouns_and_places() {
        assert!(matches!(
            before("Later, she"),
            Mention::Pronoun(Gender::Female, _)
        ));
        // A place is left for the cast, which knows whether it is someone's surname.
        assert_eq!(
            before("the talks were over, Moscow"),
            Mention::Bare("Moscow".into())
        );
        assert_eq!(before("In a statement, it"), Mention::It);
    }

    #[test]
    fn role_descriptions() {
        match before("The senior Swedish official") {
            Mention::Role(r) => {
                assert_eq!(r.key(), "official");
                assert_eq!(r.nationality.as_deref(), nationality("Swedish").as_deref());
            }
            other => panic!("{other:?}"),
        }
        match before("Meanwhile the head of French diplomacy") {
            Mention::Role(r) => assert_eq!(r.key(), "foreign minister"),
            other => panic!("{other:?}"),
        }
        assert_eq!(before("a senior official"), Mention::Other);
    }

    #[test]
    fn organisations() {
        assert_eq!(
            before("The Spanish Interior Ministry"),
            Mention::Org("Spanish Interior Ministry".into())
        );
        assert_eq!(
            before("But a Home Office spokeswoman"),
            Mention::Org("Home Office".into())
        );
        assert_eq!(before("the IMF"), Mention::Org("IMF".into()));
        assert_eq!(before("the watchdog"), Mention::OrgRole("watchdog".into()));
        assert_eq!(
            before("Okafor's campaign"),
            Mention::Org("Okafor campaign".into())
        );
        assert_eq!(
            before("The New York Times"),
            Mention::Org("New York Times".into())
        );
        assert_eq!(before("Labour MP for Kettering"), Mention::Other);
        assert_eq!(before("Labour MP for Leyton and Wanstead"), Mention::Other);
        assert_eq!(
            before("A Department for Work and Pensions spokesman"),
            Mention::Org("Department for Work and Pensions".into())
        );
        assert_eq!(
            before("A Cabinet Office report"),
            Mention::Org("Cabinet Office".into())
        );
        assert_eq!(
            before("the Bank of Leith"),
            Mention::Org("Bank of Leith".into())
        );
    }

    #[test]
    fn a_word_after_an_honorific_is_a_surname_unless_it_is_an_office() {
        // A job, a nationality or a title after `Mr.` is the person's surname.
        for (text, surname) in [
            ("Mr. Singer", "Singer"),
            ("Mr. English", "English"),
            ("Ms. King", "King"),
        ] {
            assert_eq!(before(text), Mention::Bare(surname.into()), "{text}");
        }
        // An office after it is the form of address.
        assert!(!matches!(before("Mr. President"), Mention::Bare(_)));
        assert!(!matches!(before("Mr. Speaker"), Mention::Bare(_)));
    }

    #[test]
    fn inverted_subjects() {
        let tokens = tokenize("said Mr Jenkins, the head of the firm", &[]);
        match phrase_after(&tokens, 1).map(|(m, _)| m) {
            Some(Mention::Person { name, .. }) => assert_eq!(name.display(), "Mr Jenkins"),
            other => panic!("{other:?}"),
        }
        let tokens = tokenize("said the spokesman.", &[]);
        assert!(matches!(
            phrase_after(&tokens, 1),
            Some((Mention::Role(_), 2))
        ));
    }

    #[test]
    fn a_modal_opening_a_question_is_no_forename() {
        let tokens = tokenize("Game over. Will Bakare come down off the fence?", &[]);
        assert_eq!(read_run(&tokens, 3, 4), Mention::Bare("Bakare".to_string()));
        // Outside a question the same word is a forename.
        let tokens = tokenize("Will Bakare came down off the fence.", &[]);
        assert_eq!(
            person(&read_run(&tokens, 0, 1))
                .map(|(name, _)| name)
                .as_deref(),
            Some("Will Bakare")
        );
    }

    #[test]
    fn a_middle_initial_that_is_a_word_stays_in_the_name() {
        let tokens = tokenize("said Alice A. Adeyemi of the council", &[]);
        let (m, end) = phrase_after(&tokens, 1).expect("a phrase");
        assert_eq!(end, 3);
        assert_eq!(
            person(&m).map(|(name, _)| name).as_deref(),
            Some("Alice A. Adeyemi")
        );
    }

    #[test]
    fn a_middle_initial_after_an_unknown_forename_stays_after_a_verb_of_speech() {
        let tokens = tokenize("said Jory A. Vellacott, head of policy", &[]);
        let (m, end) = phrase_after(&tokens, 1).expect("a phrase");
        assert_eq!(end, 3);
        assert_eq!(
            person(&m).map(|(name, _)| name).as_deref(),
            Some("Jory A. Vellacott")
        );
    }

    #[test]
    fn paired_initials_are_given_names_but_a_place_is_not() {
        assert_eq!(
            person(&before("said J.M. Okafor"))
                .map(|(name, _)| name)
                .as_deref(),
            Some("J.M. Okafor")
        );
        assert!(!matches!(before("U.S. Steel"), Mention::Person { .. }));
        for text in [
            "in Washington, D.C. Ruiz",
            "in Concord, N.H. Ruiz",
            "the U.K. Ruiz",
        ] {
            assert!(!matches!(before(text), Mention::Person { .. }), "{text}");
        }
        assert!(!matches!(before("the U.N."), Mention::Person { .. }));
    }

    #[test]
    fn a_letter_ending_a_sentence_is_no_middle_initial_of_the_next_name() {
        for (text, surname, expected) in [
            (
                "He fought in World War I. Emeka Obi said so.",
                7,
                "Emeka Obi",
            ),
            ("It was Group A. Ada Okafor disagreed.", 5, "Ada Okafor"),
        ] {
            let tokens = tokenize(text, &[]);
            assert_eq!(
                tokens[surname].text,
                expected.rsplit(' ').next().unwrap_or("")
            );
            let (m, _) = phrase_before(&tokens, surname).expect("a phrase");
            assert_eq!(
                person(&m).map(|(name, _)| name).as_deref(),
                Some(expected),
                "{text}"
            );
        }
    }
}
