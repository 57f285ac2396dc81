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
            Value::Object(entries) => entries
                .iter()
                .rev()
                .find(|(k, _)| key_eq(k, key))
                .map(|(_, v)| v),
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

/// `a == b` for the short keys of an object: the length and the first and last bytes decide
/// most mismatches without a call to compare the bytes.
#[inline]
pub fn key_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.len() == b.len() && a.first() == b.first() && a.last() == b.last() && a == b
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

impl Value {
    /// Reads JSON text as a JS engine's `JSON.stringify` writes it, each number's text kept as
    /// written; `None` on anything else (a syntax error, trailing text, nesting past a hard
    /// limit, or a number with an exponent, whose text would differ from [`number_text`]'s),
    /// and the caller reads the value another way. For such text the result is the value the
    /// serde path gives for the same data: past [`MAX_DEPTH`] or [`MAX_NODES`] a subtree reads as
    /// [`Value::Unsupported`], and a lone surrogate escape as U+FFFD. The wasm boundary reads a
    /// plain JS object this way (one `JSON.stringify`, one string across) instead of property by
    /// property.
    pub fn from_json_text(text: &str) -> Option<Value> {
        let mut p = JsonText {
            text,
            bytes: text.as_bytes(),
            at: 0,
            budget: MAX_NODES,
        };
        let v = p.value(0, true)?;
        p.space();
        (p.at == p.bytes.len()).then_some(v)
    }
}

/// Whether a JSON number without exponent is, as written, the text [`number_text`] gives for
/// the f64 it names: at most 15 significant digits (so the f64 holds them exactly and its
/// shortest form is this one), no trailing zero after the point, not a negative zero. What
/// `JSON.stringify` writes for money, counts and years is; the rest goes the serde way.
fn shortest_as_written(text: &str) -> bool {
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    if frac.ends_with('0') {
        return false;
    }
    let digits = int.trim_start_matches('0').len() + frac.len();
    let significant = if frac.is_empty() {
        int.trim_start_matches('0').trim_end_matches('0').len()
    } else if int.trim_start_matches('0').is_empty() {
        frac.trim_start_matches('0').len()
    } else {
        digits
    };
    let zero = int.bytes().all(|b| b == b'0') && frac.is_empty();
    significant <= 15 && !(zero && text.starts_with('-'))
}

/// Nesting past this fails [`Value::from_json_text`] (the serde path takes over): the parser
/// recurses, and a skipped subtree is still parsed.
const HARD_DEPTH: usize = 512;

struct JsonText<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    budget: usize,
}

// The small helpers are inlined by hand: the wasm build optimises for size and would call them.
impl<'a> JsonText<'a> {
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    #[inline(always)]
    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn word(&mut self, w: &str) -> Option<()> {
        let end = self.at + w.len();
        (self.bytes.get(self.at..end)? == w.as_bytes()).then(|| self.at = end)
    }

    /// A value at `depth`; when `keep` is false (inside a subtree past the limits) it is
    /// parsed, not counted, and read as unsupported.
    fn value(&mut self, depth: usize, keep: bool) -> Option<Value> {
        self.space();
        if depth > HARD_DEPTH {
            return None;
        }
        let keep_this = keep && depth <= MAX_DEPTH && self.budget > 0;
        if keep_this {
            self.budget -= 1;
        }
        let v = match self.peek()? {
            b'n' => self.word("null").map(|_| Value::Null),
            b't' => self.word("true").map(|_| Value::Bool(true)),
            b'f' => self.word("false").map(|_| Value::Bool(false)),
            b'"' => self.string().map(Value::String),
            b'-' | b'0'..=b'9' => self.number().map(Value::Number),
            b'[' => self.array(depth, keep_this),
            b'{' => self.object(depth, keep_this),
            _ => None,
        }?;
        Some(if keep_this { v } else { Value::Unsupported })
    }

    fn array(&mut self, depth: usize, keep: bool) -> Option<Value> {
        self.at += 1;
        let mut out = Vec::new();
        self.space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Some(Value::Array(out));
        }
        loop {
            out.push(self.value(depth + 1, keep)?);
            self.space();
            match self.peek()? {
                b',' => self.at += 1,
                b']' => {
                    self.at += 1;
                    return Some(Value::Array(out));
                }
                _ => return None,
            }
        }
    }

    fn object(&mut self, depth: usize, keep: bool) -> Option<Value> {
        self.at += 1;
        let mut out = Vec::new();
        self.space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Some(Value::Object(out));
        }
        loop {
            self.space();
            if self.peek() != Some(b'"') {
                return None;
            }
            let key = self.string()?;
            self.space();
            if self.peek() != Some(b':') {
                return None;
            }
            self.at += 1;
            out.push((key, self.value(depth + 1, keep)?));
            self.space();
            match self.peek()? {
                b',' => self.at += 1,
                b'}' => {
                    self.at += 1;
                    return Some(Value::Object(out));
                }
                _ => return None,
            }
        }
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?`, as written; refused unless [`shortest_as_written`].
    fn number(&mut self) -> Option<String> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        let digits = |p: &mut Self| {
            let from = p.at;
            while matches!(p.peek(), Some(b'0'..=b'9')) {
                p.at += 1;
            }
            p.at - from
        };
        let first = self.peek();
        let n = digits(self);
        if n == 0 || (first == Some(b'0') && n > 1) {
            return None;
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if digits(self) == 0 {
                return None;
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            return None;
        }
        let text = self.text.get(start..self.at)?;
        shortest_as_written(text).then(|| text.to_string())
    }

    /// Four hex digits of a `\u` escape.
    fn hex4(&mut self) -> Option<u32> {
        let s = self.text.get(self.at..self.at + 4)?;
        self.at += 4;
        if !s.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        u32::from_str_radix(s, 16).ok()
    }

    /// The bytes up to the next quote, backslash or control character.
    #[inline(always)]
    fn run(&mut self) -> Option<&'a str> {
        let from = self.at;
        let text: &'a str = self.text;
        let rest = text.as_bytes().get(from..)?;
        let n = rest
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
            .unwrap_or(rest.len());
        self.at += n;
        text.get(from..self.at)
    }

    fn string(&mut self) -> Option<String> {
        self.at += 1; // the opening quote
        let first = self.run()?;
        if self.peek() == Some(b'"') {
            // No escape: the common case, one allocation of the right size.
            let out = first.to_string();
            self.at += 1;
            return Some(out);
        }
        let mut out = first.to_string();
        loop {
            out.push_str(self.run()?);
            match self.peek()? {
                b'"' => {
                    self.at += 1;
                    return Some(out);
                }
                b'\\' => {
                    self.at += 1;
                    let c = self.peek()?;
                    self.at += 1;
                    match c {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let hi = self.hex4()?;
                            let c = if (0xD800..0xDC00).contains(&hi)
                                && self.bytes.get(self.at..self.at + 2) == Some(b"\\u")
                            {
                                let back = self.at;
                                self.at += 2;
                                match self.hex4()? {
                                    lo @ 0xDC00..=0xDFFF => char::from_u32(
                                        0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00),
                                    ),
                                    _ => {
                                        self.at = back; // a lone high surrogate, then another escape
                                        None
                                    }
                                }
                            } else {
                                char::from_u32(hi)
                            };
                            out.push(c.unwrap_or('\u{FFFD}'));
                        }
                        _ => return None,
                    }
                }
                _ => return None, // a raw control character
            }
        }
    }
}
