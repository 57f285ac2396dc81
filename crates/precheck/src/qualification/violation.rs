//! `no_major_violation` (GPL Art. 22(五), GPL-IR Art. 19, 财库〔2022〕3号; RULES.md §2.1).
//!
//! A record counts when `as_of − lookbackYears < decidedOn ≤ as_of`. It is major when it is a
//! criminal penalty, an order to suspend production or business, a revocation of a permit or
//! licence, or a fine of at least `majorFineThreshold` (exact decimals, 万元 converted). A
//! procurement ban fails while it runs (its end on or after the deadline) and does not count
//! once ended. Penalties by township-level bodies are information only (县级以上). A failing
//! record carries `clearsOn`: the first deadline on which it no longer counts.

use super::eval::{Eval, Outcome, G};
use super::window::{clears_on, in_window};
use crate::fields::money::Unit;
use crate::report::{codes, Raw};
use crate::value::Value;

pub const PENALTY_KEYS: &[&str] = &[
    "kind",
    "decidedOn",
    "fineAmount",
    "fineUnit",
    "issuerLevel",
    "banUntil",
    "description",
];

pub const PENALTY_KINDS: &[&str] = &[
    "criminal",
    "suspension",
    "revocation",
    "fine",
    "procurement_ban",
    "warning",
    "confiscation",
    "other",
];

pub const ISSUER_LEVELS: &[&str] = &["township", "county", "city", "province", "national"];

const G_V: Option<G> = Some(G::Violation);

impl Eval<'_> {
    pub fn no_major_violation(&mut self, app: &Value) {
        let list = self.array(G_V, "penalties", app.get("penalties"));
        let typed_wrong = list.is_none() && app.get("penalties").is_some_and(|v| !v.is_null());
        self.evidence_path(
            G::Violation,
            list.is_some() || typed_wrong,
            self.commitments.violation,
            "noMajorViolation",
            "penalties",
        );
        for (i, v) in list.unwrap_or(&[]).iter().enumerate() {
            let rel = format!("penalties[{i}]");
            if let Some(p) = self.entry(G_V, &rel, v) {
                self.penalty(p, &rel, i + 1);
            }
        }
    }

    fn penalty(&mut self, p: &Value, rel: &str, number: usize) {
        self.unknown_keys(p, rel, PENALTY_KEYS);
        let as_of = self.ctx.as_of;
        let years = self.ctx.policy.lookback_years;
        let r = |k: &str| format!("{rel}.{k}");
        let kind = self.need(G_V, &r("kind"), |e| {
            e.choice(G_V, &r("kind"), p.get("kind"), PENALTY_KINDS)
        });
        let decided = self.need(G_V, &r("decidedOn"), |e| {
            e.date(G_V, &r("decidedOn"), p.get("decidedOn"))
        });
        let level = self.choice(G_V, &r("issuerLevel"), p.get("issuerLevel"), ISSUER_LEVELS);
        let unit = match self.choice(G_V, &r("fineUnit"), p.get("fineUnit"), &["yuan", "wan"]) {
            Some(u) if u == "wan" => Unit::Wan,
            _ => Unit::Yuan,
        };
        let fine = self.money(G_V, &r("fineAmount"), p.get("fineAmount"), unit, false);
        let ban_until = self.date(G_V, &r("banUntil"), p.get("banUntil"));
        self.free_text(G_V, &r("description"), p.get("description"));
        let (Some(kind), Some(decided)) = (kind, decided) else {
            return;
        };
        let base = |code: &'static str| {
            Raw::error(code)
                .with("number", number)
                .with("kind", &kind)
                .with("decidedOn", decided)
        };
        if decided > as_of {
            self.push(
                G_V,
                &r("decidedOn"),
                base(codes::NMV_DECIDED_AFTER_DEADLINE).with("asOf", as_of),
                Outcome::Incomplete,
            );
            return;
        }
        // A procurement ban: fails while it runs, whatever the decision date.
        if kind == "procurement_ban" {
            match ban_until {
                Some(end) if end >= as_of => self.push(
                    G_V,
                    &r("banUntil"),
                    base(codes::NMV_BAN_IN_FORCE)
                        .with("banUntil", end)
                        .with("asOf", as_of)
                        .with("clearsOn", end.add_days(1)),
                    Outcome::Fail,
                ),
                Some(end) => {
                    let mut raw = base(codes::NMV_BAN_ENDED).with("banUntil", end);
                    raw.severity = crate::report::Severity::Info;
                    self.push(G_V, &r("banUntil"), raw, Outcome::Note);
                }
                None => {
                    if p.get("banUntil").is_none_or(Value::is_null) {
                        self.required(G_V, &r("banUntil"));
                    }
                }
            }
            return;
        }
        let clears = clears_on(decided, years);
        if !in_window(decided, as_of, years) {
            let mut raw = base(codes::NMV_OUTSIDE_WINDOW)
                .with("years", years)
                .with("clearsOn", clears);
            raw.severity = crate::report::Severity::Info;
            self.push(G_V, &r("decidedOn"), raw, Outcome::Note);
            return;
        }
        if level.as_deref() == Some("township") && kind != "criminal" {
            let mut raw = base(codes::NMV_BELOW_COUNTY);
            raw.severity = crate::report::Severity::Info;
            self.push(G_V, &r("issuerLevel"), raw, Outcome::Note);
            return;
        }
        let threshold = self.ctx.policy.major_fine_threshold;
        match kind.as_str() {
            "criminal" | "suspension" | "revocation" => self.push(
                G_V,
                &r("kind"),
                base(codes::NMV_MAJOR_PENALTY)
                    .with("clearsOn", clears)
                    .with("years", years),
                Outcome::Fail,
            ),
            "fine" => match fine {
                Some(amount) if amount >= threshold => self.push(
                    G_V,
                    &r("fineAmount"),
                    base(codes::NMV_LARGE_FINE)
                        .with("amount", amount)
                        .with("threshold", threshold)
                        .with("clearsOn", clears)
                        .with("years", years),
                    Outcome::Fail,
                ),
                Some(amount) => {
                    let mut raw = base(codes::NMV_FINE_BELOW_THRESHOLD)
                        .with("amount", amount)
                        .with("threshold", threshold);
                    raw.severity = crate::report::Severity::Info;
                    self.push(G_V, &r("fineAmount"), raw, Outcome::Note);
                }
                None => {
                    if p.get("fineAmount").is_none_or(Value::is_null) {
                        self.required(G_V, &r("fineAmount"));
                    }
                }
            },
            "other" => {
                let mut raw = base(codes::NMV_OTHER_REVIEW);
                raw.severity = crate::report::Severity::Warning;
                self.push(G_V, &r("kind"), raw, Outcome::Note);
            }
            _ => {
                let mut raw = base(codes::NMV_NOT_MAJOR);
                raw.severity = crate::report::Severity::Info;
                self.push(G_V, &r("kind"), raw, Outcome::Note);
            }
        }
    }
}
