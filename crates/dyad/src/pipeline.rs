//! The [`Coder`]: compiled dictionaries plus options, and the one call that runs every stage on
//! an article.

use crate::act_anaphora::{self, PriorAct};
use crate::annotate::{annotate_with_cues, cue_table, Annotated, CueTable, Tag};
use crate::article::Article;
use crate::clean::{clean, CleanText};
use crate::code::{parse_sentence, SentenceParse, TargetAs};
use crate::dict::{DictError, Dictionary, Lexicon};
use crate::event::{event_hash, ActorRef, Event, Evidence, SharedStr};
use crate::gazetteer::{Gazetteer, PlaceId};
use crate::modality::{CueClass, Modality};
use crate::ontology::Ontology;
use crate::resolve::{ArticleMemory, Resolution};
use crate::segment::{segment, Sentence, Token};
use crate::situate::{self, Situation, Span};
use std::borrow::Cow;
use std::cell::OnceCell;
use std::sync::Arc;

/// Options that change what is coded.
#[derive(Debug, Clone)]
pub struct CoderOptions {
    /// Write negated, hypothetical, reported and question events too.
    pub all_modalities: bool,
    /// Code future cooperative acts with CAMEO's intent codes ("will meet" → 036). PETRARCH
    /// does not; its validation suites are run with this off.
    pub intent_codes: bool,
    /// Write a role with no known country as PETRARCH does (`---GOV`) instead of the bare
    /// sector (`GOV`). Used for PETRARCH validation suites; the output schema wants letters.
    pub petrarch_codes: bool,
    /// Write statements (`010`): a speaker's words that are no act dyad codes ("NATO will not
    /// send troops, Stoltenberg said"; "Xi told Biden that Taiwan was a red line"). Off by
    /// default: most of them are a missed act's shadow or words no gold set codes (on the
    /// development sets the bare ones were 31 false events against 9 true ones; a statement
    /// to someone is coded by no gold set, and forbidden by one, and the 7 written were all
    /// false).
    pub bare_statements: bool,
    /// Write a UN body's own code (`IGOUNOHCH` for the human rights office, `IGOUNOPKO` for
    /// peacekeepers, `IGOUNOIAE` for the IAEA) instead of the United Nations' (`IGOUNO`). Off
    /// by default: every gold set written from the codebook codes the UN's offices, councils,
    /// agencies and missions as the UN itself (10 events of 10), and a finer code than the
    /// gold's is a wrong actor to a scorer.
    pub un_agency_codes: bool,
    /// Write acts on a partner with no partner named ("Iran said it was ready for talks",
    /// "hailed a new era", "rejected the proposal"): intents, consultations, diplomatic
    /// cooperation, rejections, reduced relations and mass violence with no target. Off by
    /// default: the gold sets code 1 of some 510 such events without a target, and on the
    /// development sets they were some 27 false events against 1 true one.
    pub partnerless: bool,
}

impl Default for CoderOptions {
    fn default() -> Self {
        CoderOptions {
            all_modalities: false,
            intent_codes: true,
            petrarch_codes: false,
            bare_statements: false,
            un_agency_codes: false,
            partnerless: false,
        }
    }
}

/// A ready-to-use coder: dictionaries compiled once, shareable across threads.
#[derive(Debug)]
pub struct Coder {
    pub lexicon: Lexicon,
    pub options: CoderOptions,
}

/// The analysis of one sentence, for `dyad explain` and tests.
#[derive(Debug, Clone)]
pub struct SentenceAnalysis {
    pub index: usize,
    pub sentence: Sentence,
    pub annotated: Annotated,
    pub parse: SentenceParse,
    /// Code of each phrase (index-aligned with `annotated.phrases`) and how it was found.
    pub phrase_codes: Vec<Option<(String, Resolution)>>,
    /// Why the sentence was not coded at all.
    pub discarded: Option<String>,
    /// Its time expressions and places, attached to clauses (empty from
    /// [`Coder::analyze_with`] when the sentence has no event).
    pub situation: Situation,
    /// Every event, whatever its modality.
    pub events: Vec<Event>,
}

/// What the sentences of an article coded so far leave for the later ones to read, beyond the
/// actors [`ArticleMemory`] resolves: the acts a later act noun may name
/// ([`crate::act_anaphora`]), and who fled.
#[derive(Debug, Default)]
struct ArticleHistory {
    acts: Vec<PriorAct>,
    /// Codes of the subjects of "flee" and "escape": their travels are flights, not visits.
    fled: Vec<String>,
}

impl ArticleHistory {
    fn note_flights(&mut self, lex: &Lexicon, a: &SentenceAnalysis) {
        for c in &a.parse.clauses {
            if !matches!(lex.lemma(c.lemma), "flee" | "escape") || c.negated {
                continue;
            }
            for &p in &c.subject {
                if let Some((code, _)) = &a.phrase_codes[p] {
                    if !self.fled.contains(code) {
                        self.fled.push(code.clone());
                    }
                }
            }
        }
    }

    fn fled(&self, code: &str) -> bool {
        self.fled.iter().any(|f| f == code)
    }
}

impl SentenceAnalysis {
    /// The sentence's time expressions and places ([`Situation::of_sentence`]).
    fn situation_of(&self, lex: &Lexicon, text: &str) -> Situation {
        Situation::of_sentence(lex, &self.sentence, text, &self.annotated, &self.parse)
    }
}

/// The text every event of an article holds alike, made once per article and shared (see
/// [`crate::event`]).
struct ArticleText {
    id: SharedStr,
    /// The publication date, `YYYY-MM-DD`.
    date: SharedStr,
}

/// The analysis of a whole article.
#[derive(Debug, Clone)]
pub struct DocAnalysis {
    pub clean: CleanText,
    pub sentences: Vec<SentenceAnalysis>,
    /// Why the whole article was not coded.
    pub discarded: Option<String>,
}

impl Coder {
    /// A coder over the embedded default dictionaries.
    pub fn with_default_dictionaries(options: CoderOptions) -> Result<Coder, Vec<DictError>> {
        let (dict, mut errors) = Dictionary::default_set();
        let (lexicon, compile_errors) = Lexicon::compile(dict);
        errors.extend(compile_errors);
        if errors.is_empty() {
            Ok(Coder { lexicon, options })
        } else {
            Err(errors)
        }
    }

    /// A coder over a given dictionary (compile errors are returned with the coder: entries that
    /// compiled are used).
    pub fn from_dictionary(dict: Dictionary, options: CoderOptions) -> (Coder, Vec<DictError>) {
        let (lexicon, errors) = Lexicon::compile(dict);
        (Coder { lexicon, options }, errors)
    }

    /// A coder over imported PETRARCH dictionaries: their actors, agents, verb patterns and
    /// discards, with dyad's own grammar lists (modality cues, irregular verbs). Event codes
    /// outside the CAMEO table are kept (validation dictionaries use made-up codes).
    pub fn from_petrarch(
        import: crate::dict::petrarch::PetrImport,
        options: CoderOptions,
    ) -> (Coder, Vec<DictError>) {
        let (default, mut errors) = Dictionary::default_set();
        let mut dict = import.dict;
        dict.modality = default.modality;
        dict.irregular.extend(default.irregular);
        let (lexicon, compile_errors) = Lexicon::compile_with(dict, true);
        errors.extend(compile_errors);
        (Coder { lexicon, options }, errors)
    }

    /// Code an article: the events the options ask for, in text order.
    pub fn code(&self, article: &Article) -> Vec<Event> {
        // Each sentence's analysis (its tokens, phrases, parse) is dropped as soon as its events
        // are taken, not kept to the article's end as `analyze_with` keeps it: the next
        // sentence's allocations then reuse the memory just freed, still in cache, and the
        // large `SentenceAnalysis` records are not moved into a list only to be dropped.
        let all = self.options.all_modalities;
        let mut per_sentence: Vec<Vec<Event>> = Vec::new();
        self.analyze_situating(article, all, false, &mut |s, _| {
            if !s.events.is_empty() {
                per_sentence.push(s.events);
            }
        });
        // (sized once: an event is a large record to move each time the list would grow)
        let mut events = Vec::with_capacity(per_sentence.iter().map(Vec::len).sum());
        events.extend(
            per_sentence
                .into_iter()
                .flatten()
                .filter(|e| all || e.modality == Modality::Asserted),
        );
        events
    }

    /// Run every stage and keep the intermediate results, the times and places of every
    /// sentence included.
    pub fn analyze(&self, article: &Article) -> DocAnalysis {
        self.analyze_collecting(article, true, true)
    }

    /// [`Coder::analyze`], building output records only for asserted events unless
    /// `all_modalities` (the other candidates stay in the parse). A sentence's
    /// [`SentenceAnalysis::situation`] is found only when one of its events is situated (it is
    /// empty otherwise): nothing but an event's `when` and `location` reads it, and finding the
    /// time expressions and places of every sentence was a tenth of the coding time.
    // (never inlined: `valgrind --toggle-collect='*Coder::analyze_with*'` measures coding by
    // it, docs/performance.md; one call per article costs nothing)
    #[inline(never)]
    pub fn analyze_with(&self, article: &Article, all_modalities: bool) -> DocAnalysis {
        self.analyze_collecting(article, all_modalities, false)
    }

    /// [`Coder::analyze_situating`], every sentence's analysis kept.
    fn analyze_collecting(
        &self,
        article: &Article,
        all_modalities: bool,
        explain: bool,
    ) -> DocAnalysis {
        let mut sentences = Vec::new();
        let (clean, discarded) =
            self.analyze_situating(article, all_modalities, explain, &mut |s, n| {
                // (sized once for the article's sentences: the records are large to move)
                sentences.reserve_exact(n - sentences.len());
                sentences.push(s)
            });
        DocAnalysis {
            clean,
            sentences,
            discarded,
        }
    }

    /// [`Coder::analyze_with`], each sentence's analysis handed to `each` in text order as it
    /// is done, with the number of the article's sentences; returns the cleaned text and why
    /// the whole article was not coded.
    /// `explain`: find the times and places of sentences without events too, and parse the
    /// sentences none of whose phrases has a code (for `dyad explain`). (`each` is a trait
    /// object: one copy of this large function serves both callers.)
    fn analyze_situating(
        &self,
        article: &Article,
        all_modalities: bool,
        explain: bool,
        each: &mut dyn FnMut(SentenceAnalysis, usize),
    ) -> (CleanText, Option<String>) {
        let shared = ArticleText {
            id: Arc::from(article.id.as_str()),
            date: Arc::from(article.date.to_string()),
        };
        let lex = &self.lexicon;
        let clean = clean(&article.text);
        let sentences = segment(&clean.text);
        let count = sentences.len();
        let mut memory = ArticleMemory::default();
        memory.unplaced_roles = self.options.petrarch_codes;
        // the cue phrases at every token: the discard tests read them all, annotation again
        let cues: Vec<CueTable> = sentences
            .iter()
            .map(|s| cue_table(lex, s, &clean.text))
            .collect();
        let discarded = self.article_discard(&sentences, &cues, &clean.text);
        let mut dateline: Option<(PlaceId, crate::event::Place)> = None;
        // the acts coded so far, as later act nouns may name them ("condemned the attacks"),
        // and who fled
        let mut history = ArticleHistory::default();
        for (index, sentence) in sentences.into_iter().enumerate() {
            let annotated = annotate_with_cues(lex, &sentence, &clean.text, &memory, &cues[index]);
            memory.set_sentence_place(
                lex,
                &annotated.phrases,
                &sentence.tokens,
                annotated.dateline,
            );
            if self.options.petrarch_codes {
                // PETRARCH leaves a role with no country of its own unplaced (`---GOV`)
                memory.forget_sentence_country();
            }
            let mut phrase_codes: Vec<Option<(String, Resolution)>> =
                Vec::with_capacity(annotated.phrases.len());
            for (k, p) in annotated.phrases.iter().enumerate() {
                if p.pronoun == Some(crate::annotate::Pronoun::Pair) {
                    // "Vucic hosted Orban in Belgrade, and the two leaders signed ...": two
                    // parties of different countries named earlier in the same sentence are
                    // nearer than the last sentence's pair (places are no parties)
                    if let Some((a, b)) = two_parties_before(&annotated.phrases[..k], &phrase_codes)
                    {
                        memory.note_pair(&a, &b);
                    }
                }
                let pair = coordinated_speakers(lex, &annotated, &sentence, k, &phrase_codes)
                    .map(|c| (c, "the two speakers just named"))
                    .or_else(|| {
                        host_and_guest(&annotated, &sentence, k, &phrase_codes)
                            .map(|c| (c, "the two parties of the clause before 'and'"))
                    });
                if let Some((pair, why)) = pair {
                    phrase_codes.push(Some((pair, Resolution::Coreference(why))));
                    continue;
                }
                let resolved = memory.resolve(lex, p, &sentence.tokens, article.date);
                // "the two countries' presidents": a role the pair owns is each party's
                let owned = resolved.as_ref().and_then(|(code, _)| {
                    pair_owned_role(&annotated, &sentence, k, &phrase_codes, code)
                });
                match owned {
                    Some(pair) => phrase_codes.push(Some((
                        pair,
                        Resolution::Coreference("the role of each of the two parties owning it"),
                    ))),
                    None => phrase_codes.push(resolved),
                }
            }
            let sentence_discard = discarded.clone().or_else(|| {
                annotated
                    .cues
                    .iter()
                    .find(|c| c.2 == CueClass::DiscardSentence)
                    .map(|&(s, n, _)| {
                        let words: Vec<&str> = sentence.tokens[s..s + n]
                            .iter()
                            .map(|t| t.text(&clean.text))
                            .collect();
                        format!("sport or business context: {:?}", words.join(" "))
                    })
                    // "Ivory Coast's footballers routed Niger 5-0": a match score beside a
                    // word of sport is a match, whatever else the article is about ("ruled
                    // 6-3" alone is a court's vote)
                    .or_else(|| {
                        let score = sentence
                            .tokens
                            .iter()
                            .find(|t| is_score(&clean.text.as_bytes()[t.start..t.end]))?;
                        annotated
                            .cues
                            .iter()
                            .any(|c| c.2 == CueClass::DiscardArticle)
                            .then(|| format!("sport context: score {:?}", score.text(&clean.text)))
                    })
            });
            let mut codes: Vec<Option<String>> = phrase_codes
                .iter()
                .map(|c| c.as_ref().map(|(code, _)| code.clone()))
                .collect();
            // A sentence none of whose phrases has a code (a fifth of news sentences: "The
            // talks are frozen, violence is rising") has no event, since an event's source is
            // a coded phrase, and its parse leaves nothing for the article's memory, which
            // notes coded subjects and pairs only: it is not parsed.
            let parse = if !explain && codes.iter().all(Option::is_none) {
                SentenceParse::default()
            } else {
                parse_sentence(
                    lex,
                    &sentence,
                    &annotated,
                    &codes,
                    self.options.intent_codes,
                )
            };
            // forces rarely attack their own side: a bare role that is the target of a hostile
            // act and took its attacker's country from proximity belongs to another country
            // of the sentence ("Russian warplanes struck rebel positions, the Syrian army said");
            // every candidate is judged on the codes as resolved, then the changes are made
            // (not coercion, root 17, which a state does mostly to its own: "Guatemala's
            // Congress removed four Constitutional Court judges, a move that drew condemnation
            // from the United States")
            let mut recoded: Vec<(usize, String)> = Vec::new();
            for c in &parse.candidates {
                let Some(t) = c.target else { continue };
                let hostile = matches!(c.code.get(..2), Some("13" | "15" | "18" | "19" | "20"));
                let (Some(src), Some((tgt, Resolution::Coreference(why)))) =
                    (codes[c.source].as_ref(), phrase_codes[t].as_ref())
                else {
                    continue;
                };
                // "attacked a Malian army base near the border with Niger, killing 24
                // soldiers": the victims of the participle are the attacked side's, whatever
                // country stands nearer
                let governor = parse
                    .clauses
                    .iter()
                    .find(|k| k.verb == c.trigger.0 && k.form.only(crate::dict::VerbForm::GERUND))
                    .and_then(|k| k.governor);
                let attacked = governor.and_then(|g| {
                    parse.candidates.iter().find_map(|o| {
                        let ot = o
                            .target
                            .filter(|_| o.trigger.0 == g && o.code.starts_with(['1', '2']))?;
                        match phrase_codes[ot].as_ref()? {
                            (code, Resolution::Dictionary) if code.len() >= 3 => {
                                Some(code[..3].to_string())
                            }
                            _ => None,
                        }
                    })
                });
                if let Some(country) =
                    attacked.filter(|_| hostile && *why == crate::resolve::NEAREST_COUNTRY)
                {
                    if tgt.len() >= 3 && tgt[..3] != country {
                        recoded.push((t, format!("{country}{}", &tgt[3..])));
                    }
                    continue;
                }
                // (only against an attacker whose country is named: when both took theirs from
                // proximity, "militants attacked a Malian army base near the border with
                // Niger", neither guess says the other is wrong)
                let attacker_named = matches!(
                    phrase_codes[c.source].as_ref(),
                    Some((_, Resolution::Dictionary))
                );
                // (a place named in the sentence is as near a guess: "Azerbaijani air strikes
                // on civilian settlements" in a sentence about Nagorno-Karabakh)
                // ... unless the place is the role's own: "shot civilians in Mekelle")
                let placed_after = sentence
                    .tokens
                    .get(annotated.phrases[t].end)
                    .is_some_and(|w| {
                        matches!(
                            w.lower.as_str(),
                            "in" | "near" | "at" | "around" | "outside" | "of"
                        )
                    });
                let by_proximity = *why == crate::resolve::NEAREST_COUNTRY
                    || (*why == crate::resolve::PLACE_IN_SENTENCE && !placed_after);
                if !hostile || !by_proximity || src.len() < 3 || !attacker_named {
                    continue;
                }
                if tgt.len() >= 3 && src[..3] == tgt[..3] {
                    let start = annotated.phrases[t].start;
                    if let Some(other) = memory.other_country(start, &src[..3]) {
                        recoded.push((t, format!("{other}{}", &tgt[3..])));
                    }
                }
            }
            for (t, code) in recoded {
                codes[t] = Some(code.clone());
                phrase_codes[t] = Some((
                    code,
                    Resolution::Coreference("nearest country other than its attacker's"),
                ));
            }
            // "Lula said Brazil was ready to help broker peace", "Sunak told Zelensky that
            // Britain would send tanks": a government's speaker naming their own country as
            // the doer of what they announce speaks of their government's act
            for k in &parse.clauses {
                let Some(speech) = k
                    .governor
                    .and_then(|g| parse.clauses.iter().find(|x| x.verb == g))
                else {
                    continue;
                };
                if !lex.lemma_cues(speech.lemma).contains(&CueClass::Speech) {
                    continue;
                }
                // (a person: "China donated vaccines, the Chinese embassy said" reports the
                // country's act; "Israel will strike ..., Defence Minister Lieberman said" is
                // the minister's government's threat)
                let Some(speaker) = speech
                    .subject
                    .first()
                    .filter(|&&p| {
                        let q = &annotated.phrases[p];
                        q.person.is_some() || !q.names.is_empty()
                    })
                    .and_then(|&p| codes[p].clone())
                else {
                    continue;
                };
                for &p in &k.subject {
                    let named_country =
                        matches!(
                            annotated.phrases[p].country,
                            Some((_, crate::dict::ActorKind::CountryName))
                        ) && matches!(phrase_codes[p], Some((_, Resolution::Dictionary)));
                    let own = codes[p].as_deref().is_some_and(|c| {
                        c.len() == 3 && speaker.len() == 6 && speaker.starts_with(c)
                    });
                    if named_country && own && speaker.ends_with("GOV") {
                        codes[p] = Some(speaker.clone());
                        phrase_codes[p] = Some((
                            speaker.clone(),
                            Resolution::Coreference(
                                "the government of the speaker naming their own country",
                            ),
                        ));
                    }
                }
            }
            if let Some(&subj) = parse.clauses.iter().find_map(|c| c.subject.first()) {
                if let Some(code) = &codes[subj] {
                    memory.note_subject(&annotated.phrases[subj], &sentence.tokens, code);
                }
            }
            // what "the two sides" will refer to: the parties of the first act between two
            // actors, else the first pair of coordinated subjects
            let acted = parse
                .candidates
                .iter()
                .filter_map(|c| Some((codes[c.source].as_ref()?, codes[c.target?].as_ref()?)));
            let coordinated = parse.clauses.iter().filter_map(|c| match c.subject[..] {
                [a, b] => Some((codes[a].as_ref()?, codes[b].as_ref()?)),
                _ => None,
            });
            if let Some((a, b)) = acted
                .chain(coordinated)
                .find(|(a, b)| a.len() >= 3 && b.len() >= 3 && a[..3] != b[..3])
            {
                memory.note_pair(a, b);
            }
            // the dateline opens the story: the first sentence, or the first after a headline
            if dateline.is_none() && index < 3 {
                dateline = dateline_place(article, &clean, &sentence, &annotated);
                // where the story was filed is a mention of the country it is about
                if let Some((_, place)) = &dateline {
                    memory.count_country(place.country);
                }
            }
            let mut analysis = SentenceAnalysis {
                index,
                sentence,
                annotated,
                parse,
                phrase_codes,
                discarded: sentence_discard,
                situation: Situation::default(),
                events: vec![],
            };
            // (found at the first event situated: most sentences have none)
            let situation = OnceCell::new();
            if analysis.discarded.is_none() {
                self.prior_acts_of(article, &clean, &analysis, &mut history.acts);
                history.note_flights(lex, &analysis);
                analysis.events = self.events_of(
                    article,
                    &clean,
                    &analysis,
                    &situation,
                    &shared,
                    all_modalities,
                    dateline.as_ref(),
                    &history,
                );
            }
            analysis.situation = match situation.into_inner() {
                Some(found) => found,
                None if explain => analysis.situation_of(lex, &clean.text),
                None => Situation::default(),
            };
            each(analysis, count);
        }
        (clean, discarded)
    }

    /// `cues`: each sentence's [`cue_table`].
    fn article_discard(
        &self,
        sentences: &[Sentence],
        cues: &[CueTable],
        text: &str,
    ) -> Option<String> {
        let mut distinct: Vec<String> = Vec::new();
        // a story-level discard (PETRARCH `+WORD`) decides alone
        for (s, cue_at) in sentences.iter().zip(cues) {
            // (a cue table has an entry per token)
            for (i, &cue) in cue_at.cues.iter().enumerate() {
                if let Some((len, classes)) = cue {
                    if classes.contains(&CueClass::DiscardStory) {
                        let w: Vec<&str> =
                            s.tokens[i..i + len].iter().map(|t| t.text(text)).collect();
                        return Some(format!("story discard {:?}", w.join(" ")));
                    }
                }
            }
        }
        for (s, cue_at) in sentences.iter().zip(cues) {
            // a match score ("2-1") is a sports cue (asked of a token's text, which is read in
            // order from the one cleaned text, rather than of its lower case, a separate
            // allocation per token: a score is digits and a dash, the same in either)
            if s.tokens
                .iter()
                .any(|t| is_score(&text.as_bytes()[t.start..t.end]))
                && !distinct.iter().any(|d| d == "(score)")
            {
                distinct.push("(score)".into());
            }
            let mut i = 0;
            while i < s.tokens.len() {
                if let Some((len, classes)) = cue_at.cues[i] {
                    if classes.contains(&CueClass::DiscardArticle) {
                        let w = s.tokens[i..i + len]
                            .iter()
                            .map(|t| t.lower.as_str())
                            .collect::<Vec<_>>()
                            .join(" ");
                        if !distinct.contains(&w) {
                            distinct.push(w);
                        }
                    }
                    i += len;
                } else {
                    i += 1;
                }
            }
        }
        // A sports or business report uses several such words in few sentences; a political
        // story may use one or two ("the goal of the talks").
        (distinct.len() >= 3 && distinct.len() * 4 >= sentences.len())
            .then(|| format!("sport or business report ({})", distinct.join(", ")))
    }

    /// The output record of phrase `p` of a sentence, when it has a code.
    fn actor_ref(
        &self,
        article: &Article,
        clean: &CleanText,
        a: &SentenceAnalysis,
        p: usize,
    ) -> Option<ActorRef> {
        let (code, span) = self.actor_code_and_span(article, clean, a, p)?;
        Some(ActorRef::cut(code, &article.text, span))
    }

    /// [`Coder::actor_ref`] without the text: the code and the phrase's span in the article.
    fn actor_code_and_span(
        &self,
        article: &Article,
        clean: &CleanText,
        a: &SentenceAnalysis,
        p: usize,
    ) -> Option<(String, (usize, usize))> {
        let toks = &a.sentence.tokens;
        let (code, _) = a.phrase_codes[p].as_ref()?;
        let ph = &a.annotated.phrases[p];
        let code = if self.options.petrarch_codes && ph.is_bare_role() && code.len() == 3 {
            format!("---{code}")
        } else if code.len() > 6
            && code.starts_with("IGOUNO")
            && !(self.options.un_agency_codes || self.options.petrarch_codes)
        {
            "IGOUNO".to_string()
        } else {
            code.clone()
        };
        let span = clean.original_span(toks[ph.start].start, toks[ph.end - 1].end, &article.text);
        Some((code, span))
    }

    /// The acts of a sentence a later act noun may name ([`crate::act_anaphora`]): every
    /// candidate neither negated nor asked about, whatever else its modality ("Russia fired
    /// missiles, officials said" is still the attack "the attacks" names), whose doer is one
    /// actor.
    fn prior_acts_of(
        &self,
        article: &Article,
        clean: &CleanText,
        a: &SentenceAnalysis,
        into: &mut Vec<PriorAct>,
    ) {
        for k in &a.parse.clauses {
            let says = matches!(
                self.lexicon.lemma(k.lemma),
                "say" | "report" | "state" | "announce" | "find" | "conclude" | "document"
            );
            if says && !k.negated && k.modality == Modality::Asserted {
                if let [speaker] = k.subject[..] {
                    self.statement_of(article, clean, a, (speaker, k.verb), into);
                }
            }
        }
        // acts no pattern coded: "North Korea launched a military spy satellite" is the
        // launch "condemned the launch" names
        for k in &a.parse.clauses {
            if k.matched.is_some()
                || k.negated
                || !matches!(k.modality, Modality::Asserted | Modality::Reported)
                || k.passive
            {
                continue;
            }
            let [subject] = k.subject[..] else { continue };
            // (the verb first: most name no act, and resolving the subject costs more)
            let word = &a.sentence.tokens[k.verb].lower;
            if !act_anaphora::names_an_act(word) {
                continue;
            }
            let Some((source, span)) = self.actor_code_and_span(article, clean, a, subject) else {
                continue;
            };
            if source.contains(crate::resolve::PAIR_SEPARATOR) {
                continue;
            }
            into.extend(PriorAct::uncoded((a.index, k.verb), word, source, span));
        }
        for c in &a.parse.candidates {
            if matches!(c.modality, Modality::Negated | Modality::Question)
                || !act_anaphora::can_be_named(&c.code)
            {
                continue;
            }
            let Some((source, span)) = self.actor_code_and_span(article, clean, a, c.source) else {
                continue;
            };
            if source.contains(crate::resolve::PAIR_SEPARATOR) {
                continue;
            }
            let word = &a.sentence.tokens[c.trigger.0].lower;
            let Some(mut act) =
                PriorAct::coded((a.index, c.trigger.0), &c.code, word, source, span)
            else {
                continue;
            };
            // (and whom sanctions and coercion were aimed at: what a threat or a formal
            // protest naming no one answers)
            if act_anaphora::is_accusation(act.code)
                || act_anaphora::is_force(act.code)
                || matches!(act.code.get(..2), Some("16" | "17"))
            {
                act.aimed_at = c
                    .target
                    .and_then(|t| self.actor_code_and_span(article, clean, a, t))
                    .map(|(code, _)| code);
            }
            into.push(act);
        }
        // acts known from their noun and agent: "air strikes by the United States and
        // Britain" (each phrase of the agent's coordination group)
        let toks = &a.sentence.tokens;
        if !toks.iter().any(|t| t.lower == "by") {
            return;
        }
        let phrases = &a.annotated.phrases;
        for (k, p) in phrases.iter().enumerate() {
            let first = phrases.iter().find(|q| q.group == p.group).unwrap_or(p);
            let mut at = first.start;
            if at > 0 && toks[at - 1].lower == "the" {
                at -= 1;
            }
            if at < 2 || toks[at - 1].lower != "by" {
                continue;
            }
            let Some((source, span)) = self
                .actor_code_and_span(article, clean, a, k)
                .filter(|(code, _)| !code.contains(crate::resolve::PAIR_SEPARATOR))
            else {
                continue;
            };
            into.extend(PriorAct::mentioned(
                (a.index, at - 2),
                &toks[at - 2].lower,
                source,
                span,
            ));
        }
    }

    /// A statement ("the U.N. human rights office said in a report", "Babis said there was
    /// evidence that Russian military intelligence was behind the blast") as the charges a
    /// later reaction to words may answer: one act per actor of another
    /// state the sentence names, as the one it speaks of ([`act_anaphora::speakers`]).
    fn statement_of(
        &self,
        article: &Article,
        clean: &CleanText,
        a: &SentenceAnalysis,
        (speaker_phrase, verb): (usize, usize),
        into: &mut Vec<PriorAct>,
    ) {
        let Some((speaker, span)) = self.actor_code_and_span(article, clean, a, speaker_phrase)
        else {
            return;
        };
        if speaker.contains(crate::resolve::PAIR_SEPARATOR) {
            return;
        }
        let word = &a.sentence.tokens[verb].lower;
        for (k, code) in a.phrase_codes.iter().enumerate() {
            let Some((code, _)) = code else { continue };
            if k == speaker_phrase
                || code.contains(crate::resolve::PAIR_SEPARATOR)
                || code.get(..3) == speaker.get(..3)
                || a.annotated.phrases[k].pronoun.is_some()
            {
                continue;
            }
            let Some(mut act) =
                PriorAct::coded((a.index, verb), "010", word, speaker.clone(), span)
            else {
                return;
            };
            act.aimed_at = Some(code.clone());
            into.push(act);
        }
    }

    /// `situation`: the sentence's [`Situation`], found by the first event situated.
    #[allow(clippy::too_many_arguments)]
    fn events_of(
        &self,
        article: &Article,
        clean: &CleanText,
        a: &SentenceAnalysis,
        situation: &OnceCell<Situation>,
        shared: &ArticleText,
        all: bool,
        dateline: Option<&(PlaceId, crate::event::Place)>,
        history: &ArticleHistory,
    ) -> Vec<Event> {
        let toks = &a.sentence.tokens;
        let phrase_ref = |p: usize| self.actor_ref(article, clean, a, p);
        let bare_statements = self.options.bare_statements;
        let coded = |c: &&crate::code::Candidate| {
            (all || c.modality == Modality::Asserted) && (bare_statements || c.code != "010")
        };
        // (an event or none per candidate, nearly always: the records are large to move when
        // the vector grows)
        let n = a.parse.candidates.iter().filter(coded).count();
        if n == 0 {
            return Vec::new();
        }
        let mut events: Vec<Event> = Vec::with_capacity(n);
        // (one copy of the sentence for all its events)
        let sentence: SharedStr = Arc::from(&clean.text[a.sentence.start..a.sentence.end]);
        for c in a.parse.candidates.iter().filter(coded) {
            let Some(source) = phrase_ref(c.source) else {
                continue;
            };
            let target = match c.target {
                Some(t) => {
                    let Some(mut r) = phrase_ref(t) else { continue };
                    // a visit goes to a place: "visited Beijing" is a visit to China, not to
                    // its government
                    let capital_visit = c.code == "042" && is_capital_only(&a.annotated.phrases[t]);
                    match c.target_as {
                        TargetAs::Country => r.code.truncate(3),
                        TargetAs::Phrase if capital_visit => r.code.truncate(3),
                        TargetAs::Phrase => {}
                        // "looted homes in Irpin": the civilians of the place, named by their
                        // property (and other sectors so named: protesters by their protests)
                        TargetAs::Sector(sector, at) => {
                            r.code = format!("{}{sector}", r.code.get(..3).unwrap_or(&r.code));
                            let (s, e) =
                                clean.original_span(toks[at].start, toks[at].end, &article.text);
                            r.text = article.text[s..e].to_string();
                            r.start = s;
                            r.end = e;
                        }
                    }
                    Some(r)
                }
                // "clashed with police", "fought running battles with security forces", "lifted
                // a ban on four newspapers": an actor the pattern names as its own words, after
                // "against", or in a fight or riot after "with" ("flooded the streets with riot
                // police" uses them), or after "on" in a restriction or its easing, is whom the
                // act is done to; not a modifier ("against police violence")
                None => a
                    .annotated
                    .phrases
                    .iter()
                    .position(|p| {
                        let fight = matches!(c.code.get(..2), Some("14" | "18" | "19"));
                        // (the pattern's own code: "would lift a ban on" is an intent, 0351)
                        let restriction =
                            matches!(c.pattern.code.get(..2), Some("08" | "16" | "17"));
                        if p.start <= c.trigger.1 || p.end > c.span.1 {
                            return false;
                        }
                        // (past a number or a determiner: "on four newspapers")
                        let mut before = p.start - 1;
                        while before > c.trigger.1
                            && matches!(a.annotated.tags[before], Tag::Num | Tag::Det)
                        {
                            before -= 1;
                        }
                        p.start > c.trigger.1
                            && p.end <= c.span.1
                            && !p.modifier
                            && match toks[before].lower.as_str() {
                                "against" => true,
                                "with" => fight,
                                "on" => restriction,
                                _ => false,
                            }
                    })
                    .and_then(phrase_ref)
                    .filter(|r| r.code != source.code),
            };
            // an event from one source and target, with its date and place
            let flight_sentence = c.code == "042"
                && toks
                    .iter()
                    .any(|t| matches!(t.lower.as_str(), "asylum" | "exile"));
            let emit = |events: &mut Vec<Event>,
                        source: ActorRef,
                        target: Option<ActorRef>,
                        note: Option<String>| {
                // "Iran said it was ready for talks", "hailed a new era": cooperation with no
                // partner named is no dyad (PETRARCH writes them: its suites expect them)
                let partnerless = self.options.partnerless || self.options.petrarch_codes;
                if target.is_none() && !partnerless && needs_partner(&c.code) {
                    return;
                }
                // no one visits their own country: "talks between Marcos and Hieu, who arrived
                // in Manila" — the visit is the one of the pair who came from elsewhere — nor
                // hosts their own compatriots ("Biden greeted the freed Americans at an air
                // base"), nor plans either (an intent read from a journey's pattern)
                // (PETRARCH's reading codes what the words say: its suites expect it)
                let journey = matches!(&c.code[..], "042" | "043")
                    || matches!(&c.pattern.code[..], "042" | "043");
                if journey
                    && !self.options.petrarch_codes
                    && target.as_ref().is_some_and(|t| {
                        t.code.len() >= 3
                            && source.code.get(..3) == t.code.get(..3)
                            && !source.code.starts_with(['I', 'N'])
                    })
                {
                    return;
                }
                // "Hasina resigned and fled the country ... Hasina flew to India", "left the
                // country for Spain, which granted him political asylum": a flight is no visit
                if c.code == "042"
                    && !self.options.petrarch_codes
                    && (history.fled(&source.code) || flight_sentence)
                {
                    return;
                }
                let mut ev = self.push_event(
                    article,
                    clean,
                    a,
                    (shared, &sentence),
                    c,
                    source,
                    target,
                    events,
                );
                if let Some(ev) = ev.as_mut() {
                    self.situate_event(article, clean, a, situation, c, dateline, ev);
                    ev.evidence.entries.extend(note);
                }
            };
            // one event aimed at each of the article's earlier actors whose acts this one
            // answers (`which`: "the doer of \"the attacks\"", "the accuser", "the captor")
            let to_doers =
                |events: &mut Vec<Event>, source: &ActorRef, which: &str, acts: Vec<&PriorAct>| {
                    for d in acts {
                        let note =
                            format!("target: {which}, act {} in sentence {}", d.code, d.sentence);
                        let doer = ActorRef::cut(d.source.clone(), &article.text, d.source_span);
                        emit(events, source.clone(), Some(doer), Some(note));
                    }
                };
            // (nearly always one actor on each side, neither a pair: the event is built from
            // them as they are, without the lists below)
            let is_pair = |r: &ActorRef| r.code.contains(crate::resolve::PAIR_SEPARATOR);
            // "Zelenskiy condemned the attacks": a reaction with no target of its own is aimed
            // at the doer of the act its object names, when the article coded that act
            if target.is_none() && !is_pair(&source) && act_anaphora::reacts_to_acts(&c.code) {
                let in_phrase = |i: usize| {
                    a.annotated
                        .phrases
                        .iter()
                        .any(|p| (p.start..p.end).contains(&i))
                };
                let named = act_anaphora::named_act(toks, c, in_phrase);
                let doers = named
                    .map(|(at, noun)| {
                        let doers = act_anaphora::doers(
                            &history.acts,
                            noun,
                            a.index,
                            c.trigger.0,
                            &source.code,
                        );
                        (at, doers)
                    })
                    .filter(|(_, doers)| !doers.is_empty());
                if let Some((at, doers)) = doers {
                    let named = format!("the doer of {:?}", toks[at].text(&clean.text));
                    to_doers(&mut events, &source, &named, doers);
                    continue;
                }
                // "Mali's government rejected the findings" of a report the U.N. office was
                // said to make, "Moscow called the accusations absurd" after Babis said
                // Russian intelligence was behind the blast: words no coded accusation made
                // are the charges of whoever last spoke of the reacting side
                if named.is_some_and(|(_, noun)| act_anaphora::names_words(noun)) {
                    let speakers =
                        act_anaphora::speakers(&history.acts, a.index, c.trigger.0, &source.code);
                    if !speakers.is_empty() {
                        to_doers(&mut events, &source, "the speaker of the charges", speakers);
                        continue;
                    }
                }
                // "NATO condemned the attack" in a story that codes no attacker: criticism
                // of an act whose doer is unknown is criticism of no one, and the gold sets
                // code it almost never (2 of some 160 criticisms); a rejection or a protest
                // without a target still is one ("voters rejected the peace deal")
                if named.is_some() && c.code.starts_with("11") {
                    continue;
                }
                // "Congo accused Rwanda of sending troops ... Rwanda, which denies supporting
                // M23": a bare denial by the accused answers the accuser
                if named.is_none() && c.code == "016" {
                    let accusers =
                        act_anaphora::accusers(&history.acts, a.index, c.trigger.0, &source.code);
                    if !accusers.is_empty() {
                        to_doers(&mut events, &source, "the accuser", accusers);
                        continue;
                    }
                }
            }
            // "Minsk arrested a dissident journalist ... The EU leaders also called for his
            // immediate release": an appeal for release is aimed at the captor, when it names
            // none ("demanded Bazoum's release" names whom to free, not who holds him)
            let names_no_captor = || match c.target {
                None => true,
                Some(t) => names_the_released(toks, &a.annotated.phrases[t]),
            };
            if act_anaphora::asks_for_release(&c.code) && !is_pair(&source) && names_no_captor() {
                let captors =
                    act_anaphora::captors(&history.acts, a.index, c.trigger.0, &source.code);
                if !captors.is_empty() {
                    to_doers(&mut events, &source, "the captor", captors);
                    continue;
                }
            }
            // "security forces ended the siege, killing all the attackers", "arrested the
            // perpetrators": force or an arrest whose object is the doers of an attack the
            // article coded is aimed at them
            if target.is_none()
                && !self.options.petrarch_codes
                && (matches!(c.code.get(..2), Some("18" | "19" | "20"))
                    || c.code.starts_with("173"))
            {
                let object = (c.trigger.1..(c.trigger.1 + 4).min(toks.len()))
                    .take_while(|&k| toks[k].kind == crate::segment::TokenKind::Word)
                    .find(|&k| act_anaphora::names_attackers(&toks[k].lower));
                if let Some(at) = object {
                    let doers = act_anaphora::force_doers(&history.acts, a.index, at, &source.code);
                    if !doers.is_empty() {
                        to_doers(&mut events, &source, "the attackers", doers);
                        continue;
                    }
                }
            }
            // "ISWAP fighters attacked a base, killing five soldiers and burning armoured
            // vehicles", "insurgents raided the town, looting shops": a riot (145) is the
            // violent protest of a people; armed groups and state bodies do no such thing, and
            // their burning and looting is part of their assault
            if c.code.starts_with("145")
                && (source.code.starts_with("IMG")
                    || source.code.len() >= 6
                        && matches!(
                            &source.code[source.code.len() - 3..],
                            "REB" | "INS" | "SEP" | "MIL" | "COP" | "CRM" | "UAF" | "GOV" | "SPY"
                        ))
            {
                continue;
            }
            // "Ethiopia declared a state of emergency", "Niger's junta imposed a curfew and
            // closed the borders": a measure a state takes at home, naming no one, is taken
            // on its own country
            if target.is_none()
                && !self.options.petrarch_codes
                && is_domestic_measure(&c.code)
                && is_state_actor(&source.code)
                && !(matches!(&c.code[..], "154" | "191")
                    && sends_abroad(toks, &a.annotated.tags, c.trigger.1))
            {
                let mut country = source.clone();
                country.code.truncate(3);
                let note = "target: the source's own country (a measure taken at home)";
                emit(&mut events, source, Some(country), Some(note.to_string()));
                continue;
            }
            // "Thousands of Cubans took to the streets in anti-government protests",
            // "protesters marching toward the presidential palace": a demonstration by a
            // country's people that names no one is held against their own government
            // (CAMEO's protests are "against the target actor"; the gold sets give a domestic
            // demonstration its government as target 26 times in 36)
            if target.is_none()
                && !self.options.petrarch_codes
                && c.code.starts_with("141")
                && is_people_actor(&source.code)
                && !names_foreign_cause(toks, &clean.text)
            {
                let mut government = source.clone();
                government.code.truncate(3);
                government.code.push_str("GOV");
                let note = "target: the protesters' own government (a demonstration naming no one)";
                emit(
                    &mut events,
                    source,
                    Some(government),
                    Some(note.to_string()),
                );
                continue;
            }
            // "air-dropped food parcels over northern Gaza", "sent the first trucks of aid into
            // the Gaza Strip": aid whose pattern names no recipient goes to the country of the
            // place it is sent to (no gold set codes aid without a recipient)
            if target.is_none() && !self.options.petrarch_codes && c.code.starts_with("07") {
                let phrases = &a.annotated.phrases;
                let destination = phrases
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| {
                        p.start > c.trigger.1
                            && p.start < c.trigger.1 + 12
                            && p.pronoun.is_none()
                            // (the preposition within three words before it: "over
                            // northern Gaza", "into the Gaza Strip")
                            && toks[p.start.saturating_sub(3)..p.start]
                                .iter()
                                .rev()
                                .take_while(|t| t.kind == crate::segment::TokenKind::Word)
                                .any(|t| matches!(t.lower.as_str(), "to" | "into" | "over" | "in"))
                    })
                    .filter_map(|(k, _)| phrase_ref(k))
                    .find(|r| r.code.len() == 3 && r.code.get(..3) != source.code.get(..3));
                match destination {
                    Some(place) => {
                        let note = "target: the country of the place the aid is sent to";
                        emit(&mut events, source, Some(place), Some(note.to_string()));
                    }
                    // (aid to no one named is no dyad)
                    None => {}
                }
                continue;
            }
            // "police used water cannon to clear protesters blocking roads": crowd control
            // (175) whose pattern names no one is used on the people the rest of the sentence
            // names after it
            if target.is_none() && !self.options.petrarch_codes && c.code.starts_with("175") {
                let crowd = a
                    .annotated
                    .phrases
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| p.start >= c.trigger.1 && p.pronoun.is_none())
                    .filter_map(|(k, _)| phrase_ref(k))
                    .find(|r| {
                        is_people_actor(&r.code)
                            && r.code.get(..3) == source.code.get(..3)
                            && r.code.len() > 3
                    });
                if let Some(crowd) = crowd {
                    let note = "target: the people named after the act (crowd control)";
                    emit(&mut events, source, Some(crowd), Some(note.to_string()));
                    continue;
                }
            }
            // "Haiti's prime minister signed an agreement with Kenya": both sign what one signs
            // with the other, and CAMEO codes an agreement each way; so with negotiations
            // ("held talks with Israeli, Egyptian and Qatari officials on a deal": every set
            // codes them each way)
            // (the first of the target's coordination group follows "with": "with Turkey and
            // the United Nations")
            // ... and so with a prisoner swap: each side frees the other's ("Russia swapped
            // prisoners with Ukraine")
            let swap = c.code == "0841"
                && ["swap", "exchange", "trade"]
                    .iter()
                    .any(|w| c.pattern.text.contains(w));
            let with_partner = (matches!(&c.code[..], "057" | "046") || swap)
                && c.target.is_some_and(|t| {
                    let phrases = &a.annotated.phrases;
                    let group = phrases[t].group;
                    let first = phrases
                        .iter()
                        .find(|p| p.group == group)
                        .unwrap_or(&phrases[t]);
                    first.start > 0 && toks[first.start - 1].lower == "with"
                });
            if with_partner && !is_pair(&source) && !target.as_ref().is_some_and(is_pair) {
                if let Some(partner) = target.clone() {
                    emit(&mut events, partner, Some(source.clone()), None);
                }
            }
            // "India struck nine sites in Pakistan ... Sharif vowed that his country would
            // avenge the deaths": a threat naming no one is aimed at whoever attacked the
            // threatener's country
            // "Netanyahu warned Iran that Israel would strike back hard": a threat made in
            // what one side tells another is aimed at the one told
            if c.code.starts_with("13") && target.is_none() && !is_pair(&source) {
                let clause_of = |verb: usize| a.parse.clauses.iter().find(|k| k.verb == verb);
                let told = clause_of(c.trigger.0)
                    .and_then(|k| k.governor)
                    .filter(|&g| {
                        clause_of(g)
                            .is_some_and(|k| matches!(self.lexicon.lemma(k.lemma), "warn" | "tell"))
                    })
                    .and_then(|g| {
                        a.annotated
                            .phrases
                            .iter()
                            .position(|p| p.start == g + 1 && p.pronoun.is_none())
                    })
                    .and_then(phrase_ref)
                    .filter(|t| t.code.get(..3) != source.code.get(..3));
                if let Some(told) = told {
                    emit(&mut events, source, Some(told), None);
                    continue;
                }
                // "warned of fiercer military responses to U.S. drills": a threat answering an
                // act it names in its own words ("to" or "against" + the doer's adjective + the
                // act noun) is aimed at that doer
                let answered = a
                    .annotated
                    .phrases
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| {
                        p.start > c.trigger.1
                            && p.start < c.trigger.1 + 10
                            && p.is_bare_adjective()
                            && matches!(toks[p.start - 1].lower.as_str(), "to" | "against")
                            && toks
                                .get(p.end)
                                .is_some_and(|t| act_anaphora::is_act_noun(&t.lower))
                    })
                    .filter_map(|(k, _)| phrase_ref(k))
                    .find(|r| r.code.get(..3) != source.code.get(..3));
                if let Some(doer) = answered {
                    let note = "target: the doer of the act the threat answers";
                    emit(&mut events, source, Some(doer), Some(note.to_string()));
                    continue;
                }
                let attackers =
                    act_anaphora::attackers(&history.acts, a.index, c.trigger.0, &source.code);
                if !attackers.is_empty() {
                    to_doers(&mut events, &source, "the attacker", attackers);
                    continue;
                }
            }
            // "EU governments approved sanctions ... blacklisting three firms in mainland
            // China. Beijing lodged a protest": a formal protest naming no one is lodged with
            // whoever last acted against the protester's country
            if c.code == "114" && target.is_none() && !is_pair(&source) {
                let attackers =
                    act_anaphora::attackers(&history.acts, a.index, c.trigger.0, &source.code);
                if !attackers.is_empty() {
                    to_doers(&mut events, &source, "the one protested against", attackers);
                    continue;
                }
            }
            if !is_pair(&source) && !target.as_ref().is_some_and(is_pair) {
                emit(&mut events, source, target, None);
                continue;
            }
            // "the two sides": one event per member; a mutual act's members are each other's
            // targets
            let mut sources = split_pair(source);
            let mut targets: Vec<Option<ActorRef>> = if c.mutual && sources.len() == 2 {
                vec![Some(sources[1].clone()), Some(sources[0].clone())]
            } else {
                match target {
                    Some(t) => split_pair(t).into_iter().map(Some).collect(),
                    None => vec![None],
                }
            };
            // (nearly always one source and one target: they are moved into the event, not
            // copied)
            if let ([_], [_]) = (&sources[..], &targets[..]) {
                let (Some(source), Some(target)) = (sources.pop(), targets.pop()) else {
                    continue;
                };
                emit(&mut events, source, target, None);
                continue;
            }
            for (k, source) in sources.iter().enumerate() {
                for (j, target) in targets.iter().enumerate() {
                    if c.mutual && k != j {
                        continue;
                    }
                    emit(&mut events, source.clone(), target.clone(), None);
                }
            }
        }
        // an act coded with a target makes the same act without one redundant
        drop_redundant(&mut events, |e, others| {
            e.target.is_none()
                && others.iter().any(|o| {
                    o.target.is_some() && o.source.code == e.source.code && o.cameo == e.cameo
                })
        });
        // "rebels killed at least 40 students in an attack on a school": force of no stated
        // kind (190) beside a violent act of a stated kind by the same side, on the same
        // target or with none named, is that act
        drop_redundant(&mut events, |e, others| {
            e.cameo == "190"
                && others.iter().any(|o| {
                    o.source.code == e.source.code
                        && (e.target.is_none()
                            || o.target.as_ref().map(|t| &t.code)
                                == e.target.as_ref().map(|t| &t.code))
                        && o.cameo != "190"
                        && matches!(o.cameo.get(..2), Some("18" | "19" | "20"))
                })
        });
        // "Ruto withdrew the finance bill, bowing to protesters": an act of a root's
        // unspecified kind (080, yield) beside one of a stated kind of the same root (0832)
        // by the same side on the same target is that act told again
        drop_redundant(&mut events, |e, others| {
            let root = e.root.as_ref();
            e.cameo.len() == 3
                && e.cameo.ends_with('0')
                && !matches!(root, "01" | "04")
                && others.iter().any(|o| {
                    o.source.code == e.source.code
                        && o.target.as_ref().map(|t| &t.code) == e.target.as_ref().map(|t| &t.code)
                        && o.root == e.root
                        && o.cameo != e.cameo
                })
        });
        // "shelled residential areas of Kharkiv, killing seven civilians": the same act at a
        // place and at its civilians is one act on the civilians
        drop_redundant(&mut events, |e, others| {
            let Some(t) = e.target.as_ref().filter(|t| t.code.len() == 3) else {
                return false;
            };
            others.iter().any(|o| {
                o.source.code == e.source.code
                    && o.cameo == e.cameo
                    && o.target.as_ref().is_some_and(|ot| {
                        ot.code.strip_suffix("CVL").filter(|c| c.len() == 3) == Some(&t.code)
                    })
            })
        });

        events
    }

    /// Build one event record from a candidate and its resolved actors, merging it with an
    /// identical triple already coded in the sentence (an asserted reading wins).
    #[allow(clippy::too_many_arguments)]
    fn push_event<'e>(
        &self,
        article: &Article,
        clean: &CleanText,
        a: &SentenceAnalysis,
        (shared, sentence): (&ArticleText, &SharedStr),
        c: &crate::code::Candidate,
        source: ActorRef,
        target: Option<ActorRef>,
        events: &'e mut Vec<Event>,
    ) -> Option<&'e mut Event> {
        let ont = Ontology::get();
        let toks = &a.sentence.tokens;
        {
            let domestic = (!self.options.petrarch_codes)
                .then(|| {
                    // ("Kenyan police shot dead at least 17 people when protesters stormed
                    // parliament": those the police shoot at a protest are its protesters)
                    let at_protest = || {
                        toks.iter().any(|t| {
                            matches!(
                                t.lower.as_str(),
                                "protesters" | "demonstrators" | "protest" | "protests" | "rally"
                            )
                        })
                    };
                    domestic_force_code(
                        &source.code,
                        target.as_ref().map(|t| &t.code[..]),
                        &c.code,
                        at_protest,
                    )
                })
                .flatten();
            let c_code: &str = domestic.unwrap_or(&c.code);
            if target.as_ref().is_some_and(|t| t.code == source.code) {
                return None;
            }
            // one event per (source, target, code) per sentence; an asserted reading wins (looked
            // for before the record is built: a reading that loses needs none)
            let triple = (
                source.code.as_str(),
                target.as_ref().map_or("-", |t| t.code.as_str()),
                c_code,
            );
            let same = events.iter().position(|e| e.triple_ref() == triple);
            if same.is_some_and(|k| c.modality >= events[k].modality) {
                return None;
            }
            // the codes borrowed from the CAMEO table; a code outside it (imported validation
            // dictionaries) has the root, quad class and Goldstein value of its root where that
            // exists
            let (cameo, root, quad_class, goldstein, plover) = match ont.lookup(c_code) {
                Some(i) => (
                    Cow::Borrowed(i.code.as_str()),
                    Cow::Borrowed(i.root.as_str()),
                    i.quad_class,
                    i.goldstein,
                    i.plover.as_deref(),
                ),
                None => {
                    let root = ont.lookup(c_code.get(..2).unwrap_or(""));
                    (
                        Cow::Owned(c_code.to_string()),
                        Cow::Owned(c_code.get(..2).unwrap_or("").to_string()),
                        root.map_or(0, |r| r.quad_class),
                        root.map_or(0.0, |r| r.goldstein),
                        None,
                    )
                }
            };
            let (vs, ve) = clean.original_span(
                toks[c.trigger.0].start,
                toks[c.trigger.1 - 1].end,
                &article.text,
            );
            // (one list of the right size, written in place: not the source's and the target's
            // lists made apart and copied in)
            let phrases = &a.annotated.phrases;
            let sides = || {
                std::iter::once(c.source)
                    .chain(c.target)
                    .map(|p| &phrases[p])
            };
            let mut entries: Vec<String> =
                Vec::with_capacity(sides().map(|p| p.matched.len()).sum::<usize>() + 1);
            for p in sides() {
                p.push_entries(&self.lexicon, toks, &clean.text, &mut entries);
            }
            entries.push(c.pattern.entry_description_cached());
            let id = event_hash(
                &shared.id,
                a.index,
                source.start,
                target.as_ref().map(|t| t.start),
                c_code,
            );
            let ev = Event {
                event_id: hex16(id),
                article_id: shared.id.clone(),
                sentence_index: a.index,
                sentence: sentence.clone(),
                source,
                target,
                cameo,
                root,
                quad_class,
                goldstein,
                plover,
                modality: c.modality,
                date: shared.date.clone(),
                when: None,
                when_precision: None,
                when_text: None,
                location: None,
                evidence: Evidence {
                    verb: article.text[vs..ve].to_string(),
                    pattern: c.pattern.display_shared(),
                    entries,
                },
            };
            if let Some(k) = same {
                events[k] = ev;
                return Some(&mut events[k]);
            }
            events.push(ev);
            events.last_mut()
        }
    }

    /// Fill an event's `when` and `location` from its clause (see [`crate::situate`]).
    #[allow(clippy::too_many_arguments)]
    fn situate_event(
        &self,
        article: &Article,
        clean: &CleanText,
        a: &SentenceAnalysis,
        situation: &OnceCell<Situation>,
        c: &crate::code::Candidate,
        dateline: Option<&(PlaceId, crate::event::Place)>,
        ev: &mut Event,
    ) {
        let toks = &a.sentence.tokens;
        let gaz = Gazetteer::embedded();
        let lex = &self.lexicon;
        let event_at = situate::EventAt {
            trigger: c.trigger.0,
            span: c.span,
            root: &ev.root,
        };
        let (time, place) = situation
            .get_or_init(|| a.situation_of(lex, &clean.text))
            .for_event(&a.sentence, &a.annotated, &a.parse, event_at, |t| {
                situate::speech_host(&a.annotated, lex, t)
            });
        let sentence_text = &clean.text[a.sentence.start..a.sentence.end];
        if let Some((host, t)) = time {
            let tense = situate::host_tense(&a.parse, host);
            if let Some(w) = crate::timex::resolve(&t.mention, sentence_text, article.date, tense) {
                ev.when = Some(w.value);
                ev.when_precision = Some(precision_name(w.precision));
                ev.when_text = Some(w.text);
            }
        }
        // the countries the event's actors belong to, then the dateline's, break ties
        let strong: Vec<&str> =
            place.map_or_else(Vec::new, |p| p.hints.iter().map(String::as_str).collect());
        // (borrowed from the event's codes: the event is not changed until a place is chosen)
        let mut hint_refs: Vec<&str> = Vec::with_capacity(3);
        hint_refs.extend(ev.source.code.get(..3));
        if let Some(t) = &ev.target {
            hint_refs.extend(t.code.get(..3));
        }
        if let Some((d, _)) = dateline {
            hint_refs.extend(gaz.place(*d).country);
        }
        let span_record = |id: PlaceId, span: Span, sentence: &Sentence| {
            let (s, e) = clean.original_span(
                sentence.tokens[span.start].start,
                sentence.tokens[span.end - 1].end,
                &article.text,
            );
            situate::place_record(gaz, id, article.text[s..e].to_string(), s, e)
        };
        let located = place
            .and_then(|p| {
                let id = situate::choose_place(gaz, &p.candidates, &strong, &hint_refs)?;
                Some((id, p.span))
            })
            .or_else(|| {
                // a visit's destination: "visited Cairo", "a visit to Egypt"
                let t = c.target.filter(|_| c.pattern.code == "042")?;
                let ph = &a.annotated.phrases[t];
                let words = situate::words(&a.sentence, &clean.text);
                let start = ph.start + usize::from(toks[ph.start].lower == "the");
                let (len, ids) = gaz.match_at(&words, start)?;
                (start + len == ph.end)
                    .then(|| situate::choose_place(gaz, ids, &[], &hint_refs))
                    .flatten()
                    .map(|id| (id, Span { start, end: ph.end }))
            });
        ev.location = match located {
            Some((id, span)) => span_record(id, span, &a.sentence),
            None => dateline.map(|(_, record)| record.clone()),
        };
        // a meeting in a country of neither side is CAMEO's "meet at a 'third' location"
        // (044): "met in Geneva" for Russian and American leaders. Where the sentence names no
        // place, the dateline's is where reporters followed the meeting to ("HANOI - A summit
        // between Trump and Kim collapsed"), unless the sentence says the meeting was remote
        const REMOTE: &[&str] = &[
            "phone",
            "telephone",
            "call",
            "video",
            "videoconference",
            "virtual",
            "virtually",
            "online",
        ];
        let meeting_place = located.map(|(id, _)| id).or_else(|| {
            let remote = || toks.iter().any(|t| REMOTE.contains(&t.lower.as_str()));
            dateline
                .map(|(d, _)| *d)
                .filter(|_| ev.cameo == "040" && !remote())
        });
        let third_country = meeting_place
            .and_then(|id| gaz.place(id).country)
            .is_some_and(|c| {
                let sides = [Some(&ev.source), ev.target.as_ref()];
                ev.target.is_some()
                    && sides
                        .iter()
                        .flatten()
                        .all(|s| s.code.get(..3).is_some_and(|p| p != c))
            });
        if ev.cameo == "040" && third_country {
            if let Some(info) = Ontology::get().lookup("044") {
                ev.cameo = Cow::Borrowed(&info.code);
                ev.root = Cow::Borrowed(&info.root);
                ev.quad_class = info.quad_class;
                ev.goldstein = info.goldstein;
                ev.plover = info.plover.as_deref();
            }
        }
    }
}

/// Remove, in order, each event that `redundant(event, events)` says another makes redundant.
/// (Judged against the events left, without copying their codes into a list first: the rules
/// above never remove an event another one's removal depends on — a targetless event, a target
/// of three letters — so this is the same as judging all against the list as it was.)
fn drop_redundant(events: &mut Vec<Event>, redundant: impl Fn(&Event, &[Event]) -> bool) {
    let mut k = 0;
    while k < events.len() {
        if redundant(&events[k], events) {
            events.remove(k);
        } else {
            k += 1;
        }
    }
}

/// The members of a pair reference's actor ("the two sides" → RUSGOV, UKRGOV), each with the
/// reference's words; any other actor is its own single member.
fn split_pair(r: ActorRef) -> Vec<ActorRef> {
    if !r.code.contains(crate::resolve::PAIR_SEPARATOR) {
        return vec![r];
    }
    r.code
        .split(crate::resolve::PAIR_SEPARATOR)
        .map(|code| ActorRef {
            code: code.to_string(),
            ..r.clone()
        })
        .collect()
}

/// "Thailand and Laos said they would hold talks": a plural pronoun right after a speech verb
/// (and an optional "that") whose subject ends a coordination of two differently coded actors
/// refers to both, as a pair code (`THAGOV+LAOGOV`, split into one event each).
/// `k`: the pronoun's phrase; `codes`: the codes of the phrases before it.
fn coordinated_speakers(
    lex: &crate::dict::Lexicon,
    a: &Annotated,
    sentence: &Sentence,
    k: usize,
    codes: &[Option<(String, Resolution)>],
) -> Option<String> {
    let p = &a.phrases[k];
    if p.pronoun != Some(crate::annotate::Pronoun::Plural) {
        return None;
    }
    let toks = &sentence.tokens;
    let mut v = p.start.checked_sub(1)?;
    if toks[v].lower == "that" {
        v = v.checked_sub(1)?;
    }
    let (lemma, _) = a.verb[v]?;
    if !lex.lemma_cues(lemma).contains(&CueClass::Speech) {
        return None;
    }
    // ("Washington and Riyadh have said they": auxiliaries and adverbs may stand between)
    let mut end = v;
    while end > 0
        && matches!(
            toks[end - 1].lower.as_str(),
            "have" | "has" | "had" | "both" | "also" | "jointly" | "separately" | "later" | "each"
        )
    {
        end -= 1;
    }
    let speaker = a.phrases[..k].iter().position(|q| q.end == end)?;
    let group = a.phrases[speaker].group;
    let members: Vec<&str> = a.phrases[..k]
        .iter()
        .zip(codes)
        .filter(|(q, _)| q.group == group)
        .map(|(_, c)| c.as_ref().map(|(code, _)| code.as_str()))
        .collect::<Option<_>>()?;
    match members[..] {
        [x, y] if x != y => Some(format!("{x}{}{y}", crate::resolve::PAIR_SEPARATOR)),
        _ => None,
    }
}

/// "The two countries' presidents agreed on a ceasefire": a bare role (resolved to `code`,
/// whose sector it keeps) right after a possessive pair reference stands for that role of
/// each of the pair's parties.
fn pair_owned_role(
    a: &Annotated,
    sentence: &Sentence,
    k: usize,
    codes: &[Option<(String, Resolution)>],
    code: &str,
) -> Option<String> {
    let p = &a.phrases[k];
    let bare_role = p.is_bare_role();
    let owner = k.checked_sub(1).map(|o| &a.phrases[o])?;
    let possessive =
        owner.end + 1 == p.start && matches!(sentence.tokens[owner.end].lower.as_str(), "'" | "'s");
    if !bare_role || !possessive || owner.pronoun != Some(crate::annotate::Pronoun::Pair) {
        return None;
    }
    let (pair, _) = codes[k - 1].as_ref()?;
    let sector = code.get(3..).filter(|s| !s.is_empty())?;
    let (x, y) = pair.split_once(crate::resolve::PAIR_SEPARATOR)?;
    let country = |c: &str| c.get(..3).map(str::to_string);
    Some(format!(
        "{}{sector}{}{}{sector}",
        country(x)?,
        crate::resolve::PAIR_SEPARATOR,
        country(y)?
    ))
}

/// The first two parties (people, roles, organisations, institutions: places are no parties)
/// of different countries among `phrases`, with `codes` their codes.
fn two_parties_before(
    phrases: &[crate::annotate::ActorPhrase],
    codes: &[Option<(String, Resolution)>],
) -> Option<(String, String)> {
    let parties: Vec<&String> = phrases
        .iter()
        .zip(codes)
        .filter(|(q, _)| {
            q.person.is_some() || q.agent.is_some() || q.org.is_some() || q.institution.is_some()
        })
        .filter_map(|(_, c)| c.as_ref().map(|(code, _)| code))
        .filter(|code| code.len() >= 3)
        .collect();
    // "spoke with Pakistan's Sharif and India's Jaishankar, urging both sides to": two
    // parties coordinated with each other are the pair, not the one who spoke to them
    let coordinated = phrases
        .iter()
        .zip(codes)
        .collect::<Vec<_>>()
        .windows(2)
        .rev()
        .find_map(|w| {
            let [(q, Some((a, _))), (r, Some((b, _)))] = w else {
                return None;
            };
            (q.group == r.group && a.len() >= 3 && b.len() >= 3 && a[..3] != b[..3])
                .then(|| (a.clone(), b.clone()))
        });
    if coordinated.is_some() {
        return coordinated;
    }
    let first = parties.first()?;
    let second = parties.iter().find(|b| b[..3] != first[..3])?;
    Some((first.to_string(), second.to_string()))
}

/// "Embalo hosted Senegal's Macky Sall in Bissau, and they agreed to ...", "Yoon and Kishida
/// agreed to resume visits, as they met in Tokyo": "they" opening a clause joined by "and" or
/// a conjunction of time or cause, in a sentence that named no plural actor before it, is the
/// two parties of different countries the sentence named (as "the two leaders" would be).
fn host_and_guest(
    a: &Annotated,
    sentence: &Sentence,
    k: usize,
    codes: &[Option<(String, Resolution)>],
) -> Option<String> {
    let p = &a.phrases[k];
    let opener = sentence.tokens[p.start.checked_sub(1)?].lower.as_str();
    if p.pronoun != Some(crate::annotate::Pronoun::Plural)
        || !(opener == "and" || crate::resolve::opens_adverbial_clause(opener))
        || a.phrases[..k].iter().any(|q| q.plural)
    {
        return None;
    }
    let (x, y) = two_parties_before(&a.phrases[..k], codes)?;
    Some(format!("{x}{}{y}", crate::resolve::PAIR_SEPARATOR))
}

/// The place of a dateline ("ANKARA, June 12 (Reuters) -", "KYIV -"): where the story was
/// filed, the location of last resort for its events.
fn dateline_place(
    article: &Article,
    clean: &CleanText,
    sentence: &Sentence,
    a: &Annotated,
) -> Option<(PlaceId, crate::event::Place)> {
    let end = a.dateline?;
    let toks = &sentence.tokens;
    let n = toks[..end]
        .iter()
        .take_while(|t| t.kind == crate::segment::TokenKind::Word)
        .count();
    let words: Vec<String> = toks[..n]
        .iter()
        .map(|t| situate::dateline_word(t.text(&clean.text)))
        .collect();
    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
    let gaz = Gazetteer::embedded();
    let (len, ids) = gaz.match_at(&refs, 0)?;
    if len != n {
        return None;
    }
    let id = gaz.disambiguate(ids, &[])?;
    let (s, e) = clean.original_span(toks[0].start, toks[n - 1].end, &article.text);
    Some((
        id,
        situate::place_record(gaz, id, article.text[s..e].to_string(), s, e)?,
    ))
}

/// Whether an act of this code is an act on a partner, written only with one: intents to
/// cooperate (03, but not an intent to reform at home, 034), consultation (04), diplomatic
/// cooperation (050, 051, 054, 057), rejection (12), reduced relations (16) and mass violence
/// (20). The gold sets code 1 of some 510 such events without a target, while a statement, a
/// denial, a show of force, a reform or a protest often has none. (Demands, threats,
/// coercion, appeals and concessions were measured too: leaving out their targetless events
/// lowered one development set each.)
fn needs_partner(code: &str) -> bool {
    (matches!(code.get(..2), Some("03" | "04" | "12" | "16" | "20")) && !code.starts_with("034"))
        || matches!(code, "050" | "051" | "054" | "057")
}

/// Whether a code is a measure a state takes over a territory and its people rather than on
/// an actor: a curfew, a state of emergency or martial law and other restrictions of
/// freedoms (172x), their easing (0811–0814), a mobilisation or deployment of forces (154),
/// a blockade or closed border (191). Named with no one to take it on, such a measure is
/// taken on the state's own country, as the wire-story gold sets code it ("Niger's junta
/// imposed a curfew": NERMIL NER 1723).
fn is_domestic_measure(code: &str) -> bool {
    code.starts_with("172") || code.starts_with("081") || matches!(code, "154" | "191")
}

/// Whether a code is a state body's: a country's government, forces, police, courts,
/// legislature or intelligence service (not a pair, an organisation or a non-state group;
/// not the bare country either, which would be its own target).
fn is_state_actor(code: &str) -> bool {
    country_role(code)
        .is_some_and(|(_, role)| matches!(role, "GOV" | "MIL" | "COP" | "JUD" | "LEG" | "SPY"))
}

/// A one-country actor code's country and role ("KENOPP": "KEN", "OPP"; "CUB": "CUB", ""):
/// `None` for a pair, an organisation, a non-state group's prefix or a role with no country.
fn country_role(code: &str) -> Option<(&str, &str)> {
    let (prefix, role) = (code.get(..3)?, code.get(3..)?);
    (!code.contains(crate::resolve::PAIR_SEPARATOR)
        && prefix.bytes().all(|b| b.is_ascii_uppercase())
        && crate::resolve::is_country_prefix(prefix))
    .then_some((prefix, role))
}

/// Whether a code is a country's people rather than a state body or an organisation: the bare
/// country ("Cubans"), its civilians, opposition, workers, students, refugees, doctors or
/// farmers — those who demonstrate against a government.
fn is_people_actor(code: &str) -> bool {
    country_role(code).is_some_and(|(_, role)| {
        matches!(
            role,
            "" | "CVL" | "OPP" | "LAB" | "EDU" | "REF" | "HLH" | "AGR"
        )
    })
}

/// Whether a sentence names a people or a state as a cause ("Pro-Palestinian protesters",
/// "anti-Israel rallies", "anti-American slogans"): a demonstration for or against another
/// country, not against the protesters' own government ("anti-government", "pro-democracy"
/// are lower case).
fn names_foreign_cause(toks: &[Token], text: &str) -> bool {
    toks.iter().any(|t| {
        let word = t.text(text);
        ["pro-", "Pro-", "anti-", "Anti-"].iter().any(|prefix| {
            word.strip_prefix(prefix)
                .is_some_and(|rest| rest.starts_with(|ch: char| ch.is_uppercase()))
        })
    })
}

/// Whether forces are sent, or a blockade laid, somewhere, not at home: a destination
/// ("to the region", "into Syria", "abroad", "near the border", "supply lines to Avdiivka")
/// within a few words after the verb ending at `after`; "deployed the army to help police"
/// is a purpose, not a destination.
fn sends_abroad(toks: &[Token], tags: &[crate::annotate::Tag], after: usize) -> bool {
    (after + 1..(after + 7).min(toks.len())).any(|i| match toks[i].lower.as_str() {
        "to" => tags.get(i + 1) != Some(&crate::annotate::Tag::Verb),
        "into" | "toward" | "towards" | "abroad" | "overseas" | "near" => true,
        _ => false,
    })
}

/// Whether an actor phrase names the one to be freed in an appeal for release, not the
/// captor: the owner of the release ("Bazoum's immediate release") or what follows "release
/// of" ("the release of Niger's President Mohamed Bazoum").
fn names_the_released(toks: &[Token], p: &crate::annotate::ActorPhrase) -> bool {
    let owner = p.possessive
        && toks
            .get(p.end..(p.end + 4).min(toks.len()))
            .is_some_and(|after| after.iter().any(|t| t.lower == "release"));
    let after_of = p.start >= 2 && toks[p.start - 1].lower == "of" && {
        let before = &toks[p.start.saturating_sub(4)..p.start - 1];
        before.iter().any(|t| t.lower == "release")
    };
    owner || after_of
}

/// A phrase that is only a capital city ("Beijing", not "Beijing's foreign ministry").
fn is_capital_only(p: &crate::annotate::ActorPhrase) -> bool {
    matches!(
        p.country,
        Some((
            _,
            crate::dict::ActorKind::Capital | crate::dict::ActorKind::Town
        ))
    ) && p.agent.is_none()
        && p.person.is_none()
        && p.org.is_none()
        && p.institution.is_none()
}

/// "2-1", "3-0": a match score.
fn is_score(w: &[u8]) -> bool {
    // (asked of every token of every article: most are rejected by length or first byte
    // without searching for the dash; bytes, not a `str`, so that taking the token's text out
    // of the article's asks no character-boundary question)
    if !(3..=5).contains(&w.len()) || !w[0].is_ascii_digit() {
        return false;
    }
    let Some(dash) = w.iter().position(|&c| c == b'-') else {
        return false;
    };
    let (a, b) = (&w[..dash], &w[dash + 1..]);
    (1..=2).contains(&a.len())
        && (1..=2).contains(&b.len())
        && a.iter().all(u8::is_ascii_digit)
        && b.iter().all(u8::is_ascii_digit)
}

/// `id` as 16 lower-case hex digits (`format!("{id:016x}")`, without the formatting machinery:
/// one per event).
fn hex16(id: u64) -> String {
    // (digits written into an array, then one copy: pushing chars checks capacity and encodes
    // each)
    let mut digits = [0u8; 16];
    for (k, d) in digits.iter_mut().enumerate() {
        *d = b"0123456789abcdef"[(id >> (4 * (15 - k))) as usize & 15];
    }
    std::str::from_utf8(&digits)
        .expect("hex digits are ASCII")
        .to_string()
}

/// `Precision`'s serde name (`rename_all = "lowercase"`), without going through a JSON value.
fn precision_name(p: crate::timex::Precision) -> &'static str {
    use crate::timex::Precision;
    match p {
        Precision::Day => "day",
        Precision::Week => "week",
        Precision::Month => "month",
        Precision::Season => "season",
        Precision::Year => "year",
        Precision::Decade => "decade",
    }
}

/// Force between a state's security forces and its own protesters, by the codebook's names for
/// it: police or soldiers killing, shooting or beating their country's protesters "use tactics
/// of violent repression" (175), and protesters fighting their police or government riot
/// (145). `None` unless `code` is force of no more particular kind (assault, small arms,
/// force unspecified: not bombing, shelling or air strikes, which stay what they are) between
/// those sides of one country.
fn domestic_force_code(
    source: &str,
    target: Option<&str>,
    code: &str,
    at_protest: impl Fn() -> bool,
) -> Option<&'static str> {
    if !matches!(
        code,
        "180" | "182" | "1821" | "1822" | "1823" | "190" | "193"
    ) {
        return None;
    }
    fn split(c: &str) -> Option<(&str, &str)> {
        (c.len() >= 3).then(|| c.split_at(c.len() - 3))
    }
    let (source_country, source_sector) = split(source)?;
    let (target_country, target_sector) = split(target?)?;
    if source_country != target_country {
        return None;
    }
    match (source_sector, target_sector) {
        ("COP" | "MIL", "OPP") => Some("175"),
        ("COP" | "MIL", "CVL") if at_protest() => Some("175"),
        ("OPP", "COP" | "MIL" | "GOV") => Some("145"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex16_and_precision_names_are_what_formatting_and_serde_give() {
        for id in [0, 1, 0xabc, u64::MAX, 0x0123_4567_89ab_cdef] {
            assert_eq!(hex16(id), format!("{id:016x}"));
        }
        use crate::timex::Precision;
        for p in [
            Precision::Day,
            Precision::Week,
            Precision::Month,
            Precision::Season,
            Precision::Year,
            Precision::Decade,
        ] {
            assert_eq!(
                serde_json::to_value(p).unwrap().as_str(),
                Some(precision_name(p))
            );
        }
    }
}
