//! Coding diplomacy on the default dictionaries: journeys named in adjuncts, statements that
//! add nothing to an announced act, and appeals whose topic sets the sub-code.
//!
//! Each test is named after the mistake it pins.

mod common;
use common::{asserted, asserted_on, coded_with, t};

#[test]
fn a_visit_in_an_adjunct_had_no_traveller() {
    // the subject written before the adjunct travels
    assert_eq!(
        asserted("Pakistani Prime Minister Shehbaz Sharif, on a five-day visit to China, urged Chinese businesses on Wednesday to invest in special economic zones."),
        [t("PAKGOV", "CHNBUS", "0211"), t("PAKGOV", "CHN", "042")]
    );
    // the "by" phrase travels, and the host is no visitor of its own country
    assert_eq!(
        asserted("Saudi Arabia and Pakistan signed a defence agreement on Wednesday during a visit to Riyadh by Pakistani Prime Minister Shehbaz Sharif."),
        [t("SAU", "PAK", "057"), t("PAK", "SAU", "057"), t("PAKGOV", "SAU", "042")]
    );
}

#[test]
fn a_statement_was_coded_beside_the_act_it_announced() {
    // "would review its budget" has no pattern; a bare 010 in its place would be a false event
    assert_eq!(
        asserted(
            "The European Commission said on Saturday it would review its aid budget for Gaza."
        ),
        []
    );
    // ... and an act that has one is the announced intent alone
    assert_eq!(
        asserted(
            "The European Commission said on Saturday it would triple its aid budget for Gaza."
        ),
        [t("IGOEUREEC", "PSE", "033")]
    );
    // a negated announcement is still a statement
    assert_eq!(
        asserted("NATO will not send troops to Ukraine, Secretary-General Jens Stoltenberg said on Tuesday."),
        [t("IGOWSTNAT", "-", "010")]
    );
}

#[test]
fn a_participle_after_an_appeal_took_the_appeals_addressees_as_speakers() {
    let got = asserted("Brazilian President Luiz Inacio Lula da Silva urged Venezuela and Guyana on Thursday to resolve their dispute peacefully, speaking at a summit in Rio de Janeiro.");
    assert!(
        !got.iter().any(|(s, _, _)| s == "VEN" || s == "GUY"),
        "{got:?}"
    );
}

#[test]
fn a_mediator_named_in_a_participle_mediated_nothing() {
    assert_eq!(
        asserted("Somalia and Ethiopia signed a declaration in Ankara on Wednesday, in a deal brokered by Turkish President Tayyip Erdogan."),
        [
            t("SOM", "ETH", "057"),
            t("ETH", "SOM", "057"),
            t("TURGOV", "SOM", "045"),
            t("TURGOV", "ETH", "045")
        ]
    );
}

#[test]
fn two_countries_establishing_ties_recognised_nobody() {
    assert_eq!(
        asserted("South Korea and Cuba established diplomatic ties on Wednesday."),
        [t("KOR", "CUB", "054"), t("CUB", "KOR", "054")]
    );
}

#[test]
fn military_exercises_had_no_pattern_and_joint_ones_were_no_cooperation() {
    // "military" after a possessive or a size adjective modifies the noun after it
    assert_eq!(
        asserted("NATO launched its largest military exercise since the Cold War on Wednesday."),
        [t("IGOWSTNAT", "-", "150")]
    );
    assert_eq!(
        asserted("U.S. and South Korean forces began their largest joint military exercises in five years on Monday."),
        [t("USAMIL", "KORMIL", "062"), t("KORMIL", "USAMIL", "062")]
    );
}

#[test]
fn a_demand_to_undo_a_policy_stayed_a_generic_demand() {
    assert_eq!(
        asserted("Body.\n\nChina demanded that the United States cancel a planned 2.2 billion dollar sale of tanks and missiles to Taiwan."),
        [t("CHN", "USA", "1042")]
    );
    // a halt to an offensive is de-escalation, not a policy
    assert_eq!(
        asserted("Body.\n\nTurkey demanded that Russia halt its offensive."),
        [t("TUR", "RUS", "1056")]
    );
}

#[test]
fn an_investigation_into_corruption_stayed_a_generic_investigation() {
    assert_eq!(
        asserted("Body.\n\nBrazilian prosecutors opened an investigation into former President Luiz Inacio Lula da Silva over alleged corruption at state oil company Petrobras."),
        [t("BRAJUD", "BRAGOV", "091")]
    );
}

#[test]
fn a_demanded_handover_was_coded_as_done() {
    // what is demanded is a leadership change, and the handover has not happened
    assert_eq!(
        asserted("Body.\n\nSudanese protesters demanded on Saturday that the military hand power to a civilian government."),
        [t("SDNOPP", "SDNMIL", "1041")]
    );
}

#[test]
fn a_resignation_called_for_was_coded_as_a_resignation() {
    // "calls ... to step down": the calls are rejected, nobody resigned
    assert_eq!(
        asserted("Body.\n\nVenezuelan President Nicolas Maduro rejected calls by the opposition to step down."),
        [t("VENGOV", "VENOPP", "1231")]
    );
}

#[test]
fn the_sport_cue_the_hosts_discarded_every_host() {
    // the discard cue "the hosts" lost its article and matched the verb "hosts"
    assert_eq!(
        asserted("Modi hosts Putin for annual India-Russia summit\n\nBody."),
        [t("INDGOV", "RUSGOV", "043")]
    );
    // the sport sense is still discarded
    assert_eq!(
        asserted("Body.\n\nThe hosts beat Russia after Turkey condemned the referee."),
        []
    );
}

#[test]
fn a_capitalised_sport_name_of_several_words_discarded_nothing() {
    // "World Cup" is the sport itself; one capitalised word ("Steadfast Defender") stays a name
    assert_eq!(
        asserted("Body.\n\nArgentina hosted Brazil in Buenos Aires on Tuesday night and thrashed their arch-rivals 4-1 in a World Cup qualifier."),
        []
    );
}

#[test]
fn a_person_named_after_the_released_title_was_no_target() {
    assert_eq!(
        asserted("Iran freed journalist Nilufar Hamedi on Sunday."),
        [t("IRN", "IRNMED", "0841")]
    );
    assert_eq!(
        asserted("Belarus freed opposition figure Siarhei Tsikhanouski on Saturday."),
        [t("BLR", "BLROPP", "0841")]
    );
}

#[test]
fn a_possessed_role_was_glued_to_the_country_it_was_recalled_from() {
    // "its diplomats from Israel": "from" is where they are recalled from, not whose they are
    assert_eq!(
        asserted("South Africa recalled all its diplomats from Israel on Monday."),
        [t("ZAF", "ISR", "161")]
    );
}

#[test]
fn a_person_named_as_the_object_of_a_literal_verb_was_no_target() {
    // the pattern ends in the verb "release"; its object is a named person
    assert_eq!(
        asserted("Iran refused to release British-Iranian aid worker Nazanin Zaghari-Ratcliffe."),
        [t("IRN", "IRNNGO", "1243")]
    );
}

#[test]
fn readiness_and_scheduled_acts_were_hypothetical_instead_of_an_intent() {
    // CAMEO's root 03 is indicating willingness; "is set to" announces as "will" does
    assert_eq!(
        asserted("Russia is ready to hold talks with Ukraine."),
        [t("RUS", "UKR", "036")]
    );
    assert_eq!(
        asserted("Russia is set to hold talks with Ukraine next week."),
        [t("RUS", "UKR", "036")]
    );
    // someone else's expectation is no intent
    assert!(asserted("Russia is expected to attack Kharkiv.").is_empty());
}

#[test]
fn have_as_main_verb_was_always_an_auxiliary_and_its_patterns_never_matched() {
    assert_eq!(
        asserted("French President Emmanuel Macron had a phone call with Chinese President Xi Jinping on Monday."),
        [t("FRAGOV", "CHNGOV", "041")]
    );
    // the auxiliary stays one: the act is "held"
    assert_eq!(
        asserted("Russia has held talks with China."),
        [t("RUS", "CHN", "040")]
    );
}

#[test]
fn humanitarian_access_had_no_target_when_the_recipients_were_in_the_purpose_clause() {
    assert_eq!(
        asserted("Egypt opened the Rafah crossing on Saturday to allow the first aid trucks to reach Palestinians in Gaza."),
        [t("EGY", "PSE", "0863")]
    );
}

#[test]
fn a_leaders_administration_took_the_country_named_next() {
    // "the Biden administration" is the U.S. government, not Israel's
    assert_eq!(
        coded_on(
            "The Biden administration criticized Israel on Monday.",
            "2024-01-10"
        ),
        [t("USAGOV", "ISR", "111")]
    );
}

#[test]
fn a_headline_verb_that_is_also_a_role_noun_joined_the_leader() {
    // "Blinken heads to Israel": "heads" is the verb, not a role of Blinken's
    assert_eq!(
        coded_on("Blinken heads to Israel", "2024-01-10"),
        [t("USAGOV", "ISR", "042")]
    );
}

/// Every event's triple, for an article published on `date` (leaders' roles are dated).
fn coded_on(text: &str, date: &str) -> Vec<(String, String, String)> {
    let a = dyad::Article::new("t", date.parse().unwrap(), text);
    common::coder()
        .code(&a)
        .iter()
        .map(|e| e.triple())
        .collect()
}

/// Regression: "Xi Jinping told visiting U.S. President Donald Trump that ..." coded Xi
/// visiting Trump. An attributive "visiting" before a person or role names the visitor, whose
/// visit (042) is to the host's country; "after visiting North Korea" is still the gerund.
#[test]
fn an_attributive_visiting_names_the_visitor_and_the_host_country() {
    let found = asserted(
        "Chinese President Xi Jinping told visiting U.S. officials on Thursday that China would work with Washington.",
    );
    assert!(found.contains(&t("USAGOV", "CHN", "042")), "{found:?}");
    assert_eq!(
        asserted("Putin stopped in Vietnam after visiting North Korea."),
        [t("RUSGOV", "VNM", "042"), t("RUSGOV", "PRK", "042")]
    );
    assert!(
        !found.iter().any(|e| e.0 == "CHNGOV" && e.2 == "042"),
        "{found:?}"
    );
}

#[test]
fn a_role_in_two_countries_was_only_the_first_countrys() {
    // "lawmakers in Kenya and Uganda": the lawmakers of each; one country alone was already
    // found as the place named in the sentence
    let mut got = asserted("Lawmakers in Kenya and Uganda condemned the plan on Monday.");
    got.sort();
    assert_eq!(got, [t("KENLEG", "-", "111"), t("UGALEG", "-", "111")]);
}

#[test]
fn a_passive_with_coordinated_adverbs_was_read_as_active() {
    // "was sharply and repeatedly criticized": the "and" between adverbs ended the verb group
    // before "was", so the passive subject became the critic
    assert_eq!(
        asserted("Turkey was sharply and repeatedly criticized by Greece."),
        [t("GRC", "TUR", "111")]
    );
}

#[test]
fn a_verb_after_an_abbreviation_in_brackets_was_read_as_a_noun() {
    // "(AU)" stood between the subject and "condemn", so the bare form had no subject and
    // was taken for the noun
    // (the coup is in Niger, so Kenya condemns it there; organisations keep no place target)
    let mut got = asserted("Kenya and the African Union (AU) condemn the coup in Niger.");
    got.sort();
    assert_eq!(got, [t("IGOAFROAU", "-", "111"), t("KEN", "NER", "111")]);
}

#[test]
fn a_title_qualifier_after_a_possessive_broke_the_title() {
    // "acting" read as a verb form ended the phrase at "Mali's", and no one met anyone
    assert_eq!(
        asserted("Mali's acting president met French officials on Tuesday."),
        [t("MLIGOV", "FRAGOV", "040")]
    );
}

#[test]
fn an_intent_about_another_side_was_coded_as_that_sides_act() {
    // a wish or a forecast about the object's act is neither that act nor its intent
    assert_eq!(
        asserted("Analysts expect Beijing to offer the Solomon Islands new loans."),
        []
    );
    assert_eq!(
        asserted("Washington wants Moscow to withdraw its troops from Ukraine."),
        []
    );
    // the subject's own intent is still coded, past a date between verb and infinitive
    assert_eq!(
        asserted("Russia agreed on Monday to hold talks with Ukraine."),
        [t("RUS", "UKR", "036")]
    );
}

#[test]
fn an_act_only_considered_was_coded_as_done() {
    assert_eq!(
        asserted("Thailand's prime minister would consider reopening talks with southern insurgents, a spokesman said."),
        []
    );
}

#[test]
fn the_two_leaders_looked_past_the_pair_named_in_their_own_sentence() {
    assert_eq!(
        asserted("Serbian President Aleksandar Vucic hosted Hungarian Prime Minister Viktor Orban in Belgrade on Monday, and the two leaders signed a strategic partnership declaration."),
        [
            t("SRBGOV", "HUNGOV", "043"),
            t("SRBGOV", "HUNGOV", "057"),
            t("HUNGOV", "SRBGOV", "057")
        ]
    );
}

#[test]
fn an_attribution_set_off_by_commas_lent_its_statement_to_the_main_subject() {
    // "Xinhua said," names a speaker that is no actor: China and Laos said nothing here
    let events = asserted("China and Laos pledged on Tuesday to speed up construction of the railway, Xinhua said, after a video call between their foreign ministers.");
    assert!(!events.iter().any(|e| e.2 == "010"), "{events:?}");
}

#[test]
fn he_after_a_role_named_no_one() {
    // a singular role held by one person ("foreign minister") is who "he" is
    assert_eq!(
        asserted("Thailand's foreign minister said he would hold talks with Laos next month."),
        [t("THAGOV", "LAO", "036")]
    );
    // a body ("the army") is no one's "he": the pronoun stays uncoded
    assert_eq!(
        asserted("Kenya's army said he would hold talks with Somalia next month."),
        [t("KENMIL", "-", "010")]
    );
}

#[test]
fn a_named_organisations_role_took_the_country_of_a_place() {
    // "the International Criminal Court's prosecutor" is the court's, not Sudan's judiciary
    // ... and telling the Council of his own act is that act: no statement to the Council
    assert_eq!(
        asserted("The International Criminal Court's prosecutor told the UN Security Council on Thursday that he had opened an investigation into killings in Darfur."),
        [t("IGOICC", "-", "092")]
    );
    // a statement to someone whose content is no coded act stays a statement
    assert_eq!(
        asserted("Putin told Erdogan that Russia would not attack Turkey."),
        [t("RUSGOV", "TURGOV", "010")]
    );
}

#[test]
fn they_after_two_speakers_was_only_the_last_of_them() {
    // "they" right after "Thailand and Laos said" is both: a mutual intent to meet
    assert_eq!(
        asserted(
            "The foreign ministers of Thailand and Laos said they would hold talks next month."
        ),
        [t("THAGOV", "LAOGOV", "036"), t("LAOGOV", "THAGOV", "036")]
    );
    // two roles of one country announce their own act too
    assert_eq!(
        asserted(
            "Kenya's president and army chief said they would hold talks with Somalia next month."
        ),
        [t("KENGOV", "SOM", "036"), t("KENMIL", "SOM", "036")]
    );
}

#[test]
fn his_government_belonged_to_the_nearest_country() {
    // "his" is the person's: Ruto's government, not Russia's (named nearer)
    assert_eq!(
        asserted("Kenyan President William Ruto met the Russian ambassador in Nairobi. His government later condemned Russia."),
        [t("KENGOV", "RUSGOV", "040"), t("KENGOV", "RUS", "111")]
    );
}

#[test]
fn they_after_a_host_and_guest_was_someone_else() {
    // "and they signed" after a visit: host and guest sign with each other
    assert_eq!(
        asserted("Russian President Vladimir Putin hosted Turkish President Recep Tayyip Erdogan in Sochi and they signed a gas deal."),
        [
            t("RUSGOV", "TURGOV", "043"),
            t("RUSGOV", "TURGOV", "057"),
            t("TURGOV", "RUSGOV", "057")
        ]
    );
    // a plural actor named before is who "they" are
    let events = asserted("Russian President Vladimir Putin met Turkish officials in Sochi and they signed a gas deal.");
    assert!(
        !events.iter().any(|e| e.0 == "RUSGOV" && e.2 == "057"),
        "{events:?}"
    );
}

#[test]
fn an_ambassador_recalled_from_a_capital_had_no_target() {
    // the capital after the pattern's own "from" is the state it stands for
    assert_eq!(
        asserted("Bolivia recalled its ambassador from Havana."),
        [t("BOL", "CUB", "161")]
    );
    // a capital after another preposition stays a place
    assert_eq!(
        asserted("Bolivia recalled its ambassador in Havana."),
        [t("BOL", "-", "161")]
    );
}

#[test]
fn a_participle_after_a_speaker_was_what_was_said() {
    // after a trailing attribution, ", accusing ..." is the speaker's own act, asserted, and
    // not a trailing attribution that governs the speech before it
    assert_eq!(
        asserted("Azerbaijan did not attack civilians, Aliyev said, accusing Armenia of lying."),
        [t("AZEGOV", "-", "016"), t("AZEGOV", "ARM", "112")]
    );
    // ... also after the speaker's date, and past the country named first
    assert_eq!(
        asserted("Serbia did not violate the border, President Aleksandar Vucic insisted on Friday, rejecting accusations by Kosovo."),
        [t("SRBGOV", "KSV", "016")]
    );
}

#[test]
fn a_participle_after_reported_speech_was_the_reported_sides_act() {
    // the coast guard accuses no one: the ministry that spoke does
    assert_eq!(
        asserted("The Chinese foreign ministry said the Philippine coast guard had entered Chinese waters, accusing Manila of provocation."),
        [t("PHLCOP", "CHN", "150"), t("CHNGOV", "PHLGOV", "112")]
    );
    assert_eq!(
        asserted("Iran's foreign minister said Israel had bombed a consulate, urging the UN Security Council to act."),
        [t("ISR", "IRNGOV", "195"), t("IRNGOV", "IGOUNO", "020")]
    );
    // an act of force in the participle stays the reported act's
    assert_eq!(
        // (Borno is Nigeria's, not Borna in Germany, which also goes by the name)
        asserted("Gunmen attacked a village in Borno, police said, killing 20 people."),
        [t("NGAUAF", "NGACVL", "202")]
    );
}

#[test]
fn a_reaction_appended_to_the_news_lost_its_target_or_was_read_as_reported() {
    // ", a move X condemned": the move's doer is what X condemns
    assert_eq!(
        asserted("Russia expelled two Estonian diplomats on Friday, a move Tallinn condemned as unjustified."),
        [t("RUS", "ESTGOV", "174"), t("ESTGOV", "RUS", "111")]
    );
    // words are their speaker's: the remark is Aliyev's
    assert_eq!(
        asserted("Aliyev said Karabakh is Azerbaijan, a remark Yerevan dismissed as provocation."),
        [t("AZEGOV", "-", "010"), t("ARMGOV", "AZEGOV", "120")]
    );
    // past an attribution, to the act it attributes
    assert_eq!(
        asserted(
            "Iran seized a British tanker in the Gulf, state media said, a move London condemned."
        ),
        [t("IRN", "GBR", "1711"), t("GBRGOV", "IRN", "111")]
    );
    // ", a charge X denied": the denial is X's own, asserted, not the accusation's content,
    // and answers the accusers
    assert_eq!(
        asserted("Burkinabe soldiers accused France of sheltering the ousted leader at a French military base, a charge Paris flatly denied."),
        [t("BFAMIL", "FRA", "112"), t("FRAGOV", "BFAMIL", "016")]
    );
}

#[test]
fn a_reaction_with_an_article_on_its_subject_or_no_subject_was_not_read() {
    // ", a move the opposition called intimidation": the subject's own article is not the
    // appositive's, the empty object slot is the move, and the attribution before it stays
    // an attribution of the act the move stands for
    assert_eq!(
        asserted("Zambia deployed troops to help police maintain order ahead of next week's general election, President Edgar Lungu said on Sunday, a move the opposition called intimidation."),
        [t("ZMB", "-", "154"), t("ZMBOPP", "ZMB", "111")]
    );
    // ", a move that drew condemnation from ...": no subject, and the move's doer is acted upon
    assert_eq!(
        asserted("Guatemala's Congress removed four Constitutional Court judges on Tuesday, a move that drew condemnation from the United States and the European Union."),
        [
            t("GTMLEG", "GTMJUD", "172"),
            t("USA", "GTMLEG", "111"),
            t("IGOEUREEC", "GTMLEG", "111")
        ]
    );
    // an idea is its speaker's words, and a condition inside them is not the reaction's
    assert_eq!(
        asserted("Serbia's President said on Monday that Belgrade would consider recognising Kosovo only if the European Union guaranteed membership within five years, an idea Pristina called a cynical ploy."),
        [t("KSVGOV", "SRBGOV", "111")]
    );
    // naming an actor with a disparaging word criticises it; a kind word does not
    assert_eq!(
        asserted("Chile's President Gabriel Boric called Nicaragua's Daniel Ortega a dictator on Monday."),
        [t("CHLGOV", "NICGOV", "111")]
    );
    assert!(
        !asserted("Turkey called the United States a reliable partner.")
            .iter()
            .any(|e| e.2 == "111")
    );
}

#[test]
fn an_act_done_in_or_to_a_country_had_no_target() {
    // the country the act's object lies in is its target
    assert_eq!(
        asserted("Burundi's President Evariste Ndayishimiye called on Thursday for an immediate ceasefire in eastern Congo."),
        [t("BDIGOV", "COD", "0256")]
    );
    assert_eq!(
        asserted("France handed back 26 royal treasures to Benin on Wednesday."),
        [t("FRA", "BEN", "0842")]
    );
    // a town something is sent to stands for its country
    assert_eq!(
        asserted("Israel approved the entry of fuel into Gaza."),
        [t("ISR", "PSE", "0863")]
    );
    // a place at home, a town after "in" and a statement's venue are where it happened
    assert_eq!(
        asserted("Serbia walked out of talks in Brussels."),
        [t("SRB", "-", "164")]
    );
    assert_eq!(
        asserted("Ethiopia declared a state of emergency in Tigray."),
        [t("ETH", "-", "1724")]
    );
    // nor does a clause after a comma lend its place
    assert_eq!(
        asserted("Egypt called for calm, saying the fighting in Sudan must end."),
        [t("EGY", "-", "0256")]
    );
}

#[test]
fn a_clause_of_time_in_the_present_was_asserted() {
    // in a clause of time the simple present is the future: no one has left office yet
    assert!(asserted(
        "Officials concede that a deal is unlikely before Petro leaves office in August."
    )
    .iter()
    .all(|e| e.2 != "0831"));
    assert_eq!(
        asserted("Talks will continue until Russia withdraws its troops."),
        []
    );
    // in the past it happened
    assert_eq!(
        asserted("Talks continued until Russia withdrew its troops."),
        [t("RUS", "-", "0874")]
    );
}

#[test]
fn a_participle_setting_the_scene_was_a_statement_of_its_own() {
    // where the appeal was made is no second event
    assert_eq!(
        asserted("Brazil's president urged Venezuela and Guyana to resolve their dispute peacefully, speaking at a summit in Rio de Janeiro."),
        [t("BRAGOV", "VEN", "027"), t("BRAGOV", "GUY", "027")]
    );
    // with no act in its clause, speaking at a summit is still a statement
    assert_eq!(
        asserted("Brazil's president said little, speaking at a summit in Rio de Janeiro."),
        [t("BRAGOV", "-", "010")]
    );
}

#[test]
fn a_guest_received_in_the_hosts_capital_visited_no_one() {
    // the guest is the subject: the sentence reports the guest's visit as well as the hosting
    assert_eq!(
        asserted("Lebanese President Elias Haddad was received by Saudi Crown Prince Mohammed bin Salman in Riyadh on Monday."),
        [t("SAUGOV", "LBNGOV", "043"), t("LBNGOV", "SAU", "042")]
    );
    // written actively, the hosting is the host's act alone
    assert_eq!(
        asserted("Chinese President Xi Jinping hosted Russian President Vladimir Putin in Beijing on Wednesday."),
        [t("CHNGOV", "RUSGOV", "043")]
    );
}

#[test]
fn they_after_speakers_named_together_left_their_announced_act_a_bare_statement() {
    // "they" is Britain and France, announcing their own act that no pattern codes: the news
    // is that act, and a bare 010 in its place would be false
    assert_eq!(
        asserted("Britain and France said on Sunday they were ready to put troops on the ground in Ukraine."),
        []
    );
}

#[test]
fn a_mediator_set_beside_the_talks_had_no_parties() {
    // "in a swap mediated by the UAE": the participle after a noun that is no actor is a
    // passive, and the mediator mediates between the parties of the act it is attached to
    assert_eq!(
        asserted("Russia and Ukraine exchanged hundreds of prisoners of war on Wednesday in a swap mediated by the United Arab Emirates."),
        [t("RUS", "UKR", "0841"), t("UKR", "RUS", "0841"), t("ARE", "RUS", "045"), t("ARE", "UKR", "045")]
    );
    // mediators are no parties of each other ("with Venezuela and Cuba acting as guarantors")
    let talks = asserted("Colombia's government and the ELN guerrillas resumed peace talks in Caracas on Monday, with Venezuela and Cuba acting as guarantors.");
    assert!(!talks.contains(&t("CUB", "VEN", "045")), "{talks:?}");
    assert!(talks.contains(&t("VEN", "COLREB", "045")), "{talks:?}");
    assert!(talks.contains(&t("CUB", "COLGOV", "045")), "{talks:?}");
    // a mediation naming its parties keeps them
    assert_eq!(
        asserted("Qatar mediated talks between Israel and Hamas."),
        [t("QAT", "ISR", "045"), t("QAT", "PSEREB", "045")]
    );
}

#[test]
fn an_attribution_with_a_plain_word_after_its_article_was_not_one() {
    // ", a senior State Department official said on Tuesday" attributes the sentence: what
    // the United States "would" do if the bill passes is its announced threat, not a guess
    assert_eq!(
        asserted("The United States would impose sanctions on Georgian officials if the country's parliament adopted the bill, a senior State Department official said on Tuesday."),
        [t("USA", "GEOGOV", "1312")]
    );
    // an act said not to be planned leaves the statement, which is the news
    assert_eq!(
        asserted("Israel has no plans to strike Iran's oil or nuclear facilities, a senior Israeli official said on Tuesday."),
        [t("ISRGOV", "-", "010")]
    );
    // ... but the speaker's own act in a participle of the speech is the news instead
    assert_eq!(
        asserted("Vanuatu's foreign minister said on Tuesday that Port Vila had no plans to host a Chinese naval base, dismissing an Australian media report as speculation."),
        [t("VUTGOV", "AUSMED", "120")]
    );
}

#[test]
fn a_readiness_with_a_condition_before_its_attribution_was_a_guess() {
    // "is ready to lift ... if ..., Borrell said": the infinitive after the future cue is the
    // sentence's own act, governed by the attribution, so the EU's readiness is its announced
    // intent (0354), conditions and all, and the bare statement adds nothing
    assert_eq!(
        asserted_on("2021-06-01", "The European Union is ready to lift its sanctions on Belarus if the authorities free all political prisoners, EU foreign policy chief Josep Borrell said on Monday."),
        [t("IGOEUREEC", "BLR", "0354")]
    );
}

#[test]
fn a_rejected_offer_of_funds_was_a_plain_rejection_and_its_funding_news() {
    // what an offer would do has not happened, and rejecting an offer to fund something is
    // rejecting economic aid (1221)
    assert_eq!(
        asserted("Kiribati's government rejected an offer from the United States to fund a new airstrip on Kanton island on Monday, citing concerns over militarisation."),
        [t("KIRGOV", "USA", "1221")]
    );
}

#[test]
fn an_ambassador_to_the_united_nations_was_the_united_nations() {
    // "to" before a phrase is a preposition before a finite verb: the ambassador acts
    assert_eq!(
        asserted("Russia's ambassador to the United Nations defended Belarus against criticism."),
        [t("RUSGOV", "BLR", "052")]
    );
    // ... while after "appealed to" the phrase does the infinitive
    assert!(
        asserted("Germany gave its approval to Poland to send tanks to Ukraine.")
            .contains(&t("POL", "UKR", "072"))
    );
}

#[test]
fn the_one_telephoned_offered_the_condolences_of_the_caller() {
    // an infinitive after the object of a contact is the caller's purpose, addressed to the
    // one contacted
    assert_eq!(
        asserted_on("2023-02-07", "Greek Prime Minister Kyriakos Mitsotakis telephoned Turkish President Recep Tayyip Erdogan on Tuesday to offer condolences after the devastating earthquake."),
        [t("GRCGOV", "TURGOV", "041"), t("GRCGOV", "TURGOV", "018")]
    );
    // ... while after a verb that hands its object the act, the object does it, and it has
    // not happened
    assert_eq!(
        asserted("Britain urged Israel on Monday to allow more aid into Gaza."),
        [t("GBR", "ISR", "0255")]
    );
    // ... and a phrase after a verb of saying is its clause's subject
    assert_eq!(
        asserted("Egypt said Iran is ready to meet Saudi Arabia."),
        [t("IRN", "SAU", "036")]
    );
}

#[test]
fn a_state_that_summoned_an_ambassador_to_protest_took_to_the_streets_and_its_protest_was_the_envoys(
) {
    // a state protesting complains officially (114); its people demonstrate (141)
    assert_eq!(
        asserted("China summoned Japan's ambassador on Thursday to protest against the remarks."),
        [t("CHN", "JPNGOV", "114")]
    );
    assert!(
        asserted("Thousands of Cubans protested in Havana on Sunday.")
            .iter()
            .any(|e| e.2.starts_with("141"))
    );
}

#[test]
fn an_organisation_named_after_its_description_was_left_uncoded() {
    // "the regional bloc ECOWAS": the description and the name are one phrase, the name's
    assert_eq!(
        asserted(
            "Niger, Mali and Burkina Faso quit the West African regional bloc ECOWAS on Sunday."
        ),
        [
            t("NER", "IGOWAFWAS", "160"),
            t("MLI", "IGOWAFWAS", "160"),
            t("BFA", "IGOWAFWAS", "160")
        ]
    );
    assert_eq!(
        asserted("Russia criticized the military alliance NATO on Monday."),
        [t("RUS", "IGOWSTNAT", "111")]
    );
}

#[test]
fn a_minister_praising_footballers_after_a_five_nil_win_was_diplomacy() {
    // a match score beside a word of sport makes the sentence a match report ...
    assert!(asserted(
        "Ivory Coast's footballers routed Niger 5-0 on Sunday, and the Ivorian sports minister later praised the squad's performance."
    )
    .is_empty());
    // ... while a court's vote is no match
    assert!(!asserted(
        "The Supreme Court ruled 6-3 on Monday that the government must release the activists, and the opposition praised the court."
    )
    .is_empty());
}

#[test]
fn statements_are_left_out_unless_asked_for() {
    // a speaker's words that are no coded act are a statement (010): written only with
    // `bare_statements` (`dyad code --statements`), whether or not it is to someone
    let text = "Turkey said on Monday that the situation was under control. Russia told Ukraine on Tuesday that the situation was calm.";
    let coded = |bare_statements: bool| {
        coded_with(
            dyad::CoderOptions {
                bare_statements,
                ..Default::default()
            },
            text,
        )
    };
    assert_eq!(coded(false), []);
    assert_eq!(coded(true), [t("TUR", "-", "010"), t("RUS", "UKR", "010")]);
}

#[test]
fn what_dismissed_reports_said_was_coded_as_news() {
    // the content of a report, claim or rumour is reported, not asserted ...
    assert_eq!(
        asserted("Moscow dismissed reports that Russian troops attacked the village."),
        [t("RUSGOV", "-", "016")]
    );
    assert_eq!(
        asserted("Kremlin spokesman Dmitry Peskov declined to comment on Thursday on media reports that Hungarian Prime Minister Viktor Orban was planning to travel to Moscow."),
        [t("RUSGOV", "-", "011")]
    );
    // ... while what a report says with a verb of saying is the news it reports
    assert_eq!(
        asserted("Media reports said that Russian troops attacked the village."),
        [t("RUSMIL", "-", "190")]
    );
}

#[test]
fn inspectors_let_in_were_any_international_involvement() {
    // who is let in decides the sub-code of 086
    assert_eq!(
        asserted(
            "Iran allowed U.N. nuclear inspectors into the Fordow enrichment site on Tuesday."
        ),
        [t("IRN", "IGOUNO", "0862")]
    );
}

#[test]
fn a_financial_support_package_was_aid_of_no_kind() {
    // what the aid is, named before its recipient, decides the sub-code of generic aid
    assert_eq!(
        asserted("European Union leaders approved a 50 billion euro financial support package for Ukraine on Thursday."),
        [t("IGOEUREEC", "UKR", "071")]
    );
}

#[test]
fn a_time_adjunct_took_the_patterns_preposition() {
    // "agreed on Thursday on the text of": the "on" of the date is no literal of the pattern
    assert_eq!(
        asserted("Armenia and Azerbaijan agreed on Thursday on the text of a peace treaty."),
        [t("ARM", "AZE", "037"), t("AZE", "ARM", "037")]
    );
}

#[test]
fn a_veto_its_own_minister_announced_was_only_hypothetical() {
    // a government's speaker announcing its own future veto threatens it (130)
    assert_eq!(
        asserted("Hungary's foreign minister warned on Monday that Budapest would veto any new EU sanctions on Russia unless energy imports were exempted."),
        [t("HUNGOV", "IGOEUREEC", "130")]
    );
}

#[test]
fn a_quoted_modifier_hid_the_ceasefire() {
    // quotation marks around modifiers are no words between a pattern's literals
    assert_eq!(
        asserted("India and Pakistan have agreed to a \"full and immediate\" ceasefire."),
        [t("IND", "PAK", "0871"), t("PAK", "IND", "0871")]
    );
}

/// Regression: "... and none voted for the motion" coded the lawmakers' vote as done, the
/// negative pronoun standing for them as the subject.
#[test]
fn a_negative_pronoun_or_determiner_as_subject_negates_the_act() {
    assert_eq!(
        asserted("Only four Romanian lawmakers were absent and none voted for the motion."),
        vec![]
    );
    assert_eq!(
        asserted("Romanian lawmakers voted for the motion."),
        vec![t("ROMLEG", "-", "051")]
    );
    assert_eq!(
        asserted("No Russian troops crossed the border into Ukraine."),
        vec![]
    );
    assert_eq!(
        asserted("Russian troops crossed the border into Ukraine."),
        vec![t("RUSMIL", "UKR", "190")]
    );
}

/// Regression: "... freeze any assets the targets hold in the EU and ban them from travelling
/// to the bloc" coded a visit to the EU (042): "ban" after "and" was read as a noun, and the
/// travel it forbids as done.
#[test]
fn an_act_someone_is_kept_from_has_not_happened() {
    assert_eq!(
        asserted(
            "EU ministers sanctioned seven Iranian officials. The measures freeze any assets \
             the targets hold in the EU and ban them from travelling to the 27-nation bloc."
        ),
        vec![t("IGOEUREEC", "IRNGOV", "163")]
    );
    assert_eq!(
        asserted("Iranian officials travelled to the European Union."),
        vec![t("IRNGOV", "IGOEUREEC", "042")]
    );
}

/// Regression: "talks between Philippine President Ferdinand Marcos Jr and Vietnamese Prime
/// Minister Tran Duc Hieu, who arrived in Manila" made both leaders visitors to the
/// Philippines; no one visits their own country.
#[test]
fn no_one_visits_their_own_country() {
    assert_eq!(
        asserted(
            "The deals followed talks between Philippine President Ferdinand Marcos Jr and \
             Vietnamese Prime Minister Pham Minh Chinh, who arrived in Manila on Wednesday."
        )
        .into_iter()
        .filter(|e| e.2 == "042")
        .collect::<Vec<_>>(),
        vec![t("VNMGOV", "PHL", "042")]
    );
}

/// Regression: "shortly after a court in Islamabad sentenced the former prime minister" gave
/// the sentence to the police of the clause before: a place after "in" right before the verb
/// locates the actor before it, which is the subject.
#[test]
fn a_place_after_in_before_the_verb_locates_the_subject() {
    assert_eq!(
        asserted(
            "Pakistani police arrested Imran Khan on Saturday, shortly after a court in \
             Islamabad sentenced him to three years in prison."
        ),
        vec![t("PAKCOP", "PAKOPP", "173"), t("PAKJUD", "PAKOPP", "116")]
    );
}

/// Regression: "the junta had no authority to make such a request" coded the request as made:
/// what someone has the authority, right or mandate to do is not done.
#[test]
fn an_act_after_authority_or_right_to_is_not_done() {
    assert_eq!(
        asserted("France said the junta in Niger had no authority to make such a request."),
        vec![]
    );
}

/// Regression: "Scholz said Germany would keep supplying air defence systems to Ukraine"
/// coded the supply as given (072): the act under a verb of continuing is in that verb's
/// future, the speaker's announced intent (0332).
#[test]
fn an_act_one_would_keep_doing_is_an_intent() {
    assert_eq!(
        asserted_on(
            "2024-02-26",
            "German Chancellor Olaf Scholz said Germany would keep supplying air defence \
             systems to Ukraine."
        ),
        vec![t("DEUGOV", "UKR", "0332")]
    );
    assert_eq!(
        asserted("Germany continues to supply air defence systems to Ukraine."),
        vec![t("DEU", "UKR", "072")]
    );
}

/// Regression: "accused Azerbaijan of meddling in the territory by backing separatists" coded
/// the backing as done (051): the means of what an accusation charges is part of the charge.
#[test]
fn the_means_of_an_alleged_act_is_alleged_too() {
    assert_eq!(
        asserted(
            "French Interior Minister Gerald Darmanin accused Azerbaijan of meddling in the \
             territory by backing separatists."
        ),
        vec![t("FRAGOV", "AZE", "112")]
    );
}

/// Regression: "sanctioned Sudan's paramilitary Rapid Support Forces" sanctioned Sudan: a
/// country's possessive before an organisation that heads the noun phrase says whose it is,
/// not whom the act is aimed at ("Sweden's NATO bid" is still Sweden's).
#[test]
fn a_countrys_possessive_before_its_organisation_is_not_the_target() {
    assert_eq!(
        asserted("The United States sanctioned Sudan's paramilitary Rapid Support Forces."),
        vec![t("USA", "SDNREB", "163")]
    );
    assert_eq!(
        asserted("Turkey ratified Sweden's NATO membership."),
        vec![t("TUR", "SWE", "080")]
    );
}

/// Regression: "Lula sought to rebuild ties with Brazil's biggest trading partner" rebuilt
/// ties with Brazil: the owner of a relation (partner, ally, rival) is not the other party.
#[test]
fn the_owner_of_a_partner_is_not_the_partner() {
    assert_eq!(
        asserted("Israel attacked Iran's main ally in the region."),
        vec![t("ISR", "-", "190")]
    );
    assert_eq!(
        asserted("Russia attacked Ukraine's positions."),
        vec![t("RUS", "UKR", "190")]
    );
}

#[test]
fn peace_talks_at_a_third_place_were_a_meeting_not_a_negotiation() {
    // `hold peace_talks|nuclear_talks` says more than `hold talks`: of patterns with as many
    // literals, the one whose alternatives hold more words wins
    assert_eq!(
        asserted("Russian and Ukrainian delegations held their first direct peace talks in Istanbul on Friday."),
        [t("RUSGOV", "UKRGOV", "046"), t("UKRGOV", "RUSGOV", "046")]
    );
    assert_eq!(
        asserted("Iran and the United States held nuclear talks in Vienna."),
        [t("IRN", "USA", "046"), t("USA", "IRN", "046")]
    );
}

#[test]
fn a_flight_into_exile_was_a_visit() {
    // who fled earlier in the story travels as a fugitive, not a visitor
    assert_eq!(
        asserted(
            "Hasina resigned and fled the country on Monday. Hasina flew to India, a source said."
        ),
        [t("BGDGOV", "-", "0831")]
    );
    // nor is an arrival a visit when the sentence gives it as asylum
    assert!(
        !asserted("Assad arrived in Moscow and Russia granted him asylum.")
            .iter()
            .any(|e| e.2 == "042")
    );
    // a visit stays a visit
    assert_eq!(
        asserted("Hasina flew to India for talks on Monday."),
        [t("BGDGOV", "IND", "042")]
    );
}

#[test]
fn an_act_a_side_was_prompted_or_forced_to_do_was_hypothetical() {
    // "prompted X to", "forced X to": the act happened, unlike "urged X to"
    assert_eq!(
        asserted("The coup prompted the United States to suspend aid to Sudan."),
        [t("USA", "SDN", "162")]
    );
    assert_eq!(
        asserted("The fighting forced Kenya to close its border with Somalia."),
        [t("KEN", "SOM", "191")]
    );
    assert_eq!(
        asserted("Washington urged Kenya to close its border with Somalia."),
        [t("USAGOV", "KEN", "020")]
    );
    // nor is a purpose after the verb's own object and place ("forced their way into")
    assert!(!asserted(
        "Students forced their way into the Japanese embassy to protest against the release."
    )
    .iter()
    .any(|e| e.0 == "JPNGOV"));
}

#[test]
fn a_visit_named_in_a_time_adjunct_was_the_verbs_topic() {
    // "on the second day of Xi's state visit to Moscow" is when the hailing happened; the
    // visit is an act of its own
    assert!(
        asserted("Putin hailed a new era on the second day of Xi's state visit to Moscow.")
            .contains(&t("CHNGOV", "RUS", "042"))
    );
}

/// Regression: "The African Union and ECOWAS condemned what they called an attempted coup and
/// demanded Bazoum's release" gave "demanded" the subject of "called": a verb coordinated
/// after a free relative ("what they called ...") pairs with the verb the relative is the
/// object of.
#[test]
fn a_verb_after_a_free_relative_took_the_relatives_subject() {
    let events = asserted(
        "The African Union condemned what the soldiers called a rescue operation and demanded the \
         immediate release of President Mohamed Bazoum of Niger.",
    );
    assert!(
        events.iter().any(|e| e.0 == "IGOAFROAU" && e.2 == "1053"),
        "{events:?}"
    );
}

/// Regression: "Russian peacekeepers began deploying under a ceasefire deal signed overnight by
/// the leaders of Armenia, Azerbaijan and Russia" coded no signing: an adverb between the
/// participle and its "by" agent hid the reduced passive relative.
#[test]
fn an_adverb_before_by_hid_a_deal_signed_by_its_parties() {
    let mut got = asserted(
        "Peacekeepers began deploying under a ceasefire deal signed overnight by the leaders of \
         Armenia and Azerbaijan.",
    );
    got.sort();
    assert_eq!(
        got,
        [t("ARMGOV", "AZEGOV", "057"), t("AZEGOV", "ARMGOV", "057")]
    );
}

/// Regression: "A ceasefire between Israel and Hezbollah took effect" and "talks between
/// Russia and Ukraine" coded only the first party's act: an act both parties do, named with
/// "between", is each one's act on the other.
#[test]
fn an_act_between_two_parties_was_coded_one_way() {
    let mut got =
        asserted("A ceasefire between Israel and Hezbollah took effect in Lebanon on Wednesday.");
    got.sort();
    assert_eq!(
        got,
        [t("ISR", "LBNREB", "0871"), t("LBNREB", "ISR", "0871")]
    );
}

/// Regression: "A ceasefire between Israel and Iran-backed Hezbollah took effect in Lebanon
/// under a deal brokered by the United States and France" coded neither the truce (the
/// compound adjective "Iran-backed" stood in the party's slot) nor whom the mediators
/// mediated between (the parties were named only by the noun, which is read after the verbs).
#[test]
fn a_truce_named_by_a_noun_lost_its_parties_and_mediators() {
    let mut got = asserted(
        "A ceasefire between Israel and Iran-backed Hezbollah took effect in Lebanon on \
         Wednesday under a deal brokered by the United States and France.",
    );
    got.sort();
    assert_eq!(
        got,
        [
            t("FRA", "ISR", "045"),
            t("FRA", "LBNREB", "045"),
            t("ISR", "LBNREB", "0871"),
            t("LBNREB", "ISR", "0871"),
            t("USA", "ISR", "045"),
            t("USA", "LBNREB", "045"),
        ]
    );
}

/// Regression: "U.N. human rights chief Volker Turk urged the military ..." was coded
/// `IGOUNOHCH`, and UN peacekeepers `IGOUNOPKO`, where every gold set codes the UN itself: a
/// UN body is written `IGOUNO` unless its own code is asked for.
#[test]
fn a_un_office_was_written_with_a_code_finer_than_the_gold_sets() {
    let text = "The U.N. human rights office criticised Iran on Monday.";
    let coded = |un_agency_codes: bool| {
        coded_with(
            dyad::CoderOptions {
                un_agency_codes,
                ..Default::default()
            },
            text,
        )
    };
    assert_eq!(coded(false), [t("IGOUNO", "IRN", "111")]);
    assert_eq!(coded(true), [t("IGOUNOHCH", "IRN", "111")]);
}

/// Regression: "Putin praised the talks" and "Serbia walked out of talks in Brussels" were
/// written with no target, cooperation with no partner that no gold set codes. Left out by
/// default; `partnerless` writes them.
#[test]
fn cooperation_with_no_partner_was_written() {
    let text = "Putin praised the talks on Monday. Serbia walked out of talks in Brussels. Russia \
                condemned Ukraine on Tuesday.";
    let coded = |partnerless: bool| {
        coded_with(
            dyad::CoderOptions {
                partnerless,
                ..Default::default()
            },
            text,
        )
    };
    assert_eq!(coded(false), [t("RUS", "UKR", "111")]);
    assert_eq!(
        coded(true),
        [
            t("RUSGOV", "-", "051"),
            t("SRB", "-", "164"),
            t("RUS", "UKR", "111")
        ]
    );
}

/// Regression: "Ukraine accused Russia of war crimes, officials said" wrote the accusation as
/// reported: the trailing attribution was read as inside the accusation's complement and the
/// accusation as inside the attribution's, each governing the other. A trailing attribution
/// is governed by nothing.
#[test]
fn an_accusation_with_a_trailing_attribution_was_a_report_of_a_report() {
    assert_eq!(
        asserted("Ukraine accused Russia of war crimes, officials said."),
        [t("UKR", "RUS", "1124")]
    );
}

/// Regression: "her government would lift a ban on four newspapers" had no target (and, as an
/// intent with no partner, was then not written): an actor a restriction's pattern names as
/// its own words after "on", past a number or an article, is whom it is done to.
#[test]
fn a_ban_lifted_on_newspapers_had_no_target() {
    assert_eq!(
        asserted("Tanzania lifted a ban on four newspapers on Wednesday."),
        [t("TZA", "TZAMED", "0811")]
    );
    assert_eq!(
        asserted(
            "Tanzanian President Samia Suluhu Hassan said on Wednesday that her government \
             would lift a ban on four newspapers."
        ),
        [t("TZAGOV", "TZAMED", "0351")]
    );
}

/// Regression: "Biden greeted the freed Americans at an air base near Washington" was coded as
/// the United States hosting the United States (043): no one hosts their own compatriots, as
/// no one visits their own country, nor plans to (an intent read from a journey's pattern).
#[test]
fn a_leader_greeting_compatriots_was_hosting_a_visit() {
    assert!(asserted_on(
        "2024-08-01",
        "President Joe Biden greeted the freed Americans at an air base near Washington."
    )
    .iter()
    .all(|e| e.2 != "043"));
    assert_eq!(
        asserted_on(
            "2024-08-01",
            "President Joe Biden greeted Ukrainian President Volodymyr Zelenskiy at the White House."
        ),
        [t("USAGOV", "UKRGOV", "043")]
    );
}

/// Regression: "Japan and the Philippines signed an agreement to expand defence cooperation"
/// and "talks on a deal to pause the fighting in Gaza" coded the deal's terms as done: what a
/// deal, agreement, accord, pact or treaty provides for is still to be done.
#[test]
fn what_a_deal_provides_for_was_coded_as_done() {
    assert_eq!(
        asserted("Japan and the Philippines signed an agreement on Wednesday to expand defence cooperation."),
        [t("JPN", "PHL", "057"), t("PHL", "JPN", "057")]
    );
    assert!(asserted("Russia signed a deal to supply weapons to Iran.")
        .iter()
        .all(|e| e.2 != "072"));
}

/// "held talks with ... officials in Cairo on Tuesday on a deal to pause the fighting" was a
/// meeting at a third location: the bargain the talks were about came after a place and a
/// date, out of the dictionary pattern's reach, and talks over terms are a negotiation.
#[test]
fn talks_on_a_deal_past_a_place_and_date_were_a_meeting() {
    assert_eq!(
        asserted("CIA Director William Burns held talks with Israeli, Egyptian and Qatari officials in Cairo on Tuesday on a deal to pause the fighting in Gaza."),
        [
            t("ISRGOV", "USASPY", "046"),
            t("USASPY", "ISRGOV", "046"),
            t("EGYGOV", "USASPY", "046"),
            t("USASPY", "EGYGOV", "046"),
            t("QATGOV", "USASPY", "046"),
            t("USASPY", "QATGOV", "046")
        ]
    );
    // talks on something that is no bargain stay a meeting (here at a third location)
    assert_eq!(
        asserted("Indian Prime Minister Narendra Modi held talks with Canadian Prime Minister Justin Trudeau in Brussels on Sunday on border security and trade."),
        [t("INDGOV", "CANGOV", "044")]
    );
}

/// "ECOWAS gave the military junta in Niger one week to reinstate Bazoum" coded nothing: the
/// place said after the role ("in Niger") stood between the target and the rest of the
/// pattern ("one week to").
#[test]
fn a_place_after_a_role_target_broke_the_pattern() {
    assert_eq!(
        asserted("ECOWAS gave the military junta in Niger one week to reinstate ousted President Mohamed Bazoum."),
        [t("IGOWAFWAS", "NERMIL", "139")]
    );
    assert_eq!(
        asserted(
            "The European Union called on the authorities in Tehran to release the activists."
        ),
        [t("IGOEUREEC", "IRNGOV", "0253")]
    );
    // a literal that is the role's own noun is still read from the role
    assert_eq!(
        asserted("Myanmar troops mowed down protesters in Yangon."),
        [t("MMRMIL", "MMROPP", "175")]
    );
}

/// "Guatemala's Congress removed four Constitutional Court judges, a move that drew
/// condemnation from the United States": the judges were coded American. The rule that moves
/// a bare role hit by a hostile act off its attacker's country (forces rarely attack their
/// own side) was applied to coercion, which a state does mostly to its own.
#[test]
fn a_state_coercing_its_own_institution_was_sent_abroad() {
    assert_eq!(
        asserted("Guatemala's Congress removed four Constitutional Court judges on Tuesday, a move that drew condemnation from the United States."),
        [t("GTMLEG", "GTMJUD", "172"), t("USA", "GTMLEG", "111")]
    );
    assert_eq!(
        asserted("Tunisian President Kais Saied suspended parliament on Sunday."),
        [t("TUNGOV", "TUNLEG", "172")]
    );
}

/// "China criticized the sale of weapons by the United States to Taiwan" was aimed at Taiwan,
/// and "Iran condemned the killing of its general by Israel" at no one: a reaction to an act
/// named with its "by" agent is aimed at the agent.
#[test]
fn a_reaction_to_an_act_named_with_its_agent_missed_the_agent() {
    assert_eq!(
        asserted("China criticized the sale of weapons by the United States to Taiwan."),
        [t("CHN", "USA", "111")]
    );
    assert_eq!(
        asserted("Iran condemned the killing of its general by Israel."),
        [t("IRN", "ISR", "111")]
    );
    assert_eq!(
        asserted(
            "Germany welcomed on Monday an advisory opinion by the European Court of Human Rights."
        ),
        [t("DEU", "IGOEURCOE", "051")]
    );
}

/// "Biden and Xi agreed to resume cooperation on climate change" was coded an intent to change
/// policy (0342): the noun "change" was read as the verb that asks for one, and cooperation of
/// no named kind was material (031) rather than unspecified (030).
#[test]
fn climate_change_was_a_policy_change() {
    assert_eq!(
        asserted("U.S. President Joe Biden and Chinese President Xi Jinping agreed to resume cooperation on climate change."),
        [t("USAGOV", "CHNGOV", "030"), t("CHNGOV", "USAGOV", "030")]
    );
    // the verb still asks for one
    assert_eq!(
        asserted("China demanded on Friday that Japan retract the prime minister's remarks."),
        [t("CHN", "JPN", "1042")]
    );
    // a kind named is its sub-code
    assert_eq!(
        asserted("Pakistan and China pledged to expand economic cooperation."),
        [t("PAK", "CHN", "0311"), t("CHN", "PAK", "0311")]
    );
}

/// "The International Criminal Court issued an arrest warrant for Putin" was coded a lawsuit
/// (115): a warrant charges its subject with legal action, CAMEO's 173.
#[test]
fn an_arrest_warrant_was_a_lawsuit() {
    assert_eq!(
        asserted("Turkish prosecutors issued arrest warrants for two senior Saudi officials on Wednesday."),
        [t("TURJUD", "SAUGOV", "173")]
    );
    // seeking one is still legal action of the lawsuit kind
    assert_eq!(
        asserted("The ICC prosecutor sought arrest warrants for Israeli leaders."),
        [t("IGOICC", "ISRGOV", "115")]
    );
}

/// "The military takeover in Niger was condemned by ECOWAS, the African Union and the United
/// Nations" coded nothing: a passive reaction whose subject names an act, not an actor, had
/// no target, though the act's doer is named in it.
#[test]
fn a_passive_reaction_to_a_named_act_had_no_target() {
    assert_eq!(
        asserted("The military takeover in Niger was condemned on Thursday by the West African bloc ECOWAS, the African Union and the United Nations."),
        [
            t("IGOWAFWAS", "NERMIL", "111"),
            t("IGOAFROAU", "NERMIL", "111"),
            t("IGOUNO", "NERMIL", "111")
        ]
    );
    // the act's object after "of" is no doer
    assert_eq!(
        asserted("The invasion of Ukraine was condemned by the United Nations."),
        []
    );
}

#[test]
fn bowing_to_protesters_beside_the_concession_was_a_second_yield() {
    // an act of a root's unspecified kind beside one of a stated kind of the same root, by
    // the same side on the same target, is the same act told again
    assert_eq!(
        asserted_on(
            "2024-06-26",
            "Kenyan President William Ruto withdrew a finance bill containing tax increases on Wednesday, bowing to protesters."
        ),
        [t("KENGOV", "KENOPP", "0832")]
    );
}

#[test]
fn accusing_the_rsf_and_allied_militias_of_genocide_lost_its_sub_code() {
    // "allied" before a noun is an adjective, and the others coordinated with the target do
    // not stop the pattern reading on to "of committing genocide"
    assert_eq!(
        asserted("The United States accused Sudan's paramilitary Rapid Support Forces and allied militias on Tuesday of committing genocide."),
        [t("USA", "SDNREB", "1124")]
    );
}

#[test]
fn an_agreement_signed_with_a_partner_was_coded_one_way() {
    // both sign what one signs with the other, every partner of a coordinated "with"
    assert_eq!(
        asserted("Russia signed agreements with Turkey and the United Nations on Friday."),
        [
            t("TUR", "RUS", "057"),
            t("RUS", "TUR", "057"),
            t("IGOUNO", "RUS", "057"),
            t("RUS", "IGOUNO", "057")
        ]
    );
}

#[test]
fn a_threat_in_what_one_side_warned_another_had_no_target() {
    // a threat made in what one side tells another is aimed at the one told
    assert_eq!(
        asserted("Israeli Prime Minister Benjamin Netanyahu warned Iran that Israel would strike back hard against any attack."),
        [t("ISRGOV", "IRN", "1384")]
    );
}

#[test]
fn talks_held_with_a_partner_were_coded_one_way() {
    // negotiations, like agreements, are coded each way: every gold set does
    assert_eq!(
        asserted("Israel held talks with Hamas on a ceasefire."),
        [t("PSEREB", "ISR", "046"), t("ISR", "PSEREB", "046")]
    );
}

/// Regression: in "asked the court to order a halt to Israel's military campaign in Gaza,
/// accusing Israel of committing genocide", "campaign" after the owned collective "Israel's
/// military" was read as a verb with that subject, and the accusation attached to it.
#[test]
fn an_owned_collective_before_an_event_noun_made_the_noun_a_verb() {
    assert_eq!(
        asserted("South Africa asked the International Court of Justice to order a halt to Israel's military campaign in Gaza, accusing Israel of committing genocide."),
        [t("ZAF", "IGOUNO", "020"), t("ZAF", "ISR", "1124")]
    );
    // a collective with no owner still takes a plural verb
    assert_eq!(
        asserted("Israeli police raid homes in East Jerusalem."),
        [t("ISRCOP", "PSECVL", "190")]
    );
}

/// Regression: "Russia and Ukraine exchanged hundreds of prisoners of war" had no target. Each
/// side of a swap frees the other's people: coordinated swappers, or a swapper and its partner,
/// are each other's targets.
#[test]
fn a_prisoner_swap_had_no_target() {
    assert_eq!(
        asserted("Russia and Ukraine exchanged hundreds of prisoners of war on Wednesday."),
        [t("RUS", "UKR", "0841"), t("UKR", "RUS", "0841")]
    );
    assert_eq!(
        asserted("Russia swapped prisoners with Ukraine."),
        [t("UKR", "RUS", "0841"), t("RUS", "UKR", "0841")]
    );
}

/// Regression: "Jordanian and U.S. military planes air-dropped food parcels over northern
/// Gaza" had no recipient, and "joint EU borrowing to fund arms purchases" was EU aid to no
/// one. Aid whose pattern names no recipient goes to the country of the place it is sent to;
/// with no such place it is no dyad (no gold set codes aid without a recipient).
#[test]
fn aid_sent_to_a_place_had_no_recipient() {
    assert_eq!(
        asserted(
            "Jordanian military planes air-dropped food parcels over northern Gaza on Saturday."
        ),
        [t("JORMIL", "PSE", "073")]
    );
    let got = asserted("Scholz rejected calls for new joint EU borrowing to fund arms purchases.");
    assert!(!got.iter().any(|e| e.2.starts_with("07")), "{got:?}");
}

/// Regression: "Russia and Ukraine each returned 150 prisoners of war" coded nothing: after
/// the floated "each" (tagged as a determiner) "returned" was read as a noun.
#[test]
fn a_verb_after_a_floated_each_was_read_as_a_noun() {
    assert_eq!(
        asserted("Russia and Ukraine each returned 150 prisoners of war on Wednesday."),
        [t("RUS", "UKR", "0841"), t("UKR", "RUS", "0841")]
    );
    // "each" before a noun is still a determiner
    assert_eq!(
        asserted("Russia accused Ukraine of shelling each village."),
        [t("RUS", "UKR", "1123")]
    );
}

/// Regression: "The European Union adopted a 16th package of sanctions against Russia ... The
/// Kremlin called the measures illegal" criticised no one: "the measures" names the sanctions.
#[test]
fn calling_the_measures_illegal_had_no_target() {
    assert_eq!(
        asserted("The European Union adopted new sanctions against Russia on Monday. The Kremlin called the measures illegal."),
        [t("IGOEUREEC", "RUS", "163"), t("RUSGOV", "IGOEUREEC", "111")]
    );
}

/// Regression: "Modi is expected to meet Xi Jinping this week" was coded as Modi's intent to
/// meet (036): "is expected to" is someone else's forecast (no gold set codes an intent from
/// it; two forbid it). And "pleaded with Congress to approve military aid for Kyiv" coded the
/// aid as given and the plea as a generic appeal.
#[test]
fn a_forecast_was_an_intent_and_a_plea_for_military_aid_was_generic() {
    assert_eq!(
        asserted("Prime Minister Narendra Modi is expected to meet Chinese President Xi Jinping at a summit in Russia this week."),
        []
    );
    // an announced plan still is one
    assert_eq!(
        asserted("Prime Minister Narendra Modi will meet Chinese President Xi Jinping this week."),
        [t("INDGOV", "CHNGOV", "036")]
    );
    assert_eq!(
        asserted("U.S. President Joe Biden pleaded with Congress on Tuesday to approve new military aid for Kyiv."),
        [t("USAGOV", "USALEG", "0232")]
    );
}

/// Regression: "Wickremesinghe thanked the IMF and Sri Lanka's creditors, including China and
/// India, for their support" was dropped as business news: a state's creditors and its debt
/// talks are political news, and "creditors" no longer discards a sentence.
#[test]
fn thanking_a_states_creditors_was_business_news() {
    let got = asserted("Sri Lankan President Ranil Wickremesinghe thanked the IMF and the country's creditors for their support.");
    assert!(got.contains(&t("LKAGOV", "IGOIMF", "051")), "{got:?}");
}
