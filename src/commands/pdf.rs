//! `fieldguide pdf` (and `fieldguide build --pdf`): build the site, print
//! every publication to PDF with headless Chromium, and write both.
//!
//! The order keeps the output consistent at every moment:
//! 1. the site is built in memory (a failed build writes nothing);
//! 2. Chromium prints the print pages from a temporary copy, so the output
//!    folder is not touched while it works;
//! 3. the pages are rendered again, now linking to the PDFs that were made
//!    (a PDF that failed gets no link);
//! 4. pages and PDFs are written together by the one writer: only changed
//!    files are rewritten, and the PDFs are listed in the output's manifest,
//!    so they are removed once their publication is gone (or by a plain
//!    `fieldguide build`, which makes none).
//!
//! Without a browser the site is still written, without PDFs, and the
//! command fails with a message saying how to install one.

use super::{EXIT_FAILED, EXIT_OK, Verbosity, count, plural, print_diagnostics};
use crate::diagnostics::Diagnostic;
use crate::output::OutputFile;
use crate::pipeline::Options;
use std::collections::{BTreeSet, HashMap};
use std::path::Path;

pub fn pdf(opts: &Options, out: &Path, browser: Option<&Path>, verbosity: Verbosity) -> i32 {
    let Some(mut built) = super::build::build_in_memory(opts, out, verbosity) else {
        return EXIT_FAILED;
    };

    let jobs = crate::pdf::jobs(&built.site);
    let mut problems: Vec<Diagnostic> = Vec::new();
    let mut pdf_files: Vec<OutputFile> = Vec::new();
    let mut no_browser = None;
    let mut done = None;
    match crate::pdf::browser::find(browser) {
        Err(e) => no_browser = Some(e),
        Ok(path) => {
            // Printing takes seconds per document: say so before starting.
            if verbosity != Verbosity::Quiet {
                eprintln!(
                    "printing {} with {}…",
                    plural(jobs.len(), "document", "documents"),
                    path.display()
                );
            }
            match crate::pdf::render(&path, &built.files, &jobs) {
                Err(msg) => problems.push(
                    Diagnostic::error(out, 0, 0, format!("cannot make PDFs: {msg}"))
                        .with_hint("check that the temporary folder (TMPDIR) is writable"),
                ),
                Ok(report) => {
                    let taken: BTreeSet<&str> =
                        built.files.iter().map(|f| f.path.as_str()).collect();
                    let mut lines = Vec::new();
                    let (mut pdfs, mut booklets) = (0, 0);
                    for (job, result) in jobs.iter().zip(report.results) {
                        let made = match result {
                            Ok(m) => m,
                            Err(msg) => {
                                problems.push(
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
                        let mut line =
                            format!("{}: {}", job.paths.pdf, plural(made.pages, "page", "pages"));
                        if let Some(s) = made.sheets {
                            line.push_str(&format!(
                                "; booklet: {} on {}",
                                plural(crate::pdf::booklet::padded(made.pages), "page", "pages"),
                                plural(s, "sheet", "sheets")
                            ));
                        }
                        lines.push(line);
                        for f in made.files {
                            if taken.contains(f.path.as_str()) {
                                problems.push(
                                    Diagnostic::error(
                                        out.join(&f.path),
                                        0,
                                        0,
                                        format!("a file under guidance/ is also written to `{}`, where this PDF goes", f.path),
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
                            pdf_files.push(f);
                        }
                    }
                    done = Some((pdfs, booklets, report.elapsed, report.processes, lines));
                }
            }
        }
    }

    // Render the pages again, now with links to the PDFs that exist.
    if !pdf_files.is_empty() {
        let mut paths: Vec<String> = pdf_files.iter().map(|f| f.path.clone()).collect();
        paths.sort();
        built.tera.global_context().insert("pdfs", &paths);
        let mut diags = Vec::new();
        let pages = crate::render::pages(
            &built.site,
            &built.rendered,
            &built.tera,
            &built.theme,
            opts.live_reload.as_deref(),
            &mut diags,
        );
        if diags.is_empty() {
            let index: HashMap<String, usize> = built
                .files
                .iter()
                .enumerate()
                .map(|(i, f)| (f.path.clone(), i))
                .collect();
            for page in pages {
                if let Some(&i) = index.get(&page.path) {
                    built.files[i] = page;
                }
            }
        } else {
            // The same templates rendered a moment ago; keep those pages
            // (without PDF links) and say what went wrong.
            problems.extend(diags);
        }
    }

    let mut files = built.files;
    let site_files = files.len();
    let made_pdfs = !pdf_files.is_empty();
    files.extend(pdf_files);
    // The downloadable zip holds the whole site: make it again, with the PDFs.
    if made_pdfs && opts.download && built.site.config.download {
        files.retain(|f| !f.path.starts_with(crate::output::download::DIR));
        files.sort_by(|a, b| a.path.cmp(&b.path));
        // The copies inside the zip do not offer the download.
        built.tera.global_context().remove("download");
        let homes: Vec<crate::render::Spec> = (0..built.site.config.languages.len())
            .map(crate::render::Spec::Home)
            .collect();
        let pages = crate::render::render_specs(
            &built.site,
            &built.rendered,
            &built.tera,
            &built.theme,
            None,
            &homes,
            &mut problems,
        );
        for page in pages {
            if let Some(f) = files.iter_mut().find(|f| f.path == page.path) {
                *f = page;
            }
        }
        crate::output::download::add(
            &built.site,
            &built.rendered,
            &mut built.tera,
            &built.theme,
            opts,
            &mut files,
            &mut problems,
        );
    }
    let stats = match crate::output::write(out, &files) {
        Ok((s, warnings)) => {
            problems.extend(warnings);
            s
        }
        Err(diags) => {
            print_diagnostics(&opts.source, &diags, verbosity);
            eprintln!("build failed: the output could not be written");
            return EXIT_FAILED;
        }
    };
    print_diagnostics(&opts.source, &problems, verbosity);
    if verbosity != Verbosity::Quiet {
        eprintln!(
            "{}",
            super::build::done_line(
                &built.diagnostics,
                built.elapsed_ms,
                site_files,
                out,
                &stats
            )
        );
        if let Some((pdfs, booklets, elapsed, processes, lines)) = &done {
            if verbosity == Verbosity::Verbose {
                for l in lines {
                    eprintln!("  {l}");
                }
            }
            eprintln!(
                "made {} and {} in {:.1} s ({} at a time)",
                plural(*pdfs, "PDF", "PDFs"),
                plural(*booklets, "booklet", "booklets"),
                elapsed.as_secs_f64(),
                plural(*processes, "Chromium process", "Chromium processes"),
            );
        }
    }
    if let Some(e) = no_browser {
        eprintln!("{e}");
        eprintln!("the site was written without PDFs");
        return EXIT_FAILED;
    }
    if problems.is_empty() {
        EXIT_OK
    } else {
        let (e, _) = count(&problems);
        eprintln!("{} while making PDFs", plural(e.max(1), "error", "errors"));
        EXIT_FAILED
    }
}
