//! Markdown to HTML: pulldown-cmark events, transformed on the way through.
//!
//! Here heading ids are made (GitHub's rule, unique per page), links are
//! rewritten to pages and files, footnote ids are prefixed, GitHub alerts
//! become labelled callouts, raw HTML is sanitised, and the table of
//! contents and plain text are collected. Each document is rendered once,
//! whatever the number of languages that show it.
//!
//! `events` drives the loop and `write` finishes the page; `elements`
//! (headings, tasks, footnotes), `link_html` (`<a>` and `<img>`), `bidi`,
//! `lint`, `lost` (what CommonMark drops silently), `raw_html`, `word` (Word's own markup) and `pandoc_raw` (pandoc's `{=html}` blocks) handle the pieces; `state` holds what is in
//! flight; `resolve` finds link targets (with `hints` for missing ones);
//! `html_policy` says what raw HTML keeps; `plain` collects the text;
//! `values` fills in local values (`{{hotline}}`) and `edition` finds
//! links to pages a local edition omits.

mod bidi;
mod callout_words;
mod conflict;
mod dialect_state;
mod dialects;
mod edition;
mod elements;
mod events;
mod hints;
mod html_policy;
/// HTML split into tokens as a browser does (raw text in `<script>`,
/// `<style>`, `<title>`...), each with its line: for the templates' checks.
pub(crate) use html_policy::tokens as html_tokens;
mod link_html;
mod lint;
mod lost;
mod myst;
mod notes;
mod other_tools;
mod pandoc_raw;
mod placeholder;
mod plain;
mod print_address;
mod raw_html;
pub mod resolve;
mod state;
pub(crate) mod values;
mod word;
mod write;

/// The URL helpers, under the name they had when they lived here.
pub use crate::url as links;
pub use bidi::number_runs;
pub use state::definition_note;

use crate::config::LangId;
use crate::content::model::{DocId, NodeId, Site};
use crate::diagnostics::Diagnostic;
use crate::slug::{UniqueIds, loose_key};
use pulldown_cmark::{Event, Options as MdOptions, Parser, Tag, TagEnd};
use state::{RawState, State};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ops::Range;
use std::sync::OnceLock;

/// An interface word shown as text inside content: the word, and the
/// ` lang="…" dir="…"` its element needs when it is in another language
/// than the document (its own string is missing), else nothing.
#[derive(Debug, Clone, Default)]
pub struct Label {
    pub text: String,
    pub attrs: String,
}

impl From<&str> for Label {
    fn from(text: &str) -> Label {
        Label {
            text: text.to_string(),
            attrs: String::new(),
        }
    }
}

/// Interface words that end up inside rendered content, in the document's language.
#[derive(Debug, Clone, Default)]
pub struct Labels {
    pub note: Label,
    pub tip: Label,
    pub important: Label,
    pub warning: Label,
    pub caution: Label,
    pub footnotes: Label,
    pub back_to_text: String,
    /// Accessible name of a table's scrolling box.
    pub table: String,
    /// Shown in the box that replaces an image that cannot be shown.
    pub missing_image: Label,
    /// Before the label of a local value not filled in (`{{hotline}}`).
    pub to_fill_in: Label,
    /// Ids the theme's templates use on every page (`main`): a heading
    /// gets another, raw HTML may not take them.
    pub theme_ids: std::sync::Arc<[String]>,
}

pub struct Options<'a> {
    pub allow_raw_html: bool,
    pub labels: &'a Labels,
    /// Task-list items become tickable checkboxes (checklist publications).
    pub interactive_tasks: bool,
    /// Look for the usual mistakes (Word bullets, spaces in link targets):
    /// when the site is checked, not when a checked document is rendered
    /// again for its pages (those warnings were given already).
    pub lint: bool,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct TocEntry {
    pub level: u8,
    pub id: String,
    pub title: String,
}

/// A link to another page, kept so the check step can verify its anchor.
/// Kept for every such link of the site until the check is done: compact
/// (72 bytes, against 112 with `usize` places; 30,000 pages of six anchor
/// links each made it 27 MB of a build's peak).
#[derive(Debug, Clone)]
pub struct PageLink {
    pub node: NodeId,
    pub lang: Option<LangId>,
    pub fragment: Box<str>,
    /// Where it is in the file (line 1-based, column in characters), for
    /// the message: found while the text is at hand, so that the check
    /// needs no text.
    pub line: u32,
    pub col: u32,
    /// The line of the link definition its target comes from, if any.
    pub definition: Option<u32>,
    /// Where its tags are in `Rendered::html` (the `<a ...>`'s start and
    /// end, the `</a>`'s start), so that it can be published as text if
    /// the anchor is missing (`broken_links: warning`): see [`PageLink::span`].
    pub tags: Option<[u32; 3]>,
}

impl PageLink {
    /// Where its tags are in `Rendered::html`.
    pub fn span(&self) -> Option<LinkSpan> {
        self.tags.map(|[start, end, close]| LinkSpan {
            open: start as usize..end as usize,
            close: close as usize,
        })
    }
}

/// The byte ranges of a link's `<a ...>` and of its `</a>` in a page's HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkSpan {
    pub open: Range<usize>,
    /// Start of the 4-byte `</a>`.
    pub close: usize,
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
    /// The files of `guidance/` this page links to or shows (indices into
    /// `Site::assets`, as in `Site::asset_by_source`), sorted: only these
    /// need publishing.
    pub assets: Vec<usize>,
    /// Links to a missing page, file or anchor, and images that are missing
    /// (with `broken_links: warning`, published as text).
    pub broken_links: usize,
    pub missing_images: usize,
    /// Links to missing anchors of other pages, set by `check::links`.
    pub broken_anchors: usize,
    /// Links to missing anchors that `check::links` unlinks (`broken_links:
    /// warning`): applied to `html` with [`unlink`], now or whenever the
    /// document is rendered again for a page.
    pub unlinked: Vec<LinkSpan>,
}

/// `body` with what pages leave out as hidden blanked to spaces (Obsidian
/// and MDX comments, `%%…%%` and `{/*…*/}`; MDX `import` and `export`
/// lines; Word's tracked changes: deleted words, comments, and
/// the marks naming who inserted words), its line breaks and length
/// kept: what else reads a page's Markdown (`translate export`) sees what
/// readers see, at the same offsets. A reviewer's hidden note, or name,
/// must not reach outside translators.
pub fn without_hidden_text(body: &str) -> std::borrow::Cow<'_, str> {
    let hidden = dialects::hidden_ranges(body);
    if hidden.is_empty() {
        return std::borrow::Cow::Borrowed(body);
    }
    let mut bytes = body.as_bytes().to_vec();
    for r in hidden {
        for b in &mut bytes[r] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    }
    // Whole characters were replaced, byte by byte, by spaces.
    std::borrow::Cow::Owned(String::from_utf8(bytes).unwrap_or_default())
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
    render_text(site, doc_id, &site.docs[doc_id].file.text, opts)
}

/// Renders one document whose whole file's text is `text` (read again from
/// the disk, once a build has let the model's copy go).
pub fn render_text(site: &Site, doc_id: DocId, text: &str, opts: &Options) -> Rendered {
    crate::crash::working_on(&site.docs[doc_id].file.rel, || {
        render_doc(site, doc_id, text, opts)
    })
}

fn render_doc(site: &Site, doc_id: DocId, text: &str, opts: &Options) -> Rendered {
    let doc = &site.docs[doc_id];
    let body = &text[doc.body_offset.min(text.len())..];
    // AsciiDoc's listing blocks are read as the code blocks they are, and
    // pandoc's line blocks as their lines.
    let mut converted = dialects::convert(body);
    let (listings, line_blocks) = converted.found();
    let body: &str = &converted.text;
    let mut st = State {
        site,
        doc: doc_id,
        opts,
        text_src: text,
        body_offset: doc.body_offset,
        lines: OnceLock::new(),
        resolver: resolve::Resolver::new(site, &doc.file.dir),
        broken_links: site.config.broken_links,
        out: Vec::with_capacity(body.len() / 8),
        frames: Vec::new(),
        links: Vec::new(),
        marks: Vec::new(),
        ids: UniqueIds::reserving(&opts.labels.theme_ids),
        footnotes: BTreeMap::new(),
        footnote_order: Vec::new(),
        footnote_index: HashMap::new(),
        r: Rendered::default(),
        assets: BTreeSet::new(),
        same_page: Vec::new(),
        warned: HashSet::new(),
        counted: Vec::new(),
        counted_at: HashMap::new(),
        raw: RawState::default(),
        word: state::WordState::default(),
        dialects: state::Dialects::new(body),
        pandoc: Default::default(),
        linted_to: 0,
        row: None,
        not_definitions: HashSet::new(),
        definitions: HashMap::new(),
        link_def: None,
        depth: 0,
        in_code: false,
        rtl: site.config.languages[doc.file.lang].dir == crate::config::Direction::Rtl,
        last_level: 1,
        tracked_text: None,
    };
    st.r.text.reserve(body.len());
    dialects::converted(&mut st, listings, line_blocks);
    if let Some(at) = conflict::find(body) {
        st.error(
            at,
            "an unresolved merge conflict: both sides of it would be published".into(),
            Some("keep one side: delete the other side's lines and the `<<<<<<<`, `=======` and `>>>>>>>` lines around them (or run `git mergetool`)".into()),
        );
    }
    let mut notes = notes::Notes::new(body);
    let mut unshown = false;
    // Reference links with no definition, which the parser leaves as text.
    let mut unresolved = Vec::new();
    let parser = Parser::new_with_broken_link_callback(
        body,
        md_options(),
        Some(|link| {
            unresolved.extend(lost::unresolved(link));
            None
        }),
    );
    st.definitions = parser
        .reference_definitions()
        .iter()
        .map(|(label, def)| (label.to_lowercase(), def.span.start))
        .collect();
    for (event, range) in parser.into_offset_iter() {
        // A footnote no reader sees is left out whole (see `notes`).
        if unshown {
            unshown = !matches!(event, Event::End(TagEnd::FootnoteDefinition));
            continue;
        }
        if let Event::Start(Tag::FootnoteDefinition(label)) = &event
            && let Some((message, hint)) = notes.unshown(label)
        {
            st.warn(range.start, message, Some(&hint));
            unshown = true;
            continue;
        }
        events::handle(&mut st, event, range);
    }
    if opts.lint {
        for (span, label) in unresolved {
            lost::reference(&mut st, span, &label);
        }
    }
    write::finish(st)
}

/// Removes links from `html` (their tags, not their text): links to
/// anchors found missing once every page is rendered.
pub fn unlink(html: &mut String, spans: &[LinkSpan]) {
    let mut cuts: Vec<Range<usize>> = spans
        .iter()
        .flat_map(|s| [s.open.clone(), s.close..s.close + 4])
        .filter(|r| html.get(r.clone()).is_some())
        .collect();
    if cuts.is_empty() {
        return;
    }
    cuts.sort_by_key(|r| r.start);
    let mut out = String::with_capacity(html.len());
    let mut last = 0;
    for r in cuts {
        if r.start >= last {
            out.push_str(&html[last..r.start]);
            last = r.end;
        }
    }
    out.push_str(&html[last..]);
    *html = out;
}

/// "Did you mean `#numéros-durgence`?" for a link to a missing anchor: the
/// page's ids, by a key that ignores case, accents and punctuation.
pub struct AnchorHints {
    by_key: HashMap<String, String>,
    /// By the id pandoc gives the same heading, without its leading
    /// numbers (`1. Introduction` is `#introduction` in a document pandoc
    /// converted from Word, `#1-introduction` here, as on GitHub).
    unnumbered: HashMap<String, String>,
}

impl AnchorHints {
    pub fn new(ids: &HashSet<String>) -> Self {
        let mut sorted: Vec<&String> = ids.iter().collect();
        sorted.sort();
        let mut by_key = HashMap::new();
        let mut unnumbered = HashMap::new();
        for id in sorted {
            by_key.entry(loose_key(id)).or_insert_with(|| id.clone());
            let letters = id.trim_start_matches(|c: char| !c.is_alphabetic());
            if letters.len() < id.len() && !letters.is_empty() {
                unnumbered
                    .entry(loose_key(letters))
                    .or_insert_with(|| id.clone());
            }
        }
        AnchorHints { by_key, unnumbered }
    }

    pub fn hint(&self, fragment: &str) -> Option<String> {
        if let Some(hint) = google_docs_anchor(fragment) {
            return Some(hint);
        }
        let key = loose_key(fragment);
        if key.is_empty() {
            return None;
        }
        if let Some(id) = self.by_key.get(&key) {
            return Some(format!("did you mean `#{id}`?"));
        }
        if let Some(id) = self.unnumbered.get(&key) {
            return Some(format!(
                "did you mean `#{id}`? A heading's id keeps its leading numbers here, as on GitHub (pandoc's leave them out); or give the heading the id this link uses: `{{#{fragment}}}`"
            ));
        }
        // A heading whose id the theme takes (`main`, `toc-title`) or
        // another heading took got the next one.
        self.by_key.get(&loose_key(&format!("{fragment}-1"))).map(|id| {
            format!("did you mean `#{id}`? (`#{fragment}` was taken, by the theme or another heading)")
        })
    }
}

/// Google Docs links to its own headings and bookmarks by ids it makes
/// up, `#heading=h.2et92p0` (`#h.2et92p0` in its web page download,
/// `#bookmark=id.x1y2z3`), which its downloads do not give the headings:
/// the hint says so, and what to link to instead.
fn google_docs_anchor(fragment: &str) -> Option<String> {
    let id = fragment
        .strip_prefix("heading=")
        .or_else(|| fragment.strip_prefix("bookmark="))
        .unwrap_or(fragment);
    let code = id.strip_prefix("h.").or_else(|| id.strip_prefix("id."))?;
    let ok = (4..=16).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_alphanumeric());
    ok.then(|| {
        format!(
            "`#{fragment}` is a link to a heading or bookmark of a Google Doc, by an id Google Docs makes up and its downloads do not keep: link to the heading by its id here, made of its words (`## Safety plan` is `#safety-plan`), or give it one that says what it is, `## Safety plan {{#safety-plan}}`"
        )
    })
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
mod tests;

/// The rendering of each document, indexed like `Site::docs`.
impl std::ops::Index<crate::content::model::DocId> for [Rendered] {
    type Output = Rendered;
    fn index(&self, d: crate::content::model::DocId) -> &Rendered {
        &self[d.0]
    }
}

impl std::ops::IndexMut<crate::content::model::DocId> for [Rendered] {
    fn index_mut(&mut self, d: crate::content::model::DocId) -> &mut Rendered {
        &mut self[d.0]
    }
}

impl std::ops::Index<crate::content::model::DocId> for Vec<Rendered> {
    type Output = Rendered;
    fn index(&self, d: crate::content::model::DocId) -> &Rendered {
        &self[d.0]
    }
}

impl std::ops::IndexMut<crate::content::model::DocId> for Vec<Rendered> {
    fn index_mut(&mut self, d: crate::content::model::DocId) -> &mut Rendered {
        &mut self[d.0]
    }
}
