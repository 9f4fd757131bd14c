//! What each command does and prints. `main.rs` parses the command line and
//! calls these; everything they need is in the library.

pub mod build;
pub mod check;
pub mod new;
pub mod pdf;
pub mod stamp;
pub mod status;
pub mod translate;

use crate::diagnostics::{Diagnostic, render, stderr_color};
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
pub fn print_diagnostics(source: &Path, diags: &[Diagnostic], verbosity: Verbosity) {
    let shown: Vec<Diagnostic> = diags
        .iter()
        .filter(|d| {
            verbosity != Verbosity::Quiet || d.severity == crate::diagnostics::Severity::Error
        })
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
    for (message, n) in more {
        let places = if n == 1 { "place" } else { "places" };
        crate::errln!(
            "warning: {message}: {n} more {places} (`fieldguide check --format json` lists every place)"
        );
    }
}

/// The same warning said in its first few files only: an unknown key on
/// every page of a migrated site would otherwise fill the terminal. Within
/// those files every place is shown.
const SAME_WARNING_FILES: usize = 10;

/// The same kind of warning with different names in it (`link to a missing
/// page `a.md``, `... `b.md``) is shown this many times: an old corpus
/// published with `broken_links: warning` can have thousands.
const SAME_KIND_PLACES: usize = 50;

/// `diags` without the warnings said the same way (the same message) in more files than
/// [`SAME_WARNING_FILES`], or of a kind shown [`SAME_KIND_PLACES`] times
/// already, and how many places were left out, per message (or kind: its
/// names as `…`) in order of first place.
fn collapse(diags: Vec<Diagnostic>) -> (Vec<Diagnostic>, Vec<(String, usize)>) {
    let mut seen: std::collections::HashMap<String, Vec<std::path::PathBuf>> = Default::default();
    let mut kinds: std::collections::HashMap<String, usize> = Default::default();
    let mut more: Vec<(String, usize)> = Vec::new();
    let mut count_more = |message: String| match more.iter_mut().find(|(m, _)| *m == message) {
        Some((_, k)) => *k += 1,
        None => more.push((message, 1)),
    };
    let mut kept = Vec::with_capacity(diags.len());
    for d in diags {
        if d.severity == crate::diagnostics::Severity::Warning {
            let files = seen.entry(d.message.clone()).or_default();
            if !files.contains(&d.path) {
                if files.len() == SAME_WARNING_FILES {
                    count_more(d.message);
                    continue;
                }
                files.push(d.path.clone());
            }
            let kind = names_hidden(&d.message);
            let shown = kinds.entry(kind.clone()).or_default();
            if *shown == SAME_KIND_PLACES {
                count_more(kind);
                continue;
            }
            *shown += 1;
        }
        kept.push(d);
    }
    (kept, more)
}

/// A message with what it quotes (between backticks) as `…`.
fn names_hidden(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let parts = message.split('`').count();
    for (i, part) in message.split('`').enumerate() {
        if i > 0 {
            out.push('`');
        }
        // Odd parts are quoted, when their backtick is closed.
        let closed = i % 2 == 1 && i + 1 < parts;
        out.push_str(if closed { "…" } else { part });
    }
    out
}

pub fn count(diags: &[Diagnostic]) -> (usize, usize) {
    let errors = diags
        .iter()
        .filter(|d| d.severity == crate::diagnostics::Severity::Error)
        .count();
    (errors, diags.len() - errors)
}

pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_warning_is_shown_in_its_first_files_then_counted() {
        let w = |f: &str, m: &str| Diagnostic::warning(f, 2, 1, m);
        let mut diags: Vec<Diagnostic> = (0..13)
            .map(|i| w(&format!("{i:02}.md"), "unknown key `weight`"))
            .collect();
        // Within the first files, every place: twice in 1.md.
        diags.insert(2, w("01.md", "unknown key `weight`"));
        diags.push(Diagnostic::error("e.md", 1, 1, "missing title"));
        diags.push(w("x.md", "unknown key `tags`"));
        diags.extend((0..5).map(|i| Diagnostic::error(format!("{i}.md"), 1, 1, "same error")));
        let (kept, more) = collapse(diags);
        let files: Vec<&str> = kept.iter().map(|d| d.path.to_str().unwrap()).collect();
        // Errors are all shown; `weight` in an eleventh file and after is counted.
        let mut wanted = vec!["00.md", "01.md", "01.md"];
        let names: Vec<String> = (2..10).map(|i| format!("{i:02}.md")).collect();
        wanted.extend(names.iter().map(String::as_str));
        wanted.extend(["e.md", "x.md", "0.md", "1.md", "2.md", "3.md", "4.md"]);
        assert_eq!(files, wanted);
        assert_eq!(more, [("unknown key `weight`".to_string(), 3)]);
    }

    #[test]
    fn a_flood_of_one_kind_is_shown_its_first_places_then_counted() {
        let broken = |i: usize| {
            Diagnostic::warning(
                format!("{}.md", i / 100),
                i % 100 + 1,
                1,
                format!("link to a missing page `p{i}.md`; published as its text"),
            )
        };
        let mut diags: Vec<Diagnostic> = (0..3704).map(broken).collect();
        diags.push(Diagnostic::error("e.md", 1, 1, "missing title `x`"));
        diags.push(Diagnostic::warning("x.md", 1, 1, "missing anchor `#a`"));
        let (kept, more) = collapse(diags);
        assert_eq!(kept.len(), SAME_KIND_PLACES + 2);
        assert_eq!(kept[SAME_KIND_PLACES].message, "missing title `x`");
        assert_eq!(
            more,
            [(
                "link to a missing page `…`; published as its text".to_string(),
                3704 - SAME_KIND_PLACES
            )]
        );
        assert_eq!(names_hidden("a `b` c `d"), "a `…` c `d");
    }
}
