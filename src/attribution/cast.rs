//! The people and organisations of one article, and who a mention stands for.
//!
//! Before attribution, the whole article is read once to learn its cast: every named person
//! (merged by surname and compatible given names, keeping the fullest form), the roles the
//! article gives them ("Russian Deputy Foreign Minister Pavel Orlov", "Rod Tolland,
//! VA's chief executive"), their gender where a title or forename tells it, and the named
//! organisations. During attribution, [`Salience`] remembers who was recently the subject (and
//! whom the latest sentences named otherwise), so that "he", "the diplomat" or "it" resolve to
//! the most recent compatible entity, a subject before an object within one sentence. Roles and
//! people never leak from one article to another.

use super::lexicon::{
    forename_gender, is_forename_of_both_sexes, is_generic_role_head, is_month_name, is_not_name,
    is_place, title_gender, trim_all_suffixes, Gender,
};
use super::mentions::{
    is_acronym, is_demonym, is_modal_or_auxiliary, phrase_before, possessive_owner, role_ref,
    Mention, PersonName, RoleRef,
};
use super::names::{compatible_given, spelling_key};
use super::tokens::Token;
use rustc_hash::FxHashSet;

/// Who speaks: a person of the cast or a named organisation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Speaker {
    Person(usize),
    Org(String),
    /// Someone the article describes but never names here ("the prime minister" with no
    /// name tied to it). Never a speaker; it only stops a later "he" reaching past them.
    Unresolved(Gender),
}

/// One person of the article.
#[derive(Clone, Debug)]
pub struct Person {
    pub name: PersonName,
    pub gender: Gender,
    /// The gender comes only from a forename given to both sexes (`Lindsey`, `Marty`), never
    /// from a title: a guess that a pronoun may overrule ([`Salience::overruled_guess`]).
    gender_guessed: bool,
    pub roles: Vec<RoleRef>,
    /// Every full mention of this name opened a sentence, so its first given name may be
    /// capitalised only by its place (`Bashing Okafor may be job one`); see
    /// [`Cast::merge_sentence_openers`].
    opens_sentences_only: bool,
    /// `spelling_key` of the surname and of the first forename, kept with the name (set by
    /// [`Person::set_name`]): every lookup by a written name compares them with each person's.
    surname_key: String,
    forename_key: Option<String>,
}

impl Person {
    fn new(name: PersonName) -> Person {
        Person {
            gender: name.gender,
            gender_guessed: gender_from_forename_only(&name),
            surname_key: spelling_key(&name.surname),
            forename_key: name.given.first().map(|g| spelling_key(g)),
            name,
            roles: Vec::new(),
            opens_sentences_only: false,
        }
    }

    /// Gives the person this name, with the spelling keys that go with it.
    fn set_name(&mut self, name: PersonName) {
        self.surname_key = spelling_key(&name.surname);
        self.forename_key = name.given.first().map(|g| spelling_key(g));
        self.name = name;
    }
}

/// Everyone the article names.
#[derive(Clone, Debug, Default)]
pub struct Cast {
    pub people: Vec<Person>,
    pub orgs: Vec<String>,
    /// Words the article also writes in lower case ("watch", "questions"): common words.
    /// Only asked whether it holds a word, never iterated, so FxHash (faster than SipHash on
    /// short words; the words come from one article, so flooding buys an attacker nothing
    /// beyond that article) changes no output.
    common_words: FxHashSet<String>,
    /// Words the article writes with a capital and then lower case (`York`, `Update`), in
    /// lower case, outside a title-case headline: a word it also writes in capitals only is
    /// shouted (see [`Cast::is_shouted_word`]).
    title_words: FxHashSet<String>,
    /// The words of a title-case headline (first line), in lower case: capitalised there by
    /// the style, not as names (see [`Cast::is_evidenced_name`]).
    headline_words: FxHashSet<String>,
    /// Lower-case words the article writes right after an article or a determiner (`the
    /// world`, `a computer`, `its partners`): common nouns (see [`Cast::is_named_thing`]).
    noun_words: FxHashSet<String>,
}

/// Organisation nouns that are part of the organisation's own name (`Justice Department`,
/// `Okafor campaign`), so `the department` can only be one whose name holds the word.
const NAMED_BY_HEAD: &[&str] = &[
    "department",
    "ministry",
    "union",
    "campaign",
    "administration",
    "committee",
    "commission",
    "council",
    "agency",
    "party",
    "court",
    "office",
    "board",
    "authority",
    "embassy",
    "institute",
    "foundation",
    "university",
    "federation",
    "association",
];

/// Whether an organisation noun is part of organisations' own names ([`NAMED_BY_HEAD`]), so
/// that `the department` can only be an organisation whose name holds it.
pub fn is_named_by_head(head: &str) -> bool {
    NAMED_BY_HEAD.contains(&head)
}

/// How far back (in paragraphs) a pronoun or role may reach.
const PRONOUN_REACH: usize = 4;

/// How many sentences back a pronoun's pick may lie before it must be the person the article
/// leads with ([`Salience::latest_person`]): three or more, so that two sentences or more with
/// nobody of the pronoun's gender stand between. On PolNeAR such far picks of anyone else
/// were wrong four times in five, those of the leading person right three times in four;
/// answering no one for the others cost 2 right rows and saved 20 wrong ones.
const FAR_SENTENCES: usize = 3;

/// How far back (in paragraphs) a pronoun may reach a person named other than as a subject
/// or speaker: such a mention fades faster (Lappin and Leass halve salience per sentence).
const MENTION_REACH: usize = 1;

impl Cast {
    /// Reads the paragraphs once to learn names, roles and organisations, from each
    /// paragraph's tokens with no quotation marked (`tokenize(text, &[])`).
    pub fn learn<'t, 'a: 't>(paragraphs: impl IntoIterator<Item = &'t [Token<'a>]>) -> Cast {
        let mut cast = Cast::default();
        let mut headlines = Vec::new();
        let mut body = Vec::new();
        let paragraphs: Vec<&[Token]> = paragraphs.into_iter().collect();
        let several = paragraphs.len() > 1;
        // Every paragraph's lower-case words first: whether a name's word is a common noun
        // ([`Cast::is_named_thing`]) is asked of the whole article, not of the text so far.
        for (i, tokens) in paragraphs.iter().enumerate() {
            let title_case_headline = i == 0 && several && super::tokens::is_title_case(tokens);
            cast.learn_common_words(tokens, title_case_headline);
        }
        for (i, tokens) in paragraphs.into_iter().enumerate() {
            let headline = i == 0 && several;
            if headline && super::tokens::is_title_case(tokens) {
                headlines.push(tokens);
            } else {
                cast.learn_tokens(tokens);
                body.push(tokens);
            }
        }
        cast.merge_sentence_openers();
        // In a title-case headline (the first line) every word is capitalised, so "Understated Valdane" or
        // "Fascist Okafor" read as names; a headline only adds people the body does not name.
        for tokens in headlines {
            cast.learn_headline(tokens);
        }
        for tokens in &body {
            cast.learn_forename_people(tokens);
        }
        cast.learn_people_a_pronoun_takes_up(&body);
        cast
    }

    /// `Korvin told reporters the plan would fail. "It is a mess," he said.`: one capitalised
    /// word the article never gives a forename or a title, opening a clause as the subject of
    /// a verb, is a person when the next he or she outside quotations (in its paragraph or
    /// the next) is itself a subject and nobody the cast knows, nor another such word, is
    /// named between them: the pronoun takes them up (the evidence coreference systems read
    /// a name's personhood and gender from), so `Korvin` is no organisation and the later
    /// `he` means them. A word the article writes in lower case, a place, a title, an
    /// acronym or a word of an organisation's name is left alone, as for
    /// [`Cast::learn_forename_people`].
    fn learn_people_a_pronoun_takes_up(&mut self, body: &[&[Token]]) {
        // Every body token outside quotations, with its paragraph, in reading order.
        let mut words: Vec<(usize, &Token)> = Vec::new();
        for (paragraph, tokens) in body.iter().enumerate() {
            let mut quoted = false;
            for (k, token) in tokens.iter().enumerate() {
                let mut chars = token.text.chars();
                let mark = match (chars.next(), chars.next()) {
                    (Some(c), None) if super::quotes::is_quote_mark(c) => Some(c),
                    _ => None,
                };
                // `''...''` (the New York Times' marks; these tokens are read before the
                // marks stage): two touching apostrophes are one mark, the first of them.
                let apostrophe = |t: Option<&Token>| t.is_some_and(|t| t.text == "'");
                let touching = |a: &Token, b: &Token| a.end == b.start;
                let doubled_first = apostrophe(Some(token))
                    && apostrophe(tokens.get(k + 1))
                    && touching(token, &tokens[k + 1]);
                let doubled_second = apostrophe(Some(token))
                    && k > 0
                    && apostrophe(tokens.get(k - 1))
                    && touching(&tokens[k - 1], token);
                if doubled_second {
                    continue;
                }
                let mark = if doubled_first { Some('"') } else { mark };
                if let Some(mark) = mark {
                    quoted = match mark {
                        '“' | '«' => true,
                        '”' | '»' => false,
                        _ => !quoted,
                    };
                } else if !quoted {
                    words.push((paragraph, token));
                }
            }
        }
        let mut learned: Vec<(String, Gender)> = Vec::new();
        for i in 0..words.len() {
            let Some(word) = self.subject_word_at(&words, i) else {
                continue;
            };
            let (paragraph, _) = words[i];
            let mut gender = None;
            for j in i + 1..words.len() {
                let (at, token) = words[j];
                if at > paragraph + 1 {
                    break;
                }
                if let Some(found) = subject_pronoun_at(&words, j) {
                    gender = Some(found);
                    break;
                }
                // A forename opens a name: `South Carolina` names no one called Carolina.
                let opens_run = !words[j - 1].1.is_capitalized() || !words[j - 1].1.is_word();
                let known = token.is_capitalized() && token.is_word() && {
                    let key = spelling_key(token.text);
                    self.people.iter().any(|p| {
                        p.surname_key == key
                            || (opens_run && p.forename_key.as_deref() == Some(key.as_str()))
                    })
                };
                if known || self.subject_word_at(&words, j).is_some() {
                    break;
                }
            }
            if let Some(gender) = gender {
                if !learned.iter().any(|(w, _)| *w == word) {
                    learned.push((word, gender));
                }
            }
        }
        for (word, gender) in learned {
            let name = PersonName {
                given: Vec::new(),
                surname: word,
                title: None,
                gender,
                suffix: None,
            };
            self.add_person(name, None);
        }
    }

    /// The word at `i` of `words` (tokens outside quotations) when it is one capitalised word
    /// opening a clause as the subject of a verb (`, Varnel says`, `Korvin defied`, `Tesh
    /// also addressed`) that the cast does not know and that could be a surname
    /// ([`Cast::learn_people_a_pronoun_takes_up`]).
    fn subject_word_at(&self, words: &[(usize, &Token)], i: usize) -> Option<String> {
        let (paragraph, token) = words[i];
        let capital_word = |t: &Token| t.is_word() && t.is_capitalized();
        let before = i
            .checked_sub(1)
            .map(|b| words[b])
            .filter(|(at, _)| *at == paragraph);
        let after = |k: usize| words.get(k).filter(|(at, _)| *at == paragraph).map(|w| w.1);
        // This runs for every word of the article: the cheap tests on the word itself go first.
        let lone = capital_word(token)
            && !token.is_possessive()
            && !before.is_some_and(|(_, t)| capital_word(t))
            && !after(i + 1).is_some_and(capital_word);
        let word = token.text;
        if !lone || !word.chars().all(char::is_alphabetic) || is_acronym(word) {
            return None;
        }
        let opens = match before {
            None => true,
            Some((_, t)) => {
                (!t.is_word() && t.text.chars().any(|c| ".,;:\"".contains(c)))
                    || matches!(t.lower(), "and" | "but" | "then")
            }
        };
        let next = verb_index(words, i);
        // `Allies say`: a verb that does not agree with one person; `Eyebrows raised, he
        // asked`: a participle with nothing after it opens no clause of its subject's.
        let speech = |lower: &str| super::cues::is_speech_verb_form(lower);
        let verb = after(next).is_some_and(|t| {
            let lower = t.lower();
            let plural = speech(&format!("{lower}s"));
            let object_follows = after(next + 1).is_some_and(Token::is_word);
            t.is_word()
                && t.is_lowercase()
                && ((speech(lower) && !plural)
                    || (lower.len() > 4 && lower.ends_with("ed") && object_follows))
        });
        let key = spelling_key(word);
        let usable = opens
            && verb
            && !self.common_words.contains(token.lower())
            && !is_place(word)
            && title_gender(word).is_none()
            && !is_demonym(word)
            && !is_not_name(token.lower())
            && !is_month_name(word)
            // `Voters turned on the party`: a group is nobody in particular.
            && super::names::speaker_name(word).is_ok()
            && !self
                .orgs
                .iter()
                .any(|org| org.split_whitespace().any(|w| w == word))
            && !self.people.iter().any(|p| {
                p.surname_key == key || p.name.given.iter().any(|g| spelling_key(g) == key)
            });
        usable.then(|| word.to_string())
    }

    /// `his uncle, Tobias, runs the ferry`, `"..." Desmond said. He added ...`: a person the
    /// article calls by a forename alone (a relative, a source named only so) is a person of
    /// the cast, so that `Desmond said` is no organisation and a later `he` can mean them. One
    /// capitalised word makes such a person only with evidence: in apposition to a singular
    /// kin word (which gives the gender), or a forename the census gives to one sex right
    /// before or after a verb of speech. A word the article also writes in lower case, a
    /// place, a title, a word of an organisation's name, or any name of a person already
    /// known (`Ada` is Ada Okafor) is left alone.
    fn learn_forename_people(&mut self, tokens: &[Token]) {
        for i in 0..tokens.len() {
            let Some(gender) = self.forename_person_at(tokens, i) else {
                continue;
            };
            let word = tokens[i].text;
            let key = spelling_key(word);
            let known = self.people.iter().any(|p| {
                p.surname_key == key || p.name.given.iter().any(|g| spelling_key(g) == key)
            });
            if known {
                continue;
            }
            let name = PersonName {
                given: Vec::new(),
                surname: word.to_string(),
                title: None,
                gender,
                suffix: None,
            };
            self.add_person(name, None);
        }
    }

    /// The gender of the person token `i` names by a forename alone, with the evidence
    /// [`Cast::learn_forename_people`] asks for; `None` when it names nobody so.
    fn forename_person_at(&self, tokens: &[Token], i: usize) -> Option<Gender> {
        let token = &tokens[i];
        let before = i.checked_sub(1).map(|b| &tokens[b]);
        let after = tokens.get(i + 1);
        let capital_word = |t: &Token| t.is_word() && t.is_capitalized();
        let lone = capital_word(token)
            && !token.is_possessive()
            && !before.is_some_and(capital_word)
            && !after.is_some_and(capital_word);
        let word = token.text;
        // Most tokens fail these cheap tests first.
        if !lone || !word.chars().all(char::is_alphabetic) || is_acronym(word) {
            return None;
        }
        // All letters, so the token's own lower form is the word lower-cased.
        let lower = token.lower();
        if self.common_words.contains(lower)
            || is_place(word)
            || title_gender(word).is_some()
            || is_not_name(lower)
            || self
                .orgs
                .iter()
                .any(|org| org.split_whitespace().any(|w| w == word))
        {
            return None;
        }
        // `his wife, Odette,`: the kin word says who they are and their gender.
        let kin = i
            .checked_sub(2)
            .filter(|_| before.is_some_and(|t| t.is_punct(',')))
            .and_then(|k| kin_gender(tokens[k].lower()));
        let closes = after.is_none_or(|t| t.is_punct(',') || t.is_punct('.'));
        if let Some(gender) = kin.filter(|_| closes) {
            return Some(gender);
        }
        let gender = forename_gender(word);
        if gender == Gender::Unknown || is_forename_of_both_sexes(word) || is_month_name(word) {
            return None;
        }
        let speech = |t: Option<&Token>| {
            t.is_some_and(|t| {
                t.is_word()
                    && matches!(
                        t.lower(),
                        "said" | "says" | "told" | "added" | "asked" | "wrote" | "recalled"
                    )
            })
        };
        // `said June was the hottest month`: after its verb the name must end the clause.
        ((speech(before) && closes) || speech(after)).then_some(gender)
    }

    /// `Will Osric come back?`, `Understated Valdane lifts profile`, `Bashing Okafor may be
    /// job one`: a sentence capitalises its first word whatever it is, so a name read only
    /// there is doubtful when a given name is no known forename and looks like a common word:
    /// the article writes it in lower case, it is an `-ing` or `-ed` form, or a compound
    /// whose second part is in lower case (`Liberal Oscar-winner Valdane`).
    /// A doubtful name is not a person of its own when someone the article names without
    /// doubt bears the surname (and not that word among their given names: `De Varno` after
    /// `Bill de Varno`): it is that person when they are the only one, else nobody in
    /// particular (a bare surname then resolves as usual).
    fn merge_sentence_openers(&mut self) {
        let doubtful: Vec<bool> = self
            .people
            .iter()
            .map(|person| {
                person.opens_sentences_only
                    && person.name.given.iter().any(|given| {
                        let lower = given.to_lowercase();
                        let inflected =
                            lower.len() > 4 && (lower.ends_with("ing") || lower.ends_with("ed"));
                        // `Oscar-winner`: a compound whose second part is in lower case.
                        let compound = given
                            .split('-')
                            .skip(1)
                            .any(|part| part.starts_with(char::is_lowercase));
                        forename_gender(given) == Gender::Unknown
                            && (inflected || compound || self.common_words.contains(&lower))
                    })
            })
            .collect();
        let mut merged = vec![false; self.people.len()];
        for (i, person) in self.people.iter().enumerate() {
            if !doubtful[i] {
                continue;
            }
            let first = &person.name.given[0];
            let bearers: Vec<usize> = (0..self.people.len())
                .filter(|&j| !doubtful[j] && self.people[j].surname_key == person.surname_key)
                .collect();
            let written_by_bearer = bearers.iter().any(|&j| {
                let given = &self.people[j].name.given;
                given.iter().any(|g| g.eq_ignore_ascii_case(first))
            });
            merged[i] = !bearers.is_empty() && !written_by_bearer;
        }
        let mut roles = Vec::new();
        for i in (0..self.people.len()).rev() {
            if merged[i] {
                let person = self.people.remove(i);
                roles.push((person.surname_key, person.roles));
            }
        }
        for (key, taken) in roles {
            let mut bearers = self.people.iter_mut().filter(|p| p.surname_key == key);
            if let (Some(only), None) = (bearers.next(), bearers.next()) {
                only.roles.extend(taken);
            }
        }
    }

    fn learn_common_words(&mut self, tokens: &[Token], title_case_headline: bool) {
        for pair in tokens.windows(2) {
            let determiner = matches!(
                pair[0].lower(),
                "the" | "a" | "an" | "this" | "these" | "those" | "its" | "their" | "our"
            );
            let noun = &pair[1];
            if determiner
                && noun.is_word()
                && noun.is_lowercase()
                && !self.noun_words.contains(noun.lower())
            {
                self.noun_words.insert(noun.lower().to_string());
            }
        }
        for token in tokens.iter().filter(|t| t.is_word()) {
            let set = if token.is_lowercase() {
                &mut self.common_words
            } else if title_case_headline {
                &mut self.headline_words
            } else if token.is_capitalized() && token.text.chars().any(char::is_lowercase) {
                &mut self.title_words
            } else {
                continue;
            };
            if !set.contains(token.lower()) {
                set.insert(token.lower().to_string());
            }
        }
    }

    /// `NEW YORK (AP) —`, `CORRECTION:`, `UPDATE`: one word of four letters or more in
    /// capitals that the article also writes in lower case or with only a capital first
    /// (`New York`, `a correction`) is an ordinary word set in capitals by a dateline or a
    /// kicker, not an acronym: an organisation's initials are written in capitals only.
    fn is_shouted_word(&self, word: &str) -> bool {
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        letters >= 4 && word.chars().all(|c| c.is_uppercase()) && {
            let lower = word.to_lowercase();
            self.common_words.contains(&lower) || self.title_words.contains(&lower)
        }
    }

    /// `the Coastal Trade Partnership`, `Okafor World`, `Lake Varn City`: capitalised words
    /// whose last one the article also writes in lower case after an article or a
    /// determiner (`a partnership`, `the world`, `the city`: a common noun) and whose other
    /// words hold no known forename or initial, nor a title, name a thing (a treaty, a place,
    /// a product, an event) called by a common noun, not a person: a person's given name is
    /// the evidence that a surname which is also a common noun (`Walter Stone`, `Ada Green`)
    /// is a surname. A word the article uses only otherwise (`to win`, `may`) says nothing:
    /// given names outside the forename lists bear such surnames too.
    fn is_named_thing(&self, name: &PersonName) -> bool {
        let evidenced_given = |given: &String| {
            given.trim_end_matches('.').chars().count() == 1
                || forename_gender(given) != Gender::Unknown
                || is_forename_of_both_sexes(given)
        };
        name.title.is_none()
            && !name.given.is_empty()
            && name.suffix.is_none()
            && !name.given.iter().any(evidenced_given)
            && self.noun_words.contains(&name.surname.to_lowercase())
            && self.find(name).is_none()
    }

    /// A lone capitalised word the cast does not know names an organisation only when the
    /// article never writes it in lower case: "Watch the video", "Questions and answers",
    /// "Given the fallout" capitalise a common word only because it opens the sentence.
    /// Nor is it one when it is capitalised only in a title-case headline (`Rival Just
    /// Blinked`: the style capitalises every word) or written in capitals where the article
    /// writes it otherwise ([`Cast::is_shouted_word`]), or when it is a compound whose last
    /// part is a word the article writes in lower case (`Okafor-style`, `Varn-based`: a
    /// modifier made from a name, not the name).
    fn is_evidenced_name(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        let headline_only = self.headline_words.contains(&lower)
            && !self.title_words.contains(&lower)
            && !self.orgs.iter().any(|org| org == word);
        let modifier = word.rsplit_once('-').is_some_and(|(_, tail)| {
            tail.starts_with(char::is_lowercase) && self.common_words.contains(tail)
        });
        if self.is_shouted_word(word) || modifier || (headline_only && !is_acronym(word)) {
            return false;
        }
        is_acronym(word)
            || self.orgs.iter().any(|org| org == word)
            || !self.common_words.contains(&word.to_lowercase())
    }

    fn learn_headline(&mut self, tokens: &[Token]) {
        for end in 0..tokens.len() {
            if !tokens[end].is_capitalized() {
                continue;
            }
            match phrase_before(tokens, end) {
                Some((Mention::Person { name, role }, _))
                    if self.by_surname(&name.surname).is_empty()
                        && self.is_headline_name(&name) =>
                {
                    self.add_person(name, role);
                }
                Some((Mention::Org(name), _)) => self.add_org(name),
                _ => {}
            }
        }
    }

    /// In a title-case headline every word is capitalised, so capitalised words make a name
    /// only with a title, or with given names that are known forenames (or initials) the body
    /// never writes in lower case: "Mr. Valdane" and "Thomas Valdane", not "Understated Valdane",
    /// "Thomas Valdane Raises" or "Will Osric Come Down" (the body writes "will").
    fn is_headline_name(&self, name: &PersonName) -> bool {
        let forename = |given: &String| {
            let initial = given.trim_end_matches('.').chars().count() == 1;
            initial
                || forename_gender(given) != Gender::Unknown
                    && !self.common_words.contains(&given.to_lowercase())
        };
        if name.title.is_some() {
            return true;
        }
        !name.given.is_empty() && name.given.iter().all(forename)
    }

    fn learn_tokens(&mut self, tokens: &[Token]) {
        for end in 0..tokens.len() {
            let ends_run = tokens[end].is_capitalized()
                && tokens
                    .get(end + 1)
                    .is_none_or(|next| !next.is_capitalized() || !next.is_word());
            if !ends_run {
                continue;
            }
            if tokens[end].is_possessive() && self.learn_possessive(tokens, end) {
                continue;
            }
            match phrase_before(tokens, end) {
                Some((Mention::Person { name, role }, start))
                    if !(role.is_none() && self.is_named_thing(&name)) =>
                {
                    // The first given name is the sentence's first word (not `President
                    // Ada Okafor`, whose forename follows a title).
                    let first = name.given.first().cloned();
                    let opens = opens_sentence(tokens, start)
                        && first.as_deref() == Some(tokens[start].text);
                    let known = self.people.len();
                    let id = self.add_person(name, role);
                    // A new person, or their first given name now read where no sentence
                    // begins (`Secretary Oduya` says nothing of `Understated`).
                    let person = &mut self.people[id];
                    if id == known {
                        person.opens_sentences_only = opens;
                    } else if !opens
                        && first.is_some()
                        && person.name.given.first() == first.as_ref()
                    {
                        person.opens_sentences_only = false;
                    }
                    self.learn_appositions(tokens, start, end, id);
                }
                Some((Mention::Org(name), _)) => self.add_org(name),
                _ => {}
            }
        }
    }

    /// `Ada Okafor's kind of guy`: a full name written only as an owner is still a person of
    /// the article, so that a later `Okafor` or `she` can mean them. The name is read again
    /// without its `'s`; as in a headline, its given names must be known forenames (or it has
    /// a title), so that `Civic Review's` makes no person.
    /// Gives whether it learned a person.
    fn learn_possessive(&mut self, tokens: &[Token], end: usize) -> bool {
        let start = (end.saturating_sub(4)..end)
            .rev()
            .take_while(|&i| tokens[i].is_word() && tokens[i].is_capitalized())
            .last()
            .unwrap_or(end);
        // `Michael Tolland's wife, Sandra`: kin share the surname, and `Mrs Tolland` after it is
        // the wife, so the owner is not learned from here.
        let kin = tokens
            .get(end + 1)
            .is_some_and(|next| is_kin_word(next.lower()))
            || tokens
                .get(end + 2)
                .is_some_and(|next| is_kin_word(next.lower()));
        if start == end || kin {
            return false;
        }
        match possessive_owner(&tokens[start..=end]) {
            Some((Mention::Person { name, role }, _)) if self.is_headline_name(&name) => {
                self.add_person(name, role);
                true
            }
            _ => false,
        }
    }

    /// `Name, the role,` and `The role, Name,` give the person a role.
    fn learn_appositions(&mut self, tokens: &[Token], start: usize, end: usize, id: usize) {
        if tokens.get(end + 1).is_some_and(|t| t.is_punct(',')) {
            let stop = (end + 2..tokens.len().min(end + 14))
                .find(|&i| !tokens[i].is_word() && !tokens[i].text.starts_with('&'));
            if let Some(stop) = stop.filter(|&s| tokens[s].is_punct(',') || tokens[s].is_punct('.'))
            {
                let segment: Vec<&Token> = tokens[end + 2..stop]
                    .iter()
                    .take_while(|t| t.lower() != "who")
                    .collect();
                if let Some(role) = role_ref(&segment).filter(is_office) {
                    self.people[id].roles.push(role);
                }
            }
        }
        if start >= 2 && tokens[start - 1].is_punct(',') {
            if let Some((Mention::Role(role), _)) = phrase_before(tokens, start - 2) {
                self.people[id].roles.push(role);
            }
        }
    }

    fn add_org(&mut self, name: String) {
        if !self.orgs.contains(&name) {
            self.orgs.push(name);
        }
    }

    /// Adds a person or merges them into a known one; gives the person's index.
    pub fn add_person(&mut self, name: PersonName, role: Option<RoleRef>) -> usize {
        let id = match self.find(&name) {
            Some(id) => {
                let known = &mut self.people[id];
                // A title says more than a forename's usual gender ("Jan Berry" ... "Ms Berry").
                known.gender = match title_says(&name) {
                    Some(gender) if gender != Gender::Unknown => gender,
                    _ => known.gender.or(name.gender),
                };
                known.gender_guessed = known.gender_guessed
                    && (name.gender == Gender::Unknown || gender_from_forename_only(&name));
                if name.given.len() > known.name.given.len() {
                    let title = name.title.clone().or(known.name.title.clone());
                    known.set_name(PersonName { title, ..name });
                }
                id
            }
            None => {
                self.people.push(Person::new(name));
                self.people.len() - 1
            }
        };
        if let Some(role) = role {
            self.people[id].roles.push(role);
        }
        id
    }

    /// The known person a written name refers to.
    pub fn find(&self, name: &PersonName) -> Option<usize> {
        if let Some(id) = self.knight_by_forename(name) {
            return Some(id);
        }
        let key = spelling_key(&name.surname);
        self.people.iter().position(|p| {
            p.surname_key == key
                && compatible_given(&p.name.given, &name.given)
                && suffixes_agree(&p.name, name)
                && (p.gender.agrees_with(name.gender)
                    || forename_guess_only(name, &p.name)
                    || forename_guess_only(&p.name, name)
                    || same_forenames(name, &p.name))
        })
    }

    /// "Sir John" after "Sir John Tolland": knights and dames are called by their forename.
    fn knight_by_forename(&self, name: &PersonName) -> Option<usize> {
        let knighted = |title: Option<&String>| {
            title.is_some_and(|t| matches!(t.to_lowercase().as_str(), "sir" | "dame"))
        };
        if !name.given.is_empty() || !knighted(name.title.as_ref()) {
            return None;
        }
        let key = spelling_key(&name.surname);
        let mut found = (0..self.people.len()).filter(|&i| {
            let person = &self.people[i];
            let p = &person.name;
            p.given.len() == 1
                && person.forename_key.as_ref() == Some(&key)
                && (knighted(p.title.as_ref()) || p.title.is_none())
        });
        match (found.next(), found.next()) {
            (Some(id), None) => Some(id),
            _ => None,
        }
    }

    /// People whose surname is this word; failing that, the one person with this forename.
    /// Whether another person of the article bears the surname of person `id` (Tunde and
    /// Ada Okafor): a bare surname may then mean either.
    pub fn shares_surname(&self, id: usize) -> bool {
        let key = &self.people[id].surname_key;
        self.people
            .iter()
            .enumerate()
            .any(|(other, p)| other != id && &p.surname_key == key)
    }

    /// The gender known for a person of the cast.
    pub fn gender(&self, id: usize) -> Gender {
        self.people[id].gender
    }

    /// The people of the cast with this surname (or, failing that, this forename); a
    /// possessive `'s` is ignored.
    pub(super) fn by_surname(&self, word: &str) -> Vec<usize> {
        let key = spelling_key(trim_all_suffixes(trim_all_suffixes(word, "'s"), "’s"));
        let by_surname: Vec<usize> = (0..self.people.len())
            .filter(|&i| self.people[i].surname_key == key)
            .collect();
        if !by_surname.is_empty() {
            return by_surname;
        }
        let by_forename: Vec<usize> = (0..self.people.len())
            .filter(|&i| self.people[i].forename_key.as_ref() == Some(&key))
            .collect();
        if by_forename.len() == 1 {
            by_forename
        } else {
            Vec::new()
        }
    }

    /// Whether `speaker` is a person the article names with a given name or a title
    /// ("Ada Okafor", "Mr. Oduya"), not by one bare word.
    pub fn is_named_person(&self, speaker: &Speaker) -> bool {
        match speaker {
            Speaker::Person(id) => {
                let name = &self.people[*id].name;
                !name.given.is_empty() || name.title.is_some()
            }
            _ => false,
        }
    }

    /// Whether "he" or "she" may stand for this person. A name with no title and no gender
    /// known from a forename, one of whose words the article also writes in lower case ("The
    /// Great Debate Debate shows ...", "Kestrel Computer"), is more likely a capitalised thing
    /// than a person: a pronoun passes over it to the person before. A known forename
    /// ("Staff Katie Varn") or an office ("Pope Clement") keeps a person.
    fn may_be_pronoun_antecedent(&self, id: usize) -> bool {
        let person = &self.people[id];
        let name = &person.name;
        let words = || std::iter::once(&name.surname).chain(&name.given);
        let common = |word: &String| {
            self.common_words.contains(&word.to_lowercase())
                && !super::lexicon::is_role_word(word)
                && !super::lexicon::is_person_role_head(word)
        };
        person.gender != Gender::Unknown
            || name.title.is_some()
            || words().any(|word| forename_gender(word) != Gender::Unknown)
            || !words().any(common)
    }

    /// The name to show for a speaker: the fullest form the article gives.
    pub fn display(&self, speaker: &Speaker) -> String {
        match speaker {
            Speaker::Person(id) => self.people[*id].name.display(),
            Speaker::Org(name) => name.clone(),
            Speaker::Unresolved(_) => String::new(),
        }
    }

    /// Expands an acronym to an organisation the article spells out ("VA" -> "Varn Airways").
    pub fn expand_org(&self, name: &str) -> String {
        if !is_acronym(name) {
            // "Vellan said" after "Vellan Brisco": one known organisation begins with the word.
            let mut longer = self.orgs.iter().filter(|org| {
                org.as_str() != name
                    && org.split_whitespace().next() == Some(name)
                    && org.split_whitespace().count() > 1
                    && !org.split_whitespace().any(|w| matches!(w, "and" | "&"))
            });
            return match (longer.next(), longer.next()) {
                (Some(org), None) => org.clone(),
                _ => name.to_string(),
            };
        }
        let wanted = name.replace('.', "").to_uppercase();
        self.orgs
            .iter()
            .find(|org| initials(org) == wanted)
            .cloned()
            .unwrap_or_else(|| name.to_string())
    }

    /// Resolves a mention to a speaker, with the evidence label; `None` when it cannot be done
    /// safely.
    pub fn resolve(
        &self,
        mention: &Mention,
        salience: &Salience,
        paragraph: usize,
    ) -> Option<(Speaker, Resolution)> {
        match mention {
            Mention::Person { name, .. } => self
                .find(name)
                .map(|id| (Speaker::Person(id), Resolution::Named)),
            Mention::Bare(word) => self.resolve_bare(word, salience),
            Mention::Pronoun(gender, _) => salience
                .latest_person(self, *gender, paragraph)
                .map(|id| (Speaker::Person(id), Resolution::Pronoun)),
            // `it` is the organisation that spoke in the sentence just before; else it is
            // left to the organisation sieve (`orgs`: the organisation opening its sentence or
            // the one before), never given to one that spoke earlier with something else
            // in between.
            Mention::It => salience
                .org_of_sentence_before(paragraph)
                .map(|org| (Speaker::Org(org), Resolution::Pronoun)),
            // `King says ...` after `Mary Jean King`: a title word the cast knows as a
            // surname names that person.
            Mention::Role(role) if self.is_known_surname(&role.text) => {
                self.resolve_bare(&role.text, salience)
            }
            Mention::Role(role) => self
                .resolve_role(role, salience, paragraph)
                .map(|id| (Speaker::Person(id), Resolution::Role)),
            Mention::Org(name) if self.is_shouted_word(name) => None,
            Mention::Org(name) => Some((Speaker::Org(self.expand_org(name)), Resolution::Named)),
            Mention::OrgRole(head) => self
                .resolve_org_role(head, salience, paragraph)
                .map(|org| (Speaker::Org(org), Resolution::Role)),
            Mention::Other => None,
        }
    }

    /// A single capitalised word that is the surname of someone in the cast.
    fn is_known_surname(&self, text: &str) -> bool {
        let one_word = !text.contains(' ') && text.chars().next().is_some_and(char::is_uppercase);
        one_word
            && self
                .people
                .iter()
                .any(|p| p.name.surname == text && !p.name.given.is_empty())
    }

    /// `the company said` is the organisation last in view; but `the department said` or `the
    /// union said` is an organisation whose own name holds that word (the Justice Department,
    /// the Transport Workers Union), in view or else the only one the article names, never a
    /// different organisation named earlier.
    fn resolve_org_role(
        &self,
        head: &str,
        salience: &Salience,
        paragraph: usize,
    ) -> Option<String> {
        if !is_named_by_head(head) {
            return salience.latest_org(paragraph);
        }
        let holds_head = |name: &str| {
            name.split_whitespace()
                .any(|word| word.eq_ignore_ascii_case(head))
        };
        if let Some(org) = salience.latest_org(paragraph).filter(|org| holds_head(org)) {
            return Some(org);
        }
        let mut named = self.orgs.iter().filter(|org| holds_head(org));
        match (named.next(), named.next()) {
            (Some(only), None) => Some(only.clone()),
            _ => None,
        }
    }

    /// A single capitalised word: a known surname, or else an organisation unless it is a place.
    fn resolve_bare(&self, word: &str, salience: &Salience) -> Option<(Speaker, Resolution)> {
        let people = self.by_surname(word);
        if let Some(&id) = people
            .iter()
            .find(|&&id| salience.contains_person(id))
            .or(people.first())
        {
            return Some((Speaker::Person(id), Resolution::Named));
        }
        if is_place(word)
            || title_gender(word).is_some()
            || is_demonym(word)
            || !self.is_evidenced_name(word)
        {
            return None;
        }
        Some((Speaker::Org(self.expand_org(word)), Resolution::Named))
    }

    /// A role description: first a role this article gave someone, then a general role noun
    /// matched against the most recent compatible person.
    fn resolve_role(&self, role: &RoleRef, salience: &Salience, paragraph: usize) -> Option<usize> {
        let exact: Vec<usize> = (0..self.people.len())
            .filter(|&id| self.people[id].roles.iter().any(|r| same_role(r, role)))
            .collect();
        if !exact.is_empty() {
            return salience
                .latest_among(&exact)
                .or_else(|| (exact.len() == 1).then(|| exact[0]));
        }
        let recent = salience.recent_people(paragraph);
        if let Some(id) = recent
            .iter()
            .copied()
            .find(|&id| self.people[id].roles.iter().any(|r| fits_role(r, role)))
        {
            return Some(id);
        }
        // "Mr Varn said ... The prime minister ridiculed ...": an office the article never
        // gave anyone refers back to the latest person, if they hold no other known office.
        let latest = *recent.first()?;
        let office = !is_generic_role_head(role.head())
            && super::lexicon::is_person_role_head(role.head())
            && role.nationality.is_none();
        (office && self.people[latest].roles.is_empty() && !self.holds_other(latest, role))
            .then_some(latest)
    }

    /// True when someone else in the article is known to hold this office.
    fn holds_other(&self, id: usize, role: &RoleRef) -> bool {
        self.people
            .iter()
            .enumerate()
            .any(|(i, p)| i != id && p.roles.iter().any(|r| fits_role(r, role)))
    }
}

/// `Tom Oduya Jr.` is not `Tom Oduya`: two full names are one person only with the same
/// generational suffix (or none); a name without given names (`Mr. Oduya`) may be either.
fn suffixes_agree(a: &PersonName, b: &PersonName) -> bool {
    a.given.is_empty() || b.given.is_empty() || a.suffix == b.suffix
}

/// Whether the token at `start` may open a sentence: the paragraph's first token, or one
/// after a full stop, question or exclamation mark, colon or quotation mark. Quotation marks
/// are all straight by now, so a closing one counts too (`"...," Tom Oduya said`): the rule
/// it serves only doubts a name, and a name after a quotation is as often capitalised by
/// its place.
fn opens_sentence(tokens: &[Token], start: usize) -> bool {
    let Some(before) = start.checked_sub(1).map(|b| &tokens[b]) else {
        return true;
    };
    !before.is_word() && before.text.chars().any(|c| ".?!:\"“‘".contains(c))
}

/// `he said`, `” she added`, `He also thinks`: a he or she at `i` of `words` (tokens outside
/// quotations) that is the subject of a verb, with its gender.
fn subject_pronoun_at(words: &[(usize, &Token)], i: usize) -> Option<Gender> {
    let gender = match words[i].1.lower() {
        "he" => Gender::Male,
        "she" => Gender::Female,
        _ => return None,
    };
    let verb = words.get(verb_index(words, i)).is_some_and(|(at, t)| {
        let lower = t.lower();
        *at == words[i].0
            && t.is_word()
            && (super::cues::is_speech_verb_form(lower)
                || is_modal_or_auxiliary(lower)
                || (lower.len() > 4 && lower.ends_with("ed")))
    });
    verb.then_some(gender)
}

/// Where the verb of a subject at `i` of `words` would stand: the next word, or the one after
/// it past one clause adverb of the same paragraph (`Korvin also said`, `she then added`).
fn verb_index(words: &[(usize, &Token)], i: usize) -> usize {
    let adverb = words
        .get(i + 1)
        .is_some_and(|(at, t)| *at == words[i].0 && t.is_word() && is_clause_adverb(t.lower()));
    i + 1 + usize::from(adverb)
}

/// Adverbs that stand between a subject and its verb (`also said`, `then added`).
fn is_clause_adverb(word: &str) -> bool {
    matches!(word, "also" | "then" | "later" | "again" | "now" | "still") || word.ends_with("ly")
}

/// Words for kin, who share a surname with the person they belong to.
fn is_kin_word(word: &str) -> bool {
    matches!(
        word,
        "wife"
            | "husband"
            | "widow"
            | "son"
            | "sons"
            | "daughter"
            | "daughters"
            | "father"
            | "mother"
            | "brother"
            | "sister"
            | "children"
            | "family"
            | "parents"
    )
}

/// The gender a singular kin word gives the person in apposition to it (`his wife, Odette`).
fn kin_gender(word: &str) -> Option<Gender> {
    match word {
        "wife" | "widow" | "daughter" | "mother" | "sister" => Some(Gender::Female),
        "husband" | "widower" | "son" | "father" | "brother" => Some(Gender::Male),
        _ => None,
    }
}

/// Whether a written name's gender (if any) is only a guess: no title says it, and it comes
/// from a first forename the census gives to both sexes ([`is_forename_of_both_sexes`]).
fn gender_from_forename_only(name: &PersonName) -> bool {
    name.gender != Gender::Unknown
        && title_says(name).is_none()
        && name.given.first().is_some_and(|given| {
            forename_gender(given) == name.gender && is_forename_of_both_sexes(given)
        })
}

/// True when `guessed` has forenames but no title, and `titled` has a title that says a
/// gender: the title wins over whatever `guessed`'s gender was read from ("Lindsey Berry" and
/// "Mr Berry" are one man; "chairman Jan Berry" and "Ms Berry" one woman). Only a forename the
/// census gives to one sex, and to the sex `guessed` was given, is no guess: "Mrs. Oduya" is
/// not "Bill Oduya" but someone else of his family.
fn forename_guess_only(guessed: &PersonName, titled: &PersonName) -> bool {
    let one_sex_forename = guessed.given.first().is_some_and(|given| {
        let gender = forename_gender(given);
        gender != Gender::Unknown && gender == guessed.gender && !is_forename_of_both_sexes(given)
    });
    title_says(guessed).is_none()
        && !guessed.given.is_empty()
        && !one_sex_forename
        && title_says(titled).is_some_and(|g| g != Gender::Unknown)
}

/// The same forenames written again without a title: whatever gender was guessed from them
/// before a title corrected it, it is the same person.
fn same_forenames(written: &PersonName, known: &PersonName) -> bool {
    title_says(written).is_none() && !written.given.is_empty() && written.given == known.given
}

/// The gender a written name's title gives, if it has a title.
fn title_says(name: &PersonName) -> Option<Gender> {
    name.title.as_deref().and_then(super::lexicon::title_gender)
}

/// Why a speaker was chosen, for the evidence string.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolution {
    Named,
    Pronoun,
    Role,
}

/// A learned role that names an office, not just a kinship or a group.
fn is_office(role: &RoleRef) -> bool {
    role.words
        .iter()
        .any(|w| super::lexicon::is_person_role_head(w) || super::lexicon::is_role_word(w))
}

/// The same office, nationality allowing.
fn same_role(known: &RoleRef, wanted: &RoleRef) -> bool {
    known.key() == wanted.key() && (known.nationality.is_none() || nationality_fits(known, wanted))
}

/// A general role noun that fits a known role: "the official" fits any office; "the minister"
/// fits any role with all of the wanted words. `the governor` is whoever holds the office now,
/// not someone the article calls its former holder (`the former governor` may be either).
fn fits_role(known: &RoleRef, wanted: &RoleRef) -> bool {
    if !nationality_fits(known, wanted) || (is_former(known) && !is_former(wanted)) {
        return false;
    }
    if is_generic_role_head(wanted.head()) {
        return wanted.words.len() == 1
            || wanted.words[..wanted.words.len() - 1]
                .iter()
                .all(|w| known.words.contains(w));
    }
    wanted.words.iter().all(|w| known.words.contains(w))
}

/// Whether a role is written as held in the past (`the former Ohio governor`): role words
/// leave `former` out, so the written text is asked.
fn is_former(role: &RoleRef) -> bool {
    role.text
        .split_whitespace()
        .any(|word| word.eq_ignore_ascii_case("former"))
}

/// A wanted nationality must be the known one; an unstated one fits anything.
fn nationality_fits(known: &RoleRef, wanted: &RoleRef) -> bool {
    match (&known.nationality, &wanted.nationality) {
        (_, None) => true,
        (Some(k), Some(w)) => k == w,
        (None, Some(_)) => false,
    }
}

/// Capital initials of an organisation's words ("National Audit Office" -> "NAO").
fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter(|w| {
            !matches!(
                w.to_lowercase().as_str(),
                "of" | "for" | "and" | "the" | "&"
            )
        })
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

/// Who was recently the subject of a sentence, most recent last, and who else the latest
/// sentences named.
///
/// Entries are grouped by sentence ([`Salience::end_sentence`]). A pronoun means someone of
/// the most recent sentence that holds anyone of its gender: that sentence's subject or
/// speaker first, else a person it names elsewhere (an object, an owner, a name after a
/// preposition). This is the order of salience of Lappin and Leass (1994) and of centering
/// theory: recency across sentences first, grammatical role within one.
#[derive(Clone, Debug, Default)]
pub struct Salience {
    entries: Vec<Entry>,
    /// The sequence number of the sentence being read.
    sentence: usize,
}

/// One person or organisation in view: who, where they were read and how prominently.
#[derive(Clone, Debug)]
struct Entry {
    speaker: Speaker,
    paragraph: usize,
    sentence: usize,
    rank: Rank,
}

/// How prominent an entry is in its sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rank {
    /// Its subject or speaker.
    Subject,
    /// Named otherwise: an object or an owner.
    Named,
    /// Named after a preposition (`the case of Ms. Oduya`): an antecedent only when nobody
    /// ranked higher is in view.
    Oblique,
}

impl Salience {
    /// Records the subject or speaker of the sentence being read.
    pub fn push(&mut self, speaker: Speaker, paragraph: usize) {
        self.entries.push(Entry {
            speaker,
            paragraph,
            sentence: self.sentence,
            rank: Rank::Subject,
        });
    }

    /// Records a person the sentence being read names without their being its subject or
    /// speaker (`rank` [`Rank::Named`] or [`Rank::Oblique`]): a later pronoun may mean them
    /// only when no later sentence holds a person of its gender, and only when their gender
    /// is known (see [`Salience::overruled_guess`]).
    pub fn push_mention(&mut self, id: usize, paragraph: usize, rank: Rank) {
        self.entries.push(Entry {
            speaker: Speaker::Person(id),
            paragraph,
            sentence: self.sentence,
            rank,
        });
    }

    /// Closes the sentence being read: what is pushed next belongs to the next one.
    pub fn end_sentence(&mut self) {
        self.sentence += 1;
    }

    /// How many entries there are, to roll back to with [`Salience::truncate`].
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Forgets every entry after the first `len` (the provisional entries of a paragraph read
    /// twice).
    pub fn truncate(&mut self, len: usize) {
        self.entries.truncate(len);
    }

    /// Subjects and speakers, most recent first (mentions left out).
    fn prominent(&self) -> impl Iterator<Item = (&Speaker, usize)> {
        self.entries
            .iter()
            .rev()
            .filter(|e| e.rank == Rank::Subject)
            .map(|e| (&e.speaker, e.paragraph))
    }

    fn contains_person(&self, id: usize) -> bool {
        self.prominent().any(|(s, _)| *s == Speaker::Person(id))
    }

    /// People recently salient, most recent first, each once.
    fn recent_people(&self, paragraph: usize) -> Vec<usize> {
        let mut out = Vec::new();
        for (speaker, at) in self.prominent() {
            if at + PRONOUN_REACH < paragraph {
                break;
            }
            if let Speaker::Person(id) = speaker {
                if !out.contains(id) {
                    out.push(*id);
                }
            }
        }
        out
    }

    /// The person of this gender a pronoun means: in the most recent sentence that holds a
    /// candidate, its subject or speaker, else the first person it names of a gender known
    /// to agree; none when an unnamed person of that gender is that sentence's subject.
    /// Names after prepositions count only when nobody else is in view.
    fn latest_person(&self, cast: &Cast, gender: Gender, paragraph: usize) -> Option<usize> {
        let fits = |id: usize| {
            cast.people[id].gender.agrees_with(gender) && cast.may_be_pronoun_antecedent(id)
        };
        let mut mentioned: Option<(usize, usize)> = None;
        let mut oblique: Option<(usize, usize)> = None;
        // A pick whose sentence lies three sentences or more before this one's (two or more
        // between, none naming anybody of the pronoun's gender) is a guess unless they lead
        // the article.
        let near = |id: usize, sentence: usize| {
            sentence + FAR_SENTENCES > self.sentence
                || self.leads(id, |other| cast.may_be_pronoun_antecedent(other))
        };
        for entry in self.entries.iter().rev() {
            if entry.paragraph + PRONOUN_REACH < paragraph {
                break;
            }
            if mentioned.is_some_and(|(_, sentence)| entry.sentence != sentence) {
                break;
            }
            let named = |id: usize| {
                let known = cast.people[id].gender != Gender::Unknown;
                let near = entry.paragraph + MENTION_REACH >= paragraph;
                known && near && fits(id)
            };
            // Walking back, the last one kept is the first the sentence names.
            match (&entry.speaker, entry.rank) {
                (Speaker::Person(id), Rank::Named) if named(*id) => {
                    mentioned = Some((*id, entry.sentence));
                }
                (Speaker::Person(id), Rank::Oblique)
                    if named(*id)
                        && oblique.is_none_or(|(_, sentence)| sentence == entry.sentence) =>
                {
                    oblique = Some((*id, entry.sentence));
                }
                (Speaker::Person(id), Rank::Subject) if fits(*id) => {
                    return near(*id, entry.sentence).then_some(*id);
                }
                (Speaker::Unresolved(g), Rank::Subject) if g.agrees_with(gender) => return None,
                _ => {}
            }
        }
        mentioned
            .or(oblique)
            .filter(|&(id, sentence)| near(id, sentence))
            .map(|(id, _)| id)
    }

    /// Whether person `id` has been a subject or speaker more often so far than any other
    /// person (`person`: not a capitalised thing), of either gender, or nobody has been one
    /// yet: the person the article is about, whom a pronoun may mean from afar.
    fn leads(&self, id: usize, person: impl Fn(usize) -> bool) -> bool {
        let mut counts: Vec<(usize, usize)> = Vec::new();
        for entry in &self.entries {
            if let (Speaker::Person(other), Rank::Subject) = (&entry.speaker, entry.rank) {
                if !person(*other) {
                    continue;
                }
                match counts.iter_mut().find(|(p, _)| p == other) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((*other, 1)),
                }
            }
        }
        let theirs = counts.iter().find(|(p, _)| *p == id).map_or(0, |(_, n)| *n);
        // While nobody has been a subject, anyone may lead: a feature article can name its
        // person only in the headline or an apposition before the first `she` (measured: two
        // right answers on PolNeAR, none wrong, depend on this).
        counts.iter().all(|&(p, n)| p == id || n < theirs)
    }

    /// `Graham said, "..."` then `He continued`: a sentence-opening pronoun that no person of
    /// its gender in view can mean ([`Cast::resolve`] found none) means the person who was
    /// the subject or speaker of the sentence just before, when that person's gender was
    /// only guessed from a forename given to both sexes (`Lindsey`, `Marty`): the
    /// pronoun overrules the guess, as coreference systems take a chain's gender from its
    /// pronouns. Centering theory's preferred center is that previous subject.
    pub fn overruled_guess(&self, cast: &Cast, gender: Gender) -> Option<Speaker> {
        let previous = self.sentence.checked_sub(1)?;
        let id = self
            .entries
            .iter()
            .rev()
            .take_while(|e| e.sentence >= previous)
            .find_map(|e| match e.speaker {
                Speaker::Person(id) if e.sentence == previous && e.rank == Rank::Subject => {
                    Some(id)
                }
                _ => None,
            })?;
        let person = &cast.people[id];
        let overruled = person.gender_guessed
            && gender != Gender::Unknown
            && !person.gender.agrees_with(gender);
        overruled.then_some(Speaker::Person(id))
    }

    /// Whether `id` is the only person of this gender who was a subject or a speaker within
    /// [`PRONOUN_REACH`] paragraphs: a pronoun that can hardly mean anyone else. (An unnamed
    /// person after them already keeps [`Salience::latest_person`] from choosing them.)
    pub fn is_sole_candidate(
        &self,
        cast: &Cast,
        id: usize,
        gender: Gender,
        paragraph: usize,
    ) -> bool {
        self.prominent()
            .take_while(|(_, at)| at + PRONOUN_REACH >= paragraph)
            .all(|(speaker, _)| match speaker {
                Speaker::Person(other) => {
                    *other == id || !cast.people[*other].gender.agrees_with(gender)
                }
                Speaker::Unresolved(_) | Speaker::Org(_) => true,
            })
    }

    /// Whether person `id` is the subject or speaker of the sentence just read, in this
    /// paragraph: a pronoun in the next sentence most likely means them (centering theory's
    /// preferred center), so a weak cue of that pronoun is as safe as one of their name.
    pub fn is_previous_subject(&self, id: usize, paragraph: usize) -> bool {
        let Some(previous) = self.sentence.checked_sub(1) else {
            return false;
        };
        self.entries
            .iter()
            .rev()
            .take_while(|e| e.sentence >= previous)
            .any(|e| {
                e.sentence == previous
                    && e.rank == Rank::Subject
                    && e.speaker == Speaker::Person(id)
                    && e.paragraph == paragraph
            })
    }

    fn latest_org(&self, paragraph: usize) -> Option<String> {
        self.prominent()
            .take_while(|(_, at)| at + 2 >= paragraph)
            .find_map(|(speaker, _)| match speaker {
                Speaker::Org(name) => Some(name.clone()),
                Speaker::Person(_) | Speaker::Unresolved(_) => None,
            })
    }

    /// `Zenith Corp said prices would rise.` then `It added ...` (in the same paragraph or
    /// opening the next): the organisation that was the subject or speaker of the sentence
    /// just before. Anything else that sentence was about (a person, a letter) leaves `it` to
    /// nobody here, not to an organisation that spoke earlier.
    pub fn org_of_sentence_before(&self, paragraph: usize) -> Option<String> {
        let previous = self.sentence.checked_sub(1)?;
        let mut subjects = self
            .entries
            .iter()
            .rev()
            .take_while(|e| e.sentence >= previous)
            .filter(|e| e.sentence == previous && e.rank == Rank::Subject);
        match subjects.next() {
            Some(Entry {
                speaker: Speaker::Org(name),
                paragraph: at,
                ..
            }) if at + 1 >= paragraph => Some(name.clone()),
            _ => None,
        }
    }

    fn latest_among(&self, ids: &[usize]) -> Option<usize> {
        self.prominent().find_map(|(speaker, _)| match speaker {
            Speaker::Person(id) if ids.contains(id) => Some(*id),
            _ => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::tokens::tokenize;

    fn cast_of(text: &str) -> Cast {
        Cast::learn([tokenize(text, &[]).as_slice()])
    }

    /// The people the cast of `text` holds, with their gender.
    fn people(text: &str) -> Vec<(String, Gender)> {
        cast_of(text)
            .people
            .iter()
            .map(|p| (p.name.display(), p.gender))
            .collect()
    }

    #[test]
    fn a_person_called_by_a_forename_alone_is_learned_with_evidence_only() {
        // Kin in apposition gives the gender, whatever the forename.
        assert_eq!(
            people("They met her brother, Quillon, at the harbour."),
            vec![("Quillon".to_string(), Gender::Male)]
        );
        assert_eq!(
            people("He thanked his wife, Odette, for her patience."),
            vec![("Odette".to_string(), Gender::Female)]
        );
        // A one-sex forename beside a verb of speech.
        assert_eq!(
            people("\"We stayed,\" Desmond said."),
            vec![("Desmond".to_string(), Gender::Male)]
        );
        // No evidence, a place, a word also written in lower case, a known person's name.
        assert!(people("Desmond waited at the gate.").is_empty());
        // A month that is also a forename, and a name that does not end its clause after the
        // verb (`said June was ...` reports what was said about June).
        assert!(people("The bureau said June was the wettest month.").is_empty());
        assert!(people("\"It rained,\" April said.").is_empty());
        assert!(people("The report said Desmond was late.").is_empty());
        assert!(people("\"We stayed,\" Virginia said.").is_empty());
        assert!(people("\"We grant it,\" Grant said; a grant was made.").is_empty());
        assert_eq!(
            people("Desmond Okoro spoke first. \"We stayed,\" Desmond said.").len(),
            1
        );
    }

    #[test]
    fn capitalised_words_ending_in_a_common_noun_with_no_forename_name_a_thing() {
        let names = |text: &str| -> Vec<String> {
            cast_of(text)
                .people
                .iter()
                .map(|p| p.name.display())
                .collect()
        };
        // The article writes `world`, `syndrome` and `computer` in lower case, and no given
        // name is a forename: a venture, an ailment, a firm's product.
        assert!(names("Okafor World told staff to wait. The world waited.").is_empty());
        assert!(names("Varn Harbor Syndrome spread. The syndrome is rare.").is_empty());
        assert!(names("Kestrel Computer grew. A computer sold.").is_empty());
        // A surname the article writes in lower case only as a verb is no common noun here.
        assert_eq!(
            names("Tha Zaw Win spoke. They hope to win."),
            ["Tha Zaw Win"]
        );
        // A forename, an initial or a title is the evidence for a surname that is a word.
        assert_eq!(names("Walter Stone spoke. A stone fell."), ["Walter Stone"]);
        assert_eq!(names("J. Stone spoke. A stone fell."), ["J. Stone"]);
        assert_eq!(names("Mr. Varn Stone spoke. A stone fell."), ["Varn Stone"]);
        // A surname the article never writes in lower case is no evidence either way.
        assert_eq!(names("Varn Okafor spoke."), ["Varn Okafor"]);
    }

    #[test]
    fn a_word_in_capitals_the_article_writes_otherwise_is_no_acronym() {
        let speaker = |text: &str, word: &str| {
            let cast = cast_of(text);
            cast.resolve(&Mention::Org(word.to_string()), &Salience::default(), 0)
                .map(|(s, _)| cast.display(&s))
        };
        // A dateline's place and a kicker are ordinary words set in capitals.
        assert_eq!(
            speaker("NEW YORK (AP) - Ada Okafor left New York.", "YORK"),
            None
        );
        assert_eq!(
            speaker(
                "CORRECTION: the vote was on a Tuesday, a correction says.",
                "CORRECTION"
            ),
            None
        );
        // An organisation's initials, written only so, stay an organisation.
        assert_eq!(
            speaker("VARNCO said the deal was off.", "VARNCO").as_deref(),
            Some("VARNCO")
        );
    }

    #[test]
    fn a_lone_word_capitalised_only_by_a_headline_or_made_a_modifier_names_nobody() {
        let speaker = |paragraphs: &[&str], word: &str| {
            let tokens: Vec<_> = paragraphs.iter().map(|p| tokenize(p, &[])).collect();
            let cast = Cast::learn(tokens.iter().map(Vec::as_slice));
            cast.resolve(&Mention::Bare(word.to_string()), &Salience::default(), 0)
                .map(|(s, _)| cast.display(&s))
        };
        let body = "Ada Okafor gave a speech on the plan in the morning.";
        // Every word of a title-case headline is capitalised: `Rival` is no organisation.
        assert_eq!(
            speaker(&["What Her Old Rival Just Said", body], "Rival"),
            None
        );
        // The body writing it capitalised is the evidence a headline cannot give.
        assert_eq!(
            speaker(
                &[
                    "What Her Old Rival Just Said",
                    "Rival said the plan would fail."
                ],
                "Rival"
            )
            .as_deref(),
            Some("Rival")
        );
        // A compound whose tail the article writes alone in lower case is a modifier.
        assert_eq!(
            speaker(
                &["Okafor-style answers, in a new style, won."],
                "Okafor-style"
            ),
            None
        );
    }

    #[test]
    fn learns_fullest_names_and_roles() {
        let cast = cast_of(
            "Finnish Deputy Trade Minister Anna Virtanen met Mr Koski. Later Virtanen said the \
             trade minister, Pekka Koski, was away.",
        );
        let names: Vec<String> = cast.people.iter().map(|p| p.name.display()).collect();
        assert!(names.contains(&"Anna Virtanen".to_string()), "{names:?}");
        assert!(names.contains(&"Pekka Koski".to_string()), "{names:?}");
        let koski = cast
            .people
            .iter()
            .find(|p| p.name.surname == "Koski")
            .expect("Koski");
        assert!(koski.roles.iter().any(|r| r.key() == "trade minister"));
    }

    #[test]
    fn a_title_overrules_only_a_forename_given_to_both_sexes() {
        // `Bill` is a man's name: `Mrs. Oduya` is someone else of the family.
        let found = people("Bill Oduya spoke on Monday. Later Mrs. Oduya met voters.");
        assert_eq!(found.len(), 2, "{found:?}");
        // `Lindsey` is given to both sexes: `Mr. Oduya` is the same man.
        let found = people("Lindsey Oduya spoke on Monday. Later Mr. Oduya met voters.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, Gender::Male);
        // A gender read from a role word, not a forename, is overruled too: one woman.
        let found = people("Union chairman Jan Oduya spoke on Monday. Later Ms Oduya met voters.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, Gender::Female);
    }

    #[test]
    fn a_headline_name_needs_a_title_or_a_forename() {
        let names = |headline: &str| -> Vec<String> {
            let (head, body) = (
                tokenize(headline, &[]),
                tokenize("Valdane said he will fight on.", &[]),
            );
            let cast = Cast::learn([head.as_slice(), body.as_slice()]);
            cast.people.iter().map(|p| p.name.display()).collect()
        };
        // The body's `Valdane said he ...` makes a person of `Valdane` (the pronoun takes the
        // word up); the headline adds no `Understated Valdane` or `Will Valdane`.
        assert_eq!(names("Understated Valdane Lifts Profile"), ["Valdane"]);
        assert_eq!(names("Will Valdane Come Back Home?"), ["Valdane"]);
        assert_eq!(names("Thomas Valdane Lifts Profile"), ["Thomas Valdane"]);
    }

    #[test]
    fn a_name_read_only_where_a_sentence_opens_may_be_a_common_word() {
        let names = |text: &str| -> Vec<String> {
            let cast = cast_of(text);
            cast.people.iter().map(|p| p.name.display()).collect()
        };
        // An `-ed` form or a word the article writes in lower case, capitalised by its place.
        assert_eq!(
            names("Understated Oduya wins. Secretary Tom Oduya spoke. Oduya said so."),
            ["Tom Oduya"]
        );
        assert_eq!(
            names("Grim Oduya. The mood was grim. Then Tom Oduya spoke."),
            ["Tom Oduya"]
        );
        assert_eq!(
            names("Liberal Award-winner Oduya wins. Then Tom Oduya spoke."),
            ["Tom Oduya"]
        );
        // A known forename, a name also read inside a sentence, or a word the other bearer
        // has among their given names stays.
        assert_eq!(
            names("Bill Oduya spoke. A bill passed. Mary Oduya said so."),
            ["Bill Oduya", "Mary Oduya"]
        );
        assert_eq!(
            names("Then Bill de Oduya spoke. De Oduya said so."),
            ["Bill de Oduya", "De Oduya"]
        );
        assert_eq!(names("Understated Oduya wins."), ["Understated Oduya"]);
    }

    #[test]
    fn a_generational_suffix_belongs_to_the_name_and_tells_a_son_from_his_father() {
        let names = |text: &str| -> Vec<String> {
            let cast = cast_of(text);
            (0..cast.people.len())
                .map(|id| cast.display(&Speaker::Person(id)))
                .collect()
        };
        // The suffix is shown as written, and `Mr. Oduya` is the same person.
        let cast = cast_of("Then Tom B. Oduya Jr. spoke, and Mr. Oduya left.");
        assert_eq!(cast.people.len(), 1);
        assert_eq!(cast.display(&Speaker::Person(0)), "Tom B. Oduya Jr.");
        assert_eq!(names("Then Carl Lee III spoke."), ["Carl Lee III"]);
        // Father and son: two people, each shown with what tells them apart.
        assert_eq!(
            names("Then Tom Oduya spoke, and Tom Oduya Jr. left."),
            ["Tom Oduya", "Tom Oduya Jr."]
        );
    }

    #[test]
    fn a_title_word_known_as_a_surname_is_that_person() {
        let cast = cast_of("Mary Jean King was there.");
        let king = Mention::Role(RoleRef {
            words: vec!["king".into()],
            nationality: None,
            text: "King".into(),
        });
        let (speaker, _) = cast
            .resolve(&king, &Salience::default(), 1)
            .expect("resolved");
        assert_eq!(cast.display(&speaker), "Mary Jean King");
    }

    #[test]
    fn a_word_for_a_people_is_a_surname_only_of_someone_the_article_names() {
        let cast = cast_of("Martin Cuban owns the team. Later, Cuban said he would sell.");
        let cuban = Mention::Bare("Cuban".into());
        let (speaker, _) = cast
            .resolve(&cuban, &Salience::default(), 1)
            .expect("resolved");
        assert_eq!(cast.display(&speaker), "Martin Cuban");
        // Nobody is called so: neither a person nor an organisation.
        let cast = cast_of("Cuban officials met. Cuban said nothing. He left.");
        assert!(cast.resolve(&cuban, &Salience::default(), 1).is_none());
        assert!(cast.people.is_empty());
    }

    #[test]
    fn two_people_joined_by_and_are_two_people() {
        let cast = cast_of("Ada Okafor and Walter Bello met voters. Hollis and Spencer fell.");
        let names: Vec<String> = cast.people.iter().map(|p| p.name.display()).collect();
        assert!(names.contains(&"Walter Bello".to_string()), "{names:?}");
        assert!(names.contains(&"Ada Okafor".to_string()), "{names:?}");
        assert!(!names.iter().any(|n| n.contains("Spencer")), "{names:?}");
    }

    #[test]
    fn pronouns_follow_gender() {
        let cast = cast_of("Mr Tom Lee and Ms Sara Dunn met.");
        let mut salience = Salience::default();
        salience.push(Speaker::Person(1), 0);
        salience.push(Speaker::Person(0), 0);
        let she = Mention::Pronoun(Gender::Female, "she".into());
        let (speaker, _) = cast.resolve(&she, &salience, 1).expect("resolved");
        assert_eq!(cast.display(&speaker), "Sara Dunn");
    }

    #[test]
    fn roles_resolve_within_the_article() {
        let cast = cast_of(
            "Italian Deputy Finance Minister Carla Rossi spoke. Finance Minister Gino Verdi too.",
        );
        let mut salience = Salience::default();
        salience.push(Speaker::Person(1), 0);
        let role = RoleRef {
            words: vec!["deputy".into(), "finance".into(), "minister".into()],
            nationality: None,
            text: "the deputy finance minister".into(),
        };
        let (speaker, _) = cast
            .resolve(&Mention::Role(role), &salience, 1)
            .expect("resolved");
        assert_eq!(cast.display(&speaker), "Carla Rossi");
    }

    #[test]
    fn firm_names_with_trade_heads_expand() {
        let cast = cast_of("Shares in Tarn Energy fell. Tarn said output would rise.");
        assert_eq!(cast.expand_org("Tarn"), "Tarn Energy");
    }

    #[test]
    fn acronyms_expand() {
        let cast = cast_of("The National Audit Office said so.");
        assert_eq!(cast.expand_org("NAO"), "National Audit Office");
        assert_eq!(cast.expand_org("IMF"), "IMF");
        let cast = cast_of("Shares in the Vellan Brisco Group rose.");
        assert_eq!(cast.expand_org("Vellan"), "Vellan Brisco Group");
        assert_eq!(cast.expand_org("Garrick"), "Garrick");
        let cast = cast_of("Both Kestrel and Varn Group took orders.");
        assert_eq!(cast.expand_org("Kestrel"), "Kestrel");
    }
    #[test]
    fn an_owner_of_kin_is_not_learned_from_the_possessive() {
        // `Mrs Tolland` is the wife, not Michael Tolland with a corrected gender.
        let cast = cast_of(
            "Michael Tolland's wife, Sandra, is to play a role. Mrs Tolland will visit seats.",
        );
        let howards: Vec<(String, Gender)> = cast
            .people
            .iter()
            .filter(|p| p.name.surname == "Tolland")
            .map(|p| (p.name.display(), p.gender))
            .collect();
        assert_eq!(howards, [("Mrs Tolland".to_string(), Gender::Female)]);
    }

    #[test]
    fn a_lone_subject_word_that_a_pronoun_takes_up_is_a_person() {
        let learned = |paragraphs: &[&str]| {
            let tokens: Vec<Vec<Token>> = paragraphs.iter().map(|p| tokenize(p, &[])).collect();
            let cast = Cast::learn(tokens.iter().map(Vec::as_slice));
            cast.people
                .iter()
                .map(|p| (p.name.display(), p.gender))
                .collect::<Vec<_>>()
        };
        // The next subject pronoun takes the word up, across a quotation and a paragraph.
        assert_eq!(
            learned(&[
                "Harbour vote",
                "Korvin told reporters the plan would fail in North Vale.",
                "\u{201c}It is a mess, Vale knows it,\u{201d} she said.",
            ]),
            [("Korvin".to_string(), Gender::Female)]
        );
        assert_eq!(
            learned(&[
                "Harbour vote",
                "In March, Brannock says, prices rose. He says so."
            ]),
            [("Brannock".to_string(), Gender::Male)]
        );
        // Doubled apostrophes quote as one mark: the quoted `He` is not the subject pronoun.
        assert_eq!(
            learned(&[
                "Harbour vote",
                "Korvin told reporters the plan would fail. ''He is wrong,'' she said.",
            ]),
            [("Korvin".to_string(), Gender::Female)]
        );
        // A known person named between them is whom the pronoun may mean instead.
        let with_person = learned(&[
            "Harbour vote",
            "Korvin told reporters the plan would fail. Mayor Tom Oduya disagreed.",
            "\"It is a mess,\" he said.",
        ]);
        assert!(
            with_person.iter().all(|(n, _)| n != "Korvin"),
            "{with_person:?}"
        );
        // No pronoun, a word written in lower case too, or a pronoun that is no subject: no person.
        assert!(
            learned(&["Harbour vote", "Korvin told reporters the plan would fail."]).is_empty()
        );
        assert!(learned(&[
            "Harbour vote",
            "Harvest started early. The harvest was poor. He said so."
        ])
        .is_empty());
        assert!(learned(&["Harbour vote", "Korvin told reporters. Ask him."]).is_empty());
        // A verb agreeing with many, or a participle with nothing after it, opens no clause
        // of one person's.
        assert!(learned(&["Harbour vote", "Backers say that he will run."]).is_empty());
        assert!(learned(&["Harbour vote", "Heads turned, he said so."]).is_empty());
        // A group is nobody in particular.
        assert!(learned(&["Harbour vote", "Voters turned on the party, he said."]).is_empty());
    }

    #[test]
    fn a_pronoun_reaches_far_back_only_to_the_person_the_article_leads_with() {
        let cast = cast_of("Mr Tom Lee and Mr Sam Dunn met.");
        let he = Mention::Pronoun(Gender::Male, "he".into());
        let resolve = |salience: &Salience| cast.resolve(&he, salience, 0).map(|(s, _)| s);
        let mut salience = Salience::default();
        for _ in 0..2 {
            salience.push(Speaker::Person(0), 0);
            salience.end_sentence();
        }
        salience.push(Speaker::Person(1), 0);
        salience.end_sentence();
        // One sentence with nobody of his gender between: Dunn.
        salience.push(Speaker::Org("Harbour Board".into()), 0);
        salience.end_sentence();
        assert_eq!(resolve(&salience), Some(Speaker::Person(1)));
        // Two: Dunn is too far back, and Lee, not Dunn, leads the article.
        salience.end_sentence();
        assert_eq!(resolve(&salience), None);
        // Once Dunn leads, he may be meant from as far.
        let mut salience = Salience::default();
        salience.push(Speaker::Person(0), 0);
        salience.end_sentence();
        for _ in 0..2 {
            salience.push(Speaker::Person(1), 0);
            salience.end_sentence();
        }
        salience.end_sentence();
        salience.end_sentence();
        assert_eq!(resolve(&salience), Some(Speaker::Person(1)));
    }

    #[test]
    fn a_pronoun_takes_the_latest_sentence_with_a_candidate_subject_first() {
        let cast = cast_of("Mr Tom Lee, Mr Sam Dunn and Ms Ana Ruiz met. Dr Zorv Oduya left.");
        let names: Vec<String> = cast.people.iter().map(|p| p.name.display()).collect();
        assert_eq!(names, ["Tom Lee", "Sam Dunn", "Ana Ruiz", "Zorv Oduya"]);
        assert_eq!(cast.gender(3), Gender::Unknown);
        let he = Mention::Pronoun(Gender::Male, "he".into());
        let resolve = |salience: &Salience| cast.resolve(&he, salience, 0).map(|(s, _)| s);
        let mut salience = Salience::default();
        salience.push(Speaker::Person(0), 0);
        salience.end_sentence();
        // A later sentence naming Dunn as an object: Dunn.
        salience.push_mention(1, 0, Rank::Named);
        salience.end_sentence();
        assert_eq!(resolve(&salience), Some(Speaker::Person(1)));
        // Within one sentence its subject comes before what it names.
        salience.push_mention(1, 0, Rank::Named);
        salience.push(Speaker::Person(0), 0);
        salience.end_sentence();
        assert_eq!(resolve(&salience), Some(Speaker::Person(0)));
        // A mention of another gender, or of a gender nobody knows, is passed over.
        salience.push_mention(2, 0, Rank::Named);
        salience.push_mention(3, 0, Rank::Named);
        salience.end_sentence();
        assert_eq!(resolve(&salience), Some(Speaker::Person(0)));
        // A mention fades after one paragraph; a subject holds for PRONOUN_REACH.
        let mut salience = Salience::default();
        salience.push(Speaker::Person(0), 0);
        salience.end_sentence();
        salience.push_mention(1, 0, Rank::Named);
        salience.end_sentence();
        let later = cast.resolve(&he, &salience, 2).map(|(s, _)| s);
        assert_eq!(later, Some(Speaker::Person(0)));
    }
}
