//! Images whose metadata is not removed here: AVIF (which phones and
//! converters can fill with the photo's EXIF, GPS included) and GIF (XMP
//! in an application extension). Such a file is published only when it
//! carries none: an AVIF item of type `Exif`, or XMP in either.

use super::Outcome;

/// [`Outcome::Unchanged`], or [`Outcome::Kept`] when `bytes` hold an EXIF
/// item or XMP.
pub(super) fn outcome(bytes: &[u8]) -> Outcome {
    let format = if bytes.starts_with(b"GIF8") {
        "GIF"
    } else if bytes.get(4..8) == Some(b"ftyp") {
        "AVIF"
    } else {
        "image"
    };
    if exif_item(bytes) || xmp(bytes) {
        Outcome::Kept { format }
    } else {
        Outcome::Unchanged
    }
}

/// An ISOBMFF item-info entry (`infe`, version 2 or 3) of type `Exif`:
/// after the box type come the version and flags (4 bytes), the item's
/// id (2 or 4 bytes), its protection index (2), then its type.
fn exif_item(bytes: &[u8]) -> bool {
    memchr::memmem::find_iter(bytes, b"infe").any(|at| {
        let version = bytes.get(at + 4).copied();
        let ty = match version {
            Some(2) => at + 12,
            Some(3) => at + 14,
            _ => return false,
        };
        bytes.get(ty..ty + 4) == Some(b"Exif")
    })
}

/// XMP: its packet, or a GIF's application extension for it.
fn xmp(bytes: &[u8]) -> bool {
    [b"xmpmeta".as_slice(), b"ns.adobe.com/xap", b"XMP DataXMP"]
        .iter()
        .any(|m| memchr::memmem::find(bytes, m).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minimal AVIF head: `ftyp`, then a `meta` with one `infe` of `ty`.
    fn avif(ty: &[u8; 4], version: u8) -> Vec<u8> {
        let mut b = b"\0\0\0\x18ftypavif\0\0\0\0avifmif1".to_vec();
        b.extend_from_slice(b"\0\0\0\x15infe");
        b.extend_from_slice(&[version, 0, 0, 0]);
        if version == 3 {
            b.extend_from_slice(&[0, 0]);
        }
        b.extend_from_slice(&[0, 1, 0, 0]);
        b.extend_from_slice(ty);
        b.extend_from_slice(b"\0pixels Exif GPS");
        b
    }

    #[test]
    fn an_exif_item_or_xmp_is_kept_back() {
        for v in [2, 3] {
            assert_eq!(outcome(&avif(b"Exif", v)), Outcome::Kept { format: "AVIF" });
            assert_eq!(outcome(&avif(b"av01", v)), Outcome::Unchanged);
        }
        let gif = b"GIF89a\x01\0\x01\0\0\0\0!\xff\x0bXMP DataXMP<x:xmpmeta/>";
        assert_eq!(outcome(gif), Outcome::Kept { format: "GIF" });
        assert_eq!(outcome(b"GIF89a\x01\0\x01\0\0\0\0;"), Outcome::Unchanged);
        // Cut short anywhere: no panic.
        let a = avif(b"Exif", 2);
        for n in 0..a.len() {
            let _ = outcome(&a[..n]);
        }
    }
}
