//! Supplier qualification (GPL Art. 22, MOF-102): the data-driven scenario table
//! (`tests/fixtures/qualification/scenarios.json`, shared with the JS package and the CLI)
//! and the properties a table cannot express.
//!
//! A scenario: `{ name, catalogue?, application, opts, expect }`. `catalogue` names an
//! embedded catalogue (`Catalogue.builtin(name)`) to pass with `opts.itemCode`; without it the
//! default (`central-2020`) applies. `expect` is either `{ error: { code, path } }` (a
//! structured error) or `{ verdict, groups: { id: status }, codes: [{ code, path,
//! severity?, params? }], absent?: [code] }`: every listed finding must occur with that path
//! (and those params, compared as strings); listed groups must have that status; `absent`
//! codes must not occur. Every scenario sets `asOf`. This runner uses `today` = 2026-12-01, the
//! JS package and the CLI the clock, so no row may depend on the day of the check (a credit
//! query may not be dated after it, rev. 2): rows checked for a later deadline take the
//! commitment path for reputation_and_accounting, and the "query after today" row uses 2099.
//! A row whose outcome revision 2 of RULES.md changed says so in `rev2`.
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
use procurement_precheck::catalogue::builtin;
use procurement_precheck::fields::date::Date;
use procurement_precheck::qualification::{
    Status, SupplierReport, Verdict, GROUP_IDS, VERDICT_GROUP_IDS,
};
use procurement_precheck::report::Severity;
use procurement_precheck::value::Value;
use serde::Deserialize;
use serde_json::Value as J;

fn today() -> Date {
    Date::new(2026, 12, 1).unwrap()
}

fn value(j: &J) -> Value<'static> {
    Value::deserialize(j.clone()).unwrap()
}

fn json(text: &str) -> Value<'static> {
    serde_json::from_str::<Value>(text).unwrap().into_owned()
}

fn scenarios() -> Vec<J> {
    let path = repo("tests/fixtures/qualification/scenarios.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Problems of one scenario, empty when it holds.
fn run_scenario(s: &J) -> Vec<String> {
    let mut out = vec![];
    let app = value(&s["application"]);
    let opts = value(&s["opts"]);
    let cat = s
        .get("catalogue")
        .and_then(J::as_str)
        .map(|n| builtin::get(n).unwrap());
    let result = api::check_supplier(&app, Some(&opts), cat.as_deref(), today());
    let expect = &s["expect"];
    if let Some(err) = expect.get("error") {
        match result {
            Err(e) => {
                if e.code != err["code"] || e.path != err["path"] {
                    out.push(format!("error {} at {}, expected {err}", e.code, e.path));
                }
                if e.message.is_empty() || e.message.contains('{') {
                    out.push(format!("error message {:?}", e.message));
                }
            }
            Ok(r) => out.push(format!("expected an error, got verdict {:?}", r.verdict)),
        }
        return out;
    }
    let r = match result {
        Ok(r) => r,
        Err(e) => return vec![format!("unexpected error {e}")],
    };
    let j = serde_json::to_value(&r).unwrap();
    if j["verdict"] != expect["verdict"] {
        out.push(format!(
            "verdict {} expected {}",
            j["verdict"], expect["verdict"]
        ));
    }
    if let Some(groups) = expect["groups"].as_object() {
        for (id, status) in groups {
            let got = j["groups"]
                .as_array()
                .unwrap()
                .iter()
                .find(|g| g["id"] == id.as_str())
                .map(|g| g["status"].clone());
            if got.as_ref() != Some(status) {
                out.push(format!("group {id}: {got:?}, expected {status}"));
            }
        }
    }
    let findings = j["findings"].as_array().unwrap();
    for want in expect["codes"].as_array().unwrap() {
        let found = findings.iter().any(|f| {
            f["code"] == want["code"]
                && f["path"] == want["path"]
                && want.get("severity").is_none_or(|s| f["severity"] == *s)
                && want
                    .get("params")
                    .and_then(J::as_object)
                    .is_none_or(|p| p.iter().all(|(k, v)| f["params"][k] == *v))
        });
        if !found {
            out.push(format!("missing {want}"));
        }
    }
    for code in expect
        .get("absent")
        .and_then(J::as_array)
        .into_iter()
        .flatten()
    {
        if findings.iter().any(|f| f["code"] == *code) {
            out.push(format!("unexpected {code}"));
        }
    }
    if !out.is_empty() {
        let list: Vec<String> = findings
            .iter()
            .map(|f| {
                format!(
                    "  {} {} {} {}",
                    f["severity"], f["code"], f["path"], f["params"]
                )
            })
            .collect();
        out.push(format!("findings:\n{}", list.join("\n")));
    }
    out.extend(invariants(&r));
    out
}

/// What holds for every report.
fn invariants(r: &SupplierReport) -> Vec<String> {
    let mut out = vec![];
    let ids: Vec<&str> = r.groups.iter().map(|g| g.id).collect();
    if ids != GROUP_IDS {
        out.push(format!("groups {ids:?}"));
    }
    let in_groups: usize = r.groups.iter().map(|g| g.findings.len()).sum();
    if r.findings.len() < in_groups {
        out.push("top-level findings must include every group finding".into());
    }
    for f in &r.findings {
        if f.message.is_empty() || f.message.contains('{') || f.message.contains('}') {
            out.push(format!("message of {}: {:?}", f.code, f.message));
        }
        if f.path.is_empty() {
            out.push(format!("{} has no path", f.code));
        }
        let grouped = [
            "entity_eligibility.",
            "legal_capacity.",
            "reputation_and_accounting.",
            "equipment_and_capability.",
            "tax_and_social_security.",
            "no_major_violation.",
            "other_conditions.",
            "sme_declaration.",
        ];
        if grouped.iter().any(|p| f.code.starts_with(p)) && f.basis.is_none() {
            out.push(format!("{} has no basis", f.code));
        }
    }
    // The verdict is the Art. 22 verdict: `sme_declaration` does not change it.
    let worst = |s: Status| {
        r.groups
            .iter()
            .any(|g| g.status == s && VERDICT_GROUP_IDS.contains(&g.id))
    };
    let verdict = if worst(Status::Fail) {
        Verdict::Fail
    } else if worst(Status::Incomplete) {
        Verdict::Incomplete
    } else {
        Verdict::Pass
    };
    if verdict != r.verdict {
        out.push(format!(
            "verdict {:?} does not follow the groups",
            r.verdict
        ));
    }
    out
}

#[test]
fn scenario_table() {
    let list = scenarios();
    assert!(list.len() >= 90, "{}", list.len());
    let mut failures = vec![];
    let mut names = std::collections::BTreeSet::new();
    for s in &list {
        let name = s["name"].as_str().unwrap();
        assert!(names.insert(name), "duplicate scenario name {name}");
        let problems = run_scenario(s);
        if !problems.is_empty() {
            failures.push(format!("## {name}\n{}", problems.join("\n")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn scenario_table_covers_every_entity_type_and_penalty_kind() {
    let list = scenarios();
    let text = serde_json::to_string(&list).unwrap();
    for t in procurement_precheck::qualification::ENTITY_TYPES {
        assert!(text.contains(&format!("\"entityType\":\"{t}\"")), "{t}");
    }
    for c in procurement_precheck::qualification::INSTITUTION_CLASSES {
        assert!(
            text.contains(&format!("\"institutionClass\":\"{c}\"")),
            "{c}"
        );
    }
    for k in procurement_precheck::qualification::PENALTY_KINDS {
        assert!(text.contains(&format!("\"kind\":\"{k}\"")), "{k}");
    }
}

const FINED: &str = r#"{
  "entityType": "enterprise", "name": "示例公司", "uscc": "91110000600037341L",
  "registration": { "status": "存续", "establishedOn": "2010-05-01" },
  "penalties": [{ "kind": "fine", "decidedOn": "2024-03-15", "fineAmount": "250", "fineUnit": "wan" }],
  "commitments": { "reputationAndAccounting": true, "taxAndSocialSecurity": true,
                   "equipmentAndCapability": true }
}"#;

/// The legal_capacity status findings for a registration status word.
fn status_codes(status: &str) -> Vec<String> {
    let app = FINED.replace(r#""status": "存续""#, &format!(r#""status": "{status}""#));
    let opts = json(r#"{ "asOf": "2026-03-15" }"#);
    let r = api::check_supplier(&json(&app), Some(&opts), None, today()).unwrap();
    r.findings
        .into_iter()
        .filter(|f| f.code.starts_with("legal_capacity.status"))
        .map(|f| format!("{} {}", f.code, f.path))
        .collect()
}

#[test]
fn registration_status_words() {
    for active in [
        "存续",
        "存續",
        "在营",
        "在营（开业）",
        "开业",
        "在册",
        "在业",
        "在業",
        "正常",
        "存续（在营、开业、在册）",
        "Active",
    ] {
        assert_eq!(status_codes(active), Vec::<String>::new(), "{active}");
    }
    for inactive in [
        "注销",
        "吊销，未注销",
        "吊銷",
        "停业",
        "清算",
        "Dissolved",
        "迁出（已注销）",
    ] {
        assert_eq!(
            status_codes(inactive),
            ["legal_capacity.status_inactive registration.status"],
            "{inactive}"
        );
    }
    // rev. 2: 迁出 (moved to another registry) is a warning to check the status there.
    for moved in ["迁出", "遷出", "已迁出", "Moved out"] {
        assert_eq!(
            status_codes(moved),
            ["legal_capacity.status_moved registration.status"],
            "{moved}"
        );
    }
    for unknown in ["良好", "在", "业"] {
        assert_eq!(
            status_codes(unknown),
            ["legal_capacity.status_unrecognised registration.status"],
            "{unknown}"
        );
    }
}

// ---- RULES.md revision 2, §0 items 7–10 (entities, two duties, licence kinds, consortium grade)

/// A valid 18-digit ID number (GB 11643) of someone born on `birth` (YYYYMMDD).
fn id_number(birth: &str) -> String {
    let body = format!("110105{birth}003");
    let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = body
        .chars()
        .zip(weights)
        .map(|(c, w)| c.to_digit(10).unwrap() * w)
        .sum();
    let check = b"10X98765432"[(sum % 11) as usize] as char;
    format!("{body}{check}")
}

/// The legal_capacity status and its codes for a natural person born on `birth`.
fn person_capacity(
    birth: Date,
    as_of: Date,
    self_supporting: Option<bool>,
) -> (Status, Vec<String>) {
    let mut app = serde_json::json!({
        "entityType": "natural_person", "name": "张三",
        "idNumber": id_number(&format!("{:04}{:02}{:02}", birth.year(), birth.month(), birth.day())),
    });
    if let Some(b) = self_supporting {
        app["selfSupporting"] = J::Bool(b);
    }
    let opts = serde_json::json!({ "asOf": as_of.to_string() });
    let r = api::check_supplier(&value(&app), Some(&value(&opts)), None, as_of).unwrap();
    let g = r.groups.iter().find(|g| g.id == "legal_capacity").unwrap();
    (
        g.status,
        g.findings.iter().map(|f| f.code.to_string()).collect(),
    )
}

#[test]
fn natural_person_capacity_at_the_16th_and_18th_birthday() {
    let d = |y, m, day| Date::new(y, m, day).unwrap();
    // (birth, 16th birthday, 18th birthday): 29 February counts on 28 February in a common year.
    let cases = [
        (d(2008, 2, 29), d(2024, 2, 29), d(2026, 2, 28)),
        (d(2009, 2, 28), d(2025, 2, 28), d(2027, 2, 28)),
        (d(2008, 3, 1), d(2024, 3, 1), d(2026, 3, 1)),
        (d(2007, 12, 31), d(2023, 12, 31), d(2025, 12, 31)),
    ];
    let minor = "legal_capacity.minor".to_string();
    let own = "legal_capacity.self_supporting_minor".to_string();
    for (birth, sixteen, eighteen) in cases {
        let at = |as_of, ss| person_capacity(birth, as_of, ss);
        // The day before the 16th birthday: a minor, declaration or not.
        assert_eq!(
            at(sixteen.add_days(-1), Some(true)),
            (Status::Fail, vec![minor.clone()]),
            "{birth}"
        );
        // On the 16th birthday, living on own labour income: full capacity (info only).
        assert_eq!(
            at(sixteen, Some(true)),
            (Status::Pass, vec![own.clone()]),
            "{birth}"
        );
        // Without the declaration, or declared false, still a minor until the 18th birthday.
        assert_eq!(
            at(sixteen, None),
            (Status::Fail, vec![minor.clone()]),
            "{birth}"
        );
        assert_eq!(
            at(eighteen.add_days(-1), Some(false)),
            (Status::Fail, vec![minor.clone()]),
            "{birth}"
        );
        assert_eq!(
            at(eighteen.add_days(-1), Some(true)),
            (Status::Pass, vec![own.clone()]),
            "{birth}"
        );
        // From the 18th birthday the declaration does not matter and is not reported.
        assert_eq!(at(eighteen, None), (Status::Pass, vec![]), "{birth}");
        assert_eq!(at(eighteen, Some(false)), (Status::Pass, vec![]), "{birth}");
        assert_eq!(
            at(eighteen.add_days(1), Some(true)),
            (Status::Pass, vec![]),
            "{birth}"
        );
    }
    // Not a boolean: a finding, not a silent pass.
    let app = json(&format!(
        r#"{{ "entityType": "natural_person", "name": "张三", "idNumber": "{}", "selfSupporting": "是" }}"#,
        id_number("20090316")
    ));
    let r = api::check_supplier(
        &app,
        Some(&json(r#"{ "asOf": "2026-03-15" }"#)),
        None,
        today(),
    )
    .unwrap();
    assert!(r
        .findings
        .iter()
        .any(|f| f.path == "selfSupporting" && f.code == "qualification.wrong_type"));
    assert!(r.findings.iter().any(|f| f.code == "legal_capacity.minor"));
}

/// Findings of FINED changed by `patch` (keys merged into the application).
fn fined_with(patch: J, opts: &str) -> SupplierReport {
    let mut app: J = serde_json::from_str(FINED).unwrap();
    for (k, v) in patch.as_object().unwrap() {
        app[k] = v.clone();
    }
    api::check_supplier(&value(&app), Some(&json(opts)), None, today()).unwrap()
}

fn group_status(r: &SupplierReport, id: &str) -> Status {
    r.groups.iter().find(|g| g.id == id).unwrap().status
}

fn has(r: &SupplierReport, code: &str, path: &str) -> bool {
    r.findings.iter().any(|f| f.code == code && f.path == path)
}

#[test]
fn institution_classes_and_mass_organisations() {
    let o = r#"{ "asOf": "2026-03-15" }"#;
    let inst = |class: &str| {
        fined_with(
            serde_json::json!({ "entityType": "public_institution", "uscc": "12110000123456788T",
                                "institutionClass": class }),
            o,
        )
    };
    for (class, status) in [
        ("public_welfare_1", Status::Fail),
        ("public_welfare_2", Status::Pass),
        ("business", Status::Pass),
        ("administrative", Status::Fail),
    ] {
        assert_eq!(
            group_status(&inst(class), "entity_eligibility"),
            status,
            "{class}"
        );
    }
    let r = inst("administrative");
    let f = r
        .findings
        .iter()
        .find(|f| f.code == "entity_eligibility.administrative_institution")
        .unwrap();
    assert_eq!(f.basis, Some("政府购买服务管理办法第六条、第三十三条"));
    // 群团组织: funded = excluded; declared without the answer = incomplete; the flag alone
    // (rev. 1 form) still excludes.
    let social = |patch: J| {
        let mut p = serde_json::json!({ "entityType": "social_organization",
                                        "uscc": "51110000500043211D" });
        for (k, v) in patch.as_object().unwrap() {
            p[k] = v.clone();
        }
        fined_with(p, o)
    };
    let r = social(serde_json::json!({ "massOrganization": true }));
    assert_eq!(group_status(&r, "entity_eligibility"), Status::Incomplete);
    assert!(has(
        &r,
        "entity_eligibility.mass_organization_funding_missing",
        "fiscallyFundedMassOrganization"
    ));
    let r = social(
        serde_json::json!({ "massOrganization": true, "fiscallyFundedMassOrganization": true }),
    );
    assert_eq!(group_status(&r, "entity_eligibility"), Status::Fail);
    let r = social(serde_json::json!({ "fiscallyFundedMassOrganization": true }));
    assert_eq!(group_status(&r, "entity_eligibility"), Status::Fail);
    let r = social(serde_json::json!({ "massOrganization": false }));
    assert_eq!(group_status(&r, "entity_eligibility"), Status::Pass);
    // A wrongly typed answer is reported once, not also as missing.
    let r = social(
        serde_json::json!({ "massOrganization": true, "fiscallyFundedMassOrganization": "否" }),
    );
    let at: Vec<&str> = r
        .findings
        .iter()
        .filter(|f| f.path == "fiscallyFundedMassOrganization")
        .map(|f| f.code)
        .collect();
    assert_eq!(at, ["qualification.wrong_type"]);
}

#[test]
fn branches_need_the_head_offices_authorisation() {
    let o = r#"{ "asOf": "2026-03-15" }"#;
    let branch = |head: J| fined_with(serde_json::json!({ "branch": true, "headOffice": head }), o);
    let ok = serde_json::json!({ "name": "示例集团", "uscc": "91110000600037341L", "authorisation": true });
    assert_eq!(
        group_status(&branch(ok.clone()), "legal_capacity"),
        Status::Pass
    );
    let mut text = ok.clone();
    text["authorisation"] = J::from("总公司授权书（2026年3月1日）");
    assert_eq!(group_status(&branch(text), "legal_capacity"), Status::Pass);
    for (authorisation, code) in [
        (
            J::Bool(false),
            "legal_capacity.branch_authorisation_missing",
        ),
        (J::Null, "legal_capacity.branch_authorisation_missing"),
        (J::from("  "), "legal_capacity.branch_authorisation_missing"),
        (J::from(3), "qualification.wrong_type"),
    ] {
        let mut h = ok.clone();
        h["authorisation"] = authorisation.clone();
        let r = branch(h);
        assert_eq!(
            group_status(&r, "legal_capacity"),
            Status::Incomplete,
            "{authorisation}"
        );
        assert!(has(&r, code, "headOffice.authorisation"), "{authorisation}");
    }
    let r = branch(J::Null);
    assert!(has(
        &r,
        "legal_capacity.branch_authorisation_missing",
        "headOffice"
    ));
    assert_eq!(
        r.findings
            .iter()
            .find(|f| f.code == "legal_capacity.branch_authorisation_missing")
            .unwrap()
            .basis,
        Some("政府采购法第二十二条第一款第（一）项; 民法典第七十四条")
    );
    // The head office's USCC: checked as a USCC (an ID number is recognised as such).
    let mut h = ok.clone();
    h["uscc"] = J::from("11010519491231002X");
    let r = branch(h);
    assert_eq!(group_status(&r, "legal_capacity"), Status::Fail);
    assert!(r
        .findings
        .iter()
        .any(|f| f.path == "headOffice.uscc" && f.code.starts_with("uscc.")));
    let mut h = ok.clone();
    h.as_object_mut().unwrap().remove("name");
    assert!(has(&branch(h), "field.required", "headOffice.name"));
    // Not a branch: headOffice is only type-checked; `branch: false` needs nothing.
    let r = fined_with(serde_json::json!({ "branch": false }), o);
    assert_eq!(group_status(&r, "legal_capacity"), Status::Pass);
    let r = fined_with(
        serde_json::json!({ "headOffice": { "name": "x", "extra": 1 } }),
        o,
    );
    assert!(has(&r, "qualification.unknown_field", "headOffice.extra"));
}

#[test]
fn tax_and_social_security_are_two_duties() {
    let o = r#"{ "asOf": "2026-03-15", "locale": "en" }"#;
    let tax = |t: J| {
        fined_with(
            serde_json::json!({ "taxSocialSecurity": t, "commitments": {} }),
            o,
        )
    };
    let r = tax(
        serde_json::json!({ "taxPaidMonths": ["2025-02"], "socialSecurityPaidMonths": ["2026-03"] }),
    );
    assert_eq!(group_status(&r, "tax_and_social_security"), Status::Fail);
    let f = r
        .findings
        .iter()
        .find(|f| f.code == "tax_and_social_security.tax_months_insufficient")
        .unwrap();
    assert_eq!(f.path, "taxSocialSecurity.taxPaidMonths");
    assert_eq!(f.params["eligibleFrom"], "2026-05");
    assert!(
        f.message.contains("tax payment") && f.message.contains("2026-05"),
        "{}",
        f.message
    );
    assert!(!r
        .findings
        .iter()
        .any(|f| f.code == "tax_and_social_security.social_security_months_insufficient"));
    // An unreadable month of a duty leaves it incomplete, not failed.
    let r = tax(
        serde_json::json!({ "taxPaidMonths": ["2026-02"], "socialSecurityPaidMonths": ["二月"] }),
    );
    assert_eq!(
        group_status(&r, "tax_and_social_security"),
        Status::Incomplete
    );
    // Exemptions are per duty; the rev. 1 exemption covers both.
    let r = tax(serde_json::json!({ "exemption": { "reason": "依法免缴" } }));
    assert_eq!(group_status(&r, "tax_and_social_security"), Status::Pass);
    let r = tax(
        serde_json::json!({ "taxExemption": { "reason": "依法免税" },
                                    "socialSecurityExemption": { "reason": "无雇员" } }),
    );
    assert_eq!(group_status(&r, "tax_and_social_security"), Status::Pass);
    // Nothing at all for either duty: both asked for.
    let r = tax(serde_json::json!({}));
    assert!(has(&r, "field.required", "taxSocialSecurity.taxPaidMonths"));
    assert!(has(
        &r,
        "field.required",
        "taxSocialSecurity.socialSecurityPaidMonths"
    ));
    // The window at its edges, 12 / 6 / 3 months, deadline 2026-03-15.
    for (window, inside, outside) in [
        (12, "2025-03", "2025-02"),
        (6, "2025-09", "2025-08"),
        (3, "2025-12", "2025-11"),
    ] {
        let opts = format!(
            r#"{{ "asOf": "2026-03-15", "policy": {{ "paymentWindowMonths": {window} }} }}"#
        );
        let at = |m: &str| {
            let r = fined_with(
                serde_json::json!({ "taxSocialSecurity": { "paidMonths": [m] }, "commitments": {} }),
                &opts,
            );
            group_status(&r, "tax_and_social_security")
        };
        assert_eq!(at(inside), Status::Pass, "{window} {inside}");
        assert_eq!(at(outside), Status::Fail, "{window} {outside}");
    }
}

#[test]
fn payment_policy_bounds() {
    let err = |opts: &str| api::check_supplier(&json(FINED), Some(&json(opts)), None, today());
    for (policy, path) in [
        (
            r#"{ "paymentWindowMonths": 0 }"#,
            "opts.policy.paymentWindowMonths",
        ),
        (
            r#"{ "paymentWindowMonths": 37 }"#,
            "opts.policy.paymentWindowMonths",
        ),
        (
            r#"{ "paymentWindowMonths": 6.5 }"#,
            "opts.policy.paymentWindowMonths",
        ),
        (r#"{ "taxMonths": 0 }"#, "opts.policy.taxMonths"),
        (r#"{ "taxMonths": 13 }"#, "opts.policy.taxMonths"),
        (
            r#"{ "paymentWindowMonths": 6, "socialSecurityMonths": 7 }"#,
            "opts.policy.socialSecurityMonths",
        ),
        (
            r#"{ "paymentWindowMonths": 3, "taxMonths": 4 }"#,
            "opts.policy.taxMonths",
        ),
    ] {
        let e = err(&format!(r#"{{ "policy": {policy} }}"#)).unwrap_err();
        assert_eq!(
            (e.code.as_str(), e.path.as_str()),
            ("options.bad_value", path),
            "{policy}"
        );
    }
    let r = err(
        r#"{ "policy": { "paymentWindowMonths": 6, "socialSecurityMonths": 6, "taxMonths": 6 } }"#,
    )
    .unwrap();
    assert_eq!(
        (r.policy.payment_window_months, r.policy.tax_months),
        (6, 6)
    );
}

#[test]
fn licence_kinds_and_validity() {
    let cat = builtin::get("county-example-2023").unwrap();
    let o = json(r#"{ "asOf": "2026-03-15", "itemCode": "011101" }"#);
    let check = |licences: J| {
        let app = serde_json::json!({ "entityType": "enterprise", "name": "示例公司",
            "uscc": "91110000600037341L", "licences": licences });
        api::check_supplier(&value(&app), Some(&o), Some(&cat), today()).unwrap()
    };
    let one = |kind: &str, valid: J| serde_json::json!([{ "kind": kind, "grade": "三级", "validUntil": valid }]);
    let cap = |r: &SupplierReport| group_status(r, "equipment_and_capability");
    let date = J::from("2027-12-31");
    for kind in [
        "城市园林绿化企业资质",
        "城市园林绿化企业资质（养护）",
        "城市園林綠化企業資質",
        "园林绿化企业资质",
        "城市园林绿化企业资质证书",
    ] {
        assert_eq!(cap(&check(one(kind, date.clone()))), Status::Pass, "{kind}");
    }
    for kind in ["资质", "绿化", "企业资质", "园林绿化", "城市园林绿化企业"] {
        let r = check(one(kind, date.clone()));
        assert_eq!(cap(&r), Status::Fail, "{kind}");
        assert!(
            has(
                &r,
                "equipment_and_capability.kind_fragment",
                "licences[0].kind"
            ),
            "{kind}"
        );
    }
    for long in ["长期", "長期", "long-term", "Long-term", " 长期有效 "] {
        assert_eq!(
            cap(&check(one("城市园林绿化企业资质", J::from(long)))),
            Status::Pass,
            "{long}"
        );
    }
    // No validity date: incomplete, asking for it; blank or null the same.
    for missing in [J::Null, J::from("")] {
        let r = check(one("城市园林绿化企业资质", missing.clone()));
        assert_eq!(cap(&r), Status::Incomplete, "{missing}");
        assert!(has(
            &r,
            "equipment_and_capability.validity_missing",
            "licences[0].validUntil"
        ));
    }
    let r = check(serde_json::json!([{ "kind": "城市园林绿化企业资质", "grade": "三级" }]));
    assert!(has(
        &r,
        "equipment_and_capability.validity_missing",
        "licences[0].validUntil"
    ));
    // An unreadable date is its own finding, not "missing".
    let r = check(one("城市园林绿化企业资质", J::from("2027-13-01")));
    assert_eq!(cap(&r), Status::Incomplete);
    assert!(!has(
        &r,
        "equipment_and_capability.validity_missing",
        "licences[0].validUntil"
    ));
    // An expired licence beside an undated one: the undated one may be valid — incomplete,
    // the expired one only a warning.
    let r = check(serde_json::json!([
        { "kind": "城市园林绿化企业资质", "grade": "三级", "validUntil": "2026-03-14" },
        { "kind": "城市园林绿化企业资质", "grade": "二级" }
    ]));
    assert_eq!(cap(&r), Status::Incomplete);
    let expired = r
        .findings
        .iter()
        .find(|f| f.code == "equipment_and_capability.licence_expired")
        .unwrap();
    assert_eq!(
        (expired.severity, expired.path.as_str()),
        (Severity::Warning, "licences[0].validUntil")
    );
    // A dated licence below the grade beside an undated one of a higher grade: not failed
    // before the date is known.
    let o2 = json(r#"{ "asOf": "2026-03-15", "itemCode": "011301" }"#);
    let app = serde_json::json!({ "entityType": "enterprise", "name": "示例公司",
        "uscc": "91110000600037341L", "licences": [
            { "kind": "公路养护作业单位资质", "grade": "丙级", "validUntil": "2027-12-31" },
            { "kind": "公路养护作业单位资质", "grade": "甲级" }] });
    let r = api::check_supplier(&value(&app), Some(&o2), Some(&cat), today()).unwrap();
    assert_eq!(cap(&r), Status::Incomplete);
    assert!(has(
        &r,
        "equipment_and_capability.validity_missing",
        "licences[1].validUntil"
    ));
    assert!(has(
        &r,
        "equipment_and_capability.grade_below_minimum",
        "licences[0].grade"
    ));
    // A dated valid licence decides; an undated second one is then not asked about.
    let r = check(serde_json::json!([
        { "kind": "城市园林绿化企业资质", "grade": "三级", "validUntil": "2026-03-15" },
        { "kind": "城市园林绿化企业资质", "grade": "二级" }
    ]));
    assert_eq!(cap(&r), Status::Pass);
}

#[test]
fn consortium_agreement_and_division_of_work() {
    let cat = builtin::get("county-example-2023").unwrap();
    let o = json(r#"{ "asOf": "2026-03-15", "itemCode": "011301" }"#);
    let k = "公路养护作业单位资质";
    let member = |uscc: &str, grade: Option<&str>, undertakes: Option<J>| {
        let mut m = serde_json::json!({ "entityType": "enterprise", "name": "成员", "uscc": uscc,
            "commitments": { "equipmentAndCapability": true } });
        m["licences"] = match grade {
            Some(g) => serde_json::json!([{ "kind": k, "grade": g, "validUntil": "2027-12-31" }]),
            None => serde_json::json!([]),
        };
        if let Some(u) = undertakes {
            m["undertakes"] = u;
        }
        m
    };
    let run = |members: Vec<J>, agreement: Option<J>| {
        let mut app = serde_json::json!({ "name": "联合体", "members": members });
        if let Some(a) = agreement {
            app["agreement"] = a;
        }
        api::check_supplier(&value(&app), Some(&o), Some(&cat), today()).unwrap()
    };
    let ag = || Some(serde_json::json!({ "signedOn": "2026-03-15" }));
    let (a, b, c) = (
        "91110000600037341L",
        "911100001111111170",
        "91110000222222223F",
    );
    // Agreement: missing, signed on the deadline, the day after, without its date.
    let r = run(
        vec![member(a, Some("甲级"), None), member(b, None, None)],
        None,
    );
    assert_eq!(group_status(&r, "other_conditions"), Status::Incomplete);
    assert!(has(
        &r,
        "other_conditions.consortium_agreement_missing",
        "agreement"
    ));
    let r = run(
        vec![member(a, Some("甲级"), None), member(b, None, None)],
        ag(),
    );
    assert_eq!(group_status(&r, "other_conditions"), Status::Pass);
    let r = run(
        vec![member(a, Some("甲级"), None), member(b, None, None)],
        Some(serde_json::json!({ "signedOn": "2026-03-16" })),
    );
    assert!(has(
        &r,
        "other_conditions.consortium_agreement_after_deadline",
        "agreement.signedOn"
    ));
    let r = run(
        vec![member(a, Some("甲级"), None), member(b, None, None)],
        Some(serde_json::json!({})),
    );
    assert!(has(&r, "field.required", "agreement.signedOn"));
    // No division of work: lowest among holders, with the info finding.
    let r = run(
        vec![member(a, Some("甲级"), None), member(b, Some("乙级"), None)],
        ag(),
    );
    assert_eq!(group_status(&r, "equipment_and_capability"), Status::Pass);
    assert!(has(
        &r,
        "equipment_and_capability.consortium_work_undivided",
        "agreement"
    ));
    // One holder only: nothing to divide, no info.
    let r = run(
        vec![member(a, Some("乙级"), None), member(b, None, None)],
        ag(),
    );
    assert!(!r
        .findings
        .iter()
        .any(|f| f.code == "equipment_and_capability.consortium_work_undivided"));
    // Division given: the 丙级 holder that does other work does not lower the grade …
    let other = Some(serde_json::json!(["垃圾清运"]));
    let same = || Some(serde_json::json!([k]));
    let r = run(
        vec![
            member(a, Some("乙级"), same()),
            member(b, Some("丙级"), other.clone()),
        ],
        ag(),
    );
    assert_eq!(group_status(&r, "equipment_and_capability"), Status::Pass);
    // … but does when it undertakes the same work (written more specifically, too).
    let r = run(
        vec![
            member(a, Some("甲级"), same()),
            member(
                b,
                Some("丙级"),
                Some(serde_json::json!([format!("{k}（养护）")])),
            ),
        ],
        ag(),
    );
    assert_eq!(group_status(&r, "equipment_and_capability"), Status::Fail);
    assert!(has(
        &r,
        "equipment_and_capability.consortium_grade_below_minimum",
        "members[1].licences[0].grade"
    ));
    // A fragment of the kind is not the same work.
    let r = run(
        vec![
            member(a, Some("乙级"), same()),
            member(b, Some("丙级"), Some(serde_json::json!(["养护"]))),
        ],
        ag(),
    );
    assert_eq!(group_status(&r, "equipment_and_capability"), Status::Pass);
    // Division given, but no holder undertakes the licensed work.
    let r = run(
        vec![
            member(a, Some("甲级"), other.clone()),
            member(b, None, same()),
            member(c, None, None),
        ],
        ag(),
    );
    assert!(has(
        &r,
        "equipment_and_capability.work_not_covered",
        "members"
    ));
    // `undertakes` belongs to members: on a single supplier it is an unknown field.
    let single = serde_json::json!({ "entityType": "enterprise", "name": "x", "uscc": a, "undertakes": [k] });
    let r = api::check_supplier(&value(&single), Some(&o), Some(&cat), today()).unwrap();
    assert!(has(&r, "qualification.unknown_field", "undertakes"));
    let r = run(
        vec![
            member(a, Some("乙级"), Some(serde_json::json!("all"))),
            member(b, None, None),
        ],
        ag(),
    );
    assert!(has(&r, "qualification.wrong_type", "members[0].undertakes"));
    assert!(!r
        .findings
        .iter()
        .any(|f| f.code == "qualification.consortium_field_ignored" && f.path == "agreement"));
}

#[test]
fn rev2_messages_and_bases() {
    let table = std::fs::read_to_string(repo("data/messages.tsv")).unwrap();
    for line in table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        let (code, basis) = (cols[0], cols[1]);
        if code.starts_with("entity_eligibility.") {
            assert!(
                !basis.contains("第二章"),
                "{code}: cite the article, not the chapter"
            );
            assert!(
                ["第五条", "第六条", "第八条"]
                    .iter()
                    .any(|a| basis.contains(a)),
                "{code}: {basis}"
            );
        }
        // GPL-IR Art. 22 is the consortium rule: only consortium findings cite it.
        if basis.contains("政府采购法实施条例第二十二条") {
            assert!(
                code.contains("consortium") || code.contains("work_"),
                "{code}: {basis}"
            );
        }
    }
    // Every new code renders in each locale without placeholders, zh without English words,
    // en without Chinese outside quotes.
    let new_codes = [
        "entity_eligibility.administrative_institution",
        "entity_eligibility.mass_organization_funding_missing",
        "legal_capacity.status_moved",
        "legal_capacity.self_supporting_minor",
        "legal_capacity.branch_authorisation_missing",
        "equipment_and_capability.validity_missing",
        "equipment_and_capability.kind_fragment",
        "equipment_and_capability.consortium_work_undivided",
        "equipment_and_capability.work_not_covered",
        "equipment_and_capability.consortium_grade_below_minimum",
        "tax_and_social_security.tax_months_insufficient",
        "tax_and_social_security.social_security_months_insufficient",
        "tax_and_social_security.tax_exemption",
        "tax_and_social_security.social_security_exemption",
        "other_conditions.consortium_agreement_missing",
        "other_conditions.consortium_agreement_after_deadline",
    ];
    let mut seen = std::collections::BTreeSet::new();
    for sc in scenarios()
        .iter()
        .filter(|s| s.get("error").is_none() && s["expect"].get("error").is_none())
    {
        for locale in ["zh-CN", "zh-TW", "en"] {
            let mut opts = sc["opts"].clone();
            opts["locale"] = J::from(locale);
            let cat = sc
                .get("catalogue")
                .and_then(J::as_str)
                .map(|n| builtin::get(n).unwrap());
            let r = api::check_supplier(
                &value(&sc["application"]),
                Some(&value(&opts)),
                cat.as_deref(),
                today(),
            )
            .unwrap();
            for f in r.findings.iter().filter(|f| new_codes.contains(&f.code)) {
                seen.insert(f.code.to_string());
                assert!(!f.message.contains('{'), "{}: {}", f.code, f.message);
                let unquoted: String = {
                    let mut out = String::new();
                    let mut depth = 0;
                    for c in f.message.chars() {
                        match c {
                            '“' | '「' => depth += 1,
                            '”' | '」' => depth -= 1,
                            '"' => depth = 1 - depth,
                            c if depth == 0 => out.push(c),
                            _ => {}
                        }
                    }
                    out
                };
                if locale == "en" {
                    assert!(
                        !unquoted
                            .chars()
                            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                        "{}: {}",
                        f.code,
                        f.message
                    );
                } else {
                    assert!(
                        !unquoted.chars().any(|c| c.is_ascii_alphabetic()),
                        "{} {locale}: {}",
                        f.code,
                        f.message
                    );
                }
            }
        }
    }
    for c in new_codes {
        assert!(seen.contains(c), "no scenario row emits {c}");
    }
}

fn large_fine(locale: &str) -> procurement_precheck::report::Finding {
    let opts = json(&format!(
        r#"{{ "asOf": "2026-03-15", "locale": "{locale}" }}"#
    ));
    let r = api::check_supplier(&json(FINED), Some(&opts), None, today()).unwrap();
    r.findings
        .into_iter()
        .find(|f| f.code == "no_major_violation.large_fine")
        .unwrap()
}

#[test]
fn large_fine_message_states_the_day_the_record_clears() {
    let f = large_fine("zh-CN");
    assert_eq!(
        f.message,
        "2024年3月15日的罚款250万元属于较大数额罚款（200万元以上），该记录自2027年3月15日起不再影响参加政府采购。"
    );
    assert_eq!(f.basis, Some("政府采购法实施条例第十九条; 财库〔2022〕3号"));
    assert_eq!(f.group, Some("no_major_violation"));
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(f.params["amount"], "2500000.00");
    assert_eq!(f.params["threshold"], "2000000.00");
    assert_eq!(f.params["clearsOn"], "2027-03-15");
    assert_eq!(f.params["decidedOn"], "2024-03-15");
    let tw = large_fine("zh-TW");
    assert_eq!(
        tw.message,
        "2024年3月15日的罰款250萬元屬於較大數額罰款（200萬元以上），該記錄自2027年3月15日起不再影響參加政府採購。"
    );
    let en = large_fine("en");
    assert_eq!(
        en.message,
        "The fine of CNY 2,500,000 on 15 March 2024 is a large fine (CNY 2,000,000 or more); from 15 March 2027 it no longer bars taking part in government procurement."
    );
    assert_eq!(f.params, en.params);
}

#[test]
fn clears_on_is_the_first_deadline_the_record_no_longer_counts() {
    // A revocation on 29 February 2024: counts up to 28 February 2027, clears on 1 March.
    let app = json(
        r#"{ "entityType": "enterprise", "name": "x", "uscc": "91110000600037341L",
             "registration": { "status": "存续", "establishedOn": "2010-05-01" },
             "penalties": [{ "kind": "revocation", "decidedOn": "2024-02-29" }] }"#,
    );
    let mut as_of = Date::new(2027, 2, 20).unwrap();
    while as_of <= Date::new(2027, 3, 5).unwrap() {
        let opts = json(&format!(r#"{{ "asOf": "{as_of}" }}"#));
        let r = api::check_supplier(&app, Some(&opts), None, today()).unwrap();
        let g = &r.groups[5];
        assert_eq!(g.id, "no_major_violation");
        let counts = as_of < Date::new(2027, 3, 1).unwrap();
        assert_eq!(g.status == Status::Fail, counts, "{as_of}");
        if counts {
            let f = &g.findings[0];
            assert_eq!(f.params["clearsOn"], "2027-03-01");
            assert!(f.message.contains("自2027年3月1日起"), "{}", f.message);
        }
        as_of = as_of.add_days(1);
    }
}

#[test]
fn report_json_shape() {
    let app = json(FINED);
    let r = api::check_supplier(
        &app,
        Some(&json(r#"{ "asOf": "2026-03-15", "itemCode": "0106" }"#)),
        None,
        today(),
    )
    .unwrap();
    let j = serde_json::to_value(&r).unwrap();
    let keys: Vec<&str> = j.as_object().unwrap().keys().map(String::as_str).collect();
    for k in ["verdict", "groups", "findings", "asOf", "policy", "item"] {
        assert!(keys.contains(&k), "{k} in {keys:?}");
    }
    assert!(!keys.contains(&"members"), "members only for a consortium");
    assert_eq!(j["asOf"], "2026-03-15");
    assert_eq!(j["verdict"], "fail");
    assert_eq!(j["item"]["code"], "0106");
    assert_eq!(j["item"]["catalogue"], "2020");
    assert_eq!(
        j["policy"],
        serde_json::json!({
            "sectorFineThresholds": {}, "socialSecurityMonths": 1,
            "creditQueryMaxAgeDays": 30, "allowCommitments": true,
            "abnormalOperationSeverity": "warning", "usccPilotAllowlist": [],
            "taxMonths": 1, "paymentWindowMonths": 12,
            "smePriceDeduction": "10%–20%",
            "seriousIllegalDishonestSeverity": "warning", "auditedReportDueDate": "06-30",
            "acceptBankCreditLetter": true, "bankLetterMaxAgeMonths": 6
        })
    );
    let groups = j["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 8);
    let by_id = |id: &str| groups.iter().find(|g| g["id"] == id).unwrap().clone();
    assert_eq!(by_id("no_major_violation")["path"], "documents");
    assert_eq!(by_id("tax_and_social_security")["path"], "commitment");
    assert_eq!(by_id("tax_and_social_security")["status"], "pass");
    assert_eq!(by_id("legal_capacity")["path"], J::Null);
    assert_eq!(by_id("other_conditions")["status"], "not_applicable");
    let f = &by_id("no_major_violation")["findings"][0];
    for k in [
        "path", "code", "severity", "group", "basis", "message", "params",
    ] {
        assert!(f.get(k).is_some(), "{k}");
    }
}

#[test]
fn default_deadline_is_today_and_policy_is_echoed() {
    let opts = json(
        r#"{ "policy": { "sectorFineThresholds": { " 生态环境 ": "300万元", "市场监管": 2500000 },
        "allowCommitments": false, "abnormalOperationSeverity": "info",
        "creditQueryMaxAgeDays": 10, "socialSecurityMonths": 3,
        "seriousIllegalDishonestSeverity": "error", "auditedReportDueDate": "4/30",
        "acceptBankCreditLetter": false, "bankLetterMaxAgeMonths": 3 } }"#,
    );
    let app = FINED.replace(
        r#""fineUnit": "wan""#,
        r#""fineUnit": "wan", "sector": "生态环境""#,
    );
    let r = api::check_supplier(&json(&app), Some(&opts), None, today()).unwrap();
    assert_eq!(r.as_of, today());
    let t = &r.policy.sector_fine_thresholds;
    assert_eq!(t.len(), 2);
    assert_eq!(
        t["生态环境"].to_string(),
        "3000000.00",
        "the name is trimmed"
    );
    assert_eq!(t["市场监管"].to_string(), "2500000.00");
    assert!(!r.policy.allow_commitments);
    assert_eq!(r.policy.abnormal_operation_severity, Severity::Info);
    assert_eq!(r.policy.serious_illegal_dishonest_severity, Severity::Error);
    assert_eq!(r.policy.audited_report_due_date.to_string(), "04-30");
    assert!(!r.policy.accept_bank_credit_letter);
    assert_eq!(r.policy.bank_letter_max_age_months, 3);
    // 250万 is below the 300万 of its sector now; the commitments are refused.
    let f = r
        .findings
        .iter()
        .find(|f| f.code == "no_major_violation.fine_below_threshold")
        .unwrap();
    assert_eq!(f.params["threshold"], "3000000.00");
    assert_eq!(f.params["sector"], "生态环境");
    assert!(r
        .findings
        .iter()
        .any(|f| f.code == "qualification.commitment_not_allowed"));
    assert_eq!(r.verdict, Verdict::Incomplete);
}

#[test]
fn retired_policy_keys_say_why() {
    let err = |opts: &str| {
        api::check_supplier(&json(FINED), Some(&json(opts)), None, today()).unwrap_err()
    };
    // Any value, even the revision-1 default: the key itself is retired.
    for v in ["3", "5", "0", "\"x\""] {
        let e = err(&format!(
            r#"{{ "locale": "en", "policy": {{ "lookbackYears": {v} }} }}"#
        ));
        assert_eq!(e.code, "qualification.policy_window_statutory", "{v}");
        assert_eq!(e.path, "opts.policy.lookbackYears");
        assert!(
            e.message.contains("Art. 22(1)(v)") && e.message.contains("retired"),
            "{}",
            e.message
        );
    }
    let e = err(r#"{ "policy": { "lookbackYears": 3 } }"#);
    assert!(
        e.message.contains("政府采购法第二十二条第一款第（五）项"),
        "{}",
        e.message
    );
    for v in ["\"2000000\"", "\"5000000\"", "1000000", "true"] {
        let e = err(&format!(
            r#"{{ "policy": {{ "majorFineThreshold": {v} }} }}"#
        ));
        assert_eq!(e.code, "qualification.policy_threshold_retired", "{v}");
        assert_eq!(e.path, "opts.policy.majorFineThreshold");
        assert!(
            e.message.contains("opts.policy.sectorFineThresholds") && e.message.contains("200万元"),
            "{}",
            e.message
        );
    }
    let e = err(r#"{ "locale": "zh-TW", "policy": { "majorFineThreshold": "5000000" } }"#);
    assert!(e.message.contains("已停用"), "{}", e.message);
    // The unknown-key message lists the keys in use, not the retired ones.
    let e = err(r#"{ "policy": { "lookback": 3 } }"#);
    assert!(!e.message.contains("lookbackYears"), "{}", e.message);
    assert!(!e.message.contains("majorFineThreshold"), "{}", e.message);
    assert!(e.message.contains("sectorFineThresholds"), "{}", e.message);
}

#[test]
fn bad_policy_is_a_structured_error_in_the_callers_locale() {
    let err = |opts: &str| {
        api::check_supplier(&json(FINED), Some(&json(opts)), None, today()).unwrap_err()
    };
    let e = err(
        r#"{ "locale": "en", "policy": { "sectorFineThresholds": { "生态环境": "1999999.99" } } }"#,
    );
    assert_eq!(e.code, "qualification.policy_threshold_lowered");
    assert_eq!(e.path, "opts.policy.sectorFineThresholds.生态环境");
    assert!(e.message.contains("CNY 1,999,999.99"), "{}", e.message);
    let e = err(r#"{ "policy": { "sectorFineThresholds": { "生态环境": "199.9999万元" } } }"#);
    assert_eq!(e.code, "qualification.policy_threshold_lowered");
    assert!(
        e.message.contains("1,999,999元") && e.message.contains("200万元"),
        "{}",
        e.message
    );
    let e = err(r#"{ "policy": { "sectorFineThresholds": { "生态环境": true } } }"#);
    assert_eq!(
        (e.code.as_str(), e.path.as_str()),
        (
            "options.wrong_type",
            "opts.policy.sectorFineThresholds.生态环境"
        )
    );
    let e = err(r#"{ "policy": { "sectorFineThresholds": { "生态环境": "lots" } } }"#);
    assert_eq!(
        (e.code.as_str(), e.path.as_str()),
        (
            "options.bad_value",
            "opts.policy.sectorFineThresholds.生态环境"
        )
    );
    let e = err(r#"{ "policy": { "sectorFineThresholds": { " ": "3000000" } } }"#);
    assert_eq!(e.code, "options.bad_value");
    let e = err(r#"{ "policy": { "sectorFineThresholds": ["生态环境"] } }"#);
    assert_eq!(
        (e.code.as_str(), e.path.as_str()),
        ("options.wrong_type", "opts.policy.sectorFineThresholds")
    );
    for (policy, path) in [
        (
            r#"{ "auditedReportDueDate": "13-01" }"#,
            "auditedReportDueDate",
        ),
        (
            r#"{ "auditedReportDueDate": "06-31" }"#,
            "auditedReportDueDate",
        ),
        (r#"{ "auditedReportDueDate": 630 }"#, "auditedReportDueDate"),
        (
            r#"{ "bankLetterMaxAgeMonths": 0 }"#,
            "bankLetterMaxAgeMonths",
        ),
        (
            r#"{ "bankLetterMaxAgeMonths": 61 }"#,
            "bankLetterMaxAgeMonths",
        ),
        (
            r#"{ "bankLetterMaxAgeMonths": 6.5 }"#,
            "bankLetterMaxAgeMonths",
        ),
        (
            r#"{ "acceptBankCreditLetter": "yes" }"#,
            "acceptBankCreditLetter",
        ),
        (
            r#"{ "seriousIllegalDishonestSeverity": "info" }"#,
            "seriousIllegalDishonestSeverity",
        ),
        (
            r#"{ "seriousIllegalDishonestSeverity": true }"#,
            "seriousIllegalDishonestSeverity",
        ),
    ] {
        let e = err(&format!(r#"{{ "policy": {policy} }}"#));
        assert_eq!(e.path, format!("opts.policy.{path}"), "{policy}");
    }
    let e = err(r#"{ "policy": { "socialSecurityMonths": 13 } }"#);
    assert_eq!(e.path, "opts.policy.socialSecurityMonths");
    let e = err(r#"{ "policy": { "creditQueryMaxAgeDays": -1 } }"#);
    assert_eq!(e.path, "opts.policy.creditQueryMaxAgeDays");
    let e = err(r#"{ "policy": { "allowCommitments": "yes" } }"#);
    assert_eq!(
        (e.code.as_str(), e.path.as_str()),
        ("options.wrong_type", "opts.policy.allowCommitments")
    );
    let e = err(r#"{ "policy": { "abnormalOperationSeverity": "fatal" } }"#);
    assert_eq!(e.path, "opts.policy.abnormalOperationSeverity");
    let e = err(r#"{ "policy": { "usccPilotAllowlist": [1] } }"#);
    assert_eq!(e.path, "opts.policy.usccPilotAllowlist[0]");
    let e = err(r#"{ "locale": "en", "policy": { "lookback": 3 } }"#);
    assert_eq!(
        (e.code.as_str(), e.path.as_str()),
        ("qualification.policy_unknown", "opts.policy.lookback")
    );
    assert!(
        e.message
            .starts_with("Option opts.policy.lookback is not a policy parameter"),
        "{}",
        e.message
    );
    let e = err(r#"{ "itemCode": "nope" }"#);
    assert_eq!(e.path, "opts.itemCode");
    let e = err(r#"{ "catalogue": "central-2020" }"#);
    assert_eq!(e.path, "opts.catalogue");
    let e = api::check_supplier(&json(FINED), Some(&s("x")), None, today()).unwrap_err();
    assert_eq!(e.path, "opts");
}

#[test]
fn member_findings_name_the_member_in_the_label() {
    let app = json(
        r#"{ "members": [
          { "entityType": "enterprise", "name": "甲", "uscc": "91110000600037341L",
            "registration": { "status": "存续", "establishedOn": "2010-05-01" } },
          { "entityType": "enterprise", "name": "乙", "uscc": "91110000600037341L",
            "registration": { "status": "存续", "establishedOn": "2010-05-01" },
            "penalties": [{ "kind": "fine", "decidedOn": "2026-03-16", "fineAmount": "1" }] } ] }"#,
    );
    for (locale, text) in [
        ("zh-CN", "联合体成员2的处罚决定日期2026年3月16日晚于截止日期2026年3月15日"),
        ("en", "The penalty decision date of consortium member 2, 16 March 2026, is after the deadline"),
    ] {
        let opts = json(&format!(r#"{{ "asOf": "2026-03-15", "locale": "{locale}" }}"#));
        let r = api::check_supplier(&app, Some(&opts), None, today()).unwrap();
        let f = r
            .findings
            .iter()
            .find(|f| f.code == "no_major_violation.decided_after_deadline")
            .unwrap();
        assert_eq!(f.path, "members[1].penalties[0].decidedOn");
        assert!(f.message.starts_with(text), "{}", f.message);
        assert_eq!(r.members.len(), 2);
        assert_eq!(r.members[1].path, "members[1]");
        assert_eq!(r.members[1].name.as_deref(), Some("乙"));
        assert_eq!(r.members[1].verdict, Verdict::Incomplete);
    }
}

#[test]
fn fines_are_exact_decimals_whatever_their_form() {
    let with_fine = |amount: &str, unit: &str| {
        let app = json(&format!(
            r#"{{ "entityType": "enterprise", "name": "x", "uscc": "91110000600037341L",
                 "registration": {{ "status": "存续", "establishedOn": "2010-05-01" }},
                 "penalties": [{{ "kind": "fine", "decidedOn": "2025-01-01",
                                  "fineAmount": {amount}, "fineUnit": "{unit}" }}] }}"#
        ));
        let r = api::check_supplier(&app, Some(&json(r#"{"asOf":"2026-03-15"}"#)), None, today())
            .unwrap();
        r.groups[5].status
    };
    assert_eq!(with_fine("1999999.99", "yuan"), Status::Pass, "JSON number");
    assert_eq!(with_fine("2000000", "yuan"), Status::Fail);
    assert_eq!(
        with_fine("\"２,０００,０００.００\"", "yuan"),
        Status::Fail,
        "full-width"
    );
    assert_eq!(with_fine("199.9999", "wan"), Status::Pass);
    assert_eq!(with_fine("200", "wan"), Status::Fail);
    assert_eq!(with_fine("\"200.00000\"", "wan"), Status::Fail);
    assert_eq!(
        with_fine("\"1999999.999\"", "yuan"),
        Status::Incomplete,
        "more than two decimals"
    );
    assert_eq!(
        with_fine("\"-5\"", "yuan"),
        Status::Fail,
        "negative fine is a data failure"
    );
}

fn bad_values() -> Vec<Value<'static>> {
    let deep = (0..200).fold(Value::Null, |v, _| Value::Array(vec![v]));
    vec![
        Value::Null,
        Value::Bool(true),
        Value::Number("NaN".into()),
        Value::Number("-0".into()),
        Value::Number("1e308".into()),
        s(""),
        s("\u{200B}"),
        s(&"9".repeat(10_000)),
        s("😀"),
        s("2024-02-30"),
        Value::Array(vec![Value::Null, s("x"), Value::Array(vec![])]),
        Value::Array((0..300).map(|i| s(&i.to_string())).collect()),
        obj(&[("__proto__", s("x"))]),
        obj(&[
            ("kind", Value::Array(vec![])),
            ("decidedOn", Value::Bool(false)),
        ]),
        deep,
        Value::Unsupported,
    ]
}

#[test]
fn bad_input_anywhere_never_panics() {
    let base = json(
        r#"{ "entityType": "enterprise", "name": "x", "uscc": "91110000600037341L",
             "registration": { "status": "存续", "establishedOn": "2010-05-01", "termEnd": null },
             "financials": { "auditedReportYear": 2025, "totalAssets": "1", "totalLiabilities": "0", "ownersEquity": "1" },
             "taxSocialSecurity": { "paidMonths": ["2026-02"], "exemption": { "reason": "x" } },
             "credit": { "queriedOn": "2026-03-10", "judgmentDefaulter": false },
             "penalties": [{ "kind": "fine", "decidedOn": "2025-01-01", "fineAmount": "1" }],
             "licences": [{ "kind": "公路养护作业单位资质", "grade": "乙级" }],
             "equipment": [{ "name": "x", "quantity": 1 }], "staff": [{ "name": "y" }],
             "commitments": { "noMajorViolation": true } }"#,
    );
    let Value::Object(entries) = &base else {
        unreachable!()
    };
    let cat = builtin::get("county-example-2023").unwrap();
    let opts = json(r#"{ "asOf": "2026-03-15", "itemCode": "011301" }"#);
    let check = |app: &Value| {
        let r = api::check_supplier(app, Some(&opts), Some(&cat), today()).unwrap();
        assert_eq!(r.groups.len(), 8);
        for f in &r.findings {
            assert!(!f.message.contains('{'), "{}: {}", f.code, f.message);
        }
        r
    };
    let mut runs = 0;
    for bad in bad_values() {
        check(&bad);
        // Each top-level field, and each field one level down, replaced by the bad value.
        for (i, (key, v)) in entries.iter().enumerate() {
            let mut e = entries.clone();
            e[i] = (key.clone(), bad.clone());
            check(&Value::Object(e));
            runs += 1;
            let inner = match v {
                Value::Object(o) => Some(o.clone()),
                Value::Array(a) => match a.first() {
                    Some(Value::Object(o)) => Some(o.clone()),
                    _ => None,
                },
                _ => None,
            };
            if let Some(o) = inner {
                for j in 0..o.len() {
                    let mut o2 = o.clone();
                    o2[j].1 = bad.clone();
                    let replaced = match v {
                        Value::Array(_) => Value::Array(vec![Value::Object(o2)]),
                        _ => Value::Object(o2),
                    };
                    let mut e = entries.clone();
                    e[i] = (key.clone(), replaced);
                    check(&Value::Object(e));
                    runs += 1;
                }
            }
        }
        // As a consortium member, and as the members list.
        check(&Value::Object(vec![(
            "members".into(),
            Value::Array(vec![base.clone(), bad.clone()]),
        )]));
        check(&Value::Object(vec![("members".into(), bad.clone())]));
    }
    assert!(runs > 500, "{runs}");
}

#[test]
fn consortium_member_limit_and_nesting() {
    let member =
        json(r#"{ "entityType": "enterprise", "name": "x", "uscc": "91110000600037341L" }"#);
    let nested = obj(&[(
        "members",
        Value::Array(vec![member.clone(), member.clone()]),
    )]);
    let app = obj(&[("members", Value::Array(vec![member.clone(), nested]))]);
    let r = api::check_supplier(&app, None, None, today()).unwrap();
    assert!(r
        .findings
        .iter()
        .any(|f| f.code == "other_conditions.consortium_nested" && f.path == "members[1].members"));
    let many = obj(&[("members", Value::Array(vec![member.clone(); 250]))]);
    let r = api::check_supplier(&many, None, None, today()).unwrap();
    assert_eq!(r.members.len(), 200);
    assert!(r
        .findings
        .iter()
        .any(|f| f.code == "qualification.too_many_entries" && f.path == "members"));
}

#[test]
fn members_of_the_wrong_type() {
    let app = obj(&[("members", s("甲公司、乙公司"))]);
    let r = api::check_supplier(&app, None, None, today()).unwrap();
    assert!(r.members.is_empty());
    assert_eq!(r.groups[6].status, Status::Incomplete);
    assert!(r
        .findings
        .iter()
        .any(|f| f.code == "qualification.wrong_type" && f.path == "members"));
    // An empty list is not a consortium.
    let app = obj(&[("members", Value::Array(vec![]))]);
    let r = api::check_supplier(&app, None, None, today()).unwrap();
    assert_eq!(r.groups[6].status, Status::NotApplicable);
}

/// The baseline application of the scenario table with `patch` applied to its JSON text.
fn baseline_with(patch: impl Fn(&mut J)) -> Value<'static> {
    let mut j = scenarios()
        .into_iter()
        .find(|s| s["name"] == "baseline enterprise with documents passes")
        .unwrap()["application"]
        .clone();
    patch(&mut j);
    value(&j)
}

fn finding(app: &Value, opts: &str, code: &str) -> Option<procurement_precheck::report::Finding> {
    let r = api::check_supplier(app, Some(&json(opts)), None, today()).unwrap();
    r.findings.into_iter().find(|f| f.code == code)
}

#[test]
fn rev2_findings_speak_every_locale_and_cite_their_article() {
    let township = baseline_with(|j| {
        j["penalties"] = serde_json::json!([
            { "kind": "closure", "decidedOn": "2025-06-01", "issuerLevel": "township" },
            { "kind": "licence_suspension", "decidedOn": "2025-06-02" },
            { "kind": "public_criticism", "decidedOn": "2025-06-03" }
        ]);
        j["credit"]["seriousIllegalDishonest"] = J::Bool(true);
        j["credit"]["queriedOn"] = J::from("2099-01-01");
        j["financials"] = serde_json::json!({ "bankCreditLetter": { "issuedOn": "2025-01-01" } });
    });
    let cases = [
        (
            "no_major_violation.major_penalty",
            "penalties[0].kind",
            "政府采购法第二十二条第一款第（五）项; 政府采购法实施条例第十九条",
            "2025年6月1日的责令关闭属于重大违法记录，该记录自2028年6月1日起不再影响参加政府采购。",
            "The order to close of 1 June 2025 is a major violation record",
        ),
        (
            "no_major_violation.township_counts",
            "penalties[0].issuerLevel",
            "中华人民共和国行政处罚法第二十四条; 政府采购法实施条例第十九条第一款",
            "2025年6月1日的责令关闭由乡镇级机关（乡镇人民政府、街道办事处）作出，与其他机关作出的处罚同样计算。",
            "was imposed by a township-level body",
        ),
        (
            "no_major_violation.kind_for_review",
            "penalties[1].kind",
            "政府采购法实施条例第十九条第一款; 中华人民共和国行政处罚法第九条",
            "2025年6月2日的暂扣许可证件是行政处罚法第九条规定的处罚种类",
            "The temporary withholding of a permit of 2 June 2025 is a penalty of Art. 9",
        ),
        (
            "no_major_violation.kind_not_named",
            "penalties[2].kind",
            "政府采购法第二十二条第一款第（五）项; 政府采购法实施条例第十九条第一款",
            "2025年6月3日的通报批评不属于政府采购法实施条例第十九条列明的处罚种类。",
            "The public criticism of 3 June 2025 is not among the kinds",
        ),
        (
            "reputation_and_accounting.serious_illegal_dishonest",
            "credit.seriousIllegalDishonest",
            "政府采购法第二十二条第一款第（二）项; 市场监督管理严重违法失信名单管理办法（国家市场监督管理总局令第44号）",
            "严重违法失信名单：信用记录查询显示已被列入。",
            "Serious illegality and dishonesty: the credit-record query shows an entry.",
        ),
        (
            "reputation_and_accounting.credit_query_in_future",
            "credit.queriedOn",
            "政府采购法第二十二条第一款第（二）项; 财库〔2016〕125号",
            "信用记录查询日期2099年1月1日晚于今天（2026年12月1日），请核对。",
            "The credit-record query date, 1 January 2099, is after today, 1 December 2026; please check.",
        ),
        (
            "reputation_and_accounting.bank_letter_too_old",
            "financials.bankCreditLetter.issuedOn",
            "政府采购法第二十二条第一款第（二）项; 政府采购法实施条例第十七条第一款第（二）项",
            "银行资信证明出具日期2025年1月1日早于截止日期2026年3月15日前6个月（2025年9月15日）",
            "The issue date of the bank credit letter, 1 January 2025, is more than 6 months before the deadline",
        ),
    ];
    for (code, path, basis, cn, en) in cases {
        let f = finding(&township, r#"{ "asOf": "2026-03-15" }"#, code)
            .unwrap_or_else(|| panic!("{code}"));
        assert_eq!(f.path, path, "{code}");
        assert_eq!(f.basis, Some(basis), "{code}");
        assert!(f.message.starts_with(cn), "{code}: {}", f.message);
        let e = finding(
            &township,
            r#"{ "asOf": "2026-03-15", "locale": "en" }"#,
            code,
        )
        .unwrap();
        assert!(e.message.contains(en), "{code}: {}", e.message);
        let tw = finding(
            &township,
            r#"{ "asOf": "2026-03-15", "locale": "zh-TW" }"#,
            code,
        )
        .unwrap();
        assert_ne!(tw.message, f.message, "{code}");
        assert_eq!(tw.params, f.params, "{code}");
    }
    // The level is named in the params of the failing finding; nothing is discounted.
    let f = finding(
        &township,
        r#"{ "asOf": "2026-03-15" }"#,
        "no_major_violation.major_penalty",
    )
    .unwrap();
    assert_eq!(f.params["issuerLevel"], "township");
    assert_eq!(f.severity, Severity::Error);
    let r = api::check_supplier(
        &township,
        Some(&json(r#"{ "asOf": "2026-03-15" }"#)),
        None,
        today(),
    )
    .unwrap();
    assert_eq!(r.groups[5].status, Status::Fail);
    assert!(r
        .findings
        .iter()
        .all(|f| f.code != "no_major_violation.below_county"));
}

#[test]
fn missing_financial_evidence_names_the_alternatives_in_each_locale() {
    let app = baseline_with(|j| j["financials"] = serde_json::json!({}));
    for (opts, cn, en) in [
        (
            r#"{ "asOf": "2026-03-15" }"#,
            "请填写经审计财务报告年度：须提供2024年度或以后的经审计财务报告，或银行资信证明或担保机构出具的担保函。",
            "Please fill in the year of the audited financial report: the audited report of 2024 or later is required, or a bank credit letter or a letter of guarantee by a guarantee institution.",
        ),
        (
            r#"{ "asOf": "2026-06-30", "policy": { "acceptBankCreditLetter": false, "creditQueryMaxAgeDays": 3650 } }"#,
            "请填写经审计财务报告年度：须提供2025年度或以后的经审计财务报告，或担保机构出具的担保函。",
            "Please fill in the year of the audited financial report: the audited report of 2025 or later is required, or a letter of guarantee by a guarantee institution.",
        ),
    ] {
        let f = finding(&app, opts, "reputation_and_accounting.audit_missing").unwrap();
        assert_eq!(f.message, cn);
        let en_opts = opts.replacen('{', r#"{ "locale": "en","#, 1);
        let e = finding(&app, &en_opts, "reputation_and_accounting.audit_missing").unwrap();
        assert_eq!(e.message, en);
    }
}

#[test]
fn audited_report_due_date_edges_including_29_february() {
    let app = baseline_with(|j| {
        j["financials"] = serde_json::json!({ "auditedReportYear": 2026 });
        j["credit"]["queriedOn"] = J::from("2027-01-01");
    });
    let status = |as_of: &str, due: &str| {
        let opts = format!(
            r#"{{ "asOf": "{as_of}", "policy": {{ "auditedReportDueDate": "{due}", "creditQueryMaxAgeDays": 3650 }} }}"#
        );
        let r = api::check_supplier(
            &app,
            Some(&json(&opts)),
            None,
            Date::new(2029, 1, 1).unwrap(),
        )
        .unwrap();
        (
            r.groups[2].status,
            r.findings
                .iter()
                .any(|f| f.code.ends_with("audit_year_old")),
        )
    };
    // 2026's report at a 2028 deadline is the year before last: recent only before the due date.
    assert_eq!(status("2028-02-28", "02-29"), (Status::Pass, false));
    assert_eq!(status("2028-02-29", "02-29"), (Status::Incomplete, true));
    assert_eq!(status("2028-03-01", "02-29"), (Status::Incomplete, true));
    // In a common year a 02-29 due date falls between 28 February and 1 March.
    assert_eq!(
        status("2027-02-28", "02-29"),
        (Status::Pass, false),
        "last year's report"
    );
    assert_eq!(status("2028-01-01", "01-01"), (Status::Incomplete, true));
    assert_eq!(status("2028-12-31", "12-31"), (Status::Incomplete, true));
    assert_eq!(status("2028-12-30", "12-31"), (Status::Pass, false));
    // A year not yet closed stays a data error whatever the due date.
    assert_eq!(status("2026-12-31", "06-30"), (Status::Incomplete, false));
}

#[test]
fn credit_query_after_the_deadline_is_fine_but_not_after_today() {
    let app = |queried: &str| baseline_with(|j| j["credit"]["queriedOn"] = J::from(queried));
    let check = |queried: &str, as_of: &str, today: Date| {
        let opts = json(&format!(r#"{{ "asOf": "{as_of}" }}"#));
        let r = api::check_supplier(&app(queried), Some(&opts), None, today).unwrap();
        let codes: Vec<String> = r.groups[2]
            .findings
            .iter()
            .map(|f| f.code.to_string())
            .collect();
        (r.groups[2].status, codes)
    };
    let d = |s: &str| Date::parse(s).unwrap();
    let none: Vec<String> = vec![];
    // After the deadline, on today: fine.
    assert_eq!(
        check("2026-03-20", "2026-03-15", d("2026-03-20")),
        (Status::Pass, none.clone())
    );
    // One day after today: a data error.
    assert_eq!(
        check("2026-03-21", "2026-03-15", d("2026-03-20")),
        (
            Status::Incomplete,
            vec!["reputation_and_accounting.credit_query_in_future".to_string()]
        )
    );
    // A future deadline: a query today is fine, tomorrow is not.
    assert_eq!(
        check("2026-03-01", "2026-03-20", d("2026-03-01")).0,
        Status::Pass
    );
    assert_eq!(
        check("2026-03-02", "2026-03-20", d("2026-03-01")).0,
        Status::Incomplete
    );
    // The age limit still counts back from the deadline: 30 days before is fine, 31 not.
    assert_eq!(
        check("2026-02-13", "2026-03-15", d("2026-12-01")).0,
        Status::Pass
    );
    assert_eq!(
        check("2026-02-12", "2026-03-15", d("2026-12-01")).0,
        Status::Incomplete
    );
}

#[test]
fn serious_illegal_dishonest_follows_its_policy_severity() {
    let app = baseline_with(|j| j["credit"]["seriousIllegalDishonest"] = J::Bool(true));
    for (policy, severity, status) in [
        ("{}", Severity::Warning, Status::Pass),
        (
            r#"{ "seriousIllegalDishonestSeverity": "warning" }"#,
            Severity::Warning,
            Status::Pass,
        ),
        (
            r#"{ "seriousIllegalDishonestSeverity": "error" }"#,
            Severity::Error,
            Status::Fail,
        ),
        // The other list's policy does not move this one.
        (
            r#"{ "abnormalOperationSeverity": "error" }"#,
            Severity::Warning,
            Status::Pass,
        ),
    ] {
        let opts = json(&format!(
            r#"{{ "asOf": "2026-03-15", "policy": {policy} }}"#
        ));
        let r = api::check_supplier(&app, Some(&opts), None, today()).unwrap();
        let f = r
            .findings
            .iter()
            .find(|f| f.code == "reputation_and_accounting.serious_illegal_dishonest")
            .unwrap();
        assert_eq!(
            (f.severity, r.groups[2].status),
            (severity, status),
            "{policy}"
        );
        assert!(r
            .findings
            .iter()
            .all(|f| f.code != "reputation_and_accounting.credit_listed"));
    }
    // Not listed: nothing.
    let app = baseline_with(|j| j["credit"]["seriousIllegalDishonest"] = J::Bool(false));
    let opts = json(
        r#"{ "asOf": "2026-03-15", "policy": { "seriousIllegalDishonestSeverity": "error" } }"#,
    );
    let r = api::check_supplier(&app, Some(&opts), None, today()).unwrap();
    assert_eq!(r.groups[2].status, Status::Pass);
}

#[test]
fn sector_thresholds_to_the_fen() {
    let status = |amount: &str, unit: &str, sector: &str, threshold: &str| {
        let app = baseline_with(|j| {
            j["penalties"] = serde_json::json!([{ "kind": "fine", "decidedOn": "2025-01-01",
                "fineAmount": amount, "fineUnit": unit, "sector": sector }]);
        });
        let opts = format!(
            r#"{{ "asOf": "2026-03-15", "policy": {{ "sectorFineThresholds": {{ "生态环境": "{threshold}" }} }} }}"#
        );
        let r = api::check_supplier(&app, Some(&json(&opts)), None, today()).unwrap();
        r.groups[5].status
    };
    assert_eq!(
        status("4999999.99", "yuan", "生态环境", "500万元"),
        Status::Pass
    );
    assert_eq!(
        status("5000000.00", "yuan", "生态环境", "500万元"),
        Status::Fail
    );
    assert_eq!(
        status("5000000.01", "yuan", "生态环境", "500万元"),
        Status::Fail
    );
    assert_eq!(
        status("499.9999", "wan", "生态环境", "5000000"),
        Status::Pass
    );
    assert_eq!(status("500", "wan", "生态环境", "5000000"), Status::Fail);
    assert_eq!(
        status("2000000", "yuan", " 生态环境 ", "5000000"),
        Status::Pass,
        "trimmed"
    );
    assert_eq!(
        status("2000000", "yuan", "生态", "5000000"),
        Status::Fail,
        "not a prefix"
    );
    assert_eq!(
        status("1999999.99", "yuan", "交通运输", "5000000"),
        Status::Pass
    );
    assert_eq!(
        status("2000000", "yuan", "交通运输", "5000000"),
        Status::Fail
    );
    assert_eq!(
        status("2000000", "yuan", "生态环境", "2000000"),
        Status::Fail
    );
}

#[test]
fn bank_letter_age_edges() {
    let status = |issued: &str, as_of: &str, months: u32| {
        let app = baseline_with(|j| {
            j["financials"] = serde_json::json!({ "bankCreditLetter": { "issuedOn": issued } });
        });
        let opts = format!(
            r#"{{ "asOf": "{as_of}", "policy": {{ "bankLetterMaxAgeMonths": {months}, "creditQueryMaxAgeDays": 3650 }} }}"#
        );
        let r = api::check_supplier(&app, Some(&json(&opts)), None, today()).unwrap();
        r.groups[2].status
    };
    assert_eq!(status("2025-09-15", "2026-03-15", 6), Status::Pass);
    assert_eq!(status("2025-09-14", "2026-03-15", 6), Status::Incomplete);
    // 31 August − 6 months = 28 February (29 in a leap year).
    assert_eq!(status("2026-02-28", "2026-08-31", 6), Status::Pass);
    assert_eq!(status("2026-02-27", "2026-08-31", 6), Status::Incomplete);
    assert_eq!(status("2024-02-29", "2024-08-31", 6), Status::Pass);
    assert_eq!(status("2024-02-28", "2024-08-31", 6), Status::Incomplete);
    assert_eq!(status("2025-03-15", "2026-03-15", 12), Status::Pass);
    assert_eq!(status("2025-03-14", "2026-03-15", 12), Status::Incomplete);
    assert_eq!(
        status("2026-03-15", "2026-03-15", 1),
        Status::Pass,
        "on the deadline"
    );
    assert_eq!(
        status("2026-03-16", "2026-03-15", 1),
        Status::Incomplete,
        "after it"
    );
}

#[test]
fn financial_evidence_reading_edges() {
    let codes = |financials: J| {
        let app = baseline_with(|j| j["financials"] = financials.clone());
        let opts = json(r#"{ "asOf": "2026-03-15" }"#);
        let r = api::check_supplier(&app, Some(&opts), None, today()).unwrap();
        let mut codes: Vec<String> = r.groups[2]
            .findings
            .iter()
            .map(|f| format!("{} {}", f.code, f.path))
            .collect();
        codes.sort();
        (r.groups[2].status, codes)
    };
    let missing = "reputation_and_accounting.audit_missing financials.auditedReportYear";
    use serde_json::json as j;
    // Blank, false or null evidence is no evidence.
    for f in [
        j!({ "auditedReportYear": "" }),
        j!({ "auditedReportYear": null, "bankCreditLetter": false, "guaranteeLetter": null }),
        j!({ "unauditedReport": false }),
    ] {
        assert_eq!(
            codes(f.clone()),
            (Status::Incomplete, vec![missing.to_string()]),
            "{f}"
        );
    }
    // Unreadable evidence says so, and only so.
    assert_eq!(
        codes(j!({ "unauditedReport": "yes" })),
        (
            Status::Incomplete,
            vec!["qualification.wrong_type financials.unauditedReport".to_string()]
        )
    );
    assert_eq!(
        codes(j!({ "bankCreditLetter": { "issuedOn": "2025-02-29" } })),
        (
            Status::Incomplete,
            vec!["date.not_a_date financials.bankCreditLetter.issuedOn".to_string()]
        )
    );
    assert_eq!(
        codes(j!({ "auditedReportYear": "去年" })),
        (
            Status::Incomplete,
            vec![
                "reputation_and_accounting.audit_year_invalid financials.auditedReportYear"
                    .to_string()
            ]
        )
    );
    // An undated letter, or one of an unknown shape, is a letter; unknown keys are reported.
    assert_eq!(codes(j!({ "guaranteeLetter": {} })), (Status::Pass, vec![]));
    let (status, list) = codes(j!({ "bankCreditLetter": { "bank": "某银行" } }));
    assert_eq!(status, Status::Pass);
    assert!(list.is_empty(), "unknown keys are not in a group: {list:?}");
    // Every problem at once when nothing is accepted.
    assert_eq!(
        codes(
            j!({ "auditedReportYear": 2020, "bankCreditLetter": { "issuedOn": "2024-01-01" },
                   "unauditedReport": true })
        ),
        (
            Status::Incomplete,
            vec![
                "reputation_and_accounting.audit_year_old financials.auditedReportYear".to_string(),
                "reputation_and_accounting.bank_letter_too_old financials.bankCreditLetter.issuedOn"
                    .to_string(),
                "reputation_and_accounting.unaudited_not_new_entity financials.unauditedReport"
                    .to_string(),
            ]
        )
    );
    // One accepted piece silences the others.
    assert_eq!(
        codes(
            j!({ "auditedReportYear": 2020, "bankCreditLetter": { "issuedOn": "2024-01-01" },
                   "guaranteeLetter": true })
        ),
        (Status::Pass, vec![])
    );
    // The balance-sheet identity is checked whatever the evidence.
    let (status, list) = codes(j!({ "guaranteeLetter": true, "totalAssets": "100.00",
                                    "totalLiabilities": "60", "ownersEquity": "39.99" }));
    assert_eq!(status, Status::Fail);
    assert_eq!(
        list,
        ["reputation_and_accounting.balance_mismatch financials.totalAssets"]
    );
}

#[test]
fn drop_grouped_findings_keeps_those_of_no_group_and_refuses_another_form() {
    // An unknown key gives a finding of no group; the missing fields give grouped ones.
    let app = obj(&[("entityType", s("enterprise")), ("nonsense", s("x"))]);
    let full = api::check_supplier(&app, None, None, today()).unwrap();
    let general: Vec<_> = full
        .findings
        .iter()
        .filter(|f| f.group.is_none())
        .cloned()
        .collect();
    assert!(!general.is_empty() && general.len() < full.findings.len());
    let mut r = full.clone();
    assert!(r.drop_grouped_findings());
    assert_eq!(r.findings, general);
    assert_eq!(r.groups, full.groups);
    // A flat list out of order is not the documented form: nothing is dropped.
    let mut odd = full.clone();
    odd.findings.reverse();
    let before = odd.findings.clone();
    assert!(!odd.drop_grouped_findings());
    assert_eq!(odd.findings, before);
}
