//! Plain text: the whole file is one article, exactly as read, so byte offsets in events point
//! into the file as it is on disk (after BOM removal). The first non-empty line is the
//! headline. Decoding is UTF-8, lossily with a [`Note`] when it must be; binary and empty files
//! are errors — the rules of [`crate::article::decode_text`], which this reader shares with the
//! single-file path the CLI always had.

use super::{Document, Note, Position, RecordError, RecordErrorKind, Source};
use crate::article::{decode_text, ReadError};

/// One plain-text document from a file's bytes.
pub(crate) fn read(source: &Source, bytes: &[u8]) -> Result<Document, RecordError> {
    let origin = source.origin(Position::File);
    let (text, report) = decode_text(bytes).map_err(|e| {
        let kind = match e {
            ReadError::Empty => RecordErrorKind::NoText,
            ReadError::Binary { .. } => RecordErrorKind::Binary,
        };
        let hint = match e {
            ReadError::Empty => "",
            ReadError::Binary { .. } => "if it is another format, name it with --input-format",
        };
        RecordError::new(origin.clone(), kind, e.to_string(), hint)
    })?;
    let notes = report
        .first_invalid_utf8
        .map(|offset| Note::InvalidUtf8 { offset })
        .into_iter()
        .collect();
    let title = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(str::to_string);
    Ok(Document {
        id: source.id.clone(),
        title,
        text,
        date: None,
        date_source: None,
        url: None,
        outlet: None,
        origin,
        notes,
    })
}
