//! `site.yaml`: the site's title, languages and options.

mod keys;
mod language;
mod period;

pub use language::{TagError, direction_of, validate_tag};
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

#[derive(Debug, Clone, Serialize)]
pub struct Language {
    /// The BCP 47 tag as written in site.yaml (`pt-BR`); also the file suffix
    /// and the output folder name.
    pub code: String,
    /// The language's name in its own script, for the chooser and switcher.
    pub name: String,
    pub dir: Direction,
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

    pub fn lang_index(&self, code: &str) -> Option<usize> {
        self.languages.iter().position(|l| l.code == code)
    }

    pub fn default_index(&self) -> usize {
        self.lang_index(&self.default_language).unwrap_or(0)
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
/// first; the config is `None` when it cannot be used at all.
pub fn load(source: &Path) -> (Option<Config>, Vec<Diagnostic>) {
    let path = source.join(CONFIG_FILE);
    let rel = PathBuf::from(CONFIG_FILE);
    // Read without following a link: a `site.yaml` that points elsewhere
    // must not show that file's lines in messages.
    let bytes = match crate::no_follow::Dir::open(&crate::no_follow::real(source))
        .and_then(|d| d.read(CONFIG_FILE))
    {
        Ok(b) => b,
        Err(e) => {
            let d = Diagnostic::error(&rel, 0, 0, format!("cannot read {}: {e}", path.display()))
                .with_hint(
                    "run fieldguide in a site folder, pass --source DIR, or create one with `fieldguide new DIR`",
                );
            return (None, vec![d]);
        }
    };
    let text = match crate::text::decode(&bytes) {
        Ok(t) => t,
        Err((line, col, msg)) => return (None, vec![Diagnostic::error(&rel, line, col, msg)]),
    };
    parse(&text, &rel)
}

pub fn parse(text: &str, rel: &Path) -> (Option<Config>, Vec<Diagnostic>) {
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
    let config = settings(&root, &at, &mut diags);
    if diags.iter().any(|d| d.severity == Severity::Error) {
        return (None, diags);
    }
    (Some(config), diags)
}

/// Each key by its own validator, in the order they depend on each other.
fn settings(root: &Node, at: &Located, diags: &mut Vec<Diagnostic>) -> Config {
    let get = |k: &str| root.get(k);
    let (languages, raw_codes) = language::languages(get("languages"), at, diags);
    let default_language =
        keys::default_language(get("default_language"), &languages, &raw_codes, at, diags);
    let title = match get("title").filter(|t| !t.is_null()) {
        Some(t) => {
            let title = keys::localised("title", t, &default_language, &languages, at, diags);
            if t.entries().is_some() {
                keys::untitled_languages(t, &title, &default_language, &languages, at, diags);
            }
            title
        }
        None => {
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
        author: get("author").and_then(Node::as_text).map(str::to_string),
        broken_links: get("broken_links")
            .map_or(BrokenLinks::Error, |v| keys::broken_links(v, at, diags)),
        review_every: get("review_every").and_then(|v| keys::review_every(v, at, diags)),
        base: get("base").and_then(|v| keys::base(v, at, diags)),
        edition: get("edition")
            .and_then(|v| keys::edition(v, &default_language, &languages, at, diags)),
        title,
        default_language,
        languages,
        allow_raw_html: allow_raw_html.unwrap_or(false),
        offline: offline.unwrap_or(false),
        download: download.unwrap_or(true),
        drafts: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg(text: &str) -> (Option<Config>, Vec<Diagnostic>) {
        parse(text, Path::new("site.yaml"))
    }

    fn heads(d: &[Diagnostic]) -> Vec<String> {
        d.iter().map(Diagnostic::headline).collect()
    }

    const BASIC: &str = "title: T\ndefault_language: en\nlanguages: [en, fr]\n";

    #[test]
    fn full_config() {
        let (c, d) = cfg(
            "title: T\ndefault_language: en\nlanguages:\n  - { code: en, name: English }\n  - { code: ar, name: العربية }\n  - { code: ha, name: Hausa, direction: rtl }\nbase_url: https://x.org/g\n",
        );
        assert!(d.is_empty(), "{d:?}");
        let c = c.unwrap();
        assert_eq!(c.languages[1].dir, Direction::Rtl);
        assert_eq!(c.languages[2].dir, Direction::Rtl);
        assert_eq!(c.base_url.as_deref(), Some("https://x.org/g/"));
        assert_eq!(c.title_for("ar"), "T");
        assert_eq!(c.broken_links, BrokenLinks::Error);
        assert!(c.download && !c.offline && !c.allow_raw_html);
        assert_eq!((c.review_every, c.base, c.edition), (None, None, None));
    }

    #[test]
    fn localized_title_and_unknown_key() {
        let (c, d) = cfg(
            "title: { en: Guide, fr: Guide FR }\ndefault_language: en\nlanguages: [en, fr]\ntitel: x\n",
        );
        assert_eq!(c.unwrap().title_for("fr"), "Guide FR");
        assert_eq!(
            heads(&d),
            ["site.yaml:4:1: warning: unknown key `titel` in site.yaml"]
        );
        assert_eq!(d[0].hint.as_deref(), Some("did you mean `title`?"));
    }

    #[test]
    fn errors_point_at_lines() {
        let (c, d) = cfg("title: T\ndefault_language: de\nlanguages:\n  - { code: en_GB }\n");
        assert!(c.is_none());
        let mut lines: Vec<_> = d.iter().map(|d| (d.line, d.col)).collect();
        lines.sort();
        assert_eq!(lines, [(2, 19), (4, 13)], "{d:?}");
    }

    #[test]
    fn a_language_listed_twice_is_reported_at_the_second() {
        let (c, d) =
            cfg("title: T\ndefault_language: en\nlanguages:\n  - en\n  - fr\n  - { code: en }\n");
        assert!(c.is_none());
        assert_eq!(
            heads(&d),
            ["site.yaml:6:13: error: language `en` is listed twice"]
        );
    }

    #[test]
    fn title_for_an_unlisted_language_is_a_warning_at_its_key() {
        let (c, d) = cfg("title:\n  en: T\n  de: T\ndefault_language: en\nlanguages: [en]\n");
        assert!(c.is_some());
        assert_eq!(
            heads(&d),
            ["site.yaml:3:3: warning: title given for `de`, which is not a listed language"]
        );
    }

    #[test]
    fn new_keys_are_typed() {
        let (c, d) = cfg(&format!(
            "{BASIC}broken_links: warning\nreview_every: 6 months\nbase: ../global\nedition: {{ name: {{ en: Kenya edition, fr: Édition Kenya }} }}\n"
        ));
        assert!(d.is_empty(), "{d:?}");
        let c = c.unwrap();
        assert_eq!(c.broken_links, BrokenLinks::Warning);
        assert_eq!(
            c.review_every,
            Some(Period {
                count: 6,
                unit: PeriodUnit::Month
            })
        );
        assert_eq!(c.base, Some(PathBuf::from("../global")));
        assert_eq!(c.edition.unwrap().name["fr"], "Édition Kenya");
    }

    #[test]
    fn new_keys_report_bad_values() {
        let (c, d) = cfg(&format!(
            "{BASIC}broken_links: ignore\nreview_every: often\nbase: ''\nedition: {{ nmae: x }}\n"
        ));
        assert!(c.is_none());
        assert_eq!(
            heads(&d),
            [
                "site.yaml:4:1: error: `broken_links` must be `error` or `warning`",
                "site.yaml:5:15: error: `review_every`: `often` is not a number of days, weeks, months or years",
                "site.yaml:6:7: error: `base` must be the path of the base site's folder",
                "site.yaml:7:12: warning: unknown key `nmae` in `edition:`",
            ]
            .map(|s| s.replace("4:1:", "4:15:"))
        );
        assert_eq!(d[3].hint.as_deref(), Some("did you mean `name`?"));
    }

    #[test]
    fn bools_and_invisible_characters() {
        let (c, d) = cfg(&format!("{BASIC}offline: yes\n"));
        assert!(c.is_none());
        assert_eq!(
            heads(&d),
            ["site.yaml:4:10: error: `offline` must be true or false"]
        );
        let (c, d) = cfg("title: T\nlanguages:\n  -\u{a0}en\n");
        assert!(c.is_none());
        assert_eq!(
            heads(&d),
            [
                "site.yaml:3:4: error: invalid site.yaml: a non-breaking space (U+00A0) at column 4; type a normal space"
            ]
        );
    }

    #[test]
    fn not_yaml_or_not_a_mapping() {
        let (c, d) = cfg("- a\n");
        assert!(c.is_none());
        assert_eq!(
            heads(&d),
            ["site.yaml:1:1: error: site.yaml must be a mapping of keys to values"]
        );
        let (_, d) = cfg("title: T\n---\ntitle: U\n");
        assert_eq!(
            heads(&d),
            ["site.yaml:2:1: error: invalid site.yaml: a second YAML document starts here"]
        );
    }
}
