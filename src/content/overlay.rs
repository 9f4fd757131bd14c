//! A local edition's layer laid over its base's (both walked by
//! `layers`): each path resolves to the edition's file, else the base's.
//! Pages match by folder, name and language, other files by their path in
//! NFC; what the edition replaced is kept for the report of overrides
//! whose base changed, and base pages in none of the edition's languages
//! are told.

use super::layers::{AssetFile, MdEntry, Walked};
use crate::config::{Config, LangId};
use crate::diagnostics::Diagnostic;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// A base page the edition replaced: where it is, to tell the country team
/// when it changes.
pub struct Replaced {
    /// The page's folder (under `guidance/`), name and language.
    pub dir: PathBuf,
    pub stem: String,
    pub lang: LangId,
    /// Relative to the base's site folder.
    pub in_site: PathBuf,
}

/// The base's pages that have no file in any language the edition
/// publishes (its `languages:` leaves out the base's default language, and
/// no one translated them): a warning each, since they are on no page of
/// the edition, in no language.
pub fn unpublished(
    other_languages: &[(PathBuf, PathBuf, String)],
    md: &[(MdEntry, bool)],
    config: &Config,
) -> Vec<Diagnostic> {
    let published: HashSet<PathBuf> = md.iter().map(|(m, _)| m.dir.join(&m.stem)).collect();
    let mut seen = HashSet::new();
    let codes: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
    let mut out: Vec<(PathBuf, Diagnostic)> = other_languages
        .iter()
        .filter(|(page, _, _)| !published.contains(page) && seen.insert(page.clone()))
        .map(|(page, shown, code)| {
            let name = page.file_name().map_or(String::new(), |n| n.to_string_lossy().into_owned());
            let d = Diagnostic::warning(
                shown,
                0,
                0,
                format!(
                    "not published: this page of the base is in no language of this edition ({})",
                    codes.join(", ")
                ),
            )
            .with_hint(format!(
                "translate it as this edition's `guidance/{}/{name}.{}.md`, or add `{code}` to the edition's `languages:` to show it in {code} with a notice",
                page.parent().map_or(String::new(), |p| p.to_string_lossy().replace('\\', "/")),
                codes.first().copied().unwrap_or("")
            ));
            (page.clone(), d)
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out.into_iter().map(|(_, d)| d).collect()
}

/// Lays the edition's files over the base's. Returns every Markdown file
/// with the layer it comes from (`true`: the base), every other file, and
/// the base pages the edition replaced.
pub fn merge(
    edition: Walked,
    base: Walked,
) -> (Vec<(MdEntry, bool)>, Vec<AssetFile>, Vec<Replaced>) {
    let own: HashSet<(&Path, &str, LangId)> = edition
        .md
        .iter()
        .map(|m| (m.dir.as_path(), m.stem.as_str(), m.lang))
        .collect();
    let mut replaced = Vec::new();
    let mut from_base = Vec::new();
    for m in base.md {
        if own.contains(&(m.dir.as_path(), m.stem.as_str(), m.lang)) {
            replaced.push(Replaced {
                dir: m.dir,
                stem: m.stem,
                lang: m.lang,
                in_site: m.in_site,
            });
        } else {
            from_base.push((m, true));
        }
    }
    drop(own);
    let mut md: Vec<(MdEntry, bool)> = edition.md.into_iter().map(|m| (m, false)).collect();
    md.extend(from_base);
    // One order whatever the layers: by page, then language.
    md.sort_by(|(a, x), (b, y)| (&a.dir, &a.stem, a.lang, x).cmp(&(&b.dir, &b.stem, b.lang, y)));
    // Other files match by their name in NFC, as links do.
    let key = |a: &AssetFile| crate::slug::nfc(&crate::no_follow::slash_path(&a.rel)).into_owned();
    let own_assets: HashSet<String> = edition.assets.iter().map(key).collect();
    let mut assets = edition.assets;
    assets.extend(
        base.assets
            .into_iter()
            .filter(|a| !own_assets.contains(&key(a))),
    );
    assets.sort_by(|a, b| a.rel.cmp(&b.rel));
    (md, assets, replaced)
}

/// Lays the edition's `static/` files over the base's (both as
/// `static_dir::walk` returns them): every file, sorted by its path in
/// `static/`, and the paths on disk of those read from the base.
pub fn merge_static(
    edition: Vec<(String, PathBuf)>,
    base: Vec<(String, PathBuf)>,
) -> (Vec<(String, PathBuf)>, HashSet<PathBuf>) {
    let own: HashSet<String> = edition.iter().map(|(k, _)| k.clone()).collect();
    let from_base: Vec<(String, PathBuf)> =
        base.into_iter().filter(|(k, _)| !own.contains(k)).collect();
    let base_disks = from_base.iter().map(|(_, d)| d.clone()).collect();
    let mut all = edition;
    all.extend(from_base);
    all.sort();
    (all, base_disks)
}
