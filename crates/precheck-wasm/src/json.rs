//! The JSON text of the field checks' results, written by hand (issue 11): the fields-only
//! module then holds no serde_json serialiser and no serde derive code. The text is the one
//! `serde_json::to_string` writes for the same value, byte for byte — the same keys in the same
//! order, the same skipped `None`s, the same escapes — which `tests::same_text_as_serde_json`
//! holds on the results of every field check over the test vectors, in every locale.

use procurement_precheck::fields::date::{Date, DateInfo};
use procurement_precheck::fields::mobile::PhoneInfo;
use procurement_precheck::fields::money::{AmountInfo, Unit, UppercaseInfo};
use procurement_precheck::fields::org_code::OrgCodeInfo;
use procurement_precheck::fields::regno15::RegNo15Info;
use procurement_precheck::fields::resident_id::IdNumberInfo;
use procurement_precheck::fields::uscc::UsccInfo;
use procurement_precheck::fields::CheckResult;
use procurement_precheck::report::json::{push_finding, push_str};
use procurement_precheck::report::{push_i64, Finding};

/// A value that writes its own JSON text.
pub trait Json {
    fn write(&self, out: &mut String);
}

/// The JSON text of `v`.
pub fn text<T: Json + ?Sized>(v: &T) -> String {
    let mut out = String::with_capacity(256);
    v.write(&mut out);
    out
}

/// A JSON string, escaped as serde_json escapes it: the core's one escaper (the reports' too).
fn string(out: &mut String, s: &str) {
    push_str(out, s);
}

/// `"key":` (the comma before it when `first` is false).
fn key(out: &mut String, first: bool, k: &str) {
    if !first {
        out.push(',');
    }
    out.push('"');
    out.push_str(k);
    out.push_str("\":");
}

impl Json for str {
    fn write(&self, out: &mut String) {
        string(out, self);
    }
}

impl Json for String {
    fn write(&self, out: &mut String) {
        string(out, self);
    }
}

impl Json for bool {
    fn write(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl<T: Json> Json for Option<T> {
    fn write(&self, out: &mut String) {
        match self {
            Some(v) => v.write(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: Json> Json for [T] {
    fn write(&self, out: &mut String) {
        out.push('[');
        for (i, v) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            v.write(out);
        }
        out.push(']');
    }
}

impl<T: Json> Json for Vec<T> {
    fn write(&self, out: &mut String) {
        self.as_slice().write(out);
    }
}

/// The fields of an object in order: `Some` written, `None` left out (serde's
/// `skip_serializing_if = "Option::is_none"`).
struct Object<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> Object<'a> {
    fn new(out: &'a mut String) -> Self {
        out.push('{');
        Object { out, first: true }
    }
    fn field(mut self, k: &str, v: &(impl Json + ?Sized)) -> Self {
        key(self.out, self.first, k);
        self.first = false;
        v.write(self.out);
        self
    }
    fn str(self, k: &str, v: &str) -> Self {
        self.field(k, v)
    }
    fn int(mut self, k: &str, v: i64) -> Self {
        key(self.out, self.first, k);
        self.first = false;
        push_i64(self.out, v);
        self
    }
    fn skip_none<T: Json>(self, k: &str, v: &Option<T>) -> Self {
        match v {
            Some(v) => self.field(k, v),
            None => self,
        }
    }
    fn end(self) {
        self.out.push('}');
    }
}

impl Json for Finding {
    fn write(&self, out: &mut String) {
        push_finding(out, self);
    }
}

impl<I: Json> Json for CheckResult<I> {
    fn write(&self, out: &mut String) {
        Object::new(out)
            .field("ok", &self.ok)
            .field("value", &self.value)
            .field("findings", &self.findings)
            .skip_none("info", &self.info)
            .end();
    }
}

impl Json for UsccInfo {
    fn write(&self, out: &mut String) {
        Object::new(out)
            .str("authorityCode", &self.authority_code)
            .str("authority", self.authority)
            .str("typeCode", &self.type_code)
            .str("type", self.type_name)
            .str("entityKind", self.entity_kind)
            .str("divisionCode", &self.division_code)
            .str("province", self.province)
            .str("orgCode", &self.org_code)
            .str("summary", &self.summary)
            .end();
    }
}

impl Json for Date {
    fn write(&self, out: &mut String) {
        string(out, &self.to_string());
    }
}

impl Json for IdNumberInfo {
    fn write(&self, out: &mut String) {
        Object::new(out)
            .field("birthDate", &self.birth_date)
            .str("sex", self.sex)
            .int("age", i64::from(self.age))
            .str("divisionCode", &self.division_code)
            .str("provinceCode", &self.province_code)
            .str("province", &self.province)
            .end();
    }
}

impl Json for OrgCodeInfo {
    fn write(&self, out: &mut String) {
        Object::new(out)
            .str("body", &self.body)
            .str("checkChar", &self.check_char)
            .end();
    }
}

impl Json for RegNo15Info {
    fn write(&self, out: &mut String) {
        Object::new(out)
            .str("divisionCode", &self.division_code)
            .end();
    }
}

impl Json for AmountInfo {
    fn write(&self, out: &mut String) {
        let unit = match self.unit {
            Unit::Yuan => "yuan",
            Unit::Wan => "wan",
        };
        Object::new(out)
            .str("yuan", &self.yuan)
            .str("fen", &self.fen)
            .str("unit", unit)
            .skip_none("uppercase", &self.uppercase)
            .end();
    }
}

impl Json for UppercaseInfo {
    fn write(&self, out: &mut String) {
        Object::new(out)
            .str("parsed", &self.parsed)
            .skip_none("amount", &self.amount)
            .skip_none("canonical", &self.canonical)
            .field("standard", &self.standard)
            .end();
    }
}

impl Json for DateInfo {
    fn write(&self, out: &mut String) {
        Object::new(out)
            .int("year", i64::from(self.year))
            .int("month", i64::from(self.month))
            .int("day", i64::from(self.day))
            .int("weekday", i64::from(self.weekday))
            .end();
    }
}

impl Json for PhoneInfo {
    fn write(&self, out: &mut String) {
        Object::new(out)
            .str("kind", self.kind)
            .skip_none("areaCode", &self.area_code)
            .skip_none("extension", &self.extension)
            .end();
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use procurement_precheck::api;
    use procurement_precheck::value::Value;
    use serde::Serialize;

    /// The first column of every row of a test-vector file.
    fn vectors(name: &str) -> Vec<String> {
        let path = format!("{}/../../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).expect(&path);
        let rows: Vec<String> = text
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .map(|l| l.split('\t').next().unwrap().trim().to_string())
            .collect();
        assert!(!rows.is_empty(), "{path}: no rows");
        rows
    }

    /// Inputs every check gets besides its vectors: empty, blank, wrong types, escapes,
    /// full-width and spaced forms, too long.
    fn odd_inputs() -> Vec<Value<'static>> {
        let mut v: Vec<Value> = [
            "",
            "   ",
            "a\"b\\c\n\t\r\u{8}\u{c}\u{1}\u{1f}\u{7f}",
            "９１３５０１００Ｍ０００１００Ｙ４３",
            " 91350100M000100Y43 ",
            "91350100m000100y43",
            "2024-02-29",
            "2023-02-29",
            "长期",
            "1,234.50",
            "12万",
            "-5",
            "壹佰元整",
            "壹佰元",
            "壹佰圆整",
            "伍仟零伍拾元整",
            "13812345678",
            "010-12345678-123",
            "+86 138 1234 5678",
            "110101199003074514",
            "11010119900307451",
        ]
        .iter()
        .map(|s| Value::String((*s).into()))
        .collect();
        v.push(Value::String("9".repeat(201).into()));
        v.push(Value::Null);
        v.push(Value::Bool(true));
        v.push(Value::Number("12.5".into()));
        v.push(Value::Number("100".into()));
        v.push(Value::Array(vec![]));
        v.push(Value::Object(vec![]));
        v.push(Value::Unsupported);
        v
    }

    fn opts(locale: &str) -> Vec<Value<'static>> {
        let s = |t: &str| Value::String(t.to_string().into());
        let o = |pairs: Vec<(&str, Value<'static>)>| {
            Value::Object(
                pairs
                    .into_iter()
                    .map(|(k, v)| (k.to_string().into(), v))
                    .collect(),
            )
        };
        vec![
            o(vec![("locale", s(locale))]),
            o(vec![
                ("locale", s(locale)),
                ("label", s("名\"称\\")),
                ("path", s("a.b[1]")),
                ("required", Value::Bool(true)),
            ]),
            o(vec![
                ("locale", s(locale)),
                ("unit", s("wan")),
                ("allowNegative", Value::Bool(true)),
                ("allowLandline", Value::Bool(true)),
                ("allowLongTerm", Value::Bool(true)),
                ("today", s("2030-01-01")),
                ("amountPath", s("amount")),
                ("amountLabel", s("金额")),
            ]),
        ]
    }

    fn same<T: Json + Serialize>(
        r: Result<T, procurement_precheck::report::PrecheckError>,
    ) -> usize {
        match r {
            Ok(v) => {
                assert_eq!(text(&v), serde_json::to_string(&v).unwrap());
                1
            }
            Err(e) => {
                assert_eq!(
                    text(&e.findings),
                    serde_json::to_string(&e.findings).unwrap()
                );
                0
            }
        }
    }

    #[test]
    fn same_text_as_serde_json() {
        let today = procurement_precheck::fields::date::Date::new(2026, 12, 2).unwrap();
        let s = |t: &str| Value::String(t.to_string().into());
        let mut inputs: Vec<Value> = odd_inputs();
        for f in [
            "uscc_valid.txt",
            "uscc_invalid.txt",
            "ric.txt",
            "org_code.txt",
            "regno15.txt",
            "rmb_uppercase.txt",
        ] {
            inputs.extend(vectors(f).iter().map(|t| s(t)));
        }
        let mut checked = 0;
        for locale in ["zh-CN", "zh-TW", "en"] {
            for o in opts(locale) {
                let o = Some(&o);
                for v in &inputs {
                    checked += same(api::check_uscc(v, o));
                    checked += same(api::check_id_number(v, o, today));
                    checked += same(api::check_org_code(v, o));
                    checked += same(api::check_regno15(v, o));
                    checked += same(api::parse_amount(v, o));
                    checked += same(api::amount_to_uppercase(v, o));
                    checked += same(api::check_uppercase_amount(v, &s("100"), o));
                    checked += same(api::check_uppercase_amount(v, v, o));
                    checked += same(api::parse_date(v, o));
                    checked += same(api::check_mobile(v, o));
                }
            }
        }
        // Options the checks refuse (their errors' findings are empty, written as `[]`).
        let bad = Value::Object(vec![("locale".into(), Value::Bool(true))]);
        same(api::check_uscc(&s("x"), Some(&bad)));
        assert!(checked > 10_000, "{checked} results");
    }

    #[test]
    fn escapes_as_serde_json() {
        let all: String = (0u32..0x110000)
            .filter_map(char::from_u32)
            .step_by(7)
            .collect();
        for t in ["", "\u{0}", "\"\\/", "\u{7f}\u{80}\u{2028}", all.as_str()] {
            assert_eq!(text(t), serde_json::to_string(t).unwrap());
        }
        let mut out = String::new();
        for n in [
            0,
            7,
            -1,
            10,
            99,
            100,
            i64::from(i32::MIN),
            i64::MAX,
            i64::MIN,
        ] {
            out.clear();
            push_i64(&mut out, n);
            assert_eq!(out, n.to_string());
        }
    }
}
