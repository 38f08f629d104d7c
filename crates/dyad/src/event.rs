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
    /// Resolved event date (filled by the where-and-when stage; null until then).
    pub when: Option<String>,
    /// Event place (filled by the where-and-when stage; null until then).
    pub location: Option<serde_json::Value>,
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
