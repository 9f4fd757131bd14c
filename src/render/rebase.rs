//! Each chapter's HTML, rendered for its web page, placed in the print
//! page: ids prefixed per chapter (so two chapters' `#principles` do not
//! clash), links rebased (a link to another chapter of the publication
//! becomes a link inside the document, any other relative link is
//! rewritten from the chapter's folder to the print page's), and headings
//! moved below the chapter's title.

use super::print::{heading_level, section_id, section_ids};
use crate::config::LangId;
use crate::content::model::{NodeId, Site};
use crate::markdown::escape;
use crate::markdown::links::{encode_path, is_top, percent_decode, relative};
use std::collections::HashMap;

/// What a print page needs to rebase each chapter: the publication's
/// pages by path, and the print page's own path.
pub struct Rebaser {
    print_path: String,
    code: String,
    ids: HashMap<String, String>,
    sections: HashMap<NodeId, String>,
    depth0: usize,
}

impl Rebaser {
    pub fn new(site: &Site, publication: NodeId, lang: LangId) -> Self {
        let order = &site.reading_order[&publication];
        let code = site.config.languages[lang].code.clone();
        let print_path = format!("{code}/{}print.html", site.nodes[publication].out_dir());
        let sections = section_ids(site, publication);
        // Pages of this publication by their path, to turn links into anchors.
        let ids = order
            .iter()
            .map(|&n| {
                (
                    format!("{code}/{}", site.nodes[n].url),
                    sections[&n].clone(),
                )
            })
            .collect();
        Rebaser {
            print_path,
            code,
            ids,
            sections,
            depth0: site.ancestors(publication).len(),
        }
    }

    /// One page's HTML, with ids prefixed and links rebased for the print page.
    pub fn chapter(&self, site: &Site, node: NodeId, html: &str) -> String {
        let prefix = self
            .sections
            .get(&node)
            .cloned()
            .unwrap_or_else(|| section_id(site, node));
        let page_path = format!("{}/{}", self.code, site.nodes[node].url);
        // A page's sections start at `<h2>` under its `<h1>` title; here
        // they go under the chapter's own title.
        let depth = site.ancestors(node).len().saturating_sub(self.depth0);
        let shift = heading_level(depth) - 1;
        let page = Page {
            prefix: &prefix,
            path: &page_path,
            shift,
        };
        rebase(html, &page, &self.print_path, &self.ids)
    }
}

/// One page of the publication, as [`rebase`] places it in the print page.
struct Page<'a> {
    /// Its id prefix there.
    prefix: &'a str,
    /// Its own path from the output root.
    path: &'a str,
    /// How many levels its headings go down (capped at `<h6>`).
    shift: usize,
}

/// Rewrites `id`, `href` and `src` attributes of one page's HTML for the
/// print document, moves its headings down by the page's shift, and drops
/// `loading` (`lazy`): paper cannot load an image later, and a browser may
/// print before a lazy image far down the document has arrived. The HTML
/// is our own output, so attributes are always written `name="value"`.
fn rebase(html: &str, page: &Page, print: &str, ids: &HashMap<String, String>) -> String {
    let (prefix, shift) = (page.prefix, page.shift);
    let page = page.path;
    // Looked for only when a link asks: most pages have no `#top` link.
    let has_top = std::cell::OnceCell::new();
    let has_top = || *has_top.get_or_init(|| html.contains(" id=\"top\""));
    let mut out = String::with_capacity(html.len() + html.len() / 16);
    // Text never holds a raw `<` or `>` (both are escaped), so tags are
    // exactly the `<...>` spans; attributes are only looked for inside them,
    // in one pass. Text that reads `id="x"` stays as it is.
    let mut copied = 0;
    let mut pos = 0;
    // memchr's search, many bytes at a time (`str::find` of a char is not):
    // a print page is every page of its publication again.
    let bytes = html.as_bytes();
    while let Some(open) = memchr::memchr(b'<', &bytes[pos..]).map(|p| pos + p) {
        let Some(close) = memchr::memchr(b'>', &bytes[open..]).map(|p| open + p) else {
            break;
        };
        let tag = &html[open..close];
        if let Some(at) = heading_digit(tag).filter(|_| shift > 0) {
            let level = (tag.as_bytes()[at] - b'0') as usize;
            out.push_str(&html[copied..open + at]);
            out.push(char::from(b'0' + (level + shift).min(6) as u8));
            copied = open + at + 1;
        }
        // `="` found by its `=` with memchr: `match_indices` set up a
        // string searcher for each of a print page's tags.
        let quoted = |&i: &usize| tag.as_bytes().get(i + 1) == Some(&b'"');
        for eq in memchr::memchr_iter(b'=', tag.as_bytes()).filter(quoted) {
            let at = open + eq;
            if at < copied {
                continue;
            }
            let before = &tag[..eq];
            let kind = if before.ends_with(" id") || before.ends_with(" for") {
                Attr::Id
            } else if before.ends_with(" href") || before.ends_with(" src") {
                Attr::Url
            } else if before.ends_with(" loading") {
                Attr::Loading
            } else {
                continue;
            };
            let value_start = at + 2;
            let Some(len) = memchr::memchr(b'"', &bytes[value_start..close]) else {
                continue;
            };
            let value = &html[value_start..value_start + len];
            match kind {
                Attr::Id => {
                    out.push_str(&html[copied..value_start]);
                    out.push_str(prefix);
                    out.push_str("--");
                    out.push_str(value);
                    copied = value_start + len;
                }
                Attr::Url => {
                    out.push_str(&html[copied..value_start]);
                    out.push_str(&rebase_url(value, (prefix, &has_top), page, print, ids));
                    copied = value_start + len;
                }
                // ` loading="..."` left out, space and closing quote included.
                Attr::Loading => {
                    out.push_str(&html[copied..at - " loading".len()]);
                    copied = value_start + len + 1;
                }
            }
        }
        pos = close + 1;
    }
    out.push_str(&html[copied..]);
    out
}

/// Where the level's digit is in a heading's opening or closing tag
/// (`<h2 id="x"`, `</h3`), from the `<`.
fn heading_digit(tag: &str) -> Option<usize> {
    let b = tag.as_bytes();
    let at = if b.get(1) == Some(&b'/') { 3 } else { 2 };
    let ok = b.get(at - 1).is_some_and(|c| c.eq_ignore_ascii_case(&b'h'))
        && b.get(at).is_some_and(|c| (b'1'..=b'6').contains(c))
        && b.get(at + 1).is_none_or(|c| *c == b' ');
    ok.then_some(at)
}

enum Attr {
    Id,
    Url,
    Loading,
}

/// `url` as the print page links it; `has_top`: whether the page has an
/// element with the id `top` (else `#top` is the top of the page).
fn rebase_url(
    url: &str,
    (prefix, has_top): (&str, &dyn Fn() -> bool),
    page: &str,
    print: &str,
    ids: &HashMap<String, String>,
) -> String {
    if let Some(frag) = url.strip_prefix('#') {
        // The top of the page is the top of its chapter here.
        if is_top(frag) && !(frag == "top" && has_top()) {
            return format!("#{prefix}");
        }
        return format!("#{prefix}--{frag}");
    }
    if url.contains(':') || url.starts_with("//") {
        return url.to_string();
    }
    let unescaped = unescape(url);
    let (path, frag) = match unescaped.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (unescaped.as_str(), None),
    };
    let target = resolve(page, &percent_decode(path));
    if let Some(id) = ids.get(&target) {
        // Another page's top is its chapter's start (also when that page
        // has a heading with the id `top`, which this pass cannot see: it
        // then lands a few lines above it).
        return escape(&match frag {
            Some(f) if !is_top(f) => format!("#{id}--{f}"),
            _ => format!("#{id}"),
        });
    }
    let mut out = encode_path(&relative(print, &target));
    if let Some(f) = frag {
        out.push('#');
        out.push_str(f);
    }
    escape(&out)
}

/// An attribute's value as written by `escape` or pulldown-cmark: a file
/// named `fiche-d'orientation.pdf` is `fiche-d&#39;orientation.pdf` there.
fn unescape(value: &str) -> String {
    if !value.contains('&') {
        return value.to_string();
    }
    value
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// `path` relative to the page at `page`, as a path from the output root.
fn resolve(page: &str, path: &str) -> String {
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for seg in path.split('/') {
        match seg {
            "." | "" => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rebases_ids_and_links() {
        let mut ids = HashMap::new();
        ids.insert("en/pub/intro.html".to_string(), "p-intro".to_string());
        ids.insert("en/pub/part/x.html".to_string(), "p-part-x".to_string());
        let top = rebase(
            "<a href=\"../intro.html#top\">t</a>",
            &Page {
                prefix: "p-part-y",
                path: "en/pub/part/y.html",
                shift: 0,
            },
            "en/pub/print.html",
            &ids,
        );
        assert_eq!(top, "<a href=\"#p-intro\">t</a>");
        let html = r##"<h2 id="a">A id="not-an-id"</h2><a href="#a">self</a><a href="../intro.html#safety">i</a><a href="x.html">x</a><img src="../images/f.png" alt="" loading="lazy"><a href="../../other/index.html">o</a><a href="https://e.org/?a=1&amp;b=2">e</a>"##;
        let page = Page {
            prefix: "p-part-y",
            path: "en/pub/part/y.html",
            shift: 0,
        };
        let out = rebase(html, &page, "en/pub/print.html", &ids);
        assert_eq!(
            out,
            r##"<h2 id="p-part-y--a">A id="not-an-id"</h2><a href="#p-part-y--a">self</a><a href="#p-intro--safety">i</a><a href="#p-part-x">x</a><img src="images/f.png" alt=""><a href="../other/index.html">o</a><a href="https://e.org/?a=1&amp;b=2">e</a>"##
        );
    }

    /// `#` and `#top` are the top of the page: in the print page, the top
    /// of its chapter; unless the page has an element with the id `top`.
    #[test]
    fn the_top_of_a_page_is_the_top_of_its_chapter() {
        let page = Page {
            prefix: "p-x",
            path: "en/pub/x.html",
            shift: 0,
        };
        let links = "<a href=\"#\">a</a><a href=\"#top\">b</a><a href=\"#Top\">c</a>";
        assert_eq!(
            rebase(links, &page, "en/pub/print.html", &HashMap::new()),
            "<a href=\"#p-x\">a</a><a href=\"#p-x\">b</a><a href=\"#p-x\">c</a>"
        );
        let with_id = format!("<h2 id=\"top\">Top</h2>{links}");
        assert_eq!(
            rebase(&with_id, &page, "en/pub/print.html", &HashMap::new()),
            "<h2 id=\"p-x--top\">Top</h2><a href=\"#p-x\">a</a><a href=\"#p-x--top\">b</a><a href=\"#p-x\">c</a>"
        );
    }

    #[test]
    fn headings_go_under_the_chapter_title() {
        let html =
            "<h2 id=\"a\">A</h2><hr><h3>B <code>&lt;h2&gt;</code></h3><header></header><h5>C</h5>";
        let page = Page {
            prefix: "p-x",
            path: "en/pub/x.html",
            shift: 2,
        };
        assert_eq!(
            rebase(html, &page, "en/pub/print.html", &HashMap::new()),
            "<h4 id=\"p-x--a\">A</h4><hr><h5>B <code>&lt;h2&gt;</code></h5><header></header><h6>C</h6>"
        );
        // The publication's introduction and its top chapters under the
        // `<h1>` title, a part's chapters a level below, never past `<h6>`.
        assert_eq!([0, 1, 2, 3, 7].map(heading_level), [2, 2, 3, 4, 6]);
    }
}
