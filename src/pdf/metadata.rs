//! What a PDF says about itself: title, author, language, reading
//! direction, and the exact paper size.
//!
//! Chromium names the document after the HTML `<title>` and stamps it with
//! the time it was printed. We set the publication's title, author and
//! language, and drop the dates: with them gone, the same print page gives
//! the same PDF bytes, so an unchanged PDF is not rewritten.

use lopdf::{Dictionary, Document, Object, StringFormat};

/// The document information to write into a PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Metadata {
    pub title: String,
    pub author: String,
    pub subject: Option<String>,
    /// BCP 47 language tag, e.g. `ar`.
    pub lang: String,
    /// Right-to-left: viewers show facing pages right to left.
    pub rtl: bool,
}

/// Which file the metadata goes into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Use {
    /// The PDF to read or print page by page.
    Reading,
    /// The imposed booklet: print double-sided, short-edge flip, unscaled.
    Booklet,
}

/// A PDF text string: plain when ASCII, else UTF-16BE with a byte-order mark.
pub fn text_string(s: &str) -> Object {
    let clean: String = s.chars().filter(|c| !c.is_control()).collect();
    if clean.is_ascii() {
        Object::String(clean.into_bytes(), StringFormat::Literal)
    } else {
        let mut bytes = vec![0xFE, 0xFF];
        bytes.extend(clean.encode_utf16().flat_map(u16::to_be_bytes));
        Object::String(bytes, StringFormat::Hexadecimal)
    }
}

/// Reads a PDF text string back (for tests and checks).
pub use crate::text::pdf_text as decode_text;

/// Writes the document information dictionary and the catalog's language
/// and viewer preferences.
pub fn apply(doc: &mut Document, meta: &Metadata, usage: Use) -> Result<(), String> {
    let info_id = match doc.trailer.get(b"Info").and_then(Object::as_reference) {
        Ok(id) if doc.get_dictionary(id).is_ok() => id,
        _ => {
            let id = doc.add_object(Dictionary::new());
            doc.trailer.set("Info", Object::Reference(id));
            id
        }
    };
    let info = doc
        .get_dictionary_mut(info_id)
        .map_err(|e| format!("cannot set the PDF's title: {e}"))?;
    info.set("Title", text_string(&meta.title));
    info.set("Author", text_string(&meta.author));
    match &meta.subject {
        Some(s) => info.set("Subject", text_string(s)),
        None => {
            info.remove(b"Subject");
        }
    }
    info.set(
        "Creator",
        text_string(&format!("fieldguide {}", env!("CARGO_PKG_VERSION"))),
    );
    info.remove(b"CreationDate");
    info.remove(b"ModDate");

    let catalog = doc
        .catalog_mut()
        .map_err(|e| format!("cannot set the PDF's language: {e}"))?;
    catalog.set("Lang", text_string(&meta.lang));
    let mut prefs = match catalog.get(b"ViewerPreferences") {
        Ok(Object::Dictionary(d)) => d.clone(),
        _ => Dictionary::new(),
    };
    prefs.set("Type", Object::Name(b"ViewerPreferences".to_vec()));
    prefs.set("DisplayDocTitle", true);
    let direction: &[u8] = if meta.rtl { b"R2L" } else { b"L2R" };
    prefs.set("Direction", Object::Name(direction.to_vec()));
    if usage == Use::Booklet {
        prefs.set("Duplex", Object::Name(b"DuplexFlipShortEdge".to_vec()));
        prefs.set("PrintScaling", Object::Name(b"None".to_vec()));
    }
    catalog.set("ViewerPreferences", prefs);
    Ok(())
}

/// Sets each page's MediaBox to the nominal paper size, centred on the box
/// Chromium wrote (which rounds up a little: 298.08 x 420 pt for A6, whose
/// exact size is 297.64 x 419.53 pt). Pages further than 3 pt from the
/// nominal size are left as they are.
pub fn fit_paper(doc: &mut Document, width: f32, height: f32) -> Result<(), String> {
    let pages: Vec<_> = doc.get_pages().into_values().collect();
    for id in pages {
        let [x0, y0, x1, y1] = super::booklet::media_box(doc, id)?;
        let (w, h) = (x1 - x0, y1 - y0);
        if (w - width).abs() > 3.0 || (h - height).abs() > 3.0 {
            continue;
        }
        let dx = (w - width) / 2.0;
        let dy = (h - height) / 2.0;
        let page = doc.get_dictionary_mut(id).map_err(|e| e.to_string())?;
        page.set(
            "MediaBox",
            vec![
                Object::Real(round(x0 + dx)),
                Object::Real(round(y0 + dy)),
                Object::Real(round(x0 + dx + width)),
                Object::Real(round(y0 + dy + height)),
            ],
        );
        page.remove(b"CropBox");
    }
    Ok(())
}

/// Renumbers the ids Chromium gives tagged elements (`node00000229`, used
/// by the structure tree's ID tree and by table cells' `/Headers`). They
/// count DOM nodes, and that count can differ by one from run to run; ranked
/// and renumbered from 1, they are the same every time. Order is kept, so the
/// ID tree stays sorted.
pub fn stable_ids(doc: &mut Document) -> usize {
    fn node_id(bytes: &[u8]) -> Option<u64> {
        let digits = bytes.strip_prefix(b"node")?;
        if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        std::str::from_utf8(digits).ok()?.parse().ok()
    }
    fn walk(obj: &mut Object, f: &mut dyn FnMut(&mut Vec<u8>)) {
        match obj {
            Object::String(bytes, _) => f(bytes),
            Object::Array(a) => a.iter_mut().for_each(|o| walk(o, f)),
            Object::Dictionary(d) => d.iter_mut().for_each(|(_, o)| walk(o, f)),
            Object::Stream(s) => s.dict.iter_mut().for_each(|(_, o)| walk(o, f)),
            _ => {}
        }
    }
    let mut seen = std::collections::BTreeSet::new();
    for obj in doc.objects.values_mut() {
        walk(obj, &mut |b| {
            if let Some(n) = node_id(b) {
                seen.insert(n);
            }
        });
    }
    let rank: std::collections::HashMap<u64, usize> =
        seen.iter().enumerate().map(|(i, &n)| (n, i + 1)).collect();
    for obj in doc.objects.values_mut() {
        walk(obj, &mut |b| {
            if let Some(r) = node_id(b).and_then(|n| rank.get(&n)) {
                *b = format!("node{r:08}").into_bytes();
            }
        });
    }
    rank.len()
}

fn round(v: f32) -> f32 {
    (v * 1000.0).round() / 1000.0
}

/// Millimetres to PDF points.
pub fn pt(mm: f32) -> f32 {
    mm * 72.0 / 25.4
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta() -> Metadata {
        Metadata {
            title: "دليل الجيب".into(),
            author: "Example Agency".into(),
            subject: None,
            lang: "ar".into(),
            rtl: true,
        }
    }

    #[test]
    fn text_strings_round_trip() {
        for s in ["Pocket guide", "دليل الجيب", "Aide-mémoire (ébauche)"] {
            let Object::String(bytes, _) = text_string(s) else {
                panic!()
            };
            assert_eq!(decode_text(&bytes), s);
        }
    }

    #[test]
    fn sets_info_and_catalog() {
        let mut doc = super::super::booklet::tests::test_pdf(2, 298.08, 420.0);
        let mut info = Dictionary::new();
        info.set("Title", text_string("x · Print version"));
        info.set("CreationDate", text_string("D:20260101"));
        let id = doc.add_object(info);
        doc.trailer.set("Info", Object::Reference(id));
        apply(&mut doc, &meta(), Use::Booklet).unwrap();
        let info = doc.get_dictionary(id).unwrap();
        let get = |k: &[u8]| decode_text(info.get(k).unwrap().as_str().unwrap());
        assert_eq!(get(b"Title"), "دليل الجيب");
        assert_eq!(get(b"Author"), "Example Agency");
        assert!(get(b"Creator").starts_with("fieldguide "));
        assert!(!info.has(b"CreationDate"));
        let catalog = doc.catalog().unwrap();
        assert_eq!(catalog.get(b"Lang").unwrap().as_str().unwrap(), b"ar");
        let prefs = catalog
            .get(b"ViewerPreferences")
            .unwrap()
            .as_dict()
            .unwrap();
        assert_eq!(prefs.get(b"Direction").unwrap().as_name().unwrap(), b"R2L");
        assert_eq!(
            prefs.get(b"Duplex").unwrap().as_name().unwrap(),
            b"DuplexFlipShortEdge"
        );
    }

    #[test]
    fn renumbers_element_ids_in_order() {
        let mut doc = Document::with_version("1.4");
        let s = |v: &str| Object::string_literal(v);
        let a = doc.add_object(Object::Array(vec![s("node00000230"), s("node00000412")]));
        let b = doc.add_object(Object::Array(vec![s("node00000412"), s("nodes"), s("x")]));
        assert_eq!(stable_ids(&mut doc), 2);
        let get = |id| -> Vec<Vec<u8>> {
            doc.get_object(id)
                .unwrap()
                .as_array()
                .unwrap()
                .iter()
                .map(|o| o.as_str().unwrap().to_vec())
                .collect()
        };
        assert_eq!(get(a), [b"node00000001".to_vec(), b"node00000002".to_vec()]);
        assert_eq!(
            get(b),
            [b"node00000002".to_vec(), b"nodes".to_vec(), b"x".to_vec()]
        );
    }

    #[test]
    fn fits_pages_to_the_nominal_size() {
        let mut doc = super::super::booklet::tests::test_pdf(2, 298.08, 420.0);
        fit_paper(&mut doc, pt(105.0), pt(148.0)).unwrap();
        for id in doc.get_pages().into_values() {
            let [x0, y0, x1, y1] = super::super::booklet::media_box(&doc, id).unwrap();
            assert!(((x1 - x0) - 297.638).abs() < 0.01, "{x0} {x1}");
            assert!(((y1 - y0) - 419.528).abs() < 0.01, "{y0} {y1}");
            assert!((x0 - 0.221).abs() < 0.01);
        }
        // A page far from the nominal size is left alone.
        let mut doc = super::super::booklet::tests::test_pdf(1, 595.0, 842.0);
        fit_paper(&mut doc, pt(105.0), pt(148.0)).unwrap();
        let id = doc.get_pages()[&1];
        assert_eq!(
            super::super::booklet::media_box(&doc, id).unwrap(),
            [0.0, 0.0, 595.0, 842.0]
        );
    }
}
