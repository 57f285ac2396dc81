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
use serde::Deserialize;
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
    assert_eq!(own.findings[0].basis, Some("GB 32100-2015"));
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

fn bad_inputs() -> Vec<Value<'static>> {
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

/// A word of 2+ Latin letters in a Chinese message, once option paths and the given values
/// are taken out; Chinese script or punctuation in an English one outside "quotes".
fn wrong_script(message: &str, locale: &str, values: &[&str]) -> Option<String> {
    let mut m = message.to_string();
    for v in values {
        m = m.replace(v, " ");
    }
    if locale == "en" {
        let mut quoted = false;
        return m.chars().find_map(|c| {
            if c == '"' {
                quoted = !quoted;
            }
            let chinese = ('\u{3400}'..='\u{9fff}').contains(&c)
                || ('\u{3000}'..='\u{303f}').contains(&c)
                || ('\u{ff00}'..='\u{ffef}').contains(&c)
                || c == '“'
                || c == '”';
            (!quoted && chinese).then(|| c.to_string())
        });
    }
    // Standard and format names, the package's class name: identifiers, like option paths.
    let tokens = ["GB", "ISO", "MOD", "JSON", "CSV", "USCC", "Catalogue"];
    m.split(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '[' || c == ']'))
        .filter(|w| !w.starts_with("opts") && !tokens.contains(&w.trim_end_matches('.')))
        .find(|w| w.chars().filter(char::is_ascii_alphabetic).count() >= 2)
        .map(str::to_string)
}

#[test]
fn options_errors_say_what_is_expected_in_the_callers_language() {
    let today = Date::new(2026, 1, 1).unwrap();
    let cat = api::catalogue_builtin(None).unwrap();
    let num = |n: &str| Value::Number(n.to_string().into());
    let policy = |k: &str, v: Value<'static>| ("policy", obj(&[(k, v)]));
    let severities = ["error", "warning", "info"];
    for locale in ["zh-CN", "zh-TW", "en"] {
        let supplier = |pair: (&str, Value)| {
            let opts = obj(&[("locale", s(locale)), pair]);
            api::check_supplier(&obj(&[]), Some(&opts), None, today).unwrap_err()
        };
        let cases: Vec<(procurement_precheck::report::PrecheckError, &str, Vec<&str>)> = vec![
            (
                supplier(("itemCode", s("011101"))),
                "opts.itemCode",
                vec!["011101"],
            ),
            (supplier(("asOf", s("2026-02-30"))), "opts.asOf", vec![]),
            (
                supplier(policy("lookbackYears", num("0"))),
                "opts.policy.lookbackYears",
                vec![],
            ),
            (
                supplier(policy("lookbackYears", num("1e999"))),
                "opts.policy.lookbackYears",
                vec!["1e999"],
            ),
            (
                supplier(policy("lookbackYears", s("3"))),
                "opts.policy.lookbackYears",
                vec![],
            ),
            (
                supplier(policy("majorFineThreshold", s("abc"))),
                "opts.policy.majorFineThreshold",
                vec!["abc"],
            ),
            (
                supplier(policy("abnormalOperationSeverity", s("fatal"))),
                "opts.policy.abnormalOperationSeverity",
                [&["fatal"][..], &severities].concat(),
            ),
            (supplier(("labels", num("5"))), "opts.labels", vec![]),
            (
                supplier(("labels", obj(&[("uscc", num("5"))]))),
                "opts.labels.uscc",
                vec![],
            ),
            // The class name of the package (`Catalogue` 对象) is an identifier, like an option path.
            (
                supplier(("catalogue", s("central-2020"))),
                "opts.catalogue",
                vec!["Catalogue"],
            ),
            (
                api::parse_amount(
                    &s("1"),
                    Some(&obj(&[("locale", s(locale)), ("unit", s("jiao"))])),
                )
                .unwrap_err(),
                "opts.unit",
                vec!["jiao", "yuan", "wan"],
            ),
            (
                api::catalogue_search(
                    &cat,
                    &s("物业"),
                    Some(&obj(&[("locale", s(locale)), ("limit", num("0"))])),
                )
                .unwrap_err(),
                "opts.limit",
                vec![],
            ),
        ];
        for (e, path, values) in cases {
            assert_eq!(e.path, path, "{locale}: {}", e.message);
            assert!(!e.message.contains('{'), "{locale}: {}", e.message);
            if let Some(w) = wrong_script(&e.message, locale, &values) {
                panic!("{locale} {path}: {w:?} in {}", e.message);
            }
        }
    }
    // The message of issue 15, now in one language each.
    let opts = |l: &str| obj(&[("locale", s(l)), ("itemCode", s("011101"))]);
    let e = api::check_supplier(&obj(&[]), Some(&opts("zh-CN")), None, today).unwrap_err();
    assert_eq!(
        e.message,
        format!(
            "参数opts.itemCode的值“011101”无效，应为目录“{}”中的服务事项代码。",
            cat.version
        )
    );
    let e = api::check_supplier(&obj(&[]), Some(&opts("en")), None, today).unwrap_err();
    assert_eq!(
        e.message,
        format!("Option opts.itemCode has the invalid value \"011101\"; expected an item code of the catalogue \"{}\".", cat.version)
    );
    // A bad locale is reported in zh-CN (no locale to speak in yet), the locales as a list.
    let e = api::check_uscc(&s("x"), Some(&obj(&[("locale", s("fr"))]))).unwrap_err();
    assert_eq!(
        e.message,
        "参数opts.locale的值“fr”无效，应为zh-CN、zh-TW、en之一。"
    );
    let e = api::check_id_number(
        &s("1"),
        Some(&obj(&[("locale", s("en")), ("today", s("x"))])),
        today,
    )
    .unwrap_err();
    assert_eq!(
        e.message,
        "Option opts.today has the invalid value \"x\"; expected a date written YYYY-MM-DD, such as 2026-03-15."
    );
}

/// Every string (and number) in a JSON value.
fn string_leaves(v: &serde_json::Value) -> Vec<String> {
    match v {
        serde_json::Value::String(s) => vec![s.clone()],
        serde_json::Value::Number(n) => vec![n.to_string()],
        serde_json::Value::Array(a) => a.iter().flat_map(string_leaves).collect(),
        serde_json::Value::Object(o) => o.values().flat_map(string_leaves).collect(),
        _ => vec![],
    }
}

#[test]
fn every_finding_of_the_scenario_table_is_in_its_own_language() {
    let path = precheck_testkit::repo("tests/fixtures/qualification/scenarios.json");
    let rows: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let today = Date::new(2026, 1, 1).unwrap();
    let mut seen = 0;
    for row in &rows {
        let app = Value::deserialize(row["application"].clone()).unwrap();
        let cat = row["catalogue"]
            .as_str()
            .map(|n| procurement_precheck::catalogue::builtin::get(n).unwrap());
        for locale in ["zh-CN", "zh-TW", "en"] {
            let mut opts = row["opts"].clone();
            opts["locale"] = serde_json::Value::String(locale.into());
            let opts = Value::deserialize(opts).unwrap();
            let messages: Vec<(String, Vec<String>)> =
                match api::check_supplier(&app, Some(&opts), cat.as_deref(), today) {
                    Ok(r) => r
                        .findings
                        .iter()
                        .map(|f| (f.message.clone(), f.params.values().cloned().collect()))
                        .collect(),
                    // An error's params are not returned; the one listing values lists the
                    // policy keys.
                    // The caller's own option values are quoted back as they were given.
                    Err(e) => vec![(
                        e.message,
                        procurement_precheck::qualification::policy::KEYS
                            .iter()
                            .map(|k| k.to_string())
                            .chain(string_leaves(&row["opts"]))
                            // and the words a choice option takes are API tokens (`error`).
                            .chain(["error", "warning", "info"].map(String::from))
                            .collect(),
                    )],
                };
            for (m, params) in messages {
                seen += 1;
                // Values from the application (names, grades, kinds) are the applicant's.
                // (A list `a | b` is written as one in the locale: its words are the values.)
                let mut values: Vec<&str> = params.iter().flat_map(|p| p.split(" | ")).collect();
                values.sort_by_key(|v| std::cmp::Reverse(v.len()));
                let values: Vec<&str> = values.into_iter().filter(|v| !v.is_empty()).collect();
                if let Some(w) = wrong_script(&m, locale, &values) {
                    panic!("{} {locale}: {w:?} in {m}", row["name"]);
                }
            }
        }
    }
    assert!(seen > 100, "{seen} messages");
}

#[test]
fn argument_errors_name_the_argument_in_the_callers_language() {
    let en = obj(&[("locale", s("en"))]);
    let e = api::argument_error("fields", "fields", &Value::Number("5".into()), None);
    assert_eq!(
        (e.code.as_str(), e.path.as_str()),
        ("options.wrong_type", "fields")
    );
    assert_eq!(
        e.message,
        "参数fields应为以字段名为键的对象或字段名数组，收到的是数字。"
    );
    let e = api::argument_error("fields[1]", "string", &Value::Null, Some(&en));
    assert_eq!(e.path, "fields[1]");
    assert_eq!(e.message, "Option fields[1] must be text; got null.");
    let e = api::argument_error("fields.uscc", "field_spec", &Value::Bool(true), Some(&en));
    assert_eq!(
        e.message,
        "Option fields.uscc must be a check name or a field spec object; got true or false."
    );
    for t in api::ARGUMENT_TYPES {
        for locale in ["zh-CN", "zh-TW", "en"] {
            let e = api::argument_error("x", t, &Value::Null, Some(&obj(&[("locale", s(locale))])));
            assert_eq!(e.code, "options.wrong_type");
            assert!(
                wrong_script(&e.message, locale, &[]).is_none(),
                "{}",
                e.message
            );
        }
    }
    // A word that is not a type, or a bad locale: the error says so.
    let e = api::argument_error("fields", "thing", &Value::Null, None);
    assert_eq!(
        (e.code.as_str(), e.path.as_str()),
        ("options.bad_value", "expected")
    );
    let e = api::argument_error(
        "fields",
        "object",
        &Value::Null,
        Some(&obj(&[("locale", s("fr"))])),
    );
    assert_eq!(e.path, "opts.locale");
}
