//! The build, step by step: load -> model -> markdown -> check -> render ->
//! write. `build`, `check` and `serve` all run these same steps.

use crate::config::{self, Config};
use crate::content::{load, model};
use crate::diagnostics::{Diagnostic, Severity};
use crate::i18n::I18n;
use crate::markdown::{self, Rendered};
use crate::output::{Bytes, OutputFile};
use crate::theme::Theme;
use rayon::prelude::*;
use std::path::PathBuf;
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
    /// The output folder of the previous build, whose zip entries are
    /// reused when unchanged.
    pub previous_output: Option<PathBuf>,
}

/// A site built in memory, ready to write.
pub struct Built {
    pub files: Vec<OutputFile>,
    /// Kept so that `serve` can re-render only what a change touches.
    pub tera: tera::Tera,
    pub theme: Theme,
    pub diagnostics: Vec<Diagnostic>,
    pub languages: Vec<crate::translation::LanguageSummary>,
    /// Each language's search index size, for the summary line.
    pub search: Vec<crate::search::Summary>,
    pub site: model::Site,
    pub rendered: Vec<Rendered>,
    pub i18n: Arc<I18n>,
    pub elapsed_ms: u128,
    /// Time per step, for `--verbose`.
    pub timings: Vec<(&'static str, u128)>,
}

/// A failed build: every problem found, sorted.
pub struct Failed {
    pub diagnostics: Vec<Diagnostic>,
}

fn fail(mut diags: Vec<Diagnostic>, strict: bool) -> Failed {
    if strict {
        crate::diagnostics::make_strict(&mut diags);
    }
    let all = crate::diagnostics::Diagnostics::new();
    all.extend(diags);
    Failed {
        diagnostics: all.into_sorted(),
    }
}

fn has_errors(diags: &[Diagnostic], strict: bool) -> bool {
    diags.iter().any(|d| d.severity == Severity::Error) || (strict && !diags.is_empty())
}

/// Loads, models and renders the Markdown: everything `check` needs.
pub struct Analysed {
    pub timings: Vec<(&'static str, u128)>,
    pub site: model::Site,
    pub theme: Theme,
    pub i18n: Arc<I18n>,
    pub rendered: Vec<Rendered>,
    pub diagnostics: Vec<Diagnostic>,
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

/// Steps load and model.
pub fn model(opts: &Options) -> Result<Modelled, Failed> {
    let mut diags = Vec::new();
    let mut timer = Timer::new();
    let (config, cd) = config::load(&opts.source);
    diags.extend(cd);
    let Some(config) = config else {
        return Err(fail(diags, opts.strict));
    };
    let theme = Theme::load(&opts.source, &mut diags);
    let i18n = Arc::new(I18n::load(&theme, &config, &mut diags));
    timer.lap("config and theme");
    let loaded = load::load(&opts.source, &config, &mut diags);
    timer.lap("load");
    let site = model::build(config, loaded, &mut diags);
    timer.lap("model");
    Ok(Modelled {
        site,
        theme,
        i18n,
        diagnostics: diags,
        timer,
    })
}

/// Steps load, model, markdown and check: everything but the templates.
pub fn analyse(opts: &Options) -> Result<Analysed, Failed> {
    let Modelled {
        site,
        theme,
        i18n,
        diagnostics: mut diags,
        mut timer,
    } = model(opts)?;
    let mut rendered = render_markdown(&site, &i18n);
    for r in &rendered {
        diags.extend(r.diagnostics.iter().cloned());
    }
    timer.lap("markdown");
    diags.extend(crate::check::links(&site, &mut rendered));
    timer.lap("check");
    Ok(Analysed {
        timings: timer.laps,
        site,
        theme,
        i18n,
        rendered,
        diagnostics: diags,
    })
}

/// Every document once, in parallel; fallback pages reuse the source's HTML.
pub fn render_markdown(site: &model::Site, i18n: &I18n) -> Vec<Rendered> {
    let labels: Vec<markdown::Labels> = (0..site.config.languages.len())
        .map(|l| i18n.labels(l))
        .collect();
    (0..site.docs.len())
        .into_par_iter()
        .map(|d| {
            let doc = site.doc(d);
            let opts = markdown::Options {
                allow_raw_html: site.config.allow_raw_html,
                labels: &labels[doc.file.lang],
                interactive_tasks: site.publication_kind(doc.node)
                    == crate::content::front_matter::Kind::Checklist,
            };
            markdown::render(site, d, &opts)
        })
        .collect()
}

/// Builds the whole site in memory. Nothing is written.
pub fn build(opts: &Options) -> Result<Built, Failed> {
    let start = Instant::now();
    let Analysed {
        timings,
        site,
        theme,
        i18n,
        rendered,
        mut diagnostics,
    } = analyse(opts)?;
    let mut timer = Timer {
        laps: timings,
        last: Instant::now(),
    };
    if has_errors(&diagnostics, opts.strict) {
        return Err(fail(diagnostics, opts.strict));
    }
    let cfg: &Config = &site.config;
    let codes = cfg.languages.iter().map(|l| l.code.clone()).collect();
    let Some(mut tera) = crate::render::templates(
        &theme,
        i18n.clone(),
        codes,
        cfg.default_index(),
        &mut diagnostics,
    ) else {
        return Err(fail(diagnostics, opts.strict));
    };
    let mut files = crate::render::pages(
        &site,
        &rendered,
        &tera,
        &theme,
        opts.live_reload.as_deref(),
        &mut diagnostics,
    );
    timer.lap("templates");
    let (indexes, search) = crate::search::files(&site, &rendered);
    files.extend(indexes);
    timer.lap("search");
    files.extend(theme.static_files().map(|(name, bytes)| {
        let bytes = match std::str::from_utf8(bytes) {
            Ok(text) if name.ends_with(".css") => crate::output::minify::css(text).into_bytes(),
            Ok(text) if name.ends_with(".js") => crate::output::minify::js(text).into_bytes(),
            _ => bytes.to_vec(),
        };
        OutputFile {
            path: format!("assets/{name}"),
            bytes: Bytes::Owned(bytes),
        }
    }));
    files.extend(crate::output::assets::copy(
        &site,
        &opts.source,
        &mut diagnostics,
    ));
    if let Some(xml) = crate::render::sitemap::sitemap(&site) {
        files.push(OutputFile::owned("sitemap.xml".into(), xml.into_bytes()));
    }
    if site.config.offline {
        let extra = crate::output::offline::files(&site, &files);
        files.extend(extra);
    }
    check_collisions(&mut files, &mut diagnostics);
    timer.lap("assets");
    if has_errors(&diagnostics, opts.strict) {
        return Err(fail(diagnostics, opts.strict));
    }
    if opts.download && site.config.download {
        crate::output::download::add(
            &site,
            &rendered,
            &mut tera,
            &theme,
            opts,
            &mut files,
            &mut diagnostics,
        );
        timer.lap("download");
        if has_errors(&diagnostics, opts.strict) {
            return Err(fail(diagnostics, opts.strict));
        }
    }
    let languages = crate::translation::summary(&site);
    let all = crate::diagnostics::Diagnostics::new();
    all.extend(diagnostics);
    Ok(Built {
        files,
        tera,
        theme,
        diagnostics: all.into_sorted(),
        languages,
        search,
        site,
        rendered,
        i18n,
        elapsed_ms: start.elapsed().as_millis(),
        timings: timer.laps,
    })
}

/// Two things written to one path is a naming clash the author must fix.
fn check_collisions(files: &mut [OutputFile], diags: &mut Vec<Diagnostic>) {
    files.sort_by(|a, b| a.path.cmp(&b.path));
    for w in files.windows(2) {
        if w[0].path == w[1].path {
            diags.push(
                Diagnostic::error(
                    &w[0].path,
                    0,
                    0,
                    format!("two files would be written to `{}`", w[0].path),
                )
                .with_hint("a file under guidance/ has the same name as a page; rename it"),
            );
        }
    }
}

/// Measures each step, for `--verbose` and the benchmark.
struct Timer {
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

    fn lap(&mut self, step: &'static str) {
        let now = Instant::now();
        self.laps.push((step, (now - self.last).as_micros()));
        self.last = now;
    }
}
