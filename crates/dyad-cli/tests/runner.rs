//! The `dyad code` runner on corpora: the output does not depend on `--threads`, `--output` is
//! atomic, a run killed with SIGKILL (or stopped with Ctrl-C) and resumed writes exactly the
//! file an uninterrupted run writes, the guard rails around checkpoints hold, and the closing
//! summary says what happened (or nothing, with `--quiet`).
//!
//! The corpora are generated from `examples/*.txt` with `dyad bench --generate-jsonl`, the same
//! generator the benchmark uses.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

fn dyad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
}

/// The generated corpora are copies of the same 14 example stories with names swapped, so
/// de-duplication would (rightly) keep 14 of them: these tests pin the runner's mechanics and
/// turn it off (it has its own tests, and `duplicates_are_listed_and_credited` below).
fn with_dedup_off<'a>(args: &[&'a str]) -> Vec<&'a str> {
    let mut v = args.to_vec();
    if v.first() == Some(&"code") {
        v.splice(1..1, ["--no-dedup", "--no-event-dedup"]);
    }
    v
}

fn run(args: &[&str]) -> Output {
    dyad()
        .args(with_dedup_off(args))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .expect("run dyad")
}

fn spawn(args: &[&str]) -> Child {
    dyad()
        .args(with_dedup_off(args))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run dyad")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A fresh directory for one test.
fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("dyad-runner-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// A JSONL corpus of about `mb` MB of article text, plus `extra` lines appended; and the
/// number of generated lines.
fn corpus(dir: &Path, mb: f64, extra: &str) -> (String, usize) {
    let path = dir.join("corpus.jsonl");
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let o = run(&[
        "bench",
        "--dir",
        &examples.display().to_string(),
        "--generate-jsonl",
        &path.display().to_string(),
        "--size-mb",
        &mb.to_string(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut bytes = std::fs::read(&path).unwrap();
    let lines = bytes.iter().filter(|&&b| b == b'\n').count();
    bytes.extend_from_slice(extra.as_bytes());
    std::fs::write(&path, bytes).unwrap();
    (path.display().to_string(), lines)
}

/// Stderr without the closing summary (its timings differ from run to run).
fn messages(o: &Output) -> Vec<String> {
    stderr(o)
        .lines()
        .filter(|l| !l.contains("documents coded"))
        .map(str::to_string)
        .collect()
}

#[test]
fn output_is_identical_for_any_thread_count() {
    let d = dir("threads");
    // a bad line in the middle of the corpus and one at the end: reported, counted, skipped
    let (path, n) = corpus(&d, 0.2, "{\"id\": \"x\"}\nnot json\n");
    let runs: Vec<Output> = ["1", "2", "4"]
        .iter()
        .map(|t| run(&["code", "--threads", t, &path]))
        .collect();
    let first = &runs[0];
    assert_eq!(first.status.code(), Some(1), "{}", stderr(first));
    let lines = first.stdout.split(|&b| b == b'\n').count();
    assert!(lines > 500, "only {lines} events");
    for (o, t) in runs.iter().zip(["1", "2", "4"]).skip(1) {
        assert!(o.stdout == first.stdout, "--threads {t} wrote other events");
        assert_eq!(o.status.code(), Some(1));
        assert_eq!(messages(o), messages(first), "--threads {t}");
    }
    let err = stderr(first);
    assert!(
        err.contains(&format!("corpus.jsonl:{}: no text", n + 1)),
        "{err}"
    );
    assert!(
        err.contains(&format!("corpus.jsonl:{}: not valid JSON", n + 2)),
        "{err}"
    );
    // documents were numbered in input order: the events' article ids never go backwards
    let ids: Vec<u64> = String::from_utf8_lossy(&first.stdout)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["article_id"].as_str().unwrap()[4..].parse().unwrap()
        })
        .collect();
    assert!(ids.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn summary_line_and_quiet() {
    let d = dir("summary");
    let (path, n) = corpus(&d, 0.02, "not json\n");
    let o = run(&["code", "--threads", "2", &path]);
    let err = stderr(&o);
    let summary = err
        .lines()
        .find(|l| l.contains("documents coded"))
        .unwrap_or_else(|| panic!("no summary in {err}"));
    // "dyad: 24 documents coded, 1 skipped (unreadable files or records), 190 events,
    //  0 duplicates; 0.0 MB read in 0.3 s (0.07 MB/s, 80 articles/s, 2 threads)"
    let events = String::from_utf8_lossy(&o.stdout).lines().count();
    for needle in [
        format!("dyad: {n} documents coded, 1 skipped (unreadable files or records)"),
        format!(", {events} events, 0 duplicates; "),
        " MB read in ".into(),
        " MB/s, ".into(),
        " articles/s, 2 threads)".into(),
    ] {
        assert!(summary.contains(&needle), "{needle:?} not in {summary}");
    }
    let q = run(&["code", "--quiet", &path]);
    let err = stderr(&q);
    assert!(!err.contains("documents coded"), "{err}");
    // the bad record is still reported, and the exit code still says so
    assert!(
        err.contains(&format!("corpus.jsonl:{}: not valid JSON", n + 1)),
        "{err}"
    );
    assert_eq!(q.status.code(), Some(1));
    assert!(q.stdout == o.stdout);
}

#[test]
fn output_file_is_atomic_and_equals_stdout() {
    let d = dir("atomic");
    let (path, _) = corpus(&d, 0.05, "");
    let out = d.join("events.jsonl");
    let out_s = out.display().to_string();
    let o = run(&["code", &path]);
    assert!(o.status.success(), "{}", stderr(&o));
    let f = run(&["code", "--output", &out_s, &path]);
    assert!(f.status.success(), "{}", stderr(&f));
    assert!(f.stdout.is_empty());
    assert!(std::fs::read(&out).unwrap() == o.stdout);
    let leftovers: Vec<_> = std::fs::read_dir(&d)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("events.jsonl."))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    // a run that does not finish (--strict and a bad record) leaves the old file alone
    std::fs::write(&out, b"old\n").unwrap();
    let bad = d.join("bad.jsonl");
    let mut bytes = std::fs::read(&path).unwrap();
    bytes.extend_from_slice(b"not json\n");
    std::fs::write(&bad, bytes).unwrap();
    let s = run(&[
        "code",
        "--strict",
        "--output",
        &out_s,
        &bad.display().to_string(),
    ]);
    let err = stderr(&s);
    assert_eq!(s.status.code(), Some(1), "{err}");
    assert!(err.contains("events.jsonl not written"), "{err}");
    assert!(err.contains("--strict"), "{err}");
    assert_eq!(std::fs::read(&out).unwrap(), b"old\n");
    assert!(!d.join("events.jsonl.dyad-tmp").exists());

    // an output that cannot be created is an error naming it
    let nowhere = d.join("no/such/dir/events.jsonl");
    let e = run(&["code", "--output", &nowhere.display().to_string(), &path]);
    assert_eq!(e.status.code(), Some(2));
    assert!(stderr(&e).contains("no/such/dir/events.jsonl.dyad-tmp"));
}

/// The checkpoint's `records` and `complete`, once it exists and is past the start.
fn checkpoint_progress(ckpt: &Path) -> Option<(u64, bool)> {
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(ckpt).ok()?).ok()?;
    Some((v["records"].as_u64()?, v["complete"].as_bool()?))
}

/// Start a resumable run and stop it (with `signal`) once its checkpoint is past `after`
/// records. Returns the stopped run's output, and whether it was stopped before finishing.
fn start_and_stop(args: &[&str], ckpt: &Path, after: u64, signal: &str) -> (Output, bool) {
    let child = spawn(args);
    let t = Instant::now();
    let mut midway = false;
    while t.elapsed() < Duration::from_secs(120) {
        match checkpoint_progress(ckpt) {
            Some((n, false)) if n > after => {
                midway = true;
                break;
            }
            Some((_, true)) => break,
            _ => std::thread::sleep(Duration::from_millis(5)),
        }
    }
    let pid = child.id().to_string();
    let k = Command::new("kill")
        .args([signal, &pid])
        .status()
        .expect("kill");
    assert!(k.success());
    (child.wait_with_output().unwrap(), midway)
}

#[test]
fn resume_after_sigkill_and_ctrl_c_writes_the_uninterrupted_output() {
    let d = dir("resume");
    // (large enough that the run is still going when the poll sees its first checkpoint: at
    // 0.3 MB the faster coder sometimes finished first)
    let (path, _) = corpus(&d, 1.0, "not json\n");
    let reference = run(&["code", "--threads", "2", &path]);
    assert_eq!(reference.status.code(), Some(1));
    let out = d.join("events.jsonl");
    let out_s = out.display().to_string();
    let ckpt = d.join("events.jsonl.dyad-checkpoint");
    let args = [
        "code",
        "--threads",
        "1",
        "--output",
        &out_s,
        "--resume",
        "--checkpoint-every",
        "0.05",
        &path,
    ];

    // 1. SIGKILL midway: the checkpoint describes a prefix of the output, maybe with a tail
    let (killed, midway) = start_and_stop(&args, &ckpt, 0, "-KILL");
    assert!(midway, "the run finished before it could be killed");
    assert_eq!(killed.status.code(), None, "killed by a signal");
    let (done1, complete) = checkpoint_progress(&ckpt).unwrap();
    assert!(!complete && done1 > 0);

    // 2. resume, and stop that run with Ctrl-C: it stops at a checkpoint, exit 130
    let (stopped, midway) = start_and_stop(&args, &ckpt, done1, "-INT");
    // (on a loaded machine the resumed run may reach the end before the signal, even after
    // the poll saw it midway: then it finished the work, exit 1 for the bad line, and the last
    // run below has nothing left to do)
    let stopped_midway = midway && stopped.status.code() != Some(1);
    let err = stderr(&stopped);
    assert!(
        err.contains(&format!("resuming: the first {done1} records are done")),
        "{err}"
    );
    if stopped_midway {
        assert_eq!(stopped.status.code(), Some(130), "{err}");
        assert!(err.contains("interrupted after"), "{err}");
        assert!(err.contains("run the same command again"), "{err}");
        let (done2, complete) = checkpoint_progress(&ckpt).unwrap();
        assert!(!complete && done2 >= done1, "{done2} < {done1}");
        // a clean stop leaves no tail after the checkpoint
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&ckpt).unwrap()).unwrap();
        assert_eq!(
            v["output_bytes"].as_u64(),
            Some(std::fs::metadata(&out).unwrap().len())
        );
    }

    // 3. resume to the end: byte for byte the uninterrupted output, the same exit code
    let o = run(&args);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        std::fs::read(&out).unwrap() == reference.stdout,
        "the resumed output differs from an uninterrupted run"
    );
    let (_, complete) = checkpoint_progress(&ckpt).unwrap();
    assert!(complete);
    // the summary counts the whole run, not only the last part
    let summary = |o: &Output| {
        stderr(o)
            .lines()
            .find(|l| l.contains("documents coded") && !l.contains("resuming"))
            .map(|l| l.split(';').next().unwrap().to_string())
    };
    if stopped_midway {
        assert_eq!(summary(&o), summary(&reference));
    } else {
        assert!(stderr(&o).contains("is already complete"), "{}", stderr(&o));
    }

    // 4. once more: nothing to do
    let again = run(&args);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("is already complete"));
    assert!(std::fs::read(&out).unwrap() == reference.stdout);
}

#[test]
fn checkpoint_guard_rails() {
    let d = dir("guards");
    let (path, _) = corpus(&d, 0.02, "");
    let out = d.join("events.jsonl");
    let out_s = out.display().to_string();
    let ckpt = d.join("events.jsonl.dyad-checkpoint");

    // --resume needs --output, and files to re-read
    let o = run(&["code", "--resume", &path]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--output"), "{}", stderr(&o));
    let o = run(&["code", "--resume", "--output", &out_s, "-"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("standard input"), "{}", stderr(&o));

    // a file not written by a resumable run is not appended to
    std::fs::write(&out, b"someone else's file\n").unwrap();
    let o = run(&["code", "--resume", "--output", &out_s, &path]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("has no checkpoint") && err.contains("--force"),
        "{err}"
    );
    let o = run(&["code", "--resume", "--force", "--output", &out_s, &path]);
    assert!(o.status.success(), "{}", stderr(&o));
    let full = std::fs::read(&out).unwrap();

    // an interrupted run's checkpoint stops a plain --output from throwing it away
    let text = std::fs::read_to_string(&ckpt).unwrap();
    std::fs::write(
        &ckpt,
        text.replace("\"complete\": true", "\"complete\": false"),
    )
    .unwrap();
    let o = run(&["code", "--output", &out_s, &path]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("interrupted run's checkpoint"), "{err}");
    assert!(err.contains("--resume") && err.contains("--force"), "{err}");

    // other inputs or options than the interrupted run's: refused, saying what changed
    let o = run(&[
        "code",
        "--resume",
        "--output",
        &out_s,
        "--all-modalities",
        &path,
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("the options changed (--all-modalities=true"),
        "{err}"
    );
    let mut bytes = std::fs::read(&path).unwrap();
    bytes.extend_from_slice(b"{\"text\": \"Russia accused Ukraine of shelling.\"}\n");
    std::fs::write(&path, bytes).unwrap();
    let o = run(&["code", "--resume", "--output", &out_s, &path]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("changed (size or modification time)"));

    // --force starts over; the plain atomic run then replaces the complete checkpoint's file
    let o = run(&["code", "--force", "--output", &out_s, &path]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!ckpt.exists());
    assert!(std::fs::read(&out).unwrap().starts_with(&full));
}

/// A syndicated copy (another outlet, a changed footer) is not coded again: it is listed with
/// `--duplicates` and counted in the collapsed records of the story it copies; a different story
/// on the same topic is coded on its own.
#[test]
fn duplicates_are_listed_and_credited() {
    let d = dir("dedup");
    let story =
        "Turkish Foreign Minister Mevlut Cavusoglu on Wednesday accused Greece of violating \
        Turkish airspace over the Aegean Sea, in the latest of a string of complaints between the \
        two NATO allies. Ankara said Greek fighter jets had entered its airspace six times. Athens \
        rejected the claim and said its aircraft had stayed in international airspace.";
    let other = "Greek Prime Minister Kyriakos Mitsotakis on Wednesday accused Turkey of \
        provocations in the eastern Mediterranean after a Turkish survey ship sailed near Crete. \
        Athens summoned the Turkish ambassador and demanded the ship leave Greek waters.";
    let lines = [
        serde_json::json!({"id": "wire-1", "date": "2019-06-12", "url": "https://wire.example/a", "text": story}),
        serde_json::json!({"id": "scraper-7", "date": "2019-06-12", "url": "https://copies.example/b",
            "text": format!("{story} Source link: wire.example. Share this article.")}),
        serde_json::json!({"id": "wire-2", "date": "2019-06-12", "url": "https://wire.example/c", "text": other}),
    ];
    let input = d.join("stories.jsonl");
    std::fs::write(
        &input,
        lines.iter().map(|l| format!("{l}\n")).collect::<String>(),
    )
    .unwrap();
    let list = d.join("copies.tsv");
    let o = dyad()
        .args([
            "code",
            "--duplicates",
            &list.display().to_string(),
            &input.display().to_string(),
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let listed = std::fs::read_to_string(&list).unwrap();
    let rows: Vec<&str> = listed.lines().skip(1).collect();
    assert_eq!(rows.len(), 1, "{listed}");
    assert!(rows[0].starts_with("scraper-7\twire-1\t"), "{listed}");
    let records: Vec<serde_json::Value> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let accusation = records
        .iter()
        .find(|r| r["article_id"] == "wire-1" && r["cameo"] == "112")
        .expect("the accusation");
    assert_eq!(accusation["num_articles"], 2);
    assert_eq!(accusation["num_sources"], 2);
    assert_eq!(
        accusation["article_ids"],
        serde_json::json!(["scraper-7", "wire-1"])
    );
    // the other story was coded on its own
    assert!(records.iter().any(|r| r["article_id"] == "wire-2"));
    assert!(records.iter().all(|r| r["article_id"] != "scraper-7"));
    // --no-dedup codes the copy too
    let o = dyad()
        .args([
            "code",
            "--no-dedup",
            "--no-event-dedup",
            &input.display().to_string(),
        ])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&o.stdout).contains("\"scraper-7\""));
}

/// The runner collapses repeated events through a spill file (memory holds no event text); its
/// records must be exactly those the library's in-memory `EventAggregator` makes, for any
/// thread count.
#[test]
fn spilled_collapse_equals_the_in_memory_aggregation() {
    use dyad::dedup::{EventAggregator, EventDedup};
    let d = dir("collapse");
    let (path, _) = corpus(&d, 0.05, "");
    let cli = |threads: &str| {
        let o = dyad()
            .args([
                "code",
                "--no-dedup",
                "-j",
                threads,
                "--date",
                "2024-01-01",
                &path,
            ])
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
        o.stdout
    };
    let one = cli("1");
    assert_eq!(
        one,
        cli("2"),
        "collapsed output depends on the thread count"
    );
    let coder = dyad::Coder::with_default_dictionaries(Default::default()).unwrap();
    let mut agg = EventAggregator::new(EventDedup::Collapse);
    let fallback: dyad::Date = "2024-01-01".parse().unwrap();
    let docs = dyad::ingest::open(Path::new(&path), &Default::default()).unwrap();
    let mut mentions = 0;
    for doc in docs {
        let article = doc.unwrap().into_article(fallback);
        for ev in coder.code(&article) {
            mentions += 1;
            assert!(agg.push(ev, None).is_none());
        }
    }
    let expected: Vec<u8> = agg
        .finish()
        .flat_map(|r| {
            let mut line = serde_json::to_vec(&r).unwrap();
            line.push(b'\n');
            line
        })
        .collect();
    let records = one.iter().filter(|&&b| b == b'\n').count();
    assert!(
        records > 10 && records < mentions,
        "{records} records of {mentions} events"
    );
    assert!(one == expected, "spilled and in-memory collapse differ");
}
