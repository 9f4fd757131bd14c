//! Settling the tree once every file is placed: each page's source
//! language, the order of siblings, clashing page names, reading order.

use super::model::{Node, NodeId, NodeKind, Site};
use crate::config::LangId;
use crate::diagnostics::Diagnostic;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Source languages, order, duplicate slugs and reading order.
pub(super) fn settle_nodes(
    site: &mut Site,
    failed: &HashSet<PathBuf>,
    diags: &mut Vec<Diagnostic>,
) {
    let default = site.config.default_index();
    for id in site.node_ids() {
        let node = &site.nodes[id];
        let source_lang = if node.docs[default].is_some() {
            default
        } else {
            node.docs
                .iter()
                .position(Option::is_some)
                .map_or(default, LangId)
        };
        let source_doc = node.docs[source_lang];
        let fm_order = source_doc.and_then(|d| site.docs[d].fm.order);
        let node = &mut site.nodes[id];
        node.source_lang = source_lang;
        node.order = (fm_order.unwrap_or(node.order.0), node.slug.clone());
        let where_ = site_rel(node);
        let code = &site.config.languages[default].code;
        if failed.contains(&node.dir.join(&node.stem)) {
            // Its own error says what is wrong with the source page.
            continue;
        }
        match (node.kind, source_doc) {
            (NodeKind::Publication, None) => diags.push(
                Diagnostic::warning(
                    &where_,
                    0,
                    0,
                    format!("publication folder has no index.{code}.md; its title is taken from the folder name"),
                )
                .with_hint("add an index file with the publication's title and kind"),
            ),
            (NodeKind::Part, None) => diags.push(
                Diagnostic::warning(&where_, 0, 0, format!("part folder has no index.{code}.md; its title is taken from the folder name"))
                    .with_hint("add an index file with `title:`"),
            ),
            (_, Some(_)) if source_lang != default => {
                let d = source_doc.map(|d| site.docs[d].file.rel.clone()).unwrap_or_default();
                diags.push(Diagnostic::warning(
                    d,
                    0,
                    0,
                    format!("no `{code}` version of this page; readers of other languages get this one"),
                ));
            }
            _ => {}
        }
    }
    for id in site.node_ids() {
        let mut children = std::mem::take(&mut site.nodes[id].children);
        children.sort_by(|&a, &b| site.nodes[a].order.cmp(&site.nodes[b].order));
        check_slugs(site, &children, diags);
        check_orders(site, &children, diags);
        site.nodes[id].children = children;
    }
    let mut pubs = std::mem::take(&mut site.publications);
    pubs.sort_by(|&a, &b| site.nodes[a].order.cmp(&site.nodes[b].order));
    check_slugs(site, &pubs, diags);
    check_orders(site, &pubs, diags);
    site.publications = pubs;
    for &p in &site.publications {
        let mut order = Vec::new();
        walk(&site.nodes, p, &mut order);
        site.reading_order.insert(p, order);
    }
}

fn walk(nodes: &[Node], id: NodeId, out: &mut Vec<NodeId>) {
    out.push(id);
    for &c in &nodes[id.0].children {
        walk(nodes, c, out);
    }
}

fn site_rel(node: &Node) -> PathBuf {
    Path::new(super::load::CONTENT_DIR).join(&node.dir)
}

/// The file a node's messages point at: a chapter's first file, a folder.
fn file_of(site: &Site, n: &Node) -> PathBuf {
    match n.docs.iter().flatten().next() {
        Some(&d) if n.kind == NodeKind::Chapter => site.docs[d].file.rel.clone(),
        _ => site_rel(n),
    }
}

/// Siblings (already sorted) with the same number: they used to be ordered
/// by name without a word.
fn check_orders(site: &Site, siblings: &[NodeId], diags: &mut Vec<Diagnostic>) {
    for pair in siblings.windows(2) {
        let (a, b) = (&site.nodes[pair[0]], &site.nodes[pair[1]]);
        if a.order.0 != b.order.0 || a.order.0 == i64::MAX {
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
                    a.order.0,
                    a.slug
                ),
            )
            .with_hint("give each page its own number (`02-...`), or set `order:` in its front matter"),
        );
    }
}

fn check_slugs(site: &Site, siblings: &[NodeId], diags: &mut Vec<Diagnostic>) {
    // A part's folder and a chapter file may share a slug (`x/` and `x.html`).
    let mut seen: HashMap<(bool, &str), NodeId> = HashMap::new();
    let file_of = |n: &Node| file_of(site, n);
    for &id in siblings {
        let node = &site.nodes[id];
        let is_chapter = node.kind == NodeKind::Chapter;
        if is_chapter && matches!(node.slug.as_str(), "index" | "print" | "search") {
            diags.push(
                Diagnostic::error(
                    file_of(node),
                    0,
                    0,
                    format!("`{}` is a reserved page name", node.slug),
                )
                .with_hint("rename the file"),
            );
        }
        match seen.get(&(is_chapter, node.slug.as_str())) {
            Some(&other) => diags.push(dup_slug(
                &file_of(node),
                &file_of(&site.nodes[other]),
                &node.slug,
            )),
            None => {
                seen.insert((is_chapter, node.slug.as_str()), id);
            }
        }
    }
}

fn dup_slug(a: &Path, b: &Path, slug: &str) -> Diagnostic {
    Diagnostic::error(
        a,
        0,
        0,
        format!(
            "two pages would both be published as `{slug}`: this one and {}",
            crate::diagnostics::display_path(b)
        ),
    )
    .with_hint("the number prefix (`01-`) is not part of the page name; rename one of them")
}
