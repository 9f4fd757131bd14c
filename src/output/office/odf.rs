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
    document(zip, "", &mut report)?;
    // An object inserted in the document (a spreadsheet, a chart) is a
    // folder of the package with its own parts, opened with it: what it
    // loads, runs or says about people is the document's, named with it.
    for folder in object_folders(zip) {
        let mut inner = Report::default();
        document(zip, &format!("{folder}/"), &mut inner)?;
        super::embedded::merge(&mut report, inner, &folder);
    }
    Ok(report)
}

/// Adds what the document whose parts start with `prefix` (`""`, or
/// `Object 1/`) holds to `report`: its creators, then what its content
/// and styles load, run and record.
fn document(zip: &mut Package, prefix: &str, report: &mut Report) -> Result<(), String> {
    // The document's own creators are named first.
    if let Some(meta) = zip.part(&format!("{prefix}meta.xml"))? {
        for n in texts_of("meta.xml", &meta, &["initial-creator", "creator"])? {
            person(report, Some(&n));
        }
    }
    for name in ["content.xml", "styles.xml"] {
        if let Some(text) = zip.part(&format!("{prefix}{name}"))? {
            walk(report, name, &text)?;
            // Who wrote each comment and made each tracked change
            // (`dc:creator` in `office:annotation` and `office:change-info`).
            for n in texts_of(name, &text, &["creator"])? {
                person(report, Some(&n));
            }
        }
    }
    Ok(())
}

/// The folders of the package that hold a document of their own
/// (`Object 1`, `Object 1/Object 2`), in order.
fn object_folders(zip: &Package) -> Vec<String> {
    let mut folders: Vec<String> = zip
        .names()
        .into_iter()
        .filter_map(|(_, n)| n.strip_suffix("/content.xml").map(str::to_string))
        .filter(|f| !f.is_empty())
        .collect();
    folders.sort();
    folders.dedup();
    folders
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
    // A web page shown inside the document (Insert > Floating Frame).
    "floating-frame",
    // A paragraph's, page's or cell's background, a list's bullet picture
    // and a slide's sound, each of which may be linked rather than kept.
    "background-image",
    "list-level-style-image",
    "sound",
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
            // Also a conditional format's condition (`calcext:value`) and a
            // validity rule (`table:condition`), worked out as the sheet is
            // drawn or edited.
            "table-cell" | "covered-table-cell" | "named-expression" | "condition"
            | "content-validation" => {
                let f = attribute(e, "formula")
                    .or_else(|| attribute(e, "expression"))
                    .or_else(|| attribute(e, "value"))
                    .or_else(|| attribute(e, "condition"));
                if let Some(f) = f
                    && let Some(function) = super::csv::fetching(&f)
                {
                    report.fetching_cells.push(format!(
                        "a formula in `{name}` calls {function}: `{}`",
                        super::csv::clip(&f)
                    ));
                }
            }
            // An event bound to a macro: by its address
            // (`vnd.sun.star.script:...`) or, as OpenOffice wrote it, by
            // its name (`script:macro-name`, maybe one of the program's own
            // libraries, which needs no macro in the file).
            "event-listener" => {
                if let Some(m) = attribute(e, "href").or_else(|| attribute(e, "macro-name")) {
                    report.macros.push(format!("`{m}`"));
                }
            }
            l if LOADED.contains(&l) => {
                if let Some(h) = attribute(e, "href") {
                    place(report, l, &h);
                }
            }
            _ => {}
        }
    })
}
