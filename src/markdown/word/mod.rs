//! Word's own markup, left in Markdown by a paste or a conversion: tags
//! with a namespace prefix (`<o:p>`, `<w:Sdt>`, `<v:shape …>`,
//! `<st1:place>`) and the markers of its conditional comments (`<![if
//! !supportLists]>`, `<![endif]>`, `<!--[if gte mso 9]>`). CommonMark does
//! not read `o:p` as a tag name, so these arrive as text (or `<st1:place>`
//! as an autolink) and would be shown to readers as `<o:p>`.
//!
//! Each is dropped, its text kept (the whitespace an `<o:p>` holds is
//! Word's empty-paragraph placeholder, and goes with it), and reported once
//! per kind and page, at its first place, with the count: a page pasted
//! from Word has one on nearly every line. What is dropped is never
//! published, so nothing here can let anything through; raw HTML around it
//! is still sanitised by `raw_html`.

use super::state::{Found, State};
use crate::diagnostics::Diagnostic;
use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};
use std::collections::HashMap;
use std::ops::Range;

mod recognise;
pub(super) use recognise::{Leftover, at};
use recognise::{SCHEMES, name_char};

const HINT: &str = "Word writes its own markup (tags such as `<o:p>`, `<w:…>`, `<v:…>`, `<st1:…>`, and `<![if …]>`) into what is copied from it; it means nothing on a web page. Delete it, or paste from Word as plain text; to show such a tag as text, put it in backticks";

/// Confluence's storage format names its macros and links in the same
/// namespaced tags (`<ac:structured-macro>`, `<ri:page>`): from a page
/// copied out of Confluence, not Word.
const CONFLUENCE_HINT: &str = "this is Confluence's storage format (`<ac:…>`, `<ri:…>`), copied from a page's source: it means nothing on a web page. Export the page as Markdown, or as Word and then with pandoc; write an info or warning macro's text as a callout (`> [!NOTE]`, `> [!WARNING]`)";

fn is_confluence(shown: &str) -> bool {
    let name = shown.trim_start_matches(['<', '/']);
    name.starts_with("ac:") || name.starts_with("ri:")
}

/// Passes an event on, or drops the Word markup it is (or begins with):
/// `None` when nothing of it is left.
pub(super) fn filter<'s, 'a>(
    st: &mut State<'s, 'a>,
    mut event: Event<'a>,
    mut range: Range<usize>,
) -> Option<(Event<'a>, Range<usize>)> {
    if st.in_code || st.raw.dropping.is_some() {
        // Code is shown as written; the content of a `<script>` is dropped anyway.
        st.word.skip_to = 0;
        st.word.in_op = false;
        return Some((event, range));
    }
    if st.word.in_autolink {
        if matches!(event, Event::End(TagEnd::Link)) {
            st.word.in_autolink = false;
        }
        return None;
    }
    let src: &'s str = st.text_src;
    let body = &src[st.body_offset.min(src.len())..];
    loop {
        if range.start < st.word.skip_to {
            let skip_to = st.word.skip_to;
            match event {
                Event::SoftBreak | Event::HardBreak => return None,
                Event::Text(t) => {
                    if range.end <= skip_to {
                        return None;
                    }
                    let cut = skip_to - range.start;
                    // The rest of the event, after the tag's `>`, when the
                    // event's text is its source as written.
                    if body.get(range.clone()) != Some(&*t) || !t.is_char_boundary(cut) {
                        st.word.skip_to = 0;
                        return Some((Event::Text(t), range));
                    }
                    event = Event::Text(after(t, cut));
                    range = skip_to..range.end;
                }
                other => {
                    // Markdown inside what looked like a tag: it was not one.
                    st.word.skip_to = 0;
                    event = other;
                }
            }
        }
        if let Event::Text(t) = &event
            && t.starts_with('<')
            && body.as_bytes().get(range.start) == Some(&b'<')
            && !escaped(body, range.start)
            && let Some((found, len)) = at(&body[range.start..])
        {
            record(st, range.start, found);
            st.word.skip_to = range.start + len;
            continue;
        }
        break;
    }
    match &event {
        Event::Text(t) if st.word.in_op && is_blank(t) => return None,
        Event::Text(_) => st.word.in_op = false,
        Event::Start(Tag::Link {
            link_type: LinkType::Autolink,
            dest_url,
            ..
        }) => {
            let written = body.get(range.start + 1..range.end.saturating_sub(1));
            let scheme = dest_url.split(':').next().unwrap_or("");
            if written == Some(&**dest_url)
                && !SCHEMES.iter().any(|s| s.eq_ignore_ascii_case(scheme))
                && let Some((found @ Leftover::Start { .. }, len)) =
                    at(&body[range.start..range.end])
                && len == range.len()
            {
                record(st, range.start, found);
                st.word.in_autolink = true;
                return None;
            }
            st.word.in_op = false;
        }
        _ => st.word.in_op = false,
    }
    Some((event, range))
}

/// `\<o:p>`: written to be shown. An odd number of backslashes before.
fn escaped(body: &str, pos: usize) -> bool {
    let before = &body.as_bytes()[..pos];
    before.iter().rev().take_while(|&&c| c == b'\\').count() % 2 == 1
}

/// Whitespace only, non-breaking spaces included: what `<o:p>` holds.
pub(super) fn is_blank(s: &str) -> bool {
    s.chars().all(char::is_whitespace)
}

fn after(t: CowStr<'_>, cut: usize) -> CowStr<'_> {
    match t {
        CowStr::Borrowed(s) => CowStr::Borrowed(&s[cut..]),
        other => CowStr::from(other[cut..].to_string()),
    }
}

/// Notes a piece of Word markup at body offset `pos`; the warning is
/// given when the page is done, once per kind, with the count.
pub(super) fn record(st: &mut State, pos: usize, found: Leftover) {
    let w = &mut st.word;
    let (key, shown, counts, kept) = match found {
        Leftover::Start { name, self_closing } => {
            let key = name.to_ascii_lowercase();
            let placeholder = key == "o:p";
            if !self_closing {
                *w.open.entry(key.clone()).or_default() += 1;
                w.in_op = placeholder;
            }
            let kept = if placeholder {
                ""
            } else {
                "; its text is kept"
            };
            (key, format!("<{name}>"), true, kept)
        }
        Leftover::End { name } => {
            let key = name.to_ascii_lowercase();
            if key == "o:p" {
                w.in_op = false;
            }
            let stray = closes(&mut w.open, &key);
            let kept = if key == "o:p" {
                ""
            } else {
                "; its text is kept"
            };
            (key, format!("<{name}>"), stray, kept)
        }
        Leftover::If(text) => {
            *w.open.entry("<![if]>".into()).or_default() += 1;
            let kept = "; what it wraps is kept";
            ("<![if]>".to_string(), shorten(text), true, kept)
        }
        Leftover::EndIf(text) => {
            let stray = closes(&mut w.open, "<![if]>");
            let kept = "; what it wraps is kept";
            ("<![if]>".to_string(), shorten(text), stray, kept)
        }
    };
    match w.kinds.get(&key) {
        Some(&i) => w.found[i].count += usize::from(counts),
        None => {
            w.kinds.insert(key, w.found.len());
            w.found.push(Found {
                pos,
                shown,
                count: 1,
                kept,
            });
        }
    }
}

/// Closes one open element of `key`: false when there was one (the end
/// tag is part of it), true for a stray end tag.
fn closes(open: &mut HashMap<String, usize>, key: &str) -> bool {
    match open.get_mut(key) {
        Some(n) if *n > 0 => {
            *n -= 1;
            false
        }
        _ => true,
    }
}

fn shorten(text: &str) -> String {
    let mut s: String = text.chars().take(60).collect();
    if s.len() < text.len() {
        s.push('…');
    }
    s.replace(['\n', '\r'], " ")
}

/// The warnings, once the page is done: one per kind, at its first place.
pub(super) fn finish(st: &mut State) {
    let found = std::mem::take(&mut st.word.found);
    for f in found {
        let more = match f.count {
            0 | 1 => String::new(),
            n => format!(" (and {} more on this page)", n - 1),
        };
        let (line, col) = st.locate(f.pos);
        let d = if is_confluence(&f.shown) {
            let msg = format!(
                "Confluence storage markup `{}` removed{more}{}",
                f.shown, f.kept
            );
            Diagnostic::warning(st.rel(), line, col, msg).with_hint(CONFLUENCE_HINT)
        } else {
            let msg = format!("Word leftover `{}` removed{more}{}", f.shown, f.kept);
            Diagnostic::warning(st.rel(), line, col, msg).with_hint(HINT)
        };
        st.r.diagnostics.push(d);
    }
}

/// Trusted raw HTML (`allow_raw_html: true`) without Word's markup, if it
/// has any: `html` is at body offset `pos`. Comments (Word's hidden
/// `<!--[if gte mso 9]>…<![endif]-->` among them), and the content of
/// `<script>`, `<style>` and other raw-text elements, are left as written,
/// also when they go on in the next piece of the same HTML block.
pub(super) fn strip_trusted<'s>(st: &mut State<'s, '_>, html: &str, pos: usize) -> Option<String> {
    let src: &'s str = st.text_src;
    let body = &src[st.body_offset.min(src.len())..];
    let exact = body.get(pos..pos + html.len()) == Some(html);
    let lower = html.to_ascii_lowercase();
    let mut out = String::new();
    let mut last = 0;
    let mut i = 0;
    let mut changed = false;
    loop {
        if let Some(close) = st.word.trusted_until {
            match lower[i..].find(close) {
                Some(e) => {
                    i += e + close.len();
                    st.word.trusted_until = None;
                }
                None => break,
            }
        }
        let Some(j) = html[i..].find('<') else {
            break;
        };
        let at_ = i + j;
        let rest = &html[at_..];
        if rest.starts_with("<!--") {
            st.word.trusted_until = Some("-->");
            i = at_ + 4;
            continue;
        }
        if let Some(raw) = RAW_TEXT.iter().find(|n| {
            lower[at_ + 1..].starts_with(n.trim_start_matches("</"))
                && !lower
                    .as_bytes()
                    .get(at_ + n.len() - 1)
                    .copied()
                    .is_some_and(name_char)
        }) {
            st.word.trusted_until = Some(raw);
            i = at_ + raw.len() - 1;
            continue;
        }
        let Some((found, len)) = at(rest) else {
            i = at_ + 1;
            continue;
        };
        record(st, if exact { pos + at_ } else { pos }, found);
        out.push_str(&html[last..at_]);
        let mut end = at_ + len;
        if st.word.in_op {
            // `<o:p>&nbsp;</o:p>`: the placeholder goes with its tags.
            loop {
                let r = &html[end..];
                let t = r.trim_start_matches(char::is_whitespace);
                let t = t
                    .strip_prefix("&nbsp;")
                    .or_else(|| t.strip_prefix("&#160;"))
                    .unwrap_or(t);
                if t.len() == r.len() {
                    break;
                }
                end += r.len() - t.len();
            }
            st.word.in_op = false;
        }
        last = end;
        i = end;
        changed = true;
    }
    if !changed {
        return None;
    }
    out.push_str(&html[last..]);
    Some(out)
}

/// End tags of the elements whose content is not HTML.
const RAW_TEXT: &[&str] = &[
    "</script",
    "</style",
    "</textarea",
    "</title",
    "</xmp",
    "</plaintext",
];

#[cfg(test)]
mod tests;
