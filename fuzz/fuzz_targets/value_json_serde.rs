#![no_main]
//! Value::from_json_serde (how the CLI reads each JSON line) against serde_json (with
//! `float_roundtrip`, as the CLI has it): on any UTF-8 text, it accepts exactly what serde_json
//! accepts, with the same value, and never panics. (The CLI passes it only UTF-8 text and asks
//! serde_json about the rest.)
use libfuzzer_sys::fuzz_target;
use procurement_precheck::value::Value;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let ours = Value::from_json_serde(text);
    let theirs = serde_json::from_str::<Value>(text).ok();
    assert_eq!(ours, theirs, "{text:?}");
    // The bytes read as the text (what the CLI's fallback reads).
    assert_eq!(
        serde_json::from_slice::<Value>(data).ok(),
        theirs,
        "{text:?}"
    );
});
