//! Link rewriting: authors link to files (`01-indicators.md#signs`,
//! `images/flow.png`); readers get relative links to pages and files in
//! their own language's folder.

use crate::content::load::split_lang;
use crate::content::model::{NodeId, Site};
use std::path::{Component, Path, PathBuf};

#[derive(Debug, PartialEq, Eq)]
pub enum Target {
    /// Another host or an app (`https:`, `mailto:`, `tel:`).
    External(String),
    /// A page of the site; `lang` is set when the link names a language.
    Page {
        node: NodeId,
        lang: Option<usize>,
        fragment: Option<String>,
    },
    /// A file copied from `guidance/`.
    Asset {
        asset: usize,
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
}

const SAFE_SCHEMES: &[&str] = &["http", "https", "mailto", "tel"];

/// The scheme as a browser would see it: case and embedded whitespace or
/// control characters do not hide `javascript:`.
fn scheme_of(dest: &str) -> Option<String> {
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

/// Resolves `dest`, written in a file in folder `dir` (relative to `guidance/`).
pub fn resolve(site: &Site, dir: &Path, dest: &str) -> Target {
    let dest = dest.trim();
    if dest.is_empty() {
        return Target::Empty;
    }
    if let Some(scheme) = scheme_of(dest) {
        return if SAFE_SCHEMES.contains(&scheme.as_str()) {
            Target::External(dest.to_string())
        } else {
            Target::Unsafe(scheme)
        };
    }
    if dest.starts_with("//") {
        return Target::External(format!("https:{dest}"));
    }
    if let Some(frag) = dest.strip_prefix('#') {
        return Target::SamePage(percent_decode(frag));
    }
    let (path_part, fragment) = match dest.split_once('#') {
        Some((p, f)) => (p, Some(percent_decode(f)).filter(|f| !f.is_empty())),
        None => (dest, None),
    };
    let path_part = path_part.split_once('?').map_or(path_part, |(p, _)| p);
    let decoded = percent_decode(path_part);
    let joined = if let Some(abs) = decoded.strip_prefix('/') {
        PathBuf::from(abs)
    } else {
        dir.join(&decoded)
    };
    let Some(path) = normalize(&joined) else {
        return Target::Missing {
            message: format!("link `{dest}` points outside the guidance folder"),
            hint: None,
        };
    };
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let lower = name.to_ascii_lowercase();
    let md_stem = [".md", ".markdown"]
        .iter()
        .find(|e| lower.ends_with(*e))
        .map(|e| &name[..name.len() - e.len()]);
    if let Some(stem) = md_stem {
        let parent = path.parent().unwrap_or(Path::new(""));
        let (stem, lang) = match split_lang(stem, &site.config) {
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
            None => Target::Missing {
                message: format!("link to a missing page `{dest}`"),
                hint: suggest_page(site, parent, stem),
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
    if let Some(&asset) = site.asset_by_source.get(&path) {
        return Target::Asset { asset, fragment };
    }
    if let Some(&node) = site.by_source.get(&path.join("index")) {
        return Target::Page {
            node,
            lang: None,
            fragment,
        };
    }
    let hint = if lower.ends_with(".html") {
        Some("link to the Markdown file (`chapter.md`), not to the page it becomes".to_string())
    } else {
        None
    };
    Target::Missing {
        message: format!("link to a missing file `{dest}`"),
        hint,
    }
}

fn suggest_page(site: &Site, dir: &Path, stem: &str) -> Option<String> {
    let (_, slug) = crate::slug::order_and_slug(stem);
    site.by_source
        .iter()
        .filter(|(k, _)| k.parent() == Some(dir))
        .filter(|(_, n)| site.nodes[**n].slug == slug)
        .map(|(k, _)| {
            k.file_name()
                .and_then(|f| f.to_str())
                .unwrap_or("")
                .to_string()
        })
        .min()
        .map(|f| format!("did you mean `{f}.md`?"))
}

/// Resolves `.` and `..`; `None` when the path climbs above its root.
fn normalize(p: &Path) -> Option<PathBuf> {
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

pub fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
            if let Some(v) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Percent-encodes what a URL path cannot hold as is. Letters of any
/// script stay readable.
pub fn encode_path(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_alphanumeric()
            || matches!(
                c,
                '-' | '_'
                    | '.'
                    | '~'
                    | '/'
                    | '!'
                    | '$'
                    | '&'
                    | '\''
                    | '('
                    | ')'
                    | '*'
                    | '+'
                    | ','
                    | ';'
                    | '='
                    | '@'
            )
        {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// The relative URL from the page at `from` to `to`, both paths inside the
/// output folder (`en/pub/a.html`, `en/pub/part/b.html`).
pub fn relative(from: &str, to: &str) -> String {
    let from_dirs: Vec<&str> = from.split('/').collect();
    let from_dirs = &from_dirs[..from_dirs.len() - 1];
    let to_parts: Vec<&str> = to.split('/').collect();
    let common = from_dirs
        .iter()
        .zip(&to_parts[..to_parts.len() - 1])
        .take_while(|(a, b)| a == b)
        .count();
    let mut out = "../".repeat(from_dirs.len() - common);
    out.push_str(&to_parts[common..].join("/"));
    if out.is_empty() {
        out.push_str("index.html");
    }
    out
}

/// `../../` from a page at `from` back to the output root.
pub fn root_prefix(from: &str) -> String {
    "../".repeat(from.matches('/').count())
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn relative_urls() {
        assert_eq!(relative("en/pub/a.html", "en/pub/b.html"), "b.html");
        assert_eq!(
            relative("en/pub/a.html", "en/pub/part/b.html"),
            "part/b.html"
        );
        assert_eq!(relative("en/pub/part/b.html", "en/pub/a.html"), "../a.html");
        assert_eq!(
            relative("en/pub/a.html", "en/other/index.html"),
            "../other/index.html"
        );
        assert_eq!(
            relative("en/pub/a.html", "fr/pub/a.html"),
            "../../fr/pub/a.html"
        );
        assert_eq!(relative("index.html", "en/index.html"), "en/index.html");
        assert_eq!(
            relative("en/index.html", "assets/site.css"),
            "../assets/site.css"
        );
        assert_eq!(root_prefix("en/pub/a.html"), "../../");
        assert_eq!(root_prefix("index.html"), "");
    }

    #[test]
    fn encoding() {
        assert_eq!(
            encode_path("images/my photo#1.png"),
            "images/my%20photo%231.png"
        );
        assert_eq!(encode_path("ar/دليل.html"), "ar/دليل.html");
        assert_eq!(percent_decode("my%20photo%231.png"), "my photo#1.png");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%E2%9C%93"), "✓");
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
        /// Rewritten relative links never leave the output folder.
        #[test]
        fn relative_links_stay_inside(
            from in proptest::collection::vec("[a-z]{1,6}", 1..5),
            to in proptest::collection::vec("[a-z]{1,6}", 1..5),
        ) {
            let from = format!("{}.html", from.join("/"));
            let to = format!("{}.html", to.join("/"));
            let rel = relative(&from, &to);
            // Resolve it again from `from` and land exactly on `to`.
            let mut parts: Vec<&str> = from.split('/').collect();
            parts.pop();
            for seg in rel.split('/') {
                if seg == ".." {
                    prop_assert!(parts.pop().is_some(), "{rel} climbs out of the site");
                } else {
                    parts.push(seg);
                }
            }
            prop_assert_eq!(parts.join("/"), to);
        }

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
