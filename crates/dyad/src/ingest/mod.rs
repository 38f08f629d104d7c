//! Stage 1 — **Read**, for corpora: turning what users actually have into [`Document`]s.
//!
//! News arrives in many shapes: a folder of `.txt` files, scraped HTML pages, a JSON Lines dump
//! from a news API, Common Crawl's CC-NEWS WARC files, RSS/Atom feeds, PETRARCH's `<Sentence>`
//! XML. This module reads all of them behind one call, [`open`] (and [`open_reader`] for stdin),
//! which returns an iterator of `Result<Document, RecordError>`:
//!
//! * **Streaming, constant memory.** Record formats (JSONL, WARC, RSS/Atom, PETRARCH XML) are
//!   read one record at a time from a buffered reader, through gzip or zstd if the file is
//!   compressed, so a multi-gigabyte dump costs one record's worth of memory. Only formats whose
//!   unit *is* the file (plain text, one HTML page) read the file whole — and one file at a time,
//!   also when walking a directory.
//! * **One bad record never stops a corpus.** A bad JSON line, a page with no text, a truncated
//!   WARC record or gzip stream becomes one `Err(RecordError)` naming the file, the line or byte
//!   offset, what is wrong and what to do; the iterator then goes on with the next record (or,
//!   when the stream itself cannot be resynchronised — a corrupt gzip member, broken XML — ends
//!   that file). Whether to stop at the first error is the caller's decision (`--strict`).
//! * **Detection, overridable.** Compression is recognised by its magic bytes (whatever the file
//!   is called); the format by the extension when it is unambiguous (`.jsonl`, `.warc`, `.html`,
//!   `.txt`, …, looking through `.gz`/`.zst`), otherwise by the content ([`detect`]).
//!   [`ReadOptions::format`] forces one.
//! * **Documents say where they came from.** Every [`Document`] carries its [`Origin`] (file and
//!   line or byte offset), and dates carry their [`DateSource`], so a surprising event can be
//!   traced back to the record and the metadata that dated it.
//!
//! A [`Document`] becomes the coder's [`Article`] with [`Document::into_article`]; a document
//! without a date of its own takes the caller's fallback date there (the CLI's `--date`).
//!
//! For HTML (pages and WARC responses) the article text is the headline line, a blank line, then
//! the paragraphs of the main text separated by blank lines — see [`html`] for the extraction
//! heuristic. The library never prints: decoding notes (invalid UTF-8, a guessed charset) travel
//! in [`Document::notes`] for the caller to show.

pub mod dates;
pub mod detect;
pub mod feed;
pub mod html;
pub mod jsonl;
pub mod petrarch;
pub mod text;
pub mod walk;
pub mod warc;

use crate::article::Article;
use crate::date::Date;
use std::fmt;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::rc::Rc;

pub use detect::{Compression, Format};
pub use walk::Glob;

/// The stream of documents (or per-record errors) one input yields.
pub type Documents = Box<dyn Iterator<Item = Result<Document, RecordError>>>;

/// The largest single record (a JSON line, a WARC block, a whole text or HTML file) read into
/// memory by default. Bigger ones are skipped with a [`RecordErrorKind::TooLarge`] error rather
/// than risking the process on one pathological record.
pub const DEFAULT_MAX_RECORD_BYTES: u64 = 64 << 20;

/// How to read inputs.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Force a format instead of detecting it.
    pub format: Option<Format>,
    /// For directories: only files whose name (or, when the pattern has a `/`, whose path
    /// relative to the directory) matches.
    pub glob: Option<Glob>,
    /// Which JSON fields hold what (JSONL).
    pub fields: JsonFields,
    /// Skip records bigger than this many bytes (see [`DEFAULT_MAX_RECORD_BYTES`]).
    pub max_record_bytes: u64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            format: None,
            glob: None,
            fields: JsonFields::default(),
            max_record_bytes: DEFAULT_MAX_RECORD_BYTES,
        }
    }
}

/// JSON field names for JSONL input. `None` means "try the usual names" (listed on each field);
/// a name given by the user is the only one tried. A dotted name (`meta.published`) looks into
/// nested objects.
#[derive(Debug, Clone, Default)]
pub struct JsonFields {
    /// Default: `text`, `body`, `content`, `maintext`, `article`.
    pub text: Option<String>,
    /// Default: `title`, `headline`.
    pub title: Option<String>,
    /// Default: `date`, `published`, `published_at`, `publish_date`, `date_publish`, `pubdate`.
    pub date: Option<String>,
    /// Default: `id`, `_id`, `guid`.
    pub id: Option<String>,
    /// Default: `url`, `link`.
    pub url: Option<String>,
}

/// One article as read, before coding.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Identifier: the record's own id where the format has one (JSONL `id`, WARC-Record-ID,
    /// RSS guid, PETRARCH `id`), else derived from the file name (and line).
    pub id: String,
    /// The headline, when the format or the page names one. It is also the first line of
    /// `text` for HTML, WARC, RSS and JSONL with a title.
    pub title: Option<String>,
    /// The text given to the coder: headline line, blank line, body paragraphs.
    pub text: String,
    /// Publication date from the record itself, when it has one.
    pub date: Option<Date>,
    /// Where `date` came from.
    pub date_source: Option<DateSource>,
    pub url: Option<String>,
    /// The publication (`og:site_name`, the feed's title, the host name…).
    pub outlet: Option<String>,
    /// Where the record is.
    pub origin: Origin,
    /// Things the caller may want to tell the user (lossy decoding, a guessed charset).
    pub notes: Vec<Note>,
}

impl Document {
    /// A story whose record carries no publication date (a plain-text file, a JSONL record
    /// without a date field) or only the day it was crawled is dated by its own dateline
    /// ([`crate::timex::dateline_date`]), so that "on Thursday" is the Thursday before it was
    /// written rather than before the day it is coded.
    fn dated_by_dateline(mut self) -> Document {
        if matches!(self.date_source, None | Some(DateSource::CrawlDate)) {
            if let Some(d) = crate::timex::dateline_date(&self.text) {
                self.date = Some(d);
                self.date_source = Some(DateSource::Dateline);
            }
        }
        self
    }

    /// The coder's view of the document. `fallback_date` dates documents that have no date of
    /// their own.
    pub fn into_article(self, fallback_date: Date) -> Article {
        Article {
            id: self.id,
            date: self.date.unwrap_or(fallback_date),
            text: self.text,
            url: self.url,
            title: self.title,
            outlet: self.outlet,
        }
    }
}

/// Which piece of metadata a document's date was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateSource {
    /// `<meta property="article:published_time">` and its siblings (`pubdate`, `DC.date`, …).
    MetaTag,
    /// JSON-LD `datePublished`.
    JsonLd,
    /// A `<time datetime>` element.
    TimeElement,
    /// A `/2019/06/12/`-style date in the URL.
    Url,
    /// The WARC record's `WARC-Date` (when the page was crawled, not published).
    CrawlDate,
    /// RSS `pubDate` / Atom `published` or `updated`.
    Feed,
    /// A JSONL date field.
    Field,
    /// The PETRARCH `date` attribute.
    Attribute,
    /// The dateline that opens the story ("KYIV, October 17, 2024 - "): for a record with no
    /// date of its own, or only the day it was crawled.
    Dateline,
}

/// A decoding remark about a document (not an error: the document was read).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// The bytes were not valid UTF-8 from this offset on; decoded with replacement characters.
    InvalidUtf8 { offset: usize },
    /// The page declared no charset and was not UTF-8; decoded as this guessed encoding.
    GuessedCharset { encoding: &'static str },
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Note::InvalidUtf8 { offset } => write!(
                f,
                "invalid UTF-8 at byte {offset}; decoded with replacement characters"
            ),
            Note::GuessedCharset { encoding } => write!(
                f,
                "no charset declared and not UTF-8; decoded as {encoding} (a guess)"
            ),
        }
    }
}

/// Where a record sits: the file (as given, or `stdin`) and the position inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub path: PathBuf,
    pub at: Position,
}

/// A position inside an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    /// The record is the whole file.
    File,
    /// 1-based line number (JSONL).
    Line(u64),
    /// Byte offset of the record's start, in the decompressed stream (WARC, XML).
    Byte(u64),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.at {
            Position::File => write!(f, "{}", self.path.display()),
            Position::Line(n) => write!(f, "{}:{n}", self.path.display()),
            Position::Byte(n) => write!(f, "{} (byte {n})", self.path.display()),
        }
    }
}

/// What kind of problem made a record unreadable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordErrorKind {
    /// The file could not be opened or read.
    Unreadable,
    /// Nothing to code: an empty file, a record without text, a page without main text.
    NoText,
    /// NUL bytes in what should be text.
    Binary,
    /// A gzip/zstd stream that is truncated or corrupt.
    Compression,
    /// A line that is not a JSON object.
    BadJson,
    /// A WARC record that cannot be parsed or is truncated.
    BadWarc,
    /// XML that cannot be parsed any further.
    BadXml,
    /// A record over [`ReadOptions::max_record_bytes`].
    TooLarge,
}

/// One record (or file) that could not be read. The iterator goes on after it, unless the stream
/// itself is broken (then it is the last item for that file).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{origin}: {problem}{}", if hint.is_empty() { String::new() } else { format!(" ({hint})") })]
pub struct RecordError {
    pub origin: Origin,
    pub kind: RecordErrorKind,
    /// What is wrong.
    pub problem: String,
    /// What the user can do about it (may be empty).
    pub hint: String,
}

impl RecordError {
    pub(crate) fn new(
        origin: Origin,
        kind: RecordErrorKind,
        problem: impl Into<String>,
        hint: impl Into<String>,
    ) -> RecordError {
        RecordError {
            origin,
            kind,
            problem: problem.into(),
            hint: hint.into(),
        }
    }

    /// A read error in the middle of a (possibly compressed) stream.
    pub(crate) fn from_io(origin: Origin, e: &io::Error, compression: Compression) -> RecordError {
        match compression {
            Compression::None => RecordError::new(
                origin,
                RecordErrorKind::Unreadable,
                format!("read error: {e}"),
                "",
            ),
            c => RecordError::new(
                origin,
                RecordErrorKind::Compression,
                format!("the {} stream is truncated or corrupt ({e})", c.name()),
                "the rest of this file is skipped; re-download or re-compress it",
            ),
        }
    }
}

/// Why an input named by the user could not be opened at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OpenError {
    #[error("{}: no such file", path.display())]
    NotFound { path: PathBuf },
    #[error("{}: permission denied", path.display())]
    PermissionDenied { path: PathBuf },
    #[error("{}: cannot read: {message}", path.display())]
    Io { path: PathBuf, message: String },
}

impl OpenError {
    fn from_io(path: &Path, e: &io::Error) -> OpenError {
        let path = path.to_path_buf();
        match e.kind() {
            io::ErrorKind::NotFound => OpenError::NotFound { path },
            io::ErrorKind::PermissionDenied => OpenError::PermissionDenied { path },
            _ => OpenError::Io {
                path,
                message: e.to_string(),
            },
        }
    }
}

/// Everything a format reader needs to know about its input.
#[derive(Debug, Clone)]
pub(crate) struct Source {
    /// The path shown in messages and origins.
    pub path: Rc<Path>,
    /// The id of a whole-file document (the file name, or the path relative to a walked
    /// directory, or `stdin`); record formats derive ids from it when a record has none.
    pub id: String,
    /// How the bytes were compressed (for error messages).
    pub compression: Compression,
}

impl Source {
    pub fn origin(&self, at: Position) -> Origin {
        Origin {
            path: self.path.to_path_buf(),
            at,
        }
    }
}

/// Open a file or a directory. A directory is walked recursively in sorted order (hidden
/// entries skipped; with [`ReadOptions::glob`] only matching files, without it only files whose
/// extension names a readable format, and files without extension); a file that cannot be read
/// inside it becomes one `RecordError` and the walk goes on.
pub fn open(path: &Path, opts: &ReadOptions) -> Result<Documents, OpenError> {
    let meta = std::fs::metadata(path).map_err(|e| OpenError::from_io(path, &e))?;
    if meta.is_dir() {
        let walker =
            walk::Walker::new(path, opts.glob.clone()).map_err(|e| OpenError::from_io(path, &e))?;
        return Ok(Box::new(DirDocuments {
            walker,
            current: None,
            opts: opts.clone(),
        }));
    }
    let id = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let file = std::fs::File::open(path).map_err(|e| OpenError::from_io(path, &e))?;
    Ok(open_reader(path, &id, Box::new(file), opts))
}

/// Read documents from any byte stream — stdin, a socket, an archive member. `name` is used in
/// messages and origins; `id` is the id of a whole-stream document (and the base of derived
/// ids). Compression and format are detected as for files (by `name`'s extension, then by
/// content).
pub fn open_reader(name: &Path, id: &str, reader: Box<dyn Read>, opts: &ReadOptions) -> Documents {
    let mut source = Source {
        path: Rc::from(name),
        id: id.to_string(),
        compression: Compression::None,
    };
    let fail = |source: &Source, e: io::Error| -> Documents {
        Box::new(std::iter::once(Err(RecordError::from_io(
            source.origin(Position::Byte(0)),
            &e,
            source.compression,
        ))))
    };
    // compression by magic bytes, whatever the name says
    let (magic, reader) = match peek(reader, 4) {
        Ok(x) => x,
        Err(e) => return fail(&source, e),
    };
    source.compression = Compression::sniff(&magic);
    let reader = source.compression.wrap(reader);
    let (head, reader) = match peek(reader, detect::SNIFF_BYTES) {
        Ok(x) => x,
        Err(e) => return fail(&source, e),
    };
    let format = opts
        .format
        .or_else(|| Format::from_path(name))
        .unwrap_or_else(|| Format::sniff(&head));
    let buffered = BufReader::with_capacity(64 << 10, reader);
    let documents: Documents = match format {
        Format::Text => whole(source, buffered, opts, text::read),
        Format::Html => whole(source, buffered, opts, |s, bytes| {
            html::read_page(s, bytes, None, None)
        }),
        Format::Jsonl => Box::new(jsonl::JsonlReader::new(source, buffered, opts)),
        Format::Warc => Box::new(warc::WarcReader::new(source, buffered, opts)),
        Format::Feed => Box::new(feed::FeedReader::new(source, buffered)),
        Format::PetrarchXml => Box::new(petrarch::PetrarchReader::new(source, buffered)),
    };
    Box::new(documents.map(|d| d.map(Document::dated_by_dateline)))
}

/// Read a whole-file format: the file is the record.
fn whole(
    source: Source,
    mut reader: impl BufRead,
    opts: &ReadOptions,
    parse: impl FnOnce(&Source, &[u8]) -> Result<Document, RecordError>,
) -> Documents {
    let mut bytes = Vec::new();
    let read = (&mut reader)
        .take(opts.max_record_bytes + 1)
        .read_to_end(&mut bytes);
    let result = match read {
        Err(e) => Err(RecordError::from_io(
            source.origin(Position::File),
            &e,
            source.compression,
        )),
        Ok(_) if bytes.len() as u64 > opts.max_record_bytes => Err(RecordError::new(
            source.origin(Position::File),
            RecordErrorKind::TooLarge,
            format!("the file is larger than {} bytes", opts.max_record_bytes),
            "split it, or read it as JSONL/WARC if it holds many articles",
        )),
        Ok(_) => parse(&source, &bytes),
    };
    Box::new(std::iter::once(result))
}

/// Read up to `n` bytes and give them back together with a reader that yields them again. A
/// read error after some bytes (a truncated gzip stream shorter than `n`) is kept for later:
/// the returned reader yields the bytes, then the error, so the records before it are read.
fn peek(mut reader: Box<dyn Read>, n: usize) -> io::Result<(Vec<u8>, Box<dyn Read>)> {
    let mut head = vec![0; n];
    let mut filled = 0;
    let mut failure = None;
    while filled < n {
        match reader.read(&mut head[filled..]) {
            Ok(0) => break,
            Ok(k) => filled += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) if filled == 0 => return Err(e),
            Err(e) => {
                failure = Some(e);
                break;
            }
        }
    }
    head.truncate(filled);
    let rest: Box<dyn Read> = match failure {
        Some(e) => Box::new(Failing(e.kind(), e.to_string())),
        None => reader,
    };
    let again = io::Cursor::new(head.clone()).chain(rest);
    Ok((head, Box::new(again)))
}

/// A reader that only fails, with the error a peek met.
struct Failing(io::ErrorKind, String);

impl Read for Failing {
    fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
        Err(io::Error::new(self.0, self.1.clone()))
    }
}

/// The documents of every file under a directory, in walk order.
struct DirDocuments {
    walker: walk::Walker,
    current: Option<Documents>,
    opts: ReadOptions,
}

impl Iterator for DirDocuments {
    type Item = Result<Document, RecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(docs) = &mut self.current {
                if let Some(item) = docs.next() {
                    return Some(item);
                }
                self.current = None;
            }
            match self.walker.next()? {
                Err((path, e)) => {
                    return Some(Err(RecordError::new(
                        Origin {
                            path,
                            at: Position::File,
                        },
                        RecordErrorKind::Unreadable,
                        format!("cannot read: {e}"),
                        "",
                    )))
                }
                Ok((path, relative)) => match std::fs::File::open(&path) {
                    Ok(f) => {
                        self.current = Some(open_reader(&path, &relative, Box::new(f), &self.opts))
                    }
                    Err(e) => {
                        return Some(Err(RecordError::new(
                            Origin {
                                path,
                                at: Position::File,
                            },
                            RecordErrorKind::Unreadable,
                            OpenError::from_io(Path::new(""), &e)
                                .to_string()
                                .trim_start_matches(": ")
                                .to_string(),
                            "",
                        )))
                    }
                },
            }
        }
    }
}

/// Collapse runs of whitespace into single spaces and trim.
pub(crate) fn squeeze(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The article text for a headline and body paragraphs: headline line, blank line, paragraphs
/// separated by blank lines. A first paragraph repeating the headline is dropped.
/// (Sized once for the whole text: an article of a few kB grown from empty is copied several
/// times over.)
pub(crate) fn compose<P: AsRef<str>>(title: Option<&str>, paragraphs: &[P]) -> String {
    let title = title.filter(|t| !t.is_empty());
    let mut rest = paragraphs;
    if let Some(t) = title {
        if rest.first().is_some_and(|p| p.as_ref() == t) {
            rest = &rest[1..];
        }
    }
    let size = title.map_or(0, str::len) + rest.iter().map(|p| p.as_ref().len() + 2).sum::<usize>();
    let mut out = String::with_capacity(size);
    if let Some(t) = title {
        out.push_str(t);
    }
    for p in rest {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(p.as_ref());
    }
    out
}
