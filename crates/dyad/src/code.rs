//! Stages 5 and 6 — **Parse** and **Code**: shallow clause analysis of one annotated sentence,
//! then verb and noun patterns → candidate events with their modality.
//!
//! The analysis is deliberately shallow and deterministic. For every verb it finds:
//!
//! * the **verb group** — auxiliaries, modals and negators before it ("did not attack",
//!   "will meet", "was accused"), which give negation, future, possibility and passive voice;
//! * the **subject** — walking left from the verb group to the nearest actor phrase that is not
//!   the object of a preposition, skipping parentheticals (", which invaded Ukraine in 2022,"),
//!   taking a relative pronoun's antecedent ("Russia, which ...") and, for a second verb in a
//!   coordination ("condemned the attack and called on ..."), the first verb's subject;
//! * the **pattern** — the most specific verb pattern whose literals and target slot match the
//!   words after the verb; in the passive the subject is the target and the `by` phrase the
//!   source;
//! * the **governor** — the verb whose complement this verb is: the `to`-infinitive of
//!   "agreed to meet", the gerund of "denied shelling", the `that`-clause of "said that". The
//!   governor's cue class (intent, denial, speech, fear) sets the modality of the event.
//!
//! Event nouns ("talks between", "an attack on") are coded where no verb pattern consumed them.

use crate::annotate::{Annotated, Tag};
use crate::dict::{
    literal_matches, singular, ActorKind, CompiledPattern, Lexicon, PatElem, VerbForm,
};
use crate::modality::{CueClass, Modality};
use crate::segment::Sentence;
use std::sync::Arc;

/// The analysis of one verb.
#[derive(Debug, Clone)]
pub struct VerbClause {
    /// Token index of the verb.
    pub verb: usize,
    pub lemma: u32,
    pub form: VerbForm,
    /// First token of the verb group (auxiliaries, modals, negators).
    pub group_start: usize,
    pub negated: bool,
    pub passive: bool,
    /// Future marker in the group or just before it ("will", "is set to").
    pub future: bool,
    /// Possibility marker in the group ("may", "could", "would").
    pub possible: bool,
    pub infinitive: bool,
    /// The modal is "would" (a future in the past after a speech verb).
    pub would: bool,
    /// Coordinated with an earlier infinitive whose subject and governor it shares.
    pub shares_with: Option<usize>,
    /// Subject phrases (a coordination group), by phrase index.
    pub subject: Vec<usize>,
    /// Token index of the governing verb, if this verb is a complement.
    pub governor: Option<usize>,
    pub modality: Modality,
    /// Matched pattern, with its target phrases and the source phrases when they are not the
    /// subject (passive `by`).
    pub matched: Option<PatternMatch>,
    /// A reaction set after the sentence as an appositive (", a move Human Rights Watch
    /// condemned"): its object is the noun before it, which stands for the act or words the
    /// sentence reported; these are the phrases of whoever did or said them.
    pub reaction_to: Option<Vec<usize>>,
    /// Where a relative clause without its "who was" ends, at the verb group of the clause it
    /// is the subject of ("women held hostage in Gaza | were freed by Hamas": the "by" agent
    /// is the freeing's, not the holding's).
    pub ends_before: Option<usize>,
}

/// A verb or noun pattern that matched.
#[derive(Debug, Clone)]
pub struct PatternMatch {
    pub pattern: Arc<CompiledPattern>,
    /// Filler words skipped between the pattern's literals.
    pub literal_gaps: usize,
    pub sources: Vec<usize>,
    pub targets: Vec<usize>,
    /// Tokens the pattern consumed (verb/noun and literals).
    pub span: (usize, usize),
    /// The event code after future/intent mapping.
    pub code: String,
}

/// A coded event before actors are turned into output records.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub source: usize,
    pub target: Option<usize>,
    pub code: String,
    pub modality: Modality,
    pub pattern: Arc<CompiledPattern>,
    /// Token range of the verb or event noun.
    pub trigger: (usize, usize),
    /// Tokens the pattern consumed (the verb or noun and its literal words): "declined to
    /// comment" spans both verbs.
    pub span: (usize, usize),
    /// The source is a pair reference ("the two sides met") doing a symmetric act to each
    /// other: its two members are each other's targets.
    pub mutual: bool,
    /// What the target phrase stands for in the output record.
    pub target_as: TargetAs,
}

/// What a candidate's target phrase stands for when the event record is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TargetAs {
    /// The phrase's own actor.
    #[default]
    Phrase,
    /// A sector of the phrase's country, named by the word at this token: its civilians named
    /// by their property ("looted homes in Irpin"), its protesters by their protests ("resigned
    /// after weeks of protests").
    Sector(&'static str, usize),
    /// The phrase's country ("told visiting U.S. officials": the visit is to China, not to Xi).
    Country,
}

/// Everything the clause analysis found in one sentence.
#[derive(Debug, Clone, Default)]
pub struct SentenceParse {
    pub clauses: Vec<VerbClause>,
    pub nominals: Vec<(usize, PatternMatch, Modality)>,
    pub candidates: Vec<Candidate>,
}

struct Ctx<'a> {
    lex: &'a Lexicon,
    /// Actor code of each phrase (from the resolver), for same-speaker checks.
    codes: &'a [Option<String>],
    s: &'a Sentence,
    a: &'a Annotated,
    /// Tokens inside parentheticals (", which ... ,", "( ... )").
    masked: Vec<bool>,
    /// Cue classes of each verb: its lemma's, plus those of a cue phrase it starts
    /// ("rejected accusations" is a denial); none for a token that is no verb. (A set of bits:
    /// a list per token, borrowed from the lexicon's map, cost a look-up per verb and a branch
    /// per token to drop.)
    cues: Vec<Cues>,
    /// [`Lexicon::literal_id`] of each token's [`crate::dict::literal_key`], or
    /// [`LITERAL_NONE`], or [`LITERAL_UNKNOWN`] until looked up: the pattern pre-filter of
    /// every verb reads the words after it, each looked up once, on first use (a lookup hashes
    /// the word, and most sentences have words no verb reads). Only for the words annotation
    /// did not give one: it gives those of the dictionary words ([`Annotated::literal_ids`]),
    /// read from there ([`Ctx::literal_id`]; copying them here was a branch per token).
    literal_ids: Vec<std::cell::Cell<u32>>,
    /// The coordination group of each phrase as a range of phrase indices, when every group
    /// is a run of consecutive phrases (as annotation makes them): [`Ctx::group_of`] then
    /// reads it instead of scanning every phrase of the sentence for its group.
    group_runs: Option<Vec<std::ops::Range<usize>>>,
    question: bool,
    /// [`match_verb`]'s scratch space.
    scratch: std::cell::RefCell<VerbScratch>,
    /// Each token's [`kind`] bits: the scans over a sentence's tokens test these rather than
    /// read every token's text, which lies elsewhere in memory.
    kinds: Vec<u32>,
    /// Whether a token of the sentence is "neither".
    has_neither: bool,
}

/// The words and marks whose tokens the clause analysis looks for as it scans a sentence, a
/// bit each ([`kind_of`]). (A mark of one character is always a punctuation token: these bits
/// are also what `Token::is_punct` would say.)
mod kind {
    pub const SEMI: u32 = 1;
    pub const COLON: u32 = 1 << 1;
    pub const PERIOD: u32 = 1 << 2;
    pub const COMMA: u32 = 1 << 3;
    pub const QUOTE: u32 = 1 << 4;
    pub const LPAREN: u32 = 1 << 5;
    pub const RPAREN: u32 = 1 << 6;
    pub const AND: u32 = 1 << 7;
    pub const OR: u32 = 1 << 8;
    pub const BUT: u32 = 1 << 9;
    pub const THEN: u32 = 1 << 10;
    pub const THAT: u32 = 1 << 11;
    pub const WHO: u32 = 1 << 12;
    pub const WHICH: u32 = 1 << 13;
    /// "whose" or "whom".
    pub const WHOSE_WHOM: u32 = 1 << 14;
    pub const VISITING: u32 = 1 << 15;
    /// Not a word: the token is an [`super::owned_head`].
    pub const OWNED_HEAD: u32 = 1 << 16;
    pub const NEITHER: u32 = 1 << 17;
}

/// The words and marks of [`kind`], with their bits.
const KIND_WORDS: [(&str, u32); 18] = [
    (";", kind::SEMI),
    (":", kind::COLON),
    (".", kind::PERIOD),
    (",", kind::COMMA),
    ("\"", kind::QUOTE),
    ("(", kind::LPAREN),
    (")", kind::RPAREN),
    ("or", kind::OR),
    ("and", kind::AND),
    ("but", kind::BUT),
    ("who", kind::WHO),
    ("then", kind::THEN),
    ("that", kind::THAT),
    ("whom", kind::WHOSE_WHOM),
    ("whose", kind::WHOSE_WHOM),
    ("which", kind::WHICH),
    ("visiting", kind::VISITING),
    ("neither", kind::NEITHER),
];

/// A word's slot in [`KIND_TABLE`]: its first and last byte and its length, multiplied by a
/// number chosen so that no two of [`KIND_WORDS`] share a slot.
#[inline]
const fn kind_slot(first: u8, last: u8, len: usize) -> usize {
    let x = first as u32 | (last as u32) << 8 | ((len as u32) & 0xff) << 16;
    (x.wrapping_mul(0xd8f1_6ae1) >> 24) as usize
}

/// Per [`kind_slot`]: the index in [`KIND_WORDS`] plus one of the word filed there, or 0.
const KIND_TABLE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut i = 0;
    while i < KIND_WORDS.len() {
        let w = KIND_WORDS[i].0.as_bytes();
        let slot = kind_slot(w[0], w[w.len() - 1], w.len());
        assert!(table[slot] == 0, "two kind words share a slot");
        table[slot] = i as u8 + 1;
        i += 1;
    }
    table
};

/// The [`kind`] bits of a token's lower-cased text: one table slot, and a comparison only
/// for a word that shares a listed word's first and last byte and length (a chain of string
/// comparisons was a branch misprediction per token or two).
#[inline]
fn kind_of(lower: &str) -> u32 {
    let b = lower.as_bytes();
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return 0;
    };
    match KIND_TABLE[kind_slot(first, last, b.len())] {
        0 => 0,
        k => {
            let (w, bits) = KIND_WORDS[usize::from(k) - 1];
            if b == w.as_bytes() {
                bits
            } else {
                0
            }
        }
    }
}

/// A set of cue classes, a bit each (`1 << class`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Cues(u16);

impl Cues {
    #[inline]
    fn contains(self, c: CueClass) -> bool {
        self.0 & (1 << c as u16) != 0
    }
    /// Whether any of `classes` is in the set.
    #[inline]
    fn any_of(self, classes: &[CueClass]) -> bool {
        self.0 & cue_bits(classes) != 0
    }
}

/// The bits of `classes` in a [`Cues`] set ([`crate::dict::LemmaBits::cues`]).
#[inline]
pub(crate) const fn cue_bits(classes: &[CueClass]) -> u16 {
    let mut bits = 0;
    let mut i = 0;
    while i < classes.len() {
        bits |= 1 << classes[i] as u16;
        i += 1;
    }
    bits
}

/// Flags of a verb lemma ([`crate::dict::LemmaBits::flags`], made by [`lemma_flags`]).
mod lemma_flag {
    /// The verb has patterns.
    pub const HAS_PATTERNS: u16 = 1;
    /// [`crate::dict::Lexicon::matches_without_subject`].
    pub const SUBJECTLESS: u16 = 1 << 1;
    /// "mediate", "broker", "facilitate": a third party's act between two others (045).
    pub const MEDIATE: u16 = 1 << 2;
    /// "host" (043).
    pub const HOST: u16 = 1 << 3;
    /// "kill", "massacre", "slaughter".
    pub const KILL: u16 = 1 << 4;
    /// [`super::is_light_verb`].
    pub const LIGHT: u16 = 1 << 5;
    /// [`super::is_object_control`].
    pub const OBJECT_CONTROL: u16 = 1 << 6;
    /// [`super::is_verbal_act`].
    pub const VERBAL_ACT: u16 = 1 << 7;
    /// Some pattern of the verb codes a use of force or worse (15 and above).
    pub const FORCEFUL: u16 = 1 << 8;
    /// Some pattern of the verb codes more than a statement (not 01x).
    pub const NON_STATEMENT: u16 = 1 << 9;
}

/// The [`lemma_flag`]s of a verb lemma with these patterns, computed once when the lexicon
/// is compiled: clause analysis asks them at every verb.
pub(crate) fn lemma_flags(
    lemma: &str,
    patterns: &[Arc<CompiledPattern>],
    subjectless: bool,
) -> u16 {
    use lemma_flag::*;
    let force = patterns.iter().filter(|p| p.code.as_str() >= "15").count();
    let non_statement = patterns.iter().any(|p| !p.code.starts_with("01"));
    let mut flags = 0;
    for (set, flag) in [
        (!patterns.is_empty(), HAS_PATTERNS),
        (subjectless, SUBJECTLESS),
        (
            matches!(lemma, "mediate" | "broker" | "facilitate"),
            MEDIATE,
        ),
        (lemma == "host", HOST),
        (matches!(lemma, "kill" | "massacre" | "slaughter"), KILL),
        (is_light_verb(lemma), LIGHT),
        (is_object_control(lemma), OBJECT_CONTROL),
        (non_statement && 2 * force < patterns.len(), VERBAL_ACT),
        (force > 0, FORCEFUL),
        (non_statement, NON_STATEMENT),
    ] {
        if set {
            flags |= flag;
        }
    }
    flags
}

/// The buffers of [`parse_sentence`], kept per thread from sentence to sentence (they were
/// five allocations per sentence).
#[derive(Default)]
struct SentenceBuffers {
    masked: Vec<bool>,
    cues: Vec<Cues>,
    literal_ids: Vec<std::cell::Cell<u32>>,
    group_runs: Vec<std::ops::Range<usize>>,
    consumed: Vec<bool>,
    scratch: VerbScratch,
    kinds: Vec<u32>,
}

thread_local! {
    static BUFFERS: std::cell::Cell<Option<Box<SentenceBuffers>>> = const {
        std::cell::Cell::new(None)
    };
}

impl Ctx<'_> {
    /// A pair reference ("the two sides", or "they" for two speakers just named) that the
    /// resolver gave two parties.
    fn is_pair(&self, phrase: usize) -> bool {
        // (a pair is resolved from a reference: "the two sides", "they", "the two
        // countries' presidents")
        self.codes[phrase]
            .as_ref()
            .is_some_and(|c| c.contains(crate::resolve::PAIR_SEPARATOR))
    }

    /// The country (or IGO/group) prefix of a phrase's resolved code: its first three letters.
    fn country_of(&self, phrase: usize) -> Option<&str> {
        self.codes
            .get(phrase)?
            .as_deref()
            .map(|c| c.get(..3).unwrap_or(c))
    }

    fn lower(&self, i: usize) -> &str {
        &self.s.tokens[i].lower
    }
    /// Whether token `i` is one of the [`kind`]s `k`.
    #[inline]
    fn is(&self, i: usize, k: u32) -> bool {
        self.kinds[i] & k != 0
    }
    fn tag(&self, i: usize) -> Tag {
        self.a.tags[i]
    }
    fn n(&self) -> usize {
        self.s.tokens.len()
    }
    fn group_of(&self, phrase: usize) -> Vec<usize> {
        if let Some(runs) = &self.group_runs {
            return runs[phrase].clone().collect();
        }
        let g = self.a.phrases[phrase].group;
        (0..self.a.phrases.len())
            .filter(|&k| self.a.phrases[k].group == g)
            .collect()
    }
    fn is_filler(&self, i: usize) -> bool {
        matches!(
            self.tag(i),
            Tag::Det | Tag::Adv | Tag::Num | Tag::Noun | Tag::Poss | Tag::Name
        ) || (self.tag(i) == Tag::Punct && self.lower(i) == "-")
    }
    #[inline]
    fn verb_classes(&self, v: usize) -> Cues {
        self.cues[v]
    }
    /// The [`lemma_flag`]s of a verb lemma.
    #[inline]
    fn flags(&self, lemma: u32) -> u16 {
        self.lex.lemma_bits(lemma).flags
    }
    /// [`Lexicon::literal_id`] of token `t`'s [`crate::dict::literal_key`].
    #[inline]
    fn literal_id(&self, t: usize) -> Option<u32> {
        if let Some(&Some(id)) = self.a.literal_ids.get(t) {
            return id;
        }
        let cell = &self.literal_ids[t];
        match cell.get() {
            LITERAL_NONE => None,
            LITERAL_UNKNOWN => {
                let id = self.lex.literal_id_of_word(self.lower(t));
                cell.set(id.unwrap_or(LITERAL_NONE));
                id
            }
            id => Some(id),
        }
    }
    /// Push the [`Ctx::literal_id`]s of the tokens of `range` that have one onto `out`.
    fn push_literal_ids(&self, range: std::ops::Range<usize>, out: &mut Vec<u32>) {
        for t in range {
            if let Some(k) = self.literal_id(t) {
                out.push(k);
            }
        }
    }
}

/// In [`Ctx::literal_ids`]: the token has not been looked up yet.
const LITERAL_UNKNOWN: u32 = u32::MAX;
/// In [`Ctx::literal_ids`]: the token has no literal id (no pattern literal has its key; ids
/// are numbers below the count of literals).
const LITERAL_NONE: u32 = u32::MAX - 1;

/// Analyse one sentence.
pub fn parse_sentence(
    lex: &Lexicon,
    s: &Sentence,
    a: &Annotated,
    codes: &[Option<String>],
    intent_codes: bool,
) -> SentenceParse {
    let n = s.tokens.len();
    let question = s
        .tokens
        .iter()
        .rev()
        .find(|t| !t.is_punct("\"") && !t.is_punct(")"))
        .is_some_and(|t| t.is_punct("?"));
    // (most sentences have no verbal cue phrase of two words or more for a verb to start)
    let verbal_phrases = a.cues.iter().any(|&(_, len, cl)| len > 1 && cl.is_verbal());
    let mut bufs = BUFFERS.take().unwrap_or_default();
    let mut masked = std::mem::take(&mut bufs.masked);
    masked.clear();
    masked.resize(n, false);
    let mut cues = std::mem::take(&mut bufs.cues);
    cues.clear();
    cues.extend(a.verb.iter().take(n).map(|v| match v {
        Some((l, _)) => Cues(lex.lemma_bits(*l).cues),
        None => Cues(0),
    }));
    cues.resize(n, Cues(0));
    if verbal_phrases {
        for &(st, len, cl) in &a.cues {
            if len > 1 && cl.is_verbal() && st < n && a.verb[st].is_some() {
                cues[st].0 |= 1 << cl as u16;
            }
        }
    }
    let mut literal_ids = std::mem::take(&mut bufs.literal_ids);
    literal_ids.clear();
    literal_ids.resize(n, std::cell::Cell::new(LITERAL_UNKNOWN));
    let mut scratch = std::mem::take(&mut bufs.scratch);
    scratch.start_sentence();
    let mut kinds = std::mem::take(&mut bufs.kinds);
    kinds.clear();
    kinds.extend(s.tokens.iter().map(|t| kind_of(&t.lower)));
    // (an owned head is the last word of its phrase: found from the phrases, not asked of
    // every token)
    for (ph, p) in a.phrases.iter().enumerate() {
        let Some(last) = p.end.checked_sub(1) else {
            continue;
        };
        if last < n && a.phrase_of[last] == Some(ph) && p.agent.is_some_and(|g| lex.agent_owned(g))
        {
            kinds[last] |= kind::OWNED_HEAD;
        }
    }
    let mut ctx = Ctx {
        lex,
        codes,
        s,
        a,
        masked,
        cues,
        literal_ids,
        group_runs: group_runs(&a.phrases, std::mem::take(&mut bufs.group_runs)),
        question,
        scratch: std::cell::RefCell::new(scratch),
        has_neither: kinds.iter().any(|k| k & kind::NEITHER != 0),
        kinds,
    };
    mask_parentheticals(&mut ctx);

    let mut out = SentenceParse::default();
    // (the verbs read straight into their clauses: a list of them was an allocation per
    // sentence)
    let mut clauses: Vec<VerbClause> = (0..n)
        .filter(|&i| a.tags[i] == Tag::Verb)
        .map(|v| verb_group(&ctx, v))
        .collect();
    // "urged X to accept ... and agree to": a bare verb coordinated with an infinitive shares
    // its "to"
    for k in 1..clauses.len() {
        let c = &clauses[k];
        let bare =
            c.group_start == c.verb && c.form.has(VerbForm::BASE) && !c.form.has(VerbForm::PAST);
        let after_and = c.verb > 0 && ctx.is(c.verb - 1, kind::AND | kind::OR);
        if bare && after_and && clauses[k - 1].infinitive {
            clauses[k].infinitive = true;
            clauses[k].shares_with = Some(k - 1);
        }
    }
    // "was shot and seriously wounded by": a participle coordinated with a passive one is
    // passive too, with the same subject
    for k in 1..clauses.len() {
        let (prev, c) = (&clauses[k - 1], &clauses[k]);
        let between = prev.verb + 1..c.verb;
        let coordinated = between.clone().any(|t| ctx.is(t, kind::AND | kind::OR))
            && between
                .clone()
                .all(|t| ctx.is(t, kind::AND | kind::OR) || ctx.tag(t) == Tag::Adv);
        if prev.passive
            && !c.passive
            && c.form.has(VerbForm::PARTICIPLE)
            && !c.form.only(VerbForm::GERUND)
            && coordinated
        {
            clauses[k].passive = true;
            clauses[k].shares_with = Some(k - 1);
        }
    }
    // subjects (in order, so coordination can inherit)
    for k in 0..clauses.len() {
        let subj = find_subject(&ctx, &clauses, k, 0);
        clauses[k].subject = subj;
    }
    // "Activists detained by police in Minsk were released", "two women held hostage in Gaza
    // were freed": a participle right after a noun phrase, with no auxiliary, is a passive
    // relative clause on that phrase — when a "by" agent follows it, or when a later verb has
    // the same subject with nothing joining the two — so the phrase is what was done to, not
    // the doer
    // (and the later verb, when it found no subject of its own past the relative clause, has
    // that phrase for its subject: "women held hostage in Gaza were freed by Hamas")
    for k in 0..clauses.len() {
        if let Some(shared) = reduced_passive_relative(&ctx, &clauses, k) {
            clauses[k].passive = true;
            if let Some(next) = shared {
                clauses[k].ends_before = Some(clauses[next].group_start);
                if clauses[next].subject.is_empty() {
                    clauses[next].subject = clauses[k].subject.clone();
                }
            }
        }
    }
    for k in 0..clauses.len() {
        clauses[k].governor = find_governor(&ctx, &clauses, k);
    }
    // ", a move Human Rights Watch condemned": the reaction is its speaker's own act, governed
    // by nothing before it, and what it reacts to is the act or words the sentence reported
    for k in 0..clauses.len() {
        if let Some(to) = reaction_to(&ctx, &clauses, k) {
            clauses[k].governor = None;
            clauses[k].reaction_to = Some(to);
        }
    }
    // "Scholz said Germany would keep supplying air defence systems", "would continue to
    // supply": the act under a verb of continuing or starting is in that verb's tense, and
    // stands in its place under what governs it (the speech that announces it)
    for k in 0..clauses.len() {
        let Some(a) = clauses[k]
            .governor
            .and_then(|g| clauses.iter().position(|x| x.verb == g))
        else {
            continue;
        };
        let c = &clauses[k];
        let complement = c.infinitive || (c.form.only(VerbForm::GERUND) && c.group_start == c.verb);
        let aspectual = matches!(
            ctx.lex.lemma(clauses[a].lemma),
            "continue" | "keep" | "start" | "begin" | "resume"
        );
        if complement && aspectual && (clauses[a].future || clauses[a].would) && a != k {
            let (future, would, governor) =
                (clauses[a].future, clauses[a].would, clauses[a].governor);
            let c = &mut clauses[k];
            c.future |= future;
            c.would |= would;
            if governor.is_some() {
                c.governor = governor;
            }
        }
    }
    // "the ministry said Israel had struck a school, accusing it of a massacre": a participle
    // naming an act done in words, after what a speaker said, is the speaker's act in saying
    // it — not the reported clause's
    for k in 0..clauses.len() {
        let c = &clauses[k];
        if !is_comma_participle(&ctx, c) || !is_verbal_act(&ctx, c.lemma) {
            continue;
        }
        let Some(host) = c
            .governor
            .and_then(|g| clauses.iter().position(|x| x.verb == g))
        else {
            continue;
        };
        if ctx
            .verb_classes(clauses[host].verb)
            .contains(CueClass::Speech)
        {
            continue;
        }
        let speech = clauses[host].governor.and_then(|g| {
            clauses.iter().position(|x| {
                x.verb == g
                    && g < clauses[host].verb
                    && ctx.verb_classes(g).contains(CueClass::Speech)
                    && !is_comma_participle(&ctx, x)
            })
        });
        if let Some(sp) = speech {
            clauses[k].governor = Some(clauses[sp].verb);
            clauses[k].subject = clauses[sp].subject.clone();
        }
    }
    for k in 0..clauses.len() {
        let m = modality_of(&ctx, &clauses, k, 0);
        clauses[k].modality = m;
        if governed_by_intent(&ctx, &clauses[k])
            || own_future_in_speech(&ctx, &clauses, &clauses[k])
        {
            clauses[k].future = true;
        }
    }
    // patterns
    let mut consumed = std::mem::take(&mut bufs.consumed);
    consumed.clear();
    consumed.resize(n, false);
    // "called on Gondor to be allowed to leave": an infinitive under a passive infinitive is
    // an act that waits on a permission not given yet, not coded
    let under_unrealised_permission: Vec<bool> = clauses
        .iter()
        .map(|c| {
            c.infinitive
                && c.governor.is_some_and(|g| {
                    clauses
                        .iter()
                        .any(|x| x.verb == g && x.infinitive && x.passive)
                })
        })
        .collect();
    for (c, skip) in clauses.iter_mut().zip(under_unrealised_permission) {
        if consumed[c.verb] || skip {
            continue;
        }
        // "in her first interview since leaving office": a gerund after "since" is the
        // starting point of what the sentence reports, an earlier event and not news
        if c.form.has(VerbForm::GERUND)
            && c.group_start > 0
            && ctx.lower(c.group_start - 1) == "since"
        {
            continue;
        }
        // "abandoned efforts to stop a parade", "a place to visit": an infinitive completing a
        // noun names what the noun is about, no act of its own
        // (nouns that take such a complement: a word tagged as a noun may be an adjective,
        // "ready to help broker peace" is an intent)
        let to_at =
            (c.group_start.saturating_sub(1)..=c.group_start).find(|&k| ctx.lower(k) == "to");
        let noun_complement = to_at.is_some_and(|k| {
            k > 0 && ctx.tag(k - 1) == Tag::Noun && is_complement_noun(ctx.lower(k - 1))
        });
        if c.infinitive && noun_complement {
            continue;
        }
        if let Some(mut m) = match_verb(&ctx, c) {
            // the reaction's object is the noun the appositive hangs on: the pattern's target
            // is whoever did or said what the noun stands for
            if let Some(to) = c.reaction_to.as_ref().filter(|_| m.targets.is_empty()) {
                if m.pattern.elems.contains(&PatElem::Target) {
                    m.targets = to.clone();
                }
            }
            for t in &mut consumed[m.span.0..m.span.1] {
                *t = true;
            }
            c.matched = Some(m);
        }
    }
    // "threatened (in a new video) to attack France": the act a side threatens is a threat
    // (13x, mapped from the act), never the act; an act with no threat code is only
    // hypothetical
    for c in clauses.iter_mut() {
        let threatened = c.infinitive
            && c.governor
                .is_some_and(|g| ctx.verb_classes(g).contains(CueClass::Threat));
        if !threatened {
            continue;
        }
        let Some(m) = &mut c.matched else { continue };
        match crate::modality::threat_code(&m.code) {
            Some(code) => m.code = code.to_string(),
            None => c.modality = Modality::Hypothetical,
        }
    }
    // future / intent mapping and speech-act filtering
    let own_future: Vec<bool> = clauses
        .iter()
        .map(|c| own_future_in_speech(&ctx, &clauses, c))
        .collect();
    // "Netanyahu vowed to launch an offensive against Hamas": a side vowing its own hostile
    // act threatens it, as one announcing it does
    // (asked only of future clauses: a lemma look-up per clause otherwise)
    let vowed = |c: &VerbClause| {
        c.infinitive
            && c.governor
                .and_then(|g| ctx.a.verb[g])
                .is_some_and(|(l, _)| matches!(lex.lemma(l), "vow" | "pledge" | "swear"))
    };
    for (c, own) in clauses.iter_mut().zip(own_future) {
        let announced = c.future
            && c.modality == Modality::Asserted
            && intent_codes
            && c.matched.is_some()
            && (own || vowed(c));
        let Some(m) = &mut c.matched else { continue };
        if c.future && c.modality == Modality::Asserted && intent_codes {
            match crate::modality::intent_code(&m.pattern.code) {
                Some(code) => m.code = code,
                // "Hezbollah will strike deep inside Israel if ..., its deputy leader said": a
                // side announcing its own hostile act threatens it (13x)
                None => match crate::modality::threat_code(&m.code).filter(|_| announced) {
                    Some(code) => m.code = code.to_string(),
                    None => c.modality = Modality::Hypothetical,
                },
            }
        }
    }
    // "called for humanitarian aid", "rejected calls for a ceasefire": what is asked, offered
    // or refused decides the sub-code of a generic appeal, intent, demand or rejection
    let mut requested: Vec<std::ops::Range<usize>> = Vec::new();
    for c in clauses.iter_mut() {
        let Some(m) = &mut c.matched else { continue };
        let end = clause_end(&ctx, m.span.1);
        // "demanding that the government resign", "demanded on Saturday that the military
        // hand power": the complement says what is demanded
        let topic_end = if end <= m.span.1 + 4 && end < n && ctx.lower(end) == "that" {
            clause_end(&ctx, end + 1)
        } else {
            end
        };
        // ... and what is demanded or appealed for has not happened
        if topic_end > end && matches!(m.code.get(..2), Some("02" | "10")) {
            requested.push(end + 1..topic_end);
        }
        if let Some(code) = refine_by_topic(&ctx, &m.code, m.span.1, topic_end) {
            m.code = code;
        }
        // "Israeli warplanes struck ...", "attacked ... with artillery": the weapon decides the
        // sub-code of a generic use of force or bombing
        let mut start = c
            .subject
            .iter()
            .map(|&p| ctx.a.phrases[p].start)
            .filter(|&s| s < c.verb)
            .min()
            .unwrap_or(c.group_start);
        // ("Warplanes from the Saudi-led coalition pounded": the members named before the
        // subject's "from" or "of" are the weapon)
        let mut b = start;
        while b > 0 && ctx.tag(b - 1) == Tag::Det {
            b -= 1;
        }
        if b > 1 && matches!(ctx.lower(b - 1), "from" | "of") && ctx.tag(b - 2) == Tag::Noun {
            start = b - 2;
        }
        if let Some(code) = refine_by_instrument(&ctx, &m.code, start, end, &m.targets) {
            m.code = code;
        }
        // "An Israeli air strike destroyed Iran's consulate", "Russian shelling destroyed a
        // school": destruction done by a weapon of war is that weapon's use of force, not the
        // destruction of property the verb alone would be
        if m.code == "1712" && start < c.verb {
            if let Some(code) = refine_by_instrument(&ctx, "190", start, c.verb, &[]) {
                m.code = code;
            }
        }
    }
    for c in clauses.iter_mut() {
        if requested.iter().any(|r| r.contains(&c.verb)) && c.modality == Modality::Asserted {
            c.modality = Modality::Hypothetical;
        }
    }
    // ... and so is what a that-clause after a verb of demanding or urging asks for, whether or
    // not the demand itself was coded ("relatives of hostages blocked a highway, demanding that
    // Netanyahu agree a ceasefire deal": no deal was agreed)
    // (by the token kinds, as the other scans: this runs for every clause; no list is made)
    for k in 0..clauses.len() {
        let c = &clauses[k];
        let Some(that) = (c.group_start.saturating_sub(6)..c.group_start)
            .rev()
            .find(|&t| ctx.is(t, kind::THAT))
        else {
            continue;
        };
        let demanded = clauses.iter().rfind(|g| g.verb < that).is_some_and(|g| {
            matches!(
                lex.lemma(g.lemma),
                "demand" | "urge" | "ask" | "request" | "propose" | "recommend"
            ) && (g.verb + 1..that).all(|t| {
                ctx.tag(t) != Tag::Verb
                    && !ctx.is(t, kind::SEMI | kind::COLON | kind::COMMA | kind::PERIOD)
            })
        });
        if demanded && clauses[k].modality == Modality::Asserted {
            clauses[k].modality = Modality::Hypothetical;
        }
    }
    // "marched across France on Thursday against President Macron's pension reform": what a
    // protest is against names its target, past places and dates the pattern cannot skip, and
    // a policy word makes it a protest for a policy change (1412, 1432, ...)
    for c in clauses.iter_mut() {
        let Some(m) = &mut c.matched else { continue };
        if !matches!(&m.code[..], "141" | "142" | "143" | "144" | "145") {
            continue;
        }
        // a pattern that read the "against" itself ("strike against +") found the target;
        // the policy word after it still decides the sub-code
        if !m.targets.is_empty() {
            if let Some((_, true)) = protest_against(&ctx, c.verb + 1) {
                m.code.push('2');
            }
            continue;
        }
        if let Some((target, policy)) = protest_against(&ctx, m.span.1) {
            if let Some(t) = target {
                m.targets.push(t);
            }
            if policy {
                m.code.push('2');
            }
        } else if let Some(t) = protest_toward(&ctx, m.span.1) {
            m.targets.push(t);
        }
    }
    for c in &clauses {
        let Some(m) = &c.matched else { continue };
        // ", saying ...": the participle reports; it is not a statement event of its own (",
        // accusing the opposition of ..." is an accusation)
        let participial_speech = ctx.verb_classes(c.verb).contains(CueClass::Speech)
            && m.code.starts_with("01")
            && c.form.has(VerbForm::GERUND)
            && c.verb > 0
            && ctx.s.tokens[c.verb - 1].is_punct(",");
        // "met Khalilzad in Kabul to discuss prospects for talks": the purpose of a meeting
        // is that meeting, not a second consultation
        let consult_purpose = c.infinitive
            && m.code.starts_with("04")
            && c.governor.is_some_and(|g| {
                clauses.iter().any(|k| {
                    k.verb == g
                        && k.matched
                            .as_ref()
                            .is_some_and(|gm| gm.code.starts_with("04"))
                })
            });
        if participial_speech || consult_purpose {
            continue;
        }
        // "U.S. and South Korean forces began joint military exercises": exercising together
        // is military cooperation (062), between each pair of them
        let joint_exercise = m.code == "150"
            && m.targets.is_empty()
            && m.sources.len() >= 2
            && (c.group_start..clause_end(&ctx, m.span.1)).any(|t| ctx.lower(t) == "joint");
        if joint_exercise {
            for (a, b) in pairs_among(&m.sources) {
                out.candidates.push(Candidate {
                    source: a,
                    target: b,
                    code: "062".to_string(),
                    modality: c.modality,
                    pattern: m.pattern.clone(),
                    trigger: (c.verb, c.verb + 1),
                    span: m.span,
                    mutual: false,
                    target_as: TargetAs::Phrase,
                });
            }
            continue;
        }
        // "the two sides agreed to ...": a pair reference does a symmetric act to each other
        let mutual = m.targets.is_empty()
            && m.sources.len() == 1
            && ctx.is_pair(m.sources[0])
            && is_reciprocal(&m.code, &m.pattern);
        // the (source, target) pairs of the act
        let pairs: Vec<(usize, Option<usize>)> = if m.targets.is_empty()
            && m.sources.len() >= 2
            && (m.pattern.compound_subject || is_reciprocal(&m.code, &m.pattern))
        {
            // "Armenia and Azerbaijan held talks": a symmetric act between coordinated subjects
            pairs_among(&m.sources)
        } else if !m.targets.is_empty() && m.targets == m.sources {
            // "accused each other"
            pairs_among(&m.sources)
        } else if m.code.starts_with("19") && m.pattern.target_is_partner() {
            // "Nigerian troops clashed with Boko Haram fighters": both sides fight
            let mut all = m.sources.clone();
            all.extend(&m.targets);
            pairs_among(&all)
        } else if m.targets.is_empty() {
            m.sources.iter().map(|&s| (s, None)).collect()
        } else {
            m.sources
                .iter()
                .flat_map(|&s| m.targets.iter().map(move |&t| (s, Some(t))))
                .collect()
        };
        for (source, target) in pairs {
            let code = target
                .and_then(|t| refine_by_victim(&ctx, c, m, t))
                .unwrap_or_else(|| m.code.clone());
            out.candidates.push(Candidate {
                source,
                target,
                code,
                modality: c.modality,
                pattern: m.pattern.clone(),
                trigger: (c.verb, c.verb + 1),
                span: m.span,
                mutual,
                // a place the act is directed at stands for its state, not its government
                // ("arrived in Nairobi": a visit to Kenya; "recalled its ambassador from
                // Havana": relations with Cuba)
                target_as: if target.is_some_and(|t| is_place(&ctx, t)) {
                    TargetAs::Country
                } else {
                    TargetAs::Phrase
                },
            });
            // a paired code: the target's act back on the source ("arrived in Y": Y hosts)
            if let (Some(t), Some(back)) = (target, &m.pattern.reverse_code) {
                out.candidates.push(Candidate {
                    source: t,
                    target: Some(source),
                    code: back.clone(),
                    modality: c.modality,
                    pattern: m.pattern.clone(),
                    trigger: (c.verb, c.verb + 1),
                    span: m.span,
                    mutual,
                    target_as: TargetAs::Phrase,
                });
            }
        }
    }
    // Acts whose target is named in what follows them, after a cue word:
    // - "opened the Rafah crossing to allow aid trucks to reach Palestinians in Gaza": access
    //   allowed (086x, 0355) is for those named in the purpose clause; the pattern's own verb
    //   may be the cue ("allowed aid trucks to reach ...")
    // - "resigned, bowing to the demands of protesters", "withdrew the bill a day after
    //   protesters stormed parliament": a concession to demands (083x) is made to the
    //   protesters named in what it answers
    const ACCESS_CUES: &[&str] = &[
        "allow",
        "allowing",
        "let",
        "letting",
        "enable",
        "enabling",
        "permit",
        "permitting",
        "for",
    ];
    const CONCESSION_CUES: &[&str] = &[
        "after",
        "amid",
        "following",
        "bowing",
        "yielding",
        "pressure",
    ];
    for k in 0..out.candidates.len() {
        let cand = &out.candidates[k];
        if cand.target.is_some() {
            continue;
        }
        let found = if matches!(&cand.code[..], "086" | "0861" | "0862" | "0863" | "0355") {
            target_after_cue(&ctx, cand, cand.trigger.0, ACCESS_CUES, 14, |ph| {
                !ctx.a.phrases[ph].possessive
            })
        } else if cand.code.starts_with("083") {
            let from = cand.span.1.max(cand.trigger.1);
            target_after_cue(&ctx, cand, from, CONCESSION_CUES, n, |ph| {
                ctx.codes
                    .get(ph)
                    .cloned()
                    .flatten()
                    .is_some_and(|c| c.ends_with("OPP"))
            })
        } else {
            None
        };
        if found.is_some() {
            out.candidates[k].target = found;
        }
    }
    // "urged visiting German Chancellor Olaf Scholz", "told visiting U.S. President Donald
    // Trump": the one named after an attributive "visiting" visits (042) the country of the
    // host, the subject of the clause it stands in
    for i in 1..n {
        if !ctx.is(i, kind::VISITING) || ctx.tag(i) == Tag::Verb {
            continue;
        }
        let Some(visitor) = ctx.a.phrase_of.get(i + 1).copied().flatten() else {
            continue;
        };
        // (the sentence's own clause, not one reported in it: "Mulino said his country would
        // not renew its participation, after talks with visiting Marco Rubio" is a visit
        // whatever is not renewed)
        let before = |c: &&VerbClause| c.verb < i && !c.subject.is_empty();
        let Some(host_clause) = clauses
            .iter()
            .filter(before)
            .rfind(|c| c.governor.is_none())
            .or_else(|| clauses.iter().rfind(before))
        else {
            continue;
        };
        let host = host_clause.subject[0];
        let (Some(hc), Some(vc)) = (ctx.country_of(host), ctx.country_of(visitor)) else {
            continue;
        };
        if hc == vc || host_clause.subject.contains(&visitor) {
            continue;
        }
        let visit = lex
            .verb_readings("visiting")
            .iter()
            .flat_map(|(l, _)| lex.verb_patterns(*l).iter())
            .filter(|p| p.code == "042")
            .min_by_key(|p| p.specificity)
            .cloned();
        if let Some(pattern) = visit {
            out.candidates.push(Candidate {
                source: visitor,
                target: Some(host),
                code: "042".to_string(),
                modality: host_clause.modality,
                pattern,
                trigger: (i, i + 1),
                span: (i, i + 1),
                mutual: false,
                target_as: TargetAs::Country,
            });
        }
    }
    // "Lebanon's president was received by the Saudi crown prince in Riyadh": a guest who is
    // the subject of a passive hosting (043) in the host's capital or town visits (042) the
    // host's country — the sentence is about the guest's act. (Written actively, "Xi hosted
    // Putin in Beijing" is the host's act alone, and "Orban met Putin in Moscow" or "held
    // talks with Wang Yi in Beijing" add no visit: gold coders code the visit there only now
    // and then, and a guess would cost more false visits than it finds.)
    let mut visits: Vec<Candidate> = Vec::new();
    for c in &out.candidates {
        let Some(target) = c.target.filter(|_| c.code.starts_with("043")) else {
            continue;
        };
        let (Some(sc), Some(tc)) = (ctx.country_of(c.source), ctx.country_of(target)) else {
            continue;
        };
        if sc == tc || sc.len() != 3 || tc.len() != 3 {
            continue;
        }
        let end = clause_end(&ctx, c.trigger.0 + 1);
        let place = (c.trigger.0 + 1..end.saturating_sub(1)).find_map(|i| {
            let p = ctx.a.phrase_of[i + 1].filter(|_| ctx.lower(i) == "in")?;
            matches!(
                ctx.a.phrases[p].country,
                Some((
                    _,
                    crate::dict::ActorKind::Capital | crate::dict::ActorKind::Town
                ))
            )
            .then_some(p)
        });
        let Some(place) = place else { continue };
        let Some(pc) = ctx.country_of(place) else {
            continue;
        };
        let passive = clauses.iter().any(|k| k.verb == c.trigger.0 && k.passive);
        if pc != sc || !c.code.starts_with("043") || !passive {
            continue;
        }
        let (guest, host_place) = (target, place);
        let visit = lex
            .lemma_id_of("visit")
            .map_or(&[][..], |l| lex.verb_patterns(l))
            .iter()
            .filter(|p| p.code == "042")
            .min_by_key(|p| p.specificity)
            .cloned();
        if let Some(pattern) = visit {
            visits.push(Candidate {
                source: guest,
                target: Some(host_place),
                code: "042".to_string(),
                modality: c.modality,
                pattern,
                trigger: c.trigger,
                span: c.span,
                mutual: false,
                target_as: TargetAs::Country,
            });
        }
    }
    for v in visits {
        let known = out.candidates.iter().any(|c| {
            c.code == "042"
                && ctx.country_of(c.source) == ctx.country_of(v.source)
                && c.target.and_then(|t| ctx.country_of(t))
                    == v.target.and_then(|t| ctx.country_of(t))
        });
        if !known {
            out.candidates.push(v);
        }
    }
    // "looted homes in Irpin", "set off bombs at a crowded market in northeastern Nigeria",
    // "demolished Palestinian homes": a hostile act done to civilian property with no actor
    // named is done to the civilians whose property it is
    for k in 0..out.candidates.len() {
        let cand = &out.candidates[k];
        if !is_hostile(&cand.code) {
            continue;
        }
        // the pattern took the owner for the target ("demolish + home" on "demolished
        // Palestinian homes")
        if let Some(t) = cand.target {
            let q = &ctx.a.phrases[t];
            if q.is_bare_adjective() && q.end < n && is_civilian_property(&ctx, q.end) {
                out.candidates[k].target_as = TargetAs::Sector("CVL", q.end);
            }
            continue;
        }
        if let Some((owner, property)) = civilian_property_owner(&ctx, cand) {
            out.candidates[k].target = Some(owner);
            out.candidates[k].target_as = TargetAs::Sector("CVL", property);
        }
    }
    // "exchanged prisoners in a swap mediated by the UAE", "a ceasefire brokered by Russia",
    // "held talks, with Oman acting as mediator": a mediator mediates between the parties of
    // the act its clause is attached to, not whichever actor stands nearest
    if out.candidates.iter().any(|c| c.code.starts_with("045")) {
        out.candidates = with_mediated_parties(&ctx, &clauses, &out.candidates, |_| true);
    }
    // An act with no target whose object lies in a country: "called for a ceasefire in eastern
    // Congo", "apologised for killings committed in Tanzania", "sent doctors to Italy", "war
    // games around Taiwan" — the country is the target (CAMEO codes the country an act is
    // done in or to when no actor is named)
    for k in 0..out.candidates.len() {
        let cand = &out.candidates[k];
        // statements are made somewhere, not to a place; a protest's place and fighting's
        // are where they happened, and their targets are a government or an armed side; an
        // organisation's acts in a country are coded with and without it (an inquiry into
        // killings in Darfur against SDN, one in Ukraine against no one), so it keeps none
        if cand.target.is_some()
            || matches!(cand.code.get(..2), Some("01" | "14" | "18" | "19" | "20"))
        {
            continue;
        }
        // a place at home is where the act happened ("protesters marched in Paris")
        if let Some(place) = foreign_place(&ctx, cand, located_object) {
            out.candidates[k].target = Some(place);
            out.candidates[k].target_as = TargetAs::Country;
        }
    }
    // "M23 rebels seized the mining town of Rubaya", "captured the town of Avdiivka": a
    // place taken is taken from its country, whoever takes it — rebels in their own country
    // too (CAMEO's 192 is aimed at the state whose territory is occupied)
    for k in 0..out.candidates.len() {
        let cand = &out.candidates[k];
        if cand.target.is_some() || !cand.code.starts_with("192") {
            continue;
        }
        // (a state retaking its own town occupies no one's territory: "the Sudanese army
        // regained control of the capital Khartoum")
        let own_state = |place: usize| {
            let source = ctx.codes[cand.source].as_deref().unwrap_or("");
            ctx.country_of(place) == ctx.country_of(cand.source)
                && matches!(source.get(3..), Some("" | "GOV" | "MIL" | "COP" | "SPY"))
        };
        if let Some(place) = taken_place(&ctx, cand).filter(|&p| !own_state(p)) {
            out.candidates[k].target = Some(place);
            out.candidates[k].target_as = TargetAs::Country;
        }
    }
    // "struck nine sites in Pakistan", "fired missiles at cities across Ukraine", "bombed
    // targets in Gaza": force aimed at things that lie in a foreign country, with no actor
    // named, is force against that country. Fighting's own place ("fought in Afghanistan") is
    // not its target: the place must belong to an object the act was aimed at.
    for k in 0..out.candidates.len() {
        let cand = &out.candidates[k];
        if cand.target.is_some() || !violent(&cand.code) {
            continue;
        }
        if let Some(place) = foreign_place(&ctx, cand, struck_place) {
            out.candidates[k].target = Some(place);
            out.candidates[k].target_as = TargetAs::Country;
        }
    }
    // "marched to demand the resignation of X", "blocked roads, demanding that the government
    // resign": a protest with a stated aim is coded with the protest sub-code for that aim
    // (CAMEO's 141x-145x mirror the 104x demands) and the aim's target, instead of a protest
    // and a separate demand
    for c in clauses.iter().filter(|c| {
        c.matched
            .as_ref()
            .is_some_and(|m| matches!(&m.code[..], "141" | "142" | "143" | "144" | "145"))
    }) {
        // (or a participle on the protesters: "Protesters demanding the resignation of X
        // blocked roads")
        let Some(aim) = clauses.iter().enumerate().find_map(|(ki, k)| {
            let after = k.governor == Some(c.verb)
                && (k.infinitive || (k.form.only(VerbForm::GERUND) && k.verb > c.verb));
            let on_subject = k.verb < c.verb
                && reduced_relative_head(&ctx, &clauses, ki)
                    .is_some_and(|h| c.subject.contains(&h));
            ((after || on_subject)
                && k.matched
                    .as_ref()
                    .is_some_and(|m| aim_digit(&m.code).is_some()))
            .then_some(k)
        }) else {
            continue;
        };
        let m = aim.matched.as_ref().unwrap();
        let code = format!(
            "{}{}",
            &c.matched.as_ref().unwrap().code,
            aim_digit(&m.code).unwrap()
        );
        let sources: Vec<Option<usize>> = out
            .candidates
            .iter()
            .filter(|x| x.trigger.0 == c.verb)
            .map(|x| Some(x.source))
            .collect();
        let Some(template) = out
            .candidates
            .iter()
            .find(|x| x.trigger.0 == c.verb)
            .cloned()
        else {
            continue;
        };
        out.candidates
            .retain(|x| x.trigger.0 != c.verb && x.trigger.0 != aim.verb);
        let mut srcs: Vec<usize> = sources.into_iter().flatten().collect();
        srcs.dedup();
        // "demanding that the government resign": the aim's pattern has no target, but who is
        // to act is the one the protest is against
        // ... and an aim with no target leaves the protest's own ("marched toward parliament
        // to demand the speaker's resignation")
        let aim_targets = if m.targets.is_empty() {
            that_clause_subject(&ctx, m.span.1)
                .map(|ph| ctx.group_of(ph))
                .unwrap_or_else(|| c.matched.as_ref().unwrap().targets.clone())
        } else {
            m.targets.clone()
        };
        let targets: Vec<Option<usize>> = if aim_targets.is_empty() {
            vec![None]
        } else {
            aim_targets.iter().map(|&t| Some(t)).collect()
        };
        for &src in &srcs {
            for &t in &targets {
                out.candidates.push(Candidate {
                    source: src,
                    target: t,
                    code: code.clone(),
                    ..template.clone()
                });
            }
        }
    }
    // "agreed to a ceasefire at talks mediated by Qatar and Turkey", "a deal brokered by
    // Erdogan", "talks hosted by Malaysia": the third party mediates (045) or hosts (043)
    // between each party of the act before it
    for c in &clauses {
        // (by the lemma's flags: its name, read at every verb, was a cache miss)
        let flags = ctx.flags(c.lemma);
        let code = if flags & lemma_flag::MEDIATE != 0 {
            "045"
        } else if flags & lemma_flag::HOST != 0 {
            "043"
        } else {
            continue;
        };
        let by = c.verb + 1;
        if !c.form.has(VerbForm::PARTICIPLE) || by + 1 >= n || ctx.lower(by) != "by" {
            continue;
        }
        let Some(m) = ctx.a.phrase_of[by + 1] else {
            continue;
        };
        let mediators = ctx.group_of(m);
        // the plainest pattern of the verb with that code, as the provenance
        let Some(pattern) = lex
            .verb_patterns(c.lemma)
            .iter()
            .filter(|p| p.code == code && p.only_form.is_none())
            .min_by_key(|p| p.elems.len())
            .cloned()
        else {
            continue;
        };
        // the parties: those of the last cooperative act (03-08) before it, or when none was
        // coded, of the clause it is attached to ("a long night of talks mediated by the
        // United States" after an agreement the patterns did not read)
        let act = out.candidates.iter().rfind(|x| {
            x.trigger.0 < c.verb
                && matches!(
                    x.code.get(..2),
                    Some("03" | "04" | "05" | "06" | "07" | "08")
                )
        });
        let (parties, modality) = match act {
            Some(act) => {
                let act_trigger = act.trigger.0;
                // "agreed to talks brokered by Turkey" (038): the act already names the mediator
                if out.candidates.iter().any(|x| {
                    x.trigger.0 == act_trigger && x.target.is_some_and(|t| mediators.contains(&t))
                }) {
                    continue;
                }
                let mut parties: Vec<usize> = out
                    .candidates
                    .iter()
                    .filter(|x| x.trigger.0 == act_trigger)
                    .flat_map(|x| std::iter::once(x.source).chain(x.target))
                    .filter(|p| !mediators.contains(p))
                    .collect();
                parties.sort_unstable();
                parties.dedup();
                (parties, act.modality)
            }
            None => {
                let parties = parties_before(&ctx, &clauses, &out.candidates, c, &mediators);
                if parties.len() < 2 {
                    continue;
                }
                (parties, c.modality)
            }
        };
        out.candidates.retain(|x| x.trigger.0 != c.verb);
        for &med in &mediators {
            for &party in &parties {
                out.candidates.push(Candidate {
                    source: med,
                    target: Some(party),
                    code: code.to_string(),
                    modality,
                    pattern: pattern.clone(),
                    trigger: (c.verb, c.verb + 1),
                    span: (c.verb, by + 1),
                    mutual: false,
                    target_as: TargetAs::Phrase,
                });
            }
        }
    }
    // a plain statement (010, no target) adds nothing when what was said is coded as an
    // asserted act: the speaker's own ("said it would meet" → 036 only) or one the speaker
    // reports ("gunmen killed 12 villagers, police said" → the killing only); a statement to
    // someone adds nothing when what was told is the speaker's own act ("the prosecutor told
    // the Security Council that he had opened an investigation" → 092 only), but telling an
    // envoy that another side attacked is a statement to that envoy as well
    // (borrowed: these are asked for every pair of candidates)
    let code_of = |p: usize| ctx.codes.get(p).and_then(|c| c.as_deref());
    let said_own_act = |c: &Candidate| {
        let speaker = code_of(c.source);
        c.code == "010"
            && out.candidates.iter().any(|o| {
                o.modality == Modality::Asserted
                    && o.code != "010"
                    && code_of(o.source)
                        .is_some_and(|actor| c.target.is_none() || Some(actor) == speaker)
                    && clauses.iter().any(|k| {
                        // the content clause of the speech ("said it would ..."), not an adjunct
                        // ("told reporters after meeting ...")
                        // ("is ready to lift": an infinitive after a future cue is one)
                        k.verb == o.trigger.0
                            && k.governor == Some(c.trigger.0)
                            && (!k.infinitive || k.future)
                            && !k.form.has(VerbForm::GERUND)
                    })
            })
    };
    // ... and when what was said is the speaker's own announced act that no pattern codes
    // ("said it would triple aid for Gaza"): the news is the act, not that something was
    // said, and a bare 010 in its place is a false event
    let announced_own_act = |c: &Candidate| {
        c.code == "010"
            && c.target.is_none()
            && clauses.iter().any(|k| {
                k.governor == Some(c.trigger.0)
                    && !k.negated
                    && k.matched.is_none()
                    && own_future_in_speech(&ctx, &clauses, k)
            })
    };
    // ... and when what was said is an act, reported as done, that no pattern codes ("Saudi
    // Arabia agreed to give Pakistan a loan, the ministry said", "the tanks have arrived in
    // Ukraine, Zelensky said"): the news is the act, which dyad missed; the statement in its
    // place is a false event. A statement of something that is no act ("there was no
    // evidence"), or of an act denied, feared or announced ("NATO will not send troops",
    // "Iran may retaliate"), stays a statement.
    // (a reported statement is a statement: "Moscow says yes, Kyiv says no")
    let event_verb = |k: &VerbClause| {
        !ctx.verb_classes(k.verb).contains(CueClass::Speech)
            && ctx.flags(k.lemma) & lemma_flag::NON_STATEMENT != 0
    };
    let reported_uncoded_act = |c: &Candidate| {
        c.code == "010"
            && c.target.is_none()
            && clauses.iter().any(|k| {
                k.governor == Some(c.trigger.0)
                    // a claim's content is the claim's ("Russia claimed that drones attacked")
                    && k.modality == Modality::Asserted
                    && !k.negated
                    && !k.future
                    && !k.possible
                    && !k.would
                    && !k.infinitive
                    // the content clause ("were using"), not an adjunct ("told reporters
                    // after meeting")
                    && !(k.form.has(VerbForm::GERUND) && k.group_start == k.verb)
                    // "progress has been made": a passive with no agent and no subject is no
                    // one's act
                    && !(k.passive && k.subject.is_empty())
                    // "Israel has no plans to strike ..., an official said": an act denied
                    // after the verb
                    && !ctx.a.cues.iter().any(|&(s, len, cl)| {
                        cl == CueClass::Negation && len > 1 && s > k.verb && s <= k.verb + 2
                    })
                    && event_verb(k)
            })
    };
    // A side saying that it did not do an act ("Azerbaijan did not attack civilians, President
    // Aliyev insisted"; "'We have never used chemical weapons,' Assad said") denies
    // responsibility for it (016), as "denied attacking" does: the speaker's statement takes
    // that code. Only for the speaker's own side — the same actor, the state and its government
    // or army, or "we" in a quote — and for an act said not to have happened, not one refused
    // for the future ("NATO will not send troops" stays a statement): what others did not do
    // ("police did not use tear gas, witnesses said") is their news, not the speaker's denial.
    fn state_side(code: &str) -> Option<&str> {
        (code.len() >= 3 && matches!(&code[3..], "" | "GOV" | "MIL")).then(|| &code[..3])
    }
    let own_side = |speaker: &str, p: usize| match code_of(p) {
        Some(actor) => {
            actor == speaker || state_side(actor).is_some_and(|s| Some(s) == state_side(speaker))
        }
        None => ctx.a.phrases[p].pronoun == Some(crate::annotate::Pronoun::Speaker),
    };
    let denies_own_act = |c: &Candidate| {
        let Some(speaker) = code_of(c.source).filter(|_| c.code == "010" && c.target.is_none())
        else {
            return false;
        };
        clauses.iter().any(|k| {
            k.governor == Some(c.trigger.0)
                && k.negated
                && !k.future
                && !k.possible
                && !k.would
                && !k.infinitive
                && !k.form.has(VerbForm::GERUND)
                && !k.passive
                && k.subject.iter().any(|&p| own_side(speaker, p))
                && event_verb(k)
        })
    };
    // "Lula urged Venezuela and Guyana to resolve their dispute, speaking at a summit in
    // Rio": a participle that only says where or to whom the words were spoken sets the scene
    // of the act its clause reports, and that act is the news
    let scene_of_act = |c: &Candidate| {
        c.code == "010"
            && clauses.iter().any(|k| {
                k.verb == c.trigger.0
                    && is_comma_participle(&ctx, k)
                    && k.governor.is_some_and(|g| {
                        out.candidates
                            .iter()
                            .any(|o| o.trigger.0 == g && !o.code.starts_with("01"))
                    })
            })
    };
    // "... said Port Vila had no plans to host a base, dismissing a media report as
    // speculation": the speaker's act in a participle of the speech is the news; the bare
    // statement adds nothing
    let act_in_participle = |c: &Candidate| {
        c.code == "010"
            && c.target.is_none()
            && out.candidates.iter().any(|o| {
                o.source == c.source
                    && o.modality == Modality::Asserted
                    && !o.code.starts_with("01")
                    && clauses.iter().any(|k| {
                        k.verb == o.trigger.0
                            && k.governor == Some(c.trigger.0)
                            && is_comma_participle(&ctx, k)
                    })
            })
    };
    let denial: Vec<bool> = out.candidates.iter().map(denies_own_act).collect();
    // (a statement that denies the speaker's own act is an act of its own, 016)
    let drop: Vec<bool> = out
        .candidates
        .iter()
        .zip(&denial)
        .map(|(c, &denies)| {
            said_own_act(c)
                || announced_own_act(c)
                || reported_uncoded_act(c)
                || scene_of_act(c)
                || (act_in_participle(c) && !denies)
        })
        .collect();
    for (c, _) in out.candidates.iter_mut().zip(&denial).filter(|(_, &d)| d) {
        c.code = "016".to_string();
    }
    let mut keep = drop.iter().map(|d| !d);
    out.candidates.retain(|_| keep.next().unwrap());
    // "threatened to escalate strikes if the government pushed ahead with the reform": a
    // threat with no one named after its verb is aimed at whoever its condition names, the
    // actor subject of the "if" or "unless" clause that follows it
    for c in out
        .candidates
        .iter_mut()
        .filter(|c| c.code.starts_with("13") && c.target.is_none())
    {
        let condition = ctx.a.cues.iter().find(|&&(s, _, cl)| {
            cl == CueClass::Condition
                && s > c.trigger.0
                && matches!(ctx.lower(s), "if" | "unless")
                && !(c.trigger.0..s).any(|t| ctx.is(t, kind::SEMI | kind::COLON | kind::PERIOD))
        });
        let Some(&(at, len, _)) = condition else {
            continue;
        };
        let named = clauses
            .iter()
            .find(|k| k.group_start > at)
            .and_then(|k| k.subject.first().copied())
            .filter(|&p| {
                ctx.a.phrases[p].start == at + len
                    || (at + len..ctx.a.phrases[p].start).all(|t| ctx.tag(t) == Tag::Det)
            })
            .filter(|&p| code_of(p).is_some_and(|t| code_of(c.source) != Some(t)));
        if let Some(p) = named {
            c.target = Some(p);
        }
    }
    // "rebels killed at least 40 students", "gunmen killed dozens of villagers": killing
    // civilians in large numbers is a mass killing (202); a few civilians killed by gunmen,
    // rebels or criminals rather than by an army is a killing by assault (1823). Soldiers
    // killed, or civilians killed by state forces, stay a use of force.
    for c in out.candidates.iter_mut().filter(|c| c.code == "190") {
        let lemma = ctx.a.verb[c.trigger.0].map_or(0, |x| x.0);
        if ctx.flags(lemma) & lemma_flag::KILL == 0 {
            continue;
        }
        let (Some(t), Some(source)) = (c.target, code_of(c.source)) else {
            continue;
        };
        let Some(victims) = code_of(t) else { continue };
        let civilians = victims.len() == 3
            || matches!(
                victims.get(3..),
                Some("CVL" | "EDU" | "BUS" | "LAB" | "REF" | "HLH" | "AGR")
            );
        if !civilians {
            continue;
        }
        let count = victim_count(&ctx, c.trigger.0 + 1, ctx.a.phrases[t].end);
        let irregular = matches!(source.get(3..), Some("UAF" | "REB" | "CRM" | "INS" | "SEP"))
            || source.starts_with("IMG");
        if count >= 18 {
            c.code = "202".to_string();
        } else if count > 0 && irregular && victims.len() > 3 {
            c.code = "1823".to_string();
        }
    }
    // (after the killings have their codes: the more specific code is kept)
    device_victims(&ctx, &clauses, &mut out.candidates);
    fold_casualties_into_act(&ctx, &clauses, &mut out.candidates);
    // "resigned and fled the country after weeks of deadly protests against her government",
    // "scrapped a planned lithium mine, bowing to weeks of environmental protests": a
    // concession (08x) made to protests yields to the protesters of its own country
    for cand in &mut out.candidates {
        if cand.target.is_some() || !cand.code.starts_with("08") {
            continue;
        }
        if let Some(at) = protests_yielded_to(&ctx, cand.trigger.0) {
            cand.target = Some(cand.source);
            cand.target_as = TargetAs::Sector("OPP", at);
        }
    }
    // "Supporters of Imran Khan attacked military installations": force used by the groups
    // that protest — an opposition's supporters, students, workers — is CAMEO's violent
    // protest (145), not a military attack (civilians at large are not among them: settlers
    // attacking villagers, a man assaulting a minister, are no protest)
    for cand in &mut out.candidates {
        let protesting = ctx
            .codes
            .get(cand.source)
            .and_then(|c| c.as_deref())
            .is_some_and(|c| c.len() == 6 && matches!(&c[3..], "OPP" | "EDU" | "LAB"));
        if protesting && matches!(cand.code.as_str(), "190" | "193" | "180") {
            cand.code = "145".to_string();
        }
    }
    // "approved a 50 billion euro financial support package for Ukraine": what kind of aid is
    // named between the verb and its recipient decides the sub-code of generic aid (070)
    for cand in &mut out.candidates {
        if cand.code != "070" {
            continue;
        }
        let end = cand
            .target
            .map_or(cand.span.1, |t| ctx.a.phrases[t].start)
            .min(cand.trigger.0 + 12)
            .min(n);
        // (what the money is for before that it is money: "50 million euros in humanitarian
        // assistance" is humanitarian aid)
        let kind = |i: usize| match ctx.lower(i) {
            "humanitarian" | "food" | "medical" | "relief" => Some(("073", 0)),
            "military" | "weapons" | "arms" | "ammunition" | "tanks" | "missiles" => {
                Some(("072", 0))
            }
            "financial" | "economic" | "budget" | "budgetary" | "loan" | "loans" | "cash"
            | "euro" | "euros" | "dollar" | "dollars" | "funding" | "funds" => Some(("071", 1)),
            _ => None,
        };
        let sub = (cand.trigger.0 + 1..end)
            .filter_map(kind)
            .min_by_key(|&(_, rank)| rank)
            .map(|(code, _)| code);
        if let Some(sub) = sub {
            cand.code = sub.to_string();
        }
    }
    // "Police detained more than 1,300 people at anti-war protests": people taken at a protest
    // are its protesters
    for cand in &mut out.candidates {
        let Some(t) = cand.target.filter(|_| cand.code.starts_with('1')) else {
            continue;
        };
        let p = &ctx.a.phrases[t];
        if p.end == 0 || !matches!(ctx.lower(p.end - 1), "people" | "persons") {
            continue;
        }
        if !matches!(ctx.lower(p.end.min(n - 1)), "at" | "during") {
            continue;
        }
        let at_protest = (p.end + 1..(p.end + 5).min(n)).any(|i| {
            matches!(
                singular(ctx.lower(i)),
                "protest" | "rally" | "demonstration" | "march" | "sit-in"
            )
        });
        // (the record's target text stays the people)
        if at_protest {
            cand.target_as = TargetAs::Sector("OPP", p.end - 1);
        }
    }
    // "allowed U.N. nuclear inspectors into the Fordow site": who is let in decides the
    // sub-code of allowing international involvement (peacekeepers 0861, inspectors 0862,
    // humanitarian workers 0863)
    for cand in &mut out.candidates {
        let Some(t) = cand.target.filter(|_| cand.code == "086") else {
            continue;
        };
        let p = &ctx.a.phrases[t];
        let sub = (p.start..p.end).find_map(|i| match singular(ctx.lower(i)) {
            "peacekeeper" | "peacekeeping" => Some("0861"),
            "inspector" => Some("0862"),
            "worker" | "aid" | "humanitarian" => Some("0863"),
            _ => None,
        });
        if let Some(sub) = sub {
            cand.code = sub.to_string();
        }
    }
    // "China summoned Japan's ambassador to protest against the remarks": a state that
    // protests — named as a country, its capital or its government — complains officially
    // (114); its people ("Cubans protested") demonstrate
    for cand in &mut out.candidates {
        if !cand.code.starts_with("141") {
            continue;
        }
        let state = match ctx.a.phrases.get(cand.source) {
            Some(p) if p.agent.is_none() && p.person.is_none() => matches!(
                p.country,
                Some((_, ActorKind::CountryName | ActorKind::Capital))
            ),
            Some(_) => ctx
                .codes
                .get(cand.source)
                .and_then(|c| c.as_deref())
                .is_some_and(|c| c.len() == 6 && &c[3..] == "GOV"),
            None => false,
        };
        // ("attacked protesting students": a participle before its noun is no act)
        let protest_verb = ctx.a.verb[cand.trigger.0]
            .is_some_and(|(l, _)| lex.lemma(l) == "protest")
            && !matches!(ctx.tag(cand.trigger.0 + 1), Tag::Noun | Tag::Actor);
        if state && protest_verb {
            cand.code = "114".to_string();
        }
    }
    // "telephoned Erdogan on Tuesday to offer condolences", "summoned the ambassador to
    // protest": words spoken in the purpose of a contact are addressed to the one contacted,
    // the object of the contact's own act (a verbal act only: what force is used for has
    // targets of its own)
    for k in 0..out.candidates.len() {
        let cand = &out.candidates[k];
        let verbal = matches!(
            cand.code.get(..2),
            Some("01" | "02" | "03" | "05" | "11" | "12")
        );
        if cand.target.is_some() || !verbal {
            continue;
        }
        let Some(governor) = clauses
            .iter()
            .find(|c| c.verb == cand.trigger.0 && c.infinitive)
            .and_then(|c| c.governor)
        else {
            continue;
        };
        let contacted = out.candidates.iter().find_map(|o| {
            let t = o.target?;
            let p = &ctx.a.phrases[t];
            (o.trigger.0 == governor
                && o.source == cand.source
                && p.start > governor
                && p.start <= governor + 2
                && p.end <= cand.trigger.0)
                .then_some(t)
        });
        if let Some(t) = contacted {
            out.candidates[k].target = Some(t);
        }
    }
    // event nouns
    for i in 0..n {
        // an attack noun that heads its owner's phrase ("Israeli airstrikes on Gaza") is an
        // event noun too; the phrase is its source
        if consumed[i] || !(matches!(a.tags[i], Tag::Noun) || ctx.is(i, kind::OWNED_HEAD)) {
            continue;
        }
        for p in lex.noun_patterns(&s.tokens[i].lower) {
            if let Some(m) = match_noun(&ctx, &clauses, p, i) {
                // one event per verb: an event noun in the object of a coded verb is that
                // verb's topic ("condemned US strikes on Yemen" codes the condemnation only)
                let start = m
                    .sources
                    .iter()
                    .map(|&q| ctx.a.phrases[q].start)
                    .min()
                    .unwrap_or(i)
                    .min(i);
                // a journey in an adjunct ("signed a pact during a visit to Riyadh by ...", "on
                // the second day of Xi's state visit to Moscow") is an act of its own, not the
                // verb's topic
                let adjunct_journey = is_journey(p)
                    && (start.saturating_sub(6)..start)
                        .any(|t| matches!(ctx.lower(t), "on" | "during"));
                // (nor is an act someone is said to be behind: "police said Boko Haram was
                // behind the attack" reports the attack)
                let under_coded_verb = !adjunct_journey
                    && behind_doer(&ctx, i).is_none()
                    && clauses.iter().rfind(|c| c.verb < start).is_some_and(|c| {
                        c.matched.is_some()
                            && ctx.flags(c.lemma) & lemma_flag::LIGHT == 0
                            && (c.verb + 1..start).all(|t| {
                                !matches!(ctx.tag(t), Tag::Sub | Tag::Verb)
                                    && !ctx.is(t, kind::SEMI | kind::COLON)
                            })
                    });
                // background: "since Russia's invasion of Ukraine", "after the killing of"
                let mut b = start;
                while b > 0
                    && matches!(ctx.tag(b - 1), Tag::Det | Tag::Noun | Tag::Num)
                    && start - b < 3
                {
                    b -= 1;
                }
                // "in retaliation for an attack on ...", "in response to the shelling of":
                // the earlier act a reported one answers
                // (read from the noun itself: its source may stand far before it)
                let mut nb = i;
                while nb > 0 && matches!(ctx.tag(nb - 1), Tag::Det | Tag::Noun) && i - nb < 3 {
                    nb -= 1;
                }
                let answered = nb > 1
                    && matches!(ctx.lower(nb - 1), "for" | "to")
                    && matches!(
                        ctx.lower(nb - 2),
                        "retaliation" | "revenge" | "reprisal" | "response" | "reaction"
                    );
                let background = answered
                    || b > 0
                        && matches!(
                            ctx.lower(b - 1),
                            "since" | "after" | "before" | "following" | "despite"
                        );
                // "An Israeli strike on Beirut killed a Hezbollah commander": an attack noun
                // heading the subject of a coded attack verb is that attack
                let subject_of_coded_attack = violent(&p.code)
                    && clauses.iter().any(|c| {
                        c.verb > i
                            && c.subject.iter().any(|&q| {
                                let ph = &ctx.a.phrases[q];
                                ph.start <= i && i < ph.end
                            })
                            && c.matched.as_ref().is_some_and(|m| violent(&m.code))
                    });
                if under_coded_verb || background || subject_of_coded_attack {
                    break;
                }
                let modality = nominal_modality(&ctx, &clauses, &m);
                for t in &mut consumed[m.span.0..m.span.1] {
                    *t = true;
                }
                // "a Ukrainian drone attack on Russia": the weapon before the event noun, or
                // in its phrase, decides the sub-code as it does for a verb
                let mut m = m;
                let noun_end = clause_end(&ctx, m.span.1).min(m.span.1 + 8);
                if let Some(code) = refine_by_instrument(&ctx, &m.code, start, noun_end, &m.targets)
                {
                    m.code = code;
                }
                let targets: Vec<Option<usize>> = if m.targets.is_empty() {
                    vec![None]
                } else {
                    m.targets.iter().map(|&t| Some(t)).collect()
                };
                // "a ceasefire between Israel and Hezbollah", "talks between Russia and
                // Ukraine": an act both parties do, named with "between", is each one's act on
                // the other
                let between = |src: usize| {
                    let start = ctx.a.phrases[src].start;
                    start > 0 && ctx.lower(start - 1) == "between"
                };
                let both_ways = is_mutual_kind(&m.code);
                for &src in &m.sources {
                    for &t in &targets {
                        let mut push = |source: usize, target: Option<usize>| {
                            out.candidates.push(Candidate {
                                source,
                                target,
                                code: m.code.clone(),
                                modality,
                                pattern: m.pattern.clone(),
                                trigger: (i, i + 1),
                                span: m.span,
                                mutual: false,
                                target_as: TargetAs::Phrase,
                            })
                        };
                        push(src, t);
                        if let Some(t) = t.filter(|_| both_ways && between(src)) {
                            push(t, Some(src));
                        }
                    }
                }
                out.nominals.push((i, m, modality));
                break;
            }
        }
    }
    // ... and between the parties of an agreement named by a noun before it ("a ceasefire
    // between Israel and Hezbollah took effect under a deal brokered by the United States"),
    // which the nouns' reading has only now found
    if !out.nominals.is_empty()
        && out
            .candidates
            .iter()
            .any(|c| c.code.starts_with("045") && c.target.is_none())
    {
        out.candidates =
            with_mediated_parties(&ctx, &clauses, &out.candidates, |c| c.target.is_none());
    }
    out.clauses = clauses;
    bufs.masked = ctx.masked;
    bufs.cues = ctx.cues;
    bufs.literal_ids = ctx.literal_ids;
    bufs.group_runs = ctx.group_runs.unwrap_or_default();
    bufs.consumed = consumed;
    bufs.scratch = ctx.scratch.into_inner();
    bufs.kinds = ctx.kinds;
    BUFFERS.set(Some(bufs));
    out
}

/// Each phrase's coordination group as a range of phrase indices, if the groups' numbers
/// never decrease from phrase to phrase (so each group is one run of phrases).
/// (`runs` is a buffer to fill, returned in the `Some`.)
fn group_runs(
    phrases: &[crate::annotate::ActorPhrase],
    mut runs: Vec<std::ops::Range<usize>>,
) -> Option<Vec<std::ops::Range<usize>>> {
    if !phrases.windows(2).all(|w| w[0].group <= w[1].group) {
        return None;
    }
    runs.clear();
    let mut start = 0;
    for k in 0..phrases.len() {
        if k + 1 == phrases.len() || phrases[k + 1].group != phrases[k].group {
            runs.extend(std::iter::repeat_n(start..k + 1, k + 1 - start));
            start = k + 1;
        }
    }
    Some(runs)
}

fn mask_parentheticals(ctx: &mut Ctx) {
    let n = ctx.n();
    let mut i = 0;
    while i < n {
        if ctx.is(i, kind::LPAREN) {
            if let Some(j) = (i + 1..n).find(|&j| ctx.is(j, kind::RPAREN)) {
                ctx.masked[i..=j].iter_mut().for_each(|m| *m = true);
                i = j + 1;
                continue;
            }
        }
        if ctx.is(i, kind::COMMA) && i + 1 < n {
            let nx = i + 1;
            let opens = ctx.is(nx, kind::WHO | kind::WHICH | kind::WHOSE_WHOM)
                || (ctx.tag(nx) == Tag::Verb
                    && ctx.a.verb[nx].is_some_and(|(_, f)| {
                        f.has(VerbForm::GERUND) || f.only(VerbForm::PARTICIPLE)
                    }))
                                || ctx.tag(nx) == Tag::Prep
                || (ctx.tag(nx) == Tag::Det
                    && !(i + 1..n).any(|t| ctx.is(t, kind::AND)))
                // an appositive role after a name: "Dmitry Medvedev, deputy chairman of ...,"
                || appositive_role(ctx, i);
            if opens {
                if let Some(j) = (nx + 1..n).find(|&j| ctx.is(j, kind::COMMA)) {
                    // the parenthetical must close before a verb of the main clause follows
                    if j + 1 < n && (j + 1..n).any(|k| ctx.tag(k) == Tag::Verb) {
                        ctx.masked[i..=j].iter_mut().for_each(|m| *m = true);
                        i = j;
                        continue;
                    }
                }
            }
        }
        i += 1;
    }
}

/// Does the comma at `i` open an appositive: a role phrase (not coordinated with the phrase
/// before the comma) describing the name before it?
fn appositive_role(ctx: &Ctx, i: usize) -> bool {
    let (Some(before), Some(after)) = (
        i.checked_sub(1).and_then(|b| ctx.a.phrase_of[b]),
        ctx.a.phrase_of.get(i + 1).copied().flatten(),
    ) else {
        return false;
    };
    let (b, a) = (&ctx.a.phrases[before], &ctx.a.phrases[after]);
    b.group != a.group
        && a.agent.is_some()
        && a.person.is_none()
        && (b.person.is_some() || !b.names.is_empty())
}

fn verb_group(ctx: &Ctx, v: usize) -> VerbClause {
    let (lemma, form) = ctx.a.verb[v].expect("verb token has a reading");
    let mut c = VerbClause {
        verb: v,
        lemma,
        form,
        group_start: v,
        negated: false,
        passive: false,
        future: false,
        possible: false,
        infinitive: false,
        would: false,
        shares_with: None,
        subject: vec![],
        governor: None,
        modality: Modality::Asserted,
        matched: None,
        reaction_to: None,
        ends_before: None,
    };
    let mut j = v;
    let mut saw_be = false;
    while j > 0 {
        let k = j - 1;
        match ctx.tag(k) {
            Tag::Adv | Tag::Do | Tag::Have => {}
            // "was sharply and repeatedly criticized": coordinated adverbs
            Tag::Conj
                if ctx.lower(k) == "and"
                    && ctx.tag(k + 1) == Tag::Adv
                    && k > 0
                    && ctx.tag(k - 1) == Tag::Adv => {}
            Tag::Be => saw_be = true,
            Tag::Neg => c.negated = true,
            Tag::Modal => match ctx.lower(k) {
                "will" | "'ll" | "shall" | "wo" => c.future = true,
                "would" | "'d" => {
                    c.possible = true;
                    c.would = true;
                }
                _ => c.possible = true,
            },
            Tag::To => c.infinitive = true,
            _ => break,
        }
        j = k;
        if c.infinitive {
            break;
        }
    }
    c.group_start = j;
    c.passive = saw_be && form.has(VerbForm::PARTICIPLE) && !form.only(VerbForm::GERUND);
    // "is set to", "is due to", "is going to", "expected to" before an infinitive
    if c.infinitive && j > 0 {
        let to = j;
        if ctx
            .a
            .cues
            .iter()
            .any(|&(s, len, cl)| cl == CueClass::Future && s + len == to + 1 && s < to)
        {
            c.future = true;
        }
        // their auxiliaries: "is not expected to"
        let mut k = to;
        while k > 0
            && matches!(
                ctx.tag(k - 1),
                Tag::Be | Tag::Neg | Tag::Adv | Tag::Noun | Tag::Verb
            )
            && to - k < 3
        {
            k -= 1;
            if ctx.tag(k) == Tag::Neg && c.future {
                c.negated = true;
            }
        }
    }
    c
}

/// The phrases acting as subject of clause `k`.
fn find_subject(ctx: &Ctx, clauses: &[VerbClause], k: usize, depth: usize) -> Vec<usize> {
    let c = &clauses[k];
    if let Some(p) = c.shares_with.filter(|_| depth < 4) {
        return find_subject(ctx, clauses, p, depth + 1);
    }
    // "South Africa filed a case at the International Court of Justice accusing Israel of
    // genocide", "wrote to the Security Council accusing Iran": a verbal act's participle
    // right after the object of a preposition is what the clause's subject did with it, not
    // what the place or body it was brought to did
    if c.form.only(VerbForm::GERUND) && c.group_start == c.verb && depth < 4 && c.verb > 0 {
        // (a body something is brought to, not people: "fired tear gas at protesters
        // rallying" is the protesters' rally; nor "with Oman acting as mediator", whose
        // participle has the phrase before it for its subject)
        let after_object = ctx.a.phrase_of[c.verb - 1].is_some_and(|ph| {
            let p = &ctx.a.phrases[ph];
            let mut t = p.start;
            while t > 0 && ctx.tag(t - 1) == Tag::Det {
                t -= 1;
            }
            (p.org.is_some() || p.institution.is_some())
                && t > 0
                && matches!(ctx.lower(t - 1), "at" | "to" | "before")
        });
        if after_object && is_verbal_act(ctx, c.lemma) {
            let main = clauses[..k].iter().rposition(|x| {
                let participle = x.form.only(VerbForm::GERUND) && x.group_start == x.verb;
                !(x.infinitive || participle || x.passive)
            });
            if let Some(m) = main {
                return find_subject(ctx, clauses, m, depth + 1);
            }
        }
    }
    // "Russian missiles struck central Kyiv, killing civilians": a participle after a comma
    // adds to the clause before it, and its subject is that clause's subject, never the
    // object in between; after a passive clause ("was shelled by ..., killing") the doer is
    // the agent phrase, which this rule does not guess
    if c.form.only(VerbForm::GERUND)
        && c.group_start == c.verb
        && c.verb > 0
        && ctx.s.tokens[c.verb - 1].is_punct(",")
        && depth < 4
    {
        // the finite clause: in "urged Venezuela and Guyana to resolve their dispute,
        // speaking at a summit" the speaker is the one who urged
        // (one inside a parenthetical only when no other is there: the masking of a comma
        // clause is a guess)
        // "Gunmen attacked a village, police said, killing 20 people": an act of force in
        // the participle is the act's, not the reporter's; the attribution in between (a
        // speech verb whose speaker follows a comma) is passed over
        let forceful = ctx.flags(c.lemma) & lemma_flag::FORCEFUL != 0;
        let attribution = |x: &VerbClause| {
            let start = attribution_start(ctx, x);
            ctx.verb_classes(x.verb).contains(CueClass::Speech)
                && !x.subject.is_empty()
                && start > 0
                && ctx.s.tokens[start - 1].is_punct(",")
        };
        // (`past_attributions`: pass over an attribution to the act it attributes)
        let finite_before = |same_mask: bool, past_attributions: bool| {
            clauses[..k].iter().rposition(|x| {
                let participle = x.form.only(VerbForm::GERUND) && x.group_start == x.verb;
                let finite = !x.infinitive && !participle;
                x.verb < c.verb
                    && finite
                    && !(past_attributions && attribution(x))
                    && (!same_mask || ctx.masked[x.verb] == ctx.masked[c.verb])
                    && !(x.verb..c.verb).any(|t| ctx.is(t, kind::SEMI | kind::COLON))
            })
        };
        // ", Aliyev insisted, rejecting accusations": after an attribution set off by commas,
        // a participle that is no act of force is the speaker's
        // (whether the verb is verbal reads all its patterns: asked only after an attribution)
        let after_attribution = finite_before(false, false)
            .filter(|&m| attribution(&clauses[m]) && is_verbal_act(ctx, c.lemma));
        if let Some(m) = after_attribution {
            return find_subject(ctx, clauses, m, depth + 1);
        }
        let main = finite_before(true, forceful).or_else(|| finite_before(false, forceful));
        if let Some(m) = main {
            if clauses[m].passive {
                return vec![];
            }
            return find_subject(ctx, clauses, m, depth + 1);
        }
    }
    let own_masked = ctx.masked[c.verb];
    // "..., the official news agency WFNA said": the speaker of a trailing attribution stands
    // between the comma and the verb; when no actor is named there, the speaker is not one
    // (or set off by commas before more of the sentence: "..., Xinhua said, after a call")
    let trailing_speech = ctx.verb_classes(c.verb).contains(CueClass::Speech)
        && !c.form.has(VerbForm::GERUND)
        && (words_after(ctx, c.verb) <= 5
            || ctx
                .s
                .tokens
                .get(c.verb + 1)
                .is_some_and(|t| t.is_punct(",")));
    // '"...," said Pieter Hoekstra, an analyst': a speech verb right after a closing quotation
    // mark has its speaker after it, never in the quotation ("it" there is what was spoken
    // of); a speaker who is no actor leaves the statement without one
    if c.group_start >= 2
        && ctx.s.tokens[c.group_start - 1].is_punct("\"")
        && matches!(ctx.lower(c.group_start - 2), "," | "." | "?" | "!")
        && ctx.verb_classes(c.verb).contains(CueClass::Speech)
    {
        return (c.verb + 1..(c.verb + 7).min(ctx.n()))
            .take_while(|&i| matches!(ctx.tag(i), Tag::Name | Tag::Det | Tag::Actor))
            .find_map(|i| ctx.a.phrase_of[i])
            .into_iter()
            .collect();
    }
    // (... unless a role modifies the speaker's noun: "the primary official news agency WFNA
    // said" is some government's speaker, as PETRARCH reads it)
    // "a week after a bomb attack on Istanbul's busiest shopping street killed six people",
    // "the blast killed": a finite verb right after a plain noun phrase that opens with an
    // article or an owner's possessive has that noun phrase for its subject — one dyad cannot
    // code — and not an actor further back. The phrase may carry prepositional phrases: its
    // head is read before them ("An Israeli strike on Beirut's southern suburbs killed" is
    // the strike's act). An owned attack noun ("Russia's invasion killed") is read elsewhere.
    if !c.infinitive && !c.form.has(VerbForm::GERUND) {
        if let Some(subject) = noun_phrase_subject(ctx, c.group_start) {
            return subject;
        }
    }
    let mut speaker_role: Option<usize> = None;
    let mut j = c.group_start;
    while j > 0 {
        j -= 1;
        if ctx.masked[j] && !own_masked {
            continue;
        }
        if trailing_speech && j + 1 < c.group_start && ctx.is(j, kind::COMMA) {
            return speaker_role.map(|p| vec![p]).unwrap_or_default();
        }
        if let Some(p) = ctx.a.phrase_of[j] {
            let ph = &ctx.a.phrases[p];
            j = ph.start;
            if trailing_speech && ph.modifier && ph.agent.is_some() && ph.country.is_none() {
                speaker_role = Some(p);
            }
            if ph.possessive
                || ph.modifier
                || (ph.is_bare_adjective() && ctx.tag(ph.end) != Tag::Verb)
            {
                continue;
            }
            // "fired tear gas at protesters rallying against the bill": a participle right
            // after a phrase modifies it, even one after a preposition
            let reduced_relative = c.form.only(VerbForm::GERUND)
                && c.group_start == c.verb
                && ph.end == c.verb
                && !ph.possessive;
            if reduced_relative {
                return ctx.group_of(p);
            }
            // right before the verb group it is the subject, whatever precedes it ("since
            // Greece sent aid", "after Russia attacked")
            // (words that are adverbs there though read as nouns: "after Haiti's government
            // first appealed")
            let adjacent = (ph.end..c.group_start).all(|t| {
                matches!(ctx.tag(t), Tag::Adv)
                    || (t + 1 == c.group_start
                        && matches!(
                            ctx.lower(t),
                            "first" | "last" | "later" | "earlier" | "again" | "initially"
                        ))
            });
            let right_before_verb = adjacent;
            // what stands before a coordination stands before its first member: "police in
            // Kenya and Tanzania arrested" is not "Kenya and Tanzania arrested"
            // (read from the group's run when there is one: a list per clause was an
            // allocation)
            let group_start = match &ctx.group_runs {
                Some(runs) => runs[p].clone().map(|g| ctx.a.phrases[g].start).min(),
                None => ctx
                    .group_of(p)
                    .iter()
                    .map(|&g| ctx.a.phrases[g].start)
                    .min(),
            }
            .unwrap_or(ph.start);
            let mut b0 = group_start;
            while b0 > 0 && matches!(ctx.tag(b0 - 1), Tag::Det | Tag::Num) {
                b0 -= 1;
            }
            let clause_prep = b0 > 0 && opens_clause_of_time(ctx.lower(b0 - 1));
            // ("Russia's ambassador to the United Nations defended": "to" before a phrase is
            // a preposition too, before a finite verb; "appealed to Iran to release" makes
            // Iran the doer of the infinitive)
            let to_object = !c.infinitive && ctx.tag(b0.saturating_sub(1)) == Tag::To;
            let adjacent = adjacent
                && (b0 == 0 || (ctx.tag(b0 - 1) != Tag::Prep && !to_object) || clause_prep);
            let mut b = group_start;
            while b > 0 && matches!(ctx.tag(b - 1), Tag::Det | Tag::Num) {
                b -= 1;
            }
            // object of a preposition ("in Moscow", "with Russia", "the invasion of Ukraine":
            // a role's "of" is already part of its phrase, "the head of the army")
            // ("thousands of protesters", "some of the rebels" are the protesters, the rebels)
            let quantity_of =
                b > 1 && ctx.lower(b - 1) == "of" && matches!(ctx.tag(b - 2), Tag::Num | Tag::Det);
            // ("Fighters from the Amhara Fano militia clashed", "Members of a gang killed": a
            // plural noun no dictionary knows, opening the sentence, stands for members of
            // the actor after its "of" or "from")
            // (or a collective noun: "A team of Chinese military engineers arrived")
            let members_of = b > 1
                && matches!(ctx.lower(b - 1), "of" | "from")
                && ctx.tag(b - 2) == Tag::Noun
                && (ctx.lower(b - 2).ends_with('s')
                    || matches!(
                        ctx.lower(b - 2),
                        "team" | "group" | "unit" | "contingent" | "squad" | "convoy" | "column"
                    ))
                && (0..b - 2).all(|t| matches!(ctx.tag(t), Tag::Det | Tag::Num));
            // "summoned China's ambassador on Wednesday to protest", "telephoned Putin to
            // offer condolences": an infinitive after the object of a verb that hands its
            // object no act ("urged Iran to", "gave the junta a week to") is a purpose clause,
            // its subject's act
            // (not a clause's subject: "said it is ready to demobilise")
            if c.infinitive
                && b > 0
                && ctx.tag(b - 1) == Tag::Verb
                && !ctx.a.verb[b - 1].is_some_and(|(l, _)| hands_object_the_act(ctx, l))
                && !ctx.verb_classes(b - 1).any_of(&[
                    CueClass::Speech,
                    CueClass::Denial,
                    CueClass::Fear,
                ])
                && !(ph.end..c.group_start).any(|t| {
                    matches!(
                        ctx.tag(t),
                        Tag::Verb | Tag::Be | Tag::Have | Tag::Modal | Tag::Do | Tag::Sub
                    )
                })
            {
                continue;
            }
            // "paused military aid to Ukraine on Monday to pressure Zelensky": after a
            // preposition, the phrase is the infinitive's doer only when the verb before it
            // hands its object the act ("appealed to Iran to release", "called on Russia to")
            if c.infinitive && b > 1 && matches!(ctx.tag(b - 1), Tag::Prep | Tag::To) {
                let governing = (b.saturating_sub(8)..b - 1)
                    .rev()
                    .find(|&t| ctx.tag(t) == Tag::Verb)
                    .and_then(|t| ctx.a.verb[t]);
                let hands_act = governing.is_some_and(|(l, _)| hands_object_the_act(ctx, l));
                if governing.is_some() && !hands_act {
                    continue;
                }
            }
            // "Islamist militants linked to al Qaeda killed ...", "troops loyal to Haftar
            // attacked": right before the verb, the phrase after a participle or adjective
            // that describes the phrase before it is no subject; the phrase described is
            // (past a word or two describing the phrase: "backed by local clan militias")
            let mut bm = b;
            while bm > b.saturating_sub(2)
                && bm > 0
                && ctx.tag(bm - 1) == Tag::Noun
                && ctx.a.phrase_of[bm - 1].is_none()
            {
                bm -= 1;
            }
            if right_before_verb
                && bm >= 3
                && matches!(ctx.lower(bm - 1), "to" | "with" | "by" | "from")
                && (ctx.lower(bm - 2).ends_with("ed")
                    || matches!(ctx.lower(bm - 2), "loyal" | "close" | "allied"))
            {
                if let Some(q) = ctx.a.phrase_of[bm - 3].filter(|&q| ctx.a.phrases[q].end == bm - 2)
                {
                    return ctx.group_of(q);
                }
            }
            // "shortly after a court in Islamabad sentenced him": right before the verb, a
            // place after "in" or "at" locates the actor before it, which is the subject
            if right_before_verb
                && b >= 2
                && matches!(ctx.lower(b - 1), "in" | "at")
                && is_place(ctx, p)
            {
                // (the actor not itself inside a prepositional phrase: "Sudan's dispersal of
                // protesters in Khartoum killed dozens" is the dispersal's act)
                if let Some(q) = ctx.a.phrase_of[b - 2].filter(|&q| {
                    let qh = &ctx.a.phrases[q];
                    let mut qb = qh.start;
                    while qb > 0 && matches!(ctx.tag(qb - 1), Tag::Det | Tag::Num) {
                        qb -= 1;
                    }
                    qh.end == b - 1
                        && !qh.possessive
                        && !qh.modifier
                        && !is_place(ctx, q)
                        && (qb == 0
                            || !matches!(ctx.tag(qb - 1), Tag::Prep | Tag::To)
                            || opens_clause_of_time(ctx.lower(qb - 1)))
                }) {
                    return ctx.group_of(q);
                }
            }
            // ("a visit to Egypt": "to" before a phrase is a preposition too)
            if !adjacent
                && b > 0
                && matches!(ctx.tag(b - 1), Tag::Prep | Tag::To)
                && !quantity_of
                && !members_of
            {
                continue;
            }
            // "condemned an attack in south Ithilen on Thursday and promised aid": a verb right
            // after "and" with no subject of its own shares the subject of the verb before;
            // what stands between is that verb's object or adjunct
            let mut t = c.group_start;
            while t > 0 && ctx.tag(t - 1) == Tag::Adv {
                t -= 1;
            }
            // ("was heavily and unjustly criticized": adverbs coordinated inside the verb group
            // are no second verb)
            let mut u = t.saturating_sub(1);
            while u > 0 && ctx.tag(u - 1) == Tag::Adv {
                u -= 1;
            }
            let inside_group = u + 1 < t
                && u > 0
                && matches!(ctx.tag(u - 1), Tag::Be | Tag::Have | Tag::Modal | Tag::Do);
            // (only a phrase after an earlier verb is that verb's object or adjunct; with no
            // verb dyad knows in between, "Turkey sent a letter ... and was condemned" keeps
            // Turkey)
            let conjoined_verb = t > ph.end
                && ctx.is(t - 1, kind::AND | kind::BUT | kind::THEN)
                && !inside_group
                && (0..ph.start).any(|x| ctx.tag(x) == Tag::Verb);
            if !adjacent && conjoined_verb {
                continue;
            }
            // a phrase right after another verb is that verb's object: the subject of this
            // verb is further left ("visits Greece, signs accord") — unless this verb is that
            // verb's complement ("urged Russia to withdraw", "accused Ukraine of shelling":
            // the object does the complement) or that verb takes a clause ("said Ukraine
            // attacked")
            if !adjacent && b > 0 && ctx.tag(b - 1) == Tag::Verb {
                let clausal = ctx.verb_classes(b - 1).any_of(&[
                    CueClass::Speech,
                    CueClass::Denial,
                    CueClass::Fear,
                ]);
                let object_controlled = c.infinitive
                    || (c.form.has(VerbForm::GERUND)
                        && (c.group_start == 0
                            || ctx.tag(c.group_start - 1) != Tag::Prep
                            || matches!(
                                ctx.lower(c.group_start - 1),
                                "of" | "for" | "from" | "into" | "about" | "against"
                            )));
                let nonfinite = c.infinitive || c.form.has(VerbForm::GERUND);
                if !object_controlled && (!clausal || nonfinite) {
                    continue;
                }
            }
            return ctx.group_of(p);
        }
        match ctx.tag(j) {
            Tag::Sub => {
                let l = ctx.lower(j);
                if matches!(l, "who" | "which" | "that") {
                    let mut b = j;
                    while b > 0 && ctx.s.tokens[b - 1].is_punct(",") {
                        b -= 1;
                    }
                    if b > 0 {
                        if let Some(p) = ctx.a.phrase_of[b - 1] {
                            // "a car bombing at a police academy in Bogota that killed 21
                            // people", "an attack on the town of Douma that killed": a place
                            // after a preposition ends a noun phrase whose head, no actor,
                            // the relative clause is about
                            let mut s = ctx.a.phrases[p].start;
                            while s > 0 && ctx.tag(s - 1) == Tag::Det {
                                s -= 1;
                            }
                            let placed = s > 0
                                && matches!(
                                    ctx.lower(s - 1),
                                    "in" | "at" | "near" | "outside" | "of" | "on"
                                );
                            if placed && is_town_or_capital(&ctx.a.phrases[p]) {
                                return vec![];
                            }
                            if l != "that" || ctx.a.phrases[p].end == j {
                                return ctx.group_of(p);
                            }
                        }
                    }
                }
                return vec![];
            }
            Tag::Verb => {
                // "..., witnesses said": a plain noun right before the verb is its subject,
                // one dyad cannot code; the verb does not borrow the previous clause's subject
                if c.group_start > 0
                    && ctx.tag(c.group_start - 1) == Tag::Noun
                    && !c.infinitive
                    && !c.form.has(VerbForm::GERUND)
                {
                    return vec![];
                }
                let Some(prev) = clauses.iter().position(|x| x.verb == j) else {
                    return vec![];
                };
                // "Protesters demanding the resignation of X blocked roads": a finite verb
                // after a participle that modifies the phrase before it has that phrase for
                // its subject
                if !c.infinitive && !c.form.has(VerbForm::GERUND) && depth < 4 {
                    if let Some(head) = reduced_relative_head(ctx, clauses, prev) {
                        if !(j + 1..c.group_start).any(|t| ctx.is(t, kind::COMMA | kind::AND)) {
                            return ctx.group_of(head);
                        }
                    }
                }
                let coordinated = (j + 1..c.group_start)
                    .any(|t| ctx.is(t, kind::AND | kind::BUT | kind::THEN | kind::COMMA));
                if (coordinated || c.form.has(VerbForm::GERUND) || c.infinitive) && depth < 4 {
                    // a finite verb coordinates with the last verb of the same kind: in "said
                    // Russia did not attack ... and accused Kyiv", "accused" pairs with "said"
                    // finite: not an infinitive nor a bare participle ("had looted" is finite)
                    let finite = |x: &VerbClause| {
                        !(x.infinitive
                            || (x.form.only(VerbForm::GERUND) && x.group_start == x.verb))
                    };
                    // ... but not with one inside a free relative: in "condemned what they
                    // called an attempted coup and demanded", "demanded" pairs with "condemned"
                    let free_relative = |x: &VerbClause| {
                        x.subject.first().is_some_and(|&p| {
                            let mut t = ctx.a.phrases[p].start;
                            while t > 0 && ctx.tag(t - 1) == Tag::Det && ctx.lower(t - 1) != "what"
                            {
                                t -= 1;
                            }
                            t > 0 && ctx.lower(t - 1) == "what"
                        })
                    };
                    // ... nor, after ", and", with one inside a relative clause: in "said
                    // gunmen who attacked a barracks had not been identified, and denied",
                    // "denied" pairs with "said"
                    let comma_and = c.group_start >= 2
                        && ctx.is(c.group_start - 1, kind::AND)
                        && ctx.is(c.group_start - 2, kind::COMMA);
                    let relative = |x: &VerbClause| {
                        comma_and
                            && x.group_start > 0
                            && matches!(ctx.lower(x.group_start - 1), "who" | "which")
                    };
                    let partner = if coordinated && finite(c) {
                        clauses[..=prev]
                            .iter()
                            .rposition(|x| {
                                finite(x)
                                    && (x.form.0 & c.form.0) != 0
                                    && !free_relative(x)
                                    && !relative(x)
                            })
                            .unwrap_or(prev)
                    } else {
                        prev
                    };
                    return find_subject(ctx, clauses, partner, depth + 1);
                }
                return vec![];
            }
            Tag::Punct if ctx.is(j, kind::SEMI | kind::COLON) => return vec![],
            _ => {}
        }
    }
    vec![]
}

/// The subject of a finite verb whose group starts at `group_start`, when a plain noun phrase
/// opened by an article or an owner's possessive stands right before it: `Some(vec![])` when
/// that noun phrase (its head read past prepositional phrases) is no actor, the actor phrase
/// when its head is one, `None` when no such noun phrase stands there.
fn noun_phrase_subject(ctx: &Ctx, group_start: usize) -> Option<Vec<usize>> {
    let mut t = group_start;
    while t > 0 && ctx.tag(t - 1) == Tag::Adv {
        t -= 1;
    }
    let plain_noun = |k: usize| ctx.tag(k) == Tag::Noun && ctx.a.phrase_of[k].is_none();
    if t == 0 || !plain_noun(t - 1) || ctx.is(t - 1, kind::OWNED_HEAD) {
        return None;
    }
    let in_phrase = |opening: usize| {
        opening >= 2
            && matches!(
                ctx.lower(opening - 1),
                "on" | "in" | "at" | "near" | "of" | "against" | "from"
            )
    };
    // (at most a few prepositional phrases back)
    for _ in 0..4 {
        let mut s = t - 1;
        while s > 0 && plain_noun(s - 1) {
            s -= 1;
        }
        // where the noun phrase opens: its article, or its owner's phrase
        // (an article, not "their": "students and their supporters rallied" is the
        // students' rally)
        let mut opening = if s > 0 && matches!(ctx.lower(s - 1), "a" | "an" | "the") {
            s - 1
        } else if s > 1 && ctx.tag(s - 1) == Tag::Poss {
            ctx.a.phrase_of[s - 2].map(|p| ctx.a.phrases[p].start)?
        } else {
            let p = ctx.a.phrase_of[s.checked_sub(1)?]?;
            if !ctx.a.phrases[p].possessive {
                return None;
            }
            ctx.a.phrases[p].start
        };
        // a prepositional phrase of a noun before it: read that noun (past actors that are
        // themselves inside one: "bombings at the education ministry in the capital")
        loop {
            if !in_phrase(opening) {
                return Some(vec![]);
            }
            let head = opening - 2;
            let Some(p) = ctx.a.phrase_of[head] else {
                if !plain_noun(head) {
                    return Some(vec![]);
                }
                t = head + 1;
                break;
            };
            let ph = &ctx.a.phrases[p];
            let mut b = ph.start;
            while b > 0 && ctx.tag(b - 1) == Tag::Det {
                b -= 1;
            }
            if in_phrase(b) {
                opening = b;
                continue;
            }
            return Some(if ph.possessive || ph.modifier {
                vec![]
            } else {
                ctx.group_of(p)
            });
        }
    }
    Some(vec![])
}

/// The phrase a bare participle clause modifies when it follows the phrase directly
/// ("protesters demanding ..."), if clause `k` is one.
fn reduced_relative_head(ctx: &Ctx, clauses: &[VerbClause], k: usize) -> Option<usize> {
    let c = &clauses[k];
    if !(c.form.only(VerbForm::GERUND) && c.group_start == c.verb) {
        return None;
    }
    let head = ctx.a.phrase_of[c.verb.checked_sub(1)?]?;
    (c.subject.contains(&head) && ctx.a.phrases[head].end == c.verb).then_some(head)
}

/// The verb whose complement clause `k` is.
fn find_governor(ctx: &Ctx, clauses: &[VerbClause], k: usize) -> Option<usize> {
    let c = &clauses[k];
    if let Some(p) = c.shares_with {
        return find_governor(ctx, clauses, p);
    }
    let nearest_verb_before = |mut j: usize| -> Option<usize> {
        while j > 0 {
            j -= 1;
            match ctx.tag(j) {
                Tag::Verb => return Some(j),
                Tag::Punct if ctx.is(j, kind::SEMI | kind::COLON | kind::PERIOD) => return None,
                Tag::Sub if !ctx.is(j, kind::THAT) => return None,
                _ => {}
            }
        }
        None
    };
    // a participial clause after a comma (", killing seven civilians") belongs to the
    // nearest finite verb before it
    if is_comma_participle(ctx, c) {
        return clauses
            .iter()
            .filter(|x| {
                x.verb < c.verb
                    && !x.infinitive
                    && !(x.form.has(VerbForm::GERUND) && x.group_start == x.verb)
            })
            .map(|x| x.verb)
            .next_back();
    }
    if c.infinitive
        || c.form.only(VerbForm::GERUND)
        || (c.form.has(VerbForm::GERUND) && c.group_start == c.verb)
    {
        let before = nearest_verb_before(c.group_start);
        // "The EU is ready to lift its sanctions ..., Borrell said": an infinitive after a
        // future cue with no verb before it is the sentence's own act, governed like a finite
        // clause
        if before.is_some() || !(c.infinitive && c.future) {
            return before;
        }
    }
    // "Ukraine accused Russia of war crimes, officials said": a trailing attribution governs
    // what comes before it and is governed by nothing (read as inside the accusation's
    // complement, it made the accusation a report of a report)
    if is_trailing_attribution(ctx, c) {
        return None;
    }
    // finite clause: inside the complement of a speech / denial / fear verb when its subject
    // stands after that verb
    let first_subject = c.subject.iter().map(|&p| ctx.a.phrases[p].start).min();
    // "Syria denied that government forces had used chemical weapons, and Moscow warned
    // Washington": a subject after ", and" opens a clause of its own, not one more thing
    // denied or feared (what is said goes on being said: "officials said the army had
    // retaken the town, and rebels had fled")
    let after_comma_and = first_subject
        .is_some_and(|s| s >= 2 && ctx.lower(s - 1) == "and" && ctx.lower(s - 2) == ",");
    for g in (0..c.group_start).rev() {
        if ctx.tag(g) != Tag::Verb {
            if ctx.is(g, kind::SEMI) {
                break;
            }
            continue;
        }
        let cls = ctx.verb_classes(g);
        if after_comma_and && !cls.contains(CueClass::Speech) {
            continue;
        }
        if cls.any_of(&[CueClass::Speech, CueClass::Denial, CueClass::Fear])
            && (first_subject.is_some_and(|s| s > g)
                || (g + 1 < ctx.n() && ctx.is(g + 1, kind::THAT)))
        {
            return Some(g);
        }
    }
    // "..., the military said": a trailing attribution governs what comes before it
    clauses
        .iter()
        .filter(|x| x.verb > c.verb && is_trailing_attribution(ctx, x))
        .map(|x| x.verb)
        .next()
}

/// Verbs whose object does the act of their `to`-infinitive ("urged Tehran to show
/// restraint"): the infinitive is not asserted. After other verbs an infinitive following an
/// object is a purpose clause and shares the verb's status ("fired tear gas to disperse them").
/// (A `match` rather than a scan of a list, as [`is_light_verb`].)
fn is_object_control(lemma: &str) -> bool {
    matches!(
        lemma,
        "urge"
            | "ask"
            | "call"
            | "tell"
            | "order"
            | "force"
            | "allow"
            | "invite"
            | "encourage"
            | "press"
            | "pressure"
            | "persuade"
            | "want"
            | "expect"
            | "need"
            | "require"
            | "warn"
            | "advise"
            | "request"
            | "demand"
            | "instruct"
            | "authorize"
            | "authorise"
            | "permit"
            | "enable"
            | "compel"
            | "oblige"
            | "push"
            | "lobby"
            | "appeal"
            | "help"
            | "prompt"
            | "challenge"
            | "dare"
            | "beg"
            | "plead"
            | "implore"
            | "exhort"
            | "convince"
            | "empower"
            | "mandate"
            | "commission"
            | "pay"
            | "train"
            | "choose"
            | "elect"
            | "nudge"
            | "prod"
            | "pressurise"
            | "pressurize"
            | "entreat"
            | "coax"
            | "cajole"
            | "goad"
            | "incite"
    )
}

/// Whether the verb lemma `l` hands its object the act of a `to`-infinitive after it, so that
/// the object does it: the object-control verbs ([`is_object_control`]: "urged Iran to") and
/// "give" ("gave the junta a week to restore order", "gave its approval to Poland to send"),
/// whose infinitive is no less asserted for that.
fn hands_object_the_act(ctx: &Ctx, l: u32) -> bool {
    ctx.flags(l) & lemma_flag::OBJECT_CONTROL != 0 || ctx.lex.lemma(l) == "give"
}

fn modality_of(ctx: &Ctx, clauses: &[VerbClause], k: usize, depth: usize) -> Modality {
    let c = &clauses[k];
    if ctx.question {
        return Modality::Question;
    }
    // "rejected calls to step down", "a bid to oust": an act asked for, planned or
    // attempted after a noun has not happened
    // (the noun may stand a few words back: "calls by the opposition to step down")
    // (asked only of an infinitive: most verbs are not)
    let request_noun = || {
        (c.group_start.saturating_sub(5)..c.group_start)
            .rev()
            .take_while(|&k| ctx.tag(k) != Tag::Verb)
            .any(|k| {
                matches!(
                    ctx.lower(k),
                    "calls"
                        | "call"
                        | "demands"
                        | "demand"
                        | "appeals"
                        | "appeal"
                        | "pressure"
                        | "plan"
                        | "plans"
                        | "bid"
                        | "attempt"
                        | "attempts"
                        | "efforts"
                        | "effort"
                        | "proposal"
                        | "offer"
                        | "offers"
                        | "request"
                        | "requests"
                        | "ultimatum"
                        | "push"
                        | "move"
                        // "a deal to pause the fighting", "an agreement to supply jets": what
                        // a deal provides for is still to be done
                        | "deal"
                        | "deals"
                        | "agreement"
                        | "agreements"
                        | "accord"
                        | "pact"
                        | "treaty"
                        // "had no authority to make such a request", "the right to
                        // protest": what someone may do is not done
                        | "authority"
                        | "right"
                        | "rights"
                        | "mandate"
                        | "permission"
                        // "gave the junta one week to restore order": a deadline
                        | "deadline"
                        | "hours"
                        | "days"
                        | "week"
                        | "weeks"
                        | "month"
                        | "months"
                )
            })
    };
    // "dismissed reports that Russian troops attacked the village", "media reports that Orban
    // was planning to travel": what a report, claim or rumour says is its content, not news
    // (the "that" opens the clause, with no verb between: "reports said that ..." is a
    // speech verb's clause)
    let that_at = (c.group_start.saturating_sub(10)..c.group_start)
        .rev()
        .take_while(|&t| ctx.tag(t) != Tag::Verb)
        .find(|&t| ctx.is(t, kind::THAT));
    if that_at.is_some_and(|t| {
        t > 0
            && matches!(
                singular(ctx.lower(t - 1)),
                "report"
                    | "claim"
                    | "allegation"
                    | "accusation"
                    | "rumour"
                    | "rumor"
                    | "speculation"
                    | "suggestion"
                    | "assertion"
            )
    }) {
        // ("denied accusations that it attacked": a denied claim's content is negated)
        let denied = that_at
            .and_then(|t| clauses.iter().rfind(|x| x.verb < t))
            .is_some_and(|x| ctx.verb_classes(x.verb).contains(CueClass::Denial));
        return if denied {
            Modality::Negated
        } else {
            Modality::Reported
        };
    }
    // "offered to lead a force to Haiti to help police fight armed gangs": the bare verb
    // after "to help" and its object is the purpose's, not done
    let helped = c
        .subject
        .iter()
        .map(|&p| ctx.a.phrases[p].start)
        .min()
        .is_some_and(|s| {
            let mut b = s;
            while b > 0 && ctx.tag(b - 1) == Tag::Det {
                b -= 1;
            }
            b >= 2
                && ctx.a.phrases[c.subject[0]].end == c.group_start
                && ctx.lower(b - 1) == "help"
                && ctx.lower(b - 2) == "to"
        });
    if helped {
        return Modality::Hypothetical;
    }
    if c.infinitive && ctx.lower(c.group_start) == "to" && request_noun() {
        return Modality::Hypothetical;
    }
    // "freeze their assets and ban them from travelling to the bloc", "barred the officials
    // from entering": what someone is kept from doing has not happened (the keeping word is
    // looked for as a word: "ban" after "and" may be read as a noun)
    if c.group_start > 0
        && ctx.lower(c.group_start - 1) == "from"
        && ctx.lower(c.verb).ends_with("ing")
        && (c.group_start.saturating_sub(7)..c.group_start - 1).any(|k| {
            let w = ctx.lower(k);
            let stem = w
                .strip_suffix("ed")
                .or_else(|| w.strip_suffix("ing"))
                .or_else(|| w.strip_suffix('s'))
                .unwrap_or(w);
            matches!(
                stem,
                "ban"
                    | "bann"
                    | "bar"
                    | "barr"
                    | "prohibit"
                    | "forbid"
                    | "forbad"
                    | "forbidden"
                    | "block"
                    | "stop"
                    | "stopp"
                    | "keep"
                    | "kept"
                    | "prevent"
                    | "deter"
                    | "deterr"
                    | "discourag"
                    | "discourage"
                    | "dissuad"
                    | "dissuade"
                    | "restrict"
            )
        })
    {
        return Modality::Hypothetical;
    }
    // "has no plans to strike", "no intention of attacking": a negation phrase of several
    // words right before the verb group
    let negated_before = ctx.a.cues.iter().any(|&(s, len, cl)| {
        cl == CueClass::Negation && len > 1 && s + len <= c.verb && s + len + 2 >= c.group_start
    });
    // "Neither Russia nor China condemned ...": the subjects are negated
    // (asked only in a sentence with a "neither")
    let neither_subject = || {
        ctx.has_neither
            && c.subject
                .iter()
                .map(|&p| ctx.a.phrases[p].start)
                .min()
                .is_some_and(|s| {
                    let mut b = s;
                    while b > 0 && ctx.tag(b - 1) == Tag::Det && !ctx.is(b - 1, kind::NEITHER) {
                        b -= 1;
                    }
                    b > 0 && ctx.is(b - 1, kind::NEITHER)
                })
    };
    // "none voted for the motion", "nobody claimed the attack", "none of the lawmakers
    // backed it", "no Russian troops crossed": a negative pronoun or determiner as the subject
    // says the act did not happen
    let negative_subject = || {
        let g = c.group_start;
        if g >= 1 && matches!(ctx.lower(g - 1), "none" | "nobody" | "neither") {
            return true;
        }
        if g >= 2 && ctx.lower(g - 2) == "no" && ctx.lower(g - 1) == "one" {
            return true;
        }
        c.subject
            .iter()
            .map(|&p| ctx.a.phrases[p].start)
            .filter(|&s| s < g)
            .min()
            .is_some_and(|s| {
                let mut b = s;
                while b > 0 && ctx.tag(b - 1) == Tag::Det {
                    if ctx.lower(b - 1) == "no" {
                        return true;
                    }
                    b -= 1;
                }
                b >= 2 && ctx.lower(b - 1) == "of" && matches!(ctx.lower(b - 2), "none" | "neither")
            })
    };
    if c.negated || negated_before || neither_subject() || negative_subject() {
        return Modality::Negated;
    }
    let v = c.verb;
    // "Fidan said he would host Gerapetritis": a speaker's own future act is an expressed
    // intent, asserted by the speech act
    if own_future_in_speech(ctx, clauses, c) {
        return Modality::Asserted;
    }
    // conditionals before the verb, or anywhere when the verb is future or modal
    // (the sentence's cues first: most have no condition, and the attribution test is dearer)
    // (a reaction set after the sentence is its own statement: "..., only if the EU
    // guaranteed membership, an idea Pristina called a cynical ploy" is no condition of it)
    let scope = match c.reaction_to {
        Some(_) => c
            .subject
            .iter()
            .map(|&p| ctx.a.phrases[p].start)
            .min()
            .unwrap_or(v),
        None => 0,
    };
    let cond = ctx.a.cues.iter().any(|&(s, _, cl)| {
        cl == CueClass::Condition && s >= scope && (s < v || c.future || c.possible)
    }) && !is_trailing_attribution(ctx, c);
    if cond || c.possible {
        return Modality::Hypothetical;
    }
    // "will lift sanctions once inspectors confirm ...": a time clause of a future act has
    // not happened either
    let clause_start = c
        .subject
        .iter()
        .map(|&p| ctx.a.phrases[p].start)
        .filter(|&s| s < c.group_start)
        .min()
        .unwrap_or(c.group_start);
    let mut b = clause_start;
    while b > 0 && ctx.tag(b - 1) == Tag::Det {
        b -= 1;
    }
    if b > 0
        && matches!(
            ctx.lower(b - 1),
            "once" | "when" | "until" | "unless" | "before"
        )
        && clauses.iter().any(|o| o.verb < b && o.future)
    {
        return Modality::Hypothetical;
    }
    // "a deal is unlikely before Petro leaves office", "until the troops withdraw": in a
    // clause of time, the simple present speaks of the future whatever the main clause says;
    // "so that they arrive at the table stronger": a purpose, not an event
    if b > 0 {
        let present = c.group_start == c.verb
            && !c.infinitive
            && (c.form.only(crate::dict::VerbForm::THIRD)
                || c.form.only(crate::dict::VerbForm::BASE));
        let temporal = matches!(ctx.lower(b - 1), "until" | "till" | "before" | "once");
        let purpose =
            ctx.lower(b - 1) == "that" && b >= 2 && matches!(ctx.lower(b - 2), "so" | "order");
        if (temporal && present) || purpose {
            return Modality::Hypothetical;
        }
    }
    // "reportedly", "allegedly" right before the verb group
    if c.group_start > 0
        && matches!(
            ctx.lower(c.group_start - 1),
            "reportedly" | "allegedly" | "purportedly"
        )
    {
        return Modality::Reported;
    }
    if let Some(g) = c.governor {
        let gi = clauses.iter().position(|x| x.verb == g);
        let gmod = gi
            .filter(|_| depth < 4)
            .map(|gi| modality_of(ctx, clauses, gi, depth + 1))
            .unwrap_or(Modality::Asserted);
        let cls = ctx.verb_classes(g);
        let prep = (c.group_start > 0 && ctx.tag(c.group_start - 1) == Tag::Prep)
            .then(|| ctx.lower(c.group_start - 1));
        if gmod == Modality::Negated && !cls.contains(CueClass::Denial) {
            return Modality::Negated;
        }
        if cls.contains(CueClass::Denial) {
            return Modality::Negated;
        }
        if let Some(p) = prep {
            // "accused Azerbaijan of meddling in the territory by backing separatists": the
            // means of what an accusation charges is part of the charge
            if p == "by"
                && cls.contains(CueClass::Claim)
                && (g + 1..c.group_start).any(|t| ctx.lower(t) == "of")
            {
                return Modality::Reported;
            }
            if matches!(
                p,
                "after" | "before" | "by" | "while" | "since" | "following" | "in"
            ) {
                return gmod;
            }
        }
        if cls.contains(CueClass::Fear) {
            return Modality::Hypothetical;
        }
        if cls.contains(CueClass::Speech) {
            // "once inspectors confirm that Tehran has complied": what a hypothetical speech
            // act would report is hypothetical too
            if gmod == Modality::Hypothetical {
                return gmod;
            }
            // "..., Aliyev insisted, rejecting Armenian accusations": a participle after the
            // speech is the speaker's own act done in speaking, not what was said
            // (a bare reporting participle, ", saying ...", still reports)
            if is_comma_participle(ctx, c) && is_verbal_act(ctx, c.lemma) {
                return gmod;
            }
            // "Moscow claimed that Kyiv shelled ...": a contested claim; "gunmen killed 12
            // people, police said": a report, which the news passes on as fact
            if cls.contains(CueClass::Claim) {
                return Modality::Reported;
            }
            return gmod;
        }
        // "is set to hold talks", "is prepared to": the governor is part of a future cue,
        // which announces the act as "will" does
        let future_cue = ctx
            .a
            .cues
            .iter()
            .any(|&(s, len, cl)| cl == CueClass::Future && s <= g && g < s + len);
        if c.infinitive && c.future && future_cue {
            return gmod;
        }
        if c.infinitive || prep.is_some() || c.form.has(VerbForm::GERUND) {
            // "would consider reopening talks", "is weighing imposing sanctions": an act
            // only considered has not happened, nor been announced
            let considered = cls.contains(CueClass::Possibility)
                || ctx
                    .a
                    .cues
                    .iter()
                    .any(|&(s, len, cl)| cl == CueClass::Possibility && s <= g && g < s + len);
            if considered && prep.is_none() {
                return Modality::Hypothetical;
            }
            if cls.contains(CueClass::Intent) {
                // "Analysts expect Beijing to offer loans", "wants Russia to withdraw": an
                // intent about another's act, named as the object before the infinitive, is
                // a wish or a forecast, not that other's act or intent
                let object_first = (g + 1..c.group_start)
                    .find(|&t| ctx.tag(t) != Tag::Adv)
                    .is_some_and(|t| {
                        ctx.a.phrase_of[t].is_some()
                            || matches!(ctx.tag(t), Tag::Det | Tag::Name | Tag::Pron)
                    });
                if c.infinitive && object_first {
                    return Modality::Hypothetical;
                }
                // "agreed to meet": an expressed intent, coded with the 03x code
                return if gmod == Modality::Asserted {
                    Modality::Asserted
                } else {
                    gmod
                };
            }
            // "began to withdraw", "prompting the United States to suspend aid": the act
            // still happened (not "forced their way into the embassy to protest", where the
            // infinitive is the purpose of a verb with its own object and place)
            if cls.contains(CueClass::Factive)
                && !(g + 1..c.group_start).any(|t| ctx.tag(t) == Tag::Prep)
            {
                return gmod;
            }
            if prep.is_none() && c.form.has(VerbForm::GERUND) && !c.infinitive {
                // a participial clause ", killing 20 people" shares the main clause's status
                return gmod;
            }
            if c.infinitive
                && ctx.flags(ctx.a.verb[g].map_or(0, |x| x.0)) & lemma_flag::OBJECT_CONTROL == 0
                && c.group_start > g + 1
            {
                // a purpose clause after the verb's object
                return gmod;
            }
            return Modality::Hypothetical;
        }
    } else if c.infinitive {
        // "to attack" with no governing verb: a purpose clause or a headline infinitive; after
        // a future cue ("is set to", "is ready to") it is announced as "will" announces it
        return if ctx.s.is_headline || c.future {
            Modality::Asserted
        } else {
            Modality::Hypothetical
        };
    }
    if ctx
        .a
        .cues
        .iter()
        .any(|&(s, len, cl)| cl == CueClass::Claim && len > 1 && s < ctx.n())
    {
        // a multi-word claim cue; a plain "according to X" is a report, passed on as news
        return Modality::Reported;
    }
    Modality::Asserted
}

/// A future ("will", "would") in the complement of a speech verb whose subject is the speaker.
fn own_future_in_speech(ctx: &Ctx, clauses: &[VerbClause], c: &VerbClause) -> bool {
    let Some(g) = c.governor else { return false };
    if !(c.future || c.would) || !ctx.verb_classes(g).contains(CueClass::Speech) {
        return false;
    }
    let Some(gc) = clauses.iter().find(|x| x.verb == g) else {
        return false;
    };
    // the same country: "Baerbock said Germany would deliver" is Germany's announced intent
    // (a pair code, "they" for "Thailand and Laos", stands for both countries)
    // (one list per subject, not one per phrase)
    let codes = |v: &[usize]| -> Vec<Option<&str>> {
        let mut out = Vec::with_capacity(v.len());
        for &p in v {
            match ctx.codes.get(p).and_then(|c| c.as_deref()) {
                Some(c) if c.contains(crate::resolve::PAIR_SEPARATOR) => {
                    out.extend(c.split(crate::resolve::PAIR_SEPARATOR).map(|m| m.get(..3)))
                }
                _ => out.push(ctx.country_of(p)),
            }
        }
        out
    };
    if c.subject.is_empty() {
        return false;
    }
    // "Britain and France said they were ready to put troops ...": "they" after speakers
    // named together is those speakers, whichever one of them the pronoun was resolved to
    let speakers_they = gc.subject.len() >= 2
        && matches!(c.subject[..], [p] if ctx.a.phrases[p].pronoun == Some(crate::annotate::Pronoun::Plural));
    if speakers_they {
        return true;
    }
    let own = codes(&c.subject);
    own == codes(&gc.subject) && own.iter().all(Option::is_some)
}

/// Topics of what an appeal (02), intent (03), demand (10) or rejection (12) is about, with
/// the sub-code each family gives it (CAMEO numbers the four families in parallel: 0233, 0333,
/// 1033 and 1223 are all humanitarian aid). A topic is one of its words in the clause after
/// the pattern; the leftmost wins (it is the nearest object). Sanctions count only when eased
/// or lifted: "demanded sanctions on X" is no appeal to yield.
const TOPICS: &[(&[&str], [&str; 4])] = &[
    (
        &["talks", "negotiations", "dialogue"],
        ["026", "036", "106", "125"],
    ),
    (&["mediation", "mediate"], ["028", "039", "108", "126"]),
    (
        &["release", "releasing", "free", "freeing", "freed"],
        ["0253", "0353", "1053", "1243"],
    ),
    (
        &[
            "ceasefire",
            "cease-fire",
            "truce",
            "de-escalation",
            "de-escalate",
            "restraint",
            "hostilities",
            "offensive",
        ],
        ["0256", "0356", "1056", "1246"],
    ),
    (
        &["inspectors", "monitors", "observers", "watchdog"],
        ["0255", "0355", "1055", "1245"],
    ),
    (
        &["peacekeepers", "peacekeeping", "protection"],
        ["0234", "0334", "1034", "1224"],
    ),
    (
        &[
            "humanitarian",
            "food",
            "medical",
            "medicine",
            "medicines",
            "relief",
        ],
        ["0233", "0333", "1033", "1223"],
    ),
    (
        &[
            "weapons",
            "arms",
            "ammunition",
            "tanks",
            "missiles",
            "artillery",
            "jets",
            "drones",
            "munitions",
            "howitzers",
            "patriot",
            "patriots",
        ],
        ["0232", "0332", "1032", "1222"],
    ),
    (
        &[
            "loan",
            "loans",
            "fund",
            "funds",
            "funding",
            "financial",
            "budget",
        ],
        ["0231", "0331", "1031", "1221"],
    ),
    (
        &["resignation", "resign", "ouster"],
        ["0241", "0341", "1041", "1231"],
    ),
    (&["rights", "freedoms"], ["0243", "0343", "1043", "1233"]),
    // (the institutions themselves: "demanding the annulment of the election", "the abolition
    // of a police unit", "a new constitution")
    (
        &[
            // (not "constitutional": "files a challenge at the Constitutional Court")
            "constitution",
            "annulment",
            "annul",
            "abolition",
            "abolish",
            "dissolution",
            "dissolve",
        ],
        ["0244", "0344", "1044", "1234"],
    ),
    (
        &[
            "policy", "policies", "reversal", "reverse", "repeal", "scrap",
        ],
        ["0242", "0342", "1042", "1232"],
    ),
];

/// Verbs that ease sanctions: only after one does "sanctions" make a topic of yielding.
const EASE_WORDS: &[&str] = &[
    "lift", "lifting", "ease", "easing", "remove", "removing", "end",
];

/// The sub-code of a generic appeal, intent, demand or rejection from the topic after the
/// pattern (see [`TOPICS`]). Only generic codes (020, 030, 100, 120) and the codes whose
/// subtree holds the topic's code (023 → 0233) are refined; `None` leaves the code.
fn refine_by_topic(ctx: &Ctx, code: &str, from: usize, to: usize) -> Option<String> {
    if code == "090" {
        return investigation_topic(ctx, from, to.min(from + 15)).map(str::to_string);
    }
    if code == "040" {
        return bargains_over(ctx, from, to).then(|| "046".to_string());
    }
    let family = match code.get(..2)? {
        "02" => 0,
        "03" => 1,
        "10" => 2,
        "12" => 3,
        _ => return None,
    };
    let generic = code.len() == 3 && code.ends_with('0');
    let refinable = |t: &str| t != code && t.len() > code.len() && (generic || t.starts_with(code));
    let to = to.min(ctx.n()).min(from + 12);
    for i in from..to {
        let w = ctx.lower(i);
        let eased_sanctions = matches!(w, "sanctions" | "embargo")
            && (i.saturating_sub(3)..i).any(|k| EASE_WORDS.contains(&ctx.lower(k)));
        // "step down", "hand power to civilians": a change of leadership
        let prev = (i > from).then(|| ctx.lower(i - 1));
        let gives_up = |k: usize| {
            ["hand", "ced", "transfer", "relinquish", "surrender"]
                .iter()
                .any(|v| ctx.lower(k).starts_with(v))
        };
        let leadership = (w == "down"
            && prev.is_some_and(|p| matches!(p, "step" | "steps" | "stepped" | "stepping")))
            || (w == "power"
                && ((i > from && gives_up(i - 1))
                    || (i > from + 1 && ctx.lower(i - 1) == "over" && gives_up(i - 2))));
        // "to approve $61 billion in new military aid": aid of arms
        let military_aid = matches!(w, "aid" | "assistance")
            && prev.is_some_and(|p| matches!(p, "military" | "defence" | "defense"));
        let found = if eased_sanctions {
            Some(["0254", "0354", "1054", "1244"][family])
        } else if military_aid {
            Some(["0232", "0332", "1032", "1222"][family])
        } else if leadership {
            Some(["0241", "0341", "1041", "1231"][family])
        } else {
            TOPICS
                .iter()
                .find(|(words, _)| words.contains(&w))
                .map(|(_, codes)| codes[family])
        };
        if let Some(t) = found {
            return refinable(t).then(|| t.to_string());
        }
    }
    // "demanded that the United States cancel the sale", "rejected demands to change the
    // law": with no other topic, asking a side to stop or undo something asks for a policy
    // change ("halt the offensive" is de-escalation, found above)
    // (a verb: "climate change" is no asking to change anything)
    (from..to)
        .any(|i| {
            POLICY_CHANGE_VERBS.contains(&ctx.lower(i))
                && (ctx.tag(i) == Tag::Verb
                    || (i > 0 && matches!(ctx.tag(i - 1), Tag::To | Tag::Actor)))
        })
        .then(|| ["0242", "0342", "1042", "1232"][family])
        .filter(|t| refinable(t))
        .map(str::to_string)
}

/// Whether a meeting's topic is a bargain ("held talks ... on a deal to pause the fighting",
/// "met Putin about a ceasefire"): talks over terms to be agreed are CAMEO's negotiation
/// (046), not a bare consultation (040). The topic follows "on", "over" or "about" within the
/// clause after the meeting (`from..to`), as the head of a short noun phrase; a date ("on
/// Tuesday") or a subject of talks that is no bargain ("on border security and trade") leaves
/// the meeting a meeting.
fn bargains_over(ctx: &Ctx, from: usize, to: usize) -> bool {
    const BARGAINS: &[&str] = &[
        "deal",
        "ceasefire",
        "cease-fire",
        "truce",
        "agreement",
        "accord",
        "treaty",
        "peace",
        "settlement",
        "armistice",
        "hostage",
        "hostages",
        "prisoners",
        "dispute",
        "withdrawal",
    ];
    // (past a list of parties and a place and a date: "with Israeli, Egyptian and Qatari
    // officials in Cairo on Tuesday on a deal")
    let to = to.min(ctx.n()).min(from + 18);
    (from..to).any(|i| {
        matches!(ctx.lower(i), "on" | "over" | "about")
            && (i + 1..to.min(i + 5))
                .take_while(|&k| !matches!(ctx.lower(k), "on" | "over" | "about" | "," | "and"))
                .any(|k| BARGAINS.contains(&ctx.lower(k)))
    })
}

/// What an investigation is into, for the codebook's sub-codes: crime and corruption (091),
/// human rights abuses (092), military action (093), war crimes (094).
fn investigation_topic(ctx: &Ctx, from: usize, to: usize) -> Option<&'static str> {
    (from..to.min(ctx.n())).find_map(|i| match ctx.lower(i) {
        "crimes" | "crime" if i > 0 && ctx.lower(i - 1) == "war" => Some("094"),
        "genocide" | "atrocities" => Some("094"),
        "abuses" | "abuse" | "torture" | "mistreatment" => Some("092"),
        "corruption" | "fraud" | "bribery" | "bribes" | "embezzlement" | "laundering"
        | "financing" | "fundraising" | "crime" | "crimes" | "murder" | "killing" | "tax"
        | "evasion" => Some("091"),
        "withdrawal" | "airstrike" | "strike" | "raid" | "military" | "shootdown" => Some("093"),
        _ => None,
    })
}

/// Verbs whose object is a policy to be stopped, undone or changed: the fallback topic of
/// [`refine_by_topic`].
const POLICY_CHANGE_VERBS: &[&str] = &[
    "halt", "stop", "cancel", "retract", "revoke", "abandon", "change", "amend", "overturn",
    "rescind", "withdraw",
];

/// Weapons that decide the sub-code of a use of force: the CAMEO codebook's aerial weapons
/// (195), artillery and tanks (194), small arms and light weapons (193). Single words, or a
/// two-word phrase written with a space.
const INSTRUMENTS: &[(&[&str], &str)] = &[
    (
        &[
            "airstrike",
            "airstrikes",
            "air strike",
            "air strikes",
            "air raid",
            "air raids",
            "drone",
            "drones",
            "warplane",
            "warplanes",
            "jets",
            "fighter jets",
            "aircraft",
            "helicopter",
            "helicopters",
            "gunship",
            "gunships",
            "bombers",
            "missile",
            "missiles",
            "aerial",
            "bombed",
            "bombing raid",
        ],
        "195",
    ),
    (
        &[
            "artillery",
            "shelled",
            "shelling",
            "shells",
            "mortar",
            "mortars",
            "tanks",
            "howitzer",
            "howitzers",
        ],
        "194",
    ),
    (
        &[
            "gunfire",
            "gun battle",
            "gun battles",
            "gunbattle",
            "gunbattles",
            "firefight",
            "firefights",
            "rifles",
            "machine guns",
            "small arms",
            "opened fire",
        ],
        "193",
    ),
];

/// How a bombing was carried out: suicide (1831), car or truck bomb (1832), roadside bomb (1833).
const BOMBINGS: &[(&[&str], &str)] = &[
    (
        &[
            "suicide bomber",
            "suicide bombers",
            "suicide bombing",
            "suicide bombings",
            "suicide attack",
            "suicide attacks",
            "suicide attacker",
            "suicide attackers",
            "suicide vest",
            "suicide vests",
        ],
        "1831",
    ),
    (
        &[
            "car bomb",
            "car bombs",
            "car bombing",
            "truck bomb",
            "truck bombs",
            "vehicle bomb",
            "booby-trapped car",
        ],
        "1832",
    ),
    (
        &[
            "roadside bomb",
            "roadside bombs",
            "roadside bombing",
            "ied",
            "ieds",
            "improvised explosive device",
            "improvised explosive devices",
        ],
        "1833",
    ),
];

/// Chemical, biological or radiological weapons (2041), whatever the verb.
const CHEMICAL: &[&str] = &[
    "sarin",
    "chlorine",
    "mustard",
    "nerve agent",
    "chemical weapon",
    "chemical weapons",
    "chemical attack",
    "poison gas",
    "toxic gas",
];

/// The weapon of a generic use of force (190) or bombing (183), or an unconventional assault
/// (18), named in the clause — its subject ("Russian artillery shelled"), object ("launched
/// airstrikes") or instrument ("with mortar shells"): the codebook's sub-code for it. With two
/// weapon classes in the clause ("warplanes and artillery pounded ...") the code stays generic:
/// choosing one would be a guess. Chemical weapons make any violent act 2041.
fn refine_by_instrument(
    ctx: &Ctx,
    code: &str,
    from: usize,
    to: usize,
    targets: &[usize],
) -> Option<String> {
    let violent = code.starts_with("18") || code.starts_with("19");
    if !violent {
        return None;
    }
    let to = to.min(ctx.n()).min(from + 30);
    // what was hit is no weapon used: "the downing of a U.S. drone"
    let in_target = |i: usize| {
        targets
            .iter()
            .any(|&t| (ctx.a.phrases[t].start..ctx.a.phrases[t].end).contains(&i))
    };
    // one pass over the clause: the weapon classes named in it
    let mut found: Vec<WeaponClass> = Vec::new();
    for i in from..to {
        // "launched missile strikes on Syria in retaliation for a suspected poison gas
        // attack": the weapons of what the act answers or follows are not its own
        if i > from
            && matches!(
                ctx.lower(i),
                "for" | "after" | "following" | "because" | "amid" | "despite" | "since" | "over"
            )
        {
            break;
        }
        let Some(entries) = weapon_words().get(ctx.lower(i)) else {
            continue;
        };
        // ("naval drones sank a corvette": a sea drone is no aerial weapon)
        let sea_drone = matches!(ctx.lower(i), "drone" | "drones")
            && i > 0
            && matches!(
                ctx.lower(i - 1),
                "naval" | "sea" | "maritime" | "underwater" | "surface"
            );
        if in_target(i) || sea_drone {
            continue;
        }
        for &(second, class) in entries {
            let whole = second.is_none_or(|b| i + 1 < to && ctx.lower(i + 1) == b);
            if whole && !found.contains(&class) {
                found.push(class);
            }
        }
    }
    if found.contains(&WeaponClass::Chemical) {
        return Some("2041".to_string());
    }
    let only = |keep: fn(&WeaponClass) -> Option<&'static str>| {
        let codes: Vec<&str> = found.iter().filter_map(keep).collect();
        (codes.len() == 1).then(|| codes[0].to_string())
    };
    let instrument = |c: &WeaponClass| match c {
        WeaponClass::Instrument(code) => Some(*code),
        _ => None,
    };
    let bombing = |c: &WeaponClass| match c {
        WeaponClass::Bombing(code) => Some(*code),
        _ => None,
    };
    if code == "183" || code == "190" {
        if let Some(b) = only(bombing) {
            return Some(b);
        }
        if code == "183" || found.iter().any(|c| bombing(c).is_some()) {
            return None;
        }
    }
    // "warplanes pounded Houthi positions": a verb of shelling done by aircraft is an air
    // strike
    if code == "194" {
        return only(instrument).filter(|c| c == "195");
    }
    if code != "190" {
        return None;
    }
    if found.is_empty() {
        // a military "strike" with no weapon named is an air or missile strike ("Israeli
        // strikes killed 492 people", and in headlines "Israel strikes Iran"); the verb
        // "struck" in a story says nothing of the weapon
        // ("attacked hours before the strikes": a strike in a time adjunct is another act)
        let in_time_adjunct = |i: usize| {
            (i.saturating_sub(3)..i).any(|k| {
                matches!(
                    ctx.lower(k),
                    "before" | "after" | "since" | "until" | "following" | "ahead"
                )
            })
        };
        let strike_noun = (from..to).any(|i| {
            matches!(ctx.lower(i), "strike" | "strikes")
                && (ctx.tag(i) != Tag::Verb || ctx.s.is_headline)
                && !in_target(i)
                && !in_time_adjunct(i)
        });
        return strike_noun.then(|| "195".to_string());
    }
    only(instrument)
}

/// A class of weapon a clause may name ([`CHEMICAL`], [`BOMBINGS`], [`INSTRUMENTS`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WeaponClass {
    Chemical,
    Bombing(&'static str),
    Instrument(&'static str),
}

/// The weapon phrases by first word: the second word of two-word phrases, and the class.
type WeaponIndex = rustc_hash::FxHashMap<&'static str, Vec<(Option<&'static str>, WeaponClass)>>;

fn weapon_words() -> &'static WeaponIndex {
    static INDEX: std::sync::OnceLock<WeaponIndex> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut m = WeaponIndex::default();
        let mut add = |phrase: &'static str, class: WeaponClass| {
            let (first, second) = match phrase.split_once(' ') {
                Some((a, b)) => (a, Some(b)),
                None => (phrase, None),
            };
            m.entry(first).or_default().push((second, class));
        };
        for w in CHEMICAL {
            add(w, WeaponClass::Chemical);
        }
        for (words, code) in BOMBINGS {
            for w in words.iter() {
                add(w, WeaponClass::Bombing(code));
            }
        }
        for (words, code) in INSTRUMENTS {
            for w in words.iter() {
                add(w, WeaponClass::Instrument(code));
            }
        }
        m
    })
}

/// Killing a named individual is an assassination (186) and shooting, stabbing or wounding one
/// an attempted assassination (185): the codebook's "kill a specific individual, typically a
/// prominent person". The victim must be one person named in the target phrase ("killed
/// Hezbollah commander Fuad Shukr"), not a group ("killed 12 soldiers").
fn refine_by_victim(ctx: &Ctx, c: &VerbClause, m: &PatternMatch, target: usize) -> Option<String> {
    let violent = matches!(
        &m.code[..],
        "180" | "182" | "1823" | "190" | "193" | "194" | "195"
    ) || m.code.starts_with("183");
    if !violent {
        return None;
    }
    let victim = &ctx.a.phrases[target];
    let named_individual = !victim.plural
        && victim.pronoun.is_none()
        && (victim.person.is_some() || (!victim.names.is_empty() && victim.agent.is_some()));
    if !named_individual {
        return None;
    }
    let lemma = ctx.lex.lemma(c.lemma);
    let dead = (m.span.0..m.span.1.min(ctx.n()))
        .any(|i| matches!(ctx.lower(i), "dead" | "death" | "killed"));
    match lemma {
        "kill" | "slay" | "execute" => Some("186".to_string()),
        "shoot" | "stab" => Some(if dead { "186" } else { "185" }.to_string()),
        "wound" | "injure" => Some("185".to_string()),
        _ => None,
    }
}

/// Words naming a policy a protest opposes: with one of them the protest is for a policy
/// change (the codebook's 14x2).
const POLICY_WORDS: &[&str] = &[
    "reform",
    "reforms",
    "bill",
    "law",
    "laws",
    "plan",
    "plans",
    "measures",
    "cuts",
    "policy",
    "policies",
    "budget",
    "tax",
    "taxes",
    "mandate",
    "mandates",
    "ban",
    "decree",
    "austerity",
    "price",
    "prices",
    "hike",
    "curfew",
    "legislation",
    "amendment",
    "amendments",
];

/// After a protest verb, within its clause: `against` and what follows it — an actor phrase
/// (or the owner of the thing opposed: "against Macron's pension reform") as the target, and
/// whether a policy word names what is opposed.
fn protest_against(ctx: &Ctx, from: usize) -> Option<(Option<usize>, bool)> {
    let end = clause_end(ctx, from).min(from + 12);
    let at = (from..end).find(|&i| ctx.lower(i) == "against")?;
    let stop = (at + 1..end)
        .find(|&i| matches!(ctx.tag(i), Tag::Verb | Tag::Sub) || ctx.lower(i) == ",")
        .unwrap_or(end)
        .min(at + 7);
    let target = (at + 1..stop)
        .filter_map(|i| ctx.a.phrase_of[i])
        .find(|&p| ctx.codes.get(p).is_some_and(Option::is_some) && !ctx.a.phrases[p].modifier);
    // a participle may stand before the policy ("against the government's proposed tax
    // reform")
    let policy_stop = (at + 1..end)
        .find(|&i| ctx.tag(i) == Tag::Sub || ctx.lower(i) == ",")
        .unwrap_or(end)
        .min(at + 8);
    let policy = (at + 1..policy_stop).any(|i| POLICY_WORDS.contains(&ctx.lower(i)));
    (target.is_some() || policy).then_some((target, policy))
}

/// The institution a march heads for or gathers outside ("marched toward parliament",
/// "rallied outside the foreign ministry"): the seat of power is what the protest addresses.
/// Only a government, legislature or court counts, not a place ("marched to Kyiv").
fn protest_toward(ctx: &Ctx, from: usize) -> Option<usize> {
    let end = clause_end(ctx, from).min(from + 10);
    let at = (from..end)
        .take_while(|&i| ctx.tag(i) != Tag::Verb && ctx.lower(i) != ",")
        .find(|&i| matches!(ctx.lower(i), "toward" | "towards" | "outside" | "on"))?;
    let mut i = at + 1;
    while i < end && matches!(ctx.tag(i), Tag::Det | Tag::Noun) && ctx.a.phrase_of[i].is_none() {
        i += 1;
    }
    let ph = ctx.a.phrase_of.get(i).copied().flatten()?;
    let q = &ctx.a.phrases[ph];
    let seat = ctx
        .codes
        .get(ph)
        .cloned()
        .flatten()
        .is_some_and(|c| c.ends_with("GOV") || c.ends_with("LEG") || c.ends_with("JUD"));
    (seat && q.agent.is_some() && q.person.is_none() && !is_place(ctx, ph)).then_some(ph)
}

/// The aim of a protest as the last digit of its sub-code: change of leadership (1), of
/// policy (2), rights (3), institutions or regime (4) — from the matching demand (104x) or
/// appeal (024x), or a call for policy support (022, 102).
fn aim_digit(code: &str) -> Option<char> {
    match code {
        "1041" | "0241" => Some('1'),
        // (an appeal or demand for policy support is one for a policy: "marched through
        // London, calling on the British government to back a ceasefire")
        "1042" | "0242" | "022" | "102" => Some('2'),
        "1043" | "0243" => Some('3'),
        "1044" | "0244" => Some('4'),
        _ => None,
    }
}

/// The parties a mediation (045) candidate mediates between, when its pattern named none
/// (or named one of them): see [`parties_before`]. `None` when there are not two, or when the
/// candidate's target is someone else (`mediate between +`).
/// The candidates with each mediation (045) among those `eligible` replaced by one candidate
/// per party mediated between ([`mediated_parties`]).
fn with_mediated_parties(
    ctx: &Ctx,
    clauses: &[VerbClause],
    candidates: &[Candidate],
    eligible: impl Fn(&Candidate) -> bool,
) -> Vec<Candidate> {
    let mut expanded = Vec::with_capacity(candidates.len());
    for cand in candidates {
        let parties = eligible(cand)
            .then(|| mediated_parties(ctx, clauses, candidates, cand))
            .flatten();
        match parties {
            Some(parties) => expanded.extend(parties.into_iter().map(|p| Candidate {
                target: Some(p),
                target_as: TargetAs::Phrase,
                ..cand.clone()
            })),
            None => expanded.push(cand.clone()),
        }
    }
    expanded
}

fn mediated_parties(
    ctx: &Ctx,
    clauses: &[VerbClause],
    candidates: &[Candidate],
    cand: &Candidate,
) -> Option<Vec<usize>> {
    if !cand.code.starts_with("045") {
        return None;
    }
    let c = clauses.iter().find(|c| c.verb == cand.trigger.0)?;
    let parties = parties_before(ctx, clauses, candidates, c, &ctx.group_of(cand.source));
    let fits = cand.target.is_none_or(|t| parties.contains(&t));
    (parties.len() >= 2 && fits).then_some(parties)
}

/// The parties of the act a third party's clause `c` is attached to ("exchanged prisoners in a
/// swap mediated by the UAE", "accused each other of violating a ceasefire brokered by Russia",
/// "held talks, with Oman acting as mediator"): the coordinated subjects of the nearest clause
/// before it that reports an act, or that clause's subject and its act's target — never the
/// third party itself (`third`). Empty when there is no such clause.
fn parties_before(
    ctx: &Ctx,
    clauses: &[VerbClause],
    candidates: &[Candidate],
    c: &VerbClause,
    third: &[usize],
) -> Vec<usize> {
    let Some(host) = clauses.iter().rev().find(|h| {
        h.verb < c.group_start
            && !h.subject.is_empty()
            && h.subject.iter().all(|p| !third.contains(p))
            && !(ctx.verb_classes(h.verb).contains(CueClass::Speech)
                && is_trailing_attribution(ctx, h))
    }) else {
        return Vec::new();
    };
    let mut parties: Vec<usize> = host.subject.clone();
    if parties.len() < 2 {
        for t in candidates
            .iter()
            .filter(|o| o.trigger.0 == host.verb)
            .filter_map(|o| o.target)
        {
            if !parties.contains(&t) {
                parties.push(t);
            }
        }
    }
    parties.retain(|p| !third.contains(p) && ctx.codes.get(*p).is_some_and(Option::is_some));
    // "A ceasefire between Israel and Hezbollah took effect under a deal brokered by the United
    // States and France": the parties are those of the agreement or talks the sentence named
    // before, when no clause has them
    if parties.len() < 2 {
        let named = candidates.iter().rev().find(|o| {
            o.trigger.0 < c.group_start
                && o.target.is_some()
                && (o.code.starts_with("04") && !o.code.starts_with("045")
                    || o.code == "057"
                    || o.code.starts_with("087"))
                && !third.contains(&o.source)
        });
        if let Some(o) = named {
            parties = [o.source]
                .into_iter()
                .chain(o.target)
                .filter(|p| !third.contains(p))
                .collect();
        }
    }
    parties
}

/// The protests the act at `from` was made in answer to: a word for protests or protesters
/// within a few words after "after", "following", "amid" or "bowing"/"yielding to" ("after
/// weeks of deadly protests", "bowing to the demands of protesters"), in the same clause.
fn protests_yielded_to(ctx: &Ctx, from: usize) -> Option<usize> {
    let n = ctx.n();
    let cue = (from..n)
        .take_while(|&i| !ctx.is(i, kind::SEMI | kind::COLON))
        .find(|&i| {
            matches!(
                ctx.lower(i),
                "after" | "following" | "amid" | "bowing" | "yielding" | "conceding"
            )
        })?;
    (cue + 1..(cue + 8).min(n))
        .take_while(|&i| ctx.tag(i) != Tag::Verb && !ctx.is(i, kind::COMMA))
        .find(|&i| {
            matches!(
                ctx.lower(i),
                "protests" | "protesters" | "demonstrations" | "demonstrators" | "protest"
            )
        })
}

/// Every ordered pair of distinct members: each does the act to each other.
fn pairs_among(members: &[usize]) -> Vec<(usize, Option<usize>)> {
    members
        .iter()
        .flat_map(|&a| {
            members
                .iter()
                .filter(move |&&b| b != a)
                .map(move |&b| (a, Some(b)))
        })
        .collect()
}

/// Acts that coordinated subjects do to each other when no target is named: meeting,
/// negotiating, agreeing, cooperating; fighting when the verb takes no object ("clashed").
fn is_reciprocal(code: &str, p: &CompiledPattern) -> bool {
    is_mutual_kind(code)
        && if code.starts_with("19") {
            !p.has_target() || p.target_is_partner()
        } else if code.starts_with("087") {
            !p.has_target()
        } else {
            true
        }
}

/// Codes of acts two parties can do to each other at once: intents, consultations and
/// material cooperation (03, 04, 06; mediators do not mediate between each other: "Qatar and
/// Egypt mediated"), recognition (054: "South Korea and Cuba established diplomatic ties"),
/// agreements (057), fighting (19) and truces (087: "the government and the rebels agreed to
/// a ceasefire").
fn is_mutual_kind(code: &str) -> bool {
    (matches!(&code[..2], "03" | "04" | "06" | "19") && !code.starts_with("045"))
        || matches!(code, "054" | "057")
        || code.starts_with("087")
}

/// True when the intent of a governing `to` verb makes this infinitive a future act.
fn governed_by_intent(ctx: &Ctx, c: &VerbClause) -> bool {
    c.governor
        .is_some_and(|g| ctx.verb_classes(g).contains(CueClass::Intent))
        && c.infinitive
}

/// A speech verb that only attributes the sentence ("..., officials said.").
fn is_trailing_attribution(ctx: &Ctx, c: &VerbClause) -> bool {
    // a participle (", accusing Armenia of lying") adds the speaker's act to the clause before
    // it; it attributes nothing, and what stands before it is not its content
    if !ctx.verb_classes(c.verb).contains(CueClass::Speech) || is_comma_participle(ctx, c) {
        return false;
    }
    let start = attribution_start(ctx, c);
    let preceded = start > 0
        && (ctx.s.tokens[start - 1].is_punct(",") || ctx.s.tokens[start - 1].is_punct("\""));
    // (", President Aliyev insisted on Monday, rejecting ...": the speaker's participle after
    // the attribution is not the sentence going on)
    // ... nor is a reaction set after it (", President Lungu said on Sunday, a move the
    // opposition called intimidation")
    // ... nor a summing-up of the news (", police said, the latest in a wave of kidnappings")
    let sums_up = |at: usize| {
        at + 1 < ctx.n()
            && ctx.lower(at) == "the"
            && (matches!(
                ctx.lower(at + 1),
                "latest" | "first" | "second" | "third" | "fourth" | "fifth" | "last" | "most"
            ) || ctx.lower(at + 1).ends_with("est"))
    };
    let participle_after = (c.verb + 1..ctx.n().saturating_sub(1)).find(|&j| {
        ctx.is(j, kind::COMMA)
            && ((ctx.tag(j + 1) == Tag::Verb && ctx.lower(j + 1).ends_with("ing"))
                || opens_reaction(ctx, j + 1)
                || sums_up(j + 1))
    });
    let rest = match participle_after {
        Some(j) => words_between(ctx, c.verb, j),
        None => words_after(ctx, c.verb),
    };
    (preceded && rest <= 5) || (start > 0 && rest == 0)
}

/// Whether an appositive reaction starts at token `at`, after a comma: an article, at most
/// three words, and a noun that stands for an act or words ([`REACTION_ACT_NOUNS`],
/// [`REACTION_SPEECH_NOUNS`]).
fn opens_reaction(ctx: &Ctx, at: usize) -> bool {
    matches!(ctx.lower(at), "a" | "an")
        && (at + 1..(at + 5).min(ctx.n())).any(|t| {
            let w = ctx.lower(t);
            REACTION_ACT_NOUNS.contains(&w) || REACTION_SPEECH_NOUNS.contains(&w)
        })
}

/// Nouns that stand for an act a sentence reported, in a reaction after it (", a move the
/// opposition called intimidation").
const REACTION_ACT_NOUNS: &[&str] = &[
    "move",
    "decision",
    "step",
    "measure",
    "action",
    "ruling",
    "verdict",
    "deployment",
    "order",
    "ban",
    // (acts the story reported by their verb: ", a visit Zelenskiy called a huge
    // disappointment", ", an attack Kyiv condemned")
    "visit",
    "trip",
    "raid",
    "attack",
    "attacks",
    "strike",
    "strikes",
    "offensive",
    "crackdown",
    "arrest",
    "arrests",
    "expulsion",
    "expulsions",
];

/// Nouns that stand for words a sentence reported (", a charge Paris flatly denied", ", a
/// remark Yerevan dismissed as provocation").
const REACTION_SPEECH_NOUNS: &[&str] = &[
    "charge",
    "charges",
    "claim",
    "claims",
    "accusation",
    "accusations",
    "allegation",
    "allegations",
    "remark",
    "remarks",
    "comment",
    "comments",
    "statement",
    "assertion",
    "announcement",
    "warning",
    "threat",
    "demand",
    "proposal",
    "idea",
    "suggestion",
    "offer",
];

/// Whether clause `k` is a reaction set after what the sentence reported as an appositive
/// whose noun is its object (", a move Human Rights Watch condemned", ", a charge Paris
/// flatly denied", ", a decision that Tallinn called unjustified"), and if so the phrases of
/// whoever did the act (the subject of the last clause before the appositive that is not an
/// attribution) or said the words (the last speaker before it).
fn reaction_to(ctx: &Ctx, clauses: &[VerbClause], k: usize) -> Option<Vec<usize>> {
    let c = &clauses[k];
    if c.infinitive || c.form.has(VerbForm::GERUND) || c.passive {
        return None;
    }
    // (or none: ", a move that drew condemnation from ...")
    let start = match c.subject.iter().map(|&p| ctx.a.phrases[p].start).min() {
        Some(s) => s,
        None if c.group_start > 0 && matches!(ctx.lower(c.group_start - 1), "that" | "which") => {
            c.group_start
        }
        None => return None,
    };
    let mut noun = start.checked_sub(1)?;
    // (the subject's own article is not the appositive's: ", a move the opposition called")
    if matches!(ctx.lower(noun), "the" | "a" | "an") {
        noun = noun.checked_sub(1)?;
    }
    if matches!(ctx.lower(noun), "that" | "which") {
        noun = noun.checked_sub(1)?;
    }
    // ", a (bold, new) move": a determiner after a comma, a few plain words between
    // (the comma first: asked of every clause with a subject, and the noun lists are long)
    let det = (noun.saturating_sub(3)..noun)
        .rev()
        .find(|&t| matches!(ctx.lower(t), "a" | "an" | "the"))?;
    if det == 0 || !ctx.is(det - 1, kind::COMMA) {
        return None;
    }
    let speech = REACTION_SPEECH_NOUNS.contains(&ctx.lower(noun));
    if !speech && !REACTION_ACT_NOUNS.contains(&ctx.lower(noun)) {
        return None;
    }
    let plain = (det + 1..noun)
        .all(|t| ctx.a.phrase_of[t].is_none() && !matches!(ctx.tag(t), Tag::Verb | Tag::Punct));
    if !plain {
        return None;
    }
    // what it reacts to: the words of the last speaker, or the act of the last clause that
    // is not an attribution of it ("Zambia deployed troops, President Lungu said, a move ...")
    let before = clauses[..k]
        .iter()
        .rev()
        .filter(|x| x.verb < det && !x.infinitive && !x.subject.is_empty())
        .filter(|x| !(x.form.has(VerbForm::GERUND) && x.group_start == x.verb));
    let is_speech = |x: &VerbClause| ctx.verb_classes(x.verb).contains(CueClass::Speech);
    if speech {
        return before
            .filter(|x| is_speech(x))
            .map(|x| x.subject.clone())
            .next();
    }
    // (an act is the first one the sentence reports, not one inside it: "Zambia deployed
    // troops to help police maintain order, ..., a move ..." reacts to the deployment; a
    // speaker's clause is the act only when nothing else is reported)
    let acts: Vec<&VerbClause> = before
        .filter(|x| !(is_speech(x) && is_trailing_attribution(ctx, x)))
        .collect();
    let doer = acts.iter().rev().find(|x| !is_speech(x)).or(acts.first())?;
    Some(doer.subject.clone())
}

/// Whether clause `k` is a passive relative clause without its "who was" ("activists
/// detained by police", "women held hostage in Gaza were freed", "Hamas freed two women held
/// hostage"): `Some` with the later clause whose subject it shares, if that is how it was
/// found. See `parse_sentence`.
fn reduced_passive_relative(ctx: &Ctx, clauses: &[VerbClause], k: usize) -> Option<Option<usize>> {
    let c = &clauses[k];
    if c.passive
        || c.infinitive
        || c.group_start != c.verb
        || c.verb == 0
        || !c.form.has(VerbForm::PARTICIPLE)
        || c.form.has(VerbForm::GERUND)
        // (a verb of saying or thinking after a name is that name's: "what New Delhi said was
        // a camp", "Mulino said on Sunday his country would")
        || ctx.verb_classes(c.verb).any_of(&[
            CueClass::Speech,
            CueClass::Denial,
            CueClass::Fear,
            CueClass::Intent,
        ])
    {
        return None;
    }
    // (an adverb may stand between: "a ceasefire deal signed overnight by the leaders of")
    let by_at = c.verb
        + 1
        + usize::from(
            c.verb + 1 < ctx.n()
                && (ctx.tag(c.verb + 1) == Tag::Adv || ctx.lower(c.verb + 1) == "overnight"),
        );
    let by_agent = by_at < ctx.n()
        && ctx.lower(by_at) == "by"
        && (by_at + 1..(by_at + 4).min(ctx.n())).any(|t| ctx.a.phrase_of[t].is_some());
    // after a noun that is no actor, with its "by" agent: "a ceasefire brokered by Russia",
    // "talks mediated by Qatar" (the pattern's literal names the noun, as for "the ceasefire
    // was brokered by Russia")
    // (but not the object of a blaming verb: "blamed a roadside bomb planted by Boko Haram"
    // reports an accusation, whose act is the accuser's claim, not news)
    let blamed_object = || {
        clauses[..k].last().is_some_and(|x| {
            matches!(ctx.lex.lemma(x.lemma), "blame" | "accuse")
                && (x.verb + 1..c.verb)
                    .all(|t| matches!(ctx.tag(t), Tag::Det | Tag::Noun | Tag::Num | Tag::Adv))
        })
    };
    if c.subject.is_empty() && by_agent && ctx.tag(c.verb - 1) == Tag::Noun && !blamed_object() {
        return Some(None);
    }
    // right after the phrase it modifies
    let &subject = c.subject.first()?;
    let phrase = &ctx.a.phrases[subject];
    if phrase.end != c.verb {
        return None;
    }
    if by_agent {
        return Some(None);
    }
    // the object of an earlier verb ("Hamas freed two women held hostage"), unless that verb
    // reports what its object did ("the army said militants attacked a base")
    // ("U.S.-backed Syrian Democratic Forces closed in": no verb of a compound adjective)
    let before = clauses[..k].iter().rev().find(|x| x.verb < phrase.start);
    if let Some(x) = before.filter(|x| x.verb > 0 && ctx.lower(x.verb - 1) != "-") {
        let object = x.subject.first() != Some(&subject)
            && !x.subject.is_empty()
            && (x.verb + 1..phrase.start)
                .all(|t| matches!(ctx.tag(t), Tag::Det | Tag::Num | Tag::Adv))
            && !ctx.verb_classes(x.verb).any_of(&[
                CueClass::Speech,
                CueClass::Denial,
                CueClass::Fear,
            ]);
        if object && !x.passive {
            return Some(None);
        }
    }
    // the subject of a later verb with nothing joining the two ("women held hostage in Gaza
    // were freed")
    let j = k + 1;
    let next = clauses.get(j)?;
    let joined = (c.verb + 1..next.group_start).any(|t| {
        matches!(ctx.tag(t), Tag::Conj | Tag::Sub | Tag::Verb)
            || ctx.is(
                t,
                kind::COMMA
                    | kind::SEMI
                    | kind::COLON
                    | kind::AND
                    | kind::BUT
                    | kind::OR
                    | kind::WHO
                    | kind::WHICH,
            )
    });
    // (a later verb with no subject found has none between: no determiner or pronoun that
    // would begin one)
    let shares = next.subject.first() == Some(&subject)
        || (next.subject.is_empty()
            && (c.verb + 1..next.group_start)
                .all(|t| !matches!(ctx.tag(t), Tag::Det | Tag::Poss | Tag::Pron)));
    // (the later verb finite with an auxiliary: "were freed", "have been released")
    // ("militiamen armed with machetes killed 60 people": "armed with" is never the clause's
    // verb, and the bare past after it is)
    let armed_with = matches!(ctx.lex.lemma(c.lemma), "arm" | "equip")
        && c.verb + 1 < ctx.n()
        && ctx.lower(c.verb + 1) == "with";
    let finite = (matches!(
        ctx.tag(next.group_start),
        Tag::Be | Tag::Have | Tag::Modal | Tag::Do
    ) || (armed_with && next.form.has(VerbForm::PAST)))
        && !next.form.only(VerbForm::GERUND);
    (!joined && !next.infinitive && finite && shares).then_some(Some(j))
}

/// How many people the words in `from..to` say were killed ("at least 40 students", "dozens
/// of villagers", "nine of them"): a number written in digits or words, "dozens" or
/// "scores" as 24, "hundreds" as 200, "thousands" as 2,000; 0 when none is written.
fn victim_count(ctx: &Ctx, from: usize, to: usize) -> u32 {
    (from..to.min(from + 6))
        .find_map(|t| {
            let w = ctx.lower(t);
            number_value(w).or_else(|| w.replace(',', "").parse().ok())
        })
        .unwrap_or(0)
}

/// The value of a number word, with the plural round numbers as their least reading.
fn number_value(w: &str) -> Option<u32> {
    Some(match w {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "dozens" | "scores" => 24,
        "hundreds" => 200,
        "thousands" => 2000,
        _ => return None,
    })
}

/// Whether a verb names an act done in words beyond saying something: accusing, urging,
/// rejecting, warning, praising (some pattern codes more than a statement, 01x) rather than an
/// act of force (most of its patterns 15 and above: "rejecting" has one 1722 pattern among
/// hundreds of verbal ones, "killing" none).
/// (Read from the lemma's flags, made by [`lemma_flags`].)
fn is_verbal_act(ctx: &Ctx, lemma: u32) -> bool {
    ctx.flags(lemma) & lemma_flag::VERBAL_ACT != 0
}

/// "A roadside bomb planted by Taliban insurgents killed five Afghan soldiers": the act of a
/// participle after a noun that is no actor ("bomb planted by"), with no target of its own,
/// is aimed at whoever the noun then killed or wounded — the verb right after its "by" agent,
/// or the participle of what it hit.
fn device_victims(ctx: &Ctx, clauses: &[VerbClause], candidates: &mut [Candidate]) {
    for cand in candidates.iter_mut() {
        if cand.target.is_some() || !violent(&cand.code) {
            continue;
        }
        let Some(c) = clauses.iter().find(|k| k.verb == cand.trigger.0) else {
            continue;
        };
        let after_noun = c.passive
            && c.subject.is_empty()
            && c.verb > 0
            && ctx.tag(c.verb - 1) == Tag::Noun
            && c.verb + 1 < ctx.n()
            && ctx.lower(c.verb + 1) == "by";
        if !after_noun {
            continue;
        }
        let agent_end = ctx
            .group_of(cand.source)
            .iter()
            .map(|&p| ctx.a.phrases[p].end)
            .max();
        let Some(next) = clauses
            .iter()
            .find(|k| k.verb > c.verb && Some(k.group_start) == agent_end)
        else {
            continue;
        };
        let harms =
            |k: &VerbClause| matches!(ctx.lex.lemma(k.lemma), "kill" | "injure" | "wound" | "maim");
        // (or what it hit, then harmed: "a mortar round fired by rebels hit a school, wounding
        // three children"; or its going off: "car bombs planted by al Shabaab exploded outside
        // the ministry, killing at least 100 people")
        let harm = if harms(next) {
            next
        } else if matches!(
            ctx.lex.lemma(next.lemma),
            "hit" | "strike" | "explode" | "detonate"
        ) {
            match clauses
                .iter()
                .find(|k| k.governor == Some(next.verb) && harms(k))
            {
                Some(k) => k,
                None => continue,
            }
        } else {
            continue;
        };
        // (the victims right after the verb: "killed five Afghan soldiers")
        let end = clause_end(ctx, harm.verb + 1).min(harm.verb + 5);
        cand.target = (harm.verb + 1..end).find_map(|t| ctx.a.phrase_of[t]);
    }
}

/// "Kyrgyz and Tajik border guards exchanged fire, killing at least 13 people", "protesters
/// set fire to a parliament building, killing three people": the deaths of a comma participle
/// are what the act of force before it did, one event and not two (the codebook codes the act,
/// and the killing adds no actor). The participle's violent event goes when its clause's act,
/// by the same source, is itself physical (14x to 20x); and when that act was aimed at a
/// country or nothing ("shelled the South Korean island of Yeonpyeong, killing two South
/// Korean marines"), the victims, of that country, are its target.
fn fold_casualties_into_act(ctx: &Ctx, clauses: &[VerbClause], candidates: &mut Vec<Candidate>) {
    let code_of = |p: usize| ctx.codes.get(p).and_then(|c| c.as_deref());
    let physical =
        |code: &str| matches!(code.get(..2), Some("14" | "15" | "17" | "18" | "19" | "20"));
    let mut folded = vec![false; candidates.len()];
    let mut retarget: Vec<(usize, usize)> = Vec::new();
    let mut recode: Vec<(usize, String)> = Vec::new();
    for (i, c) in candidates.iter().enumerate() {
        if !violent(&c.code) {
            continue;
        }
        let Some(act) = clauses
            .iter()
            .find(|k| k.verb == c.trigger.0 && is_comma_participle(ctx, k))
            .and_then(|k| k.governor)
        else {
            continue;
        };
        let source = code_of(c.source);
        let mains: Vec<usize> = (0..candidates.len())
            .filter(|&j| {
                let o = &candidates[j];
                j != i
                    && o.trigger.0 == act
                    && physical(&o.code)
                    && o.modality == c.modality
                    && source.is_some()
                    && code_of(o.source) == source
            })
            .collect();
        if mains.is_empty() {
            continue;
        }
        folded[i] = true;
        // (the more specific code of the two: "ambushed a convoy, killing nine" is a killing
        // by assault (1823) rather than a generic use of force; "shelled the island, killing
        // two marines" stays the shelling (194))
        for &j in &mains {
            if is_root_code(&candidates[j].code) && !is_root_code(&c.code) {
                recode.push((j, c.code.clone()));
            }
        }
        let Some(victims) = c
            .target
            .filter(|&t| code_of(t).is_some_and(|v| v.len() > 3))
        else {
            continue;
        };
        for j in mains {
            // (a country, or a capital standing for one: "struck central Kyiv, killing
            // civilians" was done to the civilians)
            let country_only = match candidates[j].target {
                None => true,
                Some(t) => {
                    let place = code_of(t).is_some_and(|v| v.len() == 3)
                        || matches!(
                            ctx.a.phrases[t].country,
                            Some((_, crate::dict::ActorKind::Capital))
                        );
                    place
                        && code_of(t)
                            .zip(code_of(victims))
                            .is_some_and(|(v, w)| w.get(..3) == v.get(..3))
                }
            };
            if country_only {
                retarget.push((j, victims));
            }
        }
    }
    for (j, victims) in retarget {
        candidates[j].target = Some(victims);
    }
    for (j, code) in recode {
        candidates[j].code = code;
    }
    let mut keep = folded.iter().map(|f| !f);
    candidates.retain(|_| keep.next().unwrap());
}

/// The end of "and" with a short noun phrase the target's coordination left out, standing at
/// `at` right after a target and followed by "of" or "for" ("the RSF and allied militias of",
/// "Hamas and other groups for"): where a pattern's words after its target go on.
fn coordinated_uncoded(ctx: &Ctx, at: usize, end_of_clause: usize) -> Option<usize> {
    if at >= end_of_clause || ctx.lower(at) != "and" {
        return None;
    }
    let mut k = at + 1;
    let mut nouns = 0;
    while k < end_of_clause && k <= at + 4 {
        match ctx.tag(k) {
            Tag::Det | Tag::Adv => {}
            Tag::Noun | Tag::Name | Tag::Actor => nouns += 1,
            // (a participle before a noun: "allied militias")
            Tag::Verb if k + 1 < end_of_clause && ctx.tag(k + 1) == Tag::Noun => {}
            _ => break,
        }
        k += 1;
    }
    (nouns > 0 && k < end_of_clause && matches!(ctx.lower(k), "of" | "for")).then_some(k)
}

/// An act of violence: assault (18x), fighting (19x) or mass violence (20x).
fn violent(code: &str) -> bool {
    matches!(code.get(..2), Some("18" | "19" | "20"))
}

/// A CAMEO code at the level of its root ("190", "180"): the generic act of its kind.
fn is_root_code(code: &str) -> bool {
    code.len() == 3 && code.ends_with('0')
}

/// A participial clause set off by a comma (", killing seven civilians", ", accusing Kyiv of
/// sabotage"): it adds to the clause before it rather than standing on its own.
fn is_comma_participle(ctx: &Ctx, c: &VerbClause) -> bool {
    c.form.has(VerbForm::GERUND)
        && c.group_start == c.verb
        && c.verb > 0
        && ctx.s.tokens[c.verb - 1].is_punct(",")
}

/// Where a speech clause's speaker and verb group begin, past the determiners and possessor
/// that open the subject: what stands before it says whether the clause is an attribution
/// set off from the sentence ("..., the group's deputy leader said").
fn attribution_start(ctx: &Ctx, c: &VerbClause) -> usize {
    let before_subject = c
        .subject
        .iter()
        .map(|&p| ctx.a.phrases[p].start)
        .min()
        .unwrap_or(c.group_start);
    let mut start = before_subject.min(c.group_start);
    // "..., the group's deputy leader said": a possessor and determiners open the subject
    while start > 0
        && (matches!(ctx.tag(start - 1), Tag::Det | Tag::Poss)
            || ctx.a.phrase_of[start - 1].is_some_and(|p| ctx.a.phrases[p].possessive))
    {
        start -= 1;
    }
    // ... and so do a few plain words after an article: "..., a senior State Department
    // official said on Tuesday"
    let mut k = start;
    while k > 0 && start - k < 3 && ctx.tag(k - 1) == Tag::Noun && !ctx.s.tokens[k - 1].capitalized
    {
        k -= 1;
    }
    if k < start && k > 0 && ctx.tag(k - 1) == Tag::Det {
        start = k - 1;
    }
    start
}

/// How many words follow token `i` in the sentence: a speech verb with few after it closes
/// the sentence as an attribution.
fn words_after(ctx: &Ctx, i: usize) -> usize {
    words_between(ctx, i, ctx.n())
}

/// How many words stand between tokens `i` and `end` (both excluded).
fn words_between(ctx: &Ctx, i: usize, end: usize) -> usize {
    ctx.s.tokens[i + 1..end]
        .iter()
        .filter(|t| t.kind == crate::segment::TokenKind::Word)
        .count()
}

/// Does a clause start at `i`: a word that is a preposition or a subordinator ("after",
/// "before", "since", "until", "when", "while", "because") followed by a subject and a finite
/// verb before the next comma ("after a hafling was reported")?
fn opens_clause(ctx: &Ctx, i: usize) -> bool {
    if !matches!(
        ctx.lower(i),
        "after" | "before" | "since" | "until" | "when" | "while" | "because" | "as"
    ) {
        return false;
    }
    let end = (i + 1..ctx.n())
        .find(|&k| ctx.is(k, kind::COMMA | kind::SEMI | kind::COLON | kind::PERIOD))
        .unwrap_or(ctx.n())
        .min(i + 10);
    (i + 2..end).any(|k| {
        ctx.tag(k) == Tag::Verb
            && !matches!(ctx.tag(k - 1), Tag::To | Tag::Prep)
            && !ctx.lower(k).ends_with("ing")
            && ctx.a.phrase_of[k - 1].is_some()
            || matches!(ctx.tag(k), Tag::Be | Tag::Have | Tag::Modal) && ctx.tag(k - 1) != Tag::To
    })
}

/// Where the clause running from `from` ends: the next subordinator, `;`, `:` or quote mark.
fn clause_end(ctx: &Ctx, from: usize) -> usize {
    clause_end_past(ctx, from, &[])
}

/// [`clause_end`], reading on past the subordinator `through` ("that": a complement clause
/// belongs to the verb's phrase for TABARI's patterns).
fn clause_end_past(ctx: &Ctx, from: usize, through: &[&str]) -> usize {
    (from..ctx.n())
        .find(|&i| {
            (matches!(ctx.tag(i), Tag::Sub) && !through.contains(&ctx.lower(i)))
                || ctx.is(i, kind::SEMI | kind::COLON)
                || (ctx.is(i, kind::QUOTE) && ctx.tag(i) != Tag::Adv)
        })
        .unwrap_or(ctx.n())
}

/// [`match_verb`]'s scratch space, kept per thread from verb to verb (these were three
/// allocations per verb) in [`SentenceBuffers`].
#[derive(Default)]
struct VerbScratch {
    /// A bit per literal id of `keys`: all zero between calls.
    present: Vec<u64>,
    /// The [`Lexicon::candidate_patterns`] bit set.
    candidates: Vec<u64>,
    /// The literal ids of the words the verb's patterns may read.
    keys: Vec<u32>,
    /// A bit per literal id of the words of the sentence being parsed, filled on first use in
    /// the sentence (for [`CompiledPattern::alt_requires`]) and all zero between sentences.
    in_sentence: Vec<u64>,
    /// The literal ids whose bits `in_sentence` has set.
    sentence_keys: Vec<u32>,
    /// Whether `in_sentence` holds the sentence being parsed.
    sentence_filled: bool,
}

impl VerbScratch {
    /// Forget the previous sentence's words ([`VerbScratch::in_sentence`]).
    fn start_sentence(&mut self) {
        for &k in &self.sentence_keys {
            if let Some(w) = self.in_sentence.get_mut(k as usize / 64) {
                *w = 0;
            }
        }
        self.sentence_keys.clear();
        self.sentence_filled = false;
    }
}

/// Set the bit in `in_sentence` (sized to `words` here) of each word of the sentence that has
/// a literal id, and list the ids in `sentence_keys`.
fn fill_sentence_keys(
    ctx: &Ctx,
    words: usize,
    in_sentence: &mut Vec<u64>,
    sentence_keys: &mut Vec<u32>,
) {
    if in_sentence.len() < words {
        in_sentence.resize(words, 0);
    }
    ctx.push_literal_ids(0..ctx.n(), sentence_keys);
    for &k in sentence_keys.iter() {
        in_sentence[k as usize / 64] |= 1 << (k % 64);
    }
}

/// Try each pattern of the verb, most specific first.
fn match_verb(ctx: &Ctx, c: &VerbClause) -> Option<PatternMatch> {
    // (the lemma's flags first: a clause no pattern can match returns without reading the
    // verb's list of patterns, which was a cache miss)
    let flags = ctx.flags(c.lemma);
    if flags & lemma_flag::HAS_PATTERNS == 0
        || (c.subject.is_empty() && !c.passive && flags & lemma_flag::SUBJECTLESS == 0)
    {
        return None;
    }
    let all = ctx.lex.verb_patterns(c.lemma);
    let (filters, pool) = ctx.lex.pattern_filters(c.lemma);
    // Cheap pre-filter: a pattern whose literal words do not occur after the verb cannot match.
    // Common verbs have hundreds of patterns; this keeps matching linear in practice.
    let n = ctx.n();
    let end_of_clause = clause_end(ctx, c.verb + 1).min(c.ends_before.unwrap_or(n));
    // (a passive with no actor subject may have the pattern's object before it: "the suspect
    // was extradited")
    let before = if c.passive && c.subject.is_empty() {
        c.group_start.saturating_sub(8)..c.group_start
    } else {
        0..0
    };
    // (`keys` as a bit per literal id, so each candidate's literals are looked up at once
    // rather than by scanning the keys: a verb can have hundreds of candidates. The bitset is
    // kept per thread and only the keys' bits are cleared after use: zeroing a bitset of every
    // literal the dictionaries have at every verb cost more than the matching; a binary search
    // of the sorted keys, tried too, cost more still.)
    let words = ctx.lex.literal_count().div_ceil(64);
    // (the first pass tries each candidate as the filter finds it, so the candidates after the
    // first match are never filtered; the rest are kept for the target-less pass)
    let (found, pats, partnerless) = {
        let scratch = &mut *ctx.scratch.borrow_mut();
        let VerbScratch {
            present,
            candidates,
            keys,
            in_sentence,
            sentence_keys,
            sentence_filled,
        } = scratch;
        // (words no pattern literal has are left out: they match no key)
        keys.clear();
        ctx.push_literal_ids(before, keys);
        ctx.push_literal_ids(c.verb + 1..(c.verb + 20).min(n), keys);
        let keys = &keys[..];
        if present.len() < words {
            present.resize(words, 0);
        }
        let present = &mut present[..words];
        // (and the keys folded into 64 bits, for `CompiledPattern::key_bloom`)
        let mut bloom = 0u64;
        for &k in keys {
            if let Some(w) = present.get_mut(k as usize / 64) {
                *w |= 1 << (k % 64);
            }
            bloom |= 1 << (k % 64);
        }
        let has = |k: u32| {
            present
                .get(k as usize / 64)
                .map_or_else(|| keys.contains(&k), |w| w & (1 << (k % 64)) != 0)
        };
        // every literal occurs, or every literal but an optional partner preposition
        let mut pats: Vec<&Arc<CompiledPattern>> = Vec::new();
        let mut partnerless: Vec<&Arc<CompiledPattern>> = Vec::new();
        let mut found = None;
        // (a pattern missing a literal is kept only as partnerless, below)
        // (asked only of a pattern with a partner, once: a subject's phrase is a cache miss)
        let partner_ok_once = std::cell::OnceCell::new();
        let partner_ok = || {
            *partner_ok_once.get_or_init(|| {
                !c.passive && (c.subject.len() >= 2 || c.subject.iter().any(|&p| ctx.is_pair(p)))
            })
        };
        let sentence_words = {
            let (in_sentence, sentence_keys, filled) = (
                &mut *in_sentence,
                &mut *sentence_keys,
                &mut *sentence_filled,
            );
            move || {
                if !*filled {
                    fill_sentence_keys(ctx, words, in_sentence, sentence_keys);
                    *filled = true;
                }
                // (moved out, so the closure is `FnOnce` and the list outlives it)
                let sentence_keys = sentence_keys;
                &sentence_keys[..]
            }
        };
        for i in ctx
            .lex
            .candidate_patterns(c.lemma, keys, sentence_words, candidates)
        {
            // (the pattern's filter record, not the pattern: see `PatternFilter`)
            let f = &filters[i as usize];
            // (most candidates miss a literal, and the bloom tells most of them at once)
            if f.key_bloom & !bloom != 0 && !(f.partner_key().is_some() && partner_ok()) {
                continue;
            }
            // (the first literal must be there, and of the others only none or one missing
            // matters: the count stops at two. A pattern is a candidate by one of its
            // literals, which need not be the first, or by its alternatives, or has no
            // literal)
            let key_ids = f.keys(pool);
            if key_ids.first().is_some_and(|&k| !has(k)) {
                continue;
            }
            let missing = key_ids.iter().skip(1).filter(|&&k| !has(k)).take(2).count();
            // (each alternative set needs a word of the sentence that can match one of its
            // first words: wherever the pattern reads it, it is one of the sentence's words)
            if missing <= 1 && f.has_alt_requires() {
                if !*sentence_filled {
                    fill_sentence_keys(ctx, words, in_sentence, sentence_keys);
                    *sentence_filled = true;
                }
                let in_sentence = &in_sentence[..];
                let met = f.alt_requires(pool).all(|ids| {
                    ids.iter()
                        .any(|&k| in_sentence[k as usize / 64] & (1 << (k % 64)) != 0)
                });
                if !met {
                    continue;
                }
            }
            let p = &all[i as usize];
            if missing == 0 {
                found = try_pattern(ctx, c, p, false, end_of_clause);
                if found.is_some() {
                    break;
                }
                pats.push(p);
            } else if missing == 1
                && f.partner_key().is_some_and(|w| !has(w))
                // the partner left out is the other subject ("Pakistan and China pledged to
                // expand economic cooperation"); with one subject the act has no partner at all
                // and a lone "importing oil" is no event
                && partner_ok()
            {
                partnerless.push(p);
            }
        }
        for &k in keys {
            if let Some(w) = present.get_mut(k as usize / 64) {
                *w = 0;
            }
        }
        (found, pats, partnerless)
    };
    if found.is_some() {
        return found;
    }
    // No pattern found its target: a transitive pattern may still code the act with no target
    // ("NATO condemned the attack") when nothing after the target slot is required.
    // The act needs an object that is simply not an actor ("condemned the attack", "arrested
    // 20 people"); "attacked down the left" has none and codes nothing.
    let next = (c.verb + 1..ctx.n()).find(|&t| ctx.tag(t) != Tag::Adv);
    // (a reaction's object is the noun before it: ", a move Washington condemned")
    let has_object = c.reaction_to.is_some()
        || next.is_some_and(|t| {
            matches!(
                ctx.tag(t),
                Tag::Det | Tag::Num | Tag::Noun | Tag::Poss | Tag::Actor | Tag::Name
            )
        });
    if c.passive {
        return None;
    }
    // patterns with literals establish the construction themselves ("carried out airstrikes on")
    // (in a reaction the target slot is the noun before it, wherever the pattern puts it:
    // ", a move the opposition called a sham" for `call + sham`)
    // ("called the visit a huge disappointment": an object naming an act stands in the target
    // slot, wherever the pattern puts it, for a reaction to acts)
    let act_object = next.is_some_and(|t| {
        crate::act_anaphora::act_phrase_end(&ctx.s.tokens, t, |i| ctx.a.phrase_of[i].is_some())
            .is_some()
    });
    for p in pats.iter().chain(partnerless.iter()).filter(|p| {
        (p.elems.last() == Some(&PatElem::Target)
            || ((c.reaction_to.is_some()
                || (act_object && crate::act_anaphora::reacts_to_acts(&p.code)))
                && p.elems.contains(&PatElem::Target)))
            && !p.target_required
            && (has_object || p.specificity > 1)
    }) {
        if let Some(m) = try_pattern(ctx, c, p, true, end_of_clause) {
            // without an object after the verb, only a construction matched word for word
            // ("carried out airstrikes on") stands on its own; "took place in" is not "take in"
            if has_object || m.literal_gaps == 0 {
                return Some(m);
            }
        }
    }
    None
}

/// The length of the quantity starting at token `at`: a number, or a number after the words
/// that bound it ("more than 40", "at least 12", "as many as 300").
fn quantity_at(ctx: &Ctx, at: usize) -> Option<usize> {
    let num_at = |k: usize| k < ctx.n() && ctx.tag(k) == Tag::Num;
    if num_at(at) {
        return Some(1);
    }
    let lead = match (ctx.lower(at), at + 1 < ctx.n()) {
        (_, false) => return None,
        ("more" | "less" | "fewer", true) if ctx.lower(at + 1) == "than" => 2,
        ("at", true) if matches!(ctx.lower(at + 1), "least" | "most") => 2,
        ("up", true) if ctx.lower(at + 1) == "to" => 2,
        ("as", true)
            if at + 2 < ctx.n() && ctx.lower(at + 1) == "many" && ctx.lower(at + 2) == "as" =>
        {
            3
        }
        _ => return None,
    };
    num_at(at + lead).then_some(lead + 1)
}

/// [`CompiledPattern::word_matches`], turning away first a word whose first byte is not the
/// literal's (every word a literal matches shares it): most words tried against a literal are
/// turned away so, without the call. Of two words of two bytes or more, a match shares the
/// second byte too (a singular of such a word is at least two bytes long, and a prefix of it),
/// so that is compared next: alternatives are indexed by their first byte, and many of a
/// synset's share it with the word (1.5 M fewer instructions per MB).
#[inline]
fn word_matches(p: &CompiledPattern, literal: &str, word: &str) -> bool {
    let (l, w) = (literal.as_bytes(), word.as_bytes());
    l.first() == w.first()
        && match (l.get(1), w.get(1)) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        }
        && p.word_matches(literal, word)
}

/// The actors owning the noun phrase that ends at `end`, with their coordinated partners:
/// "Eriador's" in "Eriador's death and injury toll", both in "Ithilen's sheep and goats of
/// Gondor". Read back over at most eight nouns, numbers and "and": a possessive phrase or one
/// after "of" owns the nouns; any other actor ends the search with nothing found.
fn owners_of_noun_phrase(ctx: &Ctx, end: usize) -> Vec<usize> {
    let mut owners: Vec<usize> = Vec::new();
    let mut k = end;
    while k > 0 && end - k < 8 {
        let t = k - 1;
        if let Some(ph) = ctx.a.phrase_of[t] {
            let q = &ctx.a.phrases[ph];
            let after_of = q.start > 0 && ctx.lower(q.start - 1) == "of";
            if q.possessive && k < end {
                k = q.start;
            } else if after_of && !q.possessive {
                k = q.start - 1;
            } else {
                return Vec::new();
            }
            for g in ctx.group_of(ph) {
                if !owners.contains(&g) {
                    owners.push(g);
                }
            }
            continue;
        }
        if !(matches!(ctx.tag(t), Tag::Noun | Tag::Num | Tag::Poss) || ctx.lower(t) == "and") {
            break;
        }
        k -= 1;
    }
    owners.sort_unstable();
    owners
}

/// The doer of an act named by the noun phrase before a passive verb group starting at
/// `group_start`, as its words name it: an owner ("Russia's invasion") or an actor before the
/// act noun ("the military takeover in Niger", "Israeli strikes"), with a place after the noun
/// allowed. Empty when the phrase names none, or names an actor without an act noun after it.
fn passive_act_doers(ctx: &Ctx, group_start: usize) -> Vec<usize> {
    let mut k = group_start;
    // (past a place said after the noun: "in Niger")
    if k >= 2 {
        if let Some(ph) = ctx.a.phrase_of[k - 1] {
            let q = &ctx.a.phrases[ph];
            if q.start >= 2 && matches!(ctx.lower(q.start - 1), "in" | "on" | "at") {
                k = q.start - 1;
            }
        }
    }
    let mut noun = false;
    while k > 0 && group_start - k < 8 {
        let t = k - 1;
        if let Some(ph) = ctx.a.phrase_of[t] {
            let q = &ctx.a.phrases[ph];
            // (the owner or the actor before the act noun, not the act's object after "of")
            let before_noun = noun && (q.possessive || ctx.tag(q.end) == Tag::Noun);
            let after_of = q.start > 0 && ctx.lower(q.start - 1) == "of";
            return if before_noun && !after_of && q.pronoun.is_none() {
                ctx.group_of(ph)
            } else {
                Vec::new()
            };
        }
        match ctx.tag(t) {
            Tag::Noun => noun = true,
            Tag::Det | Tag::Adv | Tag::Num | Tag::Poss => {}
            _ => return Vec::new(),
        }
        k -= 1;
    }
    Vec::new()
}

/// Whether the subject of a passive clause names, in order, the literal words `lead` (a
/// pattern's object: "the suspect" for `extradite suspect`, "food aid" for `deliver aid`).
/// The subject is the noun phrase just before the verb group: nouns, names, numbers, articles,
/// adverbs and "of", at most eight words, back to a punctuation mark, verb or clause word.
fn passive_subject_names(ctx: &Ctx, c: &VerbClause, p: &CompiledPattern, lead: &[PatElem]) -> bool {
    let mut start = c.group_start;
    while start > 0
        && c.group_start - start < 8
        && (matches!(
            ctx.tag(start - 1),
            Tag::Noun | Tag::Name | Tag::Num | Tag::Det | Tag::Adv
        ) || ctx.lower(start - 1) == "of")
    {
        start -= 1;
    }
    let mut at = start;
    for el in lead {
        let found = (at..c.group_start).find_map(|k| match el {
            PatElem::Word(w) => word_matches(p, w, ctx.lower(k)).then_some(k + 1),
            PatElem::Alt(alts) => alts.iter().find_map(|seq| {
                (k + seq.len() <= c.group_start
                    && seq
                        .iter()
                        .enumerate()
                        .all(|(j, w)| word_matches(p, w, ctx.lower(k + j))))
                .then_some(k + seq.len())
            }),
            _ => None,
        });
        match found {
            Some(next) => at = next,
            None => return false,
        }
    }
    true
}

/// Nouns whose infinitive complement names an act that is not done ("efforts to stop",
/// "a plot to attack", "a place to visit"), in the singular. ("no reason to", "no need to"
/// are modality cues: the act they govern is kept, unasserted.)
const COMPLEMENT_NOUNS: &[&str] = &[
    "effort",
    "attempt",
    "bid",
    "plan",
    "plot",
    "scheme",
    "place",
    "way",
    "chance",
    "opportunity",
    "ability",
    "right",
    "power",
    "intention",
    "mission",
    "strategy",
    "time",
];

/// Whether `word` is one of [`COMPLEMENT_NOUNS`], singular or plural.
fn is_complement_noun(word: &str) -> bool {
    COMPLEMENT_NOUNS.iter().any(|n| {
        word == *n
            || word.strip_suffix('s') == Some(n)
            || n.strip_suffix('y')
                .is_some_and(|stem| word.strip_suffix("ies") == Some(stem))
    })
}

fn try_pattern(
    ctx: &Ctx,
    c: &VerbClause,
    p: &Arc<CompiledPattern>,
    allow_no_target: bool,
    mut end_of_clause: usize,
) -> Option<PatternMatch> {
    let n = ctx.n();
    // ("and they agreed to jointly exploit ...": a pair reference is two subjects)
    let pair_subject = matches!(c.subject[..], [one] if ctx.is_pair(one));
    if p.compound_subject && (c.passive || (c.subject.len() < 2 && !pair_subject)) {
        return None;
    }
    // TABARI's patterns (`+?`) read the verb's whole phrase, its complement clause included
    // ("allowed that Mordor isn't a really pleasant place", "question whether he has a
    // future with the Morgul Orcs")
    if p.loose_target {
        end_of_clause = clause_end_past(ctx, c.verb + 1, &["that", "whether"]);
    }
    if p.only_form
        .as_deref()
        .is_some_and(|f| f != ctx.lower(c.verb))
    {
        return None;
    }
    // words the pattern wants before the verb, nearest first, each within four words; the verb
    // group counts ("did n't * clash")
    let mut at = c.verb;
    // where a target written before the verb must end (`noted + * regret`)
    let mut target_before = (p.target_before == Some(p.pre.len())).then_some(c.group_start);
    for (i, alts) in p.pre.iter().enumerate().rev() {
        let longest = alts.iter().map(Vec::len).max().unwrap_or(1);
        let lo = at.saturating_sub(4 + longest);
        let adjacent = p.verb_adjacent && i + 1 == p.pre.len();
        let found = (lo..at).rev().find(|&k| {
            alts.iter().any(|run| {
                (if adjacent {
                    k + run.len() == c.verb
                } else {
                    k + run.len() <= at
                }) && run
                    .iter()
                    .enumerate()
                    .all(|(j, w)| word_matches(p, w, ctx.lower(k + j)))
            })
        });
        match found {
            Some(k) => at = k,
            None => return None,
        }
        if p.target_before == Some(i) {
            target_before = Some(at);
        }
    }
    let mut pos = c.verb + 1;
    let mut targets: Vec<usize> = Vec::new();
    let mut passive_sources: Vec<usize> = Vec::new();
    // TABARI reads no voice: an imported pattern on a passive clause with an actor subject
    // and no "by" agent reads that subject as the source ("The Philippines was criticized
    // over its dispute with Eriador", as PETRARCH2's suite codes it)
    let by_agent = || {
        (c.verb + 1..end_of_clause).any(|i| {
            ctx.lower(i) == "by" && (i + 1..(i + 5).min(n)).any(|k| ctx.a.phrase_of[k].is_some())
        })
    };
    // (a passive infinitive, "to be allowed", has no subject of its own to read so)
    let passive =
        c.passive && !(p.loose_target && !c.infinitive && !c.subject.is_empty() && !by_agent());
    // passive: subject = target, "by" phrase = source
    let mut by_span = None;
    // "The suspect was extradited to Germany by Poland" for `extradite suspect to +`: a subject
    // that is no actor is the object the pattern's leading words name, and the pattern reads
    // on after the verb from its next element
    let mut first_elem = 0;
    // "The military takeover in Niger was condemned by ECOWAS": a reaction to an act named
    // as the passive's subject is aimed at the act's doer, named in the subject's words
    let act_owners = if passive
        && c.subject.is_empty()
        && target_before.is_none()
        && p.has_target()
        && crate::act_anaphora::reacts_to_acts(&p.code)
    {
        passive_act_doers(ctx, c.group_start)
    } else {
        Vec::new()
    };
    // (the longest run of leading words the subject names: "aid" of `deliver aid to +`)
    if passive
        && c.subject.is_empty()
        && act_owners.is_empty()
        && !p.subject_is_target
        && target_before.is_none()
    {
        let lead = p
            .elems
            .iter()
            .take_while(|e| matches!(e, PatElem::Word(_) | PatElem::Alt(_)))
            .count();
        first_elem = (1..=lead)
            .rev()
            .find(|&k| passive_subject_names(ctx, c, p, &p.elems[..k]))
            .unwrap_or(0);
        if first_elem == 0 {
            return None;
        }
    }
    let passive_object = first_elem > 0;
    // `+ receive money from $`: the subject is acted upon, active or passive ("Eriador
    // received money from Osgiliath", "the militia was freed from Barad-dur")
    // TABARI's target before the verb: the actor ending right where the pattern puts it; the
    // source is the subject, or the sentence's first actor when the subject is the target
    let mut before_sources: Vec<usize> = Vec::new();
    if let Some(before) = target_before {
        // (past the auxiliaries before a word: "Mordor will be hosting" for `+ hosting *`)
        let mut end = before;
        while end > 0
            && matches!(
                ctx.tag(end - 1),
                Tag::Modal | Tag::Be | Tag::Have | Tag::Do | Tag::Neg | Tag::Adv
            )
        {
            end -= 1;
        }
        let ph = end.checked_sub(1).and_then(|k| ctx.a.phrase_of[k])?;
        targets = ctx.group_of(ph);
        before_sources = c
            .subject
            .iter()
            .copied()
            .filter(|s| !targets.contains(s))
            .collect();
        // (an explicit `$` after the verb names the source instead)
        if before_sources.is_empty() && !p.elems.contains(&PatElem::Source) {
            let first = (0..ctx.a.phrases.len()).find(|&q| {
                ctx.a.phrases[q].pronoun.is_none()
                    && ctx.codes[q].is_some()
                    && ctx.a.phrases[q].end <= ctx.a.phrases[targets[0]].start
            })?;
            before_sources = ctx.group_of(first);
        }
    } else if p.subject_is_target {
        // (with no actor as subject, the owner of the subject noun is acted upon: "Ithilen's
        // palace guard militia was freed from Barad-dur")
        // ... and in a reaction, whoever did what its noun stands for (", a move that drew
        // condemnation from ...")
        targets = if let Some(doer) = c.reaction_to.as_ref().filter(|_| c.subject.is_empty()) {
            doer.clone()
        } else if c.subject.is_empty() {
            owners_of_noun_phrase(ctx, c.group_start)
        } else {
            c.subject.clone()
        };
        if targets.is_empty() {
            return None;
        }
    } else if passive {
        if !p.has_target() && !passive_object {
            return None;
        }
        // the agent phrase after "by", past an article and up to two modifiers ("by a
        // 71-year-old man")
        let agent_after = |i: usize| {
            let mut k = i + 1;
            if k < n && ctx.tag(k) == Tag::Det {
                k += 1;
            }
            let mut modifiers = 0;
            while k < n && ctx.a.phrase_of[k].is_none() && modifiers < 2 {
                if !matches!(ctx.tag(k), Tag::Noun | Tag::Num | Tag::Adv) {
                    return None;
                }
                k += 1;
                modifiers += 1;
            }
            (k < n)
                .then_some(k)
                .filter(|&k| ctx.a.phrase_of[k].is_some())
        };
        let (by, ph_tok) = (c.verb + 1..end_of_clause)
            .filter(|&i| ctx.lower(i) == "by")
            .find_map(|i| agent_after(i).map(|k| (i, k)))?;
        let ph = ctx.a.phrase_of[ph_tok].unwrap();
        let grp = ctx.group_of(ph);
        let end = grp.iter().map(|&g| ctx.a.phrases[g].end).max().unwrap();
        by_span = Some((by, end));
        passive_sources = grp;
        targets = if act_owners.is_empty() {
            c.subject.clone()
        } else {
            act_owners
        };
        if targets.is_empty() && !passive_object {
            return None;
        }
    }
    // TABARI: with no actor as subject, the owner of the subject noun acts ("Eriador's death
    // toll has risen" for `death toll * risen`)
    let owner_subject: Vec<usize> = if p.loose_target && !passive && c.subject.is_empty() {
        owners_of_noun_phrase(ctx, c.group_start)
    } else {
        Vec::new()
    };
    let sources: &[usize] = if p.subject_is_target {
        &[]
    } else if target_before.is_some() {
        &before_sources
    } else if passive {
        &passive_sources
    } else if !owner_subject.is_empty() {
        &owner_subject
    } else {
        &c.subject
    };
    let in_by = |i: usize| by_span.is_some_and(|(s, e)| s <= i && i < e);
    let mut explicit_sources: Option<Vec<usize>> = None;
    let mut reciprocal = false;
    let mut literal_end = c.verb + 1;
    let mut after_target: Option<usize> = None;
    // the target's last word, when a place said after it stands between it and `after_target`
    let mut target_last: Option<usize> = None;
    let mut literal_gaps = 0;
    let mut first_literal: Option<usize> = None;
    // "agreed to expand economic cooperation": in the target-less pass a trailing partner
    // ("... with +") may be left out once the act itself has been matched
    let partner_optional = |ei: usize, literal_end: usize| {
        allow_no_target
            && literal_end > c.verb + 1
            && ei + 2 == p.elems.len()
            && p.partner_key.is_some()
    };
    'elems: for (ei, el) in p.elems.iter().enumerate().skip(first_elem) {
        match el {
            PatElem::Word(_) | PatElem::Alt(_) => {
                // the number of tokens the literal matches at `at` (0: no match)
                let matches_at = |at: usize| -> usize {
                    match el {
                        PatElem::Word(w) => usize::from(word_matches(p, w, ctx.lower(at))),
                        PatElem::Alt(alts) => {
                            let fits = |seq: &&Vec<String>| {
                                at + seq.len() <= n
                                    && seq
                                        .iter()
                                        .enumerate()
                                        .all(|(k, w)| word_matches(p, w, ctx.lower(at + k)))
                            };
                            // (only the alternatives starting with the word's first byte can
                            // match it: see `AltIndex`)
                            match (p.alt_index.get(ei), ctx.lower(at).as_bytes().first()) {
                                (Some(index), Some(&b)) => index
                                    .starting_with(b)
                                    .map(|k| &alts[k])
                                    .find(fits)
                                    .map_or(0, Vec::len),
                                (Some(_), None) => 0,
                                (None, _) => alts.iter().find(fits).map_or(0, Vec::len),
                            }
                        }
                        _ => 0,
                    }
                };
                let mut skipped = 0;
                loop {
                    // "expelled Russian diplomats" for `expel + diplomat`: the literal is the
                    // role noun that ended the target phrase
                    // (asked before the clause's end: in "freed students who had been
                    // arrested" the target phrase ends where the relative clause begins)
                    if skipped == 0
                        && after_target == Some(pos)
                        && pos > 0
                        && matches_at(target_last.unwrap_or(pos - 1)) == 1
                    {
                        break;
                    }
                    if pos >= end_of_clause.max(pos.min(n)) || pos >= n {
                        if partner_optional(ei, literal_end) {
                            break 'elems;
                        }
                        return None;
                    }
                    if in_by(pos) {
                        pos += 1;
                        continue;
                    }
                    // (a plain word is compared here: most literals are, and most words
                    // are turned away by their first byte)
                    // ("agreed on Thursday on the text of": a preposition that opens a time
                    // adjunct, which annotation tags as an adverb, is no literal of the
                    // pattern but a filler before it)
                    let time_preposition = ctx.tag(pos) == Tag::Adv
                        && matches!(ctx.lower(pos), "on" | "in" | "at" | "by" | "during");
                    let len = match el {
                        _ if time_preposition => 0,
                        PatElem::Word(w) => usize::from(word_matches(p, w, ctx.lower(pos))),
                        _ => matches_at(pos),
                    };
                    if len > 0 {
                        first_literal.get_or_insert(pos);
                        pos += len;
                        literal_end = pos;
                        literal_gaps += skipped;
                        break;
                    }
                    // up to five modifiers inside a noun phrase ("its first Leopard 2 battle tanks");
                    // TABARI's patterns (`+?`) find their words anywhere later in the clause
                    // (quotation marks around modifiers are no words: 'a "full and
                    // immediate" ceasefire')
                    if ctx.lower(pos) == "\"" {
                        pos += 1;
                        continue;
                    }
                    // "seized the Rafah crossing", "shelled the Zaporizhzhia plant": a town
                    // named before the literal noun only says which one
                    let place_modifier = ctx.a.phrase_of[pos]
                        .map(|ph| &ctx.a.phrases[ph])
                        .filter(|q| q.start == pos && is_town_or_capital(q))
                        .map(|q| q.end)
                        .filter(|&e| {
                            e < n
                                && match el {
                                    PatElem::Word(w) => word_matches(p, w, ctx.lower(e)),
                                    _ => matches_at(e) > 0,
                                }
                        });
                    if let Some(e) = place_modifier.filter(|_| skipped < 5) {
                        skipped += 1;
                        pos = e;
                        continue;
                    }
                    // ("strikes from the air and sea against": where from is no literal's)
                    let from_medium = ctx.lower(pos) == "from"
                        && (pos + 1..(pos + 3).min(n))
                            .take_while(|&k| matches!(ctx.tag(k), Tag::Det | Tag::Noun))
                            .any(|k| matches!(ctx.lower(k), "air" | "sea" | "land" | "ground"));
                    if (ctx.is_filler(pos) || matches!(ctx.lower(pos), "and" | "of") || from_medium)
                        && skipped < 5
                        || p.loose_target
                        || p.exact_words && first_literal.is_none()
                    {
                        skipped += 1;
                        pos += 1;
                        continue;
                    }
                    if partner_optional(ei, literal_end) {
                        break 'elems;
                    }
                    return None;
                }
            }
            PatElem::Target if passive && !passive_object => {}
            // "accused each other": the coordinated subjects are each other's targets
            PatElem::Target
                if pos + 1 < n
                    && matches!(
                        (ctx.lower(pos), ctx.lower(pos + 1)),
                        ("each", "other") | ("one", "another")
                    ) =>
            {
                reciprocal = true;
                pos += 2;
                literal_end = literal_end.max(pos);
            }
            // "demanded that Russia return ...", "urged that the EU act": for demands and appeals
            // the subject of the that-clause is the target
            PatElem::Target
                if (p.code.starts_with("02") || p.code.starts_with("10"))
                    && that_clause_subject(ctx, pos).is_some() =>
            {
                let ph = that_clause_subject(ctx, pos).unwrap();
                let grp = ctx.group_of(ph);
                pos = grp.iter().map(|&g| ctx.a.phrases[g].end).max().unwrap();
                // the rest of the pattern reads the that-clause ("demanded that Turkey
                // release ..." for `demand + release`)
                end_of_clause = clause_end(ctx, pos);
                after_target = Some(pos);
                targets = grp;
            }
            // "pledged to expand": `to` before a verb marks an infinitive, not a recipient
            PatElem::Target
                if pos > c.verb + 1
                    && pos < n
                    && ctx.lower(pos - 1) == "to"
                    && ctx.tag(pos) == Tag::Verb =>
            {
                return None;
            }
            PatElem::Target => {
                let mut skipped = 0;
                let loose = p.loose_target;
                // in a reaction the object stands before the clause (", a move the opposition
                // called intimidation"): the slot is empty, and what follows it comes next
                if allow_no_target && c.reaction_to.is_some() {
                    continue;
                }
                // "called the visit a huge disappointment": the object names an act, not an
                // actor; the slot is empty (the act's doer is found from the article's acts),
                // and what follows it comes next
                // "condemned the killing of its general by Israel", "welcomed an advisory
                // opinion by the International Court of Justice": a reaction to an act named
                // with its agent is aimed at the agent
                if crate::act_anaphora::reacts_to_acts(&p.code) {
                    if let Some(ph) = object_agent(ctx, pos, end_of_clause) {
                        let grp = ctx.group_of(ph);
                        if !grp.iter().any(|g| sources.contains(g)) {
                            pos = grp.iter().map(|&g| ctx.a.phrases[g].end).max().unwrap();
                            after_target = Some(pos);
                            targets = grp;
                            continue;
                        }
                    }
                }
                if allow_no_target && crate::act_anaphora::reacts_to_acts(&p.code) {
                    let act_end = crate::act_anaphora::act_phrase_end(&ctx.s.tokens, pos, |i| {
                        ctx.a.phrase_of[i].is_some()
                    });
                    if let Some(end) = act_end.filter(|&e| e < end_of_clause) {
                        pos = end;
                        continue;
                    }
                }
                loop {
                    if pos >= end_of_clause {
                        if allow_no_target || loose {
                            break;
                        }
                        return None;
                    }
                    if let Some(ph) = ctx.a.phrase_of[pos] {
                        // a capital after a locative preposition is a place: "talks in Athens";
                        // for a visit the place is what is visited ("arrived in Athens"), and
                        // after a "from" the pattern itself ends with, the state that place
                        // stands for ("recalled its ambassador from Havana")
                        // (and after an "at" it ends with, whom it is aimed at: "fired
                        // missiles at Kyiv", "lashed out at Washington")
                        let pattern_from = skipped == 0
                            && pos > c.verb + 1
                            && matches!(ctx.lower(pos - 1), "from" | "at")
                            && ctx.a.phrases[ph].start == pos;
                        if is_place(ctx, ph) && p.code != "042" && !pattern_from {
                            pos = ctx.a.phrases[ph].end;
                            skipped += 1;
                            if skipped > 3 {
                                return None;
                            }
                            continue;
                        }
                        // "told reporters": the press is the audience, not a target
                        let q = &ctx.a.phrases[ph];
                        let press = q
                            .agent
                            .is_some_and(|a| ctx.lex.dict.agents[a as usize].sector == "MED")
                            && q.country.is_none()
                            && q.person.is_none()
                            && q.org.is_none()
                            && ctx.verb_classes(c.verb).contains(CueClass::Speech);
                        if press {
                            pos = q.end;
                            skipped += 1;
                            if skipped > 3 {
                                return None;
                            }
                            continue;
                        }
                        // (TABARI's reading passes over a pronoun: "question whether he has
                        // a future with the Morgul Orcs" is about the orcs)
                        if loose && ctx.a.phrases[ph].pronoun.is_some() {
                            pos = ctx.a.phrases[ph].end;
                            continue;
                        }
                        // "rebuild ties with Brazil's biggest trading partner", "attacked
                        // Iran's main ally": the owner of a relation is not the other party
                        let q = &ctx.a.phrases[ph];
                        if q.possessive
                            && object_head(ctx, q.end + 1, end_of_clause)
                                .is_some_and(|h| RELATION_NOUNS.contains(&singular(ctx.lower(h))))
                        {
                            if allow_no_target {
                                break;
                            }
                            return None;
                        }
                        // "sanctioned Sudan's paramilitary Rapid Support Forces": a country's
                        // possessive before an organisation it owns is whose, not whom
                        let ph = match ctx.a.phrases[ph].possessive {
                            true => {
                                let owned = ctx.a.phrases[ph].end + 1;
                                ctx.a
                                    .phrase_of
                                    .get(owned)
                                    .copied()
                                    .flatten()
                                    .filter(|&o| {
                                        // (the organisation heads the noun phrase: "Sweden's
                                        // NATO membership" is Sweden's)
                                        let q = &ctx.a.phrases[o];
                                        q.start == owned
                                            && q.org.is_some()
                                            && q.pronoun.is_none()
                                            && !q.modifier
                                            && ctx.a.phrases[ph].org.is_none()
                                            && (q.end >= n
                                                || matches!(
                                                    ctx.tag(q.end),
                                                    Tag::Punct
                                                        | Tag::Prep
                                                        | Tag::Conj
                                                        | Tag::To
                                                        | Tag::Sub
                                                        | Tag::Adv
                                                ))
                                    })
                                    .unwrap_or(ph)
                            }
                            false => ph,
                        };
                        let grp = ctx.group_of(ph);
                        if grp.iter().any(|g| sources.contains(g)) {
                            return None;
                        }
                        pos = grp.iter().map(|&g| ctx.a.phrases[g].end).max().unwrap();
                        // "gave the junta in Niger one week to", "called on the authorities in
                        // Tehran to release": where a role is, said right after it, says whose
                        // it is (the phrase is coded so); the pattern reads on past it
                        if let [only] = grp[..] {
                            let past = past_role_place(ctx, only, pos, end_of_clause);
                            if past > pos {
                                target_last = Some(pos - 1);
                                pos = past;
                            }
                        }
                        after_target = Some(pos);
                        targets = grp;
                        // "accused the RSF and allied militias of committing genocide": others
                        // coordinated with the target but not of its group (an adjective
                        // between) do not stop the pattern reading on
                        if let Some(end) = coordinated_uncoded(ctx, pos, end_of_clause) {
                            pos = end;
                        }
                        break;
                    }
                    // "abducted Ivan Fedorov, the mayor of Melitopol": a name the
                    // dictionaries do not know is the role set beside it
                    if let Some(ph) = apposed_role(ctx, pos) {
                        let q = &ctx.a.phrases[ph];
                        if sources.contains(&ph) {
                            return None;
                        }
                        pos = q.end;
                        after_target = Some(pos);
                        targets = vec![ph];
                        break;
                    }
                    // a loose target is not looked for in a clause of its own ("delayed
                    // their meeting after an orc was seen near X": X is not the target)
                    if loose && opens_clause(ctx, pos) {
                        break;
                    }
                    // "the port city of Mariupol": the kind of place does not count
                    let place_kind = pos + 1 < n
                        && ctx.lower(pos + 1) == "of"
                        && matches!(
                            ctx.lower(pos),
                            "city"
                                | "town"
                                | "village"
                                | "port"
                                | "capital"
                                | "region"
                                | "province"
                        );
                    if place_kind {
                        pos += 2;
                        continue;
                    }
                    // "detained more than 40 supporters of opposition politician X": a number
                    // and the words bounding it are no modifiers of the target's noun and use
                    // none of the words skipped
                    if let Some(len) = quantity_at(ctx, pos) {
                        pos += len;
                        continue;
                    }
                    if loose
                        || ((ctx.is_filler(pos) || matches!(ctx.lower(pos), "of" | "by"))
                            && skipped < 3)
                    {
                        // (the article of an owner after "of" is the owner's: "bases of the
                        // outlawed Kurdistan Workers Party" skips three words)
                        let owners_article =
                            ctx.tag(pos) == Tag::Det && pos > 0 && ctx.lower(pos - 1) == "of";
                        if !owners_article {
                            skipped += 1;
                        }
                        pos += 1;
                        continue;
                    }
                    // "blamed a misfired rocket launched by Islamic Jihad", "condemned the
                    // decision taken by the junta": what is disapproved of was done by the one
                    // disapproved of, named in the participle's agent phrase
                    if p.code.starts_with("11")
                        && ctx.tag(pos) == Tag::Verb
                        && pos + 2 < end_of_clause
                        && ctx.lower(pos + 1) == "by"
                    {
                        if let Some(ph) = ctx.a.phrase_of[pos + 2] {
                            let grp = ctx.group_of(ph);
                            if !grp.iter().any(|g| sources.contains(g)) {
                                pos = grp.iter().map(|&g| ctx.a.phrases[g].end).max().unwrap();
                                after_target = Some(pos);
                                targets = grp;
                                break;
                            }
                        }
                    }
                    if allow_no_target {
                        break;
                    }
                    return None;
                }
            }
            PatElem::Skip => {
                if pos >= end_of_clause {
                    return None;
                }
                // PETRARCH's skip takes a preposition with its object ("Tabaski with Eriador
                // next week at Cirith Ungol" for `celebrate tabaski ^ $`)
                let mut at = pos;
                if p.exact_words && ctx.tag(at) == Tag::Prep && at + 1 < end_of_clause {
                    at += 1;
                }
                // an article goes with the phrase after it ("at the Old Palace")
                while at + 1 < end_of_clause && ctx.tag(at) == Tag::Det {
                    at += 1;
                }
                pos = match ctx.a.phrase_of[at] {
                    Some(ph) => ctx.a.phrases[ph].end,
                    None => pos + 1,
                };
                literal_end = pos;
            }
            PatElem::Source => {
                // an explicit source after the verb ("clashes between $")
                let mut skipped = 0;
                loop {
                    if pos >= end_of_clause {
                        return None;
                    }
                    if let Some(ph) = ctx.a.phrase_of[pos] {
                        let grp = ctx.group_of(ph);
                        pos = grp.iter().map(|&g| ctx.a.phrases[g].end).max().unwrap();
                        explicit_sources = Some(grp);
                        break;
                    }
                    // "received money from Osgiliath": the source's preposition (PETRARCH's
                    // `$` is the next actor: "celebrate May Day with Eriador")
                    if (ctx.is_filler(pos)
                        || matches!(ctx.lower(pos), "of" | "by" | "from")
                        || p.exact_words && ctx.tag(pos) == Tag::Prep)
                        && skipped < 3
                    {
                        skipped += 1;
                        pos += 1;
                        continue;
                    }
                    return None;
                }
            }
        }
    }
    // TABARI: a pattern's target is the first actor after the verb, which may stand before the
    // pattern's words ("allowed that Mordor isn't a really pleasant place" is about Mordor)
    if p.loose_target && targets.is_empty() && !passive {
        if let Some(ph) = (c.verb + 1..first_literal.unwrap_or(c.verb + 1))
            .filter_map(|i| ctx.a.phrase_of[i])
            .find(|&ph| !is_place(ctx, ph))
        {
            let grp = ctx.group_of(ph);
            if !grp.iter().any(|g| sources.contains(g)) {
                targets = grp;
            }
        }
    }
    // "denied Russian accusations", "rejected Britain's demands": a pattern that names no
    // target still acts on something, and the actor owning that thing is the one acted upon;
    // "handed over their weapons to the United Nations": or the one it was given to
    // Speech verbs are excluded: what follows "said" is the reported clause's subject.
    if targets.is_empty()
        && !p.has_target()
        && !passive
        && !reciprocal
        && !ctx.verb_classes(c.verb).contains(CueClass::Speech)
    {
        let recipient = || {
            (literal_end > c.verb + 1)
                .then(|| recipient_after(ctx, literal_end, end_of_clause))
                .flatten()
        };
        // "freed opposition figure Siarhei Tsikhanouski", "freed journalist Nilufar Hamedi":
        // the literal is the title of the person named right after it
        // ... and "refused to release British-Iranian aid worker Nazanin Zaghari-Ratcliffe": a
        // person named as the object of a literal verb
        let titled = || {
            if literal_end <= c.verb + 1 || literal_end >= end_of_clause {
                return None;
            }
            let last = ctx.tag(literal_end - 1);
            let mut at = literal_end;
            while at < (literal_end + 2).min(end_of_clause)
                && last == Tag::Verb
                && ctx.a.phrase_of[at].is_none()
                && matches!(ctx.tag(at), Tag::Det | Tag::Name | Tag::Noun)
            {
                at += 1;
            }
            ctx.a.phrase_of[at].filter(|&ph| {
                let q = &ctx.a.phrases[ph];
                let named = q.person.is_some() || !q.names.is_empty();
                let after_title = q.start == literal_end && q.agent.is_none() && last == Tag::Noun;
                let title_inside = q.start < literal_end && q.start > c.verb;
                let object = q.start == at && last == Tag::Verb;
                named && (after_title || title_inside || object) && !q.possessive
            })
        };
        let facility = || {
            let hostile = p.code.starts_with("145") || is_hostile(&p.code);
            hostile
                .then(|| owned_facility(ctx, c.verb, literal_end.max(c.verb + 1), end_of_clause))
                .flatten()
        };
        if let Some(ph) = owner_of_object(ctx, c.verb + 1, end_of_clause)
            .or_else(recipient)
            .or_else(titled)
            .or_else(facility)
        {
            let grp = ctx.group_of(ph);
            if !grp.iter().any(|g| sources.contains(g)) {
                targets = grp;
            }
        }
    }
    // "called for a ceasefire between Israel and Hezbollah": parties named after the act
    if targets.is_empty() && !p.has_target() && pos + 1 < n && ctx.lower(pos) == "between" {
        if let Some(ph) = ctx.a.phrase_of[pos + 1] {
            targets = ctx.group_of(ph);
        }
    }
    // "Orban attacked the EU's new migration deal", "attacked the proposal": force done to a
    // plan, a law or words is criticism of them (111), of their owner when one is named
    let code = if is_hostile(&p.code)
        && matches!(
            ctx.lex.lemma(c.lemma),
            "attack" | "assault" | "target" | "hit" | "strike" | "blast" | "torpedo" | "shoot"
        )
        && object_head(ctx, c.verb + 1, end_of_clause)
            .is_some_and(|h| VERBAL_TARGETS.contains(&singular(ctx.lower(h))))
    {
        "111".to_string()
    } else {
        p.code.clone()
    };
    // "called the strikes a clear message", "called the vote a farce": "call" with an object
    // and a second noun phrase after it names what the object is — no strike or vote was
    // called (a pattern ending in a particle, "call for", "call off", reads on)
    if literal_end > c.verb + 1
        && literal_end < n
        && matches!(ctx.lower(literal_end), "a" | "an")
        && !c.passive
        && ctx.lex.lemma(c.lemma) == "call"
        && ctx.tag(literal_end - 1) != Tag::Prep
        && !matches!(
            ctx.lower(literal_end - 1),
            "for" | "on" | "off" | "up" | "in" | "back" | "out"
        )
    {
        return None;
    }
    let sources: Vec<usize> = explicit_sources.unwrap_or_else(|| sources.to_vec());
    if reciprocal {
        if sources.len() < 2 {
            return None;
        }
        targets = sources.clone();
    }
    if sources.is_empty() || (!reciprocal && targets.iter().any(|t| sources.contains(t))) {
        return None;
    }
    Some(PatternMatch {
        pattern: p.clone(),
        literal_gaps,
        sources,
        targets,
        span: (c.verb, literal_end.max(c.verb + 1)),
        code,
    })
}

/// Nouns of a relation to another party: "Brazil's biggest trading partner" is someone else.
const RELATION_NOUNS: &[&str] = &[
    "partner",
    "ally",
    "neighbour",
    "neighbor",
    "rival",
    "enemy",
    "foe",
    "friend",
    "backer",
    "patron",
    "proxy",
    "counterpart",
];

/// Things that are made of words or decisions: force done to them is a figure of speech
/// ("attacked the proposal", "torpedoed the deal").
const VERBAL_TARGETS: &[&str] = &[
    "deal",
    "proposal",
    "plan",
    "policy",
    "decision",
    "law",
    "bill",
    "legislation",
    "remark",
    "comment",
    "statement",
    "speech",
    "rhetoric",
    "idea",
    "budget",
    "reform",
    "report",
    "ruling",
    "verdict",
    "stance",
    "agreement",
    "accord",
    "pact",
    "measure",
    "strategy",
    "handling",
    "approach",
    "record",
    "initiative",
    "motion",
    "resolution",
    "claim",
    "criticism",
    "narrative",
    "agenda",
];

/// The head noun of the noun phrase that starts at `from` (before `end`), past articles,
/// numbers, adverbs and an owner's possessive: the last plain noun of its first run of them.
fn object_head(ctx: &Ctx, from: usize, end: usize) -> Option<usize> {
    let end = end.min(ctx.n());
    let mut k = from;
    while k < end {
        if let Some(p) = ctx.a.phrase_of[k] {
            let ph = &ctx.a.phrases[p];
            if !ph.possessive {
                return None;
            }
            k = ph.end;
            continue;
        }
        match ctx.tag(k) {
            Tag::Det | Tag::Num | Tag::Adv | Tag::Poss => k += 1,
            Tag::Noun => {
                let mut head = k;
                while head + 1 < end
                    && ctx.tag(head + 1) == Tag::Noun
                    && ctx.a.phrase_of[head + 1].is_none()
                {
                    head += 1;
                }
                return Some(head);
            }
            _ => return None,
        }
    }
    None
}

/// Whom an act is for when its pattern has no target: the first cue word from `from` (no
/// further than `window` tokens past what the candidate read, and not past a `;` or `:`), then
/// the first phrase `accept`s within ten words after it, before a comma, after what the
/// pattern read and other than the source.
fn target_after_cue(
    ctx: &Ctx,
    cand: &Candidate,
    from: usize,
    cues: &[&str],
    window: usize,
    accept: impl Fn(usize) -> bool,
) -> Option<usize> {
    let read_end = cand.span.1.max(cand.trigger.1);
    let end = read_end.saturating_add(window).min(ctx.n());
    let cue =
        (from..end).find(|&i| cues.contains(&ctx.lower(i)) || matches!(ctx.lower(i), ";" | ":"))?;
    if matches!(ctx.lower(cue), ";" | ":") {
        return None;
    }
    ((cue + 1).max(read_end)..(cue + 11).min(ctx.n()))
        .take_while(|&i| !matches!(ctx.lower(i), ";" | ":" | ","))
        .filter_map(|i| ctx.a.phrase_of[i])
        .find(|&ph| ph != cand.source && accept(ph))
}

/// The country an act's object lies in, when no actor is its target: the first country named
/// after "in", "into", "to", "around", "inside" or "across" (or a town, after "to" and
/// "into"), within ten words of what the pattern read and before its clause ends ("a ceasefire
/// in eastern Congo, saying ..." stops at the comma; "and" before a verb starts another
/// clause; a quotation or a bracket is no longer the object). A country named with a role
/// ("in the Syrian army's hands") is an actor, not a place, and ends the search.
fn located_object(ctx: &Ctx, cand: &Candidate) -> Option<usize> {
    const PLACE_PREPOSITIONS: &[&str] = &["in", "into", "to", "around", "inside", "across"];
    const CLAUSE_ENDS: &[&str] = &[
        ",",
        ";",
        ":",
        "\"",
        "(",
        "at",
        "saying",
        "after",
        "before",
        "as",
        "when",
        "while",
        "because",
        "but",
        "which",
        "who",
        "that",
        "since",
        "despite",
        "amid",
        "following",
        "if",
        "unless",
    ];
    let read_end = cand.span.1.max(cand.trigger.1);
    let end = read_end.saturating_add(10).min(ctx.n());
    let mut i = read_end;
    while i < end {
        let w = ctx.lower(i);
        if CLAUSE_ENDS.contains(&w)
            || (w == "and" && i + 1 < ctx.n() && ctx.tag(i + 1) == Tag::Verb)
        {
            return None;
        }
        if PLACE_PREPOSITIONS.contains(&w) {
            let mut j = i + 1;
            while j < ctx.n() && matches!(ctx.tag(j), Tag::Det) {
                j += 1;
            }
            if j < ctx.n() && crate::situate::is_compass_word(ctx.lower(j)) {
                j += 1;
            }
            let ph = ctx.a.phrase_of.get(j).copied().flatten()?;
            // a town after "in" is where the act took place ("walked out of talks in
            // Brussels"); one something is sent "to" or "into" receives it
            let town_receives = matches!(w, "to" | "into");
            return match place_kind(ctx, cand, ph, j)? {
                ActorKind::CountryName => Some(ph),
                ActorKind::Town if town_receives => Some(ph),
                // a capital stands for its government, which the patterns name when it
                // receives something ("handed over weapons to Moscow" is where they went)
                _ => None,
            };
        }
        i += 1;
    }
    None
}

/// The kind of place the phrase `ph` names when it is a place that starts at `at`: a country,
/// town or capital named on its own — not the act's source, not a role ("in the Syrian army's
/// hands" names an actor), not a pronoun.
fn place_kind(ctx: &Ctx, cand: &Candidate, ph: usize, at: usize) -> Option<ActorKind> {
    let p = &ctx.a.phrases[ph];
    if ph == cand.source || p.start != at || p.agent.is_some() || p.pronoun.is_some() {
        return None;
    }
    p.country.map(|(_, kind)| kind)
}

/// The place `find` names for a candidate's act when it lies outside the country of the
/// act's source (a state's or a group's with a country; an organisation's acts have none).
fn foreign_place(
    ctx: &Ctx,
    cand: &Candidate,
    find: fn(&Ctx, &Candidate) -> Option<usize>,
) -> Option<usize> {
    let home = ctx
        .country_of(cand.source)
        .filter(|c| !matches!(*c, "IGO" | "NGO" | "MNC"))?;
    find(ctx, cand).filter(|&p| ctx.country_of(p).is_some_and(|c| c != home))
}

/// The town or country a territory taken lies in, named right after what the pattern read:
/// "seized the town of Bunagana", "the mining town of Rubaya in North Kivu", "captured the
/// city, Goma". Determiners, nouns, "of", "in" and a comma may stand between, within six
/// words; an actor, a verb or any other word ends the search.
fn taken_place(ctx: &Ctx, cand: &Candidate) -> Option<usize> {
    let read_end = cand.span.1.max(cand.trigger.1);
    let end = read_end.saturating_add(6).min(ctx.n());
    let mut i = read_end;
    while i < end {
        if let Some(ph) = ctx.a.phrase_of[i] {
            return matches!(
                place_kind(ctx, cand, ph, i)?,
                ActorKind::CountryName | ActorKind::Town | ActorKind::Capital
            )
            .then_some(ph);
        }
        let passable = matches!(ctx.tag(i), Tag::Det | Tag::Noun | Tag::Name)
            || matches!(ctx.lower(i), "of" | "in" | ",");
        if !passable {
            return None;
        }
        i += 1;
    }
    None
}

/// The foreign place the object of a violent act lies in: "struck nine sites in Pakistan",
/// "fired dozens of missiles at cities across Ukraine", "rockets into Israel". Past what the
/// pattern read, the object's words (determiners, numbers, nouns, "of", and "at", "on" or
/// "against" before them) lead to "in", "into", "across", "inside" or "throughout" and a
/// country or a town, all within ten words. An object must stand between — the place of the
/// act itself ("fought in Syria", "carried out airstrikes in Syria") is where it happened, not
/// its target — except that what is fired lands "into" a place ("fired rockets into Israel");
/// any actor, verb, pronoun or clause boundary on the way ends the search. A broken truce is no
/// object struck.
fn struck_place(ctx: &Ctx, cand: &Candidate) -> Option<usize> {
    if cand.code.starts_with("196") {
        return None;
    }
    let read_end = cand.span.1.max(cand.trigger.1);
    let end = read_end.saturating_add(10).min(ctx.n());
    let mut object = false;
    let mut i = read_end;
    while i < end {
        let w = ctx.lower(i);
        if matches!(w, "in" | "into" | "across" | "inside" | "throughout") {
            let fired_into = w == "into" && read_end > cand.trigger.1;
            if !(object || fired_into) {
                return None;
            }
            let mut j = i + 1;
            while j < ctx.n() && ctx.tag(j) == Tag::Det {
                j += 1;
            }
            if j < ctx.n() && crate::situate::is_compass_word(ctx.lower(j)) {
                j += 1;
            }
            // ("the airport in the town of Batken")
            let kind_of_place = j + 1 < ctx.n()
                && ctx.lower(j + 1) == "of"
                && matches!(
                    ctx.lower(j),
                    "town" | "city" | "village" | "port" | "region" | "province"
                );
            if kind_of_place {
                j += 2;
            }
            let ph = ctx.a.phrase_of.get(j).copied().flatten()?;
            return matches!(
                place_kind(ctx, cand, ph, j)?,
                ActorKind::CountryName | ActorKind::Town
            )
            .then_some(ph);
        }
        match ctx.tag(i) {
            Tag::Noun | Tag::Num => object = true,
            Tag::Det | Tag::Adv => {}
            _ if matches!(w, "of" | "at" | "on" | "against") => {}
            _ => return None,
        }
        i += 1;
    }
    None
}

/// Codes of acts done to someone against their will: coercion (17), assault (18), fighting
/// (19), mass violence (20).
fn is_hostile(code: &str) -> bool {
    matches!(code.get(..2), Some("17" | "18" | "19" | "20"))
}

/// Property of civilians: a hostile act done to it with no actor named is done to them.
const CIVILIAN_PROPERTY: &[&str] = &[
    "home",
    "house",
    "village",
    "market",
    "marketplace",
    "shop",
    "store",
    "hospital",
    "clinic",
    "school",
    "church",
    "mosque",
    "temple",
    "synagogue",
    "neighbourhood",
    "neighborhood",
    "apartment",
    "residential",
    "farm",
    "farmland",
    "crop",
    "orchard",
    "livestock",
    "theatre",
    "theater",
    "kindergarten",
    "mall",
    "hotel",
    "restaurant",
    "cafe",
    "nightclub",
    "supermarket",
    "bakery",
    "shelter",
    "wedding",
    "funeral",
    "concert",
    "bus",
];

fn is_civilian_property(ctx: &Ctx, i: usize) -> bool {
    ctx.tag(i) == Tag::Noun && CIVILIAN_PROPERTY.contains(&singular(ctx.lower(i)))
}

/// The civilian property a hostile act with no target was done to, and the phrase naming whose
/// it is: the country adjective before it ("Palestinian homes") or the place named after it ("homes in the town of Irpin", "a
/// market in northeastern Nigeria"). The property is the first noun after what the pattern
/// read, past determiners, adjectives and a locative preposition; the place is looked for up to
/// the next comma, semicolon or verb. Returns (owner phrase, property token).
fn civilian_property_owner(ctx: &Ctx, cand: &Candidate) -> Option<(usize, usize)> {
    let n = ctx.n();
    let read_end = cand.span.1.max(cand.trigger.1);
    let stops = |i: usize| {
        matches!(ctx.tag(i), Tag::Verb | Tag::Punct | Tag::Conj) || ctx.lower(i) == "that"
    };
    // the property noun, among the words the pattern read ("demolish home of +") or just after
    let mut i = cand.trigger.1;
    let mut owner_before = None;
    let property = loop {
        if i >= n || i >= read_end + 6 || (i >= read_end && stops(i)) {
            return None;
        }
        if let Some(ph) = ctx.a.phrase_of[i] {
            let q = &ctx.a.phrases[ph];
            // a building that is also an institution's noun ("hit a hospital in Kharkiv",
            // read by the pattern as a word) is property all the same
            let head = singular(ctx.lower(q.end - 1));
            if q.names.is_empty() && q.country.is_none() && CIVILIAN_PROPERTY.contains(&head) {
                break q.end - 1;
            }
            // an actor of its own is the act's target, not its property's owner
            if !(q.modifier || q.possessive || q.pronoun.is_some()) {
                return None;
            }
            owner_before = Some(ph);
            i = q.end;
            continue;
        }
        if is_civilian_property(ctx, i) {
            break i;
        }
        let skippable = i < read_end
            || matches!(
                ctx.tag(i),
                Tag::Det | Tag::Adv | Tag::Num | Tag::Noun | Tag::Name
            )
            || matches!(
                ctx.lower(i),
                "at" | "on" | "in" | "into" | "inside" | "near" | "outside" | "against"
            );
        if !skippable {
            return None;
        }
        i += 1;
    };
    let country = |ph: usize| {
        let q = &ctx.a.phrases[ph];
        q.agent.is_none() && q.person.is_none() && q.org.is_none() && ctx.country_of(ph).is_some()
    };
    if let Some(ph) = owner_before.filter(|&ph| ctx.country_of(ph).is_some()) {
        return Some((ph, property));
    }
    // "homes of Muslims in ...", "a market in northeastern Nigeria", "in the town of Irpin";
    // a verb coordinated with the act shares its place ("looted homes and shot civilians in
    // Mekelle")
    let mut locative = false;
    let mut j = property + 1;
    while j < n && j < property + 12 {
        let coordinated_verb = ctx.tag(j) == Tag::Conj
            && ctx.lower(j) == "and"
            && j + 1 < n
            && ctx.tag(j + 1) == Tag::Verb;
        if coordinated_verb {
            j += 2;
            continue;
        }
        if stops(j) {
            break;
        }
        if matches!(
            ctx.lower(j),
            "in" | "near" | "at" | "across" | "outside" | "around" | "throughout" | "of"
        ) {
            locative = true;
        }
        if let Some(ph) = ctx.a.phrase_of[j] {
            // ... or the civilians of the coordinated act ("looted homes and shot civilians")
            let civilians = ctx.codes[ph].as_deref().is_some_and(|c| c.ends_with("CVL"));
            if (locative && country(ph)) || civilians {
                return Some((ph, property));
            }
            j = ctx.a.phrases[ph].end;
            continue;
        }
        j += 1;
    }
    None
}

/// The role phrase in apposition to an unknown name starting at `at`: "the mayor of Melitopol"
/// in "Ivan Fedorov, the mayor of Melitopol". Only a single role (not "officials") stands for a
/// person's name.
fn apposed_role(ctx: &Ctx, at: usize) -> Option<usize> {
    if ctx.tag(at) != Tag::Name || (at > 0 && ctx.tag(at - 1) == Tag::Name) {
        return None;
    }
    let mut i = at;
    while i < ctx.n() && ctx.tag(i) == Tag::Name {
        i += 1;
    }
    if i >= ctx.n() || !ctx.s.tokens[i].is_punct(",") {
        return None;
    }
    i += 1;
    if i < ctx.n() && matches!(ctx.lower(i), "a" | "an" | "the") {
        i += 1;
    }
    let ph = ctx.a.phrase_of.get(i).copied().flatten()?;
    let q = &ctx.a.phrases[ph];
    (q.agent.is_some() && !q.plural && !q.possessive && !q.modifier && q.pronoun.is_none())
        .then_some(ph)
}

/// The actor a matched construction was directed to: "to the United Nations" right after
/// "handed over their weapons". A capital there is a destination ("returned troops to Kyiv"),
/// and "to" before a verb is an infinitive.
fn recipient_after(ctx: &Ctx, from: usize, end_of_clause: usize) -> Option<usize> {
    let mut i = from;
    while i < end_of_clause && ctx.tag(i) == Tag::Adv {
        i += 1;
    }
    if i + 1 >= end_of_clause || ctx.lower(i) != "to" {
        return None;
    }
    i += 1;
    if ctx.lower(i) == "the" {
        i += 1;
    }
    let ph = ctx.a.phrase_of.get(i).copied().flatten()?;
    let q = &ctx.a.phrases[ph];
    let capital =
        matches!(q.country, Some((_, crate::dict::ActorKind::Capital))) && q.agent.is_none();
    (q.start == i && q.pronoun.is_none() && !q.modifier && !capital).then_some(ph)
}

/// The subject of a that-clause at `at` ("that the United States cancel ..."), when it
/// is an actor and not a modifier ("that Russian troops" is still Russia's act).
fn that_clause_subject(ctx: &Ctx, mut at: usize) -> Option<usize> {
    // "demanded on Thursday that ...": time adverbials stand between
    while at < ctx.n() && ctx.tag(at) == Tag::Adv {
        at += 1;
    }
    if at >= ctx.n() || ctx.lower(at) != "that" {
        return None;
    }
    let mut i = at + 1;
    if i < ctx.n() && ctx.lower(i) == "the" {
        i += 1;
    }
    let ph = ctx.a.phrase_of.get(i).copied().flatten()?;
    (!ctx.a.phrases[ph].modifier).then_some(ph)
}

/// The actor phrase that owns the verb's object: "Russian" in "denied Russian accusations",
/// "Britain's" in "rejected Britain's demands". Only the object right after the verb (past a
/// determiner or adverb) counts, and only when the actor modifies a following noun; a
/// phrase standing alone there is an object the pattern did not ask for, not an owner.
fn owner_of_object(ctx: &Ctx, from: usize, end_of_clause: usize) -> Option<usize> {
    let mut i = from;
    while i < end_of_clause && matches!(ctx.tag(i), Tag::Det | Tag::Adv) && i < from + 2 {
        i += 1;
    }
    let ph = ctx.a.phrase_of.get(i).copied().flatten()?;
    let q = &ctx.a.phrases[ph];
    // only a named owner: a bare role noun before a noun is a kind of thing ("police cars",
    // "military response", "a general strike"), not whose it is
    let named =
        q.country.is_some() || q.org.is_some() || q.person.is_some() || q.institution.is_some();
    if q.start != i || q.pronoun.is_some() || q.modifier || !named {
        return None;
    }
    let grp = ctx.group_of(ph);
    let end = grp.iter().map(|&g| ctx.a.phrases[g].end).max()?;
    let mut after = end;
    if after < end_of_clause && ctx.tag(after) == Tag::Poss {
        after += 1;
    }
    // a noun right after the phrase is what the phrase modifies (an agent noun would have
    // joined the phrase): "Russian accusations", "Britain's demands"
    (after < end_of_clause && ctx.tag(after) == Tag::Noun).then_some(ph)
}

/// Places and things a force or service owns: the victim of an attack on "a police station",
/// of "set fire to police cars", of "ambushed an army convoy" is the role that owns them.
const OWNED_FACILITIES: &[&str] = &[
    "station",
    "car",
    "vehicle",
    "van",
    "truck",
    "post",
    "base",
    "convoy",
    "checkpoint",
    "headquarters",
    "barracks",
    "patrol",
    "office",
    "building",
    "compound",
    "camp",
    "outpost",
    "academy",
    "depot",
    "jeep",
    "helicopter",
    "plane",
    "aircraft",
    "ship",
    "boat",
    "vessel",
];

/// The role owning the facility a hostile act is done to (`OWNED_FACILITIES`), looked for in
/// the few words after the pattern, past a locative preposition ("a bomb outside a police
/// station"): a lone role noun modifying the facility noun.
/// Inside the words the pattern read ("set fire to police cars") the role may stand too.
fn owned_facility(
    ctx: &Ctx,
    verb: usize,
    literal_end: usize,
    end_of_clause: usize,
) -> Option<usize> {
    let mut i = verb + 1;
    while i < end_of_clause && i < literal_end + 6 {
        if let Some(ph) = ctx.a.phrase_of[i] {
            let q = &ctx.a.phrases[ph];
            let facility =
                q.end < ctx.n() && OWNED_FACILITIES.contains(&singular(ctx.lower(q.end)));
            if q.modifier && q.pronoun.is_none() && facility {
                return Some(ph);
            }
            if i >= literal_end {
                return None;
            }
            i = q.end;
            continue;
        }
        let skippable = i < literal_end
            || matches!(ctx.tag(i), Tag::Det | Tag::Adv | Tag::Num | Tag::Noun)
            || matches!(
                ctx.lower(i),
                "at" | "outside" | "near" | "on" | "inside" | "against" | "into" | "in" | "to"
            );
        if !skippable {
            return None;
        }
        i += 1;
    }
    None
}

/// A phrase that names only a town or a capital (no role): a place when a preposition of
/// place stands before it ([`is_place`]).
/// The agent of the act a noun phrase starting at `from` names, when it names one with "by":
/// "the killing of its general by Israel", "an advisory opinion by the International Court of
/// Justice". The phrase opens with an article or a plain word (not an actor: "Israel by
/// ..." is no act named), and runs over plain words, "of" and the actors it owns, up to the
/// "by"; the agent is the actor phrase right after it (past an article).
fn object_agent(ctx: &Ctx, mut from: usize, end_of_clause: usize) -> Option<usize> {
    // (past a date: "welcomed on Monday an advisory opinion")
    while from < end_of_clause && ctx.tag(from) == Tag::Adv {
        from += 1;
    }
    let opens = from < end_of_clause
        && ctx.a.phrase_of[from].is_none()
        && matches!(ctx.tag(from), Tag::Det | Tag::Noun);
    if !opens {
        return None;
    }
    let mut k = from;
    let mut nouns = 0;
    let mut after_of = false;
    while k < end_of_clause.min(from + 10) {
        if ctx.lower(k) == "by" {
            let at = k + 1 + usize::from(k + 1 < ctx.n() && ctx.tag(k + 1) == Tag::Det);
            return (nouns > 0 && at < end_of_clause)
                .then(|| ctx.a.phrase_of[at])
                .flatten()
                .filter(|&ph| ctx.a.phrases[ph].start == at);
        }
        match ctx.a.phrase_of[k] {
            // (an owner after "of": "the killing of its general")
            Some(ph) if after_of || ctx.a.phrases[ph].possessive => {
                k = ctx.a.phrases[ph].end + usize::from(ctx.a.phrases[ph].possessive);
                after_of = false;
                continue;
            }
            Some(_) => return None,
            None => {}
        }
        match ctx.tag(k) {
            Tag::Noun => {
                nouns += 1;
                after_of = false;
            }
            Tag::Det | Tag::Adv | Tag::Num | Tag::Name | Tag::Poss => {}
            _ if ctx.lower(k) == "of" => after_of = true,
            _ => return None,
        }
        k += 1;
    }
    None
}

/// After a bare role phrase `role` ending at `pos` ("the junta", "the authorities"), where an
/// "in" with a country's or a capital's bare name right after it ends: the role's place, read
/// as part of its mention. `pos` itself when no such place follows.
fn past_role_place(ctx: &Ctx, role: usize, pos: usize, end_of_clause: usize) -> usize {
    let r = &ctx.a.phrases[role];
    let bare_role = r.agent.is_some()
        && r.country.is_none()
        && r.person.is_none()
        && r.org.is_none()
        && r.institution.is_none()
        && r.pronoun.is_none();
    if !bare_role || pos + 1 >= end_of_clause || ctx.lower(pos) != "in" {
        return pos;
    }
    let Some(place) = ctx.a.phrase_of[pos + 1] else {
        return pos;
    };
    let q = &ctx.a.phrases[place];
    let bare_place = q.start == pos + 1
        && q.country.is_some()
        && q.agent.is_none()
        && q.person.is_none()
        && q.org.is_none()
        && !q.possessive;
    match bare_place && q.end <= end_of_clause {
        true => q.end,
        false => pos,
    }
}

fn is_town_or_capital(p: &crate::annotate::ActorPhrase) -> bool {
    matches!(
        p.country,
        Some((
            _,
            crate::dict::ActorKind::Capital | crate::dict::ActorKind::Town
        ))
    ) && p.agent.is_none()
}

/// A word that opens a clause of time ("since Greece sent aid", "after a court in Islamabad
/// sentenced"): what follows it is a clause with its own subject, not a preposition's object.
fn opens_clause_of_time(word: &str) -> bool {
    matches!(
        word,
        "since" | "after" | "before" | "as" | "until" | "till" | "once" | "while"
    )
}

/// A capital or country named after a locative preposition is where something happened, not
/// who it happened to ("in Athens", "near Kharkiv").
fn is_place(ctx: &Ctx, ph: usize) -> bool {
    let p = &ctx.a.phrases[ph];
    let mut b = p.start;
    while b > 0 && ctx.tag(b - 1) == Tag::Det {
        b -= 1;
    }
    is_town_or_capital(p)
        && b > 0
        && matches!(
            ctx.lower(b - 1),
            "in" | "at"
                | "near"
                | "outside"
                | "inside"
                | "across"
                | "around"
                | "from"
                | "through"
                | "throughout"
        )
}

/// Verbs that carry an event noun as their object: the noun's event is the verb's subject's
/// ("Fidan arrived for a visit to Greece", "Russia launched an offensive against Ukraine").
/// (A `match`, which compiles to a few length and byte tests, rather than a scan of a list: it
/// is asked for every pattern of every event noun.)
fn is_light_verb(lemma: &str) -> bool {
    matches!(
        lemma,
        "hold"
            | "launch"
            | "carry"
            | "conduct"
            | "stage"
            | "make"
            | "pay"
            | "begin"
            | "start"
            | "continue"
            | "resume"
            | "open"
            | "mount"
            | "wage"
            | "step"
            | "intensify"
            | "deliver"
            | "give"
            | "issue"
            | "level"
            | "lodge"
            | "file"
            | "impose"
            | "order"
            | "arrive"
            | "travel"
            | "go"
            | "come"
            | "head"
            | "fly"
            | "leave"
            | "embark"
            | "undertake"
            | "announce"
            | "unleash"
            | "escalate"
    )
}

fn match_noun(
    ctx: &Ctx,
    clauses: &[VerbClause],
    p: &Arc<CompiledPattern>,
    noun: usize,
) -> Option<PatternMatch> {
    let n = ctx.n();
    let mut sources = Vec::new();
    let mut targets = Vec::new();
    // before the noun: only `$` right before it (allowing one modifier: "Russian missile attack")
    let before = &p.elems[..p.noun_at];
    if before.len() > 1 {
        return None;
    }
    let source_before = before == [PatElem::Source];
    if let Some(ph) = source_before.then(|| owned_head(ctx, noun)).flatten() {
        sources = ctx.group_of(ph);
    } else if before == [PatElem::Source] {
        let mut j = noun;
        let mut skipped = 0;
        while j > 0 && skipped <= 1 {
            j -= 1;
            if let Some(ph) = ctx.a.phrase_of[j] {
                if ctx.a.phrases[ph].end == j + 1 && !ctx.a.phrases[ph].modifier {
                    sources = ctx.group_of(ph);
                }
                break;
            }
            if !matches!(ctx.tag(j), Tag::Noun | Tag::Poss) {
                break;
            }
            if ctx.tag(j) == Tag::Noun {
                skipped += 1;
            }
        }
        // "the ELN was behind a car bombing": who is said to be behind an act did it
        if sources.is_empty() {
            if let Some(ph) = behind_doer(ctx, noun) {
                sources = ctx.group_of(ph);
            }
        }
        if sources.is_empty() && !is_journey(p) {
            // no possessor: the subject of a light verb (or of a verb coding the same kind of
            // act) whose object this noun is
            let gov = clauses.iter().rfind(|c| c.verb < noun)?;
            // (cheapest test first: this runs for every pattern of every event noun)
            if gov.subject.is_empty() {
                return None;
            }
            let between_ok = (gov.verb + 1..noun).all(|t| {
                !matches!(ctx.tag(t), Tag::Sub | Tag::Verb)
                    && !ctx.is(t, kind::SEMI | kind::COLON | kind::COMMA)
            });
            let same_root = || {
                gov.matched
                    .as_ref()
                    .is_some_and(|m| m.code.get(..2) == p.code.get(..2))
            };
            let light = || ctx.flags(gov.lemma) & lemma_flag::LIGHT != 0;
            if !between_ok || !(same_root() || light()) {
                return None;
            }
            sources = gov.subject.clone();
        }
    }
    let mut pos = noun + 1;
    for el in &p.elems[p.noun_at + 1..] {
        match el {
            // noun patterns are written with plain words only
            PatElem::Alt(_) | PatElem::Skip => return None,
            PatElem::Word(w) => {
                let mut skipped = 0;
                loop {
                    if pos >= n {
                        return None;
                    }
                    if literal_matches(w, ctx.lower(pos)) {
                        pos += 1;
                        break;
                    }
                    if ctx.is_filler(pos) && skipped < 2 {
                        skipped += 1;
                        pos += 1;
                        continue;
                    }
                    return None;
                }
            }
            PatElem::Target | PatElem::Source => {
                let mut skipped = 0;
                loop {
                    if pos >= n {
                        return None;
                    }
                    if let Some(ph) = ctx.a.phrase_of[pos] {
                        let ph_ref = &ctx.a.phrases[ph];
                        // "talks between Russia and Ukraine": the slot takes one phrase; "and"
                        // is a literal of the pattern
                        // "mediation between Russia and Ukraine": a slot takes the coordination,
                        // unless the pattern spells the "and" out ("talks between $ and +")
                        let spelled_and = p.elems.iter().any(|e| *e == PatElem::Word("and".into()));
                        let slot = if spelled_and {
                            vec![ph]
                        } else {
                            ctx.group_of(ph)
                        };
                        pos = slot
                            .iter()
                            .map(|&g| ctx.a.phrases[g].end)
                            .max()
                            .unwrap_or(ph_ref.end);
                        if *el == PatElem::Target {
                            targets = slot;
                        } else {
                            sources = slot;
                        }
                        break;
                    }
                    // "between Israel and Iran-backed Hezbollah": a compound adjective
                    // describes the party, which follows
                    let compound = {
                        let w = ctx.lower(pos);
                        w.contains('-') && w.ends_with("ed")
                    };
                    if (matches!(ctx.tag(pos), Tag::Det | Tag::Num) || compound) && skipped < 2 {
                        skipped += 1;
                        pos += 1;
                        continue;
                    }
                    return None;
                }
            }
        }
    }
    if sources.is_empty() && is_journey(p) && before == [PatElem::Source] {
        sources = traveller(ctx, clauses, noun, pos, &targets);
    }
    if sources.is_empty() || (targets.is_empty() && p.has_target()) {
        return None;
    }
    Some(PatternMatch {
        pattern: p.clone(),
        literal_gaps: 0,
        sources,
        targets,
        span: (noun, pos),
        code: p.code.clone(),
    })
}

/// The actor said to be "behind" the act noun at `noun`: "the National Liberation Army was
/// behind a car bombing", "Boko Haram is believed to be behind the attack" — the phrase ending
/// right before the "was" ("to be") that stands before "behind", with up to three articles and
/// modifiers between "behind" and the noun.
fn behind_doer(ctx: &Ctx, noun: usize) -> Option<usize> {
    let mut j = noun;
    let mut steps = 0;
    while j > 0 && steps < 3 && matches!(ctx.tag(j - 1), Tag::Det | Tag::Noun | Tag::Num) {
        j -= 1;
        steps += 1;
    }
    if j < 3 || ctx.lower(j - 1) != "behind" {
        return None;
    }
    let mut k = j - 1;
    if ctx.lower(k - 1) == "also" {
        k -= 1;
    }
    match ctx.lower(k - 1) {
        "was" | "were" | "is" | "are" => {}
        // "is believed to be behind"
        "be" if k >= 4 && ctx.lower(k - 2) == "to" => {
            k -= 2;
            while k > 0 && ctx.a.phrase_of[k - 1].is_none() && k + 6 > j {
                k -= 1;
            }
            return ctx.a.phrase_of[k.checked_sub(1)?];
        }
        _ => return None,
    }
    ctx.a.phrase_of[k - 2].filter(|&ph| ctx.a.phrases[ph].end == k - 1)
}

/// The phrase whose last word `i` is, when that word is its deciding owned agent (a weapon or
/// an attack: "Israeli airstrikes"). (Found once per sentence: [`kind::OWNED_HEAD`].)
fn owned_head(ctx: &Ctx, i: usize) -> Option<usize> {
    if !ctx.is(i, kind::OWNED_HEAD) {
        return None;
    }
    ctx.a.phrase_of[i]
}

/// A journey noun pattern ("$ visit to +", "$ trip to +"): its traveller may stand apart from
/// it (see [`traveller`]).
fn is_journey(p: &CompiledPattern) -> bool {
    p.code == "042"
}

/// Who makes a journey named without a possessor: the `by` phrase after it ("during a visit to
/// Riyadh by Pakistan's prime minister"), or — when it is an adjunct ("on a five-day visit to
/// China", "during his trip to") — the subject of its clause, written before it ("Sharif, on a
/// visit to China, urged ...") or of the verb before it. A party of the visited country is no
/// visitor ("Saudi Arabia and Pakistan signed ... during a visit to Riyadh").
fn traveller(
    ctx: &Ctx,
    clauses: &[VerbClause],
    noun: usize,
    end: usize,
    targets: &[usize],
) -> Vec<usize> {
    let country = |ph: usize| ctx.country_of(ph);
    let visited: Vec<Option<&str>> = targets.iter().map(|&t| country(t)).collect();
    let keep = |group: Vec<usize>| -> Vec<usize> {
        group
            .into_iter()
            .filter(|&g| country(g).is_some() && !visited.contains(&country(g)))
            .collect()
    };
    // "by X" right after the destination
    if let Some(b) = (end..(end + 2).min(ctx.n())).find(|&i| ctx.lower(i) == "by") {
        if let Some(mut ph) = ctx.a.phrase_of.get(b + 1).copied().flatten() {
            // "by China's top diplomat": the possessed role, when it is a phrase of its own
            let owner = &ctx.a.phrases[ph];
            if owner.possessive {
                let next = (owner.end..(owner.end + 3).min(ctx.n()))
                    .find_map(|i| ctx.a.phrase_of[i])
                    .filter(|&q| q != ph && country(q).is_some() && country(q) == country(ph));
                ph = next.unwrap_or(ph);
            }
            return keep(ctx.group_of(ph));
        }
    }
    // an adjunct: "on a (five-day) visit", "during his trip"
    let mut j = noun;
    let mut steps = 0;
    while j > 0 && steps < 4 && !matches!(ctx.lower(j - 1), "on" | "during") {
        if !matches!(ctx.tag(j - 1), Tag::Det | Tag::Num | Tag::Noun | Tag::Pron) {
            return vec![];
        }
        j -= 1;
        steps += 1;
    }
    if j == 0 || !matches!(ctx.lower(j - 1), "on" | "during") {
        return vec![];
    }
    // the subject written before it, of the next verb ("Sharif, on a visit to China, urged")
    if let Some(c) = clauses.iter().find(|c| c.verb > noun) {
        if c.subject.iter().any(|&s| ctx.a.phrases[s].end <= j) {
            return keep(c.subject.clone());
        }
    }
    clauses
        .iter()
        .rfind(|c| c.verb < noun)
        .map(|c| keep(c.subject.clone()))
        .unwrap_or_default()
}

fn nominal_modality(ctx: &Ctx, clauses: &[VerbClause], m: &PatternMatch) -> Modality {
    if ctx.question {
        return Modality::Question;
    }
    // the noun phrase starts at the noun or at the source written right before it ("a Russian
    // attack"); a source taken from the governing verb's subject stands elsewhere
    let noun = m.span.0;
    let start = m
        .sources
        .iter()
        .map(|&p| &ctx.a.phrases[p])
        .filter(|p| p.end <= noun && noun - p.end <= 2)
        .map(|p| p.start)
        .min()
        .unwrap_or(noun)
        .min(noun);
    // a fear or possibility cue just before: "fears of a Russian attack on"
    let window = start.saturating_sub(4)..start;
    if ctx.a.cues.iter().any(|&(s, len, cl)| {
        matches!(
            cl,
            CueClass::Fear | CueClass::Possibility | CueClass::Negation | CueClass::Condition
        ) && window.contains(&(s + len - 1))
    }) || (start > 0
        && matches!(
            ctx.lower(start - 1),
            "no" | "any"
                | "possible"
                | "potential"
                | "planned"
                | "alleged"
                | "feared"
                | "threatened"
        ))
        || (start > 1
            && matches!(
                ctx.lower(start - 2),
                "no" | "any"
                    | "possible"
                    | "potential"
                    | "planned"
                    | "alleged"
                    | "feared"
                    | "threatened"
            ))
    {
        return Modality::Hypothetical;
    }
    if ctx
        .a
        .cues
        .iter()
        .any(|&(s, _, cl)| cl == CueClass::Condition && s < start)
    {
        return Modality::Hypothetical;
    }
    // "to discuss prospects for talks with the Taliban", "calls for a ceasefire with": what a
    // noun of hope, plan or demand is for has not happened
    if start > 1
        && matches!(ctx.lower(start - 1), "for" | "of")
        && matches!(
            singular(ctx.lower(start - 2)),
            "prospect"
                | "hope"
                | "chance"
                | "possibility"
                | "plan"
                | "proposal"
                | "call"
                | "demand"
                | "push"
                | "bid"
                | "preparation"
                | "condition"
                | "idea"
        )
    {
        return Modality::Hypothetical;
    }
    // the verb this noun phrase depends on
    if let Some(c) = clauses.iter().rfind(|c| c.verb < start) {
        let cls = ctx.verb_classes(c.verb);
        if cls.contains(CueClass::Denial) {
            return Modality::Negated;
        }
        if cls.contains(CueClass::Fear) || cls.contains(CueClass::Intent) {
            return Modality::Hypothetical;
        }
        if c.modality != Modality::Asserted {
            return c.modality;
        }
        if c.future || c.possible || governed_by_intent(ctx, c) {
            return Modality::Hypothetical;
        }
        if cls.contains(CueClass::Claim) && c.governor.is_none() && !is_trailing_attribution(ctx, c)
        {
            return Modality::Reported;
        }
    }
    Modality::Asserted
}
