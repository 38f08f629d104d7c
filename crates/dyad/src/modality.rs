//! Modality: whether the article *asserts* an event, or only denies, questions, supposes,
//! fears or reports it.
//!
//! The field's most common false positives come from events that did not happen: "Russia denied
//! shelling the town", "if Iran attacks", "fears of an invasion", "Did Turkey violate the
//! airspace?". dyad marks each event with one [`Modality`] and, by default, writes only the
//! asserted ones.
//!
//! The cues are dictionary content (`modality.txt`): word cues (`not`, `if`, `may`, `fears of`)
//! and verb cues, which are lemmas whose *complement* changes status (`deny` → negated,
//! `say` → reported, `plan to` → future intent). The clause analysis decides which cue governs
//! which verb; this module only names the classes and how they combine.

use serde::Serialize;

/// How the article presents an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, PartialOrd, Ord, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// The article states the event happened (or, for intent codes, that the intent was expressed).
    Asserted,
    /// Negated or denied: "did not attack", "denied shelling".
    Negated,
    /// Conditional, possible, feared, or a future act that is not an intent code.
    Hypothetical,
    /// A claim inside someone's speech: "X said that Y attacked Z" codes the attack as reported.
    Reported,
    /// Asked, not told: the sentence is a question.
    Question,
}

impl Modality {
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Negated => "negated",
            Modality::Hypothetical => "hypothetical",
            Modality::Reported => "reported",
            Modality::Question => "question",
        }
    }
}

/// A class of cue words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CueClass {
    /// `not`, `never`, `n't`, `no longer`.
    Negation,
    /// Verbs whose complement is denied: `deny`, `reject claims`.
    Denial,
    /// `if`, `unless`, `otherwise`, `in case`.
    Condition,
    /// `may`, `might`, `could`, `would`, `possible`, `likely`.
    Possibility,
    /// `fear`, `fears of`, `worry`, `risk of`, `threat of`.
    Fear,
    /// `will`, `shall`, `'ll`, `be going to`, `be set to`, `be due to`.
    Future,
    /// Verbs of intent taking `to`: `plan`, `intend`, `agree`, `promise`, `pledge`, `vow`.
    Intent,
    /// Verbs of saying: `say`, `tell`, `claim`, `allege`, `announce`, `according to`.
    Speech,
    /// Speech verbs that put forward a contested claim or an opinion rather than report a fact:
    /// `claim`, `allege`, `insist`, `believe`. What they govern stays a reported claim; what a
    /// plain report governs ("police said", "according to witnesses") is coded as the news
    /// states it.
    Claim,
    /// `whether`, `why`, `how`: indirect questions.
    Question,
    /// Verbs whose `to`-complement still happened: `begin`, `continue`, `go on`.
    Factive,
    /// Verbs whose `to`-complement is threatened: `threaten`. The act becomes a threat (13x,
    /// see [`threat_code`]).
    Threat,
    /// A sentence-level discard cue (sports, business).
    DiscardSentence,
    /// An article-level discard cue (several distinct ones switch an article off).
    DiscardArticle,
    /// A story-level discard: one occurrence switches the article off (PETRARCH's `+WORD`).
    DiscardStory,
}

impl CueClass {
    pub fn parse(s: &str) -> Option<CueClass> {
        Some(match s {
            "negation" => CueClass::Negation,
            "denial" => CueClass::Denial,
            "condition" => CueClass::Condition,
            "possibility" => CueClass::Possibility,
            "fear" => CueClass::Fear,
            "future" => CueClass::Future,
            "intent" => CueClass::Intent,
            "speech" => CueClass::Speech,
            "claim" => CueClass::Claim,
            "question" => CueClass::Question,
            "factive" => CueClass::Factive,
            "threat" => CueClass::Threat,
            _ => return None,
        })
    }

    /// Classes whose single-word members are verb lemmas (inflected when matched).
    pub fn is_verbal(self) -> bool {
        matches!(
            self,
            CueClass::Denial
                | CueClass::Intent
                | CueClass::Speech
                | CueClass::Claim
                | CueClass::Fear
                | CueClass::Factive
                | CueClass::Threat
        )
    }
}

/// The CAMEO intent code (03x) for a future or intended act, or `None` where an intended act
/// has no intent code (conflict acts: "will attack" stays hypothetical).
///
/// From the codebook's parallel structure: 03 *express intent to cooperate* mirrors 04–08.
pub fn intent_code(code: &str) -> Option<String> {
    if code.starts_with("03") {
        return Some(code.to_string());
    }
    intent_of_act(code).map(str::to_string)
}

/// The CAMEO threat code (13x) for a hostile act its own side announces it will do ("we will
/// retaliate", "would impose sanctions if ..."): the codebook's 13 *threaten* mirrors 14–20.
/// `None` for acts that are not hostile.
pub fn threat_code(code: &str) -> Option<&'static str> {
    let root = code.get(..2)?;
    Some(match code {
        "161" => "1313",
        "162" => "1311",
        "163" => "1312",
        "164" => "134",
        "165" => "135",
        "166" => "136",
        "172" => "132",
        "1721" => "1321",
        "1722" => "1322",
        "1723" => "1323",
        "1724" => "1324",
        "175" => "137",
        "191" => "1381",
        "192" => "1382",
        // "warned that Budapest would veto any new sanctions": a veto announced is a threat of
        // no more specific kind
        "129" => "130",
        _ => match root {
            "14" => "133",
            "16" => "131",
            "17" => "130",
            "18" => "1383",
            "19" => "1384",
            "20" => "1385",
            _ => return None,
        },
    })
}

fn intent_of_act(code: &str) -> Option<&'static str> {
    Some(match code {
        "040" | "041" | "042" | "043" | "044" | "046" => "036",
        "045" => "039",
        "050" | "051" | "052" | "053" | "054" | "055" | "056" => "032",
        "057" => "030",
        // ("pledged to deepen strategic cooperation", "agreed to resume cooperation on
        // climate change": cooperation with no kind named is an intent to cooperate, not
        // specified; a named kind, "economic cooperation", gives 0311 by its topic)
        "060" => "030",
        "061" => "0311",
        "062" => "0312",
        "063" => "0313",
        "064" => "0314",
        "070" | "075" => "033",
        "071" => "0331",
        "072" => "0332",
        "073" => "0333",
        "074" => "0334",
        "080" => "035",
        "081" | "0811" | "0812" | "0813" | "0814" => "0351",
        "082" => "0352",
        "083" => "034",
        "0831" => "0341",
        "0832" => "0342",
        "0833" => "0343",
        "0834" => "0344",
        "084" | "0841" | "0842" => "0353",
        "085" => "0354",
        "086" | "0861" | "0862" | "0863" => "0355",
        "087" | "0871" | "0872" | "0873" | "0874" => "0356",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_intent_code_exists_and_is_root_03() {
        let o = crate::ontology::Ontology::get();
        for c in o.codes() {
            if let Some(i) = intent_code(&c.code) {
                assert!(i.starts_with("03"), "{} -> {}", c.code, i);
                assert!(o.lookup(&i).is_some(), "{i}");
            }
        }
        assert_eq!(intent_code("042").as_deref(), Some("036"));
        assert_eq!(intent_code("190"), None);
    }

    #[test]
    fn every_threat_code_exists_and_is_root_13() {
        let o = crate::ontology::Ontology::get();
        for c in o.codes() {
            if let Some(t) = threat_code(&c.code) {
                assert!(t.starts_with("13"), "{} -> {}", c.code, t);
                assert!(o.lookup(t).is_some(), "{t}");
            }
        }
        assert_eq!(threat_code("195"), Some("1384"));
        assert_eq!(threat_code("163"), Some("1312"));
        assert_eq!(threat_code("042"), None);
    }
}
