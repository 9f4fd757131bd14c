//! Removing the metadata of published photos: a phone's JPEG carries where
//! it was taken (EXIF GPS), the camera's serial number, the owner's name and
//! captions (XMP, IPTC); none of it is needed to show the picture, and it
//! can put the people photographed at risk. Pure functions over bytes, no
//! I/O; same bytes in, same bytes out.
//!
//! What is kept is what changes how the picture looks: JPEG's JFIF, ICC
//! profile and Adobe segments and every segment that is not APPn/COM;
//! PNG's critical chunks, colour and transparency chunks and animation
//! chunks; WebP's image, alpha, animation and ICC chunks. An EXIF
//! orientation other than 1 is written back alone, in a minimal EXIF block,
//! so that a phone photo does not show on its side. Whatever follows the
//! image's end (JPEG's EOI, PNG's IEND, WebP's RIFF size) is dropped: it is
//! where phones append further pictures with their own metadata.
//!
//! The one rule for a file that cannot be walked (a cut-off segment, a
//! length past the end, a `.jpg` that is no JPEG): it is published as it is
//! when none of the markers of metadata can be seen in it (`Exif` in any
//! case, `GPS`, XMP's `xmpmeta` or namespace); otherwise it is not
//! published at all ([`Outcome::Unreadable`]), since its metadata cannot be
//! removed.

mod embedded;
mod exif;
mod ico;
mod jpeg;
mod other;
mod png;
mod video;
mod webp;

pub use embedded::records_place;
pub use video::records_location;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_hostile;

/// What to publish for an image.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// No metadata to remove, or not a format handled here: as it is.
    Unchanged,
    /// The bytes to publish instead; `location`: what was removed included
    /// where the photo was taken (an EXIF GPS block, XMP GPS or location
    /// fields).
    Stripped { bytes: Vec<u8>, location: bool },
    /// The structure cannot be walked and it shows markers of metadata:
    /// not to be published. `format`: what its name or first bytes say it is.
    Unreadable { format: &'static str },
    /// A format whose metadata is not removed here (AVIF, GIF) that holds
    /// some: an EXIF item or XMP. Not to be published.
    Kept { format: &'static str },
}

/// The image formats whose metadata is removed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Jpeg,
    Png,
    Webp,
    Ico,
}

impl Format {
    fn name(self) -> &'static str {
        match self {
            Format::Jpeg => "JPEG",
            Format::Png => "PNG",
            Format::Webp => "WebP",
            Format::Ico => "ICO",
        }
    }

    /// By the first bytes, whatever the name says (browsers sniff too).
    fn sniff(bytes: &[u8]) -> Option<Format> {
        if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(Format::Jpeg)
        } else if bytes.starts_with(&png::SIGNATURE) {
            Some(Format::Png)
        } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
            Some(Format::Webp)
        } else if ico::is_ico(bytes) {
            Some(Format::Ico)
        } else {
            None
        }
    }

    /// By the (lowercased) extension.
    fn of_extension(ext: &str) -> Option<Format> {
        match ext {
            "jpg" | "jpeg" | "jfif" | "jpe" => Some(Format::Jpeg),
            "png" => Some(Format::Png),
            "webp" => Some(Format::Webp),
            "ico" => Some(Format::Ico),
            _ => None,
        }
    }
}

/// Whether `bytes` are a JPEG, PNG, WebP or icon, whatever the file's name says:
/// `<img>` shows them by their bytes, and a download keeps its metadata.
pub fn is_photo(bytes: &[u8]) -> bool {
    Format::sniff(bytes).is_some()
}

/// An image walked to its end: the bytes to publish, and whether the
/// metadata left out held a location.
struct Clean {
    bytes: Vec<u8>,
    location: bool,
}

/// The bytes to publish for an image whose name has the extension `ext`
/// (lowercased, without the dot).
pub fn strip(ext: &str, bytes: &[u8]) -> Outcome {
    let format = Format::sniff(bytes);
    let walked = match format {
        Some(Format::Jpeg) => jpeg::strip(bytes),
        Some(Format::Png) => png::strip(bytes),
        Some(Format::Webp) => webp::strip(bytes),
        Some(Format::Ico) => ico::strip(bytes),
        None => match Format::of_extension(ext) {
            Some(_) => None,
            // A GIF or AVIF: not walked here; refused if it has metadata.
            None => return other::outcome(bytes),
        },
    };
    match walked {
        Some(c) if c.bytes == bytes => Outcome::Unchanged,
        Some(c) => Outcome::Stripped {
            bytes: c.bytes,
            location: c.location,
        },
        None if shows_metadata(bytes) => Outcome::Unreadable {
            format: format
                .or(Format::of_extension(ext))
                .map_or("image", Format::name),
        },
        None => Outcome::Unchanged,
    }
}

/// Whether markers of metadata can be seen anywhere in `bytes`: EXIF's
/// header or chunk name in any case (`Exif`, `EXIF`, `eXIf`), `GPS`, XMP.
fn shows_metadata(bytes: &[u8]) -> bool {
    const MARKS: [&[u8]; 7] = [
        b"Exif",
        b"EXIF",
        b"eXIf",
        b"exif",
        b"GPS",
        b"xmpmeta",
        b"ns.adobe.com/xap",
    ];
    MARKS
        .iter()
        .any(|m| memchr::memmem::find(bytes, m).is_some())
}
