//! A local edition's differences from its base, worked out once the files
//! are parsed: pages it omits (`omit: true`) are taken out of the tree
//! before it is built; replaced and added pages are listed after, with the
//! hash of each replaced base page for the report of overrides whose base
//! changed since they were adapted (`adapts:`). An edition's page whose
//! base page is gone (the base renamed it) replaces nothing any more: it
//! is said at its `adapts:` line, with the base file that looks like it.

use super::front_matter::{self, Role};
use super::load::{BasePage, Parsed};
use super::model::{Adrift, EditionFacts, NodeId, Omitted, Override, Site};
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

/// The warning for an edition's own page (a translation made before the
/// page was omitted, a page in an omitted folder) that `by` leaves out:
/// it would be unpublished without a word.
fn left_out_with(file: &super::load::SourceFile, by: &Path) -> Diagnostic {
    Diagnostic::warning(
        &file.rel,
        1,
        1,
        format!(
            "this page is not published: `{}` (`omit: true`) leaves it out of the edition",
            crate::diagnostics::display_path(by)
        ),
    )
    .with_hint("delete this file if the edition no longer needs it, or take `omit: true` out to publish it")
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
    if is_edition {
        // Here, before the tree, so that every command says it once.
        adrift_warnings(&parsed, replaced, &gone, diags);
    }
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
        } else if !file.from_base && !fm.as_ref().is_some_and(|(fm, ..)| fm.omit) {
            diags.push(left_out_with(file, &gone[i].1));
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
        let (title, version, hash, legacy) = base_version(&page);
        overrides.push(Override {
            doc,
            base_rel: page.rel,
            base_hash: hash,
            base_legacy_hash: legacy,
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
    let bases: Vec<BaseFile> = site
        .docs
        .iter()
        .filter(|d| d.file.from_base)
        .map(|d| BaseFile::of(&d.file))
        .collect();
    let adrift = site
        .doc_ids()
        .filter(|&d| !from_base[&site.docs[d].node])
        .filter_map(|d| {
            let doc = &site.docs[d];
            let adapts = doc.fm.adapts.as_deref()?;
            let renamed = renamed_base(&doc.file, adapts, &bases)
                .map(|b| (b.rel.to_path_buf(), new_name(&doc.file, b)));
            Some(Adrift { doc: d, renamed })
        })
        .collect();
    EditionFacts {
        overrides,
        added,
        omitted,
        adrift,
    }
}

/// A base page's file, as the search for a renamed one sees it.
struct BaseFile<'a> {
    dir: &'a Path,
    stem: &'a str,
    lang: crate::config::LangId,
    rel: &'a Path,
    hash: Option<&'a str>,
    legacy_hash: Option<&'a str>,
}

impl<'a> BaseFile<'a> {
    /// Whether stamp `adapts` is this page's content: its hash, or the one
    /// stamps recorded before the summary counted.
    fn records(&self, adapts: &str) -> bool {
        self.hash == Some(adapts) || self.legacy_hash == Some(adapts)
    }

    fn of(f: &'a super::load::SourceFile) -> Self {
        BaseFile {
            dir: &f.dir,
            stem: &f.stem,
            lang: f.lang,
            rel: &f.rel,
            hash: f.hash.as_deref(),
            legacy_hash: f.legacy_hash.as_deref(),
        }
    }
}

/// The base file that looks like the one edition page `page` adapted
/// (`adapts`), renamed: the one whose content is what `adapts:` records,
/// else one in the same folder with the same number or a similar name;
/// in the page's language first.
fn renamed_base<'a, 'b>(
    page: &super::load::SourceFile,
    adapts: &str,
    bases: &'b [BaseFile<'a>],
) -> Option<&'b BaseFile<'a>> {
    let number = |stem: &str| crate::slug::order_and_slug(stem).0;
    bases
        .iter()
        .filter(|b| b.stem != "index" && (b.dir, b.stem) != (page.dir.as_path(), &page.stem))
        .filter(|b| {
            b.records(adapts)
                || (b.dir == page.dir && super::names::may_be_renamed(&page.stem, b.stem))
        })
        .min_by_key(|b| {
            let same_number = number(b.stem).is_some() && number(b.stem) == number(&page.stem);
            (!b.records(adapts), !same_number, b.lang != page.lang, b.rel)
        })
}

/// Warns at the `adapts:` line of each edition page whose base page is
/// gone: it replaces nothing now, so both it and the base's renamed page
/// are published, and the report of base changes loses it.
fn adrift_warnings(
    parsed: &[Parsed],
    replaced: &[BasePage],
    gone: &[(Gone, PathBuf)],
    diags: &mut Vec<Diagnostic>,
) {
    let base_pages: HashSet<(&Path, &str)> = parsed
        .iter()
        .filter(|(f, ..)| f.from_base)
        .map(|(f, ..)| (f.dir.as_path(), f.stem.as_str()))
        .chain(replaced.iter().map(|p| (p.dir.as_path(), p.stem.as_str())))
        .collect();
    // An omitted page is not one the base renamed.
    let bases: Vec<BaseFile> = parsed
        .iter()
        .filter(|(f, ..)| f.from_base && !gone.iter().any(|(g, _)| g.covers(&f.dir, &f.stem)))
        .map(|(f, ..)| BaseFile::of(f))
        .collect();
    for (file, fm, _) in parsed {
        let Some((fm, ..)) = fm else { continue };
        let Some(adapts) = fm.adapts.as_deref() else {
            continue;
        };
        if file.from_base || fm.omit || base_pages.contains(&(file.dir.as_path(), &file.stem)) {
            continue;
        }
        let renamed = renamed_base(file, adapts, &bases);
        diags.push(adrift_warning(file, renamed));
    }
}

/// The name edition page `file` needs to replace base page `b`: in the
/// same folder its file name, else its path in the site.
fn new_name(file: &super::load::SourceFile, b: &BaseFile) -> String {
    let name = file.rel.file_name().map(|n| n.to_string_lossy());
    let suffix = name
        .as_deref()
        .and_then(|n| n.strip_prefix(file.stem.as_str()))
        .unwrap_or(".md");
    let new = format!("{}{suffix}", b.stem);
    if b.dir == file.dir {
        new
    } else {
        let path = Path::new(super::load::CONTENT_DIR).join(b.dir).join(new);
        crate::diagnostics::display_path(&path)
    }
}

fn adrift_warning(file: &super::load::SourceFile, renamed: Option<&BaseFile>) -> Diagnostic {
    let (line, col) = front_matter::key_line(&file.text, "adapts");
    let page = crate::diagnostics::display_path(&file.dir.join(&file.stem));
    let (message, hint) = match renamed {
        Some(b) => (
            format!(
                "this page adapts the base's page `{page}`, which the base no longer has; `{}` looks like it, renamed",
                crate::diagnostics::display_path(b.rel)
            ),
            format!(
                "if it is, rename this file (and its other languages) to `{}`, so that it replaces that page again, and review it against the base's; if this is now a page of its own, remove the `adapts:` line. Until then both pages are published",
                new_name(file, b)
            ),
        ),
        None => (
            format!("this page adapts the base's page `{page}`, which the base no longer has"),
            "if the base renamed or moved it, give this file (and its other languages) the new name, so that it replaces that page again; if this is now a page of its own, remove the `adapts:` line".to_string(),
        ),
    };
    Diagnostic::warning(&file.rel, line, col, message).with_hint(hint)
}

/// The base page's title, version and content hash (as translations record
/// theirs). Its front matter was the base's to get right: problems in it
/// are not the edition's, so they are not reported here.
fn base_version(page: &BasePage) -> (String, Option<String>, String, Option<String>) {
    let Ok(split) = front_matter::split(&page.text) else {
        return (
            String::new(),
            None,
            crate::text::source_hash("", &page.text),
            None,
        );
    };
    let role = match (page.stem.as_str(), page.dir.components().count()) {
        ("index", 1) => Role::PublicationIndex,
        ("index", _) => Role::PartIndex,
        _ => Role::Chapter,
    };
    let fm =
        front_matter::parse(&split, &page.rel, role, false, &mut Vec::new()).unwrap_or_default();
    let version = fm.about().version.clone();
    let title = fm.title.unwrap_or_default();
    let body = &page.text[split.body_offset..];
    let summary = fm.summary.as_deref();
    let hash = crate::text::stamp_hash(&title, summary, body);
    let legacy = crate::text::legacy_hash(&title, summary, body);
    (title, version, hash, legacy)
}
