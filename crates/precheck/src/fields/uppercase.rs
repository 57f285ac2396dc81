//! 人民币大写金额 (uppercase Chinese amounts) — generation and parsing by value.
//!
//! The rules follow the PBOC cheque-filling rules (支票填写规范) and the 会计基础工作规范:
//!
//! * digits 零壹贰叁肆伍陆柒捌玖, units 拾佰仟 inside a four-digit group, group markers 万
//!   and 亿, then 元 (also written 圆), 角, 分 and 整 (also written 正);
//! * an optional 人民币 prefix (optionally followed by `：` or `:`), and white space anywhere,
//!   including U+3000 and the zero-width characters U+200B–U+200D, U+2060 and U+FEFF.
//!
//! [`to_uppercase`] writes the one canonical spelling of an amount. [`parse_uppercase`] reads an
//! uppercase amount by value, liberally where the value is unambiguous (a missing or extra 零,
//! 拾伍元 for 壹拾伍元, 整 after 分 …), and tells whether the spelling is one of those the rules
//! allow ([`Parsed::standard`]). That flag is decided by generating every allowed spelling of the
//! parsed value (at most sixteen) and comparing, so generation and checking cannot drift apart.
//!
//! Amounts are `u64` fen (1 元 = 100 分). Nothing here panics on any input.

/// Largest amount supported, exclusive: 10^12 元 = 10^14 fen.
pub const LIMIT_FEN: u64 = 100_000_000_000_000;

/// Number of decimal places of the integer part (元) below [`LIMIT_FEN`].
const INT_PLACES: u32 = 12;

/// The uppercase digit for `d` (0–9); anything else maps to 零 (never happens for `d % 10`).
fn digit_char(d: u64) -> char {
    match d {
        1 => '壹',
        2 => '贰',
        3 => '叁',
        4 => '肆',
        5 => '伍',
        6 => '陆',
        7 => '柒',
        8 => '捌',
        9 => '玖',
        _ => '零',
    }
}

/// The unit written after a non-zero digit at `place` within its four-digit group
/// (`place % 4`: 0 → none, 1 → 拾, 2 → 佰, 3 → 仟).
fn place_unit(place: usize) -> Option<char> {
    match place % 4 {
        1 => Some('拾'),
        2 => Some('佰'),
        3 => Some('仟'),
        _ => None,
    }
}

/// `10^exp` for the small exponents used here (saturating, never panics).
fn pow10(exp: u32) -> u64 {
    10u64.saturating_pow(exp)
}

/// The decimal digits of `n` (< 10^12), least significant first: `digits[p]` is the digit at
/// 10^p. Higher digits are dropped (callers check the range first).
fn integer_digits(mut n: u64) -> [u64; INT_PLACES as usize] {
    let mut digits = [0u64; INT_PLACES as usize];
    for d in &mut digits {
        *d = n % 10;
        n /= 10;
    }
    digits
}

/// Spell the integer part with digits `digits` (see [`integer_digits`]) without 元.
///
/// With both flags false this is the canonical form: one 零 for each run of zeros lying between
/// two non-zero digits (across 万 and 亿 too), 万/亿 after every non-zero group, 壹 kept in 壹拾.
/// `omit_zero_at_qian` drops the 零 that would precede a non-zero 10^3 digit when the 10^4 digit
/// is 0 (PBOC: 万位是0、千位不是0 时可以不写零字); `omit_zero_at_qianwan` does the same at the
/// 亿 boundary (10^8 digit 0, 10^7 digit non-zero). Zero gives the empty string.
fn spell_integer(
    digits: &[u64; INT_PLACES as usize],
    omit_zero_at_qian: bool,
    omit_zero_at_qianwan: bool,
) -> String {
    let mut out = String::with_capacity(96);
    let mut started = false;
    let mut pending_zero = false;
    // Whether the group ending at 10^4 (万) / 10^8 (亿) is non-zero.
    let group_nonzero = |lo: usize| {
        digits
            .get(lo..lo + 4)
            .is_some_and(|g| g.iter().any(|&d| d != 0))
    };
    let wan_group = group_nonzero(4);
    let yi_group = group_nonzero(8);
    for (place, &d) in digits.iter().enumerate().rev() {
        if d == 0 && !started {
            // Leading zeros: nothing to write, and no 亿/万 (their groups are zero so far).
            continue;
        }
        if d != 0 {
            // A pending zero here means the digit just above is 0 and something non-zero
            // stands higher up.
            let omit = (place == 3 && omit_zero_at_qian) || (place == 7 && omit_zero_at_qianwan);
            if pending_zero && !omit {
                out.push('零');
            }
            pending_zero = false;
            started = true;
            out.push(digit_char(d));
            if let Some(u) = place_unit(place) {
                out.push(u);
            }
        } else {
            pending_zero = true;
        }
        if place == 8 && yi_group {
            out.push('亿');
        }
        if place == 4 && wan_group {
            out.push('万');
        }
    }
    out
}

/// Every allowed spelling of the integer part `n` (canonical first, at most four): the 零
/// before the 10^3 (10^7) digit may be left out when the 10^4 (10^8) digit is 0, the 10^3
/// (10^7) digit is not, and something non-zero stands above.
fn integer_forms(n: u64) -> Vec<String> {
    let digits = integer_digits(n);
    let applies = |place: usize| {
        let here = digits.get(place).copied().unwrap_or(0);
        let above = digits.get(place + 1).copied().unwrap_or(0);
        let higher = digits.iter().skip(place + 2).any(|&d| d != 0);
        here != 0 && above == 0 && higher
    };
    let options = |place: usize| -> &'static [bool] {
        if applies(place) {
            &[false, true]
        } else {
            &[false]
        }
    };
    let mut forms = Vec::with_capacity(4);
    for &b in options(7) {
        for &a in options(3) {
            forms.push(spell_integer(&digits, a, b));
        }
    }
    forms
}

/// The endings after 角: `X角Y分` when 分 ≠ 0, else `X角` (canonical) and `X角整`.
fn jiao_tails(jiao: u64, fen: u64) -> Vec<String> {
    let mut base = String::new();
    base.push(digit_char(jiao));
    base.push('角');
    if fen != 0 {
        base.push(digit_char(fen));
        base.push('分');
        vec![base]
    } else {
        let with_zheng = format!("{base}整");
        vec![base, with_zheng]
    }
}

/// Every allowed spelling of what follows the integer digits (including 元 and, for `n = 0`,
/// the whole amount); the first one is canonical.
fn suffix_forms(n: u64, jiao: u64, fen: u64) -> Vec<String> {
    let mut forms = Vec::new();
    let f = digit_char(fen);
    if n > 0 {
        if jiao == 0 && fen == 0 {
            forms.push("元整".to_string());
        } else if jiao == 0 {
            // 元零X分 is mandatory.
            forms.push(format!("元零{f}分"));
        } else {
            let tails = jiao_tails(jiao, fen);
            for t in &tails {
                forms.push(format!("元{t}"));
            }
            // 元位是0 and 角 ≠ 0: a 零 may be written after 元.
            if n % 10 == 0 {
                for t in &tails {
                    forms.push(format!("元零{t}"));
                }
            }
        }
    } else if jiao == 0 && fen == 0 {
        forms.push("零元整".to_string());
    } else if jiao == 0 {
        forms.push(format!("{f}分"));
        forms.push(format!("零{f}分"));
        forms.push(format!("零元零{f}分"));
    } else {
        let tails = jiao_tails(jiao, fen);
        for t in &tails {
            forms.push(t.clone());
        }
        for t in &tails {
            forms.push(format!("零元{t}"));
        }
    }
    forms
}

/// Every spelling the rules accept for `fen` (already below [`LIMIT_FEN`]), canonical first,
/// without prefix or white space, with 元 and 整 (not 圆/正). At most 4 × 4 entries.
#[cfg(test)]
fn accepted_spellings(fen: u64) -> Vec<String> {
    let n = fen / 100;
    let suffixes = suffix_forms(n, (fen / 10) % 10, fen % 10);
    let mut all = Vec::new();
    for i in integer_forms(n) {
        for s in &suffixes {
            all.push(format!("{i}{s}"));
        }
    }
    all
}

/// Whether `cleaned` is one of the spellings the rules accept for `fen` (the same set as
/// `accepted_spellings`, matched as integer form + suffix form without building every pair).
fn is_accepted_spelling(fen: u64, cleaned: &str) -> bool {
    let n = fen / 100;
    let suffixes = suffix_forms(n, (fen / 10) % 10, fen % 10);
    integer_forms(n).iter().any(|i| {
        cleaned
            .strip_prefix(i.as_str())
            .is_some_and(|rest| suffixes.iter().any(|s| s == rest))
    })
}

/// Canonical PBOC spelling of an amount in fen.
///
/// Examples (fen → text): `0` → 零元整, `10_100` → 壹佰零壹元整, `10` → 壹角,
/// `1_640_902` → 壹万陆仟肆佰零玖元零贰分.
///
/// # Errors
///
/// `Err(())` when `fen >= LIMIT_FEN`.
#[allow(clippy::result_unit_err)]
pub fn to_uppercase(fen: u64) -> Result<String, ()> {
    if fen >= LIMIT_FEN {
        return Err(());
    }
    let n = fen / 100;
    let mut out = spell_integer(&integer_digits(n), false, false);
    if let Some(first) = suffix_forms(n, (fen / 10) % 10, fen % 10)
        .into_iter()
        .next()
    {
        out.push_str(&first);
    }
    Ok(out)
}

/// The result of [`parse_uppercase`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    /// The value in fen.
    pub fen: u64,
    /// True when the spelling (after removing the 人民币 prefix, whitespace, and mapping 圆→元,
    /// 正→整) is one of the spellings the PBOC rules allow for this value.
    pub standard: bool,
    /// True when a leading 拾 was written without 壹 (e.g. 拾伍元) — PBOC requires 壹拾.
    /// (Then `standard` is false too.)
    pub missing_leading_one: bool,
}

/// Why an uppercase amount could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    /// Nothing but white space and/or the 人民币 prefix.
    Empty,
    /// A character that is not part of an uppercase amount.
    InvalidChar {
        /// The character.
        ch: char,
        /// Its char index (0-based) in the input as given.
        pos: usize,
    },
    /// A lower-case numeral or simplified form PBOC forbids (一二三四五六七八九十百千〇两 and
    /// ASCII digits 0-9).
    LowercaseNumeral {
        /// The character.
        ch: char,
        /// Its char index (0-based) in the input as given.
        pos: usize,
        /// The uppercase character to use ('一' → '壹', '十' → '拾', '〇'/'0' → '零', '两' → '贰' …).
        suggest: char,
    },
    /// Characters are all allowed but not in a valid order (e.g. 壹佰壹仟元, 壹壹元, 元元,
    /// 伍角壹元, 整 not at the end, 万 with nothing before it, digits after 分, a unit with no
    /// digit).
    Malformed {
        /// The char index (0-based, in the input as given) of the token where parsing failed,
        /// or the input's length in chars when it ended too early.
        pos: usize,
    },
    /// Integer part without 元/圆 and without 角/分 (e.g. "壹佰").
    MissingYuan,
    /// The value is >= [`LIMIT_FEN`] (e.g. 万亿 forms).
    TooLarge,
}

/// A lexical element of an uppercase amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok {
    /// 零 … 玖.
    Digit(u64),
    /// 拾 (1), 佰 (2), 仟 (3): the power of ten within a group.
    Unit(u32),
    Wan,
    Yi,
    Yuan,
    Jiao,
    Fen,
    Zheng,
}

/// A token with its char index in the original input.
#[derive(Debug, Clone, Copy)]
struct Token {
    tok: Tok,
    pos: usize,
    /// The canonical character (圆 → 元, 正 → 整).
    ch: char,
}

/// White space, as pasted: Unicode white space plus zero-width characters and the BOM.
fn is_ignorable_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// The token for an allowed character, with its canonical form.
fn classify(c: char) -> Option<(Tok, char)> {
    let t = match c {
        '零' => Tok::Digit(0),
        '壹' => Tok::Digit(1),
        '贰' => Tok::Digit(2),
        '叁' => Tok::Digit(3),
        '肆' => Tok::Digit(4),
        '伍' => Tok::Digit(5),
        '陆' => Tok::Digit(6),
        '柒' => Tok::Digit(7),
        '捌' => Tok::Digit(8),
        '玖' => Tok::Digit(9),
        '拾' => Tok::Unit(1),
        '佰' => Tok::Unit(2),
        '仟' => Tok::Unit(3),
        '万' => Tok::Wan,
        '亿' => Tok::Yi,
        '元' | '圆' => return Some((Tok::Yuan, '元')),
        '角' => Tok::Jiao,
        '分' => Tok::Fen,
        '整' | '正' => return Some((Tok::Zheng, '整')),
        _ => return None,
    };
    Some((t, c))
}

/// The uppercase replacement for a forbidden lower-case numeral, if `c` is one.
fn lowercase_suggestion(c: char) -> Option<char> {
    let s = match c {
        '〇' | '0' => '零',
        '一' | '1' => '壹',
        '二' | '两' | '2' => '贰',
        '三' | '3' => '叁',
        '四' | '4' => '肆',
        '五' | '5' => '伍',
        '六' | '6' => '陆',
        '七' | '7' => '柒',
        '八' | '8' => '捌',
        '九' | '9' => '玖',
        '十' => '拾',
        '百' => '佰',
        '千' => '仟',
        _ => return None,
    };
    Some(s)
}

/// The error for a character that is not part of an uppercase amount.
fn char_error(ch: char, pos: usize) -> ParseError {
    match lowercase_suggestion(ch) {
        Some(suggest) => ParseError::LowercaseNumeral { ch, pos, suggest },
        None => ParseError::InvalidChar { ch, pos },
    }
}

/// Drop white space and the 人民币 prefix (with an optional colon), then classify the rest,
/// in one pass. The first character that does not belong is reported.
fn tokenize(input: &str) -> Result<Vec<Token>, ParseError> {
    /// How much of the 人民币： prefix has been read.
    #[derive(Clone, Copy, PartialEq, Eq)]
    enum Prefix {
        /// Nothing but white space so far.
        None,
        Ren,
        RenMin,
        /// 人民币: a colon may follow.
        Full,
        /// Past any prefix.
        Done,
    }
    let mut tokens = Vec::with_capacity(input.len() / 3 + 1);
    let mut prefix = Prefix::None;
    let mut prefix_pos = 0usize;
    for (pos, c) in input.chars().enumerate() {
        if let Some((tok, ch)) = classify(c) {
            if matches!(prefix, Prefix::Ren | Prefix::RenMin) {
                return Err(ParseError::InvalidChar {
                    ch: '人',
                    pos: prefix_pos,
                });
            }
            prefix = Prefix::Done;
            tokens.push(Token { tok, pos, ch });
            continue;
        }
        if is_ignorable_space(c) {
            continue;
        }
        prefix = match (prefix, c) {
            (Prefix::None, '人') => {
                prefix_pos = pos;
                Prefix::Ren
            }
            (Prefix::Ren, '民') => Prefix::RenMin,
            (Prefix::RenMin, '币') => Prefix::Full,
            (Prefix::Full, ':' | '：') => Prefix::Done,
            (Prefix::Ren | Prefix::RenMin, _) => {
                return Err(ParseError::InvalidChar {
                    ch: '人',
                    pos: prefix_pos,
                })
            }
            _ => return Err(char_error(c, pos)),
        };
    }
    if matches!(prefix, Prefix::Ren | Prefix::RenMin) {
        return Err(ParseError::InvalidChar {
            ch: '人',
            pos: prefix_pos,
        });
    }
    if tokens.is_empty() {
        return Err(ParseError::Empty);
    }
    Ok(tokens)
}

/// One four-digit group as read.
struct Section {
    value: u64,
    /// At least one token (digit, 零 or a leading 拾) was read.
    consumed: bool,
    /// It began with 拾 without 壹.
    leading_ten: bool,
}

/// The integer part as read.
struct IntPart {
    value: u64,
    consumed: bool,
    leading_ten: bool,
    /// A 万亿 form or otherwise ≥ 10^12 元.
    too_large: bool,
}

/// A cursor over the tokens.
struct Parser<'a> {
    toks: &'a [Token],
    i: usize,
    /// The input's length in chars: the position reported when the input ends too early.
    end_pos: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<Tok> {
        self.toks.get(self.i).map(|t| t.tok)
    }

    fn peek_at(&self, offset: usize) -> Option<Tok> {
        self.toks.get(self.i.saturating_add(offset)).map(|t| t.tok)
    }

    /// The position of the current token (or the end of the input).
    fn pos_here(&self) -> usize {
        self.pos_at(0)
    }

    fn pos_at(&self, offset: usize) -> usize {
        self.toks
            .get(self.i.saturating_add(offset))
            .map_or(self.end_pos, |t| t.pos)
    }

    fn malformed_here(&self) -> ParseError {
        ParseError::Malformed {
            pos: self.pos_here(),
        }
    }

    fn bump(&mut self) {
        self.i = self.i.saturating_add(1);
    }

    /// Read one group: digits with strictly decreasing units (仟 > 佰 > 拾 > none), any number
    /// of 零 between them (or at either end). A 拾 without a digit is accepted only as the very
    /// first token of the amount (`allow_leading_ten`).
    fn parse_section(&mut self, allow_leading_ten: bool) -> Result<Section, ParseError> {
        let start = self.i;
        let mut last_unit: u32 = 4;
        let mut value = 0u64;
        let mut leading_ten = false;
        loop {
            match self.peek() {
                Some(Tok::Digit(0)) => self.bump(),
                Some(Tok::Digit(d)) => {
                    let digit_pos = self.pos_here();
                    self.bump();
                    let (unit, err_pos) = match self.peek() {
                        Some(Tok::Unit(u)) => {
                            let p = self.pos_here();
                            self.bump();
                            (u, p)
                        }
                        _ => (0, digit_pos),
                    };
                    if unit >= last_unit {
                        return Err(ParseError::Malformed { pos: err_pos });
                    }
                    value = value.saturating_add(d.saturating_mul(pow10(unit)));
                    last_unit = unit;
                }
                Some(Tok::Unit(1)) if allow_leading_ten && self.i == start && start == 0 => {
                    self.bump();
                    value = 10;
                    last_unit = 1;
                    leading_ten = true;
                }
                Some(Tok::Unit(_)) => return Err(self.malformed_here()),
                _ => break,
            }
        }
        Ok(Section {
            value,
            consumed: self.i > start,
            leading_ten,
        })
    }

    /// Read the integer part: `[group 亿] [group 万] [group]`, with 亿 before 万. Whatever stands
    /// before the first 亿 is its multiplier; a multiplier containing 万 (万亿) or otherwise
    /// ≥ 10^4 makes the amount too large (reported only once the rest has been read).
    fn parse_integer(&mut self) -> Result<IntPart, ParseError> {
        let mut yi_total: u64 = 0;
        let mut seen_yi = false;
        let mut wan_part: u64 = 0;
        let mut seen_wan = false;
        let mut consumed = false;
        let mut leading_ten = false;
        let mut too_large = false;
        let mut first = true;
        loop {
            let sec = self.parse_section(first)?;
            first = false;
            consumed |= sec.consumed;
            leading_ten |= sec.leading_ten;
            match self.peek() {
                Some(Tok::Wan) => {
                    if !sec.consumed || seen_wan {
                        return Err(self.malformed_here());
                    }
                    wan_part = sec.value.saturating_mul(10_000);
                    seen_wan = true;
                    consumed = true;
                    self.bump();
                }
                Some(Tok::Yi) => {
                    if seen_yi || (!sec.consumed && !seen_wan) {
                        return Err(self.malformed_here());
                    }
                    let multiplier = wan_part.saturating_add(sec.value);
                    if seen_wan || multiplier >= 10_000 {
                        too_large = true;
                    }
                    yi_total = multiplier.saturating_mul(pow10(8));
                    seen_yi = true;
                    seen_wan = false;
                    wan_part = 0;
                    consumed = true;
                    self.bump();
                }
                _ => {
                    let value = yi_total.saturating_add(wan_part).saturating_add(sec.value);
                    if value >= pow10(INT_PLACES) {
                        too_large = true;
                    }
                    return Ok(IntPart {
                        value,
                        consumed,
                        leading_ten,
                        too_large,
                    });
                }
            }
        }
    }

    /// Read `零* [X角] 零* [Y分]` (each 零 must be followed by a digit). Returns 角, 分 and
    /// whether any 角/分 was read. Stops before anything else (the caller checks what follows).
    fn parse_fraction(&mut self) -> Result<(u64, u64, bool), ParseError> {
        let mut jiao: Option<u64> = None;
        let mut fen: Option<u64> = None;
        while fen.is_none() {
            let zeros_start = self.i;
            while self.peek() == Some(Tok::Digit(0)) {
                self.bump();
            }
            let had_zeros = self.i > zeros_start;
            match (self.peek(), self.peek_at(1)) {
                (Some(Tok::Digit(d)), Some(Tok::Jiao)) if jiao.is_none() => {
                    jiao = Some(d);
                    self.bump();
                    self.bump();
                }
                (Some(Tok::Digit(d)), Some(Tok::Fen)) => {
                    fen = Some(d);
                    self.bump();
                    self.bump();
                }
                (Some(Tok::Digit(_)), _) => {
                    return Err(ParseError::Malformed {
                        pos: self.pos_at(1),
                    })
                }
                _ => {
                    if had_zeros {
                        return Err(self.malformed_here());
                    }
                    break;
                }
            }
        }
        let any = jiao.is_some() || fen.is_some();
        Ok((jiao.unwrap_or(0), fen.unwrap_or(0), any))
    }
}

/// Parse an uppercase amount by value.
///
/// Accepts an optional 人民币 prefix (with an optional `：`/`:`), white space anywhere, 圆 for
/// 元 and 正 for 整. Liberal where the value is unambiguous — a missing or extra 零
/// (壹仟玖元 = 1009 元), 整 after 分, a leading 拾 without 壹 (拾伍元), no 整 after 元 — which
/// gives `standard = false`. Disordered or ambiguous spellings are errors (see [`ParseError`]).
///
/// # Errors
///
/// See [`ParseError`]. Character errors (invalid characters, lower-case numerals) are reported
/// first, for the leftmost offending character, before any structural check; a value of
/// 10^12 元 or more is reported only when the spelling is otherwise well-formed.
pub fn parse_uppercase(input: &str) -> Result<Parsed, ParseError> {
    let tokens = tokenize(input)?;
    // Only needed for errors at the very end, but cheap next to the rest.
    let end_pos = input.chars().count();
    let has_yuan = tokens.iter().any(|t| t.tok == Tok::Yuan);
    let has_fraction_unit = tokens.iter().any(|t| matches!(t.tok, Tok::Jiao | Tok::Fen));
    let mut p = Parser {
        toks: &tokens,
        i: 0,
        end_pos,
    };

    let mut n = 0u64;
    let mut leading_ten = false;
    let mut too_large = false;
    if has_yuan {
        let int = p.parse_integer()?;
        if p.peek() != Some(Tok::Yuan) || !int.consumed {
            return Err(p.malformed_here());
        }
        p.bump();
        n = int.value;
        leading_ten = int.leading_ten;
        too_large = int.too_large;
    } else if !has_fraction_unit {
        // No 元 and no 角/分: an integer part on its own is missing its 元.
        let int = p.parse_integer()?;
        if !int.consumed {
            return Err(p.malformed_here());
        }
        if p.peek() == Some(Tok::Zheng) {
            p.bump();
        }
        if p.peek().is_some() {
            return Err(p.malformed_here());
        }
        return Err(ParseError::MissingYuan);
    }

    let (jiao, fen_digit, any_fraction) = p.parse_fraction()?;
    if !has_yuan && !any_fraction {
        return Err(p.malformed_here());
    }
    if p.peek() == Some(Tok::Zheng) {
        p.bump();
    }
    if p.peek().is_some() {
        return Err(p.malformed_here());
    }
    if too_large {
        return Err(ParseError::TooLarge);
    }
    let fen = n
        .checked_mul(100)
        .and_then(|v| v.checked_add(jiao.saturating_mul(10)))
        .and_then(|v| v.checked_add(fen_digit))
        .ok_or(ParseError::TooLarge)?;
    if fen >= LIMIT_FEN {
        return Err(ParseError::TooLarge);
    }

    let cleaned: String = tokens.iter().map(|t| t.ch).collect();
    let standard = is_accepted_spelling(fen, &cleaned);
    Ok(Parsed {
        fen,
        standard,
        missing_leading_one: leading_ten,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An independent reference spelling of the integer part `n` (with 元 when `n > 0`), built
    /// the "classic" way: write every digit with its unit, then collapse zeros by rewriting.
    fn reference_integer(n: u64) -> String {
        if n == 0 {
            return String::new();
        }
        let digits: Vec<u64> = n.to_string().bytes().map(|b| u64::from(b - b'0')).collect();
        let len = digits.len();
        let mut int = String::new();
        for (k, d) in digits.iter().enumerate() {
            let place = len - 1 - k;
            int.push(digit_char(*d));
            int.push_str(match place % 4 {
                1 => "拾",
                2 => "佰",
                3 => "仟",
                _ => "",
            });
            if place == 8 {
                int.push('亿');
            }
            if place == 4 {
                int.push('万');
            }
        }
        for u in ["零拾", "零佰", "零仟"] {
            int = int.replace(u, "零");
        }
        loop {
            let before = int.clone();
            int = int.replace("零零", "零");
            int = int.replace("零亿", "亿零");
            int = int.replace("零万", "万零");
            int = int.replace("亿零万", "亿零");
            int = int.replace("亿万", "亿");
            if int == before {
                break;
            }
        }
        while int.ends_with('零') {
            int.pop();
        }
        int.push('元');
        int
    }

    /// The reference spelling of `fen` given the reference integer part of `fen / 100`.
    fn reference_with_fraction(int: &str, fen: u64) -> String {
        let n = fen / 100;
        let jiao = (fen / 10) % 10;
        let f = fen % 10;
        let fd = digit_char(f);
        let jd = digit_char(jiao);
        match (n, jiao, f) {
            (0, 0, 0) => "零元整".to_string(),
            (_, 0, 0) => format!("{int}整"),
            (0, 0, _) => format!("{fd}分"),
            (_, 0, _) => format!("{int}零{fd}分"),
            (_, _, 0) => format!("{int}{jd}角"),
            _ => format!("{int}{jd}角{fd}分"),
        }
    }

    fn reference_spelling(fen: u64) -> String {
        reference_with_fraction(&reference_integer(fen / 100), fen)
    }

    /// A deterministic LCG (Knuth's MMIX constants).
    struct Lcg(u64);
    impl Lcg {
        fn next(&mut self) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            self.0 >> 11
        }
    }

    fn random_sample(count: usize) -> Vec<u64> {
        let mut rng = Lcg(0x5EED_1234_ABCD_0001);
        (0..count)
            .map(|k| {
                let r = rng.next();
                // Mix magnitudes so that small and mid-size amounts are well represented.
                let modulus = match k % 4 {
                    0 => LIMIT_FEN,
                    1 => 10_000_000_000, // < 10^8 元
                    2 => 1_000_000_000_000,
                    _ => 100_000_000,
                };
                r % modulus
            })
            .collect()
    }

    fn boundaries() -> Vec<u64> {
        let mut v = vec![0, 1, 9, 10, 11, 99, 100, 101, LIMIT_FEN - 1];
        for e in 0..12u32 {
            let yuan = 10u64.pow(e);
            for delta in [0u64, 1, 9, 10, 99] {
                v.push(yuan * 100 + delta);
                if yuan > 1 {
                    v.push((yuan - 1) * 100 + delta);
                }
            }
        }
        v
    }

    fn yuan(y: u64) -> u64 {
        y * 100
    }

    fn ok(input: &str) -> Parsed {
        let r = parse_uppercase(input);
        assert!(r.is_ok(), "{input:?} failed to parse: {r:?}");
        r.unwrap_or(Parsed {
            fen: u64::MAX,
            standard: false,
            missing_leading_one: false,
        })
    }

    fn assert_standard(input: &str, fen: u64) {
        let p = ok(input);
        assert_eq!(p.fen, fen, "value of {input:?}");
        assert!(p.standard, "{input:?} should be standard");
        assert!(!p.missing_leading_one, "{input:?}");
    }

    fn assert_nonstandard(input: &str, fen: u64) {
        let p = ok(input);
        assert_eq!(p.fen, fen, "value of {input:?}");
        assert!(!p.standard, "{input:?} should not be standard");
    }

    #[test]
    fn required_outputs() {
        let cases: &[(u64, &str)] = &[
            (0, "零元整"),
            (10_100, "壹佰零壹元整"),
            (300_400, "叁仟零肆元整"),
            (1_000_400, "壹万零肆元整"),
            (12_000_000, "壹拾贰万元整"),
            (10_002_000, "壹拾万零贰拾元整"),
            (101_200_000, "壹佰零壹万贰仟元整"),
            (1_012_000_000, "壹仟零壹拾贰万元整"),
            (12_000_000_000, "壹亿贰仟万元整"),
            (90_000_567_800, "玖亿零伍仟陆佰柒拾捌元整"),
            (600_714, "陆仟零柒元壹角肆分"),
            (1_640_902, "壹万陆仟肆佰零玖元零贰分"),
            (10, "壹角"),
            (345, "叁元肆角伍分"),
            (6_089, "陆拾元捌角玖分"),
            (12_345_678_900, "壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元整"),
            (980_000_500_000, "玖拾捌亿零伍仟元整"),
            (152_222_100, "壹佰伍拾贰万贰仟贰佰贰拾壹元整"),
            (140_950, "壹仟肆佰零玖元伍角"),
            (10_700_053, "壹拾万零柒仟元伍角叁分"),
            (
                99_999_999_999_999,
                "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分",
            ),
            (1_000, "壹拾元整"),
            (100_000_000_000, "壹拾亿元整"),
            (10_000_000_100, "壹亿零壹元整"),
            // A few more of the fraction rules.
            (2, "贰分"),
            (53, "伍角叁分"),
            (100, "壹元整"),
            (102, "壹元零贰分"),
            (1_050, "壹拾元伍角"),
            (105_000_000_000, "壹拾亿零伍仟万元整"),
        ];
        for &(fen, want) in cases {
            assert_eq!(to_uppercase(fen).as_deref(), Ok(want), "fen {fen}");
            assert_eq!(reference_spelling(fen), want, "reference for fen {fen}");
            assert_standard(want, fen);
        }
    }

    #[test]
    fn limit() {
        assert_eq!(to_uppercase(LIMIT_FEN), Err(()));
        assert_eq!(to_uppercase(u64::MAX), Err(()));
        assert!(to_uppercase(LIMIT_FEN - 1).is_ok());
    }

    /// `to_uppercase(fen)` equals `reference` (when given) and parses back to `fen` as
    /// standard.
    fn check_roundtrip(fen: u64, reference: Option<&str>) {
        let r = to_uppercase(fen);
        assert!(r.is_ok(), "to_uppercase({fen}) failed");
        let s = r.unwrap_or_default();
        if let Some(want) = reference {
            assert_eq!(s, want, "fen {fen}");
        }
        assert_eq!(
            parse_uppercase(&s),
            Ok(Parsed {
                fen,
                standard: true,
                missing_leading_one: false
            }),
            "{s:?}"
        );
    }

    /// Every fen in `0..=200_000`, split in two halves so the test harness can run them in
    /// parallel. The reference integer part is computed once per 元 value.
    fn sweep_yuan(range: std::ops::Range<u64>) {
        for n in range {
            let int = reference_integer(n);
            for frac in 0..100 {
                let fen = n * 100 + frac;
                check_roundtrip(fen, Some(&reference_with_fraction(&int, fen)));
            }
        }
    }

    #[test]
    fn sweep_small_low() {
        sweep_yuan(0..1_000);
    }

    #[test]
    fn sweep_small_high() {
        sweep_yuan(1_000..2_000);
        check_roundtrip(200_000, Some("贰仟元整"));
    }

    /// Half of the 100,000-value pseudo-random sample (split so the halves run in parallel).
    /// The (slow, string-rewriting) reference is checked on a quarter of the values.
    fn sweep_random(half: usize) {
        let sample = random_sample(100_000);
        for (k, &fen) in sample.iter().enumerate().skip(half).step_by(2) {
            let reference = (k % 8 < 2).then(|| reference_spelling(fen));
            check_roundtrip(fen, reference.as_deref());
        }
    }

    #[test]
    fn sweep_random_even() {
        sweep_random(0);
    }

    #[test]
    fn sweep_random_odd_and_boundaries() {
        sweep_random(1);
        for fen in boundaries() {
            check_roundtrip(fen, Some(&reference_spelling(fen)));
        }
    }

    #[test]
    fn every_accepted_spelling_parses_as_standard() {
        let mut values: Vec<u64> = (0..=3_000u64).collect();
        values.extend((0..=2_000u64).map(|k| k * 5_003));
        values.extend(random_sample(5_000));
        values.extend(boundaries());
        values.extend([10_700_053, 168_032, 90_000_567_800, 105_000_000_000]);
        for fen in values {
            let all = accepted_spellings(fen);
            assert!(!all.is_empty() && all.len() <= 16, "fen {fen}: {all:?}");
            assert_eq!(
                all.first(),
                to_uppercase(fen).ok().as_ref(),
                "canonical first"
            );
            for s in &all {
                assert_standard(s, fen);
                // Decorations: prefix, 圆/正, white space.
                let decorated = format!("人民币： {}", s.replace('元', "圆").replace('整', "正"));
                assert_standard(&decorated, fen);
                let spaced: String = s.chars().flat_map(|c| [c, '\u{3000}']).collect();
                assert_standard(&spaced, fen);
            }
        }
    }

    #[test]
    fn accepted_sets_are_exact() {
        let set = |fen: u64| {
            let mut v = accepted_spellings(fen);
            v.sort();
            v
        };
        let sorted = |v: &[&str]| {
            let mut v: Vec<String> = v.iter().map(|s| (*s).to_string()).collect();
            v.sort();
            v
        };
        assert_eq!(
            set(10_700_053),
            sorted(&[
                "壹拾万零柒仟元伍角叁分",
                "壹拾万柒仟元伍角叁分",
                "壹拾万零柒仟元零伍角叁分",
                "壹拾万柒仟元零伍角叁分",
            ])
        );
        assert_eq!(
            set(yuan(107_000)),
            sorted(&["壹拾万零柒仟元整", "壹拾万柒仟元整"])
        );
        assert_eq!(set(yuan(101)), sorted(&["壹佰零壹元整"]));
        assert_eq!(set(0), sorted(&["零元整"]));
        assert_eq!(set(2), sorted(&["贰分", "零贰分", "零元零贰分"]));
        assert_eq!(
            set(50),
            sorted(&["伍角", "伍角整", "零元伍角", "零元伍角整"])
        );
        assert_eq!(set(53), sorted(&["伍角叁分", "零元伍角叁分"]));
        assert_eq!(set(102), sorted(&["壹元零贰分"]));
        assert_eq!(set(150), sorted(&["壹元伍角", "壹元伍角整"]));
        assert_eq!(
            set(1_050),
            sorted(&[
                "壹拾元伍角",
                "壹拾元伍角整",
                "壹拾元零伍角",
                "壹拾元零伍角整"
            ])
        );
        assert_eq!(
            set(yuan(1_050_007_000)),
            sorted(&[
                "壹拾亿零伍仟万零柒仟元整",
                "壹拾亿零伍仟万柒仟元整",
                "壹拾亿伍仟万零柒仟元整",
                "壹拾亿伍仟万柒仟元整",
            ])
        );
        // The 千 digit must be non-zero for the 零 to be optional.
        assert_eq!(set(yuan(100_500)), sorted(&["壹拾万零伍佰元整"]));
        assert_eq!(set(yuan(1_005_000_000)), sorted(&["壹拾亿零伍佰万元整"]));
        // Nothing non-zero above: no 零 to omit.
        assert_eq!(set(yuan(5_000)), sorted(&["伍仟元整"]));
    }

    /// Spellings derived from canonical ones by the liberal rules read back to the same value.
    #[test]
    fn perturbed_spellings_parse_by_value() {
        let mut values: Vec<u64> = (0..=2_000u64).map(|k| k * 4_999 + 100).collect();
        values.extend(random_sample(3_000).into_iter().filter(|&f| f >= 100));
        values.extend([
            yuan(15),
            yuan(10),
            yuan(100_000),
            1_550,
            yuan(1_000_000_000),
        ]);
        for fen in values {
            let canonical = to_uppercase(fen).unwrap_or_default();
            let accepted = accepted_spellings(fen);
            let chars: Vec<char> = canonical.chars().collect();
            for (k, c) in chars.iter().enumerate() {
                if *c != '零' {
                    continue;
                }
                // Drop this 零: same value; standard only if it is an allowed variant.
                let dropped: String = chars
                    .iter()
                    .enumerate()
                    .filter(|&(j, _)| j != k)
                    .map(|(_, c)| *c)
                    .collect();
                let p = ok(&dropped);
                assert_eq!(p.fen, fen, "{dropped:?}");
                assert_eq!(p.standard, accepted.contains(&dropped), "{dropped:?}");
                // Double it: same value, never standard.
                let doubled: String = chars
                    .iter()
                    .enumerate()
                    .flat_map(|(j, c)| if j == k { vec![*c, '零'] } else { vec![*c] })
                    .collect();
                assert_nonstandard(&doubled, fen);
            }
            if let Some(rest) = canonical.strip_prefix("壹拾") {
                let p = ok(&format!("拾{rest}"));
                assert_eq!(p.fen, fen);
                assert!(p.missing_leading_one && !p.standard, "拾{rest}");
            }
            if canonical.ends_with('分') {
                assert_nonstandard(&format!("{canonical}整"), fen);
            }
            if let Some(rest) = canonical.strip_suffix('整') {
                assert_nonstandard(rest, fen);
            }
        }
    }

    #[test]
    fn listed_variants_are_standard() {
        // 1. 圆/正, prefix, white space.
        assert_standard("壹佰零壹圆正", yuan(101));
        assert_standard("人民币壹佰零壹元整", yuan(101));
        assert_standard("人民币：壹佰零壹元整", yuan(101));
        assert_standard("人民币:壹佰零壹元整", yuan(101));
        assert_standard(
            " 人民币 ： 壹 佰\u{3000}零\u{200B}壹\u{FEFF}元\u{200D}整 ",
            yuan(101),
        );
        assert_standard("\t壹佰零壹元整\n", yuan(101));
        // 2. 整 after 角.
        assert_standard("壹仟肆佰零玖元伍角整", 140_950);
        assert_standard("壹角整", 10);
        assert_standard("零元伍角整", 50);
        // 3. 零 omitted where the 万 digit is 0 and the 千 digit is not.
        assert_standard("壹拾万柒仟元整", yuan(107_000));
        assert_standard("壹拾万零柒仟元整", yuan(107_000));
        assert_standard("玖亿伍仟陆佰柒拾捌元整", yuan(900_005_678));
        assert_standard("玖拾捌亿伍仟元整", yuan(9_800_005_000));
        assert_standard("壹拾亿伍仟万元整", yuan(1_050_000_000));
        assert_standard("壹拾亿零伍仟万元整", yuan(1_050_000_000));
        assert_standard("壹拾亿伍仟万柒仟元整", yuan(1_050_007_000));
        // 4. 零 after 元 when the ones digit is 0 and 角 ≠ 0.
        assert_standard("壹仟陆佰捌拾元零叁角贰分", 168_032);
        assert_standard("壹仟陆佰捌拾元叁角贰分", 168_032);
        assert_standard("壹拾万柒仟元零伍角叁分", 10_700_053);
        assert_standard("壹拾万零柒仟元伍角叁分", 10_700_053);
        assert_standard("壹拾万柒仟元伍角叁分", 10_700_053);
        assert_standard("壹拾万零柒仟元零伍角叁分", 10_700_053);
        assert_standard("壹拾元零伍角整", 1_050);
        // 5. n = 0.
        assert_standard("零元伍角", 50);
        assert_standard("零元伍角叁分", 53);
        assert_standard("伍角叁分", 53);
        assert_standard("零元零贰分", 2);
        assert_standard("零贰分", 2);
        assert_standard("贰分", 2);
        assert_standard("零圆正", 0);
    }

    #[test]
    fn liberal_nonstandard_forms() {
        // Missing 零.
        assert_nonstandard("壹仟玖元整", yuan(1_009));
        assert_nonstandard("壹万肆元整", yuan(10_004));
        assert_nonstandard("壹亿壹元整", yuan(100_000_001));
        assert_nonstandard("壹元贰分", 102);
        assert_nonstandard("零元贰分", 2);
        // Extra 零.
        assert_nonstandard("壹仟零零玖元整", yuan(1_009));
        assert_nonstandard("零壹元整", yuan(1));
        assert_nonstandard("壹拾零元整", yuan(10));
        assert_nonstandard("壹拾零万元整", yuan(100_000));
        assert_nonstandard("壹亿零万元整", yuan(100_000_000));
        assert_nonstandard("壹佰零伍元零伍角", 10_550);
        assert_nonstandard("壹元伍角零叁分", 153);
        assert_nonstandard("零伍角", 50);
        // 整 after 分, no 整 after 元.
        assert_nonstandard("壹元伍角叁分整", 153);
        assert_nonstandard("伍分整", 5);
        assert_nonstandard("壹佰元", yuan(100));
        assert_nonstandard("壹佰零壹圆", yuan(101));
        // Leading 拾 without 壹.
        for (input, fen) in [
            ("拾伍元", yuan(15)),
            ("拾元整", yuan(10)),
            ("拾万元整", yuan(100_000)),
            ("拾亿元整", yuan(1_000_000_000)),
            ("人民币拾伍元伍角", 1_550),
            ("拾贰万零叁佰元整", yuan(120_300)),
        ] {
            let p = ok(input);
            assert_eq!(p.fen, fen, "{input:?}");
            assert!(p.missing_leading_one, "{input:?}");
            assert!(!p.standard, "{input:?}");
        }
        assert!(!ok("壹拾伍元").missing_leading_one);
        assert!(!ok("壹拾伍元").standard);
        assert!(ok("壹拾伍元整").standard);
    }

    fn err(input: &str) -> ParseError {
        let r = parse_uppercase(input);
        assert!(r.is_err(), "{input:?} should fail, got {r:?}");
        r.err().unwrap_or(ParseError::Empty)
    }

    fn malformed_at(input: &str, pos: usize) {
        assert_eq!(err(input), ParseError::Malformed { pos }, "{input:?}");
    }

    #[test]
    fn empty() {
        for input in [
            "",
            "   ",
            "\u{3000}\u{200B}\u{FEFF}",
            "人民币",
            "人民币：",
            " 人民币 : ",
        ] {
            assert_eq!(err(input), ParseError::Empty, "{input:?}");
        }
    }

    #[test]
    fn invalid_chars() {
        let cases: &[(&str, char, usize)] = &[
            ("壹元x", 'x', 2),
            ("人民币 壹元A整", 'A', 6),
            ("人民币：壹元x", 'x', 6),
            ("¥壹元整", '¥', 0),
            (":壹元整", ':', 0),
            ("壹元：整", '：', 2),
            ("人壹元", '人', 0),
            ("壹人民币元", '人', 1),
            ("壹元😀", '😀', 2),
            ("😀", '😀', 0),
            ("壹萬元整", '萬', 1),
            ("壹元 整.", '.', 4),
            ("壹佰x二元", 'x', 2),
        ];
        for &(input, ch, pos) in cases {
            assert_eq!(err(input), ParseError::InvalidChar { ch, pos }, "{input:?}");
        }
        // A ZWJ emoji sequence: the joiner is ignored, the first emoji is reported.
        assert_eq!(
            err("\u{1F468}\u{200D}\u{1F469}"),
            ParseError::InvalidChar {
                ch: '\u{1F468}',
                pos: 0
            }
        );
    }

    #[test]
    fn lowercase_numerals() {
        let cases: &[(&str, char, usize, char)] = &[
            ("一百元整", '一', 0, '壹'),
            ("壹百元整", '百', 1, '佰'),
            ("壹千元整", '千', 1, '仟'),
            ("十元整", '十', 0, '拾'),
            ("壹佰〇壹元整", '〇', 2, '零'),
            ("两元整", '两', 0, '贰'),
            ("壹佰2元", '2', 2, '贰'),
            ("人民币 0元整", '0', 4, '零'),
            ("9元整", '9', 0, '玖'),
            ("二三四五六七八", '二', 0, '贰'),
        ];
        for &(input, ch, pos, suggest) in cases {
            assert_eq!(
                err(input),
                ParseError::LowercaseNumeral { ch, pos, suggest },
                "{input:?}"
            );
        }
        for (c, want) in [
            ('三', '叁'),
            ('四', '肆'),
            ('五', '伍'),
            ('六', '陆'),
            ('七', '柒'),
            ('八', '捌'),
            ('九', '玖'),
            ('1', '壹'),
        ] {
            assert_eq!(lowercase_suggestion(c), Some(want));
        }
    }

    #[test]
    fn malformed() {
        malformed_at("壹佰壹仟元", 3); // units must decrease
        malformed_at("壹拾拾元", 2);
        malformed_at("壹壹元", 1); // two digits without a unit
        malformed_at("壹零壹元", 2);
        malformed_at("元元", 0);
        malformed_at("壹元元", 2);
        malformed_at("伍角壹元", 1);
        malformed_at("壹元整伍角", 3); // 整 not at the end
        malformed_at("整壹元", 0);
        malformed_at("整", 0);
        malformed_at("壹元整整", 3);
        malformed_at("万元整", 0); // 万 with nothing before it
        malformed_at("亿元整", 0);
        malformed_at("壹亿万元整", 2);
        malformed_at("壹万壹万元整", 3); // 万 after 万
        malformed_at("壹亿壹亿元整", 3);
        malformed_at("壹亿壹万壹亿元整", 5); // 亿 after 万 (and 亿 twice)
        malformed_at("壹元伍分叁角", 4); // digits after 分
        malformed_at("壹元伍分叁", 4);
        malformed_at("壹元伍角叁角", 5);
        malformed_at("佰元", 0); // a unit with no digit
        malformed_at("零拾元", 1);
        malformed_at("壹万拾伍元", 2);
        malformed_at("壹元角", 2);
        malformed_at("壹元零角", 3);
        malformed_at("壹元贰", 3); // ends too early
        malformed_at("壹元零", 3);
        malformed_at("壹元零整", 3);
        malformed_at("壹佰伍角", 1);
        malformed_at("人民币 壹佰壹仟元", 7);
        malformed_at("壹\u{3000}壹元", 2);
    }

    #[test]
    fn missing_yuan() {
        for input in ["壹佰", "壹佰整", "人民币壹仟零伍", "零", "壹万", "拾伍"] {
            assert_eq!(err(input), ParseError::MissingYuan, "{input:?}");
        }
    }

    #[test]
    fn too_large() {
        for input in [
            "壹万亿元整",
            "拾万亿元",
            "壹万贰仟亿元整",
            "壹万亿零壹元伍角",
            "人民币壹仟万亿元整",
        ] {
            assert_eq!(err(input), ParseError::TooLarge, "{input:?}");
        }
        // The largest amount is fine.
        assert_standard(
            "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分",
            LIMIT_FEN - 1,
        );
    }

    #[test]
    fn long_and_odd_inputs_do_not_panic() {
        let ones = "壹".repeat(10_000);
        malformed_at(&ones, 1);
        let tail = format!("壹元{}", "整".repeat(9_998));
        malformed_at(&tail, 3);
        let units = "壹拾".repeat(5_000);
        malformed_at(&units, 3);
        let zeros = format!("{}壹元整", "零".repeat(10_000));
        assert_nonstandard(&zeros, 100);
        let spaces = format!("{}壹元整", " ".repeat(10_000));
        assert_standard(&spaces, 100);
        let emoji = "😀".repeat(10_000);
        assert_eq!(err(&emoji), ParseError::InvalidChar { ch: '😀', pos: 0 });
        let late = format!("{}😀", "零".repeat(9_999));
        assert_eq!(
            err(&late),
            ParseError::InvalidChar {
                ch: '😀',
                pos: 9_999
            }
        );
        let yuans = "元".repeat(10_000);
        malformed_at(&yuans, 0);
        let wans = format!("壹{}", "万".repeat(9_999));
        malformed_at(&wans, 2);
        // Combining marks and other scripts.
        assert!(matches!(
            err("壹\u{0301}元"),
            ParseError::InvalidChar { pos: 1, .. }
        ));
        assert!(matches!(
            err("\u{10FFFF}"),
            ParseError::InvalidChar { pos: 0, .. }
        ));
    }
}
