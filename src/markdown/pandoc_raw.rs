//! pandoc's raw blocks and spans: a fenced block whose info is `{=html}`
//! and a code span followed by one (`` `<b>x</b>`{=html} ``), which pandoc
//! writes for what it cannot say in Markdown. CommonMark reads them as
//! code, so a page exported from Word showed its HTML source to readers.
//!
//! Raw HTML (`html`, `html4`, `html5`) is raw HTML written in the Markdown:
//! sanitised as GitHub does, with what is removed reported at its line, or
//! passed through with `allow_raw_html: true`. Any other format (`latex`,
//! `openxml`, …) is meant for another kind of output: it is left out, with
//! a warning at its place.

use super::raw_html;
use super::state::{PandocBlock as Block, State};
use pulldown_cmark::{CodeBlockKind, CowStr, Event, Tag, TagEnd};
use std::ops::Range;

/// Longest `{=format}` looked at.
const MAX_ATTR: usize = 40;

/// Passes an event on, taking pandoc's raw blocks and spans out of it;
/// `None` when nothing is left of it.
pub(super) fn filter<'a>(
    st: &mut State<'_, 'a>,
    event: Event<'a>,
    range: Range<usize>,
) -> Option<(Event<'a>, Range<usize>)> {
    if let Some(block) = &mut st.pandoc.block {
        match event {
            Event::Text(t) => {
                block.first.get_or_insert(range.start);
                block.text.push_str(&t);
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some(block) = st.pandoc.block.take() {
                    finish(st, block);
                }
            }
            _ => {}
        }
        return None;
    }
    match event {
        Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => match format_of(&info) {
            Some(format) => {
                st.pandoc.block = Some(Block {
                    format,
                    text: String::new(),
                    fence: range.start,
                    first: None,
                });
                None
            }
            None => Some((
                Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))),
                range,
            )),
        },
        Event::Code(code) => match attribute_at(st, range.end) {
            Some((format, len)) => {
                st.pandoc.cut = Some(range.end..range.end + len);
                if is_html(&format) {
                    // Raw HTML written in the Markdown, as far as readers go.
                    return Some((Event::InlineHtml(code), range));
                }
                left_out(st, &format, range.start);
                None
            }
            None => Some((Event::Code(code), range)),
        },
        Event::Text(t) if st.pandoc.cut.is_some() => cut(st, t, range),
        other => Some((other, range)),
    }
}

/// The format of a raw attribute, `{=html}` -> `html`.
fn format_of(attr: &str) -> Option<String> {
    let format = attr.trim().strip_prefix("{=")?.strip_suffix('}')?;
    let word = !format.is_empty()
        && format.len() < MAX_ATTR
        && format
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'));
    word.then(|| format.to_ascii_lowercase())
}

fn is_html(format: &str) -> bool {
    matches!(format, "html" | "html4" | "html5")
}

/// A raw attribute right at body offset `at` (after a code span): its
/// format and length.
fn attribute_at(st: &State, at: usize) -> Option<(String, usize)> {
    let body = &st.text_src[st.body_offset.min(st.text_src.len())..];
    let rest = body.get(at..)?;
    if !rest.starts_with("{=") {
        return None;
    }
    let end = rest.bytes().take(MAX_ATTR).position(|b| b == b'}')?;
    format_of(&rest[..=end]).map(|f| (f, end + 1))
}

/// The text after a raw span, without its `{=format}`.
fn cut<'a>(
    st: &mut State<'_, 'a>,
    t: CowStr<'a>,
    range: Range<usize>,
) -> Option<(Event<'a>, Range<usize>)> {
    let Some(cut) = st.pandoc.cut.take() else {
        return Some((Event::Text(t), range));
    };
    let body = &st.text_src[st.body_offset.min(st.text_src.len())..];
    // Only text that is its source as written, starting where the
    // attribute does (`{` and `=` end no text event).
    if range.start != cut.start || body.get(range.clone()) != Some(&*t) {
        return Some((Event::Text(t), range));
    }
    let n = cut.len().min(t.len());
    if n < cut.len() {
        st.pandoc.cut = Some(cut.start + n..cut.end);
    }
    if n == t.len() {
        return None;
    }
    let rest = CowStr::from(t[n..].to_string());
    Some((Event::Text(rest), range.start + n..range.end))
}

/// A raw block read to its end.
fn finish(st: &mut State, block: Block) {
    if !is_html(&block.format) {
        left_out(st, &block.format, block.fence);
        return;
    }
    if block.text.trim().is_empty() {
        return;
    }
    let pos = block.first.unwrap_or(block.fence);
    if st.opts.allow_raw_html {
        st.emit(Event::Start(Tag::HtmlBlock));
        raw_html::trusted(st, CowStr::from(block.text), pos);
        st.emit(Event::End(TagEnd::HtmlBlock));
    } else {
        raw_html::block(st, &block.text, pos);
    }
}

fn left_out(st: &mut State, format: &str, pos: usize) {
    st.warn(
        pos,
        format!(
            "pandoc raw `{{={format}}}` content is left out: it is written for another kind of output than a web page, so readers see nothing of it"
        ),
        Some(
            "write in Markdown what readers should see here, or delete it (a page break is not needed: the print page makes its own)",
        ),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_attributes_name_one_format() {
        assert_eq!(format_of("{=html}").as_deref(), Some("html"));
        assert_eq!(format_of(" {=HTML5} ").as_deref(), Some("html5"));
        assert_eq!(format_of("{=openxml}").as_deref(), Some("openxml"));
        for not_raw in [
            "html", "{.html}", "{=}", "{=html", "{= html}", "{=a b}", "{=html}x",
        ] {
            assert_eq!(format_of(not_raw), None, "{not_raw}");
        }
        assert!(is_html("html4") && !is_html("latex"));
    }
}
