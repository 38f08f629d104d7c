//! The output record: one coded event, in the JSON Lines contract of
//! `shared/schema/event.schema.json`. Field order is the contract's order.
//!
//! # How an event holds its text
//!
//! A corpus codes to about ten thousand events per megabyte, and an event built of owned
//! `String`s cost some twenty heap allocations and frees, most of them copies of text that
//! many events hold alike. So an event owns only the text that is its own (its id, its actors'
//! codes and words, its time expression, its evidence), and shares or borrows the rest:
//!
//! - text common to every event of an article or a sentence (`article_id`, `date` and the
//!   whole `sentence`) is an [`Arc<str>`], made once and shared: a clone is a count, not a
//!   copy of the sentence; so is the evidence's pattern, made once per dictionary pattern;
//! - codes from the fixed tables (the CAMEO code and root, borrowed from the
//!   [`crate::ontology::Ontology`], owned only for a code outside it; PLOVER; the time
//!   precision) and a place's names (borrowed from the embedded gazetteer) are `'static`
//!   strings.
//!
//! Every one of them reads as a `&str`, and is written to JSON as the string it holds.

use crate::modality::Modality;
use serde::Serialize;
use std::borrow::Cow;
use std::sync::Arc;

/// Text shared among the events of an article or a sentence (see the module docs).
pub type SharedStr = Arc<str>;

/// A [`SharedStr`] as serde writes a string. (serde's `rc` feature would do the same; the
/// JSON is written by [`Event::write_json`] anyway, this is for other serializers.)
fn shared_str<S: serde::Serializer>(s: &SharedStr, ser: S) -> Result<S::Ok, S::Error> {
    ser.serialize_str(s)
}

/// An actor as it appears in the text: its code and the exact words, with byte offsets into
/// the article text as read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActorRef {
    pub code: String,
    pub text: String,
    pub start: usize,
    pub end: usize,
}

impl ActorRef {
    /// The actor coded `code` whose words are `text[start..end]` (the article as read).
    pub fn cut(code: String, text: &str, (start, end): (usize, usize)) -> ActorRef {
        ActorRef {
            code,
            text: text[start..end].to_string(),
            start,
            end,
        }
    }
}

/// A place from the gazetteer, as the event's location: the contract's `place`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Place {
    pub name: &'static str,
    /// ISO 3166-1 alpha-3.
    pub country: &'static str,
    pub admin1: Option<&'static str>,
    pub lat: f64,
    pub lon: f64,
    pub geonames_id: Option<u32>,
    /// `city`, `region` or `country`.
    pub feature: &'static str,
    /// The words naming it and their byte offsets into the article as read.
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// Why the event was coded.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    /// The verb or event noun, as written.
    pub verb: String,
    /// The pattern that matched, with its dictionary file and line: made once per pattern and
    /// shared by the events it codes.
    #[serde(serialize_with = "shared_str")]
    pub pattern: SharedStr,
    /// Every dictionary entry involved: actors, agents, the pattern.
    pub entries: Vec<String>,
}

/// One coded event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    pub event_id: String,
    /// Shared by the events of the article.
    #[serde(serialize_with = "shared_str")]
    pub article_id: SharedStr,
    pub sentence_index: usize,
    /// The sentence as cleaned, shared by its events.
    #[serde(serialize_with = "shared_str")]
    pub sentence: SharedStr,
    pub source: ActorRef,
    pub target: Option<ActorRef>,
    /// Borrowed from the CAMEO table; owned only for a code outside it (imported dictionaries).
    pub cameo: Cow<'static, str>,
    /// As `cameo`.
    pub root: Cow<'static, str>,
    pub quad_class: u8,
    pub goldstein: f64,
    pub plover: Option<&'static str>,
    pub modality: Modality,
    /// Publication date, `YYYY-MM-DD`, shared by the events of the article.
    #[serde(serialize_with = "shared_str")]
    pub date: SharedStr,
    /// The event's own date, resolved from a time expression in its clause or sentence:
    /// `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or a decade `1990s` (see [`crate::timex`]). Null when the
    /// text gives none (the publication date stays in `date`).
    pub when: Option<String>,
    /// `day`, `week` (then `when` is the week's Monday), `month`, `season` (then `when` is the
    /// year), `year` or `decade`; null with `when`.
    pub when_precision: Option<&'static str>,
    /// The words that gave `when`.
    pub when_text: Option<String>,
    /// Where the event happened: from its clause, else its sentence, else the dateline.
    pub location: Option<Place>,
    pub evidence: Evidence,
}

impl Event {
    /// `(source, target or "-", code)`: the triple gold sets compare.
    pub fn triple(&self) -> (String, String, String) {
        (
            self.source.code.clone(),
            self.target
                .as_ref()
                .map_or_else(|| "-".to_string(), |t| t.code.clone()),
            self.cameo.to_string(),
        )
    }

    /// [`Event::triple`] borrowed, for comparing events without copying their codes.
    pub fn triple_ref(&self) -> (&str, &str, &str) {
        (
            &self.source.code,
            self.target.as_ref().map_or("-", |t| &t.code),
            &self.cameo,
        )
    }
}

/// FNV-1a, 64 bit, over byte strings separated by 0x1f: a stable hash for event ids (the same
/// on every platform and Rust version).
pub fn stable_hash(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for p in parts {
        for &b in *p {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x100000001b3);
        }
        h ^= 0x1f;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

/// The event id: a stable hash of the article id, sentence, actor offsets and code.
pub fn event_hash(
    article_id: &str,
    sentence: usize,
    source_start: usize,
    target_start: Option<usize>,
    code: &str,
) -> u64 {
    let t = target_start.map_or(u64::MAX, |t| t as u64);
    stable_hash(&[
        article_id.as_bytes(),
        &(sentence as u64).to_le_bytes(),
        &(source_start as u64).to_le_bytes(),
        &t.to_le_bytes(),
        code.as_bytes(),
    ])
}

// ---------------------------------------------------------------------------------------------
// JSON
//
// An event is written as JSON once per event of every corpus, and with serde_json that was a
// tenth of the end-to-end time: its string escaping reads every byte through a table, and the
// sentence, the words and the evidence entries are most of a record's bytes. `write_json`
// writes the very bytes `serde_json::to_writer` writes for the derived `Serialize` (a test
// holds the two together on every kind of value): fields in declaration order, no spaces, the
// same escapes, numbers as serde_json formats them.

impl Event {
    /// About how many bytes [`Event::write_json`] writes: the keys and numbers, and the strings
    /// as they are (an escape makes a string longer, so this may be a little short). For
    /// reserving a buffer once instead of growing it as it is written.
    pub fn json_size_hint(&self) -> usize {
        let opt = |s: Option<&str>| s.map_or(0, str::len);
        let actor = |a: &ActorRef| 64 + a.code.len() + a.text.len();
        let place = self.location.as_ref().map_or(0, |p| {
            200 + p.name.len() + p.country.len() + p.text.len() + opt(p.admin1)
        });
        400 + self.event_id.len()
            + self.article_id.len()
            + self.sentence.len()
            + actor(&self.source)
            + self.target.as_ref().map_or(0, actor)
            + self.cameo.len()
            + self.root.len()
            + opt(self.plover)
            + self.date.len()
            + opt(self.when.as_deref())
            + opt(self.when_precision)
            + opt(self.when_text.as_deref())
            + place
            + self.evidence.verb.len()
            + self.evidence.pattern.len()
            + self
                .evidence
                .entries
                .iter()
                .map(|e| e.len() + 8)
                .sum::<usize>()
    }

    /// Append the event as one compact JSON object (no newline) to `out`: byte for byte what
    /// `serde_json::to_writer(out, self)` writes, faster. (It does not size `out` itself: its
    /// callers size a buffer once for all of an article's events with
    /// [`Event::json_size_hint`], or reuse one, and working out the size again for each event
    /// cost more than the growth it saved.)
    pub fn write_json(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(b"{\"event_id\":");
        json_str(out, &self.event_id);
        out.extend_from_slice(b",\"article_id\":");
        SHARED_JSON.with(|c| c.borrow_mut().write(&self.article_id, out));
        out.extend_from_slice(b",\"sentence_index\":");
        json_uint(out, self.sentence_index as u64);
        out.extend_from_slice(b",\"sentence\":");
        json_str(out, &self.sentence);
        out.extend_from_slice(b",\"source\":");
        self.source.write_json(out);
        out.extend_from_slice(b",\"target\":");
        match &self.target {
            Some(t) => t.write_json(out),
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"cameo\":");
        json_str(out, &self.cameo);
        out.extend_from_slice(b",\"root\":");
        json_str(out, &self.root);
        out.extend_from_slice(b",\"quad_class\":");
        json_uint(out, u64::from(self.quad_class));
        out.extend_from_slice(b",\"goldstein\":");
        json_f64(out, self.goldstein);
        out.extend_from_slice(b",\"plover\":");
        json_opt_str(out, self.plover);
        out.extend_from_slice(b",\"modality\":");
        // (a name of ours, nothing to escape)
        out.push(b'"');
        out.extend_from_slice(modality_name(self.modality).as_bytes());
        out.push(b'"');
        out.extend_from_slice(b",\"date\":");
        json_str(out, &self.date);
        out.extend_from_slice(b",\"when\":");
        json_opt_str(out, self.when.as_deref());
        out.extend_from_slice(b",\"when_precision\":");
        json_opt_str(out, self.when_precision);
        out.extend_from_slice(b",\"when_text\":");
        json_opt_str(out, self.when_text.as_deref());
        out.extend_from_slice(b",\"location\":");
        match &self.location {
            Some(p) => p.write_json(out),
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"evidence\":{\"verb\":");
        json_str(out, &self.evidence.verb);
        out.extend_from_slice(b",\"pattern\":");
        SHARED_JSON.with(|c| c.borrow_mut().write(&self.evidence.pattern, out));
        out.extend_from_slice(b",\"entries\":[");
        for (k, e) in self.evidence.entries.iter().enumerate() {
            if k > 0 {
                out.push(b',');
            }
            json_str(out, e);
        }
        out.extend_from_slice(b"]}}");
    }
}

/// `,"text":…,"start":…,"end":…}`: the words an actor or a place was read from, and where,
/// closing its object.
fn json_words_at(out: &mut Vec<u8>, text: &str, start: usize, end: usize) {
    out.extend_from_slice(b",\"text\":");
    json_str(out, text);
    out.extend_from_slice(b",\"start\":");
    json_uint(out, start as u64);
    out.extend_from_slice(b",\"end\":");
    json_uint(out, end as u64);
    out.push(b'}');
}

impl ActorRef {
    fn write_json(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(b"{\"code\":");
        json_str(out, &self.code);
        json_words_at(out, &self.text, self.start, self.end);
    }
}

impl Place {
    fn write_json(&self, out: &mut Vec<u8>) {
        // (the gazetteer's part, every field before `text`, is the same for each event at the
        // place: written once per thread and place, then copied; see `PlaceHeads`)
        PLACE_HEADS.with(|heads| heads.borrow_mut().write(self, out));
        json_words_at(out, &self.text, self.start, self.end);
    }

    /// The JSON of the gazetteer's fields (`{"name":...,"feature":"..."`, open).
    fn write_head_json(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(b"{\"name\":");
        json_str(out, self.name);
        out.extend_from_slice(b",\"country\":");
        json_str(out, self.country);
        out.extend_from_slice(b",\"admin1\":");
        json_opt_str(out, self.admin1);
        out.extend_from_slice(b",\"lat\":");
        json_f64(out, self.lat);
        out.extend_from_slice(b",\"lon\":");
        json_f64(out, self.lon);
        out.extend_from_slice(b",\"geonames_id\":");
        match self.geonames_id {
            Some(id) => json_uint(out, u64::from(id)),
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"feature\":");
        json_str(out, self.feature);
    }
}

/// The JSON of the gazetteer's part of places written lately, one slot per place by its
/// name's address, per thread.
///
/// Why: a located event's place was a fifth of the cost of writing the event (five strings,
/// two coordinates formatted, an id), and it is the same for every event at that place, and
/// a corpus names a few thousand places at most. A slot is used only when every field it was
/// made from is the same (the same `'static` strings, by address and length, which are never
/// freed, so never reused for other text; the same coordinate bits): then its bytes are what
/// writing the fields would give. Otherwise the fields are written and the slot takes them.
struct PlaceHeads {
    slots: Vec<Option<PlaceHead>>,
}

struct PlaceHead {
    name: &'static str,
    country: &'static str,
    admin1: Option<&'static str>,
    lat: u64,
    lon: u64,
    geonames_id: Option<u32>,
    feature: &'static str,
    json: Vec<u8>,
}

impl PlaceHead {
    fn is_of(&self, p: &Place) -> bool {
        let same = |a: &'static str, b: &'static str| std::ptr::eq(a, b);
        same(self.name, p.name)
            && same(self.country, p.country)
            && match (self.admin1, p.admin1) {
                (Some(a), Some(b)) => same(a, b),
                (None, None) => true,
                _ => false,
            }
            && self.lat == p.lat.to_bits()
            && self.lon == p.lon.to_bits()
            && self.geonames_id == p.geonames_id
            && same(self.feature, p.feature)
    }
}

impl PlaceHeads {
    const SLOTS: usize = 1024;

    fn write(&mut self, p: &Place, out: &mut Vec<u8>) {
        if self.slots.is_empty() {
            self.slots.resize_with(Self::SLOTS, || None);
        }
        // (Fibonacci hashing of the name's address: the top bits of the product)
        let at = (p.name.as_ptr() as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 54;
        let slot = &mut self.slots[at as usize % Self::SLOTS];
        if let Some(head) = slot.as_ref().filter(|h| h.is_of(p)) {
            out.extend_from_slice(&head.json);
            return;
        }
        let start = out.len();
        p.write_head_json(out);
        let mut json = slot.take().map(|h| h.json).unwrap_or_default();
        json.clear();
        json.extend_from_slice(&out[start..]);
        *slot = Some(PlaceHead {
            name: p.name,
            country: p.country,
            admin1: p.admin1,
            lat: p.lat.to_bits(),
            lon: p.lon.to_bits(),
            geonames_id: p.geonames_id,
            feature: p.feature,
            json,
        });
    }
}

/// The JSON strings of [`SharedStr`]s written lately, one slot per string by its address, per
/// thread.
///
/// Why: an evidence pattern is one of a few thousand, made once per dictionary pattern and
/// shared by every event it codes, and an article id is shared by the article's events, so
/// the same text was scanned for escapes event after event. A slot holds a clone of the
/// `Arc` it was made from: while it does, that allocation cannot be freed and its address
/// reused for other text, so the same address is the same text and the slot's bytes are what
/// escaping it would give.
struct SharedJson {
    slots: Vec<Option<(SharedStr, Vec<u8>)>>,
}

impl SharedJson {
    const SLOTS: usize = 256;

    fn write(&mut self, s: &SharedStr, out: &mut Vec<u8>) {
        if self.slots.is_empty() {
            self.slots.resize_with(Self::SLOTS, || None);
        }
        // (Fibonacci hashing of the address: the top bits of the product)
        let at = (s.as_ptr() as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 56;
        let slot = &mut self.slots[at as usize % Self::SLOTS];
        if let Some((_, json)) = slot.as_ref().filter(|(held, _)| Arc::ptr_eq(held, s)) {
            out.extend_from_slice(json);
            return;
        }
        let start = out.len();
        json_str(out, s);
        let mut json = slot.take().map(|(_, j)| j).unwrap_or_default();
        json.clear();
        json.extend_from_slice(&out[start..]);
        *slot = Some((Arc::clone(s), json));
    }
}

thread_local! {
    static PLACE_HEADS: std::cell::RefCell<PlaceHeads> =
        const { std::cell::RefCell::new(PlaceHeads { slots: Vec::new() }) };
    static SHARED_JSON: std::cell::RefCell<SharedJson> =
        const { std::cell::RefCell::new(SharedJson { slots: Vec::new() }) };
}

/// `Modality`'s serde name (`rename_all = "lowercase"`).
fn modality_name(m: Modality) -> &'static str {
    match m {
        Modality::Asserted => "asserted",
        Modality::Negated => "negated",
        Modality::Hypothetical => "hypothetical",
        Modality::Reported => "reported",
        Modality::Question => "question",
    }
}

fn json_opt_str(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => json_str(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// An unsigned integer in decimal, as serde_json (itoa) writes it: two digits at a time from a
/// table, as itoa does (offsets are four to six digits, two to four of them an event).
fn json_uint(out: &mut Vec<u8>, mut v: u64) {
    const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
        2021222324252627282930313233343536373839\
        4041424344454647484950515253545556575859\
        6061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899";
    if v < 10 {
        out.push(b'0' + v as u8);
        return;
    }
    let mut buf = [0u8; 20];
    let mut k = buf.len();
    while v >= 100 {
        let r = (v % 100) as usize;
        v /= 100;
        k -= 2;
        buf[k..k + 2].copy_from_slice(&PAIRS[2 * r..2 * r + 2]);
    }
    if v >= 10 {
        k -= 2;
        let r = v as usize;
        buf[k..k + 2].copy_from_slice(&PAIRS[2 * r..2 * r + 2]);
    } else {
        k -= 1;
        buf[k] = b'0' + v as u8;
    }
    out.extend_from_slice(&buf[k..]);
}

/// A float as serde_json writes it (shortest round-trip digits; `null` when not finite).
fn json_f64(out: &mut Vec<u8>, v: f64) {
    // (a Goldstein value is a whole or tenth step between -10 and 10, one per event, and a
    // place's latitude and longitude have at most five decimals, two per located event: such a
    // number is written directly from its hundred-thousandths; any other goes to serde_json's
    // own formatting, so the digits are the same.
    //
    // Why they are the digits serde_json (ryu) writes: `d / 1e5 == v` says the decimal
    // `d * 10^-5` reads back as `v` (division and parsing both round to the nearest double), so
    // it round-trips; any other decimal of five places or fewer differs from it by 10^-5 or
    // more, far more than the spacing of doubles below 10^7, so none shorter reads back as `v`,
    // and its digits with trailing zeros trimmed are the shortest. Below 10^7 and from 10^-5
    // ryu writes them as a plain decimal with at least one digit after the point. Minus zero is
    // left to serde_json.)
    const SCALE: f64 = 100_000.0;
    let d = (v * SCALE).round();
    if d.abs() < 1e12 && d / SCALE == v && !(v == 0.0 && v.is_sign_negative()) {
        let d = d as i64;
        if d < 0 {
            out.push(b'-');
        }
        let u = d.unsigned_abs();
        json_uint(out, u / 100_000);
        let mut frac = u % 100_000;
        if frac == 0 {
            out.extend_from_slice(b".0");
            return;
        }
        let mut digits = 5;
        while frac.is_multiple_of(10) {
            frac /= 10;
            digits -= 1;
        }
        let mut buf = [b'.', b'0', b'0', b'0', b'0', b'0'];
        for k in (1..=digits).rev() {
            buf[k] = b'0' + (frac % 10) as u8;
            frac /= 10;
        }
        out.extend_from_slice(&buf[..=digits]);
        return;
    }
    serde_json::to_writer(out, &v).expect("writing to a Vec cannot fail");
}

/// Whether `c` needs a JSON escape: a control character (below 0x20), `"` or `\`.
#[inline]
fn needs_escape(c: u8) -> bool {
    c < 0x20 || c == b'"' || c == b'\\'
}

/// Whether any byte of the 8 packed in `x` needs a JSON escape. Exact (no false answers) for
/// the word as a whole.
#[inline]
fn needs_escape8(x: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let has_zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH != 0;
    // a byte below 0x20 (a byte of 0x80 or more has its top bit set in `x`, so it is not one)
    let below_space = x.wrapping_sub(ONES * 0x20) & !x & HIGH != 0;
    below_space || has_zero(x ^ (ONES * u64::from(b'"'))) || has_zero(x ^ (ONES * u64::from(b'\\')))
}

/// The bytes of the 8 packed in `x` (little-endian) that need a JSON escape, each as its top
/// bit. Exact byte by byte (no carry crosses a byte), so the lowest set bit is the first such
/// byte and bits of bytes already dealt with can be shifted away.
#[inline]
fn escape_mask8(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    // the top bit of each byte of `v` that is zero
    let zero = |v: u64| !(((v & LOW7) + LOW7) | v | LOW7);
    zero(x & (ONES * 0xe0))
        | zero(x ^ (ONES * u64::from(b'"')))
        | zero(x ^ (ONES * u64::from(b'\\')))
}

/// Whether any of 16 bytes needs an escape. (Without short-circuiting, so the compiler checks
/// all 16 in a few vector instructions.)
#[inline]
fn needs_escape16(chunk: &[u8; 16]) -> bool {
    chunk.iter().fold(false, |any, &c| any | needs_escape(c))
}

/// Whether any byte of a string shorter than eight bytes needs an escape, in one or two reads
/// of overlapping positions rather than byte by byte (most such strings are codes and dates).
#[inline]
fn short_needs_escape(b: &[u8]) -> bool {
    let n = b.len();
    let half = |at: usize| u32::from_le_bytes(b[at..at + 4].try_into().expect("four bytes"));
    match n {
        0 => false,
        // positions 0, n/2 and n-1 are every position
        1..=3 => needs_escape(b[0]) || needs_escape(b[n / 2]) || needs_escape(b[n - 1]),
        _ => needs_escape8(u64::from(half(0)) | u64::from(half(n - 4)) << 32),
    }
}

/// Write the byte `c`, which needs an escape, as serde_json escapes it: a short escape where
/// there is one, else `\u00XX` (lower-case hex).
#[inline]
fn push_escape(out: &mut Vec<u8>, c: u8) {
    let short = match c {
        b'"' => b'"',
        b'\\' => b'\\',
        0x08 => b'b',
        b'\t' => b't',
        b'\n' => b'n',
        0x0c => b'f',
        b'\r' => b'r',
        _ => {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(c >> 4)],
                HEX[usize::from(c & 0xf)],
            ]);
            return;
        }
    };
    out.extend_from_slice(&[b'\\', short]);
}

/// Every byte of `b` to escape in `mask` (the top bit of each byte of a word read at `base`,
/// lowest first): the clean bytes from `run` to it copied, then its escape. (Inlined: most
/// masks are empty, and a call for each would cost more than the test.)
#[inline(always)]
fn escape_word(out: &mut Vec<u8>, b: &[u8], run: &mut usize, mut mask: u64, base: usize) {
    while mask != 0 {
        let at = base + (mask.trailing_zeros() / 8) as usize;
        out.extend_from_slice(&b[*run..at]);
        push_escape(out, b[at]);
        *run = at + 1;
        mask &= mask - 1;
    }
}

/// A string with serde_json's escapes: `\"`, `\\`, `\b`, `\t`, `\n`, `\f`, `\r`, and `\u00XX`
/// (lower-case hex) for the other control characters; everything else as is.
fn json_str(out: &mut Vec<u8>, s: &str) {
    let b = s.as_bytes();
    out.reserve(b.len() + 2);
    out.push(b'"');
    json_escape_body(out, b);
    out.push(b'"');
}

/// The escaped bytes of `b`, without the quotes, in one pass: clean runs are skipped sixteen
/// bytes at a time, a chunk with something to escape is read as two words whose masks give
/// every byte to escape (lowest first), and the clean bytes between escapes are copied in one
/// run each. (An evidence entry, `countries.txt:74 ARM "Armenia"`, always has two quotes:
/// finding both in the words already read, rather than scanning the string once to learn that
/// it has an escape and again from each escape on, halves what writing one costs.)
#[inline]
fn json_escape_body(out: &mut Vec<u8>, b: &[u8]) {
    let n = b.len();
    if n < 8 {
        if short_needs_escape(b) {
            let mut run = 0;
            for (at, &c) in b.iter().enumerate() {
                if needs_escape(c) {
                    out.extend_from_slice(&b[run..at]);
                    push_escape(out, c);
                    run = at + 1;
                }
            }
            out.extend_from_slice(&b[run..]);
        } else {
            out.extend_from_slice(b);
        }
        return;
    }
    let word = |at: usize| u64::from_le_bytes(b[at..at + 8].try_into().expect("eight bytes"));
    let mut run = 0; // start of the bytes not yet copied
    let mut i = 0;
    while i + 16 <= n {
        if needs_escape16(b[i..i + 16].try_into().expect("sixteen bytes")) {
            escape_word(out, b, &mut run, escape_mask8(word(i)), i);
            escape_word(out, b, &mut run, escape_mask8(word(i + 8)), i + 8);
        }
        i += 16;
    }
    if n - i >= 8 {
        escape_word(out, b, &mut run, escape_mask8(word(i)), i);
        i += 8;
    }
    if i < n {
        // the last eight bytes, less those before `i` (already read): `n >= 8` here
        let r = n - i;
        escape_word(
            out,
            b,
            &mut run,
            escape_mask8(word(n - 8)) >> (8 * (8 - r)),
            i,
        );
    }
    out.extend_from_slice(&b[run..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(code: &str, text: &str) -> ActorRef {
        ActorRef {
            code: code.into(),
            text: text.into(),
            start: 12,
            end: 1_234_567_890_123,
        }
    }

    fn event() -> Event {
        Event {
            event_id: "0cf0ea9e916bcca5".into(),
            article_id: "a\"b\\c/d\u{7f}é—\u{2028}".into(),
            sentence_index: 0,
            sentence: "He said: \"No.\"\n\tThe end\r\u{0}\u{1}\u{8}\u{c}\u{1b}\u{1f} ünï 日本"
                .into(),
            source: actor("USAGOV", "U.S. \"officials\""),
            target: None,
            cameo: "040".into(),
            root: "04".into(),
            quad_class: 1,
            goldstein: 1.0,
            plover: None,
            modality: Modality::Asserted,
            date: "2023-06-18".into(),
            when: None,
            when_precision: None,
            when_text: None,
            location: None,
            evidence: Evidence {
                verb: "met".into(),
                pattern: "meet + [040] (verbs_01_09.txt:2321)".into(),
                entries: vec![],
            },
        }
    }

    #[test]
    fn json_str_is_serde_json_at_every_length_and_position() {
        // (the check for bytes to escape reads words of 4, 8 and 16 bytes, overlapping at the
        // end: every length up to three chunks, every byte to escape at every position)
        for len in 0..50 {
            for at in 0..len.max(1) {
                for c in ['"', '\\', '\n', '\u{1}', '\u{1f}', 'a', 'é'] {
                    let s: String = (0..len)
                        .map(|k| {
                            if k == at {
                                c
                            } else {
                                char::from(b'a' + (k % 26) as u8)
                            }
                        })
                        .collect();
                    let mut mine = Vec::new();
                    json_str(&mut mine, &s);
                    assert_eq!(mine, serde_json::to_vec(&s).unwrap(), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn json_str_is_serde_json_with_two_escapes_anywhere() {
        // (after one escape the next is looked for from the byte after it)
        for len in 2..40 {
            for at in 0..len {
                for at2 in at + 1..len {
                    for (c, d) in [('"', '"'), ('\u{0}', '\\'), ('\n', '\u{7f}')] {
                        let s: String = (0..len)
                            .map(|k| match k {
                                _ if k == at => c,
                                _ if k == at2 => d,
                                _ => '#',
                            })
                            .collect();
                        let mut mine = Vec::new();
                        json_str(&mut mine, &s);
                        assert_eq!(mine, serde_json::to_vec(&s).unwrap(), "{s:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn json_uint_is_serde_json() {
        let mut values: Vec<u64> = (0..2000).collect();
        for p in 1..20 {
            let t = 10u64.pow(p);
            values.extend([t - 1, t, t + 1]);
            // (3 × 10^19 is past u64: the overflow a debug build checks)
            values.extend(t.checked_mul(3).and_then(|x| x.checked_add(7)));
        }
        values.extend([u64::MAX, u64::MAX - 1, 1_234_567_890_123]);
        for v in values {
            let mut mine = Vec::new();
            json_uint(&mut mine, v);
            assert_eq!(mine, serde_json::to_vec(&v).unwrap(), "{v}");
        }
    }

    #[test]
    fn json_f64_is_serde_json_for_tenths_and_others() {
        let mut values: Vec<f64> = (-20_000..=20_000).map(|t| f64::from(t) / 10.0).collect();
        values.extend([
            -0.0,
            0.05,
            -0.25,
            3.33,
            1e-7,
            123.456,
            1e17,
            f64::NAN,
            -f64::INFINITY,
        ]);
        values.extend((0..200).map(|k| 0.1 * f64::from(k)));
        // latitudes and longitudes of up to five decimals (and some of more), every size of
        // fraction, around the bounds of the direct path
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for k in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let places = [0, 1, 2, 3, 4, 5, 6, 9][k % 8];
            let whole = (x % 36_000_001) as f64 / 100_000.0 - 180.0;
            let step = 10f64.powi(places);
            values.push((whole * step).round() / step);
            values.push(whole);
        }
        values.extend([
            0.00001,
            -0.00001,
            0.000015,
            1e-5 + 1e-20,
            9_999_999.999_99,
            10_000_000.0,
            9_999_999.5,
            1e7 - 1e-5,
            12_345_678.9,
            0.3,
            2.675,
            -47.366_67,
            f64::MIN_POSITIVE,
        ]);
        for v in values {
            let mut mine = Vec::new();
            json_f64(&mut mine, v);
            assert_eq!(
                String::from_utf8(mine).unwrap(),
                serde_json::to_string(&v).unwrap(),
                "{v:?}"
            );
        }
    }

    #[test]
    fn write_json_is_serde_json_byte_for_byte() {
        let mut all = vec![event()];
        let mut e = event();
        e.target = Some(actor("CHNGOV", ""));
        e.goldstein = -10.0;
        e.quad_class = 4;
        e.plover = Some("ASSAULT");
        e.modality = Modality::Question;
        e.when = Some("2023-06".into());
        e.when_precision = Some("month");
        e.when_text = Some("in June".into());
        e.sentence_index = usize::MAX;
        e.location = Some(Place {
            name: "Zürich",
            country: "CHE",
            admin1: Some("ZH"),
            lat: 47.366_67,
            lon: -8.55e-7,
            geonames_id: Some(2_657_896),
            feature: "city",
            text: "Zurich".into(),
            start: 7,
            end: 13,
        });
        e.evidence.entries = vec![
            "countries.txt:1414 USA \"U.S.\"".into(),
            String::new(),
            "x".repeat(17),
        ];
        all.push(e.clone());
        for m in [
            Modality::Negated,
            Modality::Hypothetical,
            Modality::Reported,
        ] {
            let mut x = e.clone();
            x.modality = m;
            x.goldstein = f64::NAN;
            if let Some(p) = x.location.as_mut() {
                p.admin1 = None;
                p.geonames_id = None;
                p.lat = f64::INFINITY;
                p.lon = 0.1 + 0.2;
            }
            all.push(x);
        }
        // every byte value in every position of an eight-byte word
        for c in (0u8..0x80).map(char::from).chain(['é', '\u{80}', '\u{ff}']) {
            for pad in 0..9 {
                let mut x = event();
                x.sentence = format!("{}{c}{}", "a".repeat(pad), "b".repeat(9 - pad)).into();
                x.sentence_index = pad * 1001;
                all.push(x);
            }
        }
        // the same place's record again, and with each gazetteer field changed in turn (a
        // written place's JSON is reused only for the very same fields)
        let located = all[1].clone();
        let mut changed = Vec::new();
        for k in 0..8 {
            let mut x = located.clone();
            let p = x.location.as_mut().unwrap();
            match k {
                0 => p.name = "Zurich",
                1 => p.country = "DEU",
                2 => p.admin1 = None,
                3 => p.admin1 = Some("Z\"H"),
                4 => p.lat = 47.366_68,
                5 => p.lon = -0.0,
                6 => p.geonames_id = None,
                _ => p.feature = "region",
            }
            p.text = format!("Zurich {k}");
            changed.push(x);
            changed.push(located.clone());
        }
        all.extend(changed);
        // a pattern and an article id written again, and others (new allocations) after them
        for k in 0..4 {
            let mut x = all[k % 2].clone();
            x.evidence.pattern = format!("say \"{k}\" [010] (a.txt:{k})").into();
            x.article_id = if k % 2 == 0 {
                all[0].article_id.clone()
            } else {
                format!("id-{k}").into()
            };
            all.push(x);
        }
        for e in &all {
            let mut mine = Vec::new();
            e.write_json(&mut mine);
            let serde = serde_json::to_vec(e).unwrap();
            assert_eq!(
                String::from_utf8_lossy(&mine),
                String::from_utf8_lossy(&serde)
            );
        }
    }
}
