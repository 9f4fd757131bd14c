//! Source names Windows refuses (`What to do?.md`, `Step 4: Referral/`,
//! `Annex B./`), as question-titled pages leave them in Notion, Confluence
//! and Google Drive exports. A page or a part is published under its page
//! name, which leaves such characters out, so its readers are not
//! affected: it is read, with a warning, instead of being lost. A plain
//! folder's files are published under its own name: that stays an error.

use super::file_types::portable_name_problem;
use crate::diagnostics::Diagnostic;
use std::path::Path;

/// The characters Windows refuses in a name that a page name leaves out.
const REFUSED: [char; 7] = ['<', '>', ':', '"', '|', '?', '*'];

/// Whether `name`'s only problem on Windows is one that its page name
/// leaves out: a refused character, a trailing dot or space. A name that
/// also has another (a reserved device name, a direction override, a
/// control character) is not, and is refused as before.
pub fn only_refused_characters(name: &str) -> bool {
    let cleaned = cleaned(name);
    // `???.md` leaves a hidden `.md`: no name to suggest or publish.
    cleaned != name
        && !cleaned.is_empty()
        && !cleaned.starts_with('.')
        && portable_name_problem(&cleaned).is_none()
}

/// Why a name is refused while walking `guidance/`: not for a page's file
/// or a folder (`page_or_folder`), when its only problem is one its page
/// name leaves out (see [`node_warning`]; a plain folder is refused where
/// its files are published, see `assets`).
pub fn walk_problem(name: &str, page_or_folder: bool) -> Option<String> {
    let problem = portable_name_problem(name)?;
    (!(page_or_folder && only_refused_characters(name))).then_some(problem)
}

/// A file name made of `name` (a publication's folder name, for the files
/// `translate export` writes) that Windows can save: without what it
/// refuses, or, when that leaves no name, with `_` in its place.
pub fn portable_file_name(name: &str) -> String {
    if portable_name_problem(name).is_none() {
        return name.to_string();
    }
    let clean = cleaned(name);
    if !clean.is_empty() && !clean.starts_with('.') {
        return clean;
    }
    name.replace(REFUSED, "_")
}

/// `name` without what Windows refuses, spaces run together: the name to
/// suggest (`04-What to do?.md` -> `04-What to do.md`).
fn cleaned(name: &str) -> String {
    let kept: String = name.chars().filter(|c| !REFUSED.contains(c)).collect();
    let spaced = kept
        .split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>();
    let joined = spaced.join(" ");
    // `x .md` after `x?.md`.
    let joined = joined.replace(" .", ".");
    joined.trim_end_matches(['.', ' ']).to_string()
}

/// The warning for a page (`chapter`) or a part (or publication) whose
/// file or folder name Windows refuses, when [`only_refused_characters`];
/// the walk let it through (see `names::usable_name`). `published` is its
/// page's path or its folder's, in a language's folder.
pub(super) fn node_warning(shown: &Path, chapter: bool, published: &str) -> Option<Diagnostic> {
    let name = shown.file_name()?.to_str()?;
    let problem = portable_name_problem(name)?;
    if !only_refused_characters(name) {
        return None;
    }
    let (thing, what) = if chapter {
        ("file", "the page is published as")
    } else {
        ("folder", "its pages are published under")
    };
    Some(
        Diagnostic::warning(
            shown,
            0,
            0,
            format!(
                "this name does not work on Windows: {problem}; {what} `{published}`, which readers can open everywhere, but the {thing} cannot be copied to a Windows computer or checked out there"
            ),
        )
        .with_hint(format!(
            "rename the {thing} `{}`, and the links to it: the page names stay the same",
            cleaned(name)
        )),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn export_file_names_windows_can_save() {
        assert_eq!(portable_file_name("handbook"), "handbook");
        assert_eq!(
            portable_file_name("Safe Referral: Guide?--Part: One"),
            "Safe Referral Guide--Part One"
        );
        assert_eq!(portable_file_name("???"), "___");
    }

    #[test]
    fn names_whose_page_name_leaves_out_what_windows_refuses() {
        for (name, clean) in [
            ("04-What to do?.md", "04-What to do.md"),
            ("Step 1: Intake.fr.md", "Step 1 Intake.fr.md"),
            ("Annex B. ", "Annex B"),
            ("\"Safe\" referral|v2", "Safe referralv2"),
            ("a*b.md", "ab.md"),
        ] {
            assert!(only_refused_characters(name), "{name}");
            assert_eq!(cleaned(name), clean);
        }
        for name in [
            "intro.md",      // nothing to leave out
            "con?.md",       // still the console without the `?`
            "a\u{202e}?.md", // a direction override
            "???",           // nothing left
            "???.md",        // a hidden `.md` left
            "note\u{1}?.md", // a control character
        ] {
            assert!(!only_refused_characters(name), "{name:?}");
        }
    }
}
