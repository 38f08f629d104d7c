//! Where `dyad code` writes its events, and how a crash or Ctrl-C never leaves a lie there.
//!
//! Three ways to write, chosen by the flags:
//!
//! * **stdout** (no `--output`, or `--output -`): a stream, as before. A run that dies leaves
//!   what it wrote; there is nothing to make atomic or to resume.
//! * **`--output PATH`: atomic.** Events go to `PATH.dyad-tmp` beside it (same directory, so
//!   the rename cannot cross file systems); only a run that reached the end of its inputs
//!   flushes, fsyncs and renames it over `PATH`. A failed, interrupted or `--strict`-stopped run
//!   removes the temporary file and leaves `PATH` as it was — whoever reads `PATH` sees either
//!   the old file or the complete new one, never half of a corpus.
//! * **`--output PATH --resume`: append with checkpoints.** For corpora that take hours, where
//!   starting over after a crash is the real cost. Events are written to `PATH` itself, in
//!   whole-article units (the runner hands over whole batches), and every
//!   `--checkpoint-every` seconds the run flushes and fsyncs `PATH`, then records in
//!   `PATH.dyad-checkpoint` how many input records are fully written and the byte length of
//!   `PATH` at that moment (written to a temporary file, fsynced, renamed over the old
//!   checkpoint — so the checkpoint itself is always whole). A run killed at any instant, even
//!   by SIGKILL or a power cut, leaves a checkpoint that describes a prefix of `PATH` exactly.
//!   The same command with `--resume` again truncates `PATH` to the checkpointed length (the
//!   events written after the last checkpoint are dropped, not duplicated), skips the records
//!   already done and appends the rest: the final file is byte for byte the file an
//!   uninterrupted run writes. At the end a last checkpoint marked `complete` is written; a
//!   further `--resume` of the same command then has nothing to do and says so.
//!
//! The checkpoint also holds a fingerprint of the run — each input's path, size and
//! modification time (for a directory: file count, total size and newest modification time),
//! the options that change the output, dyad's version — and `--resume` refuses to continue if
//! any of it differs: appending events coded from other inputs or with other options to a
//! half-written file would make a file no single run could have written. The fallback date of
//! documents without one (`--date`, or today) is kept too, so a run resumed after midnight
//! dates them as the run it continues did.
//!
//! Guard rails: a checkpoint of an interrupted run makes a plain `--output PATH` (without
//! `--resume`) refuse to start — the partial work would otherwise be silently thrown away —
//! unless `--force` says to start over. `--resume` refuses a `PATH` that exists without a
//! checkpoint (it was not written by a resumable run) unless `--force`. A checkpoint of a
//! *complete* run is simply replaced by a new run.
//!
//! Checkpoint format (JSON, one object; `records` counts input records — documents, records
//! that could not be read, duplicates — in input order):
//!
//! ```json
//! {"format": "dyad-checkpoint/1", "output": "events.jsonl", "complete": false,
//!  "records": 1536, "output_bytes": 2875522,
//!  "documents": 1530, "skipped": 6, "events": 4412, "duplicates": 0,
//!  "fallback_date": "2024-06-01",
//!  "fingerprint": {"dyad_version": "0.1.0", "inputs": [{"path": "cc.warc.gz", "bytes": 81234567,
//!                  "modified": "1718000000.123456789"}], "options": ["--input-format=auto", …]}}
//! ```

use anyhow::{anyhow, bail, Context, Result};
use dyad::Date;
use serde_json::{json, Value};
use std::fs::{File, OpenOptions};
use std::io::{BufWriter, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, UNIX_EPOCH};

const FORMAT: &str = "dyad-checkpoint/1";

/// Counts of a run, in input order. `records` = documents + skipped + duplicates.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub records: u64,
    pub documents: u64,
    pub skipped: u64,
    pub events: u64,
    pub duplicates: u64,
}

impl std::fmt::Display for Tally {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} documents coded, {} skipped (unreadable files or records), {} events, {} duplicates",
            self.documents, self.skipped, self.events, self.duplicates
        )
    }
}

/// How the user asked the output to be written.
pub struct OutputRequest<'a> {
    pub path: Option<&'a Path>,
    pub resume: bool,
    pub force: bool,
    pub checkpoint_every: Duration,
    /// Inputs and options, from [`fingerprint`].
    pub fingerprint: Value,
    /// The date for documents without one (`--date`, or today).
    pub fallback_date: Date,
}

/// An opened output, and where the run starts.
pub struct Opened {
    pub output: Output,
    /// What is already done (all zero unless resuming).
    pub done: Tally,
    /// The fallback date to use (the interrupted run's, when resuming one).
    pub fallback_date: Date,
    /// A resumed run's checkpoint says it was complete: nothing to do.
    pub already_complete: bool,
}

pub enum Output {
    Stdout(BufWriter<std::io::Stdout>),
    Atomic {
        tmp: PathBuf,
        path: PathBuf,
        w: BufWriter<File>,
    },
    Resumable(Resumable),
}

pub struct Resumable {
    path: PathBuf,
    checkpoint: PathBuf,
    w: BufWriter<File>,
    /// The length of `path` once `w` is flushed.
    bytes: u64,
    every: Duration,
    last: Instant,
    fingerprint: Value,
    fallback_date: Date,
}

/// `PATH.dyad-checkpoint`.
pub fn checkpoint_path(path: &Path) -> PathBuf {
    sibling(path, ".dyad-checkpoint")
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// Open the output the request names (see the module docs for the rules).
pub fn open(req: OutputRequest) -> Result<Opened> {
    let fresh = |output| Opened {
        output,
        done: Tally::default(),
        fallback_date: req.fallback_date,
        already_complete: false,
    };
    let path = match req.path.filter(|p| p.as_os_str() != "-") {
        None if req.resume => bail!(
            "--resume needs --output PATH: standard output cannot be rewound to the last checkpoint"
        ),
        None => {
            return Ok(fresh(Output::Stdout(BufWriter::with_capacity(
                1 << 16,
                std::io::stdout(),
            ))))
        }
        Some(p) => p,
    };
    let ckpt_path = checkpoint_path(path);
    let ckpt = read_checkpoint(&ckpt_path)?;
    if !req.resume {
        if let Some(c) = &ckpt {
            if !c.complete && !req.force {
                bail!(
                    "{}: an interrupted run's checkpoint ({} records of the inputs written to {}); \
                     add --resume to continue it, or --force to start over",
                    ckpt_path.display(),
                    c.done.records,
                    path.display()
                );
            }
            remove(&ckpt_path)?;
        }
        let tmp = sibling(path, ".dyad-tmp");
        let file = File::create(&tmp)
            .with_context(|| format!("cannot create {} (for --output)", tmp.display()))?;
        return Ok(fresh(Output::Atomic {
            tmp,
            path: path.to_path_buf(),
            w: BufWriter::with_capacity(1 << 16, file),
        }));
    }
    let resumable = |file: File, bytes: u64, fallback_date: Date| Resumable {
        path: path.to_path_buf(),
        checkpoint: ckpt_path.clone(),
        w: BufWriter::with_capacity(1 << 16, file),
        bytes,
        every: req.checkpoint_every,
        last: Instant::now(),
        fingerprint: req.fingerprint.clone(),
        fallback_date,
    };
    match ckpt {
        Some(c) if !req.force => {
            if let Some(diff) = first_difference(&c.fingerprint, &req.fingerprint) {
                bail!(
                    "{}: cannot resume: {diff} since the interrupted run; resume with the same \
                     inputs and options, or add --force to start over",
                    ckpt_path.display()
                );
            }
            if c.complete {
                return Ok(Opened {
                    output: Output::Stdout(BufWriter::new(std::io::stdout())),
                    done: c.done,
                    fallback_date: c.fallback_date,
                    already_complete: true,
                });
            }
            let mut file = OpenOptions::new()
                .read(true)
                .write(true)
                .open(path)
                .with_context(|| {
                    format!(
                        "cannot reopen {} to resume (its checkpoint is {}; --force starts over)",
                        path.display(),
                        ckpt_path.display()
                    )
                })?;
            let len = file.metadata()?.len();
            if len < c.output_bytes {
                bail!(
                    "{}: is {len} bytes, shorter than the {} bytes its checkpoint says were \
                     written: it was changed since; add --force to start over",
                    path.display(),
                    c.output_bytes
                );
            }
            // drop whatever was written after the last checkpoint: those records are redone
            file.set_len(c.output_bytes)
                .with_context(|| format!("cannot truncate {}", path.display()))?;
            file.seek(SeekFrom::End(0))?;
            Ok(Opened {
                output: Output::Resumable(resumable(file, c.output_bytes, c.fallback_date)),
                done: c.done,
                fallback_date: c.fallback_date,
                already_complete: false,
            })
        }
        _ => {
            if !req.force && ckpt.is_none() && std::fs::metadata(path).is_ok_and(|m| m.len() > 0) {
                bail!(
                    "{} exists and has no checkpoint ({}): it was not written by an interrupted \
                     --resume run; delete it, or add --force to overwrite it",
                    path.display(),
                    ckpt_path.display()
                );
            }
            let file = File::create(path)
                .with_context(|| format!("cannot create {} (for --output)", path.display()))?;
            let mut r = resumable(file, 0, req.fallback_date);
            // a checkpoint from the start: a run killed before its first periodic one is
            // resumable too (and never mistaken for a foreign file)
            r.checkpoint(&Tally::default(), false)?;
            Ok(fresh(Output::Resumable(r)))
        }
    }
}

impl Output {
    pub fn write_all(&mut self, bytes: &[u8]) -> Result<()> {
        let r = match self {
            Output::Stdout(w) => w.write_all(bytes),
            Output::Atomic { w, .. } => w.write_all(bytes),
            Output::Resumable(r) => {
                r.bytes += bytes.len() as u64;
                r.w.write_all(bytes)
            }
        };
        r.map_err(|e| anyhow!("writing {}: {e}", self.name()))
    }

    /// After a batch of whole records: checkpoint if one is due.
    pub fn after_batch(&mut self, tally: &Tally) -> Result<()> {
        if let Output::Resumable(r) = self {
            if r.last.elapsed() >= r.every {
                r.checkpoint(tally, false)?;
            }
        }
        Ok(())
    }

    /// The run reached the end of its inputs: make the output final.
    pub fn commit(self, tally: &Tally) -> Result<()> {
        match self {
            Output::Stdout(mut w) => w.flush().map_err(|e| anyhow!("writing stdout: {e}")),
            Output::Atomic { tmp, path, w } => {
                let file = w
                    .into_inner()
                    .map_err(|e| anyhow!("writing {}: {}", tmp.display(), e.error()))?;
                file.sync_all()
                    .map_err(|e| anyhow!("writing {}: {e}", tmp.display()))?;
                drop(file);
                std::fs::rename(&tmp, &path).map_err(|e| {
                    anyhow!("cannot rename {} to {}: {e}", tmp.display(), path.display())
                })?;
                sync_dir(&path);
                Ok(())
            }
            Output::Resumable(mut r) => r.checkpoint(tally, true),
        }
    }

    /// The run stops before the end (Ctrl-C, `--strict`, an error): leave nothing misleading.
    /// Stdout keeps what was written; the atomic output's temporary file is removed; the
    /// resumable output is checkpointed so `--resume` continues from here. Returns what to tell
    /// the user about the output, if anything.
    pub fn stop(self, tally: &Tally) -> Result<Option<String>> {
        match self {
            Output::Stdout(mut w) => {
                w.flush().map_err(|e| anyhow!("writing stdout: {e}"))?;
                Ok(None)
            }
            Output::Atomic { tmp, path, w } => {
                drop(w);
                let _ = std::fs::remove_file(&tmp);
                Ok(Some(format!("{} not written", path.display())))
            }
            Output::Resumable(mut r) => {
                r.checkpoint(tally, false)?;
                Ok(Some(format!(
                    "{}: the events of the first {} records are written and checkpointed; run the \
                     same command again (with --resume) to continue",
                    r.path.display(),
                    tally.records
                )))
            }
        }
    }

    /// The run failed (a write error, a failed checkpoint) possibly in the middle of a batch:
    /// remove the atomic output's temporary file; leave a resumable output to its last
    /// checkpoint (whatever was written after it is dropped by the next `--resume`).
    pub fn abandon(self) {
        match self {
            Output::Stdout(mut w) => {
                let _ = w.flush();
            }
            Output::Atomic { tmp, w, .. } => {
                drop(w);
                let _ = std::fs::remove_file(&tmp);
            }
            Output::Resumable(_) => {}
        }
    }

    fn name(&self) -> String {
        match self {
            Output::Stdout(_) => "stdout".into(),
            Output::Atomic { tmp, .. } => tmp.display().to_string(),
            Output::Resumable(r) => r.path.display().to_string(),
        }
    }
}

impl Resumable {
    /// Make `path` durable up to here, then record that in the checkpoint (durably too).
    fn checkpoint(&mut self, tally: &Tally, complete: bool) -> Result<()> {
        let fail = |what: &Path, e: std::io::Error| anyhow!("writing {}: {e}", what.display());
        self.w.flush().map_err(|e| fail(&self.path, e))?;
        self.w
            .get_ref()
            .sync_data()
            .map_err(|e| fail(&self.path, e))?;
        let c = json!({
            "format": FORMAT,
            "output": self.path.display().to_string(),
            "complete": complete,
            "records": tally.records,
            "output_bytes": self.bytes,
            "documents": tally.documents,
            "skipped": tally.skipped,
            "events": tally.events,
            "duplicates": tally.duplicates,
            "fallback_date": self.fallback_date.to_string(),
            "fingerprint": self.fingerprint,
        });
        let tmp = sibling(&self.checkpoint, ".tmp");
        let mut f = File::create(&tmp).map_err(|e| fail(&tmp, e))?;
        f.write_all(format!("{c:#}\n").as_bytes())
            .and_then(|_| f.sync_all())
            .map_err(|e| fail(&tmp, e))?;
        std::fs::rename(&tmp, &self.checkpoint).map_err(|e| fail(&self.checkpoint, e))?;
        sync_dir(&self.checkpoint);
        self.last = Instant::now();
        Ok(())
    }
}

/// A checkpoint as read back.
struct Checkpoint {
    complete: bool,
    done: Tally,
    output_bytes: u64,
    fallback_date: Date,
    fingerprint: Value,
}

fn read_checkpoint(path: &Path) -> Result<Option<Checkpoint>> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => bail!("cannot read {}: {e}", path.display()),
    };
    let bad = |what: &str| {
        anyhow!(
            "{}: not a dyad checkpoint ({what}); delete it, or add --force to start over",
            path.display()
        )
    };
    let v: Value = serde_json::from_str(&text).map_err(|e| bad(&format!("invalid JSON: {e}")))?;
    if v["format"] != FORMAT {
        return Err(bad(&format!("format is {}, not {FORMAT}", v["format"])));
    }
    let n = |k: &str| v[k].as_u64().ok_or_else(|| bad(&format!("no {k}")));
    Ok(Some(Checkpoint {
        complete: v["complete"].as_bool().ok_or_else(|| bad("no complete"))?,
        done: Tally {
            records: n("records")?,
            documents: n("documents")?,
            skipped: n("skipped")?,
            events: n("events")?,
            duplicates: n("duplicates")?,
        },
        output_bytes: n("output_bytes")?,
        fallback_date: v["fallback_date"]
            .as_str()
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| bad("no fallback_date"))?,
        fingerprint: v["fingerprint"].clone(),
    }))
}

fn remove(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            bail!("cannot remove {}: {e}", path.display())
        }
        _ => Ok(()),
    }
}

/// fsync the directory holding `path`, so a rename survives a power cut (best effort: not every
/// platform or file system allows opening a directory).
fn sync_dir(path: &Path) {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// What identifies a run: its inputs (path, size, modification time) and the options that
/// change its output. Standard input cannot be fingerprinted (nor re-read), so it is refused.
pub fn fingerprint(paths: &[PathBuf], options: &[String]) -> Result<Value> {
    let mut inputs = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            bail!("--resume cannot continue reading standard input; give the input files instead");
        }
        inputs.push(describe(p));
    }
    Ok(json!({
        "dyad_version": env!("CARGO_PKG_VERSION"),
        "inputs": inputs,
        "options": options,
    }))
}

fn describe(p: &Path) -> Value {
    let path = p.display().to_string();
    let Ok(meta) = std::fs::metadata(p) else {
        return json!({"path": path, "missing": true});
    };
    if meta.is_dir() {
        let (mut files, mut bytes, mut newest) = (0u64, 0u64, String::new());
        walk(p, &mut |m| {
            files += 1;
            bytes += m.len();
            newest = newest.clone().max(mtime(m));
        });
        return json!({"path": path, "files": files, "bytes": bytes, "modified": newest});
    }
    json!({"path": path, "bytes": meta.len(), "modified": mtime(&meta)})
}

/// Every file under `dir` (not following directory symlinks).
fn walk(dir: &Path, f: &mut dyn FnMut(&std::fs::Metadata)) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let Ok(m) = e.metadata() else { continue };
        if m.is_dir() {
            walk(&e.path(), f);
        } else if m.is_file() {
            f(&m);
        }
    }
}

/// Modification time as `seconds.nanoseconds` (zero-padded so strings compare as times).
fn mtime(m: &std::fs::Metadata) -> String {
    let d = m
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .unwrap_or_default();
    format!("{:012}.{:09}", d.as_secs(), d.subsec_nanos())
}

/// What differs between two fingerprints, in words.
fn first_difference(old: &Value, new: &Value) -> Option<String> {
    if old["dyad_version"] != new["dyad_version"] {
        return Some(format!(
            "dyad's version changed ({} → {})",
            old["dyad_version"], new["dyad_version"]
        ));
    }
    let (oi, ni) = (
        old["inputs"].as_array().cloned().unwrap_or_default(),
        new["inputs"].as_array().cloned().unwrap_or_default(),
    );
    if oi.len() != ni.len() {
        return Some(format!(
            "the inputs are {} paths now, {} then",
            ni.len(),
            oi.len()
        ));
    }
    for (o, n) in oi.iter().zip(&ni) {
        if o["path"] != n["path"] {
            return Some(format!(
                "the inputs differ ({} now, {} then)",
                n["path"], o["path"]
            ));
        }
        if o != n {
            return Some(format!(
                "input {} changed (size or modification time)",
                n["path"]
            ));
        }
    }
    if old["options"] != new["options"] {
        let (o, n) = (
            old["options"].as_array().cloned().unwrap_or_default(),
            new["options"].as_array().cloned().unwrap_or_default(),
        );
        let changed: Vec<String> = n
            .iter()
            .filter(|x| !o.contains(x))
            .chain(o.iter().filter(|x| !n.contains(x)))
            .map(|x| x.as_str().unwrap_or("?").to_string())
            .collect();
        return Some(format!("the options changed ({})", changed.join(", ")));
    }
    None
}
