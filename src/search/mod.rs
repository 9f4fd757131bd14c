//! Offline search: one index per language, written as a script
//! (`<lang>/search-index.js`) so that it loads from `file://` as well as
//! from a server, and read by `templates/static/search.js` on the
//! language's results page (`<lang>/search.html`).
//!
//! Words are split and normalised by `normalise` at build time; the browser
//! normalises queries with the same rules. Each word also gets a group of
//! forms (`stem`), and the index carries the language's light affix rules
//! (`affix`), so that the browser finds word forms without a stemmer of its
//! own; misspellings are matched in the browser, against the vocabulary.
//! [`IndexBuilder`] makes a language's index page by page (`builder`);
//! `index` writes the file, `vocab` splits pages into words (`intern`
//! holds its hash maps), and `encode` writes numbers and words compactly.

pub mod affix;
mod amharic;
mod builder;
mod edit;
mod encode;
mod english;
mod german;
mod hausa;
mod hausa_forms;
pub mod index;
mod indic;
mod indonesian;
mod intern;
mod italian;
pub mod normalise;
mod numbers;
mod pashto;
mod persian;
mod polish;
mod portuguese;
mod pronouns;
mod romanian;
mod rule_set;
mod rules;
mod russian;
mod somali;
mod spanish;
mod spool;
mod stem;
mod stop;
mod stream;
mod swahili;
mod tagalog;
mod turkish;
mod ukrainian;
mod varint;
mod vocab;

pub use builder::{IndexBuilder, IndexState, PageText};
pub use edit::{editable, update};
pub use index::INDEX_FILE;
pub use vocab::PageWords;

use crate::config::LangId;
use crate::content::model::{DocId, Site};
use crate::markdown::Rendered;
use crate::output::OutputFile;
use rayon::prelude::*;

/// A language's index size, for the build summary.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Summary {
    pub code: String,
    pub pages: usize,
    /// Bytes of `<lang>/search-index.js`.
    pub index_bytes: usize,
    /// Bytes of plain text indexed (titles, summaries and page text).
    pub text_bytes: usize,
}

/// Builds every language's index from the rendered documents: the files to
/// write and their sizes. Each document is split into words once, whichever
/// language trees show it; then each language's builder takes its pages.
pub fn files(site: &Site, rendered: &[Rendered]) -> (Vec<OutputFile>, Vec<Summary>) {
    let all: Vec<LangId> = site.config.lang_ids().collect();
    indexes(site, &words(site, rendered), &all)
}

/// Each document's words, split in parallel (once, whichever language
/// trees show the document).
pub fn words<'a>(site: &'a Site, rendered: &'a [Rendered]) -> Vec<PageWords<'a>> {
    (0..site.docs.len())
        .into_par_iter()
        .map(DocId)
        .map(|d| PageWords::of_doc(site, d, &rendered[d].toc, &rendered[d].text))
        .collect()
}

/// The indexes of the languages `langs`, from each document's words.
pub fn indexes(
    site: &Site,
    words: &[PageWords],
    langs: &[LangId],
) -> (Vec<OutputFile>, Vec<Summary>) {
    langs
        .par_iter()
        .map(|&l| {
            let mut builder = IndexBuilder::new(site, l);
            add_pages(&mut builder, site, l, words);
            let path = builder.path();
            let mut js = Vec::new();
            let summary = builder
                .finish(&mut js)
                .expect("an index kept in memory and written to memory cannot fail");
            (OutputFile::owned(path, js), summary)
        })
        .unzip()
}

/// Every page of language `l`'s tree, in site order, from each document's
/// words.
fn add_pages(builder: &mut IndexBuilder, site: &Site, l: LangId, words: &[PageWords]) {
    for (n, node) in site.node_ids().zip(&site.nodes) {
        match node.doc_for(l) {
            Some(d) => builder.add_words(n, &words[d.0]),
            // A page without any document (not expected) is found
            // by its slug.
            None => builder.add(PageText {
                node: n,
                title: &node.slug,
                headings: &[],
                text: "",
            }),
        }
    }
}
