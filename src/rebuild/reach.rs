//! Which pages an edit reaches: those that show an edited document, and
//! every page of its publication when a translation's status changed.

use crate::content::model::{DocId, NodeId, Site};
use crate::render::Spec;
use std::collections::BTreeSet;

/// Each node's translation status in each language, to see whether an edit
/// made a translation stale (or fresh) somewhere.
pub(super) fn translation_statuses(site: &Site) -> Vec<crate::translation::Status> {
    let nlang = site.config.languages.len();
    site.node_ids()
        .flat_map(|n| {
            crate::config::LangId::all(nlang).map(move |l| crate::translation::status(site, n, l))
        })
        .collect()
}

/// The pages that show any of `docs`: the page itself in every language it
/// is read in and its publication's print pages. When a translation's
/// status changed, every page of the publication and the homes (they show
/// the counts).
pub(super) fn affected(site: &Site, docs: &[DocId], whole_publications: bool) -> Vec<Spec> {
    let nlang = site.config.languages.len();
    let mut specs = BTreeSet::new();
    for &d in docs {
        let doc = site.doc(d);
        let node = &site.nodes[doc.node];
        for l in crate::config::LangId::all(nlang) {
            if node.doc_for(l) == Some(d) {
                specs.insert(Spec::Page(doc.node, l));
                specs.insert(Spec::Print(node.publication, l));
            }
            if whole_publications {
                specs.insert(Spec::Home(l));
                for n in publication_nodes(site, node.publication) {
                    specs.insert(Spec::Page(n, l));
                }
                specs.insert(Spec::Print(node.publication, l));
            }
        }
    }
    specs.into_iter().collect()
}

fn publication_nodes(site: &Site, p: NodeId) -> impl Iterator<Item = NodeId> + '_ {
    site.node_ids()
        .filter(move |&n| site.nodes[n].publication == p)
}

/// The files under `guidance/` that pages use (and so are published).
pub(super) fn used_assets(rendered: &[crate::markdown::Rendered]) -> BTreeSet<usize> {
    rendered
        .iter()
        .flat_map(|r| r.assets.iter().copied())
        .collect()
}
