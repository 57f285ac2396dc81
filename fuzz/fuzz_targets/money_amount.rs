#![no_main]
//! parseAmount (unit and allowNegative from the first byte): the value read again is itself, at most 10^12, two decimals; its 大写 parses back to the same fen and matches; parse(uppercase(x)) == x for the fen in the first 8 bytes.
use libfuzzer_sys::fuzz_target;
use procurement_precheck_fuzz::{invariants as inv, *};

fuzz_target!(|data: &[u8]| {
    let (flags, value) = flags_and_text(data);
    inv::amount(&value, flags);
    if let Some(b) = data.get(..8) {
        let mut fen = [0u8; 8];
        fen.copy_from_slice(b);
        inv::uppercase_roundtrip(u64::from_le_bytes(fen));
    }
});
