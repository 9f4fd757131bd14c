//! XLIFF 2 (2.0, and 2.1 and 2.2, which add modules and keep its core):
//! one `<unit>` per segment, its `name` the segment's key and its `id` the
//! key spelled as the `NMTOKEN` an id must be (`01-a/p1` is `01-a:p1`). A
//! fuzzy unit's segment is in state `initial` with its target, its
//! `subState` `fieldguide:needs-review`, and the earlier source in a note.
//!
//! A tool may split a unit into several segments (and `<ignorable>` space
//! between them): the unit's text is theirs joined, translated only when
//! every segment has a target.

use super::xml::{EXPORTED, document, notes, only_child, pretty_printed, xml_safe};
use crate::translate::catalog::{Catalog, Header, Incoming, Outgoing, ReadError};
use crate::translate::units::State;
use quick_xml::Writer;
use quick_xml::events::BytesText;
use std::io;

const NS: &str = "urn:oasis:names:tc:xliff:document:2.0";

/// The `subState` of a segment exported fuzzy (a `prefix:value`, as the
/// standard asks).
const NEEDS_REVIEW: &str = "fieldguide:needs-review";

/// The versions read: 2.1 and 2.2 add optional modules, which are not
/// read, and keep 2.0's units and segments.
pub(super) fn reads(version: &str) -> bool {
    matches!(version, "2.0" | "2.1" | "2.2")
}

pub fn write(h: &Header, units: &[Outgoing]) -> Vec<u8> {
    document(|w| {
        w.create_element("xliff")
            .with_attributes([
                ("xmlns", NS),
                ("version", "2.0"),
                ("srcLang", h.source_lang.as_str()),
                ("trgLang", h.lang.as_str()),
            ])
            .write_inner_content(|w| {
                w.create_element("file")
                    .with_attributes([("id", "f1"), ("original", h.publication.as_str())])
                    .write_inner_content(|w| {
                        let note = format!("fieldguide: publication \"{}\". Translate each target; keep Markdown marks, link targets and {{#ids}} as in the source. A segment in state initial that has a target was made for an earlier source, shown in its unit's notes: review it and set its state to translated.", h.publication);
                        w.create_element("notes").write_inner_content(|w| {
                            w.create_element("note")
                                .with_attribute(("category", "fieldguide"))
                                .write_text_content(BytesText::new(&note))?;
                            Ok(())
                        })?;
                        for o in units {
                            unit(w, o)?;
                        }
                        if units.is_empty() {
                            // XLIFF 2's schema asks a file for at least one
                            // unit or group (a tool may refuse one with
                            // neither): nothing to do is an empty group.
                            w.create_element("group")
                                .with_attributes([("id", "g1"), ("name", "nothing-to-translate")])
                                .write_empty()?;
                        }
                        Ok(())
                    })?;
                Ok(())
            })?;
        Ok(())
    })
}

fn unit(w: &mut Writer<Vec<u8>>, o: &Outgoing) -> io::Result<()> {
    let u = o.unit;
    let id = id_of(&u.key);
    w.create_element("unit")
        .with_attributes([("id", id.as_str()), ("name", u.key.as_str())])
        .write_inner_content(|w| {
            w.create_element("notes")
                .write_inner_content(|w| notes(w, o, ("category", "appliesTo")))?;
            let segment = w.create_element("segment");
            let segment = match u.state {
                State::Translated => segment.with_attribute(("state", "translated")),
                State::Fuzzy => {
                    segment.with_attributes([("state", "initial"), ("subState", NEEDS_REVIEW)])
                }
                State::Untranslated => segment.with_attribute(("state", "initial")),
            };
            segment.write_inner_content(|w| {
                w.create_element("source")
                    .with_attribute(("xml:space", "preserve"))
                    .write_text_content(BytesText::new(&xml_safe(&u.source)))?;
                if u.state != State::Untranslated {
                    w.create_element("target")
                        .with_attribute(("xml:space", "preserve"))
                        .write_text_content(BytesText::new(&xml_safe(&u.translation)))?;
                }
                Ok(())
            })?;
            Ok(())
        })?;
    Ok(())
}

/// A key as an XML `NMTOKEN`, which a unit's id must be: letters, digits,
/// `.` and `-` as they are, `/` as `:`, anything else as `_` and its code
/// point in hex and `_` (`#` is `_23_`). [`key_of_id`] reads it back.
fn id_of(key: &str) -> String {
    let mut id = String::with_capacity(key.len());
    for c in key.chars() {
        match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' | '.' | '-' => id.push(c),
            '/' => id.push(':'),
            c => id.push_str(&format!("_{:x}_", c as u32)),
        }
    }
    id
}

/// The key an id written by [`id_of`] spells, or the id as it is when it
/// is not one (a tool that renumbered the units).
fn key_of_id(id: &str) -> String {
    let mut key = String::with_capacity(id.len());
    let mut rest = id;
    while let Some(c) = rest.chars().next() {
        if c == ':' {
            key.push('/');
        } else if c == '_' {
            let Some((hex, after)) = rest[1..].split_once('_') else {
                return id.to_string();
            };
            // No key holds a control character: `_b_` in an XLIFF 1.2 key
            // (`#safe_b_side`) a tool kept as the id is not one.
            let c = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32);
            let Some(c) = c.filter(|c| !c.is_control()) else {
                return id.to_string();
            };
            key.push(c);
            rest = after;
            continue;
        } else {
            key.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    key
}

/// The catalog of a parsed XLIFF 2 file.
pub(super) fn read(doc: &roxmltree::Document) -> Result<Catalog, Vec<ReadError>> {
    let root = doc.root_element();
    let line = |n: roxmltree::Node| doc.text_pos_at(n.range().start).row as usize;
    let files: Vec<_> = root.children().filter(|n| is(*n, "file")).collect();
    let [file] = files.as_slice() else {
        return Err(vec![(
            line(root),
            format!("expected one <file> element, found {}", files.len()),
        )]);
    };
    let header = Header {
        publication: file.attribute("original").unwrap_or("").to_string(),
        source_lang: root.attribute("srcLang").unwrap_or("").to_string(),
        lang: root.attribute("trgLang").unwrap_or("").to_string(),
        lang_line: line(root),
        publication_line: line(*file),
        ..Header::default()
    };
    let entries = file
        .descendants()
        .filter(|n| is(*n, "unit"))
        .map(|u| entry(u, line(u)))
        .collect();
    Ok(Catalog {
        header,
        entries,
        ..Catalog::default()
    })
}

/// An element of that local name: tools write XLIFF 2's namespace, and
/// files edited by hand may have none.
fn is(n: roxmltree::Node, name: &str) -> bool {
    n.is_element() && n.tag_name().name() == name
}

/// One unit's entry.
fn entry(u: roxmltree::Node, line: usize) -> Incoming {
    let key = match u.attribute("name") {
        Some(name) => name.to_string(),
        None => key_of_id(u.attribute("id").unwrap_or("")),
    };
    let exported = u
        .children()
        .filter(|n| is(*n, "notes"))
        .flat_map(|n| n.children())
        .find(|n| is(*n, "note") && n.attribute("category") == Some(EXPORTED))
        .and_then(|n| n.text()?.split_whitespace().last().map(String::from));
    let place = format!("unit \"{key}\"");
    let (text, problem) = match texts(u) {
        Ok(t) => (t, None),
        // A unit that cannot be read refuses its page, not the file.
        Err(m) => (Texts::default(), Some(m)),
    };
    let translation = text.target.as_deref().map(pretty_printed);
    let mut entry = Incoming::new(
        key,
        text.source,
        translation.unwrap_or_default(),
        line,
        place,
    );
    entry.fuzzy = text.target.is_some() && text.initial;
    entry.exported = exported;
    entry.problem = problem;
    entry
}

/// A unit's source and target, its segments' joined.
#[derive(Default)]
struct Texts {
    source: String,
    /// None when a segment has no target, or an empty one in state
    /// `initial` (a tool's empty placeholder).
    target: Option<String>,
    /// A segment is in state `initial` with a target: made for an earlier
    /// source, or pre-filled by a tool, and not yet confirmed. A segment
    /// that names no state, as tools that keep none write it, counts as
    /// translated when it has a target, as in XLIFF 1.2.
    initial: bool,
}

fn texts(u: roxmltree::Node) -> Result<Texts, String> {
    let mut t = Texts {
        target: Some(String::new()),
        ..Texts::default()
    };
    for part in u
        .children()
        .filter(|n| is(*n, "segment") || is(*n, "ignorable"))
    {
        let child = |name: &str| only_child(part, name);
        let source = child("source")?.map(plain).transpose()?.unwrap_or_default();
        let target = child("target")?.map(plain).transpose()?;
        let initial = is(part, "segment") && part.attribute("state") == Some("initial");
        let target = match target {
            Some(text) if initial && text.trim().is_empty() => None,
            Some(text) => Some(text),
            // Space between segments, which a tool keeps as it was.
            None if is(part, "ignorable") => Some(source.clone()),
            None => None,
        };
        t.source.push_str(&source);
        t.initial |= initial && target.is_some();
        match (&mut t.target, target) {
            (Some(all), Some(text)) => all.push_str(&text),
            (all, _) => *all = None,
        }
    }
    Ok(t)
}

/// The text of a `<source>` or `<target>`: its text, with annotations
/// (`<mrk>`: a term, a comment, text not to translate) read as the text
/// they hold, their markers (`<sm/>`, `<em/>`) as nothing and a code point
/// (`<cp hex="0009"/>`) as its character. A tag for original formatting
/// (`<pc>`, `<ph>`, `<sc>`, `<ec>`) is refused: fieldguide exports none,
/// and cannot place it in Markdown.
fn plain(n: roxmltree::Node) -> Result<String, String> {
    let mut out = String::new();
    // In document order, without recursion: annotations may nest as deep
    // as a crafted file likes. An element is met before what it holds, so
    // text reached is inside accepted elements only.
    for c in n.descendants().skip(1) {
        if c.is_text() {
            // A code point element holds nothing; text put in one is not
            // the translation's.
            if !c.parent().is_some_and(|p| is(p, "cp")) {
                out.push_str(c.text().unwrap_or_default());
            }
        } else if is(c, "cp") {
            let hex = c.attribute("hex").unwrap_or("");
            let ch = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32);
            let ch = ch.ok_or_else(|| format!("<cp hex=\"{hex}\"/> is not a character"))?;
            out.push(ch);
        } else if c.is_element() && !(is(c, "mrk") || is(c, "sm") || is(c, "em")) {
            return Err(format!(
                "inline tags inside <{}> are not supported (<{}> here): keep it plain text",
                c.parent().unwrap_or(n).tag_name().name(),
                c.tag_name().name(),
            ));
        }
    }
    Ok(out)
}

#[cfg(test)]
#[path = "v2_tests.rs"]
mod tests;
