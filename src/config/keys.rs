//! One small validator per site.yaml key (languages are in `language.rs`).
//! Each reports its problems at the value that has them.

use super::{BrokenLinks, Edition, Language, Period};
use crate::diagnostics::Diagnostic;
use crate::yaml::{Located, Node};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// `default_language`: one of the codes listed, else the first language.
pub fn default_language(
    v: Option<&Node>,
    languages: &[Language],
    raw_codes: &[String],
    at: &Located,
    diags: &mut Vec<Diagnostic>,
) -> String {
    match v.map(|v| (v, v.as_text())) {
        Some((v, Some(code))) => {
            if !raw_codes.is_empty() && !raw_codes.iter().any(|c| c == code) {
                diags.push(
                    at.error(
                        v,
                        format!("default_language `{code}` is not one of the listed languages"),
                    )
                    .with_hint(format!("use one of: {}", raw_codes.join(", "))),
                );
            }
            code.to_string()
        }
        None if !languages.is_empty() => languages[0].code.clone(),
        None => String::new(),
        Some((v, None)) => {
            diags.push(at.error(v, "`default_language` must be a language code"));
            String::new()
        }
    }
}

/// Text, or a map from language code to text (`title`, an edition's `name`).
pub fn localised(
    key: &str,
    v: &Node,
    default_language: &str,
    languages: &[Language],
    at: &Located,
    diags: &mut Vec<Diagnostic>,
) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    if let Some(s) = v.as_text() {
        out.insert(default_language.to_string(), s.to_string());
        return out;
    }
    let Some(entries) = v.entries() else {
        diags.push(
            at.error(
                v,
                format!("`{key}` must be text, or a map from language code to text"),
            )
            .with_hint(format!("{key}: {{ en: ..., fr: ... }}")),
        );
        return out;
    };
    for (k, t) in entries {
        match (k.as_text(), t.as_text()) {
            (Some(code), Some(s)) => {
                if !languages.iter().any(|l| l.code == code) {
                    diags.push(at.warning(
                        k,
                        format!("{key} given for `{code}`, which is not a listed language"),
                    ));
                }
                out.insert(code.to_string(), s.to_string());
            }
            _ => diags.push(at.error(k, format!("`{key}` entries must be `code: text`"))),
        }
    }
    out
}

/// A title map (`title: { en: ..., fr: ... }`) without some of the site's
/// languages: those pages silently showed the default language's title.
pub fn untitled_languages(
    v: &Node,
    title: &BTreeMap<String, String>,
    default_language: &str,
    languages: &[Language],
    at: &Located,
    diags: &mut Vec<Diagnostic>,
) {
    let missing: Vec<&Language> = languages
        .iter()
        .filter(|l| !title.contains_key(&l.code))
        .collect();
    if missing.is_empty() || title.is_empty() {
        return;
    }
    let codes: Vec<String> = missing.iter().map(|l| format!("`{}`", l.code)).collect();
    let shown = if title.contains_key(default_language) {
        format!("the `{default_language}` title")
    } else {
        "another language's title".to_string()
    };
    diags.push(
        at.warning(
            v,
            format!(
                "the site title has no entry for {}: pages in {} show {shown}",
                codes.join(", "),
                if missing.len() == 1 {
                    "that language"
                } else {
                    "those languages"
                }
            ),
        )
        .with_hint(format!(
            "add the title in each language under `title:`, e.g. `{}: ...`",
            missing[0].code
        )),
    );
}

pub fn base_url(v: &Node, at: &Located, diags: &mut Vec<Diagnostic>) -> Option<String> {
    match v.as_text() {
        _ if v.is_null() => None,
        Some(s) if s.starts_with("https://") || s.starts_with("http://") => {
            if let Some(why) = base_url_problem(s) {
                diags.push(
                    at.error(v, format!("`base_url` {why}"))
                        .with_hint("for example https://example.org/guidance/"),
                );
                return None;
            }
            let mut s = s.to_string();
            if !s.ends_with('/') {
                s.push('/');
            }
            Some(s)
        }
        _ => {
            diags.push(
                at.error(v, "`base_url` must be an http(s) address")
                    .with_hint("for example https://example.org/guidance/"),
            );
            None
        }
    }
}

/// What is wrong with an http(s) `base_url`, if anything. Its path is
/// written into `404.html` without the host, so `//` or `\` there would
/// make the browser read the next part as another host.
fn base_url_problem(s: &str) -> Option<&'static str> {
    let rest = s.split_once("://").map_or(s, |(_, r)| r);
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    if host.is_empty() {
        return Some("has no host");
    }
    if path.contains("//") || s.contains('\\') {
        return Some(
            "has `//` or `\\` in its path; a browser could read what follows as another host",
        );
    }
    if s.chars()
        .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '?' | '#' | '"' | '<' | '>'))
    {
        return Some("must be a plain address: no spaces, `?`, `#`, quotes or angle brackets");
    }
    None
}

/// `true`/`false`; `None` when not written (or empty), so each key keeps
/// its own default.
pub fn flag(key: &str, v: &Node, at: &Located, diags: &mut Vec<Diagnostic>) -> Option<bool> {
    if v.is_null() {
        return None;
    }
    let b = v.as_bool();
    if b.is_none() {
        diags.push(at.error(v, format!("`{key}` must be true or false")));
    }
    b
}

pub fn broken_links(v: &Node, at: &Located, diags: &mut Vec<Diagnostic>) -> BrokenLinks {
    match v.as_text() {
        Some("error") => BrokenLinks::Error,
        Some("warning") => BrokenLinks::Warning,
        _ => {
            diags.push(
                at.error(v, "`broken_links` must be `error` or `warning`").with_hint(
                    "error (the default) stops the build; warning publishes a broken link as its text, with a warning",
                ),
            );
            BrokenLinks::Error
        }
    }
}

pub fn review_every(v: &Node, at: &Located, diags: &mut Vec<Diagnostic>) -> Option<Period> {
    match Period::parse(v.as_text().unwrap_or("")) {
        Ok(p) => Some(p),
        Err(why) => {
            diags.push(
                at.error(v, format!("`review_every`: {why}"))
                    .with_hint("for example review_every: 6 months (or days, weeks, years)"),
            );
            None
        }
    }
}

/// `base: ../global`: the folder of the site this edition adapts, as
/// written (resolved and checked by the loader).
pub fn base(v: &Node, at: &Located, diags: &mut Vec<Diagnostic>) -> Option<PathBuf> {
    match v.as_text() {
        Some(s) if !s.trim().is_empty() && !s.chars().any(char::is_control) => {
            Some(PathBuf::from(s))
        }
        _ => {
            diags.push(
                at.error(v, "`base` must be the path of the base site's folder")
                    .with_hint("for example base: ../global"),
            );
            None
        }
    }
}

/// `edition: { name: { en: Kenya edition, fr: Édition Kenya } }`.
pub fn edition(
    v: &Node,
    default_language: &str,
    languages: &[Language],
    at: &Located,
    diags: &mut Vec<Diagnostic>,
) -> Option<Edition> {
    let Some(entries) = v.entries() else {
        diags.push(at.shape_error(
            v,
            "`edition` must be a mapping".into(),
            "edition: { name: { en: Kenya edition } }",
        ));
        return None;
    };
    let mut edition = Edition::default();
    for (k, value) in entries {
        match k.as_text().unwrap_or("") {
            "name" => {
                edition.name = localised("name", value, default_language, languages, at, diags);
            }
            other => diags.push(at.unknown_key(
                k,
                &["name"],
                format!("unknown key `{other}` in `edition:`"),
                None,
            )),
        }
    }
    Some(edition)
}
