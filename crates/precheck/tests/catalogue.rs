//! The catalogue: every validation error code (with its path), overlays, search modes and
//! ranking, CSV import and purchase screening (RULES.md §4).
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
use procurement_precheck::catalogue::screen::{ScreenOptions, ScreenReport};
use procurement_precheck::catalogue::{
    builtin, search_max_limit, Catalogue, CsvMeta, SearchHit, MAX_ITEMS,
};
use procurement_precheck::fields::date::Date;
use procurement_precheck::report::{codes, Locale, PrecheckError, Severity};
use procurement_precheck::value::Value;
use std::collections::BTreeSet;
use std::sync::Arc;

// ---- helpers ----

fn json(text: &str) -> Value<'static> {
    serde_json::from_str::<Value>(text)
        .unwrap_or_else(|e| panic!("{e}: {text}"))
        .into_owned()
}

/// A catalogue document with these items (JSON text of the array's members).
fn doc(items: &str) -> Value<'static> {
    json(&format!(
        r#"{{"version":"t1","issuer":"测试","items":[{items}]}}"#
    ))
}

fn load(v: &Value) -> Catalogue {
    Catalogue::from_value(v, Locale::ZhCn).unwrap_or_else(|e| panic!("{e}: {:#?}", e.findings))
}

fn load_err(v: &Value) -> PrecheckError {
    match Catalogue::from_value(v, Locale::ZhCn) {
        Ok(_) => panic!("loaded, expected an error"),
        Err(e) => e,
    }
}

fn overlay_err(base: &Catalogue, v: &Value) -> PrecheckError {
    match base.overlay(v, Locale::ZhCn) {
        Ok(_) => panic!("applied, expected an error"),
        Err(e) => e,
    }
}

fn csv(text: &str) -> Result<Catalogue, PrecheckError> {
    let meta = CsvMeta {
        version: Some("2024".into()),
        issuer: Some("某县财政局".into()),
        note: None,
    };
    Catalogue::from_csv(text, &meta, Locale::ZhCn)
}

fn csv_err(text: &str) -> PrecheckError {
    match csv(text) {
        Ok(_) => panic!("loaded, expected an error"),
        Err(e) => e,
    }
}

/// The (path, code) pairs of an error's findings.
fn found(e: &PrecheckError) -> Vec<(String, String)> {
    e.findings
        .iter()
        .map(|f| (f.path.clone(), f.code.to_string()))
        .collect()
}

#[track_caller]
fn assert_finding(e: &PrecheckError, path: &str, code: &str) {
    assert!(
        e.findings.iter().any(|f| f.path == path && f.code == code),
        "expected {code} at {path}; got {:?}",
        found(e)
    );
    assert!(!e.message.is_empty());
}

fn county() -> Arc<Catalogue> {
    builtin::get("county-example-2023").expect("county example")
}

fn central() -> Arc<Catalogue> {
    builtin::get("central-2020").expect("central")
}

fn codes_of(hits: &[SearchHit]) -> Vec<&str> {
    hits.iter().map(|h| h.item.code.as_str()).collect()
}

fn d(s: &str) -> Date {
    Date::parse(s).expect("date")
}

// ---- every validation error code ----

/// One way of producing a code: the error, and the path the code must be reported at.
type Case = (&'static str, &'static str, PrecheckError);

fn cases() -> Vec<Case> {
    let base = central();
    let long = "长".repeat(201);
    vec![
        // The summary error of every failed load.
        (codes::CATALOGUE_INVALID, "catalogue", load_err(&json("[]"))),
        (codes::CATALOGUE_NOT_OBJECT, "", load_err(&json("[]"))),
        (
            codes::CATALOGUE_BAD_JSON,
            "catalogue",
            api::catalogue_bad_json("expected value at line 1 column 1", None),
        ),
        (
            codes::CATALOGUE_MISSING_FIELD,
            "version",
            load_err(&json(r#"{"issuer":"x","items":[]}"#)),
        ),
        (
            codes::CATALOGUE_MISSING_FIELD,
            "items[0].requirements[0].kind",
            load_err(&doc(
                r#"{"code":"01","name":"a","requirements":[{"minGrade":"乙"}]}"#,
            )),
        ),
        (
            codes::CATALOGUE_WRONG_TYPE,
            "items[0].name",
            load_err(&doc(r#"{"code":"01","name":5}"#)),
        ),
        (
            codes::CATALOGUE_WRONG_TYPE,
            "items[0].aliases[1]",
            load_err(&doc(r#"{"code":"01","name":"a","aliases":["b",2]}"#)),
        ),
        (
            codes::CATALOGUE_WRONG_TYPE,
            "items[0].level",
            load_err(&doc(r#"{"code":"01","name":"a","level":"1"}"#)),
        ),
        (
            codes::CATALOGUE_WRONG_TYPE,
            "items[1]",
            load_err(&doc(r#"{"code":"01","name":"a"}, "0101""#)),
        ),
        (
            codes::CATALOGUE_WRONG_TYPE,
            "items",
            load_err(&json(r#"{"version":"1","issuer":"x","items":{}}"#)),
        ),
        (
            codes::CATALOGUE_TOO_LONG,
            "items[0].name",
            load_err(&doc(&format!(r#"{{"code":"01","name":"{long}"}}"#))),
        ),
        (
            codes::CATALOGUE_TOO_LONG,
            "items[0].keywords[0]",
            load_err(&doc(&format!(
                r#"{{"code":"01","name":"a","keywords":["{long}"]}}"#
            ))),
        ),
        (
            codes::CATALOGUE_TOO_MANY_ITEMS,
            "items",
            load_err(&Value::Object(vec![
                ("version".into(), s("1")),
                ("issuer".into(), s("x")),
                (
                    "items".into(),
                    Value::Array(vec![Value::Null; MAX_ITEMS + 1]),
                ),
            ])),
        ),
        (
            codes::CATALOGUE_BAD_CODE,
            "items[0].code",
            load_err(&doc(r#"{"code":"01 02","name":"a"}"#)),
        ),
        (
            codes::CATALOGUE_BAD_CODE,
            "items[0].code",
            load_err(&doc(r#"{"code":"  ","name":"a"}"#)),
        ),
        (
            codes::CATALOGUE_BAD_CODE,
            "items[0].code",
            load_err(&doc(&format!(
                r#"{{"code":"{}","name":"a"}}"#,
                "1".repeat(33)
            ))),
        ),
        (
            codes::CATALOGUE_DUPLICATE_CODE,
            "items[2].code",
            load_err(&doc(
                r#"{"code":"01","name":"a"},{"code":"02","name":"b"},{"code":"01","name":"c"}"#,
            )),
        ),
        (
            codes::CATALOGUE_EMPTY_NAME,
            "items[0].name",
            load_err(&doc(r#"{"code":"01","name":" \t "}"#)),
        ),
        (
            codes::CATALOGUE_UNKNOWN_PARENT,
            "items[1].parent",
            load_err(&doc(
                r#"{"code":"01","name":"a"},{"code":"0101","name":"b","parent":"09"}"#,
            )),
        ),
        (
            codes::CATALOGUE_CYCLE,
            "items[1].parent",
            load_err(&doc(
                r#"{"code":"01","name":"a"},{"code":"0101","name":"b","parent":"0102"},{"code":"0102","name":"c","parent":"0101"}"#,
            )),
        ),
        (
            codes::CATALOGUE_CYCLE,
            "items[0].parent",
            load_err(&doc(r#"{"code":"01","name":"a","parent":"01"}"#)),
        ),
        (
            codes::CATALOGUE_BAD_LEVEL,
            "items[0].level",
            load_err(&doc(r#"{"code":"01","name":"a","level":13}"#)),
        ),
        (
            codes::CATALOGUE_BAD_LEVEL,
            "items[1].level",
            load_err(&doc(
                r#"{"code":"01","name":"a","level":1},{"code":"0101","name":"b","parent":"01","level":3}"#,
            )),
        ),
        (
            codes::CATALOGUE_BAD_DATE,
            "items[0].validFrom",
            load_err(&doc(r#"{"code":"01","name":"a","validFrom":"2023-02-29"}"#)),
        ),
        (
            codes::CATALOGUE_DATE_ORDER,
            "items[0].validTo",
            load_err(&doc(
                r#"{"code":"01","name":"a","validFrom":"2025-01-01","validTo":"2024-12-31"}"#,
            )),
        ),
        (
            codes::CATALOGUE_BAD_PINMU,
            "items[0].pinmu[1]",
            load_err(&doc(
                r#"{"code":"01","name":"a","pinmu":["C13050200","c13050200"]}"#,
            )),
        ),
        (
            codes::CATALOGUE_UNKNOWN_PINMU,
            "items[0].pinmu[0]",
            load_err(&doc(r#"{"code":"01","name":"a","pinmu":["C13059998"]}"#)),
        ),
        (
            codes::CATALOGUE_BAD_GRADE,
            "items[0].requirements[0].minGrade",
            load_err(&doc(
                r#"{"code":"01","name":"a","requirements":[{"kind":"k","minGrade":"优秀"}]}"#,
            )),
        ),
        (
            codes::CATALOGUE_EMPTY_REQUIREMENT,
            "items[0].requirements[0].kind",
            load_err(&doc(
                r#"{"code":"01","name":"a","requirements":[{"kind":" "}]}"#,
            )),
        ),
        (
            codes::CATALOGUE_UNKNOWN_BUILTIN,
            "name",
            match api::catalogue_builtin(Some(&s("province-2099"))) {
                Ok(_) => panic!("no such builtin"),
                Err(e) => e,
            },
        ),
        (
            codes::CATALOGUE_CSV_QUOTE,
            "rows[2]",
            csv_err("code,name,parent\n01,\"公共服务,\n"),
        ),
        (
            codes::CATALOGUE_CSV_QUOTE,
            "rows[3]",
            csv_err("code,name,parent\n01,公共服务,\n02,\"辅助\"性服务,\n"),
        ),
        (
            codes::CATALOGUE_CSV_MISSING_COLUMN,
            "rows[1]",
            csv_err("code,name\n01,公共服务\n"),
        ),
        (
            codes::CATALOGUE_CSV_UNKNOWN_COLUMN,
            "rows[1]",
            csv_err("code,name,parent,remark\n01,公共服务,,x\n"),
        ),
        (
            codes::CATALOGUE_CSV_UNKNOWN_COLUMN,
            "rows[1]",
            csv_err("code,name,parent,名称\n01,公共服务,,x\n"),
        ),
        (
            codes::CATALOGUE_CSV_ROW_LENGTH,
            "rows[3]",
            csv_err("code,name,parent\n01,公共服务,\n02,辅助,,extra\n"),
        ),
        (
            codes::OVERLAY_UNKNOWN_CODE,
            "rename[0].code",
            overlay_err(
                &base,
                &json(r#"{"version":"o","issuer":"县","rename":[{"code":"0999","name":"x"}]}"#),
            ),
        ),
        (
            codes::OVERLAY_UNKNOWN_CODE,
            "require[0].code",
            overlay_err(
                &base,
                &json(
                    r#"{"version":"o","issuer":"县","require":[{"code":"0999","requirements":[{"kind":"k"}]}]}"#,
                ),
            ),
        ),
        (
            codes::OVERLAY_UNKNOWN_CODE,
            "withdraw[0].code",
            overlay_err(
                &base,
                &json(r#"{"version":"o","issuer":"县","withdraw":[{"code":"0999"}]}"#),
            ),
        ),
        (
            codes::OVERLAY_DUPLICATE_CODE,
            "add[0].code",
            overlay_err(
                &base,
                &json(r#"{"version":"o","issuer":"县","add":[{"code":"0201","name":"x"}]}"#),
            ),
        ),
        (
            codes::OVERLAY_DUPLICATE_CODE,
            "add[1].code",
            overlay_err(
                &base,
                &json(
                    r#"{"version":"o","issuer":"县","add":[{"code":"020199","name":"x","parent":"0201"},{"code":"020199","name":"y","parent":"0201"}]}"#,
                ),
            ),
        ),
    ]
}

#[test]
fn every_catalogue_and_overlay_code_is_produced_at_its_path() {
    let mut seen = BTreeSet::new();
    for (code, path, e) in cases() {
        if code == codes::CATALOGUE_INVALID || e.findings.is_empty() {
            // The summary error itself, or a structured error without findings.
            assert_eq!((e.code.as_str(), e.path.as_str()), (code, path), "{e}");
        } else {
            assert_eq!(e.code, codes::CATALOGUE_INVALID, "{e}");
            assert_finding(&e, path, code);
        }
        seen.insert(code);
    }
    let all: BTreeSet<&str> = codes::ALL
        .iter()
        .copied()
        .filter(|c| c.starts_with("catalogue.") || c.starts_with("overlay."))
        .collect();
    let missing: Vec<_> = all.difference(&seen).collect();
    assert!(missing.is_empty(), "codes no test produces: {missing:?}");
}

#[test]
fn errors_carry_the_item_and_every_problem_at_once() {
    let e = load_err(&doc(
        r#"{"code":"01","name":""},{"code":"02","name":"b","validTo":"明天"},{"code":"03","name":"c","pinmu":["X"]}"#,
    ));
    assert_eq!(
        found(&e),
        vec![
            ("items[0].name".into(), codes::CATALOGUE_EMPTY_NAME.into()),
            ("items[1].validTo".into(), codes::CATALOGUE_BAD_DATE.into()),
            (
                "items[2].pinmu[0]".into(),
                codes::CATALOGUE_BAD_PINMU.into()
            ),
        ]
    );
    assert_eq!(e.message, "目录有3处错误，未加载。");
    let f = &e.findings[1];
    assert_eq!(f.params["itemCode"], "02");
    assert_eq!(f.params["index"], "1");
    assert_eq!(f.message, "validTo“明天”不是有效日期。");
    // Duplicates name both items.
    let e = load_err(&doc(r#"{"code":"01","name":"a"},{"code":"01","name":"b"}"#));
    assert_eq!(e.findings[0].params["firstIndex"], "0");
    assert_eq!(e.findings[0].params["itemCode"], "01");
    // Messages in the caller's locale.
    let e = Catalogue::from_value(&json("7"), Locale::En).expect_err("error");
    assert_eq!(
        e.message,
        "The catalogue has 1 error(s) and was not loaded."
    );
    assert_eq!(
        e.findings[0].message,
        "Catalogue data must be an object; got a number."
    );
}

#[test]
fn valid_catalogues_load_with_levels_grades_and_origins_filled_in() {
    let c = load(&doc(r#"{"code":" 01 ","name":" 公共服务 ","parent":"-"},
           {"code":"0101","name":"养护","parent":"01","aliases":["", "绿化"],"pinmu":["C13030000","A02010100"],
            "requirements":[{"kind":"城市园林绿化企业资质","minGrade":"3","issuer":null}],
            "validFrom":"2024年1月1日","validTo":null,"level":null}"#));
    let it = c.get("0101").expect("item");
    assert_eq!(
        c.get("01").map(|i| (i.name.as_str(), i.level)),
        Some(("公共服务", 1))
    );
    assert_eq!(it.level, 2);
    assert_eq!(it.aliases, ["绿化"]);
    assert_eq!(it.requirements[0].min_grade.as_deref(), Some("三级"));
    assert_eq!(it.valid_from, Some(d("2024-01-01")));
    assert_eq!(it.origin[0].change, "base");
    assert_eq!(
        (it.origin[0].issuer.as_str(), it.origin[0].version.as_str()),
        ("测试", "t1")
    );
    // toJson loads again to the same catalogue.
    let again = load(&json(&c.to_json()));
    assert_eq!(again.to_json(), c.to_json());
}

// ---- overlays ----

#[test]
fn overlay_adds_renames_requires_and_withdraws_with_origins() {
    let base = central();
    let before = base.to_json();
    let o = json(
        r#"{"version":"2024","issuer":"某县财政局","note":"县级目录",
            "add":[{"code":"020101","name":"法律顾问服务","parent":"0201"},
                   {"code":"02010101","name":"乡镇法律顾问","parent":"020101"}],
            "rename":[{"code":"0203","name":"会计和审计服务","aliases":["审计服务"]},
                      {"code":"020101","name":"政府法律顾问服务"}],
            "require":[{"code":"020101","requirements":[{"kind":"律师事务所执业许可证","issuer":"司法行政机关"}]}],
            "withdraw":[{"code":"0211","reason":"由机关事务局直接承担"},{"code":"02"}]}"#,
    );
    // Withdrawing 02 takes everything under it, including what the overlay added.
    let c = base.overlay(&o, Locale::ZhCn).expect("overlay");
    assert_eq!(c.version, "2020+2024");
    assert_eq!(c.issuer, "某县财政局");
    assert!(c.note.as_deref().is_some_and(|n| n.ends_with("\n县级目录")));
    assert!(c.items().iter().all(|i| !i.code.starts_with("02")));
    assert_eq!(c.items().len(), 18 + 1);
    let withdrawn: Vec<&str> = c.withdrawn().iter().map(|w| w.code.as_str()).collect();
    assert_eq!(withdrawn[0], "0211");
    assert!(withdrawn.contains(&"02010101") && withdrawn.contains(&"0201"));
    assert_eq!(
        withdrawn.iter().filter(|c| **c == "0211").count(),
        1,
        "listed once"
    );
    assert_eq!(
        c.withdrawn()[0].reason.as_deref(),
        Some("由机关事务局直接承担")
    );
    assert_eq!(c.withdrawn()[0].issuer, "某县财政局");
    // The base is unchanged.
    assert_eq!(base.to_json(), before);

    // Without the withdrawals: every change recorded in the item's origin.
    let o = json(
        r#"{"version":"2024","issuer":"某县财政局",
            "add":[{"code":"020101","name":"法律顾问服务","parent":"0201","origin":[{"issuer":"x","version":"y","change":"base"}]},
                   {"code":"02010101","name":"乡镇法律顾问","parent":"020101"}],
            "rename":[{"code":"0203","name":"会计和审计服务","aliases":["审计服务"]},
                      {"code":"020101","name":"政府法律顾问服务"}],
            "require":[{"code":"020101","requirements":[{"kind":"律师事务所执业许可证","issuer":"司法行政机关"}]}]}"#,
    );
    let c = base.overlay(&o, Locale::ZhCn).expect("overlay");
    let added = c.get("020101").expect("added");
    let changes: Vec<(&str, Option<&str>)> = added
        .origin
        .iter()
        .map(|o| (o.change.as_str(), o.from.as_deref()))
        .collect();
    assert_eq!(
        changes,
        [
            ("added", None),
            ("renamed", Some("法律顾问服务")),
            ("requirements_added", None)
        ]
    );
    assert!(added
        .origin
        .iter()
        .all(|o| o.issuer == "某县财政局" && o.version == "2024"));
    assert_eq!(added.name, "政府法律顾问服务");
    assert_eq!(added.level, 3);
    assert_eq!(c.get("02010101").map(|i| i.level), Some(4));
    assert_eq!(
        added.requirements[0].issuer.as_deref(),
        Some("司法行政机关")
    );
    let renamed = c.get("0203").expect("renamed");
    assert_eq!(renamed.name, "会计和审计服务");
    assert_eq!(renamed.aliases, ["审计服务"]);
    assert_eq!(
        renamed
            .origin
            .iter()
            .map(|o| o.change.as_str())
            .collect::<Vec<_>>(),
        ["base", "renamed"]
    );
    assert_eq!(
        codes_of(&c.search("会计审计", 5)).first(),
        None::<&&str>,
        "the old name is gone unless kept as an alias"
    );
    assert_eq!(codes_of(&c.search("审计服务", 5)).first(), Some(&"0203"));
    // Overlays stack; toJson keeps origins and the withdrawn list.
    let county = county();
    let reloaded = load(&json(&county.to_json()));
    assert_eq!(reloaded.to_json(), county.to_json());
    assert_eq!(reloaded.withdrawn().len(), 1);
}

#[test]
fn county_example_withdraws_and_requires() {
    let c = county();
    assert_eq!(c.version, "2020+2023-example");
    assert!(c.get("0209").is_none());
    assert_eq!(c.withdrawn()[0].code, "0209");
    let green = c.get("011101").expect("011101");
    assert_eq!(green.requirements[0].kind, "城市园林绿化企业资质");
    assert_eq!(green.requirements[0].min_grade.as_deref(), Some("三级"));
    assert_eq!(
        c.get("0118").map(|i| i.name.as_str()),
        Some("其他适宜由社会力量承担的公共服务")
    );
    assert_eq!(c.path("01060101").len(), 4);
    // Withdrawing a class takes its descendants with it.
    let o = json(r#"{"version":"w","issuer":"县","withdraw":[{"code":"0106","reason":"合并"}]}"#);
    let w = c.overlay(&o, Locale::ZhCn).expect("overlay");
    for code in ["0106", "010601", "01060101", "01060102"] {
        assert!(w.get(code).is_none(), "{code}");
        assert!(w
            .withdrawn()
            .iter()
            .any(|x| x.code == code && x.reason.as_deref() == Some("合并")));
    }
    assert_eq!(w.items().len(), c.items().len() - 4);
    assert_eq!(w.withdrawn().len(), 5);
}

#[test]
fn a_failed_overlay_applies_nothing_and_reports_everything() {
    let base = county();
    let before = base.to_json();
    let o = json(
        r#"{"version":"bad","issuer":"县",
            "add":[{"code":"011199","name":"好的新增","parent":"0111"},
                   {"code":"011198","name":"","parent":"0111"},
                   {"code":"011197","name":"上级已撤销","parent":"0209"}],
            "rename":[{"code":"0111"}],
            "require":[{"code":"0111"}],
            "withdraw":[{"code":"0101"}]}"#,
    );
    let e = overlay_err(&base, &o);
    assert_eq!(
        (e.code.as_str(), e.path.as_str()),
        (codes::CATALOGUE_INVALID, "overlay")
    );
    assert_eq!(
        found(&e),
        vec![
            ("add[1].name".into(), codes::CATALOGUE_EMPTY_NAME.into()),
            (
                "rename[0].name".into(),
                codes::CATALOGUE_MISSING_FIELD.into()
            ),
            (
                "require[0].requirements".into(),
                codes::CATALOGUE_MISSING_FIELD.into()
            ),
            (
                "add[2].parent".into(),
                codes::CATALOGUE_UNKNOWN_PARENT.into()
            ),
        ]
    );
    assert_eq!(base.to_json(), before);
    assert!(base.get("011199").is_none());
    // The tree is checked after every operation: an item added under a class the overlay
    // withdraws is withdrawn with it; a level that does not fit is an error.
    let o = json(
        r#"{"version":"ok","issuer":"县",
            "add":[{"code":"010199","name":"随上级撤销","parent":"0101"}],
            "withdraw":[{"code":"0101"}]}"#,
    );
    let w = base.overlay(&o, Locale::ZhCn).expect("overlay");
    assert!(w.get("010199").is_none() && w.withdrawn().iter().any(|x| x.code == "010199"));
    let o = json(
        r#"{"version":"bad","issuer":"县",
            "add":[{"code":"011196","name":"层级不对","parent":"0111","level":4}]}"#,
    );
    let e = overlay_err(&base, &o);
    assert_eq!(
        found(&e),
        vec![("add[0].level".into(), codes::CATALOGUE_BAD_LEVEL.into())]
    );
    // The overlay header is validated like a catalogue's.
    let e = overlay_err(&base, &json(r#"{"issuer":" "}"#));
    assert_eq!(
        found(&e),
        vec![
            ("version".into(), codes::CATALOGUE_MISSING_FIELD.into()),
            ("issuer".into(), codes::CATALOGUE_MISSING_FIELD.into()),
        ]
    );
    let e = overlay_err(&base, &json(r#"{"version":"1","issuer":"县","add":{}}"#));
    assert_eq!(
        found(&e),
        vec![("add".into(), codes::CATALOGUE_WRONG_TYPE.into())]
    );
    let e = overlay_err(&base, &s("{}"));
    assert_eq!(
        found(&e),
        vec![("".into(), codes::CATALOGUE_NOT_OBJECT.into())]
    );
}

// ---- search ----

#[test]
fn search_by_code_exact_and_prefix() {
    let c = county();
    let hits = c.search("01060101", 10);
    assert_eq!(codes_of(&hits), ["01060101"]);
    assert_eq!((hits[0].matched, hits[0].how), ("code", "exact"));
    let path: Vec<&str> = hits[0].path.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        path,
        [
            "公共服务",
            "生态保护和环境治理服务",
            "城乡环境综合整治",
            "镇、村垃圾清运"
        ]
    );
    let hits = c.search("010601", 10);
    assert_eq!(codes_of(&hits), ["010601", "01060102", "01060101"]);
    assert_eq!((hits[1].matched, hits[1].how), ("code", "prefix"));
    // Full-width digits and letters fold to half-width.
    assert_eq!(codes_of(&c.search("０１０６０１０１", 10)), ["01060101"]);
    assert_eq!(c.search("０１", 1)[0].item.code, "01");
    let p = builtin::get("pinmu-2022-services").expect("pinmu");
    assert_eq!(codes_of(&p.search("c13050200", 3)), ["C13050200"]);
}

#[test]
fn search_by_name_alias_and_keyword() {
    let c = county();
    let first = |q: &str| {
        let h = c.search(q, 10);
        let top = h.first().unwrap_or_else(|| panic!("no hit for {q}"));
        (top.item.code.clone(), top.matched, top.how)
    };
    assert_eq!(first("街道清扫"), ("01060102".into(), "name", "exact"));
    assert_eq!(first("城乡环境"), ("010601".into(), "name", "prefix"));
    assert_eq!(first("精细化"), ("011102".into(), "name", "substring"));
    assert_eq!(first("道路清扫"), ("01060102".into(), "alias", "exact"));
    assert_eq!(first("公园"), ("011101".into(), "alias", "prefix"));
    // Punctuation is ignored: “雪亮工程”… starts with 雪亮.
    assert_eq!(first("雪亮"), ("021001".into(), "name", "prefix"));
    assert_eq!(first("广场"), ("011101".into(), "alias", "substring"));
    assert_eq!(first("招标代理"), ("020601".into(), "keyword", "substring"));
    // Punctuation and spaces are ignored: 镇村 finds 镇、村.
    assert_eq!(first("镇村 垃圾"), ("01060101".into(), "name", "prefix"));
    // Traditional characters.
    assert_eq!(first("垃圾清運"), ("01060101".into(), "alias", "exact"));
    assert_eq!(
        first("鎮、村垃圾清運"),
        ("01060101".into(), "name", "exact")
    );
    assert_eq!(first("法律顧問"), ("020101".into(), "name", "substring"));
}

#[test]
fn search_by_pinyin_full_initials_and_mixed() {
    let c = county();
    for (q, how) in [
        ("ljqy", "initials"),
        ("LJQY", "initials"),
        ("ｌｊｑｙ", "initials"),
        ("lajiqingyun", "full"),
        ("zhencunlaji", "full"),
        ("ljqingyun", "mixed"),
    ] {
        let hits = c.search(q, 10);
        assert_eq!(codes_of(&hits).first(), Some(&"01060101"), "{q}");
        assert_eq!((hits[0].matched, hits[0].how), ("pinyin", how), "{q}");
    }
    // The central catalogue has no such item.
    assert!(central().search("ljqy", 10).is_empty());
    // Polyphones read as in their word: 会计 is kuai ji, never hui ji.
    assert_eq!(codes_of(&central().search("kuaiji", 10)), ["0203"]);
    assert!(!codes_of(&central().search("huiji", 10)).contains(&"0203"));
    assert_eq!(codes_of(&central().search("huiyi", 10)), ["0204"]);
}

#[test]
fn polyphones_find_the_reading_of_the_word() {
    let c = load(&doc(r#"{"code":"01","name":"金融服务"},
           {"code":"0101","name":"银行业务代理","parent":"01"},
           {"code":"0102","name":"行政事务辅助","parent":"01"},
           {"code":"0103","name":"出行服务","parent":"01"}"#));
    assert_eq!(codes_of(&c.search("yinhang", 10)), ["0101"]);
    assert!(c.search("yinxing", 10).is_empty());
    assert_eq!(codes_of(&c.search("yhyw", 10)), ["0101"]);
    assert_eq!(codes_of(&c.search("xingzheng", 10)), ["0102"]);
    assert!(c.search("hangzheng", 10).is_empty());
    assert_eq!(codes_of(&c.search("chuxing", 10)), ["0103"]);
}

#[test]
fn search_ranks_exact_then_prefix_then_substring_then_keyword_then_pinyin() {
    let c = load(&doc(r#"{"code":"01","name":"清运服务"},
           {"code":"0101","name":"清运","parent":"01"},
           {"code":"0102","name":"垃圾清运","parent":"01"},
           {"code":"0103","name":"转运","parent":"01","aliases":["清运车辆"]},
           {"code":"0104","name":"环卫","parent":"01","keywords":["清运"]},
           {"code":"0105","name":"其他","parent":"01"}"#));
    let hits = c.search("清运", 10);
    assert_eq!(codes_of(&hits), ["0101", "0103", "01", "0102", "0104"]);
    let how: Vec<(&str, &str)> = hits.iter().map(|h| (h.matched, h.how)).collect();
    assert_eq!(
        how,
        [
            ("name", "exact"),
            ("alias", "prefix"),
            ("name", "prefix"),
            ("name", "substring"),
            ("keyword", "substring")
        ]
    );
    // Pinyin after every text match; ties by shorter name, higher level, catalogue order.
    assert_eq!(
        codes_of(&c.search("qingyun", 10)),
        ["0101", "0103", "01", "0102"]
    );
    // Exact code first, then code prefixes by name length.
    assert_eq!(codes_of(&c.search("01", 3)), ["01", "0101", "0103"]);
    assert_eq!(c.search("01", 3)[1].how, "prefix");
}

#[test]
fn search_limits() {
    let c = county();
    assert_eq!(c.search("0", 3).len(), 3);
    assert!(c.search("0", 0).is_empty());
    assert!(c.search("", 10).is_empty());
    assert!(c.search("、（）", 10).is_empty(), "punctuation only");
    assert!(
        c.search("l", 10).is_empty(),
        "one letter is no pinyin query"
    );
    let p = builtin::get("pinmu-2022-services").expect("pinmu");
    assert_eq!(search_max_limit(), 200);
    assert_eq!(p.search("C", 10_000).len(), search_max_limit());
    // Through the api: default 20, capped at the maximum, 0 refused.
    let hits = api::catalogue_search(&p, &s("C"), None).expect("search");
    assert_eq!(hits.len(), 20);
    let hits =
        api::catalogue_search(&p, &s("C"), Some(&obj(&[("limit", json("1000"))]))).expect("search");
    assert_eq!(hits.len(), 200);
    let e = api::catalogue_search(&p, &s("C"), Some(&obj(&[("limit", json("0"))])))
        .expect_err("limit 0");
    assert_eq!(
        (e.code.as_str(), e.path.as_str()),
        (codes::OPTIONS_BAD_VALUE, "opts.limit")
    );
    // A non-string query finds nothing; a number is searched as its text.
    assert!(api::catalogue_search(&p, &Value::Null, None)
        .expect("ok")
        .is_empty());
    let hits = api::catalogue_search(&central(), &json("203"), None).expect("ok");
    assert!(
        hits.is_empty(),
        "codes are compared as written: 0203 is not 203"
    );
    // Very long queries are cut, not refused.
    assert!(c.search(&"垃圾".repeat(1000), 5).is_empty());
}

// ---- CSV import ----

fn fixture_text(name: &str) -> String {
    let path = repo(&format!("tests/fixtures/catalogue/{name}"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn csv_export_with_bom_crlf_and_quotes_loads() {
    let text = fixture_text("county.csv");
    assert!(
        text.starts_with('\u{feff}') && text.contains("\r\n"),
        "fixture as Excel writes it"
    );
    let c = csv(&text).unwrap_or_else(|e| panic!("{e}: {:#?}", e.findings));
    assert_eq!(
        (c.version.as_str(), c.issuer.as_str()),
        ("2024", "某县财政局")
    );
    assert_eq!(c.items().len(), 9);
    assert!(c.items().iter().all(|i| !i.name.contains('\r')));
    let it = c.get("01060101").expect("item");
    assert_eq!(
        it.aliases,
        ["垃圾清运", "清运, 转运"],
        "a quoted cell keeps its comma"
    );
    assert_eq!(it.level, 4);
    assert_eq!(it.valid_from, Some(d("2023-01-01")));
    let green = c.get("011101").expect("item");
    assert_eq!(
        green.keywords,
        ["绿化", "养护"],
        "full-width ； separates too"
    );
    assert_eq!(green.valid_to, Some(d("2025-12-31")));
    let r = &green.requirements[0];
    assert_eq!(
        (r.kind.as_str(), r.min_grade.as_deref(), r.issuer.as_deref()),
        (
            "城市园林绿化企业资质",
            Some("三级"),
            Some("住房城乡建设部门")
        )
    );
    assert_eq!(
        c.get("011301").expect("item").requirements[0]
            .min_grade
            .as_deref(),
        Some("乙级")
    );
    let legal = c.get("0201").expect("item");
    assert_eq!(legal.name, "\"法律顾问\"服务", "doubled quotes");
    let kinds: Vec<(&str, Option<&str>)> = legal
        .requirements
        .iter()
        .map(|r| (r.kind.as_str(), r.issuer.as_deref()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("医疗机构执业许可证", Some("卫生健康主管部门")),
            ("律师事务所执业许可证", None)
        ]
    );
    assert_eq!(c.get("02").expect("item").parent, None, "- is no parent");
    // Searchable like any catalogue; the same through the api.
    assert_eq!(codes_of(&c.search("ljqy", 5)), ["01060101"]);
    let opts = obj(&[("version", s("2024")), ("issuer", s("某县财政局"))]);
    let via_api = api::catalogue_from_csv(&text, Some(&opts)).expect("api");
    assert_eq!(via_api.to_json(), c.to_json());
}

#[test]
fn csv_problems_are_reported_by_spreadsheet_row() {
    let e = csv_err(&fixture_text("county_errors.csv"));
    assert_eq!(
        found(&e),
        vec![
            ("rows[7].name".into(), codes::CATALOGUE_EMPTY_NAME.into()),
            (
                "rows[8].requirements[0].minGrade".into(),
                codes::CATALOGUE_BAD_GRADE.into()
            ),
            ("rows[8].validFrom".into(), codes::CATALOGUE_BAD_DATE.into()),
        ]
    );
    assert_eq!(
        e.findings[0].params["index"], "7",
        "the row, not the item index"
    );
    // Item numbers in messages are rows too.
    let e = csv_err("code,name,parent\n01,a,\n\n02,b,\n01,c,\n");
    assert_eq!(
        found(&e),
        vec![(
            "rows[5].code".into(),
            codes::CATALOGUE_DUPLICATE_CODE.into()
        )]
    );
    assert_eq!(e.findings[0].message, "第5项的代码“01”与第2项重复。");
    let e = csv_err("code,name,parent\n01,a,\n0101,b,09\n");
    assert_eq!(
        found(&e),
        vec![(
            "rows[3].parent".into(),
            codes::CATALOGUE_UNKNOWN_PARENT.into()
        )]
    );
    // A level that is not a number.
    let e = csv_err("code,name,parent,level\n01,a,,一\n");
    assert_eq!(
        found(&e),
        vec![("rows[2].level".into(), codes::CATALOGUE_WRONG_TYPE.into())]
    );
    // The header: missing version and issuer come from the options.
    let e = Catalogue::from_csv(
        "code,name,parent\n01,a,\n",
        &CsvMeta::default(),
        Locale::ZhCn,
    )
    .expect_err("no issuer");
    assert_eq!(
        found(&e),
        vec![
            ("version".into(), codes::CATALOGUE_MISSING_FIELD.into()),
            ("issuer".into(), codes::CATALOGUE_MISSING_FIELD.into()),
        ]
    );
    // An empty file lacks every required column.
    let e = csv_err("");
    assert_eq!(e.findings.len(), 3);
    assert!(e
        .findings
        .iter()
        .all(|f| f.code == codes::CATALOGUE_CSV_MISSING_COLUMN));
    assert_eq!(e.path, "csv");
}

#[test]
fn csv_parser_edges() {
    // Chinese headings, any order, quoted line breaks, LF or CR line ends, no final newline,
    // spaces around a quoted cell, trailing empty columns.
    let c = csv(
        "名称,代码,上级代码,别名,资质要求,valid_from,,\r01,\"公共\r\n服务\",,,,2024-01-01,,\r\n \"行政事务\" ,02,,\"a;b\",公路养护作业单位资质≥乙级＠交通运输主管部门,,,\r\n",
    );
    // The first data row has name 01 and code 公共\n服务: a code with white space.
    let e = c.expect_err("error");
    assert_eq!(
        found(&e),
        vec![("rows[2].code".into(), codes::CATALOGUE_BAD_CODE.into())]
    );
    let c = csv(
        "名称,代码,上级代码,别名,资质要求,valid_from,,\r\"公共\r\n服务\",01,,,,2024-01-01,,\r\n \"行政事务\" ,02,,\"a;b\",公路养护作业单位资质≥乙级＠交通运输主管部门,,,",
    )
    .unwrap_or_else(|e| panic!("{e}: {:#?}", e.findings));
    assert_eq!(c.get("01").map(|i| i.name.as_str()), Some("公共\n服务"));
    let it = c.get("02").expect("02");
    assert_eq!(it.name, "行政事务");
    assert_eq!(it.aliases, ["a", "b"]);
    let r = &it.requirements[0];
    assert_eq!(
        (r.kind.as_str(), r.min_grade.as_deref(), r.issuer.as_deref()),
        (
            "公路养护作业单位资质",
            Some("乙级"),
            Some("交通运输主管部门")
        )
    );
    // Requirement forms: kind only, grade only (no kind), issuer only.
    let e = csv_err("code,name,parent,requirements\n01,a,,>=三级\n");
    assert_eq!(
        found(&e),
        vec![(
            "rows[2].requirements[0].kind".into(),
            codes::CATALOGUE_EMPTY_REQUIREMENT.into()
        )]
    );
    let c = csv("code,name,parent,requirements\n01,a,,医疗机构执业许可证@卫生健康主管部门;k\n")
        .expect("load");
    let reqs = &c.get("01").expect("01").requirements;
    assert_eq!(reqs.len(), 2);
    assert_eq!(reqs[0].min_grade, None);
    assert_eq!(reqs[1].kind, "k");
    // An unterminated quote is reported at the row it starts, once.
    let e = csv_err("code,name,parent\n01,a,\n02,\"b,\n03,c,\n");
    assert_eq!(
        found(&e),
        vec![("rows[3]".into(), codes::CATALOGUE_CSV_QUOTE.into())]
    );
    assert_eq!(
        e.findings[0].message,
        "第3行的引号不成对，或结束引号后还有文字。"
    );
    // A stray quote inside an unquoted cell is kept as written.
    let c = csv("code,name,parent\n01,5\"屏,\n").expect("load");
    assert_eq!(c.get("01").map(|i| i.name.as_str()), Some("5\"屏"));
    // Rows with too many cells; empty extra cells are fine.
    let e = csv_err("code,name,parent\n01,a,,,\n02,b,,x\n");
    assert_eq!(
        found(&e),
        vec![("rows[3]".into(), codes::CATALOGUE_CSV_ROW_LENGTH.into())]
    );
    assert_eq!(e.findings[0].params["cells"], "4");
    assert_eq!(e.findings[0].params["columns"], "3");
}

// ---- purchase screening ----

/// The screening report in zh-CN, after checking in every locale that its JSON text (what the
/// wasm module hands to JS, `report::json`) is serde_json's.
fn screen(c: &Catalogue, project: &str, as_of: &str) -> ScreenReport {
    let run = |locale| {
        c.screen_purchase(
            &json(project),
            &ScreenOptions {
                locale,
                as_of: d(as_of),
            },
        )
    };
    for locale in [Locale::ZhCn, Locale::ZhTw, Locale::En] {
        let r = run(locale);
        assert_eq!(
            procurement_precheck::report::json::screen_report_text(&r),
            serde_json::to_string(&r).unwrap(),
            "{project} {locale:?}"
        );
    }
    run(Locale::ZhCn)
}

fn screened(r: &ScreenReport) -> Vec<(String, String)> {
    r.findings
        .iter()
        .map(|f| (f.path.clone(), f.code.to_string()))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(p, c)| (p.to_string(), c.to_string()))
        .collect()
}

const BUDGET: &str = r#""budget":{"amount":"120000"}"#;

fn test_catalogue() -> Catalogue {
    load(&doc(r#"{"code":"01","name":"公共服务"},
           {"code":"0101","name":"限期服务","parent":"01","validFrom":"2025-01-01","validTo":"2025-12-31","pinmu":["C13050200"]},
           {"code":"0102","name":"含工程的服务","parent":"01","pinmu":["B07000000","C13050200"]},
           {"code":"0103","name":"设备","parent":"01","pinmu":["A02010100"]},
           {"code":"0104","name":"维修工程","parent":"01","pinmu":["B07000000"]}"#))
}

#[test]
fn screening_the_item() {
    let county = county();
    let r = screen(
        &county,
        &format!(r#"{{"itemCode":"01060101",{BUDGET}}}"#),
        "2025-06-01",
    );
    assert!(r.ok && r.findings.is_empty(), "{:?}", screened(&r));
    let item = r.item.expect("item");
    assert_eq!(item.path.len(), 4);
    assert_eq!(r.catalogue, "2020+2023-example");
    // Unknown, withdrawn, missing.
    let r = screen(
        &county,
        &format!(r#"{{"itemCode":"9999",{BUDGET}}}"#),
        "2025-06-01",
    );
    assert_eq!(
        screened(&r),
        pairs(&[("itemCode", codes::SCREEN_ITEM_UNKNOWN)])
    );
    assert!(!r.ok && r.item.is_none());
    let r = screen(
        &county,
        &format!(r#"{{"itemCode":"0209",{BUDGET}}}"#),
        "2025-06-01",
    );
    assert_eq!(
        screened(&r),
        pairs(&[("itemCode", codes::SCREEN_ITEM_WITHDRAWN)])
    );
    assert!(
        r.findings[0].message.contains("由党校直接承担"),
        "{}",
        r.findings[0].message
    );
    assert!(r.findings[0].basis.is_some_and(|b| b.contains("第十四条")));
    let r = screen(&county, &format!("{{{BUDGET}}}"), "2025-06-01");
    assert_eq!(screened(&r), pairs(&[("itemCode", codes::FIELD_REQUIRED)]));
    // A top-level class is a warning: choose a specific item.
    let r = screen(
        &county,
        &format!(r#"{{"itemCode":"01",{BUDGET}}}"#),
        "2025-06-01",
    );
    assert_eq!(
        screened(&r),
        pairs(&[("itemCode", codes::SCREEN_ITEM_IS_CLASS)])
    );
    assert_eq!(r.findings[0].severity, Severity::Warning);
    assert!(r.ok);
    // So is a sub-class with items under it (0106 in the county overlay); its leaf is not.
    let r = screen(
        &county,
        &format!(r#"{{"itemCode":"0106",{BUDGET}}}"#),
        "2025-06-01",
    );
    assert_eq!(
        screened(&r),
        pairs(&[("itemCode", codes::SCREEN_ITEM_IS_CLASS)])
    );
    assert!(
        r.findings[0].message.contains("下设1个事项"),
        "{}",
        r.findings[0].message
    );
    let r = screen(
        &county,
        &format!(r#"{{"itemCode":"01060101",{BUDGET}}}"#),
        "2025-06-01",
    );
    assert_eq!(screened(&r), pairs(&[]));
    // Not yet in force, in force on both ends, expired.
    let c = test_catalogue();
    let p = format!(r#"{{"itemCode":"0101",{BUDGET}}}"#);
    let r = screen(&c, &p, "2024-12-31");
    assert_eq!(
        screened(&r),
        pairs(&[("itemCode", codes::SCREEN_ITEM_NOT_YET_VALID)])
    );
    assert_eq!(r.findings[0].params["validFrom"], "2025-01-01");
    assert!(screen(&c, &p, "2025-01-01").ok);
    assert!(screen(&c, &p, "2025-12-31").ok);
    let r = screen(&c, &p, "2026-01-01");
    assert_eq!(
        screened(&r),
        pairs(&[("itemCode", codes::SCREEN_ITEM_EXPIRED)])
    );
    // Not an object at all.
    let r = screen(&c, "\"0101\"", "2025-06-01");
    assert_eq!(screened(&r), pairs(&[("project", codes::FIELD_WRONG_TYPE)]));
}

#[test]
fn screening_goods_and_works() {
    let c = test_catalogue();
    let at = "2025-06-01";
    // The item's own 品目 codes, reported on the item.
    let r = screen(&c, &format!(r#"{{"itemCode":"0103",{BUDGET}}}"#), at);
    assert_eq!(
        screened(&r),
        pairs(&[("itemCode", codes::SCREEN_GOODS_OR_WORKS)])
    );
    assert_eq!(r.findings[0].params["kind"], "goods");
    let r = screen(&c, &format!(r#"{{"itemCode":"0104",{BUDGET}}}"#), at);
    assert_eq!(r.findings[0].params["kind"], "works");
    let r = screen(&c, &format!(r#"{{"itemCode":"0102",{BUDGET}}}"#), at);
    assert_eq!(
        screened(&r),
        pairs(&[("itemCode", codes::SCREEN_WORKS_WITH_SERVICES)])
    );
    // The project's own codes win, as a list or as text.
    let r = screen(
        &c,
        &format!(r#"{{"itemCode":"0102","pinmu":["c13050200"],{BUDGET}}}"#),
        at,
    );
    assert!(r.ok, "{:?}", screened(&r));
    let r = screen(
        &c,
        &format!(r#"{{"itemCode":"0101","pinmu":"C13050200、A02010100",{BUDGET}}}"#),
        at,
    );
    assert_eq!(
        screened(&r),
        pairs(&[("pinmu", codes::SCREEN_GOODS_OR_WORKS)])
    );
    assert_eq!(r.findings[0].params["value"], "A02010100");
    let r = screen(
        &c,
        &format!(r#"{{"itemCode":"0101","pinmu":["C0701"],{BUDGET}}}"#),
        at,
    );
    assert_eq!(
        screened(&r),
        pairs(&[("pinmu", codes::CATALOGUE_BAD_PINMU)])
    );
}

#[test]
fn screening_the_budget() {
    let c = county();
    let at = "2025-06-01";
    for project in [
        r#"{"itemCode":"01060101"}"#,
        r#"{"itemCode":"01060101","budget":{}}"#,
        r#"{"itemCode":"01060101","budget":{"amount":""}}"#,
        r#"{"itemCode":"01060101","budget":{"amount":"0"}}"#,
        r#"{"itemCode":"01060101","budget":{"amount":0}}"#,
        r#"{"itemCode":"01060101","budget":{"amount":"0.00","unit":"wan"}}"#,
    ] {
        let r = screen(&c, project, at);
        assert_eq!(
            screened(&r),
            pairs(&[("budget.amount", codes::SCREEN_NOT_BUDGETED)]),
            "{project}"
        );
    }
    let r = screen(
        &c,
        r#"{"itemCode":"01060101","budget":{"amount":"十万"}}"#,
        at,
    );
    assert_eq!(
        screened(&r),
        pairs(&[("budget.amount", codes::MONEY_INVALID)])
    );
    let r = screen(
        &c,
        r#"{"itemCode":"01060101","budget":{"amount":"12","unit":"wan"}}"#,
        at,
    );
    assert!(r.ok);
}

#[test]
fn screening_the_contract_term() {
    let c = county();
    let at = "2025-06-01";
    let term = |term: &str, secured: bool, stable: bool| {
        let p = format!(
            r#"{{"itemCode":"01060101","budget":{{"amount":"1","secured":{secured}}},"stable":{stable},"contractTerm":{term}}}"#
        );
        let r = screen(&c, &p, at);
        (
            r.term_months,
            screened(&r).into_iter().map(|(_, c)| c).collect::<Vec<_>>(),
        )
    };
    let none: Vec<String> = vec![];
    let over1 = vec![codes::SCREEN_TERM_OVER_ONE_YEAR.to_string()];
    let over3 = vec![codes::SCREEN_TERM_OVER_THREE_YEARS.to_string()];
    // By months.
    assert_eq!(
        term(r#"{"months":12}"#, false, false),
        (Some(12), none.clone())
    );
    assert_eq!(
        term(r#"{"months":"13"}"#, false, false),
        (Some(13), over1.clone())
    );
    assert_eq!(
        term(r#"{"months":13}"#, true, false),
        (Some(13), over1.clone())
    );
    assert_eq!(
        term(r#"{"months":13}"#, false, true),
        (Some(13), over1.clone())
    );
    assert_eq!(
        term(r#"{"months":36}"#, false, false),
        (Some(36), over1.clone())
    );
    assert_eq!(
        term(r#"{"months":36}"#, true, true),
        (Some(36), none.clone())
    );
    assert_eq!(
        term(r#"{"months":37}"#, true, true),
        (Some(37), over3.clone())
    );
    // By dates: a year is up to the day before the anniversary; a month begun counts.
    let dates = |s: &str, e: &str| format!(r#"{{"start":"{s}","end":"{e}"}}"#);
    assert_eq!(
        term(&dates("2025-01-01", "2025-12-31"), false, false),
        (Some(12), none.clone())
    );
    assert_eq!(
        term(&dates("2025-01-01", "2026-01-01"), false, false),
        (Some(13), over1.clone())
    );
    assert_eq!(
        term(&dates("2025-03-15", "2026-03-14"), false, false),
        (Some(12), none.clone())
    );
    assert_eq!(
        term(&dates("2025-03-15", "2026-03-15"), false, false),
        (Some(13), over1.clone())
    );
    assert_eq!(
        term(&dates("2025-01-01", "2027-12-31"), false, false),
        (Some(36), over1.clone())
    );
    assert_eq!(
        term(&dates("2025-01-01", "2027-12-31"), true, true),
        (Some(36), none.clone())
    );
    assert_eq!(
        term(&dates("2025-01-01", "2028-01-01"), true, true),
        (Some(37), over3.clone())
    );
    assert_eq!(
        term(&dates("2025年1月1日", "2025/1/31"), false, false),
        (Some(1), none.clone())
    );
    // Dates decide over months; bad dates and reversed terms are errors.
    let p = r#"{"start":"2025-01-01","end":"2025-06-30","months":40}"#;
    assert_eq!(term(p, false, false), (Some(6), none.clone()));
    assert_eq!(
        term(&dates("2025-06-01", "2025-01-01"), false, false),
        (None, vec![codes::SCREEN_TERM_INVALID.to_string()])
    );
    assert_eq!(
        term(&dates("2025-02-30", "2025-12-31"), false, false),
        (None, vec![codes::DATE_NOT_A_DATE.to_string()])
    );
    // The message names the months and the rule.
    let r = screen(
        &c,
        r#"{"itemCode":"01060101","budget":{"amount":"1"},"contractTerm":{"months":24}}"#,
        at,
    );
    assert_eq!(r.findings[0].path, "contractTerm");
    assert!(
        r.findings[0].message.starts_with("合同期限24个月超过1年"),
        "{}",
        r.findings[0].message
    );
    assert!(r.findings[0]
        .basis
        .is_some_and(|b| b.contains("第二十四条")));
}

#[test]
fn screening_text_warns_with_the_word_and_the_article() {
    let c = county();
    let r = screen(
        &c,
        r#"{"itemCode":"01060101","budget":{"amount":"1"},
            "title":"镇村垃圾清运及勞務派遣",
            "description":"含车辆融资租赁；不含施工"}"#,
        "2025-06-01",
    );
    assert!(r.ok, "warnings never fail the project");
    let words: Vec<(&str, &str, &str)> = r
        .findings
        .iter()
        .map(|f| {
            assert_eq!(f.code, codes::SCREEN_ARTICLE10_TERM);
            assert_eq!(f.severity, Severity::Warning);
            (
                f.path.as_str(),
                f.params["term"].as_str(),
                f.params["article"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        words,
        [
            ("title", "劳务派遣", "第十条第（五）项"),
            ("description", "施工", "第十条第（三）项"),
            ("description", "融资", "第十条第（四）项"),
            ("description", "融资租赁", "第十条第（四）项"),
        ]
    );
    assert_eq!(
        r.findings[0].message,
        "项目名称含“劳务派遣”：请确认不属于《政府购买服务管理办法》第十条第（五）项所列不得作为政府购买服务的事项。"
    );
    let clean = screen(
        &c,
        r#"{"itemCode":"01060101","budget":{"amount":"1"},"description":"镇、村生活垃圾日常清运"}"#,
        "2025-06-01",
    );
    assert!(clean.findings.is_empty());
}

#[test]
fn screening_through_the_api() {
    let c = county();
    let p = json(r#"{"itemCode":"0101","budget":{"amount":"1"}}"#);
    let r = api::screen_purchase(
        &c,
        &p,
        Some(&obj(&[("asOf", s("2025-06-01")), ("locale", s("en"))])),
        d("2000-01-01"),
    )
    .expect("screen");
    assert_eq!(r.as_of, d("2025-06-01"));
    assert!(r.ok);
    let r = api::screen_purchase(&c, &p, None, d("2024-02-29")).expect("screen");
    assert_eq!(r.as_of, d("2024-02-29"), "today by default");
    let e = api::screen_purchase(&c, &p, Some(&obj(&[("asOf", s("soon"))])), d("2024-02-29"))
        .expect_err("bad asOf");
    assert_eq!(e.path, "opts.asOf");
}

/// A field of the project of the wrong JSON type is a `screen.wrong_type` finding at its path,
/// naming what it takes and what came — never read as absent (issue 13: one reader).
#[test]
fn screening_names_a_wrong_type() {
    let c = county();
    let wrong = |project: &str| -> Vec<(String, String, String, String)> {
        let r = screen(&c, project, "2025-06-01");
        r.findings
            .iter()
            .filter(|f| f.code == codes::SCREEN_WRONG_TYPE)
            .map(|f| {
                let p = |k: &str| f.params.get(k).cloned().unwrap_or_default();
                (f.path.clone(), p("expected"), p("got"), f.message.clone())
            })
            .collect()
    };
    let one = |path: &str, expected: &str, got: &str| {
        vec![(path.to_string(), expected.to_string(), got.to_string())]
    };
    let short = |v: Vec<(String, String, String, String)>| -> Vec<(String, String, String)> {
        v.into_iter().map(|(p, e, g, _)| (p, e, g)).collect()
    };
    let item = r#""itemCode":"01060101""#;
    // The item code: a wrong type instead of "required".
    let r = screen(
        &c,
        &format!(r#"{{"itemCode":{{}},{BUDGET}}}"#),
        "2025-06-01",
    );
    assert_eq!(
        screened(&r),
        pairs(&[("itemCode", codes::SCREEN_WRONG_TYPE)]),
    );
    assert!(!r.ok);
    // A number is an item code's text; null and blank are absent.
    assert!(wrong(&format!(r#"{{"itemCode":1060101,{BUDGET}}}"#)).is_empty());
    let r = screen(
        &c,
        &format!(r#"{{"itemCode":null,{BUDGET}}}"#),
        "2025-06-01",
    );
    assert_eq!(screened(&r), pairs(&[("itemCode", codes::FIELD_REQUIRED)]));
    // The budget: not an object is a wrong type (not "not budgeted"); its unit and flag too.
    let r = screen(
        &c,
        &format!(r#"{{{item},"budget":"120000"}}"#),
        "2025-06-01",
    );
    assert_eq!(screened(&r), pairs(&[("budget", codes::SCREEN_WRONG_TYPE)]));
    assert_eq!(
        short(wrong(&format!(
            r#"{{{item},"budget":{{"amount":"1","unit":7,"secured":"yes"}}}}"#
        ))),
        [
            one("budget.secured", "boolean", "string"),
            one("budget.unit", "string", "number")
        ]
        .concat()
    );
    // The term and its parts, the flag `stable`, the free texts, the 品目 list and its entries.
    assert_eq!(
        short(wrong(&format!(
            r#"{{{item},{BUDGET},"contractTerm":[12]}}"#
        ))),
        one("contractTerm", "object", "array")
    );
    assert_eq!(
        short(wrong(&format!(
            r#"{{{item},{BUDGET},"contractTerm":{{"start":true,"months":{{}}}}}}"#
        ))),
        [
            one("contractTerm.start", "string", "boolean"),
            one("contractTerm.months", "string", "object")
        ]
        .concat()
    );
    assert_eq!(
        short(wrong(&format!(
            r#"{{{item},{BUDGET},"stable":1,"title":["a"],"description":false}}"#
        ))),
        [
            one("stable", "boolean", "number"),
            one("title", "string", "array"),
            one("description", "string", "boolean"),
        ]
        .concat()
    );
    assert_eq!(
        short(wrong(&format!(r#"{{{item},{BUDGET},"pinmu":{{"a":1}}}}"#))),
        one("pinmu", "string", "object")
    );
    // 品目 are type-checked whatever the item, and the amount like the other budget fields.
    let r = screen(
        &c,
        &format!(r#"{{"itemCode":"nope",{BUDGET},"pinmu":5}}"#),
        "2025-06-01",
    );
    assert_eq!(
        screened(&r),
        pairs(&[
            ("pinmu", codes::SCREEN_WRONG_TYPE),
            ("itemCode", codes::SCREEN_ITEM_UNKNOWN)
        ])
    );
    let r = screen(
        &c,
        &format!(r#"{{{item},"budget":{{"amount":true}}}}"#),
        "2025-06-01",
    );
    assert_eq!(
        screened(&r),
        pairs(&[("budget.amount", codes::SCREEN_WRONG_TYPE)])
    );
    // Each names its own field where the label table has it, else its first segment's.
    let message = |project: String, locale| {
        let r = c.screen_purchase(
            &json(&project),
            &ScreenOptions {
                locale,
                as_of: d("2025-06-01"),
            },
        );
        r.findings
            .iter()
            .map(|f| f.message.clone())
            .collect::<Vec<_>>()
    };
    let flags = format!(r#"{{{item},"budget":{{"amount":"1","unit":7,"secured":1}},"stable":1}}"#);
    assert_eq!(
        message(flags.clone(), Locale::ZhCn),
        [
            "预算是否有保障应为布尔值，收到的是数字。",
            "预算金额单位应为文字，收到的是数字。",
            "服务是否相对固定应为布尔值，收到的是数字。"
        ]
    );
    assert_eq!(
        message(flags, Locale::En),
        [
            "The secured budget must be true or false; got a number.",
            "The budget unit must be text; got a number.",
            "The stable service must be true or false; got a number."
        ]
    );
    let term = format!(r#"{{{item},{BUDGET},"contractTerm":{{"months":true}}}}"#);
    assert_eq!(
        message(term, Locale::ZhCn),
        ["合同期限应为文字，收到的是布尔值。"]
    );
    assert_eq!(
        short(wrong(&format!(
            r#"{{{item},{BUDGET},"pinmu":["C0101",2,null]}}"#
        ))),
        [one("pinmu[1]", "string", "number")].concat()
    );
    // The message names the field and both types, in each locale's words.
    let m = wrong(&format!(r#"{{{item},{BUDGET},"stable":1}}"#));
    assert_eq!(m.len(), 1);
    assert!(!m[0].3.contains('{') && !m[0].3.is_empty(), "{}", m[0].3);
}
