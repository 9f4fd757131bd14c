//! Finding other tools' attribute blocks, spans and div markers in a
//! page's lines, in one linear pass, before the page is rendered: the
//! ranges [`super::filter`] later leaves out of the text.

use super::tracked::{self, Change};
use crate::markdown::state::{Dialects, Kind};
use std::ops::Range;

/// Longest attribute block or span looked at: keeps the scan linear.
const MAX_ATTRS: usize = 300;

impl Dialects {
    /// The ranges of `body` to leave out, found in one pass over its lines.
    pub(in crate::markdown) fn new(body: &str) -> Self {
        let mut drops = Vec::new();
        let mut title_breaks = Vec::new();
        if memchr::memchr(b'{', body.as_bytes()).is_some()
            || [
                ":::", "!!!", "???", "===", "--8<--", "*[", ")=", "TOC]", "toc]", "TOC_]", "${toc}",
            ]
            .iter()
            .any(|m| body.contains(m))
            || body.starts_with("import ")
            || body.contains("\nimport ")
            || body.starts_with("export ")
            || body.contains("\nexport ")
            || super::confluence::mentioned(body)
        {
            scan(body, &mut drops, &mut title_breaks);
        }
        super::gdocs::add(body, &mut drops);
        if body.contains("%%") || body.contains("{/*") || body.contains("{%") {
            super::comments::add(body, &mut drops);
        }
        Dialects {
            drops,
            title_breaks,
            ..Default::default()
        }
    }
}

/// Also notes, in `title_breaks`, the line break after each admonition's
/// title that text follows on the next line.
fn scan(body: &str, drops: &mut Vec<(Range<usize>, Kind)>, title_breaks: &mut Vec<usize>) {
    let mut start = 0;
    let mut prev_blank = true;
    while start < body.len() {
        // memchr's search, many bytes at a time (`str::find` of a char is
        // not): this runs over every line of most documents.
        let line_end = |from: usize| {
            memchr::memchr(b'\n', &body.as_bytes()[from..]).map_or(body.len(), |i| from + i)
        };
        let end = line_end(start);
        let line = &body[start..end];
        let next = (end + 1).min(body.len());
        let next_blank = body[next..line_end(next)].trim().is_empty();
        let marker = if is_div_marker(line) {
            Some(Kind::Div)
        } else if is_admonition(line) {
            Some(Kind::Admonition)
        } else if is_kramdown_line(line) {
            Some(Kind::Kramdown)
        } else if is_toc_marker(line) {
            Some(Kind::Toc)
        } else if is_mdx_import(line) {
            Some(Kind::Import)
        } else if is_tab(line) {
            Some(Kind::Tab)
        } else if is_snippet(line) {
            Some(Kind::Snippet)
        } else if abbreviation(line).is_some() {
            Some(Kind::Abbreviation)
        } else if is_myst_target(line) {
            Some(Kind::Target)
        } else if is_attribute_line(line) {
            Some(Kind::AttrLine)
        } else if super::confluence::is_export_line(line) {
            Some(Kind::Byline)
        } else {
            None
        };
        if let Some(title) = (marker == Some(Kind::Div))
            .then(|| admonition_title(line))
            .flatten()
        {
            // Docusaurus's `:::tip Before you start`: the title is kept,
            // as a line of its own.
            drops.push((start..start + title.start, Kind::Div));
            if title.end < line.len() {
                drops.push((start + title.end..end, Kind::Div));
            }
            // Text right under it (`:::tip Before you start` then `Read
            // this.`) is the same paragraph: without a hard break there,
            // the title ran into it as one sentence.
            if !next_blank && end < body.len() {
                title_breaks.push(end);
            }
        } else if let Some(kind) = marker {
            // With its own line break, so that no empty line is left: the
            // one after it, or before it when it closes a paragraph.
            let range = if prev_blank || end == body.len() {
                start..(end + 1).min(body.len())
            } else if next_blank {
                start - 1..end
            } else {
                start..end + 1
            };
            drops.push((range, kind));
        } else {
            attributes(body, line, start, drops);
        }
        prev_blank = line.trim().is_empty();
        start = end + 1;
    }
    drops.sort_by_key(|(r, _)| r.start);
}

/// Where the title of a Docusaurus admonition starts on its marker line
/// (`:::tip Before you start`, `:::note[Before you start]`: the type
/// right after `:::`, then the title). `None` for pandoc's divs (`:::
/// warning`, `::: {.note}`), whose words are classes, and for no title.
pub(super) fn admonition_title(line: &str) -> Option<Range<usize>> {
    let t = line.trim_start_matches(' ');
    let rest = t.strip_prefix(":::")?;
    let kind = rest.len()
        - rest
            .trim_start_matches(|c: char| c.is_ascii_alphabetic())
            .len();
    let after = &rest[kind..];
    if kind == 0 || !(after.starts_with(' ') || after.starts_with('[')) {
        return None;
    }
    let title = after.trim_start_matches([' ', '[']);
    let from = line.len() - title.len();
    let title = title.trim_end();
    let title = title.strip_suffix(']').unwrap_or(title).trim_end();
    (!title.is_empty()).then(|| from..from + title.len())
}

/// `:::`, `::: {.note}`, `:::tip Title`, with at most three spaces before.
fn is_div_marker(line: &str) -> bool {
    let t = line.trim_start_matches(' ');
    line.len() - t.len() <= 3 && t.starts_with(":::")
}

/// MkDocs's admonitions: `!!! note "Title"`, `??? tip`, `???+ warning
/// inline`, with at most three spaces before: a type MkDocs knows, at most
/// two more classes, then a quoted title or nothing. A line of prose that
/// starts with `!!!` for emphasis (`!!! Do not share the list`) is text.
pub(super) fn is_admonition(line: &str) -> bool {
    const TYPES: &[&str] = &[
        "note",
        "abstract",
        "summary",
        "tldr",
        "info",
        "todo",
        "tip",
        "hint",
        "important",
        "success",
        "check",
        "done",
        "question",
        "help",
        "faq",
        "warning",
        "caution",
        "attention",
        "failure",
        "fail",
        "missing",
        "danger",
        "error",
        "bug",
        "example",
        "quote",
        "cite",
        "seealso",
        "admonition",
    ];
    let t = line.trim_start_matches(' ');
    let Some(rest) = ["!!!", "???+", "???"]
        .iter()
        .find_map(|m| t.strip_prefix(m))
    else {
        return false;
    };
    let (classes, title) = match rest.split_once('"') {
        Some((c, title)) => (c, Some(title.trim_end())),
        None => (rest, None),
    };
    let words: Vec<&str> = classes.split_whitespace().collect();
    let class = |w: &&str| {
        w.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    };
    line.len() - t.len() <= 3
        && rest.starts_with(' ')
        && (1..=3).contains(&words.len())
        && TYPES.iter().any(|k| words[0].eq_ignore_ascii_case(k))
        && words.iter().all(class)
        && title.is_none_or(|t| t.ends_with('"'))
}

/// MkDocs Material's content tab, `=== "Phone"`, `===! "A"`, `===+ "B"`,
/// with at most three spaces before (tabs nest, but a nested one is
/// indented code already). A setext underline is `=` alone.
pub(super) fn is_tab(line: &str) -> bool {
    let t = line.trim_start_matches(' ');
    let Some(rest) = ["===!", "===+", "==="]
        .iter()
        .find_map(|m| t.strip_prefix(m))
    else {
        return false;
    };
    let title = rest.trim();
    line.len() - t.len() <= 3
        && rest.starts_with(' ')
        && title.len() >= 2
        && title.starts_with('"')
        && title.ends_with('"')
}

/// MkDocs's snippet line, `--8<-- "includes/consent.md"` (or `;--8<--`,
/// `--8<-- 'a.md'`), which pulls another file's text in: alone on its line.
pub(super) fn is_snippet(line: &str) -> bool {
    let t = line.trim();
    let Some(rest) = t.strip_prefix(';').unwrap_or(t).strip_prefix("--8<--") else {
        return false;
    };
    let rest = rest.trim();
    rest.is_empty()
        || (rest.len() >= 2
            && ((rest.starts_with('"') && rest.ends_with('"'))
                || (rest.starts_with('\'') && rest.ends_with('\''))))
}

/// An abbreviation line, `*[GBV]: Gender-based violence`, as MkDocs,
/// kramdown and PHP Markdown Extra write it: the short form and its words.
pub(super) fn abbreviation(line: &str) -> Option<(&str, &str)> {
    let rest = line.trim_end().strip_prefix("*[")?;
    let (short, words) = rest.split_once("]:")?;
    let words = words.trim();
    (!short.trim().is_empty() && !short.contains('[') && !words.is_empty())
        .then(|| (short.trim(), words))
}

/// A MyST target line, `(safety-plan)=`, which names the heading below it
/// for `{ref}` links.
pub(super) fn is_myst_target(line: &str) -> bool {
    let Some(label) = line
        .trim_end()
        .strip_prefix('(')
        .and_then(|l| l.strip_suffix(")="))
    else {
        return false;
    };
    !label.is_empty() && !label.contains(char::is_whitespace) && !label.contains(['(', ')'])
}

/// A line that is only an attribute block, `{ .annotate }` or `{ #id }`,
/// as MkDocs Material writes one after a list to give it annotations.
pub(super) fn is_attribute_line(line: &str) -> bool {
    let t = line.trim();
    t.starts_with("{") && attribute_block(t) == Some(t.len())
}

/// An MDX import at a line's start: `import Tabs from '@theme/Tabs';`,
/// `import {Note} from "../components";`, `import './styles.css';`. Not a
/// sentence that starts with the word (`import the list before you go`).
pub(super) fn is_mdx_import(line: &str) -> bool {
    // MDX's `export const Hotline = () => <b>116</b>;`: code, never text.
    if let Some(rest) = line.strip_prefix("export ") {
        return ["const ", "let ", "var ", "function ", "default "]
            .iter()
            .any(|k| rest.starts_with(k));
    }
    let Some(rest) = line.trim_end().strip_prefix("import ") else {
        return false;
    };
    let rest = rest.strip_suffix(';').unwrap_or(rest);
    let quoted = |s: &str| {
        s.len() >= 2
            && ((s.starts_with('\'') && s.ends_with('\''))
                || (s.starts_with('"') && s.ends_with('"')))
    };
    match rest.rsplit_once(" from ") {
        Some((_, module)) => quoted(module.trim()),
        None => quoted(rest.trim()),
    }
}

/// The first pandoc inline footnote in `line`, `^[The note.]`, outside
/// code spans: where it starts, and its length.
pub(super) fn inline_note(line: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(i) = super::find_pair(&line.as_bytes()[from..], b"^[").map(|i| from + i) {
        from = i + 2;
        // Within a code span (an odd number of backticks before it).
        if line[..i].matches('`').count() % 2 == 1 {
            continue;
        }
        let mut depth = 0;
        for (j, c) in line[i + 1..].char_indices() {
            match c {
                '[' => depth += 1,
                ']' if depth == 1 => return (j > 1).then_some((i, j + 2)),
                ']' => depth -= 1,
                _ => {}
            }
        }
        return None;
    }
    None
}

/// A table of contents' marker alone on its line: `[TOC]` (Python-Markdown
/// and MkDocs), `[[_TOC_]]` (GitLab and Azure DevOps wikis), `[[toc]]` and
/// `${toc}` (markdown-it), any case.
pub(super) fn is_toc_marker(line: &str) -> bool {
    let t = line.trim();
    ["[toc]", "[[_toc_]]", "[[toc]]", "${toc}"]
        .iter()
        .any(|m| t.eq_ignore_ascii_case(m))
}

/// A line of kramdown attributes or extensions: `{: #id .class}`, `{:toc}`,
/// `{::options … /}`.
pub(super) fn is_kramdown_line(line: &str) -> bool {
    let t = line.trim();
    t.len() <= MAX_ATTRS && t.starts_with("{:") && t.ends_with("}")
}

/// `{…}` right after an image's or link's `)`, or after a `[span]` (whose
/// brackets go too, and its text with them when it is a deletion or a
/// comment: see `tracked`), on `line`, which starts at `offset` of `body`;
/// the block may go on to the next lines of its paragraph, and the span
/// may start on an earlier one, as pandoc wraps them.
fn attributes(body: &str, line: &str, offset: usize, drops: &mut Vec<(Range<usize>, Kind)>) {
    let rest = &body[offset..];
    let bytes = line.as_bytes();
    let mut ticks = super::ticks::Ticks::new(line);
    let mut from = 0;
    while let Some(i) = bytes
        .get(from..)
        .and_then(|b| memchr::memchr(b'{', b))
        .map(|i| from + i)
    {
        from = i + 1;
        let Some(&before) = i.checked_sub(1).and_then(|b| bytes.get(b)) else {
            continue;
        };
        // After a code span too, as pandoc writes `` `x`{.python} `` (`sphinx`).
        let code = before == b'`' && super::sphinx::after_code(line, i, &mut ticks);
        if before != b')' && before != b']' && !code {
            continue;
        }
        let Some(len) = attribute_block(&rest[i..]) else {
            continue;
        };
        let (at, end) = (offset + i, offset + i + len);
        let mut kind = super::sphinx::kind(code, &rest[i..i + len]);
        if before == b']' {
            let change = tracked::change(&rest[i..i + len]);
            let nested = change == Some(Change::LeftOut);
            let Some(open) = tracked::span_open(&body.as_bytes()[..at - 1], nested) else {
                continue;
            };
            if nested {
                // Left out whole, with whatever was found inside it.
                while drops.last().is_some_and(|(r, _)| r.start >= open) {
                    drops.pop();
                }
                drops.push((open..end, Kind::Tracked));
                from = i + len;
                continue;
            }
            if change.is_some() {
                kind = Kind::Tracked;
            }
            drops.push((open..open + 1, kind));
            drops.push((at - 1..at, kind));
        }
        drops.push((at..end, kind));
        from = i + len;
    }
}

/// The length of a pandoc attribute block at the start of `s`: `{#id}`,
/// `{.class}`, `{key=value}`, `{key="a value"}`, several with spaces
/// between. `None` for anything else (a local value `{{x}}`, a brace in
/// text).
pub(super) fn attribute_block(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 1;
    let mut items = 0;
    loop {
        // Spaces, and line breaks within a paragraph (pandoc wraps long
        // blocks), never a blank line.
        while i < b.len() && i <= MAX_ATTRS && matches!(b[i], b' ' | b'\t' | b'\r' | b'\n') {
            if b[i] == b'\n'
                && b[i + 1..]
                    .iter()
                    .take(MAX_ATTRS)
                    .take_while(|&&c| c != b'\n')
                    .all(u8::is_ascii_whitespace)
            {
                return None;
            }
            i += 1;
        }
        match b.get(i)? {
            b'}' => return (items > 0).then_some(i + 1),
            b'#' | b'.' => {
                let n = name_len(&b[i + 1..]);
                if n == 0 {
                    return None;
                }
                i += 1 + n;
            }
            _ => {
                let n = name_len(&b[i..]);
                if n == 0 || b.get(i + n) != Some(&b'=') {
                    return None;
                }
                i += n + 1;
                i += value_len(&b[i..])?;
            }
        }
        items += 1;
        if i > MAX_ATTRS {
            return None;
        }
    }
}

fn name_len(b: &[u8]) -> usize {
    b.iter()
        .take(MAX_ATTRS)
        .take_while(|&&c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b':'))
        .count()
}

fn value_len(b: &[u8]) -> Option<usize> {
    match b.first()? {
        &q @ (b'"' | b'\'') => {
            let close = b[1..]
                .iter()
                .take(MAX_ATTRS)
                .position(|&c| c == q || c == b'\n')?;
            (b[1 + close] == q).then_some(close + 2)
        }
        _ => {
            let n = b
                .iter()
                .take_while(|&&c| !c.is_ascii_whitespace() && c != b'}' && c != b'"')
                .count();
            (n > 0).then_some(n)
        }
    }
}
