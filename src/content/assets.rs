//! Files under `guidance/` that are not Markdown (images, documents): where
//! each is copied in every language's folder, and which per-language
//! variant (`diagram.fr.png`) stands in for it.

use super::load::AssetFile;
use super::model::{Asset, NodeId, Site};
use crate::diagnostics::Diagnostic;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// Maps each non-Markdown file to its place in the output.
/// Two files whose names differ only in their Unicode form (`é` typed as
/// one character or as `e` and an accent): one name on every other disk.
fn same_name(first: &Path, second: &Path) -> Diagnostic {
    let shown = |p: &Path| Path::new(crate::content::load::CONTENT_DIR).join(p);
    Diagnostic::error(
        shown(second),
        0,
        0,
        format!(
            "`{}` has the same name as `{}`, written another way (an accented letter as one character, or as a letter and a separate accent, as macOS saves names): they look alike, and only one could be published",
            crate::diagnostics::display_path(&shown(second)),
            crate::diagnostics::display_path(&shown(first))
        ),
    )
    .with_hint("keep one of the two files")
}

pub(super) fn collect_assets(
    site: &mut Site,
    files: Vec<AssetFile>,
    dir_nodes: &HashMap<PathBuf, NodeId>,
    diags: &mut Vec<Diagnostic>,
) {
    let mut by_out: BTreeMap<String, Asset> = BTreeMap::new();
    let mut sources: Vec<(PathBuf, String)> = Vec::new();
    let mut refused_folders = std::collections::BTreeSet::new();
    for f in files {
        if f.from_base {
            site.base_assets.insert(f.rel.clone());
        }
        // Folders and names in NFC, as links are: the file is still read
        // from its path on disk (`f.rel`).
        let key = PathBuf::from(crate::slug::nfc(&crate::no_follow::slash_path(&f.rel)).as_ref());
        let dir = key.parent().unwrap_or(Path::new(""));
        let out_dir = out_dir_of(site, dir_nodes, dir);
        if let Some(folder) = refused_folder(dir_nodes, dir)
            && refused_folders.insert(folder.clone())
        {
            diags.push(refused_folder_error(folder));
        }
        let name = key
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        match f.variant {
            Some((lang, base)) => {
                let out = format!("{out_dir}{}", crate::slug::nfc(&base));
                let variants = &mut by_out
                    .entry(out.clone())
                    .or_insert_with(|| new_asset(&out))
                    .variants;
                if let Some(first) = variants.get(&lang) {
                    diags.push(same_name(first, &f.rel));
                    continue;
                }
                variants.insert(lang, f.rel);
                sources.push((key, out));
            }
            None => {
                let out = format!("{out_dir}{name}");
                let asset = by_out.entry(out.clone()).or_insert_with(|| new_asset(&out));
                if let Some(first) = &asset.src {
                    diags.push(same_name(first, &f.rel));
                    continue;
                }
                asset.src = Some(f.rel);
                sources.push((key, out));
            }
        }
    }
    let index: HashMap<String, usize> = by_out
        .keys()
        .enumerate()
        .map(|(i, k)| (k.clone(), i))
        .collect();
    site.assets = by_out.into_values().collect();
    for (src, out) in sources {
        site.asset_by_source.insert(src, index[&out]);
    }
}

fn new_asset(out: &str) -> Asset {
    Asset {
        out: out.to_string(),
        src: None,
        variants: BTreeMap::new(),
    }
}

/// The first folder of `dir` whose own name its files would be published
/// under and which Windows refuses (`Photos?/`); a publication's or
/// part's folder is published under its page name (see `windows_names`).
fn refused_folder(dir_nodes: &HashMap<PathBuf, NodeId>, dir: &Path) -> Option<PathBuf> {
    let mut cur = PathBuf::new();
    for comp in dir.components() {
        cur.push(comp);
        let name = comp.as_os_str().to_str().unwrap_or("");
        if !dir_nodes.contains_key(&cur)
            && crate::content::file_types::portable_name_problem(name).is_some()
        {
            return Some(cur);
        }
    }
    None
}

/// The walk let such a folder through, in case it was a part's.
fn refused_folder_error(folder: PathBuf) -> Diagnostic {
    let name = folder.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let problem = crate::content::file_types::portable_name_problem(name).unwrap_or_default();
    let shown = Path::new(crate::content::load::CONTENT_DIR).join(&folder);
    crate::content::names::portable_error(shown, &problem)
}

/// A folder's path in the output: publication and part folders by their
/// slug, other folders (`images/`) by their own name.
fn out_dir_of(site: &Site, dir_nodes: &HashMap<PathBuf, NodeId>, dir: &Path) -> String {
    let mut out = String::new();
    let mut cur = PathBuf::new();
    for comp in dir.components() {
        cur.push(comp);
        match dir_nodes.get(&cur) {
            Some(&n) => {
                out = site.nodes[n].out_dir().to_string();
            }
            None => {
                out.push_str(&comp.as_os_str().to_string_lossy());
                out.push('/');
            }
        }
    }
    out
}
