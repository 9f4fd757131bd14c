//! One language's index, built page by page.
//!
//! [`IndexBuilder`] takes the language's pages one at a time, in any order,
//! and keeps of each only what the index will hold: its title and text as
//! numbers into the language's vocabulary (variable-length, one or two
//! bytes a token for most pages: about 40% of the page's text) and where
//! its sections start. The words themselves are kept once per language.
//! [`IndexBuilder::finish`] then numbers the vocabulary by frequency, makes
//! each word's search term and group, and writes the file (see `index`).
//! Builders of different languages share nothing and run in parallel.
//! A build to disk gives each builder a file in the staging folder, where
//! the pages' numbers wait until `finish` instead of in memory (about a
//! third of a 30,000-page build's peak, without it).

use super::affix;
use super::encode::{CONT, Code, FINAL};
use super::index::{self, Entry, IndexPage};
use super::intern::FxMap;
use super::normalise::{is_word_char, normalise};
use super::spool::{Kept, Spool, changed, read_at};
use super::stem::{self, Word};
use super::varint::{renumber, varints};
use super::vocab::PageWords;
use super::{INDEX_FILE, Summary};
use crate::config::LangId;
use crate::content::model::{NodeId, Site};
use crate::markdown::TocEntry;
use rayon::prelude::*;
use std::borrow::Cow;
use std::fs::File;
use std::io::Write;

/// What the index needs of one page.
pub struct PageText<'a> {
    pub node: NodeId,
    pub title: &'a str,
    /// The page's table of contents: its headings are found in `text`.
    pub headings: &'a [TocEntry],
    /// The page's plain text (`Rendered::text`).
    pub text: &'a str,
}

/// A page as kept until `finish`.
pub(super) struct Page {
    pub(super) node: NodeId,
    pub(super) title: Vec<u8>,
    pub(super) body: Kept,
    /// (stream position, heading id, tokens in the heading).
    sections: Vec<(u32, Box<str>, u32)>,
    /// Bytes of its title and text, for the summary.
    pub(super) text_bytes: usize,
    /// Its title and text as last written (`serve` only, see `edit`).
    pub(super) written: Option<Box<(String, String)>>,
}

/// Pages renumbered together in `finish`: enough for both cores, few
/// enough that the index is never held whole.
const PAGES_AT_ONCE: usize = 256;

/// A vocabulary entry: a word or separator, how often it occurs, and the
/// languages of the pages it was found in (bit per language, the 64th for
/// all others). A token no page has any more (`count` 0, after an edit in
/// `serve`) is left out of the index.
pub(super) struct Token {
    pub(super) text: Box<str>,
    pub(super) count: u32,
    pub(super) langs: u64,
}

/// A language's vocabulary and pages, owned: what `serve` keeps of an
/// index between edits (see `edit`).
#[derive(Default)]
pub struct IndexState {
    pub(super) ids: FxMap<Box<str>, u32>,
    pub(super) tokens: Vec<Token>,
    pub(super) pages: Vec<Page>,
    pub(super) text_bytes: usize,
    /// How often each token occurs in the pages of each language bit, kept
    /// only to take a page out again (`serve`).
    pub(super) by_lang: Option<FxMap<(u32, u8), u32>>,
    /// Each token's number when the pages' `written` were (`serve`).
    pub(super) codes: Option<Vec<Code>>,
}

/// One language's index, in the making.
pub struct IndexBuilder<'s> {
    pub(super) site: &'s Site,
    pub(super) lang: LangId,
    pub(super) state: IndexState,
    spool: Option<Spool>,
}

impl<'s> IndexBuilder<'s> {
    pub fn new(site: &'s Site, lang: LangId) -> Self {
        IndexBuilder {
            site,
            lang,
            state: IndexState::default(),
            spool: None,
        }
    }

    /// A builder that keeps its pages' numbers in `file` (new and empty,
    /// readable and writable) until `finish`.
    pub fn spooled(site: &'s Site, lang: LangId, file: File) -> Self {
        IndexBuilder {
            spool: Some(Spool::new(file)),
            ..IndexBuilder::new(site, lang)
        }
    }

    /// Adds a page of this language's tree (each node once), split by the
    /// rules of any language, without a summary (`add_words` with
    /// [`PageWords::of_doc`] has a document's).
    pub fn add(&mut self, page: PageText) {
        let words = PageWords::new(page.title, page.headings, page.text);
        self.add_words(page.node, &words);
    }

    /// Adds a page already split (split pages in parallel, or once for
    /// every language tree that shows them).
    pub fn add_words(&mut self, node: NodeId, words: &PageWords) {
        let page = self.page_of(node, words);
        self.state.pages.push(page);
    }

    /// The language bit of the pages of `node` in this tree: that of the
    /// document shown there.
    pub(super) fn bit_of(&self, node: NodeId) -> u8 {
        let shown = self.site.nodes[node]
            .doc_for(self.lang)
            .map_or(self.lang, |d| self.site.docs[d].file.lang);
        shown.0.min(63) as u8
    }

    /// Counts `words` in the vocabulary, and keeps its streams as numbers.
    pub(super) fn page_of(&mut self, node: NodeId, words: &PageWords) -> Page {
        let bit = self.bit_of(node);
        let st = &mut self.state;
        let map: Vec<u32> = words
            .vocab
            .iter()
            .map(|(t, count)| {
                let id = match st.ids.get(t.as_ref()) {
                    Some(&id) => id,
                    None => {
                        let id = st.tokens.len() as u32;
                        let text: Box<str> = t.as_ref().into();
                        st.ids.insert(text.clone(), id);
                        st.tokens.push(Token {
                            text,
                            count: 0,
                            langs: 0,
                        });
                        id
                    }
                };
                let token = &mut st.tokens[id as usize];
                token.count += count;
                token.langs |= 1u64 << bit;
                if let Some(by_lang) = &mut st.by_lang {
                    *by_lang.entry((id, bit)).or_default() += count;
                }
                id
            })
            .collect();
        st.text_bytes += words.text_bytes;
        let body = varints(&words.body, &map);
        let body = match &mut self.spool {
            Some(spool) => spool.put(&body).unwrap_or(Kept::Here(body)),
            None => Kept::Here(body),
        };
        Page {
            node,
            title: varints(&words.title, &map),
            body,
            sections: words
                .sections
                .iter()
                .map(|(pos, id, len)| (*pos as u32, id.as_ref().into(), *len as u32))
                .collect(),
            text_bytes: words.text_bytes,
            written: None,
        }
    }

    /// Where the index goes: `<lang>/search-index.js`.
    pub fn path(&self) -> String {
        format!(
            "{}/{INDEX_FILE}",
            self.site.config.languages[self.lang].code
        )
    }

    /// Writes the index ([`IndexBuilder::path`]) to `out`, a few pages at
    /// a time. Fails when `out` cannot be written, or the spool could not
    /// be written or read back as it was written.
    pub fn finish(mut self, out: &mut dyn Write) -> std::io::Result<Summary> {
        self.write(out)
    }

    /// [`IndexBuilder::finish`], keeping what was added (see `edit`).
    pub fn write(&mut self, out: &mut dyn Write) -> std::io::Result<Summary> {
        let file = self.spool.take().map(Spool::into_file).transpose()?;
        let site = self.site;
        let l = self.lang;
        // Site order, whatever order pages came in: the same bytes every run.
        self.state.pages.sort_by_key(|p| p.node);
        let st = &self.state;
        let terms: Vec<Option<String>> = st
            .tokens
            .par_iter()
            .map(|t| {
                let word = t.count > 0 && t.text.chars().next().is_some_and(is_word_char);
                word.then(|| normalise(&t.text))
            })
            .collect();
        let groups = self.groups(&terms);
        let rank = ranks(&st.tokens, &terms, &groups);
        // Each token's number as written, made once.
        let codes: Vec<Code> = rank.rank.iter().map(|&r| Code::new(r)).collect();
        if st.by_lang.is_some() {
            self.state.keep_written(&codes).ok_or_else(changed)?;
        }
        let st = &self.state;
        let entries: Vec<Entry> = rank
            .order
            .iter()
            .map(|&id| Entry {
                text: &st.tokens[id as usize].text,
                term: terms[id as usize].as_deref(),
                group: groups[id as usize].as_deref(),
            })
            .collect();
        let stop = super::stop::of_index(site, l, |words| own_words(&st.tokens, &terms, l, words));
        let head = index::head(site, l, &entries, &stop);
        let mut written = head.len();
        out.write_all(head.as_bytes())?;
        drop(head);
        let mut js = String::new();
        for (i, chunk) in st.pages.chunks(PAGES_AT_ONCE).enumerate() {
            let pages: Vec<IndexPage> = chunk
                .par_iter()
                .map(|p| {
                    let (title, body) = match (&p.written, &p.body) {
                        (Some(w), _) => (Cow::Borrowed(w.0.as_str()), Cow::Borrowed(w.1.as_str())),
                        (None, Kept::Here(bytes)) => {
                            owned(renumber(&p.title, &codes), renumber(bytes, &codes))
                                .ok_or_else(changed)?
                        }
                        (None, Kept::Spooled { at, len }) => {
                            let mut bytes = vec![0; *len as usize];
                            read_at(file.as_ref(), &mut bytes, *at)?;
                            owned(renumber(&p.title, &codes), renumber(&bytes, &codes))
                                .ok_or_else(changed)?
                        }
                    };
                    Ok(IndexPage {
                        node: p.node,
                        title,
                        body,
                        sections: &p.sections,
                    })
                })
                .collect::<std::io::Result<_>>()?;
            js.clear();
            index::docs(&mut js, site, l, &pages, i == 0);
            written += js.len();
            out.write_all(js.as_bytes())?;
        }
        out.write_all(index::TAIL.as_bytes())?;
        written += index::TAIL.len();
        Ok(Summary {
            code: site.config.languages[l].code.clone(),
            pages: st.pages.len(),
            index_bytes: written,
            text_bytes: st.text_bytes,
        })
    }

    /// Each word's group key, where the index carries it (see `stem`):
    /// None for separators, words that are their own group, and groups
    /// search.js makes itself from the affix rules.
    fn groups(&self, terms: &[Option<String>]) -> Vec<Option<String>> {
        let languages = &self.site.config.languages;
        let stemmers: Vec<_> = languages.iter().map(|l| stem::snowball(&l.code)).collect();
        let own = 1u64 << self.lang.0.min(63);
        let (ids, words): (Vec<usize>, Vec<Word>) = self
            .state
            .tokens
            .iter()
            .zip(terms)
            .enumerate()
            .filter_map(|(i, (t, term))| {
                let term = term.as_deref()?;
                // The index's language when a page of it has the word, else
                // the first language that has it.
                let mine = t.langs & own != 0;
                let lang = if mine {
                    self.lang
                } else {
                    LangId((t.langs.trailing_zeros() as usize).min(languages.len() - 1))
                };
                let word = Word {
                    surface: &t.text,
                    term,
                    stemmer: stemmers[lang].as_ref(),
                    own: mine,
                };
                Some((i, word))
            })
            .unzip();
        let rules = affix::rules(&languages[self.lang].code);
        let mut out = vec![None; terms.len()];
        for (id, (key, carried)) in ids.into_iter().zip(stem::keys(&words, rules)) {
            if carried {
                out[id] = Some(key);
            }
        }
        out
    }
}

/// The vocabulary's order in the index, and each token's number in it.
struct Ranks {
    order: Vec<u32>,
    rank: Vec<u32>,
}

/// Most frequent first: the first 64 entries get one-character codes, the
/// next 1,728 two, and so on. Inside each such band the order costs
/// nothing, so there entries are sorted (separators, then words by group,
/// term and spelling) for front coding. Ties by bytes: deterministic.
fn ranks(tokens: &[Token], terms: &[Option<String>], groups: &[Option<String>]) -> Ranks {
    // Tokens no page has any more (after an edit) are not written.
    let mut order: Vec<u32> = (0..tokens.len() as u32)
        .filter(|&id| tokens[id as usize].count > 0)
        .collect();
    order.par_sort_unstable_by(|&a, &b| {
        let (ta, tb) = (&tokens[a as usize], &tokens[b as usize]);
        tb.count.cmp(&ta.count).then_with(|| ta.text.cmp(&tb.text))
    });
    let (mut start, mut width) = (0, FINAL as usize);
    while start < order.len() {
        let end = order.len().min(start + width);
        order[start..end].sort_unstable_by_key(|&id| {
            let i = id as usize;
            let term = terms[i].as_deref();
            (groups[i].as_deref().or(term), term, &tokens[i].text)
        });
        start = end;
        width = width.saturating_mul(CONT as usize);
    }
    let mut rank = vec![0u32; tokens.len()];
    for (r, &id) in order.iter().enumerate() {
        rank[id as usize] = r as u32;
    }
    Ranks { order, rank }
}

/// A page's title and text as renumbered, when both are.
fn owned<'a>(title: Option<String>, body: Option<String>) -> Option<(Cow<'a, str>, Cow<'a, str>)> {
    Some((Cow::Owned(title?), Cow::Owned(body?)))
}

/// Which of `words` (normalised) the pages of language `l` itself have.
fn own_words(tokens: &[Token], terms: &[Option<String>], l: LangId, words: &[&str]) -> Vec<bool> {
    let own = 1u64 << l.0.min(63);
    let mut found = vec![false; words.len()];
    if words.is_empty() {
        return found;
    }
    let at: std::collections::HashMap<&str, usize> =
        words.iter().enumerate().map(|(i, w)| (*w, i)).collect();
    for (t, term) in tokens.iter().zip(terms) {
        if t.langs & own != 0
            && let Some(&i) = term.as_deref().and_then(|term| at.get(term))
        {
            found[i] = true;
        }
    }
    found
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// The `basic` fixture, analysed: three languages, with pages shown
    /// from another language.
    pub(in crate::search) fn basic() -> crate::pipeline::Analysed {
        let opts = crate::pipeline::Options {
            source: std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/basic"),
            ..Default::default()
        };
        let Ok(a) = crate::pipeline::analyse(&opts) else {
            panic!("the fixture does not load");
        };
        a
    }

    /// The fixture's pages, with a text of some length each.
    fn fill(b: &mut IndexBuilder, a: &crate::pipeline::Analysed, l: LangId) {
        for (i, (n, node)) in a.site.node_ids().zip(&a.site.nodes).enumerate() {
            let d = node.doc_for(l).unwrap();
            let text =
                format!("{} Ask before you refer: page {i}. ", a.rendered[d].text).repeat(20);
            b.add(PageText {
                node: n,
                title: a.site.docs[d].title(),
                headings: &a.rendered[d].toc,
                text: &text,
            });
        }
    }

    /// The same pages' index, kept in memory.
    fn in_memory(a: &crate::pipeline::Analysed, l: LangId) -> Vec<u8> {
        let mut b = IndexBuilder::new(&a.site, l);
        fill(&mut b, a, l);
        let mut js = Vec::new();
        b.finish(&mut js).unwrap();
        js
    }

    fn spool_file(dir: &tempfile::TempDir) -> File {
        std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .open(dir.path().join("spool"))
            .unwrap()
    }

    #[cfg(unix)]
    #[test]
    fn pages_kept_in_a_file_give_the_index_kept_in_memory() {
        let a = basic();
        for l in a.site.config.lang_ids() {
            let dir = tempfile::tempdir().unwrap();
            let mut b = IndexBuilder::spooled(&a.site, l, spool_file(&dir));
            fill(&mut b, &a, l);
            assert!(
                b.state
                    .pages
                    .iter()
                    .all(|p| matches!(p.body, Kept::Spooled { .. }))
            );
            let mut js = Vec::new();
            b.finish(&mut js).unwrap();
            assert!(js.len() > 1000 && js == in_memory(&a, l));
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_spool_changed_while_the_build_ran_fails_the_index() {
        let a = basic();
        let l = LangId(0);
        for forged in [&b""[..], &[0xffu8; 4096][..]] {
            let dir = tempfile::tempdir().unwrap();
            let mut b = IndexBuilder::spooled(&a.site, l, spool_file(&dir));
            fill(&mut b, &a, l);
            let spool = b.spool.take().unwrap().into_file().unwrap();
            spool.set_len(0).unwrap();
            std::os::unix::fs::FileExt::write_all_at(&spool, forged, 0).unwrap();
            b.spool = Some(Spool::new(spool));
            let err = b.finish(&mut Vec::new()).unwrap_err();
            let kinds = [
                std::io::ErrorKind::UnexpectedEof,
                std::io::ErrorKind::InvalidData,
            ];
            assert!(kinds.contains(&err.kind()), "{err}");
        }
    }

    #[test]
    fn pages_in_any_order_give_the_same_file() {
        // Builders of different languages run on different threads.
        fn send<T: Send>() {}
        send::<IndexBuilder>();
        let opts = crate::pipeline::Options {
            source: std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/basic"),
            ..Default::default()
        };
        let Ok(a) = crate::pipeline::analyse(&opts) else {
            panic!("the fixture does not load");
        };
        let (files, summaries) = crate::search::files(&a.site, &a.rendered);
        for (l, file) in a.site.config.lang_ids().zip(&files) {
            let mut b = IndexBuilder::new(&a.site, l);
            for (n, node) in a.site.node_ids().zip(&a.site.nodes).rev() {
                let d = node.doc_for(l).unwrap();
                let r = &a.rendered[d];
                b.add_words(n, &PageWords::of_doc(&a.site, d, &r.toc, &r.text));
            }
            let path = b.path();
            let mut streamed = Vec::new();
            let summary = b.finish(&mut streamed).unwrap();
            assert_eq!(path, file.path);
            assert!(streamed == file.bytes.as_ref(), "{}", file.path);
            assert_eq!(summary.index_bytes, summaries[l].index_bytes);
            assert_eq!(summary.pages, a.site.nodes.len());
        }
    }
}
