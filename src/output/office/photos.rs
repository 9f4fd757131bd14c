//! Photos inside a document (Word's `word/media/`, PowerPoint's and
//! Excel's, LibreOffice's `Pictures/`): a phone photo inserted into a
//! document keeps its EXIF, the place it was taken included, and anyone
//! who saves the picture from the document can read it. So does a phone
//! recording inserted into a slide (`ppt/media/media1.mp4`, `.m4a`). The
//! document is published as it is, so such a photo or recording keeps it
//! from being published, as a photo file would lose its location
//! (`image_metadata`). Each part is known by its first bytes, as a photo
//! file is: a program shows a part by its content type, not its name.

use super::{Package, Report};
use crate::output::image_metadata::{Outcome, is_photo, records_location, strip};

/// Names of the parts looked at whatever their bytes: the types
/// `image_metadata` reads.
const EXTENSIONS: &[&str] = &["jpg", "jpeg", "jpe", "jfif", "png", "webp"];

/// The most all photos of a document inflate to together, apart from the
/// other parts' budget: a deck of a hundred phone photos is larger than
/// its XML could ever be, and still far below what a zip bomb claims.
/// Shared with the documents embedded in it.
pub const CAP: u64 = if cfg!(test) { 8 << 20 } else { 2 << 30 };

/// Adds each photo or recording of `zip` that says where it was made to
/// `report`.
pub fn check(zip: &mut Package, report: &mut Report) -> Result<(), String> {
    for (i, name) in zip.names() {
        let ext = name
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        let head = zip.head_at(i);
        // An MP4, M4A or 3GP recording (ISO media) starts with `ftyp`.
        let recording = head.get(4..8) == Some(b"ftyp");
        if !EXTENSIONS.contains(&ext.as_str()) && !is_photo(&head) && !recording {
            continue;
        }
        let (_, bytes) = zip.capped_at(i, zip.photos_left, "its pictures", CAP)?;
        zip.photos_left -= bytes.len() as u64;
        report
            .located
            .extend(located(&format!("`{name}`"), &ext, &bytes));
    }
    Ok(())
}

/// How `located` names the file `name` (as messages quote it; `ext` its
/// extension) when the photo or recording `bytes` says where it was made;
/// `None` when it does not. Any other file is searched for a photo's EXIF
/// or an XMP place in it (an MP3's cover picture).
pub fn located(name: &str, ext: &str, bytes: &[u8]) -> Option<String> {
    use crate::output::image_metadata::records_place;
    if bytes.get(4..8) == Some(b"ftyp") {
        return records_location(bytes).then(|| format!(
            "{name} (a recording: save a copy without its metadata, `ffmpeg -i IN -map_metadata -1 -c copy OUT`, and put that in its place)"
        ));
    }
    if !is_photo(bytes) && !EXTENSIONS.contains(&ext) {
        return records_place(bytes).then(|| name.to_string());
    }
    match strip(ext, bytes) {
        Outcome::Stripped { location: true, .. } => Some(name.to_string()),
        // Markers of metadata in a picture that cannot be walked.
        Outcome::Unreadable { .. } => Some(format!("{name} (it cannot be read to check)")),
        _ => None,
    }
}
