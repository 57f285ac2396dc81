//! 组织机构代码 (GB 11714-1997): 8 body characters (digits, capital letters) and a check
//! character; weights 3 7 9 10 5 8 4 2, c = 11 − (Σ mod 11), 10 → X, 11 → 0. Printed
//! `XXXXXXXX-C`. Positions 9–17 of a USCC carry the same code.

use super::normalize::{normalize, Rules};
use super::{normalized_note, text_input, CheckResult, FieldOptions, Input};
use crate::report::{codes, Raw};
use serde::Serialize;

const WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];

/// The value of a body character (0–9, A=10 … Z=35), if it is one.
fn value(c: char) -> Option<u32> {
    match c {
        '0'..='9' | 'A'..='Z' => c.to_digit(36),
        _ => None,
    }
}

/// The check character of an 8-character body, or `None` if a character is not allowed.
pub fn check_char(body: &str) -> Option<char> {
    let mut sum = 0;
    let mut n = 0;
    for (c, w) in body.chars().zip(WEIGHTS) {
        sum += value(c)? * w;
        n += 1;
    }
    if n != 8 || body.chars().count() != 8 {
        return None;
    }
    Some(match 11 - sum % 11 {
        10 => 'X',
        11 => '0',
        d => char::from_digit(d, 10)?,
    })
}

/// True when a 9-character code (no hyphen) is a valid GB 11714 code.
pub fn is_valid(code: &str) -> bool {
    let mut chars: Vec<char> = code.chars().collect();
    match chars.pop() {
        Some(last) if chars.len() == 8 => {
            check_char(&chars.into_iter().collect::<String>()) == Some(last)
        }
        _ => false,
    }
}

/// Decoded parts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OrgCodeInfo {
    /// The 8-character body.
    pub body: String,
    #[serde(rename = "checkChar")]
    pub check_char: String,
}

/// `checkOrgCode`.
pub fn check(input: &Input, opts: &FieldOptions) -> CheckResult<OrgCodeInfo> {
    let key = "orgCode";
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
    // The printed hyphen is the normal form, not a change worth reporting.
    let changes: Vec<_> = changes
        .into_iter()
        .filter(|c| *c != super::normalize::Change::Hyphens)
        .collect();
    let printed = |c: &str| {
        let (body, check) = c
            .split_at_checked(c.len().saturating_sub(1))
            .unwrap_or((c, ""));
        format!("{body}-{check}")
    };
    let mut raws: Vec<Raw> = Vec::new();
    let chars: Vec<char> = code.chars().collect();
    if chars.len() != 9 {
        raws.push(Raw::error(codes::ORG_LENGTH).with("length", chars.len()));
        return CheckResult::fail(key, opts, raws);
    }
    for (i, c) in chars.iter().enumerate() {
        let ok = if i < 8 {
            value(*c).is_some()
        } else {
            c.is_ascii_digit() || *c == 'X'
        };
        if !ok {
            raws.push(
                Raw::error(codes::ORG_INVALID_CHAR)
                    .with("position", i + 1)
                    .with("char", c),
            );
            return CheckResult::fail(key, opts, raws);
        }
    }
    let value = printed(&code);
    raws.extend(normalized_note(&original, &value, &changes));
    let Some((&actual, body)) = chars.split_last() else {
        return CheckResult::fail(key, opts, raws);
    };
    let body: String = body.iter().collect();
    match check_char(&body) {
        Some(expected) if expected == actual => {}
        Some(expected) => raws.push(
            Raw::error(codes::ORG_CHECK_CHAR)
                .with("expected", expected)
                .with("actual", actual),
        ),
        None => {}
    }
    let info = OrgCodeInfo {
        body,
        check_char: actual.to_string(),
    };
    CheckResult::build(key, opts, Some(value), raws, Some(info))
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn worked_examples() {
        assert_eq!(check_char("60003734"), Some('1'));
        assert_eq!(check_char("55323005"), Some('X'));
        assert_eq!(check_char("MA1MRHG2"), Some('0'));
        assert_eq!(check_char("6000373"), None);
        assert_eq!(check_char("6000373a"), None);
        assert!(is_valid("600037341"));
        assert!(!is_valid("600037342"));
    }
}
