//! Findings, their stable codes, legal bases and localised messages.
//!
//! Every check in the crate produces [`Finding`]s. A finding is first built
//! "raw" (code, path, severity, params) by the rule that found it and then
//! rendered into the requested [`Locale`] from the message table in
//! `data/messages.tsv`, which is compiled in. No message text lives in code.

pub mod codes;
pub mod json;
mod messages;

use serde::Serialize;

#[cfg(feature = "qualification")]
pub(crate) use messages::fill as fill_template;
pub use messages::{field_label, table_codes, Locale};

/// `n` in decimal appended to `out`, without `core::fmt` (paths, dates in messages, amounts,
/// the fields' JSON): the one integer writer of the crate and of the wasm boundary.
pub fn push_u64(out: &mut String, mut n: u64) {
    // One or two digits (months, days, indices, counts): most numbers written.
    if n < 100 {
        if n >= 10 {
            out.push(char::from(b'0' + (n / 10) as u8));
        }
        out.push(char::from(b'0' + (n % 10) as u8));
        return;
    }
    // The digits from the end of a buffer (a u64 has at most 20), appended at once.
    let mut digits = [b'0'; 20];
    let mut at = digits.len();
    loop {
        at = at.saturating_sub(1);
        if let Some(d) = digits.get_mut(at) {
            // `n % 10` is below 10.
            *d = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend(digits.iter().skip(at).map(|d| char::from(*d)));
}

/// [`push_u64`] with a sign.
pub fn push_i64(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    push_u64(out, n.unsigned_abs());
}

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The value is wrong: the field or the group fails.
    Error,
    /// Suspicious or non-standard, but not a failure.
    Warning,
    /// For the applicant's information (e.g. what was normalised).
    Info,
}

/// Parameters of a finding: locale-neutral strings (dates `YYYY-MM-DD`, amounts `1234.56`),
/// by names fixed in the code, in key order (as they are written out).
pub type Params = crate::sorted::SortedMap<&'static str, String>;

/// One finding, rendered (RULES.md §6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The form field to highlight, e.g. `uscc` or `penalties[2].fineAmount`.
    pub path: String,
    /// Stable code, e.g. `uscc.check_char`; see [`codes`].
    pub code: &'static str,
    pub severity: Severity,
    /// The check group (qualification only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<&'static str>,
    /// The legal basis or standard the rule comes from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basis: Option<&'static str>,
    /// The message in the requested locale, naming the field by its label.
    pub message: String,
    pub params: Params,
}

/// Room for the parameters of a finding, made at its first: one allocation for a finding of up
/// to eight (a vector grows from four entries, so five cost a second allocation and a copy).
const MOST_PARAMS: usize = 8;

/// A finding before it is rendered: what a rule produces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Raw {
    pub code: &'static str,
    pub severity: Severity,
    pub params: Params,
}

impl Raw {
    pub fn new(code: &'static str, severity: Severity) -> Self {
        Raw {
            code,
            severity,
            params: Params::new(),
        }
    }
    pub fn error(code: &'static str) -> Self {
        Self::new(code, Severity::Error)
    }
    pub fn warning(code: &'static str) -> Self {
        Self::new(code, Severity::Warning)
    }
    pub fn info(code: &'static str) -> Self {
        Self::new(code, Severity::Info)
    }
    /// Add a parameter.
    #[inline]
    pub fn with(self, key: &'static str, value: impl ParamText) -> Self {
        self.with_text(key, value.param_text())
    }
    /// [`Raw::with`] once the value is text: one copy of the insertion in the module, not one
    /// per type of value.
    fn with_text(mut self, key: &'static str, text: String) -> Self {
        if self.params.is_empty() {
            self.params.reserve(MOST_PARAMS);
        }
        self.params.insert(key, text);
        self
    }
}

/// A parameter's value as the text a finding carries: what `to_string()` gives, written
/// directly for the numbers and dates the rules use (no round through `core::fmt` for each
/// parameter of each finding), moved when it is already a `String`.
pub trait ParamText {
    fn param_text(self) -> String;
}

impl ParamText for &str {
    fn param_text(self) -> String {
        self.to_string()
    }
}

impl ParamText for &&str {
    fn param_text(self) -> String {
        (*self).to_string()
    }
}

impl ParamText for String {
    fn param_text(self) -> String {
        self
    }
}

impl ParamText for &String {
    fn param_text(self) -> String {
        self.clone()
    }
}

impl ParamText for char {
    fn param_text(self) -> String {
        self.to_string()
    }
}

impl ParamText for &char {
    fn param_text(self) -> String {
        self.to_string()
    }
}

impl ParamText for bool {
    fn param_text(self) -> String {
        if self { "true" } else { "false" }.to_string()
    }
}

/// Integers as their digits: each type widened to `$wide` (saturating) and written by `$push`.
macro_rules! integer_param {
    ($push:ident, $wide:ty, $max:expr; $($t:ty),*) => {$(
        impl ParamText for $t {
            fn param_text(self) -> String {
                let mut out = String::with_capacity(20);
                $push(&mut out, <$wide>::try_from(self).unwrap_or($max));
                out
            }
        }
    )*};
}
integer_param!(push_u64, u64, u64::MAX; u8, u16, u32, u64, usize);
integer_param!(push_i64, i64, i64::MAX; i8, i16, i32, i64, isize);

impl ParamText for rust_decimal::Decimal {
    fn param_text(self) -> String {
        decimal_text(self)
    }
}

impl ParamText for &rust_decimal::Decimal {
    fn param_text(self) -> String {
        decimal_text(*self)
    }
}

/// `d.to_string()`: for a non-negative amount of at most 19 decimals whose mantissa fits 64
/// bits (every amount of a form) the digits with the point at the scale, else rust_decimal's
/// `Display`.
fn decimal_text(d: rust_decimal::Decimal) -> String {
    let scale = d.scale();
    let mantissa = u64::try_from(d.mantissa()).ok();
    let pow = (0..scale).try_fold(1u64, |p, _| p.checked_mul(10));
    match (mantissa, pow) {
        (Some(m), Some(pow)) if !d.is_sign_negative() => {
            let mut out = String::with_capacity(24);
            push_u64(&mut out, m / pow);
            if scale > 0 {
                out.push('.');
                let frac = m % pow;
                // The fraction's digits, zero-padded to the scale.
                let mut digits = [b'0'; 20];
                let mut n = frac;
                for d in digits.iter_mut().take(scale as usize).rev() {
                    // `n % 10` is below 10.
                    *d = b'0' + (n % 10) as u8;
                    n /= 10;
                }
                for d in digits.iter().take(scale as usize) {
                    out.push(char::from(*d));
                }
            }
            out
        }
        _ => d.to_string(),
    }
}

/// Where and how findings are rendered: the field path, its label and the locale.
#[derive(Debug, Clone)]
pub struct Context<'a> {
    pub locale: Locale,
    pub path: &'a str,
    /// The label as the form shows it (falls back to the field's default label).
    pub label: &'a str,
    pub group: Option<&'static str>,
}

impl Context<'_> {
    /// Render a raw finding into a [`Finding`].
    pub fn render(&self, raw: Raw) -> Finding {
        self.render_at(self.path.to_string(), raw)
    }

    /// Render a raw finding at `path` (this context's path, owned: not copied again).
    pub(crate) fn render_at(&self, path: String, raw: Raw) -> Finding {
        let entry = messages::entry(raw.code);
        let template = entry.map(|e| e.text(self.locale)).unwrap_or(raw.code);
        let message = messages::fill(template, self.label, &raw.params, self.locale);
        Finding {
            path,
            code: raw.code,
            severity: raw.severity,
            group: self.group,
            basis: entry.and_then(|e| e.basis()),
            message,
            params: raw.params,
        }
    }

    /// Render many.
    pub fn render_all(&self, raws: Vec<Raw>) -> Vec<Finding> {
        raws.into_iter().map(|r| self.render(r)).collect()
    }
}

/// A structured error for a call that cannot be checked at all (bad options, not bad values).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PrecheckError {
    pub code: String,
    /// The argument or option at fault, e.g. `opts.locale`.
    pub path: String,
    pub message: String,
    /// Every problem, for errors about a whole document (a catalogue that cannot be loaded).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<Finding>,
}

impl std::fmt::Display for PrecheckError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {} ({})", self.path, self.message, self.code)
    }
}

impl std::error::Error for PrecheckError {}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;
    use std::str::FromStr;

    #[test]
    fn param_texts_are_what_to_string_gives() {
        for n in [0u64, 1, 9, 10, 99, 100, 2026, 65_535, 1 << 32, u64::MAX] {
            assert_eq!(n.param_text(), n.to_string());
        }
        for n in [0i64, -1, 7, -2026, i64::MIN, i64::MAX] {
            assert_eq!(n.param_text(), n.to_string());
        }
        assert_eq!(usize::MAX.param_text(), usize::MAX.to_string());
        assert_eq!(true.param_text(), "true");
        for d in [
            "0",
            "0.00",
            "0.05",
            "5",
            "50000.00",
            "6000.50",
            "2000000.00",
            "1.5",
            "123.456",
            "-0",
            "-0.00",
            "-1.50",
            "0.0000000000000000001",
            "18446744073709551615",
            "18446744073709551616",
            "79228162514264337593543950335",
            "1e-28",
            "12345678901234.56",
        ] {
            let v = Decimal::from_str(d)
                .or_else(|_| Decimal::from_scientific(d))
                .unwrap();
            assert_eq!(v.param_text(), v.to_string(), "{d}");
            assert_eq!((&v).param_text(), v.to_string(), "{d}");
        }
        let d = crate::fields::date::Date::new(2026, 3, 5).unwrap();
        assert_eq!(d.param_text(), d.to_string());
    }
}
