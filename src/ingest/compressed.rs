//! Reading compressed collections (`.gz` and `.zst` of `.jsonl`, `.csv`, `.tsv`, `.warc`) and
//! streaming collection files record by record.
//!
//! **For**: undoing the compression of a collection file as it is read, as the kind its inner
//! name says, and handing out its lines with a bound on each ([`read_line_capped`]), so a
//! collection of any size is read with memory bounded by its largest record, not its size.
//! [`gunzip`] inflates a small gzip body whole (an HTTP body inside a web archive), bounded
//! by a limit. A truncated or corrupt stream keeps every whole record before the break, with
//! one warning. **Not for**: archives holding several files (`.tar.gz`, `.zip`), or compressed
//! single articles (`.txt.gz`).
//!
//! Zstandard: the `zstd` crate (bindings to the format's reference C library, the fastest
//! decoder, maintained for years and used widely) rather than `ruzstd` (pure Rust, slower to
//! decode); both read multi-frame files.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;

/// How a collection file is compressed, from its last extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compression {
    None,
    /// `.gz` (several members are read as one, as `gzip -d` does).
    Gzip,
    /// `.zst` (several frames are read as one, as `zstd -d` does).
    Zstd,
}

impl Compression {
    /// The compression a file name says (`news.jsonl.zst` → [`Compression::Zstd`]).
    pub fn of(path: &Path) -> Compression {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("gz") => Compression::Gzip,
            Some("zst") => Compression::Zstd,
            _ => Compression::None,
        }
    }

    /// What the stream is called in messages.
    pub fn name(self) -> &'static str {
        match self {
            Compression::None => "file",
            Compression::Gzip => "gzip stream",
            Compression::Zstd => "zstd stream",
        }
    }
}

/// Buffer size of a collection stream: large enough for sequential reads to be cheap.
const STREAM_BUFFER: usize = 256 * 1024;

/// Hears how many bytes of a file were read; called from the reading thread, so it is `Sync`.
pub type OnRead<'a> = &'a (dyn Fn(u64) + Sync);

/// Bytes read are told to an [`OnRead`] in steps of at least this many (and at the end), so
/// following a large file costs one call per megabyte, not one per buffer.
const REPORT_STEP: u64 = 1 << 20;

/// A reader that tells an [`OnRead`] how many bytes it has read.
struct Counted<'a, R> {
    inner: R,
    on_read: OnRead<'a>,
    pending: u64,
}

impl<R: Read> Read for Counted<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.pending += n as u64;
        if self.pending >= REPORT_STEP || n == 0 {
            (self.on_read)(std::mem::take(&mut self.pending));
        }
        Ok(n)
    }
}

impl<R> Drop for Counted<'_, R> {
    fn drop(&mut self) {
        if self.pending > 0 {
            (self.on_read)(std::mem::take(&mut self.pending));
        }
    }
}

/// Opens a collection file as a buffered stream of its decompressed bytes.
///
/// # Errors
/// When the file cannot be opened, or a zstd stream has no valid frame header.
pub fn open(path: &Path) -> std::io::Result<Box<dyn BufRead + Send>> {
    fn ignore(_: u64) {}
    open_counted(path, &ignore)
}

/// [`open`], telling `on_read` how many bytes of the file itself (compressed, as on disk) have
/// been read, as they are read.
///
/// # Errors
/// As [`open`].
pub fn open_counted<'a>(
    path: &Path,
    on_read: OnRead<'a>,
) -> std::io::Result<Box<dyn BufRead + Send + 'a>> {
    let file = Counted {
        inner: std::fs::File::open(path)?,
        on_read,
        pending: 0,
    };
    Ok(match Compression::of(path) {
        Compression::None => Box::new(BufReader::with_capacity(STREAM_BUFFER, file)),
        Compression::Gzip => Box::new(BufReader::with_capacity(
            STREAM_BUFFER,
            flate2::read::MultiGzDecoder::new(BufReader::new(file)),
        )),
        Compression::Zstd => Box::new(BufReader::with_capacity(
            STREAM_BUFFER,
            zstd::stream::read::Decoder::new(file)?,
        )),
    })
}

/// How reading one line went.
#[derive(Debug, PartialEq, Eq)]
pub enum Line {
    /// A line (its end-of-line bytes dropped) is in the buffer.
    Read,
    /// The line was longer than the cap; its first `cap` bytes were kept, the rest read past.
    TooLong { length: u64 },
    /// The stream ended.
    End,
}

/// Reads the next line of `reader` into `line` (cleared first), keeping at most `cap` bytes of
/// it, so one huge line costs no more memory than the cap.
///
/// # Errors
/// A read error of the stream (a truncated or corrupt compressed stream); the partial line is
/// then dropped.
pub fn read_line_capped(
    reader: &mut dyn BufRead,
    line: &mut Vec<u8>,
    cap: usize,
) -> std::io::Result<Line> {
    line.clear();
    let mut length: u64 = 0;
    let mut any = false;
    loop {
        let buffer = match reader.fill_buf() {
            Ok(buffer) => buffer,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => {
                line.clear();
                return Err(e);
            }
        };
        if buffer.is_empty() {
            break;
        }
        any = true;
        let (piece, done) = match buffer.iter().position(|&b| b == b'\n') {
            Some(i) => (&buffer[..i], Some(i + 1)),
            None => (buffer, None),
        };
        let room = cap.saturating_sub(line.len());
        line.extend_from_slice(&piece[..piece.len().min(room)]);
        length += piece.len() as u64;
        let used = done.unwrap_or(buffer.len());
        reader.consume(used);
        if done.is_some() {
            break;
        }
    }
    if !any {
        return Ok(Line::End);
    }
    if line.last() == Some(&b'\r') && length <= cap as u64 {
        line.pop();
        length -= 1;
    }
    if length > cap as u64 {
        return Ok(Line::TooLong { length });
    }
    Ok(Line::Read)
}

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

/// Decompresses a gzip stream held in memory (several members are read as one, as `gzip -d`
/// does), keeping at most `limit` bytes.
pub fn gunzip(input: impl Read, limit: u64) -> Inflated {
    inflate(
        flate2::read::MultiGzDecoder::new(input),
        limit,
        Compression::Gzip,
    )
}

/// Reads a decompressing stream to its end, keeping at most `limit` bytes; when the stream
/// breaks or the limit is reached, whole lines only, with a warning.
pub fn inflate(input: impl Read, limit: u64, compression: Compression) -> Inflated {
    let mut decoder = input.take(limit.saturating_add(1));
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
                "{} is truncated or corrupt ({e}); kept the {} bytes of whole lines before the break",
                compression.name(),
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
    fn lines_are_read_one_by_one_with_a_cap() {
        let mut reader: &[u8] = b"one\r\nsecond line is long\nlast";
        let mut line = Vec::new();
        assert_eq!(
            read_line_capped(&mut reader, &mut line, 8).unwrap(),
            Line::Read
        );
        assert_eq!(line, b"one");
        assert_eq!(
            read_line_capped(&mut reader, &mut line, 8).unwrap(),
            Line::TooLong { length: 19 }
        );
        assert_eq!(line, b"second l");
        assert_eq!(
            read_line_capped(&mut reader, &mut line, 8).unwrap(),
            Line::Read
        );
        assert_eq!(line, b"last");
        assert_eq!(
            read_line_capped(&mut reader, &mut line, 8).unwrap(),
            Line::End
        );
    }

    #[test]
    fn zstd_and_gzip_files_stream_their_lines() {
        let dir = tempfile::tempdir().unwrap();
        let lines = "a\nb\n".repeat(1000);
        let zst = dir.path().join("n.jsonl.zst");
        std::fs::write(&zst, zstd::encode_all(lines.as_bytes(), 3).unwrap()).unwrap();
        let gz = dir.path().join("n.jsonl.gz");
        std::fs::write(&gz, gzip(lines.as_bytes())).unwrap();
        for path in [zst, gz] {
            let mut reader = open(&path).unwrap();
            let mut all = String::new();
            reader.read_to_string(&mut all).unwrap();
            assert_eq!(all, lines, "{}", path.display());
        }
    }

    #[test]
    fn bytes_read_from_the_file_are_told_as_they_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let lines = "a line of a collection\n".repeat(200_000);
        let plain = dir.path().join("n.jsonl");
        std::fs::write(&plain, &lines).unwrap();
        let gz = dir.path().join("n.jsonl.gz");
        std::fs::write(&gz, gzip(lines.as_bytes())).unwrap();
        for path in [plain, gz] {
            let told = std::sync::atomic::AtomicU64::new(0);
            let calls = std::sync::atomic::AtomicU64::new(0);
            let on_read = |n: u64| {
                told.fetch_add(n, std::sync::atomic::Ordering::Relaxed);
                calls.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            };
            let mut reader = open_counted(&path, &on_read).unwrap();
            let mut line = Vec::new();
            read_line_capped(&mut *reader, &mut line, 100).unwrap();
            let early = told.load(std::sync::atomic::Ordering::Relaxed);
            assert!(early < std::fs::metadata(&path).unwrap().len());
            std::io::copy(&mut reader, &mut std::io::sink()).unwrap();
            drop(reader);
            let size = std::fs::metadata(&path).unwrap().len();
            assert_eq!(told.into_inner(), size, "{}", path.display());
            assert!(calls.into_inner() <= size / REPORT_STEP + 3);
        }
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
