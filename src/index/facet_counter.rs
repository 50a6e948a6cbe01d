//! Counting one-level facet values (speaker, source, day) over a match set.
//!
//! Tantivy's `FacetCollector` handles facet hierarchies and turns every counted value back
//! into text one at a time; our facets are flat, so counting term ordinals per segment and
//! decoding only the non-zero ones, in one sorted pass over the dictionary, is much cheaper.

use std::collections::HashMap;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::fastfield::FacetReader;
use tantivy::schema::Facet;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use super::facet_value;

/// Counts the values of a flat facet field among the collected documents.
pub struct FacetCounter {
    field: String,
}

impl FacetCounter {
    pub fn for_field(field: &str) -> FacetCounter {
        FacetCounter {
            field: field.to_string(),
        }
    }
}

pub struct SegmentFacetCounter {
    reader: FacetReader,
    counts: Vec<u64>,
}

impl Collector for FacetCounter {
    type Fruit = HashMap<String, u64>;
    type Child = SegmentFacetCounter;

    fn for_segment(
        &self,
        _segment_local_id: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentFacetCounter> {
        let reader = segment.facet_reader(&self.field)?;
        let counts = vec![0; reader.num_facets()];
        Ok(SegmentFacetCounter { reader, counts })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(
        &self,
        segment_counts: Vec<HashMap<String, u64>>,
    ) -> tantivy::Result<HashMap<String, u64>> {
        let mut merged = HashMap::new();
        for counts in segment_counts {
            for (value, count) in counts {
                *merged.entry(value).or_insert(0) += count;
            }
        }
        Ok(merged)
    }
}

impl SegmentCollector for SegmentFacetCounter {
    type Fruit = HashMap<String, u64>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        for ord in self.reader.facet_ords(doc) {
            if let Some(count) = self.counts.get_mut(ord as usize) {
                *count += 1;
            }
        }
    }

    fn harvest(self) -> HashMap<String, u64> {
        let (ords, counts): (Vec<u64>, Vec<u64>) = self
            .counts
            .iter()
            .enumerate()
            .filter(|(_, &count)| count > 0)
            .map(|(ord, &count)| (ord as u64, count))
            .unzip();
        let mut values = Vec::with_capacity(ords.len());
        // A dictionary that cannot be read leaves the counts it could read; the index's own
        // integrity is checked when it is opened.
        let _ = self
            .reader
            .facet_dict()
            .sorted_ords_to_term_cb(&ords, |bytes| {
                let value = Facet::from_encoded(bytes.to_vec())
                    .map(|facet| facet_value(&facet))
                    .unwrap_or_default();
                values.push(value);
            });
        values.into_iter().zip(counts).collect()
    }
}
