//! What a long `dyad code` run tells the person watching it, on stderr.
//!
//! Two kinds of lines go to stderr during a run, from two threads:
//!
//! * **messages** — an unreadable record, a decoding note, a warning — printed by the reader
//!   thread the moment it meets them, each on a line of its own, prefixed `dyad: `;
//! * **the progress bar** — one line redrawn in place (`\r`), by the thread that writes the
//!   output, after each batch and at most every [`REDRAW`].
//!
//! [`Status`] owns stderr for both, behind a mutex, so a message never lands in the middle of
//! a half-drawn bar: it first clears the bar's line, prints itself, and the next redraw puts
//! the bar back underneath. The bar is drawn only when stderr is a terminal and `--quiet` was
//! not given: redirected to a file or a CI log, `\r`-redrawn lines are noise, and a script
//! reading stderr should see only messages and the closing summary. The bar is hand-written
//! (a dozen lines of formatting) rather than a dependency: it needs no colours, no templates
//! and no multi-bar support.
//!
//! Rates are for this session (a resumed run does not count the work of the run it
//! continues), computed from the input bytes read and the articles written so far; the ETA is
//! shown only when the total input size is known (every input a regular file) and is the
//! remaining bytes at the average rate so far.

use std::io::{IsTerminal, Write};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The least time between two redraws of the bar.
pub const REDRAW: Duration = Duration::from_millis(200);

/// Where the run stands, for the bar.
#[derive(Debug, Clone, Copy, Default)]
pub struct Snapshot {
    /// Input bytes read in this session (compressed size for compressed files).
    pub input_bytes: u64,
    /// The size of all inputs, when every input is a regular file.
    pub total_bytes: Option<u64>,
    /// Articles coded in this session.
    pub documents: u64,
    /// Totals for the whole output (a resumed run includes what was done before).
    pub events: u64,
    pub duplicates: u64,
    pub errors: u64,
}

/// Stderr for the run: messages and, on a terminal, the bar.
pub struct Status {
    bar: bool,
    start: Instant,
    shown: Mutex<Shown>,
}

struct Shown {
    /// The bar is on screen (the cursor is at the end of its line).
    on_screen: bool,
    last_draw: Option<Instant>,
}

impl Status {
    /// `quiet`: no bar (messages are still printed).
    pub fn new(quiet: bool) -> Status {
        Status {
            bar: !quiet && std::io::stderr().is_terminal(),
            start: Instant::now(),
            shown: Mutex::new(Shown {
                on_screen: false,
                last_draw: None,
            }),
        }
    }

    /// Time since the run started.
    pub fn elapsed(&self) -> Duration {
        self.start.elapsed()
    }

    /// Print `dyad: {line}` on a line of its own.
    pub fn message(&self, line: &str) {
        let mut shown = self.shown.lock().unwrap_or_else(|e| e.into_inner());
        let mut err = std::io::stderr().lock();
        if shown.on_screen {
            let _ = write!(err, "\r\x1b[K");
            shown.on_screen = false;
        }
        let _ = writeln!(err, "dyad: {line}");
    }

    /// Redraw the bar if it is due (or `force`).
    pub fn update(&self, s: &Snapshot, force: bool) {
        if !self.bar {
            return;
        }
        let mut shown = self.shown.lock().unwrap_or_else(|e| e.into_inner());
        if !force && shown.last_draw.is_some_and(|t| t.elapsed() < REDRAW) {
            return;
        }
        let line = render(s, self.start.elapsed());
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[K{line}");
        let _ = err.flush();
        shown.on_screen = true;
        shown.last_draw = Some(Instant::now());
    }

    /// Take the bar off the screen (before the summary).
    pub fn clear(&self) {
        let mut shown = self.shown.lock().unwrap_or_else(|e| e.into_inner());
        if shown.on_screen {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[K");
            let _ = err.flush();
            shown.on_screen = false;
        }
    }
}

/// The bar's text: `[####------]  41%  82.0/200.0 MB  6.1 MB/s  2,210 art/s  …  ETA 0:19`.
fn render(s: &Snapshot, elapsed: Duration) -> String {
    let secs = elapsed.as_secs_f64().max(1e-3);
    let mb = s.input_bytes as f64 / 1e6;
    let rate = mb / secs;
    let mut out = String::new();
    match s.total_bytes.filter(|&t| t > 0) {
        Some(total) => {
            let frac = (s.input_bytes as f64 / total as f64).min(1.0);
            let filled = (frac * 20.0).round() as usize;
            out.push_str(&format!(
                "[{}{}] {:>3.0}%  {mb:.1}/{:.1} MB",
                "#".repeat(filled),
                "-".repeat(20 - filled),
                frac * 100.0,
                total as f64 / 1e6
            ));
        }
        None => out.push_str(&format!("{mb:.1} MB")),
    }
    out.push_str(&format!(
        "  {rate:.1} MB/s  {} art/s  {} events  {} dup  {} errors",
        thousands((s.documents as f64 / secs) as u64),
        thousands(s.events),
        thousands(s.duplicates),
        thousands(s.errors)
    ));
    if let Some(total) = s.total_bytes {
        if rate > 0.0 && s.input_bytes > 0 {
            let left = total.saturating_sub(s.input_bytes) as f64 / 1e6 / rate;
            out.push_str(&format!("  ETA {}", clock(left)));
        }
    }
    out
}

/// `12345678` → `12,345,678`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && i % 3 == digits.len() % 3 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Seconds as `m:ss` or `h:mm:ss`.
fn clock(secs: f64) -> String {
    let s = secs.round() as u64;
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{}:{:02}", s / 60, s % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bar_shows_rates_counts_and_eta() {
        let s = Snapshot {
            input_bytes: 50_000_000,
            total_bytes: Some(200_000_000),
            documents: 20_000,
            events: 1_234_567,
            duplicates: 3,
            errors: 2,
        };
        let line = render(&s, Duration::from_secs(10));
        assert!(
            line.starts_with("[#####---------------]  25%  50.0/200.0 MB"),
            "{line}"
        );
        assert!(line.contains("5.0 MB/s  2,000 art/s  1,234,567 events  3 dup  2 errors"));
        assert!(line.ends_with("ETA 0:30"), "{line}");
        let s = Snapshot {
            total_bytes: None,
            ..s
        };
        assert!(!render(&s, Duration::from_secs(10)).contains("ETA"));
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(clock(3725.0), "1:02:05");
    }
}
