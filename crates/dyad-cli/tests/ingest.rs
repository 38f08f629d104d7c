//! `dyad code` end to end on every input format (fixtures in `crates/dyad/tests/fixtures/ingest`):
//! events come out with the documents' own dates and ids, bad records are reported with their
//! file and line/offset and counted, the exit code says whether anything was skipped, and
//! `--strict` stops at the first.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../dyad/tests/fixtures/ingest")
        .join(name)
        .display()
        .to_string()
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run dyad");
    if let Some(input) = stdin {
        let _ = child.stdin.take().unwrap().write_all(input);
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn events(o: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(o.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

/// (article id, date, source, cameo, target) of every event.
fn summary(o: &Output) -> Vec<(String, String, String, String, String)> {
    events(o)
        .iter()
        .map(|e| {
            let s = |v: &serde_json::Value| v.as_str().unwrap_or("-").to_string();
            (
                s(&e["article_id"]),
                s(&e["date"]),
                s(&e["source"]["code"]),
                s(&e["cameo"]),
                s(&e["target"]["code"]),
            )
        })
        .collect()
}

fn has(
    evs: &[(String, String, String, String, String)],
    id: &str,
    date: &str,
    source: &str,
    cameo: &str,
    target: &str,
) -> bool {
    evs.iter().any(|e| {
        (
            e.0.as_str(),
            e.1.as_str(),
            e.2.as_str(),
            e.3.as_str(),
            e.4.as_str(),
        ) == (id, date, source, cameo, target)
    })
}

#[test]
fn html_page_codes_its_main_text_with_its_own_date() {
    let o = run(
        &["code", "--date", "2000-01-01", &fixture("news_page.html")],
        None,
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    let evs = summary(&o);
    assert!(
        has(&evs, "news_page.html", "2019-06-12", "TURGOV", "112", "GRC"),
        "{evs:?}"
    );
    // nothing from the related links, comments or sidebar teaser
    assert!(
        !evs.iter()
            .any(|e| ["IRN", "USA", "HKGOPP"].contains(&e.2.as_str())),
        "{evs:?}"
    );
    // one document: no summary line, no date warning
    assert!(err.is_empty(), "{err}");
}

#[test]
fn non_utf8_page_codes_and_warns_about_the_guess() {
    let o = run(&["code", &fixture("cp1252_page.htm")], None);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("decoded as windows-1252"), "{err}");
    assert!(!err.contains("no --date"), "the page has a date: {err}");
    assert!(has(
        &summary(&o),
        "cp1252_page.htm",
        "2019-06-05",
        "CHNGOV",
        "040",
        "RUSGOV"
    ));
}

#[test]
fn jsonl_codes_good_lines_and_reports_bad_ones() {
    let o = run(
        &["code", "--date", "2000-01-01", &fixture("articles.jsonl")],
        None,
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    for needle in [
        "articles.jsonl:3: no text",
        "articles.jsonl:4: not valid JSON",
        "articles.jsonl:7: the line is JSON but not an object",
        "3 documents coded, 3 skipped",
    ] {
        assert!(err.contains(needle), "missing {needle:?} in\n{err}");
    }
    let evs = summary(&o);
    assert!(
        has(&evs, "101", "2019-06-12", "RUS", "1123", "UKR"),
        "{evs:?}"
    );
    assert!(
        has(&evs, "abc-102", "2019-06-12", "USA", "163", "VEN"),
        "{evs:?}"
    );
    assert!(
        has(&evs, "a105", "2019-06-13", "ISRMIL", "173", "PSE"),
        "{evs:?}"
    );
}

#[test]
fn jsonl_field_flags_and_date_fallback() {
    let o = run(
        &[
            "code",
            "--date",
            "2019-07-01",
            "--text-field",
            "story.words",
            "--id-field",
            "doc",
            &fixture("custom_fields.jsonl"),
        ],
        None,
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    // without --date-field the nested date is not found: --date dates the document
    assert!(
        has(&summary(&o), "z1", "2019-07-01", "IGOWSTNAT", "111", "PRK"),
        "{:?}",
        summary(&o)
    );
    let o = run(
        &[
            "code",
            "--text-field=story.words",
            "--id-field=doc",
            "--date-field=story.when",
            &fixture("custom_fields.jsonl"),
        ],
        None,
    );
    assert!(has(
        &summary(&o),
        "z1",
        "2019-06-14",
        "IGOWSTNAT",
        "111",
        "PRK"
    ));
    assert!(!String::from_utf8_lossy(&o.stderr).contains("no --date"));
}

#[test]
fn warc_plain_and_gzipped() {
    for name in ["crawl.warc", "crawl.warc.gz"] {
        let o = run(&["code", &fixture(name)], None);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{err}");
        assert!(
            err.contains("no valid Content-Length") && err.contains("is truncated"),
            "{err}"
        );
        assert!(err.contains("3 documents coded, 2 skipped"), "{err}");
        let evs = summary(&o);
        let id = "11111111-1111-1111-1111-111111111111";
        assert!(
            has(&evs, id, "2019-06-12", "TURGOV", "112", "GRC"),
            "{evs:?}"
        );
        let id = "44444444-4444-4444-4444-444444444444";
        assert!(
            has(&evs, id, "2019-06-17", "IGOEUREEC", "0242", "TUR"),
            "{evs:?}"
        );
    }
}

#[test]
fn rss_and_atom_feeds() {
    let o = run(&["code", &fixture("feed.rss"), &fixture("feed.atom")], None);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(err.contains("4 documents coded, 0 skipped"), "{err}");
    let evs = summary(&o);
    assert!(
        has(&evs, "bw-2019-0612-1", "2019-06-12", "TUR", "036", "GRC"),
        "{evs:?}"
    );
    assert!(
        has(&evs, "urn:uuid:entry-1", "2019-06-14", "IRN", "1381", "-"),
        "{evs:?}"
    );
}

#[test]
fn petrarch_xml_runs_unchanged() {
    let o = run(&["code", &fixture("sentence_records.xml")], None);
    let evs = summary(&o);
    assert!(
        has(&evs, "AFP-1-1", "2015-08-05", "TURGOV", "112", "GRC"),
        "{evs:?}"
    );
    assert!(
        has(&evs, "AFP-1-2", "2015-08-06", "USA", "163", "VEN"),
        "{evs:?}"
    );
    assert_eq!(
        o.status.code(),
        Some(1),
        "the sentence without text is skipped"
    );
}

#[test]
fn compressed_inputs_and_stdin_detection() {
    let o = run(&["code", &fixture("good.jsonl.zst")], None);
    assert!(o.status.success());
    assert!(has(&summary(&o), "101", "2019-06-12", "RUS", "1123", "UKR"));
    let o = run(
        &["code", "--date", "2019-06-12", &fixture("story.txt.gz")],
        None,
    );
    assert!(o.status.success());
    assert!(has(
        &summary(&o),
        "story.txt.gz",
        "2019-06-12",
        "RUS",
        "112",
        "UKR"
    ));
    // gzip'd WARC on stdin: compression and format from the bytes
    let bytes = std::fs::read(fixture("crawl.warc.gz")).unwrap();
    let o = run(&["code", "-"], Some(&bytes));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("stdin (byte "), "{err}");
    assert!(has(
        &summary(&o),
        "11111111-1111-1111-1111-111111111111",
        "2019-06-12",
        "TURGOV",
        "112",
        "GRC"
    ));
    // a truncated gzip: the lines before the cut are coded
    let o = run(&["code", &fixture("truncated.jsonl.gz")], None);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1));
    assert!(err.contains("gzip stream is truncated or corrupt"), "{err}");
    let coded: u32 = err
        .split("dyad: ")
        .find_map(|l| l.split_once(" documents coded, 1 skipped"))
        .and_then(|(n, _)| n.trim().parse().ok())
        .unwrap_or(0);
    assert!(coded > 50, "{err}");
}

#[test]
fn strict_stops_at_the_first_bad_record() {
    let o = run(
        &[
            "code",
            "--strict",
            &fixture("articles.jsonl"),
            &fixture("feed.rss"),
        ],
        None,
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("articles.jsonl:3:"), "{err}");
    assert!(!err.contains("articles.jsonl:4:"), "{err}");
    assert!(err.contains("--strict"), "{err}");
    let ids: Vec<String> = summary(&o).into_iter().map(|e| e.0).collect();
    assert!(ids.contains(&"abc-102".to_string()), "{ids:?}");
    assert!(!ids.contains(&"a105".to_string()) && !ids.iter().any(|i| i.starts_with("bw-")));
}

#[test]
fn directories_with_glob_and_the_format_flag() {
    let dir = std::env::temp_dir().join(format!("dyad-cli-ingest-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("2019/06")).unwrap();
    std::fs::write(
        dir.join("2019/06/b.txt"),
        "Russia accused Ukraine of shelling the town.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("2019/a.txt"),
        "Iran threatened to block the Strait of Hormuz.\n",
    )
    .unwrap();
    std::fs::copy(fixture("feed.rss"), dir.join("2019/feed.rss")).unwrap();
    std::fs::write(dir.join("notes.md"), "not read without a glob").unwrap();
    let d = dir.display().to_string();
    let o = run(&["code", "--date", "2019-06-20", &d], None);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut ids: Vec<String> = summary(&o).into_iter().map(|e| e.0).collect();
    ids.dedup();
    assert_eq!(
        ids,
        [
            "2019/06/b.txt",
            "2019/a.txt",
            "bw-2019-0612-1",
            "https://balkanwire.example/2019/06/13/drilling"
        ]
    );
    let o = run(
        &["code", "--date", "2019-06-20", "--glob", "*.txt", &d],
        None,
    );
    let mut ids: Vec<String> = summary(&o).into_iter().map(|e| e.0).collect();
    ids.dedup();
    assert_eq!(ids, ["2019/06/b.txt", "2019/a.txt"]);
    // a forced format reads the .md as text
    let o = run(
        &[
            "code",
            "--date",
            "2019-06-20",
            "--glob",
            "*.md",
            "--input-format",
            "text",
            &d,
        ],
        None,
    );
    assert!(o.status.success());
    // usage errors exit 2
    let o = run(&["code", "--glob", "x[", &d], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--glob"));
    let o = run(&["code", "--input-format", "pdf", &d], None);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn id_names_a_whole_file_document_only() {
    let o = run(
        &["code", "--id", "my-page", &fixture("news_page.html")],
        None,
    );
    assert!(summary(&o).iter().all(|e| e.0 == "my-page"));
    let o = run(&["code", "--id", "x", &fixture("feed.rss")], None);
    assert!(summary(&o).iter().all(|e| e.0 != "x"));
}
