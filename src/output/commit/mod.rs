//! The commit of a build: moving every staged file into place, old
//! versions kept aside, then stale files away; or, on any failure, undoing
//! every move so the previous output is left byte-identical.

use super::manifest::{Hash, MARKER, Manifest};
use super::write::{Printed, Staged, WriteStats, Writer, io_error};
use crate::diagnostics::Diagnostic;
use crate::no_follow::{Dir, Kind};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::atomic::Ordering;

mod mounts;
mod stale;

impl Writer {
    /// Moves every staged file into place and removes stale files, or
    /// changes nothing. Returns the counts and warnings (links replaced,
    /// stale files kept because they changed).
    pub fn commit(
        self,
        files: Vec<Staged>,
    ) -> Result<(WriteStats, Vec<Diagnostic>), Vec<Diagnostic>> {
        self.commit_printed(files, &Printed::default(), None)
    }

    /// [`Writer::commit`], recording the PDFs' print keys and keeping the
    /// earlier PDFs `printed.keep` names; the manifest sealed with `seal`
    /// (a key, and a report to keep with it) when given (see
    /// `pipeline::unchanged`).
    pub fn commit_printed(
        mut self,
        mut files: Vec<Staged>,
        printed: &Printed,
        seal: Option<(&Hash, &str)>,
    ) -> Result<(WriteStats, Vec<Diagnostic>), Vec<Diagnostic>> {
        // Until the staging folder is gone (`Writer`'s drop), after this.
        self.hold = Some(super::signals::Hold::new());
        files.sort_by(|a, b| a.path.cmp(&b.path));
        let mut tx = Transaction::new(&self);
        match tx.run(&files, printed, seal) {
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
                let mut warnings = std::mem::take(&mut tx.warnings);
                drop(tx);
                warnings.extend(self.clear_staging().err());
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
    /// A stale file, or anything this build did not write, moved into
    /// staging as `s<n>`.
    Moved {
        dir: String,
        name: std::ffi::OsString,
        n: usize,
    },
}

enum Before {
    Nothing,
    /// The old file, linked into staging as `b<n>`.
    File(usize),
    Link(PathBuf),
}

pub(super) struct Transaction<'a> {
    w: &'a Writer,
    dirs: BTreeMap<String, Dir>,
    done: Vec<Undo>,
    pub(super) stale: Vec<String>,
    pub(super) warnings: Vec<Diagnostic>,
    backups: usize,
}

fn split(path: &str) -> (&str, &str) {
    path.rsplit_once('/').unwrap_or(("", path))
}

impl<'a> Transaction<'a> {
    pub(super) fn new(w: &'a Writer) -> Self {
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

    pub(super) fn run(
        &mut self,
        files: &[Staged],
        printed: &Printed,
        seal: Option<(&Hash, &str)>,
    ) -> Result<(), Diagnostic> {
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
                && self.w.still_written(&path)
            {
                if let Some(&len) = self.w.old.lens.get(&path) {
                    manifest.lens.insert(path.clone(), len);
                }
                manifest.files.insert(path.clone(), Some(h));
                manifest.printed.insert(path, key.clone());
                continue;
            }
            self.move_stale(&path, hash)?;
        }
        for f in files {
            manifest.files.insert(f.path.clone(), Some(f.hash));
            manifest.lens.insert(f.path.clone(), f.len);
            if let Some(key) = printed.made.get(&f.path) {
                manifest.printed.insert(f.path.clone(), key.clone());
            }
        }
        // Before placing: what is in the way of a new file or folder goes.
        self.sweep(&manifest.files.keys().map(String::as_str).collect())?;
        for f in files {
            if let Some(n) = f.tmp {
                self.place(f, n)?;
            }
        }
        if let Some((path, secret)) = &self.w.zip_seal
            && let Some(Some(zip)) = manifest.files.get(path)
        {
            manifest.zip_sealed = Some(super::manifest::zip_seal(secret, zip));
        }
        self.place_manifest(&manifest.render_sealed(seal))
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
            .rename(n.to_string(), dir, name)
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

    /// Puts everything back as it was, newest step first.
    pub(super) fn undo(&mut self) {
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
                            let _ = staging.rename(format!("b{b}"), &d, &name);
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
                        let _ = staging.rename(format!("s{n}"), &d, &name);
                    }
                }
            }
        }
    }
}
