//! The theme: templates, static files and interface strings. The default
//! theme is compiled in; a site's own `templates/` folder overrides it file
//! by file.

use crate::diagnostics::Diagnostic;
use crate::no_follow::Capped;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/theme_files.rs"));
}

pub const THEME_DIR: &str = "templates";

pub struct Theme {
    /// Path inside the theme (`page.html`, `static/site.css`, `i18n/fr.ftl`)
    /// -> contents. Sorted, so everything derived from it is deterministic.
    pub files: BTreeMap<String, Cow<'static, [u8]>>,
    /// Which files came from the site rather than the built-in theme.
    pub overridden: BTreeSet<String>,
    /// Of those, the ones a local edition takes from its base, with the
    /// base's path as written in `base:`.
    pub from_base: BTreeMap<String, String>,
}

impl Theme {
    pub fn builtin() -> Self {
        let files = embedded::FILES
            .iter()
            .map(|(k, v)| (k.to_string(), Cow::Borrowed(*v)))
            .collect();
        Theme {
            files,
            overridden: BTreeSet::new(),
            from_base: BTreeMap::new(),
        }
    }

    /// The built-in theme with the site's `templates/` laid over it.
    pub fn load(source: &Path, diags: &mut Vec<Diagnostic>) -> Self {
        Self::load_layers(source, None, diags)
    }

    /// The built-in theme, then a local edition's base's `templates/`,
    /// then the site's own, each file over the one before.
    pub fn load_layers(
        source: &Path,
        base: Option<&crate::config::BaseSite>,
        diags: &mut Vec<Diagnostic>,
    ) -> Self {
        let mut theme = Self::builtin();
        if let Some(b) = base {
            theme.overlay(&b.root, Some(&b.shown), diags);
        }
        theme.overlay(source, None, diags);
        theme
    }

    /// Lays one site's `templates/` over the theme; `shown` is what
    /// messages put before its paths (a base's `base:` path).
    fn overlay(&mut self, source: &Path, shown: Option<&Path>, diags: &mut Vec<Diagnostic>) {
        let at = |rel: &str| match shown {
            Some(s) => s.join(rel),
            None => Path::new(rel).to_path_buf(),
        };
        let real = crate::no_follow::real(source);
        let site = match crate::no_follow::Dir::open(&real) {
            Ok(d) => d,
            Err(_) => return,
        };
        let dir = match crate::no_follow::site_folder(&site, THEME_DIR) {
            Ok(Some(d)) => d,
            Ok(None) => return,
            Err(msg) => {
                diags.push(Diagnostic::error(at(THEME_DIR), 0, 0, msg).with_hint(
                    "put the theme's files in a real templates/ folder inside the site folder",
                ));
                return;
            }
        };
        for entry in walkdir::WalkDir::new(dir.path())
            .follow_links(false)
            .follow_root_links(false)
            .sort_by_file_name()
        {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    diags.push(Diagnostic::error(
                        at(THEME_DIR),
                        0,
                        0,
                        format!("cannot read the theme: {e}"),
                    ));
                    continue;
                }
            };
            let Ok(rel) = entry.path().strip_prefix(dir.path()) else {
                continue;
            };
            let key = crate::no_follow::slash_path(rel);
            if key.split('/').any(|c| c.starts_with('.')) {
                continue;
            }
            if !entry.file_type().is_file() {
                let shown = at(&format!("{THEME_DIR}/{key}"));
                diags.extend(not_a_file(&real, &entry, shown));
                continue;
            }
            // Read back by its name, which a lossy `key` would not lead to.
            if rel.to_str().is_none() {
                let shown = at(&format!("{THEME_DIR}/{key}"));
                diags.push(crate::content::names::not_unicode(shown, false));
                continue;
            }
            // Its static files are published under `assets/` by their
            // names, which must work everywhere, as `static/`'s do (a line
            // break would also split the manifest's line).
            if let Some(problem) = key
                .strip_prefix("static/")
                .and_then(crate::content::file_types::portable_name_problem)
            {
                let shown = at(&format!("{THEME_DIR}/{key}"));
                diags.push(crate::content::names::portable_error(shown, &problem));
                continue;
            }
            match crate::content::published_size::read(&dir, &key) {
                Ok(Capped::Bytes(bytes)) => {
                    // Only a real difference counts as an override; the
                    // repository's own templates/ equals the built-in theme.
                    if self
                        .files
                        .get(&key)
                        .is_none_or(|b| b.as_ref() != bytes.as_slice())
                    {
                        self.overridden.insert(key.clone());
                        match shown {
                            Some(s) => self.from_base.insert(key.clone(), s.display().to_string()),
                            None => self.from_base.remove(&key),
                        };
                        self.files.insert(key, Cow::Owned(bytes));
                    }
                }
                Ok(Capped::TooLarge(n)) => diags.push(crate::content::published_size::too_large(
                    &at(&format!("{THEME_DIR}/{key}")),
                    n,
                )),
                Err(e) => diags.push(Diagnostic::error(
                    at(&format!("{THEME_DIR}/{key}")),
                    0,
                    0,
                    format!("cannot read: {}", crate::content::load::io_message(&e)),
                )),
            }
        }
    }

    /// Templates: every `.html`, `.xml`, `.js` or `.css` file outside
    /// `static/` and `i18n/`.
    pub fn templates(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.files
            .iter()
            .filter(|(k, _)| !k.starts_with("static/") && !k.starts_with("i18n/"))
            .filter(|(k, _)| {
                [".html", ".xml", ".js", ".css"]
                    .iter()
                    .any(|ext| k.ends_with(ext))
            })
            .map(|(k, v)| (k.as_str(), v.as_ref()))
    }

    /// The ids the templates give elements literally (`id="main"`; not
    /// those made by an expression), and the globals the theme's scripts
    /// read (`window.fieldguideHolds`), sorted. An element with such an id
    /// would be that global for a script (a browser names elements on
    /// `window`), so a page's content never gets one.
    pub fn ids(&self) -> Vec<String> {
        let mut ids = std::collections::BTreeSet::new();
        let scripts = self
            .files
            .iter()
            .filter(|(k, _)| k.ends_with(".js"))
            .map(|(_, v)| String::from_utf8_lossy(v));
        for text in scripts {
            for (at, _) in text.match_indices("window.") {
                let name: String = text[at + 7..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '$')
                    .collect();
                if !name.is_empty() {
                    ids.insert(name);
                }
            }
        }
        for (_, bytes) in self.templates() {
            let text = String::from_utf8_lossy(bytes);
            for (at, _) in text.match_indices(" id=") {
                let rest = &text[at + 4..];
                let Some(q) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') else {
                    continue;
                };
                let Some(end) = rest[1..].find(q) else {
                    continue;
                };
                let id = &rest[1..1 + end];
                if !id.is_empty() && !id.contains(['{', '}', ' ']) {
                    ids.insert(id.to_string());
                }
            }
        }
        ids.into_iter().collect()
    }

    /// Static files, as published under `assets/`: the built-in theme's
    /// stylesheets and scripts minified (at compile time), the site's own
    /// files exactly as they are.
    pub fn static_files(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.files.iter().filter_map(|(k, v)| {
            let name = k.strip_prefix("static/")?;
            let builtin_minified = (!self.overridden.contains(k))
                .then(|| embedded::MINIFIED.iter().find(|(m, _)| m == k))
                .flatten();
            Some((name, builtin_minified.map_or(v.as_ref(), |(_, b)| *b)))
        })
    }

    /// Interface strings of one language, if the theme has them.
    pub fn strings(&self, lang: &str) -> Option<&[u8]> {
        self.files
            .get(&format!("i18n/{lang}.ftl"))
            .map(|v| v.as_ref())
    }

    /// Where a theme file lives, for messages.
    pub fn display_path(&self, key: &str) -> String {
        if let Some(base) = self.from_base.get(key) {
            format!("{base}/{THEME_DIR}/{key}")
        } else if self.overridden.contains(key) {
            format!("{THEME_DIR}/{key}")
        } else {
            format!("{THEME_DIR}/{key} (built-in theme)")
        }
    }
}

/// Why a theme entry that is not a plain file is not read: a link, never
/// followed, or a special file (a named pipe would block a read; said, as
/// in guidance/, so that the built-in file used instead is no mystery).
/// Nothing for a folder.
fn not_a_file(real: &Path, entry: &walkdir::DirEntry, shown: PathBuf) -> Option<Diagnostic> {
    let t = entry.file_type();
    if t.is_symlink() {
        return Some(crate::no_follow::link_diagnostic(real, entry.path(), shown));
    }
    if t.is_dir() {
        return None;
    }
    let kind = crate::content::names::special_kind(t);
    let msg = format!("not read: it is {kind}, not a file");
    Some(
        Diagnostic::warning(shown, 0, 0, msg)
            .with_hint("save the theme's file as an ordinary file, or remove it"),
    )
}
