//! Walking `guidance/` and reading every file once.

use crate::config::Config;
use crate::diagnostics::Diagnostic;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

pub const CONTENT_DIR: &str = "guidance";

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
    pub lang: usize,
    pub text: String,
}

/// Any other file under `guidance/`: copied beside the pages.
#[derive(Debug)]
pub struct AssetFile {
    /// Path relative to `guidance/`.
    pub rel: PathBuf,
    /// For `diagram.fr.png`: the language, and the name it stands in for.
    pub variant: Option<(usize, String)>,
}

#[derive(Debug, Default)]
pub struct Loaded {
    pub sources: Vec<SourceFile>,
    pub assets: Vec<AssetFile>,
    /// The site-wide `static/` folder: (path in it, in NFC; path on disk).
    pub static_files: Vec<(String, PathBuf)>,
}

/// Files and folders that are never content: hidden ones, editor and OS
/// leftovers (`~$x.docx`, `x.bak`, `.DS_Store`, ...).
pub fn ignored(name: &str) -> bool {
    name.starts_with('.')
        || crate::content::file_types::classify(name)
            == crate::content::file_types::FileType::Leftover
}

fn is_markdown(name: &str) -> Option<&str> {
    let lower = name.to_ascii_lowercase();
    for ext in [".md", ".markdown"] {
        if lower.ends_with(ext) && name.len() > ext.len() {
            return Some(&name[..name.len() - ext.len()]);
        }
    }
    None
}

/// Looks like a language tag (`fr`, `pt-BR`), as opposed to part of a name.
/// Two letters (`xx`), or a tag with subtags (`pt-BR`), or three letters
/// that name a common language (`fil`, `yue`), so that `notes.old.md` stays
/// a name.
fn looks_like_tag(s: &str) -> bool {
    let mut parts = s.split('-');
    let first = parts.next().unwrap_or("");
    let has_subtags = s.contains('-');
    let shaped = (2..=3).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_alphabetic())
        && parts
            .all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
    if !shaped {
        return false;
    }
    if first.len() == 2 || has_subtags {
        return true;
    }
    // A three-letter language ICU knows gets a likely script and region.
    let Ok(mut tag) =
        icu_locale_core::LanguageIdentifier::try_from_str(&first.to_ascii_lowercase())
    else {
        return false;
    };
    thread_local! {
        static EXPANDER: icu_locale::LocaleExpander = const { icu_locale::LocaleExpander::new_common() };
    }
    EXPANDER.with(|e| e.maximize(&mut tag) == icu_locale::TransformResult::Modified)
}

/// `name.fr` -> (`name`, fr). `Err` for a suffix that looks like a language
/// the site does not have.
pub fn split_lang<'a>(name: &'a str, config: &Config) -> Result<(&'a str, Option<usize>), String> {
    let Some((stem, suffix)) = name.rsplit_once('.') else {
        return Ok((name, None));
    };
    if stem.is_empty() {
        return Ok((name, None));
    }
    if let Some(i) = config.lang_index(suffix) {
        return Ok((stem, Some(i)));
    }
    if let Some(l) = config
        .languages
        .iter()
        .find(|l| l.code.eq_ignore_ascii_case(suffix))
    {
        return Err(format!(
            "language suffix `.{suffix}` should be written `.{}`",
            l.code
        ));
    }
    if looks_like_tag(suffix) {
        return Err(format!(
            "unknown language suffix `.{suffix}`: the site's languages are {}",
            config
                .languages
                .iter()
                .map(|l| l.code.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    Ok((name, None))
}

/// A Markdown file found by the walk, not yet read: its path in the site,
/// its folder under `guidance/`, its stem and its language.
type Found = (PathBuf, PathBuf, String, usize);

/// Walks `guidance/` (sorted, symlinks not followed so nothing outside the
/// site can leak into the output) and reads the Markdown files in parallel.
pub fn load(source: &Path, config: &Config, diags: &mut Vec<Diagnostic>) -> Loaded {
    let real = crate::no_follow::real(source);
    let Some((site, content)) = open(source, &real, diags) else {
        return Loaded::default();
    };
    let (md, assets) = walk(&real, content.path(), config, diags);
    let sources = read_all(&site, &real, md, diags);
    let static_files = super::static_dir::walk(&site, &real, diags);
    Loaded {
        sources,
        assets,
        static_files,
    }
}

/// The site folder and its `guidance/` folder, opened without following
/// links; `None` (and an error) when there is no real `guidance/`.
fn open(
    source: &Path,
    real: &Path,
    diags: &mut Vec<Diagnostic>,
) -> Option<(crate::no_follow::Dir, crate::no_follow::Dir)> {
    let missing = || {
        Diagnostic::error(
            CONTENT_DIR,
            0,
            0,
            format!("no `{CONTENT_DIR}/` folder in {}", source.display()),
        )
        .with_hint("put each publication in its own folder under guidance/")
    };
    let Ok(site) = crate::no_follow::Dir::open(real) else {
        diags.push(missing());
        return None;
    };
    match crate::no_follow::site_folder(&site, CONTENT_DIR) {
        Ok(Some(content)) => Some((site, content)),
        Ok(None) => {
            diags.push(missing());
            None
        }
        Err(msg) => {
            diags.push(Diagnostic::error(CONTENT_DIR, 0, 0, msg).with_hint(
                "keep the publications in a real guidance/ folder inside the site folder",
            ));
            None
        }
    }
}

/// Every file under `root` (the real `guidance/`), sorted: the Markdown
/// files to read, and the other files.
fn walk(
    real: &Path,
    root: &Path,
    config: &Config,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<Found>, Vec<AssetFile>) {
    let mut md = Vec::new();
    let mut assets = Vec::new();
    let walker = walkdir::WalkDir::new(root)
        .follow_links(false)
        .follow_root_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_str().is_some_and(ignored));
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e
                    .path()
                    .map(|p| rel_to(real, p))
                    .unwrap_or_else(|| CONTENT_DIR.into());
                diags.push(Diagnostic::error(
                    path,
                    0,
                    0,
                    format!("cannot read: {}", io_reason(&e)),
                ));
                continue;
            }
        };
        let Ok(rel) = entry.path().strip_prefix(root).map(Path::to_path_buf) else {
            continue;
        };
        let rel_site = rel_to(real, entry.path());
        if entry.file_type().is_symlink() {
            diags.push(crate::no_follow::link_diagnostic(
                real,
                entry.path(),
                rel_site,
            ));
            continue;
        }
        if entry.file_type().is_dir() && entry.depth() > 0 {
            if let Some(name) = entry.file_name().to_str()
                && let Some(problem) = crate::content::file_types::portable_name_problem(name)
            {
                diags.push(portable_error(rel_site, &problem));
            }
            continue;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let Some(name) = usable_name(&entry, &rel_site, diags) else {
            continue;
        };
        if let Some(problem) = crate::content::file_types::portable_name_problem(name) {
            diags.push(portable_error(rel_site, &problem));
            continue;
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
        if let Some(base) = is_markdown(name) {
            match split_lang(base, config) {
                Ok((stem, lang)) => md.push((
                    rel_site,
                    dir,
                    crate::slug::nfc(stem).into_owned(),
                    lang.unwrap_or_else(|| config.default_index()),
                )),
                Err(msg) => diags.push(Diagnostic::error(rel_site, 0, 0, msg).with_hint(
                    "add the language to site.yaml, or rename the file `<name>.<language>.md`",
                )),
            }
        } else {
            let variant = name.rsplit_once('.').and_then(|(base, ext)| {
                let (stem, lang) = split_lang(base, config).ok()?;
                Some((lang?, format!("{stem}.{ext}")))
            });
            assets.push(AssetFile { rel, variant });
        }
    }
    (md, assets)
}

/// A name that works here but breaks the site on Windows or macOS (a
/// reserved device name, a trailing dot): an error, so it is renamed
/// before the site is copied to a phone or a USB stick.
pub fn portable_error(rel: PathBuf, problem: &str) -> Diagnostic {
    Diagnostic::error(
        rel,
        0,
        0,
        format!("this name does not work on every system: {problem}"),
    )
    .with_hint("rename it: the site is copied to phones and USB sticks, read on Windows and macOS")
}

/// The entry's file name, unless it cannot be part of a web address (a
/// warning says so, and the file is skipped).
fn usable_name<'e>(
    entry: &'e walkdir::DirEntry,
    rel_site: &Path,
    diags: &mut Vec<Diagnostic>,
) -> Option<&'e str> {
    let Some(name) = entry.file_name().to_str() else {
        diags.push(Diagnostic::warning(
            rel_site,
            0,
            0,
            "file name is not valid Unicode; skipped",
        ));
        return None;
    };
    if let Some(bad) = name
        .chars()
        .find(|c| c.is_control() || matches!(c, '<' | '>' | '"' | '|' | '?' | '*' | '\\' | ':'))
    {
        diags.push(
            Diagnostic::warning(
                rel_site,
                0,
                0,
                format!(
                    "file name contains {bad:?}, which does not work in web addresses; skipped"
                ),
            )
            .with_hint("rename the file using letters, digits, '-', '_' and '.'"),
        );
        return None;
    }
    Some(name)
}

/// Reads and decodes the Markdown files, in parallel.
fn read_all(
    site: &crate::no_follow::Dir,
    real: &Path,
    md: Vec<Found>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<SourceFile> {
    let results: Vec<Result<SourceFile, Diagnostic>> = md
        .into_par_iter()
        .map(|(rel, dir, stem, lang)| {
            let text = read_one(site, real, &rel)?;
            Ok(SourceFile {
                rel,
                dir,
                stem,
                lang,
                text,
            })
        })
        .collect();
    let mut sources = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(s) => sources.push(s),
            Err(d) => diags.push(d),
        }
    }
    sources
}

/// One Markdown file's text, refused when too large or not text.
fn read_one(site: &crate::no_follow::Dir, real: &Path, rel: &Path) -> Result<String, Diagnostic> {
    let size = std::fs::symlink_metadata(real.join(rel))
        .map(|m| m.len())
        .unwrap_or(0);
    if size > MAX_MARKDOWN_BYTES {
        return Err(Diagnostic::error(
            rel,
            0,
            0,
            format!(
                "the file is too large ({:.1} MB; the limit is {} MB)",
                size as f64 / 1048576.0,
                MAX_MARKDOWN_BYTES / 1048576
            ),
        )
        .with_hint("split it into chapters; readers open pages on phones"));
    }
    let bytes = site.read(&crate::no_follow::slash_path(rel)).map_err(|e| {
        Diagnostic::error(
            rel,
            0,
            0,
            format!("cannot read the file: {}", io_message(&e)),
        )
    })?;
    crate::text::decode_vec(bytes).map_err(|(l, c, m)| Diagnostic::error(rel, l, c, m))
}

fn rel_to(source: &Path, p: &Path) -> PathBuf {
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

/// An I/O error in words an author understands.
pub fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied => {
            "permission denied (check the file's permissions)".into()
        }
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        crate::config::parse(
            "title: T\ndefault_language: en\nlanguages: [en, fr, pt-BR]\n",
            Path::new("site.yaml"),
        )
        .0
        .unwrap()
    }

    #[test]
    fn language_suffixes() {
        let c = config();
        assert_eq!(split_lang("01-a.fr", &c).unwrap(), ("01-a", Some(1)));
        assert_eq!(split_lang("01-a.pt-BR", &c).unwrap(), ("01-a", Some(2)));
        assert_eq!(split_lang("01-a", &c).unwrap(), ("01-a", None));
        assert_eq!(split_lang("v1.2-notes", &c).unwrap(), ("v1.2-notes", None));
        assert!(
            split_lang("01-a.xx", &c)
                .unwrap_err()
                .contains("unknown language suffix `.xx`")
        );
        assert!(split_lang("01-a.FR", &c).unwrap_err().contains("`.fr`"));
        assert_eq!(split_lang("notes.old", &c).unwrap(), ("notes.old", None));
        assert_eq!(split_lang("draft.bak", &c).unwrap(), ("draft.bak", None));
        assert!(split_lang("page.fil", &c).is_err());
        assert!(split_lang("page.zh-Hant", &c).is_err());
    }
}
