//! Reading article collections: finding files, decoding them, splitting paragraphs, and
//! working out each article's title, source and date.
//!
//! Input is any mix of files and folders (searched recursively) holding `.txt`/`.md` articles
//! (one article per file), saved web pages (`.html`/`.htm`, one article per page, see [`html`]),
//! `.jsonl` files (one article per line), `.csv`/`.tsv` exports (one article per row, see
//! [`csv`]), web archives (`.warc`, one article per HTML page, see [`warc`]) and gzip-compressed
//! collections (`.jsonl.gz`, `.csv.gz`, `.warc.gz`, see [`compressed`]). What comes out is plain
//! [`Article`] data; nothing here knows about speakers or the index. A file that cannot be read
//! is reported as [`Skipped`] and never stops the others.

pub mod boilerplate;
pub mod compressed;
pub mod csv;
pub mod dates;
pub mod decode;
pub mod html;
pub mod manifest;
pub mod page_dates;
pub mod paragraphs;
pub mod sources;
pub mod warc;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{bail, Context, Result};
use serde::Deserialize;

use crate::model::{Article, Origin, Paragraph};
pub use manifest::{Entry, Manifest};

/// The default `--max-file-size`: 16 MiB.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 16 * 1024 * 1024;

/// How to read a collection.
#[derive(Clone, Debug)]
pub struct Options {
    /// Files larger than this are skipped.
    pub max_file_size: u64,
    /// The source of every article that has none from its manifest or text.
    pub default_source: Option<String>,
    /// Whether `manifest.json` files are read.
    pub use_manifest: bool,
    /// CSV/TSV columns chosen by the user (`--columns`), as (`field`, `column name`).
    pub columns: Vec<(String, String)>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            default_source: None,
            use_manifest: true,
            columns: Vec::new(),
        }
    }
}

/// A file found under the inputs, with the id its article(s) will get.
#[derive(Clone, Debug)]
pub struct InputFile {
    pub path: PathBuf,
    /// Path relative to its input folder, without extension; with it when another file of
    /// the folder has the same name but for the extension (`a.txt` and `a.md` give `a.txt`
    /// and `a.md`, not two articles `a`).
    pub id: String,
    pub kind: FileKind,
    /// The file as an absolute path through its input root (symbolic links not resolved),
    /// which is how the index remembers where an article came from.
    pub key: String,
    /// What the nearest `manifest.json` with an entry for this file says about it.
    entry: Entry,
    /// The id without the extension, when the extension had to stay in [`InputFile::id`]: the
    /// id the file may have had before a namesake came.
    stem_id: Option<String>,
    /// Whether [`InputFile::keep_earlier_id`] found the id the index holds for this file.
    settled: bool,
    /// What the files of the same input learnt about where the index's ids start.
    anchors: Arc<Anchors>,
}

/// How many folders above the folder named now the index's ids start, by folder, as the
/// files that were indexed before tell it ([`InputFile::keep_earlier_id`]): a file new to the
/// index takes the same, so that naming `news/tech` after `news` gives a new file
/// `tech/002`, as its neighbour `tech/001`, not `002`.
#[derive(Debug, Default)]
struct Anchors {
    by_folder: std::sync::Mutex<HashMap<PathBuf, usize>>,
}

impl Anchors {
    fn learn(&self, folder: &Path, above: usize) {
        self.by_folder
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(folder.to_path_buf(), above);
    }

    /// What was learnt for this folder or the nearest folder above it; else what every
    /// folder of the input agrees on.
    fn for_folder(&self, folder: &Path) -> Option<usize> {
        let by_folder = self
            .by_folder
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(above) = folder.ancestors().find_map(|f| by_folder.get(f)) {
            return Some(*above);
        }
        let mut values = by_folder.values();
        let first = *values.next()?;
        values.all(|&v| v == first).then_some(first)
    }
}

impl InputFile {
    /// Gives the file back the id it was first indexed under, when a run names a folder
    /// inside the one named then.
    ///
    /// An id is the file's path relative to the folder named on the command line, so naming
    /// `news/tech` after `news` would turn `tech/001` into `001`: the article would be indexed
    /// again under a new id, and that id could be one a sibling folder's file holds
    /// (`sport/001` → `001`). `earlier` holds the ids the index has from this file (by
    /// [`InputFile::key`]); when one of them is this id under a longer stretch of the file's
    /// own path (`tech/001`, or `tech/001/7` for a record), that longer id is kept. Ids a
    /// collection gives its records itself are left alone.
    ///
    /// A file whose id now keeps its extension (a namesake came) keeps the id without it
    /// that it had. What is found is also learnt for the files of the same input that are
    /// new to the index (see [`InputFile::article_id`]).
    pub fn keep_earlier_id(&mut self, earlier: &[&str]) {
        let folders = self.folders();
        // The file's own id already holds the folders nearest to it.
        let depth = self.id.matches('/').count();
        let above = folders.len().saturating_sub(depth);
        let forms: Vec<String> = std::iter::once(self.id.clone())
            .chain(self.stem_id.clone())
            .collect();
        let earlier_here = |longer: &str| {
            earlier.iter().any(|id| {
                *id == longer
                    || id
                        .strip_prefix(longer)
                        .is_some_and(|rest| rest.starts_with('/'))
            })
        };
        for added in 0..=above {
            let prefix = folder_prefix(&folders[above - added..above]);
            for form in &forms {
                let longer = format!("{prefix}{form}");
                if earlier_here(&longer) {
                    self.id = longer;
                    self.settled = true;
                    if let Some(parent) = Path::new(&self.key).parent() {
                        self.anchors.learn(parent, added);
                    }
                    return;
                }
            }
        }
    }

    /// The folders of the file's path ([`InputFile::key`]), outermost first.
    fn folders(&self) -> Vec<String> {
        Path::new(&self.key)
            .parent()
            .map(|parent| {
                parent
                    .components()
                    .filter_map(|c| match c {
                        std::path::Component::Normal(name) => {
                            Some(name.to_string_lossy().into_owned())
                        }
                        _ => None,
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The id the file's article (or the prefix its records') gets: [`InputFile::id`], or for
    /// a file new to the index, that id under as many folders above the named one as the
    /// index's ids of its neighbours start at.
    pub fn article_id(&self) -> String {
        if self.settled {
            return self.id.clone();
        }
        let Some(parent) = Path::new(&self.key).parent() else {
            return self.id.clone();
        };
        let added = match self.anchors.for_folder(parent) {
            Some(added) if added > 0 => added,
            _ => return self.id.clone(),
        };
        let folders = self.folders();
        let above = folders.len().saturating_sub(self.id.matches('/').count());
        if added > above {
            return self.id.clone();
        }
        format!(
            "{}{}",
            folder_prefix(&folders[above - added..above]),
            self.id
        )
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// `.txt` or `.md`: one article, title on the first line.
    Text,
    /// `.jsonl`: one article per line.
    JsonLines,
    /// `.html` or `.htm`: one saved web page, one article.
    Html,
    /// `.csv` or `.tsv` with a header row: one article per row.
    Csv,
    /// `.warc`: a web archive, one article per HTML page it holds.
    Warc,
}

/// A file (or a line of one) that was not indexed, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    pub path: String,
    pub reason: String,
}

/// What reading one file produced.
#[derive(Debug, Default)]
pub struct Loaded {
    pub articles: Vec<Article>,
    /// Articles the caller already has, as `(id, content_hash)`; they were not rebuilt.
    pub unchanged: Vec<(String, String)>,
    pub skipped: Vec<Skipped>,
    pub warnings: Vec<String>,
    /// The file was read only in part (a compressed stream broke or a size limit cut it), so
    /// records missing from `articles` and `unchanged` may still be in the file.
    pub broken: bool,
}

/// What discovery noticed beside the files themselves.
#[derive(Debug, Default)]
pub struct Problems {
    /// Paths that were not taken, and why.
    pub skipped: Vec<Skipped>,
    /// Things worth a line that did not stop a file (a bad manifest entry).
    pub warnings: Vec<String>,
    /// Folders and links inside the inputs that could not be read (no permission, a link to
    /// nothing), as [`InputFile::key`] would name them: what was indexed from files under
    /// them is not known to be gone.
    pub unread: Vec<String>,
}

/// Finds the article files under the given inputs, sorted by path for a stable order.
///
/// Symbolic links are followed (a link back to a folder above it is reported and not
/// followed). A missing input is an error (nothing sensible can be done with it); an
/// unreadable folder, a broken link or a loop inside an input is reported as skipped.
pub fn discover(inputs: &[PathBuf], options: &Options) -> Result<(Vec<InputFile>, Problems)> {
    let mut files = Vec::new();
    let mut problems = Problems::default();
    for input in inputs {
        if !input.exists() {
            if input.symlink_metadata().is_ok() {
                bail!(
                    "input {} is a symbolic link to nothing (its target does not exist)",
                    input.display()
                );
            }
            bail!("input {} does not exist", input.display());
        }
        let root = if input.is_dir() {
            input.clone()
        } else {
            match input.parent() {
                Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
                _ => PathBuf::from("."),
            }
        };
        let absolute_root = std::fs::canonicalize(&root)
            .with_context(|| format!("cannot read input {}", input.display()))?;
        let anchors = Arc::new(Anchors::default());
        let first_of_input = files.len();
        let mut manifests = Manifests::new(&root, options.use_manifest);
        // Other kinds of file in a folder are left out without a line each, but counted.
        let mut ignored: Vec<PathBuf> = Vec::new();
        for entry in walkdir::WalkDir::new(input)
            .follow_links(true)
            .sort_by_file_name()
        {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    if let Some(path) = e.path() {
                        let relative = path.strip_prefix(&root).unwrap_or(path);
                        problems
                            .unread
                            .push(absolute_root.join(relative).to_string_lossy().into_owned());
                    }
                    problems.skipped.push(walk_problem(&e, input));
                    continue;
                }
            };
            if is_hidden(entry.path()) && entry.path() != input.as_path() {
                continue;
            }
            let file_type = entry.file_type();
            if file_type.is_dir() {
                continue;
            }
            if !file_type.is_file() {
                problems.skipped.push(Skipped {
                    path: entry.path().display().to_string(),
                    reason: "not a regular file (a device, socket or pipe)".into(),
                });
                continue;
            }
            let Some(kind) = file_kind(entry.path()) else {
                if entry.path() == input.as_path() {
                    problems.skipped.push(Skipped {
                        path: input.display().to_string(),
                        reason: "not a .txt, .md, .html, .htm, .csv, .tsv, .jsonl or .warc file (or a .gz or .zst of a collection)".into(),
                    });
                } else if entry.file_name() != manifest::FILE_NAME {
                    ignored.push(entry.path().to_path_buf());
                }
                continue;
            };
            if is_collection_documentation(entry.path()) {
                problems.skipped.push(Skipped {
                    path: entry.path().display().to_string(),
                    reason:
                        "collection documentation (all-capitals name like README), not an article"
                            .into(),
                });
                continue;
            }
            let relative = entry.path().strip_prefix(&root).unwrap_or(entry.path());
            let mut id = manifest::strip_extension(&relative.to_string_lossy());
            if is_compressed(entry.path()) {
                id = manifest::strip_extension(&id);
            }
            let entry_meta = manifests.entry_for(relative, &mut problems.warnings);
            files.push(InputFile {
                path: entry.path().to_path_buf(),
                id,
                kind,
                key: absolute_root.join(relative).to_string_lossy().into_owned(),
                entry: entry_meta,
                stem_id: None,
                settled: false,
                anchors: Arc::clone(&anchors),
            });
        }
        keep_extensions_of_namesakes(&mut files[first_of_input..], &root);
        if let Some(first) = ignored.first() {
            problems.warnings.push(format!(
                "{}: left out {} files that are not .txt, .md, .html, .htm, .csv, .tsv, .jsonl, .warc, .gz or .zst (such as {})",
                input.display(),
                ignored.len(),
                first.display()
            ));
        }
    }
    Ok((files, problems))
}

/// `["news", "tech"]` as the start of an id: `news/tech/`.
fn folder_prefix(folders: &[String]) -> String {
    folders.iter().map(|folder| format!("{folder}/")).collect()
}

/// Gives files whose ids would be the same but for the extension (`a.txt`, `a.md`,
/// `a.html`; `data.csv`, `data.csv.gz`) ids that keep it, so that none overwrites or
/// shuts out another. Every one of them gets its extension, not all but the first: a file
/// that comes later then never takes the id another file already holds.
fn keep_extensions_of_namesakes(files: &mut [InputFile], root: &Path) {
    let mut count: HashMap<String, usize> = HashMap::new();
    for file in files.iter() {
        *count.entry(file.id.clone()).or_default() += 1;
    }
    for file in files.iter_mut() {
        if count.get(&file.id).is_some_and(|&n| n > 1) {
            let relative = file.path.strip_prefix(root).unwrap_or(&file.path);
            let full = relative.to_string_lossy().replace('\\', "/");
            file.stem_id = Some(std::mem::replace(&mut file.id, full));
        }
    }
}

/// A walk error as a skipped path with a reason a person understands.
fn walk_problem(error: &walkdir::Error, input: &Path) -> Skipped {
    let path = error
        .path()
        .map_or_else(|| input.display().to_string(), |p| p.display().to_string());
    let reason = if let Some(ancestor) = error.loop_ancestor() {
        format!(
            "symbolic link loop (leads back to {}); not followed",
            ancestor.display()
        )
    } else if error
        .path()
        .is_some_and(|p| p.symlink_metadata().is_ok() && !p.exists())
    {
        "broken symbolic link (its target does not exist)".into()
    } else {
        error
            .io_error()
            .map_or_else(|| error.to_string(), |io| io.to_string())
    };
    Skipped { path, reason }
}

/// The manifests of an input's folders, each read once.
struct Manifests {
    root: PathBuf,
    enabled: bool,
    by_folder: HashMap<PathBuf, Arc<Manifest>>,
}

impl Manifests {
    fn new(root: &Path, enabled: bool) -> Manifests {
        Manifests {
            root: root.to_path_buf(),
            enabled,
            by_folder: HashMap::new(),
        }
    }

    /// The entry for a file (given relative to the root) in the nearest manifest that has
    /// one: its own folder's first, then each folder above it up to the root.
    fn entry_for(&mut self, relative: &Path, warnings: &mut Vec<String>) -> Entry {
        if !self.enabled {
            return Entry::default();
        }
        let mut folder = relative.parent().map(Path::to_path_buf).unwrap_or_default();
        loop {
            let manifest = self.manifest(&folder, warnings);
            let key = relative.strip_prefix(&folder).unwrap_or(relative);
            if let Some(entry) = manifest.for_file(&key.to_string_lossy()) {
                return entry.clone();
            }
            if !folder.pop() {
                return Entry::default();
            }
        }
    }

    fn manifest(&mut self, folder: &Path, warnings: &mut Vec<String>) -> Arc<Manifest> {
        if let Some(manifest) = self.by_folder.get(folder) {
            return Arc::clone(manifest);
        }
        let (manifest, problems) = Manifest::load(&self.root.join(folder));
        warnings.extend(problems);
        let manifest = Arc::new(manifest);
        self.by_folder
            .insert(folder.to_path_buf(), Arc::clone(&manifest));
        manifest
    }
}

/// Whether a file is compressed (`.gz`, `.zst`), to be read as the kind its inner name says.
fn is_compressed(path: &Path) -> bool {
    compressed::Compression::of(path) != compressed::Compression::None
}

fn file_kind(path: &Path) -> Option<FileKind> {
    if is_compressed(path) {
        return match compressed::inner_extension(path)?.as_str() {
            "jsonl" => Some(FileKind::JsonLines),
            "csv" | "tsv" => Some(FileKind::Csv),
            "warc" => Some(FileKind::Warc),
            _ => None,
        };
    }
    let extension = path.extension()?.to_str()?.to_ascii_lowercase();
    match extension.as_str() {
        "txt" | "md" => Some(FileKind::Text),
        "jsonl" => Some(FileKind::JsonLines),
        "html" | "htm" => Some(FileKind::Html),
        "csv" | "tsv" => Some(FileKind::Csv),
        "warc" => Some(FileKind::Warc),
        _ => None,
    }
}

/// `README.md`, `SOURCE.md`, `LICENSE.txt`: by convention, files about a collection carry
/// all-capital names, which article files (ids, slugs, dates) do not.
fn is_collection_documentation(path: &Path) -> bool {
    path.file_stem()
        .and_then(|s| s.to_str())
        .is_some_and(|stem| {
            stem.len() >= 3
                && stem
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c == '_' || c == '-')
                && stem.chars().any(|c| c.is_ascii_uppercase())
        })
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

/// Tells whether the caller already holds an article with this id and fingerprint.
pub type KnownFn<'a> = &'a dyn Fn(&str, &str) -> bool;

/// Reads one file into its article(s), reporting whatever had to be skipped.
///
/// Articles for which `known(id, fingerprint)` holds are listed as unchanged instead of being
/// split and analysed again, which keeps re-indexing an unchanged collection cheap.
pub fn load(file: &InputFile, options: &Options, known: KnownFn) -> Loaded {
    fn ignore(_: u64) {}
    load_counted(file, options, known, &ignore)
}

/// [`load`], telling `on_read` how many bytes of the file (as on disk) have been read: as they
/// are read for the streamed collections, so a progress display follows a large file, and in
/// all exactly the file's size by the time it returns, whatever was skipped.
pub fn load_counted(
    file: &InputFile,
    options: &Options,
    known: KnownFn,
    on_read: compressed::OnRead,
) -> Loaded {
    let file = &InputFile {
        id: file.article_id(),
        settled: true,
        ..file.clone()
    };
    let told = std::sync::atomic::AtomicU64::new(0);
    let tell = |n: u64| {
        told.fetch_add(n, std::sync::atomic::Ordering::Relaxed);
        on_read(n);
    };
    let loaded = load_told(file, options, known, &tell);
    let size = std::fs::metadata(&file.path).map_or(0, |m| m.len());
    let rest = size.saturating_sub(told.into_inner());
    if rest > 0 {
        on_read(rest);
    }
    loaded
}

fn load_told(
    file: &InputFile,
    options: &Options,
    known: KnownFn,
    on_read: compressed::OnRead,
) -> Loaded {
    let mut loaded = Loaded::default();
    let skip = |reason: String| Skipped {
        path: file.path.display().to_string(),
        reason,
    };
    // Collections of records are streamed: memory is bounded by one record, not the file.
    if matches!(
        file.kind,
        FileKind::JsonLines | FileKind::Warc | FileKind::Csv
    ) {
        let stream = match compressed::open_counted(&file.path, on_read) {
            Ok(stream) => stream,
            Err(e) => {
                loaded.skipped.push(skip(format!("cannot read it ({e})")));
                return loaded;
            }
        };
        match file.kind {
            FileKind::Warc => load_warc(file, stream, options, known, &mut loaded),
            FileKind::Csv => load_csv(file, stream, options, known, &mut loaded),
            _ => load_json_lines(file, stream, options, known, &mut loaded),
        }
        return loaded;
    }
    let bytes = if is_compressed(&file.path) {
        match read_compressed(&file.path, options.max_file_size, &mut loaded) {
            Ok(bytes) => bytes,
            Err(reason) => {
                loaded.skipped.push(skip(reason));
                return loaded;
            }
        }
    } else {
        match read_limited(&file.path, options.max_file_size) {
            Ok(bytes) => bytes,
            Err(reason) => {
                loaded.skipped.push(skip(reason));
                return loaded;
            }
        }
    };
    let decoded = match file.kind {
        FileKind::Html => decode::decode_html(&bytes),
        _ => decode::decode(&bytes),
    };
    let decoded = match decoded {
        Ok(decoded) => decoded,
        Err(refusal) => {
            loaded.skipped.push(skip(refusal.to_string()));
            return loaded;
        }
    };
    if let Some(warning) = decoded.warning {
        loaded
            .warnings
            .push(format!("{}: {warning}", file.path.display()));
    }
    match file.kind {
        FileKind::Text => {
            let entry = file.entry.clone();
            let hashes = Hashes::of(&bytes, &entry, options);
            if known(&file.id, &hashes.fingerprint) {
                loaded.unchanged.push((file.id.clone(), hashes.content));
                return loaded;
            }
            let text = strip_markdown_heading(decoded.text, &file.path);
            loaded.articles.push(build_article(
                file.id.clone(),
                text,
                Metadata::from(entry),
                hashes,
                TitleFrom::FirstLine,
                options,
                &file.key,
            ));
        }
        FileKind::Html => load_html(file, &bytes, &decoded.text, options, known, &mut loaded),
        // Streamed above.
        FileKind::JsonLines | FileKind::Warc | FileKind::Csv => {}
    }
    loaded
}

/// A compressed file's decompressed bytes, at most `limit` of them (whole lines only when the
/// stream broke or the limit was reached, with a warning).
fn read_compressed(path: &Path, limit: u64, loaded: &mut Loaded) -> Result<Vec<u8>, String> {
    let stream = compressed::open(path).map_err(|e| format!("cannot read it ({e})"))?;
    let inflated = compressed::inflate(stream, limit, compressed::Compression::of(path));
    if let Some(warning) = inflated.warning {
        loaded
            .warnings
            .push(format!("{}: {warning}", path.display()));
        loaded.broken = true;
    }
    Ok(inflated.bytes)
}

fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    let size = std::fs::metadata(path).map_err(|e| e.to_string())?.len();
    decode::check_size(size, limit).map_err(|refusal| refusal.to_string())?;
    std::fs::read(path).map_err(|e| e.to_string())
}

/// Markdown files may start their title with `#`; the rest of the text is left as written.
fn strip_markdown_heading(text: String, path: &Path) -> String {
    let is_markdown = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md"));
    if !is_markdown {
        return text;
    }
    text.lines()
        .map(|line| {
            let trimmed = line.trim_start_matches('#');
            if trimmed.len() < line.len() && trimmed.starts_with(' ') {
                format!("{}{}", " ".repeat(line.len() - trimmed.len()), trimmed)
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// One saved web page: its main text, with the page's own metadata filling whatever the
/// manifest leaves unknown (recorded as `page` origin), and the text rules after that.
fn load_html(
    file: &InputFile,
    bytes: &[u8],
    text: &str,
    options: &Options,
    known: KnownFn,
    loaded: &mut Loaded,
) {
    let entry = file.entry.clone();
    let hashes = Hashes::of(bytes, &entry, options);
    if known(&file.id, &hashes.fingerprint) {
        loaded.unchanged.push((file.id.clone(), hashes.content));
        return;
    }
    let page = html::extract(text, entry.url.as_deref());
    if page.text.trim().is_empty() {
        loaded.skipped.push(Skipped {
            path: file.path.display().to_string(),
            reason: "web page with no text".into(),
        });
        return;
    }
    if let Some(warning) = &page.warning {
        loaded
            .warnings
            .push(format!("{}: {warning}", file.path.display()));
    }
    loaded.articles.push(page_article(
        file.id.clone(),
        page,
        entry,
        hashes,
        options,
        &file.key,
    ));
}

/// The article of a web page: its main text, with the page's own metadata (`page` origin)
/// behind what the manifest or the archive record already says (`entry`).
fn page_article(
    id: String,
    page: html::Page,
    entry: Entry,
    hashes: Hashes,
    options: &Options,
    key: &str,
) -> Article {
    let declared = Entry {
        title: page.title,
        source: page.source,
        date: page.date,
        url: page.url,
    };
    let metadata = Metadata {
        entry,
        page: declared,
    };
    build_article(
        id,
        page.text,
        metadata,
        hashes,
        TitleFrom::FirstLine,
        options,
        key,
    )
}

/// A web archive: each HTML page answered with 200 becomes an article whose id and URL are
/// its target URI; other records are counted in one line, damaged ones reported one line each.
fn load_warc(
    file: &InputFile,
    stream: Box<dyn std::io::BufRead + Send + '_>,
    options: &Options,
    known: KnownFn,
    loaded: &mut Loaded,
) {
    let cap = usize::try_from(options.max_file_size).unwrap_or(usize::MAX);
    let mut reader = warc::Reader::new(stream, cap);
    let mut other_records = 0usize;
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    while let Some(item) = reader.next() {
        for note in reader.notes.drain(..) {
            loaded
                .warnings
                .push(format!("{}: {note}", file.path.display()));
        }
        let response = match item {
            warc::Item::Page(response) => response,
            warc::Item::Other => {
                other_records += 1;
                continue;
            }
            warc::Item::Problem(problem) => {
                loaded.skipped.push(Skipped {
                    path: file.path.display().to_string(),
                    reason: format!("damaged WARC {problem}; skipped"),
                });
                continue;
            }
        };
        let place = format!("{} ({})", file.path.display(), response.uri);
        if !seen.insert(response.uri.clone()) {
            loaded.skipped.push(Skipped {
                path: place,
                reason: "the archive holds this address twice; the first capture is kept".into(),
            });
            continue;
        }
        let text = match decode::decode_html_sent_as(&response.body, Some(&response.content_type)) {
            Ok(decoded) => decoded.text,
            Err(refusal) => {
                loaded.skipped.push(Skipped {
                    path: place,
                    reason: refusal.to_string(),
                });
                continue;
            }
        };
        let entry = Entry {
            url: Some(response.uri.clone()),
            ..Entry::default()
        };
        let hashes = Hashes::of(&response.body, &entry, options);
        if known(&response.uri, &hashes.fingerprint) {
            loaded.unchanged.push((response.uri, hashes.content));
            continue;
        }
        let page = html::extract(&text, Some(&response.uri));
        if page.text.trim().is_empty() {
            loaded.skipped.push(Skipped {
                path: place,
                reason: "web page with no text".into(),
            });
            continue;
        }
        // The record's address is the article's URL (`entry`), ahead of the page's own.
        loaded.articles.push(page_article(
            response.uri,
            page,
            entry,
            hashes,
            options,
            &file.key,
        ));
    }
    for note in reader.notes.drain(..) {
        loaded
            .warnings
            .push(format!("{}: {note}", file.path.display()));
    }
    if let Some(e) = reader.failure {
        loaded.broken = true;
        loaded.warnings.push(format!(
            "{}: {} is truncated or corrupt ({e}); kept the records before the break",
            file.path.display(),
            compressed::Compression::of(&file.path).name()
        ));
    }
    if other_records > 0 {
        loaded.warnings.push(format!(
            "{}: left out {other_records} records that are not HTML pages answered with 200 (requests, metadata, other media, redirects, errors)",
            file.path.display(),
        ));
    }
}

/// A CSV or TSV export: one article per row, fields from the header (see [`csv`]), read one
/// row at a time, with `--max-file-size` bounding one row. The row's fields are recorded as
/// `manifest` origin, as a JSONL record's are.
///
/// Cells are UTF-8, or else read as Windows-1252 (one warning per file). A UTF-16 export (a
/// byte-order mark; spreadsheets' "Unicode text") is decoded whole first, within
/// `--max-file-size`, as it cannot be split into rows before it is decoded.
fn load_csv(
    file: &InputFile,
    mut stream: Box<dyn std::io::BufRead + Send + '_>,
    options: &Options,
    known: KnownFn,
    loaded: &mut Loaded,
) {
    let skip_file = |reason: String| Skipped {
        path: file.path.display().to_string(),
        reason,
    };
    let head = match stream.fill_buf() {
        Ok(head) => head,
        Err(e) => {
            loaded
                .skipped
                .push(skip_file(format!("cannot read it ({e})")));
            return;
        }
    };
    if head.is_empty() {
        loaded
            .skipped
            .push(skip_file(decode::Refusal::Empty.to_string()));
        return;
    }
    let utf16 = head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF");
    if !utf16 && head.contains(&0) {
        loaded
            .skipped
            .push(skip_file(decode::Refusal::Binary.to_string()));
        return;
    }
    let rows: Box<dyn std::io::Read + '_> = if utf16 {
        let inflated = compressed::inflate(
            stream,
            options.max_file_size,
            compressed::Compression::of(&file.path),
        );
        if let Some(warning) = inflated.warning {
            loaded.warnings.push(format!(
                "{}: {warning} (UTF-16 exports are read whole)",
                file.path.display()
            ));
        }
        match decode::decode(&inflated.bytes) {
            Ok(decoded) => Box::new(std::io::Cursor::new(decoded.text.into_bytes())),
            Err(refusal) => {
                loaded.skipped.push(skip_file(refusal.to_string()));
                return;
            }
        }
    } else {
        stream
    };
    let tab_separated = if is_compressed(&file.path) {
        compressed::inner_extension(&file.path).as_deref() == Some("tsv")
    } else {
        file.path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("tsv"))
    };
    let mut reader = csv::reader(
        csv::RowCapped::new(rows, options.max_file_size),
        tab_separated,
    );
    let place = |line: u64| format!("{}:{line}", file.path.display());
    let mut not_utf8: Option<u64> = None;
    let mut cells = |record: &::csv::ByteRecord, line: u64| -> ::csv::StringRecord {
        record
            .iter()
            .map(|cell| {
                let (text, fallback) = decode::decode_field(cell);
                if fallback && not_utf8.is_none() {
                    not_utf8 = Some(line);
                }
                text
            })
            .collect()
    };
    // With `--columns`, a row's fingerprint is made as a run without them would make it
    // (from the header's usual names, `auto`), marked with the choice: a later run without
    // `--columns` then finds the row unchanged and keeps what the choice read, while a run
    // with another choice reads it again.
    let mut choice: Option<(csv::Columns, String)> = None;
    let columns = match reader.byte_headers() {
        Ok(header) => {
            let header = cells(&header.clone(), 1);
            if !options.columns.is_empty() {
                choice = csv::auto_columns(&header, &[])
                    .ok()
                    .map(|auto| (auto, csv::choice_mark(&header, &options.columns)));
            }
            csv::auto_columns(&header, &options.columns)
        }
        Err(e) => Err(format!("no readable header row ({})", csv_error(&e))),
    };
    let columns = match columns {
        Ok(columns) if columns.text.is_some() => columns,
        Ok(_) => {
            loaded.skipped.push(skip_file(
                "no text column in the header (looked for text, body, content; \
                 name one with --columns text=COLUMN)"
                    .into(),
            ));
            return;
        }
        Err(reason) => {
            loaded.skipped.push(skip_file(reason));
            return;
        }
    };
    let mut lines_by_id: HashMap<String, u64> = HashMap::new();
    let mut record = ::csv::ByteRecord::new();
    let mut row_number = 0;
    // Without `--columns`: rows kept from a run that gave them, and rows read again now.
    let (mut kept_with_choice, mut read_again) = (0usize, 0usize);
    loop {
        let next_row = reader.position().byte();
        reader.get_mut().row_starts_at(next_row);
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let line = e
                    .position()
                    .map_or_else(|| reader.position().line(), |p| p.line());
                if reader.get_ref().over {
                    loaded.skipped.push(Skipped {
                        path: place(line),
                        reason: format!(
                            "a row from here runs past the limit of {} (an unclosed quote?); \
                             the rows after it are not read (raise it with --max-file-size)",
                            decode::human_size(options.max_file_size)
                        ),
                    });
                    break;
                }
                if let ::csv::ErrorKind::Io(io) = e.kind() {
                    loaded.broken = true;
                    loaded.warnings.push(format!(
                        "{}: {} is truncated or corrupt ({io}); kept the {row_number} rows before the break",
                        file.path.display(),
                        compressed::Compression::of(&file.path).name()
                    ));
                    break;
                }
                row_number += 1;
                // A row that is cut short yet ran over several lines most likely holds a
                // quote that never closes: the rows after it were read as one cell.
                let last_line = reader.position().line();
                let swallowed = matches!(e.kind(), ::csv::ErrorKind::UnequalLengths { .. })
                    && last_line > line + 1;
                let reason = if swallowed {
                    format!(
                        "a quote opened in this row never closes, so lines {line} to {} were \
                         read as one row ({}); none of them is indexed",
                        last_line - 1,
                        csv_error(&e)
                    )
                } else {
                    format!("unreadable CSV row ({}); row skipped", csv_error(&e))
                };
                loaded.skipped.push(Skipped {
                    path: place(line),
                    reason,
                });
                continue;
            }
        }
        row_number += 1;
        let line = record.position().map_or(0, |p| p.line());
        let record = cells(&record, line);
        let row = csv::Row::of(&record, &columns);
        let Some(body) = row.text else {
            loaded.skipped.push(Skipped {
                path: place(line),
                reason: "row has no text".into(),
            });
            continue;
        };
        let id = row
            .id
            .unwrap_or_else(|| format!("{}/{row_number}", file.id));
        if let Some(first) = lines_by_id.get(&id) {
            loaded.skipped.push(Skipped {
                path: place(line),
                reason: format!(
                    "repeats the id {id:?} of line {first}; ids must be unique, row not indexed"
                ),
            });
            continue;
        }
        lines_by_id.insert(id.clone(), line);
        let date = row
            .date
            .and_then(|value| match html::parse_page_date(&value) {
                Some(date) => Some(date),
                None => {
                    loaded.warnings.push(format!(
                        "{}: date {value:?} is not a date newsdex reads; date left unknown",
                        place(line)
                    ));
                    None
                }
            });
        let entry = Entry {
            title: row.title,
            source: row.source,
            date,
            url: row.url,
        };
        let raw = record.iter().collect::<Vec<&str>>().join("\u{1f}");
        let hashes = match &choice {
            Some((auto, mark)) => {
                let plain = csv::Row::of(&record, auto);
                let plain = Entry {
                    date: plain.date.as_deref().and_then(html::parse_page_date),
                    title: plain.title,
                    source: plain.source,
                    url: plain.url,
                };
                let mut hashes = Hashes::of(raw.as_bytes(), &plain, options);
                hashes.fingerprint.push(COLUMNS_MARK);
                hashes.fingerprint.push_str(mark);
                hashes
            }
            None => Hashes::of(raw.as_bytes(), &entry, options),
        };
        if choice.is_none() {
            let as_read_before = format!("{}{COLUMNS_MARK}", hashes.fingerprint);
            if !known(&id, &hashes.fingerprint) {
                read_again += 1;
            } else if !known(&id, &as_read_before) {
                kept_with_choice += 1;
            }
        }
        let record = CollectionRecord {
            id,
            body,
            entry,
            hashes,
        };
        push_record(record, file, options, known, loaded);
    }
    if kept_with_choice > 0 && read_again > 0 {
        loaded.warnings.push(format!(
            "{}: {kept_with_choice} unchanged rows keep the fields an earlier run's --columns \
             gave them, but {read_again} changed or new rows were read with the header's usual \
             column names; run again with the same --columns to read them alike",
            file.path.display()
        ));
    }
    if let Some(line) = not_utf8 {
        loaded.warnings.push(format!(
            "{}: not valid UTF-8 (from line {line}); such cells read as Windows-1252/Latin-1",
            file.path.display()
        ));
    }
}

/// A CSV error in words, without the crate's position prefix (the caller gives the line).
fn csv_error(error: &::csv::Error) -> String {
    match error.kind() {
        ::csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("{len} fields where the header has {expected_len}"),
        ::csv::ErrorKind::Utf8 { .. } => "invalid UTF-8".into(),
        _ => error.to_string(),
    }
}

/// One line of a `.jsonl` collection.
#[derive(Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    title: Option<String>,
    body: Option<String>,
    text: Option<String>,
    source: Option<String>,
    /// Checked apart from the rest, so a bad date costs the date, not the article.
    date: Option<serde_json::Value>,
    url: Option<String>,
}

fn load_json_lines(
    file: &InputFile,
    mut stream: Box<dyn std::io::BufRead + Send + '_>,
    options: &Options,
    known: KnownFn,
    loaded: &mut Loaded,
) {
    let cap = usize::try_from(options.max_file_size).unwrap_or(usize::MAX);
    let mut lines_by_id: HashMap<String, usize> = HashMap::new();
    let mut raw = Vec::new();
    let mut number = 0;
    let mut records = 0;
    loop {
        number += 1;
        let place = format!("{}:{number}", file.path.display());
        match compressed::read_line_capped(&mut *stream, &mut raw, cap) {
            Ok(compressed::Line::Read) => {}
            Ok(compressed::Line::End) => break,
            Ok(compressed::Line::TooLong { length }) => {
                loaded.skipped.push(Skipped {
                    path: place,
                    reason: format!(
                        "line of {} is over the limit of {} (raise it with --max-file-size); skipped",
                        decode::human_size(length),
                        decode::human_size(cap as u64)
                    ),
                });
                continue;
            }
            Err(e) => {
                loaded.broken = true;
                loaded.warnings.push(format!(
                    "{}: {} is truncated or corrupt ({e}); kept the {records} lines before the break",
                    file.path.display(),
                    compressed::Compression::of(&file.path).name()
                ));
                break;
            }
        }
        records += 1;
        let line = match decode::decode(&raw) {
            Ok(decoded) => decoded.text,
            Err(decode::Refusal::Empty) => continue,
            Err(refusal) => {
                loaded.skipped.push(Skipped {
                    path: place,
                    reason: refusal.to_string(),
                });
                continue;
            }
        };
        let line = line.as_str();
        let record: Record = match serde_json::from_str(line) {
            Ok(record) => record,
            Err(e) => {
                loaded.skipped.push(Skipped {
                    path: place,
                    reason: format!("not a JSON article record ({e})"),
                });
                continue;
            }
        };
        let Some(body) = record.body.or(record.text).filter(|b| !b.trim().is_empty()) else {
            loaded.skipped.push(Skipped {
                path: place,
                reason: "record has no `body` or `text`".into(),
            });
            continue;
        };
        let id = match record.id {
            Some(serde_json::Value::String(id)) => id,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => format!("{}/{number}", file.id),
        };
        if let Some(first) = lines_by_id.get(&id) {
            loaded.skipped.push(Skipped {
                path: place,
                reason: format!(
                    "repeats the id {id:?} of line {first}; ids must be unique, record not indexed"
                ),
            });
            continue;
        }
        lines_by_id.insert(id.clone(), number);
        let date = match record.date {
            None | Some(serde_json::Value::Null) => None,
            // A timestamp (`2022-01-26T10:00:00Z`) is read as a CSV cell's is: its day.
            Some(serde_json::Value::String(value)) => match manifest::parse_date(&value)
                .or_else(|why| html::parse_page_date(&value).ok_or(why))
            {
                Ok(date) => Some(date),
                Err(why) => {
                    loaded
                        .warnings
                        .push(format!("{place}: date {value:?} {why}; date left unknown"));
                    None
                }
            },
            Some(other) => {
                loaded.warnings.push(format!(
                    "{place}: date {other} is not a YYYY-MM-DD string; date left unknown"
                ));
                None
            }
        };
        let entry = Entry {
            title: record.title,
            source: record.source,
            date,
            url: record.url,
        };
        let hashes = Hashes::of(line.as_bytes(), &entry, options);
        let record = CollectionRecord {
            id,
            body,
            entry,
            hashes,
        };
        push_record(record, file, options, known, loaded);
    }
}

/// One record of a collection file (a JSONL line, a CSV row) with its id, text, metadata and
/// hashes.
struct CollectionRecord {
    id: String,
    body: String,
    entry: Entry,
    hashes: Hashes,
}

/// Adds a collection record to `loaded`: as unchanged when the index already holds it with
/// the same fingerprint, else as an article.
fn push_record(
    record: CollectionRecord,
    file: &InputFile,
    options: &Options,
    known: KnownFn,
    loaded: &mut Loaded,
) {
    let CollectionRecord {
        id,
        body,
        entry,
        hashes,
    } = record;
    if known(&id, &hashes.fingerprint) {
        loaded.unchanged.push((id, hashes.content));
        return;
    }
    loaded.articles.push(build_article(
        id,
        body,
        Metadata::from(entry),
        hashes,
        TitleFrom::RecordOnly,
        options,
        &file.key,
    ));
}

/// Where an article's title may come from when the metadata has none.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TitleFrom {
    /// The first paragraph that is not boilerplate.
    FirstLine,
    /// Only the record's own `title`.
    RecordOnly,
}

/// An article's content hash and its fingerprint (content plus metadata inputs).
struct Hashes {
    content: String,
    fingerprint: String,
}

impl Hashes {
    /// The fingerprint is the hash of the content and the file's manifest entry, then, when
    /// `--source` was given, `+` and the hash of that source (see [`same_fingerprint`]).
    fn of(bytes: &[u8], entry: &Entry, options: &Options) -> Hashes {
        let content = blake3::hash(bytes);
        let mut hasher = blake3::Hasher::new();
        hasher.update(content.as_bytes());
        // "|None" as when `--source` was part of this hash: an index written before keeps
        // its unchanged files unchanged.
        hasher.update(format!("{entry:?}|None").as_bytes());
        let mut fingerprint = hasher.finalize().to_hex().to_string();
        if let Some(source) = &options.default_source {
            fingerprint.push('+');
            fingerprint.push_str(blake3::hash(source.as_bytes()).to_hex().as_str());
        }
        Hashes {
            content: content.to_hex().to_string(),
            fingerprint,
        }
    }
}

/// Ends a CSV row's fingerprint, followed by the hash of the `--columns` it was read with
/// (nothing after it: read with the header's usual names).
const COLUMNS_MARK: char = '~';

/// Whether an article indexed with fingerprint `stored` is unchanged for a run that computes
/// `now` for it.
///
/// A fingerprint is `HASH[+SOURCE][~COLUMNS]`. A run without `--source` leaves the source an
/// earlier run's `--source` set, and a run without `--columns` leaves the fields an earlier
/// run's `--columns` read from a CSV row: only content and manifest entry are compared then
/// (re-running `newsdex index` to pick up new files must not wipe every source or date). A
/// run with `--source` or `--columns` also compares that; `~` alone in `now` asks for a row
/// read without `--columns`.
pub fn same_fingerprint(stored: &str, now: &str) -> bool {
    if stored == now {
        return true;
    }
    let (stored, stored_columns) = split_mark(stored, COLUMNS_MARK);
    let (now, now_columns) = split_mark(now, COLUMNS_MARK);
    let (stored, stored_source) = split_mark(stored, '+');
    let (now, now_source) = split_mark(now, '+');
    let columns_fit = match now_columns {
        None => true,
        Some(wanted) => stored_columns.unwrap_or_default() == wanted,
    };
    let source_fits = now_source.is_none() || stored_source == now_source;
    stored == now && columns_fit && source_fits
}

/// `text` cut at `mark`: what comes before it, and what after (when it is there).
fn split_mark(text: &str, mark: char) -> (&str, Option<&str>) {
    match text.split_once(mark) {
        Some((before, after)) => (before, Some(after)),
        None => (text, None),
    }
}

/// An article's known metadata by where it came from: the manifest entry or the record's
/// fields (origin `manifest`) first, then what a web page declares about itself (origin
/// `page`); the text rules fill what both leave unknown.
struct Metadata {
    entry: Entry,
    page: Entry,
}

impl From<Entry> for Metadata {
    fn from(entry: Entry) -> Metadata {
        Metadata {
            entry,
            page: Entry::default(),
        }
    }
}

fn build_article(
    id: String,
    text: String,
    metadata: Metadata,
    hashes: Hashes,
    title_from: TitleFrom,
    options: &Options,
    file: &str,
) -> Article {
    let spans = paragraphs::split(&text);
    let texts: Vec<&str> = spans.iter().map(|s| &text[s.start..s.end]).collect();
    // The date and source rules read the same marks, less the date stamps: mark once.
    let furniture = boilerplate::mark_furniture_around_stamps(&texts);
    let boilerplate = boilerplate::with_stamps_marked(&texts, furniture.clone());
    let paragraphs: Vec<Paragraph> = spans
        .iter()
        .zip(&boilerplate)
        .map(|(span, &boilerplate)| Paragraph {
            text: text[span.start..span.end].to_string(),
            start: span.start,
            boilerplate,
        })
        .collect();
    let Metadata { entry, page } = metadata;
    let title = entry.title.or(page.title).or_else(|| match title_from {
        TitleFrom::FirstLine => paragraphs
            .iter()
            .find(|p| !p.boilerplate)
            .map(|p| boilerplate::clean_title(&p.text)),
        TitleFrom::RecordOnly => None,
    });
    let title = title.map(|t| cap_title(&t)).filter(|t| !t.is_empty());
    let (date, date_origin) = match (entry.date, page.date) {
        (Some(date), _) => (Some(date), Origin::Manifest),
        (None, Some(date)) => (Some(date), Origin::Page),
        (None, None) => match dates::find_date_marked(&texts, &furniture) {
            Some(date) => (Some(date), Origin::Text),
            None => (None, Origin::None),
        },
    };
    let (source, source_origin) = match (entry.source, page.source) {
        (Some(source), _) => (Some(source), Origin::Manifest),
        (None, Some(source)) => (Some(source), Origin::Page),
        (None, None) => match sources::find_source_marked(&texts, &furniture) {
            Some(source) => (Some(source), Origin::Text),
            None => match &options.default_source {
                Some(source) => (Some(source.clone()), Origin::Flag),
                None => (None, Origin::None),
            },
        },
    };
    Article {
        id,
        title,
        source,
        source_origin,
        date,
        date_origin,
        url: entry.url.or(page.url),
        text,
        paragraphs,
        content_hash: hashes.content,
        fingerprint: hashes.fingerprint,
        file: file.to_string(),
    }
}

/// Titles are one line of at most this many characters (a title is stored with every passage).
pub const MAX_TITLE_CHARS: usize = 300;

/// The title's first line, cut at a word boundary to [`MAX_TITLE_CHARS`] with an ellipsis.
fn cap_title(title: &str) -> String {
    let line = title.lines().next().unwrap_or_default().trim();
    if line.chars().count() <= MAX_TITLE_CHARS {
        return line.to_string();
    }
    let cut = line
        .char_indices()
        .nth(MAX_TITLE_CHARS - 1)
        .map_or(line.len(), |(at, _)| at);
    let head = &line[..cut];
    let head = match head.rfind(char::is_whitespace) {
        Some(space) if space > cut / 2 => &head[..space],
        _ => head,
    };
    format!("{}…", head.trim_end())
}
