//! Invariants of the entry points, shared by the property tests (`tests/properties.rs`) and
//! the fuzz targets (`fuzz/`). Every function takes any input
//! at all, runs it through the public API and panics (with the input in the message) when an
//! invariant does not hold; "does not panic" is the first of them.
#![allow(dead_code)]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use procurement_precheck::api;
use procurement_precheck::catalogue::{builtin, Catalogue, CsvMeta, SearchHit};
use procurement_precheck::fields::date::Date;
use procurement_precheck::fields::uppercase::{self, LIMIT_FEN};
use procurement_precheck::fields::CheckResult;
use procurement_precheck::qualification::{
    Status, SupplierReport, Verdict, GROUP_IDS, VERDICT_GROUP_IDS,
};
use procurement_precheck::report::{codes, Finding, Locale, PrecheckError, Severity};
use procurement_precheck::value::Value;
use std::sync::Arc;

/// The fixed "today" of every check (so that results do not depend on the clock).
pub fn today() -> Date {
    Date::new(2026, 3, 15).expect("a date")
}

pub use crate::{obj, s};

/// JSON text as a [`Value`] (`None` when it is not JSON).
pub fn json(text: &str) -> Option<Value<'static>> {
    serde_json::from_str::<Value>(text)
        .ok()
        .map(Value::into_owned)
}

// ---- findings and results ----

/// Every finding is addressed (non-empty path — except a catalogue document that is not an
/// object at all, whose finding is about the document itself: path `""`), coded from the table
/// and has a message.
pub fn findings_sane(findings: &[Finding], what: &str) {
    for f in findings {
        assert!(
            !f.path.is_empty() || f.code == codes::CATALOGUE_NOT_OBJECT,
            "{what}: finding without a path: {f:?}"
        );
        assert!(codes::ALL.contains(&f.code), "{what}: unknown code: {f:?}");
        assert!(
            !f.message.is_empty(),
            "{what}: finding without message: {f:?}"
        );
    }
}

/// `ok` is "no error finding"; findings are sane.
pub fn result_sane<I>(r: &CheckResult<I>, what: &str) {
    let errors = r.findings.iter().any(|f| f.severity == Severity::Error);
    assert_eq!(
        r.ok, !errors,
        "{what}: ok disagrees with the findings: {:?}",
        r.findings
    );
    findings_sane(&r.findings, what);
}

/// A structured error names what is at fault and says why.
pub fn error_sane(e: &PrecheckError, what: &str) {
    assert!(!e.path.is_empty(), "{what}: error without a path: {e:?}");
    assert!(!e.code.is_empty() && !e.message.is_empty(), "{what}: {e:?}");
    findings_sane(&e.findings, what);
}

/// Checking the normalised value again gives the same value and the same verdict.
fn idempotent<I>(check: impl Fn(&Value) -> CheckResult<I>, first: &CheckResult<I>, input: &str) {
    let Some(v) = &first.value else { return };
    let again = check(&s(v));
    assert_eq!(
        again.value.as_deref(),
        Some(v.as_str()),
        "normalising twice differs from once: {input:?} → {v:?} → {:?}",
        again.value
    );
    assert_eq!(
        again.ok, first.ok,
        "{input:?} → {v:?}: ok {} then {}: {:?}",
        first.ok, again.ok, again.findings
    );
}

/// What users add to an identifier: full-width forms, spaces of every kind (also zero-width),
/// hyphens and lower case, chosen by `noise` (at most ~150 characters more, so the value stays
/// under the 200-character limit).
pub fn noisy(value: &str, noise: &[u8]) -> String {
    let mut out = String::new();
    let mut n = noise.iter().copied().cycle().take(noise.len().max(1) * 4);
    let mut added = 0;
    for c in value.chars() {
        let b = if noise.is_empty() {
            0
        } else {
            n.next().unwrap_or(0)
        };
        if added < 150 {
            match b % 16 {
                1 => out.push(' '),
                2 => out.push('\u{3000}'),
                3 => out.push('\u{200B}'),
                4 => out.push('-'),
                5 => out.push('\u{FEFF}'),
                6 => out.push('\t'),
                7 => out.push('－'),
                _ => {}
            }
            added += 1;
        }
        let c = match (b / 16) % 4 {
            1 if c.is_ascii_graphic() => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
            2 => c.to_ascii_lowercase(),
            3 if c.is_ascii_graphic() => {
                char::from_u32(c.to_ascii_lowercase() as u32 + 0xFEE0).unwrap_or(c)
            }
            _ => c,
        };
        out.push(c);
    }
    if noise.first().is_some_and(|b| b % 2 == 1) {
        out = format!("  {out}\u{3000}");
    }
    out
}

/// A passing identifier stays passing, with the same value, after [`noisy`].
fn survives_noise<I>(
    check: impl Fn(&Value) -> CheckResult<I>,
    first: &CheckResult<I>,
    noise: &[u8],
) {
    let (true, Some(v)) = (first.ok, &first.value) else {
        return;
    };
    let messy = noisy(v, noise);
    let again = check(&s(&messy));
    assert!(
        again.ok && again.value.as_deref() == Some(v.as_str()),
        "{v:?} passes but {messy:?} gives {:?} {:?}",
        again.value,
        again.findings
    );
}

// ---- field checks ----

pub fn uscc(input: &str, noise: &[u8]) {
    let check = |v: &Value| api::check_uscc(v, None).expect("no options");
    let r = check(&s(input));
    result_sane(&r, input);
    // The package's fast path says yes exactly when the full check passes the code as it stands.
    let clean = r.ok && r.findings.is_empty() && r.value.as_deref() == Some(input);
    assert_eq!(
        procurement_precheck::fields::uscc::passes_as_is(input),
        clean,
        "{input:?}: passes_as_is disagrees with the full check"
    );
    if r.ok {
        let v = r.value.as_deref().expect("a passing USCC has a value");
        assert!(r.info.is_some(), "{input:?}: passes without info");
        let (first17, last) = v.split_at(17);
        let expected = procurement_precheck::fields::uscc::check_char(first17);
        assert_eq!(
            expected.map(String::from).as_deref(),
            Some(last),
            "{input:?}"
        );
    }
    idempotent(check, &r, input);
    survives_noise(check, &r, noise);
}

pub fn id_number(input: &str, noise: &[u8]) {
    let check = |v: &Value| api::check_id_number(v, None, today()).expect("no options");
    let r = check(&s(input));
    result_sane(&r, input);
    if let Some(info) = &r.info {
        assert!(info.birth_date <= today(), "{input:?}: born after today");
        assert!(info.age >= 0, "{input:?}: negative age");
    }
    idempotent(check, &r, input);
    survives_noise(check, &r, noise);
}

pub fn org_code(input: &str, noise: &[u8]) {
    let check = |v: &Value| api::check_org_code(v, None).expect("no options");
    let r = check(&s(input));
    result_sane(&r, input);
    idempotent(check, &r, input);
    survives_noise(check, &r, noise);
}

pub fn regno15(input: &str, noise: &[u8]) {
    let check = |v: &Value| api::check_regno15(v, None).expect("no options");
    let r = check(&s(input));
    result_sane(&r, input);
    idempotent(check, &r, input);
    survives_noise(check, &r, noise);
}

pub fn mobile(input: &str, allow_landline: bool, noise: &[u8]) {
    let opts = obj(&[("allowLandline", Value::Bool(allow_landline))]);
    let check = |v: &Value| api::check_mobile(v, Some(&opts)).expect("valid options");
    let r = check(&s(input));
    result_sane(&r, input);
    idempotent(check, &r, input);
    if r.info.as_ref().is_some_and(|i| i.kind == "mobile") {
        survives_noise(check, &r, noise);
    }
}

pub fn date(input: &str) {
    let check = |v: &Value| api::parse_date(v, None).expect("no options");
    let r = check(&s(input));
    result_sane(&r, input);
    if let (Some(v), Some(info)) = (&r.value, &r.info) {
        let d = Date::new(info.year, info.month, info.day).expect("info is a real date");
        assert_eq!(&d.to_string(), v, "{input:?}");
        assert!((1..=7).contains(&info.weekday), "{input:?}");
        assert_eq!(Date::from_days_since_epoch(d.days_since_epoch()), d);
    }
    idempotent(check, &r, input);
}

/// The 大写金额 of `fen`, parsed, is `fen` again, in the one standard spelling.
pub fn uppercase_roundtrip(fen: u64) {
    let fen = fen % LIMIT_FEN;
    let text = uppercase::to_uppercase(fen).expect("below the limit");
    let p = uppercase::parse_uppercase(&text).unwrap_or_else(|e| panic!("{fen}: {text}: {e:?}"));
    assert_eq!(p.fen, fen, "{text}");
    assert!(p.standard && !p.missing_leading_one, "{fen}: {text}");
    // The same through the entry points, from the figures in 元.
    let yuan = format!("{}.{:02}", fen / 100, fen % 100);
    let r = api::parse_amount(&s(&yuan), None).expect("no options");
    let info = r
        .info
        .as_ref()
        .unwrap_or_else(|| panic!("{yuan}: {:?}", r.findings));
    assert_eq!(info.fen, fen.to_string());
    assert_eq!(info.uppercase.as_deref(), Some(text.as_str()));
    assert_eq!(
        api::amount_to_uppercase(&s(&yuan), None).ok().as_deref(),
        Some(text.as_str())
    );
    let c = api::check_uppercase_amount(&s(&text), &s(&yuan), None).expect("no options");
    assert!(
        c.ok && c.findings.is_empty(),
        "{text} / {yuan}: {:?}",
        c.findings
    );
}

/// `parseAmount` with options chosen by `flags`.
pub fn amount(input: &str, flags: u8) {
    let unit = if flags & 1 == 1 { "wan" } else { "yuan" };
    let negative = flags & 2 == 2;
    let opts = obj(&[("unit", s(unit)), ("allowNegative", Value::Bool(negative))]);
    let r = api::parse_amount(&s(input), Some(&opts)).expect("valid options");
    result_sane(&r, input);
    let Some(v) = &r.value else { return };
    // The normalised value is in 元: read again as 元 it is itself.
    let yuan_opts = obj(&[("allowNegative", Value::Bool(negative))]);
    let again = api::parse_amount(&s(v), Some(&yuan_opts)).expect("valid options");
    assert_eq!(
        again.value.as_deref(),
        Some(v.as_str()),
        "{input:?} → {v:?}"
    );
    assert_eq!(again.ok, r.ok, "{input:?} → {v:?}");
    let info = r.info.as_ref().expect("an amount has info");
    assert_eq!(&info.yuan, v);
    let (int, frac) = v.split_once('.').expect("two decimals");
    assert_eq!(frac.len(), 2, "{v}");
    assert!(
        int.trim_start_matches('-').len() <= 13,
        "{input:?} → {v} is over 10^12"
    );
    if !negative {
        assert!(!v.starts_with('-'), "{input:?} → {v} is negative");
    }
    if let Some(upper) = &info.uppercase {
        let p = uppercase::parse_uppercase(upper).unwrap_or_else(|e| panic!("{upper}: {e:?}"));
        assert_eq!(p.fen.to_string(), info.fen, "{input:?}: {upper}");
        assert!(p.standard, "{upper}");
        let c = api::check_uppercase_amount(&s(upper), &s(v), None).expect("no options");
        assert!(c.ok, "{upper} / {v}: {:?}", c.findings);
        assert_eq!(
            api::amount_to_uppercase(&s(v), None).ok().as_ref(),
            Some(upper)
        );
    }
}

/// `parseUppercase` and `checkUppercaseAmount` on any text, against any figures.
pub fn uppercase_text(input: &str, figures: &str) {
    if let Ok(p) = uppercase::parse_uppercase(input) {
        assert!(p.fen < LIMIT_FEN, "{input:?}: {p:?}");
        assert!(!p.missing_leading_one || !p.standard, "{input:?}: {p:?}");
        let canonical = uppercase::to_uppercase(p.fen).expect("below the limit");
        let q = uppercase::parse_uppercase(&canonical).expect("canonical parses");
        assert_eq!(q.fen, p.fen, "{input:?} → {canonical}");
        assert!(q.standard, "{canonical}");
        if p.standard {
            // A standard spelling differs from the canonical one at most by 零, 整 and 元.
            let strip = |t: &str| -> String {
                t.chars()
                    .filter(|c| !matches!(c, '零' | '整' | '正' | '元' | '圆'))
                    .collect()
            };
            let cleaned: String = input
                .chars()
                .filter(|c| {
                    !c.is_whitespace()
                        && !matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
                })
                .collect();
            let cleaned = cleaned
                .trim_start_matches("人民币")
                .trim_start_matches([':', '：']);
            assert_eq!(strip(cleaned), strip(&canonical), "{input:?} is standard");
        }
        // Against its own value in figures: no mismatch, and the canonical value (for a value
        // a form field may hold: at most 200 characters).
        let yuan = format!("{}.{:02}", p.fen / 100, p.fen % 100);
        let c = api::check_uppercase_amount(&s(input), &s(&yuan), None).expect("no options");
        result_sane(&c, input);
        assert!(
            !c.findings.iter().any(|f| f.code == codes::UPPER_MISMATCH),
            "{input:?} / {yuan}: {:?}",
            c.findings
        );
        if input.chars().count() <= procurement_precheck::fields::MAX_LEN {
            assert_eq!(c.value.as_deref(), Some(canonical.as_str()), "{input:?}");
        }
    }
    let c = api::check_uppercase_amount(&s(input), &s(figures), None).expect("no options");
    result_sane(&c, input);
    if let Some(v) = &c.value {
        let again = api::check_uppercase_amount(&s(v), &s(figures), None).expect("no options");
        assert_eq!(again.value.as_deref(), Some(v.as_str()), "{input:?} → {v}");
        assert!(
            !again
                .findings
                .iter()
                .any(|f| f.code == codes::UPPER_NONSTANDARD),
            "{v}: {:?}",
            again.findings
        );
    }
}

// ---- the catalogue ----

/// The JSON texts the wasm module hands to JS (`get`, `path`, `children`, `toJson`), written
/// by the core's `report::json`, are serde_json's for the same values, byte for byte.
fn catalogue_json_is_serde(c: &Catalogue, what: &str) {
    use procurement_precheck::report::json::{catalogue_item_text, catalogue_items_text};
    for it in c.items() {
        assert_eq!(
            catalogue_item_text(it),
            serde(it),
            "{what}: item {}",
            it.code
        );
        for list in [c.path(&it.code), c.children(Some(&it.code))] {
            assert_eq!(
                catalogue_items_text(list.iter().copied()),
                serde(&list),
                "{what}: {}",
                it.code
            );
        }
    }
    let roots = c.children(None);
    assert_eq!(
        catalogue_items_text(roots.iter().copied()),
        serde(&roots),
        "{what}: roots"
    );
    // `toJson`: the shape the catalogue had as a serde struct.
    #[derive(serde::Serialize)]
    struct CatalogueJson<'a> {
        version: &'a str,
        issuer: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        note: Option<&'a str>,
        items: &'a [procurement_precheck::catalogue::CatalogueItem],
        #[serde(skip_serializing_if = "<[procurement_precheck::catalogue::Withdrawn]>::is_empty")]
        withdrawn: &'a [procurement_precheck::catalogue::Withdrawn],
    }
    let whole = CatalogueJson {
        version: &c.version,
        issuer: &c.issuer,
        note: c.note.as_deref(),
        items: c.items(),
        withdrawn: c.withdrawn(),
    };
    assert_eq!(c.to_json(), serde(&whole), "{what}: toJson");
}

/// `serde_json::to_string` of `v`.
fn serde<T: serde::Serialize + ?Sized>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_default()
}

/// Paths, children and lookups agree with the items; the JSON form loads again to the same
/// catalogue; every JSON text of it is serde_json's.
pub fn catalogue_sane(c: &Catalogue, what: &str) {
    catalogue_json_is_serde(c, what);
    let items = c.items();
    for it in items {
        assert_eq!(c.get(&it.code), Some(it), "{what}: get({})", it.code);
        let path = c.path(&it.code);
        assert_eq!(path.last().map(|p| &p.code), Some(&it.code), "{what}: path");
        assert_eq!(
            path.len(),
            it.level as usize,
            "{what}: level of {}",
            it.code
        );
        assert!(path.first().is_some_and(|r| r.parent.is_none()), "{what}");
        for w in path.windows(2) {
            assert_eq!(w[1].parent.as_deref(), Some(w[0].code.as_str()), "{what}");
        }
        for ch in c.children(Some(&it.code)) {
            assert_eq!(ch.parent.as_deref(), Some(it.code.as_str()), "{what}");
        }
        assert!(!it.origin.is_empty(), "{what}: {} has no origin", it.code);
    }
    let roots = c.children(None);
    assert!(roots.iter().all(|r| r.parent.is_none()), "{what}: roots");
    let text = c.to_json();
    let v = json(&text).unwrap_or_else(|| panic!("{what}: toJson is not JSON"));
    let again = Catalogue::from_value(&v, Locale::En)
        .unwrap_or_else(|e| panic!("{what}: toJson does not load again: {e} {:?}", e.findings));
    assert_eq!(
        again.to_json(),
        text,
        "{what}: toJson → fromJson → toJson differs"
    );
}

/// `Catalogue.fromJson` on any value: loads a sane catalogue or says why not, with paths.
pub fn catalogue_load(v: &Value) -> Option<Catalogue> {
    match api::catalogue_from_value(v, None) {
        Ok(c) => {
            catalogue_sane(&c, "fromJson");
            Some(c)
        }
        Err(e) => {
            error_sane(&e, "fromJson");
            assert!(!e.findings.is_empty(), "a load error lists its problems");
            None
        }
    }
}

/// `cat.overlay` on any value: the base is unchanged; the result is sane; withdrawn codes are
/// gone; every base item not withdrawn is still there.
pub fn catalogue_overlay(base: &Catalogue, v: &Value) {
    let before = base.to_json();
    let r = api::catalogue_overlay(base, v, None);
    assert_eq!(base.to_json(), before, "an overlay changed its base");
    match r {
        Ok(c) => {
            catalogue_sane(&c, "overlay");
            for w in c.withdrawn() {
                if c.get(&w.code).is_some() {
                    // A withdrawn code may only come back through `add` of a later overlay.
                    assert!(
                        base.withdrawn().iter().any(|b| b.code == w.code),
                        "withdrawn {} is still in the catalogue",
                        w.code
                    );
                }
            }
            let gone = |code: &str| c.withdrawn().iter().any(|w| w.code == code);
            for it in base.items() {
                assert!(
                    c.get(&it.code).is_some() || gone(&it.code),
                    "{} lost",
                    it.code
                );
            }
            assert!(c.version.starts_with(&base.version), "{}", c.version);
        }
        Err(e) => {
            error_sane(&e, "overlay");
            assert!(
                !e.findings.is_empty(),
                "an overlay error lists its problems"
            );
        }
    }
}

/// `Catalogue.fromCsv` on any text: a sane catalogue, or problems with row paths.
pub fn catalogue_csv(text: &str) {
    let opts = obj(&[("version", s("csv-1")), ("issuer", s("测试县财政局"))]);
    match api::catalogue_from_csv(text, Some(&opts)) {
        Ok(c) => catalogue_sane(&c, "fromCsv"),
        Err(e) => {
            error_sane(&e, "fromCsv");
            for f in &e.findings {
                assert!(
                    f.path.starts_with("rows[") || !f.path.starts_with("items["),
                    "a CSV problem with an item path: {f:?}"
                );
            }
        }
    }
    // The CSV loader and the JSON loader agree: without meta, a missing version/issuer.
    let _ = Catalogue::from_csv(text, &CsvMeta::default(), Locale::En);
}

/// The embedded catalogues (loaded once).
pub fn builtins() -> Vec<Arc<Catalogue>> {
    builtin::NAMES
        .iter()
        .filter_map(|n| builtin::get(n))
        .collect()
}

/// One search hit is the catalogue's item, with its path from the root.
fn hit_sane(c: &Catalogue, h: &SearchHit, query: &str) {
    assert_eq!(
        c.get(&h.item.code),
        Some(&h.item),
        "{query:?}: hit not in catalogue"
    );
    let codes: Vec<&str> = h.path.iter().map(|p| p.code.as_str()).collect();
    assert_eq!(
        codes.last().copied(),
        Some(h.item.code.as_str()),
        "{query:?}: path"
    );
    let expected: Vec<String> = c
        .path(&h.item.code)
        .iter()
        .map(|i| i.code.clone())
        .collect();
    assert_eq!(codes, expected, "{query:?}");
    assert!(
        ["code", "name", "alias", "keyword", "pinyin"].contains(&h.matched),
        "{query:?}: {}",
        h.matched
    );
    assert!(
        ["exact", "prefix", "substring", "full", "mixed", "initials"].contains(&h.how),
        "{query:?}: {}",
        h.how
    );
}

/// `cat.search(query, { limit })`: never more than the limit (nor than 200), every hit sane,
/// no item twice, the same answer twice.
pub fn search(c: &Catalogue, query: &str, limit: usize) {
    let hits = c.search(query, limit);
    assert!(
        hits.len() <= limit.min(200),
        "{query:?}: {} > {limit}",
        hits.len()
    );
    let mut seen = std::collections::BTreeSet::new();
    for h in &hits {
        hit_sane(c, h, query);
        assert!(
            seen.insert(h.item.code.clone()),
            "{query:?}: {} twice",
            h.item.code
        );
    }
    assert_eq!(c.search(query, limit), hits, "{query:?}: not deterministic");
    // Through the entry point, with the limit as a JSON number.
    let opts = obj(&[("limit", Value::Number(limit.to_string().into()))]);
    match api::catalogue_search(c, &s(query), Some(&opts)) {
        Ok(h) => assert_eq!(h.len(), hits.len().min(200), "{query:?}"),
        Err(e) => {
            assert_eq!(limit, 0, "{query:?}: {e}");
            error_sane(&e, "search");
        }
    }
    // A longer limit only adds hits at the end.
    if limit > 0 && limit < 200 {
        let more = c.search(query, limit + 1);
        assert_eq!(
            more.get(..hits.len()),
            Some(&hits[..]),
            "{query:?}: ranking"
        );
    }
}

/// `screenPurchase(project)` on any value.
pub fn screen(c: &Catalogue, project: &Value) {
    match api::screen_purchase(c, project, None, today()) {
        Ok(r) => {
            findings_sane(&r.findings, "screenPurchase");
            let errors = r.findings.iter().any(|f| f.severity == Severity::Error);
            assert_eq!(r.ok, !errors, "screenPurchase: ok");
            // The text the wasm module hands to JS is serde_json's.
            assert_eq!(
                procurement_precheck::report::json::screen_report_text(&r),
                serde_json::to_string(&r).unwrap_or_default(),
                "screenPurchase: JSON text"
            );
        }
        Err(e) => panic!("screenPurchase without options failed: {e}"),
    }
}

// ---- supplier qualification ----

fn verdict_of(statuses: impl Iterator<Item = Status>) -> Verdict {
    let all: Vec<Status> = statuses.collect();
    if all.contains(&Status::Fail) {
        Verdict::Fail
    } else if all.contains(&Status::Incomplete) {
        Verdict::Incomplete
    } else {
        Verdict::Pass
    }
}

/// The verdict follows from the groups; the groups are all seven, in order; every finding has
/// a path; a group's findings are its own and all are in the flat list; a group with an error
/// finding does not pass; the report serialises; the same input gives the same report.
pub fn report_sane(r: &SupplierReport, what: &str) {
    let ids: Vec<&str> = r.groups.iter().map(|g| g.id).collect();
    assert_eq!(ids, GROUP_IDS.to_vec(), "{what}: groups");
    // The Art. 22 verdict: `sme_declaration` has its own status and does not change it.
    let art22 = r
        .groups
        .iter()
        .filter(|g| VERDICT_GROUP_IDS.contains(&g.id));
    assert_eq!(
        r.verdict,
        verdict_of(art22.map(|g| g.status)),
        "{what}: verdict vs groups {:?}",
        r.groups.iter().map(|g| g.status).collect::<Vec<_>>()
    );
    findings_sane(&r.findings, what);
    let mut grouped = vec![];
    for g in &r.groups {
        findings_sane(&g.findings, what);
        for f in &g.findings {
            assert_eq!(f.group, Some(g.id), "{what}: {f:?} in {}", g.id);
        }
        let errors = g.findings.iter().any(|f| f.severity == Severity::Error);
        if errors {
            assert!(
                matches!(g.status, Status::Fail | Status::Incomplete),
                "{what}: {} is {:?} with errors {:?}",
                g.id,
                g.status,
                g.findings
            );
        }
        if g.status == Status::Fail {
            assert!(errors, "{what}: {} fails without an error", g.id);
        }
        grouped.extend(g.findings.iter().cloned());
    }
    assert_eq!(
        r.findings.get(..grouped.len()),
        Some(&grouped[..]),
        "{what}: the flat list starts with the groups' findings"
    );
    for f in r.findings.get(grouped.len()..).unwrap_or(&[]) {
        assert!(f.group.is_none(), "{what}: {f:?}");
    }
    for m in &r.members {
        let statuses = m.groups.iter().map(|g| g.status);
        assert_eq!(m.verdict, verdict_of(statuses), "{what}: {}", m.path);
        for (mg, g) in m.groups.iter().zip(&r.groups) {
            assert!(
                rank(mg.status) <= rank(g.status),
                "{what}: member {} {} is worse than the consortium",
                m.path,
                g.id
            );
        }
    }
    assert!(serde_json::to_string(r).is_ok(), "{what}: serialise");
}

fn rank(s: Status) -> u8 {
    match s {
        Status::NotApplicable => 0,
        Status::Pass => 1,
        Status::Incomplete => 2,
        Status::Fail => 3,
    }
}

/// `checkSupplier(application, opts)` on any values: a sane report, or (only for bad
/// options) a structured error naming `opts.…`.
pub fn supplier(app: &Value, opts: Option<&Value>) -> Option<SupplierReport> {
    match api::check_supplier(app, opts, None, today()) {
        Ok(r) => {
            report_sane(&r, "checkSupplier");
            let again = api::check_supplier(app, opts, None, today()).expect("same input");
            assert_eq!(again, r, "checkSupplier is not deterministic");
            Some(r)
        }
        Err(e) => {
            error_sane(&e, "checkSupplier");
            assert!(
                e.path.starts_with("opts"),
                "an error not about options: {e}"
            );
            assert!(opts.is_some(), "an error without options: {e}");
            None
        }
    }
}

/// `checkPackage`: one sane report per application; every conflict between two different
/// applications (in order), on both reports at its paths as an error of `other_conditions`,
/// both failing; a report without a conflict is that application's `checkSupplier` report;
/// deterministic. An error is about `applications` (not a list, too long) or the options.
pub fn package(
    apps: &Value,
    opts: Option<&Value>,
) -> Option<procurement_precheck::qualification::package::PackageReport> {
    use procurement_precheck::qualification::package::check_package;
    match check_package(apps, opts, None, today()) {
        Ok(p) => {
            let Value::Array(list) = apps else {
                panic!("a package report from a non-list: {apps:?}")
            };
            assert_eq!(p.reports.len(), list.len(), "one report per application");
            for r in &p.reports {
                report_sane(r, "checkPackage");
            }
            for c in &p.conflicts {
                let [a, b] = c.applications;
                assert!(a < b && b < list.len(), "conflict between {a} and {b}");
                for (k, i) in [(0, a), (1, b)] {
                    let r = &p.reports[i];
                    assert_eq!(r.verdict, Verdict::Fail, "a conflicting bid fails");
                    let g = r
                        .groups
                        .iter()
                        .find(|g| g.id == "other_conditions")
                        .expect("other_conditions");
                    assert_eq!(g.status, Status::Fail);
                    assert!(
                        g.findings.iter().any(|f| f.code == c.code
                            && f.path == c.paths[k]
                            && f.severity == Severity::Error),
                        "no {} at {} on report {i}",
                        c.code,
                        c.paths[k]
                    );
                }
            }
            for (i, app) in list.iter().enumerate() {
                if !p.conflicts.iter().any(|c| c.applications.contains(&i)) {
                    let alone = api::check_supplier(app, opts, None, today()).expect("same opts");
                    assert_eq!(p.reports[i], alone, "report {i} without a conflict");
                }
            }
            let again = check_package(apps, opts, None, today()).expect("same input");
            assert_eq!(again, p, "checkPackage is not deterministic");
            Some(p)
        }
        Err(e) => {
            error_sane(&e, "checkPackage");
            assert!(
                e.path == "applications" || e.path.starts_with("opts"),
                "an error not about the list or the options: {e}"
            );
            None
        }
    }
}

/// A complete passing application (the README's baseline), for policy and option targets.
pub fn baseline_application() -> Value<'static> {
    json(
        r#"{
      "entityType": "enterprise", "name": "示例环境服务有限公司", "uscc": "91110000600037341L",
      "registration": { "status": "存续（在营、开业、在册）", "establishedOn": "2015-06-01", "termEnd": null },
      "financials": { "auditedReportYear": 2025, "totalAssets": "1,000,000.00",
                      "totalLiabilities": "400000", "ownersEquity": "600000.00" },
      "taxSocialSecurity": { "paidMonths": ["2026-02"] },
      "credit": { "queriedOn": "2026-03-10", "judgmentDefaulter": false,
                  "majorTaxViolator": false, "procurementBlacklist": false },
      "penalties": [{ "kind": "fine", "decidedOn": "2024-03-15", "fineAmount": "150", "fineUnit": "wan" }],
      "equipment": [{ "name": "垃圾清运车", "quantity": 3 }]
    }"#,
    )
    .expect("JSON")
}

/// `opts.policy` of any shape: a report that echoes the policy, or an error naming
/// `opts.policy…`.
pub fn policy(policy: &Value) {
    let opts = obj(&[("asOf", s("2026-03-15")), ("policy", policy.clone())]);
    let app = baseline_application();
    if let Some(r) = supplier(&app, Some(&opts)) {
        for t in r.policy.sector_fine_thresholds.values() {
            assert!(*t >= rust_decimal::Decimal::from(2_000_000), "{t}");
        }
        assert!((1..=60).contains(&r.policy.bank_letter_max_age_months));
        // rev. 2: each duty's months fit in the payment window.
        let p = &r.policy;
        assert!((1..=36).contains(&p.payment_window_months), "{p:?}");
        assert!(
            (1..=p.payment_window_months).contains(&p.tax_months),
            "{p:?}"
        );
        assert!(
            (1..=p.payment_window_months).contains(&p.social_security_months),
            "{p:?}"
        );
    } else {
        let e = api::check_supplier(&app, Some(&opts), None, today()).expect_err("an error");
        assert!(e.path.starts_with("opts.policy"), "{e}");
    }
}

/// Every entry point with any value as its input and as its options: no panic; a structured
/// error only about the options.
pub fn any_value(v: &Value) {
    let cat = builtin::get("county-example-2023").expect("embedded");
    let field_results = [
        api::check_uscc(v, None).map(|r| r.findings),
        api::check_id_number(v, None, today()).map(|r| r.findings),
        api::check_org_code(v, None).map(|r| r.findings),
        api::check_regno15(v, None).map(|r| r.findings),
        api::parse_amount(v, None).map(|r| r.findings),
        api::check_uppercase_amount(v, v, None).map(|r| r.findings),
        api::parse_date(v, None).map(|r| r.findings),
        api::check_mobile(v, None).map(|r| r.findings),
    ];
    for r in field_results {
        findings_sane(&r.expect("no options, no error"), "field");
    }
    let _ = api::amount_to_uppercase(v, None);
    // As options: a result or an error naming opts.
    let named = |e: PrecheckError| {
        error_sane(&e, "options");
        assert!(e.path.starts_with("opts"), "{e}");
    };
    let sample = s("91110000600037341L");
    for r in [
        api::check_uscc(&sample, Some(v)).map(|_| ()),
        api::check_id_number(&sample, Some(v), today()).map(|_| ()),
        api::parse_amount(&sample, Some(v)).map(|_| ()),
        api::check_uppercase_amount(&sample, &sample, Some(v)).map(|_| ()),
        api::parse_date(&sample, Some(v)).map(|_| ()),
        api::check_mobile(&sample, Some(v)).map(|_| ()),
        api::catalogue_search(&cat, &sample, Some(v)).map(|_| ()),
        api::screen_purchase(&cat, &obj(&[]), Some(v), today()).map(|_| ()),
    ] {
        if let Err(e) = r {
            named(e);
        }
    }
    let _ = api::catalogue_search(&cat, v, None);
    let _ = api::catalogue_builtin(Some(v));
    screen(&cat, v);
    supplier(v, None);
    if let Err(e) = api::check_supplier(&obj(&[]), Some(v), None, today()) {
        named(e);
    }
}
