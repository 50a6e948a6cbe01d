//! Reading web archives (`.warc`, `.warc.gz`): each HTML page a crawler saved becomes an article.
//!
//! **For**: the WARC files crawlers and the Internet Archive write (ISO 28500, WARC/1.0 and
//! 1.1). Each `response` record holding an HTTP 200 answer with an HTML body is handed to
//! [`super::html`]; its target URI becomes the article's id and URL. Other records (requests,
//! metadata, images, redirects, errors) are counted, not indexed. **Not for**: replaying
//! archives, revisit records (they hold no body), or HTTP bodies compressed with anything but
//! gzip.
//!
//! The record format is simple enough to read here directly (a header block, a
//! `Content-Length`, the block), which keeps the dependency list short; a record whose header
//! is damaged or whose block is cut short is reported, and reading goes on at the next
//! `WARC/` header. A `Content-Length` that runs past its record (the next record's header
//! is inside the block, not after it) is reported and the block cut there, so the records
//! after it are still read. A page's HTTP `charset` is handed on with it, to decode it by.
//! Records are read one at a time from a stream ([`Reader`]), so an archive of
//! any size costs the memory of its largest record, which `--max-file-size` bounds.

use std::io::{BufRead, Read};

/// One HTML page found in an archive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Response {
    /// `WARC-Target-URI`: the address the page was fetched from.
    pub uri: String,
    /// The HTTP body (de-chunked and un-gzipped), in the page's own encoding.
    pub body: Vec<u8>,
    /// The HTTP `Content-Type` header's value, whose `charset` says that encoding.
    pub content_type: String,
}

/// One record of an archive, as [`Reader`] hands them out.
#[derive(Debug, PartialEq, Eq)]
pub enum Item {
    /// An HTML page answered with 200.
    Page(Response),
    /// A record that is not one (a request, metadata, an image, a redirect, an error).
    Other,
    /// A damaged record, as "record at byte N: reason"; reading goes on at the next header.
    Problem(String),
}

/// Reads the records of an (uncompressed) WARC stream one at a time, holding one record in
/// memory: a record whose block is longer than the cap is read past and reported.
pub struct Reader<R> {
    input: Replay<R>,
    /// The stream offset of the next unread byte, for messages.
    at: u64,
    cap: usize,
    /// A version line met while looking for the next record, to start it with.
    pending: Option<Vec<u8>>,
    /// Set when the stream itself failed (a truncated or corrupt compressed stream).
    pub failure: Option<std::io::Error>,
    /// Records read in spite of a fault, one line each ("record at byte N (URI): ..."), for
    /// the caller to pass on; they are still handed out.
    pub notes: Vec<String>,
}

/// A stream with bytes put back in front of it: the part of a block that turned out to be
/// the next record, to be read again as that.
struct Replay<R> {
    front: Vec<u8>,
    at: usize,
    inner: R,
}

impl<R: BufRead> Replay<R> {
    fn unread(&mut self, bytes: &[u8]) {
        let mut front = bytes.to_vec();
        front.extend_from_slice(&self.front[self.at..]);
        self.front = front;
        self.at = 0;
    }
}

impl<R: BufRead> Read for Replay<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(buf.len());
        buf[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Replay<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        if self.at < self.front.len() {
            return Ok(&self.front[self.at..]);
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        if self.at < self.front.len() {
            self.at = (self.at + amount).min(self.front.len());
            if self.at == self.front.len() {
                self.front.clear();
                self.at = 0;
            }
        } else {
            self.inner.consume(amount);
        }
    }
}

/// How far past a block [`Reader`] looks for the start of the next record.
const LOOK_AHEAD: usize = 64;

/// A record's header lines are short; this bounds one line of them.
const MAX_HEADER_LINE: u64 = 64 * 1024;

impl<R: BufRead> Reader<R> {
    /// A reader keeping at most `cap` bytes of any one record's block.
    pub fn new(input: R, cap: usize) -> Reader<R> {
        Reader {
            input: Replay {
                front: Vec::new(),
                at: 0,
                inner: input,
            },
            at: 0,
            cap,
            pending: None,
            failure: None,
            notes: Vec::new(),
        }
    }

    /// Whether what follows in the stream is where a record may end: the end of the stream,
    /// or blank lines then a `WARC/` version line. Nothing is consumed.
    fn at_record_end(&mut self) -> bool {
        let mut ahead = Vec::new();
        match (&mut self.input)
            .take(LOOK_AHEAD as u64)
            .read_to_end(&mut ahead)
        {
            Ok(_) => {}
            // The failure shows when the next record is read.
            Err(_) => return true,
        }
        self.input.unread(&ahead);
        let rest = match ahead.iter().position(|b| !matches!(b, b'\r' | b'\n')) {
            Some(first) => &ahead[first..],
            None => return true,
        };
        b"WARC/".starts_with(&rest[..rest.len().min(5)])
    }

    /// When a block's `Content-Length` ran past its record (the block holds the end of the
    /// record, then the next record's header), cuts the block there, puts the rest back in
    /// the stream and says so in [`Reader::notes`]; `declared` is the `Content-Length`.
    fn cut_at_next_record(
        &mut self,
        block: &mut Vec<u8>,
        head: &str,
        start: u64,
        declared: u64,
    ) -> bool {
        let Some(end) = next_record_in(block) else {
            return false;
        };
        self.input.unread(&block[end..]);
        self.at -= (block.len() - end) as u64;
        block.truncate(end);
        let name = header(head, "WARC-Target-URI")
            .or_else(|| header(head, "WARC-Record-ID"))
            .map(|name| format!(" ({})", name.trim_matches(['<', '>'])))
            .unwrap_or_default();
        self.notes.push(format!(
            "WARC record at byte {start}{name} says Content-Length: {declared}, but the next \
             record starts after {end} bytes of it; read it as {end} bytes and went on there"
        ));
        true
    }

    /// The next line (with its line end), or `None` at the end or on a stream failure.
    fn next_line(&mut self) -> Option<Vec<u8>> {
        if let Some(line) = self.pending.take() {
            return Some(line);
        }
        let mut line = Vec::new();
        match (&mut self.input)
            .take(MAX_HEADER_LINE)
            .read_until(b'\n', &mut line)
        {
            Ok(0) => None,
            Ok(n) => {
                self.at += n as u64;
                Some(line)
            }
            Err(e) => {
                self.failure = Some(e);
                None
            }
        }
    }

    /// Skips to the next `WARC/` version line, keeping it for the next record.
    fn resync(&mut self) {
        while let Some(line) = self.next_line() {
            if line.starts_with(b"WARC/") {
                self.pending = Some(line);
                return;
            }
        }
    }
}

fn is_blank(line: &[u8]) -> bool {
    line.iter().all(|b| matches!(b, b'\r' | b'\n'))
}

impl<R: BufRead> Iterator for Reader<R> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        // Blank lines between records.
        let first = loop {
            let line = self.next_line()?;
            if !is_blank(&line) {
                break line;
            }
        };
        let start = self.at - first.len() as u64;
        let problem = |reason: String| Item::Problem(format!("record at byte {start}: {reason}"));
        if !first.starts_with(b"WARC/") {
            self.resync();
            return Some(problem("does not start with a WARC/ version line".into()));
        }
        let mut head = first;
        loop {
            let Some(line) = self.next_line() else {
                return Some(problem("header never ends".into()));
            };
            let blank = is_blank(&line);
            head.extend_from_slice(&line);
            if blank {
                break;
            }
        }
        let head = String::from_utf8_lossy(&head).into_owned();
        let length = match header(&head, "Content-Length").map(str::parse::<u64>) {
            None => {
                self.resync();
                return Some(problem("no Content-Length".into()));
            }
            Some(Err(_)) => {
                self.resync();
                return Some(problem("Content-Length is not a number".into()));
            }
            Some(Ok(length)) => length,
        };
        if length > self.cap as u64 {
            let skipped = std::io::copy(&mut (&mut self.input).take(length), &mut std::io::sink());
            self.at += skipped.as_ref().map_or(0, |n| *n);
            return Some(problem(format!(
                "block of {} is over the limit of {} (raise it with --max-file-size); skipped",
                super::decode::human_size(length),
                super::decode::human_size(self.cap as u64)
            )));
        }
        let mut block = Vec::new();
        match (&mut self.input).take(length).read_to_end(&mut block) {
            Ok(n) => self.at += n as u64,
            Err(e) => {
                self.failure = Some(e);
                return None;
            }
        }
        // A `Content-Length` larger than the block would swallow the records after it: the
        // next record must follow the block, and when it does not but starts inside it, the
        // block ends there.
        let complete = (block.len() as u64) == length;
        let ends_here = complete && self.at_record_end();
        let cut = !ends_here && self.cut_at_next_record(&mut block, &head, start, length);
        if !complete && !cut {
            return Some(problem(format!(
                "block cut short ({} of {length} bytes)",
                block.len()
            )));
        }
        Some(match record(&head, &block) {
            Some(page) => Item::Page(page),
            None => Item::Other,
        })
    }
}

/// Where in a block a record that ran past its end stops: the blank lines before the first
/// `WARC/1.` version line inside it.
fn next_record_in(block: &[u8]) -> Option<usize> {
    find(block, b"\r\n\r\nWARC/1.").or_else(|| find(block, b"\n\nWARC/1."))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Splits a header block (lines up to a blank line) from what follows it.
fn split_head(data: &[u8]) -> Option<(&[u8], &[u8])> {
    if let Some(i) = find(data, b"\r\n\r\n") {
        let lf = find(data, b"\n\n");
        if lf.is_none_or(|j| j > i) {
            return Some((&data[..i], &data[i + 4..]));
        }
    }
    find(data, b"\n\n").map(|i| (&data[..i], &data[i + 2..]))
}

/// The value of a header (case-insensitive name) in a header block.
fn header<'a>(head: &'a str, name: &str) -> Option<&'a str> {
    head.lines().skip(1).find_map(|line| {
        let (key, value) = line.split_once(':')?;
        key.trim()
            .eq_ignore_ascii_case(name)
            .then_some(value.trim())
    })
}

/// The page a record holds, if it is an HTML page answered with 200.
fn record(head: &str, block: &[u8]) -> Option<Response> {
    let is_response = header(head, "WARC-Type").is_some_and(|t| t.eq_ignore_ascii_case("response"));
    let is_http = header(head, "Content-Type").is_some_and(|t| t.contains("application/http"));
    let uri = header(head, "WARC-Target-URI")
        .map(|u| u.trim_matches(['<', '>']).to_string())
        .filter(|u| !u.is_empty());
    match (is_response && is_http, uri) {
        (true, Some(uri)) => http_html(block).map(|(body, content_type)| Response {
            uri,
            body,
            content_type,
        }),
        _ => None,
    }
}

/// The body of an HTTP 200 answer with an HTML content type, with that content type, or `None`.
fn http_html(block: &[u8]) -> Option<(Vec<u8>, String)> {
    let (head, body) = split_head(block)?;
    let head = String::from_utf8_lossy(head);
    let status = head.lines().next()?.split_whitespace().nth(1)?;
    if status != "200" {
        return None;
    }
    let content_type = header(&head, "Content-Type")?.to_string();
    let html = {
        let t = content_type.to_ascii_lowercase();
        t.contains("text/html") || t.contains("application/xhtml")
    };
    if !html {
        return None;
    }
    let mut body = body.to_vec();
    if header(&head, "Transfer-Encoding").is_some_and(|t| t.eq_ignore_ascii_case("chunked")) {
        body = dechunk(&body);
    }
    if header(&head, "Content-Encoding").is_some_and(|t| t.eq_ignore_ascii_case("gzip")) {
        body = super::compressed::gunzip(&body[..], u64::MAX).bytes;
    }
    Some((body, content_type))
}

/// Undoes HTTP chunked transfer encoding (keeping what is there if the chunks are damaged).
fn dechunk(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(eol) = find(&data[at..], b"\r\n") {
        let size_text = String::from_utf8_lossy(&data[at..at + eol]);
        let Ok(size) = usize::from_str_radix(size_text.split(';').next().unwrap_or("").trim(), 16)
        else {
            break;
        };
        let chunk = at + eol + 2;
        if size == 0 || chunk + size > data.len() {
            out.extend_from_slice(&data[chunk.min(data.len())..(chunk + size).min(data.len())]);
            break;
        }
        out.extend_from_slice(&data[chunk..chunk + size]);
        at = chunk + size + 2;
        if at >= data.len() {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Default)]
    struct Archive {
        pages: Vec<Response>,
        other_records: usize,
        problems: Vec<String>,
    }

    fn read(data: &[u8]) -> Archive {
        let mut archive = Archive::default();
        for item in Reader::new(data, 1 << 20) {
            match item {
                Item::Page(page) => archive.pages.push(page),
                Item::Other => archive.other_records += 1,
                Item::Problem(p) => archive.problems.push(p),
            }
        }
        archive
    }

    fn rec(kind: &str, uri: &str, http: &str) -> String {
        format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype={kind}\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
            http.len()
        )
    }

    #[test]
    fn html_responses_are_pages_and_the_rest_is_counted() {
        let page = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Hello</p>";
        let image = "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nPNG";
        let moved = "HTTP/1.1 301 Moved\r\nContent-Type: text/html\r\n\r\n<p>moved</p>";
        let data = rec("request", "https://a.example/", "GET / HTTP/1.1\r\n\r\n")
            + &rec("response", "https://a.example/", page)
            + &rec("response", "https://a.example/i.png", image)
            + &rec("response", "https://a.example/old", moved);
        let archive = read(data.as_bytes());
        assert_eq!(archive.pages.len(), 1);
        assert_eq!(archive.pages[0].uri, "https://a.example/");
        assert_eq!(archive.pages[0].body, b"<p>Hello</p>");
        assert_eq!(archive.other_records, 3);
        assert!(archive.problems.is_empty());
    }

    #[test]
    fn a_damaged_record_is_reported_and_the_next_one_read() {
        let page = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Kept</p>";
        let data = "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: lots\r\n\r\njunk\r\n\r\n"
            .to_string()
            + &rec("response", "https://b.example/", page);
        let archive = read(data.as_bytes());
        assert_eq!(archive.problems.len(), 1, "{:?}", archive.problems);
        assert!(archive.problems[0].contains("Content-Length"));
        assert_eq!(archive.pages.len(), 1);
    }

    #[test]
    fn a_record_over_the_cap_is_read_past_and_reported() {
        let big = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>{}</p>",
            "x".repeat(5000)
        );
        let small = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Kept</p>";
        let data = rec("response", "https://a.example/big", &big)
            + &rec("response", "https://a.example/small", small);
        let items: Vec<Item> = Reader::new(data.as_bytes(), 1000).collect();
        assert_eq!(items.len(), 2, "{items:?}");
        assert!(matches!(&items[0], Item::Problem(p) if p.contains("over the limit")));
        assert!(matches!(&items[1], Item::Page(p) if p.uri == "https://a.example/small"));
    }

    #[test]
    fn a_block_cut_short_is_one_problem() {
        let page = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Kept</p>";
        let data = rec("response", "https://a.example/", page);
        let archive = read(&data.as_bytes()[..data.len() - 10]);
        assert_eq!(archive.problems.len(), 1, "{:?}", archive.problems);
        assert!(archive.problems[0].contains("cut short"));
    }

    #[test]
    fn a_content_length_past_the_record_is_cut_at_the_next_record() {
        let page =
            |word: &str| format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>{word}</p>");
        let one = page("one");
        let long = rec("response", "https://a.example/1", &one).replacen(
            &format!("Content-Length: {}\r\n", one.len()),
            "Content-Length: 140\r\n",
            1,
        );
        assert_ne!(long, rec("response", "https://a.example/1", &one));
        for tail in ["", "\r\n\r\n"] {
            let data = long.clone()
                + &rec("response", "https://a.example/2", &page("two"))
                + &rec("response", "https://a.example/3", &page("three"))
                + tail;
            let mut reader = Reader::new(data.as_bytes(), 1 << 20);
            let items: Vec<Item> = reader.by_ref().collect();
            let uris: Vec<&str> = items
                .iter()
                .filter_map(|item| match item {
                    Item::Page(page) => Some(page.uri.as_str()),
                    _ => None,
                })
                .collect();
            assert_eq!(
                uris,
                [
                    "https://a.example/1",
                    "https://a.example/2",
                    "https://a.example/3"
                ],
                "{items:?}"
            );
            assert!(matches!(&items[0], Item::Page(p) if p.body == b"<p>one</p>"));
            assert_eq!(reader.notes.len(), 1, "{:?}", reader.notes);
            assert!(reader.notes[0].contains("record at byte 0 (https://a.example/1)"));
            assert!(reader.notes[0].contains("Content-Length: 140"));
        }
        // Past the end of the stream, too.
        let data = long.replace("Content-Length: 140", "Content-Length: 9999")
            + &rec("response", "https://a.example/2", &page("two"));
        let mut reader = Reader::new(data.as_bytes(), 1 << 20);
        assert_eq!(
            reader
                .by_ref()
                .filter(|i| matches!(i, Item::Page(_)))
                .count(),
            2
        );
        assert_eq!(reader.notes.len(), 1, "{:?}", reader.notes);
    }

    #[test]
    fn chunked_bodies_are_joined() {
        assert_eq!(
            dechunk(b"4\r\n<p>H\r\n3\r\ni</\r\n2\r\np>\r\n0\r\n\r\n"),
            b"<p>Hi</p>"
        );
    }
}
