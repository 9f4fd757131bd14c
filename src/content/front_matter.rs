//! Splitting a Markdown file into its YAML front matter and body, and reading
//! the keys fieldguide knows. Every problem is reported at its line in the
//! file, not in the front-matter block.

use crate::diagnostics::{Diagnostic, closest};
use crate::text::{key_lines, yaml_message};
use serde::Serialize;
use serde_yaml::Value;
use std::collections::BTreeMap;
use std::path::Path;

/// Keys of any page.
const PAGE_KEYS: &[&str] = &["title", "summary", "order", "extra", "translation_of"];
/// Keys that only mean something on a publication's `index` page.
const PUBLICATION_KEYS: &[&str] = &[
    "kind",
    "version",
    "reviewed",
    "print",
    "checklist",
    "author",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    #[default]
    Guidelines,
    Checklist,
    PocketGuide,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Guidelines => "guidelines",
            Kind::Checklist => "checklist",
            Kind::PocketGuide => "pocket-guide",
        }
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub summary: Option<String>,
    pub order: Option<i64>,
    pub kind: Option<Kind>,
    pub version: Option<String>,
    pub reviewed: Option<String>,
    pub author: Option<String>,
    pub translation_of: Option<String>,
    /// `sample`, `draft` or `final`: shown on the cover and pages when not final.
    pub status: Option<String>,
    /// `print:` and `checklist:` are read by the steps that use them.
    pub print: Option<Value>,
    pub checklist: Option<Value>,
    /// Anything under `extra:`, handed to templates untouched.
    pub extra: Option<Value>,
}

/// A file cut into front matter and body.
#[derive(Debug, Clone, Copy)]
pub struct Split<'a> {
    pub yaml: &'a str,
    /// 1-based line of the first YAML line.
    pub yaml_line: usize,
    pub body: &'a str,
    /// Byte offset of the body in the file text.
    pub body_offset: usize,
    /// Number of lines before the body (0-based line of the body's first line).
    pub body_line: usize,
}

fn is_fence(line: &str, closing: bool) -> bool {
    let l = line.trim_end_matches(['\n', '\r', ' ', '\t']);
    l == "---" || (closing && l == "...")
}

/// Cuts `text` (already decoded, no BOM) at the `---` lines.
pub fn split<'a>(text: &'a str) -> Result<Split<'a>, (usize, String)> {
    let first_end = text.find('\n').map_or(text.len(), |p| p + 1);
    if !is_fence(&text[..first_end], false) {
        return Ok(Split {
            yaml: "",
            yaml_line: 1,
            body: text,
            body_offset: 0,
            body_line: 0,
        });
    }
    let mut pos = first_end;
    let mut line_no = 1;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |p| pos + p + 1);
        line_no += 1;
        if is_fence(&text[pos..end], true) {
            return Ok(Split {
                yaml: &text[first_end..pos],
                yaml_line: 2,
                body: &text[end..],
                body_offset: end,
                body_line: line_no,
            });
        }
        pos = end;
    }
    Err((1, "the front matter starting here is never closed".into()))
}

/// Whether a page is a publication's (or part's) index, which may carry the
/// publication keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    PublicationIndex,
    PartIndex,
    Chapter,
}

/// Parses the YAML of a split file. Warnings and errors go to `diags`.
pub fn parse(
    split: &Split,
    rel: &Path,
    role: Role,
    diags: &mut Vec<Diagnostic>,
) -> Option<FrontMatter> {
    let offset = split.yaml_line - 1;
    let value: Value = if split.yaml.trim().is_empty() {
        Value::Null
    } else {
        match serde_yaml::from_str(split.yaml) {
            Ok(v) => v,
            Err(e) => {
                let (line, col) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
                // Never point past the front matter (YAML may count lines its own way).
                let last = split.yaml.lines().count() + 1;
                let (line, col) = if line > last { (last, 1) } else { (line, col) };
                diags.push(
                    Diagnostic::error(rel, line + offset, col, format!("invalid front matter: {}", yaml_message(&e)))
                        .with_hint("front matter is YAML: `key: value`, one per line; quote values that contain `: `"),
                );
                return None;
            }
        }
    };
    let map = match value {
        Value::Null => Default::default(),
        Value::Mapping(m) => m,
        _ => {
            diags.push(Diagnostic::error(
                rel,
                split.yaml_line,
                1,
                "front matter must be `key: value` lines",
            ));
            return None;
        }
    };
    let lines = key_lines(split.yaml);
    let line_of = |k: &str| lines.get(k).map_or(split.yaml_line, |l| l + offset);
    let mut fm = FrontMatter::default();
    let error = |key: &str, msg: String, hint: Option<&str>| {
        let d = Diagnostic::error(rel, line_of(key), 1, msg).with_width(key.chars().count());
        match hint {
            Some(h) => d.with_hint(h),
            None => d,
        }
    };
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let known: Vec<&str> = PAGE_KEYS.iter().chain(PUBLICATION_KEYS).copied().collect();

    for (k, v) in &map {
        let Some(key) = k.as_str() else {
            errors.push(error("", "front-matter keys must be text".into(), None));
            continue;
        };
        let text_value = || scalar(v);
        match key {
            "title" | "summary" | "version" | "author" | "translation_of" => match text_value() {
                Some(s) => {
                    let s = s.trim().to_string();
                    match key {
                        "title" => fm.title = Some(s),
                        "summary" => fm.summary = Some(s),
                        "version" => fm.version = Some(s),
                        "author" => fm.author = Some(s),
                        _ => fm.translation_of = Some(s),
                    }
                }
                None => errors.push(error(
                    key,
                    format!("`{key}` must be text"),
                    Some("quote it: key: \"...\""),
                )),
            },
            "order" => match v.as_i64() {
                Some(n) => fm.order = Some(n),
                None => errors.push(error(
                    key,
                    "`order` must be a whole number".into(),
                    Some("order: 3"),
                )),
            },
            "kind" => match v.as_str() {
                Some("guidelines") => fm.kind = Some(Kind::Guidelines),
                Some("checklist") => fm.kind = Some(Kind::Checklist),
                Some("pocket-guide") => fm.kind = Some(Kind::PocketGuide),
                _ => errors.push(error(
                    key,
                    format!(
                        "unknown kind {}",
                        scalar(v).map_or("(not text)".into(), |s| format!("`{s}`"))
                    ),
                    Some("kind is one of: guidelines, checklist, pocket-guide"),
                )),
            },
            "reviewed" => match text_value() {
                Some(s) if is_date(&s) => fm.reviewed = Some(s),
                _ => errors.push(error(
                    key,
                    "`reviewed` must be a date written YYYY-MM-DD".into(),
                    Some("reviewed: 2026-10-15"),
                )),
            },
            "status" => match v.as_str() {
                Some(st @ ("sample" | "draft" | "final")) => fm.status = Some(st.to_string()),
                _ => errors.push(error(
                    key,
                    "`status` must be sample, draft or final".into(),
                    Some("status: draft"),
                )),
            },
            "print" => fm.print = Some(v.clone()),
            "checklist" => fm.checklist = Some(v.clone()),
            "extra" => fm.extra = Some(v.clone()),
            _ => {
                let mut d = Diagnostic::warning(
                    rel,
                    line_of(key),
                    1,
                    format!("unknown front-matter key `{key}`"),
                )
                .with_width(key.chars().count());
                d = match closest(key, &known) {
                    Some(s) => d.with_hint(format!("did you mean `{s}`?")),
                    None => {
                        d.with_hint("put your own keys under `extra:` to pass them to templates")
                    }
                };
                warnings.push(d);
            }
        }
        if role != Role::PublicationIndex && PUBLICATION_KEYS.contains(&key) {
            warnings.push(
                Diagnostic::warning(
                    rel,
                    line_of(key),
                    1,
                    format!(
                        "`{key}` only applies to a publication's index page; it is ignored here"
                    ),
                )
                .with_width(key.chars().count()),
            );
        }
    }
    let failed = !errors.is_empty();
    diags.extend(errors);
    diags.extend(warnings);
    if fm.title.as_deref().is_none_or(str::is_empty) {
        let what = match role {
            Role::PublicationIndex => "every publication",
            Role::PartIndex => "every part",
            Role::Chapter => "every chapter",
        };
        diags.push(
            Diagnostic::error(
                rel,
                split.yaml_line.saturating_sub(1).max(1),
                1,
                "missing `title` in front matter",
            )
            .with_hint(format!(
                "{what} needs a title:\n      ---\n      title: Indicators\n      ---"
            )),
        );
        return None;
    }
    if failed { None } else { Some(fm) }
}

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && matches!(s[5..7].parse::<u8>(), Ok(1..=12))
        && matches!(s[8..10].parse::<u8>(), Ok(1..=31))
}

/// Values of `extra:` as a map for templates.
pub fn extra_map(fm: &FrontMatter) -> BTreeMap<String, Value> {
    match &fm.extra {
        Some(Value::Mapping(m)) => m
            .iter()
            .filter_map(|(k, v)| Some((k.as_str()?.to_string(), v.clone())))
            .collect(),
        _ => BTreeMap::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, role: Role) -> (Option<FrontMatter>, Vec<Diagnostic>) {
        let mut d = Vec::new();
        let s = split(text).unwrap();
        let fm = parse(&s, Path::new("a.md"), role, &mut d);
        (fm, d)
    }

    #[test]
    fn splits_with_crlf() {
        let s = split("---\r\ntitle: A\r\n---\r\nbody\r\n").unwrap();
        assert_eq!(s.yaml, "title: A\r\n");
        assert_eq!(s.body, "body\r\n");
        assert_eq!(s.body_line, 3);
    }

    #[test]
    fn unclosed_is_an_error() {
        assert_eq!(split("---\ntitle: A\nbody\n").unwrap_err().0, 1);
    }

    #[test]
    fn no_front_matter() {
        let s = split("# hi\n").unwrap();
        assert_eq!(s.body, "# hi\n");
    }

    #[test]
    fn yaml_error_line_is_counted_in_file() {
        let (fm, d) = run("---\ntitle: A\nsummary: [oops\n---\n", Role::Chapter);
        assert!(fm.is_none());
        assert_eq!(d[0].line, 4, "{d:?}");
    }

    #[test]
    fn unknown_key_warns_with_hint() {
        let (fm, d) = run("---\ntitle: A\nsumary: b\n---\n", Role::Chapter);
        assert!(fm.is_some());
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].line, 3);
        assert_eq!(d[0].hint.as_deref(), Some("did you mean `summary`?"));
    }

    #[test]
    fn missing_title() {
        let (fm, d) = run("---\ntitel: A\n---\n", Role::Chapter);
        assert!(fm.is_none());
        assert!(d.iter().any(|d| d.message.contains("missing `title`")));
        assert!(
            d.iter()
                .any(|d| d.hint.as_deref() == Some("did you mean `title`?"))
        );
    }

    #[test]
    fn publication_keys() {
        let (fm, d) = run(
            "---\ntitle: A\nkind: pocket-guide\nreviewed: 2026-01-31\nversion: 1.2\nextra: { a: 1 }\n---\n",
            Role::PublicationIndex,
        );
        assert!(d.is_empty(), "{d:?}");
        let fm = fm.unwrap();
        assert_eq!(fm.kind, Some(Kind::PocketGuide));
        assert_eq!(fm.version.as_deref(), Some("1.2"));
        assert_eq!(extra_map(&fm).len(), 1);
        let (_, d) = run(
            "---\ntitle: A\nreviewed: 2026-13-01\n---\n",
            Role::PublicationIndex,
        );
        assert_eq!(d[0].line, 3);
    }

    #[test]
    fn alias_bomb_is_bounded() {
        let mut y = String::from("---\ntitle: A\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let p = i - 1;
            y.push_str(&format!("a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"));
        }
        y.push_str("---\n");
        let (_, d) = run(&y, Role::Chapter);
        assert!(
            d.iter()
                .any(|d| d.severity == crate::diagnostics::Severity::Error),
            "{d:?}"
        );
    }
}
