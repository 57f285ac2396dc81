//! The test kit of procurement-precheck: value builders and fixtures of the integration tests,
//! and ([`invariants`]) the invariants of every entry point, which the property tests and the
//! fuzz targets (`fuzz/`) both assert.
#![allow(dead_code)]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod invariants;
pub mod typescript;

use procurement_precheck::value::Value;

/// Non-comment, non-empty lines of a fixture, split on tabs.
pub fn fixture(name: &str) -> Vec<Vec<String>> {
    let path = repo(&format!("tests/fixtures/{name}"));
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(|s| s.trim().to_string()).collect())
        .collect()
}

/// A path in the repository (the fixtures, data/ and schema/ are shared with the JS tests).
pub fn repo(path: &str) -> String {
    format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"))
}

pub fn s(v: &str) -> Value<'static> {
    Value::String(v.to_string().into())
}

pub fn obj(pairs: &[(&str, Value)]) -> Value<'static> {
    Value::Object(
        pairs
            .iter()
            .map(|(k, v)| (k.to_string().into(), v.clone().into_owned()))
            .collect(),
    )
}

/// The codes of a result's findings.
pub fn codes<I>(r: &procurement_precheck::fields::CheckResult<I>) -> Vec<&str> {
    r.findings.iter().map(|f| f.code).collect()
}
