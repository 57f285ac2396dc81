//! The evaluation state of one supplier (or of a consortium's own level): findings collected
//! raw with their full path, group and effect on the group's status, and the typed readers
//! that turn a wrong type into a finding instead of a failure.

use super::policy::Policy;
use super::{Evidence, Status};
use crate::catalogue::Requirement;
use crate::fields::date::Date;
use crate::fields::money::{self, Unit};
use crate::fields::text_present;
pub use crate::read::{At, Rel, WrongType};
use crate::report::{codes, field_label, Context, Finding, Locale, Raw, Severity};
use crate::tables;
use crate::value::Value;
use rust_decimal::Decimal;
use std::borrow::Cow;

/// Most entries read from one list (penalties, licences, …, members); more is a finding.
pub const MAX_ENTRIES: usize = 200;

/// The check groups (RULES.md §2), in report order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum G {
    Entity,
    Legal,
    Reputation,
    Capability,
    Tax,
    Violation,
    Other,
}

impl G {
    pub const ALL: [G; 7] = [
        G::Entity,
        G::Legal,
        G::Reputation,
        G::Capability,
        G::Tax,
        G::Violation,
        G::Other,
    ];
    pub fn id(self) -> &'static str {
        match self {
            G::Entity => "entity_eligibility",
            G::Legal => "legal_capacity",
            G::Reputation => "reputation_and_accounting",
            G::Capability => "equipment_and_capability",
            G::Tax => "tax_and_social_security",
            G::Violation => "no_major_violation",
            G::Other => "other_conditions",
        }
    }
    pub fn idx(self) -> usize {
        self as usize
    }
    /// This group's entry of a per-group array (by pattern: it cannot be out of bounds). Pass
    /// `a.each_ref()` to read an entry and `a.each_mut()` to change it.
    pub fn of<T>(self, [e, l, r, c, t, v, o]: [T; 7]) -> T {
        match self {
            G::Entity => e,
            G::Legal => l,
            G::Reputation => r,
            G::Capability => c,
            G::Tax => t,
            G::Violation => v,
            G::Other => o,
        }
    }
}

/// What a finding does to its group's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing (warnings and information).
    Note,
    /// The data is missing or unreadable: the group cannot be decided.
    Incomplete,
    /// The data shows the condition is not met.
    Fail,
}

/// A finding before rendering.
#[derive(Debug, Clone)]
pub struct Note {
    pub path: String,
    pub group: Option<G>,
    pub raw: Raw,
    pub outcome: Outcome,
}

/// What every supplier of one check shares.
pub struct Ctx<'c> {
    pub as_of: Date,
    /// The day of the check (rev. 2: credit queries may not be dated after it).
    pub today: Date,
    pub policy: &'c Policy,
    pub locale: Locale,
    /// The catalogue item's licence requirements (empty without an item).
    pub requirements: &'c [Requirement],
    /// The form's own labels (`opts.labels`).
    pub labels: &'c super::Labels,
    /// The report's flat `findings` holds every finding (else only those of no group: see
    /// [`super::check_grouped`]).
    pub flat: bool,
}

/// A licence as read from the form (its texts borrowed from the application).
#[derive(Debug, Clone)]
pub struct Licence<'a> {
    /// The consortium member whose licence it is (`None`: a single supplier's).
    pub member: Option<usize>,
    /// Its index in `licences`.
    pub index: usize,
    pub kind: Option<&'a str>,
    /// `kind` folded (`catalogue::text::fold`), for matching it against required kinds.
    pub kind_folded: String,
    pub grade: Option<&'a str>,
    pub issuer: Option<&'a str>,
    pub valid_until: Option<Date>,
    /// `validUntil` says 长期 / long-term (rev. 2).
    pub long_term: bool,
    /// No `validUntil` at all: not silently valid (rev. 2).
    pub undated: bool,
}

impl Licence<'_> {
    /// The full path of a field of the entry (`field` empty: the entry), e.g.
    /// `members[1].licences[0].validUntil`: written only for a finding.
    pub fn path(&self, field: &str) -> String {
        let mut p = String::with_capacity(32 + field.len());
        if let Some(m) = self.member {
            p.push_str("members[");
            crate::report::push_u64(&mut p, u64::try_from(m).unwrap_or(u64::MAX));
            p.push_str("].");
        }
        p.push_str("licences[");
        crate::report::push_u64(&mut p, u64::try_from(self.index).unwrap_or(u64::MAX));
        p.push(']');
        if !field.is_empty() {
            p.push('.');
            p.push_str(field);
        }
        p
    }
}

/// The signed commitments (资格承诺函) of a supplier.
#[derive(Debug, Clone, Copy, Default)]
pub struct Commitments {
    pub reputation: Option<bool>,
    pub capability: Option<bool>,
    pub tax: Option<bool>,
    pub violation: Option<bool>,
}

/// One supplier being evaluated.
pub struct Eval<'c> {
    pub ctx: &'c Ctx<'c>,
    /// `""` or `members[1].`.
    pub prefix: String,
    /// A consortium member's index (the `1` of `members[1].`).
    pub member: Option<usize>,
    pub notes: Vec<Note>,
    pub evidence: [Option<Evidence>; 7],
    pub not_applicable: [bool; 7],
    pub entity_type: Option<String>,
    pub established: Option<Date>,
    /// A 群团组织 (declared, or by its USCC's positions 1–2).
    pub mass_organization: bool,
    /// `licences` as given (`None` when the key is absent).
    pub licences: Option<Vec<Licence<'c>>>,
    /// A consortium member's `undertakes` (kinds of work under the agreement; rev. 2).
    pub undertakes: Option<Vec<String>>,
    pub commitments: Commitments,
}

impl<'c> Eval<'c> {
    pub fn new(ctx: &'c Ctx<'c>, prefix: String) -> Self {
        Eval {
            ctx,
            prefix,
            member: None,
            notes: vec![],
            evidence: [None; 7],
            not_applicable: [false; 7],
            entity_type: None,
            established: None,
            mass_organization: false,
            licences: None,
            undertakes: None,
            commitments: Commitments::default(),
        }
    }

    pub fn is_natural_person(&self) -> bool {
        self.entity_type.as_deref() == Some("natural_person")
    }

    /// The full path of a path relative to this supplier.
    pub fn at<'r>(&self, rel: impl Into<Rel<'r>>) -> String {
        let rel = rel.into();
        if rel.is_empty() {
            self.prefix.trim_end_matches('.').to_string()
        } else {
            let mut path = String::with_capacity(self.prefix.len() + 24);
            path.push_str(&self.prefix);
            rel.write(&mut path);
            path
        }
    }

    /// Record a finding at a path relative to this supplier.
    pub fn push<'r>(&mut self, g: Option<G>, rel: impl Into<Rel<'r>>, raw: Raw, outcome: Outcome) {
        let rel: Rel = rel.into();
        let path = self.at(rel);
        self.push_full(g, path, raw, outcome);
    }

    /// Record a finding at a full path.
    pub fn push_full(&mut self, g: Option<G>, path: String, raw: Raw, outcome: Outcome) {
        self.notes.push(Note {
            path,
            group: g,
            raw,
            outcome,
        });
    }

    /// Read a required value with `read`: when it yields nothing without a finding of its own
    /// (absent, `null`, blank), a `field.required` finding at `rel`.
    pub fn need<'r, T>(
        &mut self,
        g: Option<G>,
        rel: impl Into<Rel<'r>>,
        read: impl FnOnce(&mut Self) -> Option<T>,
    ) -> Option<T> {
        let rel: Rel = rel.into();
        let before = self.notes.len();
        let out = read(self);
        if out.is_none() && self.notes.len() == before {
            self.required(g, rel);
        }
        out
    }

    pub fn required<'r>(&mut self, g: Option<G>, rel: impl Into<Rel<'r>>) {
        let rel: Rel = rel.into();
        self.push(
            g,
            rel,
            Raw::error(codes::FIELD_REQUIRED),
            Outcome::Incomplete,
        );
    }

    pub fn wrong_type<'r>(&mut self, g: Option<G>, rel: impl Into<Rel<'r>>, w: WrongType) {
        self.push(
            g,
            rel,
            Raw::error(codes::QUAL_WRONG_TYPE)
                .with("expected", w.expected)
                .with("got", w.got),
            Outcome::Incomplete,
        );
    }

    /// A typed read of `at`: a wrong type is a finding there, and reads as nothing.
    fn read<T>(&mut self, g: Option<G>, at: At, read: Result<Option<T>, WrongType>) -> Option<T> {
        read.unwrap_or_else(|w| {
            self.wrong_type(g, at, w);
            None
        })
    }

    /// An object (or `None`: absent, `null` or — with a finding — of another type).
    pub fn object<'v, 'p>(&mut self, g: Option<G>, at: At<'v, 'p>) -> Option<At<'v, 'p>> {
        self.read(g, at, at.object())
    }

    /// An entry of a list: an object, else (`null` included: a row left empty) a finding.
    pub fn entry<'v, 'p>(&mut self, g: Option<G>, at: At<'v, 'p>) -> Option<At<'v, 'p>> {
        self.read(g, at, at.entry().map(Some))
    }

    /// A list, cut at [`MAX_ENTRIES`] with a finding.
    pub fn array<'v>(&mut self, g: Option<G>, at: At<'v, '_>) -> Option<&'v [Value<'v>]> {
        let items = self.read(g, at, at.array())?;
        if items.len() > MAX_ENTRIES {
            self.push(
                g,
                at,
                Raw::error(codes::QUAL_TOO_MANY)
                    .with("count", items.len())
                    .with("max", MAX_ENTRIES),
                Outcome::Incomplete,
            );
        }
        Some(items.get(..MAX_ENTRIES).unwrap_or(items))
    }

    /// Text (a number is accepted as its decimal text); blank is `None`.
    pub fn text<'v>(&mut self, g: Option<G>, at: At<'v, '_>) -> Option<&'v str> {
        // As `text_input(&Input::from(v), true)`, without copying the text first.
        let text = self.read(g, at, at.text())?;
        if text.len() <= crate::fields::MAX_LEN {
            // Most texts: the first character is not a space (so the text is present) and
            // neither end is white space (nothing to trim) — decided from the ends alone.
            let mut chars = text.chars();
            if let Some(first) = chars.next() {
                let last = chars.next_back().unwrap_or(first);
                if !crate::fields::normalize::is_space(first) && !last.is_whitespace() {
                    return Some(text);
                }
            }
        }
        // `text_present` without counting the characters of a text that cannot be too long
        // (no more bytes than the most characters allowed).
        let present = if text.len() <= crate::fields::MAX_LEN {
            Ok(!text.chars().all(crate::fields::normalize::is_space))
        } else {
            text_present(text)
        };
        match present {
            Ok(true) => Some(text.trim()),
            Ok(false) => None,
            Err(raw) => {
                self.push(g, at, raw, Outcome::Incomplete);
                None
            }
        }
    }

    /// Free text of any length (descriptions): only its type is checked.
    pub fn free_text(&mut self, g: Option<G>, at: At) {
        self.read(g, at, at.string());
    }

    /// `true` / `false`.
    pub fn flag(&mut self, g: Option<G>, at: At) -> Option<bool> {
        self.read(g, at, at.bool())
    }

    /// A date in any format [`Date::parse`] accepts.
    pub fn date(&mut self, g: Option<G>, at: At) -> Option<Date> {
        let t = self.text(g, at)?;
        match Date::parse(t) {
            Ok(d) => Some(d),
            Err(e) => {
                self.push(g, at, e.raw(t), Outcome::Incomplete);
                None
            }
        }
    }

    /// An amount in 元 (text or number, 元 or 万元). A negative amount where none is allowed
    /// fails the group; anything else unreadable leaves it incomplete.
    pub fn money(
        &mut self,
        g: Option<G>,
        at: At,
        unit: Unit,
        allow_negative: bool,
    ) -> Option<Decimal> {
        let t = self.text(g, at)?;
        match money::parse_amount(t, unit, allow_negative) {
            Ok(a) => Some(a.yuan),
            Err(raw) => {
                let outcome = if raw.code == codes::MONEY_NEGATIVE {
                    Outcome::Fail
                } else {
                    Outcome::Incomplete
                };
                self.push(g, at, raw, outcome);
                None
            }
        }
    }

    /// One of a fixed set of words.
    pub fn choice(
        &mut self,
        g: Option<G>,
        at: At,
        allowed: &[&'static str],
    ) -> Option<&'static str> {
        let t = self.text(g, at)?;
        if let Some(a) = allowed.iter().find(|a| **a == t) {
            Some(a)
        } else {
            self.push(
                g,
                at,
                Raw::error(codes::QUAL_BAD_CHOICE)
                    .with("value", t.chars().take(60).collect::<String>())
                    .with("allowed", allowed.join(" | ")),
                Outcome::Incomplete,
            );
            None
        }
    }

    /// Report the keys of `obj` that are not in `known` (information: they are ignored).
    pub fn unknown_keys(&mut self, obj: At, known: &[&str]) {
        for (k, _) in obj.entries().iter().take(MAX_ENTRIES) {
            if !known.iter().any(|known| crate::value::key_eq(known, k)) {
                self.push(
                    None,
                    obj.path.key(k),
                    Raw::info(codes::QUAL_UNKNOWN_FIELD)
                        .with("field", k.chars().take(60).collect::<String>()),
                    Outcome::Note,
                );
            }
        }
    }

    /// Decide how a group that accepts a commitment is satisfied (RULES.md §2): documents when
    /// given (they prevail over a commitment), else an allowed commitment, else the group is
    /// incomplete with `missing_rel` as the field to fill.
    pub fn evidence_path<'r>(
        &mut self,
        g: G,
        has_documents: bool,
        commitment: Option<bool>,
        commitment_key: &str,
        missing_rel: impl Into<Rel<'r>>,
    ) -> Option<Evidence> {
        let missing_rel: Rel = missing_rel.into();
        let commitments = Rel::from("commitments");
        let crel = commitments.key(commitment_key);
        let path = if has_documents {
            if commitment == Some(true) {
                self.push(
                    Some(g),
                    crel,
                    Raw::info(codes::QUAL_DOCUMENTS_PREVAIL),
                    Outcome::Note,
                );
            }
            Some(Evidence::Documents)
        } else if commitment == Some(true) {
            if self.ctx.policy.allow_commitments {
                self.push(
                    Some(g),
                    crel,
                    Raw::info(codes::QUAL_COMMITMENT_ACCEPTED),
                    Outcome::Note,
                );
                Some(Evidence::Commitment)
            } else {
                self.push(
                    Some(g),
                    crel,
                    Raw::error(codes::QUAL_COMMITMENT_NOT_ALLOWED),
                    Outcome::Incomplete,
                );
                None
            }
        } else {
            self.push(
                Some(g),
                missing_rel,
                Raw::error(codes::QUAL_EVIDENCE_MISSING),
                Outcome::Incomplete,
            );
            None
        };
        *g.of(self.evidence.each_mut()) = path;
        path
    }

    /// Whether an allowed commitment covers a part of a group the documents leave out.
    pub fn committed(&self, c: Option<bool>) -> bool {
        c == Some(true) && self.ctx.policy.allow_commitments
    }

    /// The status of a group from its findings.
    pub fn status(&self, g: G) -> Status {
        status_of(
            self.notes
                .iter()
                .filter(|n| n.group == Some(g))
                .map(|n| n.outcome),
            *g.of(self.not_applicable.each_ref()),
        )
    }
}

/// A group's status from the outcomes of its findings.
pub fn status_of(outcomes: impl Iterator<Item = Outcome>, not_applicable: bool) -> Status {
    let mut worst = Outcome::Note;
    for o in outcomes {
        match (worst, o) {
            (_, Outcome::Fail) => worst = Outcome::Fail,
            (Outcome::Note, Outcome::Incomplete) => worst = Outcome::Incomplete,
            _ => {}
        }
    }
    match worst {
        Outcome::Fail => Status::Fail,
        Outcome::Incomplete => Status::Incomplete,
        Outcome::Note if not_applicable => Status::NotApplicable,
        Outcome::Note => Status::Pass,
    }
}

/// `members[1].penalties[0].decidedOn` → (Some(1), `penalties[0].decidedOn`).
fn split_member(path: &str) -> (Option<usize>, &str) {
    if let Some(rest) = path.strip_prefix("members[") {
        if let Some((n, after)) = rest.split_once(']') {
            if let Ok(i) = n.parse::<usize>() {
                return (Some(i), after.strip_prefix('.').unwrap_or(after));
            }
        }
    }
    (None, path)
}

/// `penalties[0].decidedOn` → `penalties.decidedOn`: the text outside brackets (a `]`
/// without its `[` hides what follows it up to the next bracket, as an unbalanced depth does).
/// Brackets are ASCII: the runs between them are copied whole.
fn strip_indices(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut depth = 0i32;
    let mut from = 0;
    for (i, b) in path.bytes().enumerate() {
        if b == b'[' || b == b']' {
            if depth == 0 {
                out.push_str(path.get(from..i).unwrap_or_default());
            }
            depth = if b == b'[' {
                depth.saturating_add(1)
            } else {
                depth.saturating_sub(1)
            };
            from = i + 1;
        }
    }
    if depth == 0 {
        out.push_str(path.get(from..).unwrap_or_default());
    }
    out
}

/// `penalties[0].decidedOn` → `penalties[].decidedOn`.
fn any_index(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut depth = 0;
    for c in path.chars() {
        match c {
            '[' => {
                if depth == 0 {
                    out.push_str("[]");
                }
                depth = i32::saturating_add(depth, 1);
            }
            ']' => depth = i32::saturating_sub(depth, 1),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The form's own label of a path (`opts.labels`): the path itself
/// (`members[1].penalties[0].fineAmount`), then the key with `[]` for every index
/// (`members[].penalties[].fineAmount`), then the key without indices
/// (`members.penalties.fineAmount`).
fn given_label<'l>(labels: &'l super::Labels, path: &str) -> Option<&'l str> {
    if labels.is_empty() {
        return None;
    }
    labels
        .get(path)
        .or_else(|| labels.get(&any_index(path)))
        .or_else(|| labels.get(&strip_indices(path)))
        .map(String::as_str)
}

/// The label of a field path as the applicant knows it: the form's own (`opts.labels`, see
/// [`given_label`]; for a member's field, the label of the field without `members[i].` inside
/// "consortium member n"), else the most specific row of `data/labels.tsv` (`penalties.kind`,
/// then `kind`), inside "consortium member n" for members. Borrowed from the tables (or the
/// form's labels) where it can be: this runs once per finding.
pub fn label_for<'l>(path: &str, locale: Locale, labels: &'l super::Labels) -> Cow<'l, str> {
    if let Some(l) = given_label(labels, path) {
        return Cow::Borrowed(l);
    }
    let (member, rest) = split_member(path);
    let given = match member {
        Some(_) if !rest.is_empty() => given_label(labels, rest),
        _ => None,
    };
    let plain: Cow<str> = if rest.bytes().any(|b| b == b'[' || b == b']') {
        Cow::Owned(strip_indices(rest))
    } else {
        Cow::Borrowed(rest)
    };
    let label: Cow<'l, str> = match given {
        Some(g) => Cow::Borrowed(g),
        None => table_label(&plain, locale),
    };
    match member {
        Some(i) => {
            // `i` is read from the path, which can come from a key of the input
            // (`members[18446744073709551615]`): no overflow.
            let n = i.saturating_add(1).to_string();
            Cow::Owned(if rest.is_empty() {
                field_label("member", locale).replace("{n}", &n)
            } else {
                field_label("member.field", locale)
                    .replace("{n}", &n)
                    .replace("{label}", &label)
            })
        }
        None => label,
    }
}

/// A row of `data/labels.tsv` in a locale (the key itself when the row lacks the column, as
/// [`field_label`]).
fn table_row(key: &str, locale: Locale) -> Option<Cow<'static, str>> {
    let labels = tables::labels();
    let cols = labels.get(key)?;
    Some(
        match cols
            .get(locale.pick([0, 1, 2]))
            .and_then(|cell| labels.resolve(key, cell))
        {
            Some(text) => Cow::Borrowed(text),
            None => Cow::Owned(key.to_string()),
        },
    )
}

/// The label of a path without indices (`penalties.fineAmount`): the row of the longest
/// suffix of its segments (`penalties.fineAmount`, then `fineAmount`), else the last segment;
/// `application`'s label for no segment at all.
fn table_label(plain: &str, locale: Locale) -> Cow<'static, str> {
    // Segments without empty ones (a key of the input may hold dots): each suffix is a tail
    // of the text, nothing to join.
    let clean = !plain.is_empty()
        && !plain.starts_with('.')
        && !plain.ends_with('.')
        && !plain.as_bytes().windows(2).any(|w| w == b"..");
    if clean {
        let mut key = plain;
        loop {
            if let Some(l) = table_row(key, locale) {
                return l;
            }
            match key
                .bytes()
                .position(|b| b == b'.')
                .and_then(|i| key.get(i + 1..))
            {
                Some(tail) => key = tail,
                None => return Cow::Owned(key.to_string()),
            }
        }
    }
    let segments: Vec<&str> = plain.split('.').filter(|s| !s.is_empty()).collect();
    for start in 0..segments.len() {
        let key = segments.get(start..).unwrap_or(&[]).join(".");
        if let Some(l) = table_row(&key, locale) {
            return l;
        }
    }
    match segments.last() {
        None => table_row("application", locale).unwrap_or_default(),
        Some(last) => Cow::Owned(last.to_string()),
    }
}

/// Render a note.
pub fn render(note: Note, ctx: &Ctx) -> Finding {
    let locale = ctx.locale;
    let label = label_for(&note.path, locale, ctx.labels);
    let path = if note.path.is_empty() {
        "application".to_string()
    } else {
        note.path
    };
    Context {
        locale,
        path: "",
        label: &label,
        group: note.group.map(G::id),
    }
    .render_at(path, note.raw)
}

/// The effect of a field check's finding: identifier errors fail, unreadable input is
/// incomplete, warnings and information do nothing.
pub fn field_outcome(raw: &Raw) -> Outcome {
    match raw.severity {
        Severity::Error
            if matches!(
                raw.code,
                codes::FIELD_WRONG_TYPE
                    | codes::FIELD_NUMBER_NOT_TEXT
                    | codes::FIELD_TOO_LONG
                    | codes::FIELD_REQUIRED
            ) =>
        {
            Outcome::Incomplete
        }
        Severity::Error => Outcome::Fail,
        _ => Outcome::Note,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn paths_split() {
        assert_eq!(split_member("members[12].uscc"), (Some(12), "uscc"));
        assert_eq!(split_member("members[0]"), (Some(0), ""));
        assert_eq!(split_member("members"), (None, "members"));
        assert_eq!(
            strip_indices("penalties[2].fineAmount"),
            "penalties.fineAmount"
        );
        for p in [
            "",
            "a",
            "penalties[2].fineAmount",
            "members[1].licences[0].validUntil",
            "a]b[c]d",
            "a[[b]]c",
            "a[b",
            "]]x[y]z",
            "甲[0].乙",
            &"x[1].".repeat(40),
        ] {
            // The character-by-character form it replaced (issue 13).
            let mut want = String::new();
            let mut depth = 0i32;
            for c in p.chars() {
                match c {
                    '[' => depth = depth.saturating_add(1),
                    ']' => depth = depth.saturating_sub(1),
                    c if depth == 0 => want.push(c),
                    _ => {}
                }
            }
            assert_eq!(strip_indices(p), want, "{p}");
        }
    }
}
