//! The `dyad` command: argument parsing and printing only. Every decision lives in the `dyad`
//! library; this file turns its values and errors into output, messages and an exit code.

mod bench;
mod benchstore;
mod dictcmd;
mod evalcmd;
mod input;
mod outfile;
mod output;
mod plot;
mod progress;
mod query;
mod run;
mod store;

use anyhow::Result;
use clap::{Args, Parser, Subcommand, ValueEnum};
use dyad::dict::{DictMode, Dictionary};
use dyad::ingest::{Format, Glob, JsonFields, ReadOptions};
use dyad::{Coder, CoderOptions, Date};
use std::path::PathBuf;
use std::process::ExitCode;

// dyad allocates many small strings (tokens, codes, evidence); mimalloc serves them several
// times faster than the system allocator (measured with `dyad bench`).
#[global_allocator]
static GLOBAL: Allocator = Allocator;

/// mimalloc, called the way the standard library calls the system allocator: `mimalloc::MiMalloc`
/// sends every request through `mi_malloc_aligned`, whose alignment checks cost about ten
/// instructions per allocation, and coding a megabyte of news makes over two million of them.
/// A request whose alignment is at most a word is served by plain `mi_malloc`/`mi_realloc`:
/// every mimalloc block is word-aligned. A 16-byte alignment is not assumed, since a block's
/// size class need not be a multiple of 16 (hashbrown asks for 52 bytes aligned to 16, and a
/// 56-byte block may sit at an odd multiple of 8); anything above a word keeps the aligned
/// calls.
struct Allocator;

/// The alignment every `mi_malloc` block has: one machine word.
const MI_WORD_ALIGN: usize = std::mem::size_of::<usize>();

fn plain(align: usize) -> bool {
    align <= MI_WORD_ALIGN
}

// SAFETY: every path hands the request to mimalloc, under its documented alignment guarantees
// (see `Allocator`); frees go to `mi_free`, which takes blocks of either kind.
unsafe impl std::alloc::GlobalAlloc for Allocator {
    #[inline]
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        if plain(layout.align()) {
            libmimalloc_sys::mi_malloc(layout.size()).cast()
        } else {
            libmimalloc_sys::mi_malloc_aligned(layout.size(), layout.align()).cast()
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        if plain(layout.align()) {
            libmimalloc_sys::mi_zalloc(layout.size()).cast()
        } else {
            libmimalloc_sys::mi_zalloc_aligned(layout.size(), layout.align()).cast()
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: std::alloc::Layout) {
        libmimalloc_sys::mi_free(ptr.cast());
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        if plain(layout.align()) {
            libmimalloc_sys::mi_realloc(ptr.cast(), new_size).cast()
        } else {
            libmimalloc_sys::mi_realloc_aligned(ptr.cast(), new_size, layout.align()).cast()
        }
    }
}

#[derive(Parser)]
#[command(
    name = "dyad",
    version,
    about = "Political event coding (CAMEO / PLOVER) from news text"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Code articles into events, one JSON object per line on stdout.
    Code(Box<CodeArgs>),
    /// Show, step by step, how one sentence (or article) is coded.
    Explain(ExplainArgs),
    /// Test, lint and count dictionaries.
    Dict {
        #[command(subcommand)]
        command: DictCommand,
    },
    /// Measure throughput on a generated corpus.
    Bench(bench::BenchArgs),
    /// Measure accuracy: the own gold set and PETRARCH validation suites.
    Eval(evalcmd::EvalArgs),
    /// Ask the event store (`dyad code --db`): filter, count by period, show the sentences.
    Query(query::QueryArgs),
    /// Chart a dyad's events over time from the event store (SVG).
    Plot(plot::PlotArgs),
    /// Measure event store ingest and query speed on generated events.
    BenchStore(benchstore::BenchStoreArgs),
}

#[derive(Subcommand)]
enum DictCommand {
    /// Code every `example:` of the dictionaries and report the ones that fail.
    Test(DictArgs),
    /// Check the dictionaries for errors and suspicious entries.
    Lint(DictArgs),
    /// Convert other coders' dictionaries to dyad's format: `dyad dict import petrarch
    /// --petr-config PETR_config.ini OUT_DIR`.
    Import {
        /// The format to read (only `petrarch`, which also reads TABARI verb files).
        format: String,
        /// Directory to write the dyad dictionary files and the import report to.
        out: PathBuf,
        #[command(flatten)]
        petr: PetrArgs,
    },
    /// Count entries by kind.
    Stats {
        #[command(flatten)]
        dict: DictArgs,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
}

/// Which dictionaries to use.
#[derive(Args, Clone, Default)]
pub struct DictArgs {
    /// A directory of dictionary files (see docs/dictionaries.md).
    #[arg(long, value_name = "DIR")]
    pub dict: Option<PathBuf>,
    /// Use --dict instead of the embedded default, or on top of it.
    #[arg(long, value_enum, default_value_t = ModeArg::Extend)]
    pub dict_mode: ModeArg,
    #[command(flatten)]
    pub petr: PetrArgs,
}

/// PETRARCH / TABARI dictionaries to code with instead of dyad's own.
#[derive(Args, Clone, Default)]
pub struct PetrArgs {
    /// A PETR_config.ini naming the dictionaries ([Dictionaries] section).
    #[arg(long, value_name = "FILE")]
    pub petr_config: Option<PathBuf>,
    /// A PETRARCH2 or TABARI verb dictionary.
    #[arg(long, value_name = "FILE")]
    pub petr_verbs: Option<PathBuf>,
    /// Actor dictionaries, comma-separated.
    #[arg(long, value_name = "FILE[,FILE...]", value_delimiter = ',')]
    pub petr_actors: Vec<PathBuf>,
    /// An agents dictionary.
    #[arg(long, value_name = "FILE")]
    pub petr_agents: Option<PathBuf>,
    /// A discards dictionary.
    #[arg(long, value_name = "FILE")]
    pub petr_discards: Option<PathBuf>,
    /// An issues dictionary (read and reported; dyad does not code issues).
    #[arg(long, value_name = "FILE")]
    pub petr_issues: Option<PathBuf>,
}

impl PetrArgs {
    pub fn any(&self) -> bool {
        self.petr_config.is_some()
            || self.petr_verbs.is_some()
            || !self.petr_actors.is_empty()
            || self.petr_agents.is_some()
            || self.petr_discards.is_some()
    }
}

#[derive(ValueEnum, Clone, Copy, Default, PartialEq, Eq)]
pub enum ModeArg {
    Replace,
    #[default]
    Extend,
}

#[derive(Args)]
struct CodeArgs {
    /// Inputs: files (plain text, HTML, JSONL, WARC, RSS/Atom, PETRARCH XML; also .gz/.zst),
    /// directories (read recursively in sorted order) and `-` for stdin; none reads stdin.
    paths: Vec<PathBuf>,
    /// Publication date YYYY-MM-DD for documents without a date of their own, in their record
    /// or in a dateline that opens them (default: today, with a warning).
    #[arg(long)]
    date: Option<String>,
    /// Article id (default: the file name, or the record's own id). Only with one input; it
    /// names whole-file documents (text, HTML), not the records of a JSONL/WARC/feed file.
    #[arg(long)]
    id: Option<String>,
    /// Also write negated, hypothetical, reported and question events.
    #[arg(long)]
    all_modalities: bool,
    /// Also write statements (`010`: "X said the situation was calm", "X told Y that ..."),
    /// which are left out by default.
    #[arg(long)]
    statements: bool,
    /// Write a UN body's own code (`IGOUNOHCH`, `IGOUNOPKO`, `IGOUNOIAE`, ...) instead of the
    /// United Nations' `IGOUNO`, which gold sets use for all of them.
    #[arg(long)]
    un_agency_codes: bool,
    /// Also write cooperation with no partner named (intents, meetings, praise, reduced
    /// relations and mass violence with no target), which are left out by default.
    #[arg(long)]
    partnerless: bool,
    /// The input format; `auto` detects it by extension, then by content.
    #[arg(long, value_name = "FORMAT", default_value = "auto", value_parser = parse_format)]
    input_format: FormatArg,
    /// In directories, read only files matching this pattern (`*.html`, `**/2019/*.jsonl`,
    /// `*.{htm,html}`); without it, every file with a readable extension.
    #[arg(long, value_name = "PATTERN")]
    glob: Option<String>,
    /// JSONL: the field holding the article text (default: text, body, content, maintext,
    /// article). A dotted name reaches into nested objects.
    #[arg(long, value_name = "NAME")]
    text_field: Option<String>,
    /// JSONL: the headline field (default: title, headline).
    #[arg(long, value_name = "NAME")]
    title_field: Option<String>,
    /// JSONL: the publication date field (default: date, published, published_at, …).
    #[arg(long, value_name = "NAME")]
    date_field: Option<String>,
    /// JSONL: the id field (default: id, _id, guid).
    #[arg(long, value_name = "NAME")]
    id_field: Option<String>,
    /// JSONL: the URL field (default: url, link).
    #[arg(long, value_name = "NAME")]
    url_field: Option<String>,
    /// Stop at the first unreadable file or record instead of skipping it.
    #[arg(long)]
    strict: bool,
    /// Coding threads (default: the number of cores). The output is the same for any number.
    #[arg(long, short = 'j', value_name = "N")]
    threads: Option<usize>,
    /// No progress bar and no closing summary (messages about bad records are still shown).
    #[arg(long, short = 'q')]
    quiet: bool,
    /// Write the events to PATH instead of stdout: atomically (PATH appears, complete, only
    /// when the run ends well), or with --resume in checkpointed units.
    #[arg(long, short = 'o', value_name = "PATH")]
    output: Option<PathBuf>,
    /// With --output: write PATH in place with checkpoints (PATH.dyad-checkpoint) and, after a
    /// crash or Ctrl-C, continue where the last checkpoint left off. Run the same command again.
    #[arg(long, requires = "output")]
    resume: bool,
    /// With --output: start over even if an interrupted run's checkpoint (or, with --resume, a
    /// file without one) is there.
    #[arg(long, requires = "output")]
    force: bool,
    /// With --resume: seconds between checkpoints (each one fsyncs the output).
    #[arg(long, value_name = "SECONDS", default_value_t = 5.0)]
    checkpoint_every: f64,
    /// Code every article, even a near-copy of one read before (syndicated and scraped
    /// copies are otherwise counted, listed with --duplicates, and not coded again).
    #[arg(long)]
    no_dedup: bool,
    /// Estimated word-shingle Jaccard similarity from which an article is a copy of an earlier
    /// one (measured: copies 0.55 and up, different stories on one topic 0.14 at most).
    #[arg(long, value_name = "J", default_value_t = dyad::dedup::DEFAULT_THRESHOLD)]
    dedup_threshold: f64,
    /// Write the copies found to PATH: id, duplicate_of, similarity (tab-separated).
    #[arg(long, value_name = "PATH")]
    duplicates: Option<PathBuf>,
    /// Repeated events (same day, source, target, code, place and modality) in one record with
    /// num_mentions, num_sources, num_articles and article_ids (`collapse`, the default); every
    /// event as coded (`off`); or PETRARCH/Phoenix's one-a-day filter (`one-a-day`). The
    /// collapsed records are written when the corpus is done.
    #[arg(long, value_name = "MODE", default_value = "collapse", value_parser = parse_event_dedup)]
    event_dedup: EventDedupArg,
    /// Same as --event-dedup off: write every event as coded, article by article.
    #[arg(long)]
    no_event_dedup: bool,
    #[command(flatten)]
    dict: DictArgs,
    #[command(flatten)]
    out: output::OutputArgs,
}

#[derive(Debug, Clone, Copy)]
struct EventDedupArg(dyad::dedup::EventDedup);

fn parse_event_dedup(s: &str) -> Result<EventDedupArg, String> {
    use dyad::dedup::EventDedup;
    match s {
        "collapse" => Ok(EventDedupArg(EventDedup::Collapse)),
        "off" => Ok(EventDedupArg(EventDedup::Off)),
        "one-a-day" => Ok(EventDedupArg(EventDedup::OneADay)),
        _ => Err(format!("{s:?}: give collapse, off or one-a-day")),
    }
}

impl CodeArgs {
    /// The options that change what is written, for the --resume fingerprint (inputs are
    /// fingerprinted separately).
    fn output_options(&self) -> Vec<String> {
        let show = |p: &Option<PathBuf>| p.as_ref().map(|p| p.display().to_string());
        let mut o = vec![
            format!("--date={:?}", self.date),
            format!("--id={:?}", self.id),
            format!("--all-modalities={}", self.all_modalities),
            format!("--statements={}", self.statements),
            format!("--un-agency-codes={}", self.un_agency_codes),
            format!("--partnerless={}", self.partnerless),
            format!(
                "--input-format={}",
                self.input_format
                    .0
                    .map_or("auto".into(), |f| format!("{f:?}"))
            ),
            format!("--glob={:?}", self.glob),
            format!("--no-dedup={}", self.no_dedup),
            format!("--dedup-threshold={}", self.dedup_threshold),
            format!("--text-field={:?}", self.text_field),
            format!("--title-field={:?}", self.title_field),
            format!("--date-field={:?}", self.date_field),
            format!("--id-field={:?}", self.id_field),
            format!("--url-field={:?}", self.url_field),
            format!("--dict={:?}", show(&self.dict.dict)),
            format!(
                "--dict-mode={}",
                if self.dict.dict_mode == ModeArg::Replace {
                    "replace"
                } else {
                    "extend"
                }
            ),
        ];
        let p = &self.dict.petr;
        o.push(format!("--petr-config={:?}", show(&p.petr_config)));
        o.push(format!("--petr-verbs={:?}", show(&p.petr_verbs)));
        o.push(format!("--petr-actors={:?}", p.petr_actors));
        o.push(format!("--petr-agents={:?}", show(&p.petr_agents)));
        o.push(format!("--petr-discards={:?}", show(&p.petr_discards)));
        o
    }
}

/// `--input-format`: `auto` (None) or a format.
#[derive(Clone, Copy)]
struct FormatArg(Option<Format>);

fn parse_format(s: &str) -> Result<FormatArg, String> {
    if s.eq_ignore_ascii_case("auto") {
        return Ok(FormatArg(None));
    }
    s.parse::<Format>().map(|f| FormatArg(Some(f)))
}

#[derive(Args)]
struct ExplainArgs {
    /// The sentence or text to explain (several words are joined); `-` reads stdin.
    text: Vec<String>,
    /// Read the text from a file instead.
    #[arg(long, short = 'f')]
    file: Option<PathBuf>,
    /// Publication date YYYY-MM-DD (default: today).
    #[arg(long)]
    date: Option<String>,
    #[command(flatten)]
    dict: DictArgs,
}

fn main() -> ExitCode {
    // Behave like other Unix filters when the reader goes away (`dyad code ... | head`): stop
    // quietly instead of reporting a write error for every remaining line.
    #[cfg(unix)]
    // SAFETY: restoring the default disposition of SIGPIPE before any thread is started.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Code(a) => run_code(*a),
        Command::Explain(a) => run_explain(a),
        Command::Dict { command } => match command {
            DictCommand::Test(d) => dictcmd::test(&d),
            DictCommand::Lint(d) => dictcmd::lint(&d),
            DictCommand::Stats { dict, json } => dictcmd::stats(&dict, json),
            DictCommand::Import { format, out, petr } => dictcmd::import(&format, &out, &petr),
        },
        Command::Bench(a) => bench::run(a),
        Command::Eval(a) => evalcmd::run(a),
        Command::Query(a) => query::run(a),
        Command::Plot(a) => plot::run(a),
        Command::BenchStore(a) => benchstore::run(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("dyad: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// Load the dictionaries the flags ask for. Errors in a user's `--dict` files are reported and
/// the entries that could be read are used.
pub fn load_coder(d: &DictArgs, options: CoderOptions) -> Result<(Coder, usize)> {
    if d.petr.any() {
        let import = dictcmd::read_petrarch(&d.petr)?;
        if !import.skipped.is_empty() {
            eprintln!(
                "dyad: PETRARCH import: {} lines not imported or approximated (list them with `dyad dict import petrarch ... OUT`)",
                import.skipped.len()
            );
        }
        let (coder, errors) = Coder::from_petrarch(import, options);
        for e in &errors {
            eprintln!("dyad: dictionary: {e}");
        }
        return Ok((coder, errors.len()));
    }
    let (mut dict, mut errors) = match (d.dict.as_ref(), d.dict_mode) {
        (Some(_), ModeArg::Replace) => (Dictionary::default(), vec![]),
        _ => Dictionary::default_set(),
    };
    if let Some(dir) = &d.dict {
        let files = dictcmd::read_dict_dir(dir)?;
        let (user, errs) =
            Dictionary::from_sources(files.iter().map(|(n, t)| (n.as_str(), t.as_str())));
        errors.extend(errs);
        dict.extend(user);
    }
    let _ = DictMode::Extend;
    let (coder, compile_errors) = Coder::from_dictionary(dict, options);
    errors.extend(compile_errors);
    for e in &errors {
        eprintln!("dyad: dictionary: {e}");
    }
    Ok((coder, errors.len()))
}

fn run_code(a: CodeArgs) -> Result<ExitCode> {
    let date = a
        .date
        .as_deref()
        .map(|s| {
            s.parse::<Date>()
                .map_err(|e| anyhow::anyhow!("--date: {e}"))
        })
        .transpose()?;
    if a.id.is_some() && a.paths.len() > 1 {
        anyhow::bail!(
            "--id names one article, but {} paths were given",
            a.paths.len()
        );
    }
    let glob = a
        .glob
        .as_deref()
        .map(Glob::new)
        .transpose()
        .map_err(|e| anyhow::anyhow!("--glob: {e}"))?;
    if !(a.checkpoint_every >= 0.0 && a.checkpoint_every.is_finite()) {
        anyhow::bail!("--checkpoint-every: give a number of seconds, like 5 or 0.5");
    }
    let read = ReadOptions {
        format: a.input_format.0,
        glob,
        fields: JsonFields {
            text: a.text_field.clone(),
            title: a.title_field.clone(),
            date: a.date_field.clone(),
            id: a.id_field.clone(),
            url: a.url_field.clone(),
        },
        ..ReadOptions::default()
    };
    let (coder, _) = load_coder(
        &a.dict,
        CoderOptions {
            all_modalities: a.all_modalities,
            bare_statements: a.statements,
            un_agency_codes: a.un_agency_codes,
            partnerless: a.partnerless,
            ..Default::default()
        },
    )?;
    let threads = a.threads.unwrap_or_else(|| {
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    });
    let options = a.output_options();
    let near_duplicates = (!a.no_dedup).then_some(dyad::dedup::NearDuplicateConfig {
        threshold: a.dedup_threshold,
        ..Default::default()
    });
    // CSV, GDELT, Parquet and the store take the events article by article, through a sink
    let format = match (a.out.format, a.output.as_deref()) {
        (Some(f), _) => Some(f),
        (None, Some(p)) => Some(output::OutputFormat::from_path(p).ok_or_else(|| {
            anyhow::anyhow!(
                "cannot tell the output format from the name {}: give --format jsonl|csv|gdelt|parquet",
                p.display()
            )
        })?),
        (None, None) => None,
    };
    let sink = (a.out.db.is_some() || format.is_some_and(|f| f != output::OutputFormat::Jsonl))
        .then(|| a.out.clone());
    if sink.is_some() && a.resume {
        anyhow::bail!("--resume checkpoints JSON Lines output; --format {:?} and --db are written whole (the store commits in batches: run again to complete it)", format.unwrap_or(output::OutputFormat::Jsonl));
    }
    let event_dedup = if a.no_event_dedup || sink.is_some() {
        dyad::dedup::EventDedup::Off
    } else {
        a.event_dedup.0
    };
    run::run(
        run::Plan {
            paths: a.paths,
            read,
            id: a.id,
            date,
            strict: a.strict,
            threads,
            quiet: a.quiet,
            output: a.output,
            resume: a.resume,
            force: a.force,
            checkpoint_every: std::time::Duration::from_secs_f64(a.checkpoint_every),
            options,
            near_duplicates,
            event_dedup,
            duplicates: a.duplicates,
            sink,
        },
        coder,
    )
}

fn run_explain(a: ExplainArgs) -> Result<ExitCode> {
    let date = match a.date.as_deref() {
        Some(s) => s
            .parse::<Date>()
            .map_err(|e| anyhow::anyhow!("--date: {e}"))?,
        None => Date::today_utc(),
    };
    let (coder, _) = load_coder(
        &a.dict,
        CoderOptions {
            all_modalities: true,
            bare_statements: true,
            ..Default::default()
        },
    )?;
    let text = match (&a.file, a.text.as_slice()) {
        (Some(p), _) => input::read_article(p, None, date)?.text,
        (None, [one]) if one == "-" => input::read_article(&PathBuf::from("-"), None, date)?.text,
        (None, []) => anyhow::bail!("give a sentence to explain, e.g. dyad explain \"Turkey accused Greece of violating its airspace.\""),
        (None, words) => words.join(" "),
    };
    let article = dyad::Article::new("explain", date, text);
    let doc = coder.analyze(&article);
    print!("{}", dyad::explain::explain(&doc, &coder.lexicon));
    Ok(ExitCode::SUCCESS)
}
