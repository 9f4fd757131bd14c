//! What the three file formats carry, whichever they are: which
//! publication and languages, and one entry per segment.

use super::units::Unit;

/// The file formats translators' tools read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Po,
    Xliff,
    Xlsx,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Po => "po",
            Format::Xliff => "xlf",
            Format::Xlsx => "xlsx",
        }
    }

    /// The format of a file, by its extension.
    pub fn of(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "po" => Some(Format::Po),
            "xlf" | "xliff" => Some(Format::Xliff),
            "xlsx" => Some(Format::Xlsx),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Header {
    /// The publication's folder name.
    pub publication: String,
    pub source_lang: String,
    pub lang: String,
    /// Right-to-left scripts, for the spreadsheet's cell direction.
    pub source_rtl: bool,
    pub lang_rtl: bool,
    /// The lines where the file gives its language and its publication
    /// (PO header lines, the XLIFF `<file>`), for messages: the header's
    /// line when one is missing, 0 when the format has no lines.
    pub lang_line: usize,
    pub publication_line: usize,
}

/// A unit on its way out, with where its source text is.
pub struct Outgoing<'a> {
    pub unit: &'a Unit,
    /// `guidance/pub/01-a.en.md:12`.
    pub reference: String,
}

/// An entry read back from a translator's file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incoming {
    pub key: String,
    /// The source text as exported.
    pub source: String,
    pub translation: String,
    pub fuzzy: bool,
    /// Line in the file (PO line, XLIFF unit's line, spreadsheet row).
    pub line: usize,
    /// How a translator finds the entry in their tool: `msgctxt "…"` in
    /// PO, `unit "…"` in XLIFF, `row 12 (…)` in a spreadsheet.
    pub place: String,
}

#[derive(Debug, Clone, Default)]
pub struct Catalog {
    pub header: Header,
    pub entries: Vec<Incoming>,
}

/// A problem in a file that keeps it from being read: line and message.
pub type ReadError = (usize, String);
