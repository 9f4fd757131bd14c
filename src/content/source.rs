//! A Markdown file as loaded (`load`), and with its front matter read
//! (`parse`): types only.

use crate::config::LangId;
use crate::diagnostics::Diagnostic;
use std::path::PathBuf;

/// A Markdown file, read and decoded.
#[derive(Debug)]
pub struct SourceFile {
    /// Path relative to the site folder (`guidance/pub/01-a.fr.md`), for messages.
    pub rel: PathBuf,
    /// Folder relative to `guidance/` (`pub` or `pub/02-part`).
    pub dir: PathBuf,
    /// File stem without the language suffix (`01-a`).
    pub stem: String,
    /// Index into `Config::languages`.
    pub lang: LangId,
    pub text: String,
    /// Read from a local edition's base (the edition has no such file).
    pub from_base: bool,
    /// Where to read it again: its layer's folder (the site's, or its
    /// base's), resolved, and its path in there. A build lets the body go
    /// as soon as the front matter is read (`released`), and reads the
    /// file again in the Markdown step.
    pub root: PathBuf,
    pub in_site: PathBuf,
    /// The BLAKE3 hash of `text`, to be sure the file read again is the
    /// one that was checked.
    pub digest: [u8; 32],
    /// The hash its translations record (`translation::current_hash`),
    /// made when its front matter is read.
    pub hash: Option<String>,
    /// The hash stamps recorded before the summary counted, when the page
    /// has a summary (`text::legacy_hash`); made with `hash`.
    pub legacy_hash: Option<String>,
    /// `text` holds only the front matter: the body was let go once hashed
    /// (a build: see `parse`).
    pub released: bool,
}

/// A file with its front matter (and body offsets) if they could be read,
/// and the problems found in it.
pub type Parsed = (
    SourceFile,
    Option<(super::front_matter::FrontMatter, usize, usize)>,
    Vec<Diagnostic>,
);
