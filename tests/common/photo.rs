//! Photos for the tests of what photos publish.

/// The JPEG of the photo tests with an EXIF block holding a GPS directory
/// (a latitude) and a marker to look for, after its SOI and JFIF, as a
/// phone writes it.
pub fn phone_photo() -> Vec<u8> {
    let jpeg = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/photos/plain.jpg"),
    )
    .unwrap();
    // Little-endian TIFF: IFD0 with a pointer to a GPS IFD (latitude N).
    let mut t = b"II\x2a\0\x08\0\0\0".to_vec();
    let entry = |t: &mut Vec<u8>, tag: u16, ty: u16, count: u32, value: u32| {
        t.extend_from_slice(&tag.to_le_bytes());
        t.extend_from_slice(&ty.to_le_bytes());
        t.extend_from_slice(&count.to_le_bytes());
        t.extend_from_slice(&value.to_le_bytes());
    };
    let gps_at = 8 + 2 + 12 + 4;
    t.extend_from_slice(&1u16.to_le_bytes());
    entry(&mut t, 0x8825, 4, 1, gps_at);
    t.extend_from_slice(&0u32.to_le_bytes());
    t.extend_from_slice(&1u16.to_le_bytes());
    entry(&mut t, 1, 2, 2, u32::from(b'N'));
    t.extend_from_slice(&0u32.to_le_bytes());
    t.extend_from_slice(b"GPSSECRETMARK");
    let body = [b"Exif\0\0".as_slice(), &t].concat();
    // SOI and JFIF: segments added go after them.
    let mut out = jpeg[..20].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&(body.len() as u16 + 2).to_be_bytes());
    out.extend_from_slice(&body);
    out.extend_from_slice(&jpeg[20..]);
    out
}

/// An MP4 recording that says where it was made, as an Android phone
/// writes it: the place (`©xyz`) in the movie box's user data.
pub fn located_clip() -> Vec<u8> {
    let place = iso_box(b"\xa9xyz", b"\0\x12\x15\xc7+12.3456+001.2345/");
    [
        iso_box(b"ftyp", b"mp42\0\0\0\0isommp42"),
        iso_box(b"moov", &iso_box(b"udta", &place)),
        iso_box(b"mdat", &[0u8; 64]),
    ]
    .concat()
}

fn iso_box(kind: &[u8; 4], body: &[u8]) -> Vec<u8> {
    let mut out = ((body.len() + 8) as u32).to_be_bytes().to_vec();
    out.extend_from_slice(kind);
    out.extend_from_slice(body);
    out
}
