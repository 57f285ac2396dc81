//! The TypeScript declarations of the npm package against the Rust sources (issue 11):
//! the generated unions are what the Rust lists give, each list is written once, the result
//! interfaces carry the Rust types' names, and the input interfaces the keys the core reads.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use precheck_testkit::repo;
use precheck_testkit::typescript::{self, generated_d_ts, unions, REFRESH};
use procurement_precheck::qualification::{self as q, policy, sme};
use std::any::type_name;
use std::collections::BTreeSet;

fn read(path: &str) -> String {
    std::fs::read_to_string(repo(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn types_d_ts() -> String {
    read("crates/precheck-wasm/types.d.ts")
}

#[test]
fn generated_file_is_what_the_rust_lists_give() {
    let want = generated_d_ts();
    if std::env::var_os("UPDATE_TYPES").is_some() {
        std::fs::write(repo(typescript::PATH), &want).unwrap();
        return;
    }
    let have = read(typescript::PATH);
    if have != want {
        let diff: Vec<String> = {
            let h: BTreeSet<&str> = have.lines().collect();
            let w: BTreeSet<&str> = want.lines().collect();
            w.difference(&h)
                .map(|l| format!("+ {l}"))
                .chain(h.difference(&w).map(|l| format!("- {l}")))
                .collect()
        };
        panic!(
            "{} is not what the Rust lists give (lines to add +, to remove -):\n{}\nRefresh it with:\n  {REFRESH}",
            typescript::PATH,
            diff.join("\n")
        );
    }
}

/// A union written by hand in types.d.ts as well as generated would be two copies of a list.
#[test]
fn each_list_is_written_once() {
    let types = types_d_ts();
    for u in unions() {
        for decl in [
            format!("type {} =", u.name),
            format!("type {} ", u.name),
            format!("interface {} ", u.name),
        ] {
            assert!(
                !types.contains(&decl),
                "types.d.ts declares {} by hand; it is generated from {}",
                u.name,
                u.source
            );
        }
        assert!(!u.words.is_empty(), "{} is empty", u.name);
        let distinct: BTreeSet<&String> = u.words.iter().collect();
        assert_eq!(distinct.len(), u.words.len(), "{} repeats a word", u.name);
    }
    // The generator's names are distinct too.
    let names: BTreeSet<&str> = unions().iter().map(|u| u.name).collect();
    assert_eq!(names.len(), unions().len());
}

#[test]
fn generated_unions_hold_the_lists() {
    let by = |name: &str| {
        unions()
            .into_iter()
            .find(|u| u.name == name)
            .unwrap_or_else(|| panic!("no union {name}"))
            .words
    };
    assert_eq!(by("EntityType"), q::ENTITY_TYPES);
    assert_eq!(by("PenaltyKind"), q::PENALTY_KINDS);
    assert_eq!(by("GroupId"), q::GROUP_IDS);
    assert_eq!(by("PolicyKey"), policy::KEYS);
    assert_eq!(by("SmeIndustry"), sme::INDUSTRIES);
    assert_eq!(by("FindingCode"), procurement_precheck::report::codes::ALL);
    assert_eq!(by("Severity"), ["error", "warning", "info"]);
    assert_eq!(
        by("GroupStatus"),
        ["pass", "fail", "incomplete", "not_applicable"]
    );
    assert_eq!(by("Verdict"), ["pass", "fail", "incomplete"]);
    assert_eq!(by("Evidence"), ["documents", "commitment"]);
    // A USCC shows an entity type, never a natural person.
    let kinds = by("EntityKind");
    for k in &kinds {
        assert!(q::ENTITY_TYPES.contains(&k.as_str()), "{k}");
    }
    assert!(!kinds.iter().any(|k| k == "natural_person"));
    assert!(kinds.iter().any(|k| k == "legal_service"));
    // The text: `export type EntityType =` then one `| "word"` a line.
    let text = generated_d_ts();
    assert!(text.contains("export type EntityType =\n  | \"enterprise\"\n"));
    assert!(text.contains("  | \"other\";\n\n/** The level of the penalising body."));
}

// ---- the names of the result types ----

/// The last segment of a Rust type's path, without generic arguments.
fn rust_name<T: ?Sized>() -> &'static str {
    let full = type_name::<T>();
    let path = full.split('<').next().unwrap_or(full);
    path.rsplit("::").next().unwrap_or(path)
}

/// Whether types.d.ts or generated.d.ts declares `name` (an interface or a type).
fn declared(name: &str) -> bool {
    let all = format!("{}\n{}", types_d_ts(), read(typescript::PATH));
    [
        format!("export interface {name} "),
        format!("export interface {name}<"),
        format!("export type {name} ="),
    ]
    .iter()
    .any(|d| all.contains(d.as_str()))
}

/// Every type the core serialises into a result the package returns, with its TS name. The TS
/// name is the public contract; the Rust type carries the same name.
fn pairs() -> Vec<(&'static str, &'static str)> {
    use procurement_precheck::catalogue as c;
    use procurement_precheck::fields as f;
    use procurement_precheck::report as r;
    vec![
        (rust_name::<r::Finding>(), "Finding"),
        (rust_name::<r::Severity>(), "Severity"),
        (rust_name::<r::Locale>(), "Locale"),
        (rust_name::<r::PrecheckError>(), "PrecheckError"),
        (rust_name::<f::CheckResult<()>>(), "CheckResult"),
        (rust_name::<f::uscc::UsccInfo>(), "UsccInfo"),
        (rust_name::<f::resident_id::IdNumberInfo>(), "IdNumberInfo"),
        (rust_name::<f::org_code::OrgCodeInfo>(), "OrgCodeInfo"),
        (rust_name::<f::regno15::RegNo15Info>(), "RegNo15Info"),
        (rust_name::<f::money::AmountInfo>(), "AmountInfo"),
        (rust_name::<f::money::UppercaseInfo>(), "UppercaseInfo"),
        (rust_name::<f::date::DateInfo>(), "DateInfo"),
        (rust_name::<f::mobile::PhoneInfo>(), "PhoneInfo"),
        (rust_name::<c::CatalogueItem>(), "CatalogueItem"),
        (rust_name::<c::Requirement>(), "Requirement"),
        (rust_name::<c::Origin>(), "Origin"),
        (rust_name::<c::SearchHit>(), "SearchHit"),
        (rust_name::<c::PathEntry>(), "PathEntry"),
        (rust_name::<c::screen::ScreenReport>(), "ScreenReport"),
        (rust_name::<c::screen::ScreenedItem>(), "ScreenedItem"),
        (rust_name::<q::SupplierReport>(), "SupplierReport"),
        (rust_name::<q::CheckGroup>(), "CheckGroup"),
        (rust_name::<q::GroupStatus>(), "GroupStatus"),
        (rust_name::<q::Verdict>(), "Verdict"),
        (rust_name::<q::Evidence>(), "Evidence"),
        (rust_name::<q::GroupSummary>(), "GroupSummary"),
        (rust_name::<q::MemberReport>(), "MemberReport"),
        (rust_name::<q::CheckedItem>(), "CheckedItem"),
        (rust_name::<q::Policy>(), "Policy"),
        (rust_name::<q::package::PackageReport>(), "PackageReport"),
        (
            rust_name::<q::package::PackageConflict>(),
            "PackageConflict",
        ),
    ]
}

/// Serialised types that are not results of the package's API, and why.
const NOT_IN_THE_JS_API: &[(&str, &str)] = &[
    ("Unit", "a money unit: written inline as \"yuan\" | \"wan\""),
    (
        "Withdrawn",
        "only in the CLI's `catalogue show` and the catalogue's JSON text",
    ),
    ("ItemDetails", "the CLI's `catalogue show`"),
];

#[test]
fn result_types_have_their_typescript_names() {
    for (rust, ts) in pairs() {
        assert_eq!(rust, ts, "the Rust type {rust} is {ts} in TypeScript");
        assert!(declared(ts), "types.d.ts declares no {ts}");
    }
    assert_eq!(rust_name::<q::Status>(), "GroupStatus");
}

/// Every `pub struct`/`pub enum` of the core that derives `Serialize` is in [`pairs`] or in
/// [`NOT_IN_THE_JS_API`]: a new result type gets its TS name when it is added.
#[test]
fn every_serialised_type_is_paired() {
    let listed: BTreeSet<&str> = pairs()
        .iter()
        .map(|p| p.0)
        .chain(NOT_IN_THE_JS_API.iter().map(|p| p.0))
        .collect();
    let mut found = BTreeSet::new();
    let mut stack = vec![repo("crates/precheck/src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path.to_string_lossy().into_owned());
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let mut serialised = false;
            for line in text.lines().map(str::trim) {
                if line.starts_with("#[derive(") {
                    serialised = line.contains("Serialize");
                    continue;
                }
                if line.starts_with("#[") || line.starts_with("///") {
                    continue;
                }
                if serialised {
                    for kw in ["pub struct ", "pub enum "] {
                        if let Some(rest) = line.strip_prefix(kw) {
                            let name: String = rest
                                .chars()
                                .take_while(|c| c.is_alphanumeric() || *c == '_')
                                .collect();
                            found.insert(name);
                        }
                    }
                }
                serialised = false;
            }
        }
    }
    assert!(found.contains("SupplierReport") && found.contains("Finding"));
    for name in &found {
        assert!(
            listed.contains(name.as_str()),
            "{name} is serialised: give it its TypeScript name in tests/typescript.rs (pairs) and types.d.ts, or say why it is not in the JS API"
        );
    }
}

// ---- the keys of the input interfaces ----

/// `s` without `/* */` and `//` comments.
fn strip_comments(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix("/*") {
            rest = r.split_once("*/").map_or("", |(_, after)| after);
        } else if let Some(r) = rest.strip_prefix("//") {
            rest = r.split_once('\n').map_or("", |(_, after)| after);
            out.push('\n');
        } else {
            let c = rest.chars().next().unwrap();
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// The text between the `{` at `open` and its matching `}`.
fn body_at(s: &str, open: usize) -> &str {
    let mut depth = 0;
    for (i, c) in s[open..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return &s[open + 1..open + i];
                }
            }
            _ => {}
        }
    }
    panic!("unbalanced braces")
}

/// The members of an object type's body: (key, type text), top level only.
fn members(body: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    let mut push = |part: &str| {
        let part = part.trim();
        if let Some((key, ty)) = part.split_once(':') {
            let key = key.trim().trim_end_matches('?').to_string();
            out.push((key, ty.trim().to_string()));
        }
    };
    for (i, c) in body.char_indices() {
        match c {
            '{' | '(' | '[' | '<' => depth += 1,
            '}' | ')' | ']' | '>' => depth -= 1,
            ';' if depth == 0 => {
                push(&body[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    push(&body[start..]);
    out
}

/// The keys of `export interface <name>` (or of the first object in `export type <name> =`).
fn keys_of(types: &str, name: &str) -> Vec<String> {
    let at = types
        .find(&format!("export interface {name} "))
        .or_else(|| types.find(&format!("export type {name} =")))
        .unwrap_or_else(|| panic!("types.d.ts declares no {name}"));
    let open = at + types[at..].find('{').unwrap();
    members(body_at(types, open))
        .into_iter()
        .map(|m| m.0)
        .collect()
}

/// The keys of the inline object type of `member` of `interface`.
fn keys_of_member(types: &str, interface: &str, member: &str) -> Vec<String> {
    let at = types
        .find(&format!("export interface {interface} "))
        .unwrap();
    let open = at + types[at..].find('{').unwrap();
    let ty = members(body_at(types, open))
        .into_iter()
        .find(|m| m.0 == member)
        .unwrap_or_else(|| panic!("{interface} has no {member}"))
        .1;
    let open = ty
        .find('{')
        .unwrap_or_else(|| panic!("{interface}.{member} is not an object type"));
    members(body_at(&ty, open))
        .into_iter()
        .map(|m| m.0)
        .collect()
}

fn set<S: AsRef<str>>(list: &[S]) -> BTreeSet<String> {
    list.iter().map(|s| s.as_ref().to_string()).collect()
}

#[test]
fn input_interfaces_carry_the_keys_the_core_reads() {
    let types = strip_comments(&types_d_ts());
    let whole = |name: &str, rust: &[&[&str]]| {
        let want: BTreeSet<String> = rust.iter().flat_map(|l| set(l)).collect();
        assert_eq!(set(&keys_of(&types, name)), want, "{name}");
    };
    whole(
        "SupplierApplication",
        &[q::APPLICATION_KEYS, q::CONSORTIUM_KEYS],
    );
    whole("ConsortiumMember", &[q::MEMBER_KEYS]);
    whole("Penalty", &[q::PENALTY_KEYS]);
    whole("Licence", &[q::LICENCE_KEYS]);
    whole("SmeDeclaration", &[sme::SME_KEYS]);
    whole("Policy", &[policy::KEYS]);
    whole("FinancialLetter", &[q::LETTER_KEYS]);
    let member = |name: &str, rust: &[&str]| {
        assert_eq!(
            set(&keys_of_member(&types, "SupplierApplication", name)),
            set(rust),
            "SupplierApplication.{name}"
        );
    };
    member("registration", q::REGISTRATION_KEYS);
    member("headOffice", q::HEAD_OFFICE_KEYS);
    member("financials", q::FINANCIAL_KEYS);
    member("taxSocialSecurity", q::TAX_KEYS);
    member("credit", q::CREDIT_KEYS);
    member("equipment", q::EQUIPMENT_KEYS);
    member("staff", q::STAFF_KEYS);
    member("commitments", q::COMMITMENT_KEYS);
    member("agreement", q::AGREEMENT_KEYS);
    member("legalRepresentative", q::LEGAL_REPRESENTATIVE_KEYS);
    member("controllingShareholder", q::CONTROLLING_SHAREHOLDER_KEYS);
}

/// The little parser above reads what it should (else the test above could pass on nothing).
#[test]
fn the_interface_reader_reads_nested_members() {
    let t = strip_comments(
        "export interface A {\n  /** doc: x; y */\n  a?: { b: string; c?: { d: number }[] }[];\n  e: Record<string, string>; // f: g\n  h: \"i\" | \"j\"\n}\n",
    );
    assert_eq!(keys_of(&t, "A"), ["a", "e", "h"]);
    assert_eq!(keys_of_member(&t, "A", "a"), ["b", "c"]);
}
