//! The `dyad` binary end to end: bad input, exit codes, and the JSON Lines output contract
//! (validated against `shared/schema/event.schema.json` when `../shared` is present).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn dyad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut c = dyad();
    c.args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = c.spawn().expect("run dyad");
    if let Some(input) = stdin {
        // dyad may rightly exit before reading its input (a bad --date): a broken pipe here
        // is not a failure, the exit status and stderr are what the tests check
        let _ = child.stdin.take().unwrap().write_all(input);
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn tmp(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dyad-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn lines(o: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(o.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

#[test]
fn codes_stdin_with_given_date() {
    let o = run(&["code", "--date", "2019-06-12"], Some(b"Turkish Foreign Minister Mevlut Cavusoglu accused Greece of violating Turkish airspace.\n"));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let evs = lines(&o);
    assert_eq!(evs.len(), 1, "{evs:?}");
    let e = &evs[0];
    assert_eq!(e["source"]["code"], "TURGOV");
    assert_eq!(e["target"]["code"], "GRC");
    assert_eq!(e["cameo"], "112");
    assert_eq!(e["root"], "11");
    assert_eq!(e["quad_class"], 3);
    assert_eq!(e["plover"], "ACCUSE");
    assert_eq!(e["date"], "2019-06-12");
    assert_eq!(e["article_id"], "stdin");
    assert_eq!(
        e["source"]["text"],
        "Turkish Foreign Minister Mevlut Cavusoglu"
    );
    assert_eq!(
        (e["source"]["start"].as_u64(), e["source"]["end"].as_u64()),
        (Some(0), Some(41))
    );
}

#[test]
fn bad_inputs_are_reported_and_the_rest_is_coded() {
    let good = tmp(
        "good.txt",
        b"Russia accused Ukraine of shelling the town.\n",
    );
    let empty = tmp("empty.txt", b"   \n");
    let binary = tmp("binary.bin", b"\x7fELF\0\0\x01");
    let latin1 = tmp(
        "latin1.txt",
        b"Caf\xe9 news\nRussia accused Ukraine of shelling the town.\n",
    );
    let dir = good.parent().unwrap().to_path_buf();
    let missing = dir.join("missing.txt");
    // the Latin-1 file repeats the good one's story: code it and keep its events apart
    let args: Vec<String> = [
        "code",
        "--date",
        "2022-03-01",
        "--no-dedup",
        "--no-event-dedup",
    ]
    .iter()
    .map(|s| s.to_string())
    .chain(
        // a directory is an input now (read recursively: tests/ingest.rs), no longer an error
        [&good, &empty, &binary, &missing, &latin1]
            .iter()
            .map(|p| p.display().to_string()),
    )
    .collect();
    let o = run(&args.iter().map(String::as_str).collect::<Vec<_>>(), None);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("empty.txt: the file is empty"), "{err}");
    assert!(err.contains("binary.bin: the file looks binary"), "{err}");
    assert!(err.contains("missing.txt: no such file"), "{err}");
    assert!(err.contains("latin1.txt: invalid UTF-8 at byte 3"), "{err}");
    let evs = lines(&o);
    let ids: Vec<&str> = evs
        .iter()
        .map(|e| e["article_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["good.txt", "latin1.txt"]);
}

#[test]
fn unparsable_date_is_a_clear_error() {
    let o = run(
        &["code", "--date", "12/06/2019"],
        Some(b"Russia accused Ukraine of shelling."),
    );
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("--date") && err.contains("YYYY-MM-DD"),
        "{err}"
    );
}

#[test]
fn missing_date_warns_and_uses_today() {
    let o = run(&["code"], Some(b"Russia accused Ukraine of shelling."));
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("no --date given"));
}

#[test]
fn non_asserted_events_only_with_all_modalities() {
    let text = b"Russia denied that its troops attacked Ukraine.\n";
    let o = run(&["code", "--date", "2022-03-01"], Some(text));
    let default: Vec<_> = lines(&o)
        .iter()
        .map(|e| {
            (
                e["cameo"].as_str().unwrap().to_string(),
                e["modality"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(default.iter().all(|(_, m)| m == "asserted"), "{default:?}");
    assert!(
        !default.iter().any(|(c, _)| c.starts_with("19")),
        "{default:?}"
    );
    let o = run(
        &["code", "--date", "2022-03-01", "--all-modalities"],
        Some(text),
    );
    let all: Vec<_> = lines(&o)
        .iter()
        .map(|e| {
            (
                e["cameo"].as_str().unwrap().to_string(),
                e["modality"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(
        all.contains(&("190".to_string(), "negated".to_string())),
        "{all:?}"
    );
}

#[test]
fn bare_statements_only_with_statements() {
    let text = b"Turkey said on Monday that the situation was under control.\n";
    let cameos = |o: &Output| -> Vec<String> {
        lines(o)
            .iter()
            .map(|e| e["cameo"].as_str().unwrap().to_string())
            .collect()
    };
    let o = run(&["code", "--date", "2024-06-03"], Some(text));
    assert!(cameos(&o).is_empty(), "{:?}", cameos(&o));
    let o = run(
        &["code", "--date", "2024-06-03", "--statements"],
        Some(text),
    );
    assert_eq!(cameos(&o), ["010"]);
}

#[test]
fn output_matches_the_json_schema() {
    let schema_path = repo().join("../shared/schema/event.schema.json");
    let Ok(schema_text) = std::fs::read_to_string(&schema_path) else {
        eprintln!(
            "SKIPPED: {} is absent; the schema check needs ../shared",
            schema_path.display()
        );
        return;
    };
    let schema: serde_json::Value = serde_json::from_str(&schema_text).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let mut checked = 0;
    for entry in std::fs::read_dir(repo().join("examples")).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_none_or(|x| x != "txt") {
            continue;
        }
        let o = run(
            &[
                "code",
                "--date",
                "2024-04-18",
                "--all-modalities",
                p.to_str().unwrap(),
            ],
            None,
        );
        assert!(o.status.success());
        for ev in lines(&o) {
            let errors: Vec<String> = validator.iter_errors(&ev).map(|e| e.to_string()).collect();
            assert!(errors.is_empty(), "{}: {errors:?}\n{ev}", p.display());
            checked += 1;
        }
    }
    assert!(checked > 50, "only {checked} events checked");
}

#[test]
fn explain_shows_every_stage() {
    let o = run(&["explain", "--date", "2019-06-12", "Turkish Foreign Minister Mevlut Cavusoglu accused Greece of violating Turkish airspace."], None);
    assert!(o.status.success());
    let out = String::from_utf8_lossy(&o.stdout);
    for needle in [
        "Tokens:",
        "Actors:",
        "\"Turkish Foreign Minister Mevlut Cavusoglu\" -> TURGOV",
        "Clause: verb \"accused\"",
        "pattern accuse + of",
        "TURGOV -> GRC 112",
    ] {
        assert!(out.contains(needle), "missing {needle:?} in\n{out}");
    }
}

#[test]
fn dictionary_examples_pass() {
    let o = run(&["dict", "test"], None);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        o.status.success(),
        "{out}\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(out.contains(" passed, 0 failed"), "{out}");
}

#[test]
fn dictionary_stats_json_has_the_documented_keys() {
    let o = run(&["dict", "stats", "--json"], None);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    for k in [
        "countries",
        "people",
        "organizations",
        "agents",
        "verb_patterns",
        "examples",
    ] {
        assert!(v[k].as_u64().is_some_and(|n| n > 0), "{k} in {v}");
    }
}

#[test]
fn user_dictionary_replaces_or_extends_the_default() {
    let dir = std::env::temp_dir().join(format!("dyad-userdict-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("countries.txt"),
        "FRD  Freedonia\n  adjectives: Freedonian\nSYL  Sylvania\n",
    )
    .unwrap();
    std::fs::write(dir.join("verbs.txt"), "112  denounce +\n").unwrap();
    let text = b"Freedonia denounced Sylvania.\n";
    let o = run(
        &[
            "code",
            "--date",
            "2020-01-01",
            "--dict",
            dir.to_str().unwrap(),
            "--dict-mode",
            "replace",
        ],
        Some(text),
    );
    let evs = lines(&o);
    assert_eq!(evs.len(), 1, "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(evs[0]["cameo"], "112");
    // extend: the default entries still work alongside
    let o = run(
        &[
            "code",
            "--date",
            "2020-01-01",
            "--dict",
            dir.to_str().unwrap(),
        ],
        Some(b"Freedonia accused Russia of meddling.\n"),
    );
    let evs = lines(&o);
    assert_eq!(
        (
            evs[0]["source"]["code"].as_str(),
            evs[0]["target"]["code"].as_str()
        ),
        (Some("FRD"), Some("RUS"))
    );
}

#[test]
fn dated_roles_change_with_the_publication_date() {
    // Joe Biden was president 2021-01-20..2025-01-20: before and after he codes as an elite
    let code = |date: &str| {
        let o = run(
            &["code", "--date", date],
            Some(b"Joe Biden criticized Russia.\n"),
        );
        lines(&o)
            .first()
            .map(|e| e["source"]["code"].as_str().unwrap().to_string())
    };
    assert_eq!(code("2022-03-01").as_deref(), Some("USAGOV"));
    assert_eq!(code("2026-03-01").as_deref(), Some("USAELI"));
    assert_eq!(
        code("2015-03-01").as_deref(),
        Some("USAGOV"),
        "vice president 2009-2017"
    );
    assert_eq!(code("2019-03-01").as_deref(), Some("USAELI"));
}
