//! A site's `guidance/` folder walked as one layer: its pages (`01-a.md`
//! and `01-a.en.md` are the same page when English is the default), other
//! files, and what is never read. A local edition walks two layers, which
//! `overlay` lays into one tree; later steps see one tree.

use super::names::{
    CONTENT_DIR, ignored, io_message, is_markdown, portable_error, split_lang, usable_name,
};
use crate::config::Config;
use crate::config::LangId;
use crate::diagnostics::Diagnostic;
use crate::no_follow::Dir;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// The file at the root of `guidance/` that declares and sets local values.
pub const VALUES_FILE: &str = "values.yaml";

/// Any other file under `guidance/`: copied beside the pages.
#[derive(Debug)]
pub struct AssetFile {
    /// Path relative to `guidance/`.
    pub rel: PathBuf,
    /// For `diagram.fr.png`: the language, and the name it stands in for.
    pub variant: Option<(LangId, String)>,
    /// In a local edition's base (the edition has no file at this path).
    pub from_base: bool,
}

/// One site folder, as a layer of the tree.
pub struct Layer<'a> {
    /// The site folder, resolved.
    pub real: PathBuf,
    /// What messages put before a path inside it: nothing for the site
    /// being built, the `base:` path for its base.
    pub shown: PathBuf,
    /// The configuration whose languages name this layer's files.
    pub config: &'a Config,
    /// The built site's language index for each of this layer's
    /// languages; `None` for a language the edition does not publish.
    pub lang_map: Vec<Option<LangId>>,
    pub from_base: bool,
}

/// A Markdown file found, not yet read.
pub struct MdEntry {
    /// Path relative to the layer's site folder (`guidance/pub/01-a.md`).
    pub in_site: PathBuf,
    pub dir: PathBuf,
    pub stem: String,
    pub lang: LangId,
}

/// What one layer holds.
#[derive(Default)]
pub struct Walked {
    pub md: Vec<MdEntry>,
    pub assets: Vec<AssetFile>,
    /// `guidance/values.yaml`, when there is one.
    pub values: bool,
    /// Links and special files (a named pipe, a socket) never read, by
    /// path from the top of `guidance/` (NFC), with what each is: a link
    /// to one is told why it finds nothing.
    pub not_files: Vec<(PathBuf, &'static str)>,
    /// READMEs, left out as notes to contributors, by path from the top of
    /// `guidance/` (NFC): a folder with no index is told about its own.
    pub readmes: Vec<PathBuf>,
    /// Docusaurus's `_category_.json` files, not read as settings: each
    /// one's folder (from the top of `guidance/`, NFC) and what it gives,
    /// for the warning about the folder's missing index.
    pub categories: Vec<(PathBuf, super::not_pages::Category)>,
    /// A base's pages in a language the edition does not publish: the
    /// page (`pub/02-referral`), the file as messages show it, and its
    /// language's code. One with no file in the edition's languages is
    /// not published, and is told (see `overlay::unpublished`).
    pub other_languages: Vec<(PathBuf, PathBuf, String)>,
}

impl Layer<'_> {
    /// The whole site's layer: its own languages, shown as they are.
    pub fn site<'c>(real: PathBuf, config: &'c Config) -> Layer<'c> {
        Layer {
            real,
            shown: PathBuf::new(),
            config,
            lang_map: config.lang_ids().map(Some).collect(),
            from_base: false,
        }
    }

    /// A local edition's base: its languages mapped to the edition's.
    pub fn base<'c>(base: &'c crate::config::BaseSite, edition: &Config) -> Layer<'c> {
        Layer {
            real: base.root.clone(),
            shown: base.shown.clone(),
            config: &base.config,
            lang_map: base
                .config
                .languages
                .iter()
                .map(|l| edition.lang_index(&l.code))
                .collect(),
            from_base: true,
        }
    }

    /// A path relative to the layer's site folder, as messages show it.
    pub fn shown_path(&self, in_site: impl AsRef<Path>) -> PathBuf {
        self.shown.join(in_site)
    }

    /// The layer's site folder, opened without following a link.
    pub fn open(&self) -> std::io::Result<Dir> {
        Dir::open(&self.real)
    }

    /// The files of the layer's site-wide `static/` folder.
    pub fn walk_static(&self, diags: &mut Vec<Diagnostic>) -> Vec<(String, PathBuf)> {
        match self.open() {
            Ok(site) => super::static_dir::walk(&site, &self.real, &self.shown, diags),
            Err(_) => Vec::new(),
        }
    }

    /// Walks `guidance/` (sorted, links not followed, so nothing outside
    /// the site can leak into the output). `None` when there is none.
    pub fn walk(&self, diags: &mut Vec<Diagnostic>) -> Option<Walked> {
        let site = self.open().ok()?;
        let content = match crate::no_follow::site_folder(&site, CONTENT_DIR) {
            Ok(Some(d)) => d,
            Ok(None) => return None,
            Err(msg) => {
                diags.push(
                    Diagnostic::error(self.shown_path(CONTENT_DIR), 0, 0, msg).with_hint(
                        "keep the publications in a real guidance/ folder inside the site folder",
                    ),
                );
                return Some(Walked::default());
            }
        };
        let root = content.path().to_path_buf();
        let mut out = Walked::default();
        // A folder whose name is not UTF-8 is not entered: its files'
        // names could not be read back (see `names::not_unicode`).
        let mut not_unicode = Vec::new();
        let mut too_deep = Vec::new();
        let mut tool_folders = Vec::new();
        let walker = walkdir::WalkDir::new(&root)
            .follow_links(false)
            .follow_root_links(false)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                let name = e.file_name().to_str();
                if e.depth() > 0 && name.is_none() && e.file_type().is_dir() {
                    not_unicode.push(e.path().to_path_buf());
                    return false;
                }
                if e.depth() > MAX_FOLDER_DEPTH && e.file_type().is_dir() {
                    too_deep.push(e.path().to_path_buf());
                    return false;
                }
                if e.depth() > 0
                    && e.file_type().is_dir()
                    && name.is_some_and(super::not_pages::is_tool_folder)
                {
                    tool_folders.push(e.path().to_path_buf());
                    return false;
                }
                e.depth() == 0 || !name.is_some_and(ignored)
            });
        // The folders are read in order, one thread; then each entry is
        // looked at (names checked, language split, NFC) in parallel, and
        // what it gives kept in the walk's order.
        let entries: Vec<walkdir::Result<walkdir::DirEntry>> = walker.collect();
        for folder in not_unicode {
            let shown = self.shown_path(rel_to(&self.real, &folder));
            diags.push(super::names::not_unicode(shown, true));
        }
        for folder in too_deep {
            let shown = self.shown_path(rel_to(&self.real, &folder));
            diags.push(too_deep_error(shown));
        }
        for folder in tool_folders {
            let shown = self.shown_path(rel_to(&self.real, &folder));
            diags.push(super::not_pages::tool_folder(shown));
        }
        let found: Vec<(Walked, Vec<Diagnostic>)> = entries
            .par_iter()
            .map(|entry| {
                let (mut found, mut said) = (Walked::default(), Vec::new());
                match entry {
                    Ok(e) => self.entry(e, &root, &mut found, &mut said),
                    Err(e) => {
                        let path = e
                            .path()
                            .map(|p| self.shown_path(rel_to(&self.real, p)))
                            .unwrap_or_else(|| self.shown_path(CONTENT_DIR));
                        said.push(Diagnostic::error(
                            path,
                            0,
                            0,
                            format!("cannot read: {}", io_reason(e)),
                        ));
                    }
                }
                (found, said)
            })
            .collect();
        for (found, said) in found {
            out.md.extend(found.md);
            out.assets.extend(found.assets);
            out.values |= found.values;
            out.not_files.extend(found.not_files);
            out.readmes.extend(found.readmes);
            out.categories.extend(found.categories);
            out.other_languages.extend(found.other_languages);
            diags.extend(said);
        }
        Some(out)
    }

    /// A README, or Docusaurus's `_category_.json` (or `.yml`): not read as a page or
    /// a setting, but noted for the warning about a folder with no index.
    fn folder_notes(&self, name: &str, dir: &Path, in_site: &Path, out: &mut Walked) {
        if is_markdown(name).is_some_and(|s| s.to_ascii_lowercase().starts_with("readme")) {
            out.readmes.push(dir.join(name));
        }
        // Docusaurus reads the same settings from any of the three.
        if matches!(
            name,
            "_category_.json" | "_category_.yml" | "_category_.yaml"
        ) {
            let file = self
                .open()
                .and_then(|d| d.open_read(&crate::no_follow::slash_path(in_site)));
            out.categories.push((
                dir.to_path_buf(),
                super::not_pages::category(name, file.ok()),
            ));
        }
    }

    /// One file found under `guidance/`.
    fn entry(
        &self,
        entry: &walkdir::DirEntry,
        root: &Path,
        out: &mut Walked,
        diags: &mut Vec<Diagnostic>,
    ) {
        let in_site = rel_to(&self.real, entry.path());
        let shown = self.shown_path(&in_site);
        let Ok(rel) = entry.path().strip_prefix(root).map(Path::to_path_buf) else {
            return;
        };
        let not_file = |what: &'static str, out: &mut Walked| {
            let rel = crate::no_follow::slash_path(&rel);
            out.not_files
                .push((PathBuf::from(crate::slug::nfc(&rel).as_ref()), what));
        };
        if entry.file_type().is_symlink() {
            not_file("a symbolic link, which fieldguide never follows", out);
            diags.push(crate::no_follow::link_diagnostic(
                &self.real,
                entry.path(),
                shown,
            ));
            return;
        }
        if entry.file_type().is_dir() && entry.depth() > 0 {
            if let Some(name) = entry.file_name().to_str()
                && let Some(problem) = super::windows_names::walk_problem(name, true)
            {
                diags.push(portable_error(shown, &problem));
            }
            return;
        }
        if entry.file_type().is_dir() {
            return;
        }
        if !entry.file_type().is_file() {
            // A named pipe would block a read; a device is no page. Said,
            // so that a page that is missing for it is not a mystery.
            let kind = super::names::special_kind(entry.file_type());
            not_file(kind, out);
            let msg = format!("not read: it is {kind}, not a file");
            diags.push(
                Diagnostic::warning(shown, 0, 0, msg)
                    .with_hint("save the page as an ordinary file, or remove it"),
            );
            return;
        }
        let Some(name) = usable_name(entry, &shown, diags) else {
            return;
        };
        if let Some(problem) = super::windows_names::walk_problem(name, is_markdown(name).is_some())
        {
            diags.push(portable_error(shown, &problem));
            return;
        }
        if rel == Path::new(VALUES_FILE) {
            out.values = true;
            return;
        }
        // Names are compared in NFC: macOS saves them decomposed, links
        // are typed composed.
        let dir = PathBuf::from(
            crate::slug::nfc(
                &rel.parent()
                    .map(crate::no_follow::slash_path)
                    .unwrap_or_default(),
            )
            .as_ref(),
        );
        let config = self.config;
        self.folder_notes(name, &dir, &in_site, out);
        if super::not_pages::not_a_page(name, &shown, diags) {
            return;
        }
        if let Some(base) = is_markdown(name) {
            self.markdown(base, in_site, dir, &shown, out, diags);
            return;
        }
        let variant = name.rsplit_once('.').and_then(|(base, ext)| {
            let (stem, lang) = split_lang(base, config).ok()?;
            Some((lang?, format!("{stem}.{ext}")))
        });
        let variant = match variant {
            Some((lang, name)) => match self.lang_map[lang] {
                Some(l) => Some((l, name)),
                None => return,
            },
            None => None,
        };
        out.assets.push(AssetFile {
            rel,
            variant,
            from_base: self.from_base,
        });
    }

    /// A Markdown file found under `guidance/`, named `base.md`.
    fn markdown(
        &self,
        base: &str,
        in_site: PathBuf,
        dir: PathBuf,
        shown: &Path,
        out: &mut Walked,
        diags: &mut Vec<Diagnostic>,
    ) {
        let config = self.config;
        match split_lang(base, config) {
            Ok((stem, lang)) => {
                let code = lang.map(|l| config.languages[l].code.as_str());
                let index = super::names::index_in_capitals(shown, stem, code);
                let stem = if index.is_some() { "index" } else { stem };
                // One warning, with the whole name to write.
                diags.extend(index.or_else(|| super::names::suffix_case(shown, base, config)));
                let lang = lang.unwrap_or_else(|| config.default_index());
                // A language of the base the edition does not publish.
                let Some(mapped) = self.lang_map[lang] else {
                    out.other_languages.push((
                        dir.join(crate::slug::nfc(stem).as_ref()),
                        shown.to_path_buf(),
                        config.languages[lang].code.clone(),
                    ));
                    return;
                };
                let lang = mapped;
                out.md.push(MdEntry {
                    in_site,
                    dir,
                    stem: crate::slug::nfc(stem).into_owned(),
                    lang,
                });
            }
            Err(msg) => {
                let d = Diagnostic::error(shown, 0, 0, msg)
                    .with_hint(super::names::suffix_hint(base, config));
                // A site published with known defects leaves it out.
                diags.push(
                    if config.broken_links == crate::config::BrokenLinks::Warning {
                        d.as_warning()
                            .with_note("`broken_links: warning`: this file is not published")
                    } else {
                        d
                    },
                );
            }
        }
    }
}

/// Folders below `guidance/` deeper than this are not read. Every page
/// shows the path to it, each step a relative link one `../` longer, so a
/// site grows with the cube of its depth: 400 nested parts of a few bytes
/// made 129 MB. Word numbers headings nine levels deep.
const MAX_FOLDER_DEPTH: usize = 12;

fn too_deep_error(shown: PathBuf) -> Diagnostic {
    let msg = format!(
        "folders nested more than {MAX_FOLDER_DEPTH} deep under guidance/: this one and what it holds are not read"
    );
    Diagnostic::error(shown, 0, 0, msg).with_hint(
        "a publication's parts are folders in its folder, nested as a document's headings are: a few levels at most",
    )
}

pub fn rel_to(source: &Path, p: &Path) -> PathBuf {
    p.strip_prefix(source)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| p.to_path_buf())
}

fn io_reason(e: &walkdir::Error) -> String {
    if e.loop_ancestor().is_some() {
        return "a symbolic link loop".into();
    }
    match e.io_error() {
        Some(io) => io_message(io),
        None => e.to_string(),
    }
}
