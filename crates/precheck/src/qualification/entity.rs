//! Who may be an undertaker (MOF-102, RULES.md §3) and legal capacity (GPL Art. 22(一)).

use super::eval::{field_outcome, At, Eval, Outcome, G};
use crate::fields::date::Date;
use crate::fields::resident_id::{self, IdOptions};
use crate::fields::uscc::{self, UsccOptions};
use crate::fields::{Input, RawCheck};
use crate::options::FieldOptions;
use crate::report::{codes, Raw};
use crate::value::Value;

pub const ENTITY_TYPES: &[&str] = &[
    "enterprise",
    "individual_business",
    "farmers_cooperative",
    "social_organization",
    "public_institution",
    "state_organ",
    "rural_collective",
    "self_governing",
    "legal_service",
    "natural_person",
    "other",
];

/// 事业单位 classes: 公益一类, 公益二类, 生产经营类, 行政类 (承担行政职能; rev. 2).
pub const INSTITUTION_CLASSES: &[&str] = &[
    "public_welfare_1",
    "public_welfare_2",
    "business",
    "administrative",
];

/// USCC positions 1–2 of 群团组织 (GB 32100: 13 机构编制·群众团体, 81 工会): a code of these
/// shows a mass organisation even when the form does not say so.
const MASS_ORGANIZATION_PAIRS: &[&str] = &["13", "81"];

/// USCC positions 1–2 that fit a declared entity type (RULES.md §3); `None`: any valid pair.
fn fitting_pairs(entity_type: &str) -> Option<&'static [&'static str]> {
    Some(match entity_type {
        "enterprise" => &["91"],
        "individual_business" => &["92"],
        "farmers_cooperative" => &["93"],
        "social_organization" => &["51", "52", "53", "59"],
        "public_institution" => &["12"],
        "state_organ" => &["11"],
        "rural_collective" => &["N1", "N2", "N3"],
        "self_governing" => &["Y1", "59"],
        "legal_service" => &["31", "32", "33", "34", "35"],
        _ => return None,
    })
}

/// Registration status words that mean the entity exists (存续、在营、开业、在册; 在业 as
/// business-information services and some local registries show it; 正常 for law firms and the
/// like), and words that mean it does not.
const ACTIVE: &[&str] = &[
    "存续",
    "存續",
    "在营",
    "在營",
    "在业",
    "在業",
    "开业",
    "開業",
    "在册",
    "在冊",
    "正常",
    "active",
    "existing",
    "operating",
    "registered",
];
const INACTIVE: &[&str] = &[
    "注销",
    "註銷",
    "吊销",
    "吊銷",
    "撤销",
    "撤銷",
    "停业",
    "停業",
    "歇业",
    "歇業",
    "清算",
    "关闭",
    "關閉",
    "取缔",
    "取締",
    "解散",
    "cancel",
    "revoked",
    "deregistered",
    "dissolved",
    "closed",
    "suspended",
    "liquidation",
];

/// Words for "moved to another registry" (迁出): a warning to check the status there (rev. 2).
const MOVED: &[&str] = &["迁出", "遷出", "moved"];

/// `termEnd` words for "no end".
const NO_END: &[&str] = &[
    "长期",
    "長期",
    "永久",
    "无固定期限",
    "無固定期限",
    "长期有效",
    "長期有效",
    "-",
];

pub const REGISTRATION_KEYS: &[&str] = &["status", "establishedOn", "termEnd"];

/// The keys of `headOffice` (a branch's head office, 民法典第七十四条).
pub const HEAD_OFFICE_KEYS: &[&str] = &["name", "uscc", "authorisation"];

impl Eval<'_> {
    /// `entity_eligibility`: the declared type may be an undertaker. Returns the type.
    pub fn entity_eligibility(&mut self, app: At) {
        let g = Some(G::Entity);
        let type_at = app.key("entityType");
        let Some(t) = self.need(g, type_at, |e| e.text(g, type_at)) else {
            return;
        };
        if !ENTITY_TYPES.contains(&t) {
            self.push(
                g,
                "entityType",
                Raw::error(codes::QUAL_BAD_CHOICE)
                    .with("value", t.chars().take(60).collect::<String>())
                    .with("allowed", ENTITY_TYPES.join(" | ")),
                Outcome::Incomplete,
            );
            return;
        }
        self.entity_type = Some(t.to_string());
        let class = self.choice(g, app.key("institutionClass"), INSTITUTION_CLASSES);
        let funded = self.flag(g, app.key("fiscallyFundedMassOrganization"));
        let mass = self.flag(g, app.key("massOrganization"));
        self.mass_organization = mass == Some(true);
        match t {
            "state_organ" => self.push(
                g,
                "entityType",
                Raw::error(codes::ENTITY_STATE_ORGAN),
                Outcome::Fail,
            ),
            "public_institution" => match class {
                Some("public_welfare_1") => self.push(
                    g,
                    "institutionClass",
                    Raw::error(codes::ENTITY_PUBLIC_WELFARE_1),
                    Outcome::Fail,
                ),
                Some("administrative") => self.push(
                    g,
                    "institutionClass",
                    Raw::error(codes::ENTITY_ADMINISTRATIVE_INSTITUTION),
                    Outcome::Fail,
                ),
                Some(_) => {}
                None => {
                    let given = self
                        .notes
                        .iter()
                        .any(|n| n.path == self.at("institutionClass"));
                    if !given {
                        self.push(
                            g,
                            "institutionClass",
                            Raw::error(codes::ENTITY_CLASS_MISSING),
                            Outcome::Incomplete,
                        );
                    }
                }
            },
            "other" => self.push(
                g,
                "entityType",
                Raw::warning(codes::ENTITY_OTHER_REVIEW),
                Outcome::Incomplete,
            ),
            _ => {}
        }
        // 群团组织 (rev. 2): funded by fiscal appropriation = excluded, with or without 事业编制
        // (MOF-102 Art. 6 excludes them from the social organisations; Art. 8 names the
        // 事业编制 case again). A declared mass organisation must say whether it is funded.
        if funded == Some(true) {
            self.push(
                g,
                "fiscallyFundedMassOrganization",
                Raw::error(codes::ENTITY_FUNDED_MASS_ORG),
                Outcome::Fail,
            );
        } else if self.mass_organization {
            self.mass_funding_missing(app);
        }
    }

    /// A 群团组织 that does not say whether fiscal appropriation funds it: incomplete.
    fn mass_funding_missing(&mut self, app: At) {
        let rel = app.key("fiscallyFundedMassOrganization");
        let answered = !rel.is_absent();
        let reported = self.notes.iter().any(|n| n.path == self.at(rel));
        if !answered && !reported {
            self.push(
                Some(G::Entity),
                rel,
                Raw::error(codes::ENTITY_MASS_ORG_FUNDING_MISSING),
                Outcome::Incomplete,
            );
        }
    }

    /// `legal_capacity`, and the USCC-type cross-check of `entity_eligibility`.
    pub fn legal_capacity(&mut self, app: At) {
        let g = Some(G::Legal);
        let as_of = self.ctx.as_of;
        if self.is_natural_person() {
            self.not_applicable_registration(app);
            let id_at = app.key("idNumber");
            if id_at.is_absent() {
                self.required(g, id_at);
                return;
            }
            let r = self.id_number_at(g, id_at);
            let self_supporting = self.flag(g, app.key("selfSupporting"));
            if let Some(info) = r.info {
                self.natural_person_age(info.birth_date, info.age, self_supporting);
            }
            return;
        }
        // Organisations: the USCC.
        let uscc_at = app.key("uscc");
        if uscc_at.is_absent() {
            self.required(g, uscc_at);
        } else {
            let r = self.uscc_at(g, uscc_at);
            if let (Some(info), Some(t)) = (&r.info, self.entity_type.clone()) {
                let pair = [info.authority_code.as_str(), info.type_code.as_str()].concat();
                let mass_code = MASS_ORGANIZATION_PAIRS.contains(&pair.as_str());
                if mass_code && !self.mass_organization {
                    // The code shows a 群团组织: whether fiscal appropriation funds it decides.
                    self.mass_organization = true;
                    let funded = app.key("fiscallyFundedMassOrganization");
                    if !matches!(funded.value, Some(Value::Bool(true))) {
                        self.mass_funding_missing(app);
                    }
                }
                // A 群团组织 declared as a social organisation may carry a 13 or 81 code.
                let fits_mass = t == "social_organization" && self.mass_organization && mass_code;
                if let Some(fits) = fitting_pairs(&t).filter(|_| !fits_mass) {
                    if !fits.contains(&pair.as_str()) {
                        // A self-governing organisation's code is issued locally: warn only.
                        let lenient = t == "self_governing";
                        let raw = if lenient {
                            Raw::warning(codes::ENTITY_USCC_TYPE_MISMATCH)
                        } else {
                            Raw::error(codes::ENTITY_USCC_TYPE_MISMATCH)
                        }
                        .with("pair", &pair)
                        .with("actual", info.type_name)
                        .with("declared", &t)
                        .with("expected", fits.join(", "));
                        let o = if lenient {
                            Outcome::Note
                        } else {
                            Outcome::Fail
                        };
                        self.push(Some(G::Entity), "uscc", raw, o);
                    }
                }
            }
        }
        self.branch(app);
        // Registration.
        let reg_at = app.key("registration");
        let Some(reg) = self.object(g, reg_at) else {
            if reg_at.is_absent() {
                self.required(g, reg_at);
            }
            return;
        };
        self.unknown_keys(reg, REGISTRATION_KEYS);
        let status_at = reg.key("status");
        let status = self.need(g, status_at, |e| e.text(g, status_at));
        if let Some(status) = status {
            {
                let lower = crate::catalogue::text::lowercase(status);
                if INACTIVE.iter().any(|w| lower.contains(w)) {
                    self.push(
                        g,
                        status_at,
                        Raw::error(codes::LEGAL_STATUS_INACTIVE).with("status", status),
                        Outcome::Fail,
                    );
                } else if MOVED.iter().any(|w| lower.contains(w)) {
                    // 迁出 (rev. 2): the entity moved to another registry, which now shows
                    // its status (迁出 and 注销 together: the 注销 decides, above).
                    self.push(
                        g,
                        status_at,
                        Raw::warning(codes::LEGAL_STATUS_MOVED).with("status", status),
                        Outcome::Note,
                    );
                } else if !ACTIVE.iter().any(|w| lower.contains(w)) {
                    self.push(
                        g,
                        status_at,
                        Raw::error(codes::LEGAL_STATUS_UNRECOGNISED).with("status", status),
                        Outcome::Incomplete,
                    );
                }
            }
        }
        let established_at = reg.key("establishedOn");
        let established = self.need(g, established_at, |e| e.date(g, established_at));
        if let Some(d) = established {
            {
                self.established = Some(d);
                if d > as_of {
                    self.push(
                        g,
                        established_at,
                        Raw::error(codes::LEGAL_ESTABLISHED_AFTER)
                            .with("establishedOn", d)
                            .with("asOf", as_of),
                        Outcome::Fail,
                    );
                }
            }
        }
        // termEnd: null, absent or 长期 = no end.
        let end = reg.key("termEnd");
        let no_end = matches!(end.value, Some(Value::String(s))
            if NO_END.contains(&s.trim()) || crate::fields::date::is_long_term(s));
        if !no_end {
            if let Some(d) = self.date(g, end) {
                if d < as_of {
                    self.push(
                        g,
                        end,
                        Raw::error(codes::LEGAL_TERM_ENDED)
                            .with("termEnd", d)
                            .with("asOf", as_of),
                        Outcome::Fail,
                    );
                }
            }
        }
    }

    /// A natural person's age on the deadline: 18 or more, or 16–17 and living on their own
    /// labour income (民法典第十八条第二款, rev. 2). Birthdays on 29 February count on
    /// 28 February in common years (民法典第二百零二条: no matching day, the month's last day).
    fn natural_person_age(&mut self, birth: Date, age: i32, self_supporting: Option<bool>) {
        let g = Some(G::Legal);
        let as_of = self.ctx.as_of;
        if age >= 18 {
            return;
        }
        if age >= 16 && self_supporting == Some(true) {
            self.push(
                g,
                "selfSupporting",
                Raw::info(codes::LEGAL_SELF_SUPPORTING_MINOR)
                    .with("birthDate", birth)
                    .with("age", age)
                    .with("asOf", as_of),
                Outcome::Note,
            );
            return;
        }
        self.push(
            g,
            "idNumber",
            Raw::error(codes::LEGAL_MINOR)
                .with("birthDate", birth)
                .with("age", age)
                .with("sixteenOn", birth.add_years(16))
                .with("adultOn", birth.add_years(18))
                .with("asOf", as_of),
            Outcome::Fail,
        );
    }

    /// The value at `at` checked as a 身份证 number (a natural person's own, a legal representative's,
    /// a controlling shareholder's), its findings in group `g`.
    fn id_number_at(&mut self, g: Option<G>, at: At) -> RawCheck<resident_id::IdNumberInfo> {
        let as_of = self.ctx.as_of;
        let o = IdOptions {
            field: self.field_options(),
            today: Some(as_of),
        };
        let r = resident_id::check_raw(&Input::from(at.value.unwrap_or(&Value::Null)), &o, as_of);
        self.push_field_raws(g, at, &r.raws);
        r
    }

    /// The options a field check runs with inside the qualification check: its findings stay
    /// raw (rendered with the report, at the application's path and label), so only the
    /// locale (of `info`) and `required` count.
    fn field_options(&self) -> FieldOptions {
        FieldOptions {
            locale: self.ctx.locale,
            label: None,
            path: None,
            required: true,
        }
    }

    /// A field check's raw findings at `at`, each with its effect on the group.
    fn push_field_raws(&mut self, g: Option<G>, at: At, raws: &[Raw]) {
        for raw in raws {
            let o = field_outcome(raw);
            self.push(g, at, raw.clone(), o);
        }
    }

    /// GPL-IR Art. 18 para 1, the part one application shows: the 单位负责人's ID number
    /// (`legalRepresentative.idNumber`, a 身份证) and the controlling shareholder's USCC or ID
    /// number (`controllingShareholder.uscc` / `.idNumber`), checked as fields in
    /// `other_conditions`, since `package::check_package` compares them across the bids of a
    /// package. True when either object is given (the group is then applicable).
    pub(super) fn art18_parties(&mut self, app: At) -> bool {
        let g = Some(G::Other);
        let mut given = false;
        if let Some(rep) = self.object(g, app.key("legalRepresentative")) {
            given = true;
            self.unknown_keys(rep, super::package::LEGAL_REPRESENTATIVE_KEYS);
            self.text(g, rep.key("name"));
            let id = rep.key("idNumber");
            if !id.is_absent() {
                self.id_number_at(g, id);
            }
        }
        if let Some(cs) = self.object(g, app.key("controllingShareholder")) {
            given = true;
            self.unknown_keys(cs, super::package::CONTROLLING_SHAREHOLDER_KEYS);
            self.text(g, cs.key("name"));
            let uscc = cs.key("uscc");
            if !uscc.is_absent() {
                self.uscc_at(g, uscc);
            }
            let id = cs.key("idNumber");
            if !id.is_absent() {
                self.id_number_at(g, id);
            }
        }
        given
    }

    /// A branch (分公司, `branch: true`) bears no civil liability of its own: its head office's
    /// authorisation is needed (民法典第七十四条, rev. 2); the head office's USCC is checked.
    /// The value at `at` checked as a USCC (the applicant's own or its head office's): its findings
    /// in group `g`, under the field's label.
    fn uscc_at(&mut self, g: Option<G>, at: At) -> RawCheck<uscc::UsccInfo> {
        let o = UsccOptions {
            field: self.field_options(),
            pilot_allowlist: self.ctx.policy.uscc_pilot_allowlist.clone(),
        };
        let r = uscc::check_raw(&Input::from(at.value.unwrap_or(&Value::Null)), &o);
        self.push_field_raws(g, at, &r.raws);
        r
    }

    fn branch(&mut self, app: At) {
        let g = Some(G::Legal);
        let is_branch = self.flag(g, app.key("branch")) == Some(true);
        let head_at = app.key("headOffice");
        let head = self.object(g, head_at);
        if let Some(h) = head {
            self.unknown_keys(h, HEAD_OFFICE_KEYS);
        }
        if !is_branch {
            return;
        }
        let Some(h) = head else {
            if head_at.is_absent() {
                self.push(
                    g,
                    head_at,
                    Raw::error(codes::LEGAL_BRANCH_AUTHORISATION_MISSING),
                    Outcome::Incomplete,
                );
            }
            return;
        };
        let name = h.key("name");
        self.need(g, name, |e| e.text(g, name));
        let uscc = h.key("uscc");
        if uscc.is_absent() {
            self.required(g, uscc);
        } else {
            self.uscc_at(g, uscc);
        }
        let rel = h.key("authorisation");
        let given = match rel.value {
            None | Some(Value::Null) | Some(Value::Bool(false)) => false,
            Some(Value::Bool(true)) => true,
            Some(Value::String(s)) => !s.trim().is_empty(),
            Some(_) => {
                self.wrong_type(g, rel, rel.wrong_type("boolean"));
                return;
            }
        };
        if !given {
            self.push(
                g,
                rel,
                Raw::error(codes::LEGAL_BRANCH_AUTHORISATION_MISSING),
                Outcome::Incomplete,
            );
        }
    }

    /// A natural person has no registration; if one is given it is only type-checked.
    fn not_applicable_registration(&mut self, app: At) {
        if let Some(reg) = self.object(Some(G::Legal), app.key("registration")) {
            self.unknown_keys(reg, REGISTRATION_KEYS);
        }
    }
}

/// Whether an entity established on `established` is less than one year old on `as_of`.
pub fn is_new_entity(established: Date, as_of: Date) -> bool {
    as_of.add_years(-1) < established
}
