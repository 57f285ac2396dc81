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
        self.pick(["zh-CN", "zh-TW", "en"])
    }

    fn column(self) -> usize {
        self.pick([0, 1, 2])
    }

    /// This locale's entry of a `[zh-CN, zh-TW, en]` triple (by pattern: nothing to index).
    pub fn pick<T>(self, [cn, tw, en]: [T; 3]) -> T {
        match self {
            Locale::ZhCn => cn,
            Locale::ZhTw => tw,
            Locale::En => en,
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
        locale.pick(self.texts)
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

/// A parameter's text. `{name:kind}` formats it:
/// - `date`: a `YYYY-MM-DD` value as `2027年3月15日` (zh) or `15 March 2027` (en);
/// - `money`: an amount in 元 (`2500000.00`) as `250万元` / `250萬元` when it is a whole
///   number of 百元 from 1万 up, else `1,999,999.99元`; `CNY 2,500,000` in English;
/// - any other word: the label-table row `kind.value` in the locale (`{got:type}` → `type.string`
///   → 文字), or the value itself when there is no such row.
fn lookup(name: &str, params: &Params, locale: Locale) -> Option<String> {
    match name.split_once(':') {
        Some((key, "date")) => params.get(key).map(|v| format_date(v, locale)),
        Some((key, "money")) => params.get(key).map(|v| format_money(v, locale)),
        Some((key, kind)) => params.get(key).map(|v| {
            let row = format!("{kind}.{v}");
            match tables::labels().get(&row) {
                Some(_) => field_label(&row, locale).to_string(),
                None => v.clone(),
            }
        }),
        None => params.get(name).cloned(),
    }
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `2027-03-15` → `2027年3月15日` / `15 March 2027`; anything unparsable unchanged.
pub(crate) fn format_date(v: &str, locale: Locale) -> String {
    let Ok(d) = crate::fields::date::Date::parse(v) else {
        return v.to_string();
    };
    match locale {
        Locale::En => {
            let month = MONTHS_EN
                .get(usize::from(d.month()).saturating_sub(1))
                .copied()
                .unwrap_or("");
            format!("{} {month} {}", d.day(), d.year())
        }
        _ => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
    }
}

/// Digits with thousands separators.
fn group_thousands(int: &str) -> String {
    let mut out = String::with_capacity(int.len() + int.len() / 3);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// An amount in 元 for a message (see [`lookup`]); anything unparsable unchanged.
pub(crate) fn format_money(v: &str, locale: Locale) -> String {
    use rust_decimal::Decimal;
    use std::str::FromStr;
    let Ok(yuan) = Decimal::from_str(v.trim()) else {
        return v.to_string();
    };
    let sign = if yuan.is_sign_negative() && !yuan.is_zero() {
        "-"
    } else {
        ""
    };
    let abs = yuan.abs();
    let plain = |d: Decimal| -> String {
        let d = d.normalize();
        let text = d.to_string();
        let (int, frac) = match text.split_once('.') {
            Some((i, f)) => (i.to_string(), Some(f.to_string())),
            None => (text, None),
        };
        match frac {
            Some(f) if locale == Locale::En || f.len() <= 2 => {
                format!("{}.{:0<2}", group_thousands(&int), f)
            }
            Some(f) => format!("{}.{f}", group_thousands(&int)),
            None => group_thousands(&int),
        }
    };
    let wan = Decimal::from(10_000);
    match locale {
        Locale::En => format!("{sign}CNY {}", plain(abs)),
        _ if abs >= wan && (abs % Decimal::from(100)).is_zero() => {
            let unit = if locale == Locale::ZhTw {
                "萬元"
            } else {
                "万元"
            };
            format!("{sign}{}{unit}", (abs / wan).normalize())
        }
        _ => format!("{sign}{}元", plain(abs)),
    }
}

/// Fill a template.
pub(crate) fn fill(template: &str, label: &str, params: &Params, locale: Locale) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        match after.split_once('}') {
            Some((name, tail)) => {
                match name {
                    "label" => out.push_str(label),
                    "Label" => {
                        let mut chars = label.chars();
                        if let Some(first) = chars.next() {
                            out.push(first.to_ascii_uppercase());
                            out.push_str(chars.as_str());
                        }
                    }
                    _ => match lookup(name, params, locale) {
                        Some(v) => out.push_str(&v),
                        None => {
                            out.push('{');
                            out.push_str(name);
                            out.push('}');
                        }
                    },
                }
                rest = tail;
            }
            None => {
                out.push('{');
                out.push_str(after);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_amounts_in_messages() {
        assert_eq!(format_date("2027-03-15", Locale::ZhCn), "2027年3月15日");
        assert_eq!(format_date("2027-03-01", Locale::ZhTw), "2027年3月1日");
        assert_eq!(format_date("2027-03-15", Locale::En), "15 March 2027");
        assert_eq!(format_date("nonsense", Locale::En), "nonsense");
        assert_eq!(format_money("2500000.00", Locale::ZhCn), "250万元");
        assert_eq!(format_money("2000000.00", Locale::ZhTw), "200萬元");
        assert_eq!(format_money("1999999.99", Locale::ZhCn), "1,999,999.99元");
        assert_eq!(format_money("123456700.00", Locale::ZhCn), "12345.67万元");
        assert_eq!(format_money("5000.50", Locale::ZhCn), "5,000.50元");
        assert_eq!(format_money("5000.5", Locale::ZhCn), "5,000.50元");
        assert_eq!(format_money("300.00", Locale::ZhCn), "300元");
        assert_eq!(format_money("2500000.00", Locale::En), "CNY 2,500,000");
        assert_eq!(format_money("1999999.99", Locale::En), "CNY 1,999,999.99");
        assert_eq!(format_money("-0.01", Locale::ZhCn), "-0.01元");
        assert_eq!(format_money("x", Locale::ZhCn), "x");
        let mut p = Params::new();
        p.insert("got".into(), "boolean".into());
        p.insert("on".into(), "2024-02-29".into());
        p.insert("kind".into(), "nope".into());
        assert_eq!(
            fill("{got:type} {on:date} {kind:penalty}", "", &p, Locale::ZhCn),
            "布尔值 2024年2月29日 nope"
        );
    }
}
