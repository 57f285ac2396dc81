#![no_main]
//! Every entry point with any JSON value as input and as options: no panic, field-addressed findings, structured errors only about options.
use libfuzzer_sys::fuzz_target;
use procurement_precheck_fuzz::{invariants as inv, *};

fuzz_target!(|data: &[u8]| {
    if let Some(v) = json(data) {
        inv::any_value(&v);
    }
});
