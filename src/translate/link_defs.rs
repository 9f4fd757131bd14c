//! The link reference definitions of a page (`[label]: address "title"`),
//! with where each is: a page's own are kept when it is translated, but
//! for their titles, which translators translate.

use pulldown_cmark::{Parser, RefDefs};
use std::ops::Range;

/// A link reference definition: its label, where it is, and what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkDef {
    pub label: String,
    pub span: Range<usize>,
    pub dest: String,
    pub title: Option<String>,
}

/// The link reference definitions of a page's body, in `text`'s offsets.
pub fn link_defs(text: &str, body_offset: usize) -> Vec<LinkDef> {
    let body = &text[body_offset..];
    let mut events = Parser::new_ext(body, crate::markdown::md_options()).into_offset_iter();
    events.by_ref().for_each(drop);
    of_parser(events.reference_definitions(), body_offset)
}

/// The definitions a parser of the body found, in file order: for a walk
/// over the body's events that needs them too, without parsing it again.
pub fn of_parser(defs: &RefDefs, body_offset: usize) -> Vec<LinkDef> {
    let mut out: Vec<LinkDef> = defs
        .iter()
        .map(|(label, def)| LinkDef {
            label: label.to_lowercase(),
            span: def.span.start + body_offset..def.span.end + body_offset,
            dest: def.dest.to_string(),
            title: def.title.as_ref().map(|t| t.to_string()),
        })
        .collect();
    out.sort_by_key(|d| d.span.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_definitions_are_found_with_their_place() {
        let text = "---\ntitle: T\n---\nSee [x][a].\n\n[a]: https://example.net \"Ex\"\n";
        let defs = link_defs(text, 17);
        assert_eq!(defs.len(), 1);
        assert_eq!(defs[0].label, "a");
        assert_eq!(defs[0].dest, "https://example.net");
        assert_eq!(defs[0].title.as_deref(), Some("Ex"));
        assert!(text[defs[0].span.clone()].starts_with("[a]: https"));
    }
}
