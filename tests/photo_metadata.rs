//! Photos are published without their metadata (EXIF GPS, camera, XMP,
//! text chunks), from `guidance/`, `static/` and a theme's
//! `templates/static/`, in the site and in its zip, also when every author
//! is trusted; the picture's own bytes and its orientation are kept.

mod common;
use common::{Site, browser, tree};

const JPEG: &[u8] = include_bytes!("fixtures/photos/plain.jpg");
const PNG: &[u8] = include_bytes!("fixtures/photos/plain.png");
const WEBP: &[u8] = include_bytes!("fixtures/photos/plain.webp");
/// SOI and JFIF: the segments added go after them.
const JPEG_HEAD: usize = 20;
const ZIP: &str = "public/download/test-guidance.zip";
const XMP: &[u8] =
    b"<x:xmpmeta><rdf:Description exif:GPSLatitude=\"48,51.5N\" dc:creator=\"Ann\"/></x:xmpmeta>";

/// A little-endian EXIF TIFF block: camera, orientation 6 if `turned`, and
/// a GPS directory with a latitude; then the marker looked for.
fn tiff(turned: bool) -> Vec<u8> {
    let mut ifd0: Vec<(u16, u16, u32, u32)> = vec![(0x010F, 2, 4, u32::from_le_bytes(*b"Cam\0"))];
    if turned {
        ifd0.push((0x0112, 3, 1, 6));
    }
    let gps_at = 8 + 2 + 12 * (ifd0.len() as u32 + 1) + 4;
    ifd0.push((0x8825, 4, 1, gps_at));
    let mut t = b"II\x2a\0\x08\0\0\0".to_vec();
    directory(&mut t, &ifd0);
    let rationals = gps_at + 2 + 12 * 2 + 4;
    directory(&mut t, &[(1, 2, 2, u32::from(b'N')), (2, 5, 3, rationals)]);
    for v in [48u32, 1, 51, 1, 2963, 100] {
        t.extend_from_slice(&v.to_le_bytes());
    }
    t.extend_from_slice(b"GPSSECRETMARK");
    t
}

fn directory(t: &mut Vec<u8>, entries: &[(u16, u16, u32, u32)]) {
    t.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    for (tag, ty, count, value) in entries {
        t.extend_from_slice(&tag.to_le_bytes());
        t.extend_from_slice(&ty.to_le_bytes());
        t.extend_from_slice(&count.to_le_bytes());
        t.extend_from_slice(&value.to_le_bytes());
    }
    t.extend_from_slice(&0u32.to_le_bytes());
}

fn jpeg_with(segments: &[(u8, Vec<u8>)]) -> Vec<u8> {
    let mut j = JPEG[..JPEG_HEAD].to_vec();
    for (m, body) in segments {
        j.extend_from_slice(&[0xFF, *m]);
        j.extend_from_slice(&(body.len() as u16 + 2).to_be_bytes());
        j.extend_from_slice(body);
    }
    j.extend_from_slice(&JPEG[JPEG_HEAD..]);
    j
}

/// `PNG` with `extra` chunks after IHDR (CRCs are not checked by the
/// stripping, which copies chunks whole; these are never published).
fn png_with(extra: &[(&[u8; 4], &[u8])]) -> Vec<u8> {
    let ihdr_end = 8 + 12 + 13;
    let mut p = PNG[..ihdr_end].to_vec();
    for (ty, data) in extra {
        p.extend_from_slice(&(data.len() as u32).to_be_bytes());
        p.extend_from_slice(*ty);
        p.extend_from_slice(data);
        p.extend_from_slice(&[0; 4]);
    }
    p.extend_from_slice(&PNG[ihdr_end..]);
    p
}

/// `WEBP` with an EXIF and an XMP chunk at the end, and their flags.
fn rich_webp() -> Vec<u8> {
    let mut w = WEBP.to_vec();
    w[20] |= 0x0C;
    for (ty, data) in [(b"EXIF", tiff(false)), (b"XMP ", XMP.to_vec())] {
        w.extend_from_slice(ty);
        w.extend_from_slice(&(data.len() as u32).to_le_bytes());
        w.extend_from_slice(&data);
        if data.len() % 2 == 1 {
            w.push(0);
        }
    }
    let size = (w.len() - 8) as u32;
    w[4..8].copy_from_slice(&size.to_le_bytes());
    w
}

/// A site with a phone photo (GPS, orientation 6, XMP, a comment) shown by
/// a page, a PNG with text and EXIF in `static/`, and a WebP with EXIF and
/// XMP in the theme's own static files.
fn site_with_photos() -> Site {
    let site = Site::fixture("basic");
    let mut xmp = b"http://ns.adobe.com/xap/1.0/\0".to_vec();
    xmp.extend_from_slice(XMP);
    site.write(
        "guidance/handbook/images/shelter.jpg",
        jpeg_with(&[
            (0xE1, [b"Exif\0\0".as_slice(), &tiff(true)].concat()),
            (0xE1, xmp),
            (0xFE, b"taken at the safe house".to_vec()),
        ]),
    );
    site.write(
        "guidance/handbook/05-photo.en.md",
        "---\ntitle: Photo\n---\n![The shelter](images/shelter.jpg)\n",
    );
    site.write(
        "static/logo.png",
        png_with(&[
            (b"eXIf", &tiff(false)),
            (b"tEXt", b"Author\0Ann"),
            (
                b"iTXt",
                &[b"XML:com.adobe.xmp\0\0\0\0\0".as_slice(), XMP].concat(),
            ),
        ]),
    );
    site.write("templates/static/banner.webp", rich_webp());
    site
}

/// The orientation alone, in a minimal EXIF block (little-endian).
fn minimal_exif() -> Vec<u8> {
    b"Exif\0\0II\x2a\0\x08\0\0\0\x01\0\x12\x01\x03\0\x01\0\0\0\x06\0\0\0\0\0\0\0".to_vec()
}

/// The bytes each published photo must have: the picture's own segments
/// and chunks, byte for byte, and nothing else but the orientation.
fn expected() -> Vec<(String, Vec<u8>)> {
    let jpeg = jpeg_with(&[(0xE1, minimal_exif())]);
    let mut out: Vec<(String, Vec<u8>)> = ["en", "fr", "ar"]
        .iter()
        .map(|l| (format!("{l}/handbook/images/shelter.jpg"), jpeg.clone()))
        .collect();
    out.push(("logo.png".into(), PNG.to_vec()));
    out.push(("assets/banner.webp".into(), WEBP.to_vec()));
    out
}

fn assert_clean(site: &Site) {
    let published = tree(&site.out());
    for (rel, want) in expected() {
        let got = published
            .get(&rel)
            .unwrap_or_else(|| panic!("{rel} missing"));
        assert!(
            got == &want,
            "{rel}: {} bytes, want {}",
            got.len(),
            want.len()
        );
    }
    let zip = fieldguide::output::download::entries(&std::fs::read(site.path().join(ZIP)).unwrap())
        .unwrap();
    let mut photos = 0;
    for (name, bytes) in published.iter().chain(zip.iter().map(|(n, b)| (n, b))) {
        if !name.ends_with(".jpg") && !name.ends_with(".png") && !name.ends_with(".webp") {
            continue;
        }
        photos += 1;
        for gone in [
            b"GPSSECRETMARK".as_slice(),
            b"xmpmeta",
            b"safe house",
            b"Ann",
            b"Cam\0",
        ] {
            assert!(
                !bytes.windows(gone.len()).any(|w| w == gone),
                "{name}: {}",
                String::from_utf8_lossy(gone)
            );
        }
    }
    assert!(photos >= 6, "{photos} photos seen");
    for (rel, want) in expected() {
        let in_zip = zip.iter().find(|(n, _)| n.ends_with(&rel));
        if let Some((_, b)) = in_zip {
            assert!(b == &want, "{rel} in the zip");
        }
    }
}

#[test]
fn photos_are_published_without_their_metadata() {
    let site = site_with_photos();
    let o = site.build_ok();
    assert_clean(&site);
    for file in [
        "guidance/handbook/images/shelter.jpg",
        "static/logo.png",
        "templates/static/banner.webp",
    ] {
        assert!(
            o.stderr.lines().any(|l| l.contains(file)
                && l.contains("warning: the published copy leaves out the photo's location (GPS)")),
            "{file}: {}",
            o.stderr
        );
    }
    // Trusting every author does not publish anyone's location.
    site.write(
        "site.yaml",
        format!("{}allow_raw_html: true\n", site.read("site.yaml")),
    );
    site.build_ok();
    assert_clean(&site);
    decodes_in_chromium(&site);
}

/// The published photos still decode, and the phone photo still shows
/// upright (orientation 6: its 16x8 pixels shown 8 wide, 16 high).
fn decodes_in_chromium(site: &Site) {
    let Some(chromium) = browser::require() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    for (i, (rel, _)) in expected().iter().enumerate().skip(2) {
        let ext = rel.rsplit('.').next().unwrap();
        std::fs::copy(site.out().join(rel), dir.path().join(format!("{i}.{ext}"))).unwrap();
    }
    let script = r#"
        const names = ['2.jpg', '3.png', '4.webp'];
        Promise.all(names.map(n => new Promise(ok => {
            const img = new Image();
            img.onload = () => ok(n + ' ' + img.naturalWidth + 'x' + img.naturalHeight);
            img.onerror = () => ok(n + ' error');
            img.src = n;
        }))).then(r => { document.getElementById('result').textContent = r.join(', '); });
    "#;
    let got = browser::harness(&chromium, dir.path(), script);
    assert_eq!(got, "2.jpg 8x16, 3.png 16x8, 4.webp 16x8");
}

#[test]
fn a_photo_whose_metadata_cannot_be_removed_is_not_published() {
    let site = Site::fixture("basic");
    // An EXIF segment longer than the file.
    let mut cut = jpeg_with(&[(0xE1, [b"Exif\0\0".as_slice(), &tiff(false)].concat())]);
    cut.truncate(JPEG_HEAD + 40);
    site.write("static/cut.jpg", &cut);
    let o = site.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr.lines().any(|l| l.contains("static/cut.jpg")
            && l.contains("error: not published: cannot remove its metadata")),
        "{}",
        o.stderr
    );
    // A file that cannot be walked but shows no metadata is published as
    // it is.
    site.remove("static/cut.jpg");
    site.write("static/stand-in.png", "PNG-EN");
    site.build_ok();
    assert_eq!(site.read("public/stand-in.png"), "PNG-EN");
}
