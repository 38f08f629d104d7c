//! Stage 3 — **Segment**: cleaned text → sentences of tokens, each with offsets.
//!
//! Tokens keep their byte span in the *cleaned* text and a lower-cased form for matching. The
//! tokenizer knows the few things English news needs: abbreviations with periods stay one token
//! ("U.S.", "Gen.", "Jan."), possessive `'s` and negative `n't` split off ("Russia's" →
//! "Russia" "'s"; "didn't" → "did" "n't"), hyphenated words and numbers stay whole
//! ("pro-Russian", "2,000", "2-1").
//!
//! Sentences end at `.`, `!` or `?` followed by a capitalised word, a quote or a line break, and at
//! every line break (news paragraphs, headlines and one-line subheadings are their own
//! sentences). A closing quote after the period stays with its sentence. Titles and month
//! abbreviations never end a sentence; initialisms like "U.S." end one only when the next word
//! is a typical sentence opener ("... sanctions by the U.S. The move ...").
//!
//! Every byte of every article passes through here, so the tokenizer is built for the common
//! case: it dispatches on a byte table, a word that is a plain run of ASCII letters and digits
//! (most of them) is pushed without the full word scan, and its lower case is copied out of the
//! article lower-cased once, many bytes at a time; only the byte after a run decides whether
//! the slower scan (joiners, periods, multi-byte characters) is needed. One line's tokens are
//! kept in one buffer and each sentence's tokens split off it as one block.

/// What kind of token this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (possibly with inner hyphens, apostrophes or periods).
    Word,
    /// Starts with a digit.
    Number,
    /// One punctuation character.
    Punct,
}

/// A token: its span in the cleaned text and its lower-cased form.
#[derive(Debug, Clone)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// Lower-cased form used for matching (`n't` and `'s` keep their spelling).
    pub lower: String,
    /// The token starts with an upper-case letter.
    pub capitalized: bool,
}

impl Token {
    pub fn text<'a>(&self, clean: &'a str) -> &'a str {
        &clean[self.start..self.end]
    }
    pub fn is_punct(&self, p: &str) -> bool {
        self.kind == TokenKind::Punct && self.lower == p
    }
}

/// A sentence: a range of tokens and its span in the cleaned text.
#[derive(Debug, Clone)]
pub struct Sentence {
    pub tokens: Vec<Token>,
    pub start: usize,
    pub end: usize,
    /// Index of the line (paragraph) it came from; the headline is line 0 of the text.
    pub line: usize,
    /// True for the first non-empty line of the article.
    pub is_headline: bool,
}

/// Abbreviations that end with a period but do not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cmdr",
    "adm", "gov", "sen", "rep", "rev", "fr", "st", "sr", "jr", "hon", "pres", "amb", "brig", "cpl",
    "pvt", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "no", "nos", "vs", "etc", "inc", "corp", "co", "ltd", "dept", "est", "approx", "fig", "mt",
    "ft", "vol",
];

/// Words that typically open a sentence: after an initialism ("U.S.") they mark a boundary.
const SENTENCE_OPENERS: &[&str] = &[
    "the",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "in",
    "on",
    "at",
    "but",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "meanwhile",
    "however",
    "his",
    "her",
    "its",
    "their",
    "there",
    "earlier",
    "later",
    "officials",
    "police",
];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// What a byte where a token may start begins. News text is nearly all ASCII: the tokenizer
/// dispatches on the byte alone and makes a `char` only for the first byte of a multi-byte
/// character.
#[derive(Clone, Copy)]
enum ByteClass {
    /// ASCII whitespace (as `char::is_whitespace` has it): skipped.
    Space,
    /// An ASCII letter or digit: starts a word or number.
    Alnum,
    /// Any other ASCII byte: punctuation, a `_` joining a name's words or a possessive `'s`.
    Punct,
    /// The first byte of a multi-byte character.
    NonAscii,
}

static BYTE_CLASS: [ByteClass; 256] = {
    let mut t = [ByteClass::NonAscii; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = match b as u8 {
            b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' => ByteClass::Space,
            x if x.is_ascii_alphanumeric() => ByteClass::Alnum,
            _ => ByteClass::Punct,
        };
        b += 1;
    }
    t
};

/// What the byte after a run of ASCII letters and digits does to the word.
#[derive(Clone, Copy)]
enum AfterRun {
    /// Ends it (a space, most punctuation).
    Ends,
    /// Joins it to what follows if [`joins_at`] says so (a hyphen, an apostrophe, ...).
    MayJoin,
    /// Needs the full word scan: a period (an initialism's, an abbreviation's or a number's) or
    /// a multi-byte character.
    Scan,
}

static AFTER_RUN: [AfterRun; 256] = {
    let mut t = [AfterRun::Scan; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = match b as u8 {
            b'.' => AfterRun::Scan,
            b'-' | b'\'' | b',' | b':' | b'&' | b'/' => AfterRun::MayJoin,
            _ => AfterRun::Ends,
        };
        b += 1;
    }
    t
};

/// ASCII letters and digits, by byte: the word scan reads every byte of the text, and one
/// table load per byte is cheaper than the range tests of `u8::is_ascii_alphanumeric`.
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// The length of the run of ASCII letters and digits that starts `bytes`.
///
/// Eight bytes at a time while eight are left: each byte's "is a letter or digit" is worked
/// out in the bits of one 64-bit number, and the run ends at the first byte that is not.
/// Counting instructions, this is no cheaper than a table look-up per byte (words average six
/// bytes); what it saves is the branch per byte, whose exit at a word's end the predictor
/// misses about once a word, and which made this loop a third of the tokenizer's time.
fn alnum_run(bytes: &[u8]) -> usize {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const fn each(b: u8) -> u64 {
        u64::from_ne_bytes([b; 8])
    }
    let mut at = 0;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let w = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        // (bytes of seven bits: no sum below carries into the next byte; a byte with its high
        // bit set, part of a multi-byte character, is no ASCII letter or digit)
        let y = w & LOW7;
        // the high bit of `y + (0x80 - lo)` says `y >= lo`; of `y + (0x7f - hi)`, `y > hi`
        let in_range = |y: u64, lo: u8, hi: u8| (y + each(0x80 - lo)) & !(y + each(0x7f - hi));
        // (a letter of either case, lower-cased by its 0x20 bit: only 'A'..='Z' and
        // 'a'..='z' land in 'a'..='z')
        let letter = in_range(y | each(0x20), b'a', b'z');
        let digit = in_range(y, b'0', b'9');
        let alnum = (letter | digit) & !w & HIGH;
        let ends = !alnum & HIGH;
        if ends != 0 {
            return at + (ends.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    at + bytes[at..]
        .iter()
        .position(|&b| !ASCII_ALNUM[usize::from(b)])
        .unwrap_or(bytes.len() - at)
}

/// The character starting at byte `i` (a char boundary before the end) of `text`: an ASCII byte
/// is its own character, read without decoding.
fn char_at(text: &str, i: usize) -> char {
    match text.as_bytes()[i] {
        b if b.is_ascii() => char::from(b),
        _ => text[i..]
            .chars()
            .next()
            .unwrap_or(char::REPLACEMENT_CHARACTER),
    }
}

/// Tokenize a span of cleaned text (no newlines expected, but harmless).
pub fn tokenize(text: &str, base: usize, out: &mut Vec<Token>) {
    tokenize_lowered(text, &text.to_ascii_lowercase(), base, out);
}

/// [`tokenize`], given the text's ASCII lower case (`text.to_ascii_lowercase()`): an ASCII
/// token's lower case is copied out of it rather than made byte by byte, and a whole text is
/// lower-cased many bytes at a time.
fn tokenize_lowered(text: &str, lower: &str, base: usize, out: &mut Vec<Token>) {
    debug_assert_eq!(text.len(), lower.len());
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        i = match BYTE_CLASS[usize::from(b)] {
            // (a space between words is most of what this loop sees)
            ByteClass::Space => i + 1,
            ByteClass::Alnum => {
                // most words are a run of ASCII letters and digits ended by a space or a
                // punctuation mark that does not join (nor is an abbreviation's period): pushed
                // here, without the word scan's cases
                let end = i + alnum_run(&bytes[i..]);
                let scan =
                    bytes
                        .get(end)
                        .is_some_and(|&after| match AFTER_RUN[usize::from(after)] {
                            AfterRun::Ends => false,
                            AfterRun::MayJoin => joins_at(text, end),
                            AfterRun::Scan => true,
                        });
                if scan {
                    word(text, lower, base, i, end, out)
                } else {
                    let kind = if b.is_ascii_digit() {
                        TokenKind::Number
                    } else {
                        TokenKind::Word
                    };
                    push_ascii(out, lower, base, i, end, kind, b.is_ascii_uppercase());
                    // (the space after a word is skipped here rather than dispatched on)
                    end + usize::from(bytes.get(end) == Some(&b' '))
                }
            }
            ByteClass::Punct => ascii_punct(text, lower, base, i, out),
            ByteClass::NonAscii => {
                let c = char_at(text, i);
                let end = i + c.len_utf8();
                if c.is_whitespace() {
                    end
                } else if is_word_char(c) {
                    word(text, lower, base, i, i, out)
                } else {
                    push(out, text, lower, base, i, end, TokenKind::Punct);
                    end
                }
            }
        };
    }
}

/// The token at `i`, an ASCII byte that is neither a space nor a letter or digit; returns where
/// the next one may start.
fn ascii_punct(text: &str, lower: &str, base: usize, i: usize, out: &mut Vec<Token>) -> usize {
    let bytes = text.as_bytes();
    match bytes[i] {
        // PETRARCH-era corpora join a name's words with `_` ("Dol_Amroth"): between letters it
        // separates words as a space does
        b'_' if i > 0
            && bytes[i - 1].is_ascii_alphabetic()
            && bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic) =>
        {
            return i + 1;
        }
        // a possessive 's after a word ("Russia's": the word stopped before it)
        b'\''
            if is_possessive_s(&text[i + 1..])
                && i > 0
                && text[..i].chars().next_back().is_some_and(is_word_char) =>
        {
            push(out, text, lower, base, i, i + 2, TokenKind::Word);
            return i + 2;
        }
        // the possessive of a plural ("the two countries' presidents"): an apostrophe right
        // after an "s" and before a space is a word like "'s", not a closing quotation mark,
        // unless a quotation opened by one is still open on the line ("called it 'hostile
        // acts' of the regime")
        b'\''
            if i > 0
                && matches!(bytes[i - 1], b's' | b'S')
                && bytes.get(i + 1) == Some(&b' ')
                && bytes.get(i + 2).is_some_and(u8::is_ascii_alphabetic)
                && !single_quote_open(&text[..i]) =>
        {
            push_ascii(out, lower, base, i, i + 1, TokenKind::Word, false);
            return i + 1;
        }
        _ => {}
    }
    push_ascii(out, lower, base, i, i + 1, TokenKind::Punct, false);
    i + 1
}

/// Whether a single quotation mark opened on the current line of `before` (after a space or
/// the line's start, before a letter) is still unclosed.
fn single_quote_open(before: &str) -> bool {
    let line = &before[before.rfind('\n').map_or(0, |k| k + 1)..];
    let b = line.as_bytes();
    let mut open = false;
    for k in 0..b.len() {
        if b[k] != b'\'' {
            continue;
        }
        let after_space = k == 0 || b[k - 1].is_ascii_whitespace() || b[k - 1] == b'(';
        let before_letter = b.get(k + 1).is_some_and(u8::is_ascii_alphabetic);
        if after_space && before_letter {
            open = true;
        } else if open && (k + 1 == b.len() || !b[k + 1].is_ascii_alphanumeric()) {
            open = false;
        }
    }
    open
}

/// Whether the text after an apostrophe makes it a possessive `'s`: an `s` that ends the word.
fn is_possessive_s(after: &str) -> bool {
    (after.starts_with('s') || after.starts_with('S'))
        && !after[1..].starts_with(|x: char| x.is_alphanumeric())
}

/// The word or number starting at `i` with a letter or digit, pushed with its lower case (a
/// negation `n't` split off, an abbreviation's period kept); returns its end. `run_end`: the
/// end of the run of ASCII letters and digits at `i` when it was scanned already (`i` when not).
fn word(
    text: &str,
    lower: &str,
    base: usize,
    i: usize,
    run_end: usize,
    out: &mut Vec<Token>,
) -> usize {
    let bytes = text.as_bytes();
    // Initialisms: letters and periods alternating, "U.S.", "U.N.", "e.g."
    // (only a letter followed by a period can start one)
    if bytes.get(i + 1) == Some(&b'.') {
        if let Some(len) = initialism_len(&bytes[i..]) {
            push(out, text, lower, base, i, i + len, TokenKind::Word);
            return i + len;
        }
    }
    let (mut j, ascii) = word_end(text, run_end);
    let word = &text[i..j];
    let word_lower = if ascii {
        lower[i..j].to_owned()
    } else {
        word.to_lowercase()
    };
    let abbreviation = bytes.get(j) == Some(&b'.') && is_abbreviation(&word_lower);
    if word_lower.ends_with("n't") && word.len() > 3 {
        push(out, text, lower, base, i, j - 3, TokenKind::Word);
        push(out, text, lower, base, j - 3, j, TokenKind::Word);
    } else {
        let kind = if bytes[i].is_ascii_digit() {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        // the whole word is the token: its lower case is the one just made
        push_lower(out, base, i, j, kind, word_lower, word);
    }
    // abbreviation period
    if abbreviation {
        let t = out.last_mut().unwrap();
        t.end += 1;
        t.lower.push('.');
        j += 1;
    }
    j
}

/// The end of the word whose scan resumes at `from` (after letters and digits, all ASCII, from
/// its start), and whether it is all ASCII (its lower case is then copied from the lower-cased
/// text): letters and digits and the inner joiners [`joins_at`] lets through.
fn word_end(text: &str, from: usize) -> (usize, bool) {
    let bytes = text.as_bytes();
    let mut j = from;
    let mut ascii = true;
    loop {
        // (a run of ASCII letters and digits without making a `char`: most of the text)
        j += alnum_run(&bytes[j..]);
        let Some(&b) = bytes.get(j) else { break };
        if b.is_ascii() {
            if !joins_at(text, j) {
                break;
            }
            j += 1;
        } else {
            let ch = char_at(text, j);
            if !is_word_char(ch) {
                break;
            }
            ascii = false;
            j += ch.len_utf8();
        }
    }
    (j, ascii)
}

/// Whether the ASCII byte at `j`, after a word's letter or digit, joins the word to what
/// follows: a hyphen before a letter or digit ("pro-Russian", "2-1"), an apostrophe before a
/// letter unless it is a possessive `'s` ("d'Ivoire", "didn't"), a period, comma, colon or
/// slash between digits ("2,000"), an ampersand after a capital ("AT&T").
fn joins_at(text: &str, j: usize) -> bool {
    let bytes = text.as_bytes();
    let Some(&next) = bytes.get(j + 1) else {
        return false;
    };
    match bytes[j] {
        b'-' => is_word_char(char_at(text, j + 1)),
        b'\'' => char_at(text, j + 1).is_alphabetic() && !is_possessive_s(&text[j + 1..]),
        b'.' | b',' | b':' | b'/' => bytes[j - 1].is_ascii_digit() && next.is_ascii_digit(),
        b'&' => char_at(text, j + 1).is_alphabetic() && bytes[j - 1].is_ascii_uppercase(),
        _ => false,
    }
}

/// The length of the initialism ("U.S.", "e.g.") starting `b`: two or more letters each followed
/// by a period, and no letter after them.
fn initialism_len(b: &[u8]) -> Option<usize> {
    let mut n = 0;
    let mut letters = 0;
    while n + 1 < b.len() && b[n].is_ascii_alphabetic() && b[n + 1] == b'.' {
        n += 2;
        letters += 1;
    }
    if letters >= 2 && !(n < b.len() && b[n].is_ascii_alphabetic()) {
        Some(n)
    } else {
        None
    }
}

/// [`ABBREVIATIONS`] as [`packed`] numbers: a word is looked up with one integer comparison per
/// abbreviation instead of a string comparison.
static ABBREVIATION_KEYS: [u64; ABBREVIATIONS.len()] = {
    let mut keys = [0; ABBREVIATIONS.len()];
    let mut k = 0;
    while k < ABBREVIATIONS.len() {
        keys[k] = match packed(ABBREVIATIONS[k].as_bytes()) {
            Some(key) => key,
            None => panic!("an abbreviation longer than eight bytes"),
        };
        k += 1;
    }
    keys
};

/// A word of one to eight bytes as a number (its bytes little-endian, zero-padded: no word holds
/// a zero byte); `None` for a longer one.
const fn packed(word: &[u8]) -> Option<u64> {
    if word.len() > 8 {
        return None;
    }
    let mut key = 0u64;
    let mut k = 0;
    while k < word.len() {
        key |= (word[k] as u64) << (8 * k);
        k += 1;
    }
    Some(key)
}

/// Whether the lower-cased word (without its period) is one of the [`ABBREVIATIONS`].
fn is_abbreviation(lower: &str) -> bool {
    packed(lower.as_bytes()).is_some_and(|key| ABBREVIATION_KEYS.contains(&key))
}

/// Push the token `text[s..e]`, its lower case copied out of `lower` (the text's ASCII lower
/// case) when it is ASCII.
fn push(
    out: &mut Vec<Token>,
    text: &str,
    lower: &str,
    base: usize,
    s: usize,
    e: usize,
    kind: TokenKind,
) {
    let t = &text[s..e];
    let t_lower = if t.is_ascii() {
        lower[s..e].to_owned()
    } else {
        t.to_lowercase()
    };
    push_lower(out, base, s, e, kind, t_lower, t);
}

/// [`push`] with the token's lower case already made.
#[inline]
fn push_lower(
    out: &mut Vec<Token>,
    base: usize,
    s: usize,
    e: usize,
    kind: TokenKind,
    lower: String,
    t: &str,
) {
    out.push(Token {
        start: base + s,
        end: base + e,
        kind,
        lower,
        capitalized: match t.as_bytes().first() {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => t.chars().next().is_some_and(char::is_uppercase),
        },
    });
}

/// Push the ASCII token `[s, e)`, its lower case copied out of `lower` (the text's ASCII lower
/// case): the tokenizer's common case, without [`push`]'s checks.
#[inline(always)]
fn push_ascii(
    out: &mut Vec<Token>,
    lower: &str,
    base: usize,
    s: usize,
    e: usize,
    kind: TokenKind,
    capitalized: bool,
) {
    out.push(Token {
        start: base + s,
        end: base + e,
        kind,
        lower: lower[s..e].to_owned(),
        capitalized,
    });
}

/// Split cleaned text into sentences.
pub fn segment(clean: &str) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut seen_content = false;
    let mut line_start = 0;
    // one line's tokens and sentence ends, kept from line to line: each line is tokenized
    // into `toks` and its sentences moved out of it, so only the sentences allocate
    let mut toks = Vec::new();
    let mut cuts: Vec<usize> = Vec::new();
    let lower = clean.to_ascii_lowercase();
    // (the lines' ends found by a vectorised search: the text's last line ends at its end)
    let line_ends = memchr::memchr_iter(b'\n', clean.as_bytes()).chain([clean.len()]);
    for (line_no, line_end) in line_ends.enumerate() {
        let line = &clean[line_start..line_end];
        tokenize_lowered(line, &lower[line_start..line_end], line_start, &mut toks);
        line_start = line_end + 1;
        if toks.is_empty() {
            continue;
        }
        // the first line is the headline, unless it reads as a sentence of the story: wire
        // headlines end without a full stop, and a first line ending in one is body text
        // (a JSONL text field, a one-sentence item)
        let ends_with_full_stop = toks
            .iter()
            .rev()
            .find(|t| !(t.is_punct("\"") || t.is_punct(")")))
            .is_some_and(|t| t.is_punct("."));
        let is_headline = !seen_content && !ends_with_full_stop;
        seen_content = true;
        sentence_starts(&toks, clean.as_bytes(), &mut cuts);
        // the sentences are moved out of the line's tokens from the last one back (each split
        // copies the tail as one block, so no token is moved twice), then put back in order;
        // only the first sentence of the headline line is the headline
        let first = sentences.len();
        for &cut in cuts.iter().rev() {
            let tokens = if cut > 0 {
                toks.split_off(cut)
            } else {
                // (`split_off(0)` would hand over the line buffer and allocate another)
                let mut all = Vec::with_capacity(toks.len());
                all.append(&mut toks);
                all
            };
            sentences.push(Sentence {
                start: tokens[0].start,
                end: tokens[tokens.len() - 1].end,
                tokens,
                line: line_no,
                is_headline: is_headline && cut == 0,
            });
        }
        sentences[first..].reverse();
    }
    sentences
}

/// The index of the first token of each sentence of a line's tokens (`toks`, not empty), in
/// order, into `cuts` (cleared first; its first entry is 0).
///
/// `clean`: the text the tokens' spans are in. Every token is looked at, so its marks are read
/// from the text (in order, as it was just tokenized) rather than from its lower case, a
/// separate allocation per token: a punctuation mark and a word's final period are the same in
/// either.
fn sentence_starts(toks: &[Token], clean: &[u8], cuts: &mut Vec<usize>) {
    cuts.clear();
    cuts.push(0);
    // the one-byte ASCII mark a token is (`t.is_punct(p)` is `mark(t) == p`), else 0
    let mark = |t: &Token| match t.kind {
        TokenKind::Punct if t.end - t.start == 1 => clean[t.start],
        _ => 0,
    };
    let is = |t: &Token, p: u8| mark(t) == p;
    let mut in_quote = false;
    let n = toks.len();
    let mut k = 0;
    while k < n {
        let t = &toks[k];
        let m = mark(t);
        if m == b'"' {
            in_quote = !in_quote;
        }
        let ends = matches!(m, b'.' | b'!' | b'?')
            || (t.kind == TokenKind::Word && clean[t.end - 1] == b'.' && {
                // initialism or abbreviation at a boundary
                let next = toks.get(k + 1);
                let is_title = is_abbreviation(t.lower.trim_end_matches('.'));
                !is_title
                    && next.is_some_and(|nx| {
                        nx.capitalized && SENTENCE_OPENERS.contains(&nx.lower.as_str())
                    })
            });
        if ends {
            // absorb closing quotes / brackets
            while k + 1 < n && ((is(&toks[k + 1], b'"') && in_quote) || is(&toks[k + 1], b')')) {
                k += 1;
                if is(&toks[k], b'"') {
                    in_quote = false;
                }
            }
            let boundary = match toks.get(k + 1) {
                None => true,
                Some(nx) => {
                    nx.capitalized || nx.kind == TokenKind::Number || is(nx, b'"') || is(nx, b'(')
                }
            };
            if boundary {
                cuts.push(k + 1);
            }
        }
        k += 1;
    }
    // (a cut after the last token starts no sentence)
    if cuts.last() == Some(&n) {
        cuts.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        let mut v = Vec::new();
        tokenize(s, 0, &mut v);
        v.into_iter()
            .map(|t| s[t.start..t.end].to_string())
            .collect()
    }

    #[test]
    fn a_plural_possessive_apostrophe_was_a_closing_quote() {
        let kinds = |s: &str| {
            let mut v = Vec::new();
            tokenize(s, 0, &mut v);
            v.into_iter()
                .filter(|t| &s[t.start..t.end] == "'")
                .map(|t| t.kind)
                .collect::<Vec<_>>()
        };
        // "the two countries' presidents": a possessive, like "'s"
        assert_eq!(
            kinds("The two countries' presidents met."),
            [TokenKind::Word]
        );
        // a quotation opened by a single mark closes with one, after an "s" too
        assert_eq!(
            kinds("He called the raids 'hostile acts' of the regime."),
            [TokenKind::Punct, TokenKind::Punct]
        );
    }

    fn sents(s: &str) -> Vec<String> {
        segment(s)
            .into_iter()
            .map(|x| s[x.start..x.end].to_string())
            .collect()
    }

    #[test]
    fn alnum_run_is_the_run_of_ascii_letters_and_digits() {
        let plain = |b: &[u8]| {
            b.iter()
                .position(|c| !c.is_ascii_alphanumeric())
                .unwrap_or(b.len())
        };
        // every byte value at every position of runs of every length up to past two chunks
        let mut cases: Vec<Vec<u8>> = Vec::new();
        for len in 0..20 {
            for stop in 0..=255u8 {
                let mut v: Vec<u8> = (0..len).map(|k| b"aZ09mQz"[k % 7]).collect();
                v.push(stop);
                v.extend_from_slice(b"abcdefghij");
                cases.push(v);
            }
        }
        for v in &cases {
            for from in 0..v.len() {
                assert_eq!(alnum_run(&v[from..]), plain(&v[from..]), "{:?}", &v[from..]);
            }
        }
    }

    #[test]
    fn byte_tables_agree_with_the_char_tests() {
        for b in 0..=255u8 {
            let alnum = b.is_ascii_alphanumeric();
            assert_eq!(ASCII_ALNUM[usize::from(b)], alnum);
            if b.is_ascii() {
                let c = char::from(b);
                let class = BYTE_CLASS[usize::from(b)];
                assert_eq!(matches!(class, ByteClass::Space), c.is_whitespace(), "{b}");
                assert_eq!(matches!(class, ByteClass::Alnum), alnum, "{b}");
            }
        }
        assert_eq!(alnum_run(b"Ukraine's"), 7);
        assert_eq!(alnum_run(b"internationally,"), 15);
    }

    #[test]
    fn tokenizes_possessives_negations_abbreviations() {
        assert_eq!(
            words("Russia's army didn't attack."),
            ["Russia", "'s", "army", "did", "n't", "attack", "."]
        );
        assert_eq!(
            words("the U.S. and Gen. Smith"),
            ["the", "U.S.", "and", "Gen.", "Smith"]
        );
        assert_eq!(
            words("pro-Russian rebels killed 2,000, won 2-1"),
            [
                "pro-Russian",
                "rebels",
                "killed",
                "2,000",
                ",",
                "won",
                "2-1"
            ]
        );
        assert_eq!(
            words("\"No,\" he said (again)"),
            ["\"", "No", ",", "\"", "he", "said", "(", "again", ")"]
        );
        assert_eq!(
            words("the troops' return and Côte d'Ivoire"),
            ["the", "troops", "'", "return", "and", "Côte", "d'Ivoire"]
        );
    }

    #[test]
    fn sentences_survive_abbreviations() {
        assert_eq!(
            sents(
                "Gen. Smith met Mr. Jones on Jan. 5 in the U.S. capital. They talked.\nNext line"
            ),
            [
                "Gen. Smith met Mr. Jones on Jan. 5 in the U.S. capital.",
                "They talked.",
                "Next line"
            ]
        );
        assert_eq!(
            sents("Sanctions were imposed by the U.S. The move angered Moscow."),
            [
                "Sanctions were imposed by the U.S.",
                "The move angered Moscow."
            ]
        );
        assert_eq!(
            sents("The U.N. Security Council met. No. 10 said so."),
            ["The U.N. Security Council met.", "No. 10 said so."]
        );
    }

    #[test]
    fn quotes_spanning_sentence_end_stay_together() {
        assert_eq!(
            sents("He said: \"We will respond.\" The army moved."),
            ["He said: \"We will respond.\"", "The army moved."]
        );
    }

    #[test]
    fn headline_and_subheadings_are_own_sentences() {
        let s = segment("Russia accuses Ukraine\n\nA subheading\nBody one. Body two.");
        assert_eq!(s.len(), 4);
        assert!(s[0].is_headline);
        assert!(!s[1].is_headline);
    }

    #[test]
    fn a_first_line_ending_in_a_full_stop_was_taken_for_a_headline() {
        // a one-sentence item or a JSONL text field starts with the story itself
        let s = segment("Dmitry Medvedev, an ally of Putin, threatened Ukraine.\nMore text.");
        assert!(!s[0].is_headline);
        let s = segment("\"We will respond,\" the minister said.\"\n");
        assert!(!s[0].is_headline);
        let s = segment("Will Russia attack?\nBody.");
        assert!(s[0].is_headline);
    }
}
