//! Time expressions: finding them in news sentences and resolving them against fixed
//! publication dates, including year boundaries, leap days and the words that only look like
//! dates.

use dyad::timex::{find, resolve, Precision, Tense, TimeKind};
use dyad::Date;

use Precision::*;
use Tense::*;

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

/// Every mention as (text, value, precision); unresolvable ones have value "-".
fn all(text: &str, published: &str, tense: Tense) -> Vec<(String, String, Precision)> {
    find(text)
        .iter()
        .map(|m| match resolve(m, text, date(published), tense) {
            Some(w) => (w.text, w.value, w.precision),
            None => (text[m.start..m.end].to_string(), "-".to_string(), Day),
        })
        .collect()
}

/// The single mention's value and precision.
fn one(text: &str, published: &str, tense: Tense) -> (String, Precision) {
    let found = all(text, published, tense);
    assert_eq!(found.len(), 1, "{text:?} → {found:?}");
    let (_, value, precision) = found.into_iter().next().unwrap();
    (value, precision)
}

/// The single mention's value, asserting its precision.
fn val(text: &str, published: &str, tense: Tense, precision: Precision) -> String {
    let (value, p) = one(text, published, tense);
    assert_eq!(p, precision, "{text:?} precision");
    value
}

fn day(text: &str, published: &str, tense: Tense) -> String {
    val(text, published, tense, Day)
}

fn spans(text: &str) -> Vec<&str> {
    find(text).iter().map(|m| &text[m.start..m.end]).collect()
}

// A Thursday, two days before Christmas.
const THU: &str = "2021-12-23";
// A Monday in January.
const MON: &str = "2022-01-10";
// New Year's Day, a Saturday.
const NYD: &str = "2022-01-01";

#[test]
fn explicit_dates_in_news_forms() {
    for text in [
        "The talks began on Feb. 29, 2020, in Doha.",
        "The talks began on Feb 29, 2020.",
        "The talks began on February 29, 2020.",
        "The talks began on 29 February 2020.",
        "The talks began on 2020-02-29.",
        "The talks began on 29/02/2020.",
        "The talks began on 02/29/2020.",
        "The talks began on Saturday, Feb. 29, 2020.",
    ] {
        assert_eq!(day(text, THU, Past), "2020-02-29", "{text}");
    }
    assert_eq!(spans("began on Feb. 29, 2020, in Doha"), ["Feb. 29, 2020"]);
    assert_eq!(
        spans("began on Saturday, Feb. 29, 2020."),
        ["Saturday, Feb. 29, 2020"]
    );
    assert_eq!(day("attacks of Sept. 11, 2001", THU, Past), "2001-09-11");
    assert_eq!(day("on Sep. 5, 2019", THU, Past), "2019-09-05");
    assert_eq!(day("on the 5th of March", THU, Past), "2021-03-05");
    assert_eq!(spans("on the 5th of March"), ["the 5th of March"]);
    assert_eq!(day("on 5 March", THU, Past), "2021-03-05");
    assert_eq!(day("on Wed., Dec. 22", THU, Past), "2021-12-22");
    // A day range resolves to its first day and spans both.
    assert_eq!(day("killed on July 15-16, 2016", THU, Past), "2016-07-15");
    assert_eq!(spans("on July 15-16, 2016."), ["July 15-16, 2016"]);
    assert_eq!(day("the summit on 12–13 December", THU, Past), "2021-12-12");
    assert!(find("a 2-1 vote").is_empty());
    // An impossible date is found but does not resolve.
    assert_eq!(all("on Feb. 29, 2021", THU, Past)[0].1, "-");
    // Ambiguous and impossible numeric forms are not dates.
    assert!(find("on 03/04/2020").is_empty());
    assert!(find("on 2021-02-30").is_empty());
    assert_eq!(day("on 04/04/2020", THU, Past), "2020-04-04");
}

#[test]
fn month_day_without_year_crosses_year_boundaries() {
    // A December story about January.
    assert_eq!(day("will meet on Jan. 5", THU, Future), "2022-01-05");
    assert_eq!(day("met on Jan. 5", THU, Past), "2021-01-05");
    // A January story about December.
    assert_eq!(day("met on Dec. 28", MON, Past), "2021-12-28");
    assert_eq!(day("will meet on Dec. 28", MON, Future), "2022-12-28");
    // One day of grace for datelines; beyond it a past date is last year's.
    assert_eq!(day("met on Dec. 24", THU, Past), "2021-12-24");
    assert_eq!(day("met on Dec. 26", THU, Present), "2020-12-26");
    assert_eq!(day("will meet on Dec. 22", THU, Future), "2021-12-22");
    assert_eq!(day("will meet on Dec. 20", THU, Future), "2022-12-20");
    // Leap days go to the nearest leap year in the tense's direction.
    assert_eq!(day("on Feb. 29", "2021-03-01", Past), "2020-02-29");
    assert_eq!(day("on Feb. 29", "2021-03-01", Future), "2024-02-29");
    assert_eq!(day("on Feb. 28", "2021-03-01", Future), "2021-02-28");
    assert_eq!(day("on Feb. 28", "2021-03-05", Future), "2022-02-28");
}

#[test]
fn day_of_month() {
    assert_eq!(day("clashes on the 29th", THU, Past), "2021-11-29");
    assert_eq!(day("clashes on the 20th", THU, Past), "2021-12-20");
    assert_eq!(day("will vote on the 29th", THU, Future), "2021-12-29");
    assert_eq!(day("will vote on the 5th", THU, Future), "2022-01-05");
    assert_eq!(day("met on the 28th", MON, Past), "2021-12-28");
    assert_eq!(spans("met on the 28th."), ["the 28th"]);
    assert_eq!(day("planned for the 19th.", THU, Future), "2022-01-19");
    assert!(find("for the 19th time").is_empty());
    // February has no 31st.
    assert_eq!(all("met on the 31st", "2022-03-10", Past)[0].1, "-");
    // Ordinals that are not days.
    assert!(find("marked the 29th anniversary").is_empty());
    assert!(find("an office on the 5th floor").is_empty());
    assert!(find("in the 20th century").is_empty());
}

#[test]
fn weekdays_follow_wire_conventions() {
    // Published on a Thursday: "Thursday" is that day in either tense.
    assert_eq!(day("said on Thursday", THU, Past), "2021-12-23");
    assert_eq!(day("will meet on Thursday", THU, Future), "2021-12-23");
    assert_eq!(day("met on Monday", THU, Past), "2021-12-20");
    assert_eq!(day("will meet on Monday", THU, Future), "2021-12-27");
    assert_eq!(day("said Thursday", THU, Present), "2021-12-23");
    assert_eq!(day("met last Thursday", THU, Past), "2021-12-16");
    assert_eq!(day("will meet next Thursday", THU, Future), "2021-12-30");
    assert_eq!(day("will meet this Friday", THU, Future), "2021-12-24");
    assert_eq!(day("fighting Thursday night", THU, Past), "2021-12-23");
    assert_eq!(day("died late Wednesday", THU, Past), "2021-12-22");
    assert_eq!(spans("died late Wednesday in"), ["late Wednesday"]);
    assert_eq!(day("early on Tuesday", THU, Past), "2021-12-21");
    assert_eq!(day("met on Tuesday last week", THU, Past), "2021-12-14");
    // Published on a Monday.
    assert_eq!(day("met on Sunday", MON, Past), "2022-01-09");
    assert_eq!(day("met on Monday", MON, Past), "2022-01-10");
    assert_eq!(day("meets on Monday", MON, Present), "2022-01-10");
    assert_eq!(day("said on Friday", MON, Present), "2022-01-07");
    // Across New Year.
    assert_eq!(day("met last Friday", "2022-01-03", Past), "2021-12-31");
    assert_eq!(
        day("will meet on Tuesday", "2021-12-29", Future),
        "2022-01-04"
    );
    // Names, not days; abbreviations need a date.
    assert!(find("the anniversary of Bloody Sunday").is_empty());
    assert!(find("The Sun reported it").is_empty());
    assert!(find("he sat on Wed").is_empty());
}

#[test]
fn months_relative_to_publication() {
    // A December story about January, a January story about December.
    assert_eq!(val("will visit in January", THU, Future, Month), "2022-01");
    assert_eq!(val("visited in January", THU, Past, Month), "2021-01");
    assert_eq!(val("visited in December", MON, Past, Month), "2021-12");
    assert_eq!(val("will visit in December", MON, Future, Month), "2022-12");
    assert_eq!(val("visited in December", THU, Past, Month), "2021-12");
    assert_eq!(val("visits in January", MON, Future, Month), "2022-01");
    assert_eq!(val("visited last December", MON, Past, Month), "2021-12");
    assert_eq!(val("visited last January", MON, Past, Month), "2021-01");
    assert_eq!(val("will visit next March", MON, Future, Month), "2022-03");
    assert_eq!(val("will visit this March", MON, Future, Month), "2022-03");
    assert_eq!(val("met last month", MON, Past, Month), "2021-12");
    assert_eq!(val("will meet next month", THU, Future, Month), "2022-01");
    assert_eq!(val("met this month", THU, Past, Month), "2021-12");
    assert_eq!(val("met earlier this month", MON, Past, Month), "2022-01");
    assert_eq!(val("met two months ago", MON, Past, Month), "2021-11");
    assert_eq!(val("met in January 2020", THU, Past, Month), "2020-01");
    assert_eq!(spans("met in January 2020 and"), ["January 2020"]);
    assert_eq!(val("January of 2020", THU, Past, Month), "2020-01");
    assert_eq!(val("talks in mid-January", MON, Past, Month), "2022-01");
    assert_eq!(spans("talks in mid-January"), ["mid-January"]);
    assert_eq!(val("by the end of June", MON, Future, Month), "2022-06");
    assert_eq!(
        all("from January to March", MON, Future),
        [
            ("January".into(), "2022-01".into(), Month),
            ("March".into(), "2022-03".into(), Month)
        ]
    );
    assert_eq!(
        val("at the end of the month", "2022-01-03", Past, Month),
        "2021-12"
    );
    assert_eq!(
        val("by the end of the month", "2022-01-03", Future, Month),
        "2022-01"
    );
}

#[test]
fn seasons() {
    // Published in the winter that starts December 2021.
    assert_eq!(val("met last spring", THU, Past, Season), "2021");
    assert_eq!(val("met this summer", THU, Past, Season), "2021");
    assert_eq!(val("will meet this summer", THU, Future, Season), "2022");
    assert_eq!(val("will meet next autumn", THU, Future, Season), "2022");
    assert_eq!(val("will meet next fall", THU, Future, Season), "2022");
    assert_eq!(val("met last winter", THU, Past, Season), "2020");
    assert_eq!(val("this winter", THU, Past, Season), "2021");
    // Still that winter in January.
    assert_eq!(val("this winter", MON, Future, Season), "2021");
    assert_eq!(val("met last winter", MON, Past, Season), "2020");
    assert_eq!(val("met last summer", MON, Past, Season), "2021");
    assert_eq!(val("will meet in the spring", MON, Future, Season), "2022");
    assert_eq!(val("met in the spring", MON, Past, Season), "2021");
    assert_eq!(val("in the summer of 2019", MON, Past, Season), "2019");
    assert_eq!(spans("in the summer of 2019"), ["the summer of 2019"]);
    assert_eq!(val("in early spring", MON, Future, Season), "2022");
    assert!(find("since the fall of Kabul").is_empty());
    assert!(find("during the Arab Spring").is_empty());
    assert!(find("prices are expected to fall").is_empty());
}

#[test]
fn years() {
    assert_eq!(val("this year", MON, Past, Year), "2022");
    assert_eq!(val("next year", MON, Future, Year), "2023");
    assert_eq!(val("last year", MON, Past, Year), "2021");
    assert_eq!(val("Last year", MON, Past, Year), "2021");
    assert_eq!(val("early next year", THU, Future, Year), "2022");
    assert_eq!(val("late last year", MON, Past, Year), "2021");
    assert_eq!(val("earlier this year", MON, Past, Year), "2022");
    assert_eq!(val("in early 2022", THU, Future, Year), "2022");
    assert_eq!(spans("in early 2022 the"), ["early 2022"]);
    assert_eq!(val("in mid-2021", MON, Past, Year), "2021");
    assert_eq!(spans("in mid-2021"), ["mid-2021"]);
    assert_eq!(val("at the end of the year", MON, Past, Year), "2021");
    assert_eq!(val("by the end of the year", MON, Future, Year), "2022");
    assert_eq!(val("at the end of the year", THU, Past, Year), "2021");
    assert_eq!(val("by the end of 2023", THU, Future, Year), "2023");
    assert_eq!(val("two years ago", MON, Past, Year), "2020");
    assert_eq!(val("in two years", MON, Future, Year), "2024");
    assert_eq!(val("in the year 2014", MON, Past, Year), "2014");
    assert_eq!(val("was elected in 2014.", MON, Past, Year), "2014");
    assert_eq!(spans("was elected in 2014."), ["2014"]);
    assert_eq!(val("the 2014 election", MON, Past, Year), "2014");
    assert_eq!(spans("the 2014 election"), ["2014"]);
    assert_eq!(val("the 2014 World Cup", MON, Past, Year), "2014");
    assert_eq!(val("the spring of 2020 saw", MON, Past, Season), "2020");
    assert_eq!(
        spans("from 2014 to 2016 and in 2018 and 2019"),
        ["2014", "2016", "2018", "2019"]
    );
}

#[test]
fn since_marks_the_start_of_a_range() {
    let text = "Fighting has continued since 2014, despite a truce in 2015.";
    let found = find(text);
    assert_eq!(found.len(), 2);
    assert!(found[0].is_range_start);
    assert!(!found[1].is_range_start);
    let w = resolve(&found[0], text, date(MON), Past).unwrap();
    assert_eq!((w.value.as_str(), w.precision), ("2014", Year));
    assert!(w.is_range_start);
    assert!(find("since last year")[0].is_range_start);
    assert!(find("ever since May 2019")[0].is_range_start);
}

#[test]
fn decades() {
    assert_eq!(val("in the 1990s", MON, Past, Decade), "1990s");
    assert_eq!(spans("in the 1990s."), ["the 1990s"]);
    assert_eq!(val("the '90s", MON, Past, Decade), "1990s");
    assert_eq!(val("in the ’80s", MON, Past, Decade), "1980s");
    assert_eq!(val("the '20s", MON, Past, Decade), "2020s");
    assert_eq!(val("the '30s", MON, Past, Decade), "1930s");
    assert_eq!(val("the early 2000s", MON, Past, Decade), "2000s");
    assert_eq!(val("in the mid-1990s", MON, Past, Decade), "1990s");
    assert_eq!(val("the 1990's", MON, Past, Decade), "1990s");
    assert!(matches!(
        find("the late 1980s")[0].kind,
        TimeKind::Decade { start: 1980, .. }
    ));
}

#[test]
fn relative_days() {
    // New Year's Day story.
    assert_eq!(day("said yesterday", NYD, Past), "2021-12-31");
    assert_eq!(day("Yesterday, police said", NYD, Past), "2021-12-31");
    assert_eq!(day("says today", NYD, Present), "2022-01-01");
    assert_eq!(day("will meet tomorrow", NYD, Future), "2022-01-02");
    assert_eq!(day("will speak tonight", NYD, Future), "2022-01-01");
    assert_eq!(day("clashes last night", NYD, Past), "2021-12-31");
    assert_eq!(day("met two days ago", NYD, Past), "2021-12-30");
    assert_eq!(day("met 10 days ago", NYD, Past), "2021-12-22");
    assert_eq!(day("will meet in two days", NYD, Future), "2022-01-03");
    assert_eq!(day("had met the day before", NYD, Past), "2021-12-31");
    assert_eq!(day("the previous day", NYD, Past), "2021-12-31");
    assert_eq!(day("the day before yesterday", NYD, Past), "2021-12-30");
    assert_eq!(day("earlier today", NYD, Past), "2022-01-01");
    assert_eq!(day("yesterday morning", NYD, Past), "2021-12-31");
    assert_eq!(day("this morning", NYD, Past), "2022-01-01");
    assert_eq!(spans("said earlier today that"), ["earlier today"]);
    assert!(find("in a day of violence").is_empty());
    assert!(find("USA Today reported").is_empty());
}

#[test]
fn relative_weeks_and_weekends() {
    // Saturday 2022-01-01 is in the week of Monday 2021-12-27.
    assert_eq!(val("met last week", NYD, Past, Week), "2021-12-20");
    assert_eq!(val("this week", NYD, Past, Week), "2021-12-27");
    assert_eq!(val("will meet next week", NYD, Future, Week), "2022-01-03");
    assert_eq!(val("earlier this week", NYD, Past, Week), "2021-12-27");
    assert_eq!(val("three weeks ago", NYD, Past, Week), "2021-12-06");
    assert_eq!(val("a week ago", NYD, Past, Week), "2021-12-20");
    assert_eq!(val("in three weeks", NYD, Future, Week), "2022-01-17");
    // Weekends resolve to their week's Monday.
    assert_eq!(val("last weekend", MON, Past, Week), "2022-01-03");
    assert_eq!(val("over the weekend", MON, Past, Week), "2022-01-03");
    assert_eq!(val("this weekend", MON, Future, Week), "2022-01-10");
    assert_eq!(val("next weekend", MON, Future, Week), "2022-01-10");
    assert_eq!(val("last weekend", NYD, Past, Week), "2021-12-20");
    assert_eq!(val("this weekend", NYD, Past, Week), "2021-12-27");
}

#[test]
fn may_and_march_traps() {
    assert!(find("Prime Minister Theresa May said the plan was sound.").is_empty());
    assert!(find("Militants may attack the base.").is_empty());
    assert!(find("May could not be reached.").is_empty());
    assert!(find("a speech by May to parliament").is_empty());
    assert!(find("ministers in May's cabinet").is_empty());
    assert_eq!(val("elections held in May", MON, Past, Month), "2021-05");
    assert_eq!(val("since May", MON, Past, Month), "2021-05");
    assert_eq!(day("on May 5", MON, Past), "2021-05-05");
    assert_eq!(val("in May 2019", MON, Past, Month), "2019-05");
    assert_eq!(val("late May", MON, Future, Month), "2022-05");
    assert_eq!(spans("Protesters plan a march on Thursday"), ["Thursday"]);
    assert_eq!(spans("They will march on Friday"), ["Friday"]);
    assert_eq!(spans("March on Thursday drew thousands"), ["Thursday"]);
    assert_eq!(val("protests in March", MON, Past, Month), "2021-03");
    assert!(find("the August body met").is_empty());
    assert!(find("the Second World War and 9/11").is_empty());
}

#[test]
fn quantities_are_not_years() {
    assert!(find("2014 people were killed").is_empty());
    assert!(find("some 1,500 troops").is_empty());
    assert!(find("a fine of $2020").is_empty());
    assert!(find("a total of 2014 people").is_empty());
    assert!(find("won by 2014 votes").is_empty());
    assert!(find("the curfew lasts until 2000 GMT").is_empty());
    assert!(find("an A320 and 2020 percent").is_empty());
    assert!(find("in 2.5 days").is_empty());
    assert_eq!(spans("In 2014, 1,500 troops arrived"), ["2014"]);
    assert_eq!(spans("a total of 2014."), ["2014"]);
    assert_eq!(spans("by 2030 the"), ["2030"]);
    assert!(find("in 1850 and").is_empty());
}

#[test]
fn offsets_are_exact_around_non_ascii_text() {
    let text = "Über 東京 — «Gespräche» am 5 March 2020 – und „Thursday“ ünd yesterday…";
    let found = find(text);
    let words: Vec<&str> = found.iter().map(|m| &text[m.start..m.end]).collect();
    assert_eq!(words, ["5 March 2020", "Thursday", "yesterday"]);
    for m in &found {
        let w = resolve(m, text, date(THU), Past).unwrap();
        assert_eq!(w.text, &text[w.start..w.end]);
    }
    // A mention from another text does not resolve against a shorter one.
    assert!(resolve(&found[2], "short", date(THU), Past).is_none());
}

/// A fixed-seed generator (64-bit LCG), so the test needs no external crates.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }

    /// Uniform-ish in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        self.next() % n
    }
}

#[test]
fn find_never_panics_on_arbitrary_text() {
    let pieces = [
        "May",
        "march",
        "Feb.",
        "Sept",
        "29",
        "29th",
        "the",
        "of",
        "in",
        "since",
        "last",
        "next",
        "this",
        "early",
        "mid",
        "-",
        "'",
        "’",
        "90s",
        "1990",
        "s",
        "2020",
        "2014",
        "1,500",
        "$",
        "%",
        "/",
        ",",
        ".",
        " ",
        " ",
        " ",
        "Thursday",
        "Sun",
        "week",
        "weekend",
        "ago",
        "two",
        "a",
        "days",
        "year",
        "the end",
        "spring",
        "fall",
        "東京",
        "é",
        "\u{301}",
        "🙂",
        "\n",
        "\t",
        "ünd",
        "٢٠١٤",
        "0",
        "31",
        "12",
        "99999999999",
        "Dec",
        "yesterday",
        "day",
        "before",
    ];
    let mut rng = Lcg(0x5eed_2021_1223);
    let published = [
        date(THU),
        date(MON),
        date(NYD),
        date("2020-02-29"),
        date("1999-12-31"),
        Date::new(i32::MAX, 12, 31).unwrap(),
        Date::new(i32::MIN, 1, 1).unwrap(),
    ];
    for round in 0..600 {
        let n = rng.next() % 24;
        let mut text = String::new();
        for _ in 0..n {
            if rng.below(5) == 0 {
                // Raw arbitrary chars, including multi-byte ones.
                let c = char::from_u32((rng.next() % 0x2_0000) as u32).unwrap_or('?');
                text.push(c);
            } else {
                text.push_str(pieces[rng.next() % pieces.len()]);
                if rng.below(2) == 0 {
                    text.push(' ');
                }
            }
        }
        let found = find(&text);
        let mut last = 0;
        for m in &found {
            assert!(
                m.start >= last && m.start < m.end && m.end <= text.len(),
                "{text:?}"
            );
            assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            last = m.end;
            let p = published[round % published.len()];
            for tense in [Past, Present, Future] {
                if let Some(w) = resolve(m, &text, p, tense) {
                    assert!(!w.value.is_empty());
                }
            }
        }
    }
}
