//! The message table, codes, locales, labels, options errors and bad input.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::unreachable,
    clippy::indexing_slicing,
    clippy::string_slice
)] // a test fails loudly
use precheck_testkit::*;
use procurement_precheck::api;
use procurement_precheck::fields::date::Date;
use procurement_precheck::report::{codes::ALL, table_codes};
use procurement_precheck::value::Value;
use std::collections::BTreeSet;

fn placeholders(t: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = t;
    while let Some(i) = rest.find('{') {
        let after = &rest[i + 1..];
        let Some(j) = after.find('}') else { break };
        out.insert(after[..j].split(':').next().unwrap().to_lowercase());
        rest = &after[j + 1..];
    }
    out
}

#[test]
fn every_code_has_a_row_and_every_row_a_code() {
    let table: BTreeSet<&str> = table_codes().into_iter().collect();
    let defined: BTreeSet<&str> = ALL.iter().copied().collect();
    assert_eq!(table, defined);
    assert_eq!(table_codes().len(), ALL.len(), "no duplicate rows");
}

#[test]
fn every_row_has_three_messages_with_the_same_placeholders() {
    let text = std::fs::read_to_string(precheck_testkit::repo("data/messages.tsv")).unwrap();
    for line in text
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 5, "{line}");
        let [code, basis, cn, tw, en] = cols[..] else {
            unreachable!()
        };
        assert!(!basis.is_empty(), "{code}: basis or -");
        for m in [cn, tw, en] {
            assert!(!m.trim().is_empty(), "{code}");
        }
        assert_eq!(placeholders(cn), placeholders(tw), "{code} zh-TW");
        assert_eq!(placeholders(cn), placeholders(en), "{code} en");
        // Traditional text must not carry common simplified-only characters.
        for c in [
            "码", "应", "为", "请", "规", "数", "错", "误", "类", "号", "书",
        ] {
            assert!(!tw.contains(c), "{code}: zh-TW has simplified {c}: {tw}");
        }
    }
}

#[test]
fn messages_name_the_field_by_its_label_in_each_locale() {
    let bad = s("91110000600037341N");
    let cn = api::check_uscc(&bad, None).unwrap();
    assert!(
        cn.findings[0]
            .message
            .starts_with("统一社会信用代码校验码错误"),
        "{}",
        cn.findings[0].message
    );
    let tw = api::check_uscc(&bad, Some(&obj(&[("locale", s("zh-TW"))]))).unwrap();
    assert!(
        tw.findings[0]
            .message
            .starts_with("統一社會信用代碼檢查碼錯誤"),
        "{}",
        tw.findings[0].message
    );
    let en = api::check_uscc(&bad, Some(&obj(&[("locale", s("en-GB"))]))).unwrap();
    assert!(
        en.findings[0]
            .message
            .contains("unified social credit code"),
        "{}",
        en.findings[0].message
    );
    // A form's own label and path.
    let own = api::check_uscc(
        &bad,
        Some(&obj(&[
            ("label", s("供应商信用代码")),
            ("path", s("members[1].uscc")),
        ])),
    )
    .unwrap();
    assert!(own.findings[0].message.starts_with("供应商信用代码"));
    assert_eq!(own.findings[0].path, "members[1].uscc");
    assert_eq!(own.findings[0].basis.as_deref(), Some("GB 32100-2015"));
    // Every locale gives the same codes and params.
    assert_eq!(cn.findings[0].params, en.findings[0].params);
    assert_eq!(cn.findings[0].code, tw.findings[0].code);
}

#[test]
fn type_words_are_localised() {
    let r = api::check_uscc(&Value::Bool(true), None).unwrap();
    assert_eq!(
        r.findings[0].message,
        "统一社会信用代码应为文字，收到的是布尔值。"
    );
    let r = api::check_uscc(&Value::Array(vec![]), Some(&obj(&[("locale", s("en"))]))).unwrap();
    assert_eq!(
        r.findings[0].message,
        "The unified social credit code must be text; got a list."
    );
}

#[test]
fn bad_options_are_structured_errors_naming_the_option() {
    let e = api::check_uscc(&s("x"), Some(&obj(&[("locale", s("fr"))]))).unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.path.as_str()),
        ("options.bad_value", "opts.locale")
    );
    let e = api::check_uscc(&s("x"), Some(&obj(&[("required", s("yes"))]))).unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.path.as_str()),
        ("options.wrong_type", "opts.required")
    );
    let e = api::check_uscc(
        &s("x"),
        Some(&obj(&[(
            "usccPilotAllowlist",
            Value::Array(vec![Value::Null]),
        )])),
    )
    .unwrap_err();
    assert_eq!(e.path, "opts.usccPilotAllowlist[0]");
    let e = api::parse_amount(&s("1"), Some(&obj(&[("unit", s("jiao"))]))).unwrap_err();
    assert_eq!(e.path, "opts.unit");
    let e = api::check_id_number(
        &s("1"),
        Some(&obj(&[("today", s("2023-02-29"))])),
        Date::new(2026, 1, 1).unwrap(),
    )
    .unwrap_err();
    assert_eq!(e.path, "opts.today");
    let e = api::check_mobile(&s("1"), Some(&s("zh-CN"))).unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.path.as_str()),
        ("options.wrong_type", "opts")
    );
    // The message is in the requested locale when the locale itself is fine.
    let e = api::check_uscc(
        &s("x"),
        Some(&obj(&[
            ("locale", s("en")),
            ("required", Value::Number("1".into())),
        ])),
    )
    .unwrap_err();
    assert!(
        e.message
            .starts_with("Option opts.required must be true or false; got a number"),
        "{}",
        e.message
    );
    // null options are defaults.
    assert!(
        api::check_uscc(&s("91110000600037341L"), Some(&Value::Null))
            .unwrap()
            .ok
    );
}

fn bad_inputs() -> Vec<Value> {
    let deep = (0..200).fold(Value::Null, |v, _| Value::Array(vec![v]));
    vec![
        Value::Null,
        Value::Bool(false),
        Value::Number("NaN".into()),
        Value::Number("-0".into()),
        Value::Number("1e308".into()),
        Value::Number("123456789012345678901234567890".into()),
        s(""),
        s("\u{200B}"),
        s(&"9".repeat(10_000)),
        s(&"壹".repeat(10_000)),
        s("😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀"),
        s("\u{FFFD}\u{0000}\u{FEFF}"),
        s("１２３４５６７８９０１２３４５６７８"),
        s("-"),
        s("¥"),
        s("年月日"),
        s("人民币"),
        s("整"),
        s("万亿"),
        s("零零零零零零"),
        s("2024年"),
        s("+86"),
        Value::Array(vec![s("91110000600037341L")]),
        obj(&[("__proto__", s("x"))]),
        deep,
        Value::Unsupported,
    ]
}

#[test]
fn bad_input_returns_findings_and_never_panics() {
    let today = Date::new(2026, 11, 21).unwrap();
    for v in bad_inputs() {
        let results = [
            api::check_uscc(&v, None).unwrap().ok,
            api::check_id_number(&v, None, today).unwrap().ok,
            api::check_org_code(&v, None).unwrap().ok,
            api::check_regno15(&v, None).unwrap().ok,
            api::parse_amount(&v, None).unwrap().ok,
            api::check_uppercase_amount(&v, &v, None).unwrap().ok,
            api::parse_date(&v, None).unwrap().ok,
            api::check_mobile(&v, None).unwrap().ok,
        ];
        // -0 is a valid amount and date text is not; everything else fails somewhere.
        let _ = api::amount_to_uppercase(&v, None);
        assert!(
            results.iter().filter(|ok| **ok).count() <= 2,
            "{v:?}: {results:?}"
        );
        let r = api::check_uscc(&v, None).unwrap();
        assert!(!r.ok);
        assert!(!r.findings.is_empty());
        assert!(r
            .findings
            .iter()
            .all(|f| f.path == "uscc" && !f.message.is_empty()));
    }
}
