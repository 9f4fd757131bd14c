//! A place recorded inside a file that is no photo: the cover picture of an
//! MP3 (ID3's `APIC`) or an M4A (iTunes' `covr`) is a phone's JPEG with its
//! EXIF, and Photoshop's or a scanning app's PDF, and Adobe's video
//! exports, carry an XMP packet with `exif:GPSLatitude`. Searched for, not
//! walked (the containers are many): an `Exif\0\0` header followed by a
//! TIFF structure whose GPS directory holds a coordinate, or an XMP packet
//! (`<x:xmpmeta` to its end) that names a place.

/// How far an EXIF block reaches: a JPEG's APP1 segment is at most 64 KB.
const EXIF_MAX: usize = 64 * 1024;
/// How far an XMP packet is read for its end.
const XMP_MAX: usize = 4 << 20;

/// Whether `bytes` hold an embedded photo's GPS, or an XMP packet that
/// names a place.
pub fn records_place(bytes: &[u8]) -> bool {
    let exif = memchr::memmem::find_iter(bytes, b"Exif\0\0").any(|at| {
        let end = bytes.len().min(at + EXIF_MAX);
        super::exif::read(&bytes[at..end]).location
    });
    exif || memchr::memmem::find_iter(bytes, b"<x:xmpmeta").any(|at| {
        let rest = &bytes[at..bytes.len().min(at + XMP_MAX)];
        let end = memchr::memmem::find(rest, b"</x:xmpmeta>").unwrap_or(rest.len());
        super::exif::xmp_location(&rest[..end])
    })
}

#[cfg(test)]
mod tests {
    use super::records_place;
    use crate::output::image_metadata::tests::{exif_app1, tiff};

    #[test]
    fn a_cover_pictures_gps_and_an_xmp_place_are_found() {
        let mut mp3 =
            b"ID3\x03\0\0\0\0\0\0APIC....image/jpeg\0\x03\0\xff\xd8\xff\xe1\0\x40".to_vec();
        mp3.extend(exif_app1(&tiff(None, Some(true))));
        mp3.extend_from_slice(&[0u8; 64]);
        assert!(records_place(&mp3));
        let pdf = b"%PDF-1.7\n1 0 obj<</Type/Metadata>>stream\n<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:Description exif:GPSLatitude='14,30.2N'/></x:xmpmeta>\nendstream".to_vec();
        assert!(records_place(&pdf));
        // XMP without a place, EXIF without GPS, text that names GPS.
        assert!(!records_place(
            b"<x:xmpmeta><rdf:Description xmp:CreatorTool='Scanner'/></x:xmpmeta>"
        ));
        let mut without = b"ID3\x03APIC".to_vec();
        without.extend(exif_app1(&tiff(Some(6), None)));
        assert!(!records_place(&without));
        assert!(!records_place(
            b"Remove exif:GPSLatitude before you publish."
        ));
        // Cut anywhere: no panic.
        for cut in 0..mp3.len() {
            let _ = records_place(&mp3[..cut]);
        }
    }
}
