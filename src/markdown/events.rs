//! The event loop: each pulldown-cmark event is passed on, transformed, or
//! buffered. Starts and ends of elements, and what comes between, are
//! handled by one function each; `write` finishes the page.

use super::Label;
use super::bidi::keep_numbers_together;
use super::elements::{end_heading, end_task, footnote_ref};
use super::link_html::{end_image, end_link, image_src, start_link};
use super::state::{Frame, ImageSrc, OpenLink, State};
use super::{Labels, dialects, escape, lint, lost, pandoc_raw, plain, raw_html, word};
use pulldown_cmark::{BlockQuoteKind, CowStr, Event, LinkType, Tag, TagEnd};
use std::ops::Range;

pub(super) fn handle<'a>(st: &mut State<'_, 'a>, event: Event<'a>, range: Range<usize>) {
    if let Some(Frame::Task { depth, .. }) = st.frames.last()
        && matches!(
            event,
            Event::Start(Tag::List(_)) | Event::End(TagEnd::Paragraph | TagEnd::Item)
        )
    {
        let depth = *depth;
        raw_html::close_from(st, depth);
        end_task(st);
    }
    if let Some(Frame::HtmlBlock { .. }) = st.frames.last() {
        match event {
            Event::Html(s) | Event::Text(s) => {
                // A Google document's comment in a block of HTML: blanked,
                // its line breaks kept, so that what follows it in the
                // block is still said at its own line.
                let s = if dialects::gdoc_comment_in_block(st, &range) {
                    s.chars()
                        .map(|c| if c == '\n' { c } else { ' ' })
                        .collect::<String>()
                        .into()
                } else {
                    s
                };
                if let Some(Frame::HtmlBlock { html, .. }) = st.frames.last_mut() {
                    html.push_str(&s);
                }
                return;
            }
            Event::End(TagEnd::HtmlBlock) => {
                if let Some(Frame::HtmlBlock { html, offset }) = st.frames.pop() {
                    raw_html::block(st, &html, offset);
                }
                return;
            }
            _ => {}
        }
    }
    // A tracked autolink's text is the address its link now goes to.
    let event = match (event, st.tracked_text.take()) {
        (Event::Text(t), Some((written, inner))) if *t == *written => Event::Text(inner.into()),
        (event, _) => event,
    };
    // pandoc's raw blocks and spans (`{=html}`), before their text is read as text.
    let Some((event, range)) = pandoc_raw::filter(st, event, range) else {
        return;
    };
    // Word's own markup (`<o:p>`), which CommonMark reads as text.
    let Some((event, range)) = word::filter(st, event, range) else {
        return;
    };
    // pandoc's attributes and divs, Hugo's template code.
    let Some((event, range)) = dialects::filter(st, event, range) else {
        return;
    };
    if st.opts.lint
        && !st.in_code
        && let Event::Text(_) = &event
    {
        lint::line(st, range.start);
        lost::footnote(st, range.start);
    }
    // Text that uses a local value adds the value to the plain text itself.
    let substituted = matches!(&event, Event::Text(t) if super::values::used(st, t, range.start));
    if st.raw.dropping.is_none() && !substituted {
        plain::collect(&mut st.r.text, &event);
    }
    match event {
        Event::Start(Tag::HtmlBlock) => start_html_block(st, range.start),
        Event::End(TagEnd::HtmlBlock) => st.emit(event),
        Event::Start(tag) => {
            st.depth += 1;
            if st.raw.phrasing.is_none() && phrasing(&tag) {
                st.raw.phrasing = Some((st.depth, matches!(tag, Tag::Paragraph)));
            }
            start(st, tag, range);
        }
        Event::End(tag) => {
            // Raw HTML opened inside this element closes with it.
            raw_html::close_from(st, st.depth);
            if st.raw.phrasing.is_some_and(|(d, _)| d == st.depth) {
                st.raw.phrasing = None;
            }
            st.depth = st.depth.saturating_sub(1);
            end(st, tag);
        }
        other => between(st, other, range.start),
    }
}

/// An element whose content is a line of text (phrasing content), where
/// a block element of raw HTML would be invalid.
fn phrasing(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

/// Where the link definition a reference link (`[text][label]`, `[label][]`,
/// `[label]`) takes its target from starts.
fn definition(st: &State, link_type: LinkType, label: &str) -> Option<usize> {
    matches!(
        link_type,
        LinkType::Reference | LinkType::Collapsed | LinkType::Shortcut
    )
    .then(|| st.definitions.get(&label.to_lowercase()).copied())
    .flatten()
}

/// A heading opens: its text is gathered until it ends (see
/// `elements::end_heading`).
fn start_heading<'a>(st: &mut State<'_, 'a>, tag: Tag<'a>, pos: usize) {
    let Tag::Heading {
        level,
        id,
        classes,
        attrs,
    } = tag
    else {
        return;
    };
    // Attributes other than id and class are dropped: `{onclick=..}` must not pass.
    if !attrs.is_empty() {
        dropped_heading_attributes(st, pos, id.as_deref(), &attrs);
    }
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
        alt: None,
        events: Vec::new(),
    });
}

fn start<'a>(st: &mut State<'_, 'a>, tag: Tag<'a>, range: Range<usize>) {
    let pos = range.start;
    // A broken target names the link definition it comes from (`defect`).
    st.link_def = match &tag {
        Tag::Link { link_type, id, .. } | Tag::Image { link_type, id, .. } => {
            definition(st, *link_type, id)
        }
        _ => None,
    };
    if in_description(st)
        && let Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } = &tag
    {
        let image = matches!(tag, Tag::Image { .. });
        nested_in_description(st, image, dest_url, pos);
        st.link_def = None;
        return;
    }
    match tag {
        Tag::Heading { .. } => start_heading(st, tag, pos),
        // `<someone@example.org>`: CommonMark's e-mail autolink.
        Tag::Link {
            link_type: LinkType::Email,
            dest_url,
            title,
            ..
        } => start_link(st, &format!("mailto:{dest_url}"), &title, pos),
        Tag::Link {
            link_type,
            dest_url,
            title,
            ..
        } => open_link(st, link_type, &dest_url, &title, pos),
        Tag::Image {
            dest_url, title, ..
        } => {
            let src = image_src(st, &dest_url, pos);
            st.frames.push(Frame::Image {
                src,
                title: title.to_string(),
                offset: pos,
                events: Vec::new(),
            });
        }
        Tag::FootnoteDefinition(label) => {
            st.frames.push(Frame::Footnote {
                label: label.to_string(),
                events: Vec::new(),
            });
        }
        Tag::BlockQuote(Some(kind)) => {
            let (class, label) = callout(st.opts.labels, kind);
            let (text, attrs) = (escape(&label.text), &label.attrs);
            st.html(format!(
                "<div class=\"callout callout-{class}\" role=\"note\"><p class=\"callout-label\"{attrs}>{text}</p>\n"
            ));
        }
        Tag::BlockQuote(None) => {
            if st.opts.lint {
                lint::quote(st, range);
            }
            st.emit(Event::Start(tag));
        }
        Tag::Paragraph => {
            if st.opts.lint {
                lint::paragraph(st, range);
            }
            st.emit(Event::Start(tag));
        }
        Tag::Table(a) => {
            // Focusable, so a table wider than a phone can be scrolled by keyboard.
            let label = escape(&st.opts.labels.table);
            st.html(format!(
                "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"{label}\">"
            ));
            st.emit(Event::Start(Tag::Table(a)));
        }
        Tag::TableHead | Tag::TableRow if st.opts.lint => {
            lost::start_row(st, range);
            st.emit(Event::Start(tag));
        }
        Tag::TableCell if st.opts.lint => {
            lost::cell(st, range);
            st.emit(Event::Start(tag));
        }
        Tag::CodeBlock(_) => {
            if let Tag::CodeBlock(pulldown_cmark::CodeBlockKind::Fenced(info)) = &tag {
                super::myst::directive(st, info, range.start);
                if st.opts.lint {
                    lint::unclosed_fence(st, range.clone());
                }
            }
            st.in_code = true;
            st.emit(Event::Start(tag));
        }
        other => st.emit(Event::Start(other)),
    }
    st.link_def = None;
}

/// A link opens. `<https://eur01.safelinks…>`, as pandoc writes a link
/// whose text is its address, shows the address inside as its text too:
/// the text named the mailbox.
fn open_link(st: &mut State, link_type: LinkType, dest: &str, title: &str, pos: usize) {
    if link_type == LinkType::Autolink
        && let Some((_, inner)) = crate::address::tracked(dest)
    {
        st.tracked_text = Some((dest.to_string(), inner));
    }
    start_link(st, dest, title, pos);
}

/// Inside an image's description (`![see [the form](form.docx)](a.png)`),
/// which readers get as plain text only.
fn in_description(st: &State) -> bool {
    st.frames.iter().any(|f| matches!(f, Frame::Image { .. }))
}

/// A link or image inside an image's description is only its text there:
/// nothing it names is linked, shown or published, and the author is told.
fn nested_in_description(st: &mut State, image: bool, dest: &str, pos: usize) {
    if image {
        st.frames.push(Frame::Image {
            src: ImageSrc::Missing,
            title: String::new(),
            offset: pos,
            events: Vec::new(),
        });
        st.warn(
            pos,
            format!("image `{dest}` inside another image's description: readers get only its description, and the file is not published"),
            Some("put each image on its own: ![first](a.png) ![second](b.png)"),
        );
    } else {
        st.links.push(OpenLink::Text);
        st.warn(
            pos,
            format!("link to `{dest}` inside an image's description: readers get only its text, and the target is not linked or published"),
            Some("to make the image a link, put the image inside the link: [![description](image.png)](target)"),
        );
    }
}

fn end<'a>(st: &mut State<'_, 'a>, tag: TagEnd) {
    match tag {
        TagEnd::Heading(_) => end_heading(st),
        TagEnd::Link => end_link(st),
        TagEnd::Image => end_image(st),
        TagEnd::FootnoteDefinition => {
            if let Some(Frame::Footnote { label, events }) = st.frames.pop() {
                st.footnotes.entry(label).or_insert(events);
            }
        }
        TagEnd::BlockQuote(Some(_)) => st.html("</div>\n".into()),
        TagEnd::Table => {
            st.emit(Event::End(TagEnd::Table));
            st.html("</div>\n".into());
        }
        TagEnd::TableHead | TagEnd::TableRow => {
            lost::end_row(st);
            st.emit(Event::End(tag));
        }
        TagEnd::CodeBlock => {
            st.in_code = false;
            st.emit(Event::End(tag));
        }
        // Closed before a block element of raw HTML (`raw_html::split`).
        TagEnd::Paragraph if st.raw.split.is_some() => {
            if let Some((_, true)) = st.raw.split.take()
                && !raw_html::drop_empty_paragraph(st.sink())
            {
                st.emit(Event::End(tag));
            }
        }
        // Nothing left in it (Word's `<o:p>&nbsp;</o:p>`): no empty paragraph.
        TagEnd::Paragraph if matches!(st.sink().last(), Some(Event::Start(Tag::Paragraph))) => {
            st.sink().pop();
        }
        other => st.emit(Event::End(other)),
    }
}

/// Everything that is not the start or end of an element.
fn between<'a>(st: &mut State<'_, 'a>, event: Event<'a>, pos: usize) {
    if st.raw.dropping.is_some() && !matches!(event, Event::InlineHtml(_) | Event::Html(_)) {
        // The content of an inline `<script>` or `<style>`.
        return;
    }
    match event {
        Event::FootnoteReference(label) => footnote_ref(st, &label),
        Event::TaskListMarker(checked) => st.frames.push(Frame::Task {
            checked,
            depth: st.depth,
            events: Vec::new(),
        }),
        // Not inside what raw HTML drops (`<math><mi>x</mi></math>`), nor
        // where raw HTML is trusted: an SVG's `<g>` or a custom element
        // there is the author's markup.
        Event::InlineHtml(s)
            if !st.opts.allow_raw_html
                && st.raw.dropping.is_none()
                && super::placeholder::placeholder(&s).is_some() =>
        {
            super::placeholder::show(st, &s, pos);
        }
        Event::InlineHtml(s)
            if !st.opts.allow_raw_html
                && st.raw.dropping.is_none()
                && super::placeholder::closes_shown(st, &s) =>
        {
            super::placeholder::show_end(st, &s);
        }
        Event::InlineHtml(s) | Event::Html(s) => {
            if st.opts.allow_raw_html {
                raw_html::trusted(st, s, pos);
            } else if !matches!(st.frames.last(), Some(Frame::Image { .. })) {
                // In an image's description only the text counts.
                raw_html::inline(st, &s, pos);
            }
        }
        Event::Text(t) if super::values::used(st, &t, pos) => {
            super::values::substitute(st, t, pos);
        }
        Event::Text(t) if !st.in_code => keep_numbers_together(st, t),
        // Never produced with our options; they mark links in `write`.
        Event::InlineMath(_) | Event::DisplayMath(_) => {}
        other => st.emit(other),
    }
}

fn start_html_block(st: &mut State, pos: usize) {
    if st.opts.allow_raw_html {
        st.emit(Event::Start(Tag::HtmlBlock));
    } else {
        st.frames.push(Frame::HtmlBlock {
            html: String::new(),
            offset: pos,
        });
    }
}

pub(super) fn callout(labels: &Labels, kind: BlockQuoteKind) -> (&'static str, &Label) {
    match kind {
        BlockQuoteKind::Note => ("note", &labels.note),
        BlockQuoteKind::Tip => ("tip", &labels.tip),
        BlockQuoteKind::Important => ("important", &labels.important),
        BlockQuoteKind::Warning => ("warning", &labels.warning),
        BlockQuoteKind::Caution => ("caution", &labels.caution),
    }
}

/// Says what of a heading's `{…}` is left out: a word after the id
/// (`{#safe space}` gives the id `safe`: an id is one word), or an
/// attribute other than id and class.
fn dropped_heading_attributes(
    st: &mut State,
    pos: usize,
    id: Option<&str>,
    attrs: &[(CowStr<'_>, Option<CowStr<'_>>)],
) {
    let words: Vec<&str> = attrs
        .iter()
        .filter(|(_, v)| v.is_none())
        .map(|(k, _)| k.as_ref())
        .collect();
    if let (Some(id), false) = (id, words.is_empty()) {
        let whole = std::iter::once(id)
            .chain(words.iter().copied())
            .collect::<Vec<_>>();
        st.warn(
            pos,
            format!(
                "the heading's id is `{id}`: an id is one word, so `{}` is left out",
                words.join(" ")
            ),
            Some(&format!("write {{#{}}}", whole.join("-"))),
        );
        return;
    }
    let shown: Vec<String> = attrs
        .iter()
        .map(|(k, v)| match v {
            Some(v) => format!("{k}={v}"),
            None => k.to_string(),
        })
        .collect();
    st.warn(
        pos,
        format!(
            "left out of the heading: `{}` (a heading takes only {{#id}} and {{.class}})",
            shown.join(" ")
        ),
        None,
    );
}
