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

use super::vocab::Stream;

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

/// Final digits: 64 values; continuation digits: 27.
pub(super) const FINAL: u32 = 64;
pub(super) const CONT: u32 = 27;

/// The character of digit value `v` (0..91): `#`..`~` without `\`.
fn digit(v: u32) -> char {
    let c = v + 35;
    char::from_u32(if c >= 92 { c + 1 } else { c }).expect("ASCII")
}

/// Writes one entry number.
fn push_number(out: &mut String, n: u32) {
    let mut buf = ['\0'; 8];
    let mut i = buf.len() - 1;
    buf[i] = digit(n % FINAL);
    let mut rest = n / FINAL;
    while rest > 0 {
        rest -= 1;
        i -= 1;
        buf[i] = digit(FINAL + rest % CONT);
        rest /= CONT;
    }
    out.extend(&buf[i..]);
}

pub(super) fn encode(out: &mut String, stream: &Stream, map: &[u32], rank: &[u32]) {
    match stream {
        Stream::Narrow(v) => {
            for &local in v {
                push_number(out, rank[map[usize::from(local)] as usize]);
            }
        }
        Stream::Wide(v) => {
            for &local in v {
                push_number(out, rank[map[local as usize] as usize]);
            }
        }
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
            push_number(&mut s, n);
        }
        assert!(!s.contains(['\\', '"']));
        assert!(s.chars().all(|c| ('#'..='~').contains(&c)));
        assert_eq!(decode(&s), ns);
        let len = |n| {
            let mut s = String::new();
            push_number(&mut s, n);
            s.len()
        };
        assert_eq!(
            (len(0), len(63), len(64), len(1791), len(1792)),
            (1, 1, 2, 2, 3)
        );
    }

    #[test]
    fn streams_widen_when_needed() {
        let mut s = Stream::with_capacity(2);
        s.push(7);
        s.push(65_535);
        assert!(matches!(s, Stream::Narrow(_)));
        s.push(65_536);
        assert!(matches!(s, Stream::Wide(_)));
        s.push(3);
        assert_eq!(s.to_vec(), [7, 65_535, 65_536, 3]);
        let (mut a, mut b) = (String::new(), String::new());
        let map: Vec<u32> = (0..70_000).collect();
        encode(&mut a, &s, &map, &map);
        for n in [7, 65_535, 65_536, 3] {
            push_number(&mut b, n);
        }
        assert_eq!(a, b);
    }

    #[test]
    fn json_strings_are_script_safe() {
        let mut s = String::new();
        json_str(&mut s, "a\u{2028}b\u{2029}c\"</script>\\\n");
        assert_eq!(s, "\"a\\u2028b\\u2029c\\\"</script>\\\\\\n\"");
    }
}
