//! File access that never follows a symbolic link.
//!
//! A folder is opened once ([`Dir::open`]); every path below it is then
//! resolved one component at a time from that open folder, refusing any
//! component that is a link. So a link planted in the site (`guidance/` ->
//! `/etc`) or in the output (`public/en` -> `/home/x`) can neither make
//! fieldguide read a file from outside the folder nor write or delete one
//! there, even if it is swapped in while the build runs.
//!
//! On Unix this uses `openat` with `O_NOFOLLOW` (through rustix); elsewhere
//! each component is checked with `symlink_metadata` before use.

use crate::diagnostics::Diagnostic;
use std::io;
use std::path::{Path, PathBuf};

/// What is at a name inside a folder, links not followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Missing,
    File { len: u64 },
    Dir,
    Link,
    Other,
}

fn link_error(path: &Path) -> io::Error {
    io::Error::other(format!(
        "`{}` is a symbolic link, which fieldguide does not follow",
        path.display()
    ))
}

/// The components of a relative path (`a/b/c`), refusing `..`, `.`,
/// empty and absolute parts.
fn components(rel: &str) -> io::Result<Vec<&str>> {
    if rel.is_empty() {
        return Ok(Vec::new());
    }
    let parts: Vec<&str> = rel.split('/').collect();
    if rel.starts_with('/')
        || rel.contains('\\')
        || parts
            .iter()
            .any(|p| p.is_empty() || *p == "." || *p == "..")
    {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("`{rel}` is not a plain relative path"),
        ));
    }
    Ok(parts)
}

#[cfg(unix)]
mod imp {
    use super::{Kind, components, link_error};
    use rustix::fs::{AtFlags, FileType, Mode, OFlags};
    use std::io::{self, Read, Write};
    use std::os::fd::OwnedFd;
    use std::path::{Path, PathBuf};

    /// An open folder. Paths below it never pass through a link.
    pub struct Dir {
        fd: OwnedFd,
        path: PathBuf,
    }

    fn err(e: rustix::io::Errno) -> io::Error {
        io::Error::from(e)
    }

    impl Dir {
        /// Opens `path` as a folder; its last component must not be a link
        /// (the components above it are the caller's choice).
        pub fn open(path: &Path) -> io::Result<Dir> {
            let fd = rustix::fs::open(
                path,
                OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC,
                Mode::empty(),
            )
            .map_err(|e| {
                if e == rustix::io::Errno::LOOP {
                    link_error(path)
                } else {
                    err(e)
                }
            })?;
            Ok(Dir {
                fd,
                path: path.to_path_buf(),
            })
        }

        pub fn path(&self) -> &Path {
            &self.path
        }

        /// The device `name` is on (`.` for this folder), not following a
        /// link: a mount point is on another.
        pub fn device(&self, name: impl AsRef<Path>) -> io::Result<u64> {
            let st = rustix::fs::statat(&self.fd, name.as_ref(), AtFlags::SYMLINK_NOFOLLOW)
                .map_err(err)?;
            Ok(st.st_dev as u64)
        }

        /// What is at `name` (one component), not following a link.
        pub fn kind(&self, name: impl AsRef<Path>) -> io::Result<Kind> {
            match rustix::fs::statat(&self.fd, name.as_ref(), AtFlags::SYMLINK_NOFOLLOW) {
                Ok(st) => Ok(match FileType::from_raw_mode(st.st_mode) {
                    FileType::RegularFile => Kind::File {
                        len: st.st_size as u64,
                    },
                    FileType::Directory => Kind::Dir,
                    FileType::Symlink => Kind::Link,
                    _ => Kind::Other,
                }),
                Err(rustix::io::Errno::NOENT) => Ok(Kind::Missing),
                Err(e) => Err(err(e)),
            }
        }

        /// The folder at `rel` below this one.
        /// Takes this folder's advisory lock, held until the process
        /// ends or every handle to it is closed; `false` when another
        /// process holds it.
        pub fn lock(&self) -> io::Result<bool> {
            match rustix::fs::flock(
                &self.fd,
                rustix::fs::FlockOperation::NonBlockingLockExclusive,
            ) {
                Ok(()) => Ok(true),
                Err(rustix::io::Errno::WOULDBLOCK) => Ok(false),
                Err(e) => Err(err(e)),
            }
        }

        pub fn sub(&self, rel: &str) -> io::Result<Dir> {
            let mut path = self.path.clone();
            let mut fd: Option<OwnedFd> = None;
            for c in components(rel)? {
                path.push(c);
                let parent = fd.as_ref().unwrap_or(&self.fd);
                let next = rustix::fs::openat(
                    parent,
                    c,
                    OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC,
                    Mode::empty(),
                )
                .map_err(|e| {
                    // A link to a folder fails as "not a folder" (with
                    // O_DIRECTORY), to a file as a loop: both are named.
                    let link = e == rustix::io::Errno::LOOP
                        || (e == rustix::io::Errno::NOTDIR
                            && rustix::fs::statat(parent, c, AtFlags::SYMLINK_NOFOLLOW).is_ok_and(
                                |st| FileType::from_raw_mode(st.st_mode) == FileType::Symlink,
                            ));
                    if link { link_error(&path) } else { err(e) }
                })?;
                fd = Some(next);
            }
            match fd {
                Some(fd) => Ok(Dir { fd, path }),
                None => Ok(Dir {
                    fd: self.fd.try_clone()?,
                    path,
                }),
            }
        }

        fn open_file(&self, name: &str) -> io::Result<std::fs::File> {
            let fd = rustix::fs::openat(
                &self.fd,
                name,
                OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::CLOEXEC | OFlags::NONBLOCK,
                Mode::empty(),
            )
            .map_err(|e| {
                if e == rustix::io::Errno::LOOP {
                    link_error(&self.path.join(name))
                } else {
                    err(e)
                }
            })?;
            let st = rustix::fs::fstat(&fd).map_err(err)?;
            if FileType::from_raw_mode(st.st_mode) != FileType::RegularFile {
                return Err(io::Error::other(format!(
                    "`{}` is not a regular file",
                    self.path.join(name).display()
                )));
            }
            Ok(std::fs::File::from(fd))
        }

        /// Opens the regular file at `rel` for reading.
        pub fn open_read(&self, rel: &str) -> io::Result<std::fs::File> {
            let (dir, name) = split(rel);
            if dir.is_empty() {
                self.open_file(name)
            } else {
                self.sub(dir)?.open_file(name)
            }
        }

        /// Reads the regular file at `rel`.
        pub fn read(&self, rel: &str) -> io::Result<Vec<u8>> {
            let mut f = self.open_read(rel)?;
            let mut out = Vec::new();
            f.read_to_end(&mut out)?;
            Ok(out)
        }

        /// Whether the regular file `name` holds exactly `bytes`.
        pub fn same_content(&self, name: &str, bytes: &[u8]) -> bool {
            let Ok(Kind::File { len }) = self.kind(name) else {
                return false;
            };
            if len != bytes.len() as u64 {
                return false;
            }
            let Ok(mut f) = self.open_file(name) else {
                return false;
            };
            let mut buf = Vec::with_capacity(bytes.len());
            f.read_to_end(&mut buf).is_ok() && buf == bytes
        }

        /// Creates `name`, which must not exist, with `bytes`.
        pub fn create_new(&self, name: &str, bytes: &[u8]) -> io::Result<()> {
            let fd = rustix::fs::openat(
                &self.fd,
                name,
                OFlags::WRONLY | OFlags::CREATE | OFlags::EXCL | OFlags::NOFOLLOW | OFlags::CLOEXEC,
                Mode::from_raw_mode(0o644),
            )
            .map_err(err)?;
            let mut f = std::fs::File::from(fd);
            f.write_all(bytes)?;
            Ok(())
        }

        /// Creates `name`, which must not exist, open for reading and writing.
        pub fn create_rw(&self, name: &str) -> io::Result<std::fs::File> {
            let fd = rustix::fs::openat(
                &self.fd,
                name,
                OFlags::RDWR | OFlags::CREATE | OFlags::EXCL | OFlags::NOFOLLOW | OFlags::CLOEXEC,
                Mode::from_raw_mode(0o644),
            )
            .map_err(err)?;
            Ok(std::fs::File::from(fd))
        }

        /// The BLAKE3 hash and length of the regular file `name`.
        pub fn hash(&self, name: &str) -> io::Result<([u8; 32], u64)> {
            let f = self.open_file(name)?;
            let mut h = blake3::Hasher::new();
            h.update_reader(f)?;
            Ok((*h.finalize().as_bytes(), h.count()))
        }

        pub fn mkdir(&self, name: &str) -> io::Result<()> {
            rustix::fs::mkdirat(&self.fd, name, Mode::from_raw_mode(0o755)).map_err(err)
        }

        /// Removes the file or link `name` (never what a link points to).
        pub fn unlink(&self, name: impl AsRef<Path>) -> io::Result<()> {
            rustix::fs::unlinkat(&self.fd, name.as_ref(), AtFlags::empty()).map_err(err)
        }

        pub fn rmdir(&self, name: impl AsRef<Path>) -> io::Result<()> {
            rustix::fs::unlinkat(&self.fd, name.as_ref(), AtFlags::REMOVEDIR).map_err(err)
        }

        /// Moves `from` in this folder to `to` in `dir` (replacing a file
        /// or link there; a link is replaced, not followed).
        pub fn rename(
            &self,
            from: impl AsRef<Path>,
            dir: &Dir,
            to: impl AsRef<Path>,
        ) -> io::Result<()> {
            rustix::fs::renameat(&self.fd, from.as_ref(), &dir.fd, to.as_ref()).map_err(err)
        }

        /// The names in this folder (not `.` and `..`), in no set order.
        pub fn names(&self) -> io::Result<Vec<std::ffi::OsString>> {
            use std::os::unix::ffi::OsStrExt;
            let mut out = Vec::new();
            for e in rustix::fs::Dir::read_from(&self.fd).map_err(err)? {
                let e = e.map_err(err)?;
                let name = e.file_name().to_bytes();
                if name != b"." && name != b".." {
                    out.push(std::ffi::OsStr::from_bytes(name).to_os_string());
                }
            }
            Ok(out)
        }

        /// A second name, `to` in `dir`, for the file `from` here.
        pub fn link(&self, from: &str, dir: &Dir, to: &str) -> io::Result<()> {
            rustix::fs::linkat(&self.fd, from, &dir.fd, to, AtFlags::empty()).map_err(err)
        }

        pub fn read_link(&self, name: &str) -> io::Result<PathBuf> {
            use std::os::unix::ffi::OsStringExt;
            let target = rustix::fs::readlinkat(&self.fd, name, Vec::new()).map_err(err)?;
            Ok(PathBuf::from(std::ffi::OsString::from_vec(
                target.into_bytes(),
            )))
        }

        pub fn symlink(&self, target: &Path, name: &str) -> io::Result<()> {
            rustix::fs::symlinkat(target, &self.fd, name).map_err(err)
        }
    }

    fn split(rel: &str) -> (&str, &str) {
        rel.rsplit_once('/').unwrap_or(("", rel))
    }
}

#[cfg(not(unix))]
mod imp {
    //! Without `openat`, each component is checked before use. This
    //! narrows, but cannot close, the window in which a folder could be
    //! swapped for a link.
    use super::{Kind, components, link_error};
    use std::io;
    use std::path::{Path, PathBuf};

    pub struct Dir {
        path: PathBuf,
    }

    fn kind_of(p: &Path) -> io::Result<Kind> {
        match std::fs::symlink_metadata(p) {
            Ok(m) if m.file_type().is_symlink() => Ok(Kind::Link),
            Ok(m) if m.is_dir() => Ok(Kind::Dir),
            Ok(m) if m.is_file() => Ok(Kind::File { len: m.len() }),
            Ok(_) => Ok(Kind::Other),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Kind::Missing),
            Err(e) => Err(e),
        }
    }

    impl Dir {
        pub fn open(path: &Path) -> io::Result<Dir> {
            match kind_of(path)? {
                Kind::Dir => Ok(Dir {
                    path: path.to_path_buf(),
                }),
                Kind::Link => Err(link_error(path)),
                Kind::Missing => Err(io::ErrorKind::NotFound.into()),
                _ => Err(io::Error::other("not a folder")),
            }
        }
        pub fn path(&self) -> &Path {
            &self.path
        }
        pub fn kind(&self, name: impl AsRef<Path>) -> io::Result<Kind> {
            kind_of(&self.path.join(name))
        }
        /// No device numbers here: one device.
        pub fn device(&self, _name: impl AsRef<Path>) -> io::Result<u64> {
            Ok(0)
        }
        pub fn names(&self) -> io::Result<Vec<std::ffi::OsString>> {
            std::fs::read_dir(&self.path)?
                .map(|e| e.map(|e| e.file_name()))
                .collect()
        }
        /// No advisory locks here: always taken.
        pub fn lock(&self) -> io::Result<bool> {
            Ok(true)
        }
        pub fn sub(&self, rel: &str) -> io::Result<Dir> {
            let mut p = self.path.clone();
            for c in components(rel)? {
                p.push(c);
                match kind_of(&p)? {
                    Kind::Dir => {}
                    Kind::Link => return Err(link_error(&p)),
                    Kind::Missing => return Err(io::ErrorKind::NotFound.into()),
                    _ => return Err(io::Error::other("not a folder")),
                }
            }
            Ok(Dir { path: p })
        }
        pub fn open_read(&self, rel: &str) -> io::Result<std::fs::File> {
            let (dir, name) = rel.rsplit_once('/').unwrap_or(("", rel));
            let d = self.sub(dir)?;
            match d.kind(name)? {
                Kind::File { .. } => std::fs::File::open(d.path.join(name)),
                Kind::Link => Err(link_error(&d.path.join(name))),
                _ => Err(io::Error::other("not a regular file")),
            }
        }
        pub fn read(&self, rel: &str) -> io::Result<Vec<u8>> {
            let mut out = Vec::new();
            io::Read::read_to_end(&mut self.open_read(rel)?, &mut out)?;
            Ok(out)
        }
        pub fn same_content(&self, name: &str, bytes: &[u8]) -> bool {
            matches!(self.kind(name), Ok(Kind::File { len }) if len == bytes.len() as u64)
                && std::fs::read(self.path.join(name)).is_ok_and(|b| b == bytes)
        }
        pub fn create_new(&self, name: &str, bytes: &[u8]) -> io::Result<()> {
            use std::io::Write;
            let mut f = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(self.path.join(name))?;
            f.write_all(bytes)
        }
        pub fn create_rw(&self, name: &str) -> io::Result<std::fs::File> {
            std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .create_new(true)
                .open(self.path.join(name))
        }
        pub fn hash(&self, name: &str) -> io::Result<([u8; 32], u64)> {
            if !matches!(self.kind(name)?, Kind::File { .. }) {
                return Err(io::Error::other("not a regular file"));
            }
            let mut f = std::fs::File::open(self.path.join(name))?;
            let mut h = blake3::Hasher::new();
            let len = io::copy(&mut f, &mut h)?;
            Ok((*h.finalize().as_bytes(), len))
        }
        pub fn mkdir(&self, name: &str) -> io::Result<()> {
            std::fs::create_dir(self.path.join(name))
        }
        pub fn unlink(&self, name: impl AsRef<Path>) -> io::Result<()> {
            std::fs::remove_file(self.path.join(name))
        }
        pub fn rmdir(&self, name: impl AsRef<Path>) -> io::Result<()> {
            std::fs::remove_dir(self.path.join(name))
        }
        pub fn rename(
            &self,
            from: impl AsRef<Path>,
            dir: &Dir,
            to: impl AsRef<Path>,
        ) -> io::Result<()> {
            std::fs::rename(self.path.join(from), dir.path.join(to))
        }
        pub fn link(&self, from: &str, dir: &Dir, to: &str) -> io::Result<()> {
            std::fs::hard_link(self.path.join(from), dir.path.join(to))
        }
        pub fn read_link(&self, name: &str) -> io::Result<PathBuf> {
            std::fs::read_link(self.path.join(name))
        }
        pub fn symlink(&self, _target: &Path, _name: &str) -> io::Result<()> {
            Err(io::Error::other("cannot restore a link on this system"))
        }
    }
}

pub use imp::Dir;

/// Whether `path` (last component only) is a symbolic link.
pub fn is_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// `rel` as a `/`-separated string, for [`Dir`] calls.
pub fn slash_path(rel: &Path) -> String {
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

/// A folder of the site (`guidance`, `templates`, `static`): `Ok(None)`
/// when there is none, `Err` (a message) when it is a link or not a folder.
pub fn site_folder(site: &Dir, name: &str) -> Result<Option<Dir>, String> {
    match site.kind(name) {
        Ok(Kind::Missing) => Ok(None),
        Ok(Kind::Dir) => site.sub(name).map(Some).map_err(|e| e.to_string()),
        Ok(Kind::Link) => {
            let target = site
                .read_link(name)
                .map(|t| format!(" (to `{}`)", t.display()))
                .unwrap_or_default();
            Err(format!(
                "`{name}/` is a symbolic link{target}: fieldguide reads only files inside the site folder, so nothing was read from it"
            ))
        }
        Ok(_) => Err(format!("`{name}` is not a folder")),
        Err(e) => Err(e.to_string()),
    }
}

/// Where a link found inside the site leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkEnd {
    Inside,
    Outside,
    /// Nothing there, or a loop.
    Nowhere,
}

/// Where a link found inside the site points (as written in the link),
/// and whether that is inside the site folder `site` (a real path).
pub fn link_target(site: &Path, link: &Path) -> (String, LinkEnd) {
    let shown = std::fs::read_link(link)
        .map(|t| t.display().to_string())
        .unwrap_or_default();
    let end = match link.canonicalize() {
        Ok(real) if real.starts_with(site) => LinkEnd::Inside,
        Ok(_) => LinkEnd::Outside,
        Err(_) => LinkEnd::Nowhere,
    };
    (shown, end)
}

/// The message for a link found inside the site: never followed; an error
/// when it leads out of the site, so that committing a link cannot
/// publish a file from elsewhere.
pub fn link_diagnostic(site: &Path, link: &Path, shown: impl AsRef<Path>) -> Diagnostic {
    let (target, end) = link_target(site, link);
    let shown = shown.as_ref();
    match end {
        LinkEnd::Outside => Diagnostic::error(
            shown,
            0,
            0,
            format!("symbolic link to `{target}`, outside the site folder: nothing was read from it"),
        )
        .with_hint("fieldguide reads only files inside the site folder; remove the link, or copy what it points to into the site"),
        LinkEnd::Inside => Diagnostic::warning(
            shown,
            0,
            0,
            format!("symbolic link (to `{target}`) not followed: nothing was published from it"),
        )
        .with_hint("copy the file or folder here instead of linking to it"),
        LinkEnd::Nowhere => Diagnostic::warning(
            shown,
            0,
            0,
            format!("symbolic link (to `{target}`) that leads nowhere or to itself: not followed"),
        )
        .with_hint("remove the link"),
    }
}

/// The real (canonical) form of a folder the user named, or the path as
/// given when it does not exist.
pub fn real(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn never_passes_through_a_link() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("site");
        let outside = tmp.path().join("outside");
        std::fs::create_dir_all(root.join("a")).unwrap();
        std::fs::create_dir_all(&outside).unwrap();
        std::fs::write(outside.join("secret.txt"), "secret").unwrap();
        std::fs::write(root.join("a/ok.txt"), "ok").unwrap();
        std::os::unix::fs::symlink(&outside, root.join("link")).unwrap();
        std::os::unix::fs::symlink(outside.join("secret.txt"), root.join("a/file-link")).unwrap();
        let dir = Dir::open(&root).unwrap();
        assert_eq!(dir.read("a/ok.txt").unwrap(), b"ok");
        assert!(dir.read("link/secret.txt").is_err());
        assert!(dir.read("a/file-link").is_err());
        assert!(dir.sub("link").is_err());
        assert!(dir.read("../outside/secret.txt").is_err());
        assert_eq!(dir.kind("link").unwrap(), Kind::Link);
        assert!(Dir::open(&root.join("link")).is_err());
        // Creating through a link is refused; removing a link removes only it.
        assert!(
            dir.sub("link")
                .and_then(|d| d.create_new("x", b"x"))
                .is_err()
        );
        dir.unlink("link").unwrap();
        assert!(outside.join("secret.txt").exists());
        assert!(!dir.sub("a").unwrap().same_content("file-link", b"secret"));
        assert!(dir.sub("a").unwrap().same_content("ok.txt", b"ok"));
    }
}
