//! Defects found by a sixth black-box sweep with hostile input (what an
//! OpenDocument file loads or runs from outside its own text, programs
//! packed inside documents): each test is the smallest site that showed
//! one.

mod common;

use common::office::{package, refused, site_linking, zip_of};

const NS: &str = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" xmlns:presentation=\"urn:oasis:names:tc:opendocument:xmlns:presentation:1.0\" xmlns:script=\"urn:oasis:names:tc:opendocument:xmlns:script:1.0\" xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"";

/// An OpenDocument `content.xml` holding `head` (scripts, styles) before
/// a body of kind `kind` (`text`, `spreadsheet`) holding `body`.
fn content(head: &str, kind: &str, body: &str) -> String {
    format!(
        "<office:document-content {NS}>{head}<office:body><office:{kind}>{body}</office:{kind}></office:body></office:document-content>"
    )
}

/// A LibreOffice Writer document of `parts` after its `mimetype`.
fn odt(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut all = vec![("mimetype", "application/vnd.oasis.opendocument.text")];
    all.extend_from_slice(parts);
    package(&all)
}

/// A spreadsheet or chart inserted in a LibreOffice document is kept in a
/// folder of the package (`Object 1/content.xml`, with its own
/// `meta.xml`), not as a zip inside it: what it fetches, and who made it,
/// is the document's.
#[test]
fn an_object_inside_an_opendocument_file_is_checked_too() {
    let sheet = content(
        "",
        "spreadsheet",
        "<table:table table:name=\"S\"><table:table-row><table:table-cell table:formula=\"of:=COM.MICROSOFT.WEBSERVICE(&quot;https://t.example/o&quot;)\"/><table:table-cell><table:cell-range-source table:name=\"H\" xlink:href=\"https://t.example/list.html\" table:filter-name=\"calc_HTML_WebQuery\"/></table:table-cell></table:table-row></table:table>",
    );
    let frame = content(
        "",
        "text",
        "<draw:frame><draw:object xlink:href=\"./Object 1\"/></draw:frame>",
    );
    refused(
        "report.odt",
        &odt(&[("content.xml", &frame), ("Object 1/content.xml", &sheet)]),
        &[
            "cell-range-source in `Object 1` `https://t.example/list.html`",
            "a formula in `content.xml` calls WEBSERVICE: `of:=COM.MICROSOFT.WEBSERVICE(\"https://t.example/o\")` in `Object 1`",
        ],
    );
    // Its creator is named as the document's own are.
    let meta = format!(
        "<office:document-meta {NS}><office:meta><meta:initial-creator>Amina Yusuf</meta:initial-creator></office:meta></office:document-meta>"
    );
    let chart = content("", "spreadsheet", "<table:table table:name=\"S\"/>");
    let (s, _) = site_linking(
        "report.odt",
        &odt(&[
            ("content.xml", &frame),
            ("Object 1/content.xml", &chart),
            ("Object 1/meta.xml", &meta),
        ]),
    );
    let o = s.build_ok();
    assert!(o.stderr.contains("Amina Yusuf"), "{}", o.stderr);
}

/// OpenOffice wrote an event bound to a Basic macro by its name
/// (`script:macro-name`), not as an address; LibreOffice still runs it,
/// and one in the program's own libraries (`script:location="application"`)
/// needs no macro in the file.
#[test]
fn an_opendocument_event_bound_to_a_macro_by_name_is_not_published() {
    let listener = "<office:scripts><office:event-listeners><script:event-listener script:language=\"ooo:basic\" script:event-name=\"dom:load\" script:macro-name=\"Tools.Misc.Run\" script:location=\"application\"/></office:event-listeners></office:scripts>";
    refused(
        "report.odt",
        &odt(&[("content.xml", &content(listener, "text", "<text:p/>"))]),
        &["it holds macros or commands", "`Tools.Misc.Run`"],
    );
}

/// A floating frame (Insert > Floating Frame) shows a web page inside the
/// document; a page's background picture, a list's bullet picture and a
/// slide's sound can be linked too: each is fetched as the document
/// opens, as a linked image is.
#[test]
fn an_opendocument_frame_or_picture_that_loads_an_address_is_not_published() {
    let frame = "<draw:frame><draw:floating-frame xlink:href=\"https://t.example/track.html\"/></draw:frame>";
    refused(
        "report.odt",
        &odt(&[("content.xml", &content("", "text", frame))]),
        &["floating-frame `https://t.example/track.html`"],
    );
    let styles = format!(
        "<office:document-styles {NS}><office:styles><style:style style:name=\"P\"><style:paragraph-properties><style:background-image xlink:href=\"https://t.example/bg.png\"/></style:paragraph-properties></style:style><text:list-style style:name=\"L\"><text:list-level-style-image text:level=\"1\" xlink:href=\"//t.example/bullet.png\"/></text:list-style></office:styles></office:document-styles>"
    );
    refused(
        "report.odt",
        &odt(&[
            ("content.xml", &content("", "text", "<text:p/>")),
            ("styles.xml", &styles),
        ]),
        &[
            "background-image `https://t.example/bg.png`",
            "list-level-style-image `//t.example/bullet.png`",
        ],
    );
}

/// An OLE compound file (as Word and LibreOffice keep an inserted object)
/// holding an OLE Package's stream: a program or any file, packed inside,
/// which a double click on its icon starts.
fn packed_program() -> Vec<u8> {
    let mut cfb = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1".to_vec();
    cfb.resize(512, 0);
    for unit in "\u{1}Ole10Native".encode_utf16() {
        cfb.extend_from_slice(&unit.to_le_bytes());
    }
    cfb.resize(1024, 0);
    cfb.extend_from_slice(b"payload.exe\0C:\\Users\\amina\\payload.exe\0MZ\x90\0");
    cfb
}

#[test]
fn a_program_packed_inside_a_document_is_not_published() {
    let doc = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body><w:p><w:r><w:object><o:OLEObject Type=\"Embed\" ProgID=\"Package\" DrawAspect=\"Icon\" r:id=\"rId5\"/></w:object></w:r></w:p></w:body></w:document>";
    let docx = zip_of(&[
        ("word/document.xml", doc.as_bytes()),
        ("word/embeddings/oleObject1.bin", &packed_program()),
    ]);
    refused(
        "report.docx",
        &docx,
        &[
            "it holds macros or commands",
            "`word/embeddings/oleObject1.bin`, a file packed inside",
        ],
    );
    // LibreOffice keeps an inserted object of another program as `Object 2`.
    let text = content("", "text", "<text:p/>");
    let odt = zip_of(&[
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.text".as_slice(),
        ),
        ("content.xml", text.as_bytes()),
        ("Object 2", &packed_program()),
    ]);
    refused("report.odt", &odt, &["`Object 2`, a file packed inside"]);
    // An object of another kind (an equation, a drawing) is published.
    let mut drawing = packed_program();
    drawing.truncate(512);
    let (s, _) = site_linking(
        "report.docx",
        &zip_of(&[
            ("word/document.xml", doc.as_bytes()),
            ("word/embeddings/oleObject1.bin", &drawing),
        ]),
    );
    s.build_ok();
    assert!(s.out().join("en/handbook/report.docx").exists());
}

/// A PowerPoint slide whose shape holds `link` (`a:hlinkHover`,
/// `a:hlinkClick`) to the relationship `rId2`, leading to `target`.
fn deck(link: &str, target: &str) -> Vec<u8> {
    let slide = format!(
        "<p:sld xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><p:cSld><p:spTree><p:sp><p:nvSpPr><p:cNvPr id=\"4\" name=\"Box\">{link}</p:cNvPr></p:nvSpPr></p:sp></p:spTree></p:cSld></p:sld>"
    );
    let rels = format!(
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"{target}\" TargetMode=\"External\"/></Relationships>"
    );
    package(&[
        ("ppt/slides/slide1.xml", &slide),
        ("ppt/slides/_rels/slide1.xml.rels", &rels),
    ])
}

/// In a slide show, a shape's mouse-over action runs as the pointer
/// passes over it: PowerPoint starts the program its link names, or
/// follows the link, as a PDF link's `/AA /E` (refused) does. A click's
/// link is the reader's choice.
#[test]
fn a_slide_that_acts_when_the_pointer_passes_over_it_is_not_published() {
    refused(
        "training.pptx",
        &deck(
            "<a:hlinkHover r:id=\"rId2\" action=\"ppaction://program\"/>",
            "file:///C:\\Windows\\System32\\cmd.exe",
        ),
        &[
            "it holds macros or commands",
            "a mouse-over in `ppt/slides/slide1.xml` that starts a program (`ppaction://program file:///C:\\Windows\\System32\\cmd.exe`)",
        ],
    );
    refused(
        "training.pptx",
        &deck("<a:hlinkHover r:id=\"rId2\"/>", "https://t.example/seen"),
        &[
            "link followed when the pointer passes over it in `ppt/slides/slide1.xml` `https://t.example/seen`",
        ],
    );
    let (s, _) = site_linking(
        "training.pptx",
        &deck("<a:hlinkClick r:id=\"rId2\"/>", "https://example.org/more"),
    );
    s.build_ok();
    assert!(s.out().join("en/handbook/training.pptx").exists());
}

/// `translate export` shows translators the earlier source of a block
/// changed since its translation was stamped, from the snapshot `stamp`
/// keeps in `translations/sources/`. A snapshot that is a link (as a
/// cloned repository can hold) was read wherever it led: a file outside
/// the site, or `/dev/zero` until memory ran out.
#[test]
fn translate_export_never_reads_a_snapshot_through_a_link() {
    let s = common::Site::fixture("basic");
    let page = |body: &str| format!("---\ntitle: Steps\n---\n\nFirst.\n\n{body}\n");
    s.write(
        "guidance/handbook/04-steps.en.md",
        page("Words kept outside."),
    );
    s.write("guidance/handbook/04-steps.fr.md", page("Mots."));
    let o = s.run(&["stamp", "guidance/handbook/04-steps.fr.md"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    s.write("guidance/handbook/04-steps.en.md", page("Words of today."));
    let store = s.path().join("translations/sources");
    let snapshot = std::fs::read_dir(&store)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let export = || {
        let o = s.run(&["translate", "export", "--lang", "fr"]);
        assert_eq!(o.code, 0, "{}", o.stderr);
        s.read("translations/fr/handbook.po")
    };
    let earlier = "#| msgid \"Words kept outside.\"";
    assert!(export().contains(earlier), "the snapshot in place is read");
    // The snapshot moved out of the site, a link to it in its place.
    let outside = tempfile::tempdir().unwrap();
    let target = outside.path().join("earlier.md");
    std::fs::rename(&snapshot, &target).unwrap();
    std::os::unix::fs::symlink(&target, &snapshot).unwrap();
    let po = export();
    assert!(!po.contains("Words kept outside"), "{po}");
    assert!(po.contains("msgid \"Words of today.\""), "{po}");
}
