//! Reading publication dates the way sources write them.
//!
//! A [`Date`] is a calendar day, so every reader only needs the *day* the source states: the
//! time of day and the zone offset are ignored, and the date is taken **as written** (a page
//! published `2019-06-12T23:30:00-05:00` is dated 2019-06-12, the day its readers saw on it,
//! not the UTC day). The forms accepted cover what news metadata uses in practice:
//!
//! * ISO 8601 and its relatives: `2019-06-12`, `2019-06-12T10:00:00Z`, `2019/06/12`,
//!   `20190612` (PETRARCH), `2019-06-12 10:00`;
//! * RFC 822/2822 (RSS `pubDate`): `Wed, 12 Jun 2019 10:00:00 +0000`;
//! * written dates: `June 12, 2019`, `12 June 2019`, `Jun. 12 2019`;
//! * Unix timestamps in seconds or milliseconds (JSON numbers), via [`from_unix`];
//! * dates in URLs: `/2019/06/12/`, `/2019-06-12/`, `/20190612/` ([`from_url`]).
//!
//! Years outside 1800–2200 are rejected as misreadings.

use crate::date::Date;

/// Parse a date string in any of the forms above.
pub fn parse_loose(s: &str) -> Option<Date> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    numeric(s).or_else(|| written(s))
}

/// A Unix timestamp (seconds, or milliseconds when it is too large for seconds) as a UTC date.
pub fn from_unix(n: f64) -> Option<Date> {
    if !n.is_finite() {
        return None;
    }
    let secs = if n.abs() > 1e11 { n / 1000.0 } else { n };
    let date = Date::from_days((secs / 86400.0).floor() as i64);
    plausible(date)
}

/// The first `/YYYY/MM/DD`, `/YYYY-MM-DD` or `/YYYYMMDD` date in a URL's path.
pub fn from_url(url: &str) -> Option<Date> {
    let path = url
        .split_once("://")
        .map_or(url, |(_, rest)| rest.find('/').map_or("", |i| &rest[i..]));
    let b = path.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if c != b'/' && c != b'-' && c != b'_' {
            continue;
        }
        let rest = &path[i + 1..];
        let digits =
            |s: &str, n: usize| s.len() >= n && s.as_bytes()[..n].iter().all(u8::is_ascii_digit);
        if !digits(rest, 4) {
            continue;
        }
        let r = rest.as_bytes();
        // /2019/06/12 or /2019-06-12 (the day may be missing: then no date)
        if r.len() >= 10
            && (r[4] == b'/' || r[4] == b'-')
            && r[7] == r[4]
            && digits(&rest[5..], 2)
            && digits(&rest[8..], 2)
            && r.get(10).is_none_or(|c| !c.is_ascii_digit())
        {
            if let Some(d) = ymd(&rest[..4], &rest[5..7], &rest[8..10]) {
                return Some(d);
            }
        }
        // /20190612/ or /20190612-slug
        if digits(rest, 8) && r.get(8).is_none_or(|c| !c.is_ascii_digit()) {
            if let Some(d) = ymd(&rest[..4], &rest[4..6], &rest[6..8]) {
                return Some(d);
            }
        }
    }
    None
}

fn plausible(d: Date) -> Option<Date> {
    (1800..=2200).contains(&d.year).then_some(d)
}

fn ymd(y: &str, m: &str, d: &str) -> Option<Date> {
    plausible(Date::new(
        y.parse().ok()?,
        m.parse().ok()?,
        d.parse().ok()?,
    )?)
}

/// `YYYY-MM-DD…`, `YYYY/MM/DD…`, `YYYYMMDD…`.
fn numeric(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    if b.len() < 8 || !b[..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    if b.len() >= 10 && (b[4] == b'-' || b[4] == b'/' || b[4] == b'.') && b[7] == b[4] {
        // all four month and day bytes must be digits before slicing: a multi-byte character
        // there would make the slice boundaries fall inside it
        if ![5, 6, 8, 9].iter().all(|&i| b[i].is_ascii_digit()) {
            return None;
        }
        let after = b.get(10);
        if after.is_none_or(|c| !c.is_ascii_digit()) {
            return ymd(&s[..4], &s[5..7], &s[8..10]);
        }
        return None;
    }
    if b[..8].iter().all(u8::is_ascii_digit) && b.get(8).is_none_or(|c| !c.is_ascii_digit()) {
        return ymd(&s[..4], &s[4..6], &s[6..8]);
    }
    None
}

fn month(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    MONTHS
        .iter()
        .position(|m| m.starts_with(&w) || (w == "sept" && *m == "september"))
        .map(|i| i as u8 + 1)
}

/// `Wed, 12 Jun 2019 …`, `12 June 2019`, `June 12, 2019`, `Jun 12 2019 …`.
fn written(s: &str) -> Option<Date> {
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .take(5)
        .collect();
    let number = |w: &str| -> Option<u32> {
        let w = w.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
        (!w.is_empty() && w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit()))
            .then(|| w.parse().ok())
            .flatten()
    };
    for i in 0..words.len() {
        let Some(m) = month(words[i]) else { continue };
        // day before the month: "12 Jun 2019"
        if i > 0 {
            if let (Some(d), Some(y)) = (
                number(words[i - 1]),
                words.get(i + 1).and_then(|w| number(w)),
            ) {
                if y >= 1000 {
                    return plausible(Date::new(y as i32, m, u8::try_from(d).ok()?)?);
                }
            }
        }
        // day after the month: "June 12, 2019"
        if let (Some(d), Some(y)) = (
            words.get(i + 1).and_then(|w| number(w)),
            words.get(i + 2).and_then(|w| number(w)),
        ) {
            if y >= 1000 {
                return plausible(Date::new(y as i32, m, u8::try_from(d).ok()?)?);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<String> {
        parse_loose(s).map(|d| d.to_string())
    }

    #[test]
    fn reads_the_forms_sources_use() {
        for (input, want) in [
            ("2019-06-12", "2019-06-12"),
            ("2019-06-12T23:30:00-05:00", "2019-06-12"),
            ("2019/06/12 10:00", "2019-06-12"),
            ("20190612", "2019-06-12"),
            ("Wed, 12 Jun 2019 10:00:00 +0000", "2019-06-12"),
            ("12 June 2019", "2019-06-12"),
            ("June 12, 2019", "2019-06-12"),
            ("Sept. 3, 2021 5:00 PM", "2021-09-03"),
        ] {
            assert_eq!(d(input).as_deref(), Some(want), "{input}");
        }
        for bad in [
            "",
            "yesterday",
            "2019-13-01",
            "12/06/2019",
            "0001-01-01",
            "201906123",
        ] {
            assert_eq!(d(bad), None, "{bad}");
        }
    }

    #[test]
    fn unix_and_urls() {
        assert_eq!(
            from_unix(1_560_297_600.0).unwrap().to_string(),
            "2019-06-12"
        );
        assert_eq!(
            from_unix(1_560_297_600_000.0).unwrap().to_string(),
            "2019-06-12"
        );
        assert_eq!(
            from_url("https://example.com/news/2019/06/12/turkey-greece").map(|d| d.to_string()),
            Some("2019-06-12".into())
        );
        assert_eq!(
            from_url("https://example.com/world-20190612-turkey").map(|d| d.to_string()),
            Some("2019-06-12".into())
        );
        assert_eq!(from_url("https://example.com/2019/06/"), None);
        assert_eq!(from_url("https://example.com/id/12345678901"), None);
    }

    #[test]
    fn never_panics_on_any_slice() {
        let tricky =
            "2019-06-1\u{e9}/2019/\u{e9}6/12/\u{1F600}20190612\u{e9} June \u{e9}12, 2019 Sept. 3";
        let cuts: Vec<usize> = (0..=tricky.len())
            .filter(|&i| tricky.is_char_boundary(i))
            .collect();
        for &a in &cuts {
            for &b in cuts.iter().filter(|&&b| b >= a) {
                let s = &tricky[a..b];
                let _ = (parse_loose(s), from_url(s));
            }
        }
    }
}
