#![no_main]
//! Value::from_json_text (how the wasm boundary reads a plain object's JSON text): never panics; what it accepts, serde_json accepts as the same value when no number has a fraction (serde_json parses those through f64).
use libfuzzer_sys::fuzz_target;
use procurement_precheck::value::Value;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Some(v) = Value::from_json_text(text) else {
        return;
    };
    if !text.contains('.') && !text.contains("\\ud") && !text.contains("\\uD") {
        if let Ok(theirs) = serde_json::from_str::<Value>(text) {
            assert_eq!(v, theirs, "{text:?}");
        }
    }
});
