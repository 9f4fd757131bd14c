//! Obsidian's comments: `%%a note to reviewers%%` in a line, or `%%` lines
//! around a block; and MDX's, `{/* a note */}`, which Docusaurus authors
//! write since MDX 2 refuses `<!-- -->`. Both tools hide them from readers;
//! CommonMark shows them as text, so a site moved in would publish every
//! note its authors hid. They are left out, with the words between; never
//! inside code.

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

/// Each comment from its opening mark to its closing one (`%%` and `%%`,
/// `{/*` and `*/}`), with the line break after it when it ends its line.
/// An opening mark with no closing one is left alone: it may be text.
pub(super) fn find(body: &str) -> Vec<(Range<usize>, Kind)> {
    let mut out = Vec::new();
    // Where the open comment starts, and the mark that closes it.
    let mut open: Option<(usize, &str)> = None;
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
            for (i, mark) in marks(line) {
                let at = start + i;
                match open {
                    None if mark == "%%" => open = Some((at, "%%")),
                    None if mark == "{/*" => open = Some((at, "*/}")),
                    Some((from, close)) if mark == close => {
                        open = None;
                        let ends_line = line[i + mark.len()..].trim().is_empty();
                        let to = if ends_line {
                            (end + 1).min(body.len())
                        } else {
                            at + mark.len()
                        };
                        out.push((from..to, Kind::Comment));
                    }
                    _ => {}
                }
            }
        }
        start = end + 1;
    }
    out
}

/// A code fence's character and length: `` ``` ``, `~~~~`.
pub(in crate::markdown) fn fence_of(t: &str) -> Option<(u8, usize)> {
    let c = *t.as_bytes().first()?;
    if c != b'`' && c != b'~' {
        return None;
    }
    let n = t.bytes().take_while(|&b| b == c).count();
    (n >= 3).then_some((c, n))
}

/// Where each comment mark of `line` starts (`%%`, `{/*`, `*/}`), and
/// which, outside code spans.
fn marks(line: &str) -> Vec<(usize, &'static str)> {
    let b = line.as_bytes();
    let mut out = Vec::new();
    let mut in_code = false;
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'`' {
            in_code = !in_code;
        } else if !in_code
            && let Some(m) = ["%%", "{/*", "*/}"]
                .into_iter()
                .find(|m| b[i..].starts_with(m.as_bytes()))
        {
            out.push((i, m));
            i += m.len();
            continue;
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

    #[test]
    fn mdx_comments_in_a_line_and_over_lines() {
        assert_eq!(
            hidden("a {/* Amina, 14 */} b\n{/*\nReviewer note.\n*/}\nc\n"),
            ["{/* Amina, 14 */}", "{/*\nReviewer note.\n*/}\n"]
        );
        // One kind's mark does not close the other.
        assert_eq!(hidden("{/* 50%% */}\n"), ["{/* 50%% */}\n"]);
        assert_eq!(hidden("%% a */} b %%\n"), ["%% a */} b %%\n"]);
        assert_eq!(hidden("`{/* x */}` and {/* open\n"), Vec::<&str>::new());
        assert_eq!(hidden("```js\n{/* x */}\n```\n"), Vec::<&str>::new());
    }
}
