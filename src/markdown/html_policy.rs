//! What raw HTML may keep, decided the way GitHub does: html5ever splits
//! the HTML into tokens exactly as a browser would, and ammonia, a
//! maintained allowlist sanitiser, decides which elements, attributes and
//! URLs pass. Formatting and structure pass (`br`, `p`, `i`, `b`, `sup`,
//! `span`, `div`, lists, tables, `details`, `kbd`, `img`, `a`); scripts,
//! styles, event handlers, frames, forms and `javascript:` URLs do not.
//!
//! Pure functions, no page state: `raw_html` walks the tokens of a page.

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Elements kept, as on GitHub (without `picture`/`source`, which load
/// other files, or headings' own ids, which the page's ids would clash with).
const TAGS: &[&str] = &[
    "a",
    "abbr",
    "b",
    "bdi",
    "bdo",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "small",
    "span",
    "strike",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "tt",
    "u",
    "ul",
    "var",
    "wbr",
];

/// Attributes kept on any kept element.
const GENERIC_ATTRIBUTES: &[&str] = &["title", "lang", "dir"];

/// Attributes kept on particular elements. `href` and `src` were resolved
/// to files of the site before ammonia sees them; `id` is handled by the
/// page (it must be unique).
const TAG_ATTRIBUTES: &[(&str, &[&str])] = &[
    ("a", &["href"]),
    ("img", &["src", "alt", "width", "height", "align"]),
    ("td", &["colspan", "rowspan", "align", "valign"]),
    ("th", &["colspan", "rowspan", "align", "valign", "scope"]),
    ("table", &["align"]),
    ("p", &["align"]),
    ("div", &["align"]),
    ("h1", &["align"]),
    ("h2", &["align"]),
    ("h3", &["align"]),
    ("h4", &["align"]),
    ("h5", &["align"]),
    ("h6", &["align"]),
    ("ol", &["start", "type", "reversed"]),
    ("li", &["value"]),
    ("details", &["open"]),
    ("time", &["datetime"]),
    ("del", &["datetime"]),
    ("ins", &["datetime"]),
];

/// Elements removed with everything inside them: their content is code,
/// a document of its own, drawing instructions or data (Word's `<xml>`
/// settings), never text to show.
pub(super) const DROPPED_WITH_CONTENT: &[&str] = &[
    "script",
    "style",
    "template",
    "textarea",
    "title",
    "noscript",
    "iframe",
    "noembed",
    "noframes",
    "xmp",
    "plaintext",
    "object",
    "svg",
    "math",
    "select",
    "head",
    "xml",
];

/// Elements that have no end tag.
pub(super) const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

static POLICY: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::empty();
    let attributes: HashMap<&str, HashSet<&str>> = TAG_ATTRIBUTES
        .iter()
        .map(|(tag, attrs)| (*tag, attrs.iter().copied().collect()))
        .collect();
    b.tags(TAGS.iter().copied().collect())
        .tag_attributes(attributes)
        .generic_attributes(GENERIC_ATTRIBUTES.iter().copied().collect())
        .url_schemes(["http", "https", "mailto", "tel"].into_iter().collect())
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(None)
        .strip_comments(true);
    b
});

/// Whether the element is ever kept (before looking at its attributes).
pub(super) fn is_allowed(name: &str) -> bool {
    TAGS.contains(&name)
}

/// The start tag ammonia keeps of `probe` (one start tag, `<name ...>`,
/// with its values already escaped), or `None` if the element is removed.
/// Table parts are wrapped in a table, or an HTML parser drops them.
pub(super) fn sanitise_start_tag(name: &str, probe: &str) -> Option<String> {
    let wrapped = match name {
        "td" | "th" => format!("<table><tbody><tr>{probe}</tr></tbody></table>"),
        "tr" => format!("<table><tbody>{probe}</tbody></table>"),
        "thead" | "tbody" | "tfoot" | "caption" => format!("<table>{probe}</table>"),
        _ => probe.to_string(),
    };
    let clean = POLICY.clean(&wrapped).to_string();
    extract_start_tag(&clean, name)
}

/// The first `<name ...>` in ammonia's output. Its serializer quotes every
/// value with `"` (and writes `"` inside as `&quot;`), so the tag ends at
/// the first `>` outside quotes. `<` and `>` inside values are escaped too,
/// so that no later reader can mistake them for a tag.
fn extract_start_tag(html: &str, name: &str) -> Option<String> {
    let needle = format!("<{name}");
    let mut from = 0;
    while let Some(i) = html[from..].find(&needle) {
        let start = from + i;
        let after = start + needle.len();
        if matches!(html.as_bytes().get(after), Some(b' ' | b'>' | b'/')) {
            let mut tag = String::new();
            let mut quoted = false;
            for c in html[start..].chars() {
                match c {
                    '"' => quoted = !quoted,
                    '>' if !quoted => {
                        tag.push('>');
                        return Some(tag);
                    }
                    '<' if quoted => {
                        tag.push_str("&lt;");
                        continue;
                    }
                    '>' => {
                        tag.push_str("&gt;");
                        continue;
                    }
                    _ => {}
                }
                tag.push(c);
            }
            return None;
        }
        from = after;
    }
    None
}

/// Collects tokens; after the start tag of an element whose content is
/// raw text (`<script>`, `<style>`), tells the tokenizer so, as a
/// browser's tree builder would, so that the content stays one text token.
#[derive(Default)]
struct Collect {
    tokens: RefCell<Vec<(Token, u64)>>,
}

impl TokenSink for Collect {
    type Handle = ();

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<()> {
        let next = match &token {
            Token::TagToken(t) if t.kind == html5ever::tokenizer::StartTag => match &*t.name {
                "script" => TokenSinkResult::RawData(RawKind::ScriptData),
                "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
                    TokenSinkResult::RawData(RawKind::Rawtext)
                }
                "textarea" | "title" => TokenSinkResult::RawData(RawKind::Rcdata),
                "plaintext" => TokenSinkResult::Plaintext,
                _ => TokenSinkResult::Continue,
            },
            _ => TokenSinkResult::Continue,
        };
        self.tokens.borrow_mut().push((token, line));
        next
    }
}

/// Whether a start tag of `html` has more than
/// [`crate::xml_bounds::MAX_ATTRIBUTES`] attributes (counted as words
/// outside quoted values, never fewer than the tokenizer reads): the
/// tokenizer checks each attribute against every one before it, so such a
/// tag costs the square of its length. One pass, each byte looked at once.
pub(super) fn crowded_tag(html: &str) -> bool {
    let b = html.as_bytes();
    let mut i = 0;
    while let Some(p) = html[i..].find('<') {
        let start = i + p;
        let mut j = start + 1;
        if !b.get(j).is_some_and(u8::is_ascii_alphabetic) {
            i = j;
            continue;
        }
        let (mut words, mut quote, mut space) = (0, None, false);
        while let Some(&c) = b.get(j) {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, b'>') => break,
                (None, c) if c.is_ascii_whitespace() || c == b'/' => space = true,
                (None, c) => {
                    if c == b'"' || c == b'\'' {
                        quote = Some(c);
                    }
                    if space {
                        words += 1;
                        if words > crate::xml_bounds::MAX_ATTRIBUTES {
                            return true;
                        }
                    }
                    space = false;
                }
            }
            j += 1;
        }
        i = j;
    }
    false
}

/// The HTML tokens of `html`, each with its 1-based line in `html`.
pub(crate) fn tokens(html: &str) -> Vec<(Token, u64)> {
    let tokenizer = Tokenizer::new(Collect::default(), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.tokens.take()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crowded_tags_are_found() {
        let many = |n: usize| -> String { (0..n).map(|i| format!(" a{i}=\"x y\"")).collect() };
        assert!(!crowded_tag(&format!("<span{}>", many(256))));
        assert!(crowded_tag(&format!("<p>x</p><span{}>", many(257))));
        assert!(crowded_tag(&format!("<span{}>", " a".repeat(300))));
        assert!(!crowded_tag(&format!("<!--{} -->x < y", " a".repeat(300))));
    }

    #[test]
    fn keeps_formatting_and_drops_what_runs() {
        let s = |name: &str, probe: &str| sanitise_start_tag(name, probe);
        assert_eq!(s("sup", "<sup>").as_deref(), Some("<sup>"));
        assert_eq!(
            s("img", "<img src=\"a.png\" alt=\"x\" onerror=\"alert(1)\">").as_deref(),
            Some("<img src=\"a.png\" alt=\"x\">")
        );
        assert_eq!(
            s("a", "<a href=\"javascript:alert(1)\" title=\"t\">").as_deref(),
            Some("<a title=\"t\">")
        );
        assert_eq!(
            s("span", "<span style=\"background:url(x)\">").as_deref(),
            Some("<span>")
        );
        assert_eq!(
            s("td", "<td colspan=\"2\" onclick=\"x\">").as_deref(),
            Some("<td colspan=\"2\">")
        );
        assert_eq!(
            s("th", "<th scope=\"col\">").as_deref(),
            Some("<th scope=\"col\">")
        );
        assert_eq!(s("tr", "<tr>").as_deref(), Some("<tr>"));
        assert_eq!(
            s("details", "<details open=\"\">").as_deref(),
            Some("<details open=\"\">")
        );
        assert_eq!(s("iframe", "<iframe srcdoc=\"x\">"), None);
        assert_eq!(s("form", "<form>"), None);
        assert_eq!(
            s("img", "<img alt=\"&lt;script&gt;\" title='a\"b'>").as_deref(),
            Some("<img alt=\"&lt;script&gt;\" title=\"a&quot;b\">")
        );
    }

    #[test]
    fn tokenizes_like_a_browser() {
        let t = tokens("<script>document.write('<img src=x onerror=alert(1)>')</script><b>x</b>");
        let tags: Vec<String> = t
            .iter()
            .filter_map(|(tok, _)| match tok {
                Token::TagToken(tag) => Some(format!("{:?}:{}", tag.kind, &*tag.name)),
                _ => None,
            })
            .collect();
        assert_eq!(
            tags,
            ["StartTag:script", "EndTag:script", "StartTag:b", "EndTag:b"]
        );
        // A tag cut off by the end of the input is no tag at all.
        assert!(
            tokens("<div title=\"a")
                .iter()
                .all(|(t, _)| !matches!(t, Token::TagToken(_)))
        );
    }
}
