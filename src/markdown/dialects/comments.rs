//! Obsidian's comments: `%%a note to reviewers%%` in a line, or `%%` lines
//! around a block. Obsidian hides them from readers; CommonMark shows them
//! as text, so a vault moved in would publish every note its authors hid.
//! They are left out, with the words between; never inside code.

use crate::markdown::state::Kind;
use std::ops::Range;

/// Adds the comments of `body` to `drops` (sorted, other tools' ranges
/// inside a comment removed: it is left out whole).
pub(super) fn add(body: &str, drops: &mut Vec<(Range<usize>, Kind)>) {
    let hidden = find(body);
    if hidden.is_empty() {
        return;
    }
    // Both are sorted by start and the comments do not overlap: one pass.
    let mut j = 0;
    drops.retain(|(r, _)| {
        while j < hidden.len() && hidden[j].0.end <= r.start {
            j += 1;
        }
        !(j < hidden.len() && hidden[j].0.start < r.end)
    });
    drops.extend(hidden);
    drops.sort_by_key(|(r, _)| r.start);
}

/// Each comment from its opening `%%` to its closing one, with the line
/// break after it when it ends its line. An opening `%%` with no closing
/// one is left alone: it may be text.
pub(super) fn find(body: &str) -> Vec<(Range<usize>, Kind)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut fence: Option<(u8, usize)> = None;
    let mut start = 0;
    while start < body.len() {
        let end = body[start..].find('\n').map_or(body.len(), |i| start + i);
        let line = &body[start..end];
        let t = line.trim_start_matches(' ');
        let marker = (line.len() - t.len() <= 3).then(|| fence_of(t)).flatten();
        if open.is_none() {
            match (fence, marker) {
                (None, Some(f)) => fence = Some(f),
                (Some((c, n)), Some((c2, n2))) if c == c2 && n2 >= n => fence = None,
                _ => {}
            }
        }
        if fence.is_none() && marker.is_none() {
            for i in marks(line) {
                let at = start + i;
                match open.take() {
                    None => open = Some(at),
                    Some(from) => {
                        let ends_line = line[i + 2..].trim().is_empty();
                        let to = if ends_line {
                            (end + 1).min(body.len())
                        } else {
                            at + 2
                        };
                        out.push((from..to, Kind::Comment));
                    }
                }
            }
        }
        start = end + 1;
    }
    out
}

/// A code fence's character and length: `` ``` ``, `~~~~`.
fn fence_of(t: &str) -> Option<(u8, usize)> {
    let c = *t.as_bytes().first()?;
    if c != b'`' && c != b'~' {
        return None;
    }
    let n = t.bytes().take_while(|&b| b == c).count();
    (n >= 3).then_some((c, n))
}

/// Where each `%%` of `line` starts, outside code spans.
fn marks(line: &str) -> Vec<usize> {
    let b = line.as_bytes();
    let mut out = Vec::new();
    let mut in_code = false;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'`' => in_code = !in_code,
            b'%' if !in_code && b.get(i + 1) == Some(&b'%') => {
                out.push(i);
                i += 2;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hidden(body: &str) -> Vec<&str> {
        find(body).into_iter().map(|(r, _)| &body[r]).collect()
    }

    #[test]
    fn comments_in_a_line_and_around_a_block() {
        assert_eq!(hidden("a %%note%% b %%two%%\n"), ["%%note%%", "%%two%%\n"]);
        assert_eq!(
            hidden("x\n%%\nhid\n\nden\n%%\ny\n"),
            ["%%\nhid\n\nden\n%%\n"]
        );
        assert_eq!(hidden("50%% of\n"), Vec::<&str>::new());
        assert_eq!(hidden("`%%` and `%%`\n"), Vec::<&str>::new());
        assert_eq!(hidden("```\n%%\n```\n%%\n"), Vec::<&str>::new());
        assert_eq!(hidden("%%\n```\ncode\n```\n%%"), ["%%\n```\ncode\n```\n%%"]);
    }
}
