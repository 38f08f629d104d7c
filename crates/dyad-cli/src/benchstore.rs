//! `dyad bench-store`: how fast the event store ingests and answers, on a million generated
//! events (by default), so the figures in `docs/outputs.md` can be re-measured on any machine.
//!
//! Coding text is not what is measured (that is `dyad bench`), so the events are generated
//! directly, shaped like real ones: actors drawn with a skew from two dozen countries and their
//! sectors (a few dyads dominate, as in news), CAMEO codes weighted by root the way news event
//! data is (statements, consultations and accusations common, mass violence rare), dates over ten
//! years, 70% located at a real city of the source or target country (from the embedded
//! gazetteer), and one English sentence per event whose verb fits its root — so text search and
//! "within N km" work on realistic selectivities. Five events per article. Generation is
//! deterministic (a fixed-seed xorshift), so two runs store the same data.
//!
//! Ingest goes through the same [`StoreSink`](crate::store::StoreSink) as `dyad code --db`, in
//! transactions of `--batch` articles; the queries through the same code as `dyad query`. Each
//! query runs `--runs` times and the median is reported.

use crate::output::EventSink;
use crate::query::{run_query, Filters, GroupBy, Period, QueryArgs, TableFormat};
use crate::store::Store;
use anyhow::Result;
use clap::Args;
use dyad::event::{ActorRef, Evidence, Place};
use dyad::gazetteer::{Feature, Gazetteer};
use dyad::ontology::Ontology;
use dyad::{Article, Date, Event, Modality};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[derive(Args)]
pub struct BenchStoreArgs {
    /// How many events to generate and ingest.
    #[arg(long, default_value_t = 1_000_000)]
    events: usize,
    /// The store to create (deleted first if it exists).
    #[arg(long, value_name = "FILE", default_value = "target/bench-store.sqlite")]
    db: PathBuf,
    /// Articles per transaction.
    #[arg(long, default_value_t = 1000)]
    batch: usize,
    /// Runs per query (the median is reported).
    #[arg(long, default_value_t = 5)]
    runs: usize,
}

/// A fixed-seed xorshift64* generator: deterministic and dependency-free.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    /// Uniform in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    /// Skewed towards 0: the square of a uniform number, so the first items are common.
    fn skewed(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((u * u) * n as f64) as usize
    }
    fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }
}

/// (code, name in text), the most newsworthy first.
const COUNTRIES: &[(&str, &str)] = &[
    ("USA", "the United States"),
    ("RUS", "Russia"),
    ("UKR", "Ukraine"),
    ("CHN", "China"),
    ("ISR", "Israel"),
    ("IRN", "Iran"),
    ("TUR", "Turkey"),
    ("GBR", "Britain"),
    ("FRA", "France"),
    ("DEU", "Germany"),
    ("IND", "India"),
    ("PAK", "Pakistan"),
    ("SYR", "Syria"),
    ("IRQ", "Iraq"),
    ("GRC", "Greece"),
    ("EGY", "Egypt"),
    ("SDN", "Sudan"),
    ("ETH", "Ethiopia"),
    ("NGA", "Nigeria"),
    ("JPN", "Japan"),
    ("KOR", "South Korea"),
    ("PRK", "North Korea"),
    ("BRA", "Brazil"),
    ("MEX", "Mexico"),
];

const SECTORS: &[(&str, &str)] = &[
    ("", ""),
    ("GOV", "'s government"),
    ("MIL", "'s military"),
    ("GOV", "'s foreign minister"),
    ("COP", "'s police"),
    ("REB", " rebels"),
    ("OPP", "'s opposition"),
    ("BUS", " businesses"),
];

/// Relative frequency of each CAMEO root (01..20) in news event data, roughly.
const ROOT_WEIGHTS: [u32; 20] = [15, 5, 6, 18, 7, 2, 2, 2, 1, 2, 8, 3, 4, 4, 2, 2, 4, 5, 8, 1];

/// A verb phrase per root, for the sentence.
const ROOT_VERBS: [&str; 20] = [
    "issued a statement on",
    "appealed to",
    "pledged support for",
    "held talks with",
    "praised",
    "signed a trade deal with",
    "sent aid to",
    "agreed to release prisoners held by",
    "opened an inquiry into",
    "demanded concessions from",
    "accused",
    "rejected a proposal from",
    "threatened",
    "protested against",
    "deployed troops near",
    "cut diplomatic ties with",
    "arrested officials of",
    "attacked",
    "shelled positions of",
    "carried out mass killings against",
];

const EXTRAS: &[&str] = &[
    "amid rising tensions",
    "after a drone strike",
    "over the border dispute",
    "during a ceasefire",
    "as sanctions took effect",
    "before the summit",
    "after weeks of protests",
    "over energy supplies",
    "following an election",
    "amid a refugee crisis",
];

struct Generator {
    rng: Rng,
    /// Codes per root (index 0 = root 01), GDELT codes only.
    codes_by_root: Vec<Vec<&'static dyad::ontology::CameoCode>>,
    /// Cities (name, lat, lon, geonames id, admin1) per country, the largest first.
    cities: Vec<Vec<&'static dyad::gazetteer::Place>>,
    start: Date,
}

impl Generator {
    fn new() -> Generator {
        let ont = Ontology::get();
        let mut codes_by_root: Vec<Vec<_>> = vec![Vec::new(); 20];
        for c in ont
            .codes()
            .iter()
            .filter(|c| c.in_gdelt && c.code.len() >= 3)
        {
            if let Ok(r) = c.root.parse::<usize>() {
                if (1..=20).contains(&r) {
                    codes_by_root[r - 1].push(c);
                }
            }
        }
        let gaz = Gazetteer::embedded();
        let mut cities: Vec<Vec<&dyad::gazetteer::Place>> = vec![Vec::new(); COUNTRIES.len()];
        for (_, p) in gaz.places() {
            if p.feature != Feature::City {
                continue;
            }
            if let Some(k) = COUNTRIES.iter().position(|(c, _)| Some(*c) == p.country) {
                cities[k].push(p);
            }
        }
        for list in &mut cities {
            list.sort_by_key(|p| std::cmp::Reverse(p.population));
            list.truncate(40);
        }
        Generator {
            rng: Rng(0x9e37_79b9_7f4a_7c15),
            codes_by_root,
            cities,
            start: Date::new(2015, 1, 1).expect("valid date"),
        }
    }

    fn root(&mut self) -> usize {
        let total: u32 = ROOT_WEIGHTS.iter().sum();
        let mut x = self.rng.below(total as usize) as u32;
        for (i, w) in ROOT_WEIGHTS.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        0
    }

    fn article(&mut self, n: usize, events_per_article: usize) -> (Article, Vec<Event>) {
        let date = self.start.add_days(self.rng.below(3653) as i64);
        let id = format!("bench-{n:07}");
        let mut sentences = vec![format!("Report {n}: regional news digest")];
        let mut events = Vec::with_capacity(events_per_article);
        for k in 0..events_per_article {
            let s = self.rng.skewed(COUNTRIES.len());
            let mut t = self.rng.skewed(COUNTRIES.len());
            if t == s {
                t = (t + 1 + self.rng.below(COUNTRIES.len() - 1)) % COUNTRIES.len();
            }
            let (s_code, s_name) = COUNTRIES[s];
            let (t_code, t_name) = COUNTRIES[t];
            let (sector, sector_words) = SECTORS[self.rng.skewed(SECTORS.len())];
            let root = self.root();
            let codes = &self.codes_by_root[root];
            let code = codes[self.rng.skewed(codes.len())];
            let has_target = self.rng.chance(0.85);
            let city = if self.rng.chance(0.7) {
                let list = &self.cities[if self.rng.chance(0.5) { s } else { t }];
                (!list.is_empty()).then(|| list[self.rng.skewed(list.len())])
            } else {
                None
            };
            let source_text = format!("{s_name}{sector_words}");
            let mut sentence = source_text.clone();
            sentence.push(' ');
            sentence.push_str(ROOT_VERBS[root]);
            let target = has_target.then(|| {
                sentence.push(' ');
                let start = sentence.len();
                sentence.push_str(t_name);
                ActorRef {
                    code: t_code.to_string(),
                    text: t_name.to_string(),
                    start,
                    end: sentence.len(),
                }
            });
            let location = city.map(|c| {
                sentence.push_str(" in ");
                let start = sentence.len();
                sentence.push_str(c.name);
                Place {
                    name: c.name,
                    country: c.country.unwrap_or(""),
                    admin1: c.admin1,
                    lat: c.lat,
                    lon: c.lon,
                    geonames_id: c.geonames_id,
                    feature: "city",
                    text: c.name.to_string(),
                    start,
                    end: sentence.len(),
                }
            });
            sentence.push(' ');
            sentence.push_str(EXTRAS[self.rng.below(EXTRAS.len())]);
            sentence.push('.');
            let event_id = format!(
                "{:016x}",
                dyad::event::event_hash(&id, k + 1, 0, None, &code.code)
            );
            events.push(Event {
                event_id,
                article_id: id.as_str().into(),
                sentence_index: k + 1,
                sentence: sentence.as_str().into(),
                source: ActorRef {
                    code: format!("{s_code}{sector}"),
                    text: source_text.clone(),
                    start: 0,
                    end: source_text.len(),
                },
                target,
                cameo: code.code.as_str().into(),
                root: code.root.as_str().into(),
                quad_class: code.quad_class,
                goldstein: code.goldstein,
                plover: code.plover.as_deref(),
                modality: Modality::Asserted,
                date: date.to_string().into(),
                when: None,
                when_precision: None,
                when_text: None,
                location,
                evidence: Evidence {
                    verb: ROOT_VERBS[root].split(' ').next().unwrap_or("").to_string(),
                    pattern: format!("generated [{}]", code.code).into(),
                    entries: vec![],
                },
            });
            sentences.push(sentence);
        }
        let mut article = Article::new(id, date, sentences.join("\n"));
        article.url = Some(format!("https://news.example/{n}"));
        (article, events)
    }
}

fn median_ms(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

pub fn run(a: BenchStoreArgs) -> Result<ExitCode> {
    for suffix in ["", "-wal", "-shm"] {
        let mut p = a.db.clone().into_os_string();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
    if let Some(dir) = a.db.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let per_article = 5;
    let articles = a.events.div_ceil(per_article);
    let mut generator = Generator::new();
    let mut sink = Store::open(&a.db)?.into_sink(a.batch.max(1));
    sink.quiet = true;
    let mut generate_s = 0.0;
    let t0 = Instant::now();
    for n in 0..articles {
        let g = Instant::now();
        let (article, events) = generator.article(n, per_article);
        generate_s += g.elapsed().as_secs_f64();
        sink.write_article(&article, &events)?;
    }
    sink.finish()?;
    let total_s = t0.elapsed().as_secs_f64();
    let ingest_s = total_s - generate_s;
    let events = sink.stats.events_added;
    let size_mb = ["", "-wal"]
        .iter()
        .filter_map(|s| {
            let mut p = a.db.clone().into_os_string();
            p.push(s);
            std::fs::metadata(PathBuf::from(p)).ok()
        })
        .map(|m| m.len() as f64 / 1e6)
        .sum::<f64>();
    println!(
        "ingest: {events} events in {} articles: {ingest_s:.1} s ({:.0} events/s, {:.0} articles/s; generation {generate_s:.1} s not counted), store {size_mb:.0} MB",
        sink.stats.articles_added,
        events as f64 / ingest_s,
        sink.stats.articles_added as f64 / ingest_s,
    );
    drop(sink);

    let store = Store::open_read_only(&a.db)?;
    let query = |filters: Filters, count_by: Option<Period>, group_by: Vec<GroupBy>| QueryArgs {
        db: a.db.clone(),
        filters,
        count_by,
        group_by,
        format: TableFormat::Table,
        show_sentences: false,
        max_sentences: 3,
        limit: None,
    };
    let cases: Vec<(&str, QueryArgs)> = vec![
        (
            "--dyad RUS:UKR --count-by week",
            query(
                Filters {
                    dyad: Some("RUS:UKR".into()),
                    ..Filters::default()
                },
                Some(Period::Week),
                vec![],
            ),
        ),
        (
            "--between USA:CHN --quad 3,4 --count-by month --group-by none",
            query(
                Filters {
                    between: Some("USA:CHN".into()),
                    quad: vec![3, 4],
                    ..Filters::default()
                },
                Some(Period::Month),
                vec![GroupBy::None],
            ),
        ),
        (
            "--text shelled --count-by month --group-by none",
            query(
                Filters {
                    text: Some("shelled".into()),
                    ..Filters::default()
                },
                Some(Period::Month),
                vec![GroupBy::None],
            ),
        ),
        (
            "--text '\"drone strike\"' --source ISR --from 2020-01-01 --to 2020-12-31 (list)",
            query(
                Filters {
                    text: Some("\"drone strike\"".into()),
                    source: Some("ISR".into()),
                    from: Some("2020-01-01".into()),
                    to: Some("2020-12-31".into()),
                    ..Filters::default()
                },
                None,
                vec![],
            ),
        ),
        (
            "--near 50.45,30.52 --within 100 --count-by month --group-by none",
            query(
                Filters {
                    near: Some("50.45,30.52".into()),
                    within: 100.0,
                    ..Filters::default()
                },
                Some(Period::Month),
                vec![GroupBy::None],
            ),
        ),
        (
            "--root 18,19,20 --country UKR --count-by year --group-by root",
            query(
                Filters {
                    root: vec!["18".into(), "19".into(), "20".into()],
                    country: Some("UKR".into()),
                    ..Filters::default()
                },
                Some(Period::Year),
                vec![GroupBy::Root],
            ),
        ),
    ];
    println!("{:<78} {:>7} {:>10}", "query", "rows", "median ms");
    for (name, q) in &cases {
        let mut times = Vec::new();
        let mut rows = 0;
        for _ in 0..a.runs.max(1) {
            let t = Instant::now();
            let answer = run_query(&store, q)?;
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            rows = answer.rows.len();
        }
        println!("{name:<78} {rows:>7} {:>10.1}", median_ms(times));
    }
    Ok(ExitCode::SUCCESS)
}
