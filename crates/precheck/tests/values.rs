//! Money, 大写金额, dates and phone numbers (RULES.md §5), at their edges.
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
use procurement_precheck::value::Value;

fn amount(
    v: &str,
) -> procurement_precheck::fields::CheckResult<procurement_precheck::fields::money::AmountInfo> {
    api::parse_amount(&s(v), None).unwrap()
}
fn amount_with(
    v: Value,
    opts: Value,
) -> procurement_precheck::fields::CheckResult<procurement_precheck::fields::money::AmountInfo> {
    api::parse_amount(&v, Some(&opts)).unwrap()
}

#[test]
fn money_forms_users_type() {
    for (input, yuan) in [
        ("1234.56", "1234.56"),
        ("1,234.56", "1234.56"),
        ("１，２３４．５６", "1234.56"),
        ("¥1,234.5", "1234.50"),
        ("￥ 1 234", "1234.00"),
        ("人民币1234.56元", "1234.56"),
        ("RMB 12", "12.00"),
        ("0", "0.00"),
        ("-0", "0.00"),
        ("0.01", "0.01"),
        ("007", "7.00"),
        ("1,000,000,000,000", "1000000000000.00"),
        ("1000000000000.00", "1000000000000.00"),
    ] {
        let r = amount(input);
        assert!(r.ok, "{input}: {:?}", r.findings);
        assert_eq!(r.value.as_deref(), Some(yuan), "{input}");
    }
}

#[test]
fn money_in_wan_is_converted_exactly() {
    let r = amount("123.4567万元");
    assert_eq!(r.value.as_deref(), Some("1234567.00"));
    assert_eq!(codes(&r), ["money.converted"]);
    let r = amount("200万");
    assert_eq!(r.value.as_deref(), Some("2000000.00"));
    assert_eq!(
        r.info.unwrap().unit,
        procurement_precheck::fields::money::Unit::Wan
    );
    // opts.unit applies to a bare number; a unit in the text wins.
    let wan = obj(&[("unit", s("wan"))]);
    assert_eq!(
        amount_with(s("199.999999"), wan.clone()).value.as_deref(),
        Some("1999999.99")
    );
    assert_eq!(
        amount_with(s("5元"), wan.clone()).value.as_deref(),
        Some("5.00")
    );
    // One fen below 200万 in 万元: 199.999999 万 = 1,999,999.99 元; 7 decimals in 万 = 3 in 元.
    let r = amount_with(s("199.9999999"), wan);
    assert_eq!(codes(&r), ["money.too_many_decimals"]);
    assert_eq!(r.findings[0].params["decimals"], "3");
}

#[test]
fn money_errors() {
    assert_eq!(codes(&amount("12.345")), ["money.too_many_decimals"]);
    assert!(
        amount("12.340").ok,
        "trailing zeros are not extra precision"
    );
    assert_eq!(codes(&amount("-5")), ["money.negative"]);
    assert_eq!(codes(&amount("−5")), ["money.negative"]);
    assert_eq!(codes(&amount("1,000,000,000,000.01")), ["money.too_large"]);
    assert_eq!(
        codes(&amount("123456789012345678901234567890")),
        ["money.too_large"]
    );
    assert_eq!(codes(&amount("12,34")), ["money.grouping"]);
    assert_eq!(codes(&amount("1234,567")), ["money.grouping"]);
    for bad in [
        "abc",
        "1.2.3",
        ".5",
        "5.",
        "1e5",
        "12元5角",
        "--5",
        "¥",
        "0x10",
    ] {
        assert_eq!(codes(&amount(bad)), ["money.invalid"], "{bad}");
    }
    let neg = obj(&[("allowNegative", Value::Bool(true))]);
    assert_eq!(amount_with(s("-5.5"), neg).value.as_deref(), Some("-5.50"));
}

#[test]
fn money_from_numbers_is_exact() {
    let n = |t: &str| Value::Number(t.to_string().into());
    assert_eq!(
        api::parse_amount(&n("1234.56"), None)
            .unwrap()
            .value
            .as_deref(),
        Some("1234.56")
    );
    assert_eq!(
        api::parse_amount(&n("0.1"), None).unwrap().value.as_deref(),
        Some("0.10")
    );
    assert_eq!(
        codes(&api::parse_amount(&n("NaN"), None).unwrap()),
        ["money.not_finite"]
    );
    assert_eq!(
        codes(&api::parse_amount(&n("Infinity"), None).unwrap()),
        ["money.not_finite"]
    );
    // f64 text of 0.1 + 0.2 has 17 decimals: refused, not rounded.
    let f = procurement_precheck::value::number_text(0.1 + 0.2);
    assert_eq!(
        codes(&api::parse_amount(&n(&f), None).unwrap()),
        ["money.too_many_decimals"]
    );
}

#[test]
fn threshold_compared_to_the_fen() {
    let at = amount("2,000,000.00").info.unwrap();
    let below = amount("1999999.99").info.unwrap();
    assert_eq!(at.fen, "200000000");
    assert_eq!(below.fen, "199999999");
}

// ---- 大写金额 ----

fn upper(
    u: &str,
    a: &str,
) -> procurement_precheck::fields::CheckResult<procurement_precheck::fields::money::UppercaseInfo> {
    api::check_uppercase_amount(&s(u), &s(a), None).unwrap()
}

#[test]
fn shared_uppercase_vectors_generate_and_check() {
    for row in fixture("rmb_uppercase.txt") {
        let (amount, spelled) = (&row[0], &row[1]);
        let r = upper(spelled, amount);
        assert!(r.ok, "{amount} {spelled}: {:?}", r.findings);
        assert!(
            r.findings.is_empty(),
            "{amount} {spelled}: {:?}",
            r.findings
        );
        // The generator writes 元 (not 圆); otherwise it matches the published spelling.
        let canonical = api::amount_to_uppercase(&s(amount), None).unwrap();
        assert_eq!(canonical, spelled.replace('圆', "元"), "{amount}");
    }
}

#[test]
fn uppercase_worked_examples() {
    let gen = |a: &str| api::amount_to_uppercase(&s(a), None).unwrap();
    assert_eq!(gen("1409.50"), "壹仟肆佰零玖元伍角");
    assert_eq!(gen("16409.02"), "壹万陆仟肆佰零玖元零贰分");
    let g = gen("107000.53");
    assert!(
        g == "壹拾万柒仟元零伍角叁分" || g == "壹拾万零柒仟元伍角叁分",
        "{g}"
    );
    for spelled in [
        "壹拾万柒仟元零伍角叁分",
        "壹拾万零柒仟元伍角叁分",
        "人民币壹拾万零柒仟圆伍角叁分",
    ] {
        let r = upper(spelled, "107000.53");
        assert!(r.ok && r.findings.is_empty(), "{spelled}: {:?}", r.findings);
    }
    // Optional 整 after 角; 正 for 整.
    assert!(upper("壹仟肆佰零玖元伍角整", "1409.50").findings.is_empty());
    assert!(upper("壹佰零壹元正", "101").findings.is_empty());
    // Optional 零 where the 元 digit is 0 and 角 is not.
    assert!(upper("壹仟陆佰捌拾元零叁角贰分", "1680.32")
        .findings
        .is_empty());
    assert!(upper("壹仟陆佰捌拾元叁角贰分", "1680.32")
        .findings
        .is_empty());
}

#[test]
fn uppercase_mismatch_is_an_error_with_both_values() {
    let r = upper("壹仟肆佰零玖元伍角", "1409.05");
    assert!(!r.ok);
    assert_eq!(codes(&r), ["uppercase.mismatch"]);
    assert_eq!(r.findings[0].params["parsed"], "1409.50");
    assert_eq!(r.findings[0].params["amount"], "1409.05");
    assert_eq!(r.findings[0].params["canonical"], "壹仟肆佰零玖元零伍分");
    // A fen off.
    assert!(!upper("贰佰万元整", "1999999.99").ok);
    assert!(upper("贰佰万元整", "200万").ok);
}

#[test]
fn uppercase_nonstandard_spelling_is_a_warning() {
    let r = upper("壹仟玖元整", "1009");
    assert!(r.ok);
    assert_eq!(codes(&r), ["uppercase.nonstandard"]);
    assert_eq!(r.findings[0].params["canonical"], "壹仟零玖元整");
    let r = upper("拾伍元整", "15");
    assert!(r.ok);
    assert_eq!(codes(&r), ["uppercase.missing_leading_one"]);
    let r = upper("壹元贰分", "1.02");
    assert_eq!(codes(&r), ["uppercase.nonstandard"], "元零X分 is mandatory");
}

#[test]
fn uppercase_errors() {
    let r = upper("一千元整", "1000");
    assert_eq!(codes(&r), ["uppercase.lowercase_numeral"]);
    assert_eq!(r.findings[0].params["suggest"], "壹");
    assert_eq!(r.findings[0].params["position"], "1");
    assert_eq!(codes(&upper("壹佰壹仟元", "1100")), ["uppercase.malformed"]);
    assert_eq!(codes(&upper("壹佰", "100")), ["uppercase.missing_yuan"]);
    assert_eq!(
        codes(&upper("壹佰元abc", "100")),
        ["uppercase.invalid_char"]
    );
    assert_eq!(codes(&upper("壹万亿元整", "1")), ["uppercase.too_large"]);
    // The figures' own errors carry their path.
    let r = upper("壹佰元整", "abc");
    assert!(!r.ok);
    assert_eq!(r.findings[0].path, "amount");
    assert_eq!(r.findings[0].code, "money.invalid");
}

#[test]
fn amount_to_uppercase_errors_are_structured() {
    let e = api::amount_to_uppercase(&s("-1"), None).unwrap_err();
    assert_eq!(e.code, "money.negative");
    assert_eq!(e.path, "amount");
    let e = api::amount_to_uppercase(&s("1000000000000"), None).unwrap_err();
    assert_eq!(e.code, "uppercase.too_large");
    assert_eq!(
        api::amount_to_uppercase(&s("999999999999.99"), None).unwrap(),
        "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"
    );
    assert_eq!(
        api::amount_to_uppercase(&Value::Number("0".into()), None).unwrap(),
        "零元整"
    );
}

// ---- dates ----

#[test]
fn date_formats() {
    for input in [
        "2024-01-05",
        "2024/1/5",
        "2024.1.5",
        "2024年1月5日",
        "20240105",
        "２０２４－０１－０５",
        " 2024-1-05 ",
        "2024-01-05 08:30:00",
        "2024-01-05T08:30:00Z",
    ] {
        let r = api::parse_date(&s(input), None).unwrap();
        assert_eq!(
            r.value.as_deref(),
            Some("2024-01-05"),
            "{input}: {:?}",
            r.findings
        );
    }
    let r = api::parse_date(&Value::Number("20240105".into()), None).unwrap();
    assert_eq!(r.value.as_deref(), Some("2024-01-05"));
    assert_eq!(
        api::parse_date(&s("2024-01-05"), None)
            .unwrap()
            .info
            .unwrap()
            .weekday,
        5
    );
}

#[test]
fn date_calendar_edges() {
    let d = |v: &str| {
        codes(&api::parse_date(&s(v), None).unwrap())
            .into_iter()
            .map(String::from)
            .collect::<Vec<_>>()
    };
    assert!(d("2024-02-29").is_empty());
    assert!(d("2000-02-29").is_empty(), "divisible by 400");
    assert_eq!(d("1900-02-29"), ["date.not_a_date"], "divisible by 100");
    assert_eq!(d("2023-02-29"), ["date.not_a_date"]);
    assert_eq!(d("2024-04-31"), ["date.not_a_date"]);
    assert_eq!(d("2024-13-01"), ["date.not_a_date"]);
    assert_eq!(d("2024-00-10"), ["date.not_a_date"]);
    assert_eq!(d("0000-01-01"), ["date.out_of_range"]);
    assert_eq!(d("1799-12-31"), ["date.out_of_range"]);
    assert!(d("9999-12-31").is_empty());
    for bad in [
        "2024",
        "24-1-5",
        "2024-1",
        "2024-01-05-01",
        "2024年1月5",
        "yesterday",
        "2024/01-05x",
    ] {
        assert_eq!(d(bad), ["date.format"], "{bad}");
    }
}

#[test]
fn date_allow_long_term() {
    let on = obj(&[("allowLongTerm", Value::Bool(true))]);
    let off = obj(&[("allowLongTerm", Value::Bool(false))]);
    for word in [
        "长期",
        "長期",
        "长期有效",
        "長期有效",
        "long-term",
        "Long-Term",
        " 长期 ",
        "LONG TERM",
        "PERMANENT",
        "永久",
        "无固定期限",
    ] {
        let r = api::parse_date(&s(word), Some(&on)).unwrap();
        assert!(r.ok, "{word}: {:?}", r.findings);
        assert!(r.findings.is_empty(), "{word}: {:?}", r.findings);
        assert_eq!(r.value.as_deref(), Some("长期"), "{word}");
        assert!(r.info.is_none(), "{word}: no calendar parts");
        // Without the option (absent or false) it is text that is not a date.
        for opts in [None, Some(&off)] {
            let r = api::parse_date(&s(word), opts).unwrap();
            assert!(!r.ok, "{word}");
            assert_eq!(codes(&r), ["date.format"], "{word}");
        }
    }
    // The option changes nothing else: dates still parse, near-words and bad dates still fail,
    // an empty value is still required.
    let r = api::parse_date(&s("2030-12-31"), Some(&on)).unwrap();
    assert_eq!(r.value.as_deref(), Some("2030-12-31"));
    assert_eq!(r.info.unwrap().day, 31);
    for (bad, code) in [
        ("长期的", "date.format"),
        ("长", "date.format"),
        ("long", "date.format"),
        ("2023-02-29", "date.not_a_date"),
        ("", "field.required"),
    ] {
        let r = api::parse_date(&s(bad), Some(&on)).unwrap();
        assert_eq!(codes(&r), [code], "{bad}");
    }
    // A wrong type for the option is a structured error naming it.
    let err = api::parse_date(&s("长期"), Some(&obj(&[("allowLongTerm", s("yes"))]))).unwrap_err();
    assert!(format!("{err:?}").contains("allowLongTerm"), "{err:?}");
}

#[test]
fn date_arithmetic_for_the_rules() {
    use procurement_precheck::fields::date::Date;
    let feb29 = Date::new(2024, 2, 29).unwrap();
    assert_eq!(feb29.add_years(-3).to_string(), "2021-02-28");
    assert_eq!(feb29.add_years(4).to_string(), "2028-02-29");
    assert_eq!(feb29.add_days(1).to_string(), "2024-03-01");
    assert_eq!(Date::new(1970, 1, 1).unwrap().days_since_epoch(), 0);
    assert_eq!(Date::new(2000, 3, 1).unwrap().days_since_epoch(), 11017);
    for days in [-800_000i64, -1, 0, 59, 60, 11016, 2_932_896] {
        assert_eq!(Date::from_days_since_epoch(days).days_since_epoch(), days);
    }
}

// ---- phone numbers ----

#[test]
fn mobile_numbers() {
    let m = |v: &str| api::check_mobile(&s(v), None).unwrap();
    for ok in [
        "13812345678",
        "19912345678",
        "+86 138 1234 5678",
        "0086-138-1234-5678",
        "１３８１２３４５６７８",
    ] {
        assert_eq!(m(ok).value.as_deref().map(str::len), Some(11), "{ok}");
        assert!(m(ok).ok, "{ok}");
    }
    for bad in [
        "12812345678",
        "1381234567",
        "138123456789",
        "23812345678",
        "1381234567a",
    ] {
        assert_eq!(codes(&m(bad)), ["mobile.invalid"], "{bad}");
    }
    assert_eq!(codes(&m("010-12345678")), ["mobile.landline_not_allowed"]);
    assert!(
        api::check_mobile(&Value::Number("13812345678".into()), None)
            .unwrap()
            .ok
    );
}

#[test]
fn landlines_where_allowed() {
    let opts = obj(&[("allowLandline", Value::Bool(true))]);
    let l = |v: &str| api::check_mobile(&s(v), Some(&opts)).unwrap();
    assert_eq!(l("010-12345678").value.as_deref(), Some("010-12345678"));
    assert_eq!(l("(0755)1234567").value.as_deref(), Some("0755-1234567"));
    assert_eq!(
        l("0755 12345678-123").value.as_deref(),
        Some("0755-12345678-123")
    );
    assert_eq!(l("01012345678").value.as_deref(), Some("010-12345678"));
    assert_eq!(l("13812345678").info.unwrap().kind, "mobile");
    assert_eq!(codes(&l("010-123")), ["mobile.invalid"]);
    assert_eq!(codes(&l("10-12345678")), ["mobile.invalid"]);
}

#[test]
fn reading_stops_at_the_node_budget_and_the_depth_limit_without_losing_the_rest() {
    use procurement_precheck::value::{Value, MAX_DEPTH, MAX_NODES};
    // Wider than the budget: the values beyond it read as unsupported, the array stays whole.
    let wide = format!("[{}]", vec!["1"; MAX_NODES + 10].join(","));
    let Value::Array(items) = serde_json::from_str::<Value>(&wide).unwrap() else {
        panic!("not an array")
    };
    assert_eq!(items.len(), MAX_NODES + 10);
    assert_eq!(items[0], Value::Number("1".into()));
    assert_eq!(items[MAX_NODES + 5], Value::Unsupported);
    // Deeper than the limit: only the too-deep subtree is lost; its siblings are read.
    let deep = format!(
        r#"{{"name":"x","members":{}{}}}"#,
        "[".repeat(MAX_DEPTH + 5),
        "]".repeat(MAX_DEPTH + 5)
    );
    let v: Value = serde_json::from_str(&deep).unwrap();
    assert_eq!(v.get("name"), Some(&Value::String("x".into())));
    let mut cur = v.get("members").unwrap();
    let mut depth = 1;
    while let Value::Array(a) = cur {
        cur = &a[0];
        depth += 1;
    }
    assert_eq!(cur, &Value::Unsupported);
    assert_eq!(depth, MAX_DEPTH + 1);
}
