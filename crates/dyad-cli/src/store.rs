//! The event store: articles, sentences and events in one SQLite file (`dyad code --db
//! events.sqlite`), indexed for the questions analysts ask first and searchable by the words of
//! the sentences. Embedded, so there is no server to run: the file is the database, and any
//! SQLite client (Python's `sqlite3`, R's `RSQLite`, DuckDB's `sqlite` reader, `sqlite3` itself)
//! opens it.
//!
//! # Schema (version 1; `PRAGMA user_version`)
//!
//! * `articles(id PRIMARY KEY, content_hash UNIQUE, date, url, title, outlet, headline,
//!   n_events)` — every article ingested, with or without events, so that re-ingesting it is
//!   recognised. `content_hash` is a 64-bit FNV-1a hash of the article text (hex): the same text
//!   under another id (a syndicated copy, a re-scraped page) is the same article.
//! * `sentences(id INTEGER PRIMARY KEY, article_id, idx, text)` — the sentences events came
//!   from (the evidence), one row per (article, sentence index); `sentences_fts` is an FTS5
//!   index over their text (external content: the text is stored once).
//! * `events(id INTEGER PRIMARY KEY, sentence_id → sentences.id, …)` — one row per event with
//!   the flat column names of the CSV and Parquet outputs (`source_code`, `location_lat`,
//!   `event_date`, …; `"when"` must be quoted in SQL, it is a keyword). Indexes: `event_date`,
//!   `(source_code, event_date)`, `(target_code, event_date)`, `cameo`, `(root, event_date)`,
//!   `location_country`, `(location_lat, location_lon)`, `article_id`, `sentence_id` (text
//!   search finds sentences first, then their events through it).
//!
//! # Idempotent, transactional ingest
//!
//! An article whose id *or* content hash is already stored is skipped whole: re-running `dyad
//! code --db` over the same corpus (or an overlapping one) adds nothing twice. Articles are
//! written in batches of `--db-batch` articles, each batch one transaction (`BEGIN IMMEDIATE` …
//! `COMMIT`) in WAL mode: a crash, a kill or a full disk mid-batch rolls the batch back on the
//! next open, so the store only ever holds whole articles with all of their events, and running
//! the same command again completes it. `synchronous=NORMAL` keeps committed batches safe
//! against a process crash (an OS crash may lose the last batches, never consistency).
//!
//! Ingest speed is index maintenance (nine indexes and the FTS index per event): a 256 MB page
//! cache, memory-mapped reads and a 64 MB WAL between checkpoints (fewer fsyncs) took the
//! benchmark (`dyad bench-store`) from 13k to 18k events/s at 200k events; see docs/outputs.md.
//!
//! The store is also the backend of `dyad query` and `dyad plot` (see [`crate::query`]).

use crate::output::{event_date, mentions, EventSink, SinkError};
use dyad::gazetteer::Gazetteer;
use dyad::{Article, Event};
use rusqlite::functions::FunctionFlags;
use rusqlite::{params, Connection, OpenFlags, OptionalExtension};
use std::path::{Path, PathBuf};

/// The schema version this code writes and reads.
pub const SCHEMA_VERSION: i64 = 1;

const SCHEMA: &str = r#"
CREATE TABLE IF NOT EXISTS articles (
    id           TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    date         TEXT NOT NULL,
    url          TEXT,
    title        TEXT,
    outlet       TEXT,
    headline     TEXT,
    n_events     INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS sentences (
    id         INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id),
    idx        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    UNIQUE (article_id, idx)
);
CREATE VIRTUAL TABLE IF NOT EXISTS sentences_fts USING fts5(
    text, content = 'sentences', content_rowid = 'id'
);
CREATE TABLE IF NOT EXISTS events (
    id                   INTEGER PRIMARY KEY,
    event_id             TEXT NOT NULL,
    article_id           TEXT NOT NULL REFERENCES articles(id),
    sentence_id          INTEGER NOT NULL REFERENCES sentences(id),
    sentence_index       INTEGER NOT NULL,
    event_date           TEXT NOT NULL,
    date                 TEXT NOT NULL,
    "when"               TEXT,
    when_precision       TEXT,
    when_text            TEXT,
    source_code          TEXT NOT NULL,
    source_text          TEXT NOT NULL,
    source_start         INTEGER NOT NULL,
    source_end           INTEGER NOT NULL,
    target_code          TEXT,
    target_text          TEXT,
    target_start         INTEGER,
    target_end           INTEGER,
    cameo                TEXT NOT NULL,
    root                 TEXT NOT NULL,
    quad_class           INTEGER NOT NULL,
    goldstein            REAL NOT NULL,
    plover               TEXT,
    modality             TEXT NOT NULL,
    location_name        TEXT,
    location_country     TEXT,
    location_admin1      TEXT,
    location_lat         REAL,
    location_lon         REAL,
    location_geonames_id INTEGER,
    location_feature     TEXT,
    location_text        TEXT,
    location_start       INTEGER,
    location_end         INTEGER,
    evidence_verb        TEXT NOT NULL,
    evidence_pattern     TEXT NOT NULL,
    evidence_entries     TEXT NOT NULL,
    num_mentions         INTEGER NOT NULL,
    num_sources          INTEGER NOT NULL,
    num_articles         INTEGER NOT NULL,
    article_ids          TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_date    ON events (event_date);
CREATE INDEX IF NOT EXISTS events_source  ON events (source_code, event_date);
CREATE INDEX IF NOT EXISTS events_target  ON events (target_code, event_date);
CREATE INDEX IF NOT EXISTS events_cameo   ON events (cameo);
CREATE INDEX IF NOT EXISTS events_root    ON events (root, event_date);
CREATE INDEX IF NOT EXISTS events_country ON events (location_country);
CREATE INDEX IF NOT EXISTS events_latlon  ON events (location_lat, location_lon);
CREATE INDEX IF NOT EXISTS events_article ON events (article_id);
CREATE INDEX IF NOT EXISTS events_sentence ON events (sentence_id);
"#;

/// Why the store could not be opened, written or read.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: {source}")]
    Sqlite {
        path: String,
        source: rusqlite::Error,
    },
    #[error("{path}: no such event store (create one with `dyad code --db {path} ...`)")]
    Missing { path: String },
    #[error("{path}: event store schema version {found}, this dyad reads version {SCHEMA_VERSION}; re-ingest into a new file")]
    Version { path: String, found: i64 },
    #[error("{0}")]
    Query(String),
}

/// An open event store.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

/// 64-bit FNV-1a of the article text, as 16 hex digits: the `content_hash` column.
pub fn content_hash(text: &str) -> String {
    format!("{:016x}", dyad::event::stable_hash(&[text.as_bytes()]))
}

impl Store {
    fn err(&self, e: rusqlite::Error) -> StoreError {
        StoreError::Sqlite {
            path: self.path.display().to_string(),
            source: e,
        }
    }

    /// Open the store for writing, creating the file and its schema when needed.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let conn = Connection::open(path).map_err(|e| StoreError::Sqlite {
            path: path.display().to_string(),
            source: e,
        })?;
        let store = Store {
            conn,
            path: path.to_path_buf(),
        };
        store
            .conn
            .execute_batch(
                "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; \
                 PRAGMA cache_size = -262144; PRAGMA mmap_size = 1073741824; PRAGMA wal_autocheckpoint = 16384; \
                 PRAGMA busy_timeout = 10000;",
            )
            .map_err(|e| store.err(e))?;
        let version: i64 = store
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| store.err(e))?;
        match version {
            0 => store
                .conn
                .execute_batch(&format!(
                    "BEGIN; {SCHEMA} PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;"
                ))
                .map_err(|e| store.err(e))?,
            SCHEMA_VERSION => {}
            found => {
                return Err(StoreError::Version {
                    path: path.display().to_string(),
                    found,
                })
            }
        }
        store.register_functions()?;
        Ok(store)
    }

    /// Open an existing store for queries only.
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        if !path.exists() {
            return Err(StoreError::Missing {
                path: path.display().to_string(),
            });
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| StoreError::Sqlite {
            path: path.display().to_string(),
            source: e,
        })?;
        let store = Store {
            conn,
            path: path.to_path_buf(),
        };
        store
            .conn
            .execute_batch("PRAGMA busy_timeout = 10000;")
            .map_err(|e| store.err(e))?;
        let version: i64 = store
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| store.err(e))?;
        if version != SCHEMA_VERSION {
            return Err(StoreError::Version {
                path: path.display().to_string(),
                found: version,
            });
        }
        store.register_functions()?;
        Ok(store)
    }

    /// `distance_km(lat1, lon1, lat2, lon2)`: great-circle distance, for "within N km" filters.
    fn register_functions(&self) -> Result<(), StoreError> {
        self.conn
            .create_scalar_function(
                "distance_km",
                4,
                FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
                |ctx| {
                    let lat1: Option<f64> = ctx.get(0)?;
                    let lon1: Option<f64> = ctx.get(1)?;
                    let lat2: f64 = ctx.get(2)?;
                    let lon2: f64 = ctx.get(3)?;
                    Ok(match (lat1, lon1) {
                        (Some(a), Some(b)) => Some(Gazetteer::distance_km((a, b), (lat2, lon2))),
                        _ => None,
                    })
                },
            )
            .map_err(|e| self.err(e))
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A sink that ingests articles in transactions of `batch` articles.
    pub fn into_sink(self, batch: usize) -> StoreSink {
        StoreSink {
            store: self,
            batch,
            in_batch: 0,
            in_transaction: false,
            stats: IngestStats::default(),
            quiet: false,
        }
    }
}

/// What an ingest added and skipped.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct IngestStats {
    pub articles_added: u64,
    pub articles_skipped: u64,
    pub events_added: u64,
}

/// Writes articles into the store (see the module docs for the transaction rules).
pub struct StoreSink {
    store: Store,
    batch: usize,
    in_batch: usize,
    in_transaction: bool,
    pub stats: IngestStats,
    /// Do not print the closing summary (benchmarks).
    pub quiet: bool,
}

const INSERT_ARTICLE: &str =
    "INSERT INTO articles (id, content_hash, date, url, title, outlet, headline, n_events) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
const INSERT_SENTENCE: &str = "INSERT INTO sentences (article_id, idx, text) VALUES (?1, ?2, ?3)";
const INSERT_FTS: &str = "INSERT INTO sentences_fts (rowid, text) VALUES (?1, ?2)";
const INSERT_EVENT: &str = r#"INSERT INTO events (
    event_id, article_id, sentence_id, sentence_index, event_date, date, "when", when_precision,
    when_text, source_code, source_text, source_start, source_end, target_code, target_text,
    target_start, target_end, cameo, root, quad_class, goldstein, plover, modality,
    location_name, location_country, location_admin1, location_lat, location_lon,
    location_geonames_id, location_feature, location_text, location_start, location_end,
    evidence_verb, evidence_pattern, evidence_entries, num_mentions, num_sources, num_articles,
    article_ids
) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
    ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36, ?37,
    ?38, ?39, ?40)"#;

impl StoreSink {
    fn begin(&mut self) -> Result<(), StoreError> {
        if !self.in_transaction {
            self.store
                .conn
                .execute_batch("BEGIN IMMEDIATE")
                .map_err(|e| self.store.err(e))?;
            self.in_transaction = true;
        }
        Ok(())
    }

    fn commit(&mut self) -> Result<(), StoreError> {
        if self.in_transaction {
            self.store
                .conn
                .execute_batch("COMMIT")
                .map_err(|e| self.store.err(e))?;
            self.in_transaction = false;
            self.in_batch = 0;
        }
        Ok(())
    }

    /// Store one article and its events inside the current transaction; false when it was
    /// already stored.
    fn insert(&mut self, article: &Article, events: &[Event]) -> Result<bool, rusqlite::Error> {
        let conn = &self.store.conn;
        let hash = content_hash(&article.text);
        let exists: Option<i64> = conn
            .prepare_cached(
                "SELECT 1 FROM articles WHERE id = ?1 UNION ALL \
                 SELECT 1 FROM articles WHERE content_hash = ?2 LIMIT 1",
            )?
            .query_row(params![article.id, hash], |r| r.get(0))
            .optional()?;
        if exists.is_some() {
            return Ok(false);
        }
        conn.prepare_cached(INSERT_ARTICLE)?.execute(params![
            article.id,
            hash,
            article.date.to_string(),
            article.url,
            article.title,
            article.outlet,
            article.headline(),
            events.len() as i64,
        ])?;
        // One sentence row per distinct sentence index, in the order events name them.
        let mut sentence_ids: Vec<(usize, i64)> = Vec::new();
        let mut insert_sentence = conn.prepare_cached(INSERT_SENTENCE)?;
        let mut insert_fts = conn.prepare_cached(INSERT_FTS)?;
        for ev in events {
            if sentence_ids.iter().any(|(i, _)| *i == ev.sentence_index) {
                continue;
            }
            insert_sentence.execute(params![article.id, ev.sentence_index as i64, ev.sentence])?;
            let id = conn.last_insert_rowid();
            insert_fts.execute(params![id, ev.sentence])?;
            sentence_ids.push((ev.sentence_index, id));
        }
        let mut insert_event = conn.prepare_cached(INSERT_EVENT)?;
        for ev in events {
            let sentence_id = sentence_ids
                .iter()
                .find(|(i, _)| *i == ev.sentence_index)
                .map(|(_, id)| *id);
            let m = mentions(ev);
            let t = ev.target.as_ref();
            let l = ev.location.as_ref();
            let entries = serde_json::to_string(&ev.evidence.entries).unwrap_or_default();
            let ids = serde_json::to_string(&m.article_ids).unwrap_or_default();
            insert_event.execute(rusqlite::params![
                ev.event_id,
                ev.article_id,
                sentence_id,
                ev.sentence_index as i64,
                event_date(ev),
                ev.date,
                ev.when,
                ev.when_precision,
                ev.when_text,
                ev.source.code,
                ev.source.text,
                ev.source.start as i64,
                ev.source.end as i64,
                t.map(|t| &t.code),
                t.map(|t| &t.text),
                t.map(|t| t.start as i64),
                t.map(|t| t.end as i64),
                ev.cameo,
                ev.root,
                ev.quad_class,
                ev.goldstein,
                ev.plover,
                ev.modality.as_str(),
                l.map(|l| &l.name),
                l.map(|l| &l.country),
                l.and_then(|l| l.admin1),
                l.map(|l| l.lat),
                l.map(|l| l.lon),
                l.and_then(|l| l.geonames_id),
                l.map(|l| l.feature),
                l.map(|l| &l.text),
                l.map(|l| l.start as i64),
                l.map(|l| l.end as i64),
                ev.evidence.verb,
                ev.evidence.pattern,
                entries,
                m.num_mentions,
                m.num_sources,
                m.num_articles,
                ids,
            ])?;
        }
        Ok(true)
    }
}

impl EventSink for StoreSink {
    fn write_article(&mut self, article: &Article, events: &[Event]) -> Result<(), SinkError> {
        self.begin()?;
        let added = self
            .insert(article, events)
            .map_err(|e| self.store.err(e))?;
        if added {
            self.stats.articles_added += 1;
            self.stats.events_added += events.len() as u64;
        } else {
            self.stats.articles_skipped += 1;
        }
        self.in_batch += 1;
        if self.in_batch >= self.batch {
            self.commit()?;
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<(), SinkError> {
        self.commit()?;
        if !self.quiet {
            eprintln!(
                "dyad: store {}: {} articles added, {} already stored (skipped), {} events added",
                self.store.path.display(),
                self.stats.articles_added,
                self.stats.articles_skipped,
                self.stats.events_added
            );
        }
        Ok(())
    }
}
