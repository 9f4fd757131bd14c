//! The renderer's working state: where events go (headings, images,
//! footnotes and task items are buffered until their end), ids handed out,
//! links in flight, and the diagnostics found so far.

use super::resolve::Resolver;
use super::{Options, Rendered};
use crate::config::BrokenLinks;
use crate::content::model::{DocId, Site};
use crate::diagnostics::Diagnostic;
use crate::slug::UniqueIds;
use crate::text::LineIndex;
use pulldown_cmark::{CowStr, Event, HeadingLevel};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ops::Range;
use std::sync::OnceLock;

pub(super) use super::dialect_state::{Dialects, KINDS, Kind, TabRow, Wrapped};

/// What an image's destination turned out to be.
pub(super) enum ImageSrc {
    /// A file of the site: its URL from the page.
    Local(String),
    /// Nothing to show (remote, refused or missing): the description is
    /// shown in a box instead.
    Missing,
}

pub(super) enum Frame<'a> {
    Heading {
        level: HeadingLevel,
        offset: usize,
        id: Option<String>,
        classes: Vec<String>,
        /// The descriptions of its images (`## ![Logo](logo.png)`), `None`
        /// when it has none.
        alt: Option<String>,
        events: Vec<Event<'a>>,
    },
    Image {
        src: ImageSrc,
        title: String,
        offset: usize,
        events: Vec<Event<'a>>,
    },
    Footnote {
        label: String,
        events: Vec<Event<'a>>,
    },
    HtmlBlock {
        html: String,
        offset: usize,
    },
    /// A task-list item's text, which becomes the checkbox's label.
    Task {
        checked: bool,
        /// Block depth at the marker: raw HTML opened inside closes with it.
        depth: usize,
        events: Vec<Event<'a>>,
    },
}

/// A footnote, in order of first reference.
pub(super) struct Footnote {
    pub(super) label: String,
    pub(super) id: String,
    /// The id of its first reference, where the back link goes.
    pub(super) first_ref: String,
}

/// A Markdown link being written: shown as text, or as an `<a>` that may
/// carry a mark (an index into `State::marks`) so that it can be unlinked,
/// and for an e-mail address or phone number, that address and where the
/// link's words start in the sink (see `print_address`).
pub(super) enum OpenLink {
    Text,
    Anchor(Option<usize>, Option<(String, usize)>),
}

/// An `<a>` whose target anchor is checked later: its opening tag's length
/// and, once the HTML is written, where its tags are.
pub(super) struct Mark {
    pub(super) open_len: usize,
    /// Index into `Rendered::page_links`, for links to other pages.
    pub(super) page_link: Option<usize>,
    /// Byte offsets of the opening tag and of `</a>` in the written HTML.
    pub(super) open_at: Option<usize>,
    pub(super) close_at: Option<usize>,
}

/// A link to `#id` on this page, checked when every id is known.
pub(super) struct SamePageLink {
    pub(super) fragment: String,
    pub(super) pos: usize,
    pub(super) mark: usize,
    /// Where the link definition its target comes from starts, if any.
    pub(super) definition: Option<usize>,
}

/// An element of raw HTML not yet closed: its name, the Markdown block
/// depth it was opened at, and for an `<a>` whose anchor is checked later,
/// its mark (see `write`), which its `</a>` carries too.
pub(super) struct OpenElement {
    pub(super) name: String,
    pub(super) depth: usize,
    pub(super) mark: Option<usize>,
}

/// Raw HTML elements left open, with the block depth they were opened at,
/// and the sanitiser's verdicts so far (one per distinct tag).
#[derive(Default)]
pub(super) struct RawState {
    pub(super) open: Vec<OpenElement>,
    /// Inside an inline `<script>` (or other element dropped with its
    /// content) until its end tag or the end of its block: its name and depth.
    pub(super) dropping: Option<(String, usize)>,
    pub(super) verdicts: HashMap<String, Option<String>>,
    /// Attributes removed (other than event handlers), said once per page.
    pub(super) stripped: Stripped,
    /// The outermost Markdown element open whose content is a line of text
    /// (a paragraph, heading, emphasis, link): its depth, and whether it is
    /// a paragraph, which a block element of raw HTML may close.
    pub(super) phrasing: Option<(usize, bool)>,
    /// A paragraph closed before a block element of raw HTML (`<p>`,
    /// `<div>`, `<ul>`, `<table>`): its depth, and whether it is open again,
    /// the block having ended.
    pub(super) split: Option<(usize, bool)>,
    /// The paragraph opens again after the HTML just kept.
    pub(super) reopen: bool,
    /// Names (lower case) of the words in angle brackets shown as
    /// written (`<ref>`): their end tags are shown too.
    pub(super) placeholders: HashSet<String>,
    /// Names (lower case) of the elements whose start tag the page has
    /// had so far: an end tag of none of them is stray.
    pub(super) started: HashSet<String>,
}

/// The attributes raw HTML lost on a page, in the order first met, and
/// the tags they were on: a table pasted from Word has a `style`, `width`
/// and `valign` on every cell, which is one thing to fix, not dozens.
#[derive(Default)]
pub(super) struct Stripped {
    /// Where the first one was.
    pub(super) first: usize,
    pub(super) attrs: Vec<String>,
    pub(super) tags: Vec<String>,
    pub(super) count: usize,
}

pub(super) struct State<'s, 'a> {
    pub(super) site: &'s Site,
    pub(super) doc: DocId,
    pub(super) opts: &'s Options<'s>,
    pub(super) text_src: &'s str,
    pub(super) body_offset: usize,
    pub(super) lines: OnceLock<LineIndex>,
    pub(super) resolver: Resolver<'s>,
    pub(super) broken_links: BrokenLinks,
    pub(super) out: Vec<Event<'a>>,
    pub(super) frames: Vec<Frame<'a>>,
    pub(super) links: Vec<OpenLink>,
    pub(super) marks: Vec<Mark>,
    pub(super) ids: UniqueIds,
    pub(super) footnotes: BTreeMap<String, Vec<Event<'a>>>,
    /// Footnote labels in order of first reference, with their ids.
    pub(super) footnote_order: Vec<Footnote>,
    /// Label -> index in `footnote_order`.
    pub(super) footnote_index: HashMap<String, usize>,
    pub(super) r: Rendered,
    pub(super) assets: BTreeSet<usize>,
    pub(super) same_page: Vec<SamePageLink>,
    /// (line, message) of warnings given once per line.
    pub(super) warned: HashSet<(usize, String)>,
    /// Warnings given once per page with a count (`warn_once_per_page`):
    /// first place, message, hint, count; by message.
    pub(super) counted: Vec<(usize, String, &'static str, usize)>,
    pub(super) counted_at: HashMap<String, usize>,
    pub(super) raw: RawState,
    /// Word's own markup found so far (`word`).
    pub(super) word: WordState,
    /// Other tools' Markdown found so far (`dialects`).
    pub(super) dialects: Dialects,
    /// pandoc's raw block or span being read (`pandoc_raw`).
    pub(super) pandoc: PandocPending,
    /// Body offset up to which lines were looked at for link targets
    /// with spaces (`lint::line`).
    pub(super) linted_to: usize,
    /// The table row being read: where its source ends, and where its
    /// last cell so far ends (`lost`).
    pub(super) row: Option<(usize, usize)>,
    /// Labels (lower case) of lines that look like link definitions but
    /// are text, said at their line (`lint`).
    pub(super) not_definitions: HashSet<String>,
    /// Where each link definition of the page starts, by label (lower
    /// case), and that of the link being resolved, if it takes its target
    /// from one: a broken target is fixed at the definition, not the use.
    pub(super) definitions: HashMap<String, usize>,
    pub(super) link_def: Option<usize>,
    /// Number of Markdown elements open around the current event.
    pub(super) depth: usize,
    /// Inside a code block: text is code, never rewritten.
    pub(super) in_code: bool,
    /// The document is right-to-left: numbers get isolated.
    pub(super) rtl: bool,
    /// Level of the last heading (1: the page title).
    pub(super) last_level: u8,
    /// An autolink wrapped by a click tracker, just opened: its text (the
    /// address as written) and the address inside, shown instead.
    pub(super) tracked_text: Option<(String, String)>,
}

impl<'s, 'a> State<'s, 'a> {
    pub(super) fn sink(&mut self) -> &mut Vec<Event<'a>> {
        for f in self.frames.iter_mut().rev() {
            match f {
                Frame::Heading { events, .. }
                | Frame::Image { events, .. }
                | Frame::Footnote { events, .. }
                | Frame::Task { events, .. } => {
                    return events;
                }
                Frame::HtmlBlock { .. } => {}
            }
        }
        &mut self.out
    }

    pub(super) fn emit(&mut self, e: Event<'a>) {
        self.sink().push(e);
    }

    pub(super) fn html(&mut self, s: String) {
        self.emit(Event::Html(CowStr::from(s)));
    }

    pub(super) fn locate(&self, body_pos: usize) -> (usize, usize) {
        let idx = self.lines.get_or_init(|| LineIndex::new(self.text_src));
        let (line, col) = idx.locate(self.text_src, self.body_offset + body_pos);
        (line + 1, col)
    }

    pub(super) fn rel(&self) -> &std::path::Path {
        &self.site.docs[self.doc].file.rel
    }

    pub(super) fn warn(&mut self, pos: usize, msg: String, hint: Option<&str>) {
        let (l, c) = self.locate(pos);
        let mut d = Diagnostic::warning(self.rel(), l, c, msg);
        if let Some(h) = hint {
            d = d.with_hint(h);
        }
        self.r.diagnostics.push(d);
    }

    /// A warning given at most once per line for the same message.
    pub(super) fn warn_once_per_line(&mut self, pos: usize, msg: String, hint: &str) {
        let (line, _) = self.locate(pos);
        if self.warned.insert((line, msg.clone())) {
            self.warn(pos, msg, Some(hint));
        }
    }

    /// A warning given once per page for the same message, at its first
    /// place, with how many more there are (see [`State::counted_warnings`]):
    /// a page pasted from Word has a `<font>` on every line.
    pub(super) fn warn_once_per_page(&mut self, pos: usize, msg: String, hint: &'static str) {
        match self.counted_at.get(&msg) {
            Some(&i) => self.counted[i].3 += 1,
            None => {
                self.counted_at.insert(msg.clone(), self.counted.len());
                self.counted.push((pos, msg, hint, 1));
            }
        }
    }

    /// The warnings of [`State::warn_once_per_page`], once the page is done.
    pub(super) fn counted_warnings(&mut self) {
        for (pos, msg, hint, count) in std::mem::take(&mut self.counted) {
            let msg = match count {
                1 => msg,
                n => format!("{msg} (and {} more on this page)", n - 1),
            };
            self.warn(pos, msg, Some(hint));
        }
    }

    pub(super) fn error(&mut self, pos: usize, msg: String, hint: Option<String>) {
        let (l, c) = self.locate(pos);
        let mut d = Diagnostic::error(self.rel(), l, c, msg);
        if let Some(h) = hint {
            d = d.with_hint(h);
        }
        self.r.diagnostics.push(d);
    }

    /// A broken link or missing image: an error, or with `broken_links:
    /// warning` a warning saying what readers see instead; with the line
    /// of the link definition its target comes from.
    pub(super) fn defect(&mut self, pos: usize, msg: String, hint: Option<String>, shown: &str) {
        let (l, c) = self.locate(pos);
        let mut d = match self.broken_links {
            BrokenLinks::Error => Diagnostic::error(self.rel(), l, c, msg),
            BrokenLinks::Warning => {
                Diagnostic::warning(self.rel(), l, c, format!("{msg}; {shown}"))
            }
        };
        if let Some(h) = hint {
            d = d.with_hint(h);
        }
        if let Some(at) = self.link_def {
            d = d.with_note(definition_note(self.locate(at).0));
        }
        self.r.diagnostics.push(d);
    }
}

/// The note on a broken target that a link definition gives.
pub fn definition_note(line: usize) -> String {
    format!("the target is given by the link definition at line {line}: fix it there")
}

/// Word's own markup found on a page (`word`): kinds in order of first
/// appearance, and where a tag being dropped ends. Kept here, with the
/// rest of the state, so `word` depends on `state` and not back.
#[derive(Default)]
pub(super) struct WordState {
    /// Body offset up to which the source is a tag being dropped.
    pub(super) skip_to: usize,
    /// Inside `<st1:place>` read as an autolink: dropped to its end.
    pub(super) in_autolink: bool,
    /// After `<o:p>`: whitespace is its placeholder, dropped.
    pub(super) in_op: bool,
    pub(super) kinds: HashMap<String, usize>,
    pub(super) found: Vec<Found>,
    /// In trusted raw HTML, inside a comment or a `<script>` until this
    /// (lowercase) end.
    pub(super) trusted_until: Option<&'static str>,
    /// Start tags (and `<![if]>`) not yet closed, by kind: their end tags
    /// are not counted again.
    pub(super) open: HashMap<String, usize>,
}

pub(super) struct Found {
    pub(super) pos: usize,
    pub(super) shown: String,
    pub(super) count: usize,
    pub(super) kept: &'static str,
}

/// pandoc's raw block being read (see `pandoc_raw`), and the `{=format}`
/// of a raw span still to cut from the text after it.
#[derive(Default)]
pub(super) struct PandocPending {
    pub(super) block: Option<PandocBlock>,
    pub(super) cut: Option<Range<usize>>,
}

pub(super) struct PandocBlock {
    pub(super) format: String,
    pub(super) text: String,
    /// Where its opening fence is, and where its text starts.
    pub(super) fence: usize,
    pub(super) first: Option<usize>,
}
