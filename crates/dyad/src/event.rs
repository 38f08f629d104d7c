//! The output record: one coded event, in the JSON Lines contract of
//! `shared/schema/event.schema.json`. Field order is the contract's order.

use crate::modality::Modality;
use serde::Serialize;

/// An actor as it appears in the text: its code and the exact words, with byte offsets into
/// the article text as read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActorRef {
    pub code: String,
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// A place from the gazetteer, as the event's location: the contract's `place`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Place {
    pub name: String,
    /// ISO 3166-1 alpha-3.
    pub country: String,
    pub admin1: Option<String>,
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
    /// The pattern that matched, with its dictionary file and line.
    pub pattern: String,
    /// Every dictionary entry involved: actors, agents, the pattern.
    pub entries: Vec<String>,
}

/// One coded event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    pub event_id: String,
    pub article_id: String,
    pub sentence_index: usize,
    pub sentence: String,
    pub source: ActorRef,
    pub target: Option<ActorRef>,
    pub cameo: String,
    pub root: String,
    pub quad_class: u8,
    pub goldstein: f64,
    pub plover: Option<String>,
    pub modality: Modality,
    /// Publication date, `YYYY-MM-DD`.
    pub date: String,
    /// The event's own date, resolved from a time expression in its clause or sentence:
    /// `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or a decade `1990s` (see [`crate::timex`]). Null when the
    /// text gives none (the publication date stays in `date`).
    pub when: Option<String>,
    /// `day`, `week` (then `when` is the week's Monday), `month`, `season` (then `when` is the
    /// year), `year` or `decade`; null with `when`.
    pub when_precision: Option<String>,
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
            self.cameo.clone(),
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
        for &b in p.iter().chain(std::iter::once(&0x1f)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x100000001b3);
        }
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
