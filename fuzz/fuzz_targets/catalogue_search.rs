#![no_main]
//! cat.search (limit: first byte, catalogue: second byte): at most the limit, every hit is the item with its path, deterministic, ranking stable when the limit grows.
use libfuzzer_sys::fuzz_target;
use procurement_precheck_fuzz::{invariants as inv, *};

fuzz_target!(|data: &[u8]| {
    let (limit, which, query) = match data {
        [l, w, rest @ ..] => (usize::from(*l), usize::from(*w), text(rest)),
        _ => return,
    };
    let cats = inv::builtins();
    if let Some(c) = cats.get(which % cats.len().max(1)) {
        inv::search(c, &query, limit);
    }
});
