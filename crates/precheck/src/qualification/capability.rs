//! `equipment_and_capability` (GPL Art. 22(三), RULES.md §4.3): equipment and staff lists, and
//! every licence the catalogue item requires — held, of the right kind, at or above the
//! minimum grade, valid on the deadline. In a consortium the licence check runs over all
//! members: the consortium's grade for a kind is the lowest among the members that hold it
//! (GPL-IR Art. 22).

use super::eval::{Eval, Licence, Outcome, G};
use crate::catalogue::grades;
use crate::catalogue::text::fold;
use crate::catalogue::Requirement;
use crate::report::{codes, Raw};
use crate::value::Value;
use std::cmp::Ordering;

pub const LICENCE_KEYS: &[&str] = &["kind", "grade", "number", "issuer", "validUntil"];
pub const EQUIPMENT_KEYS: &[&str] = &["name", "quantity"];
pub const STAFF_KEYS: &[&str] = &["name", "role", "qualification"];

const G_CAP: Option<G> = Some(G::Capability);

/// Whether a licence of kind `held` is one of kind `required` (folded; one containing the other).
pub fn kind_matches(held: &str, required: &str) -> bool {
    let (h, r) = (fold(held), fold(required));
    !h.is_empty() && !r.is_empty() && (h == r || h.contains(&r) || r.contains(&h))
}

/// Compare two grades of one scale: `Greater` = higher. Unreadable grades are lowest.
fn grade_cmp(a: Option<&str>, b: Option<&str>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => match (grades::meets(a, b), grades::meets(b, a)) {
            (Some(true), Some(true)) => Ordering::Equal,
            (Some(true), _) => Ordering::Greater,
            (_, Some(true)) => Ordering::Less,
            _ => Ordering::Equal,
        },
        (Some(a), None) if grades::canonical(a).is_some() => Ordering::Greater,
        (None, Some(b)) if grades::canonical(b).is_some() => Ordering::Less,
        _ => Ordering::Equal,
    }
}

impl Eval<'_> {
    /// Read the lists and decide the evidence path; the requirement check runs separately
    /// ([`Eval::licence_requirements`]) so that a consortium can run it over all members.
    pub fn equipment_and_capability(&mut self, app: &Value) {
        let licences = self.array(G_CAP, "licences", app.get("licences"));
        let equipment = self.array(G_CAP, "equipment", app.get("equipment"));
        let staff = self.array(G_CAP, "staff", app.get("staff"));
        let has_docs = licences.is_some() || equipment.is_some() || staff.is_some();
        self.evidence_path(
            G::Capability,
            has_docs,
            self.commitments.capability,
            "equipmentAndCapability",
            "licences",
        );
        if let Some(list) = licences {
            let mut out = Vec::with_capacity(list.len());
            for (i, v) in list.iter().enumerate() {
                let rel = format!("licences[{i}]");
                let Some(o) = self.entry(G_CAP, &rel, v) else {
                    continue;
                };
                self.unknown_keys(o, &rel, LICENCE_KEYS);
                let kind = self.need(G_CAP, &format!("{rel}.kind"), |e| {
                    e.text(G_CAP, &format!("{rel}.kind"), o.get("kind"))
                });
                let grade = self.text(G_CAP, &format!("{rel}.grade"), o.get("grade"));
                self.text(G_CAP, &format!("{rel}.number"), o.get("number"));
                let issuer = self.text(G_CAP, &format!("{rel}.issuer"), o.get("issuer"));
                let valid_until =
                    self.date(G_CAP, &format!("{rel}.validUntil"), o.get("validUntil"));
                out.push(Licence {
                    path: self.at(&rel),
                    kind,
                    grade,
                    issuer,
                    valid_until,
                });
            }
            self.licences = Some(out);
        }
        for (key, list, known) in [
            ("equipment", equipment, EQUIPMENT_KEYS),
            ("staff", staff, STAFF_KEYS),
        ] {
            for (i, v) in list.unwrap_or(&[]).iter().enumerate() {
                let rel = format!("{key}[{i}]");
                let Some(o) = self.entry(G_CAP, &rel, v) else {
                    continue;
                };
                self.unknown_keys(o, &rel, known);
                let name_rel = format!("{rel}.name");
                self.need(G_CAP, &name_rel, |e| {
                    e.text(G_CAP, &name_rel, o.get("name"))
                });
                for k in known.iter().skip(1) {
                    let r = format!("{rel}.{k}");
                    if *k == "quantity" {
                        if let Some(q) = self.text(G_CAP, &r, o.get(k)) {
                            if !q.parse::<u64>().is_ok_and(|n| n >= 1) {
                                self.push(
                                    G_CAP,
                                    &r,
                                    Raw::error(codes::CAP_QUANTITY_INVALID)
                                        .with("value", q.chars().take(20).collect::<String>()),
                                    Outcome::Incomplete,
                                );
                            }
                        }
                    } else {
                        self.text(G_CAP, &r, o.get(k));
                    }
                }
            }
        }
    }

    /// Check `requirements` against the licences of `holders` (one supplier, or every member
    /// of a consortium: `(member index, licences given?, licences)`), and report licences that
    /// expired before the deadline.
    pub fn licence_requirements(
        &mut self,
        requirements: &[Requirement],
        holders: &[(Option<usize>, Option<&[Licence]>)],
        consortium: bool,
    ) {
        let as_of = self.ctx.as_of;
        let valid = |l: &Licence| l.valid_until.is_none_or(|d| d >= as_of);
        let any_list = holders.iter().any(|(_, l)| l.is_some());
        let mut reported_expired: Vec<String> = vec![];
        for req in requirements {
            let of_kind = |l: &&Licence| {
                l.kind
                    .as_deref()
                    .is_some_and(|k| kind_matches(k, &req.kind))
            };
            // Per holder: its valid licences of this kind.
            let mut held: Vec<(Option<usize>, Vec<&Licence>)> = vec![];
            let mut expired: Vec<&Licence> = vec![];
            for (member, list) in holders {
                let list = list.unwrap_or(&[]);
                let mine: Vec<&Licence> = list.iter().filter(of_kind).collect();
                expired.extend(mine.iter().copied().filter(|l| !valid(l)));
                let ok: Vec<&Licence> = mine.into_iter().filter(|l| valid(l)).collect();
                if !ok.is_empty() {
                    held.push((*member, ok));
                }
            }
            if held.is_empty() {
                if expired.is_empty() {
                    let committed = *G::Capability.of(self.evidence.each_ref())
                        == Some(super::Evidence::Commitment);
                    let code = if committed {
                        codes::CAP_NOT_COVERED_BY_COMMITMENT
                    } else {
                        codes::CAP_LICENCE_MISSING
                    };
                    let outcome = if any_list {
                        Outcome::Fail
                    } else {
                        Outcome::Incomplete
                    };
                    let rel = if consortium { "members" } else { "licences" };
                    let mut raw = Raw::error(code).with("kind", &req.kind);
                    if let Some(g) = &req.min_grade {
                        raw = raw.with("minGrade", g);
                    }
                    self.push(G_CAP, rel, raw, outcome);
                } else {
                    for l in expired {
                        reported_expired.push(l.path.clone());
                        self.push_full(
                            G_CAP,
                            format!("{}.validUntil", l.path),
                            Raw::error(codes::CAP_LICENCE_EXPIRED)
                                .with("kind", l.kind.as_deref().unwrap_or_default())
                                .with(
                                    "validUntil",
                                    l.valid_until.map(|d| d.to_string()).unwrap_or_default(),
                                )
                                .with("asOf", as_of),
                            Outcome::Fail,
                        );
                    }
                }
                continue;
            }
            // Each holder's best licence of the kind; the consortium's grade is the lowest.
            let bests: Vec<(Option<usize>, &Licence)> = held
                .iter()
                .filter_map(|(m, ls)| {
                    ls.iter()
                        .copied()
                        .max_by(|a, b| grade_cmp(a.grade.as_deref(), b.grade.as_deref()))
                        .map(|l| (*m, l))
                })
                .collect();
            if let Some(min) = &req.min_grade {
                let mut unreadable = false;
                for (_, l) in &bests {
                    let readable = l
                        .grade
                        .as_deref()
                        .is_some_and(|g| grades::meets(g, min).is_some());
                    if !readable {
                        unreadable = true;
                        self.push_full(
                            G_CAP,
                            format!("{}.grade", l.path),
                            Raw::error(codes::CAP_GRADE_UNREADABLE)
                                .with("kind", &req.kind)
                                .with("grade", l.grade.as_deref().unwrap_or_default())
                                .with("minGrade", min),
                            Outcome::Incomplete,
                        );
                    }
                }
                if !unreadable {
                    let lowest = bests
                        .iter()
                        .min_by(|(_, a), (_, b)| grade_cmp(a.grade.as_deref(), b.grade.as_deref()));
                    if let Some((member, l)) = lowest {
                        let grade = l.grade.clone().unwrap_or_default();
                        let canonical = grades::canonical(&grade).unwrap_or(grade.clone());
                        let meets = grades::meets(&grade, min) == Some(true);
                        let mut raw = if meets {
                            Raw::info(codes::CAP_CONSORTIUM_GRADE)
                        } else {
                            Raw::error(codes::CAP_GRADE_BELOW_MINIMUM)
                        }
                        .with("kind", &req.kind)
                        .with("grade", &canonical)
                        .with("minGrade", min);
                        if let Some(m) = member {
                            raw = raw.with("member", m + 1);
                        }
                        if !meets {
                            self.push_full(G_CAP, format!("{}.grade", l.path), raw, Outcome::Fail);
                        } else if consortium {
                            self.push_full(G_CAP, format!("{}.grade", l.path), raw, Outcome::Note);
                        }
                    }
                }
            }
            if let Some(issuer) = &req.issuer {
                for (_, l) in &bests {
                    let fits = l.issuer.as_deref().is_some_and(|i| issuer_fits(i, issuer));
                    if !fits {
                        self.push_full(
                            G_CAP,
                            format!("{}.issuer", l.path),
                            Raw::warning(codes::CAP_ISSUER_MISMATCH)
                                .with("kind", &req.kind)
                                .with("issuer", issuer)
                                .with("given", l.issuer.as_deref().unwrap_or("-")),
                            Outcome::Note,
                        );
                    }
                }
            }
        }
        // Expired licences not reported above: a warning each.
        for (_, list) in holders {
            for l in list.unwrap_or(&[]) {
                if !valid(l) && !reported_expired.contains(&l.path) {
                    self.push_full(
                        G_CAP,
                        format!("{}.validUntil", l.path),
                        Raw::warning(codes::CAP_LICENCE_EXPIRED)
                            .with("kind", l.kind.as_deref().unwrap_or_default())
                            .with(
                                "validUntil",
                                l.valid_until.map(|d| d.to_string()).unwrap_or_default(),
                            )
                            .with("asOf", as_of),
                        Outcome::Note,
                    );
                }
            }
        }
    }
}

/// Whether a licence's issuer fits a required issuer such as 卫生健康主管部门: the required
/// text without its generic tail (主管部门, 部门, 机关) occurs in the issuer's name.
fn issuer_fits(given: &str, required: &str) -> bool {
    let g = fold(given);
    let mut r = fold(required);
    for tail in ["主管部门", "行政部门", "部门", "机关"] {
        if let Some(x) = r.strip_suffix(tail) {
            r = x.to_string();
            break;
        }
    }
    !r.is_empty() && (g.contains(&r) || fold(required) == g)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn kinds_and_issuers() {
        assert!(kind_matches("公路养护作业单位资质", "公路养护作业单位资质"));
        assert!(kind_matches(
            "公路养护作业单位资质证书",
            "公路养护作业单位资质"
        ));
        assert!(!kind_matches(
            "城市园林绿化企业资质",
            "公路养护作业单位资质"
        ));
        assert!(!kind_matches("", "x"));
        assert!(issuer_fits("某市卫生健康委员会", "卫生健康主管部门"));
        assert!(!issuer_fits("某市市场监督管理局", "卫生健康主管部门"));
        assert_eq!(grade_cmp(Some("乙级"), Some("丙级")), Ordering::Greater);
        assert_eq!(grade_cmp(Some("三级"), Some("二级")), Ordering::Less);
        assert_eq!(grade_cmp(Some("3级"), Some("三级")), Ordering::Equal);
        assert_eq!(grade_cmp(None, Some("三级")), Ordering::Less);
    }
}
