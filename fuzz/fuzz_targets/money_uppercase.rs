#![no_main]
//! parseUppercase / checkUppercaseAmount (input: uppercase NUL figures): a parsed amount respells canonically and reads back; no mismatch against its own figures; the value rechecked is standard.
use libfuzzer_sys::fuzz_target;
use procurement_precheck_fuzz::{invariants as inv, *};

fuzz_target!(|data: &[u8]| {
    let (upper, figures) = split_nul(data);
    inv::uppercase_text(&upper, &text(figures));
});
