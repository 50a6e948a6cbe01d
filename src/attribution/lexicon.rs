//! The general word lists the rules consult: titles, role nouns, organisation words, places,
//! nationalities and common forenames with their usual gender.
//!
//! Every list is general English news vocabulary, compared in lower case; none is drawn from a
//! particular article. The lists live in `data/*.txt` (each says what it is and where it comes
//! from) and are looked up through hashed [`WordSet`]s. Speech verbs are read by `cues.rs`, next
//! to the rules that use them.

use std::borrow::Cow;
use std::sync::OnceLock;

use rustc_hash::FxHashSet;

/// A person's grammatical gender as far as the text tells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Gender {
    Male,
    Female,
    Unknown,
}

impl Gender {
    /// Two genders can be the same person: equal, or one of them is unknown.
    pub fn agrees_with(self, other: Gender) -> bool {
        self == Gender::Unknown || other == Gender::Unknown || self == other
    }

    /// The stronger of two pieces of evidence.
    pub fn or(self, other: Gender) -> Gender {
        if self == Gender::Unknown {
            other
        } else {
            self
        }
    }
}

/// A word's lexicon form: lower case, with typographic apostrophes made straight. Most words
/// already are, and are returned without copying.
fn normalise(word: &str) -> Cow<'_, str> {
    let word = word.trim_end_matches('.');
    if word.chars().any(|c| c.is_uppercase() || c == '’') {
        Cow::Owned(word.to_lowercase().replace('’', "'"))
    } else {
        Cow::Borrowed(word)
    }
}

/// Longest word [`with_lower`] lower-cases on the stack.
const STACK_WORD: usize = 40;

/// Calls `f` with `word` in lower case, exactly what `str::to_lowercase` gives. The rules ask
/// this of millions of words per corpus: an ASCII word (for which `to_lowercase` is
/// `to_ascii_lowercase`) of up to [`STACK_WORD`] bytes is lower-cased in a stack buffer, and
/// one already in lower case is passed as it is; only other words allocate.
fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    match with_ascii_lower(word, f) {
        Ok(result) => result,
        Err(f) => f(&word.to_lowercase()),
    }
}

/// `f` of an ASCII word of up to [`STACK_WORD`] bytes in lower case, without allocating;
/// `f` back, uncalled, for any other word. One pass over the bytes tells both whether the
/// word is ASCII and whether it has a capital.
fn with_ascii_lower<R, F: FnOnce(&str) -> R>(word: &str, f: F) -> Result<R, F> {
    if word.len() > STACK_WORD {
        return Err(f);
    }
    let (mut ascii, mut capital) = (true, false);
    for &b in word.as_bytes() {
        ascii &= b.is_ascii();
        capital |= b.is_ascii_uppercase();
    }
    if !ascii {
        return Err(f);
    }
    if !capital {
        return Ok(f(word));
    }
    let mut buf = [0u8; STACK_WORD];
    let buf = &mut buf[..word.len()];
    buf.copy_from_slice(word.as_bytes());
    buf.make_ascii_lowercase();
    // ASCII lower-cased is still ASCII, so this always succeeds.
    match std::str::from_utf8(buf) {
        Ok(lower) => Ok(f(lower)),
        Err(_) => Err(f),
    }
}

/// Calls `f` with the word's lexicon form ([`normalise`]), without allocating for ASCII words
/// (which hold no typographic apostrophe, so their form is their lower case without trailing
/// dots).
fn with_normalised<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let trimmed = word.trim_end_matches('.');
    match with_ascii_lower(trimmed, f) {
        Ok(result) => result,
        Err(f) if trimmed.is_ascii() => f(&trimmed.to_lowercase()),
        Err(f) => f(&normalise(word)),
    }
}

/// A word list kept in a data file: words separated by white space, `#` starting a comment
/// line. Built into a hash set on first use; words are compared exactly (callers pass lower
/// case).
///
/// The set hashes with `rustc-hash` (FxHash), not the standard library's SipHash: the rules
/// look up millions of short words per corpus and the keys are fixed lists, not input an
/// attacker chooses, so SipHash's flood resistance buys nothing. Measured: SipHash was about
/// 1.3 G of the 15.4 G instructions of a 1x BBC rebuild (BENCHMARKS.md, "Session 7").
///
/// Before the set, a [`WordFilter`] answers most words that are not listed (nearly every
/// word the rules ask about) from a bit table, without hashing the word or probing the set.
pub struct WordSet {
    source: &'static str,
    set: OnceLock<(WordFilter, FxHashSet<&'static str>)>,
}

impl WordSet {
    /// A set over the text of a data file (usually `include_str!`).
    pub const fn new(source: &'static str) -> WordSet {
        WordSet {
            source,
            set: OnceLock::new(),
        }
    }

    /// Whether the file lists this word.
    pub fn contains(&self, word: &str) -> bool {
        let (filter, set) = self.set.get_or_init(|| {
            let set: FxHashSet<&'static str> = self
                .source
                .lines()
                .filter(|line| !line.trim_start().starts_with('#'))
                .flat_map(str::split_whitespace)
                .collect();
            (WordFilter::of(set.iter().copied()), set)
        });
        filter.may_hold(word) && set.contains(word)
    }
}

/// A one-sided test in front of a word list: 4,096 bits, one per class of words (a word's
/// class comes from its length and its first, middle and last bytes), set for the classes of
/// the listed words. A clear bit means the word is not listed; a set bit means it may be.
/// The rules' lists hold tens to a few thousand words, so most classes stay clear, and
/// the words asked about are mostly common words and names that no list holds.
struct WordFilter([u64; 64]);

impl WordFilter {
    fn of<'w>(words: impl IntoIterator<Item = &'w str>) -> WordFilter {
        let mut bits = [0u64; 64];
        for word in words {
            let class = word_class(word);
            bits[class / 64] |= 1 << (class % 64);
        }
        WordFilter(bits)
    }

    /// False only when `word` is none of the words the filter was made of.
    fn may_hold(&self, word: &str) -> bool {
        let class = word_class(word);
        self.0[class / 64] & (1 << (class % 64)) != 0
    }
}

/// The class of a word for [`WordFilter`]: a number below 4,096 mixed from its length and its
/// first, middle and last bytes (the empty word has class 0).
fn word_class(word: &str) -> usize {
    let bytes = word.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return 0;
    };
    let middle = bytes[bytes.len() / 2];
    let mixed = (bytes.len() as u32).wrapping_mul(0x9E37_79B9)
        ^ u32::from(first).wrapping_mul(0x85EB_CA6B)
        ^ u32::from(middle).wrapping_mul(0xC2B2_AE35)
        ^ u32::from(last).wrapping_mul(0x27D4_EB2F);
    (mixed.wrapping_mul(0x9E37_79B9) >> 20) as usize
}

/// Whether a word (in any case, with either apostrophe) is on a word list.
fn listed(list: &WordSet, word: &str) -> bool {
    with_normalised(word, |word| list.contains(word))
}

/// Courtesy titles and the gender each implies.
const TITLES: &[(&str, Gender)] = &[
    ("mr", Gender::Male),
    ("sir", Gender::Male),
    ("lord", Gender::Male),
    ("mister", Gender::Male),
    ("baron", Gender::Male),
    ("king", Gender::Male),
    ("prince", Gender::Male),
    ("father", Gender::Male),
    ("mrs", Gender::Female),
    ("ms", Gender::Female),
    ("miss", Gender::Female),
    ("lady", Gender::Female),
    ("dame", Gender::Female),
    ("baroness", Gender::Female),
    ("queen", Gender::Female),
    ("princess", Gender::Female),
    ("madam", Gender::Female),
    ("dr", Gender::Unknown),
    ("prof", Gender::Unknown),
    ("professor", Gender::Unknown),
    ("rev", Gender::Unknown),
    ("judge", Gender::Unknown),
    ("justice", Gender::Unknown),
    ("sen", Gender::Unknown),
    ("senator", Gender::Unknown),
    ("gov", Gender::Unknown),
    ("rep", Gender::Unknown),
    ("cllr", Gender::Unknown),
    ("gen", Gender::Unknown),
    ("adm", Gender::Unknown),
    ("maj", Gender::Unknown),
    ("col", Gender::Unknown),
    ("capt", Gender::Unknown),
    ("lt", Gender::Unknown),
    ("sgt", Gender::Unknown),
];

/// [`TITLES`] behind a [`WordFilter`]: the rules ask this of every capitalised word, and
/// comparing a word with each title in turn cost more than the rest of the question.
static TITLE_FILTER: OnceLock<WordFilter> = OnceLock::new();

/// Courtesy titles and the gender they imply.
pub fn title_gender(word: &str) -> Option<Gender> {
    // `normalise` also straightens apostrophes, which no title has.
    with_normalised(word, |word| {
        let filter = TITLE_FILTER.get_or_init(|| WordFilter::of(TITLES.iter().map(|&(t, _)| t)));
        if !filter.may_hold(word) {
            return None;
        }
        TITLES
            .iter()
            .find(|&&(title, _)| title == word)
            .map(|&(_, gender)| gender)
    })
}

/// Nouns and modifiers that describe an office or job rather than name a person.
/// `data/role_words.txt`.
static ROLE_WORDS: WordSet = WordSet::new(include_str!("data/role_words.txt"));

pub fn is_role_word(word: &str) -> bool {
    with_normalised(word, |word| {
        ROLE_WORDS.contains(word) || OCCUPATIONS.contains(word)
    })
}

/// Whether a word names an office (`data/role_words.txt`) rather than an occupation: only
/// an office follows a courtesy title in direct address (`Mr. President`, `Madam Secretary`),
/// so `Mr. Singer` and `Mr. Cook` are surnames.
pub fn is_office_word(word: &str) -> bool {
    listed(&ROLE_WORDS, word)
}

/// Occupations written before a name as a title: `data/occupations.txt`.
static OCCUPATIONS: WordSet = WordSet::new(include_str!("data/occupations.txt"));

/// Role nouns that can head a description of a person ("the diplomat", "the finance minister").
/// `data/person_role_heads.txt`.
static PERSON_ROLE_HEADS: WordSet = WordSet::new(include_str!("data/person_role_heads.txt"));

pub fn is_person_role_head(word: &str) -> bool {
    listed(&PERSON_ROLE_HEADS, word)
}

/// Role heads that fit almost any office-holder ("the official", "the diplomat").
pub fn is_generic_role_head(word: &str) -> bool {
    with_lower(word, |word| {
        matches!(
            word,
            "official" | "diplomat" | "politician" | "statesman" | "lawmaker"
        )
    })
}

/// Gendered role nouns.
pub fn role_gender(word: &str) -> Gender {
    with_lower(word, |word| match word {
        "spokesman" | "chairman" | "co-chairman" | "statesman" | "businessman" => Gender::Male,
        "spokeswoman" | "chairwoman" | "businesswoman" => Gender::Female,
        _ => Gender::Unknown,
    })
}

/// Nouns that head an organisation's description ("the think tank", "the airline").
/// `data/org_role_heads.txt`.
static ORG_ROLE_HEADS: WordSet = WordSet::new(include_str!("data/org_role_heads.txt"));

pub fn is_org_role_head(word: &str) -> bool {
    listed(&ORG_ROLE_HEADS, word)
}

/// Last words of organisation names ("Foreign Ministry", "Labor Department", "Financial Times").
/// `data/org_name_heads.txt`.
static ORG_NAME_HEADS: WordSet = WordSet::new(include_str!("data/org_name_heads.txt"));

pub fn is_org_name_head(word: &str) -> bool {
    listed(&ORG_NAME_HEADS, word)
}

/// Nationality and regional adjectives (and short country names used as modifiers).
/// `data/nationalities.txt`.
static NATIONALITIES: WordSet = WordSet::new(include_str!("data/nationalities.txt"));

/// The nationality a word expresses, normalised (`Russia's` and `Russian` both give `russia`).
pub fn nationality(word: &str) -> Option<String> {
    let of_lower = |lower: &str| {
        let base = trim_possessive(lower);
        if NATIONALITIES.contains(base) {
            return Some(nationality_stem(base));
        }
        if lower.ends_with("'s") && is_place(base) {
            return Some(nationality_stem(base));
        }
        None
    };
    // An ASCII word holds no typographic apostrophe to straighten.
    if word.is_ascii() {
        with_lower(word, of_lower)
    } else {
        of_lower(&word.to_lowercase().replace('’', "'"))
    }
}

/// `word` without its trailing `'s` (all of them, as `trim_end_matches("'s")` gives), by
/// suffix comparison: a string pattern builds a substring searcher on every call, and this
/// runs for most capitalised words.
fn trim_possessive(word: &str) -> &str {
    trim_all_suffixes(word, "'s")
}

/// `word` without every trailing `suffix`, exactly what `word.trim_end_matches(suffix)` gives,
/// by suffix comparison: a string pattern builds a substring searcher on every call (about
/// 200 instructions), which the rules pay for most words they read.
pub fn trim_all_suffixes<'w>(mut word: &'w str, suffix: &str) -> &'w str {
    if suffix.is_empty() {
        return word;
    }
    while let Some(rest) = word.strip_suffix(suffix) {
        word = rest;
    }
    word
}

/// A crude common stem so that "russia" and "russian", "britain" and "british" agree.
fn nationality_stem(word: &str) -> String {
    match word {
        "british" | "britain" | "uk" => "uk".to_string(),
        "american" | "us" | "u.s" | "america" | "usa" | "washington" => "us".to_string(),
        "moscow" | "kremlin" => "russia".to_string(),
        _ => {
            let word = trim_all_suffixes(word, "ian");
            let word = trim_all_suffixes(word, "ia");
            let word = trim_all_suffixes(word, "ish");
            let word = trim_all_suffixes(word, "ese");
            word.trim_end_matches('n').to_string()
        }
    }
}

/// Countries, capitals and regions that the press uses as speakers by metonymy ("Moscow said").
/// `data/places.txt`.
static PLACES: WordSet = WordSet::new(include_str!("data/places.txt"));

/// Days of the week, capitalised and compared exactly: `data/weekdays.txt`.
static WEEKDAYS: WordSet = WordSet::new(include_str!("data/weekdays.txt"));

/// Nouns of a period of time (`last week`): `data/time_periods.txt`.
static TIME_PERIODS: WordSet = WordSet::new(include_str!("data/time_periods.txt"));

/// `June`, `April`, `August`: month names that the census also lists as forenames
/// (chrono's English month names, written in full).
pub fn is_month_name(word: &str) -> bool {
    word.parse::<chrono::Month>()
        .is_ok_and(|month| month.name().eq_ignore_ascii_case(word))
}

/// `data/dotted_abbreviations.txt`.
static DOTTED_ABBREVIATIONS: WordSet = WordSet::new(include_str!("data/dotted_abbreviations.txt"));

/// A two-letter abbreviation with full stops that names a place or a time (`D.C.`, `N.H.`,
/// `U.K.`, `p.m.`), not a person's initials.
pub fn is_dotted_abbreviation(word: &str) -> bool {
    with_normalised(word, |lower| DOTTED_ABBREVIATIONS.contains(lower))
}

/// A day of the week as news text writes it (`Monday`; a lower-case `monday` is not one).
pub fn is_weekday(word: &str) -> bool {
    WEEKDAYS.contains(word)
}

/// A noun of a period of time (`week`, `month`), given in lower case.
pub fn is_time_period(lower: &str) -> bool {
    TIME_PERIODS.contains(lower)
}

pub fn is_place(word: &str) -> bool {
    with_normalised(word, |word| {
        let word = trim_possessive(word);
        PLACES.contains(word) || US_STATES.contains(word)
    })
}

/// Places named by several words (`New Hampshire`, `United States`): `data/place_names.txt`,
/// one lower-case name per line, with the set of their last words.
struct PlaceNames {
    names: FxHashSet<&'static str>,
    last_words: FxHashSet<&'static str>,
}

static PLACE_NAMES: OnceLock<PlaceNames> = OnceLock::new();

/// Whether these lower-case words are a place named by several words (`new hampshire`). Most
/// runs of a name end in no place's last word, so they are answered by one lookup, without
/// building the joined name (this runs on every capitalised run the rules read).
pub fn is_place_name(lower_words: &[&str]) -> bool {
    let Some(last) = lower_words.last().filter(|_| lower_words.len() >= 2) else {
        return false;
    };
    let places = PLACE_NAMES.get_or_init(|| {
        let names: FxHashSet<&'static str> = include_str!("data/place_names.txt")
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .collect();
        let last_words = names
            .iter()
            .filter_map(|name| name.split(' ').next_back())
            .collect();
        PlaceNames { names, last_words }
    });
    places.last_words.contains(last) && places.names.contains(lower_words.join(" ").as_str())
}

/// One-word US state names: `data/us_states.txt`.
static US_STATES: WordSet = WordSet::new(include_str!("data/us_states.txt"));

/// Capitalised words that are not names: function words, sentence openers, days and months.
/// `data/not_names.txt`.
static NOT_NAMES: WordSet = WordSet::new(include_str!("data/not_names.txt"));

pub fn is_not_name(word: &str) -> bool {
    listed(&NOT_NAMES, word)
}

/// Lower-case particles that occur inside names ("Nick Van den Berk", "Charles de Varno").
pub fn is_name_particle(word: &str) -> bool {
    matches!(
        word,
        "de" | "den"
            | "der"
            | "van"
            | "von"
            | "du"
            | "da"
            | "di"
            | "la"
            | "le"
            | "bin"
            | "al"
            | "el"
            | "ibn"
            | "dos"
            | "das"
            | "del"
            | "ter"
    )
}

/// Male forenames frequent in international and British news that the US census list
/// (forenames_male.txt) lacks or gives to both sexes.
/// `data/news_forenames_male.txt`.
static MALE_FORENAMES: WordSet = WordSet::new(include_str!("data/news_forenames_male.txt"));

/// Female forenames frequent in international and British news that the US census list
/// (forenames_female.txt) lacks or gives to both sexes.
/// `data/news_forenames_female.txt`.
static FEMALE_FORENAMES: WordSet = WordSet::new(include_str!("data/news_forenames_female.txt"));

/// The gender a forename usually has.
pub fn forename_gender(word: &str) -> Gender {
    with_normalised(word, |lower| {
        if MALE_FORENAMES.contains(lower) || CENSUS_MALE_FORENAMES.contains(lower) {
            Gender::Male
        } else if FEMALE_FORENAMES.contains(lower) || CENSUS_FEMALE_FORENAMES.contains(lower) {
            Gender::Female
        } else {
            Gender::Unknown
        }
    })
}

/// Frequent US forenames by sex (1990 census): `data/forenames_male.txt`.
static CENSUS_MALE_FORENAMES: WordSet = WordSet::new(include_str!("data/forenames_male.txt"));
/// Frequent US forenames by sex (1990 census): `data/forenames_female.txt`.
static CENSUS_FEMALE_FORENAMES: WordSet = WordSet::new(include_str!("data/forenames_female.txt"));

/// Forenames each sex bears, though one three to thirty times as often (1990 census):
/// `data/forenames_both_sexes.txt`.
static FORENAMES_OF_BOTH_SEXES: WordSet =
    WordSet::new(include_str!("data/forenames_both_sexes.txt"));

/// Whether the gender [`forename_gender`] reads from this forename is only a likelihood
/// (`Lindsey`, `Marty`): the census gives the name to the other sex too, at least a thirtieth
/// as often.
pub fn is_forename_of_both_sexes(word: &str) -> bool {
    listed(&FORENAMES_OF_BOTH_SEXES, word)
}

/// Pronouns that can stand for a speaker, with their gender.
pub fn pronoun_gender(word: &str) -> Option<Gender> {
    with_lower(word, |word| match word {
        "he" | "his" | "him" => Some(Gender::Male),
        "she" | "her" => Some(Gender::Female),
        _ => None,
    })
}

/// Plural nouns for unnamed groups ("Analysts said", "Critics say"): they speak, but nobody in
/// particular does, so they never become a speaker.
/// `data/group_nouns.txt`.
static GROUP_NOUNS: WordSet = WordSet::new(include_str!("data/group_nouns.txt"));

/// Party labels: `data/party_labels.txt`.
static PARTY_LABELS: WordSet = WordSet::new(include_str!("data/party_labels.txt"));

/// A party label written before a name (`Democrat Ann Oduya`, `Tory Tom Bakare`): it
/// describes the person, as a nationality does, and is never a given name.
pub fn is_party_label(word: &str) -> bool {
    listed(&PARTY_LABELS, word)
}

pub fn is_group_noun(word: &str) -> bool {
    listed(&GROUP_NOUNS, word)
}

/// Words after which a verb form is no finite report: `to` (an infinitive), an article or a
/// possessive determiner (a noun: `the report`, `his calls`) and the forms of `be` (a
/// participle or a noun: `was shouting`, `is a claim`). The reporting-verb readers of `cues`
/// and `orgs` each add the words their own phrases need.
pub fn blocks_finite_reading(word: &str) -> bool {
    is_form_of_be(word)
        || matches!(
            word,
            "to" | "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "my" | "your"
        )
}

/// The forms of `be` before a participle: `was asked` (a passive), `is shouting`.
pub fn is_form_of_be(word: &str) -> bool {
    matches!(
        word,
        "be" | "been" | "being" | "is" | "was" | "were" | "are"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stack_lower_case_is_the_allocating_lower_case() {
        let long = "A".repeat(STACK_WORD + 1);
        let longest = "Ab".repeat(STACK_WORD / 2);
        for word in [
            "",
            "said",
            "Said",
            "U.S.",
            "Sen.",
            "Mr..",
            "O'NEILL",
            "O’Neill",
            "Élysée",
            "İstanbul",
            "\u{212A}elvin",
            "co-chairman",
            long.as_str(),
            longest.as_str(),
        ] {
            assert_eq!(
                with_lower(word, str::to_string),
                word.to_lowercase(),
                "{word}"
            );
            assert_eq!(
                with_normalised(word, str::to_string),
                normalise(word).into_owned(),
                "{word}"
            );
        }
    }

    #[test]
    fn possessives_are_trimmed_as_by_a_pattern() {
        for word in [
            "russia",
            "russia's",
            "russia's's",
            "'s",
            "",
            "us’s",
            "boss",
            "s's",
        ] {
            assert_eq!(trim_possessive(word), word.trim_end_matches("'s"), "{word}");
        }
    }

    #[test]
    fn suffixes_are_trimmed_as_by_a_pattern() {
        for suffix in ["ian", "ia", "ish", "ese", "n't", "’s", ""] {
            for word in [
                "indian",
                "ianian",
                "russia",
                "ia",
                "danish",
                "n't",
                "don't",
                "us’s’s",
                "",
            ] {
                assert_eq!(
                    trim_all_suffixes(word, suffix),
                    word.trim_end_matches(suffix),
                    "{word} {suffix}"
                );
            }
        }
    }

    #[test]
    fn the_filter_keeps_every_listed_word() {
        // Every word of every list the rules use this way passes the filter and is found.
        for set in [
            &ROLE_WORDS,
            &OCCUPATIONS,
            &PERSON_ROLE_HEADS,
            &ORG_ROLE_HEADS,
            &ORG_NAME_HEADS,
            &NATIONALITIES,
            &PLACES,
            &US_STATES,
            &NOT_NAMES,
            &MALE_FORENAMES,
            &FEMALE_FORENAMES,
            &CENSUS_MALE_FORENAMES,
            &CENSUS_FEMALE_FORENAMES,
            &FORENAMES_OF_BOTH_SEXES,
            &GROUP_NOUNS,
            &PARTY_LABELS,
        ] {
            for word in set
                .source
                .lines()
                .filter(|line| !line.trim_start().starts_with('#'))
                .flat_map(str::split_whitespace)
            {
                assert!(set.contains(word), "{word}");
            }
        }
        // Words a list does not hold are not found, whether the filter or the set says so.
        let listed = WordSet::new("# a test list\nsaid told\nwarned");
        assert!(listed.contains("told") && listed.contains("warned"));
        for word in ["", "tells", "sad", "toldx", "Told", "warn", "s"] {
            assert!(!listed.contains(word), "{word}");
        }
    }

    #[test]
    fn the_filter_turns_most_words_away_without_the_set() {
        // A list of a few hundred words leaves most classes clear.
        let filter = WordFilter::of(ROLE_WORDS_TEXT_FOR_TEST.split_whitespace());
        let clear = filter.0.iter().map(|w| w.count_zeros()).sum::<u32>();
        assert!(clear > 3_500, "{clear} of 4096 classes clear");
    }

    const ROLE_WORDS_TEXT_FOR_TEST: &str = include_str!("data/role_words.txt");

    #[test]
    fn every_title_passes_its_filter_in_any_case() {
        for &(title, gender) in TITLES {
            assert_eq!(title_gender(title), Some(gender), "{title}");
            let capitalised = format!("{}{}.", title[..1].to_uppercase(), &title[1..]);
            assert_eq!(title_gender(&capitalised), Some(gender), "{capitalised}");
        }
        for word in ["Mrx", "sirs", "", "lords", "Dame’s", "judges"] {
            assert_eq!(title_gender(word), None, "{word}");
        }
    }

    #[test]
    fn genders_agree_when_unknown() {
        assert!(Gender::Male.agrees_with(Gender::Unknown));
        assert!(!Gender::Male.agrees_with(Gender::Female));
    }

    #[test]
    fn nationality_forms_agree() {
        assert_eq!(nationality("Russian"), nationality("Russia's"));
        assert_eq!(nationality("British"), nationality("Britain’s"));
        assert_eq!(nationality("Chancellor"), None);
    }

    #[test]
    fn titles_give_gender() {
        assert_eq!(title_gender("Mrs"), Some(Gender::Female));
        assert_eq!(title_gender("Sir"), Some(Gender::Male));
        assert_eq!(title_gender("Dr."), Some(Gender::Unknown));
        assert_eq!(title_gender("Dmitry"), None);
    }
}
