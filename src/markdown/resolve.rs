//! Resolves what an author links to: `01-indicators.md#signs` is a page,
//! `images/flow.png` a file of `guidance/`, `/images/logo.png` a file of the
//! site-wide `static/` folder. Writing the `<a>` or `<img>` is
//! `link_html`'s job; this module only finds the target.

use super::{hints, other_tools};
use crate::config::LangId;
use crate::content::load::split_lang;
use crate::content::model::{NodeId, Site};
use crate::slug::nfc;
use crate::url::percent_decode;
use std::path::{Component, Path, PathBuf};

#[derive(Debug, PartialEq, Eq)]
pub enum Target {
    /// Another host or an app (`https:`, `mailto:`, `tel:`).
    External(String),
    /// A page of the site; `lang` is set when the link names a language.
    Page {
        node: NodeId,
        lang: Option<LangId>,
        fragment: Option<String>,
    },
    /// A file copied from `guidance/`.
    Asset {
        asset: usize,
        fragment: Option<String>,
    },
    /// A file of the site-wide `static/` folder, by its path inside it.
    Static {
        path: String,
        fragment: Option<String>,
    },
    /// `#id` on the same page.
    SamePage(String),
    /// A scheme that can run code or smuggle content (`javascript:`, `data:`).
    Unsafe(String),
    Empty,
    Missing {
        message: String,
        hint: Option<String>,
    },
    /// A page whose source file could not be read or has errors: its own
    /// error is the news, the link is not reported again.
    Unreadable,
}

const SAFE_SCHEMES: &[&str] = &["http", "https", "mailto", "tel"];

/// The scheme as a browser would see it: case and embedded whitespace or
/// control characters do not hide `javascript:`.
pub fn scheme_of(dest: &str) -> Option<String> {
    let cleaned: String = dest
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .take(40)
        .collect();
    let colon = cleaned.find(':')?;
    let scheme = &cleaned[..colon];
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then(|| scheme.to_ascii_lowercase())
}

/// Resolves the links of one document, written in folder `dir` (relative
/// to `guidance/`).
pub struct Resolver<'s> {
    site: &'s Site,
    dir: &'s Path,
}

impl<'s> Resolver<'s> {
    pub fn new(site: &'s Site, dir: &'s Path) -> Self {
        Resolver { site, dir }
    }

    /// The hint for a link target that is template code (`hints::template`),
    /// with Hugo's page bundles of the site found.
    pub(super) fn template_hint(&self, dest: &str) -> Option<String> {
        hints::template(dest, &|path| self.is_folder_page(path))
    }

    /// `path`, from this document's folder (or from the top of `guidance/`
    /// with a `/`), is a folder whose `index` is a page, and no page itself.
    fn is_folder_page(&self, path: &str) -> bool {
        let joined = match path.strip_prefix('/') {
            Some(abs) => PathBuf::from(abs),
            None => self.dir.join(path),
        };
        normalize(&joined).is_some_and(|p| {
            !self.site.by_source.contains_key(&p)
                && self.site.by_source.contains_key(&p.join("index"))
        })
    }

    pub fn resolve(&self, dest: &str) -> Target {
        let dest = nfc(dest.trim());
        let dest = dest.as_ref();
        if dest.is_empty() {
            return Target::Empty;
        }
        if let Some((message, hint)) = hints::own_computer(self.site, self.dir, dest) {
            return Target::Missing {
                message,
                hint: Some(hint),
            };
        }
        // Before addresses: `tel:{{hotline}}` would dial the braces.
        if let Some((message, hint)) = hints::value_target(dest) {
            return Target::Missing {
                message,
                hint: Some(hint),
            };
        }
        // Before schemes: `pathname:` is Docusaurus's, not one.
        if let Some((message, hint)) = other_tools::docusaurus_link(dest) {
            return Target::Missing {
                message,
                hint: Some(hint),
            };
        }
        if let Some(scheme) = scheme_of(dest) {
            if SAFE_SCHEMES.contains(&scheme.as_str()) {
                return Target::External(dest.to_string());
            }
            // A page's own name (`FAQ: What is trafficking?.md`, published
            // under its page name) is that page, not an address.
            return match self.local(dest) {
                page @ Target::Page { .. } => page,
                _ => Target::Unsafe(scheme),
            };
        }
        if let Some(hint) = self.template_hint(dest) {
            return Target::Missing {
                message: format!(
                    "`{dest}` is a Hugo/Jekyll template expression, which fieldguide does not run"
                ),
                hint: Some(hint),
            };
        }
        if let Some(rest) = other_tools::zola_path(dest) {
            let (message, hint) = other_tools::zola_link(dest, rest, self.dir);
            return Target::Missing {
                message,
                hint: Some(hint),
            };
        }
        if dest.starts_with("//") {
            return Target::External(format!("https:{dest}"));
        }
        self.local(dest)
    }

    /// `dest` as a path from this document's folder (or, with a `/`, from
    /// the top of `guidance/` or `static/`), with its fragment.
    fn local(&self, dest: &str) -> Target {
        if let Some(frag) = dest.strip_prefix('#') {
            return Target::SamePage(nfc(&percent_decode(frag)).into_owned());
        }
        let (path_part, fragment) = match dest.split_once('#') {
            Some((p, f)) => (p, Some(nfc(&percent_decode(f)).into_owned())),
            None => (dest, None),
        };
        let fragment = fragment.filter(|f| !f.is_empty());
        let path_part = without_query(path_part);
        let decoded = nfc(&percent_decode(path_part)).into_owned();
        let joined = match decoded.strip_prefix('/') {
            Some(abs) => {
                if let Some(path) = self.in_static(abs) {
                    return Target::Static { path, fragment };
                }
                // Not in static/: a path from the top of guidance/.
                PathBuf::from(abs)
            }
            None => self.dir.join(&decoded),
        };
        let Some(path) = normalize(&joined) else {
            return Target::Missing {
                message: format!("link `{dest}` points outside the guidance folder"),
                hint: hints::published_address(self.site, self.dir, dest),
            };
        };
        let found = self.in_guidance(dest, &decoded, &path, fragment.clone());
        // Failing that, as GitHub reads a link in a repository: from its
        // top (`/guidance/pub/a.md`).
        if matches!(found, Target::Missing { .. })
            && decoded.starts_with('/')
            && let Ok(rest) = path.strip_prefix(crate::content::load::CONTENT_DIR)
        {
            let there = self.in_guidance(dest, &decoded, rest, fragment);
            if !matches!(there, Target::Missing { .. }) {
                return there;
            }
        }
        found
    }

    /// `abs` (a path after `/`) as a file of `static/`, if there is one.
    fn in_static(&self, abs: &str) -> Option<String> {
        let path = normalize(Path::new(abs))?;
        let key = path.to_string_lossy().replace('\\', "/");
        self.site.static_files.contains(&key).then_some(key)
    }

    fn in_guidance(
        &self,
        dest: &str,
        decoded: &str,
        path: &Path,
        fragment: Option<String>,
    ) -> Target {
        let site = self.site;
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let lower = name.to_ascii_lowercase();
        let md_stem = [".md", ".markdown"]
            .iter()
            .find(|e| lower.ends_with(*e))
            .map(|e| &name[..name.len() - e.len()]);
        if let Some(stem) = md_stem {
            let parent = path.parent().unwrap_or(Path::new(""));
            let (stem, lang) = match split_lang(stem, &site.config) {
                // Hugo's `_index.md` is read as its folder's `index`: a
                // link to it (`referral/_index.md`) finds that page.
                Ok(("_index", lang)) => ("index", lang),
                // `Index.md`, read as its folder's page (see
                // `content::names::index_in_capitals`).
                Ok((s, lang)) if s.eq_ignore_ascii_case("index") => ("index", lang),
                Ok(x) => x,
                Err(msg) => {
                    return Target::Missing {
                        message: format!("link `{dest}`: {msg}"),
                        hint: None,
                    };
                }
            };
            return match site.by_source.get(&parent.join(stem)) {
                Some(&node) => Target::Page {
                    node,
                    lang,
                    fragment,
                },
                None if site.unreadable_pages.contains(&parent.join(stem)) => Target::Unreadable,
                None => Target::Missing {
                    message: format!("link to a missing page `{dest}`"),
                    hint: hints::invisible(dest)
                        .or_else(|| hints::missing_page(site, self.dir, parent, stem)),
                },
            };
        }
        if (decoded.ends_with('/') || path.as_os_str().is_empty())
            && let Some(&node) = site.by_source.get(&path.join("index"))
        {
            return Target::Page {
                node,
                lang: None,
                fragment,
            };
        }
        if let Some(&asset) = site.asset_by_source.get(path) {
            return Target::Asset { asset, fragment };
        }
        if let Some(&node) = site.by_source.get(&path.join("index")) {
            return Target::Page {
                node,
                lang: None,
                fragment,
            };
        }
        Target::Missing {
            message: format!("link to a missing file `{dest}`"),
            hint: hints::invisible(dest)
                .or_else(|| hints::missing_file(site, self.dir, dest, path)),
        }
    }
}

/// `a.md?x=1` without its query. In `What to do?.md` the `?` is the
/// page's own: no query ends in `.md`, and such a page is published under
/// its page name.
fn without_query(path: &str) -> &str {
    match path.split_once('?') {
        Some((_, after))
            if [".md", ".markdown"]
                .iter()
                .any(|e| after.to_ascii_lowercase().ends_with(e))
                && !after.contains(['/', '=', '&']) =>
        {
            path
        }
        Some((before, _)) => before,
        None => path,
    }
}

/// Resolves `dest`, written in a file in folder `dir` (relative to `guidance/`).
pub fn resolve(site: &Site, dir: &Path, dest: &str) -> Target {
    Resolver::new(site, dir).resolve(dest)
}

/// Resolves `.` and `..`; `None` when the path climbs above its root.
pub(super) fn normalize(p: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            Component::Normal(s) => out.push(s),
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(static_files: &[&str]) -> Site {
        let (config, _) = crate::config::parse(
            "title: T\ndefault_language: en\nlanguages: [en, fr]\n",
            Path::new("site.yaml"),
        );
        let files = [
            ("pub/index.md", "---\ntitle: P\n---\n"),
            ("pub/02-signs.md", "---\ntitle: S\n---\n"),
            ("pub/images/flow.png", ""),
        ];
        let mut site = crate::content::build::from_memory(config.unwrap(), &files, &mut Vec::new());
        site.static_files = static_files.iter().map(|s| s.to_string()).collect();
        site
    }

    fn hint(t: Target) -> Option<String> {
        match t {
            Target::Missing { hint, .. } => hint,
            other => panic!("not missing: {other:?}"),
        }
    }

    #[test]
    fn schemes() {
        assert_eq!(scheme_of("https://x"), Some("https".into()));
        assert_eq!(
            scheme_of(" JaVa\tScript:alert(1)"),
            Some("javascript".into())
        );
        assert_eq!(scheme_of("java\nscript:x"), Some("javascript".into()));
        assert_eq!(scheme_of("data:text/html,x"), Some("data".into()));
        assert_eq!(scheme_of("01-a.md#x:y"), None);
        assert_eq!(scheme_of("images/a.png"), None);
    }

    #[test]
    fn site_absolute_paths_use_static_first() {
        let s = site(&["images/logo.png"]);
        let dir = Path::new("pub");
        assert_eq!(
            resolve(&s, dir, "/images/logo.png"),
            Target::Static {
                path: "images/logo.png".into(),
                fragment: None
            }
        );
        // Not in static/: from the top of guidance/, as before.
        assert!(matches!(
            resolve(&s, dir, "/pub/images/flow.png"),
            Target::Asset { .. }
        ));
        assert!(matches!(
            resolve(&s, dir, "/../etc/passwd"),
            Target::Missing { .. }
        ));
        // From the top of the repository, as GitHub shows the site's files.
        assert!(matches!(
            resolve(&s, dir, "/guidance/pub/02-signs.md#a"),
            Target::Page { fragment: Some(f), .. } if f == "a"
        ));
        assert!(matches!(
            resolve(&s, dir, "/guidance/pub/images/flow.png"),
            Target::Asset { .. }
        ));
        for outside in [
            "/guidance/../etc/passwd",
            "/guidance/pub/gone.md",
            "/guidance/",
        ] {
            assert!(
                matches!(resolve(&s, dir, outside), Target::Missing { .. }),
                "{outside}"
            );
        }
        assert_eq!(
            hint(resolve(&s, dir, "/images/Logo.png")).as_deref(),
            Some("the file is called `/images/logo.png`: names are case-sensitive")
        );
    }

    #[test]
    fn decomposed_targets_find_composed_names() {
        let s = site(&["préfecture.pdf"]);
        assert_eq!(
            resolve(
                &s,
                Path::new("pub"),
                "/pre\u{301}fecture.pdf#Re\u{301}sume\u{301}"
            ),
            Target::Static {
                path: "préfecture.pdf".into(),
                fragment: Some("Résumé".into())
            }
        );
        assert_eq!(
            resolve(&s, Path::new("pub"), "#pre\u{301}fecture"),
            Target::SamePage("préfecture".into())
        );
    }

    #[test]
    fn hints_for_the_usual_mistakes() {
        let s = site(&[]);
        let dir = Path::new("pub");
        let h = |d: &str| hint(resolve(&s, dir, d));
        assert_eq!(
            h("someone@example.org").as_deref(),
            Some("an e-mail address needs `mailto:`: `mailto:someone@example.org`")
        );
        assert_eq!(
            h("Access.Net").as_deref(),
            Some("a web address needs `https://`: `https://Access.Net`")
        );
        assert_eq!(
            h("www.example.org/help").as_deref(),
            Some("a web address needs `https://`: `https://www.example.org/help`")
        );
        assert_eq!(
            h("02-signs").as_deref(),
            Some("link to the Markdown file: `02-signs.md`")
        );
        // An old site's address of a page, folder-style or `.html`, from
        // another folder: the page's own file.
        for old in ["../old/signs/", "/en/handbook/signs.html", "../Signs/"] {
            assert_eq!(
                hint(resolve(&s, Path::new("pub/part"), old)).as_deref(),
                Some("the page of that name: link to its Markdown file, `../02-signs.md`"),
                "{old}"
            );
        }
        // With a section, and as Docusaurus writes it (no last `/`): the
        // section is kept.
        for (old, want) in [
            ("../old/signs/#physical", "`../02-signs.md#physical`"),
            ("/en/handbook/signs/#physical", "`../02-signs.md#physical`"),
            ("/docs/handbook/signs", "`../02-signs.md`"),
        ] {
            assert_eq!(
                hint(resolve(&s, Path::new("pub/part"), old)).as_deref(),
                Some(format!("the page of that name: link to its Markdown file, {want}").as_str()),
                "{old}"
            );
        }
        // From a part's folder, the way back up is kept.
        assert_eq!(
            hint(resolve(&s, Path::new("pub/part"), "../02-signs/")).as_deref(),
            Some("link to the Markdown file: `../02-signs.md`")
        );
        assert_eq!(
            h("signs.md").as_deref(),
            Some("did you mean `02-signs.md`?")
        );
        assert_eq!(
            h("02-Signs.md").as_deref(),
            Some("the file is called `02-signs.md`: names are case-sensitive")
        );
        assert_eq!(
            h("images/Flow.png").as_deref(),
            Some("the file is called `images/flow.png`: names are case-sensitive")
        );
        assert_eq!(
            h("signs.html").as_deref(),
            Some("the page of that name: link to its Markdown file, `02-signs.md`")
        );
        assert_eq!(
            h("nope.html").as_deref(),
            Some("link to the Markdown file (`chapter.md`), not to the page it becomes")
        );
        assert_eq!(h("images/nope.png"), None);
        assert_eq!(h("report.pdf"), None);
    }

    #[test]
    fn normalizes() {
        assert_eq!(
            normalize(Path::new("a/./b/../c")),
            Some(PathBuf::from("a/c"))
        );
        assert_eq!(normalize(Path::new("a/../../etc/passwd")), None);
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Any destination an author writes resolves to a page, a file, an
        /// anchor, an allowed external link, or is refused: never a path
        /// outside `guidance/`.
        #[test]
        fn normalize_never_climbs(path in "(\\.\\./|\\./|[a-z]{1,3}/){0,8}[a-z]{0,3}") {
            if let Some(p) = normalize(Path::new(&format!("pub/{path}"))) {
                prop_assert!(!p.components().any(|c| matches!(c, Component::ParentDir | Component::RootDir)));
            }
        }

        /// Schemes are found however they are disguised.
        #[test]
        fn javascript_is_always_seen(pre in "[ \\t\\n]{0,3}", mid in "[ \\t\\n]{0,2}", upper in any::<bool>()) {
            let scheme = if upper { "JaVaScRiPt" } else { "javascript" };
            let (a, b) = scheme.split_at(4);
            let dest = format!("{pre}{a}{mid}{b}:alert(1)");
            prop_assert_eq!(scheme_of(&dest), Some("javascript".to_string()));
        }
    }
}
