//! Time expressions: *when* did the event happen, as far as one sentence and the publication
//! date can tell.
//!
//! Event data is dated by publication day, which is wrong for every "last Thursday", "in
//! January" or "two weeks ago" in the text. This module finds those expressions in a sentence
//! ([`find`]) and turns each into a calendar value ([`resolve`]) given the publication date and
//! the tense of the event's verb. The two steps are separate because finding is a property of
//! the text alone, while resolving needs context the caller owns (which date, which verb).
//!
//! # Values
//!
//! [`When::value`] is one of the four forms the event schema allows, and
//! [`When::precision`] says how to read it:
//!
//! | precision | value        | meaning                                                   |
//! |-----------|--------------|-----------------------------------------------------------|
//! | `Day`     | `2021-12-23` | that day                                                  |
//! | `Week`    | `2021-12-20` | the Monday of that Monday–Sunday week                     |
//! | `Month`   | `2022-01`    | that month                                                |
//! | `Season`  | `2021`       | the year the season starts in (winter: of its December)   |
//! | `Year`    | `2022`       | that year                                                 |
//! | `Decade`  | `1990s`      | that decade                                               |
//!
//! Parts of a period ("early 2022", "late last year", "mid-January", "the end of the year") keep
//! the period's value; the part is on the [`TimeMention::kind`] for callers who want it. Seasons
//! are northern-hemisphere meteorological seasons (spring = March–May, …, winter = December–
//! February) and the season itself is on the kind, since the schema has no season form.
//!
//! # Resolution rules
//!
//! [`Tense::Present`] behaves as [`Tense::Past`] everywhere: news present tense ("says",
//! "meets") reports what is happening or has just happened.
//!
//! * **Weekdays.** "(on) Thursday", "this Thursday", "Thursday night": past → the most recent
//!   Thursday *on or before* the publication date; future → the next one *on or after* it. Wire
//!   copy names the publication day by its weekday ("said on Thursday" in a Thursday story is
//!   that day; "will meet on Thursday" usually is later that day). "last Thursday" is the most
//!   recent Thursday *strictly before* publication and "next Thursday" the first *strictly
//!   after*, whatever the tense. "Thursday last week" is the Thursday of the previous
//!   Monday–Sunday week.
//! * **Month and day without a year** ("Feb. 29", "the 5th of March"): the nearest date in the
//!   tense's direction, with one day of grace for time zones and datelines: past → the latest
//!   such date no later than the day after publication; future → the earliest no earlier than
//!   the day before. A December 2021 story saying "will meet on Jan. 5" → 2022-01-05; a January
//!   2022 story saying "met on Dec. 28" → 2021-12-28. "Feb. 29" picks the nearest leap year.
//!   A day range ("July 15-16, 2016", "12–13 December") resolves to its first day.
//! * **"on the 29th"**: past → this month if the 29th is no later than the day after
//!   publication, else the previous month; future → this month if it is no earlier than the
//!   day before, else the next month. `None` when that month has no such day: a writer who says
//!   "the 31st" in such a month meant something the sentence does not show.
//! * **Months** ("in January"): past → the most recent January not after the publication month
//!   (so the current month counts); future → the next January not before it. "last January"
//!   is strictly before the publication month, "next March" strictly after, "this March" is in
//!   the publication year. "last/this/next month" and "N months ago" step from the publication
//!   month.
//! * **Seasons** ("last spring", "this summer", "in the fall"): "last" → the latest season
//!   instance starting before the current season's; "next" → the first starting after;
//!   "this" → the instance nearest to the current season (a tie goes the tense's way); bare
//!   ("in the summer") → the latest instance not after the current one (past) or the first not
//!   before it (future).
//! * **Relative days and weeks**: "yesterday"/"last night" = publication − 1, "today"/"tonight"
//!   = publication, "tomorrow" = + 1, "N days ago"/"in N days" step days; "last/this/next
//!   week", "N weeks ago", "in N weeks" give the Monday of the week containing publication
//!   ± 7·N days. "the day before" and "the previous day" resolve to publication − 1: they are
//!   anaphoric in wire copy (relative to a date mentioned earlier), which one sentence cannot
//!   see, so the kind is [`TimeKind::DayBefore`] for callers that know better.
//! * **Weekends** are Saturday + Sunday and resolve to the Monday of their week (precision
//!   `Week`). "last weekend" = the latest weekend whose Sunday is before publication; "next
//!   weekend" = the first whose Saturday is after it; "this weekend"/"the weekend" = the current
//!   one when published on a weekend, else the previous (past) or coming (future) one.
//! * **Years**: "this/last/next year", "early next year", "N years ago", "in N years" step from
//!   the publication year. "the end of the year" is the publication year, except in past tense
//!   in a January story (the year that just ended); "the end of the month" likewise is the
//!   previous month in past tense in the first five days of a month.
//! * **Decades**: "the 1990s", "the early 1990s"; "the '90s" is 2000 + 90 if that is not after
//!   the publication year, else 1900 + 90 (so "the '20s" in 2022 is the 2020s).
//!
//! # What counts as a time expression
//!
//! Spans exclude a leading preposition ("on", "in", "since"): "in 2014" yields the mention
//! `2014` — except in "in two days", where "in" carries the direction. A mention right after "since" has [`TimeMention::is_range_start`] set: it starts a
//! duration, and the caller decides whether the event is at its start or ongoing.
//!
//! Month and weekday names must be capitalised (or all capitals); "yesterday", "last week" and
//! other relative words may have any case. News text is full of traps, so the rules are
//! conservative — a missed date costs one field, a wrong one misdates an event:
//!
//! * A **month name** is a month when it has a day or a year ("May 5", "May 2019", "5 May"), a
//!   part or pick word ("early March", "last January", "mid-August", "the end of June"), or a
//!   preceding cue ("in", "since", "until", "by", "from", "during", "before", "after", …, or a
//!   conjunction right after another time mention: "from January to March"). "May" accepts only
//!   "in", "since", "until" and "till" as cues and never before a possessive ("in May's
//!   cabinet"), because "may attack" and Theresa May are far more common than the month. A
//!   lower-case "march" is never a month. Abbreviations ("Jan.", "Sept.", "Sep") count only in
//!   a date with a day or year.
//! * A **weekday** needs its full name; "Sun", "Wed", "Sat" count only in front of a date
//!   ("Wed., Dec. 22"). Named days ("Bloody Sunday", "Good Friday") are not weekdays.
//! * A **bare four-digit number** is a year only in 1900–2099, never when it is a quantity
//!   (`1,500`, `2.5`, `$2020`, `2020%`, `A320`), and only after a cue: "in", "since",
//!   "during", "until", "before", "after", "from", "through", "between", "early", "late", "mid-",
//!   a month or season name, "the year"; after the weaker "of", "by" and "around", or a
//!   conjunction after another time mention ("in 2014 and 2015"), the year must also be followed
//!   by punctuation, the end, a capitalised word or a function word — so "a total of 2014 people"
//!   and "won by 2014 votes" are quantities. "the 2014 election" is a year when the noun after it
//!   names an event (election, war, coup, summit, …). "until 2000 GMT" is a clock time.
//! * **Numeric dates**: ISO `2020-02-29`, and `d/m/yyyy` only when unambiguous (one part above
//!   12, or both equal); `03/04/2020` is skipped because American and British copy disagree.
//! * "the 29th" is a day of the month only after "on", "by", "since", "until", "before",
//!   "after", "from" or "for", and only when no noun follows ("on the 5th floor", "for the 19th
//!   time" are not dates).
//! * "Today" after "USA" is a newspaper.
//! * Seasons need a cue, a pick or part word, or a year; "the fall of Kabul" and "the Arab
//!   Spring" are not seasons.
//!
//! [`find`] returns mentions left to right, non-overlapping, preferring the longest match at
//! each position. It runs its own small tokenizer over any `&str` (not the pipeline's
//! [`crate::segment`] tokens) so it can be called on any sentence, and every offset is a char
//! boundary of the input: it never panics, whatever the text.

use crate::date::{days_in_month, Date};
use serde::Serialize;

/// The tense of the event's verb, which decides the direction of an ambiguous expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tense {
    Past,
    /// Treated as [`Tense::Past`].
    Present,
    Future,
}

impl Tense {
    fn forward(self) -> bool {
        self == Tense::Future
    }
}

/// How exact a resolved [`When::value`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Week,
    Month,
    Season,
    Year,
    Decade,
}

/// A day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];

    /// 0 = Monday … 6 = Sunday, as [`Date::weekday`].
    pub fn index(self) -> u8 {
        self as u8
    }
}

/// A northern-hemisphere meteorological season.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Season {
    /// March–May.
    Spring,
    /// June–August.
    Summer,
    /// September–November ("autumn" or "fall").
    Autumn,
    /// December–February, labelled by its December's year.
    Winter,
}

impl Season {
    fn start_month(self) -> u8 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Autumn => 9,
            Season::Winter => 12,
        }
    }
}

/// Which occurrence a word like "last" picks; [`Pick::Tense`] when no such word is present and
/// the tense decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pick {
    Tense,
    Last,
    This,
    Next,
}

/// The part of a period the text names. It does not change the resolved value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    Whole,
    /// "early", "the beginning of", "the start of".
    Early,
    /// "mid-", "the middle of".
    Mid,
    /// "late".
    Late,
    /// "the end of".
    End,
}

/// The unresolved form of a time expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeKind {
    /// A full date: "Feb. 29, 2020", "29 February 2020", "2020-02-29".
    Date { year: i32, month: u8, day: u8 },
    /// A month and day: "Feb. 29", "the 5th of March".
    MonthDay { month: u8, day: u8 },
    /// A day of the current, previous or next month: "on the 29th".
    DayOfMonth { day: u8 },
    /// "Thursday", "last Thursday", "Thursday night"; `week` is set for "Thursday last week"
    /// (−1), "Thursday this week" (0), "Thursday next week" (1).
    Weekday {
        day: Weekday,
        pick: Pick,
        week: Option<i8>,
    },
    /// A month without a year: "in January", "last March", "mid-May".
    Month { month: u8, pick: Pick, part: Part },
    /// "January 2020", "early March 2021".
    MonthYear { year: i32, month: u8, part: Part },
    /// "last spring", "the summer of 2021", "in the fall".
    Season {
        season: Season,
        pick: Pick,
        year: Option<i32>,
        part: Part,
    },
    /// "2014", "early 2022", "mid-2021", "the end of 2021".
    Year { year: i32, part: Part },
    /// "the 1990s", "the early 2000s".
    Decade { start: i32, part: Part },
    /// "the '90s": the century comes from the publication date.
    ShortDecade { tens: u8, part: Part },
    /// Days from publication: "yesterday" (−1), "today", "tomorrow", "two days ago", "in
    /// three days".
    Days { offset: i32 },
    /// "the day before", "the previous day": anaphoric, resolved as publication − 1.
    DayBefore,
    /// Weeks from publication: "last week" (−1), "this week", "three weeks ago".
    Weeks { offset: i32 },
    /// "last weekend", "this weekend", "the weekend".
    Weekend { pick: Pick },
    /// Months from publication: "last month" (−1), "next month", "two months ago".
    Months { offset: i32, part: Part },
    /// "the end of the month": this or the previous month, by tense.
    TheMonth { part: Part },
    /// Years from publication: "last year" (−1), "early next year", "two years ago".
    Years { offset: i32, part: Part },
    /// "the end of the year", "the beginning of the year": this or the previous year, by tense.
    TheYear { part: Part },
}

/// A time expression found in a sentence, not yet resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TimeMention {
    /// Byte offset of the first character in the sentence.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    pub kind: TimeKind,
    /// Preceded by "since": the start of a duration rather than the time of an event.
    pub is_range_start: bool,
}

/// A resolved time expression.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct When {
    /// `2021-12-23`, `2021-12-20` (a week's Monday), `2022-01`, `2021` (a season's or a year's),
    /// or `1990s`; see the module docs.
    pub value: String,
    pub precision: Precision,
    pub start: usize,
    pub end: usize,
    /// The words of the mention, as in the input.
    pub text: String,
    /// See [`TimeMention::is_range_start`].
    pub is_range_start: bool,
}

/// All time expressions in `text` (one sentence), left to right, non-overlapping, longest match
/// first at each position.
pub fn find(text: &str) -> Vec<TimeMention> {
    // (two sentences in three hold no anchor at all: a scan of the bytes tells, with no
    // tokens, no lower-case copy and no allocation)
    if !may_hold_anchor(text.as_bytes()) {
        return Vec::new();
    }
    // (the rest runs on a third of all sentences: its lower-case copy and token lists are
    // this thread's buffers from the previous sentence, not five fresh allocations)
    let mut scratch = SCRATCH.take();
    let mut lower_text = std::mem::take(&mut scratch.lower_text);
    lower_text.clear();
    lower_text.push_str(text);
    lower_text.make_ascii_lowercase();
    let mut scan = Scan::with_buffers(text, &lower_text, scratch);
    let out = scan.mentions();
    let mut scratch = scan.into_buffers();
    scratch.lower_text = lower_text;
    SCRATCH.set(scratch);
    out
}

thread_local! {
    /// [`find`]'s buffers, kept between sentences (see [`Scratch`]).
    static SCRATCH: std::cell::Cell<Scratch> = std::cell::Cell::default();
}

/// The buffers behind a [`Scan`], handed from one sentence's to the next's by [`find`] so that
/// coding a sentence allocates nothing here once they have grown to its size. Taken out of
/// [`SCRATCH`] for the call, so a call inside a call would only start with empty ones.
#[derive(Default)]
struct Scratch {
    lower_text: String,
    toks: Vec<Tok>,
    /// Always empty here: only its allocation is kept ([`recycle`]).
    lowers: Vec<Option<&'static str>>,
    names: Vec<Names>,
    anchors: Vec<usize>,
}

/// An empty vector with `v`'s allocation, for slices of another lifetime. A vector's own
/// iterator collected into a vector of the same layout reuses its buffer (the standard
/// library's in-place collection), so this allocates nothing.
fn recycle<'b>(mut v: Vec<Option<&str>>) -> Vec<Option<&'b str>> {
    v.clear();
    v.into_iter().map(|_| None).collect()
}

/// Could `text` hold an anchor of [`find`] — a number token or an [`is_anchor_word`]? `false`
/// only when [`Scan::new`] would find none (a test holds the two together). A number token is
/// a run of ASCII digits, so any digit answers `true`. An anchor word is all ASCII letters and
/// its token a maximal run of word characters, so it is also a maximal run of ASCII letters:
/// only those runs are looked at (a run that touches a non-ASCII letter may be looked up in
/// vain, which costs nothing but the look-up). This reads every byte of every sentence, so the
/// letters are found 64 bytes at a time as the bits of a mask ([`letter_mask`]), each run's
/// ends are two bit scans, and a run is looked up only when its length, first and last
/// letters are those of an anchor word ([`ANCHOR_ENDS`]).
fn may_hold_anchor(bytes: &[u8]) -> bool {
    // (a digit anywhere, first: a loop with no early exit, which the compiler turns into
    // wide vector operations, a small fraction of an instruction a byte)
    let digits = bytes
        .iter()
        .fold(0u8, |any, &b| any | u8::from(b.wrapping_sub(b'0') < 10));
    if digits != 0 {
        return true;
    }
    // (then the letter runs, a block of 64 bytes at a time; a run may go on into the next
    // block, and the last block is padded with zeros, which are no letters)
    let mut run_start: Option<usize> = None;
    for (block, chunk) in bytes.chunks(64).enumerate() {
        let base = block * 64;
        let mut padded = [0u8; 64];
        padded[..chunk.len()].copy_from_slice(chunk);
        let letters = letter_mask(&padded);
        // (the bits from `pos` on are still to be read)
        let mut pos = 0u32;
        while pos < 64 {
            let ahead = u64::MAX << pos;
            match run_start {
                Some(start) => {
                    let others = !letters & ahead;
                    if others == 0 {
                        break;
                    }
                    pos = others.trailing_zeros();
                    if anchor_run(&bytes[start..base + pos as usize]) {
                        return true;
                    }
                    run_start = None;
                }
                None => {
                    let next = letters & ahead;
                    if next == 0 {
                        break;
                    }
                    pos = next.trailing_zeros();
                    run_start = Some(base + pos as usize);
                }
            }
        }
    }
    run_start.is_some_and(|start| anchor_run(&bytes[start..]))
}

/// Bit `k` set when byte `k` is an ASCII letter (`| 0x20` lower-cases a letter and takes every
/// byte past ASCII to 0xA0 or above). Written as two loops the compiler turns into vector
/// operations: one byte a lane for the tests, then eight 0/1 bytes into eight bits by a
/// multiplication (bit `i` of the top byte is byte `i`'s; no two products meet or carry).
fn letter_mask(block: &[u8; 64]) -> u64 {
    let mut flags = [0u8; 64];
    for (f, &b) in flags.iter_mut().zip(block) {
        *f = u8::from((b | 0x20).wrapping_sub(b'a') < 26);
    }
    let mut mask = 0u64;
    for (k, eight) in flags.chunks_exact(8).enumerate() {
        let mut word = [0u8; 8];
        word.copy_from_slice(eight);
        let bits = u64::from_le_bytes(word).wrapping_mul(0x0102_0408_1020_4080) >> 56;
        mask |= bits << (8 * k);
    }
    mask
}

/// Is a maximal run of ASCII letters an anchor word, in any case?
#[inline]
fn anchor_run(run: &[u8]) -> bool {
    let n = run.len();
    if !(3..=ANCHOR_LONGEST).contains(&n) {
        return false;
    }
    // (letters only: `| 0x20` lower-cases, and `- b'a'` is then 0–25)
    let first = usize::from((run[0] | 0x20) - b'a');
    let last = (run[n - 1] | 0x20) - b'a';
    if ANCHOR_ENDS[n][first] >> last & 1 == 0 {
        return false;
    }
    let mut lower = [0u8; ANCHOR_LONGEST];
    for (l, &b) in lower.iter_mut().zip(run) {
        *l = b | 0x20;
    }
    in_anchor_list(&lower[..n])
}

/// Is `lower` (any bytes) an anchor word of [`find`] — a month, weekday or season name (full or
/// abbreviated) or a time noun, lower case ([`ANCHOR_WORDS`])? The cheap test of
/// [`ANCHOR_ENDS`] first: most words fail it and are never compared with the list.
#[inline]
fn is_anchor_word(lower: &[u8]) -> bool {
    let n = lower.len();
    if !(3..=ANCHOR_LONGEST).contains(&n) {
        return false;
    }
    let first = usize::from(lower[0].wrapping_sub(b'a'));
    let last = lower[n - 1].wrapping_sub(b'a');
    first < 26 && last < 26 && ANCHOR_ENDS[n][first] >> last & 1 != 0 && in_anchor_list(lower)
}

/// Declares the anchor words once: as the list [`ANCHOR_WORDS`] the prefilter's table is built
/// from, and as the `match` of [`in_anchor_list`] (a match compiles to a length switch and a
/// few comparisons; walking the list cost 2 % of all coding).
macro_rules! anchor_words {
    ($($w:literal),* $(,)?) => {
        /// The anchor words of [`find`] ([`is_anchor_word`]); a test checks they cover
        /// [`MONTHS`], [`MONTH_ABBR`], [`WEEKDAYS`] and [`WEEKDAY_ABBR`].
        const ANCHOR_WORDS: &[&[u8]] = &[$($w),*];

        /// `lower` is one of [`ANCHOR_WORDS`].
        fn in_anchor_list(lower: &[u8]) -> bool {
            matches!(lower, $($w)|*)
        }
    };
}

anchor_words!(
    b"january",
    b"february",
    b"march",
    b"april",
    b"may",
    b"june",
    b"july",
    b"august",
    b"september",
    b"october",
    b"november",
    b"december",
    b"jan",
    b"feb",
    b"mar",
    b"apr",
    b"jun",
    b"jul",
    b"aug",
    b"sep",
    b"sept",
    b"oct",
    b"nov",
    b"dec",
    b"monday",
    b"tuesday",
    b"wednesday",
    b"thursday",
    b"friday",
    b"saturday",
    b"sunday",
    b"mon",
    b"tue",
    b"tues",
    b"wed",
    b"thu",
    b"thur",
    b"thurs",
    b"fri",
    b"sat",
    b"sun",
    b"yesterday",
    b"today",
    b"tomorrow",
    b"tonight",
    b"morning",
    b"afternoon",
    b"evening",
    b"night",
    b"day",
    b"days",
    b"week",
    b"weeks",
    b"weekend",
    b"weekends",
    b"month",
    b"months",
    b"year",
    b"years",
    b"decade",
    b"decades",
    b"spring",
    b"summer",
    b"autumn",
    b"fall",
    b"winter",
);

/// The longest anchor word ("september", "wednesday", ...).
const ANCHOR_LONGEST: usize = 9;

/// For a length and a first letter (`a` = 0), the last letters of the anchor words with that
/// length and first letter, as bits (`a` = bit 0): most words of the text fail this and are
/// never compared with the list.
const ANCHOR_ENDS: [[u32; 26]; ANCHOR_LONGEST + 1] = {
    let mut table = [[0u32; 26]; ANCHOR_LONGEST + 1];
    let mut k = 0;
    while k < ANCHOR_WORDS.len() {
        let w = ANCHOR_WORDS[k];
        let n = w.len();
        table[n][(w[0] - b'a') as usize] |= 1 << (w[n - 1] - b'a');
        k += 1;
    }
    table
};

/// Resolve a mention found in `text` against the publication date and the event verb's tense.
/// `None` when the expression names no real date ("Feb. 30", "the 31st" of a 30-day month) or
/// the mention's offsets do not fit `text`.
pub fn resolve(m: &TimeMention, text: &str, published: Date, tense: Tense) -> Option<When> {
    let words = text.get(m.start..m.end)?;
    let (value, precision) = resolve_kind(m.kind, published, tense)?;
    Some(When {
        value,
        precision,
        start: m.start,
        end: m.end,
        text: words.to_string(),
        is_range_start: m.is_range_start,
    })
}

// ---------------------------------------------------------------------------------------------
// Resolution

fn day(d: Date) -> (String, Precision) {
    (d.to_string(), Precision::Day)
}

fn week_of(d: Date) -> (String, Precision) {
    let monday = d.add_days(-i64::from(d.weekday()));
    (monday.to_string(), Precision::Week)
}

/// Months since year 0, so month steps are integer steps.
fn month_index(year: i32, month: u8) -> i64 {
    i64::from(year) * 12 + i64::from(month) - 1
}

fn month_value(index: i64) -> Option<(String, Precision)> {
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    let month = index.rem_euclid(12) + 1;
    Some((format!("{year:04}-{month:02}"), Precision::Month))
}

fn year_value(year: i64) -> Option<(String, Precision)> {
    let y = i32::try_from(year).ok()?;
    Some((format!("{y:04}"), Precision::Year))
}

/// The latest index ≡ `target` (mod `period`) that is ≤ `limit`.
fn latest_at_most(limit: i64, target: i64, period: i64) -> i64 {
    limit - (limit - target).rem_euclid(period)
}

/// The earliest index ≡ `target` (mod `period`) that is ≥ `limit`.
fn earliest_at_least(limit: i64, target: i64, period: i64) -> i64 {
    limit + (target - limit).rem_euclid(period)
}

fn resolve_kind(kind: TimeKind, p: Date, tense: Tense) -> Option<(String, Precision)> {
    let fwd = tense.forward();
    let pub_month = month_index(p.year, p.month);
    match kind {
        TimeKind::Date {
            year,
            month,
            day: d,
        } => Date::new(year, month, d).map(day),
        TimeKind::MonthDay { month, day: d } => {
            let now = p.to_days();
            let years = p.year.saturating_sub(4)..=p.year.saturating_add(4);
            let candidates = years.filter_map(|y| Date::new(y, month, d));
            let pick = if fwd {
                candidates.filter(|c| c.to_days() >= now - 1).min()
            } else {
                candidates.filter(|c| c.to_days() <= now + 1).max()
            };
            pick.map(day)
        }
        TimeKind::DayOfMonth { day: d } => {
            let index = if fwd {
                pub_month + i64::from(u16::from(d) + 1 < u16::from(p.day))
            } else {
                pub_month - i64::from(u16::from(d) > u16::from(p.day) + 1)
            };
            let year = i32::try_from(index.div_euclid(12)).ok()?;
            let month = (index.rem_euclid(12) + 1) as u8;
            Date::new(year, month, d).map(day)
        }
        TimeKind::Weekday {
            day: wd,
            pick,
            week,
        } => {
            let today = i64::from(p.weekday());
            let target = i64::from(wd.index());
            let offset = if let Some(w) = week {
                -today + 7 * i64::from(w) + target
            } else {
                let back = (today - target).rem_euclid(7);
                let ahead = (target - today).rem_euclid(7);
                match pick {
                    Pick::Last => -(if back == 0 { 7 } else { back }),
                    Pick::Next => {
                        if ahead == 0 {
                            7
                        } else {
                            ahead
                        }
                    }
                    Pick::This | Pick::Tense if fwd => ahead,
                    Pick::This | Pick::Tense => -back,
                }
            };
            Some(day(p.add_days(offset)))
        }
        TimeKind::Month { month, pick, .. } => {
            let target = i64::from(month) - 1;
            let index = match pick {
                Pick::Last => latest_at_most(pub_month - 1, target, 12),
                Pick::Next => earliest_at_least(pub_month + 1, target, 12),
                Pick::This => month_index(p.year, month),
                Pick::Tense if fwd => earliest_at_least(pub_month, target, 12),
                Pick::Tense => latest_at_most(pub_month, target, 12),
            };
            month_value(index)
        }
        TimeKind::MonthYear { year, month, .. } => {
            (1..=12).contains(&month).then_some(())?;
            month_value(month_index(year, month))
        }
        TimeKind::Season {
            season, pick, year, ..
        } => {
            if let Some(y) = year {
                return Some((format!("{y:04}"), Precision::Season));
            }
            // Season instances are indexed by their first month; the current one starts at
            // the last March, June, September or December not after the publication month.
            let current = pub_month - (pub_month - 2).rem_euclid(3);
            let target = i64::from(season.start_month()) - 1;
            let index = match pick {
                Pick::Last => latest_at_most(current - 1, target, 12),
                Pick::Next => earliest_at_least(current + 1, target, 12),
                Pick::Tense if fwd => earliest_at_least(current, target, 12),
                Pick::Tense => latest_at_most(current, target, 12),
                Pick::This => {
                    let before = latest_at_most(current, target, 12);
                    let after = earliest_at_least(current, target, 12);
                    match (current - before).cmp(&(after - current)) {
                        std::cmp::Ordering::Less => before,
                        std::cmp::Ordering::Greater => after,
                        std::cmp::Ordering::Equal if fwd => after,
                        std::cmp::Ordering::Equal => before,
                    }
                }
            };
            let (y, _) = year_value(index.div_euclid(12))?;
            Some((y, Precision::Season))
        }
        TimeKind::Year { year, .. } => year_value(i64::from(year)),
        TimeKind::Decade { start, .. } => Some((format!("{start}s"), Precision::Decade)),
        TimeKind::ShortDecade { tens, .. } => {
            let modern = 2000 + i32::from(tens);
            let start = if modern <= p.year {
                modern
            } else {
                1900 + i32::from(tens)
            };
            Some((format!("{start}s"), Precision::Decade))
        }
        TimeKind::Days { offset } => Some(day(p.add_days(i64::from(offset)))),
        TimeKind::DayBefore => Some(day(p.add_days(-1))),
        TimeKind::Weeks { offset } => Some(week_of(p.add_days(7 * i64::from(offset)))),
        TimeKind::Weekend { pick } => {
            let today = i64::from(p.weekday());
            // The Saturday on or before publication, and the first one after it.
            let sat_before = p.add_days(-(today - 5).rem_euclid(7));
            let sat_after = p.add_days(match (5 - today).rem_euclid(7) {
                0 => 7,
                n => n,
            });
            let in_weekend = today >= 5;
            let sat = match pick {
                Pick::Last if in_weekend => sat_before.add_days(-7),
                Pick::Last => sat_before,
                Pick::Next => sat_after,
                Pick::This | Pick::Tense if in_weekend => sat_before,
                Pick::This | Pick::Tense if fwd => sat_after,
                Pick::This | Pick::Tense => sat_before,
            };
            Some(week_of(sat))
        }
        TimeKind::Months { offset, .. } => month_value(pub_month + i64::from(offset)),
        TimeKind::TheMonth { part } => {
            let back = part == Part::End && !fwd && p.day <= 5;
            month_value(pub_month - i64::from(back))
        }
        TimeKind::Years { offset, .. } => year_value(i64::from(p.year) + i64::from(offset)),
        TimeKind::TheYear { part } => {
            let back = part == Part::End && !fwd && p.month == 1;
            year_value(i64::from(p.year) - i64::from(back))
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Tokens

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A run of letters (any script).
    Word,
    /// A run of ASCII digits; "29th" is `29` + `th`, "1990s" is `1990` + `s`.
    Num,
    /// One other non-space character.
    Punct,
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
    kind: Kind,
}

fn tokenize(text: &str, toks: &mut Vec<Tok>) {
    let bytes = text.as_bytes();
    toks.clear();
    toks.reserve(text.len() / 4 + 1);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let (kind, len) = if b.is_ascii() {
            (ASCII_KIND[usize::from(b)], 1)
        } else {
            let Some(k) = char_kind(text, i) else {
                break;
            };
            k
        };
        let Some(kind) = kind else {
            i += len;
            continue;
        };
        // a word or a number runs on while its kind does; punctuation is one character
        // (an ASCII byte is read from the table alone: this loop sees every byte of the text)
        let mut end = i + len;
        if kind != Kind::Punct {
            while let Some(&b) = bytes.get(end) {
                if b.is_ascii() {
                    if ASCII_KIND[usize::from(b)] != Some(kind) {
                        break;
                    }
                    end += 1;
                    continue;
                }
                match char_kind(text, end) {
                    Some((Some(k), l)) if k == kind => end += l,
                    _ => break,
                }
            }
        }
        toks.push(Tok {
            start: i,
            end,
            kind,
        });
        i = end;
    }
}

/// The kind of each ASCII byte (`None`: white space), as [`char_kind`] gives it.
const ASCII_KIND: [Option<Kind>; 128] = {
    let mut table = [Some(Kind::Punct); 128];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b'0'..=b'9' => Some(Kind::Num),
            b'a'..=b'z' | b'A'..=b'Z' => Some(Kind::Word),
            b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' => None,
            _ => Some(Kind::Punct),
        };
        b += 1;
    }
    table
};

/// The kind of the character at byte `i` of `text` (`None`: white space) and its length; `None`
/// at the end. An ASCII byte is its own character and is classified without decoding (news
/// text is nearly all ASCII); a test holds this to the `char` methods.
fn char_kind(text: &str, i: usize) -> Option<(Option<Kind>, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b.is_ascii() {
        return Some((ASCII_KIND[usize::from(b)], 1));
    }
    let c = text.get(i..)?.chars().next()?;
    let kind = if c.is_alphanumeric() {
        Some(Kind::Word)
    } else if c.is_whitespace() {
        None
    } else {
        Some(Kind::Punct)
    };
    Some((kind, c.len_utf8()))
}

// ---------------------------------------------------------------------------------------------
// Word lists

/// How far into an expression its first anchor may lie ("the end of the year": 5th token).
const ANCHOR_REACH: usize = 6;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The date of the dateline that opens a story — "ALMATY, May 11, 2024 (Reuters) - ...",
/// "KYIV, October 17, 2024 - ...", "WASHINGTON, D.C., Jan. 3, 2025 -": the date its writer
/// gave it. Looked for at the start of the first two non-empty lines (the first may be the
/// headline). The place is one to five words without a lower-case letter; only a date with
/// its year is taken, so "PARIS, May 3 (Reuters) -" lends nothing, and the date must be
/// followed by the dash (after an agency in brackets, if any) that ends a dateline. (Read
/// from the raw text when a document is ingested, before any tokenizing; the coder finds the
/// dateline's place on tokens with `annotate::dateline_end`.)
pub fn dateline_date(text: &str) -> Option<Date> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(2)
        .find_map(dateline_date_of_line)
}

fn dateline_date_of_line(line: &str) -> Option<Date> {
    // the place: a name without lower case, then perhaps its country or state ("SYLHET,
    // Bangladesh,", "WASHINGTON, D.C.,")
    let (place, mut rest) = line.split_once(',')?;
    let place = place.trim();
    let is_place = !place.is_empty()
        && place.len() <= 40
        && place.split_whitespace().count() <= 5
        && place.chars().any(char::is_uppercase)
        && !place.chars().any(char::is_lowercase);
    if !is_place {
        return None;
    }
    if let Some((region, after)) = rest.split_once(',') {
        let words: Vec<&str> = region.split_whitespace().collect();
        let is_region = (1..=3).contains(&words.len())
            && words
                .iter()
                .all(|w| w.starts_with(|c: char| c.is_uppercase()))
            && !MONTHS.contains(&words[0])
            && !MONTH_ABBR
                .iter()
                .any(|(a, _)| *a == words[0].trim_end_matches('.'));
        if is_region {
            rest = after;
        }
    }
    let (month_word, rest) = rest.trim_start().split_once(char::is_whitespace)?;
    let month_word = month_word.trim_end_matches('.');
    let month = MONTHS
        .iter()
        .position(|m| *m == month_word)
        .map(|k| k as u8 + 1)
        .or_else(|| {
            MONTH_ABBR
                .iter()
                .find(|(a, _)| *a == month_word)
                .map(|&(_, m)| m)
        })?;
    let (day_word, rest) = rest.trim_start().split_once(char::is_whitespace)?;
    let day: u8 = day_word.trim_end_matches(',').parse().ok()?;
    let rest = rest.trim_start();
    let year: i32 = rest
        .get(..4)
        .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))?
        .parse()
        .ok()?;
    // what follows the year: an agency in brackets, then the dash
    let mut tail = rest[4..].trim_start();
    if tail.starts_with('(') {
        tail = tail[tail.find(')')? + 1..].trim_start();
    }
    if !tail.starts_with(['-', '\u{2013}', '\u{2014}']) || !(1900..=2100).contains(&year) {
        return None;
    }
    Date::new(year, month, day)
}

const MONTH_ABBR: &[(&str, u8)] = &[
    ("Jan", 1),
    ("Feb", 2),
    ("Mar", 3),
    ("Apr", 4),
    ("Jun", 6),
    ("Jul", 7),
    ("Aug", 8),
    ("Sep", 9),
    ("Sept", 9),
    ("Oct", 10),
    ("Nov", 11),
    ("Dec", 12),
];

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

const WEEKDAY_ABBR: &[(&str, u8)] = &[
    ("Mon", 0),
    ("Tue", 1),
    ("Tues", 1),
    ("Wed", 2),
    ("Thu", 3),
    ("Thur", 3),
    ("Thurs", 3),
    ("Fri", 4),
    ("Sat", 5),
    ("Sun", 6),
];

/// Capitalised words that make a weekday the name of a day in history or the calendar.
const NAMED_DAYS: &[&str] = &[
    "Bloody", "Good", "Black", "Super", "Ash", "Palm", "Easter", "Holy", "Cyber", "Maundy",
    "Shrove",
];

/// Words before a month name that make it a month.
const MONTH_CUES: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "from",
    "through",
    "during",
    "before",
    "after",
    "between",
    "throughout",
];

/// "May" is a modal verb and a surname far more often than a month.
const MAY_CUES: &[&str] = &["in", "since", "until", "till"];

const SEASON_CUES: &[&str] = &[
    "in",
    "during",
    "over",
    "since",
    "until",
    "till",
    "by",
    "through",
    "throughout",
    "before",
    "after",
    "for",
    "from",
];

/// Cues after which a four-digit number is a year whatever follows.
const YEAR_CUES: &[&str] = &[
    "in",
    "since",
    "during",
    "until",
    "till",
    "before",
    "after",
    "from",
    "through",
    "throughout",
    "between",
    "circa",
];

/// Cues after which a four-digit number is a year only if no noun follows.
const WEAK_YEAR_CUES: &[&str] = &["of", "by", "around"];

/// Lower-case words that may follow a year without making it a quantity.
const AFTER_YEAR: &[&str] = &[
    "and",
    "or",
    "to",
    "when",
    "after",
    "before",
    "as",
    "at",
    "the",
    "but",
    "in",
    "on",
    "with",
    "for",
    "from",
    "until",
    "while",
    "through",
    "amid",
    "during",
    "despite",
    "against",
    "under",
    "over",
    "that",
    "which",
    "where",
    "he",
    "she",
    "they",
    "it",
    "we",
    "a",
    "an",
    "his",
    "her",
    "their",
    "its",
    "is",
    "was",
    "were",
    "are",
    "had",
    "has",
    "have",
    "will",
    "would",
    "there",
    "because",
    "following",
];

/// Nouns that make "the 2014 …" a year: the name of an event.
const EVENT_NOUNS: &[&str] = &[
    "election",
    "elections",
    "vote",
    "referendum",
    "poll",
    "polls",
    "war",
    "coup",
    "revolution",
    "uprising",
    "invasion",
    "annexation",
    "agreement",
    "accord",
    "accords",
    "deal",
    "treaty",
    "ceasefire",
    "truce",
    "summit",
    "protest",
    "protests",
    "crisis",
    "attack",
    "attacks",
    "bombing",
    "bombings",
    "massacre",
    "talks",
    "budget",
    "census",
    "campaign",
    "offensive",
    "olympics",
    "games",
    "world",
];

/// Words before "the 29th" that make it a day of the month.
const DAY_CUES: &[&str] = &[
    "on", "by", "since", "until", "till", "before", "after", "from", "for",
];

const CLOCK_WORDS: &[&str] = &["gmt", "utc", "hours", "hrs", "h", "local"];

const COUNT_WORDS: &[(&str, u32)] = &[
    ("a", 1),
    ("an", 1),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
];

/// `w` is `name` capitalised or in all capitals.
fn titled(w: &str, name: &str) -> bool {
    w == name
        || (w.len() > 1
            && w.bytes().all(|b| b.is_ascii_uppercase())
            && w.eq_ignore_ascii_case(name))
}

fn max_day(month: u8) -> u8 {
    days_in_month(2000, month)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Unit {
    Day,
    Week,
    Month,
    Year,
}

// ---------------------------------------------------------------------------------------------
// Matching

/// The calendar names a token spells, found once per sentence rather than by every matcher
/// that looks at the token (each of the ten matchers tried at a position used to walk the
/// month and weekday lists again). Only a word starting with an ASCII capital can be one (see
/// [`titled`]), so other tokens are not looked up at all.
#[derive(Clone, Copy, Default)]
struct Names {
    /// 1–12: a month's full name ([`MONTHS`]).
    month: u8,
    /// 1–12: a month's abbreviation ([`MONTH_ABBR`]).
    month_abbr: u8,
    /// 1–7: a weekday's full name ([`WEEKDAYS`], index + 1).
    weekday: u8,
    /// A weekday abbreviation ([`WEEKDAY_ABBR`]).
    weekday_abbr: bool,
}

impl Names {
    /// The names word `w` (lower case `lower`) spells. Every name is an anchor word (a test
    /// checks), which a `match` tells cheaply; the lists are walked only for those.
    fn of(w: &str, lower: &str) -> Names {
        if !w.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
            || !is_anchor_word(lower.as_bytes())
        {
            return Names::default();
        }
        let index = |k: Option<usize>| k.map_or(0, |k| k as u8 + 1);
        Names {
            month: index(MONTHS.iter().position(|m| titled(w, m))),
            month_abbr: MONTH_ABBR
                .iter()
                .find(|(a, _)| titled(w, a))
                .map_or(0, |&(_, m)| m),
            weekday: index(WEEKDAYS.iter().position(|d| titled(w, d))),
            weekday_abbr: WEEKDAY_ABBR.iter().any(|(a, _)| titled(w, a)),
        }
    }
}

struct Scan<'a> {
    text: &'a str,
    toks: Vec<Tok>,
    /// Each word token in ASCII lower case (`None` for numbers and punctuation): its span of
    /// the sentence's lower-cased copy, so word lists are matched against these instead of
    /// lower-casing the word at every test. Sliced once here: the matchers ask for the same
    /// words again and again at every position they try.
    lowers: Vec<Option<&'a str>>,
    /// The calendar names of each token (index-aligned with `toks`).
    names: Vec<Names>,
    /// The anchor tokens, ascending (see [`find`]): numbers and [`is_anchor_word`]s.
    anchors: Vec<usize>,
    /// Token index just past the previous mention, for "January and March", "2014 to 2016".
    last_end: Option<usize>,
    /// The last number token: the rules that read a number at or after their start (dates,
    /// years, decades) are not tried past it. Most sentences' anchors are words ("on
    /// Tuesday", "last week"), and those rules were most of the matching at their positions.
    last_num: Option<usize>,
}

type Match = Option<(usize, TimeKind)>;

// The rules of [`Scan::match_at`], as bits of [`Scan::starts`].
const EXPLICIT: u16 = 1;
const MONTH: u16 = 1 << 1;
const DAY_OF_MONTH: u16 = 1 << 2;
const WEEKDAY: u16 = 1 << 3;
const RELATIVE_DAY: u16 = 1 << 4;
const COUNTED: u16 = 1 << 5;
const RELATIVE_PERIOD: u16 = 1 << 6;
const SEASON: u16 = 1 << 7;
const DECADE: u16 = 1 << 8;
const YEAR: u16 = 1 << 9;

impl<'a> Scan<'a> {
    /// `lower_text` is `text.to_ascii_lowercase()`.
    #[cfg(test)]
    fn new(text: &'a str, lower_text: &'a str) -> Scan<'a> {
        Scan::with_buffers(text, lower_text, Scratch::default())
    }

    /// [`Scan::new`] in `scratch`'s buffers (its `lower_text` is not used).
    fn with_buffers(text: &'a str, lower_text: &'a str, scratch: Scratch) -> Scan<'a> {
        let Scratch {
            mut toks,
            lowers,
            mut names,
            mut anchors,
            ..
        } = scratch;
        tokenize(text, &mut toks);
        // (one pass over the tokens for their lower case, anchors and names: this runs on every
        // sentence, and most tokens are none of these)
        let mut lowers = recycle(lowers);
        lowers.reserve(toks.len());
        names.clear();
        names.reserve(toks.len());
        anchors.clear();
        let mut last_num = None;
        for (k, t) in toks.iter().enumerate() {
            let lower = if t.kind == Kind::Word {
                lower_text.get(t.start..t.end)
            } else {
                None
            };
            let mut name = Names::default();
            match lower {
                // (`anchor_word` rules most words out by length and end letters)
                Some(w) if is_anchor_word(w.as_bytes()) => {
                    anchors.push(k);
                    if let Some(word) = text.get(t.start..t.end) {
                        name = Names::of(word, w);
                    }
                }
                None if t.kind == Kind::Num => {
                    anchors.push(k);
                    last_num = Some(k);
                }
                _ => {}
            }
            lowers.push(lower);
            names.push(name);
        }
        Scan {
            text,
            toks,
            lowers,
            names,
            anchors,
            last_end: None,
            last_num,
        }
    }

    /// The buffers back, for the next sentence's [`Scan::with_buffers`].
    fn into_buffers(self) -> Scratch {
        Scratch {
            lower_text: String::new(),
            toks: self.toks,
            lowers: recycle(self.lowers),
            names: self.names,
            anchors: self.anchors,
        }
    }

    /// The mentions of [`find`], left to right.
    fn mentions(&mut self) -> Vec<TimeMention> {
        // Every expression holds an anchor — a number, a month, weekday or season name, or a
        // time noun — within its first few tokens ("the end of the year"); tokens with no
        // anchor ahead cannot start one, and skipping them keeps the matchers off most of the
        // text.
        let mut out = Vec::new();
        if self.anchors.is_empty() {
            return out;
        }
        let anchors = std::mem::take(&mut self.anchors);
        let mut next_anchor = 0;
        let mut i = 0;
        while i < self.toks.len() {
            while next_anchor < anchors.len() && anchors[next_anchor] < i {
                next_anchor += 1;
            }
            match anchors.get(next_anchor) {
                None => break,
                Some(&a) if a >= i + ANCHOR_REACH => {
                    i = a + 1 - ANCHOR_REACH;
                    continue;
                }
                _ => {}
            }
            match self.match_at(i) {
                Some((end, kind)) if end > i => {
                    let last = end.min(self.toks.len()) - 1;
                    let (start, stop) = (self.toks[i].start, self.toks[last].end);
                    out.push(TimeMention {
                        start,
                        end: stop,
                        kind,
                        is_range_start: i > 0 && self.is(i - 1, "since"),
                    });
                    self.last_end = Some(last + 1);
                    i = last + 1;
                }
                _ => i += 1,
            }
        }
        self.anchors = anchors;
        out
    }

    fn tok(&self, i: usize) -> Option<Tok> {
        self.toks.get(i).copied()
    }

    fn slice(&self, i: usize) -> Option<&'a str> {
        let t = self.tok(i)?;
        self.text.get(t.start..t.end)
    }

    fn word(&self, i: usize) -> Option<&'a str> {
        (self.tok(i)?.kind == Kind::Word).then(|| self.slice(i))?
    }

    /// Word `i` in ASCII lower case.
    fn lower(&self, i: usize) -> Option<&'a str> {
        self.lowers.get(i).copied().flatten()
    }

    /// Word `i` is `w` in any case. Every `w` is lower case, so this is the word's lower case
    /// equal to `w`.
    fn is(&self, i: usize, w: &str) -> bool {
        self.lower(i) == Some(w)
    }

    fn is_any(&self, i: usize, ws: &[&str]) -> bool {
        self.lower(i).is_some_and(|x| ws.contains(&x))
    }

    fn prev_is_any(&self, i: usize, ws: &[&str]) -> bool {
        i > 0 && self.is_any(i - 1, ws)
    }

    fn punct(&self, i: usize, set: &str) -> bool {
        self.tok(i).is_some_and(|t| t.kind == Kind::Punct)
            && self.slice(i).is_some_and(|s| set.contains(s))
    }

    /// Token `i` ends where token `i + 1` starts.
    fn adj(&self, i: usize) -> bool {
        match (self.tok(i), self.tok(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    fn adj_punct(&self, i: usize, set: &str) -> bool {
        self.adj(i) && self.punct(i + 1, set)
    }

    /// Digits at `i`: value and digit count.
    fn raw_num(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tok(i)?;
        if t.kind != Kind::Num || t.end - t.start > 9 {
            return None;
        }
        Some((self.slice(i)?.parse().ok()?, t.end - t.start))
    }

    /// The number at `i` is part of an amount or a code: `1,500`, `2.5`, `$2020`, `20%`, `A320`.
    fn quantity(&self, i: usize) -> bool {
        if i > 0 && self.adj(i - 1) {
            if self.punct(i - 1, "$£€¥#") || self.word(i - 1).is_some() {
                return true;
            }
            if self.punct(i - 1, ",.") && i > 1 && self.adj(i - 2) && self.raw_num(i - 2).is_some()
            {
                return true;
            }
        }
        if self.adj(i) {
            if self.punct(i + 1, "%") {
                return true;
            }
            if self.punct(i + 1, ",.") && self.adj(i + 1) && self.raw_num(i + 2).is_some() {
                return true;
            }
        }
        false
    }

    /// Token `i` directly follows the previous mention through a conjunction or dash.
    fn chained(&self, i: usize) -> bool {
        i >= 1
            && self.last_end == Some(i - 1)
            && (self.is_any(i - 1, &["and", "or", "to", "through", "until", "till"])
                || self.punct(i - 1, "-–—"))
    }

    fn match_at(&self, i: usize) -> Match {
        // (only the rules that can start with the token at `i` are tried: see `starts`; most
        // tokens start none, and need not fill and walk the ten candidates)
        let starts = self.starts(i);
        if starts == 0 {
            return None;
        }
        // (each of these needs a number token at `i` or after: `day_at`, `year_at`, `raw_num`)
        let number_ahead = self.last_num.is_some_and(|k| k >= i);
        let rule = |r: u16| starts & r != 0;
        let candidates = [
            (number_ahead && rule(EXPLICIT))
                .then(|| self.explicit_date(i))
                .flatten(),
            rule(MONTH).then(|| self.month_expr(i)).flatten(),
            rule(DAY_OF_MONTH).then(|| self.day_of_month(i)).flatten(),
            rule(WEEKDAY).then(|| self.weekday_expr(i)).flatten(),
            rule(RELATIVE_DAY).then(|| self.relative_day(i)).flatten(),
            rule(COUNTED).then(|| self.counted(i)).flatten(),
            rule(RELATIVE_PERIOD)
                .then(|| self.relative_period(i))
                .flatten(),
            rule(SEASON).then(|| self.season_expr(i)).flatten(),
            (number_ahead && rule(DECADE))
                .then(|| self.decade_expr(i))
                .flatten(),
            (number_ahead && rule(YEAR))
                .then(|| self.year_expr(i))
                .flatten(),
        ];
        longest_match(candidates)
    }

    /// Every rule [`Scan::match_at`] tries, at every position (a test holds the rules that
    /// [`Scan::starts`] lets through to this).
    #[cfg(test)]
    fn match_at_every_rule(&self, i: usize) -> Match {
        let candidates = [
            self.explicit_date(i),
            self.month_expr(i),
            self.day_of_month(i),
            self.weekday_expr(i),
            self.relative_day(i),
            self.counted(i),
            self.relative_period(i),
            self.season_expr(i),
            self.decade_expr(i),
            self.year_expr(i),
        ];
        longest_match(candidates)
    }

    /// The rules that can match starting at token `i`, by what each rule reads first: a number
    /// (dates, counts, decades, years), a month or weekday name, an apostrophe ("the '90s"), or
    /// one of a few words ("the", "last", "early", "in", "yesterday", ...). Most tokens near an
    /// anchor start no rule, and trying all ten at each was most of the matching.
    fn starts(&self, i: usize) -> u16 {
        let Some(t) = self.tok(i) else {
            return 0;
        };
        match t.kind {
            Kind::Num => EXPLICIT | COUNTED | DECADE | YEAR,
            Kind::Punct => {
                if self.punct(i, "'’") {
                    DECADE
                } else {
                    0
                }
            }
            Kind::Word => {
                let names = self.names.get(i).copied().unwrap_or_default();
                let mut rules = 0;
                if names.weekday > 0 || names.weekday_abbr {
                    rules |= EXPLICIT;
                }
                if names.weekday > 0 {
                    rules |= WEEKDAY;
                }
                if names.month > 0 || names.month_abbr > 0 {
                    rules |= EXPLICIT | MONTH;
                }
                // `part_at`'s words start the rules that take a part of a period
                const PART: u16 = MONTH | RELATIVE_PERIOD | SEASON | DECADE | YEAR;
                // `pick_at`'s
                const PICK: u16 = MONTH | WEEKDAY | RELATIVE_PERIOD | SEASON;
                rules
                    | match self.lower(i).unwrap_or("") {
                        "the" => PART | EXPLICIT | DAY_OF_MONTH | RELATIVE_DAY,
                        "early" | "late" => PART | WEEKDAY,
                        "mid" | "end" | "beginning" | "start" | "middle" => PART,
                        "last" | "this" => PICK | RELATIVE_DAY,
                        "next" => PICK,
                        "earlier" | "later" => RELATIVE_DAY | RELATIVE_PERIOD,
                        "yesterday" | "today" | "tomorrow" | "tonight" => RELATIVE_DAY,
                        "in" | "a" | "an" | "one" | "two" | "three" | "four" | "five" | "six"
                        | "seven" | "eight" | "nine" | "ten" | "eleven" | "twelve" => COUNTED,
                        "spring" | "summer" | "autumn" | "fall" | "winter" => SEASON,
                        _ => 0,
                    }
            }
        }
    }

    // --- pieces -------------------------------------------------------------------------------

    /// A month name (or, with `abbr`, an abbreviation with optional period).
    fn month_at(&self, i: usize, abbr: bool) -> Option<(u8, usize, bool)> {
        let names = self.names.get(i)?;
        if names.month > 0 {
            return Some((names.month, i + 1, false));
        }
        if abbr && names.month_abbr > 0 {
            let next = if self.adj_punct(i, ".") { i + 2 } else { i + 1 };
            return Some((names.month_abbr, next, true));
        }
        None
    }

    fn weekday_full(&self, i: usize) -> Option<(Weekday, usize)> {
        let k = usize::from(self.names.get(i)?.weekday).checked_sub(1)?;
        if i > 0 && self.word(i - 1).is_some_and(|p| NAMED_DAYS.contains(&p)) {
            return None;
        }
        Some((Weekday::ALL[k], i + 1))
    }

    /// A weekday name or abbreviation, for the prefix of an explicit date.
    fn weekday_any(&self, i: usize) -> Option<usize> {
        if let Some((_, next)) = self.weekday_full(i) {
            return Some(next);
        }
        if !self.names.get(i)?.weekday_abbr {
            return None;
        }
        Some(if self.adj_punct(i, ".") { i + 2 } else { i + 1 })
    }

    /// A day number 1–31, with an optional ordinal suffix: value, next index, had suffix.
    fn day_at(&self, i: usize) -> Option<(u8, usize, bool)> {
        let (v, len) = self.raw_num(i)?;
        if len > 2 || !(1..=31).contains(&v) || self.quantity(i) {
            return None;
        }
        if self.adj(i) {
            if self.is_any(i + 1, &["st", "nd", "rd", "th"]) {
                return Some((v as u8, i + 2, true));
            }
            if self.word(i + 1).is_some() || self.punct(i + 1, ":") {
                return None;
            }
        }
        Some((v as u8, i + 1, false))
    }

    /// A four-digit year in `lo..=hi` that is not an amount, a clock time or a decade.
    fn year_at(&self, i: usize, lo: u32, hi: u32) -> Option<(i32, usize)> {
        let (v, len) = self.raw_num(i)?;
        if len != 4 || !(lo..=hi).contains(&v) || self.quantity(i) {
            return None;
        }
        if self.adj(i) && (self.word(i + 1).is_some() || self.punct(i + 1, ":'’")) {
            return None;
        }
        if self.is_any(i + 1, CLOCK_WORDS) {
            return None;
        }
        Some((v as i32, i + 1))
    }

    /// The year of an explicit date: `, 2020` or ` 2020`.
    fn date_year(&self, i: usize) -> Option<(i32, usize)> {
        let j = if self.punct(i, ",") { i + 1 } else { i };
        self.year_at(j, 1000, 2999)
    }

    fn pick_at(&self, i: usize) -> Option<(Pick, usize)> {
        let pick = match self.lower(i)? {
            "last" => Pick::Last,
            "this" => Pick::This,
            "next" => Pick::Next,
            _ => return None,
        };
        Some((pick, i + 1))
    }

    /// "early", "late", "mid-", "the end of", "the beginning of", "the start of", "the middle of".
    fn part_at(&self, i: usize) -> Option<(Part, usize)> {
        if self.is(i, "early") {
            return Some((Part::Early, i + 1));
        }
        if self.is(i, "late") {
            return Some((Part::Late, i + 1));
        }
        if self.is(i, "mid") {
            let next = if self.adj_punct(i, "-–") {
                i + 2
            } else {
                i + 1
            };
            return Some((Part::Mid, next));
        }
        let j = if self.is(i, "the") { i + 1 } else { i };
        let part = match self.lower(j)? {
            "end" => Part::End,
            "beginning" | "start" => Part::Early,
            "middle" => Part::Mid,
            _ => return None,
        };
        self.is(j + 1, "of").then_some((part, j + 2))
    }

    /// A small count: digits or a number word ("a", "two", "12").
    fn count_at(&self, i: usize) -> Option<(u32, usize)> {
        if let Some((v, _)) = self.raw_num(i) {
            return (!self.quantity(i) && (1..=1000).contains(&v)).then_some((v, i + 1));
        }
        let w = self.word(i)?;
        let &(_, n) = COUNT_WORDS
            .iter()
            .find(|(c, _)| w.eq_ignore_ascii_case(c))?;
        Some((n, i + 1))
    }

    fn unit_at(&self, i: usize) -> Option<Unit> {
        Some(match self.lower(i)? {
            "day" | "days" => Unit::Day,
            "week" | "weeks" => Unit::Week,
            "month" | "months" => Unit::Month,
            "year" | "years" => Unit::Year,
            _ => return None,
        })
    }

    /// Nothing, punctuation, a capitalised word or a function word follows token `i - 1`.
    fn clean_follow(&self, i: usize) -> bool {
        match self.tok(i) {
            None => true,
            Some(t) if t.kind == Kind::Punct => true,
            Some(t) if t.kind == Kind::Num => false,
            Some(_) => {
                let w = self.word(i).unwrap_or("");
                w.chars().next().is_some_and(char::is_uppercase) || self.is_any(i, AFTER_YEAR)
            }
        }
    }

    // --- matchers ------------------------------------------------------------------------------

    /// "[Thursday,] Dec. 23[, 2021]", "[the] 5th [of] March [2020]", "2020-02-29", "29/02/2020".
    fn explicit_date(&self, i: usize) -> Match {
        if let Some(j) = self.weekday_any(i) {
            let j = if self.punct(j, ",") { j + 1 } else { j };
            return self.bare_date(j);
        }
        self.bare_date(i)
    }

    fn bare_date(&self, i: usize) -> Match {
        if let Some(m) = self.numeric_date(i) {
            return Some(m);
        }
        if let Some((month, j, _)) = self.month_at(i, true) {
            let (d, k, _) = self.day_at(j)?;
            return self.finish_date(month, d, self.range_end(d, k));
        }
        let the = self.is(i, "the");
        let j = i + usize::from(the);
        let (d, k, ordinal) = self.day_at(j)?;
        let k = self.range_end(d, k);
        let of = self.is(k, "of");
        if (the || of) && !ordinal {
            return None;
        }
        let (month, k2, _) = self.month_at(k + usize::from(of), true)?;
        self.finish_date(month, d, k2)
    }

    /// Past the second day of a range like "July 15-16" or "12–13 December", when there is one;
    /// the range resolves to its first day.
    fn range_end(&self, first: u8, k: usize) -> usize {
        if self.punct(k, "-–") {
            if let Some((second, e, _)) = self.day_at(k + 1) {
                if second > first {
                    return e;
                }
            }
        }
        k
    }

    fn finish_date(&self, month: u8, day: u8, k: usize) -> Match {
        if day > max_day(month) {
            return None;
        }
        if let Some((year, e)) = self.date_year(k) {
            return Some((e, TimeKind::Date { year, month, day }));
        }
        Some((k, TimeKind::MonthDay { month, day }))
    }

    /// ISO `2020-02-29` and unambiguous `29/02/2020`; the date must exist.
    fn numeric_date(&self, i: usize) -> Match {
        // (no vector of the three numbers: this runs at every position a date is tried)
        let (Some(a), Some(b), Some(c)) =
            (self.raw_num(i), self.raw_num(i + 2), self.raw_num(i + 4))
        else {
            return None;
        };
        if !(i..i + 4).all(|k| self.adj(k)) {
            return None;
        }
        if i > 0 && self.adj(i - 1) && !self.punct(i - 1, "(\"'“‘[") {
            return None;
        }
        if self.adj(i + 4) && !self.punct(i + 5, ",.;:)\"'”’]!?") {
            return None;
        }
        let (year, month, day) = if self.punct(i + 1, "-") && self.punct(i + 3, "-") {
            if a.1 != 4 || b.1 != 2 || c.1 != 2 {
                return None;
            }
            (a.0, b.0, c.0)
        } else if self.punct(i + 1, "/") && self.punct(i + 3, "/") {
            if a.1 > 2 || b.1 > 2 || c.1 != 4 {
                return None;
            }
            match (a.0 > 12, b.0 > 12) {
                (true, false) => (c.0, b.0, a.0),
                (false, true) => (c.0, a.0, b.0),
                (false, false) if a.0 == b.0 => (c.0, a.0, b.0),
                _ => return None,
            }
        } else {
            return None;
        };
        let (year, month, day) = (
            i32::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        );
        Date::new(year, month, day)?;
        Some((i + 5, TimeKind::Date { year, month, day }))
    }

    /// "[part] [pick] January [[of] 2020]" — a month without a day.
    fn month_expr(&self, i: usize) -> Match {
        let (part, j) = self.part_at(i).unwrap_or((Part::Whole, i));
        let (pick, k) = self.pick_at(j).unwrap_or((Pick::Tense, j));
        let (month, k2, abbr) = self.month_at(k, true)?;
        if let Some((e, kind)) = self.bare_date(k) {
            return Some((e, kind));
        }
        if pick == Pick::Tense {
            let k3 = if self.is(k2, "of") || self.punct(k2, ",") {
                k2 + 1
            } else {
                k2
            };
            if let Some((year, e)) = self.year_at(k3, 1000, 2999) {
                return Some((e, TimeKind::MonthYear { year, month, part }));
            }
        }
        if abbr {
            return None;
        }
        let cued = if month == 5 {
            let possessive = self.adj_punct(k, "'’") && self.is(k + 2, "s");
            !possessive
                && (pick != Pick::Tense
                    || part != Part::Whole
                    || self.prev_is_any(i, MAY_CUES)
                    || self.chained(i))
        } else {
            pick != Pick::Tense
                || part != Part::Whole
                || self.prev_is_any(i, MONTH_CUES)
                || self.chained(i)
        };
        cued.then_some((k2, TimeKind::Month { month, pick, part }))
    }

    /// "on the 29th".
    fn day_of_month(&self, i: usize) -> Match {
        if !self.is(i, "the") || !self.prev_is_any(i, DAY_CUES) {
            return None;
        }
        let (day, k, ordinal) = self.day_at(i + 1)?;
        if !ordinal || self.is(k, "of") || !self.clean_follow(k) {
            return None;
        }
        Some((k, TimeKind::DayOfMonth { day }))
    }

    /// "[last|next|this|early|late [on]] Thursday [night] [last week]".
    fn weekday_expr(&self, i: usize) -> Match {
        let mut j = i;
        if self.is_any(j, &["early", "late"]) {
            j += 1;
            if self.is(j, "on") {
                j += 1;
            }
        }
        let (pick, k) = if j == i {
            self.pick_at(j).unwrap_or((Pick::Tense, j))
        } else {
            (Pick::Tense, j)
        };
        let (day, mut e) = self.weekday_full(k)?;
        if self.is_any(e, &["morning", "afternoon", "evening", "night"]) {
            e += 1;
        }
        let mut week = None;
        if pick == Pick::Tense && self.is(e + 1, "week") {
            if let Some((p, _)) = self.pick_at(e) {
                week = Some(match p {
                    Pick::Last => -1,
                    Pick::Next => 1,
                    _ => 0,
                });
                e += 2;
            }
        }
        Some((e, TimeKind::Weekday { day, pick, week }))
    }

    /// "yesterday", "earlier today", "tomorrow morning", "tonight", "last night", "this
    /// morning", "the day before yesterday", "the day before", "the previous day".
    fn relative_day(&self, i: usize) -> Match {
        let lead = self.is_any(i, &["earlier", "later"]);
        let j = i + usize::from(lead);
        let dayparts = ["morning", "afternoon", "evening", "night"];
        let simple = match self.lower(j) {
            Some("yesterday") => Some(-1),
            // "USA Today" is a newspaper.
            Some("today") if !(j > 0 && self.word(j - 1) == Some("USA")) => Some(0),
            Some("tomorrow") => Some(1),
            _ => None,
        };
        if let Some(offset) = simple {
            let e = if self.is_any(j + 1, &dayparts) {
                j + 2
            } else {
                j + 1
            };
            return Some((e, TimeKind::Days { offset }));
        }
        if self.is(j, "tonight") {
            return Some((j + 1, TimeKind::Days { offset: 0 }));
        }
        if self.is(j, "this") && self.is_any(j + 1, &["morning", "afternoon", "evening"]) {
            return Some((j + 2, TimeKind::Days { offset: 0 }));
        }
        if lead {
            return None;
        }
        if self.is(i, "last") && self.is_any(i + 1, &["night", "evening"]) {
            return Some((i + 2, TimeKind::Days { offset: -1 }));
        }
        if self.is(i, "the") && self.is(i + 1, "day") {
            if self.is(i + 2, "before") && self.is(i + 3, "yesterday") {
                return Some((i + 4, TimeKind::Days { offset: -2 }));
            }
            if self.is(i + 2, "after") && self.is(i + 3, "tomorrow") {
                return Some((i + 4, TimeKind::Days { offset: 2 }));
            }
            if self.is_any(i + 2, &["before", "earlier"]) {
                return Some((i + 3, TimeKind::DayBefore));
            }
        }
        if self.is(i, "the") && self.is(i + 1, "previous") && self.is(i + 2, "day") {
            return Some((i + 3, TimeKind::DayBefore));
        }
        None
    }

    /// "two days ago", "a week ago", "three years ago", "in two days", "in three weeks".
    fn counted(&self, i: usize) -> Match {
        let ahead = self.is(i, "in");
        let j = i + usize::from(ahead);
        let (n, k) = self.count_at(j)?;
        let unit = self.unit_at(k)?;
        let (n, e) = if ahead {
            // "in a year of turmoil", "in two days of talks" are not dates.
            if self.is(k + 1, "of") || (n == 1 && !self.clean_follow(k + 1)) {
                return None;
            }
            let e = if self.adj_punct(k, "'’") && self.is(k + 2, "time") {
                k + 3
            } else if self.is(k + 1, "time") {
                k + 2
            } else {
                k + 1
            };
            (n as i32, e)
        } else {
            if !self.is(k + 1, "ago") {
                return None;
            }
            (-(n as i32), k + 2)
        };
        let kind = match unit {
            Unit::Day => TimeKind::Days { offset: n },
            Unit::Week => TimeKind::Weeks { offset: n },
            Unit::Month => TimeKind::Months {
                offset: n,
                part: Part::Whole,
            },
            Unit::Year => TimeKind::Years {
                offset: n,
                part: Part::Whole,
            },
        };
        Some((e, kind))
    }

    /// "[part|earlier|later] last/this/next week|weekend|month|year", "the weekend", "the end of
    /// the year".
    fn relative_period(&self, i: usize) -> Match {
        let (part, j) = self.part_at(i).unwrap_or((Part::Whole, i));
        if part == Part::Whole && self.is(i, "the") && self.is(i + 1, "weekend") {
            return Some((i + 2, TimeKind::Weekend { pick: Pick::Tense }));
        }
        let lead = part == Part::Whole && self.is_any(j, &["earlier", "later"]);
        let k = j + usize::from(lead);
        if part != Part::Whole && self.is(k, "the") {
            return match self.lower(k + 1) {
                Some("year") => Some((k + 2, TimeKind::TheYear { part })),
                Some("month") => Some((k + 2, TimeKind::TheMonth { part })),
                Some("week") => Some((k + 2, TimeKind::Weeks { offset: 0 })),
                _ => None,
            };
        }
        let (pick, k2) = self.pick_at(k)?;
        if lead && pick != Pick::This {
            return None;
        }
        let offset = match pick {
            Pick::Last => -1,
            Pick::Next => 1,
            _ => 0,
        };
        let kind = match self.lower(k2) {
            Some("week") => TimeKind::Weeks { offset },
            Some("weekend") => TimeKind::Weekend { pick },
            Some("month") => TimeKind::Months { offset, part },
            Some("year") => TimeKind::Years { offset, part },
            _ => return None,
        };
        Some((k2 + 1, kind))
    }

    /// "[the] [part] [pick] summer [[of] 2021]".
    fn season_expr(&self, i: usize) -> Match {
        let the = self.is(i, "the");
        let j = i + usize::from(the);
        let (part, j) = self.part_at(j).unwrap_or((Part::Whole, j));
        let (pick, j) = self.pick_at(j).unwrap_or((Pick::Tense, j));
        let season = match self.lower(j) {
            Some("spring") => Season::Spring,
            Some("summer") => Season::Summer,
            Some("autumn") | Some("fall") => Season::Autumn,
            Some("winter") => Season::Winter,
            _ => return None,
        };
        let of = self.is(j + 1, "of");
        let year = if pick == Pick::Tense {
            self.year_at(j + 1 + usize::from(of), 1000, 2999)
        } else {
            None
        };
        if let Some((y, e)) = year {
            let kind = TimeKind::Season {
                season,
                pick,
                year: Some(y),
                part,
            };
            return Some((e, kind));
        }
        // "the fall of Kabul", "the summer of discontent"
        if of {
            return None;
        }
        let cued = pick != Pick::Tense || part != Part::Whole || self.prev_is_any(i, SEASON_CUES);
        cued.then_some((
            j + 1,
            TimeKind::Season {
                season,
                pick,
                year: None,
                part,
            },
        ))
    }

    /// "the 1990s", "the early 2000s", "mid-1990s", "the '90s".
    fn decade_expr(&self, i: usize) -> Match {
        let (mut part, mut j) = self.part_at(i).unwrap_or((Part::Whole, i));
        if self.is(j, "the") {
            j += 1;
        }
        if part == Part::Whole && self.is_any(j, &["early", "mid", "late"]) {
            if let Some((p, k)) = self.part_at(j) {
                part = p;
                j = k;
            }
        }
        let plural = |k: usize| -> Option<usize> {
            if self.adj(k) && self.is(k + 1, "s") {
                Some(k + 2)
            } else if self.adj_punct(k, "'’") && self.adj(k + 1) && self.is(k + 2, "s") {
                Some(k + 3)
            } else {
                None
            }
        };
        if let Some((v, len)) = self.raw_num(j) {
            if len == 4 && v % 10 == 0 && (1000..=2990).contains(&v) && !self.quantity(j) {
                let e = plural(j)?;
                let start = v as i32;
                return Some((e, TimeKind::Decade { start, part }));
            }
            return None;
        }
        if self.punct(j, "'’") && self.adj(j) {
            let (v, len) = self.raw_num(j + 1)?;
            if len == 2 && v % 10 == 0 && self.adj(j + 1) && self.is(j + 2, "s") {
                return Some((
                    j + 3,
                    TimeKind::ShortDecade {
                        tens: v as u8,
                        part,
                    },
                ));
            }
        }
        None
    }

    /// "the year 2014", "early 2022", "mid-2021", "the end of 2021", and a cued bare year.
    fn year_expr(&self, i: usize) -> Match {
        if self.is(i, "the") && self.is(i + 1, "year") {
            let (year, e) = self.year_at(i + 2, 1000, 2999)?;
            let part = Part::Whole;
            return Some((e, TimeKind::Year { year, part }));
        }
        if let Some((part, j)) = self.part_at(i) {
            let (year, e) = self.year_at(j, 1900, 2099)?;
            return Some((e, TimeKind::Year { year, part }));
        }
        let (year, e) = self.year_at(i, 1900, 2099)?;
        let strong = self.prev_is_any(i, YEAR_CUES);
        let weak = self.prev_is_any(i, WEAK_YEAR_CUES) || self.chained(i);
        // "the 2014 election", "the 2014 World Cup"
        let event = self.prev_is_any(i, &["the"])
            && self.word(e).is_some_and(|n| {
                let lower = n.chars().next().is_some_and(char::is_lowercase);
                (lower || n == "Olympics" || n == "World" || n == "Games")
                    && EVENT_NOUNS.iter().any(|x| n.eq_ignore_ascii_case(x))
            });
        if strong || event || (weak && self.clean_follow(e)) {
            let part = Part::Whole;
            return Some((e, TimeKind::Year { year, part }));
        }
        None
    }
}

/// The match reaching furthest among the rules' candidates; of equal reach, the first.
fn longest_match<const N: usize>(candidates: [Match; N]) -> Match {
    let mut best: Match = None;
    for c in candidates.into_iter().flatten() {
        match best {
            Some((e, _)) if e >= c.0 => {}
            _ => best = Some(c),
        }
    }
    best
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_story_was_dated_by_the_day_it_was_coded_not_by_its_dateline() {
        let d = |t: &str| super::dateline_date(t).map(|d| d.to_string());
        let cases = [
            // headline, then the dateline with an agency
            (
                "Talks end\n\nALMATY, May 11, 2024 (Reuters) - The foreign ministers",
                Some("2024-05-11"),
            ),
            (
                "KYIV, October 17, 2024 - Russian artillery",
                Some("2024-10-17"),
            ),
            (
                "Floods\n\nSYLHET, Bangladesh, June 18, 2025 - Floodwaters",
                Some("2025-06-18"),
            ),
            (
                "WASHINGTON, D.C., Jan. 3, 2025 \u{2014} The Senate",
                Some("2025-01-03"),
            ),
            ("NEW DELHI, Sept 9, 2023 (AFP) -- India", Some("2023-09-09")),
            // no year: the day alone lends nothing
            ("PARIS, May 3 (Reuters) - France", None),
            // a sentence that begins with a name and a date is no dateline
            ("Paris, May 3, 2024 was a Friday - and", None),
            ("The minister said on May 3, 2024 - a Friday - that", None),
            // only the opening lines are looked at
            (
                "Headline\n\nFirst paragraph.\n\nROME, May 3, 2024 - Late dateline",
                None,
            ),
            // a day the month does not have
            ("ROME, February 30, 2024 - Nothing", None),
        ];
        for (text, want) in cases {
            assert_eq!(d(text).as_deref(), want, "{text:?}");
        }
    }

    /// The anchor skip in [`find`] must never lose an expression: on every gold and held-out
    /// text, and the time-expression phrases of the gold's when annotations, it finds exactly
    /// what trying every token finds.
    #[test]
    fn every_month_and_weekday_name_is_an_anchor() {
        let names = super::MONTHS
            .iter()
            .chain(super::WEEKDAYS.iter())
            .copied()
            .chain(super::MONTH_ABBR.iter().map(|(a, _)| *a))
            .chain(super::WEEKDAY_ABBR.iter().map(|(a, _)| *a));
        for n in names {
            assert!(
                super::is_anchor_word(n.to_lowercase().as_bytes()),
                "{n} is not an anchor"
            );
        }
    }

    #[test]
    fn skipping_tokens_without_anchors_loses_nothing() {
        fn find_at_every_token(text: &str) -> Vec<super::TimeMention> {
            let lower_text = text.to_ascii_lowercase();
            let mut scan = super::Scan::new(text, &lower_text);
            let mut out = Vec::new();
            let mut i = 0;
            while i < scan.toks.len() {
                match scan.match_at(i) {
                    Some((end, kind)) if end > i => {
                        out.push(super::TimeMention {
                            start: scan.toks[i].start,
                            end: scan.toks[end - 1].end,
                            kind,
                            is_range_start: i > 0 && scan.is(i - 1, "since"),
                        });
                        scan.last_end = Some(end);
                        i = end;
                    }
                    _ => i += 1,
                }
            }
            out
        }
        let corpus = [
            include_str!("../../../eval/gold.jsonl"),
            include_str!("../../../eval/heldout.jsonl"),
        ];
        let mut checked = 0;
        for line in corpus.iter().flat_map(|c| c.lines()) {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let text = v["text"].as_str().unwrap();
            let phrases = [
                text.to_string(),
                "the end of the year and early next year, the day before".to_string(),
                "in the '90s and the 1990s, a week ago, in two days, last weekend".to_string(),
            ];
            for t in &phrases {
                assert_eq!(super::find(t), find_at_every_token(t), "{t}");
                checked += 1;
            }
        }
        assert!(checked > 1000);
    }

    /// The byte prefilter of [`super::find`] never rules out a text that has an anchor: on
    /// every gold and held-out sentence-sized piece, and on words at the edges of non-ASCII
    /// letters, digits and punctuation.
    #[test]
    fn the_prefilter_keeps_every_text_with_an_anchor() {
        let corpus = [
            include_str!("../../../eval/gold.jsonl"),
            include_str!("../../../eval/heldout.jsonl"),
        ];
        let mut texts: Vec<String> = [
            "May",
            "xMay",
            "Mayé",
            "éMay",
            "may.",
            "(june)",
            "SEPTEMBERS",
            "September",
            "a 2",
            "٣ days",
            "Wed.",
            "Ünd Tag",
            "no time here",
            "",
            "Septemberx",
            "—week—",
            "yearé",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        for line in corpus.iter().flat_map(|c| c.lines()) {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let text = v["text"].as_str().unwrap();
            // (pieces, so that texts without anchors are checked too)
            texts.extend(text.split(['.', ',']).map(str::to_string));
        }
        let (mut with, mut without) = (0, 0);
        for t in &texts {
            let lower_text = t.to_ascii_lowercase();
            let scan = super::Scan::new(t, &lower_text);
            if scan.anchors.is_empty() {
                without += 1;
            } else {
                with += 1;
                assert!(super::may_hold_anchor(t.as_bytes()), "{t}");
            }
        }
        assert!(with > 100 && without > 100, "{with} {without}");
    }

    /// Every word of [`super::ANCHOR_WORDS`] passes the prefilter's table built from it, in
    /// any case, and a word one letter off does not.
    #[test]
    fn anchor_words_pass_the_prefilter_table() {
        for &w in super::ANCHOR_WORDS {
            let shown = String::from_utf8_lossy(w);
            assert!(super::is_anchor_word(w), "{shown}");
            assert!(w.len() <= super::ANCHOR_LONGEST && w.len() >= 3, "{shown}");
            assert!(super::anchor_run(&w.to_ascii_uppercase()), "{shown}");
            let mut off = w.to_vec();
            off.push(b'x');
            assert!(!super::is_anchor_word(&off), "{shown}x");
        }
    }

    /// The rules [`super::Scan::starts`] leaves out never match: at every token of the gold and
    /// held-out texts (and phrases that start every rule), trying every rule finds the same.
    #[test]
    fn rules_not_started_by_a_token_do_not_match_there() {
        let corpus = [
            include_str!("../../../eval/gold.jsonl"),
            include_str!("../../../eval/heldout.jsonl"),
        ];
        let phrases = [
            "the end of the year and early next year, the day before, mid-2021, late 2019",
            "in the '90s and the 1990s, a week ago, in two days, last weekend, the ’80s",
            "on the 29th, Wed., Dec. 22, 2021, the 5th of March 2020, 2020-02-29, 29/02/2020",
            "early on Thursday, later this week, earlier today, tonight, last night, this morning",
            "the summer of 2021, next spring, in the fall, the early 2000s, the year 2014",
            "the middle of May, the beginning of June, start of July, end of August 2019",
        ];
        let mut checked = 0;
        for text in corpus
            .iter()
            .flat_map(|c| c.lines())
            .map(|line| {
                let v: serde_json::Value = serde_json::from_str(line).unwrap();
                v["text"].as_str().unwrap().to_string()
            })
            .chain(phrases.iter().map(|p| p.to_string()))
        {
            let lower_text = text.to_ascii_lowercase();
            let mut scan = super::Scan::new(&text, &lower_text);
            for i in 0..scan.toks.len() {
                // (as `find` chains mentions: after each match found at every rule)
                let all = scan.match_at_every_rule(i);
                assert_eq!(scan.match_at(i), all, "{text} at token {i}");
                if let Some((end, _)) = all {
                    scan.last_end = Some(end);
                }
                checked += 1;
            }
        }
        assert!(checked > 10_000);
    }

    use super::*;

    #[test]
    fn letter_masks_mark_ascii_letters_and_runs_cross_blocks() {
        let bytes: Vec<u8> = (0..=255u8).collect();
        for block in bytes.chunks_exact(64) {
            let block: [u8; 64] = block.try_into().unwrap();
            let mask = super::letter_mask(&block);
            for (k, b) in block.iter().enumerate() {
                assert_eq!(mask >> k & 1 == 1, b.is_ascii_alphabetic(), "byte {b}");
            }
        }
        // an anchor word across the first block's end, at the very end, and none at all
        for pad in 55..66 {
            let text = format!("{} January", "x ".repeat(pad / 2) + &"y".repeat(pad % 2));
            assert!(super::may_hold_anchor(text.as_bytes()), "{text}");
            let text = format!("{} Januaryx went", "x ".repeat(pad / 2));
            assert!(!super::may_hold_anchor(text.as_bytes()), "{text}");
        }
        let long = format!("{}March", "ab ".repeat(40));
        assert!(super::may_hold_anchor(long.as_bytes()));
        assert!(!super::may_hold_anchor("ab ".repeat(40).as_bytes()));
    }

    #[test]
    fn tokens_split_digits_from_letters_and_keep_offsets() {
        let text = "le 29th—1990s ünd";
        let mut toks = Vec::new();
        tokenize(text, &mut toks);
        let words: Vec<&str> = toks.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(words, ["le", "29", "th", "—", "1990", "s", "ünd"]);
    }

    #[test]
    fn ascii_kinds_are_the_char_kinds() {
        for b in 0u8..128 {
            let c = char::from(b);
            let want = if c.is_ascii_digit() {
                Some(Kind::Num)
            } else if c.is_alphanumeric() {
                Some(Kind::Word)
            } else if c.is_whitespace() {
                None
            } else {
                Some(Kind::Punct)
            };
            let s = c.to_string();
            assert_eq!(char_kind(&s, 0), Some((want, 1)), "byte {b}");
        }
        let text = "a\u{a0}b\u{2003}c 1٣ é—x";
        let mut toks = Vec::new();
        tokenize(text, &mut toks);
        let kinds: Vec<(Kind, &str)> = toks
            .iter()
            .map(|t| (t.kind, &text[t.start..t.end]))
            .collect();
        assert_eq!(
            kinds,
            [
                (Kind::Word, "a"),
                (Kind::Word, "b"),
                (Kind::Word, "c"),
                (Kind::Num, "1"),
                (Kind::Word, "٣"),
                (Kind::Word, "é"),
                (Kind::Punct, "—"),
                (Kind::Word, "x"),
            ]
        );
    }

    #[test]
    fn month_steps_cross_years() {
        assert_eq!(month_value(month_index(2022, 1) - 1).unwrap().0, "2021-12");
        assert_eq!(
            latest_at_most(month_index(2022, 1), 11, 12),
            month_index(2021, 12)
        );
        assert_eq!(
            earliest_at_least(month_index(2021, 12), 0, 12),
            month_index(2022, 1)
        );
    }
}
