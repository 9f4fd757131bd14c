//! An OpenDocument file's template named by a path on the writer's
//! computer.

use crate::common::office::{package, site_linking};

const NS: &str = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"";

/// A Writer document whose `meta.xml` names its template at `href`.
fn with_template(href: &str) -> Vec<u8> {
    let content = format!(
        "<office:document-content {NS}><office:body><office:text><text:p>Call the hotline.</text:p></office:text></office:body></office:document-content>"
    );
    let meta = format!(
        "<office:document-meta {NS}><office:meta><meta:template xlink:type=\"simple\" xlink:href=\"{href}\" xlink:title=\"Letter\"/></office:meta></office:document-meta>"
    );
    package(&[
        ("mimetype", "application/vnd.oasis.opendocument.text"),
        ("content.xml", &content),
        ("meta.xml", &meta),
    ])
}

/// LibreOffice records the template a document was made from by its path
/// (File > Properties > General), often in the writer's own folders,
/// which name them. Such a document is published, as it fetches nothing,
/// with a warning naming the path (the build says which file and that
/// anyone who downloads it can read it); a template named beside the
/// document is said nothing of.
#[test]
fn an_opendocument_template_at_a_path_on_the_writer_s_computer_is_named() {
    for href in [
        "file:///C:/Users/ann/Templates/letter.ott",
        "/home/ann/Templates/letter.ott",
        "C:\\Users\\ann\\Templates\\letter.ott",
    ] {
        let bytes = with_template(href);
        let (s, _) = site_linking("report.odt", &bytes);
        let o = s.build_ok();
        let said = format!(
            "guidance/handbook/report.odt: warning: the published copy keeps paths on the writer's computer (`{href}`): anyone who downloads it can read them"
        );
        assert!(o.stderr.contains(&said), "{href}: {}", o.stderr);
        let out = std::fs::read(s.out().join("en/handbook/report.odt")).unwrap();
        assert!(out == bytes, "{href}: published otherwise");
    }
    let (s, _) = site_linking("report.odt", &with_template("../Templates/letter.ott"));
    let o = s.build_ok();
    assert!(!o.stderr.contains("report.odt"), "{}", o.stderr);
}
