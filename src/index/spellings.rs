//! Each speaker as its own article spells it, kept beside the merged name.
//!
//! Names are merged across the collection ("Mr Welch" in one article, "Peter Welch" in
//! another, become one person). The merge depends on every article indexed, so the index keeps
//! what each passage's article wrote, and each run merges afresh from the articles that stay:
//! a merge whose evidence was removed is undone, and the result never depends on the order
//! the articles came in. This module only stores and reads the spellings; `pipeline` decides
//! the merge (with `attribution::canonical_names`).
//!
//! One facet value per passage with a speaker, flat like the other facets:
//! `/{p|o}␟written␟canonical` (kind, the name as written, the name it was merged into; `␟` is
//! U+001F, which no name holds).

use std::collections::HashSet;

use anyhow::Result;
use tantivy::collector::DocSetCollector;
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, TermQuery, TermSetQuery};
use tantivy::schema::{Facet, IndexRecordOption, Term, Value};
use tantivy::{Searcher, TantivyDocument};

use super::{FacetCounter, NewsIndex};
use crate::model::SpeakerKind;

/// Separates the parts of a spelling's facet value.
const SEPARATOR: char = '\u{1f}';

/// A passage's speaker: its kind, the name its article writes, and the name it is indexed under.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SpeakerSpelling {
    pub kind: SpeakerKind,
    pub written: String,
    pub canonical: String,
}

impl SpeakerSpelling {
    /// The facet this spelling is stored as.
    pub fn facet(&self) -> Facet {
        let kind = match self.kind {
            SpeakerKind::Person => 'p',
            SpeakerKind::Organisation => 'o',
        };
        let value = format!(
            "{kind}{SEPARATOR}{}{SEPARATOR}{}",
            self.written, self.canonical
        );
        Facet::from_path([value.as_str()])
    }

    /// Reads a facet's value back; `None` for a value not written by [`Self::facet`].
    pub fn parse(value: &str) -> Option<SpeakerSpelling> {
        let mut parts = value.split(SEPARATOR);
        let kind = match parts.next()? {
            "p" => SpeakerKind::Person,
            "o" => SpeakerKind::Organisation,
            _ => return None,
        };
        let written = parts.next()?.to_string();
        let canonical = parts.next()?.to_string();
        parts.next().is_none().then_some(SpeakerSpelling {
            kind,
            written,
            canonical,
        })
    }
}

impl NewsIndex {
    /// Every speaker spelling in the index with its passage count, leaving out the passages of
    /// `excluded` articles (those a run is about to replace or remove: the searcher still sees
    /// them until the commit). Costs one facet count over the index's passages.
    pub fn speaker_spellings(
        &self,
        searcher: &Searcher,
        excluded: &HashSet<&str>,
    ) -> Result<Vec<(SpeakerSpelling, u64)>> {
        let query: Box<dyn Query> = if excluded.is_empty() {
            Box::new(AllQuery)
        } else {
            let ids = excluded
                .iter()
                .map(|id| Term::from_field_text(self.fields.article, id));
            Box::new(BooleanQuery::new(vec![
                (Occur::Must, Box::new(AllQuery) as Box<dyn Query>),
                (Occur::MustNot, Box::new(TermSetQuery::new(ids))),
            ]))
        };
        let counts = searcher.search(&query, &FacetCounter::for_field("speaker_spelling"))?;
        Ok(counts
            .into_iter()
            .filter_map(|(value, count)| Some((SpeakerSpelling::parse(&value)?, count)))
            .collect())
    }

    /// The ids of the articles with a passage of this spelling, sorted.
    pub fn articles_with_spelling(
        &self,
        searcher: &Searcher,
        spelling: &SpeakerSpelling,
    ) -> Result<Vec<String>> {
        let query = TermQuery::new(
            Term::from_facet(self.fields.speaker_spelling, &spelling.facet()),
            IndexRecordOption::Basic,
        );
        let mut ids = Vec::new();
        for address in searcher.search(&query, &DocSetCollector)? {
            let doc: TantivyDocument = searcher.doc(address)?;
            if let Some(id) = doc.get_first(self.fields.article).and_then(|v| v.as_str()) {
                ids.push(id.to_string());
            }
        }
        ids.sort_unstable();
        ids.dedup();
        Ok(ids)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spelling_survives_its_facet() {
        let spelling = SpeakerSpelling {
            kind: SpeakerKind::Organisation,
            written: "Borders".to_string(),
            canonical: "Borders".to_string(),
        };
        let facet = spelling.facet();
        let value = super::super::facet_value(&facet);
        assert_eq!(SpeakerSpelling::parse(&value), Some(spelling));
        assert_eq!(SpeakerSpelling::parse("Jane Doe"), None);
    }
}
