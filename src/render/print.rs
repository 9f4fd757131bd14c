//! The print page: a whole publication as one document laid out for paper.
//!
//! Each chapter's HTML, rendered for its web page, is reused here with
//! ids prefixed per chapter (so two chapters' `#principles` do not clash)
//! and links rebased: a link to another chapter of the publication becomes
//! a link inside the document, any other relative link is rewritten from
//! the chapter's folder to the print page's.

use crate::config::LangId;
use crate::content::front_matter::{Margins, PaperSize};
use crate::content::model::{NodeId, NodeKind, Site};
use crate::markdown::escape;
use crate::markdown::links::{encode_path, percent_decode, relative};
use serde::Serialize;
use std::collections::HashMap;

/// Paper sizes in millimetres: Chromium ignores keywords such as `A6`.
pub fn paper(size: &str) -> Option<(f32, f32)> {
    PaperSize::parse(size).map(PaperSize::mm)
}

#[derive(Serialize)]
pub struct PrintChapter {
    /// The section's id in the print document.
    pub id: String,
    pub title: String,
    /// 1 for chapters at the top of the publication, 2 inside a part, ...
    pub depth: usize,
    pub part: bool,
    pub content: String,
    pub lang: String,
    pub lang_name: String,
    pub dir: &'static str,
    /// Shown from the source language (not translated).
    pub fallback: bool,
    /// The page it starts on in the PDF (known when `pdf` prints it the
    /// second time), for the table of contents.
    pub page: Option<usize>,
}

#[derive(Serialize)]
pub struct PrintSettings {
    pub size: String,
    /// Millimetres, written as CSS wants them (`105`, `215.9`).
    pub width_mm: String,
    pub height_mm: String,
    /// CSS margins, e.g. `14mm 12mm 16mm 12mm`.
    pub margins: String,
    /// Inner (binding) and outer margins in mm, for facing pages.
    pub inner_mm: f32,
    pub outer_mm: f32,
    pub booklet: bool,
}

/// Page size and margins from `print:` in the publication's front matter,
/// with defaults by kind (a pocket guide is A6).
pub fn settings(site: &Site, publication: NodeId) -> PrintSettings {
    let kind = site.publication_kind(publication);
    let node = &site.nodes[publication];
    let fm = node.doc_for(node.source_lang).map(|d| &site.doc(d).fm);
    let print = fm.and_then(|f| f.print.as_ref());
    let default_size = if kind == crate::content::front_matter::Kind::PocketGuide {
        PaperSize::A6
    } else {
        PaperSize::A4
    };
    let size = print.and_then(|p| p.size).unwrap_or(default_size);
    let (w, h) = size.mm();
    let small = w < 140.0;
    let (inner, outer) = if small { (10.0, 7.0) } else { (22.0, 16.0) };
    let margins = print
        .and_then(|p| p.margins.as_ref())
        .map(Margins::css)
        .unwrap_or_else(|| {
            if small {
                "9mm 7mm 11mm 7mm".into()
            } else {
                "18mm 16mm 20mm 16mm".into()
            }
        });
    let booklet = print
        .and_then(|p| p.booklet)
        .unwrap_or(kind == crate::content::front_matter::Kind::PocketGuide);
    PrintSettings {
        size: size.as_str().to_ascii_uppercase(),
        width_mm: mm(w),
        height_mm: mm(h),
        margins,
        inner_mm: inner,
        outer_mm: outer,
        booklet,
    }
}

/// Where a publication's PDFs go in the output folder (made by `pdf`;
/// named here so pages can link to them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfPaths {
    /// `en/pocket-guide/pocket-guide.en.pdf`
    pub pdf: String,
    /// `en/pocket-guide/pocket-guide.en.booklet.pdf`, when the publication
    /// is printed as a booklet (`print: { booklet: true }`, the default for
    /// pocket guides).
    pub booklet: Option<String>,
}

pub fn pdf_paths(site: &Site, publication: NodeId, lang: LangId) -> PdfPaths {
    let node = &site.nodes[publication];
    let code = &site.config.languages[lang].code;
    let base = format!("{code}/{}{}.{code}", node.out_dir(), node.slug);
    let booklet = settings(site, publication).booklet;
    PdfPaths {
        pdf: format!("{base}.pdf"),
        booklet: booklet.then(|| format!("{base}.booklet.pdf")),
    }
}

fn mm(v: f32) -> String {
    let s = format!("{v:.1}");
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

/// The id prefix of each section of a publication's print page, in
/// reading order: [`section_id`], made unique (`p-basics`, `p-basics-1`):
/// a chapter `basics.md` beside a part `basics/`, or `a-b.md` beside
/// `a/b.md`, would otherwise share one, and links and the PDF's contents
/// would lead to the first.
fn section_ids(site: &Site, publication: NodeId) -> HashMap<NodeId, String> {
    let mut unique = crate::slug::UniqueIds::default();
    site.reading_order[&publication]
        .iter()
        .map(|&n| (n, unique.unique(&section_id(site, n))))
        .collect()
}

/// The id prefix of a node's section: `p-intro`, `p-referral-contacts`.
fn section_id(site: &Site, node: NodeId) -> String {
    let n = &site.nodes[node];
    let pub_dir = site.nodes[n.publication].out_dir();
    let rel = n.url.strip_prefix(pub_dir).unwrap_or(&n.url);
    let rel = rel
        .strip_suffix("index.html")
        .unwrap_or(rel)
        .trim_end_matches('/');
    let rel = rel.strip_suffix(".html").unwrap_or(rel);
    if rel.is_empty() {
        "p-intro-page".into()
    } else {
        format!("p-{}", rel.replace('/', "-"))
    }
}

/// Where each chapter's content goes in the rendered print shell: the
/// template is rendered once with this marker as every chapter's content,
/// and the chapters are written in its place one by one, so the whole
/// publication's HTML is never held at once. Text from content is escaped
/// and cannot hold a NUL, so the marker cannot come from a title.
pub const CHAPTER_MARKER: &str = "\u{0}fieldguide-chapter\u{0}";

/// Every page of the publication, in reading order, with the marker as
/// content (see [`CHAPTER_MARKER`]).
pub fn chapters(site: &Site, publication: NodeId, lang: LangId) -> Vec<PrintChapter> {
    let order = &site.reading_order[&publication];
    let depth0 = site.ancestors(publication).len();
    let mut ids = section_ids(site, publication);
    order
        .iter()
        .map(|&n| {
            let node = &site.nodes[n];
            let doc = node.doc_for(lang);
            let content_lang = doc.map_or(lang, |d| site.doc(d).file.lang);
            PrintChapter {
                id: ids.remove(&n).unwrap_or_default(),
                title: site.title(n, lang).to_string(),
                depth: site.ancestors(n).len() - depth0,
                part: node.kind == NodeKind::Part,
                content: CHAPTER_MARKER.to_string(),
                lang: site.config.languages[content_lang].code.clone(),
                lang_name: site.config.languages[content_lang].name.clone(),
                dir: site.config.languages[content_lang].dir.as_str(),
                fallback: !super::reads_translated(node, lang),
                page: None,
            }
        })
        .collect()
}

/// What a print page needs to rebase each chapter: the publication's
/// pages by path, and the print page's own path.
pub struct Rebaser {
    print_path: String,
    code: String,
    ids: HashMap<String, String>,
    sections: HashMap<NodeId, String>,
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
        rebase(html, &prefix, &page_path, &self.print_path, &self.ids)
    }
}

/// Rewrites `id`, `href` and `src` attributes of one page's HTML for the
/// print document, and drops `loading` (`lazy`): paper cannot load an
/// image later, and a browser may print before a lazy image far down the
/// document has arrived. The HTML is our own output, so attributes are
/// always written `name="value"`.
fn rebase(
    html: &str,
    prefix: &str,
    page: &str,
    print: &str,
    ids: &HashMap<String, String>,
) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 16);
    // Text never holds a raw `<` or `>` (both are escaped), so tags are
    // exactly the `<...>` spans; attributes are only looked for inside them,
    // in one pass. Text that reads `id="x"` stays as it is.
    let mut copied = 0;
    let mut pos = 0;
    while let Some(open) = html[pos..].find('<').map(|p| pos + p) {
        let Some(close) = html[open..].find('>').map(|p| open + p) else {
            break;
        };
        let tag = &html[open..close];
        for (eq, _) in tag.match_indices("=\"") {
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
            let Some(len) = html[value_start..close].find('"') else {
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
                    out.push_str(&rebase_url(value, prefix, page, print, ids));
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

enum Attr {
    Id,
    Url,
    Loading,
}

fn rebase_url(
    url: &str,
    prefix: &str,
    page: &str,
    print: &str,
    ids: &HashMap<String, String>,
) -> String {
    if let Some(frag) = url.strip_prefix('#') {
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
        return escape(&match frag {
            Some(f) => format!("#{id}--{f}"),
            None => format!("#{id}"),
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
        let html = r##"<h2 id="a">A id="not-an-id"</h2><a href="#a">self</a><a href="../intro.html#safety">i</a><a href="x.html">x</a><img src="../images/f.png" alt="" loading="lazy"><a href="../../other/index.html">o</a><a href="https://e.org/?a=1&amp;b=2">e</a>"##;
        let out = rebase(
            html,
            "p-part-y",
            "en/pub/part/y.html",
            "en/pub/print.html",
            &ids,
        );
        assert_eq!(
            out,
            r##"<h2 id="p-part-y--a">A id="not-an-id"</h2><a href="#p-part-y--a">self</a><a href="#p-intro--safety">i</a><a href="#p-part-x">x</a><img src="images/f.png" alt=""><a href="../other/index.html">o</a><a href="https://e.org/?a=1&amp;b=2">e</a>"##
        );
    }

    #[test]
    fn paper_sizes() {
        assert_eq!(paper("A6"), Some((105.0, 148.0)));
        assert_eq!(paper("letter"), Some((215.9, 279.4)));
        assert_eq!(paper("B5"), None);
    }
}
