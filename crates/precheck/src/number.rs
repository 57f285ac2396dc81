//! Number options (counts and limits, never money) read from their text without `f64` (issue 11:
//! Rust's float parsing and formatting, with their tables, were ~8 KB gz of the module for two
//! options).
//!
//! A [`Value::Number`](crate::value::Value::Number) holds the text the readers give it: the
//! shortest decimal of an `f64` as Rust's `Display` writes it (`2`, `0.5`, `-0`, `NaN`,
//! `Infinity`), or an integer (`i64`/`u64`, from a JSON text or a JS BigInt). What an option
//! decides of such a text — whole or not, at least or at most a bound, its integer part — is what
//! it decides of the `f64` the text parses to, because that `f64` is the text rounded, rounding is
//! monotone and every bound is an integer an `f64` holds exactly. [`Number::f64_text`] gives the
//! `Display` text of that `f64` for the error messages.

/// A finite decimal, `-?digits(.digits)?`, as read from its text.
#[derive(Debug, Clone, Copy)]
pub struct Number<'a> {
    negative: bool,
    /// The integer digits without leading zeros (empty for zero).
    int: &'a str,
    /// The fraction digits without trailing zeros.
    frac: &'a str,
}

impl<'a> Number<'a> {
    /// `-?digits(.digits)?`; anything else (`NaN`, `Infinity`, an exponent, a sign `+`) is not
    /// read as a finite number (as `f64` parsing reads none of them as one but for the last two,
    /// which the readers never write).
    pub fn parse(text: &'a str) -> Option<Number<'a>> {
        let (negative, unsigned) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (int, frac) = match unsigned.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (unsigned, None),
        };
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if int.is_empty()
            || !all_digits(int)
            || frac.is_some_and(|f| f.is_empty() || !all_digits(f))
        {
            return None;
        }
        Some(Number {
            negative,
            int: int.trim_start_matches('0'),
            frac: frac.unwrap_or("").trim_end_matches('0'),
        })
    }

    fn is_zero(&self) -> bool {
        self.int.is_empty() && self.frac.is_empty()
    }

    /// The integer part's value, saturating at `u64::MAX` (for a non-negative number).
    fn int_value(&self) -> u64 {
        self.int.bytes().fold(0u64, |acc, b| {
            acc.saturating_mul(10).saturating_add(u64::from(b - b'0'))
        })
    }

    /// The number if it is a whole number from `min` to `max` (`-0` is 0).
    pub fn whole_in(&self, min: u32, max: u32) -> Option<u32> {
        if !self.frac.is_empty() || (self.negative && !self.is_zero()) {
            return None;
        }
        let n = self.int_value();
        (n >= u64::from(min) && n <= u64::from(max))
            .then(|| u32::try_from(n).ok())
            .flatten()
    }

    /// Whether the number is at least 1.
    pub fn at_least_one(&self) -> bool {
        !self.negative && !self.int.is_empty()
    }

    /// The integer part (for a non-negative number), at most `max`.
    pub fn floor_at_most(&self, max: usize) -> usize {
        if self.negative {
            return 0;
        }
        usize::try_from(self.int_value()).map_or(max, |n| n.min(max))
    }

    /// The text Rust's `Display` writes for the `f64` this number parses to: the number as
    /// written for up to 15 significant digits (an `f64` holds those and prints them back) and
    /// for any text the readers give (each is such a `Display` text already), but for an integer
    /// beyond 2^53 read from a JSON text or a BigInt, which the `f64` rounds (`2^64 − 1` prints
    /// as `18446744073709552000`).
    pub fn f64_text(&self) -> String {
        let mut out = String::new();
        if self.negative {
            out.push('-');
        }
        if self.frac.is_empty() && self.int.len() >= 16 && self.int.len() <= 38 {
            if let Ok(n) = self.int.parse::<u128>() {
                if n > 1 << 53 && n < 1 << 126 {
                    push_u128(&mut out, shortest_f64_of(n));
                    return out;
                }
            }
        }
        if self.int.is_empty() {
            out.push('0');
        } else {
            out.push_str(self.int);
        }
        if !self.frac.is_empty() {
            out.push('.');
            out.push_str(self.frac);
        }
        out
    }
}

/// The decimal digits of `n` (without `u128`'s `Display`, which the module does not carry).
fn push_u128(out: &mut String, mut n: u128) {
    let mut digits = [b'0'; 40];
    let mut at = digits.len();
    while n > 0 && at > 0 {
        at -= 1;
        if let Some(d) = digits.get_mut(at) {
            *d = b'0' + (n % 10) as u8;
        }
        n /= 10;
    }
    out.extend(digits.iter().skip(at).map(|&b| char::from(b)));
}

/// The `f64` nearest `n` (ties to even, as `n as f64` rounds), written as its shortest
/// round-trip decimal as Rust's `Display` writes it: among the fewest digits that read back as
/// that `f64`, the nearest; on an exact tie between two, the upper. For `2^53 < n < 2^126`.
fn shortest_f64_of(n: u128) -> u128 {
    // n = M·2^e rounded to 53 significant bits, ties to even.
    let shift = (128 - n.leading_zeros()).saturating_sub(53);
    let mut m = n >> shift;
    let rem = n & ((1u128 << shift) - 1);
    let half = if shift == 0 { 0 } else { 1u128 << (shift - 1) };
    if shift > 0 && (rem > half || (rem == half && m & 1 == 1)) {
        m += 1;
    }
    let mut e = shift;
    if m == 1 << 53 {
        m >>= 1;
        e += 1;
    }
    let x = m << e;
    // The interval of values that read back as x, doubled to stay in integers: the neighbours
    // are 2^e away above, and below too but at a power of two (half that).
    let up = 1u128 << e;
    let down = if m == 1 << 52 { up >> 1 } else { up };
    let (low, high) = (2 * x - down, 2 * x + up);
    let inclusive = m & 1 == 0;
    let inside = |c: u128| {
        let c2 = 2 * c;
        if inclusive {
            c2 >= low && c2 <= high
        } else {
            c2 > low && c2 < high
        }
    };
    let mut p = 1u128;
    while p <= x {
        p *= 10;
    }
    // From the fewest digits: the candidates just below and just above x with this many.
    while p > 1 {
        p /= 10;
        let below = x / p * p;
        let above = below + p;
        match (inside(below), inside(above)) {
            (true, true) => return if x - below < above - x { below } else { above },
            (true, false) => return below,
            (false, true) => return above,
            (false, false) => {}
        }
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f64_display(text: &str) -> String {
        text.parse::<f64>().unwrap().to_string()
    }

    #[test]
    fn the_f64_text_is_rusts_display_of_the_parsed_f64() {
        let mut texts: Vec<String> = [
            "0",
            "-0",
            "1",
            "-1",
            "0.5",
            "-0.25",
            "3",
            "4294967295",
            "4294967296",
            "100",
            "0.30000000000000004",
            "1.5",
            "123456789012345",
            "9007199254740992",
            "9007199254740993",
            "9007199254740995",
            "18446744073709551615",
            "-9223372036854775808",
            "9223372036854775807",
            "12345678901234567890",
            "10000000000000000000",
            "99999999999999999999",
            "1.0",
            "007",
            "2.50",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Powers of two and their neighbours, and a pseudo-random spread of 64-bit integers.
        for k in 50..64 {
            for d in [-2i128, -1, 0, 1, 2] {
                texts.push(((1i128 << k) + d).to_string());
            }
        }
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..200_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            texts.push((x >> (x % 11)).to_string());
            texts.push((u128::from(x) << (x % 60)).to_string());
        }
        for t in &texts {
            let n = Number::parse(t).unwrap();
            assert_eq!(n.f64_text(), f64_display(t), "{t}");
        }
    }

    #[test]
    fn the_decisions_are_the_f64s() {
        for t in [
            "0",
            "-0",
            "1",
            "0.5",
            "0.999",
            "1.0001",
            "2",
            "2.5",
            "99",
            "100",
            "100.5",
            "101",
            "4294967295",
            "4294967296",
            "-1",
            "-0.5",
            "18446744073709551615",
            "1000000000000000000000",
        ] {
            let n = Number::parse(t).unwrap();
            let f = t.parse::<f64>().unwrap();
            let whole = (f.fract() == 0.0 && (0.0..=100.0).contains(&f)).then_some(f as u32);
            assert_eq!(n.whole_in(0, 100), whole, "{t}");
            let whole =
                (f.fract() == 0.0 && f >= 1.0 && f <= f64::from(u32::MAX)).then_some(f as u32);
            assert_eq!(n.whole_in(1, u32::MAX), whole, "{t}");
            assert_eq!(n.at_least_one(), f >= 1.0, "{t}");
            if f >= 1.0 {
                assert_eq!(n.floor_at_most(100), f.min(100.0) as usize, "{t}");
            }
        }
        for t in [
            "NaN",
            "Infinity",
            "-Infinity",
            "",
            "-",
            "1.",
            ".5",
            "1e3",
            "+1",
            "1.2.3",
            "x",
        ] {
            assert!(Number::parse(t).is_none(), "{t}");
        }
    }
}
