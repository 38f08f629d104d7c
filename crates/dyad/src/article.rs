//! Stage 1 — **Read**: the [`Article`] every reader produces.
//!
//! For plain text the rule is simple: the whole file is the article text (offsets point into it
//! exactly as read); its first non-empty line is the headline.

use crate::date::Date;

/// One news article.
#[derive(Debug, Clone)]
pub struct Article {
    /// Stable identifier (default: the file name).
    pub id: String,
    /// Publication date; events are stamped with it.
    pub date: Date,
    /// The article text as read: headline line, then body.
    pub text: String,
    pub url: Option<String>,
    /// The headline when the source names it apart from the text (HTML, feeds, JSONL); the
    /// text still starts with it. `None` for plain text, whose first line is the headline.
    pub title: Option<String>,
    /// The publication it came from (`og:site_name`, the feed title, the host name).
    pub outlet: Option<String>,
}

impl Article {
    pub fn new(id: impl Into<String>, date: Date, text: impl Into<String>) -> Article {
        Article {
            id: id.into(),
            date,
            text: text.into(),
            url: None,
            title: None,
            outlet: None,
        }
    }

    /// The first non-empty line, trimmed (for every reader's output, the headline).
    pub fn headline(&self) -> Option<&str> {
        self.text.lines().map(str::trim).find(|l| !l.is_empty())
    }
}

/// Why bytes could not become an article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    #[error("the file is empty: nothing to code")]
    Empty,
    #[error("the file looks binary (it has NUL bytes at offset {offset}): dyad reads plain text articles")]
    Binary { offset: usize },
}

/// What happened while decoding bytes into text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeReport {
    /// Byte offset of the first invalid UTF-8 sequence, if any (decoded lossily).
    pub first_invalid_utf8: Option<usize>,
}

/// Decode a plain-text article's bytes: UTF-8 (a BOM is dropped), lossily if it must be.
/// Binary and empty input are errors.
pub fn decode_text(bytes: &[u8]) -> Result<(String, DecodeReport), ReadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(offset) = bytes.iter().take(8192).position(|&b| b == 0) {
        return Err(ReadError::Binary { offset });
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ReadError::Empty);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((
            s.to_string(),
            DecodeReport {
                first_invalid_utf8: None,
            },
        )),
        Err(e) => Ok((
            String::from_utf8_lossy(bytes).into_owned(),
            DecodeReport {
                first_invalid_utf8: Some(e.valid_up_to()),
            },
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf8_lossily_and_rejects_binary_and_empty() {
        assert_eq!(decode_text(b"\xEF\xBB\xBFHello").unwrap().0, "Hello");
        let (s, r) = decode_text(b"Caf\xE9 talks").unwrap();
        assert_eq!(s, "Caf\u{FFFD} talks");
        assert_eq!(r.first_invalid_utf8, Some(3));
        assert_eq!(decode_text(b"  \n "), Err(ReadError::Empty));
        assert!(matches!(
            decode_text(b"ab\0cd"),
            Err(ReadError::Binary { offset: 2 })
        ));
    }

    #[test]
    fn headline_is_first_non_empty_line() {
        let a = Article::new(
            "a",
            "2020-01-01".parse().unwrap(),
            "\n\n  Title here \nBody.",
        );
        assert_eq!(a.headline(), Some("Title here"));
    }
}
