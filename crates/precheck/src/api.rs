//! The entry points as the JS package and the CLI call them: loosely typed input in
//! ([`Value`]), typed results out. Both front ends go through here, so a verdict is the same
//! natively, in Node and in the browser.

use crate::fields::date::{self, Date, DateInfo, DateOptions};
use crate::fields::mobile::{self, MobileOptions, PhoneInfo};
use crate::fields::money::{self, AmountInfo, MoneyOptions, Unit, UppercaseInfo, UppercaseOptions};
use crate::fields::org_code::{self, OrgCodeInfo};
use crate::fields::regno15::{self, RegNo15Info};
use crate::fields::resident_id::{self, IdNumberInfo, IdOptions};
use crate::fields::uscc::{self, UsccInfo, UsccOptions};
use crate::fields::{CheckResult, Input};
use crate::options::Reader;
use crate::report::PrecheckError;
use crate::value::Value;

/// Result of a field check entry point.
pub type Checked<I> = Result<CheckResult<I>, PrecheckError>;

fn reader<'a>(opts: Option<&'a Value<'a>>) -> Result<Reader<'a>, PrecheckError> {
    Reader::new(opts, "opts")
}

/// The locale of an options value (default zh-CN), validating the options object.
fn locale_of(opts: Option<&Value>) -> Result<crate::report::Locale, PrecheckError> {
    Ok(reader(opts)?.locale())
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
pub fn check_id_number(value: &Value, opts: Option<&Value>, today: Date) -> Checked<IdNumberInfo> {
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
pub fn check_regno15(value: &Value, opts: Option<&Value>) -> Checked<RegNo15Info> {
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

/// `parseDate(value, { …, allowLongTerm })`.
pub fn parse_date(value: &Value, opts: Option<&Value>) -> Checked<DateInfo> {
    let r = reader(opts)?;
    let o = DateOptions {
        field: r.field_options()?,
        allow_long_term: r.bool("allowLongTerm")?.unwrap_or(false),
    };
    Ok(date::check(&Input::from(value), &o))
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

/// The type words an [`argument_error`] may expect (rows `type.<word>` of `data/labels.tsv`).
pub const ARGUMENT_TYPES: &[&str] = &["object", "string", "array", "fields", "field_spec"];

/// `argumentError(name, expected, value, { locale })`: the `options.wrong_type` error for an
/// argument of a function of the package's own JS modules (`toAsyncValidatorRules(fields)`,
/// `standardSchema(check)`) that has a shape they cannot use, naming the argument (`fields`,
/// `fields.uscc`, `fields[1]`) in the caller's language. It is returned, for the caller to throw.
/// `expected` is one of [`ARGUMENT_TYPES`] (another word is an error naming `expected`);
/// `name` is cut to 100 characters.
pub fn argument_error(
    name: &str,
    expected: &str,
    got: &Value,
    opts: Option<&Value>,
) -> PrecheckError {
    let locale = match locale_of(opts) {
        Ok(l) => l,
        Err(e) => return e,
    };
    let name: String = name.chars().take(100).collect();
    let r = match Reader::nested(None, &name, locale) {
        Ok(r) => r,
        Err(e) => return e,
    };
    match ARGUMENT_TYPES.iter().find(|t| **t == expected) {
        Some(expected) => r.wrong_type_here(expected, got),
        None => match Reader::nested(None, "expected", locale) {
            Err(e) => e,
            Ok(r) => r.bad_value_here(expected, crate::options::Expected::OneOf(ARGUMENT_TYPES)),
        },
    }
}

// ---- the catalogue ----

#[cfg(feature = "catalogue")]
use crate::catalogue::screen::{ScreenOptions, ScreenReport};
#[cfg(feature = "catalogue")]
use crate::catalogue::{builtin, Catalogue, CatalogueItem, SearchHit, Withdrawn};
#[cfg(feature = "catalogue")]
use crate::report::{codes, Context, Locale, Raw};
#[cfg(feature = "catalogue")]
use std::sync::Arc;

#[cfg(feature = "catalogue")]
/// A structured error with a message from the table.
fn error(code: &'static str, path: &str, raw: Raw, locale: Locale) -> PrecheckError {
    let f = Context {
        locale,
        path,
        label: "",
        group: None,
    }
    .render(raw);
    PrecheckError {
        code: code.to_string(),
        path: path.to_string(),
        message: f.message,
        findings: vec![],
    }
}

#[cfg(feature = "catalogue")]
/// `Catalogue.builtin(name?)`: an embedded catalogue (default `central-2020`).
pub fn catalogue_builtin(name: Option<&Value>) -> Result<Arc<Catalogue>, PrecheckError> {
    let name = match name {
        None | Some(Value::Null) => builtin::NAMES
            .first()
            .copied()
            .unwrap_or_default()
            .to_string(),
        Some(Value::String(s)) => s.to_string(),
        Some(other) => other.type_name().to_string(),
    };
    builtin::get(&name).ok_or_else(|| {
        error(
            codes::CATALOGUE_UNKNOWN_BUILTIN,
            "name",
            Raw::error(codes::CATALOGUE_UNKNOWN_BUILTIN)
                .with("value", name.chars().take(60).collect::<String>())
                .with("names", builtin::NAMES.join(", ")),
            Locale::ZhCn,
        )
    })
}

#[cfg(feature = "catalogue")]
/// `Catalogue.fromJson(value, { locale })`: load and validate.
pub fn catalogue_from_value(v: &Value, opts: Option<&Value>) -> Result<Catalogue, PrecheckError> {
    Catalogue::from_value(v, locale_of(opts)?)
}

#[cfg(feature = "catalogue")]
/// A JSON text that did not parse, as the catalogue error it is.
pub fn catalogue_bad_json(detail: &str, opts: Option<&Value>) -> PrecheckError {
    let locale = locale_of(opts).unwrap_or_default();
    let raw = Raw::error(codes::CATALOGUE_BAD_JSON)
        .with("detail", detail.chars().take(200).collect::<String>());
    let mut e = error(codes::CATALOGUE_INVALID, "catalogue", raw.clone(), locale);
    e.findings = vec![Context {
        locale,
        path: "catalogue",
        label: "",
        group: None,
    }
    .render(raw)];
    e
}

#[cfg(feature = "catalogue")]
/// `cat.overlay(value, { locale })`.
pub fn catalogue_overlay(
    cat: &Catalogue,
    v: &Value,
    opts: Option<&Value>,
) -> Result<Catalogue, PrecheckError> {
    cat.overlay(v, locale_of(opts)?)
}

#[cfg(feature = "catalogue")]
/// `opts.limit` of a search: 20 by default, capped at the maximum, at least 1.
fn search_limit(opts: Option<&Value>) -> Result<usize, PrecheckError> {
    let r = reader(opts)?;
    match r.number("limit")? {
        None => Ok(20),
        Some(n) if n.at_least_one() => Ok(n.floor_at_most(crate::catalogue::search_max_limit())),
        Some(n) => Err(r.bad_value("limit", &n.f64_text(), crate::options::Expected::AtLeast(1))),
    }
}

#[cfg(feature = "catalogue")]
/// `cat.search(query, { limit })`: a non-string query finds nothing.
pub fn catalogue_search(
    cat: &Catalogue,
    query: &Value,
    opts: Option<&Value>,
) -> Result<Vec<SearchHit>, PrecheckError> {
    let limit = search_limit(opts)?;
    Ok(match query {
        Value::String(q) => cat.search(q, limit),
        Value::Number(n) => cat.search(n, limit),
        _ => vec![],
    })
}

#[cfg(feature = "catalogue")]
/// [`catalogue_search`] as the JSON text of its hits (the same bytes `serde_json` writes for
/// them), for the wasm boundary: hit items are serialised once per catalogue, not per search.
pub fn catalogue_search_json(
    cat: &Catalogue,
    query: &Value,
    opts: Option<&Value>,
) -> Result<String, PrecheckError> {
    let limit = search_limit(opts)?;
    Ok(match query {
        Value::String(q) => cat.search_json(q, limit),
        Value::Number(n) => cat.search_json(n, limit),
        _ => "[]".into(),
    })
}

#[cfg(feature = "catalogue")]
/// `cat.screenPurchase(project, { asOf, locale })` / `screenPurchase(project, opts)`.
pub fn screen_purchase(
    cat: &Catalogue,
    project: &Value,
    opts: Option<&Value>,
    today: Date,
) -> Result<ScreenReport, PrecheckError> {
    let r = reader(opts)?;
    if opts
        .and_then(|o| o.get("catalogue"))
        .is_some_and(|c| !c.is_null())
    {
        return Err(r.wrong_type_of("catalogue", "catalogue"));
    }
    let o = ScreenOptions {
        locale: r.locale(),
        as_of: r.date("asOf")?.unwrap_or(today),
    };
    Ok(cat.screen_purchase(project, &o))
}

#[cfg(feature = "catalogue")]
/// `Catalogue.fromCsv(text, { version, issuer, note, locale })`: load and validate a catalogue
/// kept in a spreadsheet (a CSV export; format in [`crate::catalogue::csv`]). A CSV has no
/// place for the catalogue's version and issuer, so they come with the options.
pub fn catalogue_from_csv(text: &str, opts: Option<&Value>) -> Result<Catalogue, PrecheckError> {
    let r = reader(opts)?;
    let meta = crate::catalogue::CsvMeta {
        version: r.string("version")?,
        issuer: r.string("issuer")?,
        note: r.string("note")?,
    };
    Catalogue::from_csv(text, &meta, r.locale())
}

#[cfg(feature = "catalogue")]
/// One item as `catalogue show` prints it: the item, its path and its children as `get`,
/// `path` and `children` give them; for a code an overlay withdrew, what withdrew it.
#[derive(Debug, serde::Serialize)]
pub struct ItemDetails<'a> {
    pub item: Option<&'a CatalogueItem>,
    pub path: Vec<&'a CatalogueItem>,
    pub children: Vec<&'a CatalogueItem>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub withdrawn: Option<&'a Withdrawn>,
}

#[cfg(feature = "catalogue")]
/// The details of the item with this code (all empty for an unknown code).
pub fn catalogue_item<'a>(cat: &'a Catalogue, code: &str) -> ItemDetails<'a> {
    let item = cat.get(code);
    ItemDetails {
        item,
        path: cat.path(code),
        children: cat.children(Some(code)),
        withdrawn: match item {
            Some(_) => None,
            None => cat.withdrawn().iter().rev().find(|w| w.code == code),
        },
    }
}

// ---- supplier qualification ----

#[cfg(feature = "qualification")]
/// `checkSupplier(application, { asOf, itemCode, catalogue, policy, locale })`: GPL Art. 22 as
/// applied by MOF-102 (see [`crate::qualification`]). `catalogue` is the JS `Catalogue` the
/// caller passed (default: the embedded `central-2020`, used only with an `itemCode`); `today`
/// is the default `asOf`.
pub fn check_supplier(
    app: &Value,
    opts: Option<&Value>,
    catalogue: Option<&crate::catalogue::Catalogue>,
    today: Date,
) -> Result<crate::qualification::SupplierReport, PrecheckError> {
    crate::qualification::check_supplier(app, opts, catalogue, today)
}

#[cfg(feature = "qualification")]
/// [`check_supplier`]'s report as [`SupplierReport::drop_grouped_findings`] leaves it — the
/// flat `findings` holds only the findings of no group — built so (each finding once, none
/// copied and dropped again): for a boundary that sends the groups' findings once and rebuilds
/// the flat list on the other side.
///
/// [`SupplierReport::drop_grouped_findings`]: crate::qualification::SupplierReport::drop_grouped_findings
pub fn check_supplier_grouped(
    app: &Value,
    opts: Option<&Value>,
    catalogue: Option<&crate::catalogue::Catalogue>,
    today: Date,
) -> Result<crate::qualification::SupplierReport, PrecheckError> {
    let o = crate::qualification::read_options(opts, catalogue, today)?;
    let report = crate::qualification::check_grouped(app, &o);
    Ok(crate::qualification::SupplierReport {
        item: o.item,
        policy: o.policy,
        ..report
    })
}

#[cfg(feature = "qualification")]
/// `checkPackage(applications, opts)`: every application of one package checked as by
/// [`check_supplier`], plus the same-package conflicts of GPL-IR Art. 18 para 1 across them
/// (see [`crate::qualification::package`]).
pub fn check_package(
    applications: &Value,
    opts: Option<&Value>,
    catalogue: Option<&crate::catalogue::Catalogue>,
    today: Date,
) -> Result<crate::qualification::package::PackageReport, PrecheckError> {
    crate::qualification::package::check_package(applications, opts, catalogue, today)
}
