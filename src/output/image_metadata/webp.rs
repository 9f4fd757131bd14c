//! WebP: the RIFF chunks are walked to the end the RIFF size gives.
//!
//! Kept: VP8, VP8L, VP8X, ALPH, ANIM, ANMF and ICCP. Dropped: EXIF (an
//! orientation other than 1 is written back alone, in an extended file),
//! XMP and any other chunk, and anything after the RIFF's end. VP8X's flags
//! are made to match (no XMP; EXIF only when written back) and the RIFF
//! size is that of what is kept.

use super::{Clean, exif};

const KEPT: [&[u8; 4]; 7] = [
    b"VP8 ", b"VP8L", b"VP8X", b"ALPH", b"ANIM", b"ANMF", b"ICCP",
];
const FLAG_EXIF: u8 = 0x08;
const FLAG_XMP: u8 = 0x04;

/// `bytes` without their metadata; `None` when they cannot be walked.
pub(super) fn strip(d: &[u8]) -> Option<Clean> {
    let riff = u32::from_le_bytes(d.get(4..8)?.try_into().ok()?) as usize;
    let end = riff.checked_add(8)?;
    if end > d.len() || d.get(8..12)? != b"WEBP" {
        return None;
    }
    let mut out = Vec::with_capacity(end);
    out.extend_from_slice(&d[..12]);
    let mut location = false;
    // Where VP8X's flags are in the output, and whether EXIF was written.
    let mut flags_at = None;
    let mut exif_kept = false;
    let mut exif_seen = false;
    let mut i = 12;
    while i < end {
        let ty: &[u8; 4] = d.get(i..i + 4)?.try_into().ok()?;
        let size = u32::from_le_bytes(d.get(i + 4..i + 8)?.try_into().ok()?) as usize;
        let data_end = (i + 8).checked_add(size).filter(|&e| e <= end)?;
        let data = &d[i + 8..data_end];
        match ty {
            b"EXIF" => {
                let facts = exif::read(data);
                location |= facts.location;
                if let Some(o) = facts
                    .orientation
                    .filter(|_| !exif_seen && flags_at.is_some())
                {
                    push_chunk(&mut out, b"EXIF", &exif::minimal(o));
                    exif_kept = true;
                }
                exif_seen = true;
            }
            b"XMP " => location |= exif::xmp_location(data),
            _ if KEPT.contains(&ty) => {
                if ty == b"VP8X" && !data.is_empty() && flags_at.is_none() {
                    flags_at = Some(out.len() + 8);
                }
                push_chunk(&mut out, ty, data);
            }
            _ => {}
        }
        // Chunks are padded to an even size; the last one's pad may be
        // missing.
        i = (data_end + (size & 1)).min(end);
    }
    if let Some(f) = flags_at {
        out[f] &= !FLAG_XMP;
        if !exif_kept {
            out[f] &= !FLAG_EXIF;
        }
    }
    let size = u32::try_from(out.len() - 8).ok()?;
    out[4..8].copy_from_slice(&size.to_le_bytes());
    Some(Clean {
        bytes: out,
        location,
    })
}

/// A chunk: FourCC, size, data, and a pad byte when the size is odd.
fn push_chunk(out: &mut Vec<u8>, ty: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(ty);
    out.extend_from_slice(&(data.len() as u32).to_le_bytes());
    out.extend_from_slice(data);
    if data.len() % 2 == 1 {
        out.push(0);
    }
}
