//! What each command does and prints. `main.rs` parses the command line and
//! calls these; everything they need is in the library.

pub mod build;
pub mod check;
pub mod new;
pub mod pdf;
pub mod stamp;
pub mod status;
pub mod translate;

use crate::diagnostics::collapse::{collapse, more_lines};
use crate::diagnostics::{Diagnostic, Severity, render, stderr_color};
use crate::source_lines::SiteSource;
use std::path::Path;

/// How much a command prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Verbosity {
    Quiet,
    #[default]
    Normal,
    Verbose,
}

/// Exit codes, as documented in `--help` and README.
pub const EXIT_OK: i32 = 0;
/// The site has errors (or warnings, with --strict).
pub const EXIT_FAILED: i32 = 1;
/// Wrong command-line usage: an option's value that means nothing here.
pub const EXIT_USAGE: i32 = 2;
/// A bug in fieldguide: please report it.
pub const EXIT_INTERNAL: i32 = 3;

/// Prints diagnostics to stderr as rustc does.
/// The output folder to write into (`output::check_target`'s resolved
/// path), or `None` once its refusal is printed.
pub fn output_folder(
    opts: &crate::pipeline::Options,
    out: &Path,
    verbosity: Verbosity,
) -> Option<std::path::PathBuf> {
    match crate::output::check_target(&opts.source, out) {
        Ok(resolved) => Some(resolved),
        Err(d) => {
            print_diagnostics(&opts.source, &[d], verbosity);
            None
        }
    }
}

pub fn print_diagnostics(source: &Path, diags: &[Diagnostic], verbosity: Verbosity) {
    let shown: Vec<Diagnostic> = diags
        .iter()
        .filter(|d| verbosity != Verbosity::Quiet || d.severity == Severity::Error)
        .cloned()
        .collect();
    if shown.is_empty() {
        return;
    }
    let (shown, more) = collapse(shown);
    crate::err!(
        "{}",
        render(&shown, &SiteSource::new(source), stderr_color())
    );
    for line in more_lines(&more) {
        crate::errln!("{line}");
    }
}

pub fn count(diags: &[Diagnostic]) -> (usize, usize) {
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    (errors, diags.len() - errors)
}

pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
