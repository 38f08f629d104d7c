//! A calendar date without time zone — all dyad needs to check dated dictionary roles and stamp
//! events with their publication date. Days are counted with the proleptic Gregorian
//! days-from-civil algorithm, so comparisons and differences are integer operations.

use std::fmt;
use std::str::FromStr;

/// A Gregorian calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// Why a date string could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid date {input:?}: expected YYYY-MM-DD (e.g. 2021-12-23)")]
pub struct DateError {
    pub input: String,
}

impl Date {
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Days since 1970-01-01.
    pub fn to_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719468;
        let era = z.div_euclid(146097);
        let doe = z - era * 146097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        Date {
            year: (y + i64::from(m <= 2)) as i32,
            month: m,
            day: d,
        }
    }

    /// Day of the week, 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday).
    pub fn weekday(self) -> u8 {
        (self.to_days() + 3).rem_euclid(7) as u8
    }

    /// The date `n` days later (earlier when `n` is negative).
    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.to_days() + n)
    }

    /// Today in UTC, from the system clock.
    pub fn today_utc() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        Date::from_days(secs.div_euclid(86400))
    }
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl FromStr for Date {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Date, DateError> {
        let err = || DateError {
            input: s.to_string(),
        };
        let t = s.trim();
        let parts: Vec<&str> = t.split('-').collect();
        if parts.len() != 3 || parts[0].len() != 4 || parts[1].len() != 2 || parts[2].len() != 2 {
            return Err(err());
        }
        let y = parts[0].parse().map_err(|_| err())?;
        let m = parts[1].parse().map_err(|_| err())?;
        let d = parts[2].parse().map_err(|_| err())?;
        Date::new(y, m, d).ok_or_else(err)
    }
}

impl fmt::Display for Date {
    /// `YYYY-MM-DD`. A year of four digits (every date news gives) is written digit by digit:
    /// each article's date and each dated event's is printed, and `write!`'s padding of three
    /// numbers cost more than the rest of resolving a time expression.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digit = |n: u32| b'0' + (n % 10) as u8;
        match u32::try_from(self.year) {
            Ok(y @ 0..=9999) if self.month < 100 && self.day < 100 => {
                let (m, d) = (u32::from(self.month), u32::from(self.day));
                let text = [
                    digit(y / 1000),
                    digit(y / 100),
                    digit(y / 10),
                    digit(y),
                    b'-',
                    digit(m / 10),
                    digit(m),
                    b'-',
                    digit(d / 10),
                    digit(d),
                ];
                f.write_str(std::str::from_utf8(&text).map_err(|_| fmt::Error)?)
            }
            _ => write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The digit-by-digit writing is `write!`'s padding.
    #[test]
    fn prints_as_padded_numbers() {
        for (year, month, day) in [
            (2019, 6, 12),
            (0, 1, 1),
            (987, 12, 31),
            (9999, 2, 3),
            (10000, 1, 1),
            (-5, 3, 4),
            (2020, 255, 99),
        ] {
            let d = Date { year, month, day };
            assert_eq!(d.to_string(), format!("{year:04}-{month:02}-{day:02}"));
        }
    }

    #[test]
    fn parses_and_prints() {
        let d: Date = "2019-06-12".parse().unwrap();
        assert_eq!(d.to_string(), "2019-06-12");
        assert!("2019-02-29".parse::<Date>().is_err());
        assert!("2020-02-29".parse::<Date>().is_ok());
        assert!("12/06/2019".parse::<Date>().is_err());
        assert!("".parse::<Date>().is_err());
    }

    #[test]
    fn day_counts_round_trip() {
        assert_eq!(Date::new(1970, 1, 1).unwrap().to_days(), 0);
        for days in [-1000, 0, 59, 60, 18000, 20000, 30000] {
            assert_eq!(Date::from_days(days).to_days(), days);
        }
        assert_eq!(
            Date::new(2021, 3, 1).unwrap().to_days() - Date::new(2021, 2, 28).unwrap().to_days(),
            1
        );
    }

    #[test]
    fn weekdays_and_day_steps() {
        assert_eq!(Date::new(1970, 1, 1).unwrap().weekday(), 3);
        assert_eq!(Date::new(2021, 12, 23).unwrap().weekday(), 3);
        assert_eq!(Date::new(2022, 1, 3).unwrap().weekday(), 0);
        assert_eq!(Date::new(1969, 12, 28).unwrap().weekday(), 6);
        let d = Date::new(2020, 2, 28).unwrap();
        assert_eq!(d.add_days(1).to_string(), "2020-02-29");
        assert_eq!(d.add_days(2).to_string(), "2020-03-01");
        assert_eq!(d.add_days(-59).to_string(), "2019-12-31");
    }
}
