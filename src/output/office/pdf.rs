//! A PDF's active parts and author, found by reading its names the way a
//! viewer does, without a full parser: in the file itself (strings and
//! stream bodies skipped, `#xx` escapes in names decoded) and in its
//! compressed object streams (`/ObjStm`, inflated up to a cap), where a
//! modern PDF keeps most dictionaries. `/Launch` starts a program: the file
//! is refused. JavaScript, form submission and attached files are named in
//! a warning (an Acrobat form's number formatting is JavaScript too), as is
//! the `/Author` and the creators its XMP metadata names. Its images
//! behind a filter chain, its attached files (checked like a document
//! inside a document) and its XFA form are decoded and read (`inside`).

use super::{Budget, Report};
use std::io::Read;

mod actions;
mod filters;
mod inside;
mod syntax;

/// How far before `stream` its dictionary is looked for.
const DICT_REACH: usize = 4096;

/// The most all object streams inflate to together.
pub(super) const INFLATE_CAP: u64 = if cfg!(test) { 1 << 16 } else { 64 << 20 };

/// The report on the PDF `bytes`; `Err` when a file attached to it cannot
/// be checked (as for a document inside an office document).
pub fn inspect(bytes: &[u8]) -> Result<Report, String> {
    inspect_at(bytes, &mut Budget::whole(), 0)
}

/// The report on the PDF `bytes`, nested `depth` deep (attached to a PDF
/// attached to one), read on `budget`.
pub fn inspect_at(bytes: &[u8], budget: &mut Budget, depth: usize) -> Result<Report, String> {
    let mut report = Report::default();
    let mut found = Found {
        left: budget.streams,
        ..Found::default()
    };
    let (streams, others) = scan(bytes, &mut found, true);
    let objects = object_streams(streams, &mut found);
    inside::check(
        &others,
        bytes,
        &objects,
        &mut found,
        &mut report,
        budget,
        depth,
    )?;
    budget.streams = found.left;
    match actions::unasked(bytes, &objects) {
        Ok(fetched) => {
            for (kind, target) in fetched {
                super::place(&mut report, &kind, &target);
            }
        }
        Err(why) => found.unread = found.unread.or(Some(why)),
    }
    if found.launch {
        report
            .macros
            .push("a `/Launch` action (starts a program)".to_string());
    }
    if found.located > 0 {
        let n = found.located;
        let s = if n == 1 { "" } else { "s" };
        report.located.push(format!("{n} JPEG image{s}"));
    }
    report.active.extend(found.active());
    report.unchecked = report.unchecked.take().or(found.unread);
    for a in &found.authors {
        super::person(&mut report, Some(a));
    }
    Ok(report)
}

/// The object streams, inflated, on `found`'s budget.
fn object_streams(streams: Vec<(Vec<u8>, &[u8])>, found: &mut Found) -> Vec<(Vec<u8>, Vec<u8>)> {
    let mut objects: Vec<(Vec<u8>, Vec<u8>)> = Vec::new();
    for (dict, body) in streams {
        let left = found.left;
        // An object stream stored as it is is read as it is; one filtered
        // otherwise than by deflate alone cannot be read here.
        let plain = !contains(&dict, b"/Filter");
        let predicted = actions::integer_after(&dict, b"/Predictor").is_some_and(|p| p > 1);
        if !plain && (!contains(&dict, b"/FlateDecode") || predicted) {
            found.unread = Some("an object stream is encoded in a way not read here (a filter other than `/FlateDecode`, or a `/Predictor`)".to_string());
            continue;
        }
        let mut inflated = Vec::new();
        let read = if plain {
            body.take(left + 1).read_to_end(&mut inflated)
        } else {
            flate2::read::ZlibDecoder::new(body)
                .take(left + 1)
                .read_to_end(&mut inflated)
        };
        match read {
            Ok(n) if n as u64 <= left => {}
            Ok(_) => {
                found.unread = Some(format!(
                    "its object streams inflate to over {} MB",
                    INFLATE_CAP >> 20
                ));
                break;
            }
            Err(_) => {
                found.unread = Some("an object stream cannot be inflated".to_string());
                continue;
            }
        }
        found.left = left - inflated.len() as u64;
        scan(&inflated, found, false);
        objects.push((dict, inflated));
    }
    objects
}

#[derive(Default)]
struct Found {
    launch: bool,
    javascript: bool,
    submit: bool,
    attached: bool,
    encrypted: bool,
    /// The `/Author`, then the XMP metadata's creators.
    authors: Vec<String>,
    unread: Option<String>,
    /// JPEG images whose EXIF says where they were taken.
    located: usize,
    /// An XFA form (`/AcroForm /XFA`), which Acrobat runs as a program.
    xfa: bool,
    /// What is left to decode of its streams.
    left: u64,
}

impl Found {
    /// What the warning names, in a fixed order.
    fn active(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.javascript {
            out.push("JavaScript".to_string());
        }
        if self.submit {
            out.push("a form that sends its fields to an address".to_string());
        }
        if self.attached {
            out.push("attached files".to_string());
        }
        if self.xfa {
            out.push("an XFA form (`/XFA`)".to_string());
        }
        out
    }
}

/// The object streams of a file: their dictionary and body.
type ObjectStreams<'a> = Vec<(Vec<u8>, &'a [u8])>;

/// Reads the names in `bytes` into `found`; with `top`, also returns the
/// object streams (their dictionary and body, after `stream`) and the
/// other streams.
fn scan<'a>(
    bytes: &'a [u8],
    found: &mut Found,
    top: bool,
) -> (ObjectStreams<'a>, Vec<inside::Stream<'a>>) {
    let mut streams = Vec::new();
    let mut others = Vec::new();
    let mut i = 0;
    // Where the latest dictionary opened: a stream's is the one before it.
    let mut dict_at = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => i = skip_line(bytes, i),
            b'(' => i = literal(bytes, i).0,
            b'<' if bytes.get(i + 1) == Some(&b'<') => {
                dict_at = i;
                i += 2;
            }
            b'/' => {
                let (name, end) = name(bytes, i + 1);
                i = end;
                match name.as_slice() {
                    b"Launch" => found.launch = true,
                    b"JavaScript" | b"JS" => found.javascript = true,
                    b"SubmitForm" => found.submit = true,
                    b"EmbeddedFile" | b"EmbeddedFiles" => found.attached = true,
                    b"Encrypt" => found.encrypted = true,
                    b"Author" => found.authors.extend(string_at(bytes, i)),
                    b"XFA" => found.xfa = true,
                    _ => {}
                }
            }
            b's' if bytes[i..].starts_with(b"stream") && top => {
                // A stream's dictionary is short: looking further back would
                // make a file of many streams after one `<<` quadratic.
                // From its `obj`, not from the latest `<<`: a nested
                // `/DecodeParms << >>` would hide `/ObjStm` before it.
                let from = i.saturating_sub(DICT_REACH);
                let obj = memchr::memmem::rfind(&bytes[from..i], b"obj");
                let dict = match obj {
                    Some(o) => &bytes[from + o..i],
                    None => &bytes[dict_at.max(from)..i],
                };
                let number = obj.and_then(|o| actions::object_number(&bytes[..from + o]));
                let start = body_start(bytes, i + b"stream".len());
                let end = memchr::memmem::find(&bytes[start..], b"endstream")
                    .map_or(bytes.len(), |e| start + e);
                // Its names as a viewer reads them (`/Obj#53tm`).
                let raw = dict;
                let dict = unescaped(dict);
                if !contains(&dict, b"/ObjStm") {
                    others.push(inside::Stream {
                        number,
                        dict: raw,
                        body: &bytes[start..end],
                    });
                }
                if contains(&dict, b"/ObjStm") {
                    streams.push((dict.into_owned(), &bytes[start..end]));
                } else if contains(&dict, b"/Metadata") && !contains(&dict, b"/Filter") {
                    found.authors.extend(xmp_creators(&bytes[start..end]));
                } else if bytes[start..end].starts_with(&[0xFF, 0xD8, 0xFF]) {
                    // A JPEG stored whole (`/DCTDecode`, as img2pdf and
                    // scanning apps store a photo): its EXIF too.
                    found.located += usize::from(located(&bytes[start..end]));
                }
                i = end + b"endstream".len();
            }
            _ => i += 1,
        }
    }
    if found.encrypted && found.unread.is_none() {
        found.unread = Some("it is encrypted".to_string());
    }
    (streams, others)
}

/// Whether the JPEG `jpeg` records where it was taken.
fn located(jpeg: &[u8]) -> bool {
    use crate::output::image_metadata::{Outcome, strip};
    matches!(
        strip("jpg", jpeg),
        Outcome::Stripped { location: true, .. } | Outcome::Unreadable { .. }
    )
}

/// The creators an XMP packet names (`<dc:creator><rdf:Seq><rdf:li>…`),
/// as Word and Acrobat write it, uncompressed.
fn xmp_creators(xmp: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(xmp);
    let Some((_, rest)) = text.split_once("<dc:creator") else {
        return Vec::new();
    };
    let inside = rest.split("</dc:creator>").next().unwrap_or("");
    inside
        .split("<rdf:li")
        .skip(1)
        .filter_map(|li| li.split_once('>').map(|(_, t)| t))
        .map(|t| t.split('<').next().unwrap_or(""))
        .map(|t| {
            t.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&")
        })
        .collect()
}

/// `bytes` with each `#xx` escape of a name decoded.
fn unescaped(bytes: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    if !bytes.contains(&b'#') {
        return std::borrow::Cow::Borrowed(bytes);
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |j: usize| bytes.get(j).and_then(|c| (*c as char).to_digit(16));
        match (bytes[i], hex(i + 1), hex(i + 2)) {
            (b'#', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (b, ..) => {
                out.push(b);
                i += 1;
            }
        }
    }
    std::borrow::Cow::Owned(out)
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    memchr::memmem::find(hay, needle).is_some()
}

fn skip_line(bytes: &[u8], i: usize) -> usize {
    memchr::memchr2(b'\n', b'\r', &bytes[i..]).map_or(bytes.len(), |e| i + e + 1)
}

/// Where a stream's bytes start: after `stream` and its end of line.
fn body_start(bytes: &[u8], mut i: usize) -> usize {
    if bytes.get(i) == Some(&b'\r') {
        i += 1;
    }
    if bytes.get(i) == Some(&b'\n') {
        i += 1;
    }
    i.min(bytes.len())
}

/// A name starting at `i` (after its `/`), `#xx` escapes decoded, and
/// where it ends.
fn name(bytes: &[u8], mut i: usize) -> (Vec<u8>, usize) {
    let mut out = Vec::new();
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii_whitespace() || b"()<>[]{}/%".contains(&b) || b == 0 {
            break;
        }
        let hex = |j: usize| bytes.get(j).and_then(|c| (*c as char).to_digit(16));
        match (b, hex(i + 1), hex(i + 2)) {
            (b'#', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    (out, i)
}

/// A literal string `(...)` at `i`: where it ends, and its bytes.
fn literal(bytes: &[u8], mut i: usize) -> (usize, Vec<u8>) {
    let mut depth = 0;
    let mut out = Vec::new();
    while let Some(&b) = bytes.get(i) {
        i += 1;
        match b {
            b'\\' => {
                let e = bytes.get(i).copied().unwrap_or(b'\\');
                i += 1;
                out.push(match e {
                    b'n' => b'\n',
                    b'r' => b'\r',
                    b't' => b'\t',
                    b'b' => 8,
                    b'f' => 12,
                    b'0'..=b'7' => {
                        let mut v = u32::from(e - b'0');
                        for _ in 0..2 {
                            match bytes.get(i) {
                                Some(d @ b'0'..=b'7') => {
                                    v = v * 8 + u32::from(d - b'0');
                                    i += 1;
                                }
                                _ => break,
                            }
                        }
                        v as u8
                    }
                    other => other,
                });
            }
            b'(' => {
                if depth > 0 {
                    out.push(b);
                }
                depth += 1;
            }
            b')' => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
                out.push(b);
            }
            _ => out.push(b),
        }
    }
    (i, out)
}

/// The text string (literal or hex) that follows a key at `i`, decoded:
/// UTF-16 with its byte-order mark, else one byte a character.
fn string_at(bytes: &[u8], mut i: usize) -> Option<String> {
    while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
        i += 1;
    }
    let raw = match bytes.get(i)? {
        b'(' => literal(bytes, i).1,
        b'<' if bytes.get(i + 1) != Some(&b'<') => {
            let end = i + memchr::memchr(b'>', &bytes[i..])?;
            let digits: Vec<u32> = bytes[i + 1..end]
                .iter()
                .filter_map(|c| (*c as char).to_digit(16))
                .collect();
            digits
                .chunks(2)
                .map(|p| (p[0] * 16 + p.get(1).copied().unwrap_or(0)) as u8)
                .collect()
        }
        _ => return None,
    };
    Some(crate::text::pdf_text(&raw))
}

#[cfg(test)]
mod tests;
