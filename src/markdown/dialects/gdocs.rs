//! A Google document's comments, as its web page download keeps them and
//! pandoc converts them: a mark `[a]` linking to `#cmnt1` where the
//! comment was made, and at the end of the document the comment itself,
//! a paragraph starting with `[a]` linking back to `#cmnt_ref1`. Written
//! `[\[a\]](#cmnt1){#cmnt_ref1}` (pandoc's Markdown), `<a href="#cmnt1"
//! id="cmnt_ref1">[a]</a>` (GitHub's) or `[[a]](#cmnt1)`. Google Docs
//! shows comments to its editors only; published, every reader got the
//! reviewers' notes to each other ("check this address with Amira") and
//! letters in brackets. Both are left out, as Word's comments are
//! (`tracked`), and never sent to translators.

use super::{body, found, overlapping};
use crate::markdown::state::{Kind, State};
use std::ops::Range;

/// Longest mark looked at around `#cmnt`: `<a href="#cmnt12"
/// id="cmnt_ref12">[ab]</a>` and pandoc's forms are shorter.
const MAX_MARK: usize = 120;

/// Adds the comments of `body` to `drops` (before Obsidian's and MDX's
/// comments, which leave out whole what they hold).
pub(super) fn add(body: &str, drops: &mut Vec<(Range<usize>, Kind)>) {
    // Asked of every page, and most have no comment: one search.
    if body.contains("#cmnt") {
        super::comments::merge(drops, find(body));
    }
}

/// Each comment's mark and each comment's text in `body`, in order: the
/// mark with the attributes after it, the text from its line's start to
/// the end of its paragraph (of its line, in a block of HTML).
pub(super) fn find(body: &str) -> Vec<(Range<usize>, Kind)> {
    let mut out: Vec<(Range<usize>, Kind)> = Vec::new();
    for at in memchr::memmem::find_iter(body.as_bytes(), b"#cmnt") {
        if out.last().is_some_and(|(r, _)| at < r.end) {
            continue;
        }
        let Some((mark, back)) = mark_around(body, at) else {
            continue;
        };
        let (line_start, line_end) = crate::text::line_around(body, mark.start);
        let before = &body[line_start..mark.start];
        if super::ticks::Ticks::new(&body[line_start..line_end]).in_code(before.len()) {
            continue;
        }
        let range = if back && opening_tags_only(before) {
            if before.trim_start().starts_with('<') {
                line_start..(line_end + 1).min(body.len())
            } else {
                line_start..paragraph_end(body, line_end)
            }
        } else {
            mark
        };
        out.push((range, Kind::GdocComment));
    }
    out
}

/// The mark whose link's target is the `#cmnt` at `at`, with the
/// attributes after it, and whether it links back to where the comment
/// was made (`#cmnt_ref1`: the comment's own text follows it).
fn mark_around(body: &str, at: usize) -> Option<(Range<usize>, bool)> {
    let rest = &body[at + 5..];
    let back = rest.starts_with("_ref");
    let digits = &rest[if back { 4 } else { 0 }..];
    let n = digits.bytes().take_while(u8::is_ascii_digit).count();
    if n == 0 {
        return None;
    }
    let after = at + 5 + if back { 4 } else { 0 } + n;
    let floor = body.ceil_char_boundary(at.saturating_sub(MAX_MARK));
    let head = &body[floor..at];
    let tail = &body[after..body.ceil_char_boundary(after + MAX_MARK)];
    if let Some(text) = head.strip_suffix("](") {
        // `[\\[a\\]](#cmnt1)` or `[[a]](#cmnt1)`, then `{#cmnt_ref1}`.
        let open = text.rfind("[\\[").or_else(|| text.rfind("[["))?;
        let label = text[open + 1..].trim_start_matches('\\');
        let label = label.strip_prefix('[')?.strip_suffix(']')?;
        if !label_only(label.strip_suffix('\\').unwrap_or(label)) {
            return None;
        }
        let close = tail.strip_prefix(')')?;
        let attrs = close
            .strip_prefix("{#cmnt")
            .and_then(|a| a.find('}').filter(|&i| i < 20))
            .map_or(0, |i| i + 7);
        Some((floor + open..after + 1 + attrs, back))
    } else if head.ends_with("href=\"") {
        // `<a href="#cmnt1" id="cmnt_ref1">[a]</a>`.
        let open = head.rfind("<a ")?;
        let close = tail.find("</a>")?;
        let inner = &tail[..close];
        let label = &inner[inner.find('>')? + 1..];
        let label = label.strip_prefix('[')?.strip_suffix(']')?;
        label_only(label).then_some((floor + open..after + close + 4, back))
    } else {
        None
    }
}

/// `a`, `b`, … `aa`: the letters Google Docs names its comments with.
fn label_only(label: &str) -> bool {
    !label.is_empty() && label.len() <= 4 && label.bytes().all(|b| b.is_ascii_lowercase())
}

/// Only spaces and HTML tags that open an element (`<div class="c3">`,
/// `<p>`) before the mark on its line: the comment's text starts there.
fn opening_tags_only(before: &str) -> bool {
    let mut t = before.trim_start();
    while let Some(rest) = t.strip_prefix('<') {
        if rest.starts_with('/') {
            return false;
        }
        let Some(i) = rest.find('>') else {
            return false;
        };
        t = rest[i + 1..].trim_start();
    }
    t.is_empty()
}

/// Where the paragraph whose line ends at `line_end` ends: after the
/// line break of its last line before a blank line, or at the body's end.
fn paragraph_end(body: &str, mut line_end: usize) -> usize {
    while line_end < body.len() {
        let next = line_end + 1;
        let (_, end) = crate::text::line_around(body, next);
        if body[next..end].trim().is_empty() {
            return next;
        }
        line_end = end;
    }
    body.len()
}

/// Whether the comment that starts `rest` is its text (its mark links back
/// to `#cmnt_ref1`), not its mark where it was made.
pub(super) fn is_text(rest: &str) -> bool {
    let line = rest.split('\n').next().unwrap_or("");
    line.find("#cmnt")
        .is_some_and(|i| line[i + 5..].starts_with("_ref"))
}

/// The comment's mark, `[a]`, to name it by: never its text, as messages
/// are kept in the output's manifest and may be shown to others.
pub(super) fn shown(rest: &str) -> String {
    let line = rest.split('\n').next().unwrap_or("");
    let start = line.find('[').map_or(0, |i| i + 1);
    let label: String = line[start..]
        .trim_start_matches(['\\', '['])
        .chars()
        .take_while(char::is_ascii_lowercase)
        .collect();
    format!("[{label}]")
}

/// The warning and hint for a Google document's comment left out.
pub(super) fn words(shown: &str, more: &str) -> (String, String) {
    (
        format!(
            "a Google Docs comment `{shown}` left out{more}: its mark and its text, which Google Docs shows to the document's editors only, are not published"
        ),
        format!(
            "delete the comment's mark, `{shown}`, where it was made and its paragraph at the end of the page; to keep a note from reaching the files at all, resolve or delete the comments in Google Docs before downloading the document"
        ),
    )
}

/// A line of a block of HTML that is a Google document's comment (its
/// `<p>` with the `<a>` linking back): counted where it starts.
pub(in crate::markdown) fn in_block(st: &mut State, range: &Range<usize>) -> bool {
    let inside = overlapping(&st.dialects.drops, range)
        .iter()
        .any(|(r, k)| *k == Kind::GdocComment && r.start <= range.start && range.end <= r.end);
    if inside {
        comment_at(st, range);
    }
    inside
}

/// A Google document's comment left out whole from where it starts (its
/// mark's link or raw `<a>`, whose text is never looked at): counted
/// there, once per comment: by its mark, or by its text on a page that
/// has the texts only (a document split into chapters).
pub(super) fn comment_at(st: &mut State, range: &Range<usize>) {
    let body = body(st);
    let drops = &st.dialects.drops;
    let text = |r: &Range<usize>| is_text(&body[r.start..]);
    let hit = overlapping(drops, range)
        .iter()
        .find(|(r, k)| *k == Kind::GdocComment && r.start == range.start);
    let counted = hit.is_some_and(|(r, _)| {
        !text(r)
            || !drops
                .iter()
                .any(|(r, k)| *k == Kind::GdocComment && !text(r))
    });
    if counted {
        found(st, Kind::GdocComment, range.start);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dropped(body: &str) -> Vec<&str> {
        find(body).into_iter().map(|(r, _)| &body[r]).collect()
    }

    #[test]
    fn a_comments_mark_and_text_are_found_in_each_form() {
        let body = "Call first.[\\[a\\]](#cmnt1){#cmnt_ref1} Then.\n\n[\\[a\\]](#cmnt_ref1){#cmnt1}Check it.\nStill the note.\n\nAfter.\n";
        assert_eq!(
            dropped(body),
            [
                "[\\[a\\]](#cmnt1){#cmnt_ref1}",
                "[\\[a\\]](#cmnt_ref1){#cmnt1}Check it.\nStill the note.\n"
            ]
        );
        let body = "Call.<sup><a href=\"#cmnt2\" id=\"cmnt_ref2\">[b]</a></sup>\n\n<div>\n<p><a href=\"#cmnt_ref2\" id=\"cmnt2\">[b]</a>Jane: no.</p>\n</div>\n";
        assert_eq!(
            dropped(body),
            [
                "<a href=\"#cmnt2\" id=\"cmnt_ref2\">[b]</a>",
                "<p><a href=\"#cmnt_ref2\" id=\"cmnt2\">[b]</a>Jane: no.</p>\n"
            ]
        );
        assert_eq!(dropped("x [[c]](#cmnt3) y"), ["[[c]](#cmnt3)"]);
        assert_eq!(shown("[\\[a\\]](#cmnt_ref1){#cmnt1}Check"), "[a]");
        assert_eq!(shown("<p><a href=\"#cmnt_ref2\">[b]</a>"), "[b]");
        assert!(is_text("[\\[a\\]](#cmnt_ref1){#cmnt1}Check"));
        assert!(!is_text("[\\[a\\]](#cmnt1){#cmnt_ref1} Then"));
    }

    #[test]
    fn other_links_are_not_comments() {
        for body in [
            "[see the comment](#cmnt1)",
            "[\\[1\\]](#cmnt1)",
            "[[a]](#cmnt)",
            "[[a]](#cmntx)",
            "## Comments {#cmnt-policy}",
            "`#cmnt1`",
            "Write `[[a]](#cmnt1)` so.",
            "<a href=\"#cmnt1\">comment</a>",
            "[[a]](#comments1)",
        ] {
            assert!(find(body).is_empty(), "{body}");
        }
    }
}
