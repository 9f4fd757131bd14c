//! Images heavy enough to stall a page on a weak mobile link: a phone
//! photo published as taken (4 MB and more), which the reader's phone
//! downloads in full before the picture shows. Said, not refused: the
//! author may have no smaller copy yet.

use crate::content::file_types::{self, FileType};
use crate::diagnostics::Diagnostic;
use std::path::Path;

/// An image larger than this (as published) gets a warning: a well-saved
/// photo for a phone's screen is a few hundred KB.
pub const HEAVY_IMAGE: usize = 1_000_000;

/// The link speed the warning reckons with: a weak 3G or a shared 4G
/// link in the field.
const BITS_PER_SECOND: f64 = 1_000_000.0;

/// A warning for the image at `path` (as shown in messages) when its
/// published `bytes` are heavy.
pub fn heavy_image(path: &Path, bytes: &[u8]) -> Option<Diagnostic> {
    let name = path.to_str()?;
    let kind = file_types::classify(name);
    if !matches!(kind, FileType::Image | FileType::Svg) || bytes.len() <= HEAVY_IMAGE {
        return None;
    }
    let mb = bytes.len() as f64 / 1_000_000.0;
    let seconds = (bytes.len() as f64 * 8.0 / BITS_PER_SECOND).round();
    let msg = format!(
        "a {mb:.1} MB image: on a weak mobile link (1 Mbit/s) a reader waits about {seconds:.0} s for it"
    );
    let hint = if kind == FileType::Svg {
        "simplify the drawing, or save it as PNG at the size it is shown"
    } else {
        "publish a smaller copy: at most 1600 pixels wide, saved as JPEG or WebP at quality 80 (a photo is then a few hundred KB)"
    };
    Some(Diagnostic::warning(path, 0, 0, msg).with_hint(hint))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_heavy_images_are_named() {
        let big = vec![0u8; 4_200_000];
        let d = heavy_image(Path::new("guidance/pub/photo.JPG"), &big).unwrap();
        assert_eq!(
            d.headline(),
            "guidance/pub/photo.JPG: warning: a 4.2 MB image: on a weak mobile link (1 Mbit/s) a reader waits about 34 s for it"
        );
        assert!(heavy_image(Path::new("static/map.svg"), &big).is_some());
        // A document is a download the reader chooses; a light image is fine.
        assert!(heavy_image(Path::new("guidance/pub/report.pdf"), &big).is_none());
        let light = vec![0u8; HEAVY_IMAGE];
        assert!(heavy_image(Path::new("guidance/pub/photo.jpg"), &light).is_none());
    }
}
