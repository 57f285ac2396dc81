//! The wasm boundary: the only crate that knows wasm-bindgen and js-sys. It converts JS
//! values to [`Value`], delegates to [`procurement_precheck::api`], and converts the result back. No rules here.

use procurement_precheck::api;
use procurement_precheck::fields::date::Date;
use procurement_precheck::report::PrecheckError;
use procurement_precheck::value::Value;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The shapes of the API, kept by hand.
#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = include_str!("../types.d.ts");

/// The unions of the core's lists (finding codes, entity types, penalty kinds, group ids, …),
/// generated from the Rust constants by crates/precheck-testkit/src/typescript.rs; a test of the
/// core (`--test typescript`) fails when this file is not what the lists give.
#[wasm_bindgen(typescript_custom_section)]
const TS_GENERATED: &str = include_str!("../generated.d.ts");

/// A JS value as a [`Value`]; what serde cannot read (symbols, functions, BigInt, circular
/// or too deeply nested objects) becomes [`Value::Unsupported`].
fn read(js: &JsValue) -> Value {
    if let Some(s) = js.as_string() {
        return Value::String(s);
    }
    if js.is_undefined() || js.is_null() {
        return Value::Null;
    }
    serde_wasm_bindgen::from_value::<Value>(js.clone()).unwrap_or(Value::Unsupported)
}

fn read_opts(js: &Option<JsValue>) -> Option<Value> {
    js.as_ref()
        .filter(|v| !v.is_undefined() && !v.is_null())
        .map(read)
}

/// Results cross the boundary as one JSON text parsed by the engine's `JSON.parse`: much
/// faster than building the object property by property, and the same bytes the CLI prints.
fn to_js<T: Serialize>(v: &T) -> JsValue {
    serde_json::to_string(v)
        .ok()
        .and_then(|s| js_sys::JSON::parse(&s).ok())
        .unwrap_or(JsValue::NULL)
}

/// A thrown `PrecheckError`: an `Error` with `name`, `code` and `path`.
fn error(e: PrecheckError) -> JsValue {
    let err = js_sys::Error::new(&e.message);
    err.set_name("PrecheckError");
    let obj: &JsValue = err.as_ref();
    let _ = js_sys::Reflect::set(obj, &"code".into(), &e.code.into());
    let _ = js_sys::Reflect::set(obj, &"path".into(), &e.path.clone().into());
    if !e.findings.is_empty() {
        let _ = js_sys::Reflect::set(obj, &"findings".into(), &to_js(&e.findings));
    }
    err.into()
}

fn done<T: Serialize>(r: Result<T, PrecheckError>) -> Result<JsValue, JsValue> {
    r.map(|v| to_js(&v)).map_err(error)
}

/// Today: the later of the machine's local date and the date in UTC+8 (China Standard Time,
/// which the native `Date::today` uses), so that the package and the CLI agree on the day on a
/// machine at UTC+8 or west of it, and a credit query dated on a user's local today east of China
/// is not "after today" (rev. 2 makes that a finding).
fn today() -> Date {
    let d = js_sys::Date::new_0();
    let local = Date::new(
        d.get_full_year() as i32,
        d.get_month() as u8 + 1,
        d.get_date() as u8,
    );
    let secs = (d.get_time() / 1000.0).floor() as i64;
    let china = Date::from_days_since_epoch(secs.saturating_add(8 * 3600).div_euclid(86_400));
    match local {
        Some(l) if l > china => l,
        _ => china,
    }
}

#[wasm_bindgen(js_name = checkUscc, unchecked_return_type = "CheckResult<UsccInfo>")]
pub fn check_uscc(
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "UsccOptions")] opts: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    done(api::check_uscc(&read(&value), read_opts(&opts).as_ref()))
}

#[wasm_bindgen(js_name = checkIdNumber, unchecked_return_type = "CheckResult<IdNumberInfo>")]
pub fn check_id_number(
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "IdNumberOptions")] opts: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    done(api::check_id_number(
        &read(&value),
        read_opts(&opts).as_ref(),
        today(),
    ))
}

#[wasm_bindgen(js_name = checkOrgCode, unchecked_return_type = "CheckResult<OrgCodeInfo>")]
pub fn check_org_code(
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "FieldOptions")] opts: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    done(api::check_org_code(
        &read(&value),
        read_opts(&opts).as_ref(),
    ))
}

#[wasm_bindgen(js_name = checkRegNo15, unchecked_return_type = "CheckResult<RegNo15Info>")]
pub fn check_regno15(
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "FieldOptions")] opts: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    done(api::check_regno15(&read(&value), read_opts(&opts).as_ref()))
}

#[wasm_bindgen(js_name = parseAmount, unchecked_return_type = "CheckResult<AmountInfo>")]
pub fn parse_amount(
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "AmountOptions")] opts: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    done(api::parse_amount(&read(&value), read_opts(&opts).as_ref()))
}

#[wasm_bindgen(js_name = amountToUppercase, unchecked_return_type = "string")]
pub fn amount_to_uppercase(
    #[wasm_bindgen(unchecked_param_type = "string | number")] amount: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "AmountToUppercaseOptions")] opts: Option<
        JsValue,
    >,
) -> Result<JsValue, JsValue> {
    done(api::amount_to_uppercase(
        &read(&amount),
        read_opts(&opts).as_ref(),
    ))
}

#[wasm_bindgen(
    js_name = checkUppercaseAmount,
    unchecked_return_type = "CheckResult<UppercaseInfo>"
)]
pub fn check_uppercase_amount(
    #[wasm_bindgen(unchecked_param_type = "unknown")] uppercase: JsValue,
    #[wasm_bindgen(unchecked_param_type = "unknown")] amount: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "UppercaseOptions")] opts: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    done(api::check_uppercase_amount(
        &read(&uppercase),
        &read(&amount),
        read_opts(&opts).as_ref(),
    ))
}

#[wasm_bindgen(js_name = parseDate, unchecked_return_type = "CheckResult<DateInfo>")]
pub fn parse_date(
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "DateOptions")] opts: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    done(api::parse_date(&read(&value), read_opts(&opts).as_ref()))
}

#[wasm_bindgen(js_name = checkMobile, unchecked_return_type = "CheckResult<PhoneInfo>")]
pub fn check_mobile(
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "MobileOptions")] opts: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    done(api::check_mobile(&read(&value), read_opts(&opts).as_ref()))
}

/// The package version.
#[wasm_bindgen]
pub fn version() -> String {
    api::version().to_string()
}

// ---- the catalogue ----

#[cfg(feature = "full")]
use procurement_precheck::catalogue::Catalogue as CoreCatalogue;
#[cfg(feature = "full")]
use std::sync::Arc;

#[cfg(feature = "full")]
/// A guidance catalogue: embedded (`Catalogue.builtin()`) or the portal's own
/// (`Catalogue.fromJson()`), with overlays, search and purchase screening.
#[wasm_bindgen(js_name = Catalogue)]
pub struct JsCatalogue {
    inner: Arc<CoreCatalogue>,
}

#[cfg(feature = "full")]
/// A JS string is parsed with the engine's `JSON.parse` (its syntax error becomes a catalogue
/// error); anything else is read as a value.
fn read_json(js: &JsValue, opts: &Option<JsValue>) -> Result<Value, JsValue> {
    match js.as_string() {
        Some(text) => match js_sys::JSON::parse(&text) {
            Ok(v) => Ok(read(&v)),
            Err(e) => {
                let detail = js_sys::Error::from(e)
                    .message()
                    .as_string()
                    .unwrap_or_default();
                Err(error(api::catalogue_bad_json(
                    &detail,
                    read_opts(opts).as_ref(),
                )))
            }
        },
        None => Ok(read(js)),
    }
}

#[cfg(feature = "full")]
fn wrap(c: CoreCatalogue) -> JsCatalogue {
    JsCatalogue { inner: Arc::new(c) }
}

#[cfg(feature = "full")]
#[wasm_bindgen(js_class = Catalogue)]
impl JsCatalogue {
    /// An embedded catalogue: `central-2020` (default), `county-example-2023`, `pinmu-2022-services`.
    pub fn builtin(
        #[wasm_bindgen(unchecked_optional_param_type = "BuiltinCatalogueName")] name: Option<
            JsValue,
        >,
    ) -> Result<JsCatalogue, JsValue> {
        let name = name.as_ref().map(read);
        api::catalogue_builtin(name.as_ref())
            .map(|inner| JsCatalogue { inner })
            .map_err(error)
    }

    /// Names of the embedded catalogues.
    #[wasm_bindgen(js_name = builtinNames, unchecked_return_type = "BuiltinCatalogueName[]")]
    pub fn builtin_names() -> JsValue {
        to_js(&procurement_precheck::catalogue::builtin::NAMES)
    }

    /// Load and validate a catalogue from JSON text or an object; throws a `PrecheckError` whose
    /// `findings` list every problem (nothing is half-loaded).
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "string | CatalogueJson")] json: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "LoadOptions")] opts: Option<JsValue>,
    ) -> Result<JsCatalogue, JsValue> {
        let v = read_json(&json, &opts)?;
        api::catalogue_from_value(&v, read_opts(&opts).as_ref())
            .map(wrap)
            .map_err(error)
    }

    /// A new catalogue: this one with an overlay applied (add, rename, withdraw, require).
    pub fn overlay(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | OverlayJson")] json: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "LoadOptions")] opts: Option<JsValue>,
    ) -> Result<JsCatalogue, JsValue> {
        let v = read_json(&json, &opts)?;
        api::catalogue_overlay(&self.inner, &v, read_opts(&opts).as_ref())
            .map(wrap)
            .map_err(error)
    }

    /// The item with this code, or `null`.
    #[wasm_bindgen(unchecked_return_type = "CatalogueItem | null")]
    pub fn get(&self, #[wasm_bindgen(unchecked_param_type = "string")] code: JsValue) -> JsValue {
        code.as_string()
            .and_then(|c| self.inner.get(&c).map(to_js))
            .unwrap_or(JsValue::NULL)
    }

    /// Children of an item, or the top-level classes without a code.
    #[wasm_bindgen(unchecked_return_type = "CatalogueItem[]")]
    pub fn children(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "string")] code: Option<JsValue>,
    ) -> JsValue {
        match code.filter(|c| !c.is_undefined() && !c.is_null()) {
            None => to_js(&self.inner.children(None)),
            Some(c) => to_js(
                &c.as_string()
                    .map(|c| self.inner.children(Some(&c)))
                    .unwrap_or_default(),
            ),
        }
    }

    /// The items from the top-level class down to `code` (empty if unknown).
    #[wasm_bindgen(unchecked_return_type = "CatalogueItem[]")]
    pub fn path(&self, #[wasm_bindgen(unchecked_param_type = "string")] code: JsValue) -> JsValue {
        to_js(
            &code
                .as_string()
                .map(|c| self.inner.path(&c))
                .unwrap_or_default(),
        )
    }

    /// Search by code, name, alias, keyword (traditional/simplified and full-width folded) and pinyin.
    #[wasm_bindgen(unchecked_return_type = "SearchHit[]")]
    pub fn search(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] query: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "SearchOptions")] opts: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        // The hits' JSON text comes from the catalogue, which serialises each hit item once
        // (the same bytes as `done`'s serde_json would write, a tenth of the time).
        api::catalogue_search_json(&self.inner, &read(&query), read_opts(&opts).as_ref())
            .map(|text| js_sys::JSON::parse(&text).unwrap_or(JsValue::NULL))
            .map_err(error)
    }

    /// Screen a purchase project against this catalogue.
    #[wasm_bindgen(js_name = screenPurchase, unchecked_return_type = "ScreenReport")]
    pub fn screen_purchase(
        &self,
        #[wasm_bindgen(unchecked_param_type = "PurchaseProject")] project: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ScreenOptions")] opts: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        done(api::screen_purchase(
            &self.inner,
            &read(&project),
            read_opts(&opts).as_ref(),
            today(),
        ))
    }

    /// Check a supplier's application against GPL Art. 22 / MOF-102, with this catalogue for
    /// `opts.itemCode` (see `checkSupplier`).
    #[wasm_bindgen(js_name = checkSupplier, unchecked_return_type = "SupplierReport")]
    pub fn check_supplier(
        &self,
        #[wasm_bindgen(unchecked_param_type = "SupplierApplication")] application: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "SupplierOptions")] opts: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        done(api::check_supplier(
            &read(&application),
            read_opts(&opts).as_ref(),
            Some(&self.inner),
            today(),
        ))
    }

    /// Check every application of one package (each as `checkSupplier` does), plus the
    /// same-package conflicts of GPL-IR Art. 18 across them (see `checkPackage`).
    #[wasm_bindgen(js_name = checkPackage, unchecked_return_type = "PackageReport")]
    pub fn check_package(
        &self,
        #[wasm_bindgen(unchecked_param_type = "SupplierApplication[]")] applications: JsValue,
        #[wasm_bindgen(unchecked_param_type = "SupplierOptions")] opts: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        done(api::check_package(
            &read(&applications),
            read_opts(&opts).as_ref(),
            Some(&self.inner),
            today(),
        ))
    }

    /// The catalogue as JSON text (loadable with `fromJson`).
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> String {
        self.inner.to_json()
    }

    #[wasm_bindgen(getter)]
    pub fn version(&self) -> String {
        self.inner.version.clone()
    }

    #[wasm_bindgen(getter)]
    pub fn issuer(&self) -> String {
        self.inner.issuer.clone()
    }

    /// Number of items.
    #[wasm_bindgen(getter)]
    pub fn size(&self) -> usize {
        self.inner.items().len()
    }
}

/// A `PrecheckError` (returned, for the caller to throw) for an argument of a shape the
/// package's own modules cannot use: `options.wrong_type` naming `name` (`fields`,
/// `fields.uscc`), in `opts.locale`. The adapters use it; see `api::argument_error`.
#[wasm_bindgen(js_name = argumentError, unchecked_return_type = "PrecheckError")]
pub fn argument_error(
    name: &str,
    #[wasm_bindgen(unchecked_param_type = "ArgumentType")] expected: &str,
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ArgumentErrorOptions")] opts: Option<JsValue>,
) -> JsValue {
    error(api::argument_error(
        name,
        expected,
        &read(&value),
        read_opts(&opts).as_ref(),
    ))
}
