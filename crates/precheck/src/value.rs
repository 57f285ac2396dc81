//! A JSON-like value that every entry point reads its loosely typed input through.
//!
//! Portals pass anything: strings, numbers, `null`, objects built by hand. Reading them into
//! a [`Value`] first (with serde, from JSON natively or from a JS value in wasm) lets each rule
//! report a wrong type with the exact field path instead of failing the whole call.
//! Numbers are kept as their shortest decimal text, never as `f64`, so money stays exact.

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::borrow::Cow;
use std::cell::Cell;
use std::fmt;

/// Nesting deeper than this is refused (guards against circular or hostile input).
pub const MAX_DEPTH: usize = 64;

/// At most this many values are read from one input (a circular JS object is an endless
/// tree; a hostile one can be very wide). Beyond it every value reads as unsupported, cheaply.
pub const MAX_NODES: usize = 200_000;

/// Texts borrow from the JSON text they were read from wherever they stand in it as they are
/// (no escape): reading an application allocates its containers, not its hundreds of keys
/// and strings. A plain JS object crosses the wasm boundary as JSON text and borrows from it;
/// a JS value read property by property, or a value built by hand, owns its texts.
///
/// The tag is a whole word (`repr(u64)`; the size stays 32 bytes): with a one-byte tag the
/// compiler moved a value as a byte and a copy at offset 1, stores that the next loads could
/// not forward from. Reading the bench application (3.5 KB of JSON) took 6.9 µs natively
/// (5.8 with the word) and in headless Chromium, the string's transfer included, 15.5 µs (13.4).
#[derive(Debug, Clone, PartialEq)]
#[repr(u64)]
pub enum Value<'a> {
    Null,
    Bool(bool),
    /// A number as decimal text: `"1234.5"`, `"-0"`, `"NaN"`, `"inf"`.
    Number(Cow<'a, str>),
    String(Cow<'a, str>),
    Array(Vec<Value<'a>>),
    /// Keys in input order (duplicates kept; readers take the last).
    Object(Vec<(Cow<'a, str>, Value<'a>)>),
    /// Something JSON cannot carry (a JS symbol, function, BigInt, or a circular or too
    /// deeply nested object); checks report it as a wrong type.
    Unsupported,
}

impl<'a> Value<'a> {
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
    pub fn get(&self, key: &str) -> Option<&Value<'a>> {
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

    /// The same value owning its texts (to keep it beyond the text it was read from).
    pub fn into_owned(self) -> Value<'static> {
        let own = |c: Cow<'a, str>| Cow::Owned(c.into_owned());
        match self {
            Value::Null => Value::Null,
            Value::Bool(b) => Value::Bool(b),
            Value::Number(n) => Value::Number(own(n)),
            Value::String(s) => Value::String(own(s)),
            Value::Array(items) => Value::Array(items.into_iter().map(Value::into_owned).collect()),
            Value::Object(entries) => Value::Object(
                entries
                    .into_iter()
                    .map(|(k, v)| (own(k), v.into_owned()))
                    .collect(),
            ),
            Value::Unsupported => Value::Unsupported,
        }
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
    type Value = Value<'de>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Value<'de>, D::Error> {
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
    type Value = Value<'de>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_unit<E>(self) -> Result<Value<'de>, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value<'de>, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<Value<'de>, D::Error> {
        Seed {
            depth: self.depth,
            budget: self.budget,
        }
        .deserialize(d)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value<'de>, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value<'de>, E> {
        Ok(Value::Number(v.to_string().into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value<'de>, E> {
        Ok(Value::Number(v.to_string().into()))
    }
    fn visit_i128<E>(self, v: i128) -> Result<Value<'de>, E> {
        Ok(Value::Number(v.to_string().into()))
    }
    fn visit_u128<E>(self, v: u128) -> Result<Value<'de>, E> {
        Ok(Value::Number(v.to_string().into()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value<'de>, E> {
        Ok(Value::Number(number_text(v).into()))
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Value<'de>, E> {
        Ok(Value::String(Cow::Borrowed(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value<'de>, E> {
        Ok(Value::String(Cow::Owned(v.to_string())))
    }
    fn visit_string<E>(self, v: String) -> Result<Value<'de>, E> {
        Ok(Value::String(Cow::Owned(v)))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value<'de>, A::Error> {
        let mut out = Vec::new();
        while let Some(v) = seq.next_element_seed(Seed {
            depth: self.depth + 1,
            budget: self.budget,
        })? {
            out.push(v);
        }
        Ok(Value::Array(out))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value<'de>, A::Error> {
        let mut out = Vec::new();
        while let Some(k) = map.next_key_seed(KeySeed)? {
            let v = map.next_value_seed(Seed {
                depth: self.depth + 1,
                budget: self.budget,
            })?;
            out.push((k, v));
        }
        Ok(Value::Object(out))
    }
}

/// A key, borrowed from the input where it stands there as it is (serde's own `Cow` always
/// copies).
struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Cow<'de, str>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Cow<'de, str>, D::Error> {
        d.deserialize_str(KeySeed)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Cow<'de, str>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Borrowed(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(v))
    }
}

impl<'de> Deserialize<'de> for Value<'de> {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Value<'de>, D::Error> {
        let budget = Cell::new(MAX_NODES);
        Seed {
            depth: 0,
            budget: &budget,
        }
        .deserialize(d)
    }
}

impl<'a> Value<'a> {
    /// Reads JSON text as a JS engine's `JSON.stringify` writes it, each number's text kept as
    /// written; `None` on anything else (a syntax error, trailing text, or a number with an
    /// exponent or more digits than an f64 holds, whose text would differ from
    /// [`number_text`]'s), and the caller reads the value another way. For such text the result
    /// is the value the serde path gives for the same data: past [`MAX_DEPTH`] or
    /// [`MAX_NODES`] a subtree reads as [`Value::Unsupported`], and a lone surrogate escape as
    /// U+FFFD (as a JS string crossing into wasm does). The wasm boundary reads a plain JS
    /// object this way (one `JSON.stringify`, one string across) instead of property by
    /// property.
    pub fn from_json_text(text: &'a str) -> Option<Value<'a>> {
        JsonText::<false>::read(text)
    }

    /// Reads JSON text exactly as `serde_json::from_str::<Value>` does (with serde_json's
    /// `float_roundtrip`, as the CLI reads): `Some` where serde_json gives `Ok`, with the same
    /// value — numbers of any form (exponents, more digits than an f64 holds: the text of the
    /// f64 serde_json reads, an integer that fits 64 bits as written), the subtrees past the
    /// limits as unsupported, duplicate keys kept — and `None` where it gives an error (a lone
    /// surrogate escape, a number out of the f64 range, trailing text, a byte order mark, …).
    /// Differentially tested against serde_json (crates/precheck-cli/tests/json_read.rs and
    /// fuzz/fuzz_targets/value_json_serde.rs). The CLI reads every JSON line this way.
    pub fn from_json_serde(text: &'a str) -> Option<Value<'a>> {
        JsonText::<true>::read(text)
    }
}

/// Where the parts of a number are in the text.
struct NumberParts {
    neg: bool,
    int: std::ops::Range<usize>,
    /// Empty when there is no fraction.
    frac: std::ops::Range<usize>,
    exp: bool,
}

/// How [`JsonText`] reads what JSON text and JS disagree on (its `SERDE` parameter):
/// - JS (`false`): as a JS value crossing into wasm: a lone surrogate is U+FFFD; a number
///   whose text is not as [`number_text`] would write it is refused (the caller reads the JS
///   value).
/// - serde (`true`): as serde_json: a lone surrogate is an error; every number is read, as
///   serde_json reads it.
///
/// A parameter of the type, so that the wasm module, which reads only the JS way, holds no
/// f64 parsing or formatting.
struct JsonText<'a, const SERDE: bool> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    budget: usize,
    /// The elements of the arrays and the members of the objects being read, innermost last:
    /// each container is moved out into a vector of its exact size when it closes (one
    /// allocation, none grown).
    items: Vec<Value<'a>>,
    members: Vec<(Cow<'a, str>, Value<'a>)>,
}

// The small helpers are inlined by hand: the wasm build optimises for size and would call them.
impl<'a, const SERDE: bool> JsonText<'a, SERDE> {
    /// One value and nothing but white space after it.
    fn read(text: &'a str) -> Option<Value<'a>> {
        // Sized for an application (its widest object, its longest lists), so that one grows
        // only for larger input.
        let mut p = JsonText::<SERDE> {
            text,
            bytes: text.as_bytes(),
            at: 0,
            budget: MAX_NODES,
            items: Vec::with_capacity(16),
            members: Vec::with_capacity(64),
        };
        let v = p.value(0);
        p.space();
        let done = p.at == p.bytes.len();
        v.filter(|_| done)
    }

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

    /// A value at `depth`. Past the depth limit or the node budget it is checked for syntax
    /// only ([`JsonText::skip`], as serde_json ignores a value) and read as unsupported.
    fn value(&mut self, depth: usize) -> Option<Value<'a>> {
        self.space();
        if depth > MAX_DEPTH || self.budget == 0 {
            self.skip()?;
            return Some(Value::Unsupported);
        }
        self.budget -= 1;
        match self.peek()? {
            b'"' => self.string().map(Value::String),
            b'-' | b'0'..=b'9' => self.number().map(Value::Number),
            b'{' => self.object(depth),
            b'[' => self.array(depth),
            b'n' => self.word("null").map(|_| Value::Null),
            b't' => self.word("true").map(|_| Value::Bool(true)),
            b'f' => self.word("false").map(|_| Value::Bool(false)),
            _ => None,
        }
    }

    fn array(&mut self, depth: usize) -> Option<Value<'a>> {
        self.at += 1;
        self.space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Some(Value::Array(Vec::new()));
        }
        let base = self.items.len();
        loop {
            let v = self.value(depth + 1)?;
            self.items.push(v);
            self.space();
            match self.peek()? {
                b',' => self.at += 1,
                b']' => {
                    self.at += 1;
                    return Some(Value::Array(self.items.drain(base..).collect()));
                }
                _ => return None,
            }
        }
    }

    /// `"key":` (white space before it and before the colon).
    #[inline(always)]
    fn key(&mut self) -> Option<Cow<'a, str>> {
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
        Some(key)
    }

    fn object(&mut self, depth: usize) -> Option<Value<'a>> {
        self.at += 1;
        self.space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Some(Value::Object(Vec::new()));
        }
        let base = self.members.len();
        loop {
            let key = self.key()?;
            let v = self.value(depth + 1)?;
            self.members.push((key, v));
            self.space();
            match self.peek()? {
                b',' => self.at += 1,
                b'}' => {
                    self.at += 1;
                    return Some(Value::Object(self.members.drain(base..).collect()));
                }
                _ => return None,
            }
        }
    }

    /// The digits from here on; how many.
    #[inline(always)]
    fn digits(&mut self) -> usize {
        let from = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        self.at - from
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    fn number_syntax(&mut self) -> Option<NumberParts> {
        let neg = self.peek() == Some(b'-');
        if neg {
            self.at += 1;
        }
        let int_start = self.at;
        let first = self.peek();
        let n = self.digits();
        if n == 0 || (first == Some(b'0') && n > 1) {
            return None;
        }
        let int_end = self.at;
        let frac = self.peek() == Some(b'.');
        if frac {
            self.at += 1;
            if self.digits() == 0 {
                return None;
            }
        }
        let frac_end = self.at;
        let exp = matches!(self.peek(), Some(b'e' | b'E'));
        if exp {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if self.digits() == 0 {
                return None;
            }
        }
        Some(NumberParts {
            neg,
            int: int_start..int_end,
            frac: if frac {
                int_end + 1..frac_end
            } else {
                frac_end..frac_end
            },
            exp,
        })
    }

    /// Whether a number without exponent is, as written, the text [`number_text`] gives for
    /// the f64 it names: at most 15 significant digits (so the f64 holds them exactly and its
    /// shortest form is this one), no trailing zero after the point, not a negative zero. What
    /// `JSON.stringify` writes for money, counts and years is; the rest goes the serde way.
    #[inline(always)]
    fn as_written(&self, n: &NumberParts) -> bool {
        let int = self.bytes.get(n.int.clone()).unwrap_or_default();
        let frac = self.bytes.get(n.frac.clone()).unwrap_or_default();
        if frac.last() == Some(&b'0') {
            return false;
        }
        // The integer part has no leading zero but `0` itself.
        let zero_int = int == b"0";
        let significant = if frac.is_empty() {
            int.iter().rev().skip_while(|&&b| b == b'0').count()
        } else if zero_int {
            frac.iter().skip_while(|&&b| b == b'0').count()
        } else {
            int.len() + frac.len()
        };
        significant <= 15 && !(zero_int && frac.is_empty() && n.neg)
    }

    /// A number's text: as written where that is the serde path's text, else (serde mode)
    /// the text of the f64 serde_json reads; refused in JS mode.
    fn number(&mut self) -> Option<Cow<'a, str>> {
        let start = self.at;
        let parts = self.number_syntax()?;
        let (frac, exp) = (!parts.frac.is_empty(), parts.exp);
        let all: &'a str = self.text;
        let text = all.get(start..self.at)?;
        if !exp && self.as_written(&parts) {
            return Some(Cow::Borrowed(text));
        }
        if !SERDE {
            return None;
        }
        if !frac && !exp {
            // An integer: serde_json reads it as a u64, or a negative one as an i64, when it
            // fits (`-0` and what does not fit are f64s).
            let (neg, digits) = match text.strip_prefix('-') {
                Some(d) => (true, d),
                None => (false, text),
            };
            if let Ok(u) = digits.parse::<u64>() {
                if !neg || (u != 0 && u <= 1 << 63) {
                    return Some(Cow::Borrowed(text));
                }
            }
        }
        // Correctly rounded, as serde_json's float_roundtrip reads (an infinite f64 is
        // serde_json's "number out of range").
        let f: f64 = text.parse().ok()?;
        f.is_finite().then(|| Cow::Owned(number_text(f)))
    }

    /// Four hex digits of a `\u` escape.
    #[inline(always)]
    fn hex4(&mut self) -> Option<u32> {
        let mut n = 0;
        for _ in 0..4 {
            let d = char::from(self.peek()?).to_digit(16)?;
            n = n * 16 + d;
            self.at += 1;
        }
        Some(n)
    }

    /// The bytes up to the next quote, backslash or control character (eight at a time).
    #[inline(always)]
    fn run(&mut self) -> Option<&'a str> {
        let from = self.at;
        let text: &'a str = self.text;
        self.at = crate::report::json::next_escape(self.bytes, from).unwrap_or(self.bytes.len());
        text.get(from..self.at)
    }

    fn string(&mut self) -> Option<Cow<'a, str>> {
        self.at += 1; // the opening quote
        let first = self.run()?;
        if self.peek() == Some(b'"') {
            // No escape: the common case, the text as it stands in the JSON.
            self.at += 1;
            return Some(Cow::Borrowed(first));
        }
        let mut out = first.to_string();
        loop {
            out.push_str(self.run()?);
            match self.peek()? {
                b'"' => {
                    self.at += 1;
                    return Some(Cow::Owned(out));
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
                        b'u' => out.push(self.unicode_escape()?),
                        _ => return None,
                    }
                }
                _ => return None, // a raw control character
            }
        }
    }

    /// The character of a `\u` escape (its `\u` read), a surrogate pair's second escape too.
    /// A lone surrogate is U+FFFD in JS mode (a high one followed by another escape leaves
    /// that escape to be read) and an error in serde mode, as serde_json has it.
    fn unicode_escape(&mut self) -> Option<char> {
        let hi = self.hex4()?;
        let lone = match hi {
            0xD800..=0xDBFF if self.bytes.get(self.at..self.at + 2) == Some(b"\\u") => {
                let back = self.at;
                self.at += 2;
                match self.hex4()? {
                    lo @ 0xDC00..=0xDFFF => {
                        return char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00));
                    }
                    _ => {
                        self.at = back; // a lone high surrogate, then another escape
                        true
                    }
                }
            }
            0xD800..=0xDFFF => true,
            _ => false,
        };
        match (lone, SERDE) {
            (false, _) => char::from_u32(hi),
            (true, false) => Some('\u{FFFD}'),
            (true, true) => None,
        }
    }

    /// A string checked for syntax only, its opening quote at `at`: as serde_json ignores one
    /// (escapes valid, `\u` four hex digits whatever they name, no control character).
    fn skip_string(&mut self) -> Option<()> {
        self.at += 1;
        loop {
            self.run()?;
            match self.peek()? {
                b'"' => {
                    self.at += 1;
                    return Some(());
                }
                b'\\' => {
                    self.at += 1;
                    let c = self.peek()?;
                    self.at += 1;
                    match c {
                        b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => {}
                        b'u' => {
                            self.hex4()?;
                        }
                        _ => return None,
                    }
                }
                _ => return None,
            }
        }
    }

    /// `"key":` checked for syntax only.
    fn skip_key(&mut self) -> Option<()> {
        self.space();
        if self.peek() != Some(b'"') {
            return None;
        }
        self.skip_string()?;
        self.space();
        (self.peek() == Some(b':')).then(|| self.at += 1)
    }

    /// A value checked for syntax only, as serde_json's `ignore_value`: no nesting limit (a
    /// stack of the open brackets, no recursion), numbers of any size unread.
    fn skip(&mut self) -> Option<()> {
        let mut open: Vec<u8> = Vec::new();
        loop {
            self.space();
            match self.peek()? {
                b'n' => self.word("null")?,
                b't' => self.word("true")?,
                b'f' => self.word("false")?,
                b'"' => self.skip_string()?,
                b'-' | b'0'..=b'9' => {
                    self.number_syntax()?;
                }
                c @ (b'[' | b'{') => {
                    self.at += 1;
                    self.space();
                    let close = if c == b'[' { b']' } else { b'}' };
                    if self.peek() == Some(close) {
                        self.at += 1;
                    } else {
                        open.push(close);
                        if c == b'{' {
                            self.skip_key()?;
                        }
                        continue;
                    }
                }
                _ => return None,
            }
            // After a value: close what ends here, then the next element or member.
            loop {
                let Some(&close) = open.last() else {
                    return Some(());
                };
                self.space();
                match self.peek()? {
                    b',' => {
                        self.at += 1;
                        if close == b'}' {
                            self.skip_key()?;
                        }
                        break;
                    }
                    b if b == close => {
                        self.at += 1;
                        open.pop();
                    }
                    _ => return None,
                }
            }
        }
    }
}
