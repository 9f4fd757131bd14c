//! Lines as Word and keyboards leave them, which look right in an editor
//! and are read as something else: a table pasted as lines with tabs
//! between their cells (browsers show each tab as a space, and the lines
//! of a paragraph run on, so the whole table became one line of words),
//! and a non-breaking space where Markdown wants a space (`##` then
//! U+00A0, which Word puts in and a Mac keyboard types with Option still
//! held), so that a heading or list item was shown as `## Title`. Nothing
//! is lost, so each stays as written; the author is told, once per kind
//! and page, at the first place.

use super::found;
use crate::markdown::state::{Kind, State, TabRow};

/// What Google Docs' "Docs to Markdown" add-on writes before each of its
/// alerts, which it asks the author to act on and delete.
const GD2MD_ALERT: &str = "gd2md-html alert";

/// The add-on's alerts left in the page (`>>>>>  gd2md-html alert:
/// inline image link here …`), at the first and counted. They are raw
/// HTML (a `<p>` with red text), which is kept: readers saw the
/// converter's notes, and the warning named only the colour it lost.
pub(super) fn gd2md_alerts(st: &mut State) {
    let body = super::body(st);
    let b = body.as_bytes();
    // Found only where an alert's name is: most pages have none.
    let mut comments = None;
    let mut c = 0;
    let mut starts = Vec::new();
    for i in memchr::memmem::find_iter(b, GD2MD_ALERT) {
        // Each alert starts `>>>>>` (a few spaces before the name): the
        // name alone, in a sentence about the add-on, is no alert.
        let window = &b[i.saturating_sub(12)..i];
        let Some(j) = memchr::memmem::rfind(window, b">>>>>") else {
            continue;
        };
        let comments: &Vec<_> = comments.get_or_insert_with(|| comment_ranges(b));
        while comments.get(c).is_some_and(|r| r.end <= i) {
            c += 1;
        }
        // In an HTML comment (the add-on's summary at the top), no
        // reader sees it.
        if comments.get(c).is_some_and(|r| r.start <= i) {
            continue;
        }
        let at = i.saturating_sub(12) + j;
        // In code (an example of the alert in a page about the add-on):
        // code is shown as written, never named.
        let code = &st.dialects.code;
        let k = code.partition_point(|r| r.end <= at);
        if code.get(k).is_some_and(|r| r.start <= at) {
            continue;
        }
        starts.push(at);
    }
    for i in starts {
        found(st, Kind::Gd2mdAlert, i);
    }
}

/// The HTML comments of `b`, `<!--` to `-->` (or the end), in order.
fn comment_ranges(b: &[u8]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = memchr::memmem::find(&b[from..], b"<!--").map(|i| from + i) {
        let end =
            memchr::memmem::find(&b[open + 4..], b"-->").map_or(b.len(), |i| open + 4 + i + 3);
        out.push(open..end);
        from = end;
    }
    out
}

/// Looks at one line of text, which starts at body offset `start`.
pub(super) fn look(st: &mut State, line: &str, start: usize) {
    if let Some((i, _)) = nbsp_marker(line) {
        found(st, Kind::NbspMarker, start + i);
    }
    if let Some((i, _, _)) = invisible_marker(line) {
        found(st, Kind::InvisibleMarker, start + i);
    }
    if dash_rule(line) {
        let lead = line.len() - line.trim_start().len();
        found(st, Kind::DashRule, start + lead);
    }
    let prev = st.dialects.tab_row.take();
    // A pipe table's row may hold a tab in a cell.
    // Cells are split at tabs: without one, a line is one cell at most.
    let has = |b| memchr::memchr(b, line.as_bytes()).is_some();
    if !has(b'\t') || has(b'|') || cells(after_list_marker(line)).count() < 2 {
        return;
    }
    let end = start + line.len();
    // A second line of the same paragraph: a table, counted once.
    let row = match prev {
        Some(p) if p.end + 1 == start => {
            if !p.counted {
                found(st, Kind::TabTable, p.first);
            }
            TabRow {
                end,
                counted: true,
                ..p
            }
        }
        _ => TabRow {
            first: start,
            end,
            counted: false,
        },
    };
    st.dialects.tab_row = Some(row);
}

/// `line` after a list item's marker and the tab after it (`1.\tCall the
/// hotline`, as Word pastes a numbered list, which Markdown reads as a
/// list): its first cell is the item's text, not the number. `line` when
/// it starts with none.
fn after_list_marker(line: &str) -> &str {
    let t = line.trim_start_matches([' ', '\t']);
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let rest = if (1..=9).contains(&digits) {
        t[digits..].strip_prefix(['.', ')'])
    } else {
        t.strip_prefix(['-', '*', '+'])
    };
    rest.filter(|r| r.starts_with([' ', '\t']) && r.trim_start_matches(' ').starts_with('\t'))
        .map_or(line, |r| r.trim_start_matches([' ', '\t']))
}

/// The cells of a line with tabs between its words (a run of tabs is one
/// gap, as Word pastes them to line up columns).
pub(super) fn cells(line: &str) -> impl Iterator<Item = &str> {
    line.trim()
        .split('\t')
        .map(str::trim)
        .filter(|c| !c.is_empty())
}

/// The row to write for a line of cells, `| Name | Phone |`, shortened.
pub(super) fn pipe_row(line: &str) -> String {
    let cells: Vec<&str> = cells(line).collect();
    let row = format!("| {} |", cells.join(" | "));
    match row.char_indices().nth(80) {
        Some((i, _)) => format!("{}…", &row[..i]),
        None => row,
    }
}

/// A non-breaking space that keeps `line` from being a heading or a list
/// item: after its marker (`##`, `-`, `1.`), or before it where only
/// spaces may be. Where the marker (or the space before it) is, and the
/// marker.
pub(super) fn nbsp_marker(line: &str) -> Option<(usize, &str)> {
    const NBSP: char = '\u{a0}';
    let lead = line.len() - line.trim_start_matches([' ', '>']).len();
    let rest = &line[lead..];
    if let Some(after) = rest.strip_prefix(NBSP) {
        let t = after.trim_start_matches([' ', NBSP]);
        let m = marker(t)?;
        let next = t[m..].chars().next();
        return next
            .is_none_or(|c| c == ' ' || c == NBSP)
            .then_some((lead, &t[..m]));
    }
    let m = marker(rest)?;
    rest[m..].starts_with(NBSP).then_some((lead, &rest[..m]))
}

/// Characters no editor shows, which keep a line that starts with them
/// from being a heading or a list item: a byte-order mark (files joined
/// one after another keep each one's), zero-width spaces and joiners,
/// direction marks (Word puts them before `#` in Arabic text) and a soft
/// hyphen.
const INVISIBLE: [char; 9] = [
    '\u{feff}', '\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{200e}', '\u{200f}', '\u{61c}',
    '\u{ad}',
];

/// An invisible character that keeps `line` from being a heading or a
/// list item, where only spaces may be before its marker: where it is,
/// the character, and the marker.
pub(super) fn invisible_marker(line: &str) -> Option<(usize, char, &str)> {
    let lead = line.len() - line.trim_start_matches([' ', '>']).len();
    let rest = &line[lead..];
    let c = rest.chars().next().filter(|c| INVISIBLE.contains(c))?;
    let after = rest.trim_start_matches(INVISIBLE);
    let t = after.trim_start_matches(' ');
    // Four spaces would make the line code anyway.
    if after.len() - t.len() > 3 {
        return None;
    }
    let m = marker(t)?;
    t[m..]
        .chars()
        .next()
        .is_none_or(|n| n == ' ' || n == '\t')
        .then_some((lead, c, &t[..m]))
}

/// Dashes Word's AutoCorrect makes of hyphens: en and em dashes, and
/// the horizontal bar and figure dash that other editors type.
const LONG_DASHES: [char; 4] = ['\u{2013}', '\u{2014}', '\u{2015}', '\u{2012}'];

/// Whether `line` is a table's rule line with long dashes, `|———|———|`:
/// CommonMark reads no table without its hyphens, and shows every row as
/// text. Only bars, colons, spaces and dashes, with a bar and a long dash.
pub(super) fn dash_rule(line: &str) -> bool {
    let t = line.trim();
    // The characters first: a line of text stops at its first letter,
    // where a search for `|` would read it whole (this runs on every line).
    t.chars()
        .all(|c| matches!(c, '|' | ':' | '-' | ' ' | '\t') || LONG_DASHES.contains(&c))
        && t.contains('|')
        && t.contains(LONG_DASHES)
}

/// The rule to write for `line`, with three hyphens for each run of
/// dashes and the colons kept: `|:———|———|` is `|:---|---|`.
pub(super) fn hyphen_rule(line: &str) -> String {
    let mut out = String::new();
    let mut in_dashes = false;
    for c in line.trim().chars() {
        if c == '-' || LONG_DASHES.contains(&c) {
            if !in_dashes {
                out.push_str("---");
            }
            in_dashes = true;
        } else {
            in_dashes = false;
            out.push(c);
        }
    }
    out
}

/// The length of a heading's or list item's marker at the start of `s`.
fn marker(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let hashes = b.iter().take_while(|&&c| c == b'#').count();
    if (1..=6).contains(&hashes) {
        return Some(hashes);
    }
    if matches!(b.first(), Some(b'-' | b'*' | b'+')) {
        return Some(1);
    }
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    ((1..=9).contains(&digits) && matches!(b.get(digits), Some(b'.' | b')'))).then_some(digits + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_breaking_spaces_that_unmake_a_heading_or_an_item() {
        assert_eq!(nbsp_marker("##\u{a0}Scope"), Some((0, "##")));
        assert_eq!(nbsp_marker("-\u{a0}item"), Some((0, "-")));
        assert_eq!(nbsp_marker("12.\u{a0}item"), Some((0, "12.")));
        assert_eq!(nbsp_marker("> #\u{a0}x"), Some((2, "#")));
        assert_eq!(nbsp_marker("\u{a0}## Scope"), Some((0, "##")));
        for l in [
            "## Scope",
            "\u{a0}Indented words",
            "Prix\u{a0}: 10",
            "- \u{a0}item",
            "#hashtag\u{a0}x",
            "\u{a0}-5 degrees",
        ] {
            assert_eq!(nbsp_marker(l), None, "{l:?}");
        }
    }

    #[test]
    fn invisible_characters_that_unmake_a_heading_or_an_item() {
        assert_eq!(
            invisible_marker("\u{feff}# Drainage"),
            Some((0, '\u{feff}', "#"))
        );
        assert_eq!(
            invisible_marker("> \u{200b}- item"),
            Some((2, '\u{200b}', "-"))
        );
        assert_eq!(
            invisible_marker("\u{200f}\u{200f} 2. item"),
            Some((0, '\u{200f}', "2."))
        );
        for l in [
            "# Drainage",
            "\u{feff}Words",
            "\u{200b}#hashtag",
            "\u{200f}-5 degrees",
            "Text \u{feff}# not at the start",
        ] {
            assert_eq!(invisible_marker(l), None, "{l:?}");
        }
    }

    #[test]
    fn a_rule_of_long_dashes() {
        assert!(dash_rule("|———|———|"));
        assert!(dash_rule(" | :–– | ––: |"));
        assert_eq!(hyphen_rule("|:———|-—-:|"), "|:---|---:|");
        for l in ["|---|---|", "— a dash", "| a — b |", "———"] {
            assert!(!dash_rule(l), "{l:?}");
        }
    }

    #[test]
    fn a_list_items_tab_is_no_cell() {
        let cells_of = |l| cells(after_list_marker(l)).count();
        assert_eq!(cells_of("1.\tCall the hotline"), 1);
        assert_eq!(cells_of("\t2)\tWrite the date"), 1);
        assert_eq!(cells_of("-\tA bullet"), 1);
        assert_eq!(cells_of("- \tA bullet"), 1);
        assert_eq!(cells_of("- Name\tPhone"), 2);
        assert_eq!(cells_of("1.\tName\tPhone"), 2);
        assert_eq!(cells_of("2024\tReport"), 2);
        assert_eq!(cells_of("Name\tPhone"), 2);
    }

    #[test]
    fn a_line_of_cells_and_its_row() {
        assert_eq!(cells("Name\tPhone\t\tHours\t").count(), 3);
        assert_eq!(cells("One tab\t").count(), 1);
        assert_eq!(pipe_row("Name\tPhone\t\tHours"), "| Name | Phone | Hours |");
    }
}
