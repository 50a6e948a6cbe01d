//! Snippets: a fragment of the passage around the match, with the matched words marked.
//!
//! Tantivy's generator marks each matching word on its own; here neighbouring marks that are
//! separated only by spaces or punctuation inside a phrase are joined, so a phrase match
//! reads as one highlight (`<b>red line</b>`, not `<b>red</b> <b>line</b>`).

use std::ops::Range;

use tantivy::snippet::SnippetGenerator;

/// Longest fragment shown, in characters.
pub const MAX_CHARS: usize = 220;

/// A fragment of passage text and the byte ranges in it to highlight.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet {
    pub fragment: String,
    pub highlights: Vec<Range<usize>>,
    /// Whether text was cut before or after the fragment.
    pub cut_before: bool,
    pub cut_after: bool,
}

/// The best fragment of `text` for the query the generator was made for.
pub fn make(generator: &SnippetGenerator, text: &str) -> Snippet {
    let snippet = generator.snippet(text);
    if snippet.is_empty() {
        return leading_fragment(text);
    }
    let range = snippet.fragment_range();
    Snippet {
        fragment: snippet.fragment().to_string(),
        highlights: join_adjacent(snippet.fragment(), snippet.highlighted()),
        cut_before: range.start > 0,
        cut_after: range.end < text.len(),
    }
}

/// When the match is only in the title, the passage's opening stands in for a fragment.
fn leading_fragment(text: &str) -> Snippet {
    let end = text
        .char_indices()
        .nth(MAX_CHARS)
        .map_or(text.len(), |(i, _)| i);
    let end = text[..end]
        .rfind(' ')
        .filter(|_| end < text.len())
        .unwrap_or(end);
    Snippet {
        fragment: text[..end].to_string(),
        highlights: Vec::new(),
        cut_before: false,
        cut_after: end < text.len(),
    }
}

/// Joins highlights separated only by whitespace (and the punctuation tokenizers drop).
pub fn join_adjacent(fragment: &str, highlights: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut sorted = highlights.to_vec();
    sorted.sort_by_key(|r| r.start);
    let mut joined: Vec<Range<usize>> = Vec::new();
    for range in sorted {
        match joined.last_mut() {
            Some(last)
                if last.end <= range.start
                    && fragment
                        .get(last.end..range.start)
                        .is_some_and(|gap| gap.chars().all(|c| c == ' ' || c == '-')) =>
            {
                last.end = range.end;
            }
            Some(last) if range.start < last.end => last.end = last.end.max(range.end),
            _ => joined.push(range),
        }
    }
    joined
}

impl Snippet {
    /// The fragment with highlights wrapped by `mark`, and `...` where text was cut.
    pub fn render(&self, mark: impl Fn(&str) -> String, escape: impl Fn(&str) -> String) -> String {
        let mut out = String::new();
        if self.cut_before {
            out.push_str("... ");
        }
        let mut position = 0;
        for range in &self.highlights {
            let (Some(before), Some(marked)) = (
                self.fragment.get(position..range.start),
                self.fragment.get(range.clone()),
            ) else {
                continue;
            };
            out.push_str(&escape(before));
            out.push_str(&mark(&escape(marked)));
            position = range.end;
        }
        out.push_str(&escape(self.fragment.get(position..).unwrap_or_default()));
        if self.cut_after {
            out.push_str(" ...");
        }
        out
    }

    /// `... a <b>red line</b> ...`, HTML-escaped, for the JSON output.
    pub fn to_html(&self) -> String {
        self.render(|s| format!("<b>{s}</b>"), html_escape)
    }
}

fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_a_phrase_join_into_one_highlight() {
        let fragment = "we crossed a red line today";
        assert_eq!(join_adjacent(fragment, &[13..16, 17..21]), vec![13..21]);
    }

    #[test]
    fn separated_words_stay_separate() {
        let fragment = "red cars and a line";
        assert_eq!(join_adjacent(fragment, &[0..3, 15..19]), vec![0..3, 15..19]);
    }

    #[test]
    fn html_output_escapes_and_marks() {
        let snippet = Snippet {
            fragment: "a <red> line".into(),
            highlights: vec![Range { start: 8, end: 12 }],
            cut_before: true,
            cut_after: false,
        };
        assert_eq!(snippet.to_html(), "... a &lt;red&gt; <b>line</b>");
    }

    #[test]
    fn leading_fragment_cuts_at_a_word_boundary() {
        let text = "word ".repeat(100);
        let snippet = leading_fragment(&text);
        assert!(snippet.fragment.len() <= MAX_CHARS);
        assert!(snippet.fragment.ends_with("word"));
        assert!(snippet.cut_after);
    }
}
