//! Links to drafts left out of the build (`draft: true` without
//! `--drafts`). Readers would get a broken link, so each is an error, even
//! with `broken_links: warning`: the page exists, the author chose to hold
//! it back, and the message says so instead of "missing page".
//!
//! The Markdown step reports such a link as a missing page at the same
//! place; [`supersede`] drops that report for this one.

use crate::content::load::split_lang;
use crate::content::model::{DocId, Reason, Site};
use crate::diagnostics::{Diagnostic, display_path};
use crate::markdown::links::percent_decode;
use crate::text::LineIndex;
use pulldown_cmark::{Event, Parser, Tag};
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

/// Pages left out as drafts: `dir/stem` (and folders, `dir/index`) -> file.
fn drafts(site: &Site) -> HashMap<PathBuf, PathBuf> {
    site.left_out
        .iter()
        .filter(|l| !site.by_source.contains_key(&l.key))
        .filter_map(|l| match &l.reason {
            Reason::Draft { marked } => Some((l.key.clone(), marked.clone())),
            Reason::Orphan { .. } => None,
        })
        .collect()
}

/// Every link from a published page to a draft left out, as errors.
/// `text` gives a document's whole file (a build reads it again; `None`:
/// it changed, which the Markdown step reports).
pub fn link_errors<'t>(
    site: &Site,
    text: &(dyn Fn(DocId) -> Option<Cow<'t, str>> + Sync),
) -> Vec<Diagnostic> {
    let drafts = drafts(site);
    if drafts.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<Diagnostic> = site
        .doc_ids()
        .collect::<Vec<_>>()
        .into_par_iter()
        .flat_map_iter(|d| {
            let doc = site.doc(d);
            let mut found = Vec::new();
            let Some(text) = text(d) else {
                return found;
            };
            let body = text.get(doc.body_offset..).unwrap_or("");
            // Cheap test first, linear in the text: most pages link to no
            // draft, and only those that may are parsed again.
            if !destinations(body).any(|dest| target(site, &doc.file.dir, dest, &drafts).is_some()) {
                return found;
            }
            let lines = std::cell::OnceCell::new();
            let parser = Parser::new_ext(body, crate::markdown::md_options()).into_offset_iter();
            for (event, range) in parser {
                let Event::Start(Tag::Link { dest_url, .. }) = event else {
                    continue;
                };
                let Some(file) = target(site, &doc.file.dir, &dest_url, &drafts) else {
                    continue;
                };
                let (line, col) = lines
                    .get_or_init(|| LineIndex::new(&text))
                    .locate(&text, doc.body_offset + range.start);
                found.push(
                    Diagnostic::error(
                        &doc.file.rel,
                        line + 1,
                        col,
                        format!(
                            "link to `{dest_url}`, a draft (`draft: true` in {}): drafts are left out of this build, so readers would get a broken link",
                            display_path(file)
                        ),
                    )
                    .with_hint("remove the link, publish the page (remove `draft: true`), or build with `--drafts` to include drafts"),
                );
            }
            found
        })
        .collect();
    out.sort_by(|a, b| (&a.path, a.line, a.col).cmp(&(&b.path, b.line, b.col)));
    out
}

/// What may be link destinations in Markdown, found without parsing it:
/// the text after each `](` (inline links) and after `]:` (link
/// definitions), up to a space or `)`. It may find more than links, never
/// fewer.
fn destinations(body: &str) -> impl Iterator<Item = &str> {
    ["](", "]:"].into_iter().flat_map(move |mark| {
        body.match_indices(mark).map(move |(at, _)| {
            let rest = body[at + mark.len()..].trim_start_matches(' ');
            // `<a file with spaces.md>` runs to its `>`.
            if let Some(bracketed) = rest.strip_prefix('<') {
                return bracketed.split('>').next().unwrap_or("");
            }
            let end = rest
                .find(|c: char| c.is_whitespace() || c == ')')
                .unwrap_or(rest.len());
            &rest[..end]
        })
    })
}

/// The draft a link destination leads to, if any.
fn target<'d>(
    site: &Site,
    dir: &Path,
    dest: &str,
    drafts: &'d HashMap<PathBuf, PathBuf>,
) -> Option<&'d PathBuf> {
    let dest = dest.trim();
    let path_part = dest.split(['#', '?']).next().unwrap_or("");
    let has_scheme = path_part
        .split_once(':')
        .is_some_and(|(s, _)| !s.contains('/'));
    if path_part.is_empty() || has_scheme || path_part.starts_with("//") {
        return None;
    }
    let decoded = percent_decode(path_part);
    let joined = match decoded.strip_prefix('/') {
        Some(abs) => PathBuf::from(abs),
        None => dir.join(&decoded),
    };
    let path = normalize(&joined)?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let lower = name.to_ascii_lowercase();
    let key = match [".md", ".markdown"].iter().find(|e| lower.ends_with(*e)) {
        Some(ext) => {
            let stem = &name[..name.len() - ext.len()];
            let stem = split_lang(stem, &site.config).map_or(stem, |(s, _)| s);
            path.with_file_name(stem)
        }
        None => path.join("index"),
    };
    // The page itself, or the index of a draft folder it is in.
    key.ancestors()
        .find_map(|a| drafts.get(a).or_else(|| drafts.get(&a.join("index"))))
}

fn normalize(p: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            Component::Normal(s) => out.push(s),
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(out)
}

/// Drops the other reports (a missing page) at the places `found` reports.
pub fn supersede(diags: &mut Vec<Diagnostic>, found: &[Diagnostic]) {
    if found.is_empty() {
        return;
    }
    let places: std::collections::HashSet<(&Path, usize, usize)> = found
        .iter()
        .map(|d| (d.path.as_path(), d.line, d.col))
        .collect();
    diags.retain(|d| !places.contains(&(d.path.as_path(), d.line, d.col)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn destinations_are_found_without_parsing() {
        let body =
            "See [a](01-a.md#x \"t\"), [b]( <my page.md>) and [c][ref].\n\n[ref]: ../next/ \"T\"\n";
        let found: Vec<&str> = destinations(body).collect();
        assert_eq!(found, ["01-a.md#x", "my page.md", "../next/"]);
    }

    #[test]
    fn links_to_drafts_are_errors_at_their_place() {
        let (config, _) = crate::config::parse(
            "title: T\ndefault_language: en\nlanguages: [en, fr]\n",
            Path::new("site.yaml"),
        );
        let mut diags = Vec::new();
        let site = crate::content::build::from_memory(
            config.unwrap(),
            &[
                (
                    "pub/index.en.md",
                    "---\ntitle: P\n---\nSee [a](01-a.md#x), [b](02-b.fr.md), [n](../next/) and [c](../next/01-c.md).\n",
                ),
                ("pub/01-a.en.md", "---\ntitle: A\ndraft: true\n---\n"),
                ("pub/02-b.en.md", "---\ntitle: B\n---\n"),
                ("pub/02-b.fr.md", "---\ntitle: B\ndraft: true\n---\n"),
                ("next/index.en.md", "---\ntitle: N\ndraft: true\n---\n"),
                ("next/01-c.en.md", "---\ntitle: C\n---\n"),
            ],
            &mut diags,
        );
        let found: Vec<String> = link_errors(&site, &|d| {
            Some(Cow::Borrowed(site.doc(d).file.text.as_str()))
        })
        .iter()
        .map(Diagnostic::headline)
        .collect();
        let at: Vec<&str> = found
            .iter()
            .map(|h| h.split(": error").next().unwrap())
            .collect();
        // `02-b.fr.md` falls back to the published English page: no error.
        assert_eq!(
            at,
            [
                "guidance/pub/index.en.md:4:5",
                "guidance/pub/index.en.md:4:38",
                "guidance/pub/index.en.md:4:56",
            ]
        );
        assert!(
            found[0].contains(
                "link to `01-a.md#x`, a draft (`draft: true` in guidance/pub/01-a.en.md)"
            ),
            "{found:?}"
        );
        assert!(
            found[2].contains(
                "link to `../next/01-c.md`, a draft (`draft: true` in guidance/next/index.en.md)"
            ),
            "{found:?}"
        );
    }
}
