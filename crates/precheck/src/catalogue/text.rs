//! Text folding and pinyin keys for catalogue search (RULES.md §4.4).
//!
//! The tables are generated at build time by build.rs (see data/README.md) for the GB 2312
//! level-1 characters and every Han character of the compiled-in catalogues:
//! - traditional → simplified, one character at a time;
//! - the default toneless reading of each character, with phrase overrides for polyphones
//!   (银行 yin hang, 会计 kuai ji), so that a polyphone gets the reading its word has and
//!   queries do not over-match on readings the name never has.
//!
//! A character outside the tables keeps its own form and has no reading: it can be found by
//! substring, never by pinyin.

use std::collections::HashMap;
use std::sync::OnceLock;

// As build.rs writes them (LEB128 numbers, see there; the .txt forms beside them in OUT_DIR are
// the same tables as text): traditional → simplified, and the characters of each syllable.
const T2S: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/t2s.bin"));
const PINYIN_SYLLABLES: &str = include_str!(concat!(env!("OUT_DIR"), "/pinyin_syllables.txt"));
const PINYIN_CHARS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/pinyin_chars.bin"));
const PINYIN_PHRASES: &str = include_str!(concat!(env!("OUT_DIR"), "/pinyin_phrases.txt"));

/// Lower-case runs `(first, len, stride, delta)` written by build.rs from `char::to_lowercase`:
/// `first + k·stride` (k < len) lower-cases to itself plus `delta`.
const LOWER_RUNS: &[(u32, u16, u8, i32)] = include!(concat!(env!("OUT_DIR"), "/lowercase.rs"));

/// The first character of `c.to_lowercase()`, from [`LOWER_RUNS`] (core's own table of 1 400
/// pairs is not in the module; issue 11).
pub fn lower_char(c: char) -> char {
    let cp = c as u32;
    let i = LOWER_RUNS.partition_point(|&(first, ..)| first <= cp);
    match i.checked_sub(1).and_then(|i| LOWER_RUNS.get(i)) {
        Some(&(first, len, stride, delta)) => {
            let (off, stride) = (cp - first, u32::from(stride.max(1)));
            if off % stride == 0 && off / stride < u32::from(len) {
                char::from_u32(cp.wrapping_add_signed(delta)).unwrap_or(c)
            } else {
                c
            }
        }
        None => c,
    }
}

/// `s.to_lowercase()` but for the final-sigma rule (a word-final Σ is σ here, ς there), which no
/// search for ASCII or Han words can tell: İ (U+0130), the one character whose lower case is two
/// characters, is `i` and U+0307 as there; every other character is [`lower_char`].
pub fn lowercase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c == '\u{130}' {
            out.push_str("i\u{307}");
        } else {
            out.push(lower_char(c));
        }
    }
    out
}

/// A phrase and its syllables.
type Phrase = (Vec<char>, Vec<&'static str>);

struct Tables {
    /// (traditional, simplified), sorted by the traditional character.
    t2s: Vec<(char, char)>,
    /// The traditional characters of `t2s` as bits from the first of them (`t2s_from`): most
    /// characters folded are not among them, and one bit says so without a search.
    t2s_bits: Vec<u64>,
    t2s_from: u32,
    /// Character → default syllable.
    readings: HashMap<char, &'static str>,
    /// First character → phrases starting with it (longest first), each with its syllables.
    phrases: HashMap<char, Vec<Phrase>>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut t2s: Vec<(char, char)> = vec![];
        let mut r = Leb128(T2S);
        let n = r.next().unwrap_or(0) as usize;
        let mut trad = 0u32;
        let mut trads = Vec::with_capacity(n);
        for _ in 0..n {
            trad += r.next().unwrap_or(0);
            trads.push(trad);
        }
        t2s.reserve(n);
        for t in trads {
            let z = r.next().unwrap_or(0);
            let d = (z >> 1) as i32 ^ -((z & 1) as i32);
            if let (Some(tc), Some(sc)) =
                (char::from_u32(t), char::from_u32(t.wrapping_add_signed(d)))
            {
                t2s.push((tc, sc));
            }
        }
        let t2s_from = t2s.iter().map(|&(t, _)| t as u32).min().unwrap_or(0);
        let t2s_to = t2s.iter().map(|&(t, _)| t as u32).max().unwrap_or(0);
        let mut t2s_bits = vec![0u64; ((t2s_to - t2s_from) / 64 + 1) as usize];
        for &(t, _) in &t2s {
            let bit = t as u32 - t2s_from;
            if let Some(w) = t2s_bits.get_mut((bit / 64) as usize) {
                *w |= 1 << (bit % 64);
            }
        }
        let mut readings = HashMap::new();
        let mut r = Leb128(PINYIN_CHARS);
        for syllable in PINYIN_SYLLABLES.lines() {
            let mut c = 0u32;
            for _ in 0..r.next().unwrap_or(0) {
                c += r.next().unwrap_or(0);
                if let Some(ch) = char::from_u32(c) {
                    readings.insert(ch, syllable);
                }
            }
        }
        let mut phrases: HashMap<char, Vec<Phrase>> = HashMap::new();
        for line in PINYIN_PHRASES.lines() {
            if let Some((phrase, reading)) = line.split_once('\t') {
                let cs: Vec<char> = phrase.chars().collect();
                if let Some(&first) = cs.first() {
                    phrases
                        .entry(first)
                        .or_default()
                        .push((cs, reading.split(' ').collect()));
                }
            }
        }
        // Longest first: build.rs writes them so (no sort in the module).
        Tables {
            t2s,
            t2s_bits,
            t2s_from,
            readings,
            phrases,
        }
    })
}

/// Size in bytes of the generated tables compiled in (for the bench and the notes).
pub fn table_bytes() -> usize {
    T2S.len() + PINYIN_SYLLABLES.len() + PINYIN_CHARS.len() + PINYIN_PHRASES.len()
}

/// LEB128 numbers (build.rs's `varint`), one after another.
struct Leb128(&'static [u8]);

impl Iterator for Leb128 {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        let mut n = 0u32;
        let mut shift = 0;
        while let Some((&b, rest)) = self.0.split_first() {
            self.0 = rest;
            n |= u32::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Some(n);
            }
            shift += 7;
        }
        None
    }
}

/// Han characters as the tables see them (kept in step with build.rs).
fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3007 | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x323AF)
}

/// One character folded: full-width ASCII → ASCII, upper → lower case, traditional →
/// simplified. `None` for what search ignores: white space, punctuation and symbols.
fn fold_char(c: char, t: &Tables) -> Option<char> {
    let c = match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    if c.is_ascii_alphanumeric() {
        return Some(c.to_ascii_lowercase());
    }
    if is_han(c) {
        let bit = (c as u32).wrapping_sub(t.t2s_from);
        let traditional = t
            .t2s_bits
            .get((bit / 64) as usize)
            .is_some_and(|w| w & (1 << (bit % 64)) != 0);
        if !traditional {
            return Some(c);
        }
        return Some(match t.t2s.binary_search_by_key(&c, |&(tr, _)| tr) {
            Ok(i) => t.t2s.get(i).map_or(c, |&(_, s)| s),
            Err(_) => c,
        });
    }
    if c.is_alphanumeric() {
        return Some(lower_char(c));
    }
    None
}

/// The form names and queries are compared in: lower-case half-width letters and digits,
/// simplified Han characters, and nothing else (spaces, punctuation such as 、 and （） and
/// hyphens are dropped, so "镇村垃圾清运" finds "镇、村垃圾清运").
pub fn fold(s: &str) -> String {
    let t = tables();
    // Folding never lengthens a text (full width → ASCII, traditional → simplified of the
    // same length in UTF-8, or dropped): one allocation.
    let mut out = String::with_capacity(s.len());
    out.extend(s.chars().filter_map(|c| fold_char(c, t)));
    out
}

/// The pinyin of a name: one syllable per Han character (phrase readings first), letters and
/// digits as syllables of their own; characters without a reading break the run.
#[derive(Debug, Clone, Default)]
pub struct PinyinKey {
    /// Runs of consecutive syllables; a match never spans two runs.
    runs: Vec<Vec<&'static str>>,
}

/// Build the pinyin key of a name.
pub fn pinyin_key(name: &str) -> PinyinKey {
    let t = tables();
    let folded: Vec<char> = fold(name).chars().collect();
    let mut runs: Vec<Vec<&'static str>> = vec![];
    let mut run: Vec<&'static str> = vec![];
    let mut i = 0;
    while let Some(&c) = folded.get(i) {
        if let Some((len, syllables)) = phrase_at(t, folded.get(i..).unwrap_or_default()) {
            run.extend(syllables);
            i += len;
            continue;
        }
        if let Some(&s) = t.readings.get(&c) {
            run.push(s);
        } else if c.is_ascii_alphanumeric() {
            run.push(ascii_syllable(c));
        } else if !run.is_empty() {
            runs.push(std::mem::take(&mut run));
        }
        i += 1;
    }
    if !run.is_empty() {
        runs.push(run);
    }
    PinyinKey { runs }
}

fn phrase_at<'t>(t: &'t Tables, rest: &[char]) -> Option<(usize, &'t [&'static str])> {
    let first = rest.first()?;
    t.phrases
        .get(first)?
        .iter()
        .find(|(cs, _)| rest.starts_with(cs))
        .map(|(cs, syllables)| (cs.len(), syllables.as_slice()))
}

/// A letter or digit as a one-character syllable (static, so keys hold no owned strings).
fn ascii_syllable(c: char) -> &'static str {
    const ALNUM: &str = "0123456789abcdefghijklmnopqrstuvwxyz";
    let at = ALNUM.find(c).unwrap_or(0);
    ALNUM.get(at..at + 1).unwrap_or("")
}

impl PinyinKey {
    /// The full pinyin, runs separated by a space (`lajiqingyun`).
    pub fn full(&self) -> String {
        let runs: Vec<String> = self.runs.iter().map(|r| r.concat()).collect();
        runs.join(" ")
    }

    /// The initials (`ljqy`), runs separated by a space.
    pub fn initials(&self) -> String {
        let runs: Vec<String> = self
            .runs
            .iter()
            .map(|r| r.iter().filter_map(|s| s.chars().next()).collect())
            .collect();
        runs.join(" ")
    }
}

/// How a pinyin query matched a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PinyinMatch {
    /// Whole syllables of consecutive characters: `lajiqingyun`, `qingyun`.
    Full,
    /// Each character by a prefix of its syllable, the last possibly cut short: `ljqingyun`,
    /// `lajiqy`, `lajiqin`.
    Mixed,
    /// The first letter of each of two or more consecutive characters: `ljqy`.
    Initials,
}

/// Does the lower-case ASCII query `q` match a run of consecutive characters of the name?
/// Queries of fewer than two letters never match (a single letter would match nearly
/// everything).
pub fn match_pinyin(key: &PinyinKey, q: &str) -> Option<PinyinMatch> {
    let q = q.as_bytes();
    if q.len() < 2 || !q.iter().all(u8::is_ascii_lowercase) {
        return None;
    }
    match_pinyin_with(key, q, &mut Vec::new())
}

/// The bit of a lower-case ASCII letter in a letter mask (a = bit 0 … z = bit 25); other bytes
/// have none.
pub(crate) fn letter_bit(b: u8) -> u32 {
    if b.is_ascii_lowercase() {
        1 << (b - b'a')
    } else {
        0
    }
}

impl PinyinKey {
    /// Letter masks (see [`letter_bit`]) of the first bytes of the syllables, and of all their
    /// bytes. A pinyin match is a run of non-empty prefixes of consecutive syllables, so the
    /// query's first letter is in the first mask and each of its letters in the second.
    pub(crate) fn masks(&self) -> (u32, u32) {
        let (mut first, mut all) = (0, 0);
        for s in self.runs.iter().flatten() {
            first |= s.bytes().next().map_or(0, letter_bit);
            all |= s.bytes().fold(0, |m, b| m | letter_bit(b));
        }
        (first, all)
    }
}

/// [`match_pinyin`] for a query already known to be two or more lower-case ASCII letters, with
/// a scratch buffer the caller reuses across keys (no allocation per key).
pub(crate) fn match_pinyin_with(
    key: &PinyinKey,
    q: &[u8],
    memo: &mut Vec<u64>,
) -> Option<PinyinMatch> {
    let q0 = q.first()?;
    let mut best: Option<PinyinMatch> = None;
    for run in &key.runs {
        for start in 0..run.len() {
            let syllables = run.get(start..).unwrap_or(&[]);
            // Every mode matches the first syllable by a non-empty prefix: a syllable with
            // another first letter cannot start a match.
            if syllables
                .first()
                .and_then(|s| s.as_bytes().first())
                .is_some_and(|b| b != q0)
            {
                continue;
            }
            let Some(found) = match_from(syllables, q, memo) else {
                continue;
            };
            best = Some(best.map_or(found, |b| b.min(found)));
            if best == Some(PinyinMatch::Full) {
                return best;
            }
        }
    }
    best
}

/// Match `q` against syllables starting exactly at `syllables[0]`.
fn match_from(syllables: &[&str], q: &[u8], memo: &mut Vec<u64>) -> Option<PinyinMatch> {
    // Full: q is the concatenation of the first k syllables.
    let mut at = 0;
    for s in syllables {
        let s = s.as_bytes();
        match q.get(at..at + s.len()) {
            Some(part) if part == s => {
                at += s.len();
                if at == q.len() {
                    return Some(PinyinMatch::Full);
                }
            }
            _ => break,
        }
    }
    // Initials: one letter per syllable, two or more syllables.
    if q.len() <= syllables.len()
        && q.iter()
            .zip(syllables)
            .all(|(&b, s)| s.as_bytes().first() == Some(&b))
    {
        return Some(PinyinMatch::Initials);
    }
    // Mixed: each syllable by a non-empty prefix; memo of (query position, syllable) tried,
    // one bit per position, `words` words per syllable.
    let words = q.len().div_ceil(64);
    memo.clear();
    memo.resize(words * syllables.len(), 0);
    let mut m = Mixed {
        syllables,
        q,
        words,
        tried: memo,
    };
    m.from(0, 0).then_some(PinyinMatch::Mixed)
}

struct Mixed<'a, 'm> {
    syllables: &'a [&'a str],
    q: &'a [u8],
    words: usize,
    tried: &'m mut Vec<u64>,
}

impl Mixed<'_, '_> {
    fn from(&mut self, pos: usize, idx: usize) -> bool {
        if pos == self.q.len() {
            return true;
        }
        let Some(s) = self.syllables.get(idx) else {
            return false;
        };
        let bit = 1u64 << (pos % 64);
        match self.tried.get_mut(idx * self.words + pos / 64) {
            Some(w) if *w & bit == 0 => *w |= bit,
            _ => return false,
        }
        let s = s.as_bytes();
        let mut k = 0;
        while let (Some(a), Some(b)) = (self.q.get(pos + k), s.get(k)) {
            if a != b {
                break;
            }
            k += 1;
            if pos + k == self.q.len() || self.from(pos + k, idx + 1) {
                return true;
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compact_tables_are_the_text_tables() {
        let t2s_txt: Vec<char> = include_str!(concat!(env!("OUT_DIR"), "/t2s.txt"))
            .chars()
            .collect();
        let want: Vec<(char, char)> = t2s_txt.chunks(2).map(|p| (p[0], p[1])).collect();
        assert!(want.len() > 1000);
        assert_eq!(tables().t2s, want);
        let mut readings = HashMap::new();
        for line in include_str!(concat!(env!("OUT_DIR"), "/pinyin_chars.txt")).lines() {
            let (syllable, cs) = line.split_once('\t').unwrap();
            for c in cs.chars() {
                readings.insert(c, syllable);
            }
        }
        assert!(readings.len() > 3755);
        assert_eq!(tables().readings, readings);
        // Phrases longest first among those of one first character, then in character order.
        for list in tables().phrases.values() {
            for pair in list.windows(2) {
                let (a, b) = (&pair[0].0, &pair[1].0);
                assert!(
                    a.len() > b.len() || (a.len() == b.len() && a < b),
                    "{a:?} {b:?}"
                );
            }
        }
    }

    #[test]
    fn lower_case_is_the_core_librarys() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(lower_char(c), c.to_lowercase().next().unwrap_or(c), "{c:?}");
            let one = c.to_string();
            assert_eq!(lowercase(&one), one.to_lowercase(), "{c:?}");
        }
        for s in [
            "REVOKED",
            "Suspended (İSTANBUL)",
            "ΑΣ Σ",
            "注销 CLOSED",
            "K\u{212A}",
        ] {
            let ours = lowercase(s);
            // Σ at the end of a word: the one difference, and only in the Greek letter.
            assert_eq!(
                ours.replace('σ', "ς"),
                s.to_lowercase().replace('σ', "ς"),
                "{s}"
            );
        }
    }

    fn m(name: &str, q: &str) -> Option<PinyinMatch> {
        match_pinyin(&pinyin_key(name), q)
    }

    #[test]
    fn folds_width_case_script_and_punctuation() {
        assert_eq!(fold("ＡＢＣ１２３"), "abc123");
        assert_eq!(fold("鎮、村垃圾清運"), "镇村垃圾清运");
        assert_eq!(fold(" 法律 服務（顧問） "), "法律服务顾问");
        // Simplified characters that are also traditional forms stay themselves.
        assert_eq!(fold("乾坤"), "乾坤");
    }

    #[test]
    fn keys() {
        let k = pinyin_key("垃圾清运");
        assert_eq!(k.full(), "lajiqingyun");
        assert_eq!(k.initials(), "ljqy");
        assert_eq!(pinyin_key("银行业务").full(), "yinhangyewu");
        assert_eq!(pinyin_key("会计服务").full(), "kuaijifuwu");
        assert_eq!(pinyin_key("镇、村").full(), "zhencun");
        assert_eq!(pinyin_key("5G网络").full(), "5gwangluo");
    }

    #[test]
    fn match_modes() {
        assert_eq!(m("垃圾清运", "lajiqingyun"), Some(PinyinMatch::Full));
        assert_eq!(m("镇、村垃圾清运", "qingyun"), Some(PinyinMatch::Full));
        assert_eq!(m("垃圾清运", "ljqy"), Some(PinyinMatch::Initials));
        assert_eq!(m("垃圾清运", "ljqingyun"), Some(PinyinMatch::Mixed));
        assert_eq!(m("垃圾清运", "lajiqin"), Some(PinyinMatch::Mixed));
        assert_eq!(m("垃圾清运", "lajiqy"), Some(PinyinMatch::Mixed));
        // Not at a syllable boundary, too short, or not in order.
        assert_eq!(m("垃圾清运", "ajiqing"), None);
        assert_eq!(m("垃圾清运", "l"), None);
        assert_eq!(m("垃圾清运", "qyl"), None);
    }

    #[test]
    fn polyphones_take_the_reading_of_their_word() {
        assert_eq!(m("银行业务", "yinhang"), Some(PinyinMatch::Full));
        assert_eq!(m("银行业务", "yinxing"), None);
        assert_eq!(m("行政管理", "xingzheng"), Some(PinyinMatch::Full));
        assert_eq!(m("行政管理", "hangzheng"), None);
        assert_eq!(m("会计服务", "kuaiji"), Some(PinyinMatch::Full));
        assert_eq!(m("会计服务", "huiji"), None);
        assert_eq!(m("会议服务", "huiyi"), Some(PinyinMatch::Full));
    }

    #[test]
    fn pathological_queries_stay_cheap() {
        let name = "啊".repeat(40);
        let q = "a".repeat(64) + "b";
        assert_eq!(m(&name, &q), None);
    }
}
