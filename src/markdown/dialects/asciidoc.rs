//! AsciiDoc's markup, left in a page converted from an Antora or
//! Asciidoctor site: a block's attribute line (`[source,bash]`, `[NOTE]`),
//! headings written `== Scope`, and links written `link:url[label]` or
//! `xref:page.adoc[label]`. CommonMark reads none of it: readers got the
//! marks and a link they could not follow, and a `[source,bash]` above a
//! `----` block became a heading, as did the block's last line. Nothing
//! is lost, so each stays as written; the author is told once per page,
//! at the first place, with the Markdown to write.

use super::ticks::Ticks;

/// The block styles an attribute line names first.
const STYLES: &[&str] = &[
    "source",
    "listing",
    "literal",
    "quote",
    "verse",
    "example",
    "sidebar",
    "NOTE",
    "TIP",
    "IMPORTANT",
    "WARNING",
    "CAUTION",
];

/// Longest target or label looked at.
const MAX_LINK: usize = 300;

/// The first piece of AsciiDoc markup in `line`: where it starts, and its
/// length.
pub(super) fn find(line: &str) -> Option<(usize, usize)> {
    let start = line.trim_start();
    // Asked of every line of text: only a `[` or `=` first starts a line's
    // markup, and only a `:` a link.
    if start.starts_with(['[', '=']) {
        let t = start.trim_end();
        if attribute_line(t) || heading(t) {
            return Some((line.len() - start.len(), t.len()));
        }
    }
    link(line)
}

/// `[source,bash]`, `[NOTE]`, `[quote, A. Author]` on a line of its own.
fn attribute_line(t: &str) -> bool {
    let Some(inner) = t.strip_prefix('[').and_then(|s| s.strip_suffix(']')) else {
        return false;
    };
    let style = inner.split(',').next().unwrap_or("").trim();
    STYLES.contains(&style)
}

/// `== Scope`: one to six `=`, a space and words that start with a letter,
/// with no `=` closing them (MediaWiki's `== Scope ==`).
fn heading(t: &str) -> bool {
    let n = t.bytes().take_while(|&b| b == b'=').count();
    (1..=6).contains(&n)
        && t[n..].starts_with(' ')
        && t[n..].trim_start().starts_with(char::is_alphabetic)
        && !t.ends_with('=')
}

/// `link:https://example.org/a[the form]`, `xref:consent.adoc[Consent]`:
/// the word at a word's start, a target without spaces, then a label in
/// brackets; not in a code span.
fn link(line: &str) -> Option<(usize, usize)> {
    let b = line.as_bytes();
    let mut ticks = Ticks::new(line);
    let mut from = 0;
    while let Some(colon) = memchr::memchr(b':', &b[from..]).map(|i| from + i) {
        from = colon + 1;
        let Some(start) = colon.checked_sub(4) else {
            continue;
        };
        let word = &b[start..colon];
        let boundary = start == 0 || !b[start - 1].is_ascii_alphanumeric();
        if !(word == b"link" || word == b"xref") || !boundary {
            continue;
        }
        let rest = &b[colon + 1..];
        let Some(open) = rest
            .iter()
            .take(MAX_LINK)
            .position(|&c| c == b'[' || c.is_ascii_whitespace())
        else {
            continue;
        };
        if open == 0 || rest[open] != b'[' {
            continue;
        }
        let Some(close) = rest[open..].iter().take(MAX_LINK).position(|&c| c == b']') else {
            continue;
        };
        if ticks.in_code(start) {
            continue;
        }
        return Some((start, 5 + open + close + 1));
    }
    None
}

/// The Markdown for the piece found.
fn markdown(shown: &str) -> Option<String> {
    let t = shown.trim();
    if heading(t) {
        let n = t.bytes().take_while(|&b| b == b'=').count();
        return Some(format!("{} {}", "#".repeat(n), t[n..].trim()));
    }
    if attribute_line(t) {
        let inner = &t[1..t.len() - 1];
        let mut parts = inner.split(',').map(str::trim);
        let style = parts.next().unwrap_or("");
        return match style {
            "source" | "listing" | "literal" => Some(format!(
                "replace `{t}` and the `----` line under it with one line, ```{}, and the closing `----` with ```",
                parts.next().unwrap_or("")
            )),
            "quote" | "verse" => Some("> ` before each of the quote's lines".to_string()),
            s if s.bytes().all(|b| b.is_ascii_uppercase()) => Some(format!("> [!{s}]")),
            _ => None,
        };
    }
    let (kind, rest) = t.split_at(5);
    let (target, label) = rest.strip_suffix(']')?.split_once('[')?;
    let target = if kind == "xref:" {
        match target.split_once('#') {
            Some((file, id)) => format!("{}#{id}", page(file)),
            None => page(target),
        }
    } else {
        target.to_string()
    };
    let label = if label.is_empty() { "words" } else { label };
    Some(format!("[{label}]({target})"))
}

/// The Markdown page an AsciiDoc page's name stands for.
fn page(file: &str) -> String {
    let stem = file.strip_suffix(".adoc").unwrap_or(file);
    format!("{stem}.md")
}

/// The warning and hint for an AsciiDoc listing block published as a code
/// block: the Markdown to write, so that the page reads the same in every
/// tool (translators' files carry the page as written).
pub(super) fn block_words(shown: &str, more: &str) -> (String, String) {
    (
        format!(
            "AsciiDoc listing block `{shown}` is published as a code block{more}: fieldguide's Markdown has no `[source]` lines or `----` blocks"
        ),
        markdown(shown).map_or_else(String::new, |m| {
            format!("{m}, as Markdown writes a code block")
        }),
    )
}

/// The warning and hint for AsciiDoc markup shown as written.
pub(super) fn words(shown: &str, more: &str) -> (String, String) {
    let msg = format!(
        "AsciiDoc markup `{shown}` is shown as written{more}: fieldguide's Markdown has no `[source]` or `[NOTE]` lines, `=` headings or `link:`/`xref:` links"
    );
    let rest = "`== Scope` is `## Scope`; a `[source,bash]` block between `----` lines is a fenced code block (```bash before it, ``` after; Markdown reads `----` under a line as a heading's underline); `[NOTE]` is a callout, `> [!NOTE]`; `link:https://…[label]` is `[label](https://…)`, `xref:page.adoc[label]` is `[label](page.md)`; `downdoc` or `asciidoctor -b docbook` then `pandoc -t gfm` convert a whole page";
    let hint = match markdown(shown).filter(|_| !shown.ends_with('…')) {
        Some(md) if md.starts_with("replace") => format!("{md}: {rest}"),
        Some(md) => format!("write `{md}` instead: {rest}"),
        None => format!("write it in Markdown: {rest}"),
    };
    (msg, hint)
}

#[cfg(test)]
mod tests {
    use super::{find, markdown};

    #[test]
    fn asciidoc_markup_and_not_prose() {
        let f = |s: &str| find(s).map(|(i, n)| s[i..i + n].to_string());
        for (line, piece) in [
            ("[source,bash]", "[source,bash]"),
            ("[NOTE]", "[NOTE]"),
            ("[quote, A. Author]", "[quote, A. Author]"),
            ("== Scope of the guide", "== Scope of the guide"),
            ("=== Étapes", "=== Étapes"),
            (
                "See link:https://example.org/a[the form] now.",
                "link:https://example.org/a[the form]",
            ),
            (
                "Voir xref:consent.adoc#scope[Consentement].",
                "xref:consent.adoc#scope[Consentement]",
            ),
        ] {
            assert_eq!(f(line).as_deref(), Some(piece), "{line}");
        }
        for none in [
            "[TOC]",
            "[Note] read this first",
            "[source] of the data: the survey",
            "== Scope ==",
            "= 42 in total",
            "==Important==",
            "The link: https://example.org[a]",
            "Hyperlink:a[b]",
            "`link:https://example.org[a]`",
            "Enlace: [aquí](https://example.org)",
            "x = y",
        ] {
            assert_eq!(f(none), None, "{none}");
        }
    }

    #[test]
    fn the_markdown_to_write() {
        let md = |s: &str| markdown(s).unwrap();
        assert_eq!(md("== Scope"), "## Scope");
        assert_eq!(md("[NOTE]"), "> [!NOTE]");
        assert!(
            md("[source,bash]").ends_with("one line, ```bash, and the closing `----` with ```")
        );
        assert_eq!(
            md("link:https://e.org/a[the form]"),
            "[the form](https://e.org/a)"
        );
        assert_eq!(
            md("xref:consent.adoc#scope[Scope]"),
            "[Scope](consent.md#scope)"
        );
    }
}
