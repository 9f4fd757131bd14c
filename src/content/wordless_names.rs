//! Page and folder names that leave no letters for a page name once the
//! page name is made from them: `04-!!.md`, `🚨.md`, `★/`, as pages named
//! after a symbol or an emphasis come out of Notion, Obsidian or a shared
//! drive. Such a page was published as `04.html` or `page.html` without a
//! word, an address that says nothing of what it holds (and `04-!!.md`
//! lost its place in the order: a number with no name after it is read
//! as the name).

use super::model::{Node, NodeKind, Site};
use crate::diagnostics::Diagnostic;
use crate::slug::slugify;
use std::path::Path;

/// The warning for a page (`shown` is its file) or a folder (`shown` is
/// the folder) whose name has no letters left for its page name;
/// `published` is the page's path or the folder's.
pub(super) fn node_warning(
    site: &Site,
    node: &Node,
    shown: &Path,
    published: &str,
) -> Option<Diagnostic> {
    let name = shown.file_name()?.to_str()?;
    let chapter = node.kind == NodeKind::Chapter;
    let stem = if chapter { node.stem.as_str() } else { name };
    if !wordless(stem) {
        return None;
    }
    let title = node
        .docs
        .iter()
        .flatten()
        .map(|&d| site.docs[d].title())
        .find(|t| !t.is_empty())
        .unwrap_or(&node.label);
    let (thing, what) = if chapter {
        ("file", "the page is published as")
    } else {
        ("folder", "its pages are published under")
    };
    // The language and extension (`.en.md`) stay as they are.
    let suffix = name.strip_prefix(stem).unwrap_or("");
    let hint = match slugify(title) {
        // A title of symbols only: nothing to suggest from it.
        words if !words.chars().any(char::is_alphabetic) => format!(
            "rename the {thing} after what it holds, in words (`{}referral-contacts{}`), and the links to it",
            number_prefix(stem),
            suffix
        ),
        words => format!(
            "rename the {thing} after its title: `{}{words}{}`, and the links to it",
            number_prefix(stem),
            suffix
        ),
    };
    Some(
        Diagnostic::warning(
            shown,
            0,
            0,
            format!(
                "`{name}` leaves no letters for a page name: {what} `{published}`, an address that says nothing of what it holds"
            ),
        )
        .with_hint(hint),
    )
}

/// A name whose page name has no letters though the name had more than a
/// number: `04-!!`, `🚨`; not `2024`, a year's report, nor `04`.
fn wordless(stem: &str) -> bool {
    !slugify(stem).chars().any(char::is_alphabetic)
        && stem
            .chars()
            .any(|c| !c.is_ascii_digit() && !matches!(c, '-' | '_' | '.' | ' '))
}

/// The number a name starts with and the separator after it (`04-`),
/// kept in the name to write so the page keeps its place.
fn number_prefix(stem: &str) -> &str {
    let digits = stem.len() - stem.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    match stem[digits..].chars().next() {
        Some(c @ ('-' | '_' | '.' | ' ')) if digits > 0 => &stem[..digits + c.len_utf8()],
        _ if digits > 0 => &stem[..digits],
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_without_letters_for_their_page_names() {
        assert!(wordless("04-!!"));
        assert!(wordless("🚨"));
        assert!(!wordless("2024"));
        assert!(!wordless("04-contacts"));
        assert!(!wordless("04-контакты"));
        assert_eq!(number_prefix("04-!!"), "04-");
        assert_eq!(number_prefix("🚨"), "");
    }
}
