//! Checks over the whole site at once, after every page's Markdown is
//! rendered: anchors of links between pages, in every language a page is
//! read in.

use crate::content::model::Site;
use crate::diagnostics::Diagnostic;
use crate::markdown::Rendered;
use crate::text::LineIndex;

pub fn anchors(site: &Site, rendered: &[Rendered]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let nlang = site.config.languages.len();
    for (doc_id, r) in rendered.iter().enumerate() {
        if r.page_links.is_empty() {
            continue;
        }
        let doc = site.doc(doc_id);
        let node = &site.nodes[doc.node];
        // The languages this document is read in: its own, and those it stands in for.
        let readers: Vec<usize> = (0..nlang)
            .filter(|&l| node.doc_for(l) == Some(doc_id))
            .collect();
        // Built only when a link is broken: most documents have none.
        let lines = std::cell::OnceCell::new();
        for link in &r.page_links {
            let target = &site.nodes[link.node];
            let langs: Vec<usize> = match link.lang {
                Some(l) => vec![l],
                None => readers.clone(),
            };
            for l in langs {
                let Some(tdoc) = target.doc_for(l) else {
                    continue;
                };
                if rendered[tdoc].ids.contains(&link.fragment) {
                    continue;
                }
                let (line, col) = lines
                    .get_or_init(|| LineIndex::new(&doc.file.text))
                    .locate(&doc.file.text, link.offset);
                let in_source = target
                    .doc_for(target.source_lang)
                    .is_some_and(|s| rendered[s].ids.contains(&link.fragment));
                let target_file = crate::diagnostics::display_path(&site.doc(tdoc).file.rel);
                let d = if in_source {
                    Diagnostic::warning(
                        &doc.file.rel,
                        line + 1,
                        col,
                        format!(
                            "anchor `#{}` exists in the source but not in {target_file}",
                            link.fragment
                        ),
                    )
                    .with_hint(format!(
                        "give the translated heading the same explicit id: ## ... {{#{}}}",
                        link.fragment
                    ))
                } else {
                    Diagnostic::error(
                        &doc.file.rel,
                        line + 1,
                        col,
                        format!(
                            "link to a missing anchor `#{}` in {target_file}",
                            link.fragment
                        ),
                    )
                    .with_hint("anchors are heading ids: use the heading's {#id} or its slug")
                };
                out.push(d);
                break;
            }
        }
    }
    out
}
