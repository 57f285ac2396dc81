#![no_main]
//! checkPackage (GPL-IR Art. 18 across the bids of one package): one sane report per application, every conflict on both reports as an error of other_conditions, a report without a conflict = its checkSupplier report, deterministic. A JSON array is the package; any other JSON value is bid twice (the same supplier against itself).
use libfuzzer_sys::fuzz_target;
use procurement_precheck::value::Value;
use procurement_precheck_fuzz::{invariants as inv, *};

fuzz_target!(|data: &[u8]| {
    if let Some(v) = json(data) {
        let as_of = inv::obj(&[("asOf", inv::s("2026-03-15"))]);
        let apps = match v {
            Value::Array(_) => v,
            other => Value::Array(vec![other.clone(), other]),
        };
        let _ = inv::package(&apps, Some(&as_of));
    }
});
