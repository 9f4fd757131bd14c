//! Confluence's wiki markup writes bold with one star on each side,
//! `*Before you call*`, and italics with underscores, `_only_`. Markdown
//! reads one star as italics, so a page copied from a Confluence page's
//! source published its bold words in italics, and only its `h2.` lines
//! were named. On a page of Confluence's markup (`h2.`, `{info}`,
//! `||Step||Who||` lines: `jira::marks_page`), one-star emphasis is
//! published as the bold its author meant, with a warning giving the
//! Markdown to write.

use super::{body, found, jira};
use crate::markdown::state::{Kind, State};
use pulldown_cmark::{Event, Tag, TagEnd};
use std::ops::Range;

/// `event` with one-star emphasis as bold on a page of Confluence's
/// markup; an emphasis's end as its start was.
pub(super) fn filter<'a>(
    st: &mut State<'_, 'a>,
    event: Event<'a>,
    range: &Range<usize>,
) -> Event<'a> {
    match event {
        Event::Start(Tag::Emphasis) => {
            let bold = one_star(body(st), range) && confluence_page(st);
            st.dialects.emphasis.push(bold);
            if !bold {
                return Event::Start(Tag::Emphasis);
            }
            found(st, Kind::JiraBold, range.start);
            Event::Start(Tag::Strong)
        }
        Event::End(TagEnd::Emphasis) => match st.dialects.emphasis.pop() {
            Some(true) => Event::End(TagEnd::Strong),
            _ => Event::End(TagEnd::Emphasis),
        },
        other => other,
    }
}

/// The emphasis at `range` of `body` is marked with one star on each
/// side, `*words*` (not `_words_`, nor `***words***`'s outer marks).
fn one_star(body: &str, range: &Range<usize>) -> bool {
    let Some(src) = body.get(range.clone()) else {
        return false;
    };
    src.len() > 2
        && src.starts_with('*')
        && !src.starts_with("**")
        && src.ends_with('*')
        && !src.ends_with("**")
}

/// Whether the page is written in Confluence's markup, read once.
fn confluence_page(st: &mut State) -> bool {
    let body = body(st);
    *st.dialects.confluence.get_or_insert_with(|| marked(body))
}

/// A line of `body` outside code blocks is Confluence's markup: a page
/// that shows `h2. Heading` in a code block, to explain it, is not one.
fn marked(body: &str) -> bool {
    let mut fence: Option<(u8, usize)> = None;
    for line in body.lines() {
        let t = line.trim_start_matches(' ');
        match (fence, super::comments::fence_of(t)) {
            (None, Some(f)) => fence = Some(f),
            (Some((c, n)), Some((c2, n2))) if c == c2 && n2 >= n => fence = None,
            (None, _) if jira::marks_page(line) => return true,
            _ => {}
        }
    }
    false
}

/// The warning, once per page at the first place.
pub(super) fn words(shown: &str, more: &str) -> (String, String) {
    let words = shown.trim_matches('*');
    (
        format!(
            "`{shown}` is Confluence's bold, on a page of Confluence's wiki markup: published as bold{more}, though Markdown reads one `*` as italics"
        ),
        format!(
            "write `**{words}**`: in Markdown bold has two stars on each side, and italics one (`*…*`) or an underscore (`_…_`, as in Confluence)"
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::{marked, one_star};

    #[test]
    fn confluence_markup_outside_code_marks_a_page() {
        assert!(marked("Intro.\n\nh2. Scope\n"));
        assert!(marked("||Step||Who||\n"));
        assert!(!marked(
            "Write headings so:\n\n```\nh2. Scope\n```\n\n*Note*\n"
        ));
        assert!(!marked("*Note* only.\n"));
    }

    #[test]
    fn only_one_star_marks_are_confluence_bold() {
        let body = "*a b* _c_ **d** ***e***";
        assert!(one_star(body, &(0..5)));
        assert!(!one_star(body, &(6..9)));
        assert!(!one_star(body, &(10..15)));
        assert!(!one_star(body, &(16..23)));
        assert!(!one_star(body, &(17..22)));
    }
}
