//! What users really type: full-width forms, spaces (also ideographic and zero-width ones),
//! hyphens and dashes of every kind, lower-case letters. Normalisation reports what it changed.

/// What to do with a value.
#[derive(Debug, Clone, Copy)]
pub struct Rules {
    /// Remove every kind of white space (else only trim the ends).
    pub drop_spaces: bool,
    /// Remove hyphens and dashes.
    pub drop_hyphens: bool,
    /// Upper-case ASCII letters.
    pub upper_case: bool,
}

/// Kinds of change, reported as the `changes` parameter of `field.normalized`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    FullWidth,
    Spaces,
    Hyphens,
    Case,
}

impl Change {
    pub fn name(self) -> &'static str {
        match self {
            Change::FullWidth => "full_width",
            Change::Spaces => "spaces",
            Change::Hyphens => "hyphens",
            Change::Case => "case",
        }
    }
}

/// Full-width ASCII variants (U+FF01–FF5E) and the ideographic space to their ASCII forms.
pub fn half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// White space as users paste it, including zero-width characters and the BOM.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// Hyphens, dashes and minus signs (after half-width folding).
pub fn is_hyphen(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{30FC}'
    )
}

/// Normalise `input` by `rules`; returns the result and the kinds of change made (in a fixed order).
pub fn normalize(input: &str, rules: Rules) -> (String, Vec<Change>) {
    let mut out = String::with_capacity(input.len());
    let (mut full, mut spaces, mut hyphens, mut case) = (false, false, false, false);
    let trimmed = input.trim_matches(is_space);
    if trimmed.len() != input.len() {
        spaces = true;
    }
    for c in trimmed.chars() {
        let h = half_width(c);
        if h != c {
            full = true;
        }
        if rules.drop_spaces && is_space(h) {
            spaces = true;
            continue;
        }
        if rules.drop_hyphens && is_hyphen(h) {
            hyphens = true;
            continue;
        }
        if rules.upper_case && h.is_ascii_lowercase() {
            case = true;
            out.push(h.to_ascii_uppercase());
            continue;
        }
        out.push(h);
    }
    // Dropping a hyphen can uncover a space at either end ("－ a"): trim again, so that
    // normalising twice equals normalising once (found by the property tests).
    let retrimmed = out.trim_matches(is_space);
    if retrimmed.len() != out.len() {
        spaces = true;
        out = retrimmed.to_string();
    }
    let mut changes = Vec::new();
    for (flag, change) in [
        (full, Change::FullWidth),
        (spaces, Change::Spaces),
        (hyphens, Change::Hyphens),
        (case, Change::Case),
    ] {
        if flag {
            changes.push(change);
        }
    }
    (out, changes)
}

#[cfg(test)]
mod tests {
    use super::*;
    const ALL: Rules = Rules {
        drop_spaces: true,
        drop_hyphens: true,
        upper_case: true,
    };

    #[test]
    fn folds_everything_users_type() {
        let (s, ch) = normalize(" ９１１１ 0000-6000\u{200B}37341ｌ ", ALL);
        assert_eq!(s, "91110000600037341L");
        assert_eq!(
            ch,
            vec![
                Change::FullWidth,
                Change::Spaces,
                Change::Hyphens,
                Change::Case
            ]
        );
    }

    #[test]
    fn clean_input_reports_nothing() {
        assert_eq!(normalize("ABC123", ALL), ("ABC123".to_string(), vec![]));
    }

    #[test]
    fn idempotent() {
        for s in ["ａ-ｂ　c", "  x\u{FEFF}y  ", "－１２"] {
            let once = normalize(s, ALL).0;
            let twice = normalize(&once, ALL);
            assert_eq!(twice, (once, vec![]));
        }
    }

    #[test]
    fn idempotent_when_a_dropped_hyphen_uncovers_a_space() {
        let r = Rules {
            drop_spaces: false,
            drop_hyphens: true,
            upper_case: false,
        };
        assert_eq!(
            normalize("－ a -", r),
            (
                "a".to_string(),
                vec![Change::FullWidth, Change::Spaces, Change::Hyphens]
            )
        );
        assert_eq!(normalize("a", r), ("a".to_string(), vec![]));
    }

    #[test]
    fn keeps_what_rules_keep() {
        let r = Rules {
            drop_spaces: false,
            drop_hyphens: false,
            upper_case: false,
        };
        assert_eq!(normalize(" a - b ", r).0, "a - b");
    }
}
