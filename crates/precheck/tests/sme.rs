//! The SME declaration (中小企业声明函, RULES.md §2.3) and same-package conflicts (GPL-IR Art. 18,
//! §2.4).
//!
//! The size cases are built from the figures of 工信部联企业〔2011〕300号《中小企业划型标准规定》
//! Art. 4 as written in `STANDARD` below — transcribed from the standard's text, not read from
//! `data/sme_size_standard_2011.tsv` or from the code — and the expected sizes follow from the
//! standard's words: "X及以上，且Y及以上" is medium (small) only when both figures reach the
//! threshold; "X以下或Y以下" is micro (SME) when either is below it.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::unreachable,
    clippy::indexing_slicing,
    clippy::string_slice
)] // a test fails loudly
use procurement_precheck::api;
use procurement_precheck::fields::date::Date;
use procurement_precheck::qualification::package::check_package;
use procurement_precheck::qualification::sme::{self, INDUSTRIES};
use procurement_precheck::qualification::{Status, SupplierReport, Verdict};
use procurement_precheck::value::Value;
use serde::Deserialize;
use serde_json::{json, Value as J};

fn today() -> Date {
    Date::new(2026, 1, 1).unwrap()
}

fn value(j: &J) -> Value<'static> {
    Value::deserialize(j.clone()).unwrap()
}

/// An enterprise that passes every Art. 22 group (by commitments where one is allowed).
fn base() -> J {
    json!({
        "entityType": "enterprise", "name": "示例软件有限公司", "uscc": "91110000600037341L",
        "registration": { "status": "存续", "establishedOn": "2015-06-01", "termEnd": null },
        "credit": { "queriedOn": "2026-03-10", "judgmentDefaulter": false,
                    "majorTaxViolator": false, "procurementBlacklist": false },
        "penalties": [],
        "commitments": { "reputationAndAccounting": true, "taxAndSocialSecurity": true,
                         "equipmentAndCapability": true, "noMajorViolation": true }
    })
}

fn with_sme(sme: J) -> J {
    let mut a = base();
    a["sme"] = sme;
    a
}

fn check_locale(app: &J, locale: &str) -> SupplierReport {
    let opts = value(&json!({ "asOf": "2026-03-15", "locale": locale }));
    api::check_supplier(&value(app), Some(&opts), None, today()).unwrap()
}

fn check(app: &J) -> SupplierReport {
    check_locale(app, "zh-CN")
}

fn group(r: &SupplierReport) -> &procurement_precheck::qualification::CheckGroup {
    r.groups.iter().find(|g| g.id == "sme_declaration").unwrap()
}

fn param(r: &SupplierReport, key: &str) -> Option<String> {
    group(r).params.as_ref().and_then(|p| p.get(key).cloned())
}

fn codes(r: &SupplierReport) -> Vec<String> {
    group(r)
        .findings
        .iter()
        .map(|f| f.code.to_string())
        .collect()
}

// ---- the standard, as written ----

/// Which figures a rule uses, in the standard's words.
#[derive(Clone, Copy, Debug)]
enum Fig {
    Employees,
    Revenue,
    Assets,
}

/// One paragraph of Art. 4: (id, name, the two figures or one, ceiling, medium, small) — for
/// each threshold one number per figure, persons or 万元.
struct Row {
    id: &'static str,
    name: &'static str,
    figs: &'static [Fig],
    ceiling: &'static [u64],
    medium: &'static [u64],
    small: &'static [u64],
}

use Fig::*;

/// 300号 Art. 4 (一)–(十六).
const STANDARD: &[Row] = &[
    // (一) 营业收入20000万元以下的为中小微型企业。其中，营业收入500万元及以上的为中型企业，营业收入50万元及以上的为小型企业，营业收入50万元以下的为微型企业。
    Row {
        id: "agriculture",
        name: "农、林、牧、渔业",
        figs: &[Revenue],
        ceiling: &[20000],
        medium: &[500],
        small: &[50],
    },
    // (二) 从业人员1000人以下或营业收入40000万元以下…；从业人员300人及以上，且营业收入2000万元及以上的为中型企业；从业人员20人及以上，且营业收入300万元及以上的为小型企业…
    Row {
        id: "industrial",
        name: "工业",
        figs: &[Employees, Revenue],
        ceiling: &[1000, 40000],
        medium: &[300, 2000],
        small: &[20, 300],
    },
    // (三) 营业收入80000万元以下或资产总额80000万元以下…；营业收入6000万元及以上，且资产总额5000万元及以上…；营业收入300万元及以上，且资产总额300万元及以上…
    Row {
        id: "construction",
        name: "建筑业",
        figs: &[Revenue, Assets],
        ceiling: &[80000, 80000],
        medium: &[6000, 5000],
        small: &[300, 300],
    },
    // (四) 从业人员200人以下或营业收入40000万元以下…；20人及以上，且5000万元及以上…；5人及以上，且1000万元及以上…
    Row {
        id: "wholesale",
        name: "批发业",
        figs: &[Employees, Revenue],
        ceiling: &[200, 40000],
        medium: &[20, 5000],
        small: &[5, 1000],
    },
    // (五) 300人以下或20000万元以下…；50人且500万元…；10人且100万元…
    Row {
        id: "retail",
        name: "零售业",
        figs: &[Employees, Revenue],
        ceiling: &[300, 20000],
        medium: &[50, 500],
        small: &[10, 100],
    },
    // (六) 1000人以下或30000万元以下…；300人且3000万元…；20人且200万元…
    Row {
        id: "transport",
        name: "交通运输业",
        figs: &[Employees, Revenue],
        ceiling: &[1000, 30000],
        medium: &[300, 3000],
        small: &[20, 200],
    },
    // (七) 200人以下或30000万元以下…；100人且1000万元…；20人且100万元…
    Row {
        id: "warehousing",
        name: "仓储业",
        figs: &[Employees, Revenue],
        ceiling: &[200, 30000],
        medium: &[100, 1000],
        small: &[20, 100],
    },
    // (八) 1000人以下或30000万元以下…；300人且2000万元…；20人且100万元…
    Row {
        id: "postal",
        name: "邮政业",
        figs: &[Employees, Revenue],
        ceiling: &[1000, 30000],
        medium: &[300, 2000],
        small: &[20, 100],
    },
    // (九) 300人以下或10000万元以下…；100人且2000万元…；10人且100万元…
    Row {
        id: "accommodation",
        name: "住宿业",
        figs: &[Employees, Revenue],
        ceiling: &[300, 10000],
        medium: &[100, 2000],
        small: &[10, 100],
    },
    // (十) 餐饮业: the same figures as 住宿业.
    Row {
        id: "catering",
        name: "餐饮业",
        figs: &[Employees, Revenue],
        ceiling: &[300, 10000],
        medium: &[100, 2000],
        small: &[10, 100],
    },
    // (十一) 2000人以下或100000万元以下…；100人且1000万元…；10人且100万元…
    Row {
        id: "information_transmission",
        name: "信息传输业",
        figs: &[Employees, Revenue],
        ceiling: &[2000, 100000],
        medium: &[100, 1000],
        small: &[10, 100],
    },
    // (十二) 300人以下或10000万元以下…；100人且1000万元…；10人且50万元…
    Row {
        id: "software_it_services",
        name: "软件和信息技术服务业",
        figs: &[Employees, Revenue],
        ceiling: &[300, 10000],
        medium: &[100, 1000],
        small: &[10, 50],
    },
    // (十三) 营业收入200000万元以下或资产总额10000万元以下…；营业收入1000万元且资产总额5000万元…；营业收入100万元且资产总额2000万元…
    Row {
        id: "real_estate_development",
        name: "房地产开发经营",
        figs: &[Revenue, Assets],
        ceiling: &[200000, 10000],
        medium: &[1000, 5000],
        small: &[100, 2000],
    },
    // (十四) 1000人以下或5000万元以下…；300人且1000万元…；100人且500万元…
    Row {
        id: "property_management",
        name: "物业管理",
        figs: &[Employees, Revenue],
        ceiling: &[1000, 5000],
        medium: &[300, 1000],
        small: &[100, 500],
    },
    // (十五) 从业人员300人以下或资产总额120000万元以下…；100人且资产总额8000万元…；10人且资产总额100万元…
    Row {
        id: "leasing_business_services",
        name: "租赁和商务服务业",
        figs: &[Employees, Assets],
        ceiling: &[300, 120000],
        medium: &[100, 8000],
        small: &[10, 100],
    },
    // (十六) 从业人员300人以下的为中小微型企业。其中，从业人员100人及以上的为中型企业；从业人员10人及以上的为小型企业；从业人员10人以下的为微型企业。
    Row {
        id: "other",
        name: "其他未列明行业",
        figs: &[Employees],
        ceiling: &[300],
        medium: &[100],
        small: &[10],
    },
];

/// A figure's value at a threshold (`delta` −1 / 0 / +1): persons, or 元 to the fen.
fn at(fig: Fig, threshold: u64, delta: i64) -> String {
    match fig {
        Employees => (threshold as i64 + delta).to_string(),
        // 万元 → 元; one below = 0.01 元 below, one above = 0.01 元 above.
        _ => {
            let fen = (threshold as i64) * 1_000_000 + delta;
            format!("{}.{:02}", fen / 100, fen % 100)
        }
    }
}

fn key(fig: Fig) -> &'static str {
    match fig {
        Employees => "employees",
        Revenue => "revenue",
        Assets => "totalAssets",
    }
}

/// The computed size of an application of `row` with these figures (persons / 元).
fn size_of(row: &Row, values: &[String]) -> String {
    let mut s = json!({ "industry": row.id, "ownStaff": true, "declaredSize": "small" });
    for (f, v) in row.figs.iter().zip(values) {
        s[key(*f)] = json!(v);
    }
    let r = check(&with_sme(s));
    param(&r, "computedSize").unwrap_or_else(|| format!("none: {:?}", codes(&r)))
}

#[test]
fn every_industry_of_the_standard_is_known_with_its_figures() {
    let ids: Vec<&str> = STANDARD.iter().map(|r| r.id).collect();
    assert_eq!(
        ids, INDUSTRIES,
        "the sixteen industries, in the standard's order"
    );
    for row in STANDARD {
        assert_eq!(sme::industry_id(row.name), Some(row.id), "{}", row.name);
        let std = sme::standard(row.id).unwrap();
        let wan = rust_decimal::Decimal::from(10_000);
        for (thresholds, table) in [
            (row.ceiling, std.ceiling),
            (row.medium, std.medium),
            (row.small, std.small),
        ] {
            let mut want = [None; 3];
            for (f, t) in row.figs.iter().zip(thresholds) {
                let (i, v) = match f {
                    Employees => (0, rust_decimal::Decimal::from(*t)),
                    Revenue => (1, rust_decimal::Decimal::from(*t) * wan),
                    Assets => (2, rust_decimal::Decimal::from(*t) * wan),
                };
                want[i] = Some(v);
            }
            assert_eq!(table, want, "{}", row.name);
        }
    }
}

/// Each threshold of each industry: at it, 1 person or 0.01 元 below, and above; with two
/// figures, each one moved alone ("且" needs both, "或" one).
#[test]
fn every_industry_at_its_edges() {
    let mut failures = vec![];
    let mut cases = 0;
    for row in STANDARD {
        let n = row.figs.len();
        // (thresholds, size at them, size one below, the size just under — per the standard's
        // words: at the medium threshold medium, below it small; at small small, below micro;
        // at the ceiling large, below it (still ≥ medium) medium.
        for (thresholds, at_size, below_size) in [
            (row.medium, "medium", "small"),
            (row.small, "small", "micro"),
            (row.ceiling, "large", "medium"),
        ] {
            let all_at: Vec<String> = row
                .figs
                .iter()
                .zip(thresholds)
                .map(|(f, t)| at(*f, *t, 0))
                .collect();
            let all_above: Vec<String> = row
                .figs
                .iter()
                .zip(thresholds)
                .map(|(f, t)| at(*f, *t, 1))
                .collect();
            let mut expect = vec![(all_at.clone(), at_size), (all_above, at_size)];
            for i in 0..n {
                // One figure one below, the other at the threshold: 且 fails / 或 holds.
                let mut v = all_at.clone();
                v[i] = at(row.figs[i], thresholds[i], -1);
                expect.push((v, below_size));
            }
            if n == 2 {
                // Both below.
                let v: Vec<String> = row
                    .figs
                    .iter()
                    .zip(thresholds)
                    .map(|(f, t)| at(*f, *t, -1))
                    .collect();
                expect.push((v, below_size));
            }
            for (values, want) in expect {
                cases += 1;
                let got = size_of(row, &values);
                if got != want {
                    failures.push(format!("{} {values:?}: {got}, expected {want}", row.name));
                }
            }
        }
    }
    assert!(cases >= 16 * 3 * 3, "{cases}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// "或" at the ceiling: one figure at or above it, the other below — still an SME, and then
/// medium by the medium thresholds (both met).
#[test]
fn ceiling_is_either_figure() {
    // 工业: 1200 employees (≥ 1000) but revenue 39999.99万元 (< 40000万): an SME, medium.
    let row = &STANDARD[1];
    assert_eq!(
        size_of(row, &["1200".into(), at(Revenue, 40000, -1)]),
        "medium"
    );
    assert_eq!(
        size_of(row, &["999".into(), at(Revenue, 90000, 0)]),
        "medium"
    );
    assert_eq!(
        size_of(row, &["1000".into(), at(Revenue, 40000, 0)]),
        "large"
    );
    // 工业 micro by "或": 19 employees with revenue far above the small threshold.
    assert_eq!(size_of(row, &["19".into(), at(Revenue, 30000, 0)]), "micro");
    // 房地产开发经营: assets 10000万 (at the ceiling) but revenue below 200000万 → SME; medium.
    let re = &STANDARD[12];
    assert_eq!(
        size_of(re, &[at(Revenue, 199999, 0), at(Assets, 10000, 0)]),
        "medium"
    );
}

#[test]
fn the_message_says_what_the_figures_make_them() {
    let app = with_sme(json!({ "industry": "软件和信息技术服务业", "employees": 45,
        "revenue": "800", "revenueUnit": "万元", "declaredSize": "微型", "ownStaff": true }));
    let r = check(&app);
    let g = group(&r);
    assert_eq!(g.status, Status::Fail);
    let f = g
        .findings
        .iter()
        .find(|f| f.code == "sme_declaration.size_mismatch")
        .unwrap();
    assert_eq!(
        f.message,
        "按软件和信息技术服务业标准，从业人员45人、营业收入800万元属于小型企业，而声明为微型企业。"
    );
    assert_eq!(f.path, "sme.declaredSize");
    assert_eq!(f.params["computed"], "small");
    assert_eq!(f.params["declared"], "micro");
    assert_eq!(f.params["employees"], "45");
    assert_eq!(f.params["revenue"], "8000000");
    assert!(f.basis.unwrap().contains("300号第四条"));
    let tw = check_locale(&app, "zh-TW");
    let f = group(&tw)
        .findings
        .iter()
        .find(|f| f.code == "sme_declaration.size_mismatch")
        .unwrap();
    assert_eq!(
        f.message,
        "按軟件和信息技術服務業標準，從業人員45人、營業收入800萬元屬於小型企業，而聲明為微型企業。"
    );
    let en = check_locale(&app, "en");
    let f = group(&en)
        .findings
        .iter()
        .find(|f| f.code == "sme_declaration.size_mismatch")
        .unwrap();
    assert_eq!(
        f.message,
        "Under the standard for software and information technology services, 45 employees, operating revenue of CNY 8,000,000 make it a small enterprise, but it is declared a micro enterprise."
    );
    // The group does not change the Art. 22 verdict.
    assert_eq!(r.verdict, check(&base()).verdict);
    assert_eq!(param(&r, "computedSize").as_deref(), Some("small"));
    assert_eq!(
        param(&r, "reservedPackage").as_deref(),
        Some("not_eligible")
    );
}

#[test]
fn a_right_declaration_passes_and_says_what_it_buys() {
    let r = check(&with_sme(
        json!({ "industry": "software_it_services", "employees": "45",
        "revenue": "8000000", "declaredSize": "small", "ownStaff": true }),
    ));
    assert_eq!(group(&r).status, Status::Pass);
    assert!(codes(&r).contains(&"sme_declaration.size_confirmed".to_string()));
    assert_eq!(param(&r, "priceDeduction").as_deref(), Some("10%–20%"));
    assert_eq!(param(&r, "reservedPackage").as_deref(), Some("eligible"));
    assert_eq!(
        param(&r, "industry").as_deref(),
        Some("software_it_services")
    );
    // Medium: a reserved package, no price deduction.
    let r = check(&with_sme(
        json!({ "industry": "software_it_services", "employees": 100,
        "revenue": "1000", "revenueUnit": "wan", "declaredSize": "中型", "ownStaff": true }),
    ));
    assert_eq!(group(&r).status, Status::Pass, "{:?}", codes(&r));
    assert_eq!(param(&r, "priceDeduction").as_deref(), Some("none"));
    assert!(codes(&r).contains(&"sme_declaration.reserved_only".to_string()));
    // The rate comes from the policy.
    let opts = value(&json!({ "asOf": "2026-03-15", "policy": { "smePriceDeduction": "15%" } }));
    let app = with_sme(json!({ "industry": "other", "employees": 9, "declaredSize": "micro" }));
    let r = api::check_supplier(&value(&app), Some(&opts), None, today()).unwrap();
    assert_eq!(param(&r, "priceDeduction").as_deref(), Some("15%"));
    for bad in ["", "abc", "120%", "20%–10%", "10"] {
        let opts = value(&json!({ "policy": { "smePriceDeduction": bad } }));
        let e = api::check_supplier(&value(&app), Some(&opts), None, today()).unwrap_err();
        assert_eq!(e.path, "opts.policy.smePriceDeduction", "{bad}");
    }
}

#[test]
fn without_an_sme_object_the_group_is_not_applicable() {
    let r = check(&base());
    assert_eq!(group(&r).status, Status::NotApplicable);
    assert!(group(&r).params.is_none());
    let j = serde_json::to_value(&r).unwrap();
    assert_eq!(j["groups"][7]["id"], "sme_declaration");
    assert!(j["groups"][6].get("params").is_none());
}

#[test]
fn not_an_sme_over_the_ceiling() {
    let r = check(&with_sme(
        json!({ "industry": "other", "employees": 300, "declaredSize": "medium" }),
    ));
    assert_eq!(group(&r).status, Status::Fail);
    let f = group(&r)
        .findings
        .iter()
        .find(|f| f.code == "sme_declaration.not_sme")
        .unwrap();
    assert!(
        f.message.contains("从业人员300人已达到大型企业标准"),
        "{}",
        f.message
    );
    assert_eq!(param(&r, "computedSize").as_deref(), Some("large"));
    assert_eq!(r.verdict, check(&base()).verdict);
}

#[test]
fn a_missing_figure_leaves_the_group_incomplete_unless_another_decides() {
    // Software: employees 45, revenue missing → medium/small undecided.
    let r = check(&with_sme(
        json!({ "industry": "software_it_services", "employees": 45, "declaredSize": "small" }),
    ));
    assert_eq!(group(&r).status, Status::Incomplete);
    let f = group(&r)
        .findings
        .iter()
        .find(|f| f.code == "sme_declaration.figure_missing")
        .unwrap();
    assert_eq!(f.path, "sme.revenue");
    assert_eq!(
        f.message,
        "按软件和信息技术服务业标准划分企业规模需要营业收入，请填写。"
    );
    // 9 employees: micro whatever the revenue ("从业人员10人以下或…").
    let r = check(&with_sme(
        json!({ "industry": "software_it_services", "employees": 9, "declaredSize": "micro" }),
    ));
    assert_eq!(group(&r).status, Status::Pass, "{:?}", codes(&r));
    // The industry itself missing.
    let r = check(&with_sme(
        json!({ "employees": 9, "declaredSize": "micro" }),
    ));
    assert_eq!(group(&r).status, Status::Incomplete);
    // The declared size missing.
    let r = check(&with_sme(json!({ "industry": "other", "employees": 9 })));
    assert_eq!(group(&r).status, Status::Incomplete);
    assert!(group(&r)
        .findings
        .iter()
        .any(|f| f.path == "sme.declaredSize"));
    // Unknown industry, bad figures.
    let r = check(&with_sme(
        json!({ "industry": "软件业", "employees": 9, "declaredSize": "micro" }),
    ));
    assert!(codes(&r).contains(&"sme_declaration.unknown_industry".to_string()));
    let r = check(&with_sme(
        json!({ "industry": "other", "employees": "4.5", "declaredSize": "micro" }),
    ));
    assert!(codes(&r).contains(&"sme_declaration.employees_invalid".to_string()));
    assert_eq!(group(&r).status, Status::Incomplete);
    let r = check(&with_sme(
        json!({ "industry": "agriculture", "revenue": "-1", "declaredSize": "micro" }),
    ));
    assert_eq!(group(&r).status, Status::Fail);
}

#[test]
fn who_may_declare() {
    for t in [
        "social_organization",
        "public_institution",
        "natural_person",
        "self_governing",
        "rural_collective",
        "state_organ",
        "farmers_cooperative",
    ] {
        let mut app =
            with_sme(json!({ "industry": "other", "employees": 9, "declaredSize": "micro" }));
        app["entityType"] = json!(t);
        let r = check(&app);
        assert_eq!(group(&r).status, Status::Fail, "{t}");
        let f = group(&r)
            .findings
            .iter()
            .find(|f| f.code == "sme_declaration.not_enterprise")
            .unwrap();
        assert_eq!(f.path, "entityType");
    }
    let mut app = with_sme(
        json!({ "industry": "retail", "employees": 3, "revenue": "50", "revenueUnit": "wan", "declaredSize": "micro" }),
    );
    app["entityType"] = json!("individual_business");
    assert_eq!(group(&check(&app)).status, Status::Pass);
    // Related to a large enterprise; services not by its own staff.
    let r = check(&with_sme(
        json!({ "industry": "other", "employees": 9, "declaredSize": "micro",
        "relatedToLargeEnterprise": true }),
    ));
    assert!(codes(&r).contains(&"sme_declaration.related_to_large_enterprise".to_string()));
    assert_eq!(group(&r).status, Status::Fail);
    let r = check(&with_sme(
        json!({ "industry": "other", "employees": 9, "declaredSize": "micro",
        "ownStaff": false }),
    ));
    assert!(codes(&r).contains(&"sme_declaration.not_own_staff".to_string()));
    assert_eq!(group(&r).status, Status::Fail);
    assert_eq!(r.verdict, check(&base()).verdict);
}

#[test]
fn welfare_units_and_prison_enterprises_count_as_small_or_micro() {
    for (k, code) in [
        ("welfareUnit", "sme_declaration.welfare_unit"),
        ("prisonEnterprise", "sme_declaration.prison_enterprise"),
    ] {
        let r = check(&with_sme(json!({ k: true, "ownStaff": true })));
        assert_eq!(group(&r).status, Status::Pass, "{k}: {:?}", codes(&r));
        assert!(codes(&r).contains(&code.to_string()));
        assert_eq!(param(&r, "computedSize").as_deref(), Some("small_micro"));
        assert_eq!(param(&r, "priceDeduction").as_deref(), Some("10%–20%"));
        let r = check(&with_sme(json!({ k: true, "declaredSize": "medium" })));
        assert!(codes(&r).contains(&"sme_declaration.declared_not_small_micro".to_string()));
    }
    // A welfare unit that is a social organisation (民办非企业单位) may still claim.
    let mut app = with_sme(json!({ "welfareUnit": true }));
    app["entityType"] = json!("social_organization");
    assert_eq!(group(&check(&app)).status, Status::Pass);
}

#[test]
fn consortium_members_declare_one_by_one_with_their_shares() {
    let mut a = base();
    a["sme"] = J::Null;
    let mut b = a.clone();
    a["sme"] = json!({ "industry": "other", "employees": 9, "declaredSize": "micro" });
    a["contractShare"] = json!("40");
    b["contractShare"] = json!(60);
    let app = json!({ "name": "联合体", "members": [a, b] });
    let r = check(&app);
    assert_eq!(group(&r).status, Status::Pass, "{:?}", codes(&r));
    assert_eq!(param(&r, "smeShare").as_deref(), Some("40"));
    assert_eq!(param(&r, "smallMicroShare").as_deref(), Some("40"));
    assert_eq!(
        param(&r, "reservedPackage").as_deref(),
        Some("not_eligible")
    );
    assert!(group(&r)
        .findings
        .iter()
        .any(|f| f.path == "members[0].sme.declaredSize"));
}

// ---- GPL-IR Art. 18 ----

#[test]
fn provided_project_services_fails_other_conditions() {
    let mut app = base();
    app["providedProjectServices"] = json!(true);
    let r = check(&app);
    let g = r
        .groups
        .iter()
        .find(|g| g.id == "other_conditions")
        .unwrap();
    assert_eq!(g.status, Status::Fail);
    assert_eq!(r.verdict, Verdict::Fail);
    assert_eq!(
        g.findings[0].code,
        "other_conditions.provided_project_services"
    );
    assert_eq!(
        g.findings[0].basis,
        Some("政府采购法实施条例第十八条第二款")
    );
    app["providedProjectServices"] = json!(false);
    let r = check(&app);
    let g = r
        .groups
        .iter()
        .find(|g| g.id == "other_conditions")
        .unwrap();
    assert_eq!(g.status, Status::Pass);
    assert_eq!(r.verdict, check(&base()).verdict);
}

fn bidder(name: &str, uscc: &str, rep_id: &str) -> J {
    let mut a = base();
    a["name"] = json!(name);
    a["uscc"] = json!(uscc);
    a["legalRepresentative"] = json!({ "name": "张三", "idNumber": rep_id });
    a
}

#[test]
fn package_conflicts_are_on_both_reports() {
    let a = bidder("甲公司", "91110000600037341L", "11010519491231002X");
    let b = bidder("乙公司", "91350100M000100Y43", "11010519491231002x");
    let mut c = bidder("丙公司", "91330106MA2B0XXX00", "110101199003077774");
    c["controllingShareholder"] = json!({ "name": "甲公司", "uscc": "91110000600037341L" });
    let d = bidder("丁公司", "91440300MA5XXXXX00", "440301199001011234");
    let apps = value(&json!([a, b, c, d]));
    let opts = value(&json!({ "asOf": "2026-03-15" }));
    let p = check_package(&apps, Some(&opts), None, today()).unwrap();
    assert_eq!(p.reports.len(), 4);
    assert_eq!(p.conflicts.len(), 2, "{:?}", p.conflicts);
    let same = &p.conflicts[0];
    assert_eq!(same.code, "other_conditions.same_legal_representative");
    assert_eq!(same.applications, [0, 1]);
    let ctl = &p.conflicts[1];
    assert_eq!(ctl.code, "other_conditions.controlling_shareholder");
    assert_eq!(ctl.applications, [0, 2]);
    assert_eq!(
        ctl.paths,
        ["uscc".to_string(), "controllingShareholder".to_string()]
    );
    let other = |r: &SupplierReport| {
        r.groups
            .iter()
            .find(|g| g.id == "other_conditions")
            .unwrap()
            .clone()
    };
    // The conflicts among the group's findings (a report also has the fields' own findings,
    // e.g. the lower-case x of 乙's number normalised).
    let conflicts_of = |r: &SupplierReport| -> Vec<procurement_precheck::report::Finding> {
        other(r)
            .findings
            .into_iter()
            .filter(|f| f.code.starts_with("other_conditions."))
            .collect()
    };
    // 甲: both conflicts; 乙 and 丙 one each, naming the other; 丁 none.
    assert_eq!(conflicts_of(&p.reports[0]).len(), 2);
    assert_eq!(p.reports[0].verdict, Verdict::Fail);
    let f = &conflicts_of(&p.reports[1])[0];
    assert_eq!(f.path, "legalRepresentative.idNumber");
    assert_eq!(f.params["otherName"], "甲公司");
    assert_eq!(f.params["other"], "1");
    assert_eq!(f.params["idNumber"], "110105********002X");
    assert!(f.message.contains("甲公司"), "{}", f.message);
    assert_eq!(f.basis, Some("政府采购法实施条例第十八条第一款"));
    let f = &conflicts_of(&p.reports[2])[0];
    assert_eq!(f.path, "controllingShareholder");
    assert!(
        f.message.contains("“甲公司”为“丙公司”的控股股东"),
        "{}",
        f.message
    );
    assert_eq!(conflicts_of(&p.reports[3]).len(), 0);
    assert_eq!(p.reports[3].verdict, check(&d_only()).verdict);
    // The flat list keeps the groups' findings in order.
    let r = &p.reports[0];
    let grouped: Vec<_> = r.groups.iter().flat_map(|g| g.findings.clone()).collect();
    assert_eq!(&r.findings[..grouped.len()], &grouped[..]);
    // Without conflicts, each report is the checkSupplier report.
    let p = check_package(&value(&json!([d_only()])), Some(&opts), None, today()).unwrap();
    assert!(p.conflicts.is_empty());
    assert_eq!(p.reports[0], check(&d_only()));
    // Not a list.
    let e = check_package(&value(&json!({})), Some(&opts), None, today()).unwrap_err();
    assert_eq!(e.path, "applications");
}

fn d_only() -> J {
    bidder("丁公司", "91440300MA5XXXXX00", "440301199001011234")
}

#[test]
fn a_consortium_member_controlled_by_another_bidder() {
    let a = bidder("甲公司", "91110000600037341L", "11010519491231002X");
    let mut m1 = bidder("乙公司", "91350100M000100Y43", "110101199003077774");
    m1["controllingShareholder"] = json!({ "name": "甲公司", "uscc": "91110000-600037341l" });
    let m2 = bidder("丙公司", "91330106MA2B0XXX00", "440301199001011234");
    let consortium = json!({ "name": "联合体", "members": [m1, m2] });
    let p = check_package(&value(&json!([a, consortium])), None, None, today()).unwrap();
    assert_eq!(p.conflicts.len(), 1);
    assert_eq!(p.conflicts[0].paths[1], "members[0].controllingShareholder");
    let r = &p.reports[1];
    assert_eq!(r.verdict, Verdict::Fail);
    assert_eq!(r.members[0].verdict, Verdict::Fail);
}

#[test]
fn contract_shares_are_percentages() {
    let mut a = base();
    a["sme"] = json!({ "industry": "other", "employees": 9, "declaredSize": "micro" });
    let mut b = a.clone();
    b["sme"] = json!({ "industry": "other", "employees": 100, "declaredSize": "medium" });
    a["contractShare"] = json!("30%");
    b["contractShare"] = json!("70");
    let r = check(&json!({ "name": "联合体", "members": [a.clone(), b.clone()] }));
    assert_eq!(group(&r).status, Status::Pass, "{:?}", codes(&r));
    assert_eq!(param(&r, "smeShare").as_deref(), Some("100"));
    assert_eq!(param(&r, "smallMicroShare").as_deref(), Some("30"));
    // Every member an SME: the consortium counts as one (not as small or micro: one is medium).
    assert_eq!(param(&r, "computedSize").as_deref(), Some("sme"));
    assert_eq!(param(&r, "reservedPackage").as_deref(), Some("eligible"));
    assert_eq!(param(&r, "priceDeduction").as_deref(), Some("none"));
    for bad in ["101", "-1", "三成"] {
        b["contractShare"] = json!(bad);
        let r = check(&json!({ "name": "联合体", "members": [a.clone(), b.clone()] }));
        let f = group(&r)
            .findings
            .iter()
            .find(|f| f.code == "sme_declaration.contract_share_invalid")
            .unwrap_or_else(|| panic!("{bad}: {:?}", codes(&r)));
        assert_eq!(f.path, "members[1].contractShare");
        assert_eq!(group(&r).status, Status::Incomplete);
    }
}

#[test]
fn a_natural_person_controlling_another_bidder_by_id_number() {
    let mut person = base();
    person["entityType"] = json!("natural_person");
    person["name"] = json!("王五");
    person["idNumber"] = json!("11010519491231002X");
    let mut firm = bidder("戊公司", "91350100M000100Y43", "110101199003077774");
    firm["controllingShareholder"] = json!({ "name": "王五", "idNumber": "11010519491231002x" });
    let p = check_package(&value(&json!([person, firm])), None, None, today()).unwrap();
    assert_eq!(p.conflicts.len(), 1);
    assert_eq!(
        p.conflicts[0].code,
        "other_conditions.controlling_shareholder"
    );
    assert_eq!(
        p.conflicts[0].paths,
        ["idNumber".to_string(), "controllingShareholder".to_string()]
    );
    // Different people, different firms: no conflict.
    let a = bidder("甲公司", "91110000600037341L", "11010519491231002X");
    let b = bidder("乙公司", "91350100M000100Y43", "110101199003077774");
    let p = check_package(&value(&json!([a, b])), None, None, today()).unwrap();
    assert!(p.conflicts.is_empty());
}

// ---- the shared edge table (tests/fixtures/qualification/sme_edges.json) ----

/// The table written by `tests/fixtures/qualification/sme_edges.py` from the standard's text;
/// also run through the npm package and the CLI (tests/js/sme-edges.test.mjs).
fn edges() -> J {
    let path = precheck_testkit::repo("tests/fixtures/qualification/sme_edges.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn edge_app(table: &J, row: &J) -> J {
    let mut app = table["base"].clone();
    app["sme"] = row["sme"].clone();
    if let Some(t) = row.get("entityType") {
        app["entityType"] = t.clone();
    }
    app
}

fn status_id(s: Status) -> &'static str {
    match s {
        Status::Pass => "pass",
        Status::Fail => "fail",
        Status::Incomplete => "incomplete",
        Status::NotApplicable => "not_applicable",
    }
}

#[test]
fn the_shared_edge_table_holds() {
    let table = edges();
    let rows = table["rows"].as_array().unwrap();
    let opts = value(&table["opts"]);
    let mut failures = vec![];
    for row in rows {
        let name = row["name"].as_str().unwrap();
        let app = edge_app(&table, row);
        let r = api::check_supplier(&value(&app), Some(&opts), None, today()).unwrap();
        let g = group(&r);
        let e = &row["expect"];
        if status_id(g.status) != e["status"].as_str().unwrap() {
            failures.push(format!("{name}: status {:?} {:?}", g.status, codes(&r)));
        }
        if let Some(want) = e.get("computedSize") {
            if param(&r, "computedSize").as_deref() != want.as_str() {
                failures.push(format!("{name}: computed {:?}", param(&r, "computedSize")));
            }
        }
        for want in e["codes"].as_array().unwrap() {
            let hit = g.findings.iter().any(|f| {
                f.code == want["code"].as_str().unwrap() && f.path == want["path"].as_str().unwrap()
            });
            if !hit {
                failures.push(format!("{name}: missing {want} in {:?}", codes(&r)));
            }
        }
        // The SME group never changes the Art. 22 verdict.
        let mut without = app.clone();
        without["sme"] = J::Null;
        let plain = api::check_supplier(&value(&without), Some(&opts), None, today()).unwrap();
        if plain.verdict != r.verdict {
            failures.push(format!("{name}: the sme object changed the verdict"));
        }
    }
    assert_eq!(failures, Vec::<String>::new());
}

#[test]
fn the_edge_table_covers_every_industry_at_every_threshold() {
    let table = edges();
    let rows = table["rows"].as_array().unwrap();
    for id in INDUSTRIES {
        let sizes: Vec<&str> = rows
            .iter()
            .filter(|r| r["sme"]["industry"] == *id && r["name"].as_str().unwrap().contains(" → "))
            .map(|r| r["expect"]["computedSize"].as_str().unwrap())
            .collect();
        assert!(sizes.len() >= 10, "{id}: {} size rows", sizes.len());
        for s in ["large", "medium", "small", "micro"] {
            assert!(sizes.contains(&s), "{id}: no row computes {s}");
        }
        for word in ["ceiling", "medium", "small"] {
            for delta in ["-1", "", "+1"] {
                let hit = rows.iter().any(|r| {
                    let n = r["name"].as_str().unwrap();
                    r["sme"]["industry"] == *id
                        && (n.contains(&format!("{word}{delta}，"))
                            || n.contains(&format!("{word}{delta} →")))
                });
                assert!(hit, "{id}: no row at {word}{delta}");
            }
        }
    }
    // The fixed cases: welfare, prison, every non-enterprise type, relations, missing figures.
    for code in [
        "sme_declaration.welfare_unit",
        "sme_declaration.prison_enterprise",
        "sme_declaration.declared_not_small_micro",
        "sme_declaration.not_enterprise",
        "sme_declaration.related_to_large_enterprise",
        "sme_declaration.not_own_staff",
        "sme_declaration.figure_missing",
        "sme_declaration.size_mismatch",
        "sme_declaration.unknown_industry",
        "sme_declaration.employees_invalid",
        "sme_declaration.not_sme",
    ] {
        assert!(
            rows.iter().any(|r| r["expect"]["codes"]
                .as_array()
                .unwrap()
                .iter()
                .any(|c| c["code"] == code)),
            "{code}"
        );
    }
}

#[test]
fn every_sized_edge_declared_otherwise_is_a_mismatch() {
    let table = edges();
    let opts = value(&table["opts"]);
    let mut checked = 0;
    for row in table["rows"].as_array().unwrap() {
        let e = &row["expect"];
        let Some(size) = e.get("computedSize").and_then(J::as_str) else {
            continue;
        };
        if e["status"] != "pass" || !["medium", "small", "micro"].contains(&size) {
            continue;
        }
        for other in ["medium", "small", "micro"]
            .into_iter()
            .filter(|s| *s != size)
        {
            let mut app = edge_app(&table, row);
            app["sme"]["declaredSize"] = json!(other);
            let r = api::check_supplier(&value(&app), Some(&opts), None, today()).unwrap();
            let f = group(&r)
                .findings
                .iter()
                .find(|f| f.code == "sme_declaration.size_mismatch")
                .unwrap_or_else(|| panic!("{}: declared {other}", row["name"]));
            assert_eq!(f.path, "sme.declaredSize");
            assert_eq!(f.params["computed"], size);
            assert_eq!(f.params["declared"], other);
            assert_eq!(group(&r).status, Status::Fail, "{}", row["name"]);
            assert_eq!(
                param(&r, "reservedPackage").as_deref(),
                Some("not_eligible")
            );
            checked += 1;
        }
    }
    assert!(checked >= 2 * 240, "{checked}");
}

#[test]
fn the_shared_package_conflict_table_holds() {
    let path = precheck_testkit::repo("tests/fixtures/qualification/package_conflicts.json");
    let table: J = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let opts = value(&table["opts"]);
    let packages = table["packages"].as_array().unwrap();
    assert!(packages.len() >= 10);
    for p in packages {
        let name = p["name"].as_str().unwrap();
        let apps = p["applications"].as_array().unwrap();
        let out = check_package(&value(&p["applications"]), Some(&opts), None, today()).unwrap();
        let got: Vec<J> = out
            .conflicts
            .iter()
            .map(|c| {
                json!([
                    c.code,
                    c.applications[0],
                    c.applications[1],
                    c.paths[0],
                    c.paths[1]
                ])
            })
            .collect();
        assert_eq!(J::Array(got), p["conflicts"], "{name}");
        for (i, app) in apps.iter().enumerate() {
            let alone = api::check_supplier(&value(app), Some(&opts), None, today()).unwrap();
            let involved = out.conflicts.iter().any(|c| c.applications.contains(&i));
            if involved {
                assert_eq!(out.reports[i].verdict, Verdict::Fail, "{name}: {i}");
            } else {
                assert_eq!(out.reports[i], alone, "{name}: {i}");
            }
        }
    }
}

#[test]
fn a_legacy_15_digit_number_is_the_same_person() {
    let a = bidder("甲公司", "91110000600037341L", "11010519491231002X");
    let b = bidder("乙公司", "91350100M000100Y43", "110105491231002");
    let p = check_package(&value(&json!([a.clone(), b])), None, None, today()).unwrap();
    assert_eq!(p.conflicts.len(), 1);
    assert_eq!(p.conflicts[0].params["idNumber"], "110105********002X");
    // Another person's 15-digit number (a different sequence number) is not.
    let c = bidder("丙公司", "91350100M000100Y43", "110105491231003");
    let p = check_package(&value(&json!([a.clone(), c])), None, None, today()).unwrap();
    assert!(p.conflicts.is_empty());
    // A controlling natural person by the legacy number.
    let mut person = base();
    person["entityType"] = json!("natural_person");
    person["name"] = json!("王五");
    person["idNumber"] = json!("110105491231002");
    let mut firm = bidder("戊公司", "91350100M000100Y43", "110101199003077774");
    firm["controllingShareholder"] = json!({ "name": "王五", "idNumber": "11010519491231002X" });
    let p = check_package(&value(&json!([person, firm])), None, None, today()).unwrap();
    assert_eq!(p.conflicts.len(), 1);
    assert_eq!(
        p.conflicts[0].code,
        "other_conditions.controlling_shareholder"
    );
}

fn other_group(r: &SupplierReport) -> procurement_precheck::qualification::CheckGroup {
    r.groups
        .iter()
        .find(|g| g.id == "other_conditions")
        .unwrap()
        .clone()
}

#[test]
fn the_person_in_charge_and_the_controlling_shareholder_are_checked_as_fields() {
    // Right numbers: the group is applicable and passes, and the verdict is unchanged.
    let mut app = base();
    app["legalRepresentative"] = json!({ "name": "张三", "idNumber": "11010519491231002x" });
    app["controllingShareholder"] = json!({ "name": "某集团", "uscc": "91350100M000100Y43" });
    let r = check(&app);
    let g = other_group(&r);
    assert_eq!(g.status, Status::Pass, "{:?}", g.findings);
    assert!(g
        .findings
        .iter()
        .all(|f| f.severity != procurement_precheck::report::Severity::Error));
    assert_eq!(r.verdict, check(&base()).verdict);
    // One check character off (2 → X at the end of the worked example's body): an error at
    // the field, in other_conditions, and the verdict fails.
    for (key, field, bad, code) in [
        (
            "legalRepresentative",
            "idNumber",
            "110105194912310021",
            "id_number.check_char",
        ),
        (
            "controllingShareholder",
            "idNumber",
            "110105194912310021",
            "id_number.check_char",
        ),
        (
            "controllingShareholder",
            "uscc",
            "91350100M000100Y44",
            "uscc.check_char",
        ),
        (
            "legalRepresentative",
            "idNumber",
            "1101051949123100",
            "id_number.length",
        ),
    ] {
        let mut app = base();
        app[key] = json!({ "name": "某", field: bad });
        let r = check(&app);
        let g = other_group(&r);
        let path = format!("{key}.{field}");
        let f = g
            .findings
            .iter()
            .find(|f| f.path == path)
            .unwrap_or_else(|| panic!("{path}: {:?}", g.findings));
        assert_eq!(f.code, code, "{path}");
        assert_eq!(f.group, Some("other_conditions"));
        assert_eq!(g.status, Status::Fail, "{path}");
        assert_eq!(r.verdict, Verdict::Fail, "{path}");
    }
    // The 15-digit legacy number: converted with a warning, not an error.
    let mut app = base();
    app["legalRepresentative"] = json!({ "name": "张三", "idNumber": "110105491231002" });
    let g = other_group(&check(&app));
    assert_eq!(g.status, Status::Pass);
    assert!(g
        .findings
        .iter()
        .any(|f| f.code == "id_number.legacy_15" && f.path == "legalRepresentative.idNumber"));
    // Not an object: the group is incomplete; an unknown key is named.
    let mut app = base();
    app["legalRepresentative"] = json!("张三");
    let g = other_group(&check(&app));
    assert_eq!(g.status, Status::Incomplete, "{:?}", g.findings);
    assert_eq!(g.findings[0].path, "legalRepresentative");
    let mut app = base();
    app["controllingShareholder"] = json!({ "name": "某集团", "usc": "91350100M000100Y43" });
    let r = check(&app);
    assert!(
        r.findings
            .iter()
            .any(|f| f.path == "controllingShareholder.usc"),
        "{:?}",
        r.findings
    );
    // Without either object the group stays not applicable.
    assert_eq!(other_group(&check(&base())).status, Status::NotApplicable);
    // A consortium member's, at its path.
    let mut m = base();
    m["legalRepresentative"] = json!({ "name": "张三", "idNumber": "110105194912310021" });
    let r = check(&json!({ "name": "联合体", "members": [m, base()] }));
    assert!(
        r.findings
            .iter()
            .any(|f| f.path == "members[0].legalRepresentative.idNumber"
                && f.code == "id_number.check_char"),
        "{:?}",
        r.findings
    );
    assert_eq!(r.verdict, Verdict::Fail);
}
