//! What a page's text is parsed as, where other tools' blocks are read as
//! what they are (`listing`, `line_block`, `page_break`): written
//! otherwise at the same offsets, so that every message keeps its place,
//! and named.

use super::{Kind, State, found, line_block, listing, page_break};
use std::ops::Range;

/// What a page's text is parsed as: its AsciiDoc listing blocks written as
/// the fenced code blocks they are, and pandoc's line blocks without their
/// `|` marks, at the same offsets (`listing`, `line_block`).
pub(in crate::markdown) struct Converted<'b> {
    pub(in crate::markdown) text: std::borrow::Cow<'b, str>,
    /// Where each listing block starts.
    listings: Vec<usize>,
    line_blocks: line_block::LineBlocks,
    page_breaks: page_break::PageBreaks,
}

pub(in crate::markdown) fn convert(body: &str) -> Converted<'_> {
    let (text, listings) = listing::convert(body);
    let (text, line_blocks) = line_block::convert(text);
    let (text, page_breaks) = page_break::convert(text);
    Converted {
        text,
        listings,
        line_blocks,
        page_breaks,
    }
}

/// Names what `convert` published otherwise, and keeps the line breaks
/// to write as hard breaks.
pub(in crate::markdown) fn converted(
    st: &mut State,
    listings: Vec<usize>,
    (blocks, breaks): (line_block::LineBlocks, page_break::PageBreaks),
) {
    for at in breaks.feeds {
        found(st, Kind::PageBreak, at);
    }
    for at in breaks.running {
        found(st, Kind::RunningHeader, at);
    }
    for at in listings {
        found(st, Kind::AsciiDocBlock, at);
    }
    for &at in &blocks.starts {
        found(st, Kind::LineBlockLines, at);
    }
    st.dialects.line_blocks = blocks.marks;
    st.dialects.line_breaks = blocks.breaks;
}

impl Converted<'_> {
    /// What `converted` takes, leaving the text.
    pub(in crate::markdown) fn found(
        &mut self,
    ) -> (Vec<usize>, (line_block::LineBlocks, page_break::PageBreaks)) {
        (
            std::mem::take(&mut self.listings),
            (
                std::mem::take(&mut self.line_blocks),
                std::mem::take(&mut self.page_breaks),
            ),
        )
    }
}

/// One of the sorted offsets `at` lies in `range`.
pub(super) fn in_order(at: &[usize], range: &Range<usize>) -> bool {
    let i = at.partition_point(|&b| b < range.start);
    at.get(i)
        .is_some_and(|&b| b < range.end.max(range.start + 1))
}
