//! Writing the site: files are staged as they are made and moved into
//! place only when the whole build has succeeded (`write`), never through a
//! link (`no_follow`). The output folder carries a manifest of what
//! fieldguide wrote (`manifest`); the tool refuses to write into a
//! non-empty folder without it (`guard`), and removes only files it wrote
//! whose bytes are unchanged.

pub mod assets;
mod commit;
pub mod download;
pub mod file;
pub mod guard;
pub mod image_metadata;
pub mod manifest;
mod office;
// Runs in build.rs (the built-in theme is minified at compile time); here
// for its unit tests.
#[cfg(test)]
mod minify;
pub mod offline;
pub(crate) mod signals;
pub mod svg;
pub mod write;
pub mod zip_out;

pub use file::{Bytes, FileRecord, OutputFile};
pub use guard::check_target;
pub use manifest::MARKER;
pub use office::plain_pdf;
pub use write::{Printed, WriteStats, Writer};

use crate::diagnostics::Diagnostic;
use rayon::prelude::*;
use std::path::Path;

/// Writes `files` into `out` (already checked by [`check_target`]), all or
/// nothing. Returns the counts and any warnings about the output folder.
pub fn write(
    out: &Path,
    files: &[OutputFile],
) -> Result<(WriteStats, Vec<Diagnostic>), Vec<Diagnostic>> {
    let writer = Writer::begin(out).map_err(|d| vec![d])?;
    let staged: Vec<Result<write::Staged, Diagnostic>> = files
        .par_iter()
        .map(|f| writer.put(&f.path, f.bytes.as_ref()))
        .collect();
    let mut ok = Vec::with_capacity(staged.len());
    let mut errors = Vec::new();
    for s in staged {
        match s {
            Ok(s) => ok.push(s),
            Err(d) => errors.push(d),
        }
    }
    if !errors.is_empty() {
        errors.truncate(1);
        return Err(errors);
    }
    let mut warnings = refused_warnings(out, &writer);
    let (stats, w) = writer.commit(ok)?;
    warnings.extend(w);
    Ok((stats, warnings))
}

pub fn refused_warnings(out: &Path, writer: &Writer) -> Vec<Diagnostic> {
    let refused = writer.refused_entries();
    if refused.is_empty() {
        return Vec::new();
    }
    // One warning however many: a forged manifest can hold millions.
    const SHOWN: usize = 5;
    let shown: Vec<String> = refused
        .iter()
        .take(SHOWN)
        .map(|e| format!("`{}`", crate::diagnostics::escape_control(e)))
        .collect();
    let more = match refused.len().saturating_sub(SHOWN) {
        0 => String::new(),
        n => format!(" and {n} more"),
    };
    let (n, entries) = match refused.len() {
        1 => (String::new(), "the entry"),
        n => (format!("{n} "), "entries"),
    };
    vec![
        Diagnostic::warning(
            out.join(MARKER),
            0,
            0,
            format!(
                "ignored {n}{entries} that {} not a plain path inside the output folder: {}{more}",
                if refused.len() == 1 { "is" } else { "are" },
                shown.join(", ")
            ),
        )
        .with_hint("fieldguide only removes files it wrote; these lines were not written by it"),
    ]
}

/// Page weight, for the build summary and the budget test: what a reader's
/// phone downloads for the heaviest page.
#[derive(Debug, Clone, Default)]
pub struct Weight {
    /// The theme's CSS and JavaScript (`assets/*.css`, `assets/*.js`), in bytes.
    pub theme: u64,
    pub largest_page: String,
    pub largest_page_bytes: u64,
}

pub fn weight(files: &[FileRecord]) -> Weight {
    let mut w = Weight::default();
    for f in files {
        let len = f.len;
        // search.js is loaded by the search page only.
        if f.path.starts_with("assets/")
            && (f.path.ends_with(".css") || f.path.ends_with(".js"))
            && f.path != "assets/search.js"
        {
            w.theme += len;
        } else if f.path.ends_with(".html")
            && (len > w.largest_page_bytes
                || (len == w.largest_page_bytes && f.path < w.largest_page))
        {
            w.largest_page = f.path.clone();
            w.largest_page_bytes = len;
        }
    }
    w
}
