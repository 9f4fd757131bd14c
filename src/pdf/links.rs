//! Links in the PDF to other pages of the site.
//!
//! Chromium prints the page from a temporary copy of the site, so a link to
//! another page comes out as `file:///tmp/.../site/en/risk-checklist/x.html`,
//! which would be broken for every reader (and would make each PDF differ).
//! With the site's `base_url`, these links are rewritten to where the page
//! is published. Without it they are taken out, their words left as plain
//! text: a PDF travels alone (e-mailed, shared from a phone), where a link
//! relative to the site would lead nowhere. Links inside the document and
//! to other hosts are left as they are.

use lopdf::{Document, Object, ObjectId, StringFormat};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};

/// What stays as is in a PDF URI: unreserved characters and `/`. PDF URIs
/// (and the URLs Chromium is given) are 7-bit.
pub(super) const URI_PATH: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'/');

/// Rewrites every URI action that starts with `stage` (the temporary
/// site's `file://` URL, ending in `/`) to its page under `base_url`, or
/// without one takes those links out. Returns how many links were
/// rewritten or taken out.
pub fn rewrite(doc: &mut Document, stage: &str, base_url: Option<&str>) -> usize {
    let Some(base) = base_url else {
        return unlink(doc, stage);
    };
    let mut count = 0;
    for obj in doc.objects.values_mut() {
        count += visit(obj, &|uri| published(uri, stage, base));
    }
    count
}

/// Takes out of every page's annotations the links whose URI starts with
/// `stage`; their text stays on the page.
fn unlink(doc: &mut Document, stage: &str) -> usize {
    let into_site = |doc: &Document, annot: &Object| -> bool {
        let dict = match annot {
            Object::Reference(id) => doc.get_dictionary(*id).ok(),
            Object::Dictionary(d) => Some(d),
            _ => None,
        };
        let action = dict.and_then(|d| d.get(b"A").ok()).and_then(|a| match a {
            Object::Reference(id) => doc.get_dictionary(*id).ok(),
            Object::Dictionary(d) => Some(d),
            _ => None,
        });
        action
            .and_then(|a| a.get(b"URI").ok())
            .and_then(|u| u.as_str().ok())
            .is_some_and(|u| u.starts_with(stage.as_bytes()))
    };
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let mut count = 0;
    let mut removed = Vec::new();
    for page in pages {
        // The page's /Annots: an array in the page, or one it refers to.
        let holder = match doc.get_dictionary(page).and_then(|p| p.get(b"Annots")) {
            Ok(Object::Reference(id)) => Some(*id),
            Ok(_) => None,
            Err(_) => continue,
        };
        let annots = match holder {
            Some(id) => doc.get_object(id).and_then(Object::as_array),
            None => doc
                .get_dictionary(page)
                .and_then(|p| p.get(b"Annots"))
                .and_then(Object::as_array),
        };
        let Ok(annots) = annots else { continue };
        let kept: Vec<Object> = annots
            .iter()
            .filter(|a| !into_site(doc, a))
            .cloned()
            .collect();
        if kept.len() == annots.len() {
            continue;
        }
        count += annots.len() - kept.len();
        removed.extend(
            annots
                .iter()
                .filter(|a| into_site(doc, a))
                .filter_map(|a| a.as_reference().ok()),
        );
        match holder {
            Some(id) => {
                doc.objects.insert(id, Object::Array(kept));
            }
            None => {
                if let Ok(p) = doc.get_dictionary_mut(page) {
                    p.set("Annots", kept);
                }
            }
        }
    }
    // The structure tree may still name a link taken out: it keeps no
    // action, so no path of the temporary folder is left in the file.
    for id in removed {
        if let Ok(d) = doc.get_dictionary_mut(id) {
            d.remove(b"A");
        }
    }
    count
}

fn visit(obj: &mut Object, map: &dyn Fn(&str) -> Option<String>) -> usize {
    match obj {
        Object::Dictionary(d) => {
            let mut n = 0;
            let is_uri = matches!(d.get(b"S"), Ok(Object::Name(s)) if s == b"URI");
            if is_uri
                && let Ok(Object::String(bytes, _)) = d.get(b"URI")
                && let Some(new) = std::str::from_utf8(bytes).ok().and_then(map)
            {
                d.set(
                    "URI",
                    Object::String(new.into_bytes(), StringFormat::Literal),
                );
                n += 1;
            }
            for (_, v) in d.iter_mut() {
                n += visit(v, map);
            }
            n
        }
        Object::Array(a) => a.iter_mut().map(|v| visit(v, map)).sum(),
        Object::Stream(s) => {
            let mut o = Object::Dictionary(std::mem::take(&mut s.dict));
            let n = visit(&mut o, map);
            if let Object::Dictionary(d) = o {
                s.dict = d;
            }
            n
        }
        _ => 0,
    }
}

/// Where a link into the temporary site points in the published site.
fn published(uri: &str, stage: &str, base: &str) -> Option<String> {
    let rest = uri.strip_prefix(stage)?;
    let (path, frag) = match rest.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (rest, None),
    };
    let target = percent_decode(path);
    let mut out = format!("{}/{}", base.trim_end_matches('/'), ascii(&target));
    if let Some(f) = frag {
        out.push('#');
        out.push_str(&ascii(&percent_decode(f)));
    }
    Some(out)
}

/// Percent-encodes all but unreserved characters and `/`.
fn ascii(s: &str) -> String {
    utf8_percent_encode(s, URI_PATH).to_string()
}

fn percent_decode(s: &str) -> String {
    percent_decode_str(s).decode_utf8_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    const STAGE: &str = "file:///tmp/fieldguide-pdf-1/site/";
    const BASE: &str = "https://example.org/guidance/";

    #[test]
    fn links_point_at_the_published_site() {
        let uri = format!("{STAGE}en/risk-checklist/data%20protection.html#s%C3%A9curit%C3%A9");
        assert_eq!(
            published(&uri, STAGE, BASE).unwrap(),
            "https://example.org/guidance/en/risk-checklist/data%20protection.html#s%C3%A9curit%C3%A9"
        );
        assert_eq!(published("https://example.org/x", STAGE, BASE), None);
    }

    /// A one-page document with a link to `uri` (its action referred to
    /// or in place) and one inside the document; returns the page.
    fn with_link(doc: &mut Document, uri: &str) -> ObjectId {
        let mut action = lopdf::Dictionary::new();
        action.set("S", Object::Name(b"URI".to_vec()));
        action.set("URI", Object::string_literal(uri));
        let mut annot = lopdf::Dictionary::new();
        annot.set("Subtype", Object::Name(b"Link".to_vec()));
        annot.set("A", action);
        let link = doc.add_object(annot);
        let mut inside = lopdf::Dictionary::new();
        inside.set("Subtype", Object::Name(b"Link".to_vec()));
        inside.set("Dest", Object::string_literal("p-intro"));
        let inside = doc.add_object(inside);
        let pages = doc.new_object_id();
        let mut page = lopdf::Dictionary::new();
        page.set("Type", Object::Name(b"Page".to_vec()));
        page.set("Parent", pages);
        page.set(
            "Annots",
            vec![Object::Reference(link), Object::Reference(inside)],
        );
        let page = doc.add_object(page);
        let mut tree = lopdf::Dictionary::new();
        tree.set("Type", Object::Name(b"Pages".to_vec()));
        tree.set("Kids", vec![Object::Reference(page)]);
        tree.set("Count", 1);
        doc.objects.insert(pages, Object::Dictionary(tree));
        let mut catalog = lopdf::Dictionary::new();
        catalog.set("Type", Object::Name(b"Catalog".to_vec()));
        catalog.set("Pages", pages);
        let catalog = doc.add_object(catalog);
        doc.trailer.set("Root", catalog);
        page
    }

    fn annots(doc: &Document, page: ObjectId) -> Vec<Object> {
        doc.get_dictionary(page)
            .unwrap()
            .get(b"Annots")
            .unwrap()
            .as_array()
            .unwrap()
            .clone()
    }

    #[test]
    fn with_a_base_url_links_to_the_site_are_rewritten() {
        let mut doc = Document::with_version("1.4");
        let page = with_link(&mut doc, &format!("{STAGE}en/risk-checklist/index.html"));
        assert_eq!(rewrite(&mut doc, STAGE, Some(BASE)), 1);
        let a = annots(&doc, page);
        let link = doc.get_dictionary(a[0].as_reference().unwrap()).unwrap();
        let action = link.get(b"A").unwrap().as_dict().unwrap();
        assert_eq!(
            action.get(b"URI").unwrap().as_str().unwrap(),
            b"https://example.org/guidance/en/risk-checklist/index.html"
        );
    }

    #[test]
    fn without_a_base_url_links_to_the_site_are_taken_out() {
        let mut doc = Document::with_version("1.4");
        let page = with_link(&mut doc, &format!("{STAGE}en/risk-checklist/index.html"));
        assert_eq!(rewrite(&mut doc, STAGE, None), 1);
        // The link inside the document stays; the one taken out keeps no
        // path of the temporary folder.
        assert_eq!(annots(&doc, page).len(), 1);
        assert!(
            !doc.objects
                .values()
                .any(|o| o.as_dict().is_ok_and(|d| d.has(b"A")))
        );
        // A link to another host stays too.
        let mut doc = Document::with_version("1.4");
        let page = with_link(&mut doc, "https://example.org/x");
        assert_eq!(rewrite(&mut doc, STAGE, None), 0);
        assert_eq!(annots(&doc, page).len(), 2);
    }
}
