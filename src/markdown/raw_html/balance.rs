//! Raw HTML elements kept balanced within the Markdown block that opened
//! them, and block elements placed as a browser would place them: a
//! paragraph they interrupt is closed, and opens again after them.

use crate::markdown::state::{Frame, OpenElement, State};
use pulldown_cmark::{CowStr, Event};

/// Kept elements that are blocks: inside a paragraph (Markdown's, or one
/// of raw HTML) a browser closes the paragraph before them, and the
/// paragraph's own end tag is left over (`<p><p>…</p></p>`).
pub(super) const BLOCK: &[&str] = &[
    "blockquote",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "summary",
    "table",
    "ul",
];

/// Makes room for block element `name` of raw HTML, as a browser would:
/// a paragraph of raw HTML open here is closed, and so is the Markdown
/// paragraph it stands in (which opens again after the element).
/// `false` when the element cannot be kept: it is in a heading, a link
/// or emphasis, which hold only a line of text (its text is kept).
pub(super) fn block_place(st: &mut State, name: &str, at: usize, out: &mut String) -> bool {
    let depth = st.depth;
    if let Some(i) = st
        .raw
        .open
        .iter()
        .rposition(|e| e.name == "p" && e.depth == depth)
    {
        close_down_to(st, i, out);
    }
    // A task's text is the label of its checkbox.
    let in_task = st.frames.iter().any(|f| matches!(f, Frame::Task { .. }));
    let (outer, paragraph) = match st.raw.phrasing {
        Some(p) => p,
        None if in_task => (depth, false),
        None => return true,
    };
    if st.raw.split == Some((depth, false)) {
        // Already out of the paragraph, inside a block of raw HTML.
        return true;
    }
    if !paragraph || outer != depth || in_task {
        st.warn_once_per_page(
            at,
            format!("`<{name}>` inside a line of text (a heading, link, emphasis or task) removed from raw HTML; its text is kept"),
            "a block (a paragraph, list, table or box) cannot be part of a heading, link, emphasis or task: put it on lines of its own, with a blank line before and after",
        );
        return false;
    }
    // Elements of raw HTML open in the paragraph close with it.
    let keep = st.raw.open.partition_point(|e| e.depth < depth);
    close_down_to(st, keep, out);
    if !(out.is_empty() && drop_empty_paragraph(st.sink())) {
        out.push_str("</p>");
    }
    st.raw.split = Some((depth, false));
    true
}

/// The paragraph opens again after the block of raw HTML that closed it.
pub(super) fn reopen(st: &mut State) {
    if let Some((d, false)) = st.raw.split {
        st.raw.split = Some((d, true));
        st.raw.reopen = true;
    }
}

/// Removes the paragraph being written when nothing but white space is in
/// it yet; `false` when it has something.
pub(in crate::markdown) fn drop_empty_paragraph(sink: &mut Vec<Event<'_>>) -> bool {
    let blank = |e: &Event| match e {
        Event::SoftBreak | Event::HardBreak => true,
        Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) => t.trim().is_empty(),
        _ => false,
    };
    let Some(start) = sink.iter().rposition(|e| !blank(e)) else {
        return false;
    };
    if !matches!(sink[start], Event::Start(pulldown_cmark::Tag::Paragraph)) {
        return false;
    }
    sink.truncate(start);
    true
}

/// Closes an element this raw HTML opened in the current Markdown block,
/// and any opened after it; other end tags are dropped. Whether it closed
/// one.
pub(super) fn end_tag(st: &mut State, name: &str, out: &mut String) -> bool {
    let depth = st.depth;
    let found = st
        .raw
        .open
        .iter()
        .rposition(|e| e.name == name && e.depth == depth);
    if let Some(i) = found {
        close_down_to(st, i, out);
        if st.raw.split == Some((depth, false)) && !st.raw.open.iter().any(|e| e.depth == depth) {
            reopen(st);
        }
    }
    found.is_some() || st.raw.started.contains(name)
}

/// Closes raw elements opened at `depth` or deeper: their Markdown block ends.
pub(in crate::markdown) fn close_from(st: &mut State, depth: usize) {
    if st.raw.dropping.as_ref().is_some_and(|(_, d)| *d >= depth) {
        st.raw.dropping = None;
    }
    let keep = st.raw.open.partition_point(|e| e.depth < depth);
    if keep == st.raw.open.len() {
        return;
    }
    let mut closing = String::new();
    close_down_to(st, keep, &mut closing);
    flush(st, &mut closing);
}

/// Closes the open elements from the `from`-th on, innermost first, into
/// `out`; a marked `</a>` goes out in an event of its own after its mark.
pub(super) fn close_down_to(st: &mut State, from: usize, out: &mut String) {
    let closed: Vec<OpenElement> = st.raw.open.drain(from..).rev().collect();
    for e in closed {
        match e.mark {
            Some(m) => {
                flush(st, out);
                st.emit(Event::DisplayMath(CowStr::from(m.to_string())));
                st.html("</a>".into());
            }
            None => out.push_str(&format!("</{}>", e.name)),
        }
    }
}

/// Writes what `out` holds so far as raw HTML, leaving it empty.
pub(super) fn flush(st: &mut State, out: &mut String) {
    if !out.is_empty() {
        st.html(std::mem::take(out));
    }
}
