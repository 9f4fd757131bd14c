//! Rendering every page into the emitter, one publication and language at
//! a time: its pages in reading order, a chunk in parallel, each document's
//! HTML made once for its web page and its piece of the print page, then
//! dropped. The print page is assembled as the chunks arrive.

use super::PageDoc;
use super::emit::{Emitted as Prepared, Emitter};
use super::{Analysed, Timer};
use crate::config::LangId;
use crate::content::model::NodeId;
use crate::diagnostics::Diagnostic;
use crate::output::OutputFile;
use crate::render::rebase::Rebaser;
use crate::render::{Renderer, Spec};
use crate::search::{IndexBuilder, PageWords};
use rayon::prelude::*;
use std::collections::BTreeSet;

/// A language's search index, streamed to the sink, and its summary.
type Finished = (Prepared, crate::search::Summary);

/// Pages rendered together: enough to keep both cores busy, few enough
/// that their HTML is a small, fixed amount of memory.
const CHUNK: usize = 64;

/// Every file of the site except the homes and the offline lists (see
/// `download`).
pub fn emit_all(
    a: &Analysed,
    r: &Renderer,
    em: &Emitter,
    timer: &mut Timer,
    extra_files: Vec<OutputFile>,
) -> Emitted {
    let site = &a.site;
    let nlang = site.config.languages.len();
    // Each language's search index, fed page by page as they are made, and
    // finished while the next language's first publication is made: one
    // language after the other, so that at most two are in the making.
    // Each is recorded once written: its compressed bytes are not held.
    let mut search: Vec<Option<IndexBuilder>> = (0..nlang).map(|_| None).collect();
    let mut finished: Vec<Option<crate::search::Summary>> = (0..nlang).map(|_| None).collect();
    let first = site.publications.first().copied();
    // A print page's stylesheet is hashed, compressed and handed on while
    // the next publication's pages are made (the print page itself is
    // written as it is made); zip entries are recorded in a fixed order.
    let mut pending: Vec<OutputFile> = Vec::new();
    for (l, &p) in crate::config::LangId::all(nlang)
        .flat_map(|l| site.publications.iter().map(move |p| (l, p)))
    {
        if em.failed() {
            return Emitted::default();
        }
        let previous = std::mem::take(&mut pending);
        // The language before this one has all its pages once `p` is this
        // language's first publication.
        let complete = match l.0.checked_sub(1) {
            Some(k) if Some(p) == first => search[k].take().map(|b| (k, b)),
            _ => None,
        };
        let builder = search[l].get_or_insert_with(|| index_builder(a, em, l));
        let (files, (done, index)) = rayon::join(
            || publication(a, r, em, p, l, builder),
            || {
                rayon::join(
                    || -> Vec<Option<Prepared>> {
                        previous.into_iter().map(|f| em.prepare(f, true)).collect()
                    },
                    || complete.and_then(|(k, b)| Some((k, finish(em, b)?))),
                )
            },
        );
        em.record(done);
        if let Some((k, (index, summary))) = index {
            em.record([Some(index)]);
            finished[k] = Some(summary);
        }
        pending = files;
    }
    // The last language's index is finished while the last print page is
    // compressed.
    let ((), rest) = rayon::join(
        || em.emit(pending, true),
        || -> Vec<(usize, Finished)> {
            search
                .into_par_iter()
                .enumerate()
                .filter_map(|(k, b)| Some((k, finish(em, b?)?)))
                .collect()
        },
    );
    for (k, (index, summary)) in rest {
        em.record([Some(index)]);
        finished[k] = Some(summary);
    }
    if em.failed() {
        return Emitted::default();
    }
    // The search indexes were written with the pages, language by language.
    timer.lap("pages and search");
    special_pages(a, r, em);
    let search = finished.into_iter().flatten().collect();
    timer.lap("other pages");
    let unpublished = site_files(a, em, extra_files);
    timer.lap("assets");
    Emitted {
        search,
        unpublished,
    }
}

/// Language `l`'s index builder: a build to disk keeps its pages' numbers
/// in a file of the staging folder, not in memory (see `search::builder`).
fn index_builder<'a>(a: &'a Analysed, em: &Emitter, l: LangId) -> IndexBuilder<'a> {
    match em.sink().scratch() {
        Ok(super::emit::Scratch::File(_, file)) if cfg!(unix) => {
            IndexBuilder::spooled(&a.site, l, file)
        }
        _ => IndexBuilder::new(&a.site, l),
    }
}

/// A language's index, streamed to the sink (never held whole), or
/// `None` after reporting why it could not be made.
fn finish(em: &Emitter, builder: IndexBuilder) -> Option<Finished> {
    let mut stream = em.stream(builder.path())?;
    match builder.finish(&mut em.writer(&mut stream)) {
        Ok(summary) => Some((em.finish_stream(stream)?, summary)),
        Err(e) => {
            // A write to the stream reports its own error.
            if !stream.failed() {
                em.error(Diagnostic::error(
                    crate::output::write::STAGING,
                    0,
                    0,
                    format!("cannot make the search index: {e}"),
                ));
            }
            None
        }
    }
}

/// The theme's files, the files of `guidance/` that pages use, `static/`,
/// the sitemap and `extra_files`; returns the files of `guidance/` that no
/// page uses (not published).
fn site_files(a: &Analysed, em: &Emitter, extra_files: Vec<OutputFile>) -> Vec<std::path::PathBuf> {
    let site = &a.site;
    let mut diags = Vec::new();
    em.emit(
        crate::output::assets::theme_files(&a.theme, site.config.allow_raw_html, &mut diags),
        true,
    );
    // Only the files that pages link to or show are published.
    let used: BTreeSet<usize> = a
        .rendered
        .iter()
        .flat_map(|r| r.assets.iter().copied())
        .collect();
    let assets = crate::output::assets::copy(site, &a.source, &used, &mut diags);
    diags.extend(super::word_web_pages::warnings(&assets.unpublished));
    let statics = crate::output::assets::copy_static(site, &a.source, &mut diags);
    for d in diags {
        em.report(d);
    }
    em.emit(assets.files, true);
    em.emit(statics, true);
    if let Some(xml) = crate::render::sitemap::sitemap(site) {
        em.emit(
            vec![OutputFile::owned("sitemap.xml".into(), xml.into_bytes())],
            true,
        );
    }
    em.emit(extra_files, true);
    assets.unpublished
}

/// The pages that show no document (chooser, search pages, an edition's
/// differences, redirects, 404), emitted in that order.
fn special_pages(a: &Analysed, r: &Renderer, em: &Emitter) {
    let site = &a.site;
    let mut specs = vec![Spec::Chooser];
    specs.extend(site.config.lang_ids().map(Spec::Search));
    // A local edition's "What is different in this edition" pages.
    if site.edition.is_some() {
        specs.extend(site.config.lang_ids().map(Spec::Edition));
    }
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
}

/// What emitting the pages tells the summary.
#[derive(Default)]
pub struct Emitted {
    pub search: Vec<crate::search::Summary>,
    /// Files under `guidance/` no page uses: not published.
    pub unpublished: Vec<std::path::PathBuf>,
}

/// One publication in one language: its pages and its print page,
/// emitted; the print page's stylesheet, returned. The print page is
/// written as its chapters are made (see `emit::Streamed`): each chunk's
/// part while the next chunk's pages are rendered.
fn publication(
    a: &Analysed,
    r: &Renderer,
    em: &Emitter,
    p: NodeId,
    l: LangId,
    search: &mut IndexBuilder,
) -> Vec<OutputFile> {
    let site = &a.site;
    let order = &site.reading_order[&p];
    let shell = match r.print_shell(p, l) {
        Ok(s) => s,
        Err(d) => {
            em.error(d);
            return Vec::new();
        }
    };
    let path = Spec::Print(p, l).output_path(site);
    let Some(mut print) = em.stream(path.clone()) else {
        return Vec::new();
    };
    let rebaser = Rebaser::new(site, p, l);
    // The part of the print page made but not yet written, and where the
    // next byte goes in the whole page.
    let mut ready: Vec<u8> = shell[0].as_bytes().to_vec();
    let mut spare: Vec<u8> = Vec::new();
    let mut at = ready.len();
    let mut ranges = Vec::with_capacity(order.len());
    for (c, chunk) in order.chunks(CHUNK).enumerate() {
        let (done, _) = rayon::join(
            || render_chunk(a, r, em, &rebaser, chunk, l),
            || em.write_stream(&mut print, &ready),
        );
        // Each page's words for the search index, split in parallel too.
        let words: Vec<PageWords> = chunk
            .par_iter()
            .zip(&done)
            .map(|(&n, (_, _, doc))| {
                let node = &site.nodes[n];
                match (node.doc_for(l), doc) {
                    (Some(d), Some(pd)) => PageWords::of_doc(site, d, &a.rendered[d].toc, &pd.text),
                    _ => PageWords::new(&node.slug, &[], ""),
                }
            })
            .collect();
        for (&n, w) in chunk.iter().zip(&words) {
            search.add_words(n, w);
        }
        drop(words);
        // The written part's buffer is kept for the next part.
        std::mem::swap(&mut ready, &mut spare);
        ready.clear();
        let mut emitted = Vec::with_capacity(done.len());
        for (i, (page, piece, _)) in done.into_iter().enumerate() {
            emitted.push(page);
            ranges.push(at..at + piece.len());
            ready.extend_from_slice(piece.as_bytes());
            ready.extend_from_slice(shell[c * CHUNK + i + 1].as_bytes());
            at += piece.len() + shell[c * CHUNK + i + 1].len();
        }
        em.record(emitted);
    }
    em.write_stream(&mut print, &ready);
    em.record(vec![em.finish_stream(print)]);
    em.record_pieces(path, ranges);
    match r.print_css(p, l) {
        Ok(css) => vec![css],
        Err(d) => {
            em.error(d);
            Vec::new()
        }
    }
}

/// A chunk of a publication's pages, rendered in parallel and prepared
/// for the emitter: each with its piece of the print page and its
/// document's HTML and text.
fn render_chunk(
    a: &Analysed,
    r: &Renderer,
    em: &Emitter,
    rebaser: &Rebaser,
    chunk: &[NodeId],
    l: LangId,
) -> Vec<(Option<Prepared>, String, Option<PageDoc>)> {
    let site = &a.site;
    chunk
        .par_iter()
        .map(|&n| {
            let doc = match site.nodes[n].doc_for(l).map(|d| a.page_doc(d)) {
                Some(Ok(d)) => Some(d),
                Some(Err(e)) => {
                    em.error(e);
                    None
                }
                None => None,
            };
            let html = doc.as_ref().map_or("", |d| d.html.as_str());
            let piece = rebaser.chapter(site, n, html);
            let page = match r.page(Spec::Page(n, l), html, None) {
                Ok(f) => em.prepare(f, true),
                Err(d) => {
                    em.error(d);
                    None
                }
            };
            (page, piece, doc)
        })
        .collect()
}
