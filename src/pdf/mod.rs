//! PDFs of the print pages, made with headless Chromium.
//!
//! The site is built in memory first. The print pages and the files they
//! load (theme CSS, images) are written to a temporary folder, Chromium
//! prints each page there, and the PDFs come back as bytes: title, author
//! and language are set with lopdf, pocket guides get a second, imposed
//! booklet PDF (see [`booklet`]). The caller then writes them with the rest
//! of the site, through the same writer, so they are listed in the output's
//! manifest like every other file.
//!
//! Several documents print at once, up to one Chromium per core (at most
//! four: each Chromium is itself several processes), each kept from one
//! document to the next (see [`devtools`]).

pub mod booklet;
pub mod browser;
mod chromium;
#[cfg(unix)]
pub mod devtools;
pub mod keep;
pub mod links;
pub mod metadata;
pub mod numbers;
pub mod outline;
#[cfg(unix)]
mod pipe;
#[cfg(unix)]
mod requests;
mod room;

use crate::config::LangId;
use crate::content::model::Site;
use crate::output::OutputFile;
use metadata::{Metadata, Use, pt};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

/// How long one document may take before Chromium is stopped: 3 minutes,
/// and 2 more for each MB of its print page. Printing takes time with the
/// pages (a 489-page document's 1.3 MB print page took 15-28 s to print on
/// a busy 2-core machine), and a long handbook must not fail for its size.
/// In proportion to the size, not by whole MB: a pocket guide's script
/// that never ends is stopped after 3 minutes, not 5.
pub fn timeout(print_page_bytes: u64) -> Duration {
    Duration::from_secs(180) + Duration::from_millis(120_000 * print_page_bytes / (1 << 20))
}

pub use crate::render::print::{PdfPaths as Paths, pdf_paths as paths};

/// One print page to turn into PDFs.
#[derive(Debug, Clone)]
pub struct Job {
    /// The print page, from the output root: `en/pocket-guide/print.html`.
    pub html: String,
    pub paths: Paths,
    pub meta: Metadata,
    /// The paper size in millimetres, when it is a known size.
    pub paper_mm: Option<(f32, f32)>,
    /// The site's `base_url`, for links to other pages.
    pub base_url: Option<String>,
    /// The publication and language, to render the print page again with
    /// page numbers.
    pub publication: crate::content::model::NodeId,
    pub lang: LangId,
}

/// Every publication in every language, in a fixed order.
pub fn jobs(site: &Site) -> Vec<Job> {
    let mut out = Vec::new();
    for (l, lang) in site.config.lang_ids().zip(&site.config.languages) {
        for &p in &site.publications {
            let node = &site.nodes[p];
            let source = node.doc_for(node.source_lang).map(|d| site.doc(d));
            let settings = crate::render::print::settings(site, p);
            let author = source
                .and_then(|d| d.fm.about().author.clone())
                .or_else(|| site.config.author.clone())
                .unwrap_or_else(|| site.config.title_for(&lang.code).to_string());
            out.push(Job {
                html: format!("{}/{}print.html", lang.code, node.out_dir()),
                paths: paths(site, p, l),
                meta: Metadata {
                    // A local edition's PDFs say which edition they are.
                    title: match site.config.edition_name(&lang.code) {
                        Some(e) if site.config.base_site.is_some() => {
                            format!("{} · {e}", site.title(p, l))
                        }
                        _ => site.title(p, l).to_string(),
                    },
                    author,
                    subject: node.doc_for(l).and_then(|d| site.doc(d).fm.summary.clone()),
                    lang: lang.code.clone(),
                    rtl: lang.dir == crate::config::Direction::Rtl,
                },
                paper_mm: crate::render::print::paper(&settings.size),
                base_url: site.config.base_url.clone(),
                publication: p,
                lang: l,
            });
        }
    }
    out
}

/// The PDFs of one print page.
pub struct Made {
    pub pages: usize,
    /// Sheets of the booklet, when one was made.
    pub sheets: Option<usize>,
    pub files: Vec<OutputFile>,
}

/// What [`render`] did: per job, its PDFs or why there are none.
pub struct Report {
    pub results: Vec<Result<Made, String>>,
    pub processes: usize,
    pub elapsed: Duration,
}

/// How many Chromium processes to run at once.
pub fn parallelism(jobs: usize) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    cores.clamp(1, 4).min(jobs.max(1))
}

/// The folder the site is staged in for Chromium: the owner's alone
/// (tempfile makes folders as the umask says, readable by every user of
/// the machine), since it holds every page, drafts included with
/// `--drafts`, and a killed run leaves it behind.
fn private_tempdir() -> std::io::Result<tempfile::TempDir> {
    let mut b = tempfile::Builder::new();
    b.prefix("fieldguide-pdf-");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        b.permissions(std::fs::Permissions::from_mode(0o700));
    }
    b.tempdir()
}

/// Renders print pages again with page numbers: for each job (by index),
/// the page each chapter starts on -> the new print page's bytes.
pub type Renumber<'r> = dyn Fn(&[(usize, BTreeMap<String, usize>)]) -> Vec<(usize, Vec<u8>)> + 'r;

/// Told of each print as it ends: the job, whether it was printed again
/// (with page numbers), and how long it took. Printing a long handbook
/// takes minutes, and the command says how far it is.
pub type Progress<'p> = dyn Fn(&Job, bool, Duration) + Sync + 'p;

/// Prints every job's page with `browser`. `site` holds the built site's
/// files (the print pages and what they load are taken from it). Each
/// document is printed a second time with the page numbers of its
/// contents (see [`numbers`]), made by `renumber`.
pub fn render(
    browser: &Path,
    site: &[OutputFile],
    jobs: &[Job],
    renumber: &Renumber,
    progress: &Progress,
) -> Result<Report, String> {
    let start = Instant::now();
    // Ctrl-C, SIGTERM and SIGHUP wait while the staged copy of the site
    // exists (Chromium is stopped at once): dropped after `tmp`, so the
    // signal acts once the folder is gone.
    let _hold = crate::output::signals::Hold::new();
    // Removed when dropped, whatever happens to the jobs.
    let tmp = private_tempdir().map_err(|e| format!("cannot create a temporary folder: {e}"))?;
    let root = tmp.path().join("site");
    stage(site, &root).map_err(|e| {
        with_room(
            format!("cannot write the print pages to a temporary folder: {e}"),
            tmp.path(),
        )
    })?;
    let stage_url = format!("{}/", chromium::file_url(&root));
    let processes = parallelism(jobs.len());
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(processes)
        .build()
        .map_err(|e| format!("cannot start worker threads: {e}"))?;
    // Each worker's browser, started on its first document. Dropped (the
    // browsers closed) before `tmp`, which holds their profiles.
    let workers: Vec<Mutex<Worker>> = (0..processes).map(|_| Mutex::default()).collect();
    let print_all = |which: &[usize], again: bool| -> Vec<(usize, Result<Vec<u8>, String>)> {
        pool.install(|| {
            which
                .par_iter()
                .map(|&i| {
                    let w = rayon::current_thread_index().unwrap_or(0);
                    let mut worker = workers[w].lock().unwrap_or_else(PoisonError::into_inner);
                    let at = Place {
                        tmp: tmp.path(),
                        worker: w,
                        root: &root,
                        url: &stage_url,
                    };
                    let start = Instant::now();
                    let printed = print_one(&mut worker, browser, &at, i, &jobs[i]);
                    progress(&jobs[i], again, start.elapsed());
                    (i, printed)
                })
                .collect()
        })
    };
    let all: Vec<usize> = (0..jobs.len()).collect();
    let mut printed: Vec<Result<Vec<u8>, String>> =
        print_all(&all, false).into_iter().map(|(_, r)| r).collect();
    // The numbers each print page shows, once it shows some.
    let mut shown: Vec<Option<BTreeMap<String, usize>>> = vec![None; jobs.len()];
    for _ in 0..2 {
        if crate::output::signals::pending() {
            break;
        }
        let todo: Vec<(usize, BTreeMap<String, usize>)> = printed
            .iter()
            .enumerate()
            .filter_map(|(i, r)| {
                let pages = numbers::destinations(r.as_ref().ok()?);
                (!pages.is_empty() && shown[i].as_ref() != Some(&pages)).then_some((i, pages))
            })
            .collect();
        if todo.is_empty() {
            break;
        }
        let mut again = Vec::new();
        for (i, html) in renumber(&todo) {
            std::fs::write(root.join(&jobs[i].html), html)
                .map_err(|e| format!("cannot write the print pages to a temporary folder: {e}"))?;
            again.push(i);
        }
        for (i, pages) in todo {
            shown[i] = Some(pages);
        }
        for (i, r) in print_all(&again, true) {
            printed[i] = r;
        }
    }
    let results = printed
        .into_iter()
        .zip(jobs)
        .map(|(r, job)| {
            // The print page as last printed, for its headings' text.
            let html = std::fs::read_to_string(root.join(&job.html)).unwrap_or_default();
            let headings = outline::heading_texts(&html);
            r.and_then(|bytes| finish(&bytes, job, Some(&stage_url), &headings))
        })
        .collect();
    Ok(Report {
        results,
        processes,
        elapsed: start.elapsed(),
    })
}

/// Where a worker prints: the temporary folder (its profile and log are
/// there), its number, and the staged site.
struct Place<'a> {
    tmp: &'a Path,
    worker: usize,
    root: &'a Path,
    /// The staged site's `file://` address, ending in `/`.
    #[cfg_attr(not(unix), allow(dead_code))]
    url: &'a str,
}

/// A worker's browser, once started.
#[cfg(unix)]
type Worker = Option<devtools::Browser>;
#[cfg(not(unix))]
type Worker = ();

/// Prints job `i` in the worker's browser, started if it is not running.
/// A browser that failed is stopped, and the next document starts another.
#[cfg(unix)]
fn print_one(
    worker: &mut Worker,
    browser: &Path,
    at: &Place,
    _i: usize,
    job: &Job,
) -> Result<Vec<u8>, String> {
    let running = match worker {
        Some(b) => b,
        None => worker.insert(devtools::Browser::launch(
            browser,
            &at.tmp.join(format!("profile-{}", at.worker)),
            &at.tmp.join(format!("{}.log", at.worker)),
            at.url,
        )?),
    };
    let html = at.root.join(&job.html);
    let limit = timeout(std::fs::metadata(&html).map_or(0, |m| m.len()));
    let printed = running.print(&chromium::file_url(&html), limit);
    if printed.is_err() {
        *worker = None;
    }
    printed.map_err(|e| with_room(e, at.tmp))
}

/// `error`, with a word on the temporary folder's disk when it is full.
fn with_room(error: String, staging: &Path) -> String {
    match room::note(staging) {
        Some(note) => format!("{error}; {note}"),
        None => error,
    }
}

/// Prints job `i` with one Chromium run and reads the PDF it wrote.
#[cfg(not(unix))]
fn print_one(
    _worker: &mut Worker,
    browser: &Path,
    at: &Place,
    i: usize,
    job: &Job,
) -> Result<Vec<u8>, String> {
    let profile = at.tmp.join(format!("profile-{}", at.worker));
    let html = at.root.join(&job.html);
    let limit = timeout(std::fs::metadata(&html).map_or(0, |m| m.len()));
    let pdf = at.tmp.join(format!("{i}.pdf"));
    let log = at.tmp.join(format!("{i}.log"));
    chromium::print(browser, &profile, &html, &pdf, &log, limit)
        .map_err(|e| with_room(e, at.tmp))?;
    let bytes =
        std::fs::read(&pdf).map_err(|e| format!("cannot read the PDF Chromium wrote: {e}"))?;
    let _ = std::fs::remove_file(&pdf);
    Ok(bytes)
}

/// Sets metadata and paper size on the PDF Chromium wrote, points its links
/// to other pages at the published site (`stage` is the `file://` URL of
/// the temporary site Chromium printed from), gives its bookmarks the
/// text of `headings` (the print page's), and imposes the booklet.
pub fn finish(
    bytes: &[u8],
    job: &Job,
    stage: Option<&str>,
    headings: &[String],
) -> Result<Made, String> {
    let bad = |e: lopdf::Error| format!("cannot read the PDF Chromium wrote: {e}");
    let mut doc = lopdf::Document::load_mem(bytes).map_err(bad)?;
    outline::fix_titles(&mut doc, headings);
    if let Some(stage) = stage {
        links::rewrite(&mut doc, stage, job.base_url.as_deref());
    }
    if let Some((w, h)) = job.paper_mm {
        metadata::fit_paper(&mut doc, pt(w), pt(h))?;
    }
    metadata::stable_ids(&mut doc);
    metadata::apply(&mut doc, &job.meta, Use::Reading)?;
    let pages = doc.get_pages().len();
    let mut files = vec![OutputFile::owned(job.paths.pdf.clone(), save(&mut doc)?)];
    let mut sheets = None;
    if let Some(path) = &job.paths.booklet {
        let sheet = job.paper_mm.map(|(w, h)| booklet::Size {
            width: 2.0 * pt(w),
            height: pt(h),
        });
        sheets = Some(booklet::impose(&mut doc, job.meta.rtl, sheet)?);
        metadata::apply(&mut doc, &job.meta, Use::Booklet)?;
        files.push(OutputFile::owned(path.clone(), save(&mut doc)?));
    }
    Ok(Made {
        pages,
        sheets,
        files,
    })
}

fn save(doc: &mut lopdf::Document) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    doc.save_to(&mut out)
        .map_err(|e| format!("cannot write the PDF: {e}"))?;
    Ok(out)
}

/// Writes the print pages and every file that is not a page (theme assets,
/// images) under `root`.
fn stage(files: &[OutputFile], root: &Path) -> std::io::Result<()> {
    for f in files {
        let page = f.path.ends_with(".html");
        // Print pages load only the theme and images, not other pages nor
        // the site's download archive.
        if (page && !f.path.ends_with("/print.html")) || f.path.ends_with(".zip") {
            continue;
        }
        let safe = f
            .path
            .split('/')
            .all(|s| !s.is_empty() && s != "." && s != "..");
        if !safe || f.path.contains('\\') {
            continue;
        }
        let target = root.join(&f.path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(target, f.bytes.as_ref())?;
    }
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    /// Other users of the machine cannot list or read the staged site.
    #[test]
    fn the_staging_folder_is_the_owners_alone() {
        use std::os::unix::fs::PermissionsExt;
        let dir = super::private_tempdir().unwrap();
        let mode = std::fs::metadata(dir.path()).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700, "{mode:o}");
    }

    /// A long handbook's print page gets more time than a pocket guide's.
    #[test]
    fn a_larger_print_page_gets_more_time() {
        use std::time::Duration;
        assert_eq!(super::timeout(40_000), Duration::from_millis(184_577));
        assert_eq!(super::timeout(0), Duration::from_secs(180));
        // 35 MB, the print page of a 10,000-chapter publication.
        assert_eq!(
            super::timeout(35 << 20),
            Duration::from_secs(180 + 35 * 120)
        );
    }
}
