//! Other tools' Markdown, left in a page by a migration: pandoc's
//! attributes (`![x](a.png){width="50%"}`, `[text]{.underline}`) and fenced
//! divs (`::: {.custom-style="Note"}`, Docusaurus's `:::tip`), kramdown's
//! attribute lines (`{: #id .class}`, `{:toc}`), Hugo and Jekyll template
//! code (`{{< notice >}}`, `{% include %}`), a GitHub wiki's `[[links]]`,
//! and pandoc's grid and simple tables. CommonMark reads all of them as text, so every
//! page exported from Word by pandoc would show `{width="50%"}` after each
//! image. Word's tracked changes, as pandoc writes them, are published as
//! accepted (`tracked`); tables pasted as tabs, and non-breaking spaces
//! after `##` or invisible characters before it, are named (`pasted`).
//!
//! Attributes and div markers carry no text of their own: they are left
//! out (the span's or div's text is kept). Template code and tables hold
//! what the author meant to show, which fieldguide cannot make of them:
//! they stay as written. Either way, one warning per kind and page, at its
//! first place, with the count. Code is never touched.

use super::state::{Kind, State};
use pulldown_cmark::{CowStr, Event, Tag};
use scan::inline_note;
use std::ops::Range;
use wiki::wiki_link;
#[cfg(test)]
use wiki::wiki_markdown;

/// `{`, which template code and roles start with, as the byte memchr
/// looks for (written as a number, so that tools matching braces in the
/// source are not misled by a brace in quotes).
const OPEN_BRACE: u8 = 0x7B;

mod asciidoc;
mod comments;
mod confluence;
mod converted;
mod dokuwiki;
mod emphasis;
mod fields;
mod gdocs;
mod gitbook;
mod hashes;
mod inline;
mod jira;
mod jira_bold;
mod line_block;
mod listing;
mod mediawiki;
mod page_break;
mod paper;
mod pasted;
mod printed;
mod quarto;
mod report;
mod scan;
mod sphinx;
mod ticks;
mod tracked;
mod typed;
mod wiki;
mod words;
mod wrapped;

pub(super) use comments::fence_of;
use converted::in_order;
pub(super) use converted::{convert, converted};
pub(super) use gdocs::in_block as gdoc_comment_in_block;
pub(super) use report::finish;

/// The heading at `pos` of `body` is an item of a MediaWiki numbered list
/// (`# First` then `# Second`) on a page of MediaWiki's markup: named as
/// such, not as a level-1 heading in the text.
pub(super) fn wiki_list_heading(st: &mut State, pos: usize) -> bool {
    let body = body(st);
    if !mediawiki::in_list(body, pos) {
        return false;
    }
    // Read once per page: a long run of `#` lines asks at each.
    *st.dialects
        .wiki_markup
        .get_or_insert_with(|| body.lines().any(|l| mediawiki::find(l).is_some()))
}

/// Where `body` has what no reader sees and no one outside the team
/// should: Obsidian and MDX comments (`%%…%%`, `{/*…*/}`), MDX `import` and
/// `export` lines (code, which pages leave out), and Word's tracked changes as
/// pandoc writes them (the words a reviewer deleted, the reviewers'
/// comments, and the marks around inserted words, which name the
/// reviewer), and a Confluence export's byline, which names its authors.
pub(super) fn hidden_ranges(body: &str) -> Vec<Range<usize>> {
    // The ranges pages leave out, found as rendering finds them (once).
    crate::markdown::state::Dialects::new(body)
        .drops
        .into_iter()
        .filter(|(_, kind)| {
            matches!(
                kind,
                Kind::Comment | Kind::Tracked | Kind::Import | Kind::Byline | Kind::GdocComment
            )
        })
        .map(|(r, _)| r)
        .collect()
}

/// Passes an event on, without what other dialects put in it; `None` when
/// nothing is left of it.
pub(super) fn filter<'a>(
    st: &mut State<'_, 'a>,
    event: Event<'a>,
    range: Range<usize>,
) -> Option<(Event<'a>, Range<usize>)> {
    let (event, range) = filter_marks(st, event, range)?;
    // What is left of it, whole: an emphasis's start and end both pass.
    let event = jira_bold::filter(st, event, &range);
    Some((event, range))
}

fn filter_marks<'a>(
    st: &mut State<'_, 'a>,
    event: Event<'a>,
    range: Range<usize>,
) -> Option<(Event<'a>, Range<usize>)> {
    if st.dialects.hidden_depth > 0 {
        match event {
            Event::Start(_) => st.dialects.hidden_depth += 1,
            Event::End(_) => st.dialects.hidden_depth -= 1,
            _ => {}
        }
        return None;
    }
    if matches!(event, Event::Start(Tag::CodeBlock(_)) | Event::Code(_)) {
        st.dialects.code.push(range.clone());
        wrapped::in_code(st, &range);
    }
    if st.in_code {
        return Some((event, range));
    }
    match &event {
        // What a comment hides is not looked at: it is left out.
        Event::Text(_) if hidden(st, &range) => {}
        Event::Text(_) => {
            look_at_line(st, range.start);
            inline::address_in_text(st, &range);
        }
        Event::SoftBreak if in_order(&st.dialects.line_breaks, &range) => {
            return Some((Event::HardBreak, range));
        }
        Event::Rule => simple_table_line(st, range.clone()),
        Event::Start(Tag::Heading { .. }) => {
            // A setext heading: its underline may be the table's rule.
            let src = body(st).get(range.clone()).unwrap_or("").trim_end();
            let last = src.rfind('\n').map_or(0, |i| i + 1);
            simple_table_line(st, range.start + last..range.start + src.len());
        }
        _ => {}
    }
    let (event, range) = match event {
        Event::Text(t) if !st.dialects.wrapped.is_empty() => wrapped::replace(st, t, range)?,
        other => (other, range),
    };
    if st.dialects.drops.is_empty() {
        return Some((event, range));
    }
    if st.dialects.skip_paragraph {
        if matches!(event, Event::End(pulldown_cmark::TagEnd::Paragraph)) {
            st.dialects.skip_paragraph = false;
        }
        return None;
    }
    match event {
        Event::Start(Tag::Paragraph) if covered(st, &range) => {
            st.dialects.skip_paragraph = true;
            None
        }
        Event::SoftBreak | Event::HardBreak if covered(st, &range) => None,
        Event::SoftBreak if st.dialects.title_breaks.binary_search(&range.start).is_ok() => {
            Some((Event::HardBreak, range))
        }
        Event::Text(t) => cut(st, t, range),
        // Inside a comment, everything goes: a link there publishes nothing.
        Event::Start(_) if hidden(st, &range) => {
            gdocs::comment_at(st, &range);
            st.dialects.hidden_depth = 1;
            None
        }
        _ if hidden(st, &range) => {
            gdocs::comment_at(st, &range);
            None
        }
        other => Some((other, range)),
    }
}

/// `range` lies within an Obsidian comment, or a tracked deletion or
/// comment (or a tracked change's brackets or attributes, which hold no
/// element).
fn hidden(st: &State, range: &Range<usize>) -> bool {
    overlapping(&st.dialects.drops, range).iter().any(|(r, k)| {
        matches!(k, Kind::Comment | Kind::Tracked | Kind::GdocComment)
            && r.start <= range.start
            && range.end <= r.end
    })
}

fn body<'s>(st: &State<'s, '_>) -> &'s str {
    let src = st.text_src;
    &src[st.body_offset.min(src.len())..]
}

/// The drops that overlap `range`, in order.
fn overlapping<'d>(
    drops: &'d [(Range<usize>, Kind)],
    range: &Range<usize>,
) -> &'d [(Range<usize>, Kind)] {
    let first = drops.partition_point(|(r, _)| r.end <= range.start);
    let last = drops.partition_point(|(r, _)| r.start < range.end);
    &drops[first..last.max(first)]
}

/// `range` lies within one drop: it is left out, and counted.
fn covered(st: &mut State, range: &Range<usize>) -> bool {
    let hit = overlapping(&st.dialects.drops, range)
        .iter()
        .find(|(r, _)| r.start <= range.start && range.end <= r.end)
        .cloned();
    match hit {
        Some((r, kind)) => {
            note_drop(st, &r, kind, range);
            true
        }
        None => false,
    }
}

/// Text without the dropped ranges in it.
fn cut<'a>(
    st: &mut State<'_, 'a>,
    t: CowStr<'a>,
    range: Range<usize>,
) -> Option<(Event<'a>, Range<usize>)> {
    let hits: Vec<(Range<usize>, Kind)> = overlapping(&st.dialects.drops, &range).to_vec();
    if hits.is_empty() {
        return Some((Event::Text(t), range));
    }
    // Cut only text that is its source as written (no entity or escape
    // turned into something else), so that offsets match.
    if body(st).get(range.clone()) != Some(&*t) {
        return Some((Event::Text(t), range));
    }
    let mut out = String::with_capacity(t.len());
    let mut last = range.start;
    for (r, kind) in &hits {
        let (from, to) = (r.start.max(range.start), r.end.min(range.end));
        if from > last {
            out.push_str(&t[last - range.start..from - range.start]);
        }
        last = last.max(to);
        note_drop(st, r, *kind, &range);
    }
    if last < range.end {
        out.push_str(&t[last - range.start..]);
    }
    if out.is_empty() {
        return None;
    }
    Some((Event::Text(CowStr::from(out)), range))
}

/// Counts a drop once, where it starts (a span's brackets are not counted
/// apart from its attributes).
fn note_drop(st: &mut State, r: &Range<usize>, kind: Kind, seen: &Range<usize>) {
    if kind == Kind::GdocComment {
        return gdocs::comment_at(st, seen);
    }
    // A marker line that ends a paragraph is dropped with the line break
    // before it: it is found where it starts.
    let newline = body(st).as_bytes().get(r.start) == Some(&b'\n');
    let at = r.start + usize::from(newline);
    let first_piece = seen.start <= at && at < seen.end.max(seen.start + 1);
    let bracket = r.len() == 1 && matches!(kind, Kind::Attributes | Kind::Tracked);
    // A comment's end, `[]{.comment-end}`, is counted with its start.
    let bracket = bracket || (kind == Kind::Tracked && body(st)[..r.start].ends_with("[]"));
    if first_piece && !bracket {
        // A Sphinx role is named where its code starts, before its `{…}`.
        let at = match kind {
            Kind::Interpreted => sphinx::code_start(body(st), at),
            _ => at,
        };
        found(st, kind, at);
        if matches!(kind, Kind::Attributes | Kind::AttrLine) {
            keep_id(st, r.clone());
        }
    }
}

/// The `#id` of a pandoc attribute block, kept as an anchor where the
/// block was: pandoc writes Word's bookmarks as `[]{#_Toc42 .anchor}`, and
/// the document's own links (its table of contents, "see section 3") lead
/// to them. Left out with the rest, each such link was a broken anchor.
fn keep_id(st: &mut State, r: Range<usize>) {
    let Some(block) = body(st).get(r.clone()) else {
        return;
    };
    let Some(id) = block
        .split(|c: char| c.is_whitespace() || c == '{' || c == '}')
        .find_map(|item| item.strip_prefix('#'))
        .filter(|id| !id.is_empty())
    else {
        return;
    };
    // As a raw `<span id>` would be: the first element with an id keeps it.
    if !st.ids.reserve(id) {
        let msg = format!(
            "the id `{id}` of these pandoc attributes is already used on this page; left out"
        );
        st.warn(r.start, msg, Some("each id must be unique within a page"));
        return;
    }
    st.r.ids.insert(id.to_string());
    st.html(format!("<span id=\"{}\"></span>", super::escape(id)));
}

fn found(st: &mut State, kind: Kind, pos: usize) {
    let slot = &mut st.dialects.found[kind as usize];
    match slot {
        Some((_, n)) => *n += 1,
        None => *slot = Some((pos, 1)),
    }
}

/// The source line of text at `pos`, once: template code, and grid table
/// rows.
fn look_at_line(st: &mut State, pos: usize) {
    if pos < st.dialects.scanned_to {
        return;
    }
    let body = body(st);
    let (start, end) = crate::text::line_around(body, pos);
    let start = start.max(st.dialects.scanned_to);
    st.dialects.scanned_to = end + 1;
    let line = &body[start..end];
    let t = line.trim();
    if (t.starts_with("+-") || t.starts_with("+=")) && t.ends_with('+') && t.len() > 2 {
        let at = start + (line.len() - line.trim_start().len());
        found(st, Kind::GridTable, at);
    }
    if let Some(i) = template_code(line) {
        found(st, Kind::Template, start + i);
    }
    let mut from = 0;
    while let Some((i, len)) = inline_note(&line[from..]) {
        found(st, Kind::InlineNote, start + from + i);
        from += i + len;
    }
    let mut from = 0;
    while let Some((i, inner)) = wiki_link(&line[from..]) {
        found(st, Kind::WikiLink, start + from + i);
        from += i + inner.len() + 4;
    }
    for (kind, find) in [
        (
            Kind::WikiText,
            mediawiki::find as fn(&str) -> Option<(usize, usize)>,
        ),
        (Kind::CrossRef, quarto::crossref),
        (Kind::SpacedLink, typed::spaced_link),
        (Kind::WideLink, typed::wide_link),
        (Kind::Latex, typed::latex),
        (Kind::FieldError, fields::field_error),
        (Kind::Placeholder, fields::placeholder),
        (Kind::TocLine, fields::toc_line),
        (Kind::JiraText, jira::find),
        (Kind::AsciiDoc, asciidoc::find),
        (Kind::PageNumber, printed::page_number),
        (Kind::TaskLine, paper::task_line),
    ] {
        let mut from = 0;
        while let Some((i, len)) = find(&line[from..]) {
            found(st, kind, start + from + i);
            from += i + len.max(1);
        }
    }
    if line.starts_with('#') && mediawiki::in_list(body, start) {
        found(st, Kind::WikiList, start);
    }
    // A line of a line block published as its lines is named as one.
    let mark = start + (line.len() - line.trim_start_matches(' ').len());
    if printed::starts_line_block(body, start, end)
        && st.dialects.line_blocks.binary_search(&mark).is_err()
    {
        found(st, Kind::LineBlock, start);
    }
    inline::look(st, line, start);
    pasted::look(st, line, start);
    hashes::look(st, line, start);
}

/// Where `pair` first is in `hay`. Two-byte marks are looked for in every
/// line of text: `memmem::find` sets up a searcher on each call, which took
/// about 1% of a build's CPU time; memchr on the first byte needs none.
pub(super) fn find_pair(hay: &[u8], pair: &[u8; 2]) -> Option<usize> {
    memchr::memchr_iter(pair[0], hay).find(|&i| hay.get(i + 1) == Some(&pair[1]))
}

/// Where Hugo or Jekyll template code starts in `line`, but not as a
/// link's target (`lint` names those, with the path to use).
fn template_code(line: &str) -> Option<usize> {
    let mut from = 0;
    let mut close = crate::text::Ahead::new("}}");
    while let Some(i) = memchr::memchr(OPEN_BRACE, &line.as_bytes()[from..]).map(|i| from + i) {
        from = i + 1;
        let rest = &line[i..];
        if comments::starts_comment_mark(rest) {
            continue;
        }
        if !(rest.starts_with("{{<")
            || rest.starts_with("{{%")
            || rest.starts_with("{%")
            || expression(line, i, &mut close))
        {
            continue;
        }
        // A link's target, or a link definition's (`[f]: {{ site.baseurl }}…`):
        // named where links are checked, with the path to use.
        let before = line[..i].trim_end_matches('<');
        let definition = before.trim_start().starts_with('[') && before.trim_end().ends_with("]:");
        if !before.ends_with('(') && !definition {
            return Some(i);
        }
        // Past the mark (`{{<`, `{%`), whose `{` or `%` would start another
        // one; not past the line's end, where `[x]({%` stops.
        from = (i + 3).min(line.len());
    }
    None
}

/// `{{ .Site.Title }}`, `{{ page.title }}`, `{{site.baseurl}}`: a Hugo or
/// Liquid expression, not a local value (`{{hotline}}`, a plain name), at
/// byte `i` of `line`. `close` finds each `}}` once for all the `{{` before
/// it: a line of `{{` closed only at its end is not read again from each.
fn expression(line: &str, i: usize, close: &mut crate::text::Ahead) -> bool {
    if !line[i..].starts_with("{{") {
        return false;
    }
    let Some(end) = close.find(line, i + 2) else {
        return false;
    };
    crate::content::values::is_expression(&line[i + 2..end])
}

/// `--------   -------`: the rule of a pandoc simple table, which
/// CommonMark reads as a thematic break or a heading's underline.
fn simple_table_line(st: &mut State, range: Range<usize>) {
    let body = body(st);
    let Some(line) = body.get(range.clone()) else {
        return;
    };
    let groups: Vec<&str> = line.split_whitespace().collect();
    let gapped = line.trim().contains("  ");
    // pandoc's writer puts one space between the columns' rules
    // (`------- -------`); a rule written so on its own, between blank
    // lines, is a thematic break, but one touching a row is a table's.
    if groups.len() >= 2
        && (gapped || touches_text(body, &range))
        && groups
            .iter()
            .all(|g| g.len() >= 3 && g.bytes().all(|c| c == b'-'))
    {
        found(st, Kind::SimpleTable, range.start);
    }
}

/// The line before or after the one at `range` has text: a table's row.
fn touches_text(body: &str, range: &Range<usize>) -> bool {
    let (start, end) = crate::text::line_around(body, range.start);
    let before = start
        .checked_sub(1)
        .map(|e| &body[crate::text::line_around(body, e).0..e]);
    let after = body
        .get(end + 1..)
        .filter(|_| end < body.len())
        .map(|rest| rest.split('\n').next().unwrap_or(""));
    [before, after]
        .into_iter()
        .flatten()
        .any(|l| !l.trim().is_empty())
}

#[cfg(test)]
mod tests;
