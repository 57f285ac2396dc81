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
use crate::sorted::SortedSet;
use crate::value::Value;
use std::sync::{Arc, OnceLock};

// Rows only (build.rs; the sources and notes stay in data/catalogues).
const CENTRAL: &str = include_str!(concat!(env!("OUT_DIR"), "/central_2020.tsv"));
// `<level><two digits><name>` a line (build.rs, from data/catalogues/pinmu_2022_services.tsv).
const PINMU: &str = include_str!(concat!(env!("OUT_DIR"), "/pinmu.txt"));
const COUNTY: &str = include_str!("../../../../data/catalogues/county_example_2023.json");

/// Names of the embedded catalogues; the first is the default.
pub const NAMES: &[&str] = &["central-2020", "county-example-2023", "pinmu-2022-services"];

fn rows(tsv: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    tsv.lines().map(|l| l.split('\t').collect())
}

/// A row of the 品目 codes: code, level, parent (`-` at level 1), name.
struct PinmuRow {
    code: String,
    level: &'static str,
    parent: String,
    name: &'static str,
}

/// The rows of [`PINMU`]: each code is the one before it cut to the row's level, with the row's
/// two digits at that level and zeros after.
fn pinmu_rows() -> impl Iterator<Item = PinmuRow> {
    let mut code = *b"C00000000";
    PINMU.lines().filter_map(move |line| {
        let level = line.get(..1)?;
        let l = usize::from(level.bytes().next()?.checked_sub(b'0')?);
        let pair = line.get(1..3)?.as_bytes();
        let at = 1 + 2 * l.checked_sub(1)?;
        let parent = if l == 1 {
            "-".to_string()
        } else {
            let mut p = code;
            p.get_mut(at..)?.fill(b'0');
            String::from_utf8(p.to_vec()).ok()?
        };
        code.get_mut(at..at + 2)?.copy_from_slice(pair);
        code.get_mut(at + 2..)?.fill(b'0');
        Some(PinmuRow {
            code: String::from_utf8(code.to_vec()).ok()?,
            level,
            parent,
            name: line.get(3..)?,
        })
    })
}

/// The 2022 service 品目 codes.
pub fn pinmu_codes() -> &'static SortedSet<String> {
    static CELL: OnceLock<SortedSet<String>> = OnceLock::new();
    CELL.get_or_init(|| pinmu_rows().map(|r| r.code).collect())
}

fn s(v: &str) -> Value<'static> {
    Value::String(v.to_string().into())
}

fn item(code: &str, level: &str, parent: &str, name: &str, pinmu: &[&str]) -> Value<'static> {
    let mut fields = vec![
        ("code".into(), s(code)),
        ("name".into(), s(name)),
        ("level".into(), Value::Number(level.to_string().into())),
    ];
    if parent != "-" {
        fields.push(("parent".into(), s(parent)));
    }
    if !pinmu.is_empty() {
        fields.push((
            "pinmu".into(),
            Value::Array(pinmu.iter().map(|p| s(p)).collect()),
        ));
    }
    Value::Object(fields)
}

fn catalogue(
    version: &str,
    issuer: &str,
    note: &str,
    items: Vec<Value<'static>>,
) -> Value<'static> {
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
    let items = pinmu_rows()
        .map(|r| item(&r.code, r.level, &r.parent, r.name, &[&r.code]))
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
    fn the_compact_rows_are_the_data_files_rows() {
        let source = include_str!("../../../../data/catalogues/pinmu_2022_services.tsv");
        let want: Vec<(String, String, String, String)> = source
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| l.split('\t').map(str::to_string).collect::<Vec<_>>())
            .filter(|r| r[1] != "0")
            .map(|r| {
                let parent = if r[2] == "C" {
                    "-".into()
                } else {
                    r[2].clone()
                };
                (r[0].clone(), r[1].clone(), parent, r[3].clone())
            })
            .collect();
        let ours: Vec<(String, String, String, String)> = pinmu_rows()
            .map(|r| (r.code, r.level.into(), r.parent, r.name.into()))
            .collect();
        assert_eq!(ours.len(), 620);
        assert_eq!(ours, want);
        let central = include_str!("../../../../data/catalogues/central_2020.tsv");
        let rows_of = |t: &str| -> Vec<String> {
            t.lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                .map(str::to_string)
                .collect()
        };
        assert_eq!(rows_of(CENTRAL), rows_of(central));
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
