//! What a document's zip says twice (a part's header and the directory,
//! the record after a part, the ZIP64 end and the classic one), made to
//! disagree in a zip written by hand.

use crate::common::hand_zip::{Zip, crc, entry, hand_zip, header, part, sizes_after, zip64_end};
use crate::common::office::package;
use crate::{DOCUMENT, REMOTE, SETTINGS, all_published, all_refused};

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
            sizes_after(HIDER, data),
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
