//! Checks a translated segment against its source before anything is
//! written: the same link targets and anchors, images, footnote
//! references, local values (`{{hotline}}`), code spans and explicit ids,
//! no callout or task marker slipped in, and the same blocks (a translated
//! list item must not become two items, a table cell must stay one cell).

use super::compare::{compare, compare_values};
use super::links::{Defs, Link, Reading, compare_links, label};
use super::segments::Kind;
use pulldown_cmark::{BrokenLink, CowStr, Event, LinkType, Parser, Tag, TagEnd};

/// What a piece of Markdown contains that a translation must keep.
#[derive(Debug, Default, PartialEq)]
struct Facts {
    blocks: Vec<&'static str>,
    links: Vec<Link>,
    images: Vec<String>,
    footnotes: Vec<String>,
    /// The names of the local values used, `{{hotline}}` as `hotline`.
    values: Vec<String>,
    code: Vec<String>,
    html: Vec<String>,
    heading_id: Option<String>,
    /// A heading's `{.class}`es, which the page keeps: the theme's
    /// (`.sr-only` hides a heading on screen) as much as the author's.
    heading_classes: Vec<String>,
    /// For a table cell: how many cells its text makes (see `standalone`).
    cells: usize,
}

fn facts(markdown: &str, defs: &Defs) -> Facts {
    let mut f = Facts::default();
    // A reference link goes where the source page's definition sends it;
    // one the page does not define still has a target to compare: its
    // label. (`[text]` alone, undefined, is just text.)
    let mut refs = |link: BrokenLink<'_>| -> Option<(CowStr<'_>, CowStr<'_>)> {
        if let Some(dest) = defs.get(&link.reference) {
            return Some((dest.to_string().into(), "".into()));
        }
        (!matches!(
            link.link_type,
            LinkType::Shortcut | LinkType::ShortcutUnknown
        ))
        .then(|| (format!("[{}]", label(&link.reference)).into(), "".into()))
    };
    let parser = Parser::new_with_broken_link_callback(
        markdown,
        crate::markdown::md_options(),
        Some(&mut refs),
    );
    let (mut row, mut cell, mut end_mark, mut in_code) = (0, 0, false, false);
    let mut html_block = String::new();
    // The link being read: where its text starts and ends (in `markdown`).
    let mut open: Option<Reading> = None;
    let mut events = parser.into_offset_iter();
    for (event, range) in events.by_ref() {
        if let Some(link) = &mut open {
            if matches!(event, Event::End(TagEnd::Link)) {
                f.links.extend(open.take().map(Reading::done));
                continue;
            }
            link.see(&range);
        }
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => f.blocks.push("paragraph"),
                Tag::Heading { id, classes, .. } => {
                    f.blocks.push("heading");
                    f.heading_id = id.map(|i| i.to_string());
                    f.heading_classes = classes.iter().map(|c| format!(".{c}")).collect();
                }
                Tag::BlockQuote(_) => f.blocks.push("quote"),
                Tag::CodeBlock(_) => {
                    in_code = true;
                    f.blocks.push("code block");
                }
                Tag::HtmlBlock => f.blocks.push("HTML block"),
                Tag::List(_) => f.blocks.push("list"),
                Tag::Item => f.blocks.push("list item"),
                Tag::Table(_) => f.blocks.push("table"),
                Tag::FootnoteDefinition(_) => f.blocks.push("footnote"),
                Tag::TableRow => row += 1,
                Tag::TableCell if row == 1 => cell += 1,
                Tag::Link {
                    link_type,
                    dest_url,
                    id,
                    ..
                } => {
                    let written = &markdown[range.clone()];
                    open = Some(Reading::new(
                        link_type,
                        &dest_url,
                        &id,
                        written,
                        range.start,
                    ));
                }
                Tag::Image { dest_url, .. } => f.images.push(dest_url.to_string()),
                _ => {}
            },
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Text(t) if row == 1 && cell == 2 => end_mark = &*t == CELL_END,
            Event::Text(t) if !in_code => {
                let escaped = escaped_at(markdown, range.start);
                f.values.extend(value_names(&t, escaped));
            }
            Event::Code(c) => f.code.push(c.to_string()),
            Event::InlineHtml(h) => f.html.push(h.to_string()),
            // A tag may span the block's lines: read once the block ends.
            Event::Html(h) => html_block.push_str(&h),
            Event::End(TagEnd::HtmlBlock) => f.html.extend(tags(&std::mem::take(&mut html_block))),
            Event::Rule => f.blocks.push("rule"),
            _ => {}
        }
    }
    // `[label]: target` makes no event: it defines a link, shown nowhere.
    for _ in events.reference_definitions().iter() {
        f.blocks.push("link definition");
    }
    f.cells = if end_mark { 1 } else { 2 };
    f.footnotes = footnote_references(markdown);
    sorted(f)
}

/// `f` with its lists in order, to compare them whatever the order.
fn sorted(mut f: Facts) -> Facts {
    f.links.sort_by(|a, b| a.target.cmp(&b.target));
    for v in [
        &mut f.images,
        &mut f.footnotes,
        &mut f.values,
        &mut f.code,
        &mut f.html,
    ] {
        v.sort();
    }
    f
}

/// The tags `<…>` in an HTML block, each whole: they stay as they are,
/// the text between them is translated.
///
/// Read as a browser reads them: a tag starts at `<` before a letter, `/`,
/// `!` or `?` and ends at the first `>` outside quotes, `<` inside it
/// included, a comment at `-->`, and one never closed runs to the end.
/// (Splitting at each `<` let a translator put
/// `<a href="https://other.example/" ` before the source's own `<a href=…>`:
/// the piece without its `>` was skipped, and the browser took the first
/// `href` of what it read as one tag.)
fn tags(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        let from = &rest[at..];
        let opens = from[1..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'));
        if !opens {
            rest = &from[1..];
            continue;
        }
        let len = match from.strip_prefix("<!--") {
            Some(comment) => comment.find("-->").map_or(from.len(), |i| i + 7),
            None => tag_len(from),
        };
        out.push(from[..len].to_string());
        rest = &from[len..];
    }
    out
}

/// The length of the tag `from` starts with, to its first `>` outside a
/// quoted attribute value, or all of `from`.
fn tag_len(from: &str) -> usize {
    let (mut quote, mut after_equals) = (None, false);
    for (i, c) in from.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            // A quote opens a value only right after `=`, as in HTML.
            (None, '"' | '\'') if after_equals => quote = Some(c),
            (None, '>') => return i + 1,
            _ => {}
        }
        if !c.is_whitespace() {
            after_equals = quote.is_none() && c == '=';
        }
    }
    from.len()
}

/// The footnote references in `markdown`, `[^note]` as `note`.
///
/// pulldown-cmark reads `[^note]` as a reference only when the text it
/// parses also defines `note`, and a segment is parsed without the page's
/// definitions: so every label written like a reference is given a stand-in
/// definition after the text, and the references found in the text itself
/// are kept. (One in a code span or escaped stays text, as in the page.)
fn footnote_references(markdown: &str) -> Vec<String> {
    let mut labels: Vec<&str> = Vec::new();
    let mut rest = markdown;
    while let Some(i) = rest.find("[^") {
        rest = &rest[i + 2..];
        let end = rest.find([']', '[', '\n']).unwrap_or(rest.len());
        let label = &rest[..end];
        if rest[end..].starts_with(']') && !label.trim().is_empty() && !labels.contains(&label) {
            labels.push(label);
        }
    }
    if labels.is_empty() {
        return Vec::new();
    }
    let mut text = format!("{markdown}\n\n");
    for label in &labels {
        text.push_str(&format!("[^{label}]: {FOOTNOTE_DEF}\n\n"));
    }
    Parser::new_ext(&text, crate::markdown::md_options())
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::FootnoteReference(l) if range.start < markdown.len() => Some(l.to_string()),
            _ => None,
        })
        .collect()
}

/// Whether the text at `pos` follows an odd number of backslashes (its
/// first character is escaped: pulldown-cmark starts a new text event
/// after a backslash escape).
fn escaped_at(markdown: &str, pos: usize) -> bool {
    let before = &markdown.as_bytes()[..pos.min(markdown.len())];
    before.iter().rev().take_while(|&&b| b == b'\\').count() % 2 == 1
}

/// The names of the local values `{{ name }}` in one text event, found as
/// the renderer finds them.
fn value_names(t: &str, escaped_start: bool) -> Vec<String> {
    crate::markdown::values::scan(t, escaped_start)
        .into_iter()
        .map(|f| f.name.to_string())
        .collect()
}

const CELL_END: &str = "fieldguide-cell-end";
/// The destination of the image an image description is parsed in.
const IMAGE_DEST: &str = "fieldguide-image";
const FOOTNOTE_DEF: &str = "fieldguide-footnote";

/// The Markdown a segment stands for on its own.
fn standalone(kind: Kind, text: &str) -> String {
    match kind {
        Kind::Heading => format!("# {text}"),
        // A cell that splits pushes the marker out of the second column.
        Kind::TableCell => format!("| x | y |\n|---|---|\n| {text} | {CELL_END} |\n"),
        Kind::AltText => format!("![{text}]({IMAGE_DEST})"),
        _ => text.to_string(),
    }
}

/// Problems with `translation` as the translation of `source`, each a
/// sentence saying what differs, without the page's link definitions.
pub fn check(kind: Kind, source: &str, translation: &str) -> Vec<String> {
    check_in_page(kind, source, translation, &Defs::default())
}

/// Problems with `translation` as the translation of `source`, its
/// reference links read with the source page's definitions `defs`.
pub fn check_in_page(kind: Kind, source: &str, translation: &str, defs: &Defs) -> Vec<String> {
    let mut out = Vec::new();
    // The site refuses them in a page (YAML's line breaks U+0085 among
    // them), so a page written with one would not build.
    if let Some(c) = translation
        .chars()
        .find(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
    {
        let instead = if kind.one_line() {
            "or use a space"
        } else {
            "or use a space or a line break"
        };
        out.push(format!(
            "the translation holds a control character (U+{:04X}), which no page can show: remove it ({instead})",
            c as u32
        ));
    }
    out.extend(super::bidi::unpaired(translation));
    if kind.one_line() && translation.trim().contains('\n') && !source.trim().contains('\n') {
        out.push(format!(
            "a {} stays on one line; the translation has a line break",
            kind.name()
        ));
    }
    // Plain text: an image's or a link's title is escaped as it is written.
    if matches!(
        kind,
        Kind::Title | Kind::Summary | Kind::Fixed | Kind::ImageTitle | Kind::LinkTitle
    ) {
        return out;
    }
    for (marker, what) in [
        ("[!", "callout marker such as [!NOTE]"),
        ("[ ]", "task box [ ]"),
        ("[x]", "task box [x]"),
    ] {
        // `[x]: target` is a link definition, not a task box.
        let starts = |t: &str| {
            let t = t.trim_start().to_ascii_lowercase();
            t.starts_with(marker) && !t[marker.len()..].starts_with(':')
        };
        if starts(translation) && !starts(source) {
            out.push(format!(
                "the translation starts with a {what}; it belongs to the page's structure, not to the text: remove it"
            ));
        }
    }
    let mut s = facts(&standalone(kind, source), defs);
    let mut t = facts(&standalone(kind, translation), defs);
    if kind == Kind::AltText {
        // The image the description was parsed in is not the translator's:
        // when it is gone, the description broke out of it.
        let ours = |f: &mut Facts| match f.images.iter().position(|i| i == IMAGE_DEST) {
            Some(p) => {
                f.images.remove(p);
                true
            }
            None => false,
        };
        if ours(&mut s) && !ours(&mut t) {
            out.push(broken_description(translation));
            // What is left of it (a link, with a `[`) is no other problem.
            t.links.retain(|l| l.target != IMAGE_DEST);
        }
    }
    if s.blocks != t.blocks || s.cells != t.cells {
        out.push(format!(
            "the source is {}, the translation's Markdown makes {}: a line starting with `- `, `1. `, `#` or `>`, a blank line or a `|` starts something new",
            describe(&s, kind),
            describe(&t, kind)
        ));
    }
    // The source's automatic id, written out, is the source's anchor kept.
    let kept = matches!((&s.heading_id, &t.heading_id), (None, Some(b)) if super::anchors::is_source_id(source, b));
    if s.heading_id != t.heading_id && !kept {
        out.push(match (&s.heading_id, &t.heading_id) {
            (Some(a), None) => format!("the heading's id {{#{a}}} is missing: keep it at the end of the heading, as in the source"),
            (Some(a), Some(b)) => format!("the heading's id changed from {{#{a}}} to {{#{b}}}: keep {{#{a}}}, links point to it"),
            (None, Some(b)) => format!("the translation adds an id {{#{b}}} the source does not have"),
            (None, None) => unreachable!("the ids differ"),
        });
    }
    compare_classes(&mut out, &s.heading_classes, &t.heading_classes);
    compare_links(&mut out, &s.links, &t.links);
    compare(&mut out, "image", &s.images, &t.images);
    compare(&mut out, "footnote reference", &s.footnotes, &t.footnotes);
    compare_values(&mut out, &s.values, &t.values);
    compare(&mut out, "code span", &s.code, &t.code);
    compare(&mut out, "HTML tag", &s.html, &t.html);
    out
}

/// A heading's classes, the source's against the translation's.
fn compare_classes(out: &mut Vec<String>, source: &[String], translation: &[String]) {
    if source == translation {
        return;
    }
    let shown = |c: &[String]| match c.is_empty() {
        true => "none".to_string(),
        false => format!("{{{}}}", c.join(" ")),
    };
    out.push(format!(
        "the heading's classes changed from {} to {}: keep the source's, which the page's style and scripts read",
        shown(source),
        shown(translation)
    ));
}

/// Why an image description no longer parses as one: usually a bracket.
fn broken_description(translation: &str) -> String {
    let (mut depth, mut unmatched) = (0usize, None);
    let mut chars = translation.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '[' => depth += 1,
            ']' if depth == 0 => {
                unmatched.get_or_insert("]");
            }
            ']' => depth -= 1,
            _ => {}
        }
    }
    if depth > 0 {
        unmatched.get_or_insert("[");
    }
    match unmatched {
        Some(b) => format!(
            "the translation has an unmatched `{b}`, which breaks the image's Markdown: write it as `\\{b}`, or balance the brackets"
        ),
        None => {
            "the translation's Markdown breaks the image it describes (check its brackets)".into()
        }
    }
}

fn describe(f: &Facts, kind: Kind) -> String {
    if kind == Kind::TableCell {
        return match f.cells {
            1 => "one table cell".into(),
            _ => "more than one table cell".into(),
        };
    }
    if f.blocks.is_empty() {
        return "empty".into();
    }
    // What each block is called: as `facts` names it, then for one and
    // for several.
    const NAMES: [(&str, &str, &str); 11] = [
        ("heading", "heading", "headings"),
        ("paragraph", "paragraph", "paragraphs"),
        ("list", "list", "lists"),
        ("list item", "list item", "list items"),
        ("quote", "quote", "quotes"),
        ("code block", "code block", "code blocks"),
        ("table", "table", "tables"),
        ("HTML block", "HTML block", "HTML blocks"),
        ("footnote", "footnote definition", "footnote definitions"),
        (
            "rule",
            "thematic break (a line of `***`, `---` or `___`)",
            "thematic breaks (lines of `***`, `---` or `___`)",
        ),
        (
            "link definition",
            "link reference definition (`[label]: target`), which is not shown",
            "link reference definitions (`[label]: target`), which are not shown",
        ),
    ];
    let mut parts: Vec<String> = Vec::new();
    for (b, one, many) in NAMES {
        match f.blocks.iter().filter(|x| **x == b).count() {
            0 => {}
            1 => parts.push(format!("1 {one}")),
            n => parts.push(format!("{n} {many}")),
        }
    }
    if parts.is_empty() {
        return "empty".into();
    }
    parts.join(", ")
}

#[cfg(test)]
#[path = "validate_tests.rs"]
mod tests;
