//! HTML pages: charset, metadata and main-text extraction.
//!
//! A news page is mostly *not* the article: menus, ads, share buttons, comment threads,
//! "related stories" rails, cookie banners, newsletter boxes. Coding all of it would turn every
//! "Most read: Russia accuses Ukraine…" teaser into an event of this page. So the reader keeps
//! the main text only, with one general heuristic and **no per-site rules** (they rot as sites
//! change, and a coder for any news source cannot carry thousands of them):
//!
//! 1. **Parse** with `html5ever`, the browser-grade parser: broken markup (unclosed `<p>`,
//!    stray `</div>`, tags in the wrong place) is repaired exactly as a browser would, so "broken
//!    HTML" never fails — at worst it has no text, which is reported as such.
//! 2. **Drop boilerplate subtrees**: elements that are never article text (`nav`, `header`,
//!    `footer`, `aside`, `form`, `script`, `style`, `noscript`, `iframe`, `figure`, `button`, …,
//!    HTML comments), hidden elements (`hidden`, `aria-hidden="true"`, `display:none`), ARIA
//!    landmarks for navigation (`role="navigation"`, `banner`, `contentinfo`, `complementary`),
//!    and elements whose `class`/`id` words (split at `-`, `_`, spaces and camelCase) say what
//!    they are: *nav, menu, breadcrumb, comment, related, share, social, footer, newsletter,
//!    subscribe, cookie, consent, outbrain, taboola* always; *ad, ads, advert, sponsor, promo,
//!    sidebar, widget, banner, popup, modal, trending, recommended* unless the same attribute
//!    also says *article, story, body, content, main, post, text, entry* (an `article-body
//!    has-ads` wrapper is the article). `html`, `body`, `main` and `article` are never dropped
//!    by their class.
//! 3. **Score containers** (after Readability's idea): every remaining `<p>` with at least 25
//!    characters gives its length to its parent and half of it to its grandparent; a
//!    container's score is multiplied by `1 − link density` (the share of its text inside
//!    links), so link lists lose to prose. The best container wins; siblings scoring at least a
//!    fifth of it (an article split into several blocks around an ad slot) join it. Pages
//!    without `<p>` fall back to the whole body.
//! 4. **Collect paragraphs** from the chosen container: block elements (`p`, `div`, `li`,
//!    headings, `br`, …) end a paragraph; whitespace is collapsed; a paragraph mostly made of
//!    link text, or too short to be prose (fewer than 6 words without closing punctuation:
//!    "Advertisement", "Share on Facebook"), is dropped, as are repeats.
//!
//! Metadata, in order of trust: the **headline** from `og:title`, `twitter:title`, JSON-LD
//! `headline`, the first `<h1>`, then `<title>` without its " | Site" suffix (titles carry the
//! site name, so they come last); the **date** from `article:published_time` and its sibling
//! meta tags (`pubdate`, `DC.date.issued`, `itemprop="datePublished"`, …), then JSON-LD
//! `datePublished`, then the first `<time>` outside navigation/aside/footer, then the URL; the
//! **outlet** from `og:site_name`, JSON-LD `publisher.name`, `application-name`, then the host;
//! the **URL** from the caller (WARC), `og:url`, `<link rel="canonical">`.
//!
//! **Charset**, as browsers do it: a byte-order mark, then the HTTP `Content-Type` charset
//! (WARC), then a `charset=` declaration in the first 4 KiB (`<meta charset>` or
//! `http-equiv`); without any, UTF-8 when the bytes are valid UTF-8, otherwise `chardetng`'s
//! guess (with a [`Note`]) — the common case of old Windows-1252 / ISO-8859-1 news pages.

use super::dates;
use super::{
    compose, squeeze, DateSource, Document, Note, Position, RecordError, RecordErrorKind, Source,
};
use crate::date::Date;
use html5ever::tendril::TendrilSink;
use markup5ever_rcdom::{NodeData, RcDom};

/// Metadata a caller knows from outside the page (WARC headers).
#[derive(Debug, Clone, Default)]
pub(crate) struct PageContext<'a> {
    pub url: Option<&'a str>,
    pub http_charset: Option<&'a str>,
}

/// What the page yields, before it becomes a [`Document`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub title: Option<String>,
    pub paragraphs: Vec<String>,
    pub date: Option<(Date, DateSource)>,
    pub url: Option<String>,
    pub outlet: Option<String>,
}

/// Read one HTML page file (or HTTP payload) into a document.
pub(crate) fn read_page(
    source: &Source,
    bytes: &[u8],
    url: Option<&str>,
    http_charset: Option<&str>,
) -> Result<Document, RecordError> {
    read_page_at(
        source,
        Position::File,
        source.id.clone(),
        bytes,
        &PageContext { url, http_charset },
    )
}

pub(crate) fn read_page_at(
    source: &Source,
    at: Position,
    id: String,
    bytes: &[u8],
    ctx: &PageContext<'_>,
) -> Result<Document, RecordError> {
    let origin = source.origin(at);
    let (html, notes) = decode(bytes, ctx.http_charset, ctx.url);
    let page = extract(&html, ctx.url);
    if page.paragraphs.is_empty() {
        return Err(RecordError::new(
            origin,
            RecordErrorKind::NoText,
            "no article text found in the HTML page",
            "index, video or script-only pages have none; if this is an article, its text may be loaded by JavaScript",
        ));
    }
    let text = compose(page.title.as_deref(), &page.paragraphs);
    Ok(Document {
        id,
        title: page.title,
        text,
        date: page.date.map(|d| d.0),
        date_source: page.date.map(|d| d.1),
        url: page.url,
        outlet: page.outlet,
        origin,
        notes,
    })
}

// ---------------------------------------------------------------------------------------------
// Charset

/// Decode page bytes to text (see the module docs for the order of evidence).
pub fn decode(bytes: &[u8], http_charset: Option<&str>, url: Option<&str>) -> (String, Vec<Note>) {
    use encoding_rs::{Encoding, UTF_8};
    let mut notes = Vec::new();
    let (encoding, body) = if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        (enc, &bytes[bom_len..])
    } else {
        let declared = http_charset
            .and_then(|l| Encoding::for_label(l.trim().as_bytes()))
            .or_else(|| meta_charset(bytes));
        let enc = match declared {
            // a page cannot really be UTF-16 if its declaration could be read as ASCII
            Some(e) if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE => UTF_8,
            Some(e) => e,
            None if std::str::from_utf8(bytes).is_ok() => UTF_8,
            None => {
                let mut detector = chardetng::EncodingDetector::new();
                detector.feed(bytes, true);
                let tld = url
                    .and_then(host)
                    .and_then(|h| h.rsplit('.').next().map(|t| t.as_bytes().to_vec()));
                let guess = detector.guess(tld.as_deref(), true);
                notes.push(Note::GuessedCharset {
                    encoding: guess.name(),
                });
                guess
            }
        };
        (enc, bytes)
    };
    if encoding == UTF_8 {
        if let Err(e) = std::str::from_utf8(body) {
            notes.push(Note::InvalidUtf8 {
                offset: e.valid_up_to(),
            });
        }
    }
    let (text, _) = encoding.decode_without_bom_handling(body);
    (text.into_owned(), notes)
}

/// A `charset=` label in the first 4 KiB (`<meta charset="…">` or the `http-equiv` form).
fn meta_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(i) = find(&lower[from..], b"charset") {
        let mut j = from + i + 7;
        from = j;
        while lower.get(j).is_some_and(|b| b.is_ascii_whitespace()) {
            j += 1;
        }
        if lower.get(j) != Some(&b'=') {
            continue;
        }
        j += 1;
        while lower
            .get(j)
            .is_some_and(|b| b.is_ascii_whitespace() || *b == b'"' || *b == b'\'')
        {
            j += 1;
        }
        let label: Vec<u8> = lower[j..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
            .copied()
            .collect();
        if let Some(e) = encoding_rs::Encoding::for_label(&label) {
            return Some(e);
        }
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The host of a URL, lowercased, without `www.`.
pub fn host(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let end = rest.find(['/', '?', '#', ':']).unwrap_or(rest.len());
    let h = &rest[..end];
    let h = h.rsplit('@').next().unwrap_or(h);
    let h = h.strip_prefix("www.").unwrap_or(h);
    (!h.is_empty()).then_some(h)
}

// ---------------------------------------------------------------------------------------------
// A compact tree

/// One node of the page, in document (pre-)order: parents come before their children.
#[derive(Debug)]
struct Node {
    /// Lowercase element name; empty for text.
    tag: String,
    attrs: Vec<(String, String)>,
    /// Text content (text nodes only).
    text: String,
    parent: usize,
    children: Vec<usize>,
}

impl Node {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
    fn is_text(&self) -> bool {
        self.tag.is_empty()
    }
}

struct Tree {
    nodes: Vec<Node>,
}

/// Parse HTML into the compact tree (iteratively: nesting depth costs no stack).
fn parse(html: &str) -> Tree {
    let dom = html5ever::parse_document(RcDom::default(), Default::default()).one(html);
    let mut nodes = vec![Node {
        tag: "#document".into(),
        attrs: vec![],
        text: String::new(),
        parent: 0,
        children: vec![],
    }];
    let mut stack: Vec<(markup5ever_rcdom::Handle, usize)> = dom
        .document
        .children
        .borrow()
        .iter()
        .rev()
        .map(|h| (h.clone(), 0))
        .collect();
    while let Some((handle, parent)) = stack.pop() {
        let node = match &handle.data {
            NodeData::Text { contents } => Node {
                tag: String::new(),
                attrs: vec![],
                text: contents.borrow().to_string(),
                parent,
                children: vec![],
            },
            NodeData::Element { name, attrs, .. } => Node {
                tag: name.local.to_ascii_lowercase().to_string(),
                attrs: attrs
                    .borrow()
                    .iter()
                    .map(|a| {
                        (
                            a.name.local.to_ascii_lowercase().to_string(),
                            a.value.to_string(),
                        )
                    })
                    .collect(),
                text: String::new(),
                parent,
                children: vec![],
            },
            _ => continue,
        };
        let index = nodes.len();
        nodes.push(node);
        nodes[parent].children.push(index);
        for child in handle.children.borrow().iter().rev() {
            stack.push((child.clone(), index));
        }
    }
    Tree { nodes }
}

// ---------------------------------------------------------------------------------------------
// Boilerplate

const DROP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "nav", "footer", "aside", "form", "iframe",
    "button", "select", "input", "textarea", "object", "embed", "canvas", "video", "audio",
    "figure", "menu", "dialog", "head", "header",
];
const DROP_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "menu",
    "menubar",
    "search",
    "dialog",
    "alertdialog",
];
/// Class/id words that always mark boilerplate.
const STRONG_WORDS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "comment",
    "comments",
    "disqus",
    "related",
    "share",
    "sharing",
    "social",
    "footer",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "outbrain",
    "taboola",
    "masthead",
    "skiplink",
];
/// Class/id words that mark boilerplate unless the attribute also names the content.
const WEAK_WORDS: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "adverts",
    "advertisement",
    "advertising",
    "sponsor",
    "sponsored",
    "promo",
    "promotion",
    "sidebar",
    "widget",
    "banner",
    "popup",
    "modal",
    "trending",
    "recommended",
    "recommendations",
    "header",
    "toolbar",
    "pagination",
    "tags",
];
const CONTENT_WORDS: &[&str] = &[
    "article", "story", "body", "content", "main", "post", "text", "entry",
];

/// Split `class`/`id` values into lowercase words at non-alphanumerics and camelCase.
fn attr_words(value: &str, out: &mut Vec<String>) {
    let mut word = String::new();
    let mut prev_lower = false;
    for c in value.chars() {
        if (!c.is_alphanumeric() || (c.is_uppercase() && prev_lower)) && !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        }
        prev_lower = c.is_lowercase();
    }
    if !word.is_empty() {
        out.push(word);
    }
}

/// Why a node is dropped: not at all, as a page header (still searched for bylines and
/// dates), or as any other boilerplate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Drop {
    Keep,
    Header,
    Boilerplate,
}

fn classify(node: &Node) -> Drop {
    if node.is_text() {
        return Drop::Keep;
    }
    let tag = node.tag.as_str();
    if tag == "header" {
        return Drop::Header;
    }
    if DROP_TAGS.contains(&tag) {
        return Drop::Boilerplate;
    }
    if node.attr("hidden").is_some()
        || node.attr("aria-hidden") == Some("true")
        || node.attr("style").is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            s.to_ascii_lowercase().contains("display:none")
        })
    {
        return Drop::Boilerplate;
    }
    if node
        .attr("role")
        .is_some_and(|r| DROP_ROLES.contains(&r.trim().to_ascii_lowercase().as_str()))
    {
        return Drop::Boilerplate;
    }
    if matches!(tag, "html" | "body" | "main" | "article") {
        return Drop::Keep;
    }
    let mut words = Vec::new();
    for name in ["class", "id"] {
        if let Some(v) = node.attr(name) {
            attr_words(v, &mut words);
        }
    }
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    if has(STRONG_WORDS) || (has(WEAK_WORDS) && !has(CONTENT_WORDS)) {
        return Drop::Boilerplate;
    }
    Drop::Keep
}

// ---------------------------------------------------------------------------------------------
// Extraction

/// Extract headline, paragraphs and metadata from an HTML page. `url`: the page's address when
/// known from outside (it wins over the page's own `og:url`).
pub fn extract(html: &str, url: Option<&str>) -> Page {
    let tree = parse(html);
    let n = tree.nodes.len();
    // drop state per node, inherited from ancestors (pre-order: parents first)
    let mut drop = vec![Drop::Keep; n];
    for i in 1..n {
        let inherited = drop[tree.nodes[i].parent];
        let own = classify(&tree.nodes[i]);
        drop[i] = match (inherited, own) {
            (Drop::Boilerplate, _) | (_, Drop::Boilerplate) => Drop::Boilerplate,
            (Drop::Header, _) | (_, Drop::Header) => Drop::Header,
            _ => Drop::Keep,
        };
    }
    let meta = Meta::collect(&tree, &drop);

    // text and link-text lengths of every kept subtree (children after parents: go backwards)
    let mut text_len = vec![0usize; n];
    let mut link_len = vec![0usize; n];
    for i in (1..n).rev() {
        if drop[i] != Drop::Keep {
            continue;
        }
        let node = &tree.nodes[i];
        if node.is_text() {
            text_len[i] = node.text.split_whitespace().map(str::len).sum();
        }
        if node.tag == "a" {
            link_len[i] = text_len[i];
        }
        let p = node.parent;
        text_len[p] += text_len[i];
        link_len[p] += link_len[i];
    }
    let density = |i: usize| {
        if text_len[i] == 0 {
            1.0
        } else {
            (link_len[i] as f64 / text_len[i] as f64).min(1.0)
        }
    };

    // paragraph scores for containers
    let mut score = vec![0f64; n];
    for i in 1..n {
        if drop[i] != Drop::Keep || tree.nodes[i].tag != "p" || text_len[i] < 25 {
            continue;
        }
        let len = text_len[i] as f64 * (1.0 - density(i));
        let parent = tree.nodes[i].parent;
        score[parent] += len;
        score[tree.nodes[parent].parent] += len / 2.0;
    }
    let best = (1..n)
        .filter(|&i| drop[i] == Drop::Keep && score[i] > 0.0)
        .map(|i| (i, score[i] * (1.0 - density(i))))
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
    let containers: Vec<usize> = match best {
        Some((b, best_score)) if b != 0 => {
            let parent = tree.nodes[b].parent;
            tree.nodes[parent]
                .children
                .iter()
                .copied()
                .filter(|&s| {
                    s == b
                        || (drop[s] == Drop::Keep
                            && (score[s] * (1.0 - density(s)) >= best_score * 0.2
                                || (tree.nodes[s].tag == "p"
                                    && text_len[s] >= 80
                                    && density(s) < 0.25)))
                })
                .collect()
        }
        _ => vec![tree.nodes.iter().position(|x| x.tag == "body").unwrap_or(0)],
    };
    let mut paragraphs = Vec::new();
    for c in containers {
        collect_paragraphs(&tree, &drop, c, &mut paragraphs);
    }
    let title = meta.headline();
    let mut seen = std::collections::HashSet::new();
    let paragraphs: Vec<String> = paragraphs
        .into_iter()
        .filter(|p| p.keep())
        .map(|p| p.text)
        .filter(|t| Some(t) != title.as_ref() && seen.insert(t.clone()))
        .collect();

    let url = url
        .map(str::to_string)
        .or_else(|| meta.first(&["og:url"]))
        .or_else(|| meta.canonical.clone());
    let date = meta
        .date_meta()
        .map(|d| (d, DateSource::MetaTag))
        .or_else(|| meta.ld_date.map(|d| (d, DateSource::JsonLd)))
        .or_else(|| meta.time.map(|d| (d, DateSource::TimeElement)))
        .or_else(|| {
            url.as_deref()
                .and_then(dates::from_url)
                .map(|d| (d, DateSource::Url))
        });
    let outlet = meta
        .first(&["og:site_name", "application-name"])
        .or_else(|| meta.ld_publisher.clone())
        .or_else(|| url.as_deref().and_then(host).map(str::to_string));
    Page {
        title,
        paragraphs,
        date,
        url,
        outlet,
    }
}

/// The text paragraphs of an HTML fragment (an RSS description, an Atom `content`): all of
/// its text, boilerplate elements dropped, without choosing a main container and without the
/// short-paragraph filter (feed summaries are short).
pub fn fragment_paragraphs(html: &str) -> Vec<String> {
    let tree = parse(html);
    let n = tree.nodes.len();
    let mut drop = vec![Drop::Keep; n];
    for i in 1..n {
        let node = &tree.nodes[i];
        let own = match node.tag.as_str() {
            "script" | "style" | "noscript" | "template" | "iframe" | "form" | "head" => {
                Drop::Boilerplate
            }
            _ => Drop::Keep,
        };
        drop[i] = if drop[node.parent] == Drop::Boilerplate {
            Drop::Boilerplate
        } else {
            own
        };
    }
    let mut paragraphs = Vec::new();
    collect_paragraphs(&tree, &drop, 0, &mut paragraphs);
    paragraphs
        .into_iter()
        .filter(|p| p.link_chars * 2 <= p.chars || p.chars > 200)
        .map(|p| p.text)
        .collect()
}

const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "dl",
    "dt",
    "dd",
    "br",
    "hr",
    "figure",
    "figcaption",
    "address",
    "center",
    "body",
    "header",
    "caption",
];

struct Paragraph {
    text: String,
    chars: usize,
    link_chars: usize,
    heading: bool,
}

impl Paragraph {
    /// Prose, not a link list or a label.
    fn keep(&self) -> bool {
        if self.link_chars * 2 > self.chars {
            return false;
        }
        let words = self.text.split_whitespace().count();
        let closed = self
            .text
            .ends_with(['.', '!', '?', '"', '\u{201D}', '\u{2019}', '\'', ')']);
        if self.heading {
            words >= 2
        } else {
            words >= 6 || (closed && words >= 3)
        }
    }
}

/// Walk a subtree and cut its kept text into paragraphs at block elements.
fn collect_paragraphs(tree: &Tree, drop: &[Drop], root: usize, out: &mut Vec<Paragraph>) {
    struct Buf {
        raw: String,
        link_chars: usize,
        heading: bool,
    }
    fn flush(buf: &mut Buf, out: &mut Vec<Paragraph>) {
        let text = squeeze(&buf.raw);
        if !text.is_empty() {
            out.push(Paragraph {
                chars: text.len(),
                link_chars: buf.link_chars.min(text.len()),
                text,
                heading: buf.heading,
            });
        }
        buf.raw.clear();
        buf.link_chars = 0;
        buf.heading = false;
    }
    let mut buf = Buf {
        raw: String::new(),
        link_chars: 0,
        heading: false,
    };
    // (node, entering?, inside a link?)
    let mut stack = vec![(root, true, false)];
    while let Some((i, entering, in_link)) = stack.pop() {
        let node = &tree.nodes[i];
        if i != root && drop[i] != Drop::Keep {
            continue;
        }
        if node.is_text() {
            if in_link {
                buf.link_chars += node.text.split_whitespace().map(str::len).sum::<usize>();
            }
            buf.raw.push_str(&node.text);
            continue;
        }
        let block = BLOCK_TAGS.contains(&node.tag.as_str());
        if !entering {
            if block {
                flush(&mut buf, out);
            }
            continue;
        }
        if block {
            flush(&mut buf, out);
            if matches!(node.tag.as_str(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6") {
                buf.heading = true;
            }
        }
        stack.push((i, false, in_link));
        let link = in_link || node.tag == "a";
        for &c in node.children.iter().rev() {
            stack.push((c, true, link));
        }
    }
    flush(&mut buf, out);
}

/// Metadata read from the whole page.
#[derive(Default)]
struct Meta {
    /// `<meta>` (and `itemprop`) key → value, first wins; keys lowercased.
    tags: Vec<(String, String)>,
    title: Option<String>,
    h1: Option<String>,
    canonical: Option<String>,
    time: Option<Date>,
    ld_date: Option<Date>,
    ld_headline: Option<String>,
    ld_publisher: Option<String>,
}

const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "article.published",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.created",
    "dc.date",
    "date",
    "sailthru.date",
    "parsely-pub-date",
];

impl Meta {
    fn collect(tree: &Tree, drop: &[Drop]) -> Meta {
        let mut m = Meta::default();
        for (i, node) in tree.nodes.iter().enumerate() {
            match node.tag.as_str() {
                "meta" => {
                    let key = node
                        .attr("property")
                        .or_else(|| node.attr("name"))
                        .or_else(|| node.attr("itemprop"));
                    if let (Some(k), Some(v)) = (key, node.attr("content")) {
                        m.tags
                            .push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
                    }
                }
                "title" if m.title.is_none() => {
                    m.title = Some(text_of(tree, i)).filter(|t| !t.is_empty());
                }
                "h1" if m.h1.is_none() && drop[i] != Drop::Boilerplate => {
                    m.h1 = Some(text_of(tree, i)).filter(|t| !t.is_empty());
                }
                "link"
                    if m.canonical.is_none()
                        && node
                            .attr("rel")
                            .is_some_and(|r| r.eq_ignore_ascii_case("canonical")) =>
                {
                    m.canonical = node.attr("href").map(str::to_string);
                }
                "time" if m.time.is_none() && drop[i] != Drop::Boilerplate => {
                    m.time = node
                        .attr("datetime")
                        .and_then(dates::parse_loose)
                        .or_else(|| dates::parse_loose(&text_of(tree, i)));
                }
                "script"
                    if node
                        .attr("type")
                        .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json")) =>
                {
                    if let Ok(v) = serde_json::from_str::<serde_json::Value>(&text_of_raw(tree, i))
                    {
                        m.json_ld(&v, 0);
                    }
                }
                _ => {}
            }
            // microdata on non-meta elements: <time itemprop="datePublished" datetime="…">
            if node.tag != "meta" {
                if let Some(prop) = node.attr("itemprop") {
                    if let Some(v) = node.attr("datetime").or_else(|| node.attr("content")) {
                        m.tags
                            .push((prop.trim().to_ascii_lowercase(), v.trim().to_string()));
                    }
                }
            }
        }
        m
    }

    fn json_ld(&mut self, v: &serde_json::Value, depth: usize) {
        use serde_json::Value;
        if depth > 16 {
            return;
        }
        match v {
            Value::Array(items) => items.iter().for_each(|x| self.json_ld(x, depth + 1)),
            Value::Object(map) => {
                if self.ld_date.is_none() {
                    self.ld_date = map
                        .get("datePublished")
                        .and_then(Value::as_str)
                        .and_then(dates::parse_loose);
                }
                if self.ld_headline.is_none() {
                    self.ld_headline = map
                        .get("headline")
                        .and_then(Value::as_str)
                        .map(squeeze)
                        .filter(|s| !s.is_empty());
                }
                if self.ld_publisher.is_none() {
                    self.ld_publisher = map
                        .get("publisher")
                        .and_then(|p| p.get("name"))
                        .and_then(Value::as_str)
                        .map(squeeze)
                        .filter(|s| !s.is_empty());
                }
                for (k, x) in map {
                    if k != "publisher" && (x.is_object() || x.is_array()) {
                        self.json_ld(x, depth + 1);
                    }
                }
            }
            _ => {}
        }
    }

    fn first(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| {
            self.tags
                .iter()
                .find(|(key, v)| key == k && !v.is_empty())
                .map(|(_, v)| squeeze(v))
        })
    }

    fn date_meta(&self) -> Option<Date> {
        DATE_KEYS.iter().find_map(|k| {
            self.tags
                .iter()
                .filter(|(key, _)| key == k)
                .find_map(|(_, v)| dates::parse_loose(v))
        })
    }

    fn headline(&self) -> Option<String> {
        self.first(&["og:title", "twitter:title"])
            .or_else(|| self.ld_headline.clone())
            .or_else(|| self.h1.clone())
            .or_else(|| self.title.as_deref().map(strip_site_suffix))
            .filter(|t| !t.is_empty())
    }
}

/// "Headline | Site" → "Headline" (also " - ", " — ", " – ", " :: " when the part after it is
/// short, and "Site | Headline").
fn strip_site_suffix(title: &str) -> String {
    let words = |s: &str| s.split_whitespace().count();
    for sep in [" | ", " — ", " – ", " :: ", " - "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            if words(tail) <= 4 && words(head) >= 3 {
                return head.trim().to_string();
            }
        }
        if sep != " - " {
            if let Some((head, tail)) = title.split_once(sep) {
                if words(head) <= 3 && words(tail) >= 4 {
                    return tail.trim().to_string();
                }
            }
        }
    }
    title.trim().to_string()
}

/// The collapsed text of a subtree.
fn text_of(tree: &Tree, root: usize) -> String {
    squeeze(&text_of_raw(tree, root))
}

fn text_of_raw(tree: &Tree, root: usize) -> String {
    let mut out = String::new();
    let mut stack = vec![root];
    while let Some(i) = stack.pop() {
        let node = &tree.nodes[i];
        if node.is_text() {
            out.push_str(&node.text);
        }
        stack.extend(node.children.iter().rev());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_suffixes() {
        assert_eq!(
            strip_site_suffix("Turkey accuses Greece of airspace violations | Daily Sabah"),
            "Turkey accuses Greece of airspace violations"
        );
        assert_eq!(
            strip_site_suffix("World News - Turkey accuses Greece of violations"),
            "World News - Turkey accuses Greece of violations"
        );
        assert_eq!(
            strip_site_suffix("Reuters | Turkey accuses Greece of airspace violations"),
            "Turkey accuses Greece of airspace violations"
        );
    }

    #[test]
    fn class_words() {
        let mut w = Vec::new();
        attr_words("relatedLinks article-body ad_slot", &mut w);
        assert_eq!(w, ["related", "links", "article", "body", "ad", "slot"]);
    }

    #[test]
    fn keeps_prose_and_drops_boilerplate() {
        let html = r#"<html><head><title>T | Site</title></head><body>
            <nav><a href="/">Home</a> <a href="/world">World</a></nav>
            <div class="article-body has-ads">
              <p>Russia accused Ukraine on Monday of shelling a border town, killing two people.</p>
              <div class="ad-slot">Advertisement: buy now, cheap flights to everywhere today</div>
              <p>Kyiv denied the accusation and said its forces had not fired across the border.
            </div>
            <div class="comments"><p>This is a long reader comment that should never be coded at all.</p></div>
            </body></html>"#;
        let page = extract(html, None);
        assert_eq!(page.paragraphs.len(), 2, "{:?}", page.paragraphs);
        assert!(page.paragraphs[1].starts_with("Kyiv denied"));
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!(
            "{}<p>Russia accused Ukraine of shelling the town on Monday.</p>",
            "<div>".repeat(3_000)
        );
        let page = extract(&html, None);
        assert_eq!(page.paragraphs.len(), 1);
    }

    #[test]
    fn charset_from_meta_bom_or_guess() {
        let (s, notes) = decode(b"<meta charset=\"windows-1252\"><p>Caf\xe9", None, None);
        assert!(s.ends_with("Caf\u{e9}") && notes.is_empty());
        let (s, _) = decode(b"\xEF\xBB\xBF<p>Caf\xc3\xa9", None, None);
        assert!(s.ends_with("Caf\u{e9}"));
        let (s, notes) = decode(
            b"<p>Le ministre fran\xe7ais a d\xe9clar\xe9 que la r\xe9union \xe9tait termin\xe9e.",
            None,
            None,
        );
        assert!(s.contains("fran\u{e7}ais"), "{s}");
        assert!(matches!(notes[..], [Note::GuessedCharset { .. }]));
        let (s, _) = decode(b"<p>Caf\xe9", Some("iso-8859-1"), None);
        assert!(s.ends_with("Caf\u{e9}"));
    }
}
