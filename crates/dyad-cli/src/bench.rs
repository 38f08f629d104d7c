//! `dyad bench`: end-to-end throughput on a generated corpus (plain text in, JSONL out), on one
//! thread, so the figures are per core. Speed is measured here, never in timed tests.
//!
//! The corpus is built from the example articles (`examples/*.txt` by default): each copy swaps
//! the countries it names for others from a fixed list, so the coder sees varied text rather
//! than one article cached in every branch predictor. Generation is deterministic.

use crate::{load_coder, DictArgs};
use anyhow::{anyhow, Result};
use clap::Args;
use dyad::{Article, CoderOptions, Date};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[derive(Args)]
pub struct BenchArgs {
    /// Directory of plain-text seed articles.
    #[arg(long, default_value = "examples")]
    dir: PathBuf,
    /// Corpus size to generate, in MB.
    #[arg(long, default_value_t = 8.0)]
    size_mb: f64,
    /// Also measure loading and compiling the default dictionaries this many times.
    #[arg(long, default_value_t = 5)]
    load_runs: usize,
    #[command(flatten)]
    dict: DictArgs,
}

const SWAPS: &[&str] = &[
    "Russia", "Ukraine", "China", "Japan", "Iran", "Israel", "Turkey", "Greece", "France",
    "Germany", "India", "Pakistan", "Egypt", "Ethiopia", "Sudan", "Brazil", "Mexico", "Poland",
    "Syria", "Iraq", "Nigeria", "Kenya",
];

/// CPU time (user + system) of this process in seconds, from /proc (Linux); on a shared
/// machine it is steadier than wall-clock time, and it is what "per core" means.
fn cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after = &s[s.rfind(')')? + 2..];
    let f: Vec<&str> = after.split_whitespace().collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn peak_rss_mb() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

pub fn run(a: BenchArgs) -> Result<ExitCode> {
    // dictionary load + compile time
    let mut load_ms = Vec::new();
    for _ in 0..a.load_runs.max(1) {
        let t = Instant::now();
        // the dictionaries the flags name (the embedded default unless --dict / --petr-*)
        let c = if a.dict.petr.any() || a.dict.dict.is_some() {
            load_coder(&a.dict, CoderOptions::default())
                .map(|(c, _)| c)
                .ok()
        } else {
            dyad::Coder::with_default_dictionaries(CoderOptions::default()).ok()
        };
        load_ms.push(t.elapsed().as_secs_f64() * 1000.0);
        drop(c);
    }
    load_ms.sort_by(|x, y| x.partial_cmp(y).unwrap());
    let (coder, _) = load_coder(&a.dict, CoderOptions::default())?;

    let mut seeds = Vec::new();
    for e in std::fs::read_dir(&a.dir).map_err(|e| anyhow!("--dir {}: {e}", a.dir.display()))? {
        let p = e?.path();
        if p.extension().is_some_and(|x| x == "txt") {
            seeds.push(std::fs::read_to_string(&p)?);
        }
    }
    seeds.sort();
    if seeds.is_empty() {
        return Err(anyhow!(
            "--dir {}: no .txt articles to build a corpus from",
            a.dir.display()
        ));
    }
    let target = (a.size_mb * 1_000_000.0) as usize;
    let mut corpus = Vec::new();
    let mut total = 0usize;
    let mut k = 0usize;
    while total < target {
        let seed = &seeds[k % seeds.len()];
        let shift = k / seeds.len();
        let mut text = seed.clone();
        for (i, name) in SWAPS.iter().enumerate() {
            let other = SWAPS[(i + shift) % SWAPS.len()];
            if other != *name {
                text = text.replace(name, &format!("\u{1}{i}\u{1}"));
            }
        }
        for (i, _) in SWAPS.iter().enumerate() {
            text = text.replace(&format!("\u{1}{i}\u{1}"), SWAPS[(i + shift) % SWAPS.len()]);
        }
        total += text.len();
        corpus.push(text);
        k += 1;
    }
    let date: Date = "2024-06-01".parse().unwrap();
    let mut sink = std::io::sink();
    let cpu0 = cpu_seconds();
    let t = Instant::now();
    let mut events = 0usize;
    let mut sentences = 0usize;
    for (i, text) in corpus.iter().enumerate() {
        let article = Article::new(format!("bench-{i}"), date, text.as_str());
        let doc = coder.analyze_with(&article, false);
        sentences += doc.sentences.len();
        for s in doc.sentences {
            for e in s
                .events
                .iter()
                .filter(|e| e.modality == dyad::Modality::Asserted)
            {
                serde_json::to_writer(&mut sink, e)?;
                sink.write_all(b"\n")?;
                events += 1;
            }
        }
    }
    let secs = t.elapsed().as_secs_f64();
    let cpu = cpu_seconds().zip(cpu0).map(|(b, a)| b - a);
    let mb = total as f64 / 1_000_000.0;
    println!(
        "corpus:        {} articles, {:.1} MB, {} sentences (from {} seed articles)",
        corpus.len(),
        mb,
        sentences,
        seeds.len()
    );
    println!(
        "throughput:    {:.2} MB/s, {:.0} sentences/s, {:.0} articles/s on 1 thread",
        mb / secs,
        sentences as f64 / secs,
        corpus.len() as f64 / secs
    );
    if let Some(c) = cpu.filter(|c| *c > 0.0) {
        println!(
            "cpu time:      {:.2} MB/s, {:.0} sentences/s per CPU-second ({c:.2} s of CPU)",
            mb / c,
            sentences as f64 / c
        );
    }
    println!("events:        {events} asserted events in {secs:.2} s");
    println!(
        "dict load:     {:.1} ms median of {} (read + compile the {} dictionaries)",
        load_ms[load_ms.len() / 2],
        load_ms.len(),
        if a.dict.petr.any() {
            "PETRARCH"
        } else if a.dict.dict.is_some() {
            "--dict"
        } else {
            "default"
        }
    );
    if let Some(m) = peak_rss_mb() {
        println!("peak memory:   {m:.0} MB (VmHWM, including the generated corpus)");
    }
    Ok(ExitCode::SUCCESS)
}
