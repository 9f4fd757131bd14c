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

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64, white space and padding ignored; `None` when a
/// character is not of the alphabet or a lone one is left over.
fn decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.bytes() {
        if c.is_ascii_whitespace() || c == b'=' {
            continue;
        }
        let v = ALPHABET.iter().position(|&a| a == c)? as u32;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    (bits < 6).then_some(out)
}

fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
