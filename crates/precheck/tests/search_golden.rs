//! Catalogue search gives the same hits, in the same order, with the same `matched`/`how`, item
//! and path, as recorded in `tests/fixtures/catalogue/search_golden.tsv` (recorded before the
//! search was made faster, issue 13). Each row: catalogue, query, number of hits at the maximum
//! limit, an FNV-1a hash of the JSON of those hits (items, paths, matched, how — the bytes the
//! wasm boundary and the CLI hand out), and the first three hits as `code:matched:how`.
//!
//! The queries are the bench's, the search tests', and, for every item of the embedded
//! catalogues, its code and code prefixes (half- and full-width, lower case), name prefixes and
//! suffixes, aliases and keywords, and pinyin (full, initials, mixed, prefixes, cut syllables,
//! upper case), traditional spellings and typos. Regenerate (only for a deliberate change of
//! ranking) with `PRECHECK_UPDATE_GOLDEN=1 cargo test -p procurement-precheck --test search_golden`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)] // a test fails loudly
use precheck_testkit::*;
use procurement_precheck::catalogue::text::pinyin_key;
use procurement_precheck::catalogue::{builtin, search_max_limit, Catalogue, SearchHit};
use procurement_precheck::report::Locale;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::sync::Arc;

const GOLDEN: &str = "tests/fixtures/catalogue/search_golden.tsv";

/// Catalogues of the search tests (tests/catalogue.rs), beside the embedded ones.
const DOCS: &[(&str, &str)] = &[
    (
        "doc-polyphones",
        r#"{"code":"01","name":"金融服务"},
           {"code":"0101","name":"银行业务代理","parent":"01"},
           {"code":"0102","name":"行政事务辅助","parent":"01"},
           {"code":"0103","name":"出行服务","parent":"01"}"#,
    ),
    (
        "doc-ranking",
        r#"{"code":"01","name":"清运服务"},
           {"code":"0101","name":"清运","parent":"01"},
           {"code":"0102","name":"垃圾清运","parent":"01"},
           {"code":"0103","name":"转运","parent":"01","aliases":["清运车辆"]},
           {"code":"0104","name":"环卫","parent":"01","keywords":["清运"]},
           {"code":"0105","name":"其他","parent":"01"}"#,
    ),
];

fn catalogues() -> Vec<(String, Arc<Catalogue>)> {
    let mut out: Vec<(String, Arc<Catalogue>)> = builtin::NAMES
        .iter()
        .map(|n| (n.to_string(), builtin::get(n).expect("builtin")))
        .collect();
    for (name, items) in DOCS {
        let text = format!(r#"{{"version":"t1","issuer":"测试","items":[{items}]}}"#);
        let doc: procurement_precheck::value::Value = serde_json::from_str(&text).unwrap();
        let c = Catalogue::from_value(&doc, Locale::ZhCn).unwrap();
        out.push((name.to_string(), Arc::new(c)));
    }
    out
}

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn row(cat: &str, c: &Catalogue, q: &str) -> String {
    let hits: Vec<SearchHit> = c.search(q, search_max_limit());
    let json = serde_json::to_string(&hits).unwrap();
    let top: Vec<String> = hits
        .iter()
        .take(3)
        .map(|h| format!("{}:{}:{}", h.item.code, h.matched, h.how))
        .collect();
    format!(
        "{cat}\t{q}\t{}\t{:016x}\t{}",
        hits.len(),
        fnv(json.as_bytes()),
        top.join(" ")
    )
}

/// Queries every catalogue is searched with.
fn shared_queries() -> Vec<String> {
    let mut q: Vec<String> = [
        // bench/bench.mjs
        "0106",
        "01060101",
        "垃圾清运",
        "垃圾清運",
        "ｌｊｑｙ",
        "ljqy",
        "lajiqingyun",
        "法律顾问",
        "wygl",
        "养老",
        "C1305",
        "物业管理",
        "kjfw",
        // tests/catalogue.rs
        "010601",
        "０１０６０１０１",
        "０１",
        "c13050200",
        "街道清扫",
        "城乡环境",
        "精细化",
        "道路清扫",
        "公园",
        "雪亮",
        "广场",
        "招标代理",
        "镇村 垃圾",
        "鎮、村垃圾清運",
        "法律顧問",
        "LJQY",
        "zhencunlaji",
        "ljqingyun",
        "kuaiji",
        "huiji",
        "huiyi",
        "清运",
        "qingyun",
        "01",
        "0",
        "",
        "、（）",
        "l",
        "C",
        "c",
        "203",
        "会计审计",
        "审计服务",
        "yinhang",
        "yinxing",
        "yhyw",
        "xingzheng",
        "hangzheng",
        "chuxing",
        "lajiqin",
        "lajiqy",
        "ajiqing",
        "qyl",
        // traditional spellings
        "物業管理",
        "養老服務",
        "會計",
        "審計",
        "諮詢",
        "環境",
        "衛生",
        "醫療",
        "教育培訓",
        "設計",
        "運輸",
        "維修",
        "清掃",
        "綠化",
        "資訊",
        "網絡",
        "檢測",
        "評估",
        "鎮",
        "鄉村",
        // typos and near misses
        "垃圾清云",
        "lajiqinyun",
        "ljqyy",
        "wyg",
        "kjf",
        "lj",
        "la",
        "wy",
        "fw",
        "fuwu",
        "服务",
        "服",
        "务",
        "管理",
        "zh",
        "zhen",
        "ZHENCUN",
        "Ｃ１３",
        "c1",
        "C13",
        "C99",
        "a",
        "ab",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab",
        "abc123",
        "5g",
        "5G网络",
        "  ",
        "-",
        "（",
        "01 06",
        "0106-01",
        "服务 管理",
        "wu ye",
        "Ljqy",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    q.push("垃圾".repeat(1000));
    q.push("啊".repeat(70));
    q
}

fn fullwidth(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '!'..='~' => char::from_u32(c as u32 + 0xFEE0).unwrap(),
            _ => c,
        })
        .collect()
}

/// Char prefixes (from 1) and suffixes of `s`.
fn cuts(s: &str, out: &mut Vec<String>) {
    let cs: Vec<char> = s.chars().collect();
    for i in 1..=cs.len() {
        out.push(cs[..i].iter().collect());
        out.push(cs[cs.len() - i..].iter().collect());
    }
}

/// Pinyin queries of a name: per character reading (the default one), from every start the full
/// and initials, prefixes of the full pinyin at every byte, and mixed forms.
fn pinyin_queries(name: &str, out: &mut Vec<String>) {
    let key = pinyin_key(name);
    for run in key.full().split(' ').chain(key.initials().split(' ')) {
        for i in 2..=run.len() {
            out.push(run[..i].to_string());
        }
        out.push(run.to_uppercase());
    }
    let syl: Vec<String> = name
        .chars()
        .map(|c| pinyin_key(&c.to_string()).full())
        .filter(|s| !s.is_empty() && !s.contains(' '))
        .collect();
    for start in 0..syl.len() {
        let rest = &syl[start..];
        out.push(rest.concat());
        out.push(rest.iter().map(|s| &s[..1]).collect());
        for j in 1..rest.len() {
            let (a, b) = rest.split_at(j);
            let ini: String = a.iter().map(|s| &s[..1]).collect();
            out.push(format!("{ini}{}", b.concat()));
            let bini: String = b.iter().map(|s| &s[..1]).collect();
            out.push(format!("{}{bini}", a.concat()));
            // The last syllable cut short.
            let mut cut = rest[..=j].concat();
            if rest[j].len() > 1 {
                cut.pop();
                out.push(cut);
            }
        }
    }
}

/// Every item's code, name, its first two characters and pinyin; the full set of cuts for
/// every item of a small catalogue and every 25th item of a large one (pinmu: 620 items).
fn item_queries(c: &Catalogue) -> Vec<String> {
    let mut out = vec![];
    let every = if c.items().len() > 200 { 25 } else { 1 };
    for (i, it) in c.items().iter().enumerate() {
        out.push(it.code.clone());
        out.push(it.name.clone());
        out.push(it.name.chars().take(2).collect());
        let key = pinyin_key(&it.name);
        out.push(key.full().replace(' ', ""));
        out.push(key.initials().replace(' ', ""));
        if i % every != 0 {
            continue;
        }
        out.push(it.code.to_lowercase());
        out.push(fullwidth(&it.code));
        for i in 1..it.code.len() {
            out.push(it.code[..i].to_string());
        }
        out.push(it.name.clone());
        cuts(&it.name, &mut out);
        pinyin_queries(&it.name, &mut out);
        for a in &it.aliases {
            cuts(a, &mut out);
            pinyin_queries(a, &mut out);
        }
        for k in &it.keywords {
            cuts(k, &mut out);
        }
    }
    out
}

fn rows() -> Vec<String> {
    let mut lines = vec![];
    for (name, c) in catalogues() {
        let mut seen = BTreeSet::new();
        for q in shared_queries().into_iter().chain(item_queries(&c)) {
            if seen.insert(q.clone()) {
                lines.push(row(&name, &c, &q));
            }
        }
    }
    lines
}

#[test]
fn search_results_match_the_golden_file() {
    let path = repo(GOLDEN);
    if std::env::var_os("PRECHECK_UPDATE_GOLDEN").is_some() {
        let mut text = String::from(
            "# catalogue\tquery\thits at the maximum limit\tFNV-1a of their JSON\tfirst three (code:matched:how)\n",
        );
        for l in rows() {
            writeln!(text, "{l}").unwrap();
        }
        std::fs::write(&path, text).unwrap();
        return;
    }
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let cats = catalogues();
    let mut checked = 0;
    let mut with_hits = 0;
    let mut wrong = vec![];
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let mut parts = line.splitn(3, '\t');
        let (cat, q) = (parts.next().unwrap(), parts.next().unwrap());
        let c = &cats.iter().find(|(n, _)| n == cat).unwrap().1;
        let now = row(cat, c, q);
        if now != line {
            wrong.push(format!("was: {line}\n now: {now}"));
        }
        checked += 1;
        if !line.contains("\t0\t") {
            with_hits += 1;
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {checked} searches differ from {GOLDEN}; first:\n{}",
        wrong.len(),
        wrong[..wrong.len().min(10)].join("\n")
    );
    // The file covers all catalogues and mostly queries with hits.
    assert!(
        checked > 5000 && with_hits > checked / 2,
        "{checked} rows, {with_hits} with hits"
    );
    for (name, _) in &cats {
        assert!(text.contains(&format!("\n{name}\t")), "{name} missing");
    }
}

#[test]
fn search_json_is_the_json_of_the_hits() {
    let text = std::fs::read_to_string(repo(GOLDEN)).unwrap();
    let cats = catalogues();
    let mut checked = 0;
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let mut parts = line.splitn(3, '\t');
        let (cat, q) = (parts.next().unwrap(), parts.next().unwrap());
        let c = &cats.iter().find(|(n, _)| n == cat).unwrap().1;
        for limit in [1, 20, search_max_limit()] {
            let hits = serde_json::to_string(&c.search(q, limit)).unwrap();
            assert_eq!(c.search_json(q, limit), hits, "{cat} {q} {limit}");
        }
        checked += 1;
    }
    assert!(checked > 5000);
    // Through the api: the same limit handling, the same errors.
    let p = builtin::get("pinmu-2022-services").unwrap();
    let api = |q: &procurement_precheck::value::Value,
               o: Option<&procurement_precheck::value::Value>| {
        let a = procurement_precheck::api::catalogue_search(&p, q, o)
            .map(|h| serde_json::to_string(&h).unwrap())
            .map_err(|e| (e.code, e.path));
        let b = procurement_precheck::api::catalogue_search_json(&p, q, o)
            .map_err(|e| (e.code, e.path));
        assert_eq!(a, b);
        a
    };
    assert!(api(&s("C"), None).unwrap().starts_with("[{\"item\":"));
    api(
        &s("C"),
        Some(&obj(&[(
            "limit",
            procurement_precheck::value::Value::Number("1000".into()),
        )])),
    )
    .unwrap();
    assert!(api(
        &s("C"),
        Some(&obj(&[(
            "limit",
            procurement_precheck::value::Value::Number("0".into())
        )]))
    )
    .is_err());
    assert_eq!(
        api(&procurement_precheck::value::Value::Null, None).unwrap(),
        "[]"
    );
    api(
        &procurement_precheck::value::Value::Number("203".into()),
        None,
    )
    .unwrap();
    api(&s("kjfw"), Some(&s("not an object"))).unwrap_err();
}
