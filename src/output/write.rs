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

use super::manifest::{Hash, MARKER, Manifest, is_safe};
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
    tmp: Option<usize>,
}

/// What the manifest records about PDFs (see `pdf::keep`): the print key of
/// each PDF made in this run, and the PDFs of an earlier `pdf` run to keep
/// (listed, not removed) because their publication did not change.
#[derive(Debug, Default, Clone)]
pub struct Printed {
    pub made: BTreeMap<String, String>,
    pub keep: BTreeSet<String>,
}

pub struct Writer {
    out: PathBuf,
    root: Dir,
    staging: Dir,
    old: Manifest,
    next: AtomicUsize,
    /// The output folder did not exist before this build: a failed build
    /// removes it again (when empty), so nothing at all is left.
    created: bool,
    committed: bool,
}

fn io_error(path: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(
        path,
        0,
        0,
        format!("cannot write: {}", crate::content::load::io_message(e)),
    )
    .with_hint("check that the output folder is writable and has room, or choose another with --out; the previous output was left as it was")
}

/// Removes a staging folder and the flat files in it.
fn remove_staging(root: &Dir) {
    if root.kind(STAGING).ok() == Some(Kind::Link) {
        let _ = root.unlink(STAGING);
        return;
    }
    if let Ok(dir) = root.sub(STAGING)
        && let Ok(entries) = std::fs::read_dir(dir.path())
    {
        for e in entries.flatten() {
            if let Some(name) = e.file_name().to_str() {
                if dir.kind(name).ok() == Some(Kind::Dir) {
                    // Only a forged staging folder has sub-folders: leave it.
                    continue;
                }
                let _ = dir.unlink(name);
            }
        }
    }
    let _ = root.rmdir(STAGING);
}

impl Writer {
    /// Opens (or creates) the output folder, already checked by
    /// `guard::check_target`, and prepares an empty staging folder.
    pub fn begin(out: &Path) -> Result<Writer, Diagnostic> {
        let created = std::fs::symlink_metadata(out).is_err();
        std::fs::create_dir_all(out).map_err(|e| io_error(out, &e))?;
        let root = Dir::open(out).map_err(|e| io_error(out, &e))?;
        remove_staging(&root);
        root.mkdir(STAGING)
            .map_err(|e| io_error(&out.join(STAGING), &e))?;
        let staging = root
            .sub(STAGING)
            .map_err(|e| io_error(&out.join(STAGING), &e))?;
        let old = match root.read(MARKER) {
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
        })
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

    /// A new file in the staging folder, for output too large to hold in
    /// memory (the zips): write it, then hand it over with [`Writer::put_scratch`].
    pub fn scratch(&self) -> std::io::Result<(usize, std::fs::File)> {
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        Ok((n, self.staging.create_rw(&n.to_string())?))
    }

    /// Stages the scratch file `n` for `path`, unless the output already
    /// holds the same bytes (compared by BLAKE3 hash).
    pub fn put_scratch(&self, path: &str, n: usize) -> Result<Staged, Diagnostic> {
        let fail = |e: &std::io::Error| io_error(&self.out.join(path), e);
        if !is_safe(path) {
            return Err(Diagnostic::error(
                path,
                0,
                0,
                "internal error: unsafe output path refused",
            ));
        }
        let (hash, len) = self.staging.hash(&n.to_string()).map_err(|e| fail(&e))?;
        let (dir, name) = path.rsplit_once('/').unwrap_or(("", path));
        let unchanged = self
            .root
            .sub(dir)
            .and_then(|d| d.hash(name))
            .is_ok_and(|old| old == (hash, len));
        let tmp = if unchanged {
            let _ = self.staging.unlink(&n.to_string());
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

    /// Moves every staged file into place and removes stale files, or
    /// changes nothing. Returns the counts and warnings (links replaced,
    /// stale files kept because they changed).
    pub fn commit(
        self,
        files: Vec<Staged>,
    ) -> Result<(WriteStats, Vec<Diagnostic>), Vec<Diagnostic>> {
        self.commit_printed(files, &Printed::default())
    }

    /// [`Writer::commit`], recording the PDFs' print keys and keeping the
    /// earlier PDFs `printed.keep` names.
    pub fn commit_printed(
        mut self,
        mut files: Vec<Staged>,
        printed: &Printed,
    ) -> Result<(WriteStats, Vec<Diagnostic>), Vec<Diagnostic>> {
        files.sort_by(|a, b| a.path.cmp(&b.path));
        let mut tx = Transaction::new(&self);
        match tx.run(&files, printed) {
            Ok(()) => {
                let stats = WriteStats {
                    written: files.iter().filter(|f| f.tmp.is_some()).count(),
                    unchanged: files.iter().filter(|f| f.tmp.is_none()).count(),
                    removed: tx.stale.len(),
                    bytes: files
                        .iter()
                        .filter(|f| f.tmp.is_some())
                        .map(|f| f.len)
                        .sum(),
                };
                tx.remove_empty_dirs();
                let warnings = std::mem::take(&mut tx.warnings);
                drop(tx);
                self.committed = true;
                Ok((stats, warnings))
            }
            Err(e) => {
                tx.undo();
                Err(vec![e])
            }
        }
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

/// One step done by a commit, and how to undo it.
enum Undo {
    /// A staged file moved to `name` in `dir`; what was there before.
    Placed {
        dir: String,
        name: String,
        before: Before,
    },
    /// A folder created (after removing a link, when `link` is set).
    MadeDir { path: String, link: Option<PathBuf> },
    /// A stale file moved into staging as `s<n>`.
    Moved { dir: String, name: String, n: usize },
}

enum Before {
    Nothing,
    /// The old file, linked into staging as `b<n>`.
    File(usize),
    Link(PathBuf),
}

struct Transaction<'a> {
    w: &'a Writer,
    dirs: BTreeMap<String, Dir>,
    done: Vec<Undo>,
    stale: Vec<String>,
    warnings: Vec<Diagnostic>,
    backups: usize,
}

fn split(path: &str) -> (&str, &str) {
    path.rsplit_once('/').unwrap_or(("", path))
}

impl<'a> Transaction<'a> {
    fn new(w: &'a Writer) -> Self {
        Transaction {
            w,
            dirs: BTreeMap::new(),
            done: Vec::new(),
            stale: Vec::new(),
            warnings: Vec::new(),
            backups: 0,
        }
    }

    fn err(&self, rel: &str, e: &std::io::Error) -> Diagnostic {
        io_error(&self.w.out.join(rel), e)
    }

    fn run(&mut self, files: &[Staged], printed: &Printed) -> Result<(), Diagnostic> {
        let new: BTreeSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
        let mut manifest = Manifest::default();
        // Stale files first: one may stand where a new folder goes.
        let stale: Vec<(String, Option<Hash>)> = self
            .w
            .old
            .files
            .iter()
            .filter(|(p, _)| !new.contains(p.as_str()))
            .map(|(p, h)| (p.clone(), *h))
            .collect();
        for (path, hash) in stale {
            let key = self.w.old.printed.get(&path);
            if let (true, Some(h), Some(key)) = (printed.keep.contains(&path), hash, key)
                && self.still_written(&path, h)
            {
                manifest.files.insert(path.clone(), Some(h));
                manifest.printed.insert(path, key.clone());
                continue;
            }
            self.move_stale(&path, hash)?;
        }
        for f in files {
            if let Some(n) = f.tmp {
                self.place(f, n)?;
            }
        }
        for f in files {
            manifest.files.insert(f.path.clone(), Some(f.hash));
            if let Some(key) = printed.made.get(&f.path) {
                manifest.printed.insert(f.path.clone(), key.clone());
            }
        }
        self.place_manifest(&manifest.render())
    }

    /// Whether `path` still holds the bytes fieldguide wrote there (read
    /// without following links).
    fn still_written(&self, path: &str, hash: Hash) -> bool {
        let (dir_rel, name) = split(path);
        self.w
            .root
            .sub(dir_rel)
            .and_then(|d| d.read(name))
            .is_ok_and(|bytes| *blake3::hash(&bytes).as_bytes() == hash)
    }

    /// The output folder `rel`, created (a link there replaced) if needed.
    fn dir(&mut self, rel: &str) -> Result<&Dir, Diagnostic> {
        if !self.dirs.contains_key(rel) {
            let made = self.make_dir(rel)?;
            self.dirs.insert(rel.to_string(), made);
        }
        Ok(&self.dirs[rel])
    }

    fn make_dir(&mut self, rel: &str) -> Result<Dir, Diagnostic> {
        if rel.is_empty() {
            return self.w.root.sub("").map_err(|e| self.err(rel, &e));
        }
        let (parent_rel, name) = split(rel);
        let parent_rel = parent_rel.to_string();
        let name = name.to_string();
        self.dir(&parent_rel)?;
        let parent = &self.dirs[&parent_rel];
        let kind = parent.kind(&name).map_err(|e| self.err(rel, &e))?;
        let mut link = None;
        match kind {
            Kind::Dir => {}
            Kind::Missing => {
                parent.mkdir(&name).map_err(|e| self.err(rel, &e))?;
            }
            Kind::Link => {
                let target = parent.read_link(&name).map_err(|e| self.err(rel, &e))?;
                parent.unlink(&name).map_err(|e| self.err(rel, &e))?;
                parent.mkdir(&name).map_err(|e| self.err(rel, &e))?;
                self.warnings.push(
                    Diagnostic::warning(
                        self.w.out.join(rel),
                        0,
                        0,
                        format!(
                            "replaced a symbolic link (to `{}`) with a folder: fieldguide never writes through links",
                            target.display()
                        ),
                    )
                    .with_hint("nothing was written where the link pointed"),
                );
                link = Some(target);
            }
            Kind::File { .. } | Kind::Other => {
                return Err(Diagnostic::error(
                    self.w.out.join(rel),
                    0,
                    0,
                    "cannot create this folder: a file that fieldguide did not write is in the way",
                )
                .with_hint("move or remove that file; the previous output was left as it was"));
            }
        }
        if kind != Kind::Dir {
            self.done.push(Undo::MadeDir {
                path: rel.to_string(),
                link,
            });
        }
        let parent = &self.dirs[&parent_rel];
        parent.sub(&name).map_err(|e| self.err(rel, &e))
    }

    fn place(&mut self, f: &Staged, n: usize) -> Result<(), Diagnostic> {
        let (dir_rel, name) = split(&f.path);
        self.dir(dir_rel)?;
        let dir = &self.dirs[dir_rel];
        let before = match dir.kind(name).map_err(|e| self.err(&f.path, &e))? {
            Kind::Missing => Before::Nothing,
            Kind::File { .. } => {
                let b = self.backups;
                self.backups += 1;
                dir.link(name, &self.w.staging, &format!("b{b}"))
                    .map_err(|e| self.err(&f.path, &e))?;
                Before::File(b)
            }
            Kind::Link => Before::Link(dir.read_link(name).map_err(|e| self.err(&f.path, &e))?),
            Kind::Dir | Kind::Other => {
                return Err(Diagnostic::error(
                    self.w.out.join(&f.path),
                    0,
                    0,
                    "cannot write this file: a folder is in its place",
                )
                .with_hint("move or remove that folder; the previous output was left as it was"));
            }
        };
        self.w
            .staging
            .rename(&n.to_string(), dir, name)
            .map_err(|e| self.err(&f.path, &e))?;
        self.done.push(Undo::Placed {
            dir: dir_rel.to_string(),
            name: name.to_string(),
            before,
        });
        Ok(())
    }

    fn place_manifest(&mut self, text: &str) -> Result<(), Diagnostic> {
        let n = self.w.next.fetch_add(1, Ordering::Relaxed);
        self.w
            .staging
            .create_new(&n.to_string(), text.as_bytes())
            .map_err(|e| self.err(MARKER, &e))?;
        let f = Staged {
            path: MARKER.to_string(),
            hash: [0; 32],
            len: 0,
            tmp: Some(n),
        };
        self.place(&f, n)
    }

    /// Moves a stale file into staging, if it is still what fieldguide
    /// wrote there; otherwise leaves it with a warning.
    fn move_stale(&mut self, path: &str, hash: Option<Hash>) -> Result<(), Diagnostic> {
        let (dir_rel, name) = split(path);
        let keep = |why: &str| {
            Diagnostic::warning(self.w.out.join(path), 0, 0, format!("not removed: {why}"))
        };
        let Some(hash) = hash else {
            return Ok(());
        };
        // A folder that is gone, or reached through a link, is never entered.
        let Ok(dir) = self.w.root.sub(dir_rel) else {
            return Ok(());
        };
        match dir.read(name) {
            Ok(bytes) if *blake3::hash(&bytes).as_bytes() == hash => {}
            Ok(_) => {
                self.warnings.push(keep(
                    "fieldguide wrote this file, but it was changed since; remove it yourself if it is no longer wanted",
                ));
                return Ok(());
            }
            Err(_) => return Ok(()),
        }
        let n = self.w.next.fetch_add(1, Ordering::Relaxed);
        dir.rename(name, &self.w.staging, &format!("s{n}"))
            .map_err(|e| self.err(path, &e))?;
        self.done.push(Undo::Moved {
            dir: dir_rel.to_string(),
            name: name.to_string(),
            n,
        });
        self.stale.push(path.to_string());
        Ok(())
    }

    /// Puts everything back as it was, newest step first.
    fn undo(&mut self) {
        let root = &self.w.root;
        let staging = &self.w.staging;
        for step in self.done.drain(..).rev() {
            match step {
                Undo::Placed { dir, name, before } => {
                    let Ok(d) = root.sub(&dir) else { continue };
                    match before {
                        Before::Nothing => {
                            let _ = d.unlink(&name);
                        }
                        Before::File(b) => {
                            let _ = staging.rename(&format!("b{b}"), &d, &name);
                        }
                        Before::Link(target) => {
                            let _ = d.unlink(&name);
                            let _ = d.symlink(&target, &name);
                        }
                    }
                }
                Undo::MadeDir { path, link } => {
                    let (parent, name) = split(&path);
                    let Ok(p) = root.sub(parent) else { continue };
                    if p.rmdir(name).is_ok()
                        && let Some(target) = link
                    {
                        let _ = p.symlink(&target, name);
                    }
                }
                Undo::Moved { dir, name, n } => {
                    if let Ok(d) = root.sub(&dir) {
                        let _ = staging.rename(&format!("s{n}"), &d, &name);
                    }
                }
            }
        }
    }

    /// Folders emptied by removing stale files, up to the output folder.
    fn remove_empty_dirs(&self) {
        let mut dirs: BTreeSet<String> = BTreeSet::new();
        for p in &self.stale {
            let mut d = split(p).0;
            while !d.is_empty() {
                dirs.insert(d.to_string());
                d = split(d).0;
            }
        }
        // Deepest first; rmdir fails (harmlessly) on a folder not empty.
        let mut dirs: Vec<String> = dirs.into_iter().collect();
        dirs.sort_by_key(|d| std::cmp::Reverse(d.matches('/').count()));
        for d in dirs {
            let (parent, name) = split(&d);
            if let Ok(p) = self.w.root.sub(parent) {
                let _ = p.rmdir(name);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write_all(out: &Path, files: &[(&str, &str)]) -> Result<WriteStats, Vec<Diagnostic>> {
        let w = Writer::begin(out).map_err(|d| vec![d])?;
        let staged: Vec<Staged> = files
            .iter()
            .map(|(p, b)| w.put(p, b.as_bytes()).unwrap())
            .collect();
        w.commit(staged).map(|(s, _)| s)
    }

    #[test]
    fn writes_only_changes_and_removes_stale() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let s = write_all(&out, &[("a.html", "1"), ("x/b.html", "2")]).unwrap();
        assert_eq!(s.written, 2);
        std::fs::write(out.join("mine.txt"), "user file").unwrap();
        let s = write_all(&out, &[("a.html", "1"), ("c.html", "3")]).unwrap();
        assert_eq!((s.written, s.unchanged, s.removed), (1, 1, 1));
        assert!(!out.join("x").exists(), "empty folder removed");
        assert!(
            out.join("mine.txt").exists(),
            "files fieldguide did not write are kept"
        );
        assert!(!out.join(STAGING).exists());
        let manifest = std::fs::read_to_string(out.join(MARKER)).unwrap();
        assert!(manifest.ends_with(" a.html\n") || manifest.contains(" c.html\n"));
    }

    #[test]
    fn printed_files_are_recorded_and_kept_only_while_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let key = "ab".repeat(16);
        let w = Writer::begin(&out).unwrap();
        let staged = vec![
            w.put("a.html", b"1").unwrap(),
            w.put("g.pdf", b"pdf").unwrap(),
            w.put("h.pdf", b"pdf2").unwrap(),
        ];
        let made = [("g.pdf", &key), ("h.pdf", &key)].map(|(p, k)| (p.to_string(), k.clone()));
        let printed = Printed {
            made: made.into(),
            keep: BTreeSet::new(),
        };
        w.commit_printed(staged, &printed).unwrap();
        let manifest = std::fs::read_to_string(out.join(MARKER)).unwrap();
        assert!(
            manifest.contains(&format!("printed {key} g.pdf\n")),
            "{manifest}"
        );
        // A build without them keeps g.pdf (still listed with its key) and
        // removes h.pdf.
        let w = Writer::begin(&out).unwrap();
        let staged = vec![w.put("a.html", b"1").unwrap()];
        let keep = Printed {
            made: BTreeMap::new(),
            keep: ["g.pdf".to_string()].into(),
        };
        let (stats, _) = w.commit_printed(staged, &keep).unwrap();
        assert_eq!(stats.removed, 1);
        assert!(out.join("g.pdf").is_file() && !out.join("h.pdf").exists());
        let manifest = std::fs::read_to_string(out.join(MARKER)).unwrap();
        assert!(
            manifest.contains(&format!("printed {key} g.pdf\n")),
            "{manifest}"
        );
        // Changed by hand, it is no longer fieldguide's: not listed, not removed.
        std::fs::write(out.join("g.pdf"), "edited").unwrap();
        let w = Writer::begin(&out).unwrap();
        let staged = vec![w.put("a.html", b"1").unwrap()];
        let (stats, warnings) = w.commit_printed(staged, &keep).unwrap();
        assert_eq!((stats.removed, warnings.len()), (0, 1));
        assert_eq!(
            std::fs::read_to_string(out.join("g.pdf")).unwrap(),
            "edited"
        );
        assert!(
            !std::fs::read_to_string(out.join(MARKER))
                .unwrap()
                .contains("g.pdf")
        );
    }

    #[test]
    fn a_changed_stale_file_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_all(&out, &[("a.html", "1"), ("b.html", "2")]).unwrap();
        std::fs::write(out.join("b.html"), "edited by hand").unwrap();
        let s = write_all(&out, &[("a.html", "1")]).unwrap();
        assert_eq!(s.removed, 0);
        assert_eq!(
            std::fs::read_to_string(out.join("b.html")).unwrap(),
            "edited by hand"
        );
    }

    #[cfg(unix)]
    #[test]
    fn links_in_the_output_are_replaced_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let outside = dir.path().join("outside");
        std::fs::create_dir_all(&outside).unwrap();
        std::fs::write(outside.join("victim.html"), "keep").unwrap();
        write_all(&out, &[("en/a.html", "1")]).unwrap();
        std::fs::remove_dir_all(out.join("en")).unwrap();
        std::os::unix::fs::symlink(&outside, out.join("en")).unwrap();
        // A forged manifest entry pointing through the link.
        let h = blake3::hash(b"keep").to_hex();
        std::fs::write(out.join(MARKER), format!("{h} en/victim.html\n")).unwrap();
        write_all(&out, &[("en/a.html", "1")]).unwrap();
        assert_eq!(
            std::fs::read_to_string(outside.join("victim.html")).unwrap(),
            "keep"
        );
        assert!(!outside.join("a.html").exists());
        assert!(std::fs::symlink_metadata(out.join("en")).unwrap().is_dir());
        assert_eq!(std::fs::read_to_string(out.join("en/a.html")).unwrap(), "1");
    }

    #[test]
    fn a_failure_late_in_the_commit_undoes_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_all(&out, &[("en/a.html", "1"), ("old.html", "1")]).unwrap();
        // A folder the user made where a new file must go.
        std::fs::create_dir_all(out.join("z.html")).unwrap();
        let r = write_all(
            &out,
            &[("en/a.html", "2"), ("new/b.html", "2"), ("z.html", "2")],
        );
        assert!(r.is_err());
        assert_eq!(std::fs::read_to_string(out.join("en/a.html")).unwrap(), "1");
        assert_eq!(std::fs::read_to_string(out.join("old.html")).unwrap(), "1");
        assert!(!out.join("new").exists());
        assert!(!out.join(STAGING).exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_failure_changes_nothing() {
        use std::os::unix::fs::PermissionsExt;
        if rustix::process::geteuid().is_root() {
            // Root ignores folder permissions; the end-to-end test on a
            // full tmpfs covers failure as root.
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_all(
            &out,
            &[("en/a.html", "1"), ("fr/a.html", "1"), ("z.html", "1")],
        )
        .unwrap();
        std::fs::set_permissions(out.join("fr"), std::fs::Permissions::from_mode(0o555)).unwrap();
        let r = write_all(
            &out,
            &[("en/a.html", "2"), ("fr/a.html", "2"), ("z.html", "2")],
        );
        std::fs::set_permissions(out.join("fr"), std::fs::Permissions::from_mode(0o755)).unwrap();
        assert!(r.is_err());
        for p in ["en/a.html", "fr/a.html", "z.html"] {
            assert_eq!(std::fs::read_to_string(out.join(p)).unwrap(), "1", "{p}");
        }
        assert!(!out.join(STAGING).exists());
    }
}
