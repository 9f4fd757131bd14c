//! Markdown to HTML: pulldown-cmark events, transformed on the way through.
//!
//! Here heading ids are made (Unicode slugs, unique per page), links are
//! rewritten to pages and files, footnote ids are prefixed, GitHub alerts
//! become labelled callouts, untrusted raw HTML is neutralised, and the
//! table of contents and plain text are collected. Each document is
//! rendered once, whatever the number of languages that show it.

pub mod links;
pub mod raw_html;

use crate::content::model::{DocId, NodeId, Site};
use crate::diagnostics::Diagnostic;
use crate::slug::{UniqueIds, slugify};
use crate::text::LineIndex;
use links::Target;
use pulldown_cmark::{
    BlockQuoteKind, CowStr, Event, HeadingLevel, Options as MdOptions, Parser, Tag, TagEnd,
};
use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::sync::OnceLock;

/// Interface words that end up inside rendered content, in the document's language.
#[derive(Debug, Clone, Default)]
pub struct Labels {
    pub note: String,
    pub tip: String,
    pub important: String,
    pub warning: String,
    pub caution: String,
    pub footnotes: String,
    pub back_to_text: String,
    /// Accessible name of a table's scrolling box.
    pub table: String,
}

pub struct Options<'a> {
    pub allow_raw_html: bool,
    pub labels: &'a Labels,
    /// Task-list items become tickable checkboxes (checklist publications).
    pub interactive_tasks: bool,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct TocEntry {
    pub level: u8,
    pub id: String,
    pub title: String,
}

/// A link to another page, kept so the check step can verify its anchor.
#[derive(Debug, Clone)]
pub struct PageLink {
    pub node: NodeId,
    pub lang: Option<usize>,
    pub fragment: String,
    /// Byte offset in the file, for the message.
    pub offset: usize,
}

#[derive(Debug, Default)]
pub struct Rendered {
    pub html: String,
    pub toc: Vec<TocEntry>,
    pub ids: HashSet<String>,
    pub page_links: Vec<PageLink>,
    /// Plain text, for search and summaries.
    pub text: String,
    /// Number of task-list items (checkboxes).
    pub tasks: usize,
    pub diagnostics: Vec<Diagnostic>,
}

pub fn md_options() -> MdOptions {
    // Listed one by one: `Options::all()` would turn on the old footnote
    // syntax and features we do not support.
    MdOptions::ENABLE_TABLES
        | MdOptions::ENABLE_FOOTNOTES
        | MdOptions::ENABLE_STRIKETHROUGH
        | MdOptions::ENABLE_TASKLISTS
        | MdOptions::ENABLE_HEADING_ATTRIBUTES
        | MdOptions::ENABLE_GFM
}

enum Frame<'a> {
    Heading {
        level: HeadingLevel,
        offset: usize,
        id: Option<String>,
        classes: Vec<String>,
        events: Vec<Event<'a>>,
    },
    Image {
        src: Option<String>,
        title: String,
        offset: usize,
        events: Vec<Event<'a>>,
    },
    Footnote {
        label: String,
        events: Vec<Event<'a>>,
    },
    HtmlBlock {
        html: String,
        offset: usize,
    },
    /// A task-list item's text, which becomes the checkbox's label.
    Task {
        checked: bool,
        events: Vec<Event<'a>>,
    },
}

/// A footnote, in order of first reference.
struct Footnote {
    label: String,
    id: String,
    /// The id of its first reference, where the back link goes.
    first_ref: String,
}

struct State<'s, 'a> {
    site: &'s Site,
    doc: DocId,
    opts: &'s Options<'s>,
    text_src: &'s str,
    body_offset: usize,
    lines: OnceLock<LineIndex>,
    out: Vec<Event<'a>>,
    frames: Vec<Frame<'a>>,
    links: Vec<bool>,
    ids: UniqueIds,
    footnotes: BTreeMap<String, Vec<Event<'a>>>,
    /// Footnote labels in order of first reference, with their ids and counts.
    footnote_order: Vec<Footnote>,
    r: Rendered,
    same_page: Vec<(String, usize)>,
    raw_warned_lines: HashSet<usize>,
    /// The document is right-to-left: numbers get isolated.
    rtl: bool,
    /// Level of the last heading (1: the page title).
    last_level: u8,
}

impl<'s, 'a> State<'s, 'a> {
    fn sink(&mut self) -> &mut Vec<Event<'a>> {
        for f in self.frames.iter_mut().rev() {
            match f {
                Frame::Heading { events, .. }
                | Frame::Image { events, .. }
                | Frame::Footnote { events, .. }
                | Frame::Task { events, .. } => {
                    return events;
                }
                Frame::HtmlBlock { .. } => {}
            }
        }
        &mut self.out
    }

    fn emit(&mut self, e: Event<'a>) {
        self.sink().push(e);
    }

    fn html(&mut self, s: String) {
        self.emit(Event::Html(CowStr::from(s)));
    }

    fn locate(&self, body_pos: usize) -> (usize, usize) {
        let idx = self.lines.get_or_init(|| LineIndex::new(self.text_src));
        let (line, col) = idx.locate(self.text_src, self.body_offset + body_pos);
        (line + 1, col)
    }

    fn rel(&self) -> &std::path::Path {
        &self.site.docs[self.doc].file.rel
    }

    fn warn(&mut self, pos: usize, msg: String, hint: Option<&str>) {
        let (l, c) = self.locate(pos);
        let mut d = Diagnostic::warning(self.rel(), l, c, msg);
        if let Some(h) = hint {
            d = d.with_hint(h);
        }
        self.r.diagnostics.push(d);
    }

    fn error(&mut self, pos: usize, msg: String, hint: Option<String>) {
        let (l, c) = self.locate(pos);
        let mut d = Diagnostic::error(self.rel(), l, c, msg);
        if let Some(h) = hint {
            d = d.with_hint(h);
        }
        self.r.diagnostics.push(d);
    }
}

/// Renders one document.
pub fn render(site: &Site, doc_id: DocId, opts: &Options) -> Rendered {
    crate::crash::working_on(&site.docs[doc_id].file.rel, || {
        render_doc(site, doc_id, opts)
    })
}

fn render_doc(site: &Site, doc_id: DocId, opts: &Options) -> Rendered {
    let doc = &site.docs[doc_id];
    let body = doc.body();
    let mut st = State {
        site,
        doc: doc_id,
        opts,
        text_src: &doc.file.text,
        body_offset: doc.body_offset,
        lines: OnceLock::new(),
        out: Vec::with_capacity(body.len() / 8),
        frames: Vec::new(),
        links: Vec::new(),
        ids: UniqueIds::default(),
        footnotes: BTreeMap::new(),
        footnote_order: Vec::new(),
        r: Rendered::default(),
        same_page: Vec::new(),
        raw_warned_lines: HashSet::new(),
        rtl: site.config.languages[doc.file.lang].dir == crate::config::Direction::Rtl,
        last_level: 1,
    };
    st.r.text.reserve(body.len());
    for (event, range) in Parser::new_ext(body, md_options()).into_offset_iter() {
        handle(&mut st, event, range.start);
    }
    finish(st)
}

fn handle<'a>(st: &mut State<'_, 'a>, event: Event<'a>, pos: usize) {
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
        Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell | TagEnd::CodeBlock) => {
            st.r.text.push(' ');
            st.emit(event);
        }
        other => st.emit(other),
    }
}

/// Emits `t`, wrapping phone numbers and dates in `<bdi dir="ltr">`.
fn isolate_numbers<'a>(st: &mut State<'_, 'a>, t: CowStr<'a>) {
    let runs = number_runs(&t);
    if runs.is_empty() {
        st.emit(Event::Text(t));
        return;
    }
    let mut last = 0;
    for (a, b) in runs {
        if a > last {
            st.emit(Event::Text(CowStr::from(t[last..a].to_string())));
        }
        st.html("<bdi dir=\"ltr\">".into());
        st.emit(Event::Text(CowStr::from(t[a..b].to_string())));
        st.html("</bdi>".into());
        last = b;
    }
    if last < t.len() {
        st.emit(Event::Text(CowStr::from(t[last..].to_string())));
    }
}

/// A task item: a checkbox labelled by the item's text. The id comes from
/// the text, so it stays the same when other items are added.
fn end_task(st: &mut State) {
    let Some(Frame::Task { checked, events }) = st.frames.pop() else {
        return;
    };
    st.r.tasks += 1;
    let text = plain_text(&events);
    let base: String = slugify(&text).chars().take(48).collect();
    let id = st
        .ids
        .unique(&format!("task-{}", base.trim_end_matches('-')));
    st.r.ids.insert(id.clone());
    let checked = if checked { " checked" } else { "" };
    let disabled = if st.opts.interactive_tasks {
        ""
    } else {
        " disabled"
    };
    st.html(format!(
        "<input type=\"checkbox\" class=\"task\" id=\"{}\"{disabled}{checked}> <label for=\"{}\">",
        escape(&id),
        escape(&id)
    ));
    st.sink().extend(events);
    st.html("</label>".into());
}

fn push_text(st: &mut State, t: &str) {
    // Text inside footnote definitions and headings counts too.
    st.r.text.push_str(t);
}

fn raw_warning(st: &mut State, pos: usize) {
    let (line, _) = st.locate(pos);
    if st.raw_warned_lines.insert(line) {
        st.warn(
            pos,
            "raw HTML is shown as text".into(),
            Some("use Markdown instead, or set `allow_raw_html: true` in site.yaml if every author is trusted"),
        );
    }
}

fn raw_block(st: &mut State, html: String, pos: usize) {
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

fn callout(labels: &Labels, kind: BlockQuoteKind) -> (&'static str, &str) {
    match kind {
        BlockQuoteKind::Note => ("note", &labels.note),
        BlockQuoteKind::Tip => ("tip", &labels.tip),
        BlockQuoteKind::Important => ("important", &labels.important),
        BlockQuoteKind::Warning => ("warning", &labels.warning),
        BlockQuoteKind::Caution => ("caution", &labels.caution),
    }
}

fn plain_text(events: &[Event]) -> String {
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

fn end_heading(st: &mut State) {
    let Some(Frame::Heading {
        level,
        offset,
        id,
        classes,
        events,
    }) = st.frames.pop()
    else {
        return;
    };
    let pos = offset;
    let title = plain_text(&events);
    // The page title is the level-1 heading; sections go down one level at a time.
    let n = level as u8;
    if n == 1 {
        st.warn(
            pos,
            "level-1 heading in the text: the page title is already the level-1 heading".into(),
            Some("start sections at `##`"),
        );
    } else if n > st.last_level + 1 {
        let msg = format!(
            "heading level skipped: level {n} after level {}",
            st.last_level
        );
        let hint = format!("use `{}` here", "#".repeat(usize::from(st.last_level) + 1));
        st.warn(pos, msg, Some(&hint));
    }
    st.last_level = n;
    let id = match id {
        Some(explicit) => {
            let clean: String = explicit
                .chars()
                .filter(|c| !c.is_whitespace() && !c.is_control())
                .collect();
            if !st.ids.reserve(&clean) {
                st.warn(
                    pos,
                    format!("duplicate id `{clean}` on this page"),
                    Some("each {#id} must be unique within a page"),
                );
                st.ids.unique(&clean)
            } else {
                clean
            }
        }
        None => {
            let base = slugify(&title);
            st.ids.unique(&base)
        }
    };
    if (2..=3).contains(&n) {
        st.r.toc.push(TocEntry {
            level: n,
            id: id.clone(),
            title: title.clone(),
        });
    }
    st.r.ids.insert(id.clone());
    let class = if classes.is_empty() {
        String::new()
    } else {
        format!(" class=\"{}\"", escape(&classes.join(" ")))
    };
    st.r.text.push(' ');
    st.html(format!("<h{n} id=\"{}\"{class}>", escape(&id)));
    st.sink().extend(events);
    st.html(format!("</h{n}>\n"));
}

fn start_link(st: &mut State, dest: &str, title: &str, pos: usize) {
    let node = st.site.docs[st.doc].node;
    let dir = st.site.docs[st.doc].file.dir.clone();
    let from = &st.site.nodes[node].url;
    let href = match links::resolve(st.site, &dir, dest) {
        Target::External(url) => {
            let title_attr = title_attr(title);
            st.links.push(true);
            st.html(format!(
                "<a href=\"{}\" class=\"external\"{title_attr}>",
                escape(&url)
            ));
            return;
        }
        Target::Page {
            node: target,
            lang,
            fragment,
        } => {
            let to = &st.site.nodes[target].url;
            let mut href = match lang {
                None => links::relative(from, to),
                Some(l) => links::relative(
                    &format!("x/{from}"),
                    &format!("{}/{to}", st.site.config.languages[l].code),
                ),
            };
            href = links::encode_path(&href);
            if let Some(f) = fragment {
                href.push('#');
                href.push_str(&links::encode_path(&f));
                st.r.page_links.push(PageLink {
                    node: target,
                    lang,
                    fragment: f,
                    offset: st.body_offset + pos,
                });
            }
            if target == node && lang.is_some() {
                st.warn(
                    pos,
                    "link to this same page in another language".into(),
                    Some("readers switch language with the language menu on every page; link text may mislead"),
                );
            }
            href
        }
        Target::Asset { asset, fragment } => {
            let mut href = links::encode_path(&links::relative(from, &st.site.assets[asset].out));
            if let Some(f) = fragment {
                href.push('#');
                href.push_str(&links::encode_path(&f));
            }
            href
        }
        Target::SamePage(f) => {
            st.same_page.push((f.clone(), pos));
            format!("#{}", links::encode_path(&f))
        }
        Target::Unsafe(scheme) => {
            st.warn(
                pos,
                format!("`{scheme}:` link removed"),
                Some("only http, https, mailto and tel links are published; the text is kept"),
            );
            st.links.push(false);
            return;
        }
        Target::Empty => {
            st.warn(
                pos,
                "empty link".into(),
                Some("give the link a target: [text](file.md)"),
            );
            st.links.push(false);
            return;
        }
        Target::Missing { message, hint } => {
            st.error(pos, message, hint);
            st.links.push(false);
            return;
        }
    };
    st.links.push(true);
    let title_attr = title_attr(title);
    st.html(format!("<a href=\"{}\"{title_attr}>", escape(&href)));
}

fn title_attr(title: &str) -> String {
    if title.is_empty() {
        String::new()
    } else {
        format!(" title=\"{}\"", escape(title))
    }
}

fn image_src(st: &mut State, dest: &str, pos: usize) -> Option<String> {
    let node = st.site.docs[st.doc].node;
    let dir = st.site.docs[st.doc].file.dir.clone();
    match links::resolve(st.site, &dir, dest) {
        Target::Asset { asset, .. } => {
            let from = &st.site.nodes[node].url;
            Some(links::encode_path(&links::relative(
                from,
                &st.site.assets[asset].out,
            )))
        }
        Target::External(url) => {
            st.warn(
                pos,
                format!("remote image `{url}` is not loaded; it is shown as a link"),
                Some(
                    "readers' devices must not contact other hosts: copy the image into guidance/",
                ),
            );
            None
        }
        Target::Unsafe(scheme) => {
            st.warn(
                pos,
                format!("`{scheme}:` image removed"),
                Some("put the image file under guidance/ and link to it"),
            );
            None
        }
        Target::Missing { message, hint } => {
            st.error(
                pos,
                message.replace("link to a missing", "missing image"),
                hint,
            );
            None
        }
        Target::Page { .. } | Target::SamePage(_) | Target::Empty => {
            st.error(pos, format!("image `{dest}` is not an image file"), None);
            None
        }
    }
}

fn end_image(st: &mut State) {
    let Some(Frame::Image {
        src,
        title,
        offset,
        events,
    }) = st.frames.pop()
    else {
        return;
    };
    let alt = plain_text(&events);
    if alt.is_empty() && src.is_some() {
        st.warn(
            offset,
            "image without alt text".into(),
            Some("describe the image for readers who cannot see it: ![what it shows](file.png)"),
        );
    }
    match src {
        Some(src) => {
            let title_attr = title_attr(&title);
            st.html(format!(
                "<img src=\"{}\" alt=\"{}\"{title_attr} loading=\"lazy\">",
                escape(&src),
                escape(&alt)
            ));
        }
        None => {
            // Keep the description so nothing the author wrote is lost.
            st.emit(Event::Text(CowStr::from(alt)));
        }
    }
}

fn footnote_ref(st: &mut State, label: &str) {
    let index = match st.footnote_order.iter().position(|f| f.label == label) {
        Some(i) => i,
        None => {
            let id = st.ids.unique(&format!("fn-{}", slugify(label)));
            st.footnote_order.push(Footnote {
                label: label.to_string(),
                id,
                first_ref: String::new(),
            });
            st.footnote_order.len() - 1
        }
    };
    // Every id goes through the same allocator, so none can clash with a heading's.
    let ref_id = st
        .ids
        .unique(&format!("{}-ref", st.footnote_order[index].id));
    let note = &mut st.footnote_order[index];
    if note.first_ref.is_empty() {
        note.first_ref = ref_id.clone();
    }
    let id = note.id.clone();
    st.r.ids.insert(ref_id.clone());
    st.r.ids.insert(id.clone());
    st.html(format!(
        "<sup class=\"footnote-ref\"><a href=\"#{}\" id=\"{}\" role=\"doc-noteref\">{}</a></sup>",
        escape(&id),
        escape(&ref_id),
        index + 1
    ));
}

fn finish(mut st: State) -> Rendered {
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
            "<section class=\"footnotes\" role=\"doc-endnotes\" aria-label=\"{}\"><ol>",
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

/// Escapes text for an HTML attribute or text node.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Byte ranges of phone numbers and dates (`+000 00 000 000`, `2026-10-15`)
/// in `text`. In right-to-left text their digit groups would be reordered,
/// so they are isolated as left-to-right.
pub fn number_runs(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let starts =
            b[i].is_ascii_digit() || (b[i] == b'+' && b.get(i + 1).is_some_and(u8::is_ascii_digit));
        if !starts || (i > 0 && (b[i - 1].is_ascii_alphanumeric())) {
            i += 1;
            continue;
        }
        let first = if b[i] == b'+' { i + 1 } else { i };
        let (mut j, mut last_digit, mut digits, mut separators) = (first, i, 0, 0);
        while j < b.len() {
            match b[j] {
                b'0'..=b'9' => {
                    digits += 1;
                    last_digit = j;
                }
                b' ' | b'-' | b'.' | b'/' | b'(' | b')' if j > first => {
                    // A separator must be followed by more of the number.
                    if !b
                        .get(j + 1)
                        .is_some_and(|c| c.is_ascii_digit() || *c == b'(')
                    {
                        break;
                    }
                    separators += 1;
                }
                _ => break,
            }
            j += 1;
        }
        if digits >= 6 && separators > 0 {
            runs.push((i, last_digit + 1));
        }
        i = last_digit.max(i) + 1;
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::number_runs;

    #[test]
    fn finds_phone_numbers_and_dates() {
        let t = "اتصل على +000 00 000 000 أو 2026-10-15، وليس 2026 أو 12.";
        let runs: Vec<&str> = number_runs(t).into_iter().map(|(a, b)| &t[a..b]).collect();
        assert_eq!(runs, ["+000 00 000 000", "2026-10-15"]);
        assert!(number_runs("page 12 of 300").is_empty());
    }
}
