//! The search index of each language, written as a script.
//!
//! `<lang>/search-index.js` assigns one JSON object to
//! `window.fieldguideSearch`:
//!
//! ```text
//! {"v":1,"lang":"fr","f":"a=àá... ا=أإآٱ ...",
//!  "pubs":[[title, folder, lang?, dir?], ...],
//!  "s":[[number, separator], ...],
//!  "w":"words", "t":"terms",
//!  "docs":[[pub, path, title, text, sections, lang?, dir?], ...]}
//! ```
//!
//! - `f` is `normalise::FOLD_TABLE`: search.js folds queries with the same
//!   table as the index was made with.
//! - The vocabulary: every distinct word and separator (the text between
//!   words) of the language's pages, numbered. `s` lists the separators with
//!   their numbers; `w` holds the words, in order, for the numbers left,
//!   separated by spaces. `t` gives each word's search term (see
//!   `normalise`), also separated by spaces: empty when the term is the word
//!   itself. Terms are made here, once; the browser only normalises queries.
//!   Words and terms are front-coded: each starts with one digit (see
//!   `encode`), the number of UTF-16 units it shares with the previous word,
//!   or term.
//! - A page's title and text are streams of vocabulary numbers: the text is
//!   stored once, compactly, and serves both matching and snippets. A single
//!   space between two words is implied; other whitespace is collapsed.
//!   Each number is written in printable ASCII digits (see `encode`): the 64
//!   most frequent entries take one character, the next 1,728 two, and so
//!   on. Pages are split into words and streams once (see `vocab`).
//! - `sections` is `[position, id, ...]`: the stream position where each
//!   section of the table of contents starts, so that a result links to the
//!   section of its snippet.
//! - `lang`/`dir` are set on pages and publications shown in another
//!   language (fallbacks).
//!
//! Everything is sorted (frequency, then bytes; pages in site order), so the
//! bytes are the same on every run and thread count.

use super::encode::{CONT, FINAL, encode, front_code, json_str};
use super::normalise::{is_word_char, normalise};
use super::vocab::{FxMap, Split};
use crate::content::model::{DocId, Site};
use crate::markdown::{Rendered, links};
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::HashMap;

/// One language's index, ready to write.
pub struct SearchIndex {
    pub lang: usize,
    /// Output path: `<lang>/search-index.js`.
    pub path: String,
    pub bytes: Vec<u8>,
    /// Plain text indexed (titles and page text), in bytes.
    pub text_bytes: usize,
    pub pages: usize,
}

/// File name of the index inside a language folder.
pub const INDEX_FILE: &str = "search-index.js";

/// Builds the index of every language, in parallel. Each document is split
/// into words once, whichever language trees show it.
pub fn build(site: &Site, rendered: &[Rendered]) -> Vec<SearchIndex> {
    let split: Vec<Split> = (0..site.docs.len())
        .into_par_iter()
        .map(|d| Split::new(site.docs[d].title(), &rendered[d]))
        .collect();
    (0..site.config.languages.len())
        .into_par_iter()
        .map(|l| language(site, &split, l))
        .collect()
}

/// A language's pages in site order, with the document each shows.
fn language(site: &Site, split: &[Split], l: usize) -> SearchIndex {
    let code = &site.config.languages[l].code;
    let pages: Vec<(usize, Option<DocId>)> = site
        .nodes
        .iter()
        .enumerate()
        .map(|(n, node)| (n, node.doc_for(l)))
        .collect();
    // A page without any document (not expected) is indexed by its slug.
    let empty = Rendered::default();
    let orphans: HashMap<usize, Split> = pages
        .iter()
        .filter(|(_, d)| d.is_none())
        .map(|&(n, _)| (n, Split::new(&site.nodes[n].slug, &empty)))
        .collect();
    let split_of = |n: usize, d: Option<DocId>| -> &Split {
        match d {
            Some(d) => &split[d],
            None => &orphans[&n],
        }
    };

    // The language's vocabulary: each document's entries mapped to one
    // numbering, with total counts.
    let mut ids: FxMap<&str, u32> = FxMap::default();
    let mut vocab: Vec<(&str, u32)> = Vec::new();
    let mut maps: Vec<Vec<u32>> = Vec::with_capacity(pages.len());
    let mut text_bytes = 0;
    for &(n, d) in &pages {
        let s = split_of(n, d);
        text_bytes += s.text_bytes;
        let map = s
            .vocab
            .iter()
            .map(|(t, count)| {
                let id = *ids.entry(t.as_ref()).or_insert_with(|| {
                    vocab.push((t.as_ref(), 0));
                    vocab.len() as u32 - 1
                });
                vocab[id as usize].1 += count;
                id
            })
            .collect();
        maps.push(map);
    }
    // Search terms, made once per distinct word (None: a separator).
    let terms: Vec<Option<Cow<str>>> = vocab
        .par_iter()
        .map(|&(surface, _)| {
            let word = surface.chars().next().is_some_and(is_word_char);
            word.then(|| {
                let term = normalise(surface);
                if term == surface {
                    Cow::Borrowed(surface)
                } else {
                    Cow::Owned(term)
                }
            })
        })
        .collect();
    // Most frequent first: the first 64 entries get one-character codes,
    // the next 1,728 two, and so on. Inside each such band the order costs
    // nothing, so there entries are sorted (separators, then words by term
    // and spelling) for front coding. Ties by bytes: deterministic.
    let mut order: Vec<u32> = (0..vocab.len() as u32).collect();
    order.par_sort_unstable_by(|&a, &b| {
        let (sa, ca) = vocab[a as usize];
        let (sb, cb) = vocab[b as usize];
        cb.cmp(&ca).then_with(|| sa.cmp(sb))
    });
    let (mut start, mut width) = (0, FINAL as usize);
    while start < order.len() {
        let end = order.len().min(start + width);
        order[start..end]
            .sort_unstable_by_key(|&id| (terms[id as usize].as_deref(), vocab[id as usize].0));
        start = end;
        width = width.saturating_mul(CONT as usize);
    }
    let mut rank = vec![0u32; vocab.len()];
    for (r, &id) in order.iter().enumerate() {
        rank[id as usize] = r as u32;
    }

    // The pages, each encoded in parallel.
    let pub_index: HashMap<usize, usize> = site
        .publications
        .iter()
        .enumerate()
        .map(|(i, &p)| (p, i))
        .collect();
    let lang_attrs = |d: Option<DocId>| -> Option<(&str, &str)> {
        let shown = d.map(|d| site.docs[d].file.lang)?;
        (shown != l).then(|| {
            let lang = &site.config.languages[shown];
            (lang.code.as_str(), lang.dir.as_str())
        })
    };
    let docs: Vec<String> = pages
        .par_iter()
        .zip(maps.par_iter())
        .map(|(&(n, d), map)| {
            let s = split_of(n, d);
            let node = &site.nodes[n];
            let publication = &site.nodes[node.publication];
            let path = node
                .url
                .strip_prefix(publication.out_dir())
                .unwrap_or(&node.url);
            let mut out = String::with_capacity(s.body.len() + 64);
            out.push('[');
            out.push_str(
                &pub_index
                    .get(&node.publication)
                    .copied()
                    .unwrap_or(0)
                    .to_string(),
            );
            out.push(',');
            json_str(&mut out, &links::encode_path(path));
            out.push_str(",\"");
            encode(&mut out, &s.title, map, &rank);
            out.push_str("\",\"");
            encode(&mut out, &s.body, map, &rank);
            out.push_str("\",[");
            for (i, (pos, id)) in s.sections.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&pos.to_string());
                out.push(',');
                json_str(&mut out, id);
            }
            out.push(']');
            if let Some((lang, dir)) = lang_attrs(d) {
                out.push(',');
                json_str(&mut out, lang);
                out.push(',');
                json_str(&mut out, dir);
            }
            out.push(']');
            out
        })
        .collect();

    let mut js = String::with_capacity(docs.iter().map(String::len).sum::<usize>() + 64 * 1024);
    js.push_str("window.fieldguideSearch={\"v\":1,\"lang\":");
    json_str(&mut js, code);
    js.push_str(",\"f\":");
    json_str(&mut js, super::normalise::FOLD_TABLE);
    js.push_str(",\"pubs\":[");
    for (i, &p) in site.publications.iter().enumerate() {
        if i > 0 {
            js.push(',');
        }
        js.push('[');
        json_str(&mut js, site.title(p, l));
        js.push(',');
        json_str(&mut js, &links::encode_path(site.nodes[p].out_dir()));
        if let Some((lang, dir)) = lang_attrs(site.nodes[p].doc_for(l)) {
            js.push(',');
            json_str(&mut js, lang);
            js.push(',');
            json_str(&mut js, dir);
        }
        js.push(']');
    }
    // Separators with their numbers; words and their terms front-coded.
    js.push_str("],\"s\":[");
    let mut words = String::new();
    let mut word_terms = String::new();
    let (mut prev_word, mut prev_term) = ("", "");
    let mut first_sep = true;
    for (r, &id) in order.iter().enumerate() {
        let surface = vocab[id as usize].0;
        match &terms[id as usize] {
            None => {
                if !first_sep {
                    js.push(',');
                }
                first_sep = false;
                js.push('[');
                js.push_str(&r.to_string());
                js.push(',');
                json_str(&mut js, surface);
                js.push(']');
            }
            Some(term) => {
                if !words.is_empty() {
                    words.push(' ');
                    word_terms.push(' ');
                }
                front_code(&mut words, prev_word, surface);
                if term.as_ref() != surface {
                    front_code(&mut word_terms, prev_term, term);
                }
                prev_word = surface;
                prev_term = term;
            }
        }
    }
    js.push_str("],\"w\":");
    json_str(&mut js, &words);
    js.push_str(",\"t\":");
    json_str(&mut js, &word_terms);
    js.push_str(",\"docs\":[");
    for (i, d) in docs.iter().enumerate() {
        if i > 0 {
            js.push_str(",\n");
        }
        js.push_str(d);
    }
    js.push_str("]};\n");
    SearchIndex {
        lang: l,
        path: format!("{code}/{INDEX_FILE}"),
        bytes: js.into_bytes(),
        text_bytes,
        pages: pages.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::encode::decode;

    /// Reads an index back as search.js does: (words, terms, is word).
    fn vocabulary(idx: &serde_json::Value) -> Vec<(String, String, bool)> {
        let digit = |c: char| {
            let d = c as u32 - 35;
            (if d > 57 { d - 1 } else { d }) as usize
        };
        let units = |s: &str, n: usize| -> String {
            let v: Vec<u16> = s.encode_utf16().take(n).collect();
            String::from_utf16(&v).unwrap()
        };
        let words: Vec<&str> = match idx["w"].as_str().unwrap() {
            "" => Vec::new(),
            w => w.split(' ').collect(),
        };
        let terms: Vec<&str> = idx["t"].as_str().unwrap().split(' ').collect();
        let seps = idx["s"].as_array().unwrap();
        let (mut out, mut k, mut j) = (Vec::new(), 0, 0);
        let (mut w, mut t) = (String::new(), String::new());
        while j < words.len() || k < seps.len() {
            if k < seps.len() && seps[k][0].as_u64() == Some(out.len() as u64) {
                out.push((
                    seps[k][1].as_str().unwrap().to_string(),
                    String::new(),
                    false,
                ));
                k += 1;
                continue;
            }
            let e = words[j];
            let first = e.chars().next().unwrap();
            w = units(&w, digit(first)) + &e[1..];
            t = match terms[j] {
                "" => w.clone(),
                e => units(&t, digit(e.chars().next().unwrap())) + &e[1..],
            };
            j += 1;
            out.push((w.clone(), t.clone(), true));
        }
        out
    }

    #[test]
    fn an_index_reads_back_to_the_pages_text() {
        let opts = crate::pipeline::Options {
            source: std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/basic"),
            ..Default::default()
        };
        let Ok(a) = crate::pipeline::analyse(&opts) else {
            panic!("the fixture does not load");
        };
        let indexes = build(&a.site, &a.rendered);
        assert_eq!(indexes.len(), a.site.config.languages.len());
        for index in &indexes {
            let js = std::str::from_utf8(&index.bytes).unwrap();
            let json = js
                .strip_prefix("window.fieldguideSearch=")
                .and_then(|s| s.strip_suffix(";\n"))
                .unwrap();
            let idx: serde_json::Value = serde_json::from_str(json).unwrap();
            assert_eq!(idx["f"], super::super::normalise::FOLD_TABLE);
            let vocab = vocabulary(&idx);
            for (w, t, word) in &vocab {
                if *word {
                    assert_eq!(*t, normalise(w), "{w}");
                }
            }
            let docs = idx["docs"].as_array().unwrap();
            assert_eq!(docs.len(), a.site.nodes.len());
            for (n, d) in docs.iter().enumerate() {
                let node = &a.site.nodes[n];
                let shown = node.doc_for(index.lang).unwrap();
                let read = |s: &str| {
                    let mut out = String::new();
                    let mut prev = false;
                    for id in decode(s) {
                        let (w, _, word) = &vocab[id as usize];
                        if *word && prev {
                            out.push(' ');
                        }
                        out.push_str(w);
                        prev = *word;
                    }
                    out
                };
                assert_eq!(read(d[2].as_str().unwrap()), a.site.docs[shown].title());
                let text = &a.rendered[shown].text;
                let squashed = text.split_whitespace().collect::<Vec<_>>().join(" ");
                assert_eq!(read(d[3].as_str().unwrap()).trim_end(), squashed);
                // Fallback pages carry their language.
                let fallback = a.site.docs[shown].file.lang != index.lang;
                assert_eq!(d.get(5).is_some(), fallback, "{}", node.url);
            }
        }
    }
}
