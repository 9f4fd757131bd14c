//! Where a phone video or voice recording was made: MP4, M4A and 3GP files
//! (ISO media) keep it in the movie box, as `©xyz` (Android, QuickTime),
//! `loci` (3GPP) or the key `com.apple.quicktime.location.ISO6709`
//! (iPhone). The boxes are walked, not searched for: four bytes of the
//! media data match `©xyz` by chance in one large video in fifty.

/// Boxes whose content is boxes, on the way to the location.
/// `ilst`: an item list, where tools also write `©xyz`.
const CONTAINERS: &[&[u8; 4]] = &[b"moov", b"trak", b"udta", b"meta", b"ilst"];

/// Nesting followed at most (the location is three or four deep).
const DEPTH: usize = 6;

/// Whether the ISO media file `bytes` records where it was made.
pub fn records_location(bytes: &[u8]) -> bool {
    located(bytes, 0)
}

fn located(bytes: &[u8], depth: usize) -> bool {
    let mut at = 0;
    while let Some((kind, body, next)) = next_box(bytes, at) {
        match &kind {
            b"\xa9xyz" | b"loci" => return true,
            b"keys" if memchr::memmem::find(body, b"location.ISO6709").is_some() => {
                return true;
            }
            k if depth < DEPTH && CONTAINERS.contains(&k) => {
                // ISO's `meta` starts with a version and flags; QuickTime's
                // does not: its first box (`hdlr`) says which.
                let skip = if k == b"meta" && body.get(4..8) != Some(b"hdlr") {
                    4
                } else {
                    0
                };
                if located(body.get(skip..).unwrap_or(&[]), depth + 1) {
                    return true;
                }
            }
            _ => {}
        }
        at = next;
    }
    false
}

/// The box at `at`: its type, its content, and where the next starts.
fn next_box(bytes: &[u8], at: usize) -> Option<([u8; 4], &[u8], usize)> {
    let head = bytes.get(at..at + 8)?;
    let kind: [u8; 4] = head[4..8].try_into().ok()?;
    let (start, size) = match u32::from_be_bytes(head[..4].try_into().ok()?) {
        0 => (at + 8, bytes.len() - at),
        1 => {
            let large = bytes.get(at + 8..at + 16)?;
            (
                at + 16,
                usize::try_from(u64::from_be_bytes(large.try_into().ok()?)).ok()?,
            )
        }
        n => (at + 8, n as usize),
    };
    let end = at.checked_add(size)?;
    if end < start || end > bytes.len() {
        return None;
    }
    Some((kind, &bytes[start..end], end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso_box(kind: &[u8; 4], body: &[u8]) -> Vec<u8> {
        let mut out = ((body.len() + 8) as u32).to_be_bytes().to_vec();
        out.extend_from_slice(kind);
        out.extend_from_slice(body);
        out
    }

    #[test]
    fn a_phone_videos_location_is_found_where_each_phone_puts_it() {
        let ftyp = iso_box(b"ftyp", b"isom\0\0\0\0");
        let mdat = iso_box(b"mdat", b"\xa9xyz in the frames, by chance");
        let android = iso_box(
            b"udta",
            &iso_box(b"\xa9xyz", b"\0\x12\x15\xc7+12.3456+001.2345/"),
        );
        let keys = iso_box(
            b"keys",
            b"\0\0\0\0\0\0\0\x01\0\0\0\x2emdtacom.apple.quicktime.location.ISO6709",
        );
        let apple = iso_box(b"meta", &[iso_box(b"hdlr", &[0; 24]), keys].concat());
        let loci = iso_box(
            b"meta",
            &[
                &[0u8; 4][..],
                &iso_box(b"hdlr", &[0; 24]),
                &iso_box(b"loci", b"x"),
            ]
            .concat(),
        );
        // `©xyz` in an item list (`meta`/`ilst`), as tagging tools write it.
        let item_list = iso_box(
            b"meta",
            &[
                iso_box(b"hdlr", &[0; 24]),
                iso_box(b"ilst", &iso_box(b"\xa9xyz", b"+12.3456+001.2345/")),
            ]
            .concat(),
        );
        for inside in [&android, &apple, &loci, &item_list] {
            let trak = iso_box(b"trak", inside);
            for moov in [iso_box(b"moov", inside), iso_box(b"moov", &trak)] {
                assert!(records_location(&[&ftyp[..], &moov, &mdat].concat()));
            }
        }
        let plain = iso_box(b"moov", &iso_box(b"udta", &iso_box(b"\xa9nam", b"title")));
        assert!(!records_location(&[&ftyp[..], &plain, &mdat].concat()));
        // Cut short, sizes past the end, nonsense: no panic, nothing found.
        let whole = [&ftyp[..], &iso_box(b"moov", &android)].concat();
        for n in 0..whole.len() - 1 {
            let _ = records_location(&whole[..n]);
        }
        assert!(!records_location(
            b"\0\0\0\x01moov\xff\xff\xff\xff\xff\xff\xff\xff"
        ));
    }
}
