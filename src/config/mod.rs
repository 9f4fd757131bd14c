//! `site.yaml`: the site's title, languages and options.

mod base;
mod keys;
mod language;
mod period;

pub use base::BaseSite;

pub use language::{TagError, canonical, direction_of, lang_attrs, primary_language, validate_tag};
pub use period::{Period, PeriodUnit};

use crate::diagnostics::{Diagnostic, Severity};
use crate::yaml::{Located, Node};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const CONFIG_FILE: &str = "site.yaml";

const KNOWN_KEYS: &[&str] = &[
    "title",
    "default_language",
    "languages",
    "base_url",
    "allow_raw_html",
    "author",
    "offline",
    "download",
    "broken_links",
    "review_every",
    "base",
    "edition",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// A language of the site: an index into `Config::languages`. A type of its
/// own, so a language cannot be passed where a node or a count is meant.
/// Any `Vec` or slice indexed by language takes it directly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
#[serde(transparent)]
pub struct LangId(pub usize);

impl LangId {
    /// The first `n` languages (a site's, when `n` is its count).
    pub fn all(n: usize) -> impl DoubleEndedIterator<Item = LangId> + ExactSizeIterator + Clone {
        (0..n).map(LangId)
    }
}

impl<T> std::ops::Index<LangId> for Vec<T> {
    type Output = T;
    fn index(&self, l: LangId) -> &T {
        &self[l.0]
    }
}

impl<T> std::ops::IndexMut<LangId> for Vec<T> {
    fn index_mut(&mut self, l: LangId) -> &mut T {
        &mut self[l.0]
    }
}

impl<T> std::ops::Index<LangId> for [T] {
    type Output = T;
    fn index(&self, l: LangId) -> &T {
        &self[l.0]
    }
}

impl<T> std::ops::IndexMut<LangId> for [T] {
    fn index_mut(&mut self, l: LangId) -> &mut T {
        &mut self[l.0]
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Language {
    /// The BCP 47 tag as written in site.yaml (`pt-BR`); also the file suffix
    /// and the output folder name.
    pub code: String,
    /// The language's name in its own script, for the chooser and switcher.
    pub name: String,
    pub dir: Direction,
    /// Where site.yaml names it (line, column), for messages about it.
    #[serde(skip)]
    pub at: (usize, usize),
    /// site.yaml gives its name (else it is listed by code alone, and named
    /// by its base's site.yaml, or by fieldguide for a common language).
    #[serde(skip)]
    pub named: bool,
}

#[derive(Debug, Clone)]
pub struct Config {
    /// Site title per language code; `title_for` falls back to the default.
    pub title: BTreeMap<String, String>,
    pub default_language: String,
    pub languages: Vec<Language>,
    pub base_url: Option<String>,
    pub allow_raw_html: bool,
    pub author: Option<String>,
    pub offline: bool,
    /// Offer the whole site as a zip (default: yes).
    pub download: bool,
    /// What a link to a missing page or image does (default: fail the build).
    pub broken_links: BrokenLinks,
    /// How long a publication may go unreviewed (`review_every: 6 months`).
    pub review_every: Option<Period>,
    /// `base: ../global`: this site is a local edition of the site there,
    /// as written in site.yaml (not resolved).
    pub base: Option<PathBuf>,
    /// `edition:`: what this local edition calls itself.
    pub edition: Option<Edition>,
    /// The base, found and read, when this site is a local edition (set by
    /// `load`, not by `parse`).
    pub base_site: Option<BaseSite>,
    /// Publish pages marked `draft: true` (`--drafts`): set by the command
    /// line, never by site.yaml.
    pub drafts: bool,
}

/// `broken_links: error | warning`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BrokenLinks {
    /// A broken link or missing image fails the build.
    #[default]
    Error,
    /// Published as its text (an image as its alt text), with a warning.
    Warning,
}

/// `edition: { name: { en: Kenya edition, fr: Édition Kenya } }`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Edition {
    /// The edition's name per language code (text alone is the default
    /// language's).
    pub name: BTreeMap<String, String>,
}

impl Config {
    pub fn language(&self, code: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.code == code)
    }

    /// The languages' codes, in the site's order.
    pub fn codes(&self) -> Vec<&str> {
        self.languages.iter().map(|l| l.code.as_str()).collect()
    }

    /// The site language `spelled` names, read as people write a tag (see
    /// [`spelled_index`]): `--lang FR`, a translator's `fr_FR`.
    pub fn language_spelled(&self, spelled: &str) -> Option<LangId> {
        spelled_index(&self.codes(), spelled).map(LangId)
    }

    pub fn lang_index(&self, code: &str) -> Option<LangId> {
        self.languages
            .iter()
            .position(|l| l.code == code)
            .map(LangId)
    }

    /// ` lang="…"` (and ` dir="…"` when the directions differ) for text in
    /// language `source` inside an element in language `within`; nothing
    /// when they are the same (see [`lang_attrs`]).
    pub fn mark(&self, source: LangId, within: LangId) -> String {
        let (s, w) = (&self.languages[source], &self.languages[within]);
        lang_attrs(&s.code, s.dir, &w.code, Some(w.dir))
    }

    pub fn default_index(&self) -> LangId {
        self.lang_index(&self.default_language).unwrap_or_default()
    }

    /// Every language of the site, in `site.yaml`'s order.
    pub fn lang_ids(&self) -> impl DoubleEndedIterator<Item = LangId> + ExactSizeIterator + use<> {
        (0..self.languages.len()).map(LangId)
    }

    /// A local edition's name in `code`, else in the default language.
    pub fn edition_name(&self, code: &str) -> Option<&str> {
        let name = &self.edition.as_ref()?.name;
        name.get(code)
            .or_else(|| name.get(&self.default_language))
            .or_else(|| name.values().next())
            .map(String::as_str)
    }

    pub fn title_for(&self, code: &str) -> &str {
        self.title
            .get(code)
            .or_else(|| self.title.get(&self.default_language))
            .or_else(|| self.title.values().next())
            .map(String::as_str)
            .unwrap_or("")
    }
}

/// Reads and validates `site.yaml`. Every problem is returned, not just the
/// first; the config is `None` when it cannot be used at all. A local
/// edition's base is found and read too, and gives the keys the edition
/// leaves out.
pub fn load(source: &Path) -> (Option<Config>, Vec<Diagnostic>) {
    load_one(source, Some(source))
}

/// One site.yaml; `base:` is followed only when `edition` (the folder the
/// base is relative to) is given.
fn load_one(source: &Path, edition: Option<&Path>) -> (Option<Config>, Vec<Diagnostic>) {
    let path = source.join(CONFIG_FILE);
    let rel = PathBuf::from(CONFIG_FILE);
    // Read without following a link: a `site.yaml` that points elsewhere
    // must not show that file's lines in messages.
    let bytes = match crate::no_follow::Dir::open(&crate::no_follow::real(source))
        .and_then(|d| read_config(&d))
    {
        Ok(Some(b)) => b,
        Ok(None) => return (None, vec![too_large(&rel)]),
        Err(e) => {
            let d = Diagnostic::error(&rel, 0, 0, format!("cannot read {}: {e}", path.display()))
                .with_hint(unreadable_hint(&path));
            return (None, vec![d]);
        }
    };
    let text = match crate::text::decode(&bytes) {
        Ok(t) => t,
        Err(e) => return (None, vec![Diagnostic::undecodable(&rel, e)]),
    };
    parse_in(&text, &rel, edition)
}

/// The most of a site.yaml read: its settings take a few kilobytes. A
/// site's, or a base's in another team's folder, made a sparse file of
/// gigabytes was read whole.
const MAX_CONFIG_BYTES: u64 = 1 << 20;

/// The bytes of `site.yaml` in `dir`, `None` when it is over
/// [`MAX_CONFIG_BYTES`] (never read further).
pub(crate) fn read_config(dir: &crate::no_follow::Dir) -> std::io::Result<Option<Vec<u8>>> {
    Ok(match dir.read_at_most(CONFIG_FILE, MAX_CONFIG_BYTES)? {
        crate::no_follow::Capped::Bytes(bytes) => Some(bytes),
        crate::no_follow::Capped::TooLarge(_) => None,
    })
}

fn too_large(rel: &Path) -> Diagnostic {
    Diagnostic::error(
        rel,
        0,
        0,
        format!(
            "site.yaml is too large: over {} MB, where a site's settings take a few kilobytes; nothing past that was read",
            MAX_CONFIG_BYTES >> 20
        ),
    )
    .with_hint("check that the file saved as site.yaml is the site's settings (title, languages, options)")
}

/// What to do about a `site.yaml` that cannot be read: none there (not a
/// site folder), a link (never followed: it may lead out of the site), or
/// something else standing at its name.
fn unreadable_hint(path: &Path) -> &'static str {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            "put the file itself at site.yaml in place of the link: fieldguide never reads site.yaml through a link"
        }
        Ok(m) if m.is_file() => "check that you may read site.yaml",
        Ok(_) => {
            "site.yaml must be a plain file: move what is there away and write site.yaml in its place"
        }
        Err(_) => {
            "run fieldguide in a site folder, pass --source DIR, or create one with `fieldguide new DIR`"
        }
    }
}

/// Parses site.yaml text without following `base:`.
pub fn parse(text: &str, rel: &Path) -> (Option<Config>, Vec<Diagnostic>) {
    parse_in(text, rel, None)
}

fn parse_in(text: &str, rel: &Path, edition: Option<&Path>) -> (Option<Config>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let at = Located {
        rel,
        line_offset: 0,
        what: "site.yaml",
    };
    let Ok(root) = at.read(text, &mut diags) else {
        return (None, diags);
    };
    let Some(root) = root.filter(|r| r.entries().is_some()) else {
        diags.push(
            Diagnostic::error(rel, 1, 1, "site.yaml must be a mapping of keys to values")
                .with_hint("start with `title: My guidance` and `default_language: en`"),
        );
        return (None, diags);
    };
    for (k, _) in root.entries().unwrap_or_default() {
        let key = k.as_text().unwrap_or("");
        if !KNOWN_KEYS.contains(&key) {
            diags.push(at.unknown_key(
                k,
                KNOWN_KEYS,
                format!("unknown key `{key}` in site.yaml"),
                None,
            ));
        }
    }
    // A base that cannot be read would give the keys this site leaves
    // out: report only that.
    let Ok(base_site) = base::find(&root, edition, &at, &mut diags) else {
        return (None, diags);
    };
    let mut config = settings(
        &root,
        &at,
        &mut diags,
        base_site.as_ref().map(|b| &*b.config),
    );
    base::check_pair(&root, &config, &at, &mut diags);
    config.base_site = base_site;
    if diags.iter().any(|d| d.severity == Severity::Error) {
        return (None, diags);
    }
    (Some(config), diags)
}

/// Each key by its own validator, in the order they depend on each other.
/// A key an edition leaves out comes from its `base`.
fn settings(
    root: &Node,
    at: &Located,
    diags: &mut Vec<Diagnostic>,
    base: Option<&Config>,
) -> Config {
    let get = |k: &str| root.get(k);
    let (languages, raw_codes) = match (get("languages"), base) {
        (None, Some(b)) => base::languages_from(b),
        (v, _) => {
            let (mut languages, raw) = language::languages(v, at, diags);
            if let Some(b) = base {
                base::name_languages(&mut languages, b);
            }
            language::same_names(&languages, at.rel, diags);
            (languages, raw)
        }
    };
    let default_language = match (get("default_language"), base) {
        (None, Some(b)) => base::default_from(&languages, b),
        (v, _) => keys::default_language(v, &languages, &raw_codes, at, diags),
    };
    let title = match (get("title").filter(|t| !t.is_null()), base) {
        (Some(t), _) => {
            let title = keys::localised("title", t, &default_language, &languages, at, diags);
            if t.entries().is_some() {
                keys::untitled_languages(t, &title, &default_language, &languages, at, diags);
            }
            title
        }
        (None, Some(b)) => b.title.clone(),
        (None, None) => {
            let d = match get("title") {
                Some(t) => at.error(t, "site.yaml needs a `title`"),
                None => Diagnostic::error(at.rel, 1, 1, "site.yaml needs a `title`"),
            };
            diags.push(d.with_hint("a string, or a map from language code to string"));
            BTreeMap::new()
        }
    };
    let mut flag = |key: &str| get(key).and_then(|v| keys::flag(key, v, at, diags));
    let (allow_raw_html, offline, download) =
        (flag("allow_raw_html"), flag("offline"), flag("download"));
    Config {
        base_url: get("base_url").and_then(|v| keys::base_url(v, at, diags)),
        author: get("author")
            .and_then(Node::as_text)
            .map(str::to_string)
            .or_else(|| base.and_then(|b| b.author.clone())),
        broken_links: get("broken_links")
            .map_or(base.map_or(BrokenLinks::Error, |b| b.broken_links), |v| {
                keys::broken_links(v, at, diags)
            }),
        review_every: get("review_every")
            .and_then(|v| keys::review_every(v, at, diags))
            .or_else(|| base.and_then(|b| b.review_every)),
        base: get("base").and_then(|v| keys::base(v, at, diags)),
        edition: get("edition")
            .and_then(|v| keys::edition(v, &default_language, &languages, at, diags)),
        title,
        default_language,
        languages,
        allow_raw_html: allow_raw_html
            .or(base.map(|b| b.allow_raw_html))
            .unwrap_or(false),
        offline: offline.or(base.map(|b| b.offline)).unwrap_or(false),
        download: download.or(base.map(|b| b.download)).unwrap_or(true),
        base_site: None,
        drafts: false,
    }
}

#[cfg(test)]
mod tests;

/// The position in `codes` of the language `spelled` names: any case, `_`
/// for `-` (`fr_FR`, `pt_br`), else by its first subtag (`fr-CA` is `fr`
/// when `codes` has no `fr-CA`).
pub fn spelled_index(codes: &[&str], spelled: &str) -> Option<usize> {
    let want = normal_tag(spelled);
    if want.is_empty() {
        return None;
    }
    let find = |want: &str| codes.iter().position(|c| normal_tag(c) == want);
    find(&want).or_else(|| find(want.split_once('-')?.0))
}

/// A language tag as compared: trimmed, lower case, `-` for `_`.
pub fn normal_tag(code: &str) -> String {
    code.trim().replace('_', "-").to_ascii_lowercase()
}
