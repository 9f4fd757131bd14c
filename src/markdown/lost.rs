//! Markdown that parses, but drops or shows as text what the author meant,
//! with no error from CommonMark: a reference link whose definition is not
//! on the page (`[text][label]`, left behind when a document was split
//! into chapters), a footnote reference with no note (`[^3]`), and the
//! cells of a table row past its header's columns (a `|` in a cell, even
//! inside `code`, starts a new one). Each is a warning at its place.

use super::state::State;
use pulldown_cmark::{BrokenLink, LinkType};
use std::ops::Range;

/// Longest label or cell text looked at and shown: keeps the scan linear
/// on hostile lines, and the message short.
const MAX_SHOWN: usize = 80;

/// A reference link the parser could not resolve: its place and label.
/// Only `[text][label]` and `[label][]`: a bare `[label]` is also prose
/// (`[sic]`, `[1]`, `[ ]`).
pub(super) fn unresolved(link: BrokenLink<'_>) -> Option<(Range<usize>, String)> {
    let mut span = link.span;
    match link.link_type {
        LinkType::Reference => {}
        // Its span leaves out the `[]`.
        LinkType::Collapsed => span.end += 2,
        _ => return None,
    }
    Some((span, link.reference.into_string()))
}

/// Warns about a reference link left as text (see [`unresolved`]).
/// Not when a line of the page looks like its definition but is text:
/// that line is warned about already.
pub(super) fn reference(st: &mut State, span: Range<usize>, label: &str) {
    if st.not_definitions.contains(&label.to_lowercase()) {
        return;
    }
    let body = &st.text_src[st.body_offset..];
    let written = shorten(body.get(span.clone()).unwrap_or(label));
    let label = shorten(label);
    st.warn(
        span.start,
        format!(
            "`{written}` is shown as text: no link definition `[{label}]: …` is on this page"
        ),
        Some(&format!(
            "link definitions count on their own page only: add `[{label}]: target` on a line of its own to this page, or write the link as `[text](target)`"
        )),
    );
}

/// A text event at body offset `pos`: a footnote reference `[^label]`
/// the parser left as text, since no note has that label.
pub(super) fn footnote(st: &mut State, pos: usize) {
    let body = &st.text_src.as_bytes()[st.body_offset..];
    // The text starts at the `[` or, split there, just after it.
    let open = match (body.get(pos), pos.checked_sub(1).and_then(|p| body.get(p))) {
        (Some(b'['), _) => pos,
        (Some(b'^'), Some(b'[')) => pos - 1,
        _ => return,
    };
    let escaped = open.checked_sub(1).and_then(|p| body.get(p)) == Some(&b'\\');
    if escaped || body.get(open + 1) != Some(&b'^') {
        return;
    }
    let rest = &body[open + 2..];
    let Some(end) = rest.iter().take(MAX_SHOWN).position(|&b| b == b']') else {
        return;
    };
    let Ok(label) = std::str::from_utf8(&rest[..end]) else {
        return;
    };
    if label.is_empty() || label.contains(|c: char| c.is_whitespace() || c == '[') {
        return;
    }
    st.warn_once_per_line(
        open,
        format!("footnote `[^{label}]` is shown as text: no note `[^{label}]: …` is on this page"),
        &format!(
            "add the note on a line of its own, `[^{label}]: its text`, on this page (notes count on their own page only), or remove the reference"
        ),
    );
}

/// A table row (or header) starts: its source range.
pub(super) fn start_row(st: &mut State, range: Range<usize>) {
    st.row = Some((range.end, range.start));
}

/// A cell of the row starts: its source range.
pub(super) fn cell(st: &mut State, range: Range<usize>) {
    if let Some((_, last)) = &mut st.row {
        *last = range.end;
    }
}

/// The row ends: text after its last cell is cells past the header's
/// columns, which the parser drops.
pub(super) fn end_row(st: &mut State) {
    let Some((end, last)) = st.row.take() else {
        return;
    };
    let body = &st.text_src[st.body_offset..];
    let Some(after) = body.get(last..end) else {
        return;
    };
    let lost = after.trim_matches(|c: char| c.is_whitespace() || c == '|');
    if lost.is_empty() {
        return;
    }
    let at = last
        + after
            .find(|c: char| !c.is_whitespace() && c != '|')
            .unwrap_or(0);
    st.warn(
        at,
        format!(
            "`{}` is not shown: this row has more cells than the table's header has columns",
            shorten(lost)
        ),
        Some(
            "add the column to the header row (and its `---` line), or write a `|` inside a cell as `\\|`, also inside `code`",
        ),
    );
}

/// At most [`MAX_SHOWN`] bytes of `s` (on a character boundary), marked
/// with `…` when cut.
fn shorten(s: &str) -> String {
    if s.len() <= MAX_SHOWN {
        return s.to_string();
    }
    let mut end = MAX_SHOWN;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &s[..end])
}
