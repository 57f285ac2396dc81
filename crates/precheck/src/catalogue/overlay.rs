//! Overlays: a county catalogue on a provincial base (RULES.md §4.1). An overlay adds items,
//! renames items, withdraws items (with their descendants) and adds requirements; it is
//! validated like a load, and nothing is applied unless all of it is valid.
//!
//! Format: `{ version, issuer, note?, add?: [item], rename?: [{ code, name, aliases? }],
//! withdraw?: [{ code, reason? }], require?: [{ code, requirements: [..] }] }`.

use super::load::{
    check_tree, header, note_text, read_item, read_requirements, Fields, Header, MAX_TEXT,
};
use super::{Catalogue, Origin, Withdrawn};
use crate::report::{codes, Locale, PrecheckError, Raw};
use crate::sorted::SortedSet;
use crate::value::Value;

impl Catalogue {
    /// Apply an overlay, giving a new catalogue; `self` is unchanged.
    pub fn overlay(&self, v: &Value, locale: Locale) -> Result<Catalogue, PrecheckError> {
        let (
            mut p,
            f,
            Header {
                version,
                issuer,
                note,
            },
        ) = header(v, locale, "overlay")?;
        let origin = |change: &str, from: Option<String>| Origin {
            issuer: issuer.clone().unwrap_or_default(),
            version: version.clone().unwrap_or_default(),
            change: change.into(),
            from,
        };
        let mut items = self.items.clone();
        let mut paths: Vec<String> = items
            .iter()
            .map(|it| format!("base[{}]", it.code))
            .collect();
        let exists = |items: &[super::CatalogueItem], code: &str| {
            items.iter().position(|it| it.code == code)
        };

        // add
        for (i, raw) in f.objects(&mut p, "add") {
            let path = format!("add[{i}]");
            if let Some(mut item) = read_item(&mut p, raw, path.clone(), i) {
                if exists(&items, &item.code).is_some() {
                    p.push(
                        format!("{path}.code"),
                        Raw::error(codes::OVERLAY_DUPLICATE_CODE)
                            .with("index", i)
                            .with("itemCode", &item.code),
                    );
                    continue;
                }
                item.origin = vec![origin("added", None)];
                items.push(item);
                paths.push(path);
            }
        }
        // rename
        for (i, raw) in f.objects(&mut p, "rename") {
            let rf = Fields {
                obj: raw,
                base: format!("rename[{i}]"),
                params: vec![("index", i.to_string())],
            };
            let code = rf.required_text(&mut p, "code", codes::CATALOGUE_BAD_CODE);
            let name = rf.required_text(&mut p, "name", codes::CATALOGUE_EMPTY_NAME);
            let aliases = rf.texts(&mut p, "aliases");
            let (Some(code), Some(name)) = (code, name) else {
                continue;
            };
            match exists(&items, &code).and_then(|k| items.get_mut(k)) {
                Some(item) => {
                    let old = std::mem::replace(&mut item.name, name);
                    item.aliases.extend(aliases);
                    item.origin.push(origin("renamed", Some(old)));
                }
                None => p.push(
                    rf.path("code"),
                    Raw::error(codes::OVERLAY_UNKNOWN_CODE)
                        .with("index", i)
                        .with("itemCode", &code),
                ),
            }
        }
        // require
        for (i, raw) in f.objects(&mut p, "require") {
            let rf = Fields {
                obj: raw,
                base: format!("require[{i}]"),
                params: vec![("index", i.to_string())],
            };
            let code = rf.required_text(&mut p, "code", codes::CATALOGUE_BAD_CODE);
            if raw.get("requirements").is_none_or(Value::is_null) {
                p.push(
                    rf.path("requirements"),
                    Raw::error(codes::CATALOGUE_MISSING_FIELD)
                        .with("index", i)
                        .with("field", "requirements"),
                );
            }
            let reqs = read_requirements(&mut p, &rf, "requirements");
            let Some(code) = code else { continue };
            match exists(&items, &code).and_then(|k| items.get_mut(k)) {
                Some(item) => {
                    item.requirements.extend(reqs);
                    item.origin.push(origin("requirements_added", None));
                }
                None => p.push(
                    rf.path("code"),
                    Raw::error(codes::OVERLAY_UNKNOWN_CODE)
                        .with("index", i)
                        .with("itemCode", &code),
                ),
            }
        }
        // withdraw (with descendants)
        let mut gone: SortedSet<String> = SortedSet::new();
        let mut withdrawn = self.withdrawn.clone();
        for (i, raw) in f.objects(&mut p, "withdraw") {
            let rf = Fields {
                obj: raw,
                base: format!("withdraw[{i}]"),
                params: vec![("index", i.to_string())],
            };
            let code = rf.required_text(&mut p, "code", codes::CATALOGUE_BAD_CODE);
            let reason = rf.text(&mut p, "reason");
            let Some(code) = code else { continue };
            if exists(&items, &code).is_none() {
                p.push(
                    rf.path("code"),
                    Raw::error(codes::OVERLAY_UNKNOWN_CODE)
                        .with("index", i)
                        .with("itemCode", &code),
                );
                continue;
            }
            // The item and every descendant.
            let mut frontier = vec![code];
            while let Some(c) = frontier.pop() {
                if !gone.insert(c.clone()) {
                    continue;
                }
                if let Some(it) = items.iter().find(|it| it.code == c) {
                    withdrawn.push(Withdrawn {
                        code: it.code.clone(),
                        name: it.name.clone(),
                        reason: reason.clone(),
                        issuer: issuer.clone().unwrap_or_default(),
                        version: version.clone().unwrap_or_default(),
                    });
                }
                frontier.extend(
                    items
                        .iter()
                        .filter(|it| it.parent.as_deref() == Some(c.as_str()))
                        .map(|it| it.code.clone()),
                );
            }
        }
        if !gone.is_empty() {
            let keep: Vec<bool> = items.iter().map(|it| !gone.contains(&it.code)).collect();
            let mut k = keep.iter();
            items.retain(|_| *k.next().unwrap_or(&true));
            let mut k = keep.iter();
            paths.retain(|_| *k.next().unwrap_or(&true));
        }
        check_tree(&mut p, &mut items, &paths);
        // The result's version, issuer and note as toJson writes them must load again: the
        // overlay's header as read (trimmed), a version within the loader's limit, the notes
        // cut like any note.
        let combined = version.as_ref().map(|v| format!("{}+{v}", self.version));
        if combined
            .as_ref()
            .is_some_and(|c| c.chars().count() > MAX_TEXT)
        {
            p.push(
                "version",
                Raw::error(codes::CATALOGUE_TOO_LONG)
                    .with("field", "version")
                    .with("max", MAX_TEXT),
            );
        }
        let (Some(version), Some(issuer)) = (combined, issuer) else {
            return Err(p.into_error(locale, "overlay"));
        };
        if !p.is_empty() {
            return Err(p.into_error(locale, "overlay"));
        }
        let note = match (&self.note, note) {
            (Some(a), Some(b)) => Some(note_text(&format!("{a}\n{b}"))),
            (a, b) => b.or_else(|| a.clone()),
        };
        Ok(Catalogue::index(version, issuer, note, items, withdrawn))
    }
}
