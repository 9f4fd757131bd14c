//! The end of a page: frames left open are flushed, links to anchors of
//! this page are checked, footnotes are appended, and the HTML is written,
//! noting where each marked link's tags are so that the check step can
//! publish a broken one as text.

use super::elements::end_task;
use super::state::{Frame, Mark, State};
use super::{AnchorHints, Rendered, escape, raw_html};
use crate::config::BrokenLinks;
use pulldown_cmark::Event;
use std::cell::Cell;
use std::fmt::Write as _;

pub(super) fn finish(mut st: State) -> Rendered {
    super::word::finish(&mut st);
    super::dialects::finish(&mut st);
    raw_html::stripped_warning(&mut st);
    st.counted_warnings();
    // Frames left open by malformed input: flush what they hold.
    while let Some(f) = st.frames.pop() {
        match f {
            Frame::Heading { events, .. }
            | Frame::Image { events, .. }
            | Frame::Footnote { events, .. } => st.sink().extend(events),
            Frame::Task {
                checked,
                depth,
                events,
            } => {
                st.frames.push(Frame::Task {
                    checked,
                    depth,
                    events,
                });
                end_task(&mut st);
            }
            Frame::HtmlBlock { html, offset } => raw_html::block(&mut st, &html, offset),
        }
    }
    raw_html::close_from(&mut st, 0);
    let unlinked = same_page_anchors(&mut st);
    footnotes(&mut st);
    let out = std::mem::take(&mut st.out);
    let mut html = write_html(out, &mut st.marks, &unlinked, st.text_src.len());
    // An empty header cell (the corner of a two-way table) is not a header.
    // Same length: the marks' offsets stay right.
    if html.contains("<th></th>") {
        html = html.replace("<th></th>", "<td></td>");
    }
    for m in &st.marks {
        if let (Some(i), Some(open), Some(close)) = (m.page_link, m.open_at, m.close_at) {
            // A page's HTML is far below 4 GB (a file is refused long
            // before); a place that did not fit would only not be unlinked.
            let place = |n: usize| u32::try_from(n).ok();
            st.r.page_links[i].tags = place(open)
                .zip(place(open + m.open_len))
                .zip(place(close))
                .map(|((a, b), c)| [a, b, c]);
        }
    }
    st.r.html = html;
    st.r.assets = st.assets.iter().copied().collect();
    st.r
}

/// Reports links to anchors missing from this page; with `broken_links:
/// warning` their marks are returned, to be written as text.
fn same_page_anchors(st: &mut State) -> Vec<bool> {
    let mut unlinked = vec![false; st.marks.len()];
    let links = std::mem::take(&mut st.same_page);
    let mut hints: Option<AnchorHints> = None;
    for link in links {
        if st.r.ids.contains(&link.fragment) || super::links::is_top(&link.fragment) {
            continue;
        }
        let hint = hints
            .get_or_insert_with(|| AnchorHints::new(&st.r.ids))
            .hint(&link.fragment)
            .unwrap_or_else(|| "give the heading an explicit id: ## Heading {#id}".into());
        st.r.broken_links += 1;
        // Checked once every id is known: the definition is this link's.
        st.link_def = link.definition;
        st.defect(
            link.pos,
            format!("link to a missing anchor `#{}` on this page", link.fragment),
            Some(hint),
            "published as its text",
        );
        if st.broken_links == BrokenLinks::Warning {
            unlinked[link.mark] = true;
        }
    }
    st.link_def = None;
    unlinked
}

fn footnotes(st: &mut State) {
    if st.footnote_order.is_empty() {
        return;
    }
    let mut notes = String::new();
    let _ = writeln!(
        notes,
        "<section class=\"footnotes\" role=\"doc-endnotes\"><h2 class=\"footnotes-title\"{}>{}</h2><ol>",
        st.opts.labels.footnotes.attrs,
        escape(&st.opts.labels.footnotes.text)
    );
    st.html(notes);
    let order = std::mem::take(&mut st.footnote_order);
    for (n, note) in order.iter().enumerate() {
        let events = st.footnotes.remove(&note.label).unwrap_or_default();
        st.html(format!("<li id=\"{}\">", escape(&note.id)));
        st.out.extend(events);
        st.html(format!(
            "<a href=\"#{}\" class=\"footnote-back\" role=\"doc-backlink\" aria-label=\"{} {}\">↩</a></li>\n",
            escape(&note.first_ref),
            escape(&st.opts.labels.back_to_text),
            n + 1
        ));
    }
    st.html("</ol></section>\n".into());
}

/// A `fmt::Write` that lets the event iterator see how much is written.
struct Counting<'w> {
    out: &'w mut String,
    len: &'w Cell<usize>,
}

impl std::fmt::Write for Counting<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.out.push_str(s);
        self.len.set(self.out.len());
        Ok(())
    }
}

/// Writes the events as HTML. A mark event (never produced by the parser
/// with our options) stands just before a marked link's `<a>` or `</a>`:
/// it records where that tag is written, or, for an unlinked mark, drops
/// the tag that follows it.
fn write_html(events: Vec<Event>, marks: &mut [Mark], unlinked: &[bool], size: usize) -> String {
    let mut html = String::with_capacity(size * 3 / 2);
    let len = Cell::new(0);
    let mut skip_next = false;
    let iter = events.into_iter().filter_map(|e| {
        if std::mem::take(&mut skip_next) {
            return None;
        }
        let (k, opens) = match &e {
            Event::InlineMath(k) => (k.parse::<usize>().ok()?, true),
            Event::DisplayMath(k) => (k.parse::<usize>().ok()?, false),
            _ => return Some(e),
        };
        if unlinked.get(k) == Some(&true) {
            skip_next = true;
        } else if let Some(m) = marks.get_mut(k) {
            if opens {
                m.open_at = Some(len.get());
            } else {
                m.close_at = Some(len.get());
            }
        }
        None
    });
    let mut w = Counting {
        out: &mut html,
        len: &len,
    };
    let _ = pulldown_cmark::html::write_html_fmt(&mut w, iter);
    html
}
