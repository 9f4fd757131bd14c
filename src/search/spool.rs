//! Where an index builder keeps its pages' numbers until it writes the
//! index: appended to a file of the staging folder (a build to disk), so
//! that a language's pages cost no memory, and read back, checked, when
//! the index is written.

use std::fs::File;
use std::io::Write;

/// A page's text as numbers: in memory, or where it is in the spool.
pub(super) enum Kept {
    Here(Vec<u8>),
    Spooled { at: u64, len: u32 },
}

/// The file a builder appends its pages' numbers to, and its length.
pub(super) struct Spool {
    out: std::io::BufWriter<File>,
    end: u64,
    /// The first write that failed: `finish` reports it.
    failed: Option<std::io::Error>,
}

impl Spool {
    /// A spool appending to `file` (new and empty, readable and writable).
    pub(super) fn new(file: File) -> Self {
        Spool {
            out: std::io::BufWriter::with_capacity(1 << 16, file),
            end: 0,
            failed: None,
        }
    }

    /// Appends `bytes`; where they are, or `None` once a write failed.
    pub(super) fn put(&mut self, bytes: &[u8]) -> Option<Kept> {
        if self.failed.is_some() {
            return None;
        }
        let len = u32::try_from(bytes.len()).ok()?;
        match self.out.write_all(bytes) {
            Ok(()) => {
                let at = self.end;
                self.end += u64::from(len);
                Some(Kept::Spooled { at, len })
            }
            Err(e) => {
                self.failed = Some(e);
                None
            }
        }
    }

    /// The file, every byte written.
    pub(super) fn into_file(self) -> std::io::Result<File> {
        if let Some(e) = self.failed {
            return Err(e);
        }
        self.out
            .into_inner()
            .map_err(std::io::IntoInnerError::into_error)
    }
}

pub(super) fn changed() -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::InvalidData,
        "the search index's staging file changed while the build ran",
    )
}

/// Reads the spooled bytes at `at` (only a builder with a spool has any).
pub(super) fn read_at(file: Option<&File>, buf: &mut [u8], at: u64) -> std::io::Result<()> {
    let Some(file) = file else {
        return Err(changed());
    };
    #[cfg(unix)]
    return std::os::unix::fs::FileExt::read_exact_at(file, buf, at);
    #[cfg(not(unix))]
    {
        let _ = (file, buf, at);
        Err(std::io::ErrorKind::Unsupported.into())
    }
}
