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
/// by names fixed in the code, kept in key order (as they are written out).
///
/// A map of a few entries (one to a dozen) in one sorted vector: what a `BTreeMap` did here
/// with one node per finding and its own insert, search and drop code in the module (issue 13:
/// allocation is a third of a check; issue 11: every monomorphisation ships).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Params(Vec<(&'static str, String)>);

impl Params {
    pub const fn new() -> Self {
        Params(Vec::new())
    }
    /// Where `key` is (`Ok`) or would go (`Err`).
    fn find(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| (*k).cmp(key))
    }
    /// Set `key` to `value`; the value it had, if any.
    pub fn insert(&mut self, key: &'static str, value: String) -> Option<String> {
        match self.find(key) {
            Ok(i) => self
                .0
                .get_mut(i)
                .map(|e| std::mem::replace(&mut e.1, value)),
            Err(i) => {
                self.0.insert(i, (key, value));
                None
            }
        }
    }
    pub fn get(&self, key: &str) -> Option<&String> {
        let i = self.find(key).ok()?;
        self.0.get(i).map(|(_, v)| v)
    }
    pub fn get_mut(&mut self, key: &str) -> Option<&mut String> {
        let i = self.find(key).ok()?;
        self.0.get_mut(i).map(|(_, v)| v)
    }
    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }
    pub fn remove(&mut self, key: &str) -> Option<String> {
        let i = self.find(key).ok()?;
        Some(self.0.remove(i).1)
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// The entries in key order.
    pub fn iter(
        &self,
    ) -> impl DoubleEndedIterator<Item = (&'static str, &String)> + ExactSizeIterator + '_ {
        self.0.iter().map(|(k, v)| (*k, v))
    }
    pub fn keys(&self) -> impl ExactSizeIterator<Item = &'static str> + '_ {
        self.0.iter().map(|(k, _)| *k)
    }
    pub fn values(&self) -> impl ExactSizeIterator<Item = &String> + '_ {
        self.0.iter().map(|(_, v)| v)
    }
}

impl<'a> IntoIterator for &'a Params {
    type Item = (&'static str, &'a String);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (&'static str, String)>,
        fn(&'a (&'static str, String)) -> (&'static str, &'a String),
    >;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (*k, v))
    }
}

impl FromIterator<(&'static str, String)> for Params {
    fn from_iter<I: IntoIterator<Item = (&'static str, String)>>(iter: I) -> Self {
        let mut p = Params::new();
        for (k, v) in iter {
            p.insert(k, v);
        }
        p
    }
}

impl<const N: usize> From<[(&'static str, String); N]> for Params {
    fn from(entries: [(&'static str, String); N]) -> Self {
        entries.into_iter().collect()
    }
}

/// `params["key"]`, as a map's: the key must be there (tests and callers that set it).
impl std::ops::Index<&str> for Params {
    type Output = String;
    #[allow(clippy::panic)] // the contract of `Index`, as `BTreeMap`'s
    fn index(&self, key: &str) -> &String {
        match self.get(key) {
            Some(v) => v,
            None => panic!("no param {key:?}"),
        }
    }
}

/// An object of strings in key order, as the `BTreeMap` it replaced.
impl Serialize for Params {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

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
    pub fn with(mut self, key: &'static str, value: impl ParamText) -> Self {
        self.params.insert(key, value.param_text());
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

    /// Params behave as the `BTreeMap` they replaced: key order whatever the insertion order,
    /// the last value of a key kept (and the one it replaced returned), JSON in key order.
    #[test]
    fn params_are_a_map_in_key_order() {
        let mut p = Params::new();
        assert!(p.is_empty());
        for (k, v) in [("m", "1"), ("b", "2"), ("z", "3"), ("a", "4"), ("b", "5")] {
            let old = p.insert(k, v.to_string());
            assert_eq!(old.is_some(), k == "b" && v == "5", "{k}");
        }
        assert_eq!(p.keys().collect::<Vec<_>>(), ["a", "b", "m", "z"]);
        assert_eq!(
            p.values().map(String::as_str).collect::<Vec<_>>(),
            ["4", "5", "1", "3"]
        );
        assert_eq!((p.len(), p["b"].as_str(), p.get("q")), (4, "5", None));
        assert!(p.contains_key("z") && !p.contains_key("y"));
        *p.get_mut("z").unwrap() = "9".into();
        assert_eq!(p.remove("m").as_deref(), Some("1"));
        assert_eq!(p.remove("m"), None);
        let mut text = String::new();
        json::push_params(&mut text, &p);
        assert_eq!(text, r#"{"a":"4","b":"5","z":"9"}"#);
        assert_eq!(serde_json::to_string(&p).unwrap(), text);
        let reversed: Params = p.iter().rev().map(|(k, v)| (k, v.clone())).collect();
        assert_eq!(reversed, p);
        assert_eq!(
            Params::from([("z", "9".to_string()), ("a", "4".into()), ("b", "5".into())]),
            p
        );
    }

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
