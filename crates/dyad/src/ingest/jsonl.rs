//! JSON Lines: one article object per line, as news APIs, scrapers (news-please, newspaper)
//! and data-set dumps write them.
//!
//! Field names differ between every producer, so each role (text, title, date, id, URL) has a
//! list of usual names tried in order ([`super::JsonFields`]); a user who names a field gets
//! exactly that one (a dotted name reaches into nested objects: `meta.published`). Values are
//! taken as they come: a numeric id becomes its decimal text, a date may be a string in any
//! form [`super::dates::parse_loose`] reads or a Unix timestamp, a text may be an array of
//! paragraph strings.
//!
//! Reading is line by line through one reused buffer (constant memory); a line longer than
//! [`super::ReadOptions::max_record_bytes`] is skipped without being held. Blank lines are
//! ignored. A line that is not a JSON object, or has no text, is one [`RecordError`] with its
//! line number, and reading goes on with the next line. When a title is present and the text
//! does not already start with it, the article text is `title`, blank line, `text`, so that the
//! headline is coded as the headline — as for HTML.

use super::{
    compose, dates, DateSource, Document, JsonFields, Position, ReadOptions, RecordError,
    RecordErrorKind, Source,
};
use serde_json::Value;
use std::io::{BufRead, Read};

const TEXT: &[&str] = &["text", "body", "content", "maintext", "article"];
const TITLE: &[&str] = &["title", "headline"];
const DATE: &[&str] = &[
    "date",
    "published",
    "published_at",
    "publish_date",
    "date_publish",
    "pubdate",
];
const ID: &[&str] = &["id", "_id", "guid"];
const URL: &[&str] = &["url", "link"];
const OUTLET: &[&str] = &[
    "outlet",
    "source",
    "source_domain",
    "site_name",
    "publisher",
];

/// Streams documents from JSON Lines.
pub(crate) struct JsonlReader<R> {
    source: Source,
    reader: R,
    fields: JsonFields,
    max: u64,
    line: u64,
    buf: Vec<u8>,
    done: bool,
}

impl<R: BufRead> JsonlReader<R> {
    pub fn new(source: Source, reader: R, opts: &ReadOptions) -> Self {
        JsonlReader {
            source,
            reader,
            fields: opts.fields.clone(),
            max: opts.max_record_bytes,
            line: 0,
            buf: Vec::new(),
            done: false,
        }
    }

    /// Read the next line into `buf`; `Ok(false)` at the end. An over-long line is consumed
    /// to its end and reported.
    fn next_line(&mut self) -> Result<bool, RecordError> {
        self.buf.clear();
        self.line += 1;
        let read = (&mut self.reader)
            .take(self.max + 1)
            .read_until(b'\n', &mut self.buf);
        match read {
            Err(e) => Err(RecordError::from_io(
                self.source.origin(Position::Line(self.line)),
                &e,
                self.source.compression,
            )),
            Ok(0) => Ok(false),
            Ok(_) if self.buf.len() as u64 > self.max && self.buf.last() != Some(&b'\n') => {
                // skip the rest of the line without keeping it
                loop {
                    let chunk = self.reader.fill_buf().map_err(|e| {
                        RecordError::from_io(
                            self.source.origin(Position::Line(self.line)),
                            &e,
                            self.source.compression,
                        )
                    })?;
                    if chunk.is_empty() {
                        break;
                    }
                    if let Some(i) = chunk.iter().position(|&b| b == b'\n') {
                        self.reader.consume(i + 1);
                        break;
                    }
                    let n = chunk.len();
                    self.reader.consume(n);
                }
                Err(RecordError::new(
                    self.source.origin(Position::Line(self.line)),
                    RecordErrorKind::TooLarge,
                    format!("the line is longer than {} bytes", self.max),
                    "skipped",
                ))
            }
            Ok(_) => Ok(true),
        }
    }

    fn parse(&self) -> Result<Option<Document>, RecordError> {
        let origin = self.source.origin(Position::Line(self.line));
        let line = self.buf.trim_ascii();
        if line.is_empty() {
            return Ok(None);
        }
        let mut value: Value = serde_json::from_slice(line).map_err(|e| {
            RecordError::new(
                origin.clone(),
                RecordErrorKind::BadJson,
                format!("not valid JSON: {e}"),
                "each line must be one JSON object",
            )
        })?;
        let Value::Object(_) = value else {
            return Err(RecordError::new(
                origin,
                RecordErrorKind::BadJson,
                "the line is JSON but not an object",
                "each line must be one JSON object like {\"text\": \"...\"}",
            ));
        };
        let f = &self.fields;
        let title = lookup(&value, f.title.as_deref(), TITLE)
            .and_then(Value::as_str)
            .map(super::squeeze)
            .filter(|t| !t.is_empty());
        let date = lookup(&value, f.date.as_deref(), DATE).and_then(|v| match v {
            Value::String(s) => dates::parse_loose(s),
            Value::Number(n) => n.as_f64().and_then(dates::from_unix),
            _ => None,
        });
        let id = lookup(&value, f.id.as_deref(), ID)
            .and_then(scalar)
            .unwrap_or_else(|| format!("{}:{}", self.source.id, self.line));
        let url = lookup(&value, f.url.as_deref(), URL)
            .and_then(Value::as_str)
            .map(str::to_string);
        let outlet = lookup(&value, None, OUTLET)
            .and_then(|v| v.as_str().or_else(|| v.get("name").and_then(Value::as_str)))
            .map(str::to_string);
        // (the text is taken last, the other fields read: it is moved out of the parsed record,
        // not copied, as it is most of the line)
        let body = lookup_mut(&mut value, f.text.as_deref(), TEXT).and_then(take_text);
        let Some(body) = body.filter(|t| !t.trim().is_empty()) else {
            let looked = f.text.clone().unwrap_or_else(|| TEXT.join(", "));
            return Err(RecordError::new(
                origin,
                RecordErrorKind::NoText,
                format!("no text (looked for the field {looked})"),
                "name the text field with --text-field",
            ));
        };
        let text = match &title {
            Some(t) if !body.trim_start().starts_with(t.as_str()) => {
                compose(Some(t), &[body.trim()])
            }
            _ => body,
        };
        Ok(Some(Document {
            id,
            title,
            text,
            date,
            date_source: date.map(|_| DateSource::Field),
            url,
            outlet,
            origin,
            notes: vec![],
        }))
    }
}

/// The value at a dotted path, or at the first of the default names that is present.
fn lookup<'v>(value: &'v Value, named: Option<&str>, defaults: &[&str]) -> Option<&'v Value> {
    let at = |path: &str| {
        path.split('.')
            .try_fold(value, |v, key| v.get(key))
            .filter(|v| !v.is_null())
    };
    match named {
        Some(path) => at(path),
        None => defaults.iter().find_map(|k| at(k)),
    }
}

/// A text field: a string, or an array of paragraph strings.
/// [`lookup`], for the value to be taken out of the record.
fn lookup_mut<'v>(
    value: &'v mut Value,
    named: Option<&str>,
    defaults: &[&str],
) -> Option<&'v mut Value> {
    // (the same field `lookup` finds: the first default that is there and not null)
    let path = match named {
        Some(path) => path,
        None => defaults
            .iter()
            .copied()
            .find(|k| lookup(value, Some(k), &[]).is_some())?,
    };
    path.split('.')
        .try_fold(value, |v, key| v.get_mut(key))
        .filter(|v| !v.is_null())
}

/// A text field's text: a string (moved out of the record, left empty there) or the strings of
/// an array, each a paragraph.
fn take_text(v: &mut Value) -> Option<String> {
    match v {
        Value::String(s) => Some(std::mem::take(s)),
        Value::Array(items) => {
            let parts: Vec<&str> = items.iter().filter_map(Value::as_str).collect();
            (!parts.is_empty()).then(|| parts.join("\n\n"))
        }
        _ => None,
    }
}

/// A string or number as text (ids).
fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = Result<Document, RecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            match self.next_line() {
                Ok(false) => self.done = true,
                Ok(true) => match self.parse() {
                    Ok(None) => continue,
                    Ok(Some(doc)) => return Some(Ok(doc)),
                    Err(e) => return Some(Err(e)),
                },
                Err(e) => {
                    // a read error (truncated compression) cannot be resumed; a long line can
                    if e.kind != RecordErrorKind::TooLarge {
                        self.done = true;
                    }
                    return Some(Err(e));
                }
            }
        }
        None
    }
}
