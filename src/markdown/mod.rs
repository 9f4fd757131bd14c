//! Markdown to HTML: pulldown-cmark events, transformed on the way through.
//!
//! Here heading ids are made (Unicode slugs, unique per page), links are
//! rewritten to pages and files, footnote ids are prefixed, GitHub alerts
//! become labelled callouts, untrusted raw HTML is neutralised, and the
//! table of contents and plain text are collected. Each document is
//! rendered once, whatever the number of languages that show it.
//!
//! `events` drives the loop; `elements` (headings, tasks, footnotes),
//! `linking` (links and images), `bidi` and `raw_html` handle the pieces;
//! `state` holds what is in flight; `links` resolves destinations.

mod bidi;
mod edition;
mod elements;
mod events;
mod linking;
pub mod links;
pub mod raw_html;
mod state;
mod values;

pub use bidi::number_runs;
use events::{finish, handle};
use state::State;

use crate::content::model::{DocId, NodeId, Site};
use crate::diagnostics::Diagnostic;
use crate::slug::UniqueIds;
use pulldown_cmark::{Options as MdOptions, Parser};
use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

/// Interface words that end up inside rendered content, in the document's language.
#[derive(Debug, Clone, Default)]
pub struct Labels {
    pub note: String,
    pub tip: String,
    pub important: String,
    pub warning: String,
    pub caution: String,
    pub footnotes: String,
    pub back_to_text: String,
    /// Accessible name of a table's scrolling box.
    pub table: String,
    /// Before the label of a local value not filled in (`{{hotline}}`).
    pub to_fill_in: String,
}

pub struct Options<'a> {
    pub allow_raw_html: bool,
    pub labels: &'a Labels,
    /// Task-list items become tickable checkboxes (checklist publications).
    pub interactive_tasks: bool,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct TocEntry {
    pub level: u8,
    pub id: String,
    pub title: String,
}

/// A link to another page, kept so the check step can verify its anchor.
#[derive(Debug, Clone)]
pub struct PageLink {
    pub node: NodeId,
    pub lang: Option<usize>,
    pub fragment: String,
    /// Byte offset in the file, for the message.
    pub offset: usize,
}

#[derive(Debug, Default)]
pub struct Rendered {
    pub html: String,
    pub toc: Vec<TocEntry>,
    pub ids: HashSet<String>,
    pub page_links: Vec<PageLink>,
    /// Plain text, for search and summaries.
    pub text: String,
    /// Number of task-list items (checkboxes).
    pub tasks: usize,
    pub diagnostics: Vec<Diagnostic>,
}

pub fn md_options() -> MdOptions {
    // Listed one by one: `Options::all()` would turn on the old footnote
    // syntax and features we do not support.
    MdOptions::ENABLE_TABLES
        | MdOptions::ENABLE_FOOTNOTES
        | MdOptions::ENABLE_STRIKETHROUGH
        | MdOptions::ENABLE_TASKLISTS
        | MdOptions::ENABLE_HEADING_ATTRIBUTES
        | MdOptions::ENABLE_GFM
}

/// Renders one document.
pub fn render(site: &Site, doc_id: DocId, opts: &Options) -> Rendered {
    crate::crash::working_on(&site.docs[doc_id].file.rel, || {
        render_doc(site, doc_id, opts)
    })
}

fn render_doc(site: &Site, doc_id: DocId, opts: &Options) -> Rendered {
    let doc = &site.docs[doc_id];
    let body = doc.body();
    let mut st = State {
        site,
        doc: doc_id,
        opts,
        text_src: &doc.file.text,
        body_offset: doc.body_offset,
        lines: OnceLock::new(),
        out: Vec::with_capacity(body.len() / 8),
        frames: Vec::new(),
        links: Vec::new(),
        ids: UniqueIds::default(),
        footnotes: BTreeMap::new(),
        footnote_order: Vec::new(),
        r: Rendered::default(),
        same_page: Vec::new(),
        raw_warned_lines: HashSet::new(),
        rtl: site.config.languages[doc.file.lang].dir == crate::config::Direction::Rtl,
        last_level: 1,
    };
    st.r.text.reserve(body.len());
    for (event, range) in Parser::new_ext(body, md_options()).into_offset_iter() {
        handle(&mut st, event, range.start);
    }
    finish(st)
}

/// Escapes text for an HTML attribute or text node.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn render_one(body: &str) -> Rendered {
        let (config, _) = crate::config::parse(
            "title: T\ndefault_language: en\nlanguages: [en]\n",
            Path::new("site.yaml"),
        );
        let chapter = format!("---\ntitle: C\n---\n{body}");
        let files = [
            ("pub/index.md", "---\ntitle: P\n---\n"),
            ("pub/01-c.md", chapter.as_str()),
        ];
        let mut diags = Vec::new();
        let site = crate::content::build::from_memory(config.unwrap(), &files, &mut diags);
        let labels = Labels::default();
        let opts = Options {
            allow_raw_html: false,
            labels: &labels,
            interactive_tasks: true,
        };
        let d = (0..site.docs.len())
            .find(|&d| site.docs[d].file.stem == "01-c")
            .unwrap();
        render(&site, d, &opts)
    }

    #[test]
    fn plain_text_separates_blocks() {
        let r = render_one("- [ ] Check documents.\n  - [ ] Note the date\n");
        let words: Vec<&str> = r.text.split_whitespace().collect();
        assert_eq!(words, ["Check", "documents.", "Note", "the", "date"]);
    }

    #[test]
    fn footnote_and_heading_ids_never_clash() {
        let r = render_one("Text.[^a]\n\n## fn-a-ref\n\n## fn-a\n\n[^a]: Note.\n");
        let mut ids: Vec<&String> = r.ids.iter().collect();
        ids.sort();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n);
        // The note came first and keeps `fn-a`; the heading gets another id.
        assert!(r.html.contains("<h2 id=\"fn-a-1\">fn-a</h2>"), "{}", r.html);
        assert!(
            r.html.contains("<h2 id=\"fn-a-ref-1\">fn-a-ref</h2>"),
            "{}",
            r.html
        );
    }
}
