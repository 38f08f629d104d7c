//! The measurement behind `dyad::dedup::DEFAULT_THRESHOLD`: how well does each Jaccard threshold
//! separate syndicated copies of a story from different stories on the same topic?
//!
//! `cargo run --release -p dyad --example dedup_threshold`
//!
//! The corpus is 20 short news stories written for this measurement (not scraped), in topic
//! groups: three Gaza ceasefire stories, three Nigerian kidnappings, two each on Ukraine, Sudan,
//! Kenya, US-China, Iran, and one each on Pakistan, Niger, Haiti and Myanmar. Some are
//! follow-ups that reuse a background paragraph of an earlier story word for word, as wire
//! updates do: the hardest negatives.
//!
//! Each story gets six copies made the way syndication and scraper sites make them (see
//! `copies`). Positives are (story, copy) pairs; negatives are all pairs of different stories,
//! and every copy checked against the index holding the *other* stories.
//!
//! Two tables: pair-level (estimated similarity of each pair against the threshold, and the exact
//! Jaccard range for reference) and end-to-end (the index itself, LSH misses included: originals
//! inserted in order, then every copy checked).

use dyad::dedup::{
    exact_jaccard, lsh_rows, NearDuplicateConfig, NearDuplicateIndex, BANDS, DEFAULT_SHINGLE_WORDS,
};

const STORIES: &[(&str, &str)] = &[
    ("gaza", "Egypt and Qatar host new round of Gaza ceasefire talks in Cairo

CAIRO, May 6 - Egyptian and Qatari mediators opened a new round of talks in Cairo on Monday aimed at securing a ceasefire in Gaza and the release of hostages held by Hamas, officials from both countries said.

A Hamas delegation led by its deputy political chief arrived in the Egyptian capital on Sunday evening, while an Israeli team was expected later in the week, according to two Egyptian security sources who asked not to be named because they were not authorised to speak to the media.

The proposal under discussion would begin with a six-week pause in fighting during which women, children and elderly hostages would be exchanged for Palestinian prisoners held in Israeli jails. A second phase would address a permanent end to the war and the withdrawal of Israeli forces.

Qatar's foreign ministry spokesman told reporters in Doha that the mediators were cautiously optimistic but that important gaps remained over the sequencing of the withdrawal.

United States CIA Director William Burns has travelled repeatedly to the region to support the mediation effort, which has stalled several times since a week-long truce collapsed in November."),
    ("gaza", "Israeli strikes hit Rafah as Hamas rejects latest truce terms

GAZA, May 9 - Israeli air strikes hit several houses in Rafah overnight, killing at least 18 Palestinians, health officials in the Hamas-run enclave said on Thursday, hours after the group said it could not accept the latest terms for a truce.

Residents said tanks had advanced towards the eastern edge of the city, where more than a million displaced people have sheltered since the start of the war. The Israeli military said it was targeting militants and infrastructure and that it had urged civilians to move to a humanitarian zone on the coast.

In a statement, Hamas said the draft presented by the mediators did not guarantee a complete ceasefire and accused Israel of seeking to resume the war once its hostages were returned.

Israeli Prime Minister Benjamin Netanyahu said on Wednesday that Israel would not agree to end the war before Hamas was destroyed, and that an operation in Rafah would go ahead with or without a deal.

The United Nations warned that the closure of the Rafah crossing had cut off the main route for fuel and food into the territory."),
    ("gaza", "Ceasefire talks in Cairo end without agreement, mediators say

CAIRO, May 10 - Two days of ceasefire talks in Cairo ended on Thursday without an agreement, Egyptian state-linked media reported, as both the Hamas and Israeli delegations left the Egyptian capital.

The proposal under discussion would begin with a six-week pause in fighting during which women, children and elderly hostages would be exchanged for Palestinian prisoners held in Israeli jails. A second phase would address a permanent end to the war and the withdrawal of Israeli forces.

A senior Hamas official told Reuters the group had shown flexibility but that Israel had added new conditions at the last minute. An Israeli official, speaking on condition of anonymity, said the gaps were still significant.

Egypt said it would continue its contacts with all parties and urged restraint in Rafah, where it fears a military operation could push displaced Palestinians towards its border."),
    ("kidnap", "Gunmen abduct more than 200 pupils from school in northwest Nigeria

KADUNA, March 7 - Gunmen kidnapped more than 200 pupils from a school in Kuriga in Nigeria's northwestern Kaduna state on Thursday morning, residents and a local government official said, the largest mass abduction in the country in several years.

The attackers arrived on motorcycles shortly after the morning assembly and surrounded the school before marching the children and a teacher into the bush, a local councillor said.

Kaduna state governor Uba Sani visited the town and said security forces had been deployed to track down the abductors and bring the children home safely. President Bola Tinubu ordered security agencies to ensure the rescue of the pupils.

Kidnapping for ransom has become a lucrative business for armed gangs in northwestern Nigeria, where the authorities have struggled to restore security despite repeated military operations."),
    ("kidnap", "Bandits kidnap villagers and a cleric in Nigeria's Zamfara state

GUSAU, March 12 - Armed bandits kidnapped at least 30 villagers, including a Muslim cleric, in an overnight raid on a village in Nigeria's Zamfara state, police said on Tuesday.

A police spokesman said the gunmen stormed Kadawa village in the Maru district around midnight, shooting sporadically to scare residents before rounding up women and children. Two people were killed in the attack.

Residents said the gang had demanded payments from the community for months and carried out the raid after the village failed to pay. Security forces had been sent to the area, the spokesman added.

Zamfara is among the states worst hit by criminal gangs, known locally as bandits, who raid villages, steal cattle and kidnap residents for ransom."),
    ("kidnap", "Nigerian schoolchildren kidnapped in Kaduna freed, governor says

KADUNA, March 24 - More than 130 pupils kidnapped from a school in Kuriga in northwestern Nigeria earlier this month have been released, Kaduna state governor Uba Sani said on Sunday, without giving details of how their freedom was secured.

The attackers arrived on motorcycles shortly after the morning assembly and surrounded the school before marching the children and a teacher into the bush, a local councillor said at the time.

The governor thanked President Bola Tinubu and the national security adviser for their efforts. Local authorities had earlier said the abductors demanded a ransom of 1 billion naira, about $620,000. Information minister Mohammed Idris said no ransom was paid.

The children were receiving medical care and would be reunited with their families, the governor said."),
    ("ukraine", "Russian drones and missiles hit Ukraine's energy system, Kyiv says

KYIV, March 22 - Russia launched one of its largest attacks on Ukraine's energy infrastructure on Friday, hitting the country's biggest dam and power plants and leaving more than a million people without electricity, Ukrainian officials said.

Air force commanders said Russia fired 88 missiles and 63 Shahed drones overnight, of which 92 were shot down. The Dnipro hydroelectric plant in Zaporizhzhia was hit by several missiles, its operator said, and a fire broke out in the engine room.

President Volodymyr Zelenskiy called on allies to speed up deliveries of air defence systems, saying Russian missiles did not suffer delays like the aid packages for Ukraine.

Energy minister Herman Halushchenko said the aim of the attack was to cause a large-scale failure of the power system, as in the winter of 2022."),
    ("ukraine", "Russian shelling kills four in Kharkiv as strikes on city intensify

KHARKIV, April 6 - Russian forces shelled residential areas of Kharkiv overnight, killing four people and wounding at least ten, regional governor Oleh Syniehubov said on Saturday.

Drones hit a high-rise apartment building and a petrol station in the city's Shevchenkivskyi district, setting both on fire. Rescue workers searched the rubble for survivors throughout the morning.

Ukraine's second-largest city, about 30 km from the Russian border, has come under intensifying attack in recent weeks, with strikes knocking out power substations and forcing rolling blackouts.

Russia denies targeting civilians. Its defence ministry said it had struck military and energy facilities used by the Ukrainian armed forces."),
    ("sudan", "Sudan's RSF attacks El Fasher as fears grow for besieged city

KHARTOUM, May 11 - Sudan's paramilitary Rapid Support Forces attacked El Fasher on Saturday, residents and local activists said, in a push to take the last major city in the western Darfur region still held by the army.

Heavy artillery fire hit residential neighbourhoods in the east and north of the city, and at least 27 people were killed, a local resistance committee said. Medecins Sans Frontieres said its hospital had received dozens of wounded.

The United Nations has warned that an assault on El Fasher, home to about 1.8 million people including many displaced from earlier fighting, could lead to large-scale ethnic violence.

The war between the army and the RSF, which erupted in April 2023, has killed tens of thousands of people and driven more than eight million from their homes."),
    ("sudan", "Saudi Arabia and U.S. urge Sudan's warring parties back to Jeddah talks

RIYADH, May 14 - Saudi Arabia and the United States called on Sudan's army and the paramilitary Rapid Support Forces on Tuesday to return to negotiations in Jeddah, saying a ceasefire was the only way to prevent famine.

U.S. special envoy Tom Perriello said Washington was working with Riyadh, the African Union and regional states to broaden the talks, which collapsed last year after both sides repeatedly violated short truces.

Army chief Abdel Fattah al-Burhan said last week that the army would not negotiate while the RSF occupied homes and public buildings. The RSF said it was ready to resume talks without conditions.

Aid agencies say nearly five million people face emergency levels of hunger across Sudan."),
    ("kenya", "Kenyan police fire tear gas at protesters opposing tax rises

NAIROBI, June 20 - Kenyan police fired tear gas and water cannon at thousands of protesters in central Nairobi on Thursday as parliament debated a finance bill that would raise taxes on bread, cooking oil and mobile money transfers.

Demonstrators, most of them young people who had organised on social media, marched towards parliament chanting slogans against President William Ruto. Police arrested dozens of people, witnesses said.

Amnesty International Kenya said one protester had been shot dead and at least 200 were injured. Police did not immediately comment on the casualties.

The government says the new taxes are needed to reduce heavy borrowing and pay down its debt. Lawmakers approved the bill in a second reading late on Thursday."),
    ("kenya", "Protests spread to Kenyan cities outside Nairobi over finance bill

MOMBASA, June 25 - Protests against planned tax increases spread beyond the capital on Tuesday, with demonstrators blocking roads in Mombasa, Kisumu and Nakuru and clashing with riot police, local media reported.

In Kisumu, protesters burned tyres and looted shops in the city centre, while in Nakuru police used live rounds to disperse a crowd trying to storm the county offices, according to a hospital official who treated gunshot wounds.

The demonstrations, led largely by young Kenyans, were called under the slogan 'Occupy Parliament' as lawmakers prepared a final vote on the bill.

Church leaders urged the government to listen to the protesters and called on police to show restraint."),
    ("uschina", "U.S. and Chinese defence chiefs hold first talks in 18 months

SINGAPORE, May 31 - U.S. Defense Secretary Lloyd Austin and Chinese Defence Minister Dong Jun met on Friday on the sidelines of the Shangri-La Dialogue, the first face-to-face talks between the two countries' defence chiefs in 18 months.

The meeting lasted more than an hour and covered Taiwan, the South China Sea and Russia's war in Ukraine, officials from both sides said. A Pentagon spokesman said Austin stressed the importance of maintaining open lines of military communication.

China's defence ministry said Dong warned that Beijing would take resolute action to stop Taiwanese independence and called on Washington to stop arming the island.

Relations between the two militaries broke down in 2022 after the then U.S. House Speaker Nancy Pelosi visited Taipei."),
    ("uschina", "Yellen presses China on industrial overcapacity in Guangzhou talks

GUANGZHOU, April 5 - U.S. Treasury Secretary Janet Yellen urged Chinese officials on Friday to curb the country's excess industrial production, warning that a flood of cheap electric vehicles and solar panels was hurting U.S. companies and workers.

Yellen met Chinese Vice Premier He Lifeng for talks that both sides described as candid and constructive. She said she did not rule out new trade measures to protect American industry.

China's commerce ministry rejected the idea of overcapacity, saying Chinese companies competed fairly on the global market and that Washington was using the issue to justify protectionism.

The visit is Yellen's second to China in less than a year, part of efforts to stabilise relations between the world's two largest economies."),
    ("iran", "EU agrees new sanctions on Iran over drone and missile transfers

BRUSSELS, April 22 - European Union foreign ministers agreed on Monday to expand sanctions on Iran in response to its unprecedented drone and missile attack on Israel this month, EU foreign policy chief Josep Borrell said.

The measures will widen an existing regime targeting Iranian drone production to cover missiles and the transfer of both to Russia and to groups in the Middle East, Borrell told reporters after a meeting in Luxembourg.

Iran's foreign ministry condemned the decision as illegal and said it would not change Tehran's policies.

Israel had called on its allies to impose sanctions on Iran's missile programme and to list the Revolutionary Guards as a terrorist organisation, a step the EU has not taken."),
    ("iran", "IAEA chief says Iran cooperation at unsatisfactory level after Tehran visit

VIENNA, May 8 - The head of the UN nuclear watchdog said on Wednesday that Iran's cooperation with his inspectors remained completely unsatisfactory, after a visit to Tehran in which he sought to resolve long-standing disputes.

Rafael Grossi said he had agreed with Iranian officials to hold technical talks on concrete measures, including the return of inspectors whose accreditation Iran withdrew last year and the reinstallation of surveillance cameras.

Iran's atomic energy chief Mohammad Eslami said Tehran expected the agency to avoid political pressure from Western countries.

Iran is enriching uranium to up to 60 percent purity, close to the roughly 90 percent needed for a weapon. Tehran denies seeking nuclear weapons."),
    ("pakistan", "Bomb blasts kill 28 in Pakistan on eve of national election

QUETTA, Feb 7 - Two bomb blasts outside election offices in Pakistan's southwestern Balochistan province killed at least 28 people on Wednesday, a day before the country votes in a general election, officials said.

The first explosion struck the office of an independent candidate in Pishin district, and the second hit an office of the Jamiat Ulema-e-Islam party in Qila Saifullah about an hour later.

Islamic State claimed responsibility for the attacks in a statement on its news channel. The election commission said polling would go ahead as planned.

Authorities have deployed tens of thousands of troops to polling stations and said mobile phone services would be suspended in sensitive areas."),
    ("niger", "Niger junta orders U.S. troops out, ending military cooperation

NIAMEY, March 17 - Niger's military government said on Saturday it was revoking with immediate effect an agreement that allowed U.S. military personnel and civilian staff from the Department of Defense to operate in the country.

The announcement, read on national television by junta spokesman Colonel Amadou Abdramane, followed a visit by a U.S. delegation led by Assistant Secretary of State Molly Phee that the junta said had not followed diplomatic protocol.

About 1,000 U.S. troops are based in Niger, mainly at a drone base near Agadez used for counterterrorism operations in the Sahel.

The junta, which seized power in a coup last July, has already expelled French forces and turned to Russia for security support."),
    ("haiti", "Gangs attack Haiti's main prison, freeing thousands of inmates

PORT-AU-PRINCE, March 3 - Armed gangs stormed Haiti's largest prison over the weekend, freeing most of its nearly 4,000 inmates, in an escalation of violence aimed at forcing Prime Minister Ariel Henry from office.

At least ten people were killed during the assault on the National Penitentiary in Port-au-Prince, according to a journalist who visited the prison on Sunday and found it almost empty with its doors open.

Gang leader Jimmy Cherizier, known as Barbecue, said gangs were uniting to oust Henry, who was in Kenya seeking support for a United Nations backed security mission.

The government declared a 72-hour state of emergency and a night curfew in the western department, which includes the capital."),
    ("myanmar", "Myanmar military air strike kills villagers in Sagaing region

YANGON, April 11 - A military air strike on a village in Myanmar's Sagaing region killed at least 25 people, including children, residents and an official of the opposition national unity government said on Thursday.

A fighter jet dropped two bombs on a crowd gathered for the opening of a community hall in the village, a witness said, adding that many of the bodies could not be identified.

A spokesman for the military government did not answer calls seeking comment. The military has previously said it targets armed groups fighting against it and denies killing civilians.

Myanmar has been in turmoil since the army seized power in a coup in February 2021, and the military has increasingly relied on air power against resistance forces."),
];

/// The copies a syndication or scraper site makes of story `i`: (kind, text).
fn copies(i: usize, story: &str) -> Vec<(&'static str, String)> {
    let (headline, body) = story.split_once('\n').unwrap_or((story, ""));
    let paragraphs: Vec<&str> = body
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .collect();
    let trimmed = paragraphs[..paragraphs.len().saturating_sub(1)].join("\n\n");
    let source_link = format!(
        "Source link: https://news-mirror-{i}.example.net/world/2024/story-{i}-{}",
        headline.len()
    );
    let new_headline = format!(
        "UPDATE 1-{}",
        headline.replace(" in ", " — in ").replace(" says", "")
    );
    let curly = story
        .replace(" - ", " — ")
        .replace('\'', "\u{2019}")
        .replace(". ", ".  ")
        .replace("\n\n", "\n\n\n");
    vec![
        ("footer", format!("{story}\n\n{source_link}")),
        ("header+footer", format!(
            "World News Today\nBy Staff Reporter | Updated {:02}:{:02} GMT\n\n{story}\n\nRead more: {source_link}\nShare this article\n© 2024 World News Today. All rights reserved.",
            i % 24, (i * 7) % 60)),
        ("headline", format!("{new_headline}\n{body}")),
        ("trimmed", format!("{headline}\n\n{trimmed}")),
        ("typography", curly),
        ("scraper", format!(
            "Home | World | Politics | Business | Sport\n{new_headline}\n\n{trimmed}\n\nRelated: {}\nRelated: {}\n{source_link}\nAdvertisement",
            STORIES[(i + 1) % STORIES.len()].1.lines().next().unwrap_or(""),
            STORIES[(i + 2) % STORIES.len()].1.lines().next().unwrap_or(""))),
    ]
}

fn main() {
    let k = DEFAULT_SHINGLE_WORDS;
    let probe = NearDuplicateIndex::default();
    let mut positives: Vec<(&str, f64, f64)> = Vec::new(); // (kind, exact, estimated)
    for (i, (_, story)) in STORIES.iter().enumerate() {
        for (kind, copy) in copies(i, story) {
            positives.push((
                kind,
                exact_jaccard(story, &copy, k),
                probe.similarity(story, &copy),
            ));
        }
    }
    let mut negatives: Vec<(bool, f64, f64)> = Vec::new(); // (same topic, exact, estimated)
    for (i, (ti, a)) in STORIES.iter().enumerate() {
        for (tj, b) in &STORIES[i + 1..] {
            negatives.push((ti == tj, exact_jaccard(a, b, k), probe.similarity(a, b)));
        }
    }

    println!(
        "{} stories, {} (story, copy) pairs, {} different-story pairs ({} same topic)\n",
        STORIES.len(),
        positives.len(),
        negatives.len(),
        negatives.iter().filter(|n| n.0).count()
    );
    println!("exact Jaccard of {k}-shingles, copies by kind (min / mean):");
    let kinds = [
        "footer",
        "header+footer",
        "headline",
        "trimmed",
        "typography",
        "scraper",
    ];
    for kind in kinds {
        let v: Vec<f64> = positives
            .iter()
            .filter(|p| p.0 == kind)
            .map(|p| p.1)
            .collect();
        println!(
            "  {kind:<14} {:.3} / {:.3}",
            min(&v),
            v.iter().sum::<f64>() / v.len() as f64
        );
    }
    let same: Vec<f64> = negatives.iter().filter(|n| n.0).map(|n| n.1).collect();
    let other: Vec<f64> = negatives.iter().filter(|n| !n.0).map(|n| n.1).collect();
    println!("  different stories, same topic   max {:.3}", max(&same));
    println!("  different stories, other topics max {:.3}", max(&other));
    // A wire update: a new lede and a new closing paragraph around the unchanged story. Neither
    // label fits (same story, new facts); reported so the default's effect on it is known.
    let updates: Vec<f64> = STORIES
        .iter()
        .map(|(_, story)| {
            let (headline, body) = story.split_once('\n').unwrap_or((story, ""));
            let update = format!(
                "UPDATE 2-{headline}\n\nOfficials gave new details on Friday evening, saying the \
                 situation had changed after a night of talks and further incidents reported by \
                 residents and officials in the area.\n{body}\n\nFurther reaction came from \
                 neighbouring governments and aid groups, who called for calm and for access to \
                 the people affected."
            );
            probe.similarity(story, &update)
        })
        .collect();
    println!(
        "  wire update (new lede + closing paragraph), estimated: min {:.3}, max {:.3}",
        min(&updates),
        max(&updates)
    );
    let err: Vec<f64> = positives
        .iter()
        .map(|p| (p.2 - p.1).abs())
        .chain(negatives.iter().map(|n| (n.2 - n.1).abs()))
        .collect();
    println!(
        "  |estimated - exact|: mean {:.3}, max {:.3}\n",
        err.iter().sum::<f64>() / err.len() as f64,
        max(&err)
    );

    println!("threshold  rows  pair P   pair R   index P  index R  (FP / missed)");
    for t in [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9] {
        let tp = positives.iter().filter(|p| p.2 >= t).count();
        let fp = negatives.iter().filter(|n| n.2 >= t).count();
        let (p, r) = (ratio(tp, tp + fp), ratio(tp, positives.len()));

        let config = NearDuplicateConfig {
            threshold: t,
            ..Default::default()
        };
        let mut index = NearDuplicateIndex::new(config).expect("valid threshold");
        let mut ifp = 0;
        for (i, (_, story)) in STORIES.iter().enumerate() {
            if index.check_and_insert(&format!("s{i}"), story).is_some() {
                ifp += 1; // a different story taken for a copy
            }
        }
        let (mut itp, mut missed) = (0, 0);
        for (i, (_, story)) in STORIES.iter().enumerate() {
            for (_, copy) in copies(i, story) {
                match index.check(&copy) {
                    Some(d) if d.id == format!("s{i}") => itp += 1,
                    Some(_) => ifp += 1,
                    None => missed += 1,
                }
            }
        }
        println!(
            "  {t:.1}      {:>2}   {p:.3}    {r:.3}    {:.3}    {:.3}    ({ifp} / {missed})",
            lsh_rows(t),
            ratio(itp, itp + ifp),
            ratio(itp, positives.len())
        );
    }
    println!("\n({BANDS} bands; rows per band follow the threshold)");
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

fn min(v: &[f64]) -> f64 {
    v.iter().copied().fold(f64::INFINITY, f64::min)
}

fn max(v: &[f64]) -> f64 {
    v.iter().copied().fold(0.0, f64::max)
}
