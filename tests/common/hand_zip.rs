//! Zips written by hand, stored, so that a test can make what a zip says
//! twice (a part's header and the directory, the record after a part, the
//! ZIP64 end and the classic one) disagree.

/// What follows a part whose headers say its sizes follow its data.
#[derive(Clone, Copy, PartialEq)]
pub enum After {
    /// Nothing: its sizes are in its headers.
    Nothing,
    /// The record giving them, with its signature.
    Signed,
    /// The same record without it, which the zip format allows.
    Unsigned,
}

/// A part of a zip written by hand, stored as it is.
pub struct Part<'a> {
    pub name: &'a str,
    pub data: &'a [u8],
    pub after: After,
}

pub fn part<'a>(name: &'a str, data: &'a [u8]) -> Part<'a> {
    Part {
        name,
        data,
        after: After::Nothing,
    }
}

/// A part whose sizes follow its data, in a record with its signature.
pub fn sizes_after<'a>(name: &'a str, data: &'a [u8]) -> Part<'a> {
    Part {
        after: After::Signed,
        ..part(name, data)
    }
}

/// A zip written by hand: its bytes, where each part's header and the
/// record after it start, and where its directory starts.
pub struct Zip {
    pub bytes: Vec<u8>,
    pub headers: Vec<usize>,
    pub after: Vec<usize>,
    pub directory: usize,
}

pub fn crc(data: &[u8]) -> u32 {
    let mut c = flate2::Crc::new();
    c.update(data);
    c.sum()
}

/// The fields a part's header and its directory entry share.
fn fields(p: &Part) -> Vec<u8> {
    let mut f = Vec::new();
    let flags: u16 = if p.after == After::Nothing { 0 } else { 8 };
    for v in [flags, 0, 0, 0] {
        f.extend(v.to_le_bytes());
    }
    f.extend(crc(p.data).to_le_bytes());
    f.extend((p.data.len() as u32).to_le_bytes());
    f.extend((p.data.len() as u32).to_le_bytes());
    f.extend((p.name.len() as u16).to_le_bytes());
    f.extend(0u16.to_le_bytes());
    f
}

/// One directory entry, for the part `p` whose header is at `at`.
pub fn entry(p: &Part, at: usize) -> Vec<u8> {
    let mut e = b"PK\x01\x02\x14\x00\x14\x00".to_vec();
    e.extend(fields(p));
    e.extend([0u8; 10]);
    e.extend((at as u32).to_le_bytes());
    e.extend(p.name.as_bytes());
    e
}

/// The header of the part `p`, and its data.
pub fn header(p: &Part) -> Vec<u8> {
    let mut h = b"PK\x03\x04\x14\x00".to_vec();
    h.extend(fields(p));
    h.extend(p.name.as_bytes());
    h.extend(p.data);
    h
}

/// `parts` stored, their directory, `before_end` (given where it starts)
/// and the directory's classic end.
pub fn hand_zip(parts: &[Part], before_end: impl Fn(usize) -> Vec<u8>) -> Zip {
    let (mut bytes, mut headers, mut after, mut directory) = (vec![], vec![], vec![], vec![]);
    for p in parts {
        headers.push(bytes.len());
        directory.extend(entry(p, bytes.len()));
        bytes.extend(header(p));
        after.push(bytes.len());
        if p.after == After::Signed {
            bytes.extend(b"PK\x07\x08");
        }
        if p.after != After::Nothing {
            bytes.extend(crc(p.data).to_le_bytes());
            bytes.extend((p.data.len() as u32).to_le_bytes());
            bytes.extend((p.data.len() as u32).to_le_bytes());
        }
    }
    let start = bytes.len();
    bytes.extend(&directory);
    bytes.extend(before_end(bytes.len()));
    bytes.extend(b"PK\x05\x06\0\0\0\0");
    let count = parts.len() as u16;
    bytes.extend(count.to_le_bytes());
    bytes.extend(count.to_le_bytes());
    bytes.extend((directory.len() as u32).to_le_bytes());
    bytes.extend((start as u32).to_le_bytes());
    bytes.extend(0u16.to_le_bytes());
    Zip {
        bytes,
        headers,
        after,
        directory: start,
    }
}

/// A ZIP64 end of a directory of `count` entries, `size` bytes long from
/// `offset`, written at `at`, and what leads to it.
pub fn zip64_end(count: u64, size: u64, offset: u64, at: usize) -> Vec<u8> {
    let mut r = b"PK\x06\x06".to_vec();
    r.extend(44u64.to_le_bytes());
    r.extend([45u8, 0, 45, 0]);
    r.extend([0u8; 8]);
    for v in [count, count, size, offset] {
        r.extend(v.to_le_bytes());
    }
    r.extend(b"PK\x06\x07\0\0\0\0");
    r.extend((at as u64).to_le_bytes());
    r.extend(1u32.to_le_bytes());
    r
}
