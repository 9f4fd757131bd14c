//! What a `translate import` did, counted page by page and file by file
//! as it goes, and told to the user at the end (see `import`).

use super::catalog::{Format, Routed};
use super::pending::Suggestion;
use super::units::{PageUnits, State};
use crate::config::LangId;
use crate::diagnostics::Diagnostic;
use std::path::{Path, PathBuf};

/// What an import did.
#[derive(Debug, Default)]
pub struct Report {
    /// Pages written (relative to the site folder).
    pub written: Vec<PathBuf>,
    pub unchanged: usize,
    /// Pages not written because some segments are untranslated or fuzzy.
    pub incomplete: usize,
    /// Pages not written because of a problem (a check that failed, two
    /// files that disagree, a cell that is not text).
    pub refused: usize,
    /// Per file, the segments it left as exported whose translation in the
    /// site changed since: the site's was kept.
    pub kept: Vec<(PathBuf, usize)>,
    /// Per file, the segments whose translation is their source word for
    /// word (a tool that copies the source into segments left
    /// untranslated), and the line of the first.
    pub copied: Vec<(PathBuf, usize, usize)>,
    /// Per file, the segments whose source changed since they were
    /// translated, confirmed with the very translation they were sent
    /// with (a tool's "confirm all"), and the line of the first.
    pub confirmed_unchanged: Vec<(PathBuf, usize, usize)>,
    /// Per file, the segments of pages written that replaced the site's
    /// up-to-date translation with another while the file recorded no
    /// translation it was exported with (a tool dropped the fingerprints),
    /// and the line of the first: perhaps a correction made in the site
    /// since, undone by the file's older text.
    pub unrecorded: Vec<(PathBuf, usize, usize)>,
    /// Per file, the entries with no translation whose source is not the
    /// block's (typed over, in a spreadsheet's source column?), and the
    /// line of the first: see `source_cells`.
    pub blank_moved: Vec<(PathBuf, usize, usize)>,
    /// Per file, the pages it gives no translation at all (left for
    /// later): not written, and said in one warning for the file.
    pub untouched: Vec<(PathBuf, String)>,
    /// Translations of blocks whose source changed since their file was
    /// exported, kept for the next export (see `pending`): language,
    /// publication, segment key.
    pub suggested: Vec<(LangId, String, String, Suggestion)>,
    /// Pages written (or found as they should be): their kept suggestions
    /// are done with. Language, publication and the pages' segment keys.
    pub settled: Vec<(LangId, String, Vec<String>)>,
    /// Per file, the pages it gives entries for that the source no longer
    /// has (see `moved`): said once each.
    pub gone: Vec<Gone>,
    /// The translations of entries no block has, of the files being
    /// routed, by key, until they join `suggested`.
    pub unplaced: Vec<(String, Suggestion)>,
    pub diagnostics: Vec<Diagnostic>,
}

/// The entries of a page the source no longer has, in one file (see
/// `moved`).
#[derive(Debug)]
pub struct Gone {
    pub file: PathBuf,
    pub page: String,
    /// Where its translations are kept (the language's store).
    pub store: String,
    /// The line of its first entry, and how many translations it gave.
    pub line: usize,
    pub kept: usize,
}

impl Report {
    /// Moves the translations of entries no block has (`unplaced`) to
    /// those kept for the next export, in `publication`.
    pub fn keep_unplaced(&mut self, lang: LangId, publication: &str) {
        for (key, s) in std::mem::take(&mut self.unplaced) {
            self.suggested.push((lang, publication.to_string(), key, s));
        }
    }

    pub fn count_kept(&mut self, file: &Path) {
        match self.kept.iter_mut().find(|(f, _)| f == file) {
            Some((_, n)) => *n += 1,
            None => self.kept.push((file.to_path_buf(), 1)),
        }
    }

    pub(super) fn count_copied(&mut self, file: &Path, line: usize) {
        count_at(&mut self.copied, file, line);
    }

    pub(super) fn count_confirmed_unchanged(&mut self, file: &Path, line: usize) {
        count_at(&mut self.confirmed_unchanged, file, line);
    }

    pub(super) fn count_unrecorded(&mut self, file: &Path, line: usize) {
        count_at(&mut self.unrecorded, file, line);
    }

    pub(super) fn count_blank_moved(&mut self, file: &Path, line: usize) {
        count_at(&mut self.blank_moved, file, line);
    }
}

/// Counts one more entry of `file` in `counts`, keeping the first line.
fn count_at(counts: &mut Vec<(PathBuf, usize, usize)>, file: &Path, line: usize) {
    match counts.iter_mut().find(|(f, ..)| f == file) {
        Some((_, n, first)) => {
            *n += 1;
            *first = (*first).min(line);
        }
        None => counts.push((file.to_path_buf(), 1, line)),
    }
}

impl Report {
    /// Whether every segment of `page` is translated and none fuzzy; if not,
    /// says so at the first one left (the page is not written).
    pub fn complete(&mut self, page: &PageUnits, entries: &[Routed], target: &str) -> bool {
        let c = page.counts();
        let total = page.units.len();
        if c.translated == 0 && c.changed == 0 {
            // Not started: one line for all such pages of the file, not one
            // warning each (a file covers a whole publication).
            self.incomplete += 1;
            let file = entries[0].file.to_path_buf();
            self.untouched.push((file, target.to_string()));
            return false;
        }
        if c.translated < total {
            self.incomplete += 1;
            let first = entries
                .iter()
                .filter(|r| page.units[r.unit].state != State::Translated)
                .min_by_key(|r| r.entry.line);
            let (file, line) = first.map_or((entries[0].file, 0), |r| (r.file, r.entry.line));
            let fuzzy = if c.changed > 0 {
                format!(", {} marked fuzzy", c.changed)
            } else {
                String::new()
            };
            self.diagnostics.push(
                Diagnostic::warning(
                    file,
                    line,
                    1,
                    format!(
                        "{target}: {} of {total} segments translated{fuzzy}; the page is not written",
                        c.translated
                    ),
                )
                .with_hint(format!(
                    "translate every segment of the page{}; the previous translation stays until then",
                    if c.changed > 0 { confirm(file) } else { untranslated(file) }
                )),
            );
            return false;
        }
        true
    }
}

/// What else leaves a segment untranslated, in the terms of `file`'s
/// format: a CAT tool's pre-filled target keeps its state `new`.
fn untranslated(file: &Path) -> &'static str {
    match Format::of(file) {
        Some(Format::Xliff) => {
            " (a target whose state is new or needs-translation, or in XLIFF 2 an empty one in state initial, counts as untranslated: once it is translated, set its state to translated)"
        }
        _ => "",
    }
}

/// How a translator confirms a fuzzy segment, in the terms of `file`'s
/// format: a spreadsheet has no fuzzy mark, only its `old source` cell.
fn confirm(file: &Path) -> &'static str {
    match Format::of(file) {
        Some(Format::Xlsx) => {
            " and, in each row you reviewed that has an `old source`, empty its `old source` cell"
        }
        Some(Format::Xliff) => {
            " and confirm each segment marked needs-review-translation, or in XLIFF 2 each segment in state initial (its state becomes translated)"
        }
        _ => " and clear the fuzzy marks (Poedit: uncheck Needs work)",
    }
}
