//! What a PDF holds, read with lopdf.

use lopdf::{Document, Object};
use std::path::Path;

/// Every URI action in a PDF, sorted, each once.
pub fn uris(pdf: &Path) -> Vec<String> {
    fn walk(o: &Object, out: &mut Vec<String>) {
        match o {
            Object::Dictionary(d) => {
                if let Ok(Object::String(s, _)) = d.get(b"URI") {
                    out.push(String::from_utf8_lossy(s).into_owned());
                }
                d.iter().for_each(|(_, v)| walk(v, out));
            }
            Object::Array(a) => a.iter().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let doc = Document::load(pdf).unwrap();
    let mut out = Vec::new();
    doc.objects.values().for_each(|o| walk(o, &mut out));
    out.sort();
    out.dedup();
    out
}
