//! Stage 8 — **Situate**: give each event its own date (`when`) and place (`location`).
//!
//! GDELT stamps every event with the day the article appeared and the first place name it
//! sees, so "an accord signed in Doha last Tuesday", reported from Kabul a week later, lands on
//! the wrong day in the wrong city. dyad reads the time and place from the event's own clause.
//!
//! ## Mentions and hosts
//!
//! A sentence has *mentions* — time expressions found by [`crate::timex`] and place names found
//! by the [`crate::gazetteer`] — and *hosts*: the verbs of its clauses and the nouns of its
//! nominal events. Each mention attaches to exactly one host:
//!
//! * the sentence is cut into segments at subordinators ("that", "when", "after" …), `;`, `:`
//!   and quotes, so "X said on Monday that Y attacked Z on Saturday" keeps Monday with "said"
//!   and Saturday with "attacked";
//! * inside its segment a mention belongs to the nearest host on its left ("met Xi in Beijing
//!   on Monday"); a fronted mention with none on its left belongs to the first host on its
//!   right ("On Monday, Russia attacked …");
//! * a participle after a comma (", killing 12") is not a host: what follows it still
//!   describes the main clause.
//!
//! * a verb reading with no subject, governor or pattern ("rejected U.N. calls for") is a noun
//!   in disguise, not a host.
//!
//! An event takes the mentions of the hosts its pattern consumed ("declined to comment on
//! Friday"), then those of verbs coordinated with it under the same subject ("arrived in Cairo
//! on Wednesday ... and was greeted"), then — for an infinitive complement — its governor's
//! ("agreed on Monday to hold talks": the intent was expressed on Monday). A clause reported
//! by a speech verb never inherits the speech's date: when the act happened is not when it was
//! reported.
//!
//! ## Places are not actors
//!
//! A place name counts as a location only where it is used as one: after a locative
//! preposition ("in", "at", "near", "outside" …), possibly through "the Syrian city of". So
//! "Beijing said" and "Washington warned" stay actors. A visit's destination is its place
//! ("visited Cairo", "during a visit to Helsinki" — a journey frames its whole clause). A place
//! after a noun naming another act belongs to that act, not to the event ("condemned the
//! bombing in Manchester" was not said in Manchester), except for material conflict, where the
//! noun usually is the event ("killed 20 people in an attack in Kabul"); a country name before
//! a noun describes the noun ("the U.S. decision"). With no place in the clause, the
//! dateline's place is used ("ANKARA, June 12 (Reuters) -"); with none, the location is null.
//! Which of a name's places is meant is [`choose_place`]'s business.
//!
//! ## Tense
//!
//! Time expressions resolve against the publication date in the direction of the host's
//! tense: "will meet on Thursday" is the coming Thursday, "met on Thursday" the last one. An
//! infinitive is prospective ("agreed to meet on Thursday"); a future marker makes the host
//! future; other hosts are past or present, which resolve the same way.
//!
//! ## Cost
//!
//! Only an event's `when` and `location` read a sentence's [`Situation`] (and `dyad explain`,
//! which shows it): the article memory never does. So the coder finds it at the first event
//! of the sentence it situates, and not at all for the sentences with none (three in ten).

use crate::annotate::{Annotated, Tag};
use crate::code::{SentenceParse, VerbClause};
use crate::dict::VerbForm;
use crate::modality::CueClass;
use crate::segment::Sentence;

/// A token span `[start, end)` that some host owns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// Where mentions may attach: the verbs of the clauses and the nouns of nominal events.
#[derive(Debug, Clone, Default)]
pub struct Hosts {
    /// Host tokens, ascending.
    tokens: Vec<usize>,
    /// Segment index of each token of the sentence.
    segment: Vec<usize>,
}

impl Hosts {
    pub fn new(s: &Sentence, a: &Annotated, parse: &SentenceParse) -> Hosts {
        let n = s.tokens.len();
        let mut segment = Vec::with_capacity(n);
        let mut seg = 0;
        for i in 0..n {
            let boundary = a.tags.get(i) == Some(&Tag::Sub)
                || matches!(s.tokens[i].lower.as_str(), ";" | ":" | "\"");
            if boundary {
                seg += 1;
            }
            segment.push(seg);
        }
        let participle = |c: &VerbClause| {
            c.form.has(VerbForm::GERUND)
                && !c.infinitive
                && c.verb > 0
                && s.tokens[c.verb - 1].is_punct(",")
        };
        let mut tokens: Vec<usize> = parse
            .clauses
            .iter()
            // a verb reading with no subject, no governor and no pattern is a noun in disguise
            // ("rejected U.N. calls for", "medical supplies")
            .filter(|c| {
                !participle(c)
                    && (!c.subject.is_empty()
                        || c.infinitive
                        || c.passive
                        || c.governor.is_some()
                        || c.shares_with.is_some()
                        || c.matched.is_some())
            })
            .map(|c| c.verb)
            .chain(parse.nominals.iter().map(|(i, _, _)| *i))
            .collect();
        tokens.sort_unstable();
        tokens.dedup();
        Hosts { tokens, segment }
    }

    /// The host a mention belongs to: the nearest on its left in its segment, else the first
    /// on its right.
    pub fn host_of(&self, m: Span) -> Option<usize> {
        let seg = *self.segment.get(m.start)?;
        let same = |&&t: &&usize| self.segment.get(t) == Some(&seg);
        self.tokens
            .iter()
            .filter(same)
            .rev()
            .find(|&&t| t < m.start)
            .or_else(|| self.tokens.iter().filter(same).find(|&&t| t >= m.end))
            .copied()
    }
}

/// The tense a host's time expressions resolve in.
pub fn host_tense(parse: &SentenceParse, host: usize) -> crate::timex::Tense {
    use crate::timex::Tense;
    match parse.clauses.iter().find(|c| c.verb == host) {
        Some(c) if c.future || c.infinitive || c.would => Tense::Future,
        Some(c) if c.form.only(VerbForm::BASE) || c.form.only(VerbForm::THIRD) => Tense::Present,
        _ => Tense::Past,
    }
}

/// The hosts whose mentions an event may use, in order of preference: the verbs and nouns
/// its pattern consumed ("declined to comment on Friday"); verbs coordinated with its verb
/// under the same subject ("arrived in Cairo on Wednesday ... and was greeted"); then, for an
/// infinitive complement that is not a speech verb's report, its governor.
pub fn event_hosts(
    parse: &SentenceParse,
    s: &Sentence,
    hosts: &Hosts,
    trigger: usize,
    span: (usize, usize),
    is_speech: impl Fn(usize) -> bool,
) -> Vec<usize> {
    let mut out = vec![trigger];
    out.extend(
        hosts
            .tokens
            .iter()
            .copied()
            .filter(|&h| h != trigger && span.0 <= h && h < span.1),
    );
    let clause_of = |v: usize| parse.clauses.iter().find(|c| c.verb == v);
    if let Some(c) = clause_of(trigger).filter(|c| !c.subject.is_empty()) {
        for o in parse.clauses.iter().filter(|o| {
            o.verb != c.verb && o.subject == c.subject && hosts.tokens.contains(&o.verb)
        }) {
            let (a, b) = (c.verb.min(o.verb), c.verb.max(o.verb));
            let joined = s.tokens[a + 1..b].iter().any(|t| t.lower == "and")
                && hosts.segment.get(a) == hosts.segment.get(b);
            if joined && !out.contains(&o.verb) {
                out.push(o.verb);
            }
        }
    }
    let mut at = trigger;
    for _ in 0..3 {
        let Some(c) = clause_of(at) else {
            break;
        };
        let Some(g) = c.governor.or(c.shares_with) else {
            break;
        };
        if !c.infinitive || is_speech(g) {
            break;
        }
        if !out.contains(&g) {
            out.push(g);
        }
        at = g;
    }
    out
}

/// Is the token a locative preposition: a place after it is where something happened?
#[inline]
pub fn is_locative(lower: &str) -> bool {
    matches!(
        lower,
        "in" | "at" | "near" | "outside" | "inside" | "across" | "throughout" | "around" | "into"
    )
}

/// Nouns of a journey: "to" after them names where it went ("a visit to Helsinki"), and that
/// place frames the clause.
const JOURNEY: &[&str] = &[
    "visit",
    "visits",
    "trip",
    "trips",
    "tour",
    "journey",
    "travelled",
    "traveled",
    "travels",
    "flew",
    "flight",
    "returned",
    "return",
    "arrival",
    "visiting",
    "travel",
    "travelling",
    "traveling",
    "came",
    "went",
];

/// Nouns that frame an act rather than stand apart from it: a place after them is where the
/// act happened ("met on the sidelines of a summit in Brussels").
// (the list as written; `is_background_noun` runs a `match` of it, which a test holds to it)
#[cfg_attr(not(test), allow(dead_code))]
const FRAME_NOUNS: &[&str] = &[
    "summit",
    "conference",
    "meeting",
    "meetings",
    "talks",
    "visit",
    "trip",
    "tour",
    "ceremony",
    "forum",
    "session",
    "gathering",
    "sidelines",
    "event",
    "news",
    "briefing",
    "speech",
    "interview",
    "statement",
    "hearing",
];

/// Event nouns that name an act of their own. A place after one belongs to it, not to the
/// clause's verb: "condemned the bombing in Manchester" was not said in Manchester.
// (the list as written; `is_background_noun` runs a `match` of it, which a test holds to it)
#[cfg_attr(not(test), allow(dead_code))]
const BACKGROUND_NOUNS: &[&str] = &[
    "war",
    "crimes",
    "crime",
    "offensive",
    "mission",
    "explosion",
    "blast",
    "bombing",
    "bombings",
    "attack",
    "attacks",
    "invasion",
    "occupation",
    "crackdown",
    "conflict",
    "operation",
    "operations",
    "deployment",
    "presence",
    "recognition",
    "opening",
    "election",
    "elections",
    "decision",
    "violence",
    "fighting",
    "clashes",
    "killing",
    "killings",
    "massacre",
    "shooting",
    "strike",
    "strikes",
    "airstrike",
    "airstrikes",
    "protests",
    "unrest",
    "crisis",
    "situation",
    "annexation",
    "referendum",
    "coup",
    "detention",
    "arrest",
    "siege",
    "blockade",
    "incursion",
    "raid",
    "raids",
    "campaign",
    "policy",
    "policies",
    "role",
    "activities",
    "involvement",
    "abuses",
    "office",
    "embassy",
    "consulate",
    "base",
    "bases",
];

/// Does `t` name an act of its own (an event noun that is not a frame)? The words of
/// [`BACKGROUND_NOUNS`] that are not [`FRAME_NOUNS`], as a `match` (a test holds the two
/// together): this runs for every word between an event and a place, and walking both lists
/// for each was most of [`Situation::for_event`].
fn is_background_noun(lower: &str) -> bool {
    matches!(
        lower,
        "war"
            | "crimes"
            | "crime"
            | "offensive"
            | "mission"
            | "explosion"
            | "blast"
            | "bombing"
            | "bombings"
            | "attack"
            | "attacks"
            | "invasion"
            | "occupation"
            | "crackdown"
            | "conflict"
            | "operation"
            | "operations"
            | "deployment"
            | "presence"
            | "recognition"
            | "opening"
            | "election"
            | "elections"
            | "decision"
            | "violence"
            | "fighting"
            | "clashes"
            | "killing"
            | "killings"
            | "massacre"
            | "shooting"
            | "strike"
            | "strikes"
            | "airstrike"
            | "airstrikes"
            | "protests"
            | "unrest"
            | "crisis"
            | "situation"
            | "annexation"
            | "referendum"
            | "coup"
            | "detention"
            | "arrest"
            | "siege"
            | "blockade"
            | "incursion"
            | "raid"
            | "raids"
            | "campaign"
            | "policy"
            | "policies"
            | "role"
            | "activities"
            | "involvement"
            | "abuses"
            | "office"
            | "embassy"
            | "consulate"
            | "base"
            | "bases"
    )
}

/// Words that may stand between a locative preposition and a place name: "in the Syrian city
/// of Idlib", "in northern Gaza", "near the town of".
/// The words are read in lower case from the sentence's tokens (`""` past its end).
pub fn place_lead_len(
    s: &Sentence,
    after_prep: usize,
    text_capitalized: &dyn Fn(usize) -> bool,
) -> usize {
    let lower = |k: usize| s.tokens.get(k).map_or("", |t| t.lower.as_str());
    let mut k = after_prep;
    if matches!(lower(k), "the" | "a" | "an") {
        k += 1;
    }
    // "the outskirts of", "the centre of"
    if matches!(
        lower(k),
        "outskirts" | "centre" | "center" | "heart" | "suburbs"
    ) && lower(k + 1) == "of"
    {
        k += 2;
        if lower(k) == "the" {
            k += 1;
        }
    }
    // compass and size words, and a nationality adjective before a place noun
    let mut steps = 0;
    while steps < 3
        && (is_compass_word(lower(k))
            || matches!(
                lower(k),
                "eastern-most"
                    | "restive"
                    | "besieged"
                    | "embattled"
                    | "capital"
                    | "port"
                    | "border"
                    | "coastal"
                    | "city"
                    | "town"
                    | "village"
                    | "region"
                    | "province"
                    | "district"
                    | "state"
                    | "county"
                    | "governorate"
                    | "oblast"
                    | "of"
            )
            || (text_capitalized(k)
                && matches!(
                    lower(k + 1),
                    "city" | "town" | "village" | "region" | "province" | "capital" | "port"
                )))
    {
        if text_capitalized(k) {
            // "the Syrian city of": the adjective and its noun
            k += 2;
        } else {
            k += 1;
        }
        steps += 1;
    }
    k - after_prep
}

/// A speech verb (said, told, announced): its report does not take its date or place.
pub fn speech_host(a: &Annotated, lex: &crate::dict::Lexicon, t: usize) -> bool {
    a.verb
        .get(t)
        .copied()
        .flatten()
        .is_some_and(|(lemma, _)| lex.lemma_cues(lemma).contains(&CueClass::Speech))
}

/// Title case of an all-capitals dateline word ("ANKARA" → "Ankara", "U.S." stays).
pub fn dateline_word(w: &str) -> String {
    if w.chars().any(|c| c == '.') {
        return w.to_string();
    }
    let mut out = String::with_capacity(w.len());
    let mut first = true;
    for c in w.chars() {
        if first {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        first = !c.is_alphabetic();
    }
    out
}

/// The tokens of a sentence, as written.
pub fn words<'t>(s: &Sentence, text: &'t str) -> Vec<&'t str> {
    s.tokens.iter().map(|t| t.text(text)).collect()
}

/// A place name used as a location in a sentence.
#[derive(Debug, Clone)]
pub struct PlaceMention {
    /// Tokens of the name.
    pub span: Span,
    pub candidates: Vec<PlaceId>,
    /// Countries the context names for it ("the Syrian city of", "Doha, Qatar"), alpha-3.
    pub hints: Vec<String>,
    /// Introduced by "to" after a journey noun ("a visit to Helsinki").
    pub journey: bool,
}

/// A time expression with its token span.
#[derive(Debug, Clone)]
pub struct TimeAt {
    pub span: Span,
    pub mention: TimeMention,
}

/// Everything [`Situation::for_event`] needs about one sentence.
#[derive(Debug, Clone, Default)]
pub struct Situation {
    pub hosts: Hosts,
    pub times: Vec<(Option<usize>, TimeAt)>,
    pub places: Vec<(Option<usize>, PlaceMention)>,
}

use crate::gazetteer::{Feature, Gazetteer, PlaceId};
use crate::timex::TimeMention;

/// The token span covering byte range `[start, end)` of the sentence text.
fn token_span(s: &Sentence, start: usize, end: usize) -> Option<Span> {
    let first = s.tokens.iter().position(|t| t.end > start)?;
    let last = s.tokens.iter().rposition(|t| t.start < end)?;
    (first <= last).then_some(Span {
        start: first,
        end: last + 1,
    })
}

impl Situation {
    /// Find the sentence's time expressions and located place names and attach each to a host.
    pub fn of_sentence(
        lex: &crate::dict::Lexicon,
        s: &Sentence,
        text: &str,
        a: &Annotated,
        parse: &SentenceParse,
    ) -> Situation {
        let hosts = Hosts::new(s, a, parse);
        let sentence_text = &text[s.start..s.end];
        let body_start = a.dateline.unwrap_or(0);
        let times = crate::timex::find(sentence_text)
            .into_iter()
            .filter_map(|m| {
                let span = token_span(s, s.start + m.start, s.start + m.end)?;
                (span.start >= body_start).then_some(TimeAt { span, mention: m })
            })
            .map(|t| (hosts.host_of(t.span), t))
            .collect();
        let mut places: Vec<(Option<usize>, PlaceMention)> = Vec::new();
        for p in place_mentions(lex, s, text, a, body_start) {
            let host = hosts.host_of(p.span);
            // "pledged to cooperate during Khan's visit to Beijing": the journey frames the
            // clause the visit noun stands in, so its place is that clause's too
            let nominal = host.filter(|h| parse.nominals.iter().any(|(i, _, _)| i == h));
            if let Some(n) = nominal.filter(|_| p.journey) {
                let outer = hosts.host_of(Span {
                    start: n,
                    end: n + 1,
                });
                if outer.is_some() && outer != host {
                    places.push((outer, p.clone()));
                }
            }
            places.push((host, p));
        }
        Situation {
            hosts,
            times,
            places,
        }
    }
}

/// The country code (alpha-3) of a nationality adjective or country name at token `t`.
fn country_at(lex: &crate::dict::Lexicon, a: &Annotated, t: usize) -> Option<String> {
    a.phrases
        .iter()
        .find(|p| p.start <= t && t < p.end)
        .and_then(|p| p.country)
        .map(|(c, _)| lex.dict.countries[c as usize].code.clone())
}

/// Place names after a locative preposition (or "to" after a journey noun), with the
/// countries their context names.
fn place_mentions(
    lex: &crate::dict::Lexicon,
    s: &Sentence,
    text: &str,
    a: &Annotated,
    from: usize,
) -> Vec<PlaceMention> {
    let gaz = Gazetteer::embedded();
    // the sentence's words as written, listed at its first locative (most sentences have
    // none; the lower case is read from the tokens, not copied into a second list)
    let mut listed: Option<Vec<&str>> = None;
    let capitalized = |k: usize| s.tokens.get(k).is_some_and(|t| t.capitalized);
    let mut out = Vec::new();
    let mut i = from;
    while i < s.tokens.len() {
        let lower = s.tokens[i].lower.as_str();
        let journey = lower == "to" && i > 0 && JOURNEY.contains(&s.tokens[i - 1].lower.as_str());
        if !is_locative(lower) && !journey {
            i += 1;
            continue;
        }
        let words = &*listed.get_or_insert_with(|| words(s, text));
        // Among the positions of the lead ("in the Darfur city of El Geneina"), the name that
        // reaches farthest, and of those the one that starts first ("the West Bank", not
        // "Bank").
        let lead = place_lead_len(s, i + 1, &capitalized);
        let best = (i + 1..=i + 1 + lead)
            .filter_map(|k| gaz.match_at(words, k).map(|(len, ids)| (k, len, ids)))
            .max_by_key(|&(k, len, _)| (k + len, std::cmp::Reverse(k)));
        let mut hints: Vec<String> = (i + 1..i + 1 + lead)
            .filter_map(|t| country_at(lex, a, t))
            .collect();
        hints.dedup();
        let Some((k, len, ids)) = best else {
            // "the northeastern Nigerian town of Dapchi": a town the gazetteer does not know,
            // in a country the text names
            if let Some(c) = hints.first().and_then(|c| gaz.country(c)) {
                if words
                    .get(i + 1 + lead)
                    .is_some_and(|_| capitalized(i + 1 + lead))
                {
                    let t = (i + 1..i + 1 + lead)
                        .find(|&t| country_at(lex, a, t).is_some())
                        .unwrap_or(i + 1);
                    out.push(PlaceMention {
                        span: Span {
                            start: t,
                            end: t + 1,
                        },
                        candidates: vec![c],
                        hints: vec![],
                        journey,
                    });
                }
            }
            i += 1;
            continue;
        };
        let mut end = k + len;
        // "the U.S. decision", "in Russian custody": a country name before a noun describes
        // the noun; it places nothing
        let all_countries = ids
            .iter()
            .all(|&id| gaz.place(id).feature == Feature::Country);
        if all_countries && a.tags.get(end) == Some(&Tag::Noun) && !capitalized(end) {
            i = end;
            continue;
        }
        // "in Doha, Qatar": the country after the comma
        if words.get(end) == Some(&",") {
            if let Some((clen, cids)) = gaz.match_at(words, end + 1) {
                if let Some(c) = cids
                    .iter()
                    .map(|&id| gaz.place(id))
                    .find(|p| p.feature == Feature::Country)
                    .and_then(|p| p.country)
                {
                    hints.insert(0, c.to_string());
                    end += 1 + clen;
                }
            }
        }
        out.push(PlaceMention {
            span: Span { start: k, end },
            candidates: ids.to_vec(),
            hints,
            journey,
        });
        i = end;
    }
    out
}

/// A city this big is what its name means, whatever region shares the name.
const BIG_CITY: u64 = 300_000;

/// Choose among a name's places. Countries the text names around it ("the Syrian city of",
/// "Doha, Qatar") decide. Otherwise a country or region of that name wins over a town, the
/// biggest town over smaller ones — unless one in a country of the event's actors or the
/// dateline is at least a fifth as big ("Geneva" with Russian and U.S. actors is still in
/// Switzerland; "Hyderabad" with Pakistani actors is in Pakistan).
pub fn choose_place(
    gaz: &Gazetteer,
    candidates: &[PlaceId],
    strong: &[&str],
    weak: &[&str],
) -> Option<PlaceId> {
    if strong
        .iter()
        .any(|h| candidates.iter().any(|&c| gaz.place(c).country == Some(*h)))
    {
        return gaz.disambiguate(candidates, strong);
    }
    let biggest = candidates
        .iter()
        .map(|&c| gaz.place(c).population)
        .max()
        .unwrap_or(0);
    // a country always; a region over small towns of its name ("Bali"), not over a big city
    // ("Washington", "New York")
    let country = candidates
        .iter()
        .copied()
        .find(|&c| gaz.place(c).feature == Feature::Country);
    let region = candidates
        .iter()
        .copied()
        .find(|&c| gaz.place(c).feature == Feature::Region)
        .filter(|_| biggest < BIG_CITY);
    if let Some(c) = country.or(region) {
        return Some(c);
    }
    let hinted = weak.iter().find_map(|h| {
        candidates
            .iter()
            .copied()
            .filter(|&c| gaz.place(c).country == Some(*h))
            .filter(|&c| gaz.place(c).population * 5 >= biggest)
            .max_by_key(|&c| gaz.place(c).population)
    });
    hinted.or_else(|| gaz.disambiguate(candidates, &[]))
}

/// The event's place as the output record writes it.
pub fn place_record(
    gaz: &Gazetteer,
    id: PlaceId,
    text: String,
    start: usize,
    end: usize,
) -> Option<crate::event::Place> {
    let p = gaz.place(id);
    Some(crate::event::Place {
        name: p.name,
        country: p.country?,
        admin1: p.admin1,
        lat: p.lat,
        lon: p.lon,
        geonames_id: p.geonames_id,
        feature: match p.feature {
            Feature::City => "city",
            Feature::Region => "region",
            Feature::Country => "country",
        },
        text,
        start,
        end,
    })
}

/// Finer places first: a city over a region over a country.
fn fineness(f: Feature) -> u8 {
    match f {
        Feature::City => 0,
        Feature::Region => 1,
        Feature::Country => 2,
    }
}

impl Situation {
    /// The time mention and place mention of an event: those of its hosts (see
    /// [`event_hosts`]), a place only when no act of its own stands between the host and it.
    pub fn for_event<'s>(
        &'s self,
        s: &Sentence,
        a: &Annotated,
        parse: &SentenceParse,
        event: EventAt<'_>,
        is_speech: impl Fn(usize) -> bool,
    ) -> (Option<(usize, &'s TimeAt)>, Option<&'s PlaceMention>) {
        let chain = event_hosts(parse, s, &self.hosts, event.trigger, event.span, is_speech);
        let gaz = Gazetteer::embedded();
        let time = chain.iter().find_map(|&h| {
            self.times
                .iter()
                .find(|(host, t)| *host == Some(h) && !t.mention.is_range_start)
                .map(|(_, t)| (h, t))
        });
        // a material conflict act shares the place of the event noun that describes it
        // ("killed 20 people in an attack in Kabul")
        let material = matches!(event.root, "14" | "15" | "17" | "18" | "19" | "20");
        // words of actor phrases ("U.S. peace envoy") are names, not acts
        let in_phrase = |t: usize| a.phrases.iter().any(|p| p.start <= t && t < p.end);
        let own = |h: usize, p: &PlaceMention| {
            let from = (h + 1).max(event.span.1);
            p.journey
                || material
                || from >= p.span.start
                || !(from..p.span.start)
                    .any(|t| !in_phrase(t) && is_background_noun(&s.tokens[t].lower))
        };
        let place = chain.iter().find_map(|&h| {
            self.places
                .iter()
                .filter(|(host, p)| *host == Some(h) && own(h, p))
                .map(|(_, p)| p)
                .min_by_key(|p| {
                    p.candidates
                        .iter()
                        .map(|&id| fineness(gaz.place(id).feature))
                        .min()
                        .unwrap_or(3)
                })
        });
        (time, place)
    }
}

/// What [`Situation::for_event`] needs to know about an event.
#[derive(Debug, Clone, Copy)]
pub struct EventAt<'a> {
    pub trigger: usize,
    /// Tokens its pattern consumed.
    pub span: (usize, usize),
    /// Its CAMEO root.
    pub root: &'a str,
}

/// "eastern", "north", "south-west", ...: a direction before a place name.
pub(crate) fn is_compass_word(w: &str) -> bool {
    matches!(
        w,
        "north"
            | "south"
            | "east"
            | "west"
            | "northern"
            | "southern"
            | "eastern"
            | "western"
            | "central"
            | "northeast"
            | "northwest"
            | "southeast"
            | "southwest"
            | "northeastern"
            | "northwestern"
            | "southeastern"
            | "southwestern"
    )
}

#[cfg(test)]
mod tests {
    /// [`super::is_background_noun`]'s `match` is the two lists' rule: a background noun that
    /// is not a frame noun.
    #[test]
    fn background_match_is_the_lists() {
        let others = [
            "", "in", "the", "wars", "Attack", "meeting", "visit", "attack",
        ];
        for w in super::FRAME_NOUNS
            .iter()
            .chain(super::BACKGROUND_NOUNS)
            .chain(&others)
        {
            let by_lists = !super::FRAME_NOUNS.contains(w) && super::BACKGROUND_NOUNS.contains(w);
            assert_eq!(super::is_background_noun(w), by_lists, "{w}");
        }
    }
}
