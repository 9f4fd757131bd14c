//! How the index writes its values: page streams as compact numbers, words
//! and terms front-coded, strings as script-safe JSON.
//!
//! - Each number is written as base-27 continuation digits followed by one
//!   base-64 final digit. Digits are the 91 printable ASCII characters from
//!   `#` to `~` without `\` (nothing to escape in JSON): the first 64 are
//!   final digits, the other 27 continuation digits. The 64 most frequent
//!   entries take one character, the next 1,728 two, and so on.
//! - Words and terms are front-coded: each starts with one digit (above),
//!   the number of UTF-16 units it shares with the previous word, or term.
//!
//! `decode` reads numbers back as search.js does, for tests.

/// A JSON string, safe in a script: serde_json escapes quotes, backslashes
/// and controls; U+2028 and U+2029 (line ends in older JavaScript) are
/// escaped too.
pub(super) fn json_str(out: &mut String, s: &str) {
    let json = serde_json::to_string(s).expect("a string serialises");
    if json.contains(['\u{2028}', '\u{2029}']) {
        out.push_str(
            &json
                .replace('\u{2028}', "\\u2028")
                .replace('\u{2029}', "\\u2029"),
        );
    } else {
        out.push_str(&json);
    }
}

/// Writes `s` as the length of the prefix it shares with `prev` (one digit,
/// counted in UTF-16 units as JavaScript slices strings, at most 90) and the
/// rest.
pub(super) fn front_code(out: &mut String, prev: &str, s: &str) {
    let (mut units, mut bytes) = (0, 0);
    for (a, b) in prev.chars().zip(s.chars()) {
        if a != b || units + b.len_utf16() > 90 {
            break;
        }
        units += b.len_utf16();
        bytes += b.len_utf8();
    }
    out.push(digit(units as u32));
    out.push_str(&s[bytes..]);
}

/// Writes a word's group key after its term: `!` and how many UTF-16
/// units of the end of the term to cut, then what to add (`interpreter` ->
/// `interpret`: `!%`); or, when the key also drops units from the start,
/// `!!`, that number, the number cut from the end, and what to add
/// (`المترجم` -> `مترجم`: `!!%#`). The shortest form is written. Returns
/// false (nothing written) for a term too long to code, whose key is then
/// the term itself.
pub(super) fn group_code(out: &mut String, term: &str, key: &str) -> bool {
    let units = |s: &str| s.encode_utf16().count();
    let mut best: Option<String> = None;
    for (drop_chars, (drop_at, _)) in term.char_indices().take(5).enumerate() {
        let rest = &term[drop_at..];
        let shared: usize = rest
            .chars()
            .zip(key.chars())
            .take_while(|(a, b)| a == b)
            .map(|(a, _)| a.len_utf8())
            .sum();
        let (drop, cut) = (units(&term[..drop_at]), units(&rest[shared..]));
        if drop > 90 || cut > 90 {
            continue;
        }
        let mut code = String::from("!");
        if drop_chars > 0 {
            code.push('!');
            code.push(digit(drop as u32));
        }
        code.push(digit(cut as u32));
        code.push_str(&key[shared..]);
        if best.as_ref().is_none_or(|b| code.len() < b.len()) {
            best = Some(code);
        }
    }
    match best {
        Some(code) => {
            out.push_str(&code);
            true
        }
        None => false,
    }
}

/// Final digits: 64 values; continuation digits: 27.
pub(super) const FINAL: u32 = 64;
pub(super) const CONT: u32 = 27;

/// The character of digit value `v` (0..91): `#`..`~` without `\`.
fn digit(v: u32) -> char {
    let c = v + 35;
    char::from_u32(if c >= 92 { c + 1 } else { c }).expect("ASCII")
}

/// Writes one entry number (the index writes [`Code`]s).
#[cfg(test)]
pub(super) fn encode_number(out: &mut String, n: u32) {
    let code = Code::new(n);
    out.extend(code.bytes().iter().map(|&b| char::from(b)));
}

/// One number as written (ASCII digits, at most 8 for a `u32`): made
/// once per entry, then copied wherever the entry is named.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) struct Code {
    /// The digits first, then padding.
    buf: [u8; 8],
    len: u8,
}

impl Code {
    pub(super) fn new(n: u32) -> Self {
        let ascii = |v: u32| digit(v) as u8;
        let mut digits = [0u8; 8];
        let mut i = digits.len() - 1;
        digits[i] = ascii(n % FINAL);
        let mut rest = n / FINAL;
        while rest > 0 {
            rest -= 1;
            i -= 1;
            digits[i] = ascii(FINAL + rest % CONT);
            rest /= CONT;
        }
        let mut buf = [0u8; 8];
        buf[..8 - i].copy_from_slice(&digits[i..]);
        Code {
            buf,
            len: (8 - i) as u8,
        }
    }

    #[cfg(test)]
    pub(super) fn bytes(&self) -> &[u8] {
        &self.buf[..usize::from(self.len)]
    }

    /// Appends the digits to `out`: all eight bytes are copied (one move,
    /// not a call to copy a few bytes), then the padding is cut.
    pub(super) fn push_to(&self, out: &mut Vec<u8>) {
        let end = out.len() + usize::from(self.len);
        out.extend_from_slice(&self.buf);
        out.truncate(end);
    }
}

/// Reads numbers back (what search.js does), for tests.
#[cfg(test)]
pub(super) fn decode(s: &str) -> Vec<u32> {
    let mut out = Vec::new();
    let mut v = 0;
    for c in s.bytes() {
        let mut d = u32::from(c) - 35;
        if d > 57 {
            d -= 1;
        }
        if d < FINAL {
            out.push(v * FINAL + d);
            v = 0;
        } else {
            v = v * CONT + d - FINAL + 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip() {
        let mut s = String::new();
        let ns: Vec<u32> = (0..5000)
            .chain([63, 64, 1791, 1792, 48447, 48448, 1 << 20, u32::MAX])
            .collect();
        for &n in &ns {
            encode_number(&mut s, n);
        }
        assert!(!s.contains(['\\', '"']));
        assert!(s.chars().all(|c| ('#'..='~').contains(&c)));
        assert_eq!(decode(&s), ns);
        let len = |n| {
            let mut s = String::new();
            encode_number(&mut s, n);
            s.len()
        };
        assert_eq!(
            (len(0), len(63), len(64), len(1791), len(1792)),
            (1, 1, 2, 2, 3)
        );
    }

    /// Reads a group code back as search.js does.
    fn read_group(term: &str, code: &str) -> String {
        let d = |c: char| {
            let v = c as u32 - 35;
            (if v > 57 { v - 1 } else { v }) as usize
        };
        let t: Vec<u16> = term.encode_utf16().collect();
        let c: Vec<char> = code.chars().collect();
        let (drop, cut, rest) = if c[1] == '!' {
            (d(c[2]), d(c[3]), &c[4..])
        } else {
            (0, d(c[1]), &c[2..])
        };
        String::from_utf16(&t[drop..t.len() - cut]).unwrap() + &rest.iter().collect::<String>()
    }

    #[test]
    fn group_codes_are_short_and_read_back() {
        for (term, key, code) in [
            ("interpreter", "interpret", "!%"),
            ("happy", "happi", "!$i"),
            ("المترجم", "مترجم", "!!%#"),
            ("للاحاله", "احال", "!!%$"),
            ("passeuse", "passeux", "!%x"),
            ("ab", "xyz", "!%xyz"),
        ] {
            let mut s = String::new();
            assert!(group_code(&mut s, term, key));
            assert_eq!(s, code, "{term}");
            assert_eq!(read_group(term, &s), key, "{term}");
        }
        let long = "x".repeat(100);
        assert!(!group_code(&mut String::new(), &long, "x"));
    }

    #[test]
    fn json_strings_are_script_safe() {
        let mut s = String::new();
        json_str(&mut s, "a\u{2028}b\u{2029}c\"</script>\\\n");
        assert_eq!(s, "\"a\\u2028b\\u2029c\\\"</script>\\\\\\n\"");
    }
}
