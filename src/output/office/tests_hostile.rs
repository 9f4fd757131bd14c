//! Cut, flipped and random documents: never a panic, and hostile shapes
//! end (a file of many streams, deep strings, unclosed parts).

use super::*;
use proptest::prelude::*;
use std::io::Write;

/// A Word document with a template, a field, a comment and an author.
fn docx() -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let parts = [
        (
            "docProps/core.xml",
            "<cp:coreProperties xmlns:cp=\"c\" xmlns:dc=\"d\"><dc:creator>A &amp; B</dc:creator></cp:coreProperties>",
        ),
        (
            "word/_rels/settings.xml.rels",
            "<Relationships><Relationship Id=\"r\" Type=\"x/attachedTemplate\" Target=\"https://h/t.dotm\" TargetMode=\"External\"/></Relationships>",
        ),
        (
            "word/document.xml",
            "<w:document xmlns:w=\"w\"><w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>INCLUDEPICTURE \"https://h/p.png\"</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p></w:document>",
        ),
        (
            "word/comments.xml",
            "<w:comments xmlns:w=\"w\"><w:comment w:author=\"C\"/></w:comments>",
        ),
    ];
    for (name, text) in parts {
        w.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(text.as_bytes()).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn pdf() -> Vec<u8> {
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(b"1 0 << /S /JavaScript /JS (x) >> << /S /Launch >>")
        .unwrap();
    let body = e.finish().unwrap();
    let mut p = format!(
        "%PDF-1.7\n2 0 obj\n<< /Type /ObjStm /Filter /FlateDecode /Length {} >>\nstream\n",
        body.len()
    )
    .into_bytes();
    p.extend_from_slice(&body);
    p.extend_from_slice(b"\nendstream\nendobj\n3 0 obj\n<< /Author <FEFF0041> >>\nendobj\n%%EOF\n");
    p
}

const CSV: &[u8] = b"a,b\n\"=cmd|' /C calc'!A0\",=WEBSERVICE(\"x\")\n=SUM(1),\"q\"\"\"\n";

fn samples() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("docx", docx()),
        ("odt", docx()),
        ("pdf", pdf()),
        ("csv", CSV.to_vec()),
    ]
}

/// The samples have something to find, so that cutting them cuts into it.
#[test]
fn the_samples_hold_findings() {
    let d = inspect("docx", &docx()).unwrap();
    assert_eq!(d.people[0], "A & B", "entities resolved");
    assert_eq!((d.fetched.len(), d.people.len(), d.comments), (2, 2, true));
    let p = inspect("pdf", &pdf()).unwrap();
    assert_eq!((p.macros.len(), p.active.len(), p.people.len()), (1, 1, 1));
    let c = inspect("csv", CSV).unwrap();
    assert_eq!(
        (c.macros.len(), c.fetched.len(), c.formula_count),
        (1, 1, 1)
    );
}

#[test]
fn every_truncation_and_bit_flip() {
    for (ext, s) in samples() {
        for n in 0..=s.len() {
            let _ = inspect(ext, &s[..n]);
        }
        for i in 0..s.len() {
            for bit in 0..8 {
                let mut f = s.clone();
                f[i] ^= 1 << bit;
                let _ = inspect(ext, &f);
            }
        }
    }
}

#[test]
fn hostile_shapes_end() {
    // Many streams after one dictionary, unclosed strings, names of `#`.
    let mut p = b"%PDF-1.7\n<<".to_vec();
    for _ in 0..200_000 {
        p.extend_from_slice(b" stream\nx\nendstream");
    }
    p.extend_from_slice(&[b'('; 100_000]);
    assert_eq!(pdf::inspect(&p), Ok(Report::default()));
    let names = b"/#4".repeat(300_000);
    assert_eq!(pdf::inspect(&names), Ok(Report::default()));
    // Objects never ended, actions never closed, each inside the last.
    let open = b"1 0 obj /OpenAction [ /AA << /O ".repeat(200_000);
    assert!(pdf::inspect(&open).unwrap().fetched.is_empty());
    // A CSV of one quote and of a million separators.
    assert_eq!(inspect("csv", &[b'"'; 1 << 20]).unwrap(), Report::default());
    assert_eq!(inspect("csv", &[b','; 1 << 20]).unwrap(), Report::default());
}

proptest! {
    /// Random bytes, alone and spliced into the samples: no panic.
    #[test]
    fn random_documents_never_panic(
        tail in proptest::collection::vec(any::<u8>(), 0..600),
        at in any::<proptest::sample::Index>(),
        which in 0usize..4,
    ) {
        for ext in ["docx", "odt", "pdf", "csv"] {
            let _ = inspect(ext, &tail);
        }
        let (ext, mut s) = samples().swap_remove(which);
        let i = at.index(s.len());
        s.splice(i..i, tail.iter().copied());
        let _ = inspect(ext, &s);
    }
}
