//! AsciiDoc's listing blocks, `[source,bash]` over lines between `----`
//! delimiters, left in a page converted from Antora or Asciidoctor.
//! CommonMark read the attribute line and the block's last line as
//! headings (`----` under a line is a heading's underline), both in the
//! page's contents, and the lines between as paragraphs. Nothing about it
//! is unclear, so the block is published as the code block it is: the
//! page is parsed with the attribute line blanked and each delimiter
//! written as as many backticks, a fence, at the same offsets, so that
//! every message about the page still points at its own line.

use std::borrow::Cow;

/// `body` with each AsciiDoc listing block written as a fenced code block,
/// and where each such block's attribute line starts.
pub(in crate::markdown) fn convert(body: &str) -> (Cow<'_, str>, Vec<usize>) {
    // Asked of every page, and most have no `----` line: one search, for
    // both line ends.
    let b = body.as_bytes();
    let listed = body
        .match_indices("\n----")
        .any(|(i, _)| b[..i].ends_with(b"]") || b[..i].ends_with(b"]\r"));
    if !listed {
        return (Cow::Borrowed(body), Vec::new());
    }
    let lines = lines(body);
    let mut bytes: Option<Vec<u8>> = None;
    let mut found = Vec::new();
    let mut fence: Option<(u8, usize)> = None;
    let mut i = 0;
    while i < lines.len() {
        let t = text(body, &lines[i]);
        let marker = super::comments::fence_of(t.trim_start_matches(' '));
        match (fence, marker) {
            (None, Some(f)) => fence = Some(f),
            (Some((c, n)), Some((c2, n2))) if c == c2 && n2 >= n => fence = None,
            (None, None) if listing_style(t) => {
                if let Some(close) = block_end(body, &lines, i) {
                    let out = bytes.get_or_insert_with(|| b.to_vec());
                    let own =
                        |l: usize| lines[l].start..lines[l].start + text(body, &lines[l]).len();
                    out[own(i)].fill(b' ');
                    for l in [i + 1, close] {
                        out[own(l)].fill(b'`');
                    }
                    found.push(lines[i].start);
                    i = close;
                }
            }
            _ => {}
        }
        i += 1;
    }
    match bytes {
        // Whole characters were replaced, byte by byte, by ASCII.
        Some(out) => (
            Cow::Owned(String::from_utf8(out).unwrap_or_else(|_| body.to_string())),
            found,
        ),
        None => (Cow::Borrowed(body), found),
    }
}

/// Each line's range, without its line break.
pub(super) fn lines(body: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for nl in memchr::memchr_iter(b'\n', body.as_bytes()) {
        out.push(start..nl);
        start = nl + 1;
    }
    out.push(start..body.len());
    out
}

/// A line's text, without a `\r` at its end.
pub(super) fn text<'b>(body: &'b str, line: &std::ops::Range<usize>) -> &'b str {
    let t = &body[line.clone()];
    t.strip_suffix('\r').unwrap_or(t)
}

/// `[source]`, `[source,bash]`, `[listing]`, `[literal]` on a line of its
/// own, at its start.
fn listing_style(t: &str) -> bool {
    let Some(inner) = t
        .strip_prefix('[')
        .and_then(|s| s.trim_end().strip_suffix(']'))
    else {
        return false;
    };
    matches!(
        inner.split(',').next().unwrap_or("").trim(),
        "source" | "listing" | "literal"
    )
}

/// `----`, four or more, alone on its line.
fn delimiter(t: &str) -> bool {
    t.len() >= 4 && t.bytes().all(|b| b == b'-')
}

/// The line that closes the listing block whose attribute line is `at`:
/// the same delimiter as the one under it. `None` when there is none, or
/// when a line inside would end the fence first (a line of backticks).
fn block_end(body: &str, lines: &[std::ops::Range<usize>], at: usize) -> Option<usize> {
    let open = text(body, lines.get(at + 1)?);
    if !delimiter(open) {
        return None;
    }
    for (j, line) in lines.iter().enumerate().skip(at + 2) {
        let t = text(body, line);
        if t == open {
            return Some(j);
        }
        if t.trim_start().starts_with("```") {
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_listing_block_becomes_a_fence_at_the_same_offsets() {
        let body = "Run:\n\n[source,bash]\n----\ncall 112\n----\n\nAfter.\n";
        let (out, found) = convert(body);
        assert_eq!(
            out,
            "Run:\n\n             \n````\ncall 112\n````\n\nAfter.\n"
        );
        assert_eq!(found, [6]);
        let body = "[literal]\r\n------\r\nA\r\n----\r\nB\r\n------\r\n";
        let (out, _) = convert(body);
        assert_eq!(out, "         \r\n``````\r\nA\r\n----\r\nB\r\n``````\r\n");
    }

    #[test]
    fn what_is_not_a_listing_block_is_left_alone() {
        for body in [
            // Shown as an example, in a Markdown code block.
            "```\n[source,bash]\n----\ncall 112\n----\n```\n",
            // Never closed.
            "[source,bash]\n----\ncall 112\n",
            // Not a listing's style.
            "[NOTE]\n----\nText\n----\n",
            // Prose in brackets over a rule.
            "[source]: see the annex\n----\nText\n----\n",
            // A fence inside would end the block first.
            "[source]\n----\n```\n----\n",
        ] {
            let (out, found) = convert(body);
            assert_eq!(out, body);
            assert!(found.is_empty(), "{body}");
        }
    }
}
