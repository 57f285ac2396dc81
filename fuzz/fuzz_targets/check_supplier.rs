#![no_main]
//! checkSupplier (with and without an item code): verdict consistent with the groups, every finding addressed, the flat list = the groups then the rest, members no worse than the consortium, deterministic.
use libfuzzer_sys::fuzz_target;
use procurement_precheck_fuzz::{invariants as inv, *};

fuzz_target!(|data: &[u8]| {
    if let Some(app) = json(data) {
        let as_of = inv::obj(&[("asOf", inv::s("2026-03-15"))]);
        inv::supplier(&app, Some(&as_of));
        let item = inv::obj(&[
            ("asOf", inv::s("2026-03-15")),
            ("itemCode", inv::s("011301")),
        ]);
        inv::supplier(&app, Some(&item));
    }
});
