//! A `#` at the start of a line of text, which CommonMark shows as written
//! and other tools do not: a heading without the space after its `#`
//! (`#Before you start`, which Markdown.pl, Bear and some wiki exports
//! read as a heading), and Obsidian's tags on a line of their own
//! (`#consent #referral`), which Obsidian hides from the reader, and a
//! heading typed with a full-width `＃` (a Chinese or Japanese input
//! method's), which is no `#` to Markdown. Nothing
//! is lost, so each stays as written; the author is told, once per kind
//! and page, at the first place.

use super::found;
use crate::markdown::state::{Frame, Kind, State};

/// Looks at one source line of text, which starts at body offset `start`.
pub(super) fn look(st: &mut State, line: &str, start: usize) {
    let t = line.trim_start_matches(' ');
    // A setext heading's text (`#Scope` above `===`) is a heading already.
    let in_heading = || st.frames.iter().any(|f| matches!(f, Frame::Heading { .. }));
    if line.len() - t.len() > 3 || !t.starts_with(['#', '＃']) || in_heading() {
        return;
    }
    let at = start + (line.len() - t.len());
    if fullwidth_heading(t) {
        found(st, Kind::HashHeading, at);
    } else if is_tag_line(t) {
        found(st, Kind::Tags, at);
    } else if heading_without_space(t) {
        found(st, Kind::HashHeading, at);
    }
}

/// Only tags, `#consent #safety/planning`: `#`, then letters, digits, `_`,
/// `-` or `/`, at least one of them not a digit (Obsidian's rule: `#1` is
/// not a tag).
pub(super) fn is_tag_line(line: &str) -> bool {
    let tag = |w: &str| {
        w.strip_prefix('#').is_some_and(|name| {
            name.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '/'))
                && name.chars().any(|c| !c.is_ascii_digit())
                && !name.is_empty()
        })
    };
    let mut words = line.split_whitespace().peekable();
    words.peek().is_some() && words.all(tag)
}

/// `#Title`, `##Scope of this guide`: one to six `#`, then a letter, and
/// more words than a tag line has.
fn heading_without_space(line: &str) -> bool {
    let rest = line.trim_start_matches('#');
    (1..=6).contains(&(line.len() - rest.len()))
        && rest.chars().next().is_some_and(char::is_alphabetic)
}

/// `＃ 見出し`: the full-width number sign a Chinese, Japanese or Korean
/// input method types, which is no heading's `#`; one to six, then a
/// space, an ideographic space or text.
fn fullwidth_heading(line: &str) -> bool {
    let rest = line.trim_start_matches('＃');
    let n = (line.len() - rest.len()) / '＃'.len_utf8();
    (1..=6).contains(&n) && !rest.trim_start_matches([' ', '\u{3000}']).is_empty()
}

#[cfg(test)]
mod tests {
    use super::{fullwidth_heading, heading_without_space, is_tag_line};

    #[test]
    fn tag_lines_and_headings_without_a_space() {
        for tags in [
            "#consent",
            "#consent #referral",
            "#safety/planning  #2026-plan",
        ] {
            assert!(is_tag_line(tags), "{tags}");
        }
        for not in ["#1", "#consent and more", "# consent", "#", "#a.b", "#1 #2"] {
            assert!(!is_tag_line(not), "{not}");
        }
        for heading in ["#Before you start", "##Scope", "###### Six"] {
            assert_eq!(heading_without_space(heading), !heading.contains("# "));
        }
        for not in ["#1 priority", "####### Seven", "# Title", "#- item"] {
            assert!(!heading_without_space(not), "{not}");
        }
        assert!(fullwidth_heading("＃ 見出し"));
        assert!(fullwidth_heading("＃＃\u{3000}安全計画"));
        assert!(!fullwidth_heading("＃"));
        assert!(!fullwidth_heading("# Title"));
    }
}
