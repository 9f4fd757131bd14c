//! Writing the site. Nothing is written until every page has rendered, so a
//! failed build changes nothing. Then each file is written only if its bytes
//! differ from what is on disk (temp file in the same folder, renamed over),
//! and files the previous build wrote but this one does not are removed.
//!
//! The output folder carries a marker listing what fieldguide wrote; the
//! tool refuses to write into a non-empty folder without it, and never
//! removes a file it did not write.

pub mod assets;
pub mod download;
mod guard;
pub mod minify;
pub mod offline;
pub mod svg;

pub use guard::check_target;

use crate::diagnostics::Diagnostic;
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub const MARKER: &str = ".fieldguide-output";
const MARKER_HEADER: &str =
    "# Written by fieldguide. It lists the files it wrote here, which it may replace or remove.\n";

pub enum Bytes {
    Owned(Vec<u8>),
    Shared(Arc<Vec<u8>>),
    Static(&'static [u8]),
}

impl AsRef<[u8]> for Bytes {
    fn as_ref(&self) -> &[u8] {
        match self {
            Bytes::Owned(v) => v,
            Bytes::Shared(v) => v,
            Bytes::Static(v) => v,
        }
    }
}

/// A file of the finished site, by its path inside the output folder.
pub struct OutputFile {
    pub path: String,
    pub bytes: Bytes,
}

impl std::fmt::Debug for OutputFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "OutputFile({}, {} bytes)",
            self.path,
            self.bytes.as_ref().len()
        )
    }
}

impl OutputFile {
    pub fn owned(path: String, bytes: Vec<u8>) -> Self {
        OutputFile {
            path,
            bytes: Bytes::Owned(bytes),
        }
    }
}

#[derive(Debug, Default, Clone, Copy)]
pub struct WriteStats {
    pub written: usize,
    pub unchanged: usize,
    pub removed: usize,
    pub bytes: u64,
}

/// A path inside the output: relative, no `..`, no empty or hidden segments.
fn is_safe(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && !path.contains('\\')
        && path
            .split('/')
            .all(|s| !s.is_empty() && s != "." && s != ".." && !s.starts_with(".fieldguide"))
}

fn read_manifest(out: &Path) -> BTreeSet<String> {
    std::fs::read_to_string(out.join(MARKER))
        .map(|s| {
            s.lines()
                .filter(|l| !l.starts_with('#') && is_safe(l))
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

fn write_manifest(out: &Path, files: &BTreeSet<String>) -> std::io::Result<()> {
    let mut s = String::from(MARKER_HEADER);
    for f in files {
        s.push_str(f);
        s.push('\n');
    }
    atomic_write(&out.join(MARKER), s.as_bytes())
}

fn atomic_write(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = target.with_file_name(format!(".{name}.fieldguide-tmp"));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, target).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

fn same_content(target: &Path, bytes: &[u8]) -> bool {
    match std::fs::metadata(target) {
        Ok(m) if m.is_file() && m.len() == bytes.len() as u64 => {
            std::fs::read(target).is_ok_and(|b| b == bytes)
        }
        _ => false,
    }
}

fn io_error(path: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(
        path,
        0,
        0,
        format!("cannot write: {}", crate::content::load::io_message(e)),
    )
    .with_hint("check that the output folder is writable, or choose another with --out")
}

/// Writes `files` into `out` (already checked by [`check_target`]).
pub fn write(out: &Path, files: &[OutputFile]) -> Result<WriteStats, Vec<Diagnostic>> {
    let new: BTreeSet<String> = files.iter().map(|f| f.path.clone()).collect();
    if let Some(bad) = files.iter().find(|f| !is_safe(&f.path)) {
        return Err(vec![Diagnostic::error(
            &bad.path,
            0,
            0,
            "internal error: unsafe output path refused",
        )]);
    }
    if let Err(e) = std::fs::create_dir_all(out) {
        return Err(vec![io_error(out, &e)]);
    }
    let old = read_manifest(out);
    // Record everything that may exist after this run before writing, so an
    // interrupted build still knows which files are ours.
    let union: BTreeSet<String> = old.union(&new).cloned().collect();
    if let Err(e) = write_manifest(out, &union) {
        return Err(vec![io_error(&out.join(MARKER), &e)]);
    }
    let dirs: BTreeSet<PathBuf> = files
        .iter()
        .filter_map(|f| Path::new(&f.path).parent().map(|p| out.join(p)))
        .collect();
    for d in &dirs {
        if let Err(e) = std::fs::create_dir_all(d) {
            return Err(vec![io_error(d, &e)]);
        }
    }
    let results: Vec<Result<bool, Diagnostic>> = files
        .par_iter()
        .map(|f| {
            let target = out.join(&f.path);
            let bytes = f.bytes.as_ref();
            if same_content(&target, bytes) {
                return Ok(false);
            }
            atomic_write(&target, bytes)
                .map(|_| true)
                .map_err(|e| io_error(&target, &e))
        })
        .collect();
    let mut stats = WriteStats::default();
    let mut errors = Vec::new();
    for (r, f) in results.into_iter().zip(files) {
        match r {
            Ok(true) => {
                stats.written += 1;
                stats.bytes += f.bytes.as_ref().len() as u64;
            }
            Ok(false) => stats.unchanged += 1,
            Err(d) => errors.push(d),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    for stale in old.difference(&new) {
        let target = out.join(stale);
        if std::fs::symlink_metadata(&target).is_ok_and(|m| m.is_file())
            && std::fs::remove_file(&target).is_ok()
        {
            stats.removed += 1;
            // Remove folders left empty, up to the output folder.
            let mut dir = target.parent();
            while let Some(d) = dir {
                if d == out || std::fs::remove_dir(d).is_err() {
                    break;
                }
                dir = d.parent();
            }
        }
    }
    if let Err(e) = write_manifest(out, &new) {
        return Err(vec![io_error(&out.join(MARKER), &e)]);
    }
    Ok(stats)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_paths() {
        assert!(is_safe("en/pub/a.html"));
        assert!(!is_safe("../x"));
        assert!(!is_safe("/etc/x"));
        assert!(!is_safe("en//a"));
        assert!(!is_safe(".fieldguide-output"));
    }

    #[test]
    fn writes_only_changes_and_removes_stale() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let f = |p: &str, b: &str| OutputFile::owned(p.into(), b.as_bytes().to_vec());
        let s = write(&out, &[f("a.html", "1"), f("x/b.html", "2")]).unwrap();
        assert_eq!(s.written, 2);
        std::fs::write(out.join("mine.txt"), "user file").unwrap();
        let s = write(&out, &[f("a.html", "1"), f("c.html", "3")]).unwrap();
        assert_eq!((s.written, s.unchanged, s.removed), (1, 1, 1));
        assert!(!out.join("x").exists(), "empty folder removed");
        assert!(
            out.join("mine.txt").exists(),
            "files fieldguide did not write are kept"
        );
        let manifest = std::fs::read_to_string(out.join(MARKER)).unwrap();
        assert!(manifest.ends_with("a.html\nc.html\n"));
    }
}

/// Page weight, for the build summary and the budget test: what a reader's
/// phone downloads for the heaviest page.
#[derive(Debug, Clone, Default)]
pub struct Weight {
    /// The theme's CSS and JavaScript (`assets/*.css`, `assets/*.js`), in bytes.
    pub theme: u64,
    pub largest_page: String,
    pub largest_page_bytes: u64,
}

pub fn weight(files: &[OutputFile]) -> Weight {
    let mut w = Weight::default();
    for f in files {
        let len = f.bytes.as_ref().len() as u64;
        if f.path.starts_with("assets/") && (f.path.ends_with(".css") || f.path.ends_with(".js")) {
            w.theme += len;
        } else if f.path.ends_with(".html")
            && (len > w.largest_page_bytes
                || (len == w.largest_page_bytes && f.path < w.largest_page))
        {
            w.largest_page = f.path.clone();
            w.largest_page_bytes = len;
        }
    }
    w
}
