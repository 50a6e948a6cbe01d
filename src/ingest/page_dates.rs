//! The publication date of a web page, from every kind of evidence a page carries about it.
//!
//! **For**: one date per HTML page, the day it was first published (not the day it was last
//! updated). **Not for**: dates of plain-text articles (see [`super::dates`], whose datelines and
//! publication lines this module uses on a page's main text), nor times of day or time zones
//! (a page's date is the calendar day written on it).
//!
//! The kinds of evidence and their order follow htmldate (Adrien Barbaresi's Python library,
//! whose evaluation sets are `html-news`; its "original date" mode), re-implemented here as
//! kinds, not page rules. Best first:
//! 1. a full date in the page's address (`/2020/01/02/`, canonical link or the known address);
//! 2. `<meta>` tags naming a publication date (`article:published_time`, `dc.date`, `pubdate`,
//!    `itemprop=datePublished`, …), in page order; modification dates are only a reserve;
//! 3. `datePublished` in JSON-LD scripts;
//! 4. `<abbr>` publication stamps (`data-utime`, class `published`);
//! 5. the first 52 characters of elements whose class, id or itemprop names a date, a time, a
//!    byline or page furniture (`date`, `datum`, `meta`, `time`, `publish`, `byline`, `footer`,
//!    …), then `<title>` and `<h1>`;
//! 6. `<time>` elements (one marked `pubdate` or `entry-date` at once, else the oldest);
//! 7. a full timestamp (`2020-01-02T10:31:00`) anywhere in the markup, a date in the address
//!    of the page's `og:image`, and labelled numeric dates (`Published: 02.01.2020`,
//!    `Datum: 2.1.2020`);
//! 8. weak evidence, used only when the main text has no dateline or publication line: the
//!    oldest date among the page's short text fragments, then the most frequent date pattern of
//!    the whole markup (never older than its copyright year).
//!
//! Only whole days count: a year or a month alone (a copyright year, `2020/01`) gives no date,
//! since newsdex has no coarser date to store and a guessed day would be wrong. Dates before
//! 1995 (before news sites) or after the day of reading are taken for misreadings.
//!
//! Dates are read in many languages: numeric forms (day first unless the year leads), month
//! names in the languages of the European Union and others frequent in news (see [`MONTHS`]),
//! and the Chinese, Japanese and Korean `年月日` forms.

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use dom_query::{Document, NodeRef};
use regex::Regex;

use super::dates;

/// The earliest publication date believed: the web had next to no news sites before 1995.
const EARLIEST_YEAR: i32 = 1995;
/// Only the first characters of an element's text are read: a date stamp opens its element.
const MAX_SEGMENT_CHARS: usize = 52;
/// Shorter texts hold no date with its day.
const MIN_SEGMENT_CHARS: usize = 6;
/// More candidates than this means the cue words are page-wide noise, not stamps.
const MAX_CANDIDATES: usize = 1000;

/// Which kind of evidence gave a page's date (see the module doc for the order).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Evidence {
    Address,
    Meta,
    JsonLd,
    Abbr,
    DateElement,
    Heading,
    TimeElement,
    Timestamp,
    ImageAddress,
    Labelled,
    /// The main text's own dateline or publication line (the text rules of [`super::dates`]).
    Dateline,
    /// Weak: the oldest date of the short text fragments.
    FreeText,
    /// Weak: the most frequent date pattern of the whole markup.
    PagePattern,
}

impl Evidence {
    /// Whether this evidence is markup or a labelled stamp, as opposed to a guess from loose text.
    pub fn is_strong(self) -> bool {
        !matches!(self, Evidence::FreeText | Evidence::PagePattern)
    }
}

/// A page's date and the evidence it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageDate {
    pub date: NaiveDate,
    pub evidence: Evidence,
}

/// The range of believable publication days.
#[derive(Clone, Copy, Debug)]
pub struct Window {
    pub earliest: NaiveDate,
    pub latest: NaiveDate,
}

impl Window {
    /// From 1995 to today (by the system clock, UTC).
    pub fn until_today() -> Window {
        let days = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() / 86_400);
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
        let today = epoch
            .checked_add_days(chrono::Days::new(days))
            .unwrap_or(epoch);
        Window::until(today)
    }

    /// From 1995 to `latest`.
    pub fn until(latest: NaiveDate) -> Window {
        Window {
            earliest: NaiveDate::from_ymd_opt(EARLIEST_YEAR, 1, 1).unwrap_or_default(),
            latest,
        }
    }

    fn holds(&self, date: NaiveDate) -> bool {
        (self.earliest..=self.latest).contains(&date)
    }

    fn day(&self, year: i64, month: i64, day: i64) -> Option<NaiveDate> {
        let date = NaiveDate::from_ymd_opt(
            i32::try_from(year).ok()?,
            u32::try_from(month).ok()?,
            u32::try_from(day).ok()?,
        )?;
        self.holds(date).then_some(date)
    }
}

/// The page's date from its markup and text, with the kind of evidence; `None` when nothing
/// on the page names a whole day. `address` is the page's known address (from an archive or a
/// manifest), used when the page declares no canonical one; `main_text` is the article's text,
/// paragraphs separated by blank lines, whose datelines beat weak evidence.
///
/// The document is pruned of embedded media (iframes, SVG, video) on the way.
pub fn find(
    document: &Document,
    address: Option<&str>,
    main_text: &str,
    window: Window,
) -> Option<PageDate> {
    let strong = |date: Option<NaiveDate>, evidence| date.map(|date| PageDate { date, evidence });
    let canonical = document
        .select("link[rel=canonical]")
        .iter()
        .find_map(|l| l.attr("href").map(|h| h.to_string()));
    if let Some(found) = strong(
        address
            .or(canonical.as_deref())
            .and_then(|u| address_date(u, window)),
        Evidence::Address,
    ) {
        return Some(found);
    }
    if let Some(found) = meta_date(document, window) {
        return Some(found);
    }
    if let Some(found) = strong(json_ld_date(document, window), Evidence::JsonLd) {
        return Some(found);
    }
    if let Some(found) = strong(abbr_date(document, window), Evidence::Abbr) {
        return Some(found);
    }
    document
        .select("applet, audio, canvas, datalist, embed, frame, frameset, iframe, label, map, math, noframes, object, picture, svg, track, video, div#wm-ipp-base, div#wm-ipp")
        .remove();
    let found = strong(date_element_date(document, window), Evidence::DateElement)
        .or_else(|| {
            let headings: Vec<NodeRef> = document.select("title, h1").nodes().to_vec();
            strong(examine_elements(&headings, window), Evidence::Heading)
        })
        .or_else(|| strong(time_element_date(document, window), Evidence::TimeElement));
    if found.is_some() {
        return found;
    }
    let markup = document.html().to_string();
    let found = strong(timestamp_date(&markup, window), Evidence::Timestamp)
        .or_else(|| {
            let image = document
                .select("meta[property='og:image'][content]")
                .iter()
                .find_map(|m| m.attr("content"));
            strong(
                image.and_then(|u| address_date(&u, window)),
                Evidence::ImageAddress,
            )
        })
        .or_else(|| strong(labelled_date(&markup, window), Evidence::Labelled));
    if found.is_some() {
        return found;
    }
    // Weak evidence loses to the article's own dateline or publication line.
    let paragraphs: Vec<&str> = main_text
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .collect();
    if let Some(date) = dates::find_date(&paragraphs).filter(|d| window.holds(*d)) {
        return Some(PageDate {
            date,
            evidence: Evidence::Dateline,
        });
    }
    strong(free_text_date(document, window), Evidence::FreeText)
        .or_else(|| strong(page_pattern_date(&markup, window), Evidence::PagePattern))
}

// ---------------------------------------------------------------------------------------------
// 1. Addresses

static ADDRESS_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\D((?:199\d|20[0-3]\d))[/_-]([0-1]?\d)[/_-]([0-3]?\d)(?:\D|$)").expect("regex")
});

/// A full date in an address's path (`/2020/01/02/`, `/2020-01-02-slug`, `_2020_1_2`).
fn address_date(address: &str, window: Window) -> Option<NaiveDate> {
    let caps = ADDRESS_DATE.captures(address)?;
    window.day(num(&caps[1])?, num(&caps[2])?, num(&caps[3])?)
}

fn num(text: &str) -> Option<i64> {
    text.parse().ok()
}

// ---------------------------------------------------------------------------------------------
// 2. Meta tags

/// `name` or `property` values of meta tags that hold the publication date.
const META_PUBLISHED: &[&str] = &[
    "analyticsattributes.articledate",
    "article.created",
    "article_date_original",
    "article:post_date",
    "article.published",
    "article:published",
    "article:published_date",
    "article:published_time",
    "article:publicationdate",
    "bt:pubdate",
    "citation_date",
    "citation_publication_date",
    "content_create_date",
    "created",
    "cxenseparse:recs:publishtime",
    "date",
    "date_created",
    "date_published",
    "datecreated",
    "dateposted",
    "datepublished",
    "dc.date",
    "dc.created",
    "dc.date.created",
    "dc.date.issued",
    "dc.date.publication",
    "dcsext.articlefirstpublished",
    "dcterms.created",
    "dcterms.date",
    "dcterms.issued",
    "dc:created",
    "dc:date",
    "displaydate",
    "doc_date",
    "field-name-post-date",
    "gentime",
    "mediator_published_time",
    "meta",
    "og:article:published",
    "og:article:published_time",
    "og:datepublished",
    "og:pubdate",
    "og:publish_date",
    "og:published_time",
    "og:question:published_time",
    "og:regdate",
    "originalpublicationdate",
    "parsely-pub-date",
    "pdate",
    "ptime",
    "pubdate",
    "publishdate",
    "publish_date",
    "publish_time",
    "publish-date",
    "published-date",
    "published_date",
    "published_time",
    "publisheddate",
    "publication_date",
    "rbpubdate",
    "release_date",
    "rnews:datepublished",
    "sailthru.date",
    "shareaholic:article_published_time",
    "timestamp",
    "twt-published-at",
    "video:release_date",
    "vr:published_time",
];

/// `name` values of meta tags that hold a modification date: a reserve only.
const META_NAME_MODIFIED: &[&str] = &[
    "lastdate",
    "lastmod",
    "lastmodified",
    "last-modified",
    "modified",
    "utime",
];

/// `property` values of meta tags that hold a modification date: a reserve only.
const META_PROPERTY_MODIFIED: &[&str] = &[
    "article:modified",
    "article:modified_date",
    "article:modified_time",
    "article:post_modified",
    "bt:moddate",
    "datemodified",
    "dc.modified",
    "dcterms.modified",
    "lastmodified",
    "modified_time",
    "modificationdate",
    "og:article:modified_time",
    "og:modified_time",
    "og:updated_time",
    "revision_date",
    "updated_time",
];

/// The first meta tag naming a publication date; else a modification date or a date in the
/// `og:url` address, as a reserve. A tag is read by the first of `name`, `property`,
/// `itemprop`, `pubdate`, `http-equiv` it has.
fn meta_date(document: &Document, window: Window) -> Option<PageDate> {
    let mut reserve = None;
    for tag in document.select("meta").iter() {
        let content = tag.attr("content");
        if content.is_none() && tag.attr("datetime").is_none() {
            continue;
        }
        let content = content.map(|c| c.to_string()).unwrap_or_default();
        let mut published = None;
        if let Some(name) = tag.attr("name") {
            let name = name.trim().to_lowercase();
            if name == "og:url" {
                reserve = address_date(&content, window).or(reserve);
            } else if META_PUBLISHED.contains(&name.as_str()) {
                published = parse_expression(&content, window);
            } else if META_NAME_MODIFIED.contains(&name.as_str()) {
                reserve = parse_expression(&content, window).or(reserve);
            }
        } else if let Some(property) = tag.attr("property") {
            let property = property.trim().to_lowercase();
            if META_PUBLISHED.contains(&property.as_str()) {
                published = parse_expression(&content, window);
            } else if META_PROPERTY_MODIFIED.contains(&property.as_str()) {
                reserve = parse_expression(&content, window).or(reserve);
            }
        } else if let Some(itemprop) = tag.attr("itemprop") {
            let itemprop = itemprop.trim().to_lowercase();
            if matches!(itemprop.as_str(), "datecreated" | "datepublished") {
                let value = tag.attr("datetime").map_or(content, |d| d.to_string());
                published = parse_expression(&value, window);
            }
        } else if tag
            .attr("pubdate")
            .is_some_and(|p| p.eq_ignore_ascii_case("pubdate"))
        {
            published = parse_expression(&content, window);
        } else if let Some(equiv) = tag.attr("http-equiv") {
            match equiv.trim().to_lowercase().as_str() {
                "date" => published = parse_expression(&content, window),
                "last-modified" => reserve = parse_expression(&content, window).or(reserve),
                _ => {}
            }
        }
        if let Some(date) = published {
            return Some(PageDate {
                date,
                evidence: Evidence::Meta,
            });
        }
    }
    reserve.map(|date| PageDate {
        date,
        evidence: Evidence::Meta,
    })
}

// ---------------------------------------------------------------------------------------------
// 3. JSON-LD

static JSON_PUBLISHED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)"datePublished": ?"((?:199\d|20[0-3]\d)-[0-1]?\d-[0-3]?\d)"#).expect("regex")
});

/// `datePublished` in a JSON-LD script, read as text so a script that is not valid JSON (a
/// stray control character, a trailing comma) still gives its date.
fn json_ld_date(document: &Document, window: Window) -> Option<NaiveDate> {
    document
        .select("script[type='application/ld+json'], script[type='application/settings+json']")
        .iter()
        .find_map(|script| {
            let text = script.text();
            let caps = JSON_PUBLISHED.captures(&text)?;
            iso_day(&caps[1], window)
        })
}

/// `2020-01-02` (parts may be unpadded).
fn iso_day(text: &str, window: Window) -> Option<NaiveDate> {
    let mut parts = text.split(['-', '/', '.']).map(num);
    window.day(parts.next()??, parts.next()??, parts.next()??)
}

// ---------------------------------------------------------------------------------------------
// 4. abbr

/// `<abbr data-utime="…">` (seconds since 1970; the oldest) or `<abbr class="published"
/// title="…">`.
fn abbr_date(document: &Document, window: Window) -> Option<NaiveDate> {
    let abbrs = document.select("abbr");
    let abbrs = abbrs.nodes();
    if abbrs.is_empty() || abbrs.len() > MAX_CANDIDATES {
        return None;
    }
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1)?;
    let mut oldest: Option<NaiveDate> = None;
    for abbr in abbrs {
        if let Some(seconds) = abbr
            .attr("data-utime")
            .and_then(|s| s.trim().parse::<u64>().ok())
        {
            let date = epoch.checked_add_days(chrono::Days::new(seconds / 86_400));
            if let Some(date) = date.filter(|d| window.holds(*d)) {
                oldest = Some(oldest.map_or(date, |o| o.min(date)));
            }
        } else if abbr
            .attr("class")
            .is_some_and(|c| matches!(c.trim(), "date-published" | "published" | "time published"))
        {
            if let Some(title) = abbr.attr("title") {
                if let Some(date) = parse_expression(&title, window) {
                    return Some(date);
                }
            } else {
                let text = abbr.text();
                if text.chars().count() > 10 {
                    if let Some(date) = parse_expression(&text, window) {
                        oldest = Some(oldest.map_or(date, |o| o.min(date)));
                    }
                }
            }
        }
    }
    oldest
}

// ---------------------------------------------------------------------------------------------
// 5. Elements whose attributes name a date

static ID_CLASS_CUES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new("[Mm]eta|time|publish|footer").expect("regex"));
static CLASS_CUES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        "info|post_detail|block-content|byline|subline|posted|submitted|created-post|\
         publication|author|autor|field-content|fa-clock-o|fa-calendar|fecha|parution",
    )
    .expect("regex")
});

/// Whether an element's class, id or itemprop names a date or where stamps sit (bylines,
/// meta lines, footers). Of `id` and `class`, the first in the tag counts, as authors put the
/// telling one first.
fn is_date_candidate(node: &NodeRef) -> bool {
    if node
        .node_name()
        .is_some_and(|n| matches!(n.as_ref(), "footer" | "small"))
    {
        return true;
    }
    let mut first: Option<String> = None;
    let mut itemprop: Option<String> = None;
    for attribute in node.attrs() {
        let name: &str = &attribute.name.local;
        if name == "itemprop" {
            itemprop = Some(attribute.value.to_string());
        } else if first.is_none() && (name == "id" || name == "class") {
            first = Some(attribute.value.to_string());
        }
    }
    let names_a_date = |cue: &String| {
        let folded = cue.replace('D', "d");
        folded.contains("date") || folded.contains("datum")
    };
    if first.iter().chain(itemprop.iter()).any(names_a_date) {
        return true;
    }
    let Some(first) = first else {
        return false;
    };
    ID_CLASS_CUES.is_match(&first)
        || node.attr("class").is_some_and(|c| CLASS_CUES.is_match(&c))
        || node
            .attr("id")
            .is_some_and(|i| i.contains("footer-info-lastmod"))
}

fn date_element_date(document: &Document, window: Window) -> Option<NaiveDate> {
    let all = document.select("body *");
    let candidates: Vec<NodeRef> = all
        .nodes()
        .iter()
        .filter(|n| is_date_candidate(n))
        .cloned()
        .collect();
    examine_elements(&candidates, window)
}

/// The first date among the openings of these elements' texts (and their `title`s).
fn examine_elements(elements: &[NodeRef], window: Window) -> Option<NaiveDate> {
    if elements.is_empty() || elements.len() > MAX_CANDIDATES {
        return None;
    }
    elements.iter().find_map(|element| {
        examine_text(&text_head(element), window)
            .or_else(|| element.attr("title").and_then(|t| examine_text(&t, window)))
    })
}

/// The opening of an element's text, whitespace collapsed, a little longer than
/// [`MAX_SEGMENT_CHARS`]: only that much is read, and a container's whole text can be most
/// of the page.
fn text_head(element: &NodeRef) -> String {
    let mut head = String::new();
    let mut chars = 0;
    let mut pending_space = false;
    for node in element.descendants_it() {
        if !node.is_text() {
            continue;
        }
        for c in node.text().chars() {
            if c.is_whitespace() {
                pending_space = chars > 0;
                continue;
            }
            if pending_space {
                head.push(' ');
                chars += 1;
                pending_space = false;
            }
            head.push(c);
            chars += 1;
            if chars > MAX_SEGMENT_CHARS {
                return head;
            }
        }
    }
    head
}

/// The date opening a text: its first 52 characters, with what follows the last digit dropped.
fn examine_text(text: &str, window: Window) -> Option<NaiveDate> {
    let text = collapse(text);
    if text.chars().count() <= MIN_SEGMENT_CHARS {
        return None;
    }
    let head: String = text.chars().take(MAX_SEGMENT_CHARS).collect();
    let head = head.trim_end_matches(|c: char| !c.is_numeric());
    parse_expression(head, window)
}

// ---------------------------------------------------------------------------------------------
// 6. <time>

/// A `<time>` marked as the publication date (`pubdate`, class `entry-date`), else the oldest
/// date among all `<time>` elements (their `datetime`, or their text).
fn time_element_date(document: &Document, window: Window) -> Option<NaiveDate> {
    let times = document.select("time");
    let times = times.nodes();
    if times.is_empty() || times.len() > MAX_CANDIDATES {
        return None;
    }
    let mut oldest: Option<NaiveDate> = None;
    for time in times {
        let datetime = time.attr("datetime").map(|d| d.to_string());
        let date = match datetime.filter(|d| d.chars().count() > 6) {
            Some(datetime) => {
                let class = time
                    .attr("class")
                    .map(|c| c.to_string())
                    .unwrap_or_default();
                let marked = time
                    .attr("pubdate")
                    .is_some_and(|p| p.as_ref() == "pubdate")
                    || class.starts_with("entry-date")
                    || class.starts_with("entry-time");
                let date = parse_expression(&datetime, window);
                if marked && date.is_some() {
                    return date;
                }
                date
            }
            None => {
                let text = time.immediate_text();
                (text.chars().count() > 6)
                    .then(|| parse_expression(&text, window))
                    .flatten()
            }
        };
        if let Some(date) = date {
            oldest = Some(oldest.map_or(date, |o| o.min(date)));
        }
    }
    oldest
}

// ---------------------------------------------------------------------------------------------
// 7. Timestamps and labelled dates in the markup

static TIMESTAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:199\d|20[0-3]\d)-[0-1]?\d-[0-3]?\d)[T ]\d{2}:\d{2}:\d{2}").expect("regex")
});

/// The first full timestamp (`2020-01-02T10:31:00`, `2020-01-02 10:31:00`) in the markup:
/// scripts and attributes carry them where no tag names them.
fn timestamp_date(markup: &str, window: Window) -> Option<NaiveDate> {
    let caps = TIMESTAMP.captures(markup)?;
    iso_day(&caps[1], window)
}

static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?i)(?:date[^0-9"]{0,20}|updated|last-modified|published|posted|on)[ :]{0,9}?([0-9]{1,4})[./]([0-9]{1,2})[./]([0-9]{2,4})|(?:Datum|Stand|Veröffentlicht am):? ?([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{2,4})|(?:güncellen?me|yayı(?:m|n)lan?ma) {0,9}?(?:tarihi)? {0,9}?:? {0,9}?([0-9]{1,2})[./]([0-9]{1,2})[./]([0-9]{2,4})|([0-9]{1,2})[./]([0-9]{1,2})[./]([0-9]{2,4}) {0,9}?(?:'de|'da|'te|'ta|’de|’da|’te|’ta|tarihinde) {0,9}(?:güncellendi|yayı(?:m|n)landı)"#,
    )
    .expect("regex")
});

/// The first numeric date after a label that says what it is (`Published: 02.01.2020`,
/// `Datum: 2.1.2020`, `yayınlanma tarihi 02.01.2020`).
fn labelled_date(markup: &str, window: Window) -> Option<NaiveDate> {
    let caps = LABELLED.captures(markup)?;
    let parts: Vec<&str> = caps.iter().skip(1).flatten().map(|m| m.as_str()).collect();
    let [a, b, c] = parts[..] else {
        return None;
    };
    if a.len() == 4 {
        window.day(num(a)?, num(b)?, num(c)?)
    } else {
        day_month_year(num(a)?, num(b)?, num(c)?, window)
    }
}

/// A day-first numeric date, two-digit years completed, day and month swapped when the month
/// cannot be one (`01/13/2020` is written month first).
fn day_month_year(day: i64, month: i64, year: i64, window: Window) -> Option<NaiveDate> {
    let year = full_year(year);
    let (day, month) = if month > 12 && day <= 12 {
        (month, day)
    } else {
        (day, month)
    };
    window.day(year, month, day)
}

/// `98` → 1998, `20` → 2020.
fn full_year(year: i64) -> i64 {
    match year {
        90..=99 => year + 1900,
        0..=89 => year + 2000,
        _ => year,
    }
}

// ---------------------------------------------------------------------------------------------
// 8. Weak evidence

/// Elements whose own text fragments are read for loose dates.
const FREE_TEXT_TAGS: &str = "div, h2, h3, h4, li, p, span, time, ul";

/// The oldest date among the short text fragments that sit directly in blocks and spans.
fn free_text_date(document: &Document, window: Window) -> Option<NaiveDate> {
    let mut oldest: Option<NaiveDate> = None;
    for element in document.select(FREE_TEXT_TAGS).nodes() {
        for child in element.children_it(false) {
            if !child.is_text() {
                continue;
            }
            let text = child.text();
            let segment = text.trim();
            let length = segment.chars().count();
            if length <= MIN_SEGMENT_CHARS || length >= MAX_SEGMENT_CHARS {
                continue;
            }
            if let Some(date) = parse_expression(segment, window) {
                oldest = Some(oldest.map_or(date, |o| o.min(date)));
            }
        }
    }
    oldest
}

static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:©|&copy;|Copyright|\(c\))\D{0,99}(?:(?:199\d|20[0-3]\d))?-?((?:199\d|20[0-3]\d))\D",
    )
    .expect("regex")
});
static YEAR_FIRST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\D?((?:199\d|20[0-3]\d))").expect("regex"));
static YEAR_LAST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"((?:199\d|20[0-3]\d))\D?$").expect("regex"));
static TWO_DIGIT_YEAR_LAST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{2})$").expect("regex"));
static SLASHED_PATH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"/(\d{4}/\d{2}/\d{2})[01/]").expect("regex"));
static YEAR_FIRST_LOOSE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\D(\d{4}[/.-]\d{2}[/.-]\d{2})\D").expect("regex"));
static DAY_FIRST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\D([0-3]?\d[/.-][0-1]?\d[/.-]\d{4})\D").expect("regex"));
static COMPACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\D19\d{2}[01]\d[0-3]\d\D|\D20\d{2}[01]\d[0-3]\d\D)").expect("regex")
});
static SHORT_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\D([0-3]?\d/[0-1]?\d/[0129]\d|[0-3]\d\.[01]\d\.[0129]\d)\D").expect("regex")
});

/// The date the markup repeats most, by pattern from the most to the least telling (dated
/// paths, year-first dates, day-first dates, compact `20200102`, two-digit years, then written
/// dates), never older than the page's copyright year.
fn page_pattern_date(markup: &str, window: Window) -> Option<NaiveDate> {
    let years = window.earliest.year()..=window.latest.year();
    let copyright_year = select_candidate(
        plausible(markup, &COPYRIGHT, &YEAR_FIRST, &years)
            .into_iter()
            .collect(),
        &YEAR_FIRST,
        &years,
    )
    .and_then(|year| num(&year));
    let floor = |date: NaiveDate| copyright_year.is_none_or(|y| i64::from(date.year()) >= y);
    let ymd = |text: &str| -> Option<NaiveDate> {
        let digits: Vec<i64> = text
            .split(|c: char| !c.is_ascii_digit())
            .filter(|p| !p.is_empty())
            .filter_map(num)
            .collect();
        match digits[..] {
            [y, m, d] => window.day(y, m, d),
            [compact] => window.day(compact / 10_000, compact / 100 % 100, compact % 100),
            _ => None,
        }
    };
    for pattern in [&*SLASHED_PATH, &*YEAR_FIRST_LOOSE] {
        let found = plausible(markup, pattern, &YEAR_FIRST, &years);
        if let Some(date) = select_candidate(found, &YEAR_FIRST, &years)
            .and_then(|c| ymd(&c))
            .filter(|d| floor(*d))
        {
            return Some(date);
        }
    }
    let day_first = normalise(plausible(markup, &DAY_FIRST, &YEAR_LAST, &years), window);
    if let Some(date) = select_candidate(day_first, &YEAR_FIRST, &years)
        .and_then(|c| ymd(&c))
        .filter(|d| floor(*d))
    {
        return Some(date);
    }
    let compact = plausible(markup, &COMPACT, &YEAR_FIRST, &years);
    let compact: Vec<(String, usize)> = compact
        .into_iter()
        .map(|(k, v)| (k.trim_matches(|c: char| !c.is_ascii_digit()).to_string(), v))
        .collect();
    if let Some(date) = select_candidate(compact, &YEAR_FIRST, &years)
        .and_then(|c| ymd(&c))
        .filter(|d| floor(*d))
    {
        return Some(date);
    }
    let short: Vec<(String, usize)> = SHORT_YEAR
        .captures_iter(markup)
        .filter_map(|c| c.get(1).map(|m| m.as_str().to_string()))
        .filter(|item| {
            TWO_DIGIT_YEAR_LAST
                .captures(item)
                .and_then(|c| num(&c[1]))
                .is_some_and(|y| years.contains(&(full_year(y) as i32)))
        })
        .fold(Vec::new(), count_into);
    let short = normalise(short, window);
    if let Some(date) = select_candidate(short, &YEAR_FIRST, &years)
        .and_then(|c| ymd(&c))
        .filter(|d| floor(*d))
    {
        return Some(date);
    }
    written_date(markup, window).filter(|d| floor(*d))
}

/// Pattern matches (their first group) with their counts, in order of first appearance, kept
/// when their year is believable.
fn plausible(
    text: &str,
    pattern: &Regex,
    year: &Regex,
    years: &std::ops::RangeInclusive<i32>,
) -> Vec<(String, usize)> {
    pattern
        .captures_iter(text)
        .filter_map(|c| c.get(1).map(|m| m.as_str().to_string()))
        .filter(|item| {
            year.captures(item)
                .and_then(|c| c[1].parse::<i32>().ok())
                .is_some_and(|y| years.contains(&y))
        })
        .fold(Vec::new(), count_into)
}

fn count_into(mut counts: Vec<(String, usize)>, item: String) -> Vec<(String, usize)> {
    match counts.iter_mut().find(|(k, _)| *k == item) {
        Some((_, n)) => *n += 1,
        None => counts.push((item, 1)),
    }
    counts
}

/// Day-first numeric dates rewritten year first (`2.1.2020` → `2020-01-02`), counts merged.
fn normalise(found: Vec<(String, usize)>, window: Window) -> Vec<(String, usize)> {
    let mut merged: Vec<(String, usize)> = Vec::new();
    for (item, count) in found {
        let parts: Vec<i64> = item.split(['/', '.', '-']).filter_map(num).collect();
        let [day, month, year] = parts[..] else {
            continue;
        };
        let Some(date) = day_month_year(day, month, year, window) else {
            continue;
        };
        let key = date.format("%Y-%m-%d").to_string();
        match merged.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += count,
            None => merged.push((key, count)),
        }
    }
    merged
}

/// The pick among repeated date patterns: of the ten most frequent, the two earliest; the
/// second wins when it is from another year and more than half as frequent (a page repeats
/// its own date beside a few others), else the first.
fn select_candidate(
    mut found: Vec<(String, usize)>,
    year: &Regex,
    years: &std::ops::RangeInclusive<i32>,
) -> Option<String> {
    if found.is_empty() || found.len() > MAX_CANDIDATES {
        return None;
    }
    if found.len() == 1 {
        return found.pop().map(|(k, _)| k);
    }
    // Most frequent first, ties in order of appearance (a stable sort).
    found.sort_by_key(|item| std::cmp::Reverse(item.1));
    found.truncate(10);
    found.sort();
    let best = &found[..2];
    let year_of = |item: &str| -> Option<i32> { year.captures(item)?[1].parse().ok() };
    let valid: Vec<bool> = best
        .iter()
        .map(|(k, _)| year_of(k).is_some_and(|y| years.contains(&y)))
        .collect();
    if valid.iter().all(|v| *v) {
        let (first, second) = (&best[0], &best[1]);
        let other_year = year_of(&first.0) != year_of(&second.0);
        if first.1 != second.1 && other_year && second.1 * 2 > first.1 {
            Some(second.0.clone())
        } else {
            Some(first.0.clone())
        }
    } else {
        valid.iter().position(|v| *v).map(|i| best[i].0.clone())
    }
}

// ---------------------------------------------------------------------------------------------
// Reading one date expression

static DISCARD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\d{2}:\d{2}(?: |:|$)|^\D*\d{4}\D*$|[$€¥Ұ£¢₽₱฿#₹]|[A-Z]{3}[^A-Z]|(?:^|\D)(?:\+\d{2}|\d{3}|\d{5})\D|ftps?|https?|sftp|\.(?:com|net|org|info|gov|edu|de|fr|io)\b|IBAN|[A-Z]{2}[0-9]{2}|®",
    )
    .expect("regex")
});
static ISO_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T ]|[^\d])").expect("regex")
});
static EIGHT_DIGITS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(\d{8})\b").expect("regex"));
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:\D|^)(?:((?:199\d|20[0-3]\d))[-/.]([0-1]?\d)[-/.]([0-3]?\d)|([0-3]?\d)[-/.]([0-1]?\d)[-/.](\d{2,4}))(?:\D|$)",
    )
    .expect("regex")
});
static EAST_ASIAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?").expect("regex")
});
static MONTH_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\p{L}{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:\D|$)").expect("regex")
});
static DAY_FIRST_WRITTEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|\D)(\d{1,2})(?:st|nd|rd|th|er|\.|º)?\s+(?:of\s+|de\s+)?(\p{L}{3,})\.?,?\s+(?:de\s+|del\s+)?(\d{4})(?:\D|$)",
    )
    .expect("regex")
});
static YEAR_FIRST_WRITTEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|\D)(\d{4})\.?\s+(\p{L}{3,})\.?\s+(\d{1,2})\.?(?:\D|$)").expect("regex")
});

/// Reads the date a short expression holds (`2020-01-02T10:00:00+01:00`, `02.01.2020`,
/// `Jan. 2, 2020`, `2. Januar 2020`, `2 de enero de 2020`, `2 января 2020`, `2020年1月2日`),
/// or `None`. Texts with prices, phone numbers, addresses or a bare year are refused, as such
/// numbers read as dates by accident.
pub fn parse_expression(text: &str, window: Window) -> Option<NaiveDate> {
    let text = collapse(text);
    let text: String = text.chars().take(MAX_SEGMENT_CHARS).collect();
    let digits = text.chars().filter(char::is_ascii_digit).count();
    if !(4..=18).contains(&digits) || DISCARD.is_match(&text) {
        return None;
    }
    let head_is_year = text.len() >= 4 && text.as_bytes()[..4].iter().all(u8::is_ascii_digit);
    if head_is_year {
        let bytes = text.as_bytes();
        let eight = bytes.len() >= 8 && bytes[4..8].iter().all(u8::is_ascii_digit);
        let date = if eight {
            compact_day(&text[..8], window)
        } else {
            ISO_START
                .captures(&text)
                .and_then(|c| window.day(num(&c[1])?, num(&c[2])?, num(&c[3])?))
        };
        if date.is_some() {
            return date;
        }
    }
    if let Some(date) = EIGHT_DIGITS
        .captures(&text)
        .and_then(|c| compact_day(&c[1], window))
    {
        return Some(date);
    }
    if let Some(caps) = NUMERIC.captures(&text) {
        let date = if let Some(year) = caps.get(1) {
            window.day(num(year.as_str())?, num(&caps[2])?, num(&caps[3])?)
        } else {
            day_month_year(num(&caps[4])?, num(&caps[5])?, num(&caps[6])?, window)
        };
        if date.is_some() {
            return date;
        }
    }
    written_date(&text, window)
}

/// `20200102`.
fn compact_day(digits: &str, window: Window) -> Option<NaiveDate> {
    window.day(num(&digits[..4])?, num(&digits[4..6])?, num(&digits[6..8])?)
}

/// The first date written with a month name (in any language of [`MONTHS`]) or in the East
/// Asian year-month-day form.
fn written_date(text: &str, window: Window) -> Option<NaiveDate> {
    if let Some(date) = EAST_ASIAN
        .captures(text)
        .and_then(|c| window.day(num(&c[1])?, num(&c[2])?, num(&c[3])?))
    {
        return Some(date);
    }
    let starts_word = |text: &str, at: usize| {
        !text[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic)
    };
    let mut found: Vec<(usize, NaiveDate)> = Vec::new();
    for caps in MONTH_FIRST.captures_iter(text) {
        let name = caps.get(1)?;
        if !starts_word(text, name.start()) {
            continue;
        }
        if let Some(month) = month_number(name.as_str()) {
            if let Some(date) = window.day(num(&caps[3])?, month, num(&caps[2])?) {
                found.push((name.start(), date));
                break;
            }
        }
    }
    for caps in DAY_FIRST_WRITTEN.captures_iter(text) {
        if let Some(month) = month_number(&caps[2]) {
            if let Some(date) = window.day(num(&caps[3])?, month, num(&caps[1])?) {
                found.push((caps.get(1).map_or(0, |m| m.start()), date));
                break;
            }
        }
    }
    for caps in YEAR_FIRST_WRITTEN.captures_iter(text) {
        if let Some(month) = month_number(&caps[2]) {
            if let Some(date) = window.day(num(&caps[1])?, month, num(&caps[3])?) {
                found.push((caps.get(1).map_or(0, |m| m.start()), date));
                break;
            }
        }
    }
    found.into_iter().min_by_key(|(at, _)| *at).map(|(_, d)| d)
}

/// Month names and abbreviations by month, in the languages of the European Union and others
/// frequent in news (Turkish, Russian, Ukrainian, Indonesian, Serbian, Albanian, Norwegian),
/// in the forms dates use (genitive where the language inflects: `января`, `stycznia`).
/// Compared in lower case with accents kept; a trailing full stop is dropped first.
pub const MONTHS: [&[&str]; 12] = [
    &[
        "jan",
        "january",
        "januar",
        "jänner",
        "janvier",
        "janv",
        "enero",
        "ene",
        "janeiro",
        "gennaio",
        "gen",
        "januari",
        "tammikuuta",
        "tammikuu",
        "stycznia",
        "styczeń",
        "ledna",
        "leden",
        "január",
        "ianuarie",
        "sausio",
        "janvāris",
        "janvārī",
        "jaanuar",
        "januára",
        "januarja",
        "siječnja",
        "januára",
        "ιανουαρίου",
        "ιανουάριος",
        "января",
        "январь",
        "янв",
        "січня",
        "ocak",
        "oca",
        "janar",
        "enero",
        "januári",
        "eanáir",
        "januar",
    ],
    &[
        "feb",
        "february",
        "februar",
        "feber",
        "février",
        "fevrier",
        "févr",
        "fevr",
        "febrero",
        "fevereiro",
        "fev",
        "febbraio",
        "februari",
        "helmikuuta",
        "helmikuu",
        "lutego",
        "luty",
        "února",
        "únor",
        "február",
        "februarie",
        "vasario",
        "februāris",
        "februārī",
        "veebruar",
        "februára",
        "februarja",
        "veljače",
        "φεβρουαρίου",
        "φεβρουάριος",
        "февраля",
        "февраль",
        "фев",
        "лютого",
        "şubat",
        "şub",
        "shkurt",
        "feabhra",
    ],
    &[
        "mar",
        "march",
        "märz",
        "mär",
        "mrz",
        "mars",
        "marzo",
        "março",
        "marco",
        "maart",
        "mrt",
        "maret",
        "maaliskuuta",
        "maaliskuu",
        "marca",
        "marzec",
        "března",
        "březen",
        "március",
        "martie",
        "kovo",
        "marts",
        "martā",
        "märts",
        "marca",
        "ožujka",
        "μαρτίου",
        "μάρτιος",
        "марта",
        "март",
        "мар",
        "березня",
        "mart",
        "márta",
    ],
    &[
        "apr",
        "april",
        "avril",
        "abril",
        "abr",
        "aprile",
        "huhtikuuta",
        "huhtikuu",
        "kwietnia",
        "kwiecień",
        "dubna",
        "duben",
        "április",
        "aprilie",
        "balandžio",
        "aprīlis",
        "aprīlī",
        "aprill",
        "apríla",
        "travnja",
        "απριλίου",
        "απρίλιος",
        "апреля",
        "апрель",
        "апр",
        "квітня",
        "nisan",
        "nis",
        "prill",
        "aibreán",
    ],
    &[
        "may",
        "mai",
        "mayo",
        "maio",
        "maggio",
        "mag",
        "mei",
        "toukokuuta",
        "toukokuu",
        "maja",
        "maj",
        "května",
        "květen",
        "május",
        "gegužės",
        "maijs",
        "maijā",
        "máj",
        "mája",
        "svibnja",
        "μαΐου",
        "μάιος",
        "мая",
        "май",
        "травня",
        "mayıs",
        "bealtaine",
    ],
    &[
        "jun",
        "june",
        "juni",
        "juin",
        "junio",
        "junho",
        "giugno",
        "giu",
        "kesäkuuta",
        "kesäkuu",
        "czerwca",
        "czerwiec",
        "června",
        "červen",
        "június",
        "iunie",
        "birželio",
        "jūnijs",
        "jūnijā",
        "juuni",
        "júna",
        "junija",
        "lipnja",
        "ιουνίου",
        "ιούνιος",
        "июня",
        "июнь",
        "июн",
        "червня",
        "haziran",
        "haz",
        "qershor",
        "meitheamh",
    ],
    &[
        "jul",
        "july",
        "juli",
        "juillet",
        "juil",
        "julio",
        "julho",
        "luglio",
        "lug",
        "heinäkuuta",
        "heinäkuu",
        "lipca",
        "lipiec",
        "července",
        "červenec",
        "július",
        "iulie",
        "liepos",
        "jūlijs",
        "jūlijā",
        "juuli",
        "júla",
        "julija",
        "srpnja",
        "ιουλίου",
        "ιούλιος",
        "июля",
        "июль",
        "июл",
        "липня",
        "temmuz",
        "tem",
        "korrik",
        "iúil",
    ],
    &[
        "aug",
        "august",
        "août",
        "aout",
        "agosto",
        "ago",
        "augustus",
        "agustus",
        "elokuuta",
        "elokuu",
        "sierpnia",
        "sierpień",
        "srpna",
        "srpen",
        "augusztus",
        "rugpjūčio",
        "augusts",
        "augustā",
        "augusta",
        "avgusta",
        "avgust",
        "kolovoza",
        "αυγούστου",
        "αύγουστος",
        "августа",
        "август",
        "авг",
        "серпня",
        "ağustos",
        "ağu",
        "gusht",
        "lúnasa",
    ],
    &[
        "sep",
        "sept",
        "september",
        "septembre",
        "septiembre",
        "setiembre",
        "setembro",
        "set",
        "settembre",
        "syyskuuta",
        "syyskuu",
        "września",
        "wrzesień",
        "září",
        "szeptember",
        "septembrie",
        "rugsėjo",
        "septembris",
        "septembrī",
        "septembra",
        "rujna",
        "septembar",
        "σεπτεμβρίου",
        "σεπτέμβριος",
        "сентября",
        "сентябрь",
        "сен",
        "сент",
        "вересня",
        "eylül",
        "eyl",
        "shtator",
        "meán fómhair",
    ],
    &[
        "oct",
        "october",
        "oktober",
        "octobre",
        "octubre",
        "outubro",
        "out",
        "ottobre",
        "ott",
        "okt",
        "lokakuuta",
        "lokakuu",
        "października",
        "październik",
        "října",
        "říjen",
        "október",
        "octombrie",
        "spalio",
        "oktobris",
        "oktobrī",
        "októbra",
        "oktobra",
        "oktobar",
        "οκτωβρίου",
        "οκτώβριος",
        "октября",
        "октябрь",
        "окт",
        "жовтня",
        "ekim",
        "eki",
        "tetor",
        "deireadh fómhair",
    ],
    &[
        "nov",
        "november",
        "novembre",
        "noviembre",
        "novembro",
        "marraskuuta",
        "marraskuu",
        "listopadu",
        "listopad",
        "noiembrie",
        "lapkričio",
        "novembris",
        "novembrī",
        "novembra",
        "studenoga",
        "novembar",
        "νοεμβρίου",
        "νοέμβριος",
        "ноября",
        "ноябрь",
        "ноя",
        "листопада",
        "kasım",
        "kas",
        "nëntor",
        "samhain",
    ],
    &[
        "dec",
        "december",
        "dezember",
        "dez",
        "décembre",
        "decembre",
        "déc",
        "diciembre",
        "dic",
        "dezembro",
        "dicembre",
        "desember",
        "joulukuuta",
        "joulukuu",
        "grudnia",
        "grudzień",
        "prosince",
        "prosinec",
        "decembrie",
        "gruodžio",
        "decembris",
        "decembrī",
        "detsember",
        "decembra",
        "prosinca",
        "decembar",
        "δεκεμβρίου",
        "δεκέμβριος",
        "декабря",
        "декабрь",
        "дек",
        "грудня",
        "aralık",
        "ara",
        "dhjetor",
        "nollaig",
    ],
];

static MONTH_INDEX: LazyLock<HashMap<String, i64>> = LazyLock::new(|| {
    let mut index = HashMap::new();
    // Where two languages share a spelling for different months ("listopada": October in
    // Croatian, November in Polish and Czech), the earlier entry is kept; such clashes are few.
    for (month, names) in MONTHS.iter().enumerate() {
        for name in names.iter() {
            index.entry(name.to_string()).or_insert(month as i64 + 1);
        }
    }
    index
});

/// The month a word names, in any language of [`MONTHS`] (full stop and case aside).
pub(super) fn month_number(word: &str) -> Option<i64> {
    let word = word.trim_end_matches('.').to_lowercase();
    MONTH_INDEX.get(&word).copied()
}

/// Whitespace runs made one space, ends trimmed.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn window() -> Window {
        Window::until(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default())
    }

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn expressions_in_many_forms_and_languages() {
        let w = window();
        for (text, want) in [
            ("2020-01-02T10:31:00+01:00", day(2020, 1, 2)),
            ("20200102", day(2020, 1, 2)),
            ("02.01.2020", day(2020, 1, 2)),
            ("2.1.20", day(2020, 1, 2)),
            ("01/13/2020", day(2020, 1, 13)),
            ("Jan. 2, 2020", day(2020, 1, 2)),
            ("Thursday, January 2nd 2020", day(2020, 1, 2)),
            ("2. Januar 2020", day(2020, 1, 2)),
            ("2 de enero de 2020", day(2020, 1, 2)),
            ("2 января 2020", day(2020, 1, 2)),
            ("2 stycznia 2020", day(2020, 1, 2)),
            ("2020年1月2日", day(2020, 1, 2)),
            ("2020년 1월 2일", day(2020, 1, 2)),
            ("2020. január 2.", day(2020, 1, 2)),
        ] {
            assert_eq!(parse_expression(text, w), want, "{text}");
        }
    }

    #[test]
    fn numbers_that_are_not_dates_are_refused() {
        let w = window();
        for text in [
            "2020",
            "Price: $12.10.2020",
            "Tel. +49 30 12.10.2020",
            "10:31",
            "1.5 million",
            "https://x.example/12.10.2020",
            "02.01.1980",
            "02.01.2099",
        ] {
            assert_eq!(parse_expression(text, w), None, "{text}");
        }
    }

    fn page_date(html: &str) -> Option<PageDate> {
        let document = Document::from(html);
        find(&document, None, "", window())
    }

    #[test]
    fn a_full_day_in_an_address_is_a_date_and_a_month_is_not() {
        let w = window();
        assert_eq!(
            address_date("https://n.example/2020/01/02/talks", w),
            day(2020, 1, 2)
        );
        assert_eq!(
            address_date("https://n.example/world/2020-03-16-paris", w),
            day(2020, 3, 16)
        );
        assert_eq!(address_date("https://n.example/2020/01/story-123", w), None);
        assert_eq!(address_date("https://n.example/2020/13/02/x", w), None);
    }

    #[test]
    fn the_address_beats_the_markup() {
        let html = r#"<html><head><link rel="canonical" href="https://n.example/2020/03/04/talks">
            <meta property="article:published_time" content="2020-03-05"></head><body></body></html>"#;
        assert_eq!(
            page_date(html),
            Some(PageDate {
                date: NaiveDate::from_ymd_opt(2020, 3, 4).unwrap_or_default(),
                evidence: Evidence::Address
            })
        );
    }

    #[test]
    fn a_publication_meta_tag_beats_a_modification_tag_whatever_their_order() {
        let html = r#"<html><head>
            <meta property="article:modified_time" content="2020-03-09T08:00:00Z">
            <meta name="dc.date" content="2020-03-05"></head><body></body></html>"#;
        let found = page_date(html).map(|p| (p.date, p.evidence));
        assert_eq!(found, day(2020, 3, 5).map(|d| (d, Evidence::Meta)));
        let only_modified = r#"<html><head>
            <meta property="article:modified_time" content="2020-03-09T08:00:00Z"></head></html>"#;
        assert_eq!(page_date(only_modified).map(|p| p.date), day(2020, 3, 9));
    }

    #[test]
    fn json_ld_is_read_even_when_it_is_not_valid_json() {
        let html = "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\n\
            \"headline\":\"A\tbroken\",\"datePublished\": \"2021-06-07T10:00:00Z\",}</script></head></html>";
        let found = page_date(html).map(|p| (p.date, p.evidence));
        assert_eq!(found, day(2021, 6, 7).map(|d| (d, Evidence::JsonLd)));
    }

    #[test]
    fn an_element_named_for_its_date_gives_the_date() {
        let html = r#"<html><body><h1>Title</h1><div class="article-meta">
            <span class="autor">Von Anna Muster</span></div>
            <p class="entry-date">Veröffentlicht am 7. Juni 2021, 10:31 Uhr</p>
            <p>Text from 1 May 2021.</p></body></html>"#;
        let found = page_date(html).map(|p| (p.date, p.evidence));
        assert_eq!(found, day(2021, 6, 7).map(|d| (d, Evidence::DateElement)));
    }

    #[test]
    fn a_marked_time_element_wins_else_the_oldest() {
        let marked = r#"<html><body><time datetime="2021-06-09">x</time>
            <time class="entry-date published" datetime="2021-06-08T09:00:00">y</time></body></html>"#;
        assert_eq!(page_date(marked).map(|p| p.date), day(2021, 6, 8));
        let plain = r#"<html><body><p>x</p><time datetime="2021-06-09T10:00">x</time>
            <time datetime="2021-06-07T09:00">y</time></body></html>"#;
        assert_eq!(page_date(plain).map(|p| p.date), day(2021, 6, 7));
    }

    #[test]
    fn a_dateline_in_the_main_text_beats_weak_evidence() {
        let html = r#"<html><body><p>Old news of 3 May 2019 and 4 May 2019.</p></body></html>"#;
        let document = Document::from(html);
        let main = "Talks end\n\nGENEVA, March 4, 2021 (Reuters) - Ministers met.";
        let found = find(&document, None, main, window()).map(|p| p.date);
        assert_eq!(found, day(2021, 3, 4));
        let document = Document::from(html);
        let weak = find(&document, None, "No dateline here.", window());
        assert_eq!(weak.map(|p| p.date), day(2019, 5, 3));
        assert!(weak.is_some_and(|p| !p.evidence.is_strong()));
    }

    #[test]
    fn the_most_repeated_date_of_the_markup_is_the_last_resort() {
        let html = r#"<html><body><div><a href="/a/2019/05/03/x">a</a><a href="/b/2019/05/03/y">b</a>
            <a href="/c/2018/01/01/z">c</a></div><div>&copy; 2018 Example</div></body></html>"#;
        let found = page_date(html).map(|p| (p.date, p.evidence));
        assert_eq!(found, day(2019, 5, 3).map(|d| (d, Evidence::PagePattern)));
    }

    #[test]
    fn nothing_but_a_year_or_a_month_gives_no_date() {
        let html = r#"<html><body><p>&copy; 2020 Example, archive 2020/05</p></body></html>"#;
        assert_eq!(page_date(html), None);
    }
}
