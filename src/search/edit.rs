//! Indexes kept between edits, for `serve`: an edited page's words are
//! taken out of its language's vocabulary and its new words put in,
//! instead of adding every page of the language again. What is written is
//! what a build of the edited site writes (tokens no page has any more are
//! left out, and nothing in the index depends on the order tokens were
//! first seen in).

use super::INDEX_FILE;
use super::builder::{IndexBuilder, IndexState};
use super::encode::Code;
use super::intern::FxMap;
use super::spool::Kept;
use super::varint::{numbers, renumber};
use super::vocab::PageWords;
use crate::config::LangId;
use crate::content::model::{DocId, NodeId, Site};
use crate::output::OutputFile;
use rayon::prelude::*;
use std::collections::BTreeSet;

/// Each language's index state, from every document's words.
pub fn editable(site: &Site, rendered: &[crate::markdown::Rendered]) -> Vec<IndexState> {
    let words = super::words(site, rendered);
    let langs: Vec<LangId> = site.config.lang_ids().collect();
    langs
        .par_iter()
        .map(|&l| {
            let mut b = IndexBuilder::new(site, l);
            b.state.by_lang = Some(FxMap::default());
            super::add_pages(&mut b, site, l, &words);
            // Written once now, so that the first edit renumbers only its
            // pages.
            let _ = b.write(&mut std::io::sink());
            b.state
        })
        .collect()
}

/// Puts each edited document's new words (`edits`) in the index of every
/// language whose tree shows it; returns those indexes.
pub fn update(
    site: &Site,
    states: &mut [IndexState],
    edits: &[(DocId, PageWords)],
) -> Vec<OutputFile> {
    let mut touched = BTreeSet::new();
    for (d, new) in edits {
        let node = site.docs[*d].node;
        for l in site.config.lang_ids() {
            if site.nodes[node].doc_for(l) == Some(*d) {
                touched.insert(l);
                let mut b = IndexBuilder::resume(site, l, std::mem::take(&mut states[l.0]));
                b.replace(node, new);
                states[l.0] = b.state;
            }
        }
    }
    states
        .par_iter_mut()
        .enumerate()
        .filter(|(l, _)| touched.contains(&LangId(*l)))
        .map(|(l, st)| {
            let mut b = IndexBuilder::resume(site, LangId(l), std::mem::take(st));
            let mut js = Vec::new();
            let written = b.write(&mut js);
            *st = b.state;
            written.expect("an index kept in memory and written to memory cannot fail");
            let code = &site.config.languages[l].code;
            OutputFile::owned(format!("{code}/{INDEX_FILE}"), js)
        })
        .collect()
}

impl IndexState {
    /// Keeps each page's title and text as written with `codes`, the
    /// tokens' numbers now: only pages new since the last write, or that
    /// name a token whose number changed, are renumbered. `None` when a
    /// page's numbers are not a stream (not expected).
    pub(super) fn keep_written(&mut self, codes: &[Code]) -> Option<()> {
        // A token that did not exist then is in no page written then.
        let moved: Vec<bool> = match &self.codes {
            Some(old) => codes
                .iter()
                .zip(old.iter().map(Some).chain(std::iter::repeat(None)))
                .map(|(new, old)| old.is_some_and(|old| old != new))
                .collect(),
            None => vec![false; codes.len()],
        };
        let any_moved = moved.iter().any(|&m| m);
        self.pages.par_iter_mut().try_for_each(|p| {
            let Kept::Here(body) = &p.body else {
                return None;
            };
            let body = body.as_slice();
            if p.written.is_none() || any_moved && (names(&p.title, &moved) || names(body, &moved))
            {
                let title = renumber(&p.title, codes)?;
                p.written = Some(Box::new((title, renumber(body, codes)?)));
            }
            Some(())
        })?;
        self.codes = Some(codes.to_vec());
        Some(())
    }

    /// Takes page `at`'s words (shown in language `bit`) out of the
    /// vocabulary. Its streams name each occurrence of its tokens, so its
    /// counts are read back from them.
    fn take_out(&mut self, at: usize, bit: u8) {
        let page = &self.pages[at];
        let Kept::Here(body) = &page.body else {
            unreachable!("an index kept for edits is kept in memory");
        };
        let by_lang = self.by_lang.get_or_insert_default();
        for id in numbers(&page.title).chain(numbers(body)).flatten() {
            let token = &mut self.tokens[id as usize];
            token.count -= 1;
            let in_lang = by_lang.entry((id, bit)).or_default();
            *in_lang -= 1;
            if *in_lang == 0 {
                by_lang.remove(&(id, bit));
                token.langs &= !(1u64 << bit);
            }
        }
        self.text_bytes -= page.text_bytes;
    }
}

/// Whether the stream `bytes` names a token marked in `moved` (or one
/// past it, or is not a stream).
fn names(bytes: &[u8], moved: &[bool]) -> bool {
    numbers(bytes).any(|n| n.is_none_or(|n| moved.get(n as usize).copied().unwrap_or(true)))
}

impl<'s> IndexBuilder<'s> {
    /// A builder holding `state`, to edit and write again.
    fn resume(site: &'s Site, lang: LangId, state: IndexState) -> Self {
        let mut b = IndexBuilder::new(site, lang);
        b.state = state;
        b
    }

    /// Puts page `node`'s words `new` in place of those it held.
    fn replace(&mut self, node: NodeId, new: &PageWords) {
        let bit = self.bit_of(node);
        let found = self.state.pages.binary_search_by_key(&node, |p| p.node);
        if let Ok(at) = found {
            self.state.take_out(at, bit);
        }
        let page = self.page_of(node, new);
        match found {
            Ok(at) => self.state.pages[at] = page,
            // Every node has a page in every tree; were one missing, the
            // edit adds it.
            Err(at) => self.state.pages.insert(at, page),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a build of the site with these words writes.
    fn built(site: &Site, words: &[PageWords]) -> Vec<OutputFile> {
        let langs: Vec<LangId> = site.config.lang_ids().collect();
        crate::search::indexes(site, words, &langs).0
    }

    /// Each of `files` is the build's file of the same path.
    fn as_built(files: &[OutputFile], expected: &[OutputFile], when: &str) {
        for f in files {
            let e = expected.iter().find(|e| e.path == f.path).unwrap();
            assert!(f.bytes.as_ref() == e.bytes.as_ref(), "{} {when}", f.path);
        }
    }

    #[test]
    fn an_edited_index_is_the_index_a_build_writes() {
        let a = super::super::builder::tests::basic();
        let site = &a.site;
        let mut words = crate::search::words(site, &a.rendered);
        let mut states = editable(site, &a.rendered);
        // Each document in turn: words no other page has, then others
        // again, then none at all; a page shown in other languages'
        // trees too changes every one of them.
        let texts: Vec<[String; 3]> = (0..site.docs.len())
            .map(|d| {
                [
                    format!("Unheard-of words {d}: zyzzyva, quokka, referral."),
                    format!("Consent first. Referral {d}, safety, and a quokka."),
                    String::new(),
                ]
            })
            .collect();
        for round in 0..3 {
            for (d, text) in texts.iter().enumerate() {
                let new = PageWords::new(site.docs[DocId(d)].title(), &[], &text[round]);
                let files = update(site, &mut states, &[(DocId(d), new)]);
                words[d] = PageWords::new(site.docs[DocId(d)].title(), &[], &text[round]);
                let shown_in = site
                    .config
                    .lang_ids()
                    .filter(|&l| site.nodes[site.docs[DocId(d)].node].doc_for(l) == Some(DocId(d)))
                    .count();
                assert_eq!(files.len(), shown_in);
                as_built(&files, &built(site, &words), &format!("after {round}/{d}"));
            }
        }
        // Back to the site's own words, all at once: the build at start.
        let original = crate::search::words(site, &a.rendered);
        let edits: Vec<(DocId, PageWords)> = original
            .into_iter()
            .enumerate()
            .map(|(d, w)| (DocId(d), w))
            .collect();
        let files = update(site, &mut states, &edits);
        let expected = built(site, &crate::search::words(site, &a.rendered));
        assert_eq!(files.len(), expected.len());
        as_built(&files, &expected, "at the end");
    }
}
