//! Output formats end to end: the fixture corpus coded to CSV, GDELT 2.0 TSV and Parquet, read
//! back by the tools analysts use (Python's `csv`, pandas, pyarrow) and compared with the JSON
//! Lines events of the same run.

mod common;

use common::*;
use serde_json::Value;

/// GDELT 2.0 Event table column names, in order (an independent copy of GDELT's header).
const GDELT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// The documented Parquet schema (docs/outputs.md): name, pyarrow type, nullable.
const PARQUET_SCHEMA: &[(&str, &str, bool)] = &[
    ("event_id", "string", false),
    ("article_id", "string", false),
    ("sentence_index", "int32", false),
    ("event_date", "date32[day]", false),
    ("date", "date32[day]", false),
    ("when", "string", true),
    (
        "when_precision",
        "dictionary<values=string, indices=int32, ordered=0>",
        true,
    ),
    ("when_text", "string", true),
    (
        "source_code",
        "dictionary<values=string, indices=int32, ordered=0>",
        false,
    ),
    ("source_text", "string", false),
    ("source_start", "int64", false),
    ("source_end", "int64", false),
    (
        "target_code",
        "dictionary<values=string, indices=int32, ordered=0>",
        true,
    ),
    ("target_text", "string", true),
    ("target_start", "int64", true),
    ("target_end", "int64", true),
    (
        "cameo",
        "dictionary<values=string, indices=int32, ordered=0>",
        false,
    ),
    (
        "root",
        "dictionary<values=string, indices=int32, ordered=0>",
        false,
    ),
    ("quad_class", "int8", false),
    ("goldstein", "double", false),
    (
        "plover",
        "dictionary<values=string, indices=int32, ordered=0>",
        true,
    ),
    (
        "modality",
        "dictionary<values=string, indices=int32, ordered=0>",
        false,
    ),
    (
        "location_name",
        "dictionary<values=string, indices=int32, ordered=0>",
        true,
    ),
    (
        "location_country",
        "dictionary<values=string, indices=int32, ordered=0>",
        true,
    ),
    (
        "location_admin1",
        "dictionary<values=string, indices=int32, ordered=0>",
        true,
    ),
    ("location_lat", "double", true),
    ("location_lon", "double", true),
    ("location_geonames_id", "int64", true),
    (
        "location_feature",
        "dictionary<values=string, indices=int32, ordered=0>",
        true,
    ),
    ("location_text", "string", true),
    ("location_start", "int64", true),
    ("location_end", "int64", true),
    ("evidence_verb", "string", false),
    ("evidence_pattern", "string", false),
    ("evidence_entries", "list<item: string>", false),
    ("num_mentions", "int32", false),
    ("num_sources", "int32", false),
    ("num_articles", "int32", false),
    ("article_ids", "list<item: string>", false),
    ("sentence", "string", false),
];

fn s(v: &Value) -> String {
    v.as_str().map_or_else(String::new, str::to_string)
}

#[test]
fn csv_parses_with_pythons_csv_module_and_matches_the_events() {
    let dir = tmp_dir("csv");
    let corpus = fixture_corpus(&dir);
    let events = reference_events(&corpus);
    let out = dir.join("events.csv");
    // The format comes from the extension.
    run_ok(&[
        "code",
        corpus.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    let json = python(
        "import csv, json, sys\n\
         with open(sys.argv[1], newline='', encoding='utf-8') as f:\n\
         \x20   r = csv.reader(f)\n\
         \x20   header = next(r)\n\
         \x20   rows = [dict(zip(header, row)) for row in r]\n\
         print(json.dumps({'header': header, 'rows': rows}))",
        &[out.to_str().unwrap()],
    );
    let parsed: Value = serde_json::from_str(&json).unwrap();
    let header: Vec<String> = parsed["header"].as_array().unwrap().iter().map(s).collect();
    assert_eq!(header.len(), 40);
    assert_eq!(header[0], "event_id");
    assert!(header.contains(&"location_lat".to_string()));
    let rows = parsed["rows"].as_array().unwrap();
    assert_eq!(rows.len(), events.len());
    for (row, ev) in rows.iter().zip(&events) {
        assert_eq!(row["event_id"], ev["event_id"]);
        assert_eq!(
            row["sentence"], ev["sentence"],
            "quoting keeps the sentence whole"
        );
        assert_eq!(row["source_code"], ev["source"]["code"]);
        assert_eq!(s(&row["target_code"]), s(&ev["target"]["code"]));
        assert_eq!(row["cameo"], ev["cameo"]);
        assert_eq!(
            row["quad_class"].as_str().unwrap(),
            ev["quad_class"].to_string()
        );
        let g: f64 = row["goldstein"].as_str().unwrap().parse().unwrap();
        assert_eq!(g, ev["goldstein"].as_f64().unwrap());
        assert_eq!(row["event_date"].as_str().unwrap(), event_date(ev));
        match ev["location"].as_object() {
            Some(l) => {
                let lat: f64 = row["location_lat"].as_str().unwrap().parse().unwrap();
                assert_eq!(lat, l["lat"].as_f64().unwrap());
                assert_eq!(row["location_country"], l["country"]);
            }
            None => assert_eq!(row["location_lat"], ""),
        }
        let entries: Value =
            serde_json::from_str(row["evidence_entries"].as_str().unwrap()).unwrap();
        assert_eq!(entries, ev["evidence"]["entries"]);
        assert_eq!(row["num_articles"], "1");
    }
}

#[test]
fn gdelt_tsv_loads_in_pandas_with_gdelts_61_columns() {
    let dir = tmp_dir("gdelt");
    let corpus = fixture_corpus(&dir);
    let events = reference_events(&corpus);
    // The column names agree with the shared GDELT 2.0 column list, when it is beside the repo.
    let shared = repo().join("../shared/ontology/gdelt2_event_columns.tsv");
    if let Ok(t) = std::fs::read_to_string(&shared) {
        let names: Vec<&str> = t
            .lines()
            .skip(1)
            .map(|l| l.split('\t').nth(1).unwrap())
            .collect();
        assert_eq!(names, GDELT_COLUMNS);
    }
    let out = dir.join("events.tsv");
    run_ok(&[
        "code",
        corpus.to_str().unwrap(),
        "--format",
        "gdelt",
        "-o",
        out.to_str().unwrap(),
    ]);
    // Every line has exactly 61 fields and no header row, like GDELT's own export files.
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.lines().all(|l| l.split('\t').count() == 61));
    assert_eq!(text.lines().count(), events.len());
    let names = serde_json::to_string(&GDELT_COLUMNS[..]).unwrap();
    // The way GDELT loaders read the files: no header, GDELT's names, codes as strings.
    let json = python(
        "import json, sys, pandas as pd\n\
         names = json.loads(sys.argv[2])\n\
         df = pd.read_csv(sys.argv[1], sep='\\t', header=None, names=names,\n\
         \x20                dtype={'EventCode': str, 'EventBaseCode': str, 'EventRootCode': str, 'Actor1Code': str, 'Actor2Code': str, 'ActionGeo_CountryCode': str})\n\
         print(json.dumps({'shape': list(df.shape), 'columns': list(df.columns),\n\
         \x20   'rows': json.loads(df.to_json(orient='records'))}))",
        &[out.to_str().unwrap(), &names],
    );
    let parsed: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(parsed["shape"], serde_json::json!([events.len(), 61]));
    let rows = parsed["rows"].as_array().unwrap();
    for (row, ev) in rows.iter().zip(&events) {
        let id =
            u64::from_str_radix(ev["event_id"].as_str().unwrap(), 16).unwrap() & (i64::MAX as u64);
        assert_eq!(row["GLOBALEVENTID"].as_u64(), Some(id));
        let day = event_date(ev).replace('-', "");
        assert_eq!(row["SQLDATE"].as_u64().unwrap().to_string(), day);
        assert_eq!(row["Year"].as_u64().unwrap().to_string(), &day[..4]);
        assert_eq!(row["Actor1Code"], ev["source"]["code"]);
        assert_eq!(s(&row["Actor2Code"]), s(&ev["target"]["code"]));
        let code = s(&ev["cameo"]);
        assert_eq!(s(&row["EventCode"]), code, "leading zeros kept");
        assert_eq!(s(&row["EventBaseCode"]), code[..3].to_string());
        assert_eq!(s(&row["EventRootCode"]), s(&ev["root"]));
        assert_eq!(row["QuadClass"], ev["quad_class"]);
        assert_eq!(row["GoldsteinScale"].as_f64(), ev["goldstein"].as_f64());
        assert_eq!(row["NumMentions"], 1);
        assert_eq!(row["AvgTone"].as_f64(), Some(0.0));
        assert_eq!(
            row["IsRootEvent"].as_u64(),
            Some(u64::from(ev["sentence_index"].as_u64().unwrap() <= 1))
        );
        let source = s(&ev["source"]["code"]);
        if source.len() >= 6 && source.starts_with("TUR") {
            assert_eq!(row["Actor1CountryCode"], "TUR");
        }
        if source == "TURGOV" {
            assert_eq!(row["Actor1Type1Code"], "GOV");
        }
        match ev["location"].as_object() {
            Some(l) => {
                assert_eq!(row["ActionGeo_Lat"].as_f64(), l["lat"].as_f64());
                assert_eq!(row["ActionGeo_Long"].as_f64(), l["lon"].as_f64());
                let t = row["ActionGeo_Type"].as_u64().unwrap();
                match l["feature"].as_str().unwrap() {
                    "country" => assert_eq!(t, 1),
                    "city" => assert!(t == 3 || t == 4),
                    _ => assert!(t == 2 || t == 5),
                }
                // FIPS 10-4, as GDELT writes countries: Greece is GR, Turkey TU, Ukraine UP.
                let fips = match l["country"].as_str().unwrap() {
                    "GRC" => Some("GR"),
                    "TUR" => Some("TU"),
                    "UKR" => Some("UP"),
                    "RUS" => Some("RS"),
                    "GEO" => Some("GG"),
                    _ => None,
                };
                if let Some(f) = fips {
                    assert_eq!(row["ActionGeo_CountryCode"], f);
                }
            }
            None => assert_eq!(row["ActionGeo_Type"], 0),
        }
        assert_eq!(
            row["DATEADDED"].as_u64().unwrap().to_string(),
            format!("{}000000", s(&ev["date"]).replace('-', ""))
        );
        assert_eq!(
            row["SOURCEURL"],
            format!("https://example.org/news/{}", s(&ev["article_id"]))
        );
    }
    // --date-added stamps every row (and the same input gives the same file).
    let out2 = dir.join("events2.tsv");
    run_ok(&[
        "code",
        corpus.to_str().unwrap(),
        "--date-added",
        "20250101120000",
        "-o",
        out2.to_str().unwrap(),
    ]);
    let text2 = std::fs::read_to_string(&out2).unwrap();
    assert!(text2
        .lines()
        .all(|l| l.split('\t').nth(59) == Some("20250101120000")));
}

#[test]
fn parquet_reads_back_in_pyarrow_with_the_documented_schema() {
    let dir = tmp_dir("parquet");
    let corpus = fixture_corpus(&dir);
    let events = reference_events(&corpus);
    let out = dir.join("events.parquet");
    run_ok(&[
        "code",
        corpus.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(!dir.join("events.parquet.partial").exists());
    let json = python(
        "import json, sys, datetime, pyarrow.parquet as pq, pandas as pd\n\
         t = pq.read_table(sys.argv[1])\n\
         meta = pq.ParquetFile(sys.argv[1]).metadata\n\
         codecs = sorted({meta.row_group(0).column(i).compression for i in range(meta.num_columns)})\n\
         schema = [[f.name, str(f.type), f.nullable] for f in t.schema]\n\
         def plain(v):\n\
         \x20   return v.isoformat() if isinstance(v, datetime.date) else v\n\
         rows = [{k: plain(v) for k, v in r.items()} for r in t.to_pylist()]\n\
         df = pd.read_parquet(sys.argv[1])\n\
         print(json.dumps({'schema': schema, 'rows': rows, 'codecs': codecs, 'pandas_shape': list(df.shape),\n\
         \x20   'cameo_dtype': str(df['cameo'].dtype)}))",
        &[out.to_str().unwrap()],
    );
    let parsed: Value = serde_json::from_str(&json).unwrap();
    let schema: Vec<(String, String, bool)> = parsed["schema"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (s(&f[0]), s(&f[1]), f[2].as_bool().unwrap()))
        .collect();
    let documented: Vec<(String, String, bool)> = PARQUET_SCHEMA
        .iter()
        .map(|(n, t, b)| (n.to_string(), t.to_string(), *b))
        .collect();
    assert_eq!(schema, documented);
    assert_eq!(parsed["codecs"], serde_json::json!(["ZSTD"]));
    assert_eq!(
        parsed["pandas_shape"],
        serde_json::json!([events.len(), 40])
    );
    assert_eq!(
        parsed["cameo_dtype"], "category",
        "dictionary columns are categoricals"
    );
    let rows = parsed["rows"].as_array().unwrap();
    assert_eq!(rows.len(), events.len());
    for (row, ev) in rows.iter().zip(&events) {
        assert_eq!(row["event_id"], ev["event_id"]);
        assert_eq!(row["article_id"], ev["article_id"]);
        assert_eq!(row["sentence_index"], ev["sentence_index"]);
        assert_eq!(row["sentence"], ev["sentence"]);
        assert_eq!(row["date"], ev["date"]);
        assert_eq!(row["event_date"].as_str().unwrap(), event_date(ev));
        assert_eq!(row["when"], ev["when"]);
        assert_eq!(row["source_code"], ev["source"]["code"]);
        assert_eq!(row["source_start"], ev["source"]["start"]);
        assert_eq!(
            row["target_code"],
            ev["target"].get("code").cloned().unwrap_or(Value::Null)
        );
        assert_eq!(row["cameo"], ev["cameo"]);
        assert_eq!(row["root"], ev["root"]);
        assert_eq!(row["quad_class"], ev["quad_class"]);
        assert_eq!(row["goldstein"].as_f64(), ev["goldstein"].as_f64());
        assert_eq!(row["plover"], ev["plover"]);
        assert_eq!(row["modality"], ev["modality"]);
        assert_eq!(
            row["location_lat"],
            ev["location"].get("lat").cloned().unwrap_or(Value::Null)
        );
        assert_eq!(
            row["location_geonames_id"],
            ev["location"]
                .get("geonames_id")
                .cloned()
                .unwrap_or(Value::Null)
        );
        assert_eq!(row["evidence_entries"], ev["evidence"]["entries"]);
        assert_eq!(row["article_ids"], serde_json::json!([ev["article_id"]]));
    }
}

#[test]
fn explicit_format_and_clear_errors() {
    let dir = tmp_dir("errors");
    let corpus = fixture_corpus(&dir);
    // Parquet cannot stream to stdout.
    let o = run(&["code", corpus.to_str().unwrap(), "--format", "parquet"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("needs --output FILE"));
    // An extension that names no format.
    let o = run(&[
        "code",
        corpus.to_str().unwrap(),
        "-o",
        dir.join("x.xlsx").to_str().unwrap(),
    ]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("--format jsonl|csv|gdelt|parquet"));
    // --format wins over the extension; CSV to stdout starts with its header.
    let o = run_ok(&["code", corpus.to_str().unwrap(), "--format", "csv"]);
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("event_id,article_id,sentence_index,"));
    // JSONL to a file equals JSONL on stdout.
    let file = dir.join("events.jsonl");
    run_ok(&[
        "code",
        corpus.to_str().unwrap(),
        "-o",
        file.to_str().unwrap(),
    ]);
    let o = run_ok(&["code", corpus.to_str().unwrap()]);
    assert_eq!(std::fs::read(&file).unwrap(), o.stdout);
    // A bad --date-added is refused before anything is coded.
    let o = run(&[
        "code",
        corpus.to_str().unwrap(),
        "--date-added",
        "2024-01-01",
    ]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("YYYYMMDDHHMMSS"));
}
