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
//! - quotation marks are read leniently, the way a person wrote them: a `"` inside a word
//!   (`a"b`) is a space; inside a phrase, a `"` after a space and before a word opens a quotation
//!   within the phrase (`"he said "no""`, as copied from an article) and it and its closing
//!   mark are spaces, so the whole is one phrase (a note says so); `\"` is a quote escaped;
//! - an unbalanced `"` is closed at the end of the query, with a note saying so;
//! - a word with a colon between digits (`10:30`) or a web address (`http://x.org`) is a
//!   phrase of its words, not a field name followed by a value;
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
    let (mended, notes) = mend_quotes(&text);
    let out = quote_apostrophes(&quote_colon_words(&mended));
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
        } else if c == '\\' {
            // An escaped character stays as it is, escape and all.
            out.push(c);
            if let Some(&next) = chars.get(i + 1) {
                out.push(next);
            }
            i += 2;
        } else if quoted {
            out.push(c);
            i += 1;
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

/// Note for a phrase whose closing quote is missing.
const UNBALANCED: &str = "unbalanced '\"': the phrase runs to the end of the query";
/// Note for quotation marks inside a phrase.
const NESTED: &str = "a quotation inside a phrase was read as words of the phrase";
/// Note for a quotation mark inside or right after a word.
const STRAY: &str = "a '\"' inside or after a word was read as a space";

/// Leaves every `"` of the query one that opens or closes a phrase (see the module
/// documentation): stray ones inside words and nested ones inside phrases become spaces, and
/// a phrase left open is closed at the end. Escaped quotes (`\"`) are kept as they are.
fn mend_quotes(text: &str) -> (String, Vec<String>) {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 1);
    let mut notes = Vec::new();
    let (mut phrase, mut nested) = (false, 0usize);
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let before = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
        let after = chars.get(i + 1).copied();
        if c == '\\' {
            out.push(c);
            if let Some(next) = after {
                out.push(next);
            }
            i += 2;
            continue;
        }
        i += 1;
        if c != '"' {
            out.push(c);
            continue;
        }
        if !phrase {
            if before.is_some_and(char::is_alphanumeric) {
                // `a"b`, `no"`: a quote inside or after a word opens nothing.
                out.push(' ');
                note(&mut notes, STRAY);
            } else {
                out.push('"');
                phrase = true;
            }
        } else if nested > 0 && before.is_some_and(|b| !b.is_whitespace()) {
            nested -= 1;
            out.push(' ');
        } else if before.is_some_and(char::is_whitespace)
            && after.is_some_and(char::is_alphanumeric)
        {
            // `"he said "no""`: a quotation inside the phrase.
            nested += 1;
            out.push(' ');
            note(&mut notes, NESTED);
        } else {
            out.push('"');
            phrase = false;
            nested = 0;
            if after.is_some_and(char::is_alphanumeric) {
                // `"red line"nato`: the word after a phrase is a word of its own.
                out.push(' ');
            }
        }
    }
    if phrase {
        out.push('"');
        note(&mut notes, UNBALANCED);
    }
    (out, notes)
}

fn note(notes: &mut Vec<String>, text: &str) {
    if !notes.iter().any(|n| n == text) {
        notes.push(text.to_string());
    }
}

/// Quotes the words outside phrases that hold a colon between digits (`10:30`) or `://`
/// (`http://x.org`), so the parser does not read them as a field and its value; a field name
/// before such a word stays a field (`text:10:30` is `text:"10:30"`).
fn quote_colon_words(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 4);
    let mut quoted = false;
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if c == '\\' {
            out.push(c);
            if let Some(&next) = chars.get(i + 1) {
                out.push(next);
            }
            i += 2;
            continue;
        }
        if c == '"' {
            quoted = !quoted;
        }
        let word_char = |c: char| !c.is_whitespace() && !matches!(c, '"' | '(' | ')' | '\\');
        if quoted || !word_char(c) {
            out.push(c);
            i += 1;
            continue;
        }
        let mut end = i;
        while chars.get(end).is_some_and(|&c| word_char(c)) {
            end += 1;
        }
        let word: String = chars[i..end].iter().collect();
        out.push_str(&colon_word(&word));
        i = end;
    }
    out
}

/// One word of [`quote_colon_words`], quoted when it needs to be.
fn colon_word(word: &str) -> String {
    let timelike = |w: &str| {
        let chars: Vec<char> = w.chars().collect();
        chars
            .windows(3)
            .any(|t| t[0].is_ascii_digit() && t[1] == ':' && t[2].is_ascii_digit())
            || w.contains("://")
    };
    if !timelike(word) {
        return word.to_string();
    }
    let sign_len = word.len() - word.trim_start_matches(['+', '-']).len();
    let (sign, rest) = word.split_at(sign_len);
    // A field name (letters and underscores) before the first colon stays a field, unless
    // the word is an address (`http://...`).
    let field_len = rest
        .find(':')
        .filter(|&at| {
            at > 0
                && rest[..at]
                    .chars()
                    .all(|c| c.is_ascii_alphabetic() || c == '_')
                && !rest[at..].starts_with("://")
        })
        .map_or(0, |at| at + 1);
    let (field, value) = rest.split_at(field_len);
    if value.is_empty() || !timelike(value) {
        return word.to_string();
    }
    format!("{sign}{field}\"{value}\"")
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
    fn quotations_inside_a_phrase_are_words_of_it() {
        let nested = prepare("\"he said \"no\"\"").unwrap();
        assert_eq!(nested.text, "\"he said  no \"");
        assert_eq!(nested.notes, [NESTED]);
        assert_eq!(
            text("\"wait \"until forever\" now\" nato"),
            "\"wait  until forever  now\" nato"
        );
        // Escaped quotes are left to the grammar, which reads them as escaped.
        assert_eq!(text("\"he said \\\"no\\\"\""), "\"he said \\\"no\\\"\"");
        // Two phrases side by side stay two phrases.
        assert_eq!(text("\"red line\" \"nato\""), "\"red line\" \"nato\"");
        assert_eq!(text("\"red line \" nato"), "\"red line \" nato");
        assert!(prepare("\"red line\" \"nato\"").unwrap().notes.is_empty());
    }

    #[test]
    fn a_quote_inside_or_after_a_word_is_a_space() {
        let stray = prepare("a\"b").unwrap();
        assert_eq!(stray.text, "a b");
        assert_eq!(stray.notes, [STRAY]);
        assert_eq!(text("plan\" nato"), "plan  nato");
        assert_eq!(text("\"red line\"nato"), "\"red line\" nato");
    }

    #[test]
    fn times_and_addresses_are_phrases_not_fields() {
        assert_eq!(text("10:30"), "\"10:30\"");
        assert_eq!(text("talks -12:00"), "talks -\"12:00\"");
        assert_eq!(text("text:10:30"), "text:\"10:30\"");
        assert_eq!(text("http://x.org/a"), "\"http://x.org/a\"");
        assert_eq!(text("title:russia"), "title:russia");
        assert_eq!(text("nosuchfield:word"), "nosuchfield:word");
        assert_eq!(text("\"at 10:30\""), "\"at 10:30\"");
    }

    #[test]
    fn decomposed_queries_are_composed() {
        assert_eq!(text("S\u{30c}efc\u{30c}ovic\u{30c}"), "Šefčovič");
    }
}
