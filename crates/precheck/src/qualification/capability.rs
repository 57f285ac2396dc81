//! `equipment_and_capability` (GPL Art. 22(三), RULES.md §4.3): equipment and staff lists, and
//! every licence the catalogue item requires — held, of the right kind, at or above the
//! minimum grade, valid on the deadline (a date, or 长期; no date = ask for it, rev. 2). A held
//! kind is the required kind, an alias of it (`data/licence_kinds.tsv`) or a more specific
//! name, never a fragment (rev. 2). In a consortium the licence check runs over all members:
//! the members that hold the kind and undertake that work under the agreement are graded at
//! the lowest of their grades; without a division of work, all holders (GPL-IR Art. 22 para 2).

use super::eval::{At, Eval, Licence, Outcome, G};
use crate::catalogue::grades;
use crate::catalogue::text::fold;
use crate::catalogue::Requirement;
// The words of `validUntil` for a licence valid without an end date are the field check's
// (`parseDate` with `allowLongTerm`), so the form and the verdict agree.
use crate::fields::date::LONG_TERM;
use crate::report::{codes, Raw};
use crate::tables;
use crate::value::Value;
use std::cmp::Ordering;

pub const LICENCE_KEYS: &[&str] = &["kind", "grade", "number", "issuer", "validUntil"];
pub const EQUIPMENT_KEYS: &[&str] = &["name", "quantity"];
pub const STAFF_KEYS: &[&str] = &["name", "role", "qualification"];

const G_CAP: Option<G> = Some(G::Capability);

/// One supplier whose licences count for a requirement: a single supplier (`member: None`) or
/// a consortium member with what it undertakes under the agreement.
pub struct Holder<'a> {
    pub member: Option<usize>,
    /// `licences` as given (`None`: the key is absent).
    pub licences: Option<&'a [Licence<'a>]>,
    /// `members[i].undertakes` (`None`: not given).
    pub undertakes: Option<&'a [String]>,
}

/// The licence kind table (`data/licence_kinds.tsv`) folded once: each row's kind and aliases,
/// folded, blanks dropped (a row is one group of names of one kind).
fn folded_kind_groups() -> &'static [Vec<String>] {
    static CELL: std::sync::OnceLock<Vec<Vec<String>>> = std::sync::OnceLock::new();
    CELL.get_or_init(|| {
        let t = tables::licence_kinds();
        t.keys()
            .iter()
            .map(|key| {
                let aliases = t.get(key).and_then(|c| c.first()).copied().unwrap_or("");
                std::iter::once(*key)
                    .chain(aliases.split(';'))
                    .map(fold)
                    .filter(|n| !n.is_empty())
                    .collect()
            })
            .collect()
    })
}

/// The folded names of a required kind: the kind and its aliases in `data/licence_kinds.tsv`.
fn kind_names(required: &str) -> Vec<String> {
    let r = fold(required);
    // Kept sorted and without repeats as they come (a sort here was one more copy of the
    // standard library's sort in the module; issue 11).
    let mut names: Vec<String> = vec![];
    let mut add = |n: &String| {
        if let Err(at) = names.binary_search(n) {
            names.insert(at, n.clone());
        }
    };
    add(&r);
    for group in folded_kind_groups() {
        if group.iter().any(|n| crate::value::key_eq(n, &r)) {
            group.iter().for_each(&mut add);
        }
    }
    names
}

/// A required kind's folded names, worked out once per requirement.
struct KindNames(Vec<String>);

impl KindNames {
    fn of(required: &str) -> Self {
        KindNames(kind_names(required))
    }
    /// [`kind_matches`] of a held kind already folded.
    fn matched_by(&self, held_folded: &str) -> bool {
        !held_folded.is_empty()
            && self
                .0
                .iter()
                .any(|n| !n.is_empty() && contains(held_folded, n))
    }
    /// [`kind_is_fragment`] of a held kind already folded that [`KindNames::matched_by`]
    /// does not match.
    fn fragment_unmatched(&self, held_folded: &str) -> bool {
        !held_folded.is_empty() && self.0.iter().any(|n| contains(n, held_folded))
    }
    /// [`kind_is_fragment`] of a held kind already folded.
    #[cfg(test)]
    fn fragment(&self, held_folded: &str) -> bool {
        !self.matched_by(held_folded) && self.fragment_unmatched(held_folded)
    }
}

/// `text.contains(part)` for the short names of licence kinds: byte windows that start with
/// the part's first byte compared, without setting up a substring searcher (UTF-8 is
/// self-synchronising: a match of the bytes is a match of the characters).
fn contains(text: &str, part: &str) -> bool {
    let (t, p) = (text.as_bytes(), part.as_bytes());
    match p.first() {
        None => true,
        Some(first) => t
            .windows(p.len())
            .any(|w| w.first() == Some(first) && w == p),
    }
}

/// Whether a licence of kind `held` is one of kind `required` (RULES.md §4.3, rev. 2): folded,
/// it equals the kind or an alias of it, or contains the whole kind or alias (a more specific
/// name, 城市园林绿化企业资质（养护）). A fragment of the name (资质, 绿化) is not the kind.
#[cfg(test)]
pub fn kind_matches(held: &str, required: &str) -> bool {
    KindNames::of(required).matched_by(&fold(held))
}

/// Whether `held` is only a fragment of the required kind's name (资质 for 城市园林绿化企业资质).
#[cfg(test)]
pub fn kind_is_fragment(held: &str, required: &str) -> bool {
    KindNames::of(required).fragment(&fold(held))
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

impl<'c> Eval<'c> {
    /// Read the lists and decide the evidence path; the requirement check runs separately
    /// ([`Eval::licence_requirements`]) so that a consortium can run it over all members.
    pub fn equipment_and_capability(&mut self, app: At<'c, '_>) {
        let licences_at = app.key("licences");
        let licences = self.array(G_CAP, licences_at);
        let equipment = self.array(G_CAP, app.key("equipment"));
        let staff = self.array(G_CAP, app.key("staff"));
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
            // The licences' paths (`members[i].licences[j]`) are written from it when needed.
            let member = self.member;
            for i in 0..list.len() {
                let Some(o) = self.entry(G_CAP, licences_at.index(i)) else {
                    continue;
                };
                self.unknown_keys(o, LICENCE_KEYS);
                let kind_at = o.key("kind");
                let kind = self.need(G_CAP, kind_at, |e| e.text(G_CAP, kind_at));
                let grade = self.text(G_CAP, o.key("grade"));
                self.text(G_CAP, o.key("number"));
                let issuer = self.text(G_CAP, o.key("issuer"));
                let vu_at = o.key("validUntil");
                let vu = vu_at.value;
                // ASCII case folding is full lower-casing for these words (see
                // `date::is_long_term`), without a copy of the text.
                let long_term = matches!(vu, Some(Value::String(t))
                    if { let t = t.trim(); LONG_TERM.iter().any(|w| w.eq_ignore_ascii_case(t)) });
                let before = self.notes.len();
                let valid_until = if long_term {
                    None
                } else {
                    self.date(G_CAP, vu_at)
                };
                // Absent or blank (not unreadable: that has its own finding).
                let undated = !long_term && valid_until.is_none() && self.notes.len() == before;
                out.push(Licence {
                    member,
                    index: i,
                    kind_folded: kind.map(fold).unwrap_or_default(),
                    kind,
                    grade,
                    issuer,
                    valid_until,
                    long_term,
                    undated,
                });
            }
            self.licences = Some(out);
        }
        for (key, list, known) in [
            ("equipment", equipment, EQUIPMENT_KEYS),
            ("staff", staff, STAFF_KEYS),
        ] {
            let base = app.key(key);
            for i in 0..list.map_or(0, <[Value]>::len) {
                let Some(o) = self.entry(G_CAP, base.index(i)) else {
                    continue;
                };
                self.unknown_keys(o, known);
                let name_at = o.key("name");
                self.need(G_CAP, name_at, |e| e.text(G_CAP, name_at));
                for k in known.iter().skip(1) {
                    let r = o.key(k);
                    if *k == "quantity" {
                        if let Some(q) = self.text(G_CAP, r) {
                            if !q.parse::<u64>().is_ok_and(|n| n >= 1) {
                                self.push(
                                    G_CAP,
                                    r,
                                    Raw::error(codes::CAP_QUANTITY_INVALID)
                                        .with("value", q.chars().take(20).collect::<String>()),
                                    Outcome::Incomplete,
                                );
                            }
                        }
                    } else {
                        self.text(G_CAP, r);
                    }
                }
            }
        }
    }

    /// Check `requirements` against the licences of `holders` (one supplier, or every member
    /// of a consortium), and report licences that expired before the deadline.
    ///
    /// A consortium's grade for a kind (GPL-IR Art. 22 para 2, rev. 2): the members that hold
    /// the kind *and* undertake that work under the agreement (`members[i].undertakes`) are
    /// graded together at the lowest of their grades; where no member says what it undertakes,
    /// the lowest grade among the holders applies, with an info finding that the agreement's
    /// division of work decides.
    pub fn licence_requirements(
        &mut self,
        requirements: &[Requirement],
        holders: &[Holder],
        consortium: bool,
    ) {
        let as_of = self.ctx.as_of;
        let valid = |l: &Licence| l.long_term || l.valid_until.is_some_and(|d| d >= as_of);
        let expired = |l: &Licence| l.valid_until.is_some_and(|d| d < as_of);
        let any_list = holders.iter().any(|h| h.licences.is_some());
        let divided = holders.iter().any(|h| h.undertakes.is_some());
        let mut reported_expired: Vec<(Option<usize>, usize)> = vec![];
        for req in requirements {
            let names = KindNames::of(&req.kind);
            // Per holder: its valid licences of this kind.
            let mut held: Vec<(&Holder, Vec<&Licence>)> = vec![];
            let mut lapsed: Vec<&Licence> = vec![];
            let mut undated: Vec<&Licence> = vec![];
            let mut unknown = false;
            for h in holders {
                let list = h.licences.unwrap_or(&[]);
                // Each licence matched once: of the kind, or (a warning) only a fragment of it.
                let mut mine: Vec<&Licence> = Vec::new();
                for l in list {
                    if l.kind.is_none() {
                        continue;
                    }
                    if names.matched_by(&l.kind_folded) {
                        mine.push(l);
                    } else if names.fragment_unmatched(&l.kind_folded) {
                        self.push_full(
                            G_CAP,
                            l.path("kind"),
                            Raw::warning(codes::CAP_KIND_FRAGMENT)
                                .with("given", l.kind.unwrap_or_default())
                                .with("kind", &req.kind),
                            Outcome::Note,
                        );
                    }
                }
                lapsed.extend(mine.iter().copied().filter(|l| expired(l)));
                undated.extend(mine.iter().copied().filter(|l| l.undated));
                unknown |= mine.iter().any(|l| !valid(l) && !expired(l));
                let ok: Vec<&Licence> = mine.into_iter().filter(|l| valid(l)).collect();
                if !ok.is_empty() {
                    held.push((h, ok));
                }
            }
            if held.is_empty() {
                if unknown {
                    // A licence of the kind whose validity is not known: ask for the date.
                    for l in undated {
                        self.push_full(
                            G_CAP,
                            l.path("validUntil"),
                            Raw::error(codes::CAP_VALIDITY_MISSING)
                                .with("kind", l.kind.unwrap_or_default()),
                            Outcome::Incomplete,
                        );
                    }
                } else if lapsed.is_empty() {
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
                    for l in lapsed {
                        reported_expired.push((l.member, l.index));
                        self.push_full(
                            G_CAP,
                            l.path("validUntil"),
                            Raw::error(codes::CAP_LICENCE_EXPIRED)
                                .with("kind", l.kind.unwrap_or_default())
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
            // The holders graded together: with a division of work, those that undertake it.
            let graded: Vec<&(&Holder, Vec<&Licence>)> = if consortium && divided {
                held.iter()
                    .filter(|(h, _)| {
                        h.undertakes
                            .unwrap_or(&[])
                            .iter()
                            .any(|w| names.matched_by(&fold(w)))
                    })
                    .collect()
            } else {
                held.iter().collect()
            };
            if graded.is_empty() {
                self.push(
                    G_CAP,
                    "members",
                    Raw::error(codes::CAP_WORK_NOT_COVERED).with("kind", &req.kind),
                    Outcome::Fail,
                );
                continue;
            }
            if consortium && !divided && graded.len() > 1 {
                self.push(
                    G_CAP,
                    "agreement",
                    Raw::info(codes::CAP_CONSORTIUM_WORK_UNDIVIDED)
                        .with("kind", &req.kind)
                        .with("holders", graded.len()),
                    Outcome::Note,
                );
            }
            // Each holder's best licence of the kind; the consortium's grade is the lowest.
            let bests: Vec<(Option<usize>, &Licence)> = graded
                .iter()
                .filter_map(|(h, ls)| {
                    ls.iter()
                        .copied()
                        .max_by(|a, b| grade_cmp(a.grade, b.grade))
                        .map(|l| (h.member, l))
                })
                .collect();
            if let Some(min) = &req.min_grade {
                let mut unreadable = false;
                for (_, l) in &bests {
                    let readable = l.grade.is_some_and(|g| grades::meets(g, min).is_some());
                    if !readable {
                        unreadable = true;
                        self.push_full(
                            G_CAP,
                            l.path("grade"),
                            Raw::error(codes::CAP_GRADE_UNREADABLE)
                                .with("kind", &req.kind)
                                .with("grade", l.grade.unwrap_or_default())
                                .with("minGrade", min),
                            Outcome::Incomplete,
                        );
                    }
                }
                if !unreadable {
                    let lowest = bests
                        .iter()
                        .min_by(|(_, a), (_, b)| grade_cmp(a.grade, b.grade));
                    if let Some((member, l)) = lowest {
                        let grade = l.grade.unwrap_or_default();
                        let canonical = grades::canonical_str(grade).unwrap_or(grade);
                        let meets = grades::meets(grade, min) == Some(true);
                        let mut raw = if meets {
                            Raw::info(codes::CAP_CONSORTIUM_GRADE)
                        } else if consortium {
                            Raw::error(codes::CAP_CONSORTIUM_GRADE_BELOW_MINIMUM)
                        } else {
                            Raw::error(codes::CAP_GRADE_BELOW_MINIMUM)
                        }
                        .with("kind", &req.kind)
                        .with("grade", canonical)
                        .with("minGrade", min);
                        if let Some(m) = member {
                            raw = raw.with("member", m + 1);
                        }
                        if consortium {
                            raw = raw.with("graded", bests.len());
                        }
                        if !meets && !undated.is_empty() {
                            // An undated licence of the kind might meet the grade: ask for its
                            // date before failing.
                            for u in &undated {
                                self.push_full(
                                    G_CAP,
                                    u.path("validUntil"),
                                    Raw::error(codes::CAP_VALIDITY_MISSING)
                                        .with("kind", u.kind.unwrap_or_default()),
                                    Outcome::Incomplete,
                                );
                            }
                            self.push_full(G_CAP, l.path("grade"), raw, Outcome::Incomplete);
                        } else if !meets {
                            self.push_full(G_CAP, l.path("grade"), raw, Outcome::Fail);
                        } else if consortium {
                            self.push_full(G_CAP, l.path("grade"), raw, Outcome::Note);
                        }
                    }
                }
            }
            if let Some(issuer) = &req.issuer {
                for (_, l) in &bests {
                    let fits = l.issuer.is_some_and(|i| issuer_fits(i, issuer));
                    if !fits {
                        self.push_full(
                            G_CAP,
                            l.path("issuer"),
                            Raw::warning(codes::CAP_ISSUER_MISMATCH)
                                .with("kind", &req.kind)
                                .with("issuer", issuer)
                                .with("given", l.issuer.unwrap_or("-")),
                            Outcome::Note,
                        );
                    }
                }
            }
        }
        // Expired licences not reported above: a warning each.
        for h in holders {
            for l in h.licences.unwrap_or(&[]) {
                if expired(l) && !reported_expired.contains(&(l.member, l.index)) {
                    self.push_full(
                        G_CAP,
                        l.path("validUntil"),
                        Raw::warning(codes::CAP_LICENCE_EXPIRED)
                            .with("kind", l.kind.unwrap_or_default())
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

impl Eval<'_> {
    /// A consortium member's `undertakes`: the kinds of work it undertakes under the agreement.
    pub fn read_undertakes(&mut self, member: At) {
        let at = member.key("undertakes");
        let Some(list) = self.array(G_CAP, at) else {
            return;
        };
        let mut out = vec![];
        for i in 0..list.len() {
            if let Some(t) = self.text(G_CAP, at.index(i)) {
                out.push(t.to_string());
            }
        }
        self.undertakes = Some(out);
    }

    /// The consortium agreement (联合协议, GPL Art. 24 para 2): `agreement: { signedOn }`;
    /// without it the consortium is incomplete (rev. 2).
    pub fn agreement(&mut self, app: At) {
        let g = Some(G::Other);
        let at = app.key("agreement");
        let Some(a) = self.object(g, at) else {
            if at.is_absent() {
                self.push(
                    g,
                    "agreement",
                    Raw::error(codes::OTHER_CONSORTIUM_AGREEMENT_MISSING),
                    Outcome::Incomplete,
                );
            }
            return;
        };
        self.unknown_keys(a, super::AGREEMENT_KEYS);
        let rel = a.key("signedOn");
        let signed = self.need(g, rel, |e| e.date(g, rel));
        if let Some(d) = signed {
            if d > self.ctx.as_of {
                self.push(
                    g,
                    rel,
                    Raw::error(codes::OTHER_CONSORTIUM_AGREEMENT_AFTER_DEADLINE)
                        .with("signedOn", d)
                        .with("asOf", self.ctx.as_of),
                    Outcome::Incomplete,
                );
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
        // rev. 2: containment one way only — a more specific name, never a fragment.
        let green = "城市园林绿化企业资质";
        assert!(kind_matches("城市园林绿化企业资质（养护）", green));
        assert!(kind_matches("城市園林綠化企業資質", green), "traditional");
        assert!(kind_matches("城市园林绿化 企业资质", green), "spaces");
        assert!(kind_matches("ｘ城市园林绿化企业资质", green), "full width");
        assert!(kind_matches("园林绿化企业资质", green), "alias in the data");
        assert!(
            kind_matches("园林绿化企业资质（二级）", green),
            "alias, more specific"
        );
        for fragment in ["资质", "绿化", "园林", "企业资质", "城市园林绿化企业"] {
            assert!(!kind_matches(fragment, green), "{fragment}");
            assert!(kind_is_fragment(fragment, green), "{fragment}");
        }
        assert!(!kind_is_fragment(green, green));
        assert!(
            !kind_is_fragment("公路养护作业单位资质", green),
            "another kind"
        );
        assert!(!kind_matches("公路养护", "公路养护作业单位资质"));
        assert!(
            kind_matches("公路养护作业资质", "公路养护作业单位资质"),
            "alias"
        );
        // An alias is not matched by the kind's own fragments either.
        assert!(!kind_matches("养护作业", "公路养护作业单位资质"));
        assert!(issuer_fits("某市卫生健康委员会", "卫生健康主管部门"));
        assert!(!issuer_fits("某市市场监督管理局", "卫生健康主管部门"));
        assert_eq!(grade_cmp(Some("乙级"), Some("丙级")), Ordering::Greater);
        assert_eq!(grade_cmp(Some("三级"), Some("二级")), Ordering::Less);
        assert_eq!(grade_cmp(Some("3级"), Some("三级")), Ordering::Equal);
        assert_eq!(grade_cmp(None, Some("三级")), Ordering::Less);
    }
}
