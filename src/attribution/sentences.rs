//! Splitting a paragraph into sentences, the unit that one speech cue governs.
//!
//! A sentence ends at `.`, `?` or `!` (with any closing marks after it) followed by a space and
//! a capital letter, digit or quotation mark, unless the word before the full stop is an
//! abbreviation (`Mr.`, `Dr.`, `Jan.`, `U.S.`) or an initial. A quotation is never cut: its
//! sentences belong to the sentence that frames it (`"We wait. They promised," he said.` is one
//! sentence), except where a quotation re-opens. This module knows nothing of speakers.

use std::ops::Range;

use super::quotes::{is_quote_mark, Quote};

/// Words that take a full stop without ending a sentence (compared in lower case).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "sr", "jr", "prof", "gen", "col", "lt", "capt", "sgt", "rev",
    "gov", "sen", "rep", "hon", "messrs", "mt", "ft", "no", "nos", "vs", "v", "etc", "inc", "corp",
    "ltd", "co", "plc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "approx", "est", "dept", "univ", "fig", "e.g", "i.e", "cf", "al",
];

/// Splits `text` into sentence ranges that cover it (leading spaces trimmed) in order.
pub fn split(text: &str, quotes: &[Quote]) -> Vec<Range<usize>> {
    let mut cuts: Vec<usize> = sentence_ends(text, quotes);
    cuts.extend(quotes.iter().filter(|q| q.reopened).map(|q| q.range.start));
    cuts.sort_unstable();
    cuts.dedup();
    let mut sentences = Vec::new();
    let mut start = 0;
    for cut in cuts.into_iter().chain(std::iter::once(text.len())) {
        if let Some(range) = trimmed(text, start..cut) {
            sentences.push(range);
        }
        start = cut;
    }
    sentences
}

/// Byte offsets where a new sentence starts, found from terminal punctuation.
fn sentence_ends(text: &str, quotes: &[Quote]) -> Vec<usize> {
    let inside_quote = |at: usize| {
        quotes
            .iter()
            .any(|q| q.range.start < at && at < q.range.end)
    };
    let mut cuts = Vec::new();
    // The stops are ASCII, and an ASCII byte in UTF-8 is always a whole character: a byte
    // scan finds the same places as a scan of characters, without decoding every one.
    for (at, c) in text.bytes().enumerate() {
        if !matches!(c, b'.' | b'?' | b'!') {
            continue;
        }
        let after_marks = skip_closers(text, at + 1);
        if inside_quote(after_marks) || (c == b'.' && is_abbreviation(&text[..at])) {
            continue;
        }
        let rest = &text[after_marks..];
        let gap = rest.len() - rest.trim_start().len();
        if gap == 0 {
            continue;
        }
        if rest
            .trim_start()
            .chars()
            .next()
            .is_some_and(starts_sentence)
        {
            cuts.push(after_marks + gap);
        }
    }
    cuts
}

/// Skips quotation marks and closing brackets right after terminal punctuation.
fn skip_closers(text: &str, mut at: usize) -> usize {
    while let Some(c) = text[at..].chars().next() {
        if is_quote_mark(c) || matches!(c, ')' | ']' | '\'' | '’') {
            at += c.len_utf8();
        } else {
            break;
        }
    }
    at
}

/// A character that can begin a sentence.
fn starts_sentence(c: char) -> bool {
    c.is_uppercase() || c.is_ascii_digit() || is_quote_mark(c) || matches!(c, '(' | '‘' | '\'')
}

/// True when the text before a full stop ends in an abbreviation or an initial.
///
/// Reads the word in place (every full stop of every paragraph asks this): no copy of it is
/// made unless it holds a non-ASCII character, whose lower case only `to_lowercase` knows.
fn is_abbreviation(before: &str) -> bool {
    let start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '.')
        .last()
        .map_or(before.len(), |(at, _)| at);
    let word = &before[start..];
    if word.is_empty() {
        return false;
    }
    let single_capital = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    let dotted = word.contains('.') && word.chars().filter(|c| c.is_alphabetic()).count() <= 4;
    single_capital
        || dotted
        || if word.is_ascii() {
            ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
        } else {
            ABBREVIATIONS.contains(&word.to_lowercase().as_str())
        }
}

/// Trims a range of spaces on both sides; `None` when nothing is left.
fn trimmed(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.start + slice.trim_end().len();
    (start < end).then_some(start..end)
}

#[cfg(test)]
mod tests {
    use super::super::quotes::scan;
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        let quotes = scan(text, false).quotes;
        split(text, &quotes).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn splits_at_full_stops() {
        assert_eq!(
            sentences("The bank cut rates. Shares rose. Why? Nobody knows!"),
            vec![
                "The bank cut rates.",
                "Shares rose.",
                "Why?",
                "Nobody knows!"
            ]
        );
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sentences("Mr. Smith met Dr. Jones in St. Louis on Jan. 5. They talked."),
            vec![
                "Mr. Smith met Dr. Jones in St. Louis on Jan. 5.",
                "They talked."
            ]
        );
        assert_eq!(
            sentences("The U.S. Senate voted. J. R. Smith was there."),
            vec!["The U.S. Senate voted.", "J. R. Smith was there."]
        );
    }

    #[test]
    fn a_quotation_stays_in_its_sentence() {
        assert_eq!(
            sentences("\"We wait. They promised,\" he said. \"Next week,\" she added."),
            vec![
                "\"We wait. They promised,\" he said.",
                "\"Next week,\" she added."
            ]
        );
    }

    #[test]
    fn a_closed_quotation_can_end_a_sentence() {
        assert_eq!(
            sentences("She said: \"We are ready.\" She left."),
            vec!["She said: \"We are ready.\"", "She left."]
        );
    }

    #[test]
    fn a_reopened_quotation_starts_a_sentence() {
        assert_eq!(
            sentences("He said: \"Keep records. \"But never destroy them.\""),
            vec!["He said: \"Keep records.", "\"But never destroy them.\""]
        );
    }

    #[test]
    fn lower_case_after_a_stop_is_no_new_sentence() {
        assert_eq!(sentences("the chief negotiator. with the US").len(), 1);
    }
}
