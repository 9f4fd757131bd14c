//! Reading the two things kept from, or said about, an EXIF block (its
//! orientation; whether it holds a location) and writing the minimal block
//! that keeps the orientation alone. Every read is bounds-checked and each
//! directory is read once, at most its declared number of entries: hostile
//! bytes cannot panic nor loop.

/// `Orientation`, in the first directory (IFD0).
const ORIENTATION: u16 = 0x0112;
/// The pointer to the GPS directory, in IFD0.
const GPS_IFD: u16 = 0x8825;
/// `GPSVersionID`: a GPS directory holding only it holds no position.
const GPS_VERSION: u16 = 0x0000;
const SHORT: u16 = 3;

/// What an EXIF block says that matters here.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Facts {
    /// The orientation when it turns the picture (2 to 8); 1 or none is
    /// `None`.
    pub orientation: Option<u16>,
    /// It has a GPS directory with more than its version in it (or one
    /// that cannot be read).
    pub location: bool,
}

/// A TIFF structure (EXIF's body), in its byte order.
struct Tiff<'a> {
    d: &'a [u8],
    little: bool,
}

impl Tiff<'_> {
    fn u16_at(&self, at: usize) -> Option<u16> {
        let b: [u8; 2] = self.d.get(at..at.checked_add(2)?)?.try_into().ok()?;
        Some(if self.little {
            u16::from_le_bytes(b)
        } else {
            u16::from_be_bytes(b)
        })
    }

    fn u32_at(&self, at: usize) -> Option<u32> {
        let b: [u8; 4] = self.d.get(at..at.checked_add(4)?)?.try_into().ok()?;
        Some(if self.little {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        })
    }

    /// The entries of the directory at `at`: (tag, type, count, offset of
    /// the 4-byte value field). `None` when its count cannot be read;
    /// entries past the end are left out.
    fn entries(&self, at: usize) -> Option<impl Iterator<Item = (u16, u16, u32, usize)> + '_> {
        let n = self.u16_at(at)?;
        Some((0..usize::from(n)).map_while(move |i| {
            let e = at.checked_add(2)?.checked_add(i.checked_mul(12)?)?;
            if e.checked_add(12)? > self.d.len() {
                return None;
            }
            Some((
                self.u16_at(e)?,
                self.u16_at(e + 2)?,
                self.u32_at(e + 4)?,
                e + 8,
            ))
        }))
    }
}

/// Reads `tiff` (an EXIF block after its `Exif\0\0` header, when it has
/// one). Nothing readable gives the default: no orientation, no location.
pub(super) fn read(tiff: &[u8]) -> Facts {
    let tiff = tiff.strip_prefix(b"Exif\0\0").unwrap_or(tiff);
    let little = match tiff.get(..4) {
        Some(b"II\x2a\0") => true,
        Some(b"MM\0\x2a") => false,
        _ => return Facts::default(),
    };
    let t = Tiff { d: tiff, little };
    let Some(entries) = t.u32_at(4).and_then(|o| t.entries(o as usize)) else {
        return Facts::default();
    };
    let mut facts = Facts::default();
    for (tag, ty, count, value) in entries {
        match tag {
            ORIENTATION if ty == SHORT && count >= 1 => {
                facts.orientation = t.u16_at(value).filter(|o| (2..=8).contains(o));
            }
            GPS_IFD => {
                facts.location = match t.u32_at(value).and_then(|o| t.entries(o as usize)) {
                    Some(mut gps) => gps.any(|(tag, ..)| tag != GPS_VERSION),
                    None => true,
                };
            }
            _ => {}
        }
    }
    facts
}

/// The TIFF structure holding only `orientation`: little-endian header,
/// one directory with one SHORT entry, no next directory (26 bytes).
pub(super) fn minimal(orientation: u16) -> Vec<u8> {
    let mut t = Vec::with_capacity(26);
    t.extend_from_slice(b"II\x2a\0");
    t.extend_from_slice(&8u32.to_le_bytes());
    t.extend_from_slice(&1u16.to_le_bytes());
    t.extend_from_slice(&ORIENTATION.to_le_bytes());
    t.extend_from_slice(&SHORT.to_le_bytes());
    t.extend_from_slice(&1u32.to_le_bytes());
    t.extend_from_slice(&orientation.to_le_bytes());
    t.extend_from_slice(&[0, 0]);
    t.extend_from_slice(&0u32.to_le_bytes());
    t
}

/// Whether an XMP packet (or a text chunk that may hold one) names a place:
/// GPS coordinates, or IPTC's and Photoshop's location fields.
pub(super) fn xmp_location(d: &[u8]) -> bool {
    const FIELDS: [&[u8]; 7] = [
        b"GPSLatitude",
        b"GPSLongitude",
        b"GPSAltitude",
        b"LocationCreated",
        b"LocationShown",
        b"Iptc4xmpCore:Location",
        b"photoshop:City",
    ];
    FIELDS.iter().any(|f| memchr::memmem::find(d, f).is_some())
}
