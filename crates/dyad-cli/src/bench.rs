//! `dyad bench`: end-to-end throughput on a generated corpus (plain text in, JSONL out), on one
//! thread, so the figures are per core. Speed is measured here, never in timed tests.
//!
//! The corpus is built from the example articles (`examples/*.txt` by default): each copy swaps
//! the countries it names for others from a fixed list, so the coder sees varied text rather
//! than one article cached in every branch predictor. Generation is deterministic.
//!
//! `--generate-jsonl PATH` / `--generate-warc PATH` write such a corpus to a file instead of
//! coding it in memory, for timing `dyad code` end to end (reading, parsing, coding, writing, on
//! any number of threads) under `/usr/bin/time -v` — see `docs/performance.md`. The JSONL
//! records carry an id, a date, the headline and the body; the WARC file holds one `response`
//! record per article whose HTML page wraps the same text in a modest amount of page furniture
//! (navigation, a script, a footer: with the WARC and HTTP headers about 1.8 kB per page, so the HTML extractor has something to
//! discard while MB/s stays comparable to the JSONL figure — real news pages are often ten
//! times bigger, which makes MB/s look better and articles/s no different). Both are written
//! article by article, in constant memory.

use crate::{load_coder, DictArgs};
use anyhow::{anyhow, Result};
use clap::Args;
use dyad::{Article, CoderOptions, Date};
use std::io::Write;
use std::path::{Path, PathBuf};
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
    /// Write the corpus as JSON Lines to this file (`--size-mb` of article text) instead of
    /// benchmarking.
    #[arg(long, value_name = "PATH", conflicts_with = "generate_warc")]
    generate_jsonl: Option<PathBuf>,
    /// Write the corpus as a WARC file of HTML pages (`--size-mb` of article text) instead of
    /// benchmarking.
    #[arg(long, value_name = "PATH")]
    generate_warc: Option<PathBuf>,
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

/// The seed articles, sorted (so generation does not depend on directory order).
fn read_seeds(dir: &Path) -> Result<Vec<String>> {
    let mut seeds = Vec::new();
    for e in std::fs::read_dir(dir).map_err(|e| anyhow!("--dir {}: {e}", dir.display()))? {
        let p = e?.path();
        if p.extension().is_some_and(|x| x == "txt") {
            seeds.push(std::fs::read_to_string(&p)?);
        }
    }
    seeds.sort();
    if seeds.is_empty() {
        return Err(anyhow!(
            "--dir {}: no .txt articles to build a corpus from",
            dir.display()
        ));
    }
    Ok(seeds)
}

/// The `k`-th generated article: seed `k mod n` with its countries rotated by `k / n`.
fn variant(seeds: &[String], k: usize) -> String {
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
    text
}

/// Generated articles until `target` bytes of text.
fn corpus(seeds: &[String], target: usize) -> impl Iterator<Item = String> + '_ {
    let mut total = 0usize;
    (0..).map_while(move |k| {
        if total >= target {
            return None;
        }
        let text = variant(seeds, k);
        total += text.len();
        Some(text)
    })
}

/// Headline (first line) and body (the rest, paragraphs separated by blank lines).
fn split_article(text: &str) -> (&str, &str) {
    match text.split_once('\n') {
        Some((h, rest)) => (h.trim(), rest.trim()),
        None => ("", text.trim()),
    }
}

/// A date in 2024 for article `k` (so documents carry varied dates of their own).
fn date_of(k: usize) -> String {
    format!("2024-{:02}-{:02}", k % 12 + 1, k % 28 + 1)
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

const NAV: &str =
    "<header><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/world\">World</a></li>\
<li><a href=\"/politics\">Politics</a></li><li><a href=\"/business\">Business</a></li>\
<li><a href=\"/sport\">Sport</a></li><li><a href=\"/opinion\">Opinion</a></li>\
<li><a href=\"/subscribe\">Subscribe</a></li></ul></nav></header>";
const SCRIPT: &str = "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}\
gtag('js',new Date());gtag('config','G-EXAMPLE');var ads={slots:['top','side','bottom'],lazy:true};</script>";
const FOOTER: &str = "<aside class=\"related\"><h2>Related stories</h2><ul><li><a href=\"/world/1\">\
Leaders meet for summit talks</a></li><li><a href=\"/world/2\">Ministers discuss trade</a></li></ul></aside>\
<footer><p>&copy; 2024 The Example Herald. All rights reserved.</p><p><a href=\"/privacy\">Privacy</a> \
<a href=\"/terms\">Terms</a> <a href=\"/cookies\">Cookie settings</a> <a href=\"/contact\">Contact us</a></p>\
<p>Sign up for our newsletter to get the day's top stories in your inbox every morning.</p></footer>";

/// One WARC response record holding article `k` as an HTML page.
fn warc_record(k: usize, text: &str) -> Vec<u8> {
    let (headline, body) = split_article(text);
    let date = date_of(k);
    let url = format!(
        "https://herald.example/world/{}/story-{k}",
        date.replace('-', "/")
    );
    let mut html = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
<title>{h} | The Example Herald</title><meta property=\"og:title\" content=\"{h}\">\
<meta property=\"article:published_time\" content=\"{date}T08:00:00Z\">{SCRIPT}</head>\
<body>{NAV}<main><article><h1>{h}</h1>",
        h = escape(headline)
    );
    for p in body.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        html.push_str("<p>");
        html.push_str(&escape(&p.replace('\n', " ")));
        html.push_str("</p>\n");
    }
    html.push_str("</article></main>");
    html.push_str(FOOTER);
    html.push_str("</body></html>\n");
    let block = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{html}",
        html.len()
    );
    let mut rec = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\nWARC-Date: {date}T09:00:00Z\r\n\
WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{k:012}>\r\n\
Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    rec.extend_from_slice(block.as_bytes());
    rec.extend_from_slice(b"\r\n\r\n");
    rec
}

/// Write the generated corpus to a file, article by article.
fn generate(a: &BenchArgs, path: &Path, warc: bool) -> Result<ExitCode> {
    let seeds = read_seeds(&a.dir)?;
    let file = std::fs::File::create(path)
        .map_err(|e| anyhow!("cannot create {}: {e}", path.display()))?;
    let mut w = std::io::BufWriter::with_capacity(1 << 20, file);
    let (mut articles, mut text_bytes) = (0usize, 0usize);
    for (k, text) in corpus(&seeds, (a.size_mb * 1_000_000.0) as usize).enumerate() {
        if warc {
            w.write_all(&warc_record(k, &text))?;
        } else {
            let (headline, body) = split_article(&text);
            let rec = serde_json::json!({
                "id": format!("gen-{k}"),
                "date": date_of(k),
                "title": headline,
                "text": body,
            });
            serde_json::to_writer(&mut w, &rec)?;
            w.write_all(b"\n")?;
        }
        articles += 1;
        text_bytes += text.len();
    }
    w.flush()
        .map_err(|e| anyhow!("writing {}: {e}", path.display()))?;
    let size = std::fs::metadata(path).map_or(0, |m| m.len());
    println!(
        "wrote {}: {articles} articles, {:.1} MB of article text, {:.1} MB on disk ({})",
        path.display(),
        text_bytes as f64 / 1e6,
        size as f64 / 1e6,
        if warc {
            "WARC, HTML pages"
        } else {
            "JSON Lines"
        }
    );
    Ok(ExitCode::SUCCESS)
}

pub fn run(a: BenchArgs) -> Result<ExitCode> {
    if let Some(p) = &a.generate_jsonl {
        return generate(&a, p, false);
    }
    if let Some(p) = &a.generate_warc {
        return generate(&a, p, true);
    }
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

    let seeds = read_seeds(&a.dir)?;
    let corpus: Vec<String> = corpus(&seeds, (a.size_mb * 1_000_000.0) as usize).collect();
    let total: usize = corpus.iter().map(String::len).sum();
    let date: Date = "2024-06-01".parse().unwrap();
    let mut sink = std::io::sink();
    let mut line = Vec::with_capacity(4096);
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
                // (as `dyad code` writes JSON Lines)
                line.clear();
                e.write_json(&mut line);
                line.push(b'\n');
                sink.write_all(&line)?;
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
