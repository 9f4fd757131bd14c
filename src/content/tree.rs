//! Settling the tree once every file is placed: each page's source
//! language, the order of siblings, clashing page names, reading order.

use super::message_path::{file_of, site_rel};
use super::model::{Node, NodeId, NodeKind, Site};
use super::ordering;
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
        // Hugo's `weight` orders a page whose name has no number.
        let numbered = node.order.0 != i64::MAX;
        let fm_order = source_doc.and_then(|d| {
            let fm = &site.docs[d].fm;
            fm.order.or(fm.weight.filter(|_| !numbered))
        });
        let node = &mut site.nodes[id];
        node.source_lang = source_lang;
        node.order = match fm_order {
            Some(n) => (n, Vec::new(), node.slug.clone()),
            None => (
                node.order.0,
                std::mem::take(&mut node.order.1),
                node.slug.clone(),
            ),
        };
        let where_ = site_rel(node);
        let node = &site.nodes[id];
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
                .with_hint(format!(
                    "add an index file with the publication's title and kind{}{}",
                    readme_hint(&site.readmes, &node.dir, "publication"),
                    category_hint(site, node)
                )),
            ),
            (NodeKind::Part, None) => diags.push(
                Diagnostic::warning(&where_, 0, 0, format!("part folder has no index.{code}.md; its title is taken from the folder name"))
                    .with_hint(format!(
                        "add an index file with `title:`{}{}",
                        page_beside(site, node).unwrap_or_else(|| readme_hint(&site.readmes, &node.dir, "part")),
                        category_hint(site, node)
                    )),
            ),
            (_, Some(_)) if source_lang != default => {
                let d = source_doc.map(|d| site.docs[d].file.rel.clone()).unwrap_or_default();
                let mut w = Diagnostic::warning(
                    d,
                    0,
                    0,
                    format!("no `{code}` version of this page; readers of other languages get this one"),
                );
                if let Some(hint) = renamed_hint(site, id, source_lang) {
                    w = w.with_hint(hint);
                }
                diags.push(w);
            }
            _ => {}
        }
    }
    for id in site.node_ids() {
        let mut children = std::mem::take(&mut site.nodes[id].children);
        children.sort_by(|&a, &b| site.nodes[a].order.cmp(&site.nodes[b].order));
        check_slugs(site, &children, diags);
        ordering::check_orders(site, &children, diags);
        ordering::check_unordered(site, id, &children, diags);
        check_copies(site, &children, diags);
        site.nodes[id].children = children;
    }
    let mut pubs = std::mem::take(&mut site.publications);
    pubs.sort_by(|&a, &b| site.nodes[a].order.cmp(&site.nodes[b].order));
    check_slugs(site, &pubs, diags);
    ordering::check_orders(site, &pubs, diags);
    site.publications = pubs;
    for &p in &site.publications {
        let mut order = Vec::new();
        walk(&site.nodes, p, &mut order);
        site.reading_order.insert(p, order);
    }
}

/// For a page in another language alone: the default-language pages
/// beside it that lack that language, one of which may be its source,
/// renamed (nothing in the files can tell).
fn renamed_hint(site: &Site, id: NodeId, lang: LangId) -> Option<String> {
    let node = &site.nodes[id];
    if node.kind != NodeKind::Chapter {
        return None;
    }
    let default = site.config.default_index();
    let siblings = node
        .parent
        .map_or(&site.publications, |p| &site.nodes[p].children);
    let code = &site.config.languages[lang].code;
    let names: Vec<String> = siblings
        .iter()
        .map(|&s| &site.nodes[s])
        .filter(|s| s.kind == node.kind && s.docs[default].is_some() && s.docs[lang].is_none())
        // Only names that look like its own: any untranslated page is noise.
        .filter(|s| super::names::may_be_renamed(&node.stem, &s.stem))
        .take(3)
        .map(|s| format!("`{}.{code}.md`", s.stem))
        .collect();
    (!names.is_empty()).then(|| {
        format!(
            "if the page it translates was renamed, give this file its new name: {}",
            names.join(" or ")
        )
    })
}

fn walk(nodes: &[Node], id: NodeId, out: &mut Vec<NodeId>) {
    out.push(id);
    for &c in &nodes[id.0].children {
        walk(nodes, c, out);
    }
}

/// GitBook, mdBook and Docsify make a folder's README its page: in a
/// folder with no index, it is most likely the introduction, left out
/// without a word (see `layers::not_a_page`). What the hint adds then.
fn readme_hint(readmes: &[PathBuf], dir: &Path, what: &str) -> String {
    let Some(name) = readmes
        .iter()
        .filter(|r| r.parent() == Some(dir))
        .find_map(|r| r.file_name()?.to_str())
    else {
        return String::new();
    };
    format!(
        "; `{name}` here is not read (fieldguide takes a README for a note to contributors): if it is the {what}'s introduction, as GitBook and mdBook make it, rename it `index.md` and start it with front matter that has `title:`"
    )
}

/// Docusaurus's `_category_.json` (or `.yml`) in the folder: its label and
/// position, to write in the index file (`guidance/docs/safety/index.md`).
fn category_hint(site: &Site, node: &Node) -> String {
    let Some((_, category)) = site.categories.iter().find(|(dir, _)| *dir == node.dir) else {
        return String::new();
    };
    let (file, gives, front) = (&category.file, &category.gives, &category.front);
    let index = Path::new(super::load::CONTENT_DIR)
        .join(&node.dir)
        .join("index.md");
    let index = crate::no_follow::slash_path(&index);
    match (gives.is_empty(), front.is_empty()) {
        (true, _) => format!("; Docusaurus's `{file}` here is not read: write `{index}`"),
        (false, true) => {
            format!("; Docusaurus's `{file}` here gives {gives}, and is not read: write `{index}`")
        }
        (false, false) => format!(
            "; Docusaurus's `{file}` here gives {gives}, and is not read: write `{index}` with {front} in its front matter"
        ),
    }
}

/// A page beside a part's folder with the folder's name (`Safety planning
/// 3f2a….md` and `Safety planning 3f2a…/`), as Notion and Confluence
/// export a page with sub-pages: it is the folder's introduction, but was
/// published as a chapter of its own beside a part titled by the folder's
/// name.
fn page_beside(site: &Site, part: &Node) -> Option<String> {
    let folder = part.dir.file_name()?.to_str()?;
    let parent = &site.nodes[part.parent?];
    let page = parent
        .children
        .iter()
        .map(|&c| &site.nodes[c])
        .find(|c| c.kind == NodeKind::Chapter && c.dir == parent.dir && c.stem == folder)?;
    let file = &site.docs[page.docs.iter().flatten().next().copied()?]
        .file
        .rel;
    let name = file.file_name()?.to_str()?;
    let index = match name.strip_prefix(folder) {
        Some(rest) => format!("index{rest}"),
        None => "index.md".to_string(),
    };
    Some(format!(
        "; `{name}` beside the folder has its name: it is the folder's page (Notion and Confluence export a page with sub-pages so), published now as a chapter apart: move it into the folder as `{index}`"
    ))
}

/// A chapter named as a copy of a sibling (`Copy of 02-x.en.md` next to
/// `02-x.en.md`): published as a page of its own, so said.
fn check_copies(site: &Site, siblings: &[NodeId], diags: &mut Vec<Diagnostic>) {
    let stems: HashMap<&str, NodeId> = siblings
        .iter()
        .map(|&id| (site.nodes[id].stem.as_str(), id))
        .collect();
    for &id in siblings {
        let node = &site.nodes[id];
        let Some(copied) = (node.kind == NodeKind::Chapter)
            .then(|| super::names::copy_of(&node.stem))
            .flatten()
        else {
            continue;
        };
        // A copy of the folder's own index is a chapter beside it.
        let name = match stems.get(copied) {
            Some(&original) => file_of(site, &site.nodes[original])
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default(),
            None if copied == "index" => "index".to_string(),
            None => continue,
        };
        diags.push(
            Diagnostic::warning(
                file_of(site, node),
                0,
                0,
                format!("this looks like a copy of `{name}`, and is published as a page of its own (`{}`)", node.slug),
            )
            .with_hint("remove it if it is a copy; if it is a page of its own, give it a name of its own"),
        );
    }
}

fn check_slugs(site: &Site, siblings: &[NodeId], diags: &mut Vec<Diagnostic>) {
    // A part's folder and a chapter file may share a slug (`x/` and `x.html`).
    let mut seen: HashMap<(bool, &str), NodeId> = HashMap::new();
    let file_of = |n: &Node| file_of(site, n);
    // The longest language code: a publication's PDFs carry it in their names.
    let longest_code = site
        .config
        .languages
        .iter()
        .map(|l| l.code.as_str())
        .max_by_key(|c| c.len())
        .unwrap_or("")
        .to_string();
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
        if let Some(problem) = published_name_problem(node, &longest_code) {
            diags.push(
                super::names::portable_error(file_of(node), &problem).with_hint(format!(
                    "rename the {}: the number (`01-`) and the language are not part of the page name; the site is copied to phones and USB sticks, read on Windows and macOS",
                    if is_chapter { "file" } else { "folder" }
                )),
            );
        }
        let published = if is_chapter {
            &node.url
        } else {
            node.out_dir()
        };
        diags.extend(super::windows_names::node_warning(
            &file_of(node),
            is_chapter,
            published,
        ));
        diags.extend(super::wordless_names::node_warning(
            site,
            node,
            &file_of(node),
            published,
        ));
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

/// Why the name a page is published under would not work on Windows.
/// The file check sees `03-con.en.md`, not the `con.html` made from it
/// once the number and language are taken off.
fn published_name_problem(node: &Node, longest_code: &str) -> Option<String> {
    use crate::content::file_types::{is_reserved, portable_name_problem};
    let source = match node.kind {
        NodeKind::Chapter => node.stem.as_str(),
        _ => {
            let name = node.dir.file_name().and_then(|n| n.to_str()).unwrap_or("");
            // The walk named a folder whose own name fails, and went on.
            if portable_name_problem(name).is_some() {
                return None;
            }
            name
        }
    };
    let slug = node.slug.as_str();
    if is_reserved(slug) {
        return Some(format!(
            "the page name `{slug}` (from `{source}`) is a name Windows reserves for a device, so the site could not be copied or unzipped on Windows"
        ));
    }
    let published = match node.kind {
        NodeKind::Chapter => format!("{slug}.html"),
        _ => slug.to_string(),
    };
    if let Some(p) = portable_name_problem(&published) {
        return Some(format!(
            "`{source}` would be published as `{published}`: {p}"
        ));
    }
    // Most file systems hold names of up to 255 bytes; lower case can be
    // longer than the name it comes from (`Ⱥ` is 2 bytes, `ⱥ` 3), and a
    // publication's booklet PDF adds its language and `.booklet.pdf`.
    let longest = match node.kind {
        NodeKind::Publication => format!("{slug}.{longest_code}.booklet.pdf"),
        _ => published,
    };
    (longest.len() > 255).then(|| {
        format!(
            "`{source}` would be published under a name of {} bytes (`{}…`): most file systems hold 255",
            longest.len(),
            longest.chars().take(24).collect::<String>()
        )
    })
}

fn dup_slug(a: &Path, b: &Path, slug: &str) -> Diagnostic {
    Diagnostic::error(
        a,
        0,
        0,
        format!(
            "two pages would both be published as `{slug}`: this one and `{}`",
            crate::diagnostics::display_path(b)
        ),
    )
    .with_hint(dup_slug_hint(a, b, slug))
}

/// Why two names give one page name: the number prefix, when either has
/// one; else the rule (`Field Guide` and `field-guide`, `a_b` and `A-B`).
fn dup_slug_hint(a: &Path, b: &Path, slug: &str) -> String {
    let name = |p: &Path| {
        p.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let (a, b) = (name(a), name(b));
    let stem = |n: &str| super::names::is_markdown(n).unwrap_or(n).to_string();
    if crate::slug::has_notion_id(&stem(&a)) || crate::slug::has_notion_id(&stem(&b)) {
        // Two Notion pages of one title (`Untitled`, `Meeting notes`).
        return format!(
            "the page id Notion adds to a name (the 32 letters and digits at its end) is left out of the page name, so `{b}` and `{a}` both give `{slug}`: give one of them another title and rename its file after it"
        );
    }
    if [&a, &b]
        .iter()
        .any(|n| n.starts_with(|c: char| c.is_ascii_digit()))
    {
        return "the number prefix (`01-`) is not part of the page name; rename one of them".into();
    }
    format!(
        "page names are lower case, with `-` for spaces and punctuation: `{b}` and `{a}` both give `{slug}`; rename one of them"
    )
}

#[cfg(test)]
#[path = "tree_tests.rs"]
mod tests;
