//! The translation round trip: export a publication's translatable text to
//! the files translators' tools read (PO, XLIFF, spreadsheet), and import
//! their work back as Markdown pages, stamped with the source they match.
//!
//! - `segments` (types), `walk` and `keys`: a page body cut into blocks,
//!   each keyed by its place in the structure; `fields` adds the front
//!   matter's title and summary.
//! - `history`: the source a stale translation was made from (snapshots,
//!   then git, run by `git`), so that changed blocks come out fuzzy with
//!   their old text.
//! - `units`: source and translation paired into what a translator sees.
//! - `catalog`, `po`, `xliff`, `xlsx` (`xlsx_read`, `xlsx_cells`,
//!   `xlsx_titles`, `xlsx_addresses`): the file formats; `fit`: a file
//!   is for the publication and language it names.
//! - `validate` (`compare`, `bidi`, `links`): a translated block checked
//!   against its source.
//! - `assemble`: a page written back (`frames`: with the source's image
//!   addresses and link definitions); `files`: safe, atomic writes.
//! - `export` (`split`: a publication in one file per part, when asked
//!   or too large for one) and `import` (`apply`: one page's entries,
//!   `anchors`: with the source's heading ids kept): the two
//!   commands' work; `pending`: translations that arrived after their
//!   block's source changed, kept for the next export (`moved`: those
//!   whose block is gone, offered to a block of the same source);
//!   `overwrite`: an export never replaces a file holding work not
//!   imported;
//!   `unreadable`: a translation the site cannot read is never replaced;
//!   `source_cells`: entries whose source was typed over are said.

pub mod anchors;
pub mod apply;
pub mod assemble;
pub mod bidi;
pub mod by_form;
pub mod catalog;
pub mod compare;
pub mod export;
pub mod fields;
pub mod files;
pub mod fit;
pub mod frames;
pub mod git;
pub mod history;
pub mod import;
pub mod keys;
pub mod link_defs;
pub mod links;
pub mod moved;
pub mod overwrite;
pub mod pending;
pub mod po;
pub mod report;
pub mod segments;
pub mod source_cells;
pub mod split;
pub mod titles;
pub mod units;
pub mod unreadable;
pub mod validate;
pub mod walk;
pub mod xliff;
pub mod xlsx;
pub mod xlsx_addresses;
pub mod xlsx_cells;
pub mod xlsx_read;
pub mod xlsx_titles;

/// The largest translator's file `translate import` reads, and the most
/// any one part of a spreadsheet may unpack to: the limit on a page, as a
/// publication's text for translators is of that order, and a file (or a
/// zip bomb) beyond it would only cost memory.
pub const MAX_FILE_BYTES: u64 = crate::content::load::MAX_MARKDOWN_BYTES;

/// `bytes` in megabytes, for messages.
pub fn megabytes(bytes: u64) -> u64 {
    bytes / (1024 * 1024)
}
