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
    /// The level of its title's heading: below the publication's `<h1>`,
    /// one level further down for each part it is in (see [`heading_level`]).
    pub heading: usize,
    pub part: bool,
    pub content: String,
    pub lang: String,
    pub lang_name: String,
    pub dir: &'static str,
    /// Shown from the source language (not translated).
    pub fallback: bool,
    /// A translation whose source changed since: the source language's
    /// name and code, for the notice a printed copy keeps (its reader
    /// cannot follow a link to the original).
    pub stale: Option<StaleSource>,
    /// The page it starts on in the PDF (known when `pdf` prints it the
    /// second time), for the table of contents.
    pub page: Option<usize>,
}

/// The language a stale translation's source is in.
#[derive(Serialize)]
pub struct StaleSource {
    pub name: String,
    pub code: String,
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
    let print = fm.and_then(|f| f.about().print.as_ref());
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
pub(super) fn section_ids(site: &Site, publication: NodeId) -> HashMap<NodeId, String> {
    let mut unique = crate::slug::UniqueIds::default();
    site.reading_order[&publication]
        .iter()
        .map(|&n| (n, unique.unique(&section_id(site, n))))
        .collect()
}

/// The id prefix of a node's section: `p-intro`, `p-referral-contacts`.
pub(super) fn section_id(site: &Site, node: NodeId) -> String {
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
            let depth = site.ancestors(n).len() - depth0;
            PrintChapter {
                id: ids.remove(&n).unwrap_or_default(),
                title: site.title(n, lang).to_string(),
                depth,
                heading: heading_level(depth),
                part: node.kind == NodeKind::Part,
                content: CHAPTER_MARKER.to_string(),
                lang: site.config.languages[content_lang].code.clone(),
                lang_name: site.config.languages[content_lang].name.clone(),
                dir: site.config.languages[content_lang].dir.as_str(),
                fallback: !super::reads_translated(node, lang),
                stale: (crate::translation::status(site, n, lang)
                    == crate::translation::Status::Stale)
                    .then(|| {
                        let source = &site.config.languages[node.source_lang];
                        StaleSource {
                            name: source.name.clone(),
                            code: source.code.clone(),
                        }
                    }),
                page: None,
            }
        })
        .collect()
}

/// The heading level of a section's title at `depth` (0: the
/// publication's own introduction, 1: a chapter or part at its top): the
/// publication's title is the one `<h1>`, so the outline of the PDF and a
/// screen reader's list of headings nest parts, chapters and sections.
pub fn heading_level(depth: usize) -> usize {
    (depth.max(1) + 1).min(6)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paper_sizes() {
        assert_eq!(paper("A6"), Some((105.0, 148.0)));
        assert_eq!(paper("letter"), Some((215.9, 279.4)));
        assert_eq!(paper("B5"), None);
    }
}
