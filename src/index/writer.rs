//! Writing passages: article by article, committed once per run.
//!
//! Each article's passages replace whatever the index held for that article id, so
//! re-indexing a changed file never leaves stale passages. Nothing is visible to readers until
//! [`PassageWriter::commit`], which makes a run all-or-nothing.

use std::collections::{BTreeSet, HashMap};

use anyhow::{Context, Result};
use chrono::{NaiveDate, NaiveTime};
use tantivy::index::SegmentId;
use tantivy::indexer::NoMergePolicy;
use tantivy::schema::{Facet, Value};
use tantivy::{DateTime, Index, IndexWriter, SegmentReader, TantivyDocument, Term};

use super::{Fields, SpeakerSpelling};
use crate::model::{Article, Passage, SpeakerKind};

pub struct PassageWriter {
    writer: IndexWriter,
    fields: Fields,
    /// Each article id written, with the order its first passage was written in: segments are
    /// compacted in that order (see [`PassageWriter::finish`]).
    written: HashMap<String, usize>,
}

impl PassageWriter {
    pub(super) fn new(writer: IndexWriter, fields: Fields) -> PassageWriter {
        PassageWriter {
            writer,
            fields,
            written: HashMap::new(),
        }
    }

    /// For a bulk load that [`PassageWriter::finish`] compacts into one segment: no merges
    /// while writing, which would only rewrite passages the compaction rewrites again, and
    /// which take segments in no fixed order, losing the writing order.
    pub fn without_background_merges(&mut self) {
        self.writer.set_merge_policy(Box::new(NoMergePolicy));
    }

    /// Queues the removal of an article's passages.
    pub fn delete_article(&mut self, id: &str) {
        self.writer
            .delete_term(Term::from_field_text(self.fields.article, id));
    }

    /// Queues the removal of every passage, for `--rebuild`.
    pub fn delete_all(&mut self) -> Result<()> {
        self.writer.delete_all_documents()?;
        Ok(())
    }

    /// Queues the article's passages, replacing any it had.
    ///
    /// `speaker_names` gives, for each canonical speaker, the names to match it by. `replaces`
    /// says whether the index (or this run) may already hold passages of this article id: only
    /// then is a delete queued, as tantivy applies every delete to every segment written
    /// before it, which made deletes a visible share of a bulk load.
    pub fn replace_article(
        &mut self,
        article: &Article,
        passages: &[Passage],
        speaker_names: &dyn Fn(&str) -> BTreeSet<String>,
        replaces: bool,
    ) -> Result<()> {
        if replaces {
            self.writer
                .delete_term(Term::from_field_text(self.fields.article, &article.id));
        }
        let next = self.written.len();
        self.written.entry(article.id.clone()).or_insert(next);
        for (i, passage) in passages.iter().enumerate() {
            let mut document = self.document(article, passage, speaker_names);
            if i == 0 {
                // What only the catalog reads (`NewsIndex::catalog`) is kept once per article.
                let f = &self.fields;
                document.add_u64(f.first_passage, 1);
                document.add_text(f.content_hash, &article.content_hash);
                document.add_text(f.fingerprint, &article.fingerprint);
                document.add_text(f.file, &article.file);
            }
            self.writer
                .add_document(document)
                .with_context(|| format!("cannot index article {}", article.id))?;
        }
        Ok(())
    }

    fn document(
        &self,
        article: &Article,
        passage: &Passage,
        speaker_names: &dyn Fn(&str) -> BTreeSet<String>,
    ) -> TantivyDocument {
        let f = &self.fields;
        let mut doc = TantivyDocument::default();
        doc.add_text(f.article, &article.id);
        doc.add_u64(f.paragraph, u64::from(passage.paragraph));
        doc.add_u64(f.start, passage.start as u64);
        doc.add_u64(f.end, passage.end as u64);
        doc.add_text(f.kind, passage.kind.as_str());
        doc.add_text(f.text, &passage.text);
        doc.add_text(f.text_exact, &passage.text);
        doc.add_text(f.text_pairs, &passage.text);
        if let Some(title) = &article.title {
            doc.add_text(f.title, title);
            doc.add_text(f.title_exact, title);
        }
        if let Some(speaker) = &passage.speaker {
            doc.add_facet(f.speaker_facet, Facet::from_path([speaker.as_str()]));
            if let Some(kind) = passage.speaker_kind {
                let spelling = SpeakerSpelling {
                    kind,
                    written: passage
                        .written_speaker
                        .clone()
                        .unwrap_or_else(|| speaker.clone()),
                    canonical: speaker.clone(),
                };
                doc.add_facet(f.speaker_spelling, spelling.facet());
                doc.add_text(f.speaker_kind, kind.as_str());
                if kind == SpeakerKind::Organisation {
                    doc.add_facet(f.organisation_facet, Facet::from_path([speaker.as_str()]));
                }
            }
            for name in speaker_names(speaker) {
                doc.add_text(f.speaker, name);
            }
        }
        if let Some(evidence) = &passage.evidence {
            doc.add_text(f.evidence, evidence);
        }
        if let Some(source) = &article.source {
            doc.add_text(f.source, source);
            doc.add_facet(f.source_facet, Facet::from_path([source.as_str()]));
        }
        doc.add_text(f.source_origin, article.source_origin.as_str());
        if let Some(date) = article.date {
            doc.add_date(f.date, to_datetime(date));
            doc.add_facet(f.date_facet, Facet::from_path([date.to_string()]));
        }
        doc.add_text(f.date_origin, article.date_origin.as_str());
        if let Some(url) = &article.url {
            doc.add_text(f.url, url);
        }
        doc
    }

    /// Makes everything queued visible at once, recording the schema version.
    pub fn commit(&mut self) -> Result<()> {
        let mut prepared = self.writer.prepare_commit()?;
        prepared.set_payload(&super::payload());
        prepared.commit()?;
        Ok(())
    }

    /// Waits for background merges so the index is compact when the process exits.
    ///
    /// With `compact`, the committed segments are then merged into one: queries then pay
    /// per-segment costs (term lookups, facet decoding) once. Worth it after a bulk load, not
    /// after adding a few articles to a large index. The merge policy's own merges are waited
    /// for first, so the compaction never asks for segments a merge has already consumed.
    /// The merged segment holds the passages in the order they were written (see
    /// [`write_order`]), as a single segment does.
    pub fn finish(self, compact: bool) -> Result<()> {
        let index = self.writer.index().clone();
        self.writer.wait_merging_threads()?;
        if compact {
            let segments = write_order(&index, self.fields, &self.written)?;
            if segments.len() > 1 {
                let mut writer: IndexWriter =
                    index.writer_with_num_threads(1, COMPACTION_HEAP_BYTES)?;
                writer.set_merge_policy(Box::new(NoMergePolicy));
                writer.merge(&segments).wait()?;
                writer.wait_merging_threads()?;
            }
        }
        Ok(())
    }
}

/// The committed segments, those holding passages written by this writer last and in the
/// order they were written, so a merge keeps the writing order.
///
/// tantivy lists segments in no fixed order (its register is a hash map), so a merge of the
/// segments of one bulk load put its passages in a different order on each run. Each segment
/// of this writer holds a run of consecutive passages; its first passage (article id,
/// paragraph, offset) tells where that run began. Earlier segments, holding no passage of this
/// run, come first, ordered by segment id.
fn write_order(
    index: &Index,
    fields: Fields,
    written: &HashMap<String, usize>,
) -> Result<Vec<SegmentId>> {
    let mut keyed = Vec::new();
    for meta in index.searchable_segment_metas()? {
        let id = meta.id();
        let reader = SegmentReader::open(&index.segment(meta))?;
        let first: Option<TantivyDocument> = if reader.max_doc() > 0 {
            Some(reader.get_store_reader(1)?.get(0)?)
        } else {
            None
        };
        let number = |doc: &TantivyDocument, field| {
            doc.get_first(field).and_then(|v| v.as_u64()).unwrap_or(0)
        };
        let key = first.and_then(|doc| {
            let article = doc.get_first(fields.article).and_then(|v| v.as_str())?;
            let order = *written.get(article)?;
            Some((
                order,
                number(&doc, fields.paragraph),
                number(&doc, fields.start),
            ))
        });
        keyed.push((key, id.uuid_string(), id));
    }
    keyed.sort();
    Ok(keyed.into_iter().map(|(_, _, id)| id).collect())
}

/// Memory for the writer that only merges (tantivy's minimum per thread).
const COMPACTION_HEAP_BYTES: usize = 15_000_000;

/// Midnight UTC of a day, as tantivy stores dates.
pub fn to_datetime(date: NaiveDate) -> DateTime {
    DateTime::from_timestamp_secs(date.and_time(NaiveTime::MIN).and_utc().timestamp())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::NewsIndex;
    use crate::model::{Origin, PassageKind};

    fn article(id: &str) -> Article {
        Article {
            id: id.to_string(),
            title: None,
            source: None,
            source_origin: Origin::None,
            date: None,
            date_origin: Origin::None,
            url: None,
            text: String::new(),
            paragraphs: Vec::new(),
            content_hash: id.to_string(),
            fingerprint: id.to_string(),
            file: id.to_string(),
        }
    }

    fn passage(paragraph: u32) -> Passage {
        Passage {
            paragraph,
            start: 0,
            end: 4,
            text: "text".to_string(),
            kind: PassageKind::Narration,
            speaker: None,
            written_speaker: None,
            speaker_kind: None,
            evidence: None,
        }
    }

    /// Each commit leaves a segment; the compaction must keep the writing order, which
    /// tantivy's segment list (a hash map's order) did not.
    #[test]
    fn compaction_keeps_the_writing_order() {
        let dir = tempfile::tempdir().unwrap();
        let index = NewsIndex::create(dir.path()).unwrap();
        let mut writer = index.writer().unwrap();
        writer.without_background_merges();
        let names = |s: &str| BTreeSet::from([s.to_string()]);
        // Articles out of id order, one split over two segments.
        let ids = ["f", "c", "a", "e", "b", "d", "g", "h"];
        for id in ids {
            writer
                .replace_article(&article(id), &[passage(0)], &names, false)
                .unwrap();
            if id == "g" {
                writer.commit().unwrap();
            }
            writer
                .replace_article(&article(id), &[passage(1)], &names, false)
                .unwrap();
            writer.commit().unwrap();
        }
        writer.finish(true).unwrap();
        let reader = index.reader().unwrap();
        let searcher = reader.searcher();
        assert_eq!(searcher.segment_readers().len(), 1);
        let segment = &searcher.segment_readers()[0];
        let store = segment.get_store_reader(1).unwrap();
        let fields = index.fields();
        let order: Vec<(String, u64)> = (0..segment.max_doc())
            .map(|d| {
                let doc: TantivyDocument = store.get(d).unwrap();
                let id = doc.get_first(fields.article).and_then(|v| v.as_str());
                let paragraph = doc.get_first(fields.paragraph).and_then(|v| v.as_u64());
                (id.unwrap().to_string(), paragraph.unwrap())
            })
            .collect();
        let expected: Vec<(String, u64)> = ids
            .iter()
            .flat_map(|id| [(id.to_string(), 0), (id.to_string(), 1)])
            .collect();
        assert_eq!(order, expected);
    }
}
