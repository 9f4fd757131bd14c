use super::*;
use std::io::Write;

fn deflate(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// A PDF whose catalog and actions sit in a compressed object stream,
/// as Word and Acrobat write them, a name spelt with `#` escapes.
fn with_object_stream(objects: &[u8]) -> Vec<u8> {
    let body = deflate(objects);
    let mut pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    pdf.extend_from_slice(
        format!(
            "5 0 obj\n<< /Type /ObjStm /N 2 /First 8 /Filter /FlateDecode /Length {} >>\nstream\n",
            body.len()
        )
        .as_bytes(),
    );
    pdf.extend_from_slice(&body);
    pdf.extend_from_slice(b"\nendstream\nendobj\n");
    pdf.extend_from_slice(b"1 0 obj\n<< /Title (Consent \\(draft\\) /JS in a title) /Author (\\376\\377\\000A\\000m\\000i\\000n\\000a) >>\nendobj\n");
    pdf.extend_from_slice(b"trailer\n<< /Info 1 0 R >>\n%%EOF\n");
    pdf
}

#[test]
fn actions_in_object_streams_and_the_author_are_found() {
    let pdf = with_object_stream(
        b"2 0 3 40 << /Type /Catalog /OpenAction << /S /L#61unch /F (cmd.exe) >> >> << /S /JavaScript /JS (app.alert\\(1\\)) >> << /S /SubmitForm /F (https://x.example/) >> /EmbeddedFiles",
    );
    let r = inspect(&pdf);
    assert_eq!(r.macros, ["a `/Launch` action (starts a program)"]);
    assert_eq!(
        r.active,
        [
            "JavaScript",
            "a form that sends its fields to an address",
            "attached files"
        ]
    );
    assert_eq!(r.people, ["Amina"]);
    assert_eq!(r.unchecked, None);
}

/// Word and Acrobat write the author twice: `/Author` and the XMP
/// metadata's `dc:creator`, which can differ (edited in one place).
#[test]
fn the_xmp_metadata_names_its_creators_too() {
    let xmp = "<x:xmpmeta><rdf:RDF><rdf:Description><dc:creator><rdf:Seq><rdf:li>Amina Yusuf</rdf:li><rdf:li xml:lang=\"x-default\">J &amp; K</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>";
    let pdf = format!(
        "%PDF-1.7\n1 0 obj\n<< /Author (jdoe) >>\nendobj\n2 0 obj\n<< /Type /Metadata /Subtype /XML /Length {} >>\nstream\n{xmp}\nendstream\nendobj\n%%EOF\n",
        xmp.len()
    );
    assert_eq!(
        inspect(pdf.as_bytes()).people,
        ["jdoe", "Amina Yusuf", "J & K"]
    );
}

/// `/JS` inside a string (a title) or a page's drawing is not a name.
#[test]
fn names_in_strings_and_page_streams_are_not_read() {
    let mut pdf = b"%PDF-1.4\n1 0 obj\n<< /Title (About /JavaScript and /Launch) /Author <FEFF004A006F> >>\nendobj\n".to_vec();
    pdf.extend_from_slice(
        b"2 0 obj\n<< /Length 20 >>\nstream\n/Launch /JS BT ET\nendstream\nendobj\n%%EOF\n",
    );
    let r = inspect(&pdf);
    assert!(r.macros.is_empty() && r.active.is_empty(), "{r:?}");
    assert_eq!(r.people, ["Jo"]);
}

#[test]
fn an_object_stream_past_the_cap_is_said() {
    let pdf = with_object_stream(&vec![b' '; INFLATE_CAP as usize + 10]);
    let r = inspect(&pdf);
    assert!(r.unchecked.unwrap().contains("inflate to over"));
}

#[test]
fn an_encrypted_pdf_is_said_to_be() {
    let pdf = b"%PDF-1.6\ntrailer\n<< /Encrypt 9 0 R >>\n%%EOF\n";
    assert_eq!(inspect(pdf).unchecked.as_deref(), Some("it is encrypted"));
}
