//! `dyad query`: questions to the event store from the command line, answered as an aligned
//! table, CSV or JSON — and the evidence sentences behind every answer.
//!
//! # The query language
//!
//! A query is a set of filters (all must hold) and, optionally, an aggregate:
//!
//! | flag | keeps events … |
//! | --- | --- |
//! | `--source RUS` / `--target UKR` | whose source / target code starts with the prefix (`RUS` matches `RUSGOV`, `RUSMIL`) |
//! | `--dyad RUS:UKR` | from a `RUS…` source to a `UKR…` target (directed) |
//! | `--between RUS:UKR` | between the two, in either direction |
//! | `--root 18,19` / `--cameo 112,0831` | whose CAMEO root is one of the list / whose code starts with one of the prefixes |
//! | `--quad 3,4` | of these quad classes (1 verbal cooperation … 4 material conflict) |
//! | `--plover ASSAULT,COERCE` | of these PLOVER types |
//! | `--modality asserted` | of these modalities |
//! | `--from 2022-02-01 --to 2022-03-31` | whose `event_date` is in the range (inclusive) |
//! | `--country UKR` | located in this country (ISO3) |
//! | `--near 50.45,30.52 --within 100` | located within N km (default 50) of a point |
//! | `--text 'shelling OR shelled'` | whose sentence matches an FTS5 query (words, `"exact phrase"`, `OR`, `NOT`, `prefix*`) |
//!
//! Without an aggregate the events themselves are listed (by date; `--limit N`). With
//! `--count-by day|week|month|year` (weeks start on Monday and are labelled by that Monday) or
//! `--group-by`, events are counted per period and group (`dyad` — the exact source and target
//! codes — by default; also `source`, `target`, `quad`, `root`, `cameo`, `plover`, `country`,
//! `none`, or several, comma-separated), with the sum and mean of their Goldstein scores.
//!
//! `--show-sentences` adds the evidence: the sentence of each listed event, or up to
//! `--max-sentences` sentences behind each aggregate row — what a spike in the series is made of.
//!
//! # How it runs
//!
//! The flags become one parameterised SQL statement (values are bound, never spliced into the
//! SQL). Code prefixes are index ranges (`source_code >= 'RUS' AND source_code < 'RUT'`), so a
//! dyad query reads only that dyad's index entries; "within N km" narrows by a latitude/longitude
//! box on the coordinate index before computing great-circle distances; text search goes through
//! the FTS5 index.

use crate::store::{Store, StoreError};
use clap::{Args, ValueEnum};
use rusqlite::types::Value;
use std::io::Write;
use std::path::PathBuf;

/// The filters of `dyad query` and `dyad plot`.
#[derive(Args, Clone, Debug, Default)]
pub struct Filters {
    /// Source actor code prefix (RUS matches RUSGOV, RUSMIL).
    #[arg(long, value_name = "PREFIX")]
    pub source: Option<String>,
    /// Target actor code prefix.
    #[arg(long, value_name = "PREFIX")]
    pub target: Option<String>,
    /// Directed dyad SOURCE:TARGET, code prefixes (RUS:UKR).
    #[arg(long, value_name = "A:B")]
    pub dyad: Option<String>,
    /// Undirected dyad A:B: events from A to B or from B to A.
    #[arg(long, value_name = "A:B")]
    pub between: Option<String>,
    /// CAMEO roots, comma-separated (18,19,20).
    #[arg(long, value_name = "ROOTS", value_delimiter = ',')]
    pub root: Vec<String>,
    /// CAMEO code prefixes, comma-separated (112 matches 112; 08 matches 080-087x).
    #[arg(long, value_name = "CODES", value_delimiter = ',')]
    pub cameo: Vec<String>,
    /// Quad classes, comma-separated: 1 verbal cooperation, 2 material cooperation, 3 verbal
    /// conflict, 4 material conflict.
    #[arg(long, value_name = "N", value_delimiter = ',')]
    pub quad: Vec<u8>,
    /// PLOVER event types, comma-separated (ASSAULT,PROTEST).
    #[arg(long, value_name = "TYPES", value_delimiter = ',')]
    pub plover: Vec<String>,
    /// Modalities, comma-separated (asserted, negated, hypothetical, reported, question).
    #[arg(long, value_name = "M", value_delimiter = ',')]
    pub modality: Vec<String>,
    /// First event date, YYYY-MM-DD (inclusive).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Last event date, YYYY-MM-DD (inclusive).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Event location country, ISO 3166-1 alpha-3 (UKR).
    #[arg(long, value_name = "ISO3")]
    pub country: Option<String>,
    /// Events located near LAT,LON (see --within).
    #[arg(long, value_name = "LAT,LON", allow_hyphen_values = true)]
    pub near: Option<String>,
    /// Radius for --near, in km.
    #[arg(long, value_name = "KM", default_value_t = 50.0)]
    pub within: f64,
    /// Full-text search over the event sentences (SQLite FTS5 syntax: words, "exact phrase",
    /// OR, NOT, prefix*).
    #[arg(long, value_name = "QUERY")]
    pub text: Option<String>,
}

/// A time bucket for counts.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    Day,
    Week,
    Month,
    Year,
}

impl Period {
    /// The SQL expression giving an event's period label from `event_date`.
    pub fn sql(self) -> &'static str {
        match self {
            Period::Day => "event_date",
            // The Monday on or before the day: back six days, then forward to a Monday.
            Period::Week => "date(event_date, '-6 days', 'weekday 1')",
            Period::Month => "substr(event_date, 1, 7)",
            Period::Year => "substr(event_date, 1, 4)",
        }
    }
}

/// What to group counts by.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupBy {
    /// The exact source and target codes.
    Dyad,
    Source,
    Target,
    Quad,
    Root,
    Cameo,
    Plover,
    Country,
    /// Only the period (or everything, without --count-by).
    None,
}

impl GroupBy {
    fn columns(self) -> &'static [&'static str] {
        match self {
            GroupBy::Dyad => &["source_code", "target_code"],
            GroupBy::Source => &["source_code"],
            GroupBy::Target => &["target_code"],
            GroupBy::Quad => &["quad_class"],
            GroupBy::Root => &["root"],
            GroupBy::Cameo => &["cameo"],
            GroupBy::Plover => &["plover"],
            GroupBy::Country => &["location_country"],
            GroupBy::None => &[],
        }
    }
}

/// The output formats of `dyad query`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum TableFormat {
    /// Aligned columns for reading.
    #[default]
    Table,
    /// CSV with a header row.
    Csv,
    /// A JSON array of row objects.
    Json,
}

#[derive(Args, Debug)]
pub struct QueryArgs {
    /// The event store (made by `dyad code --db FILE`).
    #[arg(long, value_name = "FILE")]
    pub db: PathBuf,
    #[command(flatten)]
    pub filters: Filters,
    /// Count events per period (with --group-by, per dyad by default).
    #[arg(long, value_enum, value_name = "PERIOD")]
    pub count_by: Option<Period>,
    /// Count events per group, comma-separated (default with --count-by: dyad).
    #[arg(long, value_enum, value_name = "GROUP", value_delimiter = ',')]
    pub group_by: Vec<GroupBy>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TableFormat::Table)]
    pub format: TableFormat,
    /// List the sentences behind each row.
    #[arg(long)]
    pub show_sentences: bool,
    /// With --show-sentences on counts: at most this many sentences per row.
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub max_sentences: usize,
    /// At most this many rows.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
}

/// A WHERE clause with its bound values.
#[derive(Debug, Default, Clone)]
pub struct Where {
    pub conditions: Vec<String>,
    pub params: Vec<Value>,
}

impl Where {
    fn push(&mut self, cond: String, params: impl IntoIterator<Item = Value>) {
        self.conditions.push(cond);
        self.params.extend(params);
    }

    /// `WHERE a AND b …`, or nothing.
    pub fn sql(&self) -> String {
        if self.conditions.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.conditions.join(" AND "))
        }
    }
}

fn text(s: impl Into<String>) -> Value {
    Value::Text(s.into())
}

/// `col` starts with `prefix`, as an index range: `col >= 'RUS' AND col < 'RUT'`.
fn prefix_range(col: &str, prefix: &str) -> (String, Vec<Value>) {
    let mut upper = prefix.as_bytes().to_vec();
    match upper.last_mut() {
        Some(b) if *b < 0x7f => {
            *b += 1;
            (
                format!("({col} >= ? AND {col} < ?)"),
                vec![
                    text(prefix),
                    text(String::from_utf8_lossy(&upper).into_owned()),
                ],
            )
        }
        _ => (
            format!("substr({col}, 1, {}) = ?", prefix.chars().count()),
            vec![text(prefix)],
        ),
    }
}

fn dyad_pair(s: &str, flag: &str) -> Result<(String, String), StoreError> {
    match s.split_once(':') {
        Some((a, b)) if !a.trim().is_empty() && !b.trim().is_empty() => {
            Ok((a.trim().to_uppercase(), b.trim().to_uppercase()))
        }
        _ => Err(StoreError::Query(format!(
            "{flag} {s:?}: expected SOURCE:TARGET code prefixes, e.g. RUS:UKR"
        ))),
    }
}

fn check_date(s: &str, flag: &str) -> Result<String, StoreError> {
    s.parse::<dyad::Date>()
        .map(|d| d.to_string())
        .map_err(|e| StoreError::Query(format!("{flag}: {e}")))
}

/// The filters as SQL over the `events` table (unqualified column names).
pub fn build_where(f: &Filters) -> Result<Where, StoreError> {
    let mut w = Where::default();
    if let Some(p) = &f.source {
        let (c, v) = prefix_range("source_code", &p.to_uppercase());
        w.push(c, v);
    }
    if let Some(p) = &f.target {
        let (c, v) = prefix_range("target_code", &p.to_uppercase());
        w.push(c, v);
    }
    if let Some(d) = &f.dyad {
        let (a, b) = dyad_pair(d, "--dyad")?;
        let (ca, va) = prefix_range("source_code", &a);
        let (cb, vb) = prefix_range("target_code", &b);
        w.push(format!("{ca} AND {cb}"), va.into_iter().chain(vb));
    }
    if let Some(d) = &f.between {
        let (a, b) = dyad_pair(d, "--between")?;
        let (sa, vsa) = prefix_range("source_code", &a);
        let (tb, vtb) = prefix_range("target_code", &b);
        let (sb, vsb) = prefix_range("source_code", &b);
        let (ta, vta) = prefix_range("target_code", &a);
        w.push(
            format!("(({sa} AND {tb}) OR ({sb} AND {ta}))"),
            vsa.into_iter().chain(vtb).chain(vsb).chain(vta),
        );
    }
    let list = |col: &str, values: Vec<Value>| {
        let marks = vec!["?"; values.len()].join(", ");
        (format!("{col} IN ({marks})"), values)
    };
    if !f.root.is_empty() {
        let roots = f
            .root
            .iter()
            .map(|r| {
                let r = r.trim();
                if r.len() == 1 {
                    text(format!("0{r}"))
                } else {
                    text(r)
                }
            })
            .collect();
        let (c, v) = list("root", roots);
        w.push(c, v);
    }
    if !f.cameo.is_empty() {
        let mut conds = Vec::new();
        let mut params = Vec::new();
        for code in &f.cameo {
            let (c, v) = prefix_range("cameo", code.trim());
            conds.push(c);
            params.extend(v);
        }
        w.push(format!("({})", conds.join(" OR ")), params);
    }
    if !f.quad.is_empty() {
        if let Some(bad) = f.quad.iter().find(|q| !(1..=4).contains(*q)) {
            return Err(StoreError::Query(format!(
                "--quad {bad}: quad classes are 1 (verbal cooperation) to 4 (material conflict)"
            )));
        }
        let (c, v) = list(
            "quad_class",
            f.quad
                .iter()
                .map(|q| Value::Integer(i64::from(*q)))
                .collect(),
        );
        w.push(c, v);
    }
    if !f.plover.is_empty() {
        let (c, v) = list(
            "plover",
            f.plover
                .iter()
                .map(|p| text(p.trim().to_uppercase()))
                .collect(),
        );
        w.push(c, v);
    }
    if !f.modality.is_empty() {
        let (c, v) = list(
            "modality",
            f.modality
                .iter()
                .map(|p| text(p.trim().to_lowercase()))
                .collect(),
        );
        w.push(c, v);
    }
    if let Some(d) = &f.from {
        w.push("event_date >= ?".into(), [text(check_date(d, "--from")?)]);
    }
    if let Some(d) = &f.to {
        w.push("event_date <= ?".into(), [text(check_date(d, "--to")?)]);
    }
    if let Some(c) = &f.country {
        w.push(
            "location_country = ?".into(),
            [text(c.trim().to_uppercase())],
        );
    }
    if let Some(near) = &f.near {
        let bad = || {
            StoreError::Query(format!(
                "--near {near:?}: expected LAT,LON in degrees, e.g. 50.45,30.52"
            ))
        };
        let (lat, lon) = near.split_once(',').ok_or_else(bad)?;
        let lat: f64 = lat.trim().parse().map_err(|_| bad())?;
        let lon: f64 = lon.trim().parse().map_err(|_| bad())?;
        if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
            return Err(bad());
        }
        if f.within.is_nan() || f.within <= 0.0 {
            return Err(StoreError::Query(format!(
                "--within {}: the radius must be a positive number of km",
                f.within
            )));
        }
        // A box around the circle narrows rows by the coordinate index; the exact distance
        // decides. One degree of latitude is ~111.2 km; a degree of longitude shrinks with
        // cos(latitude), so near the poles or across the antimeridian only latitude is boxed.
        let dlat = f.within / 111.0;
        let mut cond = String::from("location_lat BETWEEN ? AND ?");
        let mut params = vec![Value::Real(lat - dlat), Value::Real(lat + dlat)];
        let cos = (lat.abs() + dlat).min(90.0).to_radians().cos();
        if cos > 0.01 {
            let dlon = f.within / (111.0 * cos);
            if lon - dlon > -180.0 && lon + dlon < 180.0 {
                cond.push_str(" AND location_lon BETWEEN ? AND ?");
                params.extend([Value::Real(lon - dlon), Value::Real(lon + dlon)]);
            }
        }
        cond.push_str(" AND distance_km(location_lat, location_lon, ?, ?) <= ?");
        params.extend([Value::Real(lat), Value::Real(lon), Value::Real(f.within)]);
        w.push(cond, params);
    }
    if let Some(q) = &f.text {
        w.push(
            "sentence_id IN (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?)".into(),
            [text(q.clone())],
        );
    }
    Ok(w)
}

/// One evidence sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    pub article_id: String,
    pub sentence_index: i64,
    pub text: String,
}

/// A query's answer: named columns, rows of values, and (with `--show-sentences`) each row's
/// evidence.
#[derive(Debug, Default)]
pub struct Answer {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
    pub sentences: Vec<Vec<Sentence>>,
}

/// The columns an event listing shows.
const EVENT_COLUMNS: &[&str] = &[
    "event_id",
    "event_date",
    "source_code",
    "target_code",
    "cameo",
    "root",
    "quad_class",
    "goldstein",
    "plover",
    "modality",
    "location_name",
    "location_country",
    "article_id",
    "sentence_index",
];

fn query_error(store: &Store, e: rusqlite::Error, filters: &Filters) -> StoreError {
    // The SQL dyad builds is valid; a plain SQLITE_ERROR while running it with --text comes from
    // the FTS5 query parser ("unterminated string", "fts5: syntax error near …").
    let fts_error = matches!(&e, rusqlite::Error::SqliteFailure(f, _) if f.extended_code == 1);
    let msg = e.to_string();
    if filters.text.is_some() && (fts_error || msg.contains("fts5")) {
        return StoreError::Query(format!(
            "--text {:?}: {msg} (FTS5 syntax: words, \"exact phrase\", OR, NOT, prefix*)",
            filters.text.as_deref().unwrap_or("")
        ));
    }
    StoreError::Sqlite {
        path: store.path().display().to_string(),
        source: e,
    }
}

/// Run a query against the store.
pub fn run_query(store: &Store, a: &QueryArgs) -> Result<Answer, StoreError> {
    let w = build_where(&a.filters)?;
    let limit = a.limit.map_or_else(String::new, |n| format!(" LIMIT {n}"));
    let aggregate = a.count_by.is_some() || !a.group_by.is_empty();
    let groups: Vec<GroupBy> = match (a.group_by.is_empty(), a.count_by.is_some()) {
        (true, true) => vec![GroupBy::Dyad],
        _ => a.group_by.clone(),
    };
    let group_cols: Vec<&str> = groups.iter().flat_map(|g| g.columns()).copied().collect();
    let mut answer = Answer::default();
    if !aggregate {
        let cols = EVENT_COLUMNS.join(", ");
        let sql = format!(
            "SELECT {cols}, sentence_id FROM events {} ORDER BY event_date, id{limit}",
            w.sql()
        );
        answer.columns = EVENT_COLUMNS.iter().map(|s| s.to_string()).collect();
        let mut stmt = store
            .conn()
            .prepare(&sql)
            .map_err(|e| query_error(store, e, &a.filters))?;
        let n = EVENT_COLUMNS.len();
        let mut rows = stmt
            .query(rusqlite::params_from_iter(w.params.iter()))
            .map_err(|e| query_error(store, e, &a.filters))?;
        let mut sentence_ids = Vec::new();
        while let Some(r) = rows.next().map_err(|e| query_error(store, e, &a.filters))? {
            let values = (0..n)
                .map(|i| r.get::<_, Value>(i))
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| query_error(store, e, &a.filters))?;
            answer.rows.push(values);
            sentence_ids.push(
                r.get::<_, i64>(n)
                    .map_err(|e| query_error(store, e, &a.filters))?,
            );
        }
        if a.show_sentences {
            let mut stmt = store
                .conn()
                .prepare_cached("SELECT article_id, idx, text FROM sentences WHERE id = ?1")
                .map_err(|e| query_error(store, e, &a.filters))?;
            for id in sentence_ids {
                let s = stmt
                    .query_row([id], |r| {
                        Ok(Sentence {
                            article_id: r.get(0)?,
                            sentence_index: r.get(1)?,
                            text: r.get(2)?,
                        })
                    })
                    .map_err(|e| query_error(store, e, &a.filters))?;
                answer.sentences.push(vec![s]);
            }
        }
        return Ok(answer);
    }
    let mut keys: Vec<String> = Vec::new();
    if let Some(p) = a.count_by {
        keys.push(format!("{} AS period", p.sql()));
        answer.columns.push("period".into());
    }
    for c in &group_cols {
        keys.push((*c).to_string());
        answer.columns.push((*c).to_string());
    }
    let key_names: Vec<&str> = answer.columns.iter().map(String::as_str).collect();
    let order = if key_names.is_empty() {
        String::new()
    } else {
        format!(
            " GROUP BY {k} ORDER BY {k}",
            k = key_names
                .iter()
                .enumerate()
                .map(|(i, _)| (i + 1).to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    let select_keys = if keys.is_empty() {
        String::new()
    } else {
        format!("{}, ", keys.join(", "))
    };
    let sql = format!(
        "SELECT {select_keys}COUNT(*) AS events, ROUND(SUM(goldstein), 3), ROUND(AVG(goldstein), 3) \
         FROM events {}{order}{limit}",
        w.sql()
    );
    answer
        .columns
        .extend(["events", "goldstein_sum", "goldstein_mean"].map(String::from));
    let n = answer.columns.len();
    let mut stmt = store
        .conn()
        .prepare(&sql)
        .map_err(|e| query_error(store, e, &a.filters))?;
    let mut rows = stmt
        .query(rusqlite::params_from_iter(w.params.iter()))
        .map_err(|e| query_error(store, e, &a.filters))?;
    while let Some(r) = rows.next().map_err(|e| query_error(store, e, &a.filters))? {
        let values = (0..n)
            .map(|i| r.get::<_, Value>(i))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| query_error(store, e, &a.filters))?;
        answer.rows.push(values);
    }
    if a.show_sentences {
        // The evidence of one row: the same filters plus "this row's keys", null-safe (`IS`).
        let mut conds = w.conditions.clone();
        let mut key_exprs: Vec<String> = Vec::new();
        if let Some(p) = a.count_by {
            key_exprs.push(p.sql().to_string());
        }
        key_exprs.extend(group_cols.iter().map(|c| c.to_string()));
        conds.extend(key_exprs.iter().map(|k| format!("{k} IS ?")));
        let where_sql = if conds.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", conds.join(" AND "))
        };
        let sql = format!(
            "SELECT s.article_id, s.idx, s.text FROM sentences s WHERE s.id IN \
             (SELECT sentence_id FROM events {where_sql} ORDER BY event_date, id) \
             ORDER BY s.id LIMIT {}",
            a.max_sentences
        );
        let mut stmt = store
            .conn()
            .prepare(&sql)
            .map_err(|e| query_error(store, e, &a.filters))?;
        for row in &answer.rows {
            let params = w
                .params
                .iter()
                .cloned()
                .chain(row[..key_exprs.len()].iter().cloned());
            let found = stmt
                .query_map(rusqlite::params_from_iter(params), |r| {
                    Ok(Sentence {
                        article_id: r.get(0)?,
                        sentence_index: r.get(1)?,
                        text: r.get(2)?,
                    })
                })
                .and_then(|it| it.collect::<Result<Vec<_>, _>>())
                .map_err(|e| query_error(store, e, &a.filters))?;
            answer.sentences.push(found);
        }
    }
    Ok(answer)
}

fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::Integer(i) => i.to_string(),
        Value::Real(f) => f.to_string(),
        Value::Text(s) => s.clone(),
        Value::Blob(b) => format!("<{} bytes>", b.len()),
    }
}

fn json_value(v: &Value) -> serde_json::Value {
    match v {
        Value::Null => serde_json::Value::Null,
        Value::Integer(i) => (*i).into(),
        Value::Real(f) => {
            serde_json::Number::from_f64(*f).map_or(serde_json::Value::Null, Into::into)
        }
        Value::Text(s) => s.clone().into(),
        Value::Blob(_) => serde_json::Value::Null,
    }
}

fn sentences_json(s: &[Sentence]) -> serde_json::Value {
    s.iter()
        .map(|s| {
            serde_json::json!({
                "article_id": s.article_id,
                "sentence_index": s.sentence_index,
                "text": s.text,
            })
        })
        .collect::<Vec<_>>()
        .into()
}

/// Write an answer in the chosen format.
pub fn write_answer(
    answer: &Answer,
    format: TableFormat,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let show = !answer.sentences.is_empty();
    match format {
        TableFormat::Json => {
            // Written by hand so that keys keep the column order.
            out.write_all(b"[")?;
            for (i, row) in answer.rows.iter().enumerate() {
                out.write_all(if i == 0 { b"\n  {" } else { b",\n  {" })?;
                for (j, (c, v)) in answer.columns.iter().zip(row).enumerate() {
                    if j > 0 {
                        out.write_all(b", ")?;
                    }
                    write!(
                        out,
                        "{}: {}",
                        serde_json::Value::from(c.as_str()),
                        json_value(v)
                    )?;
                }
                if show {
                    write!(
                        out,
                        ", \"sentences\": {}",
                        sentences_json(&answer.sentences[i])
                    )?;
                }
                out.write_all(b"}")?;
            }
            out.write_all(if answer.rows.is_empty() {
                b"]\n"
            } else {
                b"\n]\n"
            })?;
        }
        TableFormat::Csv => {
            let mut w = ::csv::Writer::from_writer(out);
            let mut header: Vec<&str> = answer.columns.iter().map(String::as_str).collect();
            if show {
                header.push("sentences");
            }
            w.write_record(&header)?;
            for (i, row) in answer.rows.iter().enumerate() {
                let mut rec: Vec<String> = row.iter().map(cell).collect();
                if show {
                    rec.push(sentences_json(&answer.sentences[i]).to_string());
                }
                w.write_record(&rec)?;
            }
            w.flush()?;
        }
        TableFormat::Table => {
            let cells: Vec<Vec<String>> = answer
                .rows
                .iter()
                .map(|r| r.iter().map(cell).collect())
                .collect();
            let mut widths: Vec<usize> = answer.columns.iter().map(|c| c.chars().count()).collect();
            for r in &cells {
                for (w, c) in widths.iter_mut().zip(r) {
                    *w = (*w).max(c.chars().count());
                }
            }
            let numeric: Vec<bool> =
                (0..answer.columns.len())
                    .map(|j| {
                        answer.rows.iter().all(|r| {
                            matches!(r[j], Value::Integer(_) | Value::Real(_) | Value::Null)
                        }) && !answer.rows.is_empty()
                    })
                    .collect();
            let line = |vals: &[String], out: &mut dyn Write| -> std::io::Result<()> {
                let mut s = String::new();
                for (j, v) in vals.iter().enumerate() {
                    if j > 0 {
                        s.push_str("  ");
                    }
                    let pad = widths[j].saturating_sub(v.chars().count());
                    if numeric[j] {
                        s.push_str(&" ".repeat(pad));
                        s.push_str(v);
                    } else {
                        s.push_str(v);
                        s.push_str(&" ".repeat(pad));
                    }
                }
                writeln!(out, "{}", s.trim_end())
            };
            line(&answer.columns, out)?;
            let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
            line(&rule, out)?;
            for (i, r) in cells.iter().enumerate() {
                line(r, out)?;
                if show {
                    for s in &answer.sentences[i] {
                        writeln!(
                            out,
                            "    [{} #{}] {}",
                            s.article_id, s.sentence_index, s.text
                        )?;
                    }
                }
            }
            writeln!(
                out,
                "({} row{})",
                answer.rows.len(),
                if answer.rows.len() == 1 { "" } else { "s" }
            )?;
        }
    }
    Ok(())
}

/// `dyad query`.
pub fn run(a: QueryArgs) -> anyhow::Result<std::process::ExitCode> {
    let store = Store::open_read_only(&a.db)?;
    let answer = run_query(&store, &a)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    write_answer(&answer, a.format, &mut out)?;
    out.flush()?;
    Ok(std::process::ExitCode::SUCCESS)
}
