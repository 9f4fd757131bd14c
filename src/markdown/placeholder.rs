//! Words in angle brackets that guidance templates ask the reader or an
//! office to fill in: `call <hotline number>`, `<Country Office>`.
//! CommonMark reads each as an HTML tag (`hotline`, with an attribute
//! `number`), which the sanitiser removed with the words in it, under a
//! warning that said its text was kept. A start tag of no HTML element,
//! written without `=` (an attribute's value, which a component has), is
//! such words: shown as written, with a warning.

use super::state::State;
use pulldown_cmark::{CowStr, Event};

/// Names of HTML elements, and of SVG's and MathML's usual ones: a tag of
/// one of these is markup, never a placeholder. (Word's and Confluence's
/// have a `prefix:`.)
const ELEMENTS: &[&str] = &[
    "a",
    "abbr",
    "acronym",
    "address",
    "applet",
    "area",
    "article",
    "aside",
    "audio",
    "b",
    "base",
    "basefont",
    "bdi",
    "bdo",
    "big",
    "blink",
    "blockquote",
    "body",
    "br",
    "button",
    "canvas",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
    "data",
    "datalist",
    "dd",
    "del",
    "details",
    "dfn",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "fieldset",
    "figcaption",
    "figure",
    "font",
    "footer",
    "form",
    "frame",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "i",
    "iframe",
    "image",
    "img",
    "input",
    "ins",
    "isindex",
    "kbd",
    "keygen",
    "label",
    "legend",
    "li",
    "link",
    "listing",
    "main",
    "map",
    "mark",
    "marquee",
    "math",
    "menu",
    "menuitem",
    "meta",
    "meter",
    "nav",
    "nobr",
    "noembed",
    "noframes",
    "noscript",
    "object",
    "ol",
    "optgroup",
    "option",
    "output",
    "p",
    "param",
    "picture",
    "plaintext",
    "portal",
    "pre",
    "progress",
    "q",
    "rb",
    "rp",
    "rt",
    "rtc",
    "ruby",
    "s",
    "samp",
    "script",
    "search",
    "section",
    "select",
    "slot",
    "small",
    "source",
    "spacer",
    "span",
    "strike",
    "strong",
    "style",
    "sub",
    "summary",
    "sup",
    "svg",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "time",
    "title",
    "tr",
    "track",
    "tt",
    "u",
    "ul",
    "var",
    "video",
    "wbr",
    "xmp",
    "xml",
];

/// The tag's name when `html` is a single start tag of no HTML element,
/// written without `=` or `/`: `<hotline number>`, `<name>`.
pub(super) fn placeholder(html: &str) -> Option<&str> {
    if let Some(name) = wiki_ref(html) {
        return Some(name);
    }
    let inner = html.strip_prefix('<')?.strip_suffix('>')?;
    if inner.contains(['=', '/', '<', '>', '"', '\'', ':']) {
        return None;
    }
    let name = inner.split_whitespace().next()?;
    let known = ELEMENTS.iter().any(|e| e.eq_ignore_ascii_case(name));
    (!known && name.chars().next()?.is_ascii_alphabetic()).then_some(name)
}

/// `ref` when `html` is MediaWiki's footnote tag with attributes:
/// `<ref name="shelter">` (a note named to be used again), `<ref
/// name=shelter />` (that note again), `<ref group="n">`. No HTML
/// element either, but with `=` and `/` it passed for a tag: the
/// sanitiser removed it and kept its note, run into the sentence ("The
/// shelterOpened in 2019. takes families").
fn wiki_ref(html: &str) -> Option<&str> {
    let inner = html.strip_prefix('<')?.strip_suffix('>')?;
    let name = inner.get(..3).filter(|n| n.eq_ignore_ascii_case("ref"))?;
    let rest = &inner[3..];
    let attributes = rest.starts_with(|c: char| c.is_ascii_whitespace() || c == '/');
    (attributes && !rest.contains(['<', '>'])).then_some(name)
}

/// `html` is the end tag of words in angle brackets shown on this page
/// (`</ref>` after `<ref>`, MediaWiki's footnote): shown as written too,
/// or the page read `<ref>A note` with its end gone.
pub(super) fn closes_shown(st: &State, html: &str) -> bool {
    html.strip_prefix("</")
        .and_then(|r| r.strip_suffix('>'))
        .map(str::trim_end)
        .is_some_and(|name| st.raw.placeholders.contains(&name.to_ascii_lowercase()))
}

/// Shows `html`, a placeholder's end tag, as written.
pub(super) fn show_end(st: &mut State, html: &str) {
    st.r.text.push_str(html);
    st.emit(Event::Text(CowStr::from(html.to_string())));
}

/// Shows `html`, a placeholder, as written, and says so once per page.
pub(super) fn show(st: &mut State, html: &str, pos: usize) {
    if let Some(name) = placeholder(html) {
        st.raw.placeholders.insert(name.to_ascii_lowercase());
    }
    // As text, so that a heading's id and contents entry keep the words.
    st.r.text.push_str(html);
    st.emit(Event::Text(CowStr::from(html.to_string())));
    // MediaWiki's footnote, `<ref>The note.</ref>`: not words to replace,
    // a note in the middle of the sentence.
    if placeholder(html).is_some_and(|name| name.eq_ignore_ascii_case("ref")) {
        // One message for every such tag, named or not: a page has dozens.
        return st.warn_once_per_page(
            pos,
            "`<ref>` is MediaWiki's footnote: shown as written, its note in the middle of the sentence with the tags".into(),
            "write a footnote instead: `[^1]` where `<ref>…</ref>` is, and the note on a line of its own after the paragraph, `[^1]: The note.`; a named note, `<ref name=\"shelter\">…</ref>`, and each `<ref name=\"shelter\" />` that uses it again, are `[^shelter]`",
        );
    }
    st.warn_once_per_page(
        pos,
        format!("`{html}` is no HTML tag: shown as written, with its angle brackets (raw HTML would remove it, words and all)"),
        "words for readers to replace are right as written: write `\\<` before them (`\\<name of focal point>`) to say so and this warning goes; for a value each local edition fills in, write `{{hotline}}` and give it in values.yaml",
    );
}

#[cfg(test)]
mod tests {
    use super::placeholder;

    #[test]
    fn words_in_angle_brackets_are_placeholders_and_tags_are_not() {
        assert_eq!(placeholder("<hotline number>"), Some("hotline"));
        assert_eq!(placeholder("<Country Office>"), Some("Country"));
        assert_eq!(placeholder("<name>"), Some("name"));
        for tag in [
            "<b>",
            "<FONT face>",
            "<TabItem value=\"a\">",
            "<o:p>",
            "</hotline>",
            "<br/>",
            "<iframe src>",
            "<ac:structured-macro>",
            "<references/>",
            "<ref name=\"a\"><b>",
        ] {
            assert_eq!(placeholder(tag), None, "{tag}");
        }
    }

    #[test]
    fn mediawiki_footnote_tags_are_shown_with_their_names() {
        for tag in [
            "<ref>",
            "<ref name=\"shelter\">",
            "<REF name=shelter />",
            "<ref name='who 2019'/>",
            "<ref group=\"n\">",
        ] {
            assert!(
                placeholder(tag).is_some_and(|n| n.eq_ignore_ascii_case("ref")),
                "{tag}"
            );
        }
    }
}
