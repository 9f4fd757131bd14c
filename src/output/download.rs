//! The downloadable copy of the site (`download/<site>.zip`, and one per
//! language): unzip it anywhere and open `index.html` from the disk, search
//! included. The build fills its zips as pages are made (`pipeline::emit`);
//! here are the pure helpers.
//!
//! Reproducible: entries in a fixed order, fixed timestamps and
//! permissions. Entries are compressed in parallel.

use super::OutputFile;
use rayon::prelude::*;
use std::io::{Cursor, Read};
use zip::write::{PreparedZipFile, SimpleFileOptions, ZipWriter};
use zip::{CompressionMethod, DateTime, ZipArchive};

pub const DIR: &str = "download";

/// How every entry is stored: fixed time and permissions, so the same
/// files give the same bytes.
pub fn options() -> SimpleFileOptions {
    SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644)
        // Measured on 3,000 pages of the benchmark (zlib-rs): level 3
        // compresses in 73% of the time of level 5 for a zip 5% larger, and
        // in 67% of the time of the default (6).
        .compression_level(Some(3))
}

/// The zip comment that names how this program compresses: a hash of a
/// sample compressed with [`options`], so that a change of level or of
/// deflate implementation changes it. A rebuild reuses an earlier zip's
/// entries only when its comment is this one (see `pipeline::emit`).
pub fn compressor() -> String {
    let sample: Vec<u8> = (0..2_000u32)
        .flat_map(|i| format!("<p id=\"s{i}\">sample {} text</p>\n", i * 7 % 113).into_bytes())
        .collect();
    let compressed = PreparedZipFile::from_data("s", options(), &sample)
        .ok()
        .and_then(|p| {
            let mut w = ZipWriter::new(Cursor::new(Vec::new()));
            w.add_prepared_file(p).ok()?;
            Some(w.finish().ok()?.into_inner())
        })
        .unwrap_or_default();
    let hash = blake3::hash(&compressed).to_hex();
    format!("fieldguide deflate {}", &hash[..16])
}

/// Builds the zip of `files` (already sorted by path), each under `root/`.
/// A pure function of its input: nothing from a previous build is reused,
/// so a forged archive in the output folder cannot survive a rebuild.
pub fn zip(files: &[OutputFile], root: &str) -> Result<Vec<u8>, String> {
    let options = options();
    let prepared: Vec<Result<PreparedZipFile, String>> = files
        .par_iter()
        .map(|f| {
            PreparedZipFile::from_data(format!("{root}/{}", f.path), options, f.bytes.as_ref())
                .map_err(|e| e.to_string())
        })
        .collect();
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    out.set_comment(compressor()).map_err(|e| e.to_string())?;
    for p in prepared {
        out.add_prepared_file(p?).map_err(|e| e.to_string())?;
    }
    let cursor = out.finish().map_err(|e| e.to_string())?;
    Ok(cursor.into_inner())
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
