//! Indexes kept between edits, for `serve`: an edited page's words are
//! taken out of its language's vocabulary and its new words put in,
//! instead of adding every page of the language again. What is written is
//! what a build of the edited site writes (tokens no page has any more are
//! left out, and nothing in the index depends on the order tokens were
//! first seen in).

use super::INDEX_FILE;
use super::builder::{IndexBuilder, IndexState, renumber};
use super::encode::Code;
use super::intern::FxMap;
use super::spool::Kept;
use super::vocab::PageWords;
use crate::config::LangId;
use crate::content::model::{DocId, NodeId, Site};
use crate::output::OutputFile;
use rayon::prelude::*;
use std::collections::BTreeSet;

/// Each language's index state, from every document's words.
pub fn editable(site: &Site, words: &[PageWords]) -> Vec<IndexState> {
    let langs: Vec<LangId> = site.config.lang_ids().collect();
    langs.par_iter().map(|&l| state(site, l, words)).collect()
}

fn state(site: &Site, l: LangId, words: &[PageWords]) -> IndexState {
    let mut b = IndexBuilder::new(site, l);
    b.state.by_lang = Some(FxMap::default());
    super::add_pages(&mut b, site, l, words);
    // Written once now, so that the first edit renumbers only its pages.
    let _ = b.write(&mut std::io::sink());
    b.state
}

/// Puts each edited document's new words (`edits`) in `words` and in the
/// index of every language whose tree shows it; returns those indexes.
pub fn update(
    site: &Site,
    states: &mut [IndexState],
    words: &mut [PageWords<'static>],
    edits: Vec<(DocId, PageWords<'static>)>,
) -> Vec<OutputFile> {
    let mut touched = BTreeSet::new();
    let mut lost = BTreeSet::new();
    for (d, new) in edits {
        let node = site.docs[d].node;
        for l in site.config.lang_ids() {
            if site.nodes[node].doc_for(l) != Some(d) {
                continue;
            }
            touched.insert(l);
            let mut b = IndexBuilder::resume(site, l, std::mem::take(&mut states[l.0]));
            if !b.replace(node, &words[d.0], &new) {
                lost.insert(l);
            }
            states[l.0] = b.state;
        }
        words[d.0] = new;
    }
    // Not expected: a state that does not hold what the session says is
    // made again from every page.
    for &l in &lost {
        states[l.0] = state(site, l, words);
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
}

/// Whether the stream `bytes` names a token marked in `moved` (or one
/// past it).
fn names(bytes: &[u8], moved: &[bool]) -> bool {
    let (mut n, mut shift) = (0u32, 0u32);
    for &b in bytes {
        n |= u32::from(b & 0x7f).checked_shl(shift).unwrap_or(u32::MAX);
        if b & 0x80 != 0 {
            shift += 7;
        } else {
            if moved.get(n as usize).copied().unwrap_or(true) {
                return true;
            }
            n = 0;
            shift = 0;
        }
    }
    false
}

impl<'s> IndexBuilder<'s> {
    /// A builder holding `state`, to edit and write again.
    fn resume(site: &'s Site, lang: LangId, state: IndexState) -> Self {
        let mut b = IndexBuilder::new(site, lang);
        b.state = state;
        b
    }

    /// Takes page `node`'s words `old` out and puts `new` in its place.
    /// False when the state does not hold `old` there (then it is left
    /// half changed: make it again).
    fn replace(&mut self, node: NodeId, old: &PageWords, new: &PageWords) -> bool {
        let bit = self.bit_of(node);
        let st = &mut self.state;
        let Ok(at) = st.pages.binary_search_by_key(&node, |p| p.node) else {
            return false;
        };
        let Some(by_lang) = &mut st.by_lang else {
            return false;
        };
        for (t, count) in &old.vocab {
            let Some(&id) = st.ids.get(t.as_ref()) else {
                return false;
            };
            let token = &mut st.tokens[id as usize];
            let (Some(left), Some(in_lang)) =
                (token.count.checked_sub(*count), by_lang.get_mut(&(id, bit)))
            else {
                return false;
            };
            let Some(in_lang_left) = in_lang.checked_sub(*count) else {
                return false;
            };
            token.count = left;
            *in_lang = in_lang_left;
            if in_lang_left == 0 {
                by_lang.remove(&(id, bit));
                token.langs &= !(1u64 << bit);
            }
        }
        let Some(text_bytes) = st.text_bytes.checked_sub(old.text_bytes) else {
            return false;
        };
        st.text_bytes = text_bytes;
        let page = self.page_of(node, new);
        self.state.pages[at] = page;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_words(a: &crate::pipeline::Analysed) -> Vec<PageWords<'static>> {
        crate::search::words(&a.site, &a.rendered)
            .into_iter()
            .map(PageWords::into_owned)
            .collect()
    }

    /// What a build of the site with these words writes.
    fn built(site: &Site, words: &[PageWords]) -> Vec<OutputFile> {
        let langs: Vec<LangId> = site.config.lang_ids().collect();
        crate::search::indexes(site, words, &langs).0
    }

    fn new_words(title: &str, text: String) -> PageWords<'static> {
        PageWords::new(title, &[], &text).into_owned()
    }

    #[test]
    fn an_edited_index_is_the_index_a_build_writes() {
        let a = super::super::builder::tests::basic();
        let site = &a.site;
        let mut words = all_words(&a);
        let mut states = editable(site, &words);
        let ndocs = site.docs.len();
        // Each document in turn: words no other page has, then others
        // again, then none at all; a page shown in other languages'
        // trees too changes every one of them.
        let texts = |d: usize| {
            [
                format!("Unheard-of words {d}: zyzzyva, quokka, referral."),
                format!("Consent first. Referral {d}, safety, and a quokka."),
                String::new(),
            ]
        };
        for round in 0..3 {
            for d in 0..ndocs {
                let title = site.docs[DocId(d)].title();
                let edit = vec![(DocId(d), new_words(title, texts(d)[round].clone()))];
                let files = update(site, &mut states, &mut words, edit);
                let expected = built(site, &words);
                let shown_in = site
                    .config
                    .lang_ids()
                    .filter(|&l| site.nodes[site.docs[DocId(d)].node].doc_for(l) == Some(DocId(d)))
                    .count();
                assert_eq!(files.len(), shown_in);
                for f in &files {
                    let e = expected.iter().find(|e| e.path == f.path).unwrap();
                    assert!(
                        f.bytes.as_ref() == e.bytes.as_ref(),
                        "{} after {round}/{d}",
                        f.path
                    );
                }
            }
        }
        // Back to the site's own words: the indexes of the build at start.
        let original = all_words(&a);
        let mut files = Vec::new();
        for (d, w) in original.into_iter().enumerate() {
            files.extend(update(site, &mut states, &mut words, vec![(DocId(d), w)]));
        }
        for e in built(site, &all_words(&a)) {
            let last = files.iter().rev().find(|f| f.path == e.path).unwrap();
            assert!(last.bytes.as_ref() == e.bytes.as_ref(), "{}", e.path);
        }
    }

    #[test]
    fn a_state_that_does_not_hold_the_old_words_is_made_again() {
        let a = super::super::builder::tests::basic();
        let site = &a.site;
        let mut words = all_words(&a);
        let mut states = editable(site, &words);
        // The session's words no longer match what the index holds.
        words[0] = new_words("Other", "Words the index never had.".into());
        let edit = vec![(DocId(0), new_words("New", "And the edit's own.".into()))];
        let files = update(site, &mut states, &mut words, edit);
        assert!(!files.is_empty());
        let expected = built(site, &words);
        for f in &files {
            let e = expected.iter().find(|e| e.path == f.path).unwrap();
            assert!(f.bytes.as_ref() == e.bytes.as_ref(), "{}", f.path);
        }
    }
}
