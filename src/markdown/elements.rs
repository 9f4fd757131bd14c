//! Headings (ids, table of contents, level checks), task items (labelled
//! checkboxes) and footnote references.

use super::plain::plain_text;
use super::state::{Footnote, Frame, State};
use super::{TocEntry, escape};
use crate::slug::{heading_id, nfc, slugify};

/// A task item: a checkbox labelled by the item's text. The id comes from
/// the text, so it stays the same when other items are added.
pub(super) fn end_task(st: &mut State) {
    let Some(Frame::Task {
        checked, events, ..
    }) = st.frames.pop()
    else {
        return;
    };
    st.r.tasks += 1;
    let text = plain_text(&events);
    let base: String = slugify(&text).chars().take(48).collect();
    let id = st
        .ids
        .unique(&format!("task-{}", base.trim_end_matches('-')));
    st.r.ids.insert(id.clone());
    let checked = if checked { " checked" } else { "" };
    let disabled = if st.opts.interactive_tasks {
        ""
    } else {
        " disabled"
    };
    st.html(format!(
        "<input type=\"checkbox\" class=\"task\" id=\"{}\"{disabled}{checked}> <label for=\"{}\">",
        escape(&id),
        escape(&id)
    ));
    st.sink().extend(events);
    st.html("</label>".into());
}

pub(super) fn end_heading(st: &mut State) {
    let Some(Frame::Heading {
        level,
        offset,
        id,
        classes,
        alt,
        events,
    }) = st.frames.pop()
    else {
        return;
    };
    let (events, id_text) = super::values::id_text(events);
    let title = nfc(&plain_text(&events)).into_owned();
    let n = level as u8;
    check_level(st, n, offset, &title);
    // `## ` alone (Word and pandoc exports leave them): nothing to read,
    // nothing to link to from the table of contents.
    // A zero-width space or a direction mark alone shows nothing either.
    let blank = title
        .chars()
        .all(|c| c.is_whitespace() || crate::text::is_invisible(c));
    if blank && alt.is_none() {
        st.warn(
            offset,
            "empty heading".into(),
            Some("remove it, or give it text: `## Next steps`"),
        );
        // An `{#id}` may be linked to: the anchor stays, out of the contents.
        if let Some(explicit) = id {
            let id = explicit_id(st, &explicit, offset);
            st.r.ids.insert(id.clone());
            st.html(format!("<h{n} id=\"{}\"></h{n}>\n", escape(&id)));
        }
        st.sink().extend(events);
        return;
    }
    let id = match id {
        Some(explicit) => explicit_id(st, &explicit, offset),
        None => {
            let base = heading_id(&nfc(&id_text));
            glued_words(st, &id_text, offset);
            st.ids.unique(&base)
        }
    };
    // Only an image: its description names the entry.
    let title = if title.is_empty() {
        nfc(alt.as_deref().unwrap_or("").trim()).into_owned()
    } else {
        title
    };
    if (2..=3).contains(&n) && !title.is_empty() {
        st.r.toc.push(TocEntry {
            level: n,
            id: id.clone(),
            title,
        });
    }
    st.r.ids.insert(id.clone());
    let class = if classes.is_empty() {
        String::new()
    } else {
        format!(" class=\"{}\"", escape(&classes.join(" ")))
    };
    st.html(format!("<h{n} id=\"{}\"{class}>", escape(&id)));
    st.sink().extend(events);
    st.html(format!("</h{n}>\n"));
}

/// A non-breaking space between two words of a heading without an id
/// (Word and Google Docs put them where a line must not break): an id
/// leaves it out, as GitHub's does, so `Safety plan` is `#safetyplan`,
/// while its author, who sees a space, links to `#safety-plan` and was
/// told only "did you mean `#safetyplan`?". Said once per page.
fn glued_words(st: &mut State, text: &str, pos: usize) {
    let mut before = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let glue = matches!(c, '\u{a0}' | '\u{202f}' | '\u{2007}');
        let after = chars.peek().copied();
        if glue && before.is_some_and(char::is_alphabetic) && after.is_some_and(char::is_alphabetic)
        {
            return st.warn_once_per_page(
                pos,
                "a non-breaking space between two words of this heading is left out of its id, as on GitHub: its id runs the words together (so `Safety plan`, written with one, is `#safetyplan`)".into(),
                "write an ordinary space between the words (Word and Google Docs put non-breaking ones where a line must not break), or give the heading the id its links use, `## Safety plan {#safety-plan}`",
            );
        }
        before = Some(c);
    }
}

/// The page title is the level-1 heading; sections go down one level at a time.
fn check_level(st: &mut State, n: u8, pos: usize, text: &str) {
    // `# Fire` under `title: Fire`, as pages moved from GitBook, mdBook or
    // Obsidian start: "start sections at `##`" would make the title a
    // section of itself.
    let words = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let page_title = st.site.docs[st.doc].fm.title.as_deref();
    if super::dialects::wiki_list_heading(st, pos) {
        // Named with the Markdown list to write (`dialects::finish`).
        return;
    }
    // Whether a level-1 heading repeats the title: as it is (`Some(true)`),
    // or as a Confluence export writes it, the space's name before the
    // page's (`# Handbook : Signs` on the page `Signs`). Lower headings,
    // most of them, are not compared.
    let repeats = match page_title {
        Some(t) if n == 1 => {
            let (t, h) = (words(t), words(text));
            if t == h {
                Some(true)
            } else {
                h.ends_with(&format!(" : {t}")).then_some(false)
            }
        }
        _ => None,
    };
    if let Some(exact) = repeats {
        let hint = if exact {
            "delete the line: the title comes from `title:` in the front matter (GitBook, mdBook and Obsidian pages start with it as `# Title`)"
        } else {
            "delete the line: the title comes from `title:` in the front matter (a Confluence export starts each page with `# Space : Title`, the space's name before the page's title)"
        };
        st.warn(
            pos,
            "this level-1 heading repeats the page's title, which is shown above the text already: readers see it twice".into(),
            Some(hint),
        );
    } else if n == 1 {
        st.warn(
            pos,
            "level-1 heading in the text: the page title is already the level-1 heading".into(),
            Some("start sections at `##`"),
        );
    } else if n > st.last_level + 1 {
        let msg = format!(
            "heading level skipped: level {n} after level {}",
            st.last_level
        );
        let hint = format!("use `{}` here", "#".repeat(usize::from(st.last_level) + 1));
        st.warn(pos, msg, Some(&hint));
    }
    st.last_level = n;
}

/// `{#id}` as written (normalised, without spaces), unless the page already has it.
fn explicit_id(st: &mut State, explicit: &str, pos: usize) -> String {
    let clean: String = nfc(explicit)
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    if st.ids.reserve(&clean) {
        return clean;
    }
    let id = st.ids.unique(&clean);
    if st.opts.labels.theme_ids.contains(&clean) {
        st.warn(
            pos,
            format!("the theme uses the id `{clean}` on every page (an element has it, or a script reads it); this heading gets `{id}`"),
            Some("choose another {#id}"),
        );
    } else {
        st.warn(
            pos,
            format!("duplicate id `{clean}` on this page"),
            Some("each {#id} must be unique within a page"),
        );
    }
    id
}

pub(super) fn footnote_ref(st: &mut State, label: &str) {
    let index = match st.footnote_index.get(label) {
        Some(&i) => i,
        None => {
            let id = st.ids.unique(&format!("fn-{}", slugify(label)));
            st.footnote_order.push(Footnote {
                label: label.to_string(),
                id,
                first_ref: String::new(),
            });
            let i = st.footnote_order.len() - 1;
            st.footnote_index.insert(label.to_string(), i);
            i
        }
    };
    // Every id goes through the same allocator, so none can clash with a heading's.
    let ref_id = st
        .ids
        .unique(&format!("{}-ref", st.footnote_order[index].id));
    let note = &mut st.footnote_order[index];
    if note.first_ref.is_empty() {
        note.first_ref = ref_id.clone();
    }
    let id = note.id.clone();
    st.r.ids.insert(ref_id.clone());
    st.r.ids.insert(id.clone());
    st.html(format!(
        "<sup class=\"footnote-ref\"><a href=\"#{}\" id=\"{}\" role=\"doc-noteref\">{}</a></sup>",
        escape(&id),
        escape(&ref_id),
        index + 1
    ));
}
