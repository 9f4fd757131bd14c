//! Word, Excel and PowerPoint files (Office Open XML): relationships to
//! outside targets (`*.rels`), macro parts, comments, tracked changes and
//! the document's properties.

use super::{Package, Report, attribute, person, place, xml};
use quick_xml::events::Event;

pub const EXTENSIONS: &[&str] = &["docx", "xlsx", "pptx"];

pub fn inspect(zip: &mut Package) -> Result<Report, String> {
    let mut report = Report::default();
    // The document's own author and last editor are named first.
    if let Some(core) = zip.part("docProps/core.xml")? {
        let doc = xml("docProps/core.xml", &core)?;
        for n in doc.descendants().filter(|n| n.is_element()) {
            if matches!(n.tag_name().name(), "creator" | "lastModifiedBy") {
                person(&mut report, n.text());
            }
        }
    }
    for (i, name) in &zip.names() {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".rels") {
            relationships(&mut report, name, &zip.part_at(*i)?)?;
            continue;
        }
        if lower.ends_with("vbaproject.bin") || lower.contains("/activex/") {
            report.macros.push(format!("`{name}`"));
            continue;
        }
        let word = lower.starts_with("word/") && lower.ends_with(".xml");
        if !word && !is_comments(&lower) {
            continue;
        }
        let text = zip.part_at(*i)?;
        if is_comments(&lower) {
            report.comments |= has_entries(name, &text)?;
        }
        if word {
            word_part(&mut report, name, &text)?;
        }
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

/// One of Word's parts (the body, a header, footnotes, comments), streamed:
/// tracked insertions, deletions and moves, and the names of whoever made
/// them or commented (`w:author`); fields that fetch or run something.
fn word_part(report: &mut Report, name: &str, text: &str) -> Result<(), String> {
    let mut reader = quick_xml::Reader::from_str(text);
    // A field's code, gathered from its `w:instrText` runs (a code split
    // over many runs, as Word writes a long one or an attacker hides one).
    let mut code: Option<String> = None;
    let mut in_code = false;
    loop {
        let e = match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) => e,
            Ok(Event::Text(t)) if in_code => {
                code.get_or_insert_default().push_str(&t.xml10_content());
                continue;
            }
            Ok(Event::GeneralRef(r)) if in_code => {
                let c = r.resolve_char_ref().ok().flatten();
                let c = c.or(match r.as_ref() {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    _ => None,
                });
                code.get_or_insert_default().extend(c);
                continue;
            }
            Ok(Event::End(e)) => {
                in_code &= e.local_name().as_ref() != "instrText";
                continue;
            }
            Ok(Event::DocType(_)) => return Err(format!("`{name}` declares a DTD")),
            Ok(Event::Eof) => {
                field(report, code.as_deref().unwrap_or(""));
                return Ok(());
            }
            Ok(_) => continue,
            Err(e) => return Err(format!("`{name}` is not well-formed XML ({e})")),
        };
        let local = e.local_name();
        match local.as_ref() {
            "ins" | "del" | "moveFrom" | "moveTo" => {
                report.tracked_changes = true;
                person(report, attribute(&e, "author").as_deref());
            }
            "comment" => person(report, attribute(&e, "author").as_deref()),
            "instrText" => in_code = true,
            "fldChar" => {
                if let Some(c) = code.take() {
                    field(report, &c);
                }
                if attribute(&e, "fldCharType").as_deref() == Some("begin") {
                    code = Some(String::new());
                }
            }
            "fldSimple" => field(report, &attribute(&e, "instr").unwrap_or_default()),
            _ => {}
        }
    }
}

/// A field's code: `INCLUDEPICTURE "https://…"` (a picture fetched at each
/// opening: a classic tracking pixel), `INCLUDETEXT`, `LINK`; `DDE` and
/// `DDEAUTO` start another program.
fn field(report: &mut Report, code: &str) {
    let mut words = code.split_whitespace();
    let Some(kind) = words.next().map(str::to_ascii_uppercase) else {
        return;
    };
    match kind.as_str() {
        "INCLUDEPICTURE" | "INCLUDETEXT" | "LINK" => {
            let rest = code.trim_start()[kind.len()..].trim_start();
            // `LINK` names the program first, then the file.
            let rest = if kind == "LINK" {
                rest.split_once(char::is_whitespace)
                    .map_or("", |(_, r)| r.trim_start())
            } else {
                rest
            };
            let target = match rest.strip_prefix('"') {
                Some(quoted) => quoted.split('"').next().unwrap_or(""),
                None => rest.split_whitespace().next().unwrap_or(""),
            };
            place(
                report,
                &format!("{kind} field"),
                &target.replace("\\\\", "\\"),
            );
        }
        "DDE" | "DDEAUTO" => report
            .macros
            .push(format!("a {kind} field (`{}`)", code.trim())),
        _ => {}
    }
}
