//! Speaker attribution: who speaks in each part of an article.
//!
//! This stage turns an article's paragraphs into [`Passage`]s, each with one speaker or none.
//! It works on plain text only; it does not read files and knows nothing of the index.

mod article;
mod cast;
mod cues;
mod lexicon;
mod marks;
mod mentions;
mod names;
mod quotes;
mod sentences;
mod subject;
mod tokens;

use std::collections::HashMap;

use crate::model::{Article, Paragraph, Passage, PassageKind};

/// A span of one paragraph with one speaker (or none), as found by the rules.
#[derive(Clone, Debug, PartialEq)]
pub struct Attribution {
    /// Index into the paragraphs given to [`attribute`].
    pub paragraph: usize,
    /// Byte range inside that paragraph's text.
    pub start: usize,
    pub end: usize,
    pub kind: PassageKind,
    /// The fullest form of the speaker's name this article gives.
    pub speaker: Option<String>,
    /// Which cue decided the speaker, for a reader to check.
    pub evidence: Option<String>,
}

/// Splits the article's non-boilerplate paragraphs into spans with one speaker each.
///
/// Boilerplate paragraphs yield nothing. Spans cover each other paragraph's text, in order,
/// without overlaps.
pub fn attribute(paragraphs: &[Paragraph]) -> Vec<Attribution> {
    // Every quotation style as double marks, same byte length, so spans stay valid offsets.
    let marked: Vec<Paragraph> = paragraphs
        .iter()
        .map(|p| Paragraph {
            text: marks::normalise(&p.text),
            ..p.clone()
        })
        .collect();
    let mut spans = article::attribute(&marked);
    for span in &mut spans {
        if let Some(name) = span.speaker.take() {
            match names::speaker_name(&name) {
                Ok(speaker) => span.speaker = Some(speaker),
                Err(why) => {
                    let cue = span.evidence.take().unwrap_or_default();
                    span.evidence = Some(format!("{cue}; no speaker: {name:?} {why}"));
                }
            }
        }
    }
    spans
}

/// Maps every speaker name seen in a collection to one canonical name per person.
///
/// People are merged by surname and compatible given names (Sergey/Sergei Lavrov, Mr Lavrov,
/// Lavrov) into the fullest form; organisation names map to themselves.
pub fn canonical_names<'a>(names: impl IntoIterator<Item = &'a str>) -> HashMap<String, String> {
    names::canonical_names(names)
}

/// The article's passages: attributed spans plus its boilerplate paragraphs, in text order.
pub fn passages(article: &Article) -> Vec<Passage> {
    let mut spans = attribute(&article.paragraphs);
    spans.extend(
        article
            .paragraphs
            .iter()
            .enumerate()
            .filter(|(_, p)| p.boilerplate)
            .map(|(i, p)| Attribution {
                paragraph: i,
                start: 0,
                end: p.text.len(),
                kind: PassageKind::Boilerplate,
                speaker: None,
                evidence: None,
            }),
    );
    spans.sort_by_key(|s| (s.paragraph, s.start));
    spans
        .into_iter()
        .filter_map(|span| {
            let paragraph = &article.paragraphs[span.paragraph];
            let text = paragraph.text.get(span.start..span.end)?.trim();
            if text.is_empty() {
                return None;
            }
            let lead = paragraph.text[span.start..span.end].len()
                - paragraph.text[span.start..span.end].trim_start().len();
            let start = paragraph.start + span.start + lead;
            Some(Passage {
                paragraph: span.paragraph as u32,
                start,
                end: start + text.len(),
                text: text.to_string(),
                kind: span.kind,
                speaker: span.speaker,
                evidence: span.evidence,
            })
        })
        .collect()
}
