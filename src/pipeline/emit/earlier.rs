//! The zip an earlier build left in the output, and the entries of it a
//! rebuild may reuse instead of compressing again.
//!
//! Compressing is the largest cost of a rebuild (about a third of the time
//! at 30,000 pages), and inflating is about five times faster. So an entry
//! is reused only once it is proven to hold exactly the new file: stored
//! as this build stores entries (no comment, no extra field, the same
//! method, time and permissions), with the new file's size and CRC, and
//! its compressed bytes inflate to the new file's bytes, no more and no
//! less, the stream ending at its last byte. Nothing else read from the
//! output folder decides what is written: a forged or damaged archive
//! fails the check and its entries are compressed afresh. The entry's
//! compressed form is the earlier build's: so that it is what compressing
//! again would give, a zip says in its comment how its entries were
//! compressed (`output::download::compressor`), and only a zip whose
//! comment matches this build's is read (another version of the program,
//! or another level, compresses otherwise). A comment can be copied, so
//! the zip must also be the one the earlier build wrote: its manifest
//! records the zip's hash keyed with a secret of the source
//! (`pipeline::unchanged::zip_secret`), and the zip is read only when its
//! bytes give that record again. Without it, a zip whose entries hold the
//! same files compressed by another program would make a rebuild's zip
//! differ from a fresh build's.

use super::matching::{FileAt, Matching};
use super::zip_options;
use crate::output::download::compressor;
use crate::output::manifest::Hash;
use std::fs::File;
use std::io::{Read, Seek};
use std::sync::Arc;
use zip::ZipArchive;
use zip::read::ZipFile;
use zip::write::ZipWriter;

/// An earlier build's zip, opened for reuse.
pub struct EarlierZip {
    /// The file's size and times when it was opened.
    opened: Stamp,
    file: FileAt,
    /// Entries are found by their raw name in the archive's own map (a
    /// map of ours beside it took 2.5 MB at 30,000 pages).
    archive: ZipArchive<FileAt>,
    /// How this build stores every entry, read back from one.
    stored: Stored,
}

/// What an entry's header says beyond its name, sizes and CRC.
#[derive(PartialEq, Debug)]
struct Stored {
    method: zip::CompressionMethod,
    system: zip::System,
    attributes: u32,
    time: Option<zip::DateTime>,
    version: (u8, u8),
}

impl Stored {
    fn of<R: Read>(f: &ZipFile<'_, R>) -> Self {
        Stored {
            method: f.compression(),
            system: f.system(),
            attributes: f.external_attributes(),
            time: f.last_modified(),
            version: f.version_made_by(),
        }
    }

    /// How [`zip_options`] stores an entry.
    fn ours() -> Option<Self> {
        let mut w = ZipWriter::new(std::io::Cursor::new(Vec::new()));
        w.start_file("x", zip_options()).ok()?;
        std::io::Write::write_all(&mut w, b"x").ok()?;
        let bytes = w.finish().ok()?.into_inner();
        let mut a = ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
        let f = a.by_index_raw(0).ok()?;
        Some(Stored::of(&f))
    }
}

impl EarlierZip {
    /// The archive in `file` when its bytes are the zip an earlier build
    /// recorded (`recorded`: see [`crate::output::manifest::zip_seal`],
    /// with this build's `secret`; `len` long), else `None`; also `None`
    /// when it is not an archive, or was not compressed as this build
    /// compresses.
    pub fn open(file: File, secret: &Hash, recorded: &Hash, len: u64) -> Option<Self> {
        // The stamp first: a write after it, during the hash, is caught.
        let opened = stamp(&file)?;
        // The length before the hash: a file of another length planted
        // there (a sparse file of terabytes) is never read.
        if opened.0 != len {
            return None;
        }
        let hash = blake3::Hasher::new().update_reader(&file).ok()?.finalize();
        if crate::output::manifest::zip_seal(secret, hash.as_bytes()) != *recorded {
            return None;
        }
        Self::read(file, opened)
    }

    /// The archive in `file`, whatever wrote it (tests of the other checks).
    #[cfg(test)]
    pub fn open_unsealed(file: File) -> Option<Self> {
        let opened = stamp(&file)?;
        Self::read(file, opened)
    }

    fn read(file: File, opened: Stamp) -> Option<Self> {
        let file = FileAt::new(Arc::new(file));
        let archive = ZipArchive::new(file.clone()).ok()?;
        if archive.comment() != compressor().as_bytes() {
            return None;
        }
        Some(EarlierZip {
            opened,
            file,
            archive,
            stored: Stored::ours()?,
        })
    }

    /// The index of the entry `name` when it holds exactly `bytes`, stored
    /// as this build stores them (see the module's comment).
    pub fn verify(&self, name: &str, bytes: &[u8]) -> Option<usize> {
        let mut m = self.matching(name)?;
        if m.size() != bytes.len() as u64 {
            return None;
        }
        if !m.feed(bytes) {
            return None;
        }
        m.finish()
    }

    /// The entry `name`, to compare with a file given piece by piece, when
    /// it is stored as this build stores entries.
    pub fn matching(&self, name: &str) -> Option<Matching> {
        let i = self.archive.index_for_name_raw(name.as_bytes())?;
        let mut archive = self.archive.clone();
        let f = archive.by_index_raw(i).ok()?;
        let stored_ok = f.name_raw() == name.as_bytes()
            && f.is_file()
            && !f.encrypted()
            && f.comment_raw().is_empty()
            && f.extra_data().is_none_or(|e| e.is_empty())
            && f.extra_data_fields().next().is_none()
            && Stored::of(&f) == self.stored;
        if !stored_ok {
            return None;
        }
        let mut raw = self.file.clone();
        raw.seek(std::io::SeekFrom::Start(f.data_start()?)).ok()?;
        Some(Matching::new(
            i,
            (f.size(), f.crc32()),
            raw,
            f.compressed_size(),
        ))
    }

    /// Whether the file was written to since it was opened: what was
    /// copied from it may not be what was verified, so the build must fail
    /// (a file replaced by another is not this one, and is not read).
    pub fn changed(&self) -> bool {
        stamp(self.file.source()) != Some(self.opened)
    }

    /// Copies the verified entry `i` into `zip`.
    pub fn copy_into<W: std::io::Write>(
        &self,
        i: usize,
        zip: &mut crate::output::zip_out::ZipOut<W>,
    ) -> zip::result::ZipResult<()> {
        let mut archive = self.archive.clone();
        crate::output::download::copy_entry(zip, archive.by_index_raw(i)?, None)
    }
}

/// A file's size, modification and change times: any write changes the
/// change time, which no one can set back.
type Stamp = (u64, i64, i64, i64, i64);

#[cfg(unix)]
fn stamp(f: &File) -> Option<Stamp> {
    use std::os::unix::fs::MetadataExt;
    let m = f.metadata().ok()?;
    Some((
        m.len(),
        m.mtime(),
        m.mtime_nsec(),
        m.ctime(),
        m.ctime_nsec(),
    ))
}

#[cfg(not(unix))]
fn stamp(f: &File) -> Option<Stamp> {
    let m = f.metadata().ok()?;
    let t = m
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    Some((
        m.len(),
        t.as_secs() as i64,
        i64::from(t.subsec_nanos()),
        0,
        0,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use zip::write::PreparedZipFile;

    fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = ZipWriter::new(std::io::Cursor::new(Vec::new()));
        w.set_comment(compressor()).unwrap();
        for (name, bytes) in files {
            w.add_prepared_file(PreparedZipFile::from_data(name, zip_options(), bytes).unwrap())
                .unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    fn earlier(bytes: &[u8]) -> EarlierZip {
        let mut f = tempfile::tempfile().unwrap();
        f.write_all(bytes).unwrap();
        EarlierZip::open_unsealed(f).unwrap()
    }

    fn page(n: u8) -> Vec<u8> {
        (0..20_000u32)
            .flat_map(|i| format!("<p>{n} line {i}</p>\n").into_bytes())
            .collect()
    }

    /// A zip made again from verified entries is byte for byte the zip
    /// made from scratch; changed files are not reused.
    #[test]
    fn reused_entries_give_the_same_zip() {
        let (a, b, c) = (page(1), page(2), page(3));
        let first = zip_of(&[("g/a.html", &a), ("g/b.html", &b)]);
        let e = earlier(&first);
        assert_eq!(e.verify("g/a.html", &a), Some(0));
        assert_eq!(e.verify("g/b.html", &c), None, "changed content");
        assert_eq!(e.verify("g/c.html", &a), None, "not in the archive");
        let mut w = crate::output::zip_out::ZipOut::new(Vec::new());
        e.copy_into(0, &mut w).unwrap();
        let other = zip_of(&[("g/b.html", &c)]);
        let mut other = ZipArchive::new(std::io::Cursor::new(other)).unwrap();
        crate::output::download::copy_entry(&mut w, other.by_index_raw(0).unwrap(), None).unwrap();
        let again = w.finish(compressor().as_bytes()).unwrap();
        assert_eq!(again, zip_of(&[("g/a.html", &a), ("g/b.html", &c)]));
    }

    /// An entry stored otherwise is not reused even when it inflates to the
    /// same bytes; nor is anything from a zip compressed otherwise, or
    /// written to while it is read (see `matching.rs` for the streams).
    #[test]
    fn forged_entries_are_not_reused() {
        let a = page(1);
        // Another time, permissions and method.
        let mut w = ZipWriter::new(std::io::Cursor::new(Vec::new()));
        w.set_comment(compressor()).unwrap();
        let other = zip::write::SimpleFileOptions::default().unix_permissions(0o755);
        w.start_file("g/a.html", other).unwrap();
        w.write_all(&a).unwrap();
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored)
            .last_modified_time(zip::DateTime::default())
            .unix_permissions(0o644);
        w.start_file("g/b.html", stored).unwrap();
        w.write_all(&a).unwrap();
        let e = earlier(&w.finish().unwrap().into_inner());
        assert_eq!(e.verify("g/a.html", &a), None);
        assert_eq!(e.verify("g/b.html", &a), None);
        // Compressed by another program, or another level.
        let mut other = zip_of(&[("g/a.html", &a)]);
        let at = other.len() - compressor().len();
        other[at] ^= 1;
        let mut f = tempfile::tempfile().unwrap();
        f.write_all(&other).unwrap();
        assert!(EarlierZip::open_unsealed(f).is_none());
        // Written to after it was opened.
        let mut f = tempfile::NamedTempFile::new().unwrap();
        f.write_all(&zip_of(&[("g/a.html", &a)])).unwrap();
        let e = EarlierZip::open_unsealed(f.reopen().unwrap()).unwrap();
        assert!(!e.changed());
        f.as_file_mut().write_all(b" ").unwrap();
        assert!(e.changed());
        // Not an archive at all.
        let mut f = tempfile::tempfile().unwrap();
        f.write_all(b"not a zip").unwrap();
        assert!(EarlierZip::open_unsealed(f).is_none());
    }
}
