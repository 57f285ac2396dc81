//! 居民身份证号码 (GB 11643-1999): 6-digit address code, birth date YYYYMMDD, 3-digit
//! sequence (odd = male), check character ISO 7064 MOD 11-2. The 15-digit legacy form
//! (YYMMDD, no check) is converted with a warning.

use super::date::Date;
use super::divisions::{province, Use};
use super::normalize::{normalize, Rules};
use super::{normalized_note, text_input, CheckResult, FieldOptions, Input, RawCheck};
use crate::report::{codes, Raw};
use serde::Serialize;

const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK: &[u8; 11] = b"10X98765432";

/// The check character of the first 17 digits, or `None` if they are not 17 digits.
pub fn check_char(first17: &str) -> Option<char> {
    if first17.len() != 17 {
        return None;
    }
    let mut sum = 0;
    for (c, w) in first17.chars().zip(WEIGHTS) {
        sum += c.to_digit(10)? * w;
    }
    CHECK.get((sum % 11) as usize).map(|b| *b as char)
}

/// True when `s` (already normalised) is a structurally valid 18-character ID number:
/// province, real birth date, check character. Used to tell applicants who typed their ID
/// number into a USCC field.
pub fn looks_valid(s: &str) -> bool {
    let (Some(first17), Some(prov), Some(birth)) = (s.get(..17), s.get(..2), s.get(6..14)) else {
        return false;
    };
    s.len() == 18
        && check_char(first17).is_some_and(|c| s.ends_with(c))
        && province(prov, Use::IdNumber, Default::default()).is_some()
        && birth_date(birth).is_some()
}

fn birth_date(yyyymmdd: &str) -> Option<Date> {
    let y = yyyymmdd.get(0..4)?.parse().ok()?;
    let m = yyyymmdd.get(4..6)?.parse().ok()?;
    let d = yyyymmdd.get(6..8)?.parse().ok()?;
    Date::new(y, m, d)
}

/// Options of `checkIdNumber`.
#[derive(Debug, Clone, Default)]
pub struct IdOptions {
    pub field: FieldOptions,
    /// The date the birth date may not be after, and the age is counted on (`opts.today`;
    /// default: today).
    pub today: Option<Date>,
}

/// Decoded parts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IdNumberInfo {
    pub birth_date: Date,
    pub sex: &'static str,
    /// Age in whole years on `today`.
    pub age: i32,
    /// The 6-digit address code.
    pub division_code: String,
    pub province_code: String,
    pub province: String,
}

/// Whole years from `birth` to `on` (birthdays on 29 February count on 28 February in common years).
pub fn age_on(birth: Date, on: Date) -> i32 {
    let mut age = on.year().saturating_sub(birth.year());
    if on < birth.add_years(age) {
        age = age.saturating_sub(1);
    }
    age
}

/// `checkIdNumber`.
pub fn check(input: &Input, opts: &IdOptions, today: Date) -> CheckResult<IdNumberInfo> {
    check_raw(input, opts, today).render("idNumber", &opts.field)
}

/// [`check`] with its findings raw (for the qualification check, which renders them itself).
pub(crate) fn check_raw(input: &Input, opts: &IdOptions, today: Date) -> RawCheck<IdNumberInfo> {
    let fo = &opts.field;
    let today = opts.today.unwrap_or(today);
    let original = match text_input(input, false) {
        Ok(Some(t)) => t,
        Ok(None) => return RawCheck::empty(fo),
        Err(raw) => return RawCheck::fail(vec![raw]),
    };
    let (mut id, changes) = normalize(
        &original,
        Rules {
            drop_spaces: true,
            drop_hyphens: true,
            upper_case: true,
        },
    );
    let mut raws: Vec<Raw> = Vec::new();
    let chars: Vec<char> = id.chars().collect();
    if chars.len() != 18 && chars.len() != 15 {
        raws.push(Raw::error(codes::ID_LENGTH).with("length", chars.len()));
        return RawCheck::fail(raws);
    }
    let last = chars.len() - 1;
    for (i, c) in chars.iter().enumerate() {
        let ok = c.is_ascii_digit() || (*c == 'X' && i == last && chars.len() == 18);
        if !ok {
            raws.push(
                Raw::error(codes::ID_INVALID_CHAR)
                    .with("position", i + 1)
                    .with("char", c),
            );
            return RawCheck::fail(raws);
        }
    }
    raws.extend(normalized_note(&original, &id, &changes));
    if chars.len() == 15 {
        // Legacy: insert the century, compute the check character.
        let (area, rest) = id.split_at_checked(6).unwrap_or_default();
        let body = format!("{area}19{rest}");
        let check = check_char(&body).unwrap_or('0');
        let converted = format!("{body}{check}");
        raws.push(Raw::warning(codes::ID_LEGACY_15).with("converted", &converted));
        id = converted;
    }
    // 18 ASCII characters from here on; `part` cannot miss, and gives "" if it did.
    let part = |r: std::ops::Range<usize>| id.get(r).unwrap_or_default();
    let province_code = part(0..2);
    let prov = province(province_code, Use::IdNumber, fo.locale);
    if prov.is_none() {
        raws.push(Raw::error(codes::ID_PROVINCE).with("province", province_code));
    }
    let birth = birth_date(part(6..14));
    let birth_text = format!("{}-{}-{}", part(6..10), part(10..12), part(12..14));
    match birth {
        None => raws.push(Raw::error(codes::ID_BIRTH_DATE).with("birthDate", &birth_text)),
        Some(b) if b > today => raws.push(
            Raw::error(codes::ID_BIRTH_IN_FUTURE)
                .with("birthDate", b)
                .with("today", today),
        ),
        _ => {}
    }
    if let Some(expected) = check_char(part(0..17)) {
        let actual = part(17..18).chars().next().unwrap_or(' ');
        if expected != actual {
            raws.push(
                Raw::error(codes::ID_CHECK_CHAR)
                    .with("expected", expected)
                    .with("actual", actual),
            );
        }
    }
    let info = match (birth, prov) {
        (Some(b), Some(p)) => {
            let seq = part(14..17).parse::<u32>().unwrap_or(0);
            Some(IdNumberInfo {
                birth_date: b,
                sex: if seq % 2 == 1 { "male" } else { "female" },
                age: age_on(b, today),
                division_code: part(0..6).to_string(),
                province_code: province_code.to_string(),
                province: p.to_string(),
            })
        }
        _ => None,
    };
    let result = RawCheck {
        value: Some(id.to_string()),
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

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn worked_example() {
        assert_eq!(check_char("11010519491231002"), Some('X'));
        assert!(looks_valid("11010519491231002X"));
        assert!(!looks_valid("11010519491231002Y"));
    }
    #[test]
    fn age_counts_birthdays() {
        let b = Date::new(2008, 2, 29).unwrap();
        assert_eq!(age_on(b, Date::new(2026, 2, 27).unwrap()), 17);
        assert_eq!(age_on(b, Date::new(2026, 2, 28).unwrap()), 18);
        assert_eq!(age_on(b, Date::new(2028, 2, 28).unwrap()), 19);
        assert_eq!(age_on(b, Date::new(2028, 2, 29).unwrap()), 20);
    }
}
