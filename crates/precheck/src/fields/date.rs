//! Calendar dates: a small exact type, the formats Chinese forms use, and the arithmetic the
//! rules need (add years with the 29 February rule, compare, count days).

use super::{normalize, text_input, CheckResult, FieldOptions, Input};
use crate::report::{codes, Raw};
use serde::{Serialize, Serializer};
use std::fmt;

/// Years accepted by the parser.
pub const MIN_YEAR: i32 = 1800;
pub const MAX_YEAR: i32 = 9999;

/// A proleptic Gregorian calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A real date, or `None`.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month) {
            Some(Date { year, month, day })
        } else {
            None
        }
    }
    pub fn year(self) -> i32 {
        self.year
    }
    pub fn month(self) -> u8 {
        self.month
    }
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days_since_epoch(self) -> i64 {
        // Civil-from-days inverse (H. Hinnant's algorithm, written from its description).
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01 (clamped to the years an `i32` holds: the arithmetic
    /// below then cannot overflow, and a year is never silently wrapped).
    pub fn from_days_since_epoch(days: i64) -> Date {
        let first = Date {
            year: i32::MIN,
            month: 1,
            day: 1,
        };
        let last = Date {
            year: i32::MAX,
            month: 12,
            day: 31,
        };
        let days = days.clamp(first.days_since_epoch(), last.days_since_epoch());
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// Add (or with a negative `n`, subtract) whole years; 29 February becomes 28 February in a
    /// common year ("3 years before 29 February is 28 February", RULES.md §2.1).
    pub fn add_years(self, n: i32) -> Date {
        let year = self.year.saturating_add(n);
        let day = self.day.min(days_in_month(year, self.month));
        Date {
            year,
            month: self.month,
            day,
        }
    }

    /// Add whole days (saturating at the first and last representable dates).
    pub fn add_days(self, n: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch().saturating_add(n))
    }

    /// Today in UTC+8 (China Standard Time), from the system clock. Native builds only: the
    /// wasm boundary passes the browser's date instead.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        Date::from_days_since_epoch((secs + 8 * 3600).div_euclid(86_400))
    }

    /// Parse the formats forms use: `2024-01-05`, `2024/1/5`, `2024.1.5`, `2024年1月5日`,
    /// `20240105` (full-width digits and surrounding spaces allowed). A time part after the
    /// date (`2024-01-05 08:00`, `2024-01-05T08:00:00Z`) is ignored.
    pub fn parse(input: &str) -> Result<Date, DateError> {
        // The common case, `YYYY-MM-DD` in ASCII digits: what the general path below gives for
        // it (normalising changes nothing, the parts are split at `-`), without its copies.
        if let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = *input.as_bytes() {
            if [y0, y1, y2, y3, m0, m1, d0, d1]
                .iter()
                .all(u8::is_ascii_digit)
            {
                let n = |ds: &[u8]| ds.iter().fold(0u32, |a, d| a * 10 + u32::from(d - b'0'));
                let year = n(&[y0, y1, y2, y3]) as i32;
                if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
                    return Err(DateError::OutOfRange);
                }
                return Date::new(year, n(&[m0, m1]) as u8, n(&[d0, d1]) as u8)
                    .ok_or(DateError::NotADate);
            }
        }
        let (s, _) = normalize::normalize(
            input,
            normalize::Rules {
                drop_spaces: false,
                drop_hyphens: false,
                upper_case: false,
            },
        );
        let s = s.as_str();
        // Drop a time part.
        let s = match s.split_once(['T', ' ']) {
            Some((date, _)) if date.len() >= 8 => date,
            _ => s,
        };
        let compact = (s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| Some(vec![s.get(0..4)?, s.get(4..6)?, s.get(6..8)?]))
            .flatten();
        let parts: Vec<&str> = if let Some(parts) = compact {
            parts
        } else if let Some(rest) = s.strip_suffix('日') {
            let (y, rest) = rest.split_once('年').ok_or(DateError::Format)?;
            let (m, d) = rest.split_once('月').ok_or(DateError::Format)?;
            vec![y, m, d]
        } else {
            let sep = s.chars().find(|c| matches!(c, '-' | '/' | '.'));
            match sep {
                Some(sep) => s.split(sep).collect(),
                None => return Err(DateError::Format),
            }
        };
        let [y, m, d] = parts.as_slice() else {
            return Err(DateError::Format);
        };
        let digits = |p: &str, min: usize, max: usize| -> Result<u32, DateError> {
            if p.len() < min || p.len() > max || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(DateError::Format);
            }
            p.parse().map_err(|_| DateError::Format)
        };
        let year = digits(y.trim(), 4, 4)? as i32;
        let month = digits(m.trim(), 1, 2)? as u8;
        let day = digits(d.trim(), 1, 2)? as u8;
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return Err(DateError::OutOfRange);
        }
        Date::new(year, month, day).ok_or(DateError::NotADate)
    }
}

impl Date {
    /// The ten bytes `YYYY-MM-DD` for years 0–9999 (what `write!` with `{:04}-{:02}-{:02}`
    /// gives for them).
    fn ten_bytes(&self) -> Option<[u8; 10]> {
        let (Ok(y @ 0..=9999), m @ 1..=12, d @ 1..=31) =
            (u16::try_from(self.year), self.month, self.day)
        else {
            return None;
        };
        let digit = |n: u16| b'0' + (n % 10) as u8;
        let (m, d) = (u16::from(m), u16::from(d));
        Some([
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
        ])
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Every date of a report is written (params, asOf): the ten bytes directly.
        if let Some(t) = self.ten_bytes() {
            if let Ok(t) = std::str::from_utf8(&t) {
                return f.write_str(t);
            }
        }
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl crate::report::ParamText for Date {
    /// `self.to_string()` without the formatter.
    fn param_text(self) -> String {
        match self
            .ten_bytes()
            .and_then(|t| String::from_utf8(t.to_vec()).ok())
        {
            Some(t) => t,
            None => self.to_string(),
        }
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Why a date did not parse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    /// Not in any accepted format.
    Format,
    /// Well formed but not on the calendar (2023-02-29, 2024-13-01).
    NotADate,
    /// Year outside [`MIN_YEAR`]..=[`MAX_YEAR`].
    OutOfRange,
}

impl DateError {
    /// The finding for this error, on `value` as entered.
    pub fn raw(self, value: &str) -> Raw {
        let code = match self {
            DateError::Format => codes::DATE_FORMAT,
            DateError::NotADate => codes::DATE_NOT_A_DATE,
            DateError::OutOfRange => codes::DATE_OUT_OF_RANGE,
        };
        let raw = Raw::error(code).with("value", value);
        if self == DateError::OutOfRange {
            raw.with("min", MIN_YEAR).with("max", MAX_YEAR)
        } else {
            raw
        }
    }
}

/// Decoded parts of a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateInfo {
    pub year: i32,
    pub month: u8,
    pub day: u8,
    /// ISO weekday, 1 = Monday … 7 = Sunday.
    pub weekday: u8,
}

/// Words for "valid without an end date" (长期) that a licence's `validUntil` or a registration's
/// `termEnd` may hold instead of a date (RULES.md §4.3, rev. 2). Compared after trimming and
/// lower-casing.
pub const LONG_TERM: &[&str] = &[
    "长期",
    "長期",
    "长期有效",
    "長期有效",
    "永久",
    "永久有效",
    "无固定期限",
    "無固定期限",
    "long-term",
    "long term",
    "permanent",
];

/// Whether `text` is one of the [`LONG_TERM`] words.
///
/// ASCII lower-casing gives the same answer as full Unicode lower-casing here (the words are
/// Han characters, which have no case, or lower-case ASCII without `k`: no other character
/// lower-cases to a letter of theirs but U+0130 İ, whose lower case carries U+0307) and keeps
/// the Unicode case tables (12 KB) out of the fields-only wasm module (issue 11).
pub fn is_long_term(text: &str) -> bool {
    LONG_TERM.contains(&text.trim().to_ascii_lowercase().as_str())
}

/// The value a long-term date normalises to.
pub const LONG_TERM_VALUE: &str = "长期";

/// Options of `parseDate` beside the common field options.
#[derive(Debug, Clone, Default)]
pub struct DateOptions {
    pub field: FieldOptions,
    /// `allowLongTerm`: a [`LONG_TERM`] word (长期, 長期, long-term, 长期有效 …) is a valid value:
    /// the result is ok, with no finding, `value` "长期" and no `info` (default false: it is a
    /// `date.format` error, as any other text).
    pub allow_long_term: bool,
}

/// `parseDate`: any accepted format → `YYYY-MM-DD`; with `allowLongTerm`, 长期 → "长期".
pub fn check(input: &Input, opts: &DateOptions) -> CheckResult<DateInfo> {
    let key = "date";
    let DateOptions {
        field: opts,
        allow_long_term,
    } = opts;
    let text = match text_input(input, true) {
        Ok(Some(t)) => t,
        Ok(None) => return CheckResult::empty(key, opts),
        Err(raw) => return CheckResult::fail(key, opts, vec![raw]),
    };
    if *allow_long_term && is_long_term(&text) {
        return CheckResult::build(key, opts, Some(LONG_TERM_VALUE.to_string()), vec![], None);
    }
    match Date::parse(&text) {
        Ok(d) => {
            let weekday = (d.days_since_epoch() + 3).rem_euclid(7) as u8 + 1;
            let info = DateInfo {
                year: d.year,
                month: d.month,
                day: d.day,
                weekday,
            };
            CheckResult::build(key, opts, Some(d.to_string()), vec![], Some(info))
        }
        Err(e) => CheckResult::fail(key, opts, vec![e.raw(text.trim())]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_writes_what_the_format_string_wrote() {
        for year in [-10_000, -1, 0, 7, 999, 1800, 2024, 9999, 10_000, 123_456] {
            for (month, day) in [(1, 1), (2, 29), (9, 9), (10, 31), (12, 31)] {
                let d = Date { year, month, day };
                assert_eq!(d.to_string(), format!("{year:04}-{month:02}-{day:02}"));
            }
        }
    }

    #[test]
    fn iso_dates_parse_as_the_general_path_reads_them() {
        // The direct YYYY-MM-DD path and the general one (a time part forces it) agree.
        for t in [
            "2024-02-29",
            "2023-02-29",
            "1799-12-31",
            "1800-01-01",
            "9999-12-31",
            "2024-00-10",
            "2024-13-01",
            "2024-04-31",
            "0000-01-01",
        ] {
            assert_eq!(Date::parse(t), Date::parse(&format!("{t}T00:00")), "{t}");
        }
    }
}
