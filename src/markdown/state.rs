//! The renderer's working state: where events go (headings, images,
//! footnotes and task items are buffered until their end), ids handed out,
//! and the diagnostics found so far.

use super::{Options, Rendered};
use crate::content::model::{DocId, Site};
use crate::diagnostics::Diagnostic;
use crate::slug::UniqueIds;
use crate::text::LineIndex;
use pulldown_cmark::{CowStr, Event, HeadingLevel};
use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

pub(super) enum Frame<'a> {
    Heading {
        level: HeadingLevel,
        offset: usize,
        id: Option<String>,
        classes: Vec<String>,
        events: Vec<Event<'a>>,
    },
    Image {
        src: Option<String>,
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

pub(super) struct State<'s, 'a> {
    pub(super) site: &'s Site,
    pub(super) doc: DocId,
    pub(super) opts: &'s Options<'s>,
    pub(super) text_src: &'s str,
    pub(super) body_offset: usize,
    pub(super) lines: OnceLock<LineIndex>,
    pub(super) out: Vec<Event<'a>>,
    pub(super) frames: Vec<Frame<'a>>,
    pub(super) links: Vec<bool>,
    pub(super) ids: UniqueIds,
    pub(super) footnotes: BTreeMap<String, Vec<Event<'a>>>,
    /// Footnote labels in order of first reference, with their ids and counts.
    pub(super) footnote_order: Vec<Footnote>,
    pub(super) r: Rendered,
    pub(super) same_page: Vec<(String, usize)>,
    pub(super) raw_warned_lines: HashSet<usize>,
    /// The document is right-to-left: numbers get isolated.
    pub(super) rtl: bool,
    /// Level of the last heading (1: the page title).
    pub(super) last_level: u8,
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

    pub(super) fn error(&mut self, pos: usize, msg: String, hint: Option<String>) {
        let (l, c) = self.locate(pos);
        let mut d = Diagnostic::error(self.rel(), l, c, msg);
        if let Some(h) = hint {
            d = d.with_hint(h);
        }
        self.r.diagnostics.push(d);
    }
}
