//! The one path-aware reader of loosely typed input (issue 13): options, the policy, the
//! application and catalogues are all read through [`At`] — a value found at a path (or its
//! absence) together with that path.
//!
//! - The key is named once: `at.key("status")` looks the key up *and* extends the path, so the
//!   path a finding names is always the one the value was read from.
//! - The path is kept as borrowed pieces ([`Rel`]) and written out only when something is
//!   reported: most fields read find nothing.
//! - The typed reads ([`At::object`], [`At::string`], [`At::text`], …) decide in one place
//!   which JSON types each kind of field accepts; a wrong type comes back as a [`WrongType`]
//!   (what was expected, what came), which each caller turns into its own finding or error at
//!   `at.path` — a `qualification.wrong_type` finding, an `options.wrong_type` error, a
//!   catalogue problem, a screening finding. `null` reads as absent, except where a caller
//!   asks for a value that must be there ([`At::entry`], [`At::wrong_type`]).
//!
//! What is still read directly, on purpose: the fields a package's bids are compared on
//! (`qualification::package`, after each bid's own check has reported their types), and a
//! catalogue's `origin` and `withdrawn` entries, whose incomplete entries are skipped as the
//! schema says.

use crate::value::Value;

/// A path relative to a root (the supplier, `opts`, a catalogue item), kept as borrowed pieces
/// (a parent, then a key or an index) and written out only when it is reported.
#[derive(Clone, Copy)]
pub struct Rel<'a> {
    parent: Option<&'a Rel<'a>>,
    seg: Seg<'a>,
}

#[derive(Clone, Copy)]
enum Seg<'a> {
    /// A path as written (`credit.queriedOn`, `opts`; `""` is the root itself).
    Text(&'a str),
    /// `.key` after the parent (`key` alone when the parent is empty).
    Key(&'a str),
    /// `[i]` after the parent.
    Index(usize),
}

impl<'a> From<&'a str> for Rel<'a> {
    fn from(s: &'a str) -> Self {
        Rel {
            parent: None,
            seg: Seg::Text(s),
        }
    }
}

impl<'a> From<&'a String> for Rel<'a> {
    fn from(s: &'a String) -> Self {
        Rel::from(s.as_str())
    }
}

impl<'a> From<&'a Rel<'a>> for Rel<'a> {
    fn from(r: &'a Rel<'a>) -> Self {
        *r
    }
}

impl<'p> From<At<'_, 'p>> for Rel<'p> {
    fn from(at: At<'_, 'p>) -> Self {
        at.path
    }
}

impl<'a> Rel<'a> {
    /// `self.key`.
    pub fn key(&'a self, key: &'a str) -> Rel<'a> {
        Rel {
            parent: Some(self),
            seg: Seg::Key(key),
        }
    }
    /// `self[i]`.
    pub fn index(&'a self, i: usize) -> Rel<'a> {
        Rel {
            parent: Some(self),
            seg: Seg::Index(i),
        }
    }
    /// Whether the path is empty (the root itself).
    pub fn is_empty(&self) -> bool {
        self.parent.is_none() && matches!(self.seg, Seg::Text(""))
    }
    /// Append the path to `out`; `start` is where this path began in `out`.
    fn write_from(&self, out: &mut String, start: usize) {
        if let Some(p) = self.parent {
            p.write_from(out, start);
        }
        match self.seg {
            Seg::Text(t) => out.push_str(t),
            Seg::Key(k) => {
                if out.len() > start {
                    out.push('.');
                }
                out.push_str(k);
            }
            Seg::Index(i) => {
                out.push('[');
                crate::report::push_u64(out, u64::try_from(i).unwrap_or(u64::MAX));
                out.push(']');
            }
        }
    }
    /// Append the path to `out`.
    pub fn write(&self, out: &mut String) {
        self.write_from(out, out.len());
    }
}

impl std::fmt::Display for Rel<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut s = String::new();
        self.write(&mut s);
        f.write_str(&s)
    }
}

/// A value of the wrong JSON type: what the field takes and what it got (type names as
/// [`Value::type_name`] gives them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WrongType {
    pub expected: &'static str,
    pub got: &'static str,
}

impl WrongType {
    fn new(expected: &'static str, got: &Value) -> Self {
        WrongType {
            expected,
            got: got.type_name(),
        }
    }
    /// The same wrong type, naming what is expected differently (`strings` for a list of
    /// texts read as an array).
    pub fn expecting(self, expected: &'static str) -> Self {
        WrongType { expected, ..self }
    }
}

/// The value (if any) at a path, and the path. Cheap to copy: two references and a path of
/// borrowed pieces.
#[derive(Clone, Copy)]
pub struct At<'v, 'p> {
    /// The value as given (`None`: absent; `null` is kept, and read as absent).
    pub value: Option<&'v Value<'v>>,
    pub path: Rel<'p>,
}

/// What a typed read gives: `Ok(None)` for absent or `null`.
pub type Read<T> = Result<Option<T>, WrongType>;

impl<'v, 'p> At<'v, 'p> {
    pub fn new(value: Option<&'v Value<'v>>, path: impl Into<Rel<'p>>) -> Self {
        At {
            value,
            path: path.into(),
        }
    }

    /// `key` of this object (absent when this is not an object or has no such key).
    pub fn key<'a>(&'a self, key: &'a str) -> At<'v, 'a> {
        At {
            value: self.value.and_then(|v| v.get(key)),
            path: self.path.key(key),
        }
    }

    /// Entry `i` of this array (absent when this is not an array or is shorter).
    pub fn index<'a>(&'a self, i: usize) -> At<'v, 'a> {
        At {
            value: match self.value {
                Some(Value::Array(items)) => items.get(i),
                _ => None,
            },
            path: self.path.index(i),
        }
    }

    /// The value, unless absent or `null`.
    pub fn present(&self) -> Option<&'v Value<'v>> {
        self.value.filter(|v| !v.is_null())
    }

    /// Absent or `null`.
    pub fn is_absent(&self) -> bool {
        self.present().is_none()
    }

    /// The path written out.
    pub fn path_text(&self) -> String {
        let mut s = String::new();
        self.path.write(&mut s);
        s
    }

    /// What is here, as a wrong type for a field that takes `expected` (`null` when absent):
    /// for fields where even `null` is wrong.
    pub fn wrong_type(&self, expected: &'static str) -> WrongType {
        WrongType::new(expected, self.value.unwrap_or(&Value::Null))
    }

    /// An object: this same place, known to hold one.
    pub fn object(self) -> Read<At<'v, 'p>> {
        match self.present() {
            None => Ok(None),
            Some(Value::Object(_)) => Ok(Some(self)),
            Some(other) => Err(WrongType::new("object", other)),
        }
    }

    /// An entry of a list that must be an object: here `null` (a row left empty) is a wrong
    /// type, not an absence.
    pub fn entry(self) -> Result<At<'v, 'p>, WrongType> {
        match self.value {
            Some(Value::Object(_)) => Ok(self),
            Some(other) => Err(WrongType::new("object", other)),
            None => Err(self.wrong_type("object")),
        }
    }

    /// An array's entries.
    pub fn array(&self) -> Read<&'v [Value<'v>]> {
        match self.present() {
            None => Ok(None),
            Some(Value::Array(items)) => Ok(Some(items)),
            Some(other) => Err(WrongType::new("array", other)),
        }
    }

    /// The keys and values of an object, in input order (`[]` when this is not one).
    pub fn entries(&self) -> &'v [(std::borrow::Cow<'v, str>, Value<'v>)] {
        match self.value {
            Some(Value::Object(entries)) => entries,
            _ => &[],
        }
    }

    /// A string, as given (not trimmed).
    pub fn string(&self) -> Read<&'v str> {
        match self.present() {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(other) => Err(WrongType::new("string", other)),
        }
    }

    /// Text: a string, or a number as its decimal text (forms send `"12"` and `12` alike).
    pub fn text(&self) -> Read<&'v str> {
        match self.present() {
            None => Ok(None),
            Some(Value::String(s) | Value::Number(s)) => Ok(Some(s)),
            Some(other) => Err(WrongType::new("string", other)),
        }
    }

    /// A number's decimal text.
    pub fn number(&self) -> Read<&'v str> {
        match self.present() {
            None => Ok(None),
            Some(Value::Number(n)) => Ok(Some(n)),
            Some(other) => Err(WrongType::new("number", other)),
        }
    }

    /// `true` or `false`.
    pub fn bool(&self) -> Read<bool> {
        match self.present() {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(other) => Err(WrongType::new("boolean", other)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(text: &str) -> Value<'_> {
        Value::from_json_text(text).unwrap()
    }

    #[test]
    fn the_path_is_the_one_read_from() {
        let app = v(r#"{"penalties":[{"kind":"fine"},null],"name":"x"}"#);
        let root = At::new(Some(&app), "");
        let list = root.key("penalties");
        let first = list.index(0);
        let kind = first.key("kind");
        assert_eq!(kind.path_text(), "penalties[0].kind");
        assert_eq!(kind.string(), Ok(Some("fine")));
        let member = At::new(Some(&app), "members[1]");
        assert_eq!(member.key("name").path_text(), "members[1].name");
        let opts = At::new(None, "opts");
        assert_eq!(opts.key("asOf").path_text(), "opts.asOf");
        assert_eq!(root.path_text(), "");
        assert!(root.path.is_empty() && !list.path.is_empty());
    }

    #[test]
    fn null_is_absent_except_for_an_entry() {
        let app = v(r#"{"a":null,"list":[null,{}]}"#);
        let root = At::new(Some(&app), "");
        assert_eq!(root.key("a").string(), Ok(None));
        assert_eq!(root.key("b").bool(), Ok(None));
        assert!(root.key("a").is_absent() && root.key("a").value.is_some());
        let list = root.key("list");
        assert_eq!(
            list.index(0).entry().err(),
            Some(WrongType {
                expected: "object",
                got: "null"
            })
        );
        assert!(list.index(1).entry().is_ok());
        assert_eq!(list.index(2).entry().err().map(|w| w.got), Some("null"));
        assert_eq!(list.index(2).path_text(), "list[2]");
    }

    #[test]
    fn each_read_takes_its_types() {
        let app = v(r#"{"s":"12","n":12,"b":true,"o":{},"l":[1]}"#);
        let root = At::new(Some(&app), "");
        let wrong = |r: Read<&str>| r.err().map(|w| (w.expected, w.got));
        assert_eq!(root.key("n").text(), Ok(Some("12")));
        assert_eq!(root.key("s").text(), Ok(Some("12")));
        assert_eq!(wrong(root.key("n").string()), Some(("string", "number")));
        assert_eq!(wrong(root.key("s").number()), Some(("number", "string")));
        assert_eq!(wrong(root.key("o").text()), Some(("string", "object")));
        assert_eq!(root.key("b").bool(), Ok(Some(true)));
        assert_eq!(
            root.key("s").bool().err().map(|w| w.expected),
            Some("boolean")
        );
        assert_eq!(
            root.key("l").array().map(|a| a.map(<[_]>::len)),
            Ok(Some(1))
        );
        assert_eq!(
            root.key("o").array().err().map(|w| w.expecting("strings")),
            Some(WrongType {
                expected: "strings",
                got: "object"
            })
        );
        assert!(root.key("o").object().is_ok_and(|o| o.is_some()));
        assert_eq!(root.key("l").object().err().map(|w| w.got), Some("array"));
        assert_eq!(root.entries().len(), 5);
        assert!(root.key("s").entries().is_empty());
        // A key of something that is not an object, an index of something not an array.
        assert!(root.key("s").key("x").value.is_none());
        assert!(root.key("o").index(0).value.is_none());
    }
}
