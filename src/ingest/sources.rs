//! Finding the outlet an article comes from in its own text, for articles whose manifest has none.
//!
//! What counts, best first:
//! 1. the outlet's own stamp at the top of the page: a masthead ("- Sputnik International, 1920")
//!    or the stamp on the article's own photo caption ("... - Sputnik International, 1920,
//!    26.01.2022"); stamps on teasers for other stories further down do not count;
//! 2. a wire dateline opening one of the first paragraphs: "(Reuters) -", "LONDON (AP) —";
//! 3. a byline near the top that names an outlet after the author: "By John Smith, BBC News";
//! 4. an outlet the lead relays: a sentence of the title or the first two body paragraphs that
//!    ends "..., Kommersant reports.", the present-tense credit line with which a translated or
//!    rewritten report names its original. Such an article *is* that outlet's report, so the
//!    outlet is its source. Only that closing form counts, and only in the lead. The past tense
//!    ("..., the Sunday Telegraph reported.") is how an outlet cites someone else's report for
//!    one fact (BBC articles do it often, and companies "report" results), and "X reported
//!    that ...", "according to X" or a credit deep in an article quote one report among others:
//!    none of them says where the article itself comes from.
//!
//! What does not count: anything else. Names are returned as written ("AP", not "Associated
//! Press"); when nothing clear is there the answer is `None`, never a guess.

use super::boilerplate::{self, Stamp};

/// How many paragraphs from the top a masthead, own caption or byline may appear in.
const TOP_OF_PAGE: usize = 6;
/// The lead: the title and the first two body paragraphs (paragraphs that are not furniture).
const LEAD_PARAGRAPHS: usize = 3;
/// How far into a paragraph a wire dateline's agency may start, in bytes.
const DATELINE_REACH: usize = 80;
/// A byline is short: "By", a name, an outlet, perhaps a job.
const BYLINE_MAX_WORDS: usize = 12;
/// Outlet and agency names are a few words long.
const NAME_MAX_WORDS: usize = 4;

/// Finds the outlet an article comes from, or `None` when its text does not say.
pub fn find_source(paragraphs: &[&str]) -> Option<String> {
    find_source_marked(
        paragraphs,
        &boilerplate::mark_furniture_around_stamps(paragraphs),
    )
}

/// [`find_source`] given the marks [`boilerplate::mark_furniture_around_stamps`] made of the
/// same paragraphs (one mark per paragraph), for a caller that has them already.
pub fn find_source_marked(paragraphs: &[&str], furniture: &[bool]) -> Option<String> {
    let top = &paragraphs[..paragraphs.len().min(TOP_OF_PAGE)];
    let lead = lead_paragraphs(paragraphs, furniture);
    stamped_outlet(top)
        .or_else(|| lead.iter().find_map(|p| wire_agency(p)))
        .or_else(|| top.iter().find_map(|p| byline_outlet(p)))
        .or_else(|| lead.iter().find_map(|p| relayed_outlet(p)))
        .map(str::to_string)
}

/// The title and first body paragraphs: the first paragraphs that are not page furniture.
fn lead_paragraphs<'a>(paragraphs: &[&'a str], furniture: &[bool]) -> Vec<&'a str> {
    paragraphs
        .iter()
        .zip(furniture)
        .filter(|(_, &is_boilerplate)| !is_boilerplate)
        .map(|(paragraph, _)| *paragraph)
        .take(LEAD_PARAGRAPHS)
        .collect()
}

/// The outlet on the first stamp at the top that belongs to this page's own article.
fn stamped_outlet<'a>(top: &[&'a str]) -> Option<&'a str> {
    (0..top.len())
        .filter(|&i| !boilerplate::is_teaser_stamp(top, i))
        .find_map(|i| Stamp::parse(top[i]))
        .map(|stamp| stamp.outlet)
}

/// The agency of a wire dateline: "(Reuters) - ...", "LONDON (AP) — ...", "MOSCOW, Jan. 26
/// (Interfax) - ...". Only capitalised words or numbers may come before the brackets, and a dash
/// or colon must follow them.
fn wire_agency(paragraph: &str) -> Option<&str> {
    let paragraph = paragraph.trim();
    let open = paragraph.find('(').filter(|&open| open <= DATELINE_REACH)?;
    let close = open + paragraph[open..].find(')')?;
    let before = &paragraph[..open];
    let agency = paragraph[open + 1..close].trim();
    let after = paragraph[close + 1..].trim_start();
    let place_only = before
        .split_whitespace()
        .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()));
    let dash_follows = after.starts_with(['-', '–', '—', ':']);
    let spells_out = is_initials_of(agency, before);
    (place_only && dash_follows && !spells_out && is_name(agency)).then_some(agency)
}

/// True when `abbreviation` is the initials of `words`: "British Music Rights (BMR)" introduces
/// an abbreviation, it is no agency.
fn is_initials_of(abbreviation: &str, words: &str) -> bool {
    let initials: String = words
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect();
    !initials.is_empty() && initials.ends_with(abbreviation)
}

/// The outlet of a byline: "By John Smith, BBC News" → "BBC News"; "By Jo Doe | Example Post
/// political editor" → "Example Post". A job after the name ("Staff Writer") is not an outlet.
fn byline_outlet(paragraph: &str) -> Option<&str> {
    const JOBS: [&str; 9] = [
        "correspondent",
        "editor",
        "reporter",
        "writer",
        "staff",
        "contributor",
        "columnist",
        "analyst",
        "producer",
    ];
    let paragraph = paragraph.trim();
    if paragraph.split_whitespace().count() > BYLINE_MAX_WORDS {
        return None;
    }
    let rest = paragraph.strip_prefix("By ")?;
    let (author, after) = rest.split_once([',', '|'])?;
    let author_words: Vec<&str> = author.split_whitespace().collect();
    if !(2..=NAME_MAX_WORDS).contains(&author_words.len())
        || !author_words.iter().all(|w| starts_uppercase(w))
    {
        return None;
    }
    let outlet = cut_at_stamp(leading_capitalised_words(after.trim()));
    let is_job = outlet
        .split_whitespace()
        .any(|w| JOBS.contains(&w.to_lowercase().as_str()));
    (!outlet.is_empty() && !is_job).then_some(outlet)
}

/// The words before a time stamp that follows an outlet in a byline: "CNN Updated 3:45 PM" →
/// "CNN".
fn cut_at_stamp(outlet: &str) -> &str {
    const STAMPS: [&str; 6] = [
        "Updated",
        "Published",
        "Posted",
        "Last",
        "Modified",
        "First",
    ];
    let mut end = 0;
    for word in outlet.split_whitespace() {
        if STAMPS.contains(&word.trim_end_matches(':')) {
            break;
        }
        let at = word.as_ptr() as usize - outlet.as_ptr() as usize;
        end = at + word.len();
    }
    &outlet[..end]
}

/// The outlet named in a closing credit: "..., Kommersant reports." → "Kommersant";
/// "..., the Example Post newspaper reports." → "Example Post".
fn relayed_outlet(paragraph: &str) -> Option<&str> {
    const VERB: &str = " reports";
    paragraph.match_indices(VERB).find_map(|(at, _)| {
        let after = &paragraph[at + VERB.len()..];
        let closes_sentence = after.is_empty() || after.starts_with(['.', '!', '?', ';']);
        let comma = paragraph[..at].rfind(',')?;
        closes_sentence
            .then(|| outlet_in_clause(&paragraph[comma + 1..at]))
            .flatten()
    })
}

/// "Kommersant", "the Example Post newspaper", "Interfax news agency" → the outlet's name.
fn outlet_in_clause(clause: &str) -> Option<&str> {
    const MEDIA_NOUNS: [&str; 8] = [
        " news agency",
        " agency",
        " newspaper",
        " daily",
        " website",
        " channel",
        " broadcaster",
        " magazine",
    ];
    let clause = clause.trim();
    let clause = clause
        .strip_prefix("the ")
        .or_else(|| clause.strip_prefix("The "))
        .unwrap_or(clause);
    let name = MEDIA_NOUNS
        .iter()
        .find_map(|noun| clause.strip_suffix(noun))
        .unwrap_or(clause)
        .trim();
    is_name(name).then_some(name)
}

/// One to four words, each capitalised (or an all-capitals acronym), with no digits: "Reuters",
/// "AP", "Voice of America".
fn is_name(text: &str) -> bool {
    const JOINERS: [&str; 3] = ["of", "the", "and"];
    let words: Vec<&str> = text.split_whitespace().collect();
    (1..=NAME_MAX_WORDS).contains(&words.len())
        && words.first().is_some_and(|w| starts_uppercase(w))
        && words
            .iter()
            .all(|w| starts_uppercase(w) || JOINERS.contains(w))
        && !text
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ':' | ';' | '"' | '“' | '”'))
}

/// The capitalised words at the start of `text`: "BBC News Online technology reporter" → "BBC News Online".
fn leading_capitalised_words(text: &str) -> &str {
    let end = text
        .split_whitespace()
        .take_while(|w| starts_uppercase(w))
        .last()
        .map(|last| last.as_ptr() as usize - text.as_ptr() as usize + last.len())
        .unwrap_or(0);
    text[..end].trim_end_matches([',', '.', ';', ':'])
}

fn starts_uppercase(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(paragraphs: &[&str]) -> Option<String> {
        find_source(paragraphs)
    }

    #[test]
    fn a_masthead_names_the_outlet() {
        let page = [
            "- Example Times, 1920",
            "Ministers Meet",
            "Ministers met on Wednesday.",
        ];
        assert_eq!(source(&page).as_deref(), Some("Example Times"));
    }

    #[test]
    fn the_own_caption_stamp_names_the_outlet_but_a_teaser_does_not() {
        let own = [
            "Ministers Meet",
            "A minister arrives. - Example Times, 1920, 03.03.2021",
            "Ministers met on Wednesday.",
        ];
        assert_eq!(source(&own).as_deref(), Some("Example Times"));
        let teaser = [
            "Ministers Meet",
            "A city skyline - Other Daily, 1920, 01.03.2021",
            "Markets Rally as Rates Hold",
            "Ministers met on Wednesday.",
        ];
        assert_eq!(source(&teaser), None);
    }

    #[test]
    fn a_wire_dateline_names_the_agency() {
        assert_eq!(
            source(&["Talks", "(Reuters) - Ministers met."]).as_deref(),
            Some("Reuters")
        );
        assert_eq!(
            source(&["Talks", "LONDON (AP) — Ministers met."]).as_deref(),
            Some("AP")
        );
        assert_eq!(
            source(&["Talks", "MOSCOW, March 3, 2021 (Interfax) - Ministers met."]).as_deref(),
            Some("Interfax")
        );
    }

    #[test]
    fn brackets_in_prose_are_no_dateline() {
        assert_eq!(
            source(&["Talks", "The ministers (and their aides) met - briefly."]),
            None
        );
        assert_eq!(
            source(&["Talks", "Profits at Example (EXM) - a retailer - rose."]),
            None
        );
        assert_eq!(
            source(&["Talks", "Ministers met (Reuters) in Geneva."]),
            None
        );
        assert_eq!(
            source(&["Talks", "Example Music Rights (EMR) - a lobby - met."]),
            None
        );
    }

    #[test]
    fn a_byline_names_the_outlet_after_the_author() {
        assert_eq!(
            source(&["Talks", "By John Smith, BBC News", "Ministers met."]).as_deref(),
            Some("BBC News")
        );
        assert_eq!(
            source(&[
                "Talks",
                "By Jo Doe, Example Post political editor",
                "Ministers met."
            ])
            .as_deref(),
            Some("Example Post")
        );
        assert_eq!(
            source(&["Talks", "By Jo Doe, Staff Writer", "Ministers met."]),
            None
        );
        assert_eq!(source(&["Talks", "By Jo Doe", "Ministers met."]), None);
        assert_eq!(
            source(&[
                "Talks",
                "By 2025, 40% of homes will be online, says a study."
            ]),
            None
        );
    }

    #[test]
    fn an_outlet_relayed_in_the_lead_is_the_source() {
        let page = ["Patience runs out", "The minister spoke for three hours, Kommersant reports. Most questions were about NATO."];
        assert_eq!(source(&page).as_deref(), Some("Kommersant"));
        let agency = [
            "Talks",
            "Ministers met in Geneva, the Interfax news agency reports.",
        ];
        assert_eq!(source(&agency).as_deref(), Some("Interfax"));
    }

    #[test]
    fn reports_outside_the_closing_form_or_the_lead_do_not_count() {
        let passing = [
            "Talks",
            "The Example Post reported that ministers met.",
            "The minister reported on the results.",
        ];
        assert_eq!(source(&passing), None);
        let past = [
            "Talks",
            "Ministers met in Geneva, the Example Post reported.",
        ];
        assert_eq!(source(&past), None, "a past-tense credit cites one fact");
        let company = [
            "Talks",
            "Sales rose 5% last year, Example Brewing reported.",
        ];
        assert_eq!(source(&company), None);
        let unnamed = ["Talks", "Ministers met in Geneva, the newspaper reports."];
        assert_eq!(source(&unnamed), None);
        let deep = [
            "Talks",
            "One.",
            "Two.",
            "Three.",
            "Ministers met, Example Post reports.",
        ];
        assert_eq!(source(&deep), None);
    }

    #[test]
    fn nothing_clear_means_none() {
        assert_eq!(source(&[]), None);
        assert_eq!(
            source(&["Talks fail", "Moscow, Russia: Ministers met on Thursday."]),
            None
        );
    }

    #[test]
    fn a_byline_outlet_stops_at_the_stamp_after_it() {
        let paragraphs = [
            "Talks end",
            "By Dana Whitfield, CNN Updated 3:45 PM ET, Mon January 24, 2022",
            "The talks ended on Monday.",
        ];
        assert_eq!(find_source(&paragraphs).as_deref(), Some("CNN"));
        assert_eq!(cut_at_stamp("Example Post"), "Example Post");
    }
}
