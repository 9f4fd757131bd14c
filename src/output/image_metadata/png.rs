//! PNG: the chunks are walked from the signature to IEND and copied whole
//! (their CRCs with them) when they change how the picture looks.
//!
//! Kept: the critical chunks (IHDR, PLTE, IDAT, IEND; another makes the
//! file one that cannot be walked), tRNS, gAMA, cHRM, sRGB, iCCP, sBIT,
//! bKGD, pHYs, the colour chunks of HDR images (cICP, mDCV, cLLI) and
//! APNG's acTL, fcTL, fdAT. Dropped: eXIf (an
//! orientation other than 1 is written back alone), tEXt, zTXt, iTXt, tIME
//! and every other ancillary chunk, and anything after IEND.

use super::{Clean, exif};

pub(super) const SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];

const CRITICAL: [&[u8; 4]; 4] = [b"IHDR", b"PLTE", b"IDAT", b"IEND"];
const KEPT: [&[u8; 4]; 14] = [
    b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"iCCP", b"sBIT", b"bKGD", b"pHYs", b"cICP", b"mDCV",
    b"cLLI", b"acTL", b"fcTL", b"fdAT",
];

/// `bytes` without their metadata; `None` when they cannot be walked.
pub(super) fn strip(d: &[u8]) -> Option<Clean> {
    let mut out = Vec::with_capacity(d.len());
    out.extend_from_slice(d.get(..8).filter(|s| *s == SIGNATURE)?);
    let mut location = false;
    let mut exif_seen = false;
    let mut i = 8;
    while i < d.len() {
        let len = u32::from_be_bytes(d.get(i..i + 4)?.try_into().ok()?);
        if len > 0x7FFF_FFFF {
            return None;
        }
        let end = (i + 12).checked_add(len as usize)?;
        let ty: &[u8; 4] = d.get(i + 4..i + 8)?.try_into().ok()?;
        if end > d.len() || !ty.iter().all(u8::is_ascii_alphabetic) {
            return None;
        }
        let data = &d[i + 8..end - 4];
        // An uppercase first letter is critical; one PNG does not define
        // holds who knows what, and no browser decodes the file anyway.
        let critical = ty[0].is_ascii_uppercase();
        if critical && !CRITICAL.contains(&ty) {
            return None;
        }
        match ty {
            b"eXIf" => {
                let facts = exif::read(data);
                location |= facts.location;
                if let Some(o) = facts.orientation.filter(|_| !exif_seen) {
                    out.extend_from_slice(&chunk(b"eXIf", &exif::minimal(o)));
                }
                exif_seen = true;
            }
            b"tEXt" | b"zTXt" | b"iTXt" => location |= exif::xmp_location(data),
            // Its data, if it has any, is not the image's.
            b"IEND" => out.extend_from_slice(&chunk(b"IEND", &[])),
            _ if critical || KEPT.contains(&ty) => out.extend_from_slice(&d[i..end]),
            _ => {}
        }
        i = end;
        if ty == b"IEND" {
            break;
        }
    }
    Some(Clean {
        bytes: out,
        location,
    })
}

/// A whole chunk: length, type, data, CRC.
fn chunk(ty: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut c = Vec::with_capacity(data.len() + 12);
    c.extend_from_slice(&(data.len() as u32).to_be_bytes());
    c.extend_from_slice(ty);
    c.extend_from_slice(data);
    let crc = crc32(&c[4..]);
    c.extend_from_slice(&crc.to_be_bytes());
    c
}

/// CRC-32 (ISO 3309, as PNG's chunks use), bit by bit: it is only ever run
/// over the few bytes of a minimal eXIf chunk or of IEND.
pub(super) fn crc32(bytes: &[u8]) -> u32 {
    let mut c = 0xFFFF_FFFFu32;
    for &b in bytes {
        c ^= u32::from(b);
        for _ in 0..8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
        }
    }
    c ^ 0xFFFF_FFFF
}
