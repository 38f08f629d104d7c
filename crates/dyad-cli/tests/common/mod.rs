//! Helpers shared by the output, store and query tests: the fixture corpus (the example
//! articles with their publication dates), running the binary, and Python for round trips.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub fn dyad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
}

pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A fresh directory for one test.
pub fn tmp_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dyad-outputs-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub fn run(args: &[&str]) -> Output {
    let o = dyad()
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run dyad");
    o
}

/// Run dyad and insist on success.
pub fn run_ok(args: &[&str]) -> Output {
    let o = run(args);
    assert!(
        o.status.success(),
        "dyad {args:?} failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

/// The fixture corpus: every `examples/*.txt` article as one JSONL record with its id, its
/// publication date (from `examples/expected.tsv`) and a URL — the inputs the expected outputs
/// of these tests are computed from.
pub fn fixture_corpus(dir: &Path) -> PathBuf {
    let expected = std::fs::read_to_string(repo().join("examples/expected.tsv")).unwrap();
    let mut dates = std::collections::BTreeMap::new();
    for line in expected.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() > 1 {
            dates.insert(f[0].to_string(), f[1].to_string());
        }
    }
    let mut out = String::new();
    for (file, date) in &dates {
        let text = std::fs::read_to_string(repo().join("examples").join(file)).unwrap();
        let rec = serde_json::json!({
            "id": file,
            "date": date,
            "url": format!("https://example.org/news/{file}"),
            "text": text,
        });
        out.push_str(&rec.to_string());
        out.push('\n');
    }
    let path = dir.join("corpus.jsonl");
    std::fs::write(&path, out).unwrap();
    path
}

/// The corpus's events as JSON Lines (the reference every other format is compared with):
/// every event as coded, as the other formats write them (repeated events are collapsed in
/// JSON Lines only).
pub fn reference_events(corpus: &Path) -> Vec<serde_json::Value> {
    let o = run_ok(&["code", "--no-event-dedup", corpus.to_str().unwrap()]);
    let events: Vec<serde_json::Value> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(events.len() > 30, "the fixture corpus codes into events");
    events
}

/// Run a Python snippet and return its stdout; fail with a clear message when Python or the
/// packages it imports are missing (CI installs them: see .ci/run).
pub fn python(code: &str, args: &[&str]) -> String {
    let o = Command::new("python3")
        .arg("-c")
        .arg(code)
        .args(args)
        .output()
        .unwrap_or_else(|e| {
            panic!("these round-trip tests need python3 ({e}); install Python 3 and `pip install pyarrow pandas` (.ci/run does)")
        });
    let stderr = String::from_utf8_lossy(&o.stderr);
    if stderr.contains("ModuleNotFoundError") {
        panic!(
            "these round-trip tests need the Python packages pandas and pyarrow: `pip install pyarrow pandas` (.ci/run does)\n{stderr}"
        );
    }
    assert!(o.status.success(), "python failed:\n{stderr}");
    String::from_utf8(o.stdout).unwrap()
}

/// Great-circle distance in km (as the store computes it).
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1) = (a.0.to_radians(), a.1.to_radians());
    let (la2, lo2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0088 * h.sqrt().min(1.0).asin()
}

/// The date a time series uses: `when` when it is a whole day, else the publication date.
pub fn event_date(e: &serde_json::Value) -> String {
    match (e["when"].as_str(), e["when_precision"].as_str()) {
        (Some(w), Some("day")) => w.to_string(),
        _ => e["date"].as_str().unwrap().to_string(),
    }
}
