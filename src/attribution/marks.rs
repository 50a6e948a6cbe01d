//! Quotation-mark styles, rewritten into the one style the quote scanner reads.
//!
//! News text marks quotations in more ways than with double quotation marks: doubled
//! apostrophes and backquotes (`''…''`, ``` ``…'' ```, as the New York Times archive and LaTeX-era
//! feeds write them) and single quotes (`‘…’`, `'…'`, the outer quotes of British papers and of
//! many headlines). This stage rewrites them into double marks of the same byte length, so
//! every later stage sees one style and every byte offset stays valid:
//!
//! - `''` and ``` `` ``` (2 bytes) become `«` / `»` (2 bytes each in UTF-8);
//! - `‘` and `’` (3 bytes) become `“` and `”` (3 bytes) when they pair up as quotation marks;
//! - `'` pairs become `"`.
//!
//! Single quotes are rewritten only in a paragraph with no double marks at all, because inside
//! a double-quoted quotation they are nested quotes, which never change the speaker; and only
//! when they pair up, because a lone `’` is an apostrophe (`don’t`, `voters’`, `’08`). This
//! module changes marks only; it does not decide where quotations begin or end.

use super::quotes::quote_marks;

/// The paragraph with every quotation-mark style rewritten as double marks, byte for byte the
/// same length as `text` (so offsets into one are offsets into the other).
pub fn normalise(text: &str) -> String {
    let doubled = rewrite_doubled(text);
    // Every paragraph passes here: most have double marks or no single mark at all, which
    // byte searches tell without reading the paragraph character by character.
    if quote_marks(&doubled).next().is_some() || !may_hold_single_marks(&doubled) {
        return doubled;
    }
    rewrite_single_pairs(&doubled)
}

/// False only when `text` has no `'`, `‘` or `’` (the curly ones begin with the byte 0xE2,
/// which other characters such as dashes share: true then, and the caller reads on).
fn may_hold_single_marks(text: &str) -> bool {
    memchr::memchr2(b'\'', 0xE2, text.as_bytes()).is_some()
}

/// Whether `text` holds `''` or ``` `` ```.
fn has_doubled_marks(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'\'', b'`', bytes).any(|at| bytes.get(at + 1) == Some(&bytes[at]))
}

/// `''` and ``` `` ``` as `«`/`»`: an opening look (space or start before) gets `«`.
fn rewrite_doubled(text: &str) -> String {
    if !has_doubled_marks(text) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut prev: Option<char> = None;
    while let Some(c) = rest.chars().next() {
        // `'old-school,'''`: a nested quote's closing apostrophe, then the closing pair.
        if rest.starts_with("'''") && prev.is_some_and(|p| !p.is_whitespace()) {
            out.push('\'');
            out.push('»');
            rest = &rest[3..];
            prev = Some('»');
            continue;
        }
        let pair = rest.starts_with("''") || rest.starts_with("``");
        if pair {
            let opens = prev.is_none_or(|p| p.is_whitespace() || "([—–-".contains(p));
            out.push(if opens { '«' } else { '»' });
            rest = &rest[2..];
            prev = Some(if opens { '«' } else { '»' });
            continue;
        }
        out.push(c);
        prev = Some(c);
        rest = &rest[c.len_utf8()..];
    }
    debug_assert_eq!(out.len(), text.len());
    out
}

/// Rewrites single quotation marks that pair up: an opener (`‘`, or `'` after a space or at
/// the start, followed by a letter or digit) with the next closer (`’` or `'` after a word
/// character or punctuation, followed by a space, punctuation or the end, and not inside a
/// word). Unpaired marks stay as they are.
fn rewrite_single_pairs(text: &str) -> String {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut bytes = text.as_bytes().to_vec();
    let mut open: Option<(usize, char)> = None;
    for (i, &(at, c)) in chars.iter().enumerate() {
        if !matches!(c, '\'' | '‘' | '’') {
            continue;
        }
        let prev = i.checked_sub(1).map(|j| chars[j].1);
        let next = chars.get(i + 1).map(|&(_, n)| n);
        let opener = prev.is_none_or(|p| p.is_whitespace() || "([—–-".contains(p))
            && next.is_some_and(|n| n.is_alphanumeric() || n == '.')
            && c != '’';
        let closer = prev.is_some_and(|p| !p.is_whitespace())
            && next.is_none_or(|n| n.is_whitespace() || (n.is_ascii_punctuation() && n != '\''));
        match open {
            Some((start, kind)) if closer && pairs_with(kind, c) => {
                write_mark(&mut bytes, start, kind, true);
                write_mark(&mut bytes, at, c, false);
                open = None;
            }
            None if opener => open = Some((at, c)),
            // A second opener before any closer: the first was an apostrophe (`'em`).
            Some(_) if opener => open = Some((at, c)),
            _ => {}
        }
    }
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_string())
}

fn pairs_with(opener: char, closer: char) -> bool {
    match opener {
        '‘' => closer == '’',
        _ => closer == '\'',
    }
}

/// Writes a double mark over a single one of the same length.
fn write_mark(bytes: &mut [u8], at: usize, single: char, opening: bool) {
    let double = match (single, opening) {
        ('\'', _) => '"',
        (_, true) => '“',
        (_, false) => '”',
    };
    let mut buf = [0u8; 4];
    let encoded = double.encode_utf8(&mut buf).as_bytes();
    if encoded.len() == single.len_utf8() {
        bytes[at..at + encoded.len()].copy_from_slice(encoded);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubled_apostrophes_become_double_marks() {
        let text = "''The clock is ticking,'' said Kevin Hecht.";
        let out = normalise(text);
        assert_eq!(out, "«The clock is ticking,» said Kevin Hecht.");
        assert_eq!(out.len(), text.len());
    }

    #[test]
    fn a_nested_quote_closing_with_the_outer_one() {
        let text = "''I would call it 'rough-cut,''' said Lina Hoyt.";
        assert_eq!(
            normalise(text),
            "«I would call it 'rough-cut,'» said Lina Hoyt."
        );
    }

    #[test]
    fn backquote_pairs_open_quotations() {
        let text = "``We won,'' he said.";
        assert_eq!(normalise(text), "«We won,» he said.");
    }

    #[test]
    fn british_single_quotes_pair_up() {
        let text = "‘We will not back down,’ said the union’s leader.";
        let out = normalise(text);
        assert_eq!(out, "“We will not back down,” said the union’s leader.");
        assert_eq!(out.len(), text.len());
    }

    #[test]
    fn straight_single_quotes_pair_up() {
        let text = "'It is over,' she said.";
        assert_eq!(normalise(text), "\"It is over,\" she said.");
    }

    #[test]
    fn apostrophes_stay_apostrophes() {
        let text = "The voters’ choice isn’t clear, and rock ’n’ roll won’t help.";
        assert_eq!(normalise(text), text);
    }

    #[test]
    fn doubled_marks_are_found_by_bytes_as_by_substrings() {
        for text in [
            "a '' b",
            "``x",
            "x`",
            "it's 'a'",
            "‘a’ ''",
            "''",
            "'",
            "é`é``",
        ] {
            let by_substring = text.contains("''") || text.contains("``");
            assert_eq!(has_doubled_marks(text), by_substring, "{text}");
        }
    }

    #[test]
    fn a_paragraph_with_no_single_mark_is_kept_as_it_is() {
        for text in ["No marks at all – just a dash.", "Plain words", "“A” quote"] {
            assert_eq!(normalise(text), text);
        }
        assert!(!may_hold_single_marks("Plain words, no dash"));
        assert!(may_hold_single_marks("Don’t"));
    }

    #[test]
    fn nested_single_quotes_inside_double_ones_stay() {
        let text = "\"He called it 'a disgrace',\" she said.";
        assert_eq!(normalise(text), text);
    }
}
