//! Human-readable explanation of how a sentence was coded — for `dyad explain`, written for a
//! political scientist checking the coder, not for a Rust programmer.

use crate::annotate::Tag;
use crate::pipeline::{DocAnalysis, SentenceAnalysis};
use crate::resolve::Resolution;
use std::fmt::Write;

/// Render the analysis of every sentence of a document.
pub fn explain(doc: &DocAnalysis, lex: &crate::dict::Lexicon) -> String {
    let mut out = String::new();
    if let Some(why) = &doc.discarded {
        let _ = writeln!(out, "Article not coded: {why}\n");
    }
    for s in &doc.sentences {
        explain_sentence(&mut out, doc, s, lex);
    }
    out
}

fn tag_name(t: Tag) -> &'static str {
    match t {
        Tag::Det => "det",
        Tag::Pron => "pron",
        Tag::Prep => "prep",
        Tag::Conj => "conj",
        Tag::Sub => "sub",
        Tag::Be => "be",
        Tag::Have => "have",
        Tag::Do => "do",
        Tag::Modal => "modal",
        Tag::Neg => "neg",
        Tag::To => "to",
        Tag::Punct => "punct",
        Tag::Num => "num",
        Tag::Adv => "adv",
        Tag::Poss => "poss",
        Tag::Actor => "ACTOR",
        Tag::Verb => "VERB",
        Tag::Name => "name",
        Tag::Noun => "word",
    }
}

fn explain_sentence(
    out: &mut String,
    doc: &DocAnalysis,
    s: &SentenceAnalysis,
    lex: &crate::dict::Lexicon,
) {
    let text = &doc.clean.text;
    let toks = &s.sentence.tokens;
    let _ = writeln!(
        out,
        "Sentence {}{}: {}",
        s.index,
        if s.sentence.is_headline {
            " (headline)"
        } else {
            ""
        },
        &text[s.sentence.start..s.sentence.end]
    );
    let _ = write!(out, "  Tokens:");
    for (i, t) in toks.iter().enumerate() {
        let _ = write!(out, " {}/{}", t.text(text), tag_name(s.annotated.tags[i]));
    }
    let _ = writeln!(out);
    if s.annotated.phrases.is_empty() {
        let _ = writeln!(out, "  Actors: none found");
    } else {
        let _ = writeln!(out, "  Actors:");
        for (k, p) in s.annotated.phrases.iter().enumerate() {
            let words: Vec<&str> = toks[p.start..p.end].iter().map(|t| t.text(text)).collect();
            let code = match &s.phrase_codes[k] {
                Some((c, Resolution::Dictionary)) => c.clone(),
                Some((c, Resolution::Coreference(why))) => format!("{c} (coreference: {why})"),
                None => "(no code)".into(),
            };
            let _ = writeln!(out, "    \"{}\" -> {}", words.join(" "), code);
            for e in p.describe_entries(lex, toks, text) {
                let _ = writeln!(out, "        entry {e}");
            }
        }
    }
    if !s.annotated.cues.is_empty() {
        let cues: Vec<String> = s
            .annotated
            .cues
            .iter()
            .map(|&(st, n, c)| {
                format!(
                    "{:?} \"{}\"",
                    c,
                    toks[st..st + n]
                        .iter()
                        .map(|t| t.text(text))
                        .collect::<Vec<_>>()
                        .join(" ")
                )
            })
            .collect();
        let _ = writeln!(out, "  Cues: {}", cues.join(", "));
    }
    if let Some(why) = &s.discarded {
        let _ = writeln!(out, "  Not coded: {why}\n");
        return;
    }
    for c in &s.parse.clauses {
        let subj: Vec<String> = c
            .subject
            .iter()
            .map(|&p| {
                let ph = &s.annotated.phrases[p];
                toks[ph.start..ph.end]
                    .iter()
                    .map(|t| t.text(text))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        let mut flags = Vec::new();
        if c.passive {
            flags.push("passive");
        }
        if c.negated {
            flags.push("negated");
        }
        if c.future {
            flags.push("future");
        }
        if c.possible {
            flags.push("modal");
        }
        if c.infinitive {
            flags.push("infinitive");
        }
        let _ = writeln!(
            out,
            "  Clause: verb \"{}\" (lemma {}){} subject [{}]{} modality {}",
            toks[c.verb].text(text),
            lex.lemma(c.lemma),
            if flags.is_empty() {
                String::new()
            } else {
                format!(" [{}]", flags.join(", "))
            },
            subj.join(" + "),
            c.governor
                .map(|g| format!(" governed by \"{}\"", toks[g].text(text)))
                .unwrap_or_default(),
            c.modality.as_str()
        );
        match &c.matched {
            Some(m) => {
                let _ = writeln!(
                    out,
                    "    pattern {} [{}] at {}",
                    m.pattern.text, m.code, m.pattern.origin
                );
            }
            None if !lex.verb_patterns(c.lemma).is_empty() => {
                let _ = writeln!(out, "    no pattern of \"{}\" matched", lex.lemma(c.lemma));
            }
            None => {}
        }
    }
    for (i, m, modality) in &s.parse.nominals {
        let _ = writeln!(
            out,
            "  Event noun \"{}\": pattern {} [{}] at {} modality {}",
            toks[*i].text(text),
            m.pattern.text,
            m.code,
            m.pattern.origin,
            modality.as_str()
        );
    }
    let span_text = |span: crate::situate::Span| {
        toks[span.start..span.end]
            .iter()
            .map(|t| t.text(text))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let host_text = |h: Option<usize>| {
        h.map_or_else(
            || "no clause".to_string(),
            |h| format!("\"{}\"", toks[h].text(text)),
        )
    };
    for (host, t) in &s.situation.times {
        let _ = writeln!(
            out,
            "  Time: \"{}\" belongs to {}{}",
            span_text(t.span),
            host_text(*host),
            if t.mention.is_range_start {
                " (a duration's start, no event date)"
            } else {
                ""
            }
        );
    }
    let gaz = crate::gazetteer::Gazetteer::embedded();
    for (host, p) in &s.situation.places {
        let names: Vec<String> = p
            .candidates
            .iter()
            .take(4)
            .map(|&id| {
                let pl = gaz.place(id);
                format!("{} ({})", pl.name, pl.country.unwrap_or("-"))
            })
            .collect();
        let _ = writeln!(
            out,
            "  Place: \"{}\" belongs to {}; candidates {}{}",
            span_text(p.span),
            host_text(*host),
            names.join(", "),
            if p.candidates.len() > 4 { ", ..." } else { "" }
        );
    }
    if s.events.is_empty() {
        let _ = writeln!(out, "  Events: none");
    } else {
        let _ = writeln!(out, "  Events:");
        for e in &s.events {
            let _ = writeln!(
                out,
                "    {} -> {} {} ({}) {} [{}]  via \"{}\" {}",
                e.source.code,
                e.target.as_ref().map_or("-", |t| t.code.as_str()),
                e.cameo,
                crate::ontology::Ontology::get()
                    .lookup(&e.cameo)
                    .map_or("", |c| c.name.as_str()),
                e.plover.unwrap_or("-"),
                e.modality.as_str(),
                e.evidence.verb,
                e.evidence.pattern
            );
            if e.when.is_some() || e.location.is_some() {
                let _ = writeln!(
                    out,
                    "      when {} ({}), where {}",
                    e.when.as_deref().unwrap_or("-"),
                    e.when_text.as_deref().unwrap_or("no time expression"),
                    e.location.as_ref().map_or("-".to_string(), |l| format!(
                        "{}, {} ({}) from \"{}\"",
                        l.name, l.country, l.feature, l.text
                    ))
                );
            }
        }
    }
    let _ = writeln!(out);
}
