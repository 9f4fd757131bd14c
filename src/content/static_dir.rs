//! The site-wide `static/` folder, next to `guidance/`: logos, downloads,
//! and the images that sites moved from Hugo or Jekyll link as
//! `/images/...`. Every file in it is published at the same path from the
//! output root (after the same type checks as files under `guidance/`).

use crate::diagnostics::Diagnostic;
use crate::no_follow::{Dir, site_folder};
use std::path::{Path, PathBuf};

pub const STATIC_DIR: &str = "static";
/// The one hidden folder published from `static/`: the files a site's
/// address answers for by convention (`security.txt`, RFC 8615).
const WELL_KNOWN: &str = ".well-known";

/// A name the loader would skip that `static/` publishes at its top: a
/// host's file (`.nojekyll`) or `.well-known/`.
pub fn kept_at_top(name: &str) -> bool {
    super::file_types::is_host_file(name) || name == WELL_KNOWN
}

/// Every file of `static/`, sorted: (path in it, in NFC; path on disk,
/// relative to `static/`). Links and leftovers are left out, as in
/// `guidance/`. Messages put `shown` (a local edition's `base:` path, or
/// nothing) before the paths.
pub fn walk(
    site: &Dir,
    real: &Path,
    shown: &Path,
    diags: &mut Vec<Diagnostic>,
) -> Vec<(String, PathBuf)> {
    let dir = match site_folder(site, STATIC_DIR) {
        Ok(Some(d)) => d,
        Ok(None) => return Vec::new(),
        Err(msg) => {
            diags.push(
                Diagnostic::error(shown.join(STATIC_DIR), 0, 0, msg)
                    .with_hint("keep the files in a real static/ folder inside the site folder"),
            );
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    // As in `guidance/`, a folder whose name is not UTF-8 is not entered.
    let mut not_unicode = Vec::new();
    // A host's hidden settings file is left out like any hidden file, but
    // said: whoever put `.htaccess` there expects the server to read it.
    let mut settings = Vec::new();
    let mut too_deep = Vec::new();
    let walker = walkdir::WalkDir::new(dir.path())
        .follow_links(false)
        .follow_root_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            let name = e.file_name().to_str();
            if e.depth() > 0 && name.is_none() && e.file_type().is_dir() {
                not_unicode.push(e.path().to_path_buf());
                return false;
            }
            if e.depth() > MAX_FOLDER_DEPTH && e.file_type().is_dir() {
                too_deep.push(e.path().to_path_buf());
                return false;
            }
            let kept = e.depth() == 0
                || (e.depth() == 1 && name.is_some_and(kept_at_top))
                || !name.is_some_and(super::names::ignored);
            if !kept
                && !e.file_type().is_dir()
                && let Some(what) = name.and_then(super::file_types::host_settings)
            {
                settings.push((e.path().to_path_buf(), what));
            }
            kept
        });
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                diags.push(Diagnostic::error(
                    shown.join(STATIC_DIR),
                    0,
                    0,
                    format!("cannot read: {e}"),
                ));
                continue;
            }
        };
        out.extend(published(&entry, dir.path(), real, shown, diags));
    }
    for (file, what) in settings {
        let rel = file.strip_prefix(dir.path()).unwrap_or(&file);
        let msg = format!(
            "not published: it is {what}, which a host reads, and hidden files are left out"
        );
        diags.push(
            Diagnostic::warning(shown.join(STATIC_DIR).join(rel), 0, 0, msg)
                .with_hint(super::file_types::HOST_SETTINGS_HINT),
        );
    }
    for folder in not_unicode {
        let rel = folder.strip_prefix(dir.path()).unwrap_or(&folder);
        diags.push(super::names::not_unicode(
            shown.join(STATIC_DIR).join(rel),
            true,
        ));
    }
    // The first only: the others are inside it.
    if let Some(folder) = too_deep.first() {
        let rel = folder.strip_prefix(dir.path()).unwrap_or(folder);
        let msg = format!(
            "folders nested more than {MAX_FOLDER_DEPTH} deep under static/: this one and what it holds are not published"
        );
        diags.push(
            Diagnostic::error(shown.join(STATIC_DIR).join(rel), 0, 0, msg)
                .with_hint("keep the published files a few folders deep at most"),
        );
    }
    out
}

/// Folders below `static/` deeper than this are not read: no real site's
/// files are nested so deep (a vendored library's assets are five or six
/// levels), and a deeper tree ends, past 4 KB of path, in "File name too
/// long" for every file in it.
const MAX_FOLDER_DEPTH: usize = 32;

/// The file `entry` of `static/` (under `root`) as published: (path in it,
/// in NFC; path on disk), or why not, in `diags`.
fn published(
    entry: &walkdir::DirEntry,
    root: &Path,
    real: &Path,
    shown: &Path,
    diags: &mut Vec<Diagnostic>,
) -> Option<(String, PathBuf)> {
    let rel = entry.path().strip_prefix(root).ok()?;
    let rel_site = shown.join(STATIC_DIR).join(rel);
    if entry.file_type().is_symlink() {
        diags.push(crate::no_follow::link_diagnostic(
            real,
            entry.path(),
            rel_site,
        ));
        return None;
    }
    if entry.file_name().to_str().is_none() {
        diags.push(super::names::not_unicode(rel_site, false));
        return None;
    }
    if !entry.file_type().is_file() {
        if !entry.file_type().is_dir() {
            let msg = format!(
                "not published: it is {}, not a file",
                super::names::special_kind(entry.file_type())
            );
            diags.push(Diagnostic::warning(rel_site, 0, 0, msg).with_hint("remove it"));
        }
        return None;
    }
    // As in `guidance/`: never published, and no error for its type.
    if entry
        .file_name()
        .to_str()
        .is_some_and(super::names::is_note_file)
    {
        return None;
    }
    let disk = crate::no_follow::slash_path(rel);
    if let Some(problem) = crate::content::file_types::portable_name_problem(&disk) {
        diags.push(super::names::portable_error(rel_site, &problem));
        return None;
    }
    Some((crate::slug::nfc(&disk).into_owned(), rel.to_path_buf()))
}
