#![no_main]
//! screenPurchase on the embedded catalogues: sane findings, ok = no error.
use libfuzzer_sys::fuzz_target;
use procurement_precheck_fuzz::{invariants as inv, *};

fuzz_target!(|data: &[u8]| {
    if let Some(v) = json(data) {
        for c in inv::builtins().iter().take(2) {
            inv::screen(c, &v);
        }
    }
});
