//! Templates: the theme's Tera templates filled with each page's context,
//! in parallel.

mod connects;
pub mod context;
mod csp;
pub mod data;
pub mod differences;
pub mod edition;
mod engine;
pub mod nav;
pub mod print;
pub mod rebase;
pub mod sitemap;
pub mod special;

use crate::config::LangId;
use crate::content::model::{NodeId, Site};
use crate::diagnostics::Diagnostic;
use crate::markdown::Rendered;
use crate::output::OutputFile;
use crate::theme::Theme;
use context::{Contexts, Download, PageCtx, PageKind};
use tera::{Context, Tera};

use engine::template_error;
pub use engine::templates;

/// [`CSP`] as a literal, so `serve` can extend it at compile time.
#[macro_export]
macro_rules! csp_policy {
    () => {
        "default-src 'self'; script-src 'self'; style-src 'self'; \
img-src 'self' data:; font-src 'self'; connect-src 'self'; media-src 'self'; \
object-src 'none'; base-uri 'none'; form-action 'self'"
    };
}

/// The Content-Security-Policy every page carries in a `<meta>`: scripts,
/// styles, images, fonts and requests from the site itself only, no inline
/// script or style, no plugins, no `<base>`. `data:` images are allowed
/// because the theme's stylesheet draws its icons with them; an image
/// cannot run script. (`frame-ancestors` has no effect in a `<meta>`:
/// `serve` adds it as a header.)
pub const CSP: &str = csp_policy!();

/// Whether readers of `lang` get the node in their language: its own
/// document, or none at all (an index fieldguide makes for a folder
/// without one has no text to translate, so no notice says it is not).
pub fn reads_translated(node: &crate::content::model::Node, lang: LangId) -> bool {
    node.is_translated(lang) || node.doc_for(lang).is_none()
}

/// Which page to render.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Spec {
    Chooser,
    Home(LangId),
    /// A node's page in a language.
    Page(NodeId, LangId),
    /// A publication's print page in a language.
    Print(NodeId, LangId),
    /// A language's search results page.
    Search(LangId),
    /// A local edition's "What is different in this edition" page.
    Edition(LangId),
}

impl Spec {
    /// The page's path inside the output folder.
    pub fn output_path(self, site: &Site) -> String {
        let code = |l: LangId| &site.config.languages[l].code;
        match self {
            Spec::Chooser => "index.html".into(),
            Spec::Home(l) => format!("{}/index.html", code(l)),
            Spec::Page(n, l) => format!("{}/{}", code(l), site.nodes[n].url),
            Spec::Print(p, l) => format!("{}/{}print.html", code(l), site.nodes[p].out_dir()),
            Spec::Search(l) => format!("{}/search.html", code(l)),
            Spec::Edition(l) => format!("{}/{}", code(l), edition::PAGE),
        }
    }
}

/// The print page's own stylesheet (a template of the theme).
pub const PRINT_CSS: &str = "print-page.css";

/// What the templates know about a build beyond the site itself.
#[derive(Debug, Clone, Default)]
pub struct Extras {
    /// Set by `serve`: pages load this script (path from the output root).
    pub live_reload: Option<String>,
    /// The PDFs that exist, from the output root.
    pub pdfs: Vec<String>,
    /// Print page (from the output root) -> chapter id -> the PDF page it
    /// starts on, for the contents of the pages `pdf` prints again.
    pub print_pages: std::collections::BTreeMap<String, std::collections::BTreeMap<String, usize>>,
}

/// Renders pages of one site with the theme's templates. Built once per
/// build; every method can be called from any thread.
pub struct Renderer<'a> {
    pub site: &'a Site,
    tera: &'a Tera,
    theme: &'a Theme,
    contexts: Contexts<'a>,
    extras: Extras,
    /// The redirect pages `aliases:` ask for.
    redirects: Vec<crate::content::aliases::Redirect>,
}

impl<'a> Renderer<'a> {
    pub fn new(
        site: &'a Site,
        facts: &'a [Rendered],
        tera: &'a Tera,
        theme: &'a Theme,
        extras: Extras,
    ) -> Self {
        Self::with_nav(site, facts, tera, theme, extras, None)
    }

    /// [`Renderer::new`], with the navigation of an earlier renderer
    /// ([`Renderer::nav`]) of the same site, when only the documents'
    /// bodies changed since (`serve`): the navigation shows titles and
    /// order, for every page of the site, and takes a while to make.
    pub fn with_nav(
        site: &'a Site,
        facts: &'a [Rendered],
        tera: &'a Tera,
        theme: &'a Theme,
        extras: Extras,
        nav: Option<std::sync::Arc<nav::Nav>>,
    ) -> Self {
        // Words of the navigation (written in Rust), in each language.
        let label = |function: &str, key: &str| -> Vec<String> {
            site.config
                .languages
                .iter()
                .map(|l| {
                    let mut c = Context::new();
                    c.insert("lang_code", &l.code);
                    tera.render_str(&format!("{{{{ {function}(key=\"{key}\") }}}}"), &c, false)
                        .unwrap_or_default()
                })
                .collect()
        };
        let untranslated = nav::Labels {
            untranslated: label("t", "not-translated"),
            all_pages: label("t", "nav-all-pages"),
            untranslated_attrs: label("t_attrs", "not-translated"),
            all_pages_attrs: label("t_attrs", "nav-all-pages"),
        };
        Renderer {
            site,
            tera,
            theme,
            contexts: Contexts::new(site, facts, untranslated, nav),
            extras,
            redirects: crate::content::aliases::redirects(site),
        }
    }

    /// The navigation, for [`Renderer::with_nav`].
    pub fn nav(&self) -> std::sync::Arc<nav::Nav> {
        self.contexts.nav()
    }

    /// A page other than a print page. `content` is the HTML of the page's
    /// document (for `Spec::Page`); `downloads` the zips a home links to.
    pub fn page(
        &self,
        spec: Spec,
        content: &str,
        downloads: Option<(&Download, Option<&Download>)>,
    ) -> Result<OutputFile, Diagnostic> {
        let path = spec.output_path(self.site);
        let c = &self.contexts;
        let mut ctx = match spec {
            Spec::Chooser => c.chooser(),
            Spec::Home(l) => c.home(l),
            Spec::Page(n, l) => c.page(n, l, content),
            Spec::Search(l) => c.search(l),
            Spec::Edition(l) => differences::differences(c, l).ok_or_else(|| {
                let msg = "a differences page is made only for a local edition";
                Diagnostic::error(&path, 0, 0, msg)
            })?,
            Spec::Print(p, l) => c.print(p, l),
        };
        let template = ctx.page_type.template();
        if let Some((site_zip, lang_zip)) = downloads {
            ctx.download = Some(site_zip.clone());
            ctx.download_language = lang_zip.cloned();
        }
        self.finish(&mut ctx);
        let html = self.render_ctx(template, &ctx, &path)?;
        Ok(OutputFile::owned(path, html.into_bytes()))
    }

    /// A publication's print page in `lang`, as the parts between its
    /// chapters: one more part than chapters, in reading order.
    pub fn print_shell(
        &self,
        publication: NodeId,
        lang: LangId,
    ) -> Result<Vec<String>, Diagnostic> {
        let path = Spec::Print(publication, lang).output_path(self.site);
        let mut ctx = self.contexts.print(publication, lang);
        if let (Some(pages), Some(print)) = (self.extras.print_pages.get(&path), &mut ctx.print) {
            for c in &mut print.chapters {
                c.page = pages.get(&c.id).copied();
            }
        }
        let chapters = ctx.print.as_ref().map_or(0, |p| p.chapters.len());
        self.finish(&mut ctx);
        let html = self.render_ctx(PageKind::Print.template(), &ctx, &path)?;
        let parts: Vec<String> = html
            .split(print::CHAPTER_MARKER)
            .map(str::to_string)
            .collect();
        if parts.len() != chapters + 1 {
            return Err(Diagnostic::error(
                self.theme.display_path("print.html"),
                0,
                0,
                format!(
                    "the print template must show each chapter's `content` exactly once (found {} of {chapters}) (while rendering {path})",
                    parts.len() - 1
                ),
            ));
        }
        Ok(parts)
    }

    /// The stylesheet with a print page's `@page` rules (size, margins,
    /// running title), beside the print page: a file, so that the page's
    /// Content-Security-Policy needs no inline style.
    pub fn print_css(&self, publication: NodeId, lang: LangId) -> Result<OutputFile, Diagnostic> {
        let print = Spec::Print(publication, lang).output_path(self.site);
        let path = format!("{}{PRINT_CSS}", &print[..print.len() - "print.html".len()]);
        let mut ctx = self.contexts.print(publication, lang);
        self.finish(&mut ctx);
        let css = self.render_ctx(PRINT_CSS, &ctx, &path)?;
        Ok(OutputFile::owned(path, css.into_bytes()))
    }

    fn finish<'c>(&'c self, ctx: &mut PageCtx<'c>) {
        if let Some(script) = &self.extras.live_reload {
            ctx.live_reload = Some(format!("{}{script}", ctx.root));
        }
        ctx.pdfs = &self.extras.pdfs;
    }

    fn render_ctx(&self, template: &str, ctx: &PageCtx, path: &str) -> Result<String, Diagnostic> {
        let ctx =
            Context::from_serialize(ctx).map_err(|e| template_error(self.theme, &e, Some(path)))?;
        let out = self
            .tera
            .render(template, &ctx)
            .map_err(|e| template_error(self.theme, &e, Some(path)))?;
        Ok(if template.ends_with(".html") {
            csp::enforce(out)
        } else {
            out
        })
    }
}

/// One template mistake fails every page: report each place once, with a
/// count of the pages it broke.
pub fn merge_failures(failures: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut merged: Vec<(Diagnostic, usize)> = Vec::new();
    for d in failures {
        match merged.iter_mut().find(|(f, _)| same_place(f, &d)) {
            Some((_, n)) => *n += 1,
            None => merged.push((d, 0)),
        }
    }
    merged
        .into_iter()
        .map(|(mut d, more)| {
            if more > 0 {
                d.message = format!("{} (and {more} more pages)", d.message);
            }
            d
        })
        .collect()
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
