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

/// The date for documents without one: `--date`, else today — with a warning the first time
/// today is used, so a corpus whose records all carry dates never warns.
pub struct FallbackDate {
    given: Option<Date>,
    today: Date,
    warned: bool,
}

impl FallbackDate {
    /// `today` is fixed at the start of the run, so a run crossing midnight dates all its
    /// undated documents alike.
    pub fn new(given: Option<Date>, today: Date) -> FallbackDate {
        FallbackDate {
            given,
            today,
            warned: false,
        }
    }

    /// The date, and the warning to show the first time today is used.
    pub fn for_document(&mut self, own: Option<Date>) -> (Date, Option<String>) {
        if let Some(d) = own.or(self.given) {
            return (d, None);
        }
        let warning = (!self.warned).then(|| {
            format!(
                "warning: no --date given; using today ({}) as the publication date of documents without one",
                self.today
            )
        });
        self.warned = true;
        (self.today, warning)
    }
}
