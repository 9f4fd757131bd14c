//! Whether a translator's file is for the publication and the language it
//! names. A header edited by hand (or a file saved from another one) can
//! name the wrong ones; then its entries would be written into the wrong
//! pages, or kept as suggestions for them. What the file carries says
//! which it is for: its keys (each publication has its own pages) and the
//! fingerprints export recorded of the translations it was sent with.

use super::catalog::{Catalog, Format, fingerprint, is_fingerprint_of};
use super::export::{publication_name, publication_units};
use super::history::History;
use super::units::PageUnits;
use crate::config::LangId;
use crate::content::model::{NodeId, Site};
use crate::diagnostics::Diagnostic;
use std::collections::HashMap;
use std::path::Path;

/// How many of `catalog`'s entries `pages` have a block for: by key, or by
/// the same source text, as a page renamed or renumbered since the export
/// has (a chapter inserted before it renumbers it, and every key of it
/// changes): its translations are kept and offered again (see `moved`).
fn keys_known(catalog: &Catalog, pages: &[PageUnits]) -> usize {
    let words = super::assemble::source_words;
    let units = || pages.iter().flat_map(|p| p.units.iter());
    let keys: std::collections::HashSet<&str> = units().map(|u| u.key.as_str()).collect();
    let sources: std::collections::HashSet<String> = units().map(|u| words(&u.source)).collect();
    catalog
        .entries
        .iter()
        .filter(|e| keys.contains(e.key.as_str()) || sources.contains(&words(&e.source)))
        .count()
}

/// Of the entries exported with a translation, how many `pages` still
/// have as it was exported; and how many were exported with one.
fn records_matching(catalog: &Catalog, pages: &[PageUnits]) -> (usize, usize) {
    let empty = fingerprint("");
    let site: HashMap<&str, &str> = pages
        .iter()
        .flat_map(|p| p.units.iter())
        .map(|u| (u.key.as_str(), u.translation.as_str()))
        .collect();
    let recorded: Vec<(&str, &str)> = catalog
        .entries
        .iter()
        .filter_map(|e| Some((e.key.as_str(), e.exported.as_deref()?)))
        .filter(|(_, fp)| *fp != empty)
        .collect();
    let same = recorded
        .iter()
        .filter(|(k, fp)| site.get(k).is_some_and(|s| is_fingerprint_of(fp, s)))
        .count();
    (same, recorded.len())
}

/// Where a file names its publication and its language, in its format's terms.
fn fields(shown: &Path) -> (&'static str, &'static str) {
    match Format::of(shown) {
        Some(Format::Xliff) => (
            "the `original` of its <file>",
            "its `target-language` (in XLIFF 2, `trgLang`)",
        ),
        Some(Format::Xlsx) => (
            "the `publication` row of its `about` sheet",
            "the `language` row of its `about` sheet",
        ),
        _ => (
            "its header's `X-Fieldguide-Publication:`",
            "its header's `Language:`",
        ),
    }
}

/// Checks that `file` fits the publication and language it names (whose
/// pages are `pages`); else the error, and nothing of it is imported.
pub fn check(
    site: &Site,
    file: &super::catalog::File,
    (lang, publication): (LangId, NodeId),
    pages: &[PageUnits],
    history: &History,
) -> Result<(), Diagnostic> {
    let c = &file.catalog;
    let n = c.entries.len();
    let (pub_field, lang_field) = fields(&file.shown);
    let name = publication_name(site, publication);
    let keyless = c.entries.iter().filter(|e| e.key.is_empty()).count();
    if n >= 2 && keyless * 2 >= n {
        // Not another publication's: a tool dropped the keys on saving.
        return Err(refused(
            file,
            c.header.publication_line,
            format!(
                "most of the file's entries ({keyless} of {n}) have no key (a PO entry's `msgctxt`, an XLIFF unit's `id` or, in XLIFF 2, `name`), which says which block each translation is for: the tool that saved the file removed them"
            ),
            "set the tool to keep each entry's context (msgctxt) when it saves, or copy the translations into a file exported again, then import that".to_string(),
        ));
    }
    if n >= 2 && keys_known(c, pages) * 2 < n {
        let other = site
            .publications
            .iter()
            .filter(|&&p| p != publication)
            .map(|&p| (p, keys_known(c, &publication_units(site, p, lang, history))))
            .max_by_key(|&(_, k)| k)
            .filter(|&(_, k)| k * 2 >= n);
        let (what, hint) = match other {
            Some((p, _)) => {
                let other = publication_name(site, p);
                (
                    format!(
                        "the file seems to be for the publication `{other}`, not `{name}`: most of its entries' keys are `{other}`'s"
                    ),
                    format!(
                        "if it is `{other}`'s, correct {pub_field} to `{other}`, then import it again"
                    ),
                )
            }
            None => (
                format!(
                    "most of the file's entries ({} of {n}) match no block of the publication `{name}`: it seems to be for another publication, or one that changed a great deal since the export",
                    n - keys_known(c, pages)
                ),
                format!(
                    "check {pub_field}, and import the file into the site it was exported from; if `{name}` was reorganised since, export it again (the site's translations are kept)"
                ),
            ),
        };
        return Err(refused(file, c.header.publication_line, what, hint));
    }
    let (same, recorded) = records_matching(c, pages);
    if recorded >= 2 && same * 2 < recorded {
        let source = site.nodes[publication].source_lang;
        let best = site
            .config
            .lang_ids()
            .filter(|&l| l != lang && l != source)
            .map(|l| {
                (
                    l,
                    records_matching(c, &publication_units(site, publication, l, history)).0,
                )
            })
            .max_by_key(|&(_, s)| s)
            .filter(|&(_, s)| s * 2 >= recorded && s > same);
        if let Some((other, _)) = best {
            let codes = &site.config.languages;
            let (named, other) = (&codes[lang].code, &codes[other].code);
            return Err(refused(
                file,
                c.header.lang_line,
                format!(
                    "the file says its language is `{named}`, but it was exported for `{other}`: the translations it was sent with are the site's `{other}` ones"
                ),
                format!(
                    "if it is in `{other}`, correct {lang_field} to `{other}`; if it really is in `{named}`, export the `{named}` file and translate that"
                ),
            ));
        }
    }
    Ok(())
}

fn refused(file: &super::catalog::File, line: usize, what: String, hint: String) -> Diagnostic {
    Diagnostic::error(
        &file.shown,
        line,
        1,
        format!("{what}; nothing of it is imported"),
    )
    .with_hint(hint)
}

/// The error for a file that does not name its publication, with the
/// publication its file name names, if one does.
pub fn missing_publication(site: &Site, shown: &Path, line: usize) -> Diagnostic {
    let (pub_field, _) = fields(shown);
    let stem = shown.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let named = site
        .publications
        .iter()
        .map(|&p| publication_name(site, p))
        .find(|p| p == stem);
    let hint = match named {
        Some(p) => format!(
            "the file's name says `{p}`: if it is that publication's, give {pub_field} the value `{p}`"
        ),
        None => format!(
            "give {pub_field} the publication's folder name, as `fieldguide translate export` wrote it"
        ),
    };
    Diagnostic::error(
        shown,
        line,
        1,
        format!("the file does not say which publication it is for: {pub_field} is missing"),
    )
    .with_hint(hint)
}

/// The publication whose blocks most of `catalog`'s entries are for (by
/// key, or by source for a page renamed since), when exactly one is.
pub fn publication_of_keys(
    site: &Site,
    catalog: &Catalog,
    lang: LangId,
    history: &History,
) -> Option<NodeId> {
    let n = catalog.entries.len();
    let mut known: Vec<(usize, NodeId)> = site
        .publications
        .iter()
        .map(|&p| {
            (
                keys_known(catalog, &publication_units(site, p, lang, history)),
                p,
            )
        })
        .collect();
    known.sort_by_key(|&(k, _)| std::cmp::Reverse(k));
    match known.as_slice() {
        [(k, p), rest @ ..] if n > 0 && k * 2 >= n && rest.first().is_none_or(|r| r.0 < *k) => {
            Some(*p)
        }
        _ => None,
    }
}

/// The warning for a file imported into the publication its keys are from,
/// as its header does not name one.
pub fn inferred_publication(site: &Site, shown: &Path, line: usize, p: NodeId) -> Diagnostic {
    let (pub_field, _) = fields(shown);
    let name = publication_name(site, p);
    Diagnostic::warning(
        shown,
        line,
        1,
        format!(
            "the file does not say which publication it is for ({pub_field} is missing: the tool that saved it may have removed it); its entries' keys are `{name}`'s, so it is imported into `{name}`"
        ),
    )
    .with_hint(format!(
        "give {pub_field} the value `{name}`, so that the file says it"
    ))
}
