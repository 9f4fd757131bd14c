//! The search index of each language, written as a script.
//!
//! `<lang>/search-index.js` assigns one JSON object to
//! `window.fieldguideSearch`:
//!
//! ```text
//! {"v":2,"lang":"fr","f":"a=àá... ا=أإآٱ ...","a":1 (Hausa only),
//!  "r":{"e":[...],"g":0,"i":[...],"p":[...],"q":[...],"s":[...]},
//!  "pubs":[[title, folder, lang?, dir?], ...],
//!  "s":[[number, separator], ...],
//!  "w":"words", "t":"terms and groups",
//!  "docs":[[pub, path, title, text, sections, lang?, dir?], ...]}
//! ```
//!
//! - `f` is `normalise::FOLD_TABLE`: search.js folds queries with the same
//!   table as the index was made with; `a`, in a language that writes
//!   letters joined by an apostrophe as one word (see
//!   `normalise::apostrophe_words`), says to split queries so. `r` holds the
//!   language's affix rules (see `affix`), with which search.js finds what a
//!   query word not in the vocabulary may stand for.
//! - The vocabulary: every distinct word and separator (the text between
//!   words) of the language's pages, numbered. `s` lists the separators with
//!   their numbers; `w` holds the words, in order, for the numbers left,
//!   separated by spaces. `t` gives each word's search term (see
//!   `normalise`), also separated by spaces: empty when the term is the word
//!   itself; then, when the word belongs to a group of forms (see `stem`)
//!   whose key is not the term, `!` and the key coded against the term (see
//!   `encode::group_code`). Terms and groups are made here, once; the
//!   browser only normalises queries.
//!   Words and terms are front-coded: each starts with one digit (see
//!   `encode`), the number of UTF-16 units it shares with the previous word,
//!   or term.
//! - A page's title and text are streams of vocabulary numbers: the text is
//!   stored once, compactly, and serves matching, ranking and snippets. A
//!   single space between two words is implied, unless one is a unit of a
//!   script written without spaces (`normalise::is_unit`); other whitespace
//!   is collapsed. Each number is written in printable ASCII digits (see
//!   `encode`): the 64 most frequent entries take one character, the next
//!   1,728 two, and so on.
//! - `sections` is `[position, id, length, ...]`: the stream position where
//!   each heading of the table of contents starts, its id, and how many
//!   entries it covers, so that matches in headings rank higher and a result
//!   links to the section of its snippet.
//! - `lang`/`dir` are set on pages and publications shown in another
//!   language (fallbacks).
//!
//! Everything is sorted (frequency, then bytes; pages in site order), so the
//! bytes are the same on every run and thread count.

use super::encode::{front_code, group_code, json_str};
use crate::config::LangId;
use crate::content::model::{DocId, NodeId, Site};
use crate::markdown::links;

/// File name of the index inside a language folder.
pub const INDEX_FILE: &str = "search-index.js";

/// A vocabulary entry, in index order.
pub(super) struct Entry<'a> {
    pub text: &'a str,
    /// None for a separator.
    pub term: Option<&'a str>,
    /// The word's group key, when it is not its term.
    pub group: Option<&'a str>,
}

/// A page, its streams already written.
pub(super) struct IndexPage<'a> {
    pub node: NodeId,
    pub title: std::borrow::Cow<'a, str>,
    pub body: std::borrow::Cow<'a, str>,
    pub sections: &'a [(u32, Box<str>, u32)],
}

/// `lang` and `dir` of a page shown in another language than the tree's.
fn lang_attrs(site: &Site, l: LangId, d: Option<DocId>) -> Option<(&str, &str)> {
    let shown = d.map(|d| site.docs[d].file.lang)?;
    (shown != l).then(|| {
        let lang = &site.config.languages[shown];
        (lang.code.as_str(), lang.dir.as_str())
    })
}

fn push_lang(out: &mut String, attrs: Option<(&str, &str)>) {
    if let Some((lang, dir)) = attrs {
        out.push(',');
        json_str(out, lang);
        out.push(',');
        json_str(out, dir);
    }
}

/// The file up to its pages: what comes before them, its vocabulary
/// included. [`docs`] writes the pages after it, a few at a time, and
/// [`TAIL`] ends the file: it is never held whole.
pub(super) fn head(site: &Site, l: LangId, entries: &[Entry], stop: &[&str]) -> String {
    let code = &site.config.languages[l].code;
    // Room for it all at once: growing would copy the vocabulary.
    let words = entries.iter().map(|e| e.text.len() * 2 + 16).sum::<usize>();
    let mut js = String::with_capacity(words + 64 * 1024);
    js.push_str("window.fieldguideSearch={\"v\":2,\"lang\":");
    json_str(&mut js, code);
    js.push_str(",\"f\":");
    json_str(&mut js, super::normalise::FOLD_TABLE);
    if super::normalise::apostrophe_words(code) {
        js.push_str(",\"a\":1");
    }
    js.push_str(",\"r\":");
    js.push_str(&super::affix::json(super::affix::rules(code), stop));
    js.push_str(",\"pubs\":[");
    for (i, &p) in site.publications.iter().enumerate() {
        if i > 0 {
            js.push(',');
        }
        js.push('[');
        json_str(&mut js, site.title(p, l));
        js.push(',');
        json_str(&mut js, &links::encode_path(site.nodes[p].out_dir()));
        push_lang(&mut js, lang_attrs(site, l, site.nodes[p].doc_for(l)));
        js.push(']');
    }
    js.push_str("],");
    vocabulary(&mut js, entries);
    js.push_str(",\"docs\":[");
    js
}

/// Pages of the file, after [`head`] (`first`: the first of them).
pub(super) fn docs(out: &mut String, site: &Site, l: LangId, pages: &[IndexPage], first: bool) {
    for (i, page) in pages.iter().enumerate() {
        if i > 0 || !first {
            out.push_str(",\n");
        }
        doc(out, site, l, page);
    }
}

/// The end of the file, after its pages.
pub(super) const TAIL: &str = "]};\n";

/// `"s"`, `"w"` and `"t"`: separators with their numbers; words, and their
/// terms and groups, front-coded.
fn vocabulary(js: &mut String, entries: &[Entry]) {
    js.push_str("\"s\":[");
    let mut words = String::new();
    let mut word_terms = String::new();
    let (mut prev_word, mut prev_term) = ("", "");
    let mut first_sep = true;
    for (r, e) in entries.iter().enumerate() {
        let Some(term) = e.term else {
            if !first_sep {
                js.push(',');
            }
            first_sep = false;
            js.push('[');
            js.push_str(&r.to_string());
            js.push(',');
            json_str(js, e.text);
            js.push(']');
            continue;
        };
        if !words.is_empty() {
            words.push(' ');
            word_terms.push(' ');
        }
        front_code(&mut words, prev_word, e.text);
        if term != e.text {
            front_code(&mut word_terms, prev_term, term);
        }
        if let Some(group) = e.group {
            group_code(&mut word_terms, term, group);
        }
        prev_word = e.text;
        prev_term = term;
    }
    js.push_str("],\"w\":");
    json_str(js, &words);
    js.push_str(",\"t\":");
    json_str(js, &word_terms);
}

/// One page: `[pub, path, title, text, sections, lang?, dir?]`.
fn doc(out: &mut String, site: &Site, l: LangId, page: &IndexPage) {
    let node = &site.nodes[page.node];
    let publication = &site.nodes[node.publication];
    let path = node
        .url
        .strip_prefix(publication.out_dir())
        .unwrap_or(&node.url);
    let pub_index = site
        .publications
        .iter()
        .position(|&p| p == node.publication)
        .unwrap_or(0);
    out.push('[');
    out.push_str(&pub_index.to_string());
    out.push(',');
    json_str(out, &links::encode_path(path));
    out.push_str(",\"");
    out.push_str(&page.title);
    out.push_str("\",\"");
    out.push_str(&page.body);
    out.push_str("\",[");
    for (i, (pos, id, len)) in page.sections.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&pos.to_string());
        out.push(',');
        json_str(out, id);
        out.push(',');
        out.push_str(&len.to_string());
    }
    out.push(']');
    push_lang(out, lang_attrs(site, l, node.doc_for(l)));
    out.push(']');
}

#[cfg(test)]
mod tests {
    use crate::search::encode::decode;
    use crate::search::normalise::normalise;

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
            // The term, before any group code.
            let term_code = terms[j].split('!').next().unwrap();
            t = match term_code {
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
        let (files, summaries) = crate::search::files(&a.site, &a.rendered);
        assert_eq!(files.len(), a.site.config.languages.len());
        for (lang, file) in a.site.config.lang_ids().zip(&files) {
            assert_eq!(
                file.path,
                format!("{}/search-index.js", summaries[lang].code)
            );
            let js = std::str::from_utf8(file.bytes.as_ref()).unwrap();
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
                let shown = node.doc_for(lang).unwrap();
                let read = |s: &str| {
                    let mut out = String::new();
                    let mut prev: Option<&str> = None;
                    for id in decode(s) {
                        let (w, _, word) = &vocab[id as usize];
                        let unit = crate::search::normalise::is_unit;
                        if *word && prev.is_some_and(|p| !unit(p)) && !unit(w) {
                            out.push(' ');
                        }
                        out.push_str(w);
                        prev = word.then_some(w.as_str());
                    }
                    out
                };
                assert_eq!(read(d[2].as_str().unwrap()), a.site.docs[shown].title());
                // The summary first, as a sentence of the text.
                let doc = &a.site.docs[shown];
                let summary = doc.fm.summary.as_deref().map_or(String::new(), |s| {
                    format!("{s}{} ", if s.ends_with('.') { "" } else { "." })
                });
                let text = summary + &a.rendered[shown].text;
                // Whitespace squashed: a line break (a block's end) kept.
                let squashed: String = text
                    .split(|c: char| c.is_whitespace() && c != '\n')
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ")
                    .split('\n')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join("\n");
                assert_eq!(read(d[3].as_str().unwrap()).trim_end(), squashed);
                // Fallback pages carry their language.
                let fallback = a.site.docs[shown].file.lang != lang;
                assert_eq!(d.get(5).is_some(), fallback, "{}", node.url);
            }
        }
    }
}
