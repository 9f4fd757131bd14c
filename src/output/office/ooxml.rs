//! Word, Excel and PowerPoint files (Office Open XML): relationships to
//! outside targets (`*.rels`), macro parts, comments, tracked changes and
//! the document's properties.

use super::{Package, Report, attribute, person, place, xml};
use quick_xml::events::Event;

pub const EXTENSIONS: &[&str] = &["docx", "xlsx", "pptx"];

pub fn inspect(zip: &mut Package) -> Result<Report, String> {
    let mut report = Report::default();
    for (i, name) in &zip.names() {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".rels") {
            relationships(&mut report, name, &zip.part_at(*i)?)?;
        } else if lower.ends_with("vbaproject.bin") || lower.contains("/activex/") {
            report.macros.push(name.clone());
        } else if is_comments(&lower) {
            report.comments |= has_entries(name, &zip.part_at(*i)?)?;
        }
    }
    if let Some(core) = zip.part("docProps/core.xml")? {
        let doc = xml("docProps/core.xml", &core)?;
        for n in doc.descendants().filter(|n| n.is_element()) {
            if matches!(n.tag_name().name(), "creator" | "lastModifiedBy") {
                person(&mut report, n.text());
            }
        }
    }
    if let Some(body) = zip.part("word/document.xml")? {
        word_changes(&mut report, &body)?;
    }
    if let Some(comments) = zip.part("word/comments.xml")? {
        word_changes(&mut report, &comments)?;
    }
    Ok(report)
}

/// Comments of Word (`word/comments.xml`), Excel (`xl/comments1.xml`,
/// threaded ones) and PowerPoint (`ppt/comments/`).
fn is_comments(lower: &str) -> bool {
    let file = lower.rsplit('/').next().unwrap_or(lower);
    lower.ends_with(".xml")
        && (file.starts_with("comments")
            || file.starts_with("threadedcomment")
            || lower.contains("/comments/"))
}

/// True when a comments part holds at least one comment (Word keeps an
/// empty one after the last comment is deleted).
fn has_entries(name: &str, text: &str) -> Result<bool, String> {
    let doc = xml(name, text)?;
    Ok(doc.descendants().any(|n| {
        n.is_element() && matches!(n.tag_name().name(), "comment" | "threadedComment" | "cm")
    }))
}

/// Each relationship of a `.rels` part whose target is outside the
/// package, but for hyperlinks, which only a reader's click follows.
fn relationships(report: &mut Report, name: &str, text: &str) -> Result<(), String> {
    let doc = xml(name, text)?;
    for r in doc
        .descendants()
        .filter(|n| n.tag_name().name() == "Relationship")
    {
        let external = r
            .attribute("TargetMode")
            .is_some_and(|m| m.eq_ignore_ascii_case("External"));
        let kind = r
            .attribute("Type")
            .unwrap_or("")
            .rsplit('/')
            .next()
            .unwrap_or("");
        if external && kind != "hyperlink" {
            place(report, kind, r.attribute("Target").unwrap_or(""));
        }
    }
    Ok(())
}

/// Tracked insertions, deletions and moves in Word's XML, and the names of
/// whoever made them or commented (`w:author`). Streamed: a body's XML can
/// be megabytes.
fn word_changes(report: &mut Report, text: &str) -> Result<(), String> {
    let mut reader = quick_xml::Reader::from_str(text);
    loop {
        let e = match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) => e,
            Ok(Event::DocType(_)) => return Err("a part declares a DTD".to_string()),
            Ok(Event::Eof) => return Ok(()),
            Ok(_) => continue,
            Err(e) => return Err(format!("a part is not well-formed XML ({e})")),
        };
        let local = e.local_name();
        let change = matches!(local.as_ref(), "ins" | "del" | "moveFrom" | "moveTo");
        if change {
            report.tracked_changes = true;
        }
        if change || local.as_ref() == "comment" {
            person(report, attribute(&e, "author").as_deref());
        }
    }
}
