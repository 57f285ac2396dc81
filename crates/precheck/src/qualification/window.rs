//! Date windows of the rules, as pure functions (RULES.md §2, §2.1).

use crate::fields::date::{days_in_month, Date};

/// The window of GPL Art. 22(五) ("参加政府采购活动前三年内"): fixed by statute (rev. 2; it was
/// the policy parameter `lookbackYears` in revision 1).
pub const WINDOW_YEARS: u32 = 3;

/// The same day `months` months earlier, clamped to the month's end (31 August − 6 months =
/// 28 or 29 February).
pub fn months_before(d: Date, months: u32) -> Date {
    let total = i64::from(d.year()) * 12 + i64::from(d.month()) - 1 - i64::from(months);
    let year = i32::try_from(total.div_euclid(12)).unwrap_or(i32::MIN);
    let month = u8::try_from(total.rem_euclid(12) + 1).unwrap_or(1);
    let day = d.day().min(days_in_month(year, month));
    Date::new(year, month, day).unwrap_or(d)
}

/// Whether a decision on `decided` counts on the deadline `as_of` under the window rule
/// `as_of − years < decided ≤ as_of` ("3 years before 29 February" is 28 February).
pub fn in_window(decided: Date, as_of: Date, years: u32) -> bool {
    let start = as_of.add_years(years_back(years));
    start < decided && decided <= as_of
}

/// The first deadline on which a decision of `decided` no longer counts: normally
/// `decided + years`; for a decision on 29 February, 1 March (on 28 February the record still
/// counts, since 28 Feb − 3 years < 29 Feb).
pub fn clears_on(decided: Date, years: u32) -> Date {
    let d = decided.add_years(i32::try_from(years).unwrap_or(i32::MAX));
    // `add_years` moved 29 Feb back to 28 Feb: then 1 March is the first day outside the window.
    if d.add_years(years_back(years)) < decided {
        d.add_days(1)
    } else {
        d
    }
}

/// `-years` as an `i32` (no wrap for a huge `years`).
fn years_back(years: u32) -> i32 {
    i32::try_from(years).map_or(i32::MIN, |y| -y)
}

/// A calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i32,
    pub month: u8,
}

impl Month {
    /// `2025-03`, `2025/3`, `2025.03`, `2025年3月`, `202503`.
    pub fn parse(s: &str) -> Option<Month> {
        let t: String = s.trim().chars().filter(|c| !c.is_whitespace()).collect();
        let t = t.strip_suffix('月').unwrap_or(&t);
        let (y, m) = if t.len() == 6 && t.bytes().all(|b| b.is_ascii_digit()) {
            (t.get(0..4)?, t.get(4..6)?)
        } else {
            t.split_once(['-', '/', '.', '年'])?
        };
        if y.len() != 4 || m.is_empty() || m.len() > 2 {
            return None;
        }
        if !y.bytes().all(|b| b.is_ascii_digit()) || !m.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i32 = y.parse().ok()?;
        let month: u8 = m.parse().ok()?;
        ((1..=12).contains(&month) && (1800..=9999).contains(&year))
            .then_some(Month { year, month })
    }
    pub fn first_day(self) -> Option<Date> {
        Date::new(self.year, self.month, 1)
    }
    pub fn last_day(self) -> Option<Date> {
        Date::new(self.year, self.month, days_in_month(self.year, self.month))
    }
}

impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl crate::report::ParamText for Month {
    fn param_text(self) -> String {
        self.to_string()
    }
}

/// Where a payment month lies relative to "the 12 months before the deadline": the month
/// counts when it overlaps `(as_of − 1 year, as_of]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MonthPlace {
    Before,
    Inside,
    After,
}

pub fn month_place(m: Month, as_of: Date) -> MonthPlace {
    let start = as_of.add_years(-1);
    match (m.first_day(), m.last_day()) {
        (Some(first), _) if first > as_of => MonthPlace::After,
        (_, Some(last)) if last <= start => MonthPlace::Before,
        _ => MonthPlace::Inside,
    }
}

/// The first and last month that count for `as_of`.
pub fn month_window(as_of: Date) -> (Month, Month) {
    let start = as_of.add_years(-1).add_days(1);
    (
        Month {
            year: start.year(),
            month: start.month(),
        },
        Month {
            year: as_of.year(),
            month: as_of.month(),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn window_edges() {
        let as_of = d(2026, 3, 15);
        assert!(
            !in_window(d(2023, 3, 15), as_of, 3),
            "exactly 3 years: outside"
        );
        assert!(in_window(d(2023, 3, 16), as_of, 3), "one day later: inside");
        assert!(in_window(as_of, as_of, 3), "on the deadline: inside");
        assert!(!in_window(d(2026, 3, 16), as_of, 3), "after the deadline");
    }

    #[test]
    fn leap_days() {
        // Decision on 29 Feb 2024: counts on 28 Feb 2027, not on 1 Mar 2027.
        let dec = d(2024, 2, 29);
        assert!(in_window(dec, d(2027, 2, 28), 3));
        assert!(!in_window(dec, d(2027, 3, 1), 3));
        assert_eq!(clears_on(dec, 3), d(2027, 3, 1));
        // Deadline on 29 Feb 2028: the window starts after 28 Feb 2025.
        assert!(!in_window(d(2025, 2, 28), d(2028, 2, 29), 3));
        assert!(in_window(d(2025, 3, 1), d(2028, 2, 29), 3));
        // Four years: 29 Feb to 29 Feb.
        assert_eq!(clears_on(dec, 4), d(2028, 2, 29));
        assert!(!in_window(dec, d(2028, 2, 29), 4));
        assert!(in_window(dec, d(2028, 2, 28), 4));
    }

    #[test]
    fn clears_on_is_the_first_day_outside() {
        let mut dec = d(2023, 1, 1);
        for _ in 0..800 {
            let c = clears_on(dec, 3);
            assert!(!in_window(dec, c, 3), "{dec} {c}");
            assert!(in_window(dec, c.add_days(-1), 3), "{dec} {c}");
            dec = dec.add_days(1);
        }
    }

    #[test]
    fn months_before_clamps_to_the_month_end() {
        assert_eq!(months_before(d(2026, 3, 15), 6), d(2025, 9, 15));
        assert_eq!(months_before(d(2026, 8, 31), 6), d(2026, 2, 28));
        assert_eq!(months_before(d(2028, 8, 31), 6), d(2028, 2, 29));
        assert_eq!(months_before(d(2026, 1, 31), 1), d(2025, 12, 31));
        assert_eq!(months_before(d(2026, 5, 31), 12), d(2025, 5, 31));
        assert_eq!(months_before(d(2026, 3, 15), 0), d(2026, 3, 15));
    }

    #[test]
    fn months() {
        assert_eq!(
            Month::parse("2025-3"),
            Some(Month {
                year: 2025,
                month: 3
            })
        );
        assert_eq!(
            Month::parse("2025年03月").map(|m| m.to_string()),
            Some("2025-03".into())
        );
        assert_eq!(
            Month::parse("202503").map(|m| m.to_string()),
            Some("2025-03".into())
        );
        assert_eq!(Month::parse("2025-13"), None);
        assert_eq!(Month::parse("2025-03-01"), None);
        assert_eq!(Month::parse(""), None);
        let as_of = d(2026, 3, 15);
        let m = |s: &str| month_place(Month::parse(s).unwrap(), as_of);
        assert_eq!(m("2025-02"), MonthPlace::Before);
        assert_eq!(m("2025-03"), MonthPlace::Inside);
        assert_eq!(m("2026-03"), MonthPlace::Inside);
        assert_eq!(m("2026-04"), MonthPlace::After);
        let (a, b) = month_window(as_of);
        assert_eq!(
            (a.to_string(), b.to_string()),
            ("2025-03".into(), "2026-03".into())
        );
        // Deadline on the last day of a month: that month a year ago no longer overlaps.
        let as_of = d(2026, 3, 31);
        assert_eq!(
            month_place(Month::parse("2025-03").unwrap(), as_of),
            MonthPlace::Before
        );
        assert_eq!(month_window(as_of).0.to_string(), "2025-04");
    }
}
