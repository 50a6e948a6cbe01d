//! Words and punctuation with their byte offsets, the raw material of every other rule.
//!
//! A token is a word (letters and digits, with inner apostrophes, hyphens, dots and ampersands
//! kept: `Russia's`, `e-mail`, `U.S`) or one punctuation character. Each token knows whether it
//! lies inside a quotation. This module does not decide what a word means.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::ops::Range;

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Punct,
}

/// One word or punctuation character of a sentence.
#[derive(Clone, Debug)]
pub struct Token<'a> {
    pub text: &'a str,
    /// Byte offsets in the text that was tokenized.
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// Inside a quotation (or is one of its quotation marks).
    pub quoted: bool,
    /// [`Token::lower`], computed once when the token is made: the rules ask for it many
    /// times per token. Borrows `text` when that already is the lower form (most words).
    lower: Cow<'a, str>,
    /// [`Token::name_word`]'s answer, once asked: the mention readers ask it of the same
    /// capitalised token each time they read a phrase around it.
    name_word: OnceCell<bool>,
}

/// Tokens are equal when their text, place, kind and quotation are: the memo is no part of it.
impl PartialEq for Token<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
            && self.start == other.start
            && self.end == other.end
            && self.kind == other.kind
            && self.quoted == other.quoted
    }
}

impl Eq for Token<'_> {}

impl Token<'_> {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    /// Starts with an upper-case letter.
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Starts with a lower-case letter.
    pub fn is_lowercase(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_lowercase)
    }

    /// The word in lower case, curly apostrophes made straight, an abbreviation's dot
    /// dropped (`Sen.` is `sen`). Computed once, when the token is made.
    pub fn lower(&self) -> &str {
        &self.lower
    }

    /// Whether the word may stand in a name, as `decide` (the mention stage's word-list test,
    /// which depends on the token alone) says; asked once per token, then remembered.
    pub(super) fn name_word(&self, decide: impl FnOnce(&Self) -> bool) -> bool {
        *self.name_word.get_or_init(|| decide(self))
    }

    /// True when the token is exactly this punctuation character.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokenKind::Punct && self.text.starts_with(c)
    }

    /// True when the word ends in a possessive `'s` or `’s`.
    pub fn is_possessive(&self) -> bool {
        self.is_word() && (self.text.ends_with("'s") || self.text.ends_with("’s"))
    }
}

/// The lower form of a token's text (see [`Token::lower`]), borrowed when the text already is.
fn lower_form(text: &str, kind: TokenKind) -> Cow<'_, str> {
    let word = if kind == TokenKind::Word {
        text.trim_end_matches('.')
    } else {
        text
    };
    // Most words are ASCII, which has no curly apostrophe: at most one allocation.
    if word.is_ascii() {
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            return Cow::Owned(word.to_ascii_lowercase());
        }
        return Cow::Borrowed(word);
    }
    let lower = word.to_lowercase();
    if lower.contains('’') {
        Cow::Owned(lower.replace('’', "'"))
    } else if lower == word {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(lower)
    }
}

/// Characters that may join two alphanumeric runs inside one word.
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '&')
}

/// Splits `text` into tokens; `quotes` are the byte ranges of quotations in the same text.
///
/// Reads the text by byte offsets, decoding one character at a time (ASCII without decoding):
/// every paragraph of every article is tokenized, and a vector of all its characters, made
/// first, cost more than the reading itself.
pub fn tokenize<'a>(text: &'a str, quotes: &[Range<usize>]) -> Vec<Token<'a>> {
    // News text has about one token per five bytes: sized up front so the vector is not
    // copied as it grows.
    let mut tokens = Vec::with_capacity(text.len() / 5 + 4);
    let mut start = 0;
    while let Some(c) = char_at(text, start) {
        if c.is_whitespace() {
            start += c.len_utf8();
            continue;
        }
        let (kind, end) = if c.is_alphanumeric() {
            let end = word_end(text, start);
            (
                TokenKind::Word,
                end + usize::from(abbreviation_dot(text, start, end)),
            )
        } else {
            (TokenKind::Punct, start + c.len_utf8())
        };
        let token_text = &text[start..end];
        tokens.push(Token {
            text: token_text,
            lower: lower_form(token_text, kind),
            start,
            end,
            kind,
            quoted: false,
            name_word: OnceCell::new(),
        });
        start = end;
    }
    mark_quoted(&mut tokens, quotes);
    tokens
}

/// The character that starts at byte `at` of `text` (a character boundary), `None` at the end.
fn char_at(text: &str, at: usize) -> Option<char> {
    match text.as_bytes().get(at) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text.get(at..)?.chars().next(),
        None => None,
    }
}

/// The tokens that start inside `range`: a run of `tokens`, which are in text order.
pub fn tokens_in<'t, 'a>(tokens: &'t [Token<'a>], range: &Range<usize>) -> &'t [Token<'a>] {
    &tokens[span_in(tokens, range)]
}

/// Where the tokens that start inside `range` (a byte range of the text) lie in `tokens`:
/// token indices, empty when none does.
pub fn span_in(tokens: &[Token], range: &Range<usize>) -> Range<usize> {
    let from = tokens.partition_point(|t| t.start < range.start);
    let to = tokens.partition_point(|t| t.start < range.end);
    from..to.max(from)
}

/// A headline in title case lets capitalised verbs count ("Varlamov Says").
///
/// Counts words of four letters or more and how many of them are capitalised, in one pass
/// without allocating: rules ask this of the same sentence many times.
pub fn is_title_case(tokens: &[Token]) -> bool {
    let (mut long, mut capitalised) = (0usize, 0usize);
    for token in tokens {
        if token.is_word() && token.text.chars().nth(3).is_some() {
            long += 1;
            capitalised += usize::from(token.is_capitalized());
        }
    }
    (3..=25).contains(&long) && capitalised * 10 >= long * 8
}

/// Marks the tokens that start inside one of `quotes` (byte ranges of quotations in the text
/// the tokens come from) as quoted, and the others as not: the quotations of a paragraph are
/// known only once the paragraphs before it are read, after its tokens are made.
pub fn mark_quoted(tokens: &mut [Token], quotes: &[Range<usize>]) {
    for token in tokens {
        token.quoted = quotes.iter().any(|q| q.contains(&token.start));
    }
}

/// Abbreviated titles that are written with a dot before a name (`Sen. Richard Blumenthal`).
const TITLE_ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Sen", "Sens", "Rep", "Reps", "Gov", "Govs", "Lt", "Gen", "Col",
    "Capt", "Sgt", "Prof", "Rev", "Del", "Adm", "Maj", "Cmdr", "Supt", "Det", "Atty", "Fr", "St",
    "Cllr", "Hon", "Pres", "Sec", "Amb", "Insp", "Gens", "Lt.Gen",
];

/// The word `text[start..end]` is a title abbreviation or an initial whose dot belongs to it:
/// a dot right after it, then a space and a capital (`Sen. Richard`, `John D. Podesta`), so
/// the name reads as one run.
fn abbreviation_dot(text: &str, start: usize, end: usize) -> bool {
    // Most words have no dot after them: decide that before looking at the word.
    if char_at(text, end) != Some('.') {
        return false;
    }
    let word = &text[start..end];
    // The dot and a space are one byte each.
    let after_dot = char_at(text, end + 1);
    // `James B. Comey Jr., the director`: a suffix keeps its dot before a comma.
    let suffix = matches!(word, "Jr" | "Sr") && after_dot == Some(',');
    if suffix {
        return true;
    }
    let space = after_dot == Some(' ');
    let capital = space && char_at(text, end + 2).is_some_and(char::is_uppercase);
    if !capital {
        return false;
    }
    let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    // `U.S. District Judge`: a dotted abbreviation before a capitalised word.
    let dotted = word.contains('.') && word.chars().all(|c| c.is_uppercase() || c == '.');
    initial || dotted || TITLE_ABBREVIATIONS.contains(&word)
}

/// Byte offset of the end of the word that starts at byte `start` (an alphanumeric
/// character): letters and digits, joined by an inner apostrophe, hyphen, dot or ampersand
/// that has a letter or digit after it.
fn word_end(text: &str, mut at: usize) -> usize {
    while let Some(c) = char_at(text, at) {
        let len = c.len_utf8();
        // A joiner is asked about only when the character is no letter or digit.
        let joins = || is_joiner(c) && char_at(text, at + len).is_some_and(char::is_alphanumeric);
        if !(c.is_alphanumeric() || joins()) {
            break;
        }
        at += len;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, &[]).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn a_token_decides_whether_it_is_a_name_word_once() {
        let tokens = tokenize("Okafor said", &[]);
        let mut asked = 0;
        assert!(tokens[0].name_word(|_| {
            asked += 1;
            true
        }));
        // Remembered: the second question is not decided again, whatever it would say.
        assert!(tokens[0].name_word(|_| {
            asked += 1;
            false
        }));
        assert_eq!(asked, 1);
        // The memo is no part of a token's identity.
        assert_eq!(tokens[0], tokenize("Okafor said", &[])[0]);
    }

    #[test]
    fn keeps_inner_apostrophes_and_hyphens() {
        assert_eq!(
            words("Britain’s e-mail rules, he said."),
            vec!["Britain’s", "e-mail", "rules", ",", "he", "said", "."]
        );
    }

    #[test]
    fn marks_quoted_tokens() {
        let text = "He said \"no way\" today";
        let quotes = [Range { start: 8, end: 16 }];
        let tokens = tokenize(text, &quotes);
        let quoted: Vec<&str> = tokens.iter().filter(|t| t.quoted).map(|t| t.text).collect();
        assert_eq!(quoted, vec!["\"", "no", "way", "\""]);
    }

    #[test]
    fn titles_and_initials_keep_their_dot() {
        assert_eq!(
            words("Sen. Richard Blumenthal and John D. Podesta."),
            vec![
                "Sen.",
                "Richard",
                "Blumenthal",
                "and",
                "John",
                "D.",
                "Podesta",
                "."
            ]
        );
        assert_eq!(tokenize("Sen. Smith", &[])[0].lower(), "sen");
    }

    #[test]
    fn possessive_is_detected() {
        let tokens = tokenize("Russia's minister", &[]);
        assert!(tokens[0].is_possessive());
        assert!(!tokens[1].is_possessive());
    }
}
