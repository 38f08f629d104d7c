//! Coding protests on the default dictionaries: what a protest is against names its target,
//! a policy word makes it a protest for a policy change, and an aim stated in a participle
//! (", demanding that the government resign") gives the protest its sub-code.
//!
//! Each test is named after the mistake it pins.

mod common;
use common::{asserted, asserted_on, t};

#[test]
fn a_protest_against_someone_after_a_place_and_date_had_no_target() {
    assert_eq!(
        asserted("Thousands of Serbian students rallied in Belgrade on Saturday against the government of President Aleksandar Vucic."),
        [t("SRBEDU", "SRBGOV", "141")]
    );
}

#[test]
fn a_protest_against_a_policy_was_not_a_protest_for_policy_change() {
    assert_eq!(
        asserted("More than a million protesters marched across France on Thursday against President Emmanuel Macron's pension reform."),
        [t("FRAOPP", "FRAGOV", "1412")]
    );
}

#[test]
fn an_aim_in_a_participle_was_coded_as_a_separate_generic_demand() {
    let got = asserted("Lebanese protesters blocked roads across Beirut on Monday, demanding that the government resign.");
    assert_eq!(got, [t("LBNOPP", "LBNGOV", "1441")]);
}

#[test]
fn a_subjunctive_after_that_was_read_as_a_noun_and_the_protest_lost_its_target() {
    // "that the president step down": "step" is the verb of the demanded act, and the one who
    // is to act is the one the protest is against
    let got = asserted(
        "Thousands of Kenyan protesters marched in Nairobi on Tuesday, demanding that the president step down.",
    );
    assert_eq!(got, [t("KENOPP", "KENGOV", "1411")]);
}

#[test]
fn protesters_rallying_after_a_preposition_were_read_as_the_police_rallying() {
    assert_eq!(
        asserted(
            "Georgian police fired tear gas at protesters rallying against the bill on Tuesday."
        ),
        [t("GEOCOP", "GEOOPP", "175"), t("GEOOPP", "GEOGOV", "1412")]
    );
}

#[test]
fn unions_were_no_actor() {
    // "unions" alone is labour ("the African Union" is matched whole first)
    assert_eq!(
        asserted("Body.\n\nFrench unions went on a nationwide strike on Thursday."),
        [t("FRALAB", "-", "143")]
    );
}

#[test]
fn a_concession_to_protesters_had_no_target() {
    let got = asserted(
        "Peru's government scrapped a mining law on Friday, a week after Peruvian protesters blocked highways.",
    );
    assert!(got.contains(&t("PERGOV", "PEROPP", "0832")), "{got:?}");
}

#[test]
fn a_strike_against_a_leaders_policy_lost_its_policy_sub_code() {
    // the pattern read "against" and found the target; "tax reform" still makes it 1432
    let got = asserted(
        "Colombian unions staged a national strike on Wednesday against the government's proposed tax reform.",
    );
    assert_eq!(got, [t("COLLAB", "COLGOV", "1432")]);
}

#[test]
fn a_general_strike_was_a_military_officer() {
    assert_eq!(
        asserted("Nigerian unions began a general strike on Monday."),
        [t("NGALAB", "-", "143")]
    );
    // with a target after it, "general strike" was read as the target's generals
    assert_eq!(
        asserted("Argentine unions staged a general strike against the government."),
        [t("ARGLAB", "ARGGOV", "143")]
    );
}

/// Regression: "protesters marched toward parliament to demand the speaker's resignation" had
/// no target. The seat of power a march heads for or gathers outside is what it addresses; a
/// city it heads for is not (the march is then against the protesters' own government, as
/// every demonstration naming no one).
#[test]
fn a_march_toward_an_institution_addresses_it() {
    assert_eq!(
        asserted("Thousands of protesters marched toward parliament in Kampala on Tuesday."),
        [t("UGAOPP", "UGALEG", "141")]
    );
    assert_eq!(
        asserted("Thousands of protesters marched toward Kampala on Tuesday."),
        [t("UGAOPP", "UGAGOV", "141")]
    );
}

#[test]
fn a_threat_with_a_condition_had_no_target() {
    // the threat is aimed at whoever its "if" clause names
    assert_eq!(
        asserted("Nigeria's main labour unions said on Friday they would begin an indefinite nationwide strike on Monday if the government failed to agree a new minimum wage."),
        [t("NGALAB", "NGAGOV", "133")]
    );
    // ... but not at the threatener itself
    assert_eq!(
        asserted("Iran threatened to close the Strait of Hormuz if it is attacked."),
        [t("IRN", "-", "1381")]
    );
}

#[test]
fn a_role_noun_ending_the_target_was_missed_before_a_relative_clause() {
    // `free + students`: the literal is the role noun that ends the target phrase, and the
    // relative clause after it begins where the clause of "freed" ends
    assert_eq!(
        asserted("Bangladesh's government freed hundreds of students who had been arrested during the protests."),
        [t("BGDGOV", "BGDEDU", "0841")]
    );
}

#[test]
fn a_bounded_number_used_up_the_words_allowed_before_the_target() {
    // "more than 40" is one quantity, not three of the modifiers a target may stand behind
    assert_eq!(
        asserted("Kyrgyz police detained more than 40 supporters of opposition politician Ivan Petrov on Monday."),
        [t("KGZCOP", "KGZOPP", "173")]
    );
    assert_eq!(
        asserted("Gunmen killed at least 12 Nigerian soldiers in Borno."),
        [t("NGAUAF", "NGAMIL", "190")]
    );
}

#[test]
fn what_protesters_demanded_was_coded_as_done() {
    // the deal is what the relatives demand, not a deal agreed
    assert!(asserted("Relatives of hostages held in Gaza blocked a highway in Tel Aviv on Sunday night, demanding that Prime Minister Benjamin Netanyahu agree a ceasefire deal with Hamas.")
        .iter()
        .all(|e| e.2 != "057"));
    // a that-clause after a verb of saying is still reported as said
    assert_eq!(
        asserted("Israel's army said that Hamas fighters attacked Israeli soldiers."),
        [t("PSEREB", "ISRMIL", "190")]
    );
}

#[test]
fn rallying_support_was_a_demonstration_and_an_institution_was_no_aim() {
    // "rally" with an object asks others for support; it is no demonstration
    assert_eq!(
        asserted("Saudi Arabia and France rallied international support for a two-state solution at a United Nations conference on Monday."),
        [t("SAU", "-", "022"), t("FRA", "-", "022")]
    );
    // demanding the annulment of an election is a demand for a change of institutions, and
    // marching for it a demonstration for one (1414), one event and not a protest and a demand
    let march = asserted("Thousands of opposition supporters marched through Bishkek on Monday demanding the annulment of Sunday's parliamentary election.");
    assert_eq!(march, [t("KGZOPP", "KGZGOV", "1414")]);
    // a court's name is no institution demanded
    assert!(
        !asserted("The opposition rejected the presidential result and filed a challenge at the High Constitutional Court.")
            .iter()
            .any(|e| e.2 == "1234")
    );
}

#[test]
fn a_clause_after_comma_and_was_read_as_one_more_demanded_party() {
    // ", and security forces did not intervene" starts a new clause: after a single phrase,
    // ", and" coordinates no phrases (a list "A, B, and C" still does)
    let events = asserted("Thousands of opposition supporters marched through Lome on Wednesday to demand the resignation of President Faure Gnassingbe, and security forces did not intervene.");
    assert!(!events.iter().any(|e| e.1 == "TGOCOP"), "{events:?}");
    assert!(events.iter().any(|e| e.2 == "1411"), "{events:?}");
}

#[test]
fn supporters_named_by_a_plural_noun_and_their_violence_were_missed() {
    // "Supporters of X" opening the sentence stand for X's side, the subject; force used by
    // an opposition's supporters is a violent protest (145), not a military attack
    assert_eq!(
        asserted_on("2023-05-09", "Supporters of former Prime Minister Imran Khan attacked military installations across Pakistan, including a top general's residence in Lahore, hours after his arrest on Tuesday."),
        [t("PAKOPP", "PAKMIL", "145")]
    );
    // ... and fighters from a militia are the militia's
    assert_eq!(
        asserted("Fighters from the Amhara Fano militia clashed with Ethiopian federal troops in the town of Lalibela on Wednesday."),
        [t("ETHREB", "ETHMIL", "190"), t("ETHMIL", "ETHREB", "190")]
    );
    // settlers attacking villagers are no protest
    assert_eq!(
        asserted("Israeli settlers attacked Palestinian villagers."),
        [t("ISRCVL", "PSECVL", "190")]
    );
}

#[test]
fn a_concession_to_protests_yielded_to_no_one() {
    // resigning after weeks of protests yields to the protesters, of the leader's own country
    assert_eq!(
        asserted_on("2024-08-05", "Bangladesh's Prime Minister Sheikh Hasina resigned and fled the country on Monday after weeks of deadly protests against her government."),
        [t("BGDGOV", "BGDOPP", "0831")]
    );
    // ... and bowing to protests too; an act after some other news is no concession
    assert_eq!(
        asserted("Serbia's government scrapped a planned lithium mine in the west of the country on Thursday, bowing to weeks of environmental protests."),
        [t("SRBGOV", "SRBOPP", "080")]
    );
    assert_eq!(
        asserted("The minister resigned after a corruption scandal."),
        [t("GOV", "-", "0831")]
    );
}

#[test]
fn people_detained_at_protests_were_civilians() {
    // people taken at a protest are its protesters
    assert_eq!(
        asserted("Police detained more than 1,300 people at anti-war protests across Russia on Wednesday."),
        [t("RUSCOP", "RUSOPP", "173")]
    );
}

/// Regression: "Biden called the strikes a clear message" was a labour strike called (143):
/// "call" with an object and a second noun phrase names what the object is.
#[test]
fn calling_something_a_name_calls_no_strike() {
    assert_eq!(
        asserted("President Joe Biden called the strikes a clear message."),
        vec![]
    );
    assert_eq!(
        asserted("Nigerian unions called a strike over fuel prices."),
        vec![t("NGALAB", "-", "143")]
    );
}

/// Regression: "demonstrators stormed parliament and police shot dead several protesters"
/// read "parliament and police" as one pair: the police were stormed, and parliament shot the
/// protesters. The object of one finite verb and the subject of the next are two clauses.
#[test]
fn an_object_and_the_next_subject_are_no_pair() {
    assert_eq!(
        asserted(
            "Kenyan demonstrators stormed parliament and police shot dead several protesters."
        ),
        vec![t("KENOPP", "KENLEG", "145"), t("KENCOP", "KENOPP", "175")]
    );
    // after a verb that takes a clause they are the clause's subjects
    assert_eq!(
        asserted("Kenyan officials said Uganda and Tanzania had condemned Somalia."),
        vec![t("UGA", "SOM", "111"), t("TZA", "SOM", "111")]
    );
}

#[test]
fn police_killing_protesters_was_plain_force_not_repression() {
    // the codebook's violent repression (175) is a state's force against its own protesters
    assert_eq!(
        asserted("Kazakh security forces killed dozens of rioters in Almaty."),
        [t("KAZCOP", "KAZOPP", "175")]
    );
    // protesters fighting their police riot (145)
    assert_eq!(
        asserted("Kenyan protesters attacked police officers in Nairobi."),
        [t("KENOPP", "KENCOP", "145")]
    );
    // another country's soldiers stay what they did
    assert_eq!(
        asserted("Russian troops shot Ukrainian opposition activists in Kherson."),
        [t("RUSMIL", "UKROPP", "193")]
    );
}

#[test]
fn protesters_who_clashed_with_police_clashed_with_no_one() {
    // the pattern names the police in its own words; they are whom the riot is against
    assert_eq!(
        asserted("More than a million protesters marched across France, and some of them clashed with police in Paris."),
        [t("FRAOPP", "FRAGOV", "141"), t("FRAOPP", "FRACOP", "145")]
    );
    // not the police of "against police violence" (the demonstration names no one, so it is
    // against the own government), nor those a government sends out
    assert_eq!(
        asserted("French youths rallied against police violence."),
        [t("FRACVL", "FRAGOV", "1413")]
    );
    assert_eq!(
        asserted("Belarus flooded the streets with riot police."),
        [t("BLR", "-", "153")]
    );
}

#[test]
fn a_march_calling_on_the_government_to_act_was_a_march_and_an_appeal() {
    // the call names the march's aim: a policy (1412), against whom it is made
    assert_eq!(
        asserted("Hundreds of thousands of pro-Palestinian demonstrators marched through central London on Saturday, calling on the British government to back a ceasefire in Gaza."),
        [t("GBROPP", "GBRGOV", "1412")]
    );
}

/// Regression: "Thousands of Cubans took to the streets in anti-government protests" and
/// "protesters marching toward the presidential palace" had no target. A demonstration by a
/// country's people that names no one is held against its own government (eval/README.md,
/// "Protests"); one for or against another people is not.
#[test]
fn a_demonstration_naming_no_one_had_no_target() {
    assert_eq!(
        asserted("Thousands of Cubans took to the streets on Sunday in anti-government protests."),
        [t("CUB", "CUBGOV", "141")]
    );
    assert_eq!(
        asserted("Hundreds of Sudanese students marched in Khartoum on Sunday."),
        [t("SDNEDU", "SDNGOV", "141")]
    );
    // a cause named by a people's name is another country's affair
    assert_eq!(
        asserted("Pro-Palestinian protesters marched in London on Saturday."),
        [t("GBROPP", "-", "141")]
    );
    // a state body demonstrating is no people's protest
    assert!(!asserted("Serbian police marched through Belgrade.")
        .iter()
        .any(|e| e.1 == "SRBGOV"));
}

/// Regression: "Police used water cannon to clear protesters blocking roads" had no target:
/// the crowd-control pattern names no one, and the protesters stood in the purpose clause.
#[test]
fn crowd_control_named_its_crowd_only_in_a_purpose_clause() {
    assert_eq!(
        asserted("Israeli police used water cannon on Monday to clear protesters blocking roads outside the Knesset."),
        [t("ISRCOP", "ISROPP", "175"), t("ISROPP", "-", "144")]
    );
    // a crowd of another country is not the one the police faced
    let got = asserted("Kenyan police fired tear gas after Somali students met in Nairobi.");
    assert!(got.contains(&t("KENCOP", "-", "175")), "{got:?}");
}

/// Regression: "ISWAP fighters attacked a base, killing five soldiers and burning armoured
/// vehicles" coded the fighters rioting (145): a riot is a people's violent protest, and an
/// armed group's burning and looting is part of its assault.
#[test]
fn fighters_burning_vehicles_were_rioting() {
    let got = asserted("Islamic State fighters attacked a military base in Borno state, killing five soldiers and burning armoured vehicles.");
    assert!(!got.iter().any(|e| e.2.starts_with("145")), "{got:?}");
    // protesters who burn vehicles still riot
    let got = asserted("Kenyan protesters burned cars in Nairobi on Tuesday.");
    assert!(got.iter().any(|e| e.2.starts_with("145")), "{got:?}");
}

/// Regression: "Kenyan police shot dead at least 17 people when protesters stormed parliament"
/// was a gunfight (193): those the police shoot at a protest are its protesters, and that is
/// violent repression (175), as it is when the victims are named protesters.
#[test]
fn police_shooting_people_at_a_protest_was_a_gunfight() {
    let got = asserted(
        "Kenyan police shot dead at least 17 people when protesters stormed parliament on Tuesday.",
    );
    assert!(got.contains(&t("KENCOP", "KENCVL", "175")), "{got:?}");
    // with no protest in the sentence it stays what it was
    let got = asserted("Kenyan police shot dead at least 17 people in Nairobi on Tuesday.");
    assert!(!got.iter().any(|e| e.2 == "175"), "{got:?}");
}
