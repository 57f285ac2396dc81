//! Phone numbers: mainland mobile numbers (11 digits, 1[3-9]…), optionally with +86 / 0086;
//! landlines with an area code (0 + 2–3 digits, 7–8 digit number, optional extension) where
//! the field allows them.

use super::normalize::{normalize, Rules};
use super::{normalized_note, text_input, CheckResult, FieldOptions, Input};
use crate::report::{codes, Raw};
use serde::Serialize;

/// Options of `checkMobile`.
#[derive(Debug, Clone, Default)]
pub struct MobileOptions {
    pub field: FieldOptions,
    /// Accept a landline with area code (`opts.allowLandline`; default false).
    pub allow_landline: bool,
}

/// Decoded parts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PhoneInfo {
    /// `mobile` or `landline`.
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub area_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extension: Option<String>,
}

fn is_mobile(d: &str) -> bool {
    d.len() == 11 && d.starts_with('1') && matches!(d.as_bytes().get(1), Some(b'3'..=b'9'))
}

/// A landline as written with separators: `010-12345678`, `(0755)1234567`, `0755 12345678-123`.
/// Returns the info and the number in the form `0755-12345678[-123]`.
fn landline(original: &str) -> Option<(PhoneInfo, String)> {
    let (s, _) = normalize(
        original,
        Rules {
            drop_spaces: false,
            drop_hyphens: false,
            upper_case: false,
        },
    );
    let s = s.replace(['(', ')'], " ");
    let (main, ext) = match s.split_once(['#', '转']) {
        Some((m, e)) => (m.to_string(), Some(e.trim().to_string())),
        None => (s.clone(), None),
    };
    let groups: Vec<&str> = main
        .split(|c: char| c == '-' || c.is_whitespace())
        .filter(|g| !g.is_empty())
        .collect();
    let (area, number, ext) = match groups.as_slice() {
        [a, n] => (*a, n.to_string(), ext),
        [a, n, e] if ext.is_none() => (*a, n.to_string(), Some(e.to_string())),
        [one] if one.starts_with('0') && (10..=12).contains(&one.len()) => {
            // Without a separator the area code length is ambiguous: 010/02x are 3 digits.
            let cut = if one.starts_with("01") || one.starts_with("02") {
                3
            } else {
                4
            };
            // Not a character boundary: not digits either, so not a landline (this was a
            // slice that panicked on "039资质", found by fuzzing).
            let (area, number) = one.split_at_checked(cut)?;
            (area, number.to_string(), ext)
        }
        _ => return None,
    };
    let digits = |x: &str| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit());
    // An area code is 0 and 2–3 digits, never 00…: that is the international prefix (0086 is
    // China's), and "0086-1381235-4678" would read as the mobile number 13812354678 when
    // checked again (found by fuzzing).
    let ok = digits(area)
        && area.starts_with('0')
        && !area.starts_with("00")
        && (3..=4).contains(&area.len())
        && digits(&number)
        && (7..=8).contains(&number.len())
        && !number.starts_with('0')
        && ext.as_deref().is_none_or(|e| digits(e) && e.len() <= 6);
    if !ok {
        return None;
    }
    let value = match &ext {
        Some(e) => format!("{area}-{number}-{e}"),
        None => format!("{area}-{number}"),
    };
    let info = PhoneInfo {
        kind: "landline",
        area_code: Some(area.to_string()),
        extension: ext,
    };
    Some((info, value))
}

/// `checkMobile`.
pub fn check(input: &Input, opts: &MobileOptions) -> CheckResult<PhoneInfo> {
    let key = "mobile";
    let fo = &opts.field;
    let original = match text_input(input, true) {
        Ok(Some(t)) => t,
        Ok(None) => return CheckResult::empty(key, fo),
        Err(raw) => return CheckResult::fail(key, fo, vec![raw]),
    };
    let (mut digits, changes) = normalize(
        &original,
        Rules {
            drop_spaces: true,
            drop_hyphens: true,
            upper_case: true,
        },
    );
    for prefix in ["+86", "0086"] {
        if let Some(rest) = digits.strip_prefix(prefix) {
            digits = rest.to_string();
        }
    }
    if is_mobile(&digits) && digits.bytes().all(|b| b.is_ascii_digit()) {
        let raws: Vec<Raw> = normalized_note(&original, &digits, &changes)
            .into_iter()
            .collect();
        let info = PhoneInfo {
            kind: "mobile",
            area_code: None,
            extension: None,
        };
        return CheckResult::build(key, fo, Some(digits), raws, Some(info));
    }
    let shown = original.trim().to_string();
    match landline(&original) {
        Some((info, value)) if opts.allow_landline => {
            CheckResult::build(key, fo, Some(value), vec![], Some(info))
        }
        Some(_) => CheckResult::fail(
            key,
            fo,
            vec![Raw::error(codes::MOBILE_LANDLINE_NOT_ALLOWED).with("value", shown)],
        ),
        None => CheckResult::fail(
            key,
            fo,
            vec![Raw::error(codes::MOBILE_INVALID).with("value", shown)],
        ),
    }
}
