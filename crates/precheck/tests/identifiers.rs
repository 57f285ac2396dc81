//! USCC, 身份证, 组织机构代码 and 15-digit 注册号 (RULES.md §5), at their edges.
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
use procurement_precheck::fields::{org_code, regno15, resident_id, uscc};
use procurement_precheck::value::Value;

fn uscc_check(v: &str) -> procurement_precheck::fields::CheckResult<uscc::UsccInfo> {
    api::check_uscc(&s(v), None).unwrap()
}

#[test]
fn every_shared_valid_uscc_passes_with_decoded_info() {
    let rows = fixture("uscc_valid.txt");
    assert!(rows.len() >= 100);
    let mut zero_check = 0;
    for row in rows {
        let code = &row[0];
        let r = uscc_check(code);
        assert!(r.ok, "{code}: {:?}", r.findings);
        assert!(r.findings.is_empty(), "{code}: {:?}", r.findings);
        assert_eq!(r.value.as_deref(), Some(code.as_str()));
        let info = r.info.expect("info");
        assert_eq!(info.org_code.replace('-', ""), code[8..17]);
        if code.ends_with('0') {
            zero_check += 1;
        }
    }
    assert!(zero_check >= 2, "the vectors include check char '0'");
}

#[test]
fn check_char_zero_needs_the_outer_mod() {
    // Σ ≡ 0 (mod 31) → check '0'; without the outer mod the index would be 31.
    assert_eq!(uscc::check_char("91152201078376286"), Some('0'));
    assert_eq!(uscc::check_char("91340600MA2PBP212"), Some('0'));
    assert!(uscc_check("911522010783762860").ok);
}

#[test]
fn shared_invalid_usccs_fail_for_the_stated_reason() {
    assert_eq!(codes(&uscc_check("12345")), ["uscc.length"]);
    assert_eq!(uscc_check("12345").findings[0].params["length"], "5");
    let r = uscc_check("9111000060003IOZSV");
    assert_eq!(codes(&r), ["uscc.invalid_char"]);
    assert_eq!(r.findings[0].params["position"], "14");
    assert_eq!(r.findings[0].params["char"], "I");
    let r = uscc_check("91110000600037341N");
    assert_eq!(codes(&r), ["uscc.check_char"]);
    assert_eq!(r.findings[0].params["expected"], "L");
    assert_eq!(r.findings[0].params["actual"], "N");
    // A1 is a legal pair under GB 32100, but the check char of this body is K.
    let r = uscc_check("A1110000600037341L");
    assert_eq!(codes(&r), ["uscc.check_char"]);
    assert_eq!(r.findings[0].params["expected"], "K");
    assert!(uscc_check("A1110000600037341K").ok);
}

#[test]
fn worked_example_decodes() {
    let r = uscc_check("91110000600037341L");
    let info = r.info.unwrap();
    assert_eq!(info.authority, "市场监管");
    assert_eq!(info.type_name, "企业");
    assert_eq!(info.entity_kind, "enterprise");
    assert_eq!(info.division_code, "110000");
    assert_eq!(info.province, "北京市");
    assert_eq!(info.org_code, "60003734-1");
    assert_eq!(info.summary, "市场监管 · 企业 · 北京市");
}

/// The decoded names in each locale; the zh-TW names of the authority, the type and the
/// province are made from the zh-CN ones where the characters alone differ (build.rs).
#[test]
fn decoded_names_follow_the_locale() {
    let in_locale = |code: &str, locale: &str| {
        let opts = Value::Object(vec![("locale".into(), s(locale))]);
        let r = api::check_uscc(&s(code), Some(&opts)).unwrap();
        let i = r.info.unwrap();
        [i.authority, i.type_name, i.province]
            .map(str::to_string)
            .into_iter()
            .chain([i.summary])
            .collect::<Vec<_>>()
    };
    let body = "91440300MA5DA3R45";
    let code = format!("{body}{}", uscc::check_char(body).unwrap());
    assert_eq!(
        in_locale(&code, "zh-TW"),
        ["市場監管", "企業", "廣東省", "市場監管 · 企業 · 廣東省"]
    );
    assert_eq!(
        in_locale(&code, "zh-CN"),
        ["市场监管", "企业", "广东省", "市场监管 · 企业 · 广东省"]
    );
    assert_eq!(
        in_locale(&code, "en"),
        [
            "Market regulation",
            "enterprise",
            "Guangdong",
            "Market regulation · enterprise · Guangdong"
        ]
    );
    // A name that is the same in both scripts.
    let r = in_locale("91110000600037341L", "zh-TW");
    assert_eq!(r[2], "北京市");
    assert!(!r[0].contains('=') && !r[1].contains('='));
}

#[test]
fn letter_authority_codes_are_accepted() {
    // N2 (village collective), Y1 (other) and A1 (military) with real check characters.
    for body in [
        "N2440300MA5DA3R45",
        "Y1440300MA5DA3R45",
        "A1110000600037341",
    ] {
        let code = format!("{body}{}", uscc::check_char(body).unwrap());
        let r = uscc_check(&code);
        assert!(r.ok, "{code}: {:?}", r.findings);
    }
    let n2 = format!(
        "N2440300MA5DA3R45{}",
        uscc::check_char("N2440300MA5DA3R45").unwrap()
    );
    assert_eq!(
        uscc_check(&n2).info.unwrap().entity_kind,
        "rural_collective"
    );
}

#[test]
fn invalid_pairs_divisions_and_org_codes_are_named() {
    // 94 is not a pair; fix the check char so only the pair is wrong.
    let body = "94110000600037341";
    let r = uscc_check(&format!("{body}{}", uscc::check_char(body).unwrap()));
    assert_eq!(codes(&r), ["uscc.authority_type"]);
    assert_eq!(r.findings[0].params["pair"], "94");
    // Division 990000 does not exist.
    let body = "91990000600037341";
    let r = uscc_check(&format!("{body}{}", uscc::check_char(body).unwrap()));
    assert_eq!(codes(&r), ["uscc.division"]);
    // Letters in positions 3–8.
    let body = "9111A000600037341";
    let r = uscc_check(&format!("{body}{}", uscc::check_char(body).unwrap()));
    assert_eq!(codes(&r), ["uscc.division"]);
    // Embedded org code 60003734-2 is wrong (should be 1).
    let body = "91110000600037342";
    let r = uscc_check(&format!("{body}{}", uscc::check_char(body).unwrap()));
    assert_eq!(codes(&r), ["uscc.org_code"]);
    assert_eq!(r.findings[0].params["expected"], "1");
    assert_eq!(r.findings[0].params["orgCode"], "60003734-2");
}

#[test]
fn an_id_number_that_passes_the_check_char_is_called_an_id_number() {
    let id = "362322198709086409";
    assert_eq!(
        uscc::check_char(&id[..17]),
        Some('9'),
        "it passes the USCC check"
    );
    let r = uscc_check(id);
    assert!(!r.ok);
    assert_eq!(codes(&r), ["uscc.looks_like_id_number"]);
    assert!(r.findings[0].message.contains("身份证"));
    // An ID number that fails the USCC check is still recognised as one.
    let r = uscc_check("11010519491231002X");
    assert_eq!(codes(&r), ["uscc.looks_like_id_number"]);
}

#[test]
fn regex_only_lookalikes_fail() {
    let r = uscc_check("111111111111111111");
    assert!(!r.ok);
    assert!(codes(&r).contains(&"uscc.org_code"), "{:?}", codes(&r));
    let r = uscc_check("000000000000000000");
    assert!(
        codes(&r).contains(&"uscc.authority_type"),
        "{:?}",
        codes(&r)
    );
}

#[test]
fn normalisation_is_reported() {
    let r = uscc_check(" ９１１１００００-６０００３７３４１ｌ ");
    assert!(r.ok, "{:?}", r.findings);
    assert_eq!(r.value.as_deref(), Some("91110000600037341L"));
    assert_eq!(codes(&r), ["field.normalized"]);
    assert_eq!(
        r.findings[0].severity,
        procurement_precheck::report::Severity::Info
    );
    assert_eq!(
        r.findings[0].params["changes"],
        "full_width,spaces,hyphens,case"
    );
    // Full-width noise never turns a pass into a fail or changes the value.
    for noisy in [
        "91110000 600037341L",
        "9111-0000-6000-3734-1L",
        "91110000600037341l",
    ] {
        assert_eq!(
            uscc_check(noisy).value.as_deref(),
            Some("91110000600037341L")
        );
        assert!(uscc_check(noisy).ok);
    }
}

#[test]
fn pilot_allowlist_turns_the_check_char_into_a_warning() {
    let pilot = "91350203M0001QKT19";
    let r = uscc_check(pilot);
    assert!(!r.ok);
    assert!(codes(&r).contains(&"uscc.check_char"));
    let opts = obj(&[(
        "usccPilotAllowlist",
        Value::Array(vec![s("91350203m0001qkt19")]),
    )]);
    let r = api::check_uscc(&s(pilot), Some(&opts)).unwrap();
    assert!(r.ok, "{:?}", r.findings);
    assert_eq!(codes(&r), ["uscc.pilot_allowlisted"]);
    assert_eq!(
        r.findings[0].severity,
        procurement_precheck::report::Severity::Warning
    );
    // The allow-list does not excuse other codes.
    let r = api::check_uscc(&s("91110000600037341N"), Some(&opts)).unwrap();
    assert!(!r.ok);
}

#[test]
fn empty_and_optional() {
    let r = uscc_check("   ");
    assert_eq!(codes(&r), ["field.required"]);
    let opts = obj(&[("required", Value::Bool(false))]);
    let r = api::check_uscc(&s(""), Some(&opts)).unwrap();
    assert!(r.ok && r.findings.is_empty() && r.value.is_none());
}

// ---- 身份证 ----

fn id_check(v: &str) -> procurement_precheck::fields::CheckResult<resident_id::IdNumberInfo> {
    api::check_id_number(&s(v), None, Date::new(2026, 11, 21).unwrap()).unwrap()
}

#[test]
fn shared_id_vectors() {
    for row in fixture("ric.txt") {
        let r = id_check(&row[0]);
        assert_eq!(r.ok, row[1] == "valid", "{}: {:?}", row[0], r.findings);
    }
}

#[test]
fn id_worked_example_and_lower_case_x() {
    let r = id_check("11010519491231002x");
    assert!(r.ok);
    assert_eq!(r.value.as_deref(), Some("11010519491231002X"));
    let info = r.info.unwrap();
    assert_eq!(info.birth_date.to_string(), "1949-12-31");
    assert_eq!(info.sex, "female");
    assert_eq!(info.province, "北京市");
    assert_eq!(info.age, 76);
    let r = id_check("360426199101010071");
    assert_eq!(r.info.unwrap().sex, "male");
}

#[test]
fn id_check_char_errors_name_the_expected_char() {
    let r = id_check("110105194912310021");
    assert_eq!(codes(&r), ["id_number.check_char"]);
    assert_eq!(r.findings[0].params["expected"], "X");
}

#[test]
fn id_province_codes() {
    // 99 is not a province; 83 (Taiwan residence permits) and 81 (Hong Kong) are.
    for (prefix, ok) in [
        ("99", false),
        ("10", false),
        ("83", true),
        ("81", true),
        ("16", false),
        ("65", true),
    ] {
        let body = format!("{prefix}0000199001010011");
        let body = &body[..17];
        let id = format!("{body}{}", resident_id::check_char(body).unwrap());
        let r = id_check(&id);
        assert_eq!(r.ok, ok, "{id}: {:?}", r.findings);
        if !ok {
            assert_eq!(codes(&r), ["id_number.province"]);
        }
    }
}

#[test]
fn id_birth_dates_real_and_not_in_the_future() {
    let make = |date: &str| {
        let body = format!("110105{date}001");
        format!("{body}{}", resident_id::check_char(&body).unwrap())
    };
    assert!(id_check(&make("20000229")).ok, "leap day");
    assert_eq!(
        codes(&id_check(&make("19000229"))),
        ["id_number.birth_date"]
    );
    assert_eq!(
        codes(&id_check(&make("19901301"))),
        ["id_number.birth_date"]
    );
    assert!(id_check(&make("20261121")).ok, "born today");
    let r = id_check(&make("20261122"));
    assert_eq!(codes(&r), ["id_number.birth_in_future"]);
    assert_eq!(r.findings[0].params["today"], "2026-11-21");
    // opts.today overrides the clock.
    let opts = obj(&[("today", s("2026-11-22"))]);
    let r = api::check_id_number(
        &s(&make("20261122")),
        Some(&opts),
        Date::new(2026, 11, 21).unwrap(),
    )
    .unwrap();
    assert!(r.ok);
    assert_eq!(r.info.unwrap().age, 0);
}

#[test]
fn id_legacy_15_digits_are_converted_with_a_warning() {
    let r = id_check("110105491231002");
    assert!(r.ok, "{:?}", r.findings);
    assert_eq!(codes(&r), ["id_number.legacy_15"]);
    assert_eq!(r.value.as_deref(), Some("11010519491231002X"));
    assert_eq!(r.findings[0].params["converted"], "11010519491231002X");
}

#[test]
fn id_shapes() {
    assert_eq!(codes(&id_check("1101051949123100")), ["id_number.length"]);
    let r = id_check("11010519491231X02X");
    assert_eq!(codes(&r), ["id_number.invalid_char"]);
    assert_eq!(r.findings[0].params["position"], "15");
    // X is allowed only last, and not in the 15-digit form.
    assert_eq!(
        codes(&id_check("11010549123100X")),
        ["id_number.invalid_char"]
    );
}

// ---- 组织机构代码 ----

#[test]
fn shared_org_code_vectors() {
    for row in fixture("org_code.txt") {
        let r = api::check_org_code(&s(&row[0]), None).unwrap();
        assert_eq!(r.ok, row[1] == "valid", "{}: {:?}", row[0], r.findings);
        assert_eq!(r.value.as_deref(), Some(row[0].as_str()));
    }
}

#[test]
fn org_code_forms() {
    let r = api::check_org_code(&s("600037341"), None).unwrap();
    assert!(r.ok && r.findings.is_empty());
    assert_eq!(r.value.as_deref(), Some("60003734-1"));
    let r = api::check_org_code(&s("55323005-x"), None).unwrap();
    assert!(r.ok, "lower-case x check char");
    let r = api::check_org_code(&s("60003734-2"), None).unwrap();
    assert_eq!(codes(&r), ["org_code.check_char"]);
    assert_eq!(r.findings[0].params["expected"], "1");
    let r = api::check_org_code(&s("6000373-41"), None).unwrap();
    assert!(r.ok, "hyphen anywhere is dropped");
    assert_eq!(
        codes(&api::check_org_code(&s("60003734"), None).unwrap()),
        ["org_code.length"]
    );
    assert_eq!(
        codes(&api::check_org_code(&s("6000373#1"), None).unwrap()),
        ["org_code.invalid_char"]
    );
    assert_eq!(
        codes(&api::check_org_code(&s("60003734Y"), None).unwrap()),
        ["org_code.invalid_char"]
    );
    assert_eq!(org_code::check_char("MA1BUFLT"), Some('4'));
}

// ---- 15-digit 注册号 ----

#[test]
fn shared_regno15_vectors() {
    for row in fixture("regno15.txt") {
        let r = api::check_regno15(&s(&row[0]), None).unwrap();
        assert_eq!(r.ok, row[1] == "valid", "{}: {:?}", row[0], r.findings);
        assert!(
            codes(&r).contains(&"regno15.legacy"),
            "always a warning to use the USCC"
        );
    }
    let r = api::check_regno15(&s("110108000000017"), None).unwrap();
    assert_eq!(r.findings[0].params["expected"], "6");
    assert_eq!(regno15::check_digit("11010800000001"), Some('6'));
    assert_eq!(
        codes(&api::check_regno15(&s("11010800000001"), None).unwrap()),
        ["regno15.length"]
    );
    assert_eq!(
        codes(&api::check_regno15(&s("11010800000001A"), None).unwrap()),
        ["regno15.invalid_char"]
    );
}
