//! WARC (ISO 28500): web archive files as Common Crawl's CC-NEWS publishes them, plain or
//! `.warc.gz` (one gzip member per record, read as one stream).
//!
//! A WARC file is a sequence of records, each a version line (`WARC/1.0`), header lines, a
//! blank line, exactly `Content-Length` bytes of block, and two line breaks. Only `response`
//! records matter here: their block is an HTTP response, whose body — when the HTTP status is
//! 2xx and the content type is HTML — is read with the [`super::html`] reader, using the HTTP
//! `Content-Type` charset, `WARC-Target-URI` as the page URL and `WARC-Record-ID` as the
//! document id. The page's own date wins; a page without one is dated by the URL, then by
//! `WARC-Date` ([`DateSource::CrawlDate`] — when the page was fetched, which for a news crawl is
//! usually the publication day or the next).
//!
//! Other records (`warcinfo`, `request`, `metadata`, non-HTML or non-2xx responses) are passed
//! over silently: they are not articles and not errors. Reading is record by record: one
//! record's block (at most [`super::ReadOptions::max_record_bytes`]; larger ones are skipped
//! unread) is in memory at a time. A record whose header cannot be parsed is reported with its
//! byte offset and the reader resynchronises at the next `WARC/` version line; a record cut
//! short by the end of the file is reported and ends the file. Offsets are in the decompressed
//! stream.

use super::html::{read_page_at, PageContext};
use super::{
    dates, DateSource, Document, Position, ReadOptions, RecordError, RecordErrorKind, Source,
};
use std::io::{BufRead, Read};

/// Streams documents from WARC response records.
pub(crate) struct WarcReader<R> {
    source: Source,
    reader: R,
    /// Decompressed bytes consumed so far.
    offset: u64,
    max: u64,
    line: Vec<u8>,
    done: bool,
}

impl<R: BufRead> WarcReader<R> {
    pub fn new(source: Source, reader: R, opts: &ReadOptions) -> Self {
        WarcReader {
            source,
            reader,
            offset: 0,
            max: opts.max_record_bytes,
            line: Vec::new(),
            done: false,
        }
    }

    fn io_error(&self, at: u64, e: &std::io::Error) -> RecordError {
        RecordError::from_io(
            self.source.origin(Position::Byte(at)),
            e,
            self.source.compression,
        )
    }

    /// Read one line (at most 64 KiB) into `self.line`; `Ok(false)` at the end of input.
    fn read_line(&mut self) -> Result<bool, RecordError> {
        self.line.clear();
        let at = self.offset;
        let n = (&mut self.reader)
            .take(64 << 10)
            .read_until(b'\n', &mut self.line)
            .map_err(|e| self.io_error(at, &e))?;
        self.offset += n as u64;
        Ok(n > 0)
    }

    /// Skip `n` bytes of input.
    fn skip(&mut self, n: u64) -> Result<u64, RecordError> {
        let at = self.offset;
        let skipped = std::io::copy(&mut (&mut self.reader).take(n), &mut std::io::sink())
            .map_err(|e| self.io_error(at, &e))?;
        self.offset += skipped;
        Ok(skipped)
    }

    /// The next record: `Ok(None)` at the end, `Ok(Some(None))` for a record that is not an
    /// article.
    fn record(&mut self) -> Result<Option<Option<Document>>, RecordError> {
        // the version line, after any blank lines between records
        loop {
            if !self.read_line()? {
                return Ok(None);
            }
            if !self.line.trim_ascii().is_empty() {
                break;
            }
        }
        let start = self.offset - self.line.len() as u64;
        let origin = self.source.origin(Position::Byte(start));
        if !self.line.starts_with(b"WARC/") {
            let problem = format!(
                "expected a WARC record (a \"WARC/1.0\" line), found {:?}",
                String::from_utf8_lossy(&self.line[..self.line.len().min(40)]).trim_end()
            );
            self.resync()?;
            return Err(RecordError::new(
                origin,
                RecordErrorKind::BadWarc,
                problem,
                "skipped to the next record",
            ));
        }
        let mut headers: Vec<(String, String)> = Vec::new();
        loop {
            if !self.read_line()? {
                return Err(RecordError::new(
                    origin,
                    RecordErrorKind::BadWarc,
                    "the file ends inside a record header",
                    "the file is truncated",
                ));
            }
            let line = String::from_utf8_lossy(&self.line);
            let line = line.trim_end_matches(['\r', '\n']);
            if line.is_empty() {
                break;
            }
            if let Some((k, v)) = line.split_once(':') {
                headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
            }
        }
        let header = |name: &str| {
            headers
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_str())
        };
        let Some(length) = header("content-length").and_then(|v| v.parse::<u64>().ok()) else {
            self.resync()?;
            return Err(RecordError::new(
                origin,
                RecordErrorKind::BadWarc,
                "the record has no valid Content-Length",
                "skipped to the next record",
            ));
        };
        let is_response = header("warc-type").is_some_and(|t| t.eq_ignore_ascii_case("response"));
        let is_http = header("content-type").is_none_or(|t| t.contains("application/http"));
        if !is_response || !is_http || length > self.max {
            let skipped = self.skip(length)?;
            if skipped < length {
                return Err(self.truncated(origin, length, skipped));
            }
            if length > self.max && is_response {
                return Err(RecordError::new(
                    origin,
                    RecordErrorKind::TooLarge,
                    format!("the record is larger than {} bytes", self.max),
                    "skipped",
                ));
            }
            return Ok(Some(None));
        }
        let mut block = Vec::with_capacity(length as usize);
        let at = self.offset;
        let got = (&mut self.reader)
            .take(length)
            .read_to_end(&mut block)
            .map_err(|e| self.io_error(at, &e))? as u64;
        self.offset += got;
        if got < length {
            return Err(self.truncated(origin, length, got));
        }
        let id = header("warc-record-id")
            .map(|v| {
                v.trim_start_matches('<')
                    .trim_end_matches('>')
                    .trim_start_matches("urn:uuid:")
                    .to_string()
            })
            .unwrap_or_else(|| format!("{}@{start}", self.source.id));
        let url = header("warc-target-uri")
            .map(|u| u.trim_start_matches('<').trim_end_matches('>').to_string());
        let crawl_date = header("warc-date").and_then(dates::parse_loose);
        let Some(http) = HttpResponse::parse(&block) else {
            return Err(RecordError::new(
                origin,
                RecordErrorKind::BadWarc,
                "the response record does not hold an HTTP response",
                "skipped",
            ));
        };
        if !(200..300).contains(&http.status)
            || !http.is_html(header("warc-identified-payload-type"))
        {
            return Ok(Some(None));
        }
        let body = http.body();
        let mut doc = read_page_at(
            &self.source,
            Position::Byte(start),
            id,
            &body,
            &PageContext {
                url: url.as_deref(),
                http_charset: http.charset.as_deref(),
            },
        )?;
        if doc.date.is_none() {
            doc.date = crawl_date;
            doc.date_source = crawl_date.map(|_| DateSource::CrawlDate);
        }
        Ok(Some(Some(doc)))
    }

    fn truncated(&mut self, origin: super::Origin, length: u64, got: u64) -> RecordError {
        self.done = true;
        RecordError::new(
            origin,
            RecordErrorKind::BadWarc,
            format!(
                "the record is truncated: Content-Length {length}, but only {got} bytes follow"
            ),
            "the file is cut short; the rest of it is skipped",
        )
    }

    /// Skip lines up to the next `WARC/` version line (left unread for the next record).
    fn resync(&mut self) -> Result<(), RecordError> {
        loop {
            let buf = {
                let at = self.offset;
                match self.reader.fill_buf() {
                    Ok(b) => b,
                    Err(e) => return Err(self.io_error(at, &e)),
                }
            };
            if buf.is_empty() {
                return Ok(());
            }
            if buf.starts_with(b"WARC/") {
                return Ok(());
            }
            if !self.read_line()? {
                return Ok(());
            }
        }
    }
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = Result<Document, RecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            match self.record() {
                Ok(None) => self.done = true,
                Ok(Some(None)) => continue,
                Ok(Some(Some(doc))) => return Some(Ok(doc)),
                Err(e) => {
                    if matches!(
                        e.kind,
                        RecordErrorKind::Compression | RecordErrorKind::Unreadable
                    ) {
                        self.done = true;
                    }
                    return Some(Err(e));
                }
            }
        }
        None
    }
}

/// The parts of an HTTP response dyad needs.
struct HttpResponse<'a> {
    status: u16,
    content_type: Option<String>,
    charset: Option<String>,
    chunked: bool,
    gzip: bool,
    body: &'a [u8],
}

impl<'a> HttpResponse<'a> {
    fn parse(block: &'a [u8]) -> Option<HttpResponse<'a>> {
        let (head_end, body_start) = find(block, b"\r\n\r\n")
            .map(|i| (i, i + 4))
            .or_else(|| find(block, b"\n\n").map(|i| (i, i + 2)))?;
        let head = String::from_utf8_lossy(&block[..head_end]);
        let mut lines = head.lines();
        let status_line = lines.next()?;
        if !status_line.starts_with("HTTP/") {
            return None;
        }
        let status = status_line.split_whitespace().nth(1)?.parse().ok()?;
        let mut r = HttpResponse {
            status,
            content_type: None,
            charset: None,
            chunked: false,
            gzip: false,
            body: &block[body_start..],
        };
        for line in lines {
            let Some((k, v)) = line.split_once(':') else {
                continue;
            };
            let v = v.trim();
            match k.trim().to_ascii_lowercase().as_str() {
                "content-type" => {
                    let mut parts = v.split(';');
                    r.content_type = parts.next().map(|t| t.trim().to_ascii_lowercase());
                    r.charset = parts.find_map(|p| {
                        let (k, v) = p.split_once('=')?;
                        k.trim()
                            .eq_ignore_ascii_case("charset")
                            .then(|| v.trim().trim_matches('"').to_string())
                    });
                }
                "transfer-encoding" => r.chunked = v.eq_ignore_ascii_case("chunked"),
                "content-encoding" => {
                    r.gzip = v.eq_ignore_ascii_case("gzip") || v.eq_ignore_ascii_case("x-gzip")
                }
                _ => {}
            }
        }
        Some(r)
    }

    fn is_html(&self, identified: Option<&str>) -> bool {
        let html = |t: &str| t.contains("html");
        match &self.content_type {
            Some(t) => html(t),
            None => {
                identified.is_some_and(html) || {
                    let head = &self.body[..self.body.len().min(1024)];
                    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
                    find(&lower, b"<html").is_some() || find(&lower, b"<!doctype html").is_some()
                }
            }
        }
    }

    /// The body, de-chunked and gunzipped when the headers say so and the bytes agree (crawlers
    /// usually store the decoded payload but keep the original headers).
    fn body(&self) -> std::borrow::Cow<'a, [u8]> {
        let mut body = std::borrow::Cow::Borrowed(self.body);
        if self.chunked {
            if let Some(d) = dechunk(&body) {
                body = std::borrow::Cow::Owned(d);
            }
        }
        if self.gzip && body.starts_with(&[0x1f, 0x8b]) {
            let mut out = Vec::new();
            if flate2::read::GzDecoder::new(&body[..])
                .read_to_end(&mut out)
                .is_ok()
            {
                body = std::borrow::Cow::Owned(out);
            }
        }
        body
    }
}

/// Undo HTTP chunked transfer encoding; `None` if the bytes are not chunked.
fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let eol = find(data, b"\r\n")?;
        let size_text = std::str::from_utf8(&data[..eol]).ok()?;
        let size_text = size_text.split(';').next()?.trim();
        let size = usize::from_str_radix(size_text, 16).ok()?;
        data = &data[eol + 2..];
        if size == 0 {
            return Some(out);
        }
        if data.len() < size {
            out.extend_from_slice(data);
            return Some(out);
        }
        out.extend_from_slice(&data[..size]);
        data = data[size..].strip_prefix(b"\r\n").unwrap_or(&data[size..]);
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_parts() {
        let block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=\"ISO-8859-1\"\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n";
        let r = HttpResponse::parse(block).unwrap();
        assert_eq!(r.status, 200);
        assert_eq!(r.charset.as_deref(), Some("ISO-8859-1"));
        assert!(r.is_html(None));
        assert_eq!(&r.body()[..], b"hello");
        assert!(HttpResponse::parse(b"GET / HTTP/1.1\r\n\r\n").is_none());
        assert_eq!(dechunk(b"<html>"), None);
    }
}
