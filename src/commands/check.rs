//! `fieldguide check`: everything a build validates, templates included,
//! without writing; as text or JSON.

use super::{EXIT_FAILED, EXIT_OK, Verbosity, count, plural, print_diagnostics};
use crate::pipeline::{self, Options};

/// What `check` found: the site's messages, and what `broken_links:
/// warning` would let `build` publish.
struct Found {
    diags: Vec<crate::diagnostics::Diagnostic>,
    pages: usize,
    /// Broken links and missing images.
    defects: (usize, usize),
    unpublished: Vec<std::path::PathBuf>,
    unset: Vec<crate::adaptation::Unset>,
    /// Translations left out because they cannot be read.
    unreadable: Vec<String>,
    /// Source pages left out because they cannot be read.
    unreadable_sources: Vec<String>,
}

pub fn check(opts: &Options, json: bool, verbosity: Verbosity) -> i32 {
    let start = std::time::Instant::now();
    // Everything a build validates, templates included, without writing.
    let found = match pipeline::check(opts) {
        Ok(s) => {
            // The source language's files with errors are its own pages.
            let files = |source: bool| -> Vec<String> {
                s.languages
                    .iter()
                    .filter(|l| l.source == source)
                    .flat_map(|l| l.with_errors.clone())
                    .collect()
            };
            Found {
                pages: s.languages.iter().map(|l| l.pages).sum::<usize>(),
                unreadable: files(false),
                unreadable_sources: files(true),
                diags: s.diagnostics,
                defects: s.defects,
                unpublished: s.unpublished,
                unset: s.unset,
            }
        }
        Err(f) => Found {
            diags: f.diagnostics,
            pages: 0,
            defects: (0, 0),
            unpublished: Vec::new(),
            unset: Vec::new(),
            unreadable: Vec::new(),
            unreadable_sources: Vec::new(),
        },
    };
    let (e, w) = count(&found.diags);
    // `broken_links: warning` lets `build` publish them (and leave out the
    // translations that cannot be read); `check` still fails.
    let broken = found.defects.0 + found.defects.1;
    let failed = e > 0
        || broken > 0
        || !found.unreadable.is_empty()
        || !found.unreadable_sources.is_empty()
        || (opts.strict && w > 0);
    if json {
        crate::outln!("{}", check_json(&found, opts.strict));
        return if failed { EXIT_FAILED } else { EXIT_OK };
    }
    print_diagnostics(&opts.source, &found.diags, verbosity);
    if verbosity != Verbosity::Quiet {
        for u in &found.unset {
            crate::errln!(
                "  {:<6} values to fill in locally (readers see a gap): {}",
                u.code,
                u.names.join(", ")
            );
        }
    }
    if verbosity != Verbosity::Quiet || failed {
        let checked = if found.pages > 0 {
            format!(" in {}", plural(found.pages, "page", "pages"))
        } else {
            String::new()
        };
        crate::errln!(
            "{}, {}{checked} ({} ms)",
            plural(e, "error", "errors"),
            plural(w, "warning", "warnings"),
            start.elapsed().as_millis(),
        );
        print_left_out(&found);
    }
    if failed { EXIT_FAILED } else { EXIT_OK }
}

/// `check --format json`: counts, what is left out, every message.
fn check_json(found: &Found, strict: bool) -> String {
    let (e, w) = count(&found.diags);
    let findings: Vec<serde_json::Value> = found
        .diags
        .iter()
        .map(|d| {
            serde_json::json!({
                "severity": if strict { crate::diagnostics::Severity::Error } else { d.severity },
                "path": crate::diagnostics::display_path(&d.path),
                // `null` for a message about the whole file, as its
                // headline gives no line either.
                "line": d.position().map(|p| p.0),
                "column": d.position().map(|p| p.1),
                "message": d.message,
                "hint": d.hint,
            })
        })
        .collect();
    let unset_values: serde_json::Map<String, serde_json::Value> = found
        .unset
        .iter()
        .map(|u| (u.code.clone(), serde_json::json!(u.names)))
        .collect();
    let report = serde_json::json!({
        "errors": e,
        "warnings": w,
        "broken_links": found.defects.0,
        "missing_images": found.defects.1,
        "translations_with_errors": found.unreadable,
        "pages_with_errors": found.unreadable_sources,
        "not_published": found.unpublished.iter().map(|p| crate::diagnostics::display_path(p)).collect::<Vec<_>>(),
        "unset_values": unset_values,
        "findings": findings,
    });
    serde_json::to_string_pretty(&report).unwrap_or_default()
}

/// The lines after `check`'s count: files not published, and what
/// `broken_links: warning` lets `build` through but `check` does not.
fn print_left_out(found: &Found) {
    let (unpublished, defects, unreadable) = (&found.unpublished, found.defects, &found.unreadable);
    let sources = &found.unreadable_sources;
    if !unpublished.is_empty() {
        crate::errln!(
            "not published: {} under guidance/ no page links to or shows:",
            plural(unpublished.len(), "file", "files")
        );
        for p in unpublished {
            crate::errln!(
                "  {}",
                crate::diagnostics::escape_control(&crate::diagnostics::display_path(p))
            );
        }
    }
    if defects.0 + defects.1 > 0 {
        crate::errln!(
            "{} and {} to fix: `build` publishes them as text (broken_links: warning), `check` does not pass them",
            plural(defects.0, "broken link", "broken links"),
            plural(defects.1, "missing image", "missing images"),
        );
    }
    if !sources.is_empty() {
        let (them, their) = if sources.len() == 1 {
            ("it", "its")
        } else {
            ("them", "their")
        };
        crate::errln!(
            "{} with errors to fix: `build` leaves {them} out (broken_links: warning), showing a translation in {their} place if there is one, `check` does not pass {them}",
            plural(sources.len(), "page", "pages"),
        );
    }
    if !unreadable.is_empty() {
        let them = if unreadable.len() == 1 { "it" } else { "them" };
        crate::errln!(
            "{} with errors to fix: `build` leaves {them} out (broken_links: warning) and its readers get the source page, `check` does not pass {them}",
            plural(unreadable.len(), "translation", "translations"),
        );
    }
}
