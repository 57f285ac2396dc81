//! Options of the entry points, read from a loosely typed [`Value`] so that a wrong option is
//! a structured error naming it (`opts.locale`), never a crash.

use crate::fields::date::Date;
use crate::number::Number;
use crate::read::{At, Read, WrongType};
use crate::report::{codes, Locale, Params, PrecheckError};
use crate::value::Value;

/// What an option's value should be, as an `options.bad_value` message says it: the row
/// `expected.<kind>` of `data/labels.tsv` in the caller's language, filled with its parameters
/// (never a code string inside a sentence of another language).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected<'a> {
    /// One of these words (`zh-CN | zh-TW | en`, `error | warning | info`).
    OneOf(&'a [&'a str]),
    /// A finite number.
    FiniteNumber,
    /// A whole number from `min` to `max`.
    WholeNumber { min: u64, max: u64 },
    /// A number of at least `min`.
    AtLeast(u64),
    /// A date, `YYYY-MM-DD`.
    Date,
    /// An amount in yuan (`2000000`).
    AmountYuan,
    /// A code of the catalogue with this version.
    ItemCode(&'a str),
    /// A code of an embedded catalogue.
    EmbeddedItemCode,
    /// A percentage rate or a range of rates (`10%`, `10%–20%`).
    Rate,
    /// A day of the year, `MM-DD`.
    MonthDay,
    /// A sector name of 1 to 60 characters.
    SectorName,
    /// An object of at most this many entries.
    AtMostEntries(u64),
}

impl Expected<'_> {
    /// The `expected` parameter (the row `expected.<kind>`) and the row's own parameters.
    fn params(self, p: &mut Params) {
        let kind = match self {
            Expected::OneOf(words) => {
                p.insert("allowed", words.join(" | "));
                "one_of"
            }
            Expected::FiniteNumber => "finite_number",
            Expected::WholeNumber { min, max } => {
                p.insert("min", min.to_string());
                p.insert("max", max.to_string());
                "whole_number"
            }
            Expected::AtLeast(min) => {
                p.insert("min", min.to_string());
                "at_least"
            }
            Expected::Date => "date",
            Expected::AmountYuan => "amount_yuan",
            Expected::ItemCode(version) => {
                p.insert("catalogue", version.chars().take(60).collect());
                "item_code"
            }
            Expected::EmbeddedItemCode => "embedded_item_code",
            Expected::Rate => "rate",
            Expected::MonthDay => "month_day",
            Expected::SectorName => "sector_name",
            Expected::AtMostEntries(max) => {
                p.insert("max", max.to_string());
                "at_most_entries"
            }
        };
        p.insert("expected", kind.into());
    }
}

/// Longest label of `opts.labels` (characters; longer ones are cut, like `opts.label`).
const MAX_LABEL: usize = 100;

/// Options every field check takes.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldOptions {
    /// Message language (`opts.locale`; default zh-CN).
    pub locale: Locale,
    /// The field's label as the form shows it (`opts.label`); default: the field's usual name.
    pub label: Option<String>,
    /// The path findings carry (`opts.path`); default: the field key (`uscc`, `idNumber`, …).
    pub path: Option<String>,
    /// Whether an empty value is an error (`opts.required`; default true).
    pub required: bool,
}

impl Default for FieldOptions {
    fn default() -> Self {
        FieldOptions {
            locale: Locale::ZhCn,
            label: None,
            path: None,
            required: true,
        }
    }
}

/// Reads an options object through the one path-aware reader ([`At`]): every accessor names
/// the option in its error, at the path the value was read from.
pub struct Reader<'a> {
    at: At<'a, 'a>,
    locale: Locale,
}

impl<'a> Reader<'a> {
    /// `value` may be `null`/absent (all defaults) or an object; anything else is an error.
    pub fn new(value: Option<&'a Value>, prefix: &'a str) -> Result<Self, PrecheckError> {
        let mut reader = Reader::nested(value, prefix, Locale::ZhCn)?;
        // The locale is read first so that every later error is in the caller's language.
        if let Some(tag) = reader.string("locale")? {
            reader.locale = Locale::parse(&tag).ok_or_else(|| {
                reader.bad_value("locale", &tag, Expected::OneOf(&["zh-CN", "zh-TW", "en"]))
            })?;
        }
        Ok(reader)
    }

    /// A reader of a nested options object (`opts.policy`) whose errors, its own type's
    /// included, are in the caller's `locale` (it has no `locale` of its own).
    pub fn nested(
        value: Option<&'a Value>,
        prefix: &'a str,
        locale: Locale,
    ) -> Result<Self, PrecheckError> {
        let reader = Reader {
            at: At::new(value, prefix),
            locale,
        };
        match reader.at.object() {
            Ok(_) => Ok(reader),
            Err(w) => Err(reader.wrong(reader.at, w)),
        }
    }

    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// The same reader with errors in `locale` (for a nested options object such as
    /// `opts.policy`, whose errors follow `opts.locale`).
    pub fn with_locale(mut self, locale: Locale) -> Self {
        self.locale = locale;
        self
    }

    /// Keys of the options object, in input order.
    pub fn keys(&self) -> Vec<&'a str> {
        self.at.entries().iter().map(|(k, _)| k.as_ref()).collect()
    }

    /// A structured error with any code of the message table, naming `opts.<key>`.
    pub fn error_with(&self, code: &'static str, key: &str, params: Params) -> PrecheckError {
        self.error(code, self.at.key(key), params)
    }

    fn error(&self, code: &'static str, at: At, params: Params) -> PrecheckError {
        use crate::report::{Context, Raw};
        let path = at.path_text();
        let mut raw = Raw::error(code);
        raw.params = params;
        raw.params.insert("path", path.clone());
        let finding = Context {
            locale: self.locale,
            path: &path,
            label: "",
            group: None,
        }
        .render(raw);
        PrecheckError {
            code: code.to_string(),
            path,
            message: finding.message,
            findings: vec![],
        }
    }

    /// The options object itself, to read a nested value the accessors do not cover.
    pub fn at(&self) -> At<'a, 'a> {
        self.at
    }

    /// The error for a value of the wrong type at `at`.
    pub fn wrong(&self, at: At, w: WrongType) -> PrecheckError {
        let mut p = Params::new();
        p.insert("expected", w.expected.into());
        p.insert("got", w.got.into());
        self.error(codes::OPTIONS_WRONG_TYPE, at, p)
    }

    /// A wrong-type error for the object this reader reads itself (its path: the prefix).
    pub fn wrong_type_here(&self, expected: &'static str, got: &Value) -> PrecheckError {
        let got = got.type_name();
        self.wrong(self.at, WrongType { expected, got })
    }

    fn bad(&self, at: At, value: &str, expected: Expected) -> PrecheckError {
        let mut p = Params::new();
        p.insert("value", value.chars().take(60).collect());
        expected.params(&mut p);
        self.error(codes::OPTIONS_BAD_VALUE, at, p)
    }

    /// A bad-value error for the object this reader reads itself (its path: the prefix).
    pub fn bad_value_here(&self, value: &str, expected: Expected) -> PrecheckError {
        self.bad(self.at, value, expected)
    }

    /// An error for a value that has the right type but is not acceptable.
    pub fn bad_value(&self, key: &str, value: &str, expected: Expected) -> PrecheckError {
        self.bad(self.at.key(key), value, expected)
    }

    /// A typed read of `key`: a wrong type is an error naming it.
    fn read<T>(
        &self,
        key: &str,
        read: impl Fn(At<'a, '_>) -> Read<T>,
    ) -> Result<Option<T>, PrecheckError> {
        let at = self.at.key(key);
        read(at).map_err(|w| self.wrong(at, w))
    }

    pub fn string(&self, key: &str) -> Result<Option<String>, PrecheckError> {
        Ok(self.read(key, |a| a.string())?.map(str::to_string))
    }

    /// A wrong-type error for `key` (for callers that check a key themselves).
    pub fn wrong_type_of(&self, key: &str, expected: &'static str) -> PrecheckError {
        let at = self.at.key(key);
        self.wrong(at, at.wrong_type(expected))
    }

    /// A finite number option (counts and limits, never money), read without `f64`.
    pub fn number(&self, key: &str) -> Result<Option<Number<'a>>, PrecheckError> {
        match self.read(key, |a| a.number())? {
            None => Ok(None),
            Some(n) => match Number::parse(n) {
                Some(x) => Ok(Some(x)),
                None => Err(self.bad_value(key, n, Expected::FiniteNumber)),
            },
        }
    }

    pub fn bool(&self, key: &str) -> Result<Option<bool>, PrecheckError> {
        self.read(key, |a| a.bool())
    }

    pub fn strings(&self, key: &str) -> Result<Vec<String>, PrecheckError> {
        let at = self.at.key(key);
        let items = at
            .array()
            .map_err(|w| self.wrong(at, w.expecting("strings")))?;
        (0..items.map_or(0, <[Value]>::len))
            .map(|i| {
                let item = at.index(i);
                match item.string() {
                    Ok(Some(s)) => Ok(s.to_string()),
                    Ok(None) => Err(self.wrong(item, item.wrong_type("string"))),
                    Err(w) => Err(self.wrong(item, w)),
                }
            })
            .collect()
    }

    /// One of several words.
    pub fn choice(&self, key: &str, allowed: &[&str]) -> Result<Option<String>, PrecheckError> {
        match self.string(key)? {
            None => Ok(None),
            Some(s) if allowed.contains(&s.as_str()) => Ok(Some(s)),
            Some(s) => Err(self.bad_value(key, &s, Expected::OneOf(allowed))),
        }
    }

    /// A date option (`YYYY-MM-DD` or any format [`Date::parse`] accepts).
    pub fn date(&self, key: &str) -> Result<Option<Date>, PrecheckError> {
        match self.string(key)? {
            None => Ok(None),
            Some(s) => Date::parse(&s)
                .map(Some)
                .map_err(|_| self.bad_value(key, &s, Expected::Date)),
        }
    }

    /// A map of labels (`opts.labels`: `{ "uscc": "信用代码", "penalties[].fineAmount": "罚款" }`):
    /// an object whose values are strings (blank ones are left out, long ones cut to 100
    /// characters); `null` values are skipped. Anything else is an error naming
    /// `opts.labels` or `opts.labels.<key>`.
    pub fn labels(
        &self,
        key: &str,
    ) -> Result<crate::sorted::SortedMap<String, String>, PrecheckError> {
        let mut out = crate::sorted::SortedMap::new();
        let at = self.at.key(key);
        let Some(map) = at.object().map_err(|w| self.wrong(at, w))? else {
            return Ok(out);
        };
        for (k, v) in map.entries() {
            // Each entry's own value (a repeated key: each is read, the last one kept), named
            // in an error by its key cut to 60 characters.
            let name: String = k.chars().take(60).collect();
            let label = At::new(Some(v), map.path.key(&name));
            match label.string() {
                Ok(None) => {}
                Ok(Some(s)) if s.trim().is_empty() => {}
                Ok(Some(s)) => {
                    out.insert(k.to_string(), s.trim().chars().take(MAX_LABEL).collect());
                }
                Err(w) => return Err(self.wrong(label, w)),
            }
        }
        Ok(out)
    }

    /// The options every field check takes.
    pub fn field_options(&self) -> Result<FieldOptions, PrecheckError> {
        let label = self.string("label")?.filter(|s| !s.trim().is_empty());
        Ok(FieldOptions {
            locale: self.locale,
            label: label.map(|s| s.chars().take(100).collect()),
            path: self.string("path")?,
            required: self.bool("required")?.unwrap_or(true),
        })
    }
}
