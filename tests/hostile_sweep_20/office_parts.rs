//! Office documents whose parts sit, or are named, otherwise than their
//! program writes them: the checks must find them where the program does.

use crate::common;
use crate::common::office::{package, site_linking};
use crate::{DOCUMENT, all_published, all_refused};

/// A part's name was taken as the zip gives it: a `.docx` whose header
/// with a tracking picture was named `/word/header1.xml` or
/// `word\header1.xml`, or a workbook whose Excel
/// 4.0 macro sheet was named `xl/../xl/macrosheets/sheet1.xml`, was
/// published unchecked, since the checks look for `word/` and
/// `xl/macrosheets/`, though a program that cleans up the name opens them.
/// Now such a name is refused (an error naming the part), the previous
/// output left as it was; folders named with a final `/` still pass.
#[test]
fn a_part_named_otherwise_than_any_program_writes_is_not_published() {
    let tracking = "<w:hdr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> INCLUDEPICTURE \"https://tracker.example/p.png\" \\d </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p></w:hdr>";
    let mut cases = Vec::new();
    for name in ["/word/header1.xml", "word\\header1.xml"] {
        let bytes = package(&[("word/document.xml", DOCUMENT), (name, tracking)]);
        cases.push((name, bytes));
    }
    let sheet = "xl/../xl/macrosheets/sheet1.xml";
    cases.push((
        sheet,
        package(&[
            ("xl/workbook.xml", "<workbook/>"),
            (sheet, "<xm:macrosheet/>"),
        ]),
    ));
    all_refused(
        cases
            .iter()
            .map(|(name, bytes)| {
                let said = format!("its part `{name}` has a name programs read differently");
                (*name, bytes.clone(), said)
            })
            .collect(),
    );
    // The same header under its own name is refused for its picture.
    common::office::refused(
        "report.docx",
        &package(&[
            ("word/document.xml", DOCUMENT),
            ("word/header1.xml", tracking),
        ]),
        &["INCLUDEPICTURE field `https://tracker.example/p.png`"],
    );
    let folders = {
        use std::io::Write;
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        w.add_directory("word/", options).unwrap();
        w.start_file("word/document.xml", options).unwrap();
        w.write_all(DOCUMENT.as_bytes()).unwrap();
        w.finish().unwrap().into_inner()
    };
    all_published(vec![("a folder entry", folders)]);
}

/// Word's fields and PowerPoint's mouse-overs were looked for in parts
/// under `word/` and `ppt/` only, while Word and PowerPoint find a part by
/// the package's relationships, whatever its folder: a `.docx` whose body,
/// at `main/document.xml`, fetches a tracking picture on opening, or a
/// `.pptx` whose slide, at `show/slide1.xml`, follows a link when the
/// pointer passes over a shape, was published. Now each is not published,
/// for its field or mouse-over, as under its usual folder; a part
/// elsewhere that only names a field in its text, and a click's link,
/// are still published.
#[test]
fn fields_and_mouse_overs_outside_their_usual_folders_are_found() {
    let tracking = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:fldSimple w:instr=\" INCLUDEPICTURE &quot;https://tracker.example/p.png&quot; \\d \"/></w:p></w:body></w:document>";
    let main = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"main/document.xml\"/></Relationships>";
    let types = "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Override PartName=\"/main/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
    let docx = |body: &str| {
        package(&[
            ("[Content_Types].xml", types),
            ("_rels/.rels", main),
            ("main/document.xml", body),
        ])
    };
    common::office::refused(
        "report.docx",
        &docx(tracking),
        &["INCLUDEPICTURE field `https://tracker.example/p.png`"],
    );
    let slide = |link: &str| {
        format!(
            "<p:sld xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><p:cSld><p:spTree><p:sp><p:nvSpPr><p:cNvPr id=\"4\" name=\"Box\">{link}</p:cNvPr></p:nvSpPr></p:sp></p:spTree></p:cSld></p:sld>"
        )
    };
    let rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"https://t.example/seen\" TargetMode=\"External\"/></Relationships>";
    let deck = |link: &str| {
        package(&[
            ("show/slide1.xml", &slide(link)),
            ("show/_rels/slide1.xml.rels", rels),
        ])
    };
    common::office::refused(
        "training.pptx",
        &deck("<a:hlinkHover r:id=\"rId2\"/>"),
        &[
            "link followed when the pointer passes over it in `show/slide1.xml` `https://t.example/seen`",
        ],
    );
    // Not a false alarm: a click's link, and a part that names a field in
    // its text.
    let note =
        "<note>instrText holds INCLUDEPICTURE \"https://tracker.example/p.png\"; hlinkHover</note>";
    for (file, bytes) in [
        ("training.pptx", deck("<a:hlinkClick r:id=\"rId2\"/>")),
        ("report.docx", docx(DOCUMENT)),
        (
            "report.docx",
            package(&[
                ("word/document.xml", DOCUMENT),
                ("customXml/item1.xml", note),
            ]),
        ),
    ] {
        let (site, _) = site_linking(file, &bytes);
        let o = site.build_ok();
        assert!(!o.stderr.contains(file), "{}", o.stderr);
        assert_eq!(
            std::fs::read(site.out().join(format!("en/handbook/{file}"))).unwrap(),
            bytes
        );
    }
}

/// Excel's formulas and Excel 4.0 macro sheets were looked for under
/// `xl/worksheets/` and `xl/macrosheets/` only, while Excel finds a sheet
/// by the workbook's relationships, whatever its folder: a workbook whose
/// sheet at `calc/sheet1.xml` calls `WEBSERVICE` as it is calculated, or
/// whose macro sheet sits at `macros/sheet1.xml`, was published. Now each
/// is not published; a chart elsewhere whose series name their cells is.
#[test]
fn sheets_outside_their_usual_folders_are_found() {
    let ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";
    let sheet = format!(
        "<worksheet {ns}><sheetData><row r=\"1\"><c r=\"A1\"><f>WEBSERVICE(\"https://t.example/seen\")</f></c></row></sheetData></worksheet>"
    );
    common::office::refused(
        "figures.xlsx",
        &package(&[
            ("xl/workbook.xml", "<workbook/>"),
            ("calc/sheet1.xml", &sheet),
        ]),
        &["cell A1 of `calc/sheet1.xml` calls WEBSERVICE"],
    );
    let macros = "<xm:macrosheet xmlns:xm=\"http://schemas.microsoft.com/office/excel/2006/main\"><sheetData/></xm:macrosheet>";
    common::office::refused(
        "figures.xlsx",
        &package(&[
            ("xl/workbook.xml", "<workbook/>"),
            ("macros/sheet1.xml", macros),
        ]),
        &["`macros/sheet1.xml`"],
    );
    let chart = "<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\"><c:chart><c:ser><c:tx><c:strRef><c:f>Sheet1!$B$1</c:f></c:strRef></c:tx></c:ser></c:chart></c:chartSpace>";
    let bytes = package(&[
        ("xl/workbook.xml", "<workbook/>"),
        ("charts/chart1.xml", chart),
    ]);
    let (site, _) = site_linking("figures.xlsx", &bytes);
    let o = site.build_ok();
    assert!(!o.stderr.contains("figures.xlsx"), "{}", o.stderr);
    assert_eq!(
        std::fs::read(site.out().join("en/handbook/figures.xlsx")).unwrap(),
        bytes
    );
}

/// A slide's links were looked up in the relationships part of its exact
/// name, while PowerPoint finds `ppt/slides/_rels/Slide1.xml.rels` for
/// `slide1.xml` whatever the capitals: a deck whose slide follows a link
/// when the pointer passes over a shape, its relationships part named in
/// other capitals (alone, or beside a harmless one of the exact name),
/// was published, the link not found. Now it is not published, for the
/// link, as under its exact name; a click's link still is.
#[test]
fn a_mouse_over_whose_links_are_named_in_other_capitals_is_found() {
    let slide = |link: &str| {
        format!(
            "<p:sld xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><p:cSld><p:spTree><p:sp><p:nvSpPr><p:cNvPr id=\"4\" name=\"Box\">{link}</p:cNvPr></p:nvSpPr></p:sp></p:spTree></p:cSld></p:sld>"
        )
    };
    let rels = |target: &str| {
        format!(
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"{target}\" TargetMode=\"External\"/></Relationships>"
        )
    };
    let seen = rels("https://t.example/seen");
    let harmless = rels("#slide2");
    let hover = slide("<a:hlinkHover r:id=\"rId2\"/>");
    let other = "ppt/slides/_rels/Slide1.XML.rels";
    for parts in [
        vec![("ppt/slides/slide1.xml", hover.as_str()), (other, &seen)],
        vec![
            ("ppt/slides/slide1.xml", &hover),
            ("ppt/slides/_rels/slide1.xml.rels", &harmless),
            (other, &seen),
        ],
    ] {
        common::office::refused(
            "training.pptx",
            &package(&parts),
            &[
                "link followed when the pointer passes over it in `ppt/slides/slide1.xml` `https://t.example/seen`",
            ],
        );
    }
    let click = slide("<a:hlinkClick r:id=\"rId2\"/>");
    let bytes = package(&[("ppt/slides/slide1.xml", &click), (other, &seen)]);
    let (site, _) = site_linking("training.pptx", &bytes);
    let o = site.build_ok();
    assert!(!o.stderr.contains("training.pptx"), "{}", o.stderr);
}
