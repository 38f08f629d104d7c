//! The evaluation harness in CI: the own gold set must not fall below the recorded baseline,
//! and the JSON report has the documented shape. Peer suites run when `../shared/peers` is
//! present and are reported as skipped otherwise.

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn eval(args: &[&str]) -> (bool, serde_json::Value, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .arg("eval")
        .args(args)
        .current_dir(repo())
        .output()
        .unwrap();
    let v = serde_json::from_slice(&o.stdout).unwrap_or(serde_json::Value::Null);
    (
        o.status.success(),
        v,
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn own_gold_f1_does_not_drop_below_the_baseline() {
    let (ok, v, err) = eval(&[
        "--gold",
        "eval/gold.jsonl",
        "--baseline",
        "eval/baseline.json",
        "--json",
    ]);
    let g = &v["own_gold"];
    eprintln!(
        "own gold: {} items, precision {}, recall {}, F1 {}, trap error rate {}",
        g["items"], g["precision"], g["recall"], g["f1"], g["trap_error_rate"]
    );
    assert!(ok, "{err}");
    assert!(g["items"].as_u64().unwrap() >= 300);
    for k in ["precision", "recall", "f1"] {
        assert!(g[k].as_f64().is_some(), "{k}");
    }
    assert!(
        g["by_root"].as_object().unwrap().len() >= 20,
        "every root is in the gold set"
    );
}

#[test]
fn a_baseline_above_the_score_fails_the_run() {
    let high = std::env::temp_dir().join(format!("dyad-baseline-{}.json", std::process::id()));
    std::fs::write(&high, "{\"f1\": 0.999}").unwrap();
    let (ok, _, err) = eval(&[
        "--gold",
        "eval/gold.jsonl",
        "--baseline",
        high.to_str().unwrap(),
        "--json",
    ]);
    assert!(!ok);
    assert!(err.contains("below the baseline"), "{err}");
}

#[test]
fn default_run_reports_peer_suites_or_says_they_are_absent() {
    let (ok, v, err) = eval(&["--json"]);
    assert!(ok, "{err}");
    assert!(v["own_gold"]["f1"].as_f64().is_some());
    if repo().join("../shared/peers/petrarch2").is_dir() {
        let p = &v["petr_suite"];
        let (passed, evaluated) = (
            p["passed"].as_u64().unwrap(),
            p["evaluated"].as_u64().unwrap(),
        );
        eprintln!("PETRARCH2 unit tests: {passed} of {evaluated} pass");
        assert!(evaluated > 250 && passed > 0);
        assert!(p["by_category"].as_object().unwrap().contains_key("SYNSET"));
        // the suite is a regression gate too: a change may raise the recorded count, never
        // silently lower it
        let baseline: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(repo().join("eval/baseline.json")).unwrap(),
        )
        .unwrap();
        let floor = baseline["petr_suite_passed"].as_u64().unwrap();
        assert!(
            passed >= floor,
            "PETRARCH2 suite: {passed} pass, below the {floor} recorded in eval/baseline.json"
        );
    } else {
        let notes = v["notes"].to_string();
        assert!(notes.contains("skipped the petrarch2 suite"), "{notes}");
        eprintln!("SKIPPED: ../shared/peers is absent; the peer suites were not run");
    }
}
