//! Links from a local edition's base pages to a page the edition omits
//! (`omit: true`): published as their text, with a warning, since the base
//! page is not the edition's to fix. Hooked into `link_html::link_href` where
//! a link's target is missing.

use super::links::percent_decode;
use crate::content::model::{Omitted, Site};
use std::path::{Component, Path, PathBuf};

/// The omission, when `dest`, linked from folder `dir`, is a page (or in a
/// folder) the edition leaves out.
pub(super) fn omits<'a>(site: &'a Site, dir: &Path, dest: &str) -> Option<&'a Omitted> {
    let facts = site.edition.as_ref()?;
    let path = dest.split(['#', '?']).next().unwrap_or("");
    let path = normalize(&dir.join(percent_decode(path)))?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let stem = name
        .strip_suffix(".md")
        .or_else(|| name.strip_suffix(".markdown"))
        .map(|s| {
            crate::content::load::split_lang(s, &site.config)
                .map_or(s, |(stem, _)| stem)
                .to_string()
        });
    let page = match stem {
        Some(s) => path.with_file_name(s),
        None => path,
    };
    facts
        .omitted
        .iter()
        .find(|o| page == o.path || page.starts_with(&o.path))
}

/// Resolves `.` and `..`; `None` when the path climbs above its root.
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
