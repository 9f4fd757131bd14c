//! Office documents for tests: a zip of XML parts, as Word, Excel or
//! LibreOffice saves one.

use std::io::{Cursor, Write};

/// A zip of `parts` (name, text).
pub fn package(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, text) in parts {
        w.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(text.as_bytes()).unwrap();
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
