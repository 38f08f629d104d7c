//! dyad's dictionaries: the plain-text format (`docs/dictionaries.md`), its parser, and the
//! compiled [`Lexicon`] the annotator matches against.
//!
//! Parsing is separate from compiling so that `dyad dict lint` and `dyad dict stats` can look at
//! entries as written, with their file and line, while the coder only ever sees the compiled,
//! matching-ready form. Every entry keeps its [`Origin`] so an event can cite the entries that
//! produced it.

mod lexicon;
mod parse;
pub mod petrarch;
pub mod write;

pub use lexicon::{
    inflect, literal_key, literal_matches, pluralize, singular, ActorKind, CandidateBits, CaseRule,
    CompiledPattern, LexEntry, Lexicon, PatElem, PhraseMatch, VerbForm, WordEntry,
};
pub use parse::parse_file;

use crate::date::Date;
use std::sync::Arc;

include!(concat!(env!("OUT_DIR"), "/default_dict.rs"));

/// Where an entry was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub file: Arc<str>,
    pub line: u32,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

impl Origin {
    /// Append `file:line` (the [`Display`](std::fmt::Display) form) to `out`. Every event cites
    /// several entries and its pattern this way, and building those strings with pushes instead
    /// of `format!` was a twentieth of the coding time.
    pub fn push_to(&self, out: &mut String) {
        out.push_str(&self.file);
        out.push(':');
        push_decimal(out, self.line);
    }
}

/// Append `n` in decimal, as `Display` writes it.
pub(crate) fn push_decimal(out: &mut String, mut n: u32) {
    let mut digits = [0u8; 10];
    let mut k = digits.len();
    loop {
        k -= 1;
        digits[k] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend(digits[k..].iter().map(|&d| char::from(d)));
}

/// A country, territory or region.
#[derive(Debug, Clone)]
pub struct CountryEntry {
    pub code: String,
    /// Primary name first.
    pub names: Vec<String>,
    pub adjectives: Vec<String>,
    pub demonyms: Vec<String>,
    pub capitals: Vec<String>,
    /// `(name, sector)`: "Kremlin" → "GOV".
    pub institutions: Vec<(String, String)>,
    pub is_region: bool,
    pub origin: Origin,
}

/// A dated role of a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    pub code: String,
    pub from: Option<Date>,
    pub to: Option<Date>,
}

/// A person with dated roles.
#[derive(Debug, Clone)]
pub struct PersonEntry {
    pub name: String,
    pub aliases: Vec<String>,
    pub roles: Vec<Role>,
    pub after: Option<String>,
    pub before: Option<String>,
    pub code: Option<String>,
    pub origin: Origin,
}

/// The code of a role during which the name is no actor at all (PETRARCH's `[--- <950630]`:
/// before that date "the Prince of Dol Amroth" is not coded).
pub const NO_ACTOR: &str = "---";

impl PersonEntry {
    /// On `date` the person holds none of their dated roles and the dictionary says nothing
    /// of that time (no `before`/`after` code): [`PersonEntry::code_on`] falls back to the
    /// country's elite (`ELI`), a guess that a title in the text can overrule.
    pub fn out_of_role_on(&self, date: Date) -> bool {
        !self.roles.is_empty()
            && self.before.is_none()
            && self.after.is_none()
            && !self
                .roles
                .iter()
                .any(|r| r.from.is_none_or(|f| f <= date) && r.to.is_none_or(|t| date <= t))
    }

    /// The code of a role the person left in the `days` days before `date`: news goes on
    /// calling a leader deposed on Wednesday "President" on Thursday.
    pub fn role_left_within(&self, date: Date, days: i64) -> Option<&str> {
        let since = date.add_days(-days);
        self.roles
            .iter()
            .filter(|r| r.code != NO_ACTOR)
            .find(|r| r.to.is_some_and(|t| since <= t && t < date))
            .map(|r| r.code.as_str())
    }

    /// The person's code on a given date (see the format docs for the defaults).
    pub fn code_on(&self, date: Date) -> Option<String> {
        if let Some(r) = self
            .roles
            .iter()
            .find(|r| r.from.is_none_or(|f| f <= date) && r.to.is_none_or(|t| date <= t))
        {
            return (r.code != NO_ACTOR).then(|| r.code.clone());
        }
        let first = self.roles.iter().filter_map(|r| r.from).min();
        let default_eli = || {
            self.roles
                .iter()
                .find(|r| r.code != NO_ACTOR)
                .map(|r| format!("{}ELI", &r.code[..3.min(r.code.len())]))
        };
        if self.roles.is_empty() {
            return self.code.clone();
        }
        match first {
            Some(f) if date < f => self
                .before
                .clone()
                .or_else(|| self.after.clone())
                .or_else(default_eli),
            _ => self.after.clone().or_else(default_eli),
        }
    }
}

/// An organisation.
#[derive(Debug, Clone)]
pub struct OrgEntry {
    pub code: String,
    pub names: Vec<String>,
    /// Definite descriptions valid once the organisation was named ("the alliance").
    pub refs: Vec<String>,
    pub origin: Origin,
}

/// Role nouns of one sector.
#[derive(Debug, Clone)]
pub struct AgentEntry {
    pub sector: String,
    pub nouns: Vec<String>,
    /// Generic heads ("official", "leader") yield to a more specific role noun in the phrase.
    pub generic: bool,
    /// The sector goes before the country code (`NGO` + `ARN` = `NGOARN`), as PETRARCH's
    /// `[NGO~]` agents do; written `SECTOR prefix:`.
    pub prefix: bool,
    /// Weapons and war machines ("artillery", "drone", "warplane"): an actor only with an owner
    /// in the phrase ("Russian artillery" → `RUSMIL`); alone ("a drone struck ...") they are
    /// not actors, since nothing in the phrase says whose they are. Written `SECTOR owned:`.
    pub owned: bool,
    pub origin: Origin,
}

/// A verb or noun pattern as written.
#[derive(Debug, Clone)]
pub struct PatternEntry {
    pub code: String,
    /// Written `032:033`: the code of the target's act back on the source (PETRARCH's paired
    /// codes: "X arrived in Y" is X visiting Y and Y hosting X).
    pub reverse_code: Option<String>,
    /// The pattern text, e.g. `accuse + of`.
    pub text: String,
    pub nominal: bool,
    pub origin: Origin,
}

/// A list of cue words of one class (modality or discard).
#[derive(Debug, Clone)]
pub struct CueEntry {
    pub class: String,
    pub phrases: Vec<String>,
    pub origin: Origin,
}

/// Irregular verb forms.
#[derive(Debug, Clone)]
pub struct IrregularVerb {
    pub lemma: String,
    pub past: String,
    pub participle: String,
    pub third: Option<String>,
    pub gerund: Option<String>,
    pub origin: Origin,
}

/// One expected event of an example: source, optional target, CAMEO code.
pub type ExpectedTriple = (String, Option<String>, String);

/// An `example:` sentence and what it must yield.
#[derive(Debug, Clone)]
pub struct Example {
    pub sentence: String,
    pub date: Option<Date>,
    /// Empty = must yield no event.
    pub expected: Vec<ExpectedTriple>,
    pub origin: Origin,
}

/// All entries of a dictionary set, as written.
#[derive(Debug, Clone, Default)]
pub struct Dictionary {
    pub countries: Vec<CountryEntry>,
    pub people: Vec<PersonEntry>,
    pub organizations: Vec<OrgEntry>,
    pub agents: Vec<AgentEntry>,
    pub verbs: Vec<PatternEntry>,
    pub nouns: Vec<PatternEntry>,
    pub modality: Vec<CueEntry>,
    pub discards: Vec<CueEntry>,
    pub irregular: Vec<IrregularVerb>,
    pub examples: Vec<Example>,
}

/// A line of a dictionary file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct DictError {
    pub file: String,
    pub line: u32,
    pub message: String,
}

/// How `--dict DIR` combines with the embedded default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DictMode {
    Replace,
    Extend,
}

impl Dictionary {
    /// Parse a set of `(file name, contents)` pairs. Every unreadable line is reported; the rest
    /// is kept.
    pub fn from_sources<'a>(
        files: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> (Dictionary, Vec<DictError>) {
        let files: Vec<(&str, &str)> = files.into_iter().collect();
        let parse_all = |part: &[(&str, &str)]| {
            let mut d = Dictionary::default();
            let mut errors = Vec::new();
            for (name, text) in part {
                errors.extend(parse_file(name, text, &mut d));
            }
            (d, errors)
        };
        // two halves in parallel (start-up time), merged in file order
        let total: usize = files.iter().map(|f| f.1.len()).sum();
        if total < 200_000 {
            return parse_all(&files);
        }
        let mut acc = 0;
        let split = files.iter().position(|f| {
            acc += f.1.len();
            acc * 2 >= total
        });
        let split = split.map_or(files.len(), |k| k + 1).min(files.len());
        let (first, second) = files.split_at(split);
        let ((mut d, mut errors), (d2, e2)) = std::thread::scope(|sc| {
            let h = sc.spawn(|| parse_all(second));
            let a = parse_all(first);
            (a, h.join().expect("dictionary parser thread"))
        });
        d.extend(d2);
        errors.extend(e2);
        (d, errors)
    }

    /// The embedded default dictionaries.
    pub fn default_set() -> (Dictionary, Vec<DictError>) {
        Dictionary::from_sources(DEFAULT_DICT_FILES.iter().copied())
    }

    /// Add another set's entries after this one's (earlier entries win ties).
    pub fn extend(&mut self, other: Dictionary) {
        self.countries.extend(other.countries);
        self.people.extend(other.people);
        self.organizations.extend(other.organizations);
        self.agents.extend(other.agents);
        self.verbs.extend(other.verbs);
        self.nouns.extend(other.nouns);
        self.modality.extend(other.modality);
        self.discards.extend(other.discards);
        self.irregular.extend(other.irregular);
        self.examples.extend(other.examples);
    }
}
