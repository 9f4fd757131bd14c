//! XLIFF 1.2, the version CAT tools (Trados, memoQ, OmegaT) read best:
//! one `trans-unit` per segment, its `id` the segment's key. A fuzzy unit's
//! target has `state="needs-review-translation"` and the earlier source in
//! a note. Right-to-left text is stored as it is, with no direction marks.
//!
//! Written with quick-xml; read from the document `xml` parsed.

use super::xml::{EXPORTED, document, notes, only_child, pretty_printed, xml_safe};
use crate::translate::catalog::{Catalog, Header, Incoming, Outgoing, ReadError};
use crate::translate::units::State;
use quick_xml::Writer;
use quick_xml::events::BytesText;
use std::io;

const NS: &str = "urn:oasis:names:tc:xliff:document:1.2";

pub fn write(h: &Header, units: &[Outgoing]) -> Vec<u8> {
    document(|w| {
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
    })
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
            notes(w, o, ("from", "annotates"))?;
            Ok(())
        })?;
    Ok(())
}

/// The catalog of a parsed XLIFF 1.2 file.
pub(super) fn read(doc: &roxmltree::Document) -> Result<Catalog, Vec<ReadError>> {
    let root = doc.root_element();
    let line = |n: roxmltree::Node| doc.text_pos_at(n.range().start).row as usize;
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
        let child = |name: &str| only_child(u, name);
        let text = |name: &str| child(name).and_then(|c| c.map(plain).transpose());
        // A unit that cannot be read refuses its page, not the file.
        let (source, target, problem) = match (text("source"), text("target")) {
            (Ok(s), Ok(t)) => (s.unwrap_or_default(), t, None),
            (Err(m), _) | (_, Err(m)) => (String::new(), None, Some(m)),
        };
        let state = child("target")
            .ok()
            .flatten()
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

/// The text of a `<source>` or `<target>`: its text, with the segment
/// markers CAT tools wrap it in (`<mrk mtype="seg">`, as memoQ and Trados
/// write) read as the text they hold. Any other inline tag is refused: it
/// stands for formatting fieldguide cannot place in Markdown.
fn plain(n: roxmltree::Node) -> Result<String, String> {
    let mut out = String::new();
    // In document order, without recursion: markers may nest as deep as a
    // crafted file likes. An element is met before what it holds, so text
    // reached is inside accepted markers only.
    for c in n.descendants().skip(1) {
        if c.is_text() {
            out.push_str(c.text().unwrap_or_default());
        } else if c.is_element()
            && !(c.tag_name().name() == "mrk" && c.attribute("mtype") == Some("seg"))
        {
            // A marker other than a segment's (a Trados comment, a tracked
            // change) is named with its type: `<mrk>` alone reads as the
            // kind that is accepted.
            let tag = match c.attribute("mtype") {
                Some(t) => format!("{} mtype=\"{t}\"", c.tag_name().name()),
                None => c.tag_name().name().to_string(),
            };
            return Err(format!(
                "inline tags inside <{}> are not supported (<{tag}> here): keep it plain text",
                c.parent().unwrap_or(n).tag_name().name(),
            ));
        }
    }
    Ok(out)
}

#[cfg(test)]
#[path = "v1_tests.rs"]
mod tests;
