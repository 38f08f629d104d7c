//! RSS 2.0 (and RSS 1.0/RDF) and Atom feeds: one article per `<item>` / `<entry>`.
//!
//! Feeds are the cheapest news source there is, and most of them carry only the headline and a
//! summary — which is still worth coding: headlines are written to state the event. Each item
//! becomes a document with
//!
//! * the headline from `title`;
//! * the body from `content:encoded` / Atom `content` when present (the fuller text), else
//!   `description` / `summary`. RSS descriptions and Atom `type="html"` content are HTML
//!   escaped inside XML: they are parsed as an HTML fragment ([`super::html::fragment_paragraphs`])
//!   so that markup and entities become clean paragraphs; Atom `type="xhtml"` content is
//!   already markup and its text is taken paragraph by paragraph;
//! * the date from `pubDate`, `dc:date`, Atom `published` (preferred) or `updated`;
//! * the URL from `link` (RSS text, Atom `href` of the `alternate` or unlabelled link);
//! * the id from `guid` / Atom `id`, else the link, else `file#N`;
//! * the outlet from the channel's (feed's) own `title`.
//!
//! Parsing is streaming (`quick-xml`, one item in memory), tolerant of mismatched end tags and
//! of HTML entities like `&nbsp;` that XML does not define. XML broken beyond that ends the file
//! with one [`RecordError`] at its byte offset; the items before it are kept.

use super::html::fragment_paragraphs;
use super::{
    compose, dates, squeeze, DateSource, Document, Position, RecordError, RecordErrorKind, Source,
};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::io::BufRead;

/// What a captured element holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Title,
    Summary,
    Content,
    Published,
    Updated,
    Link,
    Id,
    /// The channel/feed title (outside items).
    Outlet,
}

#[derive(Default)]
struct Item {
    start: u64,
    title: Option<String>,
    summary: Option<(String, Markup)>,
    content: Option<(String, Markup)>,
    published: Option<String>,
    updated: Option<String>,
    link: Option<String>,
    id: Option<String>,
}

/// How an element's text is marked up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Markup {
    /// Escaped HTML (RSS description, Atom `type="html"`).
    Html,
    /// Plain text (Atom `type="text"`).
    Text,
    /// Inline XHTML: the captured text already has paragraph breaks.
    Xhtml,
}

/// Streams documents from an RSS or Atom feed.
pub(crate) struct FeedReader<R> {
    source: Source,
    reader: Reader<R>,
    buf: Vec<u8>,
    outlet: Option<String>,
    item: Option<Item>,
    /// Element depth now, and the depth of the item element.
    depth: usize,
    item_depth: usize,
    /// The element being captured: field, markup, depth, text so far.
    capture: Option<(Field, Markup, usize, String)>,
    count: usize,
    done: bool,
}

impl<R: BufRead> FeedReader<R> {
    pub fn new(source: Source, reader: R) -> Self {
        let mut reader = Reader::from_reader(reader);
        let config = reader.config_mut();
        config.check_end_names = false;
        config.trim_text(false);
        FeedReader {
            source,
            reader,
            buf: Vec::new(),
            outlet: None,
            item: None,
            depth: 0,
            item_depth: 0,
            capture: None,
            count: 0,
            done: false,
        }
    }

    fn start(&mut self, e: &BytesStart<'_>, empty: bool) {
        let local = e.local_name();
        let name = String::from_utf8_lossy(local.as_ref()).to_ascii_lowercase();
        let qualified = String::from_utf8_lossy(e.name().as_ref()).to_ascii_lowercase();
        let decoder = self.reader.decoder();
        let attr = |key: &str| -> Option<String> {
            e.attributes().flatten().find_map(|a| {
                (a.key
                    .local_name()
                    .as_ref()
                    .eq_ignore_ascii_case(key.as_bytes()))
                .then(|| {
                    a.decode_and_unescape_value(decoder)
                        .map(|v| v.into_owned())
                        .unwrap_or_default()
                })
            })
        };
        if let Some((_, markup, _, text)) = &mut self.capture {
            // inside captured XHTML: paragraph breaks at block elements
            if *markup == Markup::Xhtml && is_block(&name) {
                text.push_str("\n\n");
            }
            return;
        }
        if self.item.is_none() {
            if name == "item" || name == "entry" {
                self.count += 1;
                self.item = Some(Item {
                    start: self.reader.buffer_position(),
                    ..Item::default()
                });
                self.item_depth = self.depth;
            } else if name == "title" && self.outlet.is_none() && self.depth <= 3 && !empty {
                self.capture = Some((Field::Outlet, Markup::Text, self.depth, String::new()));
            }
            return;
        }
        if self.depth != self.item_depth + 1 {
            return;
        }
        let markup = match attr("type")
            .as_deref()
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("xhtml") => Markup::Xhtml,
            Some("text" | "text/plain") => Markup::Text,
            Some(_) => Markup::Html,
            // RSS description/content:encoded are HTML; an untyped Atom summary is text, but
            // treating text as HTML is harmless unless it has literal '<'
            None => Markup::Html,
        };
        let field = match (name.as_str(), qualified.as_str()) {
            ("title", _) => Field::Title,
            ("description" | "summary", _) => Field::Summary,
            ("encoded", _) | ("content", _) => Field::Content,
            ("pubdate" | "published" | "issued", _) | ("date", "dc:date") => Field::Published,
            ("updated" | "modified", _) => Field::Updated,
            ("guid" | "id", _) => Field::Id,
            ("link", _) => {
                // Atom: <link rel="alternate" href="…"/>; RSS: <link>…</link>
                if let Some(href) = attr("href") {
                    let rel = attr("rel");
                    let item = self.item.as_mut().expect("inside an item");
                    if rel.as_deref().is_none_or(|r| r == "alternate") && item.link.is_none() {
                        item.link = Some(href.trim().to_string());
                    }
                    return;
                }
                Field::Link
            }
            _ => return,
        };
        if !empty {
            self.capture = Some((field, markup, self.depth, String::new()));
        }
    }

    fn end(&mut self, name: &[u8]) -> Option<Result<Document, RecordError>> {
        let name = String::from_utf8_lossy(name).to_ascii_lowercase();
        if let Some((field, markup, depth, text)) = self.capture.take() {
            if depth != self.depth {
                if markup == Markup::Xhtml && is_block(&name) {
                    let mut text = text;
                    text.push_str("\n\n");
                    self.capture = Some((field, markup, depth, text));
                } else {
                    self.capture = Some((field, markup, depth, text));
                }
                return None;
            }
            self.store(field, markup, text);
            return None;
        }
        if self.item.is_some()
            && self.depth == self.item_depth
            && (name == "item" || name == "entry")
        {
            let item = self.item.take().expect("checked");
            return Some(self.document(item));
        }
        None
    }

    fn store(&mut self, field: Field, markup: Markup, text: String) {
        if field == Field::Outlet {
            self.outlet = Some(squeeze(&text)).filter(|t| !t.is_empty());
            return;
        }
        let Some(item) = self.item.as_mut() else {
            return;
        };
        let slot = match field {
            Field::Title => &mut item.title,
            Field::Published => &mut item.published,
            Field::Updated => &mut item.updated,
            Field::Link => &mut item.link,
            Field::Id => &mut item.id,
            Field::Summary => {
                item.summary.get_or_insert((text, markup));
                return;
            }
            Field::Content => {
                item.content.get_or_insert((text, markup));
                return;
            }
            Field::Outlet => return,
        };
        if slot.is_none() {
            *slot = Some(text.trim().to_string()).filter(|t| !t.is_empty());
        }
    }

    fn document(&self, item: Item) -> Result<Document, RecordError> {
        let origin = self.source.origin(Position::Byte(item.start));
        let title = item
            .title
            .as_deref()
            .map(|t| {
                // titles are sometimes HTML-escaped markup too
                if t.contains('<') || t.contains('&') {
                    squeeze(&fragment_paragraphs(t).join(" "))
                } else {
                    squeeze(t)
                }
            })
            .filter(|t| !t.is_empty());
        let body = item
            .content
            .filter(|(t, _)| !t.trim().is_empty())
            .or(item.summary);
        let paragraphs: Vec<String> = match body {
            None => vec![],
            Some((text, Markup::Html)) if text.contains('<') || text.contains('&') => {
                fragment_paragraphs(&text)
            }
            Some((text, _)) => text
                .split("\n\n")
                .map(squeeze)
                .filter(|p| !p.is_empty())
                .collect(),
        };
        if title.is_none() && paragraphs.is_empty() {
            return Err(RecordError::new(
                origin,
                RecordErrorKind::NoText,
                "the feed item has neither a title nor a description",
                "",
            ));
        }
        let date = item
            .published
            .as_deref()
            .and_then(dates::parse_loose)
            .or_else(|| item.updated.as_deref().and_then(dates::parse_loose));
        let id = item
            .id
            .clone()
            .or_else(|| item.link.clone())
            .unwrap_or_else(|| format!("{}#{}", self.source.id, self.count));
        Ok(Document {
            id,
            text: compose(title.as_deref(), &paragraphs),
            title,
            date,
            date_source: date.map(|_| DateSource::Feed),
            url: item.link,
            outlet: self.outlet.clone(),
            origin,
            notes: vec![],
        })
    }
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div" | "br" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote"
    )
}

impl<R: BufRead> Iterator for FeedReader<R> {
    type Item = Result<Document, RecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            self.buf.clear();
            let event = match self.reader.read_event_into(&mut self.buf) {
                Ok(ev) => ev.into_owned(),
                Err(e) => {
                    self.done = true;
                    return Some(Err(xml_error(&self.source, &self.reader, &e)));
                }
            };
            match event {
                Event::Start(e) => {
                    self.depth += 1;
                    self.start(&e, false);
                }
                Event::Empty(e) => {
                    self.depth += 1;
                    self.start(&e, true);
                    let r = self.end(e.local_name().as_ref());
                    self.depth -= 1;
                    if r.is_some() {
                        return r;
                    }
                }
                Event::End(e) => {
                    let r = self.end(e.name().local_name().as_ref());
                    self.depth = self.depth.saturating_sub(1);
                    if r.is_some() {
                        return r;
                    }
                }
                Event::Text(t) => {
                    if let Some((_, _, _, text)) = &mut self.capture {
                        text.push_str(&xml_text(&t, self.reader.decoder()));
                    }
                }
                Event::CData(c) => {
                    if let Some((_, _, _, text)) = &mut self.capture {
                        let bytes = c.into_inner();
                        text.push_str(&self.reader.decoder().decode(&bytes).unwrap_or_default());
                    }
                }
                Event::Eof => {
                    self.done = true;
                    if let Some(item) = self.item.take() {
                        return Some(Err(RecordError::new(
                            self.source.origin(Position::Byte(item.start)),
                            RecordErrorKind::BadXml,
                            "the file ends inside an item",
                            "the file is truncated",
                        )));
                    }
                }
                _ => {}
            }
        }
        None
    }
}

/// Unescaped text of an XML text event; HTML entities (`&nbsp;`) are resolved too, and text
/// that still cannot be unescaped is kept as written.
pub(crate) fn xml_text(
    t: &quick_xml::events::BytesText<'_>,
    decoder: quick_xml::encoding::Decoder,
) -> String {
    use quick_xml::escape::{resolve_html5_entity, resolve_predefined_entity};
    match t.unescape_with(|e| resolve_predefined_entity(e).or_else(|| resolve_html5_entity(e))) {
        Ok(s) => s.into_owned(),
        Err(_) => decoder
            .decode(t)
            .map(|s| s.into_owned())
            .unwrap_or_default(),
    }
}

/// A parse error as a record error at the position where it was found.
pub(crate) fn xml_error<R>(
    source: &Source,
    reader: &Reader<R>,
    e: &quick_xml::Error,
) -> RecordError {
    RecordError::new(
        source.origin(Position::Byte(reader.error_position())),
        match e {
            quick_xml::Error::Io(_) if source.compression != super::Compression::None => {
                RecordErrorKind::Compression
            }
            quick_xml::Error::Io(_) => RecordErrorKind::Unreadable,
            _ => RecordErrorKind::BadXml,
        },
        format!("cannot read the XML any further: {e}"),
        "the rest of this file is skipped",
    )
}
