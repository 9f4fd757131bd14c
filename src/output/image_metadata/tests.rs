//! Photos with metadata built by hand around small real images (made by
//! Chromium's encoders, in `tests/fixtures/photos/`): what is left out, what
//! is kept, and that the picture's own bytes are untouched.

use super::png::crc32;
use super::{Outcome, exif, strip};

pub(super) const JPEG: &[u8] = include_bytes!("../../../tests/fixtures/photos/plain.jpg");
pub(super) const PNG: &[u8] = include_bytes!("../../../tests/fixtures/photos/plain.png");
pub(super) const WEBP: &[u8] = include_bytes!("../../../tests/fixtures/photos/plain.webp");
/// SOI and the JFIF segment of `JPEG`: what comes before the segments added.
const JPEG_HEAD: usize = 20;

/// A big-endian EXIF TIFF block: camera, artist, the orientation if any,
/// and a GPS directory (a latitude, or only its version) when `gps`.
pub(super) fn tiff(orientation: Option<u16>, gps: Option<bool>) -> Vec<u8> {
    let mut e: Vec<(u16, u16, u32, [u8; 4])> =
        vec![(0x010F, 2, 4, *b"Cam\0"), (0x013B, 2, 4, *b"Ann\0")];
    if let Some(o) = orientation {
        let [a, b] = o.to_be_bytes();
        e.push((0x0112, 3, 1, [a, b, 0, 0]));
    }
    let gps_at = 8 + 2 + 12 * (e.len() as u32 + 1) + 4;
    if gps.is_some() {
        e.push((0x8825, 4, 1, gps_at.to_be_bytes()));
    }
    let mut t = b"MM\0\x2a".to_vec();
    t.extend_from_slice(&8u32.to_be_bytes());
    directory(&mut t, &e);
    match gps {
        Some(true) => {
            let rationals = gps_at + 2 + 12 * 3 + 4;
            directory(
                &mut t,
                &[
                    (0, 1, 4, [2, 3, 0, 0]),
                    (1, 2, 2, *b"N\0\0\0"),
                    (2, 5, 3, rationals.to_be_bytes()),
                ],
            );
            for v in [48u32, 1, 51, 1, 2963, 100] {
                t.extend_from_slice(&v.to_be_bytes());
            }
        }
        Some(false) => directory(&mut t, &[(0, 1, 4, [2, 3, 0, 0])]),
        None => {}
    }
    t.extend_from_slice(b"GPSSECRETMARK");
    t
}

fn directory(t: &mut Vec<u8>, entries: &[(u16, u16, u32, [u8; 4])]) {
    t.extend_from_slice(&(entries.len() as u16).to_be_bytes());
    for (tag, ty, count, value) in entries {
        t.extend_from_slice(&tag.to_be_bytes());
        t.extend_from_slice(&ty.to_be_bytes());
        t.extend_from_slice(&count.to_be_bytes());
        t.extend_from_slice(value);
    }
    t.extend_from_slice(&0u32.to_be_bytes());
}

pub(super) fn segment(m: u8, body: &[u8]) -> Vec<u8> {
    let mut s = vec![0xFF, m];
    s.extend_from_slice(&(body.len() as u16 + 2).to_be_bytes());
    s.extend_from_slice(body);
    s
}

/// `JPEG` with `segs` after its JFIF segment.
pub(super) fn jpeg_with(segs: &[Vec<u8>]) -> Vec<u8> {
    let mut j = JPEG[..JPEG_HEAD].to_vec();
    for s in segs {
        j.extend_from_slice(s);
    }
    j.extend_from_slice(&JPEG[JPEG_HEAD..]);
    j
}

pub(super) fn exif_app1(t: &[u8]) -> Vec<u8> {
    segment(0xE1, &[b"Exif\0\0".as_slice(), t].concat())
}

const XMP: &[u8] = b"http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><rdf:Description exif:GPSLatitude=\"48,51.5N\" photoshop:City=\"X\"/></x:xmpmeta>";
const ADOBE: &[u8] = b"Adobe\0\x64\0\0\0\0\x01";

/// A JPEG carrying everything: EXIF with GPS, XMP and extended XMP, IPTC,
/// a comment, MPF, APP3, and an Adobe segment (kept).
pub(super) fn rich_jpeg() -> Vec<u8> {
    jpeg_with(&[
        exif_app1(&tiff(None, Some(true))),
        segment(0xE1, XMP),
        segment(0xE1, b"http://ns.adobe.com/xmp/extension/\0GPSLongitude"),
        segment(0xED, b"Photoshop 3.0\08BIM\x04\x04owner Ann"),
        segment(0xFE, b"taken at the safe house"),
        segment(0xE2, b"MPF\0MM\0\x2a"),
        segment(0xE3, b"serial 1234"),
        segment(0xEE, ADOBE),
    ])
}

fn stripped(ext: &str, bytes: &[u8]) -> (Vec<u8>, bool) {
    match strip(ext, bytes) {
        Outcome::Stripped { bytes, location } => (bytes, location),
        o => panic!("expected Stripped, got {o:?}"),
    }
}

pub(super) fn contains(hay: &[u8], needle: &[u8]) -> bool {
    memchr::memmem::find(hay, needle).is_some()
}

#[test]
fn jpeg_loses_its_metadata_and_keeps_colours_and_pixels() {
    let (out, location) = stripped("jpg", &rich_jpeg());
    assert!(location);
    for gone in [
        b"Exif".as_slice(),
        b"GPSSECRETMARK",
        b"xmpmeta",
        b"GPSLongitude",
        b"Photoshop",
        b"safe house",
        b"MPF",
        b"serial",
    ] {
        assert!(!contains(&out, gone), "{}", String::from_utf8_lossy(gone));
    }
    // JFIF, the ICC profile, the Adobe segment, DQT, SOF, DHT and the scan
    // are byte for byte those of the original.
    assert_eq!(out, jpeg_with(&[segment(0xEE, ADOBE)]));
    assert!(contains(&out, b"ICC_PROFILE\0"));
    let sos = JPEG.windows(2).position(|w| w == [0xFF, 0xDA]).unwrap();
    assert!(out.ends_with(&JPEG[sos..]));
    // Nothing is left to remove, and the same bytes give the same bytes.
    assert_eq!(strip("jpg", &out), Outcome::Unchanged);
    assert_eq!(stripped("jpg", &rich_jpeg()).0, out);
    assert_eq!(strip("jpg", JPEG), Outcome::Unchanged);
}

#[test]
fn jpeg_orientation_is_kept_alone() {
    let (out, location) = stripped("jpeg", &jpeg_with(&[exif_app1(&tiff(Some(6), None))]));
    assert!(!location, "no GPS directory");
    let minimal = exif_app1(b"II\x2a\0\x08\0\0\0\x01\0\x12\x01\x03\0\x01\0\0\0\x06\0\0\0\0\0\0\0");
    assert_eq!(out, jpeg_with(std::slice::from_ref(&minimal)));
    assert_eq!(
        exif::read(&minimal[4..]),
        exif::Facts {
            orientation: Some(6),
            location: false
        }
    );
    assert_eq!(strip("jpg", &out), Outcome::Unchanged);
    // Orientation 1 (as shot) needs no EXIF at all; a GPS directory with
    // only its version holds no position.
    let (out, location) = stripped("jpg", &jpeg_with(&[exif_app1(&tiff(Some(1), Some(false)))]));
    assert_eq!((out.as_slice(), location), (JPEG, false));
    // Little-endian EXIF reads the same.
    assert_eq!(exif::read(&exif::minimal(8)).orientation, Some(8));
}

#[test]
fn jpeg_segments_between_scans_and_after_the_end_are_walked() {
    let body = &JPEG[..JPEG.len() - 2];
    let mut j = body.to_vec();
    j.extend(segment(0xFE, b"comment"));
    j.extend(exif_app1(&tiff(None, Some(true))));
    j.extend_from_slice(&[0xFF, 0xD9]);
    j.extend(jpeg_with(&[exif_app1(&tiff(None, Some(true)))]));
    let (out, location) = stripped("jpg", &j);
    assert!(location);
    assert_eq!(out, JPEG);
}

#[test]
fn jfif_thumbnail_is_left_out() {
    let mut app0 = JPEG[6..JPEG_HEAD].to_vec();
    app0[12] = 1;
    app0[13] = 1;
    app0.extend_from_slice(&[1, 2, 3]);
    let mut j = JPEG[..2].to_vec();
    j.extend(segment(0xE0, &app0));
    j.extend_from_slice(&JPEG[JPEG_HEAD..]);
    assert_eq!(stripped("jpg", &j).0, JPEG);
}

pub(super) fn png_chunk(ty: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut c = (data.len() as u32).to_be_bytes().to_vec();
    c.extend_from_slice(ty);
    c.extend_from_slice(data);
    let crc = crc32(&c[4..]);
    c.extend_from_slice(&crc.to_be_bytes());
    c
}

/// The chunks of `PNG` (whole), in order.
fn png_chunks(d: &[u8]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut i = 8;
    while i < d.len() {
        let len = u32::from_be_bytes(d[i..i + 4].try_into().unwrap()) as usize;
        let c = d[i..i + 12 + len].to_vec();
        assert_eq!(
            crc32(&c[4..8 + len]).to_be_bytes(),
            c[8 + len..],
            "chunk CRC"
        );
        out.push(c);
        i += 12 + len;
    }
    out
}

/// `PNG` with `extra` chunks after IHDR and junk after IEND.
pub(super) fn png_with(extra: &[Vec<u8>]) -> Vec<u8> {
    let chunks = png_chunks(PNG);
    let mut p = PNG[..8].to_vec();
    p.extend_from_slice(&chunks[0]);
    for c in extra {
        p.extend_from_slice(c);
    }
    for c in &chunks[1..] {
        p.extend_from_slice(c);
    }
    p
}

pub(super) fn rich_png() -> Vec<u8> {
    let mut p = png_with(&[
        png_chunk(b"iCCP", b"icc\0\0fake"),
        png_chunk(b"eXIf", &tiff(Some(6), Some(true))),
        png_chunk(b"tEXt", b"Author\0Ann"),
        png_chunk(
            b"iTXt",
            &[b"XML:com.adobe.xmp\0\0\0\0\0".as_slice(), XMP].concat(),
        ),
        png_chunk(b"zTXt", b"Comment\0\0x"),
        png_chunk(b"tIME", &[7, 232, 1, 1, 0, 0, 0]),
        png_chunk(b"prVt", b"private"),
    ]);
    p.extend_from_slice(b"GPSSECRETMARK after IEND");
    p
}

#[test]
fn png_loses_its_metadata_and_keeps_colours() {
    assert_eq!(strip("png", PNG), Outcome::Unchanged);
    let (out, location) = stripped("png", &rich_png());
    assert!(location);
    let want = png_with(&[
        png_chunk(b"iCCP", b"icc\0\0fake"),
        png_chunk(b"eXIf", &exif::minimal(6)),
    ]);
    assert_eq!(out, want);
    let types: Vec<Vec<u8>> = png_chunks(&out).iter().map(|c| c[4..8].to_vec()).collect();
    assert_eq!(
        types,
        [b"IHDR", b"iCCP", b"eXIf", b"IDAT", b"IDAT", b"IEND"].map(|t| t.to_vec())
    );
    assert!(!contains(&out, b"GPSSECRETMARK") && !contains(&out, b"Ann"));
    assert_eq!(strip("png", &out), Outcome::Unchanged);
}

/// `WEBP` (VP8X, ICCP, VP8) with `extra` chunks at the end and VP8X's
/// flags or-ed with `flags`.
pub(super) fn webp_with(extra: &[(&[u8; 4], Vec<u8>)], flags: u8) -> Vec<u8> {
    let mut w = WEBP.to_vec();
    w[20] |= flags;
    for (ty, data) in extra {
        w.extend_from_slice(*ty);
        w.extend_from_slice(&(data.len() as u32).to_le_bytes());
        w.extend_from_slice(data);
        if data.len() % 2 == 1 {
            w.push(0);
        }
    }
    let size = (w.len() - 8) as u32;
    w[4..8].copy_from_slice(&size.to_le_bytes());
    w
}

pub(super) fn rich_webp() -> Vec<u8> {
    webp_with(
        &[(b"EXIF", tiff(None, Some(true))), (b"XMP ", XMP.to_vec())],
        0x0C,
    )
}

#[test]
fn webp_loses_its_metadata_and_flags() {
    assert_eq!(&WEBP[12..16], b"VP8X");
    assert_eq!(WEBP[20] & 0x20, 0x20, "ICC flag");
    assert_eq!(strip("webp", WEBP), Outcome::Unchanged);
    let (out, location) = stripped("webp", &rich_webp());
    assert!(location);
    assert_eq!(out, WEBP);
    // An orientation stays, and so does the EXIF flag.
    let with_o = webp_with(&[(b"EXIF", tiff(Some(3), Some(true)))], 0x08);
    let (out, _) = stripped("webp", &with_o);
    assert_eq!(out, webp_with(&[(b"EXIF", exif::minimal(3))], 0x08));
}

#[test]
fn what_cannot_be_walked_is_refused_only_when_it_shows_metadata() {
    // The fixtures' stand-in images, and other formats, pass as they are.
    assert_eq!(strip("png", b"PNG-EN"), Outcome::Unchanged);
    assert_eq!(strip("jpg", b"\xC2\x89PNG"), Outcome::Unchanged);
    assert_eq!(strip("gif", b"GIF89a Exif GPS"), Outcome::Unchanged);
    let cut = &rich_jpeg()[..JPEG_HEAD + 30];
    assert_eq!(strip("jpg", cut), Outcome::Unreadable { format: "JPEG" });
    // Named .png, but a JPEG: walked as what it is.
    assert!(matches!(
        strip("png", &rich_jpeg()),
        Outcome::Stripped { .. }
    ));
    let mut bad = rich_png();
    bad[8..12].copy_from_slice(&u32::MAX.to_be_bytes());
    assert_eq!(strip("png", &bad), Outcome::Unreadable { format: "PNG" });
    assert_eq!(
        strip("webp", b"Exif but no RIFF"),
        Outcome::Unreadable { format: "WebP" }
    );
    // JPEG's other names are JPEG, walked or refused the same way.
    assert_eq!(strip("jfif", cut), Outcome::Unreadable { format: "JPEG" });
    assert_eq!(
        strip("jpe", b"Exif but no JPEG"),
        Outcome::Unreadable { format: "JPEG" }
    );
    assert_eq!(
        stripped("jfif", &rich_jpeg()),
        stripped("jpg", &rich_jpeg())
    );
}
