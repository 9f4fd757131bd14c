//! pandoc's spans, and Word's tracked changes among them. pandoc wraps its
//! lines at 72 columns, so a span's text often starts on a line before
//! its `]{…}`. With `--track-changes=all` it writes Word's revisions and
//! comments as spans: `[words]{.insertion author="…" date="…"}`,
//! `[words]{.deletion …}`, and `[the comment]{.comment-start id="0" …}`
//! before the words commented on, `[]{.comment-end id="0"}` after. Left
//! as other spans are (their text kept), a page published the words a
//! reviewer deleted and the reviewers' notes to each other. They are
//! published as Word's Accept All Changes (and pandoc's default,
//! `--track-changes=accept`) would have them: deletions and comments left
//! out whole, insertions kept.

/// Longest span text looked back over for its `[`: keeps the scan linear
/// (each look back stops at the nearest bracket) and bounded.
const MAX_SPAN: usize = 4000;

/// What a tracked change's span is left as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Change {
    /// Inserted words, or a marker with no words (a comment's end).
    Kept,
    /// Deleted words, or a comment's own text.
    LeftOut,
}

/// The tracked change a span whose attributes are `block` is, if any.
pub(super) fn change(block: &str) -> Option<Change> {
    let classes = block
        .split(|c: char| c.is_whitespace() || c == '{' || c == '}')
        .filter_map(|item| item.strip_prefix('.'));
    for class in classes {
        match class {
            "deletion" | "comment-start" => return Some(Change::LeftOut),
            "insertion" | "comment-end" | "paragraph-insertion" | "paragraph-deletion" => {
                return Some(Change::Kept);
            }
            _ => {}
        }
    }
    None
}

/// The `[` that opens a span whose `]` is just after `before` (the body
/// up to it), within its paragraph: the nearest bracket, which must be a
/// `[` that is not an image's `![` or an escaped `\[`. With `nested`, the
/// `[` that matches, past whole `[…]` pairs inside (a deletion holding an
/// underlined word, `[[x]{.underline} y]{.deletion}`).
pub(super) fn span_open(before: &[u8], nested: bool) -> Option<usize> {
    let floor = before.len().saturating_sub(MAX_SPAN);
    let mut depth = 0usize;
    let mut i = before.len();
    while i > floor {
        i -= 1;
        match before[i] {
            b']' if nested => depth += 1,
            b']' => return None,
            b'[' if depth > 0 => depth -= 1,
            b'[' => {
                let escaped = i > 0 && matches!(before[i - 1], b'!' | b'\\');
                return (!escaped).then_some(i);
            }
            // A blank line ends the paragraph: no span goes past it.
            b'\n' if blank_line_after(&before[i + 1..]) => return None,
            _ => {}
        }
    }
    None
}

/// Whether `rest` starts with a whole line of spaces, ended by its `\n`.
fn blank_line_after(rest: &[u8]) -> bool {
    let end = rest
        .iter()
        .position(|&c| c == b'\n' || !c.is_ascii_whitespace());
    end.is_some_and(|e| rest[e] == b'\n')
}

/// What the warning shows of the change at `rest` (its `[` or its `{`):
/// its class, not the words or names it holds.
pub(super) fn shown(rest: &str) -> String {
    let words = rest.starts_with('[');
    let block = match rest.find("]{") {
        Some(i) if words => &rest[i + 1..],
        _ => rest,
    };
    let class = block
        .split(|c: char| c.is_whitespace() || c == '{' || c == '}')
        .filter_map(|item| item.strip_prefix('.'))
        .next()
        .unwrap_or("insertion");
    let words = if words { "[…]" } else { "" };
    format!("{words}{{.{class} …}}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_by_their_class() {
        assert_eq!(
            change("{.deletion author=\"A B\" date=\"2024-03-01\"}"),
            Some(Change::LeftOut)
        );
        assert_eq!(change("{.comment-start id=\"0\"}"), Some(Change::LeftOut));
        assert_eq!(change("{.insertion author=\"A\"}"), Some(Change::Kept));
        assert_eq!(change("{.comment-end id=\"0\"}"), Some(Change::Kept));
        assert_eq!(change("{.underline}"), None);
        assert_eq!(change("{#deletion}"), None);
    }

    #[test]
    fn a_span_opens_on_an_earlier_line_of_its_paragraph() {
        let b = b"about [all the services\nin the district";
        assert_eq!(span_open(b, false), Some(6));
        assert_eq!(span_open(b"[a\n\nb", false), None);
        assert_eq!(span_open(b"[a\n  \nb", false), None);
        assert_eq!(span_open(b"[a\n", false), Some(0));
        assert_eq!(span_open(b"[x] b", false), None);
        assert_eq!(span_open(b"![x b", false), None);
        assert_eq!(span_open(b"[[x]{.underline} y", true), Some(0));
        assert_eq!(span_open(b"[[x]{.underline} y", false), None);
    }

    #[test]
    fn shown_by_class() {
        assert_eq!(shown("[gone]{.deletion author=\"A\"}"), "[…]{.deletion …}");
        assert_eq!(
            shown("{.insertion author=\"A\"} b[c]{.deletion}"),
            "{.insertion …}"
        );
    }
}
