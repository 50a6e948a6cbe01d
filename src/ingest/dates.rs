//! Finding an article's publication date in its own text, for articles whose manifest has none.
//!
//! What counts, best first:
//! 1. the date stamp on the article's own photo caption near the top of a page
//!    (`... - Sputnik International, 1920, 26.01.2022`); stamps on teasers for *other* stories
//!    (a stamp followed by a headline) are never used, they carry those stories' dates;
//! 2. a publication line (`Published: 26 January 2022`, `Posted on Jan. 26, 2022`);
//! 3. a dateline at the start of one of the first paragraphs (`MOSCOW, Jan. 26, 2022 (Reuters) -`,
//!    `January 26, 2022 — ...`, or a paragraph that is nothing but a date).
//!
//! What does not count: dates mentioned in passing in prose, even full ones. "On December 17,
//! 2021, Russia published ..." tells when something happened, which is at most a lower bound
//! for the publication date, not the date itself; guessing from it would turn an unknown into a
//! wrong answer. So when there is no dateline the answer is `None`: unknown stays unknown.
//!
//! Recognised formats: `26.01.2022`, ISO `2022-01-26` (also `2022/01/26` and ISO timestamps),
//! `January 26, 2022`, `Jan. 26, 2022`, `26 January 2022`, `26th of January 2022`. Slash dates
//! like `01/02/2022` are left alone: they mean different days in different countries. Every date
//! is validated, so `30.02.2022` is no date at all.
//!
//! This module also offers the date primitives ([`parse_date`], [`dates_in`]) that the other
//! ingest rules use.

use chrono::{Datelike, NaiveDate};

use super::boilerplate::{self, Stamp};

/// How many paragraphs from the top an article's own caption stamp may appear in.
const OWN_STAMP_WITHIN: usize = 6;
/// How many non-boilerplate paragraphs (the title and the first body paragraphs) may hold a dateline.
const DATELINE_WITHIN: usize = 3;
/// How many words (a place name, a weekday) may come before the date in a dateline.
const WORDS_BEFORE_DATELINE: usize = 4;
/// A publication line is short: a label, a date, perhaps a time and an author.
const PUBLICATION_LINE_MAX_WORDS: usize = 16;
/// Publication dates outside these years are taken for misreadings.
const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// Finds the publication date of an article from its paragraphs (title included), or `None`.
pub fn find_date(paragraphs: &[&str]) -> Option<NaiveDate> {
    find_date_marked(
        paragraphs,
        &boilerplate::mark_furniture_around_stamps(paragraphs),
    )
}

/// [`find_date`] given the marks [`boilerplate::mark_furniture_around_stamps`] made of the
/// same paragraphs (one mark per paragraph), for a caller that has them already.
pub fn find_date_marked(paragraphs: &[&str], boilerplate: &[bool]) -> Option<NaiveDate> {
    // The top of the article beats dates met later (a reader comment's "Posted on ...").
    let labelled = publication_line_date(paragraphs);
    let dateline = dateline_date(paragraphs, boilerplate);
    let first = match (labelled, dateline) {
        (Some(a), Some(b)) => Some(if b.0 < a.0 { b } else { a }),
        (a, b) => a.or(b),
    };
    own_stamp_date(paragraphs)
        .or(first.map(|(_, date)| date))
        .filter(|date| PLAUSIBLE_YEARS.contains(&date.year()))
}

/// The date on the first stamp near the top that captions this article rather than teasing another.
fn own_stamp_date(paragraphs: &[&str]) -> Option<NaiveDate> {
    (0..paragraphs.len().min(OWN_STAMP_WITHIN))
        .filter(|&i| !boilerplate::is_teaser_stamp(paragraphs, i))
        .filter_map(|i| Stamp::parse(paragraphs[i]))
        .find_map(|stamp| stamp.date)
}

/// The date on a short line that says it is the publication date ("Published: ...").
/// With the index of its paragraph.
fn publication_line_date(paragraphs: &[&str]) -> Option<(usize, NaiveDate)> {
    paragraphs
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            p.split_whitespace()
                .nth(PUBLICATION_LINE_MAX_WORDS)
                .is_none()
        })
        .filter(|(_, p)| starts_with_publication_label(p) || is_stamped_byline(p))
        .find_map(|(i, p)| dates_in(p).first().map(|mention| (i, mention.date)))
}

/// A byline with a time stamp after it: "By Dana Whitfield, CNN Updated 3:45 PM ET, Mon ...".
fn is_stamped_byline(paragraph: &str) -> bool {
    let lower = paragraph.trim_start().to_lowercase();
    lower.starts_with("by ")
        && [" updated ", " published ", " posted "]
            .iter()
            .any(|stamp| lower.contains(stamp))
}

fn starts_with_publication_label(paragraph: &str) -> bool {
    const LABELS: [&str; 8] = [
        "published",
        "first published",
        "posted",
        "date:",
        "dated",
        "updated",
        "last updated",
        "last modified",
    ];
    let lower = paragraph.trim_start().to_lowercase();
    LABELS.iter().any(|label| lower.starts_with(label))
}

/// A date opening one of the first paragraphs, as datelines do.
/// With the index of its paragraph.
fn dateline_date(paragraphs: &[&str], boilerplate: &[bool]) -> Option<(usize, NaiveDate)> {
    paragraphs
        .iter()
        .enumerate()
        .zip(boilerplate)
        .filter(|(_, &is_boilerplate)| !is_boilerplate)
        .take(DATELINE_WITHIN)
        .find_map(|((i, paragraph), _)| leading_dateline(paragraph).map(|date| (i, date)))
}

/// The date of a dateline at the start of `paragraph`: a few capitalised words at most (a place,
/// a weekday), the date, perhaps a time, and then the end of the paragraph or a separator
/// (a dash, a colon, an agency in brackets). "On January 26, 2022, Washington ..." is prose.
fn leading_dateline(paragraph: &str) -> Option<NaiveDate> {
    let words = words(paragraph);
    // Only a date within the first few words can be a dateline: look no further.
    let (first, mention) = mentions(&words, WORDS_BEFORE_DATELINE + 1).next()?;
    let after = words.iter().position(|w| w.start >= mention.end);
    let before_is_place = first <= WORDS_BEFORE_DATELINE
        && words[..first].iter().all(|w| starts_uppercase(w.text))
        && !words[..first].iter().any(|w| is_preposition(w.text));
    let date_text = &paragraph[mention.start..mention.end];
    let rest = match after {
        Some(index) => &words[index..],
        None => &[][..],
    };
    let ends_clause = ends_with_separator(date_text) || separator_follows(rest);
    (before_is_place && ends_clause).then_some(mention.date)
}

/// True when the words after a date start with a separator, after any time of day.
fn separator_follows(rest: &[Word]) -> bool {
    for word in rest {
        if !is_time_word(word.text) {
            return is_separator(word.text);
        }
        if ends_with_separator(word.text) {
            return true;
        }
    }
    true
}

/// A dash, a bar, a bracket, or the `by` of a byline after a date and time.
fn is_separator(word: &str) -> bool {
    matches!(word, "-" | "--" | "–" | "—" | "|" | "/" | "by") || word.starts_with('(')
}

fn ends_with_separator(text: &str) -> bool {
    text.ends_with(':') || text.ends_with('—') || text.ends_with('–')
}

/// "10:31", "GMT", "am", "+0300": the parts of a time of day that may follow a dateline's date.
fn is_time_word(word: &str) -> bool {
    let core = word.trim_end_matches([',', ':', '—', '–']);
    let clock = core.contains(':') && core.chars().all(|c| c.is_ascii_digit() || c == ':');
    // "10.31", as British papers write the time.
    let dotted_clock = core
        .split_once('.')
        .is_some_and(|(h, m)| (1..=2).contains(&h.len()) && m.len() == 2)
        && core.chars().all(|c| c.is_ascii_digit() || c == '.');
    let clock = clock || dotted_clock;
    let half_day = matches!(
        core.to_ascii_lowercase().as_str(),
        "am" | "pm" | "a.m." | "p.m."
    );
    let offset = (core.starts_with('+') || core.starts_with('-'))
        && core.len() > 1
        && core[1..].chars().all(|c| c.is_ascii_digit() || c == ':');
    clock || is_zone(core) || half_day || offset
}

/// A time zone's abbreviation: after four digits it makes them a time ("1945 GMT"), not a year.
/// Also a zone with its offset, as JavaScript prints dates ("GMT+0000").
fn is_zone(word: &str) -> bool {
    let word = word.trim_end_matches([',', '.', ':', ')']);
    let name = word.split(['+', '-']).next().unwrap_or(word);
    let offset_ok = name.len() == word.len()
        || ((name == "GMT" || name == "UTC")
            && word[name.len() + 1..]
                .chars()
                .all(|c| c.is_ascii_digit() || c == ':'));
    offset_ok
        && matches!(
            name,
            "GMT"
                | "UTC"
                | "BST"
                | "CET"
                | "CEST"
                | "MSK"
                | "EST"
                | "EDT"
                | "PST"
                | "PDT"
                | "ET"
                | "PT"
                | "CT"
                | "CST"
                | "CDT"
                | "MT"
        )
}

fn starts_uppercase(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn is_preposition(word: &str) -> bool {
    matches!(
        word.to_lowercase().trim_end_matches(','),
        "on" | "in" | "by" | "since" | "until" | "from" | "before" | "after" | "of" | "as" | "at"
    )
}

/// A date found in a text, with the byte range it covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateMention {
    pub date: NaiveDate,
    pub start: usize,
    pub end: usize,
}

/// Every valid date written out in `text`, in order.
pub fn dates_in(text: &str) -> Vec<DateMention> {
    let words = words(text);
    mentions(&words, words.len())
        .map(|(_, mention)| mention)
        .collect()
}

/// The dates in `words` that start before word `starts_before`, in order, each with the index
/// of its first word. A date's words are not read again for another date.
fn mentions<'a>(
    words: &'a [Word],
    starts_before: usize,
) -> impl Iterator<Item = (usize, DateMention)> + 'a {
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < starts_before.min(words.len()) {
            let at = i;
            match date_at(words, at) {
                Some((date, length)) => {
                    let last = &words[at + length - 1];
                    i += length;
                    return Some((
                        at,
                        DateMention {
                            date,
                            start: words[at].start,
                            end: last.start + last.text.len(),
                        },
                    ));
                }
                None => i += 1,
            }
        }
        None
    })
}

/// The date that `text` consists of (surrounding punctuation aside), if it is one.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let words = words(text);
    match date_at(&words, 0) {
        Some((date, length)) if length == words.len() => Some(date),
        _ => None,
    }
}

/// The date starting at word `i`, with the number of words it takes.
fn date_at(words: &[Word], i: usize) -> Option<(NaiveDate, usize)> {
    let (date, length) = written_date_at(words, i)?;
    let split_by_paragraph = words[i + 1..i + length].iter().any(|w| w.after_blank_line);
    let year_is_a_time = length > 1 && words.get(i + length).is_some_and(|w| is_zone(w.text));
    (!split_by_paragraph && !year_is_a_time).then_some((date, length))
}

/// The date whose words start at word `i`, whatever follows it.
fn written_date_at(words: &[Word], i: usize) -> Option<(NaiveDate, usize)> {
    let word = |k: usize| words.get(i + k).map(|w| w.text);
    if let Some(date) = numeric_date(word(0)?) {
        return Some((date, 1));
    }
    month_first_date(word(0)?, word(1), word(2))
        .map(|date| (date, 3))
        .or_else(|| day_first_date(word(0)?, word(1), word(2)).map(|date| (date, 3)))
        .or_else(|| {
            // "26th of January 2022"
            (word(1)? == "of")
                .then(|| day_first_date(word(0)?, word(2), word(3)))
                .flatten()
                .map(|date| (date, 4))
        })
}

/// `26.01.2022`, `2022-01-26`, `2022/01/26`, `2022-01-26T10:00:00Z`.
fn numeric_date(word: &str) -> Option<NaiveDate> {
    let core = trim_punctuation(word);
    let core = core.split_once('T').map_or(core, |(day, _)| day);
    // Every form opens with a figure; most words are not dates (and the checks below allocate).
    if !core.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let numbers = |separator: char| -> Option<Vec<u32>> {
        let parts: Vec<&str> = core.split(separator).collect();
        if parts.len() != 3
            || parts
                .iter()
                .any(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_digit()))
        {
            return None;
        }
        parts.iter().map(|p| p.parse().ok()).collect()
    };
    let lengths: Vec<usize> = core.split(['.', '-', '/']).map(str::len).collect();
    if let Some(n) = numbers('.') {
        // Day first: 26.01.2022
        return (lengths[0] <= 2 && lengths[1] <= 2 && lengths[2] == 4)
            .then(|| ymd(n[2], n[1], n[0]))
            .flatten();
    }
    let n = numbers('-').or_else(|| numbers('/'))?;
    // Year first: 2022-01-26
    (lengths[0] == 4 && lengths[1] <= 2 && lengths[2] <= 2)
        .then(|| ymd(n[0], n[1], n[2]))
        .flatten()
}

/// `January 26, 2022`, `Jan. 26 2022`, `January 26th, 2022`.
fn month_first_date(month: &str, day: Option<&str>, year: Option<&str>) -> Option<NaiveDate> {
    let month = month_number(month)?;
    let day = day?;
    // The day may carry a comma ("26,") but not a full stop, which would end a sentence.
    let day = day_number(day.strip_suffix(',').unwrap_or(day))?;
    ymd(year_number(year?)?, month, day)
}

/// `26 January 2022`, `26th Jan. 2022`.
fn day_first_date(day: &str, month: Option<&str>, year: Option<&str>) -> Option<NaiveDate> {
    let day = day_number(day)?;
    let month = month?;
    let month = month_number(month.strip_suffix(',').unwrap_or(month))?;
    ymd(year_number(year?)?, month, day)
}

fn ymd(year: u32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// A capitalised month name or its abbreviation ("Jan.", "Sept"); a full name takes no full stop.
fn month_number(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if !starts_uppercase(word) {
        return None;
    }
    let (name, has_stop) = match word.strip_suffix('.') {
        Some(name) => (name, true),
        None => (word, false),
    };
    let name = name.to_lowercase();
    let position = MONTHS.iter().position(|full| {
        let abbreviation = name.len() >= 3 && full.starts_with(name.as_str()) && name.len() <= 4;
        (*full == name && !has_stop) || (abbreviation && name.len() < full.len())
    })?;
    u32::try_from(position + 1).ok()
}

/// "26", "26th", "1st": a day of the month, with no punctuation after it.
fn day_number(word: &str) -> Option<u32> {
    let digits = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|suffix| word.strip_suffix(suffix))
        .unwrap_or(word);
    if digits.is_empty() || digits.len() > 2 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// "2022", "2022," or "2022.": four digits, nothing glued on but closing punctuation.
fn year_number(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches([',', '.', ';', ':', ')', '"', '”', '’']);
    (digits.len() == 4 && digits.chars().all(|c| c.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

fn trim_punctuation(word: &str) -> &str {
    word.trim_start_matches(['(', '[', '"', '“'])
        .trim_end_matches([',', '.', ';', ':', ')', ']', '"', '”'])
}

/// A whitespace-separated word and its byte offset in the text.
#[derive(Clone, Copy, Debug)]
struct Word<'a> {
    text: &'a str,
    start: usize,
    /// A blank line separates this word from the one before: they are in different paragraphs.
    after_blank_line: bool,
}

fn words(text: &str) -> Vec<Word<'_>> {
    let mut words = Vec::new();
    let mut end_of_previous = 0;
    for text_of_word in text.split_whitespace() {
        // `split_whitespace` hands out subslices of `text`, so the offset is their distance.
        let start = text_of_word.as_ptr() as usize - text.as_ptr() as usize;
        let gap = &text[end_of_previous..start];
        words.push(Word {
            text: text_of_word,
            start,
            after_blank_line: gap.matches('\n').count() >= 2,
        });
        end_of_previous = start + text_of_word.len();
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn parses_each_format() {
        assert_eq!(parse_date("26.01.2022"), date(2022, 1, 26));
        assert_eq!(parse_date("3.7.2019"), date(2019, 7, 3));
        assert_eq!(parse_date("2022-01-26"), date(2022, 1, 26));
        assert_eq!(parse_date("2022-01-26T09:30:00Z"), date(2022, 1, 26));
        assert_eq!(parse_date("2022/01/26"), date(2022, 1, 26));
        assert_eq!(parse_date("January 26, 2022"), date(2022, 1, 26));
        assert_eq!(parse_date("January 26 2022"), date(2022, 1, 26));
        assert_eq!(parse_date("Jan. 26, 2022"), date(2022, 1, 26));
        assert_eq!(parse_date("Sept. 3, 2021"), date(2021, 9, 3));
        assert_eq!(parse_date("January 26th, 2022"), date(2022, 1, 26));
        assert_eq!(parse_date("26 January 2022"), date(2022, 1, 26));
        assert_eq!(parse_date("26 January, 2022"), date(2022, 1, 26));
        assert_eq!(parse_date("26 Jan 2022"), date(2022, 1, 26));
        assert_eq!(parse_date("1st of March 2020"), date(2020, 3, 1));
    }

    #[test]
    fn rejects_impossible_and_ambiguous_dates() {
        assert_eq!(parse_date("30.02.2022"), None);
        assert_eq!(parse_date("February 30, 2022"), None);
        assert_eq!(parse_date("2022-13-01"), None);
        assert_eq!(
            parse_date("01/02/2022"),
            None,
            "day and month order unknown"
        );
        assert_eq!(parse_date("1.5 million"), None);
        assert_eq!(parse_date("3.14.15"), None);
    }

    #[test]
    fn does_not_read_dates_across_sentences_or_from_verbs() {
        assert!(dates_in("It ended on January 26. 2022 was worse.").is_empty());
        assert!(
            dates_in("Prices may 5 2022 fall").is_empty(),
            "lower-case 'may' is a verb"
        );
        assert!(dates_in("In 26 January. 2022 brought").is_empty());
    }

    #[test]
    fn a_date_does_not_run_across_paragraphs_or_into_a_clock_time() {
        assert!(dates_in("Saturday, 26 February\n\n1600 GMT").is_empty());
        assert!(dates_in("Kick-off: Saturday 26 February 1600 GMT").is_empty());
        assert_eq!(
            dates_in("held on 26 February\n2005 in Paris").len(),
            1,
            "a wrapped line is one paragraph"
        );
    }

    #[test]
    fn finds_dates_inside_text_with_their_places() {
        let text = "Talks began on 21 January 2022 and resumed on Feb. 3, 2022.";
        let found = dates_in(text);
        assert_eq!(found.len(), 2);
        assert_eq!(&text[found[0].start..found[0].end], "21 January 2022");
        assert_eq!(
            found[1].date,
            NaiveDate::from_ymd_opt(2022, 2, 3).unwrap_or_default()
        );
    }

    #[test]
    fn the_own_caption_stamp_wins_over_teasers_and_prose() {
        let page = [
            "- Example Times, 1920",
            "Ministers Meet in Geneva",
            "A minister arrives in Geneva, March 2, 2021. - Example Times, 1920, 03.03.2021",
            "Ministers met in Geneva on Wednesday, officials said on 1 March 2021.",
            "A city skyline - Example Times, 1920, 01.03.2021",
            "Another Story About Something Else",
        ];
        assert_eq!(find_date(&page), date(2021, 3, 3));
    }

    #[test]
    fn a_teaser_stamp_alone_gives_no_date() {
        let page = [
            "Ministers Meet in Geneva",
            "A city skyline - Example Times, 1920, 01.03.2021",
            "Another Story About Something Else",
            "Ministers met in Geneva on Wednesday.",
        ];
        assert_eq!(find_date(&page), None);
    }

    #[test]
    fn a_publication_line_gives_the_date() {
        let page = [
            "Ministers Meet in Geneva",
            "Published: 4 March 2021, 10:31 GMT",
            "Ministers met in Geneva on Wednesday, a week after talks on 24 February 2021.",
        ];
        assert_eq!(find_date(&page), date(2021, 3, 4));
        let footer = [
            "Ministers Meet",
            "Ministers met on Wednesday.",
            "Posted on Mar. 5, 2021 by J. Doe",
        ];
        assert_eq!(find_date(&footer), date(2021, 3, 5));
    }

    #[test]
    fn a_dateline_opening_the_first_paragraph_gives_the_date() {
        let wire = [
            "Ministers meet",
            "GENEVA, March 4, 2021 (Reuters) - Ministers met on Wednesday.",
        ];
        assert_eq!(find_date(&wire), date(2021, 3, 4));
        let dashed = [
            "Ministers meet",
            "4 March 2021 — Ministers met on Wednesday.",
        ];
        assert_eq!(find_date(&dashed), date(2021, 3, 4));
        let alone = [
            "Ministers meet",
            "Thursday 4 March 2021 10:31",
            "Ministers met on Wednesday.",
        ];
        assert_eq!(find_date(&alone), date(2021, 3, 4));
        let colon = [
            "Ministers meet",
            "Geneva, 04.03.2021: Ministers met on Wednesday.",
        ];
        assert_eq!(find_date(&colon), date(2021, 3, 4));
    }

    #[test]
    fn dates_in_passing_are_not_publication_dates() {
        let page = [
            "Talks fail",
            "On January 26, Washington replied to the proposals of December 17, 2021.",
            "On January 26, 2022, Washington replied in writing.",
            "The talks of 10 January 2022 in Geneva ended without agreement.",
        ];
        assert_eq!(find_date(&page), None);
    }

    #[test]
    fn a_dateline_deep_in_the_article_is_not_one() {
        let page = [
            "Title",
            "First paragraph.",
            "Second paragraph.",
            "Third paragraph.",
            "4 March 2021 — later.",
        ];
        assert_eq!(find_date(&page), None);
    }

    #[test]
    fn implausible_years_are_dropped() {
        assert_eq!(find_date(&["Title", "Published: 4 March 1066"]), None);
    }

    #[test]
    fn date_lines_with_weekday_time_and_stamp_labels() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        let cases = [
            ("Updated 3:45 PM ET, Mon January 24, 2022", day(2022, 1, 24)),
            ("Wednesday 26 January 2022 10.31 GMT", day(2022, 1, 26)),
            (
                "Last modified on Wed 26 Jan 2022 17.15 GMT",
                day(2022, 1, 26),
            ),
            ("Last updated: January 24, 2022", day(2022, 1, 24)),
            (
                "Monday August 27, 2018 10:05 am PDT by Dana Whitfield",
                day(2018, 8, 27),
            ),
            ("Sat Nov 18 2017 15:21:41 GMT+0000", day(2017, 11, 18)),
        ];
        for (line, want) in cases {
            let paragraphs = [
                "Talks end",
                line,
                "The talks ended on Wednesday, officials said.",
            ];
            assert_eq!(find_date(&paragraphs), want, "{line}");
        }
    }

    #[test]
    fn the_top_of_the_article_beats_a_later_posted_line() {
        let paragraphs = [
            "Gadget review",
            "LONDON, March 3, 2023 (Reuters) - The gadget went on sale on Friday.",
            "Comments",
            "Posted on Aug. 30, 2018 by gadgetfan88",
        ];
        assert_eq!(find_date(&paragraphs), NaiveDate::from_ymd_opt(2023, 3, 3));
    }

    #[test]
    fn the_dateline_beats_a_dated_document_in_the_body() {
        let paragraphs = [
            "Memo surfaces",
            "LONDON, March 3, 2023 (Reuters) - A memo surfaced on Friday.",
            "Dated May 4, 1998, the memo warned of the risks.",
        ];
        assert_eq!(find_date(&paragraphs), NaiveDate::from_ymd_opt(2023, 3, 3));
    }

    #[test]
    fn numeric_dates_open_with_a_figure() {
        assert_eq!(numeric_date("(26.01.2022)"), date(2022, 1, 26));
        assert_eq!(numeric_date("2022-01-26T10:00:00Z"), date(2022, 1, 26));
        assert_eq!(numeric_date("2022/01/26,"), date(2022, 1, 26));
        assert_eq!(numeric_date("x26.01.2022"), None);
        assert_eq!(numeric_date("Monday"), None);
    }

    #[test]
    fn a_scan_bounded_by_words_finds_what_the_whole_scan_finds_first() {
        let text = "In London on 26 January 2022, and again 2022-01-27 and 28.01.2022.";
        let words = words(text);
        let all = dates_in(text);
        assert_eq!(all.len(), 3);
        // The first date opens at word 3: a bound of 4 words finds it, a bound of 3 does not.
        assert_eq!(mentions(&words, 4).next(), Some((3, all[0])));
        assert_eq!(mentions(&words, 3).next(), None);
        let every: Vec<DateMention> = mentions(&words, words.len()).map(|(_, m)| m).collect();
        assert_eq!(every, all);
        // A dateline's date stands within the first five words; later ones are prose.
        assert_eq!(
            leading_dateline("LONDON, 26 January 2022 - Talks began."),
            date(2022, 1, 26)
        );
        assert_eq!(
            leading_dateline("One two three four five 26 January 2022 - x"),
            None
        );
    }
}
