//! A map and a set of a few entries, each in one sorted vector: what the crate's `BTreeMap`s and
//! `BTreeSet`s were (finding params, labels, policy thresholds, month sets, the catalogue's code
//! index). Same behaviour — key order, the last value of a key kept — with one allocation per
//! container and one small piece of code per type instead of the B-tree's insert, search,
//! clone, iteration and drop (issue 11: every monomorphisation ships in the module; issue 13:
//! a node per finding).

use serde::Serialize;
use std::borrow::Borrow;
use std::cmp::Ordering;

/// A map in key order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SortedMap<K, V>(Vec<(K, V)>);

impl<K, V> Default for SortedMap<K, V> {
    fn default() -> Self {
        SortedMap(Vec::new())
    }
}

impl<K: Ord, V> SortedMap<K, V> {
    pub const fn new() -> Self {
        SortedMap(Vec::new())
    }
    /// Room for `n` more entries (one allocation for a map whose size is known).
    pub fn reserve(&mut self, n: usize) {
        self.0.reserve(n);
    }
    /// Where `key` is (`Ok`) or would go (`Err`).
    fn find<Q: Ord + ?Sized>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
    {
        self.0.binary_search_by(|(k, _)| k.borrow().cmp(key))
    }
    /// Set `key` to `value`; the value it had, if any.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(i) => self
                .0
                .get_mut(i)
                .map(|e| std::mem::replace(&mut e.1, value)),
            Err(i) => {
                self.0.insert(i, (key, value));
                None
            }
        }
    }
    pub fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        let i = self.find(key).ok()?;
        self.0.get(i).map(|(_, v)| v)
    }
    pub fn get_mut<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
    {
        let i = self.find(key).ok()?;
        self.0.get_mut(i).map(|(_, v)| v)
    }
    pub fn contains_key<Q: Ord + ?Sized>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.find(key).is_ok()
    }
}

impl<K, V> SortedMap<K, V> {
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// The entries in key order.
    pub fn iter(&self) -> Iter<'_, K, V> {
        self.0.iter().map(|(k, v)| (k, v))
    }
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &K> + ExactSizeIterator {
        self.0.iter().map(|(k, _)| k)
    }
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + ExactSizeIterator {
        self.0.iter().map(|(_, v)| v)
    }
}

/// The entries of a [`SortedMap`] in key order.
pub type Iter<'a, K, V> =
    std::iter::Map<std::slice::Iter<'a, (K, V)>, fn(&'a (K, V)) -> (&'a K, &'a V)>;

impl<'a, K, V> IntoIterator for &'a SortedMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = Iter<'a, K, V>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<K: Ord, V> FromIterator<(K, V)> for SortedMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut m = SortedMap::new();
        m.extend(iter);
        m
    }
}

/// All at once (a catalogue's codes): one sort, not an insertion each; a key given twice keeps
/// its last value, as inserting one by one does.
impl<K: Ord, V> Extend<(K, V)> for SortedMap<K, V> {
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, iter: I) {
        let entries = &mut self.0;
        entries.extend(iter);
        if !entries.is_sorted_by(|a, b| a.0 < b.0) {
            let order = stable_order(
                entries.len(),
                &|a, b| match (entries.get(a), entries.get(b)) {
                    (Some(a), Some(b)) => a.0.cmp(&b.0),
                    _ => Ordering::Equal,
                },
            );
            permute(entries, &order);
        }
        // The entries of one key are in the order given: the last one wins.
        entries.dedup_by(|later, kept| {
            let same = later.0 == kept.0;
            if same {
                std::mem::swap(&mut later.1, &mut kept.1);
            }
            same
        });
    }
}

/// The indices `0..n` in the order `cmp` gives, equal ones in index order. Not generic: the one
/// sort of every map and set (each sort instantiated is several KB of the module).
fn stable_order(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// `v` rearranged so that its `k`-th element is the one at `order[k]` before.
fn permute<T>(v: &mut Vec<T>, order: &[usize]) {
    let mut slots: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(
        order
            .iter()
            .filter_map(|&i| slots.get_mut(i).and_then(Option::take)),
    );
}

/// `map[key]`, as a `BTreeMap`'s: the key must be there.
impl<K: Ord + Borrow<Q>, V, Q: Ord + ?Sized + std::fmt::Debug> std::ops::Index<&Q>
    for SortedMap<K, V>
{
    type Output = V;
    #[allow(clippy::panic)] // the contract of `Index`, as `BTreeMap`'s
    fn index(&self, key: &Q) -> &V {
        match self.get(key) {
            Some(v) => v,
            None => panic!("no key {key:?}"),
        }
    }
}

/// An object in key order, as a `BTreeMap` serialises.
impl<K: Serialize, V: Serialize> Serialize for SortedMap<K, V> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

/// A set in order: a [`SortedMap`] with nothing for values (the same layout as the values
/// alone, and the map's one insertion and one sort).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SortedSet<T>(SortedMap<T, ()>);

impl<T> Default for SortedSet<T> {
    fn default() -> Self {
        SortedSet(SortedMap::default())
    }
}

impl<T: Ord> SortedSet<T> {
    pub const fn new() -> Self {
        SortedSet(SortedMap::new())
    }
    /// Add `value`; whether it was not there.
    pub fn insert(&mut self, value: T) -> bool {
        self.0.insert(value, ()).is_none()
    }
    pub fn contains<Q: Ord + ?Sized>(&self, value: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.0.contains_key(value)
    }
}

impl<T> SortedSet<T> {
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// The values in order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &T> + ExactSizeIterator {
        self.0.keys()
    }
}

impl<T: Ord> FromIterator<T> for SortedSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        SortedSet(iter.into_iter().map(|v| (v, ())).collect())
    }
}

impl<T: Ord> Extend<T> for SortedSet<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, iter: I) {
        self.0.extend(iter.into_iter().map(|v| (v, ())));
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// As the `BTreeMap` they replace: key order whatever the insertion order, the last value
    /// of a key kept (and the one it replaced returned), JSON in key order.
    #[test]
    fn a_map_in_key_order() {
        let mut p: SortedMap<&str, String> = SortedMap::new();
        assert!(p.is_empty());
        for (k, v) in [("m", "1"), ("b", "2"), ("z", "3"), ("a", "4"), ("b", "5")] {
            let old = p.insert(k, v.to_string());
            assert_eq!(old.is_some(), k == "b" && v == "5", "{k}");
        }
        assert_eq!(p.keys().copied().collect::<Vec<_>>(), ["a", "b", "m", "z"]);
        assert_eq!(
            p.values().map(String::as_str).collect::<Vec<_>>(),
            ["4", "5", "1", "3"]
        );
        assert_eq!((p.len(), p["b"].as_str(), p.get("q")), (4, "5", None));
        assert!(p.contains_key("z") && !p.contains_key("y"));
        *p.get_mut("z").unwrap() = "9".into();
        assert_eq!(
            serde_json::to_string(&p).unwrap(),
            r#"{"a":"4","b":"5","m":"1","z":"9"}"#
        );
        let reversed: SortedMap<&str, String> =
            p.iter().rev().map(|(k, v)| (*k, v.clone())).collect();
        assert_eq!(reversed, p);
        let from: SortedMap<&str, String> = [("z", "9"), ("m", "1"), ("a", "4"), ("b", "5")]
            .into_iter()
            .map(|(k, v)| (k, v.to_string()))
            .collect();
        assert_eq!(from, p);
        // Built at once, a key given twice keeps its last value, as inserted one by one.
        let twice: SortedMap<&str, u32> = [("b", 1), ("a", 2), ("b", 3), ("c", 4), ("b", 5)]
            .into_iter()
            .collect();
        assert_eq!(
            twice.iter().map(|(k, v)| (*k, *v)).collect::<Vec<_>>(),
            [("a", 2), ("b", 5), ("c", 4)]
        );
        let mut more = twice.clone();
        more.extend([("a", 6), ("d", 7)]);
        assert_eq!(
            more.iter().map(|(k, v)| (*k, *v)).collect::<Vec<_>>(),
            [("a", 6), ("b", 5), ("c", 4), ("d", 7)]
        );
        // A catalogue's worth in reverse, each key twice: the second value of each kept.
        let big: SortedMap<u32, u32> = (0..20_000)
            .rev()
            .map(|k| (k, 0))
            .chain((0..20_000).map(|k| (k, k)))
            .collect();
        assert!(big.len() == 20_000 && big.iter().all(|(k, v)| k == v));
        // Keys borrowed as `str` from `String`.
        let owned: SortedMap<String, u8> = [("x".to_string(), 1)].into_iter().collect();
        assert_eq!((owned.get("x"), owned.get("y")), (Some(&1), None));
    }

    #[test]
    fn a_set_in_order() {
        let mut s = SortedSet::new();
        assert!(s.insert(3) && s.insert(1) && s.insert(2) && !s.insert(3));
        assert_eq!(s.iter().copied().collect::<Vec<_>>(), [1, 2, 3]);
        assert!(s.contains(&2) && !s.contains(&4));
        s.extend([0, 2, 5]);
        assert_eq!(
            (s.len(), s.iter().copied().collect::<Vec<_>>()),
            (5, vec![0, 1, 2, 3, 5])
        );
        let reversed: SortedSet<u32> = (0..5000).rev().chain(0..5000).collect();
        assert!(reversed.iter().copied().eq(0..5000));
        let names: SortedSet<String> = ["b", "a", "b"].into_iter().map(String::from).collect();
        assert!(names.contains("a") && !names.contains("c") && names.len() == 2);
    }
}
