//! Bold or italics with a space just inside a mark: `**Important: **Call`,
//! `Do it **now **`, `** Note**`, `*soon *`. CommonMark reads a mark with a
//! space on its inner side as no mark at all, so the words are published
//! plain with the asterisks around them. Google Docs' Markdown download and
//! text converted from Word leave them so where the space after a word was
//! bold too, and authors type them.
//!
//! Only a pair that CommonMark cannot read otherwise is named: the first
//! mark opens (a word right after it) and the next mark of the same kind
//! and length has a space before it, or the other way round; with spaces on
//! both sides (`2 * 3 * 4`) it is no pair at all, and a mark inside a word
//! (`file_name`) or code is not looked at.

/// The first such pair in `line` of text, after the line's list or quote
/// markers: where it starts, and its length with its marks.
pub(super) fn spaced(line: &str) -> Option<(usize, usize)> {
    find(line, block_prefix(line))
}

/// The first such pair in `line` from byte `from` (where its text starts).
pub(super) fn find(line: &str, from: usize) -> Option<(usize, usize)> {
    let runs = runs(line, from);
    for (k, r1) in runs.iter().enumerate() {
        let Some(r2) = runs[k + 1..].iter().find(|r| r.mark == r1.mark) else {
            continue;
        };
        if r1.len != r2.len || r1.len > 3 {
            continue;
        }
        let inner = &line[r1.end()..r2.start];
        if !inner.chars().any(char::is_alphabetic) || inner.trim().is_empty() {
            continue;
        }
        let before = line[from..r1.start].chars().next_back();
        let after = line[r2.end()..].chars().next();
        // Not inside a word, where a mark may close one opened before.
        let opens = before.is_none_or(|c| !c.is_alphanumeric());
        if !opens {
            continue;
        }
        let later = runs[k + 1..]
            .iter()
            .any(|r| r.mark == r1.mark && r.start > r2.start);
        let earlier = runs[..k].iter().any(|r| r.mark == r1.mark);
        // `**Important: **Call`: a word after the opening mark, a space
        // before the closing one. With a space after it too, the second
        // mark is plain text, and a later mark could close the first.
        // A word right after an `_` is a name written with it
        // (`_deflate-flate2`), not bold that lost its space.
        let word_after = after.is_some_and(char::is_alphanumeric);
        let space_inside_end = inner.starts_with(char::is_alphanumeric)
            && inner.ends_with(char::is_whitespace)
            && (after.is_some_and(|c| !c.is_whitespace()) || !later)
            && !(r1.mark == b'_' && word_after);
        // `** Note**`: a space after the opening mark, a word before the
        // closing one, and no mark before that the closing one could close.
        let space_inside_start = inner.starts_with(char::is_whitespace)
            && inner.trim_start().starts_with(char::is_alphanumeric)
            && !inner.ends_with(char::is_whitespace)
            && after.is_none_or(|c| !c.is_alphanumeric())
            && !earlier;
        if space_inside_end || space_inside_start {
            return Some((r1.start, r2.end() - r1.start));
        }
    }
    None
}

/// A run of `*` or `_` outside code, not escaped.
struct Run {
    start: usize,
    len: usize,
    mark: u8,
}

impl Run {
    fn end(&self) -> usize {
        self.start + self.len
    }
}

/// The runs of `line` from `from`, left to right. A backtick opens or
/// closes code (an odd count before a place is inside it).
fn runs(line: &str, from: usize) -> Vec<Run> {
    let b = line.as_bytes();
    let mut out = Vec::new();
    let mut in_code = false;
    let mut i = from;
    // From one backtick or mark to the next: most lines have none.
    while let Some(j) = memchr::memchr3(b'`', b'*', b'_', &b[i..]) {
        i += j;
        let c = b[i];
        if c == b'`' {
            in_code = !in_code;
        } else if !in_code && (i == 0 || b[i - 1] != b'\\') {
            let len = b[i..].iter().take_while(|&&x| x == c).count();
            out.push(Run {
                start: i,
                len,
                mark: c,
            });
            i += len;
            continue;
        }
        i += 1;
    }
    out
}

/// Where the text of `line` starts after its indentation, quote markers
/// (`> `), list markers (`- `, `* `, `1. `) and a task's box (`[ ] `):
/// a list's `*` is no emphasis.
fn block_prefix(line: &str) -> usize {
    let mut i = 0;
    let b = line.as_bytes();
    loop {
        let rest = &line[i..];
        let t = rest.trim_start_matches([' ', '\t']);
        let j = i + rest.len() - t.len();
        let tb = &b[j..];
        let marker = if tb.first() == Some(&b'>') {
            1
        } else if tb.len() >= 2 && b"-*+".contains(&tb[0]) && matches!(tb[1], b' ' | b'\t') {
            2
        } else if let Some(n) = ordered(tb) {
            n
        } else if [b"[ ] ", b"[x] ", b"[X] "]
            .iter()
            .any(|p| tb.starts_with(*p))
        {
            4
        } else {
            return j;
        };
        i = j + marker;
    }
}

/// `1. ` or `12) `: the length of an ordered list's marker.
fn ordered(b: &[u8]) -> Option<usize> {
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let ok = (1..=9).contains(&digits)
        && b.get(digits).is_some_and(|c| matches!(c, b'.' | b')'))
        && b.get(digits + 1).is_some_and(|c| matches!(c, b' ' | b'\t'));
    ok.then_some(digits + 2)
}

/// The same words with the spaces outside the marks, as the hint gives
/// them: `**Important: **` is `**Important:** `. `None` for a piece cut
/// short for the message (`**Important: a long …`): its closing mark is
/// not in it.
pub(super) fn fixed(shown: &str) -> Option<String> {
    let first = *shown.as_bytes().first()?;
    let n = shown.bytes().take_while(|&c| c == first).count();
    let mark = &shown[..n];
    let inner = shown[n..].strip_suffix(mark)?;
    let lead = if inner.starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let trail = if inner.ends_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    Some(format!("{lead}{mark}{}{mark}{trail}", inner.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn piece(line: &str) -> Option<&str> {
        spaced(line).map(|(i, n)| &line[i..i + n])
    }

    #[test]
    fn a_space_inside_a_mark_is_found() {
        for (line, found) in [
            ("**Important: **Call the hotline first.", "**Important: **"),
            ("Do this **now ** and that.", "**now **"),
            ("and that *soon *.", "*soon *"),
            ("** Note**: call first.", "** Note**"),
            ("- **Step 1: **Greet the person.", "**Step 1: **"),
            ("> 1. [ ] __Check __ the phone", "__Check __"),
            ("| **Step ** | Who |", "**Step **"),
            ("**real** then **Note: **x", "**Note: **"),
            ("(**Note: **call) first", "**Note: **"),
        ] {
            assert_eq!(piece(line), Some(found), "{line}");
        }
    }

    #[test]
    fn marks_that_are_no_such_pair_are_not_found() {
        for line in [
            "**Important:** Call the hotline first.",
            "2 * 3 * 4 = 24",
            "a ** b ** c",
            "* a list item with *emphasis*",
            "- item *",
            "file_name and other_name _x",
            "Name: __________ Date: __________",
            "Name: __ Date: __",
            "`**code **` is code",
            "\\*not emphasis \\*",
            "*Note * b*",
            "**now ** and later**",
            "***** five stars *****",
            "snake_case_name _",
            "- Rename _deflate-non-zopfli to _deflate-flate2",
            "* * *",
            "5*3 and 2 *",
        ] {
            assert_eq!(piece(line), None, "{line}");
        }
    }

    #[test]
    fn the_fix_moves_the_spaces_out() {
        assert_eq!(fixed("**Important: **").unwrap(), "**Important:** ");
        assert_eq!(fixed("** Note**").unwrap(), " **Note**");
        assert_eq!(fixed("*soon *").unwrap(), "*soon* ");
        // Cut short for the message, inside a `…` of its own too.
        assert_eq!(
            fixed("**If consent is not given, you may consult the focal…"),
            None
        );
        assert_eq!(fixed("**a…"), None);
    }
}
