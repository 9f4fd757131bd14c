//! OpenDocument files (LibreOffice's `.odt`, `.ods`, `.odp`): linked
//! images, objects and sections outside the package, Basic or script
//! macros, DDE links, comments (`office:annotation`), tracked changes, and the
//! document's creators (`meta.xml`).

use super::{Item, Package, Report, attribute, person, place, texts_of, walk_xml};

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
    // The document's own creators are named first.
    if let Some(meta) = zip.part("meta.xml")? {
        for n in texts_of("meta.xml", &meta, &["initial-creator", "creator"])? {
            person(&mut report, Some(&n));
        }
    }
    for name in ["content.xml", "styles.xml"] {
        if let Some(text) = zip.part(name)? {
            walk(&mut report, name, &text)?;
            // Who wrote each comment and made each tracked change
            // (`dc:creator` in `office:annotation` and `office:change-info`).
            for n in texts_of(name, &text, &["creator"])? {
                person(&mut report, Some(&n));
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
    // A sheet's range linked to another file or address (Sheet > Link to
    // External Data), refreshed on opening.
    "cell-range-source",
    "fill-image",
    "font-face-uri",
    "event-listener",
];

/// One part's comments, tracked changes and what it loads.
fn walk(report: &mut Report, name: &str, text: &str) -> Result<(), String> {
    walk_xml(name, text, |item| {
        let Item::Element(e) = item else { return };
        match e.local_name().as_ref() {
            "annotation" => report.comments = true,
            "changed-region" => report.tracked_changes = true,
            // A DDE link (a sheet's, a text's field): the program offers to
            // start the application it names when the document opens.
            "dde-source" | "dde-connection-decl" => report.macros.push(format!(
                "a DDE link (`{}|{}`)",
                attribute(e, "dde-application").unwrap_or_default(),
                attribute(e, "dde-topic").unwrap_or_default()
            )),
            // A cell's formula, or a named expression, that fetches from an
            // address each time the sheet is calculated.
            "table-cell" | "covered-table-cell" | "named-expression" => {
                let f = attribute(e, "formula").or_else(|| attribute(e, "expression"));
                if let Some(f) = f
                    && let Some(function) = super::csv::fetching(&f)
                {
                    report.fetching_cells.push(format!(
                        "a formula in `{name}` calls {function}: `{}`",
                        super::csv::clip(&f)
                    ));
                }
            }
            l if LOADED.contains(&l) => match attribute(e, "href") {
                // An event bound to a macro (`vnd.sun.star.script:...`).
                Some(h) if l == "event-listener" => report.macros.push(format!("`{h}`")),
                Some(h) => place(report, l, &h),
                None => {}
            },
            _ => {}
        }
    })
}
