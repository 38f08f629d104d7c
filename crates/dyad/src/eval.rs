//! Evaluation against gold events: dyad's own gold set (`eval/gold.jsonl`) and PETRARCH-format
//! validation suites.
//!
//! Machine-coded events are only as trustworthy as their measured accuracy, and an improvement
//! cannot be told from a regression without a fixed yardstick. Two yardsticks live here:
//!
//! * **own gold** — sentences and short articles with the events a careful CAMEO coder assigns
//!   (`events`, asserted) and the tempting wrong ones (`not`: denials, conditionals, metaphors).
//!   Scored as precision / recall / F1 on (source, target, code) triples, on roots, on actor
//!   pairs, per root, and as the rate at which traps are coded;
//! * **PETRARCH validation suites** — `<Sentence>` records with `<EventCoding>` triples,
//!   `noevents="True"` or an `error=` discard. A record passes when the set of triples dyad
//!   produces equals the expected set. `<Parse>` trees are ignored: dyad codes from the text.

use crate::{Article, Coder, Date, Modality};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// `(source, target or "-", code)`.
pub type Triple = (String, String, String);

/// One expected or forbidden event of a gold item.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
pub struct GoldEvent {
    pub source: String,
    pub target: Option<String>,
    pub cameo: String,
    /// The event's own date (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `1990s`). Absent: not judged;
    /// `null`: the text gives no date for this event and dyad must give none.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub when: Option<serde_json::Value>,
    /// `"week"` or `"season"` when `when` has that precision (the form says the others).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when_precision: Option<String>,
    /// Where the event happened (`{name, country, lat, lon, feature}`). Absent: not judged;
    /// `null`: no place.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub location: Option<serde_json::Value>,
}

/// A key that is present, even as `null`, is `Some`: absent means "not judged".
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<serde_json::Value>, D::Error> {
    serde_json::Value::deserialize(d).map(Some)
}

impl GoldEvent {
    fn triple(&self) -> Triple {
        (
            self.source.clone(),
            self.target.clone().unwrap_or_else(|| "-".into()),
            self.cameo.clone(),
        )
    }
}

/// One item of the own gold set (a line of `eval/gold.jsonl`).
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct GoldItem {
    pub id: String,
    pub date: String,
    pub text: String,
    #[serde(default)]
    pub events: Vec<GoldEvent>,
    #[serde(default)]
    pub not: Vec<GoldEvent>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub note: String,
}

/// A line of a gold file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct GoldError {
    pub line: usize,
    pub message: String,
}

/// Parse a gold JSONL file. Every bad line is reported; the others are kept.
pub fn parse_gold(text: &str) -> (Vec<GoldItem>, Vec<GoldError>) {
    let mut items = Vec::new();
    let mut errors = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<GoldItem>(line) {
            Ok(item) if item.date.parse::<Date>().is_ok() => items.push(item),
            Ok(item) => errors.push(GoldError {
                line: i + 1,
                message: format!("{}: invalid date {:?}", item.id, item.date),
            }),
            Err(e) => errors.push(GoldError {
                line: i + 1,
                message: e.to_string(),
            }),
        }
    }
    (items, errors)
}

/// Precision, recall and F1 from counts.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq)]
pub struct Score {
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Score {
    fn from_counts(tp: usize, fp: usize, fn_: usize) -> Score {
        let p = if tp + fp == 0 {
            0.0
        } else {
            tp as f64 / (tp + fp) as f64
        };
        let r = if tp + fn_ == 0 {
            0.0
        } else {
            tp as f64 / (tp + fn_) as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        Score {
            tp,
            fp,
            fn_,
            precision: round(p),
            recall: round(r),
            f1: round(f),
        }
    }
}

fn round(x: f64) -> f64 {
    (x * 10000.0).round() / 10000.0
}

fn counts<T: Ord + Clone>(gold: &BTreeSet<T>, got: &BTreeSet<T>) -> (usize, usize, usize) {
    let tp = gold.intersection(got).count();
    (tp, got.len() - tp, gold.len() - tp)
}

/// A gold item dyad got wrong.
#[derive(Debug, Clone, Serialize)]
pub struct GoldMiss {
    pub id: String,
    pub missing: Vec<Triple>,
    pub extra: Vec<Triple>,
}

/// Scores on the own gold set.
#[derive(Debug, Clone, Serialize)]
pub struct GoldReport {
    pub items: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub triples: Score,
    /// (source, target, root).
    pub roots: Score,
    /// (source, target) pairs.
    pub actors: Score,
    /// (source, target, root) with each actor cut to its first three letters — its country,
    /// IGO or group prefix — so a right country with a wrong role ("RUS" for "RUSMIL") counts.
    /// Tells an actor-role gap from a who-did-it gap.
    pub countries: Score,
    pub by_root: BTreeMap<String, Score>,
    /// Items with forbidden events, and how many of those events dyad produced.
    pub traps: usize,
    pub trap_events: usize,
    pub trap_events_produced: usize,
    /// `trap_events_produced / trap_events`.
    pub trap_error_rate: f64,
    pub by_tag: BTreeMap<String, Score>,
    /// Dates of the gold events that carry a `when` and that dyad found.
    pub when: Accuracy,
    /// Places of the gold events that carry a `location` and that dyad found: the country
    /// right (or both null).
    pub location_country: Accuracy,
    /// ... and for gold cities, dyad's place within 25 km of the gold coordinates (a gold null
    /// must be null).
    pub location_city_25km: Accuracy,
    pub misses: Vec<GoldMiss>,
}

/// Correct answers among judged ones, with `judged` counting only gold events dyad found (a
/// missed event says nothing about dates or places). `gold` is how many gold events carry the
/// field at all.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq)]
pub struct Accuracy {
    pub gold: usize,
    pub judged: usize,
    pub correct: usize,
    pub accuracy: f64,
}

impl Accuracy {
    fn add(&mut self, correct: bool) {
        self.judged += 1;
        self.correct += usize::from(correct);
        self.accuracy = round(self.correct as f64 / self.judged as f64);
    }
}

/// Is dyad's `when` (and precision) the gold one?
fn when_matches(gold: &GoldEvent, got: &crate::Event) -> bool {
    let gold_when = gold.when.as_ref().and_then(|v| v.as_str());
    match (gold_when, got.when.as_deref()) {
        (None, None) => true,
        (Some(g), Some(w)) => {
            let precision_ok = match gold.when_precision.as_deref() {
                Some(p) => got.when_precision == Some(p),
                // a day-form gold date is not matched by a week's Monday
                None => !matches!(got.when_precision, Some("week" | "season")),
            };
            g == w && precision_ok
        }
        _ => false,
    }
}

/// `(country right, city within 25 km)` of dyad's place against the gold one.
fn location_matches(gold: &serde_json::Value, got: Option<&crate::event::Place>) -> (bool, bool) {
    if gold.is_null() {
        let ok = got.is_none();
        return (ok, ok);
    }
    let Some(p) = got else {
        return (false, false);
    };
    let country = gold.get("country").and_then(|c| c.as_str()) == Some(p.country);
    let coords = (
        gold.get("lat").and_then(|x| x.as_f64()),
        gold.get("lon").and_then(|x| x.as_f64()),
    );
    let near = match coords {
        (Some(lat), Some(lon)) => {
            crate::gazetteer::Gazetteer::distance_km((lat, lon), (p.lat, p.lon)) <= 25.0
        }
        _ => false,
    };
    (country, country && near)
}

/// Code every gold item and score the asserted events.
pub fn evaluate_gold(coder: &Coder, items: &[GoldItem]) -> GoldReport {
    let (mut t, mut r, mut a, mut k) = ((0, 0, 0), (0, 0, 0), (0, 0, 0), (0, 0, 0));
    let mut by_root: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    let mut by_tag: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    let (mut traps, mut trap_events, mut trap_hits) = (0, 0, 0);
    let mut misses = Vec::new();
    let (mut when, mut country, mut city) = (
        Accuracy::default(),
        Accuracy::default(),
        Accuracy::default(),
    );
    let add = |acc: &mut (usize, usize, usize), c: (usize, usize, usize)| {
        acc.0 += c.0;
        acc.1 += c.1;
        acc.2 += c.2;
    };
    for item in items {
        let date: Date = item.date.parse().expect("checked when parsed");
        let article = Article::new(item.id.clone(), date, item.text.clone());
        let events: Vec<crate::Event> = coder
            .code(&article)
            .into_iter()
            .filter(|e| e.modality == Modality::Asserted)
            .collect();
        let got: BTreeSet<Triple> = events.iter().map(|e| e.triple()).collect();
        for g in &item.events {
            let found = events.iter().find(|e| e.triple() == g.triple());
            if g.when.is_some() {
                when.gold += 1;
                if let Some(e) = found {
                    when.add(when_matches(g, e));
                }
            }
            if let Some(loc) = &g.location {
                country.gold += 1;
                let is_city = loc.get("feature").and_then(|f| f.as_str()) == Some("city");
                if is_city || loc.is_null() {
                    city.gold += 1;
                }
                if let Some(e) = found {
                    let (c, near) = location_matches(loc, e.location.as_ref());
                    country.add(c);
                    if is_city || loc.is_null() {
                        city.add(near);
                    }
                }
            }
        }
        let gold: BTreeSet<Triple> = item.events.iter().map(GoldEvent::triple).collect();
        let c = counts(&gold, &got);
        add(&mut t, c);
        for tag in &item.tags {
            add(by_tag.entry(tag.clone()).or_default(), c);
        }
        let root = |x: &Triple| {
            (
                x.0.clone(),
                x.1.clone(),
                x.2.get(..2).unwrap_or("").to_string(),
            )
        };
        add(
            &mut r,
            counts(
                &gold.iter().map(root).collect(),
                &got.iter().map(root).collect(),
            ),
        );
        let prefix = |c: &String| c.get(..3).unwrap_or(c).to_string();
        let country_root = |x: &Triple| {
            (
                prefix(&x.0),
                prefix(&x.1),
                x.2.get(..2).unwrap_or("").to_string(),
            )
        };
        add(
            &mut k,
            counts(
                &gold.iter().map(country_root).collect(),
                &got.iter().map(country_root).collect(),
            ),
        );
        let pair = |x: &Triple| (x.0.clone(), x.1.clone());
        add(
            &mut a,
            counts(
                &gold.iter().map(pair).collect(),
                &got.iter().map(pair).collect(),
            ),
        );
        let roots: BTreeSet<String> = gold
            .iter()
            .chain(&got)
            .map(|x| x.2.get(..2).unwrap_or("").to_string())
            .collect();
        for rt in roots {
            let g: BTreeSet<&Triple> = gold.iter().filter(|x| x.2.starts_with(&rt)).collect();
            let p: BTreeSet<&Triple> = got.iter().filter(|x| x.2.starts_with(&rt)).collect();
            add(by_root.entry(rt).or_default(), counts(&g, &p));
        }
        if !item.not.is_empty() {
            traps += 1;
            trap_events += item.not.len();
            trap_hits += item
                .not
                .iter()
                .filter(|n| got.contains(&n.triple()))
                .count();
        }
        if c.1 > 0 || c.2 > 0 {
            misses.push(GoldMiss {
                id: item.id.clone(),
                missing: gold.difference(&got).cloned().collect(),
                extra: got.difference(&gold).cloned().collect(),
            });
        }
    }
    let triples = Score::from_counts(t.0, t.1, t.2);
    GoldReport {
        items: items.len(),
        precision: triples.precision,
        recall: triples.recall,
        f1: triples.f1,
        triples,
        roots: Score::from_counts(r.0, r.1, r.2),
        actors: Score::from_counts(a.0, a.1, a.2),
        countries: Score::from_counts(k.0, k.1, k.2),
        by_root: by_root
            .into_iter()
            .map(|(k, c)| (k, Score::from_counts(c.0, c.1, c.2)))
            .collect(),
        traps,
        trap_events,
        trap_events_produced: trap_hits,
        trap_error_rate: if trap_events == 0 {
            0.0
        } else {
            round(trap_hits as f64 / trap_events as f64)
        },
        by_tag: by_tag
            .into_iter()
            .map(|(k, c)| (k, Score::from_counts(c.0, c.1, c.2)))
            .collect(),
        when,
        location_country: country,
        location_city_25km: city,
        misses,
    }
}

/// One record of a PETRARCH validation file.
#[derive(Debug, Clone, PartialEq)]
pub struct PetrRecord {
    pub id: String,
    pub date: Option<Date>,
    pub category: String,
    pub text: String,
    pub expected: BTreeSet<Triple>,
    pub noevents: bool,
    pub error: Option<String>,
    /// PETRARCH's `require_dyad` option where the record stands (a `<Config>` tag earlier in
    /// the file sets it; PETRARCH's default is true): events need both a source and a target.
    pub require_dyad: bool,
}

/// A PETRARCH validation file: its records and the categories it includes.
#[derive(Debug, Clone, Default)]
pub struct PetrSuite {
    pub include: Vec<String>,
    pub records: Vec<PetrRecord>,
    /// Dictionary files the suite's `<Environment>` names (`Verbfile`, `Actorfile`, ...).
    pub verbfile: Option<String>,
    pub actorfiles: Vec<String>,
    pub agentfile: Option<String>,
    pub discardfile: Option<String>,
}

/// The value of attribute `name` in a tag (`name="v"`, spaces around `=` allowed).
fn attr(tag: &str, name: &str) -> Option<String> {
    let mut from = 0;
    while let Some(k) = tag[from..].find(name) {
        let at = from + k;
        from = at + name.len();
        let before_ok = at == 0 || !tag.as_bytes()[at - 1].is_ascii_alphanumeric();
        let rest = tag[from..].trim_start();
        if before_ok {
            if let Some(r) = rest.strip_prefix('=') {
                let r = r.trim_start();
                if let Some(v) = r.strip_prefix('"') {
                    return v.find('"').map(|j| v[..j].to_string());
                }
            }
        }
    }
    None
}

fn strip_xml_comments(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("<!--") {
        out.push_str(&rest[..i]);
        match rest[i..].find("-->") {
            Some(j) => rest = &rest[i + j + 3..],
            None => return out,
        }
    }
    out.push_str(rest);
    out
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Read a PETRARCH validation file. Records may mark themselves with `sentence="true"`,
/// `valid=` or `evaluate="true"`; a record whose category is outside `<Include>` is kept but
/// marked by [`PetrSuite::evaluated`].
pub fn parse_petr_suite(xml: &str) -> PetrSuite {
    let xml = strip_xml_comments(xml);
    let include = xml
        .find("<Include>")
        .and_then(|i| {
            xml[i + 9..].find("</Include>").map(|j| {
                xml[i + 9..i + 9 + j]
                    .split_whitespace()
                    .map(str::to_string)
                    .collect()
            })
        })
        .unwrap_or_default();
    let element = |name: &str| -> Option<String> {
        let open = format!("<{name}>");
        let i = xml.find(&open)? + open.len();
        let j = xml[i..].find(&format!("</{name}>"))? + i;
        Some(xml[i..j].trim().to_string())
    };
    let verbfile = element("Verbfile");
    let actorfiles = element("Actorfile")
        .map(|a| {
            a.split(',')
                .map(|x| x.trim().to_string())
                .filter(|x| !x.is_empty())
                .collect()
        })
        .unwrap_or_default();
    let agentfile = element("Agentfile");
    let discardfile = element("Discardfile");
    let mut records = Vec::new();
    let mut rest = xml.as_str();
    let mut require_dyad = true;
    while let Some(i) = rest.find("<Sentence ") {
        require_dyad = config_option(&rest[..i], "require_dyad")
            .map_or(require_dyad, |v| v.eq_ignore_ascii_case("true"));
        let body_start = match rest[i..].find('>') {
            Some(j) => i + j + 1,
            None => break,
        };
        let tag = &rest[i..body_start];
        let end = rest[body_start..]
            .find("</Sentence>")
            .map_or(rest.len(), |j| body_start + j);
        let body = &rest[body_start..end];
        let text = body
            .find("<Text>")
            .and_then(|a| {
                body[a + 6..]
                    .find("</Text>")
                    .map(|b| &body[a + 6..a + 6 + b])
            })
            .map(|t| unescape(&t.split_whitespace().collect::<Vec<_>>().join(" ")))
            .unwrap_or_default();
        let mut expected = BTreeSet::new();
        let mut codings = body;
        while let Some(k) = codings.find("<EventCoding") {
            let e = codings[k..].find('>').map_or(codings.len(), |x| k + x);
            let t = &codings[k..e];
            if let (Some(s), Some(c)) = (attr(t, "sourcecode"), attr(t, "eventcode")) {
                let tg = attr(t, "targetcode")
                    .filter(|x| !x.is_empty() && x != "---")
                    .unwrap_or_else(|| "-".into());
                expected.insert((s, tg, c));
            }
            codings = &codings[e..];
        }
        let date = attr(tag, "date").and_then(|d| {
            let d = d.trim();
            if d.len() == 8 {
                Date::new(
                    d[..4].parse().ok()?,
                    d[4..6].parse().ok()?,
                    d[6..8].parse().ok()?,
                )
            } else {
                d.parse().ok()
            }
        });
        records.push(PetrRecord {
            id: attr(tag, "id").unwrap_or_default(),
            date,
            category: attr(tag, "category").unwrap_or_default(),
            text,
            noevents: body.contains("noevents=\"True\"")
                || body.contains("noevents=\"true\"")
                || attr(tag, "noevents").is_some_and(|v| v.eq_ignore_ascii_case("true")),
            error: attr(body, "error").or_else(|| attr(tag, "error")),
            expected,
            require_dyad,
        });
        rest = &rest[end.min(rest.len())..];
        if rest.starts_with("</Sentence>") {
            rest = &rest[11..];
        }
    }
    PetrSuite {
        include,
        records,
        verbfile,
        actorfiles,
        agentfile,
        discardfile,
    }
}

/// The value the last `<Config option="NAME" value="...">` tag in `text` gives the option.
fn config_option(text: &str, name: &str) -> Option<String> {
    let mut value = None;
    let mut rest = text;
    while let Some(k) = rest.find("<Config") {
        let e = rest[k..].find('>').map_or(rest.len(), |x| k + x);
        let tag = &rest[k..e];
        if attr(tag, "option").as_deref() == Some(name) {
            value = attr(tag, "value");
        }
        rest = &rest[e..];
    }
    value
}

impl PetrSuite {
    /// Is a record evaluated (its category is included, or there is no `<Include>`)?
    pub fn evaluated(&self, r: &PetrRecord) -> bool {
        !r.text.is_empty()
            && r.date.is_some()
            && (self.include.is_empty() || self.include.iter().any(|c| c == &r.category))
    }
}

/// A failed PETRARCH record.
#[derive(Debug, Clone, Serialize)]
pub struct PetrFailure {
    pub id: String,
    pub category: String,
    pub expected: Vec<Triple>,
    pub produced: Vec<Triple>,
}

/// Pass counts on a PETRARCH suite.
#[derive(Debug, Clone, Serialize, Default)]
pub struct PetrReport {
    pub passed: usize,
    pub evaluated: usize,
    /// Category → (passed, evaluated).
    pub by_category: BTreeMap<String, (usize, usize)>,
    pub failures: Vec<PetrFailure>,
}

/// Code each evaluated record and compare triple sets. PETRARCH codes every event it finds,
/// whatever the modality, so every event dyad produces counts here.
pub fn evaluate_petr(coder: &Coder, suite: &PetrSuite) -> PetrReport {
    let mut rep = PetrReport::default();
    for r in suite.records.iter().filter(|r| suite.evaluated(r)) {
        let article = Article::new(
            r.id.clone(),
            r.date.expect("evaluated records have dates"),
            r.text.clone(),
        );
        let produced: BTreeSet<Triple> = coder
            .code(&article)
            .iter()
            .map(|e| e.triple())
            .filter(|(source, target, _)| !r.require_dyad || (source != "-" && target != "-"))
            .collect();
        let expected = if r.noevents || r.error.is_some() {
            BTreeSet::new()
        } else {
            r.expected.clone()
        };
        let pass = produced == expected;
        rep.evaluated += 1;
        let c = rep.by_category.entry(r.category.clone()).or_default();
        c.1 += 1;
        if pass {
            rep.passed += 1;
            c.0 += 1;
        } else {
            rep.failures.push(PetrFailure {
                id: r.id.clone(),
                category: r.category.clone(),
                expected: expected.into_iter().collect(),
                produced: produced.into_iter().collect(),
            });
        }
    }
    rep
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_from_counts() {
        let s = Score::from_counts(8, 2, 8);
        assert_eq!((s.precision, s.recall), (0.8, 0.5));
        assert!((s.f1 - 0.6154).abs() < 1e-4);
        assert_eq!(Score::from_counts(0, 0, 0).f1, 0.0);
    }

    #[test]
    fn gold_lines_are_read_and_bad_ones_reported() {
        let (items, errors) = parse_gold(
            "{\"id\":\"a\",\"date\":\"2020-01-01\",\"text\":\"x\",\"events\":[{\"source\":\"RUS\",\"target\":null,\"cameo\":\"010\"}]}\n\nnot json\n{\"id\":\"b\",\"date\":\"2020-13-01\",\"text\":\"x\"}\n",
        );
        assert_eq!(items.len(), 1);
        assert_eq!(
            items[0].events[0].triple(),
            ("RUS".into(), "-".into(), "010".into())
        );
        assert_eq!(errors.iter().map(|e| e.line).collect::<Vec<_>>(), [3, 4]);
    }

    #[test]
    fn petr_suite_records_are_read() {
        let xml = r#"<Validation><Environment><Include>valid DEMO</Include></Environment>
<!-- <Sentence date="19950101" id="COMMENTED" category="DEMO"> -->
<Sentence date="19950101" id="D-1" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>
Arnor restored ties
with Gondor.
</Text>
<Parse>(ROOT (S ...))</Parse>
</Sentence>
<Sentence date="19950102" id="D-2" category="OTHER"><EventCoding noevents="True"></EventCoding><Text>Nothing.</Text></Sentence>
<Sentence date = "19950102" id ="D-3" category="DEMO"><EventCoding error="storydiscard"></EventCoding><Text>Golf.</Text></Sentence>
</Validation>"#;
        let s = parse_petr_suite(xml);
        assert_eq!(s.include, ["valid", "DEMO"]);
        assert_eq!(s.records.len(), 3);
        assert_eq!(s.records[0].text, "Arnor restored ties with Gondor.");
        assert_eq!(
            s.records[0].expected.iter().next().unwrap(),
            &("ARN".into(), "GON".into(), "064".into())
        );
        assert!(s.records[1].noevents && !s.evaluated(&s.records[1]));
        assert_eq!(s.records[2].error.as_deref(), Some("storydiscard"));
        assert_eq!(s.records[2].id, "D-3", "spaces around `=` are allowed");
        assert_eq!(s.records[0].date.unwrap().to_string(), "1995-01-01");
        assert!(
            s.records.iter().all(|r| r.require_dyad),
            "PETRARCH's default"
        );
    }

    #[test]
    fn petr_config_tags_set_require_dyad_for_the_records_after_them() {
        let xml = r#"<Validation>
<Sentence date="19950101" id="A" category="DEMO"><Text>a</Text></Sentence>
<Config option="require_dyad" value="FALSE"></Config>
<Config option="comma_min" value="2"></Config>
<Sentence date="19950101" id="B" category="DEMO"><Text>b</Text></Sentence>
<Sentence date="19950101" id="C" category="DEMO"><Text>c</Text></Sentence>
<Config option="require_dyad" value="True"></Config>
<Sentence date="19950101" id="D" category="DEMO"><Text>d</Text></Sentence>
</Validation>"#;
        let s = parse_petr_suite(xml);
        let flags: Vec<bool> = s.records.iter().map(|r| r.require_dyad).collect();
        assert_eq!(flags, [true, false, false, true]);
    }
}
