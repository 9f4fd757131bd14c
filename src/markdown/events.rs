//! The event loop: each pulldown-cmark event is passed on, transformed, or
//! buffered; `finish` appends the footnotes and writes the HTML.

use super::bidi::isolate_numbers;
use super::elements::{end_heading, end_task, footnote_ref};
use super::linking::{end_image, image_src, start_link};
use super::raw_html;
use super::state::{Frame, State};
use super::{Labels, Rendered, escape};
use pulldown_cmark::{BlockQuoteKind, CowStr, Event, Tag, TagEnd};
use std::fmt::Write as _;

pub(super) fn handle<'a>(st: &mut State<'_, 'a>, event: Event<'a>, pos: usize) {
    if matches!(st.frames.last(), Some(Frame::Task { .. }))
        && matches!(
            event,
            Event::Start(Tag::List(_)) | Event::End(TagEnd::Paragraph | TagEnd::Item)
        )
    {
        end_task(st);
    }
    if let Some(Frame::HtmlBlock { html, .. }) = st.frames.last_mut() {
        match event {
            Event::Html(s) | Event::Text(s) => {
                html.push_str(&s);
                return;
            }
            Event::End(TagEnd::HtmlBlock) => {
                if let Some(Frame::HtmlBlock { html, offset }) = st.frames.pop() {
                    raw_block(st, html, offset);
                }
                return;
            }
            _ => {}
        }
    }
    match event {
        Event::Start(Tag::Heading {
            level, id, classes, ..
        }) => {
            // Attributes other than id and class are dropped: `{onclick=..}` must not pass.
            st.frames.push(Frame::Heading {
                level,
                offset: pos,
                id: id.map(|i| i.to_string()),
                classes: classes
                    .iter()
                    .map(|c| {
                        c.chars()
                            .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_'))
                            .collect::<String>()
                    })
                    .filter(|c| !c.is_empty())
                    .collect(),
                events: Vec::new(),
            });
        }
        Event::End(TagEnd::Heading(_)) => end_heading(st),
        Event::Start(Tag::Link {
            dest_url, title, ..
        }) => start_link(st, &dest_url, &title, pos),
        Event::End(TagEnd::Link) => {
            if st.links.pop() == Some(true) {
                st.html("</a>".into());
            }
        }
        Event::Start(Tag::Image {
            dest_url, title, ..
        }) => {
            let src = image_src(st, &dest_url, pos);
            st.frames.push(Frame::Image {
                src,
                title: title.to_string(),
                offset: pos,
                events: Vec::new(),
            });
        }
        Event::End(TagEnd::Image) => end_image(st),
        Event::Start(Tag::FootnoteDefinition(label)) => {
            st.frames.push(Frame::Footnote {
                label: label.to_string(),
                events: Vec::new(),
            });
        }
        Event::End(TagEnd::FootnoteDefinition) => {
            if let Some(Frame::Footnote { label, events }) = st.frames.pop() {
                st.footnotes.entry(label).or_insert(events);
            }
        }
        Event::FootnoteReference(label) => footnote_ref(st, &label),
        Event::Start(Tag::BlockQuote(Some(kind))) => {
            let (class, label) = callout(st.opts.labels, kind);
            let label = escape(label);
            st.html(format!(
                "<div class=\"callout callout-{class}\" role=\"note\"><p class=\"callout-label\">{label}</p>\n"
            ));
        }
        Event::End(TagEnd::BlockQuote(Some(_))) => st.html("</div>\n".into()),
        Event::Start(Tag::Table(a)) => {
            // Focusable, so a table wider than a phone can be scrolled by keyboard.
            let label = escape(&st.opts.labels.table);
            st.html(format!(
                "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"{label}\">"
            ));
            st.emit(Event::Start(Tag::Table(a)));
        }
        Event::End(TagEnd::Table) => {
            st.emit(Event::End(TagEnd::Table));
            st.html("</div>\n".into());
        }
        Event::TaskListMarker(checked) => st.frames.push(Frame::Task {
            checked,
            events: Vec::new(),
        }),
        Event::Start(Tag::HtmlBlock) => {
            if st.opts.allow_raw_html {
                st.emit(Event::Start(Tag::HtmlBlock));
            } else {
                st.frames.push(Frame::HtmlBlock {
                    html: String::new(),
                    offset: pos,
                });
            }
        }
        Event::InlineHtml(s) | Event::Html(s) => {
            if st.opts.allow_raw_html {
                st.emit(Event::Html(s));
            } else {
                match raw_html::judge(&s) {
                    raw_html::Verdict::Drop => {}
                    raw_html::Verdict::Keep(k) => st.html(k),
                    raw_html::Verdict::Escape(text) => {
                        raw_warning(st, pos);
                        st.emit(Event::Text(CowStr::from(text)));
                    }
                }
            }
        }
        Event::Text(t) if super::values::used(st, &t, pos) => {
            super::values::substitute(st, t, pos);
        }
        Event::Text(t) => {
            push_text(st, &t);
            if st.rtl {
                isolate_numbers(st, t);
            } else {
                st.emit(Event::Text(t));
            }
        }
        Event::Code(t) => {
            push_text(st, &t);
            st.emit(Event::Code(t));
        }
        Event::SoftBreak | Event::HardBreak => {
            st.r.text.push(' ');
            st.emit(event);
        }
        // Blocks end a word in the plain text, even where the HTML needs no
        // space (an item followed by its nested list).
        Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell | TagEnd::CodeBlock)
        | Event::Start(Tag::List(_) | Tag::Item) => {
            st.r.text.push(' ');
            st.emit(event);
        }
        other => st.emit(other),
    }
}

pub(super) fn push_text(st: &mut State, t: &str) {
    // Text inside footnote definitions and headings counts too.
    st.r.text.push_str(t);
}

pub(super) fn raw_warning(st: &mut State, pos: usize) {
    let (line, _) = st.locate(pos);
    if st.raw_warned_lines.insert(line) {
        st.warn(
            pos,
            "raw HTML is shown as text".into(),
            Some("use Markdown instead, or set `allow_raw_html: true` in site.yaml if every author is trusted"),
        );
    }
}

pub(super) fn raw_block(st: &mut State, html: String, pos: usize) {
    match raw_html::judge(&html) {
        raw_html::Verdict::Drop => {}
        raw_html::Verdict::Keep(k) => st.html(k),
        raw_html::Verdict::Escape(text) => {
            raw_warning(st, pos);
            st.html("<p class=\"raw-html\">".into());
            st.emit(Event::Text(CowStr::from(text.trim_end().to_string())));
            st.html("</p>\n".into());
        }
    }
}

pub(super) fn callout(labels: &Labels, kind: BlockQuoteKind) -> (&'static str, &str) {
    match kind {
        BlockQuoteKind::Note => ("note", &labels.note),
        BlockQuoteKind::Tip => ("tip", &labels.tip),
        BlockQuoteKind::Important => ("important", &labels.important),
        BlockQuoteKind::Warning => ("warning", &labels.warning),
        BlockQuoteKind::Caution => ("caution", &labels.caution),
    }
}

pub(super) fn plain_text(events: &[Event]) -> String {
    let mut s = String::new();
    for e in events {
        match e {
            Event::Text(t) | Event::Code(t) => s.push_str(t),
            Event::SoftBreak | Event::HardBreak => s.push(' '),
            _ => {}
        }
    }
    s.trim().to_string()
}

pub(super) fn finish(mut st: State) -> Rendered {
    // Frames left open by malformed input: flush what they hold.
    while let Some(f) = st.frames.pop() {
        match f {
            Frame::Heading { events, .. }
            | Frame::Image { events, .. }
            | Frame::Footnote { events, .. } => st.sink().extend(events),
            Frame::Task { checked, events } => {
                st.frames.push(Frame::Task { checked, events });
                end_task(&mut st);
            }
            Frame::HtmlBlock { html, offset } => raw_block(&mut st, html, offset),
        }
    }
    for (frag, pos) in std::mem::take(&mut st.same_page) {
        if !st.r.ids.contains(&frag) {
            st.error(
                pos,
                format!("link to a missing anchor `#{frag}` on this page"),
                Some("give the heading an explicit id: ## Heading {#id}".into()),
            );
        }
    }
    if !st.footnote_order.is_empty() {
        let mut notes = String::new();
        let _ = writeln!(
            notes,
            "<section class=\"footnotes\" role=\"doc-endnotes\"><h2 class=\"footnotes-title\">{}</h2><ol>",
            escape(&st.opts.labels.footnotes)
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
    let mut html = String::with_capacity(st.text_src.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, st.out.into_iter());
    // An empty header cell (the corner of a two-way table) is not a header.
    if html.contains("<th></th>") {
        html = html.replace("<th></th>", "<td></td>");
    }
    st.r.html = html;
    st.r
}
