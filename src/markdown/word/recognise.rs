//! Recognising Word's leftovers in a line: namespaced tags (`<o:p>`,
//! `<w:Sdt>`) and conditional-comment markers (`<![if …]>`), each scanned
//! at most [`MAX_TAG`] bytes so a hostile line stays linear.

/// Longest tag looked at: keeps the scan linear on hostile lines.
const MAX_TAG: usize = 2000;

/// URL schemes: `<https:x>` is an autolink, never a Word tag.
pub(super) const SCHEMES: &[&str] = &[
    "http",
    "https",
    "mailto",
    "tel",
    "ftp",
    "file",
    "data",
    "javascript",
    "vbscript",
];

/// One piece of Word markup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::markdown) enum Leftover<'s> {
    /// `<o:p>`, `<v:imagedata … />`: the qualified name as written.
    Start {
        name: &'s str,
        self_closing: bool,
    },
    End {
        name: &'s str,
    },
    /// `<![if !supportLists]>`, `<!--[if gte mso 9]>`, as written.
    If(&'s str),
    /// `<![endif]>`, `<![endif]-->`.
    EndIf(&'s str),
}

/// The Word leftover `s` starts with (`s` starts with `<`), and its length.
pub(in crate::markdown) fn at(s: &str) -> Option<(Leftover<'_>, usize)> {
    if s.starts_with("<!") {
        conditional(s)
    } else {
        namespaced(s)
    }
}

/// `<![if …]>`, `<![endif]>`, and the same inside `<!--` `-->`.
fn conditional(s: &str) -> Option<(Leftover<'_>, usize)> {
    let mut i = if s.starts_with("<!--[") {
        5
    } else if s.starts_with("<![") {
        3
    } else {
        return None;
    };
    let b = s.as_bytes();
    while matches!(b.get(i), Some(b' ' | b'\t')) {
        i += 1;
    }
    let rest = &s[i..];
    let word_len = rest
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    let word = &rest[..word_len];
    let end = if word.eq_ignore_ascii_case("endif") {
        true
    } else if word.eq_ignore_ascii_case("if") {
        false
    } else {
        return None;
    };
    let after_word = &rest[word_len..];
    let close = after_word
        .bytes()
        .take(MAX_TAG)
        .position(|c| matches!(c, b']' | b'>' | b'<' | b'\n'))?;
    if after_word.as_bytes()[close] != b']' {
        return None;
    }
    let condition = &after_word[..close];
    if end && !condition.trim().is_empty()
        || !end && (!condition.starts_with([' ', '\t']) || condition.trim().is_empty())
    {
        return None;
    }
    let after = i + word_len + close + 1;
    let len = if s[after..].starts_with("-->") {
        after + 3
    } else if s[after..].starts_with('>') {
        after + 1
    } else {
        return None;
    };
    let text = &s[..len];
    Some((
        if end {
            Leftover::EndIf(text)
        } else {
            Leftover::If(text)
        },
        len,
    ))
}

fn name_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_'
}

pub(super) fn name_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.')
}

/// `<prefix:name …>`, `</prefix:name>`, `<prefix:name/>`: a tag ends at
/// its first `>` outside quotes, and is none if a `<` or a blank line
/// comes first (or a line starting with `>`, a quote's marker).
fn namespaced(s: &str) -> Option<(Leftover<'_>, usize)> {
    let b = s.as_bytes();
    let end = b.get(1) == Some(&b'/');
    let start = if end { 2 } else { 1 };
    let mut i = start;
    for part in 0..2 {
        if !b.get(i).copied().is_some_and(name_start) {
            return None;
        }
        while b.get(i).copied().is_some_and(name_char) {
            i += 1;
        }
        if part == 0 {
            if b.get(i) != Some(&b':') {
                return None;
            }
            i += 1;
        }
    }
    let name = &s[start..i];
    if !matches!(b.get(i), Some(b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r')) {
        return None;
    }
    let mut quote = None;
    let mut last = b'<';
    let limit = b.len().min(i + MAX_TAG);
    while i < limit {
        let c = b[i];
        match (quote, c) {
            (_, b'<') => return None,
            (_, b'\n') => {
                let next = s[i + 1..].trim_start_matches([' ', '\t', '\r']);
                if next.is_empty() || next.starts_with(['\n', '>']) {
                    return None;
                }
            }
            (Some(q), _) if c == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(c),
            (None, b'>') => {
                let len = i + 1;
                let found = if end {
                    Leftover::End { name }
                } else {
                    Leftover::Start {
                        name,
                        self_closing: last == b'/',
                    }
                };
                return Some((found, len));
            }
            _ => {}
        }
        if !c.is_ascii_whitespace() {
            last = c;
        }
        i += 1;
    }
    None
}
