//! CSV: one row per event under a header row, the JSON record flattened.
//!
//! Nested objects become `parent_child` columns (`source.code` → `source_code`, `location.lat` →
//! `location_lat`); a null `target` or `location` leaves all of its columns empty, and every null
//! is an empty field. The two lists (`evidence.entries`, `article_ids`) are written as JSON
//! arrays in one field (`["countries.txt:1358 TUR \"Turkish\"", …]`): a list has no flat form
//! that every CSV reader splits the same way, and a JSON array is unambiguous and one
//! `json.loads` away. The `sentence` is the last column because it is the long one.
//!
//! Quoting is RFC 4180 (the `csv` crate): fields with commas, quotes or newlines are quoted, so
//! Python's `csv` module, pandas, R's `read.csv` and DuckDB read it unchanged.

use super::{event_date, mentions, EventSink, OutputTarget, SinkError};
use dyad::{Article, Event};

/// The column names, in order. Parquet uses the same names (`docs/outputs.md`).
pub const COLUMNS: &[&str] = &[
    "event_id",
    "article_id",
    "sentence_index",
    "event_date",
    "date",
    "when",
    "when_precision",
    "when_text",
    "source_code",
    "source_text",
    "source_start",
    "source_end",
    "target_code",
    "target_text",
    "target_start",
    "target_end",
    "cameo",
    "root",
    "quad_class",
    "goldstein",
    "plover",
    "modality",
    "location_name",
    "location_country",
    "location_admin1",
    "location_lat",
    "location_lon",
    "location_geonames_id",
    "location_feature",
    "location_text",
    "location_start",
    "location_end",
    "evidence_verb",
    "evidence_pattern",
    "evidence_entries",
    "num_mentions",
    "num_sources",
    "num_articles",
    "article_ids",
    "sentence",
];

/// The CSV event writer.
pub struct CsvSink {
    /// `None` once finished.
    writer: Option<::csv::Writer<OutputTarget>>,
    wrote_header: bool,
    row: Vec<String>,
}

impl CsvSink {
    pub fn new(out: OutputTarget) -> CsvSink {
        CsvSink {
            writer: Some(::csv::WriterBuilder::new().from_writer(out)),
            wrote_header: false,
            row: Vec::with_capacity(COLUMNS.len()),
        }
    }
}

/// The event's fields as CSV text, in [`COLUMNS`] order.
pub fn flatten(ev: &Event, row: &mut Vec<String>) {
    fn opt<T: ToString>(v: Option<T>) -> String {
        v.map_or_else(String::new, |v| v.to_string())
    }
    let m = mentions(ev);
    let t = ev.target.as_ref();
    let l = ev.location.as_ref();
    row.clear();
    row.extend([
        ev.event_id.clone(),
        ev.article_id.to_string(),
        ev.sentence_index.to_string(),
        event_date(ev).to_string(),
        ev.date.to_string(),
        opt(ev.when.as_deref()),
        opt(ev.when_precision),
        opt(ev.when_text.as_deref()),
        ev.source.code.clone(),
        ev.source.text.clone(),
        ev.source.start.to_string(),
        ev.source.end.to_string(),
        opt(t.map(|t| &t.code)),
        opt(t.map(|t| &t.text)),
        opt(t.map(|t| t.start)),
        opt(t.map(|t| t.end)),
        ev.cameo.to_string(),
        ev.root.to_string(),
        ev.quad_class.to_string(),
        ev.goldstein.to_string(),
        opt(ev.plover),
        ev.modality.as_str().to_string(),
        opt(l.map(|l| &l.name)),
        opt(l.map(|l| &l.country)),
        opt(l.and_then(|l| l.admin1)),
        opt(l.map(|l| l.lat)),
        opt(l.map(|l| l.lon)),
        opt(l.and_then(|l| l.geonames_id)),
        opt(l.map(|l| l.feature)),
        opt(l.map(|l| &l.text)),
        opt(l.map(|l| l.start)),
        opt(l.map(|l| l.end)),
        ev.evidence.verb.clone(),
        ev.evidence.pattern.to_string(),
        serde_json::to_string(&ev.evidence.entries).unwrap_or_default(),
        m.num_mentions.to_string(),
        m.num_sources.to_string(),
        m.num_articles.to_string(),
        serde_json::to_string(&m.article_ids).unwrap_or_default(),
        ev.sentence.to_string(),
    ]);
    debug_assert_eq!(row.len(), COLUMNS.len());
}

impl CsvSink {
    fn writer(&mut self) -> Result<&mut ::csv::Writer<OutputTarget>, SinkError> {
        let writer = self
            .writer
            .as_mut()
            .ok_or_else(|| SinkError::Usage("CSV output already finished".into()))?;
        if !self.wrote_header {
            writer.write_record(COLUMNS)?;
            self.wrote_header = true;
        }
        Ok(writer)
    }
}

impl EventSink for CsvSink {
    fn write_article(&mut self, _article: &Article, events: &[Event]) -> Result<(), SinkError> {
        let mut row = std::mem::take(&mut self.row);
        let writer = self.writer()?;
        for ev in events {
            flatten(ev, &mut row);
            writer.write_record(&row)?;
        }
        self.row = row;
        Ok(())
    }

    fn finish(&mut self) -> Result<(), SinkError> {
        // With no article at all the file is still a valid CSV file: its header.
        self.writer()?;
        let Some(writer) = self.writer.take() else {
            return Ok(());
        };
        let name = writer.get_ref().name();
        let mut out = writer.into_inner().map_err(|e| SinkError::Io {
            path: name,
            source: std::io::Error::other(e.error().to_string()),
        })?;
        out.finish()
    }
}
