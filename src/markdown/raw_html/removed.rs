//! What the sanitiser of raw HTML says it removed: tags, attributes (the
//! formatting Word puts on every element in one warning per page), end
//! tags of no element, each at the line of the tag.

use crate::markdown::html_policy::VOID;
use crate::markdown::state::{State, Stripped};

pub(super) const HINT: &str = "raw HTML keeps formatting and structure tags (br, p, i, b, sup, span, div, lists, tables, details, kbd, img, a), as on GitHub; write the rest in Markdown, or set `allow_raw_html: true` in site.yaml if every author is trusted";

/// The body offset of `needle` (ASCII, any case) on the line from `at`,
/// (within 4 KB), or `at`: a tag's own column where the tokenizer gives only its line.
pub(super) fn find_on_line(st: &State, at: usize, needle: &str) -> usize {
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
pub(super) fn removed_attribute(st: &mut State, attr: &str, name: &str, at: usize) {
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
pub(in crate::markdown) fn stripped_warning(st: &mut State) {
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

pub(super) fn removed(st: &mut State, name: &str, at: usize) {
    let msg = if VOID.contains(&name) {
        format!("`<{name}>` removed from raw HTML")
    } else {
        format!("`<{name}>` removed from raw HTML; its text is kept")
    };
    // Formatting tags (`<font>`, `<center>`): once per page, with a count.
    let hint = match name {
        "aside" => ASIDE,
        "tabs" | "tabitem" => TABS,
        "admonition" => ADMONITION,
        "references" => REFERENCES,
        _ => HINT,
    };
    st.warn_once_per_page(at, msg, hint);
}

/// Docusaurus's `<Link to="/handbook/signs">the signs</Link>`: HTML's
/// `<link>` has no `to`, so a `to` marks the component. Its address.
pub(super) fn docusaurus_link<'t>(
    name: &str,
    tag: &'t html5ever::tokenizer::Tag,
) -> Option<&'t str> {
    if name != "link" {
        return None;
    }
    tag.attrs
        .iter()
        .find(|a| &*a.name.local == "to")
        .map(|a| &*a.value)
}

/// The component's text is kept and its address lost: said with the
/// address, and the page's Markdown file when a page has its last part's
/// name (the generic hint said only that raw HTML keeps some tags).
pub(super) fn link_component(st: &mut State, to: &str, at: usize) {
    let dir = st.site.docs[st.doc].file.dir.clone();
    let hint = match crate::markdown::hints::route(st.site, &dir, to) {
        Some(page) => format!(
            "write a Markdown link around its text instead, `[its text](…)`, and delete the `<Link>` and `</Link>` tags; for `{to}`, {page}"
        ),
        None => format!(
            "write a Markdown link around its text instead, `[its text](chapter.md)`, to the Markdown file of the page `{to}` was on the old site; delete the `<Link>` and `</Link>` tags"
        ),
    };
    st.warn(
        at,
        format!("Docusaurus's `<Link to=\"{to}\">` removed from raw HTML: its text is kept, not its link"),
        Some(&hint),
    );
}

/// Docusaurus pages (its `.md` are read as MDX) write content tabs as
/// components; each tab's label is an attribute, lost with the tag.
const TABS: &str = "Docusaurus's tabs, `<Tabs>` and `<TabItem value=\"…\" label=\"…\">`, are MDX components, and a tab's label goes with its tag: fieldguide has no tabs; write each tab as a section of its own, its label as the heading (`### Phone`), and delete the tags' lines";

/// Docusaurus's `<Admonition type="warning" title="…">`, as an MDX page
/// writes a `:::warning` block: its kind and title are attributes, lost
/// with the tag, and `allow_raw_html` would not show them either.
const ADMONITION: &str = "Docusaurus's `<Admonition type=\"…\" title=\"…\">` is an MDX component, and its kind and title go with its tag: write a callout instead, a quote whose first line is `> [!WARNING]` (NOTE for note and info, TIP, CAUTION for danger), then its title in bold, `> **The title**`, and its text, each line with `> ` in front; delete the tags' lines";

/// MediaWiki's `<references/>` is where a page lists its `<ref>` notes.
const REFERENCES: &str = "MediaWiki's `<references/>` is where its page lists the notes of its `<ref>` tags: fieldguide lists a page's footnotes at its end by itself, so delete the line, and write each `<ref>…</ref>` as a footnote, `[^1]` in the sentence and `[^1]: The note.` on a line of its own";

/// Notion exports each of its callouts as an `<aside>`, its icon first.
const ASIDE: &str = "Notion exports its callouts as `<aside>`: write a callout instead, a quote whose first line is `> [!NOTE]` (or TIP, IMPORTANT, WARNING, CAUTION), then the text with `> ` in front";

/// An end tag of no element started before it on the page (`</note>`
/// left by a converter, the end of an element whose start went with
/// another chapter): dropped, as before, and now said, once per page and
/// tag. One whose element started earlier, in another Markdown block,
/// was closed with that block: it changes nothing readers see.
pub(super) fn stray_end(st: &mut State, name: &str, at: usize) {
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
