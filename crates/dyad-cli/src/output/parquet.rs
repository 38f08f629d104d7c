//! Apache Parquet: the events as a typed, compressed column file that pyarrow, pandas, polars,
//! DuckDB, R's arrow and Spark read directly.
//!
//! # Schema (see `docs/outputs.md` for the table)
//!
//! The columns are the CSV columns, with the same names and order ([`super::csv::COLUMNS`]), but
//! typed:
//!
//! * dates are `date32` (`event_date`, `date`); `when` stays a string because it may be a month,
//!   a year or a decade;
//! * offsets and counts are signed integers (`int32` for `sentence_index` and counts, `int64`
//!   for byte offsets and `location_geonames_id`): Spark has no unsigned types and reads Parquet's
//!   unsigned ones as wider or decimal columns, so signed is what every reader agrees on;
//! * `quad_class` is `int8`, `goldstein` and coordinates `float64`;
//! * low-cardinality codes (actor codes, `cameo`, `root`, `plover`, `modality`, precisions,
//!   countries, features) are `dictionary<int32, utf8>`: stored once per row group, read back as
//!   pandas categoricals — a million events of 300 CAMEO codes cost a few bits each;
//! * the lists (`evidence_entries`, `article_ids`) are `list<utf8>`;
//! * nullable exactly where the JSON record is (`target_*`, `location_*`, `when*`, `plover`).
//!
//! # Writing
//!
//! Rows are gathered into Arrow builders and written as a record batch every
//! [`ROWS_PER_BATCH`] events (and at the end), which bounds memory on any corpus; the writer makes
//! row groups of at most [`ROWS_PER_GROUP`] rows. Pages are zstd-compressed (level 3: about the
//! size of gzip -9 at several times the speed) with dictionary encoding on. The file goes to
//! `FILE.partial` and is renamed when its footer is written (see [`super`]).

use super::{event_date, mentions, EventSink, OutputTarget, SinkError};
use arrow_array::builder::{
    Date32Builder, Float64Builder, Int32Builder, Int64Builder, Int8Builder, ListBuilder,
    StringBuilder, StringDictionaryBuilder,
};
use arrow_array::types::Int32Type;
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use dyad::{Article, Date, Event};
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::WriterProperties;
use std::path::Path;
use std::sync::Arc;

/// Events per Arrow record batch handed to the writer.
pub const ROWS_PER_BATCH: usize = 64 * 1024;
/// Maximum rows per Parquet row group.
pub const ROWS_PER_GROUP: usize = 512 * 1024;

fn dict() -> DataType {
    DataType::Dictionary(Box::new(DataType::Int32), Box::new(DataType::Utf8))
}

fn list() -> DataType {
    DataType::List(Arc::new(Field::new_list_field(DataType::Utf8, true)))
}

/// The Parquet (Arrow) schema of dyad's events.
pub fn schema() -> SchemaRef {
    use DataType::*;
    let f = |name: &str, t: DataType, nullable: bool| Field::new(name, t, nullable);
    Arc::new(Schema::new(vec![
        f("event_id", Utf8, false),
        f("article_id", Utf8, false),
        f("sentence_index", Int32, false),
        f("event_date", Date32, false),
        f("date", Date32, false),
        f("when", Utf8, true),
        f("when_precision", dict(), true),
        f("when_text", Utf8, true),
        f("source_code", dict(), false),
        f("source_text", Utf8, false),
        f("source_start", Int64, false),
        f("source_end", Int64, false),
        f("target_code", dict(), true),
        f("target_text", Utf8, true),
        f("target_start", Int64, true),
        f("target_end", Int64, true),
        f("cameo", dict(), false),
        f("root", dict(), false),
        f("quad_class", Int8, false),
        f("goldstein", Float64, false),
        f("plover", dict(), true),
        f("modality", dict(), false),
        f("location_name", dict(), true),
        f("location_country", dict(), true),
        f("location_admin1", dict(), true),
        f("location_lat", Float64, true),
        f("location_lon", Float64, true),
        f("location_geonames_id", Int64, true),
        f("location_feature", dict(), true),
        f("location_text", Utf8, true),
        f("location_start", Int64, true),
        f("location_end", Int64, true),
        f("evidence_verb", Utf8, false),
        f("evidence_pattern", Utf8, false),
        f("evidence_entries", list(), false),
        f("num_mentions", Int32, false),
        f("num_sources", Int32, false),
        f("num_articles", Int32, false),
        f("article_ids", list(), false),
        f("sentence", Utf8, false),
    ]))
}

type Dict = StringDictionaryBuilder<Int32Type>;

/// One Arrow builder per column, in schema order.
#[derive(Default)]
struct Columns {
    event_id: StringBuilder,
    article_id: StringBuilder,
    sentence_index: Int32Builder,
    event_date: Date32Builder,
    date: Date32Builder,
    when: StringBuilder,
    when_precision: Dict,
    when_text: StringBuilder,
    source_code: Dict,
    source_text: StringBuilder,
    source_start: Int64Builder,
    source_end: Int64Builder,
    target_code: Dict,
    target_text: StringBuilder,
    target_start: Int64Builder,
    target_end: Int64Builder,
    cameo: Dict,
    root: Dict,
    quad_class: Int8Builder,
    goldstein: Float64Builder,
    plover: Dict,
    modality: Dict,
    location_name: Dict,
    location_country: Dict,
    location_admin1: Dict,
    location_lat: Float64Builder,
    location_lon: Float64Builder,
    location_geonames_id: Int64Builder,
    location_feature: Dict,
    location_text: StringBuilder,
    location_start: Int64Builder,
    location_end: Int64Builder,
    evidence_verb: StringBuilder,
    evidence_pattern: StringBuilder,
    evidence_entries: ListBuilder<StringBuilder>,
    num_mentions: Int32Builder,
    num_sources: Int32Builder,
    num_articles: Int32Builder,
    article_ids: ListBuilder<StringBuilder>,
    sentence: StringBuilder,
    rows: usize,
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` string (the record's dates always are).
fn days(s: &str) -> i32 {
    s.parse::<Date>().map_or(0, |d| d.to_days() as i32)
}

fn offset(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

impl Columns {
    fn push(&mut self, ev: &Event) {
        let m = mentions(ev);
        let t = ev.target.as_ref();
        let l = ev.location.as_ref();
        self.event_id.append_value(&ev.event_id);
        self.article_id.append_value(&ev.article_id);
        self.sentence_index
            .append_value(i32::try_from(ev.sentence_index).unwrap_or(i32::MAX));
        self.event_date.append_value(days(event_date(ev)));
        self.date.append_value(days(&ev.date));
        self.when.append_option(ev.when.as_deref());
        self.when_precision.append_option(ev.when_precision);
        self.when_text.append_option(ev.when_text.as_deref());
        self.source_code.append_value(&ev.source.code);
        self.source_text.append_value(&ev.source.text);
        self.source_start.append_value(offset(ev.source.start));
        self.source_end.append_value(offset(ev.source.end));
        self.target_code.append_option(t.map(|t| &t.code));
        self.target_text.append_option(t.map(|t| &t.text));
        self.target_start.append_option(t.map(|t| offset(t.start)));
        self.target_end.append_option(t.map(|t| offset(t.end)));
        self.cameo.append_value(&ev.cameo);
        self.root.append_value(&ev.root);
        self.quad_class
            .append_value(i8::try_from(ev.quad_class).unwrap_or(0));
        self.goldstein.append_value(ev.goldstein);
        self.plover.append_option(ev.plover);
        self.modality.append_value(ev.modality.as_str());
        self.location_name.append_option(l.map(|l| &l.name));
        self.location_country.append_option(l.map(|l| &l.country));
        self.location_admin1.append_option(l.and_then(|l| l.admin1));
        self.location_lat.append_option(l.map(|l| l.lat));
        self.location_lon.append_option(l.map(|l| l.lon));
        self.location_geonames_id
            .append_option(l.and_then(|l| l.geonames_id).map(i64::from));
        self.location_feature.append_option(l.map(|l| l.feature));
        self.location_text.append_option(l.map(|l| &l.text));
        self.location_start
            .append_option(l.map(|l| offset(l.start)));
        self.location_end.append_option(l.map(|l| offset(l.end)));
        self.evidence_verb.append_value(&ev.evidence.verb);
        self.evidence_pattern.append_value(&ev.evidence.pattern);
        for e in &ev.evidence.entries {
            self.evidence_entries.values().append_value(e);
        }
        self.evidence_entries.append(true);
        let count = |n: u32| i32::try_from(n).unwrap_or(i32::MAX);
        self.num_mentions.append_value(count(m.num_mentions));
        self.num_sources.append_value(count(m.num_sources));
        self.num_articles.append_value(count(m.num_articles));
        for id in &m.article_ids {
            self.article_ids.values().append_value(id);
        }
        self.article_ids.append(true);
        self.sentence.append_value(&ev.sentence);
        self.rows += 1;
    }

    /// The gathered rows as a record batch; the builders start empty again.
    fn finish(&mut self, schema: &SchemaRef) -> Result<RecordBatch, SinkError> {
        let cols: Vec<ArrayRef> = vec![
            Arc::new(self.event_id.finish()),
            Arc::new(self.article_id.finish()),
            Arc::new(self.sentence_index.finish()),
            Arc::new(self.event_date.finish()),
            Arc::new(self.date.finish()),
            Arc::new(self.when.finish()),
            Arc::new(self.when_precision.finish()),
            Arc::new(self.when_text.finish()),
            Arc::new(self.source_code.finish()),
            Arc::new(self.source_text.finish()),
            Arc::new(self.source_start.finish()),
            Arc::new(self.source_end.finish()),
            Arc::new(self.target_code.finish()),
            Arc::new(self.target_text.finish()),
            Arc::new(self.target_start.finish()),
            Arc::new(self.target_end.finish()),
            Arc::new(self.cameo.finish()),
            Arc::new(self.root.finish()),
            Arc::new(self.quad_class.finish()),
            Arc::new(self.goldstein.finish()),
            Arc::new(self.plover.finish()),
            Arc::new(self.modality.finish()),
            Arc::new(self.location_name.finish()),
            Arc::new(self.location_country.finish()),
            Arc::new(self.location_admin1.finish()),
            Arc::new(self.location_lat.finish()),
            Arc::new(self.location_lon.finish()),
            Arc::new(self.location_geonames_id.finish()),
            Arc::new(self.location_feature.finish()),
            Arc::new(self.location_text.finish()),
            Arc::new(self.location_start.finish()),
            Arc::new(self.location_end.finish()),
            Arc::new(self.evidence_verb.finish()),
            Arc::new(self.evidence_pattern.finish()),
            Arc::new(self.evidence_entries.finish()),
            Arc::new(self.num_mentions.finish()),
            Arc::new(self.num_sources.finish()),
            Arc::new(self.num_articles.finish()),
            Arc::new(self.article_ids.finish()),
            Arc::new(self.sentence.finish()),
        ];
        self.rows = 0;
        RecordBatch::try_new(schema.clone(), cols).map_err(|e| SinkError::Parquet(e.to_string()))
    }
}

/// The Parquet event writer.
pub struct ParquetSink {
    schema: SchemaRef,
    columns: Columns,
    writer: Option<ArrowWriter<OutputTarget>>,
}

impl ParquetSink {
    pub fn create(path: &Path) -> Result<ParquetSink, SinkError> {
        let schema = schema();
        let props = WriterProperties::builder()
            .set_compression(Compression::ZSTD(
                ZstdLevel::try_new(3).map_err(|e| SinkError::Parquet(e.to_string()))?,
            ))
            .set_dictionary_enabled(true)
            .set_max_row_group_row_count(Some(ROWS_PER_GROUP))
            .set_created_by(format!("dyad {}", env!("CARGO_PKG_VERSION")))
            .build();
        let out = OutputTarget::create(Some(path))?;
        let writer = ArrowWriter::try_new(out, schema.clone(), Some(props))
            .map_err(|e| SinkError::Parquet(e.to_string()))?;
        Ok(ParquetSink {
            schema,
            columns: Columns::default(),
            writer: Some(writer),
        })
    }

    fn flush_batch(&mut self) -> Result<(), SinkError> {
        if self.columns.rows == 0 {
            return Ok(());
        }
        let batch = self.columns.finish(&self.schema)?;
        self.writer
            .as_mut()
            .ok_or_else(|| SinkError::Parquet("writer already finished".into()))?
            .write(&batch)
            .map_err(|e| SinkError::Parquet(e.to_string()))
    }
}

impl EventSink for ParquetSink {
    fn write_article(&mut self, _article: &Article, events: &[Event]) -> Result<(), SinkError> {
        for ev in events {
            self.columns.push(ev);
            if self.columns.rows >= ROWS_PER_BATCH {
                self.flush_batch()?;
            }
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<(), SinkError> {
        self.flush_batch()?;
        let Some(writer) = self.writer.take() else {
            return Ok(());
        };
        let mut out = writer
            .into_inner()
            .map_err(|e| SinkError::Parquet(e.to_string()))?;
        out.finish()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn parquet_and_csv_columns_agree() {
        let s = super::schema();
        let names: Vec<&str> = s.fields().iter().map(|f| f.name().as_str()).collect();
        assert_eq!(names, super::super::csv::COLUMNS);
    }
}
