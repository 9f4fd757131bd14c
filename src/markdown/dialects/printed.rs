//! What a document made for paper leaves in its text when it is copied
//! or converted: the page numbers of a PDF's or Word document's footers
//! (`Page 3 of 12`, `- 3 -`), and pandoc's line blocks (`| 12 Main
//! Street`), which keep an address's or a poem's lines apart. Readers got
//! a page number in the middle of the text (`- 3 -` as a list item,
//! `3 -`), and a line block's lines run together with their `|` marks.
//! Each stays as written, named once per page at the first place.

/// How a footer names a page and its count, in the languages its
/// documents are written in.
const PAGE_OF: &[(&str, &str)] = &[
    ("page", "of"),
    ("page", "sur"),
    ("página", "de"),
    ("pagina", "di"),
    ("pagina", "de"),
    ("seite", "von"),
    ("страница", "из"),
    ("صفحة", "من"),
    ("الصفحة", "من"),
];

/// Longest footer looked at.
const MAX_LINE: usize = 48;

/// `line` is a page number alone on its line, `Page 3 of 12`, `Seite 3
/// von 12`, `- 3 -`: where it starts, and its length.
pub(super) fn page_number(line: &str) -> Option<(usize, usize)> {
    let t = line.trim();
    let lead = line.len() - line.trim_start().len();
    // Asked of every line of text: most end in neither, and are let go
    // before their words are looked at.
    let last = t.chars().next_back()?;
    if t.len() > MAX_LINE || !(last.is_numeric() || matches!(last, '-' | '–' | '—')) {
        return None;
    }
    let number = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_numeric());
    let mut it = t.split_whitespace();
    let words = [it.next(), it.next(), it.next(), it.next(), it.next()];
    let found = match words {
        [Some(dash), Some(n), Some(end), None, None] => {
            ["-", "–", "—"].contains(&dash) && dash == end && number(n)
        }
        [Some(page), Some(n), Some(of), Some(m), None] => {
            let page = page.to_lowercase();
            let of = of.to_lowercase();
            number(n) && number(m) && PAGE_OF.iter().any(|&(p, o)| p == page && o == of)
        }
        _ => false,
    };
    found.then_some((lead, t.len()))
}

/// The warning and hint for a page number.
pub(super) fn page_words(shown: &str, more: &str) -> (String, String) {
    (
        format!(
            "a printed page's number `{shown}` is shown as text{more}: it was a footer or header of the document this page was made from"
        ),
        "delete the line (and any running header repeated with it): a web page has no printed pages, and its print version numbers its own".to_string(),
    )
}

/// A line of a pandoc line block, `| 12 Main Street`: `|` and a space
/// first, and no other `|` (a table's row has them between its cells).
pub(super) fn block_line(line: &str) -> bool {
    let t = line.trim_start_matches(' ');
    line.len() - t.len() < 4
        && t.strip_prefix("| ")
            .is_some_and(|rest| !rest.trim().is_empty() && !rest.contains('|'))
}

/// The line `start..end` of `body` starts a pandoc line block: it is one
/// of its lines, the line after it is too, and the one before is not.
pub(super) fn starts_line_block(body: &str, start: usize, end: usize) -> bool {
    if !body[start..end].trim_start().starts_with("| ") || !block_line(&body[start..end]) {
        return false;
    }
    let after = body.get(end + 1..).unwrap_or("");
    let next = after.split('\n').next().unwrap_or("");
    let prev = body[..start.saturating_sub(1)]
        .rsplit('\n')
        .next()
        .filter(|_| start > 0)
        .unwrap_or("");
    end < body.len() && block_line(next) && !table_rule(next) && !block_line(prev)
}

/// `| ---`, `|:--|`: a table's rule, which makes the `| Name` line above
/// it a table's header (a table of one column needs no other `|`).
pub(super) fn table_rule(line: &str) -> bool {
    let t = line.trim();
    t.contains('|') && t.contains('-') && t.bytes().all(|b| b" |-:".contains(&b))
}

/// The warning and hint for a line block.
pub(super) fn block_words(shown: &str, more: &str) -> (String, String) {
    (
        format!(
            "a pandoc line block `{shown}` is shown with its `|` marks, its lines run together{more}: fieldguide's Markdown has no line blocks"
        ),
        "write the lines without `| `, each but the last ending with a backslash, `\\`, which keeps the next on a line of its own (an address, a poem)".to_string(),
    )
}

/// The warning and hint for a line block published as its lines.
pub(super) fn lines_words(shown: &str, more: &str) -> (String, String) {
    (
        format!(
            "a pandoc line block `{shown}` is published as its lines, each on a line of its own, without the `|` marks{more}: fieldguide's Markdown has no line blocks"
        ),
        "to write it in Markdown, write the lines without `| `, each but the last ending with a backslash, `\\`, which keeps the next on a line of its own".to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::{page_number, starts_line_block};

    #[test]
    fn page_numbers_and_not_prose() {
        for line in [
            "Page 3 of 12",
            "  PAGE 3 OF 12",
            "Page 3 sur 12",
            "Página 3 de 12",
            "Seite 3 von 12",
            "الصفحة ٣ من ١٢",
            "- 3 -",
            "— 12 —",
        ] {
            assert!(page_number(line).is_some(), "{line}");
        }
        for line in [
            "Page 3 of the report",
            "See page 3 of 12",
            "Page 3",
            "- 3 - 5 years",
            "- 3",
            "1 - 2 - 3",
            "- a -",
            "Página tres de doce",
        ] {
            assert!(page_number(line).is_none(), "{line}");
        }
    }

    #[test]
    fn line_blocks_and_not_tables() {
        let body = "Intro.\n\n| Office\n| 12 Main Street\n| Town\n\n| Name | Phone |\n| A | 1 |\n\n| alone\n\n| Nom\n| ---\n| Amina\n";
        let starts = |l: &str| {
            let s = body.find(l).unwrap();
            starts_line_block(body, s, s + l.len())
        };
        assert!(starts("| Office"));
        assert!(!starts("| 12 Main Street"));
        assert!(!starts("| Name | Phone |"));
        assert!(!starts("| alone"));
        assert!(!starts("| Nom"));
    }
}
