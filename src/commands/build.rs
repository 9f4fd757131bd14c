//! `fieldguide build`, and the summary it prints (also after `pdf`).

use super::{EXIT_FAILED, EXIT_OK, Verbosity, count, plural, print_diagnostics};
use crate::pipeline::{self, Options};
use std::path::Path;

pub fn build(opts: &Options, out: &Path, verbosity: Verbosity) -> i32 {
    let Some(out) = super::output_folder(opts, out, verbosity) else {
        return EXIT_FAILED;
    };
    let out = out.as_path();
    match pipeline::build_or_keep(opts, out, &summary_lines) {
        Ok(pipeline::Outcome::UpToDate(u)) => {
            print_up_to_date(opts, &u, out, verbosity);
            EXIT_OK
        }
        Ok(pipeline::Outcome::Written(written)) => {
            print_diagnostics(&opts.source, &written.summary.diagnostics, verbosity);
            print_notes(&written.notes, verbosity);
            print_summary(&written.summary, out, &written.stats, verbosity);
            // Written, but with an error (what it set aside cannot be
            // removed): not a success.
            let errors = count(&written.summary.diagnostics).0;
            if errors > 0 { EXIT_FAILED } else { EXIT_OK }
        }
        Err(failed) => {
            report_failure(opts, &failed, verbosity);
            EXIT_FAILED
        }
    }
}

/// A rebuild with nothing changed: every file checked, none written; the
/// last build's messages and summary said again.
fn print_up_to_date(opts: &Options, u: &pipeline::UpToDate, out: &Path, verbosity: Verbosity) {
    print_diagnostics(&opts.source, &u.diagnostics, verbosity);
    if verbosity == Verbosity::Verbose {
        for (step, us) in &u.timings {
            crate::errln!("  {step:<18} {:>8.1} ms", *us as f64 / 1000.0);
        }
    }
    if verbosity == Verbosity::Quiet {
        return;
    }
    for line in &u.lines {
        crate::errln!("{line}");
    }
    crate::errln!(
        "  nothing changed since the last build: its {} ({:.1} MB) still hold what it wrote",
        plural(u.files, "file", "files"),
        u.bytes as f64 / 1e6
    );
    let stats = crate::output::WriteStats {
        unchanged: u.files,
        ..Default::default()
    };
    crate::errln!(
        "{}",
        done_line(&u.diagnostics, u.elapsed_ms, u.files, out, &stats)
    );
}

/// Lines about what the build did beyond the site (PDFs kept or removed).
pub fn print_notes(notes: &[String], verbosity: Verbosity) {
    if verbosity != Verbosity::Quiet {
        for n in notes {
            crate::errln!("{n}");
        }
    }
}

/// Prints a failed build's problems and says that nothing was written.
pub fn report_failure(opts: &Options, failed: &pipeline::Failed, verbosity: Verbosity) {
    print_diagnostics(&opts.source, &failed.diagnostics, verbosity);
    let (e, w) = count(&failed.diagnostics);
    crate::errln!(
        "build failed: {}, {}; nothing was written (the output was left as it was)",
        plural(e, "error", "errors"),
        plural(w, "warning", "warnings")
    );
    let (links, images) = failed.defects;
    if links + images + failed.unreadable > 0 && verbosity != Verbosity::Quiet {
        crate::errln!("{}", lenient_hint(links, images, failed.unreadable));
    }
}

/// What `broken_links: warning` would do with the defects a failed build
/// found: broken links, missing images, pages that cannot be read.
fn lenient_hint(links: usize, images: usize, pages: usize) -> String {
    let mut found = Vec::new();
    let mut how = Vec::new();
    if pages > 0 {
        found.push(plural(
            pages,
            "page that cannot be read",
            "pages that cannot be read",
        ));
        how.push("each page that cannot be read left out (a translation's readers get the source page, marked as such)");
    }
    if links + images > 0 {
        found.push(crate::check::defects_phrase(links, images));
        how.push("each link as its text and each image as its description in a box");
    }
    format!(
        "  the errors include {}: with `broken_links: warning` in site.yaml the site is published anyway, {}, with a warning (`fieldguide check` still fails on them)",
        found.join(" and "),
        how.join(", ")
    )
}

/// Step timings (`--verbose`), translations, search, weight, and the
/// closing line.
pub fn print_summary(
    summary: &pipeline::Summary,
    out: &Path,
    stats: &crate::output::WriteStats,
    verbosity: Verbosity,
) {
    if verbosity == Verbosity::Verbose {
        for (step, us) in &summary.timings {
            crate::errln!("  {step:<18} {:>8.1} ms", *us as f64 / 1000.0);
        }
        if let Some((zipped, reused)) = summary.zip_counts {
            crate::errln!(
                "  zip: {reused} of {} reused from the last build's zip (each verified to hold the same bytes)",
                plural(zipped, "file", "files")
            );
        }
    }
    if verbosity == Verbosity::Quiet {
        return;
    }
    for line in summary_lines(summary) {
        crate::errln!("{line}");
    }
    crate::errln!(
        "{}",
        done_line(
            &summary.diagnostics,
            summary.elapsed_ms,
            summary.files.len(),
            out,
            stats
        )
    );
}

/// What a build says about the site besides its messages: translations,
/// adapted pages, search, defects published as text, unpublished files,
/// weight. A function of the site alone, so a rebuild with nothing
/// changed says it again (see `pipeline::unchanged`).
pub fn summary_lines(summary: &pipeline::Summary) -> Vec<String> {
    let mut lines = Vec::new();
    for l in &summary.languages {
        lines.push(format!("  {}", language_line(l)));
        lines.extend(stale_lines(l));
    }
    for line in override_lines(&summary.overrides) {
        lines.push(format!("  {line}"));
    }
    for s in &summary.search {
        lines.push(format!("  {}", search_line(s)));
    }
    if let Some(line) = &summary.published_as_text {
        lines.push(format!("  {line}"));
    }
    if let Some(line) = unpublished_line(&summary.unpublished) {
        lines.push(format!("  {line}"));
    }
    let weight = crate::output::weight(&summary.files);
    lines.push(format!(
        "  largest page: {} ({:.0} KB; the theme's CSS and JavaScript add {:.0} KB)",
        weight.largest_page,
        weight.largest_page_bytes as f64 / 1024.0,
        weight.theme as f64 / 1024.0
    ));
    lines
}

/// `3 files in guidance/ are not linked from any page and were not
/// published: a.docx, b.bak, notes.txt` (the first few).
fn unpublished_line(files: &[std::path::PathBuf]) -> Option<String> {
    const SHOWN: usize = 5;
    if files.is_empty() {
        return None;
    }
    let mut names: Vec<String> = files
        .iter()
        .take(SHOWN)
        .map(|p| crate::diagnostics::escape_control(&crate::diagnostics::display_path(p)))
        .collect();
    if files.len() > SHOWN {
        names.push(format!(
            "and {} more (`fieldguide check` lists them)",
            files.len() - SHOWN
        ));
    }
    Some(format!(
        "{} in guidance/ {} not linked from any page and {} not published: {}",
        plural(files.len(), "file", "files"),
        if files.len() == 1 { "is" } else { "are" },
        if files.len() == 1 { "was" } else { "were" },
        names.join(", ")
    ))
}

/// `built 102 files in 32 ms into public (…); 0 warnings`
pub fn done_line(
    diagnostics: &[crate::diagnostics::Diagnostic],
    elapsed_ms: u128,
    files: usize,
    out: &Path,
    stats: &crate::output::WriteStats,
) -> String {
    let (e, w) = count(diagnostics);
    // An error after the commit (what it set aside cannot be removed).
    let errors = if e > 0 {
        format!("{}, ", plural(e, "error", "errors"))
    } else {
        String::new()
    };
    format!(
        "built {} in {} ms into {} ({} written, {} unchanged, {} removed); {errors}{}",
        plural(files, "file", "files"),
        elapsed_ms,
        out.display(),
        stats.written,
        stats.unchanged,
        stats.removed,
        plural(w, "warning", "warnings"),
    )
}

/// A local edition's pages to review, one line each.
pub fn override_lines(overrides: &[crate::adaptation::OverrideReport]) -> Vec<String> {
    overrides
        .iter()
        .map(|o| match o.state {
            "changed" => format!(
                "the global version changed since this was adapted: {} (global: {}); review it, then `fieldguide stamp` it",
                o.file, o.base
            ),
            _ => format!(
                "not stamped: {} adapts {}; run `fieldguide stamp {}` to record which version",
                o.file, o.base, o.file
            ),
        })
        .collect()
}

/// A language's stale translations: ten, then a count. One edit to every
/// chapter makes hundreds stale, and the run's one real problem would
/// scroll away; `status` lists them all.
fn stale_lines(l: &crate::translation::LanguageSummary) -> Vec<String> {
    const SHOWN: usize = 10;
    let mut lines: Vec<String> = l
        .stale
        .iter()
        .take(SHOWN)
        .map(|f| format!("           out of date: {f} ({})", l.stale_advice(f)))
        .collect();
    if l.stale.len() > SHOWN {
        lines.push(format!(
            "           and {} more out of date: `fieldguide status --lang {}` lists them all",
            l.stale.len() - SHOWN,
            l.code
        ));
    }
    lines
}

fn language_line(l: &crate::translation::LanguageSummary) -> String {
    let mut parts = vec![format!("{} translated", l.translated)];
    if !l.stale.is_empty() {
        parts.push(format!("{} out of date", l.stale.len()));
    }
    if l.untracked > 0 {
        parts.push(format!("{} not stamped", l.untracked));
    }
    if l.fallback > 0 {
        // The source language's own page, when it cannot be read, is
        // shown from a translation.
        let from = if l.source {
            "another language"
        } else {
            "the source language"
        };
        parts.push(format!("{} shown from {from}", l.fallback));
    }
    if !l.with_errors.is_empty() {
        parts.push(format!(
            "{} left out until fixed (errors; broken_links: warning)",
            l.with_errors.len()
        ));
    }
    format!(
        "{:<6} {}: {}",
        l.code,
        plural(l.pages, "page", "pages"),
        parts.join(", ")
    )
}

/// `search fr: index 33.9 KB for 82.7 KB of text (41% of its size)`: every
/// page's text is indexed; the share is the index's size.
fn search_line(s: &crate::search::Summary) -> String {
    let size = |b: usize| {
        if b >= 1_000_000 {
            format!("{:.1} MB", b as f64 / 1e6)
        } else {
            format!("{:.1} KB", b as f64 / 1e3)
        }
    };
    // On a few pages the index is mostly what every index carries (the
    // folding table, the affix rules): a ratio to the text would mislead.
    if s.text_bytes < SMALL_TEXT {
        return format!(
            "search {}: index {} for {} of text (mostly the rules every index carries)",
            s.code,
            size(s.index_bytes),
            size(s.text_bytes)
        );
    }
    format!(
        "search {}: index {} for {} of text ({:.0}% of its size)",
        s.code,
        size(s.index_bytes),
        size(s.text_bytes),
        100.0 * s.index_bytes as f64 / s.text_bytes.max(1) as f64
    )
}

/// Below this much text, the index size is not given as a share of it.
const SMALL_TEXT: usize = 16_000;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stale_pages_are_listed_ten_then_counted() {
        let l = crate::translation::LanguageSummary {
            code: "fr".into(),
            pages: 400,
            translated: 400,
            fallback: 0,
            stale: (0..400)
                .map(|i| format!("guidance/hb/{i:03}-ch.fr.md"))
                .collect(),
            translate_in_edition: Vec::new(),
            untracked: 0,
            with_errors: Vec::new(),
            source: false,
        };
        let lines = stale_lines(&l);
        assert_eq!(lines.len(), 11);
        assert!(lines[0].contains("out of date: guidance/hb/000-ch.fr.md"));
        assert_eq!(
            lines[10],
            "           and 390 more out of date: `fieldguide status --lang fr` lists them all"
        );
    }

    #[test]
    fn the_search_line_gives_a_ratio_only_when_it_means_something() {
        let s = |text_bytes| crate::search::Summary {
            code: "en".into(),
            pages: 3,
            index_bytes: 2_000,
            text_bytes,
        };
        assert_eq!(
            search_line(&s(400)),
            "search en: index 2.0 KB for 0.4 KB of text (mostly the rules every index carries)"
        );
        assert_eq!(
            search_line(&s(40_000)),
            "search en: index 2.0 KB for 40.0 KB of text (5% of its size)"
        );
    }
}
