//! Templates: the theme's Tera templates filled with each page's context,
//! in parallel.

pub mod context;
pub mod data;
pub mod nav;
pub mod print;
pub mod sitemap;

use crate::content::model::Site;
use crate::diagnostics::Diagnostic;
use crate::i18n::{I18n, fluent_value};
use crate::markdown::Rendered;
use crate::output::OutputFile;
use crate::theme::Theme;
use context::{Contexts, PageCtx};
use fluent_bundle::FluentArgs;
use rayon::prelude::*;
use std::sync::Arc;
use tera::{Context, Kwargs, State, Tera};

/// Compiles the theme's templates and registers `t()`.
pub fn templates(
    theme: &Theme,
    i18n: Arc<I18n>,
    codes: Vec<String>,
    default: usize,
    diags: &mut Vec<Diagnostic>,
) -> Option<Tera> {
    let mut tera = Tera::new();
    let mut sources = Vec::new();
    for (name, bytes) in theme.templates() {
        match crate::text::decode(bytes) {
            Ok(text) => sources.push((name.to_string(), text)),
            Err((l, c, m)) => diags.push(Diagnostic::error(theme.display_path(name), l, c, m)),
        }
    }
    register_functions(&mut tera, i18n, codes, default);
    if let Err(e) = tera.add_raw_templates(sources) {
        diags.push(template_error(theme, &e, None));
        return None;
    }
    Some(tera)
}

/// A value as a CSS string literal, safe inside `<style>`.
fn css_string(value: &str, _: Kwargs, _: &State) -> tera::Value {
    let mut out = String::from("\"");
    for c in value.chars() {
        match c {
            '"' | '\\' | '<' | '>' | '&' | '\n' | '\r' => {
                out.push_str(&format!("\\{:x} ", c as u32))
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    tera::Value::safe_string(&out)
}

fn register_functions(tera: &mut Tera, i18n: Arc<I18n>, codes: Vec<String>, default: usize) {
    tera.register_filter("css_string", css_string);
    tera.register_function(
        "t",
        move |kwargs: Kwargs, state: &State| -> tera::TeraResult<String> {
            let key: String = kwargs.must_get("key")?;
            let lang = match kwargs.get::<String>("lang")? {
                Some(l) => l,
                None => state.get::<String>("lang_code")?.unwrap_or_default(),
            };
            let idx = codes.iter().position(|c| *c == lang).unwrap_or(default);
            let mut args = FluentArgs::new();
            for (k, v) in kwargs.iter() {
                let name = k.as_str().unwrap_or("");
                if name != "key" && name != "lang" {
                    args.set(name.to_string(), fluent_value(v));
                }
            }
            i18n.get(idx, &key, Some(&args))
                .map_err(tera::Error::message)
        },
    );
}

/// A Tera error as one of our diagnostics: `templates/x.html:line:col: ...`.
fn template_error(theme: &Theme, e: &tera::Error, page: Option<&str>) -> Diagnostic {
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        text.push_str(&format!("\n{s}"));
        source = s.source();
    }
    // Tera's report reads "error: msg\n --> name:line:col"; take the place from it.
    let (mut file, mut line, mut col) = (String::from("templates"), 0, 0);
    let mut message = text
        .lines()
        .next()
        .unwrap_or("")
        .trim_start_matches("error: ")
        .to_string();
    for l in text.lines() {
        if let Some(loc) = l.trim_start().strip_prefix("--> ") {
            let mut parts = loc.rsplitn(3, ':');
            let c = parts.next().and_then(|c| c.parse().ok());
            let ln = parts.next().and_then(|n| n.parse().ok());
            if let (Some(c), Some(ln), Some(name)) = (c, ln, parts.next()) {
                file = theme.display_path(name);
                line = ln;
                col = c;
            }
        } else if let Some(m) = l.strip_prefix("error: ") {
            message = m.to_string();
        }
    }
    if let Some(p) = page {
        message = format!("{message} (while rendering {p})");
    }
    Diagnostic::error(file, line, col, message)
}

/// Which page to render.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spec {
    Chooser,
    Home(usize),
    Page(usize, usize),
    Print(usize, usize),
    /// A language's search results page.
    Search(usize),
}

/// One page to render: its output path and context.
struct Job<'a> {
    path: String,
    template: &'static str,
    ctx: PageCtx<'a>,
}

/// Every page of the site, in a fixed order.
pub fn all_specs(site: &Site) -> Vec<Spec> {
    let mut specs = vec![Spec::Chooser];
    for l in 0..site.config.languages.len() {
        specs.push(Spec::Home(l));
        specs.extend((0..site.nodes.len()).map(|n| Spec::Page(n, l)));
        specs.extend(site.publications.iter().map(|&p| Spec::Print(p, l)));
        specs.push(Spec::Search(l));
    }
    specs
}

/// Renders every page of the site. Errors name the template and the page.
pub fn pages(
    site: &Site,
    rendered: &[Rendered],
    tera: &Tera,
    theme: &Theme,
    live_reload: Option<&str>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<OutputFile> {
    render_specs(
        site,
        rendered,
        tera,
        theme,
        live_reload,
        &all_specs(site),
        diags,
    )
}

/// Renders the given pages, in parallel (`serve` passes only the pages a
/// change touched).
pub fn render_specs(
    site: &Site,
    rendered: &[Rendered],
    tera: &Tera,
    theme: &Theme,
    live_reload: Option<&str>,
    specs: &[Spec],
    diags: &mut Vec<Diagnostic>,
) -> Vec<OutputFile> {
    // "not translated" in each language, for the navigation written in Rust.
    let untranslated = site
        .config
        .languages
        .iter()
        .map(|l| {
            let mut c = Context::new();
            c.insert("lang_code", &l.code);
            tera.render_str("{{ t(key=\"not-translated\") }}", &c, false)
                .unwrap_or_default()
        })
        .collect();
    let contexts = Contexts::new(site, rendered, untranslated);
    // Contexts are built inside the parallel loop so their cost is spread too.
    let results: Vec<Result<OutputFile, Diagnostic>> = specs
        .par_iter()
        .map(|spec| {
            let code = |l: usize| &site.config.languages[l].code;
            let mut job = match *spec {
                Spec::Chooser => Job {
                    path: "index.html".into(),
                    template: "chooser.html",
                    ctx: contexts.chooser(),
                },
                Spec::Home(l) => Job {
                    path: format!("{}/index.html", code(l)),
                    template: "home.html",
                    ctx: contexts.home(l),
                },
                Spec::Page(n, l) => {
                    let ctx = contexts.page(n, l);
                    Job {
                        path: format!("{}/{}", code(l), site.nodes[n].url),
                        template: match ctx.page_type {
                            "publication" => "publication.html",
                            "part" => "part.html",
                            _ => "chapter.html",
                        },
                        ctx,
                    }
                }
                Spec::Print(p, l) => Job {
                    path: format!("{}/{}print.html", code(l), site.nodes[p].out_dir()),
                    template: "print.html",
                    ctx: contexts.print(p, l),
                },
                Spec::Search(l) => Job {
                    path: format!("{}/search.html", code(l)),
                    template: "search.html",
                    ctx: contexts.search(l),
                },
            };
            if let Some(script) = live_reload {
                job.ctx.live_reload = Some(format!("{}{script}", job.ctx.root));
            }
            render_one(tera, theme, &job)
        })
        .collect();
    let mut out = Vec::with_capacity(results.len());
    // One template mistake fails every page: report it once, with a count.
    let mut failures: Vec<(Diagnostic, usize)> = Vec::new();
    for r in results {
        match r {
            Ok(f) => out.push(f),
            Err(d) => match failures.iter_mut().find(|(f, _)| same_place(f, &d)) {
                Some((_, n)) => *n += 1,
                None => failures.push((d, 0)),
            },
        }
    }
    for (mut d, more) in failures {
        if more > 0 {
            d.message = format!("{} (and {more} more pages)", d.message);
        }
        diags.push(d);
    }
    out
}

fn same_place(a: &Diagnostic, b: &Diagnostic) -> bool {
    let strip = |m: &str| {
        m.split(" (while rendering")
            .next()
            .unwrap_or("")
            .to_string()
    };
    a.path == b.path && a.line == b.line && a.col == b.col && strip(&a.message) == strip(&b.message)
}

fn render_one(tera: &Tera, theme: &Theme, job: &Job) -> Result<OutputFile, Diagnostic> {
    let ctx = Context::from_serialize(&job.ctx)
        .map_err(|e| template_error(theme, &e, Some(&job.path)))?;
    let html = tera
        .render(job.template, &ctx)
        .map_err(|e| template_error(theme, &e, Some(&job.path)))?;
    Ok(OutputFile::owned(job.path.clone(), html.into_bytes()))
}
