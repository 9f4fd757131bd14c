//! Links in the PDF to other pages of the site.
//!
//! Chromium prints the page from a temporary copy of the site, so a link to
//! another page comes out as `file:///tmp/.../site/en/risk-checklist/x.html`,
//! which would be broken for every reader (and would make each PDF differ).
//! These links are rewritten to where the page is published: under the
//! site's `base_url` when it has one, else relative to the PDF, which sits
//! beside its print page, so the links work when the PDF is opened from the
//! site (on a USB stick, or from the web server). Links inside the document
//! and to other hosts are left as they are.

use crate::markdown::links::relative;
use lopdf::{Document, Object, StringFormat};
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
/// site's `file://` URL, ending in `/`). `pdf` is the PDF's path from the
/// output root. Returns how many links were rewritten.
pub fn rewrite(doc: &mut Document, stage: &str, pdf: &str, base_url: Option<&str>) -> usize {
    let mut count = 0;
    for obj in doc.objects.values_mut() {
        count += visit(obj, &|uri| published(uri, stage, pdf, base_url));
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
fn published(uri: &str, stage: &str, pdf: &str, base_url: Option<&str>) -> Option<String> {
    let rest = uri.strip_prefix(stage)?;
    let (path, frag) = match rest.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (rest, None),
    };
    let target = percent_decode(path);
    let mut out = match base_url {
        Some(base) => {
            let base = base.trim_end_matches('/');
            format!("{base}/{}", ascii(&target))
        }
        None => ascii(&relative(pdf, &target)),
    };
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
    const PDF: &str = "en/pocket-guide/pocket-guide.en.pdf";

    #[test]
    fn links_point_at_the_published_site() {
        let uri = format!("{STAGE}en/risk-checklist/data%20protection.html#s%C3%A9curit%C3%A9");
        assert_eq!(
            published(&uri, STAGE, PDF, None).unwrap(),
            "../risk-checklist/data%20protection.html#s%C3%A9curit%C3%A9"
        );
        assert_eq!(
            published(&uri, STAGE, PDF, Some("https://example.org/guidance/")).unwrap(),
            "https://example.org/guidance/en/risk-checklist/data%20protection.html#s%C3%A9curit%C3%A9"
        );
        assert_eq!(
            published(
                &format!("{STAGE}en/pocket-guide/index.html"),
                STAGE,
                PDF,
                None
            )
            .unwrap(),
            "index.html"
        );
        assert_eq!(published("https://example.org/x", STAGE, PDF, None), None);
    }

    #[test]
    fn rewrites_uri_actions_in_annotations() {
        let mut doc = Document::with_version("1.4");
        let mut action = lopdf::Dictionary::new();
        action.set("S", Object::Name(b"URI".to_vec()));
        action.set(
            "URI",
            Object::string_literal(format!("{STAGE}en/risk-checklist/index.html")),
        );
        let mut annot = lopdf::Dictionary::new();
        annot.set("Subtype", Object::Name(b"Link".to_vec()));
        annot.set("A", action);
        let id = doc.add_object(annot);
        assert_eq!(rewrite(&mut doc, STAGE, PDF, None), 1);
        let a = doc.get_dictionary(id).unwrap().get(b"A").unwrap();
        let uri = a.as_dict().unwrap().get(b"URI").unwrap().as_str().unwrap();
        assert_eq!(uri, b"../risk-checklist/index.html");
    }
}
