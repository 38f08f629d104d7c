//! The embedded gazetteer: matching, the country and stoplist rules, disambiguation.

use dyad::gazetteer::{Feature, Gazetteer, Place, PlaceId};

/// The committed index must be the one the data files give; `DYAD_BLESS=1` rewrites it.
#[test]
fn index_is_current() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/gazetteer/");
    let read = |f: &str| -> &'static str {
        Box::leak(
            std::fs::read_to_string(format!("{dir}{f}"))
                .unwrap()
                .into_boxed_str(),
        )
    };
    let built = Gazetteer::build_index(read("places.tsv"), read("regions.tsv")).unwrap();
    if std::env::var_os("DYAD_BLESS").is_some() {
        std::fs::write(format!("{dir}index.tsv"), &built).unwrap();
        return;
    }
    assert!(
        built == read("index.tsv"),
        "data/gazetteer/index.tsv is stale: run DYAD_BLESS=1 cargo test -p dyad --test gazetteer"
    );
}

fn gaz() -> &'static Gazetteer {
    Gazetteer::embedded()
}

/// The place a whole name resolves to with these hints.
fn resolve(name: &str, hints: &[&str]) -> Option<&'static Place> {
    let g = gaz();
    g.disambiguate(g.lookup(name), hints).map(|id| g.place(id))
}

fn words(s: &str) -> Vec<&str> {
    s.split(' ').collect()
}

#[test]
fn doha_is_a_city_in_qatar() {
    let p = resolve("Doha", &[]).unwrap();
    assert_eq!(p.feature, Feature::City);
    assert_eq!(p.country, Some("QAT"));
    assert!(p.geonames_id.is_some());
}

#[test]
fn kyiv_and_kiev_are_the_same_place() {
    let a = gaz().disambiguate(gaz().lookup("Kyiv"), &[]).unwrap();
    let b = gaz().disambiguate(gaz().lookup("Kiev"), &[]).unwrap();
    assert_eq!(a, b);
    assert_eq!(gaz().place(a).country, Some("UKR"));
    // an all-capitals headline word of five letters or more is folded like any other
    let c = gaz().disambiguate(gaz().lookup("ODESSA"), &[]).unwrap();
    assert_eq!(gaz().place(c).country, Some("UKR"));
}

#[test]
fn us_abbreviations_are_only_the_united_states() {
    for name in ["U.S.", "US", "USA", "United States", "America", "U.S.A."] {
        let ids = gaz().lookup(name);
        assert_eq!(ids.len(), 1, "{name}: {ids:?}");
        let p = gaz().place(ids[0]);
        assert_eq!(
            (p.feature, p.country),
            (Feature::Country, Some("USA")),
            "{name}"
        );
    }
    assert!(gaz().lookup("Us").is_empty());
    assert!(gaz().lookup("us").is_empty());
}

#[test]
fn uk_names_are_britain() {
    for name in ["UK", "U.K.", "Britain", "United Kingdom", "Great Britain"] {
        let p = resolve(name, &[]).unwrap();
        assert_eq!(p.country, Some("GBR"), "{name}");
        assert_eq!(p.feature, Feature::Country, "{name}");
    }
}

#[test]
fn georgia_is_the_country_unless_the_usa_is_hinted() {
    let p = resolve("Georgia", &[]).unwrap();
    assert_eq!((p.feature, p.country), (Feature::Country, Some("GEO")));
    let p = resolve("Georgia", &["USA"]).unwrap();
    assert_eq!((p.feature, p.country), (Feature::Region, Some("USA")));
    assert_eq!(p.admin1, Some("GA"));
}

#[test]
fn country_names_never_resolve_to_same_named_towns() {
    for (name, code) in [
        ("Jordan", "JOR"),
        ("Chad", "TCD"),
        ("Lebanon", "LBN"),
        ("Mexico", "MEX"),
        ("Panama", "PAN"),
        ("Kuwait", "KWT"),
        ("Djibouti", "DJI"),
        ("Singapore", "SGP"),
        ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"),
        ("South Korea", "KOR"),
        ("North Korea", "PRK"),
        ("DRC", "COD"),
        ("DR Congo", "COD"),
    ] {
        for hints in [&[][..], &["USA"][..]] {
            let p = resolve(name, hints).unwrap_or_else(|| panic!("{name} not found"));
            assert_eq!(p.feature, Feature::Country, "{name} {hints:?}");
            assert_eq!(p.country, Some(code), "{name} {hints:?}");
        }
    }
    let p = resolve("Kuwait City", &[]).unwrap();
    assert_eq!((p.feature, p.country), (Feature::City, Some("KWT")));
}

#[test]
fn idlib_is_in_syria() {
    assert_eq!(resolve("Idlib", &[]).unwrap().country, Some("SYR"));
    let p = resolve("Idlib province", &[]).unwrap();
    assert_eq!((p.feature, p.country), (Feature::Region, Some("SYR")));
}

#[test]
fn gaza_strip_is_a_region_and_gaza_a_city() {
    let g = gaz();
    let w = words("shelling in the Gaza Strip on Monday");
    let (n, ids) = g.match_at(&w, 3).unwrap();
    assert_eq!(n, 2);
    let p = g.place(g.disambiguate(ids, &[]).unwrap());
    assert_eq!(
        (p.feature, p.country, p.name),
        (Feature::Region, Some("PSE"), "Gaza Strip")
    );
    let p = resolve("Gaza", &[]).unwrap();
    assert_eq!((p.feature, p.country), (Feature::City, Some("PSE")));
}

#[test]
fn hand_written_regions_resolve() {
    for (name, code) in [
        ("Donbas", Some("UKR")),
        ("Donbass", Some("UKR")),
        ("Crimea", Some("UKR")),
        ("West Bank", Some("PSE")),
        ("Darfur", Some("SDN")),
        ("Tigray", Some("ETH")),
        ("Nagorno-Karabakh", Some("AZE")),
        ("Golan Heights", Some("SYR")),
        ("North Kivu", Some("COD")),
        ("Baluchistan", Some("PAK")),
        ("Sahel", None),
        ("Kurdistan Region", Some("IRQ")),
    ] {
        let p = resolve(name, &[]).unwrap_or_else(|| panic!("{name} not found"));
        assert_eq!((p.feature, p.country), (Feature::Region, code), "{name}");
    }
    // Punjab is in Pakistan and India: the hint decides
    assert_eq!(resolve("Punjab", &["IND"]).unwrap().country, Some("IND"));
    assert_eq!(resolve("Punjab", &["PAK"]).unwrap().country, Some("PAK"));
}

#[test]
fn paris_is_in_france_unless_texas_is_hinted() {
    let p = resolve("Paris", &[]).unwrap();
    assert_eq!(p.country, Some("FRA"));
    let p = resolve("Paris", &["USA"]).unwrap();
    assert_eq!((p.country, p.admin1), (Some("USA"), Some("TX")));
    // a hint with no candidate falls through to the next one
    assert_eq!(
        resolve("Paris", &["DEU", "FRA"]).unwrap().country,
        Some("FRA")
    );
}

#[test]
fn stoplisted_names_do_not_match() {
    for name in [
        "Obama",
        "Of",
        "Mobile",
        "Police",
        "Reading",
        "Bath",
        "Split",
        "Nice",
        "Say",
        "Most",
        "Gap",
        "Hope",
        "Union",
        "Progress",
        "Independence",
        "Liberty",
        "Opportunity",
        "March",
        "May",
        "August",
        "Bar",
        "Sale",
        "Marco",
        "Eagle",
        "President",
        "Mayor",
        "Putin",
        "Trump",
        "Biden",
        "Hamas",
    ] {
        assert!(
            gaz().lookup(name).is_empty(),
            "{name}: {:?}",
            gaz()
                .lookup(name)
                .iter()
                .map(|&i| gaz().place(i))
                .collect::<Vec<_>>()
        );
    }
    // the place is still there, under its id, with its name for display
    assert!(gaz()
        .places()
        .any(|(_, p)| p.name == "Nice" && p.country == Some("FRA")));
}

#[test]
fn lower_case_words_never_match() {
    let g = gaz();
    let w = words("the paris talks");
    assert!(g.match_at(&w, 1).is_none());
    assert!(g.match_at(&w, 0).is_none());
}

#[test]
fn san_francisco_is_two_tokens() {
    let g = gaz();
    let w = words("protests in San Francisco on Sunday");
    let (n, ids) = g.match_at(&w, 2).unwrap();
    assert_eq!(n, 2);
    let p = g.place(g.disambiguate(ids, &["USA"]).unwrap());
    assert_eq!((p.country, p.admin1), (Some("USA"), Some("CA")));
    // no hint: the largest San Francisco is the Californian one too
    let p = g.place(g.disambiguate(ids, &[]).unwrap());
    assert_eq!(p.country, Some("USA"));
}

#[test]
fn sao_paulo_with_and_without_diacritics() {
    let a = resolve("São Paulo", &[]).unwrap();
    let b = resolve("Sao Paulo", &[]).unwrap();
    assert_eq!(a, b);
    assert_eq!(a.country, Some("BRA"));
    assert_eq!(a.name, "São Paulo");
}

#[test]
fn saint_and_st_are_one_word() {
    let a = resolve("Saint Petersburg", &[]).unwrap();
    let b = resolve("St. Petersburg", &["RUS"]).unwrap();
    assert_eq!(a.country, Some("RUS"));
    assert_eq!(a, b);
}

#[test]
fn washington_is_the_us_capital() {
    let p = resolve("Washington", &[]).unwrap();
    assert_eq!(
        (p.feature, p.country, p.admin1),
        (Feature::City, Some("USA"), Some("DC"))
    );
    let p = resolve("Washington", &["GBR"]).unwrap();
    assert_eq!(p.country, Some("GBR"));
    let p = resolve("D.C.", &[]).unwrap();
    assert_eq!(p.admin1, Some("DC"));
}

#[test]
fn country_entries_have_capital_coordinates() {
    let g = gaz();
    let fra = g.place(g.country("FRA").unwrap());
    assert_eq!(fra.feature, Feature::Country);
    assert_eq!(fra.name, "France");
    // Paris is at 48.85 N, 2.35 E
    assert!(Gazetteer::distance_km(fra.coords(), (48.85, 2.35)) < 10.0);
    assert!(g.country("XXX").is_none());
    assert!(g.country("USA").is_some());
}

#[test]
fn distance_km_is_sane() {
    assert_eq!(Gazetteer::distance_km((10.0, 20.0), (10.0, 20.0)), 0.0);
    // London–Paris ≈ 344 km
    let d = Gazetteer::distance_km((51.5074, -0.1278), (48.8566, 2.3522));
    assert!((d - 344.0).abs() < 5.0, "{d}");
    // antipodes: half the circumference
    let d = Gazetteer::distance_km((0.0, 0.0), (0.0, 180.0));
    assert!((d - 20015.0).abs() < 10.0, "{d}");
}

#[test]
fn big_cities_named_like_people_are_flagged() {
    let p = resolve("Houston", &[]).unwrap();
    assert_eq!(p.country, Some("USA"));
    assert!(p.person_name_clash);
    assert!(!resolve("Doha", &[]).unwrap().person_name_clash);
}

#[test]
fn match_at_handles_edges() {
    let g = gaz();
    let empty: [&str; 0] = [];
    assert!(g.match_at(&empty, 0).is_none());
    let w = words("in Doha");
    assert!(g.match_at(&w, 5).is_none());
    let (n, _) = g.match_at(&w, 1).unwrap();
    assert_eq!(n, 1);
    // "New York" is preferred over "New" alone; at the sentence's end a prefix still matches
    let w = words("in New York");
    assert_eq!(g.match_at(&w, 1).unwrap().0, 2);
    assert!(g.disambiguate(&[], &[]).is_none());
}

#[test]
fn every_place_is_well_formed() {
    let g = gaz();
    assert!(g.len() > 30_000);
    let mut countries = 0;
    for (id, p) in g.places() {
        assert!((-90.0..=90.0).contains(&p.lat), "{p:?}");
        assert!((-180.0..=180.0).contains(&p.lon), "{p:?}");
        assert!(!p.name.is_empty());
        if let Some(c) = p.country {
            assert!(c.bytes().all(|b| b.is_ascii_uppercase()), "{p:?}");
        }
        if p.feature == Feature::Country {
            countries += 1;
            assert_eq!(g.country(p.country.unwrap()), Some(id));
        }
        let _: PlaceId = id;
    }
    assert!(countries >= 240, "{countries}");
}

/// Regression: "Bolsonaro flew to Florida" was a visit to Colombia — Floridablanca, a bigger
/// town than any other Florida, also goes by the name. A hand-written region wins over a
/// town of another country; a town of the region's own country keeps its place.
#[test]
fn a_region_wins_over_a_foreign_town_of_its_name() {
    let g = gaz();
    let pick = |name: &str| {
        let (_, ids) = g.match_at(&[name], 0).unwrap();
        let p = g.place(g.disambiguate(ids, &[]).unwrap());
        (p.country, p.feature)
    };
    assert_eq!(pick("Florida"), (Some("USA"), Feature::Region));
    assert_eq!(pick("Washington"), (Some("USA"), Feature::City));
    assert_eq!(
        dyad::Coder::with_default_dictionaries(Default::default())
            .unwrap()
            .code(&dyad::Article::new(
                "t",
                "2020-03-09".parse().unwrap(),
                "Brazilian President Jair Bolsonaro flew to Florida on Saturday."
            ))
            .iter()
            .map(|e| e.triple())
            .collect::<Vec<_>>(),
        vec![("BRAGOV".to_string(), "USA".to_string(), "042".to_string())]
    );
}
