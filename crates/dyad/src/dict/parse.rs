//! The dictionary file parser. One function, [`parse_file`], reads one file into a
//! [`Dictionary`], choosing the entry kind from the file name, and returns every line it could
//! not read with the reason — it never stops at the first problem, so a user fixing a
//! dictionary sees all of them at once.

use super::*;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Countries,
    Regions,
    People,
    Organizations,
    Agents,
    Verbs,
    Nouns,
    Modality,
    Discards,
    Irregular,
}

fn kind_of(file: &str) -> Option<Kind> {
    let base = file.rsplit('/').next().unwrap_or(file);
    let k = [
        ("countries", Kind::Countries),
        ("regions", Kind::Regions),
        ("people", Kind::People),
        ("organizations", Kind::Organizations),
        ("organisations", Kind::Organizations),
        ("agents", Kind::Agents),
        ("verbs", Kind::Verbs),
        ("nouns", Kind::Nouns),
        ("modality", Kind::Modality),
        ("discards", Kind::Discards),
        ("irregular_verbs", Kind::Irregular),
    ];
    k.iter().find(|(p, _)| base.starts_with(p)).map(|&(_, k)| k)
}

fn strip_comment(line: &str) -> &str {
    match line.find('#') {
        Some(i) => &line[..i],
        None => line,
    }
    .trim_end()
}

fn split_list(v: &str) -> Vec<String> {
    v.split('|')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

fn is_code(s: &str) -> bool {
    !s.is_empty() && s.len().is_multiple_of(3) && s.bytes().all(|b| b.is_ascii_uppercase())
}

fn is_cameo(s: &str) -> bool {
    (2..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

/// Parse `@DATE SENTENCE => SRC TGT CODE; ...` (the text after `example:`).
fn parse_example(v: &str, origin: Origin) -> Result<Example, String> {
    let (lhs, rhs) = v
        .rsplit_once("=>")
        .ok_or("example needs `=> SRC TGT CODE` or `=> none`")?;
    let mut sentence = lhs.trim();
    let mut date = None;
    if let Some(rest) = sentence.strip_prefix('@') {
        let (d, s) = rest
            .split_once(' ')
            .ok_or("example date must be followed by the sentence")?;
        date = Some(d.parse::<Date>().map_err(|e| e.to_string())?);
        sentence = s.trim();
    }
    if sentence.is_empty() {
        return Err("example sentence is empty".into());
    }
    let mut expected = Vec::new();
    let rhs = rhs.trim();
    if !rhs.eq_ignore_ascii_case("none") {
        for ev in rhs.split(';') {
            let f: Vec<&str> = ev.split_whitespace().collect();
            if f.len() != 3 || !is_code(f[0]) || !(f[1] == "-" || is_code(f[1])) || !is_cameo(f[2])
            {
                return Err(format!(
                    "expected event `SRC TGT CODE` (TGT may be -), found {:?}",
                    ev.trim()
                ));
            }
            let tgt = (f[1] != "-").then(|| f[1].to_string());
            expected.push((f[0].to_string(), tgt, f[2].to_string()));
        }
    }
    Ok(Example {
        sentence: sentence.to_string(),
        date,
        expected,
        origin,
    })
}

fn parse_role(v: &str) -> Result<Role, String> {
    let mut it = v.split_whitespace();
    let code = it.next().ok_or("role needs a code")?;
    if !is_code(code) && code != NO_ACTOR {
        return Err(format!("role code {code:?} is not a CAMEO actor code"));
    }
    let range = it.next().unwrap_or("..");
    let (a, b) = range
        .split_once("..")
        .ok_or_else(|| format!("role dates {range:?} must be FROM..TO"))?;
    let parse = |s: &str| -> Result<Option<Date>, String> {
        if s.is_empty() {
            Ok(None)
        } else {
            s.parse::<Date>().map(Some).map_err(|e| e.to_string())
        }
    };
    let (from, to) = (parse(a)?, parse(b)?);
    if let (Some(f), Some(t)) = (from, to) {
        if t < f {
            return Err(format!("role ends ({t}) before it starts ({f})"));
        }
    }
    Ok(Role {
        code: code.to_string(),
        from,
        to,
    })
}

/// Parse one dictionary file into `dict`. Returns the lines that could not be read.
pub fn parse_file(file: &str, text: &str, dict: &mut Dictionary) -> Vec<DictError> {
    let mut errors = Vec::new();
    let fname: Arc<str> = Arc::from(file.rsplit('/').next().unwrap_or(file));
    let Some(kind) = kind_of(&fname) else {
        errors.push(DictError {
            file: fname.to_string(),
            line: 0,
            message: "unknown dictionary kind: the file name must start with countries, regions, people, organizations, agents, verbs, nouns, modality, discards or irregular_verbs".into(),
        });
        return errors;
    };
    // Index of the entry that indented attribute lines attach to.
    let mut open: Option<usize> = None;
    for (i, raw) in text.lines().enumerate() {
        let line_no = (i + 1) as u32;
        let origin = Origin {
            file: fname.clone(),
            line: line_no,
        };
        let mut err = |m: String| {
            errors.push(DictError {
                file: fname.to_string(),
                line: line_no,
                message: m,
            })
        };
        let line = strip_comment(raw);
        if line.trim().is_empty() {
            continue;
        }
        let indented = line.starts_with(' ') || line.starts_with('\t');
        let line = line.trim();
        if indented {
            let Some((key, value)) = line.split_once(':') else {
                err(format!("attribute line needs `key: value`, found {line:?}"));
                continue;
            };
            let (key, value) = (key.trim(), value.trim());
            if key == "example" {
                match parse_example(value, origin) {
                    Ok(ex) => dict.examples.push(ex),
                    Err(m) => err(m),
                }
                continue;
            }
            let Some(idx) = open else {
                err(format!("attribute `{key}` is not under an entry"));
                continue;
            };
            match kind {
                Kind::Countries | Kind::Regions => {
                    let c = &mut dict.countries[idx];
                    match key {
                        "names" => c.names.extend(split_list(value)),
                        "adjectives" => c.adjectives.extend(split_list(value)),
                        "demonyms" => c.demonyms.extend(split_list(value)),
                        "capitals" => c.capitals.extend(split_list(value)),
                        "institutions" => {
                            for item in split_list(value) {
                                match item.split_once('=') {
                                    Some((n, s)) if is_code(s.trim()) => c
                                        .institutions
                                        .push((n.trim().to_string(), s.trim().to_string())),
                                    _ => {
                                        err(format!("institution {item:?} must be `NAME = SECTOR`"))
                                    }
                                }
                            }
                        }
                        _ => err(format!("unknown country attribute `{key}`")),
                    }
                }
                Kind::People => {
                    let p = &mut dict.people[idx];
                    match key {
                        "aliases" | "names" => p.aliases.extend(split_list(value)),
                        "role" => match parse_role(value) {
                            Ok(r) => p.roles.push(r),
                            Err(m) => err(m),
                        },
                        "after" | "before" | "code" if is_code(value) => {
                            let v = Some(value.to_string());
                            match key {
                                "after" => p.after = v,
                                "before" => p.before = v,
                                _ => p.code = v,
                            }
                        }
                        "after" | "before" | "code" => {
                            err(format!("{value:?} is not a CAMEO actor code"))
                        }
                        _ => err(format!("unknown person attribute `{key}`")),
                    }
                }
                Kind::Organizations => {
                    let o = &mut dict.organizations[idx];
                    match key {
                        "names" => o.names.extend(split_list(value)),
                        "refs" => o.refs.extend(split_list(value)),
                        _ => err(format!("unknown organization attribute `{key}`")),
                    }
                }
                _ => err(format!(
                    "attribute `{key}` is not allowed in this kind of file"
                )),
            }
            continue;
        }
        open = None;
        match kind {
            Kind::Countries | Kind::Regions | Kind::Organizations => {
                let (code, name) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
                let code = code.trim_end_matches(':');
                // an organization may stand for several actors at once ("ELR+GAL  Lorien"):
                // each of its acts is coded once per member
                let several = kind == Kind::Organizations
                    && code.contains(crate::resolve::PAIR_SEPARATOR)
                    && code.split(crate::resolve::PAIR_SEPARATOR).all(is_code);
                if !(is_code(code) || several) || name.trim().is_empty() {
                    err(format!(
                        "entry header must be `CODE  Primary Name`, found {line:?}"
                    ));
                    continue;
                }
                let origin = origin.clone();
                if kind == Kind::Organizations {
                    dict.organizations.push(OrgEntry {
                        code: code.into(),
                        names: vec![name.trim().into()],
                        refs: vec![],
                        origin,
                    });
                    open = Some(dict.organizations.len() - 1);
                } else {
                    dict.countries.push(CountryEntry {
                        code: code.into(),
                        names: vec![name.trim().into()],
                        adjectives: vec![],
                        demonyms: vec![],
                        capitals: vec![],
                        institutions: vec![],
                        is_region: kind == Kind::Regions,
                        origin,
                    });
                    open = Some(dict.countries.len() - 1);
                }
            }
            Kind::People => {
                dict.people.push(PersonEntry {
                    name: line.to_string(),
                    aliases: vec![],
                    roles: vec![],
                    after: None,
                    before: None,
                    code: None,
                    origin,
                });
                open = Some(dict.people.len() - 1);
            }
            Kind::Agents => {
                let Some((head, nouns)) = line.split_once(':') else {
                    err(format!(
                        "agent line must be `SECTOR: nouns`, found {line:?}"
                    ));
                    continue;
                };
                let mut h = head.split_whitespace();
                let sector = h.next().unwrap_or("");
                let (generic, prefix, owned) = match h.next() {
                    None => (false, false, false),
                    Some("generic") => (true, false, false),
                    Some("prefix") => (false, true, false),
                    Some("owned") => (false, false, true),
                    Some(x) => {
                        err(format!(
                            "unknown agent qualifier {x:?} (`generic`, `prefix` or `owned`)"
                        ));
                        continue;
                    }
                };
                if !is_code(sector) {
                    err(format!("{sector:?} is not a sector code"));
                    continue;
                }
                dict.agents.push(AgentEntry {
                    sector: sector.into(),
                    nouns: split_list(nouns),
                    generic,
                    prefix,
                    owned,
                    origin,
                });
            }
            Kind::Verbs | Kind::Nouns => {
                let (code, pat) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
                let pat = pat.split_whitespace().collect::<Vec<_>>().join(" ");
                let (code, reverse_code) = match code.split_once(':') {
                    Some((c, r)) if kind == Kind::Verbs && is_cameo(r) => (c, Some(r.to_string())),
                    _ => (code, None),
                };
                if !is_cameo(code) {
                    err(format!(
                        "pattern line must start with a CAMEO code, found {line:?}"
                    ));
                    continue;
                }
                if pat.is_empty() {
                    err("pattern is empty".into());
                    continue;
                }
                let e = PatternEntry {
                    code: code.into(),
                    reverse_code,
                    text: pat,
                    nominal: kind == Kind::Nouns,
                    origin,
                };
                if kind == Kind::Nouns {
                    dict.nouns.push(e);
                } else {
                    dict.verbs.push(e);
                }
            }
            Kind::Modality | Kind::Discards => {
                let Some((class, words)) = line.split_once(':') else {
                    err(format!(
                        "line must be `CLASS: words | phrases`, found {line:?}"
                    ));
                    continue;
                };
                let e = CueEntry {
                    class: class.trim().to_lowercase(),
                    phrases: split_list(words),
                    origin,
                };
                if kind == Kind::Modality {
                    dict.modality.push(e);
                } else {
                    dict.discards.push(e);
                }
            }
            Kind::Irregular => {
                let f: Vec<&str> = line.split_whitespace().collect();
                if !(3..=5).contains(&f.len()) {
                    err(format!("irregular verb line must be `lemma past participle [third] [gerund]`, found {line:?}"));
                    continue;
                }
                dict.irregular.push(IrregularVerb {
                    lemma: f[0].to_lowercase(),
                    past: f[1].to_lowercase(),
                    participle: f[2].to_lowercase(),
                    third: f.get(3).map(|s| s.to_lowercase()),
                    gerund: f.get(4).map(|s| s.to_lowercase()),
                    origin,
                });
            }
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_kind_and_reports_bad_lines() {
        let mut d = Dictionary::default();
        let e = parse_file(
            "countries.txt",
            "RUS  Russia  # comment\n  names: Russian Federation\n  adjectives: Russian\n  institutions: Kremlin = GOV | bad\n  example: Russia accused Ukraine of shelling. => RUS UKR 112\nbadheader\n",
            &mut d,
        );
        assert_eq!(d.countries.len(), 1);
        assert_eq!(d.countries[0].names, ["Russia", "Russian Federation"]);
        assert_eq!(
            d.countries[0].institutions,
            [("Kremlin".to_string(), "GOV".to_string())]
        );
        assert_eq!(
            d.examples[0].expected,
            [("RUS".into(), Some("UKR".into()), "112".into())]
        );
        assert_eq!(e.len(), 2, "{e:?}");
        assert_eq!(e[0].line, 4);
        assert_eq!(e[1].line, 6);

        let e = parse_file(
            "people_x.txt",
            "Joe Biden\n  aliases: Biden\n  role: USAGOV 2021-01-20..2025-01-20\n  role: USAGOV 2025-01-20..2021-01-01\n",
            &mut d,
        );
        assert_eq!(e.len(), 1);
        assert_eq!(d.people[0].roles.len(), 1);

        let e = parse_file(
            "verbs_a.txt",
            "112  accuse + of\n  example: @2020-01-01 A accused B. => none\nxx accuse\n",
            &mut d,
        );
        assert_eq!(d.verbs[0].text, "accuse + of");
        assert!(d.examples[1].expected.is_empty());
        assert_eq!(e.len(), 1);

        let e = parse_file(
            "agents.txt",
            "MIL: troops | soldier\nGOV generic: official\n",
            &mut d,
        );
        assert!(e.is_empty());
        assert!(d.agents[1].generic);
        assert_eq!(parse_file("unknown.txt", "x", &mut d).len(), 1);
    }

    #[test]
    fn person_code_follows_dated_roles() {
        let mut d = Dictionary::default();
        parse_file("people.txt", "Joe Biden\n  role: USAGOV 2009-01-20..2017-01-20\n  role: USAGOV 2021-01-20..2025-01-19\n", &mut d);
        let p = &d.people[0];
        let on = |s: &str| p.code_on(s.parse().unwrap()).unwrap();
        assert_eq!(on("2022-03-01"), "USAGOV");
        assert_eq!(on("2019-03-01"), "USAELI");
        assert_eq!(on("2026-03-01"), "USAELI");
        assert_eq!(on("2000-03-01"), "USAELI");
    }
}
