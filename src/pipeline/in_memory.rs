//! Rendering chosen pages into memory: `serve` after an edit (only the
//! pages it touches, print pages spliced from the last ones) and `pdf`.

use super::Analysed;
use super::print_pieces::{self, Made, PrintPieces};
use crate::config::LangId;
use crate::content::model::NodeId;
use crate::diagnostics::Diagnostic;
use crate::output::OutputFile;
use crate::render::rebase::Rebaser;
use crate::render::{Renderer, Spec};
use rayon::prelude::*;
use std::collections::BTreeSet;

/// One publication's print page in one language, whole (for `serve`,
/// which renders single pages), and where each chapter is in it.
fn print_page(a: &Analysed, r: &Renderer, p: NodeId, l: LangId) -> Made {
    let site = &a.site;
    let shell = r.print_shell(p, l)?;
    let rebaser = Rebaser::new(site, p, l);
    let pieces: Vec<String> = site.reading_order[&p]
        .par_iter()
        .map(|&n| {
            let html = match site.nodes[n].doc_for(l) {
                Some(d) => a.html(d)?,
                None => String::new(),
            };
            Ok(rebaser.chapter(site, n, &html))
        })
        .collect::<Result<_, Diagnostic>>()?;
    let pieces: Vec<&[u8]> = pieces.iter().map(|p| p.as_bytes()).collect();
    let (bytes, ranges) = print_pieces::assemble(&shell, &pieces);
    Ok((
        OutputFile::owned(Spec::Print(p, l).output_path(site), bytes),
        ranges,
    ))
}

/// What `serve` keeps of the last build, for print pages to be made from:
/// their bytes, where their chapters are, the documents just edited, and
/// buffers of print pages replaced before, to make new ones in.
pub struct Reuse<'a> {
    pub files: &'a std::collections::BTreeMap<String, std::sync::Arc<Vec<u8>>>,
    pub pieces: &'a PrintPieces,
    pub edited: &'a BTreeSet<crate::content::model::DocId>,
    pub buffers: &'a std::sync::Mutex<Vec<Vec<u8>>>,
}

/// A print page, from `reuse` when it can be, else whole.
fn print_file(a: &Analysed, r: &Renderer, (p, l): (NodeId, LangId), reuse: Option<&Reuse>) -> Made {
    let path = Spec::Print(p, l).output_path(&a.site);
    let spliced = reuse.and_then(|u| {
        let old = u.files.get(&path)?;
        let ranges = u.pieces.get(&path)?;
        // The largest buffer kept: print pages differ little in size.
        let buffer = u.buffers.lock().ok().and_then(|mut b| {
            let i = (0..b.len()).max_by_key(|&i| b[i].capacity())?;
            Some(b.swap_remove(i))
        });
        let buffer = buffer.unwrap_or_default();
        print_pieces::splice(a, r, (p, l), (old, ranges), u.edited, buffer)
    });
    spliced.unwrap_or_else(|| print_page(a, r, p, l))
}

/// Renders the given pages into memory (`serve`, after an edit; `pdf`),
/// with where each print page's chapters are. Print pages are made from
/// `reuse` when given.
pub fn render_specs(
    a: &Analysed,
    r: &Renderer,
    specs: &[Spec],
    reuse: Option<&Reuse>,
) -> Result<(Vec<OutputFile>, PrintPieces), Vec<Diagnostic>> {
    let mut pieces = PrintPieces::new();
    let results: Vec<Made> = specs
        .par_iter()
        .flat_map_iter(|&spec| match spec {
            Spec::Print(p, l) => {
                let print = print_file(a, r, (p, l), reuse);
                vec![print, r.print_css(p, l).map(|f| (f, Vec::new()))]
            }
            Spec::Page(n, l) => {
                let html = match a.site.nodes[n].doc_for(l) {
                    Some(d) => a.html(d),
                    None => Ok(String::new()),
                };
                vec![
                    html.and_then(|html| r.page(spec, &html, None))
                        .map(|f| (f, Vec::new())),
                ]
            }
            _ => vec![r.page(spec, "", None).map(|f| (f, Vec::new()))],
        })
        .collect();
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for res in results {
        match res {
            Ok((f, ranges)) => {
                if !ranges.is_empty() {
                    pieces.insert(f.path.clone(), ranges);
                }
                files.push(f);
            }
            Err(d) => errors.push(d),
        }
    }
    if errors.is_empty() {
        Ok((files, pieces))
    } else {
        Err(crate::render::merge_failures(errors))
    }
}
