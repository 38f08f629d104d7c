//! Read inputs with `dyad::ingest` and count what comes out, without coding: a check of what
//! the readers make of a corpus, and a measure of reading throughput on its own.
//!
//! `cargo run --release -p dyad --example read_corpus -- PATH...`

use std::path::Path;
use std::time::Instant;

fn main() {
    let opts = dyad::ingest::ReadOptions::default();
    let start = Instant::now();
    let (mut docs, mut errors, mut bytes) = (0u64, 0u64, 0u64);
    for arg in std::env::args().skip(1) {
        match dyad::ingest::open(Path::new(&arg), &opts) {
            Ok(items) => {
                for item in items {
                    match item {
                        Ok(d) => {
                            docs += 1;
                            bytes += d.text.len() as u64;
                        }
                        Err(e) => {
                            errors += 1;
                            eprintln!("{e}");
                        }
                    }
                }
            }
            Err(e) => {
                errors += 1;
                eprintln!("{e}");
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{docs} documents, {errors} errors, {:.1} MB of article text in {secs:.2} s ({:.0} documents/s)",
        bytes as f64 / 1e6,
        docs as f64 / secs.max(1e-9)
    );
}
