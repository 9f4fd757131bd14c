//! The places of blocks in a page: each container (list, item, callout,
//! table, row) has a path, and numbers its children by kind, so `list1.3`
//! is the third item of the section's first list.

use pulldown_cmark::BlockQuoteKind;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    Root,
    Quote,
    List,
    Item,
    Table,
    Row,
    Other,
}

pub struct Container {
    pub frame: Frame,
    pub path: String,
    counters: Vec<(&'static str, usize)>,
}

impl Container {
    pub fn new(frame: Frame, path: String) -> Self {
        Self {
            frame,
            path,
            counters: Vec::new(),
        }
    }

    /// The path of the next child of this kind: `list2`, or `3` for an item.
    pub fn child(&mut self, name: &'static str) -> String {
        let n = match self.counters.iter_mut().find(|(k, _)| *k == name) {
            Some((_, n)) => {
                *n += 1;
                *n
            }
            None => {
                self.counters.push((name, 1));
                1
            }
        };
        let sep = if self.path.ends_with('/') { "" } else { "." };
        let name = if name == "item" { "" } else { name };
        format!("{}{sep}{name}{n}", self.path)
    }
}

pub fn quote_name(kind: Option<BlockQuoteKind>) -> &'static str {
    match kind {
        None => "quote",
        Some(BlockQuoteKind::Note) => "note",
        Some(BlockQuoteKind::Tip) => "tip",
        Some(BlockQuoteKind::Important) => "important",
        Some(BlockQuoteKind::Warning) => "warning",
        Some(BlockQuoteKind::Caution) => "caution",
    }
}
