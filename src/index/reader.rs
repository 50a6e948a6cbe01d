//! Reading passages back: documents to [`StoredPassage`]s, whole articles, facet values.

use anyhow::Result;
use chrono::DateTime as ChronoDateTime;
use std::collections::HashMap;

use tantivy::collector::TopDocs;
use tantivy::query::{AllQuery, TermQuery};
use tantivy::schema::{Facet, IndexRecordOption, OwnedValue, Value};
use tantivy::{Searcher, TantivyDocument, Term};

use super::{FacetCounter, Fields, NewsIndex, SpeakerSpelling};
use crate::model::{Origin, PassageKind, SpeakerKind, StoredPassage};

impl NewsIndex {
    /// Every passage of one article, in text order; empty when the id is unknown.
    pub fn article_passages(
        &self,
        searcher: &Searcher,
        article_id: &str,
    ) -> Result<Vec<StoredPassage>> {
        let query = TermQuery::new(
            Term::from_field_text(self.fields.article, article_id),
            IndexRecordOption::Basic,
        );
        let limit = searcher.num_docs().max(1) as usize;
        let addresses = searcher.search(&query, &TopDocs::with_limit(limit).order_by_score())?;
        let mut passages = addresses
            .into_iter()
            .map(|(_, address)| Ok(stored_passage(&self.fields, &searcher.doc(address)?)))
            .collect::<Result<Vec<_>>>()?;
        passages.sort_by_key(|p| (p.paragraph, p.start));
        Ok(passages)
    }

    /// Every value of a facet field (`speaker_facet`, `source_facet`, `date_facet`) with its
    /// passage count, most frequent first.
    pub fn facet_values(&self, searcher: &Searcher, field: &str) -> Result<Vec<(String, u64)>> {
        let counts = searcher.search(&AllQuery, &FacetCounter::for_field(field))?;
        Ok(sorted_counts(counts))
    }

    /// Every value of a facet field, without counting: read from the term dictionaries.
    pub fn known_values(&self, searcher: &Searcher, field: &str) -> Result<Vec<String>> {
        // Each dictionary is sorted, so a sort and dedup of the whole list is cheap; a set
        // insert per value cost more than reading the dictionary.
        let mut values = Vec::new();
        for segment in searcher.segment_readers() {
            let reader = segment.facet_reader(field)?;
            let mut stream = reader.facet_dict().stream()?;
            while stream.advance() {
                if let Ok(facet) = Facet::from_encoded(stream.key().to_vec()) {
                    values.push(facet_value(&facet));
                }
            }
        }
        values.sort_unstable();
        values.dedup();
        Ok(values)
    }
}

/// Value counts as `(value, count)`, by count then value.
pub fn sorted_counts(counts: HashMap<String, u64>) -> Vec<(String, u64)> {
    let mut values: Vec<(String, u64)> = counts.into_iter().collect();
    values.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    values
}

/// The last segment of a one-level facet: `/Sergei Lavrov` → `Sergei Lavrov`.
pub fn facet_value(facet: &Facet) -> String {
    facet
        .to_path()
        .last()
        .map(|s| s.to_string())
        .unwrap_or_default()
}

/// Converts a stored document back into plain data.
pub fn stored_passage(fields: &Fields, doc: &TantivyDocument) -> StoredPassage {
    let text = |field| {
        doc.get_first(field)
            .and_then(|v| v.as_str())
            .map(str::to_string)
    };
    let number = |field| doc.get_first(field).and_then(|v| v.as_u64()).unwrap_or(0);
    let facet = |field| {
        doc.get_first(field)
            .and_then(|v| v.as_facet())
            .and_then(|encoded| Facet::from_encoded(encoded.as_bytes().to_vec()).ok())
            .map(|f| facet_value(&f))
    };
    let origin = |field| match text(field).as_deref() {
        Some("manifest") => Origin::Manifest,
        Some("page") => Origin::Page,
        Some("text") => Origin::Text,
        Some("flag") => Origin::Flag,
        _ => Origin::None,
    };
    let date = doc
        .get_first(fields.date)
        .and_then(|v| match OwnedValue::from(v) {
            OwnedValue::Date(date) => ChronoDateTime::from_timestamp(date.into_timestamp_secs(), 0),
            _ => None,
        })
        .map(|dt| dt.date_naive());
    StoredPassage {
        article_id: text(fields.article).unwrap_or_default(),
        paragraph: number(fields.paragraph) as u32,
        start: number(fields.start) as usize,
        end: number(fields.end) as usize,
        kind: text(fields.kind)
            .and_then(|k| PassageKind::parse(&k))
            .unwrap_or(PassageKind::Narration),
        title: text(fields.title),
        text: text(fields.text).unwrap_or_default(),
        speaker: facet(fields.speaker_facet),
        written_speaker: facet(fields.speaker_spelling)
            .and_then(|value| SpeakerSpelling::parse(&value))
            .map(|spelling| spelling.written),
        speaker_kind: text(fields.speaker_kind).and_then(|k| SpeakerKind::parse(&k)),
        evidence: text(fields.evidence),
        source: facet(fields.source_facet),
        source_origin: origin(fields.source_origin),
        date,
        date_origin: origin(fields.date_origin),
        url: text(fields.url),
    }
}

/// Counts for `newsdex stats`.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Stats {
    pub articles: u64,
    pub passages: u64,
    pub speakers: usize,
    pub by_source: Vec<Count>,
    pub by_date: Vec<Count>,
}

/// Articles and passages for one facet value; `value` is `None` for unknown.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Count {
    pub value: Option<String>,
    pub articles: u64,
    pub passages: u64,
}

impl NewsIndex {
    pub fn stats(&self, searcher: &Searcher) -> Result<Stats> {
        let first_passages = TermQuery::new(
            Term::from_field_u64(self.fields.first_passage, 1),
            IndexRecordOption::Basic,
        );
        let articles = searcher.search(&first_passages, &tantivy::collector::Count)? as u64;
        let passages = searcher.num_docs();
        let counts = |field: &str| -> Result<Vec<Count>> {
            let by_article = searcher.search(&first_passages, &FacetCounter::for_field(field))?;
            let by_passage = self.facet_values(searcher, field)?;
            let mut counts: Vec<Count> = sorted_counts(by_article)
                .into_iter()
                .map(|(value, articles)| Count {
                    passages: by_passage
                        .iter()
                        .find(|(v, _)| *v == value)
                        .map_or(0, |(_, n)| *n),
                    value: Some(value),
                    articles,
                })
                .collect();
            let known_articles: u64 = counts.iter().map(|c| c.articles).sum();
            let known_passages: u64 = counts.iter().map(|c| c.passages).sum();
            if known_articles < articles {
                counts.push(Count {
                    value: None,
                    articles: articles - known_articles,
                    passages: passages - known_passages,
                });
            }
            Ok(counts)
        };
        let mut by_date = counts("date_facet")?;
        by_date.sort_by(|a, b| {
            a.value
                .is_none()
                .cmp(&b.value.is_none())
                .then(a.value.cmp(&b.value))
        });
        Ok(Stats {
            articles,
            passages,
            speakers: self.known_values(searcher, "speaker_facet")?.len(),
            by_source: counts("source_facet")?,
            by_date,
        })
    }
}
