//! Page numbers in the printed contents.
//!
//! Chromium cannot number the contents itself (no `target-counter()`), so
//! each document is printed once, the page each chapter starts on is read
//! from the PDF (Chromium writes a named destination for every element a
//! link points to, and the contents link to every chapter), and the print
//! page is printed again with the numbers. The contents keep room for the
//! numbers the first time, so adding them moves nothing; if a chapter still
//! moved, the document is numbered and printed a third time.

use lopdf::{Document, Object, ObjectId};
use std::collections::{BTreeMap, HashMap};

/// Named destination -> the page it is on (1 for the first page).
pub fn destinations(pdf: &[u8]) -> BTreeMap<String, usize> {
    let Ok(doc) = Document::load_mem(pdf) else {
        return BTreeMap::new();
    };
    let pages: HashMap<ObjectId, usize> = doc
        .get_pages()
        .into_iter()
        .map(|(n, id)| (id, n as usize))
        .collect();
    let mut out = BTreeMap::new();
    let Some(dests) = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"Dests").ok())
        .and_then(|d| resolve(&doc, d).as_dict().ok())
    else {
        return out;
    };
    for (name, value) in dests.iter() {
        let value = resolve(&doc, value);
        // `[page /XYZ x y zoom]`, or `<< /D [page ...] >>`.
        let array = match value {
            Object::Dictionary(d) => d.get(b"D").ok().map(|v| resolve(&doc, v)),
            other => Some(other),
        };
        let page = array
            .and_then(|a| a.as_array().ok())
            .and_then(|a| a.first())
            .and_then(|p| p.as_reference().ok())
            .and_then(|id| pages.get(&id));
        if let Some(&page) = page {
            out.insert(String::from_utf8_lossy(name).into_owned(), page);
        }
    }
    out
}

fn resolve<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    match o {
        Object::Reference(id) => doc.get_object(*id).unwrap_or(o),
        _ => o,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{Dictionary, Stream};

    /// A PDF of `n` pages whose catalog names destinations on some.
    pub fn with_destinations(n: usize, dests: &[(&str, usize)]) -> Vec<u8> {
        let mut doc = Document::with_version("1.4");
        let pages_id = doc.new_object_id();
        let mut kids = Vec::new();
        for _ in 0..n {
            let content = doc.add_object(Stream::new(Dictionary::new(), Vec::new()));
            let mut page = Dictionary::new();
            page.set("Type", Object::Name(b"Page".to_vec()));
            page.set("Parent", pages_id);
            page.set("Contents", content);
            kids.push(doc.add_object(page));
        }
        let mut tree = Dictionary::new();
        tree.set("Type", Object::Name(b"Pages".to_vec()));
        tree.set(
            "Kids",
            kids.iter()
                .map(|&k| Object::Reference(k))
                .collect::<Vec<_>>(),
        );
        tree.set("Count", n as i64);
        doc.objects.insert(pages_id, Object::Dictionary(tree));
        let mut names = Dictionary::new();
        for (name, page) in dests {
            let dest = vec![
                Object::Reference(kids[page - 1]),
                Object::Name(b"XYZ".to_vec()),
                0.into(),
                0.into(),
                0.into(),
            ];
            names.set(name.as_bytes().to_vec(), dest);
        }
        let dests_id = doc.add_object(names);
        let mut catalog = Dictionary::new();
        catalog.set("Type", Object::Name(b"Catalog".to_vec()));
        catalog.set("Pages", pages_id);
        catalog.set("Dests", dests_id);
        let catalog = doc.add_object(catalog);
        doc.trailer.set("Root", catalog);
        let mut out = Vec::new();
        doc.save_to(&mut out).unwrap();
        out
    }

    #[test]
    fn reads_the_page_of_each_destination() {
        let pdf = with_destinations(5, &[("p-intro", 3), ("p-signs", 5)]);
        assert_eq!(
            destinations(&pdf),
            BTreeMap::from([("p-intro".to_string(), 3), ("p-signs".to_string(), 5)])
        );
        assert!(destinations(b"not a pdf").is_empty());
    }
}
