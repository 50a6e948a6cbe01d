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
//! `WARC/` header.

/// One HTML page found in an archive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Response {
    /// `WARC-Target-URI`: the address the page was fetched from.
    pub uri: String,
    /// The HTTP body (de-chunked and un-gzipped), in the page's own encoding.
    pub body: Vec<u8>,
}

/// What reading an archive gave.
#[derive(Debug, Default)]
pub struct Archive {
    pub pages: Vec<Response>,
    /// Records that are not HTML pages answered with 200 (requests, metadata, images, redirects).
    pub other_records: usize,
    /// Damaged records, each as "record at byte N: reason".
    pub problems: Vec<String>,
}

/// Reads every record of an (uncompressed) WARC stream.
pub fn read(data: &[u8]) -> Archive {
    let mut archive = Archive::default();
    let mut at = 0;
    while at < data.len() {
        while at < data.len() && matches!(data[at], b'\r' | b'\n') {
            at += 1;
        }
        if at >= data.len() {
            break;
        }
        let start = at;
        match record(data, start) {
            Ok((next, found)) => {
                at = next;
                match found {
                    Some(page) => archive.pages.push(page),
                    None => archive.other_records += 1,
                }
            }
            Err(reason) => {
                archive
                    .problems
                    .push(format!("record at byte {start}: {reason}"));
                at = next_header(data, start + 1);
            }
        }
    }
    archive
}

/// The offset of the next line starting with `WARC/` after `from`, or the end.
fn next_header(data: &[u8], from: usize) -> usize {
    let mut at = from;
    while at < data.len() {
        match find(&data[at..], b"\nWARC/") {
            Some(i) => return at + i + 1,
            None => at = data.len(),
        }
    }
    data.len()
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

/// Reads the record at `start`: the offset after it, and the page it holds if it is one.
fn record(data: &[u8], start: usize) -> Result<(usize, Option<Response>), String> {
    let rest = &data[start..];
    if !rest.starts_with(b"WARC/") {
        return Err("does not start with a WARC/ version line".into());
    }
    let (head, _) = split_head(rest).ok_or("header never ends")?;
    let head = String::from_utf8_lossy(head);
    let head_len = rest.len() - split_head(rest).map_or(0, |(_, after)| after.len());
    let length: usize = header(&head, "Content-Length")
        .ok_or("no Content-Length")?
        .parse()
        .map_err(|_| "Content-Length is not a number")?;
    let block_start = start + head_len;
    let block_end = block_start
        .checked_add(length)
        .filter(|&end| end <= data.len())
        .ok_or_else(|| {
            format!(
                "block cut short ({} of {length} bytes)",
                data.len() - block_start
            )
        })?;
    let block = &data[block_start..block_end];
    let is_response =
        header(&head, "WARC-Type").is_some_and(|t| t.eq_ignore_ascii_case("response"));
    let is_http = header(&head, "Content-Type").is_some_and(|t| t.contains("application/http"));
    let uri = header(&head, "WARC-Target-URI")
        .map(|u| u.trim_matches(['<', '>']).to_string())
        .filter(|u| !u.is_empty());
    let page = match (is_response && is_http, uri) {
        (true, Some(uri)) => http_html(block).map(|body| Response { uri, body }),
        _ => None,
    };
    Ok((block_end, page))
}

/// The body of an HTTP 200 answer with an HTML content type, or `None`.
fn http_html(block: &[u8]) -> Option<Vec<u8>> {
    let (head, body) = split_head(block)?;
    let head = String::from_utf8_lossy(head);
    let status = head.lines().next()?.split_whitespace().nth(1)?;
    if status != "200" {
        return None;
    }
    let html = header(&head, "Content-Type").is_some_and(|t| {
        let t = t.to_ascii_lowercase();
        t.contains("text/html") || t.contains("application/xhtml")
    });
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
    Some(body)
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
    fn chunked_bodies_are_joined() {
        assert_eq!(
            dechunk(b"4\r\n<p>H\r\n3\r\ni</\r\n2\r\np>\r\n0\r\n\r\n"),
            b"<p>Hi</p>"
        );
    }
}
