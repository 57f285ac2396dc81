//! Compiled-in TSV data tables (`data/*.tsv`), parsed once on first use.
//!
//! Format: one row per line, tab-separated, the first column the key; lines starting with `#`
//! and blank lines are comments.

use std::sync::OnceLock;

#[cfg(feature = "catalogue")]
use std::hash::{BuildHasherDefault, Hasher};

/// A word-at-a-time hash of the key's bytes (the FxHash step: rotate, xor a word, multiply):
/// the tables' keys are our own short texts (no one chooses them to collide), so a keyed SipHash
/// buys nothing here and costs code in the small fields module. Eight bytes a step, not one:
/// message codes are 11–59 bytes, 28 the median (`no_major_violation.outside_window`), looked up
/// for every finding.
#[cfg(feature = "catalogue")]
#[derive(Default)]
struct WordHash(u64);

#[cfg(feature = "catalogue")]
impl WordHash {
    fn step(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

#[cfg(feature = "catalogue")]
impl Hasher for WordHash {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in chunks.by_ref() {
            self.step(<[u8; 8]>::try_from(c).map_or(0, u64::from_le_bytes));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            for (d, b) in w.iter_mut().zip(rest) {
                *d = *b;
            }
            self.step(u64::from_le_bytes(w));
        }
    }
    /// Rotated, as rustc-hash 2 does: the multiply leaves the low bits, which pick the bucket,
    /// the weakest.
    fn finish(&self) -> u64 {
        self.0.rotate_left(26)
    }
}

/// The rows by key. Hashed in the whole API: a report looks up a message row and label rows for
/// every finding (a tree compares whole keys at every step, and many share long prefixes:
/// `no_major_violation.…`). A sorted vector in the fields-only build, where a call looks up a few rows
/// and the hash table's code would be most of what the table costs (issue 11: ~0.3 KB gz).
#[cfg(feature = "catalogue")]
type Rows =
    std::collections::HashMap<&'static str, Vec<&'static str>, BuildHasherDefault<WordHash>>;
#[cfg(not(feature = "catalogue"))]
type Rows = crate::sorted::SortedMap<&'static str, Vec<&'static str>>;

/// A parsed table: key → the other columns, plus the keys in file order.
pub struct Table {
    rows: Rows,
    order: Vec<&'static str>,
    /// The zh-TW texts build.rs wrote as [`SAME_IN_TRADITIONAL`], by row key: made when the
    /// first of them is asked for (a zh-CN or English page never makes them).
    derived: OnceLock<crate::sorted::SortedMap<&'static str, String>>,
}

/// A zh-TW cell of the message and label tables that is the zh-CN text before it with each
/// character in its traditional form (build.rs `traditional_from_simplified`).
const SAME_IN_TRADITIONAL: &str = "=";

/// The character pairs of that conversion: simplified, then traditional, by the simplified.
const S2T: &str = include_str!(concat!(env!("OUT_DIR"), "/s2t_messages.txt"));

/// `s` with each character in its traditional form ([`S2T`]).
fn traditional(s: &str, pairs: &[(char, char)]) -> String {
    s.chars()
        .map(|c| match pairs.binary_search_by_key(&c, |p| p.0) {
            Ok(i) => pairs.get(i).map_or(c, |p| p.1),
            Err(_) => c,
        })
        .collect()
}

impl Table {
    /// The reading of a data file as written (comments and blank lines skipped): the oracle of
    /// [`Table::parse_rows`] in the tests.
    #[cfg(test)]
    fn parse(text: &'static str) -> Table {
        let mut rows = Rows::default();
        let mut order = Vec::new();
        for line in text.lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t');
            if let Some(key) = cols.next() {
                rows.insert(key, cols.collect());
                order.push(key);
            }
        }
        Table {
            rows,
            order,
            derived: OnceLock::new(),
        }
    }

    /// A table as build.rs writes it to OUT_DIR: rows only, each ending in `\n` (comments and
    /// blank lines left out there, by the same test as [`Table::parse`]'s), so nothing to skip
    /// or trim here — what `parse` gives for the same text, in less code.
    fn parse_rows(text: &'static str) -> Table {
        let mut rows = Rows::default();
        let mut order = Vec::new();
        for line in text.split_terminator('\n') {
            let mut cols = line.split('\t');
            if let Some(key) = cols.next() {
                rows.insert(key, cols.collect());
                order.push(key);
            }
        }
        Table {
            rows,
            order,
            derived: OnceLock::new(),
        }
    }

    /// The columns after the key, if the key is in the table (a derived zh-TW cell as written,
    /// `=`: read texts with [`Table::text`]).
    pub fn get(&self, key: &str) -> Option<&[&'static str]> {
        self.rows.get(key).map(Vec::as_slice)
    }

    /// Column `col` after the key: a text, a derived zh-TW cell made from the column before it.
    pub fn text(&self, key: &str, col: usize) -> Option<&str> {
        let cell = *self.rows.get(key)?.get(col)?;
        self.resolve(key, cell)
    }

    /// A cell of `key`'s row as [`Table::get`] gave it, as [`Table::text`] gives it (for a
    /// caller that holds the row already): a derived zh-TW cell made from the column before it.
    pub fn resolve<'t>(&'t self, key: &str, cell: &'t str) -> Option<&'t str> {
        if cell != SAME_IN_TRADITIONAL {
            return Some(cell);
        }
        let derived = self.derived.get_or_init(|| {
            let pairs: Vec<char> = S2T.chars().collect();
            let pairs: Vec<(char, char)> = pairs
                .chunks_exact(2)
                .filter_map(|p| Some((*p.first()?, *p.get(1)?)))
                .collect();
            // Inserted one by one, not collected: no sort in the fields-only module for it
            // (its rows come in key order, so each is appended).
            let mut derived = crate::sorted::SortedMap::new();
            for (k, cols) in &self.rows {
                let Some(i) = cols.iter().position(|c| *c == SAME_IN_TRADITIONAL) else {
                    continue;
                };
                if let Some(before) = i.checked_sub(1).and_then(|b| cols.get(b)) {
                    derived.insert(*k, traditional(before, &pairs));
                }
            }
            derived
        });
        derived.get(key).map(String::as_str)
    }

    /// Keys in file order (duplicates included).
    pub fn keys(&self) -> &[&'static str] {
        &self.order
    }
}

macro_rules! table {
    ($(#[$doc:meta])* $name:ident, out_dir $file:literal) => {
        $(#[$doc])*
        pub fn $name() -> &'static Table {
            static CELL: OnceLock<Table> = OnceLock::new();
            CELL.get_or_init(|| Table::parse_rows(include_str!(concat!(env!("OUT_DIR"), "/", $file))))
        }
    };
}

table!(
    /// Finding code → basis, zh-CN, zh-TW, en (data/messages.tsv, less the rows of the features
    /// this build leaves out: see build.rs).
    messages,
    out_dir "messages.tsv"
);
table!(
    /// Field key or `type.*` word → zh-CN, zh-TW, en (data/labels.tsv; the fields-only build
    /// keeps only the field checks' rows: see build.rs).
    labels,
    out_dir "labels.tsv"
);
table!(
    /// Province prefix → zh-CN, zh-TW, en, uses.
    provinces,
    out_dir "provinces.tsv"
);
table!(
    /// USCC authority (1 char) or pair (2 chars) → entity kind, zh-CN, zh-TW, en.
    uscc_types,
    out_dir "uscc_types.tsv"
);
table!(
    /// Licence grade scale → grades, highest first (one space-separated column).
    grades,
    out_dir "grades.tsv"
);
table!(
    /// Licence kind → its aliases (`;`-separated), RULES.md §4.3 (rev. 2).
    licence_kinds,
    out_dir "licence_kinds.tsv"
);
table!(
    /// Art. 10 screening term → article item, category.
    screening_terms,
    out_dir "screening_terms.tsv"
);
table!(
    /// 中小企业划型标准规定 (工信部联企业〔2011〕300号) Art. 4: industry (zh-CN) → the SME
    /// ceiling, medium and small thresholds of employees, revenue and assets (万元; empty = unused).
    sme_size_standard,
    out_dir "sme_size_standard_2011.tsv"
);

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::Table;

    #[test]
    fn parse_rows_reads_what_parse_reads() {
        let data = |f: &str| {
            let path = format!("{}/../../data/{f}", env!("CARGO_MANIFEST_DIR"));
            std::fs::read_to_string(&path).unwrap().leak() as &'static str
        };
        for (file, rows) in [
            (
                "provinces.tsv",
                include_str!(concat!(env!("OUT_DIR"), "/provinces.tsv")),
            ),
            (
                "uscc_types.tsv",
                include_str!(concat!(env!("OUT_DIR"), "/uscc_types.tsv")),
            ),
            (
                "grades.tsv",
                include_str!(concat!(env!("OUT_DIR"), "/grades.tsv")),
            ),
            (
                "licence_kinds.tsv",
                include_str!(concat!(env!("OUT_DIR"), "/licence_kinds.tsv")),
            ),
            (
                "screening_terms.tsv",
                include_str!(concat!(env!("OUT_DIR"), "/screening_terms.tsv")),
            ),
            (
                "sme_size_standard_2011.tsv",
                include_str!(concat!(env!("OUT_DIR"), "/sme_size_standard_2011.tsv")),
            ),
        ] {
            // The data file as written, read by `parse`; its rows as build.rs wrote them, read
            // by `parse_rows`: the same table.
            let (a, b) = (Table::parse(data(file)), Table::parse_rows(rows));
            assert!(!a.keys().is_empty(), "{file}");
            assert_eq!(a.keys(), b.keys());
            for k in a.keys() {
                // Cell by cell as read (a zh-TW cell `=` in the compiled rows is made again).
                let n = a.get(k).map_or(0, <[_]>::len);
                assert_eq!(b.get(k).map(<[_]>::len), Some(n), "{k}");
                for col in 0..n {
                    assert_eq!(a.text(k, col), b.text(k, col), "{file} {k} {col}");
                }
            }
        }
    }

    /// The message, label, province and USCC type tables as compiled (their zh-TW cells partly
    /// `=`, made again from the zh-CN text) give every text of their data files as written, in
    /// every column; and a good part of the zh-TW cells are derived (else the conversion is
    /// not doing its work).
    #[test]
    fn derived_traditional_texts_are_the_data_files_texts() {
        for (file, table, tw_col) in [
            ("messages.tsv", super::messages(), 2),
            ("labels.tsv", super::labels(), 1),
            ("provinces.tsv", super::provinces(), 1),
            ("uscc_types.tsv", super::uscc_types(), 2),
        ] {
            let path = format!("{}/../../data/{file}", env!("CARGO_MANIFEST_DIR"));
            let written = Table::parse(std::fs::read_to_string(&path).unwrap().leak());
            let mut derived = 0;
            for k in table.keys() {
                let want = written.get(k).unwrap();
                let got = table.get(k).unwrap();
                assert_eq!(got.len(), want.len(), "{file} {k}");
                derived += usize::from(got.get(tw_col) == Some(&super::SAME_IN_TRADITIONAL));
                for (col, w) in want.iter().enumerate() {
                    assert_eq!(table.text(k, col), Some(*w), "{file} {k} column {col}");
                }
            }
            assert!(
                derived * 2 > table.keys().len(),
                "{file}: {derived} derived"
            );
        }
    }
}
