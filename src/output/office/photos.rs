//! Photos inside a document (Word's `word/media/`, PowerPoint's and
//! Excel's, LibreOffice's `Pictures/`): a phone photo inserted into a
//! document keeps its EXIF, the place it was taken included, and anyone
//! who saves the picture from the document can read it. The document is
//! published as it is, so such a photo keeps it from being published, as a
//! photo file would lose its location (`image_metadata`).

use super::{Package, Report};
use crate::output::image_metadata::{Outcome, strip};

/// Names of the parts looked at: the types `image_metadata` reads.
const EXTENSIONS: &[&str] = &["jpg", "jpeg", "jpe", "jfif", "png", "webp"];

/// The most all photos of a document inflate to together, apart from the
/// other parts' budget: a deck of a hundred phone photos is larger than
/// its XML could ever be, and still far below what a zip bomb claims.
const PHOTOS_CAP: u64 = if cfg!(test) { 8 << 20 } else { 2 << 30 };

/// Adds each photo of `zip` that says where it was taken to `report`.
pub fn check(zip: &mut Package, report: &mut Report) -> Result<(), String> {
    let mut left = PHOTOS_CAP;
    for (i, name) in zip.names() {
        let ext = name
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        if !EXTENSIONS.contains(&ext.as_str()) {
            continue;
        }
        let (_, bytes) = zip.capped_at(i, left, "its pictures", PHOTOS_CAP)?;
        left -= bytes.len() as u64;
        match strip(&ext, &bytes) {
            Outcome::Stripped { location: true, .. } => report.located.push(format!("`{name}`")),
            // Markers of metadata in a picture that cannot be walked.
            Outcome::Unreadable { .. } => report
                .located
                .push(format!("`{name}` (it cannot be read to check)")),
            _ => {}
        }
    }
    Ok(())
}
