//! Helpers of the fuzz targets: the invariants are those of the property tests (the test kit's
//! `invariants`, so that both check the same things).

pub use precheck_testkit::invariants;

use procurement_precheck::value::Value;

/// The input as text (invalid UTF-8 replaced, as a browser would hand it over after decoding).
pub fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// The first byte as flags and the rest as text.
pub fn flags_and_text(data: &[u8]) -> (u8, String) {
    match data.split_first() {
        Some((f, rest)) => (*f, text(rest)),
        None => (0, String::new()),
    }
}

/// Split the input at the first NUL: (text before, bytes after) — a value and its noise.
pub fn split_nul(data: &[u8]) -> (String, &[u8]) {
    match data.iter().position(|b| *b == 0) {
        Some(i) => (
            text(data.get(..i).unwrap_or(&[])),
            data.get(i + 1..).unwrap_or(&[]),
        ),
        None => (text(data), &[]),
    }
}

/// The input as a JSON value, if it is JSON.
pub fn json(data: &[u8]) -> Option<Value<'_>> {
    serde_json::from_slice(data).ok()
}
