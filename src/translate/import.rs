//! `translate import`: a translator's file back into Markdown pages.
//!
//! Every translated segment is checked against its source first; a page is
//! written only when all its segments are translated, none is fuzzy and
//! none has a problem, and then it is stamped with the source's hash.
//! Segments the file does not carry (an `--only-changed` export) keep the
//! existing translation's text. Writing the same file twice changes nothing.

use super::apply::{import_page, one_per_segment};
use super::catalog::{Catalog, Format, Routed, hidden_format};
use super::export::{publication_name, publication_units};
use super::history::History;
use super::pending;
pub use super::report::Report;
use super::{MAX_FILE_BYTES, megabytes};
use crate::config::LangId;
use crate::content::model::{NodeId, Site};
use crate::diagnostics::Diagnostic;
use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

pub use super::catalog::File;

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
        let d = Diagnostic::error(shown, 0, 0, "not a translation file: fieldguide reads files whose names end in .po, .xlf or .xliff (XLIFF 1.2 or 2.0) and .xlsx");
        vec![match hidden_format(shown) {
            Some((_, name)) => d.with_hint(format!(
                "if it is the file `fieldguide translate export` made, with an extension added on the way (by e-mail or Windows), rename it to `{name}`"
            )),
            None => d.with_hint(super::catalog::other_spreadsheet(shown).unwrap_or(
                "import a .po, .xlf (XLIFF 1.2 or 2.0) or .xlsx file made by `fieldguide translate export`",
            )),
        }]
    })?;
    if is_empty(bytes) {
        return Err(vec![
            Diagnostic::error(shown, 0, 0, "the file is empty: it holds no translations")
                .with_hint("it was not saved or sent whole: save it again from the translation tool (or ask for it again), then import it"),
        ]);
    }
    let read = match format {
        Format::Po => super::po::read(bytes),
        Format::Xliff | Format::Xliff2 => super::xliff::read(bytes),
        Format::Xlsx => super::xlsx_read::read(bytes),
    };
    read.map_err(|errs| {
        errs.into_iter()
            .map(|(line, msg)| Diagnostic::error(shown, line, 1, msg))
            .collect()
    })
}

/// Whether a file holds nothing but blanks (and a byte-order mark): an
/// empty file is not a file with no header or a broken XML or zip, as each
/// format's reader would call it.
pub(super) fn is_empty(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    bytes.iter().all(u8::is_ascii_whitespace)
}

/// The language and publication a file's header names, checked against
/// the site and the folder the file is in. A file whose header lost the
/// publication is for the one its keys are from, with a warning pushed
/// onto `warnings`.
fn target(
    site: &Site,
    shown: &Path,
    catalog: &Catalog,
    history: &History,
    warnings: &mut Vec<Diagnostic>,
) -> Result<(LangId, NodeId), Diagnostic> {
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
    let publication = if h.publication.trim().is_empty() {
        // A tool that rewrites the header on saving may drop our field; the
        // keys still say whose blocks the entries are, and `fit` checks them
        // again as for any file.
        let line = h.publication_line;
        let Some(p) = super::fit::publication_of_keys(site, catalog, lang, history) else {
            return Err(super::fit::missing_publication(site, shown, line));
        };
        warnings.push(super::fit::inferred_publication(site, shown, line, p));
        p
    } else {
        let named = site
            .publications
            .iter()
            .find(|&&p| publication_name(site, p) == h.publication);
        let Some(&p) = named else {
            return Err(err(
                h.publication_line,
                format!("the site has no publication `{}`", h.publication),
                "import the file into the site it was exported from",
            ));
        };
        p
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

/// Imports translators' files into the site at `root`. Files for the same
/// language and publication are imported together, so that each page is
/// written once from all they say (and two that disagree are caught).
pub fn import_all(site: &Site, root: &Path, files: &[File]) -> Report {
    let mut report = Report::default();
    let history = History::new(root);
    for ((lang, publication), files) in by_target(site, files, &history, &mut report) {
        let pages = publication_units(site, publication, lang, &history);
        let fits = |f: &&File| super::fit::check(site, f, (lang, publication), &pages, &history);
        let files: Vec<&File> = files
            .into_iter()
            .filter(|f| fits(f).map_err(|d| report.diagnostics.push(d)).is_ok())
            .collect();
        let code = &site.config.languages[lang].code;
        let (per_page, twice) = route(&pages, &files, code, &mut report);
        let name = publication_name(site, publication);
        report.keep_unplaced(lang, &name);
        let kept = pending::load(root, code);
        for (p, (mut page, entries)) in pages.into_iter().zip(per_page).enumerate() {
            if entries.is_empty() {
                continue;
            }
            pending::take_confirmed(&kept, &name, &mut page);
            if twice.contains(&p) {
                report.refused += 1;
                continue;
            }
            if let Some(d) = &page.unreadable {
                report.diagnostics.push(super::unreadable::import_error(d));
                report.refused += 1;
                continue;
            }
            match one_per_segment(&page, entries, &mut report) {
                Some(entries) => import_page(site, root, lang, page, &entries, &mut report),
                None => report.refused += 1,
            }
        }
    }
    keep_suggestions(site, root, &mut report);
    super::moved::warn(&mut report);
    for (file, n) in std::mem::take(&mut report.kept) {
        report.diagnostics.push(
            Diagnostic::warning(&file, 0, 0, format!(
                "{n} {} left as exported, but changed in the site since this file was exported: the site's newer {} kept",
                if n == 1 { "segment is" } else { "segments are" },
                if n == 1 { "translation is" } else { "translations are" },
            ))
            .with_hint("nothing to do if the site's text is right; to replace it, change the segment in this file (or export again) and import"),
        );
    }
    let untouched = std::mem::take(&mut report.untouched);
    let files: std::collections::BTreeSet<&Path> =
        untouched.iter().map(|(f, _)| f.as_path()).collect();
    for file in files {
        let pages: Vec<&str> = untouched
            .iter()
            .filter(|(f, _)| f.as_path() == file)
            .map(|(_, p)| p.as_str())
            .collect();
        const SHOWN: usize = 3;
        let mut listed = pages
            .iter()
            .take(SHOWN)
            .map(|p| format!("`{p}`"))
            .collect::<Vec<_>>()
            .join(", ");
        if pages.len() > SHOWN {
            listed.push_str(&format!(" and {} more", pages.len() - SHOWN));
        }
        let n = pages.len();
        report.diagnostics.push(
            Diagnostic::warning(file, 0, 0, format!(
                "{n} {} no translated segment in this file, so {} not written: {listed}",
                if n == 1 { "page has" } else { "pages have" },
                if n == 1 { "it is" } else { "they are" },
            ))
            .with_hint("nothing to do if they are for later; translate every segment of a page to have it written"),
        );
    }
    counted_warnings(&mut report);
    report
}

/// The import's warnings counted per file: source cells typed over,
/// translations that copy their source, changed blocks confirmed as sent.
fn counted_warnings(report: &mut Report) {
    super::source_cells::warn(report);
    for (file, n, line) in std::mem::take(&mut report.unrecorded) {
        report.diagnostics.push(
            Diagnostic::warning(&file, line, 1, format!(
                "{n} {} of this file replaced the site's translation with another, and the file does not record the translations it was exported with (its tool dropped them): a correction made in the site since the export cannot be told from the translator's work, and is replaced by the file's text",
                if n == 1 { "segment" } else { "segments" },
            ))
            .with_hint("check the pages' changes (`git diff`) before committing them; export again and keep the file's `#. fieldguide: exported` comments (PO), `fieldguide-exported` notes (XLIFF) or hidden `exported` column (spreadsheet), which let import keep newer work"),
        );
    }
    for (file, n, line) in std::mem::take(&mut report.confirmed_unchanged) {
        report.diagnostics.push(
            Diagnostic::warning(&file, line, 1, format!(
                "{n} {} whose source changed since {} translated {} confirmed with the translation {} sent with, unchanged",
                if n == 1 { "segment" } else { "segments" },
                if n == 1 { "it was" } else { "they were" },
                if n == 1 { "was" } else { "were" },
                if n == 1 { "it was" } else { "they were" },
            ))
            .with_hint("a tool's \"confirm all\" clears the marks without a review: check that each still says what its source now says; nothing to do if they were reviewed"),
        );
    }
    for (file, n, line) in std::mem::take(&mut report.copied) {
        report.diagnostics.push(
            Diagnostic::warning(&file, line, 1, format!(
                "{n} {} the same as {} source, word for word: {} published as translated",
                if n == 1 { "translation is" } else { "translations are" },
                if n == 1 { "its" } else { "their" },
                if n == 1 { "it is" } else { "they are" },
            ))
            .with_hint("some translation tools copy the source into segments left untranslated: translate them, or leave them empty, and import again; nothing to do if the text is meant to stay as it is"),
        );
    }
}

/// The files, each read (its messages in `report`) and grouped by the
/// language and publication it is for; a file that fits none is an error
/// in `report`.
fn by_target<'f>(
    site: &Site,
    files: &'f [File],
    history: &History,
    report: &mut Report,
) -> Vec<((LangId, NodeId), Vec<&'f File>)> {
    let mut groups: Vec<((LangId, NodeId), Vec<&File>)> = Vec::new();
    for f in files {
        read_messages(f, report);
        match target(site, &f.shown, &f.catalog, history, &mut report.diagnostics) {
            Ok(t) => match groups.iter_mut().find(|g| g.0 == t) {
                Some(g) => g.1.push(f),
                None => groups.push((t, vec![f])),
            },
            Err(d) => report.diagnostics.push(d),
        }
    }
    groups
}

/// What reading `f` found: problems that belong to no page (errors), and
/// what the reader read past (warnings).
fn read_messages(f: &File, report: &mut Report) {
    for (line, msg) in &f.catalog.problems {
        report.diagnostics.push(
            Diagnostic::error(&f.shown, *line, 1, msg.clone())
                .with_hint("fix it in the file and import it again; the pages of its other entries are imported"),
        );
    }
    for (line, msg) in &f.catalog.notices {
        report
            .diagnostics
            .push(Diagnostic::warning(&f.shown, *line, 1, msg.clone()));
    }
}

/// Updates each language's kept suggestions (see `pending`): those of the
/// pages written are done with, and those of this import are added.
fn keep_suggestions(site: &Site, root: &Path, report: &mut Report) {
    let settled = std::mem::take(&mut report.settled);
    let suggested = std::mem::take(&mut report.suggested);
    let mut langs: Vec<LangId> = settled.iter().map(|s| s.0).collect();
    langs.extend(suggested.iter().map(|s| s.0));
    langs.sort();
    langs.dedup();
    for lang in langs {
        let code = &site.config.languages[lang].code;
        let mut store = pending::load(root, code);
        let before = store.clone();
        for (_, publication, keys) in settled.iter().filter(|s| s.0 == lang) {
            if let Some(kept) = store.get_mut(publication) {
                kept.retain(|k, _| !keys.contains(k));
            }
        }
        for (_, publication, key, s) in suggested.iter().filter(|s| s.0 == lang) {
            store
                .entry(publication.clone())
                .or_default()
                .insert(key.clone(), s.clone());
        }
        store.retain(|_, kept| !kept.is_empty());
        if store == before {
            continue;
        }
        if let Err(e) = pending::save(root, code, &store) {
            report.diagnostics.push(
                Diagnostic::error(pending::rel(code), 0, 0, format!("cannot keep the translations that arrived after their source changed: {e}"))
                    .with_hint("they are in the file imported: keep it, and import it again once this is fixed"),
            );
        }
    }
}

/// Each file's entries, by page of `pages` (a key twice in one file, or
/// one no page has, is reported and kept), and the pages with a key
/// twice: which of the two is meant cannot be told, so those are not
/// written.
fn route<'a>(
    pages: &[super::units::PageUnits],
    files: &[&'a File],
    code: &str,
    report: &mut Report,
) -> (Vec<Vec<Routed<'a>>>, Vec<usize>) {
    let names: std::collections::HashSet<&str> = pages.iter().map(|p| p.page.as_str()).collect();
    let mut by_key: HashMap<&str, (usize, usize)> = HashMap::new();
    for (p, page) in pages.iter().enumerate() {
        for (u, unit) in page.units.iter().enumerate() {
            by_key.insert(unit.key.as_str(), (p, u));
        }
    }
    let mut per_page: Vec<Vec<Routed>> = vec![Vec::new(); pages.len()];
    let mut twice = Vec::new();
    for f in files {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for e in &f.catalog.entries {
            if let Some(first) = seen.insert(e.key.as_str(), e.line) {
                let page = by_key.get(e.key.as_str()).map(|&(p, _)| p);
                twice.extend(page);
                let target = page.map_or("its page".to_string(), |p| {
                    crate::diagnostics::display_path(&pages[p].target_rel)
                });
                report.diagnostics.push(
                    Diagnostic::error(
                        &f.shown,
                        e.line,
                        1,
                        format!(
                            "{}: this key appears twice (first on line {first})",
                            e.place
                        ),
                    )
                    .with_hint(format!(
                        "keep one entry per key; nothing is written for {target} until then"
                    )),
                );
                continue;
            }
            match by_key.get(e.key.as_str()) {
                Some(&(p, u)) => per_page[p].push(Routed {
                    unit: u,
                    file: &f.shown,
                    entry: e,
                }),
                // Kept, not lost: see `moved`.
                None => super::moved::unplaced(&f.shown, e, &names, code, report),
            }
        }
    }
    (per_page, twice)
}

/// The message and hint for a file that does not say its language, in the
/// terms of its format.
fn missing_language(shown: &Path, example: &str, codes: &str) -> (String, String) {
    match Format::of(shown) {
        Some(Format::Xliff) => (
            "the file does not say its language: its <file> element has no `target-language` (in XLIFF 2, its <xliff> element no `trgLang`)"
                .into(),
            format!(
                "add target-language=\"{example}\" to <file> (in XLIFF 2, trgLang=\"{example}\" to <xliff>); the site is translated into: {codes}"
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Before, an empty file (a download or save that failed) was
    /// refused for what it lacks in its format's terms ("the file does not
    /// say its language: add the line Language: …", "invalid Zip archive:
    /// Could not find EOCD"). Now it is called empty, whatever its format.
    #[test]
    fn an_empty_file_is_called_empty() {
        for name in ["a.po", "a.xlf", "a.xlsx"] {
            for bytes in [&b""[..], b"\xEF\xBB\xBF", b" \r\n\n"] {
                let Err(e) = read(Path::new(name), bytes) else {
                    panic!("{name}: read");
                };
                assert_eq!(e.len(), 1);
                assert!(
                    e[0].message.contains("the file is empty"),
                    "{name}: {:?}",
                    e[0].message
                );
            }
        }
        assert!(!is_empty(b" msgid"));
    }

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
