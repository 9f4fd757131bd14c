//! The layout of the zip archives a build writes (APPNOTE 4.3), written
//! here rather than by the zip crate's writer, which keeps about 350 bytes
//! for each entry until the archive is finished: 10.6 MB at the peak of a
//! 30,000-page build. [`ZipOut`] keeps an entry's central-directory fields
//! packed, 32 bytes and its name. The archives are byte for byte the zip
//! crate's, ZIP64 end records included (unit tests compare them); reading
//! stays with the zip crate.

use std::io::{self, Read, Write};

/// `S_IFREG | 0o644`, and Unix as the system that made it: what the zip
/// crate writes for `download::options`.
const EXTERNAL_ATTRIBUTES: u32 = 0o100644 << 16;
const MADE_BY_UNIX: u16 = (3 << 8) | 20;
/// 1980-01-01 00:00, MS-DOS's first day: `zip::DateTime::default`.
const DOS_DATE: u16 = (1 << 5) | 1;
/// Past these, a count or an offset needs ZIP64's fields.
const MAX_ENTRIES: usize = u16::MAX as usize;
const MAX_32: u64 = u32::MAX as u64;

/// What an entry's headers say of it, checked to fit a plain (not ZIP64)
/// entry.
pub(super) struct Sizes {
    crc: u32,
    size: u32,
    packed: u32,
    name_len: u16,
    flags: u16,
}

impl Sizes {
    pub(super) fn of(name: &[u8], crc: u32, size: u64, packed: u64) -> io::Result<Sizes> {
        let too_large = || io::Error::other("too large for a zip entry");
        Ok(Sizes {
            crc,
            size: u32::try_from(size).map_err(|_| too_large())?,
            packed: u32::try_from(packed).map_err(|_| too_large())?,
            name_len: u16::try_from(name.len()).map_err(|_| io::Error::other("name too long"))?,
            // Bit 11: the name is UTF-8.
            flags: if name.is_ascii() { 0 } else { 1 << 11 },
        })
    }

    /// The local header, name included: `30 + name.len()` bytes.
    pub(super) fn local_header(&self, name: &[u8], z: &mut Vec<u8>) {
        // Version 2.0, flags, deflated, time 0, date.
        u32s(z, &[0x0403_4b50]);
        u16s(z, &[20, self.flags, 8, 0, DOS_DATE]);
        u32s(z, &[self.crc, self.packed, self.size]);
        u16s(z, &[self.name_len, 0]);
        z.extend_from_slice(name);
    }

    /// The central directory header of the entry whose local header is at
    /// `offset`; past 4 GiB, the offset goes in a ZIP64 extra field.
    pub(super) fn central_header(&self, name: &[u8], offset: u64, z: &mut Vec<u8>) {
        let far = offset >= MAX_32;
        u32s(z, &[0x0201_4b50]);
        u16s(z, &[MADE_BY_UNIX, 20, self.flags, 8, 0, DOS_DATE]);
        u32s(z, &[self.crc, self.packed, self.size]);
        // Name, extra field and comment lengths, disk, internal attributes.
        u16s(z, &[self.name_len, if far { 12 } else { 0 }, 0, 0, 0]);
        u32s(z, &[EXTERNAL_ATTRIBUTES, offset.min(MAX_32) as u32]);
        z.extend_from_slice(name);
        if far {
            u16s(z, &[0x0001, 8]);
            z.extend(offset.to_le_bytes());
        }
    }
}

/// The end of an archive of `entries` whose central directory of `size`
/// bytes starts at `start`, with `comment`: ZIP64's end record and
/// locator first when a count or an offset does not fit the plain one.
pub(super) fn end_records(entries: usize, start: u64, size: u64, comment: &[u8], z: &mut Vec<u8>) {
    let zip64 = entries > MAX_ENTRIES || start.max(size) > MAX_32;
    if zip64 {
        let n = entries as u64;
        u32s(z, &[0x0606_4b50]);
        z.extend(44u64.to_le_bytes());
        u16s(z, &[20, 20]);
        u32s(z, &[0, 0]);
        [n, n, size, start]
            .iter()
            .for_each(|v| z.extend(v.to_le_bytes()));
        u32s(z, &[0x0706_4b50, 0]);
        z.extend((start + size).to_le_bytes());
        u32s(z, &[1]);
    }
    let n = entries.min(MAX_ENTRIES) as u16;
    u32s(z, &[0x0605_4b50]);
    u16s(z, &[0, 0, n, n]);
    let size = if zip64 { u32::MAX } else { size as u32 };
    u32s(z, &[size, start.min(MAX_32) as u32]);
    u16s(z, &[comment.len() as u16]);
    z.extend_from_slice(comment);
}

fn u16s(z: &mut Vec<u8>, v: &[u16]) {
    v.iter().for_each(|x| z.extend(x.to_le_bytes()));
}

fn u32s(z: &mut Vec<u8>, v: &[u32]) {
    v.iter().for_each(|x| z.extend(x.to_le_bytes()));
}

/// An entry's central-directory fields, kept until the archive ends.
struct Entry {
    /// Where its name ends in [`ZipOut::names`].
    name_end: usize,
    crc: u32,
    packed: u32,
    size: u32,
    offset: u64,
}

/// A zip archive written entry by entry, every entry deflated and stored
/// as `download::options` stores them.
pub struct ZipOut<W: Write> {
    out: W,
    /// Bytes written so far: the next entry's offset.
    at: u64,
    names: Vec<u8>,
    entries: Vec<Entry>,
}

impl<W: Write> ZipOut<W> {
    pub fn new(out: W) -> Self {
        Self::at(out, 0)
    }

    /// An archive whose first byte is `at` bytes into `out` (tests: an
    /// archive past 4 GiB without writing 4 GiB).
    fn at(out: W, at: u64) -> Self {
        ZipOut {
            out,
            at,
            names: Vec::new(),
            entries: Vec::new(),
        }
    }

    /// Adds the entry `name`: `packed` bytes of deflated data read from
    /// `data`, which inflate to `size` bytes of CRC-32 `crc`.
    pub fn add(
        &mut self,
        name: &[u8],
        crc: u32,
        size: u64,
        packed: u64,
        data: &mut dyn Read,
    ) -> io::Result<()> {
        let sizes = Sizes::of(name, crc, size, packed)?;
        let mut header = Vec::with_capacity(30 + name.len());
        sizes.local_header(name, &mut header);
        self.out.write_all(&header)?;
        let copied = io::copy(&mut data.take(packed), &mut self.out)?;
        if copied != packed {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "a zip entry's data ended early",
            ));
        }
        self.names.extend_from_slice(name);
        self.entries.push(Entry {
            name_end: self.names.len(),
            crc,
            packed: sizes.packed,
            size: sizes.size,
            offset: self.at,
        });
        self.at += header.len() as u64 + packed;
        Ok(())
    }

    /// Writes the central directory and the end records, and returns the
    /// output.
    pub fn finish(mut self, comment: &[u8]) -> io::Result<W> {
        let start = self.at;
        let mut z = Vec::with_capacity(64 << 10);
        let mut size = 0u64;
        let mut name_start = 0;
        for e in &self.entries {
            let name = &self.names[name_start..e.name_end];
            name_start = e.name_end;
            let sizes = Sizes::of(name, e.crc, e.size.into(), e.packed.into())?;
            sizes.central_header(name, e.offset, &mut z);
            if z.len() >= 60 << 10 {
                size += z.len() as u64;
                self.out.write_all(&z)?;
                z.clear();
            }
        }
        size += z.len() as u64;
        let comment_len =
            u16::try_from(comment.len()).map_err(|_| io::Error::other("zip comment too long"))?;
        end_records(
            self.entries.len(),
            start,
            size,
            &comment[..comment_len.into()],
            &mut z,
        );
        self.out.write_all(&z)?;
        self.out.flush()?;
        Ok(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::download::{add, compress, compressor};
    use std::io::{Cursor, Seek, SeekFrom};
    use zip::ZipWriter;

    /// The same entries, added by the zip crate's writer and by ours.
    fn both(names: &[String], comment: &str) -> (Vec<u8>, Vec<u8>) {
        let text = |i: usize| format!("<p>Refer with consent, {i}.</p>\n").repeat(i % 7 + 1);
        let compressed = |i: usize, name: &str| compress(name, text(i).as_bytes()).unwrap();
        let mut theirs = ZipWriter::new(Cursor::new(Vec::new()));
        theirs.set_comment(comment).unwrap();
        let mut ours = ZipOut::new(Vec::new());
        for (i, name) in names.iter().enumerate() {
            add(&mut theirs, compressed(i, name)).unwrap();
            compressed(i, name).add_to(&mut ours).unwrap();
        }
        (
            theirs.finish().unwrap().into_inner(),
            ours.finish(comment.as_bytes()).unwrap(),
        )
    }

    #[test]
    fn an_archive_is_the_zip_crates_byte_for_byte() {
        let names: Vec<String> = ["g/en/index.html", "g/ar/دليل.html", "g/fr/référez.html"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let (theirs, ours) = both(&names, &compressor());
        assert!(theirs == ours, "the archives differ");
        let (theirs, ours) = both(&[], "");
        assert!(theirs == ours, "the empty archives differ");
    }

    /// More entries than a plain zip counts: ZIP64's end records.
    #[test]
    fn more_entries_than_a_plain_zip_holds_is_the_zip_crates_too() {
        let names: Vec<String> = (0..66_000).map(|i| format!("g/{i}.html")).collect();
        let (theirs, ours) = both(&names, "c");
        assert!(
            theirs.len() == ours.len() && theirs == ours,
            "the archives differ"
        );
    }

    /// Entries past 4 GiB (a site with videos) carry their offset in a
    /// ZIP64 field, and the zip crate reads them back. The archive is
    /// written into a sparse file: the first 4 GiB are a hole.
    #[test]
    fn entries_past_4_gib_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let mut file = std::fs::File::create(dir.path().join("big.zip")).unwrap();
        let start = MAX_32 + 1_000;
        file.seek(SeekFrom::Start(start)).unwrap();
        let mut ours = ZipOut::at(&mut file, start);
        for name in ["g/a.html", "g/b.html"] {
            compress(name, name.as_bytes())
                .unwrap()
                .add_to(&mut ours)
                .unwrap();
        }
        ours.finish(b"").unwrap();
        let mut a =
            zip::ZipArchive::new(std::fs::File::open(dir.path().join("big.zip")).unwrap()).unwrap();
        assert_eq!(a.len(), 2);
        for name in ["g/a.html", "g/b.html"] {
            let mut back = String::new();
            a.by_name(name).unwrap().read_to_string(&mut back).unwrap();
            assert_eq!(back, name);
        }
        assert!(a.by_index_raw(1).unwrap().header_start() > MAX_32);
    }
}
