//! Office documents a page links to (Word, Excel, PowerPoint and
//! OpenDocument files): one that makes the reader's program fetch from
//! another computer when opened, or holds macros its name promises it does
//! not, is not published (an error naming it); one that says who wrote,
//! edited or commented it is published with a warning naming them.

mod common;

use common::Site;
use common::office::package;

const TYPES: &str =
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>";
const BODY: &str = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>Consent form</w:t></w:r></w:p></w:body></w:document>";

/// A Word document whose `settings.xml` names a template at `target`, as
/// one made from a template on a server does (or one crafted to report
/// each opening).
fn with_template(target: &str) -> Vec<u8> {
    let rels = format!(
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate\" Target=\"{target}\" TargetMode=\"External\"/></Relationships>"
    );
    package(&[
        ("[Content_Types].xml", TYPES),
        ("word/document.xml", BODY),
        ("word/_rels/settings.xml.rels", &rels),
    ])
}

/// The basic fixture with a page linking to `form.docx` holding `bytes`.
fn site_with(bytes: &[u8]) -> Site {
    let s = Site::signs_with("Print [the consent form](form.docx) before the interview.\n");
    s.write("guidance/handbook/form.docx", bytes);
    s
}

const FORM: &str = "guidance/handbook/form.docx";

#[test]
fn a_document_that_fetches_a_remote_template_is_not_published() {
    let s = site_with(&package(&[
        ("[Content_Types].xml", TYPES),
        ("word/document.xml", BODY),
    ]));
    s.build_ok();
    let before = common::tree(&s.out());
    s.write(FORM, with_template("https://203.0.113.9/t/consent.dotm"));
    let o = s.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr.contains(&format!("{FORM}: error: not published: opening it makes the reader's program fetch from another computer, which then learns who opened it and when: attachedTemplate `https://203.0.113.9/t/consent.dotm`")),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr.contains("Developer > Document Template"),
        "{}",
        o.stderr
    );
    assert_eq!(common::tree(&s.out()), before, "the previous output stays");
}

/// A template on a network share (`\\server\...`) is fetched too, and
/// Windows offers the share the reader's credentials.
#[test]
fn a_template_on_a_network_share_is_not_published() {
    let s = site_with(&with_template("\\\\fileserver\\templates\\form.dotx"));
    let o = s.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr
            .contains("attachedTemplate `\\\\fileserver\\templates\\form.dotx`"),
        "{}",
        o.stderr
    );
    assert!(!s.out().join("en/handbook/form.docx").exists());
}

/// Authors all trusted: published as it is, with the same words as a
/// warning.
#[test]
fn a_trusted_site_publishes_it_with_a_warning() {
    let s = site_with(&with_template("https://203.0.113.9/t/consent.dotm"));
    let config = s.read("site.yaml");
    s.write("site.yaml", format!("{config}\nallow_raw_html: true\n"));
    let o = s.build_ok();
    assert!(
        o.stderr.contains(&format!(
            "{FORM}: warning: opening it makes the reader's program fetch"
        )),
        "{}",
        o.stderr
    );
    assert!(s.out().join("en/handbook/form.docx").is_file());
}

/// A macro-enabled document renamed `.docx`: Word would refuse to open
/// it, another program might run it.
#[test]
fn macros_in_a_docx_are_not_published() {
    let s = site_with(&package(&[
        ("[Content_Types].xml", TYPES),
        ("word/document.xml", BODY),
        ("word/vbaProject.bin", "\u{1}macro"),
    ]));
    let o = s.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr.contains("not published: it holds macros or commands that start a program, which a .docx file is not expected to: `word/vbaProject.bin`"),
        "{}",
        o.stderr
    );
}

/// A review copy: its author, a reviewer's comment and a tracked deletion
/// (the deleted text is still in the file) are published with it, and
/// the warning says so, naming the people.
#[test]
fn authors_comments_and_tracked_changes_are_named_in_a_warning() {
    let core = "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator>Amina Yusuf</dc:creator><cp:lastModifiedBy>Amina Yusuf</cp:lastModifiedBy></cp:coreProperties>";
    let body = "<w:document xmlns:w=\"w\"><w:body><w:p><w:del w:id=\"1\" w:author=\"Case worker B\"><w:r><w:delText>the family's address</w:delText></w:r></w:del></w:p></w:body></w:document>";
    let comments = "<w:comments xmlns:w=\"w\"><w:comment w:id=\"0\" w:author=\"Case worker B\"><w:p><w:r><w:t>check with the family first</w:t></w:r></w:p></w:comment></w:comments>";
    let bytes = package(&[
        ("[Content_Types].xml", TYPES),
        ("docProps/core.xml", core),
        ("word/document.xml", body),
        ("word/comments.xml", comments),
    ]);
    let s = site_with(&bytes);
    let o = s.build_ok();
    assert!(
        o.stderr.contains(&format!("{FORM}: warning: the published copy keeps who wrote or edited it (`Amina Yusuf`, `Case worker B`), comments and tracked changes (deleted text included): anyone who downloads it can read them")),
        "{}",
        o.stderr
    );
    assert!(o.stderr.contains("Inspect Document"), "{}", o.stderr);
    assert_eq!(
        std::fs::read(s.out().join("en/handbook/form.docx")).unwrap(),
        bytes
    );
}

/// A plain document says nothing and is published byte for byte.
#[test]
fn a_plain_document_is_published_without_a_word() {
    let bytes = package(&[("[Content_Types].xml", TYPES), ("word/document.xml", BODY)]);
    let s = site_with(&bytes);
    let o = s.build_ok();
    assert!(!o.stderr.contains("form.docx"), "{}", o.stderr);
    assert_eq!(
        std::fs::read(s.out().join("en/handbook/form.docx")).unwrap(),
        bytes
    );
}

/// A file named `.docx` that is not one cannot be checked: not published.
#[test]
fn a_document_that_cannot_be_read_is_not_published() {
    let s = site_with(b"PK\x03\x04 not really a zip");
    let o = s.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr.contains("not published: cannot check what the document fetches or runs when opened, or who wrote it: it cannot be read as a zip"),
        "{}",
        o.stderr
    );
}

/// The same checks for LibreOffice's files, and for `static/`, which is
/// published whole: a linked image on a tracking host.
#[test]
fn an_opendocument_file_in_static_with_a_remote_image_is_not_published() {
    let content = "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"><office:body><draw:frame><draw:image xlink:href=\"https://tracker.example/pixel.png\"/></draw:frame></office:body></office:document-content>";
    let s = Site::fixture("basic");
    s.write(
        "static/forms/referral.odt",
        package(&[
            ("mimetype", "application/vnd.oasis.opendocument.text"),
            ("content.xml", content),
        ]),
    );
    let o = s.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr.contains("static/forms/referral.odt: error: not published: opening it makes the reader's program fetch from another computer, which then learns who opened it and when: image `https://tracker.example/pixel.png`"),
        "{}",
        o.stderr
    );
}

/// A picture in the header that Word fetches from a web address at every
/// opening (`INCLUDEPICTURE`, a tracking pixel in a shared form) is a
/// fetch like a remote template.
#[test]
fn a_picture_field_fetched_from_the_web_is_not_published() {
    let header = "<w:hdr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> INCLUDEPICTURE \"https://tracker.example/logo.png\" \\d </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p></w:hdr>";
    let s = site_with(&package(&[
        ("[Content_Types].xml", TYPES),
        ("word/document.xml", BODY),
        ("word/header1.xml", header),
    ]));
    let o = s.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr.contains(
            "learns who opened it and when: INCLUDEPICTURE field `https://tracker.example/logo.png`"
        ),
        "{}",
        o.stderr
    );
}

/// A contact list published as CSV for download: the cell that makes
/// Excel start a program is refused (at its line), and a plain formula is
/// named in a warning at its line; numbers like `+234 …` and `-2` are not
/// formulas.
#[test]
fn csv_formulas_are_found_at_their_lines() {
    let s = Site::signs_with("Download [the contacts](contacts.csv).\n");
    let rel = "guidance/handbook/contacts.csv";
    s.write(
        rel,
        "name,phone,open\nHelpline,+234 800 123 4567,-2\nShelter,\"=cmd|' /C calc'!A0\",24h\n",
    );
    let o = s.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr.contains(&format!("{rel}: error: not published: it holds macros or commands that start a program, which a .csv file is not expected to: a formula that starts a program, line 3: `=cmd|' /C calc'!A0`")),
        "{}",
        o.stderr
    );
    s.write(
        rel,
        "name,phone,total\nHelpline,+234 800 123 4567,=SUM(1;2)\n",
    );
    let o = s.build_ok();
    assert!(
        o.stderr.contains(&format!("{rel}:2:1: warning: cells that a spreadsheet program runs as formulas when it opens the file: line 2: `=SUM(1;2)`")),
        "{}",
        o.stderr
    );
    assert!(s.out().join("en/handbook/contacts.csv").is_file());
}

/// A PDF a page links to: a `/Launch` action (starts a program when the
/// file is opened) is refused; JavaScript and the author are named in
/// warnings, and the file is published.
#[test]
fn a_pdf_that_starts_a_program_is_refused_and_its_scripts_and_author_are_named() {
    let s = Site::signs_with("Print [the intake form](intake.pdf).\n");
    let rel = "guidance/handbook/intake.pdf";
    let pdf = |catalog: &str| {
        format!(
            "%PDF-1.7\n1 0 obj\n<< /Type /Catalog {catalog} >>\nendobj\n2 0 obj\n<< /Author (Amina Yusuf) /Title (Intake /Launch form) >>\nendobj\ntrailer\n<< /Root 1 0 R /Info 2 0 R >>\n%%EOF\n"
        )
    };
    s.write(rel, pdf("/OpenAction << /S /Launch /F (cmd.exe) >>"));
    let o = s.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr.contains(&format!("{rel}: error: not published: it holds macros or commands that start a program, which a .pdf file is not expected to: a `/Launch` action (starts a program)")),
        "{}",
        o.stderr
    );
    s.write(
        rel,
        pdf("/OpenAction << /S /JavaScript /JS (this.print\\(\\)) >>"),
    );
    let o = s.build_ok();
    assert!(
        o.stderr.contains(&format!("{rel}: warning: it holds JavaScript, which a viewer that runs them (Acrobat) does when the reader opens or uses it")),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr.contains(&format!(
            "{rel}: warning: the published copy keeps who wrote or edited it (`Amina Yusuf`)"
        )),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr.contains("Acrobat: File > Properties"),
        "{}",
        o.stderr
    );
    assert!(s.out().join("en/handbook/intake.pdf").is_file());
}
