//! A reader with its own position over a file read by offset, so that
//! several threads read one zip at once, each through its own: the
//! language zips copied from the site zip, and the entries of the last
//! build's zip compared and reused.

use super::Scratch;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::sync::Arc;

/// What can be read at an offset without a shared position.
pub trait ReadAt {
    fn read_at(&self, buf: &mut [u8], at: u64) -> std::io::Result<usize>;
    fn len(&self) -> std::io::Result<u64>;
}

impl ReadAt for &Scratch {
    fn read_at(&self, buf: &mut [u8], at: u64) -> std::io::Result<usize> {
        Scratch::read_at(self, buf, at)
    }
    fn len(&self) -> std::io::Result<u64> {
        match self {
            Scratch::File(_, f) => Ok(f.metadata()?.len()),
            Scratch::Memory(c) => Ok(c.get_ref().len() as u64),
        }
    }
}

impl ReadAt for Arc<File> {
    #[cfg(unix)]
    fn read_at(&self, buf: &mut [u8], at: u64) -> std::io::Result<usize> {
        std::os::unix::fs::FileExt::read_at(&**self, buf, at)
    }
    #[cfg(not(unix))]
    fn read_at(&self, _: &mut [u8], _: u64) -> std::io::Result<usize> {
        Err(std::io::ErrorKind::Unsupported.into())
    }
    fn len(&self) -> std::io::Result<u64> {
        Ok(self.metadata()?.len())
    }
}

/// `source`, read from `pos` on.
#[derive(Clone)]
pub struct At<T> {
    source: T,
    pos: u64,
}

impl<T: ReadAt> At<T> {
    pub fn new(source: T) -> Self {
        At { source, pos: 0 }
    }

    pub fn source(&self) -> &T {
        &self.source
    }
}

impl<T: ReadAt> Read for At<T> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.source.read_at(buf, self.pos)?;
        self.pos += n as u64;
        Ok(n)
    }
}

impl<T: ReadAt> Seek for At<T> {
    fn seek(&mut self, to: SeekFrom) -> std::io::Result<u64> {
        let pos = match to {
            SeekFrom::Start(p) => Some(p),
            SeekFrom::End(d) => self.source.len()?.checked_add_signed(d),
            SeekFrom::Current(d) => self.pos.checked_add_signed(d),
        };
        self.pos = pos.ok_or_else(|| std::io::Error::from(std::io::ErrorKind::InvalidInput))?;
        Ok(self.pos)
    }
}
