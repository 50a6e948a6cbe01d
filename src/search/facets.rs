//! Facet counts over the whole match set: by speaker, source and date.
//!
//! Each passage has at most one value per facet, so the passages with none are simply the
//! total minus the counted ones; they are reported as `unknown`. Dates are indexed by day and
//! rolled up here to months or years on request.

use std::collections::BTreeMap;

use std::collections::HashMap;

use crate::index::{sorted_counts, FacetCounter};

/// The value that stands for "no speaker / no source / no date".
pub const UNKNOWN: &str = "unknown";

/// Date bucket size.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FacetBy {
    #[default]
    Day,
    Month,
    Year,
}

/// `(value, count)` lists, most frequent first (dates in date order).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FacetCounts {
    pub speaker: Vec<(String, u64)>,
    pub source: Vec<(String, u64)>,
    pub date: Vec<(String, u64)>,
}

/// Counted values of the speaker, source and date facets.
pub(super) type Collected = (
    HashMap<String, u64>,
    HashMap<String, u64>,
    HashMap<String, u64>,
);

pub(super) fn collectors() -> (FacetCounter, FacetCounter, FacetCounter) {
    (
        FacetCounter::for_field("speaker_facet"),
        FacetCounter::for_field("source_facet"),
        FacetCounter::for_field("date_facet"),
    )
}

pub(super) fn counts(collected: Collected, by: FacetBy, total: u64) -> FacetCounts {
    let (speaker, source, date) = collected;
    FacetCounts {
        speaker: with_unknown(sorted_counts(speaker), total),
        source: with_unknown(sorted_counts(source), total),
        date: with_unknown(roll_up(date.into_iter().collect(), by), total),
    }
}

/// Appends the `unknown` count when some passages had no value.
fn with_unknown(mut values: Vec<(String, u64)>, total: u64) -> Vec<(String, u64)> {
    let known: u64 = values.iter().map(|(_, n)| n).sum();
    if known < total {
        values.push((UNKNOWN.to_string(), total - known));
    }
    values
}

/// Groups `YYYY-MM-DD` counts into days, months or years, in date order.
pub fn roll_up(days: Vec<(String, u64)>, by: FacetBy) -> Vec<(String, u64)> {
    let width = match by {
        FacetBy::Day => 10,
        FacetBy::Month => 7,
        FacetBy::Year => 4,
    };
    let mut buckets: BTreeMap<String, u64> = BTreeMap::new();
    for (day, count) in days {
        let bucket = day.get(..width).unwrap_or(&day).to_string();
        *buckets.entry(bucket).or_default() += count;
    }
    buckets.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days() -> Vec<(String, u64)> {
        vec![
            ("2022-01-26".into(), 3),
            ("2021-12-31".into(), 1),
            ("2022-01-14".into(), 2),
            ("2022-02-01".into(), 1),
        ]
    }

    #[test]
    fn days_come_in_date_order() {
        let rolled = roll_up(days(), FacetBy::Day);
        assert_eq!(rolled[0], ("2021-12-31".to_string(), 1));
        assert_eq!(rolled[3], ("2022-02-01".to_string(), 1));
    }

    #[test]
    fn months_and_years_add_up() {
        assert_eq!(
            roll_up(days(), FacetBy::Month),
            vec![
                ("2021-12".to_string(), 1),
                ("2022-01".to_string(), 5),
                ("2022-02".to_string(), 1)
            ]
        );
        assert_eq!(
            roll_up(days(), FacetBy::Year),
            vec![("2021".to_string(), 1), ("2022".to_string(), 6)]
        );
    }

    #[test]
    fn the_rest_is_unknown() {
        let values = with_unknown(vec![("A".into(), 2)], 5);
        assert_eq!(values.last(), Some(&(UNKNOWN.to_string(), 3)));
        assert_eq!(with_unknown(vec![("A".into(), 5)], 5).len(), 1);
    }
}
