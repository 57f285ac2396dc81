//! Purchase screening for a purchaser's project form (RULES.md §4.5; 政府购买服务管理办法
//! Arts. 10, 14, 24): the item is in the catalogue, in force and budgeted; not goods or works,
//! nor works packaged with services; the contract term within 1 year (3 with a secured budget
//! and a stable service); free text screened for the Art. 10 negative list as warnings.
//!
//! Project: `{ itemCode, title?, description?, pinmu?: [codes], budget?: { amount, unit?,
//! secured? }, contractTerm?: { start?, end?, months? }, stable? }`.

use super::{load::pinmu_format_ok, text::fold, Catalogue, PathEntry};
use crate::fields::date::Date;
use crate::fields::money::{self, Unit};
use crate::fields::text_input;
use crate::fields::Input;
use crate::report::{codes, field_label, Context, Finding, Locale, Raw, Severity};
use crate::tables;
use crate::value::Value;
use serde::Serialize;

/// Options of a screening.
#[derive(Debug, Clone)]
pub struct ScreenOptions {
    pub locale: Locale,
    /// The date the purchase is screened for (default today).
    pub as_of: Date,
}

/// The screening report: the field-check shape with the item and the term.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScreenReport {
    pub ok: bool,
    pub findings: Vec<Finding>,
    /// The catalogue item and its path, when found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<ScreenedItem>,
    /// The contract term in months (a month begun counts), when given or computable.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term_months: Option<u32>,
    pub as_of: Date,
    /// `version` of the catalogue screened against.
    pub catalogue: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScreenedItem {
    pub code: String,
    pub name: String,
    pub path: Vec<PathEntry>,
}

struct Out {
    raws: Vec<(String, Raw)>,
}

impl Out {
    fn push(&mut self, path: &str, raw: Raw) {
        self.raws.push((path.to_string(), raw));
    }
}

fn text_of(v: Option<&Value>) -> Option<String> {
    match v {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Some(Value::Number(n)) => Some(n.clone()),
        _ => None,
    }
}

fn months_between(start: Date, end: Date) -> u32 {
    // Months from start to the day after end, a month begun counting as a month (a 1-year
    // contract 2025-01-01..2025-12-31 = 12, one ending 2026-01-01 = 13), so that the months
    // reported agree with the exact date comparison of the term checks.
    let after = end.add_days(1);
    // In i64: no overflow for any two dates.
    let mut m = (i64::from(after.year()) - i64::from(start.year())) * 12 + i64::from(after.month())
        - i64::from(start.month());
    if after.day() > start.day() {
        m += 1;
    }
    u32::try_from(m.max(0)).unwrap_or(u32::MAX)
}

impl Catalogue {
    /// Screen a purchase project against this catalogue.
    pub fn screen_purchase(&self, project: &Value, opts: &ScreenOptions) -> ScreenReport {
        let mut out = Out { raws: vec![] };
        let mut item_out = None;
        let mut term_months = None;
        if !matches!(project, Value::Object(_)) {
            out.push(
                "",
                Raw::error(codes::FIELD_WRONG_TYPE).with("got", project.type_name()),
            );
        } else {
            self.screen_item(project, opts, &mut out, &mut item_out);
            screen_budget(project, &mut out);
            term_months = screen_term(project, &mut out);
            screen_text(project, &mut out);
        }
        let findings: Vec<Finding> = out
            .raws
            .into_iter()
            .map(|(path, raw)| {
                let key = path.split(['.', '[']).next().unwrap_or("");
                let label = field_label(if key.is_empty() { "project" } else { key }, opts.locale);
                Context {
                    locale: opts.locale,
                    path: if path.is_empty() { "project" } else { &path },
                    label,
                    group: None,
                }
                .render(raw)
            })
            .collect();
        ScreenReport {
            ok: !findings.iter().any(|f| f.severity == Severity::Error),
            findings,
            item: item_out,
            term_months,
            as_of: opts.as_of,
            catalogue: self.version.clone(),
        }
    }

    fn screen_item(
        &self,
        project: &Value,
        opts: &ScreenOptions,
        out: &mut Out,
        item_out: &mut Option<ScreenedItem>,
    ) {
        let Some(code) = text_of(project.get("itemCode")) else {
            out.push("itemCode", Raw::error(codes::FIELD_REQUIRED));
            return;
        };
        let Some(item) = self.get(&code) else {
            let raw = match self.withdrawn.iter().find(|w| w.code == code) {
                Some(w) => Raw::error(codes::SCREEN_ITEM_WITHDRAWN)
                    .with("itemCode", &code)
                    .with("name", &w.name)
                    .with("issuer", &w.issuer)
                    .with("reason", w.reason.as_deref().unwrap_or("-")),
                None => Raw::error(codes::SCREEN_ITEM_UNKNOWN)
                    .with("itemCode", &code)
                    .with("catalogue", &self.version),
            };
            out.push("itemCode", raw);
            return;
        };
        *item_out = Some(ScreenedItem {
            code: item.code.clone(),
            name: item.name.clone(),
            path: self.path_entries(&item.code),
        });
        if let Some(from) = item.valid_from.filter(|f| opts.as_of < *f) {
            out.push(
                "itemCode",
                Raw::error(codes::SCREEN_ITEM_NOT_YET_VALID)
                    .with("name", &item.name)
                    .with("validFrom", from),
            );
        }
        if let Some(to) = item.valid_to.filter(|t| opts.as_of > *t) {
            out.push(
                "itemCode",
                Raw::error(codes::SCREEN_ITEM_EXPIRED)
                    .with("name", &item.name)
                    .with("validTo", to),
            );
        }
        // A class, or any item with sub-items: the purchase should name the specific service.
        let children = self.children(Some(&item.code)).len();
        if item.level == 1 || children > 0 {
            out.push(
                "itemCode",
                Raw::warning(codes::SCREEN_ITEM_IS_CLASS)
                    .with("name", &item.name)
                    .with("children", children),
            );
        }
        // 品目: the project's own codes, else the item's.
        let own: Vec<String> = match project.get("pinmu") {
            Some(Value::Array(a)) => a
                .iter()
                .filter_map(|v| v.as_str().map(|s| s.trim().to_ascii_uppercase()))
                .collect(),
            Some(Value::String(s)) => s
                .split([',', ' ', ';', '，', '、'])
                .filter(|x| !x.is_empty())
                .map(|x| x.trim().to_ascii_uppercase())
                .collect(),
            _ => vec![],
        };
        let (codes_used, path) = if own.is_empty() {
            (item.pinmu.clone(), "itemCode")
        } else {
            (own, "pinmu")
        };
        for c in &codes_used {
            if !pinmu_format_ok(c) {
                out.push(
                    path,
                    Raw::error(codes::CATALOGUE_BAD_PINMU).with("value", c),
                );
            }
        }
        let goods_or_works: Vec<&String> = codes_used
            .iter()
            .filter(|c| c.starts_with('A') || c.starts_with('B'))
            .collect();
        let services = codes_used.iter().any(|c| c.starts_with('C'));
        if goods_or_works.iter().any(|c| c.starts_with('B')) && services {
            out.push(
                path,
                Raw::error(codes::SCREEN_WORKS_WITH_SERVICES).with("codes", codes_used.join(" ")),
            );
        } else if let Some(c) = goods_or_works.first() {
            out.push(
                path,
                Raw::error(codes::SCREEN_GOODS_OR_WORKS)
                    .with("value", c.as_str())
                    .with("kind", if c.starts_with('A') { "goods" } else { "works" }),
            );
        }
    }
}

fn screen_budget(project: &Value, out: &mut Out) {
    let budget = project.get("budget");
    let amount = budget.and_then(|b| b.get("amount"));
    let unit = match budget.and_then(|b| b.get("unit")).and_then(Value::as_str) {
        Some("wan") => Unit::Wan,
        _ => Unit::Yuan,
    };
    let text = amount.map(Input::from).map(|i| text_input(&i, true));
    match text {
        None | Some(Ok(None)) => out.push("budget.amount", Raw::error(codes::SCREEN_NOT_BUDGETED)),
        Some(Err(raw)) => out.push("budget.amount", raw),
        Some(Ok(Some(t))) => match money::parse_amount(&t, unit, false) {
            Ok(a) if a.yuan.is_zero() => {
                out.push("budget.amount", Raw::error(codes::SCREEN_NOT_BUDGETED))
            }
            Ok(_) => {}
            Err(raw) => out.push("budget.amount", raw),
        },
    }
}

fn screen_term(project: &Value, out: &mut Out) -> Option<u32> {
    let term = project.get("contractTerm")?;
    let date = |key: &str, out: &mut Out| -> Option<Date> {
        let t = text_of(term.get(key))?;
        match Date::parse(&t) {
            Ok(d) => Some(d),
            Err(e) => {
                out.push(&format!("contractTerm.{key}"), e.raw(&t));
                None
            }
        }
    };
    let start = date("start", out);
    let end = date("end", out);
    let months = match (start, end) {
        (Some(s), Some(e)) if e < s => {
            out.push(
                "contractTerm.end",
                Raw::error(codes::SCREEN_TERM_INVALID)
                    .with("start", s)
                    .with("end", e),
            );
            return None;
        }
        (Some(s), Some(e)) => Some(months_between(s, e)),
        _ => match text_of(term.get("months")) {
            None => None,
            Some(m) => match m.parse::<u32>() {
                Ok(n) if (1..=1200).contains(&n) => Some(n),
                _ => {
                    out.push(
                        "contractTerm.months",
                        Raw::error(codes::SCREEN_TERM_MONTHS_INVALID).with("months", m),
                    );
                    None
                }
            },
        },
    }?;
    // Dates decide exactly: a term ending on or after the anniversary of its start is over a year.
    let over_one_year = match (start, end) {
        (Some(s), Some(e)) => e >= s.add_years(1),
        _ => months > 12,
    };
    let over_three = match (start, end) {
        (Some(s), Some(e)) => e >= s.add_years(3),
        _ => months > 36,
    };
    let secured = project.get("budget").and_then(|b| b.get("secured")) == Some(&Value::Bool(true));
    let stable = project.get("stable") == Some(&Value::Bool(true));
    if over_three {
        out.push(
            "contractTerm",
            Raw::error(codes::SCREEN_TERM_OVER_THREE_YEARS).with("months", months),
        );
    } else if over_one_year && !(secured && stable) {
        out.push(
            "contractTerm",
            Raw::error(codes::SCREEN_TERM_OVER_ONE_YEAR)
                .with("months", months)
                .with("secured", secured)
                .with("stable", stable),
        );
    }
    Some(months)
}

fn screen_text(project: &Value, out: &mut Out) {
    for key in ["title", "description"] {
        let Some(text) = project.get(key).and_then(Value::as_str) else {
            continue;
        };
        let folded = fold(&text.chars().take(5000).collect::<String>());
        let table = tables::screening_terms();
        for term in table.keys() {
            if folded.contains(&fold(term)) {
                let [article, category] = table.get(term).unwrap_or(&[]) else {
                    continue;
                };
                out.push(
                    key,
                    Raw::warning(codes::SCREEN_ARTICLE10_TERM)
                        .with("term", term)
                        .with("article", article)
                        .with("category", category),
                );
            }
        }
    }
}
