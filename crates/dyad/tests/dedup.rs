//! Duplicates: near-duplicate articles (`NearDuplicateIndex`) and repeated events
//! (`EventAggregator`). Test names say the behaviour they pin.

use dyad::dedup::{
    CountedEvent, DedupConfigError, EventAggregator, EventDedup, NearDuplicateConfig,
    NearDuplicateIndex,
};
use dyad::event::{ActorRef, Evidence, Place};
use dyad::{Event, Modality};

const CEASEFIRE_TALKS: &str = "Egypt and Qatar host new round of Gaza ceasefire talks in Cairo

CAIRO, May 6 - Egyptian and Qatari mediators opened a new round of talks in Cairo on Monday aimed at securing a ceasefire in Gaza and the release of hostages held by Hamas, officials from both countries said.

A Hamas delegation led by its deputy political chief arrived in the Egyptian capital on Sunday evening, while an Israeli team was expected later in the week, according to two Egyptian security sources.

The proposal under discussion would begin with a six-week pause in fighting during which women, children and elderly hostages would be exchanged for Palestinian prisoners held in Israeli jails. A second phase would address a permanent end to the war.

Qatar's foreign ministry spokesman told reporters in Doha that the mediators were cautiously optimistic but that important gaps remained over the sequencing of the withdrawal.";

const CEASEFIRE_REJECTED: &str = "Israeli strikes hit Rafah as Hamas rejects latest truce terms

GAZA, May 9 - Israeli air strikes hit several houses in Rafah overnight, killing at least 18 Palestinians, health officials in the Hamas-run enclave said on Thursday, hours after the group said it could not accept the latest terms for a ceasefire.

Residents said tanks had advanced towards the eastern edge of the city, where more than a million displaced people have sheltered. The Israeli military said it was targeting militants and had urged civilians to move to a humanitarian zone.

In a statement, Hamas said the draft presented by the Egyptian and Qatari mediators did not guarantee a complete ceasefire and accused Israel of seeking to resume the war once its hostages were returned.

Israeli Prime Minister Benjamin Netanyahu said Israel would not agree to end the war before Hamas was destroyed.";

const KIDNAPPING: &str = "Gunmen abduct more than 200 pupils from school in northwest Nigeria

KADUNA, March 7 - Gunmen kidnapped more than 200 pupils from a school in Kuriga in Nigeria's northwestern Kaduna state on Thursday morning, residents and a local government official said.

The attackers arrived on motorcycles shortly after the morning assembly and surrounded the school before marching the children and a teacher into the bush, a local councillor said.

Kaduna state governor Uba Sani said security forces had been deployed to track down the abductors and bring the children home safely.";

fn scraped(story: &str, n: usize) -> String {
    format!(
        "Latest News | World\n{story}\n\nSource link: https://mirror-{n}.example.com/world/{n}\nShare this"
    )
}

#[test]
fn syndicated_copy_with_changed_footer_is_caught() {
    let mut index = NearDuplicateIndex::default();
    assert_eq!(index.check_and_insert("reuters-1", CEASEFIRE_TALKS), None);
    let dup = index
        .check_and_insert("mirror-1", &scraped(CEASEFIRE_TALKS, 1))
        .expect("a scraped copy is a duplicate");
    assert_eq!(dup.id, "reuters-1");
    assert!(dup.similarity > 0.6, "{}", dup.similarity);
    // a second copy with another footer, curly quotes and no headline
    let body = CEASEFIRE_TALKS
        .split_once('\n')
        .unwrap()
        .1
        .replace('\'', "\u{2019}");
    let other = format!("{body}\n\nRead more: https://another.example.org/a?id=77");
    assert_eq!(
        index.check_and_insert("mirror-2", &other).map(|d| d.id),
        Some("reuters-1".to_string())
    );
    assert_eq!(index.stories(), 1);
    assert_eq!(index.duplicates_found(), 2);
}

#[test]
fn different_stories_on_the_same_topic_are_not_duplicates() {
    let mut index = NearDuplicateIndex::default();
    assert_eq!(index.check_and_insert("talks", CEASEFIRE_TALKS), None);
    assert_eq!(index.check_and_insert("rejected", CEASEFIRE_REJECTED), None);
    assert_eq!(index.check_and_insert("kidnap", KIDNAPPING), None);
    assert_eq!(index.stories(), 3);
    assert!(index.similarity(CEASEFIRE_TALKS, CEASEFIRE_REJECTED) < 0.2);
}

#[test]
fn the_earliest_copy_wins_and_copies_are_not_stored() {
    let mut index = NearDuplicateIndex::default();
    assert_eq!(
        index.check_and_insert("first", &scraped(KIDNAPPING, 1)),
        None
    );
    for n in 2..6 {
        let dup = index
            .check_and_insert(&format!("copy-{n}"), &scraped(KIDNAPPING, n))
            .unwrap();
        assert_eq!(dup.id, "first");
    }
    // the original without scraper lines, seen last, is still a copy of the first one seen
    assert_eq!(
        index.check_and_insert("original", KIDNAPPING).map(|d| d.id),
        Some("first".to_string())
    );
    assert_eq!(index.stories(), 1);
    assert_eq!(index.articles_checked(), 6);
}

#[test]
fn the_same_input_order_gives_the_same_output() {
    let inputs: Vec<(String, String)> = (0..40)
        .map(|i| {
            let story = [CEASEFIRE_TALKS, CEASEFIRE_REJECTED, KIDNAPPING][i % 3];
            (format!("a{i}"), scraped(story, i))
        })
        .collect();
    let run = || {
        let mut index = NearDuplicateIndex::default();
        inputs
            .iter()
            .map(|(id, text)| index.check_and_insert(id, text))
            .collect::<Vec<_>>()
    };
    let first = run();
    assert_eq!(first, run());
    assert_eq!(first.iter().filter(|d| d.is_none()).count(), 3);
}

#[test]
fn text_without_words_is_neither_a_duplicate_nor_stored() {
    let mut index = NearDuplicateIndex::default();
    assert_eq!(index.check_and_insert("a", ""), None);
    assert_eq!(index.check_and_insert("b", " -- ... \n"), None);
    assert_eq!(index.stories(), 0);
    // one-word texts are one shingle: identical ones are copies
    assert_eq!(index.check_and_insert("c", "Breaking"), None);
    assert_eq!(
        index.check_and_insert("d", "BREAKING!").map(|d| d.id),
        Some("c".to_string())
    );
}

#[test]
fn thresholds_and_shingle_lengths_outside_their_range_are_errors() {
    for t in [0.0, -0.5, 1.5, f64::NAN] {
        let config = NearDuplicateConfig {
            threshold: t,
            ..Default::default()
        };
        assert!(matches!(
            NearDuplicateIndex::new(config),
            Err(DedupConfigError::Threshold(_))
        ));
    }
    let config = NearDuplicateConfig {
        shingle_words: 0,
        ..Default::default()
    };
    assert_eq!(
        NearDuplicateIndex::new(config).unwrap_err(),
        DedupConfigError::ShingleWords(0)
    );
    assert!(NearDuplicateIndex::new(NearDuplicateConfig {
        threshold: 1.0,
        ..Default::default()
    })
    .is_ok());
}

#[test]
fn the_index_can_be_shared_between_threads() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<NearDuplicateIndex>();
    send_sync::<EventAggregator>();
    let index = std::sync::Mutex::new(NearDuplicateIndex::default());
    std::thread::scope(|s| {
        for (i, story) in [CEASEFIRE_TALKS, KIDNAPPING].into_iter().enumerate() {
            let index = &index;
            s.spawn(move || {
                index
                    .lock()
                    .unwrap()
                    .check_and_insert(&i.to_string(), story)
            });
        }
    });
    assert_eq!(index.lock().unwrap().stories(), 2);
}

/// Distinct generated stories of 120 words: pseudo-random words, so no two are alike.
fn generated_story(seed: u64) -> String {
    let mut state = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    (0..120)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            format!("w{}", state % 5000)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn memory_per_stored_story_is_bounded_and_copies_cost_nothing() {
    let mut index = NearDuplicateIndex::default();
    let n = 4096; // one sketch chunk, exactly full
    for i in 0..n {
        assert_eq!(
            index.check_and_insert(&format!("story-{i:06}"), &generated_story(i)),
            None
        );
    }
    let bytes = index.memory_bytes();
    let per_story = bytes / n as usize;
    // 16 band entries (≤ 20.6 bytes each at the emptiest load) + 128 sketch bytes + the id
    // (12 bytes + 8 for its end) + a sketch chunk's slack spread over 5000 stories (~105)
    assert!(
        per_story <= 16 * 21 + 128 + 20 + 110,
        "{per_story} bytes per story"
    );
    for i in 0..n / 10 {
        let copy = format!("{}\nSource link: x.example/{i}", generated_story(i));
        assert!(index
            .check_and_insert(&format!("copy-{i}"), &copy)
            .is_some());
    }
    assert_eq!(index.memory_bytes(), bytes);
}

// ----- repeated events -----

fn actor(code: &str) -> ActorRef {
    ActorRef {
        code: code.into(),
        text: code.into(),
        start: 0,
        end: 3,
    }
}

fn place(name: &'static str, country: &'static str) -> Place {
    Place {
        name,
        country,
        admin1: None,
        lat: 0.0,
        lon: 0.0,
        geonames_id: None,
        feature: "city",
        text: name.into(),
        start: 0,
        end: 1,
    }
}

fn event(article: &str, date: &str, cameo: &str, location: Option<Place>) -> Event {
    Event {
        event_id: format!("{article}-{cameo}"),
        article_id: article.into(),
        sentence_index: 0,
        sentence: "Gunmen kidnapped pupils.".into(),
        source: actor("NGAREB"),
        target: Some(actor("NGAEDU")),
        cameo: cameo.to_string().into(),
        root: cameo[..2].to_string().into(),
        quad_class: 4,
        goldstein: -9.0,
        plover: None,
        modality: Modality::Asserted,
        date: date.into(),
        when: None,
        when_precision: None,
        when_text: None,
        location,
        evidence: Evidence {
            verb: "kidnapped".into(),
            pattern: "p".into(),
            entries: vec![],
        },
    }
}

fn dated(mut e: Event, when: &str, precision: &'static str) -> Event {
    e.when = Some(when.into());
    e.when_precision = Some(precision);
    e
}

#[test]
fn collapse_counts_mentions_sources_and_articles() {
    let kuriga = || Some(place("Kuriga", "NGA"));
    let mut agg = EventAggregator::new(EventDedup::Collapse);
    assert!(agg
        .push(event("a1", "2024-03-07", "181", kuriga()), Some("Reuters"))
        .is_none());
    agg.push(event("a1", "2024-03-07", "181", kuriga()), Some("Reuters"));
    agg.push(event("a3", "2024-03-07", "181", kuriga()), Some("reuters "));
    agg.push(event("a2", "2024-03-08", "181", kuriga()), None);
    let e = dated(
        event("a2", "2024-03-08", "181", kuriga()),
        "2024-03-07",
        "day",
    );
    agg.push(e, None);
    let out: Vec<CountedEvent> = agg.finish().collect();
    assert_eq!(out.len(), 2);
    let first = &out[0];
    assert_eq!(
        &*first.event.article_id, "a1",
        "the first event seen stands for the group"
    );
    assert_eq!(first.num_mentions, 4);
    assert_eq!(first.num_articles, 3);
    assert_eq!(
        first.num_sources, 2,
        "Reuters (any case) and a2, which has no outlet"
    );
    assert_eq!(first.article_ids, ["a1", "a2", "a3"]);
    assert_eq!((out[1].num_mentions, out[1].num_articles), (1, 1));
    assert_eq!(&*out[1].event.date, "2024-03-08");
}

#[test]
fn collapse_keeps_apart_other_days_places_codes_and_modalities() {
    let mut agg = EventAggregator::new(EventDedup::Collapse);
    let base = || event("a", "2024-03-07", "181", Some(place("Kuriga", "NGA")));
    agg.push(base(), None);
    agg.push(
        event("b", "2024-03-07", "181", Some(place("Gusau", "NGA"))),
        None,
    );
    agg.push(event("c", "2024-03-07", "181", None), None);
    agg.push(
        event("d", "2024-03-07", "190", Some(place("Kuriga", "NGA"))),
        None,
    );
    agg.push(dated(base(), "2024-03-05", "day"), None);
    // a month is not a day: counted on the publication date, with the first event
    agg.push(dated(base(), "2024-03", "month"), None);
    let mut negated = base();
    negated.modality = Modality::Negated;
    agg.push(negated, None);
    let mut no_target = base();
    no_target.target = None;
    agg.push(no_target, None);
    let counts: Vec<u32> = agg.finish().map(|r| r.num_mentions).collect();
    assert_eq!(counts, [2, 1, 1, 1, 1, 1, 1]);
}

#[test]
fn recorded_copies_count_as_articles_sources_and_mentions() {
    let mut agg = EventAggregator::new(EventDedup::Collapse);
    agg.add_copy("orig", "copy-early", Some("mirror-a.example"));
    agg.push(event("orig", "2024-03-07", "181", None), Some("Reuters"));
    agg.push(event("orig", "2024-03-07", "181", None), Some("Reuters"));
    agg.push(event("other", "2024-03-07", "190", None), Some("AP"));
    agg.add_copy("orig", "copy-late", None);
    agg.add_copy("orig", "copy-late", None);
    let out: Vec<CountedEvent> = agg.finish().collect();
    assert_eq!(out[0].article_ids, ["copy-early", "copy-late", "orig"]);
    assert_eq!(out[0].num_articles, 3);
    assert_eq!(out[0].num_sources, 3);
    assert_eq!(
        out[0].num_mentions, 6,
        "each copy says what the original said twice"
    );
    assert_eq!(out[1].article_ids, ["other"]);
}

#[test]
fn one_a_day_keeps_the_first_event_per_date_source_target_and_code() {
    let mut agg = EventAggregator::new(EventDedup::OneADay);
    agg.push(
        event("a", "2024-03-07", "181", Some(place("Kuriga", "NGA"))),
        Some("x"),
    );
    agg.push(
        event("b", "2024-03-07", "181", Some(place("Gusau", "NGA"))),
        Some("y"),
    );
    agg.push(
        dated(event("c", "2024-03-07", "181", None), "2024-03-01", "day"),
        Some("x"),
    );
    agg.push(event("d", "2024-03-08", "181", None), Some("x"));
    let out: Vec<CountedEvent> = agg.finish().collect();
    assert_eq!(
        out.len(),
        2,
        "place and event day do not split a publication day"
    );
    assert_eq!(&*out[0].event.article_id, "a");
    assert_eq!(out[0].event.location.as_ref().unwrap().name, "Kuriga");
    assert_eq!((out[0].num_articles, out[0].num_sources), (3, 2));
    assert_eq!(&*out[1].event.article_id, "d");
}

#[test]
fn off_passes_every_event_straight_through_with_counts_of_one() {
    let mut agg = EventAggregator::new(EventDedup::Off);
    let e = event("a", "2024-03-07", "181", None);
    let r = agg.push(e.clone(), Some("x")).unwrap();
    assert_eq!(r, CountedEvent::single(e.clone()));
    assert_eq!(agg.push(e, None).unwrap().article_ids, ["a"]);
    agg.add_copy("a", "b", None);
    assert!(agg.is_empty());
    assert_eq!(agg.finish().count(), 0);
}

#[test]
fn records_are_in_first_seen_order_and_deterministic() {
    let run = || {
        let mut agg = EventAggregator::default();
        for (i, code) in ["190", "181", "190", "042", "181"].iter().enumerate() {
            agg.push(event(&format!("a{i}"), "2024-03-07", code, None), None);
        }
        agg.finish()
            .map(|r| (r.event.cameo.clone(), r.article_ids))
            .collect::<Vec<_>>()
    };
    let out = run();
    assert_eq!(out, run());
    let codes: Vec<&str> = out.iter().map(|(c, _)| &**c).collect();
    assert_eq!(codes, ["190", "181", "042"]);
    assert_eq!(out[0].1, ["a0", "a2"]);
}

#[test]
fn a_counted_record_is_the_event_json_plus_four_fields() {
    let e = event("a", "2024-03-07", "181", Some(place("Kuriga", "NGA")));
    let plain = serde_json::to_value(&e).unwrap();
    let counted = serde_json::to_value(CountedEvent::single(e)).unwrap();
    let (plain, counted) = (plain.as_object().unwrap(), counted.as_object().unwrap());
    for (k, v) in plain {
        assert_eq!(counted.get(k), Some(v), "{k}");
    }
    assert_eq!(counted.len(), plain.len() + 4);
    assert_eq!(counted["num_mentions"], 1);
    assert_eq!(counted["article_ids"], serde_json::json!(["a"]));
}
