//! The policy parameters of a qualification check (RULES.md §2): numbers local practice varies,
//! with the RULES.md defaults. A portal overrides them in `opts.policy`; a bad value is a
//! structured error naming `opts.policy.<key>`.

use crate::fields::date::{days_in_month, Date};
use crate::fields::money::{self, Unit};
use crate::options::{Expected, Reader};
use crate::read::At;
use crate::report::{codes, Locale, Params, PrecheckError, Severity};
use crate::sorted::SortedMap;
use crate::value::Value;
use rust_decimal::Decimal;
use serde::Serialize;

/// The effective policy, echoed in every report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Policy {
    /// 较大数额罚款 per sector (rev. 2): a fine in a listed sector (the penalty's `sector`) is
    /// major from this many 元; any other from 2,000,000.00 (财库〔2022〕3号: a higher threshold
    /// set for a sector prevails only in that sector). Serialised as decimal strings.
    pub sector_fine_thresholds: SortedMap<String, Decimal>,
    /// Months of social-security payment needed within the payment window (1).
    pub social_security_months: u32,
    /// Months of tax payment needed within the payment window (1; rev. 2).
    pub tax_months: u32,
    /// The payment window in months before the deadline (12; some provinces 6 or 3; rev. 2).
    pub payment_window_months: u32,
    /// The oldest acceptable credit-list query, in days before the deadline (30).
    pub credit_query_max_age_days: u32,
    /// Whether a signed commitment (资格承诺函) may stand in for documents (true).
    pub allow_commitments: bool,
    /// What being on the 经营异常名录 is: `error` fails the group, `warning` (default) or `info`
    /// only reports it.
    pub abnormal_operation_severity: Severity,
    /// Pilot-era USCCs whose wrong check character is only a warning.
    pub uscc_pilot_allowlist: Vec<String>,
    /// The price deduction small and micro enterprises get in a package not reserved for SMEs,
    /// as the procurement documents set it (财库〔2022〕19号: "10%–20%" for goods and services).
    pub sme_price_deduction: String,
    /// What being on the market-regulation 严重违法失信名单 is (rev. 2): `warning` (default, a
    /// factor the purchaser weighs) or `error` (fails the group).
    pub serious_illegal_dishonest_severity: Severity,
    /// The month-day from which last year's audited report is due (rev. 2; `06-30`): a
    /// deadline before it still accepts the report of the year before last.
    pub audited_report_due_date: MonthDay,
    /// Whether a bank credit letter (银行资信证明) is financial evidence (rev. 2; true).
    pub accept_bank_credit_letter: bool,
    /// The oldest acceptable dated bank credit letter, in months before the deadline (6).
    pub bank_letter_max_age_months: u32,
}

/// A day of the year without the year (`06-30`), serialised as `MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct MonthDay {
    pub month: u8,
    pub day: u8,
}

impl MonthDay {
    /// `06-30`, `6-30`, `06/30`, `0630` (29 February allowed).
    pub fn parse(s: &str) -> Option<MonthDay> {
        let t = s.trim();
        let (m, d) = if t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) {
            (t.get(0..2)?, t.get(2..4)?)
        } else {
            t.split_once(['-', '/', '.'])?
        };
        let ok = |p: &str| !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit());
        if !ok(m) || !ok(d) {
            return None;
        }
        let month: u8 = m.parse().ok()?;
        let day: u8 = d.parse().ok()?;
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(2024, month))
            .then_some(MonthDay { month, day })
    }
    /// The month-day of a date.
    pub fn of(d: Date) -> MonthDay {
        MonthDay {
            month: d.month(),
            day: d.day(),
        }
    }
}

impl std::fmt::Display for MonthDay {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:02}-{:02}", self.month, self.day)
    }
}

impl crate::report::ParamText for MonthDay {
    fn param_text(self) -> String {
        self.to_string()
    }
}

impl Serialize for MonthDay {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// 2,000,000.00 元 (财库〔2022〕3号).
pub fn default_major_fine_threshold() -> Decimal {
    Decimal::new(200_000_000, 2)
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            sector_fine_thresholds: SortedMap::new(),
            social_security_months: 1,
            tax_months: 1,
            payment_window_months: 12,
            credit_query_max_age_days: 30,
            allow_commitments: true,
            abnormal_operation_severity: Severity::Warning,
            uscc_pilot_allowlist: vec![],
            sme_price_deduction: DEFAULT_SME_PRICE_DEDUCTION.to_string(),
            serious_illegal_dishonest_severity: Severity::Warning,
            audited_report_due_date: MonthDay { month: 6, day: 30 },
            accept_bank_credit_letter: true,
            bank_letter_max_age_months: 6,
        }
    }
}

impl Policy {
    /// The 较大数额罚款 threshold for a penalty of `sector` (rev. 2): the sector's own where the
    /// policy sets one, else 2,000,000.00 元.
    pub fn fine_threshold(&self, sector: Option<&str>) -> (Decimal, bool) {
        match sector.and_then(|s| self.sector_fine_thresholds.get(s.trim())) {
            Some(t) => (*t, true),
            None => (default_major_fine_threshold(), false),
        }
    }
}

/// The keys `opts.policy` may carry; any other is an error (a misspelt key must not silently
/// fall back to a default).
pub const KEYS: &[&str] = &[
    "sectorFineThresholds",
    "socialSecurityMonths",
    "creditQueryMaxAgeDays",
    "allowCommitments",
    "abnormalOperationSeverity",
    "usccPilotAllowlist",
    // rev. 2, tax and social security (rev2-b)
    "taxMonths",
    "paymentWindowMonths",
    "smePriceDeduction",
    "seriousIllegalDishonestSeverity",
    "auditedReportDueDate",
    "acceptBankCreditLetter",
    "bankLetterMaxAgeMonths",
];

/// 财库〔2022〕19号: 10%–20% for goods and services.
pub const DEFAULT_SME_PRICE_DEDUCTION: &str = "10%–20%";

/// A rate as procurement documents write it: `10%`, `15.5%`, or a range `10%–20%` (also with
/// `-`, `~`, `—` or `至`), each figure from 0 to 100 and a range's first not above its second.
fn is_deduction_rate(text: &str) -> bool {
    let percent = |s: &str| -> Option<Decimal> {
        let n = s.trim().strip_suffix('%')?.trim();
        if n.is_empty() || !n.chars().all(|c| c.is_ascii_digit() || c == '.') {
            return None;
        }
        let d: Decimal = n.parse().ok()?;
        (d <= Decimal::from(100)).then_some(d)
    };
    let range = ['–', '-', '~', '—', '至']
        .iter()
        .find_map(|sep| text.split_once(*sep));
    match range {
        Some((a, b)) => matches!((percent(a), percent(b)), (Some(a), Some(b)) if a <= b),
        None => percent(text).is_some(),
    }
}

/// Keys of revision 1 that are retired (rev. 2), with the code of the error that says why:
/// the three-year window is statutory (GPL Art. 22(五)); a portal-wide fine threshold has no
/// basis (财库〔2022〕3号 lets a higher threshold prevail only in its own sector).
pub const RETIRED_KEYS: &[(&str, &str)] = &[
    ("lookbackYears", codes::QUAL_POLICY_WINDOW_STATUTORY),
    ("majorFineThreshold", codes::QUAL_POLICY_THRESHOLD_RETIRED),
];

/// Most sectors in `sectorFineThresholds`.
pub const MAX_SECTORS: usize = 200;

fn integer(r: &Reader, key: &str, min: u32, max: u32) -> Result<Option<u32>, PrecheckError> {
    match r.number(key)? {
        None => Ok(None),
        Some(n) => match n.whole_in(min, max) {
            Some(v) => Ok(Some(v)),
            None => Err(r.bad_value(
                key,
                &n.f64_text(),
                Expected::WholeNumber {
                    min: min.into(),
                    max: max.into(),
                },
            )),
        },
    }
}

/// Read `opts.policy` (absent or `null`: the defaults).
pub fn read(v: Option<&Value>, locale: Locale) -> Result<Policy, PrecheckError> {
    let r = Reader::nested(v, "opts.policy", locale)?;
    if let Some((key, code)) = r
        .keys()
        .into_iter()
        .find_map(|k| RETIRED_KEYS.iter().find(|(retired, _)| *retired == k))
    {
        let mut p = Params::new();
        p.insert("key", (*key).into());
        p.insert("use", "opts.policy.sectorFineThresholds".into());
        return Err(r.error_with(code, key, p));
    }
    if let Some(unknown) = r.keys().into_iter().find(|k| !KEYS.contains(k)) {
        let mut p = Params::new();
        p.insert("key", unknown.chars().take(60).collect());
        p.insert("keys", KEYS.join(", "));
        return Err(r.error_with(codes::QUAL_POLICY_UNKNOWN, unknown, p));
    }
    let mut policy = Policy {
        sector_fine_thresholds: sector_thresholds(&r)?,
        ..Policy::default()
    };
    // rev. 2 (rev2-b): two duties, each at most the payment window.
    if let Some(n) = integer(&r, "paymentWindowMonths", 1, 36)? {
        policy.payment_window_months = n;
    }
    let window = policy.payment_window_months;
    if let Some(n) = integer(&r, "socialSecurityMonths", 1, window)? {
        policy.social_security_months = n;
    }
    if let Some(n) = integer(&r, "taxMonths", 1, window)? {
        policy.tax_months = n;
    }
    if let Some(n) = integer(&r, "creditQueryMaxAgeDays", 0, 3650)? {
        policy.credit_query_max_age_days = n;
    }
    if let Some(b) = r.bool("allowCommitments")? {
        policy.allow_commitments = b;
    }
    if let Some(s) = r.choice("abnormalOperationSeverity", &["error", "warning", "info"])? {
        policy.abnormal_operation_severity = match s.as_str() {
            "error" => Severity::Error,
            "info" => Severity::Info,
            _ => Severity::Warning,
        };
    }
    policy.uscc_pilot_allowlist = r.strings("usccPilotAllowlist")?;
    if let Some(rate) = r.string("smePriceDeduction")? {
        let rate = rate.trim();
        if !is_deduction_rate(rate) {
            return Err(r.bad_value("smePriceDeduction", rate, Expected::Rate));
        }
        policy.sme_price_deduction = rate.to_string();
    }
    if let Some(s) = r.choice("seriousIllegalDishonestSeverity", &["error", "warning"])? {
        policy.serious_illegal_dishonest_severity = if s == "error" {
            Severity::Error
        } else {
            Severity::Warning
        };
    }
    let key = "auditedReportDueDate";
    if let Some(s) = r.string(key)? {
        policy.audited_report_due_date =
            MonthDay::parse(&s).ok_or_else(|| r.bad_value(key, &s, Expected::MonthDay))?;
    }
    if let Some(b) = r.bool("acceptBankCreditLetter")? {
        policy.accept_bank_credit_letter = b;
    }
    if let Some(n) = integer(&r, "bankLetterMaxAgeMonths", 1, 60)? {
        policy.bank_letter_max_age_months = n;
    }
    Ok(policy)
}

/// `sectorFineThresholds`: `{ sector: amount }`, each amount (元 or 万元, text or number) at
/// least 2,000,000.00 元 — a sector's own threshold may only raise the general one (财库〔2022〕3号).
fn sector_thresholds(r: &Reader) -> Result<SortedMap<String, Decimal>, PrecheckError> {
    let key = "sectorFineThresholds";
    let mut out = SortedMap::new();
    let root = r.at();
    let map = root.key(key);
    let Some(map) = map.object().map_err(|w| r.wrong(map, w))? else {
        return Ok(out);
    };
    let entries = map.entries();
    if entries.len() > MAX_SECTORS {
        return Err(r.bad_value(
            key,
            &format!("{} sectors", entries.len()),
            Expected::AtMostEntries(MAX_SECTORS as u64),
        ));
    }
    for (sector, v) in entries {
        let name = sector.trim();
        let sub: String = sector.chars().take(60).collect();
        let sub_key = format!("{key}.{sub}");
        if name.is_empty() || name.chars().count() > 60 {
            return Err(r.bad_value(&sub_key, &sub, Expected::SectorName));
        }
        let at = At::new(Some(v), map.path.key(&sub));
        let text = match at.text() {
            Ok(Some(t)) => t,
            Ok(None) => return Err(r.wrong(at, at.wrong_type("string"))),
            Err(w) => return Err(r.wrong(at, w)),
        };
        let amount = money::parse_amount(text, Unit::Yuan, false)
            .map_err(|_| r.bad_value(&sub_key, text, Expected::AmountYuan))?;
        if amount.yuan < default_major_fine_threshold() {
            let mut p = Params::new();
            p.insert("value", amount.yuan.to_string());
            p.insert("min", default_major_fine_threshold().to_string());
            return Err(r.error_with(codes::QUAL_POLICY_THRESHOLD_LOWERED, &sub_key, p));
        }
        out.insert(name.to_string(), amount.yuan);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_days() {
        let md = |s: &str| MonthDay::parse(s).map(|m| m.to_string());
        assert_eq!(md("06-30"), Some("06-30".into()));
        assert_eq!(md("6-30"), Some("06-30".into()));
        assert_eq!(md("06/30"), Some("06-30".into()));
        assert_eq!(md("0630"), Some("06-30".into()));
        assert_eq!(md(" 4.1 "), Some("04-01".into()));
        assert_eq!(
            md("02-29"),
            Some("02-29".into()),
            "a leap day is a day of the year"
        );
        for bad in [
            "02-30",
            "06-31",
            "13-01",
            "00-10",
            "06-00",
            "6",
            "",
            "06-30-01",
            "a6-30",
            "０６-３０",
            "123-1",
        ] {
            assert_eq!(md(bad), None, "{bad}");
        }
        // Ordered as days of the year.
        let d = |m, day| MonthDay { month: m, day };
        assert!(d(6, 29) < d(6, 30) && d(6, 30) < d(7, 1) && d(2, 28) < d(2, 29));
    }

    #[test]
    fn fine_threshold_of_a_sector() {
        let mut p = Policy::default();
        p.sector_fine_thresholds
            .insert("生态环境".into(), Decimal::new(500_000_000, 2));
        let (t, own) = p.fine_threshold(Some(" 生态环境 "));
        assert_eq!((t.to_string().as_str(), own), ("5000000.00", true));
        for other in [None, Some("市场监管"), Some(""), Some("生态")] {
            let (t, own) = p.fine_threshold(other);
            assert_eq!(
                (t.to_string().as_str(), own),
                ("2000000.00", false),
                "{other:?}"
            );
        }
    }
}
