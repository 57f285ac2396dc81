//! The embedded catalogues (`data/catalogues/`), built on first use through the same validating
//! loader as a portal's own catalogue.
//!
//! - `central-2020`: the central guidance catalogue (财综〔2020〕57号), 2 classes and 30
//!   sub-classes; codes and the 品目 mapping are our own (unofficial), as its data file says.
//! - `pinmu-2022-services`: the 620 service (C) codes of the 2022 procurement item classification.
//! - `county-example-2023`: `central-2020` with an **example** county overlay
//!   (`county_example_2023.json`) built from what county reports name.

use super::Catalogue;
use crate::report::{Locale, PrecheckError};
use crate::value::Value;
use std::collections::BTreeSet;
use std::sync::{Arc, OnceLock};

const CENTRAL: &str = include_str!("../../../../data/catalogues/central_2020.tsv");
const PINMU: &str = include_str!("../../../../data/catalogues/pinmu_2022_services.tsv");
const COUNTY: &str = include_str!("../../../../data/catalogues/county_example_2023.json");

/// Names of the embedded catalogues; the first is the default.
pub const NAMES: &[&str] = &["central-2020", "county-example-2023", "pinmu-2022-services"];

fn rows(tsv: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    tsv.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').collect())
}

/// The 2022 service 品目 codes.
pub fn pinmu_codes() -> &'static BTreeSet<&'static str> {
    static CELL: OnceLock<BTreeSet<&'static str>> = OnceLock::new();
    CELL.get_or_init(|| rows(PINMU).filter_map(|r| r.first().copied()).collect())
}

fn s(v: &str) -> Value {
    Value::String(v.to_string())
}

fn item(code: &str, level: &str, parent: &str, name: &str, pinmu: &[&str]) -> Value {
    let mut fields = vec![
        ("code".to_string(), s(code)),
        ("name".to_string(), s(name)),
        ("level".to_string(), Value::Number(level.to_string())),
    ];
    if parent != "-" {
        fields.push(("parent".to_string(), s(parent)));
    }
    if !pinmu.is_empty() {
        fields.push((
            "pinmu".to_string(),
            Value::Array(pinmu.iter().map(|p| s(p)).collect()),
        ));
    }
    Value::Object(fields)
}

fn catalogue(version: &str, issuer: &str, note: &str, items: Vec<Value>) -> Value {
    Value::Object(vec![
        ("version".into(), s(version)),
        ("issuer".into(), s(issuer)),
        ("note".into(), s(note)),
        ("items".into(), Value::Array(items)),
    ])
}

fn central() -> Result<Catalogue, PrecheckError> {
    let items = rows(CENTRAL)
        .filter_map(|r| match r.as_slice() {
            [code, level, parent, name, pinmu] => {
                let p: Vec<&str> = pinmu.split(' ').filter(|x| *x != "-").collect();
                Some(item(code, level, parent, name, &p))
            }
            _ => None,
        })
        .collect();
    let v = catalogue(
        "2020",
        "财政部（财综〔2020〕57号）",
        "中央本级政府购买服务指导性目录一、二级目录。代码与品目对应关系为本项目自拟，非官方。",
        items,
    );
    super::load::from_value(&v, Locale::ZhCn)
}

fn pinmu() -> Result<Catalogue, PrecheckError> {
    let items = rows(PINMU)
        .filter_map(|r| match r.as_slice() {
            [code, level, parent, name] if *level != "0" => {
                let parent = if *parent == "C" { "-" } else { parent };
                Some(item(code, level, parent, name, &[code]))
            }
            _ => None,
        })
        .collect();
    let v = catalogue(
        "2022",
        "财政部（政府采购品目分类目录，2022年）",
        "政府采购品目分类目录（2022年）服务类（C）全部620个品目。",
        items,
    );
    super::load::from_value(&v, Locale::ZhCn)
}

fn county() -> Result<Catalogue, PrecheckError> {
    let overlay: Value = embedded_json(COUNTY).unwrap_or(Value::Null);
    central()?.overlay(&overlay, Locale::ZhCn)
}

/// The embedded overlay's JSON as a [`Value`], as `serde_json::from_str` reads it (a test
/// checks they agree), by a reader of the little it uses: objects, arrays, strings (with
/// escapes), integers, `true`, `false`, `null`. Not serde_json's: the wasm module then carries
/// no JSON parser (portals' JSON is parsed by the engine), no float parsing or formatting.
fn embedded_json(text: &str) -> Option<Value> {
    let mut chars = text.chars().peekable();
    let v = json_value(&mut chars, 0)?;
    json_space(&mut chars);
    chars.peek().is_none().then_some(v)
}

type Chars<'t> = std::iter::Peekable<std::str::Chars<'t>>;

fn json_space(chars: &mut Chars) {
    while chars
        .next_if(|c| matches!(c, ' ' | '\t' | '\n' | '\r'))
        .is_some()
    {}
}

fn json_value(chars: &mut Chars, depth: usize) -> Option<Value> {
    if depth > crate::value::MAX_DEPTH {
        return None;
    }
    json_space(chars);
    match chars.next()? {
        '{' => {
            let mut entries = vec![];
            json_space(chars);
            if chars.next_if_eq(&'}').is_some() {
                return Some(Value::Object(entries));
            }
            loop {
                json_space(chars);
                if chars.next()? != '"' {
                    return None;
                }
                let key = json_string(chars)?;
                json_space(chars);
                if chars.next()? != ':' {
                    return None;
                }
                entries.push((key, json_value(chars, depth + 1)?));
                json_space(chars);
                match chars.next()? {
                    ',' => continue,
                    '}' => return Some(Value::Object(entries)),
                    _ => return None,
                }
            }
        }
        '[' => {
            let mut items = vec![];
            json_space(chars);
            if chars.next_if_eq(&']').is_some() {
                return Some(Value::Array(items));
            }
            loop {
                items.push(json_value(chars, depth + 1)?);
                json_space(chars);
                match chars.next()? {
                    ',' => continue,
                    ']' => return Some(Value::Array(items)),
                    _ => return None,
                }
            }
        }
        '"' => json_string(chars).map(Value::String),
        c @ ('-' | '0'..='9') => {
            // Integers only (what serde_json reads as i64/u64, written back as their digits).
            let mut digits = String::from(c);
            while let Some(d) = chars.next_if(char::is_ascii_digit) {
                digits.push(d);
            }
            let n: i64 = digits.parse().ok()?;
            let plain = digits.trim_start_matches('-');
            let canonical = plain == "0" || !plain.starts_with('0');
            // serde_json reads `-0` as the float −0.0, written `-0`.
            let text = if digits == "-0" {
                digits
            } else {
                n.to_string()
            };
            (canonical && !matches!(chars.peek(), Some('.' | 'e' | 'E')))
                .then_some(Value::Number(text))
        }
        c => {
            let word: String = std::iter::once(c)
                .chain(std::iter::from_fn(|| {
                    chars.next_if(char::is_ascii_lowercase)
                }))
                .collect();
            match word.as_str() {
                "true" => Some(Value::Bool(true)),
                "false" => Some(Value::Bool(false)),
                "null" => Some(Value::Null),
                _ => None,
            }
        }
    }
}

/// The rest of a string after its opening quote.
fn json_string(chars: &mut Chars) -> Option<String> {
    let mut out = String::new();
    loop {
        match chars.next()? {
            '"' => return Some(out),
            '\\' => out.push(match chars.next()? {
                '"' => '"',
                '\\' => '\\',
                '/' => '/',
                'b' => '\u{8}',
                'f' => '\u{c}',
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                'u' => {
                    let hex = |chars: &mut Chars| -> Option<u32> {
                        (0..4).try_fold(0u32, |acc, _| Some(acc * 16 + chars.next()?.to_digit(16)?))
                    };
                    let hi = hex(chars)?;
                    if (0xD800..0xDC00).contains(&hi) {
                        if chars.next()? != '\\' || chars.next()? != 'u' {
                            return None;
                        }
                        let lo = hex(chars)?;
                        if !(0xDC00..0xE000).contains(&lo) {
                            return None;
                        }
                        char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))?
                    } else {
                        char::from_u32(hi)?
                    }
                }
                _ => return None,
            }),
            c if c < ' ' => return None,
            c => out.push(c),
        }
    }
}

/// An embedded catalogue by name (shared; clone it to own a copy).
pub fn get(name: &str) -> Option<Arc<Catalogue>> {
    static C: OnceLock<Option<Arc<Catalogue>>> = OnceLock::new();
    static P: OnceLock<Option<Arc<Catalogue>>> = OnceLock::new();
    static K: OnceLock<Option<Arc<Catalogue>>> = OnceLock::new();
    match name {
        "central-2020" => C.get_or_init(|| central().ok().map(Arc::new)).clone(),
        "pinmu-2022-services" => P.get_or_init(|| pinmu().ok().map(Arc::new)).clone(),
        "county-example-2023" => K.get_or_init(|| county().ok().map(Arc::new)).clone(),
        _ => None,
    }
}

/// The raw overlay of the county example, for demos and tests.
pub fn county_overlay_json() -> &'static str {
    COUNTY
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_json_reader_reads_as_serde_json_does() {
        let serde = |t: &str| serde_json::from_str::<Value>(t).ok();
        assert!(embedded_json(COUNTY).is_some());
        assert_eq!(embedded_json(COUNTY), serde(COUNTY));
        for t in [
            r#"{"a": [1, -2, 0, true, false, null, {}, []], "b": "x\"\\\/\n\t\u00e9\ud83d\ude00"}"#,
            " [ 12 , \"金额\" ] ",
            r#"{"a": 1, "a": 2}"#,
            "-0",
        ] {
            assert_eq!(embedded_json(t), serde(t), "{t}");
        }
        // What it does not read is refused, never read differently.
        for t in [
            "[1.5]",
            "[1e3]",
            "[01]",
            "{",
            "[1,]",
            "\"\\u00\"",
            "nul",
            "[1] x",
            "\"a\u{1}\"",
        ] {
            assert_eq!(embedded_json(t), None, "{t}");
        }
    }

    #[test]
    fn every_embedded_catalogue_loads_without_error() {
        let c = central().unwrap_or_else(|e| panic!("{e}: {:?}", e.findings));
        assert_eq!(c.items().len(), 32);
        let p = pinmu().unwrap_or_else(|e| panic!("{e}: {:?}", e.findings));
        assert_eq!(p.items().len(), 620);
        let k = county().unwrap_or_else(|e| panic!("{e}: {:?}", e.findings));
        assert!(k.get("01060101").is_some());
        for name in NAMES {
            assert!(get(name).is_some(), "{name}");
        }
        assert!(get("nonsense").is_none());
    }
}
