//! # dyad — political event coding from news text
//!
//! dyad reads news articles and returns *who did what to whom*: CAMEO-coded events with their
//! PLOVER type, quad class and Goldstein value, each pointing at the exact words and dictionary
//! entries that produced it.
//!
//! The pipeline is a chain of small stages, each taking the previous stage's value
//! (`shared/DESIGN.md`):
//!
//! ```text
//! Article ─clean─► CleanText ─segment─► Sentences ─annotate─► Annotated ─parse/code─► Candidates
//!        ─resolve─► Events
//! ```
//!
//! * [`clean`] folds typography and drops scraper boilerplate, keeping an offset map back to
//!   the original bytes;
//! * [`segment`] splits sentences and tokens (abbreviation-aware);
//! * [`annotate`] matches the compiled [`dict::Lexicon`] (actors, agents, verbs, cues) and
//!   builds actor phrases;
//! * [`code`] does the shallow clause analysis and pattern matching, with [`modality`];
//! * [`resolve`] gives each actor phrase its code, with coreference across the article;
//! * [`situate`] gives each event its own date ([`timex`]) and place ([`gazetteer`]);
//! * [`Coder`] ties them together and writes [`event::Event`]s.
//!
//! Inputs of every kind (text, HTML, JSONL, WARC, RSS/Atom, PETRARCH XML; directories, gzip,
//! zstd) become [`Article`]s through [`ingest`].
//!
//! The library never prints and never exits: it returns values and typed errors.

pub mod act_anaphora;
pub mod annotate;
pub mod article;
pub mod clean;
pub mod code;
pub mod date;
pub mod dedup;
pub mod dict;
pub mod eval;
pub mod event;
pub mod explain;
pub mod gazetteer;
pub mod ingest;
pub mod modality;
pub mod ontology;
pub mod resolve;
pub mod segment;
pub mod situate;
pub mod timex;

mod pipeline;

pub use article::Article;
pub use date::Date;
pub use event::Event;
pub use modality::Modality;
pub use pipeline::{Coder, CoderOptions, DocAnalysis, SentenceAnalysis};
