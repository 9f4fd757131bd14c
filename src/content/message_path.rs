//! Where a node's messages point: a chapter's first file, else its folder.

use super::model::{Node, NodeKind, Site};
use std::path::{Path, PathBuf};

/// The node's folder, from the site folder (`guidance/pub/part`).
pub(super) fn site_rel(node: &Node) -> PathBuf {
    Path::new(super::load::CONTENT_DIR).join(&node.dir)
}

/// The file a node's messages point at: a chapter's first file, a folder.
pub(super) fn file_of(site: &Site, n: &Node) -> PathBuf {
    match n.docs.iter().flatten().next() {
        Some(&d) if n.kind == NodeKind::Chapter => site.docs[d].file.rel.clone(),
        _ => site_rel(n),
    }
}
