//! Offline search: one index per language, written as a script
//! (`<lang>/search-index.js`) so that it loads from `file://` as well as
//! from a server, and read by `templates/static/search.js` on the
//! language's results page (`<lang>/search.html`).
//!
//! Words are split and normalised by `normalise` at build time; the browser
//! normalises queries with the same rules. See `index` for the format of
//! the file, `vocab` for how pages are split into words once, and `encode`
//! for how numbers and words are written compactly.

mod encode;
pub mod index;
pub mod normalise;
mod vocab;

pub use index::{SearchIndex, build};

/// A language's index size, for the build summary.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Summary {
    pub code: String,
    pub pages: usize,
    /// Bytes of `<lang>/search-index.js`.
    pub index_bytes: usize,
    /// Bytes of plain text indexed (titles and page text).
    pub text_bytes: usize,
}

/// Builds every language's index: the files to write and their sizes.
pub fn files(
    site: &crate::content::model::Site,
    rendered: &[crate::markdown::Rendered],
) -> (Vec<crate::output::OutputFile>, Vec<Summary>) {
    build(site, rendered)
        .into_iter()
        .map(|i| {
            let summary = Summary {
                code: site.config.languages[i.lang].code.clone(),
                pages: i.pages,
                index_bytes: i.bytes.len(),
                text_bytes: i.text_bytes,
            };
            (crate::output::OutputFile::owned(i.path, i.bytes), summary)
        })
        .unzip()
}
