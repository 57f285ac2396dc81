#![no_main]
//! checkIdNumber: sane findings, idempotent normalisation (also 15 → 18 digits), noise, no birth after today (input: value NUL noise).
use libfuzzer_sys::fuzz_target;
use procurement_precheck_fuzz::{invariants as inv, *};

fuzz_target!(|data: &[u8]| {
    let (value, noise) = split_nul(data);
    inv::id_number(&value, noise);
});
