//! The ingest readers on their fixtures (`tests/fixtures/ingest/`, written by
//! `make_fixtures.py` there): what each format yields — titles, dates and where they came from,
//! main text kept and boilerplate gone, ids and origins — and how bad records are reported,
//! counted and skipped.

use dyad::ingest::{
    self, DateSource, Document, Format, Glob, JsonFields, Note, Position, ReadOptions, RecordError,
    RecordErrorKind,
};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ingest")
        .join(name)
}

fn read_with(path: &Path, opts: &ReadOptions) -> (Vec<Document>, Vec<RecordError>) {
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    for item in ingest::open(path, opts).expect("opens") {
        match item {
            Ok(d) => docs.push(d),
            Err(e) => errors.push(e),
        }
    }
    (docs, errors)
}

fn read(name: &str) -> (Vec<Document>, Vec<RecordError>) {
    read_with(&fixture(name), &ReadOptions::default())
}

fn date(d: &Document) -> Option<String> {
    d.date.map(|d| d.to_string())
}

#[test]
fn html_page_keeps_the_article_and_drops_the_boilerplate() {
    let (docs, errors) = read("news_page.html");
    assert!(errors.is_empty(), "{errors:?}");
    let d = &docs[0];
    assert_eq!(d.id, "news_page.html");
    assert_eq!(d.origin.at, Position::File);
    assert_eq!(
        d.title.as_deref(),
        Some("Turkey accuses Greece of violating its airspace")
    );
    // article:published_time wins over the <time> in the byline and the URL's date
    assert_eq!(date(d).as_deref(), Some("2019-06-12"));
    assert_eq!(d.date_source, Some(DateSource::MetaTag));
    assert_eq!(d.outlet.as_deref(), Some("Aegean Herald"));
    assert_eq!(
        d.url.as_deref(),
        Some("https://www.aegeanherald.example/world/2019/06/11/turkey-greece-airspace")
    );
    let paragraphs: Vec<&str> = d.text.split("\n\n").collect();
    assert_eq!(
        paragraphs[0],
        "Turkey accuses Greece of violating its airspace"
    );
    assert!(paragraphs[1].starts_with(
        "ANKARA \u{2014} Turkish Foreign Minister Mevlut Cavusoglu on Wednesday accused Greece"
    ));
    assert!(paragraphs[2].starts_with("Greek Prime Minister Kyriakos Mitsotakis rejected"));
    assert!(paragraphs[3].starts_with("The European Union urged Turkey"));
    assert_eq!(paragraphs.len(), 4, "{paragraphs:#?}");
    for junk in [
        "cookies",
        "Politics",
        "Advertisement",
        "sidebar quote",
        "Share on",
        "Read more",
        "Related stories",
        "Strait of Hormuz",
        "Reader42",
        "Hong Kong",
        "newsletter",
        "Copyright",
        "dataLayer",
        "By Staff Reporter",
    ] {
        assert!(!d.text.contains(junk), "{junk:?} leaked into\n{}", d.text);
    }
}

#[test]
fn html_metadata_fallbacks() {
    let page = |head: &str, body: &str| {
        ingest::html::extract(
            &format!("<html><head>{head}</head><body>{body}<p>Russia accused Ukraine of shelling the town of Horlivka on Monday.</p></body></html>"),
            None,
        )
    };
    // JSON-LD date and headline, inside an @graph
    let p = page(
        r#"<title>x</title><script type="application/ld+json">{"@graph": [{"@type": "WebPage"}, {"@type": "NewsArticle", "headline": "LD headline", "datePublished": "2019-06-03T10:00:00Z", "publisher": {"name": "LD Times"}}]}</script>"#,
        "",
    );
    assert_eq!(p.title.as_deref(), Some("LD headline"));
    assert_eq!(
        p.date.map(|(d, s)| (d.to_string(), s)),
        Some(("2019-06-03".into(), DateSource::JsonLd))
    );
    assert_eq!(p.outlet.as_deref(), Some("LD Times"));
    // <time>, then h1 over <title>
    let p = page(
        "<title>Site name | Real headline of the day</title>",
        r#"<h1>The h1 headline</h1><time datetime="2019-06-04">4 June</time>"#,
    );
    assert_eq!(p.title.as_deref(), Some("The h1 headline"));
    assert_eq!(
        p.date.map(|(d, s)| (d.to_string(), s)),
        Some(("2019-06-04".into(), DateSource::TimeElement))
    );
    // the URL, and the host as outlet
    let p = ingest::html::extract(
        "<html><head><title>Real headline of the day | Site</title></head><body><p>Russia accused Ukraine of shelling the town of Horlivka on Monday.</p></body></html>",
        Some("https://www.news.example/2019/06/05/story"),
    );
    assert_eq!(p.title.as_deref(), Some("Real headline of the day"));
    assert_eq!(
        p.date.map(|(d, s)| (d.to_string(), s)),
        Some(("2019-06-05".into(), DateSource::Url))
    );
    assert_eq!(p.outlet.as_deref(), Some("news.example"));
}

#[test]
fn broken_html_is_repaired_or_reported() {
    let p = ingest::html::extract(
        "<div><p>Russia accused Ukraine of shelling the town<p>Kyiv denied it and said its forces had not fired</div></span></td>",
        None,
    );
    assert_eq!(p.paragraphs.len(), 2, "{:?}", p.paragraphs);
    let dir = tempdir("broken-html");
    std::fs::write(
        dir.join("empty.html"),
        "<html><body><nav><a href=/>Home</a></nav></body></html>",
    )
    .unwrap();
    let (docs, errors) = read_with(&dir.join("empty.html"), &ReadOptions::default());
    assert!(docs.is_empty());
    assert_eq!(errors[0].kind, RecordErrorKind::NoText);
    assert!(
        errors[0]
            .to_string()
            .contains("empty.html: no article text"),
        "{}",
        errors[0]
    );
}

#[test]
fn windows_1252_page_without_declaration_is_detected() {
    let (docs, errors) = read("cp1252_page.htm");
    assert!(errors.is_empty(), "{errors:?}");
    let d = &docs[0];
    assert!(
        d.text
            .contains("\u{201C}new era\u{201D} of cooperation \u{2013} the caf\u{e9} talk"),
        "{}",
        d.text
    );
    assert!(
        matches!(d.notes[..], [Note::GuessedCharset { encoding }] if encoding == "windows-1252"),
        "{:?}",
        d.notes
    );
    assert_eq!(d.title.as_deref(), Some("Xi meets Putin in Moscow"));
    assert_eq!(date(d).as_deref(), Some("2019-06-05"));
    assert!(!d.text.contains("Accueil"));
}

#[test]
fn jsonl_reads_odd_fields_and_reports_bad_lines() {
    let (docs, errors) = read("articles.jsonl");
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["101", "abc-102", "a105"]);
    let d = &docs[0];
    assert_eq!(
        d.title.as_deref(),
        Some("Russia accuses Ukraine of shelling")
    );
    assert!(d
        .text
        .starts_with("Russia accuses Ukraine of shelling\n\nRussia accused Ukraine of shelling the town of Horlivka"));
    assert_eq!(date(d).as_deref(), Some("2019-06-12"));
    assert_eq!(d.date_source, Some(DateSource::Field));
    assert_eq!(d.url.as_deref(), Some("https://wire.example/101"));
    assert_eq!(d.outlet.as_deref(), Some("Wire Example"));
    assert_eq!(d.origin.at, Position::Line(1));
    // an array of paragraphs, a Unix timestamp
    assert_eq!(
        docs[1].text,
        "The United States imposed new sanctions on Venezuela on Monday.\n\nCaracas condemned the measures."
    );
    assert_eq!(date(&docs[1]).as_deref(), Some("2019-06-12"));
    assert_eq!(date(&docs[2]).as_deref(), Some("2019-06-13"));
    assert_eq!(docs[2].origin.at, Position::Line(6));
    let got: Vec<(Position, RecordErrorKind)> =
        errors.iter().map(|e| (e.origin.at, e.kind)).collect();
    assert_eq!(
        got,
        [
            (Position::Line(3), RecordErrorKind::NoText),
            (Position::Line(4), RecordErrorKind::BadJson),
            (Position::Line(7), RecordErrorKind::BadJson),
        ]
    );
    let msg = errors[0].to_string();
    assert!(
        msg.contains("articles.jsonl:3: no text") && msg.contains("--text-field"),
        "{msg}"
    );
}

#[test]
fn jsonl_field_names_can_be_given() {
    let opts = ReadOptions {
        fields: JsonFields {
            text: Some("story.words".into()),
            date: Some("story.when".into()),
            id: Some("doc".into()),
            url: Some("address".into()),
            title: None,
        },
        ..ReadOptions::default()
    };
    let (docs, errors) = read_with(&fixture("custom_fields.jsonl"), &opts);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(docs[0].id, "z1");
    assert_eq!(
        docs[0].text,
        "NATO condemned the missile launch by North Korea."
    );
    assert_eq!(date(&docs[0]).as_deref(), Some("2019-06-14"));
    assert_eq!(docs[0].url.as_deref(), Some("https://wire.example/z1"));
    // without the flags the text is not found
    let (docs, errors) = read("custom_fields.jsonl");
    assert!(docs.is_empty());
    assert_eq!(errors[0].kind, RecordErrorKind::NoText);
}

fn check_warc(name: &str) {
    let (docs, errors) = read(name);
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "11111111-1111-1111-1111-111111111111",
            "22222222-2222-2222-2222-222222222222",
            "44444444-4444-4444-4444-444444444444"
        ],
        "{name}: {errors:?}"
    );
    let d = &docs[0];
    assert_eq!(
        d.url.as_deref(),
        Some("https://www.aegeanherald.example/world/2019/06/11/turkey-greece-airspace")
    );
    assert_eq!(date(d).as_deref(), Some("2019-06-12"));
    assert!(d
        .text
        .contains("Mevlut Cavusoglu on Wednesday accused Greece"));
    assert!(!d.text.contains("Reader42"));
    // chunked, windows-1252 by the HTTP header; no page date: the crawl date
    let d = &docs[1];
    assert!(d.text.starts_with("Israel arrests Palestinians in West Bank raids\n\nIsraeli forces arrested 12 Palestinians"), "{}", d.text);
    assert!(!d.text.contains("Hormuz"));
    assert_eq!(d.outlet.as_deref(), Some("Levant Daily"));
    assert_eq!(date(d).as_deref(), Some("2019-06-13"));
    assert_eq!(d.date_source, Some(DateSource::CrawlDate));
    assert_eq!(docs[2].outlet.as_deref(), Some("eu.example"));
    assert!(matches!(docs[0].origin.at, Position::Byte(n) if n > 0));
    // the bad record (no Content-Length) and the truncated last one
    let kinds: Vec<RecordErrorKind> = errors.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        [RecordErrorKind::BadWarc, RecordErrorKind::BadWarc],
        "{errors:?}"
    );
    assert!(
        errors[0].problem.contains("Content-Length"),
        "{}",
        errors[0]
    );
    assert!(errors[1].problem.contains("truncated"), "{}", errors[1]);
    assert!(
        errors[1].to_string().contains(&format!("{name} (byte ")),
        "{}",
        errors[1]
    );
}

#[test]
fn warc_reads_html_responses_only() {
    check_warc("crawl.warc");
}

#[test]
fn warc_gz_reads_the_same_records() {
    check_warc("crawl.warc.gz");
}

#[test]
fn rss_items_become_documents() {
    let (docs, errors) = read("feed.rss");
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(docs.len(), 2);
    let d = &docs[0];
    assert_eq!(d.id, "bw-2019-0612-1");
    assert_eq!(d.outlet.as_deref(), Some("Balkan Wire"));
    assert_eq!(
        d.url.as_deref(),
        Some("https://balkanwire.example/2019/06/12/talks")
    );
    assert_eq!(date(d).as_deref(), Some("2019-06-12"));
    assert_eq!(d.date_source, Some(DateSource::Feed));
    assert_eq!(
        d.text,
        "Turkey and Greece agree to resume talks\n\nTurkey and Greece agreed to resume exploratory talks in Ankara next month, officials said."
    );
    // content:encoded wins over the description; dc:date
    let d = &docs[1];
    assert_eq!(
        d.text,
        "EU urges Turkey to halt drilling\n\nThe European Union urged Turkey to halt drilling off Cyprus.\n\nAnkara rejected the call."
    );
    assert_eq!(date(d).as_deref(), Some("2019-06-13"));
    assert_eq!(d.id, "https://balkanwire.example/2019/06/13/drilling");
    assert!(matches!(d.origin.at, Position::Byte(n) if n > 0));
}

#[test]
fn atom_entries_become_documents() {
    let (docs, errors) = read("feed.atom");
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(docs.len(), 2);
    let d = &docs[0];
    assert_eq!(d.title.as_deref(), Some("Iran threatens to block Hormuz"));
    assert_eq!(
        d.url.as_deref(),
        Some("https://gulfmonitor.example/iran-hormuz")
    );
    assert_eq!(d.id, "urn:uuid:entry-1");
    assert_eq!(
        date(d).as_deref(),
        Some("2019-06-14"),
        "published before updated"
    );
    assert_eq!(d.outlet.as_deref(), Some("Gulf Monitor"));
    assert!(d
        .text
        .ends_with("\n\nIran threatened to block the Strait of Hormuz."));
    let d = &docs[1];
    assert_eq!(
        d.text,
        "NATO condemns North Korean launch\n\nNATO condemned the missile launch by North Korea.\n\nAllies met in Brussels."
    );
    assert_eq!(date(d).as_deref(), Some("2019-06-16"));
}

#[test]
fn petrarch_sentences_become_documents() {
    let (docs, errors) = read("sentence_records.xml");
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["AFP-1-1", "AFP-1-2", "AFP-1-4"]);
    assert_eq!(
        docs[0].text,
        "Turkish Foreign Minister Mevlut Cavusoglu accused Greece of violating Turkish airspace."
    );
    assert_eq!(date(&docs[0]).as_deref(), Some("2015-08-05"));
    assert_eq!(docs[0].date_source, Some(DateSource::Attribute));
    assert_eq!(docs[0].outlet.as_deref(), Some("AFP"));
    assert!(docs[1].text.ends_with("Venezuela & its oil company."));
    assert!(
        docs[2].text.contains("AT&T's"),
        "stray & kept: {}",
        docs[2].text
    );
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].kind, RecordErrorKind::NoText);
}

#[test]
fn gzip_zstd_and_truncated_streams() {
    let (docs, errors) = read("story.txt.gz");
    assert!(errors.is_empty());
    assert_eq!(docs[0].id, "story.txt.gz");
    assert_eq!(docs[0].title.as_deref(), Some("Russia accuses Ukraine"));
    let (docs, errors) = read("good.jsonl.zst");
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(docs.len(), 3);
    // a cut gzip stream: the lines before the cut, then one error, then the end
    let (docs, errors) = read("truncated.jsonl.gz");
    assert!(docs.len() >= 3, "{}", docs.len());
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].kind, RecordErrorKind::Compression);
    assert!(
        errors[0].to_string().contains("truncated.jsonl.gz:"),
        "{}",
        errors[0]
    );
}

#[test]
fn format_by_extension_by_content_and_forced() {
    let dir = tempdir("detect");
    // no extension: content decides
    std::fs::copy(fixture("feed.atom"), dir.join("FEED")).unwrap();
    std::fs::copy(fixture("crawl.warc.gz"), dir.join("download.bin")).unwrap();
    std::fs::copy(fixture("articles.jsonl"), dir.join("dump.json")).unwrap();
    std::fs::copy(fixture("sentence_records.xml"), dir.join("ABC")).unwrap();
    assert_eq!(
        read_with(&dir.join("FEED"), &ReadOptions::default())
            .0
            .len(),
        2
    );
    assert_eq!(
        read_with(&dir.join("download.bin"), &ReadOptions::default())
            .0
            .len(),
        3
    );
    assert_eq!(
        read_with(&dir.join("dump.json"), &ReadOptions::default())
            .0
            .len(),
        3
    );
    assert_eq!(
        read_with(&dir.join("ABC"), &ReadOptions::default()).0.len(),
        3
    );
    // the extension wins when it names a format: a .txt holding HTML is text
    std::fs::copy(fixture("news_page.html"), dir.join("page.txt")).unwrap();
    let (docs, _) = read_with(&dir.join("page.txt"), &ReadOptions::default());
    assert!(docs[0].text.starts_with("<!DOCTYPE html>"));
    // --input-format overrides
    let forced = ReadOptions {
        format: Some(Format::Html),
        ..ReadOptions::default()
    };
    let (docs, _) = read_with(&dir.join("page.txt"), &forced);
    assert_eq!(
        docs[0].title.as_deref(),
        Some("Turkey accuses Greece of violating its airspace")
    );
}

#[test]
fn directories_are_walked_sorted_with_glob() {
    let dir = tempdir("walk");
    let write = |rel: &str, text: &str| {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    write("b/2.txt", "Russia accused Ukraine of shelling the town.\n");
    write(
        "a/z.txt",
        "Iran threatened to block the Strait of Hormuz.\n",
    );
    write(
        "a/10.html",
        "<p>NATO condemned the missile launch by North Korea on Monday.</p>",
    );
    write("c.txt", "Protesters clashed with police in Hong Kong.\n");
    write(".hidden/x.txt", "hidden\n");
    write("a/.swp.txt", "hidden\n");
    write("a/photo.jpg", "\u{0}\u{1}JFIF");
    let ids = |opts: &ReadOptions| -> Vec<String> {
        let (docs, errors) = read_with(&dir, opts);
        assert!(errors.is_empty(), "{errors:?}");
        docs.into_iter().map(|d| d.id).collect()
    };
    assert_eq!(
        ids(&ReadOptions::default()),
        ["a/10.html", "a/z.txt", "b/2.txt", "c.txt"]
    );
    let only_txt = ReadOptions {
        glob: Some(Glob::new("*.txt").unwrap()),
        ..ReadOptions::default()
    };
    assert_eq!(ids(&only_txt), ["a/z.txt", "b/2.txt", "c.txt"]);
    let in_a = ReadOptions {
        glob: Some(Glob::new("a/*").unwrap()),
        ..ReadOptions::default()
    };
    // with a glob, every matching file is read: the .jpg is an error now
    let (docs, errors) = read_with(&dir, &in_a);
    assert_eq!(docs.len(), 2);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].kind, RecordErrorKind::Binary);
}

#[test]
fn missing_input_is_an_open_error() {
    let e = ingest::open(Path::new("/nonexistent/x.jsonl"), &ReadOptions::default())
        .err()
        .unwrap();
    assert_eq!(e.to_string(), "/nonexistent/x.jsonl: no such file");
}

#[test]
fn documents_become_articles_with_a_fallback_date() {
    let (docs, _) = read("feed.rss");
    let fallback: dyad::Date = "2000-01-01".parse().unwrap();
    let a = docs[0].clone().into_article(fallback);
    assert_eq!(a.date.to_string(), "2019-06-12");
    assert_eq!(
        a.headline(),
        Some("Turkey and Greece agree to resume talks")
    );
    assert_eq!(a.outlet.as_deref(), Some("Balkan Wire"));
    let (docs, _) = read("story.txt.gz");
    assert_eq!(docs[0].clone().into_article(fallback).date, fallback);
}

#[test]
fn garbage_never_panics() {
    let mut seed = 12345u64;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let samples: Vec<Vec<u8>> = [
        &b"WARC/1.0\r\nContent-Length: 99999999999999999999\r\n\r\n"[..],
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5\r\n\r\nHTTP/",
        b"<rss><channel><item><title>x",
        b"<Sentences><Sentence date='x'><Text>a</Sentence>",
        b"{\"text\": {\"nested\": 1}}\n{]\n",
        b"\x1f\x8b\x08\x00garbage",
        b"\x28\xb5\x2f\xfdgarbage",
    ]
    .iter()
    .map(|s| s.to_vec())
    .chain((0..40).map(|i| {
        let base = std::fs::read(fixture(
            [
                "crawl.warc",
                "feed.rss",
                "sentence_records.xml",
                "news_page.html",
            ][i % 4],
        ))
        .unwrap();
        let cut = (next() as usize) % base.len();
        let mut b = base[..cut].to_vec();
        for _ in 0..5 {
            if !b.is_empty() {
                let at = (next() as usize) % b.len();
                b[at] = next() as u8;
            }
        }
        b
    }))
    .collect();
    for (i, bytes) in samples.into_iter().enumerate() {
        for format in [
            None,
            Some(Format::Warc),
            Some(Format::Feed),
            Some(Format::PetrarchXml),
            Some(Format::Html),
            Some(Format::Jsonl),
        ] {
            let opts = ReadOptions {
                format,
                ..ReadOptions::default()
            };
            let docs = ingest::open_reader(
                Path::new("garbage"),
                "garbage",
                Box::new(std::io::Cursor::new(bytes.clone())),
                &opts,
            );
            let n = docs.take(1000).count();
            assert!(n < 1000, "sample {i} does not end");
        }
    }
}

fn tempdir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dyad-ingest-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_story_without_a_date_of_its_own_is_dated_by_its_dateline() {
    let dir = std::env::temp_dir().join(format!("dyad-dateline-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text = dir.join("story.txt");
    std::fs::write(
        &text,
        "Talks end\n\nALMATY, May 11, 2024 (Reuters) - The ministers met on Friday.\n",
    )
    .unwrap();
    let (docs, _) = read_with(&text, &ReadOptions::default());
    assert_eq!(date(&docs[0]).as_deref(), Some("2024-05-11"));
    assert_eq!(docs[0].date_source, Some(DateSource::Dateline));
    // a record's own date field wins over the dateline
    let jsonl = dir.join("stories.jsonl");
    std::fs::write(
        &jsonl,
        concat!(
            r#"{"id":"a","date":"2024-05-12","text":"ALMATY, May 11, 2024 - The ministers met."}"#,
            "\n",
            r#"{"id":"b","text":"ALMATY, May 11, 2024 - The ministers met."}"#,
            "\n",
            r#"{"id":"c","text":"The ministers met in Almaty on May 11, 2024."}"#,
            "\n"
        ),
    )
    .unwrap();
    let (docs, _) = read_with(&jsonl, &ReadOptions::default());
    let dates: Vec<_> = docs.iter().map(|d| (date(d), d.date_source)).collect();
    assert_eq!(
        dates,
        [
            (Some("2024-05-12".into()), Some(DateSource::Field)),
            (Some("2024-05-11".into()), Some(DateSource::Dateline)),
            (None, None)
        ]
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
