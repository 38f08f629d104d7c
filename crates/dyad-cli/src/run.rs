//! The `dyad code` runner: a corpus in, events out — streaming, in parallel, and with output
//! that does not depend on how it was run.
//!
//! ```text
//!  reader thread                          writing thread (main)            rayon pool (--threads)
//!  ─────────────                          ─────────────────────            ──────────────────────
//!  open inputs in order                   receive batch k
//!  read record → Document                 ├─ code its articles ─────────▶  coder.code(article)
//!  fallback date, --id                    │                                serialised to JSON
//!  dedup stage (sequential)               │◀─ results, in batch order ───  lines, per article
//!  number it, batch it  ──channel(2)──▶   ├─ write them in order
//!                                         ├─ checkpoint if due (--resume)
//!                                         └─ redraw the progress bar
//! ```
//!
//! **Order and determinism.** The reader numbers every input record (a document, a record that
//! could not be read, a duplicate) in input order and sends them in batches. The writing thread
//! codes one batch at a time on the pool with an *ordered* parallel map (rayon's indexed
//! `collect` puts each result at its article's index, whichever thread finished first), then
//! writes the results in that order. The output is therefore the one a single thread writes,
//! byte for byte, for any `--threads` — the pool only decides *when* an article is coded, never
//! where its events go. Everything order-sensitive (messages, the fallback-date warning, the
//! de-duplication index) lives on the one reader thread, in input order.
//!
//! **Memory** is bounded by the pipeline, not the corpus: the channel holds at most
//! [`CHANNEL_BATCHES`] batches, the reader fills one more, the pool codes one; a batch is at
//! most `max(64, 32 × threads)` articles or [`BATCH_BYTES`] of text, whichever comes first (one
//! article bigger than that is a batch on its own; the readers skip records over 64 MB). The
//! readers stream their files record by record. So a 200 MB corpus and a 200 GB one run in the
//! same memory — apart from the de-duplication index, which must remember what it has seen.
//!
//! **Why batches and not a per-article reorder buffer:** with a batch of a few dozen articles
//! per thread the only idle time is the tail of each batch (one article's coding time on the
//! other threads, about 1 % here), and in exchange there is no reorder buffer to bound, and
//! every batch ends on a whole-article boundary — exactly where a checkpoint may be taken.
//!
//! **De-duplication hook.** [`Dedup::check`] sits between reading and coding, on the reader
//! thread, so it sees articles in input order whatever the thread count; an article it flags is
//! counted as a duplicate and not coded. It also sees the records a `--resume` skips (they are
//! read again, just not coded or written), so its index after a resume is the index an
//! uninterrupted run would have — and so is the output. For now it flags nothing.
//!
//! **Stopping.** Ctrl-C (SIGINT) sets a flag; the reader stops reading, the writing thread
//! finishes the batch in hand and stops at that whole-article boundary: a resumable output is
//! checkpointed (the same command with `--resume` continues), an atomic one is not written,
//! stdout keeps whole articles. A second Ctrl-C kills at once (the handler is one-shot);
//! SIGKILL cannot be caught at all, which is what the checkpoints are for (see
//! [`crate::outfile`]). `--strict` stops at the first unreadable record the same way. Exit
//! codes: 0 all read and coded, 1 some records skipped (or `--strict` stopped), 2 an error
//! (bad flags, unwritable output), 130 interrupted.

use crate::input::{self, FallbackDate};
use crate::outfile::{self, OutputRequest, Tally};
use crate::progress::{thousands, Snapshot, Status};
use anyhow::{anyhow, Result};
use dyad::dedup::{EventAggregator, EventDedup, NearDuplicateConfig, NearDuplicateIndex};
use dyad::ingest::{self, Documents, OpenError, Position, ReadOptions};
use dyad::{Article, Coder, Date, Event};
use rayon::prelude::*;
use std::io::Read;
use std::io::Write;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, SyncSender};
use std::sync::Arc;
use std::time::Duration;

/// Batches waiting between the reader and the coders.
pub const CHANNEL_BATCHES: usize = 2;
/// A batch closes when its articles' text reaches this size.
pub const BATCH_BYTES: usize = 4 << 20;

/// Everything `dyad code` was asked to do.
pub struct Plan {
    pub paths: Vec<PathBuf>,
    pub read: ReadOptions,
    /// `--id`: the id of whole-file documents.
    pub id: Option<String>,
    /// `--date`.
    pub date: Option<Date>,
    pub strict: bool,
    pub threads: usize,
    pub quiet: bool,
    pub output: Option<PathBuf>,
    pub resume: bool,
    pub force: bool,
    pub checkpoint_every: Duration,
    /// The options that change the output, for the `--resume` fingerprint.
    pub options: Vec<String>,
    /// Near-duplicate articles: `None` codes every article (`--no-dedup`).
    pub near_duplicates: Option<NearDuplicateConfig>,
    /// Repeated events: collapsed (default), kept (`--no-event-dedup`) or one a day.
    pub event_dedup: EventDedup,
    /// `--duplicates PATH`: the list of copies (id, the article it copies, similarity).
    pub duplicates: Option<PathBuf>,
    /// CSV, GDELT, Parquet or the store (`--format`, `--db`): events go to this sink article by
    /// article instead of the JSON Lines writer (`--output` is then the sink's file).
    pub sink: Option<crate::output::OutputArgs>,
}

/// Set by SIGINT.
static STOP: AtomicBool = AtomicBool::new(false);

extern "C" fn on_sigint(_: libc::c_int) {
    STOP.store(true, Ordering::SeqCst);
}

/// Catch the first Ctrl-C (the handler resets itself: a second one kills as usual).
fn catch_sigint() {
    #[cfg(unix)]
    // SAFETY: a zeroed sigaction with a handler that only stores to an atomic (async-signal
    // safe); installed before the reader and pool threads start.
    unsafe {
        let mut sa: libc::sigaction = std::mem::zeroed();
        sa.sa_sigaction = on_sigint as extern "C" fn(libc::c_int) as usize;
        sa.sa_flags = libc::SA_RESETHAND | libc::SA_RESTART;
        libc::sigemptyset(&mut sa.sa_mask);
        libc::sigaction(libc::SIGINT, &sa, std::ptr::null_mut());
    }
}

fn stopping() -> bool {
    STOP.load(Ordering::SeqCst)
}

pub fn run(plan: Plan, coder: Coder) -> Result<ExitCode> {
    if plan.threads == 0 {
        return Err(anyhow!("--threads must be at least 1"));
    }
    let paths = if plan.paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        plan.paths.clone()
    };
    if plan.resume && plan.event_dedup != EventDedup::Off {
        return Err(anyhow!(
            "--resume writes each article's events as they are coded, but collapsing repeated \
             events needs the whole corpus first: add --no-event-dedup (and collapse afterwards) \
             or run without --resume"
        ));
    }
    let fingerprint = if plan.resume {
        outfile::fingerprint(&paths, &plan.options)?
    } else {
        serde_json::Value::Null
    };
    let today = Date::today_utc();
    let mut sink = match &plan.sink {
        Some(args) => Some(
            crate::output::open_sink(args, plan.output.as_deref()).map_err(|e| anyhow!("{e}"))?,
        ),
        None => None,
    };
    let opened = outfile::open(OutputRequest {
        // a sink writes --output itself; the JSON Lines writer then writes nothing
        path: if sink.is_some() {
            None
        } else {
            plan.output.as_deref()
        },
        resume: plan.resume,
        force: plan.force,
        checkpoint_every: plan.checkpoint_every,
        fingerprint,
        fallback_date: plan.date.unwrap_or(today),
    })?;
    let status = Arc::new(Status::new(plan.quiet));
    let done = opened.done;
    if opened.already_complete {
        if !plan.quiet {
            status.message(&format!(
                "{} is already complete ({done}); nothing to do",
                plan.output.as_deref().unwrap_or(Path::new("-")).display()
            ));
        }
        return Ok(exit_code(&done, false));
    }
    if done.records > 0 && !plan.quiet {
        status.message(&format!(
            "resuming: the first {} records are done ({done}); skipping them",
            thousands(done.records)
        ));
    }
    // a resumed run keeps the fallback date of the run it continues
    let date = if plan.date.is_none() && done.records > 0 {
        Some(opened.fallback_date)
    } else {
        plan.date
    };
    let mut out = opened.output;
    catch_sigint();

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(plan.threads)
        .thread_name(|i| format!("dyad-code-{i}"))
        .build()
        .map_err(|e| anyhow!("cannot start {} coding threads: {e}", plan.threads))?;
    let input_bytes = Arc::new(AtomicU64::new(0));
    let total_bytes = total_size(&paths);
    let reader = Reader {
        paths,
        opts: plan.read.clone(),
        id: plan.id.clone(),
        dates: FallbackDate::new(date, today),
        strict: plan.strict,
        skip: done.records,
        status: Arc::clone(&status),
        input_bytes: Arc::clone(&input_bytes),
        dedup: Dedup::new(plan.near_duplicates)?,
        batch_docs: (32 * plan.threads).max(64),
    };
    let collapse = plan.event_dedup != EventDedup::Off;
    let mut collapser = if collapse {
        Some(Collapser::new(plan.event_dedup, plan.output.as_deref())?)
    } else {
        None
    };
    let (tx, rx) = sync_channel::<Batch>(CHANNEL_BATCHES);
    let reading = std::thread::Builder::new()
        .name("dyad-read".into())
        .spawn(move || reader.read_all(tx))
        .map_err(|e| anyhow!("cannot start the reader thread: {e}"))?;
    let duplicates_path = plan.duplicates.clone();
    let keep_articles = sink.is_some();

    let mut tally = done;
    let mut coded_here = 0u64;
    let mut failure = None;
    for batch in rx.iter() {
        let first = batch.first;
        let results: Result<Vec<Coded>> = pool.install(|| {
            batch
                .work
                .into_par_iter()
                .map(|w| code(&coder, w, collapse, keep_articles))
                .collect()
        });
        let step = results.and_then(|results| {
            let count = results.len() as u64;
            for r in results {
                if let (Some(sink), Some(article)) = (sink.as_mut(), &r.article) {
                    sink.write_article(article, &r.events_kept)
                        .map_err(|e| anyhow!("{e}"))?;
                } else {
                    match collapser.as_mut() {
                        // collapsing: the events wait for the whole corpus; a copy counts for the
                        // records of the article it copies (coded earlier: it has a smaller number)
                        Some(c) => {
                            c.push(&r)?;
                            if let Some((copy, original, outlet)) = &r.copy_of {
                                c.events.add_copy(original, copy, outlet.as_deref());
                            }
                        }
                        None => out.write_all(&r.bytes)?,
                    }
                }
                match r.kind {
                    Kind::Coded => {
                        tally.documents += 1;
                        coded_here += 1;
                    }
                    Kind::Skipped => tally.skipped += 1,
                    Kind::Duplicate => tally.duplicates += 1,
                }
                tally.events += r.events;
            }
            tally.records = first + count;
            out.after_batch(&tally)
        });
        if let Err(e) = step {
            failure = Some(e);
            break;
        }
        status.update(
            &Snapshot {
                input_bytes: input_bytes.load(Ordering::Relaxed),
                total_bytes,
                documents: coded_here,
                events: tally.events,
                duplicates: tally.duplicates,
                errors: tally.skipped,
            },
            false,
        );
        if stopping() {
            break;
        }
    }
    // unblock the reader if it waits on a full channel, then learn how it ended
    drop(rx);
    let (end, copies) = reading
        .join()
        .map_err(|_| anyhow!("the reader thread panicked"))?;
    status.clear();
    if let Some(c) = collapser
        .take()
        .filter(|_| failure.is_none() && !stopping())
    {
        if let Err(e) = c.finish(|bytes| out.write_all(bytes)) {
            failure = Some(e);
        }
    }
    if let (Some(mut sink), None) = (sink.take(), &failure) {
        if !stopping() {
            if let Err(e) = sink.finish() {
                failure = Some(anyhow!("{e}"));
            }
        }
    }
    if let (Some(path), None) = (&duplicates_path, &failure) {
        if let Err(e) = write_duplicates(path, &copies) {
            failure = Some(e);
        }
    }
    if let Some(e) = failure {
        // the batch in hand may be half written: no checkpoint may describe it
        out.abandon();
        return Err(e);
    }
    let interrupted = stopping() || end == ReaderEnd::Interrupted;
    let strict_stop = end == ReaderEnd::Strict;
    if interrupted || strict_stop {
        if let Some(note) = out.stop(&tally)? {
            status.message(&note);
        }
    } else {
        out.commit(&tally)?;
    }
    let secs = status.elapsed().as_secs_f64().max(1e-3);
    let mb = input_bytes.load(Ordering::Relaxed) as f64 / 1e6;
    if !plan.quiet && (tally.documents + tally.skipped + tally.duplicates > 1 || interrupted) {
        status.message(&format!(
            "{tally}; {mb:.1} MB read in {secs:.1} s ({:.2} MB/s, {:.0} articles/s, {} thread{})",
            mb / secs,
            coded_here as f64 / secs,
            plan.threads,
            if plan.threads == 1 { "" } else { "s" }
        ));
    }
    if strict_stop {
        status.message("stopped at the first unreadable record (--strict)");
    }
    if interrupted {
        status.message(&format!(
            "interrupted after {} records",
            thousands(tally.records)
        ));
    }
    Ok(exit_code(&tally, interrupted))
}

fn exit_code(tally: &Tally, interrupted: bool) -> ExitCode {
    if interrupted {
        ExitCode::from(130)
    } else if tally.skipped > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// One input record, as the reader hands it on.
enum Work {
    Code(Article),
    /// Could not be read (the reader printed why).
    Skipped,
    /// A near-copy of an earlier article: `(its id, the original's id, its outlet)`.
    Duplicate(String, String, Option<String>),
}

/// Consecutive records, the first numbered `first` (0-based, in input order).
struct Batch {
    first: u64,
    work: Vec<Work>,
}

enum Kind {
    Coded,
    Skipped,
    Duplicate,
}

/// One record's output: its events as JSON lines, or (when collapsing) the events themselves.
struct Coded {
    kind: Kind,
    bytes: Vec<u8>,
    events: u64,
    events_kept: Vec<Event>,
    outlet: Option<String>,
    copy_of: Option<(String, String, Option<String>)>,
    /// The article, for a sink (CSV, GDELT, Parquet, the store).
    article: Option<Article>,
}

/// Code one record (on a pool thread). The JSON is written here too, so serialising is
/// parallel as well — unless repeated events are collapsed, which needs them as they are.
fn code(coder: &Coder, w: Work, collapse: bool, keep_article: bool) -> Result<Coded> {
    let article = match w {
        Work::Code(a) => a,
        Work::Skipped => return Ok(nothing(Kind::Skipped)),
        Work::Duplicate(copy, original, outlet) => {
            let mut c = nothing(Kind::Duplicate);
            c.copy_of = Some((copy, original, outlet));
            return Ok(c);
        }
    };
    // a bug in the coder must not lose the rest of the corpus: the article is reported and
    // skipped (counted with the records that could not be read), and the run goes on
    let Ok(events) = std::panic::catch_unwind(AssertUnwindSafe(|| coder.code(&article))) else {
        eprintln!(
            "dyad: record {:?}: internal error while coding it (a bug in dyad: please report it \
             with this article); the record is skipped",
            article.id
        );
        return Ok(nothing(Kind::Skipped));
    };
    let n = events.len() as u64;
    if keep_article {
        return Ok(Coded {
            events: n,
            events_kept: events,
            article: Some(article),
            ..nothing(Kind::Coded)
        });
    }
    // (sized once from the events, not grown and copied as they are written)
    let mut bytes = Vec::with_capacity(events.iter().map(|e| e.json_size_hint() + 1).sum());
    for ev in &events {
        // (serde_json's bytes, written faster: see `Event::write_json`)
        ev.write_json(&mut bytes);
        bytes.push(b'\n');
    }
    Ok(Coded {
        bytes,
        events: n,
        // collapsing needs the events' keys and the article's outlet
        events_kept: if collapse { events } else { Vec::new() },
        outlet: if collapse { outlet_of(&article) } else { None },
        ..nothing(Kind::Coded)
    })
}

fn nothing(kind: Kind) -> Coded {
    Coded {
        kind,
        bytes: Vec::new(),
        events: 0,
        events_kept: Vec::new(),
        outlet: None,
        copy_of: None,
        article: None,
    }
}

/// Collapsing repeated events over a whole corpus without holding them in memory: each event's
/// JSON line goes to a spill file as it is coded, and the aggregator keeps only each group's key,
/// counts and where its first line is (about a hundred bytes a group, whatever the event's
/// text). At the end the spill is read once, in order — groups are first seen in spill order —
/// and each group's first line is written with its counts appended: the same JSON object
/// `dyad::dedup::CountedEvent` serialises to.
struct Collapser {
    events: EventAggregator<(u64, u32)>,
    spill: std::io::BufWriter<std::fs::File>,
    path: PathBuf,
    offset: u64,
}

impl Collapser {
    fn new(mode: EventDedup, output: Option<&Path>) -> Result<Collapser> {
        // beside the output (same disk, cleaned with it), else in the temporary directory
        let dir = output
            .and_then(Path::parent)
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(std::env::temp_dir, Path::to_path_buf);
        let path = dir.join(format!(".dyad-events-{}.spill", std::process::id()));
        let file = std::fs::File::create(&path).map_err(|e| {
            anyhow!(
                "cannot create {} to collapse repeated events: {e} (or use --no-event-dedup)",
                path.display()
            )
        })?;
        Ok(Collapser {
            events: EventAggregator::new(mode),
            spill: std::io::BufWriter::new(file),
            path,
            offset: 0,
        })
    }

    /// One article's events (`r.bytes` holds their JSON lines, one per event, in order).
    fn push(&mut self, r: &Coded) -> Result<()> {
        let mut lines = r.bytes.split_inclusive(|&b| b == b'\n');
        for ev in &r.events_kept {
            let line = lines
                .next()
                .ok_or_else(|| anyhow!("an event without its line"))?;
            let at = (self.offset, line.len() as u32);
            if self
                .events
                .push_payload(ev, r.outlet.as_deref(), at)
                .is_none()
            {
                // the group's first event: keep its line
                self.spill.write_all(line)?;
                self.offset += line.len() as u64;
            }
        }
        Ok(())
    }

    fn finish(mut self, mut write: impl FnMut(&[u8]) -> Result<()>) -> Result<()> {
        use std::io::{BufRead, BufReader};
        self.spill.flush()?;
        let mut reader = BufReader::new(std::fs::File::open(&self.path)?);
        let mut line = Vec::new();
        let mut record = Vec::new();
        let events = std::mem::take(&mut self.events);
        for ((_, len), counts) in events.finish_payloads() {
            line.clear();
            reader.read_until(b'\n', &mut line)?;
            if line.len() != len as usize || !line.ends_with(b"}\n") {
                return Err(anyhow!(
                    "{}: the spilled events are damaged",
                    self.path.display()
                ));
            }
            record.clear();
            record.extend_from_slice(&line[..line.len() - 2]);
            record.push(b',');
            let counts = serde_json::to_vec(&counts)?;
            record.extend_from_slice(&counts[1..]);
            record.push(b'\n');
            write(&record)?;
        }
        Ok(())
    }
}

impl Drop for Collapser {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// The publication an article came from: its outlet, else its URL's host.
fn outlet_of(a: &Article) -> Option<String> {
    a.outlet.clone().or_else(|| {
        let url = a.url.as_deref()?;
        let rest = url.split_once("://").map_or(url, |(_, r)| r);
        let host = rest.split(['/', '?', '#']).next()?;
        (!host.is_empty()).then(|| host.trim_start_matches("www.").to_ascii_lowercase())
    })
}

/// Write the list of copies: `id<TAB>duplicate_of<TAB>similarity`, atomically.
fn write_duplicates(path: &Path, copies: &[(String, String, f64)]) -> Result<()> {
    let mut text = String::from("id\tduplicate_of\tsimilarity\n");
    for (copy, original, sim) in copies {
        text.push_str(&format!("{copy}\t{original}\t{sim:.3}\n"));
    }
    let tmp = path.with_extension("dyad-tmp");
    std::fs::write(&tmp, text)
        .and_then(|()| std::fs::rename(&tmp, path))
        .map_err(|e| anyhow!("--duplicates {}: cannot write: {e}", path.display()))
}

/// The near-duplicate check between reading and coding. Sequential and in input order (it runs
/// on the reader thread), so which copy of a story is kept does not depend on `--threads`: the
/// first copy read is coded, later ones are counted, listed and credited to its events.
struct Dedup {
    index: Option<NearDuplicateIndex>,
    /// `(copy, original, similarity)`, in input order.
    copies: Vec<(String, String, f64)>,
}

impl Dedup {
    fn new(config: Option<NearDuplicateConfig>) -> Result<Dedup> {
        let index = config
            .map(NearDuplicateIndex::new)
            .transpose()
            .map_err(|e| anyhow!("--dedup-threshold: {e}"))?;
        Ok(Dedup {
            index,
            copies: Vec::new(),
        })
    }

    /// The id of the article this one copies, or `None` to code it.
    fn check(&mut self, article: &Article) -> Option<String> {
        let dup = self
            .index
            .as_mut()?
            .check_and_insert(&article.id, &article.text)?;
        self.copies
            .push((article.id.clone(), dup.id.clone(), dup.similarity));
        Some(dup.id)
    }
}

#[derive(Debug, PartialEq, Eq)]
enum ReaderEnd {
    /// Every input read.
    Done,
    /// `--strict` and an unreadable record.
    Strict,
    /// Ctrl-C.
    Interrupted,
    /// The writing side hung up (it stopped on an error or Ctrl-C).
    Disconnected,
}

/// The reader thread's state.
struct Reader {
    paths: Vec<PathBuf>,
    opts: ReadOptions,
    id: Option<String>,
    dates: FallbackDate,
    strict: bool,
    /// Records already done by the run being resumed: read (for the dedup index) but not sent.
    skip: u64,
    status: Arc<Status>,
    /// Input bytes read so far (for rates and the ETA).
    input_bytes: Arc<AtomicU64>,
    dedup: Dedup,
    batch_docs: usize,
}

/// The batch being filled.
struct Filling {
    next: u64,
    batch: Batch,
    text_bytes: usize,
}

impl Reader {
    fn read_all(mut self, tx: SyncSender<Batch>) -> (ReaderEnd, Vec<(String, String, f64)>) {
        let end = self.read_everything(tx);
        (end, std::mem::take(&mut self.dedup.copies))
    }

    fn read_everything(&mut self, tx: SyncSender<Batch>) -> ReaderEnd {
        let mut fill = Filling {
            next: 0,
            batch: Batch {
                first: self.skip,
                work: Vec::new(),
            },
            text_bytes: 0,
        };
        let paths = std::mem::take(&mut self.paths);
        let end = self.read_inputs(&paths, &tx, &mut fill);
        if end == ReaderEnd::Disconnected || fill.batch.work.is_empty() {
            return end;
        }
        match tx.send(fill.batch) {
            Ok(()) => end,
            Err(_) => ReaderEnd::Disconnected,
        }
    }

    fn read_inputs(
        &mut self,
        paths: &[PathBuf],
        tx: &SyncSender<Batch>,
        fill: &mut Filling,
    ) -> ReaderEnd {
        for path in paths {
            let mut files = FileBytes::new(path, Arc::clone(&self.input_bytes));
            let docs = match open(path, &self.opts, &self.input_bytes) {
                Ok(d) => d,
                Err(e) => {
                    let replayed = fill.next < self.skip;
                    if !replayed {
                        self.status.message(&e.to_string());
                    }
                    if !self.push(Work::Skipped, 0, tx, fill) {
                        return ReaderEnd::Disconnected;
                    }
                    if self.strict && !replayed {
                        return ReaderEnd::Strict;
                    }
                    continue;
                }
            };
            for item in docs {
                if stopping() {
                    return ReaderEnd::Interrupted;
                }
                // records before the resume point were reported by the run being resumed
                let replayed = fill.next < self.skip;
                let doc = match item {
                    Ok(doc) => doc,
                    Err(e) => {
                        files.at(&e.origin.path);
                        if !replayed {
                            self.status.message(&e.to_string());
                        }
                        if !self.push(Work::Skipped, 0, tx, fill) {
                            return ReaderEnd::Disconnected;
                        }
                        if self.strict && !replayed {
                            return ReaderEnd::Strict;
                        }
                        continue;
                    }
                };
                files.at(&doc.origin.path);
                if !replayed {
                    for note in &doc.notes {
                        self.status
                            .message(&format!("warning: {}: {note}", doc.origin));
                    }
                }
                let whole_file = doc.origin.at == Position::File;
                let (date, warning) = self.dates.for_document(doc.date);
                if let Some(w) = warning.filter(|_| !replayed) {
                    self.status.message(&w);
                }
                let mut article = doc.into_article(date);
                if let (Some(id), true) = (&self.id, whole_file) {
                    article.id = id.clone();
                }
                let work = match self.dedup.check(&article) {
                    Some(original) => {
                        let outlet = outlet_of(&article);
                        Work::Duplicate(article.id, original, outlet)
                    }
                    None => Work::Code(article),
                };
                let len = match &work {
                    Work::Code(a) => a.text.len(),
                    _ => 0,
                };
                if !self.push(work, len, tx, fill) {
                    return ReaderEnd::Disconnected;
                }
            }
            files.finish();
        }
        ReaderEnd::Done
    }

    /// Number a record and add it to the batch (unless it is before the resume point); send the
    /// batch when it is full. `false`: the writing side is gone.
    fn push(&mut self, work: Work, len: usize, tx: &SyncSender<Batch>, fill: &mut Filling) -> bool {
        let seq = fill.next;
        fill.next += 1;
        if seq < self.skip {
            return true;
        }
        fill.batch.work.push(work);
        fill.text_bytes += len;
        if fill.batch.work.len() < self.batch_docs && fill.text_bytes < BATCH_BYTES {
            return true;
        }
        let full = std::mem::replace(
            &mut fill.batch,
            Batch {
                first: fill.next,
                work: Vec::with_capacity(self.batch_docs),
            },
        );
        fill.text_bytes = 0;
        tx.send(full).is_ok()
    }
}

/// Open one input, counting the bytes read from regular files and stdin (for progress and
/// rates; directories are counted file by file in [`FileBytes`]).
fn open(path: &Path, opts: &ReadOptions, counter: &Arc<AtomicU64>) -> Result<Documents, OpenError> {
    let counted = |r: Box<dyn Read>| -> Box<dyn Read> {
        Box::new(Counting {
            inner: r,
            counter: Arc::clone(counter),
        })
    };
    if path.as_os_str() == "-" {
        return Ok(ingest::open_reader(
            Path::new("stdin"),
            "stdin",
            counted(Box::new(std::io::stdin())),
            opts,
        ));
    }
    if std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
        if let Ok(f) = std::fs::File::open(path) {
            let id = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            return Ok(ingest::open_reader(path, &id, counted(Box::new(f)), opts));
        }
    }
    // directories, and anything that fails (the library words the error)
    input::open(path, opts)
}

struct Counting {
    inner: Box<dyn Read>,
    counter: Arc<AtomicU64>,
}

impl Read for Counting {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.counter.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// For a directory input: add each file's size to the byte count when the walk moves past it.
struct FileBytes {
    active: bool,
    current: Option<PathBuf>,
    counter: Arc<AtomicU64>,
}

impl FileBytes {
    fn new(input: &Path, counter: Arc<AtomicU64>) -> FileBytes {
        FileBytes {
            active: std::fs::metadata(input).is_ok_and(|m| m.is_dir()),
            current: None,
            counter,
        }
    }

    fn at(&mut self, file: &Path) {
        if self.active && self.current.as_deref() != Some(file) {
            self.finish();
            self.current = Some(file.to_path_buf());
        }
    }

    fn finish(&mut self) {
        if let Some(done) = self.current.take() {
            let size = std::fs::metadata(done).map_or(0, |m| m.len());
            self.counter.fetch_add(size, Ordering::Relaxed);
        }
    }
}

/// The size of all inputs, when they are all regular files.
fn total_size(paths: &[PathBuf]) -> Option<u64> {
    let mut total = 0;
    for p in paths {
        let m = std::fs::metadata(p).ok().filter(|m| m.is_file())?;
        total += m.len();
    }
    Some(total)
}
