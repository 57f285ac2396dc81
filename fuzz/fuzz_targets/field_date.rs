#![no_main]
//! parseDate: sane findings, the value is the date of the info, idempotent.
use libfuzzer_sys::fuzz_target;
use procurement_precheck_fuzz::{invariants as inv, *};

fuzz_target!(|data: &[u8]| {
    inv::date(&text(data));
});
