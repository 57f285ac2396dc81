//! 统一社会信用代码 (USCC, GB 32100-2015).
//!
//! 18 characters from `0-9 A-H J-N P-R T U W-Y`: registration authority (1), entity type (2),
//! the registering authority's division code (3–8), a GB 11714 organisation code (9–17) and a
//! check character (18): weights 3^(i−1) mod 31, check = (31 − Σ mod 31) mod 31 — the outer
//! mod gives '0' when the sum is a multiple of 31.
//!
//! ```
//! use procurement_precheck::fields::uscc;
//! assert_eq!(uscc::check_char("91110000600037341"), Some('L'));
//! let r = uscc::check(&"91110000600037341L".into(), &Default::default());
//! assert!(r.ok);
//! assert_eq!(r.info.unwrap().summary, "市场监管 · 企业 · 北京市");
//! ```

use super::divisions::{province, Use};
use super::normalize::{normalize, Rules};
use super::{
    normalized_note, org_code, resident_id, text_input, CheckResult, FieldOptions, Input, RawCheck,
};
use crate::report::{codes, Locale, Raw};
use crate::tables;
use serde::Serialize;

/// The GB 32100 alphabet; a character's value is its index.
pub const ALPHABET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/// A character's value in the alphabet (ASCII lookup, no search).
fn value(c: char) -> Option<u32> {
    // Evaluated by the compiler only (a `const`): an index out of bounds would fail the build.
    #[allow(clippy::indexing_slicing)]
    const fn build() -> [u8; 128] {
        let mut t = [255u8; 128];
        let a = ALPHABET.as_bytes();
        let mut i = 0;
        while i < a.len() {
            t[a[i] as usize] = i as u8;
            i += 1;
        }
        t
    }
    const VALUES: [u8; 128] = build();
    match VALUES.get(c as usize) {
        Some(&v) if v != 255 => Some(u32::from(v)),
        _ => None,
    }
}

/// The check character for the first 17 characters, or `None` if they are not 17 valid ones.
pub fn check_char(first17: &str) -> Option<char> {
    if first17.len() != 17 {
        return None;
    }
    let mut sum = 0;
    let mut weight = 1;
    for c in first17.chars() {
        sum += value(c)? * weight;
        weight = weight * 3 % 31;
    }
    ALPHABET
        .as_bytes()
        .get(((31 - sum % 31) % 31) as usize)
        .map(|b| char::from(*b))
}

/// A row of the authority/type table: (entity kind, its name in `locale`).
fn type_row(code: &str, locale: Locale) -> Option<(&'static str, &'static str)> {
    let table = tables::uscc_types();
    match table.get(code)? {
        [kind, cn, tw, en] => Some((*kind, table.resolve(code, locale.pick([cn, tw, en]))?)),
        _ => None,
    }
}

/// Options of `checkUscc`.
#[derive(Debug, Clone, Default)]
pub struct UsccOptions {
    pub field: FieldOptions,
    /// Real pilot-era codes that fail the check character (`opts.usccPilotAllowlist`): for
    /// these a wrong check character is a warning.
    pub pilot_allowlist: Vec<String>,
}

/// Decoded parts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UsccInfo {
    /// Position 1.
    pub authority_code: String,
    pub authority: &'static str,
    /// Position 2.
    pub type_code: String,
    #[serde(rename = "type")]
    pub type_name: &'static str,
    /// The entity kind this type maps to (`enterprise`, `individual_business`, …).
    pub entity_kind: &'static str,
    /// Positions 3–8: the registering authority's division code.
    pub division_code: String,
    /// The province (or 全国) of that division.
    pub province: &'static str,
    /// Positions 9–17 as an organisation code, `XXXXXXXX-C`.
    pub org_code: String,
    /// "authority · type · province", for display.
    pub summary: String,
}

/// `checkUscc`.
pub fn check(input: &Input, opts: &UsccOptions) -> CheckResult<UsccInfo> {
    check_raw(input, opts).render("uscc", &opts.field)
}

/// [`check`] with its findings raw (for the qualification check, which renders them itself).
pub(crate) fn check_raw(input: &Input, opts: &UsccOptions) -> RawCheck<UsccInfo> {
    let fo = &opts.field;
    let original = match text_input(input, false) {
        Ok(Some(t)) => t,
        Ok(None) => return RawCheck::empty(fo),
        Err(raw) => return RawCheck::fail(vec![raw]),
    };
    let (code, changes) = normalize(
        &original,
        Rules {
            drop_spaces: true,
            drop_hyphens: true,
            upper_case: true,
        },
    );
    let mut raws: Vec<Raw> = Vec::new();
    let chars: Vec<char> = code.chars().collect();
    if chars.len() != 18 {
        raws.push(Raw::error(codes::USCC_LENGTH).with("length", chars.len()));
        return RawCheck::fail(raws);
    }
    if let Some((i, c)) = chars.iter().enumerate().find(|(_, c)| value(**c).is_none()) {
        raws.push(
            Raw::error(codes::USCC_INVALID_CHAR)
                .with("position", i + 1)
                .with("char", c),
        );
        return RawCheck::fail(raws);
    }
    raws.extend(normalized_note(&original, &code, &changes));
    // 18 characters of the alphabet (ASCII) from here on: `part` cannot miss (and gives ""
    // if it did).
    let part = |r: std::ops::Range<usize>| code.get(r).unwrap_or_default();
    let value_out = Some(code.clone());
    let structural_from = raws.len();
    let pair = part(0..2);
    let row = type_row(pair, fo.locale);
    if row.is_none() {
        raws.push(Raw::error(codes::USCC_AUTHORITY_TYPE).with("pair", pair));
    }
    let division = part(2..8);
    let prov = if division.bytes().all(|b| b.is_ascii_digit()) {
        province(part(2..4), Use::Uscc, fo.locale)
    } else {
        None
    };
    if prov.is_none() {
        raws.push(Raw::error(codes::USCC_DIVISION).with("division", division));
    }
    let org = part(8..17);
    // `format!("{}-{}", …)` without the formatter.
    let concat = |parts: &[&str]| {
        let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
        parts.iter().for_each(|p| out.push_str(p));
        out
    };
    let org_printed = concat(&[part(8..16), "-", part(16..17)]);
    if !org_code::is_valid(org) {
        let expected = org_code::check_char(part(8..16)).map(String::from);
        raws.push(
            Raw::error(codes::USCC_ORG_CODE)
                .with("orgCode", &org_printed)
                .with("expected", expected.unwrap_or_else(|| "?".into())),
        );
    }
    // An ID number can pass the check character; the structure gives it away.
    if raws.len() > structural_from && resident_id::looks_valid(&code) {
        raws.truncate(structural_from);
        raws.push(Raw::error(codes::USCC_LOOKS_LIKE_ID_NUMBER).with("value", &code));
        return RawCheck {
            value: value_out,
            raws,
            info: None,
        };
    }
    let expected = check_char(part(0..17)).unwrap_or('?');
    let actual = chars.last().copied().unwrap_or('?');
    if expected != actual {
        if opts.pilot_allowlist.iter().any(|a| {
            normalize(
                a,
                Rules {
                    drop_spaces: true,
                    drop_hyphens: true,
                    upper_case: true,
                },
            )
            .0 == code
        }) {
            raws.push(
                Raw::warning(codes::USCC_PILOT_ALLOWLISTED)
                    .with("expected", expected)
                    .with("actual", actual),
            );
        } else {
            raws.push(
                Raw::error(codes::USCC_CHECK_CHAR)
                    .with("expected", expected)
                    .with("actual", actual),
            );
        }
    }
    let info = match (row, type_row(part(0..1), fo.locale), prov) {
        (Some((kind, type_name)), Some((_, authority)), Some(p)) => Some(UsccInfo {
            authority_code: part(0..1).to_string(),
            authority,
            type_code: part(1..2).to_string(),
            type_name,
            entity_kind: kind,
            division_code: division.to_string(),
            province: p,
            org_code: org_printed,
            summary: concat(&[authority, " · ", type_name, " · ", p]),
        }),
        _ => None,
    };
    let result = RawCheck {
        value: value_out,
        raws,
        info,
    };
    if result.ok() {
        result
    } else {
        RawCheck {
            info: None,
            ..result
        }
    }
}

/// What [`passes_as_is`] looks up, as bit sets over the alphabet's values, built once from the
/// same tables the full check reads.
struct Known {
    /// Bit `a`: a known authority (position 1).
    authorities: u32,
    /// `pairs[a]` bit `t`: a known authority/type pair (positions 1–2).
    pairs: [u32; 31],
    /// Bit `p`: provinces (two-digit prefixes) that issue USCCs.
    provinces: u128,
}

fn known() -> &'static Known {
    static KNOWN: std::sync::OnceLock<Known> = std::sync::OnceLock::new();
    KNOWN.get_or_init(|| {
        let mut k = Known {
            authorities: 0,
            pairs: [0; 31],
            provinces: 0,
        };
        for key in tables::uscc_types().keys() {
            let v: Vec<u32> = key.chars().filter_map(value).collect();
            match (v.as_slice(), key.chars().count()) {
                ([a], 1) => k.authorities |= 1 << a,
                ([a, t], 2) => {
                    if let Some(p) = k.pairs.get_mut(*a as usize) {
                        *p |= 1 << t;
                    }
                }
                _ => {}
            }
        }
        for key in tables::provinces().keys() {
            if let Ok(n) = key.parse::<u32>() {
                if key.len() == 2 && province(key, Use::Uscc, crate::report::Locale::ZhCn).is_some()
                {
                    k.provinces |= 1 << n;
                }
            }
        }
        k
    })
}

/// Whether [`check`] passes `code` exactly as it stands, with no finding at all, under options
/// that change nothing but the locale: 18 characters of the alphabet in upper case (nothing for
/// normalisation to change), a known authority/type pair, a division of a province that issues
/// USCCs, a valid organisation code and the right check character. Allocates nothing and looks
/// up bit sets; the package's `checkUscc` asks this first and runs the full check only when it
/// says no (or to learn the labels of a prefix it has not seen). `tests/uscc_fast.rs` and the
/// `field_uscc` fuzz target hold it to the full check.
pub fn passes_as_is(code: &str) -> bool {
    let b = code.as_bytes();
    if b.len() != 18 {
        return false;
    }
    let mut v = [0u32; 18];
    for (slot, &c) in v.iter_mut().zip(b) {
        match value(char::from(c)) {
            Some(x) if c.is_ascii_uppercase() || c.is_ascii_digit() => *slot = x,
            _ => return false,
        }
    }
    let (sum, _) = v
        .iter()
        .take(17)
        .fold((0, 1), |(sum, w), &x| (sum + x * w, w * 3 % 31));
    let [a, t, p1, p2, ..] = v;
    let k = known();
    // ASCII from here on: every slice is on a character boundary.
    let part = |r: std::ops::Range<usize>| code.get(r).unwrap_or_default();
    v.last() == Some(&((31 - sum % 31) % 31))
        && k.authorities >> a & 1 == 1
        && k.pairs.get(a as usize).is_some_and(|p| p >> t & 1 == 1)
        && part(2..8).bytes().all(|c| c.is_ascii_digit())
        && k.provinces >> (p1 * 10 + p2) & 1 == 1
        && org_code::check_char(part(8..16)) == part(16..17).chars().next()
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn worked_example() {
        assert_eq!(check_char("91110000600037341"), Some('L'));
    }
    #[test]
    fn alphabet_has_31_chars_without_iosvz() {
        assert_eq!(ALPHABET.len(), 31);
        for c in ['I', 'O', 'S', 'V', 'Z'] {
            assert!(!ALPHABET.contains(c));
        }
    }
}
