//! The downloadable copy of the site (`download/<site>.zip`, and one per
//! language): unzip it anywhere and open `index.html` from the disk, search
//! included. The build fills its zips as pages are made (`pipeline::emit`);
//! here are the pure helpers.
//!
//! Reproducible: entries in a fixed order, fixed timestamps and
//! permissions. Entries are compressed in parallel: a file made whole with
//! libdeflate ([`compress`]), a file written piece by piece (print pages,
//! search indexes) as it comes, into a scratch file ([`EntryWriter`]), so
//! that it is never held whole, compressed or not.

use std::io::{Cursor, Read, Seek, SeekFrom, Write};
use zip::write::{PreparedZipFile, SimpleFileOptions, ZipWriter};
use zip::{CompressionMethod, DateTime, ZipArchive};

use super::zip_out::{Sizes, ZipOut, end_records};

pub const DIR: &str = "download";

/// How every entry is stored: fixed time and permissions, so the same
/// files give the same bytes. The compression level is the streamed
/// entries' (see [`compress`] for whole files).
pub fn options() -> SimpleFileOptions {
    SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644)
        // Measured on 3,000 pages of the benchmark (zlib-rs): level 3
        // compresses in 73% of the time of level 5 for a zip 5% larger, and
        // in 67% of the time of the default (6).
        .compression_level(Some(STREAM_LEVEL))
}

/// The zip crate's (zlib-rs) level for files compressed as they are
/// written ([`options`], [`EntryWriter`]).
const STREAM_LEVEL: i64 = 3;

/// libdeflate's level for whole files. Measured on 3,420 pages of the
/// 10,000-chapter benchmark (96 MB): level 1 takes 41% of the time of
/// zlib-rs at level 3 for 3.5% more bytes; libdeflate's level 3, 82% of
/// it for 3% fewer.
const LEVEL: i32 = 1;

/// A file compressed for a zip, ready to be added with [`add`].
///
/// The zip crate can add compressed bytes only by copying an entry of
/// another archive, so they are wrapped in a one-entry archive, stored as
/// [`options`] stores entries (a unit test compares the two).
pub struct Compressed<R = Cursor<Vec<u8>>>(ZipArchive<R>);

/// Compresses `bytes` as the entry `name`.
pub fn compress(name: &str, bytes: &[u8]) -> Result<Compressed, String> {
    let archive = SCRATCH.with_borrow_mut(|s| -> Result<_, String> {
        let (c, data) = match s {
            Some(kept) => kept,
            None => {
                let level =
                    libdeflater::CompressionLvl::new(LEVEL).map_err(|e| format!("{e:?}"))?;
                s.insert((libdeflater::Compressor::new(level), Vec::new()))
            }
        };
        let bound = c.deflate_compress_bound(bytes.len());
        if data.len() < bound {
            data.resize(bound, 0);
        }
        let len = c
            .deflate_compress(bytes, data)
            .map_err(|e| format!("cannot compress: {e:?}"))?;
        let crc = libdeflater::crc32(bytes);
        let archive = one_entry(name.as_bytes(), crc, bytes.len(), &data[..len])?;
        // A print page's buffer is not kept for the rest of the build.
        if data.len() > SCRATCH_KEPT {
            *data = Vec::new();
        }
        Ok(archive)
    })?;
    ZipArchive::new(Cursor::new(archive))
        .map(Compressed)
        .map_err(|e| e.to_string())
}

thread_local! {
    /// Each thread's compressor and output buffer, kept from file to file:
    /// allocating and zeroing them for each of 30,000 pages cost more than
    /// compressing a small page.
    static SCRATCH: std::cell::RefCell<Option<(libdeflater::Compressor, Vec<u8>)>> =
        const { std::cell::RefCell::new(None) };
}

/// The largest output buffer a thread keeps between files.
const SCRATCH_KEPT: usize = 1 << 20;

/// Adds a compressed file to `zip`, its bytes copied as they are.
pub fn add<W: Write + Seek, R: Read + Seek>(
    zip: &mut ZipWriter<W>,
    file: Compressed<R>,
) -> zip::result::ZipResult<()> {
    let mut archive = file.0;
    zip.raw_copy_file(archive.by_index_raw(0)?)
}

impl<R: Read + Seek> Compressed<R> {
    /// Adds the file to `zip`, its compressed bytes copied as they are.
    pub fn add_to<W: Write>(self, zip: &mut ZipOut<W>) -> zip::result::ZipResult<()> {
        let mut archive = self.0;
        copy_entry(zip, archive.by_index_raw(0)?, None)
    }
}

/// Copies `entry` of an archive (opened raw: its deflated bytes) into
/// `zip`, as `name` if given. Only for entries stored as [`options`]
/// stores them: a build's own, or an earlier build's verified to be.
pub fn copy_entry<W: Write, R: Read>(
    zip: &mut ZipOut<W>,
    mut entry: zip::read::ZipFile<'_, R>,
    name: Option<&[u8]>,
) -> zip::result::ZipResult<()> {
    let name = name.map_or_else(|| entry.name_raw().to_vec(), <[u8]>::to_vec);
    let (crc, size, packed) = (entry.crc32(), entry.size(), entry.compressed_size());
    zip.add(&name, crc, size, packed, &mut entry)?;
    Ok(())
}

/// A zip archive holding one deflated entry (APPNOTE 4.3): its local
/// header and data, its central directory header, the end record.
fn one_entry(name: &[u8], crc: u32, size: usize, data: &[u8]) -> Result<Vec<u8>, String> {
    let sizes = Sizes::of(name, crc, size as u64, data.len() as u64).map_err(|e| e.to_string())?;
    let mut z = Vec::with_capacity(data.len() + 2 * name.len() + 100);
    sizes.local_header(name, &mut z);
    z.extend_from_slice(data);
    let central = z.len();
    sizes.central_header(name, 0, &mut z);
    let len = z.len() - central;
    end_records(1, central as u64, len as u64, b"", &mut z);
    Ok(z)
}

/// A file compressed as it is written (a print page, a search index:
/// never held whole), into `W` (a scratch file in the staging folder), not
/// memory: a 35 MB print page's deflated bytes would otherwise be held
/// until the zip takes them. `W` ends up a one-entry archive, as
/// [`compress`] makes one; its deflate stream is the zip crate's for
/// [`options`] (same encoder, same level), so the entry is stored exactly
/// as the zip crate would stream it (a unit test compares them).
pub struct EntryWriter<W: Write + Read + Seek> {
    deflate: flate2::write::DeflateEncoder<W>,
    crc: libdeflater::Crc,
    name: Vec<u8>,
    size: u64,
}

impl<W: Write + Read + Seek> EntryWriter<W> {
    /// Starts the entry `name` in `out`, which must be empty.
    pub fn new(name: &str, mut out: W) -> std::io::Result<Self> {
        // Room for the local header, written once the sizes are known.
        out.write_all(&vec![0; 30 + name.len()])?;
        Ok(EntryWriter {
            deflate: flate2::write::DeflateEncoder::new(
                out,
                flate2::Compression::new(STREAM_LEVEL as u32),
            ),
            crc: libdeflater::Crc::new(),
            name: name.as_bytes().to_vec(),
            size: 0,
        })
    }

    /// Ends the deflate stream and writes the headers: the entry, ready to
    /// be added with [`add`].
    pub fn finish(self) -> zip::result::ZipResult<Compressed<W>> {
        let mut out = self.deflate.finish()?;
        let end = out.stream_position()?;
        let header = 30 + self.name.len() as u64;
        let sizes = Sizes::of(&self.name, self.crc.sum(), self.size, end - header)?;
        let mut z = Vec::with_capacity(header as usize);
        sizes.local_header(&self.name, &mut z);
        out.seek(SeekFrom::Start(0))?;
        out.write_all(&z)?;
        z.clear();
        // A one-entry archive's central directory must fit a plain zip's
        // offsets, as [`one_entry`]'s does.
        if end >= u64::from(u32::MAX) {
            return Err(std::io::Error::other("too large for a zip entry").into());
        }
        sizes.central_header(&self.name, 0, &mut z);
        let len = z.len() as u64;
        end_records(1, end, len, b"", &mut z);
        out.seek(SeekFrom::Start(end))?;
        out.write_all(&z)?;
        out.flush()?;
        out.seek(SeekFrom::Start(0))?;
        ZipArchive::new(out).map(Compressed)
    }
}

impl<W: Write + Read + Seek> Write for EntryWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.deflate.write(buf)?;
        self.crc.update(&buf[..n]);
        self.size += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.deflate.flush()
    }
}

/// The zip comment that names how this program compresses: a hash of a
/// sample compressed both ways ([`compress`], [`options`]), so that a
/// change of level or of deflate implementation changes it. A rebuild
/// reuses an earlier zip's entries only when its comment is this one (see
/// `pipeline::emit`).
pub fn compressor() -> String {
    let sample: Vec<u8> = (0..2_000u32)
        .flat_map(|i| format!("<p id=\"s{i}\">sample {} text</p>\n", i * 7 % 113).into_bytes())
        .collect();
    let compressed = both_ways(&sample).unwrap_or_default();
    let hash = blake3::hash(&compressed).to_hex();
    format!("fieldguide deflate {}", &hash[..16])
}

fn both_ways(sample: &[u8]) -> zip::result::ZipResult<Vec<u8>> {
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    let whole = compress("s", sample).map_err(std::io::Error::other)?;
    add(&mut w, whole)?;
    w.add_prepared_file(PreparedZipFile::from_data("t", options(), sample)?)?;
    Ok(w.finish()?.into_inner())
}

/// Builds the zip of `files` (already sorted by path), each under `root/`,
/// as a build compresses them (tests forge earlier zips with it).
pub fn zip(files: &[super::OutputFile], root: &str) -> Result<Vec<u8>, String> {
    use rayon::prelude::*;
    let compressed: Vec<Result<Compressed, String>> = files
        .par_iter()
        .map(|f| compress(&format!("{root}/{}", f.path), f.bytes.as_ref()))
        .collect();
    let mut out = ZipOut::new(Vec::new());
    for c in compressed {
        c?.add_to(&mut out).map_err(|e| e.to_string())?;
    }
    out.finish(compressor().as_bytes())
        .map_err(|e| e.to_string())
}

/// Reads back every entry, for tests: name -> bytes.
pub fn entries(bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut a = ZipArchive::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    for i in 0..a.len() {
        let mut f = a.by_index(i).map_err(|e| e.to_string())?;
        let mut b = Vec::new();
        f.read_to_end(&mut b).map_err(|e| e.to_string())?;
        let name = f.name().map_err(|e| e.to_string())?.to_string();
        out.push((name, b));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored(bytes: Vec<u8>, i: usize) -> (String, u32, zip::System, (u8, u8), u16) {
        let mut a = ZipArchive::new(Cursor::new(bytes)).unwrap();
        let f = a.by_index_raw(i).unwrap();
        let time = f.last_modified().unwrap();
        (
            format!("{:?} {:?}", f.compression(), time),
            f.external_attributes(),
            f.system(),
            f.version_made_by(),
            time.datepart(),
        )
    }

    /// A whole file and a streamed one are stored alike, so that an
    /// earlier zip's entries of either kind can be reused (`emit::earlier`).
    #[test]
    fn whole_and_streamed_entries_are_stored_alike() {
        let text = "<p>Référez la personne avec son accord.</p>\n".repeat(300);
        let mut w = ZipWriter::new(Cursor::new(Vec::new()));
        add(&mut w, compress("g/fr/a.html", text.as_bytes()).unwrap()).unwrap();
        w.start_file("g/fr/b.html", options()).unwrap();
        std::io::Write::write_all(&mut w, text.as_bytes()).unwrap();
        let bytes = w.finish().unwrap().into_inner();
        assert_eq!(stored(bytes.clone(), 0), stored(bytes.clone(), 1));
        let back = entries(&bytes).unwrap();
        assert_eq!(
            back[0],
            ("g/fr/a.html".to_string(), text.clone().into_bytes())
        );
        assert_eq!(back[1].1, text.into_bytes());
    }

    /// An entry compressed as it is written, into its own file, is the
    /// entry the zip crate streams: the same archive, byte for byte.
    #[test]
    fn an_entry_written_piece_by_piece_is_the_zip_crates() {
        let text = "<p>Ask before you write anything down: référez.</p>\n".repeat(20_000);
        let mut crate_made = ZipWriter::new(Cursor::new(Vec::new()));
        crate_made.start_file("g/fr/print.html", options()).unwrap();
        crate_made.write_all(text.as_bytes()).unwrap();
        let mut ours = ZipWriter::new(Cursor::new(Vec::new()));
        let mut e = EntryWriter::new("g/fr/print.html", Cursor::new(Vec::new())).unwrap();
        for piece in text.as_bytes().chunks(7_001) {
            e.write_all(piece).unwrap();
        }
        add(&mut ours, e.finish().unwrap()).unwrap();
        let (a, b) = (
            crate_made.finish().unwrap().into_inner(),
            ours.finish().unwrap().into_inner(),
        );
        assert_eq!(entries(&b).unwrap(), entries(&a).unwrap());
        assert!(a == b, "the archives differ");
    }

    #[test]
    fn names_beyond_ascii_read_back() {
        let mut w = ZipWriter::new(Cursor::new(Vec::new()));
        for (name, body) in [
            ("g/ar/دليل.html", "نص"),
            ("g/empty.txt", ""),
            ("g/fr/référence.html", "é"),
        ] {
            add(&mut w, compress(name, body.as_bytes()).unwrap()).unwrap();
        }
        let bytes = w.finish().unwrap().into_inner();
        let back = entries(&bytes).unwrap();
        let names: Vec<&str> = back.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            ["g/ar/دليل.html", "g/empty.txt", "g/fr/référence.html"]
        );
        assert_eq!(back[0].1, "نص".as_bytes());
        assert!(back[1].1.is_empty());
    }

    /// More entries than a plain zip can count (65,535): a site of 10,000
    /// chapters in seven languages has them.
    #[test]
    fn more_entries_than_a_plain_zip_holds() {
        let mut w = ZipWriter::new(Cursor::new(Vec::new()));
        let n = 66_000;
        for i in 0..n {
            add(
                &mut w,
                compress(&format!("g/{i}.html"), b"<p>x</p>").unwrap(),
            )
            .unwrap();
        }
        let bytes = w.finish().unwrap().into_inner();
        let mut a = ZipArchive::new(Cursor::new(bytes)).unwrap();
        assert_eq!(a.len(), n);
        let mut last = String::new();
        a.by_name(&format!("g/{}.html", n - 1))
            .unwrap()
            .read_to_string(&mut last)
            .unwrap();
        assert_eq!(last, "<p>x</p>");
    }

    #[test]
    fn compressing_is_deterministic() {
        let text = "<li>Ask before you write anything down.</li>".repeat(500);
        let once = |_| {
            let mut w = ZipWriter::new(Cursor::new(Vec::new()));
            add(&mut w, compress("a", text.as_bytes()).unwrap()).unwrap();
            w.finish().unwrap().into_inner()
        };
        assert_eq!(once(0), once(1));
        assert_eq!(compressor(), compressor());
    }
}
