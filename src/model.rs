//! The plain data that flows between the pipeline's stages.
//!
//! Ingest produces [`Article`]s made of [`Paragraph`]s; attribution turns each article's
//! paragraphs into [`Passage`]s that carry a speaker; the index stage stores passages and the
//! search stage hands back [`Hit`]s. Nothing here knows about files, tantivy or terminals.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Where a piece of article metadata (date, source) came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// A `manifest.json` beside the files, or the fields of a JSON Lines record or CSV row.
    Manifest,
    /// A web page's own metadata: JSON-LD, meta tags, `<time>`, its address, or the other
    /// page evidence for dates (see `ingest::page_dates`).
    Page,
    /// Found in the article's own text (a dateline, a byline).
    Text,
    /// Given on the command line (`--source`).
    Flag,
    /// Not known.
    #[default]
    None,
}

impl Origin {
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Manifest => "manifest",
            Origin::Page => "page",
            Origin::Text => "text",
            Origin::Flag => "flag",
            Origin::None => "none",
        }
    }
}

/// The first year an article date may have; earlier dates are treated as unknown.
pub const FIRST_YEAR: i32 = 1800;
/// The last year an article date may have; later dates are treated as unknown.
///
/// The index stores dates as nanoseconds from 1970 in 64 bits, which wraps outside
/// 1677-2262; the documented range stays well inside that.
pub const LAST_YEAR: i32 = 2199;

/// Whether a date lies in the range newsdex stores (`FIRST_YEAR`-01-01 to `LAST_YEAR`-12-31).
pub fn date_in_range(date: NaiveDate) -> bool {
    use chrono::Datelike;
    (FIRST_YEAR..=LAST_YEAR).contains(&date.year())
}

/// One paragraph of an article, with its byte range in [`Article::text`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub text: String,
    /// Byte offset of the paragraph's first byte in the article text.
    pub start: usize,
    /// Web-page furniture (log-in prompts, teasers, photo credits): kept, but out of search by default.
    pub boilerplate: bool,
}

/// One news article, decoded and split, with its metadata.
#[derive(Clone, Debug)]
pub struct Article {
    /// Path relative to the input root without extension (`politics/005`), or the JSONL `id`.
    pub id: String,
    pub title: Option<String>,
    pub source: Option<String>,
    pub source_origin: Origin,
    pub date: Option<NaiveDate>,
    pub date_origin: Origin,
    pub url: Option<String>,
    /// The whole decoded text; paragraphs point into it.
    pub text: String,
    pub paragraphs: Vec<Paragraph>,
    /// BLAKE3 of the raw bytes (or of the record): equal for duplicate articles.
    pub content_hash: String,
    /// BLAKE3 of the content and every metadata input (manifest entry, `--source`): changes
    /// whenever re-indexing the article could give a different result.
    pub fingerprint: String,
    /// The file the article was read from, as an absolute path through its input root.
    pub file: String,
}

/// Who a speaker is: a person, or an organisation speaking as one (a government, a campaign,
/// a company, a newspaper).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    Person,
    Organisation,
}

impl SpeakerKind {
    /// `person` or `organisation`, as stored in the index and printed in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerKind::Person => "person",
            SpeakerKind::Organisation => "organisation",
        }
    }

    /// The kind named by [`SpeakerKind::as_str`].
    pub fn parse(s: &str) -> Option<SpeakerKind> {
        [SpeakerKind::Person, SpeakerKind::Organisation]
            .into_iter()
            .find(|kind| kind.as_str() == s)
    }
}

/// What a passage is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PassageKind {
    /// Words inside quotation marks.
    Quote,
    /// Speech reported without quotation marks ("Lavrov said that ...").
    Reported,
    /// A view, plan or stance ascribed to the speaker rather than words they said ("Ramos
    /// believes ...", "Sanders opposed the deal"): found by `--speaker`, never by
    /// `kind:quote` or `kind:reported`.
    Stance,
    /// Text with no speaker.
    Narration,
    /// Web-page furniture.
    Boilerplate,
}

impl PassageKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PassageKind::Quote => "quote",
            PassageKind::Reported => "reported",
            PassageKind::Stance => "stance",
            PassageKind::Narration => "narration",
            PassageKind::Boilerplate => "boilerplate",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [
            Self::Quote,
            Self::Reported,
            Self::Stance,
            Self::Narration,
            Self::Boilerplate,
        ]
        .into_iter()
        .find(|kind| kind.as_str() == s)
    }
}

/// The unit that is indexed and returned: a run of one paragraph with one speaker or none.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Passage {
    /// Paragraph number in the article, from 0.
    pub paragraph: u32,
    /// Byte range in the article text.
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: PassageKind,
    /// Canonical speaker name, or `None` for narration and unattributed text.
    pub speaker: Option<String>,
    /// The speaker's name as this passage's own article writes it ("Mr Welch"), before names
    /// are merged across the collection into `speaker` ("Peter Welch"); `None` without a
    /// speaker. The index keeps it so every run can merge names afresh from the articles
    /// that stay, whatever order they came in (see `pipeline`).
    #[serde(skip)]
    pub written_speaker: Option<String>,
    /// Whether the speaker is a person or an organisation; `None` without a speaker.
    pub speaker_kind: Option<SpeakerKind>,
    /// Why the speaker was chosen ("explicit: Lavrov said"), for `newsdex show` to display.
    pub evidence: Option<String>,
}

/// A passage as the index returns it: the passage with its article's metadata.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StoredPassage {
    pub article_id: String,
    pub paragraph: u32,
    pub start: usize,
    pub end: usize,
    pub kind: PassageKind,
    pub title: Option<String>,
    pub text: String,
    pub speaker: Option<String>,
    /// As [`Passage::written_speaker`]; not shown to users.
    #[serde(skip)]
    pub written_speaker: Option<String>,
    pub speaker_kind: Option<SpeakerKind>,
    pub evidence: Option<String>,
    pub source: Option<String>,
    pub source_origin: Origin,
    pub date: Option<NaiveDate>,
    pub date_origin: Origin,
    pub url: Option<String>,
}

impl StoredPassage {
    /// `passage` of `article` as the index stores it: the passage with its article's title,
    /// source, date and URL (cloned).
    pub fn of(article: &Article, passage: &Passage) -> StoredPassage {
        StoredPassage {
            article_id: article.id.clone(),
            paragraph: passage.paragraph,
            start: passage.start,
            end: passage.end,
            kind: passage.kind,
            title: article.title.clone(),
            text: passage.text.clone(),
            speaker: passage.speaker.clone(),
            written_speaker: passage.written_speaker.clone(),
            speaker_kind: passage.speaker_kind,
            evidence: passage.evidence.clone(),
            source: article.source.clone(),
            source_origin: article.source_origin,
            date: article.date,
            date_origin: article.date_origin,
            url: article.url.clone(),
        }
    }
}
