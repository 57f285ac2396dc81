//! Province-level division prefixes (GB/T 2260), from `data/provinces.tsv`.

use crate::report::Locale;
use crate::tables;

/// Where a prefix may stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Use {
    /// First two digits of a resident ID number.
    IdNumber,
    /// Positions 3–4 of a USCC.
    Uscc,
}

/// The province name of a two-digit prefix valid for `usage`, in `locale`.
pub fn province(prefix: &str, usage: Use, locale: Locale) -> Option<&'static str> {
    let table = tables::provinces();
    let [cn, tw, en, uses] = table.get(prefix)? else {
        return None;
    };
    let tag = match usage {
        Use::IdNumber => "id",
        Use::Uscc => "uscc",
    };
    if !uses.split(',').any(|u| u == tag) {
        return None;
    }
    table.resolve(prefix, locale.pick([cn, tw, en]))
}
