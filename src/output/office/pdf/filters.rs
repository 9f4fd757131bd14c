//! A stream's filter chain (`/Filter [/FlateDecode /DCTDecode]`), decoded
//! as a viewer decodes it, up to the image filter that leaves a picture's
//! own bytes (`/DCTDecode`: a JPEG, EXIF and all). Flate, ASCIIHex,
//! ASCII85 and RunLength are decoded, under their full names and their
//! abbreviations (`/Fl`, `/AHx`, `/A85`, `/RL`); any other filter (LZW,
//! a `/Predictor`, encryption) is not, and says so.

use super::syntax::{Value, elements, value};
use std::io::Read;

/// The filters that leave an image's own encoding: decoding stops there.
const IMAGE: &[&[u8]] = &[
    b"DCTDecode",
    b"JPXDecode",
    b"JBIG2Decode",
    b"CCITTFaxDecode",
];

/// A stream's filters in order, abbreviations spelt out; `dict` from its
/// `obj` to `stream`, `#` escapes decoded.
pub fn chain(dict: &[u8]) -> Vec<Vec<u8>> {
    let Some(at) = key_at(dict, b"/Filter") else {
        return Vec::new();
    };
    let full = |n: Vec<u8>| match &n[..] {
        b"Fl" => b"FlateDecode".to_vec(),
        b"AHx" => b"ASCIIHexDecode".to_vec(),
        b"A85" => b"ASCII85Decode".to_vec(),
        b"RL" => b"RunLengthDecode".to_vec(),
        b"LZW" => b"LZWDecode".to_vec(),
        b"DCT" => b"DCTDecode".to_vec(),
        b"CCF" => b"CCITTFaxDecode".to_vec(),
        _ => n,
    };
    match value(dict, at).0 {
        Value::Name(n) => vec![full(n)],
        Value::Array(items) => elements(items)
            .into_iter()
            .filter_map(|v| match v {
                Value::Name(n) => Some(full(n)),
                // White space before `]` reads as a value too.
                Value::Other => None,
                // Not a name: no filter a viewer knows.
                _ => Some(b"?".to_vec()),
            })
            .collect(),
        _ => vec![b"?".to_vec()],
    }
}

/// Where the value of `key` starts in `dict` (the key whole, not a prefix
/// of a longer name).
fn key_at(dict: &[u8], key: &[u8]) -> Option<usize> {
    memchr::memmem::find_iter(dict, key)
        .map(|at| at + key.len())
        .find(|end| dict.get(*end).is_none_or(|b| super::syntax::delimiter(*b)))
}

/// Whether the chain ends in an image filter (a picture's own bytes).
pub fn is_image(chain: &[Vec<u8>]) -> bool {
    chain.last().is_some_and(|f| IMAGE.contains(&&f[..]))
}

/// `body` decoded through `chain` up to its image filter, each step's
/// output counted against `left`; `Err` says why it cannot be.
pub fn decode(
    body: &[u8],
    chain: &[Vec<u8>],
    predicted: bool,
    left: &mut u64,
) -> Result<Vec<u8>, String> {
    let mut data = body.to_vec();
    for filter in chain {
        if IMAGE.contains(&&filter[..]) {
            break;
        }
        data = match &filter[..] {
            b"FlateDecode" if !predicted => inflate(&data, *left)?,
            b"ASCIIHexDecode" => hex(&data),
            b"ASCII85Decode" => ascii85(&data)?,
            b"RunLengthDecode" => run_length(&data, *left),
            other => {
                let other = String::from_utf8_lossy(other);
                let why = if predicted {
                    " with a `/Predictor`"
                } else {
                    ""
                };
                return Err(format!(
                    "a stream is encoded in a way not read here (`/{other}`{why})"
                ));
            }
        };
        *left = left.checked_sub(data.len() as u64).ok_or_else(over)?;
    }
    Ok(data)
}

fn over() -> String {
    format!("its streams decode to over {} MB", super::INFLATE_CAP >> 20)
}

/// Inflates `data`, at most `left` bytes; what a stream cut short (no
/// checksum, as some writers leave it) gives is kept, as viewers keep it.
fn inflate(data: &[u8], left: u64) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let mut reader = flate2::read::ZlibDecoder::new(data).take(left + 1);
    let mut buf = [0u8; 16 * 1024];
    loop {
        match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => out.extend_from_slice(&buf[..n]),
            Err(_) if !out.is_empty() => break,
            Err(_) => return Err("a stream cannot be inflated".to_string()),
        }
    }
    if out.len() as u64 > left {
        return Err(over());
    }
    Ok(out)
}

/// ASCIIHex: pairs of hex digits, white space skipped, to `>`; a last lone
/// digit counts as followed by 0. Anything else ends it.
fn hex(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() / 2);
    let mut high: Option<u8> = None;
    for &b in data {
        if b.is_ascii_whitespace() || b == 0 {
            continue;
        }
        let Some(d) = (b as char).to_digit(16) else {
            break;
        };
        match high.take() {
            Some(h) => out.push(h * 16 + d as u8),
            None => high = Some(d as u8),
        }
    }
    out.extend(high.map(|h| h * 16));
    out
}

/// ASCII85: groups of five characters `!`..`u` for four bytes, `z` for
/// four zeros, white space skipped, to `~>`; a last short group is padded.
fn ascii85(data: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(data.len() / 5 * 4 + 4);
    let mut group = Vec::with_capacity(5);
    let data = data.strip_prefix(b"<~").unwrap_or(data);
    for &b in data {
        match b {
            b'~' => break,
            b'z' if group.is_empty() => out.extend_from_slice(&[0; 4]),
            b'!'..=b'u' => {
                group.push(b - b'!');
                if group.len() == 5 {
                    out.extend_from_slice(&word(&group)?);
                    group.clear();
                }
            }
            _ if b.is_ascii_whitespace() || b == 0 => {}
            _ => return Err("a stream's ASCII85 cannot be decoded".to_string()),
        }
    }
    if group.len() > 1 {
        let n = group.len();
        group.resize(5, 84);
        out.extend_from_slice(&word(&group)?[..n - 1]);
    }
    Ok(out)
}

/// Five base-85 digits as four bytes.
fn word(digits: &[u8]) -> Result<[u8; 4], String> {
    let v = digits.iter().fold(0u64, |v, d| v * 85 + u64::from(*d));
    u32::try_from(v)
        .map(u32::to_be_bytes)
        .map_err(|_| "a stream's ASCII85 cannot be decoded".to_string())
}

/// RunLength: a length byte, then that many plus one bytes as they are
/// (0-127) or one byte repeated 257 minus it times (129-255); 128 ends.
/// Stops past `left` bytes out.
fn run_length(data: &[u8], left: u64) -> Vec<u8> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&n) = data.get(i) {
        if out.len() as u64 > left {
            break;
        }
        match n {
            0..=127 => {
                let end = data.len().min(i + 2 + usize::from(n));
                out.extend_from_slice(&data[(i + 1).min(end)..end]);
                i = end;
            }
            128 => break,
            _ => {
                let Some(&b) = data.get(i + 1) else { break };
                out.extend(std::iter::repeat_n(b, 257 - usize::from(n)));
                i += 2;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(body: &[u8], dict: &[u8]) -> Result<Vec<u8>, String> {
        let mut left = 1 << 20;
        decode(body, &chain(dict), false, &mut left)
    }

    fn deflate(data: &[u8], level: u32) -> Vec<u8> {
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(level));
        std::io::Write::write_all(&mut z, data).unwrap();
        z.finish().unwrap()
    }

    #[test]
    fn each_filter_and_its_abbreviation_decodes() {
        let jpeg = b"\xff\xd8\xff\xe1 some photo bytes \x00\x01\xfe".to_vec();
        let z = deflate(&jpeg, 6);
        let flate = decoded(&z, b"/Filter [/FlateDecode /DCTDecode]").unwrap();
        assert_eq!(flate, jpeg);
        assert_eq!(decoded(&z, b"/Filter [/Fl /DCT] /Length 3").unwrap(), jpeg);
        let hexed: String = jpeg.iter().map(|b| format!("{b:02x} ")).collect();
        let hexed = format!("{hexed}>");
        assert_eq!(
            decoded(hexed.as_bytes(), b"/Filter[/AHx/DCT]").unwrap(),
            jpeg
        );
        // Python's base64.a85encode(b'\xff\xd8\xff\xe1 some'): a short last group.
        let a85 = decoded(b"s4IA1+EMI<AH~>", b"/Filter [/A85 /DCTDecode]").unwrap();
        assert_eq!(a85, b"\xff\xd8\xff\xe1 some");
        assert_eq!(decoded(b"z~>", b"/Filter /ASCII85Decode").unwrap(), [0; 4]);
        // RunLength: 3 bytes as they are, then 0xAA four times, then the end.
        let rl = decoded(b"\x02abc\xfd\xaa\x80zz", b"/Filter /RL").unwrap();
        assert_eq!(rl, b"abc\xaa\xaa\xaa\xaa");
        // Twice over: ASCIIHex of Flate.
        let hexed: String = z.iter().map(|b| format!("{b:02X}")).collect();
        let two = decoded(hexed.as_bytes(), b"/Filter [/AHx /Fl /DCTDecode]").unwrap();
        assert_eq!(two, jpeg);
        assert!(is_image(&chain(b"/Filter [/Fl /DCT]")));
        assert!(!is_image(&chain(b"/Filter /Fl")));
    }

    #[test]
    fn filters_not_read_here_and_bombs_say_so() {
        let e = decoded(b"x", b"/Filter [/LZWDecode /DCTDecode]").unwrap_err();
        assert!(e.contains("`/LZWDecode`"), "{e}");
        let e = decoded(b"x", b"/Filter [/Crypt /DCTDecode]").unwrap_err();
        assert!(e.contains("not read here"), "{e}");
        let mut left = 1 << 20;
        let e = decode(b"x", &chain(b"/Filter /Fl"), true, &mut left).unwrap_err();
        assert!(e.contains("/Predictor"), "{e}");
        let bomb = deflate(&vec![0u8; 4 << 20], 9);
        let mut left = 1 << 20;
        let e = decode(&bomb, &chain(b"/Filter /FlateDecode"), false, &mut left).unwrap_err();
        assert!(e.contains("decode to over"), "{e}");
        let mut left = 1 << 20;
        let rl = [0x81u8, 0].repeat(1 << 14);
        assert!(decode(&rl, &chain(b"/Filter /RL"), false, &mut left).is_err());
        assert!(chain(b"/FilterX /Fl").is_empty());
    }

    #[test]
    fn any_bytes_decode_without_a_panic() {
        let mut seed = 7u64;
        for len in 0..300 {
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
                    (seed >> 33) as u8
                })
                .collect();
            for f in ["/Fl", "/AHx", "/A85", "/RL"] {
                let mut left = 1 << 16;
                let dict = format!("/Filter {f}");
                let _ = decode(&bytes, &chain(dict.as_bytes()), false, &mut left);
            }
        }
    }
}
