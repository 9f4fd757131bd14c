//! A file of the finished site, by its path inside the output folder. Every
//! step that produces output hands these on; nothing here depends on how or
//! where they are written.

use std::sync::Arc;

pub enum Bytes {
    Owned(Vec<u8>),
    Shared(Arc<Vec<u8>>),
    Static(&'static [u8]),
}

impl AsRef<[u8]> for Bytes {
    fn as_ref(&self) -> &[u8] {
        match self {
            Bytes::Owned(v) => v,
            Bytes::Shared(v) => v,
            Bytes::Static(v) => v,
        }
    }
}

pub struct OutputFile {
    pub path: String,
    pub bytes: Bytes,
}

impl std::fmt::Debug for OutputFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "OutputFile({}, {} bytes)",
            self.path,
            self.bytes.as_ref().len()
        )
    }
}

impl OutputFile {
    pub fn owned(path: String, bytes: Vec<u8>) -> Self {
        OutputFile {
            path,
            bytes: Bytes::Owned(bytes),
        }
    }
}

/// What later steps need to know of a file already handed on: its path,
/// size and BLAKE3 hash, not its bytes.
#[derive(Debug, Clone)]
pub struct FileRecord {
    pub path: String,
    pub len: u64,
    pub hash: [u8; 32],
}

impl FileRecord {
    /// The record of `f`, hashed now.
    pub fn of(f: &OutputFile) -> Self {
        let bytes = f.bytes.as_ref();
        FileRecord {
            path: f.path.clone(),
            len: bytes.len() as u64,
            hash: *blake3::hash(bytes).as_bytes(),
        }
    }
}
