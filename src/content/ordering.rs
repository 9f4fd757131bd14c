//! What a publication's order tells its author: pages that share a
//! number, and a publication or part whose pages have none at all.

use super::message_path::{file_of, site_rel};
use super::model::{Node, NodeId, NodeKind, Site};
use crate::diagnostics::Diagnostic;

/// Siblings (already sorted) with the same number: they used to be ordered
/// by name without a word.
pub(super) fn check_orders(site: &Site, siblings: &[NodeId], diags: &mut Vec<Diagnostic>) {
    for pair in siblings.windows(2) {
        let (a, b) = (&site.nodes[pair[0]], &site.nodes[pair[1]]);
        if (a.order.0, &a.order.1) != (b.order.0, &b.order.1) || a.order.0 == i64::MAX {
            continue;
        }
        let name = |n: &Node| {
            file_of(site, n)
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default()
        };
        diags.push(
            Diagnostic::warning(
                file_of(site, b),
                0,
                0,
                format!(
                    "this page and `{}` have the same order ({}): they are ordered by name, `{}` first",
                    name(a),
                    std::iter::once(a.order.0)
                        .chain(a.order.1.iter().copied())
                        .map(|n| n.to_string())
                        .collect::<Vec<_>>()
                        .join("."),
                    a.slug
                ),
            )
            .with_hint("give each page its own number (`02-...`), or set `order:` in its front matter"),
        );
    }
}

/// A publication or part of three pages or more, none with a number
/// prefix or an `order:` (a site moved from MkDocs, whose order was in
/// `mkdocs.yml`'s `nav:`, or from Docsify's sidebar): its pages are ordered
/// by name, A to Z, which is seldom the order guidance is read in ("FAQ"
/// before "Getting started"). Said once, at the folder.
pub(super) fn check_unordered(
    site: &Site,
    parent: NodeId,
    children: &[NodeId],
    diags: &mut Vec<Diagnostic>,
) {
    let pages: Vec<&Node> = children.iter().map(|&c| &site.nodes[c]).collect();
    if pages.len() < 3 || pages.iter().any(|n| n.order.0 != i64::MAX) {
        return;
    }
    let node = &site.nodes[parent];
    let what = if node.kind == NodeKind::Publication {
        "publication"
    } else {
        "part"
    };
    let names: Vec<&str> = pages.iter().take(3).map(|n| n.slug.as_str()).collect();
    diags.push(
        Diagnostic::warning(
            site_rel(node),
            0,
            0,
            format!(
                "the {} pages of this {what} have no number and no `order:`: they are ordered by name, A to Z (`{}`, …)",
                pages.len(),
                names.join("`, `")
            ),
        )
        .with_hint("number the files in reading order (`01-getting-started.md`, `02-…`), or set `order:` in each page's front matter; another tool's order (`mkdocs.yml`'s `nav:`, `.pages`, `_category_.json`, a sidebar) is not read"),
    );
}
