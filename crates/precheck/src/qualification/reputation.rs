//! `reputation_and_accounting` (GPL Art. 22(二), GPL-IR Art. 17(二), MOF-125): credit lists on
//! the query date, financial evidence and the balance-sheet identity.
//!
//! Financial evidence (rev. 2), in `financials`, any one of: `auditedReportYear` of a recent
//! fiscal year (the last, or the one before while the deadline is before the policy's
//! `auditedReportDueDate`; an older one leaves the group incomplete, never fails it);
//! `bankCreditLetter` (`true` or `{ issuedOn, issuer }`, not older than `bankLetterMaxAgeMonths`
//! when dated; where `acceptBankCreditLetter`); `guaranteeLetter` (`true` or `{ issuedOn,
//! issuer }`); `unauditedReport: true` for an entity established less than a year before the
//! deadline. When one is accepted, the problems of the others do not matter.
//!
//! Credit queries (rev. 2): dated after the deadline is fine; after today, a data error.

use super::entity::is_new_entity;
use super::eval::{At, Eval, Outcome, G};
use super::policy::MonthDay;
use super::window::months_before;
use crate::fields::date::Date;
use crate::fields::money::Unit;
use crate::report::{codes, Raw, Severity};
use crate::value::Value;

pub const CREDIT_KEYS: &[&str] = &[
    "queriedOn",
    "judgmentDefaulter",
    "majorTaxViolator",
    "procurementBlacklist",
    "abnormalOperation",
    "seriousIllegalDishonest",
];

pub const FINANCIAL_KEYS: &[&str] = &[
    "auditedReportYear",
    "totalAssets",
    "totalLiabilities",
    "ownersEquity",
    "bankCreditLetter",
    "guaranteeLetter",
    "unauditedReport",
];

/// The keys of a `bankCreditLetter` or `guaranteeLetter` object.
pub const LETTER_KEYS: &[&str] = &["issuedOn", "issuer"];

const G_REP: Option<G> = Some(G::Reputation);

impl Eval<'_> {
    pub fn reputation_and_accounting(&mut self, app: At) {
        let credit = self.object(G_REP, app.key("credit"));
        let financials = self.object(G_REP, app.key("financials"));
        let commitment = self.commitments.reputation;
        let natural = self.is_natural_person();
        let has_docs = credit.is_some() || financials.is_some();
        let missing = if natural { "credit" } else { "financials" };
        self.evidence_path(
            G::Reputation,
            has_docs,
            commitment,
            "reputationAndAccounting",
            missing,
        );
        if !has_docs {
            return;
        }
        match credit {
            Some(c) => self.credit(c),
            None if self.committed(commitment) => {}
            None => self.required(G_REP, "credit"),
        }
        // A natural person keeps no accounts: the accounting part does not apply.
        if natural {
            if let Some(f) = financials {
                self.unknown_keys(f, FINANCIAL_KEYS);
            }
            return;
        }
        match financials {
            Some(f) => self.financials(f),
            None if self.committed(commitment) => {}
            None => self.required(G_REP, "financials"),
        }
    }

    fn credit(&mut self, c: At) {
        self.unknown_keys(c, CREDIT_KEYS);
        let as_of = self.ctx.as_of;
        let queried_at = c.key("queriedOn");
        let queried = self.need(G_REP, queried_at, |e| e.date(G_REP, queried_at));
        if let Some(q) = queried {
            let max = self.ctx.policy.credit_query_max_age_days;
            let age = as_of.days_since_epoch() - q.days_since_epoch();
            let today = self.ctx.today;
            // rev. 2: a query after the deadline is fine (purchasers query at opening or
            // evaluation); one after today cannot have been made.
            if q > today {
                self.push(
                    G_REP,
                    queried_at,
                    Raw::error(codes::REP_QUERY_IN_FUTURE)
                        .with("queriedOn", q)
                        .with("today", today),
                    Outcome::Incomplete,
                );
            } else if age > i64::from(max) {
                self.push(
                    G_REP,
                    queried_at,
                    Raw::error(codes::REP_QUERY_TOO_OLD)
                        .with("queriedOn", q)
                        .with("asOf", as_of)
                        .with("ageDays", age)
                        .with("maxAgeDays", max),
                    Outcome::Incomplete,
                );
            }
        }
        for key in [
            "judgmentDefaulter",
            "majorTaxViolator",
            "procurementBlacklist",
        ] {
            let rel = c.key(key);
            let listed = self.need(G_REP, rel, |e| e.flag(G_REP, rel));
            if listed == Some(true) {
                self.push(
                    G_REP,
                    rel,
                    Raw::error(codes::REP_CREDIT_LISTED).with("list", key),
                    Outcome::Fail,
                );
            }
        }
        // Market-regulation lists: warnings unless the policy makes them errors (rev. 2).
        let policy = self.ctx.policy;
        for (key, code, severity) in [
            (
                "abnormalOperation",
                codes::REP_ABNORMAL_OPERATION,
                policy.abnormal_operation_severity,
            ),
            (
                "seriousIllegalDishonest",
                codes::REP_SERIOUS_ILLEGAL_DISHONEST,
                policy.serious_illegal_dishonest_severity,
            ),
        ] {
            let rel = c.key(key);
            if self.flag(G_REP, rel) == Some(true) {
                let outcome = if severity == Severity::Error {
                    Outcome::Fail
                } else {
                    Outcome::Note
                };
                self.push(G_REP, rel, Raw::new(code, severity), outcome);
            }
        }
    }

    /// A letter (`bankCreditLetter`, `guaranteeLetter`): `None` when not given (absent, `null`,
    /// `false`) or unreadable (with a finding); `Some(issuedOn)` when given.
    fn letter(&mut self, f: At, key: &str) -> Option<Option<Date>> {
        let o = f.key(key);
        match o.value {
            None | Some(Value::Null) | Some(Value::Bool(false)) => None,
            Some(Value::Bool(true)) => Some(None),
            Some(Value::Object(_)) => {
                self.unknown_keys(o, LETTER_KEYS);
                let issued_at = o.key("issuedOn");
                let issued = self.date(G_REP, issued_at);
                self.text(G_REP, o.key("issuer"));
                let unreadable = issued.is_none() && !issued_at.is_absent();
                (!unreadable).then_some(issued)
            }
            Some(_) => {
                self.wrong_type(G_REP, o, o.wrong_type("flag_or_object"));
                None
            }
        }
    }

    fn financials(&mut self, f: At) {
        self.unknown_keys(f, FINANCIAL_KEYS);
        let as_of = self.ctx.as_of;
        let policy = self.ctx.policy;
        let last = as_of.year().saturating_sub(1);
        // Before the due date last year's audits are normally not out: the year before counts.
        let before_due = MonthDay::of(as_of) < policy.audited_report_due_date;
        let earliest = if before_due {
            last.saturating_sub(1)
        } else {
            last
        };
        let due = policy.audited_report_due_date;
        let mut accepted = false;
        // Problems of a piece of evidence: they matter only when no other is accepted.
        let mut pending: Vec<(String, Raw)> = vec![];
        // Findings from here on about unreadable evidence make "missing" say too little.
        let before = self.notes.len();
        let rel_year = f.key("auditedReportYear");
        let year = match self.text(G_REP, rel_year) {
            None => None,
            Some(t) => {
                let digits = t.trim_end_matches('年').trim();
                match digits.parse::<i32>() {
                    Ok(y) if (1900..=9999).contains(&y) && digits.len() == 4 => Some(y),
                    _ => {
                        self.push(
                            G_REP,
                            rel_year,
                            Raw::error(codes::REP_AUDIT_YEAR_INVALID)
                                .with("value", t.chars().take(20).collect::<String>()),
                            Outcome::Incomplete,
                        );
                        None
                    }
                }
            }
        };
        match year {
            Some(y) if y > last => self.push(
                G_REP,
                rel_year,
                Raw::error(codes::REP_AUDIT_YEAR_NOT_CLOSED)
                    .with("year", y)
                    .with("lastYear", last),
                Outcome::Incomplete,
            ),
            Some(y) if y >= earliest => accepted = true,
            Some(y) => pending.push((
                rel_year.path_text(),
                Raw::error(codes::REP_AUDIT_YEAR_OLD)
                    .with("year", y)
                    .with("lastYear", last)
                    .with("earliestYear", earliest)
                    .with("dueDate", due),
            )),
            None => {}
        }
        let bank = self.letter(f, "bankCreditLetter");
        if let Some(issued) = bank {
            let rel = f.key("bankCreditLetter");
            let oldest = months_before(as_of, policy.bank_letter_max_age_months);
            match issued {
                _ if !policy.accept_bank_credit_letter => pending.push((
                    rel.path_text(),
                    Raw::error(codes::REP_BANK_LETTER_NOT_ACCEPTED),
                )),
                Some(d) if d > as_of => pending.push((
                    rel.key("issuedOn").path_text(),
                    Raw::error(codes::REP_LETTER_AFTER_DEADLINE)
                        .with("issuedOn", d)
                        .with("asOf", as_of),
                )),
                Some(d) if d < oldest => pending.push((
                    rel.key("issuedOn").path_text(),
                    Raw::error(codes::REP_BANK_LETTER_TOO_OLD)
                        .with("issuedOn", d)
                        .with("asOf", as_of)
                        .with("oldest", oldest)
                        .with("maxAgeMonths", policy.bank_letter_max_age_months),
                )),
                _ => accepted = true,
            }
        }
        let guarantee = self.letter(f, "guaranteeLetter");
        match guarantee {
            Some(Some(d)) if d > as_of => pending.push((
                f.key("guaranteeLetter").key("issuedOn").path_text(),
                Raw::error(codes::REP_LETTER_AFTER_DEADLINE)
                    .with("issuedOn", d)
                    .with("asOf", as_of),
            )),
            Some(_) => accepted = true,
            None => {}
        }
        let new_entity = self.established.is_some_and(|e| is_new_entity(e, as_of));
        let rel_unaudited = f.key("unauditedReport");
        let unaudited = self.flag(G_REP, rel_unaudited);
        if unaudited == Some(true) {
            if new_entity {
                accepted = true;
                self.new_entity_note(rel_unaudited);
            } else {
                pending.push((
                    rel_unaudited.path_text(),
                    Raw::error(codes::REP_UNAUDITED_NOT_NEW),
                ));
            }
        }
        if !accepted {
            let unreadable = self
                .notes
                .iter()
                .skip(before)
                .any(|n| n.outcome != Outcome::Note);
            if !pending.is_empty() {
                for (rel, raw) in pending {
                    self.push(G_REP, &rel, raw, Outcome::Incomplete);
                }
            } else if !unreadable {
                let bank_ok = policy.accept_bank_credit_letter;
                let alternatives = match (bank_ok, new_entity) {
                    (true, true) => "bank_guarantee_unaudited",
                    (true, false) => "bank_guarantee",
                    (false, true) => "guarantee_unaudited",
                    (false, false) => "guarantee",
                };
                self.push(
                    G_REP,
                    rel_year,
                    Raw::error(codes::REP_AUDIT_MISSING)
                        .with("lastYear", last)
                        .with("earliestYear", earliest)
                        .with("newEntity", new_entity)
                        .with("alternatives", alternatives),
                    Outcome::Incomplete,
                );
            }
        }
        self.balance(f);
    }

    fn new_entity_note(&mut self, at: At) {
        let established = self.established.map(|d| d.to_string()).unwrap_or_default();
        self.push(
            G_REP,
            at,
            Raw::info(codes::REP_NEW_ENTITY_ALTERNATIVE).with("establishedOn", established),
            Outcome::Note,
        );
    }

    /// Total assets = total liabilities + owners' equity, to the fen.
    fn balance(&mut self, f: At) {
        let assets_at = f.key("totalAssets");
        let assets = self.money(G_REP, assets_at, Unit::Yuan, false);
        let liabilities = self.money(G_REP, f.key("totalLiabilities"), Unit::Yuan, false);
        // Owners' equity may be negative (liabilities above assets); that is not a data error.
        let equity = self.money(G_REP, f.key("ownersEquity"), Unit::Yuan, true);
        if let (Some(a), Some(l), Some(e)) = (assets, liabilities, equity) {
            let sum = l + e;
            if a != sum {
                self.push(
                    G_REP,
                    assets_at,
                    Raw::error(codes::REP_BALANCE_MISMATCH)
                        .with("totalAssets", a)
                        .with("totalLiabilities", l)
                        .with("ownersEquity", e)
                        .with("sum", sum)
                        .with("difference", a - sum),
                    Outcome::Fail,
                );
            }
        }
    }
}
