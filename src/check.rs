//! Checks over the whole site at once, after every page's Markdown is
//! rendered: anchors of links between pages, in every language a page is
//! read in. With `broken_links: warning`, a link to a missing anchor is
//! then published as its text.

use crate::config::BrokenLinks;
use crate::config::LangId;
use crate::content::model::{DocId, Site};
use crate::diagnostics::Diagnostic;
use crate::markdown::{AnchorHints, Rendered, unlink};
use std::collections::HashMap;

/// Checks the anchors of links between pages and, with `broken_links:
/// warning`, unlinks those that point at nothing. Their number is set in
/// `Rendered::broken_anchors` (anew each time: `serve` runs this again).
pub fn links(site: &Site, rendered: &mut [Rendered]) -> Vec<Diagnostic> {
    let (diags, broken) = find(site, rendered);
    for r in rendered.iter_mut() {
        r.broken_anchors = 0;
        r.unlinked.clear();
    }
    for &(doc, _) in &broken {
        rendered[doc].broken_anchors += 1;
    }
    if site.config.broken_links == BrokenLinks::Warning {
        let mut by_doc: HashMap<DocId, Vec<usize>> = HashMap::new();
        for (doc, link) in broken {
            by_doc.entry(doc).or_default().push(link);
        }
        for (doc, links) in by_doc {
            let r = &mut rendered[doc];
            let spans: Vec<_> = links
                .iter()
                .filter_map(|&l| r.page_links[l].span())
                .collect();
            unlink(&mut r.html, &spans);
            r.unlinked = spans;
        }
    }
    diags
}

/// The diagnostics of [`links`], changing nothing.
pub fn anchors(site: &Site, rendered: &[Rendered]) -> Vec<Diagnostic> {
    find(site, rendered).0
}

/// Broken links and missing images in the whole site: `check` fails on
/// them even when `broken_links: warning` lets `build` publish them.
pub fn defects(rendered: &[Rendered]) -> (usize, usize) {
    let links = rendered
        .iter()
        .map(|r| r.broken_links + r.broken_anchors)
        .sum();
    let images = rendered.iter().map(|r| r.missing_images).sum();
    (links, images)
}

/// "212 broken links and 147 missing images published as text: see the
/// warnings", for the build summary; `None` when there are none.
pub fn published_as_text(site: &Site, rendered: &[Rendered]) -> Option<String> {
    if site.config.broken_links != BrokenLinks::Warning {
        return None;
    }
    let (links, images) = defects(rendered);
    if links + images == 0 {
        return None;
    }
    Some(format!(
        "{} published as text: see the warnings",
        defects_phrase(links, images)
    ))
}

/// "212 broken links and 147 missing images", naming only what there is.
pub fn defects_phrase(links: usize, images: usize) -> String {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match (links, images) {
        (l, 0) => plural(l, "broken link", "broken links"),
        (0, i) => plural(i, "missing image", "missing images"),
        (l, i) => format!(
            "{} and {}",
            plural(l, "broken link", "broken links"),
            plural(i, "missing image", "missing images")
        ),
    }
}

/// Links to missing anchors: the diagnostics, and each broken link as
/// (document, index in its `page_links`).
fn find(site: &Site, rendered: &[Rendered]) -> (Vec<Diagnostic>, Vec<(DocId, usize)>) {
    let mut out = Vec::new();
    let mut broken = Vec::new();
    let mut hints: HashMap<DocId, AnchorHints> = HashMap::new();
    let nlang = site.config.languages.len();
    for (doc_id, r) in site.doc_ids().zip(rendered) {
        if r.page_links.is_empty() {
            continue;
        }
        let doc = site.doc(doc_id);
        let node = &site.nodes[doc.node];
        // The languages this document is read in: its own, and those it
        // stands in for (no list is made: this runs for every link).
        let readers = || LangId::all(nlang).filter(|&l| node.doc_for(l) == Some(doc_id));
        for (i, link) in r.page_links.iter().enumerate() {
            let target = &site.nodes[link.node];
            let langs = link
                .lang
                .into_iter()
                .chain(link.lang.is_none().then(readers).into_iter().flatten());
            for l in langs {
                let Some(tdoc) = target.doc_for(l) else {
                    continue;
                };
                if rendered[tdoc].ids.contains(&*link.fragment)
                    || crate::url::is_top(&link.fragment)
                {
                    continue;
                }
                let (line, col) = (link.line as usize, link.col as usize);
                let source = target.doc_for(target.source_lang);
                let in_source = source.is_some_and(|s| rendered[s].ids.contains(&*link.fragment));
                let target_file = crate::diagnostics::display_path(&site.doc(tdoc).file.rel);
                let d = if in_source {
                    Diagnostic::warning(
                        &doc.file.rel,
                        line,
                        col,
                        format!(
                            "anchor `#{}` exists in the source but not in `{target_file}`",
                            link.fragment
                        ),
                    )
                    .with_hint(same_id_hint(rendered, source, &link.fragment))
                } else {
                    broken.push((doc_id, i));
                    let hint = hints
                        .entry(tdoc)
                        .or_insert_with(|| AnchorHints::new(&rendered[tdoc].ids))
                        .hint(&link.fragment)
                        .or_else(|| other_language(site, rendered, target, tdoc, &link.fragment))
                        .or_else(|| draft(site, target, l, &target_file))
                        .unwrap_or_else(|| {
                            "anchors are heading ids: use the heading's {#id} or its slug".into()
                        });
                    let message = format!(
                        "link to a missing anchor `#{}` in `{target_file}`",
                        link.fragment
                    );
                    let d = match site.config.broken_links {
                        BrokenLinks::Error => Diagnostic::error(&doc.file.rel, line, col, message),
                        BrokenLinks::Warning => Diagnostic::warning(
                            &doc.file.rel,
                            line,
                            col,
                            format!("{message}; published as its text"),
                        ),
                    };
                    let d = d.with_hint(hint);
                    match link.definition {
                        Some(at) => d.with_note(crate::markdown::definition_note(at as usize)),
                        None => d,
                    }
                };
                out.push(d);
                break;
            }
        }
    }
    (out, broken)
}

/// How to give a translation the id its source has: a heading's
/// `{#id}`, or Word's bookmark (`_Toc…`, `_Ref…`), which pandoc writes as
/// `[]{#_Toc42 .anchor}` before the text and is no heading's.
fn same_id_hint(rendered: &[Rendered], source: Option<DocId>, id: &str) -> String {
    let heading = source.is_some_and(|s| rendered[s].toc.iter().any(|t| t.id == id));
    if !heading && (id.starts_with("_Toc") || id.starts_with("_Ref")) {
        return format!(
            "`{id}` is a bookmark from Word, `[]{{#{id}}}` in the source: copy it into the translation, before the same text"
        );
    }
    format!("give the translated heading the same explicit id: ## ... {{#{id}}}")
}

/// A link read in a language whose translation of the target is a draft,
/// left out (its anchor may well be there): says so, since the author
/// looks at that file and sees the id.
fn draft(
    site: &Site,
    target: &crate::content::model::Node,
    lang: LangId,
    shown: &str,
) -> Option<String> {
    let key = target.dir.join(&target.stem);
    let left = site.left_out.iter().find(|l| {
        l.lang == lang
            && l.key == key
            && matches!(l.reason, crate::content::model::Reason::Draft { .. })
    })?;
    Some(format!(
        "`{}` is a draft, left out: its readers get `{shown}`, which has no such anchor; publish the translation, or link to an anchor of `{shown}` (`--drafts` previews drafts)",
        crate::diagnostics::display_path(&left.file)
    ))
}

/// `#seguridad`, an id of the target's Spanish page, in a link whose
/// readers get its English one (a translator linked to a heading as their
/// language, or the one they translated from, names it): the page that
/// has it, and the id of the same heading (by its place among the
/// page's sections) in `tdoc`, the page readers get.
fn other_language(
    site: &Site,
    rendered: &[Rendered],
    target: &crate::content::model::Node,
    tdoc: DocId,
    fragment: &str,
) -> Option<String> {
    let other = target
        .docs
        .iter()
        .flatten()
        .copied()
        .find(|&d| d != tdoc && rendered[d].ids.contains(fragment))?;
    let place = rendered[other].toc.iter().position(|e| e.id == fragment);
    let same = place.and_then(|i| rendered[tdoc].toc.get(i));
    let file = |d: DocId| crate::diagnostics::display_path(&site.doc(d).file.rel);
    let (there, here) = (file(other), file(tdoc));
    Some(match same {
        Some(e) => format!(
            "`#{fragment}` is a heading of {there}, not of {here}, where the same heading is `#{id}`: link to that, and give the heading that id in every language (`## … {{#{id}}}`)",
            id = e.id
        ),
        None => format!(
            "`#{fragment}` is a heading of {there}, not of {here}: give the heading one explicit id in every language (`## … {{#id}}`), and link to that"
        ),
    })
}
