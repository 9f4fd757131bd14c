//! `translate import`: a translator's file back into Markdown pages.
//!
//! Every translated segment is checked against its source first; a page is
//! written only when all its segments are translated, none is fuzzy and
//! none has a problem, and then it is stamped with the source's hash.
//! Segments the file does not carry (an `--only-changed` export) keep the
//! existing translation's text. Writing the same file twice changes nothing.

use super::assemble::{Job, assemble, normalise};
use super::catalog::{Catalog, Format, Incoming};
use super::export::{publication_name, publication_units};
use super::history::{self, History};
use super::units::{PageUnits, State};
use super::{MAX_FILE_BYTES, fields, files, megabytes, segments::Kind, validate};
use crate::config::LangId;
use crate::content::model::Site;
use crate::diagnostics::{Diagnostic, display_path};
use crate::translation::current_hash;
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

#[derive(Debug, Default)]
pub struct Report {
    /// Pages written (relative to the site folder).
    pub written: Vec<PathBuf>,
    pub unchanged: usize,
    /// Pages not written because some segments are untranslated or fuzzy.
    pub incomplete: usize,
    pub diagnostics: Vec<Diagnostic>,
}

/// The bytes of a translator's file, refused when over [`MAX_FILE_BYTES`]
/// (read through `take`, so a file that grows meanwhile costs no more).
pub fn load(path: &Path) -> Result<Vec<u8>, Diagnostic> {
    let cannot = |e: &std::io::Error| {
        Diagnostic::error(
            path,
            0,
            0,
            format!("cannot read: {}", crate::content::load::io_message(e)),
        )
    };
    let file = std::fs::File::open(path).map_err(|e| cannot(&e))?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| cannot(&e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Diagnostic::error(
            path,
            0,
            0,
            format!(
                "the file is larger than {} MB, the limit for a translator's file",
                megabytes(MAX_FILE_BYTES)
            ),
        )
        .with_hint(
            "a translator's file holds one publication's text: import the file `fieldguide translate export` made",
        ));
    }
    Ok(bytes)
}

/// Reads a translator's file: PO, XLIFF or spreadsheet, by its extension.
pub fn read(shown: &Path, bytes: &[u8]) -> Result<Catalog, Vec<Diagnostic>> {
    let format = Format::of(shown).ok_or_else(|| {
        vec![Diagnostic::error(shown, 0, 0, "not a translation file").with_hint(
            "import a .po, .xlf (XLIFF 1.2) or .xlsx file made by `fieldguide translate export`",
        )]
    })?;
    let read = match format {
        Format::Po => super::po::read(bytes),
        Format::Xliff => super::xliff::read(bytes),
        Format::Xlsx => super::xlsx::read(bytes),
    };
    read.map_err(|errs| {
        errs.into_iter()
            .map(|(line, msg)| Diagnostic::error(shown, line, 1, msg))
            .collect()
    })
}

/// The language and publication a file's header names, checked against
/// the site and the folder the file is in.
fn target(
    site: &Site,
    shown: &Path,
    catalog: &Catalog,
) -> Result<(LangId, crate::content::model::NodeId), Diagnostic> {
    let err = |line: usize, msg: String, hint: &str| {
        Diagnostic::error(shown, line, 1, msg).with_hint(hint.to_string())
    };
    let h = &catalog.header;
    let codes = site.config.codes();
    if h.lang.trim().is_empty() {
        // The folder's language when the file is in translations/<lang>/,
        // else a language the site is translated into.
        let source = site.config.default_index().0;
        let targets: Vec<&str> = (0..codes.len())
            .filter(|&i| i != source)
            .map(|i| codes[i])
            .collect();
        let example = folder_language(&codes, shown)
            .map(|i| codes[i])
            .or(targets.first().copied())
            .unwrap_or("fr");
        let (what, hint) = missing_language(shown, example, &targets.join(", "));
        return Err(err(h.lang_line, what, &hint));
    }
    let Some(lang) = crate::config::spelled_index(&codes, &h.lang).map(LangId) else {
        return Err(err(
            h.lang_line,
            format!(
                "the file's language `{}` is not one of the site's languages",
                h.lang
            ),
            "import a file exported from this site with `fieldguide translate export --lang CODE`",
        ));
    };
    let code = codes[lang.0];
    if let Some(folder) = folder_language(&codes, shown)
        && folder != lang.0
    {
        let folder = codes[folder];
        return Err(err(
            h.lang_line,
            format!(
                "the file's language is `{}`, but it is in translations/{folder}/, the folder for `{folder}`: nothing is imported, so that the `{code}` translations are not replaced",
                h.lang
            ),
            &format!(
                "if the file is in `{folder}`, correct its language (PO `Language:`, XLIFF `target-language`, the spreadsheet's `language` row); if it is in `{code}`, move it to translations/{code}/"
            ),
        ));
    }
    let Some(&publication) = site
        .publications
        .iter()
        .find(|&&p| publication_name(site, p) == h.publication)
    else {
        return Err(err(
            h.publication_line,
            format!("the site has no publication `{}`", h.publication),
            "import the file into the site it was exported from",
        ));
    };
    if lang == site.nodes[publication].source_lang {
        return Err(err(
            h.lang_line,
            format!("`{}` is the source language of this publication", h.lang),
            "translations are imported into the other languages",
        ));
    }
    Ok((lang, publication))
}

/// Imports one file's translations into the site at `root`.
pub fn import(site: &Site, root: &Path, shown: &Path, catalog: &Catalog) -> Report {
    let mut report = Report::default();
    let err = |line: usize, msg: String, hint: &str| {
        Diagnostic::error(shown, line, 1, msg).with_hint(hint.to_string())
    };
    let (lang, publication) = match target(site, shown, catalog) {
        Ok(t) => t,
        Err(d) => {
            report.diagnostics.push(d);
            return report;
        }
    };
    let history = History::new(root);
    let pages = publication_units(site, publication, lang, &history);
    let mut by_key: HashMap<&str, (usize, usize)> = HashMap::new();
    for (p, page) in pages.iter().enumerate() {
        for (u, unit) in page.units.iter().enumerate() {
            by_key.insert(unit.key.as_str(), (p, u));
        }
    }
    let mut per_page: Vec<Vec<(usize, &Incoming)>> = vec![Vec::new(); pages.len()];
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for e in &catalog.entries {
        if let Some(first) = seen.insert(e.key.as_str(), e.line) {
            report.diagnostics.push(err(
                e.line,
                format!("{}this key appears twice (first on line {first})", place(e)),
                "keep one entry per key",
            ));
            continue;
        }
        match by_key.get(e.key.as_str()) {
            Some(&(p, u)) => per_page[p].push((u, e)),
            None => report.diagnostics.push(
                Diagnostic::warning(shown, e.line, 1, format!("{}no block of the source has this key; ignored", place(e)))
                    .with_hint("the source changed since this file was exported: export again (your translations are kept)"),
            ),
        }
    }
    for (page, entries) in pages.into_iter().zip(per_page) {
        if !entries.is_empty() {
            import_page(site, root, shown, page, &entries, &mut report);
        }
    }
    report
}

/// The message and hint for a file that does not say its language, in the
/// terms of its format.
fn missing_language(shown: &Path, example: &str, codes: &str) -> (String, String) {
    match Format::of(shown) {
        Some(Format::Xliff) => (
            "the file does not say its language: its <file> element has no `target-language`"
                .into(),
            format!(
                "add target-language=\"{example}\" to <file>; the site is translated into: {codes}"
            ),
        ),
        Some(Format::Xlsx) => (
            "the spreadsheet does not say its language: its `about` sheet has no `language` row"
                .into(),
            format!(
                "add a row `language` | `{example}` to the `about` sheet; the site is translated into: {codes}"
            ),
        ),
        _ => (
            "the file does not say its language: its header has no `Language:` line".into(),
            format!(
                "add the line \"Language: {example}\\n\" to the header (the msgstr of the entry whose msgid is \"\"); the site is translated into: {codes}"
            ),
        ),
    }
}

/// The site language (an index into `codes`) a file's language names: the
/// same code ignoring case and `_` for `-` (gettext's `fr_FR` is `fr-FR`),
/// else its first subtag (`fr_FR` is `fr` when the site has no `fr-FR`).
/// The site language of the folder a file is in, when that is the export
/// layout `translations/<lang>/`.
fn folder_language(codes: &[&str], file: &Path) -> Option<usize> {
    let full = std::fs::canonicalize(file).unwrap_or_else(|_| file.to_path_buf());
    let folder = full.parent()?;
    if folder.parent()?.file_name()? != "translations" {
        return None;
    }
    let name = crate::config::normal_tag(folder.file_name()?.to_str()?);
    codes
        .iter()
        .position(|c| crate::config::normal_tag(c) == name)
}

fn place(e: &Incoming) -> String {
    format!("{}: ", e.place)
}

/// Applies a page's entries, checks them, and writes the page if complete.
fn import_page(
    site: &Site,
    root: &Path,
    shown: &Path,
    mut page: PageUnits,
    entries: &[(usize, &Incoming)],
    report: &mut Report,
) {
    let mut failed = false;
    for &(u, e) in entries {
        let unit = &mut page.units[u];
        if normalise(&e.source) != normalise(&unit.source) {
            report.diagnostics.push(
                Diagnostic::warning(shown, e.line, 1, format!("{}the source of this block changed since the file was exported; its translation is not used", place(e)))
                    .with_hint("export again: the new file shows the change as fuzzy, with this translation"),
            );
            continue;
        }
        let text = normalise(&e.translation);
        // Text already in the page for an unchanged source is not checked
        // again: the build checks its links, and a translator may have had
        // reasons. A fuzzy one is: its source changed.
        let kept = unit.state == State::Translated && text == normalise(&unit.translation);
        let problems = if text.is_empty() || kept {
            Vec::new()
        } else {
            validate::check(unit.kind, &unit.source, &text)
        };
        for problem in problems {
            failed = true;
            report.diagnostics.push(
                Diagnostic::error(shown, e.line, 1, format!("{}{problem}", place(e)))
                    .with_hint(format!("fix the translation in the file; nothing is written for {} until it is right", display_path(&page.target_rel))),
            );
        }
        unit.state = match (text.is_empty(), e.fuzzy) {
            (true, _) => State::Untranslated,
            (false, true) => State::Fuzzy,
            (false, false) => State::Translated,
        };
        unit.translation = text;
    }
    if failed {
        return;
    }
    let c = page.counts();
    let total = page.units.len();
    if c.translated < total {
        report.incomplete += 1;
        let first = entries
            .iter()
            .filter(|(u, _)| page.units[*u].state != State::Translated)
            .map(|(_, e)| e.line)
            .min()
            .unwrap_or(0);
        let fuzzy = if c.changed > 0 {
            format!(", {} marked fuzzy", c.changed)
        } else {
            String::new()
        };
        report.diagnostics.push(
            Diagnostic::warning(shown, first, 1, format!("{}: {} of {total} segments translated{fuzzy}; the page is not written", display_path(&page.target_rel), c.translated))
                .with_hint("translate every segment of the page and clear the fuzzy marks; the previous translation stays until then"),
        );
        return;
    }
    write_page(site, root, &page, report);
}

fn write_page(site: &Site, root: &Path, page: &PageUnits, report: &mut Report) {
    let node = &site.nodes[page.node];
    let Some(src_id) = node.docs[node.source_lang] else {
        return;
    };
    let src = site.doc(src_id);
    let Some(parsed) = fields::parse(&src.file.text) else {
        return;
    };
    let mut texts = page.units.iter().map(|u| u.translation.clone());
    let translations: Vec<String> = parsed
        .segments
        .iter()
        .map(|s| match s.kind {
            Kind::Fixed => String::new(),
            _ => texts.next().unwrap_or_default(),
        })
        .collect();
    let existing = node
        .docs
        .iter()
        .flatten()
        .map(|&d| site.doc(d))
        .find(|d| d.file.rel == page.target_rel);
    let job = Job {
        source: &src.file.text,
        existing: existing.map(|d| d.file.text.as_str()),
        translations: &translations,
        hash: current_hash(site, src_id),
    };
    let fail = |msg: String| Diagnostic::error(&page.target_rel, 0, 0, msg);
    let text = match assemble(&job) {
        Ok(t) => t,
        Err(e) => {
            report
                .diagnostics
                .push(fail(format!("cannot write the translated page: {e}")));
            return;
        }
    };
    // Keep a byte-order mark the file had.
    let had_bom =
        std::fs::read(root.join(&page.target_rel)).is_ok_and(|b| b.starts_with(b"\xEF\xBB\xBF"));
    let mut bytes = if had_bom {
        b"\xEF\xBB\xBF".to_vec()
    } else {
        Vec::new()
    };
    bytes.extend_from_slice(text.as_bytes());
    match files::write_inside(root, &page.target_rel, &bytes) {
        Ok(true) => {
            report.written.push(page.target_rel.clone());
            if let Err(e) = history::save(root, &src.file.text) {
                report.diagnostics.push(Diagnostic::warning(
                    history::STORE,
                    0,
                    0,
                    format!("cannot keep a snapshot of the source: {e}"),
                ));
            }
        }
        Ok(false) => report.unchanged += 1,
        Err(e) => report.diagnostics.push(fail(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_language_matches_ignoring_case_and_underscores() {
        let codes = ["en", "fr", "pt-BR", "ar"];
        assert_eq!(crate::config::spelled_index(&codes, "fr"), Some(1));
        assert_eq!(crate::config::spelled_index(&codes, "FR"), Some(1));
        assert_eq!(crate::config::spelled_index(&codes, "fr_FR"), Some(1));
        assert_eq!(crate::config::spelled_index(&codes, "pt_br"), Some(2));
        assert_eq!(crate::config::spelled_index(&codes, "pt"), None);
        assert_eq!(crate::config::spelled_index(&codes, "pt_PT"), None);
        assert_eq!(crate::config::spelled_index(&codes, "de"), None);
        assert_eq!(crate::config::spelled_index(&codes, ""), None);
        // A region the site has is that language, not its first subtag.
        assert_eq!(
            crate::config::spelled_index(&["fr", "fr-CA"], "fr_CA"),
            Some(1)
        );
        assert_eq!(
            crate::config::spelled_index(&["fr", "fr-CA"], "fr_BE"),
            Some(0)
        );
    }

    #[test]
    fn the_export_folder_names_a_language() {
        let codes = ["en", "fr", "pt-BR"];
        let folder = |p: &str| folder_language(&codes, Path::new(p));
        assert_eq!(folder("/no/such/translations/fr/pocket-guide.po"), Some(1));
        assert_eq!(folder("translations/pt_br/pocket-guide.po"), Some(2));
        assert_eq!(folder("/no/such/received/fr/pocket-guide.po"), None);
        assert_eq!(folder("/no/such/translations/de/pocket-guide.po"), None);
        assert_eq!(folder("pocket-guide.po"), None);
    }
}
