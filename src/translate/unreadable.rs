//! A translation file the site cannot read (its front matter fails, it is
//! not UTF-8): the model leaves it out, so its page looks untranslated.
//! Export warns about it, and import never replaces it: it holds a
//! translator's work, to be fixed, not written over.

use crate::config::LangId;
use crate::content::load::{MAX_MARKDOWN_BYTES, too_large};
use crate::content::model::{NodeId, Site};
use crate::diagnostics::{Diagnostic, Severity, display_path};
use std::path::Path;

/// The first error of the translation at `root/target_rel` when the file
/// is there but the site did not read it.
pub fn error(
    site: &Site,
    root: &Path,
    node: NodeId,
    lang: LangId,
    target_rel: &Path,
) -> Option<Diagnostic> {
    let n = &site.nodes[node];
    let read = n.docs[lang].map(|d| &site.doc(d).file);
    if read.is_some_and(|f| !f.from_base && f.rel == target_rel) {
        return None;
    }
    // Never through a link: a linked file may be outside the site. Never
    // more than a page may hold either: a sparse file of 3 GB there was
    // read whole (3 GB of memory, for a file the site refuses unread).
    let read = crate::no_follow::Dir::open(root)
        .and_then(|dir| {
            dir.read_at_most(
                &crate::no_follow::slash_path(target_rel),
                MAX_MARKDOWN_BYTES,
            )
        })
        .ok()?;
    let bytes = match read {
        crate::no_follow::Capped::Bytes(bytes) => bytes,
        crate::no_follow::Capped::TooLarge(size) => return Some(too_large(target_rel, size)),
    };
    let fallback = || Diagnostic::error(target_rel, 0, 0, "the site cannot read this translation");
    let Ok(text) = std::str::from_utf8(&bytes) else {
        return Some(Diagnostic::error(
            target_rel,
            0,
            0,
            "the file is not UTF-8 text",
        ));
    };
    let split = match crate::content::front_matter::split(text) {
        Ok(s) => s,
        Err(e) => return Some(e.diagnostic(target_rel)),
    };
    let role = crate::content::parse::role(&n.stem, &n.dir);
    let mut diags = Vec::new();
    crate::content::front_matter::parse(&split, target_rel, role, false, &mut diags);
    Some(
        diags
            .into_iter()
            .find(|d| d.severity == Severity::Error)
            .unwrap_or_else(fallback),
    )
}

/// Where `d` is, as `file:line` (or the file alone).
pub fn at(d: &Diagnostic) -> String {
    let file = display_path(&d.path);
    if d.line == 0 {
        file
    } else {
        format!("{file}:{}", d.line)
    }
}

/// The warning export gives for a page whose translation cannot be read.
pub fn export_warning(d: &Diagnostic) -> Diagnostic {
    let mut w = Diagnostic::warning(
        &d.path,
        d.line,
        d.col,
        format!(
            "this translation cannot be read ({}), so its text is exported as untranslated",
            d.message
        ),
    );
    w.hint = Some(format!(
        "fix the error at {} first, then export again: import will not replace the file until then",
        at(d)
    ));
    w
}

/// The error import gives for such a page: nothing is written for it.
pub fn import_error(d: &Diagnostic) -> Diagnostic {
    Diagnostic::error(
        &d.path,
        d.line,
        d.col,
        format!(
            "this translation cannot be read ({}): it is not replaced, so that its text is not lost; nothing is written for it",
            d.message
        ),
    )
    .with_hint(format!(
        "fix the error at {} (`fieldguide status` shows it), then import the file again",
        at(d)
    ))
}
