//! Hints for Markdown that parses, but not as the author meant: Word
//! bullets (`•`) that make a paragraph, a link whose target has a space
//! (shown as text, wherever text can be: paragraphs, list items, table
//! cells, headings), a callout type GitHub does not know (shown as a quote).

use super::state::State;
use std::ops::Range;

const BULLETS: &[char] = &['•', '◦', '▪', '▫', '‣', '⁃', '\u{F0B7}', '\u{F0A7}'];

pub(super) const CALLOUTS: &[&str] = &["NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION"];

/// Longest link target looked at: keeps the scan linear on hostile lines.
const MAX_TARGET: usize = 300;

/// Bytes of a quote's first line looked at for `[!KIND]` (which comes
/// right after its `>`): keeps the scan linear when quotes nest on one line.
const MAX_QUOTE_HEAD: usize = 100;

/// A paragraph: Word bullets.
pub(super) fn paragraph(st: &mut State, range: Range<usize>) {
    let body = &st.text_src[st.body_offset..];
    let Some(src) = body.get(range.clone()) else {
        return;
    };
    let mut bullet_at = None;
    let mut line_start = range.start;
    for line in src.split_inclusive('\n') {
        let trimmed = line.trim_start_matches([' ', '\t', '>']);
        if bullet_at.is_none() && trimmed.starts_with(BULLETS) {
            bullet_at = Some((
                line_start + line.len() - trimmed.len(),
                trimmed.chars().next(),
            ));
        }
        line_start += line.len();
    }
    if let Some((at, Some(bullet))) = bullet_at {
        st.warn(
            at,
            format!("`{bullet}` is not a list marker in Markdown: these lines make one paragraph"),
            Some("start each item on its own line with `- ` (a hyphen and a space)"),
        );
    }
}

/// The line of text at body offset `pos`, unless looked at already:
/// targets with spaces. Called for text wherever it is (paragraphs, list
/// items, table cells, headings, footnotes), each line once.
pub(super) fn line(st: &mut State, pos: usize) {
    if pos < st.linted_to {
        return;
    }
    let src = st.text_src;
    let body = &src[st.body_offset.min(src.len())..];
    let Some(before) = body.get(..pos) else {
        return;
    };
    // Never before the last line looked at: each byte is read once.
    let start = before
        .rfind('\n')
        .map_or(0, |i| i + 1)
        .max(st.linted_to.min(pos));
    let end = body[pos..].find('\n').map_or(body.len(), |i| pos + i);
    st.linted_to = end + 1;
    let mut found: Vec<(usize, String, String)> = Vec::new();
    spaced_targets(&body[start..end], start, &mut found);
    for (at, what, target) in found {
        st.warn(
            at,
            format!("{what} target `{target}` has a space, so it is shown as text"),
            Some(&format!(
                "put the target in angle brackets: `(<{target}>)`, or rename the file without spaces"
            )),
        );
    }
}

/// `[text](a b.png)` in one line: (offset, "link" or "image", target).
fn spaced_targets(line: &str, offset: usize, found: &mut Vec<(usize, String, String)>) {
    // Most lines have no link at all: one fast search instead of a loop
    // over every byte.
    if !line.contains("](") {
        return;
    }
    let bytes = line.as_bytes();
    let mut in_code = false;
    let mut image = false;
    for i in 0..bytes.len() {
        match bytes[i] {
            b'`' => in_code = !in_code,
            b'[' if !in_code => image = i > 0 && bytes[i - 1] == b'!',
            b']' if !in_code && bytes.get(i + 1) == Some(&b'(') => {
                let rest = &line[i + 2..];
                if rest.starts_with('<') {
                    continue;
                }
                let end = rest
                    .char_indices()
                    .take_while(|(j, _)| *j < MAX_TARGET)
                    .find(|(_, c)| matches!(c, ')' | '\n'))
                    .map(|(j, _)| j);
                let Some(end) = end.filter(|&e| rest.as_bytes()[e] == b')') else {
                    continue;
                };
                let target = &rest[..end];
                let Some((_, after)) = target.split_once(' ') else {
                    continue;
                };
                // `(file.md "title")` is a link with a title.
                if after.trim_start().starts_with(['"', '\'', '(']) || target.starts_with(' ') {
                    continue;
                }
                let what = if image { "image" } else { "link" };
                found.push((offset + i + 2, what.into(), target.to_string()));
            }
            _ => {}
        }
    }
}

/// A quote starting with `[!DANGER]`: GitHub knows only five callout types.
pub(super) fn quote(st: &mut State, range: Range<usize>) {
    let body = &st.text_src[st.body_offset..];
    let Some(src) = body.get(range.clone()) else {
        return;
    };
    // Only the start of the first line: quotes nested on one line
    // (`>>>>…`) each start a character further into it, and reading the
    // rest of the line for each made the scan quadratic.
    let mut end = src.len().min(MAX_QUOTE_HEAD);
    while !src.is_char_boundary(end) {
        end -= 1;
    }
    let Some(first) = src[..end].lines().next() else {
        return;
    };
    // This quote's own `>` only: in `>>[!DANGER]` the inner quote is the
    // one that starts with the callout, and it is reported once, for it.
    let first_trimmed = first.trim_start();
    let inner = first_trimmed
        .strip_prefix('>')
        .unwrap_or(first_trimmed)
        .trim_start();
    let Some(kind) = inner
        .strip_prefix("[!")
        .and_then(|r| r.split_once(']'))
        .map(|(k, _)| k)
    else {
        return;
    };
    if kind.is_empty() || !kind.chars().all(char::is_alphabetic) {
        return;
    }
    let known = CALLOUTS
        .iter()
        .map(|c| format!("`[!{c}]`"))
        .collect::<Vec<_>>()
        .join(", ");
    let upper = kind.to_uppercase();
    let suggestion = if CALLOUTS.contains(&upper.as_str()) {
        Some(upper)
    } else {
        synonym(&upper).map(str::to_string)
    };
    let hint = match suggestion {
        Some(s) => format!("did you mean `[!{s}]`? The callout types are {known}"),
        None => format!("the callout types are {known}; their labels are translated for readers"),
    };
    let at = range.start + first.len() - inner.len();
    st.warn(
        at,
        format!("unknown callout type `[!{kind}]`: it is shown as a quote"),
        Some(&hint),
    );
}

/// Callout types authors reach for, in English and in the site's other languages.
fn synonym(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "DANGER" | "ERROR" | "ALERT" | "ATTENTION" | "PELIGRO" | "GEFAHR" => "CAUTION",
        "AVERTISSEMENT" | "ADVERTENCIA" | "WARNUNG" | "AVISO" | "ALERTE" => "WARNING",
        "INFO" | "INFORMATION" | "REMARQUE" | "NOTA" | "HINWEIS" => "NOTE",
        "ASTUCE" | "CONSEIL" | "CONSEJO" | "HINT" => "TIP",
        "IMPORTANTE" | "WICHTIG" => "IMPORTANT",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_targets_with_spaces() {
        let mut found = Vec::new();
        let line = "See ![flow](images/referral flow.png) and [ok](a.md \"title\") `[x](a b)` [y](<a b.md>).";
        spaced_targets(line, 100, &mut found);
        assert_eq!(
            found,
            [(
                112,
                "image".to_string(),
                "images/referral flow.png".to_string()
            )]
        );
    }
}
