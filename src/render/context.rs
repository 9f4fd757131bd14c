//! Building what templates see (the types are in `data`) from the model,
//! for one page at a time.
//!
//! A page's navigation holds the path to it, its siblings and the
//! publication's top level, never the whole site, so the cost of a page
//! does not grow with the size of the site.

pub use super::data::*;
use crate::config::LangId;
use crate::content::model::{NodeId, NodeKind, Site};
use crate::markdown::{Rendered, links};

/// Builds contexts for the pages of one site.
pub struct Contexts<'a> {
    pub site: &'a Site,
    pub rendered: &'a [Rendered],
    /// The navigation entries, written once for all pages (and kept by
    /// `serve` while the site's structure stays the same).
    nav: std::sync::Arc<super::nav::Nav>,
    /// Translation counts per (publication, language), counted once: every
    /// page of a publication shows them.
    counts: std::collections::HashMap<(NodeId, LangId), crate::translation::Counts>,
}

impl<'a> Contexts<'a> {
    /// `nav`: the navigation made for this site before, if its pages, titles
    /// and order are unchanged since; else it is made.
    pub fn new(
        site: &'a Site,
        rendered: &'a [Rendered],
        untranslated: super::nav::Labels,
        nav: Option<std::sync::Arc<super::nav::Nav>>,
    ) -> Self {
        let counts = site
            .publications
            .iter()
            .flat_map(|&p| {
                site.config
                    .lang_ids()
                    .map(move |l| ((p, l), crate::translation::counts(site, p, l)))
            })
            .collect();
        Contexts {
            site,
            rendered,
            nav: nav
                .unwrap_or_else(|| std::sync::Arc::new(super::nav::Nav::new(site, untranslated))),
            counts,
        }
    }

    pub(super) fn nav(&self) -> std::sync::Arc<super::nav::Nav> {
        self.nav.clone()
    }

    pub(super) fn lang(&self, i: LangId) -> LangCtx {
        LangCtx::of(&self.site.config.languages[i])
    }

    pub(super) fn base(
        &self,
        page_type: PageKind,
        lang: LangId,
        path: &str,
        title: String,
    ) -> PageCtx<'a> {
        let cfg = &self.site.config;
        let code = cfg.languages[lang].code.clone();
        PageCtx {
            page_type,
            site_title: cfg.title_for(&code).to_string(),
            lang: self.lang(lang),
            lang_code: code.clone(),
            root: links::root_prefix(path),
            home_url: links::relative(path, &format!("{code}/index.html")),
            search_url: Some(links::relative(path, &format!("{code}/search.html"))),
            title,
            summary: None,
            content: "",
            toc: &[],
            content_lang: self.lang(lang),
            fallback: None,
            stale: None,
            publication: None,
            breadcrumbs: Vec::new(),
            nav_html: String::new(),
            pub_root: String::new(),
            prev: None,
            next: None,
            children: Vec::new(),
            translations: Vec::new(),
            publications: Vec::new(),
            languages: Vec::new(),
            extra: serde_yaml::Value::Null,
            live_reload: None,
            offline: cfg.offline,
            print: None,
            checklist: None,
            download: None,
            download_language: None,
            pdfs: &[],
            csp: super::CSP,
            draft: false,
            redirect: None,
            edition: super::edition::edition(self.site, lang, path),
            differences: None,
        }
    }

    /// The language code of a node's title for readers of `lang`, when it differs.
    pub(super) fn title_lang(&self, node: NodeId, lang: LangId) -> Option<String> {
        let n = &self.site.nodes[node];
        let shown = n.doc_for(lang).map_or(lang, |d| self.site.doc(d).file.lang);
        (shown != lang).then(|| self.site.config.languages[shown].code.clone())
    }

    pub(super) fn title_dir(&self, node: NodeId, lang: LangId) -> Option<&'static str> {
        self.title_lang(node, lang)
            .and_then(|code| self.site.config.language(&code))
            .map(|l| l.dir.as_str())
    }

    pub(super) fn url(&self, from: &str, lang: LangId, tree_path: &str) -> String {
        let code = &self.site.config.languages[lang].code;
        links::encode_path(&links::relative(from, &format!("{code}/{tree_path}")))
    }

    fn absolute(&self, lang: LangId, tree_path: &str) -> Option<String> {
        let base = self.site.config.base_url.as_ref()?;
        let code = &self.site.config.languages[lang].code;
        Some(format!(
            "{base}{}",
            links::encode_path(&format!("{code}/{tree_path}"))
        ))
    }

    /// The root page: every language, named in its own script.
    pub fn chooser(&self) -> PageCtx<'a> {
        let cfg = &self.site.config;
        let default = cfg.default_index();
        let mut ctx = self.base(
            PageKind::Chooser,
            default,
            "index.html",
            cfg.title_for(&cfg.default_language).to_string(),
        );
        ctx.search_url = None;
        ctx.languages = cfg
            .lang_ids()
            .map(|l| Alternate {
                lang: self.lang(l),
                url: self.url("index.html", l, "index.html"),
                absolute: self.absolute(l, "index.html"),
                current: false,
                translated: true,
            })
            .collect();
        ctx
    }

    pub fn publication_summary(&self, p: NodeId, lang: LangId, from: &str) -> PublicationCtx {
        let site = self.site;
        let node = &site.nodes[p];
        let doc = node.doc_for(lang).map(|d| site.doc(d));
        let source = node.doc_for(node.source_lang).map(|d| site.doc(d));
        let counts = &self.counts[&(p, lang)];
        let pdf = super::print::pdf_paths(site, p, lang);
        let from_page = |path: &str| links::encode_path(&links::relative(from, path));
        PublicationCtx {
            title: site.title(p, lang).to_string(),
            lang: self.title_lang(p, lang),
            dir: self.title_dir(p, lang),
            summary: doc.and_then(|d| d.fm.summary.clone()),
            kind: site.publication_kind(p).as_str(),
            version: source.and_then(|d| d.fm.about().version.clone()),
            reviewed: source.and_then(|d| d.fm.about().reviewed.clone()),
            url: self.url(from, lang, &node.url),
            slug: node.slug.clone(),
            chapters: counts.total,
            translated: counts.translated(),
            stale: counts.stale,
            source_lang: site.config.languages[node.source_lang].code.clone(),
            status: source
                .and_then(|d| d.fm.about().status.clone())
                .filter(|s| s != "final"),
            print_url: self.url(from, lang, &format!("{}print.html", node.out_dir())),
            author: source
                .and_then(|d| d.fm.about().author.clone())
                .or_else(|| site.config.author.clone()),
            pdf_url: from_page(&pdf.pdf),
            booklet_url: pdf.booklet.as_deref().map(from_page),
            pdf_path: pdf.pdf,
            booklet_path: pdf.booklet,
            print_size: super::print::settings(site, p).size,
            adapted_from: super::edition::adapted_from(site, p, lang),
        }
    }

    /// A language's home page: its publications.
    pub fn home(&self, lang: LangId) -> PageCtx<'a> {
        let code = self.site.config.languages[lang].code.clone();
        let path = format!("{code}/index.html");
        let title = self.site.config.title_for(&code).to_string();
        let mut ctx = self.base(PageKind::Home, lang, &path, title);
        ctx.publications = self
            .site
            .publications
            .iter()
            .map(|&p| self.publication_summary(p, lang, &path))
            .collect();
        ctx.translations = self.alternates("index.html", lang, |_| true);
        ctx
    }

    /// The language switcher: the page at `tree_path` (inside a language
    /// folder) in every language, and whether it is translated there.
    fn alternates(
        &self,
        tree_path: &str,
        current: LangId,
        translated: impl Fn(LangId) -> bool,
    ) -> Vec<Alternate> {
        let cfg = &self.site.config;
        let from = format!("{}/{tree_path}", cfg.languages[current].code);
        cfg.lang_ids()
            .map(|l| Alternate {
                lang: self.lang(l),
                url: self.url(&from, l, tree_path),
                absolute: self.absolute(l, tree_path),
                current: l == current,
                translated: translated(l),
            })
            .collect()
    }

    /// A publication, part or chapter page in `lang`, showing `content`
    /// (the document's HTML, rendered for this page and then dropped).
    pub fn page<'c>(&'c self, node_id: NodeId, lang: LangId, content: &'c str) -> PageCtx<'c> {
        let site = self.site;
        let node = &site.nodes[node_id];
        let code = &site.config.languages[lang].code;
        let path = format!("{code}/{}", node.url);
        let mut ctx = self.base(
            PageKind::of(node.kind),
            lang,
            &path,
            site.title(node_id, lang).to_string(),
        );
        self.document(&mut ctx, node_id, lang, content);
        self.translation(&mut ctx, node_id, lang);
        ctx.publication = Some(self.publication_summary(node.publication, lang, &path));
        ctx.draft = is_draft(site, node_id, lang);
        self.navigation(&mut ctx, node_id, lang, &path);
        ctx.children = self.children(node_id, lang, &path);
        ctx
    }

    /// What the page shows of its document: content, contents, summary,
    /// extra front matter, and how its checklist keeps ticks.
    fn document<'c>(
        &'c self,
        ctx: &mut PageCtx<'c>,
        node_id: NodeId,
        lang: LangId,
        content: &'c str,
    ) {
        let site = self.site;
        let node = &site.nodes[node_id];
        let Some(d) = node.doc_for(lang) else {
            return;
        };
        let r = &self.rendered[d];
        if r.tasks > 0
            && site.publication_kind(node_id) == crate::content::front_matter::Kind::Checklist
        {
            ctx.checklist = Some(if remembers(site, node.publication) {
                "remember"
            } else {
                "session"
            });
        }
        let doc = site.doc(d);
        ctx.content = content;
        ctx.toc = &r.toc;
        ctx.content_lang = self.lang(doc.file.lang);
        ctx.summary = doc.fm.summary.clone();
        if let Some(extra) = &doc.fm.extra {
            ctx.extra = (**extra).clone();
        }
    }

    /// The page in other languages, and the notices for a page shown in
    /// another language or translated from an older original.
    fn translation(&self, ctx: &mut PageCtx<'_>, node_id: NodeId, lang: LangId) {
        let site = self.site;
        let node = &site.nodes[node_id];
        ctx.translations = self.alternates(&node.url, lang, |l| super::reads_translated(node, l));
        if !super::reads_translated(node, lang) {
            let shown = node.doc_for(lang).map(|d| site.doc(d).file.lang);
            ctx.fallback = Some(Fallback {
                from: self.lang(shown.unwrap_or(node.source_lang)),
                available: ctx
                    .translations
                    .iter()
                    .filter(|a| a.translated)
                    .map(|a| Alternate {
                        current: false,
                        ..a.clone()
                    })
                    .collect(),
            });
        }
        if crate::translation::status(site, node_id, lang) == crate::translation::Status::Stale {
            ctx.stale = ctx
                .translations
                .iter()
                .find(|a| a.lang.code == site.config.languages[node.source_lang].code)
                .map(|a| Alternate {
                    current: false,
                    ..a.clone()
                });
        }
    }

    /// Breadcrumbs, previous and next pages, and the publication's
    /// navigation, for the page at `path`.
    fn navigation(&self, ctx: &mut PageCtx<'_>, node_id: NodeId, lang: LangId, path: &str) {
        let site = self.site;
        let node = &site.nodes[node_id];
        let code = &site.config.languages[lang].code;
        let ancestors = site.ancestors(node_id);
        ctx.breadcrumbs.push(Link {
            title: site.config.title_for(code).to_string(),
            url: ctx.home_url.clone(),
            lang: None,
            dir: None,
        });
        let link = |n: NodeId| Link {
            title: site.title(n, lang).to_string(),
            url: self.url(path, lang, &site.nodes[n].url),
            lang: self.title_lang(n, lang),
            dir: self.title_dir(n, lang),
        };
        ctx.breadcrumbs.extend(ancestors.iter().map(|&a| link(a)));
        let order = &site.reading_order[&node.publication];
        if let Some(pos) = order.iter().position(|&n| n == node_id) {
            ctx.prev = pos.checked_sub(1).map(|p| link(order[p]));
            ctx.next = order.get(pos + 1).map(|&n| link(n));
        }
        let mut path_nodes = ancestors;
        path_nodes.push(node_id);
        ctx.nav_html = self.nav.html(
            site,
            node.publication,
            &path_nodes[1..],
            lang,
            super::nav::depth(site, node_id),
        );
        ctx.pub_root = links::root_prefix(
            node.url
                .strip_prefix(site.nodes[node.publication].out_dir())
                .unwrap_or(""),
        );
    }

    /// The parts and chapters directly inside a node, for its page at `path`.
    fn children(&self, node_id: NodeId, lang: LangId, path: &str) -> Vec<Child> {
        let site = self.site;
        site.nodes[node_id]
            .children
            .iter()
            .map(|&c| Child {
                title: site.title(c, lang).to_string(),
                lang: self.title_lang(c, lang),
                dir: self.title_dir(c, lang),
                summary: site.nodes[c]
                    .doc_for(lang)
                    .and_then(|d| site.doc(d).fm.summary.clone()),
                url: self.url(path, lang, &site.nodes[c].url),
                part: site.nodes[c].kind == NodeKind::Part,
                translated: super::reads_translated(&site.nodes[c], lang),
            })
            .collect()
    }

    /// A publication's print page in `lang`.
    pub fn print(&self, publication: NodeId, lang: LangId) -> PageCtx<'a> {
        let site = self.site;
        let node = &site.nodes[publication];
        let code = &site.config.languages[lang].code;
        let path = format!("{code}/{}print.html", node.out_dir());
        let mut ctx = self.base(
            PageKind::Print,
            lang,
            &path,
            site.title(publication, lang).to_string(),
        );
        ctx.publication = Some(self.publication_summary(publication, lang, &path));
        ctx.summary = node
            .doc_for(lang)
            .and_then(|d| site.doc(d).fm.summary.clone());
        ctx.content_lang = self.lang(node.doc_for(lang).map_or(lang, |d| site.doc(d).file.lang));
        ctx.translations =
            self.alternates(&format!("{}print.html", node.out_dir()), lang, |_| true);
        ctx.print = Some(PrintCtx {
            settings: super::print::settings(site, publication),
            chapters: super::print::chapters(site, publication, lang),
        });
        ctx
    }

    /// A language's search results page (filled in by search.js).
    pub fn search(&self, lang: LangId) -> PageCtx<'a> {
        let code = self.site.config.languages[lang].code.clone();
        let path = format!("{code}/search.html");
        let title = self.site.config.title_for(&code).to_string();
        let mut ctx = self.base(PageKind::Search, lang, &path, title);
        ctx.translations = self.alternates("search.html", lang, |_| true);
        ctx
    }
}

/// Whether the page `node` shows in `lang`, or a folder it is in, is a
/// draft (published only with `--drafts`).
fn is_draft(site: &Site, node: NodeId, lang: LangId) -> bool {
    let source_draft = |id: NodeId| {
        let n = &site.nodes[id];
        n.doc_for(n.source_lang)
            .is_some_and(|d| site.doc(d).fm.draft)
    };
    let shown = site.nodes[node].doc_for(lang);
    shown.is_some_and(|d| site.doc(d).fm.draft)
        || source_draft(node)
        || site.ancestors(node).into_iter().any(source_draft)
}

/// Whether a checklist publication stores ticks on the device
/// (`checklist: { remember: true }`). Off by default: these are shared
/// phones, and a ticked checklist can reveal a case.
pub fn remembers(site: &Site, publication: NodeId) -> bool {
    let node = &site.nodes[publication];
    node.doc_for(node.source_lang)
        .and_then(|d| site.doc(d).fm.about().checklist)
        .is_some_and(|c| c.remember)
}
