//! `no_major_violation` (GPL Art. 22(五), GPL-IR Art. 19, 财库〔2022〕3号; RULES.md §2.1).
//!
//! A record counts when `as_of − 3 years < decidedOn ≤ as_of` (the window is statutory, rev. 2).
//! It is major when it is a criminal penalty, an order to suspend production or business, an
//! order to close (rev. 2), a revocation of a permit or licence, or a fine of at least the
//! threshold of its sector (`sectorFineThresholds`, else 2,000,000.00 元; exact decimals, 万元
//! converted). The kinds the 2021 行政处罚法 Art. 9 added (降低资质等级, 限制开展生产经营活动,
//! 限制从业, 暂扣许可证件) and `other` are warnings for the purchaser's review; 警告, 通报批评,
//! 没收违法所得/非法财物 are not among the kinds GPL-IR Art. 19 names (information). A
//! procurement ban fails while it runs (its end on or after the deadline) and does not count
//! once ended. Penalties by township-level bodies count like any other (行政处罚法 Art. 24;
//! rev. 2). A failing record carries `clearsOn`: the first deadline on which it no longer counts.

use super::eval::{At, Eval, Outcome, G};
use super::window::{clears_on, in_window, WINDOW_YEARS};
use crate::fields::money::Unit;
use crate::report::{codes, Raw, Severity};
use crate::value::Value;

pub const PENALTY_KEYS: &[&str] = &[
    "kind",
    "decidedOn",
    "fineAmount",
    "fineUnit",
    "issuerLevel",
    "sector",
    "banUntil",
    "description",
];

pub const PENALTY_KINDS: &[&str] = &[
    "criminal",
    "suspension",
    "closure",
    "revocation",
    "fine",
    "procurement_ban",
    "qualification_downgrade",
    "business_restriction",
    "practice_restriction",
    "licence_suspension",
    "warning",
    "public_criticism",
    "confiscation",
    "other",
];

/// Kinds GPL-IR Art. 19 names as major (the fine aside): 刑事处罚, 责令停产停业, 责令关闭 (rev. 2),
/// 吊销许可证或者执照.
pub const MAJOR_KINDS: &[&str] = &["criminal", "suspension", "closure", "revocation"];

/// Kinds of 行政处罚法 (2021) Art. 9 that GPL-IR Art. 19 does not name but whose weight is close
/// to the named ones ("等"): a warning for the purchaser's review (rev. 2).
pub const REVIEW_KINDS: &[&str] = &[
    "qualification_downgrade",
    "business_restriction",
    "practice_restriction",
    "licence_suspension",
];

pub const ISSUER_LEVELS: &[&str] = &["township", "county", "city", "province", "national"];

const G_V: Option<G> = Some(G::Violation);

impl Eval<'_> {
    pub fn no_major_violation(&mut self, app: At) {
        let at = app.key("penalties");
        let list = self.array(G_V, at);
        let typed_wrong = list.is_none() && !at.is_absent();
        self.evidence_path(
            G::Violation,
            list.is_some() || typed_wrong,
            self.commitments.violation,
            "noMajorViolation",
            "penalties",
        );
        for i in 0..list.map_or(0, <[Value]>::len) {
            if let Some(p) = self.entry(G_V, at.index(i)) {
                self.penalty(p, i + 1);
            }
        }
    }

    fn penalty(&mut self, p: At, number: usize) {
        self.unknown_keys(p, PENALTY_KEYS);
        let as_of = self.ctx.as_of;
        let years = WINDOW_YEARS;
        let r = |k: &'static str| p.key(k);
        let (kind_rel, decided_rel) = (r("kind"), r("decidedOn"));
        let kind = self.need(G_V, kind_rel, |e| e.choice(G_V, kind_rel, PENALTY_KINDS));
        let decided = self.need(G_V, decided_rel, |e| e.date(G_V, decided_rel));
        let level = self.choice(G_V, r("issuerLevel"), ISSUER_LEVELS);
        let unit = match self.choice(G_V, r("fineUnit"), &["yuan", "wan"]) {
            Some("wan") => Unit::Wan,
            _ => Unit::Yuan,
        };
        let fine = self.money(G_V, r("fineAmount"), unit, false);
        let sector = self.text(G_V, r("sector"));
        let ban_until = self.date(G_V, r("banUntil"));
        self.free_text(G_V, r("description"));
        let (Some(kind), Some(decided)) = (kind, decided) else {
            return;
        };
        let base = |code: &'static str| {
            let raw = Raw::error(code)
                .with("number", number)
                .with("kind", kind)
                .with("decidedOn", decided);
            match &level {
                Some(l) => raw.with("issuerLevel", l),
                None => raw,
            }
        };
        if decided > as_of {
            self.push(
                G_V,
                r("decidedOn"),
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
                    r("banUntil"),
                    base(codes::NMV_BAN_IN_FORCE)
                        .with("banUntil", end)
                        .with("asOf", as_of)
                        .with("clearsOn", end.add_days(1)),
                    Outcome::Fail,
                ),
                Some(end) => {
                    let mut raw = base(codes::NMV_BAN_ENDED).with("banUntil", end);
                    raw.severity = Severity::Info;
                    self.push(G_V, r("banUntil"), raw, Outcome::Note);
                }
                None => {
                    if r("banUntil").is_absent() {
                        self.required(G_V, r("banUntil"));
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
            raw.severity = Severity::Info;
            self.push(G_V, r("decidedOn"), raw, Outcome::Note);
            return;
        }
        // rev. 2: a township-level body (乡镇人民政府、街道办事处, 行政处罚法 Art. 24) imposes
        // penalties like any other; the finding says so, and nothing is discounted.
        if level == Some("township") {
            let mut raw = base(codes::NMV_TOWNSHIP_COUNTS);
            raw.severity = Severity::Info;
            self.push(G_V, r("issuerLevel"), raw, Outcome::Note);
        }
        let k = kind;
        if MAJOR_KINDS.contains(&k) {
            self.push(
                G_V,
                r("kind"),
                base(codes::NMV_MAJOR_PENALTY)
                    .with("clearsOn", clears)
                    .with("years", years),
                Outcome::Fail,
            );
        } else if REVIEW_KINDS.contains(&k) {
            let mut raw = base(codes::NMV_KIND_FOR_REVIEW).with("clearsOn", clears);
            raw.severity = Severity::Warning;
            self.push(G_V, r("kind"), raw, Outcome::Note);
        } else if k == "fine" {
            let (threshold, own) = self.ctx.policy.fine_threshold(sector);
            let with_sector = |raw: Raw| match (&sector, own) {
                (Some(s), true) => raw.with("sector", s.chars().take(60).collect::<String>()),
                _ => raw,
            };
            match fine {
                Some(amount) if amount >= threshold => self.push(
                    G_V,
                    r("fineAmount"),
                    with_sector(base(codes::NMV_LARGE_FINE))
                        .with("amount", amount)
                        .with("threshold", threshold)
                        .with("clearsOn", clears)
                        .with("years", years),
                    Outcome::Fail,
                ),
                Some(amount) => {
                    let mut raw = with_sector(base(codes::NMV_FINE_BELOW_THRESHOLD))
                        .with("amount", amount)
                        .with("threshold", threshold);
                    raw.severity = Severity::Info;
                    self.push(G_V, r("fineAmount"), raw, Outcome::Note);
                }
                None => {
                    if r("fineAmount").is_absent() {
                        self.required(G_V, r("fineAmount"));
                    }
                }
            }
        } else if k == "other" {
            let mut raw = base(codes::NMV_OTHER_REVIEW);
            raw.severity = Severity::Warning;
            self.push(G_V, r("kind"), raw, Outcome::Note);
        } else {
            // 警告, 通报批评, 没收违法所得/非法财物: not among the kinds GPL-IR Art. 19 names.
            let mut raw = base(codes::NMV_KIND_NOT_NAMED);
            raw.severity = Severity::Info;
            self.push(G_V, r("kind"), raw, Outcome::Note);
        }
    }
}
