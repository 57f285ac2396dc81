//! The JSON Schemas of schema/ and the loader cannot drift apart: every property of the
//! embedded catalogues (as `toJson()` writes them) and of the example overlay is listed by the
//! schema, with a matching type, and every property the schemas list is read by the loader.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::unreachable,
    clippy::indexing_slicing,
    clippy::string_slice
)] // a test fails loudly
use procurement_precheck::catalogue::{builtin, Catalogue};
use procurement_precheck::report::Locale;
use serde_json::Value as J;

fn read(path: &str) -> String {
    let full = precheck_testkit::repo(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

fn parse(text: &str) -> J {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}"))
}

struct Schemas {
    catalogue: J,
    overlay: J,
}

fn schemas() -> Schemas {
    Schemas {
        catalogue: parse(&read("schema/catalogue.schema.json")),
        overlay: parse(&read("schema/overlay.schema.json")),
    }
}

impl Schemas {
    fn file(&self, name: &str) -> &J {
        match name {
            "catalogue.schema.json" => &self.catalogue,
            "overlay.schema.json" => &self.overlay,
            other => panic!("unknown schema file {other}"),
        }
    }

    /// Follow a `$ref` from within `doc`: the document it lands in and the schema there.
    fn resolve<'a>(&'a self, doc: &'a J, reference: &str) -> (&'a J, &'a J) {
        let (file, pointer) = reference.split_once('#').unwrap_or((reference, ""));
        let doc = if file.is_empty() {
            doc
        } else {
            self.file(file)
        };
        let target = doc
            .pointer(pointer)
            .unwrap_or_else(|| panic!("$ref {reference} does not resolve"));
        (doc, target)
    }
}

fn type_of(v: &J) -> &'static str {
    match v {
        J::Null => "null",
        J::Bool(_) => "boolean",
        J::Number(n) if n.is_i64() || n.is_u64() => "integer",
        J::Number(_) => "number",
        J::String(_) => "string",
        J::Array(_) => "array",
        J::Object(_) => "object",
    }
}

/// Walk `data` against `schema` (found in `doc`), collecting what the schema does not allow:
/// properties it does not list, missing required ones, wrong types.
fn walk(s: &Schemas, doc: &J, schema: &J, data: &J, path: &str, errors: &mut Vec<String>) {
    if let Some(r) = schema.get("$ref").and_then(J::as_str) {
        let (doc, target) = s.resolve(doc, r);
        return walk(s, doc, target, data, path, errors);
    }
    if let Some(types) = schema.get("type") {
        let allowed: Vec<&str> = match types {
            J::String(t) => vec![t.as_str()],
            J::Array(ts) => ts.iter().filter_map(J::as_str).collect(),
            _ => vec![],
        };
        let t = type_of(data);
        let ok = allowed.contains(&t) || (t == "integer" && allowed.contains(&"number"));
        if !ok {
            errors.push(format!("{path}: {t}, schema allows {allowed:?}"));
        }
    }
    match data {
        J::Object(map) => {
            let props = schema.get("properties").and_then(J::as_object);
            for (key, value) in map {
                match props.and_then(|p| p.get(key)) {
                    Some(ps) => walk(s, doc, ps, value, &format!("{path}.{key}"), errors),
                    None => errors.push(format!("{path}.{key}: not in the schema")),
                }
            }
            for req in schema
                .get("required")
                .and_then(J::as_array)
                .into_iter()
                .flatten()
                .filter_map(J::as_str)
            {
                if !map.contains_key(req) {
                    errors.push(format!("{path}: required {req} missing"));
                }
            }
        }
        J::Array(list) => {
            if let Some(items) = schema.get("items") {
                for (i, v) in list.iter().enumerate() {
                    walk(s, doc, items, v, &format!("{path}[{i}]"), errors);
                }
            }
        }
        _ => {}
    }
}

#[track_caller]
fn conforms(s: &Schemas, root: &J, data: &str) {
    let mut errors = vec![];
    walk(s, root, root, &parse(data), "", &mut errors);
    assert!(errors.is_empty(), "{errors:#?}");
}

/// Every `$ref` of a schema, and every property name it lists.
fn refs_and_properties(v: &J, refs: &mut Vec<String>, props: &mut Vec<String>) {
    match v {
        J::Object(map) => {
            for (k, child) in map {
                match (k.as_str(), child) {
                    ("$ref", J::String(r)) => refs.push(r.clone()),
                    ("properties", J::Object(p)) => props.extend(p.keys().cloned()),
                    _ => {}
                }
                refs_and_properties(child, refs, props);
            }
        }
        J::Array(list) => list
            .iter()
            .for_each(|c| refs_and_properties(c, refs, props)),
        _ => {}
    }
}

#[test]
fn schemas_are_draft_2020_12_and_every_ref_resolves() {
    let s = schemas();
    for doc in [&s.catalogue, &s.overlay] {
        assert_eq!(
            doc["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
        assert!(doc["description"].as_str().is_some_and(|d| d.len() > 100));
        let (mut refs, mut props) = (vec![], vec![]);
        refs_and_properties(doc, &mut refs, &mut props);
        assert!(!refs.is_empty());
        for r in refs {
            s.resolve(doc, &r);
        }
    }
}

#[test]
fn embedded_catalogues_fit_the_catalogue_schema() {
    let s = schemas();
    for name in builtin::NAMES {
        let cat = builtin::get(name).unwrap_or_else(|| panic!("{name}"));
        conforms(&s, &s.catalogue, &cat.to_json());
    }
}

#[test]
fn the_example_overlay_fits_the_overlay_schema() {
    let s = schemas();
    conforms(&s, &s.overlay, builtin::county_overlay_json());
    conforms(
        &s,
        &s.overlay,
        &read("data/catalogues/county_example_2023.json"),
    );
}

#[test]
fn a_catalogue_using_every_field_fits_and_round_trips() {
    let s = schemas();
    let full = r#"{"version":"1","issuer":"测试","note":"说明","items":[
        {"code":"01","name":"公共服务","level":1},
        {"code":"0101","name":"养护","level":2,"parent":"01","aliases":["绿化"],"keywords":["园林"],
         "pinmu":["C13030000"],"requirements":[{"kind":"城市园林绿化企业资质","minGrade":"三级","issuer":"住房城乡建设部门"}],
         "validFrom":"2024-01-01","validTo":"2026-12-31",
         "origin":[{"issuer":"省","version":"0","change":"base"},{"issuer":"县","version":"1","change":"renamed","from":"绿化养护"}]}],
        "withdrawn":[{"code":"0102","name":"培训","reason":"不再购买","issuer":"县","version":"1"}]}"#;
    conforms(&s, &s.catalogue, full);
    let v = serde_json::from_str(full).expect("json");
    let cat = Catalogue::from_value(&v, Locale::ZhCn).expect("loads");
    conforms(&s, &s.catalogue, &cat.to_json());
    let overlay = r#"{"version":"2","issuer":"县","note":"n",
        "add":[{"code":"0103","name":"新增","parent":"01","requirements":[{"kind":"k"}]}],
        "rename":[{"code":"0101","name":"园林养护","aliases":["养护"]}],
        "require":[{"code":"0101","requirements":[{"kind":"k2","minGrade":"乙"}]}],
        "withdraw":[{"code":"0103","reason":"r"}]}"#;
    conforms(&s, &s.overlay, overlay);
    let o = serde_json::from_str(overlay).expect("json");
    let after = cat.overlay(&o, Locale::ZhCn).expect("applies");
    conforms(&s, &s.catalogue, &after.to_json());
}

#[test]
fn the_schema_rejects_what_the_loader_would_silently_drop() {
    let s = schemas();
    let mut errors = vec![];
    let misspelt = parse(
        r#"{"version":"1","issuer":"x","items":[{"code":"01","name":"a","valid_from":"2024-01-01"}]}"#,
    );
    walk(&s, &s.catalogue, &s.catalogue, &misspelt, "", &mut errors);
    assert_eq!(errors, [".items[0].valid_from: not in the schema"]);
}

#[test]
fn every_property_the_schemas_list_is_read_by_the_loader() {
    let s = schemas();
    let source = ["load.rs", "overlay.rs"]
        .map(|f| read(&format!("crates/precheck/src/catalogue/{f}")))
        .join("\n");
    for doc in [&s.catalogue, &s.overlay] {
        let (mut refs, mut props) = (vec![], vec![]);
        refs_and_properties(doc, &mut refs, &mut props);
        for p in props {
            assert!(
                source.contains(&format!("\"{p}\"")),
                "the schema lists {p}, which src/catalogue/load.rs and overlay.rs never read"
            );
        }
    }
}
