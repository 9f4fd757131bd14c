//! The publication navigation of each page, as HTML.
//!
//! A page's navigation holds the publication's top level, and the children
//! of each part on the path to the page, never the whole tree. Most of it is
//! the same from page to page, so each entry is written once per language
//! (its link's `../` for the page's depth put in as it is copied), and a
//! page only writes the entries on its own path.
//! (Rendering it through a template for every page cost more than the rest
//! of the page.) Themes restyle it with CSS: `.nav-part`, `.nav-open`,
//! `[aria-current=page]`, `.untranslated`.

use crate::config::LangId;
use crate::content::model::{NodeId, NodeKind, Site};
use crate::markdown::{escape, links};
use rayon::prelude::*;
use std::fmt::Write as _;

pub struct Nav {
    /// At `node * languages + language`, for each node with a parent: the
    /// entry's `<li>`, closed and not current, for a page at its
    /// publication's top; one deeper needs `../` where its link starts.
    closed: Vec<Option<Closed>>,
    languages: usize,
    labels: Labels,
}

/// An entry written once: `html` with the link's `../` to go at `at`.
struct Closed {
    html: Box<str>,
    at: usize,
}

/// The navigation's words, per language.
pub struct Labels {
    /// "not translated"
    pub untranslated: Vec<String>,
    /// "All pages": the link from a shortened list to the full one.
    pub all_pages: Vec<String>,
    /// For each label, per language, the ` lang="…" dir="…"` it needs when
    /// it fell back to another language's string (else empty).
    pub untranslated_attrs: Vec<String>,
    pub all_pages_attrs: Vec<String>,
}

/// A level with more entries than this (a flat handbook of hundreds of
/// chapters) shows only the entries around the page's own, and a link to
/// the part's page, which lists them all: every page listing every other
/// would make the site grow with the square of its size.
const LONG_LEVEL: usize = 60;
/// Entries shown on each side of the page's own in a long level.
const AROUND: usize = 10;

/// A page's depth below its publication's folder: 0 for `pub/x.html`.
pub fn depth(site: &Site, node: NodeId) -> usize {
    let n = &site.nodes[node];
    let pub_dir = site.nodes[n.publication].out_dir();
    n.url
        .strip_prefix(pub_dir)
        .unwrap_or(&n.url)
        .matches('/')
        .count()
}

impl Nav {
    pub fn new(site: &Site, labels: Labels) -> Self {
        let languages = site.config.languages.len();
        let nav = Nav {
            closed: Vec::new(),
            languages,
            labels,
        };
        // Indexed by node, then language: the order `closed` is read in.
        let closed = (0..site.nodes.len() * languages)
            .into_par_iter()
            .map(|i| {
                let (n, l) = (NodeId(i / languages), LangId(i % languages));
                site.nodes[n].parent?;
                let (html, at) = nav.entry(site, n, l, 0, false, false, "");
                Some(Closed {
                    html: html.into_boxed_str(),
                    at,
                })
            })
            .collect();
        Nav { closed, ..nav }
    }

    /// The `<ul>` of `parent`'s children for a page at `depth` whose path
    /// below `parent` is `path`.
    pub fn html(
        &self,
        site: &Site,
        parent: NodeId,
        path: &[NodeId],
        lang: LangId,
        depth: usize,
    ) -> String {
        let mut out = String::with_capacity(64 * site.nodes[parent].children.len());
        self.level(site, parent, path, lang, depth, &mut out);
        out
    }

    fn level(
        &self,
        site: &Site,
        parent: NodeId,
        path: &[NodeId],
        lang: LangId,
        depth: usize,
        out: &mut String,
    ) {
        out.push_str("<ul>\n");
        let children = &site.nodes[parent].children;
        let shown = window(children, path.first().copied());
        for &c in &children[shown.clone()] {
            match path.split_first() {
                Some((&next, rest)) if next == c => {
                    let mut children = String::new();
                    if !site.nodes[c].children.is_empty() {
                        self.level(site, c, rest, lang, depth, &mut children);
                    }
                    let (html, _) =
                        self.entry(site, c, lang, depth, true, rest.is_empty(), &children);
                    out.push_str(&html);
                }
                _ => match self.closed.get(c.0 * self.languages + lang.0) {
                    Some(Some(Closed { html, at })) => {
                        out.push_str(&html[..*at]);
                        for _ in 0..depth {
                            out.push_str("../");
                        }
                        out.push_str(&html[*at..]);
                    }
                    _ => out.push_str(&self.entry(site, c, lang, depth, false, false, "").0),
                },
            }
        }
        if shown.len() < children.len() {
            self.all_pages(site, parent, lang, depth, children.len(), out);
        }
        out.push_str("</ul>\n");
    }

    /// The last entry of a shortened level: a link to the page that lists
    /// all its pages.
    fn all_pages(
        &self,
        site: &Site,
        parent: NodeId,
        lang: LangId,
        depth: usize,
        count: usize,
        out: &mut String,
    ) {
        let n = &site.nodes[parent];
        let pub_dir = site.nodes[n.publication].out_dir();
        let href = format!(
            "{}{}",
            "../".repeat(depth),
            links::encode_path(n.url.strip_prefix(pub_dir).unwrap_or(&n.url))
        );
        let label = self.labels.all_pages.get(lang.0).map_or("", String::as_str);
        let attrs = self
            .labels
            .all_pages_attrs
            .get(lang.0)
            .map_or("", String::as_str);
        let _ = writeln!(
            out,
            "<li class=\"nav-more\"><a href=\"{}\"{attrs}>{} ({count})</a></li>",
            escape(&href),
            escape(label)
        );
    }

    /// An entry's `<li>` (`open` on the page's path, `current` for the page
    /// itself, with `children` inside), and where its link's address starts.
    #[allow(clippy::too_many_arguments)]
    fn entry(
        &self,
        site: &Site,
        node: NodeId,
        lang: LangId,
        depth: usize,
        open: bool,
        current: bool,
        children: &str,
    ) -> (String, usize) {
        let n = &site.nodes[node];
        let pub_dir = site.nodes[n.publication].out_dir();
        let href = format!(
            "{}{}",
            "../".repeat(depth),
            links::encode_path(n.url.strip_prefix(pub_dir).unwrap_or(&n.url))
        );
        let mut s = String::with_capacity(96 + children.len());
        s.push_str("<li");
        let part = n.kind == NodeKind::Part;
        match (part, open) {
            (true, true) => s.push_str(" class=\"nav-part nav-open\""),
            (true, false) => s.push_str(" class=\"nav-part\""),
            (false, true) => s.push_str(" class=\"nav-open\""),
            (false, false) => {}
        }
        s.push_str("><a href=\"");
        let at = s.len();
        let _ = write!(s, "{}\"", escape(&href));
        // A title shown from another language says so, for screen readers.
        let shown = n.doc_for(lang).map_or(lang, |d| site.doc(d).file.lang);
        if shown != lang {
            let l = &site.config.languages[shown];
            let _ = write!(
                s,
                " lang=\"{}\" dir=\"{}\"",
                escape(&l.code),
                l.dir.as_str()
            );
        }
        if current {
            s.push_str(" aria-current=\"page\"");
        }
        let _ = write!(s, ">{}</a>", escape(site.title(node, lang)));
        if !super::reads_translated(n, lang) {
            let label = escape(
                self.labels
                    .untranslated
                    .get(lang.0)
                    .map_or("", String::as_str),
            );
            let attrs = self
                .labels
                .untranslated_attrs
                .get(lang.0)
                .map_or("", String::as_str);
            let _ = write!(
                s,
                " <span class=\"untranslated\"{attrs} title=\"{label}\"><span aria-hidden=\"true\">*</span><span class=\"visually-hidden\">({label})</span></span>"
            );
        }
        if !children.is_empty() {
            s.push('\n');
            s.push_str(children);
        }
        s.push_str("</li>\n");
        (s, at)
    }
}

/// The entries of a level to show: all of them, or in a long level the
/// ones around `current` (the first ones when the page is not inside it).
fn window(children: &[NodeId], current: Option<NodeId>) -> std::ops::Range<usize> {
    if children.len() <= LONG_LEVEL {
        return 0..children.len();
    }
    let at = current
        .and_then(|c| children.iter().position(|&x| x == c))
        .unwrap_or(0);
    let start = at.saturating_sub(AROUND);
    let end = (at + AROUND + 1)
        .max(start + 2 * AROUND + 1)
        .min(children.len());
    start.min(end.saturating_sub(2 * AROUND + 1))..end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_levels_show_a_window() {
        let short: Vec<NodeId> = (0..LONG_LEVEL).map(NodeId).collect();
        assert_eq!(window(&short, Some(NodeId(5))), 0..LONG_LEVEL);
        let long: Vec<NodeId> = (100..1100).map(NodeId).collect();
        assert_eq!(window(&long, None), 0..21);
        assert_eq!(window(&long, Some(NodeId(100))), 0..21);
        assert_eq!(window(&long, Some(NodeId(600))), 490..511);
        assert_eq!(window(&long, Some(NodeId(1099))), 979..1000);
    }
}
