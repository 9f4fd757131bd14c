//! `fieldguide translate export|import`: the round trip with translators'
//! tools. The work is in `crate::translate`; this prints what happened.

use super::{EXIT_FAILED, EXIT_OK, EXIT_USAGE, Verbosity, plural, print_diagnostics};
use crate::config::LangId;
use crate::content::model::Site;
use crate::diagnostics::{Diagnostic, Severity, SourceLookup, display_path, render, stderr_color};
use crate::pipeline::{self, Options};
use crate::translate::catalog::Format;
use crate::translate::{export, files, import, overwrite};
use std::path::{Path, PathBuf};

fn modelled(opts: &Options, verbosity: Verbosity) -> Option<pipeline::Modelled> {
    // Drafts are in the model: a draft translation is a translation (it is
    // translated before it is published), so export gives its text and
    // import rewrites that file, keeping its front matter, never replacing
    // it with a new page.
    let opts = Options {
        drafts: true,
        ..opts.clone()
    };
    match pipeline::model(&opts) {
        Ok(m) => Some(m),
        Err(f) => {
            print_diagnostics(&opts.source, &f.diagnostics, verbosity);
            None
        }
    }
}

pub fn export(
    opts: &Options,
    lang: &str,
    format: Format,
    only_changed: bool,
    by_part: bool,
    out: Option<&Path>,
    verbosity: Verbosity,
) -> i32 {
    let Some(m) = modelled(opts, verbosity) else {
        return EXIT_FAILED;
    };
    let site = &m.site;
    let Some(l) = site.config.language_spelled(lang) else {
        let codes = site.config.codes();
        crate::errln!(
            "error: `{lang}` is not one of the site's languages ({})",
            codes.join(", ")
        );
        // A wrong option value, as for `status --lang`.
        return EXIT_USAGE;
    };
    if l == site.config.default_index() {
        crate::errln!(
            "error: `{lang}` is the source language; export one of the languages it is translated into"
        );
        return EXIT_FAILED;
    }
    let xopts = export::Options {
        lang: l,
        format,
        only_changed,
        by_part,
    };
    let exported = match export::export(site, &opts.source, &xopts) {
        Ok(e) => e,
        Err(diags) => {
            print_diagnostics(&opts.source, &diags, verbosity);
            return EXIT_FAILED;
        }
    };
    // A folder named with --out is the user's choice, wherever it leads.
    // The default one is inside the site, and is never written through a
    // link (`translations/` or `translations/<lang>/` leading elsewhere),
    // as `stamp` writes `translations/sources/`.
    let (root, folder) = match out {
        Some(out) => {
            if let Err(e) = std::fs::create_dir_all(out) {
                crate::errln!("error: cannot create {}: {e}", out.display());
                return EXIT_FAILED;
            }
            (out.to_path_buf(), PathBuf::new())
        }
        None => (
            opts.source.clone(),
            Path::new("translations").join(&site.config.languages[l].code),
        ),
    };
    let dir = root.join(&folder);
    // Every file is checked before any is written: a refused export
    // writes nothing.
    for x in &exported {
        if let Err(e) = files::refuse_links(&root, &folder.join(&x.file_name)) {
            crate::errln!("error: {e}: nothing was written");
            crate::errln!(
                "  = hint: remove the link, or name the folder to write to with `--out FOLDER`"
            );
            return EXIT_FAILED;
        }
    }
    // Translations the site cannot read: said before anything is written.
    let mut warnings: Vec<Diagnostic> = exported.iter().flat_map(|x| x.warnings.clone()).collect();
    warnings.extend(not_exported(&m, l, &warnings));
    if !warnings.is_empty() {
        print_diagnostics(&opts.source, &warnings, verbosity);
    }
    if !keeps_work(site, &opts.source, l, &dir, &exported) {
        return EXIT_FAILED;
    }
    for x in &exported {
        if let Err(e) = files::write_inside(&root, &folder.join(&x.file_name), &x.bytes) {
            crate::errln!("error: {e}");
            return EXIT_FAILED;
        }
        if verbosity != Verbosity::Quiet {
            say_written(&dir.join(&x.file_name), x.counts);
        }
    }
    EXIT_OK
}

/// What a written export file holds.
fn say_written(file: &Path, c: crate::translate::units::SegmentCounts) {
    let all = c.translated + c.changed + c.missing;
    if all == 0 {
        // `--only-changed` with nothing to do: the file replaces an
        // earlier one that asked for work now done.
        crate::errln!(
            "wrote {}: nothing to translate (every segment is translated)",
            file.display()
        );
        return;
    }
    crate::errln!(
        "wrote {}: {} ({} translated, {} fuzzy, {} untranslated)",
        file.display(),
        plural(all, "segment", "segments"),
        c.translated,
        c.changed,
        c.missing
    );
}

/// The site's own errors outside other languages' translations (a source
/// page whose front matter fails, a link leading out of the site), as
/// warnings: the pages they concern are in no export, and translators'
/// files would otherwise lack them without a word.
fn not_exported(m: &pipeline::Modelled, l: LangId, said: &[Diagnostic]) -> Vec<Diagnostic> {
    let config = &m.site.config;
    let other_language = |d: &Diagnostic| {
        let name = d.path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let stem = crate::content::names::is_markdown(name);
        let lang = stem.and_then(|s| crate::content::names::split_lang(s, config).ok());
        matches!(lang, Some((_, Some(x))) if x != l && x != config.default_index())
    };
    m.diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error || m.site.broken_sources.contains(&d.path))
        .filter(|d| !other_language(d) && !said.iter().any(|s| s.path == d.path))
        .map(|d| {
            let mut d = d.clone();
            d.severity = Severity::Warning;
            d.message.push_str("; not in the export until fixed");
            d
        })
        .collect()
}

/// Whether every file the export replaces holds no work the site lacks
/// (see `translate::overwrite`); else says which, and nothing is written.
fn keeps_work(
    site: &Site,
    root: &Path,
    l: LangId,
    dir: &Path,
    exported: &[export::Exported],
) -> bool {
    let mut ok = true;
    for x in exported {
        let path = dir.join(&x.file_name);
        let lost = match overwrite::at_place(site, root, l, &path) {
            overwrite::AtPlace::Nothing => continue,
            overwrite::AtPlace::Work(lost) => lost,
            overwrite::AtPlace::Unreadable(why) => {
                ok = false;
                crate::errln!(
                    "error: {} cannot be read ({why}): it may hold a translator's work, which the new export would replace; nothing was written",
                    path.display()
                );
                crate::errln!(
                    "  = hint: fix it and import it (`fieldguide translate import {}`), or move it away, or write the new export elsewhere with `--out FOLDER`",
                    path.display()
                );
                continue;
            }
        };
        ok = false;
        let shown: Vec<String> = lost
            .iter()
            .take(3)
            .map(|e| format!("{}, line {}", e.place, e.line))
            .collect();
        let more = if lost.len() > 3 { ", …" } else { "" };
        crate::errln!(
            "error: {} holds {} not imported ({}{more}): the new export would replace {}; nothing was written",
            path.display(),
            plural(lost.len(), "translation", "translations"),
            shown.join("; "),
            if lost.len() == 1 { "it" } else { "them" }
        );
        crate::errln!(
            "  = hint: import it first (`fieldguide translate import {}`), or move it away, or write the new export elsewhere with `--out FOLDER`",
            path.display()
        );
    }
    ok
}

/// Shows the lines of translators' files (and of pages) under messages;
/// not those of a spreadsheet, which is not text.
struct Lookup<'a> {
    site: &'a Path,
    files: &'a [PathBuf],
}

impl SourceLookup for Lookup<'_> {
    fn line_of(&self, path: &Path, line: usize) -> Option<String> {
        if line == 0 || Format::of(path) == Some(Format::Xlsx) {
            return None;
        }
        // A translator's file, named by the user; else a page of the site,
        // never read through a link (messages never show a linked file).
        let bytes = match self.files.iter().find(|f| f.as_path() == path) {
            Some(f) => std::fs::read(f).ok()?,
            None => {
                let rel = path.to_string_lossy().replace('\\', "/");
                crate::translate::files::read_inside(
                    self.site,
                    &rel,
                    crate::translate::MAX_FILE_BYTES,
                )?
            }
        };
        let text = String::from_utf8(bytes).ok()?;
        text.lines()
            .nth(line - 1)
            .map(|l| l.trim_end_matches('\r').to_string())
    }
}

pub fn import(opts: &Options, paths: &[PathBuf], verbosity: Verbosity) -> i32 {
    let Some(m) = modelled(opts, verbosity) else {
        return EXIT_FAILED;
    };
    let mut diags: Vec<Diagnostic> = Vec::new();
    let mut files = Vec::new();
    for path in paths {
        let read = import::load(path).map_err(|d| vec![d]);
        match read.and_then(|bytes| import::read(path, &bytes)) {
            Ok(catalog) => files.push(import::File {
                shown: path.clone(),
                catalog,
            }),
            Err(d) => diags.extend(d),
        }
    }
    let total = import::import_all(&m.site, &opts.source, &files);
    if verbosity != Verbosity::Quiet {
        for w in &total.written {
            crate::errln!("wrote {}", display_path(w));
        }
    }
    diags.extend(total.diagnostics);
    if opts.strict {
        crate::diagnostics::make_strict(&mut diags);
    }
    let shown: Vec<Diagnostic> = diags
        .iter()
        .filter(|d| verbosity != Verbosity::Quiet || d.severity == Severity::Error)
        .cloned()
        .collect();
    let lookup = Lookup {
        site: &opts.source,
        files: paths,
    };
    crate::err!("{}", render(&shown, &lookup, stderr_color()));
    let failed = diags.iter().any(|d| d.severity == Severity::Error);
    if verbosity != Verbosity::Quiet {
        crate::errln!(
            "{}: {} written, {} unchanged, {} incomplete, {} refused",
            if failed { "import failed" } else { "imported" },
            plural(total.written.len(), "page", "pages"),
            total.unchanged,
            total.incomplete,
            total.refused
        );
    }
    if failed { EXIT_FAILED } else { EXIT_OK }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    /// A message's line is shown from the translator's file, or from a
    /// page of the site, never through a link planted in the site.
    #[test]
    fn lines_shown_under_messages_never_come_through_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        std::fs::create_dir_all(site.join("guidance/pub")).unwrap();
        std::fs::write(site.join("guidance/pub/index.en.md"), "one\ntwo\n").unwrap();
        std::fs::write(dir.path().join("secret.txt"), "secret line\n").unwrap();
        std::os::unix::fs::symlink(
            dir.path().join("secret.txt"),
            site.join("guidance/pub/index.fr.md"),
        )
        .unwrap();
        let po = dir.path().join("fr.po");
        std::fs::write(&po, "msgid \"\"\nmsgstr \"\"\n").unwrap();
        let files = [po.clone()];
        let lookup = Lookup {
            site: &site,
            files: &files,
        };
        assert_eq!(
            lookup.line_of(Path::new("guidance/pub/index.en.md"), 2),
            Some("two".to_string())
        );
        assert_eq!(lookup.line_of(&po, 2), Some("msgstr \"\"".to_string()));
        assert_eq!(
            lookup.line_of(Path::new("guidance/pub/index.fr.md"), 1),
            None
        );
    }
}
