//! Reading spreadsheet exports (`.csv`, `.tsv`): one article per row.
//!
//! **For**: the exports of news databases and monitoring tools (Media Cloud, GDELT-style dumps,
//! spreadsheets), where a header row names the columns. The header is mapped to article fields
//! by common names ([`auto_columns`]), or by the user's `--columns title=headline,text=body`
//! ([`parse_columns`]). **Not for**: files without a header row, or spreadsheets in binary
//! formats (`.xlsx`). Parsing is the `csv` crate's (RFC 4180 quoting, quoted newlines).
//!
//! A row that cannot be read (wrong number of fields, broken quoting) or has no text is reported
//! with its line number and skipped; the other rows are indexed. Exports are read one row at a
//! time from a stream ([`RowCapped`] bounds what one row may hold), so their size is not
//! bounded by memory.

use ::csv::StringRecord;

/// The article fields a column can fill.
pub const FIELDS: &[&str] = &["id", "title", "text", "date", "source", "url", "author"];

/// Header names recognised for each field, compared case-insensitively with spaces and dashes
/// read as underscores.
const NAMES: &[(&str, &[&str])] = &[
    (
        "id",
        &[
            "id",
            "article_id",
            "stories_id",
            "story_id",
            "guid",
            "uuid",
            "doc_id",
        ],
    ),
    ("title", &["title", "headline", "head", "article_title"]),
    (
        "text",
        &[
            "text",
            "body",
            "content",
            "article_text",
            "full_text",
            "fulltext",
            "body_text",
            "story",
        ],
    ),
    (
        "date",
        &[
            "date",
            "publish_date",
            "published",
            "published_at",
            "publication_date",
            "date_published",
            "pubdate",
            "pub_date",
        ],
    ),
    (
        "source",
        &[
            "source",
            "outlet",
            "media_name",
            "media",
            "publisher",
            "publication",
            "site_name",
            "source_name",
        ],
    ),
    (
        "url",
        &["url", "link", "article_url", "canonical_url", "story_url"],
    ),
    ("author", &["author", "authors", "byline", "writer"]),
];

/// Which column (by index) holds each article field.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Columns {
    pub id: Option<usize>,
    pub title: Option<usize>,
    pub text: Option<usize>,
    pub date: Option<usize>,
    pub source: Option<usize>,
    pub url: Option<usize>,
    pub author: Option<usize>,
}

impl Columns {
    fn slot(&mut self, field: &str) -> Option<&mut Option<usize>> {
        Some(match field {
            "id" => &mut self.id,
            "title" => &mut self.title,
            "text" => &mut self.text,
            "date" => &mut self.date,
            "source" => &mut self.source,
            "url" => &mut self.url,
            "author" => &mut self.author,
            _ => return None,
        })
    }
}

fn normalise(name: &str) -> String {
    name.trim()
        .trim_start_matches('\u{feff}')
        .to_lowercase()
        .replace([' ', '-'], "_")
}

/// Maps a header row to fields: the user's choices (`field`, `column name`) first, then the
/// common names. An explicit column missing from the header is an error naming it.
pub fn auto_columns(header: &StringRecord, chosen: &[(String, String)]) -> Result<Columns, String> {
    let names: Vec<String> = header.iter().map(normalise).collect();
    let mut columns = Columns::default();
    for (field, column) in chosen {
        let wanted = normalise(column);
        let Some(index) = names.iter().position(|n| *n == wanted) else {
            return Err(format!(
                "--columns {field}={column}: no column {column:?} in the header ({})",
                header.iter().collect::<Vec<_>>().join(", ")
            ));
        };
        if let Some(slot) = columns.slot(field) {
            *slot = Some(index);
        }
    }
    for (field, aliases) in NAMES {
        let Some(slot) = columns.slot(field) else {
            continue;
        };
        if slot.is_none() {
            *slot = aliases
                .iter()
                .find_map(|alias| names.iter().position(|n| n == alias));
        }
    }
    Ok(columns)
}

/// What a row's fingerprint records of the user's `--columns` choice: a hash of the choice and
/// of the header it was applied to, so either changing makes the rows read again.
pub fn choice_mark(header: &StringRecord, chosen: &[(String, String)]) -> String {
    let mut hasher = blake3::Hasher::new();
    for (field, column) in chosen {
        hasher.update(format!("{field}={}\u{1f}", normalise(column)).as_bytes());
    }
    hasher.update(b"\x1e");
    for name in header {
        hasher.update(format!("{}\u{1f}", normalise(name)).as_bytes());
    }
    hasher.finalize().to_hex()[..16].to_string()
}

/// The user's column choices from `--columns`, as (`field`, `column name`) pairs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ColumnChoice(pub Vec<(String, String)>);

/// [`parse_columns`] for the command line.
pub fn parse_column_choice(value: &str) -> Result<ColumnChoice, String> {
    parse_columns(value).map(ColumnChoice)
}

/// Parses `--columns title=headline,text=body`: a list of `field=column` pairs whose fields
/// are among [`FIELDS`].
pub fn parse_columns(value: &str) -> Result<Vec<(String, String)>, String> {
    value
        .split(',')
        .filter(|pair| !pair.trim().is_empty())
        .map(|pair| {
            let Some((field, column)) = pair.split_once('=') else {
                return Err(format!("{pair:?} is not FIELD=COLUMN"));
            };
            let field = field.trim().to_ascii_lowercase();
            if !FIELDS.contains(&field.as_str()) {
                return Err(format!(
                    "unknown field {field:?} (fields: {})",
                    FIELDS.join(", ")
                ));
            }
            let column = column.trim();
            if column.is_empty() {
                return Err(format!("no column named for {field}"));
            }
            Ok((field, column.to_string()))
        })
        .collect()
}

/// One row's fields, as the columns map them (empty cells are `None`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Row {
    pub id: Option<String>,
    pub title: Option<String>,
    pub text: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
}

impl Row {
    /// The row's fields under the given mapping.
    pub fn of(record: &StringRecord, columns: &Columns) -> Row {
        let cell = |index: Option<usize>| {
            index
                .and_then(|i| record.get(i))
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_string)
        };
        Row {
            id: cell(columns.id),
            title: cell(columns.title),
            text: cell(columns.text),
            date: cell(columns.date),
            source: cell(columns.source),
            url: cell(columns.url),
            author: cell(columns.author),
        }
    }
}

/// A stream that refuses to hand out more than `cap` bytes (plus the CSV reader's own buffer)
/// past the start of the row being read, so one runaway row (an unclosed quote swallowing the
/// rest of a file) costs a bounded amount of memory. The caller marks where each row starts.
pub struct RowCapped<R> {
    inner: R,
    cap: u64,
    /// Bytes handed out so far, and the offset where the current row starts.
    handed: u64,
    row_start: u64,
    /// Set once the cap was hit: the read error that follows is this, not the stream's.
    pub over: bool,
}

/// Room beyond the cap for what the CSV reader has buffered ahead of the row it parses.
const READ_AHEAD: u64 = 64 * 1024;

impl<R> RowCapped<R> {
    /// `inner` with rows bounded to `cap` bytes.
    pub fn new(inner: R, cap: u64) -> RowCapped<R> {
        RowCapped {
            inner,
            cap,
            handed: 0,
            row_start: 0,
            over: false,
        }
    }

    /// Marks the byte offset (in the stream) where the next row starts.
    pub fn row_starts_at(&mut self, offset: u64) {
        self.row_start = offset;
    }
}

impl<R: std::io::Read> std::io::Read for RowCapped<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let used = self.handed.saturating_sub(self.row_start);
        if used > self.cap.saturating_add(READ_AHEAD) {
            self.over = true;
            return Err(std::io::Error::other("row over the size limit"));
        }
        let n = self.inner.read(buf)?;
        self.handed += n as u64;
        Ok(n)
    }
}

/// A reader for a CSV (`,`) or TSV (tab) stream with a header row; rows of the wrong length are errors.
pub fn reader<R: std::io::Read>(input: R, tab_separated: bool) -> ::csv::Reader<R> {
    ::csv::ReaderBuilder::new()
        .delimiter(if tab_separated { b'\t' } else { b',' })
        .flexible(false)
        .from_reader(input)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_names_are_mapped() {
        let header = StringRecord::from(vec![
            "stories_id",
            "Headline",
            "publish_date",
            "media_name",
            "URL",
            "Body",
        ]);
        let columns = auto_columns(&header, &[]).unwrap();
        assert_eq!(columns.id, Some(0));
        assert_eq!(columns.title, Some(1));
        assert_eq!(columns.date, Some(2));
        assert_eq!(columns.source, Some(3));
        assert_eq!(columns.url, Some(4));
        assert_eq!(columns.text, Some(5));
        assert_eq!(columns.author, None);
    }

    #[test]
    fn chosen_columns_win_and_unknown_ones_are_errors() {
        let header = StringRecord::from(vec!["title", "lede", "story text"]);
        let chosen = parse_columns("text=Story Text,title=lede").unwrap();
        let columns = auto_columns(&header, &chosen).unwrap();
        assert_eq!(columns.text, Some(2));
        assert_eq!(columns.title, Some(1));
        let missing = parse_columns("text=nope").unwrap();
        assert!(auto_columns(&header, &missing)
            .unwrap_err()
            .contains("no column \"nope\""));
        assert!(parse_columns("colour=red").is_err());
        assert!(parse_columns("text").is_err());
    }

    #[test]
    fn a_runaway_row_stops_at_the_cap() {
        let mut data = b"id,text\n1,one\n2,\"never closed ".to_vec();
        data.extend(b"word ".repeat(200_000));
        let mut reader = reader(RowCapped::new(&data[..], 1000), false);
        let mut record = ::csv::ByteRecord::new();
        reader.byte_headers().unwrap();
        assert!(reader.read_byte_record(&mut record).unwrap());
        let at = reader.position().byte();
        reader.get_mut().row_starts_at(at);
        assert!(reader.read_byte_record(&mut record).is_err());
        assert!(reader.get_ref().over);
        assert!(reader.get_ref().handed < 1000 + READ_AHEAD + 64 * 1024);
    }

    #[test]
    fn a_broken_row_is_an_error_with_its_line() {
        let data = "id,text\n1,one\n2,two,extra\n3,three\n";
        let mut reader = reader(data.as_bytes(), false);
        let results: Vec<_> = reader.records().collect();
        assert!(results[0].is_ok());
        let error = results[1].as_ref().unwrap_err();
        assert_eq!(error.position().map(|p| p.line()), Some(3));
        assert!(results[2].is_ok());
    }
}
