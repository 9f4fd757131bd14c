//! OpenDocument files (LibreOffice's `.odt`, `.ods`, `.odp`): linked
//! images, objects and sections outside the package, Basic or script
//! macros, comments (`office:annotation`), tracked changes, and the
//! document's creators (`meta.xml`).

use super::{Package, Report, attribute, person, place, xml};
use quick_xml::events::Event;

pub const EXTENSIONS: &[&str] = &["odt", "ods", "odp"];

pub fn inspect(zip: &mut Package) -> Result<Report, String> {
    let mut macros: Vec<String> = zip
        .names()
        .into_iter()
        .map(|(_, n)| n)
        .filter(|n| n.starts_with("Basic/") || n.starts_with("Scripts/"))
        .filter(|n| !n.ends_with('/'))
        .map(|n| format!("`{n}`"))
        .collect();
    macros.sort();
    let mut report = Report {
        macros,
        ..Report::default()
    };
    for name in ["content.xml", "styles.xml"] {
        if let Some(text) = zip.part(name)? {
            walk(&mut report, name, &text)?;
        }
    }
    if let Some(meta) = zip.part("meta.xml")? {
        let doc = xml("meta.xml", &meta)?;
        for n in doc.descendants().filter(|n| n.is_element()) {
            if matches!(n.tag_name().name(), "initial-creator" | "creator") {
                person(&mut report, n.text());
            }
        }
    }
    Ok(report)
}

/// Elements whose `xlink:href` the program loads when opening the
/// document (a `text:a` or `draw:a` is a link a reader clicks).
const LOADED: &[&str] = &[
    "image",
    "object",
    "object-ole",
    "plugin",
    "applet",
    "section-source",
    "table-source",
    "fill-image",
    "font-face-uri",
    "event-listener",
];

/// One part, streamed: a document's XML can be megabytes.
fn walk(report: &mut Report, name: &str, text: &str) -> Result<(), String> {
    let mut reader = quick_xml::Reader::from_str(text);
    loop {
        let e = match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) => e,
            Ok(Event::DocType(_)) => return Err(format!("`{name}` declares a DTD")),
            Ok(Event::Eof) => return Ok(()),
            Ok(_) => continue,
            Err(e) => return Err(format!("`{name}` is not well-formed XML ({e})")),
        };
        let local = e.local_name();
        match local.as_ref() {
            "annotation" => report.comments = true,
            "changed-region" => report.tracked_changes = true,
            l if LOADED.contains(&l) => {
                match attribute(&e, "href") {
                    // An event bound to a macro (`vnd.sun.star.script:...`).
                    Some(h) if l == "event-listener" => report.macros.push(format!("`{h}`")),
                    Some(h) => place(report, l, &h),
                    None => {}
                }
            }
            _ => {}
        }
    }
}
