//! `tax_and_social_security` (GPL Art. 22(四), RULES.md §2, rev. 2): two duties checked one by
//! one — tax payment months (`taxPaidMonths`, at least policy `taxMonths`) and social-security
//! payment months (`socialSecurityPaidMonths`, at least `socialSecurityMonths`) within the
//! `paymentWindowMonths` before the deadline; each may carry its own exemption with a reason
//! (`taxExemption`, `socialSecurityExemption`). The rev. 1 `paidMonths` and `exemption` still
//! count for both. Not a tax 非正常户 (organisations only).

use super::eval::{At, Eval, Outcome, G};
use super::window::Month;
use crate::fields::date::{days_in_month, Date};
use crate::report::{codes, Raw};
use crate::sorted::SortedSet;
use crate::value::Value;

pub const TAX_KEYS: &[&str] = &[
    "paidMonths",
    "exemption",
    "abnormalTaxpayer",
    // rev. 2
    "taxPaidMonths",
    "socialSecurityPaidMonths",
    "taxExemption",
    "socialSecurityExemption",
];

const G_TAX: Option<G> = Some(G::Tax);

/// `d` moved back `n` months (a day the month lacks becomes its last day: 31 March − 1 month
/// is 28 or 29 February; 29 February − 12 months is 28 February, as `add_years(-1)`).
pub fn months_back(d: Date, n: u32) -> Date {
    let index = i64::from(d.year()) * 12 + i64::from(d.month()) - 1 - i64::from(n);
    let year = i32::try_from(index.div_euclid(12)).unwrap_or(i32::MIN);
    let month = u8::try_from(index.rem_euclid(12) + 1).unwrap_or(1);
    let day = d.day().min(days_in_month(year, month));
    Date::new(year, month, day).unwrap_or(d)
}

/// Where a payment month lies relative to the `window` months before the deadline: it counts
/// when it overlaps `(as_of − window months, as_of]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Before,
    Inside,
    After,
}

pub fn place(m: Month, as_of: Date, window: u32) -> Place {
    let start = months_back(as_of, window);
    match (m.first_day(), m.last_day()) {
        (Some(first), _) if first > as_of => Place::After,
        (_, Some(last)) if last <= start => Place::Before,
        _ => Place::Inside,
    }
}

/// The first and last month that count for `as_of`.
pub fn window_months(as_of: Date, window: u32) -> (Month, Month) {
    let start = months_back(as_of, window).add_days(1);
    (month_of(start), month_of(as_of))
}

fn month_of(d: Date) -> Month {
    Month {
        year: d.year(),
        month: d.month(),
    }
}

/// `m` plus `n` months.
fn month_plus(m: Month, n: u32) -> Month {
    let index = i64::from(m.year) * 12 + i64::from(m.month) - 1 + i64::from(n);
    Month {
        year: i32::try_from(index.div_euclid(12)).unwrap_or(i32::MAX),
        month: u8::try_from(index.rem_euclid(12) + 1).unwrap_or(1),
    }
}

/// The first month E after the deadline's month such that, paying every month from the one
/// after the deadline's through the month before E, a deadline on the first day of E has
/// `required` months in its window (the counted months still inside it included).
pub fn eligible_from(counted: &SortedSet<Month>, required: u32, as_of: Date, window: u32) -> Month {
    let deadline_month = month_of(as_of);
    let mut j: u32 = 1;
    loop {
        let e = month_plus(deadline_month, j);
        let first = e.first_day().unwrap_or(as_of);
        let old = counted
            .iter()
            .filter(|m| place(**m, first, window) == Place::Inside)
            .count();
        let assumed = j.saturating_sub(1).min(window);
        let total = u32::try_from(old)
            .unwrap_or(u32::MAX)
            .saturating_add(assumed);
        if total >= required || j > window.saturating_add(required) {
            return e;
        }
        j = j.saturating_add(1);
    }
}

/// One duty: its keys, its policy minimum and its codes.
struct Duty {
    months: &'static str,
    exemption: &'static str,
    insufficient: &'static str,
    exempt_code: &'static str,
}

const DUTIES: [Duty; 2] = [
    Duty {
        months: "taxPaidMonths",
        exemption: "taxExemption",
        insufficient: codes::TAX_TAX_MONTHS_INSUFFICIENT,
        exempt_code: codes::TAX_TAX_EXEMPTION,
    },
    Duty {
        months: "socialSecurityPaidMonths",
        exemption: "socialSecurityExemption",
        insufficient: codes::TAX_SOCIAL_SECURITY_MONTHS_INSUFFICIENT,
        exempt_code: codes::TAX_SOCIAL_SECURITY_EXEMPTION,
    },
];

/// Months read from one list: the counted ones, whether the list was given, whether an
/// entry could not be read (it might have counted).
struct Read {
    given: bool,
    counted: SortedSet<Month>,
    unreadable: bool,
}

impl Eval<'_> {
    pub fn tax_and_social_security(&mut self, app: At) {
        let t = self.object(G_TAX, app.key("taxSocialSecurity"));
        self.evidence_path(
            G::Tax,
            t.is_some(),
            self.commitments.tax,
            "taxAndSocialSecurity",
            "taxSocialSecurity",
        );
        let Some(t) = t else { return };
        self.unknown_keys(t, TAX_KEYS);
        let rel = t.key("abnormalTaxpayer");
        if self.flag(G_TAX, rel) == Some(true) && !self.is_natural_person() {
            self.push(
                G_TAX,
                rel,
                Raw::error(codes::TAX_ABNORMAL_TAXPAYER),
                Outcome::Fail,
            );
        }
        let both_exempt = self.exemption(t, "exemption", codes::TAX_EXEMPTION);
        let shared = self.months(t, "paidMonths");
        for duty in &DUTIES {
            let exempt = self.exemption(t, duty.exemption, duty.exempt_code);
            let own = self.months(t, duty.months);
            if exempt || both_exempt {
                continue;
            }
            let needed = if duty.months == "taxPaidMonths" {
                self.ctx.policy.tax_months
            } else {
                self.ctx.policy.social_security_months
            };
            self.duty_months(duty, needed, &shared, &own);
        }
    }

    /// `taxSocialSecurity.<key>: { reason }`: true when a reason is given (info finding).
    fn exemption(&mut self, t: At, key: &str, code: &'static str) -> bool {
        let Some(ex) = self.object(G_TAX, t.key(key)) else {
            return false;
        };
        self.unknown_keys(ex, &["reason"]);
        let r = ex.key("reason");
        let Some(reason) = self.need(G_TAX, r, |e| e.text(G_TAX, r)) else {
            return false;
        };
        self.push(
            G_TAX,
            r,
            Raw::info(code).with("reason", reason),
            Outcome::Note,
        );
        true
    }

    /// Read a list of payment months; months outside the window are information, months after
    /// the deadline and unreadable months leave the group incomplete.
    fn months(&mut self, t: At, key: &str) -> Read {
        let as_of = self.ctx.as_of;
        let window = self.ctx.policy.payment_window_months;
        let rel = t.key(key);
        let list = self.array(G_TAX, rel);
        let mut out = Read {
            given: list.is_some(),
            counted: SortedSet::new(),
            unreadable: false,
        };
        let before = self.notes.len();
        let (first, last) = window_months(as_of, window);
        for i in 0..list.map_or(0, <[Value]>::len) {
            let r = rel.index(i);
            let Some(text) = self.text(G_TAX, r) else {
                continue;
            };
            let Some(m) = Month::parse(text) else {
                self.push(
                    G_TAX,
                    r,
                    Raw::error(codes::TAX_MONTH_FORMAT)
                        .with("value", text.chars().take(20).collect::<String>()),
                    Outcome::Incomplete,
                );
                continue;
            };
            match place(m, as_of, window) {
                Place::Inside => {
                    out.counted.insert(m);
                }
                Place::Before => self.push(
                    G_TAX,
                    r,
                    Raw::info(codes::TAX_MONTH_OUTSIDE_WINDOW)
                        .with("month", m)
                        .with("window", window)
                        .with("from", first)
                        .with("to", last),
                    Outcome::Note,
                ),
                Place::After => self.push(
                    G_TAX,
                    r,
                    Raw::error(codes::TAX_MONTH_AFTER_DEADLINE)
                        .with("month", m)
                        .with("asOf", as_of),
                    Outcome::Incomplete,
                ),
            }
        }
        out.unreadable = self
            .notes
            .iter()
            .skip(before)
            .any(|n| n.outcome == Outcome::Incomplete);
        out
    }

    /// One duty's months: its own list and the shared `paidMonths` together.
    fn duty_months(&mut self, duty: &Duty, needed: u32, shared: &Read, own: &Read) {
        let as_of = self.ctx.as_of;
        let window = self.ctx.policy.payment_window_months;
        let rel = format!("taxSocialSecurity.{}", duty.months);
        if !shared.given && !own.given {
            self.required(G_TAX, &rel);
            return;
        }
        // The union, without `collect` (which sorts: one more copy of the sort; issue 11).
        let mut counted = shared.counted.clone();
        counted.extend(own.counted.iter().copied());
        if u32::try_from(counted.len()).unwrap_or(u32::MAX) >= needed {
            return;
        }
        let (first, last) = window_months(as_of, window);
        let path = if own.given {
            rel
        } else {
            "taxSocialSecurity.paidMonths".to_string()
        };
        let unreadable = shared.unreadable || own.unreadable;
        self.push(
            G_TAX,
            &path,
            Raw::error(duty.insufficient)
                .with("count", counted.len())
                .with("required", needed)
                .with("window", window)
                .with("from", first)
                .with("to", last)
                .with("payFrom", month_plus(month_of(as_of), 1))
                .with(
                    "eligibleFrom",
                    eligible_from(&counted, needed, as_of, window),
                ),
            if unreadable {
                Outcome::Incomplete
            } else {
                Outcome::Fail
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }
    fn m(s: &str) -> Month {
        Month::parse(s).unwrap()
    }

    #[test]
    fn months_back_clamps_to_the_month_end() {
        assert_eq!(months_back(d(2026, 3, 31), 1), d(2026, 2, 28));
        assert_eq!(months_back(d(2024, 3, 31), 1), d(2024, 2, 29));
        assert_eq!(months_back(d(2024, 2, 29), 12), d(2023, 2, 28));
        assert_eq!(months_back(d(2026, 1, 15), 3), d(2025, 10, 15));
        // 12 months back is one year back, every day of a leap year and the next.
        let mut day = d(2024, 1, 1);
        for _ in 0..800 {
            assert_eq!(months_back(day, 12), day.add_years(-1), "{day}");
            day = day.add_days(1);
        }
    }

    #[test]
    fn window_of_6_and_3_months() {
        let as_of = d(2026, 3, 15);
        // 6 months: (2025-09-15, 2026-03-15]; 2025-09 overlaps, 2025-08 does not.
        assert_eq!(place(m("2025-09"), as_of, 6), Place::Inside);
        assert_eq!(place(m("2025-08"), as_of, 6), Place::Before);
        assert_eq!(place(m("2026-03"), as_of, 6), Place::Inside);
        assert_eq!(place(m("2026-04"), as_of, 6), Place::After);
        let (a, b) = window_months(as_of, 6);
        assert_eq!(
            (a.to_string(), b.to_string()),
            ("2025-09".into(), "2026-03".into())
        );
        // 3 months on the last day of a month: 2025-12-31 → window starts 2026-01.
        let as_of = d(2026, 3, 31);
        assert_eq!(place(m("2025-12"), as_of, 3), Place::Before);
        assert_eq!(place(m("2026-01"), as_of, 3), Place::Inside);
        assert_eq!(window_months(as_of, 3).0.to_string(), "2026-01");
        // 12 months: as rev. 1.
        assert_eq!(place(m("2025-03"), d(2026, 3, 15), 12), Place::Inside);
        assert_eq!(place(m("2025-02"), d(2026, 3, 15), 12), Place::Before);
    }

    #[test]
    fn eligible_from_counts_forward() {
        let as_of = d(2026, 3, 15);
        let none = SortedSet::new();
        // Nothing paid, one month needed: pay 2026-04, eligible from 2026-05.
        assert_eq!(eligible_from(&none, 1, as_of, 12).to_string(), "2026-05");
        // One month paid, three needed: pay 04 and 05, eligible from 06.
        let one: SortedSet<Month> = [m("2026-02")].into_iter().collect();
        assert_eq!(eligible_from(&one, 3, as_of, 12).to_string(), "2026-06");
        // Window of 3: 2026-02 drops out of a deadline on 2026-06-01 (window from 2026-03).
        assert_eq!(eligible_from(&one, 3, as_of, 3).to_string(), "2026-07");
        // Across the year end.
        assert_eq!(
            eligible_from(&none, 1, d(2026, 12, 10), 12).to_string(),
            "2027-02"
        );
    }
}
