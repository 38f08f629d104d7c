//! Reading plain-text articles from files and stdin, with messages a user can act on.

use anyhow::{anyhow, Result};
use dyad::article::decode_text;
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
