//! Stage 4 — **Annotate**: dictionary matches and coarse word classes for one sentence.
//!
//! Three things come out of this stage, all indexed by token:
//!
//! * a coarse [`Tag`] for every token — closed-class words (determiners, prepositions,
//!   auxiliaries, modals, negators, subordinators) are grammar and live here as short lists;
//!   open-class words are `Noun`, `Name` or, when the verb table knows them and the context
//!   allows a verb, `Verb`;
//! * [`ActorPhrase`]s — maximal runs of actor and agent matches glued into one referring
//!   expression ("Turkish Foreign Minister Mevlut Cavusoglu", "the head of the Russian army",
//!   "Ukraine's president"), plus pronouns and bare names, with coordination groups
//!   ("Russia and China");
//! * cue matches (modality and discard words).
//!
//! Choosing between the noun and verb reading of "attack", "talks" or "calls" is done from the
//! previous word, the way a reader does it: after a determiner or a country adjective it is a
//! noun ("the attacks", "Russian attacks"), after a subject, modal, auxiliary or `to` it is a verb.

use crate::dict::{ActorKind, LexEntry, Lexicon, PatElem, VerbForm, WordEntry};
use crate::gazetteer::{Feature, Gazetteer, Place, PlaceId};
use crate::modality::CueClass;
use crate::segment::{Sentence, Token, TokenKind};

/// Coarse word class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    Det,
    Pron,
    Prep,
    Conj,
    Sub,
    Be,
    Have,
    Do,
    Modal,
    Neg,
    To,
    Punct,
    Num,
    Adv,
    /// The possessive `'s` / `'`.
    Poss,
    /// A word inside an actor phrase.
    Actor,
    Verb,
    /// A capitalised word the dictionaries do not know (part of a name).
    Name,
    /// Any other word (nouns and adjectives).
    Noun,
}

/// Participles that news writes mostly as adjectives before a noun ("sweeping sanctions",
/// "growing tensions", "crippling sanctions", "heavily armed gangs"): there they are no verbs.
const ATTRIBUTIVE_PARTICIPLES: &[&str] = &[
    "armed",
    "sweeping",
    "growing",
    "rising",
    "mounting",
    "increasing",
    "ongoing",
    "continuing",
    "existing",
    "remaining",
    "leading",
    "crippling",
    "punishing",
    "devastating",
    "damning",
    "scathing",
    "unprecedented",
    "lingering",
    "escalating",
    "deepening",
    "worsening",
    "widening",
    "looming",
    "outgoing",
    "incoming",
    "ruling",
    "governing",
    "opposing",
    "warring",
    "neighbouring",
    "neighboring",
    "surrounding",
    // ("the RSF and allied militias", "Iran-backed and affiliated groups")
    "allied",
    "affiliated",
];

const DETS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "its", "their", "his", "her", "our", "my", "your",
    "every", "each", "some", "any", "no", "another", "all", "both", "either", "several", "many",
    "few", "more", "most", "other", "such", "much", "what", "whose",
];
const PRONOUNS: &[&str] = &[
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "him",
    "them",
    "us",
    "me",
    "itself",
    "themselves",
    "himself",
    "herself",
];
const PREPS: &[&str] = &[
    "in",
    "on",
    "at",
    "of",
    "with",
    "against",
    "by",
    "from",
    "into",
    "onto",
    "over",
    "under",
    "for",
    "about",
    "after",
    "before",
    "during",
    "between",
    "among",
    "near",
    "across",
    "through",
    "toward",
    "towards",
    "without",
    "within",
    "via",
    "amid",
    "amidst",
    "despite",
    "upon",
    "along",
    "around",
    "beyond",
    "following",
    "including",
    "inside",
    "outside",
    "off",
    "out",
    "up",
    "down",
    "since",
    "until",
    "till",
    "than",
    "like",
    "per",
    "behind",
    "beside",
    "besides",
    "alongside",
    "throughout",
    "regarding",
    "concerning",
    "as",
    "ahead",
    "past",
];
const CONJS: &[&str] = &["and", "or", "but", "nor", "yet", "&"];
const SUBS: &[&str] = &[
    "that",
    "which",
    "who",
    "whom",
    "while",
    "because",
    "although",
    "though",
    "whereas",
    "when",
    "where",
    "if",
    "unless",
    "whether",
    "once",
    "so",
    "otherwise",
    "after",
    "before",
    "since",
    "as",
];
const BE: &[&str] = &[
    "be", "am", "is", "are", "was", "were", "been", "being", "'s", "'re", "'m",
];
const HAVE: &[&str] = &["has", "have", "had", "having", "'ve", "'d"];
const DO: &[&str] = &["do", "does", "did"];
const MODALS: &[&str] = &[
    "will", "would", "can", "could", "may", "might", "shall", "should", "must", "'ll", "wo", "ca",
];
const NEGS: &[&str] = &["not", "n't", "never"];
const ADVS: &[&str] = &[
    "also",
    "again",
    "already",
    "still",
    "now",
    "then",
    "just",
    "even",
    "yesterday",
    "today",
    "tonight",
    "once",
    "recently",
    "previously",
    "earlier",
    "later",
    "soon",
    "too",
    "further",
    "repeatedly",
    "jointly",
    "formally",
    "officially",
    "reportedly",
    "allegedly",
    "apparently",
    "publicly",
    "strongly",
    "sharply",
    "briefly",
    "swiftly",
    "quickly",
    "immediately",
    "overnight",
    "late",
    "early",
    "twice",
    "thrice",
    "ever",
    "long",
    "always",
    "often",
    "frequently",
    "here",
    "there",
    "away",
    "back",
    "instead",
    "meanwhile",
    "however",
    "nevertheless",
    "moreover",
];
pub(crate) const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
    "tonight",
    "overnight",
    "weekend",
];
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];
const TIME_UNITS: &[&str] = &[
    "week",
    "month",
    "year",
    "weekend",
    "morning",
    "afternoon",
    "evening",
    "night",
    "day",
    "decade",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
];
/// Collective role nouns that take a plural verb ("police fire tear gas").
const COLLECTIVE: &[&str] = &[
    "police",
    "people",
    "military",
    "clergy",
    "media",
    "youth",
    "public",
    "staff",
    "personnel",
    "militia",
    "security forces",
    "opposition",
];

/// The last bytes of the [`COLLECTIVE`] nouns, a bit each (bit `b % 64` of word `b / 64`): a
/// phrase ending with another byte ends with none of them.
const COLLECTIVE_LAST_BYTES: [u64; 4] = last_bytes(COLLECTIVE);

const fn last_bytes(words: &[&str]) -> [u64; 4] {
    let mut bits = [0u64; 4];
    let mut k = 0;
    while k < words.len() {
        let w = words[k].as_bytes();
        let b = w[w.len() - 1];
        bits[(b >> 6) as usize] |= 1 << (b & 63);
        k += 1;
    }
    bits
}

const NUMBER_WORDS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "fifteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "dozen",
    "dozens",
    "scores",
    "tens",
    "several",
    "numerous",
    "half",
];

/// Words ending in -ly that are not adverbs.
const NOT_ADV_LY: &[&str] = &[
    "rally", "ally", "italy", "july", "family", "assembly", "supply", "reply", "apply", "fly",
    "only", "likely", "early", "anomaly", "monopoly", "bully", "daily", "weekly", "monthly",
    "elderly", "friendly", "deadly", "holy", "ugly",
];

/// Pronoun referents for coreference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    /// he/him/she/her: the last person named.
    Person,
    /// they/them: the last plural actor (or group).
    Plural,
    /// it: the last country, organisation or institution.
    Thing,
    /// we/I/us: the speaker; only resolved inside quotes.
    Speaker,
    /// "the two sides", "both countries", "the two foreign ministers": the two parties of the
    /// last bilateral act or coordinated subject.
    Pair,
    /// "the country's", "the nation's" (with the role it owns: "the country's president"): the
    /// country named nearest before it, else last.
    Country,
}

/// A referring expression that may name an actor.
#[derive(Debug, Clone)]
pub struct ActorPhrase {
    /// Token range `[start, end)`.
    pub start: usize,
    pub end: usize,
    /// Country, region, demonym, adjective or capital: `(country entry, how named)`.
    pub country: Option<(u32, ActorKind)>,
    pub person: Option<u32>,
    /// Organisation entry and whether named or referred to (`OrgRef`).
    pub org: Option<(u32, ActorKind)>,
    /// Institution: country entry and sector.
    pub institution: Option<(u32, String)>,
    /// The deciding agent entry (see the agents format: last non-generic wins).
    pub agent: Option<u32>,
    /// A prefix agent written before another role ("MSF Arnor diplomat" for PETRARCH's
    /// `MSF [NGO~]`): its sector goes before the country, the role's after (`NGOARNGOV`).
    pub prefix_agent: Option<u32>,
    /// Any agent noun in the phrase was plural.
    pub plural: bool,
    pub pronoun: Option<Pronoun>,
    /// Token indices of capitalised words that are not in the dictionaries (people's names).
    pub names: Vec<usize>,
    /// Preceded by "the" (definite description: "the president", "the ministry").
    pub definite: bool,
    /// Ends with a possessive `'s` right after it ("Russia's").
    pub possessive: bool,
    /// Coordination group: phrases joined by "and" / "," share it.
    pub group: usize,
    /// A lone role noun modifying a noun ("army base", "military action"): it can be a target
    /// (the base is the army's) but never a subject.
    pub modifier: bool,
    /// Dictionary entries that matched, with their token ranges: provenance, formatted only
    /// for the events and explanations that need it ([`ActorPhrase::describe_entries`]).
    pub matched: Vec<(LexEntry, usize, usize)>,
    /// "his country", "their nation": the country of whoever the phrase's [`Pronoun`] refers
    /// to, not that actor itself.
    pub owners_country: bool,
}

impl ActorPhrase {
    fn new(start: usize, end: usize, group: usize) -> ActorPhrase {
        ActorPhrase {
            start,
            end,
            country: None,
            person: None,
            org: None,
            institution: None,
            agent: None,
            prefix_agent: None,
            plural: false,
            pronoun: None,
            names: vec![],
            definite: false,
            possessive: false,
            group,
            modifier: false,
            matched: vec![],
            owners_country: false,
        }
    }

    /// Only a role ("police", "the foreign minister", "leaders"): no country, person,
    /// organisation or institution of its own says whose it is.
    pub fn is_bare_role(&self) -> bool {
        self.agent.is_some()
            && self.country.is_none()
            && self.org.is_none()
            && self.person.is_none()
            && self.institution.is_none()
    }

    /// Only a country adjective ("Russian"): a modifier, not a referring expression by itself.
    pub fn is_bare_adjective(&self) -> bool {
        matches!(self.country, Some((_, ActorKind::CountryAdjective)))
            && self.agent.is_none()
            && self.person.is_none()
            && self.org.is_none()
            && self.institution.is_none()
            && self.names.is_empty()
    }
}

/// Annotations of one sentence.
#[derive(Debug, Clone)]
pub struct Annotated {
    pub tags: Vec<Tag>,
    /// The verb reading chosen for tokens tagged `Verb`: `(lemma id, form)`.
    pub verb: Vec<Option<(u32, VerbForm)>>,
    /// Token → index into `phrases`.
    pub phrase_of: Vec<Option<usize>>,
    pub phrases: Vec<ActorPhrase>,
    /// `(first token, token count, class)`.
    pub cues: Vec<(usize, usize, CueClass)>,
    /// Capitalisation is uninformative (a Title Case headline).
    pub title_case: bool,
    /// End (exclusive token index) of a dateline at the start of the sentence.
    pub dateline: Option<usize>,
    /// [`Lexicon::literal_id_of_word`] of each token that is a dictionary word, read from its
    /// [`Lexicon::word`] entry (`None`: not known here). Pattern matching reads the literal id
    /// of most words after a verb, and a dictionary word's costs no look-up there.
    pub literal_ids: Vec<Option<Option<u32>>>,
}

impl Annotated {
    pub fn has_cue_at(&self, i: usize, class: CueClass) -> bool {
        self.cues
            .iter()
            .any(|&(s, n, c)| c == class && s <= i && i < s + n)
    }
}

/// [`WordClass::time`] bit: a weekday or a day word ([`WEEKDAYS`]).
const TIME_WEEKDAY: u8 = 1;
/// [`WordClass::time`] bit: a month name or abbreviation without its period ([`MONTHS`]).
const TIME_MONTH: u8 = 2;
/// [`WordClass::time`] bit: a unit of time ([`TIME_UNITS`]).
const TIME_UNIT: u8 = 4;

/// [`WordClass::flags`] bit: a word of the adverbial tests of time expressions and quantities
/// ([`ADVERBIAL_WORDS`]).
const FLAG_ADVERBIAL: u8 = 1;
/// [`WordClass::flags`] bit: a word that can start an actor phrase without being a dictionary
/// match, pronoun or name ([`PHRASE_START_WORDS`]).
const FLAG_PHRASE_START: u8 = 2;

/// Every word the adverbial tests of time expressions and quantities compare a token with
/// ("on Monday", "last week", "at least", "more than", "nearly 40").
const ADVERBIAL_WORDS: &[&str] = &[
    "on", "in", "last", "next", "this", "early", "late", "that", "at", "least", "most", "more",
    "less", "than", "fewer", "over", "nearly", "almost", "around", "about", "some", "roughly",
];
/// Honorifics and pair-reference openers: words that start an actor phrase of their own.
const PHRASE_START_WORDS: &[&str] = &[
    "mr.", "mrs.", "ms.", "dr.", "the", "both", "his", "her", "their",
];

/// What the word lists say of one lower-cased word: its closed-class tag, its time-word bits
/// (`TIME_*`) and whether later tests compare it with a literal word (`FLAG_*`). The lexicon
/// keeps each listed word's class in its [`WordEntry`] ([`word_list_classes`]), so a token's
/// class comes with the look-up of its dictionary word.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct WordClass {
    tag: Option<Tag>,
    time: u8,
    /// (a bit per word list that a per-token test would otherwise compare every token with)
    flags: u8,
}

impl WordClass {
    /// Of a token whose [`Lexicon::word`] is `entry`: the tag of a closed-class word, from the
    /// lists above (the first list that has the word wins), or an adverb by its -ly ending;
    /// and its time-word bits. No punctuation or number is in the word lists.
    #[inline]
    fn of(t: &Token, entry: Option<&WordEntry>) -> WordClass {
        let mut class = entry.map_or(WordClass::default(), WordEntry::class);
        if t.kind != TokenKind::Word {
            // (the literal-word flags hold of the text whatever its kind)
            return WordClass {
                flags: class.flags,
                ..WordClass::default()
            };
        }
        let lower = t.lower.as_str();
        if class.tag.is_none()
            && lower.len() > 4
            && lower.ends_with("ly")
            && !NOT_ADV_LY.contains(&lower)
        {
            class.tag = Some(Tag::Adv);
        }
        class
    }
}

/// The class of every word of the closed-class and time-word lists, for the lexicon's
/// [`WordEntry`]s.
pub(crate) fn word_list_classes() -> rustc_hash::FxHashMap<&'static str, WordClass> {
    let mut m = rustc_hash::FxHashMap::default();
    let subs: Vec<&'static str> = SUBS
        .iter()
        .copied()
        .filter(|w| !matches!(*w, "after" | "before" | "since" | "as"))
        .collect();
    let lists: [(&[&'static str], Tag); 12] = [
        (NEGS, Tag::Neg),
        (&["to"], Tag::To),
        (MODALS, Tag::Modal),
        (BE, Tag::Be),
        (HAVE, Tag::Have),
        (DO, Tag::Do),
        (DETS, Tag::Det),
        (PRONOUNS, Tag::Pron),
        (CONJS, Tag::Conj),
        (&subs, Tag::Sub),
        (PREPS, Tag::Prep),
        (NUMBER_WORDS, Tag::Num),
    ];
    for (list, tag) in lists {
        for w in list {
            let c: &mut WordClass = m.entry(*w).or_default();
            c.tag.get_or_insert(tag);
        }
    }
    for w in ADVS {
        let c: &mut WordClass = m.entry(*w).or_default();
        c.tag.get_or_insert(Tag::Adv);
    }
    for (list, bit) in [
        (WEEKDAYS, TIME_WEEKDAY),
        (MONTHS, TIME_MONTH),
        (TIME_UNITS, TIME_UNIT),
    ] {
        for w in list {
            let c: &mut WordClass = m.entry(*w).or_default();
            c.time |= bit;
        }
    }
    for (list, bit) in [
        (ADVERBIAL_WORDS, FLAG_ADVERBIAL),
        (PHRASE_START_WORDS, FLAG_PHRASE_START),
    ] {
        for w in list {
            let c: &mut WordClass = m.entry(*w).or_default();
            c.flags |= bit;
        }
    }
    m
}

/// Head nouns of a pair reference ("the two sides", "both governments").
const PAIR_HEADS: &[&str] = &[
    "sides",
    "countries",
    "nations",
    "states",
    "leaders",
    "governments",
    "parties",
    "delegations",
    "neighbours",
    "neighbors",
    "rivals",
    "presidents",
    "ministers",
    "premiers",
    "capitals",
    "allies",
    "foes",
    "adversaries",
    "militaries",
    "armies",
    "men",
    "heads",
    "envoys",
    "negotiators",
    "teams",
    "camps",
];

/// Head nouns that are a pair reference after "the" alone: words for two parties set against
/// or beside each other.
const PAIR_ONLY_HEADS: &[&str] = &[
    "neighbours",
    "neighbors",
    "rivals",
    "arch-rivals",
    "foes",
    "adversaries",
];

/// The length of a pair reference starting at `i`: "the two sides", "both countries", "the two
/// foreign ministers", "both the leaders". `None` elsewhere ("both sides of the border" is
/// still a pair reference; its resolution decides whether it names anyone).
fn pair_reference_len(toks: &[Token], i: usize) -> Option<usize> {
    let lower = |k: usize| toks.get(k).map_or("", |t| t.lower.as_str());
    // "The neighbours fought a border war", "the South Caucasus neighbours", "the
    // nuclear-armed rivals": nouns that in news name the two sides a story is about, with
    // "the" alone and up to two words before them (not "the neighbours of Israel")
    if lower(i) == "the" {
        let word = |k: usize| toks.get(k).is_some_and(|t| t.kind == TokenKind::Word);
        let head = (i + 1..i + 4)
            .take_while(|&k| word(k))
            .find(|&k| PAIR_ONLY_HEADS.contains(&lower(k)));
        if let Some(h) = head.filter(|&h| lower(h + 1) != "of") {
            return Some(h + 1 - i);
        }
    }
    let det = match (lower(i), lower(i + 1)) {
        ("the", "two") | ("both", "the") => 2,
        ("both", _) => 1,
        _ => return None,
    };
    let head = i + det;
    if PAIR_HEADS.contains(&lower(head)) {
        return Some(det + 1);
    }
    // one lower-case modifier: "the two foreign ministers", "both warring sides"
    let modifier = toks
        .get(head)
        .is_some_and(|t| !t.capitalized && t.kind == TokenKind::Word);
    (modifier && PAIR_HEADS.contains(&lower(head + 1))).then_some(det + 2)
}

/// People a town must have before its name is read as a place actor: smaller towns' names
/// collide with surnames and ordinary capitalised words too often.
const TOWN_MIN_POPULATION: u64 = 100_000;

/// A town or region of the gazetteer starting at `i` that the dictionaries do not know
/// ("Kharkiv", "Idlib", "Tigray"): its length and its country's dictionary entry. Only big
/// towns whose name is no person's, and hand-written regions.
///
/// `in_country`: the country entry the text puts the place in ("the northern Mozambican town
/// of Palma", see [`place_kind_country`]): only a place of that name there will do — Palma
/// on Mallorca is no evidence of Spain — and with none there, the name stands for a place of
/// that country.
fn town_at(
    lex: &Lexicon,
    toks: &[Token],
    text: &str,
    i: usize,
    in_country: Option<u32>,
) -> Option<(usize, u32)> {
    let gaz = Gazetteer::embedded();
    let end = (i + 4).min(toks.len());
    // (on the stack: a vector here was an allocation per capitalised unknown word)
    let mut words = [""; 4];
    for (w, t) in words.iter_mut().zip(&toks[i..end]) {
        *w = t.text(text);
    }
    let words = &words[..end - i];
    // every word of the name is an unknown capitalised word (no dictionary actor inside)
    // "the town of Batken": a place named as one may be small, when the gazetteer puts every
    // town of the name in one country
    let named_as_place = i >= 2
        && toks[i - 1].lower == "of"
        && matches!(toks[i - 2].lower.as_str(), "town" | "city" | "village");
    let (len, id) = match in_country {
        None if named_as_place => match big_town_at(gaz, words) {
            Some(found) => found,
            None => {
                let (len, ids) = gaz.match_at(words, 0)?;
                let towns = || {
                    ids.iter()
                        .map(|&c| gaz.place(c))
                        .filter(|p| p.feature == Feature::City && !p.person_name_clash)
                };
                let country = towns().next()?.country;
                if !towns().all(|p| p.country == country) {
                    return None;
                }
                let iso = country?;
                return Some((len, lex.country_entry(iso)?));
            }
        },
        None => big_town_at(gaz, words)?,
        Some(entry) => {
            let (len, ids) = gaz.match_at(words, 0)?;
            let there: Vec<_> = ids
                .iter()
                .copied()
                .filter(|&c| {
                    gaz.place(c).country.and_then(|iso| lex.country_entry(iso)) == Some(entry)
                })
                .collect();
            // (a place the gazetteer does not know there is still where the text puts it)
            match gaz.disambiguate(&there, &[]) {
                Some(id) if is_town_actor(gaz.place(id)) => (len, id),
                Some(_) => return None,
                None => return Some((len, entry)),
            }
        }
    };
    let iso = gaz.place(id).country?;
    Some((len, lex.country_entry(iso)?))
}

/// Whether a place may stand for its country as a town actor ([`town_at`]): a big town whose
/// name is no person's, or a hand-written region.
fn is_town_actor(place: &Place) -> bool {
    match place.feature {
        Feature::City => place.population >= TOWN_MIN_POPULATION && !place.person_name_clash,
        Feature::Region => true,
        Feature::Country => false,
    }
}

/// How many first words [`big_town_at`] remembers per thread before it starts afresh.
const TOWN_MEMO_WORDS: usize = 4096;

/// The town or region at the start of `words` that may stand for its country when the text
/// puts it in none ([`town_at`] without `in_country`): the name's length in words and the place.
///
/// Remembered per thread by the first word as written, when that word alone decides the
/// answer (no longer name of the gazetteer begins with it: [`Gazetteer::match_at_telling_reach`]).
/// Annotation asks this of every capitalised word the dictionaries do not know, mostly
/// people's names, which recur through an article and across articles; each answer was a
/// binary search of the gazetteer's index and a look at every place of the name, a dozen
/// cache misses (`town_at` was 4.4 % of the time to code news, of which the search and the
/// places were nearly all).
fn big_town_at(gaz: &'static Gazetteer, words: &[&str]) -> Option<(usize, PlaceId)> {
    /// First word as written → its [`big_town_at`].
    type TownMemo = rustc_hash::FxHashMap<Box<str>, Option<(usize, PlaceId)>>;
    thread_local! {
        static TOWNS: std::cell::RefCell<TownMemo> = std::cell::RefCell::default();
    }
    let first = *words.first()?;
    if let Some(known) = TOWNS.with_borrow(|m| m.get(first).copied()) {
        return known;
    }
    let (found, first_decides) = gaz.match_at_telling_reach(words, 0);
    let town = found.and_then(|(len, ids)| {
        let id = gaz.disambiguate(ids, &[])?;
        is_town_actor(gaz.place(id)).then_some((len, id))
    });
    if first_decides {
        TOWNS.with_borrow_mut(|m| {
            if m.len() >= TOWN_MEMO_WORDS {
                m.clear();
            }
            m.insert(first.into(), town);
        });
    }
    town
}

/// Whether the capitalised unknown word at `i` ends a name begun by the one before it: "Jose
/// Ruben Zamora" is a person, not the town of Zamora (a town's own words are matched from its
/// first: "San Jose", "Rio de Janeiro").
fn ends_a_name(toks: &[Token], tags: &[Tag], i: usize) -> bool {
    i > 0 && tags[i - 1] == Tag::Name && toks[i - 1].capitalized
}

/// The country entry of "<country> <kind of place> of" right before token `i` ("the
/// Mozambican town of", "the Syrian city of"): the country the text puts the place named at
/// `i` in.
fn place_kind_country(
    toks: &[Token],
    mention_at: &[Option<(usize, &LexEntry)>],
    i: usize,
) -> Option<u32> {
    if i < 3 || toks[i - 1].lower != "of" {
        return None;
    }
    if !matches!(
        toks[i - 2].lower.as_str(),
        "town" | "city" | "village" | "port" | "region" | "province" | "district" | "state"
    ) {
        return None;
    }
    match mention_at[i - 3] {
        Some((
            1,
            LexEntry::Actor {
                kind: ActorKind::CountryAdjective | ActorKind::CountryName,
                entry,
                ..
            },
        )) => Some(*entry),
        _ => None,
    }
}

/// Where a possessive reference to a country starting at `i` ends: "the country's" (two
/// tokens, possessive) or "the country's president" (with the role it owns, when a role noun
/// follows right after the possessive). `None` elsewhere: "left the country", "across the
/// nation" name a place, not an actor.
fn country_reference_end(
    lex: &Lexicon,
    toks: &[Token],
    tags: &[Tag],
    mention_at: &[Option<(usize, &LexEntry)>],
    i: usize,
) -> Option<usize> {
    let lower = |k: usize| toks.get(k).map_or("", |t| t.lower.as_str());
    if lower(i) != "the"
        || !matches!(lower(i + 1), "country" | "nation")
        || tags.get(i + 2) != Some(&Tag::Poss)
    {
        return None;
    }
    let role = mention_at
        .get(i + 3)
        .copied()
        .flatten()
        .and_then(|(len, e)| match e {
            LexEntry::Agent { entry, .. } if !lex.dict.agents[*entry as usize].owned => Some(len),
            _ => None,
        });
    Some(role.map_or(i + 2, |len| i + 3 + len))
}

/// The end of "the country", "the nation" or "the South American country" at `i` standing
/// for a country named before ("threatened tariffs on the South American country"): not
/// possessive ([`country_reference_end`] reads "the country's"), not before a role ("the
/// country director") and not after a preposition of place ("across the country", "left the
/// country" are where, not whom).
fn country_noun_reference_end(
    lex: &Lexicon,
    toks: &[Token],
    mention_at: &[Option<(usize, &LexEntry)>],
    i: usize,
) -> Option<usize> {
    let lower = |k: usize| toks.get(k).map_or("", |t| t.lower.as_str());
    if lower(i) != "the" {
        return None;
    }
    // a region's adjective may stand between ("the South American country", "the Gulf state"
    // is left out: "state" is also a government)
    let noun_at = match mention_at.get(i + 1).copied().flatten() {
        Some((
            len,
            LexEntry::Actor {
                kind: ActorKind::CountryAdjective,
                entry,
                ..
            },
        )) if lex.dict.countries[*entry as usize].is_region => i + 1 + len,
        _ => i + 1,
    };
    if !matches!(lower(noun_at), "country" | "nation") {
        return None;
    }
    let end = noun_at + 1;
    let after = lower(end);
    if after == "'s" || after == "'" || mention_at.get(end).copied().flatten().is_some() {
        return None;
    }
    if i > 0 && names_a_place_after(lower(i - 1)) {
        return None;
    }
    Some(end)
}

/// Whether a word before "the country" or "his country" makes it a place, where rather than
/// whom: "across the country", "left the country", "the whole country".
fn names_a_place_after(word: &str) -> bool {
    matches!(
        word,
        "in" | "across"
            | "throughout"
            | "around"
            | "within"
            | "inside"
            | "outside"
            | "into"
            | "from"
            | "leave"
            | "left"
            | "leaving"
            | "leaves"
            | "fled"
            | "flee"
            | "of"
            | "entire"
            | "all"
            | "whole"
    )
}

/// "his country", "her nation", "their country" at `i`: the pronoun whose referent's country
/// it is. Not after a preposition of place ("returned to his country", "in their country"
/// are where, not whom).
fn owners_country_at(toks: &[Token], i: usize) -> Option<Pronoun> {
    let owner = match toks[i].lower.as_str() {
        "his" | "her" => Pronoun::Person,
        "their" => Pronoun::Plural,
        _ => return None,
    };
    if !toks
        .get(i + 1)
        .is_some_and(|t| matches!(t.lower.as_str(), "country" | "nation"))
    {
        return None;
    }
    // (and "returned to his country": a journey's end)
    let place = i > 0 && (toks[i - 1].lower == "to" || names_a_place_after(&toks[i - 1].lower));
    (!place).then_some(owner)
}

fn pronoun_kind(lower: &str) -> Option<Pronoun> {
    Some(match lower {
        "he" | "him" | "she" | "her" | "himself" | "herself" => Pronoun::Person,
        "they" | "them" | "themselves" => Pronoun::Plural,
        "it" | "itself" => Pronoun::Thing,
        "we" | "us" | "i" | "me" => Pronoun::Speaker,
        _ => return None,
    })
}

/// Names known from earlier in the article (short names, honorific names): lower-cased token →
/// whether it is known. Supplied by the resolver so bare "Doe" becomes a phrase.
pub trait KnownNames {
    fn is_known_name(&self, lower: &str) -> bool;
}

/// What the dictionaries say of each token of a sentence ([`cue_table`]).
pub struct CueTable<'l> {
    /// Each token's [`Lexicon::word`]: its actor phrases, cue phrases and verb readings.
    pub words: Vec<Option<&'l WordEntry>>,
    /// The longest cue phrase at each token ([`Lexicon::match_cue_at`] at every index).
    pub cues: Vec<Option<(usize, &'l [CueClass])>>,
}

/// Each token's [`Lexicon::word`] (one hash look-up per token, read again by annotation for
/// actor phrases and verb readings) and the longest cue phrase at every token of `s`.
pub fn cue_table<'l>(lex: &'l Lexicon, s: &Sentence, text: &str) -> CueTable<'l> {
    let words: Vec<Option<&WordEntry>> = s.tokens.iter().map(|t| lex.word(&t.lower)).collect();
    let cues = words
        .iter()
        .enumerate()
        .map(|(i, &w)| lex.match_cue_at(w, &s.tokens, i, text))
        .collect();
    CueTable { words, cues }
}

/// Annotate one sentence.
pub fn annotate(lex: &Lexicon, s: &Sentence, text: &str, known: &dyn KnownNames) -> Annotated {
    annotate_with_cues(lex, s, text, known, &cue_table(lex, s, text))
}

/// [`annotate`] with the sentence's [`cue_table`] already made: the pipeline looks the cues up
/// once per article for its discard tests and hands each sentence's table on.
pub fn annotate_with_cues(
    lex: &Lexicon,
    s: &Sentence,
    text: &str,
    known: &dyn KnownNames,
    table: &CueTable,
) -> Annotated {
    let toks = &s.tokens;
    let n = toks.len();
    let cue_at = &table.cues;
    // verb readings of token `k`, from its dictionary word
    let readings = |k: usize| table.words[k].map_or(&[][..], WordEntry::verb_readings);
    // the word lists' verdict on every token, looked up once
    // (a month abbreviation's period is not part of its name: "Jan." is a month, settled here
    // once rather than at every test of its time bits)
    // (this and `mention_at` are working lists dropped at the end: they live in this
    // thread's buffers from the previous sentence instead of two allocations per sentence)
    let mut scratch = SCRATCH.take();
    let mut class = std::mem::take(&mut scratch.class);
    class.clear();
    class.extend(toks.iter().zip(&table.words).map(|(t, &w)| {
        let mut c = WordClass::of(t, w);
        // (only a word can be a month: other tokens have no time bits)
        if t.kind == TokenKind::Word && t.lower.ends_with('.') {
            c.time = if MONTHS.contains(&t.lower.trim_end_matches('.')) {
                TIME_MONTH
            } else {
                0
            };
        }
        c
    }));
    // A Title Case headline capitalises every content word; then capitals say nothing about names.
    let title_case = s.is_headline
        && toks
            .iter()
            .filter(|t| t.kind == TokenKind::Word && t.lower.len() > 3 && t.capitalized)
            .count()
            >= 3
        && toks.iter().zip(&class).all(|(t, c)| {
            t.kind != TokenKind::Word || t.capitalized || t.lower.len() <= 3 || c.tag.is_some()
        });

    // 0. A dateline ("ATHENS, April 18 (Reuters) -") names where the story was filed, not an
    //    actor: its words are not matched.
    let dateline = dateline_end(toks, text);

    // 1. Dictionary phrases (longest match, left to right).
    let mut mention_at = recycle(std::mem::take(&mut scratch.mention_at));
    mention_at.resize(n, None);
    let mut i = dateline.unwrap_or(0);
    while i < n {
        if let Some(m) = lex.match_actor_at(table.words[i], toks, i, text) {
            // OrgRefs only count once the organisation was named (checked by the resolver);
            // agents match anywhere.
            let entry = m
                .entries
                .iter()
                .find(|e| {
                    !matches!(
                        e,
                        LexEntry::Actor {
                            kind: ActorKind::OrgRef,
                            ..
                        }
                    )
                })
                .unwrap_or(&m.entries[0]);
            // a capital right after an unknown capitalised word is part of a longer name
            // ("Real Madrid", "Inter Milan")
            let in_longer_name = matches!(
                entry,
                LexEntry::Actor {
                    kind: ActorKind::Capital,
                    ..
                }
            ) && i > 0
                && toks[i - 1].capitalized
                && toks[i - 1].kind == TokenKind::Word
                && class[i - 1].tag.is_none()
                && lex
                    .match_actor_at(table.words[i - 1], toks, i - 1, text)
                    .is_none();
            // "a general strike", "general elections": lower-case "general" before such a noun
            // is an adjective, not an officer
            let adjective_general = m.len == 1
                && toks[i].lower == "general"
                && !toks[i].capitalized
                && toks.get(i + 1).is_some_and(|t| {
                    matches!(
                        t.lower.as_str(),
                        "strike"
                            | "strikes"
                            | "election"
                            | "elections"
                            | "amnesty"
                            | "mobilization"
                            | "mobilisation"
                            | "consensus"
                            | "debate"
                            | "shutdown"
                            | "lockdown"
                    )
                });
            // "Israel would strike Hezbollah", "threatened to shell the city": a weapon noun
            // that is also a verb is the verb after a modal, "to" or "did"
            let verb_after_auxiliary = m.len == 1
                && matches!(entry, LexEntry::Agent { .. })
                && i > 0
                && matches!(class[i - 1].tag, Some(Tag::Modal | Tag::To | Tag::Do))
                && readings(i).iter().any(|(_, f)| f.has(VerbForm::BASE));
            if in_longer_name || adjective_general || verb_after_auxiliary {
                i += m.len;
                continue;
            }
            mention_at[i] = Some((m.len, entry));
            i += m.len;
        } else {
            i += 1;
        }
    }

    // 2. Closed-class tags, names, numbers.
    // (mentions do not overlap: the end of the last one started is all a token needs to know
    // whether it is inside one)
    let mut mention_end = 0;
    let mut tags = Vec::with_capacity(n);
    for (i, t) in toks.iter().enumerate() {
        if let Some((len, _)) = mention_at[i] {
            mention_end = i + len;
        }
        let in_mention = i < mention_end;
        tags.push(match t.kind {
            // currency signs belong to the amount: "$5 billion in aid" is a filler like "5"
            TokenKind::Punct if matches!(t.lower.as_str(), "$" | "€" | "£" | "¥" | "%") => {
                Tag::Num
            }
            TokenKind::Punct => Tag::Punct,
            TokenKind::Number => Tag::Num,
            TokenKind::Word if in_mention => Tag::Actor,
            TokenKind::Word if t.lower == "'s" || t.lower == "'" => {
                // "'s" after a pronoun/it is "is"; after a name it is possessive
                if i > 0
                    && matches!(
                        toks[i - 1].lower.as_str(),
                        "it" | "he" | "she" | "that" | "there" | "what"
                    )
                {
                    Tag::Be
                } else {
                    Tag::Poss
                }
            }
            TokenKind::Word => match class[i].tag {
                Some(tag) => tag,
                None if t.capitalized
                    && !title_case
                    && ((i > 0 && !after_sentence_start(toks, i))
                        || known.is_known_name(&t.lower)) =>
                {
                    Tag::Name
                }
                None => Tag::Noun,
            },
        });
    }

    // Scare quotes around a few words inside a phrase ('vowed a "crushing response"', 'called
    // the release "extremely selfish"') are no quotation: they neither end a clause nor stop
    // a pattern, and the words inside are read as if unquoted.
    for i in 1..n {
        // (the tag first: a byte, where the word is a string)
        if tags[i] != Tag::Punct || toks[i].lower != "\"" || toks[i - 1].kind != TokenKind::Word {
            continue;
        }
        let close = (i + 2..(i + 6).min(n)).find(|&j| toks[j].lower == "\"");
        if let Some(j) = close {
            if toks[i + 1..j].iter().all(|t| t.kind == TokenKind::Word) {
                tags[i] = Tag::Adv;
                tags[j] = Tag::Adv;
            }
        }
    }

    // Time expressions and quantities are adverbial: they may stand anywhere between a verb and
    // its object ("threatened on Monday to", "arrested at least 63 protesters").
    // (the time bits of token `k`)
    let time = |k: usize| class.get(k).map_or(0, |c| c.time);
    for (i, c) in class.iter().enumerate() {
        // (every test below needs a time word or one of the listed words at `i`: most tokens
        // are neither, and skip the string comparisons)
        if c.time == 0 && c.flags & FLAG_ADVERBIAL == 0 {
            continue;
        }
        let l = toks[i].lower.as_str();
        let next = toks.get(i + 1).map(|t| t.lower.as_str());
        let prev = if i > 0 {
            Some(toks[i - 1].lower.as_str())
        } else {
            None
        };
        let is_time_word =
            time(i) & TIME_WEEKDAY != 0 || (toks[i].capitalized && time(i) & TIME_MONTH != 0);
        if (is_time_word
            || (matches!(l, "on" | "in" | "last" | "next" | "this" | "early" | "late")
                && time(i + 1) & (TIME_WEEKDAY | TIME_MONTH) != 0)
            || (matches!(l, "last" | "next" | "this" | "that") && time(i + 1) & TIME_UNIT != 0)
            || (time(i) & TIME_UNIT != 0
                && prev.is_some_and(|x| {
                    matches!(x, "last" | "next" | "this" | "that" | "later" | "earlier")
                }))
            || (l == "at" && next.is_some_and(|x| matches!(x, "least" | "most")))
            || (matches!(l, "least" | "most") && prev == Some("at"))
            // "most certainly", "more quickly": a degree word before an adverb
            || (matches!(l, "most" | "more" | "less" | "least")
                && tags.get(i + 1) == Some(&Tag::Adv))
            || (l == "than" && prev.is_some_and(|x| matches!(x, "more" | "less" | "fewer")))
            || (matches!(l, "more" | "less" | "fewer") && next == Some("than"))
            // "abducted over 100 schoolchildren", "killed nearly 40 people"
            || (matches!(
                l,
                "over" | "nearly" | "almost" | "around" | "about" | "some" | "roughly"
            ) && tags.get(i + 1) == Some(&Tag::Num)
                && prev.is_some_and(|x| x != "to")))
            && tags[i] != Tag::Actor
        {
            tags[i] = Tag::Adv;
        }
    }
    // "banned her for life", "gave her a medal": "her" before no noun is the object pronoun,
    // not the possessive
    for i in 0..n {
        if tags[i] == Tag::Det
            && toks[i].lower == "her"
            && tags.get(i + 1).is_none_or(|t| {
                matches!(
                    t,
                    Tag::Punct | Tag::Prep | Tag::Conj | Tag::To | Tag::Sub | Tag::Det | Tag::Adv
                )
            })
        {
            tags[i] = Tag::Pron;
        }
    }

    // 3. Actor phrases.
    let mut phrases: Vec<ActorPhrase> = Vec::new();
    // attack nouns read as the verb ("Israel strikes Hezbollah"): no phrase starts there
    // (grown only when an attack verb is found, which few sentences have)
    let mut attack_verb_at: Vec<bool> = Vec::new();
    let mut i = 0;
    while i < n {
        if attack_verb_at.get(i) == Some(&true) {
            tags[i] = Tag::Noun;
            i += 1;
            continue;
        }
        // most words start no phrase: not a dictionary match, pronoun, name, honorific or
        // pair reference ("the two sides", "both countries")
        if mention_at[i].is_none()
            && !matches!(tags[i], Tag::Pron | Tag::Name)
            && class[i].flags & FLAG_PHRASE_START == 0
        {
            i += 1;
            continue;
        }
        let start = i;
        let mut p = ActorPhrase::new(i, i, 0);
        let mut any = false;
        // honorific + name, pronoun, known short name
        if matches!(toks[i].lower.as_str(), "mr." | "mrs." | "ms." | "dr.")
            && i + 1 < n
            && tags[i + 1] == Tag::Name
        {
            p.end = i + 1;
            any = true;
        } else if let Some(len) = pair_reference_len(toks, i) {
            p.pronoun = Some(Pronoun::Pair);
            p.plural = true;
            p.definite = true;
            p.end = i + len;
            phrases.push(p);
            i += len;
            continue;
        } else if let Some(end) = country_reference_end(lex, toks, &tags, &mention_at, i) {
            // "the country's energy infrastructure", "the country's president"
            p.pronoun = Some(Pronoun::Country);
            p.definite = true;
            if end > i + 3 {
                if let Some((_, LexEntry::Agent { entry, plural })) = mention_at[i + 3] {
                    p.agent = Some(*entry);
                    p.plural = *plural;
                }
            } else {
                p.possessive = true;
            }
            p.end = end;
            phrases.push(p);
            i = end;
            continue;
        } else if let Some(owner) = owners_country_at(toks, i) {
            // "Sharif vowed that his country would avenge the deaths"
            p.pronoun = Some(owner);
            p.owners_country = true;
            p.definite = true;
            p.end = i + 2;
            if toks.get(i + 2).is_some_and(|t| t.lower == "'s") {
                p.possessive = true;
            }
            phrases.push(p);
            i += 2;
            continue;
        } else if let Some(end) = country_noun_reference_end(lex, toks, &mention_at, i) {
            // "tariffs on the South American country", "sanctions on the country"
            p.pronoun = Some(Pronoun::Country);
            p.definite = true;
            p.end = end;
            phrases.push(p);
            i = end;
            continue;
        } else if tags[i] == Tag::Pron {
            if let Some(k) = pronoun_kind(&toks[i].lower) {
                p.pronoun = Some(k);
                p.end = i + 1;
                phrases.push(p);
                i += 1;
                continue;
            }
        } else if tags[i] == Tag::Name && known.is_known_name(&toks[i].lower) {
            p.names.push(i);
            p.end = i + 1;
            any = true;
        } else if let Some((len, country)) = (tags[i] == Tag::Name && !ends_a_name(toks, &tags, i))
            .then(|| town_at(lex, toks, text, i, place_kind_country(toks, &mention_at, i)))
            .flatten()
        {
            p.country = Some((country, ActorKind::Town));
            p.end = i + len;
            any = true;
        }
        let mut j = if any { p.end } else { i };
        let mut after_of = false;
        loop {
            // "the National Liberation Army (ELN) rebels": an organisation's abbreviation in
            // parentheses right after its name belongs to the phrase, and so does a role
            // after it
            if p.end == j
                && matches!(p.org, Some((_, ActorKind::OrgName)))
                && j + 2 < n
                && toks[j].is_punct("(")
                && toks[j + 2].is_punct(")")
                && matches!(
                    mention_at[j + 1],
                    Some((
                        1,
                        LexEntry::Actor {
                            kind: ActorKind::OrgName,
                            ..
                        }
                    ))
                )
            {
                j += 3;
                p.end = j;
                continue;
            }
            if let Some((len, entry)) = mention_at.get(j).copied().flatten() {
                // "Israel strikes Iran": after a country's name, an attack noun that is also a
                // verb, followed by an actor or an article, is the verb ("Israeli strikes",
                // "Israel strikes on Gaza" stay the attacks)
                // ... and in a headline any role noun that is also a verb after a country or
                // a person ("Blinken heads to Israel", "Russia courts India")
                let third =
                    p.agent.is_none() && readings(j).iter().any(|(_, f)| f.has(VerbForm::THIRD));
                let object_next = mention_at.get(j + len).copied().flatten().is_some()
                    || matches!(tags.get(j + len), Some(Tag::Det) | Some(Tag::Name));
                let after_country = matches!(p.country, Some((_, ActorKind::CountryName)));
                let headline_verb = s.is_headline
                    && matches!(entry, LexEntry::Agent { .. })
                    && (p.person.is_some() || after_country)
                    && third
                    && (object_next || toks.get(j + len).is_some_and(|t| t.lower == "to"));
                let attack_verb = headline_verb
                    || matches!(entry, LexEntry::Agent { entry, .. }
                        if lex.dict.agents[*entry as usize].owned)
                        && after_country
                        && third
                        && object_next;
                if attack_verb {
                    if attack_verb_at.len() <= j {
                        attack_verb_at.resize(n, false);
                    }
                    attack_verb_at[j] = true;
                    break;
                }
                if absorb(lex, &mut p, entry, toks, j, len, text, after_of) {
                    after_of = false;
                    any = true;
                    j += len;
                    p.end = j;
                    continue;
                }
                break;
            }
            if !any {
                break;
            }
            // possessive glue: "Ukraine's president" (not a weapon: "North Korea's missile
            // test" is about a thing, not by a military)
            if tags.get(j) == Some(&Tag::Poss) {
                // ... past up to two lower-case modifiers ("Israel's far-right ministers",
                // "Russia's top diplomat") or words that qualify a title, in any case and even
                // when they could be verbs ("Russia's First Deputy Prime Minister", "Mali's
                // acting president")
                let modifier = |k: usize| {
                    mention_at[k].is_none()
                        && (TITLE_QUALIFIERS.contains(&toks[k].lower.as_str())
                            || tags[k] == Tag::Noun
                                && toks[k]
                                    .text(text)
                                    .starts_with(|c: char| c.is_ascii_lowercase())
                                && readings(k).is_empty())
                };
                let mut modifiers = (j + 1..(j + 3).min(n)).take_while(|&k| modifier(k)).count();
                // ... or two joined by "and" ("Ithilen's awful and evil minister")
                if modifiers == 1 && j + 4 < n && toks[j + 2].lower == "and" && modifier(j + 3) {
                    modifiers = 3;
                }
                if mention_at
                    .get(j + 1 + modifiers)
                    .copied()
                    .flatten()
                    .is_some_and(|(_, e)| match e {
                        LexEntry::Agent { entry, .. } => !lex.dict.agents[*entry as usize].owned,
                        LexEntry::Actor {
                            kind: ActorKind::Institution,
                            ..
                        } => true,
                        // "criticised Brazil's Luiz Inacio Lula da Silva": the person is the
                        // actor, the country says whose (it is no second party)
                        LexEntry::Actor {
                            kind: ActorKind::Person,
                            ..
                        } => p.org.is_none(),
                        _ => false,
                    })
                    && p.agent.is_none()
                    // (a named organisation's role is the organisation's: "the International
                    // Criminal Court's prosecutor", "NATO's secretary general")
                    && (p.country.is_some() || matches!(p.org, Some((_, ActorKind::OrgName))))
                    && p.person.is_none()
                {
                    j += 1 + modifiers;
                    continue;
                }
                // "the public prosecutor's office opened", "Zelenskiy's office said": a
                // person's or body's office acts for it
                if toks.get(j + 1).is_some_and(|t| t.lower == "office")
                    && mention_at.get(j + 1).copied().flatten().is_none()
                {
                    j += 2;
                    p.end = j;
                    break;
                }
                p.possessive = true;
                break;
            }
            // "of" glue: "the head of the Russian army", "the president of France", and "from":
            // "soldiers from Gondor"
            // ("withdrew peacekeepers from Somalia": after a verb, "from" belongs to the verb)
            // ("recalled all its diplomats from Israel": whose they are is said already)
            let after_verb = start > 0
                && (!readings(start - 1).is_empty()
                    || matches!(
                        toks[start - 1].lower.as_str(),
                        "its" | "their" | "his" | "her" | "our"
                    ));
            // ... and "in" before coordinated countries: "lawmakers in Fornost and Gondor" are
            // each country's (one country is found as the place named in the sentence)
            let country_at = |k: usize| match mention_at.get(k).copied().flatten() {
                Some((
                    len,
                    LexEntry::Actor {
                        kind: ActorKind::CountryName,
                        ..
                    },
                )) => Some(len),
                _ => None,
            };
            let in_countries = || {
                p.plural
                    && country_at(j + 1).is_some_and(|len| {
                        toks.get(j + 1 + len).is_some_and(|t| t.lower == "and")
                            && country_at(j + 2 + len).is_some()
                    })
            };
            if toks.get(j).is_some_and(|t| {
                t.lower == "of"
                    || (t.lower == "from" && p.plural && !after_verb)
                    || (t.lower == "in" && in_countries())
            }) && p.agent.is_some_and(|a| !lex.dict.agents[a as usize].owned)
                && p.country.is_none()
                && p.org.is_none()
                && p.person.is_none()
            {
                let mut k = if toks.get(j + 1).is_some_and(|t| t.lower == "the") {
                    j + 2
                } else {
                    j + 1
                };
                // "the mayor of the occupied Ukrainian city": a word or two before a country
                // adjective describe the place
                if let Some(skip) = (0..=2).find(|&m| {
                    m > 0
                        && (k..k + m).all(|x| {
                            x < n
                                && !toks[x].capitalized
                                && mention_at[x].is_none()
                                && matches!(tags[x], Tag::Noun | Tag::Verb)
                        })
                        && mention_at
                            .get(k + m)
                            .copied()
                            .flatten()
                            .is_some_and(|(_, e)| {
                                matches!(
                                    e,
                                    LexEntry::Actor {
                                        kind: ActorKind::CountryAdjective,
                                        ..
                                    }
                                )
                            })
                }) {
                    k += skip;
                }
                if let Some((_, e)) = mention_at.get(k).copied().flatten() {
                    // ... and a generic head takes the role after "of" for its sector ("the
                    // leader of the opposition", "members of the ruling party"), as it does
                    // the role before it ("opposition leader")
                    let role_for_generic = match e {
                        LexEntry::Agent { entry, .. } => {
                            p.agent.is_some_and(|a| lex.dict.agents[a as usize].generic)
                                && !lex.dict.agents[*entry as usize].generic
                                && t_is_of(toks, j)
                        }
                        LexEntry::Actor { .. } => false,
                    };
                    if matches!(e, LexEntry::Actor { .. }) || role_for_generic {
                        j = k;
                        after_of = true;
                        continue;
                    }
                } else if let Some((len, country)) = (k < n && toks[k].capitalized)
                    .then(|| town_at(lex, toks, text, k, None))
                    .flatten()
                {
                    // "the mayor of Melitopol", "residents of Kharkiv": the town's country
                    p.country = Some((country, ActorKind::Town));
                    p.end = k + len;
                    j = k + len;
                    continue;
                }
                break;
            }
            // names after a title or person: "Foreign Minister Mevlut Cavusoglu"
            if tags.get(j) == Some(&Tag::Name)
                && (p.agent.is_some()
                    || p.person.is_some()
                    || !p.names.is_empty()
                    || j == start + 1)
            {
                p.names.push(j);
                j += 1;
                p.end = j;
                continue;
            }
            // one modifier between a country adjective and a role noun: "Russian occupying forces"
            // ... and after an abbreviated country name used the same way: "U.S. peace envoy"
            let attributive_abbreviation = matches!(p.country, Some((_, ActorKind::CountryName)))
                && j > 0
                && toks[j - 1]
                    .text(text)
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c == '.');
            if tags.get(j) == Some(&Tag::Noun)
                && p.end == j
                && (matches!(p.country, Some((_, ActorKind::CountryAdjective)))
                    || attributive_abbreviation
                    || p.org.is_some()
                    || p.institution.is_some())
                && mention_at
                    .get(j + 1)
                    .copied()
                    .flatten()
                    .is_some_and(|(_, e)| {
                        matches!(
                            e,
                            LexEntry::Agent { .. }
                                | LexEntry::Actor {
                                    kind: ActorKind::OrgRef,
                                    ..
                                }
                        )
                    })
                && p.agent.is_none()
                && (readings(j).is_empty() || toks[j].lower.ends_with("ing"))
            {
                j += 1;
                continue;
            }
            break;
        }
        // a lone role noun modifying a noun is not an actor: "military action", "government
        // policy", "army base" (unless the next word can be its verb: "police fire"; but after
        // a possessive or an adjective of size it modifies even such a word: "its largest
        // military exercise", "joint military drills")
        let after_modifier_slot = start > 0
            && matches!(
                toks[start - 1].lower.as_str(),
                "its"
                    | "their"
                    | "his"
                    | "her"
                    | "our"
                    | "joint"
                    | "largest"
                    | "biggest"
                    | "annual"
                    | "major"
                    | "first"
            )
            && p.end < n
            && MODIFIED_BY_ROLE.contains(&toks[p.end].lower.as_str());
        let modifier = p.is_bare_role()
            && p.names.is_empty()
            && p.end < n
            && tags[p.end] == Tag::Noun
            && toks[p.end].kind == TokenKind::Word
            && (after_modifier_slot || readings(p.end).is_empty());
        // a town alone is a place things happen to, never a subject ("in western Aleppo
        // province on Wednesday, killing ...": the killing is not Aleppo's)
        let town_alone = matches!(p.country, Some((_, ActorKind::Town))) && p.agent.is_none();
        p.modifier = modifier || town_alone;
        // "a drone struck ...": a weapon with no owner in its phrase says nothing about who
        // acted, so it is no actor ("Russian drones" is)
        let unowned_weapon = p.agent.is_some_and(|a| lex.dict.agents[a as usize].owned)
            && p.country.is_none()
            && p.person.is_none()
            && p.org.is_none()
            && p.institution.is_none()
            && p.names.is_empty();
        if unowned_weapon {
            // the weapon is an ordinary noun again, for patterns that name it ("test-fired a
            // missile")
            for t in &mut tags[start..p.end] {
                if *t == Tag::Actor {
                    *t = Tag::Noun;
                }
            }
            i = p.end.max(start + 1);
            continue;
        }
        if any && p.end > start {
            p.definite = start > 0 && toks[start - 1].lower == "the";
            if p.agent.is_some() {
                let last = toks[p.end - 1].lower.as_str();
                let words = &toks[p.start..p.end];
                let plural_ending = last.ends_with('s')
                    && !last.ends_with("ss")
                    && !last.ends_with("us")
                    && !last.ends_with("is");
                // (a phrase that is a collective noun ends with it too; the joined words end
                // with the noun's last byte, which rules out most before any comparison)
                let collective = || {
                    let last_byte = last.as_bytes().last().copied();
                    last_byte.is_some_and(|b| {
                        COLLECTIVE_LAST_BYTES[usize::from(b >> 6)] & (1 << (b & 63)) != 0
                    }) && COLLECTIVE.iter().any(|c| {
                        c.as_bytes().last().copied() == last_byte && joined_ends_with(words, c)
                    })
                };
                if plural_ending || collective() {
                    p.plural = true;
                }
            }
            if p.end < n && tags[p.end] == Tag::Poss {
                p.possessive = true;
            }
            i = p.end;
            phrases.push(p);
        } else {
            i = start + 1;
        }
    }
    // coordination groups: "A and B", "A, B and C" (a comma alone does not coordinate: it
    // also separates clauses, "If Russia attacks Ukraine, the United States ...")
    #[derive(Clone, Copy, PartialEq)]
    enum Link {
        None,
        Comma,
        And,
        /// ", and": the last link of a list ("A, B, and C"), but after a single phrase the
        /// start of a new clause ("the resignation of President X, and security forces did
        /// not intervene")
        CommaAnd,
    }
    let mut links: Vec<Link> = (1..phrases.len())
        .map(|k| {
            let (a, b) = (&phrases[k - 1], &phrases[k]);
            // "where he and Hungarian Prime Minister Viktor Orban agreed a deal": a person's
            // pronoun and a named actor right before a verb are one subject
            let person_and_named = a.pronoun == Some(Pronoun::Person)
                && toks[a.start].lower != "him"
                && toks[a.start].lower != "her"
                && b.pronoun.is_none()
                && !b.possessive
                && b.start == a.end + 1
                && toks[a.end].lower == "and"
                && b.end < toks.len()
                && readings(b.end)
                    .iter()
                    .any(|(_, f)| f.has(VerbForm::PAST) || f.has(VerbForm::THIRD));
            if person_and_named {
                return Link::And;
            }
            // (no link without these, whatever is between: most pairs are rejected here)
            if a.pronoun.is_some() || b.pronoun.is_some() || a.possessive {
                return Link::None;
            }
            // (on the stack: the tests read at most three words and compare the count with 1
            // and 2, so four words stand for any longer gap, which no list below matches)
            let mut gap = [""; 4];
            for (w, t) in gap.iter_mut().zip(&toks[a.end..b.start]) {
                *w = t.lower.as_str();
            }
            let between = &gap[..(b.start - a.end).min(4)];
            // "demonstrators stormed parliament and police shot dead several protesters": the
            // object of one finite verb and the subject of the next are two clauses, not a
            // pair (a finite form right before the first and right after the second)
            let finite = |k: usize| {
                readings(k)
                    .iter()
                    .any(|(_, f)| f.has(VerbForm::PAST) || f.has(VerbForm::THIRD))
            };
            // (not after a verb that takes a clause: "said Russia and China had agreed")
            let takes_clause = |k: usize| {
                readings(k).iter().any(|&(l, _)| {
                    lex.lemma_cues(l)
                        .iter()
                        .any(|c| matches!(c, CueClass::Speech | CueClass::Denial | CueClass::Fear))
                })
            };
            if between == ["and"]
                && a.start > 0
                && !a.is_bare_adjective()
                && finite(a.start - 1)
                && !takes_clause(a.start - 1)
                && tags[a.start - 1] != Tag::Det
                && b.end < toks.len()
                && finite(b.end)
            {
                return Link::None;
            }
            // adjectives coordinate with adjectives: "US and British strikes", "Armenian and
            // Azerbaijani troops"
            let adjectives_ok = a.is_bare_adjective() == b.is_bare_adjective()
                || (a.is_bare_adjective()
                    && matches!(b.country, Some((_, ActorKind::CountryAdjective))));
            let ok = adjectives_ok || between == ["and"];
            // "Fornost and the evil awful Gondor": determiners and adjectives after the conjunction
            let modifiers_only = |from: usize| {
                toks[a.end + from..b.start]
                    .iter()
                    .enumerate()
                    .all(|(k, t)| {
                        let tag = tags[a.end + from + k];
                        (tag == Tag::Det || tag == Tag::Noun)
                            && !t.capitalized
                            && t.kind == TokenKind::Word
                            && readings(a.end + from + k).is_empty()
                    })
            };
            let starts_and = matches!(between.first(), Some(&"and") | Some(&"or") | Some(&"nor"))
                || (between.first() == Some(&",")
                    && matches!(between.get(1), Some(&"and") | Some(&"or")));
            let skip = if between.first() == Some(&",") { 2 } else { 1 };
            if ok && between.len() > skip && starts_and && modifiers_only(skip) {
                return if skip == 2 { Link::CommaAnd } else { Link::And };
            }
            if ok && between.len() > 1 && between[0] == "," && modifiers_only(1) && !s.is_headline {
                return Link::Comma;
            }
            match between {
                _ if !ok => Link::None,
                [",", "and"] | [",", "and", "the"] => Link::CommaAnd,
                ["and"]
                | ["and", "the"]
                | ["or"]
                | ["nor"]
                | ["nor", "the"]
                | ["and", "its"]
                | ["and", "his"]
                | ["and", "her"]
                | ["and", "their"] => Link::And,
                // "Syria and its ally Russia denied": a relation the second is named by is
                // no gap ("ally" is also a verb, which the modifiers above leave out)
                ["and", "its" | "their", relation]
                    if matches!(
                        *relation,
                        "ally"
                            | "allies"
                            | "partner"
                            | "partners"
                            | "neighbour"
                            | "neighbor"
                            | "backer"
                            | "patron"
                    ) =>
                {
                    Link::And
                }
                // headlines write "Armenia, Azerbaijan hold talks"
                [","] if s.is_headline && a.start == 0 => Link::And,
                [","] | [",", "the"] => Link::Comma,
                _ => Link::None,
            }
        })
        .collect();
    // "as well as U.S. air strikes and African Union troops, the army has taken back ...": a
    // list ends at its "and"; a comma after the last member opens what follows
    for k in 1..links.len() {
        if links[k] == Link::Comma && links[k - 1] == Link::And {
            links[k] = Link::None;
        }
    }
    for k in 0..links.len() {
        if links[k] == Link::CommaAnd {
            links[k] = if k > 0 && links[k - 1] == Link::Comma {
                Link::And
            } else {
                Link::None
            };
        }
    }
    let mut group = 0;
    let mut k = 0;
    while k < phrases.len() {
        // the chain of links starting at phrase k
        let mut end = k;
        while end < links.len() && links[end] != Link::None {
            end += 1;
        }
        let has_and = links[k..end].contains(&Link::And);
        for m in k..=end.min(phrases.len() - 1) {
            if m > k && !has_and {
                group += 1;
            }
            phrases[m].group = group;
        }
        group += 1;
        k = end + 1;
    }
    // a role noun distributes over coordinated countries: "the foreign ministers of Armenia and
    // Azerbaijan", "Armenian and Azerbaijani troops"
    // (most phrases have no role or no partner: both are checked before anything is gathered)
    for k in 0..phrases.len() {
        let g = phrases[k].group;
        if phrases[k].agent.is_none() || phrases.iter().filter(|q| q.group == g).count() < 2 {
            continue;
        }
        let agent = phrases[k].agent;
        let country = phrases[k].country;
        // the role reaches the countries on its side only: "the foreign ministers of Armenia
        // and Azerbaijan" (role first) the ones after it, "Armenian and Azerbaijani troops"
        // (role last) the ones before; "Ithilen and the government of Gondor" leaves Ithilen
        // bare
        let at = |want_agent: bool| {
            phrases[k]
                .matched
                .iter()
                .find(|(e, _, _)| matches!(e, LexEntry::Agent { .. }) == want_agent)
                .map(|(_, s, _)| *s)
        };
        let (role_at, other_at) = (at(true), at(false));
        let role_first = matches!((role_at, other_at), (Some(a), Some(c)) if a < c);
        for (m, q) in phrases.iter_mut().enumerate() {
            if q.group != g {
                continue;
            }
            let other_side = (m < k && role_first) || (m > k && !role_first && other_at.is_some());
            if !other_side
                && q.agent.is_none()
                && q.country.is_some()
                && q.person.is_none()
                && q.org.is_none()
                && q.institution.is_none()
            {
                q.agent = agent;
                q.plural = true;
            }
            // and the country over coordinated roles: "Venezuela's government and opposition"
            if country.is_some()
                && q.country.is_none()
                && q.agent.is_some()
                && q.person.is_none()
                && q.org.is_none()
                && q.institution.is_none()
            {
                q.country = country;
            }
        }
    }
    let mut phrase_of = vec![None; n];
    for (k, p) in phrases.iter().enumerate() {
        for slot in &mut phrase_of[p.start..p.end] {
            *slot = Some(k);
        }
        for t in &mut tags[p.start..p.end] {
            if *t == Tag::Name {
                *t = Tag::Actor;
            }
        }
    }

    // 4. Verb readings in context.
    let mut verb = vec![None; n];
    for i in 0..n {
        if !matches!(tags[i], Tag::Noun | Tag::Name) || phrase_of[i].is_some() {
            continue;
        }
        if tags[i] == Tag::Name && !(i == 0 || title_case) {
            continue;
        }
        let found = readings(i);
        if found.is_empty() {
            continue;
        }
        if let Some(r) = choose_verb_reading(
            lex,
            found,
            &tags,
            &phrases,
            &phrase_of,
            toks,
            i,
            s.is_headline,
        ) {
            verb[i] = Some(r);
            tags[i] = Tag::Verb;
        }
    }

    // "had talks with", "has a phone call with": before its object "have" is the main verb,
    // not an auxiliary ("had held talks", "has to", "had been" stay auxiliaries)
    for i in 0..n {
        if tags[i] != Tag::Have || toks[i].lower == "'s" || toks[i].lower == "'ve" {
            continue;
        }
        let mut j = i + 1;
        while j < n && tags[j] == Tag::Adv {
            j += 1;
        }
        let object = j < n && matches!(tags[j], Tag::Det | Tag::Noun | Tag::Num);
        let reading = readings(i)
            .iter()
            .find(|(l, _)| lex.lemma(*l) == "have")
            .copied();
        if let (true, Some(r)) = (object, reading) {
            verb[i] = Some(r);
            tags[i] = Tag::Verb;
        }
    }

    // A lone role noun before a word that turned out to be a noun modifies it: "an official
    // visit", "rebel positions".
    for p in phrases.iter_mut() {
        let lone_role = p.is_bare_role() && p.names.is_empty();
        if lone_role && p.end < n && tags[p.end] == Tag::Noun && toks[p.end].kind == TokenKind::Word
        {
            p.modifier = true;
        }
    }

    // 5. Cues (none in a dateline; a one-word discard cue must be an ordinary word, not part
    //    of a name: "Steadfast Defender" is an exercise, not a football match; a cue of
    //    several words names the sport itself: "World Cup", "Champions League").
    let mut cues = Vec::new();
    let mut i = dateline.unwrap_or(0);
    while i < n {
        if let Some((len, classes)) = cue_at[i] {
            let in_name =
                len == 1 && toks[i].capitalized && !after_sentence_start(toks, i) && !title_case;
            for &c in classes {
                if in_name && matches!(c, CueClass::DiscardSentence | CueClass::DiscardArticle) {
                    continue;
                }
                cues.push((i, len, c));
            }
            i += len;
        } else {
            i += 1;
        }
    }
    if let Some(end) = dateline {
        for t in &mut tags[..end] {
            *t = Tag::Punct;
        }
    }
    scratch.class = class;
    scratch.mention_at = recycle(mention_at);
    SCRATCH.set(scratch);
    Annotated {
        tags,
        verb,
        phrase_of,
        phrases,
        cues,
        title_case,
        dateline,
        literal_ids: table
            .words
            .iter()
            .map(|w| w.map(WordEntry::literal_id))
            .collect(),
    }
}

thread_local! {
    /// [`annotate_with_cues`]'s working lists, kept between sentences (see [`Scratch`]).
    static SCRATCH: std::cell::Cell<Scratch> = std::cell::Cell::default();
}

/// The buffers of [`annotate_with_cues`]'s per-token working lists (each token's
/// [`WordClass`] and dictionary match), which it drops at its end: handed from one sentence to
/// the next so that annotating allocates them only while they grow. Taken out of [`SCRATCH`]
/// for the call, so a call inside a call would only start with empty ones.
#[derive(Default)]
struct Scratch {
    class: Vec<WordClass>,
    /// Always empty here: only its allocation is kept ([`recycle`]).
    mention_at: Vec<Option<(usize, &'static LexEntry)>>,
}

/// An empty vector with `v`'s allocation, for entries of another lifetime. A vector's own
/// iterator collected into a vector of the same layout reuses its buffer (the standard
/// library's in-place collection), so this allocates nothing.
fn recycle<'b>(mut v: Vec<Option<(usize, &LexEntry)>>) -> Vec<Option<(usize, &'b LexEntry)>> {
    v.clear();
    v.into_iter().map(|_| None).collect()
}

/// Whether the lower-cased words joined by single spaces end with `suffix` (without joining
/// them: this is asked of every role phrase).
fn joined_ends_with(words: &[Token], suffix: &str) -> bool {
    let mut rest = suffix;
    for (k, t) in words.iter().enumerate().rev() {
        let w = t.lower.as_str();
        if rest.len() <= w.len() {
            return w.ends_with(rest);
        }
        let Some(before) = rest.strip_suffix(w) else {
            return false;
        };
        if k == 0 {
            return false;
        }
        match before.strip_suffix(' ') {
            Some("") => return true,
            Some(r) => rest = r,
            None => return false,
        }
    }
    rest.is_empty()
}

/// The token index just after a dateline at the start of a sentence, if there is one:
/// one to three all-capital words, then optionally a date and an agency in brackets, then a dash.
pub fn dateline_end(toks: &[Token], text: &str) -> Option<usize> {
    let capitals = |t: &Token| {
        let w = t.text(text);
        t.kind == TokenKind::Word && w.len() >= 2 && w.chars().all(|c| !c.is_lowercase())
    };
    // (several places joined by slashes: "WASHINGTON/SANAA, Jan 12 (Reuters) -")
    let mut i = 0;
    while i < toks.len()
        && i < 5
        && (capitals(&toks[i])
            || (i > 0 && toks[i].is_punct("/") && toks.get(i + 1).is_some_and(capitals)))
    {
        i += 1;
    }
    if i == 0 {
        return None;
    }
    // up to 12 more tokens of date / agency before the dash
    let limit = (i + 14).min(toks.len());
    (i..limit)
        .find(|&j| {
            toks[j].is_punct("-") && (j == i || toks[i].is_punct(",") || toks[i].is_punct("("))
        })
        .map(|j| j + 1)
}

/// Nouns of a time phrase, which a participle does not take as its object.
const TIME_NOUNS: &[&str] = &[
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "night",
    "morning",
    "evening",
    "afternoon",
    "weekend",
];

/// Token `j` is "of".
fn t_is_of(toks: &[Token], j: usize) -> bool {
    toks.get(j).is_some_and(|t| t.lower == "of")
}

/// Words that qualify a title between a possessive and the role ("Russia's First Deputy
/// Prime Minister", "Mali's acting president"): they are part of the title, whatever their
/// case, and "acting" is no verb there.
const TITLE_QUALIFIERS: &[&str] = &[
    "first",
    "deputy",
    "vice",
    "acting",
    "interim",
    "senior",
    "chief",
    "assistant",
    "former",
    "outgoing",
    "incoming",
    "caretaker",
    // ("Russia's top diplomat", "Iran's new president": "top" can be a verb, "new" is no noun)
    "top",
    "new",
    "newly",
    "longtime",
    "most",
    "highest-ranking",
    "top-ranking",
];

/// Nouns a role word modifies after a possessive or a size adjective, even though they can
/// be verbs: "its largest military exercise", "their joint military drills".
const MODIFIED_BY_ROLE: &[&str] = &[
    "exercise",
    "exercises",
    "drill",
    "drills",
    "operation",
    "operations",
    "aid",
    "cooperation",
    "ties",
    "buildup",
    "deployment",
    "deployments",
    "maneuvers",
    "manoeuvres",
    "spending",
    "budget",
    "activity",
    "activities",
];

fn after_sentence_start(toks: &[Token], i: usize) -> bool {
    // the first word, or the first word after an opening quote or bracket
    toks[..i].iter().all(|t| t.kind == TokenKind::Punct)
}

/// Add a dictionary match to a phrase; false if it does not fit (a second country, person...).
#[allow(clippy::too_many_arguments)]
fn absorb(
    lex: &Lexicon,
    p: &mut ActorPhrase,
    entry: &LexEntry,
    toks: &[Token],
    j: usize,
    len: usize,
    text: &str,
    after_of: bool,
) -> bool {
    let d = &lex.dict;
    let _ = text;
    match entry {
        LexEntry::Agent { entry, plural } => {
            let a = &d.agents[*entry as usize];
            // a role noun after a person starts a new phrase; after an institution it is that
            // institution's ("Kremlin spokesman")
            // ("the Biden administration", "the Netanyahu government": a leader's government is
            // the leader's, and names no other country)
            if p.person.is_some() {
                let governs = a.sector == "GOV"
                    && matches!(
                        toks[j].lower.as_str(),
                        "administration" | "government" | "regime" | "cabinet"
                    );
                return governs && len == 1;
            }
            // ... and a weapon or position after a role is that role's ("rebel positions"),
            // except a government's, which are its military ("government warplanes")
            let keep_old = p.agent.is_some_and(|old| {
                let old = &d.agents[old as usize];
                (!old.generic && a.generic) || (a.owned && !old.owned && old.sector != "GOV")
            });
            if !keep_old {
                // a prefix agent stays in front of the role that follows it
                if let Some(old) = p.agent.filter(|&old| {
                    d.agents[old as usize].prefix && !a.prefix && p.prefix_agent.is_none()
                }) {
                    p.prefix_agent = Some(old);
                }
                p.agent = Some(*entry);
            }
            p.plural |= *plural;
        }
        LexEntry::Actor {
            kind,
            entry,
            sector,
        } => {
            let e = *entry;
            match kind {
                ActorKind::Person => {
                    if p.person.is_some() {
                        return false;
                    }
                    p.person = Some(e);
                }
                ActorKind::OrgName | ActorKind::OrgRef => {
                    // "United Nations human rights office": the named organisation stays
                    if *kind == ActorKind::OrgRef && matches!(p.org, Some((_, ActorKind::OrgName)))
                    {
                        return true;
                    }
                    // "the regional bloc ECOWAS", "the UN agency UNRWA": a description right
                    // before a name is the name's, which decides
                    if *kind == ActorKind::OrgName
                        && matches!(p.org, Some((_, ActorKind::OrgRef)))
                        && p.person.is_none()
                    {
                        p.org = Some((e, ActorKind::OrgName));
                        return true;
                    }
                    // "the West African bloc ECOWAS": a name in apposition to another name of
                    // the same organisation is one mention of it
                    let same_org = |(o, _): (u32, ActorKind)| {
                        d.organizations[o as usize].code == d.organizations[e as usize].code
                    };
                    if *kind == ActorKind::OrgName
                        && p.org.is_some_and(same_org)
                        && p.person.is_none()
                    {
                        return true;
                    }
                    if p.org.is_some() || p.person.is_some() {
                        return false;
                    }
                    if p.country.is_some() && p.agent.is_some() {
                        return false;
                    }
                    p.org = Some((e, *kind));
                }
                ActorKind::Institution => {
                    if p.institution.is_some() || p.person.is_some() || p.agent.is_some() {
                        return false;
                    }
                    p.institution = Some((e, sector.clone().unwrap_or_default()));
                }
                _ => {
                    // a name coded by its country right after a title of that country is the
                    // title's holder, as PETRARCH's actor lists code people ("Bree Prime
                    // Minister Romendacil", where Romendacil is `[BRE]`)
                    let same_country = p.country.is_some_and(|(c, _)| {
                        d.countries[c as usize].code == d.countries[e as usize].code
                    });
                    let name_here = *kind == ActorKind::CountryName
                        && toks[j].text(text).starts_with(char::is_uppercase)
                        && p.person.is_none()
                        && p.names.is_empty();
                    // (a singular title, no weapon, ends right before the name)
                    let title_last = p.agent.is_some_and(|a| !d.agents[a as usize].owned)
                        && !p.plural
                        && p.matched
                            .last()
                            .is_some_and(|m| m.2 == j && matches!(m.0, LexEntry::Agent { .. }));
                    // ... and so is a name of another country right after a country's title:
                    // "Ithilen's evil minister Calimehtar", whom the actor lists code `[CAL]`,
                    // is Ithilen's minister
                    let holder = name_here
                        && p.agent.is_some()
                        && (same_country || p.country.is_some() && title_last);
                    // ... and with no country yet, a capitalised title right before such a name
                    // is that country's ("Prime Minister Telemar", where Telemar is `[DAG]`)
                    let titled_name = name_here
                        && title_last
                        && p.country.is_none()
                        && !after_of
                        && p.matched.last().is_some_and(|m| toks[m.1].capitalized)
                        && p.org.is_none()
                        && p.institution.is_none();
                    if titled_name {
                        p.country = Some((e, *kind));
                    } else if !holder {
                        // countries: a second country, or a country after a role noun without
                        // "of", starts a new phrase ("Russia Ukraine talks", "troops Russia");
                        // a sector written before the country is the exception ("MSF
                        // Arnor" for PETRARCH's `MSF [NGO~]`)
                        let agent_before = p
                            .agent
                            .is_some_and(|a| !after_of && !d.agents[a as usize].prefix);
                        if p.country.is_some()
                            || p.person.is_some()
                            || p.org.is_some()
                            || p.institution.is_some()
                            || agent_before
                            || !p.names.is_empty()
                        {
                            return false;
                        }
                        p.country = Some((e, *kind));
                    }
                }
            }
        }
    }
    p.matched.push((entry.clone(), j, j + len));
    true
}

impl ActorPhrase {
    /// The dictionary entries behind this phrase, as `file:line CODE "words"`.
    pub fn describe_entries(&self, lex: &Lexicon, toks: &[Token], text: &str) -> Vec<String> {
        let mut out = Vec::with_capacity(self.matched.len());
        self.push_entries(lex, toks, text, &mut out);
        out
    }

    /// [`Self::describe_entries`] appended to `entries` (one per [`Self::matched`]): an event
    /// lists its source's, its target's and its pattern's in one list, built in place.
    pub fn push_entries(
        &self,
        lex: &Lexicon,
        toks: &[Token],
        text: &str,
        entries: &mut Vec<String>,
    ) {
        let d = &lex.dict;
        // `origin code "words"`, built with pushes (see `Origin::push_to`)
        let describe = |origin: &crate::dict::Origin, code: [&str; 2], words: &[Token]| {
            let mut out = String::with_capacity(64);
            origin.push_to(&mut out);
            out.push(' ');
            out.push_str(code[0]);
            out.push_str(code[1]);
            out.push_str(" \"");
            for (k, x) in words.iter().enumerate() {
                if k > 0 {
                    out.push(' ');
                }
                out.push_str(x.text(text));
            }
            out.push('"');
            out
        };
        entries.extend(self.matched.iter().map(|(e, s, t)| {
            let words = &toks[*s..*t];
            match e {
                LexEntry::Agent { entry, .. } => {
                    let a = &d.agents[*entry as usize];
                    describe(&a.origin, [&a.sector, ""], words)
                }
                LexEntry::Actor {
                    kind: ActorKind::Person,
                    entry,
                    ..
                } => {
                    let p = &d.people[*entry as usize];
                    let mut out = String::with_capacity(64);
                    p.origin.push_to(&mut out);
                    out.push_str(" person \"");
                    out.push_str(&p.name);
                    out.push('"');
                    out
                }
                LexEntry::Actor {
                    kind: ActorKind::OrgName | ActorKind::OrgRef,
                    entry,
                    ..
                } => {
                    let o = &d.organizations[*entry as usize];
                    describe(&o.origin, [&o.code, ""], words)
                }
                LexEntry::Actor { entry, sector, .. } => {
                    let c = &d.countries[*entry as usize];
                    describe(&c.origin, [&c.code, sector.as_deref().unwrap_or("")], words)
                }
            }
        }));
    }
}

/// Decide whether a word with verb readings is a verb here, and which reading.
#[allow(clippy::too_many_arguments)]
fn choose_verb_reading(
    lex: &Lexicon,
    readings: &[(u32, VerbForm)],
    tags: &[Tag],
    phrases: &[ActorPhrase],
    phrase_of: &[Option<usize>],
    toks: &[Token],
    i: usize,
    headline: bool,
) -> Option<(u32, VerbForm)> {
    // previous non-adverb token, past a short parenthesis ("the European Union (EU) agree")
    let mut k = i;
    let prev = loop {
        if k == 0 {
            break None;
        }
        k -= 1;
        if toks[k].is_punct(")") {
            if let Some(open) = (k.saturating_sub(6)..k)
                .rev()
                .find(|&o| toks[o].is_punct("("))
            {
                k = open;
                continue;
            }
        }
        if tags[k] != Tag::Adv {
            break Some(k);
        }
    };
    // "will not wire tap": the first word of a multi-word verb (PETRARCH's `WIRE_+TAP`) is in
    // the verb group, and the auxiliary before it chooses the form
    if let Some(k) = prev.filter(|&k| k > 0 && tags[k] == Tag::Noun) {
        if matches!(tags[k - 1], Tag::Modal | Tag::Do | Tag::Neg | Tag::To)
            && readings
                .iter()
                .any(|(l, _)| lex.has_pre_word(*l, &toks[k].lower))
        {
            return readings
                .iter()
                .find(|(_, form)| form.has(VerbForm::BASE))
                .copied();
        }
    }
    let prev_tag = prev.map(|k| tags[k]);
    let prev_phrase = prev.and_then(|k| phrase_of[k]).map(|p| &phrases[p]);
    let next_tag = tags.get(i + 1).copied();
    // "Suspected militants killed ...", "Detained protesters were freed": a participle that
    // opens the sentence right before a noun or an actor describes it — as a verb it would
    // have no subject
    let opens_sentence = i == 0 || (i == 1 && toks[0].is_punct("\""));
    if opens_sentence
        && readings.iter().all(|(_, f)| f.has(VerbForm::PARTICIPLE))
        && matches!(next_tag, Some(Tag::Actor) | Some(Tag::Noun))
    {
        return None;
    }
    let pick = |f: VerbForm| readings.iter().find(|(_, form)| form.has(f)).copied();
    let any = |f: VerbForm| readings.iter().any(|(_, form)| form.has(f));

    // "A Palestinian stabbed two soldiers": after "a", a nationality adjective with no noun
    // is a person, and a past form with an object after it is that person's act
    let after_a =
        |p: &ActorPhrase| p.start > 0 && matches!(toks[p.start - 1].lower.as_str(), "a" | "an");
    let person_adjective = prev_phrase.is_some_and(|p| {
        p.is_bare_adjective()
            && after_a(p)
            && any(VerbForm::PAST)
            && matches!(
                next_tag,
                Some(Tag::Det) | Some(Tag::Num) | Some(Tag::Actor) | Some(Tag::Pron)
            )
    });
    if person_adjective {
        return pick(VerbForm::PAST);
    }
    // "a police station", "an army base": a bare form cannot agree with "a" + role noun, so
    // the role modifies it
    let after_indefinite_role = prev_phrase.is_some_and(|p| {
        p.agent.is_some() && p.country.is_none() && p.person.is_none() && after_a(p)
    });
    if after_indefinite_role && !any(VerbForm::PAST) && !any(VerbForm::THIRD) {
        return None;
    }
    // "told visiting U.S. President Donald Trump", "met with visiting Chinese officials": an
    // attributive "visiting" before an actor after a verb or preposition describes the visitor
    // ("after visiting North Korea" is the gerund: the visited is a place, not a person)
    let visitor_next = phrase_of.get(i + 1).copied().flatten().is_some_and(|p| {
        let q = &phrases[p];
        q.agent.is_some() || q.person.is_some() || !q.names.is_empty()
    });
    let attributive_visiting = toks[i].lower == "visiting"
        && visitor_next
        && (matches!(prev_tag, Some(Tag::Verb) | Some(Tag::Conj))
            || prev.is_some_and(|k| matches!(toks[k].lower.as_str(), "with" | "for")));
    if attributive_visiting {
        return None;
    }
    // "Rwanda, which denies supporting M23": a third-person form right after a relative
    // pronoun is that clause's verb
    if prev.is_some_and(|k| matches!(toks[k].lower.as_str(), "which" | "who")) {
        if let Some(r) = pick(VerbForm::THIRD) {
            return Some(r);
        }
    }
    // "Russia and Ukraine each returned 150 prisoners": a quantifier floated after the
    // subject stands before the verb, not before a noun
    let floated = prev.is_some_and(|k| {
        matches!(toks[k].lower.as_str(), "each" | "both" | "all")
            && k > 0
            && tags[k - 1] == Tag::Actor
    });
    if floated && prev_tag == Some(Tag::Det) {
        if let Some(r) = pick(VerbForm::PAST).or_else(|| pick(VerbForm::THIRD)) {
            return Some(r);
        }
    }
    match prev_tag {
        Some(Tag::Det) | Some(Tag::Poss) | Some(Tag::Num) => return None,
        Some(Tag::Actor) if prev_phrase.is_some_and(|p| p.is_bare_adjective() || p.possessive) => {
            return None
        }
        Some(Tag::To) => return pick(VerbForm::BASE),
        // ("would acting now": a gerund after a modal is a misspelt verb, not a noun)
        Some(Tag::Modal) | Some(Tag::Do) => {
            let month = prev.is_some_and(|k| toks[k].capitalized || toks[k].lower == "may");
            return pick(VerbForm::BASE).or_else(|| pick(VerbForm::GERUND).filter(|_| !month));
        }
        Some(Tag::Neg) => {
            return pick(VerbForm::BASE)
                .or_else(|| pick(VerbForm::PARTICIPLE))
                .or_else(|| pick(VerbForm::GERUND))
        }
        Some(Tag::Be) => return pick(VerbForm::PARTICIPLE).or_else(|| pick(VerbForm::GERUND)),
        Some(Tag::Have) => return pick(VerbForm::PARTICIPLE),
        Some(Tag::Prep) => return pick(VerbForm::GERUND),
        _ => {}
    }
    // "Ethiopia broken down a treaty": a participle that is no past form, right after a
    // subject at the start of the clause and before an object (a particle may stand between),
    // is a finite verb written without its auxiliary. A reduced relative takes no object ("the
    // treaty broken by Ethiopia"), except after verbs of giving and showing ("refugees given a
    // chance"), and a time phrase is no object ("soldiers taken the day before").
    let clause_start_subject = prev_phrase.is_some_and(|p| {
        p.end == i
            && (p.start == 0
                || tags[p.start - 1] == Tag::Punct
                || p.start == 1 && tags[0] == Tag::Det)
    });
    if clause_start_subject && !any(VerbForm::PAST) && any(VerbForm::PARTICIPLE) {
        let object_at = match toks.get(i + 1).map(|t| t.lower.as_str()) {
            Some("down" | "up" | "off" | "out" | "away" | "back" | "over") => i + 2,
            _ => i + 1,
        };
        // ("Ethiopia broken down with Libya": or a partner after the particle)
        let partner = object_at == i + 2
            && toks.get(object_at).is_some_and(|t| t.lower == "with")
            && tags.get(object_at + 1) == Some(&Tag::Actor);
        let object = (matches!(tags.get(object_at), Some(Tag::Det) | Some(Tag::Actor)) || partner)
            && !toks[object_at..]
                .iter()
                .take(3)
                .any(|t| TIME_NOUNS.contains(&t.lower.as_str()));
        let ditransitive = readings
            .iter()
            .any(|(l, _)| matches!(lex.lemma(*l), "give" | "show" | "forgive" | "forbid"));
        if object && !ditransitive {
            return pick(VerbForm::PARTICIPLE);
        }
    }
    // "announced sweeping new sanctions", "a growing number": a participle that is mostly an
    // adjective, before a noun, describes it
    if matches!(next_tag, Some(Tag::Noun) | Some(Tag::Actor))
        && (toks[i].lower.ends_with("ing") || toks[i].lower.ends_with("ed"))
        && ATTRIBUTIVE_PARTICIPLES.contains(&toks[i].lower.as_str())
    {
        return None;
    }
    // "detained ousted President Bazoum", "visited jailed opposition leader Navalny": a past
    // participle right after a past verb, before an actor, describes the actor (a verb after
    // a verb would need a conjunction or a comma between them)
    if prev_tag == Some(Tag::Verb)
        && i > 0
        && lex
            .verb_readings(&toks[i - 1].lower)
            .iter()
            .any(|(_, f)| f.has(VerbForm::PAST))
        && next_tag == Some(Tag::Actor)
        && toks[i].lower.ends_with("ed")
        && !any(VerbForm::GERUND)
    {
        return None;
    }
    if any(VerbForm::PAST) {
        // "the accused man" was caught above; "troops stationed in" reads as a verb
        return pick(VerbForm::PAST);
    }
    if any(VerbForm::GERUND) {
        // participial clause after a comma or at the start; "the shelling" was caught above
        if matches!(
            prev_tag,
            None | Some(Tag::Punct)
                | Some(Tag::Conj)
                | Some(Tag::Verb)
                | Some(Tag::Actor)
                | Some(Tag::Noun)
                | Some(Tag::Pron)
        ) {
            // "Russian shelling" is a noun (bare adjective caught above); "fresh shelling" too
            if prev_tag == Some(Tag::Noun) && !matches!(next_tag, Some(Tag::Actor) | Some(Tag::Det))
            {
                return None;
            }
            return pick(VerbForm::GERUND);
        }
        return None;
    }
    // base or third-person form: a verb after a subject (actor phrase, pronoun, name). A bare
    // base form needs a plural subject ("Russia and China condemn"); after a singular one it
    // is a noun ("an official visit").
    let plural_subject = match prev_phrase {
        Some(p) => {
            p.plural
                || p.pronoun == Some(Pronoun::Plural)
                || p.pronoun == Some(Pronoun::Speaker)
                || phrases.iter().filter(|q| q.group == p.group).count() > 1
                || matches!(p.country, Some((_, ActorKind::Demonym)))
        }
        None => false,
    };
    let after_subject = matches!(
        prev_tag,
        Some(Tag::Actor) | Some(Tag::Pron) | Some(Tag::Name)
    ) || (prev_tag == Some(Tag::Noun)
        && matches!(
            next_tag,
            Some(Tag::Actor) | Some(Tag::Det) | Some(Tag::Pron) | Some(Tag::To)
        ));
    if after_subject {
        // "U.S. sanctions on Iran", "Russian attacks on": before a preposition that an event
        // noun pattern expects and no pattern of the verb does, the word is the noun
        if let Some(next) = toks.get(i + 1).filter(|_| next_tag == Some(Tag::Prep)) {
            let verb_takes = readings.iter().any(|(l, _)| {
                lex.verb_patterns(*l)
                    .iter()
                    .any(|p| matches!(p.elems.first(), Some(PatElem::Word(w)) if *w == next.lower))
            });
            let noun_takes = lex
                .noun_patterns(&toks[i].lower)
                .iter()
                .any(|p| {
                    matches!(p.elems.get(p.noun_at + 1), Some(PatElem::Word(w)) if *w == next.lower)
                });
            if noun_takes && !verb_takes && !readings.iter().any(|(_, f)| f.has(VerbForm::PAST)) {
                return None;
            }
        }
        if let Some(r) = pick(VerbForm::THIRD) {
            return Some(r);
        }
        // "Will Russia attack", "Did Russia attack": the auxiliary stands before the subject
        let inverted = prev_phrase
            .is_some_and(|p| p.start > 0 && matches!(tags[p.start - 1], Tag::Modal | Tag::Do));
        // "analysts say", "witnesses say": a plural noun before a bare verb form
        let plural_noun = prev_phrase.is_none()
            && prev_tag == Some(Tag::Noun)
            && prev.is_some_and(|k| toks[k].lower.ends_with('s') && !toks[k].lower.ends_with("ss"));
        // "demanding that the government resign", "insisted that Russia withdraw": after
        // "that" and a subject the bare form is the mandative subjunctive
        let subjunctive = prev_phrase.is_some_and(|p| {
            let mut b = p.start;
            while b > 0 && tags[b - 1] == Tag::Det {
                b -= 1;
            }
            b > 0 && toks[b - 1].lower == "that" && p.end == i
        });
        // "a halt to Israel's military campaign in Gaza": an owner's collective ("Israel's
        // military", "Iran's police") before an event noun is that noun's modifier, not a
        // plural subject ("police fire tear gas" has no owner)
        let owned_collective_noun = prev_phrase.is_some_and(|p| {
            let last = toks[p.end - 1].lower.as_str();
            p.plural && !last.ends_with('s') && toks[p.start..p.end].iter().any(|t| t.lower == "'s")
        }) && !lex.noun_patterns(&toks[i].lower).is_empty();
        if owned_collective_noun {
            return None;
        }
        if plural_subject
            || inverted
            || plural_noun
            || subjunctive
            || prev_phrase.is_none() && prev_tag == Some(Tag::Pron)
        {
            return pick(VerbForm::BASE);
        }
        return None;
    }
    // a coordinated verb: "condemned the attack and called for", "visits Greece, signs accord"
    let earlier_verb = tags[..i].contains(&Tag::Verb);
    let coordinated = prev_tag == Some(Tag::Conj)
        || (prev_tag == Some(Tag::Punct)
            && prev.is_some_and(|k| toks[k].is_punct(","))
            && earlier_verb);
    if coordinated
        && earlier_verb
        && matches!(
            next_tag,
            Some(Tag::Actor) | Some(Tag::Det) | Some(Tag::Noun) | Some(Tag::Prep) | Some(Tag::To)
        )
    {
        // headlines are in the present tense: "hold talks, agree to meet"
        let r = pick(VerbForm::PAST).or_else(|| pick(VerbForm::THIRD));
        return if headline {
            r.or_else(|| pick(VerbForm::BASE))
        } else {
            r
        };
    }
    None
}
