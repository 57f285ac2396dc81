//! The legacy 15-digit 工商注册号 (GS 15-2006): 6-digit area code, 8-digit sequence and a
//! check digit by ISO 7064 MOD 11,10. Replaced by the USCC since 2015: a valid number still
//! carries a warning.

use super::normalize::{normalize, Rules};
use super::{normalized_note, text_input, CheckResult, FieldOptions, Input};
use crate::report::{codes, Raw};
use serde::Serialize;

/// The check digit for the first 14 digits, or `None` if they are not 14 digits.
pub fn check_digit(first14: &str) -> Option<char> {
    if first14.len() != 14 {
        return None;
    }
    let mut p = 10;
    for c in first14.chars() {
        let d = c.to_digit(10)?;
        let mut t = (p + d) % 10;
        if t == 0 {
            t = 10;
        }
        p = (2 * t) % 11;
    }
    char::from_digit((11 - p) % 10, 10)
}

/// Decoded parts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RegNo15Info {
    /// The registering authority's 6-digit division code.
    pub division_code: String,
}

/// `checkRegNo15`.
pub fn check(input: &Input, opts: &FieldOptions) -> CheckResult<RegNo15Info> {
    let key = "regNo15";
    let original = match text_input(input, false) {
        Ok(Some(t)) => t,
        Ok(None) => return CheckResult::empty(key, opts),
        Err(raw) => return CheckResult::fail(key, opts, vec![raw]),
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
    if chars.len() != 15 {
        raws.push(Raw::error(codes::REGNO_LENGTH).with("length", chars.len()));
        return CheckResult::fail(key, opts, raws);
    }
    if let Some((i, c)) = chars.iter().enumerate().find(|(_, c)| !c.is_ascii_digit()) {
        raws.push(
            Raw::error(codes::REGNO_INVALID_CHAR)
                .with("position", i + 1)
                .with("char", c),
        );
        return CheckResult::fail(key, opts, raws);
    }
    raws.extend(normalized_note(&original, &code, &changes));
    // 15 ASCII digits from here on.
    let expected = code.get(..14).and_then(check_digit).unwrap_or('?');
    let actual = chars.last().copied().unwrap_or('?');
    if expected != actual {
        raws.push(
            Raw::error(codes::REGNO_CHECK_DIGIT)
                .with("expected", expected)
                .with("actual", actual),
        );
    }
    raws.push(Raw::warning(codes::REGNO_LEGACY));
    let info = RegNo15Info {
        division_code: code.get(..6).unwrap_or_default().to_string(),
    };
    CheckResult::build(key, opts, Some(code.clone()), raws, Some(info))
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn vectors() {
        assert_eq!(check_digit("11010800000001"), Some('6'));
        assert_eq!(check_digit("1101080000000"), None);
    }
}
