//! `qualification::check_grouped` (issue 13: each finding built once): on every scenario of
//! the shared table, its report is `check`'s with the flat list cut to the findings of no
//! group (what `SupplierReport::drop_grouped_findings` leaves), without the options' item and
//! policy; the grouped findings chained before it give `check`'s flat list.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // a test fails loudly
use precheck_testkit::*;
use procurement_precheck::api;
use procurement_precheck::catalogue::builtin;
use procurement_precheck::fields::date::Date;
use procurement_precheck::qualification::{self, Policy, SupplierReport};
use procurement_precheck::report::Finding;
use procurement_precheck::value::Value;
use serde::Deserialize;
use serde_json::Value as J;

fn scenarios() -> Vec<J> {
    let path = repo("tests/fixtures/qualification/scenarios.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn a_grouped_report_is_the_whole_report_without_the_copies() {
    let today = Date::new(2026, 12, 1).unwrap();
    let mut checked = 0;
    let mut with_grouped = 0;
    for s in scenarios() {
        let app: Value = Value::deserialize(s["application"].clone()).unwrap();
        let opts: Value = Value::deserialize(s["opts"].clone()).unwrap();
        let cat = s
            .get("catalogue")
            .and_then(J::as_str)
            .map(|n| builtin::get(n).unwrap());
        let Ok(o) = qualification::read_options(Some(&opts), cat.as_deref(), today) else {
            continue;
        };
        let whole = qualification::check(&app, &o);
        let grouped = qualification::check_grouped(&app, &o);
        let name = s["name"].as_str().unwrap_or("?");
        // The flat list: the groups' findings in group order, then these.
        let flat: Vec<Finding> = grouped
            .groups
            .iter()
            .flat_map(|g| g.findings.iter().cloned())
            .chain(grouped.findings.iter().cloned())
            .collect();
        assert_eq!(flat, whole.findings, "{name}: flat list");
        assert!(grouped.findings.iter().all(|f| f.group.is_none()), "{name}");
        // The rest as `check`'s, the item and policy left to the caller.
        assert_eq!(grouped.item, None, "{name}");
        assert_eq!(grouped.policy, Policy::default(), "{name}");
        let mut dropped = whole.clone();
        assert!(dropped.drop_grouped_findings(), "{name}");
        let restored = SupplierReport {
            item: whole.item.clone(),
            policy: whole.policy.clone(),
            ..grouped
        };
        assert_eq!(restored, dropped, "{name}");
        let via_api = api::check_supplier_grouped(&app, Some(&opts), cat.as_deref(), today);
        assert_eq!(via_api.as_ref(), Ok(&dropped), "{name}: api");
        with_grouped += usize::from(restored.groups.iter().any(|g| !g.findings.is_empty()));
        checked += 1;
    }
    assert!(checked > 150, "{checked} scenarios");
    assert!(with_grouped > 100, "{with_grouped} with grouped findings");
}
