//! `reputation_and_accounting` (GPL Art. 22(二), MOF-125): credit lists on the query date, the
//! audited report of the last fiscal year (or a new entity's bank credit letter) and the
//! balance-sheet identity.

use super::entity::is_new_entity;
use super::eval::{Eval, Outcome, G};
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
];

const G_REP: Option<G> = Some(G::Reputation);

impl Eval<'_> {
    pub fn reputation_and_accounting(&mut self, app: &Value) {
        let credit = self.object(G_REP, "credit", app.get("credit"));
        let financials = self.object(G_REP, "financials", app.get("financials"));
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
                self.unknown_keys(f, "financials", FINANCIAL_KEYS);
            }
            return;
        }
        match financials {
            Some(f) => self.financials(f),
            None if self.committed(commitment) => {}
            None => self.required(G_REP, "financials"),
        }
    }

    fn credit(&mut self, c: &Value) {
        self.unknown_keys(c, "credit", CREDIT_KEYS);
        let as_of = self.ctx.as_of;
        let queried = self.need(G_REP, "credit.queriedOn", |e| {
            e.date(G_REP, "credit.queriedOn", c.get("queriedOn"))
        });
        if let Some(q) = queried {
            let max = self.ctx.policy.credit_query_max_age_days;
            let age = as_of.days_since_epoch() - q.days_since_epoch();
            if q > as_of {
                self.push(
                    G_REP,
                    "credit.queriedOn",
                    Raw::error(codes::REP_QUERY_AFTER_DEADLINE)
                        .with("queriedOn", q)
                        .with("asOf", as_of),
                    Outcome::Incomplete,
                );
            } else if age > i64::from(max) {
                self.push(
                    G_REP,
                    "credit.queriedOn",
                    Raw::error(codes::REP_QUERY_TOO_OLD)
                        .with("queriedOn", q)
                        .with("asOf", as_of)
                        .with("ageDays", age)
                        .with("maxAgeDays", max),
                    Outcome::Incomplete,
                );
            }
        }
        for (key, required) in [
            ("judgmentDefaulter", true),
            ("majorTaxViolator", true),
            ("procurementBlacklist", true),
            ("seriousIllegalDishonest", false),
        ] {
            let rel = format!("credit.{key}");
            let listed = if required {
                self.need(G_REP, &rel, |e| e.flag(G_REP, &rel, c.get(key)))
            } else {
                self.flag(G_REP, &rel, c.get(key))
            };
            if listed == Some(true) {
                self.push(
                    G_REP,
                    &rel,
                    Raw::error(codes::REP_CREDIT_LISTED).with("list", key),
                    Outcome::Fail,
                );
            }
        }
        let rel = "credit.abnormalOperation";
        if self.flag(G_REP, rel, c.get("abnormalOperation")) == Some(true) {
            let severity = self.ctx.policy.abnormal_operation_severity;
            let outcome = if severity == Severity::Error {
                Outcome::Fail
            } else {
                Outcome::Note
            };
            self.push(
                G_REP,
                rel,
                Raw::new(codes::REP_ABNORMAL_OPERATION, severity),
                outcome,
            );
        }
    }

    fn financials(&mut self, f: &Value) {
        self.unknown_keys(f, "financials", FINANCIAL_KEYS);
        let as_of = self.ctx.as_of;
        let last = as_of.year().saturating_sub(1);
        let rel_year = "financials.auditedReportYear";
        let year = self.text(G_REP, rel_year, f.get("auditedReportYear"));
        let year = match year {
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
                        return self.balance(f);
                    }
                }
            }
        };
        let letter = self.flag(
            G_REP,
            "financials.bankCreditLetter",
            f.get("bankCreditLetter"),
        ) == Some(true);
        let new_entity = self.established.is_some_and(|e| is_new_entity(e, as_of));
        let alternative = new_entity && letter;
        match year {
            Some(y) if y > last => self.push(
                G_REP,
                rel_year,
                Raw::error(codes::REP_AUDIT_YEAR_NOT_CLOSED)
                    .with("year", y)
                    .with("lastYear", last),
                Outcome::Incomplete,
            ),
            Some(y) if y < last && !alternative => self.push(
                G_REP,
                rel_year,
                Raw::error(codes::REP_AUDIT_YEAR_OLD)
                    .with("year", y)
                    .with("lastYear", last),
                Outcome::Fail,
            ),
            Some(y) if y < last => self.new_entity_note(),
            Some(_) => {}
            None if alternative => self.new_entity_note(),
            // A year was given but could not be read: that finding says enough.
            None if f.get("auditedReportYear").is_some_and(|v| !v.is_null()) => {}
            None => self.push(
                G_REP,
                rel_year,
                Raw::error(codes::REP_AUDIT_MISSING)
                    .with("lastYear", last)
                    .with("newEntity", new_entity)
                    .with("bankCreditLetter", letter),
                Outcome::Incomplete,
            ),
        }
        self.balance(f);
    }

    fn new_entity_note(&mut self) {
        let established = self.established.map(|d| d.to_string()).unwrap_or_default();
        self.push(
            G_REP,
            "financials.bankCreditLetter",
            Raw::info(codes::REP_NEW_ENTITY_ALTERNATIVE).with("establishedOn", established),
            Outcome::Note,
        );
    }

    /// Total assets = total liabilities + owners' equity, to the fen.
    fn balance(&mut self, f: &Value) {
        let assets = self.money(
            G_REP,
            "financials.totalAssets",
            f.get("totalAssets"),
            Unit::Yuan,
            false,
        );
        let liabilities = self.money(
            G_REP,
            "financials.totalLiabilities",
            f.get("totalLiabilities"),
            Unit::Yuan,
            false,
        );
        // Owners' equity may be negative (liabilities above assets); that is not a data error.
        let equity = self.money(
            G_REP,
            "financials.ownersEquity",
            f.get("ownersEquity"),
            Unit::Yuan,
            true,
        );
        if let (Some(a), Some(l), Some(e)) = (assets, liabilities, equity) {
            let sum = l + e;
            if a != sum {
                self.push(
                    G_REP,
                    "financials.totalAssets",
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
