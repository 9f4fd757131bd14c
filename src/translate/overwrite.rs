//! An export is written where the last one was (`translations/<lang>/`),
//! and a translator may have worked in that very file. Before replacing
//! it, export looks for work in it that the site does not have: a
//! translation changed since it was exported that is neither the site's
//! nor kept for the next export (see `pending`). Such a file is not
//! replaced: it is to be imported (or moved away) first.

use super::assemble::placed;
use super::catalog::{Catalog, Incoming, is_fingerprint_of};
use super::export::{publication_name, publication_units};
use super::history::History;
use super::{import, pending};
use crate::config::LangId;
use crate::content::model::Site;
use std::collections::HashMap;
use std::path::Path;

/// What writing an export at `path` would lose.
pub enum AtPlace {
    /// Nothing: no file there, an empty one, one that cannot be opened or
    /// is over the size import reads (a large publication's own export can
    /// be), or one holding no work the site lacks.
    Nothing,
    /// A translation file fieldguide cannot read, and why: one a tool or a
    /// hand edit broke still holds the translator's work.
    Unreadable(String),
    /// Entries whose translation the site does not have.
    Work(Vec<Incoming>),
}

/// What the file at `path` holds that an export written over it would
/// lose, read once.
pub fn at_place(site: &Site, root: &Path, lang: LangId, path: &Path) -> AtPlace {
    let is_file = std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file());
    let Some(bytes) = is_file.then(|| import::load(path).ok()).flatten() else {
        return AtPlace::Nothing;
    };
    if import::is_empty(&bytes) {
        return AtPlace::Nothing;
    }
    match import::read(path, &bytes) {
        Ok(catalog) => match unimported(site, root, lang, catalog) {
            lost if lost.is_empty() => AtPlace::Nothing,
            lost => AtPlace::Work(lost),
        },
        Err(ds) => AtPlace::Unreadable(ds.first().map_or_else(String::new, |d| match d.line {
            0 => d.message.clone(),
            n => format!("line {n}: {}", d.message),
        })),
    }
}

/// The entries of `catalog` whose translation the site does not have:
/// none when it is not a file of this site's in `lang`.
fn unimported(site: &Site, root: &Path, lang: LangId, catalog: Catalog) -> Vec<Incoming> {
    let codes = site.config.codes();
    // The file is at `lang`'s default place: one whose tool dropped its
    // language is taken as `lang`'s, so that its work is not lost either.
    let blank = catalog.header.lang.trim().is_empty();
    if !blank && crate::config::spelled_index(&codes, &catalog.header.lang) != Some(lang.0) {
        return Vec::new();
    }
    let history = History::new(root);
    let named = site
        .publications
        .iter()
        .copied()
        .find(|&p| publication_name(site, p) == catalog.header.publication);
    // A tool may have dropped the header's publication; import takes such
    // a file for the one its keys are from, and so does this guard.
    let inferred = || {
        let blank = catalog.header.publication.trim().is_empty();
        blank
            .then(|| super::fit::publication_of_keys(site, &catalog, lang, &history))
            .flatten()
    };
    let Some(publication) = named.or_else(inferred) else {
        return Vec::new();
    };
    let pages = publication_units(site, publication, lang, &history);
    let units: HashMap<&str, _> = pages
        .iter()
        .flat_map(|p| &p.units)
        .map(|u| (u.key.as_str(), u))
        .collect();
    let store = pending::load(root, codes[lang.0]);
    let kept = store.get(&publication_name(site, publication));
    catalog
        .entries
        .into_iter()
        .filter(|e| {
            // A key the site no longer has has nowhere to go.
            let Some(u) = units.get(e.key.as_str()) else {
                return false;
            };
            let text = placed(u.kind, &e.translation);
            let as_exported = e
                .exported
                .as_deref()
                .is_some_and(|h| is_fingerprint_of(h, &e.translation));
            let suggested = kept
                .and_then(|k| k.get(&e.key))
                .is_some_and(|s| s.translation == text);
            !text.is_empty() && !as_exported && text != placed(u.kind, &u.translation) && !suggested
        })
        .collect()
}
