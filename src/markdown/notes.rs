//! Footnote definitions that are never shown: one no reference points to
//! (left behind when its reference was deleted, common in long documents
//! and pandoc exports), or a second one with the same label. Their text
//! would otherwise still reach the search index, and the files they link
//! to would be published, while no reader sees them: they are left out
//! whole, with a warning at their line.

use super::md_options;
use pulldown_cmark::{Event, Parser};
use std::collections::HashSet;

/// The labels a page refers to, and those defined so far.
pub(super) struct Notes {
    referenced: HashSet<String>,
    defined: HashSet<String>,
}

impl Notes {
    /// Reads the references first: a definition may come before them.
    pub(super) fn new(body: &str) -> Self {
        let mut referenced = HashSet::new();
        // Most pages have no footnote: no second parse for them.
        if body.contains("[^") {
            for event in Parser::new_ext(body, md_options()) {
                if let Event::FootnoteReference(label) = event {
                    referenced.insert(label.to_lowercase());
                }
            }
        }
        Notes {
            referenced,
            defined: HashSet::new(),
        }
    }

    /// Why the definition of `label` is not shown, if it is not: the
    /// warning and its hint.
    pub(super) fn unshown(&mut self, label: &str) -> Option<(String, String)> {
        let key = label.to_lowercase();
        if !self.referenced.contains(&key) {
            return Some((
                format!(
                    "footnote `[^{label}]` is not referred to in the text: it is not shown, and nothing in it is published or searchable"
                ),
                format!("refer to it with `[^{label}]` where it belongs, or delete it"),
            ));
        }
        if !self.defined.insert(key) {
            return Some((
                format!(
                    "a second footnote `[^{label}]`: only the first is shown, and nothing in this one is published or searchable"
                ),
                "give each footnote its own label".into(),
            ));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unreferenced_and_second_definitions_are_not_shown() {
        let mut n =
            Notes::new("Text[^a] and [^B].\n\n[^a]: One.\n[^b]: Two.\n[^a]: Again.\n[^c]: Lost.\n");
        assert_eq!(n.unshown("a"), None);
        assert_eq!(n.unshown("b"), None);
        assert!(n.unshown("a").unwrap().0.starts_with("a second footnote"));
        assert!(n.unshown("c").unwrap().0.contains("not referred to"));
        // A reference only in code or a comment is none.
        let mut n = Notes::new("`[^x]` <!-- [^x] -->\n\n[^x]: Hidden.\n");
        assert!(n.unshown("x").is_some());
    }
}
