//! The translation round trip: export a publication's translatable text to
//! the files translators' tools read (PO, XLIFF, spreadsheet), and import
//! their work back as Markdown pages, stamped with the source they match.
//!
//! `segments` cuts a page into blocks; `fields` adds the front matter's
//! title and summary; `history` finds the source a translation was made
//! from; `units` pairs source and translation into what a translator sees;
//! `po`, `xliff` and `xlsx` write and read the files; `validate` checks a
//! translated block against its source; `assemble` writes a page back.

pub mod assemble;
pub mod catalog;
pub mod export;
pub mod fields;
pub mod files;
pub mod history;
pub mod import;
pub mod po;
pub mod segments;
pub mod units;
pub mod validate;
pub mod xliff;
pub mod xlsx;
