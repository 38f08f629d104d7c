//! `dyad eval`: accuracy against the own gold set and PETRARCH validation suites.

use crate::{dictcmd, load_coder, DictArgs, PetrArgs};
use anyhow::{anyhow, Result};
use clap::Args;
use dyad::eval::{self, GoldReport, PetrReport};
use dyad::{Coder, CoderOptions};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Args)]
pub struct EvalArgs {
    /// A PETRARCH-format validation file (its <Environment> names the dictionaries unless
    /// --petr-* flags do).
    #[arg(long, value_name = "FILE.xml")]
    petr_suite: Option<PathBuf>,
    /// The own gold set (JSON Lines; see eval/README.md).
    #[arg(long, value_name = "FILE")]
    gold: Option<PathBuf>,
    /// Print one JSON object instead of Markdown.
    #[arg(long)]
    json: bool,
    /// List every failing record / item.
    #[arg(long)]
    failures: bool,
    /// Fail (exit 1) if the own-gold triple F1 is below the `f1` in this JSON file.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Where the peer suites are looked for when no suite is named.
    #[arg(long, default_value = "../shared/peers")]
    peers: PathBuf,
    #[command(flatten)]
    dict: DictArgs,
}

/// Resolve a dictionary named by a suite: beside it, or in `../dictionaries/`.
fn suite_file(suite: &Path, name: &str) -> Option<PathBuf> {
    let dir = suite.parent()?;
    [dir.join(name), dir.join("../dictionaries").join(name)]
        .into_iter()
        .find(|p| p.is_file())
}

fn petr_coder(suite_path: &Path, suite: &eval::PetrSuite, dict: &DictArgs) -> Result<Coder> {
    let options = CoderOptions {
        all_modalities: true,
        intent_codes: false,
        petrarch_codes: true,
        // (PETRARCH codes them, and its suites expect them)
        bare_statements: true,
        un_agency_codes: true,
        partnerless: true,
    };
    if dict.petr.any() || dict.dict.is_some() {
        return Ok(load_coder(dict, options)?.0);
    }
    let find = |n: &Option<String>| n.as_deref().and_then(|n| suite_file(suite_path, n));
    let petr = PetrArgs {
        petr_config: None,
        petr_verbs: find(&suite.verbfile),
        petr_actors: suite
            .actorfiles
            .iter()
            .filter_map(|n| suite_file(suite_path, n))
            .collect(),
        petr_agents: find(&suite.agentfile),
        petr_discards: find(&suite.discardfile),
        petr_issues: None,
    };
    if !petr.any() {
        return Err(anyhow!(
            "{}: the suite names no dictionaries; give them with --petr-verbs/--petr-actors/...",
            suite_path.display()
        ));
    }
    let import = dictcmd::read_petrarch(&petr)?;
    Ok(Coder::from_petrarch(import, options).0)
}

fn run_suite(path: &Path, dict: &DictArgs) -> Result<PetrReport> {
    let xml = std::fs::read_to_string(path).map_err(|e| anyhow!("{}: {e}", path.display()))?;
    let suite = eval::parse_petr_suite(&xml);
    let coder = petr_coder(path, &suite, dict)?;
    Ok(eval::evaluate_petr(&coder, &suite))
}

fn run_gold(path: &Path, dict: &DictArgs) -> Result<GoldReport> {
    let text = std::fs::read_to_string(path).map_err(|e| anyhow!("{}: {e}", path.display()))?;
    let (items, errors) = eval::parse_gold(&text);
    for e in &errors {
        eprintln!("dyad: {}: {e}", path.display());
    }
    if !errors.is_empty() {
        return Err(anyhow!("{}: {} bad lines", path.display(), errors.len()));
    }
    let (coder, _) = load_coder(dict, CoderOptions::default())?;
    Ok(eval::evaluate_gold(&coder, &items))
}

pub fn run(a: EvalArgs) -> Result<ExitCode> {
    let mut suites: Vec<(String, PetrReport)> = Vec::new();
    let mut gold: Option<GoldReport> = None;
    let mut notes: Vec<String> = Vec::new();
    if let Some(s) = &a.petr_suite {
        suites.push((s.display().to_string(), run_suite(s, &a.dict)?));
    }
    let gold_path = a.gold.clone().or_else(|| {
        a.petr_suite
            .is_none()
            .then(|| PathBuf::from("eval/gold.jsonl"))
    });
    if let Some(g) = &gold_path {
        gold = Some(run_gold(g, &a.dict)?);
    }
    if a.petr_suite.is_none() && a.gold.is_none() {
        for gen in ["petrarch2", "petrarch_classic"] {
            let p = a.peers.join(gen).join("text/PETR.UnitTest.records.xml");
            if p.is_file() {
                suites.push((
                    format!("{gen} unit tests"),
                    run_suite(&p, &DictArgs::default())?,
                ));
            } else {
                notes.push(format!("skipped the {gen} suite: {} not found (peer suites are read from --peers, default ../shared/peers)", p.display()));
            }
        }
    }
    let failed_baseline = match (&a.baseline, &gold) {
        (Some(b), Some(g)) => {
            let text = std::fs::read_to_string(b).map_err(|e| anyhow!("{}: {e}", b.display()))?;
            let v: serde_json::Value =
                serde_json::from_str(&text).map_err(|e| anyhow!("{}: {e}", b.display()))?;
            let want = v["f1"]
                .as_f64()
                .ok_or_else(|| anyhow!("{}: no \"f1\" number", b.display()))?;
            (g.f1 + 1e-9 < want).then(|| {
                format!(
                    "own-gold triple F1 {:.4} is below the baseline {:.4} in {}",
                    g.f1,
                    want,
                    b.display()
                )
            })
        }
        _ => None,
    };
    if a.json {
        let mut v = serde_json::json!({});
        if let Some((_, first)) = suites.first() {
            v["petr_suite"] = petr_json(first, a.failures);
            v["petr_suites"] = suites
                .iter()
                .map(|(n, r)| (n.clone(), petr_json(r, a.failures)))
                .collect::<serde_json::Map<_, _>>()
                .into();
        }
        if let Some(g) = &gold {
            let mut gj = serde_json::to_value(g)?;
            if !a.failures {
                gj.as_object_mut().unwrap().remove("misses");
            }
            v["own_gold"] = gj;
        }
        if !notes.is_empty() {
            v["notes"] = notes.clone().into();
        }
        println!("{}", serde_json::to_string_pretty(&v)?);
    } else {
        print!("{}", markdown(&suites, gold.as_ref(), &notes, a.failures));
    }
    if let Some(m) = failed_baseline {
        eprintln!("dyad: eval: {m}");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

fn petr_json(r: &PetrReport, failures: bool) -> serde_json::Value {
    let by: serde_json::Map<String, serde_json::Value> = r
        .by_category
        .iter()
        .map(|(k, (p, e))| (k.clone(), serde_json::json!({"passed": p, "evaluated": e})))
        .collect();
    let mut v =
        serde_json::json!({"passed": r.passed, "evaluated": r.evaluated, "by_category": by});
    if failures {
        v["failures"] = serde_json::to_value(&r.failures).unwrap_or_default();
    }
    v
}

fn fmt_triples(t: &[eval::Triple]) -> String {
    if t.is_empty() {
        return "none".into();
    }
    t.iter()
        .map(|(s, g, c)| format!("{s} {g} {c}"))
        .collect::<Vec<_>>()
        .join("; ")
}

fn markdown(
    suites: &[(String, PetrReport)],
    gold: Option<&GoldReport>,
    notes: &[String],
    failures: bool,
) -> String {
    let mut s = String::new();
    if let Some(g) = gold {
        s.push_str(&format!("## Own gold set ({} items)\n\n", g.items));
        s.push_str(
            "| level | precision | recall | F1 | tp | fp | fn |\n|---|---|---|---|---|---|---|\n",
        );
        for (name, sc) in [
            ("triples (source, target, code)", &g.triples),
            ("roots (source, target, root)", &g.roots),
            ("actors (source, target)", &g.actors),
            ("countries (3-letter prefixes, root)", &g.countries),
        ] {
            s.push_str(&format!(
                "| {name} | {:.3} | {:.3} | {:.3} | {} | {} | {} |\n",
                sc.precision, sc.recall, sc.f1, sc.tp, sc.fp, sc.fn_
            ));
        }
        s.push_str(&format!(
            "\nTraps: {} of {} forbidden events produced in {} trap items (error rate {:.3}).\n\n",
            g.trap_events_produced, g.trap_events, g.traps, g.trap_error_rate
        ));
        s.push_str(
            "| where and when (of gold events dyad found) | correct | judged | gold | accuracy |\n|---|---|---|---|---|\n",
        );
        for (name, acc) in [
            ("date (`when`, exact at its precision)", &g.when),
            ("location: country", &g.location_country),
            ("location: city within 25 km", &g.location_city_25km),
        ] {
            s.push_str(&format!(
                "| {name} | {} | {} | {} | {:.3} |\n",
                acc.correct, acc.judged, acc.gold, acc.accuracy
            ));
        }
        s.push('\n');
        s.push_str("| root | precision | recall | F1 | gold events |\n|---|---|---|---|---|\n");
        for (root, sc) in &g.by_root {
            s.push_str(&format!(
                "| {root} | {:.3} | {:.3} | {:.3} | {} |\n",
                sc.precision,
                sc.recall,
                sc.f1,
                sc.tp + sc.fn_
            ));
        }
        s.push('\n');
        if failures {
            s.push_str("### Items with differences\n\n");
            for m in &g.misses {
                s.push_str(&format!(
                    "- {}: missing {}; extra {}\n",
                    m.id,
                    fmt_triples(&m.missing),
                    fmt_triples(&m.extra)
                ));
            }
            s.push('\n');
        }
    }
    for (name, r) in suites {
        s.push_str(&format!("## PETRARCH suite: {name}\n\n{} of {} records pass.\n\n| category | passed | evaluated |\n|---|---|---|\n", r.passed, r.evaluated));
        for (c, (p, e)) in &r.by_category {
            s.push_str(&format!("| {c} | {p} | {e} |\n"));
        }
        s.push('\n');
        if failures {
            s.push_str("| record | expected | produced |\n|---|---|---|\n");
            for f in &r.failures {
                s.push_str(&format!(
                    "| {} | {} | {} |\n",
                    f.id,
                    fmt_triples(&f.expected),
                    fmt_triples(&f.produced)
                ));
            }
            s.push('\n');
        }
    }
    for n in notes {
        s.push_str(&format!("Note: {n}\n"));
    }
    s
}
