//! Money in 元 or 万元, exact (`rust_decimal`, never floating point): `1234.56`, `1,234.56`,
//! full-width digits, `¥`/`￥`/`RMB`/`人民币` prefixes, a `元`/`万元`/`万` suffix. At most two
//! decimals in 元; negative amounts only where allowed; at most 10^12 元. Also the comparison of
//! a 大写金额 with the figures.

use super::normalize::{half_width, is_space};
use super::uppercase::{self, ParseError};
use super::{text_input, CheckResult, FieldOptions, Input};
use crate::report::{codes, PrecheckError, Raw};
use rust_decimal::Decimal;
use serde::Serialize;
use std::str::FromStr;

/// The unit an amount is entered in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    #[default]
    Yuan,
    /// 万元 = 10,000 元.
    Wan,
}

/// The largest amount accepted: 10^12 元.
pub fn max_yuan() -> Decimal {
    Decimal::from(1_000_000_000_000_i64)
}

/// Options of `parseAmount`.
#[derive(Debug, Clone, Default)]
pub struct MoneyOptions {
    pub field: FieldOptions,
    /// The unit of a bare number (`opts.unit`, default 元). A unit written in the text wins.
    pub unit: Unit,
    /// Accept negative amounts (`opts.allowNegative`, default false).
    pub allow_negative: bool,
}

/// An amount read from text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Amount {
    /// The amount in 元, scale 2.
    pub yuan: Decimal,
    /// The unit it was entered in.
    pub unit: Unit,
}

impl Amount {
    /// The amount in 分, if it is not negative (`yuan` has scale 2: its mantissa is in 分).
    pub fn fen(&self) -> Option<u64> {
        u64::try_from(self.yuan.mantissa()).ok()
    }

    /// The amount in 元 with its two decimals (`-1234.50`): what `yuan.to_string()` writes for
    /// a scale-2 value, without rust_decimal's `Display` (issue 11: the fields-only module).
    /// (`parse_amount` makes amounts of at most 10^12 元; text is written for at most
    /// `u64::MAX` 分, 64-bit arithmetic being all the module then needs.)
    pub fn yuan_text(&self) -> String {
        yuan_text(self.fen_signed())
    }

    /// The amount in 分 (`-123450`): what `(yuan × 100).trunc().to_string()` writes.
    pub fn fen_text(&self) -> String {
        let (negative, abs) = self.fen_signed();
        let mut out = String::with_capacity(24);
        if negative {
            out.push('-');
        }
        crate::report::push_u64(&mut out, abs);
        out
    }

    /// Whether the amount is below zero, and its size in 分.
    fn fen_signed(&self) -> (bool, u64) {
        let fen = self.yuan.mantissa();
        (
            fen < 0,
            u64::try_from(fen.unsigned_abs()).unwrap_or(u64::MAX),
        )
    }
}

/// `-1234.50` for -123450 分.
fn yuan_text((negative, abs): (bool, u64)) -> String {
    let mut out = String::with_capacity(24);
    if negative {
        out.push('-');
    }
    crate::report::push_u64(&mut out, abs / 100);
    out.push('.');
    crate::report::push_u64(&mut out, abs / 10 % 10);
    crate::report::push_u64(&mut out, abs % 10);
    out
}

/// Read an amount. `value` is the text as entered (for messages).
pub fn parse_amount(text: &str, default_unit: Unit, allow_negative: bool) -> Result<Amount, Raw> {
    // The value as a finding shows it (made only for a finding).
    // Printable ASCII (most amounts: `1234.50`, `400,000`): no space to trim or drop, nothing
    // to fold to half width — the text is its own cleaned form, not copied.
    let plain = text.bytes().all(|b| b.is_ascii_graphic());
    let trimmed = if plain {
        text
    } else {
        text.trim_matches(is_space)
    };
    let shown = || trimmed.chars().take(60).collect::<String>();
    let invalid = || Raw::error(codes::MONEY_INVALID).with("value", shown());
    if matches!(trimmed, "NaN" | "Infinity" | "-Infinity") {
        return Err(Raw::error(codes::MONEY_NOT_FINITE));
    }
    let cleaned: std::borrow::Cow<str> = if plain {
        std::borrow::Cow::Borrowed(text)
    } else {
        text.chars()
            .map(|c| match c {
                '，' => ',',
                '。' => '.',
                '\u{2212}' => '-',
                '\u{FFE5}' => '¥',
                c => half_width(c),
            })
            .filter(|c| !is_space(*c))
            .collect::<String>()
            .into()
    };
    let mut s: &str = &cleaned;
    // Sign, then currency, then unit suffix.
    let mut negative = false;
    if let Some(rest) = s.strip_prefix('-') {
        negative = true;
        s = rest;
    } else if let Some(rest) = s.strip_prefix('+') {
        s = rest;
    }
    for prefix in ["¥", "RMB", "CNY", "人民币", "人民幣"] {
        if let Some(rest) = s.strip_prefix(prefix) {
            s = rest;
            break;
        }
    }
    if !negative {
        if let Some(rest) = s.strip_prefix('-') {
            negative = true;
            s = rest;
        }
    }
    let mut unit = default_unit;
    for (suffix, u) in [
        ("万元", Unit::Wan),
        ("萬元", Unit::Wan),
        ("万", Unit::Wan),
        ("萬", Unit::Wan),
        ("元", Unit::Yuan),
        ("圆", Unit::Yuan),
    ] {
        if let Some(rest) = s.strip_suffix(suffix) {
            s = rest;
            unit = u;
            break;
        }
    }
    let (int_part, frac_part) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    if int_part.is_empty() || frac_part.is_some_and(|f| f.is_empty()) {
        return Err(invalid());
    }
    if !int_part.bytes().all(|b| b.is_ascii_digit() || b == b',')
        || !frac_part.is_none_or(|f| f.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(invalid());
    }
    if int_part.bytes().any(|b| b == b',') {
        let mut groups = int_part.split(',');
        let first_ok = groups.next().is_some_and(|g| (1..=3).contains(&g.len()));
        if !first_ok || groups.any(|g| g.len() != 3) {
            return Err(Raw::error(codes::MONEY_GROUPING).with("value", shown()));
        }
    }
    // The digits without separators and leading zeros (ASCII digits: checked above).
    let significant = int_part
        .bytes()
        .filter(|b| *b != b',')
        .skip_while(|b| *b == b'0');
    let too_large = || Raw::error(codes::MONEY_TOO_LARGE).with("max", "1000000000000");
    if significant.clone().count() > 13 {
        return Err(too_large());
    }
    let frac = frac_part.unwrap_or("");
    let decimals_in_yuan = |f: &str| {
        let f = f.trim_end_matches('0');
        match unit {
            Unit::Yuan => f.len(),
            Unit::Wan => f.len().saturating_sub(4),
        }
    };
    if decimals_in_yuan(frac) > 2 {
        return Err(Raw::error(codes::MONEY_TOO_MANY_DECIMALS)
            .with("value", shown())
            .with("decimals", decimals_in_yuan(frac)));
    }
    let frac = frac.trim_end_matches('0');
    // The amount in 分, exact: at most 13 digits before the point and 6 after it (2 in 元),
    // so it fits an i128 many times over. `Decimal` of it at scale 2 is the value
    // `Decimal::from_str` of the digits gave, × 10 000 for 万, rescaled to 2 places (the same
    // mantissa and scale), without rust_decimal's parser, multiplication and rescaling.
    // 分 are 10^-2 元 and 10^-6 万.
    let places: usize = match unit {
        Unit::Yuan => 2,
        Unit::Wan => 6,
    };
    let zeros = places.checked_sub(frac.len()).ok_or_else(invalid)?;
    let mut fen: i128 = 0;
    for b in significant.chain(frac.bytes()) {
        fen = fen * 10 + i128::from(b.wrapping_sub(b'0'));
    }
    for _ in 0..zeros {
        fen *= 10;
    }
    if negative {
        fen = -fen;
    }
    if fen < 0 && !allow_negative {
        return Err(Raw::error(codes::MONEY_NEGATIVE));
    }
    if fen.unsigned_abs() > MAX_FEN {
        return Err(too_large());
    }
    let yuan = Decimal::try_from_i128_with_scale(fen, 2).map_err(|_| too_large())?;
    Ok(Amount { yuan, unit })
}

/// [`max_yuan`] in 分.
const MAX_FEN: u128 = 100_000_000_000_000;

/// Decoded parts of an amount.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AmountInfo {
    /// In 元, two decimals.
    pub yuan: String,
    /// In 分, an integer.
    pub fen: String,
    /// The unit as entered.
    pub unit: Unit,
    /// The canonical 大写金额 (absent for negative amounts and 10^12 元).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uppercase: Option<String>,
}

fn amount_text(input: &Input) -> Result<Option<String>, Raw> {
    text_input(input, true)
}

/// `parseAmount`.
pub fn check(input: &Input, opts: &MoneyOptions) -> CheckResult<AmountInfo> {
    let key = "amount";
    let fo = &opts.field;
    let text = match amount_text(input) {
        Ok(Some(t)) => t,
        Ok(None) => return CheckResult::empty(key, fo),
        Err(raw) => return CheckResult::fail(key, fo, vec![raw]),
    };
    match parse_amount(&text, opts.unit, opts.allow_negative) {
        Ok(a) => {
            let mut raws = Vec::new();
            if a.unit == Unit::Wan {
                let entered: String = text.trim().chars().take(60).collect();
                raws.push(
                    Raw::info(codes::MONEY_CONVERTED)
                        .with("value", entered.trim_end_matches(['万', '元', '萬']))
                        .with("yuan", a.yuan_text()),
                );
            }
            let yuan = a.yuan_text();
            let info = AmountInfo {
                yuan: yuan.clone(),
                fen: a.fen_text(),
                unit: a.unit,
                uppercase: a.fen().and_then(|f| uppercase::to_uppercase(f).ok()),
            };
            CheckResult::build(key, fo, Some(yuan), raws, Some(info))
        }
        Err(raw) => CheckResult::fail(key, fo, vec![raw]),
    }
}

/// `amountToUppercase`: the canonical 大写金额 of an amount, or a structured error.
pub fn to_uppercase(input: &Input, opts: &MoneyOptions) -> Result<String, PrecheckError> {
    let result = check(
        input,
        &MoneyOptions {
            allow_negative: false,
            ..opts.clone()
        },
    );
    let error = |code: &str, message: &str| PrecheckError {
        code: code.to_string(),
        path: opts.field.path.clone().unwrap_or_else(|| "amount".into()),
        message: message.to_string(),
        findings: vec![],
    };
    if let Some(f) = result
        .findings
        .iter()
        .find(|f| f.severity == crate::report::Severity::Error)
    {
        return Err(error(f.code, &f.message));
    }
    match result.info.and_then(|i| i.uppercase) {
        Some(u) => Ok(u),
        None => {
            let raw = Raw::error(codes::UPPER_TOO_LARGE);
            let r = CheckResult::<()>::fail("uppercaseAmount", &opts.field, vec![raw]);
            let message = r
                .findings
                .first()
                .map(|f| f.message.clone())
                .unwrap_or_default();
            Err(error(codes::UPPER_TOO_LARGE, &message))
        }
    }
}

/// Options of `checkUppercaseAmount`.
#[derive(Debug, Clone, Default)]
pub struct UppercaseOptions {
    /// For the uppercase field (default label 大写金额, path `uppercaseAmount`).
    pub field: FieldOptions,
    /// Unit of a bare figures value (`opts.unit`).
    pub unit: Unit,
    /// Path and label of the figures field (`opts.amountPath`, `opts.amountLabel`).
    pub amount_path: Option<String>,
    pub amount_label: Option<String>,
}

/// Decoded parts of a 大写金额 check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UppercaseInfo {
    /// The value the uppercase text spells, in 元.
    pub parsed: String,
    /// The figures, in 元 (absent if they could not be read).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<String>,
    /// The canonical spelling of the figures (or of the parsed value without figures).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub canonical: Option<String>,
    /// Whether the spelling is one the PBOC rules allow.
    pub standard: bool,
}

/// `12.34` for 1234 分 (what `Decimal` of it / 100, rescaled to 2 places, writes).
fn yuan_of_fen(fen: u64) -> String {
    yuan_text((false, fen))
}

fn parse_error_raw(e: ParseError) -> Raw {
    match e {
        ParseError::Empty => Raw::error(codes::FIELD_REQUIRED),
        ParseError::InvalidChar { ch, pos } => Raw::error(codes::UPPER_INVALID_CHAR)
            .with("char", ch)
            .with("position", pos + 1),
        ParseError::LowercaseNumeral { ch, pos, suggest } => {
            Raw::error(codes::UPPER_LOWERCASE_NUMERAL)
                .with("char", ch)
                .with("position", pos + 1)
                .with("suggest", suggest)
        }
        ParseError::Malformed { pos } => {
            Raw::error(codes::UPPER_MALFORMED).with("position", pos + 1)
        }
        ParseError::MissingYuan => Raw::error(codes::UPPER_MISSING_YUAN),
        ParseError::TooLarge => Raw::error(codes::UPPER_TOO_LARGE),
    }
}

/// `checkUppercaseAmount`: parse the 大写金额 and compare it with the figures by value.
pub fn check_uppercase(
    upper: &Input,
    figures: &Input,
    opts: &UppercaseOptions,
) -> CheckResult<UppercaseInfo> {
    let key = "uppercaseAmount";
    let fo = &opts.field;
    // The figures first: their findings carry their own path and label.
    let amount_opts = MoneyOptions {
        field: FieldOptions {
            locale: fo.locale,
            label: opts.amount_label.clone(),
            path: opts.amount_path.clone(),
            required: true,
        },
        unit: opts.unit,
        allow_negative: false,
    };
    let amount = check(figures, &amount_opts);
    // The figures in 分 (their `info.fen`, there exactly when their `value` is).
    let amount_fen = amount
        .info
        .as_ref()
        .and_then(|i| u64::from_str(&i.fen).ok());
    let amount_findings: Vec<_> = amount
        .findings
        .into_iter()
        .filter(|f| f.code != codes::MONEY_CONVERTED)
        .collect();
    let text = match text_input(upper, false) {
        Ok(Some(t)) => t,
        Ok(None) => {
            let mut r = CheckResult::empty(key, fo);
            r.findings.splice(0..0, amount_findings);
            r.ok = r.ok && amount.ok;
            return r;
        }
        Err(raw) => {
            let mut r = CheckResult::fail(key, fo, vec![raw]);
            r.findings.splice(0..0, amount_findings);
            return r;
        }
    };
    let mut raws = Vec::new();
    let parsed = match uppercase::parse_uppercase(&text) {
        Ok(p) => p,
        Err(e) => {
            let mut r = CheckResult::fail(key, fo, vec![parse_error_raw(e)]);
            r.findings.splice(0..0, amount_findings);
            return r;
        }
    };
    let canonical_fen = amount_fen.unwrap_or(parsed.fen);
    let canonical = uppercase::to_uppercase(canonical_fen).ok();
    let shown: String = text.trim().chars().take(60).collect();
    match amount_fen {
        Some(f) if f != parsed.fen => raws.push(
            Raw::error(codes::UPPER_MISMATCH)
                .with("uppercase", &shown)
                .with("parsed", yuan_of_fen(parsed.fen))
                .with("amount", yuan_of_fen(f))
                .with("canonical", canonical.clone().unwrap_or_default()),
        ),
        _ => {
            if parsed.missing_leading_one {
                raws.push(Raw::warning(codes::UPPER_MISSING_LEADING_ONE));
            } else if !parsed.standard {
                raws.push(
                    Raw::warning(codes::UPPER_NONSTANDARD)
                        .with("canonical", canonical.clone().unwrap_or_default()),
                );
            }
        }
    }
    let info = UppercaseInfo {
        parsed: yuan_of_fen(parsed.fen),
        amount: amount_fen.map(yuan_of_fen),
        canonical: canonical.clone(),
        standard: parsed.standard,
    };
    let value = if amount_fen.is_none_or(|f| f == parsed.fen) {
        uppercase::to_uppercase(parsed.fen).ok()
    } else {
        None
    };
    let mut r = CheckResult::build(key, fo, value, raws, Some(info));
    let figures_ok = amount.ok;
    r.findings.splice(0..0, amount_findings);
    r.ok = r.ok && figures_ok;
    r
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    /// `parse_amount` as it was written before issue 11 (rust_decimal's parser, × 10 000 for
    /// 万, rescale): the oracle of the exact path above.
    fn reference_parse_amount(
        text: &str,
        default_unit: Unit,
        allow_negative: bool,
    ) -> Result<Amount, Raw> {
        // The value as a finding shows it (made only for a finding).
        let trimmed = text.trim_matches(is_space);
        let shown = || trimmed.chars().take(60).collect::<String>();
        let invalid = || Raw::error(codes::MONEY_INVALID).with("value", shown());
        if matches!(trimmed, "NaN" | "Infinity" | "-Infinity") {
            return Err(Raw::error(codes::MONEY_NOT_FINITE));
        }
        let cleaned: String = text
            .chars()
            .map(|c| match c {
                '，' => ',',
                '。' => '.',
                '\u{2212}' => '-',
                '\u{FFE5}' => '¥',
                c => half_width(c),
            })
            .filter(|c| !is_space(*c))
            .collect();
        let mut s: &str = &cleaned;
        // Sign, then currency, then unit suffix.
        let mut negative = false;
        if let Some(rest) = s.strip_prefix('-') {
            negative = true;
            s = rest;
        } else if let Some(rest) = s.strip_prefix('+') {
            s = rest;
        }
        for prefix in ["¥", "RMB", "CNY", "人民币", "人民幣"] {
            if let Some(rest) = s.strip_prefix(prefix) {
                s = rest;
                break;
            }
        }
        if !negative {
            if let Some(rest) = s.strip_prefix('-') {
                negative = true;
                s = rest;
            }
        }
        let mut unit = default_unit;
        for (suffix, u) in [
            ("万元", Unit::Wan),
            ("萬元", Unit::Wan),
            ("万", Unit::Wan),
            ("萬", Unit::Wan),
            ("元", Unit::Yuan),
            ("圆", Unit::Yuan),
        ] {
            if let Some(rest) = s.strip_suffix(suffix) {
                s = rest;
                unit = u;
                break;
            }
        }
        let (int_part, frac_part) = match s.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (s, None),
        };
        if int_part.is_empty() || frac_part.is_some_and(|f| f.is_empty()) {
            return Err(invalid());
        }
        if !int_part.bytes().all(|b| b.is_ascii_digit() || b == b',')
            || !frac_part.is_none_or(|f| f.bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(invalid());
        }
        if int_part.contains(',') {
            let groups: Vec<&str> = int_part.split(',').collect();
            let first_ok = groups.first().is_some_and(|g| (1..=3).contains(&g.len()));
            if !first_ok || groups.iter().skip(1).any(|g| g.len() != 3) {
                return Err(Raw::error(codes::MONEY_GROUPING).with("value", shown()));
            }
        }
        let digits: String = int_part.chars().filter(|c| *c != ',').collect();
        let significant = digits.trim_start_matches('0');
        let too_large = || Raw::error(codes::MONEY_TOO_LARGE).with("max", "1000000000000");
        if significant.len() > 13 {
            return Err(too_large());
        }
        let frac = frac_part.unwrap_or("");
        let decimals_in_yuan = |f: &str| {
            let f = f.trim_end_matches('0');
            match unit {
                Unit::Yuan => f.len(),
                Unit::Wan => f.len().saturating_sub(4),
            }
        };
        if decimals_in_yuan(frac) > 2 {
            return Err(Raw::error(codes::MONEY_TOO_MANY_DECIMALS)
                .with("value", shown())
                .with("decimals", decimals_in_yuan(frac)));
        }
        let frac = frac.trim_end_matches('0');
        let whole = if significant.is_empty() {
            "0"
        } else {
            significant
        };
        let number = if frac.is_empty() {
            whole.to_string()
        } else {
            format!("{whole}.{frac}")
        };
        let mut yuan = Decimal::from_str(&number).map_err(|_| invalid())?;
        if unit == Unit::Wan {
            yuan = yuan
                .checked_mul(Decimal::from(10_000))
                .ok_or_else(too_large)?;
        }
        if negative {
            yuan = -yuan;
        }
        if yuan.is_sign_negative() && !yuan.is_zero() && !allow_negative {
            return Err(Raw::error(codes::MONEY_NEGATIVE));
        }
        if yuan.abs() > max_yuan() {
            return Err(too_large());
        }
        if yuan.is_zero() {
            yuan = Decimal::ZERO;
        }
        yuan.rescale(2);
        Ok(Amount { yuan, unit })
    }

    /// Texts around every edge the parser has: digits 0 to 14 before the point (13 is the
    /// limit), 0 to 7 after it, trailing zeros, leading zeros, grouping, signs, both units.
    fn texts() -> Vec<String> {
        let mut out = vec![];
        let ints = [
            "",
            "0",
            "00",
            "1",
            "9",
            "10",
            "999",
            "1,000",
            "1,0000",
            "12,345,678",
            "0001",
            "999999999999",
            "1000000000000",
            "1000000000001",
            "9999999999999",
            "10000000000000",
            "0000000000000000000001",
            "99999999999999999999999999999",
        ];
        let fracs = [
            None,
            Some(""),
            Some("0"),
            Some("00"),
            Some("5"),
            Some("50"),
            Some("05"),
            Some("99"),
            Some("001"),
            Some("010"),
            Some("100"),
            Some("1234"),
            Some("12340"),
            Some("123456"),
            Some("1234567"),
            Some("000000"),
            Some("0000001"),
        ];
        for int in ints {
            for frac in fracs {
                for sign in ["", "-", "+"] {
                    for suffix in ["", "元", "万", "万元", "萬"] {
                        let f = frac.map(|f| format!(".{f}")).unwrap_or_default();
                        out.push(format!("{sign}{int}{f}{suffix}"));
                    }
                }
            }
        }
        out.extend(["-0", "-0.00", "¥-1.5", "-¥0.01", "NaN", "1e5", "0.1万"].map(String::from));
        // Grouping and the cleaning the printable-ASCII path skips (issue 13).
        out.extend(
            [
                "400,000",
                "1,234,567.89",
                "0,001",
                "000,000,001",
                "1,00",
                ",100",
                "100,",
                "1,,000",
                " 12.5 ",
                "１２３.５",
                "1 000",
                "¥1,000",
                "CNY1,000.5",
                "人民币 1，000。5",
                "\u{2212}5",
                "5\u{200B}",
                "12345678901234",
                "0000000000000001",
            ]
            .map(String::from),
        );
        out
    }

    #[test]
    fn exact_path_gives_what_rust_decimal_gave() {
        let mut compared = 0;
        for text in texts() {
            for unit in [Unit::Yuan, Unit::Wan] {
                for allow_negative in [false, true] {
                    let new = parse_amount(&text, unit, allow_negative);
                    let old = reference_parse_amount(&text, unit, allow_negative);
                    match (&new, &old) {
                        (Ok(n), Ok(o)) => {
                            assert_eq!(n.unit, o.unit, "{text}");
                            assert_eq!(n.yuan.mantissa(), o.yuan.mantissa(), "{text}");
                            assert_eq!(n.yuan.scale(), o.yuan.scale(), "{text}");
                            assert_eq!(n.yuan.is_sign_negative(), o.yuan.is_sign_negative());
                            assert_eq!(n.yuan_text(), o.yuan.to_string(), "{text}");
                            let fen = (o.yuan * Decimal::from(100)).trunc().to_string();
                            assert_eq!(n.fen_text(), fen, "{text}");
                            assert_eq!(n.fen(), u64::from_str(&fen).ok(), "{text}");
                            compared += 1;
                        }
                        _ => assert_eq!(new, old, "{text} {unit:?} {allow_negative}"),
                    }
                }
            }
        }
        assert!(compared > 3000, "{compared} amounts");
        for fen in [
            0,
            1,
            9,
            10,
            99,
            100,
            101,
            123_456,
            99_999_999_999_999,
            u64::MAX,
        ] {
            let mut d = Decimal::from(fen) / Decimal::from(100);
            d.rescale(2);
            assert_eq!(yuan_of_fen(fen), d.to_string());
        }
    }
}
