//! Walking `guidance/` and reading every file once.

use super::layers::{self, Layer, MdEntry, Replaced, Walked};
use crate::config::Config;
use crate::config::LangId;
use crate::diagnostics::Diagnostic;
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

pub use super::layers::AssetFile;
pub use super::names::{CONTENT_DIR, ignored, io_message, portable_error, split_lang};

/// A Markdown file larger than this is refused: a page that size is a
/// mistake (a pasted export, a binary), and unreadable on a phone.
pub const MAX_MARKDOWN_BYTES: u64 = 16 * 1024 * 1024;

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
    /// base's), resolved, and its path in there. A build lets `text` go
    /// once the site is checked, and reads it again for each page.
    pub root: PathBuf,
    pub in_site: PathBuf,
    /// The BLAKE3 hash of `text`, to be sure the file read again is the
    /// one that was checked.
    pub digest: [u8; 32],
}

/// A `guidance/values.yaml`, read.
#[derive(Debug)]
pub struct ValuesText {
    /// Relative to the site folder, for messages.
    pub rel: PathBuf,
    pub text: String,
    pub from_base: bool,
}

/// A base page that a local edition replaced, read for its hash.
#[derive(Debug)]
pub struct BasePage {
    /// For messages: the base's path, joined with the page's.
    pub rel: PathBuf,
    pub dir: PathBuf,
    pub stem: String,
    pub lang: LangId,
    pub text: String,
}

/// A file with its front matter (and body offsets) if they could be read,
/// and the problems found in it.
pub(super) type Parsed = (
    SourceFile,
    Option<(super::front_matter::FrontMatter, usize, usize)>,
    Vec<Diagnostic>,
);

#[derive(Debug, Default)]
pub struct Loaded {
    pub sources: Vec<SourceFile>,
    pub assets: Vec<AssetFile>,
    /// The base's values file first, then the site's own.
    pub values: Vec<ValuesText>,
    pub replaced: Vec<BasePage>,
    /// The site-wide `static/` folder: (path in it, in NFC; path on disk).
    pub static_files: Vec<(String, PathBuf)>,
    /// Of those, the paths on disk that a local edition reads from its
    /// base's `static/`.
    pub base_static: HashSet<PathBuf>,
    /// Markdown files that could not be read (encoding, size, access):
    /// the error and the file's language. `build` reports them, or, for a
    /// translation on a site published with known defects, leaves the
    /// translation out with a warning.
    pub unreadable: Vec<(Diagnostic, LangId)>,
}

/// Reads the site's `guidance/` and `static/` (for a local edition: its
/// own laid over its base's, see `layers`). Markdown files are read in
/// parallel.
pub fn load(source: &Path, config: &Config, diags: &mut Vec<Diagnostic>) -> Loaded {
    let own = Layer::site(crate::no_follow::real(source), config);
    let walked = own.walk(diags);
    let own_static = own.walk_static(diags);
    let Some(base) = &config.base_site else {
        let Some(walked) = walked else {
            diags.push(missing(source));
            return Loaded::default();
        };
        let md = walked.md.into_iter().map(|m| (m, false)).collect();
        let values = walked.values.then_some(false);
        let mut loaded = read(
            &[&own],
            md,
            walked.assets,
            values.into_iter().collect(),
            Vec::new(),
            diags,
        );
        loaded.static_files = own_static;
        return loaded;
    };
    let base_layer = Layer::base(base, config);
    let base_walked = base_layer.walk(diags).unwrap_or_else(|| {
        diags.push(missing(&base.root));
        Walked::default()
    });
    let (static_files, base_static) =
        layers::merge_static(own_static, base_layer.walk_static(diags));
    // An edition may hold nothing but its site.yaml.
    let walked = walked.unwrap_or_default();
    let values: Vec<bool> = [(base_walked.values, true), (walked.values, false)]
        .into_iter()
        .filter_map(|(has, from_base)| has.then_some(from_base))
        .collect();
    let (md, assets, replaced) = layers::merge(walked, base_walked);
    let mut loaded = read(&[&own, &base_layer], md, assets, values, replaced, diags);
    loaded.static_files = static_files;
    loaded.base_static = base_static;
    loaded
}

fn missing(source: &Path) -> Diagnostic {
    Diagnostic::error(
        CONTENT_DIR,
        0,
        0,
        format!("no `{CONTENT_DIR}/` folder in {}", source.display()),
    )
    .with_hint("put each publication in its own folder under guidance/")
}

/// Reads the files found: `layers[0]` is the site, `layers[1]` its base;
/// the `bool`s say which layer (`true`: the base).
fn read(
    layers: &[&Layer],
    md: Vec<(MdEntry, bool)>,
    assets: Vec<AssetFile>,
    values: Vec<bool>,
    replaced: Vec<Replaced>,
    diags: &mut Vec<Diagnostic>,
) -> Loaded {
    let dirs: Vec<Option<crate::no_follow::Dir>> = layers.iter().map(|l| l.open().ok()).collect();
    let layer = |from_base: bool| usize::from(from_base).min(layers.len() - 1);
    let read_text = |from_base: bool, in_site: &Path| -> Result<String, Diagnostic> {
        let l = layer(from_base);
        let rel = layers[l].shown_path(in_site);
        let size = std::fs::symlink_metadata(layers[l].real.join(in_site))
            .map(|m| m.len())
            .unwrap_or(0);
        if size > MAX_MARKDOWN_BYTES {
            return Err(too_large(&rel, size));
        }
        let bytes = match &dirs[l] {
            Some(d) => d.read(&crate::no_follow::slash_path(in_site)),
            None => Err(std::io::Error::from(std::io::ErrorKind::NotFound)),
        }
        .map_err(|e| {
            Diagnostic::error(
                &rel,
                0,
                0,
                format!("cannot read the file: {}", io_message(&e)),
            )
        })?;
        crate::text::decode_vec(bytes).map_err(|(l, c, m)| Diagnostic::error(&rel, l, c, m))
    };
    let results: Vec<Result<SourceFile, Box<(Diagnostic, LangId)>>> = md
        .into_par_iter()
        .map(|(m, from_base)| {
            let text = read_text(from_base, &m.in_site).map_err(|d| Box::new((d, m.lang)))?;
            Ok(SourceFile {
                rel: layers[layer(from_base)].shown_path(&m.in_site),
                dir: m.dir,
                stem: m.stem,
                lang: m.lang,
                digest: *blake3::hash(text.as_bytes()).as_bytes(),
                text,
                from_base,
                root: layers[layer(from_base)].real.clone(),
                in_site: m.in_site,
            })
        })
        .collect();
    let mut loaded = Loaded {
        assets,
        ..Loaded::default()
    };
    for r in results {
        match r {
            Ok(s) => loaded.sources.push(s),
            Err(failed) => loaded.unreadable.push(*failed),
        }
    }
    let values_file = Path::new(CONTENT_DIR).join(layers::VALUES_FILE);
    for from_base in values {
        match read_text(from_base, &values_file) {
            Ok(text) => loaded.values.push(ValuesText {
                rel: layers[layer(from_base)].shown_path(&values_file),
                text,
                from_base,
            }),
            Err(d) => diags.push(d),
        }
    }
    // The base's version of each page the edition replaced: its hash tells
    // when the global team changes it. Unreadable, it is simply not compared.
    for r in replaced {
        if let Ok(text) = read_text(true, &r.in_site) {
            loaded.replaced.push(BasePage {
                rel: layers[layer(true)].shown_path(&r.in_site),
                dir: r.dir,
                stem: r.stem,
                lang: r.lang,
                text,
            });
        }
    }
    loaded
}

fn too_large(rel: &Path, size: u64) -> Diagnostic {
    Diagnostic::error(
        rel,
        0,
        0,
        format!(
            "the file is too large ({:.1} MB; the limit is {} MB)",
            size as f64 / 1048576.0,
            MAX_MARKDOWN_BYTES / 1048576
        ),
    )
    .with_hint("split it into chapters; readers open pages on phones")
}
