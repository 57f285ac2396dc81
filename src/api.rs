//! The entry points as the JS package and the CLI call them: loosely typed input in
//! ([`Value`]), typed results out. Both front ends go through here, so a verdict is the same
//! natively, in Node and in the browser.

use crate::fields::date::{self, Date, DateInfo};
use crate::fields::mobile::{self, MobileOptions, PhoneInfo};
use crate::fields::money::{self, AmountInfo, MoneyOptions, Unit, UppercaseInfo, UppercaseOptions};
use crate::fields::org_code::{self, OrgCodeInfo};
use crate::fields::regno15::{self, RegNoInfo};
use crate::fields::resident_id::{self, IdInfo, IdOptions};
use crate::fields::uscc::{self, UsccInfo, UsccOptions};
use crate::fields::{CheckResult, Input};
use crate::options::Reader;
use crate::report::PrecheckError;
use crate::value::Value;

/// Result of a field check entry point.
pub type Checked<I> = Result<CheckResult<I>, PrecheckError>;

fn reader(opts: Option<&Value>) -> Result<Reader<'_>, PrecheckError> {
    Reader::new(opts, "opts")
}

fn unit(r: &Reader) -> Result<Unit, PrecheckError> {
    Ok(match r.choice("unit", &["yuan", "wan"])?.as_deref() {
        Some("wan") => Unit::Wan,
        _ => Unit::Yuan,
    })
}

/// `checkUscc(value, { locale, label, path, required, usccPilotAllowlist })`.
pub fn check_uscc(value: &Value, opts: Option<&Value>) -> Checked<UsccInfo> {
    let r = reader(opts)?;
    let o = UsccOptions {
        field: r.field_options()?,
        pilot_allowlist: r.strings("usccPilotAllowlist")?,
    };
    Ok(uscc::check(&Input::from(value), &o))
}

/// `checkIdNumber(value, { …, today })`; `today` defaults to the caller's date.
pub fn check_id_number(value: &Value, opts: Option<&Value>, today: Date) -> Checked<IdInfo> {
    let r = reader(opts)?;
    let o = IdOptions {
        field: r.field_options()?,
        today: r.date("today")?,
    };
    Ok(resident_id::check(&Input::from(value), &o, today))
}

/// `checkOrgCode(value, opts)`.
pub fn check_org_code(value: &Value, opts: Option<&Value>) -> Checked<OrgCodeInfo> {
    let r = reader(opts)?;
    Ok(org_code::check(&Input::from(value), &r.field_options()?))
}

/// `checkRegNo15(value, opts)`.
pub fn check_regno15(value: &Value, opts: Option<&Value>) -> Checked<RegNoInfo> {
    let r = reader(opts)?;
    Ok(regno15::check(&Input::from(value), &r.field_options()?))
}

fn money_options(r: &Reader) -> Result<MoneyOptions, PrecheckError> {
    Ok(MoneyOptions {
        field: r.field_options()?,
        unit: unit(r)?,
        allow_negative: r.bool("allowNegative")?.unwrap_or(false),
    })
}

/// `parseAmount(value, { …, unit, allowNegative })`.
pub fn parse_amount(value: &Value, opts: Option<&Value>) -> Checked<AmountInfo> {
    let r = reader(opts)?;
    Ok(money::check(&Input::from(value), &money_options(&r)?))
}

/// `amountToUppercase(amount, { unit, locale })`.
pub fn amount_to_uppercase(value: &Value, opts: Option<&Value>) -> Result<String, PrecheckError> {
    let r = reader(opts)?;
    money::to_uppercase(&Input::from(value), &money_options(&r)?)
}

/// `checkUppercaseAmount(uppercase, amount, { …, unit, amountPath, amountLabel })`.
pub fn check_uppercase_amount(
    upper: &Value,
    amount: &Value,
    opts: Option<&Value>,
) -> Checked<UppercaseInfo> {
    let r = reader(opts)?;
    let o = UppercaseOptions {
        field: r.field_options()?,
        unit: unit(&r)?,
        amount_path: r.string("amountPath")?,
        amount_label: r.string("amountLabel")?,
    };
    Ok(money::check_uppercase(
        &Input::from(upper),
        &Input::from(amount),
        &o,
    ))
}

/// `parseDate(value, opts)`.
pub fn parse_date(value: &Value, opts: Option<&Value>) -> Checked<DateInfo> {
    let r = reader(opts)?;
    Ok(date::check(&Input::from(value), &r.field_options()?))
}

/// `checkMobile(value, { …, allowLandline })`.
pub fn check_mobile(value: &Value, opts: Option<&Value>) -> Checked<PhoneInfo> {
    let r = reader(opts)?;
    let o = MobileOptions {
        field: r.field_options()?,
        allow_landline: r.bool("allowLandline")?.unwrap_or(false),
    };
    Ok(mobile::check(&Input::from(value), &o))
}

/// The package version.
pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}
