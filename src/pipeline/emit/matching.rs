//! Comparing a zip entry's compressed bytes with a new file, piece by
//! piece as the file is made, without compressing anything: the stream is
//! inflated and each piece checked against it (see `earlier.rs` for when
//! an entry may be reused).

use super::read_at::At;
use flate2::{Decompress, FlushDecompress, Status};
use std::fs::File;
use std::io::Read;
use std::sync::Arc;

/// A file of the output read by offset, cheap to clone.
pub type FileAt = At<Arc<File>>;

/// An earlier entry compared with a file as it comes: its compressed bytes
/// inflated and checked against each piece.
pub struct Matching {
    index: usize,
    /// What its header says.
    size: u64,
    crc32: u32,
    raw: FileAt,
    /// Compressed bytes not read yet.
    left: u64,
    z: Decompress,
    input: Vec<u8>,
    /// `input[at..have]` is read and not inflated yet.
    have: usize,
    at: usize,
    output: Vec<u8>,
    ended: bool,
    crc: flate2::Crc,
}

impl Matching {
    /// The size the entry's header gives.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// Entry `index`, of `size` bytes and CRC `crc32`, whose `len`
    /// compressed bytes `raw` reads.
    pub fn new(index: usize, (size, crc32): (u64, u32), raw: FileAt, len: u64) -> Self {
        Matching {
            index,
            size,
            crc32,
            raw,
            left: len,
            z: Decompress::new(false),
            input: vec![0; 64 * 1024],
            have: 0,
            at: 0,
            output: vec![0; 64 * 1024],
            ended: false,
            crc: flate2::Crc::new(),
        }
    }

    /// Whether the entry goes on with exactly `bytes`.
    pub fn feed(&mut self, bytes: &[u8]) -> bool {
        self.crc.update(bytes);
        let mut done = 0;
        while done < bytes.len() {
            if self.ended || !self.fill() {
                return false;
            }
            let want = self.output.len().min(bytes.len() - done);
            let Some((made, status)) = self.inflate(want) else {
                return false;
            };
            if self.output[..made] != bytes[done..done + made] {
                return false;
            }
            done += made;
            self.ended = status == Status::StreamEnd;
            if made == 0 && status != Status::StreamEnd && self.at == self.have && self.left == 0 {
                // Cut short.
                return false;
            }
        }
        true
    }

    /// The entry's index, when it ended exactly where the file did: its
    /// stream ends at its last byte, and its header gives the file's size
    /// and CRC.
    pub fn finish(mut self) -> Option<usize> {
        while !self.ended {
            if !self.fill() {
                return None;
            }
            let (made, status) = self.inflate(1)?;
            if made > 0 || (status != Status::StreamEnd && self.at == self.have && self.left == 0) {
                return None;
            }
            self.ended = status == Status::StreamEnd;
        }
        let exact = self.at == self.have
            && self.left == 0
            && self.z.total_out() == self.size
            && self.crc.sum() == self.crc32;
        exact.then_some(self.index)
    }

    /// Reads more compressed bytes when all read ones are inflated; false
    /// when they cannot be read.
    fn fill(&mut self) -> bool {
        if self.at < self.have || self.left == 0 {
            return true;
        }
        let want = self.input.len().min(self.left as usize);
        match self.raw.read(&mut self.input[..want]) {
            Ok(0) | Err(_) => false,
            Ok(n) => {
                (self.have, self.at) = (n, 0);
                self.left -= n as u64;
                true
            }
        }
    }

    /// Inflates at most `want` bytes into `output`.
    fn inflate(&mut self, want: usize) -> Option<(usize, Status)> {
        let (before_in, before_out) = (self.z.total_in(), self.z.total_out());
        let flush = if self.left == 0 {
            FlushDecompress::Finish
        } else {
            FlushDecompress::None
        };
        let status = self
            .z
            .decompress(
                &self.input[self.at..self.have],
                &mut self.output[..want],
                flush,
            )
            .ok()?;
        self.at += (self.z.total_in() - before_in) as usize;
        Some(((self.z.total_out() - before_out) as usize, status))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// Whether `len` bytes of the raw stream `raw`, said to hold `file`,
    /// match the file given in `pieces`.
    fn matches(raw: &[u8], len: u64, file: &[u8], pieces: &[&[u8]]) -> Option<usize> {
        let mut f = tempfile::tempfile().unwrap();
        f.write_all(raw).unwrap();
        let header = (file.len() as u64, {
            let mut c = flate2::Crc::new();
            c.update(file);
            c.sum()
        });
        let mut m = Matching::new(0, header, At::new(Arc::new(f)), len);
        pieces.iter().all(|p| m.feed(p)).then(|| m.finish())?
    }

    /// Only a stream that inflates to exactly the file, and ends at its
    /// last byte, matches.
    #[test]
    fn a_stream_matches_only_the_exact_file() {
        let a: Vec<u8> = (0..20_000u32)
            .flat_map(|i| format!("<p>line {i}</p>\n").into_bytes())
            .collect();
        // A stream with bytes hidden after its end.
        let mut z = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::new(3));
        z.write_all(&a).unwrap();
        let mut raw = z.finish().unwrap();
        let exact = raw.len() as u64;
        assert_eq!(matches(&raw, exact, &a, &[&a]), Some(0));
        raw.extend_from_slice(b"hidden");
        assert_eq!(matches(&raw, raw.len() as u64, &a, &[&a]), None);
        // Cut short, or longer than the file.
        assert_eq!(matches(&raw, 100, &a, &[&a]), None);
        let short = &a[..a.len() - 1];
        assert_eq!(matches(&raw, exact, short, &[short]), None);
        // A header with the new file's size and CRC over other bytes.
        let mut other = a.clone();
        other[5_000] = b'#';
        assert_eq!(
            matches(&raw[..exact as usize], exact, &other, &[&other]),
            None
        );
        // Fed in pieces, split anywhere.
        let (x, y) = a.split_at(12_345);
        assert_eq!(matches(&raw, exact, &a, &[x, y]), Some(0));
        assert_eq!(matches(&raw, exact, &a, &[x, &y[1..]]), None);
    }
}
