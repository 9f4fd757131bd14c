//! `fieldguide translate export|import`: the round trip with translators'
//! tools. The work is in `crate::translate`; this prints what happened.

use super::{EXIT_FAILED, EXIT_OK, Verbosity, plural, print_diagnostics};
use crate::diagnostics::{Diagnostic, Severity, SourceLookup, display_path, render, stderr_color};
use crate::pipeline::{self, Options};
use crate::translate::catalog::Format;
use crate::translate::{export, files, import};
use std::path::{Path, PathBuf};

fn modelled(opts: &Options, verbosity: Verbosity) -> Option<pipeline::Modelled> {
    match pipeline::model(opts) {
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
        return EXIT_FAILED;
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
    for x in &exported {
        if let Err(e) = files::write_inside(&root, &folder.join(&x.file_name), &x.bytes) {
            crate::errln!("error: {e}");
            return EXIT_FAILED;
        }
        if verbosity != Verbosity::Quiet {
            let c = x.counts;
            crate::errln!(
                "wrote {}: {} ({} translated, {} fuzzy, {} untranslated)",
                dir.join(&x.file_name).display(),
                plural(c.translated + c.changed + c.missing, "segment", "segments"),
                c.translated,
                c.changed,
                c.missing
            );
        }
    }
    EXIT_OK
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
        let full = match self.files.iter().find(|f| f.as_path() == path) {
            Some(f) => f.clone(),
            None => self.site.join(path),
        };
        let text = String::from_utf8(std::fs::read(full).ok()?).ok()?;
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
    let mut total = import::Report::default();
    for path in paths {
        let bytes = match import::load(path) {
            Ok(b) => b,
            Err(d) => {
                diags.push(d);
                continue;
            }
        };
        let catalog = match import::read(path, &bytes) {
            Ok(c) => c,
            Err(d) => {
                diags.extend(d);
                continue;
            }
        };
        let r = import::import(&m.site, &opts.source, path, &catalog);
        if verbosity != Verbosity::Quiet {
            for w in &r.written {
                crate::errln!("wrote {}", display_path(w));
            }
        }
        total.written.extend(r.written);
        total.unchanged += r.unchanged;
        total.incomplete += r.incomplete;
        diags.extend(r.diagnostics);
    }
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
            "{}: {} written, {} unchanged, {} incomplete",
            if failed { "import failed" } else { "imported" },
            plural(total.written.len(), "page", "pages"),
            total.unchanged,
            total.incomplete
        );
    }
    if failed { EXIT_FAILED } else { EXIT_OK }
}
