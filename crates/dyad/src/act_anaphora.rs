//! Acts named again by a noun: "Russia fired dozens of missiles at cities across Ukraine ...
//! Zelenskiy condemned **the attacks**" — the condemnation's target is whoever attacked.
//!
//! News reports an act, then the reactions to it, and the reactions name the act rather than
//! its doer: "condemned the ban", "denied the accusation", "welcomed the deal", "protested
//! the arrests". A coder that looks only for an actor after the verb codes these with no
//! target, which is no dyad at all. CAMEO codes them as acts on the doer of what they name
//! (the codebook's "criticize or denounce" is aimed at an actor), and human coders resolve
//! the noun the way a reader does: to the nearest earlier act of that kind in the story.
//!
//! The rule here is that reader's rule, kept narrow so a wrong guess is rare:
//! - the reacting act is an evaluation, a rejection, a protest or a denial (CAMEO roots 11,
//!   12 and 14, and codes 016 and 051), coded with no target of its own;
//! - its object is a *definite* act noun ("the attacks", "these drills", "its latest
//!   sanctions"): an indefinite "attacks on civilians" speaks of attacks in general, and an
//!   agent in a "by" phrase after the noun is left to the parse;
//! - the act named is one the article has already coded, of a kind the noun can name (an
//!   "attack" is an act of force, root 18–20; a "ban" a restriction, roots 16–17 or a
//!   blockade), no more than [`WINDOW`] sentences back;
//! - an act named by the same word is preferred to one only of the same kind: after
//!   "condemned air strikes by the United States and Britain" and "a warship was attacked by
//!   Houthi rebels", "support for the strikes" is for the American and British ones;
//! - an act is known from its verb ("Russia fired missiles") or from an act noun with its
//!   agent ("air strikes by the United States");
//! - its doers become the targets — all of them when several did it in one sentence ("the
//!   deals" the two Gulf states signed) — but never the reacting actor or its own country;
//! - a denial is aimed at whoever accused ("denied the accusation"); "denied any role in the
//!   attack" is no act on the attacker, so denials name accusations only; a bare denial
//!   ("Rwanda denies supporting M23", "a charge Baku denied") by someone the story has just
//!   coded as accused answers the accuser ([`accusers`]).
//!
//! Nothing is guessed when no such act was coded: "condemned the attack" with no attacker in
//! the story stays an event without a target.

use crate::code::Candidate;
use crate::segment::Token;

/// How many sentences back an act can be named from: reactions follow their act closely in a
/// wire story; further back, "the attacks" is as likely to be another act the story did not
/// code.
pub const WINDOW: usize = 3;

/// An act coded earlier in the article, as a later act noun may name it. (Kept small and
/// without the doer's text: an article remembers every act it codes, and most are never
/// named again.)
#[derive(Debug, Clone)]
pub struct PriorAct {
    pub sentence: usize,
    /// Its verb's or noun's first token (acts earlier in the same sentence are named too).
    pub token: usize,
    /// The CAMEO code it was coded with, or stands for ([`PriorAct::mentioned`]).
    pub code: &'static str,
    /// A bit per [`ACT_NOUNS`] entry one of whose stems begins its verb or noun: the nouns
    /// that name it by the same word.
    same_word: u128,
    /// The doer's code, and its phrase's byte span in the article as read.
    pub source: String,
    pub source_span: (usize, usize),
    /// Whom it was aimed at: for an accusation (112 and its sub-codes) the accused, whose
    /// later bare denial answers it ([`accusers`]); for a statement, one actor it named
    /// ([`speakers`]); for an act of force, its target, whose later threat with no one named
    /// is aimed at the attacker ([`attackers`]).
    pub aimed_at: Option<String>,
}

impl PriorAct {
    /// An act coded with `code` from the verb or noun `word` at token `token`, done by
    /// `source` (at `source_span`). `None` for a code outside the CAMEO table.
    pub fn coded(
        (sentence, token): (usize, usize),
        code: &str,
        word: &str,
        source: String,
        source_span: (usize, usize),
    ) -> Option<Self> {
        let code = crate::ontology::Ontology::get().lookup(code)?.code.as_str();
        Some(PriorAct {
            sentence,
            token,
            code,
            same_word: same_word_bits(word),
            source,
            source_span,
            aimed_at: None,
        })
    }

    /// An act known from its noun and agent ("air strikes by the United States"): `noun` at
    /// token `token`, done by `source`. `None` for a word that names no act.
    pub fn mentioned(
        at: (usize, usize),
        noun: &str,
        source: String,
        source_span: (usize, usize),
    ) -> Option<Self> {
        let &(_, kind, _) = ACT_NOUNS.iter().find(|(n, _, _)| *n == noun)?;
        Self::coded(at, kind.typical_code(), noun, source, source_span)
    }

    /// An act no pattern coded, known from its verb and subject ("North Korea launched a
    /// military spy satellite into orbit ... condemned the launch"): the verb word at token
    /// `token`, done by `source`, standing for the typical code of the first act noun that
    /// names it. `None` for a verb no act noun names.
    pub fn uncoded(
        at: (usize, usize),
        verb: &str,
        source: String,
        source_span: (usize, usize),
    ) -> Option<Self> {
        let &(_, kind, _) = ACT_NOUNS
            .iter()
            .find(|(_, _, stems)| stems.iter().any(|s| verb.starts_with(s)))?;
        Self::coded(at, kind.typical_code(), verb, source, source_span)
    }
}

/// Whether a word is one of the act nouns ("drills", "strikes", "sanctions").
pub fn is_act_noun(word: &str) -> bool {
    ACT_NOUNS.iter().any(|(n, _, _)| *n == word)
}

/// Whether some act noun names what a verb word did ("launched": the launch).
pub fn names_an_act(verb: &str) -> bool {
    same_word_bits(verb) != 0
}

// (a bit per noun in `PriorAct::same_word`)
const _: () = assert!(ACT_NOUNS.len() <= 128);

/// [`PriorAct::same_word`] of a verb or noun.
///
/// (Asked of every clause's verb: the stems are looked up by the word's first byte, not
/// scanned, most words sharing no first letter with most stems.)
fn same_word_bits(word: &str) -> u128 {
    static BY_FIRST_BYTE: std::sync::OnceLock<Vec<Vec<(usize, &'static str)>>> =
        std::sync::OnceLock::new();
    let table = BY_FIRST_BYTE.get_or_init(|| {
        let mut table = vec![Vec::new(); 256];
        for (i, (_, _, stems)) in ACT_NOUNS.iter().enumerate() {
            for &stem in *stems {
                table[usize::from(stem.as_bytes()[0])].push((i, stem));
            }
        }
        table
    });
    let Some(&first) = word.as_bytes().first() else {
        return 0;
    };
    table[usize::from(first)]
        .iter()
        .filter(|(_, stem)| word.starts_with(stem))
        .fold(0, |bits, &(i, _)| bits | 1 << i)
}

/// A kind of act a noun names, by the CAMEO codes it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ActKind {
    /// Force: roots 18, 19 and 20.
    Force,
    /// A show of force: root 15 ("the drills", "the launch").
    ShowOfForce,
    /// A restriction: roots 16 and 17, and 191 (a blockade or closed border).
    Restriction,
    /// An accusation or criticism: root 11.
    Accusation,
    /// An arrest or detention (173), an expulsion (174), or an abduction or hijacking (181).
    Detention,
    /// An agreement signed or agreed (057, the intents of 03x, the truces of 087x).
    Agreement,
    /// A visit (042, 043).
    Visit,
    /// A decision, ruling or move: a measure taken against or for someone — a concession
    /// (root 08), a restriction or coercion (16, 17), a lawsuit or sentence (115, 116), an
    /// arrest or expulsion (173, 174).
    Decision,
}

impl ActKind {
    fn covers(self, code: &str) -> bool {
        let root = code.get(..2).unwrap_or("");
        match self {
            ActKind::Force => matches!(root, "18" | "19" | "20"),
            ActKind::ShowOfForce => root == "15",
            ActKind::Restriction => matches!(root, "16" | "17") || code.starts_with("191"),
            ActKind::Accusation => root == "11",
            ActKind::Detention => {
                code.starts_with("173") || code.starts_with("174") || code.starts_with("181")
            }
            ActKind::Agreement => {
                code == "057" || code.starts_with("03") || code.starts_with("087")
            }
            ActKind::Visit => matches!(code, "042" | "043"),
            ActKind::Decision => {
                matches!(root, "08" | "16" | "17")
                    || ["115", "116", "173", "174"]
                        .iter()
                        .any(|p| code.starts_with(p))
            }
        }
    }

    /// The code an act of this kind known only from its noun stands for.
    fn typical_code(self) -> &'static str {
        match self {
            ActKind::Force => "190",
            ActKind::ShowOfForce => "150",
            ActKind::Restriction => "170",
            ActKind::Accusation => "112",
            ActKind::Detention => "173",
            ActKind::Agreement => "057",
            ActKind::Visit => "042",
            ActKind::Decision => "170",
        }
    }
}

/// Whether some act noun can name an act of this code (only those acts are remembered).
pub fn can_be_named(code: &str) -> bool {
    // (the union of what the kinds cover, asked of every candidate: not a scan of the nouns)
    matches!(
        code.get(..2),
        Some("03" | "08" | "11" | "15" | "16" | "17" | "18" | "19" | "20")
    ) || matches!(code, "042" | "043" | "057")
        || code.starts_with("087")
        || code.starts_with("181")
}

/// The nouns that name an act, its kind, and the beginnings of the words that name the same
/// act ("strikes" is what "struck" did; "the attacks" may also be what "fired missiles" did,
/// but less surely). Singular and plural: "the attack" after one strike, "the attacks" after
/// a wave.
const ACT_NOUNS: &[(&str, ActKind, &[&str])] = &[
    ("attack", ActKind::Force, &["attack"]),
    ("attacks", ActKind::Force, &["attack"]),
    ("strike", ActKind::Force, &["strik", "struck", "airstrik"]),
    ("strikes", ActKind::Force, &["strik", "struck", "airstrik"]),
    (
        "airstrike",
        ActKind::Force,
        &["strik", "struck", "airstrik"],
    ),
    (
        "airstrikes",
        ActKind::Force,
        &["strik", "struck", "airstrik"],
    ),
    ("bombing", ActKind::Force, &["bomb"]),
    ("bombings", ActKind::Force, &["bomb"]),
    ("bombardment", ActKind::Force, &["bomb"]),
    ("shelling", ActKind::Force, &["shell"]),
    ("raid", ActKind::Force, &["raid"]),
    ("raids", ActKind::Force, &["raid"]),
    ("assault", ActKind::Force, &["assault"]),
    ("offensive", ActKind::Force, &["offensive"]),
    ("invasion", ActKind::Force, &["invad", "invasion"]),
    ("incursion", ActKind::Force, &["incursion"]),
    ("incursions", ActKind::Force, &["incursion"]),
    ("killing", ActKind::Force, &["kill"]),
    ("killings", ActKind::Force, &["kill"]),
    ("massacre", ActKind::Force, &["massacr"]),
    ("shooting", ActKind::Force, &["shoot", "shot"]),
    ("aggression", ActKind::Force, &["aggress"]),
    ("execution", ActKind::Force, &["execut", "hang"]),
    ("executions", ActKind::Force, &["execut", "hang"]),
    ("blast", ActKind::Force, &["blast", "bomb", "explo"]),
    ("explosion", ActKind::Force, &["blast", "bomb", "explo"]),
    ("drills", ActKind::ShowOfForce, &["drill"]),
    ("exercises", ActKind::ShowOfForce, &["exercise"]),
    ("launch", ActKind::ShowOfForce, &["launch", "fire", "fired"]),
    (
        "launches",
        ActKind::ShowOfForce,
        &["launch", "fire", "fired"],
    ),
    ("test", ActKind::ShowOfForce, &["test"]),
    ("tests", ActKind::ShowOfForce, &["test"]),
    ("ban", ActKind::Restriction, &["ban"]),
    ("bans", ActKind::Restriction, &["ban"]),
    ("curfew", ActKind::Restriction, &["curfew"]),
    ("restrictions", ActKind::Restriction, &["restrict"]),
    ("suspension", ActKind::Restriction, &["suspen"]),
    ("closure", ActKind::Restriction, &["clos"]),
    ("blockade", ActKind::Restriction, &["blockad"]),
    ("sanctions", ActKind::Restriction, &["sanction"]),
    // ("adopted a 16th package of sanctions ... The Kremlin called the measures illegal")
    (
        "measures",
        ActKind::Restriction,
        &["measur", "sanction", "ban"],
    ),
    ("embargo", ActKind::Restriction, &["embargo"]),
    ("crackdown", ActKind::Restriction, &["crack"]),
    ("accusation", ActKind::Accusation, &["accus"]),
    ("accusations", ActKind::Accusation, &["accus"]),
    ("allegation", ActKind::Accusation, &["alleg"]),
    ("allegations", ActKind::Accusation, &["alleg"]),
    ("criticism", ActKind::Accusation, &["critic"]),
    ("claim", ActKind::Accusation, &["claim"]),
    ("claims", ActKind::Accusation, &["claim"]),
    ("charge", ActKind::Accusation, &["charg"]),
    ("charges", ActKind::Accusation, &["charg"]),
    ("findings", ActKind::Accusation, &["find", "found"]),
    ("report", ActKind::Accusation, &["report"]),
    ("arrest", ActKind::Detention, &["arrest"]),
    ("arrests", ActKind::Detention, &["arrest"]),
    ("detention", ActKind::Detention, &["detain", "detention"]),
    ("detentions", ActKind::Detention, &["detain", "detention"]),
    ("abduction", ActKind::Detention, &["abduct"]),
    ("kidnapping", ActKind::Detention, &["kidnap"]),
    ("hijacking", ActKind::Detention, &["hijack"]),
    ("expulsion", ActKind::Detention, &["expel", "expulsion"]),
    ("expulsions", ActKind::Detention, &["expel", "expulsion"]),
    ("deportation", ActKind::Detention, &["deport"]),
    ("deportations", ActKind::Detention, &["deport"]),
    ("deal", ActKind::Agreement, &["deal"]),
    ("deals", ActKind::Agreement, &["deal"]),
    ("agreement", ActKind::Agreement, &["agree"]),
    ("agreements", ActKind::Agreement, &["agree"]),
    ("accord", ActKind::Agreement, &["accord"]),
    ("accords", ActKind::Agreement, &["accord"]),
    ("pact", ActKind::Agreement, &["pact"]),
    ("treaty", ActKind::Agreement, &["treat"]),
    ("ceasefire", ActKind::Agreement, &["ceasefire", "agree"]),
    ("truce", ActKind::Agreement, &["truce", "agree"]),
    ("visit", ActKind::Visit, &["visit"]),
    ("decision", ActKind::Decision, &["decid", "decision"]),
    ("ruling", ActKind::Decision, &["rul"]),
    (
        "verdict",
        ActKind::Decision,
        &["convict", "sentenc", "verdict"],
    ),
    ("move", ActKind::Decision, &["mov"]),
    ("seizure", ActKind::Decision, &["seiz"]),
    ("sentence", ActKind::Decision, &["sentenc"]),
    ("sentences", ActKind::Decision, &["sentenc"]),
    ("sentencing", ActKind::Decision, &["sentenc"]),
    ("conviction", ActKind::Decision, &["convict"]),
    ("jailing", ActKind::Decision, &["jail"]),
    ("withdrawal", ActKind::Decision, &["withdr", "pull"]),
    // ("a jury found Trump guilty ... Trump called the trial rigged")
    (
        "trial",
        ActKind::Decision,
        &["tri", "convict", "sentenc", "found"],
    ),
];

/// The words that make an act noun definite: the article, demonstratives and possessive
/// pronouns ("its latest sanctions"). Not "that", which is as often a clause's opening
/// ("denied that the attack ...").
const DEFINITE: &[&str] = &[
    "the", "this", "these", "those", "such", "its", "their", "his", "her",
];

/// Words that end a noun phrase's modifiers before its head: the act named is no longer the
/// object ("denied any role in the attack").
const PHRASE_ENDS: &[&str] = &[
    "in", "of", "on", "for", "to", "with", "against", "over", "by", "from", "at", "and", "or",
];

/// How many words may stand between the determiner and the noun ("the deadly overnight
/// missile strikes").
const MAX_MODIFIERS: usize = 3;

/// Whether an act of this code, coded with no target, takes the doer of an act it names as
/// its target: criticism and accusation (11), rejection (12), protest (14), denial (016),
/// praise (051), and mediation (045: "the agreement was brokered by China" mediated between
/// its parties).
pub fn reacts_to_acts(code: &str) -> bool {
    matches!(code.get(..2), Some("11" | "12" | "14")) || matches!(code, "016" | "045" | "051")
}

/// The act noun heading a definite noun phrase that starts at token `from`, with its token:
/// "the deadly attacks". `in_phrase`: whether a token belongs to an actor phrase (then the
/// phrase names an actor, not an act).
fn definite_act_noun(
    tokens: &[Token],
    from: usize,
    in_phrase: &impl Fn(usize) -> bool,
) -> Option<(usize, &'static str)> {
    if !tokens
        .get(from)
        .is_some_and(|t| DEFINITE.contains(&t.lower.as_str()))
    {
        return None;
    }
    for i in from + 1..=from + 1 + MAX_MODIFIERS {
        let t = tokens.get(i)?;
        if in_phrase(i) || PHRASE_ENDS.contains(&t.lower.as_str()) {
            return None;
        }
        if let Some(&(noun, _, _)) = ACT_NOUNS.iter().find(|(n, _, _)| *n == t.lower) {
            return Some((i, noun));
        }
        // a modifier is a word ("deadly", "overnight", "Monday's"): a mark ends the phrase
        if !t
            .lower
            .chars()
            .next()
            .is_some_and(|ch| ch.is_alphanumeric() || ch == '\'')
        {
            return None;
        }
    }
    None
}

/// Where a definite noun phrase naming an act, starting at token `from`, ends ("the visit",
/// "the deadly strikes"): a reaction's object that is no actor, and whose doer
/// [`named_act`] and [`doers`] find ("called the visit a huge disappointment").
pub fn act_phrase_end(
    tokens: &[Token],
    from: usize,
    in_phrase: impl Fn(usize) -> bool,
) -> Option<usize> {
    definite_act_noun(tokens, from, &in_phrase).map(|(i, _)| i + 1)
}

/// The act a reacting candidate's object names, as the token of its noun: one the pattern
/// consumed right after the verb ("rejected the accusations"), or the head of the definite
/// noun phrase right after the pattern ("condemned the deadly attacks", "expressed support
/// for the strikes"). A denial names only accusations.
pub fn named_act(
    tokens: &[Token],
    c: &Candidate,
    in_phrase: impl Fn(usize) -> bool,
) -> Option<(usize, &'static str)> {
    // the pattern's literal: "reject accusation|accusations"
    let literal = (c.span.1 > c.trigger.1)
        .then(|| definite_act_noun(tokens, c.trigger.1, &in_phrase))
        .flatten()
        .filter(|&(i, _)| i < c.span.1);
    let after = || {
        let (i, noun) = definite_act_noun(tokens, c.span.1, &in_phrase)?;
        // "the attack by militants": the agent is named, and the parse's business
        tokens
            .get(i + 1)
            .is_none_or(|n| n.lower != "by")
            .then_some((i, noun))
    };
    let (at, noun) = literal
        .or_else(after)
        .or_else(|| passive_subject_act(tokens, c.trigger.0, &in_phrase))?;
    let accusation = ACT_NOUNS
        .iter()
        .any(|&(n, kind, _)| n == noun && kind == ActKind::Accusation);
    (c.code != "016" || accusation).then_some((at, noun))
}

/// The act noun heading the definite subject of a passive verb at `verb`: "the agreement was
/// brokered by China", "the strikes were condemned by Iran".
fn passive_subject_act(
    tokens: &[Token],
    verb: usize,
    in_phrase: &impl Fn(usize) -> bool,
) -> Option<(usize, &'static str)> {
    const PASSIVE_AUX: &[&str] = &["was", "were", "been", "is", "are", "being"];
    let mut i = verb;
    while i > 0 && PASSIVE_AUX.contains(&tokens[i - 1].lower.as_str()) {
        i -= 1;
    }
    let noun_at = i.checked_sub(1).filter(|_| i < verb)?;
    // back over the modifiers to the determiner
    let from = (noun_at.saturating_sub(1 + MAX_MODIFIERS)..noun_at)
        .rev()
        .find(|&k| DEFINITE.contains(&tokens[k].lower.as_str()))?;
    definite_act_noun(tokens, from, in_phrase).filter(|&(k, _)| k == noun_at)
}

/// The doers of the act `noun` names, among the article's earlier acts (`prior`, in order of
/// coding) within [`WINDOW`] sentences of `sentence`, before token `token` when in the same
/// sentence: every distinct doer of such acts in the latest sentence that has one named by
/// the same word, else by a word of the same kind. Never `reactor` or its country.
pub fn doers<'p>(
    prior: &'p [PriorAct],
    noun: &str,
    sentence: usize,
    token: usize,
    reactor: &str,
) -> Vec<&'p PriorAct> {
    let Some((noun_at, &(_, kind, _))) = ACT_NOUNS
        .iter()
        .enumerate()
        .find(|(_, (n, _, _))| *n == noun)
    else {
        return Vec::new();
    };
    let own = |code: &str| is_own_state(code, reactor);
    let named = |p: &&PriorAct| {
        (p.sentence < sentence || p.token < token)
            && p.sentence + WINDOW >= sentence
            && kind.covers(p.code)
            && !own(&p.source)
    };
    let same_word = |p: &&PriorAct| p.same_word & (1 << noun_at) != 0;
    let latest = prior
        .iter()
        .rev()
        .filter(named)
        .find(same_word)
        .map(|p| (p.sentence, true))
        .or_else(|| prior.iter().rev().find(named).map(|p| (p.sentence, false)));
    let Some((latest, by_word)) = latest else {
        return Vec::new();
    };
    distinct_doers(
        prior
            .iter()
            .filter(named)
            .filter(|p| p.sentence == latest && (!by_word || same_word(p))),
    )
}

/// The acts of `acts` with the first of each distinct doer, in order.
fn distinct_doers<'p>(acts: impl Iterator<Item = &'p PriorAct>) -> Vec<&'p PriorAct> {
    let mut found: Vec<&PriorAct> = Vec::new();
    for p in acts {
        if !found.iter().any(|f| f.source == p.source) {
            found.push(p);
        }
    }
    found
}

/// Whether an act noun names words ("the accusations", "the findings", "the report"): what
/// someone said, which a statement the article reported may have said.
pub fn names_words(noun: &str) -> bool {
    ACT_NOUNS
        .iter()
        .any(|&(n, kind, _)| n == noun && kind == ActKind::Accusation)
}

/// Whether an act of this code is one of force (roots 18–20): the acts a threat answers.
pub fn is_force(code: &str) -> bool {
    ActKind::Force.covers(code)
}

/// Whether an act of this code accuses (112 and its sub-codes): the acts a denial answers.
pub fn is_accusation(code: &str) -> bool {
    code.starts_with("112")
}

/// The accusers a denial with no target of its own answers: "Congo accused Rwanda of sending
/// troops ... Rwanda, which denies supporting M23", "accused Azerbaijan of meddling, a charge
/// Baku denied". CAMEO aims a denial at whoever made the charge, and news reports the charge
/// first. These are the doers of the latest accusations within [`WINDOW`] sentences (before
/// token `token` of sentence `sentence`) whose accused is the denier (`denier`) or its own
/// state — all of them when one sentence has several — never the denier itself. A denial that
/// answers no coded accusation keeps no target: "denied striking the hospital" answers a
/// charge the article did not code.
pub fn accusers<'p>(
    prior: &'p [PriorAct],
    sentence: usize,
    token: usize,
    denier: &str,
) -> Vec<&'p PriorAct> {
    latest_doers(prior, sentence, token, |p| {
        is_accusation(p.code) && charges(p, denier)
    })
}

/// The speakers a reaction to words ("rejected the findings", "called the accusations
/// absurd") that no coded accusation made answers: the doers of the latest statements, in
/// earlier sentences within [`WINDOW`], that named the reacting side (`denier`) or its own
/// state, never the reacting side itself ("the U.N. human rights office said Malian troops
/// executed 500 people ... Mali's government rejected the findings"). A bare denial ("has
/// denied any role in the attack") answers no statement: only what it names does.
pub fn speakers<'p>(
    prior: &'p [PriorAct],
    sentence: usize,
    token: usize,
    denier: &str,
) -> Vec<&'p PriorAct> {
    latest_doers(prior, sentence, token, |p| {
        p.code == "010" && p.sentence < sentence && charges(p, denier)
    })
}

/// Whether an accusation or statement named `denier` or its own state, and was not its own.
fn charges(p: &PriorAct, denier: &str) -> bool {
    !is_own_state(&p.source, denier)
        && p.aimed_at.as_deref().is_some_and(|accused| {
            accused
                .split(crate::resolve::PAIR_SEPARATOR)
                .any(|a| a == denier || is_own_state(a, denier))
        })
}

/// The distinct doers of the acts `wanted` accepts in the latest sentence that has one,
/// within [`WINDOW`] sentences before token `token` of sentence `sentence` (the acts an
/// answer, an appeal or a denial there is aimed at).
fn latest_doers(
    prior: &[PriorAct],
    sentence: usize,
    token: usize,
    wanted: impl Fn(&PriorAct) -> bool,
) -> Vec<&PriorAct> {
    let found = |p: &&PriorAct| {
        (p.sentence < sentence || p.token < token) && p.sentence + WINDOW >= sentence && wanted(p)
    };
    let Some(latest) = prior.iter().rev().find(found).map(|p| p.sentence) else {
        return Vec::new();
    };
    distinct_doers(prior.iter().filter(found).filter(|p| p.sentence == latest))
}

/// Whom "the attackers" (or "the assailants", "the perpetrators", "the bombers") means at
/// token `token` of sentence `sentence`, acted on by `actor`: the doers of the latest acts of
/// force within [`WINDOW`] sentences, before it or earlier in its sentence, not done by
/// `actor` itself ("gunmen opened fire on diners ... security forces ended the siege, killing
/// all the attackers").
pub fn force_doers<'p>(
    prior: &'p [PriorAct],
    sentence: usize,
    token: usize,
    actor: &str,
) -> Vec<&'p PriorAct> {
    let mut doers = latest_doers(prior, sentence, token, |p| {
        ActKind::Force.covers(p.code) && p.source != actor
    });
    // ("Al Shabaab militants stormed a hotel ... gunmen opened fire on diners": the unnamed
    // gunmen are the named group's, when the sentence names one)
    if doers.iter().any(|p| !p.source.ends_with("UAF")) {
        doers.retain(|p| !p.source.ends_with("UAF"));
    }
    doers
}

/// Whether a word names the doers of an attack as a noun: "the attackers" and the like.
pub fn names_attackers(word: &str) -> bool {
    matches!(
        word,
        "attackers" | "attacker" | "assailants" | "assailant" | "perpetrators" | "bombers"
    )
}

/// The attackers a threat with no one named, made at token `token` of sentence `sentence` by
/// `threatener`, is aimed at: the doers of the latest acts of force (roots 18–20) or
/// coercion (sanctions, 16; arrests, expulsions, restrictions, 17) within
/// [`WINDOW`] sentences done to the threatener's country, any of its sectors ("India struck
/// nine sites in Pakistan ... Sharif vowed that his country would avenge the deaths", "Russia
/// fired missiles at Kyiv ... Zelenskiy vowed a harsh response"), never by that country.
pub fn attackers<'p>(
    prior: &'p [PriorAct],
    sentence: usize,
    token: usize,
    threatener: &str,
) -> Vec<&'p PriorAct> {
    let country = threatener.get(..3).unwrap_or(threatener);
    latest_doers(prior, sentence, token, |p| {
        (ActKind::Force.covers(p.code) || matches!(p.code.get(..2), Some("16" | "17")))
            && p.source.get(..3) != Some(country)
            && p.aimed_at
                .as_deref()
                .is_some_and(|t| t.get(..3) == Some(country))
    })
}

/// Whether an act of this code asks for someone's release: an appeal (0253) or a demand
/// (1053). Coded with no target ("the EU leaders also called for his immediate release"),
/// it is aimed at whoever holds the people to be freed: CAMEO's target of a release appeal is
/// the captor.
pub fn asks_for_release(code: &str) -> bool {
    matches!(code, "0253" | "1053")
}

/// The captors an appeal for release made at token `token` of sentence `sentence` is aimed
/// at: the doers of the latest arrests, detentions or abductions (173, 181) the article coded
/// within [`WINDOW`] sentences — all of them when one sentence has several — never the
/// appealing actor (`reactor`) or its own state.
pub fn captors<'p>(
    prior: &'p [PriorAct],
    sentence: usize,
    token: usize,
    reactor: &str,
) -> Vec<&'p PriorAct> {
    latest_doers(prior, sentence, token, |p| {
        (p.code.starts_with("173") || p.code.starts_with("181"))
            && !is_own_state(&p.source, reactor)
    })
}

/// Whether two actor codes are the same state: the same code, or a country and its
/// government, forces, police or intelligence ("Taiwan's defence ministry condemned the
/// drills" does not condemn Taiwan's own). A country's other sectors are other actors: "Egypt
/// condemned the bombing" by Egyptian militants is aimed at them.
fn is_own_state(a: &str, b: &str) -> bool {
    const STATE: &[&str] = &["", "GOV", "MIL", "COP", "SPY"];
    fn state_of(c: &str) -> Option<&str> {
        let (country, sector) = c.split_at(c.len().min(3));
        STATE.contains(&sector).then_some(country)
    }
    a == b || state_of(a).is_some_and(|c| state_of(b) == Some(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_acts_remembered_are_those_some_noun_can_name() {
        for info in crate::ontology::Ontology::get().codes() {
            let code = info.code.as_str();
            let by_kinds = ACT_NOUNS.iter().any(|(_, kind, _)| kind.covers(code));
            assert_eq!(can_be_named(code), by_kinds, "{code}");
        }
    }
}
