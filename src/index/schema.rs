//! The tantivy schema: one document per passage, with its article's metadata copied onto it.
//!
//! Field names double as the query language's field names (`title:`, `speaker:`, `source:`,
//! `kind:`, `article:`), so they are chosen for people typing queries.

use tantivy::schema::{
    DateOptions, DateTimePrecision, FacetOptions, Field, IndexRecordOption, NumericOptions, Schema,
    TextFieldIndexing, TextOptions, FAST, STORED, STRING,
};

/// Bumped whenever the schema or what is stored in it changes; an index built with another
/// version is refused with advice to rebuild it.
pub const SCHEMA_VERSION: u32 = 8;

/// English stemming with accents folded (see `index::analysis`), for the text and title.
pub const STEMMED: &str = super::analysis::FOLDED_STEM;
/// Lowercasing with accents folded, for speaker and source names.
const NAMES: &str = super::analysis::FOLDED;
/// Lowercasing tokenizer without stemming or folding, for `--exact`: words as written.
pub const LOWERCASE: &str = "default";

/// Handles to every field, resolved once.
#[derive(Clone, Copy, Debug)]
pub struct Fields {
    pub article: Field,
    pub paragraph: Field,
    pub start: Field,
    pub end: Field,
    pub kind: Field,
    pub title: Field,
    pub title_exact: Field,
    pub text: Field,
    pub text_exact: Field,
    /// Neighbouring word pairs of the text, for two-word phrases (see `index::pairs`).
    pub text_pairs: Field,
    /// Canonical name and every variant merged into it, for `--speaker` and `speaker:`.
    pub speaker: Field,
    /// `/Canonical Name`, for counts.
    pub speaker_facet: Field,
    /// The speaker as the passage's article writes it, with its kind and merged name (see
    /// `index::spellings`), so each run can merge names afresh.
    pub speaker_spelling: Field,
    /// `person` or `organisation`, for `speaker_kind:` and for showing a passage.
    pub speaker_kind: Field,
    /// `/Canonical Name` of organisation speakers only, so listings can tell the two kinds
    /// apart from the dictionaries alone.
    pub organisation_facet: Field,
    pub evidence: Field,
    pub source: Field,
    pub source_facet: Field,
    pub date: Field,
    /// `/YYYY-MM-DD`, for counts.
    pub date_facet: Field,
    pub date_origin: Field,
    pub source_origin: Field,
    pub url: Field,
    /// The article's content hash, on its first passage only (as are `fingerprint` and
    /// `file`): only `NewsIndex::catalog` reads them, and one copy per article is enough.
    pub content_hash: Field,
    /// Content plus metadata inputs: tells an unchanged article from a changed one.
    pub fingerprint: Field,
    /// The file the article was read from (absolute, through its input root), so a run over
    /// a folder knows which of its articles' files are gone.
    pub file: Field,
    /// 1 on each article's first passage, so articles can be counted like passages.
    pub first_passage: Field,
}

fn text_field(tokenizer: &str, stored: bool) -> TextOptions {
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(tokenizer)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let options = TextOptions::default().set_indexing_options(indexing);
    if stored {
        options.set_stored()
    } else {
        options
    }
}

/// Pairs need no positions: a pair already is the two words next to each other.
fn pairs_field() -> TextOptions {
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(super::pairs::PAIRS)
        .set_index_option(IndexRecordOption::WithFreqs);
    TextOptions::default().set_indexing_options(indexing)
}

/// Builds the schema and the field handles that go with it.
pub fn build() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let stored_number = NumericOptions::default().set_stored();
    let fields = Fields {
        article: builder.add_text_field("article", STRING | STORED | FAST),
        paragraph: builder
            .add_u64_field("paragraph", stored_number.clone().set_indexed().set_fast()),
        start: builder.add_u64_field("start", stored_number.clone()),
        end: builder.add_u64_field("end", stored_number),
        kind: builder.add_text_field("kind", STRING | STORED),
        title: builder.add_text_field("title", text_field(STEMMED, true)),
        title_exact: builder.add_text_field("title_exact", text_field(LOWERCASE, false)),
        text: builder.add_text_field("text", text_field(STEMMED, true)),
        text_exact: builder.add_text_field("text_exact", text_field(LOWERCASE, false)),
        text_pairs: builder.add_text_field("text_pairs", pairs_field()),
        speaker: builder.add_text_field("speaker", text_field(NAMES, false)),
        speaker_facet: builder
            .add_facet_field("speaker_facet", FacetOptions::default().set_stored()),
        speaker_spelling: builder
            .add_facet_field("speaker_spelling", FacetOptions::default().set_stored()),
        speaker_kind: builder.add_text_field("speaker_kind", STRING | STORED),
        organisation_facet: builder.add_facet_field("organisation_facet", FacetOptions::default()),
        evidence: builder.add_text_field("evidence", STORED),
        source: builder.add_text_field("source", text_field(NAMES, false)),
        source_facet: builder.add_facet_field("source_facet", FacetOptions::default().set_stored()),
        date: builder.add_date_field(
            "date",
            DateOptions::default()
                .set_indexed()
                .set_stored()
                .set_fast()
                .set_precision(DateTimePrecision::Seconds),
        ),
        date_facet: builder.add_facet_field("date_facet", FacetOptions::default()),
        date_origin: builder.add_text_field("date_origin", STORED),
        source_origin: builder.add_text_field("source_origin", STORED),
        url: builder.add_text_field("url", STORED),
        content_hash: builder.add_text_field("content_hash", STRING | FAST),
        fingerprint: builder.add_text_field("fingerprint", STRING | FAST),
        file: builder.add_text_field("file", STRING | FAST),
        first_passage: builder
            .add_u64_field("first_passage", NumericOptions::default().set_indexed()),
    };
    (builder.build(), fields)
}
