//! Obsidian's comments: `%%a note to reviewers%%` in a line, or `%%` lines
//! around a block; MDX's, `{/* a note */}`, which Docusaurus authors
//! write since MDX 2 refuses `<!-- -->`; Hugo's `{{/* a note */}}` and
//! Jekyll's `{% comment %}…{% endcomment %}`. Each tool hides them from readers;
//! CommonMark shows them as text, so a site moved in would publish every
//! note its authors hid. They are left out, with the words between; never
//! inside code.

use crate::markdown::state::Kind;
use std::ops::Range;

/// Adds the comments of `body` to `drops` (sorted, other tools' ranges
/// inside a comment removed: it is left out whole).
pub(super) fn add(body: &str, drops: &mut Vec<(Range<usize>, Kind)>) {
    merge(drops, find(body));
}

/// Adds `hidden` (sorted, not overlapping each other) to `drops`, whose
/// ranges inside one of them are removed: it is left out whole.
pub(super) fn merge(drops: &mut Vec<(Range<usize>, Kind)>, hidden: Vec<(Range<usize>, Kind)>) {
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
            for (i, mark, len) in marks(line) {
                let at = start + i;
                match open {
                    None if mark == "%%" => open = Some((at, "%%")),
                    None if mark == "{/*" => open = Some((at, "*/}")),
                    None if mark == "{{/*" => open = Some((at, "*/}}")),
                    None if mark == LIQUID_OPEN => open = Some((at, LIQUID_CLOSE)),
                    Some((from, close)) if mark == close => {
                        open = None;
                        let ends_line = line[i + len..].trim().is_empty();
                        let to = if ends_line {
                            (end + 1).min(body.len())
                        } else {
                            at + len
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

/// Jekyll's (Liquid's) comment tags, `{% comment %}` and `{% endcomment
/// %}`, as [`marks`] names them whatever their spacing and `-`.
const LIQUID_OPEN: &str = "{% comment %}";
const LIQUID_CLOSE: &str = "{% endcomment %}";

/// Where each comment mark of `line` starts (`%%`, `{/*`, `*/}`, Hugo's
/// `{{/*` and `*/}}`, Jekyll's `{% comment %}` and `{% endcomment %}`),
/// which, and its length as written, outside code spans.
fn marks(line: &str) -> Vec<(usize, &'static str, usize)> {
    let b = line.as_bytes();
    let mut out = Vec::new();
    let mut in_code = false;
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'`' {
            in_code = !in_code;
        } else if !in_code {
            // Longer marks first: `{{/*` holds `{/*` and `*/}}` holds `*/}`.
            let found = ["%%", "{{/*", "{/*", "*/}}", "*/}"]
                .into_iter()
                .find(|m| b[i..].starts_with(m.as_bytes()))
                .map(|m| (m, m.len()))
                // At a `{`, a character's first byte.
                .or_else(|| {
                    (b[i] == super::OPEN_BRACE)
                        .then(|| liquid_comment(&line[i..]))
                        .flatten()
                });
            if let Some((m, len)) = found {
                out.push((i, m, len));
                i += len;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// `s` starts with a comment mark of Jekyll or Hugo, which is no template
/// code to name: the comment is left out, and named as one.
pub(super) fn starts_comment_mark(s: &str) -> bool {
    s.starts_with("{{/*") || liquid_comment(s).is_some()
}

/// `{% comment %}` or `{% endcomment %}` (also `{%- comment -%}`,
/// `{%comment%}`) at the start of `s`: which, and its length.
fn liquid_comment(s: &str) -> Option<(&'static str, usize)> {
    let inner = s.strip_prefix("{%")?;
    // A comment tag is short: a line of `{%` is not searched from each.
    let window = &inner.as_bytes()[..inner.len().min(32)];
    let close = memchr::memmem::find(window, b"%}")?;
    let word = inner[..close].trim_matches(|c: char| c == '-' || c.is_ascii_whitespace());
    let mark = match word {
        "comment" => LIQUID_OPEN,
        "endcomment" => LIQUID_CLOSE,
        _ => return None,
    };
    Some((mark, 2 + close + 2))
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

    #[test]
    fn jekyll_and_hugo_comments() {
        assert_eq!(
            hidden(
                "a {% comment %}note{% endcomment %} b\n{%- comment -%}\nx\n{%endcomment%}\nc\n"
            ),
            [
                "{% comment %}note{% endcomment %}",
                "{%- comment -%}\nx\n{%endcomment%}\n"
            ]
        );
        assert_eq!(
            hidden("a {%- comment -%}n{%- endcomment -%} b\n"),
            ["{%- comment -%}n{%- endcomment -%}"]
        );
        assert_eq!(hidden("{{/* a note */}}\n"), ["{{/* a note */}}\n"]);
        // Neither kind's end closes the other, nor an MDX comment.
        assert_eq!(hidden("{/* a */}} b\n"), Vec::<&str>::new());
        assert_eq!(
            hidden("{% include a.html %} and {% endcomment %}\n"),
            Vec::<&str>::new()
        );
        assert_eq!(
            hidden("`{% comment %}x{% endcomment %}`\n"),
            Vec::<&str>::new()
        );
    }
}
