//! `Value::from_json_text` (how the wasm boundary reads a plain JS object: one
//! `JSON.stringify`, one string across) gives the value the serde path gives for the same data
//! — here serde_json, the CLI's reader — and refuses what it must leave to that path.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::unreachable,
    clippy::indexing_slicing,
    clippy::string_slice
)] // a test fails loudly
use procurement_precheck::value::{number_text, Value, MAX_DEPTH, MAX_NODES};
use proptest::prelude::*;

fn serde(text: &str) -> Value<'_> {
    serde_json::from_str(text).unwrap()
}

fn fast(text: &str) -> Value<'_> {
    Value::from_json_text(text).unwrap_or_else(|| panic!("refused {text:?}"))
}

#[test]
fn the_scenarios_and_the_county_overlay_read_alike() {
    for file in [
        "tests/fixtures/qualification/scenarios.json",
        "data/catalogues/county_example_2023.json",
    ] {
        let text = std::fs::read_to_string(precheck_testkit::repo(file)).expect(file);
        // Exponents do not occur in these files; the pretty-printing whitespace is read.
        assert_eq!(fast(&text), serde(&text), "{file}");
    }
}

#[test]
fn edges_of_the_grammar() {
    for text in [
        "null",
        " true ",
        "false",
        "0",
        "0",
        "-12.5",
        "100000000000000000000",
        "123456789012345",
        "0.000123456789012345",
        "[]",
        "{}",
        "[1,[2,[3]],{}]",
        r#"{"a":1,"a":2}"#,
        r#""\"\\\/\b\f\n\r\t\u00e9\u4e2d\ud83d\ude00""#,
        r#"{"中文":"统一社会信用代码","k":[null,true,"x"]}"#,
        "\"\u{1F600}\"",
    ] {
        assert_eq!(fast(text), serde(text), "{text}");
    }
    // A lone surrogate reads as U+FFFD, as a JS string crossing into wasm does (serde_json
    // refuses it).
    assert_eq!(fast(r#""a\ud800b""#), Value::String("a\u{FFFD}b".into()));
    assert_eq!(fast(r#""\udc00""#), Value::String("\u{FFFD}".into()));
    assert_eq!(fast(r#""\ud800\u0041""#), Value::String("\u{FFFD}A".into()));
    for bad in [
        "",
        "nul",
        "[1,]",
        "{\"a\":}",
        "01",
        "1.",
        ".5",
        "1e5",
        "1E-7",
        "-",
        "[1 2]",
        "{a:1}",
        "\"\u{1}\"",
        "\"abc",
        "[",
        "{\"a\":1",
        "1 2",
        "\"\\x\"",
        "\"\\u12g4\"",
        "tru",
        "+1",
        "NaN",
        // Numbers whose text the serde path would print differently: refused.
        "-0",
        "-0.0",
        "1.50",
        "0.0",
        "1234567890123456",
        "0.30000000000000004",
        // Found by fuzz/value_json_text (fuzz/RESULTS.md, finding 10).
        "65555555555555555555555555555555555555555555555555555555",
        "555000000202080000000.5",
    ] {
        assert_eq!(Value::from_json_text(bad), None, "{bad:?}");
    }
}

#[test]
fn past_the_depth_and_node_limits_alike() {
    for depth in [MAX_DEPTH - 1, MAX_DEPTH, MAX_DEPTH + 1, MAX_DEPTH + 30] {
        let text = format!("{}1{}", "[".repeat(depth), "]".repeat(depth));
        assert_eq!(fast(&text), serde(&text), "depth {depth}");
    }
    // Far deeper: the part past the limit is checked for syntax without recursion (as
    // serde_json ignores a value) and reads as unsupported, as on the serde path (this was
    // refused, left to the serde path, before the skip was iterative).
    for depth in [600, 100_000] {
        let deep = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        assert_eq!(fast(&deep), serde(&deep), "depth {depth}");
        let broken = format!("{}{}", "[".repeat(depth), "]".repeat(depth - 1));
        assert_eq!(Value::from_json_text(&broken), None);
    }
    for n in [MAX_NODES - 2, MAX_NODES - 1, MAX_NODES, MAX_NODES + 5] {
        let text = format!("[{}]", vec!["[7]"; n / 2].join(","));
        assert_eq!(fast(&text), serde(&text), "{n} nodes");
    }
}

fn json(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => serde_json::to_string(s).unwrap(),
        Value::Array(a) => format!("[{}]", a.iter().map(json).collect::<Vec<_>>().join(",")),
        Value::Object(o) => format!(
            "{{{}}}",
            o.iter()
                .map(|(k, v)| format!("{}:{}", serde_json::to_string(k).unwrap(), json(v)))
                .collect::<Vec<_>>()
                .join(",")
        ),
        Value::Unsupported => unreachable!(),
    }
}

fn values() -> impl Strategy<Value = Value<'static>> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        // Numbers as JS and Rust print a finite f64 without an exponent, of at most 15
        // significant digits (longer ones are left to the serde path).
        (-1e9f64..1e9).prop_map(|f| Value::Number(number_text((f * 1e5).round() / 1e5).into())),
        (-1_000_000i64..1_000_000).prop_map(|i| Value::Number(i.to_string().into())),
        "\\PC{0,12}|[\"\\\\\u{0}-\u{1f}]{0,4}".prop_map(|t: String| Value::String(t.into())),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec(("\\PC{0,6}".prop_map(std::borrow::Cow::Owned), inner), 0..6)
                .prop_map(Value::Object),
        ]
    })
}

proptest! {
    /// The text of any value reads back as that value (numbers as written, which is what a JS
    /// number's own text is), and as serde_json reads it wherever serde_json parses the
    /// numbers exactly: with its `float_roundtrip` feature, which the CLI enables.
    #[test]
    fn any_value_reads_back_as_itself(v in values()) {
        let text = json(&v);
        prop_assert_eq!(Value::from_json_text(&text), Some(v));
    }
}

/// Texts that stand in the JSON text as they are (no escape) are borrowed from it, keys
/// included, by both readers; an escaped text is its own copy; equality ignores which.
#[test]
fn unescaped_texts_are_borrowed() {
    use std::borrow::Cow;
    let text = r#"{"name":"示例","n":12.5,"esc":"a\nb","list":["x"],"k\u0065y":"v"}"#;
    for v in [fast(text), serde(text)] {
        let Value::Object(entries) = &v else {
            panic!("{v:?}")
        };
        let borrowed = |c: &Cow<str>| matches!(c, Cow::Borrowed(_));
        let keys: Vec<bool> = entries.iter().map(|(k, _)| borrowed(k)).collect();
        assert_eq!(keys, [true, true, true, true, false], "{v:?}");
        assert!(matches!(
            v.get("name"),
            Some(Value::String(Cow::Borrowed("示例")))
        ));
        assert!(matches!(v.get("esc"), Some(Value::String(Cow::Owned(s))) if s == "a\nb"));
        assert!(
            matches!(v.get("list"), Some(Value::Array(a)) if matches!(&a[0], Value::String(Cow::Borrowed("x"))))
        );
        assert_eq!(v.get("key"), Some(&Value::String("v".into())));
    }
    // The JS reader borrows numbers as written too.
    assert!(matches!(
        fast(text).get("n"),
        Some(Value::Number(Cow::Borrowed("12.5")))
    ));
    // A value kept beyond its text owns everything, and is the same value.
    let owned = fast(text).into_owned();
    assert_eq!(owned, fast(text));
}
