//! The translatable blocks of a page body, found in pulldown-cmark's event
//! stream with their byte ranges: headings, paragraphs, list-item text,
//! table cells and image descriptions. Each gets a key made of its place in
//! the structure (the section it sits in, then its path through lists,
//! callouts and tables), so an edit elsewhere in the page leaves it alone.
//!
//! Code and HTML blocks are kept as `Fixed` segments: never translated, but
//! copied from the source when a page is written back.
//!
//! `walk` finds them in the event stream; `keys` names their places.

use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Title,
    Summary,
    Heading,
    Paragraph,
    ListItem,
    TableCell,
    AltText,
    /// A code or HTML block: copied from the source, never translated.
    Fixed,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Title => "page title",
            Kind::Summary => "page summary",
            Kind::Heading => "heading",
            Kind::Paragraph => "paragraph",
            Kind::ListItem => "list item",
            Kind::TableCell => "table cell",
            Kind::AltText => "image description (alt text)",
            Kind::Fixed => "code block",
        }
    }

    /// Text that must stay on one line.
    pub fn one_line(self) -> bool {
        matches!(
            self,
            Kind::Title | Kind::Summary | Kind::Heading | Kind::TableCell | Kind::AltText
        )
    }
}

#[derive(Debug, Clone)]
pub struct Segment {
    /// Place in the page, e.g. `#safe-space/list1.3`, `/p1`, `/title`.
    pub key: String,
    pub kind: Kind,
    /// What the translator sees: the Markdown of the block, with the
    /// container prefixes (`> `, list indentation) of its later lines removed.
    pub text: String,
    /// Where the text sits in the file.
    pub range: Range<usize>,
    /// The heading (index into the segments) it sits under.
    pub under: Option<usize>,
}

/// A page body cut into segments, with its block structure.
#[derive(Debug, Clone, Default)]
pub struct Blocks {
    pub segments: Vec<Segment>,
    /// One token per block (kind, level, id, callout type, task state...):
    /// two pages pair block for block only when these are equal.
    pub shape: Vec<String>,
}
/// The text of a block as a translator sees it: its later lines without
/// the container prefixes (`> ` per quote level, indentation), no CRs.
pub fn clean(raw: &str, quotes: usize) -> String {
    let mut out = String::with_capacity(raw.len());
    for (i, line) in raw.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if i == 0 {
            out.push_str(line);
            continue;
        }
        out.push('\n');
        out.push_str(strip_prefix(line, quotes));
    }
    out
}

/// A later line of a block without its container prefix.
pub fn strip_prefix(line: &str, quotes: usize) -> &str {
    let mut rest = line;
    for _ in 0..quotes {
        let t = rest.trim_start_matches([' ', '\t']);
        match t.strip_prefix('>') {
            Some(r) => rest = r.strip_prefix(' ').unwrap_or(r),
            None => break,
        }
    }
    rest.trim_start_matches([' ', '\t'])
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn later_lines_lose_their_container_prefix() {
        assert_eq!(clean("One\r\n> > two\n>three", 2), "One\ntwo\nthree");
        assert_eq!(clean("Item\n     more", 0), "Item\nmore");
    }
}
