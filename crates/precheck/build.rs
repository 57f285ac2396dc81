//! Build-time generation, written to OUT_DIR and compiled in as data:
//!
//! The text-folding tables of `catalogue::text` (see data/README.md):
//!    - `pinyin_chars.txt`: the default toneless reading of every covered Han character, grouped
//!      by syllable, one line per syllable: `syllable<TAB>characters`;
//!    - `pinyin_phrases.txt`: the phrase overrides of data/pinyin_phrases.tsv, checked and sorted:
//!      `phrase<TAB>syllables separated by spaces`;
//!    - `t2s.txt`: traditional → simplified pairs, one string of (traditional, simplified) char
//!      pairs sorted by the traditional character.
//!
//!    Covered characters = the GB 2312 level-1 set (data/gb2312_level1.txt) ∪ every Han character
//!    of the catalogue data files (data/catalogues/*.tsv, *.json). Readings come from the `pinyin`
//!    crate and traditional forms from `fast2s` (both MIT, build-dependencies only: nothing of them
//!    ships but the tables written here).
// A build script may stop loudly: its failures are the developer's, never a user's.
#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]
use std::{
    collections::{BTreeMap, BTreeSet},
    env, fs,
    path::{Path, PathBuf},
};

fn main() {
    let out_dir = PathBuf::from(env::var("OUT_DIR").expect("OUT_DIR"));
    text_tables(&out_dir);
    lowercase_runs(&out_dir);
    catalogue_rows(&out_dir);
    let messages = message_table();
    let labels = label_table();
    let provinces = rows_of("provinces.tsv");
    let uscc_types = rows_of("uscc_types.tsv");
    traditional_from_simplified(
        &out_dir,
        [
            (&messages, 2, "messages.tsv"),
            (&labels, 1, "labels.tsv"),
            (&provinces, 1, "provinces.tsv"),
            (&uscc_types, 2, "uscc_types.tsv"),
        ],
    );
    for table in [
        "grades.tsv",
        "licence_kinds.tsv",
        "screening_terms.tsv",
        "sme_size_standard_2011.tsv",
    ] {
        rows_only(&out_dir, table);
    }
}

/// The rows of a data file: the file without its comments and blank lines (what
/// `tables::Table` reads of it), so that the sources and notes stay in data/, not in the module.
fn rows_in(path: &str) -> String {
    let text = fs::read_to_string(path).expect(path);
    text.lines()
        .filter(|l| is_row(l))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// The rows of `data/<name>` ([`rows_in`]).
fn rows_of(name: &str) -> String {
    let path = format!("../../data/{name}");
    println!("cargo:rerun-if-changed={path}");
    rows_in(&path)
}

/// `data/<name>`'s rows in OUT_DIR.
fn rows_only(out_dir: &Path, name: &str) {
    fs::write(out_dir.join(name), rows_of(name)).expect("write a table");
}

/// A table line that `tables::Table::parse` reads as a row (not blank, not a `#` comment): the
/// others are left out of the compiled-in copies.
fn is_row(line: &str) -> bool {
    !line.trim().is_empty() && !line.starts_with('#')
}

// ---------------------------------------------------------------------------------------------
// The message table, as the build's features need it

const MESSAGES: &str = "../../data/messages.tsv";

/// Code prefixes of the rows only the `catalogue` and `qualification` features use.
const CATALOGUE_PREFIXES: &[&str] = &["catalogue.", "overlay.", "screen."];
const QUALIFICATION_PREFIXES: &[&str] = &[
    "qualification.",
    "entity_eligibility.",
    "legal_capacity.",
    "reputation_and_accounting.",
    "equipment_and_capability.",
    "tax_and_social_security.",
    "no_major_violation.",
    "other_conditions.",
    "sme_declaration.",
];

/// `messages.tsv` in OUT_DIR: data/messages.tsv without the rows of the features that are off
/// (the fields-only wasm module carries only the field checks' messages).
fn message_table() -> String {
    println!("cargo:rerun-if-changed={MESSAGES}");
    let text = fs::read_to_string(MESSAGES).expect(MESSAGES);
    let mut dropped: Vec<&str> = vec![];
    if env::var_os("CARGO_FEATURE_CATALOGUE").is_none() {
        dropped.extend(CATALOGUE_PREFIXES);
    }
    if env::var_os("CARGO_FEATURE_QUALIFICATION").is_none() {
        dropped.extend(QUALIFICATION_PREFIXES);
    }
    let kept: String = text
        .lines()
        .filter(|l| is_row(l) && !dropped.iter().any(|p| l.starts_with(p)))
        .map(|l| format!("{l}\n"))
        .collect();
    if env::var_os("CARGO_FEATURE_CATALOGUE").is_none() {
        no_money_placeholder(&kept, MESSAGES);
    }
    kept
}

const LABELS: &str = "../../data/labels.tsv";

/// The default labels of the field checks' keys (the `key` of each check in src/fields).
const FIELD_KEYS: &[&str] = &[
    "uscc",
    "idNumber",
    "orgCode",
    "regNo15",
    "amount",
    "uppercaseAmount",
    "date",
    "mobile",
];
/// Label rows any build's messages may use: `{x:type}` and `{x:expected}` words.
const SHARED_LABEL_PREFIXES: &[&str] = &["type.", "expected."];

/// `labels.tsv` in OUT_DIR: data/labels.tsv without comments (and, for wasm32, without the
/// CLI's `cli.…` rows); with neither the `catalogue` nor
/// the `qualification` feature (the fields-only wasm module), only the rows the field checks
/// use: their default labels and the type and expected words of their messages.
fn label_table() -> String {
    println!("cargo:rerun-if-changed={LABELS}");
    let text = fs::read_to_string(LABELS).expect(LABELS);
    let fields_only = env::var_os("CARGO_FEATURE_CATALOGUE").is_none()
        && env::var_os("CARGO_FEATURE_QUALIFICATION").is_none();
    // The CLI's own words (`cli.…`: its headings and notes) never run in the browser.
    let wasm = env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    let kept: String = text
        .lines()
        .filter(|l| is_row(l))
        .filter(|l| !(wasm && l.starts_with("cli.")))
        .filter(|l| {
            let key = l.split('\t').next().unwrap_or_default();
            !fields_only
                || FIELD_KEYS.contains(&key)
                || SHARED_LABEL_PREFIXES.iter().any(|p| key.starts_with(p))
        })
        .map(|l| format!("{l}\n"))
        .collect();
    if env::var_os("CARGO_FEATURE_CATALOGUE").is_none() {
        no_money_placeholder(&kept, LABELS);
    }
    kept
}

/// The zh-TW column (messages: the 4th, after code, basis and zh-CN; labels and provinces: the
/// 3rd; USCC authorities and types: the 4th, after the entity kind) of the four tables, written
/// as `=` where it is the zh-CN text with each character in its
/// traditional form (`report::messages` turns it back); the other rows keep their own text
/// (Taiwan's words: 欄位 for 字段, 資料 for 数据, …). The character map is what the rows say:
/// for each simplified character, the traditional one it most often stands for in rows of
/// the same length (ties: the lowest). Written to `messages.tsv`, `labels.tsv`, `provinces.tsv`,
/// `uscc_types.tsv` and `s2t_messages.txt` (pairs, simplified then traditional, sorted by the simplified).
fn traditional_from_simplified(out_dir: &Path, tables: [(&str, usize, &str); 4]) {
    let mut counts: BTreeMap<char, BTreeMap<char, usize>> = BTreeMap::new();
    for (text, cn, _) in tables {
        for row in text.lines() {
            let cols: Vec<&str> = row.split('\t').collect();
            let (Some(a), Some(b)) = (cols.get(cn), cols.get(cn + 1)) else {
                continue;
            };
            if a.chars().count() == b.chars().count() {
                for (x, y) in a.chars().zip(b.chars()) {
                    *counts.entry(x).or_default().entry(y).or_default() += 1;
                }
            }
        }
    }
    let map: BTreeMap<char, char> = counts
        .iter()
        .filter_map(|(&x, ys)| {
            // The most frequent; of equals, the lowest (max_by_key keeps the last maximum).
            let (&y, _) = ys.iter().rev().max_by_key(|(_, n)| **n)?;
            (y != x).then_some((x, y))
        })
        .collect();
    let convert = |s: &str| -> String { s.chars().map(|c| *map.get(&c).unwrap_or(&c)).collect() };
    for (text, cn, name) in tables {
        let mut out = String::with_capacity(text.len());
        for row in text.lines() {
            let mut cols: Vec<&str> = row.split('\t').collect();
            let derived = cols.get(cn).map(|a| convert(a));
            if let (Some(d), Some(tw)) = (derived, cols.get_mut(cn + 1)) {
                assert_ne!(*tw, "=", "{name}: a zh-TW text may not be `=`");
                if d == *tw {
                    *tw = "=";
                }
            }
            out.push_str(&cols.join("\t"));
            out.push('\n');
        }
        fs::write(out_dir.join(name), out).expect(name);
    }
    let pairs: String = map.iter().flat_map(|(x, y)| [*x, *y]).collect();
    fs::write(out_dir.join("s2t_messages.txt"), pairs).expect("write s2t_messages.txt");
}

/// Without the `catalogue` feature (the fields-only module) `report::messages` formats no
/// `{x:money}` (it leaves rust_decimal's parser and arithmetic out): no row kept may use one.
fn no_money_placeholder(kept: &str, file: &str) {
    for row in kept.lines() {
        assert!(
            !row.contains(":money}"),
            "{file}: a row the fields-only build keeps formats money, which that build cannot: {row}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Text-folding tables

const GB2312_LEVEL1: &str = "../../data/gb2312_level1.txt";
const PHRASES: &str = "../../data/pinyin_phrases.tsv";
const CATALOGUES: &str = "../../data/catalogues";

/// Han characters as `catalogue::text` sees them (keep in step with `is_han` there).
fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3007 | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x323AF)
}

fn text_tables(out_dir: &Path) {
    println!("cargo:rerun-if-changed={GB2312_LEVEL1}");
    println!("cargo:rerun-if-changed={PHRASES}");

    // The standard simplified set: GB 2312 level 1, lines starting with '#' are comments.
    let level1_text = fs::read_to_string(GB2312_LEVEL1).expect(GB2312_LEVEL1);
    let level1: BTreeSet<char> = level1_text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(str::chars)
        .filter(|&c| is_han(c))
        .collect();
    assert_eq!(
        level1.len(),
        3755,
        "{GB2312_LEVEL1} must hold the 3755 level-1 characters"
    );

    let mut covered = level1.clone();
    covered.extend(catalogue_chars());

    // Traditional → simplified, one code point at a time (fast2s's few context rules need
    // neighbours, so a lone character gets its plain mapping).
    let mut t2s: BTreeMap<char, char> = BTreeMap::new();
    for cp in (0x3400u32..=0x9FFF).chain(0xF900..=0xFAFF) {
        let Some(trad) = char::from_u32(cp) else {
            continue;
        };
        let converted = fast2s::convert(trad.encode_utf8(&mut [0; 4]));
        let mut chars = converted.chars();
        let (Some(simp), None) = (chars.next(), chars.next()) else {
            continue;
        };
        // A character of the standard simplified set is never folded away (乾 矽 磐 are both
        // a traditional form and a simplified character of their own: 乾坤, not 干坤).
        if simp != trad && covered.contains(&simp) && !level1.contains(&trad) {
            t2s.insert(trad, simp);
        }
    }
    let t2s_out: String = t2s.iter().flat_map(|(&t, &s)| [t, s]).collect();
    fs::write(out_dir.join("t2s.txt"), t2s_out).expect("write t2s.txt");
    // What ships (issue 11: gzip does badly on UTF-8 code points, ~3 KB gz less): the count, the
    // traditional characters as gaps from the one before, then each simplified one as the
    // zigzag of its distance from its traditional one (most are close: 門 U+9580 → 门 U+95E8).
    let mut bin = vec![];
    varint(&mut bin, t2s.len() as u32);
    let mut prev = 0;
    for &t in t2s.keys() {
        varint(&mut bin, t as u32 - prev);
        prev = t as u32;
    }
    for (&t, &s) in &t2s {
        varint(&mut bin, zigzag(i64::from(s as u32) - i64::from(t as u32)));
    }
    fs::write(out_dir.join("t2s.bin"), bin).expect("write t2s.bin");

    // Default readings, grouped by syllable.
    let mut by_syllable: BTreeMap<String, String> = BTreeMap::new();
    for &c in &covered {
        if let Some(syllable) = default_syllable(c) {
            by_syllable.entry(syllable).or_default().push(c);
        }
    }
    let mut pinyin_out = String::new();
    for (syllable, chars) in &by_syllable {
        pinyin_out.push_str(syllable);
        pinyin_out.push('\t');
        pinyin_out.push_str(chars);
        pinyin_out.push('\n');
    }
    fs::write(out_dir.join("pinyin_chars.txt"), pinyin_out).expect("write pinyin_chars.txt");
    // What ships: the syllables one a line (`pinyin_syllables.txt`), and for each in that order
    // its number of characters and their code points as gaps, ascending (`pinyin_chars.bin`).
    let mut names = String::new();
    let mut bin = vec![];
    for (syllable, chars) in &by_syllable {
        names.push_str(syllable);
        names.push('\n');
        varint(&mut bin, chars.chars().count() as u32);
        let mut prev = 0;
        for c in chars.chars() {
            assert!(c as u32 > prev, "ascending within a syllable");
            varint(&mut bin, c as u32 - prev);
            prev = c as u32;
        }
    }
    fs::write(out_dir.join("pinyin_syllables.txt"), names).expect("write pinyin_syllables.txt");
    fs::write(out_dir.join("pinyin_chars.bin"), bin).expect("write pinyin_chars.bin");

    // Phrase overrides, checked.
    let phrases_text = fs::read_to_string(PHRASES).expect(PHRASES);
    let mut phrases: BTreeMap<String, String> = BTreeMap::new();
    for (n, line) in phrases_text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let at = format!("{PHRASES}:{}", n + 1);
        let (phrase, reading) = line
            .split_once('\t')
            .unwrap_or_else(|| panic!("{at}: no TAB"));
        let syllables: Vec<&str> = reading.split(' ').filter(|s| !s.is_empty()).collect();
        let chars: Vec<char> = phrase.chars().collect();
        assert!(
            chars.len() >= 2,
            "{at}: a phrase has at least two characters"
        );
        assert!(
            chars.iter().all(|&c| is_han(c)),
            "{at}: Han characters only"
        );
        assert!(
            chars.iter().all(|c| !t2s.contains_key(c)),
            "{at}: write the phrase in simplified characters (it is matched after folding)"
        );
        assert_eq!(
            chars.len(),
            syllables.len(),
            "{at}: one syllable per character"
        );
        assert!(
            syllables
                .iter()
                .all(|s| s.bytes().all(|b| b.is_ascii_lowercase())),
            "{at}: syllables are lower-case ASCII without tones (ü as v)"
        );
        let previous = phrases.insert(phrase.to_string(), syllables.join(" "));
        assert!(previous.is_none(), "{at}: duplicate phrase {phrase}");
    }
    // Longest first among those of one first character (catalogue::text keeps them in this
    // order, so the module needs no sort), then in the order of the characters.
    let mut ordered: Vec<(&String, &String)> = phrases.iter().collect();
    ordered.sort_by_key(|(p, _)| {
        (
            p.chars().next(),
            std::cmp::Reverse(p.chars().count()),
            p.to_string(),
        )
    });
    let mut phrases_out = String::new();
    for (phrase, reading) in ordered {
        phrases_out.push_str(phrase);
        phrases_out.push('\t');
        phrases_out.push_str(reading);
        phrases_out.push('\n');
    }
    fs::write(out_dir.join("pinyin_phrases.txt"), phrases_out).expect("write pinyin_phrases.txt");
}

/// LEB128: seven bits a byte, low first, the high bit set on all but the last.
fn varint(out: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        out.push((n & 0x7f) as u8 | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// 0, −1, 1, −2, 2 … as 0, 1, 2, 3, 4 …
fn zigzag(n: i64) -> u32 {
    u32::try_from(if n >= 0 { n * 2 } else { -n * 2 - 1 }).expect("a small distance")
}

/// The first (most common) reading of `c`, toneless lower-case ASCII, ü written v.
fn default_syllable(c: char) -> Option<String> {
    use pinyin::ToPinyin;
    let plain = c.to_pinyin()?.plain();
    let syllable: String = plain
        .chars()
        .filter_map(|ch| match ch {
            'ü' => Some('v'),
            'ê' => Some('e'),
            ch if ch.is_ascii_alphabetic() => Some(ch.to_ascii_lowercase()),
            _ => None,
        })
        .collect();
    (!syllable.is_empty()).then_some(syllable)
}

/// Every Han character of the catalogue data files that are compiled in (data/catalogues/*.tsv and
/// *.json; comment lines of a .tsv, which may quote sources in traditional characters, excepted).
fn catalogue_chars() -> BTreeSet<char> {
    let mut chars = BTreeSet::new();
    let dir = Path::new(CATALOGUES);
    let Ok(entries) = fs::read_dir(dir) else {
        // Not there yet: watch data/ so that the folder appearing reruns this script (a missing
        // path given to rerun-if-changed would rerun it on every build).
        println!("cargo:rerun-if-changed=../../data");
        return chars;
    };
    println!("cargo:rerun-if-changed={CATALOGUES}");
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.expect("read data/catalogues").path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("tsv" | "json")))
        .collect();
    files.sort();
    for file in files {
        println!("cargo:rerun-if-changed={}", file.display());
        let text = fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let is_tsv = file.extension().is_some_and(|e| e == "tsv");
        for line in text.lines() {
            if is_tsv && line.starts_with('#') {
                continue;
            }
            chars.extend(line.chars().filter(|&c| is_han(c)));
        }
    }
    chars
}

// ---------------------------------------------------------------------------------------------
// Lower case for search folding

/// `lowercase.rs`: the first character of `c.to_lowercase()` for every `c` it changes, as runs
/// `(first, len, stride, delta)`: the characters `first + k·stride` (k < len) map to themselves
/// plus `delta`. Written from this toolchain's own `char::to_lowercase` (the same Unicode
/// version as the core library the module is built with); ~200 runs where core's table holds
/// 1 400 pairs (issue 11: ~5 KB gz of the module).
fn lowercase_runs(out_dir: &Path) {
    let pairs: Vec<(u32, i64)> = (0..=0x10FFFFu32)
        .filter_map(char::from_u32)
        .filter_map(|c| {
            let lower = c.to_lowercase().next().unwrap_or(c);
            (lower != c).then(|| (c as u32, i64::from(lower as u32) - i64::from(c as u32)))
        })
        .collect();
    let mut runs: Vec<(u32, u32, u32, i64)> = vec![];
    for &(c, delta) in &pairs {
        if let Some(last) = runs.last_mut() {
            let (first, len, stride, d) = *last;
            let next = first + len * stride;
            if d == delta && ((len == 1 && (c == first + 1 || c == first + 2)) || c == next) {
                if len == 1 {
                    last.2 = c - first;
                }
                last.1 += 1;
                continue;
            }
        }
        runs.push((c, 1, 1, delta));
    }
    let mut out = String::from("&[\n");
    for (first, len, stride, delta) in &runs {
        out.push_str(&format!("    ({first:#x}, {len}, {stride}, {delta}),\n"));
    }
    out.push_str("]\n");
    fs::write(out_dir.join("lowercase.rs"), out).expect("write lowercase.rs");
}

// ---------------------------------------------------------------------------------------------
// The embedded catalogues' rows

/// The embedded catalogues as `catalogue::builtin` reads them: `central_2020.tsv` rows only, and
/// `pinmu.txt`, the 品目 codes of data/catalogues/pinmu_2022_services.tsv one line each as
/// `<level><its two digits><name>`: a code is its parent's with the pair of its level set (the
/// code scheme: C + four levels of two digits), so the code, level and parent columns are one
/// pair (checked here against the file's own columns). Issue 11: ~3 KB gz.
fn catalogue_rows(out_dir: &Path) {
    let central = format!("{CATALOGUES}/central_2020.tsv");
    println!("cargo:rerun-if-changed={central}");
    rows_only_file(out_dir, &central, "central_2020.tsv");

    let pinmu = format!("{CATALOGUES}/pinmu_2022_services.tsv");
    println!("cargo:rerun-if-changed={pinmu}");
    let text = fs::read_to_string(&pinmu).expect(&pinmu);
    let mut out = String::new();
    let mut pairs = [String::from("00"), "00".into(), "00".into(), "00".into()];
    for line in text.lines().filter(|l| is_row(l)) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [code, level, parent, name] = cols[..] else {
            panic!("{pinmu}: 4 columns: {line}")
        };
        if level == "0" {
            assert_eq!((code, parent), ("C", "-"), "{pinmu}: the root");
            continue;
        }
        let l: usize = level.parse().expect("level");
        assert!((1..=4).contains(&l), "{pinmu}: level {l}");
        let pair = &code[1 + 2 * (l - 1)..3 + 2 * (l - 1)];
        let want_parent = if l == 1 {
            "C".to_string()
        } else {
            format!("C{}{}", pairs[..l - 1].concat(), "00".repeat(5 - l))
        };
        pairs[l - 1] = pair.to_string();
        for p in &mut pairs[l..] {
            *p = "00".into();
        }
        assert_eq!(
            code,
            format!("C{}", pairs.concat()),
            "{pinmu}: code of {line}"
        );
        assert_eq!(parent, want_parent, "{pinmu}: parent of {line}");
        assert!(!name.contains('\n') && !name.is_empty());
        out.push_str(&format!("{l}{pair}{name}\n"));
    }
    fs::write(out_dir.join("pinmu.txt"), out).expect("write pinmu.txt");
}

/// A data file's rows ([`rows_in`]) in OUT_DIR under `name`.
fn rows_only_file(out_dir: &Path, path: &str, name: &str) {
    fs::write(out_dir.join(name), rows_in(path)).expect("write a table");
}
