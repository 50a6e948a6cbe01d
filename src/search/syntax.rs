//! The query as typed, made fit for tantivy's query grammar before it is parsed.
//!
//! People type queries as they write: `Putin's`, `O’Brien`, `don't`, a phrase whose closing
//! quote they forgot, text pasted from a decomposed-Unicode PDF. Here, before parsing:
//! - the text is brought to Unicode NFC (as article text is at ingest);
//! - typographic double quotation marks (`“…”`, `„…“`, `«…»`, as pasted from an article) are
//!   the grammar's `"`, so a pasted phrase is searched as a phrase;
//! - a word holding apostrophes (straight or curly) is quoted, so `Putin's` is the phrase
//!   `"Putin's"` (the words "putin" and "s" next to each other, exactly as the text is indexed);
//!   an apostrophe that is not inside or at the end of a word is a space;
//! - an unbalanced `"` is closed at the end of the query, with a note saying so;
//! - queries longer than [`MAX_CHARS`] characters or nesting parentheses deeper than
//!   [`MAX_DEPTH`] are refused with a one-line error, before the (recursive) parser sees them.
//!
//! This module only rewrites text; what the query means is `search::query`'s business.

use crate::index::analysis;

/// Longest query accepted, in characters.
pub const MAX_CHARS: usize = 1000;
/// Deepest nesting of parentheses accepted.
pub const MAX_DEPTH: usize = 32;

/// A query ready for tantivy's grammar, and what was changed that the user should hear of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prepared {
    /// The query as tantivy's grammar is to read it.
    pub text: String,
    /// Such as `unbalanced '"': the phrase runs to the end of the query`.
    pub notes: Vec<String>,
}

/// Why a query was refused before parsing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Nothing but spaces.
    Empty,
    /// More than [`MAX_CHARS`] characters (how many there are).
    TooLong(usize),
    /// Parentheses nested deeper than [`MAX_DEPTH`] (how deep).
    TooDeep(usize),
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::Empty => write!(
                f,
                "empty query; give some words, a \"phrase\" or field:value"
            ),
            Refusal::TooLong(chars) => write!(
                f,
                "query too long: {chars} characters (the limit is {MAX_CHARS})"
            ),
            Refusal::TooDeep(depth) => write!(
                f,
                "query nests parentheses {depth} deep (the limit is {MAX_DEPTH})"
            ),
        }
    }
}

impl std::error::Error for Refusal {}

/// Prepares the query text for parsing (see the module documentation).
pub fn prepare(text: &str) -> Result<Prepared, Refusal> {
    let chars = text.chars().count();
    if chars > MAX_CHARS {
        return Err(Refusal::TooLong(chars));
    }
    if text.trim().is_empty() {
        return Err(Refusal::Empty);
    }
    let text: String = analysis::nfc(text)
        .chars()
        .map(|c| if is_double_quote(c) { '"' } else { c })
        .collect();
    let mut notes = Vec::new();
    let mut out = quote_apostrophes(&text);
    if quotes_unbalanced(&out) {
        out.push('"');
        notes.push("unbalanced '\"': the phrase runs to the end of the query".to_string());
    }
    let depth = nesting(&out);
    if depth > MAX_DEPTH {
        return Err(Refusal::TooDeep(depth));
    }
    Ok(Prepared { text: out, notes })
}

/// Double quotation marks other than `"`: curly, low-9, reversed, guillemets and fullwidth.
fn is_double_quote(c: char) -> bool {
    matches!(
        c,
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' | '\u{FF02}'
    )
}

/// Straight, curly and modifier-letter apostrophes.
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}')
}

/// Quotes words holding an apostrophe; turns other apostrophes outside phrases into spaces.
fn quote_apostrophes(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 2);
    let mut quoted = false;
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if c == '"' {
            quoted = !quoted;
            out.push(c);
            i += 1;
        } else if quoted {
            out.push(c);
            i += 1;
        } else if c == '\\' {
            // An escaped character stays as it is, escape and all.
            out.push(c);
            if let Some(&next) = chars.get(i + 1) {
                out.push(next);
            }
            i += 2;
        } else if c.is_alphanumeric() {
            let end = word_end(&chars, i);
            let word = &chars[i..end];
            if word.iter().any(|&c| is_apostrophe(c)) {
                out.push('"');
                out.extend(
                    word.iter()
                        .map(|&c| if is_apostrophe(c) { '\'' } else { c }),
                );
                out.push('"');
            } else {
                out.extend(word);
            }
            i = end;
        } else if is_apostrophe(c) {
            out.push(' ');
            i += 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// Where the word starting at `start` ends: letters and digits, with apostrophes and hyphens
/// inside it and apostrophes at its end (`Jones'`).
fn word_end(chars: &[char], start: usize) -> usize {
    let mut end = start;
    while let Some(&c) = chars.get(end) {
        let inside = |c: char| is_apostrophe(c) || c == '-';
        let next_alnum = chars.get(end + 1).is_some_and(|n| n.is_alphanumeric());
        if c.is_alphanumeric() || (inside(c) && next_alnum) {
            end += 1;
        } else if is_apostrophe(c) {
            // A closing apostrophe: the word's last character.
            end += 1;
            break;
        } else {
            break;
        }
    }
    end
}

/// Whether the query has an odd number of unescaped double quotes.
fn quotes_unbalanced(text: &str) -> bool {
    let mut count = 0;
    let mut escaped = false;
    for c in text.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => count += 1,
            _ => {}
        }
    }
    count % 2 == 1
}

/// The deepest nesting of parentheses outside phrases.
fn nesting(text: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let (mut quoted, mut escaped) = (false, false);
    for c in text.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => quoted = !quoted,
            '(' if !quoted => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            ')' if !quoted => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(query: &str) -> String {
        prepare(query).unwrap().text
    }

    #[test]
    fn words_with_apostrophes_become_phrases() {
        assert_eq!(text("Putin's"), "\"Putin's\"");
        assert_eq!(text("O’Brien said"), "\"O'Brien\" said");
        assert_eq!(
            text("speaker:O'Brien -don't"),
            "speaker:\"O'Brien\" -\"don't\""
        );
        assert_eq!(text("the Joneses' house"), "the \"Joneses'\" house");
        assert_eq!(text("\"Putin's war\""), "\"Putin's war\"");
    }

    #[test]
    fn typographic_double_quotes_make_a_phrase() {
        assert_eq!(text("“red line” nato"), "\"red line\" nato");
        assert_eq!(text("„rote Linie“"), "\"rote Linie\"");
        assert_eq!(text("«ligne rouge»"), "\"ligne rouge\"");
        assert_eq!(text("“O’Brien’s plan”"), "\"O’Brien’s plan\"");
    }

    #[test]
    fn stray_apostrophes_are_spaces() {
        assert_eq!(text("'twas ' night"), " twas   night");
    }

    #[test]
    fn an_unbalanced_quote_closes_at_the_end_with_a_note() {
        let prepared = prepare("\"red line").unwrap();
        assert_eq!(prepared.text, "\"red line\"");
        assert_eq!(prepared.notes.len(), 1);
        assert!(prepare("\"red line\"").unwrap().notes.is_empty());
        assert!(prepare("a \\\" b").unwrap().notes.is_empty());
    }

    #[test]
    fn limits_refuse_long_and_deep_queries() {
        let deep = format!("{}a{}", "(".repeat(40), ")".repeat(40));
        assert_eq!(prepare(&deep), Err(Refusal::TooDeep(40)));
        let fine = format!("{}a{}", "(".repeat(MAX_DEPTH), ")".repeat(MAX_DEPTH));
        assert!(prepare(&fine).is_ok());
        assert_eq!(prepare(&"a ".repeat(600)), Err(Refusal::TooLong(1200)));
        assert_eq!(
            prepare("\"((((((((((((((((((((((((((((((((((((\"").map(|_| ()),
            Ok(())
        );
        assert_eq!(prepare("  "), Err(Refusal::Empty));
    }

    #[test]
    fn decomposed_queries_are_composed() {
        assert_eq!(text("S\u{30c}efc\u{30c}ovic\u{30c}"), "Šefčovič");
    }
}
