//! What a document's zip says twice must say the same: a part's own header
//! and the directory (its name, how it is compressed, its size), the
//! record after a part and the directory, the ZIP64 end of the directory
//! and the classic one. The zip reader believes the directory and the
//! classic end; a program that reads the parts in order believes the
//! headers, and one that prefers ZIP64 its end. Where they differ, a part
//! the checks skip as another part's data (a document stored inside the
//! document) is one such a program opens. No program writes either, so
//! such a file is refused.

/// A part's header's flag saying its sizes follow its data.
const SIZES_AFTER: u16 = 1 << 3;
/// The signature of the record after a part's data.
const DESCRIPTOR: &[u8] = b"PK\x07\x08";
/// The ZIP64 end of the directory, and what leads to it.
pub const ZIP64_END: &[u8] = b"PK\x06\x06";
pub const ZIP64_LOCATOR: &[u8] = b"PK\x06\x07";

/// What the directory says of one part.
pub struct Listed<'a> {
    pub name: &'a str,
    pub method: u16,
    pub crc: u32,
    pub compressed: u64,
    pub size: u64,
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

fn u64_at(bytes: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(bytes.get(at..at + 8)?.try_into().ok()?))
}

/// `Err` says how the part whose header is at `header`, whose data runs
/// from `data` to `end` as the directory says, is read otherwise by a
/// program that reads the parts in order: another compression or size in
/// its header, a record after it that disagrees, or, stored with its sizes
/// after it, a record inside its data that ends it early.
pub fn part(
    bytes: &[u8],
    header: usize,
    (data, end): (usize, usize),
    listed: &Listed,
) -> Result<(), String> {
    let name = super::shorten(listed.name);
    let unreadable = || format!("the header of its part `{name}` cannot be read");
    let flags = u16_at(bytes, header + 6).ok_or_else(unreadable)?;
    let method = u16_at(bytes, header + 8).ok_or_else(unreadable)?;
    let in_order = "a program that reads the parts in order reads it otherwise, and can open \
                    a part hidden in it";
    if method != listed.method {
        return Err(format!(
            "its part `{name}` is compressed otherwise in its own header than in its directory, \
             and {in_order}"
        ));
    }
    if flags & SIZES_AFTER == 0 {
        let sizes = header_sizes(bytes, header).ok_or_else(unreadable)?;
        if sizes != (listed.compressed, listed.size) {
            return Err(format!(
                "its part `{name}` has another size in its own header than in its directory, \
                 and {in_order}"
            ));
        }
        return Ok(());
    }
    if listed.method == 0 && early_end(&bytes[data..end]).is_some() {
        return Err(format!(
            "its part `{name}` holds, inside its data, the record that ends a part, and {in_order}"
        ));
    }
    // The record's signature is optional: without it, its fields start
    // where the data ends, and a program reads them there. The checksum
    // may itself be the signature's bytes, so both readings are tried.
    let signed = bytes.get(end..end + 4) == Some(DESCRIPTOR);
    if !(signed && descriptor_agrees(bytes, end + 4, listed)
        || descriptor_agrees(bytes, end, listed))
    {
        return Err(format!(
            "the record after its part `{name}` gives it another size or checksum than its \
             directory does, and {in_order}"
        ));
    }
    Ok(())
}

/// The compressed and inflated sizes the part's header at `at` gives,
/// from its ZIP64 field when the header says to look there.
fn header_sizes(bytes: &[u8], at: usize) -> Option<(u64, u64)> {
    let (compressed, size) = (u32_at(bytes, at + 18)?, u32_at(bytes, at + 22)?);
    if compressed != u32::MAX && size != u32::MAX {
        return Some((u64::from(compressed), u64::from(size)));
    }
    let n = usize::from(u16_at(bytes, at + 26)?);
    let extra = bytes.get(at + 30 + n..at + 30 + n + usize::from(u16_at(bytes, at + 28)?))?;
    let mut i = 0;
    while let (Some(id), Some(len)) = (u16_at(extra, i), u16_at(extra, i + 2)) {
        if id == 1 {
            // Both sizes, inflated first, when the header gives them here.
            return Some((u64_at(extra, i + 12)?, u64_at(extra, i + 4)?));
        }
        i += 4 + usize::from(len);
    }
    None
}

/// Where, in a stored part's `data`, a record after a part sits whose size
/// is the bytes before it: a program that reads the parts in order and
/// looks for that record to know where a stored part ends stops there.
fn early_end(data: &[u8]) -> Option<usize> {
    memchr::memmem::find_iter(data, DESCRIPTOR).find(|&at| {
        let n = at as u64;
        u32_at(data, at + 8).is_some_and(|s| u64::from(s) == n)
            || u64_at(data, at + 8).is_some_and(|s| s == n)
    })
}

/// Whether the record after a part, its fields from `at`, gives the
/// directory's checksum and sizes (4 bytes each, or 8 in ZIP64).
fn descriptor_agrees(bytes: &[u8], at: usize, listed: &Listed) -> bool {
    let short = (u32_at(bytes, at + 4), u32_at(bytes, at + 8));
    let long = (u64_at(bytes, at + 4), u64_at(bytes, at + 12));
    u32_at(bytes, at) == Some(listed.crc)
        && (short
            == (
                u32::try_from(listed.compressed).ok(),
                u32::try_from(listed.size).ok(),
            )
            || long == (Some(listed.compressed), Some(listed.size)))
}

/// Where the ZIP64 end of the directory and its locator sit, when the
/// zip has them and they say what its classic end says (each classic
/// field either the same or the mark that sends a reader to ZIP64); `Err`
/// when they lead elsewhere.
pub fn zip64(bytes: &[u8], end: usize) -> Result<Option<[usize; 2]>, String> {
    let Some(locator) = end
        .checked_sub(20)
        .filter(|&l| bytes.get(l..l + 4) == Some(ZIP64_LOCATOR))
    else {
        return Ok(None);
    };
    let elsewhere = "a ZIP64 end to its directory that leads elsewhere than its classic end, so \
                     programs differ on which list of parts they read";
    let record = u64_at(bytes, locator + 8)
        .and_then(|r| usize::try_from(r).ok())
        .filter(|&r| bytes.get(r..r + 4) == Some(ZIP64_END))
        .ok_or_else(|| format!("it holds {elsewhere}"))?;
    let pairs = [
        (
            u64::from(u16_at(bytes, end + 10).unwrap_or(0)),
            u64_at(bytes, record + 32),
            u64::from(u16::MAX),
        ),
        (
            u64::from(u32_at(bytes, end + 12).unwrap_or(0)),
            u64_at(bytes, record + 40),
            u64::from(u32::MAX),
        ),
        (
            u64::from(u32_at(bytes, end + 16).unwrap_or(0)),
            u64_at(bytes, record + 48),
            u64::from(u32::MAX),
        ),
    ];
    for (classic, long, mark) in pairs {
        if long.is_none_or(|l| classic != mark && classic != l) {
            return Err(format!("it holds {elsewhere}"));
        }
    }
    Ok(Some([record, locator]))
}

/// Whether the classic end of the directory of `bytes` gives the mark
/// that sends a reader to a ZIP64 end for where its directory starts, and
/// no ZIP64 end is there to say: Info-ZIP's `zip -fz` writing to a pipe
/// makes such a file, which its own `unzip`, Java and Python cannot read
/// either, since where the directory starts is nowhere written.
pub fn zip64_end_missing(bytes: &[u8]) -> bool {
    let tail = bytes.len().saturating_sub(22 + usize::from(u16::MAX));
    memchr::memmem::rfind(&bytes[tail..], b"PK\x05\x06").is_some_and(|at| {
        let end = tail + at;
        u32_at(bytes, end + 16) == Some(u32::MAX)
            && end
                .checked_sub(20)
                .is_none_or(|l| bytes.get(l..l + 4) != Some(ZIP64_LOCATOR))
    })
}

/// `Err` names a part whose name programs read differently: a `\` (a
/// folder on Windows, a letter elsewhere), a leading `/`, or a `.`, `..`
/// or empty folder. No program writes one; what the checks look for under
/// `word/` or `xl/macrosheets/` a program may open from
/// `xl/../xl/macrosheets/`.
pub fn name(name: &str) -> Result<(), String> {
    let folders = name.strip_suffix('/').unwrap_or(name);
    if name.contains('\\') || folders.split('/').any(|s| matches!(s, "" | "." | "..")) {
        return Err(format!(
            "its part `{}` has a name programs read differently (with `\\`, a leading `/`, or a \
             `.`, `..` or empty folder), and no program writes one",
            super::shorten(name)
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::io::{Cursor, Write};

    /// A zip of two parts with ZIP64 sizes in their headers, then a ZIP64
    /// end (the classic end pointing to it), as Info-ZIP's `zip -fz`
    /// writes one.
    fn zip64() -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default().large_file(true);
        for (name, text) in [
            ("word/document.xml", "<w:document/>"),
            ("a.bin", "PK\x07\x08"),
        ] {
            w.start_file(name, options).unwrap();
            w.write_all(text.as_bytes()).unwrap();
        }
        let mut bytes = w.finish().unwrap().into_inner();
        let end = bytes.len() - 22;
        let (count, size, offset) = (
            u64::from(super::u16_at(&bytes, end + 10).unwrap()),
            u64::from(super::u32_at(&bytes, end + 12).unwrap()),
            u64::from(super::u32_at(&bytes, end + 16).unwrap()),
        );
        let classic = bytes.split_off(end);
        let at = bytes.len() as u64;
        bytes.extend(b"PK\x06\x06");
        bytes.extend(44u64.to_le_bytes());
        bytes.extend([45, 0, 45, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        for v in [count, count, size, offset] {
            bytes.extend(v.to_le_bytes());
        }
        bytes.extend(b"PK\x06\x07\0\0\0\0");
        bytes.extend(at.to_le_bytes());
        bytes.extend(1u32.to_le_bytes());
        bytes.extend(classic);
        bytes
    }

    fn checked(bytes: &[u8]) -> Option<Result<(), String>> {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
        Some(super::super::layout::check(bytes, &mut zip))
    }

    #[test]
    fn a_zip64_zip_passes_and_every_cut_or_flip_ends_without_a_panic() {
        let bytes = zip64();
        assert_eq!(checked(&bytes), Some(Ok(())));
        for i in 0..bytes.len() {
            let _ = checked(&bytes[..i]);
            for flip in [0x01, 0x80, 0xff] {
                let mut b = bytes.clone();
                b[i] ^= flip;
                let _ = checked(&b);
            }
        }
    }
}
