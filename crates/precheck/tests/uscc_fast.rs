//! `uscc::passes_as_is` (the package's fast path of `checkUscc`) says yes exactly when the full
//! check passes the code as it stands with no finding, in every locale: over the test vectors,
//! every one-character change of each valid vector, and arbitrary strings.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)] // a test fails loudly
use precheck_testkit::*;
use procurement_precheck::api;
use procurement_precheck::fields::uscc;
use proptest::prelude::*;

/// What the full check says: passed as is, with no finding, in every locale (and with info).
fn full(code: &str) -> bool {
    let per_locale: Vec<bool> = ["zh-CN", "zh-TW", "en"]
        .iter()
        .map(|l| {
            let r = api::check_uscc(&s(code), Some(&obj(&[("locale", s(l))]))).unwrap();
            r.ok && r.findings.is_empty() && r.value.as_deref() == Some(code) && r.info.is_some()
        })
        .collect();
    assert!(
        per_locale.iter().all(|&b| b == per_locale[0]),
        "{code:?}: locales disagree"
    );
    per_locale[0]
}

fn vectors(file: &str) -> Vec<String> {
    std::fs::read_to_string(repo(file))
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').next().unwrap().trim().to_string())
        .collect()
}

#[test]
fn agrees_with_the_full_check_on_the_vectors() {
    let valid = vectors("tests/fixtures/uscc_valid.txt");
    assert!(valid.len() > 20);
    for c in &valid {
        assert!(uscc::passes_as_is(c), "{c}: a clean valid vector");
        assert!(full(c), "{c}");
    }
    for c in vectors("tests/fixtures/uscc_invalid.txt") {
        assert_eq!(uscc::passes_as_is(&c), full(&c), "{c:?}");
    }
}

#[test]
fn agrees_on_every_one_character_change() {
    let alphabet: Vec<char> = format!("{}abcxyzIOSVZ -·０", uscc::ALPHABET)
        .chars()
        .collect();
    let (mut yes, mut no) = (0, 0);
    for c in vectors("tests/fixtures/uscc_valid.txt") {
        let chars: Vec<char> = c.chars().collect();
        for i in 0..chars.len() {
            for &a in &alphabet {
                let mut m = chars.clone();
                m[i] = a;
                let m: String = m.into_iter().collect();
                let fast = uscc::passes_as_is(&m);
                assert_eq!(fast, full(&m), "{m:?}");
                if fast {
                    yes += 1
                } else {
                    no += 1
                }
            }
        }
        // Shorter and longer by one, and lower case.
        for m in [&c[..17], &format!("{c}0"), &c.to_lowercase()] {
            assert_eq!(uscc::passes_as_is(m), full(m), "{m:?}");
        }
    }
    // Both answers occur (a change of the division or of a check character that happens to be
    // right again keeps some codes valid).
    assert!(yes > 0 && no > 0, "yes {yes}, no {no}");
}

proptest! {
    #[test]
    fn agrees_on_arbitrary_strings(code in "[0-9A-Z]{18}|[0-9A-Za-z -]{0,20}|\\PC{0,20}") {
        prop_assert_eq!(uscc::passes_as_is(&code), full(&code));
    }
}
