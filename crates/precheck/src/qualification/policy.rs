//! The policy parameters of a qualification check (RULES.md §2): numbers local practice varies,
//! with the RULES.md defaults. A portal overrides them in `opts.policy`; a bad value is a
//! structured error naming `opts.policy.<key>`.

use crate::fields::money::{self, Unit};
use crate::options::{Expected, Reader};
use crate::report::{codes, Locale, Params, PrecheckError, Severity};
use crate::value::Value;
use rust_decimal::Decimal;
use serde::Serialize;

/// The effective policy, echoed in every report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Policy {
    /// 较大数额罚款: a fine of at least this many 元 is major (财库〔2022〕3号: 2,000,000.00;
    /// a sector threshold may only raise it). Serialised as a decimal string.
    pub major_fine_threshold: Decimal,
    /// The window of GPL Art. 22(五) in years (3).
    pub lookback_years: u32,
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
}

/// 2,000,000.00 元 (财库〔2022〕3号).
pub fn default_major_fine_threshold() -> Decimal {
    Decimal::new(200_000_000, 2)
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            major_fine_threshold: default_major_fine_threshold(),
            lookback_years: 3,
            social_security_months: 1,
            tax_months: 1,
            payment_window_months: 12,
            credit_query_max_age_days: 30,
            allow_commitments: true,
            abnormal_operation_severity: Severity::Warning,
            uscc_pilot_allowlist: vec![],
            sme_price_deduction: DEFAULT_SME_PRICE_DEDUCTION.to_string(),
        }
    }
}

/// The keys `opts.policy` may carry; any other is an error (a misspelt key must not silently
/// fall back to a default).
pub const KEYS: &[&str] = &[
    "majorFineThreshold",
    "lookbackYears",
    "socialSecurityMonths",
    "creditQueryMaxAgeDays",
    "allowCommitments",
    "abnormalOperationSeverity",
    "usccPilotAllowlist",
    // rev. 2, tax and social security (rev2-b)
    "taxMonths",
    "paymentWindowMonths",
    "smePriceDeduction",
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

fn integer(r: &Reader, key: &str, min: u32, max: u32) -> Result<Option<u32>, PrecheckError> {
    match r.number(key)? {
        None => Ok(None),
        Some(n) if n.fract() == 0.0 && n >= f64::from(min) && n <= f64::from(max) => {
            Ok(Some(n as u32))
        }
        Some(n) => Err(r.bad_value(
            key,
            &n.to_string(),
            Expected::WholeNumber {
                min: min.into(),
                max: max.into(),
            },
        )),
    }
}

/// Read `opts.policy` (absent or `null`: the defaults).
pub fn read(v: Option<&Value>, locale: Locale) -> Result<Policy, PrecheckError> {
    let r = Reader::nested(v, "opts.policy", locale)?;
    if let Some(unknown) = r.keys().into_iter().find(|k| !KEYS.contains(k)) {
        let mut p = Params::new();
        p.insert("key".into(), unknown.chars().take(60).collect());
        p.insert("keys".into(), KEYS.join(", "));
        return Err(r.error_with(codes::QUAL_POLICY_UNKNOWN, unknown, p));
    }
    let mut policy = Policy::default();
    let key = "majorFineThreshold";
    if let Some(raw) = r.raw(key) {
        let text = match raw {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.clone(),
            _ => return Err(r.wrong_type_of(key, "string")),
        };
        let amount = money::parse_amount(&text, Unit::Yuan, false)
            .map_err(|_| r.bad_value(key, &text, Expected::AmountYuan))?;
        if amount.yuan < default_major_fine_threshold() {
            let mut p = Params::new();
            p.insert("value".into(), amount.yuan.to_string());
            p.insert("min".into(), default_major_fine_threshold().to_string());
            return Err(r.error_with(codes::QUAL_POLICY_THRESHOLD_LOWERED, key, p));
        }
        policy.major_fine_threshold = amount.yuan;
    }
    if let Some(n) = integer(&r, "lookbackYears", 1, 10)? {
        policy.lookback_years = n;
    }
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
    Ok(policy)
}
