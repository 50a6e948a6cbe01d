//! Reading saved web pages (`.html`, `.htm`): the article's main text and the metadata the page
//! declares about itself.
//!
//! **For**: turning one HTML page into the text of one article (paragraphs from the block
//! structure of the main content) plus a title, date, source (publisher), author and canonical URL
//! taken from the page's own markup. **Not for**: fetching pages, following links, running
//! scripts, or judging what the text says (boilerplate marking, datelines and bylines stay with
//! the text rules, which remain the fallback for every field the markup does not give).
//!
//! Main text: [`dom_smoothie`], a port of Mozilla's readability.js (the algorithm behind Firefox's
//! reader view), compared on pages of `html-news` with a plain extraction of every `<p>` of the
//! body on the same DOM (see the report in the README's "Web pages" section). `dom_smoothie` is
//! actively maintained, follows a widely used reference implementation, and shares its HTML
//! parser (`html5ever`, through `dom_query`) with the metadata reading here, so a page is parsed
//! by one well-kept parser. `rs-trafilatura` (0.2) and `readability` (0.3, an older html5ever)
//! are on crates.io too; they were not chosen for their youth and their second HTML stack. When
//! readability finds no main content (short or unusual pages), the visible text of the body's
//! blocks is used instead, with a warning, so a page never loses its text.
//!
//! Metadata, best first for each field:
//! - title: JSON-LD `headline`, `og:title`, `<title>`;
//! - date: JSON-LD `datePublished`, `article:published_time` and similar meta tags,
//!   `<time datetime>` (one marked `pubdate` or `itemprop=datePublished` first), and last a
//!   full day in the page's address (`/2020/01/02/`);
//! - source: JSON-LD `publisher.name`, `og:site_name`;
//! - URL: `<link rel=canonical>`, `og:url`, JSON-LD `url`.
//!
//! HTML parsing never fails (html5ever repairs any tag soup as browsers do), so a malformed page
//! costs at most its structure, never the run.

use chrono::NaiveDate;
use dom_query::Document;
use serde_json::Value;

use super::{dates, page_dates};

/// What one page gave: its main text (paragraphs separated by blank lines) and metadata.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Page {
    /// The main text, one paragraph per line, paragraphs separated by a blank line.
    pub text: String,
    pub title: Option<String>,
    pub date: Option<NaiveDate>,
    /// The publisher (JSON-LD `publisher`, `og:site_name`).
    pub source: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
    /// Set when the main-text extractor found nothing and the whole page text was used.
    pub warning: Option<String>,
}

/// The article types JSON-LD uses for news and blog posts.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
    "ScholarlyArticle",
    "TechArticle",
    "WebPage",
];

/// Extracts the main text and metadata of an HTML page; `address` is where the page was
/// fetched from, when known (an archive's target URI, a manifest's `url`).
pub fn extract(html: &str, address: Option<&str>) -> Page {
    let document = Document::from(html);
    let mut page = Page::default();
    let ld = json_ld_article(&document);
    page.title = ld
        .as_ref()
        .and_then(|a| text_of(a.get("headline")))
        .or_else(|| meta(&document, &["og:title", "twitter:title"]))
        .or_else(|| clean(&document.select("title").first().text()));
    page.source = ld
        .as_ref()
        .and_then(|a| name_of(a.get("publisher")))
        .or_else(|| meta(&document, &["og:site_name", "application-name"]));
    page.author = ld
        .as_ref()
        .and_then(|a| name_of(a.get("author")))
        .or_else(|| meta(&document, &["author", "article:author"]));
    page.url = document
        .select("link[rel=canonical]")
        .first()
        .attr("href")
        .and_then(|h| clean(&h))
        .or_else(|| meta(&document, &["og:url"]))
        .or_else(|| ld.as_ref().and_then(|a| text_of(a.get("url"))))
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    match main_text(html) {
        Some(text) => page.text = text,
        None => {
            page.text = whole_text(html);
            page.warning =
                Some("no main article text found in the page; indexed its whole text".into());
        }
    }
    // A date from the main text's dateline is left to the text rules, which find it again
    // and record it with origin `text`.
    page.date = page_dates::find(
        &document,
        address,
        &page.text,
        page_dates::Window::until_today(),
    )
    .filter(|found| found.evidence != page_dates::Evidence::Dateline)
    .map(|found| found.date);
    page
}

/// The main content's text through readability, one paragraph per line, or `None` if it found
/// nothing worth a paragraph.
fn main_text(html: &str) -> Option<String> {
    let config = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        max_elements_to_parse: 200_000,
        ..Default::default()
    };
    let document = Document::from(html);
    prune_furniture(&document);
    let mut readability =
        dom_smoothie::Readability::with_document(document, None, Some(config)).ok()?;
    let article = readability.parse().ok()?;
    let text = paragraphs_of(&article.text_content);
    (!text.trim().is_empty()).then_some(text)
}

/// Words in a class or id that name page furniture placed inside or beside an article: the
/// path above it (breadcrumbs), sign-up boxes, sharing rows, links to other stories, lists of
/// the most read, and the byline block. Readability already drops elements named `related`
/// or `share`, but keeps them when the same name also says `article` or `content`
/// (`article-related`, `content-share`), which is how templates name the furniture *inside*
/// an article; these are dropped whatever else the name says.
const FURNITURE_NAMES: &[&str] = &[
    "breadcrumb",
    "newsletter",
    "subscribe",
    "signup",
    "sign-up",
    "related",
    "share",
    "sharing",
    "social",
    "most-read",
    "mostread",
    "most-popular",
    "popular",
    "trending",
    "recommend",
    "read-more",
    "readmore",
    "also-read",
    "byline",
];

/// An element named as furniture is dropped only while it holds at most this share of the
/// page's text, and only when it is short ([`FURNITURE_SHORT_CHARS`]) or mostly links
/// ([`FURNITURE_LINK_SHARE`]): a template that names the article's own wrapper
/// `content-with-sharebar` keeps it, as its long text is not links.
const FURNITURE_MAX_SHARE: f64 = 0.3;
/// Sign-up boxes, share rows and bylines are a few lines at most.
const FURNITURE_SHORT_CHARS: usize = 400;
/// Lists of other stories and breadcrumbs are mostly link text.
const FURNITURE_LINK_SHARE: f64 = 0.5;

/// Removes the elements whose class, id or ARIA label names them as page furniture (see
/// [`FURNITURE_NAMES`]), before readability picks the main content.
fn prune_furniture(document: &Document) {
    let page_chars = document.select("body").text().chars().count().max(1) as f64;
    for element in document
        .select("body [class], body [id], body [aria-label]")
        .iter()
    {
        if element.is("article, main, [itemprop=articleBody]") {
            continue;
        }
        let names = ["class", "id", "aria-label"]
            .iter()
            .filter_map(|attribute| element.attr(attribute))
            .map(|value| value.to_ascii_lowercase())
            .collect::<Vec<_>>()
            .join(" ");
        if !FURNITURE_NAMES.iter().any(|name| names.contains(name)) {
            continue;
        }
        let chars = element.text().chars().count();
        if chars as f64 / page_chars > FURNITURE_MAX_SHARE {
            continue;
        }
        let link_chars = element.select("a").text().chars().count();
        if chars <= FURNITURE_SHORT_CHARS
            || link_chars as f64 >= FURNITURE_LINK_SHARE * chars as f64
        {
            element.remove();
        }
    }
}

/// The visible text of the body, block by block: the fallback when readability finds nothing.
fn whole_text(html: &str) -> String {
    let document = Document::from(html);
    document
        .select("script, style, noscript, template")
        .remove();
    let blocks = document.select(
        "body p, body h1, body h2, body h3, body h4, body h5, body h6, body li, body blockquote, body pre, body td",
    );
    let mut lines: Vec<String> = blocks
        .iter()
        .filter_map(|block| clean(&block.text()))
        .collect();
    if lines.is_empty() {
        lines = paragraphs_of(&document.select("body").text())
            .lines()
            .map(str::to_string)
            .collect();
    }
    lines.retain(|l| !l.trim().is_empty());
    lines.join("\n\n")
}

/// Text with one paragraph per non-empty line, whitespace inside each collapsed, blank lines between.
fn paragraphs_of(text: &str) -> String {
    text.lines()
        .filter_map(clean)
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Whitespace collapsed and trimmed; `None` when nothing is left.
fn clean(text: &str) -> Option<String> {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!collapsed.is_empty()).then_some(collapsed)
}

/// The `content` of the first meta tag named (by `property`, `name` or `itemprop`, any case) one of `names`.
fn meta(document: &Document, names: &[&str]) -> Option<String> {
    let metas = document.select("meta");
    names.iter().find_map(|name| {
        metas.iter().find_map(|tag| {
            let named = ["property", "name", "itemprop"].iter().any(|attr| {
                tag.attr(attr)
                    .is_some_and(|v| v.trim().eq_ignore_ascii_case(name))
            });
            if named {
                tag.attr("content").and_then(|c| clean(&c))
            } else {
                None
            }
        })
    })
}

/// A date as pages write it in metadata: ISO (`2022-01-26`, `2022-01-26T10:31:00+00:00`) or any
/// form the text rules know.
pub fn parse_page_date(value: &str) -> Option<NaiveDate> {
    let value = value.trim();
    let date = value
        .get(..10)
        .and_then(|head| NaiveDate::parse_from_str(head, "%Y-%m-%d").ok())
        .or_else(|| dates::parse_date(value))?;
    crate::model::date_in_range(date).then_some(date)
}

/// The first JSON-LD object on the page whose `@type` is an article type.
fn json_ld_article(document: &Document) -> Option<Value> {
    let scripts = document.select("script[type='application/ld+json']");
    let mut found = None;
    for script in scripts.iter() {
        let Ok(value) = serde_json::from_str::<Value>(script.text().trim()) else {
            continue;
        };
        if let Some(article) = find_article(&value) {
            // A NewsArticle-like type beats a plain WebPage.
            let is_page = article
                .get("@type")
                .is_some_and(|t| t.as_str() == Some("WebPage"));
            if !is_page {
                return Some(article.clone());
            }
            found.get_or_insert_with(|| article.clone());
        }
    }
    found
}

fn find_article(value: &Value) -> Option<&Value> {
    match value {
        Value::Array(items) => items.iter().find_map(find_article),
        Value::Object(object) => {
            let typed = match object.get("@type") {
                Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
                Some(Value::Array(ts)) => ts
                    .iter()
                    .any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
                _ => false,
            };
            if typed {
                return Some(value);
            }
            object.get("@graph").and_then(find_article)
        }
        _ => None,
    }
}

/// A string value (or the first of an array of strings).
fn text_of(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => clean(s),
        Value::Array(items) => items.iter().find_map(|v| text_of(Some(v))),
        _ => None,
    }
}

/// The `name` of a person or organisation value (or the value itself when it is a string).
fn name_of(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => clean(s),
        Value::Object(object) => text_of(object.get("name")),
        Value::Array(items) => items.iter().find_map(|v| name_of(Some(v))),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html><head>
<title>Ministers meet | Daily Planet</title>
<meta property="og:site_name" content="Daily Planet">
<meta property="article:published_time" content="2022-01-26T10:31:00+00:00">
<link rel="canonical" href="https://planet.example/ministers-meet">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article><h1>Ministers meet</h1>
<p>The foreign ministers met in Geneva on Wednesday for talks that lasted more than four hours,
officials said, and agreed to meet again next month after a long and difficult day.</p>
<p>"We have made progress," the minister told reporters outside the hotel, adding that the
next round of talks would take place in Vienna before the end of February this year.</p>
<p>Neither side gave details of the proposals discussed, but both described the atmosphere as
businesslike and said the written responses would be shared with allies before publication.</p>
</article>
<footer>Copyright Daily Planet. All rights reserved.</footer>
</body></html>"#;

    /// Furniture that templates place inside the article (named `article-…`, which
    /// readability alone keeps): a breadcrumb, a byline block, a newsletter box, a share row and
    /// a list of related stories are dropped; a wrapper whose name mentions a share bar but
    /// holds the story is kept.
    #[test]
    fn furniture_named_inside_the_article_is_dropped() {
        let story =
            "<p>The harbour authority said on Tuesday that the new ferry terminal would open \
            in the spring, two years later than planned, after a long dispute over its cost.</p>"
                .repeat(4);
        let page = format!(
            r##"<html><body><article>
<div class="article-breadcrumb"><a href="/">Home</a> / <a href="/local">Local</a> / Ferry</div>
<h1>Ferry terminal delayed</h1>
<div class="article-byline">By Kim Osei, Harbour Reporter</div>
<div class="content-with-sharebar">{story}
<div class="article-share"><a href="#">Facebook</a> <a href="#">Email</a></div></div>
<div class="article-newsletter"><p>Get the morning briefing in your inbox. Sign up now.</p></div>
<ul class="article-related"><li><a href="/a">Council backs new bridge over the river</a></li>
<li><a href="/b">Tram line extension to reach the harbour by next year</a></li></ul>
</article></body></html>"##
        );
        let text = extract(&page, None).text;
        assert!(text.contains("new ferry terminal would open"), "{text}");
        for furniture in [
            "Home",
            "Harbour Reporter",
            "Facebook",
            "morning briefing",
            "Tram line",
        ] {
            assert!(!text.contains(furniture), "{furniture} in {text}");
        }
    }

    #[test]
    fn meta_tags_give_date_source_title_and_url() {
        let page = extract(PAGE, None);
        assert_eq!(page.date, NaiveDate::from_ymd_opt(2022, 1, 26));
        assert_eq!(page.source.as_deref(), Some("Daily Planet"));
        assert_eq!(
            page.url.as_deref(),
            Some("https://planet.example/ministers-meet")
        );
        assert_eq!(page.title.as_deref(), Some("Ministers meet | Daily Planet"));
        assert!(page.text.contains("met in Geneva"), "{}", page.text);
        assert!(!page.text.contains("All rights reserved"), "{}", page.text);
        assert!(page.text.contains("\n\n"), "paragraphs kept: {}", page.text);
        assert!(page.warning.is_none());
    }

    #[test]
    fn json_ld_beats_meta_tags_for_title_source_and_author() {
        let html = PAGE.replace(
            "</head>",
            r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
{"@type":"WebSite","name":"x"},
{"@type":"NewsArticle","headline":"Ministers meet in Geneva","datePublished":"2022-01-25",
 "author":[{"@type":"Person","name":"Dana Whitfield"}],"publisher":{"@type":"Organization","name":"Planet News"}}]}
</script></head>"#,
        );
        let page = extract(&html, None);
        assert_eq!(page.title.as_deref(), Some("Ministers meet in Geneva"));
        // For the date, publication meta tags come first, as in htmldate's order of evidence.
        assert_eq!(page.date, NaiveDate::from_ymd_opt(2022, 1, 26));
        assert_eq!(page.source.as_deref(), Some("Planet News"));
        assert_eq!(page.author.as_deref(), Some("Dana Whitfield"));
    }

    #[test]
    fn time_element_gives_the_date() {
        let html = "<html><body><p>Short note.</p><time datetime=\"2021-12-17\">17 Dec</time></body></html>";
        let page = extract(html, None);
        assert_eq!(page.date, NaiveDate::from_ymd_opt(2021, 12, 17));
        assert!(page.text.contains("Short note."));
    }

    #[test]
    fn malformed_html_keeps_its_text() {
        let html = "<html><body><div><p>Unclosed paragraph one <b>bold <i>tangled</b> text\
                    <p>Second <span>paragraph</div></p></i> end <table><tr><td>cell";
        let page = extract(html, None);
        assert!(
            page.text.contains("Unclosed paragraph one"),
            "{}",
            page.text
        );
        assert!(page.text.contains("Second paragraph"), "{}", page.text);
    }

    #[test]
    fn page_dates_are_validated() {
        assert_eq!(parse_page_date("2022-02-30"), None);
        assert_eq!(
            parse_page_date("2020-01-02T08:00:00Z"),
            NaiveDate::from_ymd_opt(2020, 1, 2)
        );
        assert_eq!(
            parse_page_date("January 24, 2022"),
            NaiveDate::from_ymd_opt(2022, 1, 24)
        );
        assert_eq!(parse_page_date("0001-01-01"), None);
    }
}
