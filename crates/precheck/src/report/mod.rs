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
use std::collections::BTreeMap;

#[cfg(feature = "qualification")]
pub(crate) use messages::fill as fill_template;
pub use messages::{field_label, table_codes, Locale};

/// `n` in decimal appended to `out`, without `core::fmt` (paths, dates in messages, amounts,
/// the fields' JSON): the one integer writer of the crate and of the wasm boundary.
pub fn push_u64(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut len = 0;
    loop {
        if let Some(d) = digits.get_mut(len) {
            // `n % 10` is below 10.
            *d = b'0' + (n % 10) as u8;
        }
        len += 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for d in digits.iter().take(len).rev() {
        out.push(char::from(*d));
    }
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
/// by names fixed in the code.
pub type Params = BTreeMap<&'static str, String>;

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
    pub fn with(mut self, key: &'static str, value: impl ToString) -> Self {
        self.params.insert(key, value.to_string());
        self
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
