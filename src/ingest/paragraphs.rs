//! Splitting an article's text into paragraphs with their byte offsets.
//!
//! Two layouts occur in the wild: one paragraph per line (text copied from web pages), and
//! paragraphs separated by blank lines, possibly hard-wrapped at a fixed width (plain-text
//! archives). This module tells them apart and never rewrites the text: each paragraph is a
//! slice of the original, so offsets stay true. It does not judge what a paragraph says.

/// A paragraph as a byte range of the text it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// Lines no longer than this, in a file whose blocks span several lines, mark hard wrapping.
const WRAP_WIDTH: usize = 100;

/// Paragraphs longer than this many bytes are split (at a sentence end when there is one in
/// the second half, else at a space), which keeps the cost of analysing one paragraph bounded
/// whatever a file holds.
pub const MAX_PARAGRAPH_BYTES: usize = 8_000;

/// Splits text into paragraph spans, trimmed of surrounding whitespace, in order.
pub fn split(text: &str) -> Vec<Span> {
    let blocks = blank_line_blocks(text);
    let spans = if looks_hard_wrapped(text, &blocks) {
        blocks
    } else {
        blocks
            .into_iter()
            .flat_map(|block| lines_of(text, block))
            .collect()
    };
    if spans.iter().all(|s| s.end - s.start <= MAX_PARAGRAPH_BYTES) {
        return spans;
    }
    spans
        .into_iter()
        .flat_map(|span| split_long(text, span))
        .collect()
}

/// A span cut into pieces of at most [`MAX_PARAGRAPH_BYTES`].
fn split_long(text: &str, span: Span) -> Vec<Span> {
    let mut pieces = Vec::new();
    let mut start = span.start;
    while span.end - start > MAX_PARAGRAPH_BYTES {
        let mut limit = start + MAX_PARAGRAPH_BYTES;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = &text[start..limit];
        let half = window.len() / 2;
        let sentence_end = window
            .rmatch_indices(['.', '!', '?'])
            .map(|(at, _)| at + 1)
            .find(|&at| at > half && window[at..].starts_with(char::is_whitespace));
        let cut = sentence_end
            .or_else(|| window.rfind(char::is_whitespace).filter(|&at| at > half))
            .unwrap_or(window.len());
        pieces.extend(trimmed(
            text,
            Span {
                start,
                end: start + cut,
            },
        ));
        start += cut.max(1);
        while !text.is_char_boundary(start) {
            start += 1;
        }
    }
    pieces.extend(trimmed(
        text,
        Span {
            start,
            end: span.end,
        },
    ));
    pieces
}

/// Runs of non-blank lines, as trimmed spans.
fn blank_line_blocks(text: &str) -> Vec<Span> {
    let mut blocks = Vec::new();
    let mut current: Option<Span> = None;
    for line in line_spans(text) {
        if text[line.start..line.end].trim().is_empty() {
            blocks.extend(current.take());
        } else {
            current = Some(match current {
                Some(block) => Span {
                    start: block.start,
                    end: line.end,
                },
                None => line,
            });
        }
    }
    blocks.extend(current);
    blocks
        .into_iter()
        .filter_map(|b| trimmed(text, b))
        .collect()
}

/// A text is hard-wrapped when no line is longer than the wrap width and the lines that
/// continue into a next line of the same block run close to the longest line's width.
fn looks_hard_wrapped(text: &str, blocks: &[Span]) -> bool {
    let longest = text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    if longest > WRAP_WIDTH {
        return false;
    }
    let continued: Vec<&str> = blocks
        .iter()
        .flat_map(|b| {
            let lines: Vec<&str> = text[b.start..b.end].lines().collect();
            let last = lines.len().saturating_sub(1);
            lines.into_iter().take(last).map(str::trim_end)
        })
        .collect();
    let wrapped = |line: &&str| {
        line.chars().count() * 10 >= longest * 6 && !line.ends_with(['.', '!', '?', '"', '”', ':'])
    };
    let near_full = continued.iter().filter(|line| wrapped(line)).count();
    !continued.is_empty() && near_full * 10 >= continued.len() * 8
}

/// Each non-blank line of a block as its own trimmed span.
fn lines_of(text: &str, block: Span) -> Vec<Span> {
    line_spans(&text[block.start..block.end])
        .into_iter()
        .map(|l| Span {
            start: block.start + l.start,
            end: block.start + l.end,
        })
        .filter_map(|l| trimmed(text, l))
        .collect()
}

/// Every line of the text as a span without its line ending.
fn line_spans(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let end = start + line.trim_end_matches(['\n', '\r']).len();
        spans.push(Span { start, end });
        start += line.len();
    }
    spans
}

fn trimmed(text: &str, span: Span) -> Option<Span> {
    let slice = &text[span.start..span.end];
    let start = span.start + (slice.len() - slice.trim_start().len());
    let end = span.start + slice.trim_end().len();
    (start < end).then_some(Span { start, end })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        split(text).iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn one_paragraph_per_line() {
        let text =
            "Title here\nFirst paragraph is a long line of prose that goes on.\nSecond one.\n";
        assert_eq!(
            texts(text),
            vec![
                "Title here",
                "First paragraph is a long line of prose that goes on.",
                "Second one."
            ]
        );
    }

    #[test]
    fn blank_lines_between_long_lines_still_give_one_paragraph_per_line() {
        let long = "word ".repeat(40);
        let text = format!("Title\n\n{long}\n{long}\n\n{long}\n");
        assert_eq!(split(&text).len(), 4);
    }

    #[test]
    fn hard_wrapped_blocks_are_joined() {
        let text = "A title\n\nThe first paragraph is wrapped at a\nfixed width of forty characters.\n\nThe second paragraph is wrapped the same\nway, and ends here.\n";
        assert_eq!(
            texts(text),
            vec![
                "A title",
                "The first paragraph is wrapped at a\nfixed width of forty characters.",
                "The second paragraph is wrapped the same\nway, and ends here."
            ]
        );
    }

    #[test]
    fn offsets_point_into_the_original_text() {
        let text = "  Headline  \r\n\r\n  Body text.  \r\n";
        let spans = split(text);
        assert_eq!(&text[spans[0].start..spans[0].end], "Headline");
        assert_eq!(&text[spans[1].start..spans[1].end], "Body text.");
    }

    #[test]
    fn a_very_long_line_is_split_into_bounded_paragraphs() {
        let text = "Ünïcode words, then a sentence. ".repeat(2_000);
        let spans = split(&text);
        assert!(spans.len() > 1);
        assert!(spans.iter().all(|s| s.end - s.start <= MAX_PARAGRAPH_BYTES));
        assert!(spans.iter().all(|s| text[s.start..s.end].ends_with('.')));
        let long_word = "x".repeat(3 * MAX_PARAGRAPH_BYTES);
        assert_eq!(split(&long_word).len(), 3);
    }

    #[test]
    fn multibyte_text_keeps_char_boundaries() {
        let text = "“Quoted,” he said.\n— Дмитрий Песков\n";
        assert_eq!(texts(text), vec!["“Quoted,” he said.", "— Дмитрий Песков"]);
    }
}
