//! Checks a translated segment against its source before anything is
//! written: the same link targets and anchors, images, footnote
//! references, local values (`{{hotline}}`), code spans and explicit ids,
//! no callout or task marker slipped in, and the same blocks (a translated
//! list item must not become two items, a table cell must stay one cell).

use super::compare::{compare, compare_values};
use super::segments::Kind;
use pulldown_cmark::{BrokenLink, CowStr, Event, LinkType, Parser, Tag, TagEnd};

/// What a piece of Markdown contains that a translation must keep.
#[derive(Debug, Default, PartialEq)]
struct Facts {
    blocks: Vec<&'static str>,
    links: Vec<String>,
    images: Vec<String>,
    footnotes: Vec<String>,
    /// The names of the local values used, `{{hotline}}` as `hotline`.
    values: Vec<String>,
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
    let (mut row, mut cell, mut end_mark, mut in_code) = (0, 0, false, false);
    for (event, range) in parser.into_offset_iter() {
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => f.blocks.push("paragraph"),
                Tag::Heading { id, .. } => {
                    f.blocks.push("heading");
                    f.heading_id = id.map(|i| i.to_string());
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
                Tag::Link { dest_url, .. } => f.links.push(dest_url.to_string()),
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
            Event::Rule => f.blocks.push("rule"),
            _ => {}
        }
    }
    f.cells = if end_mark { 1 } else { 2 };
    f.footnotes = footnote_references(markdown);
    for v in [
        &mut f.links,
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
/// sentence saying what differs.
pub fn check(kind: Kind, source: &str, translation: &str) -> Vec<String> {
    let mut out = Vec::new();
    // The site refuses them in a page (YAML's line breaks U+0085 among
    // them), so a page written with one would not build.
    if let Some(c) = translation
        .chars()
        .find(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
    {
        out.push(format!(
            "the translation holds a control character (U+{:04X}), which no page can show: remove it (or use a space or a line break)",
            c as u32
        ));
    }
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
    let mut s = facts(&standalone(kind, source));
    let mut t = facts(&standalone(kind, translation));
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
            t.links.retain(|l| l != IMAGE_DEST);
        }
    }
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
    compare_values(&mut out, &s.values, &t.values);
    compare(&mut out, "code span", &s.code, &t.code);
    compare(&mut out, "HTML tag", &s.html, &t.html);
    out
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

    #[test]
    fn footnote_references_are_compared_without_their_definitions() {
        let src = "Someone else sells their assistance[^assistance].";
        let ok = "Quelqu'un d'autre vend leur aide[^assistance].";
        assert!(check(Kind::ListItem, src, ok).is_empty());
        assert_eq!(
            check(
                Kind::ListItem,
                src,
                "Quelqu'un d'autre vend leur aide[^aide]."
            ),
            [
                "the translation has no footnote reference `assistance` (the source has)",
                "the translation has a footnote reference `aide` that the source does not"
            ]
        );
        assert_eq!(
            check(Kind::ListItem, src, "Quelqu'un d'autre vend leur aide."),
            ["the translation has no footnote reference `assistance` (the source has)"]
        );
        assert_eq!(
            check(
                Kind::ListItem,
                src,
                "Quelqu'un d'autre vend leur aide[^assistance][^assistance]."
            ),
            [
                "the translation has the footnote reference `assistance` twice where the source has it once: keep it as many times"
            ]
        );
        assert_eq!(
            check(Kind::Paragraph, "A[^f1] b[^f1].", "A[^f1] b."),
            [
                "the translation has the footnote reference `f1` once where the source has it twice: keep it as many times"
            ]
        );
        assert_eq!(
            check(Kind::Paragraph, "A.", "A ![x](y.png)."),
            ["the translation has an image `y.png` that the source does not"]
        );
        // In a code span or escaped, it is text, as in the page.
        assert_eq!(footnote_references("a `[^x]` b \\[^y] c[^z] [^w"), ["z"]);
        assert!(check(Kind::Heading, "Safe[^n] {#safe}", "Sûr[^n] {#safe}").is_empty());
        assert!(check(Kind::TableCell, "Yes[^n]", "Non").len() == 1);
    }

    #[test]
    fn local_values_are_kept_as_in_the_source() {
        let src = "Call the emergency number: **{{emergency}}**.";
        assert!(check(Kind::ListItem, src, "Appelez le **{{ emergency }}**.").is_empty());
        assert_eq!(
            check(
                Kind::ListItem,
                src,
                "Appelez le numéro d'urgence : **{{urgence}}**."
            ),
            [
                "the translation uses the value `{{urgence}}` where the source uses `{{emergency}}`: a value's name is not translated, keep it as in the source"
            ]
        );
        assert_eq!(
            check(Kind::ListItem, src, "Appelez le numéro d'urgence."),
            [
                "the translation has no value `{{emergency}}` (the source has): keep it, spelt as in the source"
            ]
        );
        assert_eq!(
            check(Kind::Paragraph, "Call.", "Appelez {{hotline}}."),
            [
                "the translation uses the value `{{hotline}}` that the source does not (it uses none): keep only the source's values"
            ]
        );
        // Escaped braces and code spans are not values.
        assert!(
            check(
                Kind::Paragraph,
                "Call `{{y}}`.",
                "Appelez \\{{x}} ou `{{y}}`."
            )
            .is_empty()
        );
        assert_eq!(check(Kind::TableCell, "{{a}}", "{{b}}").len(), 1);
    }

    #[test]
    fn control_characters_are_refused() {
        assert_eq!(
            check(Kind::Title, "Asking", "Poser\u{85}des"),
            [
                "the translation holds a control character (U+0085), which no page can show: remove it (or use a space or a line break)"
            ]
        );
        assert!(check(Kind::Title, "Asking", "Poser\u{2028}des").is_empty());
    }

    #[test]
    fn a_broken_image_description_says_why() {
        assert_eq!(
            check(Kind::AltText, "Referral flow diagram", "Diagramme ] flux"),
            [
                "the translation has an unmatched `]`, which breaks the image's Markdown: write it as `\\]`, or balance the brackets"
            ]
        );
        assert_eq!(
            check(Kind::AltText, "Flow", "Diagramme [ flux"),
            [
                "the translation has an unmatched `[`, which breaks the image's Markdown: write it as `\\[`, or balance the brackets"
            ]
        );
        assert!(check(Kind::AltText, "Flow", "Diagramme [de] flux").is_empty());
        assert!(check(Kind::AltText, "Flow", "Diagramme \\] flux").is_empty());
    }
}
