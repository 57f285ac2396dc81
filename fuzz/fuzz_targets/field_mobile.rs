#![no_main]
//! checkMobile (with and without landlines): sane findings, idempotent normalisation, a mobile number survives noise (input: flags, value NUL noise).
use libfuzzer_sys::fuzz_target;
use procurement_precheck_fuzz::{invariants as inv, *};

fuzz_target!(|data: &[u8]| {
    let (flags, rest) = data.split_first().map_or((0, &[][..]), |(f, r)| (*f, r));
    let (value, noise) = split_nul(rest);
    inv::mobile(&value, flags & 1 == 1, noise);
});
