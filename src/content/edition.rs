//! A local edition's differences from its base, worked out once the files
//! are parsed: pages it omits (`omit: true`) are taken out of the tree
//! before it is built; replaced and added pages are listed after, with the
//! hash of each replaced base page for the report of overrides whose base
//! changed since they were adapted (`adapts:`).

use super::front_matter::{self, Role};
use super::load::{BasePage, Parsed};
use super::model::{EditionFacts, NodeId, Omitted, Override, Site};
use crate::diagnostics::Diagnostic;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// What `omit: true` leaves out: one page, or a folder and all it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Gone {
    Page(PathBuf, String),
    Folder(PathBuf),
}

impl Gone {
    fn covers(&self, dir: &Path, stem: &str) -> bool {
        match self {
            Gone::Page(d, s) => d == dir && s == stem,
            Gone::Folder(d) => dir.starts_with(d),
        }
    }

    fn path(&self) -> PathBuf {
        match self {
            Gone::Page(d, s) => d.join(s),
            Gone::Folder(d) => d.clone(),
        }
    }
}

/// What the edition's files with `omit: true` leave out, and which file
/// says so; the warnings for those that cannot or may surprise.
fn omitting(
    parsed: &[Parsed],
    is_edition: bool,
    config: &crate::config::Config,
    diags: &mut Vec<Diagnostic>,
) -> Vec<(Gone, PathBuf)> {
    let mut gone: Vec<(Gone, PathBuf)> = Vec::new();
    for (file, fm, _) in parsed {
        if !fm.as_ref().is_some_and(|(fm, ..)| fm.omit) || file.from_base {
            continue;
        }
        if !is_edition {
            diags.push(
                Diagnostic::warning(
                    &file.rel,
                    1,
                    1,
                    "`omit: true` only applies in a local edition; this page is published",
                )
                .with_hint("a local edition's site.yaml names its base (base: ../global); omit drops that base's page from the edition"),
            );
            continue;
        }
        if file.lang != config.default_index() {
            let code = &config.languages[file.lang].code;
            diags.push(
                Diagnostic::warning(
                    &file.rel,
                    1,
                    1,
                    format!("`omit: true` in a `{code}` file leaves the page out in every language, not only in `{code}`"),
                )
                .with_hint(format!(
                    "name the file `{}.{}.md`, as the page it omits, to say so plainly",
                    file.stem, config.default_language
                )),
            );
        }
        let what = if file.stem == "index" {
            Gone::Folder(file.dir.clone())
        } else {
            Gone::Page(file.dir.clone(), file.stem.clone())
        };
        gone.push((what, file.rel.clone()));
    }
    gone
}

/// Takes out the pages an edition omits, and the files that say so.
/// Outside an edition, `omit:` is ignored with a warning.
pub(super) fn omit(
    parsed: Vec<Parsed>,
    replaced: &[BasePage],
    is_edition: bool,
    config: &crate::config::Config,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<Parsed>, Vec<Omitted>) {
    let nlang = config.languages.len();
    let gone = omitting(&parsed, is_edition, config, diags);
    if gone.is_empty() {
        return (parsed, Vec::new());
    }
    let mut omitted: Vec<Omitted> = gone
        .iter()
        .map(|(g, by)| Omitted {
            path: g.path(),
            titles: vec![None; nlang],
            by: by.clone(),
        })
        .collect();
    let mut kept = Vec::with_capacity(parsed.len());
    for p in parsed {
        let (file, fm, _) = &p;
        let Some(i) = gone
            .iter()
            .position(|(g, _)| g.covers(&file.dir, &file.stem))
        else {
            kept.push(p);
            continue;
        };
        if file.from_base && names(&gone[i].0, &file.dir, &file.stem) {
            omitted[i].titles[file.lang] = fm.as_ref().and_then(|(fm, ..)| fm.title.clone());
        }
    }
    // A base page the omitting file stands in for was never parsed.
    for page in replaced {
        if let Some(i) = gone
            .iter()
            .position(|(g, _)| g.covers(&page.dir, &page.stem))
            && names(&gone[i].0, &page.dir, &page.stem)
        {
            omitted[i].titles[page.lang] = Some(base_version(page).0).filter(|t| !t.is_empty());
        }
    }
    omitted.retain(|o| {
        let found = o.titles.iter().any(Option::is_some);
        if !found {
            diags.push(
                Diagnostic::warning(
                    &o.by,
                    1,
                    1,
                    format!(
                        "nothing to omit: the base has no page `{}`",
                        crate::diagnostics::display_path(&o.path)
                    ),
                )
                .with_hint(
                    "give the file the same folder and name as the base's page it leaves out",
                ),
            );
        }
        found
    });
    omitted.sort_by(|a, b| a.path.cmp(&b.path));
    (kept, omitted)
}

/// Whether a page gives the title of what is left out: the folder's
/// index, or the page itself.
fn names(gone: &Gone, dir: &Path, stem: &str) -> bool {
    match gone {
        Gone::Folder(d) => d == dir && stem == "index",
        Gone::Page(..) => true,
    }
}

/// The edition's replaced and added pages, once the tree is built.
pub(super) fn facts(site: &Site, replaced: Vec<BasePage>, omitted: Vec<Omitted>) -> EditionFacts {
    let mut overrides = Vec::new();
    let mut replaced_nodes = HashSet::new();
    for page in replaced {
        let Some(&node) = site.by_source.get(&page.dir.join(&page.stem)) else {
            continue; // omitted
        };
        let Some(doc) = site.nodes[node].docs[page.lang] else {
            continue;
        };
        replaced_nodes.insert(node);
        let (title, version, hash) = base_version(&page);
        overrides.push(Override {
            doc,
            base_rel: page.rel,
            base_hash: hash,
            base_title: title,
            base_version: version,
        });
    }
    overrides.sort_by(|a, b| site.docs[a.doc].file.rel.cmp(&site.docs[b.doc].file.rel));
    let from_base: HashMap<NodeId, bool> = site
        .node_ids()
        .map(|n| {
            let docs = site.nodes[n].docs.iter().flatten();
            let base = docs.clone().any(|&d| site.docs[d].file.from_base);
            (n, base || replaced_nodes.contains(&n))
        })
        .collect();
    let own = |n: NodeId| !from_base[&n] && site.nodes[n].docs.iter().any(Option::is_some);
    let mut added: Vec<NodeId> = site
        .node_ids()
        .filter(|&n| own(n) && site.nodes[n].parent.is_none_or(|p| !own(p)))
        .collect();
    added.sort_by(|&a, &b| site.nodes[a].url.cmp(&site.nodes[b].url));
    EditionFacts {
        overrides,
        added,
        omitted,
    }
}

/// The base page's title, version and content hash (as translations record
/// theirs). Its front matter was the base's to get right: problems in it
/// are not the edition's, so they are not reported here.
fn base_version(page: &BasePage) -> (String, Option<String>, String) {
    let Ok(split) = front_matter::split(&page.text) else {
        return (
            String::new(),
            None,
            crate::text::source_hash("", &page.text),
        );
    };
    let role = match (page.stem.as_str(), page.dir.components().count()) {
        ("index", 1) => Role::PublicationIndex,
        ("index", _) => Role::PartIndex,
        _ => Role::Chapter,
    };
    let fm = front_matter::parse(&split, &page.rel, role, &mut Vec::new()).unwrap_or_default();
    let title = fm.title.unwrap_or_default();
    let body = &page.text[split.body_offset..];
    let hash = crate::text::source_hash(&title, body);
    (title, fm.version, hash)
}
