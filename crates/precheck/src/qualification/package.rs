//! Same-package conflicts (政府采购法实施条例第十八条第一款; RULES.md §2.4): suppliers whose
//! 单位负责人 is the same person, or one of which directly controls the other, may not both bid
//! under one contract. One application cannot show it; [`check_package`] checks every bid of a
//! package at once and puts each conflict, as an error of `other_conditions`, on both reports.
//!
//! A party is an application, or each member of a consortium application (paths
//! `members[i].…`). Two parties of different applications conflict when
//! - their `legalRepresentative.idNumber` is the same (compared after removing spaces and
//!   hyphens, upper-case; a 15-digit legacy 身份证 number in its 18-digit form), or
//! - one's `controllingShareholder.uscc` is the other's `uscc`, or one's
//!   `controllingShareholder.idNumber` the other's `idNumber` (a natural-person supplier).

use super::eval::label_for;
use super::{check, read_options, Status, SupplierReport, Verdict};
use crate::catalogue::Catalogue;
use crate::fields::date::Date;
use crate::fields::resident_id;
use crate::read::At;
use crate::report::{codes, Context, Finding, Locale, Params, PrecheckError, Raw};
use crate::value::Value;
use serde::Serialize;

/// The keys of `legalRepresentative`.
pub const LEGAL_REPRESENTATIVE_KEYS: &[&str] = &["name", "idNumber"];
/// The keys of `controllingShareholder`.
pub const CONTROLLING_SHAREHOLDER_KEYS: &[&str] = &["name", "uscc", "idNumber"];

/// Most applications in one package.
pub const MAX_APPLICATIONS: usize = 1000;

/// One conflict between two applications of a package.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PackageConflict {
    /// `other_conditions.same_legal_representative` or `other_conditions.controlling_shareholder`.
    pub code: &'static str,
    /// The two applications (0-based indices into `applications`).
    pub applications: [usize; 2],
    /// The field of each application the finding is at.
    pub paths: [String; 2],
    /// The suppliers' names, as given.
    pub names: [Option<String>; 2],
    /// `idNumber` (masked) for the same person in charge; `controller` and `controlled` for control.
    pub params: Params,
}

/// The result of [`check_package`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PackageReport {
    /// One report per application, in input order, each with its conflicts.
    pub reports: Vec<SupplierReport>,
    pub conflicts: Vec<PackageConflict>,
}

/// A supplier of the package: an application or a consortium member.
struct Party {
    app: usize,
    /// `""` or `members[1].`.
    prefix: String,
    name: Option<String>,
    uscc: Option<String>,
    id_number: Option<String>,
    representative: Option<String>,
    shareholder_uscc: Option<String>,
    shareholder_id: Option<String>,
}

/// An identifier as compared: no spaces or hyphens, ASCII upper-case (full-width folded).
fn normalize(v: Option<&Value>) -> Option<String> {
    let s = v?.as_str()?;
    let n: String = s
        .chars()
        .map(|c| match c as u32 {
            0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .take(40)
        .collect();
    (!n.is_empty()).then_some(n)
}

/// A 身份证 number as compared: [`normalize`]d, and a 15-digit legacy number in its 18-digit
/// form (GB 11643: the century 19 inserted after the area code, the check character computed),
/// so that one person written both ways is one person.
fn person_id(v: Option<&Value>) -> Option<String> {
    let n = normalize(v)?;
    if n.len() == 15 && n.bytes().all(|b| b.is_ascii_digit()) {
        if let Some((area, rest)) = n.split_at_checked(6) {
            let body = format!("{area}19{rest}");
            if let Some(check) = resident_id::check_char(&body) {
                return Some(format!("{body}{check}"));
            }
        }
    }
    Some(n)
}

fn party(app: usize, prefix: String, v: &Value) -> Party {
    let text = |v: Option<&Value>| {
        v.and_then(Value::as_str)
            .map(|s| s.trim().chars().take(200).collect::<String>())
            .filter(|s| !s.is_empty())
    };
    let rep = v.get("legalRepresentative");
    let cs = v.get("controllingShareholder");
    Party {
        app,
        prefix,
        name: text(v.get("name")),
        uscc: normalize(v.get("uscc")),
        id_number: person_id(v.get("idNumber")),
        representative: person_id(rep.and_then(|r| r.get("idNumber"))),
        shareholder_uscc: normalize(cs.and_then(|c| c.get("uscc"))),
        shareholder_id: person_id(cs.and_then(|c| c.get("idNumber"))),
    }
}

fn parties(index: usize, app: &Value) -> Vec<Party> {
    match app.get("members") {
        Some(Value::Array(members)) if !members.is_empty() => members
            .iter()
            .take(super::eval::MAX_ENTRIES)
            .enumerate()
            .map(|(i, m)| party(index, format!("members[{i}]."), m))
            .collect(),
        _ => vec![party(index, String::new(), app)],
    }
}

/// `110105194912310021` → `110105********0021` (a report names the person, not the number).
fn mask(id: &str) -> String {
    let chars: Vec<char> = id.chars().collect();
    let n = chars.len();
    chars
        .iter()
        .enumerate()
        .map(|(i, c)| if i < 6 || i + 4 >= n { *c } else { '*' })
        .collect()
}

fn shown_name(p: &Party) -> String {
    p.name
        .clone()
        .or_else(|| p.uscc.clone())
        .or_else(|| p.id_number.as_deref().map(mask))
        .unwrap_or_else(|| "—".to_string())
}

/// The conflicts between the parties of different applications.
fn conflicts(all: &[Party]) -> Vec<PackageConflict> {
    let mut out = vec![];
    for (i, a) in all.iter().enumerate() {
        for b in all.iter().skip(i + 1) {
            if a.app == b.app {
                continue;
            }
            let names = [Some(shown_name(a)), Some(shown_name(b))];
            if let (Some(x), Some(y)) = (&a.representative, &b.representative) {
                if x == y {
                    let mut params = Params::new();
                    params.insert("idNumber", mask(x));
                    out.push(PackageConflict {
                        code: codes::OTHER_SAME_LEGAL_REPRESENTATIVE,
                        applications: [a.app, b.app],
                        paths: [
                            format!("{}legalRepresentative.idNumber", a.prefix),
                            format!("{}legalRepresentative.idNumber", b.prefix),
                        ],
                        names: names.clone(),
                        params,
                    });
                }
            }
            // (controlled, controller) in both directions.
            for (controlled, controller, flip) in [(a, b, false), (b, a, true)] {
                let by_uscc = matches!((&controlled.shareholder_uscc, &controller.uscc),
                    (Some(x), Some(y)) if x == y);
                let by_id = matches!((&controlled.shareholder_id, &controller.id_number),
                    (Some(x), Some(y)) if x == y);
                if !(by_uscc || by_id) {
                    continue;
                }
                let own_id = if by_uscc { "uscc" } else { "idNumber" };
                let mut params = Params::new();
                params.insert("controller", shown_name(controller));
                params.insert("controlled", shown_name(controlled));
                let controlled_path = format!("{}controllingShareholder", controlled.prefix);
                let controller_path = format!("{}{own_id}", controller.prefix);
                let paths = if flip {
                    [controller_path, controlled_path]
                } else {
                    [controlled_path, controller_path]
                };
                out.push(PackageConflict {
                    code: codes::OTHER_CONTROLLING_SHAREHOLDER,
                    applications: [a.app, b.app],
                    paths,
                    names: names.clone(),
                    params,
                });
                break;
            }
        }
    }
    out
}

/// Add an error of `other_conditions` to a report: the group fails, the verdict fails, and the
/// flat list stays "every group's findings in order, then those of no group".
fn add_conflict(r: &mut SupplierReport, f: Finding, path: &str) {
    let Some(g) = r.groups.iter_mut().find(|g| g.id == "other_conditions") else {
        return;
    };
    g.findings.push(f);
    g.status = Status::Fail;
    let general: Vec<Finding> = r
        .findings
        .iter()
        .filter(|f| f.group.is_none())
        .cloned()
        .collect();
    r.findings = super::flat_findings(&r.groups, general);
    r.verdict = Verdict::Fail;
    // A consortium member's own result.
    if let Some(member) = r
        .members
        .iter_mut()
        .find(|m| path.starts_with(&format!("{}.", m.path)))
    {
        member.verdict = Verdict::Fail;
        if let Some(s) = member
            .groups
            .iter_mut()
            .find(|s| s.id == "other_conditions")
        {
            s.status = Status::Fail;
        }
    }
}

fn render(path: &str, raw: Raw, locale: Locale) -> Finding {
    let none = super::Labels::default();
    let label = label_for(path, locale, &none);
    Context {
        locale,
        path,
        label: &label,
        group: Some("other_conditions"),
    }
    .render(raw)
}

/// `checkPackage(applications, opts)`: every application checked as by `checkSupplier` with the
/// same options, then the GPL-IR Art. 18 conflicts across them. `applications` must be a list.
pub fn check_package(
    applications: &Value,
    opts: Option<&Value>,
    catalogue: Option<&Catalogue>,
    today: Date,
) -> Result<PackageReport, PrecheckError> {
    let o = read_options(opts, catalogue, today)?;
    let at = At::new(Some(applications), "applications");
    let list = match applications {
        Value::Array(items) if items.len() <= MAX_APPLICATIONS => items,
        other => {
            let w = at.wrong_type("array");
            let mut raw = Raw::error(codes::OPTIONS_WRONG_TYPE)
                .with("expected", w.expected)
                .with("got", w.got)
                .with("path", "applications");
            if let Value::Array(items) = other {
                raw = Raw::error(codes::OPTIONS_BAD_VALUE)
                    .with("value", format!("{} applications", items.len()))
                    .with("expected", format!("at most {MAX_APPLICATIONS}"))
                    .with("path", "applications");
            }
            let code = raw.code;
            let f = Context {
                locale: o.locale,
                path: "applications",
                label: "",
                group: None,
            }
            .render(raw);
            return Err(PrecheckError {
                code: code.to_string(),
                path: "applications".into(),
                message: f.message,
                findings: vec![],
            });
        }
    };
    let mut reports: Vec<SupplierReport> = list.iter().map(|a| check(a, &o)).collect();
    let all: Vec<Party> = list
        .iter()
        .enumerate()
        .flat_map(|(i, a)| parties(i, a))
        .collect();
    let found = conflicts(&all);
    for c in &found {
        let [a0, a1] = c.applications;
        let [p0, p1] = &c.paths;
        let [n0, n1] = &c.names;
        for (me, other, path, other_name) in [(a0, a1, p0, n1), (a1, a0, p1, n0)] {
            let mut raw = Raw::error(c.code)
                .with("other", other.saturating_add(1))
                .with("otherIndex", other)
                .with("otherName", other_name.clone().unwrap_or_default());
            for (k, v) in &c.params {
                raw = raw.with(k, v);
            }
            if let Some(r) = reports.get_mut(me) {
                let f = render(path, raw, o.locale);
                add_conflict(r, f, path);
            }
        }
    }
    Ok(PackageReport {
        reports,
        conflicts: found,
    })
}
