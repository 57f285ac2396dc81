//! Loading a catalogue from data, validating everything first: a catalogue with any error is
//! not loaded at all, and every error is reported with the item's index, code and field path.

use super::{grades, Catalogue, CatalogueItem, Origin, Requirement, Withdrawn};
use crate::fields::date::Date;
use crate::read::{At, WrongType};
use crate::report::{codes, Context, Finding, Locale, PrecheckError, Raw};
use crate::sorted::{SortedMap, SortedSet};
use crate::value::Value;

/// More items than this are refused.
pub const MAX_ITEMS: usize = 20_000;
/// Longest code accepted.
const MAX_CODE: usize = 32;
/// Longest name, alias or keyword accepted (characters).
pub(crate) const MAX_TEXT: usize = 200;
/// Longer free text (a note, a reason) is cut at this many characters.
pub(crate) const MAX_NOTE: usize = 2000;
/// Deepest level of the tree (`level` 1 to 12).
pub(crate) const MAX_LEVEL: u32 = 12;

/// Free text as stored: trimmed, cut at [`MAX_NOTE`] characters, trimmed again (so that the
/// stored text reads back as itself).
pub(crate) fn note_text(s: &str) -> String {
    let cut: String = s.trim().chars().take(MAX_NOTE).collect();
    cut.trim_end().to_string()
}

/// Problems found while reading, each with its field path.
#[derive(Default)]
pub(crate) struct Problems(pub Vec<(String, Raw)>);

impl Problems {
    pub(crate) fn push(&mut self, path: impl Into<String>, raw: Raw) {
        self.0.push((path.into(), raw));
    }
    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// The structured error thrown for a catalogue that cannot be loaded.
    pub(crate) fn into_error(self, locale: Locale, what: &str) -> PrecheckError {
        let findings: Vec<Finding> = self
            .0
            .into_iter()
            .map(|(path, raw)| {
                Context {
                    locale,
                    path: &path,
                    label: "",
                    group: None,
                }
                .render(raw)
            })
            .collect();
        let summary = Context {
            locale,
            path: what,
            label: "",
            group: None,
        }
        .render(Raw::error(codes::CATALOGUE_INVALID).with("count", findings.len()));
        PrecheckError {
            code: codes::CATALOGUE_INVALID.to_string(),
            path: what.to_string(),
            message: summary.message,
            findings,
        }
    }
}

/// Reads typed fields of one object through the one path-aware reader ([`At`]), recording
/// problems under `base`.
pub(crate) struct Fields<'a> {
    pub obj: &'a Value<'a>,
    pub base: String,
    pub params: Vec<(&'static str, String)>,
}

impl<'a> Fields<'a> {
    fn raw(&self, code: &'static str) -> Raw {
        self.params
            .iter()
            .fold(Raw::error(code), |r, (k, v)| r.with(k, v))
    }
    /// The object itself, at `base`.
    fn root(&self) -> At<'a, '_> {
        At::new(Some(self.obj), &self.base)
    }
    pub fn path(&self, key: &str) -> String {
        self.root().key(key).path_text()
    }
    /// A problem at `at` (`field`: the key, or `key[i]` for an entry of a list).
    fn problem(&self, p: &mut Problems, at: At, field: &str, code: &'static str) {
        p.push(at.path_text(), self.raw(code).with("field", field));
    }
    fn wrong_type(&self, p: &mut Problems, at: At, field: &str, w: WrongType) {
        p.push(
            at.path_text(),
            self.raw(codes::CATALOGUE_WRONG_TYPE)
                .with("field", field)
                .with("expected", w.expected)
                .with("got", w.got),
        );
    }

    /// A required non-empty string (trimmed).
    pub fn required_text(
        &self,
        p: &mut Problems,
        key: &str,
        empty_code: &'static str,
    ) -> Option<String> {
        let root = self.root();
        let at = root.key(key);
        match at.string() {
            Ok(None) => {
                self.problem(p, at, key, codes::CATALOGUE_MISSING_FIELD);
                None
            }
            Ok(Some(s)) if s.trim().is_empty() => {
                self.problem(p, at, key, empty_code);
                None
            }
            Ok(Some(s)) if s.chars().count() > MAX_TEXT => {
                p.push(
                    at.path_text(),
                    self.raw(codes::CATALOGUE_TOO_LONG)
                        .with("field", key)
                        .with("max", MAX_TEXT),
                );
                None
            }
            Ok(Some(s)) => Some(s.trim().to_string()),
            Err(w) => {
                self.wrong_type(p, at, key, w);
                None
            }
        }
    }

    /// An optional string.
    pub fn text(&self, p: &mut Problems, key: &str) -> Option<String> {
        let root = self.root();
        let at = root.key(key);
        match at.string() {
            Ok(None) => None,
            Ok(Some(s)) if s.trim().is_empty() => None,
            Ok(Some(s)) => Some(note_text(s)),
            Err(w) => {
                self.wrong_type(p, at, key, w);
                None
            }
        }
    }

    /// An optional list of non-empty strings.
    pub fn texts(&self, p: &mut Problems, key: &str) -> Vec<String> {
        let root = self.root();
        let list = root.key(key);
        let items = match list.array() {
            Ok(items) => items.unwrap_or(&[]),
            Err(w) => {
                self.wrong_type(p, list, key, w.expecting("strings"));
                return vec![];
            }
        };
        (0..items.len())
            .filter_map(|i| {
                let at = list.index(i);
                match at.value {
                    Some(Value::String(s))
                        if !s.trim().is_empty() && s.chars().count() <= MAX_TEXT =>
                    {
                        Some(s.trim().to_string())
                    }
                    Some(Value::String(s)) if s.trim().is_empty() => None,
                    Some(Value::String(_)) => {
                        p.push(
                            at.path_text(),
                            self.raw(codes::CATALOGUE_TOO_LONG)
                                .with("field", key)
                                .with("max", MAX_TEXT),
                        );
                        None
                    }
                    _ => {
                        let w = at.wrong_type("string");
                        self.wrong_type(p, at, &format!("{key}[{i}]"), w);
                        None
                    }
                }
            })
            .collect()
    }

    /// An optional date.
    pub fn date(&self, p: &mut Problems, key: &str) -> Option<Date> {
        let s = self.text(p, key)?;
        match Date::parse(&s) {
            Ok(d) => Some(d),
            Err(_) => {
                p.push(
                    self.path(key),
                    self.raw(codes::CATALOGUE_BAD_DATE)
                        .with("field", key)
                        .with("value", s),
                );
                None
            }
        }
    }

    /// An optional array of objects.
    pub fn objects(&self, p: &mut Problems, key: &str) -> Vec<(usize, &'a Value<'a>)> {
        let root = self.root();
        let list = root.key(key);
        let items = match list.array() {
            Ok(items) => items.unwrap_or(&[]),
            Err(w) => {
                self.wrong_type(p, list, key, w);
                return vec![];
            }
        };
        items
            .iter()
            .enumerate()
            .filter(|&(i, _)| match list.index(i).entry() {
                Ok(_) => true,
                Err(w) => {
                    self.wrong_type(p, list.index(i), &format!("{key}[{i}]"), w);
                    false
                }
            })
            .collect()
    }
}

/// Whether `code` is a well-formed 品目 code: a letter A/B/C and 8 digits.
pub(crate) fn pinmu_format_ok(code: &str) -> bool {
    match code.as_bytes() {
        [b'A' | b'B' | b'C', digits @ ..] => {
            digits.len() == 8 && digits.iter().all(u8::is_ascii_digit)
        }
        _ => false,
    }
}

/// The set of known service (C) 品目 codes, from the embedded 2022 classification.
pub(crate) fn known_service_pinmu(code: &str) -> bool {
    super::builtin::pinmu_codes().contains(code)
}

/// Read one item (without cross-item checks).
pub(crate) fn read_item(
    p: &mut Problems,
    v: &Value,
    base: String,
    index: usize,
) -> Option<CatalogueItem> {
    let code_hint = v
        .get("code")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    let f = Fields {
        obj: v,
        base,
        params: vec![("index", index.to_string()), ("itemCode", code_hint)],
    };
    let code = f.required_text(p, "code", codes::CATALOGUE_BAD_CODE);
    if let Some(c) = &code {
        if c.chars().count() > MAX_CODE || c.chars().any(char::is_whitespace) {
            p.push(
                f.path("code"),
                f.raw(codes::CATALOGUE_BAD_CODE).with("field", "code"),
            );
        }
    }
    let name = f.required_text(p, "name", codes::CATALOGUE_EMPTY_NAME);
    let root = f.root();
    let level_at = root.key("level");
    let level = match level_at.number() {
        Ok(None) => None,
        Ok(Some(n)) => match n.parse::<u32>() {
            Ok(l) if (1..=MAX_LEVEL).contains(&l) => Some(l),
            _ => {
                p.push(
                    level_at.path_text(),
                    f.raw(codes::CATALOGUE_BAD_LEVEL)
                        .with("value", n)
                        .with("expected", format!("1-{MAX_LEVEL}")),
                );
                None
            }
        },
        Err(w) => {
            f.wrong_type(p, level_at, "level", w);
            None
        }
    };
    let parent = f.text(p, "parent").filter(|s| s != "-");
    let aliases = f.texts(p, "aliases");
    let keywords = f.texts(p, "keywords");
    let pinmu = f.texts(p, "pinmu");
    for (i, code) in pinmu.iter().enumerate() {
        let path = format!("{}[{i}]", f.path("pinmu"));
        if !pinmu_format_ok(code) {
            p.push(path, f.raw(codes::CATALOGUE_BAD_PINMU).with("value", code));
        } else if code.starts_with('C') && !known_service_pinmu(code) {
            p.push(
                path,
                f.raw(codes::CATALOGUE_UNKNOWN_PINMU).with("value", code),
            );
        }
    }
    let requirements = read_requirements(p, &f, "requirements");
    let valid_from = f.date(p, "validFrom");
    let valid_to = f.date(p, "validTo");
    if let (Some(a), Some(b)) = (valid_from, valid_to) {
        if a > b {
            p.push(
                f.path("validTo"),
                f.raw(codes::CATALOGUE_DATE_ORDER)
                    .with("from", a)
                    .with("to", b),
            );
        }
    }
    let origin = f
        .objects(p, "origin")
        .into_iter()
        .filter_map(|(_, o)| {
            Some(Origin {
                issuer: o.get("issuer")?.as_str()?.to_string(),
                version: o.get("version")?.as_str()?.to_string(),
                change: o.get("change")?.as_str()?.to_string(),
                from: o.get("from").and_then(Value::as_str).map(str::to_string),
            })
        })
        .collect();
    // An item with other problems is still returned (the load fails anyway), so that the tree
    // checks can report duplicates and unknown parents in the same pass.
    Some(CatalogueItem {
        code: code?,
        name: name.unwrap_or_default(),
        level: level.unwrap_or(0),
        parent,
        aliases,
        keywords,
        pinmu,
        requirements,
        valid_from,
        valid_to,
        origin,
    })
}

/// Read `requirements` of an object.
pub(crate) fn read_requirements(p: &mut Problems, f: &Fields, key: &str) -> Vec<Requirement> {
    f.objects(p, key)
        .into_iter()
        .filter_map(|(i, r)| {
            let rf = Fields {
                obj: r,
                base: format!("{}[{i}]", f.path(key)),
                params: f.params.clone(),
            };
            let kind = rf.required_text(p, "kind", codes::CATALOGUE_EMPTY_REQUIREMENT);
            let min_grade = rf.text(p, "minGrade");
            let min_grade = match min_grade {
                Some(g) => match grades::canonical(&g) {
                    Some(c) => Some(c),
                    None => {
                        p.push(
                            rf.path("minGrade"),
                            rf.raw(codes::CATALOGUE_BAD_GRADE).with("value", g),
                        );
                        None
                    }
                },
                None => None,
            };
            let issuer = rf.text(p, "issuer");
            Some(Requirement {
                kind: kind?,
                min_grade,
                issuer,
            })
        })
        .collect()
}

/// The path of an item's field, `items[3].code` (the items' own paths are given as `paths`).
fn field_path(paths: &[String], i: usize, field: &str) -> String {
    format!(
        "{}.{field}",
        paths.get(i).map(String::as_str).unwrap_or("items")
    )
}

/// Cross-item checks: duplicate codes, unknown parents, cycles, levels. Fills in missing levels.
pub(crate) fn check_tree(p: &mut Problems, items: &mut [CatalogueItem], paths: &[String]) {
    let mut first: SortedMap<&str, usize> = SortedMap::new();
    let mut dup = SortedSet::new();
    for (i, it) in items.iter().enumerate() {
        if let Some(&j) = first.get(it.code.as_str()) {
            p.push(
                field_path(paths, i, "code"),
                Raw::error(codes::CATALOGUE_DUPLICATE_CODE)
                    .with("index", i)
                    .with("itemCode", &it.code)
                    .with("firstIndex", j),
            );
            dup.insert(i);
        } else {
            first.insert(it.code.as_str(), i);
        }
    }
    let parent_of: Vec<Option<usize>> = items
        .iter()
        .map(|it| it.parent.as_deref().and_then(|c| first.get(c).copied()))
        .collect();
    for (i, it) in items.iter().enumerate() {
        if let (Some(pc), None) = (&it.parent, parent_of.get(i).copied().flatten()) {
            p.push(
                field_path(paths, i, "parent"),
                Raw::error(codes::CATALOGUE_UNKNOWN_PARENT)
                    .with("index", i)
                    .with("itemCode", &it.code)
                    .with("parent", pc),
            );
        }
    }
    // Depth by walking up; meeting an item of the same walk again is a cycle.
    let mut depth: Vec<Option<u32>> = vec![None; items.len()];
    let mut stamp: Vec<usize> = vec![usize::MAX; items.len()];
    let mut in_cycle = SortedSet::new();
    for start in 0..items.len() {
        if depth.get(start).copied().flatten().is_some() {
            continue;
        }
        let mut chain = vec![start];
        if let Some(s) = stamp.get_mut(start) {
            *s = start;
        }
        let mut cur = start;
        let mut cyclic = false;
        while let Some(Some(next)) = parent_of.get(cur) {
            let next = *next;
            if stamp.get(next) == Some(&start) {
                cyclic = true;
                break;
            }
            if depth.get(next).copied().flatten().is_some() || stamp.get(next) != Some(&usize::MAX)
            {
                break;
            }
            if let Some(s) = stamp.get_mut(next) {
                *s = start;
            }
            chain.push(next);
            cur = next;
        }
        if cyclic {
            if let Some(&lowest) = chain.iter().min() {
                if in_cycle.insert(lowest) {
                    if let Some(it) = items.get(lowest) {
                        p.push(
                            field_path(paths, lowest, "parent"),
                            Raw::error(codes::CATALOGUE_CYCLE)
                                .with("index", lowest)
                                .with("itemCode", &it.code),
                        );
                    }
                }
            }
            continue;
        }
        // Resolve depths from the top of the chain down.
        for &i in chain.iter().rev() {
            let d = match parent_of.get(i).copied().flatten() {
                Some(par) => depth.get(par).copied().flatten().map(|d| d + 1),
                None => Some(1),
            };
            if let Some(slot) = depth.get_mut(i) {
                *slot = d;
            }
        }
    }
    for (i, it) in items.iter_mut().enumerate() {
        let Some(d) = depth.get(i).copied().flatten() else {
            continue;
        };
        if it.level == 0 && d == MAX_LEVEL + 1 {
            // Too deep (toJson would write a level the loader refuses): reported on the first
            // item below the deepest level of each branch.
            p.push(
                field_path(paths, i, "level"),
                Raw::error(codes::CATALOGUE_BAD_LEVEL)
                    .with("index", i)
                    .with("itemCode", &it.code)
                    .with("value", d)
                    .with("expected", format!("1-{MAX_LEVEL}")),
            );
        }
        if it.level == 0 {
            it.level = d;
        } else if it.level != d {
            p.push(
                field_path(paths, i, "level"),
                Raw::error(codes::CATALOGUE_BAD_LEVEL)
                    .with("index", i)
                    .with("itemCode", &it.code)
                    .with("value", it.level)
                    .with("expected", d),
            );
        }
    }
}

/// The `version`, `issuer` and `note` every catalogue and overlay document starts with.
pub(crate) struct Header {
    pub version: Option<String>,
    pub issuer: Option<String>,
    pub note: Option<String>,
}

/// Read the header of a catalogue or overlay document (`what`); the problems found so far and
/// the document's fields are returned for the rest of the reading.
pub(crate) fn header<'a>(
    v: &'a Value,
    locale: Locale,
    what: &str,
) -> Result<(Problems, Fields<'a>, Header), PrecheckError> {
    let mut p = Problems::default();
    if !matches!(v, Value::Object(_)) {
        p.push(
            "",
            Raw::error(codes::CATALOGUE_NOT_OBJECT).with("got", v.type_name()),
        );
        return Err(p.into_error(locale, what));
    }
    let f = Fields {
        obj: v,
        base: String::new(),
        params: vec![],
    };
    let version = f.required_text(&mut p, "version", codes::CATALOGUE_MISSING_FIELD);
    let issuer = f.required_text(&mut p, "issuer", codes::CATALOGUE_MISSING_FIELD);
    let note = f.text(&mut p, "note");
    Ok((
        p,
        f,
        Header {
            version,
            issuer,
            note,
        },
    ))
}

/// Load a catalogue from a value (the JSON format of `schema/catalogue.schema.json`).
pub(crate) fn from_value(v: &Value, locale: Locale) -> Result<Catalogue, PrecheckError> {
    let (
        mut p,
        f,
        Header {
            version,
            issuer,
            note,
        },
    ) = header(v, locale, "catalogue")?;
    let root = f.root();
    let items_at = root.key("items");
    let raw_items = match (items_at.value, items_at.array()) {
        (None, _) => {
            p.push(
                "items",
                Raw::error(codes::CATALOGUE_MISSING_FIELD).with("field", "items"),
            );
            &[]
        }
        (Some(_), Ok(Some(a))) => a,
        // `null` included: a catalogue's items are required.
        (Some(_), _) => {
            f.wrong_type(&mut p, items_at, "items", items_at.wrong_type("array"));
            &[]
        }
    };
    if raw_items.len() > MAX_ITEMS {
        p.push(
            "items",
            Raw::error(codes::CATALOGUE_TOO_MANY_ITEMS)
                .with("count", raw_items.len())
                .with("max", MAX_ITEMS),
        );
        return Err(p.into_error(locale, "catalogue"));
    }
    let mut items = Vec::with_capacity(raw_items.len());
    let mut paths = Vec::with_capacity(raw_items.len());
    for (i, raw) in raw_items.iter().enumerate() {
        let path = format!("items[{i}]");
        if let Err(w) = items_at.index(i).entry() {
            p.push(
                &path,
                Raw::error(codes::CATALOGUE_WRONG_TYPE)
                    .with("index", i)
                    .with("field", "item")
                    .with("expected", w.expected)
                    .with("got", w.got),
            );
            continue;
        }
        if let Some(item) = read_item(&mut p, raw, path.clone(), i) {
            items.push(item);
            paths.push(path);
        }
    }
    let withdrawn = f
        .objects(&mut p, "withdrawn")
        .into_iter()
        .filter_map(|(_, w)| {
            Some(Withdrawn {
                code: w.get("code")?.as_str()?.to_string(),
                name: w.get("name")?.as_str()?.to_string(),
                reason: w.get("reason").and_then(Value::as_str).map(str::to_string),
                issuer: w.get("issuer")?.as_str()?.to_string(),
                version: w.get("version")?.as_str()?.to_string(),
            })
        })
        .collect();
    check_tree(&mut p, &mut items, &paths);
    if !p.is_empty() {
        return Err(p.into_error(locale, "catalogue"));
    }
    let (Some(version), Some(issuer)) = (version, issuer) else {
        return Err(p.into_error(locale, "catalogue"));
    };
    for it in items.iter_mut().filter(|it| it.origin.is_empty()) {
        it.origin.push(Origin {
            issuer: issuer.clone(),
            version: version.clone(),
            change: "base".into(),
            from: None,
        });
    }
    Ok(Catalogue::index(version, issuer, note, items, withdrawn))
}
