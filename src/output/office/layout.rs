//! A document's zip as a program that reads it from its start sees it. The
//! parts are checked as the zip reader lists them, from the directory at
//! the zip's end; a program that reads the parts' own headers in order (a
//! streaming reader, a repair of a file found damaged, as LibreOffice
//! offers) can meet parts the directory does not list, or a part under
//! another name, and open what was never checked. No program writes
//! either, so such a file is refused.

use super::agreement::{self, Listed, ZIP64_END, ZIP64_LOCATOR};
use super::shorten;
use flate2::{Decompress, FlushDecompress, Status};
use std::io::Cursor;

/// The signatures of a part's own header, of a directory entry, and of
/// the directory's end (which a reader finds searching back from the end
/// of the file: a second one, in the zip's comment, leads to another
/// directory; so does a ZIP64 end, and what leads to it, that
/// `agreement` did not find saying the same).
const LOCAL: &[u8] = b"PK\x03\x04";
const CENTRAL: &[u8] = b"PK\x01\x02";
const END: &[u8] = b"PK\x05\x06";

/// One part: where its header starts, where its data starts and ends as
/// the directory says, the size the directory gives it inflated, and, once
/// a header is found inside its data, where its stream ends.
struct Part {
    header: usize,
    data: usize,
    end: usize,
    deflated: bool,
    size: u64,
    stream_end: Option<usize>,
}

/// The most a part is inflated to learn where its stream ends: far above
/// any part of a real document, and bounding the work a zip bomb makes.
const INFLATE_CAP: u64 = 4 << 30;

/// `Err` says why `bytes`, read as `zip`, holds a part its directory does
/// not list, a part its own header names otherwise, or a second directory.
/// A header found inside a part's data is that part's bytes (a document
/// stored inside the document), unless the part's compressed stream ends
/// before it.
pub fn check(bytes: &[u8], zip: &mut zip::ZipArchive<Cursor<&[u8]>>) -> Result<(), String> {
    let (mut parts, mut entries) = listed(bytes, zip)?;
    // Sorted, so that each signature is looked up in log time: a zip can
    // hold tens of thousands of parts.
    parts.sort_unstable_by_key(|p| p.data);
    let mut headers: Vec<usize> = parts.iter().map(|p| p.header).collect();
    headers.sort_unstable();
    entries.sort_unstable();
    // The classic end a reader finds searching back from the file's end,
    // and the ZIP64 one it leads to, when that says the same.
    let tail = bytes.len().saturating_sub(22 + usize::from(u16::MAX));
    let zip64 = memchr::memmem::rfind(&bytes[tail..], END)
        .map_or(Ok(None), |at| agreement::zip64(bytes, tail + at))?
        .unwrap_or([usize::MAX; 2]);
    let mut ends = 0;
    let mut from = 0;
    while let Some((at, sig)) = next_signature(bytes, from) {
        from = at + 1;
        let known = match sig {
            LOCAL => headers.binary_search(&at).is_ok(),
            CENTRAL => entries.binary_search(&at).is_ok(),
            ZIP64_END | ZIP64_LOCATOR => zip64.contains(&at),
            _ => false,
        };
        if known {
            continue;
        }
        // Inside a part's data: that part's bytes, up to where a program
        // stops reading it; the search goes on from there.
        if let Some(end) = read_end(bytes, &mut parts, at)?
            && at < end
        {
            from = end;
            continue;
        }
        if sig == END && ends == 0 {
            ends = 1;
            continue;
        }
        return Err(hidden(bytes, at, sig));
    }
    Ok(())
}

/// The parts the directory of `zip` lists, and where its entries start;
/// `Err` when a part's own header says otherwise than the directory.
fn listed(
    bytes: &[u8],
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
) -> Result<(Vec<Part>, Vec<usize>), String> {
    let mut parts = Vec::with_capacity(zip.len());
    let mut entries = Vec::with_capacity(zip.len());
    for i in 0..zip.len() {
        let entry = zip
            .by_index_raw(i)
            .map_err(|e| format!("a part cannot be read ({e})"))?;
        let name = String::from_utf8_lossy(entry.name_raw()).into_owned();
        let header = usize::try_from(entry.header_start()).unwrap_or(usize::MAX);
        let (local, data) = local_header(bytes, header)
            .ok_or_else(|| format!("the header of its part `{name}` cannot be read"))?;
        if local != entry.name_raw() {
            return Err(format!(
                "its part `{}` is named `{}` in its own header, and a program that reads the \
                 parts in order opens it under that name",
                shorten(&name),
                shorten(&String::from_utf8_lossy(local))
            ));
        }
        let end = usize::try_from(entry.compressed_size())
            .ok()
            .and_then(|n| data.checked_add(n))
            .filter(|&e| e <= bytes.len())
            .ok_or_else(|| {
                format!(
                    "its part `{}` ends past the end of the file",
                    shorten(&name)
                )
            })?;
        let central = usize::try_from(entry.central_header_start()).unwrap_or(usize::MAX);
        let listed = Listed {
            name: &name,
            method: bytes
                .get(central.saturating_add(10)..central.saturating_add(12))
                .map_or(u16::MAX, |m| u16::from_le_bytes([m[0], m[1]])),
            crc: entry.crc32(),
            compressed: entry.compressed_size(),
            size: entry.size(),
        };
        agreement::part(bytes, header, (data, end), &listed)?;
        entries.push(central);
        parts.push(Part {
            header,
            data,
            end,
            deflated: entry.compression() == zip::CompressionMethod::Deflated,
            size: entry.size(),
            stream_end: None,
        });
    }
    Ok((parts, entries))
}

/// The first header signature in `bytes` from `from` on, with its position.
fn next_signature(bytes: &[u8], from: usize) -> Option<(usize, &'static [u8])> {
    memchr::memmem::find_iter(bytes.get(from..)?, b"PK").find_map(|i| {
        let sig = bytes.get(from + i..from + i + 4)?;
        [LOCAL, CENTRAL, END, ZIP64_END, ZIP64_LOCATOR]
            .into_iter()
            .find(|s| *s == sig)
            .map(|s| (from + i, s))
    })
}

/// Where a program stops reading the part of `parts` (sorted by where
/// their data starts) whose data holds `at`: the end of its data when
/// stored, of its stream when deflated (inflated once, up to the size the
/// directory gives it). Only the part starting last before `at` is asked:
/// parts that overlap, which no program writes, are not trusted.
fn read_end(bytes: &[u8], parts: &mut [Part], at: usize) -> Result<Option<usize>, String> {
    let i = parts.partition_point(|p| p.data <= at);
    let Some(p) = i
        .checked_sub(1)
        .map(|i| &mut parts[i])
        .filter(|p| at < p.end)
    else {
        return Ok(None);
    };
    if !p.deflated {
        return Ok(Some(p.end));
    }
    let end = match p.stream_end {
        Some(e) => e,
        None => p.data + stream_len(&bytes[p.data..p.end], p.size)?,
    };
    p.stream_end = Some(end);
    Ok(Some(end))
}

/// How many bytes of `data` its deflate stream takes (all of them when it
/// does not end within them), inflated up to `size` bytes, the size the
/// directory gives it, and [`INFLATE_CAP`].
fn stream_len(data: &[u8], size: u64) -> Result<usize, String> {
    let mut z = Decompress::new(false);
    let mut out = vec![0u8; 64 << 10];
    loop {
        let (read, wrote) = (z.total_in() as usize, z.total_out());
        let status = z
            .decompress(&data[read..], &mut out, FlushDecompress::None)
            .map_err(|e| format!("a part's compressed data cannot be read ({e})"))?;
        if z.total_out() > size.min(INFLATE_CAP) {
            return Err(if size > INFLATE_CAP {
                format!("a part inflates to over {} GB", INFLATE_CAP >> 30)
            } else {
                format!("a part inflates past the {size} bytes its directory gives it")
            });
        }
        let drained = z.total_out() - wrote < out.len() as u64;
        match status {
            Status::StreamEnd => return Ok(z.total_in() as usize),
            // Every byte taken, and nothing more to give out from them
            // (the output buffer is emptied at each call).
            _ if z.total_in() as usize == data.len() && drained => return Ok(data.len()),
            Status::BufError => return Ok(data.len()),
            Status::Ok if z.total_in() as usize == read && drained => return Ok(data.len()),
            Status::Ok => {}
        }
    }
}

/// The name in the part's header at `at`, and where its data starts;
/// `None` when there is no such header.
fn local_header(bytes: &[u8], at: usize) -> Option<(&[u8], usize)> {
    let head = bytes.get(at..at.checked_add(30)?)?;
    if &head[..4] != LOCAL {
        return None;
    }
    let n = usize::from(u16::from_le_bytes([head[26], head[27]]));
    let extra = usize::from(u16::from_le_bytes([head[28], head[29]]));
    let name = bytes.get(at + 30..at + 30 + n)?;
    Some((name, at + 30 + n + extra))
}

/// Why the signature `sig` found at `at` is refused, naming the part its
/// header names.
fn hidden(bytes: &[u8], at: usize, sig: &[u8]) -> String {
    let what = if [END, ZIP64_END, ZIP64_LOCATOR].contains(&sig) {
        "a second end to its directory, which leads a program to another list of parts".to_string()
    } else {
        let name = match sig {
            LOCAL => local_header(bytes, at).map(|(n, _)| n),
            _ => bytes
                .get(at + 28..at + 30)
                .map(|l| usize::from(u16::from_le_bytes([l[0], l[1]])))
                .and_then(|n| bytes.get(at + 46..at + 46 + n)),
        };
        let name = name.map_or(String::new(), |n| {
            format!(" (`{}`)", shorten(&String::from_utf8_lossy(n)))
        });
        format!("a part its directory does not list{name}")
    };
    format!(
        "it holds {what} at byte {at}, which a program that reads the parts in order, or repairs \
         the file, opens"
    )
}

#[cfg(test)]
mod tests {
    use super::super::tests::zip_of;
    use super::check;
    use std::io::{Cursor, Write};

    fn checked(bytes: &[u8]) -> Result<(), String> {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        check(bytes, &mut zip)
    }

    /// A zip whose only part is `data` as given (method 8, deflate), the
    /// directory saying it takes all of it.
    fn one_part(name: &str, data: &[u8], inflated: &[u8]) -> Vec<u8> {
        let crc = {
            let mut c = flate2::Crc::new();
            c.update(inflated);
            c.sum()
        };
        let mut fields = Vec::new();
        for v in [8u16, 0, 0] {
            fields.extend(v.to_le_bytes());
        }
        fields.extend(crc.to_le_bytes());
        fields.extend((data.len() as u32).to_le_bytes());
        fields.extend((inflated.len() as u32).to_le_bytes());
        fields.extend((name.len() as u16).to_le_bytes());
        fields.extend(0u16.to_le_bytes());
        let mut out = b"PK\x03\x04\x14\x00\x00\x00".to_vec();
        out.extend(&fields);
        out.extend(name.as_bytes());
        out.extend(data);
        let cd = out.len() as u32;
        out.extend(b"PK\x01\x02\x14\x00\x14\x00\x00\x00");
        out.extend(&fields);
        // Comment, disk, attributes, and the header's offset: 0.
        out.extend([0u8; 14]);
        out.extend(name.as_bytes());
        let size = out.len() as u32 - cd;
        out.extend(b"PK\x05\x06\x00\x00\x00\x00\x01\x00\x01\x00");
        out.extend(size.to_le_bytes());
        out.extend(cd.to_le_bytes());
        out.extend(0u16.to_le_bytes());
        out
    }

    fn deflated(bytes: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::new(6));
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn documents_inside_documents_pass() {
        let inner = zip_of(&[("word/document.xml", b"<w:document/>")]);
        let outer = zip_of(&[
            ("word/document.xml", b"<w:document/>".as_slice()),
            ("word/embeddings/inner.docx", &inner),
        ]);
        assert_eq!(checked(&outer), Ok(()));
        // Deflated in stored blocks, and stored: the inner zip's headers
        // as they are, inside the part.
        let name = "word/embeddings/inner.docx";
        let mut e = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::none());
        e.write_all(&inner).unwrap();
        let blocks = one_part(name, &e.finish().unwrap(), &inner);
        let stored = {
            let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Stored);
            w.start_file(name, options).unwrap();
            w.write_all(&inner).unwrap();
            w.finish().unwrap().into_inner()
        };
        for bytes in [blocks, stored] {
            assert!(bytes.windows(4).filter(|w| w == b"PK\x03\x04").count() > 1);
            assert_eq!(checked(&bytes), Ok(()));
        }
    }

    #[test]
    fn a_part_hidden_after_a_stream_s_end_is_found() {
        let text = b"<w:document/>";
        let hidden = zip_of(&[("word/_rels/settings.xml.rels", b"<Relationships/>")]);
        let mut data = deflated(text);
        assert_eq!(checked(&one_part("word/document.xml", &data, text)), Ok(()));
        data.extend(&hidden);
        let e = checked(&one_part("word/document.xml", &data, text)).unwrap_err();
        assert!(
            e.starts_with("it holds a part its directory does not list (`word/_rels/settings.xml.rels`) at byte "),
            "{e}"
        );
    }

    #[test]
    fn a_second_directory_in_the_comment_is_found() {
        let shown = zip_of(&[("word/document.xml", b"<w:document/>")]);
        let mut bytes = zip_of(&[("word/document.xml", b"<w:document/>")]);
        // The comment: another end record, its length counted.
        let end = bytes.len() - 22;
        let comment = &shown[shown.len() - 22..];
        bytes[end + 20..end + 22].copy_from_slice(&(comment.len() as u16).to_le_bytes());
        bytes.extend(comment);
        let e = checked(&bytes).unwrap_err();
        assert!(
            e.starts_with("it holds a second end to its directory"),
            "{e}"
        );
    }

    #[test]
    fn a_stream_inflating_past_its_size_is_refused() {
        // A stream that inflates to 1 MB, the directory saying 1 KB, and a
        // header after it: inflating stops at the size given.
        let text = vec![b'a'; 1 << 20];
        let mut data = deflated(&text);
        data.extend(zip_of(&[(
            "word/_rels/settings.xml.rels",
            b"<Relationships/>",
        )]));
        let mut bytes = one_part("word/document.xml", &data, &text);
        // The size, in the part's header and in the directory's entry
        // (the last one: the header hidden holds one of its own).
        let cd = bytes.windows(4).rposition(|w| w == b"PK\x01\x02").unwrap();
        for at in [22, cd + 24] {
            bytes[at..at + 4].copy_from_slice(&1024u32.to_le_bytes());
        }
        let e = checked(&bytes).unwrap_err();
        assert_eq!(
            e,
            "a part inflates past the 1024 bytes its directory gives it"
        );
    }
}
