//! Telling whether two written names are the same person, and choosing one canonical name per
//! person across a collection.
//!
//! Two names match when their surnames agree and their given names are compatible: one is
//! missing ("Varlamov", "Mr Varlamov"), one is the other's initial ("J. Smith"), or they agree once
//! spelled in a transliteration-tolerant way (Sergey/Sergei, Anthony/Antony, Dmitry/Dmitri).
//! The canonical name is the fullest form seen. Organisation names are left as they are. This
//! module does not read articles.

use std::collections::HashMap;

use super::lexicon::{
    forename_gender, is_forename_of_both_sexes, is_group_noun, is_org_name_head, title_gender,
    Gender,
};
use super::mentions::{is_acronym, is_generational_suffix};

/// A name split into given names, surname and generational suffix (`Jr.`), without
/// courtesy titles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SplitName {
    pub given: Vec<String>,
    pub surname: String,
    pub suffix: Option<String>,
    /// What the name says of its bearer's sex: its opening title's ("Lady", "Mr"), else its
    /// first forename's when the census gives that forename to one sex only.
    pub gender: Gender,
}

impl SplitName {
    /// Whether the two names can be one person: compatible given names and the same
    /// generational suffix (or none on both). A bare surname (`Oduya`) may be any suffix-less
    /// bearer, never `Tom B. Oduya Jr.` across articles: that would name the son for the father.
    /// Nor a bearer of another spelling: the tolerant spelling key that lets `Sergey Varlamov`
    /// be `Sergei Varlamov` needs given names on both sides to vouch for it, as a bare `Lord
    /// Hallett` and `Mara Halet` are two surnames that share a key, not one transliterated.
    /// And the names must not tell two sexes apart: `Lady Hale` is never `Andrew Hale`.
    fn may_be(&self, other: &SplitName) -> bool {
        let bare = self.given.is_empty() || other.given.is_empty();
        compatible_given(&self.given, &other.given)
            && self.suffix == other.suffix
            && self.gender.agrees_with(other.gender)
            && (!bare || folded(&self.surname) == folded(&other.surname))
    }
}

/// Splits a written name, dropping the titles it opens with ("Mr", "Sir", "Dr"; its last word
/// always stays, as in "Mr King"). A title word after the first name word is part of the
/// name: "King" and "Earl" are surnames too, so "Paul King" is a King, not a titled "Paul".
pub fn split(name: &str) -> Option<SplitName> {
    let all: Vec<&str> = name.split_whitespace().collect();
    let titles = all
        .iter()
        .take(all.len().saturating_sub(1))
        .take_while(|w| title_gender(w).is_some())
        .count();
    let title = all[..titles]
        .iter()
        .filter_map(|w| title_gender(w))
        .fold(Gender::Unknown, Gender::or);
    let words = &all[titles..];
    let (suffix, words) = match words.split_last() {
        Some((last, rest)) if !rest.is_empty() && is_generational_suffix(last) => {
            (Some(last.to_string()), rest)
        }
        _ => (None, words),
    };
    let (surname, given) = words.split_last()?;
    let forename = match given.first() {
        Some(first) if !is_forename_of_both_sexes(first) => forename_gender(first),
        _ => Gender::Unknown,
    };
    Some(SplitName {
        given: given.iter().map(|w| w.to_string()).collect(),
        surname: surname.to_string(),
        suffix,
        gender: title.or(forename),
    })
}

/// A spelling key that ignores common transliteration differences: lower case, accents
/// stripped, only letters and digits; then, in this order and each over the whole word as
/// the previous one left it, "th"→"t", "ph"→"f", "kh"→"h", "ks"→"x", "ck"→"k", "ou"→"u",
/// "y"/"j"→"i", "w"→"v"; then a character repeated in a row written once ("Mohammed" and
/// "Mohamed").
///
/// Every rewrite is of ASCII letters into fewer or as many ASCII letters, so it runs in
/// place on the UTF-8 bytes (an ASCII byte is always a whole character): one allocation for
/// an ASCII word, where a chain of `replace` calls made one per rewrite (this runs per person
/// on every surname look-up of the cast).
pub fn spelling_key(word: &str) -> String {
    let mut bytes: Vec<u8> = if word.is_ascii() {
        // For ASCII, `to_lowercase` is `to_ascii_lowercase`, `strip_accent` changes nothing
        // and `is_alphanumeric` is `is_ascii_alphanumeric`.
        word.bytes()
            .filter(u8::is_ascii_alphanumeric)
            .map(|b| b.to_ascii_lowercase())
            .collect()
    } else {
        // Whole-string `to_lowercase` (a final sigma depends on its neighbours).
        word.to_lowercase()
            .chars()
            .map(strip_accent)
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
            .into_bytes()
    };
    for (pair, by) in [
        (b"th", b't'),
        (b"ph", b'f'),
        (b"kh", b'h'),
        (b"ks", b'x'),
        (b"ck", b'k'),
        (b"ou", b'u'),
    ] {
        // Left to right, matches not overlapping, as `str::replace`.
        let (mut read, mut write) = (0, 0);
        while read < bytes.len() {
            if bytes[read..].starts_with(pair) {
                bytes[write] = by;
                read += 2;
            } else {
                bytes[write] = bytes[read];
                read += 1;
            }
            write += 1;
        }
        bytes.truncate(write);
    }
    for b in &mut bytes {
        *b = match *b {
            b'y' | b'j' => b'i',
            b'w' => b'v',
            other => other,
        };
    }
    // Only ASCII bytes were rewritten, so the bytes are still UTF-8.
    let mut key = String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    let mut previous = None;
    key.retain(|c| {
        let keep = previous != Some(c);
        previous = Some(c);
        keep
    });
    key
}

fn strip_accent(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        'ß' => 's',
        other => other,
    }
}

/// A word in lower case without accents: spellings that are the same but for case and accents.
fn folded(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(strip_accent)
        .collect()
}

/// Edit distance between two short strings.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

/// Two spellings of one word: equal keys, or keys of five letters or more one edit apart.
pub fn same_word(a: &str, b: &str) -> bool {
    let (ka, kb) = (spelling_key(a), spelling_key(b));
    ka == kb || (ka.len().min(kb.len()) >= 5 && edit_distance(&ka, &kb) <= 1)
}

/// Given names that can belong to one person.
pub fn compatible_given(a: &[String], b: &[String]) -> bool {
    match (a.first(), b.first()) {
        (None, _) | (_, None) => true,
        (Some(x), Some(y)) => {
            let initial = |w: &str| w.trim_end_matches('.').chars().count() == 1;
            let first_letter = |w: &str| w.chars().next().map(|c| c.to_ascii_lowercase());
            if initial(x) || initial(y) {
                first_letter(x) == first_letter(y)
            } else {
                same_word(x, y)
            }
        }
    }
}

/// The speaker a name found by the rules stands for, or why it cannot be one.
///
/// "Civic Society's Sundar Varma" is Sundar Varma (the owner is his affiliation);
/// unnamed groups ("Analysts", "Labour MPs"), a bare possessive left from "Okafor's
/// spokesman", and blanks are nobody in particular.
pub fn speaker_name(name: &str) -> Result<String, &'static str> {
    let name = name.trim();
    let name = match name.rsplit_once("'s ").or_else(|| name.rsplit_once("’s ")) {
        Some((_, person)) if person.starts_with(char::is_uppercase) => person,
        _ => name,
    };
    if name.is_empty() {
        return Err("is empty");
    }
    if name.ends_with("'s") || name.ends_with("’s") {
        return Err("is a possessive, not the speaker");
    }
    let last = name.split_whitespace().next_back().unwrap_or(name);
    let single = !name.contains(' ');
    if is_group_noun(last) && (single || last.ends_with('s')) {
        return Err("is a group, nobody in particular");
    }
    Ok(name.to_string())
}

/// Organisation names are kept out of person merging.
pub fn looks_like_organisation(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    match words.last() {
        Some(last) => is_org_name_head(last) || (words.len() == 1 && is_acronym(last)),
        None => false,
    }
}

/// Maps every name to one canonical name per person: the fullest compatible form (most given
/// names, then the most frequent, then the longest, then alphabetical, so the choice never
/// depends on input order). A bare surname shared by two different people is left as it is.
///
/// `names` may repeat a name once per occurrence; frequency decides between equally full forms
/// (Sergei Varlamov over Sergey Varlamov when the collection writes it so more often). Names are
/// only compared within their surname's group, so the cost grows with the size of the largest
/// group, not with the square of the collection's names.
pub fn canonical_names<'a>(names: impl IntoIterator<Item = &'a str>) -> HashMap<String, String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for name in names {
        *counts.entry(name).or_insert(0) += 1;
    }
    let mut canonical = HashMap::with_capacity(counts.len());
    let mut by_surname: HashMap<String, Vec<Candidate>> = HashMap::new();
    for (&name, &count) in &counts {
        match split(name).filter(|_| !looks_like_organisation(name)) {
            Some(split) => by_surname
                .entry(spelling_key(&split.surname))
                .or_default()
                .push(Candidate { name, count, split }),
            None => {
                canonical.insert(name.to_string(), name.to_string());
            }
        }
    }
    for group in by_surname.values() {
        for candidate in group {
            canonical.insert(
                candidate.name.to_string(),
                fullest_variant(candidate, group),
            );
        }
    }
    canonical
}

/// A person's name as written, how often it was seen, and its parts.
struct Candidate<'a> {
    name: &'a str,
    count: usize,
    split: SplitName,
}

/// The fullest name in the surname group that can be the same person as `candidate`;
/// the name itself when those variants disagree with each other (two people share the surname).
fn fullest_variant(candidate: &Candidate, group: &[Candidate]) -> String {
    let compatible: Vec<&Candidate> = group
        .iter()
        .filter(|other| candidate.split.may_be(&other.split))
        .collect();
    agreed_fullest(&compatible)
        .unwrap_or(candidate.name)
        .to_string()
}

/// The fullest of these variants when they can all be its person; none when they disagree.
fn agreed_fullest<'a>(variants: &[&Candidate<'a>]) -> Option<&'a str> {
    let mut variants = variants.to_vec();
    variants.sort_by(|a, b| {
        b.split
            .given
            .len()
            .cmp(&a.split.given.len())
            .then(b.count.cmp(&a.count))
            .then(b.name.len().cmp(&a.name.len()))
            .then(a.name.cmp(b.name))
    });
    let best = variants.first()?;
    variants
        .iter()
        .all(|v| v.split.may_be(&best.split))
        .then_some(best.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `spelling_key` as it was written before it ran in place: the reference it must match.
    fn chained_spelling_key(word: &str) -> String {
        let lower: String = word
            .to_lowercase()
            .chars()
            .map(strip_accent)
            .filter(|c| c.is_alphanumeric())
            .collect();
        let replaced = lower
            .replace("th", "t")
            .replace("ph", "f")
            .replace("kh", "h")
            .replace("ks", "x")
            .replace("ck", "k")
            .replace("ou", "u")
            .replace(['y', 'j'], "i")
            .replace('w', "v");
        let mut key = String::with_capacity(replaced.len());
        for c in replaced.chars() {
            if !key.ends_with(c) {
                key.push(c);
            }
        }
        key
    }

    #[test]
    fn spelling_key_matches_the_chained_rewrites() {
        // Rewrites whose order matters ("tkh" → "th", left as it is because "th" ran
        // first; "cks" → "cx" because "ks" runs before "ck"), overlapping pairs ("thh", "ouu", "ttth"), doubles made by a rewrite
        // ("pff", "wv"), non-ASCII (accents, Cyrillic, Turkish dotted I, final sigma, ß,
        // the Kelvin sign), punctuation and digits, empty.
        let words = [
            "",
            "Thomas",
            "Sergey",
            "Dmitry",
            "Aleksandr",
            "Alexander",
            "Mohammed",
            "Khrushchev",
            "tkh",
            "tkhs",
            "cks",
            "ckks",
            "kkhs",
            "thh",
            "ttth",
            "phph",
            "ouou",
            "ouu",
            "oou",
            "pff",
            "wv",
            "yij",
            "Jóhannsdóttir",
            "Ñúñez",
            "Straße",
            "Сергей",
            "İstanbul",
            "ΟΔΥΣΣΕΥΣ",
            "\u{212A}han",
            "O'Neill",
            "Smith-Jones",
            "McCarthy's",
            "R2-D2",
            "...",
            "Xi",
        ];
        for word in words {
            assert_eq!(spelling_key(word), chained_spelling_key(word), "{word:?}");
        }
    }

    #[test]
    fn transliterations_agree() {
        assert!(same_word("Sergey", "Sergei"));
        assert!(same_word("Anthony", "Antony"));
        assert!(same_word("Dmitry", "Dmitri"));
        assert!(same_word("Aleksandr", "Alexander"));
        assert!(!same_word("Ed", "Al"));
        assert!(!same_word("Mark", "Mike"));
    }

    #[test]
    fn merging_needs_the_same_surname_and_compatible_given_names() {
        let map = canonical_names([
            "Sergey Varlamov",
            "Sergei Varlamov",
            "Sergei Varlamov",
            "Mr Varlamov",
        ]);
        assert_eq!(map["Sergey Varlamov"], "Sergei Varlamov");
        assert_eq!(map["Mr Varlamov"], "Sergei Varlamov");
        assert_eq!(
            canonical_names(["J. Smith", "John Smith"])["J. Smith"],
            "John Smith"
        );
        // A bare surname joins only a full name spelled the same (folded): one transliterated
        // spelling key is no evidence without given names that agree.
        let bare = canonical_names([
            "Lord Hallett",
            "Mara Halet",
            "Mr Varlamov",
            "Sergei Varlamov",
        ]);
        assert_eq!(bare["Lord Hallett"], "Lord Hallett");
        assert_eq!(bare["Mara Halet"], "Mara Halet");
        assert_eq!(
            canonical_names(["Mr Garcia", "Inés García"])["Mr Garcia"],
            "Inés García"
        );
        let apart = canonical_names(["John Smith", "Mary Smith", "John Smyth-Jones"]);
        assert_eq!(apart["John Smith"], "John Smith");
        assert_eq!(apart["Mary Smith"], "Mary Smith");
    }

    #[test]
    fn a_generational_suffix_keeps_people_apart_and_is_no_surname() {
        let map = canonical_names([
            "Tom B. Oduya Jr.",
            "Ann F. Bakare Jr.",
            "Kemi Adeyemi",
            "Kemi A. Adeyemi",
            "Kemi Adeyemi Jr.",
            "Mr Adeyemi",
        ]);
        assert_eq!(map["Tom B. Oduya Jr."], "Tom B. Oduya Jr.");
        assert_eq!(map["Ann F. Bakare Jr."], "Ann F. Bakare Jr.");
        assert_eq!(map["Kemi Adeyemi"], "Kemi A. Adeyemi");
        assert_eq!(map["Kemi Adeyemi Jr."], "Kemi Adeyemi Jr.");
        // A bare surname is never the son across articles.
        assert_eq!(map["Mr Adeyemi"], "Kemi A. Adeyemi");
        let split = split("Carl Lee III").expect("a name");
        assert_eq!(split.surname, "Lee");
        assert_eq!(split.suffix.as_deref(), Some("III"));
    }

    #[test]
    fn groups_possessives_and_blanks_are_not_speakers() {
        assert!(speaker_name("Analysts").is_err());
        assert!(speaker_name("Labour MPs").is_err());
        assert!(speaker_name("Okafor's").is_err());
        assert!(speaker_name(" ").is_err());
        assert_eq!(
            speaker_name("Metropolitan Police").as_deref(),
            Ok("Metropolitan Police")
        );
        assert_eq!(
            speaker_name("Officials Union").as_deref(),
            Ok("Officials Union")
        );
        assert_eq!(speaker_name("Microsoft").as_deref(), Ok("Microsoft"));
    }

    #[test]
    fn an_owner_before_a_name_is_an_affiliation() {
        assert_eq!(
            speaker_name("Civic Society's Sundar Varma").as_deref(),
            Ok("Sundar Varma")
        );
        assert_eq!(
            speaker_name("the club's own").as_deref(),
            Ok("the club's own")
        );
    }

    #[test]
    fn canonical_is_the_fullest_form() {
        let names = [
            "Varlamov",
            "Sergey Varlamov",
            "Mr Varlamov",
            "Sergei Varlamov",
            "Sergei Varlamov",
        ];
        let map = canonical_names(names);
        assert_eq!(map["Varlamov"], "Sergei Varlamov");
        assert_eq!(map["Sergey Varlamov"], "Sergei Varlamov");
        assert_eq!(map["Mr Varlamov"], "Sergei Varlamov");
    }

    #[test]
    fn a_title_word_after_a_forename_is_a_surname() {
        // "King" is a title before a name and a surname after one; read as a title, "Tobin
        // King" was a bare "Tobin" that any one Tobin in the collection absorbed.
        let map = canonical_names(["Dev Rana Paul", "Tobin King", "Mr King"]);
        assert_eq!(map["Tobin King"], "Tobin King");
        assert_eq!(map["Mr King"], "Tobin King");
        assert_eq!(split("Tobin King").expect("a name").surname, "King");
        assert_eq!(split("Lord Harlow").expect("a name").surname, "Harlow");
    }

    #[test]
    fn shared_surnames_stay_apart() {
        let map = canonical_names(["Tom Varn", "Ada Varn", "Varn"]);
        assert_eq!(map["Tom Varn"], "Tom Varn");
        assert_eq!(map["Ada Varn"], "Ada Varn");
        assert_eq!(map["Varn"], "Varn");
    }

    #[test]
    fn the_most_frequent_of_equally_full_forms_wins_whatever_the_order() {
        let forward = canonical_names([
            "Anthony Blinken",
            "Antony Blinken",
            "Antony Blinken",
            "Blinken",
        ]);
        let backward = canonical_names([
            "Blinken",
            "Antony Blinken",
            "Antony Blinken",
            "Anthony Blinken",
        ]);
        assert_eq!(forward["Anthony Blinken"], "Antony Blinken");
        assert_eq!(forward, backward);
        let tie = canonical_names(["Dmitri Peskov", "Dmitry Peskov"]);
        assert_eq!(tie["Dmitri Peskov"], tie["Dmitry Peskov"]);
    }

    #[test]
    fn a_title_of_one_gender_is_never_a_forename_of_the_other() {
        let map = canonical_names(["Lady Hale", "Andrew Hale"]);
        assert_eq!(map["Lady Hale"], "Lady Hale");
        assert_eq!(map["Andrew Hale"], "Andrew Hale");
        let map = canonical_names(["Mrs Okoro", "Grace Okoro"]);
        assert_eq!(map["Mrs Okoro"], "Grace Okoro");
        // A forename both sexes bear says nothing either way.
        let map = canonical_names(["Ms Pruitt", "Robin Pruitt"]);
        assert_eq!(map["Ms Pruitt"], "Robin Pruitt");
    }

    #[test]
    fn organisations_are_not_merged() {
        let map = canonical_names(["Foreign Ministry", "Russian Foreign Ministry", "OECD"]);
        assert_eq!(map["Foreign Ministry"], "Foreign Ministry");
        assert_eq!(map["OECD"], "OECD");
    }
}
