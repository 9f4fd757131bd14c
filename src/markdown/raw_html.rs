//! Raw HTML written in Markdown. By default it is sanitised as GitHub
//! does (`html_policy`): formatting and structure stay, and whatever is
//! removed is reported at its line. Links and images in it resolve like
//! Markdown ones. Elements are balanced within the Markdown block that
//! opened them, so a stray `</div>` cannot close the page's own layout.
//! With `allow_raw_html: true` it is passed through as written.

use super::escape;
use super::html_policy::{self, DROPPED_WITH_CONTENT, VOID};
use super::link_html::{Check, image_src, link_href, mark_for, missing_box};
use super::resolve::Target;
use super::state::{Frame, ImageSrc, OpenElement, State, Stripped};
use super::word::{self, Leftover};
use crate::slug::nfc;
use html5ever::tokenizer::{Tag, TagKind, Token};
use pulldown_cmark::{CowStr, Event};

const HINT: &str = "raw HTML keeps formatting and structure tags (br, p, i, b, sup, span, div, lists, tables, details, kbd, img, a), as on GitHub; write the rest in Markdown, or set `allow_raw_html: true` in site.yaml if every author is trusted";

/// Where in the source a piece of raw HTML starts, to report problems at
/// the line of the tag that has them.
struct Place {
    /// Body offset of the piece.
    pos: usize,
    /// Body offsets of the starts of the piece's lines, found as needed.
    line_starts: Vec<usize>,
}

impl Place {
    fn new(pos: usize) -> Self {
        Place {
            pos,
            line_starts: vec![pos],
        }
    }

    /// The body offset of the start of the piece's `line` (1-based).
    fn offset(&mut self, st: &State, line: u64) -> usize {
        let want = usize::try_from(line.max(1) - 1).unwrap_or(usize::MAX);
        let body = &st.text_src[st.body_offset..];
        while self.line_starts.len() <= want {
            let last = *self.line_starts.last().unwrap_or(&self.pos);
            match body.get(last..).and_then(|rest| rest.find('\n')) {
                Some(nl) => self.line_starts.push(last + nl + 1),
                None => break,
            }
        }
        self.line_starts
            .get(want)
            .copied()
            .unwrap_or(self.pos)
            .max(self.pos)
    }
}

/// Trusted raw HTML (`allow_raw_html: true`), from the Markdown or a
/// pandoc raw block: published as written but for Word's own markup, the
/// files it names noted (see [`note_files`]).
pub(super) fn trusted<'a>(st: &mut State<'_, 'a>, html: CowStr<'a>, pos: usize) {
    note_files(st, &html);
    match word::strip_trusted(st, &html, pos) {
        Some(clean) => st.html(clean),
        None => st.emit(Event::Html(html)),
    }
}

/// Trusted raw HTML (`allow_raw_html: true`) is published as written; the
/// files its `href` and `src` name are still noted, so they are published.
pub(super) fn note_files(st: &mut State, html: &str) {
    for (token, _) in html_policy::tokens(html) {
        let Token::TagToken(tag) = token else {
            continue;
        };
        for a in &tag.attrs {
            if matches!(&*a.name.local, "href" | "src")
                && let Target::Asset { asset, .. } = st.resolver.resolve(&a.value)
            {
                st.assets.insert(asset);
            }
        }
    }
}

/// An inline tag (`<sup>`, `</sup>`, `<br>`): one `InlineHtml` event.
pub(super) fn inline(st: &mut State, html: &str, pos: usize) {
    // `<script>`, its text, `</script>` are three events: what is dropped
    // with its content stays dropped across them.
    let carried = st.raw.dropping.take().map(|(name, _)| name);
    let (out, dropping) = sanitise(st, html, pos, carried);
    st.raw.dropping = dropping.map(|name| (name, st.depth));
    if !out.is_empty() {
        st.html(out);
    }
    if std::mem::take(&mut st.raw.reopen) {
        st.emit(Event::Start(pulldown_cmark::Tag::Paragraph));
    }
}

/// An HTML block, gathered whole.
pub(super) fn block(st: &mut State, html: &str, pos: usize) {
    let (mut out, _) = sanitise(st, html, pos, None);
    if !out.trim().is_empty() {
        if !out.ends_with('\n') {
            out.push('\n');
        }
        st.r.text.push(' ');
        st.html(out);
    }
}

/// The kept HTML, and the element being dropped at the end, if any.
fn sanitise(
    st: &mut State,
    html: &str,
    pos: usize,
    mut dropping: Option<String>,
) -> (String, Option<String>) {
    if html_policy::crowded_tag(html) {
        let max = crate::xml_bounds::MAX_ATTRIBUTES;
        st.warn(
            pos,
            format!("a tag with more than {max} attributes: removed from raw HTML, with the rest of this HTML"),
            Some("no page needs so many; write the HTML again, or the text as Markdown"),
        );
        return (String::new(), dropping);
    }
    let mut place = Place::new(pos);
    let mut out = String::new();
    // After Word's `<o:p>`: the whitespace it holds is a placeholder.
    let mut in_op = false;
    for (token, line) in html_policy::tokens(html) {
        match token {
            Token::TagToken(tag) => {
                if let Some(name) = &dropping {
                    if tag.kind == TagKind::EndTag && &*tag.name == name {
                        dropping = None;
                    }
                    continue;
                }
                in_op = false;
                if tag.name.contains(':') {
                    let end = tag.kind == TagKind::EndTag;
                    let at = place.offset(st, line);
                    let open = if end { "</" } else { "<" };
                    let at = find_on_line(st, at, &format!("{open}{}", tag.name));
                    // The name as written (`w:Sdt`): the tokenizer lowercases it.
                    let src = st.text_src;
                    let body = &src[st.body_offset.min(src.len())..];
                    let name = body
                        .get(at + open.len()..at + open.len() + tag.name.len())
                        .filter(|n| n.eq_ignore_ascii_case(&tag.name))
                        .unwrap_or(&tag.name);
                    word::record(
                        st,
                        at,
                        if end {
                            Leftover::End { name }
                        } else {
                            Leftover::Start {
                                name,
                                self_closing: tag.self_closing,
                            }
                        },
                    );
                    in_op = !end && !tag.self_closing && name == "o:p";
                    continue;
                }
                match tag.kind {
                    TagKind::StartTag => {
                        if !st.raw.started.contains(&*tag.name) {
                            st.raw.started.insert(tag.name.to_string());
                        }
                        let at = place.offset(st, line);
                        dropping = start_tag(st, &tag, at, &mut out);
                    }
                    TagKind::EndTag => {
                        if !end_tag(st, &tag.name, &mut out) {
                            let at = place.offset(st, line);
                            stray_end(st, &tag.name, at);
                        }
                    }
                }
            }
            Token::CharacterTokens(text) if in_op && word::is_blank(&text) => {}
            Token::CharacterTokens(text) if dropping.is_none() => {
                in_op = false;
                st.r.text.push_str(&text);
                out.push_str(&escape(&text));
            }
            Token::DoctypeToken(_) => {
                let at = place.offset(st, line);
                st.warn_once_per_line(at, "`<!DOCTYPE>` removed from raw HTML".into(), HINT);
            }
            // Word's `<![if !supportLists]>` and `<![endif]>`: browsers read them
            // as comments, and show what they wrap.
            Token::CommentToken(text) if dropping.is_none() && downlevel(&text) => {
                let at = place.offset(st, line);
                let at = find_on_line(st, at, "<![");
                let marker = format!("<!{text}>");
                if let Some((found, _)) = word::at(&marker) {
                    word::record(st, at, found);
                }
            }
            // Comments, and what browsers read as comments (`<?php ?>`), are never shown.
            _ => {}
        }
    }
    (out, dropping)
}

/// The comment text html5ever makes of `<![if !supportLists]>` or
/// `<![endif]>` (not of a whole `<!--[if gte mso 9]>…<![endif]-->`).
fn downlevel(text: &str) -> bool {
    let t = text.trim();
    t.starts_with("[if ") && t.ends_with(']') && !t.contains(['>', '<']) || t == "[endif]"
}

/// The body offset of `needle` (ASCII, any case) on the line from `at`,
/// (within 4 KB), or `at`: a tag's own column where the tokenizer gives only its line.
fn find_on_line(st: &State, at: usize, needle: &str) -> usize {
    let body = &st.text_src[st.body_offset.min(st.text_src.len())..];
    let Some(rest) = body.get(at..) else {
        return at;
    };
    // Bounded: the tokenizer's lines may be long.
    let mut end = rest.len().min(4096);
    while !rest.is_char_boundary(end) {
        end -= 1;
    }
    let line = &rest[..rest[..end].find('\n').unwrap_or(end)];
    let n = needle.len();
    (0..line.len().saturating_sub(n - 1))
        .find(|&i| line.as_bytes()[i..i + n].eq_ignore_ascii_case(needle.as_bytes()))
        .map_or(at, |i| at + i)
}

/// Writes a start tag if the policy keeps it; returns the element's name
/// when its content must be dropped too.
fn start_tag(st: &mut State, tag: &Tag, at: usize, out: &mut String) -> Option<String> {
    let name = tag.name.to_string();
    if DROPPED_WITH_CONTENT.contains(&name.as_str()) {
        st.warn_once_per_line(
            at,
            format!("`<{name}>` removed from raw HTML, with its content"),
            HINT,
        );
        let ends = !VOID.contains(&name.as_str()) && !tag.self_closing;
        return ends.then_some(name);
    }
    if !html_policy::is_allowed(&name) {
        removed(st, &name, at);
        return None;
    }
    let mut probe = format!("<{name}");
    let mut id = None;
    let mut check = Check::Nothing;
    for a in &tag.attrs {
        let attr = &*a.name.local;
        let value = &*a.value;
        let named = !attr.is_empty()
            && attr
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':'));
        let value = match (name.as_str(), attr) {
            _ if !named => None,
            (_, "id") | ("a", "name") => {
                id = Some(value);
                continue;
            }
            // Resolved like a Markdown link; its anchor, if any, is
            // checked once the tag is written (`write_start`).
            ("a", "href") => link_href(st, value, at).map(|href| {
                check = href.check;
                href.url
            }),
            ("img", "src") => match image_src(st, value, at) {
                ImageSrc::Local(src) => Some(src),
                ImageSrc::Missing => {
                    // Nothing to show: its description, in the box Markdown images get.
                    let alt = tag.attrs.iter().find(|a| &*a.name.local == "alt");
                    let alt = alt.map_or("", |a| &*a.value);
                    out.push_str(&missing_box(&st.opts.labels.missing_image, alt));
                    return None;
                }
            },
            _ => Some(value.to_string()),
        };
        if let Some(v) = value {
            probe.push_str(&format!(" {attr}=\"{}\"", escape(&v)));
        }
    }
    probe.push('>');
    let verdict = match st.raw.verdicts.get(&probe) {
        Some(v) => v.clone(),
        None => {
            let v = html_policy::sanitise_start_tag(&name, &probe);
            st.raw.verdicts.insert(probe, v.clone());
            v
        }
    };
    let Some(clean) = verdict else {
        removed(st, &name, at);
        return None;
    };
    for attr in tag.attrs.iter().map(|a| &*a.name.local) {
        let handled = attr == "id"
            || (name == "a" && attr == "name")
            || (name == "a" && attr == "href")
            || (name == "img" && attr == "src");
        if !handled && !clean.contains(&format!(" {attr}=\"")) {
            removed_attribute(st, attr, &name, at);
        }
    }
    if BLOCK.contains(&name.as_str()) && !block_place(st, &name, at, out) {
        return None;
    }
    write_start(st, name, clean, id, check, at, out);
    None
}

/// Writes a kept start tag `clean` (its `id` added, resolved apart) and
/// notes the element as open. An `<a>` whose anchor is checked later gets
/// its mark, just before the tag, in an event of its own.
fn write_start(
    st: &mut State,
    name: String,
    mut clean: String,
    id: Option<&str>,
    check: Check,
    at: usize,
    out: &mut String,
) {
    let mark = mark_for(st, check, clean.len(), at, None);
    match (id, mark) {
        // An id stays when the link is published as its text: on an
        // element of its own, before the link.
        (Some(id), Some(_)) => {
            let mut span = "<span>".to_string();
            add_id(st, &mut span, id, at);
            out.push_str(&span);
            out.push_str("</span>");
        }
        (Some(id), None) => add_id(st, &mut clean, id, at),
        (None, _) => {}
    }
    match mark {
        Some(m) => {
            flush(st, out);
            st.emit(Event::InlineMath(CowStr::from(m.to_string())));
            st.html(clean);
        }
        None => out.push_str(&clean),
    }
    if !VOID.contains(&name.as_str()) {
        st.raw.open.push(OpenElement {
            name,
            depth: st.depth,
            mark,
        });
    } else if st.raw.split == Some((st.depth, false)) {
        // `<hr>` ends as it starts: the paragraph goes on after it.
        reopen(st);
    }
}

/// kramdown's and Python-Markdown's `markdown="1"` asks them to read
/// Markdown inside an element. CommonMark reads it there only after a
/// blank line: the lines right after the tag were shown as written, `**`
/// and `-` and all, under a warning whose hint was about allowed tags.
const MARKDOWN_INSIDE: &str = "Markdown inside an HTML element is read only after a blank line, so lines right after the tag are shown as written (`**`, `-` and all)";
const MARKDOWN_HINT: &str = "delete `markdown=\"1\"` and leave a blank line after the opening tag and before the closing one; or write the content in Markdown without the element";

/// Says that the sanitiser took `attr` off a `<name>` at `at`. Event
/// handlers are named at every place; formatting that Word puts on every
/// element (`class`, `style`, `width`), in one warning for the page (see
/// [`Stripped`]); anything else, once per page for each attribute and tag.
fn removed_attribute(st: &mut State, attr: &str, name: &str, at: usize) {
    let msg = format!("`{attr}` attribute removed from `<{name}>` in raw HTML");
    if attr == "markdown" {
        let why = if text_follows(st, at) {
            MARKDOWN_INSIDE
        } else {
            "not needed: Markdown after a blank line inside an HTML element is read"
        };
        st.warn_once_per_page(at, format!("{msg}: {why}"), MARKDOWN_HINT);
    } else if attr.starts_with("on") {
        st.warn_once_per_line(at, msg, HINT);
    } else if FORMATTING.contains(&attr) {
        strip(&mut st.raw.stripped, at, attr, name);
    } else {
        st.warn_once_per_page(at, msg, HINT);
    }
}

/// Whether the line after the one at `at` holds text that is not an end
/// tag: the lines an HTML block runs on with, which Markdown does not read.
fn text_follows(st: &State, at: usize) -> bool {
    let body = &st.text_src[st.body_offset.min(st.text_src.len())..];
    let rest = body.get(at..).unwrap_or("");
    let next = rest.split('\n').nth(1).unwrap_or("").trim();
    !next.is_empty() && !next.starts_with("</")
}

/// Kept elements that are blocks: inside a paragraph (Markdown's, or one
/// of raw HTML) a browser closes the paragraph before them, and the
/// paragraph's own end tag is left over (`<p><p>…</p></p>`).
const BLOCK: &[&str] = &[
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
fn block_place(st: &mut State, name: &str, at: usize, out: &mut String) -> bool {
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
fn reopen(st: &mut State) {
    if let Some((d, false)) = st.raw.split {
        st.raw.split = Some((d, true));
        st.raw.reopen = true;
    }
}

/// Removes the paragraph being written when nothing but white space is in
/// it yet; `false` when it has something.
pub(super) fn drop_empty_paragraph(sink: &mut Vec<Event<'_>>) -> bool {
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

/// Attributes that only format, which word processors and HTML editors put
/// on every element. Any other removed attribute (one that loads something,
/// or changes what a link or form does) is named on its own.
const FORMATTING: &[&str] = &[
    "align",
    "bgcolor",
    "border",
    "cellpadding",
    "cellspacing",
    "class",
    "color",
    "face",
    "height",
    "nowrap",
    "size",
    "style",
    "valign",
    "width",
];

fn strip(s: &mut Stripped, at: usize, attr: &str, tag: &str) {
    if s.count == 0 {
        s.first = at;
    }
    s.count += 1;
    for (list, name) in [(&mut s.attrs, attr), (&mut s.tags, tag)] {
        if !list.iter().any(|n| n == name) {
            list.push(name.to_string());
        }
    }
}

/// The page's one warning for the attributes its raw HTML lost (see
/// [`Stripped`]), once the page is done.
pub(super) fn stripped_warning(st: &mut State) {
    let s = std::mem::take(&mut st.raw.stripped);
    if s.count == 0 {
        return;
    }
    let attrs = and_list(&s.attrs, |a| format!("`{a}`"));
    let tags = and_list(&s.tags, |t| format!("`<{t}>`"));
    let noun = if s.attrs.len() == 1 {
        "attribute"
    } else {
        "attributes"
    };
    let msg = match s.count {
        1 => format!("{attrs} {noun} removed from {tags} in raw HTML"),
        n if s.attrs.len() == 1 && s.tags.len() == 1 => {
            format!(
                "{attrs} {noun} removed from {tags} in raw HTML (and {} more on this page)",
                n - 1
            )
        }
        n => format!("{attrs} {noun} removed from {tags} in raw HTML ({n} in all on this page)"),
    };
    st.warn(s.first, msg, Some(HINT));
}

/// `a`, `b` and `c`.
fn and_list(names: &[String], show: impl Fn(&str) -> String) -> String {
    let shown: Vec<String> = names.iter().map(|n| show(n)).collect();
    match shown.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => shown.concat(),
    }
}

fn removed(st: &mut State, name: &str, at: usize) {
    let msg = if VOID.contains(&name) {
        format!("`<{name}>` removed from raw HTML")
    } else {
        format!("`<{name}>` removed from raw HTML; its text is kept")
    };
    // Formatting tags (`<font>`, `<center>`): once per page, with a count.
    let hint = match name {
        "aside" => ASIDE,
        "tabs" | "tabitem" => TABS,
        _ => HINT,
    };
    st.warn_once_per_page(at, msg, hint);
}

/// Docusaurus pages (its `.md` are read as MDX) write content tabs as
/// components; each tab's label is an attribute, lost with the tag.
const TABS: &str = "Docusaurus's tabs, `<Tabs>` and `<TabItem value=\"…\" label=\"…\">`, are MDX components, and a tab's label goes with its tag: fieldguide has no tabs; write each tab as a section of its own, its label as the heading (`### Phone`), and delete the tags' lines";

/// Notion exports each of its callouts as an `<aside>`, its icon first.
const ASIDE: &str = "Notion exports its callouts as `<aside>`: write a callout instead, a quote whose first line is `> [!NOTE]` (or TIP, IMPORTANT, WARNING, CAUTION), then the text with `> ` in front";

/// `id="x"` (or an old `<a name="x">`) is kept when the page has no such
/// id yet, so links to it work; it becomes one of the page's anchors.
fn add_id(st: &mut State, tag: &mut String, id: &str, at: usize) {
    let id: String = nfc(id)
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    if id.is_empty() {
        return;
    }
    if !st.ids.reserve(&id) {
        if st.opts.labels.theme_ids.contains(&id) {
            st.warn(
                at,
                format!("the theme uses the id `{id}` on every page (an element has it, or a script reads it); removed from raw HTML"),
                Some("give this element another id"),
            );
        } else {
            st.warn(
                at,
                format!("duplicate id `{id}` on this page; removed from raw HTML"),
                Some("each id must be unique within a page"),
            );
        }
        return;
    }
    st.r.ids.insert(id.clone());
    tag.pop();
    tag.push_str(&format!(" id=\"{}\">", escape(&id)));
}

/// An end tag of no element started before it on the page (`</note>`
/// left by a converter, the end of an element whose start went with
/// another chapter): dropped, as before, and now said, once per page and
/// tag. One whose element started earlier, in another Markdown block,
/// was closed with that block: it changes nothing readers see.
fn stray_end(st: &mut State, name: &str, at: usize) {
    let at = find_on_line(st, at, &format!("</{name}"));
    let hint = if VOID.contains(&name) {
        "this element has no end tag: for a line break write `<br>` alone (browsers take `</br>` for one, fieldguide does not); otherwise delete it"
    } else {
        "delete it; if its start tag was lost when the document was converted, or went to another page when it was split into chapters, put the start tag back where the element begins"
    };
    st.warn_once_per_page(
        at,
        format!(
            "`</{name}>` ends no element started before it on this page: removed from raw HTML"
        ),
        hint,
    );
}

/// Closes an element this raw HTML opened in the current Markdown block,
/// and any opened after it; other end tags are dropped. Whether it closed
/// one.
fn end_tag(st: &mut State, name: &str, out: &mut String) -> bool {
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
pub(super) fn close_from(st: &mut State, depth: usize) {
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
fn close_down_to(st: &mut State, from: usize, out: &mut String) {
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
fn flush(st: &mut State, out: &mut String) {
    if !out.is_empty() {
        st.html(std::mem::take(out));
    }
}
