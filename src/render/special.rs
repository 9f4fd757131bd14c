//! Pages that are not content: the redirects left by `aliases:`, and the
//! site's `404.html`.
//!
//! A redirect page sits at a page's old path and leads to its new one with
//! a meta refresh and a visible link, both relative, so it works from
//! `file://` as from any host; it is a page of the theme (`redirect.html`),
//! with the same head as every other page.
//!
//! The 404 page is shown by a server for a missing page at any depth (most
//! static hosts serve the root `404.html` for every missing path), so its
//! links cannot be relative to where it sits. They start at the server's
//! root: at the path of `base_url` when `site.yaml` sets it
//! (`https://example.org/guide/` gives `/guide/en/index.html`), else at
//! `/`. That is the absolute address without its host: the same place when
//! the site is served from `base_url`, and still the serving host when it
//! is previewed or mirrored elsewhere, so the page never loads its style or
//! script from another host (a guarantee of the site, `tests/weight.rs`).
//! Without `base_url` it is right where 404 pages are used (a site served
//! from the root of its host, and `fieldguide serve`); a site served from a
//! subfolder sets `base_url`. A script could not fix the links (the page
//! cannot know where its own script is, and the Content-Security-Policy
//! forbids inline script), nor could `<base>` (`base-uri 'none'`).

use super::Renderer;
use super::context::{Alternate, Contexts, Link, PageCtx, PageKind};
use crate::config::LangId;
use crate::content::aliases::Redirect;
use crate::diagnostics::Diagnostic;
use crate::markdown::links::encode_path;
use crate::output::OutputFile;

/// Where the 404 page is written.
pub const NOT_FOUND: &str = "404.html";

impl<'a> Contexts<'a> {
    /// The redirect page at `r.from` in `lang`.
    pub fn redirect(&self, r: &Redirect, lang: LangId) -> PageCtx<'a> {
        let site = self.site;
        let path = format!("{}/{}", site.config.languages[lang].code, r.from);
        let title = site.title(r.node, lang).to_string();
        let mut ctx = self.base(PageKind::Redirect, lang, &path, title.clone());
        ctx.redirect = Some(Link {
            title,
            url: self.url(&path, lang, &site.nodes[r.node].url),
            lang: self.title_lang(r.node, lang),
            dir: self.title_dir(r.node, lang),
        });
        ctx
    }

    /// The site's 404 page, in the default language, naming every language.
    pub fn not_found(&self) -> PageCtx<'a> {
        let cfg = &self.site.config;
        let default = cfg.default_index();
        let title = cfg.title_for(&cfg.default_language).to_string();
        let mut ctx = self.base(PageKind::NotFound, default, NOT_FOUND, title);
        let root = cfg.base_url.as_deref().map_or("/", url_path).to_string();
        let at = |l: LangId, page: &str| {
            format!(
                "{root}{}",
                encode_path(&format!("{}/{page}", cfg.languages[l].code))
            )
        };
        ctx.home_url = at(default, "index.html");
        ctx.search_url = Some(at(default, "search.html"));
        if let Some(e) = &mut ctx.edition {
            e.differences_url = at(default, super::edition::PAGE);
        }
        ctx.languages = cfg
            .lang_ids()
            .map(|l| Alternate {
                lang: self.lang(l),
                url: at(l, "index.html"),
                absolute: cfg.base_url.as_ref().map(|b| {
                    format!(
                        "{b}{}",
                        encode_path(&format!("{}/index.html", cfg.languages[l].code))
                    )
                }),
                current: l == default,
                translated: true,
            })
            .collect();
        ctx.root = root;
        ctx
    }
}

/// The path of an address: `https://example.org/guide/` -> `/guide/`.
fn url_path(url: &str) -> &str {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    after_scheme.find('/').map_or("/", |i| &after_scheme[i..])
}

impl Renderer<'_> {
    /// Every redirect page, in every language.
    pub fn redirect_pages(&self) -> Vec<Result<OutputFile, Diagnostic>> {
        let nlang = self.site.config.languages.len();
        self.redirects
            .iter()
            .flat_map(|r| crate::config::LangId::all(nlang).map(move |l| (r, l)))
            .map(|(r, l)| {
                let path = format!("{}/{}", self.site.config.languages[l].code, r.from);
                let mut ctx = self.contexts.redirect(r, l);
                self.finish(&mut ctx);
                let html = self.render_ctx("redirect.html", &ctx, &path)?;
                Ok(OutputFile::owned(path, html.into_bytes()))
            })
            .collect()
    }

    /// The site's `404.html`.
    pub fn not_found_page(&self) -> Result<OutputFile, Diagnostic> {
        let mut ctx = self.contexts.not_found();
        self.finish(&mut ctx);
        let html = self.render_ctx("404.html", &ctx, NOT_FOUND)?;
        Ok(OutputFile::owned(NOT_FOUND.to_string(), html.into_bytes()))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_path_of_base_url() {
        assert_eq!(super::url_path("https://example.org/guide/"), "/guide/");
        assert_eq!(super::url_path("https://example.org/"), "/");
        assert_eq!(super::url_path("http://example.org:8080/a/b/"), "/a/b/");
    }
}
