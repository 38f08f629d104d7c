//! The `dyad` command: argument parsing and printing only. Every decision lives in the `dyad`
//! library; this file turns its values and errors into output, messages and an exit code.

mod bench;
mod benchstore;
mod dictcmd;
mod evalcmd;
mod input;
mod output;
mod plot;
mod query;
mod store;

use anyhow::Result;
use clap::{Args, Parser, Subcommand, ValueEnum};
use dyad::dict::{DictMode, Dictionary};
use dyad::ingest::{Format, Glob, JsonFields, Position, ReadOptions};
use dyad::{Coder, CoderOptions, Date};
use std::path::PathBuf;
use std::process::ExitCode;

// dyad allocates many small strings (tokens, codes, evidence); mimalloc serves them several
// times faster than the system allocator (measured with `dyad bench`).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    Code(CodeArgs),
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
    /// Publication date YYYY-MM-DD for documents without a date of their own (default: today,
    /// with a warning).
    #[arg(long)]
    date: Option<String>,
    /// Article id (default: the file name, or the record's own id). Only with one input; it
    /// names whole-file documents (text, HTML), not the records of a JSONL/WARC/feed file.
    #[arg(long)]
    id: Option<String>,
    /// Also write negated, hypothetical, reported and question events.
    #[arg(long)]
    all_modalities: bool,
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
    #[command(flatten)]
    dict: DictArgs,
    #[command(flatten)]
    out: output::OutputArgs,
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
        Command::Code(a) => run_code(a),
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
    let fallback_date = a
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
    let opts = ReadOptions {
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
            ..Default::default()
        },
    )?;
    let mut sink = output::open_sink(&a.out)?;
    let paths = if a.paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        a.paths.clone()
    };
    let mut counts = input::Counts::default();
    let mut dates = input::FallbackDate::new(fallback_date);
    'inputs: for path in &paths {
        let docs = match input::open(path, &opts) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("dyad: {e}");
                counts.skipped += 1;
                if a.strict {
                    break;
                }
                continue;
            }
        };
        for item in docs {
            let doc = match item {
                Ok(doc) => doc,
                Err(e) => {
                    eprintln!("dyad: {e}");
                    counts.skipped += 1;
                    if a.strict {
                        break 'inputs;
                    }
                    continue;
                }
            };
            for note in &doc.notes {
                eprintln!("dyad: warning: {}: {note}", doc.origin);
            }
            let whole_file = doc.origin.at == Position::File;
            let date = dates.for_document(doc.date);
            let mut article = doc.into_article(date);
            if let (Some(id), true) = (&a.id, whole_file) {
                article.id = id.clone();
            }
            counts.documents += 1;
            let events = coder.code(&article);
            counts.events += events.len() as u64;
            sink.write_article(&article, &events)?;
        }
    }
    sink.finish()?;
    if counts.documents + counts.skipped > 1 {
        eprintln!("dyad: {counts}");
    }
    if a.strict && counts.skipped > 0 {
        eprintln!("dyad: stopped at the first unreadable record (--strict)");
    }
    Ok(if counts.skipped > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
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
