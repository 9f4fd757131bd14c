//! Confluence's and Jira's wiki markup, left in a page copied from a
//! Confluence page's source or a Jira issue: `h2. Heading`, macros on a
//! line of their own (`{info}`, `{code:bash}`), a table's heading row
//! `||Step||Who||` and links written `[label|https://…]`. CommonMark reads
//! none of it, so readers got the marks around plain words (and a link
//! they could not follow), without a word to the author; the link was
//! named as a web address with a hint that kept its `]`. Nothing is lost,
//! so each stays as written; the author is told once per page, at the
//! first place, with the Markdown to write.

use super::ticks::Ticks;

/// The macros that wrap text, as Confluence's wiki markup names them.
const MACROS: &[&str] = &[
    "info", "note", "tip", "warning", "code", "noformat", "panel", "quote", "expand", "toc",
    "section", "column",
];

/// Longest label of a link looked at.
const MAX_LABEL: usize = 200;

/// The first piece of Confluence wiki markup in `line`: where it starts,
/// and its length.
pub(super) fn find(line: &str) -> Option<(usize, usize)> {
    let t = line.trim_start();
    let lead = line.len() - t.len();
    let whole = (lead, t.trim_end().len());
    match t.as_bytes().first()? {
        b'h' if heading(t) => return Some(whole),
        b'{' => {
            if let Some(n) = macro_mark(t) {
                return Some((lead, n));
            }
        }
        b'|' if table_row(t.trim_end()) => return Some(whole),
        _ => {}
    }
    link(line)
}

/// `line` is a line of Confluence's own markup, `h2. Heading`, `{info}`
/// or `||Step||Who||`: a page with one is written in it (a link
/// `[label|https://…]` alone does not say so).
pub(super) fn marks_page(line: &str) -> bool {
    let t = line.trim();
    heading(t) || (t.starts_with('{') && macro_mark(t).is_some()) || table_row(t)
}

/// `h2. Before the interview`: `h`, a level from 1 to 6, `.`, a space and
/// words, at the line's start.
fn heading(t: &str) -> bool {
    let b = t.as_bytes();
    b.len() > 4
        && (b'1'..=b'6').contains(&b[1])
        && b[2] == b'.'
        && b[3] == b' '
        && !t[4..].trim().is_empty()
}

/// `{info}`, `{code:bash}`, `{panel:title=Before you call}` at the line's
/// start: a known macro's name, its parameters after `:`, then `}`. Its
/// length.
fn macro_mark(t: &str) -> Option<usize> {
    let inner = &t[1..];
    let name_end = inner.find(|c: char| !c.is_ascii_alphabetic())?;
    let name = &inner[..name_end];
    if !MACROS.contains(&name) {
        return None;
    }
    match inner.as_bytes()[name_end] {
        b'}' => Some(name_end + 2),
        b':' => inner
            .bytes()
            .take(MAX_LABEL)
            .position(|c| c == b'}')
            .map(|close| close + 2),
        _ => None,
    }
}

/// `||Step||Who||`: a heading row, `||` at both ends and between two
/// cells at least (`|| a | b ||` is no GFM row anyone writes).
fn table_row(t: &str) -> bool {
    t.len() > 4 && t.starts_with("||") && t.ends_with("||") && t[2..t.len() - 2].contains("||")
}

/// `[the referral form|https://example.org/form]`: a label, `|`, a web
/// address and `]`, not in a code span nor a wiki link's `[[…]]`.
fn link(line: &str) -> Option<(usize, usize)> {
    let b = line.as_bytes();
    let mut ticks = Ticks::new(line);
    let mut from = 0;
    while let Some(bar) = memchr::memchr(b'|', &b[from..]).map(|i| from + i) {
        from = bar + 1;
        let rest = &line[bar + 1..];
        if !(rest.starts_with("https://")
            || rest.starts_with("http://")
            || rest.starts_with("mailto:"))
        {
            continue;
        }
        let Some(open) = (bar.saturating_sub(MAX_LABEL)..bar)
            .rev()
            .find(|&i| matches!(b[i], b'[' | b']'))
        else {
            continue;
        };
        let Some(close) = rest.find([']', ' ']) else {
            continue;
        };
        let wiki = open > 0 && b[open - 1] == b'[';
        if b[open] != b'[' || wiki || rest.as_bytes()[close] != b']' || open + 1 == bar {
            continue;
        }
        if ticks.in_code(open) {
            continue;
        }
        return Some((open, bar + 2 + close - open));
    }
    None
}

/// An address after `before` is a link's, `[label|https://…]`: the web
/// address check leaves it to this one.
pub(super) fn in_link(before: &str) -> bool {
    let Some(head) = before.strip_suffix('|') else {
        return false;
    };
    let b = head.as_bytes();
    (b.len().saturating_sub(MAX_LABEL)..b.len())
        .rev()
        .find(|&i| matches!(b[i], b'[' | b']'))
        .is_some_and(|i| b[i] == b'[' && i + 1 < b.len())
}

/// The Markdown for the piece found.
fn markdown(shown: &str) -> Option<String> {
    let t = shown.trim();
    if let Some(words) = t.strip_prefix('h').filter(|_| heading(t)) {
        let level = usize::from(words.as_bytes()[0] - b'0');
        return Some(format!("{} {}", "#".repeat(level), words[2..].trim()));
    }
    if t.starts_with("||") {
        let cells: Vec<&str> = t.trim_matches('|').split("||").map(str::trim).collect();
        let rule = vec!["---"; cells.len()].join(" | ");
        return Some(format!("| {} |`, then `| {rule} |", cells.join(" | ")));
    }
    if let Some(inner) = t.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
        let (label, target) = inner.rsplit_once('|')?;
        return Some(format!("[{}]({target})", label.trim()));
    }
    let name = t.trim_start_matches('{');
    let name = &name[..name.find([':', '}']).unwrap_or(name.len())];
    match name {
        "info" | "note" => Some("> [!NOTE]".to_string()),
        "tip" => Some("> [!TIP]".to_string()),
        "warning" => Some("> [!WARNING]".to_string()),
        "code" | "noformat" => Some("```".to_string()),
        _ => None,
    }
}

/// The warning and hint for Confluence wiki markup shown as written.
pub(super) fn words(shown: &str, more: &str) -> (String, String) {
    let msg = format!(
        "Confluence wiki markup `{shown}` is shown as written{more}: fieldguide's Markdown has no `h2.`, `{{info}}`, `||` or `[label|address]` marks"
    );
    let rest = "`h2. Heading` is `## Heading`; `{info}`, `{note}`, `{tip}` and `{warning}` around text are a callout (`> [!NOTE]` then the text with `> ` in front); `{code}` around lines is ``` before and after them; `||Name||Phone||` is a pipe table's first row (`| Name | Phone |`, then `|---|---|`); `[label|https://…]` is `[label](https://…)`";
    let hint = match markdown(shown).filter(|_| !shown.ends_with('…')) {
        Some(md) => format!("write `{md}` instead: {rest}"),
        None => format!("write it in Markdown, or delete it: {rest}"),
    };
    (msg, hint)
}

#[cfg(test)]
mod tests {
    use super::{find, in_link, markdown};

    #[test]
    fn confluence_markup_and_not_prose() {
        let f = |s: &str| find(s).map(|(i, n)| s[i..i + n].to_string());
        for (line, piece) in [
            ("h2. Before the interview", "h2. Before the interview"),
            ("{info}", "{info}"),
            ("{code:bash}", "{code:bash}"),
            (
                "{panel:title=Before you call}Text",
                "{panel:title=Before you call}",
            ),
            ("||Step||Who||", "||Step||Who||"),
            (
                "See [the form|https://example.org/form] now.",
                "[the form|https://example.org/form]",
            ),
            (
                "Écrire à [l'équipe|mailto:a@example.org].",
                "[l'équipe|mailto:a@example.org]",
            ),
        ] {
            assert_eq!(f(line).as_deref(), Some(piece), "{line}");
        }
        for none in [
            "h2o is water.",
            "h2. ",
            "Use h2. headings",
            "{hotline}",
            "{informed consent}",
            "|| a | b |",
            "| Name | Phone |",
            "Prices [low|high] vary.",
            "[[Referral|https://example.org]]",
            "`[a|https://example.org]`",
            "Téléphone | https://example.org | ouvert",
            "A|https://example.org] b",
        ] {
            assert_eq!(f(none), None, "{none}");
        }
    }

    #[test]
    fn the_markdown_to_write() {
        let md = |s: &str| markdown(s).unwrap();
        assert_eq!(md("h3. Scope"), "### Scope");
        assert_eq!(md("||Step||Who||"), "| Step | Who |`, then `| --- | --- |");
        assert_eq!(
            md("[the form|https://e.org/f]"),
            "[the form](https://e.org/f)"
        );
        assert_eq!(md("{warning}"), "> [!WARNING]");
        assert!(in_link("See [the form|"));
        assert!(!in_link("Call | "));
        assert!(!in_link("a] b|"));
    }
}
