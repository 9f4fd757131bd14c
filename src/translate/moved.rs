//! Translations whose key no block of the source has now: their page was
//! removed or renamed since the file was exported, or the block moved to
//! another section. They are a translator's work, so import keeps them with
//! the other pending translations (see `pending`) and names each page gone
//! once; the next export offers each, fuzzy, to an untranslated block with
//! the same source text, as gettext's `msgmerge` matches a moved entry (a
//! page renamed gets its translations back). They stay kept until a page
//! with a block at their key is written.

use super::assemble::{normalise, source_words as words};
use super::catalog::{Incoming, fingerprint};
use super::pending::{self, Store, Suggestion};
use super::report::{Gone, Report};
use super::units::{PageUnits, State};
use crate::diagnostics::{Diagnostic, display_path};
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// The page a key is on: `02-part/01-x` for `02-part/01-x#signs/p2` and
/// for `02-part/01-x/title` (a block's own path has no `/`).
pub fn page_of(key: &str) -> &str {
    match key.split_once('#') {
        Some((page, _)) => page,
        None => key.rsplit_once('/').map_or(key, |(page, _)| page),
    }
}

/// Keeps entry `e` of `file`, whose key no block has, for the next export
/// (when it carries a translation: `report.unplaced`), and says so: once
/// per page gone, or at the entry for a block gone from a page still
/// there. `pages` are the page names the source has now; `code` the
/// language.
pub fn unplaced(file: &Path, e: &Incoming, pages: &HashSet<&str>, code: &str, report: &mut Report) {
    let text = normalise(&e.translation);
    let kept = (!text.is_empty()).then(|| Suggestion {
        source: normalise(&e.source),
        translation: text,
        site: fingerprint(""),
        fuzzy: e.fuzzy,
    });
    let page = page_of(&e.key);
    if !pages.contains(page) {
        match report
            .gone
            .iter_mut()
            .find(|g| g.file == file && g.page == page)
        {
            Some(g) => g.kept += usize::from(kept.is_some()),
            None => report.gone.push(Gone {
                file: file.to_path_buf(),
                page: page.to_string(),
                store: display_path(&pending::rel(code)),
                line: e.line,
                kept: usize::from(kept.is_some()),
            }),
        }
        report.unplaced.extend(kept.map(|s| (e.key.clone(), s)));
        return;
    }
    let (what, hint) = match &kept {
        Some(_) => (
            format!(
                "its translation is kept in {}",
                display_path(&pending::rel(code))
            ),
            "the source changed since this file was exported: export again; the new file offers this translation, fuzzy, for a block with the same source",
        ),
        None => (
            "ignored".to_string(),
            "the source changed since this file was exported: export again (your translations are kept)",
        ),
    };
    report.diagnostics.push(
        Diagnostic::warning(
            file,
            e.line,
            1,
            format!("{}: no block of the source has this key; {what}", e.place),
        )
        .with_hint(hint),
    );
    report.unplaced.extend(kept.map(|s| (e.key.clone(), s)));
}

/// One warning per file and page the source no longer has, naming it.
pub fn warn(report: &mut Report) {
    for g in std::mem::take(&mut report.gone) {
        let store = &g.store;
        let what = match g.kept {
            0 => "none of its entries is translated; they are ignored".to_string(),
            1 => format!("its 1 translation is not written, and is kept in {store}"),
            n => format!("its {n} translations are not written, and are kept in {store}"),
        };
        report.diagnostics.push(
            Diagnostic::warning(&g.file, g.line, 1, format!(
                "the page `{}` is not in the source any more (removed or renamed since this file was exported): {what}",
                g.page
            ))
            .with_hint("if the page was renamed, export again: the new file offers these translations, fuzzy, for its blocks with the same source; nothing to do if it was removed"),
        );
    }
}

/// What the note of a block offered a kept translation of the same source
/// says, with the key it was made for.
pub fn note(key: &str) -> String {
    format!(
        "This translation was made for the same source at `{key}`, a block the source no longer has there (its page removed or renamed, or the block moved): check that it fits here."
    )
}

/// Offers to each untranslated block of `pages` (one publication's) a kept
/// translation of the same source whose key no block has now, fuzzy.
pub fn offer(store: &Store, publication: &str, pages: &mut [PageUnits]) {
    let Some(kept) = store.get(publication) else {
        return;
    };
    let keys: HashSet<String> = pages
        .iter()
        .flat_map(|p| p.units.iter().map(|u| u.key.clone()))
        .collect();
    let mut by_source: HashMap<String, (&str, &Suggestion)> = HashMap::new();
    for (key, s) in kept.iter().filter(|(k, _)| !keys.contains(*k)) {
        by_source.entry(words(&s.source)).or_insert((key, s));
    }
    if by_source.is_empty() {
        return;
    }
    for u in pages.iter_mut().flat_map(|p| p.units.iter_mut()) {
        if u.state != State::Untranslated || !u.translation.is_empty() {
            continue;
        }
        let Some((key, s)) = by_source.get(&words(&u.source)) else {
            continue;
        };
        u.translation = s.translation.clone();
        u.state = State::Fuzzy;
        u.previous = None;
        u.notes.push(note(key));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_names_its_page() {
        assert_eq!(page_of("02-consent/title"), "02-consent");
        assert_eq!(page_of("02-consent#ask/list1.3"), "02-consent");
        assert_eq!(page_of("03-part/01-x/p2"), "03-part/01-x");
        assert_eq!(page_of("03-part/index#a/p1"), "03-part/index");
    }
}
