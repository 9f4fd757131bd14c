//! Word, Excel and PowerPoint files (Office Open XML): relationships to
//! outside targets (`*.rels`), macro parts, comments, tracked changes and
//! the document's properties.

use super::{Item, Package, Report, attribute, person, place, texts_of, walk_xml};

pub const EXTENSIONS: &[&str] = &["docx", "xlsx", "pptx"];

pub fn inspect(zip: &mut Package) -> Result<Report, String> {
    let mut report = Report::default();
    // The document's own author and last editor are named first. Part
    // names differ only by case for Word (`DocProps/Core.xml` is the same
    // part), so the properties are found in any capitals.
    let names = zip.names();
    for (i, name) in &names {
        if name.eq_ignore_ascii_case("docProps/core.xml") {
            let core = zip.part_at(*i)?;
            for n in texts_of(name, &core, &["creator", "lastModifiedBy"])? {
                person(&mut report, Some(&n));
            }
        }
    }
    for (i, name) in &names {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".rels") {
            relationships(&mut report, name, &zip.part_at(*i)?)?;
            continue;
        }
        // Excel 4.0 macro sheets run on opening (`Auto_Open`) as VBA does.
        if lower.ends_with("vbaproject.bin")
            || lower.contains("/activex/")
            || lower.starts_with("xl/macrosheets/")
        {
            report.macros.push(format!("`{name}`"));
            continue;
        }
        if is_excel_link(&lower) {
            excel_links(&mut report, name, &zip.part_at(*i)?)?;
            continue;
        }
        let word = lower.starts_with("word/") && lower.ends_with(".xml");
        let deck = lower.starts_with("ppt/") && lower.ends_with(".xml");
        let (comments, formulas) = (is_comments(&lower), is_sheet_formulas(&lower));
        let people = super::people::names_people(&lower);
        let workbook = lower == "xl/workbook.xml";
        let elsewhere = lower.ends_with(".xml") && !word && !deck && !formulas;
        if !word && !deck && !comments && !formulas && !people && !workbook && !elsewhere {
            continue;
        }
        let text = zip.part_at(*i)?;
        // Word, PowerPoint and Excel find a part by the package's
        // relationships, whatever its folder: a document's body at
        // `main/document.xml` is opened, its fields and mouse-overs with it.
        let word =
            word || (elsewhere && ["instrText", "fldSimple"].iter().any(|w| text.contains(w)));
        let hovers = ["hlinkHover", "hlinkMouseOver"];
        let deck = deck || (elsewhere && hovers.iter().any(|w| text.contains(w)));
        // Excel's too: a sheet's formulas, its links, an Excel 4.0 macro
        // sheet, known by what the part holds.
        if elsewhere {
            excel_links(&mut report, name, &text)?;
            if root_name(&text) == "macrosheet" {
                report.macros.push(format!("`{name}`"));
                continue;
            }
        }
        let formulas = formulas || elsewhere;
        if workbook {
            hidden_sheets(&mut report, name, &text)?;
        }
        if deck && lower.starts_with("ppt/notesslides/") {
            speaker_notes(&mut report, name, &text)?;
        }
        if comments {
            report.comments |= has_entries(name, &text)?;
        }
        if word {
            word_part(&mut report, name, &text)?;
        }
        if deck {
            super::hover::check(zip, &mut report, name, &text)?;
        }
        if formulas {
            sheet_formulas(&mut report, name, &text)?;
        }
        if people {
            super::people::ooxml(&mut report, name, &lower, &text)?;
        }
    }
    Ok(report)
}

/// The local name of the first element of the XML `text` (empty when it
/// has none).
fn root_name(text: &str) -> String {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(text);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) => {
                return e.local_name().as_ref().to_string();
            }
            Ok(Event::Eof) | Err(_) => return String::new(),
            _ => {}
        }
    }
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
    let mut found = false;
    walk_xml(name, text, |item| {
        if let Item::Element(e) = item {
            found |= matches!(
                e.local_name().as_ref(),
                "comment" | "threadedComment" | "cm"
            );
        }
    })?;
    Ok(found)
}

/// Each relationship of a `.rels` part whose target is outside the
/// package, but for hyperlinks, which only a reader's click follows.
fn relationships(report: &mut Report, name: &str, text: &str) -> Result<(), String> {
    walk_xml(name, text, |item| {
        let Item::Element(r) = item else { return };
        if r.local_name().as_ref() != "Relationship" {
            return;
        }
        let external =
            attribute(r, "TargetMode").is_some_and(|m| m.eq_ignore_ascii_case("External"));
        let kind = attribute(r, "Type").unwrap_or_default();
        let kind = kind.rsplit('/').next().unwrap_or("");
        if external && kind != "hyperlink" {
            place(report, kind, &attribute(r, "Target").unwrap_or_default());
        }
    })
}

/// Excel's links to other workbooks and programs, and its data
/// connections, which live in parts of their own, not in relationships.
fn is_excel_link(lower: &str) -> bool {
    lower == "xl/connections.xml"
        || (lower.starts_with("xl/externallinks/") && lower.ends_with(".xml"))
}

/// A DDE link (a cell `=cmd|'/c …'!A0` is stored as one: Excel offers to
/// start the program when the workbook opens), and a data connection that
/// fetches a web query, a connection file, a text file or a database
/// server, as Excel refreshes it.
fn excel_links(report: &mut Report, name: &str, text: &str) -> Result<(), String> {
    walk_xml(name, text, |item| {
        let Item::Element(e) = item else { return };
        match e.local_name().as_ref() {
            "ddeLink" => report.macros.push(format!(
                "a DDE link (`{}|{}`)",
                attribute(e, "ddeService").unwrap_or_default(),
                attribute(e, "ddeTopic").unwrap_or_default()
            )),
            "webPr" => place(
                report,
                "web query",
                &attribute(e, "url").unwrap_or_default(),
            ),
            // A text import's file, and a database's server (its
            // connection string's `Data Source`, not the workbook itself).
            "textPr" => place(
                report,
                "text import",
                &attribute(e, "sourceFile").unwrap_or_default(),
            ),
            "dbPr" => {
                if let Some(server) = data_source(&attribute(e, "connection").unwrap_or_default()) {
                    match super::remote(&server) {
                        Some(_) => place(report, "data connection", &server),
                        None => report.fetched.push(("data connection".to_string(), server)),
                    }
                }
            }
            "connection" => {
                for a in ["odcFile", "sourceFile"] {
                    place(
                        report,
                        "data connection",
                        &attribute(e, a).unwrap_or_default(),
                    );
                }
            }
            _ => {}
        }
    })
}

/// Parts that hold Excel's formulas: the sheets' cells and rules, the
/// workbook's names (a name can stand for a formula), and the tables'
/// calculated columns.
fn is_sheet_formulas(lower: &str) -> bool {
    lower == "xl/workbook.xml"
        || ((lower.starts_with("xl/worksheets/") || lower.starts_with("xl/tables/"))
            && lower.ends_with(".xml"))
}

/// A cell's formula (`<c r="B2"><f>…</f>`), a defined name, a conditional
/// format's or data validation's rule (`<formula>`, `<formula1>`; Excel
/// works them out as it draws the sheet) or a table's calculated column
/// that fetches from an address each time Excel calculates the sheet
/// (`WEBSERVICE`, `IMAGE`): on opening, unasked.
fn sheet_formulas(report: &mut Report, name: &str, text: &str) -> Result<(), String> {
    let mut cell = String::new();
    // Inside a conditional format or a data validation: the cells it
    // applies to (Excel 2010's give theirs in an element after the rule).
    let mut rule: Option<String> = None;
    let mut formulas: Vec<(String, String)> = Vec::new();
    walk_xml(name, text, |item| match item {
        Item::Element(e) => match e.local_name().as_ref() {
            "c" => cell = attribute(e, "r").unwrap_or_default(),
            "conditionalFormatting" | "dataValidation" => {
                rule = Some(attribute(e, "sqref").unwrap_or_default());
            }
            "f" | "formula" | "formula1" | "formula2" if rule.is_some() => {
                let at = match rule.as_deref() {
                    Some("") | None => "a conditional format's or data validation's rule".into(),
                    Some(r) => format!("the rule for cells {r}"),
                };
                formulas.push((at, String::new()))
            }
            "f" => formulas.push((format!("cell {cell}"), String::new())),
            "calculatedColumnFormula" | "totalsRowFormula" => {
                formulas.push(("a table's calculated column".to_string(), String::new()))
            }
            "definedName" => formulas.push((
                format!("the name `{}`", attribute(e, "name").unwrap_or_default()),
                String::new(),
            )),
            _ => {}
        },
        Item::Text {
            holder:
                "f"
                | "definedName"
                | "formula"
                | "formula1"
                | "formula2"
                | "calculatedColumnFormula"
                | "totalsRowFormula",
            text,
        } => {
            if let Some((_, f)) = formulas.last_mut() {
                f.push_str(text);
            }
        }
        Item::Text { .. } => {}
    })?;
    for (at, f) in formulas {
        if let Some(function) = super::csv::fetching(&f) {
            report.fetching_cells.push(format!(
                "{at} of `{name}` calls {function}: `{}`",
                super::csv::clip(&f)
            ));
        }
    }
    Ok(())
}

/// The server or file a connection string reads from (`Data Source=…`,
/// `Server=…`), but for the workbook's own data (Power Query's
/// `$Workbook$`) and this computer.
fn data_source(connection: &str) -> Option<String> {
    const KEYS: &[&str] = &[
        "data source",
        "server",
        "address",
        "addr",
        "network address",
        "dbq",
    ];
    const HERE: &[&str] = &["", ".", "(local)", "localhost", "127.0.0.1", "$workbook$"];
    connection
        .split(';')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| KEYS.contains(&k.trim().to_ascii_lowercase().as_str()))
        .map(|(_, v)| v.trim().trim_matches('"').to_string())
        .filter(|v| !HERE.contains(&v.to_ascii_lowercase().as_str()))
}

/// Excel's sheets hidden from the workbook's tabs (`state="hidden"`, or
/// `veryHidden`, which Excel's menus cannot show again).
fn hidden_sheets(report: &mut Report, name: &str, text: &str) -> Result<(), String> {
    let mut found = false;
    walk_xml(name, text, |item| {
        if let Item::Element(e) = item
            && e.local_name().as_ref() == "sheet"
            && matches!(
                attribute(e, "state").as_deref(),
                Some("hidden" | "veryHidden")
            )
        {
            found = true;
        }
    })?;
    if found {
        report.hides("hidden sheets");
    }
    Ok(())
}

/// A PowerPoint slide's speaker notes, when they say anything: a notes
/// part holds the slide's number as text too.
fn speaker_notes(report: &mut Report, name: &str, text: &str) -> Result<(), String> {
    let mut words = false;
    walk_xml(name, text, |item| {
        if let Item::Text { holder: "t", text } = item {
            words |= text.chars().any(|c| c.is_alphabetic());
        }
    })?;
    if words {
        report.hides("speaker notes");
    }
    Ok(())
}

/// One of Word's parts (the body, a header, footnotes, comments), streamed:
/// tracked insertions, deletions and moves, and the names of whoever made
/// them or commented (`w:author`); fields that fetch or run something.
fn word_part(report: &mut Report, name: &str, text: &str) -> Result<(), String> {
    // A field's code, gathered from its `w:instrText` runs (a code split
    // over many runs, as Word writes a long one or an attacker hides one).
    let mut code: Option<String> = None;
    // Text a reader could have: not a style's definition (`styles.xml`).
    let lower = name.to_ascii_lowercase();
    let content = ["document", "header", "footer", "footnotes", "endnotes"]
        .iter()
        .any(|p| lower.starts_with(&format!("word/{p}")));
    walk_xml(name, text, |item| {
        let e = match item {
            Item::Text {
                holder: "instrText",
                text,
            } => {
                code.get_or_insert_default().push_str(text);
                return;
            }
            Item::Text { .. } => return,
            Item::Element(e) => e,
        };
        match e.local_name().as_ref() {
            "ins" | "del" | "moveFrom" | "moveTo" => {
                report.tracked_changes = true;
                person(report, attribute(e, "author").as_deref());
            }
            "comment" => person(report, attribute(e, "author").as_deref()),
            // A run's hidden text (`<w:vanish/>`, not `w:val="0"`).
            "vanish"
                if content
                    && !matches!(attribute(e, "val").as_deref(), Some("0" | "false" | "off")) =>
            {
                report.hides("hidden text");
            }
            "fldChar" => {
                if let Some(c) = code.take() {
                    field(report, &c);
                }
                if attribute(e, "fldCharType").as_deref() == Some("begin") {
                    code = Some(String::new());
                }
            }
            "fldSimple" => field(report, &attribute(e, "instr").unwrap_or_default()),
            _ => {}
        }
    })?;
    field(report, code.as_deref().unwrap_or(""));
    Ok(())
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
