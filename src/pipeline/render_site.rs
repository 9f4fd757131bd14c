//! Templates: the checked site rendered, file by file, into a sink
//! (memory for `serve` and `pdf`, nothing for `check`, the disk for
//! `build`).

use super::emit;
use super::emit::{Emitter, Sink};
use super::{
    Analysed, Failed, Inputs, Options, PrintPieces, Timer, analyse_from, download, fail,
    has_errors, load_inputs, model_from, pages, spool,
};
use crate::config::Config;
use crate::diagnostics::{Diagnostic, sorted};
use crate::output::OutputFile;
use std::path::PathBuf;
use std::time::Instant;

/// What a build produced, besides its files.
pub struct Summary {
    pub diagnostics: Vec<Diagnostic>,
    pub languages: Vec<crate::translation::LanguageSummary>,
    /// Each language's search index size, for the summary line.
    pub search: Vec<crate::search::Summary>,
    /// Files under `guidance/` that no page uses: not published.
    pub unpublished: Vec<PathBuf>,
    /// Every file emitted: path, size, hash.
    pub files: Vec<emit::Entry>,
    pub elapsed_ms: u128,
    /// Time per step, for `--verbose`.
    pub timings: Vec<(&'static str, u128)>,
    /// A local edition's pages whose base changed since they were adapted.
    pub overrides: Vec<crate::adaptation::OverrideReport>,
    /// Values shown as a gap to fill in, per language.
    pub unset: Vec<crate::adaptation::Unset>,
    /// Broken links and missing images published as text (`broken_links:
    /// warning`); `check` fails on them.
    pub defects: (usize, usize),
    /// The summary line about them, when there are any.
    pub published_as_text: Option<String>,
    /// Each PDF path -> the print key of its print page (see `pdf::keep`).
    pub print_keys: std::collections::BTreeMap<String, String>,
    /// Where each chapter is in each print page (`serve` splices edits in).
    pub print_pieces: PrintPieces,
    /// Files in the site's zip, and how many of their entries were reused
    /// from the earlier zip, when there is one.
    pub zip_counts: Option<(usize, usize)>,
}

/// A site built in memory (`serve`, `pdf`).
pub struct Built {
    pub files: Vec<OutputFile>,
    pub summary: Summary,
    /// Kept so that `serve` can re-render only what a change touches.
    pub analysed: Analysed,
    pub tera: tera::Tera,
}

/// The checked site and its compiled templates: ready to render pages.
pub struct Ready {
    pub analysed: Analysed,
    pub tera: tera::Tera,
    pub(super) start: Instant,
    pub(super) timer: Timer,
    /// See [`unchanged::zip_secret`]: set by a build to disk.
    pub(super) zip_secret: Option<crate::output::manifest::Hash>,
}

/// Steps up to the templates; fails on any error (any warning, with
/// `--strict`) before anything is rendered.
pub fn prepare(opts: &Options) -> Result<Ready, Failed> {
    let start = Instant::now();
    prepare_from(
        opts,
        load_inputs(opts, !opts.keep_text)?,
        spool::Spool::default(),
        start,
    )
}

/// [`prepare`] from what was loaded, keeping each document's HTML and text
/// in `spool`.
pub(super) fn prepare_from(
    opts: &Options,
    inputs: Inputs,
    spool: spool::Spool,
    start: Instant,
) -> Result<Ready, Failed> {
    // `serve` keeps every text, to re-check what an edit changes.
    let mut analysed = analyse_from(opts, model_from(inputs), spool, !opts.keep_text);
    let timer = Timer {
        laps: std::mem::take(&mut analysed.timings),
        last: Instant::now(),
    };
    if has_errors(&analysed.diagnostics, opts.strict) {
        let (defects, unreadable) = match analysed.site.config.broken_links {
            crate::config::BrokenLinks::Error => (
                crate::check::defects(&analysed.rendered),
                analysed.site.unreadable_files,
            ),
            crate::config::BrokenLinks::Warning => ((0, 0), 0),
        };
        return Err(Failed {
            defects,
            unreadable,
            ..fail(analysed.diagnostics, opts.strict)
        });
    }
    let cfg: &Config = &analysed.site.config;
    let codes = cfg.languages.iter().map(|l| l.code.clone()).collect();
    let Some(tera) = crate::render::templates(
        &analysed.theme,
        analysed.i18n.clone(),
        codes,
        cfg.default_index(),
        &mut analysed.diagnostics,
    ) else {
        return Err(fail(analysed.diagnostics, opts.strict));
    };
    Ok(Ready {
        analysed,
        tera,
        start,
        timer,
        zip_secret: None,
    })
}

/// Renders every file of the site into `sink`. `extras` says what the
/// templates know beyond the site (PDFs that exist); `extra_files` are
/// added as they are (the PDFs).
pub fn render_site(
    ready: &mut Ready,
    opts: &Options,
    sink: &dyn Sink,
    pdfs: Vec<String>,
    extra_files: Vec<OutputFile>,
) -> Result<Summary, Failed> {
    let a = &ready.analysed;
    let extras = crate::render::Extras {
        live_reload: opts.live_reload.clone(),
        pdfs,
        ..Default::default()
    };
    let renderer =
        crate::render::Renderer::new(&a.site, &a.rendered, &ready.tera, &a.theme, extras);
    let zip_root = (opts.download && a.site.config.download).then(|| download::zip_name(&a.site));
    let earlier = zip_root.as_ref().and_then(|name| {
        let rel = format!("{}/{name}.zip", crate::output::download::DIR);
        let (secret, (recorded, len)) = (ready.zip_secret?, sink.earlier_zip_seal(&rel)?);
        sink.earlier(&rel)
            .and_then(|f| emit::EarlierZip::open(f, &secret, &recorded, len))
    });
    let mut emitter = Emitter::new(sink, zip_root).map_err(|d| fail(vec![d], false))?;
    emitter.reuse(earlier);
    emitter.track_prints(opts.print_keys);
    let emitted = pages::emit_all(a, &renderer, &emitter, &mut ready.timer, extra_files);
    if !emitter.failed() {
        download::finish(a, &renderer, &mut emitter);
        ready.timer.lap("download");
    }
    let zip_counts = Some(emitter.zip_counts()).filter(|&(zipped, _)| zipped > 0);
    let loads = emitter.take_print_loads();
    let print_pieces = emitter.take_pieces();
    let (files, errors, warnings) = emitter.into_parts();
    let mut diagnostics = a.diagnostics.clone();
    diagnostics.extend(warnings);
    // Every clash at once, with any other error: as `check` tells them, so
    // that one run shows the author all there is to rename.
    let collisions = super::collisions::check(&a.site, &files)
        .err()
        .unwrap_or_default();
    if !errors.is_empty() || !collisions.is_empty() || has_errors(&diagnostics, opts.strict) {
        diagnostics.extend(crate::render::merge_failures(errors));
        diagnostics.extend(collisions);
        return Err(fail(diagnostics, opts.strict));
    }
    Ok(Summary {
        diagnostics: sorted(diagnostics),
        languages: crate::translation::summary(&a.site),
        search: emitted.search,
        unpublished: emitted.unpublished,
        elapsed_ms: ready.start.elapsed().as_millis(),
        timings: ready.timer.laps.clone(),
        overrides: crate::adaptation::overrides(&a.site),
        unset: crate::adaptation::unset(&a.site),
        defects: crate::check::defects(&a.rendered),
        published_as_text: crate::check::published_as_text(&a.site, &a.rendered),
        print_keys: crate::pdf::keep::keys(&a.site, &files, &loads),
        print_pieces,
        zip_counts,
        files,
    })
}

/// Builds the whole site in memory. Nothing is written.
pub fn build(opts: &Options) -> Result<Built, Failed> {
    let mut ready = prepare(opts)?;
    let sink = emit::Memory::default();
    let summary = render_site(&mut ready, opts, &sink, Vec::new(), Vec::new())?;
    Ok(Built {
        files: sink.into_files(),
        summary,
        analysed: ready.analysed,
        tera: ready.tera,
    })
}

/// Everything `build` validates, templates included; nothing is kept.
pub fn check(opts: &Options) -> Result<Summary, Failed> {
    let mut ready = prepare(opts)?;
    render_site(&mut ready, opts, &emit::Discard, Vec::new(), Vec::new())
}
