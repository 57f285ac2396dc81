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
use crate::read::{At, Read, WrongType};
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
    /// A typed read of `at` (the one reader, [`At`]): a wrong type is a `screen.wrong_type`
    /// finding there, and reads as nothing.
    fn read<T>(&mut self, at: At, read: Read<T>) -> Option<T> {
        read.unwrap_or_else(|w| {
            self.wrong_type(at, w);
            None
        })
    }
    fn wrong_type(&mut self, at: At, w: WrongType) {
        self.push(
            &at.path_text(),
            Raw::error(codes::SCREEN_WRONG_TYPE)
                .with("expected", w.expected)
                .with("got", w.got),
        );
    }
    /// Text (a number as its decimal text), trimmed; blank is nothing.
    fn text<'v>(&mut self, at: At<'v, '_>) -> Option<&'v str> {
        self.read(at, at.text())
            .map(str::trim)
            .filter(|t| !t.is_empty())
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
        if let Err(w) = At::new(Some(project), "").entry() {
            out.push("", Raw::error(codes::FIELD_WRONG_TYPE).with("got", w.got));
        } else {
            let project = At::new(Some(project), "");
            self.screen_item(project, opts, &mut out, &mut item_out);
            let secured = screen_budget(project, &mut out);
            term_months = screen_term(project, secured, &mut out);
            screen_text(project, &mut out);
        }
        let findings: Vec<Finding> = out
            .raws
            .into_iter()
            .map(|(path, raw)| {
                // The field's own label (`budget.unit`), else its first segment's (`budget`).
                let key = path.split('[').next().unwrap_or("");
                let key = if tables::labels().get(key).is_some() {
                    key
                } else {
                    key.split('.').next().unwrap_or("")
                };
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
        project: At,
        opts: &ScreenOptions,
        out: &mut Out,
        item_out: &mut Option<ScreenedItem>,
    ) {
        // 品目, read (and type-checked) first, whatever the item: a list of codes, or one text of
        // codes separated by commas, spaces or 、.
        let pinmu = project.key("pinmu");
        let own: Vec<String> = match pinmu.string() {
            Ok(Some(s)) => s
                .split([',', ' ', ';', '，', '、'])
                .filter(|x| !x.is_empty())
                .map(|x| x.trim().to_ascii_uppercase())
                .collect(),
            Ok(None) => vec![],
            Err(_) => {
                // Neither a text nor a list: named as a text (the simpler of the two).
                let list = out.read(pinmu, pinmu.array().map_err(|w| w.expecting("string")));
                (0..list.map_or(0, <[Value]>::len))
                    .filter_map(|i| {
                        let at = pinmu.index(i);
                        out.read(at, at.string())
                            .map(|s| s.trim().to_ascii_uppercase())
                    })
                    .collect()
            }
        };
        let code_at = project.key("itemCode");
        let code = match code_at.text() {
            Ok(t) => t.map(str::trim).filter(|t| !t.is_empty()),
            Err(w) => return out.wrong_type(code_at, w),
        };
        let Some(code) = code.map(str::to_string) else {
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

/// The budget; whether it is secured (`budget.secured`, which allows a term up to 3 years).
fn screen_budget(project: At, out: &mut Out) -> bool {
    let budget = project.key("budget");
    let Some(budget) = out.read(budget, budget.object()) else {
        if budget.is_absent() {
            out.push("budget.amount", Raw::error(codes::SCREEN_NOT_BUDGETED));
        }
        return false;
    };
    let secured_at = budget.key("secured");
    let secured = out.read(secured_at, secured_at.bool()) == Some(true);
    let amount_at = budget.key("amount");
    let unit_at = budget.key("unit");
    let unit = match out.read(unit_at, unit_at.string()) {
        Some("wan") => Unit::Wan,
        _ => Unit::Yuan,
    };
    // A text or a number; of another type, a wrong type (then nothing more about the amount).
    let amount = match amount_at.text() {
        Ok(_) => amount_at.present(),
        Err(w) => {
            out.wrong_type(amount_at, w);
            return secured;
        }
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
    secured
}

fn screen_term(project: At, secured: bool, out: &mut Out) -> Option<u32> {
    // `stable`, which with a secured budget allows up to 3 years: read with or without a term.
    let stable_at = project.key("stable");
    let stable = out.read(stable_at, stable_at.bool()) == Some(true);
    let term = project.key("contractTerm");
    let term = out.read(term, term.object())?;
    let date = |key: &str, out: &mut Out| -> Option<Date> {
        let at = term.key(key);
        let t = out.text(at)?;
        match Date::parse(t) {
            Ok(d) => Some(d),
            Err(e) => {
                out.push(&at.path_text(), e.raw(t));
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
        _ => match out.text(term.key("months")) {
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

fn screen_text(project: At, out: &mut Out) {
    for key in ["title", "description"] {
        let at = project.key(key);
        let Some(text) = out.read(at, at.string()) else {
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
