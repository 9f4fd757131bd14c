//! Walking `guidance/` and reading every file once.

use super::layers::{self, Layer, MdEntry, Walked};
use super::overlay::{self, Replaced};
use crate::config::Config;
use crate::config::LangId;
use crate::diagnostics::Diagnostic;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

pub use super::layers::AssetFile;
pub use super::names::{CONTENT_DIR, ignored, io_message, portable_error, split_lang};
pub use super::source::{Parsed, SourceFile};

/// A Markdown file larger than this is refused: a page that size is a
/// mistake (a pasted export, a binary), and unreadable on a phone.
pub const MAX_MARKDOWN_BYTES: u64 = 16 * 1024 * 1024;

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

#[derive(Debug, Default)]
pub struct Loaded {
    /// Every Markdown file read, with its front matter.
    pub parsed: Vec<Parsed>,
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
    pub unreadable: Vec<Unreadable>,
    /// Links and special files under `guidance/`, never read (see
    /// `layers::Walked`).
    pub not_files: Vec<(PathBuf, &'static str)>,
    /// READMEs left out (see `layers::Walked`).
    pub readmes: Vec<PathBuf>,
    /// Docusaurus's `_category_.json` files (see `layers::Walked`).
    pub categories: Vec<(PathBuf, super::not_pages::Category)>,
}

/// A Markdown file that could not be read.
#[derive(Debug)]
pub struct Unreadable {
    pub error: Diagnostic,
    pub lang: LangId,
    /// Its page: folder and name without the language (`pub/01-a`), for
    /// the translations of it, whose source is there, only unreadable.
    pub page: PathBuf,
}

/// Reads the site's `guidance/` and `static/` (for a local edition: its
/// own laid over its base's, see `layers`). Markdown files are read and
/// their front matter parsed in parallel; with `release` (a build), each
/// keeps only its front matter (see `parse`).
pub fn load(source: &Path, config: &Config, release: bool, diags: &mut Vec<Diagnostic>) -> Loaded {
    let own = Layer::site(crate::no_follow::real(source), config);
    let walked = own.walk(diags);
    let own_static = own.walk_static(diags);
    let Some(base) = &config.base_site else {
        let Some(walked) = walked else {
            diags.push(missing(source));
            return Loaded::default();
        };
        let not_files = walked.not_files;
        let readmes = walked.readmes;
        let categories = walked.categories;
        let md = walked.md.into_iter().map(|m| (m, false)).collect();
        let values = walked.values.then_some(false);
        let mut loaded = read(
            &[&own],
            md,
            walked.assets,
            values.into_iter().collect(),
            Vec::new(),
            (config, release),
            diags,
        );
        loaded.static_files = own_static;
        loaded.not_files = not_files;
        loaded.readmes = readmes;
        loaded.categories = categories;
        return loaded;
    };
    let base_layer = Layer::base(base, config);
    let mut base_walked = base_layer.walk(diags).unwrap_or_else(|| {
        diags.push(missing(&base.root));
        Walked::default()
    });
    let (static_files, base_static) =
        overlay::merge_static(own_static, base_layer.walk_static(diags));
    // An edition may hold nothing but its site.yaml.
    let walked = walked.unwrap_or_default();
    let values: Vec<bool> = [(base_walked.values, true), (walked.values, false)]
        .into_iter()
        .filter_map(|(has, from_base)| has.then_some(from_base))
        .collect();
    let mut not_files = walked.not_files.clone();
    not_files.extend(base_walked.not_files.iter().cloned());
    let mut readmes = walked.readmes.clone();
    readmes.extend(base_walked.readmes.iter().cloned());
    let mut categories = walked.categories.clone();
    categories.extend(base_walked.categories.iter().cloned());
    let other_languages = std::mem::take(&mut base_walked.other_languages);
    let (md, assets, replaced) = overlay::merge(walked, base_walked);
    diags.extend(overlay::unpublished(&other_languages, &md, config));
    let mut loaded = read(
        &[&own, &base_layer],
        md,
        assets,
        values,
        replaced,
        (config, release),
        diags,
    );
    loaded.static_files = static_files;
    loaded.base_static = base_static;
    loaded.not_files = not_files;
    loaded.readmes = readmes;
    loaded.categories = categories;
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
/// the `bool`s say which layer (`true`: the base). Each Markdown file's
/// front matter is parsed as it is read (`release`: see `load`).
fn read(
    layers: &[&Layer],
    md: Vec<(MdEntry, bool)>,
    assets: Vec<AssetFile>,
    values: Vec<bool>,
    replaced: Vec<Replaced>,
    (config, release): (&Config, bool),
    diags: &mut Vec<Diagnostic>,
) -> Loaded {
    let reader = Reader::new(layers, &md);
    let layer = |from_base: bool| reader.layer(from_base);
    let read_text = |from_base: bool, in_site: &Path| reader.text(from_base, in_site);
    // Folders with an `index` page in a language (Hugo's `_index.md`).
    let indexes: HashSet<(PathBuf, LangId)> = md
        .iter()
        .filter(|(m, _)| m.stem == "index")
        .map(|(m, _)| (m.dir.clone(), m.lang))
        .collect();
    let results: Vec<Result<Parsed, Box<Unreadable>>> = md
        .into_par_iter()
        .map(|(m, from_base)| {
            let text = read_text(from_base, &m.in_site).map_err(|error| {
                Box::new(Unreadable {
                    error,
                    lang: m.lang,
                    page: m.dir.join(&m.stem),
                })
            })?;
            // Asked of Hugo's `_index.md` only (see `parse`).
            let has_index = m.stem == "_index" && indexes.contains(&(m.dir.clone(), m.lang));
            let file = SourceFile {
                rel: layers[layer(from_base)].shown_path(&m.in_site),
                dir: m.dir,
                stem: m.stem,
                lang: m.lang,
                digest: *blake3::hash(text.as_bytes()).as_bytes(),
                text,
                from_base,
                root: layers[layer(from_base)].real.clone(),
                in_site: m.in_site,
                hash: None,
                legacy_hash: None,
                released: false,
            };
            Ok(super::parse::parse(file, has_index, config, release))
        })
        .collect();
    let mut loaded = Loaded {
        assets,
        ..Loaded::default()
    };
    for r in results {
        match r {
            Ok(p) => loaded.parsed.push(p),
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

/// Reads the layers' files as text, without following links; each folder
/// of Markdown files opened once, not once per file (a large site has tens
/// of thousands of files in a few hundred folders).
struct Reader<'l> {
    layers: &'l [&'l Layer<'l>],
    dirs: Vec<Option<crate::no_follow::Dir>>,
    folders: HashMap<(usize, PathBuf), crate::no_follow::Dir>,
}

impl<'l> Reader<'l> {
    fn new(layers: &'l [&'l Layer<'l>], md: &[(MdEntry, bool)]) -> Self {
        let dirs: Vec<Option<crate::no_follow::Dir>> =
            layers.iter().map(|l| l.open().ok()).collect();
        let mut reader = Reader {
            layers,
            dirs,
            folders: HashMap::new(),
        };
        let folders: HashSet<(usize, PathBuf)> = md
            .iter()
            .filter_map(|(m, b)| Some((reader.layer(*b), m.in_site.parent()?.to_path_buf())))
            .collect();
        reader.folders = folders
            .into_par_iter()
            .filter_map(|(l, dir)| {
                let opened = reader.dirs[l]
                    .as_ref()?
                    .sub(&crate::no_follow::slash_path(&dir));
                Some(((l, dir), opened.ok()?))
            })
            .collect();
        reader
    }

    /// The layer a file is in (`from_base`: the base's).
    fn layer(&self, from_base: bool) -> usize {
        usize::from(from_base).min(self.layers.len() - 1)
    }

    /// The file `in_site` of a layer, as text, at most the size limit.
    fn text(&self, from_base: bool, in_site: &Path) -> Result<String, Diagnostic> {
        let l = self.layer(from_base);
        let rel = self.layers[l].shown_path(in_site);
        let folder = in_site.parent().map(|p| (l, p.to_path_buf()));
        // Never more than the limit, even from a file that grows meanwhile.
        let read = match (
            folder.and_then(|f| self.folders.get(&f)),
            in_site.file_name(),
        ) {
            (Some(dir), Some(name)) => {
                dir.read_at_most(&name.to_string_lossy(), MAX_MARKDOWN_BYTES)
            }
            _ => match &self.dirs[l] {
                Some(d) => {
                    d.read_at_most(&crate::no_follow::slash_path(in_site), MAX_MARKDOWN_BYTES)
                }
                None => Err(std::io::Error::from(std::io::ErrorKind::NotFound)),
            },
        };
        let cannot = |e: &std::io::Error| {
            Diagnostic::error(
                &rel,
                0,
                0,
                format!("cannot read the file: {}", io_message(e)),
            )
        };
        let bytes = match read.map_err(|e| cannot(&e))? {
            crate::no_follow::Capped::Bytes(bytes) => bytes,
            crate::no_follow::Capped::TooLarge(size) => return Err(too_large(&rel, size)),
        };
        crate::text::decode_vec(bytes).map_err(|e| Diagnostic::undecodable(&rel, e))
    }
}

/// The error for a page of `size` bytes, over the limit.
pub fn too_large(rel: &Path, size: u64) -> Diagnostic {
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
