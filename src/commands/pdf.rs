//! `fieldguide pdf` (and `fieldguide build --pdf`): build the site, print
//! every publication to PDF with headless Chromium, and write both.
//!
//! The order keeps the output consistent at every moment:
//! 1. the site is built in memory (a failed build writes nothing);
//! 2. Chromium prints the print pages from a temporary copy, so the output
//!    folder is not touched while it works;
//! 3. the site is built again, the same way `build` does, now knowing which
//!    PDFs were made (pages link only to those) and with the PDFs among its
//!    files (so they are in the zip, and listed in the output's manifest);
//!    it is written all or nothing.
//!
//! Without a browser the site is still written, without PDFs, and the
//! command fails with a message saying how to install one.

use super::{EXIT_FAILED, EXIT_OK, Verbosity, count, plural, print_diagnostics};
use crate::diagnostics::Diagnostic;
use crate::output::OutputFile;
use crate::pipeline::{self, Options};
use crate::render::Spec;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

/// What printing made.
struct Printed {
    files: Vec<OutputFile>,
    problems: Vec<Diagnostic>,
    no_browser: Option<String>,
    /// (PDFs, booklets, time, Chromium processes, one line per document)
    done: Option<(usize, usize, std::time::Duration, usize, Vec<String>)>,
}

pub fn pdf(opts: &Options, out: &Path, browser: Option<&Path>, verbosity: Verbosity) -> i32 {
    let Some(out) = super::output_folder(opts, out, verbosity) else {
        return EXIT_FAILED;
    };
    let out = out.as_path();
    let first = Options {
        download: false,
        print_keys: true,
        ..opts.clone()
    };
    let mut built = match pipeline::build(&first) {
        Ok(b) => b,
        Err(failed) => {
            super::build::report_failure(opts, &failed, verbosity);
            return EXIT_FAILED;
        }
    };
    let mut printed = print(&built, out, browser, verbosity);
    // The keys of the print pages Chromium printed from (see `pdf::keep`).
    let keys = std::mem::take(&mut built.summary.print_keys);
    drop(built);
    let mut paths: Vec<String> = printed.files.iter().map(|f| f.path.clone()).collect();
    paths.sort();
    let files = std::mem::take(&mut printed.files);
    let written = match pipeline::build_to(opts, out, paths, files, Some(keys)) {
        Ok(w) => w,
        Err(failed) => {
            super::build::report_failure(opts, &failed, verbosity);
            return EXIT_FAILED;
        }
    };
    print_diagnostics(&opts.source, &written.summary.diagnostics, verbosity);
    print_diagnostics(&opts.source, &printed.problems, verbosity);
    super::build::print_notes(&written.notes, verbosity);
    super::build::print_summary(&written.summary, out, &written.stats, verbosity);
    report(&printed, verbosity)
}

/// Prints every publication with Chromium, from the site built in memory.
fn print(
    built: &pipeline::Built,
    out: &Path,
    browser: Option<&Path>,
    verbosity: Verbosity,
) -> Printed {
    let site = &built.analysed.site;
    let jobs = crate::pdf::jobs(site);
    let mut printed = Printed {
        files: Vec::new(),
        problems: Vec::new(),
        no_browser: None,
        done: None,
    };
    let path = match crate::pdf::browser::find(browser) {
        Err(e) => {
            printed.no_browser = Some(e.to_string());
            return printed;
        }
        Ok(p) => p,
    };
    // Printing takes seconds per document: say so before starting.
    if verbosity != Verbosity::Quiet {
        crate::errln!(
            "printing {} with {}…",
            plural(jobs.len(), "document", "documents"),
            path.display()
        );
    }
    let progress = Progress::new(jobs.len(), verbosity);
    let report = match crate::pdf::render(
        &path,
        &built.files,
        &jobs,
        &|todo| renumber(built, &jobs, todo),
        &|job, again, took| progress.printed(job, again, took),
    ) {
        Ok(r) => r,
        Err(msg) => {
            printed.problems.push(
                Diagnostic::error(out, 0, 0, format!("cannot make PDFs: {msg}"))
                    .with_hint("check that the temporary folder (TMPDIR) is writable and has room"),
            );
            return printed;
        }
    };
    let taken: BTreeSet<&str> = built.files.iter().map(|f| f.path.as_str()).collect();
    let mut lines = Vec::new();
    let (mut pdfs, mut booklets) = (0, 0);
    for (job, result) in jobs.iter().zip(report.results) {
        let made = match result {
            Ok(m) => m,
            Err(msg) => {
                printed.problems.push(
                    Diagnostic::error(
                        out.join(&job.paths.pdf),
                        0,
                        0,
                        format!("could not print {}: {msg}", job.html),
                    )
                    .with_hint(
                        "the rest of the site was written; pages link only to the PDFs that were made",
                    ),
                );
                continue;
            }
        };
        lines.push(document_line(&job.paths.pdf, made.pages, made.sheets));
        for f in made.files {
            if taken.contains(f.path.as_str()) {
                printed.problems.push(
                    Diagnostic::error(
                        out.join(&f.path),
                        0,
                        0,
                        format!(
                            "a file under guidance/ is also written to `{}`, where this PDF goes",
                            f.path
                        ),
                    )
                    .with_hint("rename that file; the PDF was not written"),
                );
                continue;
            }
            if f.path.ends_with(".booklet.pdf") {
                booklets += 1;
            } else {
                pdfs += 1;
            }
            printed.files.push(f);
        }
    }
    printed.done = Some((pdfs, booklets, report.elapsed, report.processes, lines));
    printed
}

/// What the command says while Chromium prints: with `--verbose` each
/// print as it ends; otherwise, in a run long enough to wonder (a long
/// handbook takes minutes), how far it is every 15 seconds.
struct Progress {
    total: usize,
    verbosity: Verbosity,
    start: Instant,
    /// When it last said so; prints once and again (with page numbers).
    state: Mutex<(Instant, usize, usize)>,
}

impl Progress {
    fn new(total: usize, verbosity: Verbosity) -> Progress {
        let now = Instant::now();
        Progress {
            total,
            verbosity,
            start: now,
            state: Mutex::new((now, 0, 0)),
        }
    }

    fn printed(&self, job: &crate::pdf::Job, again: bool, took: Duration) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        let (said, once, twice) = &mut *state;
        if again {
            *twice += 1;
        } else {
            *once += 1;
        }
        match self.verbosity {
            Verbosity::Quiet => {}
            Verbosity::Verbose => crate::errln!(
                "  printed {}{} in {:.1} s",
                job.html,
                if again {
                    " again, with page numbers,"
                } else {
                    ""
                },
                took.as_secs_f64()
            ),
            Verbosity::Normal if said.elapsed() >= Duration::from_secs(15) => {
                *said = Instant::now();
                let secs = self.start.elapsed().as_secs();
                crate::errln!("{}", so_far(*once, *twice, self.total, secs));
            }
            Verbosity::Normal => {}
        }
    }
}

/// `  5 of 12 documents printed, 2 again with page numbers (31 s)…`
fn so_far(once: usize, twice: usize, total: usize, secs: u64) -> String {
    let numbered = if twice > 0 {
        format!(", {twice} again with page numbers")
    } else {
        String::new()
    };
    let total = plural(total, "document", "documents");
    format!("  {once} of {total} printed{numbered} ({secs} s)…")
}

/// The print pages of `todo` (job index, the page each chapter starts on)
/// rendered again with those numbers in their contents. A page that
/// cannot be rendered keeps its PDF without numbers.
fn renumber(
    built: &pipeline::Built,
    jobs: &[crate::pdf::Job],
    todo: &[(usize, BTreeMap<String, usize>)],
) -> Vec<(usize, Vec<u8>)> {
    let a = &built.analysed;
    let extras = crate::render::Extras {
        print_pages: todo
            .iter()
            .map(|(i, pages)| (jobs[*i].html.clone(), pages.clone()))
            .collect(),
        ..Default::default()
    };
    let renderer =
        crate::render::Renderer::new(&a.site, &a.rendered, &built.tera, &a.theme, extras);
    let specs: Vec<Spec> = todo
        .iter()
        .map(|(i, _)| Spec::Print(jobs[*i].publication, jobs[*i].lang))
        .collect();
    match pipeline::render_specs(a, &renderer, &specs, None).map(|(files, _)| files) {
        // Each print page comes with its stylesheet: match them by path.
        Ok(files) => todo
            .iter()
            .filter_map(|(i, _)| {
                let f = files.iter().find(|f| f.path == jobs[*i].html)?;
                Some((*i, f.bytes.as_ref().to_vec()))
            })
            .collect(),
        Err(_) => Vec::new(),
    }
}

/// `en/guide/guide.pdf: 12 pages; booklet: 12 pages on 3 sheets`
fn document_line(pdf: &str, pages: usize, sheets: Option<usize>) -> String {
    let mut line = format!("{pdf}: {}", plural(pages, "page", "pages"));
    if let Some(s) = sheets {
        line.push_str(&format!(
            "; booklet: {} on {}",
            plural(crate::pdf::booklet::padded(pages), "page", "pages"),
            plural(s, "sheet", "sheets")
        ));
    }
    line
}

fn report(printed: &Printed, verbosity: Verbosity) -> i32 {
    if verbosity != Verbosity::Quiet
        && let Some((pdfs, booklets, elapsed, processes, lines)) = &printed.done
    {
        if verbosity == Verbosity::Verbose {
            for l in lines {
                crate::errln!("  {l}");
            }
        }
        crate::errln!(
            "made {} and {} in {:.1} s ({} at a time)",
            plural(*pdfs, "PDF", "PDFs"),
            plural(*booklets, "booklet", "booklets"),
            elapsed.as_secs_f64(),
            plural(*processes, "Chromium process", "Chromium processes"),
        );
    }
    if let Some(e) = &printed.no_browser {
        crate::errln!("{e}");
        crate::errln!("the site was written without PDFs");
        return EXIT_FAILED;
    }
    if printed.problems.is_empty() {
        EXIT_OK
    } else {
        let (e, _) = count(&printed.problems);
        crate::errln!("{} while making PDFs", plural(e.max(1), "error", "errors"));
        EXIT_FAILED
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_long_run_says_how_far_it_is() {
        assert_eq!(
            super::so_far(5, 0, 12, 31),
            "  5 of 12 documents printed (31 s)…"
        );
        assert_eq!(
            super::so_far(12, 2, 12, 75),
            "  12 of 12 documents printed, 2 again with page numbers (75 s)…"
        );
    }
}
