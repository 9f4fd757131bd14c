//! Raw HTML written in Markdown. By default it is sanitised as GitHub
//! does (`html_policy`): formatting and structure stay, and whatever is
//! removed is reported at its line. Links and images in it resolve like
//! Markdown ones. Elements are balanced within the Markdown block that
//! opened them, so a stray `</div>` cannot close the page's own layout.
//! With `allow_raw_html: true` it is passed through as written.

mod balance;
mod removed;
mod tracked;

use balance::{BLOCK, block_place, end_tag, flush, reopen};
pub(super) use balance::{close_from, drop_empty_paragraph};
pub(super) use removed::stripped_warning;
use removed::{HINT, find_on_line, removed, removed_attribute, stray_end};

use super::escape;
use super::html_policy::{self, DROPPED_WITH_CONTENT, VOID};
use super::link_html::{Check, image_src, link_href, mark_for, missing_box};
use super::resolve::Target;
use super::state::{ImageSrc, OpenElement, State};
use super::word::{self, Leftover};
use crate::slug::nfc;
use html5ever::tokenizer::{Tag, TagKind, Token};
use pulldown_cmark::{CowStr, Event};

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
    // Where the words of a wrapped address are looked for (`tracked`).
    let mut words_from = pos;
    // After Word's `<o:p>`: the whitespace it holds is a placeholder.
    let mut in_op = false;
    for (token, line) in tracked::joined(html_policy::tokens(html)) {
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
                text_token(st, &text, &mut words_from, &mut out);
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

/// Raw HTML's words, kept, for the page and its search; a wrapped
/// address in them as the address inside (`tracked`).
fn text_token(st: &mut State, text: &str, words_from: &mut usize, out: &mut String) {
    let unwrapped = tracked::unwrap(st, text, words_from);
    let text = unwrapped.as_deref().unwrap_or(text);
    st.r.text.push_str(text);
    out.push_str(&escape(text));
}

/// The comment text html5ever makes of `<![if !supportLists]>` or
/// `<![endif]>` (not of a whole `<!--[if gte mso 9]>…<![endif]-->`).
fn downlevel(text: &str) -> bool {
    let t = text.trim();
    t.starts_with("[if ") && t.ends_with(']') && !t.contains(['>', '<']) || t == "[endif]"
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
    if let Some(to) = removed::docusaurus_link(&name, tag) {
        removed::link_component(st, to, at);
        return None;
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
