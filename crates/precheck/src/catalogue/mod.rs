//! The guidance catalogue of purchasable services (RULES.md §4): a tree of items loaded from
//! data, validated as a whole, overlaid (county on province), searched (code, name, alias,
//! keyword, traditional/simplified, full-/half-width, pinyin) and used to screen purchases.
//!
//! ```
//! use procurement_precheck::catalogue::builtin;
//! let cat = builtin::get("county-example-2023").unwrap();
//! let hits = cat.search("ljqy", 5);
//! assert_eq!(hits[0].item.name, "镇、村垃圾清运");
//! assert_eq!(cat.path("01060101").len(), 4);
//! ```

pub mod builtin;
pub mod csv;
pub mod grades;
mod load;
mod overlay;
pub mod screen;
mod search;
pub mod text;

use crate::fields::date::Date;
use crate::sorted::SortedMap;
use serde::Serialize;

pub use csv::CsvMeta;
pub use load::MAX_ITEMS;
pub use search::{PathEntry, SearchHit};

/// Most hits a search returns.
pub fn search_max_limit() -> usize {
    search::MAX_LIMIT
}

/// A licence an item requires (RULES.md §4.3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Requirement {
    /// The kind of licence or qualification, e.g. 公路养护作业单位资质.
    pub kind: String,
    /// The lowest acceptable grade (乙级, 三级, …); none = holding it is enough.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_grade: Option<String>,
    /// Who must have issued it, e.g. 卫生健康主管部门.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
}

/// Where an item, or a change to it, came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Origin {
    pub issuer: String,
    pub version: String,
    /// `base`, `added`, `renamed` or `requirements_added`.
    pub change: String,
    /// The former name, for `renamed`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
}

/// One catalogue item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CatalogueItem {
    pub code: String,
    pub name: String,
    /// 1 for a top-level class.
    pub level: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    /// 政府采购品目 codes (A goods, B works, C services).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pinmu: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub requirements: Vec<Requirement>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<Date>,
    /// Provenance: the catalogue that defined it, then every overlay that changed it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub origin: Vec<Origin>,
}

impl CatalogueItem {
    /// Whether the item is in force on `date`.
    pub fn valid_on(&self, date: Date) -> bool {
        self.valid_from.is_none_or(|f| f <= date) && self.valid_to.is_none_or(|t| date <= t)
    }
}

/// An item an overlay withdrew.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Withdrawn {
    pub code: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    pub issuer: String,
    pub version: String,
}

/// A validated catalogue with its indexes.
#[derive(Debug, Clone)]
pub struct Catalogue {
    pub version: String,
    pub issuer: String,
    pub note: Option<String>,
    items: Vec<CatalogueItem>,
    withdrawn: Vec<Withdrawn>,
    by_code: SortedMap<String, usize>,
    children: Vec<Vec<usize>>,
    /// Index of each item's parent (by position), for paths without code lookups.
    parents: Vec<Option<usize>>,
    roots: Vec<usize>,
    keys: Vec<search::Keys>,
    /// Each item's JSON as search hits carry it, made on its first hit.
    hit_json: Vec<std::sync::OnceLock<search::HitJson>>,
}

impl Catalogue {
    /// Load and validate a catalogue (the JSON format of `schema/catalogue.schema.json`); a
    /// catalogue with any error is not loaded, and the error lists every problem.
    pub fn from_value(
        v: &crate::value::Value,
        locale: crate::report::Locale,
    ) -> Result<Catalogue, crate::report::PrecheckError> {
        load::from_value(v, locale)
    }

    /// Build the indexes over items that have been validated (parents exist, no cycles, codes unique).
    fn index(
        version: String,
        issuer: String,
        note: Option<String>,
        items: Vec<CatalogueItem>,
        withdrawn: Vec<Withdrawn>,
    ) -> Catalogue {
        // The last of equal codes wins, as it did in a `BTreeMap` (the loader reports them).
        let by_code: SortedMap<String, usize> = items
            .iter()
            .enumerate()
            .map(|(i, it)| (it.code.clone(), i))
            .collect();
        let mut children = vec![Vec::new(); items.len()];
        let mut parents = vec![None; items.len()];
        let mut roots = Vec::new();
        for (i, it) in items.iter().enumerate() {
            match it.parent.as_ref().and_then(|p| by_code.get(p)) {
                Some(&p) => {
                    if let Some(slot) = parents.get_mut(i) {
                        *slot = Some(p);
                    }
                    if let Some(c) = children.get_mut(p) {
                        c.push(i);
                    }
                }
                None => roots.push(i),
            }
        }
        let keys = items.iter().map(search::Keys::of).collect();
        let n = items.len();
        Catalogue {
            version,
            issuer,
            note,
            items,
            withdrawn,
            by_code,
            children,
            parents,
            roots,
            keys,
            hit_json: (0..n).map(|_| std::sync::OnceLock::new()).collect(),
        }
    }

    /// All items, in load order.
    pub fn items(&self) -> &[CatalogueItem] {
        &self.items
    }

    /// Items withdrawn by overlays.
    pub fn withdrawn(&self) -> &[Withdrawn] {
        &self.withdrawn
    }

    /// The item with this code (exact; codes are compared as written).
    pub fn get(&self, code: &str) -> Option<&CatalogueItem> {
        self.by_code.get(code).and_then(|&i| self.items.get(i))
    }

    /// Children of `code`, or the top-level classes for `None`. Unknown code: empty.
    pub fn children(&self, code: Option<&str>) -> Vec<&CatalogueItem> {
        let idx: &[usize] = match code {
            None => &self.roots,
            Some(c) => match self.by_code.get(c).and_then(|&i| self.children.get(i)) {
                Some(v) => v,
                None => &[],
            },
        };
        idx.iter().filter_map(|&i| self.items.get(i)).collect()
    }

    /// The path from the root to `code` (inclusive); empty if unknown.
    pub fn path(&self, code: &str) -> Vec<&CatalogueItem> {
        let mut out = Vec::new();
        let mut cur = self.get(code);
        while let Some(item) = cur {
            out.push(item);
            if out.len() > self.items.len() {
                break; // cannot happen for a validated catalogue; guards anyway
            }
            cur = item.parent.as_deref().and_then(|p| self.get(p));
        }
        out.reverse();
        out
    }

    /// [`Catalogue::path`] as code and name pairs, as hits and reports carry it.
    pub fn path_entries(&self, code: &str) -> Vec<PathEntry> {
        self.path(code)
            .into_iter()
            .map(|p| PathEntry {
                code: p.code.clone(),
                name: p.name.clone(),
            })
            .collect()
    }

    /// Positions from the root down to the item at position `i`, following parent positions.
    fn path_positions(&self, i: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut cur = Some(i).filter(|&i| i < self.items.len());
        while let Some(i) = cur {
            out.push(i);
            if out.len() > self.items.len() {
                break; // cannot happen for a validated catalogue; guards anyway
            }
            cur = self.parents.get(i).copied().flatten();
        }
        out.reverse();
        out
    }

    /// [`Catalogue::path_entries`] of the item at position `i`.
    fn path_entries_at(&self, i: usize) -> Vec<PathEntry> {
        self.path_positions(i)
            .into_iter()
            .filter_map(|p| self.items.get(p))
            .map(|p| PathEntry {
                code: p.code.clone(),
                name: p.name.clone(),
            })
            .collect()
    }

    /// The JSON texts of the item at position `i` (see [`search::HitJson`]), made once.
    fn hit_json(&self, i: usize) -> std::borrow::Cow<'_, search::HitJson> {
        match (self.hit_json.get(i), self.items.get(i)) {
            (Some(cell), Some(item)) => {
                std::borrow::Cow::Borrowed(cell.get_or_init(|| search::HitJson::of(item)))
            }
            _ => std::borrow::Cow::Owned(search::HitJson::default()),
        }
    }

    /// The JSON text of the catalogue (items in load order, with their origins).
    pub fn to_json(&self) -> String {
        crate::report::json::catalogue_text(
            &self.version,
            &self.issuer,
            self.note.as_deref(),
            &self.items,
            &self.withdrawn,
        )
    }
}
