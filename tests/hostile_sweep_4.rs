//! Defects found by a fourth black-box sweep with hostile input (a site's
//! own templates, forged output, odd names): each test is the smallest
//! site that showed one.

mod common;

use common::Site;
use common::photo::phone_photo;

fn site() -> Site {
    Site::fixture("basic")
}

/// The policy every page must carry, as the theme writes it.
const POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
img-src 'self' data:; font-src 'self'; connect-src 'self'; media-src 'self'; \
object-src 'none'; base-uri 'none'; form-action 'self'";

#[test]
fn a_template_cannot_hide_the_policy_from_the_browser() {
    let theme = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/base.html"),
    )
    .unwrap();
    let viewport = "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    let policy = "<meta http-equiv=\"Content-Security-Policy\" content=\"{{ csp }}\">";
    assert!(theme.contains(viewport) && theme.contains(policy));
    let pixel = "<img src=\"https://pixel.example/p.gif\" alt=\"\">";
    // Each places the policy after what a browser reads as the body (an
    // image after a comment closed early, an unknown element), or inside
    // a quoted value that a search for `>` takes for the end of a tag.
    let variants = [
        theme.replacen(viewport, &format!("<!-->{pixel}<!-- -->\n"), 1),
        theme.replacen(viewport, &format!("<!-- a --!>{pixel}<!-- -->\n"), 1),
        theme.replacen(viewport, "<meta-x>\n", 1),
        theme
            .replacen(viewport, "<meta name=\"x\" content='>", 1)
            .replacen(
                policy,
                &format!("{policy}'>\n<script src=\"https://evil.example/x.js\"></script>"),
                1,
            ),
    ];
    for template in variants {
        let s = site();
        s.write("templates/base.html", &template);
        s.build_ok();
        for page in ["en/index.html", "en/handbook/signs.html", "index.html"] {
            let p = s.page(page);
            let policies: Vec<_> = p
                .select("head > meta[http-equiv=\"Content-Security-Policy\"]")
                .iter()
                .filter_map(|m| m.value().attr("content"))
                .filter(|c| *c == POLICY)
                .map(str::to_string)
                .collect();
            assert!(
                !policies.is_empty(),
                "{page} has no policy in its <head> as a browser reads it:\n{}",
                &p.text[..900.min(p.text.len())]
            );
        }
    }
}

#[test]
fn a_template_that_connects_to_another_host_is_refused() {
    let theme = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/base.html"),
    )
    .unwrap();
    let referrer = "<meta name=\"referrer\" content=\"no-referrer\">\n";
    assert!(theme.contains(referrer));
    // A web font's usual snippet: the stylesheet is blocked by the
    // policy, but Chromium opens the preconnects' connections under it.
    let snippet = "<link rel=\"preconnect\" href=\"https://fonts.googleapis.com\">\n\
                   <link rel=\"preconnect\" href=\"https://fonts.gstatic.com\" crossorigin>\n\
                   <link href=\"https://fonts.googleapis.com/css2?family=Roboto\" rel=\"stylesheet\">\n";
    let s = site();
    s.build_ok();
    let before = common::tree(&s.out());
    s.write(
        "templates/base.html",
        theme.replacen(referrer, &format!("{referrer}{snippet}"), 1),
    );
    let o = s.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    let line = theme[..theme.find(referrer).unwrap()].matches('\n').count() + 2;
    for (n, host) in [
        (line, "fonts.googleapis.com"),
        (line + 1, "fonts.gstatic.com"),
    ] {
        assert!(
            o.stderr.contains(&format!(
                "templates/base.html:{n}:12: error: `<link rel=\"preconnect\">` to `https://{host}`"
            )),
            "{}",
            o.stderr
        );
    }
    assert_eq!(
        common::tree(&s.out()),
        before,
        "the previous output changed"
    );
}

#[test]
fn a_published_name_that_reorders_itself_is_refused() {
    // U+202E shows what follows it reversed: `note\u{202e}fdp.txt` is
    // listed as `notetxt.pdf`, a type it is not.
    for (file, shown, page) in [
        (
            "static/note\u{202e}fdp.txt",
            "static/note\\u{202e}fdp.txt",
            None,
        ),
        (
            "guidance/handbook/images/map\u{2067}gnp.svg",
            "guidance/handbook/images/map\\u{2067}gnp.svg",
            Some("\n![Map](images/map\u{2067}gnp.svg)\n"),
        ),
    ] {
        let s = site();
        s.build_ok();
        let before = common::tree(&s.out());
        let bytes: &[u8] = if file.ends_with("svg") {
            b"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"/>"
        } else {
            b"text"
        };
        s.write(file, bytes);
        if let Some(link) = page {
            let rel = "guidance/handbook/02-signs.en.md";
            s.write(rel, format!("{}{link}", s.read(rel)));
        }
        let o = s.build();
        assert_eq!(o.code, 1, "{file}: {}", o.stderr);
        assert!(
            o.stderr.contains(shown) && o.stderr.contains("reorders the name"),
            "{file}: {}",
            o.stderr
        );
        assert!(!o.stderr.contains('\u{202e}') && !o.stderr.contains('\u{2067}'));
        assert_eq!(common::tree(&s.out()), before, "{file}: the output changed");
    }
}

#[test]
fn a_workbook_with_a_dde_link_or_a_web_query_is_not_published() {
    // What Excel saves for a cell `=cmd|'/c calc'!A0`: a DDE link, which
    // it offers to start when the workbook opens; and a web query it
    // refreshes on opening.
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    let rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let workbook = format!(
        "<workbook xmlns=\"{main}\" xmlns:r=\"{rels}\"><sheets/><externalReferences><externalReference r:id=\"rId2\"/></externalReferences></workbook>"
    );
    let links = format!(
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId2\" Type=\"{rels}/externalLink\" Target=\"externalLinks/externalLink1.xml\"/><Relationship Id=\"rId3\" Type=\"{rels}/connections\" Target=\"connections.xml\"/></Relationships>"
    );
    let dde = format!(
        "<externalLink xmlns=\"{main}\"><ddeLink ddeService=\"cmd\" ddeTopic=\"/c calc\"><ddeItems><ddeItem name=\"A0\" advise=\"1\"/></ddeItems></ddeLink></externalLink>"
    );
    let web = format!(
        "<connections xmlns=\"{main}\"><connection id=\"1\" name=\"q\" type=\"4\" refreshOnLoad=\"1\"><webPr url=\"https://tracker.example/q\"/></connection></connections>"
    );
    for (part, text, said) in [
        (
            "xl/externalLinks/externalLink1.xml",
            &dde,
            "which a .xlsx file is not expected to: a DDE link (`cmd|/c calc`)",
        ),
        ("xl/connections.xml", &web, "https://tracker.example/q"),
    ] {
        let s = site();
        s.write(
            "guidance/handbook/contacts.xlsx",
            common::office::package(&[
                ("xl/workbook.xml", &workbook),
                ("xl/_rels/workbook.xml.rels", &links),
                (part, text),
            ]),
        );
        let rel = "guidance/handbook/02-signs.en.md";
        s.write(rel, format!("{}\n[Contacts](contacts.xlsx)\n", s.read(rel)));
        let o = s.build();
        assert_eq!(o.code, 1, "{part}: {}", o.stderr);
        assert!(
            o.stderr
                .contains("guidance/handbook/contacts.xlsx: error: not published")
                && o.stderr.contains(said),
            "{part}: {}",
            o.stderr
        );
        assert!(!s.out().exists());
    }
}

#[test]
fn an_opendocument_sheet_with_a_dde_link_is_not_published() {
    let content = "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\"><office:body><table:dde-links><table:dde-link><office:dde-source office:dde-application=\"cmd\" office:dde-topic=\"/c calc\" office:dde-item=\"A0\"/></table:dde-link></table:dde-links></office:body></office:document-content>";
    let s = site();
    s.write(
        "guidance/handbook/contacts.ods",
        common::office::package(&[
            ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
            ("content.xml", content),
        ]),
    );
    let rel = "guidance/handbook/02-signs.en.md";
    s.write(rel, format!("{}\n[Contacts](contacts.ods)\n", s.read(rel)));
    let o = s.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr
            .contains("guidance/handbook/contacts.ods: error: not published")
            && o.stderr.contains("a DDE link (`cmd|/c calc`)"),
        "{}",
        o.stderr
    );
    assert!(!s.out().exists());
}

/// Standard base64, for the `data:` addresses of the SVG test.
fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for c in bytes.chunks(3) {
        let n = c
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..4 {
            out.push(if i <= c.len() {
                A[(n >> (18 - 6 * i) & 63) as usize] as char
            } else {
                '='
            });
        }
    }
    out
}

fn unbase64(text: &str) -> Vec<u8> {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let (mut out, mut acc, mut bits) = (Vec::new(), 0u32, 0);
    for c in text.bytes().filter(|c| *c != b'=') {
        acc = (acc << 6) | A.iter().position(|a| *a == c).unwrap() as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

#[test]
fn a_photo_embedded_in_an_svg_loses_its_location() {
    // What Inkscape's "embed" writes: the photo's file whole, EXIF included.
    // A trusted site's SVG is published unsanitised, its photos cleaned too.
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">\n<image width=\"10\" height=\"10\" href=\"data:image/jpeg;base64,{}\"/>\n</svg>\n",
        base64(&phone_photo())
    );
    for (trusted, col) in [(false, 31), (true, 37)] {
        let s = site();
        if trusted {
            s.write(
                "site.yaml",
                format!("{}allow_raw_html: true\n", s.read("site.yaml")),
            );
        }
        s.write("guidance/handbook/images/shelter.svg", &svg);
        let rel = "guidance/handbook/02-signs.en.md";
        s.write(
            rel,
            format!("{}\n![Shelter](images/shelter.svg)\n", s.read(rel)),
        );
        let o = s.build_ok();
        assert!(
            o.stderr.contains(&format!(
                "guidance/handbook/images/shelter.svg:2:{col}: warning: the published copy leaves out the location (GPS)"
            )),
            "trusted: {trusted}: {}",
            o.stderr
        );
        let published =
            std::fs::read_to_string(s.out().join("en/handbook/images/shelter.svg")).unwrap();
        let doc = roxmltree::Document::parse(&published).unwrap();
        let href = doc
            .descendants()
            .find(|n| n.has_tag_name("image"))
            .and_then(|n| n.attribute("href"))
            .unwrap();
        let photo = unbase64(href.strip_prefix("data:image/jpeg;base64,").unwrap());
        assert!(photo.starts_with(&[0xFF, 0xD8, 0xFF]));
        assert!(
            !photo.windows(13).any(|w| w == b"GPSSECRETMARK"),
            "trusted: {trusted}: the embedded photo kept its location"
        );
    }
}

#[test]
fn a_document_holding_a_located_photo_is_not_published() {
    // A phone photo pasted into a report: Word and LibreOffice keep its
    // EXIF, the place it was taken included.
    let photo = phone_photo();
    for (file, part) in [
        ("report.docx", "word/media/image1.jpeg"),
        ("report.odt", "Pictures/1.jpg"),
    ] {
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let o = zip::write::SimpleFileOptions::default();
        for (name, bytes) in [
            (
                "word/document.xml",
                &b"<w:document xmlns:w=\"w\"><w:body><w:p/></w:body></w:document>"[..],
            ),
            (
                "content.xml",
                b"<office:document-content xmlns:office=\"o\"/>",
            ),
            (part, &photo),
        ] {
            w.start_file(name, o).unwrap();
            std::io::Write::write_all(&mut w, bytes).unwrap();
        }
        let s = site();
        s.write(
            &format!("guidance/handbook/{file}"),
            w.finish().unwrap().into_inner(),
        );
        let rel = "guidance/handbook/02-signs.en.md";
        s.write(rel, format!("{}\n[Report]({file})\n", s.read(rel)));
        let o = s.build();
        assert_eq!(o.code, 1, "{file}: {}", o.stderr);
        assert!(
            o.stderr.contains(&format!(
                "guidance/handbook/{file}: error: not published: a photo in it records where it was taken (GPS), which anyone who saves the picture from the document can read: `{part}`"
            )),
            "{file}: {}",
            o.stderr
        );
        assert!(!s.out().exists());
    }
}

#[test]
fn a_pdf_holding_a_located_photo_is_not_published() {
    // img2pdf and scanning apps store a photo's JPEG whole, EXIF included.
    let photo = phone_photo();
    let mut pdf = format!(
        "%PDF-1.4\n1 0 obj\n<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /Filter /DCTDecode /Length {} >>\nstream\n",
        photo.len()
    )
    .into_bytes();
    pdf.extend_from_slice(&photo);
    pdf.extend_from_slice(b"\nendstream\nendobj\n%%EOF\n");
    let s = site();
    s.write("guidance/handbook/scan.pdf", pdf);
    let rel = "guidance/handbook/02-signs.en.md";
    s.write(rel, format!("{}\n[Scan](scan.pdf)\n", s.read(rel)));
    let o = s.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr.contains(
            "guidance/handbook/scan.pdf: error: not published: a photo in it records where it was taken (GPS), which anyone who saves the picture from the document can read: 1 JPEG image"
        ),
        "{}",
        o.stderr
    );
    assert!(!s.out().exists());
}

#[test]
fn a_video_that_says_where_it_was_filmed_is_not_published() {
    // What an Android phone writes: the place in the movie box's user data.
    let clip = common::photo::located_clip();
    for (file, link) in [
        ("guidance/handbook/clip.mp4", Some("clip.mp4")),
        ("static/interview.m4a", None),
    ] {
        let s = site();
        s.write(file, &clip);
        if let Some(target) = link {
            let rel = "guidance/handbook/02-signs.en.md";
            s.write(rel, format!("{}\n[Clip]({target})\n", s.read(rel)));
        }
        let o = s.build();
        assert_eq!(o.code, 1, "{file}: {}", o.stderr);
        assert!(
            o.stderr.contains(&format!(
                "{file}: error: not published: the recording says where it was made (GPS)"
            )),
            "{file}: {}",
            o.stderr
        );
        assert!(!s.out().exists());
    }
}
