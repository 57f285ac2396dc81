//! A JSON-like value that every entry point reads its loosely typed input through.
//!
//! Portals pass anything: strings, numbers, `null`, objects built by hand. Reading them into
//! a [`Value`] first (with serde, from JSON natively or from a JS value in wasm) lets each rule
//! report a wrong type with the exact field path instead of failing the whole call.
//! Numbers are kept as their shortest decimal text, never as `f64`, so money stays exact.

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::cell::Cell;
use std::fmt;

/// Nesting deeper than this is refused (guards against circular or hostile input).
pub const MAX_DEPTH: usize = 64;

/// At most this many values are read from one input (a circular JS object is an endless
/// tree; a hostile one can be very wide). Beyond it every value reads as unsupported, cheaply.
pub const MAX_NODES: usize = 200_000;

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// A number as decimal text: `"1234.5"`, `"-0"`, `"NaN"`, `"inf"`.
    Number(String),
    String(String),
    Array(Vec<Value>),
    /// Keys in input order (duplicates kept; readers take the last).
    Object(Vec<(String, Value)>),
    /// Something JSON cannot carry (a JS symbol, function, BigInt, or a circular or too
    /// deeply nested object); checks report it as a wrong type.
    Unsupported,
}

impl Value {
    /// A short name of the type, for messages (`text`, `number`, …).
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
            Value::Unsupported => "unsupported",
        }
    }

    /// Look up a key of an object (the last one wins, as in `JSON.parse`).
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(entries) => entries.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// `true` for `null` (and for JS `undefined`, which arrives as `Null`).
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
}

/// Text of an `f64` as the shortest decimal that round-trips (Rust's `Display`), with the
/// non-finite values spelled out. Used only at the edge where a JS or JSON number arrives.
pub fn number_text(n: f64) -> String {
    if n.is_nan() {
        "NaN".into()
    } else if n.is_infinite() {
        if n > 0.0 { "Infinity" } else { "-Infinity" }.into()
    } else if n == 0.0 && n.is_sign_negative() {
        "-0".into()
    } else {
        format!("{n}")
    }
}

struct Seed<'b> {
    depth: usize,
    /// Values still allowed to be read from this input.
    budget: &'b Cell<usize>,
}

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = Value;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        let left = self.budget.get();
        if self.depth > MAX_DEPTH || left == 0 {
            // Only this subtree is lost (a circular JS object ends here too): it is skipped and
            // read as unsupported, so the fields around it are still checked and the finding
            // names the field where the nesting went too deep.
            d.deserialize_ignored_any(de::IgnoredAny)?;
            return Ok(Value::Unsupported);
        }
        self.budget.set(left - 1);
        d.deserialize_any(ValueVisitor {
            depth: self.depth,
            budget: self.budget,
        })
    }
}

struct ValueVisitor<'b> {
    depth: usize,
    budget: &'b Cell<usize>,
}

impl<'de> Visitor<'de> for ValueVisitor<'_> {
    type Value = Value;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Seed {
            depth: self.depth,
            budget: self.budget,
        }
        .deserialize(d)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.to_string()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.to_string()))
    }
    fn visit_i128<E>(self, v: i128) -> Result<Value, E> {
        Ok(Value::Number(v.to_string()))
    }
    fn visit_u128<E>(self, v: u128) -> Result<Value, E> {
        Ok(Value::Number(v.to_string()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Number(number_text(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::new();
        while let Some(v) = seq.next_element_seed(Seed {
            depth: self.depth + 1,
            budget: self.budget,
        })? {
            out.push(v);
        }
        Ok(Value::Array(out))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Vec::new();
        while let Some(k) = map.next_key::<String>()? {
            let v = map.next_value_seed(Seed {
                depth: self.depth + 1,
                budget: self.budget,
            })?;
            out.push((k, v));
        }
        Ok(Value::Object(out))
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
        let budget = Cell::new(MAX_NODES);
        Seed {
            depth: 0,
            budget: &budget,
        }
        .deserialize(d)
    }
}
