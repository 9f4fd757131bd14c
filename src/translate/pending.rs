//! Translations that arrived for a block whose source changed after the
//! file was exported. They translate an earlier source, so import does
//! not write them into the page (nor the confirmed translations of a page
//! left incomplete, offered again as translated); but they are a
//! translator's newest work, so they are kept
//! (`translations/pending/<lang>.json`, beside the source snapshots) and
//! the next export offers each as its block's fuzzy suggestion, with the
//! source it was made for, as gettext's `msgmerge`
//! keeps a translator's text. A suggestion is offered only while the
//! site's translation of the block is the one it was sent against (old
//! files never undo newer work), and is dropped when its page is written.

use super::catalog::is_fingerprint_of;
use super::files;
use super::units::{PageUnits, State};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Where suggestions are kept, inside the site folder.
pub const STORE: &str = "translations/pending";

/// A translation kept for the next export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    /// The source text it was made for (as the translator's file had it).
    pub source: String,
    pub translation: String,
    /// The [`fingerprint`](super::catalog::fingerprint) of the site's translation of the block when it
    /// arrived: offered only while that is still the site's.
    pub site: String,
    /// Marked fuzzy in the file (the translator's own "to review"): offered
    /// fuzzy again, not as confirmed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub fuzzy: bool,
}

/// One language's suggestions: by publication, then by segment key.
pub type Store = BTreeMap<String, BTreeMap<String, Suggestion>>;

/// The store of language `code`, relative to the site folder.
pub fn rel(code: &str) -> PathBuf {
    Path::new(STORE).join(format!("{code}.json"))
}

/// The most a store is read up to: a few translators' files' worth of
/// suggestions (each file is at most [`super::MAX_FILE_BYTES`]).
const MAX_STORE_BYTES: u64 = 4 * super::MAX_FILE_BYTES;

/// The suggestions kept for language `code`: none when there is no store,
/// or it cannot be read. It is read as the snapshots are: never through a
/// link, only a plain file (a named pipe planted there hung export and
/// import), and up to [`MAX_STORE_BYTES`] (a sparse file of gigabytes was
/// read whole into memory).
pub fn load(root: &Path, code: &str) -> Store {
    let rel = format!("{STORE}/{code}.json");
    files::read_inside(root, &rel, MAX_STORE_BYTES)
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default()
}

/// Writes language `code`'s store (removes it when empty).
pub fn save(root: &Path, code: &str, store: &Store) -> Result<(), String> {
    let rel = rel(code);
    let path = root.join(&rel);
    if store.values().all(BTreeMap::is_empty) {
        files::refuse_links(root, &rel)?;
        return match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                Err(format!("cannot remove `{}`: {e}", path.display()))
            }
            _ => {
                // The folder too, once empty (it is refused when not).
                let _ = std::fs::remove_dir(root.join(STORE));
                Ok(())
            }
        };
    }
    let mut bytes = serde_json::to_vec_pretty(store).map_err(|e| e.to_string())?;
    bytes.push(b'\n');
    files::write_inside(root, &rel, &bytes).map(|_| ())
}

/// What the note of a block offered with a suggestion says.
pub const NOTE: &str = "This translation arrived (by `translate import`) after its source changed, so it was not written into the page: update it to the source as it is now.";

/// What the note of a block offered with a translation the translator
/// had marked fuzzy, on a page not written, says.
pub const FUZZY_NOTE: &str = "This translation arrived (by `translate import`) marked fuzzy, so its page was not written: review it, then clear the fuzzy mark.";

/// Offers the kept suggestions of `page` (of `publication`) as its
/// blocks' fuzzy translations, with the source each was made for.
pub fn offer(store: &Store, publication: &str, page: &mut PageUnits) {
    let Some(kept) = store.get(publication) else {
        return;
    };
    for u in &mut page.units {
        let Some(s) = kept.get(&u.key) else {
            continue;
        };
        if !is_fingerprint_of(&s.site, &u.translation) || s.translation == u.translation {
            continue;
        }
        u.translation = s.translation.clone();
        u.notes.retain(|n| !super::units::is_fuzzy_note(n));
        if s.source == u.source && s.fuzzy {
            // Made for this very source, but left for review.
            u.state = State::Fuzzy;
            u.notes.push(FUZZY_NOTE.into());
            continue;
        }
        if s.source == u.source {
            // Made for this very source, on a page not yet written.
            u.state = State::Translated;
            u.previous = None;
            continue;
        }
        u.state = State::Fuzzy;
        u.previous = Some(s.source.clone());
        u.notes.push(NOTE.into());
    }
}

/// Takes into `page` (of `publication`) the kept translations confirmed
/// for its blocks' present source, as the site's own: an import completes
/// a page with them, as the export that offered them counted them done
/// (an `--only-changed` file carries only the blocks left to do).
pub fn take_confirmed(store: &Store, publication: &str, page: &mut PageUnits) {
    let Some(kept) = store.get(publication) else {
        return;
    };
    for u in &mut page.units {
        let Some(s) = kept.get(&u.key) else {
            continue;
        };
        if s.fuzzy || s.source != u.source || !is_fingerprint_of(&s.site, &u.translation) {
            continue;
        }
        u.translation = s.translation.clone();
        u.notes.retain(|n| !super::units::is_fuzzy_note(n));
        u.state = State::Translated;
        u.previous = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::translate::catalog::fingerprint;
    use crate::translate::segments::Kind;
    use crate::translate::units::Unit;

    fn page(translation: &str, state: State) -> PageUnits {
        PageUnits {
            node: crate::content::model::NodeId(0),
            page: "index".into(),
            source_rel: "guidance/p/index.en.md".into(),
            target_rel: "guidance/p/index.fr.md".into(),
            units: vec![Unit {
                key: "index/p1".into(),
                kind: Kind::Paragraph,
                source: "New source.".into(),
                translation: translation.into(),
                state,
                previous: None,
                notes: vec![],
                source_line: 5,
            }],
            unreadable: None,
        }
    }

    fn store(site: &str) -> Store {
        let s = Suggestion {
            source: "Old source.".into(),
            translation: "Nouvelle traduction.".into(),
            site: fingerprint(site),
            fuzzy: false,
        };
        Store::from([("p".into(), BTreeMap::from([("index/p1".into(), s)]))])
    }

    #[test]
    fn a_suggestion_is_offered_fuzzy_with_its_source() {
        let mut p = page("Ancienne.", State::Fuzzy);
        offer(&store("Ancienne."), "p", &mut p);
        let u = &p.units[0];
        assert_eq!(u.translation, "Nouvelle traduction.");
        assert_eq!(u.state, State::Fuzzy);
        assert_eq!(u.previous.as_deref(), Some("Old source."));
        assert_eq!(u.notes, [NOTE]);
    }

    #[test]
    fn a_suggestion_gives_way_to_newer_work_in_the_site() {
        let mut p = page("Corrigée depuis.", State::Fuzzy);
        offer(&store("Ancienne."), "p", &mut p);
        assert_eq!(p.units[0].translation, "Corrigée depuis.");
        assert_eq!(p.units[0].previous, None);
        let mut other = page("Ancienne.", State::Fuzzy);
        offer(&store("Ancienne."), "another", &mut other);
        assert_eq!(other.units[0].translation, "Ancienne.");
    }

    #[test]
    fn a_store_is_saved_loaded_and_removed_when_empty() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load(dir.path(), "fr"), Store::new());
        let s = store("x");
        save(dir.path(), "fr", &s).unwrap();
        assert_eq!(load(dir.path(), "fr"), s);
        save(dir.path(), "fr", &Store::new()).unwrap();
        assert!(!dir.path().join(rel("fr")).exists());
    }
}
