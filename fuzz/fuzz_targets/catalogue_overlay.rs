#![no_main]
//! cat.overlay on the embedded county example: base unchanged, result sane and round-trips, withdrawn codes gone.
use libfuzzer_sys::fuzz_target;
use procurement_precheck_fuzz::{invariants as inv, *};

fuzz_target!(|data: &[u8]| {
    if let Some(v) = json(data) {
        if let Some(base) = procurement_precheck::catalogue::builtin::get("county-example-2023") {
            inv::catalogue_overlay(&base, &v);
        }
    }
});
