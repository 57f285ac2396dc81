//! Who may be an undertaker (MOF-102, RULES.md §3) and legal capacity (GPL Art. 22(一)).

use super::eval::{field_outcome, reraw, Eval, Outcome, G};
use crate::fields::date::Date;
use crate::fields::resident_id::{self, IdOptions};
use crate::fields::uscc::{self, UsccOptions};
use crate::fields::Input;
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

pub const INSTITUTION_CLASSES: &[&str] = &["public_welfare_1", "public_welfare_2", "business"];

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
    "迁出",
    "遷出",
    "解散",
    "cancel",
    "revoked",
    "deregistered",
    "dissolved",
    "closed",
    "suspended",
    "liquidation",
];

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

impl Eval<'_> {
    /// `entity_eligibility`: the declared type may be an undertaker. Returns the type.
    pub fn entity_eligibility(&mut self, app: &Value) {
        let g = Some(G::Entity);
        let Some(t) = self.need(g, "entityType", |e| {
            e.text(g, "entityType", app.get("entityType"))
        }) else {
            return;
        };
        if !ENTITY_TYPES.contains(&t.as_str()) {
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
        self.entity_type = Some(t.clone());
        let class = self.choice(
            g,
            "institutionClass",
            app.get("institutionClass"),
            INSTITUTION_CLASSES,
        );
        let funded = self.flag(
            g,
            "fiscallyFundedMassOrganization",
            app.get("fiscallyFundedMassOrganization"),
        );
        match t.as_str() {
            "state_organ" => self.push(
                g,
                "entityType",
                Raw::error(codes::ENTITY_STATE_ORGAN),
                Outcome::Fail,
            ),
            "public_institution" => match class.as_deref() {
                Some("public_welfare_1") => self.push(
                    g,
                    "institutionClass",
                    Raw::error(codes::ENTITY_PUBLIC_WELFARE_1),
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
        if funded == Some(true) {
            self.push(
                g,
                "fiscallyFundedMassOrganization",
                Raw::error(codes::ENTITY_FUNDED_MASS_ORG),
                Outcome::Fail,
            );
        }
    }

    /// `legal_capacity`, and the USCC-type cross-check of `entity_eligibility`.
    pub fn legal_capacity(&mut self, app: &Value) {
        let g = Some(G::Legal);
        let locale = self.ctx.locale;
        let as_of = self.ctx.as_of;
        if self.is_natural_person() {
            self.not_applicable_registration(app);
            let v = app.get("idNumber").unwrap_or(&Value::Null);
            if v.is_null() {
                self.required(g, "idNumber");
                return;
            }
            let path = self.at("idNumber");
            let label = super::eval::label_for(&path, locale, self.ctx.labels);
            let o = IdOptions {
                field: FieldOptions {
                    locale,
                    label: Some(label),
                    path: Some(path),
                    required: true,
                },
                today: Some(as_of),
            };
            let r = resident_id::check(&Input::from(v), &o, as_of);
            for f in &r.findings {
                if let Some(raw) = reraw(f) {
                    let o = field_outcome(&raw);
                    self.push(g, "idNumber", raw, o);
                }
            }
            if let Some(info) = r.info {
                if info.age < 18 {
                    self.push(
                        g,
                        "idNumber",
                        Raw::error(codes::LEGAL_MINOR)
                            .with("birthDate", info.birth_date)
                            .with("adultOn", info.birth_date.add_years(18))
                            .with("asOf", as_of),
                        Outcome::Fail,
                    );
                }
            }
            return;
        }
        // Organisations: the USCC.
        let v = app.get("uscc").unwrap_or(&Value::Null);
        if v.is_null() {
            self.required(g, "uscc");
        } else {
            let path = self.at("uscc");
            let label = super::eval::label_for(&path, locale, self.ctx.labels);
            let o = UsccOptions {
                field: FieldOptions {
                    locale,
                    label: Some(label),
                    path: Some(path),
                    required: true,
                },
                pilot_allowlist: self.ctx.policy.uscc_pilot_allowlist.clone(),
            };
            let r = uscc::check(&Input::from(v), &o);
            for f in &r.findings {
                if let Some(raw) = reraw(f) {
                    let o = field_outcome(&raw);
                    self.push(g, "uscc", raw, o);
                }
            }
            if let (Some(info), Some(t)) = (&r.info, self.entity_type.clone()) {
                let pair = format!("{}{}", info.authority_code, info.type_code);
                if let Some(fits) = fitting_pairs(&t) {
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
        // Registration.
        let Some(reg) = self.object(g, "registration", app.get("registration")) else {
            if app.get("registration").is_none_or(Value::is_null) {
                self.required(g, "registration");
            }
            return;
        };
        self.unknown_keys(reg, "registration", REGISTRATION_KEYS);
        let status = self.need(g, "registration.status", |e| {
            e.text(g, "registration.status", reg.get("status"))
        });
        if let Some(status) = status {
            {
                let lower = status.to_lowercase();
                if INACTIVE.iter().any(|w| lower.contains(w)) {
                    self.push(
                        g,
                        "registration.status",
                        Raw::error(codes::LEGAL_STATUS_INACTIVE).with("status", &status),
                        Outcome::Fail,
                    );
                } else if !ACTIVE.iter().any(|w| lower.contains(w)) {
                    self.push(
                        g,
                        "registration.status",
                        Raw::error(codes::LEGAL_STATUS_UNRECOGNISED).with("status", &status),
                        Outcome::Incomplete,
                    );
                }
            }
        }
        let established = self.need(g, "registration.establishedOn", |e| {
            e.date(g, "registration.establishedOn", reg.get("establishedOn"))
        });
        if let Some(d) = established {
            {
                self.established = Some(d);
                if d > as_of {
                    self.push(
                        g,
                        "registration.establishedOn",
                        Raw::error(codes::LEGAL_ESTABLISHED_AFTER)
                            .with("establishedOn", d)
                            .with("asOf", as_of),
                        Outcome::Fail,
                    );
                }
            }
        }
        // termEnd: null, absent or 长期 = no end.
        let end = reg.get("termEnd");
        let no_end = matches!(end, Some(Value::String(s)) if NO_END.contains(&s.trim()));
        if !no_end {
            if let Some(d) = self.date(g, "registration.termEnd", end) {
                if d < as_of {
                    self.push(
                        g,
                        "registration.termEnd",
                        Raw::error(codes::LEGAL_TERM_ENDED)
                            .with("termEnd", d)
                            .with("asOf", as_of),
                        Outcome::Fail,
                    );
                }
            }
        }
    }

    /// A natural person has no registration; if one is given it is only type-checked.
    fn not_applicable_registration(&mut self, app: &Value) {
        if let Some(reg) = self.object(Some(G::Legal), "registration", app.get("registration")) {
            self.unknown_keys(reg, "registration", REGISTRATION_KEYS);
        }
    }
}

/// Whether an entity established on `established` is less than one year old on `as_of`.
pub fn is_new_entity(established: Date, as_of: Date) -> bool {
    as_of.add_years(-1) < established
}
