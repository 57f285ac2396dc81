#![no_main]
//! checkUscc: sane findings, idempotent normalisation, a passing code survives full-width/space/hyphen/case noise (input: value NUL noise).
use libfuzzer_sys::fuzz_target;
use procurement_precheck_fuzz::{invariants as inv, *};

fuzz_target!(|data: &[u8]| {
    let (value, noise) = split_nul(data);
    inv::uscc(&value, noise);
});
