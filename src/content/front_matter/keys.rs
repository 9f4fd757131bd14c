//! One small reader per front-matter key. Each reports its own problems at
//! the value's line and column.

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
        }
        "version" => fm.version = text(key, k, v, at, diags),
        "author" => fm.author = authors(key, k, v, at, diags),
        "translation_of" => fm.translation_of = text(key, k, v, at, diags),
        "order" => fm.order = order(key, k, v, at, diags),
        "weight" => fm.weight = order(key, k, v, at, diags),
        "kind" => fm.kind = kind(k, v, at, diags),
        "reviewed" => fm.reviewed = reviewed(k, v, at, diags),
        "status" => fm.status = status(k, v, at, diags),
        "print" => fm.print = Some(parse_print(v, at, diags)),
        "checklist" => fm.checklist = Some(parse_checklist(v, at, diags)),
        "extra" => fm.extra = Some(v.to_value()),
        "draft" => fm.draft = flag(key, v, at, diags),
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
            diags.push(
                at.error(target(k, v), format!("`{key}` must be text"))
                    .with_hint("quote it: key: \"...\""),
            );
            None
        }
    }
}

/// A title or summary is plain text: a local value (`{{hotline}}`) is not
/// filled in there, nor a Markdown link made, and readers would see the
/// braces or brackets. Said once per value, at it.
fn markup_shown(key: &str, v: &Node, at: &Located, diags: &mut Vec<Diagnostic>) {
    let Some(s) = v.as_text() else {
        return;
    };
    if let Some(value) = local_value(s) {
        diags.push(
            at.warning(
                v,
                format!("`{value}` in `{key}` is shown as written, in braces: local values are filled in only in a page's text"),
            )
            .with_hint(format!("write the words it stands for here, and `{value}` in the page's text")),
        );
    } else if let Some((entity, ch)) = html_entity(s) {
        diags.push(
            at.warning(
                v,
                format!(
                    "`{entity}` in `{key}` is shown as written: `{key}` is plain text, not HTML"
                ),
            )
            .with_hint(format!("write the character itself: {ch}")),
        );
    } else if let Some((link, words)) = markdown_link(s) {
        diags.push(
            at.warning(
                v,
                format!(
                    "`{link}` in `{key}` is shown as written: `{key}` is plain text, not Markdown"
                ),
            )
            .with_hint(format!(
                "write the words alone here, `{words}`, and the link in the page's text"
            )),
        );
    }
}

/// The first `{{name}}` of `s` that names a local value (`\{{` is literal).
fn local_value(s: &str) -> Option<&str> {
    s.match_indices("{{").find_map(|(i, _)| {
        if s[..i].ends_with('\\') {
            return None;
        }
        let end = i + 2 + s[i + 2..].find("}}")?;
        crate::content::values::valid_name(s[i + 2..end].trim_matches(' ')).then(|| &s[i..end + 2])
    })
}

/// The first HTML entity of `s` a converter left (`&amp;`, `&nbsp;`,
/// `&#8217;`), and the character it stands for, as said in a hint.
fn html_entity(s: &str) -> Option<(&str, String)> {
    s.match_indices('&').find_map(|(i, _)| {
        let end = i + s[i..].find(';')?;
        let name = &s[i + 1..end];
        let ch = match name {
            "amp" => '&',
            "nbsp" => '\u{a0}',
            "quot" => '"',
            "apos" => '\'',
            "lt" => '<',
            "gt" => '>',
            "ndash" => '–',
            "mdash" => '—',
            "rsquo" => '’',
            "lsquo" => '‘',
            "rdquo" => '”',
            "ldquo" => '“',
            _ => {
                let code = name.strip_prefix('#')?;
                let n = match code.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => code.parse().ok()?,
                };
                char::from_u32(n)?
            }
        };
        let shown = match ch {
            '\u{a0}' => "a space (or a non-breaking space)".to_string(),
            c => format!("`{c}`"),
        };
        Some((&s[i..=end], shown))
    })
}

/// The first Markdown link of `s`, `[words](target)`, and its words.
fn markdown_link(s: &str) -> Option<(&str, &str)> {
    s.match_indices('[').find_map(|(i, _)| {
        let close = i + s[i..].find("](")?;
        let end = close + s[close..].find(')')?;
        let words = &s[i + 1..close];
        (!words.contains('[')).then(|| (&s[i..=end], words))
    })
}

fn order(key: &str, k: &Node, v: &Node, at: &Located, diags: &mut Vec<Diagnostic>) -> Option<i64> {
    let n = v.as_i64();
    if n.is_none() {
        diags.push(
            at.error(target(k, v), format!("`{key}` must be a whole number"))
                .with_hint(format!("{key}: 3")),
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
                    .with_hint(format!("{key}: true")),
            );
            false
        }
    }
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
        match alias_problem(name) {
            None => out.push(name.to_string()),
            Some((why, hint)) => diags.push(
                at.error(item, format!("alias `{name}` {why}"))
                    .with_hint(hint),
            ),
        }
    }
    out
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
        return Some((
            "is not a relative name".into(),
            format!(
                "write the page's earlier name relative to its publication, as `{last}` (or `part/{last}` for a page in a part); an address elsewhere on the old site cannot be kept here"
            ),
        ));
    }
    if name.starts_with('/') || name.contains(':') {
        return bad("is not a relative name");
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
        return bad(&format!(
            "contains `{}`, which is not allowed in a page name",
            c.escape_default()
        ));
    }
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
    None
}

/// The error for a value that is not a date: a day that does not exist
/// (`2025-02-30`) is named as such.
pub fn date_message(key: &str, value: Option<&str>) -> String {
    match value {
        Some(s) if s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-' => {
            format!("`{key}` must be a day that exists: there is no {s}")
        }
        _ => format!("`{key}` must be a date written YYYY-MM-DD"),
    }
}

/// How to write a date that is not `YYYY-MM-DD`: the same day, when the
/// value says which (`2026/10/15`, `“2026-10-15”`, `15.10.2026`, `October
/// 15, 2026`, `15 octobre 2026`); both days when it could be either
/// (`03/04/2026`); else an example that cannot be taken for a correction.
pub fn date_hint(key: &str, value: Option<&str>) -> String {
    let days = value.map(read_day).unwrap_or_default();
    match days.as_slice() {
        [day] => format!("write it year first, YYYY-MM-DD: `{key}: {day}`"),
        [a, b] => format!(
            "write it year first, YYYY-MM-DD: `{key}: {a}` if the day comes first, `{key}: {b}` if the month does"
        ),
        _ => format!("write it year first, YYYY-MM-DD: `{key}: 2026-10-15` is 15 October 2026"),
    }
}

/// The days `s` can be, as `YYYY-MM-DD`: one, two when it could be read
/// day first or month first, none when it cannot be read.
fn read_day(s: &str) -> Vec<String> {
    const MONTHS: [[&str; 2]; 12] = [
        ["january", "janvier"],
        ["february", "février"],
        ["march", "mars"],
        ["april", "avril"],
        ["may", "mai"],
        ["june", "juin"],
        ["july", "juillet"],
        ["august", "août"],
        ["september", "septembre"],
        ["october", "octobre"],
        ["november", "novembre"],
        ["december", "décembre"],
    ];
    let lower = s.to_lowercase();
    let parts: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|p| !p.is_empty())
        .collect();
    let day = |y: &str, m: u32, d: u32| {
        let out = format!("{y}-{m:02}-{d:02}");
        is_date(&out).then_some(out)
    };
    let num = |p: &str| p.parse::<u32>().ok().filter(|_| p.len() <= 2);
    let year = |p: &&str| p.len() == 4 && p.chars().all(|c| c.is_ascii_digit());
    let month_named = |p: &str| {
        (p.len() >= 3)
            .then(|| {
                MONTHS
                    .iter()
                    .position(|names| names.iter().any(|n| n.starts_with(p)))
            })
            .flatten()
    };
    let mut out: Vec<String> = match parts.as_slice() {
        [one] if one.len() == 8 && one.chars().all(|c| c.is_ascii_digit()) => day(
            &one[..4],
            num(&one[4..6]).unwrap_or(0),
            num(&one[6..]).unwrap_or(0),
        )
        .into_iter()
        .collect(),
        [y, m, d] if year(y) => match (
            num(m).or_else(|| month_named(m).map(|i| i as u32 + 1)),
            num(d),
        ) {
            (Some(m), Some(d)) => day(y, m, d).into_iter().collect(),
            _ => Vec::new(),
        },
        [a, b, y] if year(y) => match (num(a), num(b), month_named(a), month_named(b)) {
            (Some(d), _, _, Some(m)) => day(y, m as u32 + 1, d).into_iter().collect(),
            (_, Some(d), Some(m), _) => day(y, m as u32 + 1, d).into_iter().collect(),
            (Some(a), Some(b), ..) => [day(y, b, a), day(y, a, b)].into_iter().flatten().collect(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    };
    out.dedup();
    out
}

/// The day of a date and time as Hugo and Jekyll write it
/// (`2026-03-15T10:00:00Z`, `2026-03-15 10:00`); other text as it is.
fn day_of(s: &str) -> &str {
    match (s.get(..10), s.as_bytes().get(10)) {
        (Some(day), Some(b'T' | b' ')) if s[11..].starts_with(|c: char| c.is_ascii_digit()) => day,
        _ => s,
    }
}

/// A real calendar date written `YYYY-MM-DD` (`2025-02-30` is not one).
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if !(b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit()))
    {
        return false;
    }
    let (Ok(year), Ok(month), Ok(day)) = (
        s[..4].parse::<u32>(),
        s[5..7].parse::<u32>(),
        s[8..10].parse::<u32>(),
    ) else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return false,
    };
    (1..=days).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_alias_names() {
        assert_eq!(alias_problem("old-name"), None);
        assert_eq!(alias_problem("part/old-name"), None);
        assert_eq!(alias_problem("consentement-éclairé"), None);
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

    #[test]
    fn dates() {
        assert!(is_date("2026-01-31"));
        for (value, hint) in [
            ("2026/10/15", "`reviewed: 2026-10-15`"),
            ("“2024-03-03”", "`reviewed: 2024-03-03`"),
            ("15.10.2026", "`reviewed: 2026-10-15`"),
            ("March 3, 2024", "`reviewed: 2024-03-03`"),
            ("3 mars 2024", "`reviewed: 2024-03-03`"),
            ("20240303", "`reviewed: 2024-03-03`"),
            ("2024-3-5", "`reviewed: 2024-03-05`"),
            (
                "03/04/2024",
                "`reviewed: 2024-04-03` if the day comes first, `reviewed: 2024-03-04` if the month does",
            ),
            ("05/05/2024", "`reviewed: 2024-05-05`"),
            ("soon", "`reviewed: 2026-10-15` is 15 October 2026"),
            ("2026-02-30", "`reviewed: 2026-10-15` is 15 October 2026"),
        ] {
            let got = date_hint("reviewed", Some(value));
            assert_eq!(
                got,
                format!("write it year first, YYYY-MM-DD: {hint}"),
                "{value}"
            );
        }
        assert!(!is_date("2026-13-01"));
        assert!(!is_date("26-01-31"));
        assert!(!is_date("2025-02-30"));
        assert!(!is_date("2025-02-29"));
        assert!(is_date("2024-02-29"));
        assert!(!is_date("1900-02-29"));
        assert!(is_date("2000-02-29"));
        assert!(!is_date("2026-04-31"));
        assert!(!is_date("2026-01-00"));
    }
}
