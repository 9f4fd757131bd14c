//! What templates see: plain data, serialised into each page's Tera
//! context. Every field is documented here, for theme authors.

use crate::config::Language;
use crate::markdown::TocEntry;
use serde::Serialize;

#[derive(Serialize, Clone)]
pub struct LangCtx {
    pub code: String,
    pub name: String,
    pub dir: &'static str,
}

impl LangCtx {
    pub fn of(l: &Language) -> Self {
        LangCtx {
            code: l.code.clone(),
            name: l.name.clone(),
            dir: l.dir.as_str(),
        }
    }
}

#[derive(Serialize, Clone)]
pub struct Link {
    pub title: String,
    pub url: String,
    /// Set when the title is in another language than the page (untranslated).
    pub lang: Option<String>,
    /// That language's direction, when `lang` is set.
    pub dir: Option<&'static str>,
}

#[derive(Serialize, Clone)]
pub struct Alternate {
    pub lang: LangCtx,
    pub url: String,
    /// Absolute, when the site has a base_url (for `hreflang`).
    pub absolute: Option<String>,
    pub current: bool,
    pub translated: bool,
}

#[derive(Serialize)]
pub struct Child {
    pub title: String,
    /// Set when the title is in another language than the page (untranslated).
    pub lang: Option<String>,
    /// That language's direction, when `lang` is set.
    pub dir: Option<&'static str>,
    pub summary: Option<String>,
    pub url: String,
    pub part: bool,
    pub translated: bool,
}

#[derive(Serialize)]
pub struct PublicationCtx {
    pub title: String,
    /// Set when the title is in another language than the page (untranslated).
    pub lang: Option<String>,
    /// That language's direction, when `lang` is set.
    pub dir: Option<&'static str>,
    pub summary: Option<String>,
    pub kind: &'static str,
    pub version: Option<String>,
    pub reviewed: Option<String>,
    pub url: String,
    pub slug: String,
    pub chapters: usize,
    pub translated: usize,
    /// Translated pages whose source changed since they were stamped.
    pub stale: usize,
    /// The code of the language the publication is written in.
    pub source_lang: String,
    /// `sample` or `draft` (from `status:`), else null.
    pub status: Option<String>,
    /// The print version, next to the publication page.
    pub print_url: String,
    pub author: Option<String>,
    /// The PDF, from this page. It exists only after `fieldguide pdf` (or
    /// `build --pdf`) made it, which then lists the paths of the PDFs made in
    /// the template global `pdfs`: link with
    /// `{% if pdfs is defined and publication.pdf_path in pdfs %}`.
    pub pdf_url: String,
    /// The PDF's path from the output root, as listed in `pdfs`.
    pub pdf_path: String,
    /// The booklet PDF (pocket guides, `print: { booklet: true }`).
    pub booklet_url: Option<String>,
    pub booklet_path: Option<String>,
    /// The page size it prints on: `A4`, `A5`, `A6`, `LETTER`.
    pub print_size: String,
    /// In a local edition: the base's publication this one adapts (null for
    /// one the edition added, and outside editions).
    pub adapted_from: Option<AdaptedFrom>,
}

/// The base's version of a publication a local edition adapts.
#[derive(Serialize)]
pub struct AdaptedFrom {
    pub title: String,
    pub version: Option<String>,
}

/// On every page of a local edition: which edition it is.
#[derive(Serialize)]
pub struct EditionCtx {
    /// The edition's name in the page's language (`Niger edition`).
    pub name: String,
    /// The base site's title in the page's language.
    pub base_title: String,
    /// The page listing what this edition changed, from this page.
    pub differences_url: String,
}

/// The "What is different in this edition" page.
#[derive(Serialize)]
pub struct DifferencesCtx {
    /// `replaced` (pages the edition adapted), `added` (only the edition
    /// has them) and `omitted` (base pages it leaves out), in that order.
    pub sections: Vec<Section>,
    pub values: Vec<ValueCtx>,
}

#[derive(Serialize)]
pub struct Section {
    /// `replaced`, `added` or `omitted`.
    pub key: &'static str,
    pub changes: Vec<Change>,
}

#[derive(Serialize)]
pub struct Change {
    pub title: String,
    /// Set when the title is in another language than the page.
    pub lang: Option<String>,
    pub dir: Option<&'static str>,
    /// Null for an omitted page.
    pub url: Option<String>,
    /// The publication it belongs to (null for a publication).
    pub publication: Option<String>,
    /// Names of the languages the edition adapted it in (`English, French`);
    /// null for added and omitted pages.
    pub languages: Option<String>,
}

/// A local value, as the differences page lists it.
#[derive(Serialize)]
pub struct ValueCtx {
    pub name: String,
    pub label: String,
    /// ` lang="en"` (` dir` too when the directions differ) for the
    /// label's element when the label is in another language than the
    /// page's, else empty.
    pub label_attrs: String,
    pub kind: &'static str,
    /// Null when unset.
    pub value: Option<String>,
    /// The same for the value's element (only ` lang` for a kind other
    /// than text, whose element is `dir="ltr"` anyway).
    pub value_attrs: String,
    pub verified: Option<String>,
    /// Set by the edition rather than taken from the base.
    pub local: bool,
}

/// The print page's extra data.
/// A downloadable zip, for the home pages' download links.
#[derive(Serialize, Clone, Debug)]
pub struct Download {
    /// Path from the output root (`download/guide.zip`).
    pub path: String,
    pub bytes: u64,
    /// Size in MB with one decimal, and in KB rounded up, for the label.
    pub mb: f64,
    pub kb: f64,
}

impl Download {
    pub fn new(path: String, bytes: u64) -> Self {
        let size = bytes as f64;
        Download {
            path,
            bytes,
            mb: (size / 1e5).round() / 10.0,
            kb: (size / 1e3).ceil(),
        }
    }
}

#[derive(Serialize)]
pub struct PrintCtx {
    pub settings: super::print::PrintSettings,
    pub chapters: Vec<super::print::PrintChapter>,
}

#[derive(Serialize)]
pub struct Fallback {
    /// The language the content is shown in.
    pub from: LangCtx,
    /// Languages the page is written in, with links.
    pub available: Vec<Alternate>,
}

/// Which kind of page a context is for. Templates receive it as a string
/// (`page_type`: `chooser`, `home`, `publication`, ...).
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum PageKind {
    Chooser,
    Home,
    Publication,
    Part,
    Chapter,
    Print,
    Search,
    /// A page left at an old address (`aliases:`), leading to the new one.
    Redirect,
    /// The site's `404.html`.
    #[serde(rename = "not-found")]
    NotFound,
    /// A local edition's "What is different in this edition" page.
    Edition,
}

impl PageKind {
    /// The page of a publication, part or chapter.
    pub fn of(kind: crate::content::model::NodeKind) -> Self {
        use crate::content::model::NodeKind;
        match kind {
            NodeKind::Publication => PageKind::Publication,
            NodeKind::Part => PageKind::Part,
            NodeKind::Chapter => PageKind::Chapter,
        }
    }

    /// The theme's template for this kind of page.
    pub fn template(self) -> &'static str {
        match self {
            PageKind::Chooser => "chooser.html",
            PageKind::Home => "home.html",
            PageKind::Publication => "publication.html",
            PageKind::Part => "part.html",
            PageKind::Chapter => "chapter.html",
            PageKind::Print => "print.html",
            PageKind::Search => "search.html",
            PageKind::Redirect => "redirect.html",
            PageKind::NotFound => "404.html",
            PageKind::Edition => "edition.html",
        }
    }
}

/// Everything a template receives. Fields that do not apply are null or empty.
#[derive(Serialize)]
pub struct PageCtx<'r> {
    /// `chooser`, `home`, `publication`, `part`, `chapter`, `print`, `search`,
    /// `redirect`, `not-found` (the site's `404.html`) or `edition` (a local
    /// edition's differences page).
    pub page_type: PageKind,
    pub site_title: String,
    pub lang: LangCtx,
    /// Read by the `t()` function: the interface language.
    pub lang_code: String,
    /// Relative path from this page to the output root (`../../`); on the
    /// `404.html` page, which a server shows at any depth, `base_url` or `/`.
    pub root: String,
    pub home_url: String,
    /// The language's search page, for the search form (null on the
    /// language chooser, which belongs to no language).
    pub search_url: Option<String>,
    pub title: String,
    pub summary: Option<String>,
    pub content: &'r str,
    pub toc: &'r [TocEntry],
    /// The language of the content, which differs from `lang` on a fallback page.
    pub content_lang: LangCtx,
    pub fallback: Option<Fallback>,
    /// On a stale translation: the original, which changed since.
    pub stale: Option<Alternate>,
    pub publication: Option<PublicationCtx>,
    pub breadcrumbs: Vec<Link>,
    /// The publication's navigation, as HTML (see `render::nav`).
    pub nav_html: String,
    /// Relative path from this page to its publication's folder (`../`).
    pub pub_root: String,
    pub prev: Option<Link>,
    pub next: Option<Link>,
    pub children: Vec<Child>,
    pub translations: Vec<Alternate>,
    pub publications: Vec<PublicationCtx>,
    pub languages: Vec<Alternate>,
    pub extra: serde_yaml::Value,
    /// Set only by `serve`: the live-reload script's URL.
    pub live_reload: Option<String>,
    /// The site offers offline reading (`offline: true`).
    pub offline: bool,
    /// Only on the print page.
    pub print: Option<PrintCtx>,
    /// On a checklist page with tasks: `remember` when ticks are stored on
    /// the device (the publication opted in), else `session`.
    pub checklist: Option<&'static str>,
    /// Home pages: the whole site's zip, when there is one (the copies of
    /// the homes inside a zip have none).
    pub download: Option<Download>,
    /// Home pages: this language's zip.
    pub download_language: Option<Download>,
    /// Paths (from the output root) of the PDFs that exist, so pages link
    /// only to those.
    pub pdfs: &'r [String],
    /// The Content-Security-Policy for the page's `<meta>`.
    pub csp: &'static str,
    /// The page, or a folder it is in, is marked `draft: true` (published
    /// only with `--drafts`): pages show a banner.
    pub draft: bool,
    /// On a redirect page (`redirect`, from `aliases:`): the page it leads to.
    pub redirect: Option<Link>,
    /// Set on every page of a local edition.
    pub edition: Option<EditionCtx>,
    /// Only on the edition's differences page.
    pub differences: Option<DifferencesCtx>,
}
