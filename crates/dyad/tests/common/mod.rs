//! Shared by the end-to-end coder tests that run on the default dictionaries, as a user would.

use dyad::{Article, Coder, CoderOptions, Modality};
use std::sync::OnceLock;

/// The coder with the embedded default dictionaries, built once per test binary, with bare
/// statements and partnerless cooperation written (`CoderOptions::bare_statements`,
/// `CoderOptions::partnerless`): the tests pin when the coder finds one as well as what it
/// codes.
pub fn coder() -> &'static Coder {
    static C: OnceLock<Coder> = OnceLock::new();
    C.get_or_init(|| {
        Coder::with_default_dictionaries(CoderOptions {
            bare_statements: true,
            partnerless: true,
            ..Default::default()
        })
        .unwrap()
    })
}

/// Asserted `(source, target, code)` triples of a text published 2024-06-05, in order.
pub fn asserted(text: &str) -> Vec<(String, String, String)> {
    asserted_on("2024-06-05", text)
}

/// [`asserted`] for a text published on `date` (YYYY-MM-DD).
pub fn asserted_on(date: &str, text: &str) -> Vec<(String, String, String)> {
    coder()
        .code(&Article::new("t", date.parse().unwrap(), text))
        .into_iter()
        .filter(|e| e.modality == Modality::Asserted)
        .map(|e| e.triple())
        .collect()
}

/// One expected triple.
pub fn t(s: &str, g: &str, c: &str) -> (String, String, String) {
    (s.into(), g.into(), c.into())
}

/// All `(source, target, code)` triples of a text published 2024-06-05, coded by a coder
/// built with `options` (for the tests of what an option changes).
// (each test binary compiles this module; not all of them test options)
#[allow(dead_code)]
pub fn coded_with(options: CoderOptions, text: &str) -> Vec<(String, String, String)> {
    Coder::with_default_dictionaries(options)
        .unwrap()
        .code(&Article::new("t", "2024-06-05".parse().unwrap(), text))
        .into_iter()
        .map(|e| e.triple())
        .collect()
}
