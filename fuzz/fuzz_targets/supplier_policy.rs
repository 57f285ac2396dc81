#![no_main]
//! checkSupplier with opts.policy from the input: a report that echoes a policy within bounds, or an error naming opts.policy.
use libfuzzer_sys::fuzz_target;
use procurement_precheck_fuzz::{invariants as inv, *};

fuzz_target!(|data: &[u8]| {
    if let Some(policy) = json(data) {
        inv::policy(&policy);
    }
});
