//! What a PDF's streams hold once decoded: a photo behind a filter chain
//! (`[/FlateDecode /DCTDecode]`, which `pdfimages -j` gives back whole,
//! EXIF included), a file attached to it (`/EmbeddedFiles`, stored
//! compressed), checked like a document inside a document, its XMP
//! metadata compressed, and an XFA form's packets (`/AcroForm /XFA`).

use super::actions::{Reader, keys};
use super::syntax::{Value, elements, entries, value};
use super::{Found, contains, filters, unescaped};
use crate::output::office::{Budget, Report, embedded};
use std::collections::{HashMap, HashSet};

/// A stream of the file that is no object stream.
pub struct Stream<'a> {
    /// Its object number, when `N G obj` comes before it.
    pub number: Option<u32>,
    /// From its `obj` to `stream`, as written.
    pub dict: &'a [u8],
    pub body: &'a [u8],
}

/// The streams that other objects name as attached files (by object
/// number, with the file's name) and as XFA packets.
#[derive(Default)]
struct Named {
    attached: HashMap<u32, String>,
    xfa: HashSet<u32>,
}

/// Checks the streams that hold a photo, an attached file, compressed
/// metadata or an XFA form, each decoded up to `left` bytes in all; `depth`
/// is the PDF's own nesting (a PDF attached to a PDF is one deeper).
pub fn check(
    streams: &[Stream],
    file: &[u8],
    objects: &[(Vec<u8>, Vec<u8>)],
    found: &mut Found,
    report: &mut Report,
    budget: &mut Budget,
    depth: usize,
) -> Result<(), String> {
    let named = named(file, objects);
    for s in streams {
        let dict = unescaped(s.dict);
        let chain = filters::chain(&dict);
        let number = s.number.unwrap_or(u32::MAX);
        let attached = named
            .attached
            .get(&number)
            .cloned()
            .or_else(|| contains(&dict, b"/EmbeddedFile").then(|| "(no name)".to_string()));
        let xfa = named.xfa.contains(&number);
        let metadata = contains(&dict, b"/Metadata") && !chain.is_empty();
        // A photo stored as it is (`/DCTDecode` alone) is read by `scan`.
        let photo = filters::is_image(&chain) && chain.len() > 1;
        if attached.is_none() && !xfa && !metadata && !photo {
            continue;
        }
        let predicted = super::actions::integer_after(&dict, b"/Predictor").is_some_and(|p| p > 1);
        let data = match filters::decode(s.body, &chain, predicted, &mut found.left) {
            Ok(d) => d,
            Err(why) => {
                let why = match &attached {
                    Some(name) => format!("`{name}`, a file attached to it: {why}"),
                    None => why,
                };
                found.unread = found.unread.take().or(Some(why));
                continue;
            }
        };
        if photo && data.starts_with(&[0xFF, 0xD8, 0xFF]) {
            found.located += usize::from(super::located(&data));
        }
        if metadata {
            found.authors.extend(super::xmp_creators(&data));
            if crate::output::image_metadata::records_place(&data) {
                report
                    .located
                    .push("its XMP metadata, which names a place".to_string());
            }
        }
        if xfa {
            xfa_packet(&data, found, report);
        }
        if let Some(name) = attached {
            attachment(&data, &name, report, budget, depth)?;
        }
    }
    Ok(())
}

/// Adds what the file attached as `name` holds to `report`: a document
/// inside a document, or a photo.
fn attachment(
    data: &[u8],
    name: &str,
    report: &mut Report,
    budget: &mut Budget,
    depth: usize,
) -> Result<(), String> {
    let label = format!("`{name}`, a file attached to it");
    let inner = embedded::document(data, &label, budget, depth)?;
    if embedded::is_document(data) {
        embedded::merge(report, inner, name);
    } else {
        report.located.extend(inner.located);
    }
    Ok(())
}

/// The objects the file's `/EF` entries (an attached file's streams) and
/// its `/XFA` entry name, in the file and in its object streams.
fn named(file: &[u8], objects: &[(Vec<u8>, Vec<u8>)]) -> Named {
    let reader = Reader::new(file, objects);
    let mut named = Named::default();
    for bytes in std::iter::once(file).chain(objects.iter().map(|(_, s)| &s[..])) {
        for (key, at) in keys(bytes, &[b"EF", b"XFA"]) {
            let v = value(bytes, at).0;
            if key == b"XFA" {
                refs(&reader, v, &mut |n| {
                    named.xfa.insert(n);
                });
                continue;
            }
            let name = file_name(&reader, bytes, at).unwrap_or_else(|| "(no name)".to_string());
            refs(&reader, v, &mut |n| {
                named.attached.insert(n, name.clone());
            });
        }
    }
    named
}

/// The object numbers `v` refers to: itself, or those in its dictionary or
/// array (an `/EF << /F 5 0 R >>`, an `/XFA [(template) 6 0 R]`), also
/// when that dictionary or array is an object of its own.
fn refs(reader: &Reader, v: Value, add: &mut impl FnMut(u32)) {
    let values = match v {
        Value::Ref(n) => {
            add(n);
            reader.values(n)
        }
        v => vec![v],
    };
    for v in values {
        let inner = match v {
            Value::Dict(d) => entries(d).into_iter().map(|(_, v)| v).collect(),
            Value::Array(a) => elements(a),
            _ => Vec::new(),
        };
        for v in inner {
            if let Value::Ref(n) = v {
                add(n);
            }
        }
    }
}

/// The name (`/UF`, else `/F`) of the file specification holding the
/// `/EF` whose value starts at `at`: the dictionary open around it.
fn file_name(reader: &Reader, bytes: &[u8], at: usize) -> Option<String> {
    let start = enclosing(bytes, at)?;
    let (Value::Dict(d), _) = value(bytes, start) else {
        return None;
    };
    let e = entries(d);
    [&b"UF"[..], b"F"]
        .iter()
        .find_map(|k| e.iter().find(|(key, _)| key == k))
        .and_then(|(_, v)| reader.text(v.clone()))
}

/// Where the dictionary around `at` opens: the nearest `<<` before it not
/// closed before it, looked for at most 4 KB back.
fn enclosing(bytes: &[u8], at: usize) -> Option<usize> {
    let from = at.saturating_sub(4096);
    let mut depth = 0usize;
    let mut i = at;
    while i >= from + 2 {
        match &bytes[i - 2..i] {
            b">>" => {
                depth += 1;
                i -= 2;
            }
            b"<<" if depth == 0 => return Some(i - 2),
            b"<<" => {
                depth -= 1;
                i -= 2;
            }
            _ => i -= 1,
        }
    }
    None
}

/// The user's own acts in an XFA form: a `<submit>` on one of these sends
/// the fields when the reader asks (a button), on any other event
/// (`initialize`, `docReady`) unasked.
const ASKED: &[&str] = &[
    "click",
    "mouseDown",
    "mouseUp",
    "change",
    "full",
    "enter",
    "exit",
];

/// An XFA packet: scripts and submissions named, a submission on opening
/// refused (as a `/SubmitForm` open action is).
fn xfa_packet(data: &[u8], found: &mut Found, report: &mut Report) {
    found.xfa = true;
    let text = String::from_utf8_lossy(data);
    if text.contains("<script") {
        found.javascript = true;
    }
    if text.contains("<connectionSet") {
        found.submit = true;
    }
    for (at, _) in text.match_indices("<submit") {
        let tag = &text[at..];
        let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
        let activity = text[..at]
            .rfind("<event")
            .and_then(|e| attr(&text[e..at], "activity"))
            .unwrap_or_default();
        match attr(tag, "target") {
            Some(target) if !ASKED.contains(&activity.as_str()) => {
                let kind = format!("an XFA form's `<submit>` run on `{activity}`");
                super::super::place(report, &kind, &target);
            }
            _ => found.submit = true,
        }
    }
}

/// The value of the attribute `name` in the tag `tag` (quoted either way).
fn attr(tag: &str, name: &str) -> Option<String> {
    let mut from = 0;
    while let Some(at) = tag[from..].find(name).map(|a| from + a) {
        from = at + name.len();
        let before = tag[..at].chars().last();
        let rest = tag[from..].trim_start();
        if before.is_some_and(char::is_whitespace)
            && let Some(rest) = rest.strip_prefix('=')
        {
            let rest = rest.trim_start();
            let quote = rest.chars().next()?;
            if quote != '"' && quote != '\'' {
                return None;
            }
            let rest = &rest[1..];
            return Some(rest[..rest.find(quote)?].to_string());
        }
    }
    None
}
