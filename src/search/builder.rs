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

use super::affix;
use super::encode::{CONT, Code, FINAL};
use super::index::{self, Entry, IndexPage};
use super::intern::FxMap;
use super::normalise::{is_word_char, normalise};
use super::stem::{self, Word};
use super::vocab::{PageWords, Stream};
use super::{INDEX_FILE, Summary};
use crate::config::LangId;
use crate::content::model::{NodeId, Site};
use crate::markdown::TocEntry;
use crate::output::OutputFile;
use rayon::prelude::*;

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
struct Page {
    node: NodeId,
    title: Vec<u8>,
    body: Vec<u8>,
    /// (stream position, heading id, tokens in the heading).
    sections: Vec<(u32, Box<str>, u32)>,
}

/// A vocabulary entry: a word or separator, how often it occurs, and the
/// languages of the pages it was found in (bit per language, the 64th for
/// all others).
struct Token {
    text: Box<str>,
    count: u32,
    langs: u64,
}

/// One language's index, in the making.
pub struct IndexBuilder<'s> {
    site: &'s Site,
    lang: LangId,
    ids: FxMap<Box<str>, u32>,
    tokens: Vec<Token>,
    pages: Vec<Page>,
    text_bytes: usize,
}

impl<'s> IndexBuilder<'s> {
    pub fn new(site: &'s Site, lang: LangId) -> Self {
        IndexBuilder {
            site,
            lang,
            ids: FxMap::default(),
            tokens: Vec::new(),
            pages: Vec::new(),
            text_bytes: 0,
        }
    }

    /// Adds a page of this language's tree (each node once).
    pub fn add(&mut self, page: PageText) {
        let words = PageWords::new(page.title, page.headings, page.text);
        self.add_words(page.node, &words);
    }

    /// Adds a page already split (split pages in parallel, or once for
    /// every language tree that shows them).
    pub fn add_words(&mut self, node: NodeId, words: &PageWords) {
        let shown = self.site.nodes[node]
            .doc_for(self.lang)
            .map_or(self.lang, |d| self.site.docs[d].file.lang);
        let bit = 1u64 << shown.0.min(63);
        let map: Vec<u32> = words
            .vocab
            .iter()
            .map(|(t, count)| {
                let id = match self.ids.get(t.as_ref()) {
                    Some(&id) => id,
                    None => {
                        let id = self.tokens.len() as u32;
                        let text: Box<str> = t.as_ref().into();
                        self.ids.insert(text.clone(), id);
                        self.tokens.push(Token {
                            text,
                            count: 0,
                            langs: 0,
                        });
                        id
                    }
                };
                let token = &mut self.tokens[id as usize];
                token.count += count;
                token.langs |= bit;
                id
            })
            .collect();
        self.text_bytes += words.text_bytes;
        self.pages.push(Page {
            node,
            title: varints(&words.title, &map),
            body: varints(&words.body, &map),
            sections: words
                .sections
                .iter()
                .map(|(pos, id, len)| (*pos as u32, id.as_ref().into(), *len as u32))
                .collect(),
        });
    }

    /// Writes `<lang>/search-index.js`.
    pub fn finish(mut self) -> (OutputFile, Summary) {
        let site = self.site;
        let l = self.lang;
        let code = &site.config.languages[l].code;
        // Site order, whatever order pages came in: the same bytes every run.
        self.pages.sort_by_key(|p| p.node);
        let terms: Vec<Option<String>> = self
            .tokens
            .par_iter()
            .map(|t| {
                let word = t.text.chars().next().is_some_and(is_word_char);
                word.then(|| normalise(&t.text))
            })
            .collect();
        let groups = self.groups(&terms);
        let rank = ranks(&self.tokens, &terms, &groups);
        let entries: Vec<Entry> = rank
            .order
            .iter()
            .map(|&id| Entry {
                text: &self.tokens[id as usize].text,
                term: terms[id as usize].as_deref(),
                group: groups[id as usize].as_deref(),
            })
            .collect();
        // Each token's number as written, made once.
        let codes: Vec<Code> = rank.rank.iter().map(|&r| Code::new(r)).collect();
        let pages: Vec<IndexPage> = self
            .pages
            .par_iter()
            .map(|p| IndexPage {
                node: p.node,
                title: renumber(&p.title, &codes),
                body: renumber(&p.body, &codes),
                sections: &p.sections,
            })
            .collect();
        let js = index::write(site, l, &entries, &pages);
        let summary = Summary {
            code: code.clone(),
            pages: self.pages.len(),
            index_bytes: js.len(),
            text_bytes: self.text_bytes,
        };
        let path = format!("{code}/{INDEX_FILE}");
        (OutputFile::owned(path, js.into_bytes()), summary)
    }

    /// Each word's group key, where the index carries it (see `stem`):
    /// None for separators, words that are their own group, and groups
    /// search.js makes itself from the affix rules.
    fn groups(&self, terms: &[Option<String>]) -> Vec<Option<String>> {
        let languages = &self.site.config.languages;
        let stemmers: Vec<_> = languages.iter().map(|l| stem::snowball(&l.code)).collect();
        let own = 1u64 << self.lang.0.min(63);
        let (ids, words): (Vec<usize>, Vec<Word>) = self
            .tokens
            .iter()
            .zip(terms)
            .enumerate()
            .filter_map(|(i, (t, term))| {
                let term = term.as_deref()?;
                // The index's language when a page of it has the word, else
                // the first language that has it.
                let lang = if t.langs & own != 0 {
                    self.lang
                } else {
                    LangId((t.langs.trailing_zeros() as usize).min(languages.len() - 1))
                };
                let word = Word {
                    surface: &t.text,
                    term,
                    stemmer: stemmers[lang].as_ref(),
                };
                Some((i, word))
            })
            .unzip();
        let rules = affix::rules(&languages[self.lang].code).filter(|r| r.groups);
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
    let mut order: Vec<u32> = (0..tokens.len() as u32).collect();
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

/// A stream of local numbers as the language's numbers, each in 7-bit
/// groups (the high bit says another group follows).
fn varints(stream: &Stream, map: &[u32]) -> Vec<u8> {
    let mut out = Vec::with_capacity(stream.len() * 2);
    for local in stream.iter() {
        let mut n = map[local as usize];
        while n >= 0x80 {
            out.push((n as u8) | 0x80);
            n >>= 7;
        }
        out.push(n as u8);
    }
    out
}

/// A kept stream written with the index's numbers (`codes`, by token:
/// see `encode`).
fn renumber(bytes: &[u8], codes: &[Code]) -> String {
    let mut out = Vec::with_capacity(bytes.len() + bytes.len() / 2);
    let (mut n, mut shift) = (0u32, 0);
    for &b in bytes {
        n |= u32::from(b & 0x7f) << shift;
        if b & 0x80 != 0 {
            shift += 7;
        } else {
            codes[n as usize].push_to(&mut out);
            n = 0;
            shift = 0;
        }
    }
    String::from_utf8(out).expect("digits are ASCII")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::encode::decode;

    #[test]
    fn varints_round_trip() {
        let mut s = Stream::with_capacity(4);
        for n in 0..4 {
            s.push(n);
        }
        let bytes = varints(&s, &[0, 127, 128, 16_384]);
        assert_eq!(bytes.len(), 1 + 1 + 2 + 3);
        let mut rank = vec![9; 16_385];
        (rank[0], rank[127], rank[128], rank[16_384]) = (3, 2, 1, 0);
        let codes: Vec<Code> = rank.iter().map(|&r| Code::new(r)).collect();
        assert_eq!(decode(&renumber(&bytes, &codes)), [3, 2, 1, 0]);
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
                b.add(PageText {
                    node: n,
                    title: a.site.docs[d].title(),
                    headings: &a.rendered[d].toc,
                    text: &a.rendered[d].text,
                });
            }
            let (streamed, summary) = b.finish();
            assert_eq!(streamed.path, file.path);
            assert!(
                streamed.bytes.as_ref() == file.bytes.as_ref(),
                "{}",
                file.path
            );
            assert_eq!(summary.index_bytes, summaries[l].index_bytes);
            assert_eq!(summary.pages, a.site.nodes.len());
        }
    }
}
