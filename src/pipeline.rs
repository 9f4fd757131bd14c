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
    /// The output folder of the previous build, whose zip entries are
    /// reused when unchanged.
    pub previous_output: Option<PathBuf>,
}

/// Pages per language, for the summary line.
#[derive(Debug, Clone, serde::Serialize)]
pub struct LanguageSummary {
    pub code: String,
    pub pages: usize,
    pub translated: usize,
    pub fallback: usize,
    /// Translations whose source changed since they were stamped.
    pub stale: Vec<String>,
    /// Translations with no `translation_of:` stamp.
    pub untracked: usize,
}

/// A site built in memory, ready to write.
pub struct Built {
    pub files: Vec<OutputFile>,
    /// Kept so that `serve` can re-render only what a change touches.
    pub tera: tera::Tera,
    pub theme: Theme,
    pub diagnostics: Vec<Diagnostic>,
    pub languages: Vec<LanguageSummary>,
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
    let rendered = render_markdown(&site, &i18n);
    for r in &rendered {
        diags.extend(r.diagnostics.iter().cloned());
    }
    timer.lap("markdown");
    diags.extend(crate::check::anchors(&site, &rendered));
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
    files.extend(copy_assets(&site, &opts.source, &mut diagnostics));
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
        add_download(
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
    let languages = summarise(&site);
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

/// Zips the site, then renders the language homes again with a link to the
/// zip and its size. The copies inside the zip have no such link: a
/// downloaded site need not offer itself for download.
fn add_download(
    site: &model::Site,
    rendered: &[Rendered],
    tera: &mut tera::Tera,
    theme: &Theme,
    opts: &Options,
    files: &mut Vec<OutputFile>,
    diags: &mut Vec<Diagnostic>,
) {
    use crate::output::download;
    let name = crate::slug::slugify(site.config.title_for(&site.config.default_language));
    let name = if name.is_empty() {
        "site".to_string()
    } else {
        name
    };
    let path = format!("{}/{name}.zip", download::DIR);
    let previous = opts.previous_output.as_ref().map(|o| o.join(&path));
    let bytes = match download::zip(files, &name, previous.as_deref()) {
        Ok(b) => b,
        Err(e) => {
            diags.push(Diagnostic::error(
                &path,
                0,
                0,
                format!("cannot make the download: {e}"),
            ));
            return;
        }
    };
    let size = bytes.len() as f64;
    let info = serde_json::json!({
        "path": path,
        "bytes": bytes.len(),
        "mb": (size / 1e5).round() / 10.0,
        "kb": (size / 1e3).ceil(),
    });
    tera.global_context().insert("download", &info);
    let homes: Vec<crate::render::Spec> = (0..site.config.languages.len())
        .map(crate::render::Spec::Home)
        .collect();
    let pages = crate::render::render_specs(
        site,
        rendered,
        tera,
        theme,
        opts.live_reload.as_deref(),
        &homes,
        diags,
    );
    for page in pages {
        if let Some(f) = files.iter_mut().find(|f| f.path == page.path) {
            *f = page;
        }
    }
    let at = files.partition_point(|f| f.path < path);
    files.insert(at, OutputFile::owned(path, bytes));
}

/// Reads each asset once and places it in every language's folder.
fn copy_assets(site: &model::Site, source: &Path, diags: &mut Vec<Diagnostic>) -> Vec<OutputFile> {
    let root = source.join(load::CONTENT_DIR);
    let mut sources: Vec<&Path> = site
        .assets
        .iter()
        .flat_map(|a| a.src.iter().chain(a.variants.values()))
        .map(PathBuf::as_path)
        .collect();
    sources.sort();
    sources.dedup();
    let read: Vec<(&Path, std::io::Result<Vec<u8>>)> = sources
        .par_iter()
        .map(|p| (*p, std::fs::read(root.join(p))))
        .collect();
    let mut bytes = std::collections::HashMap::new();
    for (p, r) in read {
        match r {
            Ok(b) => {
                let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
                if !site.config.allow_raw_html
                    && let Some(why) = crate::output::active::active_content(name, &b)
                {
                    diags.push(
                        Diagnostic::error(
                            Path::new(load::CONTENT_DIR).join(p),
                            0,
                            0,
                            format!("not published: {why}, which could run script in readers' browsers"),
                        )
                        .with_hint("remove the script or file, or set `allow_raw_html: true` in site.yaml if every author is trusted"),
                    );
                    continue;
                }
                bytes.insert(p, Arc::new(b));
            }
            Err(e) => diags.push(Diagnostic::error(
                Path::new(load::CONTENT_DIR).join(p),
                0,
                0,
                format!("cannot read: {}", load::io_message(&e)),
            )),
        }
    }
    let mut out = Vec::new();
    for (l, lang) in site.config.languages.iter().enumerate() {
        for asset in &site.assets {
            if let Some(b) = asset.source_for(l).and_then(|p| bytes.get(p)) {
                out.push(OutputFile {
                    path: format!("{}/{}", lang.code, asset.out),
                    bytes: Bytes::Shared(b.clone()),
                });
            }
        }
    }
    out
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

fn summarise(site: &model::Site) -> Vec<LanguageSummary> {
    use crate::translation::{Status, status};
    site.config
        .languages
        .iter()
        .enumerate()
        .map(|(l, lang)| {
            let mut sum = LanguageSummary {
                code: lang.code.clone(),
                pages: site.nodes.len(),
                translated: 0,
                fallback: 0,
                stale: Vec::new(),
                untracked: 0,
            };
            for (n, node) in site.nodes.iter().enumerate() {
                match status(site, n, l) {
                    Status::Missing => sum.fallback += 1,
                    Status::Stale => {
                        sum.translated += 1;
                        if let Some(d) = node.docs[l] {
                            sum.stale
                                .push(crate::diagnostics::display_path(&site.doc(d).file.rel));
                        }
                    }
                    Status::Untracked => {
                        sum.translated += 1;
                        sum.untracked += 1;
                    }
                    Status::Source | Status::UpToDate => sum.translated += 1,
                }
            }
            sum.stale.sort();
            sum
        })
        .collect()
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
