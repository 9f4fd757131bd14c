//! A photo embedded in an `<image>` as `data:` (what Inkscape's "embed"
//! writes: the file's bytes whole, its EXIF included) is published without
//! its metadata, as the same photo saved beside the page would be
//! (`image_metadata`): otherwise a drawing would carry the place a phone
//! photo was taken.

use crate::output::image_metadata::{Outcome, strip};

/// What to write for an embedded raster `value` (`data:image/…;base64,…`,
/// checked by `allow::is_embedded_raster`).
pub enum Embedded {
    /// No metadata to remove: the value as it is.
    Keep,
    /// The value with the photo's metadata removed; `location`: what was
    /// removed said where it was taken.
    Cleaned { value: String, location: bool },
    /// Metadata that cannot be removed: the image is left out, and why.
    Refused(String),
}

pub fn clean(value: &str) -> Embedded {
    let Some((head, data)) = value.split_once(',') else {
        return Embedded::Keep;
    };
    let kind = head
        .to_ascii_lowercase()
        .trim_start_matches("data:image/")
        .trim_end_matches(";base64")
        .to_string();
    let Some(bytes) = decode(data) else {
        return Embedded::Refused(format!("an embedded {kind} image that is not base64"));
    };
    match strip(&kind, &bytes) {
        Outcome::Unchanged => Embedded::Keep,
        Outcome::Stripped { bytes, location } => Embedded::Cleaned {
            value: format!("{head},{}", encode(&bytes)),
            location,
        },
        Outcome::Unreadable { format } | Outcome::Kept { format } => Embedded::Refused(format!(
            "an embedded {format} image whose metadata cannot be removed"
        )),
    }
}

/// `svg` as it is (a trusted site's, `allow_raw_html`, published without
/// sanitising), but for the photos it embeds: each `data:image/…;base64,`
/// in its text is cleaned in place. Also the byte offset of the first
/// whose location was left out.
pub fn clean_raw(svg: &[u8]) -> (Vec<u8>, Option<usize>) {
    let mut out = Vec::with_capacity(svg.len());
    let mut located = None;
    let mut copied = 0;
    for at in memchr::memmem::find_iter(svg, b"data:image/") {
        if at < copied {
            continue;
        }
        let end = at
            + svg[at..]
                .iter()
                .position(|&c| !(c.is_ascii_alphanumeric() || b"+/=;:,-\r\n\t ".contains(&c)))
                .unwrap_or(svg.len() - at);
        let Ok(value) = std::str::from_utf8(&svg[at..end]) else {
            continue;
        };
        let value = value.trim_end();
        if !super::allow::is_embedded_raster(value) {
            continue;
        }
        if let Embedded::Cleaned {
            value: clean,
            location,
        } = clean(value)
        {
            out.extend_from_slice(&svg[copied..at]);
            out.extend_from_slice(clean.as_bytes());
            copied = at + value.len();
            if location {
                located.get_or_insert(at);
            }
        }
    }
    out.extend_from_slice(&svg[copied..]);
    (out, located)
}

/// Standard base64 as data URLs hold it: white space (a line break every
/// 76 characters, as some tools write) and missing padding are let pass.
const BASE64: base64::engine::GeneralPurpose = base64::engine::GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    base64::engine::GeneralPurposeConfig::new()
        .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent)
        .with_decode_allow_trailing_bits(true),
);

/// `text` decoded; `None` when it is not base64.
fn decode(text: &str) -> Option<Vec<u8>> {
    use base64::Engine;
    let plain: Vec<u8> = text.bytes().filter(|c| !c.is_ascii_whitespace()).collect();
    BASE64.decode(plain).ok()
}

fn encode(bytes: &[u8]) -> String {
    use base64::Engine;
    BASE64.encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_raw_svg_is_left_as_it_is_but_for_photos_with_metadata() {
        let plain = "<svg><image href=\"data:image/png;base64,iVBORw0KGgo=\"/><text>data:image/ x</text></svg>";
        assert_eq!(
            clean_raw(plain.as_bytes()),
            (plain.as_bytes().to_vec(), None)
        );
        let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE1, 0, 16];
        jpeg.extend_from_slice(b"Exif\0\0II*\0\x08\0\0\0");
        jpeg.extend_from_slice(&[0xFF, 0xDA, 0, 2, 0xFF, 0xD9]);
        let svg = format!(
            "<svg>\n<image href='data:image/jpeg;base64,{}'/></svg>",
            encode(&jpeg)
        );
        let (out, _) = clean_raw(svg.as_bytes());
        let out = String::from_utf8(out).unwrap();
        assert!(
            out.starts_with("<svg>\n<image href='data:image/jpeg;base64,")
                && out.ends_with("'/></svg>")
        );
        assert!(!out.contains(&encode(&jpeg)), "{out}");
    }

    #[test]
    fn base64_round_trips() {
        for bytes in [&b""[..], b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar"] {
            assert_eq!(decode(&encode(bytes)).as_deref(), Some(bytes));
        }
        assert_eq!(encode(b"foobar"), "Zm9vYmFy");
        assert_eq!(encode(b"fo"), "Zm8=");
        assert_eq!(decode("Zm9v\nYmE=").as_deref(), Some(&b"fooba"[..]));
        assert_eq!(decode("Zm9v*"), None);
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(decode(&encode(&all)), Some(all));
    }
}
