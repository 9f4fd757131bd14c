//! What both XLIFF versions share: reading the file's text in its
//! encoding, parsing it with bounds, and the text conventions of export.

use crate::translate::catalog::{Outgoing, ReadError};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};
use std::io;

/// The note (`from` in 1.2, `category` in 2.0) that records the
/// translation as exported; CAT tools keep notes as they are.
pub(super) const EXPORTED: &str = "fieldguide-exported";

/// Most XML nodes a file may have. An export has one per 30 bytes or so,
/// so a file under the size limit stays well below; without a limit,
/// 16 MB of `<a/>` would take 600 MB of memory.
pub(super) const MAX_NODES: u32 = 1_000_000;

/// The 1-based line of byte `at` in `text`.
pub(super) fn line_of(text: &str, at: usize) -> usize {
    text.as_bytes()[..at]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Characters XML 1.0 cannot hold.
pub(super) fn xml_safe(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => c,
            c if (c as u32) < 0x20 || matches!(c, '\u{FFFE}' | '\u{FFFF}') => '\u{FFFD}',
            c => c,
        })
        .collect()
}

/// The file's text: UTF-8, or UTF-16 with a byte-order mark (as some
/// Windows tools save XLIFF).
pub(super) fn decode(bytes: &[u8]) -> Result<std::borrow::Cow<'_, str>, Vec<ReadError>> {
    if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(bytes)
        && encoding != encoding_rs::UTF_8
    {
        let (text, _, bad) = encoding.decode(bytes);
        if bad {
            return Err(vec![(
                1,
                format!(
                    "the file is not valid {} text: save it as UTF-8",
                    encoding.name()
                ),
            )]);
        }
        // The declaration still says UTF-16; the text is no longer that.
        return Ok(std::borrow::Cow::Owned(text.into_owned()));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let e = match std::str::from_utf8(bytes) {
        Ok(text) => return Ok(std::borrow::Cow::Borrowed(text)),
        Err(e) => e,
    };
    // Not UTF-8: the encoding the XML declaration names (`<?xml …
    // encoding="ISO-8859-1"?>`), as an XML parser reads it.
    let declared = declared_encoding(bytes).filter(|enc| *enc != encoding_rs::UTF_8);
    if let Some(encoding) = declared
        && let (text, _, false) = encoding.decode(bytes)
    {
        return Ok(std::borrow::Cow::Owned(text.into_owned()));
    }
    Err(vec![(
        line_of(&String::from_utf8_lossy(&bytes[..e.valid_up_to()]), e.valid_up_to()),
        "the file is neither UTF-8, UTF-16 with a byte-order mark, nor in the encoding its XML declaration names: save it as UTF-8"
            .to_string(),
    )])
}

/// The encoding an ASCII XML declaration names, if it is one we know.
fn declared_encoding(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(200)];
    let decl = head.strip_prefix(b"<?xml")?;
    let decl = &decl[..decl.windows(2).position(|w| w == b"?>")?];
    let at = decl.windows(8).position(|w| w == b"encoding")? + 8;
    let rest = &decl[at..];
    let rest = &rest[rest.iter().position(|&b| b == b'"' || b == b'\'')? + 1..];
    let label = &rest[..rest.iter().position(|&b| b == b'"' || b == b'\'')?];
    encoding_rs::Encoding::for_label(label).filter(|e| e.is_ascii_compatible())
}

/// The XML, parsed with a bound on its size and no DTD.
pub(super) fn parse(text: &str) -> Result<roxmltree::Document<'_>, Vec<ReadError>> {
    if let Some(at) = crate::xml_bounds::crowded_tag(text) {
        let max = crate::xml_bounds::MAX_ATTRIBUTES;
        return Err(vec![(
            line_of(text, at),
            format!(
                "an element has more than {max} attributes, far more than an exported publication: the file is refused"
            ),
        )]);
    }
    let options = roxmltree::ParsingOptions {
        nodes_limit: MAX_NODES,
        ..roxmltree::ParsingOptions::default()
    };
    roxmltree::Document::parse_with_options(text, options).map_err(|e| {
        vec![match e {
            // roxmltree gives no position for these; the DTD's is cheap to find.
            roxmltree::Error::DtdDetected => (
                line_of(text, text.find("<!DOCTYPE").unwrap_or(0)),
                "the file has a DTD (<!DOCTYPE …>), which fieldguide does not read (it can expand entities without bound): remove it".into(),
            ),
            // roxmltree puts these at the start of the file, where nothing
            // is wrong: the file stops before its XML is complete.
            roxmltree::Error::UnexpectedEndOfStream | roxmltree::Error::UnclosedRootNode => (
                line_of(text, text.len()),
                "the file ends before its XML is complete (its last elements are not closed): it seems cut short, in sending or saving; send or save it again from the translation tool".into(),
            ),
            roxmltree::Error::NodesLimitReached => (
                1,
                format!("the file has more than {MAX_NODES} XML elements and texts, far more than an exported publication: it is refused"),
            ),
            e => (e.pos().row as usize, format!("not well-formed XLIFF: {e}")),
        }]
    })
}

/// The one child of `parent` named `name` (by local name), if any; `Err`
/// when it has two: the schema allows one, and tools differ on which one
/// they show, so a reviewer could read another translation than the one
/// imported.
pub(super) fn only_child<'a, 'i>(
    parent: roxmltree::Node<'a, 'i>,
    name: &str,
) -> Result<Option<roxmltree::Node<'a, 'i>>, String> {
    let mut found = parent
        .children()
        .filter(|c| c.is_element() && c.tag_name().name() == name);
    let first = found.next();
    match found.next() {
        Some(_) => Err(format!(
            "two <{name}> elements where one is allowed: translation tools differ on which one they show, so what a reviewer read may not be what would be imported; keep one"
        )),
        None => Ok(first),
    }
}

/// A target as a tool that pretty-prints XML writes it: a line break and
/// indentation before the text (and after it) belong to the layout, not to
/// the translation.
pub(super) fn pretty_printed(text: &str) -> String {
    let t = text.trim_start_matches([' ', '\t']);
    if t.starts_with('\n') || t.starts_with("\r\n") {
        text.trim().to_string()
    } else {
        text.to_string()
    }
}

/// An XML document in UTF-8, indented, its root written by `root`.
pub(super) fn document(root: impl FnOnce(&mut Writer<Vec<u8>>) -> io::Result<()>) -> Vec<u8> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    let result = w
        .write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
        .and_then(|()| root(&mut w));
    // Writing into memory cannot fail.
    debug_assert!(result.is_ok());
    let mut out = w.into_inner();
    out.push(b'\n');
    out
}

/// A unit's notes: fieldguide's (its page, what to keep, where its source
/// is), the translation as exported, and a fuzzy unit's earlier source.
/// `(kind, about)` name a note's kind and what it is about: `from` and
/// `annotates` in XLIFF 1.2, `category` and `appliesTo` in 2.
pub(super) fn notes(
    w: &mut Writer<Vec<u8>>,
    o: &Outgoing,
    (kind, about): (&str, &str),
) -> io::Result<()> {
    let u = o.unit;
    let mut text = u.notes.join("\n");
    text.push_str(&format!("\nSource: {}", o.reference));
    w.create_element("note")
        .with_attribute((kind, "fieldguide"))
        .write_text_content(BytesText::new(&xml_safe(&text)))?;
    w.create_element("note")
        .with_attribute((kind, EXPORTED))
        .write_text_content(BytesText::new(&format!(
            "fieldguide: exported translation {}",
            o.exported
        )))?;
    if let Some(prev) = &u.previous {
        w.create_element("note")
            .with_attributes([(kind, "previous-source"), (about, "source")])
            .write_text_content(BytesText::new(&xml_safe(&format!(
                "Previous source: {prev}"
            ))))?;
    }
    Ok(())
}

/// What both versions' tests write: three units, translated, fuzzy and
/// untranslated, with text XML must escape and Arabic.
#[cfg(test)]
pub(super) mod samples {
    use crate::translate::catalog::{Header, Outgoing, fingerprint};
    use crate::translate::segments::Kind;
    use crate::translate::units::{State, Unit};

    pub fn header() -> Header {
        Header {
            publication: "pocket-guide".into(),
            source_lang: "en".into(),
            lang: "ar".into(),
            ..Header::default()
        }
    }

    pub fn units(keys: [&str; 3]) -> Vec<Unit> {
        let states = [
            (State::Translated, "نص  عربي"),
            (State::Fuzzy, "قديم"),
            (State::Untranslated, ""),
        ];
        keys.iter()
            .zip(states)
            .map(|(key, (state, tr))| Unit {
                key: key.to_string(),
                kind: Kind::Paragraph,
                source: "A <b> & \"c\"\nline two".into(),
                translation: tr.into(),
                state,
                previous: (state == State::Fuzzy).then(|| "Old".into()),
                notes: vec!["Page: P".into()],
                source_line: 1,
            })
            .collect()
    }

    pub fn outgoing(units: &[Unit]) -> Vec<Outgoing<'_>> {
        units
            .iter()
            .map(|u| Outgoing {
                unit: u,
                reference: "guidance/p/01-a.en.md:1".into(),
                exported: fingerprint(&u.translation),
            })
            .collect()
    }
}
