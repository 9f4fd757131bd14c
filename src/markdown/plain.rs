//! Plain text: the page's words for search and summaries, and the text of
//! a heading, an image description or a task item.

use pulldown_cmark::{Event, Tag, TagEnd};

/// Adds what `event` contributes to the page's plain text. Blocks end a
/// word, even where the HTML needs no space (an item followed by its
/// nested list); a block (paragraph, list item, table cell, heading, code
/// block) ends with a line break, which search snippets take as the end of
/// a sentence: a paragraph ending in `:` is not one sentence with the list
/// after it, nor a table one run of cells. Text inside footnotes, headings
/// and image descriptions counts too.
pub(super) fn collect(text: &mut String, event: &Event) {
    match event {
        Event::Text(t) | Event::Code(t) => text.push_str(t),
        Event::SoftBreak | Event::HardBreak | Event::Start(Tag::List(_) | Tag::Item) => {
            text.push(' ')
        }
        Event::End(
            TagEnd::Paragraph
            | TagEnd::Item
            | TagEnd::TableCell
            | TagEnd::CodeBlock
            | TagEnd::Heading(_),
        ) => text.push('\n'),
        _ => {}
    }
}

/// The text of buffered events (a heading, an image description), trimmed.
pub(super) fn plain_text(events: &[Event]) -> String {
    let mut s = String::new();
    for e in events {
        match e {
            Event::Text(t) | Event::Code(t) => s.push_str(t),
            Event::SoftBreak | Event::HardBreak => s.push(' '),
            _ => {}
        }
    }
    s.trim().to_string()
}
