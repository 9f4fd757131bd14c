//! [`Dir`] on Unix: every component opened with `openat` and `O_NOFOLLOW`
//! from the folder above it (through rustix).

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
        let st =
            rustix::fs::statat(&self.fd, name.as_ref(), AtFlags::SYMLINK_NOFOLLOW).map_err(err)?;
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
