//! Office documents for tests: a zip of XML parts, as Word, Excel or
//! LibreOffice saves one.

use std::io::{Cursor, Write};

/// A zip of `parts` (name, text).
pub fn package(parts: &[(&str, &str)]) -> Vec<u8> {
    let bytes: Vec<(&str, &[u8])> = parts.iter().map(|(n, t)| (*n, t.as_bytes())).collect();
    zip_of(&bytes)
}

/// A zip of `parts` (name, bytes), for binary parts.
pub fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        w.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// A Word document with nothing to say about it: one paragraph.
pub fn plain_docx() -> Vec<u8> {
    package(&[(
        "word/document.xml",
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p/></w:body></w:document>",
    )])
}

/// The `basic` fixture with `file` (bytes) linked from its signs page, and
/// a first build done, so that the previous output is there.
pub fn site_linking(
    file: &str,
    bytes: &[u8],
) -> (super::Site, std::collections::BTreeMap<String, Vec<u8>>) {
    let s = super::Site::fixture("basic");
    s.build_ok();
    let before = super::tree(&s.out());
    s.write(&format!("guidance/handbook/{file}"), bytes);
    let rel = "guidance/handbook/02-signs.en.md";
    s.write(rel, format!("{}\n[The file]({file})\n", s.read(rel)));
    (s, before)
}

/// A build of a site linking `file` refused, saying `said` about it, the
/// previous output untouched.
pub fn refused(file: &str, bytes: &[u8], said: &[&str]) {
    let (s, before) = site_linking(file, bytes);
    let o = s.build();
    assert_eq!(o.code, 1, "{file}: {}", o.stderr);
    let head = format!("guidance/handbook/{file}: error: not published");
    assert!(o.stderr.contains(&head), "{file}: {}", o.stderr);
    for s in said {
        assert!(o.stderr.contains(s), "{file}: no `{s}` in {}", o.stderr);
    }
    assert_eq!(super::tree(&s.out()), before, "{file}: the output changed");
}

/// A build of a site linking `file` (bytes) publishes it as it is, with
/// nothing said of it.
pub fn published(file: &str, bytes: &[u8]) {
    let (s, _) = site_linking(file, bytes);
    let o = s.build_ok();
    assert!(!o.stderr.contains(file), "{file}: {}", o.stderr);
    let out = std::fs::read(s.out().join("en/handbook").join(file)).unwrap();
    assert!(out == bytes, "{file}: published otherwise");
}
