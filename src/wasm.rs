//! The wasm boundary: the only module that knows wasm-bindgen and js-sys. It converts JS
//! values to [`Value`], delegates to [`crate::api`], and converts the result back. No rules here.

use crate::api;
use crate::fields::date::Date;
use crate::report::PrecheckError;
use crate::value::Value;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = include_str!(concat!(env!("OUT_DIR"), "/types.d.ts"));

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
    let _ = js_sys::Reflect::set(obj, &"path".into(), &e.path.into());
    err.into()
}

fn done<T: Serialize>(r: Result<T, PrecheckError>) -> Result<JsValue, JsValue> {
    r.map(|v| to_js(&v)).map_err(error)
}

/// Today in the browser's (or Node's) local time zone.
fn today() -> Date {
    let d = js_sys::Date::new_0();
    Date::new(
        d.get_full_year() as i32,
        d.get_month() as u8 + 1,
        d.get_date() as u8,
    )
    .unwrap_or_else(|| Date::from_days_since_epoch(0))
}

#[wasm_bindgen(js_name = checkUscc, unchecked_return_type = "CheckResult<UsccInfo>")]
pub fn check_uscc(
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
    #[wasm_bindgen(unchecked_param_type = "UsccOptions")] opts: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    done(api::check_uscc(&read(&value), read_opts(&opts).as_ref()))
}

#[wasm_bindgen(js_name = checkIdNumber, unchecked_return_type = "CheckResult<IdNumberInfo>")]
pub fn check_id_number(
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
    #[wasm_bindgen(unchecked_param_type = "IdNumberOptions")] opts: Option<JsValue>,
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
    #[wasm_bindgen(unchecked_param_type = "FieldOptions")] opts: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    done(api::check_org_code(
        &read(&value),
        read_opts(&opts).as_ref(),
    ))
}

#[wasm_bindgen(js_name = checkRegNo15, unchecked_return_type = "CheckResult<RegNo15Info>")]
pub fn check_regno15(
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
    #[wasm_bindgen(unchecked_param_type = "FieldOptions")] opts: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    done(api::check_regno15(&read(&value), read_opts(&opts).as_ref()))
}

#[wasm_bindgen(js_name = parseAmount, unchecked_return_type = "CheckResult<AmountInfo>")]
pub fn parse_amount(
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
    #[wasm_bindgen(unchecked_param_type = "AmountOptions")] opts: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    done(api::parse_amount(&read(&value), read_opts(&opts).as_ref()))
}

#[wasm_bindgen(js_name = amountToUppercase, unchecked_return_type = "string")]
pub fn amount_to_uppercase(
    #[wasm_bindgen(unchecked_param_type = "string | number")] amount: JsValue,
    #[wasm_bindgen(unchecked_param_type = "AmountToUppercaseOptions")] opts: Option<JsValue>,
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
    #[wasm_bindgen(unchecked_param_type = "UppercaseOptions")] opts: Option<JsValue>,
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
    #[wasm_bindgen(unchecked_param_type = "FieldOptions")] opts: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    done(api::parse_date(&read(&value), read_opts(&opts).as_ref()))
}

#[wasm_bindgen(js_name = checkMobile, unchecked_return_type = "CheckResult<PhoneInfo>")]
pub fn check_mobile(
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
    #[wasm_bindgen(unchecked_param_type = "MobileOptions")] opts: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    done(api::check_mobile(&read(&value), read_opts(&opts).as_ref()))
}

/// The package version.
#[wasm_bindgen]
pub fn version() -> String {
    api::version().to_string()
}
