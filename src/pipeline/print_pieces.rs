//! Where each chapter sits in each print page, so that `serve` can replace
//! the chapters an edit changed and keep every other one's bytes, instead
//! of rendering a whole publication again (3,000 chapters in a large
//! handbook) for one changed paragraph.

use super::Analysed;
use crate::config::LangId;
use crate::content::model::{DocId, NodeId};
use crate::diagnostics::Diagnostic;
use crate::output::OutputFile;
use crate::render::rebase::Rebaser;
use crate::render::{Renderer, Spec};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

/// Print page path -> the byte range of each chapter in it, in reading
/// order.
pub type PrintPieces = BTreeMap<String, Vec<Range<usize>>>;

/// A page made, with where its chapters are (none but in print pages).
pub type Made = Result<(OutputFile, Vec<Range<usize>>), Diagnostic>;

/// A print page assembled from its shell and its chapters: `shell[0]`,
/// chapter 0, `shell[1]`, ... Returns the page and each chapter's range.
pub fn assemble(shell: &[String], pieces: &[&[u8]]) -> (Vec<u8>, Vec<Range<usize>>) {
    assemble_into(Vec::new(), shell, pieces)
}

/// [`assemble`] into `out` (emptied first): `serve` passes the buffer of
/// a print page it replaced, whose memory is already the process's (new
/// memory for a 35 MB page takes longer to fill than the copy itself).
pub fn assemble_into(
    mut out: Vec<u8>,
    shell: &[String],
    pieces: &[&[u8]],
) -> (Vec<u8>, Vec<Range<usize>>) {
    let len = shell.iter().map(String::len).sum::<usize>()
        + pieces.iter().map(|p| p.len()).sum::<usize>();
    out.clear();
    out.reserve_exact(len);
    let mut ranges = Vec::with_capacity(pieces.len());
    out.extend_from_slice(shell[0].as_bytes());
    for (piece, after) in pieces.iter().zip(&shell[1..]) {
        let start = out.len();
        out.extend_from_slice(piece);
        ranges.push(start..out.len());
        out.extend_from_slice(after.as_bytes());
    }
    (out, ranges)
}

/// Publication `p`'s print page in language `l`, made from `old` (the page
/// as it was, with its chapters at `ranges`): the shell made again, the
/// chapters showing a document of `edited` rendered again, every other
/// chapter's bytes kept, written into `buffer`. `None` when `old` does not
/// have the page's shape (render it whole instead).
pub fn splice(
    a: &Analysed,
    r: &Renderer,
    (p, l): (NodeId, LangId),
    (old, ranges): (&[u8], &[Range<usize>]),
    edited: &BTreeSet<DocId>,
    buffer: Vec<u8>,
) -> Option<Made> {
    let site = &a.site;
    let order = &site.reading_order[&p];
    if ranges.len() != order.len() || ranges.iter().any(|r| r.end > old.len()) {
        return None;
    }
    let shell = match r.print_shell(p, l) {
        Ok(s) => s,
        Err(d) => return Some(Err(d)),
    };
    if shell.len() != order.len() + 1 {
        return None;
    }
    let rebaser = Rebaser::new(site, p, l);
    let made: Result<Vec<Option<String>>, Diagnostic> = order
        .par_iter()
        .map(|&n| match site.nodes[n].doc_for(l) {
            Some(d) if edited.contains(&d) => Ok(Some(rebaser.chapter(site, n, &a.html(d)?))),
            _ => Ok(None),
        })
        .collect();
    let made = match made {
        Ok(m) => m,
        Err(d) => return Some(Err(d)),
    };
    let pieces: Vec<&[u8]> = made
        .iter()
        .zip(ranges)
        .map(|(m, r)| m.as_ref().map_or(&old[r.clone()], |s| s.as_bytes()))
        .collect();
    let (bytes, ranges) = assemble_into(buffer, &shell, &pieces);
    let path = Spec::Print(p, l).output_path(site);
    Some(Ok((OutputFile::owned(path, bytes), ranges)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_chapter_is_found_where_it_was_put() {
        let shell: Vec<String> = ["<a>", "<b>", "<c>"].map(String::from).to_vec();
        let (page, ranges) = assemble(&shell, &[b"one", b"two!"]);
        assert_eq!(page, b"<a>one<b>two!<c>");
        assert_eq!(&page[ranges[0].clone()], b"one");
        assert_eq!(&page[ranges[1].clone()], b"two!");
    }
}
