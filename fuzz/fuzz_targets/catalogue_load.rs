#![no_main]
//! Catalogue.fromJson: loads a sane catalogue (paths, children, levels) whose toJson loads again to the same, or an error with problems.
use libfuzzer_sys::fuzz_target;
use procurement_precheck_fuzz::{invariants as inv, *};

fuzz_target!(|data: &[u8]| {
    if let Some(v) = json(data) {
        inv::catalogue_load(&v);
    }
});
