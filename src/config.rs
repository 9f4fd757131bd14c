//! `site.yaml`: the site's title, languages and options.

use crate::diagnostics::{Diagnostic, closest};
use crate::text::{key_lines, line_containing};
use icu_locale_core::LanguageIdentifier;
use serde::Serialize;
use serde_yaml::Value;
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

/// What a build does with a link to a missing page, anchor or image.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BrokenLinks {
    /// The build fails (the default).
    #[default]
    Error,
    /// Published as text, with a warning: for migrated sites with old
    /// defects. `check` and `--strict` still fail.
    Warning,
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
    pub broken_links: BrokenLinks,
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
    let bytes = match std::fs::read(&path) {
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
    let value: Value = match serde_yaml::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            let (line, col) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
            diags.push(Diagnostic::error(
                rel,
                line,
                col,
                format!("invalid YAML: {}", crate::text::yaml_message(&e)),
            ));
            return (None, diags);
        }
    };
    let Value::Mapping(map) = value else {
        diags.push(
            Diagnostic::error(rel, 1, 1, "site.yaml must be a mapping of keys to values")
                .with_hint("start with `title: My guidance` and `default_language: en`"),
        );
        return (None, diags);
    };
    let lines = key_lines(text);
    let line_of = |k: &str| lines.get(k).copied().unwrap_or(1);
    let err = |line: usize, msg: String| Diagnostic::error(rel, line, 1, msg);

    for (k, _) in &map {
        let key = k.as_str().unwrap_or("");
        if !KNOWN_KEYS.contains(&key) {
            let mut d = Diagnostic::warning(
                rel,
                line_of(key),
                1,
                format!("unknown key `{key}` in site.yaml"),
            )
            .with_width(key.chars().count());
            if let Some(s) = closest(key, KNOWN_KEYS) {
                d = d.with_hint(format!("did you mean `{s}`?"));
            }
            diags.push(d);
        }
    }

    // languages
    let mut languages: Vec<Language> = Vec::new();
    // Codes as written, even invalid ones, so default_language is checked against them too.
    let mut raw_codes: Vec<String> = Vec::new();
    match map.get("languages") {
        Some(Value::Sequence(seq)) if !seq.is_empty() => {
            for item in seq {
                let parsed = parse_language(item);
                match &parsed {
                    Ok(l) => raw_codes.push(l.code.clone()),
                    Err((Some(code), _, _)) => raw_codes.push(code.clone()),
                    Err(_) => {}
                }
                match parsed {
                    Ok(lang) => {
                        let line =
                            line_containing(text, &lang.code).unwrap_or(line_of("languages"));
                        if languages
                            .iter()
                            .any(|l| l.code.eq_ignore_ascii_case(&lang.code))
                        {
                            diags.push(err(
                                line,
                                format!("language `{}` is listed twice", lang.code),
                            ));
                        } else {
                            languages.push(lang);
                        }
                    }
                    Err((needle, msg, hint)) => {
                        let line = needle
                            .and_then(|n| line_containing(text, &n))
                            .unwrap_or(line_of("languages"));
                        let mut d = err(line, msg);
                        if let Some(h) = hint {
                            d = d.with_hint(h);
                        }
                        diags.push(d);
                    }
                }
            }
        }
        _ => diags.push(
            err(
                line_of("languages"),
                "`languages` must be a non-empty list".into(),
            )
            .with_hint("languages:\n      - { code: en, name: English }"),
        ),
    }

    let default_language = match map.get("default_language").and_then(Value::as_str) {
        Some(code) => {
            if !raw_codes.is_empty() && !raw_codes.iter().any(|c| c == code) {
                diags.push(
                    err(
                        line_of("default_language"),
                        format!("default_language `{code}` is not one of the listed languages"),
                    )
                    .with_hint(format!("use one of: {}", raw_codes.join(", "))),
                );
            }
            code.to_string()
        }
        None => match languages.first() {
            Some(first) if map.get("default_language").is_none() => first.code.clone(),
            _ => {
                diags.push(err(
                    line_of("default_language"),
                    "`default_language` must be a language code".into(),
                ));
                String::new()
            }
        },
    };

    let mut title = BTreeMap::new();
    match map.get("title") {
        Some(Value::String(s)) => {
            title.insert(default_language.clone(), s.clone());
        }
        Some(Value::Mapping(m)) => {
            for (k, v) in m {
                match (k.as_str(), scalar_string(v)) {
                    (Some(code), Some(s)) => {
                        if !languages.iter().any(|l| l.code == code) {
                            diags.push(Diagnostic::warning(
                                rel,
                                line_containing(text, &format!("{code}:"))
                                    .unwrap_or(line_of("title")),
                                1,
                                format!("title given for `{code}`, which is not a listed language"),
                            ));
                        }
                        title.insert(code.to_string(), s);
                    }
                    _ => diags.push(err(
                        line_of("title"),
                        "`title` entries must be `code: text`".into(),
                    )),
                }
            }
        }
        Some(v) if scalar_string(v).is_some() => {
            title.insert(
                default_language.clone(),
                scalar_string(v).unwrap_or_default(),
            );
        }
        _ => diags.push(
            err(line_of("title"), "site.yaml needs a `title`".into())
                .with_hint("a string, or a map from language code to string"),
        ),
    }

    let base_url = match map.get("base_url") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s.starts_with("https://") || s.starts_with("http://") => {
            let mut s = s.clone();
            if !s.ends_with('/') {
                s.push('/');
            }
            Some(s)
        }
        Some(_) => {
            diags.push(
                err(
                    line_of("base_url"),
                    "`base_url` must be an http(s) address".into(),
                )
                .with_hint("for example https://example.org/guidance/"),
            );
            None
        }
    };
    let bool_key = |key: &str, diags: &mut Vec<Diagnostic>| match map.get(key) {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(_) => {
            diags.push(err(line_of(key), format!("`{key}` must be true or false")));
            false
        }
    };
    let allow_raw_html = bool_key("allow_raw_html", &mut diags);
    let offline = bool_key("offline", &mut diags);
    let download = map
        .get("download")
        .is_none_or(|_| bool_key("download", &mut diags));
    let author = map.get("author").and_then(scalar_string);
    let broken_links = match map.get("broken_links").map(scalar_string) {
        None => BrokenLinks::Error,
        Some(Some(v)) if v == "error" => BrokenLinks::Error,
        Some(Some(v)) if v == "warning" => BrokenLinks::Warning,
        Some(_) => {
            diags.push(
                err(
                    line_of("broken_links"),
                    "`broken_links` must be `error` or `warning`".into(),
                )
                .with_hint("`warning` publishes broken links and missing images as text"),
            );
            BrokenLinks::Error
        }
    };

    if diags
        .iter()
        .any(|d| d.severity == crate::diagnostics::Severity::Error)
    {
        return (None, diags);
    }
    let cfg = Config {
        title,
        default_language,
        languages,
        base_url,
        allow_raw_html,
        author,
        offline,
        download,
        broken_links,
    };
    (Some(cfg), diags)
}

type LangError = (Option<String>, String, Option<String>);

fn parse_language(item: &Value) -> Result<Language, LangError> {
    let (code, name, dir) = match item {
        Value::String(code) => (code.clone(), None, None),
        Value::Mapping(m) => {
            let code = m.get("code").and_then(scalar_string).ok_or((
                None,
                "each language needs a `code`".to_string(),
                Some("- { code: fr, name: Français }".into()),
            ))?;
            (
                code,
                m.get("name").and_then(scalar_string),
                m.get("direction").and_then(scalar_string),
            )
        }
        _ => {
            return Err((
                None,
                "a language must be `{ code: .., name: .. }`".into(),
                None,
            ));
        }
    };
    let tag = validate_tag(&code).map_err(|(msg, hint)| (Some(code.clone()), msg, hint))?;
    let dir = match dir.as_deref() {
        None => direction_of(&tag),
        Some("rtl") => Direction::Rtl,
        Some("ltr") => Direction::Ltr,
        Some(other) => {
            return Err((
                Some(code.clone()),
                format!("direction `{other}` for `{code}` must be `ltr` or `rtl`"),
                None,
            ));
        }
    };
    Ok(Language {
        name: name.unwrap_or_else(|| code.clone()),
        code,
        dir,
    })
}

/// A language code must be a well-formed BCP 47 tag, written as such: it is
/// used in file names, folder names and `lang` attributes.
pub fn validate_tag(code: &str) -> Result<LanguageIdentifier, (String, Option<String>)> {
    let bad = |why: &str| {
        let hint = if code.contains('_') {
            Some(format!(
                "write `{}`: BCP 47 uses hyphens",
                code.replace('_', "-")
            ))
        } else {
            Some("use a BCP 47 tag such as en, fr, ar, pt-BR, zh-Hant, ha-Arab".into())
        };
        (format!("`{code}` is not a valid language tag: {why}"), hint)
    };
    if code.is_empty() || !code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return Err(bad("only letters, digits and hyphens are allowed"));
    }
    let tag = LanguageIdentifier::try_from_str(code).map_err(|e| bad(&e.to_string()))?;
    if tag.language.is_unknown() {
        return Err(bad("it has no language subtag"));
    }
    Ok(tag)
}

/// Direction from the script: an explicit script subtag wins, else the
/// language's likely script (ICU data, so `ha` is LTR and `ha-Arab` RTL).
pub fn direction_of(tag: &LanguageIdentifier) -> Direction {
    thread_local! {
        static DIR: icu_locale::LocaleDirectionality = const { icu_locale::LocaleDirectionality::new_extended() };
    }
    DIR.with(|d| {
        if d.is_right_to_left(tag) {
            Direction::Rtl
        } else {
            Direction::Ltr
        }
    })
}

fn scalar_string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg(text: &str) -> (Option<Config>, Vec<Diagnostic>) {
        parse(text, Path::new("site.yaml"))
    }

    #[test]
    fn directions_come_from_script() {
        for (code, dir) in [
            ("ar", Direction::Rtl),
            ("fa", Direction::Rtl),
            ("ur", Direction::Rtl),
            ("ps", Direction::Rtl),
            ("he", Direction::Rtl),
            ("ckb", Direction::Rtl),
            ("ha-Arab", Direction::Rtl),
            ("ha", Direction::Ltr),
            ("en", Direction::Ltr),
            ("pt-BR", Direction::Ltr),
            ("zh-Hant", Direction::Ltr),
        ] {
            let tag = validate_tag(code).unwrap();
            assert_eq!(direction_of(&tag), dir, "{code}");
        }
    }

    #[test]
    fn rejects_bad_tags_with_hint() {
        let (msg, hint) = validate_tag("pt_BR").unwrap_err();
        assert!(msg.contains("pt_BR"));
        assert_eq!(hint.unwrap(), "write `pt-BR`: BCP 47 uses hyphens");
        assert!(validate_tag("english").is_err());
        assert!(validate_tag("../x").is_err());
    }

    #[test]
    fn broken_links_mode() {
        let base = "title: T\ndefault_language: en\nlanguages: [en]\n";
        assert_eq!(cfg(base).0.unwrap().broken_links, BrokenLinks::Error);
        let (c, d) = cfg(&format!("{base}broken_links: warning\n"));
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(c.unwrap().broken_links, BrokenLinks::Warning);
        let (c, d) = cfg(&format!("{base}broken_links: ignore\n"));
        assert!(c.is_none());
        assert_eq!(d[0].line, 4);
        assert_eq!(d[0].message, "`broken_links` must be `error` or `warning`");
    }

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
    }

    #[test]
    fn localized_title_and_unknown_key() {
        let (c, d) = cfg(
            "title: { en: Guide, fr: Guide FR }\ndefault_language: en\nlanguages: [en, fr]\ntitel: x\n",
        );
        assert_eq!(c.unwrap().title_for("fr"), "Guide FR");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].line, 4);
        assert_eq!(d[0].hint.as_deref(), Some("did you mean `title`?"));
    }

    #[test]
    fn errors_point_at_lines() {
        let (c, d) = cfg("title: T\ndefault_language: de\nlanguages:\n  - { code: en_GB }\n");
        assert!(c.is_none());
        let lines: Vec<_> = d.iter().map(|d| d.line).collect();
        assert_eq!(lines, [4, 2], "{d:?}");
    }
}
