//! Regression tests for what fuzzing (`fuzz/`, see fuzz/RESULTS.md) and the property tests
//! (`tests/properties.rs`) found, and for the overflow review of issue 6: each input here once
//! panicked or broke an invariant.
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
use procurement_precheck::catalogue::{builtin, Catalogue};
use procurement_precheck::fields::date::Date;
use procurement_precheck::report::{codes, Locale, PrecheckError};
use procurement_precheck::value::Value;

fn json(text: &str) -> Value<'static> {
    serde_json::from_str::<Value>(text)
        .unwrap_or_else(|e| panic!("{e}: {text}"))
        .into_owned()
}

fn today() -> Date {
    Date::new(2026, 3, 15).unwrap()
}

/// toJson of a catalogue loads again to the same catalogue.
fn round_trips(c: &Catalogue) {
    let text = c.to_json();
    let again = Catalogue::from_value(&json(&text), Locale::En)
        .unwrap_or_else(|e| panic!("{e}: {:#?}", e.findings));
    assert_eq!(again.to_json(), text);
}

fn problems(e: &PrecheckError) -> Vec<(&str, &str)> {
    e.findings
        .iter()
        .map(|f| (f.path.as_str(), f.code))
        .collect()
}

/// fuzz: api_values, field_mobile. A landline without separators was cut at byte 3 or 4, which
/// panicked when a multi-byte character stood there ("039资质L", "01中中中").
#[test]
fn mobile_landline_cut_inside_a_character() {
    for value in [
        "039资质L",
        "01中中中",
        "0中中中",
        "02é12345678",
        "0755中1234567",
    ] {
        for landline in [false, true] {
            let opts = obj(&[("allowLandline", Value::Bool(landline))]);
            let r = api::check_mobile(&s(value), Some(&opts)).unwrap();
            assert!(!r.ok, "{value}");
            assert_eq!(codes(&r), [codes::MOBILE_INVALID], "{value}");
        }
    }
    // What the cut is for still works.
    let opts = obj(&[("allowLandline", Value::Bool(true))]);
    let r = api::check_mobile(&s("075512345678"), Some(&opts)).unwrap();
    assert_eq!(r.value.as_deref(), Some("0755-12345678"));
}

/// fuzz: check_supplier. The label of a path `members[N]…` counted the member as N + 1, which
/// overflowed for a key of the application such as `members[18446744073709551615]`.
#[test]
fn member_index_in_a_key_does_not_overflow() {
    let app = json(r#"{"members[18446744073709551615]": 1, "a]b[": 2, "]]]": 3, "": 4}"#);
    let r = api::check_supplier(&app, None, None, today()).unwrap();
    let f = r
        .findings
        .iter()
        .find(|f| f.path == "members[18446744073709551615]")
        .expect("the unknown key is reported");
    assert_eq!(f.code, codes::QUAL_UNKNOWN_FIELD);
    assert!(r.findings.iter().all(|f| !f.path.is_empty()));
}

/// proptest: overlays. The overlaid catalogue took the overlay's version and issuer untrimmed,
/// so toJson did not load back to the same catalogue (the loader trims).
#[test]
fn overlay_header_is_trimmed() {
    let base = builtin::get("county-example-2023").unwrap();
    let ov = json(r#"{"version": " 2024 ", "issuer": " 某县财政局 "}"#);
    let c = api::catalogue_overlay(&base, &ov, None).unwrap();
    assert_eq!(c.version, format!("{}+2024", base.version));
    assert_eq!(c.issuer, "某县财政局");
    round_trips(&c);
}

/// fuzz: catalogue_overlay. base+overlay could make a version longer than the loader accepts
/// (200 characters), so toJson did not load again: now the overlay is refused.
#[test]
fn overlay_version_over_the_limit_is_refused() {
    let base = builtin::get("county-example-2023").unwrap();
    let long = "v".repeat(200);
    let ov = json(&format!(r#"{{"version": "{long}", "issuer": "i"}}"#));
    let e = api::catalogue_overlay(&base, &ov, None).unwrap_err();
    assert_eq!(problems(&e), [("version", codes::CATALOGUE_TOO_LONG)]);
    // Up to the limit it is fine.
    let fits = "v".repeat(200 - base.version.chars().count() - 1);
    let ov = json(&format!(r#"{{"version": "{fits}", "issuer": "i"}}"#));
    round_trips(&api::catalogue_overlay(&base, &ov, None).unwrap());
}

/// fuzz: catalogue_overlay. Base note + overlay note could exceed the 2000 characters a note is
/// cut at on load; and a note cut right after a space read back without it.
#[test]
fn notes_are_cut_so_that_they_read_back() {
    let doc = |note: &str| {
        json(&format!(
            r#"{{"version": "1", "issuer": "i", "note": "{note}", "items": [{{"code": "01", "name": "a"}}]}}"#
        ))
    };
    let cut_at_space = format!("{} b", "a".repeat(1999));
    let c = Catalogue::from_value(&doc(&cut_at_space), Locale::ZhCn).unwrap();
    assert_eq!(c.note.as_deref(), Some("a".repeat(1999).as_str()));
    round_trips(&c);
    let base = Catalogue::from_value(&doc(&"n".repeat(2000)), Locale::ZhCn).unwrap();
    let ov = json(r#"{"version": "2", "issuer": "j", "note": "more"}"#);
    let c = base.overlay(&ov, Locale::ZhCn).unwrap();
    assert_eq!(c.note.as_ref().map(|n| n.chars().count()), Some(2000));
    round_trips(&c);
}

/// proptest: catalogues_load_sane_and_round_trip. A tree deeper than 12 levels loaded (levels
/// computed 13, 14, …) but toJson wrote levels the loader refuses: now it is refused on load,
/// on the first item below level 12.
#[test]
fn trees_deeper_than_twelve_levels_are_refused() {
    let chain = |n: usize| {
        let items: Vec<String> = (0..n)
            .map(|i| match i {
                0 => r#"{"code": "c0", "name": "n0"}"#.to_string(),
                _ => format!(
                    r#"{{"code": "c{i}", "name": "n{i}", "parent": "c{}"}}"#,
                    i - 1
                ),
            })
            .collect();
        json(&format!(
            r#"{{"version": "1", "issuer": "i", "items": [{}]}}"#,
            items.join(",")
        ))
    };
    let twelve = Catalogue::from_value(&chain(12), Locale::ZhCn).unwrap();
    assert_eq!(twelve.get("c11").map(|i| i.level), Some(12));
    round_trips(&twelve);
    let e = Catalogue::from_value(&chain(20), Locale::ZhCn).unwrap_err();
    assert_eq!(
        problems(&e),
        [("items[12].level", codes::CATALOGUE_BAD_LEVEL)]
    );
    assert_eq!(e.findings[0].params["value"], "13");
    // The same through an overlay that adds the thirteenth level.
    let ov = json(
        r#"{"version": "2", "issuer": "j", "add": [{"code": "c12", "name": "x", "parent": "c11"}]}"#,
    );
    let e = twelve.overlay(&ov, Locale::ZhCn).unwrap_err();
    assert_eq!(problems(&e), [("add[0].level", codes::CATALOGUE_BAD_LEVEL)]);
}

/// Overflow review: the date arithmetic saturates instead of wrapping (overflow checks are off
/// in release builds, so a wrap would be a silently wrong date).
#[test]
fn date_arithmetic_saturates() {
    let d = Date::new(2024, 2, 29).unwrap();
    let far = d.add_years(i32::MAX);
    assert_eq!(far.year(), i32::MAX);
    let last = Date::new(i32::MAX, 12, 31).unwrap();
    let first = Date::new(i32::MIN, 1, 1).unwrap();
    assert_eq!(far.add_days(i64::MAX), last);
    assert_eq!(far.add_days(i64::MIN), first);
    assert_eq!(Date::from_days_since_epoch(i64::MIN), first);
    assert_eq!(Date::from_days_since_epoch(i64::MAX), last);
    assert_eq!(last.add_days(1), last);
    assert_eq!(
        Date::from_days_since_epoch(0),
        Date::new(1970, 1, 1).unwrap()
    );
    let age = procurement_precheck::fields::resident_id::age_on(
        Date::new(i32::MIN, 1, 1).unwrap(),
        Date::new(i32::MAX, 1, 1).unwrap(),
    );
    assert_eq!(age, i32::MAX);
}

/// fuzz: field_mobile (pass 2). With landlines allowed, "0086-1381235#4678" was a landline with
/// area code 0086 and the value "0086-1381235-4678", which, checked again, is the mobile number
/// 13812354678: normalising twice differed from once. No area code starts with 00 (the
/// international prefix): it is not a landline.
#[test]
fn international_prefix_is_not_an_area_code() {
    let opts = obj(&[("allowLandline", Value::Bool(true))]);
    for value in [
        "0086-1381235#4678",
        "0086 12345678",
        "(0086)1234567",
        "00861234567",
    ] {
        let r = api::check_mobile(&s(value), Some(&opts)).unwrap();
        assert!(
            r.info.as_ref().is_none_or(|i| i.kind != "landline"),
            "{value}: {:?}",
            r.value
        );
        if let Some(v) = &r.value {
            let again = api::check_mobile(&s(v), Some(&opts)).unwrap();
            assert_eq!(again.value.as_ref(), Some(v));
        }
    }
    // Real area codes still pass.
    for (value, want) in [
        ("010-12345678", "010-12345678"),
        ("0755 1234567", "0755-1234567"),
    ] {
        let r = api::check_mobile(&s(value), Some(&opts)).unwrap();
        assert_eq!(r.value.as_deref(), Some(want));
    }
}
