//! Supplier qualification: the six conditions of 政府采购法 Art. 22 as check groups, and who
//! may be an undertaker under 政府购买服务管理办法 (财政部令第102号) — RULES.md §2–§3.
//!
//! [`check_supplier`] reads an application (a loosely typed [`Value`]: see the contract in
//! `README`/RULES.md) and returns a [`SupplierReport`]: a verdict, one [`CheckGroup`] per condition
//! with its status, the evidence path that decided it (`documents` or `commitment`) and its
//! findings, and the flat list of every finding. Bad input never panics and never aborts the
//! check: a wrong type, an unreadable date or amount is a finding at its field path that
//! leaves its group `incomplete`. Only bad *options* are a [`PrecheckError`] (naming
//! `opts.…`, e.g. `opts.policy.sectorFineThresholds`).
//!
//! Status of a group: `fail` when the data shows the condition is not met (a major penalty in
//! the window, a credit-list entry, an invalid identifier, …); else `incomplete` when data is
//! missing or unreadable; else `pass` (or `not_applicable`). The verdict is `fail` if any group
//! fails, else `incomplete` if any is incomplete, else `pass`.
//!
//! Findings: every finding carries its full field path (`penalties[2].fineAmount`,
//! `members[1].penalties[0].decidedOn`), a stable code, the group, the legal basis and params.
//! `groups[].findings` holds a group's findings; the top-level `findings` holds **all**
//! findings — those of every group and member, then those of no group (unknown fields,
//! a member that fails) — so a form can highlight fields from one list.
//!
//! ```
//! use procurement_precheck::fields::date::Date;
//! use procurement_precheck::qualification::{check_supplier, Verdict};
//! use procurement_precheck::value::Value;
//! let app: Value = serde_json::from_str(r#"{
//!   "entityType": "enterprise", "name": "示例公司", "uscc": "91110000600037341L",
//!   "registration": { "status": "存续", "establishedOn": "2010-05-01", "termEnd": null },
//!   "penalties": [{ "kind": "fine", "decidedOn": "2024-03-15", "fineAmount": "250", "fineUnit": "wan" }],
//!   "commitments": { "reputationAndAccounting": true, "taxAndSocialSecurity": true,
//!                    "equipmentAndCapability": true }
//! }"#).unwrap();
//! let opts: Value = serde_json::from_str(r#"{ "asOf": "2026-03-15" }"#).unwrap();
//! let today = Date::new(2026, 1, 1).unwrap();
//! let r = check_supplier(&app, Some(&opts), None, today).unwrap();
//! assert_eq!(r.verdict, Verdict::Fail);
//! let f = r.findings.iter().find(|f| f.code == "no_major_violation.large_fine").unwrap();
//! assert_eq!(f.path, "penalties[0].fineAmount");
//! assert_eq!(f.params["clearsOn"], "2027-03-15");
//! assert!(f.message.contains("2027年3月15日"), "{}", f.message);
//! ```

mod capability;
mod entity;
mod eval;
pub mod package;
pub mod policy;
mod reputation;
pub mod sme;
mod tax;
mod violation;
pub mod window;

use crate::catalogue::{builtin, Catalogue, Requirement};
use crate::fields::date::Date;
use crate::options::{Expected, Reader};
use crate::report::{codes, Finding, Locale, Params, PrecheckError, Raw};
use crate::value::Value;
use eval::{render, At, Ctx, Eval, Note, Outcome, G};
use serde::Serialize;

pub use entity::{ENTITY_TYPES, INSTITUTION_CLASSES};
pub use policy::Policy;
pub use violation::{ISSUER_LEVELS, PENALTY_KINDS};
// The key lists of the nested objects, each by its name (the TypeScript test compares them with
// the interfaces' fields).
pub use capability::{EQUIPMENT_KEYS, LICENCE_KEYS, STAFF_KEYS};
pub use entity::{HEAD_OFFICE_KEYS, REGISTRATION_KEYS};
pub use package::{CONTROLLING_SHAREHOLDER_KEYS, LEGAL_REPRESENTATIVE_KEYS};
pub use reputation::{CREDIT_KEYS, FINANCIAL_KEYS, LETTER_KEYS};
pub use tax::TAX_KEYS;
pub use violation::PENALTY_KEYS;

/// The check group ids, in report order: the seven of GPL Art. 22 / MOF-102 that decide the
/// verdict ([`VERDICT_GROUP_IDS`]), then `sme_declaration` (RULES.md §2.3), which has its own
/// status and never changes the verdict.
pub const GROUP_IDS: [&str; 8] = [
    "entity_eligibility",
    "legal_capacity",
    "reputation_and_accounting",
    "equipment_and_capability",
    "tax_and_social_security",
    "no_major_violation",
    "other_conditions",
    sme::GROUP_ID,
];

/// The groups that decide the verdict (GPL Art. 22, MOF-102).
pub const VERDICT_GROUP_IDS: [&str; 7] = [
    "entity_eligibility",
    "legal_capacity",
    "reputation_and_accounting",
    "equipment_and_capability",
    "tax_and_social_security",
    "no_major_violation",
    "other_conditions",
];

/// The keys of an application object; any other is reported as information.
pub const APPLICATION_KEYS: &[&str] = &[
    "entityType",
    "institutionClass",
    "fiscallyFundedMassOrganization",
    "name",
    "uscc",
    "idNumber",
    "registration",
    "financials",
    "taxSocialSecurity",
    "credit",
    "penalties",
    "licences",
    "equipment",
    "staff",
    "commitments",
    "members",
    // rev. 2 (RULES.md §2 legal_capacity, §3)
    "massOrganization",
    "selfSupporting",
    "branch",
    "headOffice",
    "sme",
    "contractShare",
    "providedProjectServices",
    "legalRepresentative",
    "controllingShareholder",
];

/// The keys of a consortium application (GPL Art. 24; `agreement` rev. 2).
pub const CONSORTIUM_KEYS: &[&str] = &["name", "members", "agreement"];

/// The keys of a consortium's `agreement` (联合协议).
pub const AGREEMENT_KEYS: &[&str] = &["signedOn"];

/// The keys a consortium member carries beyond [`APPLICATION_KEYS`] (rev. 2).
pub const MEMBER_KEYS: &[&str] = &["undertakes"];

/// The keys of `commitments`.
pub const COMMITMENT_KEYS: &[&str] = &[
    "reputationAndAccounting",
    "taxAndSocialSecurity",
    "noMajorViolation",
    "equipmentAndCapability",
];

/// Every key an application may carry, object by object: the application, `registration`,
/// `financials` (and its `bankCreditLetter` / `guaranteeLetter` objects), `taxSocialSecurity`,
/// `headOffice`, a consortium, its `agreement`, a member's own keys, `credit`, `penalties[]`,
/// `licences[]`, `equipment[]`, `staff[]`, `commitments` (a key elsewhere is reported as
/// information).
pub const FIELD_KEYS: &[&[&str]] = &[
    APPLICATION_KEYS,
    entity::REGISTRATION_KEYS,
    reputation::FINANCIAL_KEYS,
    reputation::LETTER_KEYS,
    tax::TAX_KEYS,
    entity::HEAD_OFFICE_KEYS,
    CONSORTIUM_KEYS,
    AGREEMENT_KEYS,
    MEMBER_KEYS,
    reputation::CREDIT_KEYS,
    violation::PENALTY_KEYS,
    capability::LICENCE_KEYS,
    capability::EQUIPMENT_KEYS,
    capability::STAFF_KEYS,
    COMMITMENT_KEYS,
    sme::SME_KEYS,
    package::LEGAL_REPRESENTATIVE_KEYS,
    package::CONTROLLING_SHAREHOLDER_KEYS,
];

/// A group's status (`GroupStatus` in the TypeScript declarations too).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupStatus {
    Pass,
    Fail,
    /// Data missing or unreadable.
    Incomplete,
    NotApplicable,
}

/// The short name the crate and its tests use for [`GroupStatus`].
pub use GroupStatus as Status;

impl Status {
    fn rank(self) -> u8 {
        match self {
            Status::NotApplicable => 0,
            Status::Pass => 1,
            Status::Incomplete => 2,
            Status::Fail => 3,
        }
    }
}

/// The overall verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Pass,
    Fail,
    Incomplete,
}

/// How a group was satisfied: by documents (data) or by a signed commitment (资格承诺函).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Evidence {
    Documents,
    Commitment,
}

/// One check group of the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckGroup {
    pub id: &'static str,
    pub status: Status,
    /// `documents`, `commitment`, or `null` (neither given, or a group without that choice).
    pub path: Option<Evidence>,
    pub findings: Vec<Finding>,
    /// What the group computed (`sme_declaration` only: `computedSize`, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub params: Option<Params>,
}

/// A group's status without its findings (for consortium members).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GroupSummary {
    pub id: &'static str,
    pub status: Status,
    pub path: Option<Evidence>,
}

/// A consortium member's own result (its findings are in the consortium's groups).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MemberReport {
    /// `members[0]`, …
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub verdict: Verdict,
    pub groups: Vec<GroupSummary>,
}

/// The catalogue item the application was checked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckedItem {
    pub code: String,
    pub name: String,
    /// The catalogue's `version`.
    pub catalogue: String,
    pub requirements: Vec<Requirement>,
}

/// The result of [`check_supplier`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SupplierReport {
    pub verdict: Verdict,
    /// The eight groups, always all of them, in [`GROUP_IDS`] order.
    pub groups: Vec<CheckGroup>,
    /// Every finding (see the module documentation).
    pub findings: Vec<Finding>,
    /// For a consortium: each member's own verdict and group statuses.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<MemberReport>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<CheckedItem>,
    /// The deadline the application was checked for.
    pub as_of: Date,
    /// The effective policy.
    pub policy: Policy,
}

/// A report's flat list: every group's findings in group order, then `general` (those of no
/// group) — the form [`SupplierReport::drop_grouped_findings`] relies on.
pub(crate) fn flat_findings(groups: &[CheckGroup], general: Vec<Finding>) -> Vec<Finding> {
    let mut findings: Vec<Finding> =
        Vec::with_capacity(groups.iter().map(|g| g.findings.len()).sum::<usize>() + general.len());
    findings.extend(groups.iter().flat_map(|g| g.findings.iter().cloned()));
    findings.extend(general);
    findings
}

impl SupplierReport {
    /// Drops from the flat `findings` those every group already holds — the list is every
    /// group's findings in group order, then those of no group — keeping those of no group.
    /// Returns false, changing nothing, if the list is not in that form. The wasm boundary sends
    /// a report so and rebuilds the list on the JS side (each finding crosses once).
    pub fn drop_grouped_findings(&mut self) -> bool {
        let n: usize = self.groups.iter().map(|g| g.findings.len()).sum();
        let (grouped, rest) = self.findings.split_at(n.min(self.findings.len()));
        let in_form = grouped.len() == n
            && grouped
                .iter()
                .eq(self.groups.iter().flat_map(|g| g.findings.iter()))
            && rest.iter().all(|f| f.group.is_none());
        if in_form {
            self.findings.drain(..n);
        }
        in_form
    }
}

/// The options of a check, read and validated.
#[derive(Debug, Clone)]
pub struct Options {
    pub locale: Locale,
    /// The bid or response deadline (`opts.asOf`, default today).
    pub as_of: Date,
    /// The day of the check (the caller's date): a credit query dated after it is a data error
    /// (rev. 2).
    pub today: Date,
    pub policy: Policy,
    pub item: Option<CheckedItem>,
    /// The form's own labels (`opts.labels`), by path (`penalties[2].fineAmount`) or key
    /// (`penalties[].fineAmount`, `penalties.fineAmount`); see `label_for` in eval.rs.
    pub labels: Labels,
}

/// The labels of `opts.labels`: path or key → the label the form shows.
pub type Labels = crate::sorted::SortedMap<String, String>;

/// Read `opts` (`{ asOf?, itemCode?, policy?, locale?, labels? }`). The item is looked up in
/// `catalogue`, or in the embedded `central-2020` when none is given.
pub fn read_options(
    opts: Option<&Value>,
    catalogue: Option<&Catalogue>,
    today: Date,
) -> Result<Options, PrecheckError> {
    let r = Reader::new(opts, "opts")?;
    if opts
        .and_then(|o| o.get("catalogue"))
        .is_some_and(|c| !c.is_null())
    {
        return Err(r.wrong_type_of("catalogue", "catalogue"));
    }
    let as_of = r.date("asOf")?.unwrap_or(today);
    let labels = r.labels("labels")?;
    let policy = policy::read(opts.and_then(|o| o.get("policy")), r.locale())?;
    let item = match r.string("itemCode")?.map(|s| s.trim().to_string()) {
        None => None,
        Some(code) if code.is_empty() => None,
        Some(code) => {
            let builtin_cat;
            let cat: &Catalogue = match catalogue {
                Some(c) => c,
                None => {
                    builtin_cat = builtin::get("central-2020").ok_or_else(|| {
                        r.bad_value("itemCode", &code, Expected::EmbeddedItemCode)
                    })?;
                    &builtin_cat
                }
            };
            let it = cat
                .get(&code)
                .ok_or_else(|| r.bad_value("itemCode", &code, Expected::ItemCode(&cat.version)))?;
            Some(CheckedItem {
                code: it.code.clone(),
                name: it.name.clone(),
                catalogue: cat.version.clone(),
                requirements: it.requirements.clone(),
            })
        }
    };
    Ok(Options {
        locale: r.locale(),
        as_of,
        today,
        policy,
        item,
        labels,
    })
}

/// `checkSupplier(application, opts)`: options read from `opts`, the item looked up in
/// `catalogue` (default: the embedded `central-2020`), `today` the default deadline.
pub fn check_supplier(
    application: &Value,
    opts: Option<&Value>,
    catalogue: Option<&Catalogue>,
    today: Date,
) -> Result<SupplierReport, PrecheckError> {
    let o = read_options(opts, catalogue, today)?;
    let report = evaluate(application, &o, true);
    // The options are this call's own: moved into the report, not copied.
    Ok(SupplierReport {
        item: o.item,
        policy: o.policy,
        ..report
    })
}

/// What a supplier that is not an object is read as (a static: borrowed for the whole check).
static EMPTY: Value = Value::Object(Vec::new());

impl<'c> Eval<'c> {
    /// Every group of one supplier (the licence requirements excepted).
    fn supplier(&mut self, app: &'c Value) {
        let app = At::new(Some(app), "");
        if self.prefix.is_empty() {
            self.unknown_keys(app, APPLICATION_KEYS);
        } else {
            self.unknown_keys(app, &[APPLICATION_KEYS, MEMBER_KEYS].concat());
            self.read_undertakes(app);
        }
        let g = Some(G::Legal);
        let name = app.key("name");
        self.need(g, name, |e| e.text(g, name));
        if let Some(c) = self.object(None, app.key("commitments")) {
            self.unknown_keys(c, COMMITMENT_KEYS);
            let read = |e: &mut Self, g: G, key: &str| e.flag(Some(g), c.key(key));
            self.commitments.reputation = read(self, G::Reputation, "reputationAndAccounting");
            self.commitments.tax = read(self, G::Tax, "taxAndSocialSecurity");
            self.commitments.violation = read(self, G::Violation, "noMajorViolation");
            self.commitments.capability = read(self, G::Capability, "equipmentAndCapability");
        }
        self.entity_eligibility(app);
        self.legal_capacity(app);
        self.reputation_and_accounting(app);
        self.equipment_and_capability(app);
        self.tax_and_social_security(app);
        self.no_major_violation(app);
        // GPL-IR Art. 18 para 2; the same-package conflicts of para 1 need every bid of the
        // package (`package::check_package`).
        let go = Some(G::Other);
        let rel = app.key("providedProjectServices");
        let provided = self.flag(go, rel);
        if provided == Some(true) {
            self.push(
                go,
                rel,
                Raw::error(codes::OTHER_PROVIDED_PROJECT_SERVICES),
                Outcome::Fail,
            );
        }
        let parties = self.art18_parties(app);
        *G::Other.of(self.not_applicable.each_mut()) = provided.is_none() && !parties;
    }
}

fn verdict_of(statuses: impl Iterator<Item = Status>) -> Verdict {
    let worst = statuses.max_by_key(|s| s.rank()).unwrap_or(Status::Pass);
    match worst {
        Status::Fail => Verdict::Fail,
        Status::Incomplete => Verdict::Incomplete,
        _ => Verdict::Pass,
    }
}

/// Check an application with read options.
pub fn check(application: &Value, o: &Options) -> SupplierReport {
    SupplierReport {
        item: o.item.clone(),
        policy: o.policy.clone(),
        ..evaluate(application, o, true)
    }
}

/// [`check`] as the report leaves [`SupplierReport::drop_grouped_findings`] — the flat
/// `findings` holds only the findings of no group (each finding is built once, none copied) —
/// and without the options' item and policy (`item` is `None`, `policy` the default: the
/// caller that sends the report on adds `o.item` and `o.policy`). The flat list of
/// [`check`] is every group's findings in group order, then these.
pub fn check_grouped(application: &Value, o: &Options) -> SupplierReport {
    evaluate(application, o, false)
}

/// [`check`] without the options' item and policy (`None` and the default policy: the caller
/// fills them in); `flat`: the flat list holds every finding.
fn evaluate(application: &Value, o: &Options, flat: bool) -> SupplierReport {
    let requirements: &[Requirement] = o.item.as_ref().map_or(&[], |i| &i.requirements);
    let ctx = Ctx {
        as_of: o.as_of,
        today: o.today,
        policy: &o.policy,
        locale: o.locale,
        requirements,
        labels: &o.labels,
        flat,
    };
    let mut top = Eval::new(&ctx, String::new());
    let app = match top.entry(None, At::new(Some(application), "")) {
        Some(_) => application,
        None => &EMPTY,
    };
    let members = match app.get("members") {
        Some(Value::Array(items)) if !items.is_empty() => Some(items),
        _ => None,
    };
    let report = match members {
        None => single(top, app, &ctx),
        Some(_) => consortium(top, app, &ctx),
    };
    SupplierReport {
        as_of: o.as_of,
        ..report
    }
}

fn render_notes(notes: Vec<Note>, ctx: &Ctx) -> (Vec<Vec<Finding>>, Vec<Finding>) {
    let mut by_group: Vec<Vec<Finding>> = vec![vec![]; 7];
    let mut general = vec![];
    for n in notes {
        match n.group {
            Some(g) => {
                if let Some(list) = by_group.get_mut(g.idx()) {
                    list.push(render(n, ctx));
                }
            }
            None => general.push(render(n, ctx)),
        }
    }
    (by_group, general)
}

fn assemble(
    statuses: [Status; 7],
    paths: [Option<Evidence>; 7],
    notes: Vec<Note>,
    ctx: &Ctx,
    members: Vec<MemberReport>,
    sme: Option<sme::SmeResult>,
) -> SupplierReport {
    let (by_group, general) = render_notes(notes, ctx);
    let mut groups: Vec<CheckGroup> = G::ALL
        .iter()
        .zip(by_group)
        .map(|(g, findings)| CheckGroup {
            id: g.id(),
            status: *g.of(statuses.each_ref()),
            path: *g.of(paths.each_ref()),
            findings,
            params: None,
        })
        .collect();
    groups.push(match sme {
        None => CheckGroup {
            id: sme::GROUP_ID,
            status: Status::NotApplicable,
            path: None,
            findings: vec![],
            params: None,
        },
        Some(r) => CheckGroup {
            id: sme::GROUP_ID,
            status: r.status(),
            path: None,
            findings: r
                .notes
                .into_iter()
                .map(|n| sme::render(n, ctx.locale, ctx.labels))
                .collect(),
            params: Some(r.params),
        },
    });
    let findings = if ctx.flat {
        flat_findings(&groups, general)
    } else {
        general
    };
    SupplierReport {
        // The Art. 22 verdict: `sme_declaration` does not decide eligibility (RULES.md §2.3).
        verdict: verdict_of(statuses.iter().copied()),
        groups,
        findings,
        members,
        item: None,
        as_of: ctx.as_of,
        policy: Policy::default(),
    }
}

fn single<'c>(mut e: Eval<'c>, app: &'c Value, ctx: &Ctx) -> SupplierReport {
    // `members` of another type than a list (an empty list means: not a consortium).
    e.array(Some(G::Other), At::new(Some(app), "").key("members"));
    e.supplier(app);
    // Taken out for the check (it records findings in `e`) and put back: not copied.
    let licences = e.licences.take();
    let holder = capability::Holder {
        member: None,
        licences: licences.as_deref(),
        undertakes: None,
    };
    e.licence_requirements(ctx.requirements, &[holder], false);
    e.licences = licences;
    let statuses = G::ALL.map(|g| e.status(g));
    let sme = sme::evaluate(ctx, "", app);
    assemble(statuses, e.evidence, e.notes, ctx, vec![], sme)
}

/// A consortium (GPL Art. 24): every member checked on its own, paths `members[i].…`; a
/// group's status is the worst of the members' and of the consortium-level checks.
fn consortium<'c>(mut top: Eval<'c>, app: &'c Value, ctx: &'c Ctx<'c>) -> SupplierReport {
    let go = Some(G::Other);
    if let Value::Object(entries) = app {
        for (k, _) in entries.iter().take(eval::MAX_ENTRIES) {
            if !CONSORTIUM_KEYS.contains(&k.as_ref()) {
                top.push(
                    None,
                    k.as_ref(),
                    Raw::info(codes::QUAL_CONSORTIUM_FIELD_IGNORED)
                        .with("field", k.chars().take(60).collect::<String>()),
                    Outcome::Note,
                );
            }
        }
    }
    let root = At::new(Some(app), "");
    top.text(None, root.key("name"));
    top.agreement(root);
    let list_at = root.key("members");
    let list = top.array(go, list_at).unwrap_or(&[]);
    if list.len() < 2 {
        top.push(
            go,
            list_at,
            Raw::error(codes::OTHER_CONSORTIUM_TOO_SMALL).with("count", list.len()),
            Outcome::Incomplete,
        );
    }
    let mut evals: Vec<Eval> = Vec::with_capacity(list.len());
    for (i, m) in list.iter().enumerate() {
        let mut e = Eval::new(ctx, format!("members[{i}]."));
        e.member = Some(i);
        let m_at = list_at.index(i);
        let member = match top.entry(go, m_at) {
            Some(_) => m,
            None => &EMPTY,
        };
        let nested = m_at.key("members");
        if !nested.is_absent() {
            top.push(
                go,
                nested,
                Raw::error(codes::OTHER_CONSORTIUM_NESTED),
                Outcome::Incomplete,
            );
        }
        e.supplier(member);
        evals.push(e);
    }
    // Licences: over all members; the lowest grade among those who hold the kind and
    // undertake that work counts (GPL-IR Art. 22 para 2).
    let holder_refs: Vec<capability::Holder> = evals
        .iter()
        .enumerate()
        .map(|(i, e)| capability::Holder {
            member: Some(i),
            licences: e.licences.as_deref(),
            undertakes: e.undertakes.as_deref(),
        })
        .collect();
    top.licence_requirements(ctx.requirements, &holder_refs, true);
    top.not_applicable = [true; 7];
    *G::Other.of(top.not_applicable.each_mut()) = false;

    let mut statuses = [Status::NotApplicable; 7];
    let mut paths: [Option<Evidence>; 7] = [None; 7];
    let mut members = vec![];
    let mut notes = vec![];
    let mut general = vec![];
    for (i, e) in evals.into_iter().enumerate() {
        let own: Vec<GroupSummary> = G::ALL
            .iter()
            .map(|g| GroupSummary {
                id: g.id(),
                status: e.status(*g),
                path: *g.of(e.evidence.each_ref()),
            })
            .collect();
        let verdict = verdict_of(own.iter().map(|s| s.status));
        for (g, s) in G::ALL.iter().zip(&own) {
            let worst = g.of(statuses.each_mut());
            if s.status.rank() > worst.rank() {
                *worst = s.status;
            }
            let path = g.of(paths.each_mut());
            *path = match (*path, s.path) {
                (Some(Evidence::Documents), _) | (_, Some(Evidence::Documents)) => {
                    Some(Evidence::Documents)
                }
                (a, b) => a.or(b),
            };
        }
        if verdict == Verdict::Fail {
            let failing: Vec<&str> = own
                .iter()
                .filter(|s| s.status == Status::Fail)
                .map(|s| s.id)
                .collect();
            general.push(Note {
                path: format!("members[{i}]"),
                group: None,
                raw: Raw::error(codes::QUAL_MEMBER_FAILS)
                    .with("member", i + 1)
                    .with("groups", failing.join(",")),
                outcome: Outcome::Note,
            });
        }
        let name = list
            .get(i)
            .and_then(|m| m.get("name"))
            .and_then(Value::as_str)
            .map(|s| s.chars().take(200).collect());
        members.push(MemberReport {
            path: format!("members[{i}]"),
            name,
            verdict,
            groups: own,
        });
        notes.extend(e.notes);
    }
    for g in G::ALL {
        let s = top.status(g);
        let worst = g.of(statuses.each_mut());
        if s.rank() > worst.rank() {
            *worst = s;
        }
    }
    notes.extend(top.notes);
    notes.extend(general);
    let sme = sme::consortium(ctx, list);
    assemble(statuses, paths, notes, ctx, members, sme)
}
