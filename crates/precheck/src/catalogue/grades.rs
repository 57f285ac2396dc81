//! Licence grades (资质等级) and their order per scale (`data/grades.tsv`): 特级 > 一级 > 二级 >
//! 三级 > 四级; 甲级 > 乙级 > 丙级 > 丁级. Users write 乙, 3级, Ⅲ级 or 三级 alike.

use crate::tables;

/// (scale, rank, canonical form) of a grade as users write it (`乙`, `3级`, `Ⅲ级`, `三`): the
/// text trimmed, without its final 级, digits as Chinese numerals, then 级, looked up in the
/// scales. Rank 0 is the highest.
fn position(grade: &str) -> Option<(&'static str, usize, &'static str)> {
    let mut candidate: String = grade
        .trim()
        .trim_end_matches('级')
        .chars()
        .map(|c| match c {
            '1' | 'Ⅰ' | '１' => '一',
            '2' | 'Ⅱ' | '２' => '二',
            '3' | 'Ⅲ' | '３' => '三',
            '4' | 'Ⅳ' | '４' => '四',
            c => c,
        })
        .collect();
    candidate.push('级');
    let t = tables::grades();
    t.keys().iter().find_map(|scale| {
        let list = t.get(scale)?.first()?;
        let (rank, g) = list.split(' ').enumerate().find(|(_, g)| *g == candidate)?;
        Some((*scale, rank, g))
    })
}

/// The canonical form of a grade (`乙` → `乙级`, `3级`/`Ⅲ级`/`三` → `三级`), if it is one.
pub fn canonical(grade: &str) -> Option<String> {
    canonical_str(grade).map(str::to_string)
}

/// [`canonical`] as the table writes it (nothing copied).
pub fn canonical_str(grade: &str) -> Option<&'static str> {
    position(grade).map(|(_, _, g)| g)
}

/// Whether `held` meets `min`: `Some(true/false)` when both are grades of the same scale,
/// `None` when either is not a grade or they are of different scales.
pub fn meets(held: &str, min: &str) -> Option<bool> {
    let (s1, r1, _) = position(held)?;
    let (s2, r2, _) = position(min)?;
    (s1 == s2).then_some(r1 <= r2)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn orders_and_spellings() {
        assert_eq!(canonical("乙"), Some("乙级".into()));
        assert_eq!(canonical("3级"), Some("三级".into()));
        assert_eq!(canonical("Ⅲ级"), Some("三级".into()));
        assert_eq!(canonical("优秀"), None);
        assert_eq!(meets("二级", "三级"), Some(true));
        assert_eq!(meets("三级", "三级"), Some(true));
        assert_eq!(meets("四级", "三级"), Some(false));
        assert_eq!(meets("甲级", "乙级"), Some(true));
        assert_eq!(meets("丙级", "乙级"), Some(false));
        assert_eq!(meets("特级", "一级"), Some(true));
        assert_eq!(meets("甲级", "三级"), None, "different scales");
    }
}
