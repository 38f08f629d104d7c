//! `dyad query` and `dyad plot` on the fixture corpus: each filter returns exactly the events
//! that the same condition, computed here on the JSON Lines events, selects; counts add up;
//! the evidence sentences are the events' sentences; the chart has its series and labels.

mod common;

use common::*;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

struct Fixture {
    db: PathBuf,
    events: Vec<Value>,
}

/// One store for all the tests in this file (built once).
fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let dir = tmp_dir("query");
        let corpus = fixture_corpus(&dir);
        let events = reference_events(&corpus);
        let db = dir.join("events.sqlite");
        run_ok(&[
            "code",
            corpus.to_str().unwrap(),
            "--db",
            db.to_str().unwrap(),
        ]);
        Fixture { db, events }
    })
}

fn query_json(db: &Path, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["query", "--db", db.to_str().unwrap(), "--format", "json"];
    all.extend_from_slice(args);
    let o = run_ok(&all);
    let v: Value = serde_json::from_slice(&o.stdout).expect("--format json is JSON");
    v.as_array().expect("an array of row objects").clone()
}

fn ids(rows: &[Value]) -> BTreeSet<String> {
    rows.iter()
        .map(|r| r["event_id"].as_str().unwrap().to_string())
        .collect()
}

fn expected(events: &[Value], keep: impl Fn(&Value) -> bool) -> BTreeSet<String> {
    events
        .iter()
        .filter(|e| keep(e))
        .map(|e| e["event_id"].as_str().unwrap().to_string())
        .collect()
}

/// A query's arguments and the condition it must select by.
type Case = (Vec<&'static str>, Box<dyn Fn(&Value) -> bool>);

fn code(e: &Value, who: &str) -> String {
    e[who]["code"].as_str().unwrap_or("").to_string()
}

/// Each filter selects exactly what the same condition selects on the events.
#[test]
fn filters_return_exactly_the_expected_events() {
    let f = fixture();
    let ev = &f.events;
    let cases: Vec<Case> = vec![
        (vec![], Box::new(|_| true)),
        (
            vec!["--source", "TUR"],
            Box::new(|e| code(e, "source").starts_with("TUR")),
        ),
        (
            vec!["--target", "grc"],
            Box::new(|e| code(e, "target").starts_with("GRC")),
        ),
        (
            vec!["--dyad", "GRC:TUR"],
            Box::new(|e| {
                code(e, "source").starts_with("GRC") && code(e, "target").starts_with("TUR")
            }),
        ),
        (
            vec!["--between", "GRC:TUR"],
            Box::new(|e| {
                let (s, t) = (code(e, "source"), code(e, "target"));
                (s.starts_with("GRC") && t.starts_with("TUR"))
                    || (s.starts_with("TUR") && t.starts_with("GRC"))
            }),
        ),
        (vec!["--root", "11"], Box::new(|e| e["root"] == "11")),
        (
            vec!["--root", "4,5"],
            Box::new(|e| e["root"] == "04" || e["root"] == "05"),
        ),
        (
            vec!["--cameo", "04"],
            Box::new(|e| e["cameo"].as_str().unwrap().starts_with("04")),
        ),
        (
            vec!["--cameo", "112,057"],
            // (a prefix: 1123 is one of the 112 accusations)
            Box::new(|e| {
                let c = e["cameo"].as_str().unwrap();
                c.starts_with("112") || c.starts_with("057")
            }),
        ),
        (
            vec!["--quad", "3,4"],
            Box::new(|e| e["quad_class"].as_u64().unwrap() >= 3),
        ),
        (
            vec!["--plover", "accuse"],
            Box::new(|e| e["plover"] == "ACCUSE"),
        ),
        (
            vec!["--from", "2024-04-01", "--to", "2024-05-31"],
            Box::new(|e| {
                let d = event_date(e);
                d.as_str() >= "2024-04-01" && d.as_str() <= "2024-05-31"
            }),
        ),
        (
            vec!["--country", "GRC"],
            Box::new(|e| e["location"]["country"] == "GRC"),
        ),
        (
            // Athens, 50 km.
            vec!["--near", "37.98,23.73", "--within", "50"],
            Box::new(|e| {
                e["location"].is_object()
                    && distance_km(
                        (
                            e["location"]["lat"].as_f64().unwrap(),
                            e["location"]["lon"].as_f64().unwrap(),
                        ),
                        (37.98, 23.73),
                    ) <= 50.0
            }),
        ),
        (
            vec!["--text", "accused"],
            Box::new(|e| {
                e["sentence"]
                    .as_str()
                    .unwrap()
                    .to_lowercase()
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w == "accused")
            }),
        ),
        (
            vec!["--source", "TUR", "--quad", "1", "--country", "GRC"],
            Box::new(|e| {
                code(e, "source").starts_with("TUR")
                    && e["quad_class"] == 1
                    && e["location"]["country"] == "GRC"
            }),
        ),
    ];
    for (args, keep) in &cases {
        let want = expected(ev, keep);
        let got = ids(&query_json(&f.db, args));
        assert_eq!(got, want, "dyad query {args:?}");
        if args.len() > 1 && args[0] != "--from" {
            // Each case selects something, or it would test nothing.
            assert!(!want.is_empty(), "{args:?} selects no fixture event");
        }
    }
    // The listing is in date order and has the documented columns.
    let rows = query_json(&f.db, &["--limit", "5"]);
    assert_eq!(rows.len(), 5);
    let keys: Vec<&String> = rows[0].as_object().unwrap().keys().collect();
    assert!(keys.iter().any(|k| *k == "source_code") && keys.iter().any(|k| *k == "goldstein"));
}

#[test]
fn counts_by_week_per_dyad_add_up() {
    let f = fixture();
    let rows = query_json(&f.db, &["--between", "GRC:TUR", "--count-by", "week"]);
    // Expected: per (Monday, source, target), the count and the Goldstein sum.
    let mut want: BTreeMap<(String, String, String), (i64, f64)> = BTreeMap::new();
    for e in &f.events {
        let (s, t) = (code(e, "source"), code(e, "target"));
        if !((s.starts_with("GRC") && t.starts_with("TUR"))
            || (s.starts_with("TUR") && t.starts_with("GRC")))
        {
            continue;
        }
        let d: Vec<i64> = event_date(e)
            .split('-')
            .map(|x| x.parse().unwrap())
            .collect();
        let monday = monday_of(d[0], d[1], d[2]);
        let entry = want.entry((monday, s, t)).or_default();
        entry.0 += 1;
        entry.1 += e["goldstein"].as_f64().unwrap();
    }
    assert!(!want.is_empty());
    let got: BTreeMap<(String, String, String), (i64, f64)> = rows
        .iter()
        .map(|r| {
            (
                (
                    r["period"].as_str().unwrap().to_string(),
                    r["source_code"].as_str().unwrap().to_string(),
                    r["target_code"].as_str().unwrap().to_string(),
                ),
                (
                    r["events"].as_i64().unwrap(),
                    r["goldstein_sum"].as_f64().unwrap(),
                ),
            )
        })
        .collect();
    assert_eq!(got.len(), want.len());
    for (k, (n, sum)) in &want {
        let (gn, gsum) = got.get(k).unwrap_or_else(|| panic!("missing row {k:?}"));
        assert_eq!(gn, n, "{k:?}");
        assert!((gsum - sum).abs() < 1e-6, "{k:?}: {gsum} vs {sum}");
    }
    // Monthly totals without groups equal the number of events.
    let rows = query_json(&f.db, &["--count-by", "month", "--group-by", "none"]);
    let total: i64 = rows.iter().map(|r| r["events"].as_i64().unwrap()).sum();
    assert_eq!(total, f.events.len() as i64);
    // Group by quad class only (no period).
    let rows = query_json(&f.db, &["--group-by", "quad"]);
    for r in &rows {
        let q = r["quad_class"].as_u64().unwrap();
        let n = f
            .events
            .iter()
            .filter(|e| e["quad_class"].as_u64() == Some(q))
            .count();
        assert_eq!(r["events"].as_u64().unwrap() as usize, n);
        let mean = r["goldstein_mean"].as_f64().unwrap();
        assert!((-10.0..=10.0).contains(&mean));
    }
}

/// Days-from-civil, to find the Monday of a date independently of SQLite.
fn monday_of(y: i64, m: i64, d: i64) -> String {
    let yy = if m <= 2 { y - 1 } else { y };
    let era = yy.div_euclid(400);
    let yoe = yy - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let days = era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
    let monday = days - (days + 3).rem_euclid(7); // 1970-01-01 was a Thursday
                                                  // back to civil
    let z = monday + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let dd = doy - (153 * mp + 2) / 5 + 1;
    let mm = if mp < 10 { mp + 3 } else { mp - 9 };
    let yy = yoe + era * 400 + i64::from(mm <= 2);
    format!("{yy:04}-{mm:02}-{dd:02}")
}

#[test]
fn show_sentences_lists_the_evidence() {
    let f = fixture();
    let rows = query_json(&f.db, &["--plover", "ACCUSE", "--show-sentences"]);
    assert!(!rows.is_empty());
    for r in &rows {
        let e = f
            .events
            .iter()
            .find(|e| e["event_id"] == r["event_id"])
            .unwrap();
        let s = r["sentences"].as_array().unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0]["text"], e["sentence"]);
        assert_eq!(s[0]["article_id"], e["article_id"]);
    }
    // Behind each count: sentences of that row's events only, at most --max-sentences.
    let rows = query_json(
        &f.db,
        &[
            "--count-by",
            "month",
            "--group-by",
            "root",
            "--show-sentences",
            "--max-sentences",
            "2",
        ],
    );
    for r in &rows {
        let s = r["sentences"].as_array().unwrap();
        assert!(!s.is_empty() && s.len() <= 2);
        for sent in s {
            assert!(f.events.iter().any(|e| e["sentence"] == sent["text"]
                && e["root"] == r["root"]
                && event_date(e).starts_with(r["period"].as_str().unwrap())));
        }
    }
    // The table format: aligned header, a rule, the rows, the sentences indented under them.
    let o = run_ok(&[
        "query",
        "--db",
        f.db.to_str().unwrap(),
        "--dyad",
        "GRC:TUR",
        "--count-by",
        "month",
        "--show-sentences",
    ]);
    let text = String::from_utf8(o.stdout).unwrap();
    let mut lines = text.lines();
    let header = lines.next().unwrap();
    assert!(
        header.starts_with(
            "period   source_code  target_code  events  goldstein_sum  goldstein_mean"
        ),
        "{header}"
    );
    assert!(lines.next().unwrap().starts_with("-------  "));
    assert!(text.contains("\n    [02_accusation.txt #"), "{text}");
    // CSV: a header and a JSON list of sentences.
    let o = run_ok(&[
        "query",
        "--db",
        f.db.to_str().unwrap(),
        "--root",
        "11",
        "--format",
        "csv",
        "--show-sentences",
    ]);
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(text.starts_with("event_id,event_date,source_code,target_code,cameo,"));
    assert!(text.lines().next().unwrap().ends_with(",sentences"));
}

#[test]
fn bad_queries_get_clear_messages() {
    let f = fixture();
    let db = f.db.to_str().unwrap();
    for (args, says) in [
        (vec!["--dyad", "RUS"], "expected SOURCE:TARGET"),
        (vec!["--from", "May 2024"], "--from"),
        (vec!["--near", "Kyiv"], "expected LAT,LON"),
        (vec!["--quad", "7"], "quad classes are 1"),
        (vec!["--text", "\"unbalanced"], "FTS5 syntax"),
    ] {
        let mut all = vec!["query", "--db", db];
        all.extend(args.iter());
        let o = run(&all);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(says), "{args:?}: {err}");
    }
    let o = run(&["query", "--db", "/nonexistent/events.sqlite"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("no such event store"));
}

#[test]
fn plot_draws_a_labelled_svg_chart() {
    let f = fixture();
    let dir = tmp_dir("plot");
    let svg = dir.join("chart.svg");
    let o = run_ok(&[
        "plot",
        "--db",
        f.db.to_str().unwrap(),
        "--between",
        "GRC:TUR",
        "--by",
        "week",
        "-o",
        svg.to_str().unwrap(),
    ]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("wrote"));
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.starts_with("<svg"), "an SVG document");
    for label in [
        "GRC ↔ TUR: events per week by quad class, and mean Goldstein score",
        "Verbal cooperation",
        "Material cooperation",
        "Verbal conflict",
        "Material conflict",
        "Mean Goldstein score (right axis)",
        "Week (starting Monday)",
        "Events",
    ] {
        assert!(text.contains(label), "the chart shows {label:?}");
    }
    // Four count lines and the Goldstein line.
    assert!(
        text.matches("<polyline").count() >= 5,
        "{}",
        text.matches("<polyline").count()
    );
    // A PNG name gets a clear message.
    let o = run(&[
        "plot",
        "--db",
        f.db.to_str().unwrap(),
        "-o",
        dir.join("c.png").to_str().unwrap(),
    ]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("SVG"));
    // Nothing to plot is an error, not an empty chart.
    let o = run(&[
        "plot",
        "--db",
        f.db.to_str().unwrap(),
        "--dyad",
        "ZZZ:YYY",
        "-o",
        svg.to_str().unwrap(),
    ]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("nothing to plot"));
}
