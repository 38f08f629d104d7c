//! Recognising compression and format.
//!
//! Compression is decided by **magic bytes only** (`1f 8b` gzip, `28 b5 2f fd` zstd): a file
//! called `.gz` that is not gzip, or gzip data arriving on stdin, are both handled by what the
//! bytes are, which is the one thing that cannot lie.
//!
//! The format is decided by the **extension** when it names exactly one format (`.txt`, `.html`,
//! `.jsonl`, `.warc`, `.rss`, `.atom`, looking through a `.gz`/`.zst` suffix: `x.warc.gz` is
//! WARC), because a user who named a file `.txt` meant it to be read as text even when its first
//! line happens to start with `<`. Ambiguous or missing extensions (`.xml`, `.json`, none, stdin)
//! fall back to the **content** of the first [`SNIFF_BYTES`] decompressed bytes:
//!
//! * `WARC/` at the start → WARC;
//! * a first element (after the XML declaration, comments and doctype) named `rss`, `feed` or
//!   `rdf:RDF` → RSS/Atom; `Sentences` or `Sentence` → PETRARCH XML; `html`, `head`, `body` or
//!   another HTML element → HTML;
//! * `{` → JSON Lines;
//! * anything else → plain text (which reports NUL bytes as binary).

use std::io::Read;
use std::path::Path;
use std::str::FromStr;

/// How many decompressed bytes content detection looks at.
pub const SNIFF_BYTES: usize = 8192;

/// An input format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text: the whole file is one article, its first line the headline.
    Text,
    /// One HTML page.
    Html,
    /// JSON Lines: one article object per line.
    Jsonl,
    /// WARC: HTTP response records holding HTML pages.
    Warc,
    /// RSS 2.0 (also RSS 1.0/RDF) or Atom: one article per item/entry.
    Feed,
    /// PETRARCH input XML: one article per `<Sentence>`.
    PetrarchXml,
}

impl Format {
    /// The names accepted by [`Format::from_str`] (and the CLI's `--input-format`).
    pub const NAMES: &'static [&'static str] = &[
        "text",
        "html",
        "jsonl",
        "warc",
        "rss",
        "atom",
        "petrarch-xml",
    ];

    /// The format an extension names unambiguously (through `.gz`/`.zst`), if any.
    pub fn from_path(path: &Path) -> Option<Format> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        let mut name = name.as_str();
        for suffix in [".gz", ".gzip", ".zst", ".zstd"] {
            if let Some(stem) = name.strip_suffix(suffix) {
                name = stem;
                break;
            }
        }
        let ext = name.rsplit_once('.')?.1;
        Some(match ext {
            "txt" | "text" => Format::Text,
            "html" | "htm" | "xhtml" | "shtml" => Format::Html,
            "jsonl" | "ndjson" | "jsonlines" => Format::Jsonl,
            "warc" => Format::Warc,
            "rss" | "atom" => Format::Feed,
            _ => return None,
        })
    }

    /// Whether a file name has an extension dyad reads (used to pick files in directories
    /// when no `--glob` is given): the unambiguous ones plus `.xml` and `.json`.
    pub fn readable_extension(path: &Path) -> bool {
        if Format::from_path(path).is_some() {
            return true;
        }
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            return false;
        };
        let name = name.to_ascii_lowercase();
        let stem = [".gz", ".gzip", ".zst", ".zstd"]
            .iter()
            .find_map(|s| name.strip_suffix(s))
            .unwrap_or(&name);
        match stem.rsplit_once('.') {
            None => true,
            Some((_, ext)) => matches!(ext, "xml" | "json"),
        }
    }

    /// The format the content looks like.
    pub fn sniff(head: &[u8]) -> Format {
        let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
        let start = head
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(head.len());
        let head = &head[start..];
        if head.starts_with(b"WARC/") {
            return Format::Warc;
        }
        if head.first() == Some(&b'{') {
            return Format::Jsonl;
        }
        if head.first() == Some(&b'<') {
            return match first_element(head).as_deref() {
                Some("rss" | "feed" | "rdf:rdf") => Format::Feed,
                Some("sentences" | "sentence") => Format::PetrarchXml,
                _ => Format::Html,
            };
        }
        Format::Text
    }
}

/// The lowercased name of the first element, skipping `<?…?>`, `<!…>` and comments.
fn first_element(head: &[u8]) -> Option<String> {
    let mut i = 0;
    while i < head.len() {
        if head[i] != b'<' {
            i += 1;
            continue;
        }
        let rest = &head[i + 1..];
        if rest.starts_with(b"!--") {
            let end = find(rest, b"-->")?;
            i += 1 + end + 3;
            continue;
        }
        if rest.first().is_some_and(|&b| b == b'?' || b == b'!') {
            let end = rest.iter().position(|&b| b == b'>')?;
            i += 1 + end + 1;
            continue;
        }
        let name: Vec<u8> = rest
            .iter()
            .take_while(|&&b| b.is_ascii_alphanumeric() || b == b':' || b == b'-' || b == b'_')
            .map(u8::to_ascii_lowercase)
            .collect();
        if name.is_empty() {
            i += 1;
            continue;
        }
        return String::from_utf8(name).ok();
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Format, String> {
        Ok(match s.to_ascii_lowercase().as_str() {
            "text" | "txt" => Format::Text,
            "html" => Format::Html,
            "jsonl" | "ndjson" => Format::Jsonl,
            "warc" => Format::Warc,
            "rss" | "atom" | "feed" => Format::Feed,
            "petrarch-xml" | "petrarch" => Format::PetrarchXml,
            _ => {
                return Err(format!(
                    "unknown input format {s:?}: expected auto or one of {}",
                    Format::NAMES.join(", ")
                ))
            }
        })
    }
}

/// A compression wrapper around a format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    None,
    /// gzip, including multi-member files (`.warc.gz` compresses each record separately).
    Gzip,
    /// Zstandard, including multi-frame files.
    Zstd,
}

impl Compression {
    /// Decide by the first four bytes.
    pub fn sniff(magic: &[u8]) -> Compression {
        if magic.starts_with(&[0x1f, 0x8b]) {
            Compression::Gzip
        } else if magic.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
            Compression::Zstd
        } else {
            Compression::None
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Compression::None => "uncompressed",
            Compression::Gzip => "gzip",
            Compression::Zstd => "zstd",
        }
    }

    /// The decompressed stream.
    pub fn wrap(self, reader: Box<dyn Read>) -> Box<dyn Read> {
        match self {
            Compression::None => reader,
            Compression::Gzip => Box::new(flate2::read::MultiGzDecoder::new(
                std::io::BufReader::with_capacity(64 << 10, reader),
            )),
            Compression::Zstd => Box::new(ZstdFrames {
                inner: Some(std::io::BufReader::with_capacity(64 << 10, reader)),
                frame: None,
            }),
        }
    }
}

type ZstdInner = std::io::BufReader<Box<dyn Read>>;

/// A zstd stream of one or more frames (as `pzstd` or `cat a.zst b.zst` produce).
/// `ruzstd`'s streaming decoder reads one frame; this starts a new one while input remains.
struct ZstdFrames {
    inner: Option<ZstdInner>,
    frame: Option<ruzstd::decoding::StreamingDecoder<ZstdInner, ruzstd::decoding::FrameDecoder>>,
}

impl Read for ZstdFrames {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        use std::io::BufRead;
        if buf.is_empty() {
            return Ok(0);
        }
        loop {
            if let Some(frame) = &mut self.frame {
                let n = frame.read(buf)?;
                if n > 0 {
                    return Ok(n);
                }
                let frame = self.frame.take().map(|f| f.into_inner());
                self.inner = frame;
            }
            let Some(mut inner) = self.inner.take() else {
                return Ok(0);
            };
            if inner.fill_buf()?.is_empty() {
                return Ok(0);
            }
            let decoder = ruzstd::decoding::StreamingDecoder::new(inner)
                .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e.to_string()))?;
            self.frame = Some(decoder);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_decides_when_unambiguous() {
        for (name, f) in [
            ("a.txt", Some(Format::Text)),
            ("a.HTML", Some(Format::Html)),
            ("x/a.jsonl.gz", Some(Format::Jsonl)),
            ("CC-NEWS-1.warc.gz", Some(Format::Warc)),
            ("a.warc", Some(Format::Warc)),
            ("feed.atom", Some(Format::Feed)),
            ("a.xml", None),
            ("a.json.zst", None),
            ("README", None),
        ] {
            assert_eq!(Format::from_path(Path::new(name)), f, "{name}");
        }
        assert!(Format::readable_extension(Path::new("a.xml.gz")));
        assert!(Format::readable_extension(Path::new("NOEXT")));
        assert!(!Format::readable_extension(Path::new("photo.jpg")));
    }

    #[test]
    fn content_decides_otherwise() {
        assert_eq!(Format::sniff(b"WARC/1.0\r\n"), Format::Warc);
        assert_eq!(Format::sniff(b"  {\"text\": 1}\n"), Format::Jsonl);
        assert_eq!(
            Format::sniff(b"<?xml version=\"1.0\"?>\n<!-- x --><rss version=\"2.0\">"),
            Format::Feed
        );
        assert_eq!(
            Format::sniff(b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'>"),
            Format::Feed
        );
        assert_eq!(
            Format::sniff(b"<Sentences><Sentence date=\"20150805\">"),
            Format::PetrarchXml
        );
        assert_eq!(
            Format::sniff(b"\xEF\xBB\xBF<!DOCTYPE html><html>"),
            Format::Html
        );
        assert_eq!(Format::sniff(b"Turkey accused Greece."), Format::Text);
    }

    #[test]
    fn compression_by_magic() {
        assert_eq!(Compression::sniff(&[0x1f, 0x8b, 8, 0]), Compression::Gzip);
        assert_eq!(
            Compression::sniff(&[0x28, 0xb5, 0x2f, 0xfd]),
            Compression::Zstd
        );
        assert_eq!(Compression::sniff(b"WARC"), Compression::None);
    }
}
