//! The embedded catalogues (`data/catalogues/`), built on first use through the same validating
//! loader as a portal's own catalogue.
//!
//! - `central-2020`: the central guidance catalogue (财综〔2020〕57号), 2 classes and 30
//!   sub-classes; codes and the 品目 mapping are our own (unofficial), as its data file says.
//! - `pinmu-2022-services`: the 620 service (C) codes of the 2022 procurement item classification.
//! - `county-example-2023`: `central-2020` with an **example** county overlay
//!   (`county_example_2023.json`) built from what county reports name.

use super::Catalogue;
use crate::report::{Locale, PrecheckError};
use crate::value::Value;
use std::collections::BTreeSet;
use std::sync::{Arc, OnceLock};

const CENTRAL: &str = include_str!("../../../../data/catalogues/central_2020.tsv");
const PINMU: &str = include_str!("../../../../data/catalogues/pinmu_2022_services.tsv");
const COUNTY: &str = include_str!("../../../../data/catalogues/county_example_2023.json");

/// Names of the embedded catalogues; the first is the default.
pub const NAMES: &[&str] = &["central-2020", "county-example-2023", "pinmu-2022-services"];

fn rows(tsv: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    tsv.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').collect())
}

/// The 2022 service 品目 codes.
pub fn pinmu_codes() -> &'static BTreeSet<&'static str> {
    static CELL: OnceLock<BTreeSet<&'static str>> = OnceLock::new();
    CELL.get_or_init(|| rows(PINMU).filter_map(|r| r.first().copied()).collect())
}

fn s(v: &str) -> Value {
    Value::String(v.to_string())
}

fn item(code: &str, level: &str, parent: &str, name: &str, pinmu: &[&str]) -> Value {
    let mut fields = vec![
        ("code".to_string(), s(code)),
        ("name".to_string(), s(name)),
        ("level".to_string(), Value::Number(level.to_string())),
    ];
    if parent != "-" {
        fields.push(("parent".to_string(), s(parent)));
    }
    if !pinmu.is_empty() {
        fields.push((
            "pinmu".to_string(),
            Value::Array(pinmu.iter().map(|p| s(p)).collect()),
        ));
    }
    Value::Object(fields)
}

fn catalogue(version: &str, issuer: &str, note: &str, items: Vec<Value>) -> Value {
    Value::Object(vec![
        ("version".into(), s(version)),
        ("issuer".into(), s(issuer)),
        ("note".into(), s(note)),
        ("items".into(), Value::Array(items)),
    ])
}

fn central() -> Result<Catalogue, PrecheckError> {
    let items = rows(CENTRAL)
        .filter_map(|r| match r.as_slice() {
            [code, level, parent, name, pinmu] => {
                let p: Vec<&str> = pinmu.split(' ').filter(|x| *x != "-").collect();
                Some(item(code, level, parent, name, &p))
            }
            _ => None,
        })
        .collect();
    let v = catalogue(
        "2020",
        "财政部（财综〔2020〕57号）",
        "中央本级政府购买服务指导性目录一、二级目录。代码与品目对应关系为本项目自拟，非官方。",
        items,
    );
    super::load::from_value(&v, Locale::ZhCn)
}

fn pinmu() -> Result<Catalogue, PrecheckError> {
    let items = rows(PINMU)
        .filter_map(|r| match r.as_slice() {
            [code, level, parent, name] if *level != "0" => {
                let parent = if *parent == "C" { "-" } else { parent };
                Some(item(code, level, parent, name, &[code]))
            }
            _ => None,
        })
        .collect();
    let v = catalogue(
        "2022",
        "财政部（政府采购品目分类目录，2022年）",
        "政府采购品目分类目录（2022年）服务类（C）全部620个品目。",
        items,
    );
    super::load::from_value(&v, Locale::ZhCn)
}

fn county() -> Result<Catalogue, PrecheckError> {
    // Read by the core's own JSON reader (as serde_json reads it: a test checks), so the wasm
    // module carries no serde_json parser and no float parsing.
    let overlay: Value = Value::from_json_text(COUNTY).unwrap_or(Value::Null);
    central()?.overlay(&overlay, Locale::ZhCn)
}

/// An embedded catalogue by name (shared; clone it to own a copy).
pub fn get(name: &str) -> Option<Arc<Catalogue>> {
    static C: OnceLock<Option<Arc<Catalogue>>> = OnceLock::new();
    static P: OnceLock<Option<Arc<Catalogue>>> = OnceLock::new();
    static K: OnceLock<Option<Arc<Catalogue>>> = OnceLock::new();
    match name {
        "central-2020" => C.get_or_init(|| central().ok().map(Arc::new)).clone(),
        "pinmu-2022-services" => P.get_or_init(|| pinmu().ok().map(Arc::new)).clone(),
        "county-example-2023" => K.get_or_init(|| county().ok().map(Arc::new)).clone(),
        _ => None,
    }
}

/// The raw overlay of the county example, for demos and tests.
pub fn county_overlay_json() -> &'static str {
    COUNTY
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_overlay_reads_as_serde_json_reads_it() {
        let ours = Value::from_json_text(COUNTY);
        assert!(ours.is_some());
        assert_eq!(ours, serde_json::from_str::<Value>(COUNTY).ok());
    }

    #[test]
    fn every_embedded_catalogue_loads_without_error() {
        let c = central().unwrap_or_else(|e| panic!("{e}: {:?}", e.findings));
        assert_eq!(c.items().len(), 32);
        let p = pinmu().unwrap_or_else(|e| panic!("{e}: {:?}", e.findings));
        assert_eq!(p.items().len(), 620);
        let k = county().unwrap_or_else(|e| panic!("{e}: {:?}", e.findings));
        assert!(k.get("01060101").is_some());
        for name in NAMES {
            assert!(get(name).is_some(), "{name}");
        }
        assert!(get("nonsense").is_none());
    }
}
