//! The little of PDF's object syntax that following actions needs: a
//! value (a name, a string, a reference, a dictionary or array as a span),
//! a dictionary's entries and an array's elements.

use super::{literal, name, skip_line, string_at};

/// A value of a dictionary or array, as far as actions need it.
#[derive(Clone)]
pub enum Value<'a> {
    Name(Vec<u8>),
    Str(String),
    Ref(u32),
    /// From `<<` to its `>>`.
    Dict(&'a [u8]),
    /// From `[` to its `]`.
    Array(&'a [u8]),
    Other,
}

/// The value at `i` (white space and comments first), and where it ends.
pub fn value(bytes: &[u8], mut i: usize) -> (Value<'_>, usize) {
    loop {
        match bytes.get(i) {
            Some(b) if b.is_ascii_whitespace() || *b == 0 => i += 1,
            Some(b'%') => i = skip_line(bytes, i),
            _ => break,
        }
    }
    match bytes.get(i) {
        None => (Value::Other, i),
        Some(b'<') if bytes.get(i + 1) == Some(&b'<') => {
            let end = compound_end(bytes, i);
            (Value::Dict(&bytes[i..end]), end)
        }
        Some(b'[') => {
            let end = compound_end(bytes, i);
            (Value::Array(&bytes[i..end]), end)
        }
        Some(b'(' | b'<') => {
            let end = string_end(bytes, i);
            (string_at(bytes, i).map_or(Value::Other, Value::Str), end)
        }
        Some(b'/') => {
            let (n, end) = name(bytes, i + 1);
            (Value::Name(n), end)
        }
        Some(b) if b.is_ascii_digit() => reference(bytes, i),
        Some(_) => {
            let end = (i + 1..bytes.len())
                .find(|j| delimiter(bytes[*j]))
                .unwrap_or(bytes.len());
            (Value::Other, end)
        }
    }
}

/// `N G R` at `i`, or a number.
fn reference(bytes: &[u8], i: usize) -> (Value<'_>, usize) {
    let digits = |from: usize| {
        (from..bytes.len())
            .find(|j| !bytes[*j].is_ascii_digit())
            .unwrap_or(bytes.len())
    };
    let spaces = |from: usize| {
        (from..bytes.len())
            .find(|j| !bytes[*j].is_ascii_whitespace())
            .unwrap_or(bytes.len())
    };
    let n_end = digits(i);
    let g = spaces(n_end);
    let g_end = digits(g);
    let r = spaces(g_end);
    let is_ref = g > n_end
        && g_end > g
        && r > g_end
        && bytes.get(r) == Some(&b'R')
        && bytes.get(r + 1).is_none_or(|b| delimiter(*b));
    let number = std::str::from_utf8(&bytes[i..n_end])
        .ok()
        .and_then(|s| s.parse().ok());
    match number {
        Some(n) if is_ref => (Value::Ref(n), r + 1),
        _ => (Value::Other, n_end.max(i + 1)),
    }
}

/// Where the string at `i` (literal or hex) ends.
fn string_end(bytes: &[u8], i: usize) -> usize {
    if bytes[i] == b'(' {
        return literal(bytes, i).0;
    }
    memchr::memchr(b'>', &bytes[i..]).map_or(bytes.len(), |e| i + e + 1)
}

/// Where the dictionary or array opening at `i` closes (after it), its
/// strings skipped; the end of `bytes` if it never does.
fn compound_end(bytes: &[u8], mut i: usize) -> usize {
    let mut depth = 0usize;
    while i < bytes.len() {
        match bytes[i] {
            b'<' if bytes.get(i + 1) == Some(&b'<') => {
                depth += 1;
                i += 2;
                continue;
            }
            b'>' if bytes.get(i + 1) == Some(&b'>') => {
                depth = depth.saturating_sub(1);
                i += 2;
            }
            b'[' => {
                depth += 1;
                i += 1;
                continue;
            }
            b']' => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
            b'(' | b'<' => {
                i = string_end(bytes, i);
                continue;
            }
            b'%' => {
                i = skip_line(bytes, i);
                continue;
            }
            _ => {
                i += 1;
                continue;
            }
        }
        if depth == 0 {
            return i;
        }
    }
    bytes.len()
}

/// A dictionary's keys and values (`dict` from `<<` to `>>`).
pub fn entries(dict: &[u8]) -> Vec<(Vec<u8>, Value<'_>)> {
    let inner = &dict[2.min(dict.len())..];
    let mut out = Vec::new();
    let mut i = 0;
    while i < inner.len() {
        match inner[i] {
            b'/' => {
                let (key, end) = name(inner, i + 1);
                let (v, end) = value(inner, end);
                out.push((key, v));
                i = end;
            }
            b'>' => break,
            b'%' => i = skip_line(inner, i),
            _ => i += 1,
        }
    }
    out
}

/// An array's elements (`array` from `[` to `]`).
pub fn elements(array: &[u8]) -> Vec<Value<'_>> {
    let inner = &array[1.min(array.len())..];
    let inner = inner.strip_suffix(b"]").unwrap_or(inner);
    let mut out = Vec::new();
    let mut i = 0;
    while i < inner.len() {
        let (v, end) = value(inner, i);
        if end <= i {
            break;
        }
        out.push(v);
        i = end;
    }
    out
}

/// PDF's white space and delimiters.
pub fn delimiter(b: u8) -> bool {
    b.is_ascii_whitespace() || b == 0 || b"()<>[]{}/%".contains(&b)
}
