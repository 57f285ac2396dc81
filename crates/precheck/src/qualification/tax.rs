//! `tax_and_social_security` (GPL Art. 22(四)): payment months within the 12 months before the
//! deadline (at least `socialSecurityMonths`), or an exemption with its reason; not a tax
//! 非正常户 (organisations only).

use super::eval::{Eval, Outcome, G};
use super::window::{month_place, month_window, Month, MonthPlace};
use crate::report::{codes, Raw};
use crate::value::Value;
use std::collections::BTreeSet;

pub const TAX_KEYS: &[&str] = &["paidMonths", "exemption", "abnormalTaxpayer"];

const G_TAX: Option<G> = Some(G::Tax);

impl Eval<'_> {
    pub fn tax_and_social_security(&mut self, app: &Value) {
        let t = self.object(G_TAX, "taxSocialSecurity", app.get("taxSocialSecurity"));
        self.evidence_path(
            G::Tax,
            t.is_some(),
            self.commitments.tax,
            "taxAndSocialSecurity",
            "taxSocialSecurity",
        );
        let Some(t) = t else { return };
        self.unknown_keys(t, "taxSocialSecurity", TAX_KEYS);
        let as_of = self.ctx.as_of;
        let rel = "taxSocialSecurity.abnormalTaxpayer";
        if self.flag(G_TAX, rel, t.get("abnormalTaxpayer")) == Some(true)
            && !self.is_natural_person()
        {
            self.push(
                G_TAX,
                rel,
                Raw::error(codes::TAX_ABNORMAL_TAXPAYER),
                Outcome::Fail,
            );
        }
        let mut exempt = false;
        if let Some(ex) = self.object(G_TAX, "taxSocialSecurity.exemption", t.get("exemption")) {
            self.unknown_keys(ex, "taxSocialSecurity.exemption", &["reason"]);
            let rel = "taxSocialSecurity.exemption.reason";
            if let Some(reason) = self.need(G_TAX, rel, |e| e.text(G_TAX, rel, ex.get("reason"))) {
                exempt = true;
                self.push(
                    G_TAX,
                    rel,
                    Raw::info(codes::TAX_EXEMPTION).with("reason", reason),
                    Outcome::Note,
                );
            }
        }
        let rel = "taxSocialSecurity.paidMonths";
        let months = self.array(G_TAX, rel, t.get("paidMonths"));
        let mut counted: BTreeSet<Month> = BTreeSet::new();
        let before = self.notes.len();
        for (i, v) in months.unwrap_or(&[]).iter().enumerate() {
            let r = format!("{rel}[{i}]");
            let Some(text) = self.text(G_TAX, &r, Some(v)) else {
                continue;
            };
            let Some(m) = Month::parse(&text) else {
                self.push(
                    G_TAX,
                    &r,
                    Raw::error(codes::TAX_MONTH_FORMAT)
                        .with("value", text.chars().take(20).collect::<String>()),
                    Outcome::Incomplete,
                );
                continue;
            };
            let (first, last) = month_window(as_of);
            match month_place(m, as_of) {
                MonthPlace::Inside => {
                    counted.insert(m);
                }
                MonthPlace::Before => self.push(
                    G_TAX,
                    &r,
                    Raw::info(codes::TAX_MONTH_OUTSIDE_WINDOW)
                        .with("month", m)
                        .with("from", first)
                        .with("to", last),
                    Outcome::Note,
                ),
                MonthPlace::After => self.push(
                    G_TAX,
                    &r,
                    Raw::error(codes::TAX_MONTH_AFTER_DEADLINE)
                        .with("month", m)
                        .with("asOf", as_of),
                    Outcome::Incomplete,
                ),
            }
        }
        if exempt {
            return;
        }
        let needed = self.ctx.policy.social_security_months;
        if months.is_none() {
            if t.get("paidMonths").is_none_or(Value::is_null) {
                self.required(G_TAX, rel);
            }
        } else if (counted.len() as u32) < needed {
            // An unreadable month might have counted: then the group cannot be decided.
            let unreadable = self
                .notes
                .iter()
                .skip(before)
                .any(|n| n.outcome == Outcome::Incomplete);
            let (first, last) = month_window(as_of);
            self.push(
                G_TAX,
                rel,
                Raw::error(codes::TAX_MONTHS_INSUFFICIENT)
                    .with("count", counted.len())
                    .with("required", needed)
                    .with("from", first)
                    .with("to", last),
                if unreadable {
                    Outcome::Incomplete
                } else {
                    Outcome::Fail
                },
            );
        }
    }
}
