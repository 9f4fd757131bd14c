//! From the file's bytes to text a parser can trust: the encoding decided
//! as a browser would (byte order mark, then the XML declaration), and the
//! document type declaration checked and blanked out.

use std::borrow::Cow;

/// Decodes an SVG file. UTF-8 (with or without a byte order mark), UTF-16
/// (with a byte order mark, or starting with `<` as UTF-16), and the
/// ASCII-compatible encodings an XML declaration may name.
pub fn text(bytes: &[u8]) -> Result<Cow<'_, str>, String> {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        return strict(enc, &bytes[bom..]);
    }
    match bytes {
        [0x3C, 0x00, ..] => return strict(encoding_rs::UTF_16LE, bytes),
        [0x00, 0x3C, ..] => return strict(encoding_rs::UTF_16BE, bytes),
        _ => {}
    }
    let Some(label) = declared_encoding(bytes) else {
        return strict(encoding_rs::UTF_8, bytes);
    };
    match encoding_rs::Encoding::for_label(label.as_bytes()) {
        Some(enc) if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE => Err(format!(
            "it declares the encoding `{label}` but is not written in it (no byte order mark)"
        )),
        Some(enc) if enc == encoding_rs::REPLACEMENT => {
            Err(format!("its encoding `{label}` is not supported"))
        }
        Some(enc) => strict(enc, bytes),
        None => Err(format!("its encoding `{label}` is unknown")),
    }
}

/// Decodes without replacement characters: a malformed byte is an error,
/// never something the browser might read differently.
fn strict<'a>(
    enc: &'static encoding_rs::Encoding,
    bytes: &'a [u8],
) -> Result<Cow<'a, str>, String> {
    enc.decode_without_bom_handling_and_without_replacement(bytes)
        .ok_or_else(|| format!("it is not valid {}", enc.name()))
}

/// The `encoding="..."` of a leading `<?xml ...?>` declaration.
fn declared_encoding(bytes: &[u8]) -> Option<String> {
    let head = bytes.strip_prefix(b"<?xml")?;
    let end = head.windows(2).take(512).position(|w| w == b"?>")?;
    let decl = std::str::from_utf8(&head[..end]).ok()?;
    let at = decl.find("encoding")?;
    let rest = decl[at + "encoding".len()..]
        .trim_start()
        .strip_prefix('=')?;
    let rest = rest.trim_start();
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = &rest[1..];
    Some(value[..value.find(quote)?].trim().to_string())
}

/// The text with its `<!DOCTYPE …>` (if any) replaced by spaces, so the
/// parser never sees a DTD and line numbers stay right. A declaration with
/// an internal subset (`[ … ]`, where entities are declared) is refused:
/// entities can expand to markup the sanitiser would never see as such.
/// Returns the byte offset of the problem with the reason.
pub fn without_doctype(text: &str) -> Result<Cow<'_, str>, (usize, String)> {
    let b = text.as_bytes();
    let mut i = if text.starts_with('\u{feff}') { 3 } else { 0 };
    // The prolog: white space, comments and processing instructions.
    loop {
        while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\r' | b'\n') {
            i += 1;
        }
        let rest = &text[i..];
        let close = if rest.starts_with("<?") {
            "?>"
        } else if rest.starts_with("<!--") {
            "-->"
        } else {
            break;
        };
        match rest[2..].find(close) {
            Some(p) => i += 2 + p + close.len(),
            None => return Ok(Cow::Borrowed(text)),
        }
    }
    if !text[i..].starts_with("<!DOCTYPE") {
        return Ok(Cow::Borrowed(text));
    }
    let start = i;
    i += "<!DOCTYPE".len();
    while i < b.len() {
        match b[i] {
            q @ (b'"' | b'\'') => match b[i + 1..].iter().position(|c| *c == q) {
                Some(p) => i += p + 2,
                None => break,
            },
            b'[' => {
                return Err((
                    i,
                    "it declares a DTD with an internal subset (`<!DOCTYPE … [ … ]>`), \
                     whose entities could hide markup"
                        .to_string(),
                ));
            }
            b'>' => {
                let blank: String = text[start..=i]
                    .chars()
                    .map(|c| if c == '\n' { '\n' } else { ' ' })
                    .collect();
                return Ok(Cow::Owned(format!(
                    "{}{blank}{}",
                    &text[..start],
                    &text[i + 1..]
                )));
            }
            _ => i += 1,
        }
    }
    Err((start, "its `<!DOCTYPE` is not closed".to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(s: &str, le: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        let units = (if bom { "\u{feff}" } else { "" })
            .encode_utf16()
            .chain(s.encode_utf16());
        for u in units {
            out.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        out
    }

    #[test]
    fn encodings() {
        let svg = "<svg>é</svg>";
        assert_eq!(text(svg.as_bytes()).unwrap(), svg);
        assert_eq!(text(format!("\u{feff}{svg}").as_bytes()).unwrap(), svg);
        for (le, bom) in [(true, true), (false, true), (true, false), (false, false)] {
            assert_eq!(
                text(&utf16(svg, le, bom)).unwrap(),
                svg,
                "le={le} bom={bom}"
            );
        }
        let decl = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><svg/>";
        assert_eq!(text(&utf16(decl, true, true)).unwrap(), decl);
        let latin = b"<?xml version='1.0' encoding = 'ISO-8859-1' ?><svg>\xe9</svg>";
        assert_eq!(
            text(latin).unwrap(),
            "<?xml version='1.0' encoding = 'ISO-8859-1' ?><svg>é</svg>"
        );
    }

    #[test]
    fn refused_encodings() {
        assert_eq!(
            text(b"<svg>\xff</svg>").unwrap_err(),
            "it is not valid UTF-8"
        );
        let lie = b"<?xml version=\"1.0\" encoding=\"utf-16\"?><svg/>";
        assert!(
            text(lie)
                .unwrap_err()
                .contains("`utf-16` but is not written in it")
        );
        let unknown = b"<?xml version=\"1.0\" encoding=\"x-klingon\"?><svg/>";
        assert_eq!(
            text(unknown).unwrap_err(),
            "its encoding `x-klingon` is unknown"
        );
        let repl = b"<?xml version=\"1.0\" encoding=\"iso-2022-kr\"?><svg/>";
        assert!(text(repl).unwrap_err().contains("not supported"));
        // An unpaired surrogate in UTF-16.
        assert!(text(&[0xFF, 0xFE, 0x3C, 0x00, 0x00, 0xD8, 0x3E, 0x00]).is_err());
    }

    #[test]
    fn doctype_without_subset_is_blanked() {
        let s = "<?xml version=\"1.0\"?>\n<!-- c -->\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\"\n \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n<svg/>";
        let out = without_doctype(s).unwrap();
        assert!(!out.contains("DOCTYPE"));
        assert_eq!(out.len(), s.len());
        assert_eq!(out.lines().count(), s.lines().count());
        assert!(out.ends_with("\n<svg/>"));
        assert_eq!(without_doctype("<svg/>").unwrap(), "<svg/>");
    }

    #[test]
    fn doctype_with_subset_is_refused() {
        for s in [
            "<!DOCTYPE svg [<!ENTITY x \"<script>\">]><svg>&x;</svg>",
            "<?xml version=\"1.0\"?><!DOCTYPE svg SYSTEM \"a>b\" [ ]><svg/>",
            "<!-- <!DOCTYPE svg> --><!DOCTYPE svg [<!ENTITY x \"y\">]><svg/>",
            "\u{feff} <?pi?><!DOCTYPE svg PUBLIC 'a' 'b'[<!ENTITY x 'y'>]><svg/>",
        ] {
            let (_, why) = without_doctype(s).unwrap_err();
            assert!(why.contains("internal subset"), "{s}: {why}");
        }
        assert!(without_doctype("<!DOCTYPE svg \"open").is_err());
    }
}
