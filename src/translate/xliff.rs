//! XLIFF 1.2, the version CAT tools (Trados, memoQ, OmegaT) read best:
//! one `trans-unit` per segment, its `id` the segment's key. A fuzzy unit's
//! target has `state="needs-review-translation"` and the earlier source in
//! a note. Right-to-left text is stored as it is, with no direction marks.
//!
//! Written with quick-xml; read with roxmltree, which refuses DTDs (and so
//! entity expansion) by default.

use super::catalog::{Catalog, Header, Incoming, Outgoing, ReadError};
use super::units::State;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};
use std::io;

const NS: &str = "urn:oasis:names:tc:xliff:document:1.2";

/// The `from` of the note that records the translation as exported; CAT
/// tools keep notes as they are.
const EXPORTED: &str = "fieldguide-exported";

/// Most XML nodes a file may have. An export has one per 30 bytes or so,
/// so a file under the size limit stays well below; without a limit,
/// 16 MB of `<a/>` would take 600 MB of memory.
const MAX_NODES: u32 = 1_000_000;

/// The 1-based line of byte `at` in `text`.
fn line_of(text: &str, at: usize) -> usize {
    text.as_bytes()[..at]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Characters XML 1.0 cannot hold.
fn xml_safe(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => c,
            c if (c as u32) < 0x20 || matches!(c, '\u{FFFE}' | '\u{FFFF}') => '\u{FFFD}',
            c => c,
        })
        .collect()
}

pub fn write(h: &Header, units: &[Outgoing]) -> Vec<u8> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    let result: io::Result<()> = (|| {
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        w.create_element("xliff")
            .with_attributes([("version", "1.2"), ("xmlns", NS)])
            .write_inner_content(|w| {
                w.create_element("file")
                    .with_attributes([
                        ("original", h.publication.as_str()),
                        ("source-language", h.source_lang.as_str()),
                        ("target-language", h.lang.as_str()),
                        ("datatype", "plaintext"),
                    ])
                    .write_inner_content(|w| {
                        w.create_element("header").write_inner_content(|w| {
                            let note = format!("fieldguide: publication \"{}\". Translate each target; keep Markdown marks, link targets and {{#ids}} as in the source. A target marked needs-review-translation was made for an earlier source, shown in its note.", h.publication);
                            w.create_element("note")
                                .write_text_content(BytesText::new(&note))?;
                            Ok(())
                        })?;
                        w.create_element("body").write_inner_content(|w| {
                            for o in units {
                                unit(w, o)?;
                            }
                            Ok(())
                        })?;
                        Ok(())
                    })?;
                Ok(())
            })?;
        Ok(())
    })();
    // Writing into memory cannot fail.
    debug_assert!(result.is_ok());
    let mut out = w.into_inner();
    out.push(b'\n');
    out
}

fn unit(w: &mut Writer<Vec<u8>>, o: &Outgoing) -> io::Result<()> {
    let u = o.unit;
    w.create_element("trans-unit")
        .with_attributes([("id", u.key.as_str()), ("xml:space", "preserve")])
        .write_inner_content(|w| {
            w.create_element("source")
                .write_text_content(BytesText::new(&xml_safe(&u.source)))?;
            let state = match u.state {
                State::Translated => Some("translated"),
                State::Fuzzy => Some("needs-review-translation"),
                State::Untranslated => None,
            };
            if let Some(state) = state {
                w.create_element("target")
                    .with_attribute(("state", state))
                    .write_text_content(BytesText::new(&xml_safe(&u.translation)))?;
            }
            let mut notes = u.notes.join("\n");
            notes.push_str(&format!("\nSource: {}", o.reference));
            w.create_element("note")
                .with_attribute(("from", "fieldguide"))
                .write_text_content(BytesText::new(&xml_safe(&notes)))?;
            w.create_element("note")
                .with_attribute(("from", EXPORTED))
                .write_text_content(BytesText::new(&format!(
                    "fieldguide: exported translation {}",
                    o.exported
                )))?;
            if let Some(prev) = &u.previous {
                w.create_element("note")
                    .with_attributes([("from", "previous-source"), ("annotates", "source")])
                    .write_text_content(BytesText::new(&xml_safe(&format!(
                        "Previous source: {prev}"
                    ))))?;
            }
            Ok(())
        })?;
    Ok(())
}

/// The file's text: UTF-8, or UTF-16 with a byte-order mark (as some
/// Windows tools save XLIFF).
fn decode(bytes: &[u8]) -> Result<std::borrow::Cow<'_, str>, Vec<ReadError>> {
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
fn parse(text: &str) -> Result<roxmltree::Document<'_>, Vec<ReadError>> {
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

pub fn read(bytes: &[u8]) -> Result<Catalog, Vec<ReadError>> {
    let text = decode(bytes)?;
    let text: &str = &text;
    let doc = parse(text)?;
    let root = doc.root_element();
    let line = |n: roxmltree::Node| doc.text_pos_at(n.range().start).row as usize;
    if root.tag_name().name() != "xliff" || root.attribute("version") != Some("1.2") {
        return Err(vec![(line(root), not_1_2(root))]);
    }
    let files: Vec<_> = root
        .children()
        .filter(|n| n.has_tag_name((NS, "file")) || n.has_tag_name("file"))
        .collect();
    let [file] = files.as_slice() else {
        return Err(vec![(
            1,
            format!("expected one <file> element, found {}", files.len()),
        )]);
    };
    let header = Header {
        publication: file.attribute("original").unwrap_or("").to_string(),
        source_lang: file.attribute("source-language").unwrap_or("").to_string(),
        lang: file.attribute("target-language").unwrap_or("").to_string(),
        lang_line: line(*file),
        publication_line: line(*file),
        ..Header::default()
    };
    let mut entries = Vec::new();
    for u in file
        .descendants()
        .filter(|n| n.tag_name().name() == "trans-unit")
    {
        let id = u.attribute("id").unwrap_or("").to_string();
        let child = |name: &str| u.children().find(|c| c.tag_name().name() == name);
        let source = child("source").map(plain).transpose();
        let target = child("target").map(plain).transpose();
        // A unit that cannot be read refuses its page, not the file.
        let (source, target, problem) = match (source, target) {
            (Ok(s), Ok(t)) => (s.unwrap_or_default(), t, None),
            (Err(m), _) | (_, Err(m)) => (String::new(), None, Some(m)),
        };
        let state = child("target")
            .and_then(|t| t.attribute("state"))
            .unwrap_or("");
        let exported = u
            .children()
            .find(|c| c.tag_name().name() == "note" && c.attribute("from") == Some(EXPORTED))
            .and_then(|n| n.text()?.split_whitespace().last().map(String::from));
        let place = format!("unit \"{id}\"");
        // A target a CAT tool pre-filled (often with the source) and nobody
        // translated yet: `new` in XLIFF 1.2, like `needs-translation`.
        let target = match state {
            "new" | "needs-translation" => None,
            _ => target,
        };
        let mut entry = Incoming::new(
            id,
            source,
            pretty_printed(&target.unwrap_or_default()),
            line(u),
            place,
        );
        entry.fuzzy = state.starts_with("needs-") && state != "needs-translation";
        entry.exported = exported;
        entry.problem = problem;
        entries.push(entry);
    }
    Ok(Catalog {
        header,
        entries,
        ..Catalog::default()
    })
}

/// Why a file whose root is not `<xliff version="1.2">` is refused, and
/// what to do: a CAT tool may save another version (XLIFF 2.0) when asked
/// for "XLIFF" without one.
fn not_1_2(root: roxmltree::Node) -> String {
    let save = "save the translated file from the translation tool as XLIFF 1.2, the version `fieldguide translate export` wrote (most tools return a file in the format it came in), then import it";
    match (root.tag_name().name(), root.attribute("version")) {
        ("xliff", Some(v)) => format!("an XLIFF {v} file: fieldguide reads XLIFF 1.2; {save}"),
        ("xliff", None) => {
            format!("the <xliff> element names no version: fieldguide reads XLIFF 1.2; {save}")
        }
        (other, _) => format!(
            "not an XLIFF file (its root element is <{other}>, not <xliff version=\"1.2\">); {save}"
        ),
    }
}

/// The text of a `<source>` or `<target>`: its text, with the segment
/// markers CAT tools wrap it in (`<mrk mtype="seg">`, as memoQ and Trados
/// write) read as the text they hold. Any other inline tag is refused: it
/// stands for formatting fieldguide cannot place in Markdown.
fn plain(n: roxmltree::Node) -> Result<String, String> {
    let mut out = String::new();
    for c in n.children() {
        if let Some(t) = c.text().filter(|_| c.is_text()) {
            out.push_str(t);
        } else if c.tag_name().name() == "mrk" && c.attribute("mtype") == Some("seg") {
            out.push_str(&plain(c)?);
        } else if c.is_element() {
            // A marker other than a segment's (a Trados comment, a tracked
            // change) is named with its type: `<mrk>` alone reads as the
            // kind that is accepted.
            let tag = match c.attribute("mtype") {
                Some(t) => format!("{} mtype=\"{t}\"", c.tag_name().name()),
                None => c.tag_name().name().to_string(),
            };
            return Err(format!(
                "inline tags inside <{}> are not supported (<{tag}> here): keep it plain text",
                n.tag_name().name(),
            ));
        }
    }
    Ok(out)
}

/// A target as a tool that pretty-prints XML writes it: a line break and
/// indentation before the text (and after it) belong to the layout, not to
/// the translation.
fn pretty_printed(text: &str) -> String {
    let t = text.trim_start_matches([' ', '\t']);
    if t.starts_with('\n') || t.starts_with("\r\n") {
        text.trim().to_string()
    } else {
        text.to_string()
    }
}

#[cfg(test)]
#[path = "xliff_tests.rs"]
mod tests;
