//! Stage 2 — **Clean**: turn scraped article text into text the segmenter can trust, without
//! losing the way back to the bytes the user gave us.
//!
//! News text arrives with typographic quotes and dashes, non-breaking and zero-width spaces,
//! boilerplate lines from the page it was scraped from ("Source link", "Read more", "Share this
//! article", copyright footers with stray numbers) and drop-cap letters glued to the first word
//! ("T.The minister said"). Every later stage matches dictionary words, so all of that is folded
//! here, once.
//!
//! Provenance is a feature: every event points at the exact bytes of the article that produced it.
//! So [`CleanText`] keeps, for every byte of the cleaned text, the byte offset in the original text
//! it came from. Replacements that change length (an em dash becoming " - ") map all their output
//! bytes to the start of the replaced character; removed text simply has no cleaned bytes.

/// Cleaned text plus the map back to the original.
#[derive(Debug, Clone)]
pub struct CleanText {
    /// The cleaned text: folded punctuation, single spaces, one `\n` per original line.
    pub text: String,
    /// `map[i]` is the original byte offset of cleaned byte `i`; one extra entry maps the end.
    map: Vec<u32>,
}

impl CleanText {
    /// The original byte offset of cleaned byte offset `i` (clamped to the end).
    pub fn original_offset(&self, i: usize) -> usize {
        self.map[i.min(self.map.len() - 1)] as usize
    }

    /// The original span `[start, end)` of the cleaned span `[start, end)`.
    ///
    /// The end maps through the last byte of the span (+ its width in the original), so a span
    /// never swallows text that cleaning removed after it.
    pub fn original_span(&self, start: usize, end: usize, original: &str) -> (usize, usize) {
        if end <= start {
            let s = self.original_offset(start);
            return (s, s);
        }
        let s = self.original_offset(start);
        let last = self.original_offset(end - 1);
        // Advance past the original character that the last cleaned byte came from.
        let ch_len = original[last..].chars().next().map_or(0, char::len_utf8);
        (s, (last + ch_len).max(s))
    }
}

/// Lines that scraped news pages add around the story. Compared lower-cased against the start of
/// a trimmed line; a line that *is* one of these (plus punctuation) is dropped.
const BOILERPLATE_PREFIXES: &[&str] = &[
    "source link",
    "source:",
    "read more",
    "read also",
    "read the full",
    "share this",
    "share on",
    "share via",
    "click here",
    "advertisement",
    "sponsored content",
    "subscribe",
    "sign up for",
    "follow us",
    "copyright",
    "(c) ",
    "©",
    "all rights reserved",
    "related:",
    "related articles",
    "related stories",
    "related coverage",
    "recommended",
    "most read",
    "more from",
    "you may also like",
    "comments",
    "leave a comment",
    "print this",
    "email this",
    "photo:",
    "image:",
    "file photo",
    "getty images",
    "tags:",
    "published:",
    "published on",
    "updated:",
    "last updated",
    "posted:",
    "posted on",
    "reporting by",
    "editing by",
    "writing by",
];

/// Is this (trimmed) line scraper boilerplate rather than story text?
pub fn is_boilerplate_line(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() {
        return false;
    }
    // boilerplate lines are short; a paragraph of story text is not looked at further
    if t.len() > 160 && !t.contains("ll rights reserved") {
        return false;
    }
    // Footers of stray numbers and punctuation ("12 34", "| | 5").
    if t.chars().all(|c| !c.is_alphabetic()) {
        return true;
    }
    let starts = |p: &str| {
        t.len() >= p.len() && t.is_char_boundary(p.len()) && t[..p.len()].eq_ignore_ascii_case(p)
    };
    // (the lower-cased line contains the phrase: compared in place, without a lower-cased
    // copy, where its one 'v' would stand: memchr finds the rare 'v' or 'V' much less often
    // than it would find an 'a')
    const RESERVED: &[u8] = b"all rights reserved";
    const V_AT: usize = 16;
    const _: () = assert!(RESERVED[V_AT] == b'v');
    let b = t.as_bytes();
    if t.len() < 200
        && b.len() >= RESERVED.len()
        && memchr::memchr2_iter(b'v', b'V', &b[V_AT..=b.len() - RESERVED.len() + V_AT])
            .any(|i| b[i..i + RESERVED.len()].eq_ignore_ascii_case(RESERVED))
    {
        return true;
    }
    // counted only for a line that starts like a byline or a boilerplate line
    let words = || t.split_whitespace().count();
    // a byline: "By Jane Smith", "By Jane Smith and John Doe, Reuters"
    if starts("by ")
        && words() <= 7
        && !t.ends_with('.')
        && t.split_whitespace()
            .skip(1)
            .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()) || w == "and")
    {
        return true;
    }
    // a real sentence that merely starts with "Comments by the minister ..." is kept:
    // boilerplate lines are short.
    // (a prefix whose first byte differs from the line's in any case cannot start it: most
    // are skipped without the full comparison)
    let mut candidates = PREFIXES_BY_FIRST_BYTE[usize::from(b[0])];
    while candidates != 0 {
        let p = BOILERPLATE_PREFIXES[candidates.trailing_zeros() as usize];
        if starts(p) {
            return words() <= 12;
        }
        candidates &= candidates - 1;
    }
    false
}

/// For each byte, the [`BOILERPLATE_PREFIXES`] that start with it in either case, as a bit set:
/// a line is compared only with the prefixes it could start with.
const PREFIXES_BY_FIRST_BYTE: [u64; 256] = {
    assert!(BOILERPLATE_PREFIXES.len() <= 64);
    let mut table = [0u64; 256];
    let mut k = 0;
    while k < BOILERPLATE_PREFIXES.len() {
        let first = BOILERPLATE_PREFIXES[k].as_bytes()[0];
        table[first.to_ascii_lowercase() as usize] |= 1 << k;
        table[first.to_ascii_uppercase() as usize] |= 1 << k;
        k += 1;
    }
    table
};

/// The bytes a run of plain text is copied with as they are: ASCII but for whitespace and the
/// backtick (which [`fold`] turns into an apostrophe).
const PLAIN: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = !(b as u8).is_ascii_whitespace() && b as u8 != b'`';
        b += 1;
    }
    table
};

/// Fold one character; `None` means drop it.
fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}'
        | '\u{2033}' => "\"",
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{00B4}'
        | '\u{0060}' => "'",
        '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2012}' | '\u{2212}' => " - ",
        '\u{2010}' | '\u{2011}' => "-",
        '\u{2026}' => "...",
        '\u{00A0}'
        | '\u{2000}'..='\u{200A}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}'
        | '\t'
        | '\r' => " ",
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => return None,
        _ => return Some(""),
    })
}

/// Length in bytes of a drop-cap prefix glued to the first word of a line: "T.The" → 2,
/// "TThe" → 1, "T. The" is left alone (it may be an initial).
fn drop_cap_len(line: &str) -> usize {
    let b = line.as_bytes();
    if b.len() < 4 || !b[0].is_ascii_uppercase() {
        return 0;
    }
    let skip = if b[1] == b'.' { 2 } else { 1 };
    if b.len() > skip + 1 && b[skip] == b[0] && b[skip + 1].is_ascii_lowercase() {
        skip
    } else {
        0
    }
}

/// The end of the run of plain text that starts at `i` with a [`PLAIN`] byte: plain bytes and
/// single spaces between them. Eight bytes are looked at a time while nine are left (a line of
/// plain text is one run, so this is most of the cleaner's reading), the rest byte by byte.
/// (Not inlined: in [`clean`]'s loop the byte scan's registers were spilled, two loads more for
/// every byte.)
#[inline(never)]
fn plain_run_end(bytes: &[u8], i: usize) -> usize {
    let mut run = i + 1;
    while let Some(chunk) = bytes.get(run..run + 9) {
        let eight = u64::from_le_bytes(chunk[..8].try_into().expect("eight bytes"));
        let stops = run_stops(eight, PLAIN[usize::from(chunk[8])]);
        if stops != 0 {
            return run + (stops.trailing_zeros() / 8) as usize;
        }
        run += 8;
    }
    while let Some(&c) = bytes.get(run) {
        if PLAIN[usize::from(c)] {
            run += 1;
        } else if c == b' ' && bytes.get(run + 1).is_some_and(|&d| PLAIN[usize::from(d)]) {
            run += 2;
        } else {
            break;
        }
    }
    run
}

/// Eight bytes (little-endian) → the high bit of each one where a plain run stops: a byte that
/// is not [`PLAIN`], unless it is a space followed by a plain byte (`next_plain`: whether the
/// byte after the eighth is). Each test adds a constant to a byte's low seven bits and reads the
/// high bit, so no sum carries into the next byte.
fn run_stops(eight: u64, next_plain: bool) -> u64 {
    const fn splat(b: u8) -> u64 {
        u64::from_le_bytes([b; 8])
    }
    const HIGH: u64 = splat(0x80);
    const LOW: u64 = splat(0x7F);
    let low = eight & LOW;
    let equal = |c: u8| !((low ^ splat(c)) + LOW) & HIGH;
    let non_ascii = eight & HIGH;
    let space = equal(b' ') & !non_ascii;
    // '\t', '\n', '\x0C' and '\r': 0x09..=0x0D but the vertical tab
    let whitespace = (low + splat(0x80 - 0x09)) & !(low + splat(0x80 - 0x0E)) & !equal(0x0B) & HIGH;
    let not_plain = non_ascii | whitespace | space | equal(b'`');
    let next_not_plain = (not_plain >> 8) | (u64::from(!next_plain) << 63);
    not_plain & !(space & !next_not_plain)
}

/// Clean an article's text. See the module docs for what is folded.
pub fn clean(raw: &str) -> CleanText {
    let mut text = String::with_capacity(raw.len());
    let mut map: Vec<u32> = Vec::with_capacity(raw.len() + 1);
    let mut line_start = 0usize;
    // (each line with its '\n', found by a vectorised search)
    while line_start < raw.len() {
        let line_end = memchr::memchr(b'\n', &raw.as_bytes()[line_start..])
            .map_or(raw.len(), |k| line_start + k + 1);
        let line = &raw[line_start..line_end];
        let body = line.trim_end_matches(['\n', '\r']);
        if !is_boilerplate_line(body) {
            let lead = body.len() - body.trim_start().len();
            let cap = drop_cap_len(&body[lead..]);
            let mut prev_space = true; // no leading spaces
            let content = &body[lead + cap..];
            let base = line_start + lead + cap;
            let bytes = content.as_bytes();
            let mut i = 0usize;
            while i < bytes.len() {
                // fast path: a run of plain ASCII needs no folding; copy it whole. Single
                // spaces between such characters are copied as they are too (the slow path
                // would write each one, as no space comes before it), so a line of plain
                // text is one run rather than one per word.
                let b = bytes[i];
                if PLAIN[usize::from(b)] {
                    let run = plain_run_end(bytes, i);
                    text.push_str(&content[i..run]);
                    map.extend((base + i) as u32..(base + run) as u32);
                    prev_space = false;
                    i = run;
                    continue;
                }
                // a plain space (the slow path's result, without decoding and folding it)
                if b == b' ' {
                    if !prev_space {
                        text.push(' ');
                        map.push((base + i) as u32);
                        prev_space = true;
                    }
                    i += 1;
                    continue;
                }
                let c = content[i..].chars().next().expect("a char starts here");
                let orig = (base + i) as u32;
                i += c.len_utf8();
                let s: &str = match fold(c) {
                    None => continue,
                    Some("") if c.is_whitespace() => " ",
                    Some("") => {
                        text.push(c);
                        map.extend(std::iter::repeat_n(orig, c.len_utf8()));
                        prev_space = false;
                        continue;
                    }
                    Some(s) => s,
                };
                for ch in s.chars() {
                    if ch == ' ' {
                        if prev_space {
                            continue;
                        }
                        prev_space = true;
                    } else {
                        prev_space = false;
                    }
                    text.push(ch);
                    map.push(orig);
                }
            }
            // trim a trailing space
            if text.ends_with(' ') && !text.ends_with("\n ") {
                text.pop();
                map.pop();
            }
        }
        if line.ends_with('\n') {
            text.push('\n');
            map.push((line_start + line.len() - 1) as u32);
        }
        line_start += line.len();
    }
    map.push(raw.len() as u32);
    debug_assert_eq!(map.len(), text.len() + 1);
    CleanText { text, map }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span_text<'a>(c: &CleanText, raw: &'a str, needle: &str) -> &'a str {
        let s = c.text.find(needle).expect("needle in cleaned text");
        let (a, b) = c.original_span(s, s + needle.len(), raw);
        &raw[a..b]
    }

    #[test]
    fn the_eight_byte_run_scan_agrees_with_the_byte_scan() {
        // every byte at every position, after and before plain bytes and spaces
        for b in 0..=255u8 {
            for at in 0..10 {
                for filler in [b'a', b' '] {
                    let mut bytes = [b'x'; 20];
                    for k in (1..20).step_by(2) {
                        bytes[k] = filler;
                    }
                    bytes[at] = b;
                    let scalar = {
                        let mut run = 1;
                        while let Some(&c) = bytes.get(run) {
                            if PLAIN[usize::from(c)] {
                                run += 1;
                            } else if c == b' '
                                && bytes.get(run + 1).is_some_and(|&d| PLAIN[usize::from(d)])
                            {
                                run += 2;
                            } else {
                                break;
                            }
                        }
                        run
                    };
                    if PLAIN[usize::from(bytes[0])] {
                        assert_eq!(plain_run_end(&bytes, 0), scalar, "{b} at {at}");
                    }
                }
            }
        }
    }

    #[test]
    fn folds_typographic_quotes_dashes_and_spaces() {
        let raw = "He said \u{201C}no\u{201D} \u{2014} twice.\u{00A0}Done\u{2026}";
        let c = clean(raw);
        assert_eq!(c.text, "He said \"no\" - twice. Done...");
    }

    #[test]
    fn offsets_point_into_the_original() {
        let raw = "\u{201C}Caf\u{00E9}\u{201D} talks\u{00A0}in Doha";
        let c = clean(raw);
        assert_eq!(span_text(&c, raw, "Doha"), "Doha");
        assert_eq!(span_text(&c, raw, "Café"), "Café");
        assert_eq!(span_text(&c, raw, "talks"), "talks");
    }

    #[test]
    fn drop_cap_glued_to_first_word_is_removed() {
        let raw = "T.The minister said\nTThe army said\nT. Smith said";
        let c = clean(raw);
        assert_eq!(c.text, "The minister said\nThe army said\nT. Smith said");
        assert_eq!(span_text(&c, raw, "The minister"), "The minister");
    }

    #[test]
    fn boilerplate_lines_are_dropped_but_line_count_kept() {
        let raw = "Headline\nSource link\nBody text.\nRead more: other story\nShare this article\n12 34\nCopyright 2024 Foo News. All rights reserved.\nEnd.";
        let c = clean(raw);
        assert_eq!(c.text, "Headline\n\nBody text.\n\n\n\n\nEnd.");
        assert_eq!(span_text(&c, raw, "End."), "End.");
    }

    #[test]
    fn real_sentences_are_not_boilerplate() {
        assert!(!is_boilerplate_line("Comments by the foreign minister on Tuesday drew a sharp rebuke from Ankara, which said the remarks were unacceptable."));
        assert!(!is_boilerplate_line("Russia accused Ukraine of shelling."));
        assert!(is_boilerplate_line("Advertisement"));
        assert!(is_boilerplate_line("By Jane Smith and John Doe"));
        assert!(is_boilerplate_line("Published: May 21, 2024, 14:32 CET"));
        assert!(!is_boilerplate_line(
            "By the end of the day, Russia had attacked."
        ));
    }

    #[test]
    fn boilerplate_found_in_any_case_and_at_any_position() {
        // the phrase is looked for where its 'v' stands, the prefixes by their first byte
        assert!(is_boilerplate_line("(c) 2024 Foo News ALL RIGHTS RESERVED"));
        assert!(is_boilerplate_line("all Rights Reserved"));
        assert!(is_boilerplate_line("SOURCE LINK"));
        assert!(is_boilerplate_line("© Foo News"));
        assert!(is_boilerplate_line("(C) Foo News"));
        assert!(!is_boilerplate_line("All rights reserve"));
        assert!(!is_boilerplate_line(
            "Source: the ministry said that the talks, which began on Monday in Geneva, would go on next week"
        ));
    }
}
