//! Reading PETRARCH and TABARI dictionaries into dyad's [`Dictionary`].
//!
//! Users have years of work in these files; dyad codes with them directly (`dyad code
//! --petr-verbs ... --petr-actors ...`) or converts them (`dyad dict import petrarch`). Both
//! generations of verb dictionary share one layout, which this module reads:
//!
//! ```text
//! &SYNSET            a set of interchangeable words, members on `+WORD` lines
//! --- NAME [code] ---   a verb block: verb lines, then pattern lines
//! VERB {FORMS} [code]   a verb (irregular forms in braces; its own default code)
//! +PHRASAL_VERB         a multi-word verb ("wage war")
//! - words * words [code]   a pattern: `*` the verb, `+` the target, `$` the source,
//!                          `^` skip, `%` compound actor, `&SYN` a synset,
//!                          `(..)` and `{..}` phrase groups, `_` joins adjacent words
//! ```
//!
//! dyad's pattern language keeps words before `*` as pre-verb context (`said * accuse +`) but
//! reads target and source slots only after the verb, with one exception: a `+` first before
//! the verb with a `$` after it (`+ * FROM $`) is dyad's subject-is-target pattern. Other
//! `+`/`$` before `*` are dropped (the import report counts these); a `%` first before the verb asks for a compound subject, other
//! `^` and `%` are ignored, and groups are flattened. Everything
//! else maps one to one: synsets become alternatives (a member may be a phrase, `+DID N'T`),
//! `_` keeps its meaning of adjacent words (`NEW_&TIETYPES_RELATIONS` is one literal, and does
//! not match "new global economic relations"), `$` and `+` keep theirs.
//!
//! Actor files (`NAME [CODE]`, `+SYNONYM`, a code line after a block, dated codes
//! `[USAGOV 010120-090120]`, `>010120`, `<010120`) become countries (bare three-letter
//! codes), institution-style entries (codes with sectors) or people (dated codes). Agent files
//! (`NAME {PLURALS} [~SECTOR]`, `!PERSON!` substitution sets) become role nouns. Discard files
//! become sentence (`WORD`) and story (`+WORD`) discards. Issue files are not coded by dyad;
//! their lines are reported as skipped with that reason.
//!
//! Every line that cannot be represented is reported with its file, line and reason; nothing is
//! dropped silently.

use super::*;
use std::collections::BTreeMap;

/// The PETRARCH files to read.
#[derive(Debug, Clone, Default)]
pub struct PetrFiles {
    pub verbs: Option<(String, String)>,
    pub actors: Vec<(String, String)>,
    pub agents: Option<(String, String)>,
    pub discards: Option<(String, String)>,
    pub issues: Option<(String, String)>,
}

/// Counts of what an import read and how it was represented.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportStats {
    pub synsets: usize,
    pub verbs: usize,
    pub patterns: usize,
    /// Patterns whose target or source marker before the verb was dropped (dyad reads slots
    /// after the verb; words before it are kept).
    pub patterns_without_preverb_context: usize,
    pub actors: usize,
    pub dated_actors: usize,
    pub agents: usize,
    pub discards: usize,
}

/// The result of reading PETRARCH dictionaries.
#[derive(Debug, Clone, Default)]
pub struct PetrImport {
    pub dict: Dictionary,
    /// Lines not imported, or imported only approximately, with the reason.
    pub skipped: Vec<DictError>,
    pub stats: ImportStats,
}

/// A line without its comment: PETRARCH writes `#`, TABARI-era files `;` after a space
/// ("GOLLUM  ; pas 27 Apr 03").
fn strip_comment(line: &str) -> &str {
    let hash = line.find('#');
    let semicolon = line
        .char_indices()
        .find(|&(i, c)| c == ';' && line[..i].ends_with(char::is_whitespace))
        .map(|(i, _)| i);
    let l = match (hash, semicolon) {
        (Some(a), Some(b)) => &line[..a.min(b)],
        (Some(i), None) | (None, Some(i)) => &line[..i],
        (None, None) => line,
    };
    l.trim()
}

fn words_of(name: &str) -> String {
    // PETRARCH joins words with `_`; a trailing `_` only marks an exact (unstemmed) word
    name.trim_matches('_')
        .split('_')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// An actor name as dyad writes it: PETRARCH's `THE_SHIRE` is "Shire", since dyad reads an
/// article before a name as an article ("the Netherlands" is found by "Netherlands"; a name
/// starting with "The" matched no text).
fn actor_name(written: &str) -> String {
    let name = name_case(&words_of(written));
    match name.strip_prefix("The ") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => name,
    }
}

/// PETRARCH writes names in capitals; dyad matches a capitalised dictionary word against any
/// capitalised text word, so "IRAN" becomes "Iran" (and still matches "IRAN" in a headline).
/// Function words inside a name stay lower-case, as news writes them: "PRINCE OF DOL AMROTH"
/// is "Prince of Dol Amroth" ("Prince Of" matched no text).
fn name_case(name: &str) -> String {
    name.split(' ')
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lowercase();
            if i > 0 && matches!(lower.as_str(), "of" | "the" | "and" | "for" | "on" | "in") {
                return lower;
            }
            let mut cs = w.chars();
            match cs.next() {
                Some(f) => f
                    .to_uppercase()
                    .chain(cs.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `[CODE]`, `[042:043]`, `[---]`: the first code, `None` for `---`.
fn bracket_code(s: &str) -> Option<Option<String>> {
    let open = s.rfind('[')?;
    let close = s[open..].find(']')? + open;
    let inner = s[open + 1..close].trim();
    if inner.starts_with("---") || inner.is_empty() {
        return Some(None);
    }
    Some(Some(inner.to_string()))
}

/// Whether a pattern's code names an event: CAMEO codes start with a digit (`023?` marks a
/// doubtful one). TABARI's `+++` (a complex event, coded only with its COMPLEX option) and the
/// placeholders of its validation dictionaries (`###`, `xxy`) do not, and a pattern carrying
/// one must not shadow the patterns after it: "restore fxll diplomatic ties" is 064 by
/// `* DIPLOMATIC`, not `+++` by `* FXLL DIPLOMATIC`.
fn is_event_code(code: &str) -> bool {
    code.starts_with(|c: char| c.is_ascii_digit())
}

/// `032:033` → (`032`, `033`): a paired code's act and the target's act back on the source.
fn split_code(code: &str) -> (String, Option<String>) {
    match code.split_once(':') {
        Some((c, r)) if !r.trim().is_empty() && !r.trim().starts_with("---") => {
            (c.trim().to_string(), Some(r.trim().to_string()))
        }
        Some((c, _)) => (c.trim().to_string(), None),
        None => (code.trim().to_string(), None),
    }
}

/// Read a verb dictionary of either generation into patterns and irregular forms.
pub fn read_verbs(file: &str, text: &str, out: &mut PetrImport) {
    let origin_file: Arc<str> = Arc::from(file);
    let mut synsets: BTreeMap<String, Vec<String>> = BTreeMap::new();
    // first pass: synsets (they may be used before they are defined)
    let mut current_syn: Option<String> = None;
    for raw in text.lines() {
        let line = strip_comment(raw);
        if raw.trim().is_empty() {
            current_syn = None;
            continue;
        }
        if line.is_empty() {
            continue; // a comment line inside a synset
        }
        if let Some(name) = line.strip_prefix('&') {
            // a trailing `_` (exact-word marker) is not part of the synset's name
            current_syn = Some(format!(
                "&{}",
                name.split_whitespace()
                    .next()
                    .unwrap_or("")
                    .trim_end_matches('_')
            ));
            synsets.entry(current_syn.clone().unwrap()).or_default();
            continue;
        }
        if line.starts_with("---") {
            current_syn = None;
            continue;
        }
        if let (Some(s), Some(m)) = (&current_syn, line.strip_prefix('+')) {
            synsets
                .get_mut(s)
                .unwrap()
                // a member may be a phrase ("+DID N'T", "+AUSTRIAN GOLD FLORIN")
                .push(m.split_whitespace().collect::<Vec<_>>().join("_"));
        }
    }
    out.stats.synsets += synsets.len();

    let mut block_code: Option<String> = None;
    // (lemma, extra literal words after it, words before it: `WIRE_+TAP` is "wire" + "tap")
    let mut block_verbs: Vec<(String, Vec<String>, Vec<String>)> = Vec::new();
    let mut in_synset = false;
    for (i, raw) in text.lines().enumerate() {
        let line_no = (i + 1) as u32;
        let origin = Origin {
            file: origin_file.clone(),
            line: line_no,
        };
        let mut skip = |m: &str| {
            out.skipped.push(DictError {
                file: file.to_string(),
                line: line_no,
                message: m.to_string(),
            })
        };
        let line = strip_comment(raw);
        if raw.trim().is_empty() {
            in_synset = false;
            continue;
        }
        if line.is_empty() || line.starts_with("<!--") || line.starts_with("-->") {
            continue;
        }
        if line.starts_with('&') {
            in_synset = true;
            continue;
        }
        if let Some(rest) = line.strip_prefix("---") {
            in_synset = false;
            block_verbs.clear();
            block_code = bracket_code(rest).flatten().filter(|c| is_event_code(c));
            continue;
        }
        if in_synset {
            if !line.starts_with('+') {
                skip("synset member without `+`: not imported");
            }
            continue;
        }
        if let Some(pat) = line.strip_prefix('-') {
            // a pattern line
            let Some(code) = bracket_code(pat) else {
                skip("pattern line without a [code]");
                continue;
            };
            let Some(code) = code else { continue }; // [---]: explicitly no event
            if !is_event_code(&code) {
                skip("pattern code is no event code (TABARI's `+++` complex marker or a placeholder)");
                continue;
            }
            if block_verbs.is_empty() {
                skip("pattern before any verb of its block");
                continue;
            }
            let body = &pat[..pat.rfind('[').unwrap()];
            match convert_pattern(body, &synsets) {
                Ok((elems, dropped_pre)) => {
                    if dropped_pre {
                        out.stats.patterns_without_preverb_context += 1;
                    }
                    let (pre, post) = match elems.split_once(" * ") {
                        Some((a, b)) => (format!("{a} * "), b.to_string()),
                        None => (String::new(), elems.clone()),
                    };
                    for (lemma, extra, before) in &block_verbs {
                        let pre = match (pre.as_str(), before.is_empty()) {
                            (_, true) => pre.clone(),
                            ("", false) => format!("{} * ", before.join(" ")),
                            (p, false) => {
                                format!("{} {} * ", p.trim_end_matches(" * "), before.join(" "))
                            }
                        };
                        let mut text = format!("{pre}{lemma}");
                        for w in extra {
                            text.push(' ');
                            text.push_str(w);
                        }
                        if !post.is_empty() {
                            text.push(' ');
                            text.push_str(&post);
                        }
                        // PETRARCH matches a pattern's words as written
                        text.push_str(" =");
                        let (code, reverse_code) = split_code(&code);
                        out.dict.verbs.push(PatternEntry {
                            code,
                            reverse_code,
                            text,
                            nominal: false,
                            origin: origin.clone(),
                        });
                        out.stats.patterns += 1;
                    }
                }
                Err(m) => skip(&m),
            }
            continue;
        }
        // a verb line: VERB {FORMS} [code] or +MULTI_WORD {...}
        let (head, forms) = match (line.find('{'), line.find('}')) {
            (Some(a), Some(b)) if b > a => (
                format!("{}{}", &line[..a], &line[b + 1..]),
                Some(&line[a + 1..b]),
            ),
            _ => (line.to_string(), None),
        };
        let own_code = bracket_code(&head).flatten().filter(|c| is_event_code(c));
        let name = head
            .split('[')
            .next()
            .unwrap_or("")
            .trim()
            .trim_start_matches('+');
        let name = name.split_whitespace().next().unwrap_or("");
        if name.is_empty()
            || !name
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '_' | '-' | '\'' | '.' | '+'))
        {
            skip("verb line not understood");
            continue;
        }
        let all_words: Vec<String> = words_of(name)
            .split(' ')
            .map(|w| w.to_lowercase())
            .collect();
        // `WIRE_+TAP`, `KLM_NOP_+RST`: the `+` word is the verb, the words before it stand
        // before it
        let head = all_words
            .iter()
            .position(|w| w.starts_with('+'))
            .unwrap_or(0);
        let words: Vec<String> = all_words[head..]
            .iter()
            .map(|w| w.trim_start_matches('+').to_string())
            .collect();
        let before: Vec<String> = all_words[..head].to_vec();
        if words[0].is_empty() || before.iter().any(|w| w.contains('+')) {
            skip("verb line not understood");
            continue;
        }
        let lemma = words[0].clone();
        let extra: Vec<String> = words[1..].to_vec();
        if let Some(f) = forms {
            let mut irr = IrregularVerb {
                lemma: lemma.clone(),
                past: String::new(),
                participle: String::new(),
                third: None,
                gerund: None,
                origin: origin.clone(),
            };
            for form in f.split_whitespace() {
                // the inflected word of a multi-word form: the `+` one (`WIRE_+TAPPED`), else
                // the first
                let form_words: Vec<String> = words_of(form.trim_start_matches('+'))
                    .split(' ')
                    .map(str::to_lowercase)
                    .collect();
                let w = form_words
                    .iter()
                    .find(|w| w.starts_with('+'))
                    .unwrap_or(&form_words[0])
                    .trim_start_matches('+')
                    .to_string();
                if w.is_empty() {
                    continue;
                }
                if w.ends_with("ing") {
                    irr.gerund = Some(w);
                } else if w.ends_with('s') && !w.ends_with("ss") && (w.len() <= lemma.len() + 2) {
                    irr.third = Some(w);
                } else {
                    if irr.past.is_empty() {
                        irr.past = w.clone();
                    }
                    irr.participle = w;
                }
            }
            if !irr.past.is_empty() || irr.third.is_some() || irr.gerund.is_some() {
                let regular = inflect(&lemma);
                if irr.past.is_empty() {
                    irr.past = regular[2].clone();
                    irr.participle = regular[3].clone();
                }
                out.dict.irregular.push(irr);
            }
        }
        out.stats.verbs += 1;
        // the verb alone codes the block's (or its own) code with the next actor as target
        if let Some(code) = own_code.or_else(|| block_code.clone()) {
            let mut text = if before.is_empty() {
                String::new()
            } else {
                format!("{} * ", before.join(" "))
            };
            text.push_str(&words.join(" "));
            text.push_str(" +? =");
            let (code, reverse_code) = split_code(&code);
            out.dict.verbs.push(PatternEntry {
                code,
                reverse_code,
                text,
                nominal: false,
                origin: origin.clone(),
            });
            out.stats.patterns += 1;
        }
        block_verbs.push((lemma, extra, before));
    }
}

/// Convert a pattern body ("SUGGESTED_+ * DEMAND_&GENINT_CONVENTIONS") to dyad pattern text
/// after the verb ("demand genint-alternatives conventions"). Returns whether words before the
/// verb were dropped.
fn convert_pattern(
    body: &str,
    synsets: &BTreeMap<String, Vec<String>>,
) -> Result<(String, bool), String> {
    // flatten groups, split `_` joins into separate tokens
    let flat: String = body
        .chars()
        .map(|c| {
            if matches!(c, '(' | ')' | '{' | '}') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let mut toks: Vec<String> = Vec::new();
    for t in flat.split_whitespace() {
        for part in t.split('_') {
            if !part.is_empty() {
                toks.push(part.to_string());
            }
        }
    }
    let Some(star) = toks.iter().position(|t| t == "*") else {
        return Err("pattern without `*` (verb position)".into());
    };
    // words before the verb are kept as pre-verb context (`said * accuse +`), each
    // whitespace-separated group one element whose `_`-joined words must be adjacent and whose
    // synsets become alternatives (`&NEGATVAUXVRB_EVER *` → `did_n't_ever|will_not_ever|…`);
    // slot markers there (`+`, `$`) are dropped, which the import counts as approximated
    let mut pre: Vec<String> = Vec::new();
    for group in flat.split_whitespace() {
        let parts: Vec<&str> = group.split('_').filter(|p| !p.is_empty()).collect();
        let (parts, last) = match parts.iter().position(|p| *p == "*") {
            Some(k) => (&parts[..k], true),
            None => (&parts[..], false),
        };
        // `%` before the verb: the subject is a compound whose members act on each other
        if parts.first() == Some(&"%") && !pre.iter().any(|p| p == "%") {
            pre.insert(0, "%".into());
        }
        // a target standing before the verb (`NOTED + *`, `SUGGESTED_+ *`) keeps its place
        let pieces: Vec<&[&str]> = parts.split(|p| *p == "+").collect();
        for (k, piece) in pieces.iter().enumerate() {
            if k > 0 {
                pre.push("+".into());
            }
            if let Some(alts) = joined_group(piece, synsets)? {
                // `RECENTLY_*`: words joined to the verb stand right before it ("recently
                // did allow" is no match), written with `_` last
                let adjacent = last && k + 1 == pieces.len();
                pre.push(if adjacent {
                    alts.split('|')
                        .map(|a| format!("{a}_"))
                        .collect::<Vec<_>>()
                        .join("|")
                } else {
                    alts
                });
            }
        }
        if last {
            break;
        }
    }
    // `+ * FROM $`: a target first before the verb, with a source after it, is dyad's
    // subject-is-target pattern (`+ * free from $`); other slots before the verb are dropped
    let count = |ts: &[String], m: &str| ts.iter().filter(|t| *t == m).count();
    let subject_is_target = toks[0] == "+"
        && count(&toks[..star], "+") == 1
        && count(&toks[..star], "$") == 0
        && count(&toks[star + 1..], "+") == 0
        && count(&toks[star + 1..], "$") == 1;
    // any other `+` before the verb is a target standing there (`NOTED + * REGRET`: "Gondor
    // noted that Mordor regretted"); dyad reads one, and none beside a `+` after the verb
    // (a bare `+ *` is read as before: the verb's own target)
    let keep_pre_target = subject_is_target
        || (count(&toks[..star], "+") == 1
            && count(&toks[star + 1..], "+") == 0
            && pre.iter().any(|w| w != "+"));
    if !keep_pre_target {
        pre.retain(|w| w != "+");
    }
    let dropped_pre = toks[..star].iter().any(|t| t == "$")
        || (!keep_pre_target && toks[..star].iter().any(|t| t == "+"));
    // after the verb, a `_`-joined group of words and synsets is one literal whose words must be
    // adjacent (`NEW_&TIETYPES_RELATIONS` does not match "new global economic relations"); a
    // group holding a slot marker is read word by word
    let mut post_groups: Vec<Vec<&str>> = Vec::new();
    let mut after_star = false;
    for group in flat.split_whitespace() {
        let parts: Vec<&str> = group.split('_').filter(|p| !p.is_empty()).collect();
        if after_star {
            post_groups.push(parts);
        } else if let Some(k) = parts.iter().position(|p| *p == "*") {
            after_star = true;
            post_groups.push(parts[k + 1..].to_vec());
        }
    }
    let is_word = |w: &str| w.starts_with('&') || is_plain_word(w);
    let mut out: Vec<String> = Vec::new();
    for parts in &post_groups {
        if parts.len() > 1 && parts.iter().all(|p| is_word(p)) {
            out.extend(joined_group(parts, synsets)?);
        } else {
            for t in parts {
                convert_post_token(t, synsets, &mut out)?;
            }
        }
    }
    // dyad reads one target slot; keep the first
    let mut seen_target = false;
    out.retain(|w| {
        if w == "+" {
            if seen_target {
                return false;
            }
            seen_target = true;
        }
        true
    });
    // TABARI/PETRARCH find the target of a pattern without `+` as the first actor after the
    // verb; dyad writes that as a loose, optional target at the end
    if !subject_is_target && !out.iter().any(|w| w == "+") && !pre.iter().any(|w| w == "+") {
        out.push("+?".into());
    }
    let post = out.join(" ");
    Ok((
        if pre.is_empty() {
            post
        } else {
            format!("{} * {post}", pre.join(" "))
        },
        dropped_pre,
    ))
}

/// One word, slot marker or synset after the verb, appended to the dyad pattern `out`.
fn convert_post_token(
    t: &str,
    synsets: &BTreeMap<String, Vec<String>>,
    out: &mut Vec<String>,
) -> Result<(), String> {
    match t {
        "+" => out.push("+".into()),
        "$" => out.push("$".into()),
        "^" => out.push("^".into()),
        "%" | "*" => {}
        s if s.starts_with('&') => {
            let alts = synset_words(s, synsets)?;
            if alts.is_empty() {
                return Err(format!("synset {s} is empty"));
            }
            out.push(alts.join("|"));
        }
        w if is_plain_word(w) => out.push(w.to_lowercase()),
        w => return Err(format!("token {w:?} not understood")),
    }
    Ok(())
}

/// One `_`-joined group of words and synsets as a dyad literal whose alternatives are runs of
/// adjacent words (`&NEGATVAUXVRB_EVER` → `did_n't_ever|will_not_ever|…`), or `None` when it
/// holds no word (only slot markers). At most 64 alternatives are kept.
fn joined_group(
    parts: &[&str],
    synsets: &BTreeMap<String, Vec<String>>,
) -> Result<Option<String>, String> {
    let mut runs: Vec<String> = vec![String::new()];
    for part in parts {
        let alts: Vec<String> = match *part {
            "+" | "$" | "^" | "%" => continue,
            s if s.starts_with('&') => synset_words(s, synsets)?,
            w if is_plain_word(w) => vec![w.to_lowercase()],
            _ => continue,
        };
        let mut next = Vec::new();
        for r in &runs {
            for a in &alts {
                if next.len() < 64 {
                    next.push(if r.is_empty() {
                        a.clone()
                    } else {
                        format!("{r}_{a}")
                    });
                }
            }
        }
        runs = next;
    }
    Ok(if runs.iter().all(String::is_empty) {
        None
    } else {
        Some(runs.join("|"))
    })
}

/// A synset's words (`&NEGATVAUXVRB` → `did_n't`, `will_not`, …), nested synsets expanded.
fn synset_words(
    name: &str,
    synsets: &BTreeMap<String, Vec<String>>,
) -> Result<Vec<String>, String> {
    let key = name.trim_end_matches(|c: char| !c.is_alphanumeric());
    let members = synsets
        .get(key)
        .or_else(|| synsets.get(name))
        .ok_or_else(|| format!("unknown synset {name}"))?;
    Ok(expand_synset(members, synsets, 0))
}

/// A pattern word as PETRARCH writes one: letters, digits, `'`, `-`, `.`.
fn is_plain_word(w: &str) -> bool {
    w.chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '\'' | '-' | '.'))
}

fn expand_synset(
    members: &[String],
    synsets: &BTreeMap<String, Vec<String>>,
    depth: usize,
) -> Vec<String> {
    let mut out = Vec::new();
    for m in members {
        if m.starts_with('&') && depth < 4 {
            if let Some(inner) = synsets.get(m.trim_end_matches(|c: char| !c.is_alphanumeric())) {
                out.extend(expand_synset(inner, synsets, depth + 1));
            }
        } else {
            let w = words_of(m).to_lowercase().replace(' ', "_");
            if !w.is_empty() {
                out.push(w);
            }
        }
    }
    out
}

/// `950701` (YYMMDD) or `19950701` (YYYYMMDD).
fn petr_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let (y, rest) = match s.len() {
        6 => {
            let yy: i32 = s[..2].parse().ok()?;
            (if yy > 30 { 1900 + yy } else { 2000 + yy }, &s[2..])
        }
        8 => (s[..4].parse().ok()?, &s[4..]),
        _ => return None,
    };
    Date::new(y, rest[..2].parse().ok()?, rest[2..4].parse().ok()?)
}

/// One `[CODE date]` of an actor: code and role dates.
fn actor_code(inner: &str) -> Result<Role, String> {
    let mut it = inner.split_whitespace();
    let code = it.next().ok_or("empty code")?.to_uppercase();
    // `[--- <950630]`: not an actor during those dates (an undated `---` is no actor at all,
    // and is reported)
    let rest: Vec<&str> = it.clone().collect();
    if code == NO_ACTOR && !rest.is_empty() {
        let (from, to) = role_dates(&rest.join(""))?;
        return Ok(Role { code, from, to });
    }
    // `[ELR/GAL]`: an actor standing for several, each coded (dyad writes `ELR+GAL`)
    let members: Vec<&str> = code.split('/').collect();
    if members
        .iter()
        .any(|m| m.is_empty() || !m.chars().all(|c| c.is_ascii_alphanumeric()))
    {
        return Err(format!("actor code {code:?} is not letters and digits"));
    }
    let code = members.join(&crate::resolve::PAIR_SEPARATOR.to_string());
    // the date may be written with spaces: "< 950601", "19950601 - 19990815"
    let joined: String = it.collect::<Vec<_>>().join("");
    let (from, to) = role_dates(&joined)?;
    Ok(Role { code, from, to })
}

/// The dates of a role, written without spaces: "", ">950601", "<950601", "950601-990815".
fn role_dates(joined: &str) -> Result<(Option<Date>, Option<Date>), String> {
    Ok(match (!joined.is_empty()).then_some(joined) {
        None => (None, None),
        Some(d) if d.starts_with('>') => (
            Some(petr_date(&d[1..]).ok_or(format!("bad date {d}"))?),
            None,
        ),
        Some(d) if d.starts_with('<') => (
            None,
            Some(petr_date(&d[1..]).ok_or(format!("bad date {d}"))?),
        ),
        Some(d) => {
            let (a, b) = d.split_once('-').ok_or(format!("bad date range {d}"))?;
            (
                Some(petr_date(a).ok_or(format!("bad date {a}"))?),
                Some(petr_date(b).ok_or(format!("bad date {b}"))?),
            )
        }
    })
}

/// Read an actors file.
pub fn read_actors(file: &str, text: &str, out: &mut PetrImport) {
    let origin_file: Arc<str> = Arc::from(file);
    // a block: names (header + synonyms) waiting for their codes
    let mut names: Vec<String> = Vec::new();
    let mut first_line = 0u32;
    let mut pending_codes: Vec<Role> = Vec::new();
    let flush =
        |names: &mut Vec<String>, codes: &mut Vec<Role>, line: u32, out: &mut PetrImport| {
            if names.is_empty() {
                return;
            }
            if codes.is_empty() {
                out.skipped.push(DictError {
                    file: file.to_string(),
                    line,
                    message: "actor without a code".into(),
                });
                names.clear();
                return;
            }
            let origin = Origin {
                file: origin_file.clone(),
                line,
            };
            out.stats.actors += 1;
            let dated = codes.iter().any(|r| r.from.is_some() || r.to.is_some());
            if dated || codes.len() > 1 {
                out.stats.dated_actors += 1;
                // dated codes are roles, tried in order; an undated code is the default outside them
                let default = codes
                    .iter()
                    .find(|r| r.from.is_none() && r.to.is_none())
                    .map(|r| r.code.clone());
                let roles: Vec<Role> = codes
                    .iter()
                    .filter(|r| r.from.is_some() || r.to.is_some())
                    .cloned()
                    .collect();
                out.dict.people.push(PersonEntry {
                    name: names[0].clone(),
                    aliases: names[1..].to_vec(),
                    code: if roles.is_empty() {
                        default.clone()
                    } else {
                        None
                    },
                    roles,
                    after: default.clone(),
                    before: default,
                    origin,
                });
            } else {
                let code = &codes[0].code;
                if code.len() == 3 && code.chars().all(|c| c.is_ascii_alphanumeric()) {
                    // a bare country or region code: names of the country, which role nouns can
                    // attach to ("Freedonian troops")
                    out.dict.countries.push(CountryEntry {
                        code: code.clone(),
                        names: names.clone(),
                        adjectives: vec![],
                        demonyms: vec![],
                        capitals: vec![],
                        institutions: vec![],
                        is_region: false,
                        origin,
                    });
                } else {
                    // a code with sectors names one body ("KREMLIN [RUSGOV]")
                    out.dict.organizations.push(OrgEntry {
                        code: code.clone(),
                        names: names.clone(),
                        refs: vec![],
                        origin,
                    });
                }
            }
            names.clear();
            codes.clear();
        };
    for (i, raw) in text.lines().enumerate() {
        let line_no = (i + 1) as u32;
        let line = strip_comment(raw);
        if line.is_empty() || line.starts_with("<!--") || line.starts_with("-->") {
            continue;
        }
        let indented = raw.starts_with(' ') || raw.starts_with('\t');
        // codes on this line
        let mut codes = Vec::new();
        let mut rest = line;
        let mut bad = None;
        while let Some(a) = rest.find('[') {
            let Some(b) = rest[a..].find(']') else {
                bad = Some("unclosed [".to_string());
                break;
            };
            match actor_code(&rest[a + 1..a + b]) {
                Ok(r) => codes.push(r),
                Err(m) => bad = Some(m),
            }
            rest = &rest[a + b + 1..];
        }
        if let Some(m) = bad {
            out.skipped.push(DictError {
                file: file.to_string(),
                line: line_no,
                message: m,
            });
            continue;
        }
        let name_part = line.split('[').next().unwrap_or("").trim();
        if let Some(syn) = name_part.strip_prefix('+') {
            // a synonym of the current block
            if names.is_empty() {
                out.skipped.push(DictError {
                    file: file.to_string(),
                    line: line_no,
                    message: "synonym without an actor".into(),
                });
                continue;
            }
            names.push(actor_name(syn));
            pending_codes.extend(codes);
            continue;
        }
        if name_part.is_empty() {
            // a code line: more codes (often dated) for the current block
            if names.is_empty() {
                out.skipped.push(DictError {
                    file: file.to_string(),
                    line: line_no,
                    message: "code line without an actor".into(),
                });
            }
            pending_codes.extend(codes);
            continue;
        }
        let _ = indented;
        // a new actor closes the previous block
        flush(&mut names, &mut pending_codes, first_line, out);
        names.push(actor_name(name_part));
        first_line = line_no;
        pending_codes = codes;
    }
    flush(&mut names, &mut pending_codes, first_line, out);
}

/// Read an agents file.
pub fn read_agents(file: &str, text: &str, out: &mut PetrImport) {
    let origin_file: Arc<str> = Arc::from(file);
    let mut subst: Vec<(String, Vec<String>)> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line_no = (i + 1) as u32;
        let line = strip_comment(raw);
        if line.is_empty() || line.starts_with("<!--") || line.starts_with("-->") {
            continue;
        }
        let skip = |m: &str, out: &mut PetrImport| {
            out.skipped.push(DictError {
                file: file.to_string(),
                line: line_no,
                message: m.to_string(),
            })
        };
        if line.starts_with('!') && line.contains('=') {
            if let Some((k, v)) = line.split_once('=') {
                subst.push((
                    k.trim().to_string(),
                    v.split(',')
                        .map(|w| w.trim().to_string())
                        .filter(|w| !w.is_empty())
                        .collect(),
                ));
            } else {
                skip("substitution set must be `!NAME! = A, B`", out);
            }
            continue;
        }
        let Some(code) = bracket_code(line).flatten() else {
            skip("agent without a [~CODE]", out);
            continue;
        };
        // `[~GOV]` appends the sector to the actor's code; `[NGO~]` puts it in front
        let prefix = code.ends_with('~') && !code.starts_with('~');
        let sector = code.trim_matches('~').to_uppercase();
        if sector.is_empty() || !sector.chars().all(|c| c.is_ascii_alphabetic()) {
            skip("agent code not understood", out);
            continue;
        }
        let head = line.split('[').next().unwrap_or("").trim();
        let (name, plurals) = match (head.find('{'), head.find('}')) {
            (Some(a), Some(b)) if b > a => (
                head[..a].trim(),
                head[a + 1..b]
                    .split_whitespace()
                    .map(str::to_string)
                    .collect::<Vec<_>>(),
            ),
            _ => (head, vec![]),
        };
        // expand !SUBST! markers by concatenation ("CONGRESS!PERSON!" -> CONGRESSMAN ...)
        let mut forms = vec![name.to_string()];
        for (k, vals) in &subst {
            if forms.iter().any(|f| f.contains(k.as_str())) {
                forms = forms
                    .iter()
                    .flat_map(|f| vals.iter().map(move |v| f.replace(k.as_str(), v)))
                    .collect();
            }
        }
        if forms.iter().any(|f| f.contains('!')) {
            skip("unknown !SUBSTITUTION! marker", out);
            continue;
        }
        let mut nouns: Vec<String> = forms.iter().map(|f| words_of(f).to_lowercase()).collect();
        nouns.extend(plurals.iter().map(|p| words_of(p).to_lowercase()));
        out.stats.agents += 1;
        out.dict.agents.push(AgentEntry {
            sector,
            nouns,
            generic: false,
            prefix,
            owned: false,
            origin: Origin {
                file: origin_file.clone(),
                line: line_no,
            },
        });
    }
}

/// Read a discards file: `WORDS` (sentence) and `+WORDS` (story).
pub fn read_discards(file: &str, text: &str, out: &mut PetrImport) {
    let origin_file: Arc<str> = Arc::from(file);
    for (i, raw) in text.lines().enumerate() {
        let line = strip_comment(raw);
        if line.is_empty() || line.starts_with("<!--") || line.starts_with("-->") {
            continue;
        }
        let (class, phrase) = match line.strip_prefix('+') {
            Some(p) => ("story", p),
            None => ("sentence", line),
        };
        let phrase = words_of(phrase.trim());
        out.stats.discards += 1;
        out.dict.discards.push(CueEntry {
            class: class.into(),
            phrases: vec![phrase.to_lowercase()],
            origin: Origin {
                file: origin_file.clone(),
                line: (i + 1) as u32,
            },
        });
    }
}

/// Issue files: not coded by dyad; every entry is reported.
pub fn read_issues(file: &str, text: &str, out: &mut PetrImport) {
    for (i, raw) in text.lines().enumerate() {
        if !strip_comment(raw).is_empty() && !raw.trim_start().starts_with("<!--") {
            out.skipped.push(DictError {
                file: file.to_string(),
                line: (i + 1) as u32,
                message: "issue coding is not part of dyad's events: line not imported".into(),
            });
        }
    }
}

/// Read a set of PETRARCH files.
pub fn import(files: &PetrFiles) -> PetrImport {
    let mut out = PetrImport::default();
    if let Some((n, t)) = &files.verbs {
        read_verbs(n, t, &mut out);
    }
    for (n, t) in &files.actors {
        read_actors(n, t, &mut out);
    }
    if let Some((n, t)) = &files.agents {
        read_agents(n, t, &mut out);
    }
    if let Some((n, t)) = &files.discards {
        read_discards(n, t, &mut out);
    }
    if let Some((n, t)) = &files.issues {
        read_issues(n, t, &mut out);
    }
    out
}

/// The file names a `PETR_config.ini` gives, in its `[Dictionaries]` section.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PetrConfig {
    pub verbs: Option<String>,
    pub actors: Vec<String>,
    pub agents: Option<String>,
    pub discards: Option<String>,
    pub issues: Option<String>,
}

/// Parse a `PETR_config.ini`.
pub fn parse_config(text: &str) -> PetrConfig {
    let mut c = PetrConfig::default();
    let mut in_dicts = false;
    for raw in text.lines() {
        let line = raw.trim();
        if line.starts_with('[') {
            in_dicts = line.eq_ignore_ascii_case("[Dictionaries]");
            continue;
        }
        if !in_dicts || line.starts_with('#') || line.starts_with(';') {
            continue;
        }
        let Some((k, v)) = line.split_once('=') else {
            continue;
        };
        let v = v.split('#').next().unwrap_or("").trim().to_string();
        match k.trim() {
            "verbfile_name" => c.verbs = Some(v),
            "actorfile_list" => {
                c.actors = v
                    .split(',')
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect()
            }
            "agentfile_name" => c.agents = Some(v),
            "discardfile_name" => c.discards = Some(v),
            "issuefile_name" => c.issues = Some(v),
            _ => {}
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    // A small dictionary in PETRARCH's format, written for these tests.
    const VERBS: &str = "
&WEAPONRY
+TANKS
+ARMORED_VEHICLES

--- CRITICIZE [111] ---
CRITICIZE
DENOUNCE {DENOUNCES DENOUNCED DENOUNCING}
- * + OVER &WEAPONRY [1124]   # made-up test pattern
- SAID * +  [112]
- * WITHOUT_STAR_ISSUE

--- MEET [---] ---
MEET {MEETS MET MEETING}
+HOLD_TALKS
- * WITH + [040]
- * ( WITH + ) IN $ [046]
";
    const ACTORS: &str = "
FREEDONIA_ [FRD]
+FREEDONIAN
SYLVANIA [SYL]
GROUCHO
+HACKENBUSH
\t[FRD < 330101]
\t[FRDGOV 19330101 - 19331231]
RUFUS_T._FIREFLY [FRD]
	[FRDGOV 330101-331231]
	[FRDELI >340101]
KREMLIN_
+OLD_PALACE
\t[SYLGOV]
BROKEN [SYL 9999]
";
    const AGENTS: &str = "
!PERSON! = MAN, MEN
POLICE {} [~COP]
CONGRESS!PERSON! [~LEG]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]
NOCODE
";

    /// `(code, pattern text)` of every imported verb pattern.
    fn verb_texts(out: &PetrImport) -> Vec<(&str, &str)> {
        out.dict
            .verbs
            .iter()
            .map(|p| (p.code.as_str(), p.text.as_str()))
            .collect()
    }

    /// TABARI's `+++` marks a complex event and the validation dictionaries carry
    /// placeholders (`###`, `xxy`): imported as codes, "restore fxll diplomatic ties" was
    /// coded `+++` instead of 064 by the next pattern.
    #[test]
    fn patterns_without_an_event_code_are_not_imported() {
        let mut out = PetrImport::default();
        read_verbs(
            "v.txt",
            "--- RESTORE [064] ---\nRESTORE\n- * FXLL DIPLOMATIC [+++]\n- * DIPLXMATIC [###]\n- * DIPLOMATIC [064]\n\n--- BLAST [+++] ---\nBLAST\n",
            &mut out,
        );
        let texts = verb_texts(&out);
        // (BLAST, whose block code is `+++`, is a verb with no event of its own)
        assert_eq!(
            texts,
            [("064", "restore +? ="), ("064", "restore diplomatic +? =")]
        );
        assert_eq!(out.skipped.len(), 2, "{:?}", out.skipped);
    }

    #[test]
    fn verbs_become_dyad_patterns_with_synsets_and_forms() {
        let mut out = PetrImport::default();
        read_verbs("v.txt", VERBS, &mut out);
        let texts = verb_texts(&out);
        assert!(texts.contains(&("111", "criticize +? =")), "{texts:?}");
        assert!(
            texts.contains(&("1124", "denounce + over tanks|armored_vehicles =")),
            "{texts:?}"
        );
        assert!(
            texts.contains(&("112", "said * criticize + =")),
            "{texts:?}"
        );
        assert!(texts.contains(&("040", "hold talks with + =")), "{texts:?}");
        assert!(texts.contains(&("046", "meet with + in $ =")), "{texts:?}");
        assert_eq!(
            out.stats.patterns_without_preverb_context, 0,
            "words before `*` are kept"
        );
        assert_eq!(out.skipped.len(), 1, "{:?}", out.skipped);
        assert!(out.skipped[0].message.contains("[code]"));
        let denounce = out
            .dict
            .irregular
            .iter()
            .find(|v| v.lemma == "denounce")
            .unwrap();
        assert_eq!(
            (denounce.past.as_str(), denounce.gerund.as_deref()),
            ("denounced", Some("denouncing"))
        );
    }

    #[test]
    fn actors_with_dates_synonyms_and_code_lines() {
        let mut out = PetrImport::default();
        read_actors("a.txt", ACTORS, &mut out);
        let frd = out.dict.countries.iter().find(|c| c.code == "FRD").unwrap();
        assert_eq!(frd.names, ["Freedonia", "Freedonian"]);
        let kremlin = out
            .dict
            .organizations
            .iter()
            .find(|c| c.code == "SYLGOV")
            .unwrap();
        assert_eq!(kremlin.names, ["Kremlin", "Old Palace"]);
        let rufus = out
            .dict
            .people
            .iter()
            .find(|p| p.name.starts_with("Rufus"))
            .unwrap();
        assert_eq!(rufus.name, "Rufus T. Firefly");
        assert_eq!(
            rufus.code_on("1933-06-01".parse().unwrap()).as_deref(),
            Some("FRDGOV")
        );
        assert_eq!(
            rufus.code_on("1935-06-01".parse().unwrap()).as_deref(),
            Some("FRDELI")
        );
        assert_eq!(out.skipped.len(), 1, "{:?}", out.skipped);
        assert_eq!(out.skipped[0].line, 15);
    }

    #[test]
    fn agents_expand_substitutions_and_plurals() {
        let mut out = PetrImport::default();
        read_agents("g.txt", AGENTS, &mut out);
        let nouns: Vec<&str> = out
            .dict
            .agents
            .iter()
            .flat_map(|a| a.nouns.iter().map(String::as_str))
            .collect();
        assert!(
            nouns.contains(&"congressman") && nouns.contains(&"congressmen"),
            "{nouns:?}"
        );
        assert!(nouns.contains(&"attorneys general"));
        assert_eq!(out.dict.agents[0].sector, "COP");
        assert_eq!(out.skipped.len(), 1);
    }

    #[test]
    fn config_names_the_files() {
        let c = parse_config("[Dictionaries]\nverbfile_name = V.txt\nactorfile_list = A.txt, B.txt\nagentfile_name = G.txt # x\n[Options]\nverbfile_name = no\n");
        assert_eq!(c.verbs.as_deref(), Some("V.txt"));
        assert_eq!(c.actors, ["A.txt", "B.txt"]);
        assert_eq!(c.agents.as_deref(), Some("G.txt"));
    }

    #[test]
    fn dates_two_and_four_digit_years() {
        assert_eq!(petr_date("950701").unwrap().to_string(), "1995-07-01");
        assert_eq!(petr_date("070101").unwrap().to_string(), "2007-01-01");
        assert_eq!(petr_date("19171109").unwrap().to_string(), "1917-11-09");
        assert!(petr_date("9999").is_none());
    }
}
