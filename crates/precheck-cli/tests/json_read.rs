//! `Value::from_json_serde`, the reader of every JSON line the CLI checks (issue 13), reads
//! exactly what serde_json reads — with `float_roundtrip`, as this crate builds serde_json —
//! accepting and refusing the same texts, with the same values: numbers of every form (big,
//! exponents, `-0`, out of range), escapes and surrogates, duplicate keys, the depth and node
//! limits, trailing content, a byte order mark, white space; every short text over the JSON
//! alphabet; and random edits of all of these. fuzz/fuzz_targets/value_json_serde.rs holds the
//! same on whatever libFuzzer finds.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a test fails loudly
use procurement_precheck::value::{Value, MAX_DEPTH, MAX_NODES};

/// Both readers on `text`: the same answer (and serde_json's from the bytes the same).
fn agree(text: &str) -> bool {
    let ours = Value::from_json_serde(text);
    let theirs = serde_json::from_str::<Value>(text).ok();
    assert_eq!(ours, theirs, "{text:?}");
    assert_eq!(
        serde_json::from_slice::<Value>(text.as_bytes()).ok(),
        theirs,
        "{text:?} (bytes)"
    );
    ours.is_some()
}

fn numbers() -> Vec<String> {
    let ints = [
        "0",
        "1",
        "7",
        "10",
        "100",
        "2025",
        "123456789012345",
        "1234567890123456",
        "12345678901234567",
        "9007199254740993",
        "9223372036854775807",
        "9223372036854775808",
        "9223372036854775809",
        "18446744073709551615",
        "18446744073709551616",
        "99999999999999999999999",
        "100000000000000000000",
        "65555555555555555555555555555555555555555555555555555555",
        &"9".repeat(400),
        "01",
        "00",
        "",
    ];
    let fracs = [
        "",
        ".",
        ".0",
        ".5",
        ".50",
        ".000001",
        ".30000000000000004",
        ".1234567890123456789",
        ".00000000000000000000000000000000000000000000000001",
        ".5a",
    ];
    let exps = [
        "",
        "e",
        "E+",
        "e-",
        "e0",
        "e5",
        "E-7",
        "e+21",
        "e308",
        "e309",
        "e-324",
        "e-325",
        "e-400",
        "e400",
        "e007",
        "e2147483647",
        "e2147483648",
        "e-2147483648",
        "e99999999999",
        "e-99999999999",
    ];
    let mut out = vec![];
    for sign in ["", "-", "+"] {
        for i in ints {
            for f in fracs {
                for e in exps {
                    out.push(format!("{sign}{i}{f}{e}"));
                }
            }
        }
    }
    out.extend(
        [
            "NaN",
            "Infinity",
            "-Infinity",
            "0x10",
            "1_000",
            "4.9406564584124654e-324",
            "2.2250738585072011e-308",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "984941894024559.1",
            "555000000202080000000.5",
            "0.1e1",
            "-0.0e-0",
        ]
        .map(String::from),
    );
    out
}

#[test]
fn numbers_of_every_form() {
    let mut accepted = 0;
    for n in numbers() {
        for text in [n.clone(), format!("[{n}]"), format!("{{\"n\":{n} }}")] {
            accepted += usize::from(agree(&text));
        }
    }
    assert!(accepted > 3000, "{accepted}");
}

#[test]
fn strings_escapes_and_surrogates() {
    let pieces = [
        "",
        "a",
        "中文",
        "\u{1F600}",
        "\\\"",
        "\\\\",
        "\\/",
        "\\b\\f\\n\\r\\t",
        "\\u0000",
        "\\u001f",
        "\\u0041",
        "\\u00e9",
        "\\u4E2D",
        "\\uFFFF",
        "\\ud83d\\ude00",
        "\\uD83D\\uDE00",
        "\\ud800",
        "\\udbff",
        "\\udc00",
        "\\udfff",
        "\\ud800\\u0041",
        "\\ud800\\ud800\\udc00",
        "\\ud800\\n",
        "\\ud800x",
        "\\udc00\\ud800",
        "\\u12",
        "\\u12g4",
        "\\uZZZZ",
        "\\x",
        "\\a",
        "\\'",
        "\\",
        "\u{1}",
        "\u{1f}",
        "\t",
        "\n",
        "\u{7f}",
        "\u{2028}",
    ];
    let mut accepted = 0;
    for a in pieces {
        for b in pieces {
            let s = format!("\"{a}{b}\"");
            for text in [s.clone(), format!("{{{s}:{s}}}"), format!("[{s},1]")] {
                accepted += usize::from(agree(&text));
            }
        }
    }
    assert!(accepted > 1000, "{accepted}");
}

#[test]
fn structure_white_space_and_trailing_content() {
    for text in [
        "",
        " ",
        "null",
        "nul",
        "nulll",
        "true",
        "True",
        "false",
        " \t\n\r1 \t\n\r",
        "\u{b}1",
        "\u{c}1",
        "\u{a0}1",
        "\u{feff}1",
        "\u{feff}{}",
        "{}\u{feff}",
        "1 2",
        "1,",
        "{}{}",
        "[]]",
        "[",
        "]",
        "[1,]",
        "[,1]",
        "[1 2]",
        "[1,,2]",
        "{",
        "}",
        "{\"a\"}",
        "{\"a\":}",
        "{\"a\":1,}",
        "{,\"a\":1}",
        "{\"a\" : 1 , \"b\" :[ ] }",
        "{a:1}",
        "{'a':1}",
        "{1:1}",
        "{\"a\":1 \"b\":2}",
        "{\"a\":1,\"a\":2,\"a\":[3]}",
        "{\"\":0}",
        "[null,true,false,\"x\",{},[]]",
        "/* c */1",
        "1 // c",
        "[1]\n",
        "[1]\r\n",
        "\"a\"\"b\"",
    ] {
        agree(text);
    }
}

#[test]
fn past_the_depth_and_node_limits() {
    for depth in [
        MAX_DEPTH - 1,
        MAX_DEPTH,
        MAX_DEPTH + 1,
        MAX_DEPTH + 2,
        127,
        128,
        129,
        1000,
        50_000,
    ] {
        for (open, close, inner) in [
            ("[", "]", "1"),
            ("{\"k\":", "}", "[1e400,\"\\ud800\",-0]"),
            ("[0,", "]", "{\"a\":\"\\x\"}"),
            ("[", "]", "1e400"),
            ("[", "]", "\"\\udc00\""),
            ("[", "]", "\"\u{1}\""),
            ("[", "]", "01"),
            ("[", "]", ""),
        ] {
            let text = format!("{}{inner}{}", open.repeat(depth), close.repeat(depth));
            agree(&text);
            let broken = format!("{}{inner}{}", open.repeat(depth), close.repeat(depth - 1));
            agree(&broken);
        }
    }
    for n in [MAX_NODES - 2, MAX_NODES - 1, MAX_NODES, MAX_NODES + 5] {
        let text = format!("[{}]", vec!["[7]"; n / 2].join(","));
        agree(&text);
        // Past the budget, the rest is only checked for syntax: a bad number there still fails,
        // an out-of-range one does not.
        for tail in ["1e400", "\"\\ud800\"", "01", "{\"a\":[1,{}]}"] {
            let text = format!("[{},{tail}]", vec!["7"; n].join(","));
            agree(&text);
        }
    }
}

/// Every text of up to `len` characters over `alphabet`.
fn all_texts(alphabet: &[&str], len: usize, f: &mut impl FnMut(&str)) {
    fn go(alphabet: &[&str], len: usize, prefix: &mut String, f: &mut impl FnMut(&str)) {
        f(prefix);
        if len == 0 {
            return;
        }
        for a in alphabet {
            let at = prefix.len();
            prefix.push_str(a);
            go(alphabet, len - 1, prefix, f);
            prefix.truncate(at);
        }
    }
    go(alphabet, len, &mut String::new(), f);
}

#[test]
fn every_short_text_over_the_json_alphabet() {
    let mut accepted = 0;
    let mut count = 0;
    let alphabet = [
        "[", "]", "{", "}", "\"", ",", ":", "0", "1", "-", ".", "e", "+", " ", "n", "\\", "u", "a",
        "\n", "中",
    ];
    all_texts(&alphabet, 4, &mut |t| {
        count += 1;
        accepted += usize::from(agree(t));
    });
    let alphabet = ["[", "]", "{", "}", "\"", ",", ":", "0", "-", "e", "."];
    all_texts(&alphabet, 5, &mut |t| {
        count += 1;
        accepted += usize::from(agree(t));
    });
    assert!(count > 300_000 && accepted > 1_500, "{accepted} of {count}");
}

/// xorshift64*: the random edits are the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

#[test]
fn random_edits_of_real_applications_and_tricky_texts() {
    let mut seeds: Vec<String> = std::fs::read_to_string(precheck_testkit::repo(
        "tests/fixtures/qualification/bench_applications.jsonl",
    ))
    .unwrap()
    .lines()
    .take(2)
    .map(String::from)
    .collect();
    seeds.push(
        std::fs::read_to_string(precheck_testkit::repo(
            "tests/fixtures/qualification/package_three.json",
        ))
        .unwrap(),
    );
    seeds.push(
        r#"{"a":[1e400,-0,18446744073709551616,-9223372036854775809,1.5E-7],"s":"\ud83d\ude00\u00e9\n","a":{"x":[[[]]]}}"#
            .into(),
    );
    let tokens = [
        "\\u", "\\ud800", "\\udc00", "e", "E-", "e400", ".", "-", "0", "9", "\"", "\\", "[", "]",
        "{", "}", ",", ":", " ", "\u{1}", "\u{feff}", "中", "null", "1e", "00",
    ];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut accepted = 0;
    let rounds = 20_000;
    for k in 0..rounds {
        let mut t = seeds[k % seeds.len()].clone();
        for _ in 0..1 + rng.below(3) {
            let mut at = rng.below(t.len() + 1);
            while !t.is_char_boundary(at) {
                at -= 1;
            }
            match rng.below(3) {
                0 => t.insert_str(at, tokens[rng.below(tokens.len())]),
                1 => {
                    let mut end = (at + 1 + rng.below(4)).min(t.len());
                    while !t.is_char_boundary(end) {
                        end += 1;
                    }
                    t.replace_range(at..end, "");
                }
                _ => {
                    let mut end = (at + 1).min(t.len());
                    while !t.is_char_boundary(end) {
                        end += 1;
                    }
                    t.replace_range(at..end, tokens[rng.below(tokens.len())]);
                }
            }
        }
        accepted += usize::from(agree(&t));
    }
    assert!(accepted > rounds / 20, "{accepted} of {rounds}");
}
