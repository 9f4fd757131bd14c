//! One small reader per front-matter key. Each reports its own problems at
//! the value's line and column.

use super::dates::{date_hint, date_message, day_of, is_date};
use super::plain_text::{markup_shown, unwrapped};
use super::print::{parse_checklist, parse_print};
use super::{FrontMatter, Kind};
use crate::diagnostics::Diagnostic;
use crate::yaml::{Located, Node};

/// Reads `key` into `fm`; false when fieldguide does not know the key.
pub fn apply(
    fm: &mut FrontMatter,
    key: &str,
    k: &Node,
    v: &Node,
    at: &Located,
    diags: &mut Vec<Diagnostic>,
) -> bool {
    match key {
        // An empty `title:` is reported as a missing title, once.
        "title" if v.is_null() => fm.title = None,
        "title" => {
            fm.title = text(key, k, v, at, diags);
            markup_shown(key, v, at, diags);
            unwrap(&mut fm.title, key, v, at, diags);
        }
        // Any other key left empty (`summary:`, `draft:`, as templates and
        // converters leave them) is as if not given: nothing to read. Not
        // a stamp, which fieldguide writes: an empty one is a broken stamp.
        _ if v.is_null() && !matches!(key, "translation_of" | "adapts") => {
            return super::PAGE_KEYS.contains(&key) || super::PUBLICATION_KEYS.contains(&key);
        }
        "summary" => {
            fm.summary = text(key, k, v, at, diags);
            markup_shown(key, v, at, diags);
            unwrap(&mut fm.summary, key, v, at, diags);
        }
        "version" => fm.about_mut().version = text(key, k, v, at, diags),
        "author" => fm.about_mut().author = authors(key, k, v, at, diags),
        "translation_of" => fm.translation_of = text(key, k, v, at, diags),
        "order" => fm.order = order(key, k, v, at, diags),
        "weight" => fm.weight = order(key, k, v, at, diags),
        // Docusaurus's and Just the Docs' names for Hugo's `weight`.
        "sidebar_position" | "nav_order" => fm.weight = position(key, k, v, at, diags),
        "kind" => fm.about_mut().kind = kind(k, v, at, diags),
        "reviewed" => fm.about_mut().reviewed = reviewed(k, v, at, diags),
        "status" => fm.about_mut().status = status(k, v, at, diags),
        "print" => fm.about_mut().print = Some(parse_print(v, at, diags)),
        "checklist" => fm.about_mut().checklist = Some(parse_checklist(v, at, diags)),
        "extra" => fm.extra = Some(Box::new(v.to_value())),
        "draft" => fm.draft = flag(key, v, at, diags),
        "published" => published(fm, v, at, diags),
        "omit" => fm.omit = flag(key, v, at, diags),
        "aliases" => fm.aliases = aliases(v, at, diags),
        "adapts" => fm.adapts = adapts(k, v, at, diags),
        _ => return false,
    }
    true
}

/// Where to point when a value is missing: the key itself.
fn target<'n>(k: &'n Node, v: &'n Node) -> &'n Node {
    if v.is_null() { k } else { v }
}

/// Text, or a list of names (pandoc and Hugo write `author: [A, B]`),
/// joined as one would write them.
fn authors(
    key: &str,
    k: &Node,
    v: &Node,
    at: &Located,
    diags: &mut Vec<Diagnostic>,
) -> Option<String> {
    let names: Option<Vec<&str>> = v
        .items()
        .and_then(|items| items.iter().map(|n| Some(n.as_text()?.trim())).collect());
    match names {
        Some(names) if !names.is_empty() => Some(names.join(", ")),
        _ => text(key, k, v, at, diags),
    }
}

/// A title or summary with a click tracker's address in it is published
/// with the address inside (`plain_text::unwrapped`).
fn unwrap(
    value: &mut Option<String>,
    key: &str,
    v: &Node,
    at: &Located,
    diags: &mut Vec<Diagnostic>,
) {
    if let Some(s) = value.as_deref()
        && let Some(clean) = unwrapped(key, s, v, at, diags)
    {
        *value = Some(clean);
    }
}

fn text(
    key: &str,
    k: &Node,
    v: &Node,
    at: &Located,
    diags: &mut Vec<Diagnostic>,
) -> Option<String> {
    match v.as_text() {
        Some(s) => Some(s.trim().to_string()),
        None => {
            // A map is site.yaml's way (`title: { en: …, fr: … }`); a list,
            // YAML's reading of a value in brackets (`[Consent, Safety]`).
            let hint = if v.entries().is_some() {
                "a page holds one language, the one its file name gives: write the French text in `<name>.fr.md`, and so on (a map of languages is for `site.yaml`'s title)".to_string()
            } else if let Some(items) = v.items() {
                let shown: Vec<&str> = items.iter().filter_map(Node::as_text).collect();
                format!(
                    "a value in `[…]` is a list to YAML; for text that starts with `[`, put it in quotes: `{key}: \"[{}]\"`",
                    shown.join(", ")
                )
            } else {
                "quote it: key: \"...\"".to_string()
            };
            diags.push(
                at.error(target(k, v), format!("`{key}` must be text"))
                    .with_hint(hint),
            );
            None
        }
    }
}

fn order(key: &str, k: &Node, v: &Node, at: &Located, diags: &mut Vec<Diagnostic>) -> Option<i64> {
    let n = v.as_i64();
    if n.is_none() {
        // `order: 1.5`, as Word numbers a heading: a file name takes it.
        let hint = match v.as_f64() {
            Some(f) if f.is_finite() && f > 0.0 => format!(
                "`{key}` takes whole numbers (1, 2, 3); for {f} between them, start the file's name with it instead, `{f}-name.md`, and take the `{key}:` line away"
            ),
            _ => format!("{key}: 3"),
        };
        diags.push(
            at.error(target(k, v), format!("`{key}` must be a whole number"))
                .with_hint(hint),
        );
    }
    n
}

/// `sidebar_position: 2.5`: Docusaurus takes any number, fieldguide whole
/// ones. Not an error: the page only loses its place.
fn position(
    key: &str,
    k: &Node,
    v: &Node,
    at: &Located,
    diags: &mut Vec<Diagnostic>,
) -> Option<i64> {
    let n = v.as_i64();
    if n.is_none() {
        diags.push(
            at.warning(target(k, v), format!("`{key}` is not a whole number: ignored, so the page is placed by its name"))
                .with_hint("fieldguide orders pages by whole numbers: number them 1, 2, 3 (or 10, 20, 30, to leave room between them)"),
        );
    }
    n
}

fn kind(k: &Node, v: &Node, at: &Located, diags: &mut Vec<Diagnostic>) -> Option<Kind> {
    let kind = match v.as_text() {
        Some("guidelines") => Some(Kind::Guidelines),
        Some("checklist") => Some(Kind::Checklist),
        Some("pocket-guide") => Some(Kind::PocketGuide),
        _ => None,
    };
    if kind.is_none() {
        let shown = v
            .as_text()
            .map_or("(not text)".into(), |s| format!("`{s}`"));
        diags.push(
            at.error(target(k, v), format!("unknown kind {shown}"))
                .with_hint("kind is one of: guidelines, checklist, pocket-guide"),
        );
    }
    kind
}

fn reviewed(k: &Node, v: &Node, at: &Located, diags: &mut Vec<Diagnostic>) -> Option<String> {
    match v.as_text().map(day_of) {
        Some(s) if is_date(s) => Some(s.to_string()),
        _ => {
            diags.push(
                at.error(target(k, v), date_message("reviewed", v.as_text()))
                    .with_hint(date_hint("reviewed", v.as_text())),
            );
            None
        }
    }
}

fn status(k: &Node, v: &Node, at: &Located, diags: &mut Vec<Diagnostic>) -> Option<String> {
    match v.as_text() {
        Some(st @ ("sample" | "draft" | "final")) => Some(st.to_string()),
        _ => {
            diags.push(
                at.error(target(k, v), "`status` must be sample, draft or final")
                    .with_hint("status: draft"),
            );
            None
        }
    }
}

fn flag(key: &str, v: &Node, at: &Located, diags: &mut Vec<Diagnostic>) -> bool {
    match v.as_bool() {
        Some(b) => b,
        None => {
            diags.push(
                at.error(v, format!("`{key}` must be true or false"))
                    .with_hint(flag_hint(key, v.as_text())),
            );
            false
        }
    }
}

/// The value the author meant: `no`, `off` and `0` were false in YAML 1.1
/// (Hugo's and Jekyll's front matter), and `"false"` is false in quotes.
fn flag_hint(key: &str, text: Option<&str>) -> String {
    let meant = text.map(|t| t.trim().to_ascii_lowercase());
    match meant.as_deref() {
        Some(word @ ("no" | "n" | "off" | "0" | "false")) => {
            format!("write `{key}: false`: `{word}` is read as text here, not as false")
        }
        Some(word @ ("yes" | "y" | "on" | "1" | "true")) => {
            format!("write `{key}: true`: `{word}` is read as text here, not as true")
        }
        _ => format!("write `{key}: true` or `{key}: false`"),
    }
}

/// Jekyll's `published: false`: its author meant the page to stay out of
/// the site. Read as `draft: true`, so that moving a site in never
/// publishes it; `published: true` changes nothing.
fn published(fm: &mut FrontMatter, v: &Node, at: &Located, diags: &mut Vec<Diagnostic>) {
    let (msg, hint) = match v.as_bool() {
        Some(false) => {
            fm.draft = true;
            (
                "Jekyll's `published: false` is read as `draft: true`: the page is left out of the site",
                "write `draft: true` instead (`--drafts` includes the page, marked as a draft)",
            )
        }
        Some(true) => (
            "`published: true` is not needed: a page is published unless it has `draft: true`",
            "delete the line",
        ),
        None => {
            flag("published", v, at, diags);
            return;
        }
    };
    diags.push(at.warning(v, msg).with_hint(hint));
}

fn adapts(k: &Node, v: &Node, at: &Located, diags: &mut Vec<Diagnostic>) -> Option<String> {
    match v.as_text() {
        Some(h) if h.len() == 16 && h.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) => {
            Some(h.to_string())
        }
        _ => {
            diags.push(
                at.error(
                    target(k, v),
                    "`adapts` must be the 16-character hash of the page it adapts",
                )
                .with_hint(
                    "for example adapts: 081524f1c3eaa8cd (lowercase letters a-f and digits)",
                ),
            );
            None
        }
    }
}

/// `aliases: [old-name, part/old-name]` (or one name): names a page had,
/// checked to be safe to write as files.
fn aliases(v: &Node, at: &Located, diags: &mut Vec<Diagnostic>) -> Vec<String> {
    let items: Vec<&Node> = match v.items() {
        Some(items) => items.iter().collect(),
        None if v.as_text().is_some() => vec![v],
        None => {
            diags.push(
                at.error(v, "`aliases` must be a list of earlier page names")
                    .with_hint("aliases: [old-page-name]"),
            );
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    for item in items {
        let name = item.as_text().unwrap_or("");
        match alias_problem(name).map(|(why, hint)| (why, placed(name, at.rel).unwrap_or(hint))) {
            None => out.push(name.to_string()),
            Some((why, hint)) => diags.push(
                at.error(item, format!("alias `{name}` {why}"))
                    .with_hint(hint),
            ),
        }
    }
    out
}

/// For a Hugo alias written from the site's root with the language and
/// the publication (`/en/handbook/referral/old-steps/`), the name relative
/// to the publication of the page at `rel` (`guidance/handbook/referral/
/// 01-steps.md`), when the alias names that publication's folder:
/// `referral/old-steps/`, the hint to follow as it is.
fn placed(name: &str, rel: &std::path::Path) -> Option<String> {
    if !name.starts_with('/') || name.contains(':') {
        return None;
    }
    let mut folders = rel.components().filter_map(|c| c.as_os_str().to_str());
    folders.find(|c| *c == crate::content::load::CONTENT_DIR)?;
    let publication = crate::slug::order_and_slug(folders.next()?).1;
    let parts: Vec<&str> = name.split('/').filter(|s| !s.is_empty()).collect();
    let at = parts
        .iter()
        .position(|p| crate::slug::nfc(p) == publication)?;
    let rest = &parts[at + 1..];
    let last = rest.last()?.trim_end_matches(".html");
    let slash = if name.ends_with('/') { "/" } else { "" };
    let mut relative = rest[..rest.len() - 1].join("/");
    if !relative.is_empty() {
        relative.push('/');
    }
    let relative = format!("{relative}{last}{slash}");
    alias_problem(&relative).is_none().then(|| {
        format!("write the page's earlier name relative to its publication (`{publication}`): `{relative}`")
    })
}

/// Why `name` cannot be an alias, and how to write it instead.
pub fn alias_problem(name: &str) -> Option<(String, String)> {
    let plain = "write the page's earlier name, relative to its publication: old-page-name or part/old-page-name";
    let bad = |why: &str| Some((why.to_string(), plain.to_string()));
    if name.is_empty() {
        return bad("is empty");
    }
    // `[“old-name”]`: YAML quotes only with straight quotes, so Word's
    // curly ones would be part of the name, and the old address not kept.
    const CURLY: &[char] = &['“', '”', '„', '‘', '’', '‚', '«', '»', '‹', '›'];
    if name.starts_with(CURLY) || name.ends_with(CURLY) {
        return Some((
            "is wrapped in quotes a word processor typed, which YAML keeps as part of the name"
                .into(),
            format!(
                "write it with straight quotes, or none: {}",
                name.trim_matches(CURLY)
            ),
        ));
    }
    // Hugo writes aliases from the site's root, with the language and
    // section: `/en/principles/do-no-harm/`.
    if name.starts_with('/')
        && !name.contains(':')
        && let Some(last) = name.split('/').rev().find(|s| !s.is_empty())
    {
        let last = last.trim_end_matches(".html");
        // An address ending in `/` was a folder's: kept as one.
        let slash = if name.ends_with('/') { "/" } else { "" };
        return Some((
            "is not a relative name".into(),
            format!(
                "write the page's earlier name relative to its publication, as `{last}{slash}` (or `part/{last}{slash}` for a page in a part); an address elsewhere on the old site cannot be kept here"
            ),
        ));
    }
    if name.starts_with('/') || name.contains(':') {
        return bad("is not a relative name");
    }
    // `aliases: a, b`, as Jekyll's `tags: a, b` are written.
    let names: Vec<&str> = name.split(',').map(str::trim).collect();
    if names.len() > 1 && names.iter().all(|n| alias_problem(n).is_none()) {
        return Some((
            "is several names in one".into(),
            format!("write them as a list: aliases: [{}]", names.join(", ")),
        ));
    }
    for ext in [".html", ".md", ".htm"] {
        if let Some(stem) = name.strip_suffix(ext) {
            return Some((
                format!("ends with `{ext}`"),
                format!("write the page name only: {stem}"),
            ));
        }
    }
    if let Some(c) = name
        .chars()
        .find(|c| c.is_control() || "\\<>\"|?*#%".contains(*c) || c.is_whitespace())
    {
        let why = format!(
            "contains `{}`, which is not allowed in a page name",
            c.escape_default()
        );
        // Obsidian's `aliases:` are other titles for `[[…]]` links, written
        // with spaces, not earlier addresses: there is none to keep.
        if c == ' ' {
            return Some((
                why,
                format!(
                    "{plain}; Obsidian's `aliases:` (other titles for `[[…]]` links) are not addresses: if this is one, remove it"
                ),
            ));
        }
        return bad(&why);
    }
    // `old-steps/`: the old address was a folder's (see `aliases`).
    let (written, name) = (name, name.strip_suffix('/').unwrap_or(name));
    for part in name.split('/') {
        if part.is_empty() || part == "." || part == ".." {
            return bad("has an empty, `.` or `..` part");
        }
        if part.ends_with('.') || part.starts_with('.') {
            return bad("has a part that starts or ends with `.`");
        }
        let stem = part.split('.').next().unwrap_or(part);
        if crate::content::file_types::is_reserved(stem) {
            return bad(&format!("uses `{part}`, a name Windows reserves"));
        }
        // Each part is a file (`<part>.html`) or a folder name, which file
        // systems cap at 255 bytes; caught here, not when the build writes.
        if part.len() + ".html".len() > 255 {
            return bad(&format!(
                "has a part of {} bytes, too long for a file name (at most 250)",
                part.len()
            ));
        }
    }
    unseen_in_alias(written)
}

/// An alias is written as a file name: one holding a direction override
/// or isolate shows reordered (`x\u{202e}fdp.html` reads as `xlmth.pdf`),
/// and one holding a character that takes no room on screen
/// (a zero-width space, a direction mark) looks like another address, as a
/// page's name never does (`slug::slugify` leaves them out). The joiners
/// (U+200C, U+200D) are kept: Persian and Indic words are spelt with them.
fn unseen_in_alias(name: &str) -> Option<(String, String)> {
    let unseen = |c: char| {
        (crate::text::is_invisible(c) || c == '\u{61c}') && !matches!(c, '\u{200c}' | '\u{200d}')
    };
    let c = name.chars().find(|&c| unseen(c))?;
    let reorders = matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    let why = if reorders {
        "which reorders the name where it shows"
    } else {
        "which takes no room on screen, so the address looks like one without it"
    };
    let plain: String = name.chars().filter(|&c| !unseen(c)).collect();
    Some((
        format!("contains U+{:04X}, {why}", c as u32),
        format!("type the name again without it: {plain}"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_alias_names() {
        assert_eq!(alias_problem("old-name"), None);
        assert_eq!(alias_problem("part/old-name"), None);
        // A folder's address, as Hugo and Docusaurus wrote it.
        assert_eq!(alias_problem("part/old-name/"), None);
        assert_eq!(alias_problem("consentement-éclairé"), None);
        // Persian is spelt with the zero-width non-joiner.
        assert_eq!(alias_problem("می\u{200c}خواهم"), None);
        for (unseen, why) in [
            ("x\u{202e}fdp", "reorders"),
            ("a/x\u{2067}y", "reorders"),
            ("x\u{200b}y", "no room"),
            ("x\u{200f}y", "no room"),
            ("x\u{61c}y", "no room"),
            ("x\u{feff}y", "no room"),
        ] {
            let (said, hint) = alias_problem(unseen).unwrap_or_else(|| panic!("{unseen:?} passed"));
            assert!(said.contains(why), "{unseen:?}: {said}");
            assert!(
                hint.ends_with("without it: xy")
                    || hint.ends_with(": xfdp")
                    || hint.ends_with(": a/xy"),
                "{hint}"
            );
        }
        for bad in [
            "",
            "/etc/passwd",
            "../up",
            "a//b",
            "a/./b",
            "C:x",
            "a\\b",
            "old name",
            "x\u{1b}",
            ".hidden",
            "con",
            "part/COM1.txt",
            "what?",
        ] {
            assert!(alias_problem(bad).is_some(), "{bad:?}");
        }
        // The file check's list: superscript digits and the console's own
        // names are devices too.
        for reserved in [
            "con",
            "part/COM1.txt",
            "com\u{b9}",
            "old/LPT\u{b3}",
            "conin$",
            "CONOUT$.x",
        ] {
            let (why, _) = alias_problem(reserved).unwrap_or_else(|| panic!("{reserved:?} passed"));
            assert!(
                why.contains("a name Windows reserves"),
                "{reserved:?}: {why}"
            );
        }
        assert_eq!(alias_problem("console"), None);
        // `<alias>.html` must fit in a file name: 255 bytes.
        assert_eq!(alias_problem(&"a".repeat(250)), None);
        assert_eq!(alias_problem(&format!("{}/b", "a".repeat(250))), None);
        for long in [
            "a".repeat(251),
            "é".repeat(126),
            format!("p/{}", "a".repeat(251)),
        ] {
            let (why, _) = alias_problem(&long).unwrap_or_else(|| panic!("{long} passed"));
            assert!(why.contains("too long"), "{why}");
        }
        assert_eq!(
            alias_problem("old.html").unwrap().1,
            "write the page name only: old"
        );
    }
}
