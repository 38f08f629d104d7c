//! Where `dyad code` puts its events: JSON Lines, CSV, GDELT 2.0 TSV, Parquet, or the SQLite
//! event store — all behind one [`EventSink`] trait.
//!
//! # Why a sink per article
//!
//! Every format is written one article at a time: [`EventSink::write_article`] gets the
//! [`Article`] and *all* of its events together. That is what the store needs (an article and its
//! events are one unit: skipped together when already stored, committed together so a crash never
//! leaves half an article), and it costs the streaming formats nothing. `dyad code` therefore
//! makes one call per article, whatever the output, and one [`EventSink::finish`] at the end.
//!
//! # Why the file outputs appear only at the end
//!
//! `-o FILE` writes to `FILE.partial` beside it and renames it to `FILE` in `finish`: a run that
//! fails or is killed leaves the previous `FILE` (or none) untouched instead of a truncated file
//! that looks complete — which matters most for Parquet, whose footer is written last and without
//! which the file is unreadable. Standard output streams as it goes.
//!
//! # Shared column rules
//!
//! The flat formats (CSV, Parquet, the store) name and compute their columns the same way, so a
//! query written against one works on another: nested objects become `parent_child` columns
//! (`source_code`, `location_lat`), and every format carries `event_date`, the one date a
//! time series can use — the event's own `when` when it names a whole day, else the publication
//! date (GDELT's SQLDATE follows the same rule). `docs/outputs.md` lists every column.

pub mod csv;
pub mod gdelt;
pub mod parquet;

use crate::store::{Store, StoreError};
use clap::{Args, ValueEnum};
use dyad::{Article, Date, Event};
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// The output flags of `dyad code`.
#[derive(Args, Clone, Debug, Default)]
pub struct OutputArgs {
    /// Output format (default: by the --output file's extension — .jsonl .csv .tsv .parquet —
    /// else jsonl). CSV, GDELT, Parquet and --db write each event as coded (counts 1); repeated
    /// events are collapsed in JSON Lines only. `gdelt` is the GDELT 2.0 Event table (61 tab-separated columns, no header).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<OutputFormat>,
    /// Also (or, without --format/--output, only) store articles, sentences and events in this
    /// SQLite event store; articles already stored (same id or same text) are skipped.
    #[arg(long, value_name = "FILE")]
    pub db: Option<PathBuf>,
    /// Articles per store transaction: a crash loses at most the batch in progress.
    #[arg(long, value_name = "N", default_value_t = 500)]
    pub db_batch: usize,
    /// GDELT DATEADDED stamp, YYYYMMDDHHMMSS (default: each article's publication date at
    /// 000000, so the same input gives the same file).
    #[arg(long, value_name = "STAMP", value_parser = parse_date_added)]
    pub date_added: Option<u64>,
}

/// The event file formats.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputFormat {
    /// JSON Lines: one event object per line (the coder's output contract).
    Jsonl,
    /// CSV with a header row; nested fields flattened (docs/outputs.md).
    Csv,
    /// GDELT 2.0 Event table: 61 tab-separated columns, no header, GDELT's order.
    Gdelt,
    /// Apache Parquet (zstd, dictionary-encoded codes); needs --output.
    Parquet,
}

impl OutputFormat {
    /// The format a file name implies, if any: `.jsonl`/`.ndjson`, `.csv`, `.tsv` (GDELT's
    /// files are tab-separated), `.parquet`/`.pq`.
    pub fn from_path(path: &Path) -> Option<OutputFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "jsonl" | "ndjson" | "json" => Some(OutputFormat::Jsonl),
            "csv" => Some(OutputFormat::Csv),
            "tsv" | "gdelt" => Some(OutputFormat::Gdelt),
            "parquet" | "pq" => Some(OutputFormat::Parquet),
            _ => None,
        }
    }
}

fn parse_date_added(s: &str) -> Result<u64, String> {
    let ok = s.len() == 14 && s.bytes().all(|b| b.is_ascii_digit());
    let date_ok = ok
        && Date::new(
            s[0..4].parse().unwrap_or(0),
            s[4..6].parse().unwrap_or(0),
            s[6..8].parse().unwrap_or(0),
        )
        .is_some();
    if !date_ok {
        return Err(format!(
            "expected YYYYMMDDHHMMSS (e.g. 20240418120000), got {s:?}"
        ));
    }
    s.parse().map_err(|e| format!("{e}"))
}

/// Why events could not be written.
#[derive(Debug, thiserror::Error)]
pub enum SinkError {
    #[error("cannot write {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("CSV output: {0}")]
    Csv(#[from] ::csv::Error),
    #[error("Parquet output: {0}")]
    Parquet(String),
    #[error("event store: {0}")]
    Store(#[from] StoreError),
    #[error("{0}")]
    Usage(String),
}

impl SinkError {
    fn io(path: &str, source: std::io::Error) -> SinkError {
        SinkError::Io {
            path: path.to_string(),
            source,
        }
    }
}

/// Something events are written to, one article at a time.
pub trait EventSink {
    /// Write one article's events (all of them, possibly none: the store records the article
    /// anyway, so re-ingesting it is recognised).
    fn write_article(&mut self, article: &Article, events: &[Event]) -> Result<(), SinkError>;
    /// Flush, close and commit. Nothing is guaranteed complete before this returns.
    fn finish(&mut self) -> Result<(), SinkError>;
}

/// How many mentions, sources and articles stand behind an event, and which articles.
///
/// Event de-duplication (merging the same event reported by several articles) is being added to
/// the [`Event`] record; until it is, every event stands for one mention in one article, and
/// [`mentions`] is the one place that will read the real fields.
#[derive(Debug, Clone, PartialEq)]
pub struct Mentions {
    pub num_mentions: u32,
    pub num_sources: u32,
    pub num_articles: u32,
    pub article_ids: Vec<String>,
}

/// The mention counts of an event (see [`Mentions`]).
pub fn mentions(ev: &Event) -> Mentions {
    Mentions {
        num_mentions: 1,
        num_sources: 1,
        num_articles: 1,
        article_ids: vec![ev.article_id.to_string()],
    }
}

/// The event's date for time series: `when` when it names a whole day, else the publication
/// date. The same rule gives GDELT's SQLDATE, the flat formats' `event_date` and the store's
/// `day`.
pub fn event_date(ev: &Event) -> &str {
    match (ev.when.as_deref(), ev.when_precision) {
        (Some(w), Some("day")) if w.parse::<Date>().is_ok() => w,
        _ => &ev.date,
    }
}

/// Where a file format's bytes go: stdout, or `FILE.partial` renamed to `FILE` on [`finish`].
///
/// [`finish`]: OutputTarget::finish
pub enum OutputTarget {
    Stdout(BufWriter<std::io::Stdout>),
    File {
        writer: Option<BufWriter<File>>,
        partial: PathBuf,
        path: PathBuf,
    },
}

impl OutputTarget {
    pub fn create(path: Option<&Path>) -> Result<OutputTarget, SinkError> {
        let Some(path) = path else {
            return Ok(OutputTarget::Stdout(BufWriter::new(std::io::stdout())));
        };
        let partial = partial_path(path);
        let file =
            File::create(&partial).map_err(|e| SinkError::io(&partial.display().to_string(), e))?;
        Ok(OutputTarget::File {
            writer: Some(BufWriter::with_capacity(1 << 16, file)),
            partial,
            path: path.to_path_buf(),
        })
    }

    /// A name for messages.
    pub fn name(&self) -> String {
        match self {
            OutputTarget::Stdout(_) => "stdout".to_string(),
            OutputTarget::File { path, .. } => path.display().to_string(),
        }
    }

    /// Flush and, for a file, move it into place.
    pub fn finish(&mut self) -> Result<(), SinkError> {
        let name = self.name();
        match self {
            OutputTarget::Stdout(w) => w.flush().map_err(|e| SinkError::io(&name, e)),
            OutputTarget::File {
                writer,
                partial,
                path,
            } => {
                let Some(w) = writer.take() else {
                    return Ok(());
                };
                let file = w
                    .into_inner()
                    .map_err(|e| SinkError::io(&name, e.into_error()))?;
                file.sync_all().map_err(|e| SinkError::io(&name, e))?;
                std::fs::rename(&*partial, &*path).map_err(|e| SinkError::io(&name, e))
            }
        }
    }
}

impl Write for OutputTarget {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            OutputTarget::Stdout(w) => w.write(buf),
            OutputTarget::File { writer, .. } => match writer {
                Some(w) => w.write(buf),
                None => Err(std::io::Error::other("output already finished")),
            },
        }
    }
    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        match self {
            OutputTarget::Stdout(w) => w.write_all(buf),
            OutputTarget::File { writer, .. } => match writer {
                Some(w) => w.write_all(buf),
                None => Err(std::io::Error::other("output already finished")),
            },
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            OutputTarget::Stdout(w) => w.flush(),
            OutputTarget::File { writer, .. } => writer.as_mut().map_or(Ok(()), |w| w.flush()),
        }
    }
}

impl Drop for OutputTarget {
    /// An unfinished file output is an incomplete file: remove it rather than leave it behind.
    fn drop(&mut self) {
        if let OutputTarget::File {
            writer: Some(_),
            partial,
            ..
        } = self
        {
            let _ = std::fs::remove_file(&*partial);
        }
    }
}

/// `events.parquet` → `events.parquet.partial`, in the same directory so the rename is atomic.
pub fn partial_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".partial");
    path.with_file_name(name)
}

/// JSON Lines: the coder's own record, one per line.
pub struct JsonlSink {
    out: OutputTarget,
}

impl EventSink for JsonlSink {
    fn write_article(&mut self, _article: &Article, events: &[Event]) -> Result<(), SinkError> {
        // (each record made in a buffer by `Event::write_json`, serde_json's bytes written
        // faster, then handed on whole)
        let mut line = Vec::with_capacity(1024);
        for ev in events {
            line.clear();
            ev.write_json(&mut line);
            line.push(b'\n');
            self.out
                .write_all(&line)
                .map_err(|e| SinkError::io(&self.out.name(), e))?;
        }
        Ok(())
    }
    fn finish(&mut self) -> Result<(), SinkError> {
        self.out.finish()
    }
}

/// Several sinks fed the same articles (a file format and the store).
pub struct Tee(pub Vec<Box<dyn EventSink>>);

impl EventSink for Tee {
    fn write_article(&mut self, article: &Article, events: &[Event]) -> Result<(), SinkError> {
        self.0
            .iter_mut()
            .try_for_each(|s| s.write_article(article, events))
    }
    fn finish(&mut self) -> Result<(), SinkError> {
        self.0.iter_mut().try_for_each(|s| s.finish())
    }
}

/// The sink `dyad code`'s flags ask for: a file format (stdout or `--output`), the store
/// (`--db`), or both. Without `--format`/`--output`, `--db` alone writes only the store.
pub fn open_sink(
    args: &OutputArgs,
    output: Option<&Path>,
) -> Result<Box<dyn EventSink>, SinkError> {
    let format = match (args.format, output) {
        (Some(f), _) => Some(f),
        (None, Some(path)) => Some(OutputFormat::from_path(path).ok_or_else(|| {
            SinkError::Usage(format!(
                "cannot tell the output format from the name {}: give --format jsonl|csv|gdelt|parquet",
                path.display()
            ))
        })?),
        (None, None) if args.db.is_some() => None,
        (None, None) => Some(OutputFormat::Jsonl),
    };
    let mut sinks: Vec<Box<dyn EventSink>> = Vec::new();
    if let Some(format) = format {
        let out = output;
        let sink: Box<dyn EventSink> = match format {
            OutputFormat::Jsonl => Box::new(JsonlSink {
                out: OutputTarget::create(out)?,
            }),
            OutputFormat::Csv => Box::new(csv::CsvSink::new(OutputTarget::create(out)?)),
            OutputFormat::Gdelt => Box::new(gdelt::GdeltSink::new(
                OutputTarget::create(out)?,
                args.date_added,
            )),
            OutputFormat::Parquet => {
                let Some(path) = out else {
                    return Err(SinkError::Usage(
                        "--format parquet needs --output FILE (Parquet is a binary file with its index at the end; it cannot stream to a terminal)".into(),
                    ));
                };
                Box::new(parquet::ParquetSink::create(path)?)
            }
        };
        sinks.push(sink);
    }
    if let Some(db) = &args.db {
        sinks.push(Box::new(Store::open(db)?.into_sink(args.db_batch.max(1))));
    }
    Ok(if sinks.len() == 1 {
        sinks.pop().expect("one sink")
    } else {
        Box::new(Tee(sinks))
    })
}
