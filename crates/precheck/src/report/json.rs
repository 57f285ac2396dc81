//! The JSON text of findings and reports, written by hand (issue 13): the bytes
//! `serde_json::to_string` writes for the same value — the same keys in the same order, the
//! same skipped fields, the same escapes — without serde's machinery on the way. The supplier
//! and package reports the wasm `checkSupplier` / `checkPackage` hand to JS and the CLI's
//! `--format json` lines are written here; `tests/report_json.rs` holds the text to
//! serde_json's over every scenario row, in every locale, and the escapes over all of Unicode.

use super::{Finding, Params, Severity};

/// `01…` every byte: the SWAR constants of the word scans below.
const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// The zero bytes of `x`, marked by their high bit. A borrow of the subtraction can mark a byte
/// only above one that truly is zero, so the lowest mark is exact (and "none" is).
#[inline(always)]
fn zero_bytes(x: u64) -> u64 {
    x.wrapping_sub(LO) & !x & HI
}

/// The bytes of `w` that are below U+0020, `"` or `\` (the bytes a JSON string must escape),
/// marked by their high bit; the lowest mark exact, as in [`zero_bytes`].
#[inline(always)]
fn escape_mask(w: u64) -> u64 {
    (w.wrapping_sub(LO * 0x20) & !w & HI)
        | zero_bytes(w ^ (LO * u64::from(b'"')))
        | zero_bytes(w ^ (LO * u64::from(b'\\')))
}

#[inline(always)]
fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// The index of the first byte from `at` on that `mask` marks in its word (lowest mark exact),
/// eight bytes at a time; `byte` decides the last few. The one word scan of the crate.
#[inline(always)]
fn first_marked(
    bytes: &[u8],
    mut at: usize,
    mask: impl Fn(u64) -> u64,
    byte: impl Fn(u8) -> bool,
) -> Option<usize> {
    while let Some(chunk) = bytes.get(at..at + 8) {
        let m = mask(<[u8; 8]>::try_from(chunk).map_or(0, u64::from_le_bytes));
        if m != 0 {
            return Some(at + (m.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    let rest = bytes.get(at..)?;
    rest.iter().position(|&b| byte(b)).map(|i| i + at)
}

/// The index of the first byte from `at` on that needs an escape (CJK text, whose bytes are all
/// ≥ 0x80, never needs one). The JSON reader finds the end of a string's plain run with it too.
#[inline(always)]
pub(crate) fn next_escape(bytes: &[u8], at: usize) -> Option<usize> {
    first_marked(bytes, at, escape_mask, needs_escape)
}

/// The index of the first `c` in `bytes` (message templates are scanned for `{` with it: mostly
/// Chinese, three bytes a character).
pub(crate) fn next_byte(bytes: &[u8], c: u8) -> Option<usize> {
    let pattern = LO.wrapping_mul(u64::from(c));
    first_marked(bytes, 0, |w| zero_bytes(w ^ pattern), |b| b == c)
}

/// `s` as a JSON string, escaped as serde_json escapes it: `"` `\` and the control characters
/// below U+0020 (`\b \t \n \f \r` by name, the others as `\u00xx`); everything else as is.
/// The runs between escapes are copied whole.
pub fn push_str(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    let bytes = s.as_bytes();
    let mut start = 0;
    while let Some(i) = next_escape(bytes, start) {
        // `i` is at an ASCII byte: a character boundary.
        out.push_str(s.get(start..i).unwrap_or_default());
        let b = bytes.get(i).copied().unwrap_or(0);
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            0x08 => out.push_str("\\b"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            0x0c => out.push_str("\\f"),
            b'\r' => out.push_str("\\r"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                for d in [b >> 4, b & 0xf] {
                    out.push(HEX.get(usize::from(d)).map_or('0', |&h| char::from(h)));
                }
            }
        }
        start = i + 1;
    }
    out.push_str(s.get(start..).unwrap_or_default());
    out.push('"');
}

/// `"key":`, with the comma before it unless `first`. Keys are the code's own ASCII names.
#[inline]
pub fn push_key(out: &mut String, first: bool, key: &str) {
    if !first {
        out.push(',');
    }
    out.push('"');
    out.push_str(key);
    out.push_str("\":");
}

/// A severity's serde name.
pub fn severity_name(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

/// Each of `items` written by `write`, separated by commas (the brackets are the caller's).
fn push_each<T>(
    out: &mut String,
    items: impl IntoIterator<Item = T>,
    mut write: impl FnMut(&mut String, T),
) {
    for (i, x) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write(out, x);
    }
}

/// A key and its string value, `"k":"v"`.
fn push_entry(out: &mut String, k: &str, v: &str) {
    push_str(out, k);
    out.push(':');
    push_str(out, v);
}

/// A finding's params: an object of strings in key order.
pub fn push_params(out: &mut String, params: &Params) {
    out.push('{');
    push_each(out, params, |o, (k, v)| push_entry(o, k, v));
    out.push('}');
}

/// One finding.
pub fn push_finding(out: &mut String, f: &Finding) {
    out.push_str("{\"path\":");
    push_str(out, &f.path);
    out.push_str(",\"code\":");
    push_str(out, f.code);
    out.push_str(",\"severity\":\"");
    out.push_str(severity_name(f.severity));
    out.push('"');
    if let Some(g) = f.group {
        out.push_str(",\"group\":");
        push_str(out, g);
    }
    if let Some(b) = f.basis {
        out.push_str(",\"basis\":");
        push_str(out, b);
    }
    out.push_str(",\"message\":");
    push_str(out, &f.message);
    out.push_str(",\"params\":");
    push_params(out, &f.params);
    out.push('}');
}

/// A list of findings.
pub fn push_findings<'f>(out: &mut String, findings: impl IntoIterator<Item = &'f Finding>) {
    out.push('[');
    push_each(out, findings, push_finding);
    out.push(']');
}

#[cfg(feature = "catalogue")]
pub use catalogue::*;

/// Catalogue items, item paths and screening reports, as the wasm module hands them to JS.
#[cfg(feature = "catalogue")]
mod catalogue {
    use super::*;
    use crate::catalogue::screen::ScreenReport;
    use crate::catalogue::{CatalogueItem, Origin, Requirement, Withdrawn};
    use crate::fields::date::Date;

    /// `key` (with its comma and colon) and the string, when there is one; nothing otherwise.
    pub(super) fn push_field_if(out: &mut String, key: &str, value: Option<&str>) {
        if let Some(v) = value {
            out.push_str(key);
            push_str(out, v);
        }
    }

    pub(super) fn push_date(out: &mut String, d: Date) {
        use std::fmt::Write as _;
        out.push('"');
        let _ = write!(out, "{d}");
        out.push('"');
    }

    pub(super) fn push_requirement(out: &mut String, r: &Requirement) {
        out.push_str("{\"kind\":");
        push_str(out, &r.kind);
        push_field_if(out, ",\"minGrade\":", r.min_grade.as_deref());
        push_field_if(out, ",\"issuer\":", r.issuer.as_deref());
        out.push('}');
    }

    fn push_origin(out: &mut String, o: &Origin) {
        out.push_str("{\"issuer\":");
        push_str(out, &o.issuer);
        out.push_str(",\"version\":");
        push_str(out, &o.version);
        out.push_str(",\"change\":");
        push_str(out, &o.change);
        push_field_if(out, ",\"from\":", o.from.as_deref());
        out.push('}');
    }

    /// `,"key":[…]` when the list is not empty (serde's `skip_serializing_if = "Vec::is_empty"`).
    fn push_list_if<T>(
        out: &mut String,
        key: &str,
        list: &[T],
        write: impl FnMut(&mut String, &T),
    ) {
        if !list.is_empty() {
            push_key(out, false, key);
            out.push('[');
            push_each(out, list, write);
            out.push(']');
        }
    }

    fn push_strings(out: &mut String, list: &[&str]) {
        out.push('[');
        push_each(out, list, |o, s| push_str(o, s));
        out.push(']');
    }

    /// One catalogue item (`CatalogueItem`'s serde text).
    pub fn push_catalogue_item(out: &mut String, it: &CatalogueItem) {
        out.push_str("{\"code\":");
        push_str(out, &it.code);
        out.push_str(",\"name\":");
        push_str(out, &it.name);
        out.push_str(",\"level\":");
        crate::report::push_u64(out, u64::from(it.level));
        push_field_if(out, ",\"parent\":", it.parent.as_deref());
        let text = |o: &mut String, s: &String| push_str(o, s);
        push_list_if(out, "aliases", &it.aliases, text);
        push_list_if(out, "keywords", &it.keywords, text);
        push_list_if(out, "pinmu", &it.pinmu, text);
        push_list_if(out, "requirements", &it.requirements, push_requirement);
        for (key, d) in [("validFrom", it.valid_from), ("validTo", it.valid_to)] {
            if let Some(d) = d {
                push_key(out, false, key);
                push_date(out, d);
            }
        }
        push_list_if(out, "origin", &it.origin, push_origin);
        out.push('}');
    }

    /// A list of items (`get` of several, `children`, `path`).
    pub fn catalogue_items_text<'i>(items: impl IntoIterator<Item = &'i CatalogueItem>) -> String {
        let mut out = String::with_capacity(256);
        out.push('[');
        push_each(&mut out, items, push_catalogue_item);
        out.push(']');
        out
    }

    /// One item's JSON text.
    pub fn catalogue_item_text(it: &CatalogueItem) -> String {
        let mut out = String::with_capacity(256);
        push_catalogue_item(&mut out, it);
        out
    }

    fn push_withdrawn(out: &mut String, w: &Withdrawn) {
        out.push_str("{\"code\":");
        push_str(out, &w.code);
        out.push_str(",\"name\":");
        push_str(out, &w.name);
        push_field_if(out, ",\"reason\":", w.reason.as_deref());
        out.push_str(",\"issuer\":");
        push_str(out, &w.issuer);
        out.push_str(",\"version\":");
        push_str(out, &w.version);
        out.push('}');
    }

    /// A whole catalogue as `toJson` gives it (loadable again): its version, issuer, note,
    /// items and, when an overlay withdrew any, the withdrawn items.
    pub fn catalogue_text(
        version: &str,
        issuer: &str,
        note: Option<&str>,
        items: &[CatalogueItem],
        withdrawn: &[Withdrawn],
    ) -> String {
        let mut out = String::with_capacity(256 * items.len() + 64);
        out.push_str("{\"version\":");
        push_str(&mut out, version);
        out.push_str(",\"issuer\":");
        push_str(&mut out, issuer);
        push_field_if(&mut out, ",\"note\":", note);
        out.push_str(",\"items\":[");
        push_each(&mut out, items, push_catalogue_item);
        out.push(']');
        push_list_if(&mut out, "withdrawn", withdrawn, push_withdrawn);
        out.push('}');
        out
    }

    /// A list of names (the embedded catalogues').
    pub fn names_text(names: &[&str]) -> String {
        let mut out = String::new();
        push_strings(&mut out, names);
        out
    }

    /// A path entry (`PathEntry`'s serde text) of an item's code and name.
    pub fn push_path_entry(out: &mut String, code: &str, name: &str) {
        out.push_str("{\"code\":");
        push_str(out, code);
        out.push_str(",\"name\":");
        push_str(out, name);
        out.push('}');
    }

    /// A screening report (`ScreenReport`'s serde text).
    pub fn screen_report_text(r: &ScreenReport) -> String {
        let mut out = String::with_capacity(1024);
        out.push_str("{\"ok\":");
        out.push_str(if r.ok { "true" } else { "false" });
        out.push_str(",\"findings\":");
        push_findings(&mut out, &r.findings);
        if let Some(item) = &r.item {
            out.push_str(",\"item\":{\"code\":");
            push_str(&mut out, &item.code);
            out.push_str(",\"name\":");
            push_str(&mut out, &item.name);
            out.push_str(",\"path\":[");
            push_each(&mut out, &item.path, |o, e| {
                push_path_entry(o, &e.code, &e.name)
            });
            out.push_str("]}");
        }
        if let Some(m) = r.term_months {
            out.push_str(",\"termMonths\":");
            crate::report::push_u64(&mut out, u64::from(m));
        }
        out.push_str(",\"asOf\":");
        push_date(&mut out, r.as_of);
        out.push_str(",\"catalogue\":");
        push_str(&mut out, &r.catalogue);
        out.push('}');
        out
    }
}

#[cfg(feature = "qualification")]
pub use reports::*;

#[cfg(feature = "qualification")]
mod reports {
    use super::*;
    use crate::qualification::package::{PackageConflict, PackageReport};
    use crate::qualification::policy::{MonthDay, Policy};
    use crate::qualification::{
        CheckGroup, CheckedItem, Evidence, GroupSummary, MemberReport, Status, SupplierReport,
        Verdict,
    };
    use crate::report::push_u64;

    use super::catalogue::{push_date, push_field_if, push_requirement};

    fn push_opt_str(out: &mut String, s: Option<&str>) {
        match s {
            Some(s) => push_str(out, s),
            None => out.push_str("null"),
        }
    }

    fn push_bool(out: &mut String, b: bool) {
        out.push_str(if b { "true" } else { "false" });
    }

    fn verdict_name(v: Verdict) -> &'static str {
        match v {
            Verdict::Pass => "pass",
            Verdict::Fail => "fail",
            Verdict::Incomplete => "incomplete",
        }
    }

    fn status_name(s: Status) -> &'static str {
        match s {
            Status::Pass => "pass",
            Status::Fail => "fail",
            Status::Incomplete => "incomplete",
            Status::NotApplicable => "not_applicable",
        }
    }

    /// A fixed name as a JSON string (the code's own names need no escape).
    fn push_name(out: &mut String, name: &str) {
        out.push('"');
        out.push_str(name);
        out.push('"');
    }

    fn push_evidence(out: &mut String, e: Option<Evidence>) {
        out.push_str(match e {
            Some(Evidence::Documents) => "\"documents\"",
            Some(Evidence::Commitment) => "\"commitment\"",
            None => "null",
        });
    }

    fn push_month_day(out: &mut String, md: MonthDay) {
        if md.month < 100 && md.day < 100 {
            out.push('"');
            for (i, n) in [md.month, md.day].into_iter().enumerate() {
                if i > 0 {
                    out.push('-');
                }
                out.push(char::from(b'0' + n / 10));
                out.push(char::from(b'0' + n % 10));
            }
            out.push('"');
        } else {
            push_str(out, &md.to_string());
        }
    }

    /// A group; its findings' text (without the brackets) given or written here.
    fn push_group(out: &mut String, g: &CheckGroup, findings: Option<&str>) {
        out.push_str("{\"id\":");
        push_name(out, g.id);
        out.push_str(",\"status\":");
        push_name(out, status_name(g.status));
        out.push_str(",\"path\":");
        push_evidence(out, g.path);
        out.push_str(",\"findings\":");
        match findings {
            Some(text) => {
                out.push('[');
                out.push_str(text);
                out.push(']');
            }
            None => push_findings(out, &g.findings),
        }
        if let Some(p) = &g.params {
            out.push_str(",\"params\":");
            push_params(out, p);
        }
        out.push('}');
    }

    fn push_summary(out: &mut String, g: &GroupSummary) {
        out.push_str("{\"id\":");
        push_name(out, g.id);
        out.push_str(",\"status\":");
        push_name(out, status_name(g.status));
        out.push_str(",\"path\":");
        push_evidence(out, g.path);
        out.push('}');
    }

    fn push_member(out: &mut String, m: &MemberReport) {
        out.push_str("{\"path\":");
        push_str(out, &m.path);
        push_field_if(out, ",\"name\":", m.name.as_deref());
        out.push_str(",\"verdict\":");
        push_name(out, verdict_name(m.verdict));
        out.push_str(",\"groups\":[");
        push_each(out, m.groups.iter(), push_summary);
        out.push_str("]}");
    }

    fn push_item(out: &mut String, item: &CheckedItem) {
        out.push_str("{\"code\":");
        push_str(out, &item.code);
        out.push_str(",\"name\":");
        push_str(out, &item.name);
        out.push_str(",\"catalogue\":");
        push_str(out, &item.catalogue);
        out.push_str(",\"requirements\":[");
        push_each(out, item.requirements.iter(), push_requirement);
        out.push_str("]}");
    }

    fn push_policy(out: &mut String, p: &Policy) {
        out.push_str("{\"sectorFineThresholds\":{");
        // rust_decimal serialises as its Display text (serde-str).
        push_each(out, &p.sector_fine_thresholds, |o, (k, v)| {
            push_entry(o, k, &v.to_string())
        });
        out.push('}');
        let int = |out: &mut String, k: &str, n: u32| {
            push_key(out, false, k);
            push_u64(out, u64::from(n));
        };
        int(out, "socialSecurityMonths", p.social_security_months);
        int(out, "taxMonths", p.tax_months);
        int(out, "paymentWindowMonths", p.payment_window_months);
        int(out, "creditQueryMaxAgeDays", p.credit_query_max_age_days);
        push_key(out, false, "allowCommitments");
        push_bool(out, p.allow_commitments);
        push_key(out, false, "abnormalOperationSeverity");
        push_name(out, severity_name(p.abnormal_operation_severity));
        push_key(out, false, "usccPilotAllowlist");
        out.push('[');
        push_each(out, p.uscc_pilot_allowlist.iter(), |o, s| push_str(o, s));
        out.push(']');
        push_key(out, false, "smePriceDeduction");
        push_str(out, &p.sme_price_deduction);
        push_key(out, false, "seriousIllegalDishonestSeverity");
        push_name(out, severity_name(p.serious_illegal_dishonest_severity));
        push_key(out, false, "auditedReportDueDate");
        push_month_day(out, p.audited_report_due_date);
        push_key(out, false, "acceptBankCreditLetter");
        push_bool(out, p.accept_bank_credit_letter);
        int(out, "bankLetterMaxAgeMonths", p.bank_letter_max_age_months);
        out.push('}');
    }

    /// The flat list of a report.
    enum Flat<'r> {
        /// `r.findings`.
        AsIs,
        /// Every group's findings, then `r.findings`, the groups' as written in `groups`: the
        /// text of each group's findings, at `ends[i]` the end of group `i`'s.
        GroupsThenRest { groups: &'r str, ends: &'r [usize] },
    }

    /// The report's fields, its flat list and item and policy given.
    fn push_report(
        out: &mut String,
        r: &SupplierReport,
        flat: Flat,
        item: Option<&CheckedItem>,
        policy: &Policy,
    ) {
        out.push_str("{\"verdict\":");
        push_name(out, verdict_name(r.verdict));
        out.push_str(",\"groups\":[");
        match flat {
            Flat::AsIs => {
                push_each(out, r.groups.iter(), |o, g| push_group(o, g, None));
                out.push_str("],\"findings\":");
                push_findings(out, &r.findings);
            }
            Flat::GroupsThenRest { groups, ends } => {
                let mut from = 0;
                for (i, g) in r.groups.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    let to = ends.get(i).copied().unwrap_or(from);
                    push_group(out, g, Some(groups.get(from..to).unwrap_or_default()));
                    from = to;
                }
                // The groups' findings again, copied, then the rest.
                out.push_str("],\"findings\":[");
                let mut first = true;
                let mut from = 0;
                for &to in ends {
                    if to > from {
                        if !first {
                            out.push(',');
                        }
                        out.push_str(groups.get(from..to).unwrap_or_default());
                        first = false;
                    }
                    from = to;
                }
                for f in &r.findings {
                    if !first {
                        out.push(',');
                    }
                    push_finding(out, f);
                    first = false;
                }
                out.push(']');
            }
        }
        if !r.members.is_empty() {
            out.push_str(",\"members\":[");
            push_each(out, r.members.iter(), push_member);
            out.push(']');
        }
        if let Some(item) = item {
            out.push_str(",\"item\":");
            push_item(out, item);
        }
        out.push_str(",\"asOf\":");
        push_date(out, r.as_of);
        out.push_str(",\"policy\":");
        push_policy(out, policy);
        out.push('}');
    }

    /// A supplier report as `serde_json::to_string` writes it.
    pub fn push_supplier_report(out: &mut String, r: &SupplierReport) {
        push_report(out, r, Flat::AsIs, r.item.as_ref(), &r.policy);
    }

    /// A report of [`crate::qualification::check_grouped`] written as the whole report
    /// [`crate::qualification::check`] gives (the bytes serde_json writes for that one): the
    /// flat list is every group's findings in group order, then `r.findings` (those of no
    /// group); the item and the policy are the options' (`item`, `policy`). Each grouped
    /// finding is written once, into `scratch` (cleared first; a buffer the caller reuses),
    /// and copied into both lists.
    pub fn push_whole_report(
        out: &mut String,
        scratch: &mut String,
        r: &SupplierReport,
        item: Option<&CheckedItem>,
        policy: &Policy,
    ) {
        scratch.clear();
        let mut ends = [0usize; 16];
        let ends = ends.get_mut(..r.groups.len()).unwrap_or_default();
        if ends.len() != r.groups.len() {
            // More groups than the report has ever had: written as the list says.
            let flat = SupplierReport {
                findings: r
                    .groups
                    .iter()
                    .flat_map(|g| g.findings.iter())
                    .chain(r.findings.iter())
                    .cloned()
                    .collect(),
                ..r.clone()
            };
            return push_report(out, &flat, Flat::AsIs, item, policy);
        }
        for (g, end) in r.groups.iter().zip(ends.iter_mut()) {
            push_each(scratch, g.findings.iter(), push_finding);
            *end = scratch.len();
        }
        let flat = Flat::GroupsThenRest {
            groups: scratch,
            ends,
        };
        push_report(out, r, flat, item, policy);
    }

    fn push_conflict(out: &mut String, c: &PackageConflict) {
        out.push_str("{\"code\":");
        push_str(out, c.code);
        out.push_str(",\"applications\":[");
        let [a, b] = c.applications;
        push_u64(out, a as u64);
        out.push(',');
        push_u64(out, b as u64);
        out.push_str("],\"paths\":[");
        let [p, q] = &c.paths;
        push_str(out, p);
        out.push(',');
        push_str(out, q);
        out.push_str("],\"names\":[");
        let [m, n] = &c.names;
        push_opt_str(out, m.as_deref());
        out.push(',');
        push_opt_str(out, n.as_deref());
        out.push_str("],\"params\":");
        push_params(out, &c.params);
        out.push('}');
    }

    /// A package report as `serde_json::to_string` writes it.
    pub fn push_package_report(out: &mut String, p: &PackageReport) {
        out.push_str("{\"reports\":[");
        push_each(out, p.reports.iter(), push_supplier_report);
        out.push_str("],\"conflicts\":[");
        push_each(out, p.conflicts.iter(), push_conflict);
        out.push_str("]}");
    }

    /// [`push_supplier_report`] into a new string.
    pub fn supplier_report_text(r: &SupplierReport) -> String {
        let mut out = String::with_capacity(8 * 1024);
        push_supplier_report(&mut out, r);
        out
    }

    /// [`push_package_report`] into a new string.
    pub fn package_report_text(p: &PackageReport) -> String {
        let mut out = String::with_capacity(16 * 1024);
        push_package_report(&mut out, p);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::next_byte;

    #[test]
    fn next_byte_is_position() {
        // Every position of the byte in texts of every length to 40, beside other bytes, 0x80
        // and 0xff (a borrow across them), and the byte xor 1 (what a borrow could mark above
        // a match: the xor leaves 0x01 there).
        for len in 0..40 {
            for at in 0..=len {
                for c in [b'{', b'}', b':', b'.', 0, 0x7f] {
                    for fill in [
                        b'a',
                        c ^ 1,
                        c.wrapping_sub(1),
                        c.wrapping_add(1),
                        0x80,
                        0xff,
                        0,
                    ] {
                        if fill == c {
                            continue;
                        }
                        let mut bytes = vec![fill; len];
                        if let Some(b) = bytes.get_mut(at) {
                            *b = c;
                        }
                        if let Some(b) = bytes.get_mut(at + 3) {
                            *b = c;
                        }
                        let want = bytes.iter().position(|&b| b == c);
                        assert_eq!(next_byte(&bytes, c), want, "{len} {at} {c} {fill}");
                    }
                }
            }
        }
    }
}
