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

/// The character starting at byte `i` (a char boundary before the end) of `text`: an ASCII byte
/// is its own character, read without decoding (news text is nearly all ASCII, and the
/// tokenizer reads every character this way).
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
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        // (a space between words is most of what this loop sees: skipped without a `char`)
        if bytes[i] == b' ' {
            i += 1;
            continue;
        }
        let c = char_at(text, i);
        // PETRARCH-era corpora join a name's words with `_` ("Dol_Amroth"): between letters it
        // separates words as a space does
        let joiner = c == '_'
            && i > 0
            && bytes[i - 1].is_ascii_alphabetic()
            && bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic);
        if c.is_whitespace() || joiner {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        if is_word_char(c) {
            // Initialisms: letters and periods alternating, "U.S.", "U.N.", "e.g."
            // (only a letter followed by a period can start one)
            if let Some(len) = (bytes.get(i + 1) == Some(&b'.'))
                .then(|| initialism_len(&text[i..]))
                .flatten()
            {
                push(out, text, base, start, start + len, TokenKind::Word);
                i += len;
                continue;
            }
            let mut j = i;
            // (all ASCII so far: the lower case is then made byte by byte, without a check)
            let mut ascii = c.is_ascii();
            while j < text.len() {
                // (a run of ASCII letters and digits without making a `char`: most of the text)
                j += bytes[j..]
                    .iter()
                    .position(|&b| !ASCII_ALNUM[b as usize])
                    .unwrap_or(bytes.len() - j);
                if j == text.len() {
                    break;
                }
                let ch = char_at(text, j);
                if is_word_char(ch) {
                    ascii &= ch.is_ascii();
                    j += ch.len_utf8();
                    continue;
                }
                // inner joiners: hyphen, apostrophe (not 's / n't), period/comma/colon in numbers,
                // ampersand in "AT&T"
                if matches!(ch, '-' | '\'' | '.' | ',' | ':' | '&' | '/') && j + 1 < text.len() {
                    let next = char_at(text, j + 1);
                    let prev_digit = bytes[j - 1].is_ascii_digit();
                    let ok = match ch {
                        '-' => is_word_char(next),
                        '\'' => {
                            let after = &text[j + 1..];
                            let possessive = (after.starts_with('s') || after.starts_with('S'))
                                && !after[1..].starts_with(|x: char| x.is_alphanumeric());
                            next.is_alphabetic() && !possessive
                        }
                        '.' | ',' | ':' | '/' => prev_digit && next.is_ascii_digit(),
                        '&' => next.is_alphabetic() && bytes[j - 1].is_ascii_uppercase(),
                        _ => false,
                    };
                    if ok {
                        j += 1;
                        continue;
                    }
                }
                break;
            }
            // split n't
            let word = &text[i..j];
            let lower = if ascii {
                word.to_ascii_lowercase()
            } else {
                lower_case(word)
            };
            let abbreviation =
                j < text.len() && bytes[j] == b'.' && ABBREVIATIONS.contains(&lower.as_str());
            if lower.ends_with("n't") && word.len() > 3 {
                push(out, text, base, i, j - 3, TokenKind::Word);
                push(out, text, base, j - 3, j, TokenKind::Word);
            } else {
                let kind = if c.is_ascii_digit() {
                    TokenKind::Number
                } else {
                    TokenKind::Word
                };
                // the whole word is the token: its lower case is the one just made
                push_lower(out, base, i, j, kind, lower, word);
            }
            // abbreviation period
            if abbreviation {
                let t = out.last_mut().unwrap();
                t.end += 1;
                t.lower.push('.');
                j += 1;
            }
            i = j;
            continue;
        }
        // possessive 's / s' and n't handled here when they start a token
        if c == '\'' {
            let rest = &text[i + 1..];
            if (rest.starts_with('s') || rest.starts_with('S'))
                && !rest[1..].starts_with(|x: char| x.is_alphanumeric())
                && i > 0
                && is_word_char(text[..i].chars().next_back().unwrap())
            {
                push(out, text, base, i, i + 2, TokenKind::Word);
                i += 2;
                continue;
            }
        }
        push(out, text, base, i, i + c.len_utf8(), TokenKind::Punct);
        i += c.len_utf8();
    }
}

fn initialism_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
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

fn lower_case(t: &str) -> String {
    if t.is_ascii() {
        t.to_ascii_lowercase()
    } else {
        t.to_lowercase()
    }
}

fn push(out: &mut Vec<Token>, text: &str, base: usize, s: usize, e: usize, kind: TokenKind) {
    let t = &text[s..e];
    push_lower(out, base, s, e, kind, lower_case(t), t);
}

/// [`push`] with the token's lower case (`lower_case(t)`) already made.
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

/// Split cleaned text into sentences.
pub fn segment(clean: &str) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut seen_content = false;
    let mut line_start = 0;
    for (line_no, line) in clean.split('\n').enumerate() {
        // (room for a token per four bytes, about what news text has: growing the vector a
        // token at a time copied every line's tokens several times)
        let mut toks = Vec::with_capacity(line.len() / 4 + 1);
        tokenize(line, line_start, &mut toks);
        line_start += line.len() + 1;
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
        // find the sentence ends first, then move the tokens into their sentences
        let mut cuts: Vec<usize> = Vec::new();
        let mut in_quote = false;
        let n = toks.len();
        let mut k = 0;
        while k < n {
            let t = &toks[k];
            if t.is_punct("\"") {
                in_quote = !in_quote;
            }
            let ends = (t.kind == TokenKind::Punct && matches!(t.lower.as_str(), "." | "!" | "?"))
                || (t.kind == TokenKind::Word && t.lower.ends_with('.') && {
                    // initialism or abbreviation at a boundary
                    let next = toks.get(k + 1);
                    let is_title = ABBREVIATIONS.contains(&t.lower.trim_end_matches('.'));
                    !is_title
                        && next.is_some_and(|nx| {
                            nx.capitalized && SENTENCE_OPENERS.contains(&nx.lower.as_str())
                        })
                });
            if ends {
                // absorb closing quotes / brackets
                while k + 1 < n
                    && ((toks[k + 1].is_punct("\"") && in_quote) || toks[k + 1].is_punct(")"))
                {
                    k += 1;
                    if toks[k].is_punct("\"") {
                        in_quote = false;
                    }
                }
                let boundary = match toks.get(k + 1) {
                    None => true,
                    Some(nx) => {
                        nx.capitalized
                            || nx.kind == TokenKind::Number
                            || nx.is_punct("\"")
                            || nx.is_punct("(")
                    }
                };
                if boundary {
                    cuts.push(k + 1);
                }
            }
            k += 1;
        }
        if cuts.last() != Some(&n) {
            cuts.push(n);
        }
        let mut tokens = toks.into_iter();
        let mut prev = 0;
        for cut in cuts {
            let mut cur: Vec<Token> = tokens.by_ref().take(cut - prev).collect();
            prev = cut;
            flush(&mut sentences, &mut cur, line_no, is_headline);
        }
    }
    sentences
}

fn flush(out: &mut Vec<Sentence>, cur: &mut Vec<Token>, line: usize, is_headline: bool) {
    if cur.is_empty() {
        return;
    }
    // only the first sentence of the headline line is the headline
    let is_headline = is_headline && out.last().is_none_or(|s| s.line != line);
    let tokens = std::mem::take(cur);
    out.push(Sentence {
        start: tokens[0].start,
        end: tokens[tokens.len() - 1].end,
        tokens,
        line,
        is_headline,
    });
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

    fn sents(s: &str) -> Vec<String> {
        segment(s)
            .into_iter()
            .map(|x| s[x.start..x.end].to_string())
            .collect()
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
