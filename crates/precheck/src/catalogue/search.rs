//! Search over a catalogue (RULES.md §4.4): by code (exact, prefix), by name, alias and keyword
//! (prefix, substring) after folding traditional/simplified, full/half-width and case, and by
//! pinyin (full, mixed, initials). Ranked: exact code, name, name prefix, code prefix,
//! substring, pinyin; then, for code prefixes, higher levels first, for text, shorter names first;
//! then catalogue order.

use super::text::{fold, letter_bit, match_pinyin_with, pinyin_key, PinyinKey, PinyinMatch};
use super::{Catalogue, CatalogueItem};
use serde::Serialize;

/// Precomputed search keys of one item, built when the catalogue is loaded.
#[derive(Debug, Clone)]
pub(crate) struct Keys {
    code: String,
    /// The first 8 bytes of `code` (see [`head8`]).
    code8: u64,
    name: String,
    aliases: Vec<String>,
    keywords: Vec<String>,
    pinyin: Vec<PinyinKey>,
    /// Characters of the name, as ranking counts them.
    name_len: usize,
    /// [`char_mask`] of the folded name, aliases and keywords: a text match needs every
    /// character of the query in one of them, so a query with a bit outside it has none.
    text_mask: u64,
    /// Letter masks of the pinyin keys' syllables: first letters, all letters (see
    /// [`PinyinKey::masks`]).
    pinyin_first: u32,
    pinyin_all: u32,
}

/// The first 8 bytes of `s` as an integer, zero-padded: `t` starts with `s` (of at most 8
/// bytes) only if `head8(t) & mask8(s.len()) == head8(s)`.
fn head8(s: &str) -> u64 {
    let mut b = [0u8; 8];
    for (d, &c) in b.iter_mut().zip(s.as_bytes()) {
        *d = c;
    }
    u64::from_le_bytes(b)
}

/// The mask of the first `n` bytes in [`head8`]'s integer.
fn mask8(n: usize) -> u64 {
    match n {
        0 => 0,
        1..=7 => (1u64 << (8 * n)) - 1,
        _ => u64::MAX,
    }
}

/// One bit (of 64) per character: a cheap superset test of "all characters of the needle occur
/// in the haystack".
fn char_mask(s: &str) -> u64 {
    s.chars().fold(0, |m, c| {
        m | 1u64 << ((c as u32).wrapping_mul(0x9E37_79B1) >> 26)
    })
}

impl Keys {
    pub(crate) fn of(item: &CatalogueItem) -> Keys {
        let mut pinyin = vec![pinyin_key(&item.name)];
        pinyin.extend(item.aliases.iter().map(|a| pinyin_key(a)));
        let name = fold(&item.name);
        let aliases: Vec<String> = item.aliases.iter().map(|a| fold(a)).collect();
        let keywords: Vec<String> = item.keywords.iter().map(|k| fold(k)).collect();
        let text_mask = std::iter::once(&name)
            .chain(&aliases)
            .chain(&keywords)
            .fold(0, |m, s| m | char_mask(s));
        let (pinyin_first, pinyin_all) = pinyin.iter().fold((0, 0), |(f, a), k| {
            let (kf, ka) = k.masks();
            (f | kf, a | ka)
        });
        let code = item.code.to_ascii_uppercase();
        Keys {
            code8: head8(&code),
            code,
            name,
            aliases,
            keywords,
            pinyin,
            name_len: item.name.chars().count(),
            text_mask,
            pinyin_first,
            pinyin_all,
        }
    }
}

/// One entry of an item's path from the root.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PathEntry {
    pub code: String,
    pub name: String,
}

/// A search hit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    pub item: CatalogueItem,
    /// From the top-level class down to the item.
    pub path: Vec<PathEntry>,
    /// What matched: `code`, `name`, `alias`, `keyword` or `pinyin`.
    pub matched: &'static str,
    /// How: `exact`, `prefix`, `substring`, `full`, `mixed` or `initials`.
    pub how: &'static str,
}

/// The JSON texts of one item as a hit carries it: the item, and its entry in paths.
#[derive(Debug, Clone, Default)]
pub(crate) struct HitJson {
    item: String,
    entry: String,
}

impl HitJson {
    pub(crate) fn of(item: &CatalogueItem) -> HitJson {
        let mut entry = String::new();
        crate::report::json::push_path_entry(&mut entry, &item.code, &item.name);
        HitJson {
            item: crate::report::json::catalogue_item_text(item),
            entry,
        }
    }
}

/// Most hits returned.
pub const MAX_LIMIT: usize = 200;

fn text_match(hay: &str, needle: &str) -> Option<u8> {
    if hay == needle {
        Some(0)
    } else if hay.starts_with(needle) {
        Some(1)
    } else if hay.contains(needle) {
        Some(2)
    } else {
        None
    }
}

impl Catalogue {
    /// Search; at most `limit` hits (capped at [`MAX_LIMIT`]).
    pub fn search(&self, query: &str, limit: usize) -> Vec<SearchHit> {
        self.ranked(query, limit)
            .into_iter()
            .filter_map(|(i, matched, how)| {
                let item = self.items.get(i)?;
                Some(SearchHit {
                    path: self.path_entries_at(i),
                    item: item.clone(),
                    matched,
                    how,
                })
            })
            .collect()
    }

    /// The JSON text of [`Catalogue::search`]'s hits, byte for byte what `serde_json` writes
    /// for them, assembled from each hit item's JSON text and path entries (serialised once per
    /// item, on its first hit, and kept): what the wasm boundary hands to `JSON.parse`.
    pub fn search_json(&self, query: &str, limit: usize) -> String {
        let ranked = self.ranked(query, limit);
        let mut out = String::with_capacity(2 + ranked.len() * 512);
        out.push('[');
        for (n, (i, matched, how)) in ranked.into_iter().enumerate() {
            if n > 0 {
                out.push(',');
            }
            out.push_str("{\"item\":");
            out.push_str(&self.hit_json(i).item);
            out.push_str(",\"path\":[");
            let mut first = true;
            for p in self.path_positions(i) {
                if !first {
                    out.push(',');
                }
                first = false;
                out.push_str(&self.hit_json(p).entry);
            }
            // `matched` and `how` are ASCII words: nothing to escape.
            out.push_str("],\"matched\":\"");
            out.push_str(matched);
            out.push_str("\",\"how\":\"");
            out.push_str(how);
            out.push_str("\"}");
        }
        out.push(']');
        out
    }

    /// Positions and how each matched, best first, at most `limit` (capped at [`MAX_LIMIT`]).
    fn ranked(&self, query: &str, limit: usize) -> Vec<(usize, &'static str, &'static str)> {
        let q: String = query.chars().take(64).collect();
        let folded = fold(&q);
        if folded.is_empty() || limit == 0 {
            return vec![];
        }
        let upper = folded.to_ascii_uppercase();
        let (upper8, upper_mask) = (head8(&upper), mask8(upper.len()));
        let codeish = folded.bytes().all(|b| b.is_ascii_alphanumeric());
        // A pinyin query: two or more lower-case ASCII letters (text::match_pinyin).
        let letters = folded.len() >= 2 && folded.bytes().all(|b| b.is_ascii_lowercase());
        let text_mask = char_mask(&folded);
        let (first_letter, all_letters) = (
            folded.bytes().next().map_or(0, letter_bit),
            folded.bytes().fold(0, |m, b| m | letter_bit(b)),
        );
        let mut memo = Vec::new();
        // (tier, name length, level, index, matched, how)
        // (tier, first tie-break, second tie-break, index, matched, how): a code prefix ranks the
        // broader item (higher level) first; text matches the shorter name.
        let mut ranked: Vec<(u8, usize, usize, usize, &'static str, &'static str)> = Vec::new();
        for (i, (item, k)) in self.items.iter().zip(&self.keys).enumerate() {
            let mut best: Option<(u8, &'static str, &'static str)> = None;
            let consider = |best: &mut Option<(u8, &'static str, &'static str)>,
                            tier: u8,
                            matched: &'static str,
                            how: &'static str| {
                if best.is_none_or(|(t, _, _)| tier < t) {
                    *best = Some((tier, matched, how));
                }
            };
            // (The first-8-bytes test only skips the comparisons that would fail.)
            if codeish && k.code8 & upper_mask == upper8 {
                if k.code == upper {
                    consider(&mut best, 0, "code", "exact");
                } else if k.code.starts_with(&upper) {
                    consider(&mut best, 3, "code", "prefix");
                }
            }
            if k.text_mask & text_mask == text_mask {
                match text_match(&k.name, &folded) {
                    Some(0) => consider(&mut best, 1, "name", "exact"),
                    Some(1) => consider(&mut best, 2, "name", "prefix"),
                    Some(_) => consider(&mut best, 4, "name", "substring"),
                    None => {}
                }
                for a in &k.aliases {
                    match text_match(a, &folded) {
                        Some(0) => consider(&mut best, 2, "alias", "exact"),
                        Some(1) => consider(&mut best, 2, "alias", "prefix"),
                        Some(_) => consider(&mut best, 5, "alias", "substring"),
                        None => {}
                    }
                }
                for kw in &k.keywords {
                    if text_match(kw, &folded).is_some() {
                        consider(&mut best, 5, "keyword", "substring");
                    }
                }
            }
            if letters
                && best.is_none()
                && k.pinyin_first & first_letter != 0
                && k.pinyin_all & all_letters == all_letters
            {
                for key in &k.pinyin {
                    match match_pinyin_with(key, folded.as_bytes(), &mut memo) {
                        Some(PinyinMatch::Full) => consider(&mut best, 6, "pinyin", "full"),
                        Some(PinyinMatch::Mixed) => consider(&mut best, 7, "pinyin", "mixed"),
                        Some(PinyinMatch::Initials) => consider(&mut best, 8, "pinyin", "initials"),
                        None => {}
                    }
                }
            }
            if let Some((tier, matched, how)) = best {
                let (level, len) = (item.level as usize, k.name_len);
                let (a, b) = if matched == "code" {
                    (level, len)
                } else {
                    (len, level)
                };
                ranked.push((tier, a, b, i, matched, how));
            }
        }
        ranked.sort_unstable();
        ranked
            .into_iter()
            .take(limit.min(MAX_LIMIT))
            .map(|(_, _, _, i, matched, how)| (i, matched, how))
            .collect()
    }
}
