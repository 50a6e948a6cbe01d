//! Reading gzip-compressed collections (`.jsonl.gz`, `.csv.gz`, `.tsv.gz`).
//!
//! **For**: undoing the compression of a collection file before it is read as the kind its
//! inner name says. The decompressed size is bounded by `--max-file-size`, so a small file that
//! inflates to gigabytes costs no more than the limit. A truncated or corrupt stream keeps every
//! whole line decompressed before the break, with one warning. **Not for**: archives holding
//! several files (`.tar.gz`, `.zip`), or compressed single articles (`.txt.gz`).

use std::io::Read;
use std::path::Path;

/// What decompressing a file gave.
#[derive(Debug, Default)]
pub struct Inflated {
    /// The decompressed bytes (whole lines only when the stream broke).
    pub bytes: Vec<u8>,
    /// Set when the stream was truncated or corrupt, or over the size limit.
    pub warning: Option<String>,
}

/// The kind of collection inside a `.gz` name (`news.csv.gz` → `csv`), lowercased.
pub fn inner_extension(path: &Path) -> Option<String> {
    let stem = path.file_stem()?;
    Path::new(stem)
        .extension()?
        .to_str()
        .map(str::to_ascii_lowercase)
}

/// Decompresses a gzip stream (several members are read as one, as `gzip -d` does), keeping at
/// most `limit` bytes.
pub fn gunzip(input: impl Read, limit: u64) -> Inflated {
    let mut decoder = flate2::read::MultiGzDecoder::new(input).take(limit.saturating_add(1));
    let mut bytes = Vec::new();
    let mut inflated = Inflated::default();
    match decoder.read_to_end(&mut bytes) {
        Ok(_) if bytes.len() as u64 > limit => {
            cut_to_last_line(&mut bytes, limit as usize);
            inflated.warning = Some(format!(
                "decompresses to more than {}; read up to that limit",
                super::decode::human_size(limit)
            ));
        }
        Ok(_) => {}
        Err(e) => {
            let at = bytes.len();
            cut_to_last_line(&mut bytes, at);
            inflated.warning = Some(format!(
                "gzip stream is truncated or corrupt ({e}); kept the {} bytes of whole lines before the break",
                bytes.len()
            ));
        }
    }
    inflated.bytes = bytes;
    inflated
}

/// Keeps the bytes up to `at`, then drops a last line that has no end.
fn cut_to_last_line(bytes: &mut Vec<u8>, at: usize) {
    bytes.truncate(at);
    let end = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    bytes.truncate(end);
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(data).unwrap();
        encoder.finish().unwrap()
    }

    #[test]
    fn a_whole_stream_is_read() {
        let inflated = gunzip(&gzip(b"one\ntwo\n")[..], 1000);
        assert_eq!(inflated.bytes, b"one\ntwo\n");
        assert!(inflated.warning.is_none());
    }

    #[test]
    fn a_truncated_stream_keeps_its_whole_lines() {
        let lines: String = (0..2000)
            .map(|i| format!("line {i} of the file\n"))
            .collect();
        let packed = gzip(lines.as_bytes());
        let inflated = gunzip(&packed[..packed.len() / 2], 1 << 20);
        assert!(inflated.warning.unwrap().contains("truncated"));
        assert!(inflated.bytes.ends_with(b"\n"));
        assert!(lines.as_bytes().starts_with(&inflated.bytes));
    }

    #[test]
    fn the_limit_bounds_what_is_kept() {
        let inflated = gunzip(&gzip(&b"abc\n".repeat(100))[..], 10);
        assert_eq!(inflated.bytes, b"abc\nabc\n");
        assert!(inflated.warning.unwrap().contains("more than"));
    }

    #[test]
    fn inner_kinds_are_named() {
        assert_eq!(
            inner_extension(Path::new("a/news.CSV.gz")).as_deref(),
            Some("csv")
        );
        assert_eq!(inner_extension(Path::new("news.gz")), None);
    }
}
