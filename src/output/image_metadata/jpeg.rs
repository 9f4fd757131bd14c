//! JPEG: the marker segments are walked from SOI to EOI, through each
//! scan's entropy-coded data (copied as it is) to the next marker, so that
//! a progressive JPEG's later segments are walked too.
//!
//! Dropped: APP1 (EXIF, XMP, extended XMP), APP2 but the ICC profile (MPF,
//! FlashPix), APP3 to APP13 (APP13: Photoshop, IPTC), APP14 but Adobe's,
//! APP15, COM, APP0 but JFIF, JFIF's thumbnail, and anything after EOI.
//! Kept: JFIF, ICC_PROFILE, Adobe (needed to decode CMYK/YCCK), and every
//! segment that is not APPn or COM (SOFn, DHT, DAC, SOS, DQT, DNL, DRI,
//! DHP, EXP). A marker JPEG leaves undefined (reserved, JPGn), or a second
//! frame (SOFn), makes the file one that cannot be walked.

use super::{Clean, exif};

const SOS: u8 = 0xDA;
const EOI: u8 = 0xD9;
const APP0: u8 = 0xE0;
const APP1: u8 = 0xE1;
const APP2: u8 = 0xE2;
const APP14: u8 = 0xEE;
const APP15: u8 = 0xEF;
const COM: u8 = 0xFE;

/// What was learnt while walking.
#[derive(Default)]
struct Walk {
    location: bool,
    orientation: Option<u16>,
    /// Where in the output the first EXIF block was.
    exif_at: Option<usize>,
    /// A start of frame (SOFn) was seen.
    frame_seen: bool,
}

/// SOF0 to SOF15, but for DHT, JPG and DAC, which share their range.
fn is_sof(m: u8) -> bool {
    matches!(m, 0xC0..=0xCF) && !matches!(m, 0xC4 | 0xC8 | 0xCC)
}

/// `bytes` without their metadata; `None` when they cannot be walked.
pub(super) fn strip(d: &[u8]) -> Option<Clean> {
    if !d.starts_with(&[0xFF, 0xD8]) {
        return None;
    }
    let mut out = Vec::with_capacity(d.len());
    out.extend_from_slice(&d[..2]);
    let mut walk = Walk::default();
    let mut i = 2;
    while i < d.len() {
        if d[i] != 0xFF {
            return None;
        }
        // Fill bytes may precede a marker.
        while d.get(i) == Some(&0xFF) {
            i += 1;
        }
        let Some(&m) = d.get(i) else { break };
        i += 1;
        match m {
            EOI => {
                out.extend_from_slice(&[0xFF, EOI]);
                break;
            }
            // Standalone markers: RSTn, TEM.
            0xD0..=0xD7 | 0x01 => {
                out.extend_from_slice(&[0xFF, m]);
                continue;
            }
            // A marker JPEG does not define (reserved, JPGn), or a second
            // SOI: what it holds is unknown, and no browser decodes the
            // file anyway.
            0x00..=0xBF | 0xD8 | 0xF0..=0xFD => return None,
            _ => {}
        }
        let len = usize::from(u16::from_be_bytes(d.get(i..i + 2)?.try_into().ok()?));
        let end = i + len;
        if len < 2 || end > d.len() {
            return None;
        }
        if is_sof(m) {
            // A second frame: no browser decodes it, and it could be
            // anything.
            if walk.frame_seen {
                return None;
            }
            walk.frame_seen = true;
        }
        segment(m, &d[i..end], &mut out, &mut walk);
        i = end;
        if m == SOS {
            let data_end = entropy_end(d, i);
            out.extend_from_slice(&d[i..data_end]);
            i = data_end;
        }
    }
    if let (Some(o), Some(at)) = (walk.orientation, walk.exif_at) {
        out.splice(at..at, exif_segment(o));
    }
    Some(Clean {
        bytes: out,
        location: walk.location,
    })
}

/// Copies the segment with marker `m` (`seg`: its length field and body)
/// to `out` unless it is metadata, noting what the metadata says.
fn segment(m: u8, seg: &[u8], out: &mut Vec<u8>, walk: &mut Walk) {
    let body = &seg[2..];
    let keep = match m {
        APP0 if body.starts_with(b"JFIF\0") && body.len() >= 14 => {
            // Without its thumbnail, if it has one: a thumbnail can show
            // what a crop left out.
            out.extend_from_slice(&[0xFF, APP0, 0, 16]);
            out.extend_from_slice(&body[..12]);
            out.extend_from_slice(&[0, 0]);
            return;
        }
        APP0 => body.starts_with(b"JFIF\0"),
        APP1 => {
            if let Some(tiff) = body.strip_prefix(b"Exif\0") {
                let facts = exif::read(tiff.get(1..).unwrap_or_default());
                walk.location |= facts.location;
                if walk.exif_at.is_none() {
                    walk.exif_at = Some(out.len());
                    walk.orientation = facts.orientation;
                }
            } else {
                walk.location |= exif::xmp_location(body);
            }
            false
        }
        APP2 => body.starts_with(b"ICC_PROFILE\0"),
        APP14 => body.starts_with(b"Adobe"),
        0xE3..=0xED | APP15 | COM => false,
        _ => true,
    };
    if keep {
        out.extend_from_slice(&[0xFF, m]);
        out.extend_from_slice(seg);
    }
}

/// Where the entropy-coded data starting at `from` ends: at the next
/// marker (an 0xFF not followed by 0x00, a restart marker or another fill
/// byte), or at the end of the bytes.
fn entropy_end(d: &[u8], from: usize) -> usize {
    let mut j = from;
    while let Some(k) = memchr::memchr(0xFF, &d[j..]) {
        let p = j + k;
        match d.get(p + 1) {
            None => return d.len(),
            Some(0x00 | 0xD0..=0xD7) => j = p + 2,
            Some(0xFF) => j = p + 1,
            Some(_) => return p,
        }
    }
    d.len()
}

/// An APP1 segment holding a minimal EXIF block with `orientation` alone.
fn exif_segment(orientation: u16) -> Vec<u8> {
    let tiff = exif::minimal(orientation);
    let len = (2 + 6 + tiff.len()) as u16;
    let mut s = vec![0xFF, APP1];
    s.extend_from_slice(&len.to_be_bytes());
    s.extend_from_slice(b"Exif\0\0");
    s.extend_from_slice(&tiff);
    s
}
