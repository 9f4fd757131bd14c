//! pandoc's line blocks, `| 12 Harbour Road` lines, as pandoc writes an
//! address, a poem or a hotline card from Word. CommonMark read them as
//! one paragraph, the lines run together with their `|` marks. Nothing
//! about them is unclear, so each is published as the lines it is: the
//! page is parsed with each `|` written as a space, at the same offset, so
//! that every message keeps its place, and the line breaks between its
//! lines become hard breaks (`Dialects::line_breaks`), where the reader
//! saw them run together.

use super::listing::{lines, text};
use super::printed::block_line;
use std::borrow::Cow;
use std::ops::Range;

/// Line blocks found in a page: where each starts, and the line breaks
/// (body offsets of their `\n`) to publish as hard breaks, in order.
#[derive(Default)]
pub(in crate::markdown) struct LineBlocks {
    pub(in crate::markdown) starts: Vec<usize>,
    pub(in crate::markdown) breaks: Vec<usize>,
    /// Where each `|` written as a space was.
    pub(in crate::markdown) marks: Vec<usize>,
}

/// `body` with each pandoc line block's `|` marks written as spaces.
pub(in crate::markdown) fn convert(body: Cow<'_, str>) -> (Cow<'_, str>, LineBlocks) {
    let mut found = LineBlocks::default();
    if !maybe(&body) {
        return (body, found);
    }
    let lines = lines(&body);
    let mut fence: Option<(u8, usize)> = None;
    let mut i = 0;
    while i < lines.len() {
        let t = text(&body, &lines[i]);
        match (fence, super::comments::fence_of(t.trim_start_matches(' '))) {
            (None, Some(f)) => fence = Some(f),
            (Some((c, n)), Some((c2, n2))) if c == c2 && n2 >= n => fence = None,
            (None, None) if block_line(t) => {
                let end = run_end(&body, &lines, i);
                // Two of its lines at least: one alone may be anything.
                let marked = lines[i..end]
                    .iter()
                    .filter(|l| block_line(text(&body, l)))
                    .count();
                if let Some(run) = convertible(&body, &lines, i, end).filter(|_| marked > 1) {
                    found.starts.push(lines[i].start);
                    found.breaks.extend(run.breaks);
                    found.marks.extend(run.marks);
                }
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    if found.marks.is_empty() {
        return (body, found);
    }
    let mut bytes = body.into_owned().into_bytes();
    for &m in &found.marks {
        bytes[m] = b' ';
    }
    // Only ASCII `|` bytes were replaced, by spaces.
    let out = String::from_utf8(bytes).unwrap_or_default();
    (Cow::Owned(out), found)
}

/// Whether `body` may hold a line block: a line that starts with `| `, or
/// ` | `, and has no other `|`. Asked of every page, and most pages with
/// lines starting so hold pipe tables, whose rows have other `|`: each
/// `|` is looked at once, and no line is split unless one is found.
fn maybe(body: &str) -> bool {
    let b = body.as_bytes();
    let mut from = 0;
    while let Some(i) = memchr::memchr(b'|', &b[from..]).map(|i| from + i) {
        let lead = b[..i].iter().rev().take_while(|&&c| c == b' ').count();
        let at_start = i == lead || b[i - lead - 1] == b'\n';
        let end = memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |n| i + n);
        if at_start
            && lead < 2
            && b.get(i + 1) == Some(&b' ')
            && memchr::memchr(b'|', &b[i + 1..end]).is_none()
        {
            return true;
        }
        // The rest of the line's `|` start no line.
        from = end;
    }
    false
}

/// The line after the run of line block lines starting at `at`: its
/// `| ` lines, a lone `|` between two of them (pandoc's empty line), and
/// the lines that continue one (starting with a space).
fn run_end(body: &str, lines: &[Range<usize>], at: usize) -> usize {
    let mut i = at + 1;
    while let Some(line) = lines.get(i) {
        let t = text(body, line);
        let empty_mark =
            t.trim_end() == "|" && lines.get(i + 1).is_some_and(|n| block_line(text(body, n)));
        let continued = t.starts_with(' ') && !t.trim().is_empty();
        if !(block_line(t) || empty_mark || continued) {
            break;
        }
        i += 1;
    }
    i
}

/// What converting a run changes.
struct Run {
    marks: Vec<usize>,
    breaks: Vec<usize>,
}

/// The `|` bytes to blank and the breaks to make hard in the run of lines
/// `at..end`, or `None` when it is better left as written: a `|` indented
/// so far that its line would become code, or a line that makes it a
/// table (`| ---` under a one-column row, or after the run).
fn convertible(body: &str, lines: &[Range<usize>], at: usize, end: usize) -> Option<Run> {
    let rule = super::printed::table_rule;
    if lines.get(end).is_some_and(|l| rule(text(body, l))) {
        return None;
    }
    let mut run = Run {
        marks: Vec::new(),
        breaks: Vec::new(),
    };
    for (k, line) in lines[at..end].iter().enumerate() {
        let t = text(body, line);
        if rule(t) {
            return None;
        }
        let lead = t.len() - t.trim_start_matches(' ').len();
        if !t[lead..].starts_with('|') {
            // A line continuing the one before it.
            continue;
        }
        // Two spaces take the place of `| `: more than three before the
        // text would make the first line code.
        if lead > 1 {
            return None;
        }
        run.marks.push(line.start + lead);
        // A hard break before each next `| ` line (not before a lone `|`,
        // which ends the paragraph, nor after it).
        if t.trim_end() == "|" {
            continue;
        }
        // The line's own continuation lines, then the next line of the
        // block: when it is a `| ` line, a hard break after the last of
        // them.
        let own = lines[at + k + 1..end]
            .iter()
            .take_while(|l| {
                let n = text(body, l);
                n.starts_with(' ') && !block_line(n)
            })
            .count();
        let next = lines[at + k + 1..end].get(own).map(|l| text(body, l));
        if next.is_some_and(block_line) {
            run.breaks.push(lines[at + k + own].end);
        }
    }
    Some(run)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(body: &str) -> (String, Vec<usize>, Vec<usize>) {
        let (out, found) = convert(Cow::Borrowed(body));
        (out.into_owned(), found.starts, found.breaks)
    }

    #[test]
    fn a_line_block_is_its_lines() {
        let body = "Write to us:\n\n| Office\n| 12 Harbour Road\n| Mombasa\n\nAfter.\n";
        let (out, starts, breaks) = run(body);
        assert_eq!(
            out,
            "Write to us:\n\n  Office\n  12 Harbour Road\n  Mombasa\n\nAfter.\n"
        );
        assert_eq!(starts, [14]);
        assert_eq!(breaks, [22, 40]);
        // A line continued on the next, and an empty line between stanzas.
        let body = "| The first line, which\n  goes on\n| a second\n|\n| a third\r\n| last\n";
        let (out, _, breaks) = run(body);
        assert_eq!(
            out,
            "  The first line, which\n  goes on\n  a second\n \n  a third\r\n  last\n"
        );
        let at = |s: &str| body.find(s).unwrap() + s.len();
        assert_eq!(breaks, [at("goes on"), at("a third\r")]);
    }

    #[test]
    fn what_is_not_a_line_block_is_left_alone() {
        for body in [
            // A table of one column, with or without its last `|`.
            "| Name\n| ---\n| Amina\n",
            "| Name\n| Role\n| --- |\n",
            // A table's rows.
            "| Name | Phone |\n|---|---|\n| A | 1 |\n",
            // In a code block.
            "```\n| a\n| b\n```\n",
            // One line alone.
            "| alone\n\nText.\n",
            // Indented so far that it would become code.
            "   | a\n   | b\n",
        ] {
            let (out, starts, breaks) = run(body);
            assert_eq!(out, body);
            assert!(starts.is_empty() && breaks.is_empty(), "{body}");
        }
    }
}
