//! The event store: re-ingesting adds nothing, and a `dyad code --db` killed mid-ingest leaves a
//! consistent store that the same command completes.

mod common;

use common::*;
use rusqlite::Connection;
use std::path::Path;
use std::time::{Duration, Instant};

fn count(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

/// Every article's `n_events` equals its stored events: no half-written article.
fn assert_whole_articles(conn: &Connection) {
    let broken = count(
        conn,
        "SELECT COUNT(*) FROM articles a WHERE a.n_events != \
         (SELECT COUNT(*) FROM events e WHERE e.article_id = a.id)",
    );
    assert_eq!(broken, 0, "articles with missing or extra events");
    let orphans = count(
        conn,
        "SELECT COUNT(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = e.article_id) \
         OR NOT EXISTS (SELECT 1 FROM sentences s WHERE s.id = e.sentence_id)",
    );
    assert_eq!(orphans, 0, "events without their article or sentence");
}

fn assert_integrity(conn: &Connection) {
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    // The full-text index agrees with the sentences it indexes.
    conn.execute(
        "INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('integrity-check', 1)",
        [],
    )
    .unwrap();
    assert_whole_articles(conn);
}

#[test]
fn reingest_adds_nothing_by_id_or_by_content() {
    let dir = tmp_dir("reingest");
    let corpus = fixture_corpus(&dir);
    let events = reference_events(&corpus);
    let db = dir.join("events.sqlite");
    let db_s = db.to_str().unwrap();
    let o = run_ok(&["code", corpus.to_str().unwrap(), "--db", db_s]);
    assert!(o.stdout.is_empty(), "--db alone writes only the store");
    let first = String::from_utf8_lossy(&o.stderr).to_string();
    assert!(
        first.contains("14 articles added, 0 already stored"),
        "{first}"
    );
    let conn = Connection::open(&db).unwrap();
    assert_eq!(count(&conn, "SELECT COUNT(*) FROM articles"), 14);
    assert_eq!(
        count(&conn, "SELECT COUNT(*) FROM events"),
        events.len() as i64
    );
    assert_integrity(&conn);

    // The same corpus again: nothing added.
    let o = run_ok(&["code", corpus.to_str().unwrap(), "--db", db_s]);
    let second = String::from_utf8_lossy(&o.stderr).to_string();
    assert!(
        second.contains("0 articles added, 14 already stored"),
        "{second}"
    );
    // The same texts under other ids (a syndicated copy): recognised by content.
    let copies: String = std::fs::read_to_string(&corpus)
        .unwrap()
        .lines()
        .map(|l| {
            let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["id"] = format!("copy-of-{}", v["id"].as_str().unwrap()).into();
            v.to_string() + "\n"
        })
        .collect();
    let copies_path = dir.join("copies.jsonl");
    std::fs::write(&copies_path, copies).unwrap();
    let o = run_ok(&["code", copies_path.to_str().unwrap(), "--db", db_s]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("0 articles added, 14 already stored"));
    assert_eq!(count(&conn, "SELECT COUNT(*) FROM articles"), 14);
    assert_eq!(
        count(&conn, "SELECT COUNT(*) FROM events"),
        events.len() as i64
    );

    // --db with -o writes both, the same events.
    let db2 = dir.join("both.sqlite");
    let csv = dir.join("both.csv");
    run_ok(&[
        "code",
        corpus.to_str().unwrap(),
        "--db",
        db2.to_str().unwrap(),
        "-o",
        csv.to_str().unwrap(),
    ]);
    let conn2 = Connection::open(&db2).unwrap();
    let lines = std::fs::read_to_string(&csv).unwrap().lines().count() as i64;
    assert!(lines > 1);
    assert_eq!(
        count(&conn2, "SELECT COUNT(*) FROM events"),
        events.len() as i64
    );
}

/// A corpus big enough that ingest takes several seconds: the example articles, many times,
/// each copy made distinct (so none is skipped as a duplicate).
fn big_corpus(dir: &Path, copies: usize) -> (std::path::PathBuf, usize) {
    let corpus = fixture_corpus(dir);
    let records: Vec<serde_json::Value> = std::fs::read_to_string(&corpus)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let mut out = String::new();
    let mut n = 0;
    for k in 0..copies {
        for r in &records {
            let mut r = r.clone();
            r["id"] = format!("{}-{k}", r["id"].as_str().unwrap()).into();
            r["text"] = format!("{}\nThis is copy {k}.\n", r["text"].as_str().unwrap()).into();
            out.push_str(&r.to_string());
            out.push('\n');
            n += 1;
        }
    }
    let path = dir.join("big.jsonl");
    std::fs::write(&path, out).unwrap();
    (path, n)
}

#[test]
fn killed_ingest_leaves_a_consistent_store_that_a_rerun_completes() {
    let dir = tmp_dir("crash");
    let batch = 20usize;
    let copies = 100;
    let (corpus, n_articles) = big_corpus(&dir, copies);
    let db = dir.join("crash.sqlite");
    let db_s = db.to_str().unwrap().to_string();
    let batch_s = batch.to_string();
    // the corpus repeats the same stories: code every copy (--no-dedup) so ingest takes long
    // enough to be killed mid-way
    let args = [
        "code",
        "--no-dedup",
        corpus.to_str().unwrap(),
        "--db",
        &db_s,
        "--db-batch",
        &batch_s,
    ];
    let mut child = dyad()
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Wait until a few batches are committed, then kill (SIGKILL) while later ones are in flight.
    let t0 = Instant::now();
    let mut killed_at = None;
    while t0.elapsed() < Duration::from_secs(120) {
        std::thread::sleep(Duration::from_millis(30));
        if let Ok(Some(_)) = child.try_wait() {
            break;
        }
        let Ok(conn) = Connection::open_with_flags(&db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        else {
            continue;
        };
        let stored: i64 = conn
            .query_row("SELECT COUNT(*) FROM articles", [], |r| r.get(0))
            .unwrap_or(0);
        if stored >= 3 * batch as i64 {
            child.kill().unwrap(); // SIGKILL on Unix: no chance to clean up
            killed_at = Some(stored);
            break;
        }
    }
    let _ = child.wait();
    let killed_at = killed_at.expect("ingest was killed mid-way (the corpus was coded too fast?)");
    assert!(killed_at < n_articles as i64);

    let conn = Connection::open(&db).unwrap();
    assert_integrity(&conn);
    let stored = count(&conn, "SELECT COUNT(*) FROM articles");
    assert!(stored < n_articles as i64, "the run was interrupted");
    assert_eq!(
        stored % batch as i64,
        0,
        "only whole batches are committed ({stored} articles stored)"
    );
    drop(conn);

    // The same command again completes the store: the stored articles are skipped.
    let o = run_ok(&args);
    let msg = String::from_utf8_lossy(&o.stderr);
    assert!(msg.contains(&format!("{} already stored", stored)), "{msg}");
    let conn = Connection::open(&db).unwrap();
    assert_integrity(&conn);
    assert_eq!(
        count(&conn, "SELECT COUNT(*) FROM articles"),
        n_articles as i64
    );
    // Every copy has the events of its original: `copies` times the fixture corpus's events.
    let per_copy = count(
        &conn,
        "SELECT COUNT(*) FROM events WHERE article_id LIKE '%-0'",
    );
    assert!(per_copy > 0);
    assert_eq!(
        count(&conn, "SELECT COUNT(*) FROM events"),
        per_copy * copies as i64
    );
}
