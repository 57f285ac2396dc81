//! `sme_declaration` — the 中小企业声明函 (财库〔2020〕46号, 财库〔2022〕19号; RULES.md §2.3).
//!
//! Not one of the conditions of GPL Art. 22: the group has its own status and never changes the
//! verdict (which stays the Art. 22 verdict over the seven other groups). It decides whether the
//! declaration that buys a price deduction or entry to a package reserved for SMEs holds together:
//! who may declare (enterprises, 个体工商户 included — 46号 Art. 2), no relation to a large
//! enterprise (Art. 2), the service by the SME's own staff (Art. 4(三)), and the size, computed
//! from the figures with the thresholds of 工信部联企业〔2011〕300号 Art. 4
//! (`data/sme_size_standard_2011.tsv`), against the declared one. 残疾人福利性单位 (财库〔2017〕141号)
//! and 监狱企业 (财库〔2014〕68号) count as small or micro enterprises without figures.
//!
//! The group's params: `computedSize` (`large | medium | small | micro | small_micro`),
//! `declaredSize`, `industry` (the id), `reservedPackage` (`eligible | not_eligible`),
//! `priceDeduction` (the policy's `smePriceDeduction` for small and micro enterprises, else
//! `none`); for a consortium `smeShare` and `smallMicroShare` (percent of the contract).

use super::eval::{label_for, status_of, At, Ctx, Eval, Note, Outcome};
use super::Status;
use crate::fields::money::Unit;
use crate::report::{codes, field_label, fill_template, Context, Finding, Locale, Params, Raw};
use crate::tables;
use crate::value::Value;
use rust_decimal::Decimal;
use std::str::FromStr;

/// The group id.
pub const GROUP_ID: &str = "sme_declaration";

/// The keys of `sme`.
pub const SME_KEYS: &[&str] = &[
    "industry",
    "employees",
    "revenue",
    "revenueUnit",
    "totalAssets",
    "assetsUnit",
    "declaredSize",
    "relatedToLargeEnterprise",
    "ownStaff",
    "welfareUnit",
    "prisonEnterprise",
];

/// The industries of 300号 Art. 4, as stable ids, in the standard's order. The standard's own
/// name (zh-CN) is the `industry.<id>` row of `data/labels.tsv` and the key of the size table.
pub const INDUSTRIES: &[&str] = &[
    "agriculture",
    "industrial",
    "construction",
    "wholesale",
    "retail",
    "transport",
    "warehousing",
    "postal",
    "accommodation",
    "catering",
    "information_transmission",
    "software_it_services",
    "real_estate_development",
    "property_management",
    "leasing_business_services",
    "other",
];

/// The sizes a declaration may name (also 中型 / 小型 / 微型).
pub const SIZES: &[&str] = &["medium", "small", "micro"];

/// Entity types that are enterprises (46号 Art. 2: 个体工商户 count as SMEs when they meet the
/// standard).
const ENTERPRISES: &[&str] = &["enterprise", "individual_business"];

/// A size under 300号.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    /// Not an SME: at or above the industry's ceiling.
    Large,
    Medium,
    Small,
    Micro,
}

impl Size {
    pub fn id(self) -> &'static str {
        match self {
            Size::Large => "large",
            Size::Medium => "medium",
            Size::Small => "small",
            Size::Micro => "micro",
        }
    }
}

/// The figures of 300号 Art. 4 in order: 从业人员 (persons), 营业收入 and 资产总额 (元).
pub const FIGURE_KEYS: [&str; 3] = ["employees", "revenue", "totalAssets"];

/// One industry's rule: per figure (employees, revenue, assets) the SME ceiling and the medium
/// and small thresholds, in persons or 元; `None` where the industry's rule does not use the
/// figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standard {
    pub ceiling: [Option<Decimal>; 3],
    pub medium: [Option<Decimal>; 3],
    pub small: [Option<Decimal>; 3],
}

impl Standard {
    /// Whether the rule uses figure `i` (0 employees, 1 revenue, 2 assets).
    pub fn uses(&self) -> [bool; 3] {
        self.ceiling.map(|c| c.is_some())
    }
}

/// The id of an industry given as its id, or as the standard's name (simplified or traditional).
pub fn industry_id(text: &str) -> Option<&'static str> {
    let t = text.trim();
    INDUSTRIES.iter().copied().find(|id| {
        let row = format!("industry.{id}");
        *id == t || field_label(&row, Locale::ZhCn) == t || field_label(&row, Locale::ZhTw) == t
    })
}

/// The rule of an industry (by id), read from `data/sme_size_standard_2011.tsv`.
pub fn standard(industry: &str) -> Option<Standard> {
    let key = format!("industry.{industry}");
    let name = field_label(&key, Locale::ZhCn);
    let cols = tables::sme_size_standard().get(name)?;
    let wan = Decimal::from(10_000);
    let cell = |i: usize, scale: Decimal| -> Result<Option<Decimal>, ()> {
        match cols.get(i).map(|c| c.trim()) {
            None | Some("") => Ok(None),
            Some(c) => Decimal::from_str(c)
                .map(|d| Some(d * scale))
                .map_err(|_| ()),
        }
    };
    let row = |first: usize| -> Result<[Option<Decimal>; 3], ()> {
        Ok([
            cell(first, Decimal::ONE)?,
            cell(first + 1, wan)?,
            cell(first + 2, wan)?,
        ])
    };
    Some(Standard {
        ceiling: row(0).ok()?,
        medium: row(3).ok()?,
        small: row(6).ok()?,
    })
}

/// At least one true, else unknown if any is unknown, else false (the standard's "或").
fn any(values: impl Iterator<Item = Option<bool>>) -> Option<bool> {
    let mut unknown = false;
    for v in values {
        match v {
            Some(true) => return Some(true),
            None => unknown = true,
            Some(false) => {}
        }
    }
    if unknown {
        None
    } else {
        Some(false)
    }
}

/// All true, else false if any is false, else unknown (the standard's "且").
fn all(values: impl Iterator<Item = Option<bool>>) -> Option<bool> {
    let mut unknown = false;
    for v in values {
        match v {
            Some(false) => return Some(false),
            None => unknown = true,
            Some(true) => {}
        }
    }
    if unknown {
        None
    } else {
        Some(true)
    }
}

/// The size 300号 Art. 4 gives `figures` (employees, revenue, assets): an SME when any used
/// figure is below its ceiling ("…以下或…以下的为中小微型企业"); then medium when every used
/// figure is at or above its medium threshold ("…及以上，且…及以上"), else small when every one is
/// at or above its small threshold, else micro ("…以下或…以下"). `None` when a missing figure
/// would decide.
pub fn classify(std: &Standard, figures: [Option<Decimal>; 3]) -> Option<Size> {
    let used = || {
        figures
            .iter()
            .zip(
                std.ceiling
                    .iter()
                    .zip(std.medium.iter().zip(std.small.iter())),
            )
            .filter(|(_, (c, _))| c.is_some())
    };
    let below = |v: &Option<Decimal>, t: &Option<Decimal>| match (v, t) {
        (Some(v), Some(t)) => Some(v < t),
        _ => None,
    };
    let at_least = |v: &Option<Decimal>, t: &Option<Decimal>| below(v, t).map(|b| !b);
    if !any(used().map(|(v, (c, _))| below(v, c)))? {
        return Some(Size::Large);
    }
    if all(used().map(|(v, (_, (m, _)))| at_least(v, m)))? {
        return Some(Size::Medium);
    }
    if all(used().map(|(v, (_, (_, s)))| at_least(v, s)))? {
        return Some(Size::Small);
    }
    Some(Size::Micro)
}

/// The result of the group for one supplier.
#[derive(Debug, Clone)]
pub struct SmeResult {
    pub notes: Vec<Note>,
    pub params: Params,
    /// The size the declaration holds for (`None` when the group does not pass).
    pub size: Option<&'static str>,
}

impl SmeResult {
    pub fn status(&self) -> Status {
        status_of(self.notes.iter().map(|n| n.outcome), false)
    }
}

/// Render a note of this group.
pub fn render(n: Note, locale: Locale, labels: &super::Labels) -> Finding {
    let label = label_for(&n.path, locale, labels);
    let path = if n.path.is_empty() {
        "application".to_string()
    } else {
        n.path
    };
    Context {
        locale,
        path: "",
        label: &label,
        group: Some(GROUP_ID),
    }
    .render_at(path, n.raw)
}

/// The deciding figures as a message shows them ("从业人员45人、营业收入800万元").
fn figures_text(std: &Standard, figures: &[Option<Decimal>; 3], locale: Locale) -> String {
    let mut p = Params::new();
    let mut parts = vec![];
    for ((key, v), used) in FIGURE_KEYS.iter().zip(figures).zip(std.uses()) {
        if let (Some(v), true) = (v, used) {
            p.insert(key, v.normalize().to_string());
            let row = format!("figure.{key}");
            let template = field_label(&row, locale);
            parts.push(fill_template(template, "", &p, locale));
        }
    }
    parts.join(locale.pick(["、", "、", ", "]))
}

fn unit_of(e: &mut Eval, at: At) -> Unit {
    match e.choice(None, at, &["yuan", "wan", "元", "万元", "萬元"]) {
        Some("wan" | "万元" | "萬元") => Unit::Wan,
        _ => Unit::Yuan,
    }
}

fn declared_size(e: &mut Eval, s: At) -> Option<&'static str> {
    let rel = s.key("declaredSize");
    let t = e.text(None, rel)?;
    let t = t.trim_end_matches("企业").trim_end_matches("企業");
    match t {
        "medium" | "中型" => Some("medium"),
        "small" | "小型" => Some("small"),
        "micro" | "微型" => Some("micro"),
        other => {
            e.push(
                None,
                rel,
                Raw::error(codes::QUAL_BAD_CHOICE)
                    .with("value", other.chars().take(60).collect::<String>())
                    .with("allowed", "medium | small | micro | 中型 | 小型 | 微型"),
                Outcome::Incomplete,
            );
            None
        }
    }
}

fn employees(e: &mut Eval, s: At) -> Option<Decimal> {
    let rel = s.key("employees");
    let t = e.text(None, rel)?;
    let n = t.trim_end_matches('人').trim();
    match Decimal::from_str(n) {
        Ok(d) if n.chars().all(|c| c.is_ascii_digit()) && !d.is_sign_negative() => Some(d),
        _ => {
            e.push(
                None,
                rel,
                Raw::error(codes::SME_EMPLOYEES_INVALID)
                    .with("value", t.chars().take(30).collect::<String>()),
                Outcome::Incomplete,
            );
            None
        }
    }
}

/// Check the `sme` object of one supplier (`prefix` `""` or `members[1].`); `None` when the
/// application carries none (the group is not applicable).
pub fn evaluate(ctx: &Ctx, prefix: &str, app: &Value) -> Option<SmeResult> {
    let root = At::new(Some(app), "");
    let at = root.key("sme");
    at.present()?;
    let mut e = Eval::new(ctx, prefix.to_string());
    let mut params = Params::new();
    let Some(s) = e.object(None, at) else {
        return Some(SmeResult {
            notes: e.notes,
            params,
            size: None,
        });
    };
    e.unknown_keys(s, SME_KEYS);
    let welfare = e.flag(None, s.key("welfareUnit")) == Some(true);
    let prison = e.flag(None, s.key("prisonEnterprise")) == Some(true);
    let related = e.flag(None, s.key("relatedToLargeEnterprise"));
    let own_staff = e.flag(None, s.key("ownStaff"));
    let declared = declared_size(&mut e, s);
    if let Some(d) = declared {
        params.insert("declaredSize", d.into());
    }
    if own_staff == Some(false) {
        e.push(
            None,
            s.key("ownStaff"),
            Raw::error(codes::SME_NOT_OWN_STAFF),
            Outcome::Fail,
        );
    }
    let size: Option<&'static str> = if welfare || prison {
        // 财库〔2017〕141号 / 财库〔2014〕68号: small or micro, with the certificate; no figures.
        let (key, code) = if welfare {
            ("welfareUnit", codes::SME_WELFARE_UNIT)
        } else {
            ("prisonEnterprise", codes::SME_PRISON_ENTERPRISE)
        };
        e.push(None, s.key(key), Raw::info(code), Outcome::Note);
        if declared == Some("medium") {
            e.push(
                None,
                s.key("declaredSize"),
                Raw::warning(codes::SME_DECLARED_NOT_SMALL_MICRO).with("declared", "medium"),
                Outcome::Note,
            );
        }
        Some("small_micro")
    } else {
        let entity = app
            .get("entityType")
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|t| !t.is_empty());
        match entity {
            None => e.required(None, "entityType"),
            Some(t) if ENTERPRISES.contains(&t) => {}
            Some(t) => e.push(
                None,
                "entityType",
                Raw::error(codes::SME_NOT_ENTERPRISE)
                    .with("entityType", t.chars().take(60).collect::<String>()),
                Outcome::Fail,
            ),
        }
        if related == Some(true) {
            e.push(
                None,
                s.key("relatedToLargeEnterprise"),
                Raw::error(codes::SME_RELATED_TO_LARGE),
                Outcome::Fail,
            );
        }
        sized(&mut e, s, declared, &mut params)
    };
    if let Some(sz) = size {
        params.insert("computedSize", sz.into());
    }
    let holds = !e
        .notes
        .iter()
        .any(|n| matches!(n.outcome, Outcome::Fail | Outcome::Incomplete));
    let size = size.filter(|s| holds && *s != "large");
    let rate = ctx.policy.sme_price_deduction.clone();
    match size {
        Some("medium") => {
            e.push(
                None,
                "sme",
                Raw::info(codes::SME_RESERVED_ONLY),
                Outcome::Note,
            );
            params.insert("reservedPackage", "eligible".into());
            params.insert("priceDeduction", "none".into());
        }
        Some(s) => {
            e.push(
                None,
                "sme",
                Raw::info(codes::SME_RESERVED_AND_DEDUCTION)
                    .with("computed", s)
                    .with("rate", &rate),
                Outcome::Note,
            );
            params.insert("reservedPackage", "eligible".into());
            params.insert("priceDeduction", rate);
        }
        None => {
            params.insert("reservedPackage", "not_eligible".into());
            params.insert("priceDeduction", "none".into());
        }
    }
    Some(SmeResult {
        notes: e.notes,
        params,
        size,
    })
}

/// The size from the industry and the figures, with its findings.
fn sized(
    e: &mut Eval,
    s: At,
    declared: Option<&'static str>,
    params: &mut Params,
) -> Option<&'static str> {
    let rel = s.key("industry");
    let text = e.need(None, rel, |e| e.text(None, rel));
    let industry = match text {
        None => None,
        Some(t) => match industry_id(t) {
            Some(id) => Some(id),
            None => {
                e.push(
                    None,
                    rel,
                    Raw::error(codes::SME_UNKNOWN_INDUSTRY)
                        .with("value", t.chars().take(60).collect::<String>())
                        .with("allowed", INDUSTRIES.join(" | ")),
                    Outcome::Incomplete,
                );
                None
            }
        },
    };
    let revenue_unit = unit_of(e, s.key("revenueUnit"));
    let assets_unit = unit_of(e, s.key("assetsUnit"));
    let figures = [
        employees(e, s),
        e.money(None, s.key("revenue"), revenue_unit, false),
        e.money(None, s.key("totalAssets"), assets_unit, false),
    ];
    let industry = industry?;
    params.insert("industry", industry.into());
    let std = standard(industry)?;
    let locale = e.ctx.locale;
    let Some(size) = classify(&std, figures) else {
        for ((key, v), used) in FIGURE_KEYS.iter().zip(&figures).zip(std.uses()) {
            let rel = s.key(key);
            // A figure given but unreadable already has its finding.
            if used && v.is_none() && !e.notes.iter().any(|n| n.path == e.at(rel)) {
                e.push(
                    None,
                    rel,
                    Raw::error(codes::SME_FIGURE_MISSING).with("industry", industry),
                    Outcome::Incomplete,
                );
            }
        }
        return None;
    };
    let shown = figures_text(&std, &figures, locale);
    let base = |code| {
        let mut r = Raw::error(code)
            .with("industry", industry)
            .with("computed", size.id())
            .with("figures", &shown);
        for (key, v) in FIGURE_KEYS.iter().zip(&figures) {
            if let Some(v) = v {
                r = r.with(key, v.normalize());
            }
        }
        r
    };
    if size == Size::Large {
        e.push(None, s, base(codes::SME_NOT_SME), Outcome::Fail);
    } else {
        match declared {
            None => e.required(None, s.key("declaredSize")),
            Some(d) if d == size.id() => {
                let mut r = base(codes::SME_SIZE_CONFIRMED);
                r.severity = crate::report::Severity::Info;
                e.push(None, s.key("declaredSize"), r, Outcome::Note);
            }
            Some(d) => e.push(
                None,
                s.key("declaredSize"),
                base(codes::SME_SIZE_MISMATCH).with("declared", d),
                Outcome::Fail,
            ),
        }
    }
    Some(size.id())
}

/// The consortium's view (财库〔2020〕46号 Art. 4 last paragraph): the members' own results, and
/// the contract shares (`members[i].contractShare`, percent) of the SME and of the small and
/// micro members. `None` when no member carries an `sme` object.
pub fn consortium(ctx: &Ctx, members: &[Value]) -> Option<SmeResult> {
    let results: Vec<Option<SmeResult>> = members
        .iter()
        .enumerate()
        .map(|(i, m)| evaluate(ctx, &format!("members[{i}]."), m))
        .collect();
    if results.iter().all(Option::is_none) {
        return None;
    }
    let mut top = Eval::new(ctx, String::new());
    let mut sme_share = Decimal::ZERO;
    let mut small_micro_share = Decimal::ZERO;
    let mut all_sme = true;
    let mut all_small_micro = true;
    let mut notes = vec![];
    for (i, (m, r)) in members.iter().zip(&results).enumerate() {
        let member = format!("members[{i}]");
        let member = At::new(Some(m), &member);
        let rel = member.key("contractShare");
        let share = match top.text(None, rel) {
            None => None,
            Some(t) => {
                let n = t.trim_end_matches('%').trim();
                match Decimal::from_str(n) {
                    Ok(d) if d >= Decimal::ZERO && d <= Decimal::from(100) => Some(d),
                    _ => {
                        top.push(
                            None,
                            rel,
                            Raw::error(codes::SME_CONTRACT_SHARE_INVALID)
                                .with("value", t.chars().take(30).collect::<String>()),
                            Outcome::Incomplete,
                        );
                        None
                    }
                }
            }
        };
        let size = r.as_ref().and_then(|r| r.size);
        all_sme &= size.is_some();
        all_small_micro &= matches!(size, Some("small" | "micro" | "small_micro"));
        if let (Some(s), Some(sz)) = (share, size) {
            sme_share += s;
            if sz != "medium" {
                small_micro_share += s;
            }
        }
        if let Some(r) = r {
            notes.extend(r.notes.iter().cloned());
        }
    }
    let mut params = Params::new();
    let size = if all_small_micro {
        Some("small_micro")
    } else if all_sme {
        Some("sme")
    } else {
        None
    };
    params.insert("smeShare", sme_share.normalize().to_string());
    params.insert("smallMicroShare", small_micro_share.normalize().to_string());
    if let Some(s) = size {
        params.insert("computedSize", s.into());
    }
    let eligible = if size.is_some() {
        "eligible"
    } else {
        "not_eligible"
    };
    params.insert("reservedPackage", eligible.into());
    let deduction = if all_small_micro {
        ctx.policy.sme_price_deduction.clone()
    } else {
        "none".to_string()
    };
    params.insert("priceDeduction", deduction);
    top.push(
        None,
        "members",
        Raw::info(codes::SME_CONSORTIUM)
            .with("smeShare", sme_share.normalize())
            .with("smallMicroShare", small_micro_share.normalize()),
        Outcome::Note,
    );
    notes.extend(top.notes);
    Some(SmeResult {
        notes,
        params,
        size,
    })
}
