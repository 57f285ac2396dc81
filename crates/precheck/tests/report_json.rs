//! The hand-written JSON of the reports (`report::json`, issue 13) is serde_json's, byte for
//! byte: over every scenario row of the shared table, the bench's applications and the package
//! fixtures, in each of the three locales, as the whole report, the grouped report the wasm
//! boundary sends and the whole report the CLI writes from a grouped one; and the string
//! escapes over every character of Unicode, at every alignment of the eight-byte scan.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::unreachable,
    clippy::indexing_slicing
)] // a test fails loudly
use precheck_testkit::*;
use procurement_precheck::api;
use procurement_precheck::catalogue::{builtin, Catalogue};
use procurement_precheck::fields::date::Date;
use procurement_precheck::qualification;
use procurement_precheck::report::json::{
    package_report_text, push_findings, push_str, push_whole_report, supplier_report_text,
};
use procurement_precheck::value::Value;
use serde::Deserialize;
use serde_json::Value as J;
use std::sync::Arc;

const LOCALES: [&str; 3] = ["zh-CN", "zh-TW", "en"];

fn today() -> Date {
    Date::new(2026, 12, 1).unwrap()
}

/// `opts` with `locale` set (replacing any).
fn with_locale(opts: &Value, locale: &str) -> Value<'static> {
    let mut pairs = match opts {
        Value::Object(p) => p.clone(),
        _ => vec![],
    };
    pairs.retain(|(k, _)| k != "locale");
    pairs.push(("locale".into(), Value::String(locale.into())));
    Value::Object(pairs).into_owned()
}

/// Every way a report leaves the core for one application: the counts checked.
fn same_reports(app: &Value, opts: &Value, cat: Option<&Catalogue>, name: &str) -> usize {
    let mut n = 0;
    for locale in LOCALES {
        let opts = with_locale(opts, locale);
        let whole = api::check_supplier(app, Some(&opts), cat, today());
        let grouped = api::check_supplier_grouped(app, Some(&opts), cat, today());
        let (Ok(whole), Ok(grouped)) = (whole, grouped) else {
            continue;
        };
        let serde = serde_json::to_string(&whole).unwrap();
        assert_eq!(supplier_report_text(&whole), serde, "{name} {locale}");
        assert_eq!(
            supplier_report_text(&grouped),
            serde_json::to_string(&grouped).unwrap(),
            "{name} {locale}: grouped"
        );
        // The CLI's: check_grouped written whole with the options' item and policy.
        let o = qualification::read_options(Some(&opts), cat, today()).unwrap();
        let g = qualification::check_grouped(app, &o);
        let mut text = String::from("(before)");
        let mut scratch = String::from("(left over)");
        push_whole_report(&mut text, &mut scratch, &g, o.item.as_ref(), &o.policy);
        let text = text.strip_prefix("(before)").unwrap().to_string();
        assert_eq!(
            text,
            serde_json::to_string(&qualification::check(app, &o)).unwrap(),
            "{name} {locale}: whole from grouped"
        );
        let mut list = String::new();
        push_findings(&mut list, &whole.findings);
        assert_eq!(list, serde_json::to_string(&whole.findings).unwrap());
        n += 1;
    }
    n
}

fn catalogue(name: Option<&str>) -> Option<Arc<Catalogue>> {
    name.map(|n| builtin::get(n).unwrap())
}

#[test]
fn every_scenario_row_in_every_locale() {
    let path = repo("tests/fixtures/qualification/scenarios.json");
    let rows: Vec<J> = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut checked = 0;
    let mut with_members = 0;
    let mut with_item = 0;
    for s in &rows {
        let app: Value = Value::deserialize(s["application"].clone()).unwrap();
        let opts: Value = Value::deserialize(s["opts"].clone()).unwrap();
        let cat = catalogue(s.get("catalogue").and_then(J::as_str));
        let name = s["name"].as_str().unwrap_or("?");
        let n = same_reports(&app, &opts, cat.as_deref(), name);
        if n > 0 {
            let r = api::check_supplier(&app, Some(&opts), cat.as_deref(), today()).unwrap();
            with_members += usize::from(!r.members.is_empty());
            with_item += usize::from(r.item.is_some());
        }
        checked += n;
    }
    assert!(checked > 3 * 150, "{checked} reports");
    assert!(with_members > 3, "{with_members} consortium reports");
    assert!(with_item > 3, "{with_item} reports with an item");
}

#[test]
fn the_bench_applications_with_item_and_policy() {
    let text = std::fs::read_to_string(repo(
        "tests/fixtures/qualification/bench_applications.jsonl",
    ))
    .unwrap();
    let cat = catalogue(Some("county-example-2023"));
    let policy = serde_json::json!({
        "sectorFineThresholds": { "环境": "3000000", "交通\"运输\\": "2500000.50" },
        "usccPilotAllowlist": ["91110000600037341L", "a\nb"],
        "auditedReportDueDate": "5-31",
        "abnormalOperationSeverity": "error",
        "allowCommitments": false,
    });
    let policy: Value = Value::deserialize(policy).unwrap();
    let mut checked = 0;
    for (i, line) in text.lines().enumerate() {
        let app: Value = serde_json::from_str(line).unwrap();
        let base = obj(&[("asOf", s("2026-03-15")), ("itemCode", s("011101"))]);
        checked += same_reports(&app, &base, cat.as_deref(), &format!("bench {i}"));
        let Value::Object(mut pairs) = base else {
            unreachable!()
        };
        pairs.push(("policy".into(), policy.clone()));
        checked += same_reports(
            &app,
            &Value::Object(pairs),
            cat.as_deref(),
            &format!("bench {i} with policy"),
        );
    }
    assert_eq!(checked, 10 * 2 * 3);
}

#[test]
fn package_reports() {
    let mut checked = 0;
    let conflicts: J = serde_json::from_str(
        &std::fs::read_to_string(repo("tests/fixtures/qualification/package_conflicts.json"))
            .unwrap(),
    )
    .unwrap();
    let opts: Value = Value::deserialize(conflicts["opts"].clone()).unwrap();
    let mut packages: Vec<Value> = conflicts["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| Value::deserialize(p["applications"].clone()).unwrap())
        .collect();
    packages.push(
        serde_json::from_str::<Value>(
            &std::fs::read_to_string(repo("tests/fixtures/qualification/package_three.json"))
                .unwrap(),
        )
        .unwrap()
        .into_owned(),
    );
    // The scenario rows as packages of five.
    let rows: Vec<J> = serde_json::from_str(
        &std::fs::read_to_string(repo("tests/fixtures/qualification/scenarios.json")).unwrap(),
    )
    .unwrap();
    for chunk in rows.chunks(5) {
        packages.push(Value::Array(
            chunk
                .iter()
                .map(|s| Value::deserialize(s["application"].clone()).unwrap())
                .collect(),
        ));
    }
    let cat = catalogue(Some("county-example-2023"));
    let mut with_conflicts = 0;
    for apps in &packages {
        for locale in LOCALES {
            let opts = with_locale(&opts, locale);
            let Ok(mut p) = api::check_package(apps, Some(&opts), cat.as_deref(), today()) else {
                continue;
            };
            assert_eq!(package_report_text(&p), serde_json::to_string(&p).unwrap());
            with_conflicts += usize::from(!p.conflicts.is_empty());
            // As the wasm boundary sends it: the grouped findings dropped.
            for r in &mut p.reports {
                r.drop_grouped_findings();
            }
            assert_eq!(package_report_text(&p), serde_json::to_string(&p).unwrap());
            checked += 1;
        }
    }
    assert!(checked > 3 * 40, "{checked} packages");
    assert!(with_conflicts >= 3, "{with_conflicts} with conflicts");
}

fn escaped(s: &str) -> String {
    let mut out = String::new();
    push_str(&mut out, s);
    out
}

#[test]
fn escapes_over_all_of_unicode() {
    let all: String = (0u32..0x110000).filter_map(char::from_u32).collect();
    assert_eq!(escaped(&all), serde_json::to_string(&all).unwrap());
    // Each character alone, and at every offset of the eight-byte scan, between plain ASCII
    // and between CJK text (whose bytes are all at or above 0x80).
    for c in (0u32..0x110000).filter_map(char::from_u32) {
        let one = c.to_string();
        assert_eq!(escaped(&one), serde_json::to_string(&one).unwrap());
    }
    let specials: Vec<char> = (0u32..0x80)
        .filter_map(char::from_u32)
        .chain([
            '\u{7f}',
            '\u{80}',
            '中',
            '\u{2028}',
            '\u{FFFF}',
            '\u{10FFFF}',
        ])
        .collect();
    for c in specials {
        for pad in 0..17 {
            for filler in ["a", "中", "\u{1F600}"] {
                let s = format!("{}{c}{}{c}", filler.repeat(pad), filler.repeat(17 - pad));
                assert_eq!(escaped(&s), serde_json::to_string(&s).unwrap(), "{s:?}");
            }
        }
    }
    for s in [
        "",
        "\"",
        "\\",
        "\"\"\\\\",
        "\u{0}\u{1f}\u{20}",
        "ab\u{8}\u{c}\n\r\t",
    ] {
        assert_eq!(escaped(s), serde_json::to_string(s).unwrap());
    }
}
