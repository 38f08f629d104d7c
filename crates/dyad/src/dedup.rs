//! Duplicates: one story is coded once, and its copies are counted instead of coded.
//!
//! One real story is republished dozens of times by syndication and scraper sites, usually
//! verbatim with a different header, a "Source link: …" footer, a new headline or a trimmed last
//! paragraph. Coding every copy turns one kidnapping into hundreds of events, which is GDELT's
//! best-known failure. This module gives the two halves of the remedy; the runner decides when
//! to call them.
//!
//! # Near-duplicate articles: [`NearDuplicateIndex`]
//!
//! **Similarity.** Two articles are compared by the Jaccard similarity of their sets of word
//! 5-shingles (every run of five consecutive words). Words are normalised first: letters and
//! digits lower-cased, apostrophes inside a word dropped, every other character (straight or
//! curly quotes, dashes, punctuation, any whitespace) only separates words. So typography and
//! re-wrapping change nothing, while a different story, even on the same topic with the same
//! actors, shares almost no five-word runs (measured below: at most 0.14). Five words is the
//! usual choice for news: short enough that an edit only disturbs the shingles around it, long
//! enough that common phrases ("said on Thursday") do not make unrelated stories alike.
//!
//! Boilerplate lines ("Source link", "Read more", "Share this", navigation, copyright) are *not*
//! special-cased here. They are a few shingles against the hundreds of a story, so they dilute
//! similarity rather than decide it (a 200-word story with a scraper template around it still
//! measures 0.55 and more); the parts of them that vary between copies (URLs, dates, bylines)
//! would escape any list anyway; and a list here would be a second copy of
//! [`crate::clean`]'s, to be kept in sync. Callers may pass either the text as read or the
//! cleaned text; cleaned text, with the boilerplate already gone, only makes copies more alike.
//!
//! **Signatures.** Each article's shingle set is summarised by 128 MinHash values: per hash
//! function, the minimum hash over its shingles. Two sets have equal minima with probability
//! equal to their Jaccard similarity. Shingles are hashed once (FNV-1a over the normalised words,
//! folded and mixed); the 128 functions are `a·x + b mod 2³²` with fixed odd `a` and fixed `b`,
//! one multiply-add each, which the compiler vectorises. The seeds are constants, so the same
//! text has the same signature on every run and platform.
//!
//! **Index (LSH banding).** The 128 values are cut into [`BANDS`] = 16 bands of `r` rows; an
//! article becomes a *candidate* copy of a stored story when all `r` values of at least one band
//! agree, which for similarity `J` happens with probability `1 - (1 - J^r)^16` (the S-curve).
//! Its midpoint is `(1/16)^(1/r)`. The band count is fixed because each band costs one hash-table
//! entry per stored story (it is the memory knob); the threshold `t` chooses `r`: the largest
//! `r ≤ 8` for which a pair at exactly `t` is a candidate with probability ≥ 0.9
//! ([`lsh_rows`]). The S-curve therefore rises *below* the threshold, on purpose: a candidate
//! that is not a copy costs one 128-byte comparison, a copy never made a candidate is lost.
//! At the default `t = 0.4`, `r = 2`: midpoint 0.25; candidate probability 0.15 at `J = 0.1`,
//! 0.48 at 0.2, 0.94 at 0.4, 0.99 at 0.5, 1.0 from 0.6. (`r` by threshold: 1 up to 0.3, 2 up to
//! 0.5, 3 at 0.6, 5 at 0.7, 8 from 0.8.)
//!
//! **Verification.** Every candidate is checked by its estimated Jaccard similarity from one-byte
//! sketches of the signatures (the low byte of each minimum, "b-bit MinHash" with b = 8): a
//! position agrees with probability `J + (1 - J)/256`, which is solved for `J`. With 128
//! positions the standard error is about 0.04 at `J = 0.5`; measured against exact Jaccard on
//! the pairs below, the mean error is 0.010 and the largest 0.135. The earliest candidate at or
//! above the threshold is the answer.
//!
//! **Earliest copy wins.** [`NearDuplicateIndex::check_and_insert`] returns the earliest stored
//! story the article copies, or stores the article as a new story. The caller feeds articles in
//! date (or input) order, codes the ones that are not copies, and counts the others with
//! `duplicate_of`. Copies are not stored: every copy is compared with the first one seen, which
//! keeps memory to distinct stories and the answer to one id per story (a copy of a copy that has
//! drifted below the threshold from the first is coded as a new story).
//!
//! **Memory bound.** Per *distinct story* stored: 16 band-table entries of 8 bytes + 1 control
//! byte at a load between 7/16 and 7/8 (10.3 to 20.6 bytes each, 165 to 330 in all), 128 bytes
//! of sketch (in fixed chunks of 4096 stories, so growth never doubles them), the id's bytes and
//! 8 for its end offset (×2 at worst for vector growth). With 16-byte ids that is 300 to 500
//! bytes per story; the benchmark measures 406 (`memory_bytes` and a counting allocator agree),
//! so 10 million distinct stories fit in about 4 GB. A duplicate costs nothing. Nothing else is
//! kept: no texts, no full signatures.
//!
//! **Threshold: measured.** `examples/dedup_threshold.rs` uses 20 short news stories written for
//! it (about 200 words each; three Gaza ceasefire stories, three Nigerian kidnappings, two each
//! on Ukraine, Sudan, Kenya, US–China and Iran, one each on Pakistan, Niger, Haiti and Myanmar;
//! two are follow-ups that reuse a background paragraph of an earlier story word for word). Each
//! story gets six copies as syndication makes them: a "Source link" footer; a site header,
//! byline, "Read more" / "Share this" / copyright footer; a changed headline; the last paragraph
//! trimmed; curly quotes, dashes and doubled spaces; and a scraper page (navigation, new
//! headline, trimmed, two "Related:" headlines of other stories, source link, advertisement).
//! Exact 5-shingle Jaccard, copy vs original (min / mean): footer 0.90 / 0.91, header+footer
//! 0.76 / 0.79, headline 0.92 / 0.98, trimmed 0.76 / 0.82, typography 1.00 / 1.00, scraper
//! 0.55 / 0.61. Different stories: same topic at most 0.14, other topics at most 0.004.
//! Precision and recall of 120 copies against 190 different-story pairs, by pairs (estimated
//! similarity ≥ t) and end to end through the index (LSH misses included):
//!
//! | threshold | rows | pair P | pair R | index P | index R |
//! |-----------|------|--------|--------|---------|---------|
//! | 0.2       | 1    | 1.000  | 1.000  | 1.000   | 1.000   |
//! | 0.3       | 1    | 1.000  | 1.000  | 1.000   | 1.000   |
//! | **0.4**   | 2    | 1.000  | 1.000  | 1.000   | 1.000   |
//! | 0.5       | 2    | 1.000  | 0.992  | 1.000   | 0.992   |
//! | 0.6       | 3    | 1.000  | 0.942  | 1.000   | 0.942   |
//! | 0.7       | 5    | 1.000  | 0.825  | 1.000   | 0.817   |
//! | 0.8       | 8    | 1.000  | 0.642  | 1.000   | 0.642   |
//! | 0.9       | 8    | 1.000  | 0.425  | 1.000   | 0.425   |
//!
//! Precision is perfect everywhere: the gap between stories (≤ 0.14) and copies (≥ 0.55) is wide.
//! Recall falls from 0.5 up, on the scraper copies first. The default, [`DEFAULT_THRESHOLD`] =
//! 0.4, sits in the gap with room for estimation noise on both sides, and above 0.3 where `r`
//! would drop to 1 and every loosely related pair become a candidate. Real articles are longer
//! than these (500–800 words), which dilutes boilerplate further and moves copies up, not down.
//!
//! Known limits: a *wire update* (the same story with a new lede and a closing paragraph) measures
//! 0.58–0.82 and is counted as a copy at any threshold up to 0.55, so the update's new facts are
//! not coded; very short items (a 40-word brief) are moved far by a footer and may be missed;
//! the same story written independently by two agencies is not a near-duplicate (it shares
//! facts, not words) and is left to event collapse.
//!
//! **Speed.** `examples/dedup_bench.rs`, 200,000 generated articles of 400 words (2.7 KB each),
//! one in five a planted copy: about 14,000 articles/s (≈ 39 MB/s) on one core, every copy found,
//! no wrong match, 406 bytes per stored story. That is far faster than coding, so the index
//! never limits a run.
//!
//! The index is plain owned data (`Send + Sync`), deterministic for a given input order: use it
//! as a sequential stage, or behind a `Mutex`.
//!
//! # Repeated events: [`EventAggregator`]
//!
//! After copies are gone, different articles still report the same event: the AP and Reuters
//! stories of one kidnapping, or one article naming it twice. GDELT reports each as an event and
//! counts *mentions*; dyad collapses them into one record and carries the counts
//! ([`CountedEvent`]):
//!
//! * `num_mentions`: coded events in the group (plus, for each recorded copy of an article, the
//!   mentions that article contributed: a copy says what its original says);
//! * `num_sources`: distinct outlets (the article's outlet or URL host, case-folded; an article
//!   with none counts as its own source);
//! * `num_articles` and `article_ids`: distinct articles, copies included, ids sorted.
//!
//! [`EventDedup::Collapse`] (the default) groups by: the event day (`when` when the text gives a
//! full day, else the publication `date`: a month or year is not a day, and must neither merge
//! different days nor split from the article's), source code, target code (or none), CAMEO code,
//! place (name and country, or none) and modality. Modality is in the key beyond the list
//! because "did not attack" and "attacked" must not become one record.
//!
//! [`EventDedup::OneADay`] is the PETRARCH/Phoenix one-a-day filter as the Phoenix pipeline
//! implements it (`oneaday_formatter.py`, `filter_events`): one record per (story date, source,
//! target, event code), the first event seen, with the ids and sources of all the others
//! gathered into it. The story date is the publication date; place, event day and modality are
//! not in the key. dyad keeps the counts too.
//!
//! [`EventDedup::Off`] passes every event straight through with counts of one.
//!
//! Records come out of [`EventAggregator::finish`] in the order their keys were first seen, each
//! standing for its group with the first event seen (its id, sentence and evidence), so output is
//! deterministic for a given input order. Memory is proportional to distinct keys (one stored
//! event each) plus 8 bytes per (record, article) pair and each distinct article id once; `Off`
//! keeps nothing.
//!
//! The counts ride beside the event ([`CountedEvent`] flattens [`Event`] into the same JSON object
//! and adds four fields) instead of being fields of [`Event`]: an `Event` is one mention in one
//! article, which explanation and evaluation consume and which the coder builds in one place; the
//! counts describe a group and exist only once the group is complete. The JSON shape is the same
//! either way, and `event.schema.json` admits added fields.

use crate::date::Date;
use crate::event::Event;
use rustc_hash::{FxHashMap, FxHasher};
use serde::Serialize;
use std::hash::Hasher;

// ---------------------------------------------------------------------------------------------
// Near-duplicate articles
// ---------------------------------------------------------------------------------------------

/// MinHash values per article (independent hash functions).
pub const SIGNATURE_HASHES: usize = 128;

/// LSH bands. Fixed, because each band costs one hash-table entry per stored article: this is
/// the memory knob, and the threshold moves the rows per band instead (see the module docs).
pub const BANDS: usize = 16;

/// Stories per sketch chunk (512 KiB of sketches).
const SKETCH_CHUNK: usize = 4096;

/// The default Jaccard threshold over word 5-shingles, chosen by the measurement in the module
/// docs (`examples/dedup_threshold.rs`).
pub const DEFAULT_THRESHOLD: f64 = 0.4;

/// The default shingle length in words.
pub const DEFAULT_SHINGLE_WORDS: usize = 5;

/// The longest shingle accepted: long shingles make any edit look like a new story.
pub const MAX_SHINGLE_WORDS: usize = 16;

/// Probability that a pair at exactly the threshold shares at least one band; the rows per band
/// are the largest that still reach it (see [`lsh_rows`]).
pub const CANDIDATE_RECALL_AT_THRESHOLD: f64 = 0.9;

/// How near-duplicates are judged.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NearDuplicateConfig {
    /// Estimated Jaccard similarity of the two articles' shingle sets at or above which the
    /// later article is a copy of the earlier one. In `(0, 1]`.
    pub threshold: f64,
    /// Words per shingle, `1..=MAX_SHINGLE_WORDS`.
    pub shingle_words: usize,
}

impl Default for NearDuplicateConfig {
    fn default() -> Self {
        NearDuplicateConfig {
            threshold: DEFAULT_THRESHOLD,
            shingle_words: DEFAULT_SHINGLE_WORDS,
        }
    }
}

/// Why a [`NearDuplicateConfig`] cannot be used.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DedupConfigError {
    #[error("duplicate threshold {0} is not a Jaccard similarity: expected a number above 0 and at most 1 (default {DEFAULT_THRESHOLD})")]
    Threshold(f64),
    #[error("shingle length {0} words is out of range: expected 1 to {MAX_SHINGLE_WORDS} (default {DEFAULT_SHINGLE_WORDS})")]
    ShingleWords(usize),
}

/// The earlier article a new one copies.
#[derive(Debug, Clone, PartialEq)]
pub struct DuplicateOf {
    /// The id the earlier article was inserted with.
    pub id: String,
    /// The estimated Jaccard similarity of the two shingle sets.
    pub similarity: f64,
}

/// A streaming near-duplicate detector: MinHash signatures of word shingles, an LSH band index
/// over the stories seen so far, and verification of every candidate by its estimated Jaccard
/// similarity. See the module docs for the method, the threshold and the memory bound.
///
/// Plain owned data (`Send + Sync`): use it as a sequential stage, or behind a `Mutex` from
/// several threads (then the input order, and with it the output, is whatever order the lock
/// is taken in).
#[derive(Debug, Clone)]
pub struct NearDuplicateIndex {
    config: NearDuplicateConfig,
    rows: usize,
    /// Per band: band key → the first story stored with that key.
    bands: Vec<FxHashMap<u32, u32>>,
    /// `SIGNATURE_HASHES` one-byte MinHash values per stored story, for verification, in
    /// fixed-size chunks of `SKETCH_CHUNK` stories: growth never copies them nor doubles them.
    sketches: Vec<Box<[u8]>>,
    /// Stored story ids, concatenated; `id_ends[i]` is the end of story `i`'s id.
    id_text: String,
    id_ends: Vec<u64>,
    articles_checked: u64,
    duplicates_found: u64,
}

impl Default for NearDuplicateIndex {
    fn default() -> Self {
        NearDuplicateIndex::build(NearDuplicateConfig::default(), 0)
    }
}

impl NearDuplicateIndex {
    /// An empty index; the config is checked.
    pub fn new(config: NearDuplicateConfig) -> Result<NearDuplicateIndex, DedupConfigError> {
        NearDuplicateIndex::with_capacity(config, 0)
    }

    /// An empty index with room for `stories` distinct stories before any table grows.
    pub fn with_capacity(
        config: NearDuplicateConfig,
        stories: usize,
    ) -> Result<NearDuplicateIndex, DedupConfigError> {
        if !(config.threshold > 0.0 && config.threshold <= 1.0) {
            return Err(DedupConfigError::Threshold(config.threshold));
        }
        if !(1..=MAX_SHINGLE_WORDS).contains(&config.shingle_words) {
            return Err(DedupConfigError::ShingleWords(config.shingle_words));
        }
        Ok(NearDuplicateIndex::build(config, stories))
    }

    fn build(config: NearDuplicateConfig, stories: usize) -> NearDuplicateIndex {
        let stories = stories.min(1 << 26); // a hint, not a promise to allocate gigabytes
        NearDuplicateIndex {
            config,
            rows: lsh_rows(config.threshold),
            bands: (0..BANDS)
                .map(|_| FxHashMap::with_capacity_and_hasher(stories, Default::default()))
                .collect(),
            sketches: Vec::with_capacity(stories / SKETCH_CHUNK + 1),
            id_text: String::new(),
            id_ends: Vec::with_capacity(stories),
            articles_checked: 0,
            duplicates_found: 0,
        }
    }

    pub fn config(&self) -> NearDuplicateConfig {
        self.config
    }

    /// MinHash rows per LSH band, derived from the threshold.
    pub fn rows_per_band(&self) -> usize {
        self.rows
    }

    /// Distinct stories stored (articles that were not duplicates and had words).
    pub fn stories(&self) -> usize {
        self.id_ends.len()
    }

    /// Articles passed to [`NearDuplicateIndex::check_and_insert`].
    pub fn articles_checked(&self) -> u64 {
        self.articles_checked
    }

    /// Articles found to be copies.
    pub fn duplicates_found(&self) -> u64 {
        self.duplicates_found
    }

    /// Is `text` a copy of a story already stored? The earliest stored story whose estimated
    /// similarity reaches the threshold, if any. Nothing is stored.
    pub fn check(&self, text: &str) -> Option<DuplicateOf> {
        let signature = Signature::of(text, self.config.shingle_words)?;
        self.find(&signature)
    }

    /// Check `text` against the stories stored so far; if it copies one, return the earliest
    /// such story (the first inserted wins, so feed articles in date or input order). Otherwise
    /// store it under `id` as a new story and return `None`.
    ///
    /// Copies are not stored: every later copy is compared with the story's first copy, and a
    /// duplicate costs no memory. Text without a single word is neither a copy nor stored.
    pub fn check_and_insert(&mut self, id: &str, text: &str) -> Option<DuplicateOf> {
        self.articles_checked += 1;
        let signature = Signature::of(text, self.config.shingle_words)?;
        if let Some(dup) = self.find(&signature) {
            self.duplicates_found += 1;
            return Some(dup);
        }
        self.insert(id, &signature);
        None
    }

    fn find(&self, signature: &Signature) -> Option<DuplicateOf> {
        let mut candidates: Vec<u32> = Vec::new();
        for (band, table) in self.bands.iter().enumerate() {
            if let Some(&story) = table.get(&signature.band_key(band, self.rows)) {
                if !candidates.contains(&story) {
                    candidates.push(story);
                }
            }
        }
        candidates.sort_unstable();
        let sketch = signature.sketch();
        candidates.into_iter().find_map(|story| {
            let chunk = self.sketches.get(story as usize / SKETCH_CHUNK)?;
            let start = story as usize % SKETCH_CHUNK * SIGNATURE_HASHES;
            let stored = chunk.get(start..start + SIGNATURE_HASHES)?;
            let similarity = estimate_jaccard(&sketch, stored);
            (similarity >= self.config.threshold).then(|| DuplicateOf {
                id: self.story_id(story).to_string(),
                similarity,
            })
        })
    }

    fn insert(&mut self, id: &str, signature: &Signature) {
        let Ok(story) = u32::try_from(self.id_ends.len()) else {
            return; // 4 billion stories: later ones are checked but no longer stored
        };
        for (band, table) in self.bands.iter_mut().enumerate() {
            table
                .entry(signature.band_key(band, self.rows))
                .or_insert(story);
        }
        let (chunk, slot) = (story as usize / SKETCH_CHUNK, story as usize % SKETCH_CHUNK);
        if chunk == self.sketches.len() {
            self.sketches
                .push(vec![0u8; SKETCH_CHUNK * SIGNATURE_HASHES].into_boxed_slice());
        }
        if let Some(bytes) = self
            .sketches
            .get_mut(chunk)
            .and_then(|c| c.get_mut(slot * SIGNATURE_HASHES..(slot + 1) * SIGNATURE_HASHES))
        {
            bytes.copy_from_slice(&signature.sketch());
        }
        self.id_text.push_str(id);
        self.id_ends.push(self.id_text.len() as u64);
    }

    fn story_id(&self, story: u32) -> &str {
        let i = story as usize;
        let end = self.id_ends.get(i).copied().unwrap_or(0) as usize;
        let start = if i == 0 {
            0
        } else {
            self.id_ends.get(i - 1).copied().unwrap_or(0) as usize
        };
        self.id_text.get(start..end).unwrap_or("")
    }

    /// Bytes held by the index (heap and inline), counting hash-table slack: what the process
    /// pays for it, within the allocator's rounding.
    pub fn memory_bytes(&self) -> usize {
        let tables: usize = self
            .bands
            .iter()
            .map(|t| hash_table_bytes(t.capacity(), std::mem::size_of::<(u32, u32)>()))
            .sum();
        std::mem::size_of::<Self>()
            + self.bands.capacity() * std::mem::size_of::<FxHashMap<u32, u32>>()
            + tables
            + self.sketches.capacity() * std::mem::size_of::<Box<[u8]>>()
            + self.sketches.iter().map(|c| c.len()).sum::<usize>()
            + self.id_text.capacity()
            + self.id_ends.capacity() * std::mem::size_of::<u64>()
    }

    /// The similarity the index would compute between two texts (estimated Jaccard of their
    /// shingle sets); `0.0` when either has no words. For measurement and explanation.
    pub fn similarity(&self, a: &str, b: &str) -> f64 {
        let k = self.config.shingle_words;
        match (Signature::of(a, k), Signature::of(b, k)) {
            (Some(a), Some(b)) => estimate_jaccard(&a.sketch(), &b.sketch()),
            _ => 0.0,
        }
    }
}

/// Bytes of a `hashbrown` table with `capacity` usable slots: buckets are a power of two kept at
/// most 7/8 full, each with one control byte, plus one control group.
fn hash_table_bytes(capacity: usize, entry: usize) -> usize {
    if capacity == 0 {
        return 0;
    }
    let buckets = if capacity < 8 {
        (capacity + 1).next_power_of_two()
    } else {
        (capacity * 8 / 7).next_power_of_two()
    };
    buckets * (entry + 1) + 16
}

/// Rows per band for a threshold: the largest `r ≤ SIGNATURE_HASHES / BANDS` such that a pair at
/// exactly the threshold shares at least one of the [`BANDS`] bands with probability
/// `1 - (1 - t^r)^b ≥ CANDIDATE_RECALL_AT_THRESHOLD`; at least 1.
pub fn lsh_rows(threshold: f64) -> usize {
    let max_rows = SIGNATURE_HASHES / BANDS;
    (1..=max_rows)
        .rev()
        .find(|&r| candidate_probability(threshold, BANDS, r) >= CANDIDATE_RECALL_AT_THRESHOLD)
        .unwrap_or(1)
}

/// The LSH S-curve: the probability that two sets of Jaccard similarity `j` share at least one
/// of `bands` bands of `rows` MinHash values each.
pub fn candidate_probability(j: f64, bands: usize, rows: usize) -> f64 {
    1.0 - (1.0 - j.powi(rows as i32)).powi(bands as i32)
}

/// Jaccard similarity from one-byte MinHash values: a position matches when the minima are equal
/// (probability `J`) or, by chance, when their low bytes collide (`(1 - J) / 256`); solved
/// for `J`.
fn estimate_jaccard(a: &[u8], b: &[u8]) -> f64 {
    let matches = a.iter().zip(b).filter(|(x, y)| x == y).count();
    let p = matches as f64 / SIGNATURE_HASHES as f64;
    let chance = 1.0 / 256.0;
    ((p - chance) / (1.0 - chance)).clamp(0.0, 1.0)
}

/// The hashed shingles of `text`, sorted and distinct: what the signature summarises. Exposed for
/// measurement (exact Jaccard) and tests.
pub fn shingles(text: &str, shingle_words: usize) -> Vec<u64> {
    let mut out = Vec::new();
    for_each_shingle(text, shingle_words.clamp(1, MAX_SHINGLE_WORDS), |s| {
        out.push(s)
    });
    out.sort_unstable();
    out.dedup();
    out
}

/// Exact Jaccard similarity of two texts' shingle sets (`0.0` if both are empty).
pub fn exact_jaccard(a: &str, b: &str, shingle_words: usize) -> f64 {
    let (a, b) = (shingles(a, shingle_words), shingles(b, shingle_words));
    let (mut i, mut j, mut both) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - both;
    if union == 0 {
        0.0
    } else {
        both as f64 / union as f64
    }
}

/// A MinHash signature: per hash function, the minimum over the text's shingles.
struct Signature([u32; SIGNATURE_HASHES]);

impl Signature {
    /// `None` when the text has no words.
    fn of(text: &str, shingle_words: usize) -> Option<Signature> {
        let mut mins = [u32::MAX; SIGNATURE_HASHES];
        let mut any = false;
        for_each_shingle(text, shingle_words, |s| {
            any = true;
            // a·x + b mod 2³², with odd a: one multiply-add per hash function, in 32-bit lanes
            // the compiler vectorises; x is already a well-mixed 64-bit hash, folded to 32 bits.
            let x = (s ^ (s >> 32)) as u32;
            for (m, (mul, add)) in mins.iter_mut().zip(MULTIPLIERS.iter().zip(&ADDENDS)) {
                *m = (*m).min(x.wrapping_mul(*mul).wrapping_add(*add));
            }
        });
        any.then_some(Signature(mins))
    }

    /// The low byte of each minimum (b-bit MinHash, b = 8).
    fn sketch(&self) -> [u8; SIGNATURE_HASHES] {
        let mut out = [0u8; SIGNATURE_HASHES];
        for (o, m) in out.iter_mut().zip(&self.0) {
            *o = *m as u8;
        }
        out
    }

    /// The key of band `band`: a hash of its `rows` full minima.
    fn band_key(&self, band: usize, rows: usize) -> u32 {
        let start = band * rows;
        let mut h: u64 = 0x9e37_79b9_7f4a_7c15 ^ band as u64;
        for &m in self.0.get(start..start + rows).unwrap_or(&[]) {
            h = mix64(h ^ u64::from(m));
        }
        (h >> 32) as u32
    }
}

/// splitmix64's finaliser: a fast, well-mixing bijection on `u64`.
const fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

const fn hash_constants(seed: u64, odd: bool) -> [u32; SIGNATURE_HASHES] {
    let mut out = [0u32; SIGNATURE_HASHES];
    let mut i = 0;
    while i < SIGNATURE_HASHES {
        let v = mix64(seed.wrapping_add((i as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15)));
        let v = (v >> 32) as u32;
        out[i] = if odd { v | 1 } else { v };
        i += 1;
    }
    out
}

/// Fixed seeds: the same text gets the same signature on every run and platform.
const MULTIPLIERS: [u32; SIGNATURE_HASHES] = hash_constants(0x6479_6164_2d6d_696e, true);
const ADDENDS: [u32; SIGNATURE_HASHES] = hash_constants(0x6861_7368_2d61_6464, false);

/// Call `emit` with the hash of every run of `k` consecutive words; a text with fewer than `k`
/// words (but at least one) is one shingle.
fn for_each_shingle(text: &str, k: usize, mut emit: impl FnMut(u64)) {
    let k = k.clamp(1, MAX_SHINGLE_WORDS);
    let mut ring = [0u64; MAX_SHINGLE_WORDS];
    let mut seen = 0usize;
    let fold = |ring: &[u64; MAX_SHINGLE_WORDS], seen: usize, len: usize| {
        let mut h: u64 = len as u64;
        for j in 0..len {
            h = (h ^ ring[(seen - len + j) % k]).wrapping_mul(0x0000_0100_0000_01b3);
            h = h.rotate_left(29);
        }
        mix64(h)
    };
    for_each_word(text, |w| {
        ring[seen % k] = w;
        seen += 1;
        if seen >= k {
            emit(fold(&ring, seen, k));
        }
    });
    if seen > 0 && seen < k {
        emit(fold(&ring, seen, seen));
    }
}

/// Call `emit` with the hash of every word of `text`, normalised: a word is a run of letters and
/// digits, lower-cased; apostrophes inside it are dropped ("Hamas's", "Hamas’s" and "Hamass"
/// are one word); every other character (quotes of any style, dashes, punctuation, whitespace
/// of any kind, markup leftovers) only separates words.
fn for_each_word(text: &str, mut emit: impl FnMut(u64)) {
    const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut h = FNV_OFFSET;
    let mut in_word = false;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            h = (h ^ u64::from(c.to_ascii_lowercase())).wrapping_mul(FNV_PRIME);
            in_word = true;
        } else if c.is_alphanumeric() {
            for l in c.to_lowercase() {
                h = (h ^ u64::from(l)).wrapping_mul(FNV_PRIME);
            }
            in_word = true;
        } else if in_word && matches!(c, '\'' | '\u{2019}' | '\u{02bc}') {
            // inside a word: dropped
        } else if in_word {
            emit(mix64(h));
            h = FNV_OFFSET;
            in_word = false;
        }
    }
    if in_word {
        emit(mix64(h));
    }
}

// ---------------------------------------------------------------------------------------------
// Repeated events
// ---------------------------------------------------------------------------------------------

/// What to do with the same event reported again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EventDedup {
    /// Every event passes on its own, with counts of 1.
    Off,
    /// Events with the same day, source, target, code, place and modality become one record
    /// with counts.
    #[default]
    Collapse,
    /// The PETRARCH/Phoenix one-a-day filter: one record per publication date, source, target
    /// and code (the first event seen), with counts.
    OneADay,
}

/// One output record: an event and how often it was reported.
///
/// The counts ride alongside the event (flattened into the same JSON object) rather than
/// inside [`Event`]: an `Event` is one mention in one article, which is what explanation and
/// evaluation consume, while the counts describe a group of mentions, known only once the group
/// is complete. The JSON record is the event's fields followed by the four below, which the
/// contract (`event.schema.json`, open to added fields) accepts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CountedEvent {
    /// The first event seen with this key: its ids, sentence and evidence stand for the group.
    #[serde(flatten)]
    pub event: Event,
    /// Mentions: coded events in the group, plus, for each recorded copy of an article, the
    /// mentions that article contributed (a copy says what its original says).
    pub num_mentions: u32,
    /// Distinct outlets among the articles (an article without an outlet is its own source).
    pub num_sources: u32,
    /// Distinct articles, copies included.
    pub num_articles: u32,
    /// Their ids, sorted and distinct.
    pub article_ids: Vec<String>,
}

impl CountedEvent {
    /// An event reported once, by its own article.
    pub fn single(event: Event) -> CountedEvent {
        let article_ids = vec![event.article_id.to_string()];
        CountedEvent {
            event,
            num_mentions: 1,
            num_sources: 1,
            num_articles: 1,
            article_ids,
        }
    }
}

/// Collapses repeated events into counted records, streaming: push events as they are coded,
/// then [`EventAggregator::finish`]. Memory grows with distinct keys — the key (24 bytes), the
/// group's payload and a few bytes per mention and per distinct article id. The payload is the
/// first event itself by default; a caller collapsing a corpus can store where it spilled that
/// event instead ([`EventAggregator::push_payload`]), so memory holds no event text at all.
/// With [`EventDedup::Off`] nothing is kept.
#[derive(Debug, Clone)]
pub struct EventAggregator<P = Event> {
    mode: EventDedup,
    labels: Interner,
    articles: Interner,
    /// Per article (by interned id): its source (interned in `sources`).
    article_source: Vec<u32>,
    sources: Interner,
    groups: FxHashMap<EventKey, u32>,
    records: Vec<Group<P>>,
    /// Article → the copies of it recorded with [`EventAggregator::add_copy`].
    copies: FxHashMap<u32, Vec<u32>>,
}

impl<P> Default for EventAggregator<P> {
    fn default() -> Self {
        EventAggregator {
            mode: EventDedup::default(),
            labels: Interner::default(),
            articles: Interner::default(),
            article_source: Vec::new(),
            sources: Interner::default(),
            groups: FxHashMap::default(),
            records: Vec::new(),
            copies: FxHashMap::default(),
        }
    }
}

/// How often a group's event was reported (see [`CountedEvent`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub num_mentions: u32,
    pub num_sources: u32,
    pub num_articles: u32,
    pub article_ids: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct EventKey {
    day: u32,
    source: u32,
    target: u32,
    cameo: u32,
    place: u32,
    modality: u8,
}

#[derive(Debug, Clone)]
struct Group<P> {
    payload: P,
    /// `(article, mentions)`, in arrival order; an article seen again right away adds to its
    /// entry, otherwise a new entry (merged in `finish`).
    mentions: Vec<(u32, u32)>,
}

const NONE: u32 = u32::MAX;

impl<P> EventAggregator<P> {
    pub fn new(mode: EventDedup) -> EventAggregator<P> {
        EventAggregator {
            mode,
            ..EventAggregator::default()
        }
    }

    pub fn mode(&self) -> EventDedup {
        self.mode
    }

    /// Records so far (distinct keys); 0 with [`EventDedup::Off`].
    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// Add one coded event, keeping `payload` for its group if the event is the group's first;
    /// `outlet` is its article's publication (`Article::outlet`, else the URL's host), `None`
    /// when unknown. Returns the payload back when it was not kept: with [`EventDedup::Off`]
    /// (the event is a record of its own) or when the group already had one.
    pub fn push_payload(&mut self, event: &Event, outlet: Option<&str>, payload: P) -> Option<P> {
        if self.mode == EventDedup::Off {
            return Some(payload);
        }
        match self.count(event, outlet) {
            Some((key, article)) => self.open_group(key, article, payload),
            None => Some(payload),
        }
    }

    /// Count one mention of `event`: `None` when its group exists, else the new key and the
    /// article for [`EventAggregator::open_group`].
    fn count(&mut self, event: &Event, outlet: Option<&str>) -> Option<(EventKey, u32)> {
        let article = self.article(&event.article_id, outlet);
        let key = self.key(event);
        let &g = match self.groups.get(&key) {
            Some(g) => g,
            None => return Some((key, article)),
        };
        if let Some(group) = self.records.get_mut(g as usize) {
            match group.mentions.last_mut() {
                Some((a, n)) if *a == article => *n = n.saturating_add(1),
                _ => group.mentions.push((article, 1)),
            }
        }
        None
    }

    /// Start the group of a new key with its first mention; the payload back if it cannot.
    fn open_group(&mut self, key: EventKey, article: u32, payload: P) -> Option<P> {
        let Ok(g) = u32::try_from(self.records.len()) else {
            return Some(payload); // 4 billion keys: pass through
        };
        self.groups.insert(key, g);
        self.records.push(Group {
            payload,
            mentions: vec![(article, 1)],
        });
        None
    }

    /// Record that article `copy` (from `copy_outlet`) is a copy of `original`, which was coded:
    /// every record `original` contributes to also counts the copy, as if it had been coded.
    /// Order does not matter (before or after the original's events). Ignored with
    /// [`EventDedup::Off`], whose records are already out.
    pub fn add_copy(&mut self, original: &str, copy: &str, copy_outlet: Option<&str>) {
        if self.mode == EventDedup::Off {
            return;
        }
        let original = self.articles.intern(original);
        let copy = self.article(copy, copy_outlet);
        if copy != original {
            self.copies.entry(original).or_default().push(copy);
        }
    }

    /// Each group's payload with its counts, in the order the keys were first seen.
    pub fn finish_payloads(self) -> impl Iterator<Item = (P, Counts)> {
        let EventAggregator {
            articles,
            article_source,
            mut copies,
            records,
            ..
        } = self;
        for cs in copies.values_mut() {
            cs.sort_unstable();
            cs.dedup(); // a copy recorded twice is still one copy
        }
        records.into_iter().map(move |group| {
            let mut mentions = group.mentions;
            mentions.sort_unstable();
            let mut merged: Vec<(u32, u32)> = Vec::with_capacity(mentions.len());
            for (a, n) in mentions {
                match merged.last_mut() {
                    Some((last, m)) if *last == a => *m = m.saturating_add(n),
                    _ => merged.push((a, n)),
                }
            }
            let mut all = merged.clone();
            for (a, n) in &merged {
                if let Some(cs) = copies.get(a) {
                    all.extend(cs.iter().map(|&c| (c, *n)));
                }
            }
            all.sort_unstable();
            let mut ids: Vec<&str> = Vec::with_capacity(all.len());
            // an outlet, or (high bit set) the article itself when its outlet is unknown
            let mut sources: Vec<u64> = Vec::with_capacity(all.len());
            let mut num_mentions: u32 = 0;
            let mut last = None;
            for (a, n) in all {
                num_mentions = num_mentions.saturating_add(n);
                if last != Some(a) {
                    ids.push(articles.name(a));
                    sources.push(match article_source.get(a as usize).copied() {
                        Some(s) if s != NONE => u64::from(s),
                        _ => 1 << 32 | u64::from(a),
                    });
                    last = Some(a);
                }
            }
            ids.sort_unstable();
            ids.dedup();
            sources.sort_unstable();
            sources.dedup();
            let counts = Counts {
                num_mentions,
                num_sources: sources.len() as u32,
                num_articles: ids.len() as u32,
                article_ids: ids.into_iter().map(str::to_string).collect(),
            };
            (group.payload, counts)
        })
    }
}

impl EventAggregator<Event> {
    /// Add one coded event; `outlet` is its article's publication (`Article::outlet`, else the
    /// URL's host), `None` when unknown. With [`EventDedup::Off`] the event comes straight back
    /// as a record; otherwise it is kept for [`EventAggregator::finish`] and `None` is returned.
    pub fn push(&mut self, event: Event, outlet: Option<&str>) -> Option<CountedEvent> {
        if self.mode == EventDedup::Off {
            return Some(CountedEvent::single(event));
        }
        if let Some((key, article)) = self.count(&event, outlet) {
            // only past 4 billion keys does the event come back: it passes through
            return self
                .open_group(key, article, event)
                .map(CountedEvent::single);
        }
        None
    }

    /// The records, in the order their keys were first seen.
    pub fn finish(self) -> impl Iterator<Item = CountedEvent> {
        self.finish_payloads().map(|(event, c)| CountedEvent {
            event,
            num_mentions: c.num_mentions,
            num_sources: c.num_sources,
            num_articles: c.num_articles,
            article_ids: c.article_ids,
        })
    }
}

impl<P> EventAggregator<P> {
    fn article(&mut self, id: &str, outlet: Option<&str>) -> u32 {
        let a = self.articles.intern(id);
        self.ensure_source(a, outlet);
        a
    }

    /// Remember article `a`'s outlet, the first time one is given.
    fn ensure_source(&mut self, a: u32, outlet: Option<&str>) {
        let i = a as usize;
        if i >= self.article_source.len() {
            self.article_source.resize(i + 1, NONE);
        }
        let outlet = outlet.map(str::trim).filter(|o| !o.is_empty());
        if let (Some(slot), Some(o)) = (self.article_source.get_mut(i), outlet) {
            if *slot == NONE {
                *slot = self.sources.intern(&o.to_lowercase());
            }
        }
    }

    fn key(&mut self, e: &Event) -> EventKey {
        let day = match self.mode {
            EventDedup::OneADay => &e.date,
            _ => event_day(e),
        };
        let day = self.labels.intern(day);
        let source = self.labels.intern(&e.source.code);
        let target = e
            .target
            .as_ref()
            .map_or(NONE, |t| self.labels.intern(&t.code));
        let cameo = self.labels.intern(&e.cameo);
        let (place, modality) = match self.mode {
            EventDedup::OneADay => (NONE, 0),
            _ => (
                e.location.as_ref().map_or(NONE, |p| {
                    self.labels
                        .intern(&format!("{}\u{1f}{}", p.name, p.country))
                }),
                e.modality as u8 + 1,
            ),
        };
        EventKey {
            day,
            source,
            target,
            cameo,
            place,
            modality,
        }
    }
}

/// The day an event is counted on: its own date when the text gives a full day, else the
/// publication date. A month or year is not a day: "in March" events of different days must
/// not merge, nor be split from the article's.
pub fn event_day(e: &Event) -> &str {
    match (&e.when, e.when_precision) {
        (Some(w), Some("day")) if w.parse::<Date>().is_ok() => w,
        _ => &e.date,
    }
}

/// Strings to dense `u32` ids, each string stored once: a table from hash to id, probing on
/// the (rare) collision.
#[derive(Debug, Clone, Default)]
struct Interner {
    by_hash: FxHashMap<u64, u32>,
    names: Vec<Box<str>>,
}

impl Interner {
    fn intern(&mut self, s: &str) -> u32 {
        let mut h = {
            let mut hasher = FxHasher::default();
            hasher.write(s.as_bytes());
            hasher.finish()
        };
        loop {
            match self.by_hash.get(&h) {
                Some(&i) if self.names.get(i as usize).is_some_and(|n| &**n == s) => return i,
                Some(_) => h = h.wrapping_add(1),
                None => {
                    let i = self.names.len() as u32;
                    self.names.push(s.into());
                    self.by_hash.insert(h, i);
                    return i;
                }
            }
        }
    }

    fn name(&self, i: u32) -> &str {
        self.names.get(i as usize).map_or("", |n| n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fold_case_quotes_and_apostrophes() {
        let a = shingles("Hamas’s “ceasefire” -- OFFER\n\n  rejected", 1);
        let b = shingles("hamas's \"ceasefire\" offer rejected.", 1);
        assert_eq!(a, b);
        assert_eq!(a.len(), 4);
    }

    #[test]
    fn short_text_is_one_shingle_and_empty_text_none() {
        assert_eq!(shingles("two words", 5).len(), 1);
        assert!(shingles(" -- ", 5).is_empty());
        assert!(Signature::of("...", 5).is_none());
    }

    #[test]
    fn rows_fall_as_the_threshold_falls() {
        assert!(lsh_rows(0.3) <= lsh_rows(0.5));
        assert!(lsh_rows(0.5) <= lsh_rows(0.8));
        assert!(lsh_rows(0.99) <= SIGNATURE_HASHES / BANDS);
        for t in [0.3, 0.5, 0.7, 0.9] {
            assert!(candidate_probability(t, BANDS, lsh_rows(t)) >= 0.9, "{t}");
        }
    }

    #[test]
    fn interner_keeps_one_id_per_string() {
        let mut i = Interner::default();
        let a = i.intern("a");
        let b = i.intern("b");
        assert_ne!(a, b);
        assert_eq!(i.intern("a"), a);
        assert_eq!(i.name(b), "b");
    }
}
