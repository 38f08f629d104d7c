//! GDELT 2.0 Event table: 61 tab-separated columns in GDELT's order, no header row, one event
//! per line — the layout of GDELT's own `*.export.CSV` files, so scripts and loaders written for
//! GDELT (pandas with GDELT's column names, R's `gdeltr`-style readers, BigQuery schemas) read
//! dyad's events unchanged.
//!
//! # How each column is filled
//!
//! The full mapping is in `docs/outputs.md`; the decisions worth knowing:
//!
//! * **GLOBALEVENTID** is the event's stable id (`event_id`, a 64-bit hash written in hex) as a
//!   decimal integer with the top bit cleared, so it fits the signed 64-bit INTEGER every GDELT
//!   schema declares. Same input, same id.
//! * **SQLDATE** is the event's own date when `when` names a whole day, else the publication
//!   date ([`super::event_date`]); MonthYear, Year and FractionDate follow it. FractionDate is
//!   GDELT's approximation `year + (month × 30 + day) / 365`, to four decimals.
//! * **Actors.** `Actor1Code` is the source's full CAMEO code, `Actor2Code` the target's. The code
//!   is split in three-letter parts with GDELT's own lookups (`data/ontology/actor_code_parts.tsv`):
//!   a first part that is a CAMEO country or region is the CountryCode; a known group (UNO, NAT)
//!   is the KnownGroupCode; type codes (GOV, MIL, REB, IGO…) fill Type1–3 in order; religion codes
//!   Religion1–2. dyad codes no ethnicity, so EthnicCode is empty. The Name is the actor's words
//!   in the article, upper-cased as GDELT writes names.
//! * **IsRootEvent** is 1 for events of the headline (sentence 0) and the lead sentence
//!   (sentence 1) — GDELT's "lead paragraph" proxy for importance — else 0.
//! * **EventCode / EventBaseCode / EventRootCode**: the CAMEO code, its first three digits, its
//!   root. The seven CAMEO extension codes that GDELT's lookups lack (1213, 1214, 155, 176, 1834,
//!   1951, 1952) are written as their GDELT parent (121, 150, 170, 183, 195) so that joins with
//!   GDELT's CAMEO lookup tables never miss; the record's QuadClass and Goldstein are kept.
//! * **NumMentions / NumSources / NumArticles** come from event de-duplication ([`super::mentions`]:
//!   1/1/1 for an event seen once). **AvgTone** is 0: dyad computes no tone, and a made-up tone
//!   would be worse than an obviously empty one.
//! * **Geography.** dyad locates the *action*, not each actor, so Actor1Geo_* and Actor2Geo_* are
//!   empty (Type 0, as GDELT writes unmatched geography) and ActionGeo_* comes from `location`:
//!   Type 1 country, 2 US state, 3 US city, 4 world city, 5 world region; FullName "City, State,
//!   Country" for US cities, "Place, Country" elsewhere; CountryCode is the FIPS 10-4 code GDELT
//!   uses (from GeoNames' country table, `data/ontology/iso3_fips.tsv`; empty for the rare ISO
//!   code with no FIPS code); ADM1Code is FIPS country + the GeoNames admin1 code (GeoNames uses
//!   FIPS admin1 codes for most countries and postal codes for US states, so "USTX" comes out as
//!   GDELT writes it); ADM2Code is empty; FeatureID is the GeoNames id for cities (GDELT uses
//!   GNS/GNIS ids, a different numbering), the ADM1 code for regions, the FIPS code for countries.
//! * **DATEADDED** is `--date-added` when given, else the publication date at 000000: GDELT's own
//!   value is its ingestion time, but a clock in the output would make every run's file differ.
//! * **SOURCEURL** is the article's URL, else its id.
//!
//! Tabs and line breaks inside text fields are replaced by spaces: GDELT's format has no quoting.

use super::{event_date, mentions, EventSink, OutputTarget, SinkError};
use dyad::event::Place;
use dyad::ontology::Ontology;
use dyad::{Article, Date, Event};
use std::collections::HashMap;
use std::io::Write;
use std::sync::OnceLock;

const ACTOR_CODE_PARTS: &str = include_str!("../../../../data/ontology/actor_code_parts.tsv");
const ISO3_FIPS: &str = include_str!("../../../../data/ontology/iso3_fips.tsv");

/// GDELT 2.0's 61 Event table column names, in order (GDELT's documentation spelling).
pub const COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// The kinds of three-letter actor-code parts, from GDELT's CAMEO lookups.
#[derive(Default)]
struct PartKinds {
    country: bool,
    known_group: bool,
    type_code: bool,
    religion: bool,
}

struct Tables {
    parts: HashMap<&'static str, PartKinds>,
    /// ISO3 → (FIPS, country name).
    fips: HashMap<&'static str, (&'static str, &'static str)>,
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let rows = |text: &'static str| {
            text.lines()
                .filter(|l| !l.starts_with('#'))
                .skip(1)
                .map(|l| l.split('\t').collect::<Vec<_>>())
                .filter(|f| f.len() >= 3)
        };
        let mut parts: HashMap<&str, PartKinds> = HashMap::new();
        for f in rows(ACTOR_CODE_PARTS) {
            let k = parts.entry(f[0]).or_default();
            match f[1] {
                "country" => k.country = true,
                "knowngroup" => k.known_group = true,
                "type" => k.type_code = true,
                "religion" => k.religion = true,
                _ => {}
            }
        }
        let fips = rows(ISO3_FIPS).map(|f| (f[0], (f[1], f[2]))).collect();
        Tables { parts, fips }
    })
}

/// A CAMEO actor code split into GDELT's actor columns.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ActorParts<'a> {
    pub country: &'a str,
    pub known_group: &'a str,
    pub religion: [&'a str; 2],
    pub types: [&'a str; 3],
}

/// Split `RUSGOV`, `IGOUNO`, `SYRREBISL` into country, known group, religions and types (see
/// the module docs). Parts that fit no free column are dropped, as GDELT does.
pub fn split_actor_code(code: &str) -> ActorParts<'_> {
    let t = tables();
    let mut out = ActorParts::default();
    let (mut n_types, mut n_rel) = (0, 0);
    for (i, part) in code
        .as_bytes()
        .chunks(3)
        .enumerate()
        .filter_map(|(i, c)| std::str::from_utf8(c).ok().map(|s| (i, s)))
    {
        if part.len() != 3 {
            continue;
        }
        let Some(k) = t.parts.get(part) else { continue };
        if i == 0 && k.country {
            out.country = part;
        } else if k.known_group && out.known_group.is_empty() {
            out.known_group = part;
        } else if k.type_code && n_types < 3 {
            out.types[n_types] = part;
            n_types += 1;
        } else if k.religion && n_rel < 2 {
            out.religion[n_rel] = part;
            n_rel += 1;
        }
    }
    out
}

/// The FIPS 10-4 country code GDELT uses for an ISO 3166-1 alpha-3 code.
pub fn fips_country(iso3: &str) -> Option<&'static str> {
    tables().fips.get(iso3).map(|(f, _)| *f)
}

fn country_name(iso3: &str) -> Option<&'static str> {
    tables().fips.get(iso3).map(|(_, n)| *n)
}

/// US state names by postal code, from the embedded gazetteer (parsed on first use).
fn us_state_name(postal: &str) -> Option<&'static str> {
    static STATES: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    STATES
        .get_or_init(|| {
            dyad::gazetteer::Gazetteer::embedded()
                .places()
                .filter(|(_, p)| {
                    p.feature == dyad::gazetteer::Feature::Region && p.country == Some("USA")
                })
                .filter_map(|(_, p)| Some((p.admin1?, p.name)))
                .collect()
        })
        .get(postal)
        .copied()
}

/// GDELT's ActionGeo_* fields for a location, in column order (Type … FeatureID).
pub fn action_geo(place: &Place) -> [String; 8] {
    let fips = fips_country(place.country).unwrap_or("");
    let country = country_name(place.country).unwrap_or(place.country);
    let us = place.country == "USA";
    // FIPS ADM1 codes are two characters; GeoNames' admin1 codes are FIPS codes for most
    // countries, but not for a few (Greece "ESYE31", England "ENG"): those get the country-only
    // code GDELT writes when it knows no ADM1, rather than a code GDELT never uses.
    let admin1 = place
        .admin1
        .filter(|a| a.len() == 2 && a.bytes().all(|b| b.is_ascii_alphanumeric()))
        .unwrap_or("");
    let adm1_code = if admin1.is_empty() || fips.is_empty() {
        fips.to_string()
    } else {
        format!("{fips}{admin1}")
    };
    let (geo_type, full_name, feature_id) = match (place.feature, us) {
        ("country", _) => (1, country.to_string(), fips.to_string()),
        ("region", true) => (2, format!("{}, {country}", place.name), adm1_code.clone()),
        ("city", true) => {
            let state = us_state_name(admin1).map_or(String::new(), |s| format!("{s}, "));
            (
                3,
                format!("{}, {state}{country}", place.name),
                place.geonames_id.map_or(String::new(), |g| g.to_string()),
            )
        }
        ("city", false) => (
            4,
            format!("{}, {country}", place.name),
            place.geonames_id.map_or(String::new(), |g| g.to_string()),
        ),
        _ => (
            5,
            format!("{}, {country}", place.name),
            place
                .geonames_id
                .map_or_else(|| adm1_code.clone(), |g| g.to_string()),
        ),
    };
    [
        geo_type.to_string(),
        full_name,
        fips.to_string(),
        adm1_code,
        String::new(),
        place.lat.to_string(),
        place.lon.to_string(),
        feature_id,
    ]
}

/// GLOBALEVENTID: the hex event id as a non-negative 63-bit integer.
pub fn global_event_id(event_id: &str) -> u64 {
    let h = u64::from_str_radix(event_id, 16)
        .unwrap_or_else(|_| dyad::event::stable_hash(&[event_id.as_bytes()]));
    h & (i64::MAX as u64)
}

/// The CAMEO code to write as EventCode: the code itself, or for an extension code GDELT's
/// lookups lack, its GDELT parent.
pub fn gdelt_event_code(cameo: &str) -> String {
    let ont = Ontology::get();
    match ont.lookup(cameo) {
        Some(c) if !c.in_gdelt => {
            if cameo.len() == 4 {
                cameo[..3].to_string()
            } else {
                format!("{}0", c.root)
            }
        }
        _ => cameo.to_string(),
    }
}

fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// One event as GDELT's 61 fields.
pub fn gdelt_row(ev: &Event, article: &Article, date_added: Option<u64>) -> Vec<String> {
    let day: Date = event_date(ev)
        .parse()
        .unwrap_or(Date::new(1970, 1, 1).expect("valid"));
    let sqldate = format!("{:04}{:02}{:02}", day.year, day.month, day.day);
    let fraction = f64::from(day.year) + (f64::from(day.month) * 30.0 + f64::from(day.day)) / 365.0;
    let m = mentions(ev);
    let mut row: Vec<String> = Vec::with_capacity(61);
    row.push(global_event_id(&ev.event_id).to_string());
    row.push(sqldate);
    row.push(format!("{:04}{:02}", day.year, day.month));
    row.push(format!("{:04}", day.year));
    row.push(format!("{fraction:.4}"));
    for actor in [Some(&ev.source), ev.target.as_ref()] {
        match actor {
            Some(a) => {
                let p = split_actor_code(&a.code);
                row.push(a.code.clone());
                row.push(clean(&a.text.to_uppercase()));
                row.push(p.country.to_string());
                row.push(p.known_group.to_string());
                row.push(String::new()); // EthnicCode: dyad codes no ethnicity
                row.extend(p.religion.iter().map(|s| s.to_string()));
                row.extend(p.types.iter().map(|s| s.to_string()));
            }
            None => row.extend(std::iter::repeat_n(String::new(), 10)),
        }
    }
    row.push(if ev.sentence_index <= 1 { "1" } else { "0" }.to_string());
    let code = gdelt_event_code(&ev.cameo);
    let base = code.get(..3).unwrap_or(&code).to_string();
    row.push(code);
    row.push(base);
    row.push(ev.root.to_string());
    row.push(ev.quad_class.to_string());
    row.push(ev.goldstein.to_string());
    row.push(m.num_mentions.to_string());
    row.push(m.num_sources.to_string());
    row.push(m.num_articles.to_string());
    row.push("0".to_string()); // AvgTone: not computed
    for _ in 0..2 {
        // Actor1Geo_*, Actor2Geo_*: dyad places the action, not each actor.
        row.push("0".to_string());
        row.extend(std::iter::repeat_n(String::new(), 7));
    }
    match &ev.location {
        Some(place) => row.extend(action_geo(place).into_iter().map(|s| clean(&s))),
        None => {
            row.push("0".to_string());
            row.extend(std::iter::repeat_n(String::new(), 7));
        }
    }
    row.push(match date_added {
        Some(stamp) => stamp.to_string(),
        None => format!(
            "{:04}{:02}{:02}000000",
            article.date.year, article.date.month, article.date.day
        ),
    });
    row.push(clean(article.url.as_deref().unwrap_or(&article.id)));
    debug_assert_eq!(row.len(), COLUMNS.len());
    row
}

/// The GDELT 2.0 Event table writer.
pub struct GdeltSink {
    out: OutputTarget,
    date_added: Option<u64>,
}

impl GdeltSink {
    pub fn new(out: OutputTarget, date_added: Option<u64>) -> GdeltSink {
        GdeltSink { out, date_added }
    }
}

impl EventSink for GdeltSink {
    fn write_article(&mut self, article: &Article, events: &[Event]) -> Result<(), SinkError> {
        for ev in events {
            let row = gdelt_row(ev, article, self.date_added);
            let line = row.join("\t");
            self.out
                .write_all(line.as_bytes())
                .and_then(|()| self.out.write_all(b"\n"))
                .map_err(|e| SinkError::Io {
                    path: self.out.name(),
                    source: e,
                })?;
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<(), SinkError> {
        self.out.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_actor_codes_like_gdelt() {
        let p = split_actor_code("RUSGOV");
        assert_eq!((p.country, p.types[0]), ("RUS", "GOV"));
        let p = split_actor_code("IGOUNO");
        assert_eq!((p.country, p.known_group, p.types[0]), ("", "UNO", "IGO"));
        let p = split_actor_code("SYRREBMIL");
        assert_eq!(p.types, ["REB", "MIL", ""]);
    }

    #[test]
    fn fips_codes_are_gdelts() {
        assert_eq!(fips_country("UKR"), Some("UP"));
        assert_eq!(fips_country("RUS"), Some("RS"));
        assert_eq!(fips_country("DEU"), Some("GM"));
    }

    /// Romania was `ROU` (ISO) in the dictionaries, which GDELT's CAMEO lookups do not know:
    /// its actors lost their country column. Every country of the embedded dictionary is a
    /// GDELT country with a FIPS code for the place columns (bar the few with none).
    #[test]
    fn every_dictionary_country_is_a_gdelt_country_with_a_fips_code() {
        const COUNTRIES: &str = include_str!("../../../../data/dict/countries.txt");
        // (an entry's first line: its code, two spaces, its name)
        let codes: Vec<&str> = COUNTRIES
            .lines()
            .filter(|l| l.len() > 5 && l.as_bytes()[..3].iter().all(u8::is_ascii_uppercase))
            .filter(|l| &l[3..5] == "  ")
            .map(|l| &l[..3])
            .collect();
        assert!(codes.len() > 200, "{}", codes.len());
        // (codes CAMEO has and GeoNames not; territories newer than GDELT's lookups: Curacao
        // and Sint Maarten split from the Netherlands Antilles in 2010)
        let no_fips = ["KSV", "WSB"];
        let not_in_gdelt = ["CUW", "SXM", "IOT", "SGS"];
        for code in codes {
            if !not_in_gdelt.contains(&code) {
                assert_eq!(split_actor_code(code).country, code);
            }
            if !no_fips.contains(&code) {
                assert!(fips_country(code).is_some(), "{code}");
            }
        }
        assert_eq!(fips_country("ROM"), Some("RO"));
    }

    #[test]
    fn extension_codes_map_to_gdelt_parents() {
        assert_eq!(gdelt_event_code("1213"), "121");
        assert_eq!(gdelt_event_code("155"), "150");
        assert_eq!(gdelt_event_code("112"), "112");
        assert_eq!(COLUMNS.len(), 61);
    }
}
