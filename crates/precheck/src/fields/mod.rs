//! Field checks (RULES.md §5): one module per identifier or value.
//!
//! Every check takes an [`Input`] (what the form field holds, whatever its type) and its
//! options, and returns a [`CheckResult`]: `ok`, the normalised `value`, rendered `findings`
//! and decoded `info`. Bad input never panics: it becomes findings.

pub mod date;
pub mod divisions;
pub mod mobile;
pub mod money;
pub mod normalize;
pub mod org_code;
pub mod regno15;
pub mod resident_id;
pub mod uppercase;
pub mod uscc;

use crate::options::FieldOptions;
use crate::report::{codes, field_label, Context, Finding, Raw, Severity};
use crate::value::Value;
use serde::Serialize;

/// Values longer than this (in characters) are refused before any other work.
pub const MAX_LEN: usize = 200;

/// What a form field holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    /// `null`, `undefined` or absent.
    Missing,
    Text(String),
    /// A number, as its shortest decimal text (see [`crate::value::number_text`]).
    Number(String),
    /// Anything else; the type name for the message (`boolean`, `object`, `array`, …).
    Other(&'static str),
}

impl From<&str> for Input {
    fn from(s: &str) -> Self {
        Input::Text(s.to_string())
    }
}

impl From<String> for Input {
    fn from(s: String) -> Self {
        Input::Text(s)
    }
}

impl From<&Value<'_>> for Input {
    fn from(v: &Value) -> Self {
        match v {
            Value::Null => Input::Missing,
            Value::String(s) => Input::Text(s.to_string()),
            Value::Number(n) => Input::Number(n.to_string()),
            other => Input::Other(other.type_name()),
        }
    }
}

/// The text of an input: `Ok(None)` when missing or blank, `Err` with the finding when it is of
/// the wrong type or too long. Numbers are accepted as their decimal text when `accept_number`.
pub(crate) fn text_input(input: &Input, accept_number: bool) -> Result<Option<String>, Raw> {
    let text = match input {
        Input::Missing => return Ok(None),
        Input::Text(s) => s.clone(),
        Input::Number(n) if accept_number => n.clone(),
        Input::Number(_) => return Err(Raw::error(codes::FIELD_NUMBER_NOT_TEXT)),
        Input::Other(t) => return Err(Raw::error(codes::FIELD_WRONG_TYPE).with("got", t)),
    };
    Ok(text_present(&text)?.then_some(text))
}

/// What [`text_input`] checks of a text: `Err` with the finding when it is too long, `Ok(false)`
/// when it is blank, `Ok(true)` when there is text.
pub(crate) fn text_present(text: &str) -> Result<bool, Raw> {
    let len = text.chars().count();
    if len > MAX_LEN {
        return Err(Raw::error(codes::FIELD_TOO_LONG)
            .with("length", len)
            .with("max", MAX_LEN));
    }
    Ok(!text.chars().all(normalize::is_space))
}

/// The `field.normalized` info finding, when normalisation changed anything.
pub(crate) fn normalized_note(
    original: &str,
    normalized: &str,
    changes: &[normalize::Change],
) -> Option<Raw> {
    if changes.is_empty() || original == normalized {
        return None;
    }
    let names: Vec<&str> = changes.iter().map(|c| c.name()).collect();
    Some(
        Raw::info(codes::FIELD_NORMALIZED)
            .with("original", original)
            .with("normalized", normalized)
            .with("changes", names.join(",")),
    )
}

/// A field check's result before its findings are rendered: what the qualification check
/// takes (the findings stay raw until the report is rendered, with the application's path,
/// label and group), and what [`RawCheck::render`] turns into a [`CheckResult`].
#[derive(Debug, Clone)]
pub(crate) struct RawCheck<I> {
    pub value: Option<String>,
    pub raws: Vec<Raw>,
    pub info: Option<I>,
}

impl<I> RawCheck<I> {
    /// A failing result with no value.
    pub(crate) fn fail(raws: Vec<Raw>) -> Self {
        RawCheck {
            value: None,
            raws,
            info: None,
        }
    }

    /// An empty field: passes unless required.
    pub(crate) fn empty(opts: &FieldOptions) -> Self {
        let raws = if opts.required {
            vec![Raw::error(codes::FIELD_REQUIRED)]
        } else {
            vec![]
        };
        Self::fail(raws)
    }

    /// No error-severity finding.
    pub(crate) fn ok(&self) -> bool {
        !self.raws.iter().any(|r| r.severity == Severity::Error)
    }

    /// The result with its findings rendered for field `key` under `opts`.
    pub(crate) fn render(self, key: &str, opts: &FieldOptions) -> CheckResult<I> {
        CheckResult::build(key, opts, self.value, self.raws, self.info)
    }
}

/// The findings of field `key` rendered under `opts` (default label and path), and whether
/// none is an error: the part of [`CheckResult::build`] that does not depend on the info type
/// (one copy in the module, not one per check).
fn render_field(key: &str, opts: &FieldOptions, raws: Vec<Raw>) -> (bool, Vec<Finding>) {
    let label = opts
        .label
        .as_deref()
        .unwrap_or_else(|| field_label(key, opts.locale));
    let ctx = Context {
        locale: opts.locale,
        path: opts.path.as_deref().unwrap_or(key),
        label,
        group: None,
    };
    let findings = ctx.render_all(raws);
    let ok = !findings.iter().any(|f| f.severity == Severity::Error);
    (ok, findings)
}

/// The result of a field check.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckResult<I> {
    /// No error-severity finding.
    pub ok: bool,
    /// The normalised value (`null` when empty or unusable).
    pub value: Option<String>,
    pub findings: Vec<Finding>,
    /// Decoded parts, when the value could be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub info: Option<I>,
}

impl<I> CheckResult<I> {
    /// Render raw findings for field `key` (default label and path) under `opts`.
    pub(crate) fn build(
        key: &str,
        opts: &FieldOptions,
        value: Option<String>,
        raws: Vec<Raw>,
        info: Option<I>,
    ) -> Self {
        let (ok, findings) = render_field(key, opts, raws);
        CheckResult {
            ok,
            value,
            findings,
            info,
        }
    }

    /// A failing result with no value.
    pub(crate) fn fail(key: &str, opts: &FieldOptions, raws: Vec<Raw>) -> Self {
        Self::build(key, opts, None, raws, None)
    }

    /// An empty field: passes unless required.
    pub(crate) fn empty(key: &str, opts: &FieldOptions) -> Self {
        let raws = if opts.required {
            vec![Raw::error(codes::FIELD_REQUIRED)]
        } else {
            vec![]
        };
        Self::build(key, opts, None, raws, None)
    }
}
