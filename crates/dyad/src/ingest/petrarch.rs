//! PETRARCH input XML, so that existing PETRARCH corpora run through dyad unchanged:
//!
//! ```xml
//! <Sentences>
//! <Sentence date = "20150805" id ="AFP-1-1" source = "AFP" sentence = "True">
//! <Text>
//! Turkish Foreign Minister Mevlut Cavusoglu accused Greece ...
//! </Text>
//! <Parse>(ROOT (S ...))</Parse>
//! </Sentence>
//! </Sentences>
//! ```
//!
//! Each `<Sentence>` is one document: its `<Text>` with whitespace collapsed (PETRARCH wraps
//! sentences over lines), dated by the `date` attribute (`YYYYMMDD`), identified by `id`, with
//! `source` as the outlet. Treebank `<Parse>` trees and `<EventCoding>` gold codings are
//! ignored: dyad does its own analysis. Files without the `<Sentences>` wrapper, with spaces
//! around `=`, or with stray unescaped `&` in the text (all common in the wild) are read.
//!
//! Reading streams sentence by sentence. A sentence without text is one [`RecordError`];
//! XML broken beyond repair ends the file with one error at its byte offset.

use super::feed::{xml_error, xml_text};
use super::{dates, squeeze, DateSource, Document, Position, RecordError, RecordErrorKind, Source};
use quick_xml::events::Event;
use quick_xml::Reader;
use std::io::BufRead;

struct Sentence {
    start: u64,
    id: Option<String>,
    date: Option<String>,
    source: Option<String>,
    text: Option<String>,
}

/// Streams documents from PETRARCH `<Sentence>` XML.
pub(crate) struct PetrarchReader<R> {
    source: Source,
    reader: Reader<R>,
    buf: Vec<u8>,
    sentence: Option<Sentence>,
    /// Text being captured inside `<Text>`.
    capture: Option<String>,
    count: usize,
    done: bool,
}

impl<R: BufRead> PetrarchReader<R> {
    pub fn new(source: Source, reader: R) -> Self {
        let mut reader = Reader::from_reader(reader);
        reader.config_mut().check_end_names = false;
        PetrarchReader {
            source,
            reader,
            buf: Vec::new(),
            sentence: None,
            capture: None,
            count: 0,
            done: false,
        }
    }

    fn document(&self, s: Sentence) -> Result<Document, RecordError> {
        let origin = self.source.origin(Position::Byte(s.start));
        let text = s.text.as_deref().map(squeeze).unwrap_or_default();
        if text.is_empty() {
            return Err(RecordError::new(
                origin,
                RecordErrorKind::NoText,
                "the <Sentence> has no <Text>",
                "",
            ));
        }
        let date = s.date.as_deref().and_then(dates::parse_loose);
        Ok(Document {
            id: s
                .id
                .filter(|i| !i.is_empty())
                .unwrap_or_else(|| format!("{}#{}", self.source.id, self.count)),
            title: None,
            text,
            date,
            date_source: date.map(|_| DateSource::Attribute),
            url: None,
            outlet: s.source.filter(|x| !x.is_empty()),
            origin,
            notes: vec![],
        })
    }
}

impl<R: BufRead> Iterator for PetrarchReader<R> {
    type Item = Result<Document, RecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            self.buf.clear();
            let start = self.reader.buffer_position();
            let event = match self.reader.read_event_into(&mut self.buf) {
                Ok(ev) => ev.into_owned(),
                Err(e) => {
                    self.done = true;
                    return Some(Err(xml_error(&self.source, &self.reader, &e)));
                }
            };
            match event {
                Event::Start(e) | Event::Empty(e)
                    if e.local_name().as_ref().eq_ignore_ascii_case(b"sentence") =>
                {
                    let decoder = self.reader.decoder();
                    let attr = |key: &[u8]| {
                        e.attributes().flatten().find_map(|a| {
                            a.key.as_ref().eq_ignore_ascii_case(key).then(|| {
                                a.decode_and_unescape_value(decoder)
                                    .map(|v| v.trim().to_string())
                                    .unwrap_or_default()
                            })
                        })
                    };
                    self.count += 1;
                    let s = Sentence {
                        start,
                        id: attr(b"id"),
                        date: attr(b"date"),
                        source: attr(b"source"),
                        text: None,
                    };
                    // an unclosed previous sentence ends here
                    let previous = self.sentence.replace(s);
                    if let Some(p) = previous {
                        return Some(self.document(p));
                    }
                }
                Event::Start(e)
                    if self.sentence.is_some()
                        && e.local_name().as_ref().eq_ignore_ascii_case(b"text") =>
                {
                    self.capture = Some(String::new());
                }
                Event::End(e) if e.local_name().as_ref().eq_ignore_ascii_case(b"text") => {
                    if let (Some(text), Some(s)) = (self.capture.take(), self.sentence.as_mut()) {
                        s.text.get_or_insert(text);
                    }
                }
                Event::End(e) if e.local_name().as_ref().eq_ignore_ascii_case(b"sentence") => {
                    self.capture = None;
                    if let Some(s) = self.sentence.take() {
                        return Some(self.document(s));
                    }
                }
                Event::Text(t) => {
                    if let Some(text) = &mut self.capture {
                        text.push_str(&xml_text(&t, self.reader.decoder()));
                    }
                }
                Event::CData(c) => {
                    if let Some(text) = &mut self.capture {
                        let bytes = c.into_inner();
                        text.push_str(&self.reader.decoder().decode(&bytes).unwrap_or_default());
                    }
                }
                Event::Eof => {
                    self.done = true;
                    if let Some(s) = self.sentence.take() {
                        return Some(self.document(s));
                    }
                }
                _ => {}
            }
        }
        None
    }
}
