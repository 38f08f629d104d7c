//! Reading inputs for the commands, with messages a user can act on: `dyad code` reads
//! everything through the library's [`dyad::ingest`] readers; `dyad explain` reads one
//! plain-text article.

use anyhow::{anyhow, Result};
use dyad::article::decode_text;
use dyad::ingest::{self, Documents, OpenError, ReadOptions};
use dyad::{Article, Date};
use std::io::Read;
use std::path::Path;

/// Read one plain-text article. `-` is stdin.
pub fn read_article(path: &Path, id: Option<&str>, date: Date) -> Result<Article> {
    let (bytes, default_id) = if path.as_os_str() == "-" {
        let mut b = Vec::new();
        std::io::stdin()
            .read_to_end(&mut b)
            .map_err(|e| anyhow!("cannot read stdin: {e}"))?;
        (b, "stdin".to_string())
    } else {
        if path.is_dir() {
            return Err(anyhow!(
                "is a directory, not an article file (give the files inside it)"
            ));
        }
        let b = std::fs::read(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => anyhow!("no such file"),
            std::io::ErrorKind::PermissionDenied => anyhow!("permission denied"),
            _ => anyhow!("cannot read: {e}"),
        })?;
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        (b, name)
    };
    let (text, report) = decode_text(&bytes).map_err(|e| anyhow!("{e}"))?;
    if let Some(off) = report.first_invalid_utf8 {
        eprintln!(
            "dyad: warning: {}: invalid UTF-8 at byte {off}; decoded with replacement characters",
            path.display()
        );
    }
    Ok(Article::new(id.unwrap_or(&default_id), date, text))
}

/// Open one `dyad code` input: `-` is stdin, anything else a file or directory.
pub fn open(path: &Path, opts: &ReadOptions) -> Result<Documents, OpenError> {
    if path.as_os_str() == "-" {
        return Ok(ingest::open_reader(
            Path::new("stdin"),
            "stdin",
            Box::new(std::io::stdin()),
            opts,
        ));
    }
    ingest::open(path, opts)
}

/// What a `dyad code` run read and wrote, for the closing summary.
#[derive(Debug, Default)]
pub struct Counts {
    pub documents: u64,
    pub skipped: u64,
    pub events: u64,
}

impl std::fmt::Display for Counts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} documents coded, {} skipped (unreadable files or records), {} events",
            self.documents, self.skipped, self.events
        )
    }
}

/// The date for documents without one: `--date`, else today — with a warning the first time
/// today is used, so a corpus whose records all carry dates never warns.
pub struct FallbackDate {
    given: Option<Date>,
    warned: bool,
}

impl FallbackDate {
    pub fn new(given: Option<Date>) -> FallbackDate {
        FallbackDate {
            given,
            warned: false,
        }
    }

    pub fn for_document(&mut self, own: Option<Date>) -> Date {
        if let Some(d) = own.or(self.given) {
            return d;
        }
        let today = Date::today_utc();
        if !self.warned {
            self.warned = true;
            eprintln!(
                "dyad: warning: no --date given; using today ({today}) as the publication date of documents without one"
            );
        }
        today
    }
}
