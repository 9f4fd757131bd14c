//! Where emitted files go: a [`Sink`] (the disk writer for `build`,
//! memory for `serve` and `pdf`, nowhere for `check`), and the scratch
//! files large outputs are written to as they are made.

use crate::diagnostics::Diagnostic;
use crate::output::manifest::Hash;
use crate::output::write::{Staged, Writer};
use crate::output::{OutputFile, WriteStats};
use std::io::{Cursor, Read, Seek, SeekFrom, Write};
use std::sync::Mutex;

/// A large output being written (the zips): a file in the staging folder,
/// or memory.
pub enum Scratch {
    File(usize, std::fs::File),
    Memory(Cursor<Vec<u8>>),
}

impl Scratch {
    /// Reads what was written at `at`, without moving the write position.
    pub fn read_at(&self, buf: &mut [u8], at: u64) -> std::io::Result<usize> {
        match self {
            #[cfg(unix)]
            Scratch::File(_, f) => std::os::unix::fs::FileExt::read_at(f, buf, at),
            #[cfg(not(unix))]
            Scratch::File(..) => Err(std::io::ErrorKind::Unsupported.into()),
            Scratch::Memory(c) => {
                let data = c.get_ref();
                let start = (at as usize).min(data.len());
                let n = buf.len().min(data.len() - start);
                buf[..n].copy_from_slice(&data[start..start + n]);
                Ok(n)
            }
        }
    }
}

impl Write for Scratch {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Scratch::File(_, f) => f.write(buf),
            Scratch::Memory(c) => c.write(buf),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Scratch::File(_, f) => f.flush(),
            Scratch::Memory(c) => c.flush(),
        }
    }
}

impl Read for Scratch {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self {
            Scratch::File(_, f) => f.read(buf),
            Scratch::Memory(c) => c.read(buf),
        }
    }
}

impl Seek for Scratch {
    fn seek(&mut self, pos: SeekFrom) -> std::io::Result<u64> {
        match self {
            Scratch::File(_, f) => f.seek(pos),
            Scratch::Memory(c) => c.seek(pos),
        }
    }
}

/// Takes finished files, from any thread.
pub trait Sink: Sync {
    fn put(&self, file: OutputFile, hash: Hash) -> Result<(), Diagnostic>;
    fn scratch(&self) -> Result<Scratch, Diagnostic>;
    /// `known`: the scratch file's hash and length, when the writer has
    /// them (see `output::Writer::put_scratch`).
    fn put_scratch(
        &self,
        path: &str,
        scratch: Scratch,
        known: Option<(Hash, u64)>,
    ) -> Result<(), Diagnostic>;
    /// The file `rel` an earlier build left in the output, when it is a
    /// regular file (never through a link): what is reused from it is
    /// verified first (see `earlier`).
    fn earlier(&self, _rel: &str) -> Option<std::fs::File> {
        None
    }
    /// What the earlier build's manifest records of its site zip at `rel`
    /// (see `output::manifest::zip_seal`), and the zip's length.
    fn earlier_zip_seal(&self, _rel: &str) -> Option<(Hash, u64)> {
        None
    }
}

/// Keeps every file in memory (`serve`, `pdf`).
#[derive(Default)]
pub struct Memory {
    files: Mutex<Vec<OutputFile>>,
}

impl Memory {
    pub fn into_files(self) -> Vec<OutputFile> {
        let mut files = self.files.into_inner().unwrap_or_default();
        files.sort_by(|a, b| a.path.cmp(&b.path));
        files
    }
}

impl Sink for Memory {
    fn put(&self, file: OutputFile, _: Hash) -> Result<(), Diagnostic> {
        let file = fitted(file);
        if let Ok(mut f) = self.files.lock() {
            f.push(file);
        }
        Ok(())
    }

    fn scratch(&self) -> Result<Scratch, Diagnostic> {
        Ok(Scratch::Memory(Cursor::new(Vec::new())))
    }

    fn put_scratch(
        &self,
        path: &str,
        scratch: Scratch,
        _: Option<(Hash, u64)>,
    ) -> Result<(), Diagnostic> {
        let bytes = match scratch {
            Scratch::Memory(c) => c.into_inner(),
            Scratch::File(..) => {
                return Err(Diagnostic::error(
                    path,
                    0,
                    0,
                    "internal error: file scratch in memory",
                ));
            }
        };
        self.put(OutputFile::owned(path.to_string(), bytes), [0; 32])
    }
}

/// `file` with its bytes in a buffer of their size. A page as the template
/// engine wrote it, or a print page as it was streamed, sits in a buffer
/// grown by doubling, up to twice its size, and `serve` keeps every file
/// for the whole session. Copied as each file comes, not shrunk in place
/// (which keeps the whole block while under half of it is unused): the
/// freed buffer is the next page's.
fn fitted(file: OutputFile) -> OutputFile {
    match file.bytes {
        crate::output::Bytes::Owned(v) if v.capacity() - v.len() > v.len() / 8 => {
            OutputFile::owned(file.path, v.as_slice().to_vec())
        }
        _ => file,
    }
}

/// Keeps nothing (`check`: every page is rendered, to find template
/// errors, and dropped).
pub struct Discard;

impl Sink for Discard {
    fn put(&self, _: OutputFile, _: Hash) -> Result<(), Diagnostic> {
        Ok(())
    }
    fn scratch(&self) -> Result<Scratch, Diagnostic> {
        Ok(Scratch::Memory(Cursor::new(Vec::new())))
    }
    fn put_scratch(&self, _: &str, _: Scratch, _: Option<(Hash, u64)>) -> Result<(), Diagnostic> {
        Ok(())
    }
}

/// Stages every file in the output folder (`build`); nothing is visible
/// there until [`Disk::commit`].
pub struct Disk {
    writer: Writer,
    staged: Mutex<Vec<Staged>>,
}

impl Disk {
    pub fn new(writer: Writer) -> Self {
        Disk {
            writer,
            staged: Mutex::new(Vec::new()),
        }
    }

    pub fn writer(&self) -> &Writer {
        &self.writer
    }

    /// Moves everything into place; `seal`: see `pipeline::unchanged`.
    /// See [`crate::output::Writer::seal_zip`].
    pub fn seal_zip(&mut self, path: String, secret: Hash) {
        self.writer.seal_zip(path, secret);
    }

    pub fn commit(
        self,
        printed: &crate::output::Printed,
        seal: Option<(&Hash, &str)>,
    ) -> Result<(WriteStats, Vec<Diagnostic>), Vec<Diagnostic>> {
        let staged = self.staged.into_inner().unwrap_or_default();
        self.writer.commit_printed(staged, printed, seal)
    }
}

impl Sink for Disk {
    fn put(&self, file: OutputFile, hash: Hash) -> Result<(), Diagnostic> {
        let s = self
            .writer
            .put_hashed(&file.path, file.bytes.as_ref(), hash)?;
        if let Ok(mut v) = self.staged.lock() {
            v.push(s);
        }
        Ok(())
    }

    fn scratch(&self) -> Result<Scratch, Diagnostic> {
        self.writer
            .scratch()
            .map(|(n, f)| Scratch::File(n, f))
            .map_err(|e| {
                Diagnostic::error(
                    crate::output::write::STAGING,
                    0,
                    0,
                    format!("cannot write: {e}"),
                )
            })
    }

    fn earlier(&self, rel: &str) -> Option<std::fs::File> {
        self.writer.open_earlier(rel)
    }

    fn earlier_zip_seal(&self, rel: &str) -> Option<(Hash, u64)> {
        let previous = self.writer.previous();
        Some((previous.zip_sealed?, *previous.lens.get(rel)?))
    }

    fn put_scratch(
        &self,
        path: &str,
        scratch: Scratch,
        known: Option<(Hash, u64)>,
    ) -> Result<(), Diagnostic> {
        let Scratch::File(n, mut f) = scratch else {
            return Err(Diagnostic::error(
                path,
                0,
                0,
                "internal error: memory scratch on disk",
            ));
        };
        f.flush()
            .map_err(|e| Diagnostic::error(path, 0, 0, format!("cannot write: {e}")))?;
        drop(f);
        let s = self.writer.put_scratch(path, n, known)?;
        if let Ok(mut v) = self.staged.lock() {
            v.push(s);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::Bytes;

    fn owned(f: &OutputFile) -> &Vec<u8> {
        match &f.bytes {
            Bytes::Owned(v) => v,
            _ => panic!("not owned"),
        }
    }

    #[test]
    fn memory_keeps_each_file_in_a_buffer_of_its_size() {
        // As a buffer grown by doubling leaves it: 40,000 bytes in 65,536.
        let mut grown = Vec::with_capacity(65_536);
        grown.extend(std::iter::repeat_n(b'x', 40_000));
        // A little spare is left alone, uncopied.
        let mut near = Vec::with_capacity(41_000);
        near.extend(std::iter::repeat_n(b'y', 40_000));
        let near_at = near.as_ptr();
        let sink = Memory::default();
        sink.put(OutputFile::owned("a.html".into(), grown), [0; 32])
            .unwrap();
        sink.put(OutputFile::owned("b.html".into(), near), [0; 32])
            .unwrap();
        let files = sink.into_files();
        let (a, b) = (owned(&files[0]), owned(&files[1]));
        assert_eq!(a.as_slice(), vec![b'x'; 40_000].as_slice());
        assert_eq!(a.capacity(), 40_000);
        assert_eq!(b.as_ptr(), near_at);
        assert_eq!(b.len(), 40_000);
    }
}
