//! Checks a translated segment against its source before anything is
//! written: the same link targets and anchors, images, footnotes, code
//! spans and explicit ids, no callout or task marker slipped in, and the
//! same blocks (a translated list item must not become two items, a
//! table cell must stay one cell).

use super::segments::Kind;
use pulldown_cmark::{BrokenLink, CowStr, Event, LinkType, Parser, Tag};

/// What a piece of Markdown contains that a translation must keep.
#[derive(Debug, Default, PartialEq)]
struct Facts {
    blocks: Vec<&'static str>,
    links: Vec<String>,
    images: Vec<String>,
    footnotes: Vec<String>,
    code: Vec<String>,
    html: Vec<String>,
    heading_id: Option<String>,
    /// For a table cell: how many cells its text makes (see `standalone`).
    cells: usize,
}

fn facts(markdown: &str) -> Facts {
    let mut f = Facts::default();
    // A reference link whose definition is elsewhere in the page still has
    // a target to compare: its label. (`[text]` alone is often just text.)
    let mut refs = |link: BrokenLink<'_>| -> Option<(CowStr<'_>, CowStr<'_>)> {
        (!matches!(
            link.link_type,
            LinkType::Shortcut | LinkType::ShortcutUnknown
        ))
        .then(|| (format!("[{}]", link.reference).into(), "".into()))
    };
    let parser = Parser::new_with_broken_link_callback(
        markdown,
        crate::markdown::md_options(),
        Some(&mut refs),
    );
    let (mut row, mut cell, mut end_mark) = (0, 0, false);
    for event in parser {
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => f.blocks.push("paragraph"),
                Tag::Heading { id, .. } => {
                    f.blocks.push("heading");
                    f.heading_id = id.map(|i| i.to_string());
                }
                Tag::BlockQuote(_) => f.blocks.push("quote"),
                Tag::CodeBlock(_) => f.blocks.push("code block"),
                Tag::HtmlBlock => f.blocks.push("HTML block"),
                Tag::List(_) => f.blocks.push("list"),
                Tag::Item => f.blocks.push("list item"),
                Tag::Table(_) => f.blocks.push("table"),
                Tag::FootnoteDefinition(_) => f.blocks.push("footnote"),
                Tag::TableRow => row += 1,
                Tag::TableCell if row == 1 => cell += 1,
                Tag::Link { dest_url, .. } => f.links.push(dest_url.to_string()),
                Tag::Image { dest_url, .. } => f.images.push(dest_url.to_string()),
                _ => {}
            },
            Event::Text(t) if row == 1 && cell == 2 => end_mark = &*t == CELL_END,
            Event::Code(c) => f.code.push(c.to_string()),
            Event::FootnoteReference(l) => f.footnotes.push(l.to_string()),
            Event::InlineHtml(h) => f.html.push(h.to_string()),
            Event::Rule => f.blocks.push("rule"),
            _ => {}
        }
    }
    f.cells = if end_mark { 1 } else { 2 };
    for v in [
        &mut f.links,
        &mut f.images,
        &mut f.footnotes,
        &mut f.code,
        &mut f.html,
    ] {
        v.sort();
    }
    f
}

const CELL_END: &str = "fieldguide-cell-end";

/// The Markdown a segment stands for on its own.
fn standalone(kind: Kind, text: &str) -> String {
    match kind {
        Kind::Heading => format!("# {text}"),
        // A cell that splits pushes the marker out of the second column.
        Kind::TableCell => format!("| x | y |\n|---|---|\n| {text} | {CELL_END} |\n"),
        Kind::AltText => format!("![{text}](x)"),
        _ => text.to_string(),
    }
}

/// Problems with `translation` as the translation of `source`, each a
/// sentence saying what differs.
pub fn check(kind: Kind, source: &str, translation: &str) -> Vec<String> {
    let mut out = Vec::new();
    if kind.one_line() && translation.trim().contains('\n') && !source.trim().contains('\n') {
        out.push(format!(
            "a {} stays on one line; the translation has a line break",
            kind.name()
        ));
    }
    if matches!(kind, Kind::Title | Kind::Summary | Kind::Fixed) {
        return out;
    }
    for (marker, what) in [
        ("[!", "callout marker such as [!NOTE]"),
        ("[ ]", "task box [ ]"),
        ("[x]", "task box [x]"),
    ] {
        let starts = |t: &str| t.trim_start().to_ascii_lowercase().starts_with(marker);
        if starts(translation) && !starts(source) {
            out.push(format!(
                "the translation starts with a {what}; it belongs to the page's structure, not to the text: remove it"
            ));
        }
    }
    let s = facts(&standalone(kind, source));
    let t = facts(&standalone(kind, translation));
    if s.blocks != t.blocks || s.cells != t.cells {
        out.push(format!(
            "the source is {}, the translation's Markdown makes {}: a line starting with `- `, `1. `, `#` or `>`, a blank line or a `|` starts something new",
            describe(&s, kind),
            describe(&t, kind)
        ));
    }
    if s.heading_id != t.heading_id {
        out.push(match (&s.heading_id, &t.heading_id) {
            (Some(a), None) => format!("the heading's id {{#{a}}} is missing: keep it at the end of the heading, as in the source"),
            (Some(a), Some(b)) => format!("the heading's id changed from {{#{a}}} to {{#{b}}}: keep {{#{a}}}, links point to it"),
            (None, Some(b)) => format!("the translation adds an id {{#{b}}} the source does not have"),
            (None, None) => unreachable!("the ids differ"),
        });
    }
    compare(&mut out, "link to", &s.links, &t.links);
    compare(&mut out, "image", &s.images, &t.images);
    compare(&mut out, "footnote reference", &s.footnotes, &t.footnotes);
    compare(&mut out, "code span", &s.code, &t.code);
    compare(&mut out, "HTML tag", &s.html, &t.html);
    out
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
    let mut parts: Vec<String> = Vec::new();
    for b in [
        "heading",
        "paragraph",
        "list",
        "list item",
        "quote",
        "code block",
        "table",
    ] {
        let n = f.blocks.iter().filter(|x| **x == b).count();
        if n > 0 {
            parts.push(if n == 1 {
                format!("1 {b}")
            } else {
                format!("{n} {b}s")
            });
        }
    }
    parts.join(", ")
}

/// Reports what the source has that the translation lacks, and the reverse.
fn compare(out: &mut Vec<String>, what: &str, source: &[String], translation: &[String]) {
    let missing = minus(source, translation);
    let extra = minus(translation, source);
    if !missing.is_empty() {
        out.push(format!(
            "the translation has no {what} {} (the source has)",
            quote(&missing)
        ));
    }
    if !extra.is_empty() {
        out.push(format!(
            "the translation has a {what} {} that the source does not",
            quote(&extra)
        ));
    }
}

fn minus<'a>(a: &'a [String], b: &[String]) -> Vec<&'a str> {
    let mut rest: Vec<&str> = b.iter().map(String::as_str).collect();
    let mut out = Vec::new();
    for x in a {
        match rest.iter().position(|y| y == x) {
            Some(p) => {
                rest.remove(p);
            }
            None => out.push(x.as_str()),
        }
    }
    out
}

fn quote(items: &[&str]) -> String {
    items
        .iter()
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_faithful_translation_passes() {
        let src = "See the [indicators](02-indicators.md#signs) and `form A`[^n].";
        let tr = "Voir `form A` et les [indicateurs](02-indicators.md#signs)[^n].";
        assert_eq!(check(Kind::Paragraph, src, tr), Vec::<String>::new());
        assert!(check(Kind::Heading, "Safe {#safe}", "Sûr {#safe}").is_empty());
        assert!(check(Kind::TableCell, "Mon–Fri", "Lun–Ven").is_empty());
        assert!(check(Kind::AltText, "A *flow*", "Un *schéma*").is_empty());
    }

    #[test]
    fn broken_translations_say_what_differs() {
        let src = "See the [indicators](02-indicators.md#signs).";
        assert_eq!(
            check(
                Kind::Paragraph,
                src,
                "Voir les [indicateurs](02-indicators.md#sign)."
            ),
            [
                "the translation has no link to `02-indicators.md#signs` (the source has)",
                "the translation has a link to `02-indicators.md#sign` that the source does not"
            ]
        );
        assert_eq!(
            check(Kind::Heading, "Safe {#safe}", "Sûr"),
            [
                "the heading's id {#safe} is missing: keep it at the end of the heading, as in the source"
            ]
        );
        let lost = check(Kind::ListItem, "Listen.", "Écouter.\n- Informer.");
        assert_eq!(lost.len(), 1);
        assert!(
            lost[0].starts_with("the source is 1 paragraph, the translation's Markdown makes 1 paragraph, 1 list, 1 list item:"),
            "{lost:?}"
        );
        assert_eq!(
            check(Kind::TableCell, "24/7", "24 | 7"),
            [
                "the source is one table cell, the translation's Markdown makes more than one table cell: a line starting with `- `, `1. `, `#` or `>`, a blank line or a `|` starts something new"
            ]
        );
        assert_eq!(
            check(Kind::Paragraph, "Body.", "[!TIP] Corps."),
            [
                "the translation starts with a callout marker such as [!NOTE]; it belongs to the page's structure, not to the text: remove it"
            ]
        );
        assert_eq!(
            check(Kind::Paragraph, "Use `x`.", "Utiliser x."),
            ["the translation has no code span `x` (the source has)"]
        );
    }
}
