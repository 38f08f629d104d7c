//! Stage 7 — **Resolve** (coreference part): turn each [`ActorPhrase`] into a CAMEO actor code,
//! using the dictionaries and what the article said before.
//!
//! Composition inside a phrase follows how news names actors: a person's dated role wins ("Turkish
//! Foreign Minister Mevlut Cavusoglu" → the person, or the country + role when the person is not
//! in the dictionaries); an institution stands for its country's sector ("the Kremlin" → RUSGOV,
//! "Peru's Congress" → PERLEG); a country with a role noun adds the role's sector ("Russian
//! troops" → RUSMIL); a capital alone is the government ("Moscow said" → RUSGOV).
//!
//! Across sentences, [`ArticleMemory`] keeps the referents a reader keeps: the last person (for
//! he/she), the last plural actor (they), the last country or organisation (it), the last
//! actor of each role ("the minister", "the army" → the one last named), the organisations
//! already named (so "the alliance" means NATO only after NATO), the names of people introduced
//! with a title ("Foreign Minister John Doe" … "Doe said"), and the last country named, which
//! gives bare role nouns their country ("police", "protesters").

use crate::annotate::{ActorPhrase, KnownNames, Pronoun};
use crate::date::Date;
use crate::dict::{ActorKind, LexEntry, Lexicon};
use crate::segment::{Token, TokenKind};
use rustc_hash::FxHashMap;
use std::borrow::Cow;

/// What the article has said so far.
#[derive(Debug, Default, Clone)]
pub struct ArticleMemory {
    /// PETRARCH's reading: a role with no country of its own stays unplaced (`---GOV`) instead
    /// of taking the country of an actor named near it.
    pub unplaced_roles: bool,
    /// Organisations named so far, most recent last.
    named_orgs: Vec<u32>,
    names: FxHashMap<String, String>,
    last_person: Option<String>,
    /// The person remembered before `last_person`, when another: whom an object pronoun means
    /// when the last person is its clause's subject ("where the government of Fernandez
    /// granted him asylum": him is not Fernandez's government).
    earlier_person: Option<String>,
    /// Where the phrase that set `last_person` ends, when it stands in the current sentence.
    last_person_end: Option<usize>,
    /// The person who was the subject of the last sentence that had one: a pronoun subject
    /// prefers them over a person merely mentioned ("Baerbock told reporters after meeting
    /// Kuleba. She said ..." — she is Baerbock).
    subject_person: Option<String>,
    /// The first person named in the current sentence: whom its "his" or "her" most likely
    /// means (the subject usually comes first).
    sentence_person: Option<String>,
    last_plural: Option<String>,
    /// The last plural actor was a passive's "by" agent ("were arrested by Ugandan police"):
    /// a "they" after it means the sentence's subject rather ("... as they marched").
    last_plural_is_agent: bool,
    /// Where the current sentence's first actor phrase starts, when it stands first (after a
    /// quantity: "Dozens of protesters"), and its code once resolved if it is plural: the
    /// sentence's subject.
    sentence_subject_at: Option<usize>,
    sentence_subject_plural: Option<String>,
    /// When the current sentence opens with two coordinated actors ("Yoon and Kishida agreed
    /// ..."), their group, and their codes once resolved: whom "they" after "as", "after",
    /// "when" ... means ("..., as they met in Tokyo").
    sentence_subject_group: Option<usize>,
    sentence_subject_pair: Vec<String>,
    /// ... and its code once resolved if it is a thing (a country, an organisation, an
    /// institution): whom "it" after "as", "after", "when" ... means ("China fired missiles
    /// near Taiwan as it launched drills").
    sentence_subject_thing: Option<String>,
    /// The last actor of the current sentence named by a singular phrase that is no person
    /// and no pronoun, with where its phrase ends: the speaker "it" means right after that
    /// phrase's speech verb ("The army said it was sending troops").
    sentence_last_thing: Option<(usize, String)>,
    /// The last actor of the current sentence named by any phrase but a pronoun, with where
    /// its phrase ends: what a capitalised role noun right after it continues ("Italy's
    /// opposition Democratic Party").
    sentence_last_named: Option<(usize, String)>,
    last_thing: Option<String>,
    last_country: Option<String>,
    /// Every country the article has named outside quotations, with how often, in the order
    /// first named: the
    /// story's own country is the one it names most ([`ArticleMemory::story_country`]).
    named_countries: Vec<([u8; 3], u32)>,
    /// The last actor named with each role, keyed by the role's words ("president", "foreign
    /// minister"): one agent entry groups many roles, and "the president" means the last
    /// president, not the last person of any government role.
    by_role: FxHashMap<String, String>,
    /// The country of a place named in the current sentence ("in Minsk"): bare role nouns of
    /// that sentence belong there.
    sentence_place: Option<String>,
    /// The countries of the actors the current sentence names with one, with the position of
    /// each phrase's last word ("soldiers were detained by Turkish authorities"): an indefinite
    /// bare role noun belongs to the nearest of them before anywhere the article named earlier.
    sentence_countries: Vec<(usize, String)>,
    /// The token ranges (first word, closing mark) of the current sentence inside quotation
    /// marks: a country named in a
    /// quotation is the speaker's topic, not where a role outside it belongs ("'We have the
    /// longest border with Russia,' Foreign Minister X said" — X is no Russian minister).
    quoted: Vec<(usize, usize)>,
    /// The two parties of the last bilateral act or coordinated subject: what "the two sides"
    /// refers to.
    last_pair: Option<(String, String)>,
}

/// The words of a phrase's deciding role noun, singular and lower case ("foreign minister").
/// A one-word role (nearly all) is borrowed from its token: [`ArticleMemory::resolve`] reads
/// it for every role phrase and copies it only the first time the article names the role.
fn role_words<'t>(p: &ActorPhrase, toks: &'t [Token]) -> Option<Cow<'t, str>> {
    let a = p.agent?;
    let &(_, start, end) =
        p.matched.iter().rev().find(
            |(e, _, _)| matches!(e, crate::dict::LexEntry::Agent { entry, .. } if *entry == a),
        )?;
    // (a plural's final "s" is dropped)
    fn singular(w: &str, plural: bool) -> &str {
        match w.strip_suffix('s') {
            Some(stem) if plural => stem,
            _ => w,
        }
    }
    if end == start + 1 {
        return Some(Cow::Borrowed(singular(&toks[start].lower, p.plural)));
    }
    let words: Vec<&str> = toks[start..end].iter().map(|t| t.lower.as_str()).collect();
    Some(Cow::Owned(singular(&words.join(" "), p.plural).to_string()))
}

/// `slot` holds `code` (its buffer is reused: the memory's slots change at nearly every
/// phrase, and a new string each time was most of the cost of remembering).
/// Whether a word opens a clause of time or cause ("as", "after", "because" ...): a subject
/// pronoun right after it shares the sentence's subject ("China fired missiles near Taiwan as
/// it launched drills", "Russia and China signed a deal after they met").
pub(crate) fn opens_adverbial_clause(word: &str) -> bool {
    matches!(
        word,
        "as" | "after" | "when" | "while" | "before" | "because" | "since" | "until"
    )
}

fn keep(slot: &mut Option<String>, code: &str) {
    match slot {
        Some(s) => {
            s.clear();
            s.push_str(code);
        }
        None => *slot = Some(code.to_string()),
    }
}

/// `map[key]` holds `value`, the key copied only when new and the value's buffer reused.
fn keep_in(map: &mut FxHashMap<String, String>, key: &str, value: &str) {
    match map.get_mut(key) {
        Some(v) => {
            v.clear();
            v.push_str(value);
        }
        None => {
            // (an article's memory starts empty: room for several keys at the first instead
            // of a rehash at each of the first doublings)
            if map.capacity() == 0 {
                map.reserve(8);
            }
            map.insert(key.to_string(), value.to_string());
        }
    }
}

/// Head nouns of roles held by one person ("the foreign minister", "Kenya's president", "an
/// army spokesman"): a singular phrase with such a head is someone "he" or "she" can refer to
/// ("Thailand's foreign minister said he would hold talks"). Bodies ("ministry", "army",
/// "government", "police") are no one's "he".
const PERSON_ROLE_HEADS: &[&str] = &[
    "minister",
    "president",
    "premier",
    "chancellor",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "leader",
    "chief",
    "commander",
    "general",
    "ambassador",
    "envoy",
    "diplomat",
    "official",
    "governor",
    "mayor",
    "senator",
    "lawmaker",
    "legislator",
    "congressman",
    "congresswoman",
    "king",
    "queen",
    "prince",
    "princess",
    "emperor",
    "monarch",
    "sultan",
    "emir",
    "chairman",
    "chairwoman",
    "director",
    "judge",
    "prosecutor",
    "attorney",
    "lawyer",
    "officer",
    "soldier",
    "policeman",
    "policewoman",
    "activist",
    "journalist",
    "reporter",
    "negotiator",
    "mediator",
    "candidate",
    "colonel",
    "captain",
    "lieutenant",
    "sergeant",
    "admiral",
    "marshal",
    "pope",
    "bishop",
    "imam",
    "cleric",
    "rabbi",
    "priest",
    "dictator",
    "ruler",
    "speaker",
    "adviser",
    "advisor",
    "aide",
    "representative",
    "delegate",
    "inspector",
    "investigator",
    "businessman",
    "businesswoman",
    "dissident",
    "defector",
    "detainee",
    "prisoner",
    "hostage",
    "suspect",
    "refugee",
    "migrant",
    "president-elect",
    "vice-president",
    "head",
];

/// The role words (from [`role_words`]) name one person: their last word is a
/// [`PERSON_ROLE_HEADS`] noun.
fn is_person_role(role: &str) -> bool {
    // (a set made once: this is asked of most role phrases, and the list is long)
    static HEADS: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::OnceLock::new();
    let head = role.rsplit(' ').next().unwrap_or(role);
    HEADS
        .get_or_init(|| PERSON_ROLE_HEADS.iter().copied().collect())
        .contains(head)
}

/// A code's first three letters name a country, not an international or non-state group
/// (`IGO...`, `NGO...`, `IMG...`, `MNC...`) nor a role with no country ("OPP" for
/// "activists").
pub(crate) fn is_country_prefix(prefix: &str) -> bool {
    !matches!(
        prefix,
        "IGO" | "NGO" | "IMG" | "MNC" | "INT" | "NGM" | "UIS"
    ) && !is_actor_type(prefix)
}

/// Whether a three-letter code is a CAMEO or PLOVER actor type (a role or sector, as in
/// `data/ontology/actor_code_parts.tsv`) rather than a country.
fn is_actor_type(code: &str) -> bool {
    matches!(
        code,
        "COP"
            | "GOV"
            | "INS"
            | "JUD"
            | "MIL"
            | "OPP"
            | "REB"
            | "SEP"
            | "SPY"
            | "UAF"
            | "AGR"
            | "BUS"
            | "CRM"
            | "CVL"
            | "DEV"
            | "EDU"
            | "ELI"
            | "ENV"
            | "HLH"
            | "HRI"
            | "LAB"
            | "LEG"
            | "MED"
            | "REF"
            | "MOD"
            | "RAD"
            | "AMN"
            | "IRC"
            | "GRP"
            | "UNO"
            | "PKO"
            | "UIS"
            | "IGO"
            | "IMG"
            | "INT"
            | "MNC"
            | "NGM"
            | "NGO"
            | "SET"
            | "PTY"
            | "PRM"
            | "UNK"
            | "JRN"
            | "PRE"
            | "REL"
            | "SOC"
    )
}
/// Separates the two members of a pair reference's code ("RUSGOV+UKRGOV").
pub const PAIR_SEPARATOR: char = '+';

impl KnownNames for ArticleMemory {
    fn is_known_name(&self, lower: &str) -> bool {
        self.names.contains_key(lower)
    }
}

/// How a phrase's code was found (shown by `dyad explain`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    Dictionary,
    /// From earlier in the article, with the reason.
    Coreference(&'static str),
}

/// A country or group code with a role's sector: after it (`RUS` + `MIL`), or before it for
/// PETRARCH's prefix agents (`NGO` + `ARN` = `NGOARN`).
fn with_sector(base: &str, sector: &str, prefix: bool) -> String {
    let (first, second) = if prefix {
        (sector, base)
    } else {
        (base, sector)
    };
    let mut code = String::with_capacity(first.len() + second.len());
    code.push_str(first);
    code.push_str(second);
    code
}

/// A phrase the dictionaries read as a country or a town that names neither, so it is no
/// actor and lends no country to the roles of its sentence: a country's name inside a place's
/// name ("near Puerto Jordan"), a town's name that is a surname ("said Lorna Dizon").
fn names_no_country(lex: &Lexicon, p: &ActorPhrase, toks: &[Token]) -> bool {
    names_a_place_not_its_country(p, toks)
        || (matches!(p.country, Some((_, ActorKind::Town)))
            && first_name_before(lex, p, toks).is_some())
}

/// "near Puerto Jordan", "in Fort Portal": a country's name after a capitalised place word is
/// part of a place's name (a Colombian town, a Ugandan one), not the country. Places the
/// gazetteer knows whole ("Port Sudan", "San Marino") are one phrase and never get here.
fn names_a_place_not_its_country(p: &ActorPhrase, toks: &[Token]) -> bool {
    p.start > 0
        && matches!(p.country, Some((_, ActorKind::CountryName)))
        && toks[p.start - 1].capitalized
        && matches!(
            toks[p.start - 1].lower.as_str(),
            "puerto"
                | "port"
                | "porto"
                | "fort"
                | "lake"
                | "mount"
                | "cape"
                | "ciudad"
                | "villa"
                | "santa"
                | "santo"
                | "saint"
                | "st"
        )
}

/// The capitalised word the dictionaries do not know written right before a one-word phrase
/// ("said Pieter Hoekstra", "said Lorna Dizon"): a first name, so the phrase is a surname.
/// (A capitalised first word of the sentence may be any word: "Meanwhile Hoekstra said".)
fn first_name_before<'t>(lex: &Lexicon, p: &ActorPhrase, toks: &'t [Token]) -> Option<&'t str> {
    if p.end != p.start + 1 || !p.names.is_empty() {
        return None;
    }
    first_name_at(lex, p.start, toks)
}

/// The person's name of a phrase with a title before it ("former Prime Minister Betssy
/// Chavez"): the capitalised word the dictionaries do not know right before the person's
/// own words, when there is one — a first name, so the person named is someone else.
fn first_name_before_person<'t>(
    lex: &Lexicon,
    p: &ActorPhrase,
    toks: &'t [Token],
) -> Option<&'t str> {
    if p.end == p.start + 1 {
        return first_name_before(lex, p, toks);
    }
    let &(_, start, end) = p.matched.iter().find(|(e, _, _)| {
        matches!(
            e,
            LexEntry::Actor {
                kind: ActorKind::Person,
                ..
            }
        )
    })?;
    // (a one-word alias only: "Chavez", not "Hugo Chavez")
    if end != start + 1 || start <= p.start {
        return None;
    }
    first_name_at(lex, start, toks)
}

/// [`first_name_before`] for the word at `at`.
fn first_name_at<'t>(lex: &Lexicon, at: usize, toks: &'t [Token]) -> Option<&'t str> {
    if at < 2 {
        return None;
    }
    let before = &toks[at - 1];
    (before.capitalized
        && before.lower.len() > 1
        && before.lower.bytes().all(|b| b.is_ascii_lowercase())
        && lex.word(&before.lower).is_none())
    .then_some(before.lower.as_str())
}

/// Who owns a generic title when a body outside the state is named just before it.
enum NonStateOwner {
    /// A body with a CAMEO sector: a company's president is business, a university's
    /// spokesman education.
    Sector(&'static str),
    /// A body no CAMEO sector is about (a festival, an orchestra, a club): its director or
    /// spokeswoman is not a political actor, and their words are no event.
    NotAnActor,
}

/// The non-state body that owns a phrase's title: the noun just before it ("the festival
/// director") or a possessive one ("the orchestra's spokeswoman"). Its own word list, not the
/// agents dictionary's: a compound the dictionary knows ("company spokesman") is one phrase
/// and never gets here, and as an owner a noun is unambiguous that the dictionary leaves out
/// as an actor ("the firm's", "the bank's" — "West Bank"), while the cultural bodies have no
/// sector to be an agent of.
fn non_state_owner(p: &ActorPhrase, toks: &[Token]) -> Option<NonStateOwner> {
    // past up to two words of the title ("the orchestra's music director", "Festival artistic
    // director Nadia Bensaid"), never past a determiner or punctuation
    (1..=3).find_map(|back| {
        let mut b = p.start.checked_sub(back)?;
        if matches!(toks[b].lower.as_str(), "'s" | "'") {
            b = b.checked_sub(1)?;
        }
        let between = &toks[b + 1..p.start];
        if between.iter().any(|t| {
            !t.lower.bytes().all(|c| c.is_ascii_lowercase())
                && !matches!(t.lower.as_str(), "'s" | "'")
                || matches!(t.lower.as_str(), "the" | "a" | "an" | "and" | "of")
        }) {
            return None;
        }
        owner_kind(&toks[b].lower)
    })
}

/// [`NonStateOwner`] of a body's noun.
fn owner_kind(noun: &str) -> Option<NonStateOwner> {
    let owner = noun.strip_suffix("'s").unwrap_or(noun);
    Some(match owner {
        "company" | "firm" | "bank" | "insurer" | "airline" | "carrier" | "maker"
        | "manufacturer" | "retailer" | "lender" | "corporation" | "conglomerate" | "startup"
        | "brewery" | "supermarket" | "chain" | "automaker" | "carmaker" | "developer" => {
            NonStateOwner::Sector("BUS")
        }
        "university" | "school" | "college" => NonStateOwner::Sector("EDU"),
        "hospital" | "clinic" => NonStateOwner::Sector("HLH"),
        "festival" | "orchestra" | "museum" | "theatre" | "theater" | "club" | "team"
        | "league" | "gallery" | "opera" | "choir" | "band" | "studio" | "publisher" => {
            NonStateOwner::NotAnActor
        }
        _ => return None,
    })
}

/// Why an indefinite bare role took the country of the nearest actor in its sentence.
pub const NEAREST_COUNTRY: &str = "country of the nearest actor in the sentence";
/// [`Resolution::Coreference`] of a bare role given the country of a place the sentence names.
pub const PLACE_IN_SENTENCE: &str = "place named in the sentence";

/// What news calls a junta before it calls it one ("the junta" is then that body).
const JUNTA_NAMES: &[&str] = &[
    "military government",
    "military rulers",
    "military regime",
    "military authorities",
    "military leaders",
    "military junta",
];

/// Forms of the common verbs of saying, after which a subject pronoun is often the speaker
/// ("Armenia and Azerbaijan said they had agreed").
const SPEECH_FORMS: &[&str] = &[
    "said",
    "say",
    "says",
    "announced",
    "confirmed",
    "stated",
    "insisted",
    "declared",
];

/// Whether token `at` follows one of [`SPEECH_FORMS`], past a "that", a day or an adverb of
/// time ("said on Thursday they", "announced that they").
fn after_speech_verb(toks: &[Token], at: usize) -> bool {
    speech_verb_before(toks, at).is_some()
}

/// Where the speech verb stands that token `at` follows, past "that", a time word or "also"
/// ("said on Tuesday that it").
fn speech_verb_before(toks: &[Token], at: usize) -> Option<usize> {
    let mut k = at;
    while k > 0 && at - k < 3 && {
        let w = toks[k - 1].lower.as_str();
        matches!(w, "that" | "on" | "later" | "earlier" | "also")
            || crate::annotate::WEEKDAYS.contains(&w)
    } {
        k -= 1;
    }
    (k > 0 && SPEECH_FORMS.contains(&toks[k - 1].lower.as_str())).then(|| k - 1)
}

/// Why a bare role has the country of the place said right after it ("people in southern
/// Israel").
pub const PLACE_RIGHT_AFTER: &str = "the place named right after it";

impl ArticleMemory {
    /// The country nearest to token `at` in the current sentence other than `not`, else the
    /// sentence's place or the country named last, if either differs from `not`: whose a bare
    /// role noun is when the nearest country is its attacker's ("Israeli jets attacked army
    /// positions, Syria's defence ministry said" — the army is Syria's).
    pub fn other_country(&self, at: usize, not: &str) -> Option<String> {
        self.sentence_countries
            .iter()
            .filter(|(_, c)| c != not)
            .min_by_key(|(p, _)| p.abs_diff(at))
            .map(|(_, c)| c.clone())
            .or_else(|| self.sentence_place.clone().filter(|c| c != not))
            .or_else(|| self.last_country.clone().filter(|c| c != not))
    }

    /// The country a role named with no country of its own belongs to when its sentence
    /// names none: the one the article has named most so far, the first named of equals (the
    /// headline and the lead name what the story is about). A story
    /// about Romania that quotes "orders from Brussels" once still means Romania's leaders by
    /// "leaders" — the country named last would make them Belgian.
    /// The country an institution phrase stands for. "Congress" alone is the United States'
    /// in the dictionary, but in a story about Peru it is Peru's: a bare institution name
    /// belongs to the story's country when that country lists the same institution under a
    /// longer name ("Peruvian Congress").
    fn institution_country<'d>(
        &self,
        d: &'d crate::dict::Dictionary,
        p: &ActorPhrase,
        toks: &[Token],
        institution_country: u32,
        sector: &str,
    ) -> &'d str {
        let listed = d.countries[institution_country as usize].code.as_str();
        let Some(story) = self.story_country().filter(|&s| s != listed) else {
            return listed;
        };
        let words: Vec<&str> = toks[p.start..p.end]
            .iter()
            .map(|t| t.lower.as_str())
            .collect();
        let suffix = format!(" {}", words.join(" "));
        d.countries
            .iter()
            .find(|c| c.code == story)
            .filter(|c| {
                c.institutions
                    .iter()
                    .any(|(name, s)| s == sector && name.to_lowercase().ends_with(&suffix))
            })
            .map_or(listed, |c| c.code.as_str())
    }

    fn story_country(&self) -> Option<&str> {
        self.named_countries
            .iter()
            .enumerate()
            .max_by_key(|(at, (_, n))| (*n, std::cmp::Reverse(*at)))
            .and_then(|(_, (c, _))| std::str::from_utf8(c).ok())
    }

    /// Token `at` of the current sentence is inside quotation marks.
    fn in_quote(&self, at: usize) -> bool {
        self.quoted
            .iter()
            .any(|&(first, end)| first <= at && at < end)
    }

    /// One more mention of country `code` (also made for the dateline's place).
    pub fn count_country(&mut self, code: &str) {
        let Ok(key) = <[u8; 3]>::try_from(code.as_bytes()) else {
            return;
        };
        match self.named_countries.iter_mut().find(|(c, _)| *c == key) {
            Some((_, n)) => *n += 1,
            None => self.named_countries.push((key, 1)),
        }
    }

    /// Resolve one phrase and remember it. `None` when it names no actor we can code.
    pub fn resolve(
        &mut self,
        lex: &Lexicon,
        p: &ActorPhrase,
        toks: &[Token],
        date: Date,
    ) -> Option<(String, Resolution)> {
        let d = &lex.dict;
        let sector = p.agent.map(|a| d.agents[a as usize].sector.as_str());
        // "the festival director", "an orchestra spokeswoman", "the company's president": a
        // generic title is the government's only when nothing outside the state owns it
        let sector = match p.agent.filter(|&a| d.agents[a as usize].generic) {
            Some(_) if p.person.is_none() && p.pronoun.is_none() => {
                match non_state_owner(p, toks) {
                    Some(NonStateOwner::Sector(s)) => Some(s),
                    Some(NonStateOwner::NotAnActor) => {
                        // "he" and "she" now mean this person, who is no actor, rather than
                        // one named before
                        if !p.plural {
                            self.last_person = None;
                            self.subject_person = None;
                        }
                        return None;
                    }
                    None => sector,
                }
            }
            _ => sector,
        };
        // "a former U.S. soldier", "retired police officers": who served no longer acts for
        // the forces, and is a civilian
        // ... and "former Vice President Jorge Glas", "a former minister": who held office no
        // longer acts for the state, and is one of its elite (CAMEO's ELI; the people files
        // give the leaders they know the same code after their roles)
        let former_title = p.person.is_none()
            && matches!(sector, Some("MIL" | "COP" | "SPY" | "GOV" | "LEG" | "JUD"))
            && toks[p.start.saturating_sub(2)..p.end]
                .iter()
                .any(|t| matches!(t.lower.as_str(), "former" | "ex" | "retired"));
        let sector = match sector {
            Some("MIL" | "COP" | "SPY") if former_title => Some("CVL"),
            Some(_) if former_title => Some("ELI"),
            _ => sector,
        };
        let prefix = p.agent.is_some_and(|a| d.agents[a as usize].prefix);
        let country_code = p
            .country
            .map(|(c, _)| d.countries[c as usize].code.as_str());
        // (what is read, and remembered, of the role: found once)
        let role = if p.pronoun.is_some() {
            None
        } else {
            role_words(p, toks)
        };
        // "Italy's opposition Democratic Party": a capitalised role noun right after a phrase
        // that ends in a name is that name's last word, the same actor
        let ends_name = p.pronoun.is_none()
            && p.country.is_none()
            && p.person.is_none()
            && !matches!(p.org, Some((_, ActorKind::OrgName)))
            && (p.agent.is_some() || p.org.is_some())
            && p.end == p.start + 1
            && toks[p.start].capitalized
            && p.start > 0
            && toks[p.start - 1].capitalized
            && toks[p.start - 1].kind == TokenKind::Word;
        if ends_name {
            if let Some((_, code)) = self
                .sentence_last_named
                .as_ref()
                .filter(|(end, c)| *end == p.start && !c.is_empty())
            {
                return Some((code.clone(), Resolution::Coreference("the name it ends")));
            }
        }
        if names_no_country(lex, p, toks) {
            return None;
        }
        let res = if let Some(k) = p.pronoun {
            let r = match k {
                // ("granted him asylum": an object pronoun right after the verb of the last
                // person named is not that person, who is the verb's subject)
                Pronoun::Person if self.bound_by_last_person(p, toks) => {
                    self.earlier_person.clone()
                }
                // ("Blinken said he had raised concerns": a subject pronoun right after the
                // speech verb of the person just named is that speaker)
                Pronoun::Person if self.speaker_just_named(lex, p, toks) => {
                    self.last_person.clone()
                }
                Pronoun::Person => self
                    .subject_person
                    .clone()
                    .or_else(|| self.last_person.clone()),
                // (the subject before a passive's agent: "Protesters were arrested by police as
                // they marched")
                Pronoun::Plural => {
                    // ("Yoon and Kishida agreed to resume visits between their leaders, as
                    // they met in Tokyo": the clause of time shares the pair subject)
                    // ("Armenia and Azerbaijan said on Thursday they had agreed": the speakers)
                    let shares_subject = p.start > 0
                        && (opens_adverbial_clause(&toks[p.start - 1].lower)
                            || after_speech_verb(toks, p.start));
                    let pair = match &self.sentence_subject_pair[..] {
                        [a, b] if shares_subject && a.len() >= 3 && b.len() >= 3 => {
                            (a[..3] != b[..3] && !a.contains(PAIR_SEPARATOR))
                                .then(|| format!("{a}{PAIR_SEPARATOR}{b}"))
                        }
                        _ => None,
                    };
                    pair.or_else(|| {
                        self.sentence_subject_plural
                            .clone()
                            .filter(|s| self.last_plural_is_agent && !s.is_empty())
                    })
                    .or_else(|| self.last_plural.clone())
                    .or_else(|| self.last_thing.clone())
                }
                // ("... as it launched its largest drills": the clause of time or cause
                // shares the sentence's subject)
                // ("The army said it was sending 5,000 troops": a subject pronoun right after
                // the speech verb of the thing just named is that speaker)
                Pronoun::Thing if self.thing_speaker(p, toks).is_some() => {
                    self.thing_speaker(p, toks)
                }
                Pronoun::Thing => {
                    let opens_adverbial =
                        p.start > 0 && opens_adverbial_clause(&toks[p.start - 1].lower);
                    self.sentence_subject_thing
                        .clone()
                        .filter(|s| opens_adverbial && !s.is_empty())
                        .or_else(|| self.last_thing.clone())
                }
                Pronoun::Speaker => None,
                // (a hostile act's target so resolved to its attacker is moved to the other
                // country of the sentence, as a bare role's is: NEAREST_COUNTRY)
                Pronoun::Country => {
                    let country = self
                        .sentence_countries
                        .iter()
                        .filter(|(at, _)| *at < p.start)
                        .max_by_key(|(at, _)| *at)
                        .map(|(_, c)| c.clone())
                        .or_else(|| self.last_country.clone());
                    return country.map(|c| match sector {
                        Some(s) => (
                            with_sector(&c, s, prefix),
                            Resolution::Coreference(NEAREST_COUNTRY),
                        ),
                        None => (c, Resolution::Coreference(NEAREST_COUNTRY)),
                    });
                }
                Pronoun::Pair => self.last_pair.as_ref().map(|(a, b)| {
                    // "the two countries" are the countries, "the two leaders" the people
                    let head = toks[p.end - 1].lower.as_str();
                    let country_level = matches!(
                        head,
                        "countries" | "nations" | "states" | "neighbours" | "neighbors"
                    );
                    if country_level {
                        format!("{}{PAIR_SEPARATOR}{}", &a[..3], &b[..3])
                    } else {
                        format!("{a}{PAIR_SEPARATOR}{b}")
                    }
                }),
            };
            // ("his country": the referent's country)
            if p.owners_country {
                return r
                    .filter(|c| c.len() >= 3 && !c.contains(PAIR_SEPARATOR))
                    .map(|c| {
                        (
                            c[..3].to_string(),
                            Resolution::Coreference("the owner's country"),
                        )
                    });
            }
            return r.map(|c| (c, Resolution::Coreference("pronoun")));
        } else if let Some(pi) = p.person.filter(|&pi| {
            // "said Pieter Hoekstra": the dictionary's Hoekstra is Wopke
            first_name_before_person(lex, p, toks).is_none_or(|first| {
                d.people[pi as usize]
                    .name
                    .split_whitespace()
                    .any(|w| w.eq_ignore_ascii_case(first))
            })
        }) {
            // "Bree Prime Minister Romendacil" with the person coded only by country (`BRE`):
            // the title gives the sector, as in PETRARCH's dictionaries
            let person = &d.people[pi as usize];
            // a title the story gives as past: "former", "ousted President"
            let past_title = toks[p.start.saturating_sub(2)..p.end].iter().any(|t| {
                matches!(
                    t.lower.as_str(),
                    "former" | "ex" | "late" | "ousted" | "deposed" | "toppled" | "exiled"
                )
            });
            let out_of_role = person.out_of_role_on(date);
            // "supporters of opposition politician Sadyr Japarov" weeks before he took
            // office: out of every dated role, the title the story gives the person says what
            // they are now, better than the elite guess (unless it is a past title)
            // (a generic title alone, "politician", says nothing the elite guess does not)
            let titled_now = out_of_role
                && !past_title
                && p.agent.is_some_and(|a| !d.agents[a as usize].generic);
            // "detained President Mohamed Bazoum" the day after the coup ended his term in
            // the dictionary: the title the story gives is the role just left, when there is
            // no role since (a party out of government is in opposition at once)
            let just_left = sector.as_ref().and_then(|s| {
                (out_of_role && !past_title)
                    .then(|| person.role_left_within(date, 31))
                    .flatten()
                    .filter(|c| c.len() > 3 && c[3..] == s[..])
            });
            person.code_on(date).map(|c| {
                let code = match (&sector, just_left) {
                    (_, Some(left)) => left.to_string(),
                    (Some(s), None) if c.len() == 3 => with_sector(&c, s, prefix),
                    (Some(s), None) if titled_now && c.len() >= 3 => {
                        with_sector(&c[..3], s, prefix)
                    }
                    _ => c,
                };
                (code, Resolution::Dictionary)
            })
        } else if let Some((ci, sec)) = &p.institution {
            let base =
                country_code.unwrap_or_else(|| self.institution_country(d, p, toks, *ci, sec));
            Some((with_sector(base, sec, false), Resolution::Dictionary))
        } else if let Some((oi, kind)) = p.org {
            if kind == ActorKind::OrgRef {
                // "the alliance": the organisation named most recently among those it can
                // refer to
                let words: String = toks[p.start..p.end]
                    .iter()
                    .map(|t| t.lower.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                let refers = |o: u32| {
                    d.organizations[o as usize].refs.iter().any(|r| {
                        let r = r.to_lowercase();
                        r.strip_prefix("the ").unwrap_or(&r) == words
                    })
                };
                self.named_orgs
                    .iter()
                    .rev()
                    .copied()
                    .find(|&o| o == oi || refers(o))
                    .map(|o| {
                        (
                            d.organizations[o as usize].code.clone(),
                            Resolution::Coreference("organisation named earlier"),
                        )
                    })
                    // "the Saudi-led coalition", "a Russian-led alliance": a grouping led by
                    // a country, unnamed, is that country's (its armed forces, when it is a
                    // coalition or alliance: "warplanes from the Saudi-led coalition")
                    .or_else(|| {
                        let words = &toks[p.start..p.end];
                        let led = words.iter().any(|t| t.lower.ends_with("-led"));
                        let armed = words.iter().any(|t| {
                            matches!(
                                t.lower.as_str(),
                                "coalition" | "alliance" | "force" | "forces"
                            )
                        });
                        country_code.filter(|_| led).map(|cc| {
                            let code = if armed {
                                with_sector(cc, "MIL", false)
                            } else {
                                cc.to_string()
                            };
                            (code, Resolution::Dictionary)
                        })
                    })
            } else {
                Some((
                    d.organizations[oi as usize].code.clone(),
                    Resolution::Dictionary,
                ))
            }
        } else if let (Some(cc), Some((_, kind))) = (&country_code, p.country) {
            // "the Israeli people" is the nation; "Israeli people" some of its civilians
            // ("Ukrainian fighters" may be its soldiers or its volunteers: the country, which
            // the fighters of a group, "Hamas fighters", are not)
            let nation = (p.definite && role.as_deref() == Some("people"))
                || role.as_deref() == Some("fighter");
            let mut code = match (&sector, kind) {
                (Some(s), _) if !nation => with_sector(cc, s, prefix),
                (Some(_), _) => cc.to_string(),
                (None, ActorKind::Capital) => with_sector(cc, "GOV", false),
                (None, _) => cc.to_string(),
            };
            if let Some(pa) = p.prefix_agent {
                code = with_sector(&code, &d.agents[pa as usize].sector, true);
            }
            Some((code, Resolution::Dictionary))
        } else if p.agent.is_some() {
            let s = sector.unwrap_or_default();
            let subject_same_sector = self
                .subject_person
                .as_ref()
                .filter(|c| c.len() > 3 && c.ends_with(s));
            // ("Mali's military government gave France's ambassador 72 hours ... Le Drian
            // called the junta illegitimate": a junta is the military government named before)
            let same_role = |r: &str| {
                self.by_role.get(r).or_else(|| {
                    (r == "junta")
                        .then(|| JUNTA_NAMES.iter().find_map(|&name| self.by_role.get(name)))
                        .flatten()
                })
            };
            if let Some(prev) = p
                .definite
                .then(|| role.as_ref().and_then(|r| same_role(r.as_ref())))
                .flatten()
            {
                Some((
                    prev.clone(),
                    Resolution::Coreference("the same role named earlier"),
                ))
            } else if let Some(subj) = subject_same_sector.filter(|_| p.definite && !p.plural) {
                // "Lavrov said ... The minister warned": the person last in subject position
                Some((
                    subj.clone(),
                    Resolution::Coreference("the person last in subject position with that role"),
                ))
            } else if let Some(c) = self.possessor_country(p, toks) {
                // "Traore praised Russia and said his government was ready": the role is the
                // person's country's, not the nearest country's
                Some((
                    with_sector(&c, s, prefix),
                    Resolution::Coreference("the country 'his', 'her' or 'its' refers to"),
                ))
            } else if let Some(c) = self.place_right_after(p, toks) {
                // "killed more than 900 people in southern Israel": the role's own place,
                // said right after it, before any other the sentence names
                Some((
                    with_sector(c, s, prefix),
                    Resolution::Coreference(PLACE_RIGHT_AFTER),
                ))
            } else if let Some(c) = &self.sentence_place {
                Some((
                    with_sector(c, s, prefix),
                    Resolution::Coreference(PLACE_IN_SENTENCE),
                ))
            } else if let Some(c) = self
                .sentence_countries
                .iter()
                .filter(|(at, _)| !p.definite && self.in_quote(*at) == self.in_quote(p.start))
                .min_by_key(|(at, _)| at.abs_diff(p.start))
                .map(|(_, c)| c)
            {
                // "the ministry" refers back; "soldiers" are of the country named nearest
                Some((
                    with_sector(c, s, prefix),
                    Resolution::Coreference(NEAREST_COUNTRY),
                ))
            } else if let Some(c) = self.story_country().filter(|_| !self.unplaced_roles) {
                Some((
                    with_sector(c, s, prefix),
                    Resolution::Coreference("the country the article names most"),
                ))
            } else {
                Some((s.to_string(), Resolution::Dictionary))
            }
        } else if !p.names.is_empty() || p.start < p.end {
            // a bare or honorific name introduced earlier
            p.names
                .iter()
                .chain(std::iter::once(&p.start))
                .find_map(|&t| self.names.get(&toks[t].lower).cloned())
                .map(|c| (c, Resolution::Coreference("name introduced earlier")))
        } else {
            None
        };
        if let Some((code, _)) = &res {
            self.remember(p, code, toks, role);
        }
        res
    }

    /// Where the phrase of the last person named ends, when it stands in the current sentence
    /// at most `words` tokens before `p`.
    fn last_person_end_within(&self, p: &ActorPhrase, words: usize) -> Option<usize> {
        self.last_person_end
            .filter(|&e| e < p.start && p.start - e <= words)
    }

    /// "Blinken said he", "Sandu told reporters that she": a subject pronoun after the speech
    /// verb (and "that", or "reporters") of the person named right before it in the sentence.
    fn speaker_just_named(&self, lex: &Lexicon, p: &ActorPhrase, toks: &[Token]) -> bool {
        let Some(end) = self.last_person_end_within(p, 8) else {
            return false;
        };
        if !matches!(toks[p.start].lower.as_str(), "he" | "she") {
            return false;
        }
        // the speech verb right before the pronoun ("said that he", "told reporters she")
        let mut v = p.start;
        while v > end
            && matches!(
                toks[v - 1].lower.as_str(),
                "that" | "reporters" | "journalists"
            )
        {
            v -= 1;
        }
        let Some(v) = v.checked_sub(1).filter(|&v| v >= end) else {
            return false;
        };
        // (a past or present form of a verb the dictionaries call speech)
        let speech = !toks[v].lower.ends_with("ing")
            && lex.verb_readings(&toks[v].lower).iter().any(|&(l, _)| {
                lex.lemma_cues(l)
                    .iter()
                    .any(|c| matches!(c, crate::modality::CueClass::Speech))
            });
        // ... and between the person and the verb only an age or an auxiliary ("Duterte, 79,
        // has said he")
        speech
            && toks[end..v].iter().all(|t| {
                t.kind == TokenKind::Number
                    || matches!(
                        t.lower.as_str(),
                        "," | "has" | "had" | "have" | "also" | "later" | "again"
                    )
            })
    }

    /// Whether the object pronoun `p` ("him", "her" before no noun) stands right after the
    /// verb whose subject is the last person named: one or two words after that person's
    /// phrase, with no punctuation or clause word between ("the government of Fernandez
    /// granted him").
    fn bound_by_last_person(&self, p: &ActorPhrase, toks: &[Token]) -> bool {
        let Some(end) = self.last_person_end_within(p, 2) else {
            return false;
        };
        let object_form = match toks[p.start].lower.as_str() {
            "him" => true,
            "her" => toks
                .get(p.start + 1)
                .is_none_or(|t| t.kind != TokenKind::Word || t.lower == "to" || t.lower == "of"),
            _ => false,
        };
        object_form
            && self.earlier_person.is_some()
            && toks[end..p.start].iter().all(|t| {
                t.kind == TokenKind::Word
                    && !matches!(
                        t.lower.as_str(),
                        "and" | "or" | "but" | "that" | "who" | "which" | "to" | "with" | "by"
                    )
            })
    }

    /// The thing (a state body, an organisation, a country) whose phrase ends right before
    /// the speech verb that the pronoun `p` follows: "The army said it", "Pakistan said on
    /// Tuesday it".
    fn thing_speaker(&self, p: &ActorPhrase, toks: &[Token]) -> Option<String> {
        let verb = speech_verb_before(toks, p.start)?;
        self.sentence_last_thing
            .as_ref()
            .filter(|(end, c)| *end == verb && !c.is_empty())
            .map(|(_, c)| c.clone())
    }

    /// `role`: the phrase's [`role_words`].
    fn remember(&mut self, p: &ActorPhrase, code: &str, toks: &[Token], role: Option<Cow<str>>) {
        if let Some((oi, ActorKind::OrgName)) = p.org {
            self.named_orgs.retain(|&o| o != oi);
            self.named_orgs.push(oi);
        }
        let is_person = p.person.is_some()
            || (!p.names.is_empty() && p.agent.is_some() && !p.plural)
            || (!p.plural && role.as_deref().is_some_and(is_person_role));
        if is_person || (!p.names.is_empty() && p.country.is_none() && p.org.is_none()) {
            if p.pronoun.is_none() && self.last_person.as_deref().is_some_and(|l| l != code) {
                self.earlier_person = self.last_person.take();
            }
            keep(&mut self.last_person, code);
            self.last_person_end = Some(p.end);
            if self.sentence_person.is_none() {
                self.sentence_person = Some(code.to_string());
            }
            for &t in &p.names {
                keep_in(&mut self.names, &toks[t].lower, code);
            }
        }
        if self.sentence_subject_group == Some(p.group)
            && p.pronoun.is_none()
            && self.sentence_subject_pair.len() < 2
        {
            self.sentence_subject_pair.push(code.to_string());
        }
        if p.pronoun.is_none() {
            match &mut self.sentence_last_named {
                Some((end, c)) => {
                    *end = p.end;
                    c.clear();
                    c.push_str(code);
                }
                None => self.sentence_last_named = Some((p.end, code.to_string())),
            }
        }
        if !is_person && !p.plural && p.pronoun.is_none() && !p.is_bare_adjective() {
            match &mut self.sentence_last_thing {
                Some((end, c)) => {
                    *end = p.end;
                    c.clear();
                    c.push_str(code);
                }
                None => self.sentence_last_thing = Some((p.end, code.to_string())),
            }
        }
        if p.plural {
            keep(&mut self.last_plural, code);
            self.last_plural_is_agent = p.start > 0 && toks[p.start - 1].lower == "by";
            if self.sentence_subject_at == Some(p.start) {
                keep(&mut self.sentence_subject_plural, code);
            }
        }
        if p.country.is_some() || p.org.is_some() || p.institution.is_some() {
            // "denied Russian accusations that it ...": "it" is not Russia; a nationality
            // adjective describes a thing, it names no referent for a pronoun
            if !is_person && !p.is_bare_adjective() {
                keep(&mut self.last_thing, code);
                if self.sentence_subject_at == Some(p.start) && p.pronoun.is_none() {
                    keep(&mut self.sentence_subject_thing, code);
                }
            }
            if p.country.is_some()
                || p.institution.is_some()
                || (p.org.is_some() && self.country_codes_hint(code))
            {
                keep(&mut self.last_country, &code[..3]);
                if !self.in_quote(p.start) {
                    self.count_country(&code[..3]);
                }
            }
        }
        if let Some(role) = role {
            keep_in(&mut self.by_role, &role, code);
        }
    }

    /// Before a sentence's phrases are resolved: the country of the first place it names after a
    /// locative preposition ("in Minsk", "across Iran").
    ///
    /// (The last sentence's list and strings are overwritten, not made anew: this runs for
    /// every sentence.)
    /// `dateline`: where a dateline opening the sentence ends ("TAIPEI, Aug 4 (Reuters) -" names
    /// no subject).
    pub fn set_sentence_place(
        &mut self,
        lex: &Lexicon,
        phrases: &[ActorPhrase],
        toks: &[Token],
        dateline: Option<usize>,
    ) {
        self.sentence_person = None;
        self.last_person_end = None;
        self.sentence_last_thing = None;
        self.sentence_last_named = None;
        // (emptied, not dropped: the strings are reused sentence after sentence)
        for s in [
            &mut self.sentence_subject_plural,
            &mut self.sentence_subject_thing,
        ]
        .into_iter()
        .flatten()
        {
            s.clear();
        }
        self.last_plural_is_agent = false;
        // (the first phrase, when only a quantity or an article stands before it)
        let from = dateline.unwrap_or(0);
        let first = phrases.iter().find(|p| p.start >= from);
        self.sentence_subject_pair.clear();
        self.sentence_subject_group = first
            .map(|f| f.group)
            .filter(|&g| phrases.iter().filter(|q| q.group == g).count() == 2);
        self.sentence_subject_at = first.map(|p| p.start).filter(|&start| {
            toks[from..start].iter().all(|t| {
                matches!(
                    t.lower.as_str(),
                    "the"
                        | "a"
                        | "an"
                        | "of"
                        | "dozens"
                        | "hundreds"
                        | "thousands"
                        | "some"
                        | "many"
                        | "several"
                        | "scores"
                        | "tens"
                ) || t.kind == TokenKind::Number
            })
        });
        if self.sentence_subject_at.is_none() {
            self.sentence_subject_group = None;
        }
        self.quoted.clear();
        // (typographic quotation marks are '"' by now: see `crate::clean`)
        let mut open: Option<usize> = None;
        for (i, t) in toks.iter().enumerate() {
            if t.lower != "\"" {
                continue;
            }
            let after_punctuation =
                i > 0 && matches!(toks[i - 1].lower.as_str(), "," | "." | "?" | "!");
            match open {
                Some(first) => {
                    self.quoted.push((first, i));
                    open = None;
                }
                // a quotation the sentence began inside of ('... a choice," X said')
                None if after_punctuation => self.quoted.push((0, i)),
                None => open = Some(i + 1),
            }
        }
        // a quotation that goes on into the next sentence
        if let Some(first) = open {
            self.quoted.push((first, toks.len()));
        }
        // (the list is filled while the memory is read: taken out meanwhile)
        let mut sentence_countries = std::mem::take(&mut self.sentence_countries);
        let countries = phrases
            .iter()
            // "a Russian law" describes a thing: it says nothing of whose the critics are
            .filter(|p| p.pronoun.is_none() && !p.is_bare_adjective())
            .filter(|p| !names_no_country(lex, p, toks))
            .filter_map(|p| {
                let code = match (p.country, &p.institution) {
                    (Some((c, _)), _) => lex.dict.countries[c as usize].code.as_str(),
                    (None, Some((c, sec))) => self.institution_country(&lex.dict, p, toks, *c, sec),
                    (None, None) => return None,
                };
                // (its last word: the distance to a role after it is from where it ends,
                // "Solomon Islands Prime Minister Manasseh Sogavare told parliament")
                Some((p.end - 1, code))
            });
        let mut n = 0;
        for (start, code) in countries {
            match sentence_countries.get_mut(n) {
                Some((at, c)) => {
                    *at = start;
                    c.clear();
                    c.push_str(code);
                }
                None => sentence_countries.push((start, code.to_string())),
            }
            n += 1;
        }
        sentence_countries.truncate(n);
        self.sentence_countries = sentence_countries;
        let place = phrases
            .iter()
            .find(|p| {
                // (a country and no role first: most phrases are not, and are not walked back)
                if p.country.is_none() || p.agent.is_some() {
                    return false;
                }
                // "in Minsk", "in several French cities", "in the Syrian city of"
                let mut b = p.start;
                let mut steps = 0;
                while b > 0
                    && steps < 3
                    && matches!(
                        toks[b - 1].lower.as_str(),
                        "the"
                            | "a"
                            | "an"
                            | "several"
                            | "many"
                            | "some"
                            | "two"
                            | "three"
                            | "northern"
                            | "southern"
                            | "eastern"
                            | "western"
                            | "central"
                    )
                {
                    b -= 1;
                    steps += 1;
                }
                b > 0
                    && matches!(
                        toks[b - 1].lower.as_str(),
                        "in" | "at"
                            | "near"
                            | "outside"
                            | "across"
                            | "throughout"
                            | "inside"
                            | "through"
                            | "around"
                    )
            })
            .and_then(|p| p.country)
            .map(|(c, _)| lex.dict.countries[c as usize].code.as_str());
        match place {
            Some(code) => keep(&mut self.sentence_place, code),
            None => self.sentence_place = None,
        }
    }

    /// Do not give bare role nouns the country of another actor in the sentence (PETRARCH's
    /// convention, for its validation suites).
    pub fn forget_sentence_country(&mut self) {
        self.sentence_countries.clear();
    }

    /// After a sentence is coded: the parties of its first bilateral act, else of its first
    /// coordinated pair of subjects, become what "the two sides" refers to. Only parties of
    /// different countries form a pair; a pair reference never refers to another pair.
    pub fn note_pair(&mut self, a: &str, b: &str) {
        let distinct = a.len() >= 3 && b.len() >= 3 && a[..3] != b[..3];
        if distinct && !a.contains(PAIR_SEPARATOR) && !b.contains(PAIR_SEPARATOR) {
            self.last_pair = Some((a.to_string(), b.to_string()));
        }
    }

    /// The country of the person a possessive "his" or "her" before a bare role refers to,
    /// when coded by a country: the first person named in this sentence, else the last
    /// sentence's subject, else the person named last ("Ruto met the Russian ambassador. His
    /// government ..." is Ruto's). For "its", the state, force or body named last ("Uganda's
    /// army said its special forces had killed ...": Uganda's forces, not those of Congo where
    /// they fought).
    fn place_right_after(&self, p: &ActorPhrase, toks: &[Token]) -> Option<&str> {
        if toks.get(p.end).is_none_or(|t| t.lower != "in") {
            return None;
        }
        let mut k = p.end + 1;
        while k < toks.len()
            && k < p.end + 3
            && matches!(
                toks[k].lower.as_str(),
                "the" | "northern" | "southern" | "eastern" | "western" | "central"
            )
        {
            k += 1;
        }
        // (a country phrase is remembered by its last word: one of one to three words that
        // begins at `k`)
        self.sentence_countries
            .iter()
            .find(|(at, _)| (k..k + 3).contains(at))
            .map(|(_, c)| c.as_str())
    }

    fn possessor_country(&self, p: &ActorPhrase, toks: &[Token]) -> Option<String> {
        let before = toks.get(p.start.checked_sub(1)?)?;
        let owner = match before.lower.as_str() {
            "his" | "her" => self
                .sentence_person
                .as_ref()
                .or(self.subject_person.as_ref())
                .or(self.last_person.as_ref())?,
            "its" => self.last_thing.as_ref()?,
            _ => return None,
        };
        let country = owner.get(..3)?;
        (is_country_prefix(country) && country.bytes().all(|b| b.is_ascii_uppercase()))
            .then(|| country.to_string())
    }

    /// After a sentence is parsed: remember the person who was its first clause's subject.
    pub fn note_subject(&mut self, subject: &ActorPhrase, toks: &[Token], code: &str) {
        let person_like = subject.person.is_some()
            || (!subject.plural
                && subject.pronoun.is_none()
                && role_words(subject, toks).is_some_and(|r| is_person_role(&r)))
            || subject.pronoun == Some(Pronoun::Person)
            || (!subject.names.is_empty() && subject.country.is_none() && subject.org.is_none())
            || (!subject.names.is_empty() && subject.agent.is_some() && !subject.plural);
        if person_like {
            self.subject_person = Some(code.to_string());
        }
    }

    /// Does an organisation code start with a country ("NGAREB" for Boko Haram)? Regional and
    /// international codes (IGO..., NGO..., IMG...) do not.
    fn country_codes_hint(&self, code: &str) -> bool {
        code.len() >= 6 && is_country_prefix(&code[..3])
    }

    /// Register an organisation as named (used when a phrase matched an org name).
    pub fn org_named(&self, org: u32) -> bool {
        self.named_orgs.contains(&org)
    }
}
