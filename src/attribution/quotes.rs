//! Where quotations are in a paragraph.
//!
//! Double quotation marks of every style (`"` `“` `”` `„` `«` `»`) are treated alike, because
//! scraped news text often uses the wrong glyph or leaves stray spaces (`please, “he added`):
//! whether a mark opens or closes is decided from the state and from its neighbours. Single
//! quotes are left alone (they are apostrophes or nested quotes, and a nested quote never
//! changes the speaker). A quotation left open at the end of a paragraph is reported so the next
//! paragraph can continue it. This module does not decide who speaks.

use std::ops::Range;

/// One quotation: its byte range (marks included) in the paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    pub range: Range<usize>,
    /// Began without a mark, because the quotation was left open in the previous paragraph.
    pub carried: bool,
    /// Began with a mark that re-opened a quotation which ran on without a closing mark
    /// (`... destroy it. "But any ...`), which also starts a new sentence.
    pub reopened: bool,
}

/// The quotations of one paragraph.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QuoteScan {
    pub quotes: Vec<Quote>,
    /// The last quotation was still open at the end of the paragraph.
    pub open_at_end: bool,
}

impl QuoteScan {
    pub fn ranges(&self) -> Vec<Range<usize>> {
        self.quotes.iter().map(|q| q.range.clone()).collect()
    }
}

/// A quotation left open is only carried into the next paragraph when it is this long, so a
/// stray mark does not turn the next paragraph into a quote.
const MIN_CARRIED_QUOTE: usize = 40;

/// True for the double quotation marks this module recognises.
pub fn is_quote_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '‟' | '〝' | '〞')
}

/// The quotation marks of `text` ([`is_quote_mark`]) with their byte offsets, in order.
///
/// Only the bytes that can begin a mark are decoded: `"` and the lead bytes of `«` `»`
/// (0xC2), `“` `”` `„` `‟` (0xE2) and `〝` `〞` (0xE3). Lead bytes always start a character,
/// so this finds what a scan of every character finds, without decoding the rest of the
/// paragraph (every paragraph is scanned, some twice).
pub fn quote_marks(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    text.bytes()
        .enumerate()
        .filter(|&(_, b)| matches!(b, b'"' | 0xC2 | 0xE2 | 0xE3))
        .filter_map(move |(at, _)| {
            text.get(at..)?
                .chars()
                .next()
                .filter(|&c| is_quote_mark(c))
                .map(|c| (at, c))
        })
}

/// How a mark sits between its neighbours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Shape {
    /// Preceded by a space, an opening bracket or the paragraph start.
    space_before: bool,
    /// Followed by a space, punctuation or the paragraph end.
    space_after: bool,
    /// The next character is a lower-case letter (`“he added`).
    lowercase_after: bool,
    /// The previous non-space character ends a sentence.
    after_sentence_end: bool,
    /// Only spaces before it in the paragraph.
    at_paragraph_start: bool,
}

fn shape_of(text: &str, at: usize, mark_len: usize) -> Shape {
    let before = &text[..at];
    let after = &text[at + mark_len..];
    let prev = before.chars().next_back();
    let next = after.chars().next();
    let last_solid = before.trim_end().chars().next_back();
    Shape {
        space_before: prev.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–')),
        space_after: next
            .is_none_or(|c| c.is_whitespace() || (c.is_ascii_punctuation() && c != '\'')),
        lowercase_after: next.is_some_and(char::is_lowercase),
        after_sentence_end: last_solid.is_some_and(|c| matches!(c, '.' | '?' | '!')),
        at_paragraph_start: before.trim().is_empty(),
    }
}

/// Finds the quotations of `text`; `open_at_start` says a quotation runs on from the previous
/// paragraph.
pub fn scan(text: &str, open_at_start: bool) -> QuoteScan {
    // Each open quotation: (start, carried over from the previous paragraph, reopened after
    // a sentence inside the same speech).
    let continues = open_at_start && runs_on(text);
    let mut quotes = Vec::new();
    let mut open: Option<(usize, bool, bool)> = continues.then_some((0, true, false));
    for (at, c) in quote_marks(text) {
        let len = c.len_utf8();
        let shape = shape_of(text, at, len);
        open = match open {
            None if shape.space_after && !shape.space_before => None, // a stray closing mark
            None => Some((at, false, false)),
            Some((start, carried, reopened)) => {
                let opens_look = shape.space_before && !shape.space_after;
                if carried && shape.at_paragraph_start && opens_look {
                    Some((start, carried, reopened)) // the usual mark at a continued paragraph
                } else if opens_look && !shape.lowercase_after && shape.after_sentence_end {
                    push_trimmed(&mut quotes, text, start..at, carried, reopened);
                    Some((at, false, true))
                } else {
                    push_trimmed(&mut quotes, text, start..at + len, carried, reopened);
                    None
                }
            }
        };
    }
    let mut open_at_end = false;
    if let Some((start, carried, reopened)) = open {
        push_trimmed(&mut quotes, text, start..text.len(), carried, reopened);
        // A quotation runs on over one paragraph without marks at most, and only one that
        // opens like speech: a mark before a lower-case word mid-sentence (`those who are
        // "somewhat liberal), education ...`) quotes a phrase whose closing mark was lost.
        let unmarked = carried && quote_marks(text).next().is_none();
        let phrase = !carried && shape_of(text, start, mark_len(text, start)).lowercase_after;
        open_at_end = text.len() - start >= MIN_CARRIED_QUOTE && !unmarked && !phrase;
    }
    QuoteScan {
        quotes,
        open_at_end,
    }
}

/// Whether a quotation left open at the end of the previous paragraph runs on into `text`.
///
/// Continued quotations re-open every paragraph with a mark, and some texts drop that mark;
/// but a paragraph whose first mark opens a quotation of its own (`... enter your email and
/// click "sign up."`) shows the previous one ended without its closing mark.
fn runs_on(text: &str) -> bool {
    let Some((at, c)) = quote_marks(text).next() else {
        return true;
    };
    let shape = shape_of(text, at, c.len_utf8());
    // Only a mark that looks like an opening one (a space before it, a word after it) ends
    // the carried quotation.
    shape.at_paragraph_start || !shape.space_before || shape.space_after
}

/// Length in bytes of the quotation mark at `at` (1 when none is there).
fn mark_len(text: &str, at: usize) -> usize {
    text[at..].chars().next().map_or(1, char::len_utf8)
}

/// Records a quotation, its range trimmed of surrounding spaces.
fn push_trimmed(
    quotes: &mut Vec<Quote>,
    text: &str,
    range: Range<usize>,
    carried: bool,
    reopened: bool,
) {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.start + slice.trim_end().len();
    if start < end {
        quotes.push(Quote {
            range: start..end,
            carried,
            reopened,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str, open: bool) -> Vec<&str> {
        scan(text, open)
            .quotes
            .iter()
            .map(|q| &text[q.range.clone()])
            .collect()
    }

    #[test]
    fn straight_and_curly_quotes() {
        let text = "She said \"no\" and “yes” and «maybe».";
        assert_eq!(quoted(text, false), vec!["\"no\"", "“yes”", "«maybe»"]);
    }

    #[test]
    fn stray_space_before_the_speaker() {
        let text = "“Send it in writing, please, “he added.";
        assert_eq!(quoted(text, false), vec!["“Send it in writing, please, “"]);
    }

    #[test]
    fn wrong_glyph_closing_at_the_end() {
        let text = "He said that “we will not wait forever. “";
        let scan = scan(text, false);
        assert_eq!(scan.quotes.len(), 1);
        assert!(!scan.open_at_end);
    }

    #[test]
    fn nested_single_quotes_stay_inside() {
        let text = "\"'Aggression' exists only in their minds,\" the minister said.";
        assert_eq!(
            quoted(text, false),
            vec!["\"'Aggression' exists only in their minds,\""]
        );
    }

    #[test]
    fn open_quote_is_carried() {
        let first = "\"We will keep the factory open, and we will hire more staff next year.";
        let scan_first = scan(first, false);
        assert!(scan_first.open_at_end);
        let second = "\"That is our promise.\" The firm also cut costs.";
        let scan_second = scan(second, true);
        assert_eq!(scan_second.quotes.len(), 1);
        assert!(scan_second.quotes[0].carried);
        assert_eq!(
            &second[scan_second.quotes[0].range.clone()],
            "\"That is our promise.\""
        );
    }

    #[test]
    fn paragraph_without_marks_inside_a_carried_quote() {
        let text = "I am referring to the annual meetings.";
        let scan = scan(text, true);
        assert_eq!(scan.quotes[0].range, 0..text.len());
    }

    #[test]
    fn a_quotation_runs_on_over_one_unmarked_paragraph_at_most() {
        let first = "\"We will keep the factory open, and we will hire more staff next year.";
        assert!(scan(first, false).open_at_end);
        let unmarked = "I am referring to the annual meetings of the board and its staff.";
        let second = scan(unmarked, true);
        assert!(second.quotes[0].carried);
        assert!(!second.open_at_end);
    }

    #[test]
    fn a_quoted_phrase_that_lost_its_closing_mark_is_not_carried() {
        let text = "The poll splits by ideology, with voters who are \"somewhat liberal) \
                    leaning one way and the rest the other, and by age as well.";
        let found = scan(text, false);
        assert_eq!(found.quotes.len(), 1);
        assert!(!found.open_at_end);
    }

    #[test]
    fn a_paragraph_opening_its_own_quotation_ends_the_carried_one() {
        let text = "You can get the newsletter by email: enter your address and click \
                    \"sign up.\" That is all.";
        let found = scan(text, true);
        assert_eq!(quoted(text, true), vec!["\"sign up.\""]);
        assert!(!found.quotes[0].carried);
        // A paragraph that re-opens the quotation with a mark still continues it.
        let continued = "\"That is our promise,\" she said.";
        assert!(scan(continued, true).quotes[0].carried);
    }

    #[test]
    fn reopening_after_an_unclosed_sentence() {
        let text = "\"Keep records. \"But destroying them is wrong.\" Then he left.";
        let found = quoted(text, false);
        assert_eq!(
            found,
            vec!["\"Keep records.", "\"But destroying them is wrong.\""]
        );
        assert!(scan(text, false).quotes[1].reopened);
    }

    #[test]
    fn marks_are_found_where_a_scan_of_every_character_finds_them() {
        let text = "«A» „b“ \"c\" ‟d” 〝e〞 – é ü 😀 ‘f’ '' end\"";
        let every: Vec<(usize, char)> = text
            .char_indices()
            .filter(|&(_, c)| is_quote_mark(c))
            .collect();
        assert_eq!(quote_marks(text).collect::<Vec<_>>(), every);
        assert_eq!(every.len(), 11);
    }

    #[test]
    fn adjacent_quotes() {
        let text = "He stated, “The report is read,” “We take our time.”";
        assert_eq!(quoted(text, false).len(), 2);
    }
}
