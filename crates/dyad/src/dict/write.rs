//! Writing a [`Dictionary`] back as dyad dictionary files (used by `dyad dict import`): the
//! inverse of [`super::parse_file`], one file per kind, so that an imported set can be read,
//! reviewed and edited like the default one.

use super::*;
use std::fmt::Write;

fn list(v: &[String]) -> String {
    v.join(" | ")
}

fn date_range(r: &Role) -> String {
    let d = |x: Option<Date>| x.map(|d| d.to_string()).unwrap_or_default();
    format!("{}..{}", d(r.from), d(r.to))
}

/// `(file name, contents)` for every non-empty kind of the dictionary. `prefix` names the set
/// (e.g. `imported` gives `countries_imported.txt`).
pub fn write_files(d: &Dictionary, prefix: &str, header: &str) -> Vec<(String, String)> {
    let mut files = Vec::new();
    let mut add = |kind: &str, body: String| {
        if !body.is_empty() {
            files.push((format!("{kind}_{prefix}.txt"), format!("{header}\n{body}")));
        }
    };
    let mut s = String::new();
    for c in d.countries.iter().filter(|c| !c.names.is_empty()) {
        let _ = writeln!(s, "{}  {}", c.code, c.names[0]);
        for (k, v) in [
            ("names", &c.names[1..]),
            ("adjectives", &c.adjectives[..]),
            ("demonyms", &c.demonyms[..]),
            ("capitals", &c.capitals[..]),
        ] {
            if !v.is_empty() {
                let _ = writeln!(s, "  {k}: {}", list(v));
            }
        }
        if !c.institutions.is_empty() {
            let inst: Vec<String> = c
                .institutions
                .iter()
                .map(|(n, sct)| format!("{n} = {sct}"))
                .collect();
            let _ = writeln!(s, "  institutions: {}", inst.join(" | "));
        }
    }
    add("countries", s);
    let mut s = String::new();
    for p in &d.people {
        let _ = writeln!(s, "{}", p.name);
        if !p.aliases.is_empty() {
            let _ = writeln!(s, "  aliases: {}", list(&p.aliases));
        }
        for r in &p.roles {
            let _ = writeln!(s, "  role: {} {}", r.code, date_range(r));
        }
        for (k, v) in [
            ("after", &p.after),
            ("before", &p.before),
            ("code", &p.code),
        ] {
            if let Some(v) = v {
                let _ = writeln!(s, "  {k}: {v}");
            }
        }
    }
    add("people", s);
    let mut s = String::new();
    for o in d.organizations.iter().filter(|o| !o.names.is_empty()) {
        let _ = writeln!(s, "{}  {}", o.code, o.names[0]);
        if o.names.len() > 1 {
            let _ = writeln!(s, "  names: {}", list(&o.names[1..]));
        }
        if !o.refs.is_empty() {
            let _ = writeln!(s, "  refs: {}", list(&o.refs));
        }
    }
    add("organizations", s);
    let mut s = String::new();
    for a in &d.agents {
        let q = if a.generic {
            " generic"
        } else if a.prefix {
            " prefix"
        } else if a.owned {
            " owned"
        } else {
            ""
        };
        let _ = writeln!(s, "{}{q}: {}", a.sector, list(&a.nouns));
    }
    add("agents", s);
    let mut s = String::new();
    for p in &d.verbs {
        let code = match &p.reverse_code {
            Some(r) => format!("{}:{r}", p.code),
            None => p.code.clone(),
        };
        let _ = writeln!(s, "{code:<5} {}", p.text);
    }
    add("verbs", s);
    let mut s = String::new();
    for p in &d.nouns {
        let _ = writeln!(s, "{:<5} {}", p.code, p.text);
    }
    add("nouns", s);
    let mut s = String::new();
    for v in &d.irregular {
        let _ = write!(s, "{} {} {}", v.lemma, v.past, v.participle);
        if v.third.is_some() || v.gerund.is_some() {
            let third = v
                .third
                .clone()
                .unwrap_or_else(|| inflect(&v.lemma)[1].clone());
            let _ = write!(s, " {third}");
        }
        if let Some(g) = &v.gerund {
            let _ = write!(s, " {g}");
        }
        s.push('\n');
    }
    add("irregular_verbs", s);
    for (kind, cues) in [("modality", &d.modality), ("discards", &d.discards)] {
        let mut s = String::new();
        for c in cues.iter() {
            let _ = writeln!(s, "{}: {}", c.class, list(&c.phrases));
        }
        add(kind, s);
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_files_read_back_to_the_same_entries() {
        let (d, errors) = Dictionary::from_sources([
            (
                "countries.txt",
                "RUS  Russia\n  adjectives: Russian\n  institutions: Kremlin = GOV\n",
            ),
            (
                "people.txt",
                "Joe Biden\n  aliases: Biden\n  role: USAGOV 2021-01-20..2025-01-20\n",
            ),
            (
                "organizations.txt",
                "IGOWSTNAT  NATO\n  refs: the alliance\n",
            ),
            ("agents.txt", "MIL: troops\nGOV generic: official\n"),
            ("verbs.txt", "112  accuse + of\n190  attack +!\n"),
            ("discards.txt", "story: baseball\n"),
            ("irregular_verbs.txt", "meet met met\n"),
        ]);
        assert!(errors.is_empty());
        let files = write_files(&d, "x", "# test");
        let (back, errors) =
            Dictionary::from_sources(files.iter().map(|(n, t)| (n.as_str(), t.as_str())));
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(back.countries[0].institutions, d.countries[0].institutions);
        assert_eq!(back.people[0].roles, d.people[0].roles);
        assert_eq!(back.organizations[0].refs, d.organizations[0].refs);
        assert!(back.agents[1].generic);
        assert_eq!(
            back.verbs.iter().map(|p| &p.text).collect::<Vec<_>>(),
            ["accuse + of", "attack +!"]
        );
        assert_eq!(back.discards[0].class, "story");
        assert_eq!(back.irregular[0].past, "met");
    }
}
