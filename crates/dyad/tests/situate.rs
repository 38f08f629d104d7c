//! Where and when: each event's `when` and `location` come from its own clause, resolved
//! against the publication date, with the embedded gazetteer. Run on the default dictionaries,
//! as a user would.

use dyad::{Article, Coder, CoderOptions, Event};
use std::sync::OnceLock;

fn coder() -> &'static Coder {
    static C: OnceLock<Coder> = OnceLock::new();
    C.get_or_init(|| Coder::with_default_dictionaries(CoderOptions::default()).unwrap())
}

fn code(text: &str, date: &str) -> Vec<Event> {
    coder().code(&Article::new("t", date.parse().unwrap(), text))
}

/// The event with this code.
fn event<'e>(events: &'e [Event], cameo: &str) -> &'e Event {
    events
        .iter()
        .find(|e| e.cameo == cameo)
        .unwrap_or_else(|| panic!("no {cameo} event in {events:#?}"))
}

fn place(e: &Event) -> Option<(&str, &str, &str)> {
    e.location.as_ref().map(|l| (l.name, l.country, l.feature))
}

#[test]
fn a_weekday_in_a_past_report_is_the_last_such_day() {
    // 2019-06-12 was a Wednesday
    let evs = code(
        "Turkish Foreign Minister Mevlut Cavusoglu on Wednesday accused Greece of violating Turkish airspace.",
        "2019-06-12",
    );
    let e = event(&evs, "112");
    assert_eq!(e.when.as_deref(), Some("2019-06-12"));
    assert_eq!(e.when_precision, Some("day"));
    assert_eq!(e.when_text.as_deref(), Some("Wednesday"));
    let evs = code(
        "Russian and Ukrainian negotiators held talks in Istanbul on Tuesday.",
        "2019-06-12",
    );
    assert_eq!(evs[0].when.as_deref(), Some("2019-06-11"));
}

#[test]
fn a_future_act_looks_forward_and_a_week_is_its_monday() {
    let evs = code(
        "U.S. President Joe Biden will meet Chinese President Xi Jinping in San Francisco next week.",
        "2023-11-08",
    );
    let e = &evs[0];
    assert_eq!(e.when.as_deref(), Some("2023-11-13"));
    assert_eq!(e.when_precision, Some("week"));
    assert_eq!(place(e), Some(("San Francisco", "USA", "city")));
}

#[test]
fn a_december_article_about_january_means_next_year() {
    let evs = code(
        "Russian and U.S. officials will hold talks on European security in Geneva in January.",
        "2021-12-28",
    );
    let e = &evs[0];
    assert_eq!(e.when.as_deref(), Some("2022-01"));
    assert_eq!(e.when_precision, Some("month"));
    // Geneva, Switzerland — not a small American Geneva, though the actors are American
    assert_eq!(place(e), Some(("Geneva", "CHE", "city")));
}

#[test]
fn a_reported_act_does_not_take_the_date_of_the_report() {
    let evs = code(
        "Israel's military said on Monday that Hamas fighters attacked an army post on Saturday.",
        "2023-10-09",
    );
    let attack = evs.iter().find(|e| e.root == "19" || e.root == "18");
    if let Some(a) = attack {
        assert_eq!(a.when.as_deref(), Some("2023-10-07"));
    }
    let said = evs.iter().find(|e| e.cameo == "010");
    if let Some(s) = said {
        assert_eq!(s.when.as_deref(), Some("2023-10-09"));
    }
    assert!(attack.is_some() || said.is_some(), "{evs:#?}");
}

#[test]
fn no_time_expression_leaves_when_null() {
    let evs = code("Washington accused Beijing of hacking.", "2021-07-19");
    let e = &evs[0];
    assert_eq!(e.when, None);
    assert_eq!(e.when_precision, None);
    // capitals standing for governments are actors, not places
    assert_eq!(e.location, None);
}

#[test]
fn a_nationality_and_a_place_noun_disambiguate_a_city() {
    let evs = code(
        "Russia met Ukraine in the Turkish city of Istanbul on Friday.",
        "2022-03-25",
    );
    assert_eq!(place(&evs[0]), Some(("Istanbul", "TUR", "city")));
    let evs = code(
        "Taliban and U.S. negotiators held talks in Doha, Qatar on Saturday.",
        "2020-02-29",
    );
    let e = evs.iter().find(|e| e.root == "04").expect("talks");
    let l = e.location.as_ref().unwrap();
    assert_eq!((l.name, l.country), ("Doha", "QAT"));
    // the place record points at the words that named it
    assert_eq!(
        &"Taliban and U.S. negotiators held talks in Doha, Qatar on Saturday."[l.start..l.end],
        "Doha, Qatar"
    );
}

#[test]
fn a_region_after_the_is_one_name() {
    let evs = code(
        "Israeli troops raided the Jenin refugee camp in the West Bank last week.",
        "2023-07-10",
    );
    let e = evs
        .iter()
        .find(|e| e.root == "19" || e.root == "17")
        .expect("raid");
    assert_eq!(place(e), Some(("West Bank", "PSE", "region")));
    assert_eq!(e.when.as_deref(), Some("2023-07-03"));
}

#[test]
fn the_dateline_places_events_with_no_place_of_their_own() {
    let evs = code(
        "ANKARA, June 12 (Reuters) - Turkish Foreign Minister Mevlut Cavusoglu on Wednesday accused Greece of violating Turkish airspace.",
        "2019-06-12",
    );
    let e = event(&evs, "112");
    assert_eq!(place(e), Some(("Ankara", "TUR", "city")));
    assert_eq!(&"ANKARA, June 12"[..6], &e.location.as_ref().unwrap().text);
}

#[test]
fn a_visit_takes_place_at_its_destination() {
    let evs = code(
        "German Chancellor Olaf Scholz visited Beijing on Friday.",
        "2022-11-04",
    );
    let e = event(&evs, "042");
    assert_eq!(place(e), Some(("Beijing", "CHN", "city")));
    assert_eq!(e.when.as_deref(), Some("2022-11-04"));
}

#[test]
fn a_place_of_another_act_is_not_the_events_place() {
    // the bombing happened in Manchester; the condemnation did not
    let evs = code(
        "Islamic State militants bombed a concert. Russia condemned the bombing in Manchester on Tuesday.",
        "2017-05-23",
    );
    let e = event(&evs, "111");
    assert_eq!(e.location, None);
    assert_eq!(e.when.as_deref(), Some("2017-05-23"));
    // a country named before a noun describes the noun: "the U.S. decision" places nothing
    let evs = code(
        "Germany's foreign minister voiced disappointment on Saturday at the U.S. decision.",
        "2019-02-02",
    );
    assert!(evs.iter().all(|e| e.location.is_none()), "{evs:#?}");
}

#[test]
fn coordinated_verbs_share_their_time() {
    let evs = code(
        "China suspended cooperation with the United States and cancelled talks between military commanders on Friday.",
        "2022-08-05",
    );
    let e = evs.iter().find(|e| e.root == "16").expect("suspension");
    assert_eq!(e.when.as_deref(), Some("2022-08-05"));
}

#[test]
fn a_meeting_placed_in_a_country_of_neither_side_is_at_a_third_location() {
    let evs = code(
        "Russian President Vladimir Putin met Ukrainian President Volodymyr Zelensky in Turkey on Monday.",
        "2022-03-14",
    );
    let e = evs.iter().find(|e| e.root == "04").expect("meeting");
    assert_eq!(e.cameo, "044", "{evs:#?}");
    assert_eq!(place(e), Some(("Turkey", "TUR", "country")));
    // in one side's country it stays a meeting
    let evs = code(
        "Russian President Vladimir Putin met Ukrainian President Volodymyr Zelensky in Ukraine on Monday.",
        "2022-03-14",
    );
    let e = evs.iter().find(|e| e.root == "04").expect("meeting");
    assert_eq!(e.cameo, "040", "{evs:#?}");
}

/// "HANOI - A summit between Trump and Kim collapsed" was coded 040: the sentence names no
/// place, and the dateline's third country was not taken for the meeting's.
#[test]
fn a_meeting_under_a_third_countrys_dateline_is_at_a_third_location() {
    let evs = code(
        "HANOI, Feb 28 (Reuters) - A summit between U.S. President Donald Trump and North Korean leader Kim Jong Un collapsed on Thursday without any agreement.",
        "2019-02-28",
    );
    let e = evs.iter().find(|e| e.root == "04").expect("meeting");
    assert_eq!(e.cameo, "044", "{evs:#?}");
    // a call is not held where the reporter files from
    let evs = code(
        "GENEVA, May 3 (Reuters) - U.S. President Joe Biden and Chinese President Xi Jinping held talks by phone on Monday.",
        "2021-05-03",
    );
    let e = evs.iter().find(|e| e.root == "04").expect("call");
    assert_eq!(e.cameo, "040", "{evs:#?}");
    // nor is a meeting in one side's capital a third country's
    let evs = code(
        "BEIJING, May 3 (Reuters) - U.S. President Joe Biden held talks with Chinese President Xi Jinping on Monday.",
        "2021-05-03",
    );
    let e = evs.iter().find(|e| e.root == "04").expect("meeting");
    assert_eq!(e.cameo, "040", "{evs:#?}");
}
