//! PETRARCH / TABARI dictionaries: importing them and coding with them.
//!
//! The team's own small dictionaries in PETRARCH's layout (`tests/fixtures/petrarch/`) cover
//! the format in every environment. When `../shared/peers/petrarch2` is present the real
//! PETRARCH2 files are imported too; when it is absent those tests say so and pass.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn dyad(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/petrarch")
}

fn peers() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/peers/petrarch2");
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!(
            "SKIPPED: {} is absent; only the team's fixtures were checked",
            p.display()
        );
        None
    }
}

fn triples(o: &Output) -> Vec<(String, String, String)> {
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                v["source"]["code"].as_str().unwrap().to_string(),
                v["target"]["code"].as_str().unwrap_or("-").to_string(),
                v["cameo"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn t(s: &str, g: &str, c: &str) -> (String, String, String) {
    (s.into(), g.into(), c.into())
}

#[test]
fn codes_with_team_petrarch_dictionaries_via_config() {
    let cfg = fixtures().join("team_config.ini");
    let cfg = cfg.to_str().unwrap();
    let run = |text: &str, date: &str| {
        triples(&dyad(
            &["code", "--petr-config", cfg, "--date", date],
            text.as_bytes(),
        ))
    };
    // verb block code, agents attached to countries, synset after the target
    assert_eq!(
        run("Freedonian troops condemned Sylvania.", "1933-06-01"),
        [t("FRDMIL", "SYL", "111")]
    );
    assert_eq!(
        run(
            "Freedonia denounced Sylvania for the demonstration.",
            "1933-06-01"
        ),
        [t("FRD", "SYL", "1123")]
    );
    // dated actor codes and a code line closing a synonym block
    assert_eq!(
        run("Firefly condemned the Old Palace.", "1933-06-01"),
        [t("FRDGOV", "SYLGOV", "111")]
    );
    assert_eq!(
        run("Firefly condemned the Old Palace.", "1935-06-01"),
        [t("FRDELI", "SYLGOV", "111")]
    );
    // a phrasal verb and its pattern; a [---] block codes only its patterns
    assert_eq!(
        run("Freedonia held talks with Sylvania.", "1933-06-01"),
        [t("FRD", "SYL", "040")]
    );
    assert_eq!(
        run("Freedonia seized Sylvanian property.", "1933-06-01"),
        [t("FRD", "SYL", "1711")]
    );
    // !PERSON! substitution, story and sentence discards
    assert_eq!(
        run("Sylvanian congressmen condemned Freedonia.", "1933-06-01"),
        [t("SYLLEG", "FRD", "111")]
    );
    assert!(run(
        "Freedonia condemned Sylvania after the Grand Fenwick Cup.",
        "1933-06-01"
    )
    .is_empty());
    assert!(run("Freedonia condemned Sylvania in a price war.", "1933-06-01").is_empty());
}

/// Code `text` with the team's PETRARCH-format fixture dictionaries, dated 1933-06-01.
fn team_code(text: &str) -> Vec<(String, String, String)> {
    team_code_with(&[], text)
}

/// [`team_code`] with more options for `dyad code`.
fn team_code_with(options: &[&str], text: &str) -> Vec<(String, String, String)> {
    let cfg = fixtures().join("team_config.ini");
    let mut args = vec![
        "code",
        "--petr-config",
        cfg.to_str().unwrap(),
        "--date",
        "1933-06-01",
    ];
    args.extend_from_slice(options);
    triples(&dyad(&args, text.as_bytes()))
}

/// PETRARCH2's SYNSET suite: a synset member may be a phrase ("+DID N'T") and `_` joins words
/// that must stand next to each other, before the verb as after it. Read as single words or with
/// gaps, "clashed over" took the pattern written for "didn't clash over".
#[test]
fn petrarch_synset_phrases_and_adjacent_words() {
    let run = team_code;
    assert_eq!(
        run("Freedonia most certainly again threatened Sylvania."),
        [t("FRD", "SYL", "138")]
    );
    assert_eq!(
        run("Freedonia really again threatened Sylvania."),
        [t("FRD", "SYL", "138")]
    );
    // "certainly" alone is not the phrase; "again" not next to it is not the run
    assert_eq!(
        run("Freedonia certainly again threatened Sylvania."),
        [t("FRD", "SYL", "130")]
    );
    assert_eq!(
        run("Freedonia most certainly threatened Sylvania again."),
        [t("FRD", "SYL", "130")]
    );
    assert_eq!(
        run("Freedonia threatened Sylvania with new trade sanctions."),
        [t("FRD", "SYL", "1312")]
    );
    assert_eq!(
        run("Freedonia threatened Sylvania with new harsh trade sanctions."),
        [t("FRD", "SYL", "130")]
    );
    // `%` before the verb: the pattern wants a compound subject
    let mut both = run("Freedonia and Sylvania met secretly.");
    both.sort();
    assert_eq!(both, [t("FRD", "SYL", "046"), t("SYL", "FRD", "046")]);
    assert_eq!(
        run("Freedonia met Sylvania secretly."),
        [t("FRD", "SYL", "040")]
    );
    // a verb's own code takes the first actor after it as target, but not one in a clause of
    // its own
    assert_eq!(
        run("Freedonia condemned the plan after Sylvanian troops were seen near the border."),
        [t("FRD", "-", "111")]
    );
    assert_eq!(
        run("Freedonia condemned the decision of Sylvanian troops."),
        [t("FRD", "SYLMIL", "111")]
    );
}

/// PETRARCH's verb dictionaries give some inflected forms entries of their own (`SAID`, `MET`,
/// `LEFT` beside `SAY`, `MEET`, `LEAVE`). Filed under the lemma "met" they never matched, as
/// the word "met" is read as a form of "meet".
#[test]
fn petrarch_entry_written_as_an_inflected_form_matches_that_form() {
    let run = team_code;
    assert_eq!(
        run("Freedonia met Sylvania in private."),
        [t("FRD", "SYL", "046")]
    );
    assert_eq!(run("Freedonia met Sylvania."), [t("FRD", "SYL", "040")]);
    // `% *` with no other word still outranks the verb's own code
    let mut both = run("Freedonia and Sylvania agree that the border is closed.");
    both.sort();
    assert_eq!(both, [t("FRD", "SYL", "030"), t("SYL", "FRD", "030")]);
    assert_eq!(run("Freedonia agreed."), [t("FRD", "-", "081")]);
    // `^` skips one word or one whole actor phrase with its article
    assert_eq!(
        run("Freedonia met at Fenwick with Sylvania."),
        [t("FRD", "SYL", "043")]
    );
    assert_eq!(
        run("Freedonia met at the Old Palace with Sylvania."),
        [t("FRD", "SYL", "043")]
    );
    // without the skipped place the words after "at" do not fit
    assert_eq!(
        run("Freedonia met at noon to talk with Sylvania."),
        [t("FRD", "SYL", "040")]
    );
    // the other forms of MEET keep MEET's patterns
    assert_eq!(
        run("Freedonia meets Sylvania in private."),
        [t("FRD", "SYL", "040")]
    );
}

/// PETRARCH writes `+ * FROM $`: the subject is the one acted upon and the source comes after
/// the verb. The importer dropped these 26 patterns of the validation dictionary, so "Sylvania
/// received money from Freedonia" coded Sylvania as the giver.
#[test]
fn petrarch_target_before_the_verb_is_the_subject() {
    let run = team_code;
    assert_eq!(
        run("Sylvania received money from Freedonia."),
        [t("FRD", "SYL", "071")]
    );
    // passive: the subject is still the one freed, and no "by" agent is needed
    assert_eq!(
        run("Firefly was freed from Sylvania."),
        [t("SYL", "FRDGOV", "066")]
    );
    // without the source after the verb the pattern does not apply
    assert!(run("Sylvania received money.").is_empty());
    // PETRARCH's pattern words may stand apart ("by courier" between the verb and MONEY)
    assert_eq!(
        run("Sylvania received by courier money from Freedonia."),
        [t("FRD", "SYL", "071")]
    );
    // a subject that is no actor: its owner is the one freed (no subject, nothing was coded)
    assert_eq!(
        run("Sylvania's fishing crew was freed from Freedonia."),
        [t("FRD", "SYL", "066")]
    );
}

/// PETRARCH's `LORIEN [ELR/GAL]`: one name standing for several actors codes each of them.
/// The importer skipped such entries as "not letters and digits", so their acts were lost.
#[test]
fn petrarch_actor_with_several_codes_codes_each() {
    let mut got = team_code("Sylvania met the Grand Duchies.");
    got.sort();
    assert_eq!(got, [t("SYL", "FRD", "040"), t("SYL", "MRX", "040")]);
    let mut got = team_code("The Grand Duchies met Sylvania.");
    got.sort();
    assert_eq!(got, [t("FRD", "SYL", "040"), t("MRX", "SYL", "040")]);
}

/// PETRARCH's `[NGO~]` agents put their sector before the country (`NGOSYL`). Written before
/// the country ("relief workers Sylvania") the phrase was split and the sector lost; found by
/// the nearest country it was appended (`SYLNGO`).
#[test]
fn petrarch_prefix_agent_goes_before_the_country() {
    assert_eq!(
        team_code("Relief workers Sylvania met Freedonia."),
        [t("NGOSYL", "FRD", "040")]
    );
    assert_eq!(
        team_code("Sylvanian relief workers met Freedonia."),
        [t("NGOSYL", "FRD", "040")]
    );
    // no country in the phrase: the country named nearest, still in front
    assert_eq!(
        team_code("Sylvania said relief workers met Freedonia."),
        [t("NGOSYL", "FRD", "040")]
    );
    // before a country and a role, both sectors: the prefix in front, the role after ("a
    // Red Cross Sylvania congressman" lost the Red Cross)
    assert_eq!(
        team_code("A Red Cross Sylvania congressman met Freedonia."),
        [t("NGOSYLLEG", "FRD", "040")]
    );
}

/// TABARI's patterns read the verb's whole phrase: the words of `- * NOT_SAFE` may stand in a
/// complement clause, and with no `+` the target is the first actor after the verb even before
/// those words. Read as dyad's own patterns (words in the same clause, target after them),
/// "admitted that Sylvania was not safe" coded nothing.
#[test]
fn petrarch_pattern_words_in_a_complement_clause() {
    assert_eq!(
        team_code("Freedonia admitted that Sylvania was not safe."),
        [t("FRD", "SYL", "024")]
    );
    // a clause of its own ("after ...") is still outside the verb's phrase
    assert!(team_code("Freedonia admitted it after Sylvania was not safe.").is_empty());
}

/// Three import bugs of one kind, each losing an actor: "DUKE OF FENWICK" became "Duke Of
/// Fenwick", which no text matches; `[--- <330101]` ("no actor before 1933") rejected the whole
/// entry; and "Old_Palace" in the text, as PETRARCH-era corpora write names, was two words and
/// a mark.
#[test]
fn petrarch_names_with_function_words_null_roles_and_underscores() {
    let cfg = fixtures().join("team_config.ini");
    let on = |text: &str, date: &str| {
        triples(&dyad(
            &[
                "code",
                "--petr-config",
                cfg.to_str().unwrap(),
                "--date",
                date,
            ],
            text.as_bytes(),
        ))
    };
    assert_eq!(
        on("The Duke of Fenwick met Sylvania.", "1933-06-01"),
        [t("FRD", "SYL", "040")]
    );
    assert!(on("The Duke of Fenwick met Sylvania.", "1932-06-01").is_empty());
    assert_eq!(
        on("Freedonia met the Old_Palace.", "1933-06-01"),
        [t("FRD", "SYLGOV", "040")]
    );
}

/// A role noun reaches the coordinated countries on its side only. "Freedonia and the police
/// of Sylvania" gave Freedonia the police too.
#[test]
fn role_noun_reaches_only_the_countries_on_its_side() {
    let mut got = team_code("Freedonia and the police of Sylvania met Marxonia.");
    got.sort();
    assert_eq!(got, [t("FRD", "MRX", "040"), t("SYLCOP", "MRX", "040")]);
    let mut got = team_code("Freedonian and Sylvanian police met Marxonia.");
    got.sort();
    assert_eq!(got, [t("FRDCOP", "MRX", "040"), t("SYLCOP", "MRX", "040")]);
}

/// A title before a name coded only by its country is that country's title: "Ambassador
/// Trentino" (Trentino listed under Sylvania) was coded SYL, the title lost. Words that qualify
/// the title after a possessive ("Sylvania's First Deputy Ambassador") broke the phrase.
#[test]
fn title_before_a_name_listed_under_its_country() {
    assert_eq!(
        team_code("Ambassador Trentino condemned Freedonia."),
        [t("SYLGOV", "FRD", "111")]
    );
    assert_eq!(
        team_code("Sylvania's First Deputy Ambassador condemned Freedonia."),
        [t("SYLGOV", "FRD", "111")]
    );
    // adjectives joined by "and" after the possessive, and a holder listed under another
    // country: the title's country counts ("Sylvania's sly and cunning ambassador Chicolini",
    // Chicolini listed under Marxonia, was coded MRX)
    assert_eq!(
        team_code("Sylvania's sly and cunning ambassador Chicolini condemned Freedonia."),
        [t("SYLGOV", "FRD", "111")]
    );
}

/// A participle that is no past form, right after the subject and before an object, is the
/// finite verb without its auxiliary ("Freedonia broken off a treaty with Sylvania", as
/// PETRARCH's VERB records write it): read as a noun, nothing was coded. A reduced relative
/// takes no object, and stays uncoded.
#[test]
fn participle_with_an_object_is_a_finite_verb() {
    assert_eq!(
        team_code("Freedonia broken off a treaty with Sylvania."),
        [t("FRD", "SYL", "161")]
    );
    assert!(team_code("The treaty broken off by Freedonia angered Sylvania.").is_empty());
    // a particle and a partner after it: "broken off with Sylvania" (read as a noun before)
    assert_eq!(
        team_code("Freedonia broken off with Sylvania."),
        [t("FRD", "SYL", "161")]
    );
}

/// PETRARCH's VERB records misspell a verb after a modal as a gerund ("it would acting now"):
/// after a modal only the base form was read, so the gerund stayed a noun and nothing was coded.
/// (A capitalised "May" is the month: "in May meeting" is no verb.)
#[test]
fn gerund_after_a_modal_is_a_verb() {
    // "will meet": an announced meeting, coded as the intent to meet
    assert_eq!(
        team_code("Freedonia will meeting with Sylvania."),
        [t("FRD", "SYL", "036")]
    );
}

/// TABARI reads a verb's target past "whether" and past a pronoun: "doubted whether it had a
/// future with Sylvania" was coded with no target, "it" (Freedonia itself) taken for one.
#[test]
fn petrarch_target_in_a_whether_clause_past_a_pronoun() {
    assert_eq!(
        team_code("Freedonia doubted whether it had a future with Sylvania."),
        [t("FRD", "SYL", "212")]
    );
}

/// TABARI's `+` among the words before the verb marks a target standing there: in "Freedonia
/// noted that Sylvania regretted" Sylvania is acted upon by Freedonia. The importer dropped the
/// `+`, and the pattern looked for a target after the verb.
#[test]
fn petrarch_target_written_before_the_verb() {
    let run = team_code;
    assert_eq!(
        run("Freedonia noted that Sylvania regretted the vote."),
        [t("FRD", "SYL", "112")]
    );
    // the target first, with no source after the verb: the sentence's first actor acts
    assert_eq!(
        run("Freedonia announced that Chicolini was extradited on Monday."),
        [t("FRD", "MRX", "174")]
    );
    // a target before an earlier word, past its auxiliaries, with `$` naming the source (it
    // was read as the subject, Freedonia, and nothing matched)
    // (the celebration is to come: written with the other modalities)
    assert_eq!(
        team_code_with(
            &["--all-modalities"],
            "Sylvania will be hosting Freedonia to celebrate the feast with Marxonia."
        ),
        [t("MRX", "SYL", "043")]
    );
    // without the words the pattern puts around the target, nothing is coded
    assert!(run("Sylvania regretted the vote.").is_empty());
    assert!(run("Freedonia extradited Chicolini.").is_empty());
}

/// "..., the primary official news agency WFNA said": with no actor as the speaker, a role
/// modifying the speaker's noun speaks (PETRARCH2's COMPOUND records code `---GOV` saying).
/// The modifier was passed over, and the attribution had no subject.
#[test]
fn a_role_modifying_a_trailing_speaker_speaks() {
    assert_eq!(
        // (a definite role with no country of its own is the story's country: of two named
        // as often, the first)
        team_code("Freedonia condemned Sylvania, the ambassador news service reported."),
        [t("FRD", "SYL", "111"), t("FRDGOV", "-", "023")]
    );
    assert_eq!(
        team_code("Freedonia condemned Sylvania, the news service reported."),
        [t("FRD", "SYL", "111")]
    );
}

/// TABARI reads no voice: with no "by" agent, the subject of a passive clause is the source of
/// an imported pattern (PETRARCH2's "The Philippines was criticized over its territorial
/// dispute with Eriador" is PHL criticizing ERI). A passive without an agent was not coded.
#[test]
fn petrarch_passive_without_an_agent_reads_its_subject_as_source() {
    assert_eq!(
        team_code("Sylvania was condemned over its dispute with Freedonia."),
        [t("SYL", "FRD", "111")]
    );
    // with an agent the passive is read as one
    assert_eq!(
        team_code("Sylvania was condemned by Freedonia."),
        [t("FRD", "SYL", "111")]
    );
}

/// PETRARCH's `RECENTLY_*`: a word joined to the verb by `_` stands right before it. The
/// importer kept the word but not the joint, so "recently did allow" took the pattern written
/// for "recently allowed".
#[test]
fn petrarch_word_joined_to_the_verb_stands_right_before_it() {
    assert_eq!(
        team_code("Freedonia quietly seized Sylvania."),
        [t("FRD", "SYL", "1712")]
    );
    assert_eq!(
        team_code("Freedonia quietly has seized Sylvania."),
        [t("FRD", "SYL", "1711")]
    );
}

/// PETRARCH's `^` skips a preposition with its object ("Tabaski with Eriador next week at
/// Cirith Ungol" for `* TABASKI ^ $`); it skipped the preposition alone, and the pattern failed
/// on the object.
#[test]
fn petrarch_skip_takes_a_preposition_with_its_object() {
    assert_eq!(
        team_code("Sylvania greeted envoys with flowers in Freedonia."),
        [t("SYL", "FRD", "042")]
    );
}

/// "called on Gondor to be allowed to leave Lorien": an infinitive under a passive infinitive
/// waits on a permission not yet given, and a passive infinitive has no subject of its own for
/// TABARI's voiceless reading. PETRARCH2's PATTERN-19/20 coded neither; dyad coded the
/// leaving, and then the allowing with the caller as source.
#[test]
fn an_act_waiting_on_a_permission_not_yet_given_is_not_coded() {
    let all = ["--all-modalities"];
    assert!(
        team_code_with(&all, "Freedonia asked to be allowed to meet with Sylvania.").is_empty()
    );
    assert!(team_code_with(
        &all,
        "Freedonia wants to be condemned over its dispute with Sylvania."
    )
    .is_empty());
    // under a permission that is given, the act is still coded
    assert_eq!(
        team_code_with(&all, "Freedonia was allowed to meet with Sylvania."),
        [t("FRD", "SYL", "040")]
    );
}

/// PETRARCH matches a pattern's words as written: "for demonstrations" is no match for a
/// synset member DEMONSTRATION, where dyad's own patterns fold plurals (PETRARCH2's SYNSET
/// records expect "a set of resolutions" not to match `* RESOLUTION`).
#[test]
fn petrarch_pattern_words_match_as_written() {
    assert_eq!(
        team_code("Freedonia condemned Sylvania for a demonstration."),
        [t("FRD", "SYL", "1123")]
    );
    assert_eq!(
        team_code("Freedonia condemned Sylvania for demonstrations."),
        [t("FRD", "SYL", "111")]
    );
}

/// A PETRARCH name written with its article (`THE_SHIRE`) is found after "the": imported as
/// "The Shire" it matched no text, since dyad reads the article apart.
#[test]
fn petrarch_name_written_with_its_article() {
    assert_eq!(
        team_code("The Grand Duchy condemned Sylvania."),
        [t("GDY", "SYL", "111")]
    );
    assert_eq!(
        team_code("Sylvania condemned the Grand Duchy."),
        [t("SYL", "GDY", "111")]
    );
}

/// An entry written as a regular past form (PETRARCH's `CALLED`) is that verb's past: read as
/// a lemma of its own, "has deplored" had no participle and "has" became the main verb.
#[test]
fn petrarch_entry_written_as_a_regular_past_form() {
    assert_eq!(
        team_code("Freedonia has deplored Sylvania."),
        [t("FRD", "SYL", "111")]
    );
    assert_eq!(
        team_code("Freedonia deplored Sylvania."),
        [t("FRD", "SYL", "111")]
    );
}

/// TABARI's source is the owner of the subject noun when no actor is the subject: with an
/// empty subject "Sylvania's casualty count soared" was not tried at all.
#[test]
fn petrarch_owner_of_the_subject_noun_is_the_source() {
    assert_eq!(
        team_code("Sylvania's casualty count soared in the war with Freedonia."),
        [t("SYL", "FRD", "180")]
    );
    assert!(team_code("The casualty count soared in the war with Freedonia.").is_empty());
    // owners of coordinated nouns, one possessive and one after "of", each act (only the
    // possessive counted, and the owner after "of" ended the search with nothing found)
    assert_eq!(
        team_code("Freedonia's generals and ministers of Marxonia condemned Sylvania."),
        [t("FRD", "SYL", "111"), t("MRX", "SYL", "111")]
    );
}

/// `PHONE_+TAP`: a verb whose `+` word inflects and whose other words stand before it. The
/// line was skipped as "not understood", losing the verb and its block's patterns for it.
#[test]
fn petrarch_verb_with_a_word_before_it() {
    assert_eq!(
        team_code("Freedonia phone tapped Sylvania."),
        [t("FRD", "SYL", "1711")]
    );
    // the block's patterns apply to it, with the word before
    assert_eq!(
        team_code("Freedonia phone tapped Sylvania secretly."),
        [t("FRD", "SYL", "1712")]
    );
    // the word before is part of the verb
    assert!(team_code("Freedonia tapped Sylvania.").is_empty());
    // ... and an auxiliary before that word chooses the verb's form: "did phone tap" (the
    // bare "tap" after the noun "phone" was read as a noun)
    assert_eq!(
        team_code("Freedonia did phone tap Sylvania."),
        [t("FRD", "SYL", "1711")]
    );
}

/// TABARI-era files write comments after `;` ("GOLLUM  ; pas 27 Apr 03"): read as part of
/// the name, the actor matched no text.
#[test]
fn petrarch_semicolon_comments() {
    assert_eq!(team_code("Banania met Sylvania."), [t("BAN", "SYL", "040")]);
}

#[test]
fn import_writes_dyad_files_and_reports_every_skipped_line() {
    let out = std::env::temp_dir().join(format!("dyad-petr-import-{}", std::process::id()));
    let cfg = fixtures().join("team_config.ini");
    let o = dyad(
        &[
            "dict",
            "import",
            "petrarch",
            "--petr-config",
            cfg.to_str().unwrap(),
            out.to_str().unwrap(),
        ],
        b"",
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(
        stdout.contains("reportedly") || stdout.contains("(0 with a slot before the verb dropped)"),
        "{stdout}"
    );
    let report = std::fs::read_to_string(out.join("import_report.txt")).unwrap();
    assert!(
        report.contains("team_issues.txt:2: issue coding is not part of dyad's events"),
        "{report}"
    );
    // the written files are a dyad dictionary: code with them instead of the default
    let o = dyad(
        &[
            "code",
            "--dict",
            out.to_str().unwrap(),
            "--dict-mode",
            "replace",
            "--date",
            "1933-06-01",
        ],
        b"Freedonian troops condemned Sylvania.\n",
    );
    assert_eq!(
        triples(&o),
        [t("FRDMIL", "SYL", "111")],
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn petrarch2_shipped_dictionaries_import_and_code() {
    let Some(peers) = peers() else { return };
    let cfg = peers.join("config/PETR_config.ini");
    let out = std::env::temp_dir().join(format!("dyad-petr2-import-{}", std::process::id()));
    let o = dyad(
        &[
            "dict",
            "import",
            "petrarch",
            "--petr-config",
            cfg.to_str().unwrap(),
            out.to_str().unwrap(),
        ],
        b"",
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let report = std::fs::read_to_string(out.join("import_report.txt")).unwrap();
    // every skipped line names its file, line and reason
    for line in report.lines().skip(1) {
        let mut parts = line.splitn(3, ':');
        let (file, num, reason) = (
            parts.next().unwrap(),
            parts.next().unwrap_or(""),
            parts.next().unwrap_or(""),
        );
        assert!(
            file.ends_with(".txt") && num.parse::<u32>().is_ok() && reason.trim().len() > 5,
            "{line}"
        );
    }
    let stdout = String::from_utf8_lossy(&o.stdout);
    let n = |key: &str| -> usize {
        let i = stdout
            .find(key)
            .unwrap_or_else(|| panic!("{key} in {stdout}"));
        stdout[..i]
            .split_whitespace()
            .last()
            .unwrap()
            .parse()
            .unwrap()
    };
    assert!(
        n(" verbs") > 1000
            && n(" patterns") > 10_000
            && n(" actors") > 10_000
            && n(" agents") > 1000,
        "{stdout}"
    );
    // and coding with them works end to end
    let o = dyad(
        &[
            "code",
            "--petr-config",
            cfg.to_str().unwrap(),
            "--date",
            "2022-08-24",
        ],
        b"Greece accused Turkey of violating its airspace.\n",
    );
    assert!(o.status.success());
    let got = triples(&o);
    assert!(
        got.iter()
            .any(|(s, g, c)| s == "GRC" && g == "TUR" && c.starts_with("11")),
        "{got:?}"
    );
}
