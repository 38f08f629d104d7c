//! The compiled dictionaries: phrase tries over tokens, a verb-form table and the patterns of
//! every verb and event noun, built once at start-up.
//!
//! Matching is token-based rather than character-based: dictionary names are tokenized by the
//! same tokenizer as the text (so "U.S.", "Russia's" and "d'Ivoire" agree), and a trie keyed by
//! the first token's lower-cased form finds the longest phrase at each position. A token-level
//! trie gives leftmost-longest matching in one pass over the sentence with one hash lookup per
//! token, and keeps capitalisation rules per dictionary word (`Turkey` ≠ "turkey", `US` ≠ "us").

use super::{DictError, Dictionary, Origin};
use crate::modality::CueClass;
use crate::segment::{tokenize, Token};
use rustc_hash::FxHashMap;
use std::sync::{Arc, OnceLock};

/// How a dictionary word must be capitalised in the text to match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseRule {
    /// Any capitalisation.
    Any,
    /// The text word must start with a capital.
    Capitalized,
    /// The text word must be spelled exactly so (short all-capital abbreviations).
    Exact,
}

#[derive(Debug, Clone)]
struct PhraseToken {
    lower: String,
    exact: String,
    rule: CaseRule,
}

impl PhraseToken {
    fn matches(&self, t: &Token, text: &str) -> bool {
        t.lower == self.lower && self.case_matches(t, text)
    }

    /// [`PhraseToken::matches`] for a token whose lower case is known to be equal.
    fn case_matches(&self, t: &Token, text: &str) -> bool {
        match self.rule {
            CaseRule::Any => true,
            CaseRule::Capitalized => t.capitalized,
            CaseRule::Exact => t.text(text) == self.exact,
        }
    }
}

/// A phrase trie: token sequences → payloads, longest match first.
#[derive(Debug)]
struct PhraseTrie<T> {
    by_first: FxHashMap<String, Vec<usize>>,
    phrases: Vec<(Vec<PhraseToken>, Vec<T>)>,
    /// [`word_print`] of each phrase's second word (0 for a one-word phrase), by which
    /// [`PhraseTrie::push_starts`] groups the phrases of a first word.
    second: Vec<u32>,
    /// Each first word's phrases, at the offset its [`WordEntry`] keeps (see
    /// [`PHRASE_INDEX_MASK`] for the layout).
    starts: Vec<u32>,
}

/// The phrases of a [`PhraseTrie`] that start with one word, laid out by
/// [`PhraseTrie::push_starts`] in the trie's `starts` list, where the word's [`WordEntry`]
/// keeps their offset: the phrases of several words grouped by the [`word_print`] of their
/// second word, then the one-word phrases. (Common first words start hundreds of phrases —
/// "national", "foreign", "al" —; a look-up compares only the few whose second word can be the
/// next token's.)
///
/// At the offset: the number of groups `g`, of phrases of several words `m` and of one-word
/// phrases `s`; the `g` groups' second-word prints (increasing) and the `g` groups' ends
/// (each group's start is the end before it); the `m` phrases, each group in the trie's
/// order; the `s` one-word phrases in the trie's order. A phrase is its index with the case
/// rule of its first word in the top two bits ([`rule_bits`]), which is all a look-up asks
/// of that word (the text's lower case is the entry's word already).
///
/// One flat list rather than a structure of vectors in each entry: every token that starts
/// a phrase reads these, and each vector was a memory access in a chain (the entry's vector,
/// its elements, the phrase, the phrase's first token for its rule). A profile of ordinary
/// news showed those loads as most of `longest_of`'s time; now a word's list is one or two
/// cache lines, found from the entry's first line.
const PHRASE_INDEX_MASK: u32 = (1 << 30) - 1;

/// A phrase's first-word [`CaseRule`] as the top two bits of its entry in a trie's `starts`.
fn rule_bits(rule: CaseRule) -> u32 {
    (match rule {
        CaseRule::Any => 0,
        CaseRule::Capitalized => 1,
        CaseRule::Exact => 2,
    }) << 30
}

/// A number equal for equal words: length, first and last byte.
fn word_print(w: &str) -> u32 {
    match w.as_bytes() {
        [] => 0,
        b => (b.len() as u32) << 16 | u32::from(b[0]) << 8 | u32::from(b[b.len() - 1]),
    }
}

impl<T> Default for PhraseTrie<T> {
    fn default() -> Self {
        PhraseTrie {
            by_first: FxHashMap::default(),
            phrases: Vec::new(),
            second: Vec::new(),
            starts: Vec::new(),
        }
    }
}

impl<T: Clone> PhraseTrie<T> {
    /// Add a name: a leading article is not part of it ("the West" must not swallow the "the"
    /// of "the West African bloc", nor "The West" the capitalised "The" opening "The West
    /// African bloc gave ..."; the annotator records definiteness separately).
    fn insert_name(&mut self, phrase: &str, value: T, case_sensitive: bool) {
        let phrase = phrase
            .strip_prefix("the ")
            .or_else(|| phrase.strip_prefix("The "))
            .unwrap_or(phrase);
        self.insert(phrase, value, case_sensitive)
    }

    /// Add a phrase word for word (cues keep their article: the discard cue "the hosts" is
    /// not "hosts").
    fn insert(&mut self, phrase: &str, value: T, case_sensitive: bool) {
        let phrase = phrase.trim();
        let mut toks = Vec::new();
        tokenize(phrase, 0, &mut toks);
        if toks.is_empty() {
            return;
        }
        let ptoks: Vec<PhraseToken> = toks
            .iter()
            .map(|t| {
                let s = t.text(phrase);
                let (mut letters, mut upper) = (0usize, 0usize);
                for c in s.chars().filter(|c| c.is_alphabetic()) {
                    letters += 1;
                    upper += usize::from(c.is_uppercase());
                }
                let rule = if !case_sensitive {
                    CaseRule::Any
                } else if letters > 0 && letters <= 4 && upper == letters {
                    CaseRule::Exact
                } else if t.capitalized {
                    CaseRule::Capitalized
                } else {
                    CaseRule::Any
                };
                // the exact spelling matters only for exact-case tokens
                let exact = if rule == CaseRule::Exact {
                    s.to_string()
                } else {
                    String::new()
                };
                PhraseToken {
                    lower: t.lower.clone(),
                    exact,
                    rule,
                }
            })
            .collect();
        // the same phrase again (another entry with this name): add the value to it
        let same = |p: &[PhraseToken]| {
            p.len() == ptoks.len()
                && p.iter()
                    .zip(&ptoks)
                    .all(|(x, y)| x.lower == y.lower && x.rule == y.rule && x.exact == y.exact)
        };
        if let Some(cands) = self.by_first.get(ptoks[0].lower.as_str()) {
            if let Some(&i) = cands.iter().find(|&&i| same(&self.phrases[i].0)) {
                self.phrases[i].1.push(value);
                return;
            }
        }
        let i = self.phrases.len();
        match self.by_first.get_mut(ptoks[0].lower.as_str()) {
            Some(v) => v.push(i),
            None => {
                self.by_first.insert(ptoks[0].lower.clone(), vec![i]);
            }
        }
        self.second
            .push(ptoks.get(1).map_or(0, |p| word_print(&p.lower)));
        self.phrases.push((ptoks, vec![value]));
    }

    fn finish(&mut self) {
        let phrases = &self.phrases;
        for v in self.by_first.values_mut() {
            // longest first; stable so that earlier entries win ties
            v.sort_by_key(|&i| std::cmp::Reverse(phrases[i].0.len()));
        }
    }

    /// Lay out the phrases of `cands` (indices, longest first, as [`PhraseTrie::finish`]
    /// sorts them) for [`PhraseTrie::longest_of`] at the end of `starts`; their offset there.
    fn push_starts(&mut self, cands: &[usize]) -> u32 {
        let single_from = cands.partition_point(|&c| self.phrases[c].0.len() > 1);
        let mut multi: Vec<usize> = cands[..single_from].to_vec();
        // (stable: each group keeps the trie's order)
        multi.sort_by_key(|&c| self.second[c]);
        let mut groups: Vec<(u32, u32)> = Vec::new();
        for (k, &c) in multi.iter().enumerate() {
            let end = k as u32 + 1;
            match groups.last_mut() {
                Some(g) if g.0 == self.second[c] => g.1 = end,
                _ => groups.push((self.second[c], end)),
            }
        }
        let at = self.starts.len() as u32;
        let phrases = &self.phrases;
        let with_rule = |&c: &usize| {
            assert!(c as u32 <= PHRASE_INDEX_MASK, "too many phrases");
            c as u32 | rule_bits(phrases[c].0[0].rule)
        };
        let out = &mut self.starts;
        out.extend([
            groups.len() as u32,
            multi.len() as u32,
            (cands.len() - single_from) as u32,
        ]);
        out.extend(groups.iter().map(|g| g.0));
        out.extend(groups.iter().map(|g| g.1));
        out.extend(multi.iter().map(with_rule));
        out.extend(cands[single_from..].iter().map(with_rule));
        at
    }

    /// The longest phrase starting at token `i` among the phrases laid out at `at` in
    /// `starts`, the phrases whose first word is token `i`'s lower case (its [`WordEntry`]'s):
    /// its length in tokens and payloads. (The first word is equal already; only its
    /// capitalisation is checked, by the rule kept with each phrase.) Only the phrases whose
    /// second word has the [`word_print`] of token `i + 1` are compared, then the one-word
    /// phrases: the order of the trie (longest first, earlier entries first) among the
    /// phrases that can match.
    fn longest_of(&self, at: u32, tokens: &[Token], i: usize, text: &str) -> Option<(usize, &[T])> {
        let list = &self.starts[at as usize..];
        let (g, m) = (list[0] as usize, list[1] as usize);
        let s = list[2] as usize;
        let (prints, rest) = list[3..].split_at(g);
        let (ends, rest) = rest.split_at(g);
        let (multi, rest) = rest.split_at(m);
        let singles = &rest[..s];
        let first = &tokens[i];
        // (what [`PhraseToken::case_matches`] says of the first token: only an exact rule
        // needs the phrase's spelling)
        let first_ok = |e: u32| match e >> 30 {
            0 => true,
            1 => first.capitalized,
            _ => self.phrases[(e & PHRASE_INDEX_MASK) as usize].0[0].case_matches(first, text),
        };
        if let (true, Some(next)) = (g > 0, tokens.get(i + 1)) {
            let next = word_print(&next.lower);
            let k = prints.partition_point(|&p| p < next);
            if prints.get(k) == Some(&next) {
                let from = if k == 0 { 0 } else { ends[k - 1] as usize };
                for &e in &multi[from..ends[k] as usize] {
                    if !first_ok(e) {
                        continue;
                    }
                    let (ptoks, vals) = &self.phrases[(e & PHRASE_INDEX_MASK) as usize];
                    if i + ptoks.len() <= tokens.len()
                        && ptoks[1..]
                            .iter()
                            .zip(&tokens[i + 1..])
                            .all(|(p, t)| p.matches(t, text))
                    {
                        return Some((ptoks.len(), vals));
                    }
                }
            }
        }
        for &e in singles {
            if first_ok(e) {
                return Some((1, &self.phrases[(e & PHRASE_INDEX_MASK) as usize].1));
            }
        }
        None
    }

    fn len(&self) -> usize {
        self.phrases.len()
    }
}

/// How an actor name refers to its entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorKind {
    CountryName,
    CountryAdjective,
    Demonym,
    /// A capital or seat of government: stands for the government.
    Capital,
    /// A town or region the gazetteer knows (not in the dictionaries): stands for its country
    /// as the place an act is done to ("shelled Kharkiv" → UKR), never for a government.
    Town,
    /// An institution name with its sector.
    Institution,
    Person,
    OrgName,
    /// A definite description of an organisation, valid once it was named ("the alliance").
    OrgRef,
}

/// What a dictionary phrase stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LexEntry {
    /// `entry` indexes `Dictionary::countries`, `people` or `organizations` by `kind`;
    /// `sector` is set for institutions.
    Actor {
        kind: ActorKind,
        entry: u32,
        sector: Option<String>,
    },
    /// A role noun; `entry` indexes `Dictionary::agents`.
    Agent { entry: u32, plural: bool },
}

/// A dictionary phrase found in a sentence.
#[derive(Debug, Clone)]
pub struct PhraseMatch<'a> {
    pub len: usize,
    pub entries: &'a [LexEntry],
}

/// Which inflection a verb form is (several bits when forms coincide: "accused").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct VerbForm(pub u8);

impl VerbForm {
    pub const BASE: VerbForm = VerbForm(1);
    pub const THIRD: VerbForm = VerbForm(2);
    pub const PAST: VerbForm = VerbForm(4);
    pub const PARTICIPLE: VerbForm = VerbForm(8);
    pub const GERUND: VerbForm = VerbForm(16);
    pub fn has(self, f: VerbForm) -> bool {
        self.0 & f.0 != 0
    }
    pub fn only(self, f: VerbForm) -> bool {
        self.0 == f.0
    }
}

/// One element of a compiled pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatElem {
    /// A literal word, compared by singular lower-cased form.
    Word(String),
    /// Alternatives, each a sequence of adjacent words: `tanks|armored_vehicles`.
    Alt(Vec<Vec<String>>),
    /// The target slot `+`.
    Target,
    /// The source slot `$`.
    Source,
    /// `^`: skip one word, or one actor phrase (PETRARCH's skip: "celebrate eid at ^ with +"
    /// reads "celebrated Eid at Osgiliath with Gondor").
    Skip,
}

/// How many words more than one each of a pattern's alternatives holds after the verb (each
/// counting its shortest choice): `peace_talks|nuclear_talks` holds one more.
fn joined_words(elems: &[PatElem]) -> usize {
    elems
        .iter()
        .map(|e| match e {
            PatElem::Alt(alts) => alts.iter().map(Vec::len).min().unwrap_or(1) - 1,
            _ => 0,
        })
        .sum()
}

/// A verb or noun pattern ready to match.
#[derive(Debug, Clone)]
pub struct CompiledPattern {
    pub code: String,
    /// The target's act back on the source, coded with every target (`032:033`).
    pub reverse_code: Option<String>,
    /// The elements after the verb (verb patterns) or around the noun (noun patterns, where the
    /// noun itself is one `Word`).
    pub elems: Vec<PatElem>,
    /// Literal words, the verb/noun included: more is more specific.
    pub specificity: usize,
    /// The pattern as written and where.
    pub text: String,
    pub origin: Origin,
    /// Position of the event noun within `elems` (noun patterns).
    pub noun_at: usize,
    /// [`literal_key`] of every literal word: all must occur after the verb for a match.
    pub keys: Vec<String>,
    /// [`Lexicon::literal_id`] of each of `keys`, in order: matching compares these numbers
    /// instead of the strings.
    pub key_ids: Vec<u32>,
    /// A bit per [`Self::key_ids`] (bit `id % 64`): the match pre-filter turns
    /// away a candidate one of whose literals surely does not occur with one AND of this and
    /// the bits of the words after the verb, before testing each literal.
    pub key_bloom: u64,
    /// [`Lexicon::literal_id`] of the preposition of a trailing partner slot
    /// ([`CompiledPattern::partner_prep`]), found once here rather than at every match.
    pub partner_key: Option<u32>,
    /// Written `+!`: the act is only coded with an actor as target (verbs with business or
    /// sport senses: "fighting the lawsuit", "targeting shoppers").
    pub target_required: bool,
    /// Written `+?` (imported TABARI/PETRARCH patterns): read as TABARI does, over the verb's
    /// whole phrase. The words may stand anywhere later in the clause, a complement clause
    /// ("allowed that ...") included; the target is the first actor after the words, or else
    /// the first actor after the verb, and may be absent.
    pub loose_target: bool,
    /// What must stand before the verb, in order (`said * accuse +`): each element a list of
    /// alternatives, each alternative a run of adjacent words (`did_n't|will_not * clash`).
    pub pre: Vec<Vec<Vec<String>>>,
    /// Written `%` first before the verb (`% have * postpone`, PETRARCH's compound actor): the
    /// subject must be two or more coordinated actors, and without a target they act on each
    /// other (as PETRARCH2's suite expects; the classic suite codes a target found in a later
    /// clause instead).
    pub compound_subject: bool,
    /// Written `=` last (imported PETRARCH patterns): the words are read as PETRARCH reads
    /// them. They match only as written ("adopt resolution" is not "adopted resolutions"; dyad's
    /// own patterns also match a plural or singular form of each word), and any words may stand
    /// between the verb and the first of them within the clause ("received by courier money
    /// from" for `+ * MONEY $`).
    pub exact_words: bool,
    /// Written `+` first before the verb (`+ receive money from $`, `+ * freed from $`): the
    /// subject is the one acted upon and the source is the actor the `$` after the verb finds
    /// ("Eriador received money from Osgiliath" is Osgiliath giving to Eriador).
    pub subject_is_target: bool,
    /// Written `+` among the words before the verb, or first with no `$` after it (TABARI's
    /// `noted + * regret`, `+ was * extradite`): the target is the actor standing right before
    /// the word at this index of [`Self::pre`] (before the verb group when it is
    /// `pre.len()`), and the source is the subject, or, when the subject is that target or
    /// missing, the first actor of the sentence ("Gondor's Prime Minister noted that Mordor
    /// regretted", "A Pakistani woman held in Afghanistan was extradited").
    pub target_before: Option<usize>,
    /// Written `_` last on the last words before `*` (`recently_ * allow`, PETRARCH's
    /// `RECENTLY_*`): those words stand right before the verb itself ("recently allowed", not
    /// "recently did allow").
    pub verb_adjacent: bool,
    /// The entry was written as an inflected form of an irregular verb (PETRARCH's `SAID`,
    /// `MET`, `LEFT` entries beside `SAY`, `MEET`, `LEAVE`): this copy, filed under that verb,
    /// matches only this form, and beats the verb's own patterns of the same shape there.
    pub only_form: Option<String>,
    /// For each of [`Self::elems`], the [`AltIndex`] of an [`PatElem::Alt`] (empty for the
    /// other elements).
    pub alt_index: Vec<AltIndex>,
    /// A pattern with no literal word but alternatives (`say optimistic|hopeful =`): the
    /// [`Lexicon::literal_id`]s of the first words of its first alternatives. One of them must
    /// occur after the verb, so the pattern is a candidate only then — filed with no key it
    /// was tried at every "said" (+5 % of all matching for nine such patterns).
    pub alt_keys: Vec<u32>,
    /// For each [`PatElem::Alt`] of [`Self::elems`], the [`Lexicon::literal_id`]s of the words
    /// that can match the first word of one of its alternatives ([`literal_keys_matching`]):
    /// a sentence none of whose words has one of them cannot match the pattern, which
    /// matching then does not try (an imported synset pattern such as `accuse + of
    /// torturing|executing|killing prisoners_of_war|civilians` was tried at every "accused
    /// ... of", two dozen of them).
    pub alt_requires: Vec<Box<[u32]>>,
    /// [`Self::display`] and [`Self::entry_description`], made the first time an event cites
    /// the pattern and kept: every event cites its pattern both ways, most patterns are never
    /// cited, and the few that are, are cited by many events (see [`Self::display_shared`]).
    pub citations: OnceLock<(crate::event::SharedStr, Box<str>)>,
}

/// The alternatives of a [`PatElem::Alt`] by the first byte of their first word. A word
/// matches a literal only if both start with the same byte (see [`literal_matches`]), so a
/// word need only be tried against the alternatives starting with its first byte: imported
/// PETRARCH synsets have up to 64 alternatives, and matching tried every one of them at every
/// word the pattern reads.
#[derive(Debug, Clone, Default)]
pub struct AltIndex {
    /// `(first byte, alternative index)`, sorted: each byte's alternatives in their order.
    by_first: Vec<(u8, u16)>,
}

impl AltIndex {
    fn new(alts: &[Vec<String>]) -> AltIndex {
        let mut by_first: Vec<(u8, u16)> = alts
            .iter()
            .enumerate()
            .map(|(k, seq)| {
                // (`alternatives` keeps no empty word or run)
                let b = seq.first().and_then(|w| w.as_bytes().first()).copied();
                (b.unwrap_or(0), k as u16)
            })
            .collect();
        by_first.sort_unstable();
        AltIndex { by_first }
    }

    /// Indices of the alternatives whose first word starts with byte `b`, in order.
    #[inline]
    pub fn starting_with(&self, b: u8) -> impl Iterator<Item = usize> + '_ {
        let from = self.by_first.partition_point(|&(x, _)| x < b);
        self.by_first[from..]
            .iter()
            .take_while(move |&&(x, _)| x == b)
            .map(|&(_, k)| usize::from(k))
    }
}

impl CompiledPattern {
    pub fn has_target(&self) -> bool {
        self.elems.contains(&PatElem::Target)
    }

    /// The preposition of a trailing partner slot ("with" in `expand economic cooperation with
    /// +`), which the target-less pass may leave out.
    pub fn partner_prep(&self) -> Option<&str> {
        match &self.elems[..] {
            [.., PatElem::Word(w), PatElem::Target]
                if matches!(
                    w.as_str(),
                    "with" | "to" | "for" | "in" | "on" | "from" | "against"
                ) =>
            {
                Some(w)
            }
            _ => None,
        }
    }

    /// The target is a partner introduced by "with" ("clash with +", "fight gun battle with
    /// +"): a fight done together, by both sides (not "closed its border with +").
    pub fn target_is_partner(&self) -> bool {
        matches!(&self.code[..], "190" | "193" | "194" | "195")
            && self
                .elems
                .windows(2)
                .any(|w| w[0] == PatElem::Word("with".into()) && w[1] == PatElem::Target)
    }

    /// `accuse + of [112] (verbs_10_14.txt:526)`: how evidence names the pattern.
    /// (Built with pushes, not `format!`: see [`Origin::push_to`].)
    pub fn display(&self) -> String {
        let mut out = String::with_capacity(self.text.len() + self.code.len() + 40);
        out.push_str(&self.text);
        out.push_str(" [");
        out.push_str(&self.code);
        out.push_str("] (");
        self.origin.push_to(&mut out);
        out.push(')');
        out
    }

    /// [`Self::display`], made once for the pattern and shared by the events that cite it.
    pub fn display_shared(&self) -> crate::event::SharedStr {
        self.cited().0.clone()
    }

    /// [`Self::entry_description`], made once for the pattern (a copy of it for each event).
    pub fn entry_description_cached(&self) -> String {
        self.cited().1.to_string()
    }

    fn cited(&self) -> &(crate::event::SharedStr, Box<str>) {
        self.citations.get_or_init(|| {
            (
                Arc::from(self.display()),
                self.entry_description().into_boxed_str(),
            )
        })
    }

    /// `verbs_10_14.txt:526 112 accuse + of`: the pattern as a dictionary entry.
    pub fn entry_description(&self) -> String {
        let mut out = String::with_capacity(self.text.len() + self.code.len() + 40);
        self.origin.push_to(&mut out);
        out.push(' ');
        out.push_str(&self.code);
        out.push(' ');
        out.push_str(&self.text);
        out
    }
}

/// Regular inflections of a verb lemma: base, third person, past, past participle, gerund.
pub fn inflect(lemma: &str) -> [String; 5] {
    let l = lemma;
    let b = l.as_bytes();
    let vowel = |c: u8| b"aeiou".contains(&c);
    let n = b.len();
    let cons_y = n >= 2 && b[n - 1] == b'y' && !vowel(b[n - 2]);
    let third = if cons_y {
        format!("{}ies", &l[..n - 1])
    } else if l.ends_with('s')
        || l.ends_with('x')
        || l.ends_with('z')
        || l.ends_with("ch")
        || l.ends_with("sh")
        || l.ends_with('o')
    {
        format!("{l}es")
    } else {
        format!("{l}s")
    };
    let past = if l.ends_with('e') {
        format!("{l}d")
    } else if cons_y {
        format!("{}ied", &l[..n - 1])
    } else {
        format!("{l}ed")
    };
    let ger = if l.ends_with("ie") {
        format!("{}ying", &l[..n - 2])
    } else if l.ends_with('e')
        && !l.ends_with("ee")
        && !l.ends_with("ye")
        && !l.ends_with("oe")
        && n > 2
    {
        format!("{}ing", &l[..n - 1])
    } else {
        format!("{l}ing")
    };
    [l.to_string(), third, past.clone(), past, ger]
}

/// Regular plural of a noun phrase (the last word is pluralised). A noun with no plural
/// ("police", "personnel") is its own: "polices" is no word and must not name the police.
pub fn pluralize(phrase: &str) -> String {
    let (head, last) = match phrase.rsplit_once(' ') {
        Some((h, l)) => (format!("{h} "), l),
        None => (String::new(), phrase),
    };
    if NO_PLURAL.contains(&last.to_lowercase().as_str()) {
        return phrase.to_string();
    }
    let b = last.as_bytes();
    let n = b.len();
    let p =
        if n >= 3 && last.ends_with("man") && !last.ends_with("human") && !last.ends_with("German")
        {
            format!("{}men", &last[..n - 3])
        } else if n >= 2 && b[n - 1] == b'y' && !b"aeiou".contains(&b[n - 2]) {
            format!("{}ies", &last[..n - 1])
        } else if last.ends_with('s')
            || last.ends_with('x')
            || last.ends_with("ch")
            || last.ends_with("sh")
        {
            format!("{last}es")
        } else {
            format!("{last}s")
        };
    format!("{head}{p}")
}

/// Nouns English uses without a plural form.
const NO_PLURAL: &[&str] = &[
    "police",
    "personnel",
    "clergy",
    "media",
    "intelligence",
    "infantry",
    "artillery",
    "cavalry",
    "livestock",
];

/// Naive singular of a lower-cased word, for matching pattern literals ("sanctions" →
/// "sanction", "parties" → "party", "talks" → "talk").
pub fn singular(w: &str) -> &str {
    let n = w.len();
    if n > 4 && w.ends_with("ies") {
        // handled by callers comparing both forms; return stem without "ies"
        return &w[..n - 3];
    }
    if n > 4
        && (w.ends_with("sses") || w.ends_with("ches") || w.ends_with("shes") || w.ends_with("xes"))
    {
        return &w[..n - 2];
    }
    if n > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        return &w[..n - 1];
    }
    w
}

/// The key a word is indexed by for literal matching: its singular, with "-ies" → "-y"
/// ("parties" → "party", "sanctions" → "sanction"). Words that [`literal_matches`] equate have
/// the same key, so keys can pre-filter patterns.
pub fn literal_key(w: &str) -> std::borrow::Cow<'_, str> {
    match w.strip_suffix("ies") {
        Some(stem) if w.len() > 4 => format!("{stem}y").into(),
        _ => singular(w).into(),
    }
}

/// The [`literal_key`]s of every word the pattern literal `literal` matches
/// ([`CompiledPattern::word_matches`]): its own key when the pattern matches words as written.
/// Else a word [`literal_matches`] equates with it has the same singular, and its key is that
/// singular, or the singular with "y" after an "-ies" ending ("part" matches "parties", whose
/// key is "party"; "parties" matches "parts", whose key is "part"); or the word ends in "-ies"
/// and the literal is its singular with "y" ("party" for "parties"), and the word's key is the
/// literal, or the literal without its "y" when the word is too short for the "-ies" rule.
pub fn literal_keys_matching(literal: &str, exact_words: bool) -> Vec<String> {
    if exact_words {
        return vec![literal_key(literal).into_owned()];
    }
    let stem = singular(literal);
    let mut keys = vec![stem.to_string(), format!("{stem}y")];
    if let Some(short) = literal.strip_suffix('y') {
        keys.push(short.to_string());
    }
    keys
}

/// The result of [`Lexicon::candidate_patterns`]: its bit set, read out index by index as the
/// caller iterates (no list of the indices is made).
pub struct CandidateBits<'b> {
    /// (the caller's buffer, kept from verb to verb: a new one per verb was an allocation)
    bits: &'b mut [u64],
    /// The word being read out; its bits are cleared as they are returned.
    word: usize,
}

impl Iterator for CandidateBits<'_> {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        loop {
            let b = self.bits.get_mut(self.word)?;
            if *b != 0 {
                let i = self.word as u32 * 64 + b.trailing_zeros();
                *b &= *b - 1;
                return Some(i);
            }
            self.word += 1;
        }
    }
}

/// Compare a text word with a pattern literal, in singular.
#[inline]
pub fn literal_matches(literal: &str, word: &str) -> bool {
    // Every comparison below equates words that share their first byte (a singular is a
    // non-empty prefix of its word), and most words tried against a literal do not: they are
    // turned away here, before the suffix tests. Pattern matching makes hundreds of thousands
    // of these calls per MB.
    if literal.as_bytes().first() != word.as_bytes().first() {
        return false;
    }
    if literal == word {
        return true;
    }
    let (a, b) = (singular(literal), singular(word));
    a == b
        || (word.ends_with("ies") && literal.ends_with('y') && &literal[..literal.len() - 1] == b)
}

impl CompiledPattern {
    /// Whether the pattern's `literal` matches `word` (lower case): as written for an
    /// [`CompiledPattern::exact_words`] pattern, else by [`literal_matches`].
    pub fn word_matches(&self, literal: &str, word: &str) -> bool {
        if self.exact_words {
            literal == word
        } else {
            literal_matches(literal, word)
        }
    }
}

/// What the dictionaries hold for one lower-cased word ([`Lexicon::word`]): the actor and cue
/// phrases it starts, its verb readings and its class in the annotator's word lists (closed-class
/// words, time words). Annotation looks each token up once and reads all of them from here
/// (they were four hash look-ups of the same word, some of them repeated).
///
/// Laid out for the cache: every token of every sentence is looked up here, and the long tail
/// of words (the ones not already cached) cost a memory access per field read. So an entry
/// is one cache line (64 bytes, so aligned): the word's [`WordKey`] (what the look-up
/// compares), its literal id and class (read for every token), a bit per non-empty phrase or
/// verb list, where its phrases are in the tries' flat lists ([`PHRASE_INDEX_MASK`]) and its
/// verb readings. (The key was in a vector of its own, the phrase lists were vectors in a
/// 136-byte entry, the bits their lengths: four to six dependent memory accesses per word
/// instead of one, and in a profile of ordinary news the look-up's comparisons, the tests
/// for empty lists and the loads of the lists were the annotator's most expensive lines.)
#[derive(Debug)]
#[repr(C, align(64))]
pub struct WordEntry {
    /// The word's [`WordKey`], set by [`WordTable::new`].
    key: WordKey,
    /// [`Lexicon::literal_id_of_word`] of the word; [`NO_LITERAL`]: none.
    literal: u32,
    /// The annotator's word lists' class of the word (closed-class tag, time word).
    class: crate::annotate::WordClass,
    /// `HAS_*` bits: which of the lists below are not empty.
    has: u8,
    /// Where the actor phrases starting with the word are in the actor trie's `starts`
    /// (meaningful with [`HAS_ACTORS`]).
    actors: u32,
    /// Where the cue phrases starting with the word are in the cue trie's `starts` (with
    /// [`HAS_CUES`]).
    cues: u32,
    verbs: VerbReadings,
}

/// A word's verb readings in its [`WordEntry`]: one or two (nearly every verb form) in the
/// entry itself, on the cache line the look-up read, more in a list of their own. (They were
/// all in a vector, whose elements were a cache miss for most verb forms: choosing a word's
/// verb reading reads them, and that load was the annotator's most expensive instruction.)
#[derive(Debug, Clone)]
enum VerbReadings {
    Inline {
        len: u8,
        readings: [(u32, VerbForm); 2],
    },
    Listed(Box<[(u32, VerbForm)]>),
}

impl VerbReadings {
    fn new(readings: &[(u32, VerbForm)]) -> VerbReadings {
        match *readings {
            [] => VerbReadings::Inline {
                len: 0,
                readings: [(0, VerbForm::default()); 2],
            },
            [r] => VerbReadings::Inline {
                len: 1,
                readings: [r, (0, VerbForm::default())],
            },
            [r, q] => VerbReadings::Inline {
                len: 2,
                readings: [r, q],
            },
            _ => VerbReadings::Listed(readings.into()),
        }
    }

    #[inline]
    fn as_slice(&self) -> &[(u32, VerbForm)] {
        match self {
            VerbReadings::Inline { len, readings } => &readings[..usize::from(*len)],
            VerbReadings::Listed(readings) => readings,
        }
    }
}

// (an entry is one cache line)
const _: () = assert!(std::mem::size_of::<WordEntry>() == 64);

/// [`WordEntry::literal`] of a word that has no literal id.
const NO_LITERAL: u32 = u32::MAX;
/// [`WordEntry::has`] bit: the word starts actor phrases.
const HAS_ACTORS: u8 = 1;
/// [`WordEntry::has`] bit: the word starts cue phrases.
const HAS_CUES: u8 = 2;
/// [`WordEntry::has`] bit: the word has verb readings.
const HAS_VERBS: u8 = 4;

impl Default for WordEntry {
    fn default() -> Self {
        WordEntry {
            key: WordKey::of(""),
            literal: NO_LITERAL,
            class: crate::annotate::WordClass::default(),
            has: 0,
            actors: 0,
            cues: 0,
            verbs: VerbReadings::new(&[]),
        }
    }
}

impl WordEntry {
    /// What the annotator's word lists say of the word.
    #[inline]
    pub(crate) fn class(&self) -> crate::annotate::WordClass {
        self.class
    }

    /// [`Lexicon::verb_readings`] of the word.
    #[inline]
    pub fn verb_readings(&self) -> &[(u32, VerbForm)] {
        // (the bit is on the entry's first line; the list's length is not)
        if self.has & HAS_VERBS == 0 {
            return &[];
        }
        self.verbs.as_slice()
    }

    /// [`Lexicon::literal_id_of_word`] of the word, found once when the lexicon was made.
    #[inline]
    pub fn literal_id(&self) -> Option<u32> {
        (self.literal != NO_LITERAL).then_some(self.literal)
    }

    /// Set the literal id (`None`: the word has none). Ids are indices of a table far smaller
    /// than [`NO_LITERAL`].
    fn set_literal(&mut self, id: Option<u32>) {
        debug_assert!(id != Some(NO_LITERAL));
        self.literal = id.unwrap_or(NO_LITERAL);
    }
}

/// [`Lexicon::words`]: every dictionary word's [`WordEntry`], found by a look-up per token of
/// every sentence. An open-addressing table keyed by a word's length and its first and last
/// eight bytes, which are the whole word up to 16 bytes (nearly every word): a look-up is a
/// multiplication and integer comparisons, where a string hash map hashed every byte and
/// compared the strings again. The keys are in the entries ([`WordEntry`]'s layout).
#[derive(Debug, Default)]
struct WordTable {
    /// An index into `entries` plus one per slot; 0: an empty slot.
    slots: Vec<u32>,
    /// How far a key's hash is shifted right to give its first slot (64 − log2 of the slot
    /// count).
    shift: u32,
    /// The words of more than 16 bytes, whose keys do not hold them whole (empty for others).
    long_words: Vec<Box<str>>,
    entries: Vec<WordEntry>,
}

/// A word's length and its first and last eight bytes (for a shorter word: four, or the
/// first, middle and last byte), read as integers: equal for equal words, and different for
/// different words of up to 16 bytes, whose bytes all lie in the two halves. (The length is
/// kept as 32 bits: no word is 4 GB long, and the key fits an entry's first 32 bytes with
/// room for what else every look-up reads.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(C)]
struct WordKey {
    head: u64,
    tail: u64,
    len: u32,
}

impl WordKey {
    #[inline]
    fn of(w: &str) -> WordKey {
        let b = w.as_bytes();
        let len = b.len();
        let u64_at = |at: usize| {
            let mut x = [0u8; 8];
            x.copy_from_slice(&b[at..at + 8]);
            u64::from_le_bytes(x)
        };
        let u32_at = |at: usize| {
            let mut x = [0u8; 4];
            x.copy_from_slice(&b[at..at + 4]);
            u64::from(u32::from_le_bytes(x))
        };
        let (head, tail) = match len {
            8.. => (u64_at(0), u64_at(len - 8)),
            4..=7 => (u32_at(0), u32_at(len - 4)),
            1..=3 => (
                u64::from(b[0]) | u64::from(b[len / 2]) << 8 | u64::from(b[len - 1]) << 16,
                0,
            ),
            0 => (0, 0),
        };
        WordKey {
            head,
            tail,
            len: len as u32,
        }
    }

    #[inline]
    fn hash(&self) -> u64 {
        (self.head ^ self.tail.rotate_left(29) ^ u64::from(self.len).rotate_left(58))
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }
}

impl WordTable {
    fn new(words: FxHashMap<String, WordEntry>) -> WordTable {
        // (a quarter to a third full: a word that is not there, most capitalised names, ends
        // at an empty slot after a probe or two)
        let slot_count = (words.len() * 3).next_power_of_two().max(2);
        let mut table = WordTable {
            slots: vec![0; slot_count],
            shift: 64 - slot_count.trailing_zeros(),
            long_words: Vec::with_capacity(words.len()),
            entries: Vec::with_capacity(words.len()),
        };
        let mask = slot_count - 1;
        for (w, mut entry) in words {
            let key = WordKey::of(&w);
            let mut at = (key.hash() >> table.shift) as usize;
            while table.slots[at] != 0 {
                at = (at + 1) & mask;
            }
            entry.key = key;
            entry.has |= u8::from(!entry.verbs.as_slice().is_empty()) * HAS_VERBS;
            table.long_words.push(if w.len() > 16 {
                w.into_boxed_str()
            } else {
                Box::default()
            });
            table.entries.push(entry);
            table.slots[at] = table.entries.len() as u32;
        }
        table
    }

    #[inline]
    fn get(&self, w: &str) -> Option<&WordEntry> {
        let key = WordKey::of(w);
        // (an empty table, before the lexicon is compiled, has no slot to probe)
        let mask = self.slots.len().wrapping_sub(1);
        let mut at = (key.hash() >> self.shift) as usize;
        loop {
            let slot = *self.slots.get(at)? as usize;
            let k = slot.checked_sub(1)?;
            let entry = &self.entries[k];
            if entry.key == key && (key.len <= 16 || *self.long_words[k] == *w) {
                return Some(entry);
            }
            at = (at + 1) & mask;
        }
    }
}

/// A word's bit in [`Lexicon::noun_prefixes`]: a hash of its first three bytes (of all of them,
/// and its length, when it is shorter).
#[inline]
fn noun_prefix_bit(w: &str) -> usize {
    let b = w.as_bytes();
    let byte = |i: usize| u64::from(b.get(i).copied().unwrap_or(0));
    let key = byte(0) | byte(1) << 8 | byte(2) << 16 | (b.len().min(3) as u64) << 24;
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 48) as usize
}

/// The [`noun_prefix_bit`]s every word that [`Lexicon::noun_patterns`] finds under the key
/// `key` (a singular, see `compile_rest`) can have: a word found by its singular begins with
/// that singular, which is the whole word, or at least its first two bytes when an "-ies" was
/// taken off ("xyies" for "xy"); a word found as an "-ies" plural of a key in "-y" begins with
/// the key less its "y", then "ies".
fn noun_prefix_bits(key: &str) -> [usize; 3] {
    let ies = |stem: &str| noun_prefix_bit(&format!("{stem}ies"));
    [
        noun_prefix_bit(key),
        ies(key),
        ies(key.strip_suffix('y').unwrap_or(key)),
    ]
}

/// What clause analysis asks of a verb lemma at every verb, in one word read from a dense
/// array (the lemma's name, patterns and cue list, asked at each verb, were cache misses): its
/// verbal cue classes as bits (`code::cue_bits` of [`Lexicon::lemma_cues`]) and
/// the flags `code` derives from the lemma and its patterns (`code::lemma_flags`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LemmaBits {
    pub cues: u16,
    pub flags: u16,
}

/// A literal key's two bits in [`Lexicon::literal_bloom`]: from the hash of its length and
/// first and last eight bytes ([`WordKey`]), which reads no byte twice.
#[inline]
fn literal_bloom_bits(key: &str) -> [usize; 2] {
    let hash = WordKey::of(key).hash();
    [(hash >> 48) as usize, (hash >> 16) as usize & 0xffff]
}

/// Patterns of one verb by the [`Lexicon::literal_id`] of one literal word each (the one fewest
/// patterns have, see `compile_rest`) or of the first words of their alternatives, and those
/// with no literal (a bit set over the verb's patterns: bit `i % 64` of word `i / 64`).
#[derive(Debug, Default)]
struct PatternIndex {
    by_first: FxHashMap<u32, PatternBucket>,
    none: Vec<u64>,
    /// [`PatternFilter`]s of the verb's patterns, in their order, with their ids in `pool`.
    filters: Vec<PatternFilter>,
    pool: Vec<u32>,
    /// A bit per [`bucket_bit`] of the keys of `by_first`: most words after a verb that file
    /// a pattern of some verb file none of this one, and this tells without a hash look-up.
    bucket_bloom: [u64; 4],
}

/// A literal id's bit in [`PatternIndex::bucket_bloom`].
#[inline]
fn bucket_bit(k: u32) -> usize {
    (k.wrapping_mul(0x9E37_79B9) >> 24) as usize
}

/// What the match pre-filter reads of a verb pattern ([`CompiledPattern::key_bloom`],
/// [`CompiledPattern::key_ids`], [`CompiledPattern::partner_key`],
/// [`CompiledPattern::alt_requires`]), in one small record per pattern and one array of ids
/// per verb ([`Lexicon::pattern_filters`]): the patterns themselves lie all over the heap, and
/// reading each candidate's was a cache miss or three, for most candidates the only reads
/// before it was turned away.
#[derive(Debug, Clone, Copy, Default)]
pub struct PatternFilter {
    pub key_bloom: u64,
    /// Where the key ids start in the pool, and how many there are.
    keys_at: u32,
    keys_len: u32,
    /// [`CompiledPattern::partner_key`], or `u32::MAX`.
    partner: u32,
    /// Where the alternative sets start in the pool (each its length, then its ids), and how
    /// many there are.
    alts_at: u32,
    alts_len: u32,
}

impl PatternFilter {
    /// [`CompiledPattern::key_ids`].
    #[inline]
    pub fn keys<'p>(&self, pool: &'p [u32]) -> &'p [u32] {
        &pool[self.keys_at as usize..(self.keys_at + self.keys_len) as usize]
    }

    /// [`CompiledPattern::partner_key`].
    #[inline]
    pub fn partner_key(&self) -> Option<u32> {
        (self.partner != u32::MAX).then_some(self.partner)
    }

    /// Whether the pattern has [`CompiledPattern::alt_requires`].
    #[inline]
    pub fn has_alt_requires(&self) -> bool {
        self.alts_len != 0
    }

    /// [`CompiledPattern::alt_requires`], set by set.
    #[inline]
    pub fn alt_requires<'p>(&self, pool: &'p [u32]) -> impl Iterator<Item = &'p [u32]> + 'p {
        let mut at = self.alts_at as usize;
        (0..self.alts_len).map(move |_| {
            let len = pool[at] as usize;
            let ids = &pool[at + 1..at + 1 + len];
            at += 1 + len;
            ids
        })
    }

    fn new(p: &CompiledPattern, pool: &mut Vec<u32>) -> PatternFilter {
        let keys_at = pool.len() as u32;
        pool.extend(&p.key_ids);
        let alts_at = pool.len() as u32;
        for ids in &p.alt_requires {
            pool.push(ids.len() as u32);
            pool.extend(ids.iter());
        }
        PatternFilter {
            key_bloom: p.key_bloom,
            keys_at,
            keys_len: p.key_ids.len() as u32,
            partner: p.partner_key.unwrap_or(u32::MAX),
            alts_at,
            alts_len: p.alt_requires.len() as u32,
        }
    }
}

/// The patterns of one verb filed under one literal id, by index into the verb's patterns.
#[derive(Debug, Default)]
struct PatternBucket {
    /// Those that are candidates whenever the literal follows the verb.
    direct: Vec<u32>,
    /// In a bucket of more than [`PatternBucket::SPLIT_ABOVE`] patterns, those with
    /// alternatives, filed again under the literal ids of their smallest
    /// [`CompiledPattern::alt_requires`] set: candidates only when a word of the sentence has
    /// one of them. "urge + to" has 310 patterns, "accuse + of" 202, most of them a synset of
    /// acts after the literal ("accuse + of torturing|executing|killing civilians|POWs"): as
    /// candidates of every "urged ... to" or "accused ... of" they were 0.3 M of the 0.4 M
    /// candidates per MB.
    by_alt: FxHashMap<u32, Vec<u32>>,
}

impl PatternBucket {
    const SPLIT_ABOVE: usize = 16;
}

/// The compiled dictionaries.
#[derive(Debug)]
pub struct Lexicon {
    pub dict: Dictionary,
    actors: PhraseTrie<LexEntry>,
    cues: PhraseTrie<CueClass>,
    verb_forms: FxHashMap<String, Vec<(u32, VerbForm)>>,
    /// Every word that starts an actor or cue phrase, is a verb form or is in the annotator's
    /// word lists: the tries' first-word tables, the verb forms and the word lists, merged once
    /// compiled.
    words: WordTable,
    lemmas: Vec<String>,
    lemma_ids: FxHashMap<String, u32>,
    verb_patterns: Vec<Vec<Arc<CompiledPattern>>>,
    /// Per lemma: patterns by the key of one of their literal words, and those without one.
    /// Matching only tries patterns whose first literal occurs after the verb.
    verb_index: Vec<PatternIndex>,
    /// A bit per [`Lexicon::literal_id`] that files a pattern of some verb in `verb_index`:
    /// most words after a verb file none, and this tells without a hash look-up.
    index_keys: Vec<u64>,
    /// Per lemma: whether a pattern of the verb may match a clause with no subject: one with
    /// a source slot, or an imported TABARI pattern, whose source may be the owner of the
    /// subject noun (asked of every clause with no subject, and common verbs have hundreds of
    /// patterns).
    subjectless: Vec<bool>,
    noun_patterns: FxHashMap<String, Vec<Arc<CompiledPattern>>>,
    /// A bit per [`noun_prefix_bit`] of the words that can have noun patterns: most nouns
    /// have none, and this tells without a hash look-up (see [`Lexicon::noun_patterns`]).
    noun_prefixes: Vec<u64>,
    /// A bit per agent (`dict.agents` index) that is `owned`: an event noun heading its
    /// owner's phrase ("Israeli airstrikes") is found by it, asked for every phrase of every
    /// sentence (the agent entries are large and scattered: each was a cache miss).
    owned_agents: Vec<u64>,
    /// A number for each distinct [`literal_key`] of a pattern literal: patterns and the words
    /// after a verb are compared by these.
    literal_ids: FxHashMap<String, u32>,
    /// The first bytes of the keys of `literal_ids`, a bit each: a word starting with another
    /// byte (punctuation, a digit) has no literal id, known without hashing it.
    literal_first: [u64; 4],
    /// Two bits per key of `literal_ids` ([`literal_bloom_bits`]) in 2^16: most words
    /// [`Lexicon::literal_id_of_word`] is asked about (names, words of no dictionary) have no
    /// id, and this 8 kB filter turns three in four of them away before the hash map, whose
    /// reads were cache misses.
    literal_bloom: Vec<u64>,
    /// Verb lemmas that are cues (speech, denial, fear, intent ...).
    lemma_cues: FxHashMap<u32, Vec<CueClass>>,
    /// Per lemma: [`LemmaBits`].
    lemma_bits: Vec<LemmaBits>,
    /// The first country entry of each code (`dict.countries` index): a town's country is
    /// found for every capitalised unknown word, and a scan of the ~250 entries cost more than
    /// the gazetteer look-up itself.
    country_entries: FxHashMap<String, u32>,
}

impl Lexicon {
    /// Compile a dictionary. Pattern and cue errors are returned with their lines; the entries
    /// that compile are kept.
    pub fn compile(dict: Dictionary) -> (Lexicon, Vec<DictError>) {
        Lexicon::compile_with(dict, false)
    }

    /// [`Lexicon::compile`]; with `allow_unknown_codes`, patterns keep event codes that are
    /// not in the CAMEO table (validation dictionaries use made-up codes).
    pub fn compile_with(dict: Dictionary, allow_unknown_codes: bool) -> (Lexicon, Vec<DictError>) {
        let mut errors = Vec::new();
        let mut lex = Lexicon {
            dict: Dictionary::default(),
            actors: PhraseTrie::default(),
            cues: PhraseTrie::default(),
            verb_forms: FxHashMap::default(),
            words: WordTable::default(),
            lemmas: Vec::new(),
            lemma_ids: FxHashMap::default(),
            verb_patterns: Vec::new(),
            verb_index: Vec::new(),
            index_keys: Vec::new(),
            subjectless: Vec::new(),
            noun_patterns: FxHashMap::default(),
            noun_prefixes: Vec::new(),
            owned_agents: Vec::new(),
            literal_ids: FxHashMap::default(),
            literal_first: [0; 4],
            literal_bloom: Vec::new(),
            lemma_cues: FxHashMap::default(),
            lemma_bits: Vec::new(),
            country_entries: FxHashMap::default(),
        };
        // Actors: built on a second thread while verbs, cues and patterns compile here
        let (actor_trie, actor_errors) = std::thread::scope(|sc| {
            let h = sc.spawn(|| build_actor_trie(&dict));
            compile_rest(&mut lex, &dict, &mut errors, allow_unknown_codes);
            h.join().expect("actor trie thread")
        });
        lex.actors = actor_trie;
        errors.extend(actor_errors);
        for (i, c) in dict.countries.iter().enumerate() {
            lex.country_entries
                .entry(c.code.clone())
                .or_insert(i as u32);
        }
        lex.owned_agents = vec![0; dict.agents.len().div_ceil(64)];
        for (i, a) in dict.agents.iter().enumerate() {
            if a.owned {
                lex.owned_agents[i / 64] |= 1 << (i % 64);
            }
        }
        lex.dict = dict;
        lex.index_words();
        (lex, errors)
    }

    /// The index in `dict.countries` of the first country entry with this code.
    pub fn country_entry(&self, code: &str) -> Option<u32> {
        self.country_entries.get(code).copied()
    }

    /// Make [`Lexicon::words`] from the tries' first-word tables (which it takes over), the
    /// verb forms and the annotator's word lists.
    fn index_words(&mut self) {
        let mut words: FxHashMap<String, WordEntry> = FxHashMap::default();
        // (a first word's list of the trie is never empty)
        for (w, cands) in std::mem::take(&mut self.actors.by_first) {
            let e = words.entry(w).or_default();
            e.actors = self.actors.push_starts(&cands);
            e.has |= HAS_ACTORS;
        }
        for (w, cands) in std::mem::take(&mut self.cues.by_first) {
            let e = words.entry(w).or_default();
            e.cues = self.cues.push_starts(&cands);
            e.has |= HAS_CUES;
        }
        for (w, readings) in &self.verb_forms {
            match words.get_mut(w.as_str()) {
                Some(e) => e.verbs = VerbReadings::new(readings),
                None => {
                    words.insert(
                        w.clone(),
                        WordEntry {
                            verbs: VerbReadings::new(readings),
                            ..WordEntry::default()
                        },
                    );
                }
            }
        }
        for (w, class) in crate::annotate::word_list_classes() {
            words.entry(w.to_string()).or_default().class = class;
        }
        for (w, e) in words.iter_mut() {
            e.set_literal(self.literal_id_of_word(w));
        }
        self.words = WordTable::new(words);
    }

    fn lemma_id(
        &mut self,
        lemma: &str,
        irregular: &FxHashMap<&str, Vec<&super::IrregularVerb>>,
    ) -> u32 {
        if let Some(&id) = self.lemma_ids.get(lemma) {
            return id;
        }
        let id = self.lemmas.len() as u32;
        self.lemmas.push(lemma.to_string());
        self.lemma_ids.insert(lemma.to_string(), id);
        self.verb_patterns.push(Vec::new());
        // the regular forms, unless irregular lines replace them; several lines of one lemma
        // (travelled / traveled) all count
        let regular = inflect(lemma);
        let mut forms: Vec<[String; 5]> = Vec::new();
        for irr in irregular.get(lemma).into_iter().flatten() {
            let mut f = regular.clone();
            f[2] = irr.past.clone();
            f[3] = irr.participle.clone();
            if let Some(t) = &irr.third {
                f[1] = t.clone();
            }
            if let Some(g) = &irr.gerund {
                f[4] = g.clone();
            }
            forms.push(f);
        }
        if forms.is_empty() {
            forms.push(regular);
        }
        let flags = [
            VerbForm::BASE,
            VerbForm::THIRD,
            VerbForm::PAST,
            VerbForm::PARTICIPLE,
            VerbForm::GERUND,
        ];
        // British spellings read as the same verb: criticise, organise, analyse
        let mut all: Vec<(String, VerbForm)> = forms
            .iter()
            .flat_map(|f| f.iter().cloned().zip(flags))
            .collect();
        if lemma.ends_with("ize") || lemma.ends_with("yze") {
            let stem = lemma.len() - 2;
            for (f, flag) in forms.iter().flat_map(|f| f.iter().zip(flags)) {
                if f.len() >= stem && f.is_char_boundary(stem) {
                    let gb = if lemma.ends_with("ize") { "is" } else { "ys" };
                    all.push((format!("{}{}{}", &f[..stem - 1], gb, &f[stem + 1..]), flag));
                }
            }
        }
        for (f, flag) in &all {
            let (f, flag) = (f, *flag);
            let v = self.verb_forms.entry(f.clone()).or_default();
            if let Some(e) = v.iter_mut().find(|(l, _)| *l == id) {
                e.1 .0 |= flag.0;
            } else {
                v.push((id, flag));
            }
        }
        id
    }

    /// What the dictionaries hold for a lower-cased word; `None` when it starts no phrase, is
    /// no verb form and is in none of the annotator's word lists.
    #[inline]
    pub fn word(&self, lower: &str) -> Option<&WordEntry> {
        self.words.get(lower)
    }

    /// The longest actor or agent phrase starting at token `i`, whose [`Lexicon::word`] entry
    /// is `word` (looked up once per token and shared with the cue and verb readings).
    /// (inlined: it is asked of every token, and most have no entry or start no phrase)
    #[inline]
    pub fn match_actor_at(
        &self,
        word: Option<&WordEntry>,
        tokens: &[Token],
        i: usize,
        text: &str,
    ) -> Option<PhraseMatch<'_>> {
        let word = word?;
        // (the bit is on the entry's first line, which the look-up read)
        if word.has & HAS_ACTORS == 0 {
            return None;
        }
        self.actors
            .longest_of(word.actors, tokens, i, text)
            .map(|(len, entries)| PhraseMatch { len, entries })
    }

    /// The longest cue phrase starting at token `i`, whose [`Lexicon::word`] entry is `word`.
    /// (inlined, as [`Lexicon::match_actor_at`])
    #[inline]
    pub fn match_cue_at(
        &self,
        word: Option<&WordEntry>,
        tokens: &[Token],
        i: usize,
        text: &str,
    ) -> Option<(usize, &[CueClass])> {
        let word = word?;
        if word.has & HAS_CUES == 0 {
            return None;
        }
        self.cues.longest_of(word.cues, tokens, i, text)
    }

    /// Verb readings of a lower-cased word: `(lemma id, form)`.
    pub fn verb_readings(&self, lower: &str) -> &[(u32, VerbForm)] {
        self.verb_forms.get(lower).map_or(&[], |v| v.as_slice())
    }

    pub fn lemma(&self, id: u32) -> &str {
        &self.lemmas[id as usize]
    }

    pub fn lemma_id_of(&self, lemma: &str) -> Option<u32> {
        self.lemma_ids.get(lemma).copied()
    }

    /// Patterns of a verb, most specific first.
    pub fn verb_patterns(&self, id: u32) -> &[Arc<CompiledPattern>] {
        &self.verb_patterns[id as usize]
    }

    /// Whether a pattern of the verb wants `word` as its nearest word before the verb (the
    /// first word of a multi-word verb: `wire * tap` for PETRARCH's `WIRE_+TAP`).
    pub fn has_pre_word(&self, id: u32, word: &str) -> bool {
        self.verb_patterns(id).iter().any(|p| {
            p.pre
                .last()
                .is_some_and(|alts| alts.iter().any(|run| run.len() == 1 && run[0] == word))
        })
    }

    /// Whether a pattern of the verb may match a clause with no subject (a `$` slot, or an
    /// imported TABARI pattern).
    pub fn matches_without_subject(&self, id: u32) -> bool {
        // (a lemma made after the patterns were indexed has none)
        self.subjectless.get(id as usize).copied().unwrap_or(false)
    }

    /// Indices (into `verb_patterns(id)`, in priority order) of the patterns that can match
    /// when the words after the verb are `following` (lower-cased).
    /// `following_keys` are the [`Lexicon::literal_id`]s of the words after the verb;
    /// `sentence_keys` gives those of every word of the sentence, asked for only when a
    /// pattern's alternatives decide whether it is a candidate ([`PatternBucket::by_alt`]).
    /// `bits` is scratch space for the result (its contents are replaced).
    pub fn candidate_patterns<'b, 's>(
        &self,
        id: u32,
        following_keys: &[u32],
        sentence_keys: impl FnOnce() -> &'s [u32],
        bits: &'b mut Vec<u64>,
    ) -> CandidateBits<'b> {
        let PatternIndex {
            by_first,
            none,
            bucket_bloom,
            ..
        } = &self.verb_index[id as usize];
        // a bit per pattern, read out in order: common verbs have hundreds of patterns, and
        // sorting the merged lists at every verb cost more than the matching
        bits.clear();
        bits.extend_from_slice(none);
        let mut set = |list: &[u32]| {
            for &i in list {
                bits[i as usize / 64] |= 1 << (i % 64);
            }
        };
        let mut sentence_keys = Some(sentence_keys);
        let mut in_sentence: &[u32] = &[];
        for &k in following_keys {
            let files = self
                .index_keys
                .get(k as usize / 64)
                .is_some_and(|w| w & (1 << (k % 64)) != 0);
            let bit = bucket_bit(k);
            if !files || bucket_bloom[bit / 64] & (1 << (bit % 64)) == 0 {
                continue;
            }
            let Some(bucket) = by_first.get(&k) else {
                continue;
            };
            set(&bucket.direct);
            if bucket.by_alt.is_empty() {
                continue;
            }
            if let Some(fill) = sentence_keys.take() {
                in_sentence = fill();
            }
            for s in in_sentence {
                if let Some(list) = bucket.by_alt.get(s) {
                    set(list);
                }
            }
        }
        CandidateBits { bits, word: 0 }
    }

    /// The [`PatternFilter`]s of a verb's patterns (index-aligned with
    /// [`Lexicon::verb_patterns`]) and the pool of ids they read.
    #[inline]
    pub fn pattern_filters(&self, id: u32) -> (&[PatternFilter], &[u32]) {
        let ix = &self.verb_index[id as usize];
        (&ix.filters, &ix.pool)
    }

    /// The number of a [`literal_key`] that some pattern literal has; `None` when no pattern
    /// has it (so a word with that key matches no literal).
    pub fn literal_id(&self, key: &str) -> Option<u32> {
        self.literal_ids.get(key).copied()
    }

    /// [`Lexicon::literal_id`] of the [`literal_key`] of the lower-cased word `lower`.
    pub fn literal_id_of_word(&self, lower: &str) -> Option<u32> {
        // (a key starts with its word's first byte: `singular` and the "-ies" → "-y" of
        // `literal_key` only change a word's ending)
        if let Some(&b) = lower.as_bytes().first() {
            if self.literal_first[usize::from(b >> 6)] & (1 << (b & 63)) == 0 {
                return None;
            }
        }
        let find = |key: &str| {
            let filtered = literal_bloom_bits(key).into_iter().any(|bit| {
                self.literal_bloom
                    .get(bit / 64)
                    .is_none_or(|w| w & (1 << (bit % 64)) == 0)
            });
            if filtered {
                return None;
            }
            self.literal_id(key)
        };
        // (`literal_key` without its allocation for an "-ies" word: the key made on the stack)
        match lower.strip_suffix("ies") {
            Some(stem) if lower.len() > 4 && stem.len() < 63 => {
                let mut buf = [0u8; 64];
                buf[..stem.len()].copy_from_slice(stem.as_bytes());
                buf[stem.len()] = b'y';
                // (the stem ends before an ASCII "ies": still UTF-8)
                find(std::str::from_utf8(&buf[..stem.len() + 1]).ok()?)
            }
            Some(_) if lower.len() > 4 => find(&literal_key(lower)),
            _ => find(singular(lower)),
        }
    }

    /// How many literal ids there are: every [`Lexicon::literal_id`] is below this.
    pub fn literal_count(&self) -> usize {
        self.literal_ids.len()
    }

    /// Patterns of an event noun (given in any number), most specific first.
    pub fn noun_patterns(&self, lower: &str) -> &[Arc<CompiledPattern>] {
        let bit = noun_prefix_bit(lower);
        if self
            .noun_prefixes
            .get(bit / 64)
            .is_none_or(|w| w & (1 << (bit % 64)) == 0)
        {
            return &[];
        }
        if let Some(v) = self.noun_patterns.get(singular(lower)) {
            return v;
        }
        if let Some(stem) = lower.strip_suffix("ies") {
            let y = format!("{stem}y");
            if let Some(v) = self.noun_patterns.get(&y) {
                return v;
            }
        }
        &[]
    }

    /// Whether the agent `dict.agents[agent]` is `owned` (see [`Lexicon::owned_agents`]).
    #[inline]
    pub fn agent_owned(&self, agent: u32) -> bool {
        let a = agent as usize;
        match self.owned_agents.get(a / 64) {
            Some(w) => w & (1 << (a % 64)) != 0,
            // (an agent past the table: read from the dictionary, as before it)
            None => self.dict.agents[a].owned,
        }
    }

    /// Cue classes of a verb lemma (speech, denial, intent ...).
    pub fn lemma_cues(&self, id: u32) -> &[CueClass] {
        self.lemma_cues.get(&id).map_or(&[], |v| v.as_slice())
    }

    /// [`LemmaBits`] of a verb lemma.
    #[inline]
    pub fn lemma_bits(&self, id: u32) -> LemmaBits {
        self.lemma_bits
            .get(id as usize)
            .copied()
            .unwrap_or_default()
    }

    /// Numbers for `dyad dict stats`.
    pub fn phrase_count(&self) -> usize {
        self.actors.len()
    }

    pub fn verb_pattern_count(&self) -> usize {
        self.verb_patterns.iter().map(Vec::len).sum()
    }

    pub fn noun_pattern_count(&self) -> usize {
        self.noun_patterns.values().map(Vec::len).sum()
    }
}

fn err(o: &Origin, message: String) -> DictError {
    DictError {
        file: o.file.to_string(),
        line: o.line,
        message,
    }
}

/// The actor and agent trie of a dictionary (built on its own thread at start-up).
fn build_actor_trie(dict: &Dictionary) -> (PhraseTrie<LexEntry>, Vec<DictError>) {
    let mut actors: PhraseTrie<LexEntry> = PhraseTrie::default();
    let mut errors = Vec::new();
    for (i, c) in dict.countries.iter().enumerate() {
        let i = i as u32;
        let mut add = |name: &str, kind: ActorKind, sector: Option<String>| {
            actors.insert_name(
                name,
                LexEntry::Actor {
                    kind,
                    entry: i,
                    sector,
                },
                true,
            )
        };
        for n in &c.names {
            add(n, ActorKind::CountryName, None);
        }
        // "the Saudi-led coalition", "US-led forces": the country that leads an alliance
        // qualifies it as its adjective does (not "-backed": a backer is not the actor)
        for n in &c.adjectives {
            add(n, ActorKind::CountryAdjective, None);
        }
        for n in c
            .adjectives
            .iter()
            .chain(&c.names)
            .filter(|n| !n.contains(' '))
        {
            add(&format!("{n}-led"), ActorKind::CountryAdjective, None);
        }
        for n in &c.demonyms {
            add(n, ActorKind::Demonym, None);
        }
        for n in &c.capitals {
            add(n, ActorKind::Capital, Some("GOV".into()));
        }
        for (n, s) in &c.institutions {
            add(n, ActorKind::Institution, Some(s.clone()));
        }
    }
    for (i, p) in dict.people.iter().enumerate() {
        for n in std::iter::once(&p.name).chain(&p.aliases) {
            actors.insert_name(
                n,
                LexEntry::Actor {
                    kind: ActorKind::Person,
                    entry: i as u32,
                    sector: None,
                },
                true,
            );
        }
        if p.roles.is_empty() && p.code.is_none() {
            errors.push(err(
                &p.origin,
                format!("person {:?} has neither a role nor a code", p.name),
            ));
        }
    }
    for (i, o) in dict.organizations.iter().enumerate() {
        for n in &o.names {
            actors.insert_name(
                n,
                LexEntry::Actor {
                    kind: ActorKind::OrgName,
                    entry: i as u32,
                    sector: None,
                },
                true,
            );
        }
        for n in &o.refs {
            let n = n
                .strip_prefix("the ")
                .or_else(|| n.strip_prefix("The "))
                .unwrap_or(n);
            actors.insert_name(
                n,
                LexEntry::Actor {
                    kind: ActorKind::OrgRef,
                    entry: i as u32,
                    sector: None,
                },
                true,
            );
        }
    }
    for (i, a) in dict.agents.iter().enumerate() {
        for n in &a.nouns {
            actors.insert_name(
                n,
                LexEntry::Agent {
                    entry: i as u32,
                    plural: false,
                },
                false,
            );
            let pl = pluralize(n);
            if pl != *n {
                actors.insert_name(
                    &pl,
                    LexEntry::Agent {
                        entry: i as u32,
                        plural: true,
                    },
                    false,
                );
            }
        }
    }
    actors.finish();
    (actors, errors)
}

/// `tanks|armored_vehicles` → `[["tanks"], ["armored", "vehicles"]]`: the alternatives of a
/// pattern literal, each a run of adjacent lower-cased words.
fn alternatives(literal: &str) -> Vec<Vec<String>> {
    literal
        .split('|')
        .map(|a| {
            a.split('_')
                .filter(|x| !x.is_empty())
                .map(|x| x.to_lowercase())
                .collect::<Vec<_>>()
        })
        .filter(|a| !a.is_empty())
        .collect()
}

/// Everything but the actor trie: verb forms, cues, verb and noun patterns.
fn compile_rest(
    lex: &mut Lexicon,
    dict: &Dictionary,
    errors: &mut Vec<DictError>,
    allow_unknown_codes: bool,
) {
    // Verb forms: irregulars first
    let mut irregular: FxHashMap<&str, Vec<&super::IrregularVerb>> = FxHashMap::default();
    for v in &dict.irregular {
        irregular.entry(v.lemma.as_str()).or_default().push(v);
    }
    // Every verb of the irregular list is known as a verb, patterns or not: clause analysis
    // needs to see "was seen to", "had told" as verbs.
    for v in &dict.irregular {
        lex.lemma_id(&v.lemma, &irregular);
    }
    // Cues
    let mut verbal_phrases: Vec<(&str, CueClass)> = Vec::new();
    for c in dict.modality.iter().chain(&dict.discards) {
        let is_discard = dict.discards.iter().any(|d| std::ptr::eq(d, c));
        let class = if is_discard {
            match c.class.as_str() {
                "sentence" => Some(CueClass::DiscardSentence),
                "article" => Some(CueClass::DiscardArticle),
                "story" => Some(CueClass::DiscardStory),
                _ => None,
            }
        } else {
            CueClass::parse(&c.class)
        };
        let Some(class) = class else {
            errors.push(err(&c.origin, format!("unknown cue class {:?}", c.class)));
            continue;
        };
        for p in &c.phrases {
            lex.cues.insert(p, class, false);
            if class.is_verbal() && p.contains(' ') {
                verbal_phrases.push((p, class));
            }
            if class.is_verbal() && !p.contains(' ') {
                let id = lex.lemma_id(p, &irregular);
                let v = lex.lemma_cues.entry(id).or_default();
                if !v.contains(&class) {
                    v.push(class);
                }
            }
        }
    }

    // An entry written as a past, participle or third-person form of an irregular verb is also
    // filed under that verb, for that form only. A form that is an irregular verb itself
    // ("lay", past of "lie") is not.
    let mut inflected: FxHashMap<&str, &str> = FxHashMap::default();
    for v in &dict.irregular {
        for form in [Some(&v.past), Some(&v.participle), v.third.as_ref()]
            .into_iter()
            .flatten()
        {
            if form != &v.lemma && !irregular.contains_key(form.as_str()) {
                inflected.insert(form.as_str(), v.lemma.as_str());
            }
        }
    }

    // Patterns
    for p in &dict.verbs {
        let mut all_words: Vec<&str> = p.text.split_whitespace().collect();
        // `adopt resolution +? =`: the words match only as written
        let exact_words = all_words.last() == Some(&"=");
        if exact_words {
            all_words.pop();
        }
        // `said * accuse +`: words before `*` must stand before the verb
        let (mut pre, words): (Vec<String>, &[&str]) =
            match all_words.iter().position(|w| *w == "*") {
                Some(k) if k + 1 < all_words.len() => (
                    all_words[..k].iter().map(|w| w.to_lowercase()).collect(),
                    &all_words[k + 1..],
                ),
                Some(_) => {
                    errors.push(err(
                        &p.origin,
                        "`*` must be followed by the verb lemma".into(),
                    ));
                    continue;
                }
                None => (Vec::new(), &all_words[..]),
            };
        let compound_subject = pre.first().is_some_and(|w| w == "%");
        if compound_subject {
            pre.remove(0);
        }
        // `+` first with a `$` after the verb: the subject is acted upon; `+` anywhere else
        // before the verb (`noted + * regret`, `+ was * extradite`): the target stands there
        let subject_is_target =
            pre.first().is_some_and(|w| w == "+") && pre.len() == 1 && words.contains(&"$");
        if subject_is_target {
            pre.remove(0);
        }
        let target_before = pre.iter().position(|w| w == "+");
        if let Some(k) = target_before {
            pre.remove(k);
        }
        // `recently_ * allow`: the last words before `*`, written with `_` last, stand right
        // before the verb
        let verb_adjacent = pre
            .last()
            .is_some_and(|w| w.split('|').all(|a| a.ends_with('_')));
        if pre.iter().any(|w| {
            !w.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '.' | '|' | '_'))
                || w.split('|').any(|a| a.split('_').all(str::is_empty))
        }) {
            errors.push(err(
                &p.origin,
                "words before `*` must be plain words".into(),
            ));
            continue;
        }
        let lemma = words[0].to_lowercase();
        if !lemma.chars().all(|c| c.is_alphabetic() || c == '-') {
            errors.push(err(
                &p.origin,
                format!(
                    "verb pattern must start with the verb lemma, found {:?}",
                    words[0]
                ),
            ));
            continue;
        }
        let mut elems = Vec::new();
        let mut bad = None;
        let mut target_required = false;
        let mut loose_target = false;
        for w in &words[1..] {
            match *w {
                "+" => elems.push(PatElem::Target),
                "+!" => {
                    elems.push(PatElem::Target);
                    target_required = true;
                }
                "+?" => {
                    elems.push(PatElem::Target);
                    loose_target = true;
                }
                // an explicit source after the verb ("clashes between $")
                "$" => elems.push(PatElem::Source),
                "^" => elems.push(PatElem::Skip),
                w if w
                    .chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'') =>
                {
                    elems.push(PatElem::Word(w.to_lowercase()))
                }
                w if !w.starts_with(['|', '+', '$']) => elems.push(PatElem::Alt(alternatives(w))),
                w => bad = Some(format!("unexpected {w:?} in pattern")),
            }
        }
        if elems.iter().filter(|e| **e == PatElem::Target).count() > 1 {
            bad = Some("a verb pattern has at most one `+`".into());
        }
        if elems.iter().filter(|e| **e == PatElem::Source).count() > 1 {
            bad = Some("a verb pattern has at most one `$`".into());
        }
        if target_before.is_some()
            && (elems.contains(&PatElem::Target) || pre.iter().any(|w| w == "+") || pre.is_empty())
        {
            bad = Some(
                "a pattern with its target before the verb (`noted + * regret`) has no other `+`"
                    .into(),
            );
        }
        if subject_is_target
            && (elems.contains(&PatElem::Target) || !elems.contains(&PatElem::Source))
        {
            bad = Some(
                "a pattern whose subject is the target (`+` before the verb) needs a `$` after \
                 the verb and no other `+`"
                    .into(),
            );
        }
        if let Some(m) = bad {
            errors.push(err(&p.origin, m));
            continue;
        }
        let id = lex.lemma_id(&lemma, &irregular);
        // ... and an entry written as a regular past form (PETRARCH's `CALLED`): the verb whose
        // past it is ("eed" verbs are their own lemmas: "proceed" is no past of "procee")
        let regular_base = || {
            let n = lemma.len();
            if n < 5 || !lemma.ends_with("ed") || lemma.ends_with("eed") {
                return None;
            }
            let stems = [
                lemma[..n - 2].to_string(),
                lemma[..n - 1].to_string(),
                lemma[..n - 3].to_string(),
                format!("{}y", &lemma[..n - 3]),
            ];
            stems.into_iter().find(|b| inflect(b)[2] == lemma)
        };
        let base = inflected
            .get(lemma.as_str())
            .map(|b| b.to_string())
            .or_else(regular_base)
            .map(|base| lex.lemma_id(&base, &irregular));
        let pre: Vec<Vec<Vec<String>>> = pre.iter().map(|w| alternatives(w)).collect();
        // words count, not elements: `most_certainly_did_n't_ever *` beats `did_n't ever *`
        // a `%` is a condition too: `% * agree` beats `agree` for a compound subject
        let specificity = 1
            + usize::from(compound_subject)
            + usize::from(subject_is_target || target_before.is_some())
            + pre
                .iter()
                .map(|alts| alts.iter().map(Vec::len).min().unwrap_or(0))
                .sum::<usize>()
            + elems
                .iter()
                .filter(|e| matches!(e, PatElem::Word(_) | PatElem::Alt(_)))
                .count();
        let pattern = CompiledPattern {
            code: p.code.clone(),
            reverse_code: p.reverse_code.clone(),
            elems,
            specificity,
            text: p.text.clone(),
            origin: p.origin.clone(),
            noun_at: 0,
            keys: Vec::new(),
            key_ids: Vec::new(),
            key_bloom: 0,
            partner_key: None,
            target_required,
            loose_target,
            pre,
            compound_subject,
            subject_is_target,
            target_before,
            verb_adjacent,
            only_form: None,
            exact_words,
            alt_index: Vec::new(),
            alt_keys: Vec::new(),
            alt_requires: Vec::new(),
            citations: OnceLock::new(),
        };
        // "wound" is a verb of its own and the past of "wind": the entry is kept under its
        // own lemma ("wounded") and filed under the other verb for this one form
        if let Some(base) = base {
            lex.verb_patterns[base as usize].push(Arc::new(CompiledPattern {
                specificity: pattern.specificity + 1,
                only_form: Some(lemma.clone()),
                ..pattern.clone()
            }));
        }
        lex.verb_patterns[id as usize].push(Arc::new(pattern));
    }
    for p in &dict.nouns {
        let mut elems = Vec::new();
        let mut noun_at = None;
        for w in p.text.split_whitespace() {
            match w {
                "+" => elems.push(PatElem::Target),
                "$" | "$'s" => elems.push(PatElem::Source),
                w => {
                    if noun_at.is_none() {
                        noun_at = Some(elems.len());
                    }
                    elems.push(PatElem::Word(w.to_lowercase()))
                }
            }
        }
        let Some(noun_at) = noun_at else {
            errors.push(err(&p.origin, "noun pattern has no noun".into()));
            continue;
        };
        if !elems.contains(&PatElem::Source) {
            errors.push(err(
                &p.origin,
                "noun pattern needs a source slot `$`".into(),
            ));
            continue;
        }
        let PatElem::Word(noun) = &elems[noun_at] else {
            unreachable!()
        };
        let key = singular(noun).to_string();
        let specificity = elems
            .iter()
            .filter(|e| matches!(e, PatElem::Word(_)))
            .count();
        lex.noun_patterns
            .entry(key)
            .or_default()
            .push(Arc::new(CompiledPattern {
                code: p.code.clone(),
                reverse_code: None,
                elems,
                specificity,
                text: p.text.clone(),
                origin: p.origin.clone(),
                noun_at,
                keys: Vec::new(),
                key_ids: Vec::new(),
                key_bloom: 0,
                partner_key: None,
                target_required: false,
                loose_target: false,
                pre: Vec::new(),
                compound_subject: false,
                subject_is_target: false,
                target_before: None,
                verb_adjacent: false,
                only_form: None,
                exact_words: false,
                alt_index: Vec::new(),
                alt_keys: Vec::new(),
                alt_requires: Vec::new(),
                citations: OnceLock::new(),
            }));
    }
    for v in lex
        .verb_patterns
        .iter_mut()
        .chain(lex.noun_patterns.values_mut())
    {
        // (of as many literals, the one of more words is the more specific: `hold
        // peace_talks|nuclear_talks` says more than `hold talks`)
        v.sort_by_key(|p| std::cmp::Reverse((p.specificity, joined_words(&p.elems))));
    }
    // Unknown codes
    let ont = crate::ontology::Ontology::get();
    for p in dict
        .verbs
        .iter()
        .chain(&dict.nouns)
        .filter(|_| !allow_unknown_codes)
    {
        for code in std::iter::once(&p.code).chain(&p.reverse_code) {
            if ont.lookup(code).is_none() {
                errors.push(err(&p.origin, format!("unknown CAMEO code {code}")));
            }
        }
    }
    lex.verb_patterns.iter_mut().for_each(|v| {
        v.retain(|p| {
            allow_unknown_codes
                || (ont.lookup(&p.code).is_some()
                    && p.reverse_code
                        .as_ref()
                        .is_none_or(|r| ont.lookup(r).is_some()))
        })
    });
    for v in lex
        .verb_patterns
        .iter_mut()
        .chain(lex.noun_patterns.values_mut())
    {
        for p in v.iter_mut() {
            let keys = p
                .elems
                .iter()
                .filter_map(|e| {
                    if let PatElem::Word(w) = e {
                        Some(literal_key(w).into_owned())
                    } else {
                        None
                    }
                })
                .collect();
            let p = Arc::get_mut(p).expect("patterns are not shared while compiling");
            p.keys = keys;
            let mut id_of = |k: &str| {
                let next = lex.literal_ids.len() as u32;
                *lex.literal_ids.entry(k.to_string()).or_insert(next)
            };
            p.key_ids = p.keys.iter().map(|k| id_of(k)).collect();
            p.key_bloom = p.key_ids.iter().fold(0, |b, &k| b | 1 << (k % 64));
            if p.key_ids.is_empty() {
                let first_alt = p.elems.iter().find_map(|e| match e {
                    PatElem::Alt(alts) => Some(alts),
                    _ => None,
                });
                if let Some(alts) = first_alt {
                    let firsts: Vec<String> = alts
                        .iter()
                        .filter_map(|run| run.first())
                        .map(|w| literal_key(w).into_owned())
                        .collect();
                    // (every alternative has a first word to look for)
                    if firsts.len() == alts.len() {
                        p.alt_keys = firsts.iter().map(|k| id_of(k)).collect();
                    }
                }
            }
            // (the word itself, as the words after the verb are compared with it)
            p.partner_key = p.partner_prep().map(id_of);
            p.alt_index = p
                .elems
                .iter()
                .map(|e| match e {
                    PatElem::Alt(alts) => AltIndex::new(alts),
                    _ => AltIndex::default(),
                })
                .collect();
        }
    }
    // (after every literal's key has its id, so that adding these, most of them found in no
    // literal, renumbers none)
    for v in lex.verb_patterns.iter_mut() {
        for p in v.iter_mut() {
            let p = Arc::get_mut(p).expect("patterns are not shared while compiling");
            let mut id_of = |k: &str| {
                let next = lex.literal_ids.len() as u32;
                *lex.literal_ids.entry(k.to_string()).or_insert(next)
            };
            let mut requires = Vec::new();
            for e in &p.elems {
                let PatElem::Alt(alts) = e else { continue };
                let mut ids: Vec<u32> = alts
                    .iter()
                    .filter_map(|run| run.first())
                    .flat_map(|w| literal_keys_matching(w, p.exact_words))
                    .map(|k| id_of(&k))
                    .collect();
                ids.sort_unstable();
                ids.dedup();
                requires.push(ids.into_boxed_slice());
            }
            p.alt_requires = requires;
        }
    }
    for k in lex.literal_ids.keys() {
        if let Some(&b) = k.as_bytes().first() {
            lex.literal_first[usize::from(b >> 6)] |= 1 << (b & 63);
        }
    }
    lex.literal_bloom = vec![0; (1 << 16) / 64];
    for k in lex.literal_ids.keys() {
        for bit in literal_bloom_bits(k) {
            lex.literal_bloom[bit / 64] |= 1 << (bit % 64);
        }
    }
    // A pattern is filed under the literal of its words fewest verb patterns have: every
    // literal but a partner preposition must follow the verb for a match, and "of" in
    // `accuse + of war crimes` would make it a candidate at every "accused ... of", with 170
    // others ("war" and "crime" are in few patterns).
    let mut patterns_with = vec![0u32; lex.literal_ids.len()];
    for p in lex.verb_patterns.iter().flatten() {
        for (j, &k) in p.key_ids.iter().enumerate() {
            if !p.key_ids[..j].contains(&k) {
                patterns_with[k as usize] += 1;
            }
        }
    }
    let index_key = |p: &CompiledPattern| {
        let required = p
            .key_ids
            .iter()
            .enumerate()
            .filter(|&(j, &k)| j == 0 || Some(k) != p.partner_key)
            .map(|(_, &k)| k);
        // (the first of the rarest)
        required.min_by_key(|&k| patterns_with[k as usize])
    };
    let index = |pats: &[Arc<CompiledPattern>]| {
        let mut by: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
        let mut none = vec![0u64; pats.len().div_ceil(64)];
        for (i, p) in pats.iter().enumerate() {
            match index_key(p) {
                Some(k) => by.entry(k).or_default().push(i as u32),
                None if !p.alt_keys.is_empty() => {
                    for &k in &p.alt_keys {
                        let v = by.entry(k).or_default();
                        if v.last() != Some(&(i as u32)) {
                            v.push(i as u32);
                        }
                    }
                }
                None => none[i / 64] |= 1 << (i % 64),
            }
        }
        let by_first: FxHashMap<u32, PatternBucket> = by
            .into_iter()
            .map(|(k, list)| {
                let mut bucket = PatternBucket::default();
                if list.len() <= PatternBucket::SPLIT_ABOVE {
                    bucket.direct = list;
                    return (k, bucket);
                }
                for i in list {
                    let smallest = pats[i as usize]
                        .alt_requires
                        .iter()
                        .min_by_key(|ids| ids.len());
                    match smallest {
                        Some(ids) => {
                            for &id in ids.iter() {
                                bucket.by_alt.entry(id).or_default().push(i);
                            }
                        }
                        None => bucket.direct.push(i),
                    }
                }
                (k, bucket)
            })
            .collect();
        let mut pool = Vec::new();
        let filters = pats
            .iter()
            .map(|p| PatternFilter::new(p, &mut pool))
            .collect();
        let mut bucket_bloom = [0u64; 4];
        for &k in by_first.keys() {
            let bit = bucket_bit(k);
            bucket_bloom[bit / 64] |= 1 << (bit % 64);
        }
        PatternIndex {
            by_first,
            none,
            filters,
            pool,
            bucket_bloom,
        }
    };
    lex.verb_index = lex.verb_patterns.iter().map(|v| index(v)).collect();
    lex.index_keys = vec![0; lex.literal_ids.len().div_ceil(64)];
    for k in lex.verb_index.iter().flat_map(|ix| ix.by_first.keys()) {
        lex.index_keys[*k as usize / 64] |= 1 << (k % 64);
    }
    lex.subjectless = lex
        .verb_patterns
        .iter()
        .map(|v| {
            v.iter()
                .any(|p| p.elems.contains(&PatElem::Source) || p.loose_target)
        })
        .collect();
    // A verbal cue phrase ("reject accusations") holds in every form of its verb ("rejected
    // accusations"), once the patterns have made the verb known; a first word that is no verb
    // ("according to") stays as written.
    let wanted: FxHashMap<u32, ()> = verbal_phrases
        .iter()
        .filter_map(|(p, _)| lex.lemma_ids.get(p.split(' ').next()?).map(|&id| (id, ())))
        .collect();
    let mut forms_of: FxHashMap<u32, Vec<&str>> = FxHashMap::default();
    for (form, readings) in &lex.verb_forms {
        for (id, _) in readings {
            if wanted.contains_key(id) {
                forms_of.entry(*id).or_default().push(form);
            }
        }
    }
    let mut inflected: Vec<(String, CueClass)> = Vec::new();
    for (p, class) in &verbal_phrases {
        let (first, rest) = p.split_once(' ').expect("multi-word");
        let Some(id) = lex.lemma_ids.get(first) else {
            continue;
        };
        for form in forms_of.get(id).into_iter().flatten() {
            if *form != first {
                inflected.push((format!("{form} {rest}"), *class));
            }
        }
    }
    for (p, class) in inflected {
        lex.cues.insert(&p, class, false);
    }
    lex.cues.finish();
    lex.noun_patterns
        .values_mut()
        .for_each(|v| v.retain(|p| allow_unknown_codes || ont.lookup(&p.code).is_some()));
    lex.noun_prefixes = vec![0; (1 << 16) / 64];
    for key in lex.noun_patterns.keys() {
        for bit in noun_prefix_bits(key) {
            lex.noun_prefixes[bit / 64] |= 1 << (bit % 64);
        }
    }
    // (the parser's facts about each verb, made once here because clause analysis asks them
    // at every verb; what they mean is the parser's, `crate::code::lemma_flags` — the one
    // place the dictionary layer reads the parser)
    lex.lemma_bits = (0..lex.lemmas.len() as u32)
        .map(|id| LemmaBits {
            cues: crate::code::cue_bits(lex.lemma_cues(id)),
            flags: crate::code::lemma_flags(
                lex.lemma(id),
                lex.verb_patterns(id),
                lex.matches_without_subject(id),
            ),
        })
        .collect();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_table_finds_every_word_and_no_other() {
        // words of every length around the key's boundaries (3/4, 7/8, 16/17 bytes), sharing
        // their first and last bytes, and long words equal in both halves of their key
        let mut words: Vec<String> = vec![
            "a".into(),
            "ab".into(),
            "aab".into(),
            "abb".into(),
            "abcd".into(),
            "abxcd".into(),
            "abcdefgh".into(),
            "abcdefgxh".into(),
            "abcdefgh12345678".into(),
            "abcdefgh-12345678".into(),
            "abcdefgh--12345678".into(),
            "abcdefgh++12345678".into(),
            "côte d'ivoire".into(),
        ];
        words.extend((0..500).map(|k| format!("w{k}")));
        let map: FxHashMap<String, WordEntry> = words
            .iter()
            .enumerate()
            .map(|(k, w)| {
                let mut entry = WordEntry::default();
                entry.set_literal(Some(k as u32));
                (w.clone(), entry)
            })
            .collect();
        let table = WordTable::new(map);
        for (k, w) in words.iter().enumerate() {
            assert_eq!(
                table.get(w).and_then(|e| e.literal_id()),
                Some(k as u32),
                "{w}"
            );
        }
        for w in [
            "",
            "b",
            "ba",
            "abc",
            "abcde",
            "abcdefg",
            "abcdefgh-1234567",
            "w500",
            "abcdefgh==12345678",
        ] {
            assert!(table.get(w).is_none(), "{w}");
        }
        assert!(WordTable::default().get("a").is_none());
    }

    #[test]
    fn british_spellings_are_the_same_verb() {
        let mut d = crate::dict::Dictionary::default();
        crate::dict::parse_file("verbs.txt", "111  criticize +\n", &mut d);
        let (lex, _) = Lexicon::compile(d);
        for w in [
            "criticise",
            "criticised",
            "criticises",
            "criticising",
            "criticized",
        ] {
            assert!(!lex.verb_readings(w).is_empty(), "{w}");
        }
    }

    #[test]
    fn inflects_regular_verbs() {
        assert_eq!(
            inflect("accuse"),
            ["accuse", "accuses", "accused", "accused", "accusing"]
        );
        assert_eq!(
            inflect("deny"),
            ["deny", "denies", "denied", "denied", "denying"]
        );
        assert_eq!(
            inflect("attack"),
            ["attack", "attacks", "attacked", "attacked", "attacking"]
        );
        assert_eq!(inflect("push")[1], "pushes");
        assert_eq!(inflect("agree")[4], "agreeing");
        assert_eq!(inflect("die")[4], "dying");
    }

    #[test]
    fn pluralizes_and_singularizes() {
        assert_eq!(pluralize("soldier"), "soldiers");
        assert_eq!(pluralize("militia"), "militias");
        assert_eq!(pluralize("party"), "parties");
        assert_eq!(pluralize("policeman"), "policemen");
        assert_eq!(pluralize("riot police"), "riot police");
        assert_eq!(pluralize("foreign minister"), "foreign ministers");
        assert!(literal_matches("sanction", "sanctions"));
        assert!(literal_matches("party", "parties"));
        assert!(literal_matches("talk", "talks"));
        assert!(!literal_matches("talk", "walks"));
    }

    /// Every word a literal matches has one of [`literal_keys_matching`]'s keys: matching
    /// leaves a pattern untried when no word of the sentence has one.
    #[test]
    fn literal_keys_matching_covers_every_match() {
        let words = "party parties part parts partie ties tie tiey tiy lies lie lied talk talks \
            sanction sanctions press presses bus buses church churches crisis status ally allies \
            alley alleys die dies s y ies xies xie xiey boxes box boxe policy policies polic \
            polics policys";
        for literal in words.split_whitespace() {
            for word in words.split_whitespace() {
                let key = literal_key(word).into_owned();
                if literal == word || literal_matches(literal, word) {
                    assert!(
                        literal_keys_matching(literal, false).contains(&key),
                        "{literal} matches {word}"
                    );
                }
                if literal == word {
                    assert!(
                        literal_keys_matching(literal, true).contains(&key),
                        "{word}"
                    );
                }
            }
        }
    }
}
