//! Cutting a page out of ranked candidates, with equal scores ordered by article id and then
//! paragraph, so that the same index always gives the same page.
//!
//! Ids are read only for candidates that tie with a neighbour: most never do, and turning a
//! term ordinal back into an id is the costly step. Not about scoring: candidates arrive ranked.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use anyhow::Result;
use tantivy::columnar::{Column, StrColumn};
use tantivy::index::SegmentId;
use tantivy::{DocAddress, Score, Searcher, SegmentReader};

/// The fast-field columns ties are ordered by, opened once per segment.
///
/// Opening a column parses its block index, which on a large segment costs more than all the
/// lookups of one search. Segments never change, so a column opened once stays valid.
#[derive(Default)]
pub(super) struct Ties {
    columns: Mutex<HashMap<SegmentId, Arc<SegmentColumns>>>,
}

struct SegmentColumns {
    articles: Option<StrColumn>,
    paragraphs: Column<u64>,
}

/// Where a tied passage sits: its article id and paragraph, which order ties.
///
/// A segment's dictionary is sorted, so within one segment an id's term ordinal orders as the
/// id itself does. When every tied passage is in one segment (always, in a compacted index) the
/// ordinals stand in for the ids; otherwise the ids are decoded. Keys from one call are all of
/// one kind, so the derived order never compares an ordinal with an id.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum TieKey {
    Ordinal(Option<u64>, u64),
    Id(String, u64),
}

impl Ties {
    /// Orders candidates by (date key, score) descending, then article id and paragraph, and
    /// cuts the requested page.
    pub(super) fn page(
        &self,
        searcher: &Searcher,
        mut ranked: Vec<(i64, Score, DocAddress)>,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<(Score, DocAddress)>> {
        let by_key = |a: &(i64, Score, DocAddress), b: &(i64, Score, DocAddress)| {
            b.0.cmp(&a.0).then(b.1.total_cmp(&a.1))
        };
        ranked.sort_by(|a, b| by_key(a, b).then(a.2.cmp(&b.2)));
        let ties = |i: usize| {
            let same = |j: usize| {
                ranked
                    .get(j)
                    .is_some_and(|other| by_key(&ranked[i], other).is_eq())
            };
            (i > 0 && same(i - 1)) || same(i + 1)
        };
        let tied: Vec<DocAddress> = (0..ranked.len())
            .filter(|&i| ties(i))
            .map(|i| ranked[i].2)
            .collect();
        let mut keys = self.keys(searcher, &tied)?;
        let mut keyed: Vec<_> = ranked
            .iter()
            .map(|&(date, score, address)| (date, score, keys.remove(&address), address))
            .collect();
        keyed.sort_by(|a, b| {
            b.0.cmp(&a.0)
                .then(b.1.total_cmp(&a.1))
                .then_with(|| a.2.cmp(&b.2))
                .then(a.3.cmp(&b.3))
        });
        Ok(keyed
            .into_iter()
            .skip(offset)
            .take(limit)
            .map(|(_, score, _, address)| (score, address))
            .collect())
    }

    /// The [`TieKey`] of each passage, from fast fields (no stored-document read).
    ///
    /// Ids are decoded per segment in one sorted pass over its dictionary, the cheap way to
    /// turn term ordinals back into text.
    fn keys(
        &self,
        searcher: &Searcher,
        addresses: &[DocAddress],
    ) -> Result<HashMap<DocAddress, TieKey>> {
        let mut by_segment: HashMap<u32, Vec<DocAddress>> = HashMap::new();
        for &address in addresses {
            by_segment
                .entry(address.segment_ord)
                .or_default()
                .push(address);
        }
        let one_segment = by_segment.len() == 1;
        let mut keys = HashMap::with_capacity(addresses.len());
        for (segment_ord, docs) in by_segment {
            let columns = self.columns(searcher, segment_ord)?;
            let Some(ids) = &columns.articles else {
                continue;
            };
            let ords: Vec<Option<u64>> = docs
                .iter()
                .map(|d| ids.term_ords(d.doc_id).next())
                .collect();
            let paragraph =
                |address: &DocAddress| columns.paragraphs.first(address.doc_id).unwrap_or_default();
            if one_segment {
                for (address, ord) in docs.iter().zip(ords) {
                    keys.insert(*address, TieKey::Ordinal(ord, paragraph(address)));
                }
                continue;
            }
            let mut sorted: Vec<u64> = ords.iter().flatten().copied().collect();
            sorted.sort_unstable();
            sorted.dedup();
            let mut names = Vec::with_capacity(sorted.len());
            ids.dictionary().sorted_ords_to_term_cb(&sorted, |bytes| {
                names.push(String::from_utf8_lossy(bytes).into_owned());
            })?;
            for (address, ord) in docs.iter().zip(ords) {
                let article = ord
                    .and_then(|o| sorted.binary_search(&o).ok())
                    .and_then(|k| names.get(k).cloned())
                    .unwrap_or_default();
                keys.insert(*address, TieKey::Id(article, paragraph(address)));
            }
        }
        Ok(keys)
    }

    /// The tie columns of one segment, opened on first use.
    ///
    /// A segment seen for the first time may mean the reader was reloaded and merged segments
    /// went away; their columns (and their files' mappings) are dropped then, so a long-lived
    /// engine does not keep them forever and the common case pays nothing for the check.
    fn columns(&self, searcher: &Searcher, segment_ord: u32) -> Result<Arc<SegmentColumns>> {
        let segment = searcher.segment_reader(segment_ord);
        // A panic elsewhere cannot leave the map half-written: entries are inserted whole.
        let mut opened = self.columns.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(columns) = opened.get(&segment.segment_id()) {
            return Ok(Arc::clone(columns));
        }
        let live: Vec<SegmentId> = searcher
            .segment_readers()
            .iter()
            .map(SegmentReader::segment_id)
            .collect();
        opened.retain(|id, _| live.contains(id));
        let fast = segment.fast_fields();
        let columns = Arc::new(SegmentColumns {
            articles: fast.str("article")?,
            paragraphs: fast.u64("paragraph")?,
        });
        opened.insert(segment.segment_id(), Arc::clone(&columns));
        Ok(columns)
    }
}
