//! Telling whether two written names are the same person, and choosing one canonical name per
//! person across a collection.
//!
//! Two names match when their surnames agree and their given names are compatible: one is
//! missing ("Lavrov", "Mr Lavrov"), one is the other's initial ("J. Smith"), or they agree once
//! spelled in a transliteration-tolerant way (Sergey/Sergei, Anthony/Antony, Dmitry/Dmitri).
//! The canonical name is the fullest form seen. Organisation names are left as they are. This
//! module does not read articles.

use std::collections::HashMap;

use super::lexicon::{is_org_name_head, title_gender};
use super::mentions::is_acronym;

/// A name split into given names and surname, without courtesy titles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SplitName {
    pub given: Vec<String>,
    pub surname: String,
}

/// Splits a written name, dropping titles ("Mr", "Sir", "Dr").
pub fn split(name: &str) -> Option<SplitName> {
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| title_gender(w).is_none())
        .collect();
    let (surname, given) = words.split_last()?;
    Some(SplitName {
        given: given.iter().map(|w| w.to_string()).collect(),
        surname: surname.to_string(),
    })
}

/// A spelling key that ignores common transliteration differences.
pub fn spelling_key(word: &str) -> String {
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

/// True when two written names can be the same person.
pub fn same_person(a: &str, b: &str) -> bool {
    match (split(a), split(b)) {
        (Some(x), Some(y)) => {
            spelling_key(&x.surname) == spelling_key(&y.surname)
                && compatible_given(&x.given, &y.given)
        }
        _ => false,
    }
}

/// Organisation names are kept out of person merging.
pub fn looks_like_organisation(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    match words.last() {
        Some(last) => is_org_name_head(last) || (words.len() == 1 && is_acronym(last)),
        None => false,
    }
}

/// Maps every name to one canonical name per person: the fullest compatible form (most words,
/// then the most frequent, then the first seen). A bare surname shared by two different people
/// is left as it is.
pub fn canonical_names<'a>(names: impl IntoIterator<Item = &'a str>) -> HashMap<String, String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for name in names {
        match counts.iter_mut().find(|(n, _)| n == name) {
            Some(entry) => entry.1 += 1,
            None => counts.push((name.to_string(), 1)),
        }
    }
    let people: Vec<&(String, usize)> = counts
        .iter()
        .filter(|(n, _)| !looks_like_organisation(n))
        .collect();
    counts
        .iter()
        .map(|(name, _)| {
            let canonical = if looks_like_organisation(name) {
                name.clone()
            } else {
                fullest_variant(name, &people)
            };
            (name.clone(), canonical)
        })
        .collect()
}

/// The fullest name among those that can be the same person as `name`; `name` itself when the
/// candidates disagree with each other (two different people share the surname).
fn fullest_variant(name: &str, people: &[&(String, usize)]) -> String {
    let mut variants: Vec<&(String, usize)> = people
        .iter()
        .copied()
        .filter(|(other, _)| same_person(name, other))
        .collect();
    variants.sort_by(|a, b| {
        let words = |n: &str| split(n).map_or(0, |s| s.given.len());
        words(&b.0)
            .cmp(&words(&a.0))
            .then(b.1.cmp(&a.1))
            .then(b.0.len().cmp(&a.0.len()))
    });
    let Some(best) = variants.first() else {
        return name.to_string();
    };
    let all_agree = variants.iter().all(|(v, _)| same_person(v, &best.0));
    if all_agree {
        best.0.clone()
    } else {
        name.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn same_person_by_surname_and_given_names() {
        assert!(same_person("Sergey Lavrov", "Sergei Lavrov"));
        assert!(same_person("Mr Lavrov", "Sergei Lavrov"));
        assert!(same_person("J. Smith", "John Smith"));
        assert!(!same_person("John Smith", "Mary Smith"));
        assert!(!same_person("John Smith", "John Smyth-Jones"));
    }

    #[test]
    fn canonical_is_the_fullest_form() {
        let names = [
            "Lavrov",
            "Sergey Lavrov",
            "Mr Lavrov",
            "Sergei Lavrov",
            "Sergei Lavrov",
        ];
        let map = canonical_names(names);
        assert_eq!(map["Lavrov"], "Sergei Lavrov");
        assert_eq!(map["Sergey Lavrov"], "Sergei Lavrov");
        assert_eq!(map["Mr Lavrov"], "Sergei Lavrov");
    }

    #[test]
    fn shared_surnames_stay_apart() {
        let map = canonical_names(["George Bush", "Jeb Bush", "Bush"]);
        assert_eq!(map["George Bush"], "George Bush");
        assert_eq!(map["Jeb Bush"], "Jeb Bush");
        assert_eq!(map["Bush"], "Bush");
    }

    #[test]
    fn organisations_are_not_merged() {
        let map = canonical_names(["Foreign Ministry", "Russian Foreign Ministry", "OECD"]);
        assert_eq!(map["Foreign Ministry"], "Foreign Ministry");
        assert_eq!(map["OECD"], "OECD");
    }
}
