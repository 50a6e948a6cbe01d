//! The general word lists the rules consult: titles, role nouns, organisation words, places,
//! nationalities and common forenames with their usual gender.
//!
//! Every list is general English news vocabulary, compared in lower case; none is drawn from a
//! particular article. Speech verbs live in `cues.rs`, next to the rules that use them.

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::OnceLock;

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

/// A fixed word list, looked up through a hash set built on first use (the lists are long and
/// attribution asks them about almost every word).
pub struct WordList {
    words: &'static [&'static str],
    set: OnceLock<HashSet<&'static str>>,
}

impl WordList {
    const fn new(words: &'static [&'static str]) -> WordList {
        WordList {
            words,
            set: OnceLock::new(),
        }
    }

    /// Whether the list holds the word exactly as given (already normalised).
    fn contains(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| self.words.iter().copied().collect())
            .contains(word)
    }
}

/// A word list kept in a data file: words separated by white space, `#` starting a comment
/// line. Built into a hash set on first use; words are compared exactly (callers pass lower
/// case).
pub struct WordSet {
    source: &'static str,
    set: OnceLock<HashSet<&'static str>>,
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
        self.set
            .get_or_init(|| {
                self.source
                    .lines()
                    .filter(|line| !line.trim_start().starts_with('#'))
                    .flat_map(str::split_whitespace)
                    .collect()
            })
            .contains(word)
    }
}

/// Whether a word (in any case, with either apostrophe) is on a word list.
fn listed(list: &WordList, word: &str) -> bool {
    list.contains(&normalise(word))
}

/// Courtesy titles and the gender they imply.
pub fn title_gender(word: &str) -> Option<Gender> {
    match word.trim_end_matches('.').to_lowercase().as_str() {
        "mr" | "sir" | "lord" | "mister" | "baron" | "king" | "prince" | "father" => {
            Some(Gender::Male)
        }
        "mrs" | "ms" | "miss" | "lady" | "dame" | "baroness" | "queen" | "princess" | "madam" => {
            Some(Gender::Female)
        }
        "dr" | "prof" | "professor" | "rev" | "judge" | "justice" | "sen" | "senator" | "gov"
        | "rep" | "cllr" | "gen" | "col" | "capt" | "lt" | "sgt" => Some(Gender::Unknown),
        _ => None,
    }
}

/// Nouns and modifiers that describe an office or job rather than name a person.
static ROLE_WORDS: WordList = WordList::new(&[
    "minister",
    "ministers",
    "secretary",
    "president",
    "vice",
    "chancellor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chairman",
    "chairwoman",
    "chair",
    "co-chairman",
    "chief",
    "executive",
    "director",
    "general",
    "deputy",
    "foreign",
    "defence",
    "defense",
    "home",
    "prime",
    "leader",
    "head",
    "governor",
    "ambassador",
    "envoy",
    "official",
    "diplomat",
    "commissioner",
    "analyst",
    "economist",
    "adviser",
    "advisor",
    "negotiator",
    "mayor",
    "premier",
    "trade",
    "industry",
    "state",
    "shadow",
    "assistant",
    "under",
    "senior",
    "junior",
    "mp",
    "mep",
    "msp",
    "manager",
    "boss",
    "founder",
    "editor",
    "correspondent",
    "lawyer",
    "attorney",
    "commander",
    "cabinet",
    "culture",
    "health",
    "education",
    "environment",
    "transport",
    "work",
    "pensions",
    "finance",
    "economy",
    "interior",
    "treasury",
    "affairs",
    "family",
    "constitutional",
    "justice",
    "energy",
    "employment",
    "skills",
    "science",
    "agriculture",
    "development",
    "international",
    "northern",
    "welsh",
    "scottish",
    "secretary-general",
    "ceo",
    "cfo",
    "coo",
    "md",
    "president-elect",
    "speaker",
    "whip",
    "strategist",
    "campaigner",
    "spokesmen",
    "representative",
    "counsel",
    "solicitor",
    "inspector",
    "auditor",
    "controller",
    "registrar",
    "ombudsman",
    "chief-executive",
    "presidential",
    "ministerial",
    "parliamentary",
    "first",
    "acting",
    "former",
    "top",
]);

pub fn is_role_word(word: &str) -> bool {
    listed(&ROLE_WORDS, word) || OCCUPATIONS.contains(&normalise(word))
}

/// Occupations written before a name as a title: `data/occupations.txt`.
static OCCUPATIONS: WordSet = WordSet::new(include_str!("data/occupations.txt"));

/// Role nouns that can head a description of a person ("the diplomat", "the finance minister").
static PERSON_ROLE_HEADS: WordList = WordList::new(&[
    "minister",
    "secretary",
    "president",
    "chancellor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chairman",
    "chairwoman",
    "leader",
    "head",
    "governor",
    "ambassador",
    "envoy",
    "official",
    "diplomat",
    "commissioner",
    "negotiator",
    "mayor",
    "premier",
    "executive",
    "boss",
    "chief",
    "director",
    "general",
    "secretary-general",
    "co-chairman",
    "chair",
    "founder",
    "manager",
    "analyst",
    "economist",
    "adviser",
    "advisor",
    "mp",
    "msp",
    "mep",
    "senator",
    "lawmaker",
    "politician",
    "statesman",
    "solicitor",
    "lawyer",
    "attorney",
    "peer",
    "barrister",
    "professor",
]);

pub fn is_person_role_head(word: &str) -> bool {
    listed(&PERSON_ROLE_HEADS, word)
}

/// Role heads that fit almost any office-holder ("the official", "the diplomat").
pub fn is_generic_role_head(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "official" | "diplomat" | "politician" | "statesman" | "lawmaker"
    )
}

/// Gendered role nouns.
pub fn role_gender(word: &str) -> Gender {
    match word.to_lowercase().as_str() {
        "spokesman" | "chairman" | "co-chairman" | "statesman" | "businessman" => Gender::Male,
        "spokeswoman" | "chairwoman" | "businesswoman" => Gender::Female,
        _ => Gender::Unknown,
    }
}

/// Nouns that head an organisation's description ("the think tank", "the airline").
static ORG_ROLE_HEADS: WordList = WordList::new(&[
    "tank",
    "watchdog",
    "consultancy",
    "group",
    "firm",
    "company",
    "bank",
    "airline",
    "carrier",
    "agency",
    "department",
    "ministry",
    "union",
    "regulator",
    "newspaper",
    "paper",
    "report",
    "study",
    "survey",
    "organisation",
    "organization",
    "body",
    "body's",
    "institute",
    "commission",
    "committee",
    "council",
    "government",
    "retailer",
    "maker",
    "manufacturer",
    "insurer",
    "lender",
    "operator",
    "broadcaster",
    "network",
    "charity",
    "club",
    "party",
    "alliance",
    "association",
    "federation",
    "exchange",
    "office",
    "authority",
    "board",
    "court",
    "statement",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    // Added for US political news (issue 9): campaigns, administrations and other bodies that
    // speak as one.
    "campaign",
    "administration",
    "embassy",
    "foundation",
    "university",
    "poll",
    "magazine",
    "caucus",
    "panel",
]);

pub fn is_org_role_head(word: &str) -> bool {
    listed(&ORG_ROLE_HEADS, word)
}

/// Last words of organisation names ("Foreign Ministry", "Labor Department", "Financial Times").
static ORG_NAME_HEADS: WordList = WordList::new(&[
    "ministry",
    "department",
    "office",
    "commission",
    "committee",
    "council",
    "agency",
    "bank",
    "fund",
    "party",
    "union",
    "association",
    "federation",
    "institute",
    "institution",
    "organisation",
    "organization",
    "group",
    "corporation",
    "corp",
    "company",
    "co",
    "inc",
    "ltd",
    "plc",
    "llc",
    "authority",
    "service",
    "services",
    "court",
    "government",
    "parliament",
    "assembly",
    "congress",
    "senate",
    "kremlin",
    "pentagon",
    "treasury",
    "board",
    "bureau",
    "journal",
    "times",
    "post",
    "news",
    "telegraph",
    "guardian",
    "herald",
    "gazette",
    "standard",
    "mail",
    "mirror",
    "express",
    "economist",
    "reuters",
    "press",
    "television",
    "network",
    "airways",
    "airlines",
    "energy",
    "resources",
    "securities",
    "economics",
    "investments",
    "insurance",
    "petroleum",
    "pharmaceuticals",
    "technologies",
    "communications",
    "motors",
    "holdings",
    "industries",
    "systems",
    "watch",
    "forum",
    "foundation",
    "trust",
    "society",
    "league",
    "alliance",
    "coalition",
    "exchange",
    "executive",
    "administration",
    "inquiry",
    "tribunal",
    "police",
    "army",
    "navy",
    "command",
    "secretariat",
    "confederation",
    "chamber",
    "chambers",
    "university",
    "college",
    "school",
    "hospital",
    "bbc",
    "itv",
    "cnn",
    "opec",
    "democrats",
    "republicans",
    "conservatives",
    "tories",
    "labour",
    "greens",
    "nationalists",
    "unionists",
    "commons",
    "lords",
    "house",
    "ministry's",
    "forces",
    "club",
    "centre",
    "center",
    "review",
    "weekly",
    "daily",
]);

pub fn is_org_name_head(word: &str) -> bool {
    listed(&ORG_NAME_HEADS, word)
}

/// Nationality and regional adjectives (and short country names used as modifiers).
static NATIONALITIES: WordList = WordList::new(&[
    "russian",
    "american",
    "british",
    "chinese",
    "french",
    "german",
    "ukrainian",
    "european",
    "us",
    "u.s",
    "uk",
    "eu",
    "western",
    "eastern",
    "japanese",
    "indian",
    "italian",
    "spanish",
    "irish",
    "scottish",
    "welsh",
    "english",
    "israeli",
    "iranian",
    "iraqi",
    "syrian",
    "turkish",
    "polish",
    "dutch",
    "belgian",
    "swiss",
    "swedish",
    "norwegian",
    "danish",
    "finnish",
    "canadian",
    "australian",
    "mexican",
    "brazilian",
    "korean",
    "north",
    "south",
    "saudi",
    "egyptian",
    "pakistani",
    "afghan",
    "greek",
    "austrian",
    "portuguese",
    "hungarian",
    "czech",
    "georgian",
    "belarusian",
    "estonian",
    "latvian",
    "lithuanian",
    "romanian",
    "bulgarian",
    "serbian",
    "croatian",
    "nato",
    "un",
    "african",
    "asian",
    "arab",
    "kremlin",
    "nigerian",
    "kenyan",
    "argentine",
    "chilean",
    "colombian",
    "venezuelan",
    "cuban",
    "thai",
    "vietnamese",
    "indonesian",
    "malaysian",
    "filipino",
    "singaporean",
    "palestinian",
    "lebanese",
    "jordanian",
]);

/// The nationality a word expresses, normalised (`Russia's` and `Russian` both give `russia`).
pub fn nationality(word: &str) -> Option<String> {
    let lower = word.to_lowercase().replace('’', "'");
    let base = lower.trim_end_matches("'s");
    if NATIONALITIES.contains(base) {
        return Some(nationality_stem(base));
    }
    if lower.ends_with("'s") && is_place(base) {
        return Some(nationality_stem(base));
    }
    None
}

/// A crude common stem so that "russia" and "russian", "britain" and "british" agree.
fn nationality_stem(word: &str) -> String {
    match word {
        "british" | "britain" | "uk" => "uk".to_string(),
        "american" | "us" | "u.s" | "america" | "usa" | "washington" => "us".to_string(),
        "moscow" | "kremlin" => "russia".to_string(),
        _ => word
            .trim_end_matches("ian")
            .trim_end_matches("ia")
            .trim_end_matches("ish")
            .trim_end_matches("ese")
            .trim_end_matches('n')
            .to_string(),
    }
}

/// Countries, capitals and regions that the press uses as speakers by metonymy ("Moscow said").
static PLACES: WordList = WordList::new(&[
    "russia",
    "moscow",
    "washington",
    "kiev",
    "kyiv",
    "ukraine",
    "us",
    "usa",
    "u.s",
    "uk",
    "britain",
    "china",
    "beijing",
    "europe",
    "france",
    "paris",
    "germany",
    "berlin",
    "london",
    "japan",
    "tokyo",
    "india",
    "delhi",
    "iran",
    "tehran",
    "iraq",
    "baghdad",
    "israel",
    "brussels",
    "geneva",
    "america",
    "canada",
    "ottawa",
    "australia",
    "italy",
    "rome",
    "spain",
    "madrid",
    "poland",
    "warsaw",
    "turkey",
    "ankara",
    "syria",
    "damascus",
    "egypt",
    "cairo",
    "pakistan",
    "afghanistan",
    "korea",
    "pyongyang",
    "seoul",
    "taiwan",
    "taipei",
    "ireland",
    "dublin",
    "scotland",
    "wales",
    "england",
    "edinburgh",
    "cardiff",
    "belfast",
    "brazil",
    "mexico",
    "argentina",
    "africa",
    "asia",
    "minsk",
    "belarus",
    "georgia",
    "tbilisi",
    "cuba",
    "havana",
    "westminster",
    "whitehall",
    "holyrood",
    "greece",
    "athens",
    "sweden",
    "norway",
    "finland",
    "denmark",
    "netherlands",
    "holland",
    "switzerland",
    "austria",
    "vienna",
    "hungary",
    "serbia",
    "kosovo",
    "nigeria",
    "kenya",
    "india's",
    "west",
    "east",
]);

pub fn is_place(word: &str) -> bool {
    let word = normalise(word);
    let word = word.trim_end_matches("'s");
    PLACES.contains(word) || US_STATES.contains(word)
}

/// One-word US state names: `data/us_states.txt`.
static US_STATES: WordSet = WordSet::new(include_str!("data/us_states.txt"));

/// Capitalised words that are not names: function words, sentence openers, days and months.
static NOT_NAMES: WordList = WordList::new(&[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "to",
    "of",
    "with",
    "and",
    "but",
    "or",
    "as",
    "after",
    "before",
    "during",
    "while",
    "when",
    "if",
    "although",
    "also",
    "however",
    "meanwhile",
    "speaking",
    "according",
    "this",
    "that",
    "these",
    "those",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "its",
    "there",
    "here",
    "what",
    "who",
    "why",
    "how",
    "where",
    "which",
    "last",
    "next",
    "earlier",
    "later",
    "yesterday",
    "today",
    "tomorrow",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "july",
    "september",
    "october",
    "november",
    "december",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
    "so",
    "yet",
    "not",
    "no",
    "yes",
    "all",
    "some",
    "many",
    "most",
    "more",
    "one",
    "two",
    "three",
    "both",
    "each",
    "every",
    "such",
    "other",
    "another",
    "new",
    "none",
    "maybe",
    "perhaps",
    "now",
    "then",
    "than",
    "thus",
    "still",
    "even",
    "just",
    "only",
    "over",
    "under",
    "about",
    "into",
    "between",
    "among",
    "against",
    "without",
    "within",
    "despite",
    "because",
    "since",
    "until",
    "unless",
    "though",
    "whether",
    "my",
    "your",
    "me",
    "him",
    "them",
    "us",
    "be",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "would",
    "can",
    "could",
    "might",
    "should",
    "must",
    "do",
    "does",
    "did",
    "let",
    "let's",
    "see",
    "calling",
    "commenting",
    "reporting",
    "looking",
    "asked",
    "pointing",
    "overall",
    "finally",
    "instead",
    "indeed",
    "ironically",
    "nonetheless",
    "moreover",
    "furthermore",
    "first",
    "second",
    "third",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "lord",
    "lady",
    "minister",
    "president",
    "secretary",
    "chancellor",
    "government",
    "report",
    "news",
]);

pub fn is_not_name(word: &str) -> bool {
    listed(&NOT_NAMES, word)
}

/// Lower-case particles that occur inside names ("Nick Van den Brul", "Charles de Gaulle").
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

static MALE_FORENAMES: WordList = WordList::new(&[
    "alexander",
    "alexei",
    "alexey",
    "andrew",
    "andrei",
    "andrey",
    "anthony",
    "antony",
    "alan",
    "alistair",
    "barry",
    "ben",
    "bernard",
    "bill",
    "bob",
    "boris",
    "brian",
    "charles",
    "chris",
    "christopher",
    "colin",
    "dan",
    "daniel",
    "david",
    "dmitry",
    "dmitri",
    "dmytro",
    "donald",
    "douglas",
    "ed",
    "edward",
    "emmanuel",
    "eric",
    "frank",
    "frank-juergen",
    "frank-walter",
    "gary",
    "geoff",
    "geoffrey",
    "george",
    "gerhard",
    "glenn",
    "gordon",
    "graham",
    "greg",
    "gregory",
    "harry",
    "henry",
    "hugh",
    "ian",
    "igor",
    "ivan",
    "jack",
    "jacques",
    "james",
    "jean",
    "jean-claude",
    "jean-philippe",
    "jean-pierre",
    "jeff",
    "jens",
    "jim",
    "joe",
    "john",
    "jonathan",
    "joseph",
    "ken",
    "kenneth",
    "kevin",
    "kim",
    "lee",
    "liam",
    "mark",
    "martin",
    "matthew",
    "maxim",
    "michael",
    "mike",
    "mikhail",
    "neil",
    "nick",
    "nicholas",
    "nicolas",
    "nikolai",
    "norman",
    "oliver",
    "olaf",
    "patrick",
    "paul",
    "peter",
    "philip",
    "phil",
    "richard",
    "rick",
    "rob",
    "robert",
    "robin",
    "rod",
    "roger",
    "ron",
    "ronald",
    "roy",
    "russell",
    "sam",
    "samuel",
    "sergei",
    "sergey",
    "simon",
    "stephen",
    "steve",
    "steven",
    "stuart",
    "ted",
    "thomas",
    "tim",
    "timothy",
    "tom",
    "tony",
    "vincent",
    "vladimir",
    "viktor",
    "walter",
    "william",
    "xi",
    "yuri",
    "dmitriy",
    "alastair",
    "digby",
    "gus",
    "kofi",
    "gerry",
    "hans",
    "karl",
    "klaus",
    "luis",
    "carlos",
    "jose",
    "juan",
    "pedro",
    "francois",
    "pierre",
    "silvio",
    "romano",
    "angelo",
    "marco",
    "giuseppe",
    "mohammed",
    "muhammad",
    "ahmed",
    "ali",
    "hamid",
    "recep",
    "ariel",
    "benjamin",
    "shimon",
    "yasser",
    "mahmoud",
    "hu",
    "wen",
    "junichiro",
    "jacob",
    "alex",
    "adam",
    "duncan",
    "gavin",
    "malcolm",
    "keith",
    "derek",
    "trevor",
    "nigel",
    "clive",
    "iain",
    "jeremy",
    "rupert",
]);

static FEMALE_FORENAMES: WordList = WordList::new(&[
    "alison",
    "angela",
    "ann",
    "anne",
    "anna",
    "barbara",
    "carol",
    "caroline",
    "catherine",
    "charlotte",
    "christine",
    "claire",
    "clare",
    "condoleezza",
    "diane",
    "elizabeth",
    "emma",
    "fiona",
    "hazel",
    "helen",
    "hillary",
    "isabelle",
    "jane",
    "janet",
    "jacqui",
    "jennifer",
    "jessica",
    "jo",
    "joan",
    "julia",
    "julie",
    "karen",
    "kate",
    "katherine",
    "kathy",
    "laura",
    "linda",
    "liz",
    "lucy",
    "margaret",
    "maria",
    "marie",
    "mary",
    "melanie",
    "michelle",
    "nancy",
    "natalia",
    "natalie",
    "nicola",
    "olga",
    "patricia",
    "pauline",
    "rachel",
    "ruth",
    "sally",
    "sandra",
    "sarah",
    "sharon",
    "sophie",
    "susan",
    "suzanne",
    "tessa",
    "theresa",
    "tina",
    "valentina",
    "victoria",
    "yvette",
    "ursula",
    "maria",
    "margaret",
    "harriet",
    "estelle",
    "glenda",
    "gillian",
    "heather",
    "jackie",
    "judith",
    "lorraine",
    "louise",
    "mo",
    "ruth",
    "shirley",
    "teresa",
    "wendy",
    "zoe",
    "cherie",
    "oona",
    "kirsty",
    "mariya",
    "maria",
    "ségolène",
    "segolene",
    "marine",
    "hélène",
    "helene",
    "christina",
    "beverley",
    "beverly",
]);

/// The gender a forename usually has.
pub fn forename_gender(word: &str) -> Gender {
    let lower = normalise(word);
    if MALE_FORENAMES.contains(&lower) || CENSUS_MALE_FORENAMES.contains(&lower) {
        Gender::Male
    } else if FEMALE_FORENAMES.contains(&lower) || CENSUS_FEMALE_FORENAMES.contains(&lower) {
        Gender::Female
    } else {
        Gender::Unknown
    }
}

/// Frequent US forenames by sex (1990 census): `data/forenames_male.txt`.
static CENSUS_MALE_FORENAMES: WordSet = WordSet::new(include_str!("data/forenames_male.txt"));
/// Frequent US forenames by sex (1990 census): `data/forenames_female.txt`.
static CENSUS_FEMALE_FORENAMES: WordSet = WordSet::new(include_str!("data/forenames_female.txt"));

/// Pronouns that can stand for a speaker, with their gender.
pub fn pronoun_gender(word: &str) -> Option<Gender> {
    match word.to_lowercase().as_str() {
        "he" | "his" | "him" => Some(Gender::Male),
        "she" | "her" => Some(Gender::Female),
        _ => None,
    }
}

/// Plural nouns for unnamed groups ("Analysts said", "Critics say"): they speak, but nobody in
/// particular does, so they never become a speaker.
static GROUP_NOUNS: WordList = WordList::new(&[
    "activists",
    "aides",
    "allies",
    "analysts",
    "authorities",
    "bankers",
    "campaigners",
    "critics",
    "commentators",
    "delegates",
    "detectives",
    "diplomats",
    "doctors",
    "economists",
    "executives",
    "experts",
    "fans",
    "forecasters",
    "insiders",
    "investigators",
    "investors",
    "lawyers",
    "leaders",
    "members",
    "ministers",
    "mps",
    "observers",
    "officials",
    "officers",
    "opponents",
    "organisers",
    "organizers",
    "others",
    "parents",
    "people",
    "police",
    "politicians",
    "prosecutors",
    "protesters",
    "researchers",
    "residents",
    "rivals",
    "scientists",
    "sources",
    "staff",
    "students",
    "supporters",
    "teachers",
    "traders",
    "unions",
    "voters",
    "witnesses",
    "workers",
    "reports",
    "parties",
    "airlines",
    "residents",
    "users",
    "customers",
    "shoppers",
]);

pub fn is_group_noun(word: &str) -> bool {
    listed(&GROUP_NOUNS, word)
}

#[cfg(test)]
mod tests {
    use super::*;

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
