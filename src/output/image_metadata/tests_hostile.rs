//! Cut, flipped and random images: never a panic, never a loop, and what is
//! published never carries the GPS block that was in the original.

use super::tests::{
    contains, exif_app1, jpeg_with, png_chunk, png_with, rich_jpeg, rich_png, rich_webp, segment,
    tiff, webp_with,
};
use super::{Outcome, exif, strip};
use proptest::prelude::*;
use std::time::{Duration, Instant};

/// Strips `bytes` and checks what would be published: no more than a
/// minimal EXIF block longer, without the marker of the original's GPS
/// block, and unchanged when stripped again.
fn check(ext: &str, bytes: &[u8]) {
    let published = match strip(ext, bytes) {
        Outcome::Unchanged => bytes.to_vec(),
        Outcome::Stripped { bytes: out, .. } => {
            assert!(out.len() <= bytes.len() + 64);
            assert_eq!(strip(ext, &out), Outcome::Unchanged, "idempotent");
            out
        }
        Outcome::Unreadable { .. } | Outcome::Kept { .. } => return,
    };
    assert!(
        !contains(&published, b"GPSSECRETMARK"),
        "{ext}: the GPS block was published"
    );
}

fn samples() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("jpg", rich_jpeg()),
        ("jpg", jpeg_with(&[exif_app1(&tiff(Some(6), Some(true)))])),
        ("png", rich_png()),
        ("webp", rich_webp()),
        ("webp", webp_with(&[(b"EXIF", tiff(Some(5), None))], 0x08)),
    ]
}

#[test]
fn every_truncation_and_bit_flip() {
    for (ext, s) in samples() {
        for n in 0..=s.len() {
            check(ext, &s[..n]);
        }
        for i in 0..s.len() {
            for bit in 0..8 {
                let mut f = s.clone();
                f[i] ^= 1 << bit;
                check(ext, &f);
            }
        }
    }
}

#[test]
fn hostile_structures_end_quickly() {
    let start = Instant::now();
    // A directory claiming 65,535 entries, pointing at itself as the GPS
    // directory.
    let mut t = b"MM\0\x2a\0\0\0\x08\xFF\xFF".to_vec();
    for _ in 0..4 {
        t.extend_from_slice(&[0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 8]);
    }
    assert!(exif::read(&t).location);
    t[4..8].copy_from_slice(&u32::MAX.to_be_bytes());
    assert_eq!(exif::read(&t), exif::Facts::default());
    // Megabytes of fill bytes, of stuffed entropy data, of empty segments.
    let mut fill = rich_jpeg()[..2].to_vec();
    fill.extend(std::iter::repeat_n(0xFF, 4 << 20));
    check("jpg", &fill);
    let mut scan = jpeg_with(&[]);
    scan.truncate(scan.len() - 2);
    for _ in 0..(2 << 20) {
        scan.extend_from_slice(&[0xFF, 0x00]);
    }
    check("jpg", &scan);
    let many = jpeg_with(&vec![segment(0xFE, b""); 200_000]);
    assert!(matches!(strip("jpg", &many), Outcome::Stripped { .. }));
    let chunks = png_with(&vec![png_chunk(b"tEXt", b""); 200_000]);
    assert!(matches!(strip("png", &chunks), Outcome::Stripped { .. }));
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "{:?}",
        start.elapsed()
    );
}

proptest! {
    /// Any bytes behind any of the three signatures, and random bytes
    /// spliced into the samples: no panic, and the checks of `check`.
    #[test]
    fn random_images_never_panic(
        magic in 0usize..4,
        tail in proptest::collection::vec(any::<u8>(), 0..600),
        at in any::<proptest::sample::Index>(),
        which in 0usize..5,
    ) {
        let head: &[u8] = match magic {
            0 => b"\xFF\xD8\xFF",
            1 => b"\x89PNG\r\n\x1a\n",
            2 => b"RIFF\x40\0\0\0WEBP",
            _ => b"",
        };
        for ext in ["jpg", "png", "webp"] {
            check(ext, &[head, &tail].concat());
        }
        let (ext, mut s) = samples().swap_remove(which);
        let i = at.index(s.len());
        s.splice(i..i, tail.iter().copied());
        check(ext, &s);
    }
}
