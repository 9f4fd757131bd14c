//! The build, step by step: load -> model -> markdown -> check -> render ->
//! write. `build`, `check`, `serve` and `pdf` all run these same steps.
//!
//! The whole site is checked before any page is rendered to its template
//! (the check needs each document's ids, links and titles, not its HTML).
//! Then pages are rendered, handed to a sink and forgotten, publication by
//! publication (`pages`): each document's HTML is made again for the pages
//! that show it, so memory holds what one page needs, not the site.
//! `download` closes the zips and renders the homes that link to them.
//!
//! One file per step: `inputs` (load, model), `analyse` (markdown,
//! check), `render_site` (templates, into a sink), `to_disk` (`build`:
//! staged, committed, or kept when nothing changed, see `unchanged`);
//! `in_memory` renders chosen pages into memory (`serve` after an edit,
//! `pdf`).

mod analyse;
mod collisions;
mod download;
pub mod emit;
mod in_memory;
mod inputs;
mod pages;
mod print_pieces;
mod render_site;
mod spool;
mod to_disk;
mod unchanged;
mod word_web_pages;

use analyse::analyse_from;
pub use analyse::{Analysed, PageDoc, analyse, render_doc};
pub use in_memory::{Reuse, render_specs};
use inputs::model_from;
pub use inputs::{Inputs, Modelled, load_inputs, model};
pub use print_pieces::PrintPieces;
use render_site::prepare_from;
pub use render_site::{Built, Ready, Summary, build, check, prepare, render_site};
pub use to_disk::{Outcome, Written, build_or_keep, build_to};
pub use unchanged::UpToDate;

use crate::diagnostics::{Diagnostic, Severity, sorted};
use std::path::PathBuf;
use std::time::Instant;

#[derive(Debug, Clone, Default)]
pub struct Options {
    pub source: PathBuf,
    /// Warnings fail the build.
    pub strict: bool,
    /// Set by `serve`: pages load this script (path from the output root).
    pub live_reload: Option<String>,
    /// Write `download/<site>.zip` (`build` does; `serve` and `check` do not).
    pub download: bool,
    /// Keep each document's plain text after the check (`serve`: it makes
    /// the search indexes again after an edit). A build does not: each
    /// page's text goes to the search index as the page is made.
    pub keep_text: bool,
    /// Publish pages marked `draft: true` (`--drafts`).
    pub drafts: bool,
    /// Work out each print page's print key (what `pdf` records, and what
    /// a build needs to keep the PDFs of an earlier run; see `pdf::keep`).
    /// It reads every print page through: only when needed.
    pub print_keys: bool,
}

/// A failed build: every problem found, sorted.
pub struct Failed {
    pub diagnostics: Vec<Diagnostic>,
    /// Broken links and missing images among the errors, which `broken_links:
    /// warning` would publish (as text) instead: (0, 0) when that is set or
    /// the build failed before they were counted.
    pub defects: (usize, usize),
    /// Pages that cannot be read among the errors, which that setting
    /// would leave out instead (0 in the same cases).
    pub unreadable: usize,
}

pub fn fail(mut diags: Vec<Diagnostic>, strict: bool) -> Failed {
    if strict {
        crate::diagnostics::make_strict(&mut diags);
    }
    Failed {
        diagnostics: sorted(diags),
        defects: (0, 0),
        unreadable: 0,
    }
}

pub fn has_errors(diags: &[Diagnostic], strict: bool) -> bool {
    diags.iter().any(|d| d.severity == Severity::Error) || (strict && !diags.is_empty())
}

/// Measures each step, for `--verbose` and the benchmark.
pub(crate) struct Timer {
    laps: Vec<(&'static str, u128)>,
    last: Instant,
}

impl Timer {
    fn new() -> Self {
        Timer {
            laps: Vec::new(),
            last: Instant::now(),
        }
    }

    pub(crate) fn lap(&mut self, step: &'static str) {
        let now = Instant::now();
        self.laps.push((step, (now - self.last).as_micros()));
        self.last = now;
    }
}
