//! Splitting a Markdown file into its YAML front matter and body, and reading
//! the keys fieldguide knows. Every problem is reported at its line and
//! column in the file, not in the front-matter block.

mod comment_cut;
mod dates;
mod keys;
mod meta_lines;
mod plain_text;
pub mod print;
mod split;
pub mod toml;

pub use dates::{date_hint, date_message, is_date};
pub use print::{ChecklistOptions, Margins, PaperSize, PrintOptions};
pub use split::{Split, SplitError, split};

use crate::diagnostics::{Diagnostic, Severity};
use crate::yaml::Located;
use serde::Serialize;
use serde_yaml::Value;
use std::collections::BTreeSet;
use std::path::Path;

/// Keys whose value only describes a page: a bad one loses that alone.
const LENIENT_KEYS: &[&str] = &[
    "reviewed", "status", "version", "summary", "author", "order", "weight", "aliases",
];

/// Keys of any page.
const PAGE_KEYS: &[&str] = &[
    "title",
    "summary",
    "order",
    "extra",
    "translation_of",
    "draft",
    "aliases",
    "omit",
    "adapts",
    "sidebar_position",
    "nav_order",
];
/// Keys that only mean something on a publication's `index` page.
const PUBLICATION_KEYS: &[&str] = &[
    "kind",
    "version",
    "reviewed",
    "status",
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
    /// Hugo's `weight`: the order of a page whose name has no number.
    pub weight: Option<i64>,
    pub translation_of: Option<String>,
    /// What a publication's `index` says of the publication: boxed, since
    /// a chapter says none of it and every document of the site is kept
    /// (30,000 documents: 4 MB less). Read through [`FrontMatter::about`].
    #[serde(flatten)]
    pub publication: Option<Box<About>>,
    /// Anything under `extra:`, handed to templates untouched. Boxed: few
    /// pages have it, and every document of the site is kept.
    pub extra: Option<Box<Value>>,
    /// `draft: true`: left out of `build` unless drafts are asked for.
    pub draft: bool,
    /// `omit: true`: a local edition leaves this page of its base out.
    pub omit: bool,
    /// Earlier page names that should still lead here (`aliases:`), each a
    /// safe relative name (`old-name`, `part/old-name`), as written.
    pub aliases: Vec<String>,
    /// `adapts:`: the hash of the base edition's page this one adapts.
    pub adapts: Option<String>,
}

/// The keys of a publication's `index` that describe the publication.
#[derive(Debug, Clone, Default, Serialize)]
pub struct About {
    pub kind: Option<Kind>,
    pub version: Option<String>,
    pub reviewed: Option<String>,
    pub author: Option<String>,
    /// `sample`, `draft` or `final`: shown on the cover and pages when not final.
    pub status: Option<String>,
    pub print: Option<PrintOptions>,
    pub checklist: Option<ChecklistOptions>,
}

/// What a page without those keys says: nothing.
static SAYS_NOTHING: About = About {
    kind: None,
    version: None,
    reviewed: None,
    author: None,
    status: None,
    print: None,
    checklist: None,
};

impl FrontMatter {
    /// The publication keys this page gives (all `None` on a chapter).
    pub fn about(&self) -> &About {
        self.publication.as_deref().unwrap_or(&SAYS_NOTHING)
    }

    fn about_mut(&mut self) -> &mut About {
        self.publication.get_or_insert_with(Box::default)
    }
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
/// `lenient` (`broken_links: warning`): a bad value of a key that only
/// describes the page ([`LENIENT_KEYS`]) is a warning, and the page is
/// published without it: an old corpus's odd dates should not stop a site.
pub fn parse(
    split: &Split,
    rel: &Path,
    role: Role,
    lenient: bool,
    diags: &mut Vec<Diagnostic>,
) -> Option<FrontMatter> {
    let at = Located {
        rel,
        line_offset: split.yaml_line - 1,
        what: "front matter",
    };
    let errors = |d: &[Diagnostic]| d.iter().filter(|d| d.severity == Severity::Error).count();
    let before = errors(diags);
    let root = at.read(split.yaml, diags).ok()?;
    let mut fm = FrontMatter::default();
    if let Some(root) = &root {
        let Some(entries) = root.entries() else {
            diags.push(
                at.error(root, "front matter must be `key: value` lines")
                    .with_hint("for example:\n      ---\n      title: Indicators\n      ---"),
            );
            return None;
        };
        read_keys(&mut fm, entries, role, lenient, &at, diags);
        comment_cut::check(split.yaml, entries, &at, diags);
        if let Some(p) = &fm.about().print {
            let default = match fm.about().kind {
                Some(Kind::PocketGuide) => PaperSize::A6,
                _ => PaperSize::A4,
            };
            if let (Some(msg), Some(node)) = (print::check_fits(p, default), root.get("print")) {
                let node = node.get("margins").unwrap_or(node);
                diags.push(at.error(node, msg).with_hint("use narrower margins"));
            }
        }
    }
    // A page that only drops its base's page from an edition needs no
    // title. A `title:` whose value was refused has its own message.
    let refused = fm.title.is_none()
        && root
            .as_ref()
            .and_then(|r| r.get("title"))
            .is_some_and(|v| !v.is_null());
    // A title of invisible characters (a zero-width space pasted from
    // Word) would be a heading and a navigation entry that show nothing.
    let blank = |t: &str| t.chars().all(crate::text::is_invisible);
    if fm.title.as_deref().is_none_or(blank) && !fm.omit && !refused {
        let what = match role {
            Role::PublicationIndex => "every publication",
            Role::PartIndex => "every part",
            Role::Chapter => "every chapter",
        };
        let hint = title_hint(what, *split, rel);
        // A `title:` that is there but empty is said at its line.
        let given = root.as_ref().and_then(|r| r.entries()).and_then(|e| {
            e.iter()
                .find(|(k, _)| k.as_text() == Some("title"))
                .map(|(k, v)| (k, v))
        });
        diags.push(match given {
            Some((k, v)) => empty_title(k, v, &at, hint),
            None => Diagnostic::error(
                rel,
                split.yaml_line.saturating_sub(1).max(1),
                1,
                "missing `title` in front matter",
            )
            .with_hint(hint),
        });
        return None;
    }
    (errors(diags) == before).then_some(fm)
}

/// The error for a `title:` with nothing in it, at its key: a plain
/// `Null` or `~` is YAML's word for no value, so it is told to quote it.
fn empty_title(
    k: &crate::yaml::Node,
    v: &crate::yaml::Node,
    at: &Located,
    hint: String,
) -> Diagnostic {
    match v.scalar().map(|s| s.text.as_str()) {
        Some(word) if v.is_null() && !word.is_empty() => at
            .error(
                v,
                format!("`title` is empty: YAML reads `{word}` as no value"),
            )
            .with_hint(format!("quote it to make it text: title: \"{word}\"")),
        Some(text) if !text.trim().is_empty() => at
            .error(v, "`title` holds only invisible characters")
            .with_hint(hint),
        _ => at.error(k, "`title` is empty").with_hint(hint),
    }
}

/// The hint for a page without a title: the front matter to write, with
/// the `Title:` and `Summary:` lines its text has when it was written
/// for MultiMarkdown, Pelican or MkDocs, and those lines (or Notion's
/// properties under its heading) to delete.
fn title_hint(what: &str, split: Split, rel: &Path) -> String {
    let (title, from) = suggested_title(split.body, rel);
    // A heading with `: ` (Confluence's `Handbook : Signs`, `Safety: a
    // plan`) is no YAML value as it is: quoted, the line is read.
    let title = meta_lines::yaml_text(&title);
    let Some(meta) = meta_lines::find(split.body) else {
        return format!("{what} needs a title{from}:\n      ---\n      title: {title}\n      ---");
    };
    let (title, from) = match &meta.title {
        Some(t) => (meta_lines::yaml_text(t), ", as its `Title:` line says"),
        None => (title, from),
    };
    let summary = meta.summary.as_deref().map_or_else(String::new, |s| {
        format!("\n      summary: {}", meta_lines::yaml_text(s))
    });
    let (first, last) = (split.body_line + meta.first, split.body_line + meta.last);
    let lines = if first == last {
        format!("line {first}")
    } else {
        format!("lines {first} to {last}")
    };
    let whose = if meta.under_heading {
        "Notion's page properties"
    } else {
        "metadata as MultiMarkdown, Pelican and MkDocs write it"
    };
    format!(
        "{what} needs a title{from}:\n      ---\n      title: {title}{summary}\n      ---\n    and delete the `Key: value` {lines}, {whose}: Markdown reads such lines only as front matter, and publishes them as a paragraph of text"
    )
}

/// A title to suggest for a page without one: its first `# heading` (a
/// wiki or mdBook page has one), else its file name made readable
/// (`02-informed-consent.fr.md`, `Informed-Consent.md`); with where it
/// came from, for the hint.
fn suggested_title(body: &str, rel: &Path) -> (String, &'static str) {
    let heading = body.lines().take(40).find_map(|l| {
        let t = l.trim_start_matches('\u{feff}').strip_prefix("# ")?;
        let t = t.trim().trim_end_matches('#').trim();
        (!t.is_empty()).then(|| t.to_string())
    });
    if let Some(h) = heading {
        return (h, ", as its first heading says");
    }
    let stem = rel.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    // Without a language suffix (`.fr`) and an order number (`02-`).
    let stem = stem.split('.').next().unwrap_or(stem);
    let stem = stem.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    let words: Vec<&str> = stem
        .split(['-', '_', ' '])
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return ("Indicators".into(), "");
    }
    let mut title = words.join(" ");
    if title.chars().all(|c| !c.is_uppercase())
        && let Some(first) = title.chars().next()
    {
        title = first.to_uppercase().chain(title.chars().skip(1)).collect();
    }
    (title, ", for example from its file name")
}

/// Where front-matter key `key` is written in a file: (line, column),
/// 1-based; (1, 1) when it cannot be found.
pub fn key_line(text: &str, key: &str) -> (usize, usize) {
    let mut lines = text.lines().enumerate();
    // The front matter: from the opening `---` to the closing one.
    lines.next();
    for (i, line) in lines {
        if line.trim_end() == "---" {
            break;
        }
        if line
            .strip_prefix(key)
            .is_some_and(|r| r.trim_start().starts_with(':'))
        {
            return (i + 1, 1);
        }
    }
    (1, 1)
}

#[cfg(test)]
mod tests;

/// Reads each key of the front matter into `fm` (see [`parse`]).
fn read_keys(
    fm: &mut FrontMatter,
    entries: &[(crate::yaml::Node, crate::yaml::Node)],
    role: Role,
    lenient: bool,
    at: &Located,
    diags: &mut Vec<Diagnostic>,
) {
    let known: Vec<&str> = PAGE_KEYS.iter().chain(PUBLICATION_KEYS).copied().collect();
    let mut seen = BTreeSet::new();
    for (k, v) in entries {
        let Some(key) = k.as_text() else {
            diags.push(at.error(k, "front-matter keys must be text"));
            continue;
        };
        // A key given twice is already an error; read the first only.
        if !seen.insert(key) {
            continue;
        }
        let has = |name: &str| entries.iter().any(|(k, _)| k.as_text() == Some(name));
        // `Title:`, `SUMMARY:`: a known key in other capitals, as other
        // tools write them, is read as that key.
        let lower = key.to_lowercase();
        let key = match known
            .iter()
            .chain(&["description", "weight"])
            .find(|&&n| n == lower)
        {
            Some(&n) if n != key && !has(n) => {
                diags.push(
                    at.warning(k, format!("front-matter key `{key}` read as `{n}`"))
                        .with_hint(format!("fieldguide's keys are lowercase: write `{n}:`")),
                );
                n
            }
            _ => key,
        };
        // Hugo's `description` is a summary, when there is no `summary:`.
        let key = if key == "description" && !has("summary") {
            "summary"
        } else {
            key
        };
        if role != Role::PublicationIndex && PUBLICATION_KEYS.contains(&key) {
            // Ignored here, so a value of the wrong type is no error
            // either: one message. (Read all the same, as before.)
            diags.push(at.warning(
                k,
                format!("`{key}` only applies to a publication's index page; it is ignored here"),
            ));
            keys::apply(fm, key, k, v, at, &mut Vec::new());
            continue;
        }
        let mark = diags.len();
        let known_key = keys::apply(fm, key, k, v, at, diags);
        if lenient && LENIENT_KEYS.contains(&key) {
            for d in &mut diags[mark..] {
                d.severity = Severity::Warning;
                d.note = Some("`broken_links: warning`: the page is published without it".into());
            }
        }
        if !known_key {
            let hint = language_key(key, v);
            let hint = hint.as_deref().or(other_tools(key));
            // Another tool's key is said for what it is, not as a typo of
            // ours (`translationKey` is no `translation_of`).
            let known: &[&str] = if hint.is_some() { &[] } else { &known };
            diags.push(at.unknown_key(
                k,
                known,
                format!("unknown front-matter key `{key}`"),
                Some(hint.unwrap_or("put your own keys under `extra:` to pass them to templates")),
            ));
        }
    }
}

/// `lang: fr` (pandoc, Jekyll's multilingual plugins): not read, so the
/// page was taken for one of the default language without a word.
fn language_key(key: &str, v: &crate::yaml::Node) -> Option<String> {
    if !matches!(key, "lang" | "language" | "locale") {
        return None;
    }
    let code = v.as_text().unwrap_or("fr").replace('_', "-");
    Some(format!(
        "a page's language comes from its file name, not from `{key}:`: a page in `{code}` is named `<name>.{code}.md`; without such a suffix, it is read as a page of the default language"
    ))
}

/// What a key of Hugo or Jekyll front matter is called here, or why it is
/// not needed: moving a site in, an author meets these on every page.
fn other_tools(key: &str) -> Option<&'static str> {
    Some(match key {
        "weight" => {
            "fieldguide calls it `order` (or leave it out: the file's number prefix orders pages)"
        }
        "description" => "fieldguide calls it `summary`",
        "slug" | "url" | "permalink" => {
            "the file's name gives the page's address: rename the file (and list the old name in `aliases:`)"
        }
        "layout" | "type" => "the page's place gives its template: chapter, part or publication",
        // jekyll-multiple-languages' and Hugo's link between translations.
        "ref" | "lang-ref" | "lang_ref" | "translationKey" => {
            "a page's translations are found by its file name (`referral.en.md`, `referral.fr.md`), so this key is not needed"
        }
        _ => return None,
    })
}
