//! `dyad dict test | lint | stats`.

use crate::{load_coder, DictArgs, PetrArgs};
use anyhow::{anyhow, Result};
use dyad::dict::petrarch::{self, PetrFiles, PetrImport};
use dyad::dict::Dictionary;
use dyad::{Article, CoderOptions, Date};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::path::PathBuf;
use std::process::ExitCode;

/// Read every `*.txt` file of a dictionary directory, in name order.
pub fn read_dict_dir(dir: &Path) -> Result<Vec<(String, String)>> {
    let rd = std::fs::read_dir(dir).map_err(|e| anyhow!("--dict {}: {e}", dir.display()))?;
    let mut files = Vec::new();
    for e in rd {
        let p = e?.path();
        if p.extension().is_some_and(|x| x == "txt") {
            let text = std::fs::read_to_string(&p).map_err(|e| anyhow!("{}: {e}", p.display()))?;
            files.push((p.file_name().unwrap().to_string_lossy().into_owned(), text));
        }
    }
    files.sort();
    if files.is_empty() {
        return Err(anyhow!(
            "--dict {}: no .txt dictionary files there",
            dir.display()
        ));
    }
    Ok(files)
}

fn triple_str(t: &(String, String, String)) -> String {
    format!("{} {} {}", t.0, t.1, t.2)
}

pub fn test(d: &DictArgs) -> Result<ExitCode> {
    // (an example tests its pattern: a `say` example's bare statement is what it pins, and
    // an organisation's example the code its entry gives)
    let options = CoderOptions {
        bare_statements: true,
        un_agency_codes: true,
        partnerless: true,
        ..Default::default()
    };
    let (coder, errors) = load_coder(d, options)?;
    let default_date: Date = "2024-06-01".parse().unwrap();
    let mut failed = 0;
    let examples = &coder.lexicon.dict.examples;
    for ex in examples {
        let article = Article::new(
            "example",
            ex.date.unwrap_or(default_date),
            ex.sentence.clone(),
        );
        let got: BTreeSet<(String, String, String)> =
            coder.code(&article).iter().map(|e| e.triple()).collect();
        let want: BTreeSet<(String, String, String)> = ex
            .expected
            .iter()
            .map(|(s, t, c)| {
                (
                    s.clone(),
                    t.clone().unwrap_or_else(|| "-".into()),
                    c.clone(),
                )
            })
            .collect();
        if got != want {
            failed += 1;
            let show = |s: &BTreeSet<_>| {
                if s.is_empty() {
                    "none".to_string()
                } else {
                    s.iter().map(triple_str).collect::<Vec<_>>().join("; ")
                }
            };
            println!(
                "FAIL {}: {}\n     expected: {}\n     produced: {}",
                ex.origin,
                ex.sentence,
                show(&want),
                show(&got)
            );
        }
    }
    println!("{} passed, {} failed", examples.len() - failed, failed);
    Ok(if failed > 0 || errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

pub fn lint(d: &DictArgs) -> Result<ExitCode> {
    let (coder, errors) = load_coder(d, CoderOptions::default())?;
    let dict = &coder.lexicon.dict;
    let mut problems = 0usize;
    let mut warn = |msg: String| {
        problems += 1;
        println!("{msg}");
    };
    // duplicate names with different codes
    let mut names: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for c in &dict.countries {
        for n in c
            .names
            .iter()
            .chain(&c.adjectives)
            .chain(&c.demonyms)
            .chain(&c.capitals)
        {
            names
                .entry(n.clone())
                .or_default()
                .push((c.code.clone(), c.origin.to_string()));
        }
    }
    for o in &dict.organizations {
        for n in &o.names {
            names
                .entry(n.clone())
                .or_default()
                .push((o.code.clone(), o.origin.to_string()));
        }
    }
    for p in &dict.people {
        for n in std::iter::once(&p.name).chain(&p.aliases) {
            let code = p
                .roles
                .first()
                .map(|r| r.code.clone())
                .or_else(|| p.code.clone())
                .unwrap_or_default();
            names
                .entry(n.clone())
                .or_default()
                .push((format!("person:{}", p.name), code));
        }
    }
    for (n, uses) in &names {
        let distinct: BTreeSet<&String> = uses.iter().map(|u| &u.0).collect();
        if distinct.len() > 1 {
            let list: Vec<String> = uses.iter().map(|(c, o)| format!("{c} ({o})")).collect();
            warn(format!("duplicate name {n:?}: {}", list.join(", ")));
        }
    }
    // overlapping dated roles with different codes
    for p in &dict.people {
        for (i, a) in p.roles.iter().enumerate() {
            for b in &p.roles[i + 1..] {
                let start = match (a.from, b.from) {
                    (Some(x), Some(y)) => Some(x.max(y)),
                    (x, y) => x.or(y),
                };
                let end = match (a.to, b.to) {
                    (Some(x), Some(y)) => Some(x.min(y)),
                    (x, y) => x.or(y),
                };
                let overlaps = match (start, end) {
                    (Some(s), Some(e)) => s <= e,
                    _ => true,
                };
                if overlaps && a.code != b.code {
                    warn(format!(
                        "{}: {}: roles {} and {} overlap",
                        p.origin, p.name, a.code, b.code
                    ));
                }
            }
        }
    }
    // unreachable patterns: the same lemma and elements as an earlier pattern
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for p in &dict.verbs {
        let key = p.text.to_lowercase();
        if let Some(prev) = seen.get(&key) {
            warn(format!(
                "{}: pattern {:?} repeats {} and can never match",
                p.origin, p.text, prev
            ));
        } else {
            seen.insert(key, p.origin.to_string());
        }
    }
    println!("{} dictionary errors, {} warnings", errors, problems);
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

pub fn stats(d: &DictArgs, json: bool) -> Result<ExitCode> {
    let (coder, _) = load_coder(d, CoderOptions::default())?;
    let lex = &coder.lexicon;
    let dict: &Dictionary = &lex.dict;
    let countries = dict.countries.iter().filter(|c| !c.is_region).count();
    let regions = dict.countries.iter().filter(|c| c.is_region).count();
    let agent_nouns: usize = dict.agents.iter().map(|a| a.nouns.len()).sum();
    let roots: BTreeSet<&str> = dict
        .verbs
        .iter()
        .chain(&dict.nouns)
        .map(|p| &p.code[..2])
        .collect();
    let codes: BTreeSet<&str> = dict
        .verbs
        .iter()
        .chain(&dict.nouns)
        .map(|p| p.code.as_str())
        .collect();
    let v = serde_json::json!({
        "countries": countries,
        "regions": regions,
        "people": dict.people.len(),
        "organizations": dict.organizations.len(),
        "agents": agent_nouns,
        "verb_patterns": dict.verbs.len(),
        "noun_patterns": dict.nouns.len(),
        "cameo_codes_covered": codes.len(),
        "cameo_roots_covered": roots.len(),
        "irregular_verbs": dict.irregular.len(),
        "modality_cues": dict.modality.iter().map(|c| c.phrases.len()).sum::<usize>(),
        "discard_cues": dict.discards.iter().map(|c| c.phrases.len()).sum::<usize>(),
        "examples": dict.examples.len(),
    });
    if json {
        println!("{v}");
    } else {
        for (k, val) in v.as_object().unwrap() {
            println!("{k:<22} {val}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn read_text(p: &Path) -> Result<(String, String)> {
    let bytes = std::fs::read(p).map_err(|e| anyhow!("{}: {e}", p.display()))?;
    // PETRARCH files are mostly ASCII with some Latin-1 names: decode lossily rather than fail
    let text = String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    Ok((
        p.file_name().map_or_else(
            || p.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        ),
        text,
    ))
}

/// Find a file named in a PETR_config.ini: beside it, in `../dictionaries/` or `dictionaries/`.
fn resolve(config_dir: &Path, name: &str) -> Result<PathBuf> {
    let base = Path::new(name)
        .file_name()
        .map(PathBuf::from)
        .unwrap_or_default();
    for cand in [
        config_dir.join(name),
        config_dir.join(&base),
        config_dir.join("../dictionaries").join(&base),
        config_dir.join("dictionaries").join(&base),
    ] {
        if cand.is_file() {
            return Ok(cand);
        }
    }
    Err(anyhow!(
        "{name}: named in the PETRARCH config but not found beside it or in ../dictionaries/"
    ))
}

/// Read the PETRARCH files the flags (or the config they name) give.
pub fn read_petrarch(a: &PetrArgs) -> Result<PetrImport> {
    let mut verbs = a.petr_verbs.clone();
    let mut actors = a.petr_actors.clone();
    let mut agents = a.petr_agents.clone();
    let mut discards = a.petr_discards.clone();
    let mut issues = a.petr_issues.clone();
    if let Some(cfg) = &a.petr_config {
        let (_, text) = read_text(cfg)?;
        let c = petrarch::parse_config(&text);
        let dir = cfg.parent().unwrap_or(Path::new("."));
        if verbs.is_none() {
            verbs = c.verbs.as_deref().map(|n| resolve(dir, n)).transpose()?;
        }
        if actors.is_empty() {
            actors = c
                .actors
                .iter()
                .map(|n| resolve(dir, n))
                .collect::<Result<_>>()?;
        }
        if agents.is_none() {
            agents = c.agents.as_deref().map(|n| resolve(dir, n)).transpose()?;
        }
        if discards.is_none() {
            discards = c.discards.as_deref().map(|n| resolve(dir, n)).transpose()?;
        }
        if issues.is_none() {
            issues = c.issues.as_deref().and_then(|n| resolve(dir, n).ok());
        }
    }
    let files = PetrFiles {
        verbs: verbs.as_deref().map(read_text).transpose()?,
        actors: actors.iter().map(|p| read_text(p)).collect::<Result<_>>()?,
        agents: agents.as_deref().map(read_text).transpose()?,
        discards: discards.as_deref().map(read_text).transpose()?,
        issues: issues.as_deref().map(read_text).transpose()?,
    };
    Ok(petrarch::import(&files))
}

pub fn import(format: &str, out: &Path, a: &PetrArgs) -> Result<ExitCode> {
    if format != "petrarch" {
        return Err(anyhow!("unknown import format {format:?}: dyad imports `petrarch` (PETRARCH 1/2 and TABARI dictionaries)"));
    }
    if !a.any() {
        return Err(anyhow!("name the PETRARCH dictionaries: --petr-config FILE, or --petr-verbs/--petr-actors/--petr-agents/--petr-discards"));
    }
    let imp = read_petrarch(a)?;
    std::fs::create_dir_all(out).map_err(|e| anyhow!("{}: {e}", out.display()))?;
    let header = "# Imported from PETRARCH dictionaries by `dyad dict import petrarch`.";
    let files = dyad::dict::write::write_files(&imp.dict, "imported", header);
    for (name, text) in &files {
        std::fs::write(out.join(name), text)
            .map_err(|e| anyhow!("{}: {e}", out.join(name).display()))?;
    }
    let mut report =
        String::from("# Lines not imported, or imported only approximately, with the reason.\n");
    for e in &imp.skipped {
        report.push_str(&format!("{e}\n"));
    }
    std::fs::write(out.join("import_report.txt"), &report)?;
    let st = &imp.stats;
    println!(
        "imported {} verbs, {} patterns ({} with a slot before the verb dropped), {} synsets, {} actors ({} dated), {} agents, {} discards",
        st.verbs, st.patterns, st.patterns_without_preverb_context, st.synsets, st.actors, st.dated_actors, st.agents, st.discards
    );
    println!(
        "{} lines not imported, listed with reasons in {}",
        imp.skipped.len(),
        out.join("import_report.txt").display()
    );
    println!(
        "wrote {} dictionary files to {}",
        files.len(),
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}
