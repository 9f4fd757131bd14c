//! The build, step by step: load -> model -> markdown -> check -> render ->
//! write. `build`, `check`, `serve` and `pdf` all run these same steps.
//!
//! The whole site is checked before any page is rendered to its template
//! (the check needs each document's ids, links and titles, not its HTML).
//! Then pages are rendered, handed to a sink and forgotten, publication by
//! publication (`pages`): each document's HTML is made again for the pages
//! that show it, so memory holds what one page needs, not the site.
//! `download` closes the zips and renders the homes that link to them.

mod download;
pub mod emit;
mod pages;
mod print_pieces;
mod spool;
mod unchanged;

pub use pages::{Reuse, render_specs};
pub use print_pieces::PrintPieces;
pub use unchanged::UpToDate;

use crate::config::{self, Config};
use crate::content::{load, model};
use crate::diagnostics::{Diagnostic, Severity, sorted};
use crate::i18n::I18n;
use crate::markdown::{self, Rendered};
use crate::output::OutputFile;
use crate::theme::Theme;
use emit::{Emitter, Sink};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

#[derive(Debug, Clone, Default)]
pub struct Options {
    pub source: PathBuf,
    /// Warnings fail the build.
    pub strict: bool,
    /// Set by `serve`: pages load this script (path from the output root).
    pub live_reload: Option<String>,
    /// Write `download/<site>.zip` (`build` does; `serve` and `check` do not).
    pub download: bool,
    /// Keep each document's plain text after the check (`serve`: it makes
    /// the search indexes again after an edit). A build does not: each
    /// page's text goes to the search index as the page is made.
    pub keep_text: bool,
    /// Publish pages marked `draft: true` (`--drafts`).
    pub drafts: bool,
    /// Work out each print page's print key (what `pdf` records, and what
    /// a build needs to keep the PDFs of an earlier run; see `pdf::keep`).
    /// It reads every print page through: only when needed.
    pub print_keys: bool,
}

/// A failed build: every problem found, sorted.
pub struct Failed {
    pub diagnostics: Vec<Diagnostic>,
}

pub fn fail(mut diags: Vec<Diagnostic>, strict: bool) -> Failed {
    if strict {
        crate::diagnostics::make_strict(&mut diags);
    }
    Failed {
        diagnostics: sorted(diags),
    }
}

pub fn has_errors(diags: &[Diagnostic], strict: bool) -> bool {
    diags.iter().any(|d| d.severity == Severity::Error) || (strict && !diags.is_empty())
}

/// The site as data, before any Markdown is rendered: what `status` and
/// `stamp` need.
pub struct Modelled {
    pub site: model::Site,
    pub theme: Theme,
    pub i18n: Arc<I18n>,
    pub diagnostics: Vec<Diagnostic>,
    timer: Timer,
}

/// What a build reads, before anything is made of it.
pub struct Inputs {
    pub config: Config,
    pub theme: Theme,
    pub i18n: Arc<I18n>,
    pub loaded: load::Loaded,
    pub diagnostics: Vec<Diagnostic>,
    timer: Timer,
}

/// Step load: `site.yaml`, the theme and the site's files; with `release`
/// (a build), each Markdown file keeps only its front matter (see
/// `content::parse`).
pub fn load_inputs(opts: &Options, release: bool) -> Result<Inputs, Failed> {
    let mut diags = Vec::new();
    let mut timer = Timer::new();
    let (config, cd) = config::load(&opts.source);
    diags.extend(cd);
    let Some(mut config) = config else {
        return Err(fail(diags, opts.strict));
    };
    config.drafts = opts.drafts;
    let theme = Theme::load_layers(&opts.source, config.base_site.as_ref(), &mut diags);
    let i18n = Arc::new(I18n::load(&theme, &config, &mut diags));
    timer.lap("config and theme");
    let loaded = load::load(&opts.source, &config, release, &mut diags);
    timer.lap("load");
    Ok(Inputs {
        config,
        theme,
        i18n,
        loaded,
        diagnostics: diags,
        timer,
    })
}

/// Step model, on what was loaded.
fn model_from(inputs: Inputs) -> Modelled {
    let Inputs {
        config,
        theme,
        i18n,
        loaded,
        diagnostics: mut diags,
        mut timer,
    } = inputs;
    let site = crate::content::build::build(config, loaded, &mut diags);
    timer.lap("model");
    Modelled {
        site,
        theme,
        i18n,
        diagnostics: diags,
        timer,
    }
}

/// Steps load and model.
pub fn model(opts: &Options) -> Result<Modelled, Failed> {
    load_inputs(opts, false).map(model_from)
}

/// Loads, models and analyses the Markdown: everything `check` needs.
/// `rendered` holds each document's ids, links, table of contents and
/// text; its HTML is not kept (empty).
pub struct Analysed {
    /// The site folder.
    pub source: PathBuf,
    pub timings: Vec<(&'static str, u128)>,
    pub site: model::Site,
    pub theme: Theme,
    pub i18n: Arc<I18n>,
    pub rendered: Vec<Rendered>,
    pub labels: Vec<markdown::Labels>,
    pub diagnostics: Vec<Diagnostic>,
    /// The documents' texts were let go ([`release_texts`]).
    released: bool,
    /// Each document's HTML and text as the Markdown step made them, when
    /// a build kept them (see [`spool`]).
    spool: spool::Spool,
}

/// A document's HTML and plain text, for a page that shows it.
pub struct PageDoc {
    pub html: String,
    pub text: String,
}

impl Analysed {
    /// Document `d`'s HTML and text for a page that shows it, with the
    /// links the check found broken unlinked: from the spool, or rendered
    /// again.
    pub fn page_doc(&self, d: model::DocId) -> Result<PageDoc, Diagnostic> {
        let (mut html, text) = match self.spool.get(d.0) {
            Some(kept) => kept,
            None => {
                let source = self.text_of(d)?;
                let r = render_text(&self.site, &self.labels, d, &source, false);
                (r.html, r.text)
            }
        };
        markdown::unlink(&mut html, &self.rendered[d].unlinked);
        Ok(PageDoc { html, text })
    }

    /// [`Analysed::page_doc`]'s HTML.
    pub fn html(&self, d: model::DocId) -> Result<String, Diagnostic> {
        self.page_doc(d).map(|r| r.html)
    }

    fn text_of(&self, d: model::DocId) -> Result<std::borrow::Cow<'_, str>, Diagnostic> {
        doc_text(&self.site, d, self.released)
    }
}

/// Document `d`'s file: the model's copy, or, once a build has let it go
/// (`released`, see [`release_texts`]), the file read again, refused
/// unless it is still the one that was loaded.
fn doc_text(
    site: &model::Site,
    d: model::DocId,
    released: bool,
) -> Result<std::borrow::Cow<'_, str>, Diagnostic> {
    let f = &site.doc(d).file;
    if !released {
        return Ok(std::borrow::Cow::Borrowed(&f.text));
    }
    let changed = || {
        Diagnostic::error(
            &f.rel,
            0,
            0,
            "the file changed while the site was being built",
        )
        .with_hint("build again once it is saved")
    };
    let bytes = crate::no_follow::Dir::open(&f.root)
        .and_then(|dir| dir.read(&crate::no_follow::slash_path(&f.in_site)))
        .map_err(|_| changed())?;
    let text = crate::text::decode_vec(bytes).map_err(|_| changed())?;
    if *blake3::hash(text.as_bytes()).as_bytes() != f.digest {
        return Err(changed());
    }
    Ok(std::borrow::Cow::Owned(text))
}

/// Lets each document's front matter go once the site is modelled (its
/// body went as the file was loaded, after the hash translations are
/// compared by was made): the Markdown step reads the file again (verified
/// by hash), so memory holds what a few documents need, not every file of
/// the site.
fn release_texts(site: &mut model::Site) {
    for doc in &mut site.docs {
        doc.file.text = String::new();
    }
}

/// Lets go of what only the check needed (each document's ids and links
/// to other pages): a build checks once, and 30,000 documents' ids took
/// tens of MB through the page step. `serve` keeps them to check edits.
fn release_check_data(rendered: &mut [markdown::Rendered]) {
    for r in rendered {
        r.ids = Default::default();
        r.page_links = Vec::new();
    }
}

/// Steps load, model, markdown and check: everything but the templates.
pub fn analyse(opts: &Options) -> Result<Analysed, Failed> {
    Ok(analyse_from(
        opts,
        model(opts)?,
        spool::Spool::default(),
        false,
    ))
}

/// [`analyse`] of a modelled site, keeping each document's HTML and text
/// in `spool`; with `release`, the texts are let go first and each file is
/// read again as it is rendered (a build: see [`release_texts`]).
fn analyse_from(
    opts: &Options,
    modelled: Modelled,
    mut spool: spool::Spool,
    release: bool,
) -> Analysed {
    let Modelled {
        mut site,
        theme,
        i18n,
        diagnostics: mut diags,
        mut timer,
    } = modelled;
    let labels: Vec<markdown::Labels> = site.config.lang_ids().map(|l| i18n.labels(l)).collect();
    // Links to drafts: in a build, found in the files read again.
    let to_drafts = crate::drafts::link_errors(&site, &|d| doc_text(&site, d, release).ok());
    if release {
        release_texts(&mut site);
    }
    let (mut rendered, slots) = analyse_markdown(&site, &labels, opts.keep_text, &spool, release);
    spool.set_slots(slots);
    for r in &rendered {
        let mut found = r.diagnostics.clone();
        crate::drafts::supersede(&mut found, &to_drafts);
        diags.extend(found);
    }
    diags.extend(to_drafts);
    timer.lap("markdown");
    diags.extend(crate::check::links(&site, &mut rendered));
    if release {
        release_check_data(&mut rendered);
    }
    timer.lap("check");
    Analysed {
        source: opts.source.clone(),
        timings: timer.laps,
        site,
        theme,
        i18n,
        rendered,
        labels,
        diagnostics: diags,
        released: release,
        spool,
    }
}

/// Renders one document's Markdown, from `text` (its whole file).
fn render_text(
    site: &model::Site,
    labels: &[markdown::Labels],
    d: model::DocId,
    text: &str,
    lint: bool,
) -> Rendered {
    let doc = site.doc(d);
    let opts = markdown::Options {
        allow_raw_html: site.config.allow_raw_html,
        labels: &labels[doc.file.lang],
        interactive_tasks: site.publication_kind(doc.node)
            == crate::content::front_matter::Kind::Checklist,
        lint,
    };
    markdown::render_text(site, d, text, &opts)
}

/// Renders one document's Markdown.
pub fn render_doc(site: &model::Site, labels: &[markdown::Labels], d: model::DocId) -> Rendered {
    render_text(site, labels, d, &site.doc(d).file.text, true)
}

/// Every document once, in parallel, keeping what the check and the
/// templates need but not the HTML, nor the plain text unless `keep_text`
/// (`serve`, which re-makes the search indexes after an edit). Both go to
/// `spool` when it is on, for the pages.
fn analyse_markdown(
    site: &model::Site,
    labels: &[markdown::Labels],
    keep_text: bool,
    spool: &spool::Spool,
    released: bool,
) -> (Vec<Rendered>, Vec<Option<spool::Slot>>) {
    (0..site.docs.len())
        .into_par_iter()
        .map(model::DocId)
        .map(|d| {
            let mut r = match doc_text(site, d, released) {
                Ok(text) => render_text(site, labels, d, &text, true),
                Err(changed) => Rendered {
                    diagnostics: vec![changed],
                    ..Default::default()
                },
            };
            let slot = spool.put(&r.html, &r.text);
            r.html = String::new();
            // Kept for the whole build, by every document.
            r.toc.shrink_to_fit();
            if !keep_text {
                r.text = String::new();
            }
            (r, slot)
        })
        .unzip()
}

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
    start: Instant,
    timer: Timer,
    /// See [`unchanged::zip_secret`]: set by a build to disk.
    zip_secret: Option<crate::output::manifest::Hash>,
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
fn prepare_from(
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
        return Err(fail(analysed.diagnostics, opts.strict));
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
        let (secret, recorded) = (ready.zip_secret?, sink.earlier_zip_seal()?);
        sink.earlier(&rel)
            .and_then(|f| emit::EarlierZip::open(f, &secret, &recorded))
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
    if !errors.is_empty() {
        diagnostics.extend(crate::render::merge_failures(errors));
        return Err(fail(diagnostics, opts.strict));
    }
    if has_errors(&diagnostics, opts.strict) {
        return Err(fail(diagnostics, opts.strict));
    }
    if let Err(d) = pages::check_collisions(&files) {
        diagnostics.extend(d);
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

/// A build written to disk: what was written, and the summary.
pub struct Written {
    pub summary: Summary,
    pub stats: crate::output::WriteStats,
    /// Lines to print about PDFs of an earlier run, kept or removed.
    pub notes: Vec<String>,
}

/// What `build` did.
pub enum Outcome {
    Written(Box<Written>),
    /// Nothing changed since the last build (see [`unchanged`]).
    UpToDate(unchanged::UpToDate),
}

/// `build`: the site written into `out`, or nothing at all when the output
/// is already what this build would write.
/// `summary_lines` says what the build prints about the site besides its
/// messages: a rebuild that finds nothing changed prints it again.
pub fn build_or_keep(
    opts: &Options,
    out: &Path,
    summary_lines: &dyn Fn(&Summary) -> Vec<String>,
) -> Result<Outcome, Failed> {
    let start = Instant::now();
    let mut inputs = load_inputs(opts, !opts.keep_text)?;
    check_base(&inputs, out)?;
    // The last build's manifest is read while the key is made. Warnings
    // while loading (a language without interface strings, an unknown
    // key) are a function of the inputs, said again from the seal's
    // report; only a site that fails cannot be kept.
    let fails = inputs
        .diagnostics
        .iter()
        .any(|d| d.severity == crate::diagnostics::Severity::Error || opts.strict);
    let (key, earlier) = if !fails {
        rayon::join(|| unchanged::key(opts, &inputs), || unchanged::earlier(out))
    } else {
        (None, None)
    };
    let found = key
        .as_ref()
        .zip(earlier)
        .and_then(|(k, e)| unchanged::check(e, k));
    if let Some(found) = found {
        inputs.timer.lap("output checked");
        return Ok(Outcome::UpToDate(unchanged::UpToDate {
            elapsed_ms: start.elapsed().as_millis(),
            timings: inputs.timer.laps,
            ..found
        }));
    }
    let seal = key.map(|k| (k, summary_lines));
    let written = build_from(opts, inputs, start, out, Vec::new(), Vec::new(), None, seal)?;
    Ok(Outcome::Written(Box::new(written)))
}

/// Builds the site into `out`, all or nothing: files are staged as they
/// are rendered and moved into place only when every one is ready.
/// `pdfs` are the PDFs in `extra_files`, printed from a site whose print
/// keys are `keys` (see `pdf::keep`; `None`: this build's own).
pub fn build_to(
    opts: &Options,
    out: &Path,
    pdfs: Vec<String>,
    extra_files: Vec<OutputFile>,
    keys: Option<std::collections::BTreeMap<String, String>>,
) -> Result<Written, Failed> {
    let start = Instant::now();
    let inputs = load_inputs(opts, !opts.keep_text)?;
    check_base(&inputs, out)?;
    build_from(opts, inputs, start, out, pdfs, extra_files, keys, None)
}

/// A local edition reads its base's folders too: its output must be
/// outside them (the site's own are checked before loading).
fn check_base(inputs: &Inputs, out: &Path) -> Result<(), Failed> {
    match &inputs.config.base_site {
        Some(b) => crate::output::guard::check_base(&b.root, out).map_err(|d| fail(vec![d], false)),
        None => Ok(()),
    }
}

/// The key of a build's inputs, and what it prints about the site: the
/// manifest is sealed with them (see [`unchanged`]).
type Seal<'a> = (
    crate::output::manifest::Hash,
    &'a dyn Fn(&Summary) -> Vec<String>,
);

/// [`build_to`] from what was loaded, sealing the manifest with `seal`.
#[allow(clippy::too_many_arguments)]
fn build_from(
    opts: &Options,
    inputs: Inputs,
    start: Instant,
    out: &Path,
    pdfs: Vec<String>,
    extra_files: Vec<OutputFile>,
    keys: Option<std::collections::BTreeMap<String, String>>,
    seal: Option<Seal>,
) -> Result<Written, Failed> {
    // The output folder is opened first, for the spool in its staging
    // folder; a site that fails its checks is still reported before a
    // folder that cannot be written.
    let writer = crate::output::Writer::begin(out);
    let spool = match &writer {
        Ok(w) => w.scratch().map_or_else(
            |_| spool::Spool::default(),
            |(_, f)| spool::Spool::in_file(f),
        ),
        Err(_) => spool::Spool::default(),
    };
    let zip_secret = unchanged::zip_secret(&inputs);
    let mut ready = prepare_from(opts, inputs, spool, start)?;
    ready.zip_secret = zip_secret;
    let writer = writer.map_err(|d| fail(vec![d], false))?;
    let refused = crate::output::refused_warnings(out, &writer);
    // Print keys only when there are PDFs of an earlier run to keep.
    let opts = &Options {
        print_keys: keys.is_none() && !writer.previous().printed.is_empty(),
        ..opts.clone()
    };
    let mut disk = emit::Disk::new(writer);
    let mut summary = render_site(&mut ready, opts, &disk, pdfs, extra_files)?;
    let site = &ready.analysed.site;
    if let (Some(secret), true) = (zip_secret, opts.download && site.config.download) {
        let zip = format!("{}/{}.zip", download::DIR, download::zip_name(site));
        disk.seal_zip(zip, secret);
    }
    let previous = disk.writer().previous();
    let keys = keys.as_ref().unwrap_or(&summary.print_keys);
    let still_written = |path: &str| {
        let recorded = previous.files.get(path).copied().flatten();
        let now = disk.writer().open_earlier(path).and_then(|f| {
            let mut h = blake3::Hasher::new();
            h.update_reader(f).ok().map(|h| *h.finalize().as_bytes())
        });
        recorded.is_some() && recorded == now
    };
    let (printed, notes) = crate::pdf::keep::printed(previous, &summary.files, keys, still_written);
    // What a rebuild with nothing changed says again: the site's own
    // messages and summary, not those about the previous output (pages
    // gone since it, entries of its manifest refused, links replaced),
    // which a full rebuild would not say again either. Not with PDFs of an
    // earlier run in play: whether they are kept depends on that run.
    let report = seal
        .filter(|_| notes.is_empty() && printed.is_empty())
        .map(|(key, lines)| {
            (
                key,
                unchanged::report(&summary.diagnostics, lines(&summary)),
            )
        });
    let now = summary.files.iter().map(|f| f.path.as_str());
    let gone = crate::content::aliases::gone(&ready.analysed.site, out, previous.files.keys(), now);
    if opts.strict && !gone.is_empty() {
        summary.diagnostics.extend(gone);
        return Err(fail(summary.diagnostics, true));
    }
    summary.diagnostics.extend(gone);
    summary.diagnostics.extend(refused);
    let write_start = Instant::now();
    let (stats, warnings) = disk
        .commit(&printed, report.as_ref().map(|(k, r)| (k, r.as_str())))
        .map_err(|d| fail(d, false))?;
    summary
        .timings
        .push(("commit", write_start.elapsed().as_micros()));
    summary.diagnostics.extend(warnings);
    summary.elapsed_ms = ready.start.elapsed().as_millis();
    Ok(Written {
        summary,
        stats,
        notes,
    })
}

/// Measures each step, for `--verbose` and the benchmark.
pub(crate) struct Timer {
    laps: Vec<(&'static str, u128)>,
    last: Instant,
}

impl Timer {
    fn new() -> Self {
        Timer {
            laps: Vec::new(),
            last: Instant::now(),
        }
    }

    pub(crate) fn lap(&mut self, step: &'static str) {
        let now = Instant::now();
        self.laps.push((step, (now - self.last).as_micros()));
        self.last = now;
    }
}
