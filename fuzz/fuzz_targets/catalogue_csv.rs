#![no_main]
//! Catalogue.fromCsv: a sane catalogue that round-trips, or problems with row paths.
use libfuzzer_sys::fuzz_target;
use procurement_precheck_fuzz::{invariants as inv, *};

fuzz_target!(|data: &[u8]| {
    inv::catalogue_csv(&text(data));
});
