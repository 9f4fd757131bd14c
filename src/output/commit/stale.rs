//! Stale files: what the last build wrote and this one does not, moved
//! aside while it is still what fieldguide wrote, and anything else in the
//! output (planted files, links) named and swept away with it.

use super::{Transaction, Undo, split};
use crate::diagnostics::Diagnostic;
use crate::no_follow::Kind;
use crate::output::manifest::{Hash, MARKER};
use crate::output::write::STAGING;
use std::collections::BTreeSet;
use std::sync::atomic::Ordering;

impl Transaction<'_> {
    /// Moves a stale file into staging, if it is still what fieldguide
    /// wrote there. Anything else at its path (edited since, a link, a
    /// folder) is left to [`Transaction::sweep`], which names it.
    pub(super) fn move_stale(&mut self, path: &str, hash: Option<Hash>) -> Result<(), Diagnostic> {
        let (dir_rel, name) = split(path);
        let Some(hash) = hash else {
            return Ok(());
        };
        let Ok(dir) = self.w.root.sub(dir_rel) else {
            return Ok(());
        };
        let len = self.w.old.lens.get(path).copied();
        if !crate::output::manifest::still_holds(&dir, name, &hash, len) {
            return Ok(());
        }
        let n = self.w.next.fetch_add(1, Ordering::Relaxed);
        dir.rename(name, &self.w.staging, format!("s{n}"))
            .map_err(|e| self.err(path, &e))?;
        self.done.push(Undo::Moved {
            dir: dir_rel.to_string(),
            name: name.into(),
            n,
        });
        self.stale.push(path.to_string());
        Ok(())
    }

    /// Moves into staging everything in the output folder that this build
    /// does not write (`keep`, and the folders holding it): files planted
    /// there or edited by hand, links, folders. The folder is fieldguide's
    /// (`guard` let the build in only with a manifest fieldguide wrote, or
    /// empty), and a build over any output must leave exactly what a build
    /// into an empty folder leaves. Folders are walked without following
    /// links; a link is moved, never entered.
    pub(super) fn sweep(&mut self, keep: &BTreeSet<&str>) -> Result<(), Diagnostic> {
        let mut keep_dirs: BTreeSet<&str> = BTreeSet::new();
        for p in keep {
            let mut d = split(p).0;
            while !d.is_empty() && keep_dirs.insert(d) {
                d = split(d).0;
            }
        }
        let held_stale = ancestors(&self.stale);
        let mut removed: Vec<String> = Vec::new();
        let mut removed_paths: Vec<String> = Vec::new();
        let mut todo = vec![String::new()];
        while let Some(rel) = todo.pop() {
            let dir = self.w.root.sub(&rel).map_err(|e| self.err(&rel, &e))?;
            let mut names = dir.names().map_err(|e| self.err(&rel, &e))?;
            names.sort();
            for name in names {
                let shown = shown_name(&name);
                let path = if rel.is_empty() {
                    shown
                } else {
                    format!("{rel}/{shown}")
                };
                let kind = dir.kind(&name).map_err(|e| self.err(&path, &e))?;
                if rel.is_empty()
                    && (name == STAGING
                        || (name == MARKER && matches!(kind, Kind::File { .. }))
                        || (name == crate::output::manifest::REPOSITORY
                            && crate::output::manifest::is_repository(kind)))
                {
                    continue;
                }
                // A name that is not UTF-8 is never one the build writes.
                let utf8 = name.to_str();
                if utf8.is_some()
                    && matches!(kind, Kind::File { .. })
                    && keep.contains(path.as_str())
                {
                    continue;
                }
                if utf8.is_some() && kind == Kind::Dir && keep_dirs.contains(path.as_str()) {
                    todo.push(path);
                    continue;
                }
                // A folder the removal of stale files emptied is not news;
                // an empty folder planted there is.
                let emptied = kind == Kind::Dir
                    && held_stale.contains(&path)
                    && utf8.is_some_and(|n| {
                        dir.sub(n)
                            .is_ok_and(|d| emptied_by_stale(&d, &path, &held_stale))
                    });
                // One that held stale files and holds more: what else is in
                // it is named (and the folder goes once emptied).
                if kind == Kind::Dir && !emptied && utf8.is_some() && held_stale.contains(&path) {
                    todo.push(path);
                    continue;
                }
                if kind == Kind::Dir {
                    self.not_mounted(&dir, &name, &path)?;
                }
                let is_utf8 = utf8.is_some();
                let n = self.w.next.fetch_add(1, Ordering::Relaxed);
                dir.rename(&name, &self.w.staging, format!("s{n}"))
                    .map_err(|e| self.err(&path, &e))?;
                self.done.push(Undo::Moved {
                    dir: rel.clone(),
                    name,
                    n,
                });
                if emptied {
                    continue;
                }
                removed.push(removed_name(&path, kind, is_utf8, keep, &keep_dirs));
                removed_paths.push(path);
            }
        }
        if !removed.is_empty() {
            removed.sort();
            const SHOWN: usize = 5;
            let more = match removed.len().saturating_sub(SHOWN) {
                0 => String::new(),
                n => format!(" and {n} more"),
            };
            let listed = removed[..removed.len().min(SHOWN)].join(", ");
            self.warnings.push(
                Diagnostic::warning(
                    self.w.out.clone(),
                    0,
                    0,
                    format!("removed from the output what this build does not write: {listed}{more}"),
                )
                .with_hint("the output folder holds only what fieldguide builds (files planted there or edited by hand are removed; a link is removed, never followed); put files to publish in `static/`"),
            );
            self.stale.extend(removed_paths);
        }
        Ok(())
    }

    /// An error when a file system is mounted at the folder `path` (`name`
    /// in `dir`) or anywhere in it: setting it aside would leave the mount
    /// in the staging folder, which could then not be removed.
    fn not_mounted(
        &self,
        dir: &crate::no_follow::Dir,
        name: &std::ffi::OsStr,
        path: &str,
    ) -> Result<(), Diagnostic> {
        let own = self.w.root.device(".").ok();
        let mounted = if dir.device(name).ok() != own {
            Some(path.to_string())
        } else {
            let out = std::fs::canonicalize(&self.w.out).unwrap_or_else(|_| self.w.out.clone());
            super::mounts::under(&out.join(path))
                .first()
                .map(|m| m.strip_prefix(&out).unwrap_or(m).display().to_string())
        };
        let Some(at) = mounted else { return Ok(()) };
        Err(Diagnostic::error(
            self.w.out.join(path),
            0,
            0,
            format!("cannot remove this folder, which this build does not write: a file system is mounted at `{at}`"),
        )
        .with_hint("something is mounted inside the output folder (`mount` lists it): unmount it, or choose another folder with --out; the previous output was left as it was"))
    }

    /// Folders emptied by removing stale files, up to the output folder.
    pub(super) fn remove_empty_dirs(&self) {
        // Deepest first; rmdir fails (harmlessly) on a folder not empty.
        let mut dirs: Vec<String> = ancestors(&self.stale).into_iter().collect();
        dirs.sort_by_key(|d| std::cmp::Reverse(d.matches('/').count()));
        for d in dirs {
            let (parent, name) = split(&d);
            if let Ok(p) = self.w.root.sub(parent) {
                let _ = p.rmdir(name);
            }
        }
    }
}

/// The folders holding `paths`, up to the output folder.
fn ancestors(paths: &[String]) -> BTreeSet<String> {
    let mut dirs = BTreeSet::new();
    for p in paths {
        let mut d = split(p).0;
        while !d.is_empty() && dirs.insert(d.to_string()) {
            d = split(d).0;
        }
    }
    dirs
}

/// Whether the folder `path` (open as `d`) holds nothing but folders that
/// held stale files, down to empty ones: what removing them leaves.
fn emptied_by_stale(d: &crate::no_follow::Dir, path: &str, held: &BTreeSet<String>) -> bool {
    let Ok(names) = d.names() else {
        return false;
    };
    names.iter().all(|n| {
        let Some(n) = n.to_str() else {
            return false;
        };
        let sub = format!("{path}/{n}");
        held.contains(&sub)
            && d.kind(n).is_ok_and(|k| k == Kind::Dir)
            && d.sub(n).is_ok_and(|s| emptied_by_stale(&s, &sub, held))
    })
}

/// A name as shown in a message: a byte that is not UTF-8 as `\xff`, not
/// lost.
fn shown_name(name: &std::ffi::OsStr) -> String {
    let mut out = String::new();
    for chunk in name.as_encoded_bytes().utf8_chunks() {
        out.push_str(chunk.valid());
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02x}"));
        }
    }
    out
}

/// How a removed entry is named: with what it is when that is not a
/// plain file, and when this build writes something else at its path (a
/// pipe planted in place of a page is not a page this build does not
/// write).
fn removed_name(
    path: &str,
    kind: Kind,
    utf8: bool,
    keep: &BTreeSet<&str>,
    keep_dirs: &BTreeSet<&str>,
) -> String {
    let what = match kind {
        Kind::Link => "a link",
        Kind::Dir => "a folder",
        Kind::Other => "a special file, such as a pipe",
        Kind::File { .. } | Kind::Missing => "a file",
    };
    let instead = if !utf8 {
        None
    } else if keep.contains(path) {
        Some("a file")
    } else if keep_dirs.contains(path) {
        Some("a folder")
    } else {
        None
    };
    match (instead, kind) {
        (Some(other), _) => format!("`{path}` ({what}, where this build writes {other})"),
        (None, Kind::Link | Kind::Other) => format!("`{path}` ({what})"),
        (None, _) => format!("`{path}`"),
    }
}
