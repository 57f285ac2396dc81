//! The wasm boundary: the only crate that knows wasm-bindgen and js-sys. It converts JS
//! values to [`Value`], delegates to [`procurement_precheck::api`], and converts the result back. No rules here.

use procurement_precheck::api;
use procurement_precheck::fields::date::Date;
#[cfg(feature = "full")]
use procurement_precheck::report::json as report_json;
use procurement_precheck::report::PrecheckError;
use procurement_precheck::value::{Value, MAX_DEPTH, MAX_NODES};
use wasm_bindgen::prelude::*;

mod json;

/// The allocator: TLSF (rlsf, its code-size variant) instead of the default dlmalloc: about
/// 2.6 KB gzipped smaller in each module, a twentieth of the fields module (52 ms at 50 KB/s).
/// The price, bench/phases in headless Chromium, two builds alternated: reading an application
/// (`from_json_text`, an allocation per string) 29.8–31.5 µs against 26.1–27.9, the core alone
/// the same (48.9–50.2 against 47.3–50.0). Its pool only grows, as dlmalloc's did;
/// tests/js/memory.test.mjs holds it flat over 1 000 000 calls.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOC: rlsf::SmallGlobalTlsf = rlsf::SmallGlobalTlsf::new();

/// The shapes of the API, kept by hand.
#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = include_str!("../types.d.ts");

/// The unions of the core's lists (finding codes, entity types, penalty kinds, group ids, …),
/// generated from the Rust constants by crates/precheck-testkit/src/typescript.rs; a test of the
/// core (`--test typescript`) fails when this file is not what the lists give.
#[wasm_bindgen(typescript_custom_section)]
const TS_GENERATED: &str = include_str!("../generated.d.ts");

// The whole API's module only: the fields entry reads strings and small option objects, for
// which the parser and the snippet would cost more bytes than they save time.
#[cfg(feature = "full")]
#[wasm_bindgen(module = "/js/plain.js")]
extern "C" {
    /// The JSON text of a plain object or array, or `undefined` when JSON would not say exactly
    /// what it holds (see js/plain.js).
    #[wasm_bindgen(js_name = plainJson)]
    fn plain_json(value: &JsValue, max_depth: usize, max_nodes: usize) -> Option<String>;

    /// A supplier report from its JSON text, its flat `findings` rebuilt from the groups when
    /// `grouped` (see [`grouped_report_to_js`]).
    #[wasm_bindgen(js_name = reportFromJson)]
    fn report_from_json(text: &str, grouped: bool) -> JsValue;

    /// A package report from its JSON text, the flat `findings` of each report `i` with
    /// `grouped[i] == 1` rebuilt from its groups.
    #[wasm_bindgen(js_name = packageFromJson)]
    fn package_from_json(text: &str, grouped: &[u8]) -> JsValue;

    /// `opts.limit` when a search's options are exactly `{ limit }` with a safe integer ≥ 1,
    /// else -1 (see [`JsCatalogue::search`]).
    #[wasm_bindgen(js_name = searchLimit)]
    fn search_limit(opts: &JsValue) -> f64;
}

/// A JS value as a [`Value`]. In the whole API's module a plain object or array crosses as one JSON text (js/plain.js
/// decides, [`Value::from_json_text`] reads it): much cheaper than property by property, and
/// the same value. Anything else is read by [`read_at`]: what cannot be read (symbols,
/// functions, BigInt beyond 64 bits, typed arrays, Sets and other iterables but Map) makes the
/// whole value [`Value::Unsupported`]; too deeply nested parts (a circular object) and the parts
/// beyond [`MAX_NODES`] values read as unsupported where they stand.
///
/// Written by hand (issue 11: no serde machinery, no float formatting in the module), reading
/// exactly as `serde_wasm_bindgen::from_value::<Value>` did: the same tests in the same order.
/// The value's texts borrow from the JSON text a plain object crossed as, kept in `text` (the
/// caller's: `&mut String::new()` in a call's arguments lives as long as the call).
#[cfg(feature = "full")]
fn read<'t>(js: &JsValue, text: &'t mut String) -> Value<'t> {
    if js.is_object() {
        if let Some(t) = plain_json(js, MAX_DEPTH, MAX_NODES) {
            *text = t;
            let shared: &'t String = text;
            if let Some(v) = Value::from_json_text(shared) {
                return v;
            }
        }
    }
    read_js(js)
}

/// [`read`] for the small values (a field's value, options) that need no text kept: a plain
/// object's texts copied out of its JSON text. (The fields-only module reads every value so:
/// it has no JSON path.)
fn read_owned(js: &JsValue) -> Value<'static> {
    #[cfg(feature = "full")]
    if js.is_object() {
        return read(js, &mut String::new()).into_owned();
    }
    read_js(js)
}

/// A JS value as it is: a string, `null`, or anything else read by [`read_at`].
fn read_js(js: &JsValue) -> Value<'static> {
    if let Some(s) = js.as_string() {
        return Value::String(s.into());
    }
    if js.is_undefined() || js.is_null() {
        return Value::Null;
    }
    let mut budget = MAX_NODES;
    read_at(js, 0, &mut budget).unwrap_or(Value::Unsupported)
}

/// One value of [`read`] at nesting `depth`; `Err` when it cannot be read at all.
fn read_at(js: &JsValue, depth: usize, budget: &mut usize) -> Result<Value<'static>, ()> {
    use js_sys::{Array, ArrayBuffer, Map, Number, Object, Symbol, Uint8Array};
    if depth > MAX_DEPTH || *budget == 0 {
        return Ok(Value::Unsupported);
    }
    *budget -= 1;
    if js.loose_eq(&JsValue::NULL) {
        return Ok(Value::Null);
    }
    if let Some(b) = js.as_bool() {
        return Ok(Value::Bool(b));
    }
    if js.is_bigint() {
        return match i64::try_from(js.clone()) {
            Ok(v) => Ok(Value::Number(v.to_string().into())),
            Err(js) => u64::try_from(js)
                .map(|v| Value::Number(v.to_string().into()))
                .map_err(drop),
        };
    }
    if let Some(n) = js.as_f64() {
        return Ok(Value::Number(if Number::is_safe_integer(js) {
            (n as i64).to_string().into()
        } else {
            number_text(n).into()
        }));
    }
    if let Some(s) = js.as_string() {
        return Ok(Value::String(s.into()));
    }
    if Array::is_array(js) {
        let mut out = Vec::new();
        for item in js.unchecked_ref::<Array>().iter() {
            out.push(read_at(&item, depth + 1, budget)?);
        }
        return Ok(Value::Array(out));
    }
    if js.is_instance_of::<Uint8Array>() || js.is_instance_of::<ArrayBuffer>() {
        return Err(());
    }
    if !js.is_object() || (Symbol::iterator().js_in(js) && !js.has_type::<Map>()) {
        return Err(());
    }
    let mut out = Vec::new();
    let mut entry = |pair: JsValue| -> Result<(), ()> {
        let pair = pair.unchecked_into::<Array>();
        let key = pair.get(0).as_string().ok_or(())?;
        let value = read_at(&pair.get(1), depth + 1, budget)?;
        out.push((key.into(), value));
        Ok(())
    };
    match js_sys::try_iter(js).map_err(drop)? {
        Some(pairs) => {
            for pair in pairs {
                entry(pair.map_err(drop)?)?;
            }
        }
        None => {
            for pair in Object::entries(js.unchecked_ref::<Object>()).iter() {
                entry(pair)?;
            }
        }
    }
    Ok(Value::Object(out))
}

/// [`procurement_precheck::value::number_text`] without Rust's float formatting (issue 11): the
/// engine's `Number.prototype.toString` finds the shortest round-trip digits, laid out here as
/// Rust's `Display` lays them out (plain decimal, never an exponent).
fn number_text(n: f64) -> String {
    if n.is_nan() {
        return "NaN".into();
    }
    if n.is_infinite() {
        return if n > 0.0 { "Infinity" } else { "-Infinity" }.into();
    }
    if n == 0.0 {
        return if n.is_sign_negative() { "-0" } else { "0" }.into();
    }
    let js: String = js_sys::Number::from(n)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default();
    plain_decimal(&js, n.abs().to_bits())
}

/// The engine's text of a finite non-zero number (`-1.5e-7`, `1e+21`, `123.25`) as Rust's
/// `Display` writes the same `f64` (whose bits are `bits`, sign cleared): `-0.00000015`,
/// `1` and 21 zeros. The two pick the same shortest digits but for an exact tie between two
/// candidates, where ECMAScript takes the even one and Rust the upper one.
fn plain_decimal(js: &str, bits: u64) -> String {
    let (sign, unsigned) = match js.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", js),
    };
    let (mantissa, exp) = match unsigned.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.trim_start_matches('+').parse::<i64>().unwrap_or(0)),
        None => (unsigned, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    // The digits, and where the decimal point stands among them.
    let all: String = int.chars().chain(frac.chars()).collect();
    let lead = all.chars().take_while(|&c| c == '0').count() as i64;
    let point = int.len() as i64 + exp - lead;
    let mut digits = all
        .trim_start_matches('0')
        .trim_end_matches('0')
        .to_string();
    if digits.is_empty() {
        return format!("{sign}0");
    }
    let len = digits.len() as i64;
    if is_upper_tie(&digits, point - len, bits) {
        if let Some(last) = digits.pop() {
            digits.push(char::from_digit(last.to_digit(10).unwrap_or(0) + 1, 10).unwrap_or(last));
        }
    }
    let mut out = String::from(sign);
    if point <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-point) as usize));
        out.push_str(&digits);
    } else if point >= len {
        out.push_str(&digits);
        out.extend(std::iter::repeat_n('0', (point - len) as usize));
    } else {
        let (a, b) = digits
            .split_at_checked(point as usize)
            .unwrap_or((&digits, ""));
        out.push_str(a);
        out.push('.');
        out.push_str(b);
    }
    out
}

/// Whether the `f64` of `bits` (positive, finite, non-zero) is exactly `(digits + ½) × 10^p`
/// with an even last digit: the tie the engine resolves down to the even digit and Rust up.
fn is_upper_tie(digits: &str, p: i64, bits: u64) -> bool {
    if !digits.ends_with(['0', '2', '4', '6', '8']) {
        return false;
    }
    let Ok(d) = digits.parse::<u64>() else {
        return false;
    };
    let exp_bits = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    let (m, e) = if exp_bits == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), exp_bits - 1075)
    };
    if m == 0 {
        return false;
    }
    // m·2^e = (2d+1)·5^p·2^(p−1): the odd parts and the powers of two must agree.
    let twos = i64::from(m.trailing_zeros());
    if e + twos != p - 1 {
        return false;
    }
    let odd = u128::from(m >> twos);
    let tie = u128::from(d) * 2 + 1;
    let five_pow = |k: i64| -> Option<u128> { (0..k).try_fold(1u128, |acc, _| acc.checked_mul(5)) };
    if p >= 0 {
        five_pow(p).and_then(|f| tie.checked_mul(f)) == Some(odd)
    } else {
        five_pow(-p).and_then(|f| odd.checked_mul(f)) == Some(tie)
    }
}

fn read_opts(js: &Option<JsValue>) -> Option<Value<'static>> {
    js.as_ref()
        .filter(|v| !v.is_undefined() && !v.is_null())
        .map(read_owned)
}

/// Results cross the boundary as one JSON text parsed by the engine's `JSON.parse`: much
/// faster than building the object property by property, and the same bytes the CLI prints.
/// The texts are written by the core's `report::json` and this crate's [`json`] (byte for byte
/// serde_json's), so neither module holds a serde serialiser.
fn parse_json(text: &str) -> JsValue {
    js_sys::JSON::parse(text).unwrap_or(JsValue::NULL)
}

/// Catalogue items (`children`, `path`) as a JS array.
#[cfg(feature = "full")]
fn items_to_js(items: Vec<&procurement_precheck::catalogue::CatalogueItem>) -> JsValue {
    parse_json(&report_json::catalogue_items_text(items))
}

/// A thrown `PrecheckError`: an `Error` with `name`, `code` and `path`.
fn error(e: PrecheckError) -> JsValue {
    let err = js_sys::Error::new(&e.message);
    err.set_name("PrecheckError");
    let obj: &JsValue = err.as_ref();
    let _ = js_sys::Reflect::set(obj, &"code".into(), &e.code.into());
    let _ = js_sys::Reflect::set(obj, &"path".into(), &e.path.clone().into());
    if !e.findings.is_empty() {
        let findings = parse_json(&json::text(&e.findings));
        let _ = js_sys::Reflect::set(obj, &"findings".into(), &findings);
    }
    err.into()
}

/// The field checks' results: their JSON text written by [`json`] (the same
/// text as serde_json's; the fields-only module holds no serde serialiser).
fn checked<T: json::Json>(r: Result<T, PrecheckError>) -> Result<JsValue, JsValue> {
    r.map(|v| parse_json(&json::text(&v))).map_err(error)
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
    checked(api::check_uscc(
        &read_owned(&value),
        read_opts(&opts).as_ref(),
    ))
}

#[wasm_bindgen(js_name = checkIdNumber, unchecked_return_type = "CheckResult<IdNumberInfo>")]
pub fn check_id_number(
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "IdNumberOptions")] opts: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    checked(api::check_id_number(
        &read_owned(&value),
        read_opts(&opts).as_ref(),
        today(),
    ))
}

#[wasm_bindgen(js_name = checkOrgCode, unchecked_return_type = "CheckResult<OrgCodeInfo>")]
pub fn check_org_code(
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "FieldOptions")] opts: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    checked(api::check_org_code(
        &read_owned(&value),
        read_opts(&opts).as_ref(),
    ))
}

#[wasm_bindgen(js_name = checkRegNo15, unchecked_return_type = "CheckResult<RegNo15Info>")]
pub fn check_regno15(
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "FieldOptions")] opts: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    checked(api::check_regno15(
        &read_owned(&value),
        read_opts(&opts).as_ref(),
    ))
}

#[wasm_bindgen(js_name = parseAmount, unchecked_return_type = "CheckResult<AmountInfo>")]
pub fn parse_amount(
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "AmountOptions")] opts: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    checked(api::parse_amount(
        &read_owned(&value),
        read_opts(&opts).as_ref(),
    ))
}

#[wasm_bindgen(js_name = amountToUppercase, unchecked_return_type = "string")]
pub fn amount_to_uppercase(
    #[wasm_bindgen(unchecked_param_type = "string | number")] amount: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "AmountToUppercaseOptions")] opts: Option<
        JsValue,
    >,
) -> Result<JsValue, JsValue> {
    checked(api::amount_to_uppercase(
        &read_owned(&amount),
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
    checked(api::check_uppercase_amount(
        &read_owned(&uppercase),
        &read_owned(&amount),
        read_opts(&opts).as_ref(),
    ))
}

#[wasm_bindgen(js_name = parseDate, unchecked_return_type = "CheckResult<DateInfo>")]
pub fn parse_date(
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "DateOptions")] opts: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    checked(api::parse_date(
        &read_owned(&value),
        read_opts(&opts).as_ref(),
    ))
}

#[wasm_bindgen(js_name = checkMobile, unchecked_return_type = "CheckResult<PhoneInfo>")]
pub fn check_mobile(
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "MobileOptions")] opts: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    checked(api::check_mobile(
        &read_owned(&value),
        read_opts(&opts).as_ref(),
    ))
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
fn read_json<'t>(
    js: &JsValue,
    opts: &Option<JsValue>,
    buffer: &'t mut String,
) -> Result<Value<'t>, JsValue> {
    match js.as_string() {
        Some(text) => match js_sys::JSON::parse(&text) {
            Ok(v) => Ok(read(&v, buffer)),
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
        None => Ok(read(js, buffer)),
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
        let name = name.as_ref().map(read_owned);
        api::catalogue_builtin(name.as_ref())
            .map(|inner| JsCatalogue { inner })
            .map_err(error)
    }

    /// Names of the embedded catalogues.
    #[wasm_bindgen(js_name = builtinNames, unchecked_return_type = "BuiltinCatalogueName[]")]
    pub fn builtin_names() -> JsValue {
        parse_json(&report_json::names_text(
            procurement_precheck::catalogue::builtin::NAMES,
        ))
    }

    /// Load and validate a catalogue from JSON text or an object; throws a `PrecheckError` whose
    /// `findings` list every problem (nothing is half-loaded).
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "string | CatalogueJson")] json: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "LoadOptions")] opts: Option<JsValue>,
    ) -> Result<JsCatalogue, JsValue> {
        let mut buffer = String::new();
        let v = read_json(&json, &opts, &mut buffer)?;
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
        let mut buffer = String::new();
        let v = read_json(&json, &opts, &mut buffer)?;
        api::catalogue_overlay(&self.inner, &v, read_opts(&opts).as_ref())
            .map(wrap)
            .map_err(error)
    }

    /// The item with this code, or `null`.
    #[wasm_bindgen(unchecked_return_type = "CatalogueItem | null")]
    pub fn get(&self, #[wasm_bindgen(unchecked_param_type = "string")] code: JsValue) -> JsValue {
        code.as_string()
            .and_then(|c| {
                self.inner
                    .get(&c)
                    .map(|it| parse_json(&report_json::catalogue_item_text(it)))
            })
            .unwrap_or(JsValue::NULL)
    }

    /// Children of an item, or the top-level classes without a code.
    #[wasm_bindgen(unchecked_return_type = "CatalogueItem[]")]
    pub fn children(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "string")] code: Option<JsValue>,
    ) -> JsValue {
        match code.filter(|c| !c.is_undefined() && !c.is_null()) {
            None => items_to_js(self.inner.children(None)),
            Some(c) => items_to_js(
                c.as_string()
                    .map(|c| self.inner.children(Some(&c)))
                    .unwrap_or_default(),
            ),
        }
    }

    /// The items from the top-level class down to `code` (empty if unknown).
    #[wasm_bindgen(unchecked_return_type = "CatalogueItem[]")]
    pub fn path(&self, #[wasm_bindgen(unchecked_param_type = "string")] code: JsValue) -> JsValue {
        items_to_js(
            code.as_string()
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
        // (the same bytes as serde_json would write, a tenth of the time).
        // Options of one safe integer `limit` (what a search box passes on every keystroke)
        // are read with one call returning a number, not as a JSON text: the same value.
        let opts = match &opts {
            Some(o) if !o.is_undefined() && !o.is_null() => match search_limit(o) {
                l if l >= 1.0 => Some(Value::Object(vec![(
                    "limit".into(),
                    Value::Number((l as i64).to_string().into()),
                )])),
                _ => Some(read_owned(o)),
            },
            _ => None,
        };
        api::catalogue_search_json(&self.inner, &read_owned(&query), opts.as_ref())
            .map(|text| parse_json(&text))
            .map_err(error)
    }

    /// Screen a purchase project against this catalogue.
    #[wasm_bindgen(js_name = screenPurchase, unchecked_return_type = "ScreenReport")]
    pub fn screen_purchase(
        &self,
        #[wasm_bindgen(unchecked_param_type = "PurchaseProject")] project: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ScreenOptions")] opts: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        api::screen_purchase(
            &self.inner,
            &read(&project, &mut String::new()),
            read_opts(&opts).as_ref(),
            today(),
        )
        .map(|r| parse_json(&report_json::screen_report_text(&r)))
        .map_err(error)
    }

    /// Check a supplier's application against GPL Art. 22 / MOF-102, with this catalogue for
    /// `opts.itemCode` (see `checkSupplier`).
    #[wasm_bindgen(js_name = checkSupplier, unchecked_return_type = "SupplierReport")]
    pub fn check_supplier(
        &self,
        #[wasm_bindgen(unchecked_param_type = "SupplierApplication")] application: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "SupplierOptions")] opts: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        api::check_supplier_grouped(
            &read(&application, &mut String::new()),
            read_opts(&opts).as_ref(),
            Some(&self.inner),
            today(),
        )
        .map(|r| grouped_report_to_js(&r))
        .map_err(error)
    }

    /// Check every application of one package (each as `checkSupplier` does), plus the
    /// same-package conflicts of GPL-IR Art. 18 across them (see `checkPackage`).
    #[wasm_bindgen(js_name = checkPackage, unchecked_return_type = "PackageReport")]
    pub fn check_package(
        &self,
        #[wasm_bindgen(unchecked_param_type = "SupplierApplication[]")] applications: JsValue,
        #[wasm_bindgen(unchecked_param_type = "SupplierOptions")] opts: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        let mut r = api::check_package(
            &read(&applications, &mut String::new()),
            read_opts(&opts).as_ref(),
            Some(&self.inner),
            today(),
        )
        .map_err(error)?;
        let grouped: Vec<u8> = r
            .reports
            .iter_mut()
            .map(|r| u8::from(r.drop_grouped_findings()))
            .collect();
        Ok(package_from_json(
            &procurement_precheck::report::json::package_report_text(&r),
            &grouped,
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
// The whole API's module only: npm/src/adapters.js, its one caller, imports that module.
#[cfg(feature = "full")]
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
        &read_owned(&value),
        read_opts(&opts).as_ref(),
    ))
}

// ---- reports: each finding crosses once ----

#[cfg(feature = "full")]
use procurement_precheck::qualification::SupplierReport;
#[cfg(feature = "full")]
use procurement_precheck::report::json::supplier_report_text;

/// So that each finding is built, serialised, decoded and parsed once, a report is made with its
/// flat `findings` holding only the findings of no group ([`api::check_supplier_grouped`], the
/// form [`SupplierReport::drop_grouped_findings`] leaves) and leaves as one JSON text;
/// js/plain.js parses it and rebuilds the list in plain JS: every group's findings (the same
/// objects), then the ones it carried, in the property's place — the documented shape, the CLI's
/// JSON text. One call across the boundary (rebuilding the list from here took a few hundred
/// `Reflect` calls: about a tenth of the whole call in Node and in Chromium, bench/phases).
#[cfg(feature = "full")]
fn grouped_report_to_js(r: &SupplierReport) -> JsValue {
    report_from_json(&supplier_report_text(r), true)
}

// ---- the fast paths (called by the package's JS wrappers in npm/src/fast.js, not public) ----

/// Whether `checkUscc` passes a code as it stands with no finding (see
/// [`procurement_precheck::fields::uscc::passes_as_is`]). The code travels as its 18 ASCII
/// bytes packed four to a number (`w0` holds bytes 0–3, little end first; `w4` bytes 16–17):
/// no allocation, no copy into memory, nothing serialised. The wrapper (npm/src/fast.js) packs
/// only strings of 18 ASCII characters and builds the result from the labels of the code's
/// first eight characters, learnt from the full check the first time it meets them.
#[wasm_bindgen(js_name = usccPassesAsIs, skip_typescript)]
pub fn uscc_passes_as_is(w0: u32, w1: u32, w2: u32, w3: u32, w4: u32) -> bool {
    let mut bytes = [0u8; 20];
    for (chunk, w) in bytes.chunks_mut(4).zip([w0, w1, w2, w3, w4]) {
        chunk.copy_from_slice(&w.to_le_bytes());
    }
    let (code, rest) = bytes.split_at(18);
    rest == [0, 0]
        && std::str::from_utf8(code).is_ok_and(procurement_precheck::fields::uscc::passes_as_is)
}

/// The floor a call can be compared with (bench/bench.mjs): a string in, the same string out,
/// through the same glue as every check.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = benchEcho, skip_typescript)]
pub fn bench_echo(s: String) -> String {
    s
}

// ---- phases of checkSupplier, each alone (feature `phases`: measurements, never shipped) ----

#[cfg(feature = "phases")]
#[wasm_bindgen(js_class = Catalogue)]
impl JsCatalogue {
    /// read() of the application (plainJson + from_json_text).
    #[wasm_bindgen(js_name = phaseRead)]
    pub fn phase_read(&self, application: JsValue) -> bool {
        std::hint::black_box(read(&application, &mut String::new()));
        true
    }
    /// from_json_text of a string (the string's transfer included).
    #[wasm_bindgen(js_name = phaseReadText)]
    pub fn phase_read_text(&self, text: String) -> bool {
        std::hint::black_box(Value::from_json_text(&text)).is_some()
    }
    /// read() of both arguments and the core's check.
    #[wasm_bindgen(js_name = phaseCore)]
    pub fn phase_core(&self, application: JsValue, opts: Option<JsValue>) -> bool {
        let r = api::check_supplier_grouped(
            &read(&application, &mut String::new()),
            read_opts(&opts).as_ref(),
            Some(&self.inner),
            today(),
        );
        std::hint::black_box(r).is_ok()
    }
    /// The core's check on values read once (no reading per call): the core alone.
    #[wasm_bindgen(js_name = phaseCoreOnly)]
    pub fn phase_core_only(&self, application: JsValue, opts: Option<JsValue>, n: u32) -> bool {
        let mut a = String::new();
        let app = read(&application, &mut a);
        let opts = read_opts(&opts);
        let mut ok = true;
        for _ in 0..n {
            let r = api::check_supplier_grouped(&app, opts.as_ref(), Some(&self.inner), today());
            ok &= std::hint::black_box(r).is_ok();
        }
        ok
    }
    /// The core's check plus the report's JSON text (report::json), on values read once, n times.
    #[wasm_bindgen(js_name = phaseCoreJson)]
    pub fn phase_core_json(&self, application: JsValue, opts: Option<JsValue>, n: u32) -> usize {
        let mut a = String::new();
        let app = read(&application, &mut a);
        let opts = read_opts(&opts);
        let mut len = 0;
        for _ in 0..n {
            if let Ok(r) =
                api::check_supplier_grouped(&app, opts.as_ref(), Some(&self.inner), today())
            {
                len += supplier_report_text(&r).len();
            }
        }
        len
    }
    /// read, core, the report's JSON text (grouped findings dropped), left in wasm.
    #[wasm_bindgen(js_name = phaseJson)]
    pub fn phase_json(&self, application: JsValue, opts: Option<JsValue>) -> usize {
        api::check_supplier_grouped(
            &read(&application, &mut String::new()),
            read_opts(&opts).as_ref(),
            Some(&self.inner),
            today(),
        )
        .map(|r| supplier_report_text(&r).len())
        .unwrap_or(0)
    }
    /// The same JSON text returned as a string (its transfer, UTF-8 → UTF-16).
    #[wasm_bindgen(js_name = phaseText)]
    pub fn phase_text(&self, application: JsValue, opts: Option<JsValue>) -> String {
        api::check_supplier_grouped(
            &read(&application, &mut String::new()),
            read_opts(&opts).as_ref(),
            Some(&self.inner),
            today(),
        )
        .map(|r| supplier_report_text(&r))
        .unwrap_or_default()
    }
    /// to_js without regroup (JSON.parse called from wasm).
    #[wasm_bindgen(js_name = phaseParsed)]
    pub fn phase_parsed(&self, application: JsValue, opts: Option<JsValue>) -> JsValue {
        api::check_supplier_grouped(
            &read(&application, &mut String::new()),
            read_opts(&opts).as_ref(),
            Some(&self.inner),
            today(),
        )
        .map(|r| parse_json(&supplier_report_text(&r)))
        .unwrap_or(JsValue::NULL)
    }
}
