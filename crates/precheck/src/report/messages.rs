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
    code: &'static str,
    basis: &'static str,
    /// zh-CN, zh-TW, en as compiled (a derived zh-TW text is `=`: see [`tables::Table::text`]).
    texts: [&'static str; 3],
}

impl Entry {
    pub(crate) fn text(&self, locale: Locale) -> &'static str {
        let text = locale.pick(self.texts);
        tables::messages().resolve(self.code, text).unwrap_or(text)
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
pub(crate) fn entry(code: &'static str) -> Option<Entry> {
    match tables::messages().get(code)? {
        [basis, cn, tw, en] => Some(Entry {
            code,
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
    tables::labels().text(key, locale.column()).unwrap_or(key)
}

/// A parameter's text. `{name:kind}` formats it:
/// - `date`: a `YYYY-MM-DD` value as `2027年3月15日` (zh) or `15 March 2027` (en);
/// - `money`: an amount in 元 (`2500000.00`) as `250万元` / `250萬元` when it is a whole
///   number of 百元 from 1万 up, else `1,999,999.99元`; `CNY 2,500,000` in English;
/// - `list`: words written `a | b | c` as a list in the locale (`a、b、c` / `a, b, c`);
/// - any other word: the label-table row `kind.value` in the locale (`{got:type}` → `type.string`
///   → 文字), or the value itself when there is no such row. A row may itself use the
///   finding's parameters (`expected.item_code`: `{catalogue}目录中的服务事项代码`); they are
///   filled once (a row's own `{x:kind}` rows are not filled again).
fn lookup(out: &mut String, name: &str, params: &Params, locale: Locale, nested: bool) -> bool {
    let Some((key, kind)) = split_at_byte(name, b':') else {
        return params.get(name).map(|v| out.push_str(v)).is_some();
    };
    let Some(v) = params.get(key) else {
        return false;
    };
    match kind {
        "date" => push_date(out, v, locale),
        // No message of the field checks formats money (build.rs holds the fields-only build
        // to that): that build leaves rust_decimal's parser and arithmetic out.
        #[cfg(feature = "catalogue")]
        "money" => out.push_str(&format_money(v, locale)),
        "list" => {
            let sep = locale.pick(["、", "、", ", "]);
            // The parts between ` | ` separators, as `v.split(" | ")` gives them, found byte by
            // byte (issue 11: no substring searcher and its panic path in the fields module).
            let mut rest: &str = v;
            let mut first = true;
            loop {
                let cut = rest.as_bytes().windows(3).position(|w| w == b" | ");
                let (part, tail) =
                    match cut.and_then(|i| Some((rest.get(..i)?, rest.get(i + 3..)?))) {
                        Some((p, t)) => (p, Some(t)),
                        None => (rest, None),
                    };
                if !first {
                    out.push_str(sep);
                }
                first = false;
                out.push_str(part);
                match tail {
                    Some(t) => rest = t,
                    None => break,
                }
            }
        }
        kind => {
            let mut row = String::with_capacity(kind.len() + 1 + v.len());
            row.push_str(kind);
            row.push('.');
            row.push_str(v);
            let row = row.as_str();
            let labels = tables::labels();
            match labels.get(row) {
                // As `field_label(row, locale)`, the row looked up once.
                Some(cols) => {
                    let text = cols
                        .get(locale.column())
                        .and_then(|cell| labels.resolve(row, cell))
                        .unwrap_or(row);
                    // A row without placeholders is its own filling.
                    if nested || !text.as_bytes().contains(&b'{') {
                        out.push_str(text);
                    } else {
                        let text = fill_once(text, "", params, locale, true);
                        out.push_str(&text);
                    }
                }
                None => out.push_str(v),
            }
        }
    }
    true
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

/// [`format_date`] appended to `out` (no string of its own).
fn push_date(out: &mut String, v: &str, locale: Locale) {
    let Ok(d) = crate::fields::date::Date::parse(v) else {
        out.push_str(v);
        return;
    };
    let num = crate::report::push_i64;
    match locale {
        Locale::En => {
            num(out, i64::from(d.day()));
            out.push(' ');
            out.push_str(
                MONTHS_EN
                    .get(usize::from(d.month()).saturating_sub(1))
                    .copied()
                    .unwrap_or(""),
            );
            out.push(' ');
            num(out, i64::from(d.year()));
        }
        _ => {
            num(out, i64::from(d.year()));
            out.push('年');
            num(out, i64::from(d.month()));
            out.push('月');
            num(out, i64::from(d.day()));
            out.push('日');
        }
    }
}

/// `2027-03-15` → `2027年3月15日` / `15 March 2027`; anything unparsable unchanged (the
/// reference [`push_date`] is tested against).
#[cfg(test)]
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
#[cfg(feature = "catalogue")]
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
#[cfg(feature = "catalogue")]
pub(crate) fn format_money(v: &str, locale: Locale) -> String {
    format_money_plain(v, locale).unwrap_or_else(|| format_money_decimal(v, locale))
}

/// [`format_money_decimal`] of the amounts the rules write (`2000000.00`, `6000.50`, `300`:
/// digits without a leading zero, then none or two decimals), from the digits alone — no
/// `Decimal` parsed, normalised, divided and written again. `None` for any other text.
#[cfg(feature = "catalogue")]
fn format_money_plain(v: &str, locale: Locale) -> Option<String> {
    let (int, frac) = match split_at_byte(v, b'.') {
        Some((i, f)) => (i, f),
        None => (v, "00"),
    };
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    let plain = !int.is_empty()
        && int.len() <= 15
        && digits(int)
        && (int == "0" || !int.starts_with('0'))
        && frac.len() == 2
        && digits(frac);
    if !plain {
        return None;
    }
    // The decimals without trailing zeros (`normalize`).
    let frac = frac.trim_end_matches('0');
    let mut out = String::with_capacity(int.len() + 16);
    let grouped = |out: &mut String, int: &str| out.push_str(&group_thousands(int));
    let wan_unit = locale.pick(["万元", "萬元", ""]);
    if locale == Locale::En {
        out.push_str("CNY ");
    }
    if locale != Locale::En && int.len() >= 5 && frac.is_empty() && int.ends_with("00") {
        // A whole number of 百元 from 1万 up: in 万, written as `normalize` writes it.
        let cut = int.len() - 4;
        let (wan, rest) = (int.get(..cut)?, int.get(cut..)?);
        let rest = rest.trim_end_matches('0');
        out.push_str(wan);
        if !rest.is_empty() {
            out.push('.');
            out.push_str(rest);
        }
        out.push_str(wan_unit);
        return Some(out);
    }
    grouped(&mut out, int);
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
        if frac.len() < 2 {
            out.push('0');
        }
    }
    if locale != Locale::En {
        out.push('元');
    }
    Some(out)
}

/// [`format_money`] through `Decimal`: any amount.
#[cfg(feature = "catalogue")]
fn format_money_decimal(v: &str, locale: Locale) -> String {
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
    fill_once(template, label, params, locale, false)
}

/// `text.split_once(c)` for an ASCII `c` (an ASCII byte is never part of a longer character,
/// so both sides are text), looked for eight bytes at a time ([`super::json::next_byte`]).
#[inline]
fn split_at_byte(text: &str, c: u8) -> Option<(&str, &str)> {
    let i = super::json::next_byte(text.as_bytes(), c)?;
    Some((text.get(..i)?, text.get(i + 1..)?))
}

/// Fill a template; `nested`: it is a label-table row filled for a parameter of a message.
fn fill_once(template: &str, label: &str, params: &Params, locale: Locale, nested: bool) -> String {
    // Room for the parameters most messages carry: one allocation.
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some((before, after)) = split_at_byte(rest, b'{') {
        out.push_str(before);
        match split_at_byte(after, b'}') {
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
                    _ => {
                        if !lookup(&mut out, name, params, locale, nested) {
                            out.push('{');
                            out.push_str(name);
                            out.push('}');
                        }
                    }
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
    #[cfg(feature = "catalogue")]
    fn dates_and_amounts_in_messages() {
        assert_eq!(format_date("2027-03-15", Locale::ZhCn), "2027年3月15日");
        assert_eq!(format_date("2027-03-01", Locale::ZhTw), "2027年3月1日");
        assert_eq!(format_date("2027-03-15", Locale::En), "15 March 2027");
        assert_eq!(format_date("nonsense", Locale::En), "nonsense");
        for v in [
            "2027-03-15",
            "0001-01-01",
            "9999-12-31",
            "2024-02-29",
            "x",
            "",
        ] {
            for l in [Locale::ZhCn, Locale::ZhTw, Locale::En] {
                let mut out = String::from("<");
                push_date(&mut out, v, l);
                assert_eq!(out, format!("<{}", format_date(v, l)), "{v}");
            }
        }
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
        // The digits-only path gives what the Decimal path gives (issue 13).
        let mut compared = 0;
        for int in [
            "0",
            "1",
            "5",
            "99",
            "100",
            "300",
            "999",
            "1000",
            "9999",
            "10000",
            "10001",
            "10100",
            "50000",
            "99900",
            "100000",
            "123456700",
            "2000000",
            "1999999",
            "100000000",
            "999999999999999",
            "012",
            "00",
        ] {
            for frac in [
                None,
                Some("00"),
                Some("50"),
                Some("05"),
                Some("01"),
                Some("10"),
                Some("5"),
            ] {
                let v = match frac {
                    Some(f) => format!("{int}.{f}"),
                    None => int.to_string(),
                };
                for l in [Locale::ZhCn, Locale::ZhTw, Locale::En] {
                    if let Some(fast) = format_money_plain(&v, l) {
                        assert_eq!(fast, format_money_decimal(&v, l), "{v} {l:?}");
                        compared += 1;
                    }
                }
            }
        }
        assert!(compared > 300, "{compared}");
        for v in ["-5.00", "1.5", "1.234", " 5", "5.", ".5", "1e3", "012.00"] {
            assert_eq!(format_money_plain(v, Locale::ZhCn), None, "{v}");
        }
        let mut p = Params::new();
        p.insert("got", "boolean".into());
        p.insert("on", "2024-02-29".into());
        p.insert("kind", "nope".into());
        assert_eq!(
            fill("{got:type} {on:date} {kind:penalty}", "", &p, Locale::ZhCn),
            "布尔值 2024年2月29日 nope"
        );
    }

    #[test]
    fn list_parts_are_what_split_gives() {
        for v in [
            "",
            "a",
            "a | b",
            "a | b | c",
            " | ",
            "a |  | b",
            "a | | b",
            "a|b",
            " | a | ",
            "a  |  b",
            "甲 | 乙",
            "| | |",
            "a | b |",
            " |  | ",
        ] {
            let mut p = Params::new();
            p.insert("x", v.into());
            for locale in [Locale::ZhCn, Locale::En] {
                let sep = locale.pick(["、", "、", ", "]);
                let want: Vec<&str> = v.split(" | ").collect();
                assert_eq!(fill("{x:list}", "", &p, locale), want.join(sep), "{v:?}");
            }
        }
    }

    // ---- every message in its own language (issue 15) ----------------------------------------

    /// Words a Chinese message may carry in Latin letters: standard and format names, the
    /// package's class name (`Catalogue` 对象) and option paths (`opts.policy.lookbackYears`).
    const LATIN_TOKENS: [&str; 7] = ["GB", "ISO", "MOD", "JSON", "CSV", "USCC", "Catalogue"];

    fn is_han(c: char) -> bool {
        matches!(c, '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{3134f}')
    }

    /// Chinese script or CJK punctuation (，。：“”（）、…) outside ASCII double quotes.
    fn chinese_outside_quotes(en: &str) -> Option<String> {
        let mut quoted = false;
        for c in en.chars() {
            if c == '"' {
                quoted = !quoted;
            } else if !quoted
                && (is_han(c)
                    || matches!(c, '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ffef}' | '“' | '”'))
            {
                return Some(c.to_string());
            }
        }
        None
    }

    /// A word of two or more Latin letters that is not an allowed token or an option path.
    fn latin_word(zh: &str) -> Option<String> {
        let mut word = String::new();
        let mut words = vec![];
        for c in zh.chars().chain([' ']) {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '[' | ']' | '_') {
                word.push(c);
            } else if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
        }
        words.into_iter().find(|w| {
            let letters = w.chars().filter(char::is_ascii_alphabetic).count();
            let run = w
                .split(|c: char| !c.is_ascii_alphabetic())
                .any(|part| part.len() >= 2);
            letters >= 2
                && run
                && !w.starts_with("opts")
                && !LATIN_TOKENS.contains(&w.trim_end_matches('.'))
        })
    }

    #[test]
    fn the_language_detectors_catch_the_mixtures_of_issue_15() {
        assert!(latin_word(
            "参数opts.itemCode的值“011101”无效，应为an item code of catalogue 2020。"
        )
        .is_some());
        assert_eq!(latin_word("参数opts.policy.lookbackYears应为数字。"), None);
        assert_eq!(latin_word("不符合GB 32100，第3位的“X”"), None);
        assert!(latin_word("请填写unified social credit code。").is_some());
        assert!(chinese_outside_quotes("The amount lacks the word 元 (yuan).").is_some());
        assert!(chinese_outside_quotes("Please fill in the name。").is_some());
        assert_eq!(
            chinese_outside_quotes(r#"The status "注销" is not "存续"."#),
            None
        );
    }

    /// `{name}` and `{name:kind}` of a template.
    fn placeholders(t: &str) -> Vec<(String, Option<String>)> {
        let mut out = vec![];
        let mut rest = t;
        while let Some((_, after)) = rest.split_once('{') {
            let Some((name, tail)) = after.split_once('}') else {
                break;
            };
            out.push(match name.split_once(':') {
                Some((n, k)) => (n.to_string(), Some(k.to_string())),
                None => (name.to_string(), None),
            });
            rest = tail;
        }
        out
    }

    /// The label-table rows of a kind (`type` → `string`, `number`, …).
    fn rows_of(kind: &str) -> Vec<String> {
        let prefix = format!("{kind}.");
        tables::labels()
            .keys()
            .iter()
            .filter_map(|k| k.strip_prefix(&prefix).map(str::to_string))
            .collect()
    }

    /// Representative parameters: numbers for plain ones (they carry no words of any
    /// language), a date, an amount, a list, an option path; every name a label-table row uses.
    fn base_params() -> Params {
        let mut p = Params::new();
        let mut templates: Vec<&str> = vec![];
        for code in table_codes() {
            if let Some(e) = entry(code) {
                templates.extend([Locale::ZhCn, Locale::ZhTw, Locale::En].map(|l| e.text(l)));
            }
        }
        for key in tables::labels().keys() {
            for l in [Locale::ZhCn, Locale::ZhTw, Locale::En] {
                templates.push(field_label(key, l));
            }
        }
        for t in templates {
            for (name, kind) in placeholders(t) {
                let v = match kind.as_deref() {
                    Some("date") => "2026-03-15",
                    Some("money") => "2500000.00",
                    Some("list") => "12 | 34 | 56",
                    _ if name == "path" => "opts.policy.lookbackYears",
                    _ => "12",
                };
                if !p.contains_key(name.as_str()) {
                    p.insert(name.leak(), v.to_string());
                }
            }
        }
        p
    }

    #[test]
    fn every_message_is_in_its_own_language() {
        let base = base_params();
        let labels = [
            "uscc",
            "amount",
            "registration.status",
            "penalties.decidedOn",
            "licences",
        ];
        let mut checked = 0;
        let mut failures = vec![];
        for code in table_codes() {
            let e = entry(code).expect("row");
            for locale in [Locale::ZhCn, Locale::ZhTw, Locale::En] {
                let template = e.text(locale);
                // Every row of every {name:kind} the template uses, one at a time.
                let mut variants = vec![base.clone()];
                for (name, kind) in placeholders(template) {
                    let Some(kind) = kind else { continue };
                    for v in rows_of(&kind) {
                        let mut p = base.clone();
                        p.insert(&*name.clone().leak(), v);
                        variants.push(p);
                    }
                }
                for p in &variants {
                    for key in labels {
                        let out = fill(template, field_label(key, locale), p, locale);
                        checked += 1;
                        let bad = if out.contains('{') {
                            Some("an unfilled placeholder".to_string())
                        } else if locale == Locale::En {
                            chinese_outside_quotes(&out)
                        } else {
                            latin_word(&out)
                        };
                        if let Some(b) = bad {
                            failures.push(format!("{code} {} ({b}): {out}", locale.tag()));
                        }
                    }
                }
            }
        }
        failures.sort();
        failures.dedup();
        assert!(failures.is_empty(), "{}", failures.join("\n"));
        assert!(checked > 1000, "{checked} renderings");
    }

    #[test]
    fn every_label_is_in_its_own_language() {
        let mut failures = vec![];
        for key in tables::labels().keys() {
            for locale in [Locale::ZhCn, Locale::ZhTw, Locale::En] {
                // {n}, {label}, {allowed:list}: filled by the message; not words of the row.
                let mut text = String::new();
                let mut rest = field_label(key, locale);
                while let Some((before, after)) = rest.split_once('{') {
                    text.push_str(before);
                    rest = after.split_once('}').map_or("", |(_, tail)| tail);
                }
                text.push_str(rest);
                let bad = match locale {
                    Locale::En => chinese_outside_quotes(&text),
                    _ => latin_word(&text),
                };
                if let Some(b) = bad {
                    failures.push(format!("{key} {} ({b}): {text}", locale.tag()));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
