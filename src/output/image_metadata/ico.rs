//! ICO (`favicon.ico`): a directory of pictures, each a PNG or a bitmap.
//! A PNG inside may carry metadata as any PNG does, so each is walked by
//! [`super::png::strip`] and the file is laid out again with the new
//! sizes; a bitmap (a DIB: pixels and a mask) has nowhere to keep any.
//! Bytes no entry points at (between pictures, after the last) are left
//! out, as what follows a PNG's end is.

use super::{Clean, png};

/// The first bytes of an icon: reserved 0, type 1 (an icon), as browsers
/// sniff it.
pub(super) fn is_ico(d: &[u8]) -> bool {
    d.len() >= 6 && d[..4] == [0, 0, 1, 0] && u16::from_le_bytes([d[4], d[5]]) > 0
}

/// `bytes` without metadata; `None` when the directory cannot be walked.
pub(super) fn strip(d: &[u8]) -> Option<Clean> {
    if !is_ico(d) {
        return None;
    }
    let count = usize::from(u16::from_le_bytes([d[4], d[5]]));
    let table = 6 + 16 * count;
    let mut images: Vec<(&[u8], Vec<u8>)> = Vec::with_capacity(count);
    let mut location = false;
    // Entries may point at the same bytes: all of them together may not
    // hold more than the file, or 65,535 entries over one large picture
    // would be laid out (and walked) 65,535 times.
    let mut total = 0usize;
    for n in 0..count {
        let entry = d.get(6 + 16 * n..6 + 16 * (n + 1))?;
        let size = u32::from_le_bytes(entry[8..12].try_into().ok()?) as usize;
        let offset = u32::from_le_bytes(entry[12..16].try_into().ok()?) as usize;
        if offset < table {
            return None;
        }
        let image = d.get(offset..offset.checked_add(size)?)?;
        total += size;
        if total > d.len() {
            return None;
        }
        let bytes = if image.starts_with(&png::SIGNATURE) {
            let clean = png::strip(image)?;
            location |= clean.location;
            clean.bytes
        } else {
            // A bitmap starts with its header's size: 40 (BITMAPINFOHEADER)
            // or more; anything else is no picture a browser draws.
            let header = u32::from_le_bytes(image.get(..4)?.try_into().ok()?);
            if !(40..=124).contains(&header) {
                return None;
            }
            image.to_vec()
        };
        images.push((&entry[..8], bytes));
    }
    let mut out = Vec::with_capacity(d.len());
    out.extend_from_slice(&d[..6]);
    let mut offset = table;
    for (head, bytes) in &images {
        out.extend_from_slice(head);
        out.extend_from_slice(&u32::try_from(bytes.len()).ok()?.to_le_bytes());
        out.extend_from_slice(&u32::try_from(offset).ok()?.to_le_bytes());
        offset += bytes.len();
    }
    for (_, bytes) in images {
        out.extend_from_slice(&bytes);
    }
    Some(Clean {
        bytes: out,
        location,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An icon of the given pictures, laid out as Windows writes one.
    fn icon(images: &[&[u8]]) -> Vec<u8> {
        let mut out = vec![0, 0, 1, 0];
        out.extend_from_slice(&(images.len() as u16).to_le_bytes());
        let mut offset = 6 + 16 * images.len();
        for image in images {
            out.extend_from_slice(&[16, 16, 0, 0, 1, 0, 32, 0]);
            out.extend_from_slice(&(image.len() as u32).to_le_bytes());
            out.extend_from_slice(&(offset as u32).to_le_bytes());
            offset += image.len();
        }
        for image in images {
            out.extend_from_slice(image);
        }
        out
    }

    fn bitmap() -> Vec<u8> {
        let mut b = 40u32.to_le_bytes().to_vec();
        b.extend_from_slice(&[0; 36]);
        b.extend_from_slice(&[0xFF; 8]);
        b
    }

    /// A favicon holding a phone photo's PNG (GPS in its eXIf, an author,
    /// junk after IEND) beside a bitmap: the PNG loses what any PNG loses,
    /// the directory is laid out again, and says where each picture is.
    #[test]
    fn an_icons_png_loses_its_metadata() {
        use crate::output::image_metadata::{Outcome, strip as strip_any};
        let rich = crate::output::image_metadata::tests::rich_png();
        let ico = icon(&[&bitmap(), &rich]);
        let Outcome::Stripped { bytes, location } = strip_any("ico", &ico) else {
            panic!("not stripped");
        };
        assert!(location);
        let clean = crate::output::image_metadata::tests::png_with(&[
            crate::output::image_metadata::tests::png_chunk(b"iCCP", b"icc\0\0fake"),
            crate::output::image_metadata::tests::png_chunk(
                b"eXIf",
                &crate::output::image_metadata::exif::minimal(6),
            ),
        ]);
        assert_eq!(bytes, icon(&[&bitmap(), &clean]));
        assert_eq!(strip_any("ico", &bytes), Outcome::Unchanged);
        // Named otherwise, it is still known by its bytes.
        assert!(matches!(strip_any("txt", &ico), Outcome::Stripped { .. }));
    }

    /// Many entries over the same picture (hostile: the layout would grow
    /// with their number) are not walked, and the file is not published
    /// as it is when it shows metadata.
    #[test]
    fn entries_holding_more_than_the_file_are_not_walked() {
        let image = bitmap();
        let mut ico = icon(&[&image]);
        let entry = ico[6..22].to_vec();
        ico[4..6].copy_from_slice(&3u16.to_le_bytes());
        // Three entries, all over the one picture: move it past the table.
        let body = ico.split_off(22);
        for _ in 0..2 {
            ico.extend_from_slice(&entry);
        }
        let start = ico.len() as u32;
        for n in 0..3 {
            ico[6 + 16 * n + 12..6 + 16 * n + 16].copy_from_slice(&start.to_le_bytes());
        }
        ico.extend_from_slice(&body);
        assert!(strip(&ico).is_none());
        // One entry over it is walked.
        ico[4..6].copy_from_slice(&1u16.to_le_bytes());
        assert!(strip(&ico).is_some());
    }

    #[test]
    fn a_bitmap_icon_is_kept_byte_for_byte() {
        let ico = icon(&[&bitmap()]);
        assert_eq!(strip(&ico).unwrap().bytes, ico);
    }

    #[test]
    fn truncated_or_pointing_outside_is_not_walked() {
        let ico = icon(&[&bitmap()]);
        for cut in 0..ico.len() {
            assert!(strip(&ico[..cut]).is_none(), "cut at {cut}");
        }
        let mut inside = ico.clone();
        inside[18..22].copy_from_slice(&0u32.to_le_bytes());
        assert!(strip(&inside).is_none());
    }
}
