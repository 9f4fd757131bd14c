//! Writing the site all or nothing.
//!
//! Pages are handed to [`Writer::put`] as they are rendered (from any
//! thread) and forgotten: a file whose bytes differ from what the output
//! holds is written to a staging folder inside the output
//! (`.fieldguide-staging`, same filesystem), an unchanged one is left alone.
//! Only when the whole build has succeeded does [`Writer::commit`] move the
//! staged files into place, old versions kept aside until the end, then
//! move stale files away. Any failure undoes every move made so far, so the
//! previous output is left byte-identical; the staging folder is removed
//! either way, and a leftover one (a killed build) is removed at the start.
//!
//! Every path is resolved from the open output folder without following
//! links (`no_follow`): a link planted in the output is replaced, never
//! written through, and a removal never reaches outside.

use super::manifest::{Hash, Manifest, is_safe};
use crate::diagnostics::Diagnostic;
use crate::no_follow::{Dir, Kind};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

pub const STAGING: &str = ".fieldguide-staging";

#[derive(Debug, Default, Clone, Copy)]
pub struct WriteStats {
    pub written: usize,
    pub unchanged: usize,
    pub removed: usize,
    pub bytes: u64,
}

/// A file handed to the writer: its path, hash, and where it was staged
/// (`None` when the output already holds these bytes).
#[derive(Debug, Clone)]
pub struct Staged {
    pub path: String,
    pub hash: Hash,
    pub len: u64,
    pub(super) tmp: Option<usize>,
}

/// What the manifest records about PDFs (see `pdf::keep`): the print key of
/// each PDF made in this run, and the PDFs of an earlier `pdf` run to keep
/// (listed, not removed) because their publication did not change.
#[derive(Debug, Default, Clone)]
pub struct Printed {
    pub made: BTreeMap<String, String>,
    pub keep: BTreeSet<String>,
}

impl Printed {
    pub fn is_empty(&self) -> bool {
        self.made.is_empty() && self.keep.is_empty()
    }
}

pub struct Writer {
    pub(super) out: PathBuf,
    pub(super) root: Dir,
    pub(super) staging: Dir,
    pub(super) old: Manifest,
    pub(super) next: AtomicUsize,
    /// The output folder did not exist before this build: a failed build
    /// removes it again (when empty), so nothing at all is left.
    created: bool,
    pub(super) committed: bool,
    /// The site zip's path and the secret its hash is recorded with (see
    /// `manifest::zip_seal`).
    pub(super) zip_seal: Option<(String, Hash)>,
    /// Signals held back while the commit moves files; a field, so it is
    /// dropped after `drop` has removed the staging folder.
    pub(super) hold: Option<super::signals::Hold>,
}

pub(crate) fn io_error(path: &Path, e: &std::io::Error) -> Diagnostic {
    let d = Diagnostic::error(
        path,
        0,
        0,
        format!("cannot write: {}", crate::content::load::io_message(e)),
    );
    // EBUSY, EXDEV: a file system mounted inside the output folder cannot
    // be moved or replaced, and the build never writes into one.
    if matches!(e.raw_os_error(), Some(16 | 18)) {
        return d.with_hint("something is mounted inside the output folder (`mount` lists it): unmount it, or choose another folder with --out; the previous output was left as it was");
    }
    d.with_hint("check that the output folder is writable and has room, or choose another with --out; the previous output was left as it was")
}

/// Removes a staging folder and everything in it, never through a link.
fn remove_staging(root: &Dir) {
    // Anything but a folder in its place (a link, a file, a FIFO planted
    // there) is only a name to remove: nothing is opened through it.
    if matches!(
        root.kind(STAGING).ok(),
        Some(Kind::Link | Kind::File { .. } | Kind::Other)
    ) {
        let _ = root.unlink(STAGING);
        return;
    }
    // A staging folder on another device (a mount point planted there) is
    // not emptied: what is mounted is not the output's.
    let same_device = root.device(".").ok() == root.device(STAGING).ok();
    if same_device && let Ok(dir) = root.sub(STAGING) {
        empty(&dir);
    }
    let _ = root.rmdir(STAGING);
}

/// Removes everything in `dir` without following links. The entries of a
/// folder inside are first moved up into `dir` itself (folders a commit
/// moved aside, or a forged staging folder's), so that no depth of nesting
/// needs a deep walk or many open folders. Stops when a pass removes
/// nothing (a read-only folder): what is left is left. Never crosses into
/// another file system: a folder mounted inside is left as it is.
fn empty(dir: &Dir) {
    let Ok(device) = dir.device(".") else { return };
    let mut next = 0usize;
    let mut fresh = || loop {
        let name = format!("q{next}");
        next += 1;
        if dir.kind(&name).ok() == Some(Kind::Missing) {
            return name;
        }
    };
    loop {
        let Ok(names) = dir.names() else { return };
        let mut changed = false;
        for name in names {
            if dir.kind(&name).ok() != Some(Kind::Dir) {
                changed |= dir.unlink(&name).is_ok();
                continue;
            }
            if dir.device(&name).ok() != Some(device) {
                continue;
            }
            if dir.rmdir(&name).is_ok() {
                changed = true;
                continue;
            }
            // A name that is not UTF-8 gets one that is, to be opened.
            let name = match name.to_str() {
                Some(n) => n.to_string(),
                None => {
                    let to = fresh();
                    if dir.rename(&name, dir, &to).is_err() {
                        continue;
                    }
                    to
                }
            };
            let Ok(sub) = dir.sub(&name) else { continue };
            for inner in sub.names().unwrap_or_default() {
                changed |= sub.rename(&inner, dir, fresh()).is_ok();
            }
        }
        if !changed {
            return;
        }
    }
}

impl Writer {
    /// After a commit, removes what it set aside in the staging folder; an
    /// error when something there cannot be removed (a file system mounted
    /// in a folder the build set aside, a folder that may not be emptied):
    /// the new output is in place, but the staging folder stays in it and
    /// the next build stops at it.
    pub(super) fn clear_staging(&self) -> Result<(), Diagnostic> {
        empty(&self.staging);
        if self.staging.names().is_ok_and(|n| n.is_empty()) {
            return Ok(());
        }
        Err(Diagnostic::error(
            self.out.join(STAGING),
            0,
            0,
            "the new output is in place, but what this build set aside in the staging folder cannot be removed: another file system is mounted in it, or something in it may not be removed",
        )
        .with_hint("remove it yourself (unmount what is mounted in it first): until it is gone, the next build stops at it"))
    }

    /// Opens (or creates) the output folder, already checked by
    /// `guard::check_target`, and prepares an empty staging folder.
    pub fn begin(out: &Path) -> Result<Writer, Diagnostic> {
        let created = std::fs::symlink_metadata(out).is_err();
        std::fs::create_dir_all(out).map_err(|e| io_error(out, &e))?;
        // By its own name (not `public/`), so that a link swapped in since
        // the check is refused, not followed.
        let root = Dir::open(&crate::no_follow::named(out)).map_err(|e| io_error(out, &e))?;
        // Before the staging folder is touched: another build's is in use.
        if !root.lock().map_err(|e| io_error(out, &e))? {
            return Err(Diagnostic::error(
                out.display().to_string(),
                0,
                0,
                format!(
                    "another fieldguide build is writing into `{}`",
                    out.display()
                ),
            )
            .with_hint("wait for it to finish, then build again"));
        }
        remove_staging(&root);
        if root.kind(STAGING).ok() != Some(Kind::Missing) {
            return Err(Diagnostic::error(
                out.join(STAGING),
                0,
                0,
                "a staging folder left in the output cannot be removed: another file system is mounted in it, or something in it may not be removed",
            )
            .with_hint("remove it yourself, then build again; nothing was written"));
        }
        root.mkdir(STAGING)
            .map_err(|e| io_error(&out.join(STAGING), &e))?;
        let staging = root
            .sub(STAGING)
            .map_err(|e| io_error(&out.join(STAGING), &e))?;
        let old = match super::manifest::read(&root) {
            Ok(bytes) => Manifest::parse(&String::from_utf8_lossy(&bytes)),
            Err(_) => Manifest::default(),
        };
        Ok(Writer {
            out: out.to_path_buf(),
            root,
            staging,
            old,
            next: AtomicUsize::new(0),
            created,
            committed: false,
            zip_seal: None,
            hold: None,
        })
    }

    /// Records the site zip at `path` in the manifest, its hash keyed with
    /// `secret`, for the next build to trust (see `manifest::zip_seal`).
    pub fn seal_zip(&mut self, path: String, secret: Hash) {
        self.zip_seal = Some((path, secret));
    }

    /// Manifest entries that were ignored, for a warning.
    pub fn refused_entries(&self) -> &[String] {
        &self.old.refused
    }

    /// What the previous build wrote, as its manifest says (unverified:
    /// use it to warn or to keep, never to decide what is written).
    pub fn previous(&self) -> &Manifest {
        &self.old
    }

    /// Whether the output's file `rel` still holds what the previous build
    /// wrote there, as its manifest records it (length, then hash; never
    /// through a link).
    pub fn still_written(&self, rel: &str) -> bool {
        let Some(Some(hash)) = self.old.files.get(rel) else {
            return false;
        };
        let (dir, name) = rel.rsplit_once('/').unwrap_or(("", rel));
        let len = self.old.lens.get(rel).copied();
        self.root
            .sub(dir)
            .is_ok_and(|d| super::manifest::still_holds(&d, name, hash, len))
    }

    /// The regular file `rel` of the output as it was before this build
    /// (never through a link), for reading.
    pub fn open_earlier(&self, rel: &str) -> Option<std::fs::File> {
        self.root.open_read(rel).ok()
    }

    /// A new file in the staging folder, for output too large to hold in
    /// memory (the zips): write it, then hand it over with [`Writer::put_scratch`].
    pub fn scratch(&self) -> std::io::Result<(usize, std::fs::File)> {
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        Ok((n, self.staging.create_rw(&n.to_string())?))
    }

    /// Stages the scratch file `n` for `path`, unless the output already
    /// holds the same bytes (compared by BLAKE3 hash). `known`: the hash
    /// and length of what was written to it, when the writer hashed it as
    /// it went (a streamed page); else the file is read back to hash it.
    pub fn put_scratch(
        &self,
        path: &str,
        n: usize,
        known: Option<(Hash, u64)>,
    ) -> Result<Staged, Diagnostic> {
        let fail = |e: &std::io::Error| io_error(&self.out.join(path), e);
        if !is_safe(path) {
            return Err(Diagnostic::error(
                path,
                0,
                0,
                "internal error: unsafe output path refused",
            ));
        }
        let (hash, len) = match known {
            Some(k) => k,
            None => self.staging.hash(&n.to_string()).map_err(|e| fail(&e))?,
        };
        let (dir, name) = path.rsplit_once('/').unwrap_or(("", path));
        // The length first: a file of another length planted there (a
        // sparse file of terabytes) is never read to find it differs.
        let unchanged = self
            .root
            .sub(dir)
            .is_ok_and(|d| super::manifest::still_holds(&d, name, &hash, Some(len)));
        let tmp = if unchanged {
            let _ = self.staging.unlink(n.to_string());
            None
        } else {
            Some(n)
        };
        Ok(Staged {
            path: path.to_string(),
            hash,
            len,
            tmp,
        })
    }

    /// Stages `bytes` for `path` unless the output already holds them.
    pub fn put(&self, path: &str, bytes: &[u8]) -> Result<Staged, Diagnostic> {
        self.put_hashed(path, bytes, *blake3::hash(bytes).as_bytes())
    }

    /// [`Writer::put`], for bytes whose BLAKE3 hash the caller has.
    pub fn put_hashed(&self, path: &str, bytes: &[u8], hash: Hash) -> Result<Staged, Diagnostic> {
        if !is_safe(path) {
            return Err(Diagnostic::error(
                path,
                0,
                0,
                "internal error: unsafe output path refused",
            ));
        }
        let (dir, name) = path.rsplit_once('/').unwrap_or(("", path));
        let unchanged = self
            .root
            .sub(dir)
            .is_ok_and(|d| d.same_content(name, bytes));
        let tmp = if unchanged {
            None
        } else {
            let n = self.next.fetch_add(1, Ordering::Relaxed);
            self.staging
                .create_new(&n.to_string(), bytes)
                .map_err(|e| io_error(&self.out.join(path), &e))?;
            Some(n)
        };
        Ok(Staged {
            path: path.to_string(),
            hash,
            len: bytes.len() as u64,
            tmp,
        })
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        remove_staging(&self.root);
        if self.created && !self.committed {
            let _ = std::fs::remove_dir(&self.out);
        }
    }
}

#[cfg(test)]
mod tests;
