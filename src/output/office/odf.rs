//! OpenDocument files (LibreOffice's `.odt`, `.ods`, `.odp`): linked
//! images, objects and sections outside the package, Basic or script
//! macros, DDE links, comments (`office:annotation`), tracked changes, and the
//! document's creators (`meta.xml`).

use super::{Item, Package, Report, attribute, person, place, texts_of, walk_xml};

pub const EXTENSIONS: &[&str] = &["odt", "ods", "odp"];

/// Whether the package, whose parts are `names`, is opened as an
/// OpenDocument file (`by_name`: its name says so). Programs know a
/// package by what it holds, not by its name (LibreOffice opens a Word
/// file named `.odt` as Word's), so it is checked as what it holds: an
/// OpenDocument file by its `mimetype`, `content.xml` or manifest, a
/// Word, Excel or PowerPoint one by its `[Content_Types].xml` (in any
/// capitals); by its name only when it holds neither. `Err` when it holds
/// both, which no program writes, and programs differ on which it is.
pub fn opened_as_odf(names: &[String], by_name: bool) -> Result<bool, String> {
    let has = |part: &str| names.iter().any(|n| n.eq_ignore_ascii_case(part));
    let odf = ["mimetype", "content.xml", "META-INF/manifest.xml"]
        .iter()
        .any(|p| has(p));
    match (odf, has("[Content_Types].xml")) {
        (true, true) => Err(
            "it is both an OpenDocument file and a Word, Excel or PowerPoint \
                             one, and programs differ on which they open it as"
                .to_string(),
        ),
        (false, false) => Ok(by_name),
        (odf, _) => Ok(odf),
    }
}

pub fn inspect(zip: &mut Package) -> Result<Report, String> {
    let names: Vec<String> = zip.names().into_iter().map(|(_, n)| n).collect();
    // In any capitals: what the checks pass over as another part, a
    // program reading the package on a file system that ignores case, or
    // repairing it, may open as the macros.
    let mut macros: Vec<String> = names
        .iter()
        .filter(|n| {
            let l = n.to_ascii_lowercase();
            (l.starts_with("basic/") || l.starts_with("scripts/")) && !l.ends_with('/')
        })
        .map(|n| format!("`{n}`"))
        .collect();
    macros.sort();
    let mut report = Report {
        macros,
        ..Report::default()
    };
    let mut documents = xml_parts(&names).into_iter();
    if let Some((_, parts)) = documents.next() {
        document(zip, &parts, &mut report)?;
    }
    // An object inserted in the document (a spreadsheet, a chart) is a
    // folder of the package with its own parts, opened with it: what it
    // loads, runs or says about people is the document's, named with it.
    for (folder, parts) in documents {
        let mut inner = Report::default();
        document(zip, &parts, &mut inner)?;
        super::embedded::merge(&mut report, inner, &folder);
    }
    Ok(report)
}

/// The XML parts (`.xml` in any capitals) of the document (`""`), then of
/// each object in it (`Object 1`, `Object 1/Object 2`), each part with
/// the deepest object holding it: `meta.xml` first, then `content.xml`,
/// `styles.xml`, and the others by name. Every one is read, not only the
/// parts a program opens by their usual names: a part named in other
/// capitals, or that a manifest lists, is one a program may open.
fn xml_parts(names: &[String]) -> Vec<(String, Vec<String>)> {
    let mut documents: Vec<(String, Vec<String>)> = std::iter::once(String::new())
        .chain(object_folders(names))
        .map(|f| (f, vec![]))
        .collect();
    let index: std::collections::HashMap<String, usize> = documents
        .iter()
        .enumerate()
        .map(|(i, (f, _))| (f.clone(), i))
        .collect();
    for n in names {
        if !n.to_ascii_lowercase().ends_with(".xml") {
            continue;
        }
        // The deepest object folder holding it, looked up by its nearest
        // folders (a part deeper in its object than any program puts one
        // is read with the document): a name can be 64 KB long.
        let (owner, at) = n
            .rmatch_indices('/')
            .take(16)
            .find_map(|(at, _)| Some((*index.get(&n[..at])?, at + 1)))
            .unwrap_or((0, 0));
        if !kept_apart(&n[at..]) {
            documents[owner].1.push(n.clone());
        }
    }
    for (folder, parts) in &mut documents {
        let rank = |n: &str| {
            let own = n[folder.len()..]
                .trim_start_matches('/')
                .to_ascii_lowercase();
            ["meta.xml", "content.xml", "styles.xml"]
                .iter()
                .position(|u| *u == own)
                .unwrap_or(3)
        };
        parts.sort_by_cached_key(|n| (rank(n), n.clone()));
    }
    documents
}

/// Whether the part `name` is in a folder of the package a program reads
/// for something other than the document: the manifest and signatures
/// (`META-INF/`), and the macros, named as such above, and their dialogs
/// (OpenOffice wrote their lists with a DTD, which `walk` would refuse).
fn kept_apart(name: &str) -> bool {
    let top = name.split('/').next().unwrap_or("").to_ascii_lowercase();
    name.contains('/') && ["meta-inf", "basic", "scripts", "dialogs"].contains(&top.as_str())
}

/// Adds what the document made of the XML `parts` holds to `report`: its
/// creators, then what each part loads, runs and records.
fn document(zip: &mut Package, parts: &[String], report: &mut Report) -> Result<(), String> {
    for part in parts {
        let Some(text) = zip.part(part)? else {
            continue;
        };
        let short = part.rsplit('/').next().unwrap_or(part);
        if short.eq_ignore_ascii_case("meta.xml") {
            // The document's own creators, named first.
            for n in texts_of(short, &text, &["initial-creator", "creator"])? {
                person(report, Some(&n));
            }
        }
        walk(report, short, &text)?;
        // Who wrote each comment and made each tracked change
        // (`dc:creator` in `office:annotation` and `office:change-info`).
        if !short.eq_ignore_ascii_case("meta.xml") {
            for n in texts_of(short, &text, &["creator"])? {
                person(report, Some(&n));
            }
        }
    }
    Ok(())
}

/// The folders of the package that hold a document of their own
/// (`Object 1`, `Object 1/Object 2`), known by a `content.xml` in any
/// capitals, in order.
fn object_folders(names: &[String]) -> Vec<String> {
    let mut folders: Vec<String> = names
        .iter()
        .filter_map(|n| {
            let cut = n.len().checked_sub("/content.xml".len())?;
            let (folder, own) = (n.get(..cut)?, n.get(cut..)?);
            own.eq_ignore_ascii_case("/content.xml")
                .then(|| folder.to_string())
        })
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
    // The document's template, whose date the program compares on
    // opening, and the address it reloads the document from (File >
    // Properties > Internet), both in `meta.xml`.
    "template",
    "auto-reload",
    // A form's or a database field's connection to its database, made
    // when the document opens and its forms load.
    "connection-resource",
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
            // A form's database, connected to when the document opens:
            // one the program knows by a name (`Bibliography`: nothing to
            // say), or an address.
            "form" => {
                if let Some(d) = attribute(e, "datasource") {
                    place(report, "form data source", &d);
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
