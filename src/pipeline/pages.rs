//! Rendering every page into the emitter, one publication and language at
//! a time: its pages in reading order, a chunk in parallel, each document's
//! HTML made once for its web page and its piece of the print page, then
//! dropped. The print page is assembled as the chunks arrive.

use super::emit::{Emitted, Emitter, Entry};
use super::{Analysed, Timer};
use crate::content::model::NodeId;
use crate::diagnostics::Diagnostic;
use crate::output::{Bytes, OutputFile};
use crate::render::print::Rebaser;
use crate::render::{Renderer, Spec};
use rayon::prelude::*;

/// Pages rendered together: enough to keep both cores busy, few enough
/// that their HTML is a small, fixed amount of memory.
const CHUNK: usize = 64;

/// Every file of the site except the homes (see `download`).
pub fn emit_all(
    a: &Analysed,
    r: &Renderer,
    em: &Emitter,
    timer: &mut Timer,
    extra_files: Vec<OutputFile>,
) -> Vec<crate::search::Summary> {
    let site = &a.site;
    for &p in &site.publications {
        for l in 0..site.config.languages.len() {
            if em.failed() {
                return Vec::new();
            }
            publication(a, r, em, p, l);
        }
    }
    timer.lap("pages");
    let mut specs = vec![Spec::Chooser];
    specs.extend((0..site.config.languages.len()).map(Spec::Search));
    let mut pages: Vec<OutputFile> = specs
        .into_par_iter()
        .filter_map(|s| r.page(s, "", None).map_err(|d| em.error(d)).ok())
        .collect();
    // Redirects from `aliases:`, and the 404 page.
    pages.extend(
        r.redirect_pages()
            .into_iter()
            .filter_map(|p| p.map_err(|d| em.error(d)).ok()),
    );
    pages.extend(r.not_found_page().map_err(|d| em.error(d)));
    em.emit(pages, true);
    let (indexes, search) = crate::search::files(site, &a.rendered);
    em.emit(indexes, true);
    timer.lap("search");
    em.emit(theme_files(&a.theme), true);
    let mut diags = Vec::new();
    let assets = crate::output::assets::copy(site, &a.source, &mut diags);
    for d in diags {
        em.error(d);
    }
    em.emit(assets, true);
    if let Some(xml) = crate::render::sitemap::sitemap(site) {
        em.emit(
            vec![OutputFile::owned("sitemap.xml".into(), xml.into_bytes())],
            true,
        );
    }
    em.emit(extra_files, true);
    if site.config.offline {
        em.emit(crate::output::offline::files(site, &em.ledger()), true);
    }
    timer.lap("assets");
    search
}

/// The theme's static files, under `assets/`. Only the built-in theme's
/// CSS and JavaScript are minified: a site's own files are its business.
fn theme_files(theme: &crate::theme::Theme) -> Vec<OutputFile> {
    theme
        .static_files()
        .map(|(name, bytes)| {
            let builtin = !theme.overridden.contains(&format!("static/{name}"));
            let bytes = match std::str::from_utf8(bytes) {
                Ok(text) if builtin && name.ends_with(".css") => {
                    Bytes::Owned(crate::output::minify::css(text).into_bytes())
                }
                Ok(text) if builtin && name.ends_with(".js") => {
                    Bytes::Owned(crate::output::minify::js(text).into_bytes())
                }
                _ => Bytes::Owned(bytes.to_vec()),
            };
            OutputFile {
                path: format!("assets/{name}"),
                bytes,
            }
        })
        .collect()
}

/// One publication in one language: its pages and its print page.
fn publication(a: &Analysed, r: &Renderer, em: &Emitter, p: NodeId, l: usize) {
    let site = &a.site;
    let order = &site.reading_order[&p];
    let shell = match r.print_shell(p, l) {
        Ok(s) => s,
        Err(d) => return em.error(d),
    };
    let rebaser = Rebaser::new(site, p, l);
    let mut print = String::with_capacity(shell.iter().map(String::len).sum::<usize>());
    print.push_str(&shell[0]);
    for (c, chunk) in order.chunks(CHUNK).enumerate() {
        let done: Vec<(Option<Emitted>, String)> = chunk
            .par_iter()
            .map(|&n| {
                let html = site.nodes[n]
                    .doc_for(l)
                    .map(|d| a.html(d))
                    .unwrap_or_default();
                let piece = rebaser.chapter(site, n, &html);
                let page = match r.page(Spec::Page(n, l), &html, None) {
                    Ok(f) => em.prepare(f, true),
                    Err(d) => {
                        em.error(d);
                        None
                    }
                };
                (page, piece)
            })
            .collect();
        let mut emitted = Vec::with_capacity(done.len());
        for (i, (page, piece)) in done.into_iter().enumerate() {
            emitted.push(page);
            print.push_str(&piece);
            print.push_str(&shell[c * CHUNK + i + 1]);
        }
        em.record(emitted);
    }
    let path = Spec::Print(p, l).output_path(site);
    em.emit(vec![OutputFile::owned(path, print.into_bytes())], true);
}

/// One publication's print page in one language, whole (for `serve`,
/// which renders single pages).
pub fn print_page(
    a: &Analysed,
    r: &Renderer,
    p: NodeId,
    l: usize,
) -> Result<OutputFile, Diagnostic> {
    let site = &a.site;
    let shell = r.print_shell(p, l)?;
    let rebaser = Rebaser::new(site, p, l);
    let pieces: Vec<String> = site.reading_order[&p]
        .par_iter()
        .map(|&n| {
            let html = site.nodes[n]
                .doc_for(l)
                .map(|d| a.html(d))
                .unwrap_or_default();
            rebaser.chapter(site, n, &html)
        })
        .collect();
    let mut print = shell[0].clone();
    for (piece, after) in pieces.iter().zip(&shell[1..]) {
        print.push_str(piece);
        print.push_str(after);
    }
    Ok(OutputFile::owned(
        Spec::Print(p, l).output_path(site),
        print.into_bytes(),
    ))
}

/// Renders the given pages into memory (`serve`, after an edit).
pub fn render_specs(
    a: &Analysed,
    r: &Renderer,
    specs: &[Spec],
) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    let results: Vec<Result<OutputFile, Diagnostic>> = specs
        .par_iter()
        .map(|&spec| match spec {
            Spec::Print(p, l) => print_page(a, r, p, l),
            Spec::Page(n, l) => {
                let html = a.site.nodes[n]
                    .doc_for(l)
                    .map(|d| a.html(d))
                    .unwrap_or_default();
                r.page(spec, &html, None)
            }
            _ => r.page(spec, "", None),
        })
        .collect();
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for res in results {
        match res {
            Ok(f) => files.push(f),
            Err(d) => errors.push(d),
        }
    }
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(crate::render::merge_failures(errors))
    }
}

/// Two files written to one path is a naming clash the author must fix.
pub fn check_collisions(files: &[Entry]) -> Result<(), Vec<Diagnostic>> {
    let mut paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    paths.sort_unstable();
    let clashes: Vec<Diagnostic> = paths
        .windows(2)
        .filter(|w| w[0] == w[1])
        .map(|w| {
            Diagnostic::error(
                w[0],
                0,
                0,
                format!("two files would be written to `{}`", w[0]),
            )
            .with_hint("a file under guidance/ has the same name as a page; rename it")
        })
        .collect();
    if clashes.is_empty() {
        Ok(())
    } else {
        Err(clashes)
    }
}
