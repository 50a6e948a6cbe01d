//! Turning a file's bytes into text, or saying why they cannot be.
//!
//! This is where binary, empty and oversized files are refused and where text that is not
//! UTF-8 is read as Windows-1252 (a superset of Latin-1 for printable text), with a warning,
//! unless it is a web page whose HTTP header (in a web archive) or `<meta>` tag declares its
//! encoding. Decoded text is brought to Unicode NFC here, once, before anything reads it:
//! decomposed text (`S` + combining caron, as some Mac and PDF exports write it) then matches
//! composed queries, and its names are found by attribution. It does not split the text or look
//! at what it says.

use encoding_rs::WINDOWS_1252;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Text decoded from a file, with a note when it was not UTF-8.
#[derive(Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub warning: Option<String>,
}

/// Why a file's bytes are not an article.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    Empty,
    Binary,
    TooLarge { size: u64, limit: u64 },
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::Empty => write!(f, "empty file"),
            Refusal::Binary => write!(f, "binary file (contains NUL bytes)"),
            Refusal::TooLarge { size, limit } => write!(
                f,
                "file is {} but the limit is {} (raise it with --max-file-size)",
                human_size(*size),
                human_size(*limit)
            ),
        }
    }
}

/// Checks a file's size against the limit before it is read at all.
pub fn check_size(size: u64, limit: u64) -> Result<(), Refusal> {
    if size > limit {
        return Err(Refusal::TooLarge { size, limit });
    }
    Ok(())
}

/// Decodes bytes as UTF-8 (without a BOM), as UTF-16 when they start with its byte-order
/// mark, or else as Windows-1252, into NFC.
pub fn decode(bytes: &[u8]) -> Result<Decoded, Refusal> {
    let mut decoded = decode_as_is(bytes)?;
    if decoded.text.contains('\r') {
        decoded.text = lone_cr_to_lf(&decoded.text);
    }
    if is_nfc_quick(decoded.text.chars()) != IsNormalized::Yes {
        decoded.text = decoded.text.nfc().collect();
    }
    Ok(decoded)
}

/// Decodes a web page: as [`decode`], except that bytes that are not UTF-8 are read in the
/// encoding the page declares in its first 1,024 bytes (`<meta charset="iso-8859-1">` or a
/// `content="text/html; charset=..."`), without a warning, since the page said what it is. The
/// label is resolved by `encoding_rs` as browsers resolve it (WHATWG Encoding Standard), so
/// `iso-8859-1` is read as Windows-1252, as browsers read it.
pub fn decode_html(bytes: &[u8]) -> Result<Decoded, Refusal> {
    decode_html_sent_as(bytes, None)
}

/// Decodes a web page that came with an HTTP `Content-Type` (`text/html; charset=koi8-r`):
/// as [`decode_html`], except that the header's charset, when it names one, wins over the
/// page's `<meta>`, in the order of the HTML standard's encoding sniffing (byte-order mark,
/// transport layer, `<meta>`, then a guess). Bytes that are valid UTF-8 are still read as
/// UTF-8 whatever is declared, as for a `<meta>`: a server's default charset that does not
/// fit its pages is common in crawls, and text in a single-byte encoding that happens to be
/// valid UTF-8 beyond ASCII is all but unknown.
pub fn decode_html_sent_as(bytes: &[u8], content_type: Option<&str>) -> Result<Decoded, Refusal> {
    // A header that names UTF-8 for bytes that are not leaves the guess to the page.
    let declared = content_type
        .and_then(header_charset)
        .filter(|&encoding| usable_declaration(encoding))
        .or_else(|| declared_charset(bytes).filter(|&encoding| usable_declaration(encoding)));
    // Most pages declare nothing else: only those that do pay for a look at their bytes, and
    // bytes that are valid UTF-8, carry a UTF-16 mark or hold NULs are read as `decode` reads
    // them whatever the declaration says.
    let Some(encoding) = declared else {
        return decode(bytes);
    };
    if std::str::from_utf8(bytes).is_ok()
        || encoding_rs::Encoding::for_bom(bytes).is_some()
        || bytes.contains(&0)
    {
        return decode(bytes);
    }
    let (text, _, had_errors) = encoding.decode(bytes);
    let mut decoded = decode(text.as_bytes())?;
    decoded.warning = had_errors.then(|| {
        format!(
            "not valid {} as declared; bad sequences replaced",
            encoding.name()
        )
    });
    Ok(decoded)
}

/// Whether a declared encoding is one to decode a page with. UTF-8 and UTF-16 are what the
/// bytes are read as anyway when they fit; REPLACEMENT (what `iso-2022-kr` and other unsafe
/// labels resolve to) would decode the whole page to one U+FFFD; x-user-defined is no real
/// encoding.
fn usable_declaration(encoding: &'static encoding_rs::Encoding) -> bool {
    ![
        encoding_rs::UTF_8,
        encoding_rs::UTF_16LE,
        encoding_rs::UTF_16BE,
        encoding_rs::REPLACEMENT,
        encoding_rs::X_USER_DEFINED,
    ]
    .contains(&encoding)
}

/// The encoding the `charset` parameter of a `Content-Type` header value names, if
/// `encoding_rs` knows the label: `text/html; charset="windows-1251"` → windows-1251.
fn header_charset(content_type: &str) -> Option<&'static encoding_rs::Encoding> {
    content_type.split(';').skip(1).find_map(|parameter| {
        let (name, value) = parameter.split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("charset") {
            return None;
        }
        let label = value.trim().trim_matches(['"', '\'']).trim();
        encoding_rs::Encoding::for_label(label.as_bytes())
    })
}

/// The encoding named by `charset` inside the first `<meta` tag of the page's first 1,024
/// bytes that has one, if `encoding_rs` knows the label. A `charset` elsewhere (a script's
/// URL, a comment, body text) is not the page's declaration.
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = bytes[..bytes.len().min(1024)].to_ascii_lowercase();
    let mut rest = &head[..];
    while let Some(at) = memchr::memmem::find(rest, b"<meta") {
        let tag = &rest[at..];
        let tag = &tag[..memchr::memchr(b'>', tag).unwrap_or(tag.len())];
        if let Some(found) = memchr::memmem::find(tag, b"charset") {
            let mut value = tag[found + b"charset".len()..]
                .iter()
                .copied()
                .skip_while(|&b| b == b' ')
                .peekable();
            if value.next_if_eq(&b'=').is_some() {
                let label: Vec<u8> = value
                    .skip_while(|&b| b == b'"' || b == b'\'' || b == b' ')
                    .take_while(|b| {
                        b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')
                    })
                    .collect();
                return encoding_rs::Encoding::for_label(&label);
            }
        }
        rest = &rest[at + b"<meta".len()..];
    }
    None
}

/// Old Mac line endings (a CR alone) as line feeds, so their lines stay apart; CRLF is kept.
/// Same length in bytes, so offsets into the text are unchanged.
fn lone_cr_to_lf(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() != Some(&'\n') {
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

fn decode_as_is(bytes: &[u8]) -> Result<Decoded, Refusal> {
    if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(bytes) {
        if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
            let (text, _, had_errors) = encoding.decode(bytes);
            if text.contains('\0') {
                return Err(Refusal::Binary);
            }
            let decoded = Decoded {
                text: text.into_owned(),
                warning: had_errors
                    .then(|| format!("not valid {}; bad sequences replaced", encoding.name())),
            };
            if decoded.text.trim().is_empty() {
                return Err(Refusal::Empty);
            }
            return Ok(decoded);
        }
    }
    if bytes.contains(&0) {
        return Err(Refusal::Binary);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let decoded = match std::str::from_utf8(bytes) {
        Ok(text) => Decoded {
            text: text.to_string(),
            warning: None,
        },
        Err(e) => {
            let (text, _, _) = WINDOWS_1252.decode(bytes);
            Decoded {
                text: text.into_owned(),
                warning: Some(format!(
                    "not valid UTF-8 (byte {}); read as Windows-1252/Latin-1",
                    e.valid_up_to()
                )),
            }
        }
    };
    if decoded.text.trim().is_empty() {
        return Err(Refusal::Empty);
    }
    Ok(decoded)
}

/// One field of a streamed record (a CSV cell) as text: UTF-8, or else Windows-1252 (the
/// second value says so), with lone CRs as line feeds and in NFC, as [`decode`] gives a file.
/// Nothing is refused: an empty field is an empty string.
pub fn decode_field(bytes: &[u8]) -> (String, bool) {
    let (mut text, fallback) = match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), false),
        Err(_) => (WINDOWS_1252.decode(bytes).0.into_owned(), true),
    };
    if text.contains('\r') {
        text = lone_cr_to_lf(&text);
    }
    if is_nfc_quick(text.chars()) != IsNormalized::Yes {
        text = text.nfc().collect();
    }
    (text, fallback)
}

/// `16 MiB`, `1.5 KiB`, `12 B`.
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["B", "KiB", "MiB", "GiB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 || value.fract() == 0.0 {
        format!("{value:.0} {}", UNITS[unit])
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_in_its_declared_encoding_is_read_without_a_warning() {
        let page = b"<html><head><meta charset=\"ISO-8859-1\"></head><p>Caf\xe9 cr\xe8me</p>";
        let decoded = decode_html(page).unwrap();
        assert!(decoded.text.contains("Café crème"), "{}", decoded.text);
        assert_eq!(decoded.warning, None);
        let old_style =
            b"<meta http-equiv='Content-Type' content='text/html; charset=windows-1251'><p>\xcc\xee\xf1\xea\xe2\xe0</p>";
        assert!(decode_html(old_style).unwrap().text.contains("Москва"));
        assert_eq!(
            decode_html(b"<meta charset = \"iso-8859-1\"><p>Caf\xe9</p>")
                .unwrap()
                .warning,
            None
        );
        // No declaration, a false UTF-8 one, one outside a <meta> tag, or one that would
        // turn the page into a replacement character: read as before, with the warning.
        for page in [
            &b"<p>Caf\xe9</p>"[..],
            b"<meta charset=utf-8><p>Caf\xe9</p>",
            b"<script src='x.js?charset=iso-8859-1'></script><p>Caf\xe9</p>",
            b"<meta charset=iso-2022-kr><p>Caf\xe9</p>",
        ] {
            let decoded = decode_html(page).unwrap();
            assert!(decoded.text.contains("Café"));
            assert!(decoded.warning.unwrap().contains("Windows-1252"));
        }
    }

    #[test]
    fn the_http_charset_wins_over_the_page_and_a_guess() {
        let moscow = b"<p>\xcc\xee\xf1\xea\xe2\xe0</p>";
        let sent = |bytes: &[u8], header: &str| decode_html_sent_as(bytes, Some(header)).unwrap();
        let cyrillic = sent(moscow, "text/html; charset=windows-1251");
        assert!(cyrillic.text.contains("Москва"), "{}", cyrillic.text);
        assert_eq!(cyrillic.warning, None);
        assert!(sent(moscow, "text/html;Charset=\"WINDOWS-1251\"")
            .text
            .contains("Москва"));
        // Over a <meta> that says otherwise.
        let meta = b"<meta charset=iso-8859-1><p>\xcc\xee\xf1\xea\xe2\xe0</p>";
        assert!(sent(meta, "text/html; charset=windows-1251")
            .text
            .contains("Москва"));
        // No charset, an unknown one, or UTF-8 for bytes that are not: the page decides.
        let latin = b"<meta charset=iso-8859-1><p>Caf\xe9</p>";
        for header in [
            "text/html",
            "text/html; charset=klingon",
            "text/html; charset=utf-8",
        ] {
            let decoded = sent(latin, header);
            assert!(decoded.text.contains("Café"), "{header}: {}", decoded.text);
            assert_eq!(decoded.warning, None, "{header}");
        }
        // Valid UTF-8 stays UTF-8 under a server's default single-byte charset.
        assert!(
            sent("<p>Café</p>".as_bytes(), "text/html; charset=iso-8859-1")
                .text
                .contains("Café")
        );
    }

    #[test]
    fn decomposed_text_is_composed() {
        let decoded = decode("Maros\u{30c} S\u{30c}efc\u{30c}ovic\u{30c}".as_bytes()).unwrap();
        assert_eq!(decoded.text, "Maroš Šefčovič");
    }

    #[test]
    fn utf8_passes_through_without_warning() {
        let decoded = decode("Café au lait".as_bytes()).unwrap();
        assert_eq!(decoded.text, "Café au lait");
        assert_eq!(decoded.warning, None);
    }

    #[test]
    fn latin1_bytes_are_read_as_windows_1252_with_a_warning() {
        let decoded = decode(b"Caf\xe9 cr\xe8me").unwrap();
        assert_eq!(decoded.text, "Café crème");
        assert!(decoded.warning.unwrap().contains("Windows-1252"));
    }

    #[test]
    fn a_utf8_bom_is_dropped() {
        assert_eq!(decode(b"\xEF\xBB\xBFHello").unwrap().text, "Hello");
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_decoded() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("Café".encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(decode(&le).unwrap().text, "Café");
        let mut be = vec![0xFE, 0xFF];
        be.extend("Café".encode_utf16().flat_map(|u| u.to_be_bytes()));
        assert_eq!(decode(&be).unwrap().text, "Café");
    }

    #[test]
    fn fields_are_read_like_files() {
        assert_eq!(decode_field(b"Caf\xc3\xa9"), ("Café".to_string(), false));
        assert_eq!(decode_field(b"Caf\xe9"), ("Café".to_string(), true));
        assert_eq!(decode_field(b"one\rtwo"), ("one\ntwo".to_string(), false));
        assert_eq!(decode_field(b""), (String::new(), false));
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert_eq!(decode(b"PK\x03\x04\x00\x00"), Err(Refusal::Binary));
    }

    #[test]
    fn whitespace_only_is_empty() {
        assert_eq!(decode(b" \n\t\n"), Err(Refusal::Empty));
        assert_eq!(decode(b""), Err(Refusal::Empty));
    }

    #[test]
    fn size_limit_is_inclusive() {
        assert_eq!(check_size(10, 10), Ok(()));
        assert!(check_size(11, 10).is_err());
    }

    #[test]
    fn sizes_read_like_people_write_them() {
        assert_eq!(human_size(16 * 1024 * 1024), "16 MiB");
        assert_eq!(human_size(1536), "1.5 KiB");
        assert_eq!(human_size(12), "12 B");
    }

    #[test]
    fn cr_only_and_mixed_line_endings_keep_lines_apart() {
        let decoded = decode(b"Title\r\rFirst line.\rSecond line.\r\nThird.").unwrap();
        assert_eq!(decoded.text, "Title\n\nFirst line.\nSecond line.\r\nThird.");
    }
}
