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
