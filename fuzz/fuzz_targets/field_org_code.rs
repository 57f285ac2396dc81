#![no_main]
//! checkOrgCode: sane findings, idempotent normalisation, noise (input: value NUL noise).
use libfuzzer_sys::fuzz_target;
use procurement_precheck_fuzz::{invariants as inv, *};

fuzz_target!(|data: &[u8]| {
    let (value, noise) = split_nul(data);
    inv::org_code(&value, noise);
});
