//! The message table (`data/messages.tsv`) and field labels (`data/labels.tsv`), compiled in.
//!
//! Table format: one row per code, tab-separated: `code  basis  zh-CN  zh-TW  en`.
//! `basis` may be `-` (none). Templates use `{label}` (`{Label}` capitalises it, for English
//! sentence starts) and `{param}` for any parameter of the finding.

use super::Params;
use serde::Serialize;

use crate::tables;

/// The message languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub enum Locale {
    /// Simplified Chinese (the default).
    #[default]
    #[serde(rename = "zh-CN")]
    ZhCn,
    /// Traditional Chinese.
    #[serde(rename = "zh-TW")]
    ZhTw,
    /// English.
    #[serde(rename = "en")]
    En,
}

impl Locale {
    /// Parse a BCP 47 tag leniently: `zh-CN`, `zh`, `zh-Hans` → zh-CN; `zh-TW`, `zh-HK`,
    /// `zh-MO`, `zh-Hant` → zh-TW; `en`, `en-GB`, … → en. Anything else is `None`.
    pub fn parse(tag: &str) -> Option<Locale> {
        let t = tag.trim().to_ascii_lowercase().replace('_', "-");
        let mut parts = t.split('-');
        match parts.next()? {
            "en" => Some(Locale::En),
            "zh" => {
                let rest: Vec<&str> = parts.collect();
                if rest
                    .iter()
                    .any(|p| matches!(*p, "tw" | "hk" | "mo" | "hant"))
                {
                    Some(Locale::ZhTw)
                } else {
                    Some(Locale::ZhCn)
                }
            }
            _ => None,
        }
    }

    /// The tag as written in the tables.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::ZhCn => "zh-CN",
            Locale::ZhTw => "zh-TW",
            Locale::En => "en",
        }
    }

    fn column(self) -> usize {
        match self {
            Locale::ZhCn => 0,
            Locale::ZhTw => 1,
            Locale::En => 2,
        }
    }
}

/// One row of the message table.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Entry {
    basis: &'static str,
    texts: [&'static str; 3],
}

impl Entry {
    pub(crate) fn text(&self, locale: Locale) -> &'static str {
        self.texts[locale.column()]
    }
    pub(crate) fn basis(&self) -> Option<&'static str> {
        if self.basis == "-" || self.basis.is_empty() {
            None
        } else {
            Some(self.basis)
        }
    }
}

/// The table row for a code.
pub(crate) fn entry(code: &str) -> Option<Entry> {
    match tables::messages().get(code)? {
        [basis, cn, tw, en] => Some(Entry {
            basis,
            texts: [cn, tw, en],
        }),
        _ => None,
    }
}

/// Every code in the message table, in file order (for tests and docs).
pub fn table_codes() -> Vec<&'static str> {
    tables::messages().keys().to_vec()
}

/// The default label of a field key (`uscc`, `idNumber`, …) in a locale; the key itself if unknown.
pub fn field_label(key: &str, locale: Locale) -> &str {
    match tables::labels().get(key) {
        Some(cols) => cols.get(locale.column()).copied().unwrap_or(key),
        None => key,
    }
}

/// A parameter's text; `{name:type}` renders a type word (`string`, `object`, …) in the
/// locale through the label table (`type.string`, …).
fn lookup(name: &str, params: &Params) -> Option<String> {
    match name.split_once(':') {
        Some((key, "type")) => params.get(key).map(|v| format!("type.{v}")),
        _ => params.get(name).cloned(),
    }
}

/// Fill a template.
pub(crate) fn fill(template: &str, label: &str, params: &Params, locale: Locale) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                let name = &after[..end];
                match name {
                    "label" => out.push_str(label),
                    "Label" => {
                        let mut chars = label.chars();
                        if let Some(first) = chars.next() {
                            out.push(first.to_ascii_uppercase());
                            out.push_str(chars.as_str());
                        }
                    }
                    _ => match lookup(name, params) {
                        Some(v) if v.starts_with("type.") => {
                            out.push_str(field_label(&v, locale).trim_start_matches("type."))
                        }
                        Some(v) => out.push_str(&v),
                        None => {
                            out.push('{');
                            out.push_str(name);
                            out.push('}');
                        }
                    },
                }
                rest = &after[end + 1..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}
